/*
** kr_dyn.c: dynamic values. A variable the compiler cannot give one static type
** holds a dyn word (see krait.h): a small int, or a pointer to a box that pairs a
** concrete descriptor with a slot. Everything here unboxes its operands, dispatches
** on their concrete kinds with Python 3.11's rules (the numeric tower, sequence
** concatenation and repetition, CPython's TypeError texts) and boxes the result.
** Comparison, repr and truth delegate to the generic slot functions of kr_tdesc.c,
** which accept DYN descriptors. A dict is looked up, stored into and merged (|) here,
** and sets combined (| & - ^); iterating over a dict or set held in a dyn value is not
** supported yet (NotImplementedError).
*/
#include "krait.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* {====================================================================
** Descriptors and boxes
** ===================================================================== */

const kr_type kr_box_type = {"object"};

const kr_tdesc kr_tdesc_none = {KR_T_NONE, 0, NULL};
const kr_tdesc kr_tdesc_bool = {KR_T_BOOL, 0, NULL};
const kr_tdesc kr_tdesc_int = {KR_T_INT, 0, NULL};
const kr_tdesc kr_tdesc_float = {KR_T_FLOAT, 0, NULL};
const kr_tdesc kr_tdesc_str = {KR_T_STR, 0, NULL};
const kr_tdesc kr_tdesc_dyn = {KR_T_DYN, 0, NULL};

static const kr_tdesc *const dyn_items[] = {&kr_tdesc_dyn};
static const kr_tdesc *const int_items[] = {&kr_tdesc_int};
static const kr_tdesc *const float_items[] = {&kr_tdesc_float};
static const kr_tdesc *const str_items[] = {&kr_tdesc_str};
const kr_tdesc kr_tdesc_list_dyn = {KR_T_LIST, 1, dyn_items};
const kr_tdesc kr_tdesc_list_int = {KR_T_LIST, 1, int_items};
const kr_tdesc kr_tdesc_list_float = {KR_T_LIST, 1, float_items};
const kr_tdesc kr_tdesc_list_str = {KR_T_LIST, 1, str_items};
static const kr_tdesc empty_tuple_desc = {KR_T_TUPLE, 0, NULL};
/* dict[dyn, dyn]: the type of a | b for dicts of different types. */
static const kr_tdesc *const dyn_dyn_items[] = {&kr_tdesc_dyn, &kr_tdesc_dyn};
static const kr_tdesc dict_dyn_desc = {KR_T_DICT, 2, dyn_dyn_items};
/* set[dyn]: the type of a | b for sets of different types. */
static const kr_tdesc set_dyn_desc = {KR_T_SET, 1, dyn_items};

const kr_box kr_box_none = {&kr_box_type, &kr_tdesc_none, 0};
const kr_box kr_box_true = {&kr_box_type, &kr_tdesc_bool, 1};
const kr_box kr_box_false = {&kr_box_type, &kr_tdesc_bool, 0};

static kr_slot double_slot(double d) {
  kr_slot x;
  memcpy(&x, &d, sizeof x);
  return x;
}

static double slot_double(kr_slot x) {
  double d;
  memcpy(&d, &x, sizeof d);
  return d;
}

static kr_value new_box(const kr_tdesc *t, kr_slot v) {
  /* A float box holds no pointer the collector must follow (its descriptor is
  ** static), so it is atomic; the others may point to GC objects. */
  kr_box *box = t->kind == KR_T_FLOAT ? kr_alloc_atomic(sizeof *box) : kr_alloc(sizeof *box);
  box->type = &kr_box_type;
  box->t = t;
  box->v = v;
  return (kr_value)(uintptr_t)box;
}

kr_value kr_dyn_box(kr_slot x, const kr_tdesc *t) {
  t = kr_tdesc_resolve(x, t);
  switch ((kr_tkind)t->kind) {
    case KR_T_DYN: return x;
    case KR_T_NONE:
    case KR_T_NEVER: return KR_DYN_NONE; /* no Never value exists; None is harmless */
    case KR_T_BOOL: return x ? KR_DYN_TRUE : KR_DYN_FALSE;
    case KR_T_INT:
      if (kr_is_small(x)) return x;
      return new_box(&kr_tdesc_int, x);
    case KR_T_FLOAT: return new_box(&kr_tdesc_float, x);
    case KR_T_STR: return new_box(&kr_tdesc_str, x);
    case KR_T_LIST:
    case KR_T_TUPLE:
    case KR_T_DICT:
    case KR_T_SET: return new_box(t, x);
    case KR_T_OPTIONAL: break; /* resolved above */
  }
  return KR_DYN_NONE;
}

kr_value kr_dyn_from_float(double d) { return new_box(&kr_tdesc_float, double_slot(d)); }
kr_value kr_dyn_from_bool(bool b) { return b ? KR_DYN_TRUE : KR_DYN_FALSE; }
kr_value kr_dyn_from_str(const kr_str *s) { return new_box(&kr_tdesc_str, (kr_slot)(uintptr_t)s); }

const kr_tdesc *kr_dyn_type(kr_value d) {
  if (kr_is_small(d)) return &kr_tdesc_int;
  return ((const kr_box *)(uintptr_t)d)->t;
}

kr_slot kr_dyn_slot(kr_value d) {
  if (kr_is_small(d)) return d;
  return ((const kr_box *)(uintptr_t)d)->v;
}

const char *kr_dyn_type_name(kr_value d) { return kr_tdesc_name(kr_dyn_type(d)); }

bool kr_dyn_is(kr_value a, kr_value b) {
  if (a == b) return true;
  return kr_dyn_type(a)->kind == kr_dyn_type(b)->kind && kr_dyn_slot(a) == kr_dyn_slot(b);
}

/* The kind of a dyn word's value. */
static kr_tkind kind_of(kr_value d) { return (kr_tkind)kr_dyn_type(d)->kind; }

static kr_str *str_of(kr_value d) { return (kr_str *)(uintptr_t)kr_dyn_slot(d); }
static kr_list *list_of(kr_value d) { return (kr_list *)(uintptr_t)kr_dyn_slot(d); }
static kr_tuple *tuple_of(kr_value d) { return (kr_tuple *)(uintptr_t)kr_dyn_slot(d); }
static kr_dict *dict_of(kr_value d) { return (kr_dict *)(uintptr_t)kr_dyn_slot(d); }
static kr_set *set_of(kr_value d) { return (kr_set *)(uintptr_t)kr_dyn_slot(d); }

