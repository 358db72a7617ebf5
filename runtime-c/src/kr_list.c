/*
** kr_list.c: Python's list, a growable array of items (see krait.h). A list of bools
** stores one byte per item (width 1), every other list one 64-bit slot (width 8); the
** width is fixed when the list is made (from the element descriptor) and every
** function takes and returns items as slots. The functions that must interpret slots
** (search, sort, copies that decide how the GC sees the items) take the static
** element descriptor from generated code.
**
** Items of float, bool and None lists hold no pointers, so they are allocated atomic
** and the collector never scans them. Functions without a descriptor (append, insert,
** extend) keep the kind of the existing block, which the collector can tell, so a
** list's items are never NULL (an empty list owns a small block).
**
** A block that is replaced is left to the collector, never freed explicitly: generated
** code may still hold the old items pointer until it reloads it.
*/
#include "krait.h"

#include <gc.h>
#include <gc/gc_mark.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

const kr_type kr_list_type = {"list"};

/* The smallest block a list owns, in bytes (the collector's granule). */
#define MIN_BLOCK 16

/* {====================================================================
** Items of either width
** ===================================================================== */

static int64_t width_for(const kr_tdesc *elem) { return elem->kind == KR_T_BOOL ? 1 : 8; }

static bool is_bytes(const kr_list *l) { return l->width == 1; }
static uint8_t *bytes_of(const kr_list *l) { return (uint8_t *)l->items; }
static kr_slot *slots_of(const kr_list *l) { return (kr_slot *)l->items; }

static inline kr_slot get(const kr_list *l, int64_t i) {
  return is_bytes(l) ? (kr_slot)bytes_of(l)[i] : slots_of(l)[i];
}

static inline void set(kr_list *l, int64_t i, kr_slot x) {
  if (!kr_is_small(x)) l->small_only = 0;
  if (is_bytes(l)) {
    bytes_of(l)[i] = (uint8_t)(x != 0);
  } else {
    slots_of(l)[i] = x;
  }
}

kr_slot kr_list_get(const kr_list *l, int64_t i) { return get(l, i); }
void kr_list_set(kr_list *l, int64_t i, kr_slot x) { set(l, i, x); }

/* The address of item i (for memmove/memcpy within one list). */
static char *item_ptr(const kr_list *l, int64_t i) { return (char *)l->items + i * l->width; }

/* dst[d..d+n) = src[s..s+n); the ranges may overlap when dst is src. Lists of
** different widths (a list[Never] joined to a list[bool]) are converted item by item. */
static void copy_items(kr_list *dst, int64_t d, const kr_list *src, int64_t s, int64_t n) {
  if (n <= 0) return;
  if (!src->small_only) dst->small_only = 0;
  if (dst->width == src->width) {
    memmove(item_ptr(dst, d), item_ptr(src, s), (size_t)(n * dst->width));
  } else {
    for (int64_t i = 0; i < n; i++) set(dst, d + i, get(src, s + i));
  }
}

/* }==================================================================== */

/* {====================================================================
** Item blocks
** ===================================================================== */

/* The most items a block can have before its size in bytes overflows. */
static int64_t max_items(int64_t width) { return INT64_MAX / width; }

static bool elem_atomic(const kr_tdesc *elem) {
  return elem->kind == KR_T_FLOAT || elem->kind == KR_T_BOOL || elem->kind == KR_T_NONE;
}

/* Whether the list's block was allocated atomic (a block outside the GC heap, which
** only a list built by hand can have, is treated as scanned). Bytes are never
** pointers. */
static bool items_atomic(const kr_list *l) {
  if (is_bytes(l)) return true;
  return l->items != NULL && GC_is_heap_ptr(l->items) &&
         GC_get_kind_and_size(l->items, NULL) == 0 /* PTRFREE */;
}

static int64_t min_capacity(int64_t width) { return MIN_BLOCK / width; }

/* A block of 'capacity' items of 'width' bytes whose first 'zeroed' are 0 (scanned
** blocks are zeroed entirely by the collector). NULL when the memory cannot be had. */
static void *try_new_items(int64_t capacity, int64_t width, bool atomic, int64_t zeroed) {
  if (capacity < min_capacity(width)) capacity = min_capacity(width);
  if (capacity > max_items(width)) return NULL;
  size_t size = (size_t)(capacity * width);
  void *items = atomic ? GC_MALLOC_ATOMIC(size) : GC_MALLOC(size);
  if (items != NULL && atomic && zeroed > 0) memset(items, 0, (size_t)(zeroed * width));
  return items;
}

