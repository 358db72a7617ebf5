/*
** kr_sort.c: list sorting as CPython 3.11 does it (see kr_sort.h). When "<" is not a
** total order (floats with nans) or a comparison raises part-way (mixed types), the
** result depends on exactly which pairs the algorithm compares, in which order and
** with which operand on the left; so this follows CPython's algorithm step by step:
**
** - The list is cut into natural runs, left to right. A run is either non-descending
**   (each next item is not less than the one before) or strictly descending, which is
**   reversed in place.
** - Runs shorter than minrun (32..64, from the list's length) are extended to minrun
**   items (or to the end) with a binary insertion sort, whose search asks
**   "pivot < item".
** - Runs are pushed on a stack; before each push, the pending runs are merged by
**   the powersort rule: each boundary between two adjacent runs gets a "power" (the
**   depth at which the midpoints of the two runs first fall in different halves of
**   the list), and runs are merged while the boundary below the top has a greater
**   power than the new one. At the end the remaining runs are merged from the top,
**   merging the middle one with the smaller of its neighbours first.
** - A merge first trims the items already in place at both ends by galloping, then
**   copies the shorter run to temporary space and merges from the low end (merge_lo)
**   or the high end (merge_hi), switching to galloping when one run wins MIN_GALLOP
**   times in a row; min_gallop adapts across merges.
** - A failing comparison stops everything at once; the items in temporary space are
**   copied back into the hole, so the array is always a permutation of the input.
**
** Every function is written once, as a macro, and instantiated for each kind of
** comparison, so the common kinds compare inline. Where "<" is a strict weak order
** that cannot fail (ints, strs, floats without nans), which pairs are compared is
** unobservable and every stable sort gives the same result, which leaves room for
** speed: the int instances extend short runs by linear insertion (cheaper than
** binary when comparisons are), and floats without nans or -0.0 sort as int keys.
*/
#include "kr_sort.h"

#include "krait.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* {====================================================================
** Shared state and helpers (independent of the comparison)
** ===================================================================== */

/* Start galloping after this many wins in a row (adapted per sort in min_gallop). */
#define MIN_GALLOP 7
/* Temporary space for merges that need at most this many items lives on the stack. */
#define TMP_STACK 256
/* Powersort keeps at most one pending run per power (1..64 for 64-bit sizes), plus
** the run being pushed. */
#define MAX_PENDING 72

typedef struct sort_run {
  kr_slot *base;
  int64_t len;
  int power; /* of the boundary between this run and the next one */
} sort_run;

typedef struct sort_state {
  const kr_tdesc *t;  /* for KR_SORT_ANY */
  kr_slot *basekeys;  /* a[0] */
  int64_t listlen;    /* n */
  int64_t min_gallop; /* adapted across merges */
  kr_slot *tmp;       /* room for tmp_cap items */
  int64_t tmp_cap;
  int n; /* pending runs */
  sort_run pending[MAX_PENDING];
  kr_slot tmp_stack[TMP_STACK];
} sort_state;

static void state_init(sort_state *ms, kr_slot *a, int64_t n, const kr_tdesc *t) {
  ms->t = t;
  ms->basekeys = a;
  ms->listlen = n;
  ms->min_gallop = MIN_GALLOP;
  ms->tmp = ms->tmp_stack;
  ms->tmp_cap = TMP_STACK;
  ms->n = 0;
}

/* Room for need items. A merge needs at most half the list, so the first block
** allocated is that large and serves every later merge. */
static kr_slot *tmp_for(sort_state *ms, int64_t need) {
  if (need > ms->tmp_cap) {
    int64_t cap = ms->listlen / 2 + 1;
    if (cap < need) cap = need;
    ms->tmp = kr_alloc_atomic((size_t)cap * sizeof(kr_slot));
    ms->tmp_cap = cap;
  }
  return ms->tmp;
}