/* }==================================================================== */

/* {====================================================================
** Errors
** ===================================================================== */

/* Raises kind with a printf-formatted message (kept in GC memory: kr_raise keeps the
** pointer). Returns KR_ERROR. */
static kr_value raisef(kr_exc_kind kind, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int n = vsnprintf(NULL, 0, format, args);
  va_end(args);
  char *message = kr_alloc_atomic((size_t)(n < 0 ? 0 : n) + 1);
  va_start(args, format);
  vsnprintf(message, (size_t)(n < 0 ? 0 : n) + 1, format, args);
  va_end(args);
  return kr_raise(kind, message);
}

/* Appends the Python spelling of a static type ("list[int]", "tuple[int, str]"). */
static size_t type_text(const kr_tdesc *t, char *out, size_t cap) {
  size_t n = 0;
#define PUT(s)                                                   \
  do {                                                           \
    const char *s_ = (s);                                        \
    size_t l_ = strlen(s_);                                      \
    if (n + l_ < cap) memcpy(out + n, s_, l_);                   \
    n += l_;                                                     \
  } while (0)
  switch ((kr_tkind)t->kind) {
    case KR_T_LIST:
    case KR_T_TUPLE:
    case KR_T_DICT:
    case KR_T_SET:
      PUT(t->kind == KR_T_LIST   ? "list["
          : t->kind == KR_T_DICT ? "dict["
          : t->kind == KR_T_SET  ? "set["
                                 : "tuple[");
      for (int32_t i = 0; i < t->count; i++) {
        if (i > 0) PUT(", ");
        n += type_text(t->items[i], n < cap ? out + n : out, n < cap ? cap - n : 0);
      }
      if (t->kind == KR_T_TUPLE && t->count == 0) PUT("()");
      PUT("]");
      break;
    case KR_T_OPTIONAL:
      n += type_text(t->items[0], out, cap);
      PUT(" | None");
      break;
    case KR_T_DYN: PUT("dyn"); break;
    case KR_T_NEVER: PUT("Never"); break;
    default: PUT(kr_tdesc_name(t)); break;
  }
#undef PUT
  if (n < cap) out[n] = '\0';
  return n;
}

static const char *type_string(const kr_tdesc *t) {
  char small[128];
  size_t n = type_text(t, small, sizeof small);
  char *text = kr_alloc_atomic(n + 1);
  if (n < sizeof small) {
    memcpy(text, small, n + 1);
  } else {
    type_text(t, text, n + 1);
  }
  return text;
}

static kr_value expected(const kr_tdesc *want, kr_value d) {
  const kr_tdesc *got = kr_dyn_type(d);
  bool container = got->kind == KR_T_LIST || got->kind == KR_T_TUPLE ||
                   got->kind == KR_T_DICT || got->kind == KR_T_SET;
  const char *got_name = container ? type_string(got) : kr_tdesc_name(got);
  return raisef(KR_EXC_TYPE, "expected %s, got '%s'", type_string(want), got_name);
}

/* }==================================================================== */

/* {====================================================================
** Slot conversion between static types (for tuples and list concatenation)
** ===================================================================== */

/* Converts slot x of type 'from' to type 'to' when the value fits without changing
** its Python type: boxing into dyn, unboxing from dyn, None into an optional, a tuple
** item by item. Lists, dicts and sets convert only when their descriptors are equal
** (they are shared and mutable, so they cannot be rebuilt); an empty list[Never] fits
** any list, an empty dict[Never, ...] any dict, an empty set[Never] any set. */
static bool convert_slot(kr_slot x, const kr_tdesc *from, const kr_tdesc *to, kr_slot *out) {
  if (to->kind == KR_T_DYN) {
    *out = kr_dyn_box(x, from);
    return true;
  }
  from = kr_tdesc_unwrap(&x, from);
  if (to->kind == KR_T_OPTIONAL) {
    if (from->kind == KR_T_NONE) {
      *out = KR_NONE_WORD;
      return true;
    }
    to = to->items[0];
  }
  if (from->kind != to->kind) return false;
  switch ((kr_tkind)to->kind) {
    case KR_T_NONE: *out = 0; return true;
    case KR_T_BOOL:
    case KR_T_INT:
    case KR_T_FLOAT:
    case KR_T_STR: *out = x; return true;
    case KR_T_LIST: {
      const kr_list *l = (const kr_list *)(uintptr_t)x;
      if (kr_tdesc_equal(from, to) || (from->items[0]->kind == KR_T_NEVER && l->length == 0)) {
        *out = x;
        return true;
      }
      return false;
    }
    case KR_T_DICT: {
      const kr_dict *m = (const kr_dict *)(uintptr_t)x;
      if (kr_tdesc_equal(from, to) || (from->items[0]->kind == KR_T_NEVER && m->length == 0)) {
        *out = x;
        return true;
      }
      return false;
    }
    case KR_T_SET: {
      const kr_set *m = (const kr_set *)(uintptr_t)x;
      if (kr_tdesc_equal(from, to) || (from->items[0]->kind == KR_T_NEVER && m->length == 0)) {
        *out = x;
        return true;
      }
      return false;
    }
    case KR_T_TUPLE: {
      const kr_tuple *t = (const kr_tuple *)(uintptr_t)x;
      if (from->count != to->count || t->length != to->count) return false;
      if (kr_tdesc_equal(from, to)) {
        *out = x;
        return true;
      }
      kr_tuple *r = kr_tuple_new(t->length);
      for (int64_t i = 0; i < t->length; i++) {
        if (!convert_slot(t->items[i], from->items[i], to->items[i], &r->items[i])) return false;
      }
      *out = (kr_slot)(uintptr_t)r;
      return true;
    }
    default: break;
  }
  return false;
}

/* }==================================================================== */

/* {====================================================================
** Unboxing to static types
** ===================================================================== */

kr_value kr_dyn_as_int(kr_value d) {
  if (kr_is_small(d)) return d;
  const kr_box *box = (const kr_box *)(uintptr_t)d;
  if (box->t->kind == KR_T_INT) return box->v;
  if (box->t->kind == KR_T_BOOL) return kr_small(box->v != 0);
  return expected(&kr_tdesc_int, d);
}