/* The same, for sizes a program can really use: running out is fatal, as in kr_alloc. */
static void *new_items(int64_t capacity, int64_t width, bool atomic, int64_t zeroed) {
  void *items = try_new_items(capacity, width, atomic, zeroed);
  if (items == NULL) {
    /* kr_alloc reports the failure and aborts. */
    int64_t most = max_items(width);
    return kr_alloc((size_t)((capacity > most ? most : capacity) * width));
  }
  return items;
}

/* A list of 'width' whose block has room for 'capacity' items and whose 'length'
** are 0. */
static kr_list *list_with(int64_t length, int64_t capacity, int64_t width, bool atomic) {
  kr_list *l = kr_alloc(sizeof *l);
  l->type = &kr_list_type;
  l->length = length;
  l->width = width;
  l->capacity = capacity < min_capacity(width) ? min_capacity(width) : capacity;
  l->items = new_items(l->capacity, width, atomic, length);
  l->small_only = length == 0; /* zero words are not ints */
  return l;
}


/* An empty or zero-filled list for items of type elem. */
static kr_list *list_for(int64_t length, int64_t capacity, const kr_tdesc *elem) {
  return list_with(length, capacity, width_for(elem), elem_atomic(elem));
}

/* A list of 'length' items its maker fills by copying: small_only starts true and
** each copy clears it unless its source is all small ints. */
static kr_list *list_to_fill(int64_t length, const kr_tdesc *elem) {
  kr_list *l = list_for(length, length, elem);
  l->small_only = 1;
  return l;
}

/* Makes room for 'needed' items, growing by about 1.5x so appends are amortised O(1). */
static void ensure_capacity(kr_list *l, int64_t needed) {
  if (needed <= l->capacity) return;
  int64_t most = max_items(l->width);
  int64_t capacity = needed + (needed >> 1) + 4;
  if (capacity < needed || capacity > most) capacity = needed; /* near the limit */
  void *items = new_items(capacity, l->width, items_atomic(l), 0);
  if (l->length > 0) memcpy(items, l->items, (size_t)(l->length * l->width));
  l->items = items;
  l->capacity = capacity;
}

/* n as a repeat count: OverflowError beyond 64 bits, as CPython's index conversion. */
static bool repeat_count(kr_value n, int64_t *count) {
  if (kr_is_small(n)) {
    *count = kr_small_value(n);
    return true;
  }
  if (kr_int_to_i64(n, count)) return true;
  kr_raise(KR_EXC_OVERFLOW, "cannot fit 'int' into an index-sized integer");
  return false;
}

/* }==================================================================== */

/* {====================================================================
** Building and growing
** ===================================================================== */

kr_list *kr_list_new(int64_t length, const kr_tdesc *elem) {
  return list_for(length, length, elem);
}

void kr_list_append(kr_list *l, kr_slot x) {
  if (l->length >= l->capacity) ensure_capacity(l, l->length + 1);
  int64_t n = l->length;
  set(l, n, x);
  l->length = n + 1;
}

void kr_list_insert(kr_list *l, int64_t index, kr_slot x) {
  int64_t n = l->length;
  if (index < 0) {
    index += n;
    if (index < 0) index = 0;
  } else if (index > n) {
    index = n;
  }
  ensure_capacity(l, n + 1);
  copy_items(l, index + 1, l, index, n - index);
  set(l, index, x);
  l->length = n + 1;
}

bool kr_list_reserve(kr_list *l, kr_value n) {
  int64_t extra;
  if (!kr_int_to_i64(n, &extra) || extra > max_items(l->width) - l->length) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return false;
  }
  int64_t needed = l->length + extra;
  if (extra <= 0 || needed <= l->capacity) return true;
  void *items = try_new_items(needed, l->width, items_atomic(l), 0);
  if (items == NULL) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return false;
  }
  if (l->length > 0) memcpy(items, l->items, (size_t)(l->length * l->width));
  l->items = items;
  l->capacity = needed;
  return true;
}

void kr_list_extend(kr_list *l, const kr_list *other) {
  int64_t n = other->length; /* read first: other may be l */
  if (n == 0) return;
  ensure_capacity(l, l->length + n);
  copy_items(l, l->length, other, 0, n);
  l->length += n;
}

