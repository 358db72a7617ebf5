/*
** kr_builtins.c: the builtins that walk a sequence of slots (sum, min, max, any, all,
** list(), 'in' over a tuple) and the error of a failed unpacking. Generated code
** passes the items array, length and item width of a list or tuple with the static
** element descriptor, so one function serves both; a list of bools has 1-byte items
** (0 or 1), handled by the fast paths below, everything else 8-byte slots.
*/
#include "krait.h"

#include <stdio.h>
#include <string.h>

kr_value kr_raise_unpack(int64_t expected, int64_t got) {
  /* kr_raise keeps the pointer, so the text lives in GC memory. */
  enum { SIZE = 96 };
  char *message = kr_alloc_atomic(SIZE);
  if (got > expected) {
    snprintf(message, SIZE, "too many values to unpack (expected %lld)",
             (long long)expected);
  } else {
    snprintf(message, SIZE, "not enough values to unpack (expected %lld, got %lld)",
             (long long)expected, (long long)got);
  }
  return kr_raise(KR_EXC_VALUE, message);
}

kr_value kr_raise_unpack_at_least(int64_t expected, int64_t got) {
  enum { SIZE = 96 };
  char *message = kr_alloc_atomic(SIZE);
  snprintf(message, SIZE, "not enough values to unpack (expected at least %lld, got %lld)",
           (long long)expected, (long long)got);
  return kr_raise(KR_EXC_VALUE, message);
}

static double slot_double(kr_slot x) {
  double d;
  memcpy(&d, &x, sizeof d);
  return d;
}

bool kr_slot_truth(kr_slot x, const kr_tdesc *t) {
  t = kr_tdesc_unwrap(&x, t);
  switch ((kr_tkind)t->kind) {
  case KR_T_NEVER:
  case KR_T_OPTIONAL: /* unwrapped above */
  case KR_T_DYN:
  case KR_T_NONE:
    return false;
  case KR_T_BOOL:
    return x != 0;
  case KR_T_INT:
    return x != kr_small(0);
  case KR_T_FLOAT:
    return slot_double(x) != 0.0;
  case KR_T_STR:
  case KR_T_LIST:
  case KR_T_TUPLE:
  case KR_T_DICT:
  case KR_T_SET:
    /* str, list, tuple, dict and set all keep their length in the word after the type. */
    return ((const int64_t *)(uintptr_t)x)[1] != 0;
  }
  return true;
}

/* Item i of a sequence of 'width'-byte items (1: a list of bools, 8: slots). */
static inline kr_slot item_at(const void *items, int64_t width, int64_t i) {
  return width == 1 ? (kr_slot)((const uint8_t *)items)[i] : ((const kr_slot *)items)[i];
}

/* The number of 1 bytes among n (a loop compilers vectorise). */
static int64_t count_ones(const uint8_t *bytes, int64_t n) {
  int64_t ones = 0;
  for (int64_t i = 0; i < n; i++) ones += bytes[i];
  return ones;
}

kr_value kr_sum_int_slots(const void *items, int64_t n, int64_t width, int32_t kind,
                          kr_value start) {
  if (width == 1) {
    /* Bools as bytes: their count, added once (it is below 2**62: it counts bytes). */
    return kr_int_add(start, kr_small(count_ones(items, n)));
  }
  const kr_slot *slots = items;
  kr_value total = start;
  for (int64_t i = 0; i < n; i++) {
    kr_value item = kind == KR_T_BOOL ? kr_small(slots[i] != 0) : slots[i];
    total = kr_int_add(total, item);
    if (total == KR_ERROR) return KR_ERROR;
  }
  return total;
}

/* A float sum of no items from an int start: Python's answer is the int start
** itself, which a float result cannot hold. */
static double empty_float_sum(bool *error) {
  *error = true;
  kr_raise(KR_EXC_NOT_IMPLEMENTED,
           "krait does not support sum() of an empty sequence of floats with an int "
           "start yet (the result would be an int)");
  return -1.0;
}

double kr_sum_float_end(double total, bool empty_from_int, bool *error) {
  return empty_from_int ? empty_float_sum(error) : total;
}