kr_value kr_dyn_index(kr_value d) {
  if (kr_is_small(d)) return d;
  const kr_box *box = (const kr_box *)(uintptr_t)d;
  if (box->t->kind == KR_T_INT) return box->v;
  if (box->t->kind == KR_T_BOOL) return kr_small(box->v != 0);
  return raisef(KR_EXC_TYPE, "'%s' object cannot be interpreted as an integer",
                kr_tdesc_name(kr_dyn_type(d)));
}

double kr_dyn_as_float(kr_value d, bool *error) {
  switch (kind_of(d)) {
    case KR_T_FLOAT: return slot_double(kr_dyn_slot(d));
    case KR_T_BOOL: return kr_dyn_slot(d) ? 1.0 : 0.0;
    case KR_T_INT: {
      bool failed = false;
      double r = kr_int_to_double(kr_dyn_slot(d), &failed);
      if (failed) *error = true;
      return r;
    }
    default: break;
  }
  expected(&kr_tdesc_float, d);
  *error = true;
  return -1.0;
}

int kr_dyn_as_bool(kr_value d) { return kr_dyn_truth(d); }

kr_str *kr_dyn_as_str(kr_value d) {
  if (kind_of(d) == KR_T_STR) return str_of(d);
  expected(&kr_tdesc_str, d);
  return NULL;
}

kr_list *kr_dyn_as_list(kr_value d, const kr_tdesc *want) {
  kr_slot out;
  if (kind_of(d) == KR_T_LIST && convert_slot(kr_dyn_slot(d), kr_dyn_type(d), want, &out))
    return (kr_list *)(uintptr_t)out;
  expected(want, d);
  return NULL;
}

kr_dict *kr_dyn_as_dict(kr_value d, const kr_tdesc *want) {
  kr_slot out;
  if (kind_of(d) == KR_T_DICT && convert_slot(kr_dyn_slot(d), kr_dyn_type(d), want, &out))
    return (kr_dict *)(uintptr_t)out;
  expected(want, d);
  return NULL;
}

kr_set *kr_dyn_as_set(kr_value d, const kr_tdesc *want) {
  kr_slot out;
  if (kind_of(d) == KR_T_SET && convert_slot(kr_dyn_slot(d), kr_dyn_type(d), want, &out))
    return (kr_set *)(uintptr_t)out;
  expected(want, d);
  return NULL;
}

kr_tuple *kr_dyn_as_tuple(kr_value d, const kr_tdesc *want) {
  kr_slot out;
  if (kind_of(d) == KR_T_TUPLE && convert_slot(kr_dyn_slot(d), kr_dyn_type(d), want, &out))
    return (kr_tuple *)(uintptr_t)out;
  expected(want, d);
  return NULL;
}

/* }==================================================================== */

/* {====================================================================
** Numbers
** ===================================================================== */

static bool is_intlike(kr_tkind k) { return k == KR_T_INT || k == KR_T_BOOL; }
static bool is_numeric(kr_tkind k) { return is_intlike(k) || k == KR_T_FLOAT; }

/* An int or bool operand as an int kr_value. */
static kr_value int_value(kr_value d) {
  if (kr_is_small(d)) return d;
  const kr_box *box = (const kr_box *)(uintptr_t)d;
  return box->t->kind == KR_T_BOOL ? kr_small(box->v != 0) : box->v;
}

/* A numeric operand as a double (float(x) for an int); false with OverflowError. */
static bool float_value(kr_value d, double *out) {
  if (kind_of(d) == KR_T_FLOAT) {
    *out = slot_double(kr_dyn_slot(d));
    return true;
  }
  bool failed = false;
  *out = kr_int_to_double(int_value(d), &failed);
  return !failed;
}

/* An int result (KR_ERROR passes through). */
static kr_value int_result(kr_value v) {
  if (v == KR_ERROR) return KR_ERROR;
  return kr_dyn_box(v, &kr_tdesc_int);
}

static kr_value float_result(double d, bool error) {
  return error ? KR_ERROR : kr_dyn_from_float(d);
}

static kr_value float_pow(double a, double b) {
  /* A negative finite base to a finite non-integer power is complex in Python. */
  if (a < 0.0 && isfinite(a) && isfinite(b) && b != floor(b))
    return kr_raise(KR_EXC_NOT_IMPLEMENTED, "krait does not support complex numbers yet");
  bool error = false;
  double r = kr_float_pow(a, b, &error);
  return float_result(r, error);
}

static kr_value float_binary(kr_binop op, double x, double y) {
  bool error = false;
  switch (op) {
    case KR_ADD: return kr_dyn_from_float(x + y);
    case KR_SUB: return kr_dyn_from_float(x - y);
    case KR_MUL: return kr_dyn_from_float(x * y);
    case KR_TRUEDIV: {
      double r = kr_float_div(x, y, &error);
      return float_result(r, error);
    }
    case KR_FLOORDIV: {
      double r = kr_float_floordiv(x, y, &error);
      return float_result(r, error);
    }
    case KR_MOD: {
      double r = kr_float_mod(x, y, &error);
      return float_result(r, error);
    }
    case KR_POW: return float_pow(x, y);
    default: break;
  }
  return KR_ERROR; /* shifts and bit operations are rejected before */
}

/* Both operands int or bool. */
static kr_value int_binary(kr_binop op, kr_value a, kr_value b) {
  bool both_bool = kind_of(a) == KR_T_BOOL && kind_of(b) == KR_T_BOOL;
  kr_value x = int_value(a), y = int_value(b);
  switch (op) {
    case KR_ADD: return int_result(kr_int_add(x, y));
    case KR_SUB: return int_result(kr_int_sub(x, y));
    case KR_MUL: return int_result(kr_int_mul(x, y));
    case KR_FLOORDIV: return int_result(kr_int_floordiv(x, y));
    case KR_MOD: return int_result(kr_int_mod(x, y));
    case KR_LSHIFT: return int_result(kr_int_lshift(x, y));
    case KR_RSHIFT: return int_result(kr_int_rshift(x, y));
    case KR_TRUEDIV: {
      bool error = false;
      double r = kr_int_truediv(x, y, &error);
      return float_result(r, error);
    }
    case KR_POW: {
      if (kr_int_sign(y) >= 0) return int_result(kr_int_pow(x, y));
      /* A negative exponent: Python computes float(x) ** float(y). */
      double fx, fy;
      bool error = false;
      fx = kr_int_to_double(x, &error);
      if (error) return KR_ERROR;
      fy = kr_int_to_double(y, &error);
      if (error) return KR_ERROR;
      return float_pow(fx, fy);
    }
    case KR_BITAND:
    case KR_BITOR:
    case KR_BITXOR: {
      kr_value r = op == KR_BITAND ? kr_int_and(x, y)
                   : op == KR_BITOR ? kr_int_or(x, y)
                                    : kr_int_xor(x, y);
      if (both_bool) return kr_dyn_from_bool(r != kr_small(0));
      return int_result(r);
    }
  }
  return KR_ERROR;
}

