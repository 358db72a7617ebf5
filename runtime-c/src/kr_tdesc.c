/*
** kr_tdesc.c: the generic operations on slots, driven by static type descriptors:
** repr() and str(), ==, and ordering, with Python 3.11's results and messages.
**
** A slot's meaning comes from its descriptor (see krait.h): ints are kr_values, floats
** the bits of a double, bools 0 or 1, None 0, and str, list, tuple, dict and set
** slots pointers.
** Descriptors are finite and acyclic, but dyn items nest without bound: repr and
** comparisons count their nesting and stop at CPython's recursion limit. List items
** are read through kr_list_get, which knows that a list of bools holds bytes.
**
** Known differences: CPython compares container items by identity before ==, so a
** list holding one nan object equals itself; floats here are unboxed values without
** identity, so [x] == [x] is False when x is nan. For the same reason the nesting
** limit of comparisons counts containers only (CPython also counts a pair of
** distinct leaf objects), and it is the limit at module level, wherever it runs.
*/
#include "krait.h"

#include <stdio.h>
#include <string.h>

/* {====================================================================
** Slots
** ===================================================================== */

static double slot_double(kr_slot x) {
  double d;
  memcpy(&d, &x, sizeof d);
  return d;
}

static const kr_tdesc none_desc = {KR_T_NONE, 0, NULL};

const kr_tdesc *kr_tdesc_resolve(kr_slot x, const kr_tdesc *t) {
  if (t->kind != KR_T_OPTIONAL) return t;
  return x == KR_NONE_WORD ? &none_desc : t->items[0];
}

const kr_tdesc *kr_tdesc_unwrap(kr_slot *x, const kr_tdesc *t) {
  /* A box's descriptor is concrete, so one step of each suffices; an optional dyn
  ** (which the compiler does not make) would resolve to DYN first, hence the order. */
  t = kr_tdesc_resolve(*x, t);
  if (t->kind != KR_T_DYN) return t;
  kr_value d = *x;
  if (kr_is_small(d)) return &kr_tdesc_int;
  const kr_box *box = (const kr_box *)(uintptr_t)d;
  *x = box->v;
  return box->t;
}

bool kr_tdesc_equal(const kr_tdesc *a, const kr_tdesc *b) {
  if (a == b) return true;
  if (a->kind != b->kind || a->count != b->count) return false;
  for (int32_t i = 0; i < a->count; i++) {
    if (!kr_tdesc_equal(a->items[i], b->items[i])) return false;
  }
  return true;
}

/* The descriptor of item i of a container described by t. */
static const kr_tdesc *item_type(const kr_tdesc *t, int64_t i) {
  return t->kind == KR_T_LIST ? t->items[0] : t->items[i];
}

static int64_t container_length(kr_slot x, const kr_tdesc *t) {
  if (t->kind == KR_T_LIST) return ((const kr_list *)(uintptr_t)x)->length;
  return ((const kr_tuple *)(uintptr_t)x)->length;
}

/* Item i (in range) of a list or tuple, as a slot (a list of bools holds bytes). */
static kr_slot container_item(kr_slot x, const kr_tdesc *t, int64_t i) {
  if (t->kind == KR_T_LIST) return kr_list_get((const kr_list *)(uintptr_t)x, i);
  return ((const kr_tuple *)(uintptr_t)x)->items[i];
}

const char *kr_tdesc_name(const kr_tdesc *t) {
  switch ((kr_tkind)t->kind) {
    case KR_T_NONE: return "NoneType";
    case KR_T_BOOL: return "bool";
    case KR_T_INT: return "int";
    case KR_T_FLOAT: return "float";
    case KR_T_STR: return "str";
    case KR_T_LIST: return "list";
    case KR_T_TUPLE: return "tuple";
    case KR_T_DICT: return "dict";
    case KR_T_SET: return "set";
    case KR_T_OPTIONAL: return kr_tdesc_name(t->items[0]);
    case KR_T_NEVER:
    case KR_T_DYN: break; /* callers name unwrapped values */
  }
  return "object"; /* no value of type Never exists to be named */
}

/* }==================================================================== */

/* {====================================================================
** repr and str
** ===================================================================== */

/* A growable byte buffer in the GC heap (atomic: it holds text only). */
typedef struct text_buf {
  char *data;
  size_t len, cap;
} text_buf;

static void buf_reserve(text_buf *b, size_t extra) {
  if (b->cap - b->len >= extra) return;
  size_t cap = b->cap < 64 ? 64 : b->cap;
  while (cap - b->len < extra) cap *= 2;
  char *data = kr_alloc_atomic(cap);
  if (b->len > 0) memcpy(data, b->data, b->len);
  b->data = data;
  b->cap = cap;
}