/* The shortest run length: n itself below 64; otherwise the six leading bits of n,
** plus one if any of the other bits is set, so that n / minrun is a power of two or
** a little less. */
static int64_t compute_minrun(int64_t n) {
  int64_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/* The powersort power of the boundary between the adjacent runs [s1, s1 + n1) and
** [s1 + n1, s1 + n1 + n2) of a list of n items: the first binary digit at which the
** fractions (midpoint of run 1) / n and (midpoint of run 2) / n differ. The midpoints
** are doubled to stay integers. */
static int run_power(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
  int power = 0;
  int64_t a = 2 * s1 + n1; /* 2 * midpoint of run 1 */
  int64_t b = a + n1 + n2; /* 2 * midpoint of run 2 */
  for (;;) {
    power++;
    if (a >= n) { /* both digits 1 */
      a -= n;
      b -= n;
    } else if (b >= n) { /* the digits differ */
      break;
    } /* else both digits 0 */
    a <<= 1;
    b <<= 1;
  }
  return power;
}

static void reverse_range(kr_slot *lo, kr_slot *hi) {
  for (hi--; lo < hi; lo++, hi--) {
    kr_slot x = *lo;
    *lo = *hi;
    *hi = x;
  }
}

/* }==================================================================== */

/* {====================================================================
** The algorithm, for one comparison. LESS(x, y) evaluates to 1 if x < y, 0 if not,
** or -1 after raising; it may use 't', the element descriptor.
** ===================================================================== */

/* NAME##_count_run: the length of the run starting at lo (before hi), which is
** strictly descending when *descending is set, non-descending otherwise; -1 on error. */
#define DEFINE_COUNT_RUN(NAME, LESS)                                                   \
  static int64_t NAME##_count_run(kr_slot *lo, kr_slot *hi, bool *descending,          \
                                  const kr_tdesc *t) {                                 \
    (void)t;                                                                           \
    *descending = false;                                                               \
    if (++lo == hi) return 1;                                                          \
    int64_t n = 2;                                                                     \
    int c = LESS(lo[0], lo[-1]);                                                       \
    if (c < 0) return -1;                                                              \
    if (c) {                                                                           \
      *descending = true;                                                              \
      for (lo++; lo < hi; lo++, n++) {                                                 \
        c = LESS(lo[0], lo[-1]);                                                       \
        if (c < 0) return -1;                                                          \
        if (!c) break;                                                                 \
      }                                                                                \
    } else {                                                                           \
      for (lo++; lo < hi; lo++, n++) {                                                 \
        c = LESS(lo[0], lo[-1]);                                                       \
        if (c < 0) return -1;                                                          \
        if (c) break;                                                                  \
      }                                                                                \
    }                                                                                  \
    return n;                                                                          \
  }

/* NAME##_insertion_sort: sorts [lo, hi) where [lo, start) is already sorted, putting
** each next item after the last one it is not less than (false on error). This one
** finds the place by binary search, asking "pivot < item" as CPython does. */
#define DEFINE_BINARY_INSERTION(NAME, LESS)                                            \
  static bool NAME##_insertion_sort(kr_slot *lo, kr_slot *hi, kr_slot *start,          \
                                    const kr_tdesc *t) {                               \
    (void)t;                                                                           \
    if (lo == start) start++;                                                          \
    for (; start < hi; start++) {                                                      \
      kr_slot pivot = *start;                                                          \
      kr_slot *l = lo, *r = start;                                                     \
      /* Invariant: pivot is not less than [lo, l), and less than [r, start). */       \
      do {                                                                             \
        kr_slot *p = l + ((r - l) >> 1);                                               \
        int c = LESS(pivot, *p);                                                       \
        if (c < 0) return false; /* pivot is still at *start */                        \
        if (c) {                                                                       \
          r = p;                                                                       \
        } else {                                                                       \
          l = p + 1;                                                                   \
        }                                                                              \
      } while (l < r);                                                                 \
      memmove(l + 1, l, (size_t)(start - l) * sizeof(kr_slot));                        \
      *l = pivot;                                                                      \
    }                                                                                  \
    return true;                                                                       \
  }