/* }==================================================================== */

/* {====================================================================
** Sequences
** ===================================================================== */

/* The count of a repetition: an int or bool operand as a kr_value. */
static kr_value repeat_str(kr_value s, kr_value n) {
  kr_str *r = kr_str_repeat(str_of(s), int_value(n));
  return r == NULL ? KR_ERROR : kr_dyn_from_str(r);
}

static kr_value repeat_list(kr_value l, kr_value n) {
  const kr_tdesc *t = kr_dyn_type(l);
  kr_list *r = kr_list_repeat(list_of(l), int_value(n), t->items[0]);
  return r == NULL ? KR_ERROR : new_box(t, (kr_slot)(uintptr_t)r);
}

/* The descriptor of a tuple made of 'count' copies of t's items followed by u's
** (u may be NULL). */
static const kr_tdesc *tuple_desc_of(const kr_tdesc *t, int64_t copies, const kr_tdesc *u) {
  int64_t n = (int64_t)t->count * copies + (u != NULL ? u->count : 0);
  if (n == 0) return &empty_tuple_desc;
  if (n > INT32_MAX) return NULL;
  const kr_tdesc **items = kr_alloc((size_t)n * sizeof *items);
  int64_t k = 0;
  for (int64_t c = 0; c < copies; c++) {
    for (int32_t i = 0; i < t->count; i++) items[k++] = t->items[i];
  }
  if (u != NULL) {
    for (int32_t i = 0; i < u->count; i++) items[k++] = u->items[i];
  }
  kr_tdesc *d = kr_alloc(sizeof *d);
  d->kind = KR_T_TUPLE;
  d->count = (int32_t)n;
  d->items = items;
  return d;
}

static kr_value repeat_tuple(kr_value t, kr_value n) {
  const kr_tuple *tuple = tuple_of(t);
  kr_tuple *r = kr_tuple_repeat(tuple, int_value(n));
  if (r == NULL) return KR_ERROR;
  if (r == tuple) return t;
  const kr_tdesc *desc =
      r->length == 0 ? &empty_tuple_desc : tuple_desc_of(kr_dyn_type(t), r->length / tuple->length, NULL);
  if (desc == NULL) return kr_raise(KR_EXC_MEMORY, NULL);
  return new_box(desc, (kr_slot)(uintptr_t)r);
}

static kr_value concat_tuples(kr_value a, kr_value b) {
  kr_tuple *r = kr_tuple_concat(tuple_of(a), tuple_of(b));
  if (r == tuple_of(a)) return a;
  if (r == tuple_of(b)) return b;
  const kr_tdesc *desc = tuple_desc_of(kr_dyn_type(a), 1, kr_dyn_type(b));
  if (desc == NULL) return kr_raise(KR_EXC_MEMORY, NULL);
  return new_box(desc, (kr_slot)(uintptr_t)r);
}

/* The element descriptor two lists' items share, or NULL when they differ (an
** element type Never, of a list known to be empty, fits the other). */
static const kr_tdesc *common_elem(const kr_tdesc *ta, const kr_tdesc *tb) {
  const kr_tdesc *ea = ta->items[0], *eb = tb->items[0];
  if (ea->kind == KR_T_NEVER) return eb;
  if (eb->kind == KR_T_NEVER || kr_tdesc_equal(ea, eb)) return ea;
  return NULL;
}

/* Appends the items of l (of element type elem) to r (a list[dyn]), boxed. */
static void append_boxed(kr_list *r, const kr_list *l, const kr_tdesc *elem) {
  int64_t n = l->length; /* read first: l may be r */
  for (int64_t i = 0; i < n; i++) kr_list_append(r, kr_dyn_box(kr_list_get(l, i), elem));
}

static kr_value concat_lists(kr_value a, kr_value b) {
  const kr_tdesc *ta = kr_dyn_type(a), *tb = kr_dyn_type(b);
  const kr_list *la = list_of(a), *lb = list_of(b);
  const kr_tdesc *elem = common_elem(ta, tb);
  if (elem != NULL) {
    const kr_tdesc *t = elem == ta->items[0] ? ta : tb;
    return new_box(t, (kr_slot)(uintptr_t)kr_list_concat(la, lb, elem));
  }
  kr_list *r = kr_list_new(0, &kr_tdesc_dyn);
  append_boxed(r, la, ta->items[0]);
  append_boxed(r, lb, tb->items[0]);
  return new_box(&kr_tdesc_list_dyn, (kr_slot)(uintptr_t)r);
}

/* l += items, in place: items of a list, tuple or str must fit l's element type
** (converted as convert_slot does, e.g. boxed into a list[dyn]). */
static kr_value extend_list(kr_value a, kr_value b) {
  kr_list *l = list_of(a);
  const kr_tdesc *elem = kr_dyn_type(a)->items[0];
  const kr_tdesc *tb = kr_dyn_type(b);
  kr_tkind kb = (kr_tkind)tb->kind;
  if (kb == KR_T_LIST) {
    const kr_list *other = list_of(b);
    if (other->length == 0) return a;
    if (common_elem(kr_dyn_type(a), tb) == elem && elem->kind != KR_T_NEVER) {
      kr_list_extend(l, other);
      return a;
    }
  }
  /* Items one by one: first all converted (the list stays unchanged if one does not
  ** fit), then appended. */
  int64_t n;
  const kr_list *source = NULL;
  if (kb == KR_T_LIST) {
    source = list_of(b);
  } else if (kb == KR_T_STR) {
    source = kr_list_from_str(str_of(b));
    tb = &kr_tdesc_list_str;
  } else if (kb != KR_T_TUPLE) {
    return raisef(KR_EXC_TYPE, "'%s' object is not iterable", kr_tdesc_name(tb));
  }
  n = source != NULL ? source->length : tuple_of(b)->length;
  if (n == 0) return a;
  kr_slot *items = kr_alloc((size_t)n * sizeof *items);
  for (int64_t i = 0; i < n; i++) {
    kr_slot x = source != NULL ? kr_list_get(source, i) : tuple_of(b)->items[i];
    const kr_tdesc *tx = source != NULL ? tb->items[0] : tb->items[i];
    if (!convert_slot(x, tx, elem, &items[i])) {
      kr_slot y = x;
      const kr_tdesc *ty = kr_tdesc_unwrap(&y, tx);
      return raisef(KR_EXC_NOT_IMPLEMENTED,
                    "krait does not support adding an item of type '%s' to a %s in place "
                    "yet",
                    kr_tdesc_name(ty), type_string(kr_dyn_type(a)));
    }
  }
  for (int64_t i = 0; i < n; i++) kr_list_append(l, items[i]);
  return a;
}

