/*
** kr_slice.c: (being written; see include/krait.h)
*/
#include "krait.h"