kr_list *kr_list_copy(const kr_list *l, const kr_tdesc *elem) {
  kr_list *copy = list_to_fill(l->length, elem);
  copy_items(copy, 0, l, 0, l->length);
  return copy;
}

kr_list *kr_list_concat(const kr_list *a, const kr_list *b, const kr_tdesc *elem) {
  int64_t n = a->length + b->length;
  kr_list *l = list_to_fill(n, elem);
  copy_items(l, 0, a, 0, a->length);
  copy_items(l, a->length, b, 0, b->length);
  return l;
}

kr_list *kr_list_repeat(const kr_list *l, kr_value n, const kr_tdesc *elem) {
  int64_t count;
  if (!repeat_count(n, &count)) return NULL;
  bool atomic = elem_atomic(elem);
  int64_t width = width_for(elem);
  int64_t size = l->length;
  if (count <= 0 || size == 0) return list_with(0, 0, width, atomic);
  if (size > max_items(width) / count) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return NULL;
  }
  int64_t total = size * count;
  void *items = try_new_items(total, width, atomic, 0);
  if (items == NULL) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return NULL;
  }
  kr_list *r = kr_alloc(sizeof *r);
  r->type = &kr_list_type;
  r->length = total;
  r->width = width;
  r->capacity = total < min_capacity(width) ? min_capacity(width) : total;
  r->items = items;
  r->small_only = 1;
  if (size == 1) {
    kr_slot x = get(l, 0);
    r->small_only = kr_is_small(x);
    if (is_bytes(r)) {
      memset(items, x != 0, (size_t)total); /* [False] * n, the sieve's first line */
    } else {
      for (int64_t i = 0; i < total; i++) slots_of(r)[i] = x;
    }
  } else {
    /* Copy once, then double the filled prefix. */
    copy_items(r, 0, l, 0, size);
    int64_t done = size;
    while (done < total) {
      int64_t chunk = done <= total - done ? done : total - done;
      memcpy(item_ptr(r, done), items, (size_t)(chunk * width));
      done += chunk;
    }
  }
  return r;
}

kr_list *kr_list_slice(const kr_list *l, kr_value start, kr_value stop, kr_value step,
                       const kr_tdesc *elem) {
  int64_t first, stride;
  int64_t n = kr_slice_indices(start, stop, step, l->length, &first, &stride);
  if (n < 0) return NULL;
  kr_list *r = list_to_fill(n, elem);
  if (stride == 1) {
    copy_items(r, 0, l, first, n);
  } else if (is_bytes(r) && is_bytes(l)) {
    const uint8_t *from = bytes_of(l);
    uint8_t *to = bytes_of(r);
    for (int64_t i = 0, j = first; i < n; i++, j += stride) to[i] = from[j];
  } else {
    for (int64_t i = 0, j = first; i < n; i++, j += stride) set(r, i, get(l, j));
  }
  return r;
}

kr_list *kr_list_from_str(const kr_str *s) {
  /* One-character ASCII strings are made once (the array is a GC root). */
  static kr_str *ascii_chars[128];
  kr_list *l = list_with(s->length, s->length, 8, false);
  kr_slot *items = slots_of(l);
  int64_t i = 0, k = 0;
  while (i < s->size && k < s->length) {
    unsigned char c = (unsigned char)s->data[i];
    int64_t width = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (width > s->size - i) width = s->size - i;
    kr_str *ch;
    if (c < 0x80) {
      if (ascii_chars[c] == NULL) ascii_chars[c] = kr_str_from_utf8(s->data + i, 1);
      ch = ascii_chars[c];
    } else {
      ch = kr_str_from_utf8(s->data + i, (size_t)width);
    }
    items[k++] = (kr_slot)(uintptr_t)ch;
    i += width;
  }
  l->length = k;
  return l;
}

/* }==================================================================== */

/* {====================================================================
** Removing
** ===================================================================== */

/* Removes item 'index' (in range), zeroing the freed place so the collector sees no
** stale reference. */
static void remove_at(kr_list *l, int64_t index) {
  int64_t n = l->length;
  copy_items(l, index, l, index + 1, n - index - 1);
  set(l, n - 1, 0);
  l->length = n - 1;
}

kr_slot kr_list_pop(kr_list *l, int64_t index, bool *error) {
  int64_t n = l->length;
  if (n == 0) {
    kr_raise(KR_EXC_INDEX, "pop from empty list");
    *error = true;
    return 0;
  }
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    kr_raise(KR_EXC_INDEX, "pop index out of range");
    *error = true;
    return 0;
  }
  kr_slot x = get(l, index);
  remove_at(l, index);
  return x;
}