double kr_sum_float_slots(const void *items, int64_t n, int64_t width, int32_t kind,
                          double start, bool start_is_int, bool *error) {
  if (n == 0 && start_is_int) return empty_float_sum(error);
  /* Added one by one, in order, as CPython does: the rounding depends on it. */
  double total = start;
  for (int64_t i = 0; i < n; i++) {
    kr_slot x = item_at(items, width, i);
    if (kind == KR_T_FLOAT) {
      total += slot_double(x);
    } else if (kind == KR_T_BOOL) {
      total += (double)(x != 0);
    } else {
      bool failed = false;
      double d = kr_int_to_double(x, &failed);
      if (failed) {
        *error = true;
        return -1.0;
      }
      total += d;
    }
  }
  return total;
}

kr_slot kr_seq_minmax(const void *items, int64_t n, int64_t width, const kr_tdesc *elem,
                      bool is_max, bool *error) {
  if (n == 0) {
    *error = true;
    kr_raise(KR_EXC_VALUE,
             is_max ? "max() arg is an empty sequence" : "min() arg is an empty sequence");
    return 0;
  }
  if (width == 1 && elem->kind == KR_T_BOOL) {
    /* max is True when any item is, min False when any item is. */
    int wanted = is_max ? 1 : 0;
    return memchr(items, wanted, (size_t)n) != NULL ? (kr_slot)wanted : (kr_slot)!wanted;
  }
  kr_slot best = item_at(items, width, 0);
  kr_comparing_call_enter();
  for (int64_t i = 1; i < n; i++) {
    /* Python replaces the best so far only when the item is strictly better. */
    kr_slot x = item_at(items, width, i);
    int better = kr_slot_compare(x, elem, best, elem, is_max ? KR_GT : KR_LT);
    if (better < 0) {
      *error = true;
      best = 0;
      break;
    }
    if (better) best = x;
  }
  kr_comparing_call_leave();
  return best;
}

bool kr_seq_any(const void *items, int64_t n, int64_t width, const kr_tdesc *elem) {
  if (width == 1 && elem->kind == KR_T_BOOL) return n > 0 && memchr(items, 1, (size_t)n) != NULL;
  for (int64_t i = 0; i < n; i++) {
    if (kr_slot_truth(item_at(items, width, i), elem)) return true;
  }
  return false;
}

bool kr_seq_all(const void *items, int64_t n, int64_t width, const kr_tdesc *elem) {
  if (width == 1 && elem->kind == KR_T_BOOL) return n == 0 || memchr(items, 0, (size_t)n) == NULL;
  for (int64_t i = 0; i < n; i++) {
    if (!kr_slot_truth(item_at(items, width, i), elem)) return false;
  }
  return true;
}

kr_list *kr_list_from_slots(const kr_slot *items, int64_t n, const kr_tdesc *elem) {
  kr_list *l = kr_list_new(n, elem);
  if (l->width == 8) {
    if (n > 0) memcpy(l->items, items, (size_t)n * sizeof *items);
  } else {
    for (int64_t i = 0; i < n; i++) kr_list_set(l, i, items[i]);
  }
  return l;
}

int kr_tuple_contains(const kr_tuple *t, const kr_tdesc *tuple_desc, kr_slot x,
                      const kr_tdesc *tx) {
  for (int64_t i = 0; i < t->length && i < tuple_desc->count; i++) {
    int eq = kr_slot_eq(t->items[i], tuple_desc->items[i], x, tx);
    if (eq != 0) return eq;
  }
  return 0;
}

int64_t kr_tuple_count(const kr_tuple *t, const kr_tdesc *tuple_desc, kr_slot x,
                       const kr_tdesc *tx, bool *error) {
  int64_t count = 0;
  kr_comparing_call_enter();
  for (int64_t i = 0; i < t->length && i < tuple_desc->count; i++) {
    int eq = kr_slot_eq(t->items[i], tuple_desc->items[i], x, tx);
    if (eq < 0) {
      *error = true;
      break;
    }
    count += eq;
  }
  kr_comparing_call_leave();
  return count;
}

int64_t kr_tuple_index(const kr_tuple *t, const kr_tdesc *tuple_desc, kr_slot x,
                       const kr_tdesc *tx, bool *error) {
  kr_comparing_call_enter();
  for (int64_t i = 0; i < t->length && i < tuple_desc->count; i++) {
    int eq = kr_slot_eq(t->items[i], tuple_desc->items[i], x, tx);
    if (eq != 0) {
      kr_comparing_call_leave();
      if (eq < 0) *error = true;
      return eq < 0 ? -1 : i;
    }
  }
  kr_comparing_call_leave();
  *error = true;
  kr_raise(KR_EXC_VALUE, "tuple.index(x): x not in tuple");
  return -1;
}