/* l *= n, in place. */
static kr_value repeat_list_in_place(kr_value a, kr_value n) {
  kr_list *l = list_of(a);
  kr_list *r = kr_list_repeat(l, int_value(n), kr_dyn_type(a)->items[0]);
  if (r == NULL) return KR_ERROR;
  l->items = r->items;
  l->capacity = r->capacity;
  l->length = r->length;
  l->small_only = r->small_only;
  return a;
}

/* }==================================================================== */

/* {====================================================================
** Binary operators
** ===================================================================== */

static const char *const op_text[] = {"+",  "-",  "*", "/", "//", "%",
                                      "**", "<<", ">>", "&", "|",  "^"};

static kr_value unsupported(kr_binop op, bool inplace, kr_value a, kr_value b) {
  const char *sym = op_text[op];
  if (op == KR_POW && !inplace) sym = "** or pow()";
  return raisef(KR_EXC_TYPE, "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
                inplace ? "=" : "", kr_dyn_type_name(a), kr_dyn_type_name(b));
}

static bool is_sequence(kr_tkind k) { return k == KR_T_STR || k == KR_T_LIST || k == KR_T_TUPLE; }

/* Whether values of type 'from' can be stored as they are (or boxed) where type 'to'
** is expected. */
static bool fits(const kr_tdesc *from, const kr_tdesc *to) {
  return to->kind == KR_T_DYN || from->kind == KR_T_NEVER || kr_tdesc_equal(from, to);
}

/* a | b of two dicts: a new dict of a's entries updated with b's, of a's type when
** both have it, else a dict[dyn, dyn]. a |= b updates a, whose type b's keys and
** values must fit. */
static kr_value merge_dicts(kr_value a, kr_value b, bool inplace) {
  const kr_tdesc *ta = kr_dyn_type(a), *tb = kr_dyn_type(b);
  if (inplace) {
    bool fit = fits(tb->items[0], ta->items[0]) && fits(tb->items[1], ta->items[1]);
    if (dict_of(b)->length > 0 && !fit)
      return raisef(KR_EXC_NOT_IMPLEMENTED,
                    "krait does not support adding the entries of a %s to a %s in place yet",
                    type_string(tb), type_string(ta));
    return kr_dict_update(dict_of(a), ta, dict_of(b), tb) ? a : KR_ERROR;
  }
  if (kr_tdesc_equal(ta, tb)) {
    kr_dict *r = kr_dict_copy(dict_of(a));
    if (!kr_dict_update(r, ta, dict_of(b), tb)) return KR_ERROR;
    return new_box(ta, (kr_slot)(uintptr_t)r);
  }
  kr_dict *r = kr_dict_new(0);
  if (!kr_dict_update(r, &dict_dyn_desc, dict_of(a), ta)) return KR_ERROR;
  if (!kr_dict_update(r, &dict_dyn_desc, dict_of(b), tb)) return KR_ERROR;
  return new_box(&dict_dyn_desc, (kr_slot)(uintptr_t)r);
}

/* a OP b for two sets (OP one of | & - ^): a new set of the type they share (an empty
** set[Never] shares any), else a set[dyn] (a - b: a's type, whose elements it keeps).
** In place, a's element type must take the elements b may bring (all but -=). */
static kr_value set_op(kr_binop op, kr_value a, kr_value b, bool inplace) {
  const kr_tdesc *ta = kr_dyn_type(a), *tb = kr_dyn_type(b);
  kr_set *sa = set_of(a), *sb = set_of(b);
  if (inplace) {
    if (op != KR_SUB && sb->length > 0 && !fits(tb->items[0], ta->items[0]))
      return raisef(KR_EXC_NOT_IMPLEMENTED,
                    "krait does not support adding the elements of a %s to a %s in place yet",
                    type_string(tb), type_string(ta));
    return kr_set_inplace(op, sa, ta, sb, tb) ? a : KR_ERROR;
  }
  const kr_tdesc *t = ta;
  if (ta->items[0]->kind == KR_T_NEVER && sa->length == 0) {
    t = tb;
  } else if (op != KR_SUB && !(tb->items[0]->kind == KR_T_NEVER && sb->length == 0) &&
             !kr_tdesc_equal(ta, tb)) {
    t = &set_dyn_desc;
  }
  kr_set *r = kr_set_binary(op, sa, ta, sb, tb, t);
  return r == NULL ? KR_ERROR : new_box(t, (kr_slot)(uintptr_t)r);
}

