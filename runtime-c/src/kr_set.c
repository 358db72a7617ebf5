/*
** kr_set.c: Python's set, CPython 3.11's setobject.c algorithm (see krait.h). Programs
** print sets and loop over them, and a set's order is its table's: the order of the
** entries in an open-addressing table of 2^k {hash, key} entries. To print what
** python3 prints, every step that places an element is CPython's: the table sizes
** (8 at first; a resize picks the smallest power of two above a number of elements),
** the probe sequence (from hash & mask, the next 9 entries when they fit before the
** end of the table, then i = i * 5 + 1 + perturb with perturb = hash >> 5 each round),
** the deleted ("dummy") entries a removal leaves and which insertions reuse (the last
** one the probe passed, as CPython), the counters 'fill' (live + dummy) and 'used'
** (live: 'length' here) and the resizes they trigger (an insertion into an unused
** entry that makes fill * 5 >= mask * 3; differences that leave more than a quarter
** dummies), pop()'s finger, and how each operation builds its result: a copy is a
** merge into an empty set, which may size the table differently from the original;
** a | b merges b into a copy of a; a & b walks the smaller set (b on a tie); a - b
** walks a, or copies a and removes b when a is more than four times larger; a ^ b
** walks a over a copy of b; and so on, each function below says which.
**
** The hashes are kr_slot_hash's, CPython's own for ints, floats, bools and tuples of
** them, so such sets come out in python3's order. Strings hash differently (CPython
** randomises its str hashes per process, so their order is not reproducible there
** either), and so do None (an address in 3.11; krait uses 3.12's constant) and nans
** (an address since 3.10).
**
** Elements are slots whose meaning comes from the set's static element type; a value
** to look up may be of another static type (1.0 in a set[int]): equal numbers hash
** equal whatever their types, and elements are compared with kr_slot_eq, which never
** runs user code, so no comparison can mutate the set under a probe (the hazard
** CPython restarts its probes for).
**
** Known difference: floats have no identity here, so a nan is never found again (CPython
** finds the very same nan object by identity), as for dict keys.
*/
#include "krait.h"

#include <gc.h>
#include <gc/gc_mark.h>
#include <string.h>

const kr_type kr_set_type = {"set"};

/* {====================================================================
** The table
** ===================================================================== */

/* CPython's PySet_MINSIZE, LINEAR_PROBES and PERTURB_SHIFT. */
#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* A dummy entry: free, key 0 (the collector sees no stale reference). */
#define DUMMY_KEY ((kr_slot)0)

static inline bool is_live(const kr_set_entry *e) { return e->hash != KR_SET_FREE; }
static inline bool is_unused(const kr_set_entry *e) {
  return e->hash == KR_SET_FREE && e->key == KR_SET_UNUSED;
}

/* Element types whose slots are never pointers: their tables are atomic (never
** scanned by the collector), as kr_list's items. */
static bool elem_atomic(const kr_tdesc *et) {
  return et->kind == KR_T_FLOAT || et->kind == KR_T_BOOL || et->kind == KR_T_NONE;
}

/* Whether table t was allocated atomic (for copies, which have no descriptor). */
static bool table_atomic(const kr_set_entry *t) {
  return t != NULL && GC_is_heap_ptr(t) &&
         GC_get_kind_and_size((void *)(uintptr_t)t, NULL) == 0 /* PTRFREE */;
}

/* 'size' unused entries: all bits one makes hash KR_SET_FREE and key KR_SET_UNUSED. */
static kr_set_entry *new_table(uint64_t size, bool atomic) {
  size_t bytes = (size_t)size * sizeof(kr_set_entry);
  kr_set_entry *t = atomic ? kr_alloc_atomic(bytes) : kr_alloc(bytes);
  memset(t, 0xff, bytes);
  return t;
}

/* The table of a set that has none yet (a new or cleared set: its MINSIZE entries
** are all unused until the first element comes). */
static void ensure_table(kr_set *s, bool atomic) {
  if (s->table == NULL) s->table = new_table(MINSIZE, atomic);
}

/* Slot x of type 'from' as a slot of type 'to' (as kr_dict.c's): boxed into dyn, None
** into an optional; the same slot otherwise, or when either type is NULL (a copy). */
static kr_slot convert(kr_slot x, const kr_tdesc *from, const kr_tdesc *to) {
  if (from == NULL || to == NULL) return x;
  if (to->kind == KR_T_DYN) return kr_dyn_box(x, from);
  if (to->kind == KR_T_OPTIONAL && from->kind == KR_T_NONE) return KR_NONE_WORD;
  return x;
}