bool kr_list_del_item(kr_list *l, int64_t index) {
  int64_t n = l->length;
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    kr_raise(KR_EXC_INDEX, "list assignment index out of range");
    return false;
  }
  remove_at(l, index);
  return true;
}

bool kr_list_del_slice(kr_list *l, kr_value start, kr_value stop, kr_value step) {
  int64_t first, stride;
  int64_t count = kr_slice_indices(start, stop, step, l->length, &first, &stride);
  if (count < 0) return false;
  if (count == 0) return true;
  if (stride < 0) {
    /* The same items walked forward: from the last one selected, with step -stride. */
    first += stride * (count - 1);
    stride = -stride;
  }
  int64_t n = l->length;
  int64_t last = first + stride * (count - 1);
  int64_t kept = first;
  if (stride == 1) {
    copy_items(l, first, l, last + 1, n - last - 1);
    kept = n - count;
  } else {
    for (int64_t i = first; i < n; i++) {
      if (i <= last && (i - first) % stride == 0) continue;
      set(l, kept++, get(l, i));
    }
  }
  memset(item_ptr(l, kept), 0, (size_t)((n - kept) * l->width));
  l->length = kept;
  return true;
}

bool kr_list_set_slice(kr_list *l, kr_value start, kr_value stop, kr_value step,
                       const kr_list *src) {
  int64_t first, stride;
  int64_t count = kr_slice_indices(start, stop, step, l->length, &first, &stride);
  if (count < 0) return false;
  int64_t m = src->length;
  if (stride == 1) {
    /* Items [first, first + count) give way to src's; the tail moves to follow. */
    int64_t n = l->length;
    int64_t tail = first + count;
    int64_t length = n - count + m;
    if (m > count) ensure_capacity(l, length);
    copy_items(l, first + m, l, tail, n - tail);
    copy_items(l, first, src, 0, m);
    if (length < n) memset(item_ptr(l, length), 0, (size_t)((n - length) * l->width));
    l->length = length;
    return true;
  }
  if (m != count) {
    /* kr_raise keeps the pointer, so the text lives in GC memory. */
    enum { SIZE = 128 };
    char *message = kr_alloc_atomic(SIZE);
    snprintf(message, SIZE,
             "attempt to assign sequence of size %" PRId64 " to extended slice of size %" PRId64,
             m, count);
    kr_raise(KR_EXC_VALUE, message);
    return false;
  }
  for (int64_t i = 0; i < count; i++) set(l, first + i * stride, get(src, i));
  return true;
}

void kr_list_clear(kr_list *l) {
  /* A fresh small block lets the old items be collected. */
  bool atomic = items_atomic(l);
  l->items = new_items(min_capacity(l->width), l->width, atomic, 0);
  l->capacity = min_capacity(l->width);
  l->length = 0;
  l->small_only = 1;
}