/* The same for a LESS that is a strict weak order and never fails, by linear search
** from the right: other comparisons than CPython's, but the same places (the binary
** search's answer is then unique), and faster for short runs as branches predict
** better. */
#define DEFINE_LINEAR_INSERTION(NAME, LESS)                                            \
  static bool NAME##_insertion_sort(kr_slot *lo, kr_slot *hi, kr_slot *start,          \
                                    const kr_tdesc *t) {                               \
    (void)t;                                                                           \
    if (lo == start) start++;                                                          \
    for (; start < hi; start++) {                                                      \
      kr_slot pivot = *start, *q = start;                                              \
      for (; q > lo && LESS(pivot, q[-1]); q--) q[0] = q[-1];                          \
      *q = pivot;                                                                      \
    }                                                                                  \
    return true;                                                                       \
  }

/* In a[0..n) (sorted), with 0 <= hint < n a guess to start from:
** NAME##_gallop_left: the k in 0..n with a[k-1] < key <= a[k] (before equal items);
** NAME##_gallop_right: the k in 0..n with a[k-1] <= key < a[k] (after equal items);
** -1 on error. Both probe hint, then hint +- 1, 3, 7, 15... until the key is passed,
** then binary search the last gap. */
#define DEFINE_GALLOPS(NAME, LESS)                                                     \
  static int64_t NAME##_gallop_left(kr_slot key, const kr_slot *a, int64_t n,          \
                                    int64_t hint, const kr_tdesc *t) {                 \
    (void)t;                                                                           \
    int64_t last = 0, ofs = 1;                                                         \
    const kr_slot *h = a + hint;                                                       \
    int c = LESS(*h, key);                                                             \
    if (c < 0) return -1;                                                              \
    if (c) { /* a[hint] < key: probe to the right */                                   \
      int64_t max = n - hint;                                                          \
      while (ofs < max) {                                                              \
        c = LESS(h[ofs], key);                                                         \
        if (c < 0) return -1;                                                          \
        if (!c) break;                                                                 \
        last = ofs;                                                                    \
        ofs = (ofs << 1) + 1;                                                          \
      }                                                                                \
      if (ofs > max) ofs = max;                                                        \
      last += hint;                                                                    \
      ofs += hint;                                                                     \
    } else { /* key <= a[hint]: probe to the left */                                   \
      int64_t max = hint + 1;                                                          \
      while (ofs < max) {                                                              \
        c = LESS(*(h - ofs), key);                                                     \
        if (c < 0) return -1;                                                          \
        if (c) break;                                                                  \
        last = ofs;                                                                    \
        ofs = (ofs << 1) + 1;                                                          \
      }                                                                                \
      if (ofs > max) ofs = max;                                                        \
      int64_t k = last;                                                                \
      last = hint - ofs;                                                               \
      ofs = hint - k;                                                                  \
    }                                                                                  \
    /* a[last] < key <= a[ofs]: search (last, ofs]. */                                 \
    last++;                                                                            \
    while (last < ofs) {                                                               \
      int64_t m = last + ((ofs - last) >> 1);                                          \
      c = LESS(a[m], key);                                                             \
      if (c < 0) return -1;                                                            \
      if (c) {                                                                         \
        last = m + 1;                                                                  \
      } else {                                                                         \
        ofs = m;                                                                       \
      }                                                                                \
    }                                                                                  \
    return ofs;                                                                        \
  }                                                                                    \
                                                                                       \
  static int64_t NAME##_gallop_right(kr_slot key, const kr_slot *a, int64_t n,         \
                                     int64_t hint, const kr_tdesc *t) {                \
    (void)t;                                                                           \
    int64_t last = 0, ofs = 1;                                                         \
    const kr_slot *h = a + hint;                                                       \
    int c = LESS(key, *h);                                                             \
    if (c < 0) return -1;                                                              \
    if (c) { /* key < a[hint]: probe to the left */                                    \
      int64_t max = hint + 1;                                                          \
      while (ofs < max) {                                                              \
        c = LESS(key, *(h - ofs));                                                     \
        if (c < 0) return -1;                                                          \
        if (!c) break;                                                                 \
        last = ofs;                                                                    \
        ofs = (ofs << 1) + 1;                                                          \
      }                                                                                \
      if (ofs > max) ofs = max;                                                        \
      int64_t k = last;                                                                \
      last = hint - ofs;                                                               \
      ofs = hint - k;                                                                  \
    } else { /* a[hint] <= key: probe to the right */                                  \
      int64_t max = n - hint;                                                          \
      while (ofs < max) {                                                              \
        c = LESS(key, h[ofs]);                                                         \
        if (c < 0) return -1;                                                          \
        if (c) break;                                                                  \
        last = ofs;                                                                    \
        ofs = (ofs << 1) + 1;                                                          \
      }                                                                                \
      if (ofs > max) ofs = max;                                                        \
      last += hint;                                                                    \
      ofs += hint;                                                                     \
    }                                                                                  \
    /* a[last] <= key < a[ofs]: search (last, ofs]. */                                 \
    last++;                                                                            \
    while (last < ofs) {                                                               \
      int64_t m = last + ((ofs - last) >> 1);                                          \
      c = LESS(key, a[m]);                                                             \
      if (c < 0) return -1;                                                            \
      if (c) {                                                                         \
        ofs = m;                                                                       \
      } else {                                                                         \
        last = m + 1;                                                                  \
      }                                                                                \
    }                                                                                  \
    return ofs;                                                                        \
  }