/* set_lookkey: the live entry equal to 'key' (type tk, hash h) in *out and 1; 0 when
** there is none; -1 when a comparison failed. et is the set's element type. */
static int lookkey(const kr_set *s, const kr_tdesc *et, kr_slot key, const kr_tdesc *tk,
                   int64_t h, kr_set_entry **out) {
  if (s->table == NULL) return 0;
  uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)h, i = (uint64_t)h & mask;
  for (;;) {
    kr_set_entry *e = &s->table[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (is_unused(e)) return 0;
      /* A dummy's hash is KR_SET_FREE, which no element has. */
      if (e->hash == h) {
        int eq = kr_slot_key_eq(e->key, et, key, tk);
        if (eq != 0) {
          *out = e;
          return eq;
        }
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/* set_insert_clean: stores an element known to be absent into a table without dummies
** (a new one being filled); the caller counts it. */
static void insert_clean(kr_set_entry *table, uint64_t mask, kr_slot key, int64_t h) {
  uint64_t perturb = (uint64_t)h, i = (uint64_t)h & mask;
  kr_set_entry *e;
  for (;;) {
    e = &table[i];
    if (is_unused(e)) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        e++;
        if (is_unused(e)) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  e->key = key;
  e->hash = h;
}

/* set_table_resize: a table of the smallest power of two above 'minused' (at least
** MINSIZE), into which the live elements move in table order; dummies are dropped.
** As CPython, a table of MINSIZE entries without dummies is left as it is (its layout
** stays, where moving the elements could change it). */
static void resize(kr_set *s, int64_t minused, bool atomic) {
  uint64_t size = MINSIZE;
  while (size <= (uint64_t)minused) size <<= 1;
  if (size == MINSIZE && s->mask == MINSIZE - 1 && s->fill == s->length) return;
  kr_set_entry *old = s->table;
  uint64_t old_size = (uint64_t)s->mask + 1;
  if (old != NULL) atomic = table_atomic(old);
  kr_set_entry *table = new_table(size, atomic);
  s->table = table;
  s->mask = (int64_t)(size - 1);
  s->fill = s->length;
  if (old == NULL) return;
  for (uint64_t i = 0; i < old_size; i++) {
    if (is_live(&old[i])) insert_clean(table, size - 1, old[i].key, old[i].hash);
  }
}

/* The resize after an insertion or a difference: CPython's growth rule. */
static void grow(kr_set *s, bool atomic) {
  resize(s, s->length > 50000 ? s->length * 2 : s->length * 4, atomic);
}

/* set_add_entry: adds 'key' (type tk, hash h), stored as a slot of et, unless an equal
** element is there (which stays). The probe remembers the last dummy it passed and
** reuses it; only an insertion into an unused entry counts towards a resize. 0, or -1
** when a comparison failed. */
static int add_entry(kr_set *s, const kr_tdesc *et, kr_slot key, const kr_tdesc *tk, int64_t h) {
  ensure_table(s, elem_atomic(et));
  uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)h, i = (uint64_t)h & mask;
  kr_set_entry *freeslot = NULL, *e;
  for (;;) {
    e = &s->table[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (is_unused(e)) goto found_unused_or_dummy;
      if (e->hash == h) {
        int eq = kr_slot_key_eq(e->key, et, key, tk);
        if (eq != 0) return eq > 0 ? 0 : -1;
      } else if (e->hash == KR_SET_FREE) {
        freeslot = e; /* the last dummy passed, not the first: CPython's choice */
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot != NULL) {
    freeslot->key = convert(key, tk, et);
    freeslot->hash = h;
    s->length++;
    return 0;
  }
  e->key = convert(key, tk, et);
  e->hash = h;
  s->fill++;
  s->length++;
  if ((uint64_t)s->fill * 5 >= mask * 3) grow(s, elem_atomic(et));
  return 0;
}

/* set_discard_entry: 1 when an element equal to 'key' was there (its entry becomes a
** dummy), 0 when not, -1 when a comparison failed. */
static int discard_entry(kr_set *s, const kr_tdesc *et, kr_slot key, const kr_tdesc *tk,
                         int64_t h) {
  kr_set_entry *e;
  int found = lookkey(s, et, key, tk, h, &e);
  if (found <= 0) return found;
  e->key = DUMMY_KEY;
  e->hash = KR_SET_FREE;
  s->length--;
  return 1;
}

/* set_next: the first live entry at or after *pos (NULL past the end), with *pos moved
** past it. Loops walk a set with it in table order, the order CPython walks one. */
static kr_set_entry *next_live(const kr_set *s, int64_t *pos) {
  if (s->table == NULL) return NULL;
  for (int64_t i = *pos; i <= s->mask; i++) {
    if (is_live(&s->table[i])) {
      *pos = i + 1;
      return &s->table[i];
    }
  }
  *pos = s->mask + 1;
  return NULL;
}

/* set_merge: adds src's elements (type st) to dst (type dt). One resize first when
** they may not fit; into an empty dst, a table of src's size without dummies is copied
** entry by entry (the same layout), any other is filled in src's table order without
** comparisons (set_insert_clean); otherwise the elements are added one by one in src's
** table order. dt and st are NULL for a copy (no conversion; the table's kind is
** src's). 0, or -1 when a comparison failed. */
static int merge(kr_set *dst, const kr_tdesc *dt, const kr_set *src, const kr_tdesc *st) {
  if (dst == src || src->length == 0) return 0;
  bool atomic = dt != NULL ? elem_atomic(dt) : table_atomic(src->table);
  if ((dst->fill + src->length) * 5 >= dst->mask * 3)
    resize(dst, (dst->length + src->length) * 2, atomic);
  const kr_set_entry *e;
  if (dst->fill == 0 && dst->mask == src->mask && src->fill == src->length) {
    ensure_table(dst, atomic);
    for (int64_t i = 0; i <= src->mask; i++) {
      e = &src->table[i];
      if (is_live(e)) {
        dst->table[i].key = convert(e->key, st, dt);
        dst->table[i].hash = e->hash;
      }
    }
    dst->fill = src->fill;
    dst->length = src->length;
    return 0;
  }
  if (dst->fill == 0) {
    ensure_table(dst, atomic);
    for (int64_t pos = 0; (e = next_live(src, &pos)) != NULL;)
      insert_clean(dst->table, (uint64_t)dst->mask, convert(e->key, st, dt), e->hash);
    dst->fill = src->length;
    dst->length = src->length;
    return 0;
  }
  for (int64_t pos = 0; (e = next_live(src, &pos)) != NULL;) {
    if (add_entry(dst, dt, e->key, st, e->hash) < 0) return -1;
  }
  return 0;
}

/* KeyError for x: its message is repr(x), as CPython's KeyError prints its argument. */
static void raise_key_error(kr_slot x, const kr_tdesc *tx) {
  kr_str *repr = kr_slot_repr(x, tx);
  if (repr == NULL) {
    kr_raise(KR_EXC_KEY, "<exception str() failed>");
    return;
  }
  kr_raise_str(KR_EXC_KEY, repr);
}

/* Whether x is a set: CPython retries `x in s`, s.remove(x) and s.discard(x) with
** frozenset(x) when x is an unhashable set, and no frozenset is ever an element here,
** so such a probe is simply absent. */
static bool is_set_probe(kr_slot x, const kr_tdesc *tx) {
  return kr_tdesc_unwrap(&x, tx)->kind == KR_T_SET;
}

/* The slot of item i of a list's or tuple's items ('width' 1: a list of bools). */
static inline kr_slot item_at(const void *items, int64_t width, int64_t i) {
  return width == 1 ? (kr_slot)((const uint8_t *)items)[i] : ((const kr_slot *)items)[i];
}

/* }==================================================================== */

/* {====================================================================
** Operations on sets of possibly different element types (ea, eb), the result's
** elements of type er; NULL or -1 when a comparison failed. CPython finds an
** element of a set in the same set by identity, even a nan; a set met on both sides
** is handled first for that reason (floats have no identity here).
** ===================================================================== */

kr_set *kr_set_new(void) {
  kr_set *s = kr_alloc(sizeof *s);
  s->type = &kr_set_type;
  s->mask = MINSIZE - 1;
  /* length, fill, finger 0; no table until the first element. */
  return s;
}

/* set_copy: make_new_set(s), a merge into an empty set. */
static kr_set *copy_as(const kr_set *s, const kr_tdesc *from, const kr_tdesc *to) {
  kr_set *r = kr_set_new();
  merge(r, to, s, from); /* cannot fail: r is empty, nothing is compared */
  return r;
}

/* set_or: a copy of a, then b merged in. */
static kr_set *set_union(const kr_set *a, const kr_tdesc *ea, const kr_set *b,
                         const kr_tdesc *eb, const kr_tdesc *er) {
  kr_set *r = copy_as(a, ea, er);
  if (a == b) return r;
  return merge(r, er, b, eb) < 0 ? NULL : r;
}

/* set_intersection: a copy when a is b; else the smaller set (b when they are as
** large) is walked, and its elements found in the other are added to a new set. */
static kr_set *set_intersection(const kr_set *a, const kr_tdesc *ea, const kr_set *b,
                                const kr_tdesc *eb, const kr_tdesc *er) {
  if (a == b) return copy_as(a, ea, er);
  kr_set *r = kr_set_new();
  const kr_set *big = a, *walk = b;
  const kr_tdesc *ebig = ea, *ewalk = eb;
  if (b->length > a->length) {
    big = b;
    ebig = eb;
    walk = a;
    ewalk = ea;
  }
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(walk, &pos)) != NULL;) {
    kr_set_entry *found;
    int rv = lookkey(big, ebig, e->key, ewalk, e->hash, &found);
    if (rv < 0) return NULL;
    if (rv > 0 && add_entry(r, er, e->key, ewalk, e->hash) < 0) return NULL;
  }
  return r;
}

/* set_difference_update_internal: clears s when o is s; else o's elements are
** discarded from s, walking o, or the intersection of s and o when o is more than
** eight times larger; then a resize when more than a quarter of s's table is dummies. */
static int set_difference_update(kr_set *s, const kr_tdesc *es, const kr_set *o,
                                 const kr_tdesc *eo) {
  if (s == o) {
    kr_set_clear(s);
    return 0;
  }
  if ((o->length >> 3) > s->length) {
    /* The intersection walks s (the smaller): its elements are s's. */
    o = set_intersection(s, es, o, eo, es);
    if (o == NULL) return -1;
    eo = es;
  }
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(o, &pos)) != NULL;) {
    if (discard_entry(s, es, e->key, eo, e->hash) < 0) return -1;
  }
  if ((uint64_t)(s->fill - s->length) <= (uint64_t)s->mask / 4) return 0;
  grow(s, false); /* s has a table here, whose kind is kept */
  return 0;
}

/* set_difference: when a has more than four times b's elements, a copy of a with b's
** removed; otherwise a walked, its elements not in b added to a new set (none when b
** is a). */
static kr_set *set_difference(const kr_set *a, const kr_tdesc *ea, const kr_set *b,
                              const kr_tdesc *eb, const kr_tdesc *er) {
  if ((a->length >> 2) > b->length) {
    kr_set *r = copy_as(a, ea, er);
    return set_difference_update(r, er, b, eb) < 0 ? NULL : r;
  }
  kr_set *r = kr_set_new();
  if (a == b) return r;
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(a, &pos)) != NULL;) {
    kr_set_entry *found;
    int rv = lookkey(b, eb, e->key, ea, e->hash, &found);
    if (rv < 0) return NULL;
    if (rv == 0 && add_entry(r, er, e->key, ea, e->hash) < 0) return NULL;
  }
  return r;
}

