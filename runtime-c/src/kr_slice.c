/*
** kr_slice.c: ints used as indices, and slices. A slice's bounds are Python ints of
** any size; they are reduced to 64-bit values as CPython reduces them to Py_ssize_t
** (big bounds clamp to the extremes, which then clamp to the sequence), and then to
** the start, step and item count that slice.indices() describes.
*/
#include "krait.h"

static const char cannot_fit_message[] = "cannot fit 'int' into an index-sized integer";

int64_t kr_index_value(kr_value i, bool *error) {
  if (kr_is_small(i)) return kr_small_value(i);
  int64_t out;
  if (kr_int_to_i64(i, &out)) return out;
  kr_raise(KR_EXC_INDEX, cannot_fit_message);
  *error = true;
  return -1;
}

int64_t kr_ssize_value(kr_value i, bool *error) {
  if (kr_is_small(i)) return kr_small_value(i);
  int64_t out;
  if (kr_int_to_i64(i, &out)) return out;
  kr_raise(KR_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
  *error = true;
  return -1;
}

/* A slice bound as a 64-bit value; ints beyond 64 bits saturate. */
static int64_t clamped(kr_value v) {
  if (kr_is_small(v)) return kr_small_value(v);
  int64_t out;
  if (kr_int_to_i64(v, &out)) return out;
  return kr_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
}

/* Moves a bound into the range a slice with this step can start or stop at: [0, length]
** going forward, [-1, length - 1] going backward (-1 means "before the first item"). */
static int64_t adjust(int64_t bound, int64_t length, int64_t step) {
  if (bound < 0) {
    bound += length; /* cannot overflow: length >= 0 */
    if (bound < 0) bound = step < 0 ? -1 : 0;
  } else if (bound >= length) {
    bound = step < 0 ? length - 1 : length;
  }
  return bound;
}

int64_t kr_slice_indices(kr_value start, kr_value stop, kr_value step, int64_t length,
                         int64_t *out_start, int64_t *out_step) {
  int64_t st = 1;
  if (step != KR_ABSENT) {
    st = clamped(step);
    if (st == 0) {
      kr_raise(KR_EXC_VALUE, "slice step cannot be zero");
      return -1;
    }
    /* Keeps -st representable, as CPython does. */
    if (st < -INT64_MAX) st = -INT64_MAX;
  }
  int64_t lo = start == KR_ABSENT ? (st < 0 ? INT64_MAX : 0) : clamped(start);
  int64_t hi = stop == KR_ABSENT ? (st < 0 ? INT64_MIN : INT64_MAX) : clamped(stop);
  lo = adjust(lo, length, st);
  hi = adjust(hi, length, st);
  *out_start = lo;
  *out_step = st;
  /* Both bounds are now within [-1, length], so the differences cannot overflow. */
  if (st > 0) return lo < hi ? (hi - lo - 1) / st + 1 : 0;
  return hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
}