void kr_list_reverse(kr_list *l) {
  int64_t n = l->length;
  if (is_bytes(l)) {
    uint8_t *items = bytes_of(l);
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
      uint8_t t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return;
  }
  kr_slot *items = slots_of(l);
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    kr_slot t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

/* }==================================================================== */

void kr_list_box_items(kr_list *l, const kr_tdesc *from) {
  kr_slot *items = l->items;
  for (int64_t i = 0; i < l->length; i++) items[i] = (kr_slot)kr_dyn_box(items[i], from);
  l->small_only = 0;
}

/* {====================================================================
** Searching
** ===================================================================== */

/* The number of 1 bytes among a byte list's items (a loop compilers vectorise). */
static int64_t count_ones(const kr_list *l) {
  const uint8_t *items = bytes_of(l);
  int64_t ones = 0;
  for (int64_t i = 0; i < l->length; i++) ones += items[i];
  return ones;
}

/* Which of the two values a byte list can hold equal x: bit 0 for False, bit 1 for
** True (x may be of any type: 1 == True == 1.0). */
static int bool_matches(const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx) {
  /* A bool against a container is unequal without recursing: never -1. */
  return (kr_slot_eq(0, elem, x, tx) == 1 ? 1 : 0) | (kr_slot_eq(1, elem, x, tx) == 1 ? 2 : 0);
}

/* The first index >= 0 whose item equals x, -1 if there is none, or -2 with
** kr_slot_eq's RecursionError. */
static int64_t find_in(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                       int64_t from, int64_t to) {
  int64_t n = to < l->length ? to : l->length;
  if (from >= n) return -1;
  if (is_bytes(l)) {
    int matches = bool_matches(elem, x, tx);
    if (matches == 0) return -1;
    if (matches == 3) return from; /* cannot happen: nothing equals both */
    const uint8_t *items = bytes_of(l);
    const uint8_t *hit = memchr(items + from, matches == 2 ? 1 : 0, (size_t)(n - from));
    return hit == NULL ? -1 : hit - items;
  }
  const kr_slot *items = slots_of(l);
  if (elem->kind == KR_T_INT && tx->kind == KR_T_INT) {
    for (int64_t i = from; i < n; i++) {
      if (items[i] == x || (!kr_is_small(x) && !kr_is_small(items[i]) && kr_int_eq(items[i], x)))
        return i;
    }
    return -1;
  }
  if (elem->kind == KR_T_STR && tx->kind == KR_T_STR) {
    const kr_str *s = (const kr_str *)(uintptr_t)x;
    for (int64_t i = from; i < n; i++) {
      if (kr_str_eq((const kr_str *)(uintptr_t)items[i], s)) return i;
    }
    return -1;
  }
  for (int64_t i = from; i < n && i < l->length; i++) {
    int eq = kr_slot_eq(slots_of(l)[i], elem, x, tx);
    if (eq != 0) return eq > 0 ? i : -2;
  }
  return -1;
}

static int64_t find(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx) {
  return find_in(l, elem, x, tx, 0, l->length);
}

int64_t kr_list_index(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                      bool *error) {
  return kr_list_index_in(l, elem, x, tx, kr_small(0), kr_small(l->length), error);
}

/* A start or stop argument of list.index() as a position in [0, n]: negative ones
** count from the end, and both are clamped, as slice bounds are. */
static int64_t index_bound(kr_value v, int64_t n) {
  if (!kr_is_small(v)) return kr_int_sign(v) < 0 ? 0 : n;
  int64_t i = kr_small_value(v);
  if (i < 0) i += n;
  return i < 0 ? 0 : (i > n ? n : i);
}

int64_t kr_list_index_in(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                         kr_value start, kr_value stop, bool *error) {
  int64_t n = l->length;
  kr_comparing_call_enter();
  int64_t i = find_in(l, elem, x, tx, index_bound(start, n), index_bound(stop, n));
  kr_comparing_call_leave();
  if (i >= 0) return i;
  *error = true;
  if (i == -2) return -1;
  kr_str *repr = kr_slot_repr(x, tx);
  if (repr == NULL) return -1; /* repr(x) itself failed; its error stands */
  static const char suffix[] = " is not in list";
  char *message = kr_alloc_atomic((size_t)repr->size + sizeof suffix);
  memcpy(message, repr->data, (size_t)repr->size);
  memcpy(message + repr->size, suffix, sizeof suffix);
  kr_raise(KR_EXC_VALUE, message);
  return -1;
}

int64_t kr_list_count(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx,
                      bool *error) {
  if (is_bytes(l)) {
    int matches = bool_matches(elem, x, tx);
    if (matches == 0) return 0;
    int64_t ones = count_ones(l);
    return (matches & 1 ? l->length - ones : 0) + (matches & 2 ? ones : 0);
  }
  int64_t count = 0;
  const kr_slot *items = slots_of(l);
  kr_comparing_call_enter();
  for (int64_t i = 0; i < l->length; i++) {
    int eq = kr_slot_eq(items[i], elem, x, tx);
    if (eq < 0) {
      *error = true;
      break;
    }
    count += eq;
  }
  kr_comparing_call_leave();
  return count;
}

int kr_list_contains(const kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx) {
  int64_t i = find(l, elem, x, tx);
  return i == -2 ? -1 : i >= 0;
}

bool kr_list_remove(kr_list *l, const kr_tdesc *elem, kr_slot x, const kr_tdesc *tx) {
  kr_comparing_call_enter();
  int64_t i = find(l, elem, x, tx);
  kr_comparing_call_leave();
  if (i == -2) return false;
  if (i < 0) {
    kr_raise(KR_EXC_VALUE, "list.remove(x): x not in list");
    return false;
  }
  return kr_list_del_item(l, i);
}

/* }==================================================================== */

/* {====================================================================
** Sorting: CPython 3.11's algorithm (kr_sort.c), so that the result is CPython's
** also where "<" is not a total order (floats with nans) and a comparison that raises
** part-way leaves the list in CPython's order.
** ===================================================================== */

#include "kr_sort.h"

static void reverse_slots(kr_slot *a, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    kr_slot t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

static bool all_small(const kr_slot *a, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    if (!kr_is_small(a[i])) return false;
  }
  return true;
}

/* Sorting bytes (0 and 1, indistinguishable among themselves) is counting them. */
static void sort_bytes(kr_list *l, bool reverse) {
  int64_t n = l->length, ones = count_ones(l);
  uint8_t *items = bytes_of(l);
  if (reverse) {
    memset(items, 1, (size_t)ones);
    memset(items + ones, 0, (size_t)(n - ones));
  } else {
    memset(items, 0, (size_t)(n - ones));
    memset(items + (n - ones), 1, (size_t)ones);
  }
}

bool kr_list_sort(kr_list *l, const kr_tdesc *elem, bool reverse) {
  int64_t n = l->length;
  if (n < 2) return true;
  if (is_bytes(l)) {
    sort_bytes(l, reverse);
    return true;
  }
  /* The work is done on a copy, which can be atomic as the list keeps every item
  ** alive meanwhile (the sort moves some items to temporary space during merges). */
  kr_slot *work = kr_alloc_atomic((size_t)n * sizeof(kr_slot));
  memcpy(work, slots_of(l), (size_t)n * sizeof(kr_slot));
  /* reverse=True is a stable sort of the reversed list, reversed: equal items keep
  ** their original order, as in CPython. */
  if (reverse) reverse_slots(work, n);
  kr_sort_kind kind;
  switch ((kr_tkind)elem->kind) {
    case KR_T_INT: kind = all_small(work, n) ? KR_SORT_SMALL_INTS : KR_SORT_INTS; break;
    case KR_T_FLOAT: kind = KR_SORT_FLOATS; break;
    case KR_T_BOOL: kind = KR_SORT_BOOLS; break;
    case KR_T_STR: kind = KR_SORT_STRS; break;
    default: kind = KR_SORT_ANY; break;
  }
  if (kind == KR_SORT_ANY) kr_comparing_call_enter();
  bool ok = kr_sort_slots(work, n, kind, elem);
  if (kind == KR_SORT_ANY) kr_comparing_call_leave();
  /* After a failed comparison the list keeps the partly sorted order, reversed back
  ** too, as CPython leaves it. */
  if (reverse) reverse_slots(work, n);
  memcpy(slots_of(l), work, (size_t)n * sizeof(kr_slot));
  return ok;
}

bool kr_list_sort_by_keys(kr_list *l, const kr_list *keys, const kr_tdesc *key_elem,
                          bool reverse) {
  int64_t n = l->length;
  if (keys->length != n) {
    kr_raise(KR_EXC_VALUE, "list modified during sort");
    return false;
  }
  if (n < 2) return true;
  /* The keys list keeps the keys alive, the list its items: the copies can be atomic. */
  kr_slot *key_slots = kr_alloc_atomic((size_t)n * sizeof(kr_slot));
  for (int64_t i = 0; i < n; i++) key_slots[i] = get(keys, i);
  /* reverse=True: a stable sort of the reversed list, reversed (as kr_list_sort). */
  kr_slot *order = kr_alloc_atomic((size_t)n * sizeof(kr_slot));
  for (int64_t i = 0; i < n; i++) order[i] = (kr_slot)(reverse ? n - 1 - i : i);
  kr_comparing_call_enter();
  bool ok = kr_sort_indices_by_keys(order, n, key_slots, key_elem);
  kr_comparing_call_leave();
  if (reverse) reverse_slots(order, n);
  /* The items move as their keys did, also after a failed comparison. */
  if (is_bytes(l)) {
    uint8_t *old = kr_alloc_atomic((size_t)n);
    memcpy(old, bytes_of(l), (size_t)n);
    for (int64_t i = 0; i < n; i++) bytes_of(l)[i] = old[order[i]];
  } else {
    kr_slot *old = kr_alloc_atomic((size_t)n * sizeof(kr_slot));
    memcpy(old, slots_of(l), (size_t)n * sizeof(kr_slot));
    for (int64_t i = 0; i < n; i++) slots_of(l)[i] = old[order[i]];
  }
  return ok;
}

/* }==================================================================== */