/* set_symmetric_difference_update: clears s when o is s; else walks o: each element
** found in s is discarded, any other added. */
static int set_symmetric_difference_update(kr_set *s, const kr_tdesc *es, const kr_set *o,
                                           const kr_tdesc *eo) {
  if (s == o) {
    kr_set_clear(s);
    return 0;
  }
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(o, &pos)) != NULL;) {
    int rv = discard_entry(s, es, e->key, eo, e->hash);
    if (rv < 0) return -1;
    if (rv == 0 && add_entry(s, es, e->key, eo, e->hash) < 0) return -1;
  }
  return 0;
}

/* set_symmetric_difference: a copy of b, updated with a. For a ^ a every element of
** the copy is found and discarded: an empty set whose table keeps the copy's size. */
static kr_set *set_symmetric_difference(const kr_set *a, const kr_tdesc *ea, const kr_set *b,
                                        const kr_tdesc *eb, const kr_tdesc *er) {
  kr_set *r = copy_as(b, eb, er);
  if (a == b) {
    kr_set_entry *e;
    for (int64_t pos = 0; (e = next_live(r, &pos)) != NULL;) {
      e->key = DUMMY_KEY;
      e->hash = KR_SET_FREE;
    }
    r->length = 0;
    return r;
  }
  return set_symmetric_difference_update(r, er, a, ea) < 0 ? NULL : r;
}

