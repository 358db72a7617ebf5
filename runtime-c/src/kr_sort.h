/*
** kr_sort.h: the runtime's internal sort (not part of the public API): CPython 3.11's
** list sort over arrays of slots, for list.sort() and sorted() (kr_list.c).
*/
#ifndef kr_sort_h
#define kr_sort_h

#include "krait.h"

#include <stdbool.h>
#include <stdint.h>

/* How the items compare: each kind has its own copy of the algorithm. */
typedef enum kr_sort_kind {
  KR_SORT_SMALL_INTS, /* tagged small ints only (kr_is_small) */
  KR_SORT_INTS,       /* ints, small or big */
  KR_SORT_FLOATS,     /* doubles, "<" as in C (every comparison with a nan is false) */
  KR_SORT_BOOLS,      /* 0 and 1 in slots */
  KR_SORT_STRS,       /* kr_str pointers, code point order */
  KR_SORT_ANY,        /* kr_slot_compare(x, t, y, t, KR_LT), which may raise */
} kr_sort_kind;

/* Sorts a[0..n) in place, stably, asking only "x < y", with CPython 3.11's algorithm
** (list.sort() without key or reverse): the same result, also for floats with nans,
** and for KR_SORT_ANY and floats with nans the same comparisons in the same order. On
** an error from a comparison, returns false with the exception set, and a[0..n) is
** left as CPython leaves a list then: a permutation of the input, partially sorted.
** Temporary space comes from kr_alloc_atomic, so the caller must keep the items alive
** (for example by sorting a copy of a list's items). */
bool kr_sort_slots(kr_slot *a, int64_t n, kr_sort_kind kind, const kr_tdesc *t);

/* Sorts indices[0..n) (values in [0, n)) by keys[index], compared with "<" for key
** type key_desc (kr_slot_compare): CPython's sort with a key function, where the
** keys are sorted and the values move with them. The same comparisons in the same
** order, and the same order (or partial order, after a failed comparison). */
bool kr_sort_indices_by_keys(kr_slot *indices, int64_t n, const kr_slot *keys,
                             const kr_tdesc *key_desc);

#endif