static void buf_add(text_buf *b, const char *text, size_t len) {
  buf_reserve(b, len);
  if (len > 0) memcpy(b->data + b->len, text, len);
  b->len += len;
}

static void buf_add_cstr(text_buf *b, const char *text) { buf_add(b, text, strlen(text)); }

/* The containers whose repr is being made, outermost first: a list met again inside
** itself is "[...]" (a dict "{...}"), as CPython's Py_ReprEnter makes it. Nesting
** deeper than CPython's recursion limit allows for print() at module level (999
** lists; calls, and the repr() builtin, take a level each there, which the runtime
** cannot see) is its RecursionError, instead of exhausting the native stack. */
enum { REPR_NESTING = 999 };
static kr_slot repr_active[REPR_NESTING];
static int repr_depth;

static bool repr_into(text_buf *b, kr_slot x, const kr_tdesc *t);

/* Starts the repr of container x: 1 when its items are to be written (x stays active
** until repr_depth is decremented), 0 when x is already being written further out
** (then 'cycle', "[...]" or "{...}", was appended; NULL for a tuple, which cannot
** contain itself), -1 with RecursionError. */
static int repr_enter(text_buf *b, kr_slot x, const char *cycle) {
  for (int k = 0; cycle != NULL && k < repr_depth; k++) {
    if (repr_active[k] == x) {
      buf_add_cstr(b, cycle);
      return 0;
    }
  }
  if (repr_depth >= REPR_NESTING) {
    kr_raise(KR_EXC_RECURSION, "maximum recursion depth exceeded while getting the repr of an object");
    return -1;
  }
  repr_active[repr_depth++] = x;
  return 1;
}

/* Appends the repr of the list or tuple x, items and all. */
static bool container_repr_into(text_buf *b, kr_slot x, const kr_tdesc *t) {
  bool list = t->kind == KR_T_LIST;
  int entered = repr_enter(b, x, list ? "[...]" : NULL);
  if (entered <= 0) return entered == 0;
  int64_t n = container_length(x, t);
  bool ok = true;
  buf_add(b, list ? "[" : "(", 1);
  for (int64_t i = 0; ok && i < n; i++) {
    if (i > 0) buf_add(b, ", ", 2);
    ok = repr_into(b, container_item(x, t, i), item_type(t, i));
  }
  repr_depth--;
  if (!ok) return false;
  if (!list && n == 1) buf_add(b, ",", 1);
  buf_add(b, list ? "]" : ")", 1);
  return true;
}

/* Appends the repr of the dict x: {key: value, ...} in insertion order. */
static bool dict_repr_into(text_buf *b, kr_slot x, const kr_tdesc *t) {
  const kr_dict *d = (const kr_dict *)(uintptr_t)x;
  if (d->length == 0) {
    buf_add(b, "{}", 2);
    return true;
  }
  int entered = repr_enter(b, x, "{...}");
  if (entered <= 0) return entered == 0;
  bool ok = true;
  buf_add(b, "{", 1);
  int64_t position = 0;
  kr_slot key, value;
  for (bool first = true; ok && kr_dict_next(d, &position, &key, &value); first = false) {
    if (!first) buf_add(b, ", ", 2);
    ok = repr_into(b, key, t->items[0]);
    if (ok) {
      buf_add(b, ": ", 2);
      ok = repr_into(b, value, t->items[1]);
    }
  }
  repr_depth--;
  if (!ok) return false;
  buf_add(b, "}", 1);
  return true;
}

/* Appends the repr of the set x: {1, 2, 3} in iteration order, set() when empty. A set
** cannot contain itself (sets are unhashable), so only the nesting is counted. */
static bool set_repr_into(text_buf *b, kr_slot x, const kr_tdesc *t) {
  const kr_set *s = (const kr_set *)(uintptr_t)x;
  if (s->length == 0) {
    buf_add(b, "set()", 5);
    return true;
  }
  int entered = repr_enter(b, x, NULL);
  if (entered <= 0) return entered == 0;
  bool ok = true;
  buf_add(b, "{", 1);
  int64_t position = 0;
  kr_slot item;
  for (bool first = true; ok && kr_set_next(s, &position, &item); first = false) {
    if (!first) buf_add(b, ", ", 2);
    ok = repr_into(b, item, t->items[0]);
  }
  repr_depth--;
  if (!ok) return false;
  buf_add(b, "}", 1);
  return true;
}