/* set_intersection_update: s takes the table of the intersection (set_swap_bodies;
** the pop finger stays s's). */
static int set_intersection_update(kr_set *s, const kr_tdesc *es, const kr_set *o,
                                   const kr_tdesc *eo) {
  kr_set *r = set_intersection(s, es, o, eo, es);
  if (r == NULL) return -1;
  s->table = r->table;
  s->mask = r->mask;
  s->fill = r->fill;
  s->length = r->length;
  return 0;
}

/* set_issubset: every element of a is in b (false at once when a is larger). */
static int set_issubset(const kr_set *a, const kr_tdesc *ea, const kr_set *b, const kr_tdesc *eb) {
  if (a == b) return 1;
  if (a->length > b->length) return 0;
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(a, &pos)) != NULL;) {
    kr_set_entry *found;
    int rv = lookkey(b, eb, e->key, ea, e->hash, &found);
    if (rv <= 0) return rv;
  }
  return 1;
}

/* set_isdisjoint: no element of the smaller set in the larger. */
static int set_isdisjoint(const kr_set *a, const kr_tdesc *ea, const kr_set *b, const kr_tdesc *eb) {
  if (a == b) return a->length == 0;
  const kr_set *big = a, *walk = b;
  const kr_tdesc *ebig = ea, *ewalk = eb;
  if (b->length > a->length) {
    big = b;
    ebig = eb;
    walk = a;
    ewalk = ea;
  }
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(walk, &pos)) != NULL;) {
    kr_set_entry *found;
    int rv = lookkey(big, ebig, e->key, ewalk, e->hash, &found);
    if (rv != 0) return rv < 0 ? -1 : 0;
  }
  return 1;
}