static kr_value dyn_op(kr_binop op, kr_value a, kr_value b, bool inplace) {
  /* Two small ints, the common case, skip the dispatch. */
  if (kr_is_small(a) && kr_is_small(b)) {
    switch (op) {
      case KR_ADD: return int_result(kr_int_add(a, b));
      case KR_SUB: return int_result(kr_int_sub(a, b));
      case KR_MUL: return int_result(kr_int_mul(a, b));
      default: break;
    }
  }
  kr_tkind ka = kind_of(a), kb = kind_of(b);
  if (is_numeric(ka) && is_numeric(kb)) {
    if (is_intlike(ka) && is_intlike(kb)) return int_binary(op, a, b);
    if (op >= KR_LSHIFT) return unsupported(op, inplace, a, b);
    double x, y;
    if (!float_value(a, &x) || !float_value(b, &y)) return KR_ERROR;
    return float_binary(op, x, y);
  }
  if (op == KR_ADD && is_sequence(ka)) {
    if (ka == kb) {
      if (ka == KR_T_STR) return kr_dyn_from_str(kr_str_concat(str_of(a), str_of(b)));
      if (ka == KR_T_TUPLE) return concat_tuples(a, b);
      return inplace ? extend_list(a, b) : concat_lists(a, b);
    }
    if (inplace && ka == KR_T_LIST) return extend_list(a, b);
    return raisef(KR_EXC_TYPE, "can only concatenate %s (not \"%s\") to %s", kr_tdesc_name(kr_dyn_type(a)),
                  kr_dyn_type_name(b), kr_tdesc_name(kr_dyn_type(a)));
  }
  if (op == KR_MUL && (is_sequence(ka) || is_sequence(kb))) {
    /* The sequence's repetition; the other operand must be an int (or bool). */
    kr_value seq = is_sequence(ka) ? a : b, count = is_sequence(ka) ? b : a;
    kr_tkind ks = kind_of(seq);
    if (!is_intlike(kind_of(count)))
      return raisef(KR_EXC_TYPE, "can't multiply sequence by non-int of type '%s'",
                    kr_dyn_type_name(count));
    if (ks == KR_T_STR) return repeat_str(seq, count);
    if (ks == KR_T_TUPLE) return repeat_tuple(seq, count);
    if (inplace && seq == a) return repeat_list_in_place(a, count);
    return repeat_list(seq, count);
  }
  if (op == KR_MOD && ka == KR_T_STR) return kr_str_percent(str_of(a), b);
  if (op == KR_BITOR && ka == KR_T_DICT && kb == KR_T_DICT) return merge_dicts(a, b, inplace);
  if ((op == KR_BITOR || op == KR_BITAND || op == KR_SUB || op == KR_BITXOR) && ka == KR_T_SET &&
      kb == KR_T_SET)
    return set_op(op, a, b, inplace);
  return unsupported(op, inplace, a, b);
}

kr_value kr_dyn_binary(kr_binop op, kr_value a, kr_value b) { return dyn_op(op, a, b, false); }

kr_value kr_dyn_inplace(kr_binop op, kr_value a, kr_value b) { return dyn_op(op, a, b, true); }

/* }==================================================================== */

/* {====================================================================
** Unary operators, truth, comparison, text
** ===================================================================== */

kr_value kr_dyn_unary(int op, kr_value a) {
  static const char *const names[] = {"-", "+", "~"};
  kr_tkind k = kind_of(a);
  if (is_intlike(k)) {
    kr_value x = int_value(a);
    if (op == 0) return int_result(kr_int_neg(x));
    if (op == 1) return int_result(x);
    return int_result(kr_int_invert(x));
  }
  if (k == KR_T_FLOAT && op != 2) {
    double d = slot_double(kr_dyn_slot(a));
    return op == 0 ? kr_dyn_from_float(-d) : a;
  }
  return raisef(KR_EXC_TYPE, "bad operand type for unary %s: '%s'", names[op < 0 || op > 2 ? 0 : op],
                kr_dyn_type_name(a));
}

kr_value kr_dyn_abs(kr_value a) {
  kr_tkind k = kind_of(a);
  if (is_intlike(k)) return int_result(kr_int_abs(int_value(a)));
  if (k == KR_T_FLOAT) return kr_dyn_from_float(fabs(slot_double(kr_dyn_slot(a))));
  return raisef(KR_EXC_TYPE, "bad operand type for abs(): '%s'", kr_dyn_type_name(a));
}

int kr_dyn_truth(kr_value a) {
  if (kr_is_small(a)) return a != kr_small(0);
  return kr_slot_truth(a, &kr_tdesc_dyn);
}

int kr_dyn_compare(kr_cmp_op op, kr_value a, kr_value b) {
  return kr_slot_compare(a, &kr_tdesc_dyn, b, &kr_tdesc_dyn, op);
}

int kr_dyn_compare_specialised(kr_cmp_op op, kr_value a, kr_value b) {
  kr_tkind ka = kind_of(a), kb = kind_of(b);
  if (ka == KR_T_INT && kb == KR_T_INT) {
    /* COMPARE_OP_INT_JUMP: ints of one 30-bit digit. */
    const int64_t digit = (int64_t)1 << 30;
    if (!kr_is_small(a) || !kr_is_small(b)) return 0;
    int64_t x = kr_small_value(a), y = kr_small_value(b);
    return x > -digit && x < digit && y > -digit && y < digit;
  }
  if (ka == KR_T_FLOAT && kb == KR_T_FLOAT) return 1;
  if (ka == KR_T_STR && kb == KR_T_STR) return op == KR_EQ || op == KR_NE;
  return 0;
}

int kr_dyn_contains(kr_value container, kr_value x) {
  const kr_tdesc *t = kr_dyn_type(container);
  switch ((kr_tkind)t->kind) {
    case KR_T_STR:
      if (kind_of(x) != KR_T_STR) {
        raisef(KR_EXC_TYPE, "'in <string>' requires string as left operand, not %s",
               kr_dyn_type_name(x));
        return -1;
      }
      return kr_str_contains(str_of(container), str_of(x));
    case KR_T_LIST: return kr_list_contains(list_of(container), t->items[0], x, &kr_tdesc_dyn);
    case KR_T_TUPLE: return kr_tuple_contains(tuple_of(container), t, x, &kr_tdesc_dyn);
    case KR_T_DICT: return kr_dict_contains(dict_of(container), t, x, &kr_tdesc_dyn);
    case KR_T_SET: return kr_set_contains(set_of(container), t, x, &kr_tdesc_dyn);
    default: break;
  }
  raisef(KR_EXC_TYPE, "argument of type '%s' is not iterable", kr_tdesc_name(t));
  return -1;
}

kr_str *kr_dyn_repr(kr_value a) { return kr_slot_repr(a, &kr_tdesc_dyn); }
kr_str *kr_dyn_str(kr_value a) { return kr_slot_str(a, &kr_tdesc_dyn); }

kr_str *kr_dyn_format(kr_value a, const kr_str *spec) {
  kr_slot x = kr_dyn_slot(a);
  switch (kind_of(a)) {
    case KR_T_INT: return kr_format_int(x, spec);
    case KR_T_BOOL: return kr_format_bool(x != 0, spec);
    case KR_T_FLOAT: return kr_format_float(slot_double(x), spec);
    case KR_T_STR: return kr_format_str((const kr_str *)(uintptr_t)x, spec);
    default: break;
  }
  /* object.__format__: str(a) for an empty spec, nothing else. */
  if (spec->size == 0) return kr_dyn_str(a);
  raisef(KR_EXC_TYPE, "unsupported format string passed to %s.__format__", kr_dyn_type_name(a));
  return NULL;
}

