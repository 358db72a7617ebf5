/*
** kr_number.c: (being written; see include/krait.h)
*/
#include "krait.h"
