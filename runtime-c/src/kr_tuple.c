/*
** kr_tuple.c: (being written; see include/krait.h)
*/
#include "krait.h"