/* Appends repr(x); false (with ValueError set) for an int too long to convert. */
static bool repr_into(text_buf *b, kr_slot x, const kr_tdesc *t) {
  t = kr_tdesc_unwrap(&x, t);
  switch ((kr_tkind)t->kind) {
    case KR_T_NONE: buf_add(b, "None", 4); return true;
    case KR_T_BOOL: buf_add_cstr(b, x ? "True" : "False"); return true;
    case KR_T_INT: {
      if (kr_is_small(x)) {
        char digits[24];
        int n = snprintf(digits, sizeof digits, "%lld", (long long)kr_small_value(x));
        buf_add(b, digits, (size_t)n);
        return true;
      }
      size_t len;
      const char *text = kr_int_to_str(x, 10, &len);
      if (text == NULL) return false;
      buf_add(b, text, len);
      return true;
    }
    case KR_T_FLOAT: {
      char digits[KR_FLOAT_REPR_SIZE];
      size_t len = kr_float_repr(slot_double(x), digits);
      buf_add(b, digits, len);
      return true;
    }
    case KR_T_STR: {
      size_t len;
      const char *text = kr_str_repr((const kr_str *)(uintptr_t)x, &len);
      buf_add(b, text, len);
      return true;
    }
    case KR_T_LIST:
    case KR_T_TUPLE: return container_repr_into(b, x, t);
    case KR_T_DICT: return dict_repr_into(b, x, t);
    case KR_T_SET: return set_repr_into(b, x, t);
    case KR_T_NEVER:
    case KR_T_OPTIONAL:
    case KR_T_DYN: break; /* unwrapped above */
  }
  return true; /* a Never slot cannot exist */
}

kr_str *kr_slot_repr(kr_slot x, const kr_tdesc *t) {
  t = kr_tdesc_unwrap(&x, t);
  switch ((kr_tkind)t->kind) {
    case KR_T_INT: return kr_str_of_int(x);
    case KR_T_STR: return kr_str_repr_str((const kr_str *)(uintptr_t)x);
    default: break;
  }
  text_buf b = {NULL, 0, 0};
  if (!repr_into(&b, x, t)) return NULL;
  return kr_str_from_utf8(b.data, b.len);
}

kr_str *kr_slot_str(kr_slot x, const kr_tdesc *t) {
  /* str() differs from repr() only for a str itself; containers show their items'
  ** repr either way. */
  t = kr_tdesc_unwrap(&x, t);
  if (t->kind == KR_T_STR) return (kr_str *)(uintptr_t)x;
  return kr_slot_repr(x, t);
}

/* }==================================================================== */

/* {====================================================================
** Equality and ordering
** ===================================================================== */

static bool is_number(const kr_tdesc *t) {
  return t->kind == KR_T_BOOL || t->kind == KR_T_INT || t->kind == KR_T_FLOAT;
}

/* Two numbers (int, float or bool): -1, 0, 1, or 2 when a nan makes them unordered. */
static int number_compare(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb) {
  if (ta->kind == KR_T_FLOAT && tb->kind == KR_T_FLOAT) {
    double x = slot_double(a), y = slot_double(b);
    if (x < y) return -1;
    if (x > y) return 1;
    return x == y ? 0 : 2;
  }
  /* A bool is the int 0 or 1. */
  kr_value x = ta->kind == KR_T_BOOL ? kr_small(a != 0) : a;
  kr_value y = tb->kind == KR_T_BOOL ? kr_small(b != 0) : b;
  if (ta->kind == KR_T_FLOAT) {
    int c = kr_int_compare_double(y, slot_double(a));
    return c == 2 ? 2 : -c;
  }
  if (tb->kind == KR_T_FLOAT) return kr_int_compare_double(x, slot_double(b));
  if (x == y) return 0;
  return kr_int_compare(x, y);
}

/* How deep comparisons of containers are nested: past the depth CPython allows at
** module level (999 nested comparisons, the frame taking one of its 1000 levels),
** its RecursionError instead of exhausting the native stack. Only containers count:
** CPython skips the count for an item identical to the other side, which small
** ints and interned strings usually are, and krait's unboxed items have no
** identity. */
enum { COMPARE_NESTING = 999 };
static int compare_depth;

static bool enter_comparison(void) {
  if (compare_depth >= COMPARE_NESTING) {
    kr_raise(KR_EXC_RECURSION, "maximum recursion depth exceeded in comparison");
    return false;
  }
  compare_depth++;
  return true;
}

void kr_comparing_call_enter(void) { compare_depth++; }
void kr_comparing_call_leave(void) { compare_depth--; }

