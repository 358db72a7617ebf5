/*
** kr_str_ops.c: (being written; see include/krait.h)
*/
#include "krait.h"