/* Merge the adjacent sorted runs pa[0..na) and pb[0..nb) (pb == pa + na) in place,
** stably; both are non-empty, pa[0] is known to be greater than pb[0], and pa[na-1]
** to belong after all of pb. NAME##_merge_lo copies run a out and fills from the
** left (for na <= nb), NAME##_merge_hi copies run b out and fills from the right. On
** error, the items still in temporary space are put back in the hole left for them,
** and false is returned. */
#define DEFINE_MERGE_LO(NAME, LESS)                                                    \
  static bool NAME##_merge_lo(sort_state *ms, kr_slot *pa, int64_t na, kr_slot *pb,    \
                              int64_t nb) {                                            \
    const kr_tdesc *t = ms->t;                                                         \
    (void)t;                                                                           \
    kr_slot *ta = tmp_for(ms, na);                                                     \
    memcpy(ta, pa, (size_t)na * sizeof(kr_slot));                                      \
    kr_slot *dest = pa;                                                                \
    bool ok = false;                                                                   \
    int64_t min_gallop, k;                                                             \
    *dest++ = *pb++;                                                                   \
    if (--nb == 0) goto succeed;                                                       \
    if (na == 1) goto copy_b;                                                          \
    min_gallop = ms->min_gallop;                                                       \
    for (;;) {                                                                         \
      int64_t acount = 0, bcount = 0; /* wins in a row */                              \
      /* One pair at a time until one run wins min_gallop times in a row. */           \
      for (;;) {                                                                       \
        int c = LESS(*pb, *ta);                                                        \
        if (c < 0) goto fail;                                                          \
        if (c) {                                                                       \
          *dest++ = *pb++;                                                             \
          bcount++;                                                                    \
          acount = 0;                                                                  \
          if (--nb == 0) goto succeed;                                                 \
          if (bcount >= min_gallop) break;                                             \
        } else {                                                                       \
          *dest++ = *ta++;                                                             \
          acount++;                                                                    \
          bcount = 0;                                                                  \
          if (--na == 1) goto copy_b;                                                  \
          if (acount >= min_gallop) break;                                             \
        }                                                                              \
      }                                                                                \
      /* Gallop while either run keeps winning by MIN_GALLOP or more. */               \
      min_gallop++;                                                                    \
      do {                                                                             \
        min_gallop -= min_gallop > 1;                                                  \
        ms->min_gallop = min_gallop;                                                   \
        k = NAME##_gallop_right(*pb, ta, na, 0, t);                                    \
        acount = k;                                                                    \
        if (k) {                                                                       \
          if (k < 0) goto fail;                                                        \
          memcpy(dest, ta, (size_t)k * sizeof(kr_slot));                               \
          dest += k;                                                                   \
          ta += k;                                                                     \
          na -= k;                                                                     \
          if (na == 1) goto copy_b;                                                    \
          /* na == 0 only when "<" is inconsistent (nans) */                           \
          if (na == 0) goto succeed;                                                   \
        }                                                                              \
        *dest++ = *pb++;                                                               \
        if (--nb == 0) goto succeed;                                                   \
        k = NAME##_gallop_left(*ta, pb, nb, 0, t);                                     \
        bcount = k;                                                                    \
        if (k) {                                                                       \
          if (k < 0) goto fail;                                                        \
          memmove(dest, pb, (size_t)k * sizeof(kr_slot));                              \
          dest += k;                                                                   \
          pb += k;                                                                     \
          nb -= k;                                                                     \
          if (nb == 0) goto succeed;                                                   \
        }                                                                              \
        *dest++ = *ta++;                                                               \
        if (--na == 1) goto copy_b;                                                    \
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);                          \
      min_gallop++; /* a penalty for leaving galloping */                              \
      ms->min_gallop = min_gallop;                                                     \
    }                                                                                  \
  succeed:                                                                             \
    ok = true;                                                                         \
  fail:                                                                                \
    if (na) memcpy(dest, ta, (size_t)na * sizeof(kr_slot));                            \
    return ok;                                                                         \
  copy_b: /* the last item of a goes after the rest of b */                            \
    memmove(dest, pb, (size_t)nb * sizeof(kr_slot));                                   \
    dest[nb] = *ta;                                                                    \
    return true;                                                                       \
  }