int kr_slot_eq(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb) {
  ta = kr_tdesc_unwrap(&a, ta);
  tb = kr_tdesc_unwrap(&b, tb);
  if (is_number(ta) && is_number(tb)) {
    if (ta->kind == KR_T_INT && tb->kind == KR_T_INT) return kr_int_eq(a, b);
    return number_compare(a, ta, b, tb) == 0;
  }
  if (ta->kind != tb->kind) return false;
  /* A container is equal to itself, as CPython's item comparisons find by identity
  ** (and `a == a` for a list that contains itself ends). */
  if ((ta->kind == KR_T_LIST || ta->kind == KR_T_TUPLE || ta->kind == KR_T_DICT ||
       ta->kind == KR_T_SET) &&
      a == b)
    return true;
  switch ((kr_tkind)ta->kind) {
    case KR_T_NONE: return true;
    case KR_T_STR: return kr_str_eq((const kr_str *)(uintptr_t)a, (const kr_str *)(uintptr_t)b);
    case KR_T_LIST:
    case KR_T_TUPLE: {
      int64_t n = container_length(a, ta);
      if (n != container_length(b, tb)) return false;
      if (!enter_comparison()) return -1;
      int eq = 1;
      for (int64_t i = 0; eq == 1 && i < n; i++)
        eq = kr_slot_eq(container_item(a, ta, i), item_type(ta, i), container_item(b, tb, i),
                        item_type(tb, i));
      compare_depth--;
      return eq;
    }
    case KR_T_DICT: {
      /* Order does not matter: each key of a must be in b with an equal value. */
      const kr_dict *da = (const kr_dict *)(uintptr_t)a, *db = (const kr_dict *)(uintptr_t)b;
      if (da->length != db->length) return false;
      if (!enter_comparison()) return -1;
      int eq = kr_dict_eq(da, ta, db, tb);
      compare_depth--;
      return eq;
    }
    case KR_T_SET: {
      /* The same length, and every element of a in b. */
      const kr_set *sa = (const kr_set *)(uintptr_t)a, *sb = (const kr_set *)(uintptr_t)b;
      if (sa->length != sb->length) return false;
      if (!enter_comparison()) return -1;
      int eq = kr_set_eq(sa, ta, sb, tb);
      compare_depth--;
      return eq;
    }
    default: break;
  }
  return false;
}

static const char *const op_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static int not_supported(const kr_tdesc *ta, const kr_tdesc *tb, kr_cmp_op op) {
  char message[128];
  snprintf(message, sizeof message, "'%s' not supported between instances of '%s' and '%s'",
           op_symbols[op], kr_tdesc_name(ta), kr_tdesc_name(tb));
  size_t len = strlen(message);
  char *copy = kr_alloc_atomic(len + 1);
  memcpy(copy, message, len + 1);
  kr_raise(KR_EXC_TYPE, copy);
  return -1;
}

/* The outcome of 'c OP 0' for a three-way result c (2: unordered, only != holds). */
static int apply_op(int c, kr_cmp_op op) {
  if (c == 2) return op == KR_NE;
  switch (op) {
    case KR_LT: return c < 0;
    case KR_LE: return c <= 0;
    case KR_EQ: return c == 0;
    case KR_NE: return c != 0;
    case KR_GT: return c > 0;
    case KR_GE: return c >= 0;
  }
  return 0;
}

int kr_slot_compare(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb, kr_cmp_op op) {
  if (op == KR_EQ || op == KR_NE) {
    int eq = kr_slot_eq(a, ta, b, tb);
    return eq < 0 ? -1 : eq == (op == KR_EQ);
  }
  ta = kr_tdesc_unwrap(&a, ta);
  tb = kr_tdesc_unwrap(&b, tb);
  if (is_number(ta) && is_number(tb)) return apply_op(number_compare(a, ta, b, tb), op);
  if (ta->kind != tb->kind) return not_supported(ta, tb, op);
  switch ((kr_tkind)ta->kind) {
    case KR_T_STR:
      return apply_op(kr_str_compare((const kr_str *)(uintptr_t)a, (const kr_str *)(uintptr_t)b), op);
    case KR_T_LIST:
    case KR_T_TUPLE: {
      /* Lexicographic: the first pair of unequal items decides, else the lengths. */
      int64_t na = container_length(a, ta), nb = container_length(b, tb);
      int64_t n = na < nb ? na : nb;
      if (!enter_comparison()) return -1;
      int result = -2; /* undecided until an item differs */
      for (int64_t i = 0; result == -2 && i < n; i++) {
        const kr_tdesc *tx = item_type(ta, i), *ty = item_type(tb, i);
        kr_slot x = container_item(a, ta, i), y = container_item(b, tb, i);
        int eq = kr_slot_eq(x, tx, y, ty);
        if (eq < 0) result = -1;
        else if (!eq) result = kr_slot_compare(x, tx, y, ty, op);
      }
      compare_depth--;
      return result != -2 ? result : apply_op((na > nb) - (na < nb), op);
    }
    case KR_T_SET: {
      /* Subset tests: a < b is a proper subset, not an order (neither {1} < {2} nor
      ** {2} < {1}). */
      if (!enter_comparison()) return -1;
      int result = kr_set_compare((const kr_set *)(uintptr_t)a, ta, (const kr_set *)(uintptr_t)b,
                                  tb, op);
      compare_depth--;
      return result;
    }
    default: break;
  }
  return not_supported(ta, tb, op);
}

/* }==================================================================== */
