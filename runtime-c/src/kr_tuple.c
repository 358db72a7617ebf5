/*
** kr_tuple.c: Python's tuple, an immutable array of slots stored inline. Tuples carry
** no element descriptor, so their slots are always scanned by the collector.
** Immutability lets results share: the empty tuple is one static object, and t + ()
** or t[:] or t * 1 return t itself, as CPython does.
*/
#include "krait.h"

#include <gc.h>
#include <string.h>

const kr_type kr_tuple_type = {"tuple"};

static kr_tuple empty_tuple = {&kr_tuple_type, 0};

#define MAX_SLOTS ((INT64_MAX - (int64_t)sizeof(kr_tuple)) / (int64_t)sizeof(kr_slot))

/* A tuple of 'length' zero slots, or NULL when the memory cannot be had. */
static kr_tuple *try_new(int64_t length) {
  if (length == 0) return &empty_tuple;
  if (length > MAX_SLOTS) return NULL;
  kr_tuple *t = GC_MALLOC(sizeof(kr_tuple) + (size_t)length * sizeof(kr_slot));
  if (t == NULL) return NULL;
  t->type = &kr_tuple_type;
  t->length = length;
  return t;
}

kr_tuple *kr_tuple_new(int64_t length) {
  kr_tuple *t = try_new(length);
  if (t != NULL) return t;
  /* kr_alloc reports the failure and aborts, as for any allocation a program needs. */
  return kr_alloc(sizeof(kr_tuple) + (size_t)length * sizeof(kr_slot));
}

kr_tuple *kr_tuple_concat(const kr_tuple *a, const kr_tuple *b) {
  if (b->length == 0) return (kr_tuple *)a;
  if (a->length == 0) return (kr_tuple *)b;
  kr_tuple *t = kr_tuple_new(a->length + b->length);
  memcpy(t->items, a->items, (size_t)a->length * sizeof(kr_slot));
  memcpy(t->items + a->length, b->items, (size_t)b->length * sizeof(kr_slot));
  return t;
}

kr_tuple *kr_tuple_slice(const kr_tuple *t, kr_value start, kr_value stop, kr_value step) {
  int64_t first, stride;
  int64_t n = kr_slice_indices(start, stop, step, t->length, &first, &stride);
  if (n < 0) return NULL;
  if (n == t->length && stride == 1) return (kr_tuple *)t;
  kr_tuple *r = kr_tuple_new(n);
  for (int64_t i = 0, j = first; i < n; i++, j += stride) r->items[i] = t->items[j];
  return r;
}

kr_tuple *kr_tuple_repeat(const kr_tuple *t, kr_value n) {
  int64_t count;
  if (kr_is_small(n)) {
    count = kr_small_value(n);
  } else if (!kr_int_to_i64(n, &count)) {
    kr_raise(KR_EXC_OVERFLOW, "cannot fit 'int' into an index-sized integer");
    return NULL;
  }
  int64_t size = t->length;
  if (count <= 0 || size == 0) return &empty_tuple;
  if (count == 1) return (kr_tuple *)t;
  kr_tuple *r = size > MAX_SLOTS / count ? NULL : try_new(size * count);
  if (r == NULL) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return NULL;
  }
  for (int64_t done = 0; done < r->length; done += size) {
    memcpy(r->items + done, t->items, (size_t)size * sizeof(kr_slot));
  }
  return r;
}
