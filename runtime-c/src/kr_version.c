/*
** kr_version.c: the runtime's version string, so a program and the compiler that
** built it can be matched.
*/
#include "krait.h"

#ifndef KR_VERSION
#define KR_VERSION "0.1.0"
#endif

const char *kr_runtime_version(void) { return KR_VERSION; }
