/*
** kr_dict.c: Python's dict, CPython's compact ordered hash table (see krait.h). The
** entries (hash, key, value) are appended in insertion order; a separate index of
** cells, open addressing with CPython's perturbed probe sequence, maps a hash to the
** entry number. Deleting an entry blanks it and leaves a "deleted" cell in the index
** (probes walk past it), so order survives deletions; when the entries are used up
** the table is rebuilt from the live entries alone, sized for three times their
** number, which both grows it and drops what deletions left behind.
**
** Keys are slots whose meaning comes from the dict's static key type; a key to look
** up may be of another static type (1.0 in a dict[int, str]), so hashing follows
** Python's rules across types (kr_slot_hash below: equal numbers hash equal) and keys
** are compared with kr_slot_eq, which never runs user code: no comparison can mutate
** the dict under a lookup, the hazard CPython must guard against.
**
** Known difference: floats have no identity here, so a nan key is never found again
** (CPython finds the very same nan object by identity); tuples and other containers
** do keep theirs.
*/
#include "krait.h"

#include <math.h>
#include <string.h>

const kr_type kr_dict_type = {"dict"};

/* {====================================================================
** Hashing
** ===================================================================== */

/* The modulus of numeric hashes, 2**61 - 1, and its bit count (sys.hash_info). */
#define HASH_MODULUS ((uint64_t)0x1FFFFFFFFFFFFFFF)
#define HASH_BITS 61
#define HASH_INF 314159
/* Any nan: never equal to anything, so any constant will do. */
#define HASH_NAN 0

/* CPython's _Py_HashDouble: the value modulo 2**61 - 1 computed exactly from the
** binary digits, so a float equal to an int hashes as that int does. */
static int64_t hash_double(double v) {
  if (!isfinite(v)) {
    if (isinf(v)) return v > 0 ? HASH_INF : -HASH_INF;
    return HASH_NAN;
  }
  int e;
  double m = frexp(v, &e);
  int64_t sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  /* 28 bits at a time, rotating x left by 28 bits modulo the modulus. */
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
    m *= 268435456.0; /* 2**28 */
    e -= 28;
    uint64_t y = (uint64_t)m; /* the integer part */
    m -= (double)y;
    x += y;
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  /* Then by the remaining exponent, reduced modulo 61 (2**61 == 1). */
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
  int64_t r = (int64_t)x * sign;
  return r == -1 ? -2 : r;
}

static int64_t hash_int(kr_value v) {
  if (kr_is_small(v)) {
    /* Below the modulus in magnitude the hash is the value itself. */
    int64_t i = kr_small_value(v);
    if (i > -(int64_t)HASH_MODULUS && i < (int64_t)HASH_MODULUS) return i == -1 ? -2 : i;
  }
  return kr_int_hash(v);
}

