/*
** kr_tdesc.c: (being written; see include/krait.h)
*/
#include "krait.h"