/* }==================================================================== */

/* {====================================================================
** The public functions
** ===================================================================== */

bool kr_set_add(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx) {
  bool error = false;
  int64_t h = kr_slot_hash(x, tx, &error);
  if (error) return false;
  return add_entry(s, sd->items[0], x, tx, h) == 0;
}

int kr_set_contains(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx) {
  if (is_set_probe(x, tx)) return 0;
  bool error = false;
  int64_t h = kr_slot_hash(x, tx, &error);
  if (error) return -1;
  kr_set_entry *found;
  return lookkey(s, sd->items[0], x, tx, h, &found);
}

/* 1 removed, 0 absent, -1 error. */
static int discard(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx) {
  if (is_set_probe(x, tx)) return 0;
  bool error = false;
  int64_t h = kr_slot_hash(x, tx, &error);
  if (error) return -1;
  return discard_entry(s, sd->items[0], x, tx, h);
}

bool kr_set_remove(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx) {
  int rv = discard(s, sd, x, tx);
  if (rv == 0) raise_key_error(x, tx);
  return rv > 0;
}

bool kr_set_discard(kr_set *s, const kr_tdesc *sd, kr_slot x, const kr_tdesc *tx) {
  return discard(s, sd, x, tx) >= 0;
}

kr_slot kr_set_pop(kr_set *s, bool *error) {
  if (s->length == 0) {
    /* KeyError prints its argument's repr, here a str. */
    kr_raise(KR_EXC_KEY, "'pop from an empty set'");
    *error = true;
    return 0;
  }
  /* From the finger (kept in bounds), the first live entry, wrapping around. */
  kr_set_entry *e = s->table + ((uint64_t)s->finger & (uint64_t)s->mask);
  kr_set_entry *limit = s->table + s->mask;
  while (!is_live(e)) {
    e++;
    if (e > limit) e = s->table;
  }
  kr_slot x = e->key;
  e->key = DUMMY_KEY;
  e->hash = KR_SET_FREE;
  s->length--;
  s->finger = (e - s->table) + 1;
  return x;
}

