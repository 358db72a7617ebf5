/*
** kr_range.c: the arithmetic of range(start, stop, step) objects that native code
** does not iterate: len() and the `in` test. The bounds are exact ints (small or
** big); the answers follow CPython's rangeobject (a length by floor division, a
** membership test by bounds and remainder, never by iteration).
*/
#include "krait.h"

#include <math.h>
#include <string.h>

static bool zero_step(kr_value step) {
  if (kr_int_is_zero(step)) {
    kr_raise(KR_EXC_VALUE, "range() arg 3 must not be zero");
    return true;
  }
  return false;
}

kr_value kr_range_len(kr_value start, kr_value stop, kr_value step) {
  if (zero_step(step)) return KR_ERROR;
  /* With s = |step| and d the distance in the direction of the step, the length
  ** is max(0, (d + s - 1) // s). */
  bool up = kr_int_sign(step) > 0;
  kr_value d = up ? kr_int_sub(stop, start) : kr_int_sub(start, stop);
  kr_value s = up ? step : kr_int_neg(step);
  if (d == KR_ERROR || s == KR_ERROR) return KR_ERROR;
  if (kr_int_sign(d) <= 0) return kr_small(0);
  kr_value sum = kr_int_add(d, s);
  if (sum == KR_ERROR) return KR_ERROR;
  kr_value top = kr_int_sub(sum, kr_small(1));
  if (top == KR_ERROR) return KR_ERROR;
  kr_value n = kr_int_floordiv(top, s);
  if (n == KR_ERROR) return KR_ERROR;
  /* len() answers a C ssize_t: OverflowError beyond it, as CPython. */
  bool error = false;
  kr_ssize_value(n, &error);
  return error ? KR_ERROR : n;
}

int kr_range_contains(kr_value start, kr_value stop, kr_value step, kr_value x) {
  if (zero_step(step)) return -1;
  bool up = kr_int_sign(step) > 0;
  bool inside = up ? kr_int_compare(start, x) <= 0 && kr_int_compare(x, stop) < 0
                   : kr_int_compare(stop, x) < 0 && kr_int_compare(x, start) <= 0;
  if (!inside) return 0;
  kr_value offset = kr_int_sub(x, start);
  if (offset == KR_ERROR) return -1;
  kr_value r = kr_int_mod(offset, step);
  if (r == KR_ERROR) return -1;
  return kr_int_is_zero(r) ? 1 : 0;
}

int kr_range_contains_float(kr_value start, kr_value stop, kr_value step, double x) {
  if (zero_step(step)) return -1;
  /* A float is in the range when it equals one of its ints: only an integral,
  ** finite float can. */
  if (!isfinite(x) || floor(x) != x) return 0;
  kr_value i = kr_int_from_double(x);
  if (i == KR_ERROR) return -1;
  return kr_range_contains(start, stop, step, i);
}

int kr_range_contains_dyn(kr_value start, kr_value stop, kr_value step, kr_value x) {
  const kr_tdesc *t = kr_dyn_type(x);
  kr_slot v = kr_dyn_slot(x);
  switch ((kr_tkind)t->kind) {
    case KR_T_INT: return kr_range_contains(start, stop, step, (kr_value)v);
    case KR_T_BOOL: return kr_range_contains(start, stop, step, kr_small(v != 0));
    case KR_T_FLOAT: {
      double d;
      memcpy(&d, &v, sizeof d);
      return kr_range_contains_float(start, stop, step, d);
    }
    default:
      /* Never equal to an int; the step is still checked, as range() does. */
      return zero_step(step) ? -1 : 0;
  }
}