/* FNV-1a over the UTF-8 bytes, then a final mix (MurmurHash3's) so that the low bits,
** which pick the first cell, depend on every byte. */
static int64_t hash_str(const kr_str *s) {
  uint64_t h = 0xcbf29ce484222325u;
  const unsigned char *p = (const unsigned char *)s->data;
  for (int64_t i = 0; i < s->size; i++) {
    h ^= p[i];
    h *= 0x100000001b3u;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdu;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53u;
  h ^= h >> 33;
  int64_t r = (int64_t)h;
  return r == -1 ? -2 : r;
}

/* CPython's tuple hash (xxHash's round over the items' hashes). */
#define XXPRIME_1 ((uint64_t)11400714785074694791u)
#define XXPRIME_2 ((uint64_t)14029467366897019727u)
#define XXPRIME_5 ((uint64_t)2870177450012600261u)
#define XXROTATE(x) ((x << 31) | (x >> 33))

/* Tuples nest without bound through dyn items; past this depth hashing stops with
** RecursionError rather than exhausting the native stack. */
enum { HASH_NESTING = 20000 };
static int hash_depth;

static int64_t hash_tuple(const kr_tuple *t, const kr_tdesc *desc, bool *error) {
  if (hash_depth >= HASH_NESTING) {
    kr_raise(KR_EXC_RECURSION, "maximum recursion depth exceeded while calling a Python object");
    *error = true;
    return -1;
  }
  hash_depth++;
  uint64_t acc = XXPRIME_5;
  for (int64_t i = 0; i < t->length && i < desc->count; i++) {
    uint64_t lane = (uint64_t)kr_slot_hash(t->items[i], desc->items[i], error);
    if (*error) {
      hash_depth--;
      return -1;
    }
    acc += lane * XXPRIME_2;
    acc = XXROTATE(acc);
    acc *= XXPRIME_1;
  }
  hash_depth--;
  acc += (uint64_t)t->length ^ (XXPRIME_5 ^ 3527539u);
  if (acc == (uint64_t)-1) return 1546275796;
  return (int64_t)acc;
}

int64_t kr_slot_hash(kr_slot x, const kr_tdesc *t, bool *error) {
  t = kr_tdesc_unwrap(&x, t);
  switch ((kr_tkind)t->kind) {
    case KR_T_NEVER:
    case KR_T_OPTIONAL: /* unwrapped above */
    case KR_T_DYN:
    case KR_T_NONE:
      /* CPython 3.12's constant: 3.11 hashes None's address, which varies from run
      ** to run (a set holding None has no reproducible order there). */
      return 0xFCA86420;
    case KR_T_BOOL: return x != 0;
    case KR_T_INT: return hash_int(x);
    case KR_T_FLOAT: {
      double d;
      memcpy(&d, &x, sizeof d);
      return hash_double(d);
    }
    case KR_T_STR: return hash_str((const kr_str *)(uintptr_t)x);
    case KR_T_TUPLE: return hash_tuple((const kr_tuple *)(uintptr_t)x, t, error);
    case KR_T_LIST: kr_raise(KR_EXC_TYPE, "unhashable type: 'list'"); break;
    case KR_T_DICT: kr_raise(KR_EXC_TYPE, "unhashable type: 'dict'"); break;
    case KR_T_SET: kr_raise(KR_EXC_TYPE, "unhashable type: 'set'"); break;
  }
  *error = true;
  return -1;
}

/* }==================================================================== */

/* {====================================================================
** The table
** ===================================================================== */

/* Index cells that hold no entry number. */
#define EMPTY ((int64_t)-1)
#define DUMMY ((int64_t)-2)
/* The fewest index cells a table has, and the entries 'cells' of them can index:
** two thirds, so that probes always find an empty cell soon. */
#define MIN_CELLS 8
#define USABLE(cells) (((cells) << 1) / 3)
/* Up to this many cells the index holds int32_t entry numbers. */
#define NARROW_CELLS ((int64_t)1 << 31)
/* No dict is made bigger up front than this (a size hint beyond is a wish). */
#define MAX_HINT ((int64_t)1 << 40)

static inline bool wide(const kr_dict *d) { return d->mask >= NARROW_CELLS; }

static inline int64_t cell_get(const kr_dict *d, uint64_t i) {
  return wide(d) ? ((const int64_t *)d->index)[i] : ((const int32_t *)d->index)[i];
}

static inline void cell_set(kr_dict *d, uint64_t i, int64_t ix) {
  if (wide(d)) {
    ((int64_t *)d->index)[i] = ix;
  } else {
    ((int32_t *)d->index)[i] = (int32_t)ix;
  }
}

/* The smallest number of cells (a power of two, at least MIN_CELLS) that is at least
** 'needed'. */
static int64_t cells_for(int64_t needed) {
  int64_t cells = MIN_CELLS;
  while (cells < needed) cells <<= 1;
  return cells;
}

/* Empties d and gives it a table of 'cells' cells (no entries yet). */
static void new_table(kr_dict *d, int64_t cells) {
  size_t width = cells > NARROW_CELLS ? 8 : 4;
  /* Every cell EMPTY: -1 is all one bits in either width. The index holds numbers
  ** only; the entries hold keys and values the collector must see. */
  d->index = kr_alloc_atomic((size_t)cells * width);
  memset(d->index, 0xff, (size_t)cells * width);
  d->mask = cells - 1;
  d->capacity = USABLE(cells);
  d->usable = d->capacity;
  d->entries = kr_alloc((size_t)d->capacity * sizeof(kr_dict_entry));
  d->used = 0;
  d->length = 0;
}

/* The first cell on h's probe sequence that holds no entry (empty or deleted). */
static uint64_t free_cell(const kr_dict *d, int64_t h) {
  uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)h, i = (uint64_t)h & mask;
  while (cell_get(d, i) >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

/* Appends an entry for a key known to be absent; the caller made room. */
static void append_entry(kr_dict *d, int64_t h, kr_slot key, kr_slot value) {
  uint64_t cell = free_cell(d, h);
  int64_t ix = d->used++;
  kr_dict_entry *e = &d->entries[ix];
  e->hash = h;
  e->key = key;
  e->value = value;
  cell_set(d, cell, ix);
  d->usable--;
  d->length++;
}

/* Rebuilds d's table with 'cells' cells from its live entries, in order (hashes are
** kept, so no key is hashed or compared again). The old arrays are left to the
** collector. */
static void rebuild(kr_dict *d, int64_t cells) {
  kr_dict_entry *old = d->entries;
  int64_t used = d->used;
  new_table(d, cells);
  for (int64_t i = 0; i < used; i++) {
    if (old[i].hash != KR_DICT_DELETED) append_entry(d, old[i].hash, old[i].key, old[i].value);
  }
}

/* Room for one more key: when the entries are used up, a table three times the live
** length (CPython's GROWTH_RATE), which grows a full dict and compacts one that
** deletions emptied. */
static void make_room(kr_dict *d) {
  if (d->usable > 0) return;
  rebuild(d, cells_for(d->length * 3));
}

int kr_slot_key_eq(kr_slot a, const kr_tdesc *ta, kr_slot b, const kr_tdesc *tb) {
  if (ta->kind == KR_T_INT && tb->kind == KR_T_INT) {
    if (a == b) return 1;
    return !kr_is_small(a) && !kr_is_small(b) && kr_int_eq(a, b);
  }
  if (ta->kind == KR_T_STR && tb->kind == KR_T_STR)
    return kr_str_eq((const kr_str *)(uintptr_t)a, (const kr_str *)(uintptr_t)b);
  return kr_slot_eq(a, ta, b, tb);
}

/* The number of the entry whose key equals 'key' (type tk, hash h), with its cell in
** *cell; -1 when there is none, -2 when a comparison failed (exception set). kt is
** the dict's key type. */
static int64_t find(const kr_dict *d, const kr_tdesc *kt, kr_slot key, const kr_tdesc *tk,
                    int64_t h, uint64_t *cell) {
  if (d->entries == NULL) return -1;
  uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)h, i = (uint64_t)h & mask;
  for (;;) {
    int64_t ix = cell_get(d, i);
    if (ix == EMPTY) return -1;
    if (ix >= 0) {
      const kr_dict_entry *e = &d->entries[ix];
      if (e->hash == h) {
        int eq = kr_slot_key_eq(e->key, kt, key, tk);
        if (eq != 0) {
          *cell = i;
          return eq > 0 ? ix : -2;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* Hashes key and finds it: as find, with -2 also when hashing failed. */
static int64_t lookup(const kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                      int64_t *hash, uint64_t *cell) {
  bool error = false;
  int64_t h = kr_slot_hash(key, tk, &error);
  if (error) return -2;
  if (hash != NULL) *hash = h;
  return find(d, dd->items[0], key, tk, h, cell);
}

/* Removes entry ix, whose index cell is 'cell'. */
static void remove_entry(kr_dict *d, int64_t ix, uint64_t cell) {
  kr_dict_entry *e = &d->entries[ix];
  e->hash = KR_DICT_DELETED;
  e->key = 0;
  e->value = 0;
  cell_set(d, cell, DUMMY);
  d->length--;
}

/* KeyError for key: its message is repr(key), as CPython's KeyError prints its
** argument (KeyError: 'x', KeyError: 1, KeyError: (1, 2)). */
static void raise_key_error(kr_slot key, const kr_tdesc *tk) {
  kr_str *repr = kr_slot_repr(key, tk);
  if (repr == NULL) {
    /* What CPython's traceback prints when str() of the exception fails (an int
    ** key past 4300 digits). */
    kr_raise(KR_EXC_KEY, "<exception str() failed>");
    return;
  }
  kr_raise_str(KR_EXC_KEY, repr);
}

/* }==================================================================== */

/* {====================================================================
** Operations
** ===================================================================== */

kr_dict *kr_dict_new(int64_t size_hint) {
  kr_dict *d = kr_alloc(sizeof *d);
  d->type = &kr_dict_type;
  if (size_hint > 0) {
    if (size_hint > MAX_HINT) size_hint = MAX_HINT;
    /* Cells enough for size_hint entries: 3/2 of them. */
    new_table(d, cells_for((size_hint * 3 + 1) / 2));
  }
  /* Otherwise every field stays zero: no table until the first key. */
  return d;
}

kr_slot kr_dict_getitem(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                        bool *error) {
  uint64_t cell;
  int64_t ix = lookup(d, dd, key, tk, NULL, &cell);
  if (ix >= 0) return d->entries[ix].value;
  if (ix == -1) raise_key_error(key, tk);
  *error = true;
  return 0;
}

bool kr_dict_lookup(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                    kr_slot *value, bool *error) {
  uint64_t cell;
  int64_t ix = lookup(d, dd, key, tk, NULL, &cell);
  if (ix >= 0) {
    *value = d->entries[ix].value;
    return true;
  }
  if (ix == -2) *error = true;
  return false;
}

int kr_dict_contains(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk) {
  uint64_t cell;
  int64_t ix = lookup(d, dd, key, tk, NULL, &cell);
  return ix == -2 ? -1 : ix >= 0;
}

bool kr_dict_setitem(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                     kr_slot value) {
  int64_t h;
  uint64_t cell;
  int64_t ix = lookup(d, dd, key, tk, &h, &cell);
  if (ix == -2) return false;
  if (ix >= 0) {
    /* The first key object stays: d[1] = 'a'; d[1.0] = 'b' gives {1: 'b'}. */
    d->entries[ix].value = value;
    return true;
  }
  make_room(d);
  append_entry(d, h, key, value);
  return true;
}

bool kr_dict_delitem(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk) {
  uint64_t cell;
  int64_t ix = lookup(d, dd, key, tk, NULL, &cell);
  if (ix == -2) return false;
  if (ix == -1) {
    raise_key_error(key, tk);
    return false;
  }
  remove_entry(d, ix, cell);
  return true;
}

kr_slot kr_dict_pop(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                    bool has_default, kr_slot default_value, bool *error) {
  uint64_t cell;
  if (d->length == 0) {
    /* CPython answers without hashing the key: {}.pop([1], 0) is 0, {}.pop([1]) a
    ** KeyError. */
    if (has_default) return default_value;
    raise_key_error(key, tk);
    *error = true;
    return 0;
  }
  /* A method call: CPython counts it as a level of recursion around the comparisons
  ** (as list.index does). */
  kr_comparing_call_enter();
  int64_t ix = lookup(d, dd, key, tk, NULL, &cell);
  kr_comparing_call_leave();
  if (ix >= 0) {
    kr_slot value = d->entries[ix].value;
    remove_entry(d, ix, cell);
    return value;
  }
  if (ix == -1 && has_default) return default_value;
  if (ix == -1) raise_key_error(key, tk);
  *error = true;
  return 0;
}

int kr_dict_get_slot(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                     kr_slot *value) {
  bool error = false;
  if (kr_dict_lookup(d, dd, key, tk, value, &error)) return 1;
  return error ? -1 : 0;
}

int kr_dict_pop_slot(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                     kr_slot *value) {
  if (d->length == 0) return 0; /* without hashing the key, as kr_dict_pop */
  uint64_t cell;
  kr_comparing_call_enter();
  int64_t ix = lookup(d, dd, key, tk, NULL, &cell);
  kr_comparing_call_leave();
  if (ix == -2) return -1;
  if (ix == -1) return 0;
  *value = d->entries[ix].value;
  remove_entry(d, ix, cell);
  return 1;
}

kr_slot kr_dict_pop_required(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                             bool *error) {
  return kr_dict_pop(d, dd, key, tk, false, 0, error);
}

kr_slot kr_dict_setdefault(kr_dict *d, const kr_tdesc *dd, kr_slot key, const kr_tdesc *tk,
                           kr_slot default_value, bool *error) {
  int64_t h;
  uint64_t cell;
  kr_comparing_call_enter();
  int64_t ix = lookup(d, dd, key, tk, &h, &cell);
  kr_comparing_call_leave();
  if (ix >= 0) return d->entries[ix].value;
  if (ix == -2) {
    *error = true;
    return 0;
  }
  make_room(d);
  append_entry(d, h, key, default_value);
  return default_value;
}

kr_tuple *kr_dict_popitem(kr_dict *d) {
  if (d->length == 0) {
    /* KeyError prints its argument's repr, here a str. */
    kr_raise(KR_EXC_KEY, "'popitem(): dictionary is empty'");
    return NULL;
  }
  int64_t ix = d->used - 1;
  while (d->entries[ix].hash == KR_DICT_DELETED) ix--;
  kr_dict_entry *e = &d->entries[ix];
  kr_tuple *pair = kr_tuple_new(2);
  pair->items[0] = e->key;
  pair->items[1] = e->value;
  /* Its cell is the one on its hash's probe sequence that holds ix. */
  uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)e->hash, i = (uint64_t)e->hash & mask;
  while (cell_get(d, i) != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  remove_entry(d, ix, i);
  /* As CPython does, the entries after the last live one are forgotten, so that
  ** popping everything stays linear; 'usable' is not given back (the deleted cells
  ** still count until the next rebuild). */
  d->used = ix;
  return pair;
}

bool kr_dict_next(const kr_dict *d, int64_t *position, kr_slot *key, kr_slot *value) {
  for (int64_t i = *position; i < d->used; i++) {
    const kr_dict_entry *e = &d->entries[i];
    if (e->hash == KR_DICT_DELETED) continue;
    if (key != NULL) *key = e->key;
    if (value != NULL) *value = e->value;
    *position = i + 1;
    return true;
  }
  *position = d->used;
  return false;
}

/* A list of the keys (which == 0), values (1) or items (2) of d, filled through the
** list API (a list of bools stores bytes), with small_only kept exact. */
static kr_list *snapshot(const kr_dict *d, const kr_tdesc *elem, int which) {
  kr_list *l = kr_list_new(d->length, elem);
  l->small_only = 1; /* kr_list_set clears it at the first item that is not a small int */
  int64_t k = 0;
  for (int64_t i = 0; i < d->used; i++) {
    const kr_dict_entry *e = &d->entries[i];
    if (e->hash == KR_DICT_DELETED) continue;
    kr_slot x;
    if (which == 0) {
      x = e->key;
    } else if (which == 1) {
      x = e->value;
    } else {
      kr_tuple *pair = kr_tuple_new(2);
      pair->items[0] = e->key;
      pair->items[1] = e->value;
      x = (kr_slot)(uintptr_t)pair;
    }
    kr_list_set(l, k++, x);
  }
  return l;
}

kr_list *kr_dict_keys(const kr_dict *d, const kr_tdesc *dd) { return snapshot(d, dd->items[0], 0); }

kr_list *kr_dict_values(const kr_dict *d, const kr_tdesc *dd) {
  return snapshot(d, dd->items[1], 1);
}

kr_list *kr_dict_items(const kr_dict *d, const kr_tdesc *dd, const kr_tdesc *pair) {
  (void)dd;
  return snapshot(d, pair, 2);
}

kr_dict *kr_dict_copy(const kr_dict *d) {
  kr_dict *copy = kr_dict_new(0);
  if (d->length == 0) return copy;
  new_table(copy, cells_for((d->length * 3 + 1) / 2));
  for (int64_t i = 0; i < d->used; i++) {
    const kr_dict_entry *e = &d->entries[i];
    if (e->hash != KR_DICT_DELETED) append_entry(copy, e->hash, e->key, e->value);
  }
  return copy;
}

void kr_dict_clear(kr_dict *d) {
  /* The arrays are dropped (to the collector), not cleared: as CPython does. */
  d->length = 0;
  d->used = 0;
  d->usable = 0;
  d->capacity = 0;
  d->entries = NULL;
  d->mask = 0;
  d->index = NULL;
}

/* Slot x of type 'from' as a slot of type 'to', for the representations that differ
** between types the compiler lets one store into the other: boxed into dyn, None into
** an optional. Anything else has the same slot in both. */
static kr_slot convert(kr_slot x, const kr_tdesc *from, const kr_tdesc *to) {
  if (to->kind == KR_T_DYN) return kr_dyn_box(x, from);
  if (to->kind == KR_T_OPTIONAL && from->kind == KR_T_NONE) return KR_NONE_WORD;
  return x;
}

bool kr_dict_update(kr_dict *d, const kr_tdesc *dd, const kr_dict *other, const kr_tdesc *od) {
  if (d == other) return true; /* every key is there already, with its own value */
  const kr_tdesc *kt = dd->items[0], *vt = dd->items[1];
  const kr_tdesc *okt = od->items[0], *ovt = od->items[1];
  for (int64_t i = 0; i < other->used; i++) {
    const kr_dict_entry *e = &other->entries[i];
    if (e->hash == KR_DICT_DELETED) continue;
    /* The hash is other's: equal values hash equal whatever their types. */
    uint64_t cell;
    int64_t ix = find(d, kt, e->key, okt, e->hash, &cell);
    if (ix == -2) return false;
    kr_slot value = convert(e->value, ovt, vt);
    if (ix >= 0) {
      d->entries[ix].value = value;
    } else {
      make_room(d);
      append_entry(d, e->hash, convert(e->key, okt, kt), value);
    }
  }
  return true;
}

int kr_dict_eq(const kr_dict *a, const kr_tdesc *ta, const kr_dict *b, const kr_tdesc *tb) {
  if (a == b) return 1;
  if (a->length != b->length) return 0;
  for (int64_t i = 0; i < a->used; i++) {
    const kr_dict_entry *e = &a->entries[i];
    if (e->hash == KR_DICT_DELETED) continue;
    uint64_t cell;
    int64_t ix = find(b, tb->items[0], e->key, ta->items[0], e->hash, &cell);
    if (ix < 0) return ix == -2 ? -1 : 0;
    int eq = kr_slot_eq(e->value, ta->items[1], b->entries[ix].value, tb->items[1]);
    if (eq != 1) return eq;
  }
  return 1;
}

/* }==================================================================== */