#define DEFINE_MERGE_HI(NAME, LESS)                                                    \
  static bool NAME##_merge_hi(sort_state *ms, kr_slot *pa, int64_t na, kr_slot *pb,    \
                              int64_t nb) {                                            \
    const kr_tdesc *t = ms->t;                                                         \
    (void)t;                                                                           \
    kr_slot *tb = tmp_for(ms, nb);                                                     \
    memcpy(tb, pb, (size_t)nb * sizeof(kr_slot));                                      \
    kr_slot *basea = pa;                                                               \
    kr_slot *dest = pb + nb - 1; /* the next place to fill, going down */              \
    kr_slot *a = pa + na - 1;    /* the last item of a left */                         \
    kr_slot *b = tb + nb - 1;    /* the last item of b left */                         \
    bool ok = false;                                                                   \
    int64_t min_gallop, k;                                                             \
    *dest-- = *a--;                                                                    \
    if (--na == 0) goto succeed;                                                       \
    if (nb == 1) goto copy_a;                                                          \
    min_gallop = ms->min_gallop;                                                       \
    for (;;) {                                                                         \
      int64_t acount = 0, bcount = 0; /* wins in a row */                              \
      for (;;) {                                                                       \
        int c = LESS(*b, *a);                                                          \
        if (c < 0) goto fail;                                                          \
        if (c) {                                                                       \
          *dest-- = *a--;                                                              \
          acount++;                                                                    \
          bcount = 0;                                                                  \
          if (--na == 0) goto succeed;                                                 \
          if (acount >= min_gallop) break;                                             \
        } else {                                                                       \
          *dest-- = *b--;                                                              \
          bcount++;                                                                    \
          acount = 0;                                                                  \
          if (--nb == 1) goto copy_a;                                                  \
          if (bcount >= min_gallop) break;                                             \
        }                                                                              \
      }                                                                                \
      min_gallop++;                                                                    \
      do {                                                                             \
        min_gallop -= min_gallop > 1;                                                  \
        ms->min_gallop = min_gallop;                                                   \
        k = NAME##_gallop_right(*b, basea, na, na - 1, t);                             \
        if (k < 0) goto fail;                                                          \
        k = na - k;                                                                    \
        acount = k;                                                                    \
        if (k) {                                                                       \
          dest -= k;                                                                   \
          a -= k;                                                                      \
          memmove(dest + 1, a + 1, (size_t)k * sizeof(kr_slot));                       \
          na -= k;                                                                     \
          if (na == 0) goto succeed;                                                   \
        }                                                                              \
        *dest-- = *b--;                                                                \
        if (--nb == 1) goto copy_a;                                                    \
        k = NAME##_gallop_left(*a, tb, nb, nb - 1, t);                                 \
        if (k < 0) goto fail;                                                          \
        k = nb - k;                                                                    \
        bcount = k;                                                                    \
        if (k) {                                                                       \
          dest -= k;                                                                   \
          b -= k;                                                                      \
          memcpy(dest + 1, b + 1, (size_t)k * sizeof(kr_slot));                        \
          nb -= k;                                                                     \
          if (nb == 1) goto copy_a;                                                    \
          /* nb == 0 only when "<" is inconsistent (nans) */                           \
          if (nb == 0) goto succeed;                                                   \
        }                                                                              \
        *dest-- = *a--;                                                                \
        if (--na == 0) goto succeed;                                                   \
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);                          \
      min_gallop++; /* a penalty for leaving galloping */                              \
      ms->min_gallop = min_gallop;                                                     \
    }                                                                                  \
  succeed:                                                                             \
    ok = true;                                                                         \
  fail:                                                                                \
    if (nb) memcpy(dest - (nb - 1), tb, (size_t)nb * sizeof(kr_slot));                 \
    return ok;                                                                         \
  copy_a: /* the first item of b goes before the rest of a */                          \
    dest -= na;                                                                        \
    a -= na;                                                                           \
    memmove(dest + 1, a + 1, (size_t)na * sizeof(kr_slot));                            \
    *dest = *b;                                                                        \
    return true;                                                                       \
  }