void kr_set_clear(kr_set *s) {
  /* set_clear_internal: back to an empty table of MINSIZE entries (the old one is
  ** left to the collector); the pop finger stays, as CPython's. */
  s->table = NULL;
  s->mask = MINSIZE - 1;
  s->fill = 0;
  s->length = 0;
}

kr_set *kr_set_copy(const kr_set *s) { return copy_as(s, NULL, NULL); }

bool kr_set_add_items(kr_set *s, const kr_tdesc *sd, const void *items, int64_t n,
                      int64_t width, const kr_tdesc *elem) {
  const kr_tdesc *et = sd->items[0];
  for (int64_t i = 0; i < n; i++) {
    kr_slot x = item_at(items, width, i);
    bool error = false;
    int64_t h = kr_slot_hash(x, elem, &error);
    if (error || add_entry(s, et, x, elem, h) < 0) return false;
  }
  return true;
}

kr_set *kr_set_from_items(const void *items, int64_t n, int64_t width, const kr_tdesc *sd,
                          const kr_tdesc *elem) {
  kr_set *s = kr_set_new();
  return kr_set_add_items(s, sd, items, n, width, elem) ? s : NULL;
}

kr_set *kr_set_from_constants(const void *items, int64_t n, int64_t width, const kr_tdesc *sd,
                              const kr_tdesc *elem) {
  /* CPython's compiler makes the frozenset constant from the items in order, and
  ** makes it again from that one's elements (merge_consts_recursive). */
  kr_set *first = kr_set_from_items(items, n, width, sd, elem);
  if (first == NULL) return NULL;
  const kr_tdesc *et = sd->items[0];
  kr_set *s = kr_set_new();
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(first, &pos)) != NULL;) {
    if (add_entry(s, et, e->key, et, e->hash) < 0) return NULL;
  }
  return s;
}

bool kr_set_discard_items(kr_set *s, const kr_tdesc *sd, const void *items, int64_t n,
                          int64_t width, const kr_tdesc *elem) {
  const kr_tdesc *et = sd->items[0];
  for (int64_t i = 0; i < n; i++) {
    kr_slot x = item_at(items, width, i);
    bool error = false;
    int64_t h = kr_slot_hash(x, elem, &error);
    if (error || discard_entry(s, et, x, elem, h) < 0) return false;
  }
  if ((uint64_t)(s->fill - s->length) > (uint64_t)s->mask / 4) grow(s, false);
  return true;
}

kr_set *kr_set_intersection_items(const kr_set *s, const kr_tdesc *sd, const void *items,
                                  int64_t n, int64_t width, const kr_tdesc *elem) {
  const kr_tdesc *et = sd->items[0];
  kr_set *r = kr_set_new();
  for (int64_t i = 0; i < n; i++) {
    kr_slot x = item_at(items, width, i);
    bool error = false;
    int64_t h = kr_slot_hash(x, elem, &error);
    if (error) return NULL;
    kr_set_entry *found;
    int rv = lookkey(s, et, x, elem, h, &found);
    if (rv < 0) return NULL;
    if (rv > 0) {
      if (add_entry(r, et, x, elem, h) < 0) return NULL;
      /* Nothing more can be found once every element of s was. */
      if (r->length >= s->length) break;
    }
  }
  return r;
}

/* set_update_internal for a dict: one resize for all its keys first, then each added
** in the dict's order with its stored hash. */
bool kr_set_update_dict(kr_set *s, const kr_tdesc *sd, const kr_dict *d, const kr_tdesc *dd) {
  const kr_tdesc *et = sd->items[0], *kt = dd->items[0];
  if ((s->fill + d->length) * 5 >= s->mask * 3) resize(s, (s->length + d->length) * 2, elem_atomic(et));
  for (int64_t i = 0; i < d->used; i++) {
    const kr_dict_entry *e = &d->entries[i];
    if (e->hash == KR_DICT_DELETED) continue;
    if (add_entry(s, et, e->key, kt, e->hash) < 0) return false;
  }
  return true;
}

kr_set *kr_set_from_dict(const kr_dict *d, const kr_tdesc *dd, const kr_tdesc *sd) {
  kr_set *s = kr_set_new();
  return kr_set_update_dict(s, sd, d, dd) ? s : NULL;
}