/* }==================================================================== */

/* {====================================================================
** int(), float(), len(), a[i]
** ===================================================================== */

kr_value kr_dyn_int(kr_value a) {
  switch (kind_of(a)) {
    case KR_T_INT:
    case KR_T_BOOL: return int_result(int_value(a));
    case KR_T_FLOAT: return int_result(kr_int_from_double(slot_double(kr_dyn_slot(a))));
    case KR_T_STR: return int_result(kr_int_from_kr_str(str_of(a)));
    default: break;
  }
  return raisef(KR_EXC_TYPE,
                "int() argument must be a string, a bytes-like object or a real number, not "
                "'%s'",
                kr_dyn_type_name(a));
}

double kr_dyn_float(kr_value a, bool *error) {
  kr_tkind k = kind_of(a);
  if (is_numeric(k)) return kr_dyn_as_float(a, error);
  if (k == KR_T_STR) return kr_float_from_kr_str(str_of(a), error);
  raisef(KR_EXC_TYPE, "float() argument must be a string or a real number, not '%s'",
         kr_dyn_type_name(a));
  *error = true;
  return -1.0;
}

int64_t kr_dyn_len(kr_value a) {
  switch (kind_of(a)) {
    case KR_T_STR: return str_of(a)->length;
    case KR_T_LIST: return list_of(a)->length;
    case KR_T_TUPLE: return tuple_of(a)->length;
    case KR_T_DICT: return dict_of(a)->length;
    case KR_T_SET: return set_of(a)->length;
    default: break;
  }
  raisef(KR_EXC_TYPE, "object of type '%s' has no len()", kr_dyn_type_name(a));
  return -1;
}

/* Loops over a dyn value index it as a sequence, which a dict or set is not:
** iterating one is not supported yet. NotImplementedError (true) when a is one. */
static bool dict_not_iterable(kr_value a) {
  if (kind_of(a) == KR_T_DICT) {
    kr_raise(KR_EXC_NOT_IMPLEMENTED,
             "krait does not support iterating over a dict held in a dyn value yet");
    return true;
  }
  if (kind_of(a) == KR_T_SET) {
    kr_raise(KR_EXC_NOT_IMPLEMENTED,
             "krait does not support iterating over a set held in a dyn value yet");
    return true;
  }
  return false;
}

int64_t kr_dyn_iter_length(kr_value a) {
  if (dict_not_iterable(a)) return -1;
  if (!is_sequence(kind_of(a))) {
    raisef(KR_EXC_TYPE, "'%s' object is not iterable", kr_dyn_type_name(a));
    return -1;
  }
  return kr_dyn_len(a);
}

int64_t kr_dyn_unpack_length(kr_value a) {
  if (dict_not_iterable(a)) return -1;
  if (!is_sequence(kind_of(a))) {
    raisef(KR_EXC_TYPE, "cannot unpack non-iterable %s object", kr_dyn_type_name(a));
    return -1;
  }
  return kr_dyn_len(a);
}

kr_value kr_dyn_getitem(kr_value a, kr_value index) {
  kr_tkind k = kind_of(a);
  if (k == KR_T_DICT) {
    const kr_tdesc *t = kr_dyn_type(a);
    bool error = false;
    kr_slot v = kr_dict_getitem(dict_of(a), t, index, &kr_tdesc_dyn, &error);
    return error ? KR_ERROR : kr_dyn_box(v, t->items[1]);
  }
  if (!is_sequence(k)) return raisef(KR_EXC_TYPE, "'%s' object is not subscriptable", kr_dyn_type_name(a));
  if (!is_intlike(kind_of(index))) {
    if (k == KR_T_STR)
      return raisef(KR_EXC_TYPE, "string indices must be integers, not '%s'", kr_dyn_type_name(index));
    return raisef(KR_EXC_TYPE, "%s indices must be integers or slices, not %s",
                  k == KR_T_LIST ? "list" : "tuple", kr_dyn_type_name(index));
  }
  kr_value i = int_value(index);
  if (k == KR_T_STR) {
    kr_str *r = kr_str_getitem(str_of(a), i);
    return r == NULL ? KR_ERROR : kr_dyn_from_str(r);
  }
  int64_t n = k == KR_T_LIST ? list_of(a)->length : tuple_of(a)->length;
  int64_t at;
  if (!kr_int_to_i64(i, &at)) return kr_raise(KR_EXC_INDEX, "cannot fit 'int' into an index-sized integer");
  if (at < 0) at += n;
  if (at < 0 || at >= n)
    return kr_raise(KR_EXC_INDEX, k == KR_T_LIST ? "list index out of range" : "tuple index out of range");
  const kr_tdesc *t = kr_dyn_type(a);
  if (k == KR_T_LIST) return kr_dyn_box(kr_list_get(list_of(a), at), t->items[0]);
  return kr_dyn_box(tuple_of(a)->items[at], t->items[at]);
}

/* }==================================================================== */

/* {====================================================================
** Slices, item assignment, sum()
** ===================================================================== */