/* NAME##_merge_at: merges pending runs i and i + 1 (i is the second or third from
** the top). NAME##_found_new_run: the merges due before pushing a run of n2 items
** (powersort). NAME: the whole sort. */
#define DEFINE_DRIVER(NAME, LESS)                                                      \
  static bool NAME##_merge_at(sort_state *ms, int i) {                                 \
    const kr_tdesc *t = ms->t;                                                         \
    kr_slot *pa = ms->pending[i].base, *pb = ms->pending[i + 1].base;                  \
    int64_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;                      \
    ms->pending[i].len = na + nb;                                                      \
    if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];                       \
    ms->n--;                                                                           \
    /* The items of a not greater than b[0] are already in place, */                   \
    int64_t k = NAME##_gallop_right(*pb, pa, na, 0, t);                                \
    if (k < 0) return false;                                                           \
    pa += k;                                                                           \
    na -= k;                                                                           \
    if (na == 0) return true;                                                          \
    /* and so are the items of b not less than the last of a. */                       \
    nb = NAME##_gallop_left(pa[na - 1], pb, nb, nb - 1, t);                            \
    if (nb <= 0) return nb == 0;                                                       \
    return na <= nb ? NAME##_merge_lo(ms, pa, na, pb, nb)                              \
                    : NAME##_merge_hi(ms, pa, na, pb, nb);                             \
  }                                                                                    \
                                                                                       \
  static bool NAME##_found_new_run(sort_state *ms, int64_t n2) {                       \
    if (ms->n == 0) return true;                                                       \
    sort_run *p = ms->pending;                                                         \
    int64_t s1 = p[ms->n - 1].base - ms->basekeys, n1 = p[ms->n - 1].len;              \
    int power = run_power(s1, n1, n2, ms->listlen);                                    \
    while (ms->n > 1 && p[ms->n - 2].power > power) {                                  \
      if (!NAME##_merge_at(ms, ms->n - 2)) return false;                               \
    }                                                                                  \
    p[ms->n - 1].power = power;                                                        \
    return true;                                                                       \
  }                                                                                    \
                                                                                       \
  static bool NAME(kr_slot *a, int64_t n, const kr_tdesc *t) {                         \
    if (n < 2) return true;                                                            \
    int64_t minrun = compute_minrun(n);                                                \
    if (n <= minrun) { /* one run, extended over the whole list */                     \
      bool descending;                                                                 \
      int64_t r = NAME##_count_run(a, a + n, &descending, t);                          \
      if (r < 0) return false;                                                         \
      if (descending) reverse_range(a, a + r);                                         \
      return r == n || NAME##_insertion_sort(a, a + n, a + r, t);                      \
    }                                                                                  \
    sort_state ms;                                                                     \
    state_init(&ms, a, n, t);                                                          \
    kr_slot *lo = a;                                                                   \
    int64_t left = n;                                                                  \
    do {                                                                               \
      bool descending;                                                                 \
      int64_t r = NAME##_count_run(lo, lo + left, &descending, t);                     \
      if (r < 0) return false;                                                         \
      if (descending) reverse_range(lo, lo + r);                                       \
      if (r < minrun) {                                                                \
        int64_t force = left <= minrun ? left : minrun;                                \
        if (!NAME##_insertion_sort(lo, lo + force, lo + r, t)) return false;           \
        r = force;                                                                     \
      }                                                                                \
      if (!NAME##_found_new_run(&ms, r)) return false;                                 \
      ms.pending[ms.n].base = lo;                                                      \
      ms.pending[ms.n].len = r;                                                        \
      ms.n++;                                                                          \
      lo += r;                                                                         \
      left -= r;                                                                       \
    } while (left);                                                                    \
    /* Merge what is left, from the top, the middle run with its smaller neighbour. */ \
    while (ms.n > 1) {                                                                 \
      int i = ms.n - 2;                                                                \
      if (i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len) i--;                 \
      if (!NAME##_merge_at(&ms, i)) return false;                                      \
    }                                                                                  \
    return true;                                                                       \
  }

/* Defines 'static bool NAME(kr_slot *a, int64_t n, const kr_tdesc *t)' (and its
** helpers NAME_*), the sort of a[0..n) with LESS, comparing as CPython does. */
#define DEFINE_TIMSORT(NAME, LESS)    \
  DEFINE_COUNT_RUN(NAME, LESS)        \
  DEFINE_BINARY_INSERTION(NAME, LESS) \
  DEFINE_GALLOPS(NAME, LESS)          \
  DEFINE_MERGE_LO(NAME, LESS)         \
  DEFINE_MERGE_HI(NAME, LESS)         \
  DEFINE_DRIVER(NAME, LESS)

/* The same for a LESS that is a strict weak order, cannot fail and costs little
** (ints, floats without nans): the comparisons themselves are then unobservable, and
** every stable sort gives the same result; only the extension of short runs differs
** (linear insertion, faster there). */
#define DEFINE_TIMSORT_TOTAL(NAME, LESS) \
  DEFINE_COUNT_RUN(NAME, LESS)           \
  DEFINE_LINEAR_INSERTION(NAME, LESS)    \
  DEFINE_GALLOPS(NAME, LESS)             \
  DEFINE_MERGE_LO(NAME, LESS)            \
  DEFINE_MERGE_HI(NAME, LESS)            \
  DEFINE_DRIVER(NAME, LESS)

/* }==================================================================== */

/* {====================================================================
** The instances
** ===================================================================== */

static inline double slot_double(kr_slot x) {
  double d;
  memcpy(&d, &x, sizeof d);
  return d;
}

/* Tagged small ints order as their words (so do float_key's keys). */
#define SMALL_LESS(x, y) ((int64_t)(x) < (int64_t)(y))
#define INT_LESS(x, y)                                                \
  (kr_is_small((x) & (y)) ? SMALL_LESS((x), (y)) /* both are small */ \
                          : kr_int_compare((x), (y)) < 0)
#define FLOAT_LESS(x, y) (slot_double(x) < slot_double(y))
#define BOOL_LESS(x, y) ((x) < (y))
#define STR_LESS(x, y) \
  (kr_str_compare((const kr_str *)(uintptr_t)(x), (const kr_str *)(uintptr_t)(y)) < 0)
#define ANY_LESS(x, y) kr_slot_compare((x), t, (y), t, KR_LT)

DEFINE_TIMSORT_TOTAL(sort_small_ints, SMALL_LESS)
DEFINE_TIMSORT_TOTAL(sort_ints, INT_LESS)
DEFINE_TIMSORT_TOTAL(sort_floats, FLOAT_LESS) /* without nans */
DEFINE_TIMSORT(sort_floats_nan, FLOAT_LESS)   /* with nans "<" is no order */
DEFINE_TIMSORT_TOTAL(sort_bools, BOOL_LESS)
DEFINE_TIMSORT(sort_strs, STR_LESS) /* comparisons cost more than moves */
DEFINE_TIMSORT(sort_any, ANY_LESS)

/* A keyed sort moves indices and compares the keys they index; the keys travel in
** the algorithm's descriptor argument. */
typedef struct keyed_order {
  const kr_slot *keys;
  const kr_tdesc *desc;
} keyed_order;
#define KEYS_OF(t) ((const keyed_order *)(const void *)(t))
#define KEYED_LESS(x, y) \
  kr_slot_compare(KEYS_OF(t)->keys[x], KEYS_OF(t)->desc, KEYS_OF(t)->keys[y], KEYS_OF(t)->desc, KR_LT)
DEFINE_TIMSORT(sort_keyed, KEYED_LESS)

#define SIGN_BIT ((uint64_t)1 << 63)
#define EXPONENT_BITS ((uint64_t)0x7ff << 52)

/* A double's bits as an int64 that orders as the double does, for all but nans and
** -0.0 (which would come before 0.0, where "<" finds them equal). Its own inverse. */
static inline kr_slot float_key(kr_slot x) {
  return x ^ ((uint64_t)((int64_t)x >> 63) >> 1); /* flips the rest of a negative */
}

/* Floats: with a nan, CPython's exact comparisons. Otherwise "<" is a strict weak
** order, and without -0.0 it is the order of the keys, which sort as ints do. */
static bool sort_float_slots(kr_slot *a, int64_t n, const kr_tdesc *t) {
  bool nan = false, negative_zero = false;
  for (int64_t i = 0; i < n; i++) { /* branch-free, to vectorise */
    nan |= (a[i] & ~SIGN_BIT) > EXPONENT_BITS;
    negative_zero |= a[i] == SIGN_BIT;
  }
  if (nan) return sort_floats_nan(a, n, t);
  if (negative_zero) return sort_floats(a, n, t);
  /* One run (sorted or reversed already) needs no keys. */
  bool descending;
  if (n < 2 || sort_floats_count_run(a, a + n, &descending, t) == n) {
    if (n >= 2 && descending) reverse_range(a, a + n);
    return true;
  }
  for (int64_t i = 0; i < n; i++) a[i] = float_key(a[i]);
  sort_small_ints(a, n, t);
  for (int64_t i = 0; i < n; i++) a[i] = float_key(a[i]);
  return true;
}

bool kr_sort_indices_by_keys(kr_slot *indices, int64_t n, const kr_slot *keys,
                             const kr_tdesc *key_desc) {
  keyed_order order = {keys, key_desc};
  return sort_keyed(indices, n, (const kr_tdesc *)(const void *)&order);
}

bool kr_sort_slots(kr_slot *a, int64_t n, kr_sort_kind kind, const kr_tdesc *t) {
  switch (kind) {
    case KR_SORT_SMALL_INTS: return sort_small_ints(a, n, t);
    case KR_SORT_INTS: return sort_ints(a, n, t);
    case KR_SORT_FLOATS: return sort_float_slots(a, n, t);
    case KR_SORT_BOOLS: return sort_bools(a, n, t);
    case KR_SORT_STRS: return sort_strs(a, n, t);
    case KR_SORT_ANY: break;
  }
  return sort_any(a, n, t);
}

/* }==================================================================== */
