/*
** kr_format.c: (being written; see include/krait.h)
*/
#include "krait.h"