/* A slice bound given as a dyn word (or KR_ABSENT) as the static slice functions
** take it: KR_ABSENT for None, an int kr_value otherwise; false with TypeError. */
static bool slice_bound(kr_value d, kr_value *out) {
  if (d == KR_ABSENT || d == KR_DYN_NONE) {
    *out = KR_ABSENT;
    return true;
  }
  if (!is_intlike(kind_of(d))) {
    kr_raise(KR_EXC_TYPE, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  *out = int_value(d);
  return true;
}

kr_value kr_dyn_slice_bound(kr_value bound, bool *error) {
  kr_value out;
  if (!slice_bound(bound, &out)) {
    *error = true;
    return KR_ABSENT;
  }
  return out;
}

kr_value kr_dyn_slice(kr_value a, kr_value start, kr_value stop, kr_value step) {
  kr_tkind k = kind_of(a);
  /* d[a:b] looks the slice up as a key (Python 3.11's slices are unhashable). */
  if (k == KR_T_DICT) return kr_raise(KR_EXC_TYPE, "unhashable type: 'slice'");
  if (!is_sequence(k)) return raisef(KR_EXC_TYPE, "'%s' object is not subscriptable", kr_dyn_type_name(a));
  /* CPython reads the step first (and rejects 0), then start and stop. */
  kr_value lo, hi, by;
  if (!slice_bound(step, &by)) return KR_ERROR;
  if (by == kr_small(0)) return kr_raise(KR_EXC_VALUE, "slice step cannot be zero");
  if (!slice_bound(start, &lo) || !slice_bound(stop, &hi)) return KR_ERROR;
  const kr_tdesc *t = kr_dyn_type(a);
  if (k == KR_T_STR) {
    kr_str *r = kr_str_slice(str_of(a), lo, hi, by);
    return r == NULL ? KR_ERROR : kr_dyn_from_str(r);
  }
  if (k == KR_T_LIST) {
    kr_list *r = kr_list_slice(list_of(a), lo, hi, by, t->items[0]);
    return r == NULL ? KR_ERROR : new_box(t, (kr_slot)(uintptr_t)r);
  }
  const kr_tuple *tuple = tuple_of(a);
  int64_t first, stride;
  int64_t n = kr_slice_indices(lo, hi, by, tuple->length, &first, &stride);
  if (n < 0) return KR_ERROR;
  kr_tuple *r = kr_tuple_slice(tuple, lo, hi, by);
  if (r == NULL) return KR_ERROR;
  if (r == tuple) return a;
  /* The items' descriptors, selected as the items were. */
  const kr_tdesc *desc = &empty_tuple_desc;
  if (n > 0) {
    const kr_tdesc **items = kr_alloc((size_t)n * sizeof *items);
    for (int64_t i = 0, j = first; i < n; i++, j += stride) items[i] = t->items[j];
    kr_tdesc *d = kr_alloc(sizeof *d);
    d->kind = KR_T_TUPLE;
    d->count = (int32_t)n;
    d->items = items;
    desc = d;
  }
  return new_box(desc, (kr_slot)(uintptr_t)r);
}

bool kr_dyn_delitem(kr_value a, kr_value index) {
  kr_tkind k = kind_of(a);
  if (k == KR_T_DICT) return kr_dict_delitem(dict_of(a), kr_dyn_type(a), index, &kr_tdesc_dyn);
  if (k != KR_T_LIST) {
    /* Sequences indexed by an int "don't"; anything else "does not" (CPython's two
    ** messages, from PySequence_DelItem and PyObject_DelItem). */
    bool sequence = (k == KR_T_STR || k == KR_T_TUPLE || k == KR_T_SET) && is_intlike(kind_of(index));
    raisef(KR_EXC_TYPE,
           sequence ? "'%s' object doesn't support item deletion"
                    : "'%s' object does not support item deletion",
           kr_dyn_type_name(a));
    return false;
  }
  if (!is_intlike(kind_of(index))) {
    raisef(KR_EXC_TYPE, "list indices must be integers or slices, not %s", kr_dyn_type_name(index));
    return false;
  }
  int64_t at;
  if (!kr_int_to_i64(int_value(index), &at)) {
    kr_raise(KR_EXC_INDEX, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  return kr_list_del_item(list_of(a), at);
}

/* d[key] = x for a dict: x must fit the value type; a key that does not fit the key
** type can only replace the value of an equal key already there (d[1.0] = x when 1 is a
** key of a dict[int, ...]). */
static bool dict_setitem(kr_value a, kr_value key, kr_value x) {
  kr_dict *d = dict_of(a);
  const kr_tdesc *t = kr_dyn_type(a);
  kr_slot value, stored;
  if (!convert_slot(x, &kr_tdesc_dyn, t->items[1], &value)) {
    raisef(KR_EXC_NOT_IMPLEMENTED, "krait does not support storing a value of type '%s' in a %s yet",
           kr_dyn_type_name(x), type_string(t));
    return false;
  }
  if (convert_slot(key, &kr_tdesc_dyn, t->items[0], &stored))
    return kr_dict_setitem(d, t, stored, t->items[0], value);
  int present = kr_dict_contains(d, t, key, &kr_tdesc_dyn);
  if (present < 0) return false;
  if (present) return kr_dict_setitem(d, t, key, &kr_tdesc_dyn, value); /* replaces the value */
  raisef(KR_EXC_NOT_IMPLEMENTED, "krait does not support storing a key of type '%s' in a %s yet",
         kr_dyn_type_name(key), type_string(t));
  return false;
}

bool kr_dyn_setitem(kr_value a, kr_value index, kr_value x) {
  kr_tkind k = kind_of(a);
  if (k == KR_T_DICT) return dict_setitem(a, index, x);
  if (k != KR_T_LIST) {
    raisef(KR_EXC_TYPE, "'%s' object does not support item assignment", kr_dyn_type_name(a));
    return false;
  }
  if (!is_intlike(kind_of(index))) {
    raisef(KR_EXC_TYPE, "list indices must be integers or slices, not %s", kr_dyn_type_name(index));
    return false;
  }
  kr_list *l = list_of(a);
  int64_t at;
  if (!kr_int_to_i64(int_value(index), &at)) {
    kr_raise(KR_EXC_INDEX, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (at < 0) at += l->length;
  if (at < 0 || at >= l->length) {
    kr_raise(KR_EXC_INDEX, "list assignment index out of range");
    return false;
  }
  const kr_tdesc *elem = kr_dyn_type(a)->items[0];
  kr_slot slot;
  if (!convert_slot(x, &kr_tdesc_dyn, elem, &slot)) {
    raisef(KR_EXC_NOT_IMPLEMENTED, "krait does not support storing an item of type '%s' in a %s yet",
           kr_dyn_type_name(x), type_string(kr_dyn_type(a)));
    return false;
  }
  kr_list_set(l, at, slot);
  return true;
}

kr_value kr_dyn_sum(kr_value seq, kr_value start) {
  if (dict_not_iterable(seq)) return KR_ERROR;
  kr_tkind k = kind_of(seq);
  if (!is_sequence(k)) return raisef(KR_EXC_TYPE, "'%s' object is not iterable", kr_dyn_type_name(seq));
  if (kind_of(start) == KR_T_STR)
    return kr_raise(KR_EXC_TYPE, "sum() can't sum strings [use ''.join(seq) instead]");
  int64_t n = kr_dyn_len(seq);
  kr_value total = start;
  for (int64_t i = 0; i < n; i++) {
    kr_value item = kr_dyn_getitem(seq, kr_small(i));
    if (item == KR_ERROR) return KR_ERROR;
    total = kr_dyn_binary(KR_ADD, total, item);
    if (total == KR_ERROR) return KR_ERROR;
  }
  return total;
}

/* }==================================================================== */
