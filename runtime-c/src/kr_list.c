/*
** kr_list.c: (being written; see include/krait.h)
*/
#include "krait.h"