kr_list *kr_set_to_list(const kr_set *s, const kr_tdesc *sd) {
  kr_list *l = kr_list_new(s->length, sd->items[0]);
  l->small_only = 1; /* kr_list_set clears it at the first item that is not a small int */
  int64_t k = 0;
  const kr_set_entry *e;
  for (int64_t pos = 0; (e = next_live(s, &pos)) != NULL;) kr_list_set(l, k++, e->key);
  return l;
}

bool kr_set_next(const kr_set *s, int64_t *position, kr_slot *x) {
  const kr_set_entry *e = next_live(s, position);
  if (e == NULL) return false;
  *x = e->key;
  return true;
}

kr_set *kr_set_union(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_union(a, e, b, e, e);
}

kr_set *kr_set_intersection(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_intersection(a, e, b, e, e);
}

kr_set *kr_set_difference(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_difference(a, e, b, e, e);
}

kr_set *kr_set_symmetric_difference(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_symmetric_difference(a, e, b, e, e);
}

bool kr_set_update(kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return merge(a, e, b, e) == 0;
}

bool kr_set_intersection_update(kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_intersection_update(a, e, b, e) == 0;
}

bool kr_set_difference_update(kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_difference_update(a, e, b, e) == 0;
}

bool kr_set_symmetric_difference_update(kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_symmetric_difference_update(a, e, b, e) == 0;
}

int kr_set_issubset(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_issubset(a, e, b, e);
}

int kr_set_issuperset(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_issubset(b, e, a, e);
}

int kr_set_isdisjoint(const kr_set *a, const kr_set *b, const kr_tdesc *sd) {
  const kr_tdesc *e = sd->items[0];
  return set_isdisjoint(a, e, b, e);
}

int kr_set_eq(const kr_set *a, const kr_tdesc *ta, const kr_set *b, const kr_tdesc *tb) {
  if (a == b) return 1;
  if (a->length != b->length) return 0;
  return set_issubset(a, ta->items[0], b, tb->items[0]);
}

int kr_set_compare(const kr_set *a, const kr_tdesc *ta, const kr_set *b, const kr_tdesc *tb,
                   kr_cmp_op op) {
  const kr_tdesc *ea = ta->items[0], *eb = tb->items[0];
  switch (op) {
    case KR_EQ: return kr_set_eq(a, ta, b, tb);
    case KR_NE: {
      int eq = kr_set_eq(a, ta, b, tb);
      return eq < 0 ? -1 : !eq;
    }
    case KR_LE: return set_issubset(a, ea, b, eb);
    case KR_GE: return set_issubset(b, eb, a, ea);
    case KR_LT: return a->length >= b->length ? 0 : set_issubset(a, ea, b, eb);
    case KR_GT: return a->length <= b->length ? 0 : set_issubset(b, eb, a, ea);
  }
  return 0;
}

kr_set *kr_set_binary(kr_binop op, const kr_set *a, const kr_tdesc *ta, const kr_set *b,
                      const kr_tdesc *tb, const kr_tdesc *tr) {
  const kr_tdesc *ea = ta->items[0], *eb = tb->items[0], *er = tr->items[0];
  switch (op) {
    case KR_BITOR: return set_union(a, ea, b, eb, er);
    case KR_BITAND: return set_intersection(a, ea, b, eb, er);
    case KR_SUB: return set_difference(a, ea, b, eb, er);
    case KR_BITXOR: return set_symmetric_difference(a, ea, b, eb, er);
    default: break;
  }
  kr_raise(KR_EXC_TYPE, "unsupported operand type(s) for set"); /* not called so */
  return NULL;
}

bool kr_set_inplace(kr_binop op, kr_set *a, const kr_tdesc *ta, const kr_set *b,
                    const kr_tdesc *tb) {
  const kr_tdesc *ea = ta->items[0], *eb = tb->items[0];
  switch (op) {
    case KR_BITOR: return merge(a, ea, b, eb) == 0;
    case KR_BITAND: return set_intersection_update(a, ea, b, eb) == 0;
    case KR_SUB: return set_difference_update(a, ea, b, eb) == 0;
    case KR_BITXOR: return set_symmetric_difference_update(a, ea, b, eb) == 0;
    default: break;
  }
  kr_raise(KR_EXC_TYPE, "unsupported operand type(s) for set"); /* not called so */
  return false;
}

/* }==================================================================== */
