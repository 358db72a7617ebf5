/*
** kr_str_methods.c: str's methods with Python 3.11's semantics and messages: case
** mapping, strip, split, join, search, replace, the is* predicates and padding.
**
** Strings are UTF-8 (WTF-8 for lone surrogates). ASCII strings (the cached flag) take
** byte loops. Searching is a byte search (memchr/memmem): UTF-8 is self-synchronising,
** so a match of whole encoded code points in the bytes is a match of code points, and
** byte offsets become code point indices only where a result is an index.
**
** Character properties and case mappings come from tables generated from the host
** CPython's unicodedata (kr_unicode_case.c), so the results are CPython's exactly.
*/
#define _GNU_SOURCE /* memmem, memrchr */
#include "krait.h"
#include "kr_unicode.h"
#include "kr_unicode_case.h"

#include <string.h>

/* The elements of the lists split() returns. */
static const kr_tdesc str_desc = {KR_T_STR, 0, NULL};

/* Results beyond this many bytes are a MemoryError without trying (the allocation
** could not succeed); smaller ones try (kr_str_try_alloc). */
#define MAX_RESULT_SIZE ((int64_t)1 << 46)

/* {====================================================================
** Building strings
** ===================================================================== */

static kr_str *empty_str(void) {
  static kr_str *empty = NULL; /* static data: the collector sees it */
  if (empty == NULL) empty = kr_str_alloc(0, 0, true);
  return empty;
}

static bool starts_code_point(unsigned char c) { return (c & 0xC0) != 0x80; }

/* Code points that start in bytes [from, to) of text. */
static int64_t count_code_points(const char *text, int64_t from, int64_t to) {
  int64_t n = 0;
  for (int64_t i = from; i < to; i++) n += starts_code_point((unsigned char)text[i]);
  return n;
}

static bool bytes_ascii(const char *text, int64_t size) {
  for (int64_t i = 0; i < size; i++) {
    if ((unsigned char)text[i] >= 0x80) return false;
  }
  return true;
}

/* s[from:to] by byte offsets on code point boundaries; s itself when that is all. */
static kr_str *sub_bytes(const kr_str *s, int64_t from, int64_t to) {
  if (from == 0 && to == s->size) return (kr_str *)s;
  if (from >= to) return empty_str();
  int64_t size = to - from;
  bool ascii = s->ascii || bytes_ascii(s->data + from, size);
  int64_t length = ascii ? size : count_code_points(s->data, from, to);
  kr_str *r = kr_str_alloc(size, length, ascii);
  memcpy(r->data, s->data + from, (size_t)size);
  return r;
}

/* A new string from bytes whose length and ASCII-ness the caller knows. */
static kr_str *str_from(const char *bytes, int64_t size, int64_t length, bool ascii) {
  if (size == 0) return empty_str();
  kr_str *r = kr_str_alloc(size, length, ascii);
  memcpy(r->data, bytes, (size_t)size);
  return r;
}

/* The code point ending just before byte 'at' (> 0); stores where it starts. */
static uint32_t code_point_before(const kr_str *s, int64_t at, int64_t *start) {
  int64_t from = at - 1;
  while (from > 0 && !starts_code_point((unsigned char)s->data[from])) from--;
  size_t i = (size_t)from;
  *start = from;
  return kr_utf8_next(s->data, (size_t)s->size, &i);
}

/* kr_utf8_next with the ASCII case inline (the hot loops see mostly ASCII). */
static inline uint32_t next_cp(const char *text, size_t size, size_t *i) {
  unsigned char c = (unsigned char)text[*i];
  if (c < 0x80) {
    ++*i;
    return c;
  }
  return kr_utf8_next(text, size, i);
}

/* MemoryError (with no message, as CPython's); returns NULL for 'return'. */
static kr_str *raise_memory(void) {
  kr_raise(KR_EXC_MEMORY, NULL);
  return NULL;
}

/* }==================================================================== */

/* {====================================================================
** Case mapping
** ===================================================================== */

static uint32_t flags_of(uint32_t cp) { return kr_case_of(cp)->flags; }

/* Writes the mapping 'm' (a record's delta or multi index) of cp at *out, advancing
** it; returns the number of code points and sets *non_ascii if one is not ASCII. */
static int put_mapping(int32_t m, uint32_t cp, char **out, bool *non_ascii) {
  if (m < KR_CASE_MULTI) {
    uint32_t r = (uint32_t)((int32_t)cp + m);
    *out += kr_utf8_encode(r, *out);
    if (r >= 0x80) *non_ascii = true;
    return 1;
  }
  const uint32_t *p = &kr_case_multi[m - KR_CASE_MULTI];
  int n = (int)p[0];
  for (int k = 1; k <= n; k++) {
    *out += kr_utf8_encode(p[k], *out);
    if (p[k] >= 0x80) *non_ascii = true;
  }
  return n;
}

/* Whether the capital sigma whose bytes are [at, end) of s ends a word: a cased
** letter precedes it and none follows, skipping case-ignorable characters. */
static bool is_final_sigma(const kr_str *s, int64_t at, int64_t end) {
  int64_t pos = at;
  uint32_t flags = 0;
  bool found = false;
  while (pos > 0) {
    flags = flags_of(code_point_before(s, pos, &pos));
    if (!(flags & KR_CASE_CASE_IGNORABLE)) {
      found = true;
      break;
    }
  }
  if (!found || !(flags & KR_CASE_CASED)) return false;
  size_t i = (size_t)end;
  while (i < (size_t)s->size) {
    flags = flags_of(next_cp(s->data, (size_t)s->size, &i));
    if (!(flags & KR_CASE_CASE_IGNORABLE)) return !(flags & KR_CASE_CASED);
  }
  return true;
}

typedef enum case_op { OP_UPPER, OP_LOWER, OP_CAPITALIZE, OP_TITLE, OP_SWAPCASE } case_op;

static bool ascii_upper(unsigned char c) { return (unsigned)(c - 'A') < 26; }
static bool ascii_lower(unsigned char c) { return (unsigned)(c - 'a') < 26; }

/* op's mapping of an ASCII byte: every op either uppercases or lowercases it. 'first'
** is capitalize()'s state, *previous_cased title()'s (a cased letter precedes). */
static inline unsigned char ascii_map(unsigned char c, case_op op, bool first,
                                      bool *previous_cased) {
  bool up = ascii_upper(c), lo = ascii_lower(c);
  bool to_upper;
  switch (op) {
    case OP_UPPER: to_upper = true; break;
    case OP_LOWER: to_upper = false; break;
    case OP_CAPITALIZE: to_upper = first; break;
    case OP_TITLE:
      to_upper = !*previous_cased;
      *previous_cased = up || lo;
      break;
    default: to_upper = lo; break; /* OP_SWAPCASE */
  }
  return to_upper ? (lo ? (unsigned char)(c - 32) : c) : (up ? (unsigned char)(c + 32) : c);
}

/* The mapping of ASCII text; upper, lower and swapcase are branch-free loops. */
static kr_str *map_ascii(const kr_str *s, case_op op) {
  int64_t n = s->size;
  kr_str *r = kr_str_alloc(n, n, true);
  const unsigned char *in = (const unsigned char *)s->data;
  unsigned char *out = (unsigned char *)r->data;
  switch (op) {
    case OP_UPPER:
      for (int64_t i = 0; i < n; i++) out[i] = in[i] ^ (unsigned char)(ascii_lower(in[i]) << 5);
      break;
    case OP_LOWER:
      for (int64_t i = 0; i < n; i++) out[i] = in[i] ^ (unsigned char)(ascii_upper(in[i]) << 5);
      break;
    case OP_SWAPCASE:
      for (int64_t i = 0; i < n; i++)
        out[i] = in[i] ^ (unsigned char)((ascii_upper(in[i]) | ascii_lower(in[i])) << 5);
      break;
    default: {
      bool previous_cased = false;
      for (int64_t i = 0; i < n; i++) out[i] = ascii_map(in[i], op, i == 0, &previous_cased);
      break;
    }
  }
  return r;
}

/* The lowercase of cp at bytes [at, end) of s, with the final sigma rule. */
static int put_lower(const kr_str *s, uint32_t cp, const kr_case_record *rec, int64_t at,
                     int64_t end, char **out, bool *non_ascii) {
  if (cp == 0x3A3) {
    *out += kr_utf8_encode(is_final_sigma(s, at, end) ? 0x3C2 : 0x3C3, *out);
    *non_ascii = true;
    return 1;
  }
  return put_mapping(rec->lower, cp, out, non_ascii);
}

static kr_str *map_case(const kr_str *s, case_op op) {
  if (s->size == 0) return (kr_str *)s;
  if (s->ascii) return map_ascii(s, op);
  /* No code point's mapping takes more than 3 times its UTF-8 bytes (the generator
  ** checked; ASCII maps to ASCII). Small results are built on the stack. */
  char stack[512];
  size_t cap = (size_t)s->size * 3;
  char *buf = cap <= sizeof stack ? stack : kr_alloc_atomic(cap);
  char *out = buf;
  bool non_ascii = false;
  bool previous_cased = false;
  int64_t length = 0;
  size_t i = 0, size = (size_t)s->size;
  while (i < size) {
    int64_t at = (int64_t)i;
    unsigned char c = (unsigned char)s->data[i];
    if (c < 0x80) {
      *out++ = (char)ascii_map(c, op, i == 0, &previous_cased);
      i++;
      length++;
      continue;
    }
    uint32_t cp = kr_utf8_next(s->data, size, &i);
    const kr_case_record *rec = kr_case_of(cp);
    bool lower;
    int32_t m;
    switch (op) {
      case OP_UPPER: lower = false, m = rec->upper; break;
      case OP_LOWER: lower = true, m = 0; break;
      case OP_CAPITALIZE: lower = at != 0, m = rec->title; break;
      case OP_TITLE:
        lower = previous_cased, m = rec->title;
        previous_cased = (rec->flags & KR_CASE_CASED) != 0;
        break;
      default: /* OP_SWAPCASE */
        lower = (rec->flags & KR_CASE_UPPER) != 0;
        m = rec->flags & KR_CASE_LOWER ? rec->upper : 0;
        break;
    }
    if (lower) {
      length += put_lower(s, cp, rec, at, (int64_t)i, &out, &non_ascii);
    } else if (m == 0) {
      /* Unchanged: copy the bytes (this keeps lone surrogates as they are). */
      memcpy(out, s->data + at, i - (size_t)at);
      out += i - (size_t)at;
      non_ascii = true;
      length++;
    } else {
      length += put_mapping(m, cp, &out, &non_ascii);
    }
  }
  return str_from(buf, out - buf, length, !non_ascii);
}

kr_str *kr_str_upper(const kr_str *s) { return map_case(s, OP_UPPER); }
kr_str *kr_str_lower(const kr_str *s) { return map_case(s, OP_LOWER); }
kr_str *kr_str_capitalize(const kr_str *s) { return map_case(s, OP_CAPITALIZE); }
kr_str *kr_str_title(const kr_str *s) { return map_case(s, OP_TITLE); }
kr_str *kr_str_swapcase(const kr_str *s) { return map_case(s, OP_SWAPCASE); }

/* }==================================================================== */

/* {====================================================================
** strip
** ===================================================================== */

/* The characters to strip: whitespace (chars NULL) or the code points of chars, with
** a bitmap for the ASCII ones. */
typedef struct char_set {
  const kr_str *chars;
  uint64_t ascii[2];
} char_set;

static void char_set_init(char_set *set, const kr_str *chars) {
  set->chars = chars;
  set->ascii[0] = set->ascii[1] = 0;
  if (chars == NULL) return;
  for (int64_t i = 0; i < chars->size; i++) {
    unsigned char c = (unsigned char)chars->data[i];
    if (c < 0x80) set->ascii[c >> 6] |= (uint64_t)1 << (c & 63);
  }
}

static bool is_space(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
  return (flags_of(cp) & KR_CASE_SPACE) != 0;
}

static bool char_set_has(const char_set *set, uint32_t cp) {
  if (set->chars == NULL) return is_space(cp);
  if (cp < 0x80) return (set->ascii[cp >> 6] >> (cp & 63)) & 1;
  if (set->chars->ascii) return false;
  size_t i = 0, size = (size_t)set->chars->size;
  while (i < size) {
    if (next_cp(set->chars->data, size, &i) == cp) return true;
  }
  return false;
}

static kr_str *strip(const kr_str *s, const kr_str *chars, bool left, bool right) {
  char_set set;
  char_set_init(&set, chars);
  int64_t from = 0, to = s->size;
  if (left) {
    while (from < to) {
      size_t i = (size_t)from;
      uint32_t cp = next_cp(s->data, (size_t)s->size, &i);
      if (!char_set_has(&set, cp)) break;
      from = (int64_t)i;
    }
  }
  if (right) {
    while (to > from) {
      int64_t start;
      uint32_t cp = code_point_before(s, to, &start);
      if (!char_set_has(&set, cp)) break;
      to = start;
    }
  }
  return sub_bytes(s, from, to);
}

kr_str *kr_str_strip(const kr_str *s, const kr_str *chars) { return strip(s, chars, true, true); }
kr_str *kr_str_lstrip(const kr_str *s, const kr_str *chars) { return strip(s, chars, true, false); }
kr_str *kr_str_rstrip(const kr_str *s, const kr_str *chars) { return strip(s, chars, false, true); }

/* }==================================================================== */

/* {====================================================================
** Searching
** ===================================================================== */

/* The first occurrence of n (nn > 0 bytes) in h (hn bytes), or NULL. Short needles
** take memchr on their first byte and a compare; long ones glibc's memmem (two-way,
** linear), whose setup costs more than it saves on short ones. */
static const char *search(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn > hn) return NULL;
  if (nn == 1) return memchr(h, n[0], hn);
  if (nn > 8) return memmem(h, hn, n, nn);
  const char *p = h, *last = h + (hn - nn);
  while (p <= last) {
    p = memchr(p, n[0], (size_t)(last - p) + 1);
    if (p == NULL) return NULL;
    if (p[nn - 1] == n[nn - 1] && memcmp(p + 1, n + 1, nn - 1) == 0) return p;
    p++;
  }
  return NULL;
}

/* The first occurrence of n (non-empty) in h at or after byte 'from', or -1. */
static int64_t find_bytes(const kr_str *h, int64_t from, const kr_str *n) {
  const char *hit = search(h->data + from, (size_t)(h->size - from), n->data, (size_t)n->size);
  return hit == NULL ? -1 : (int64_t)(hit - h->data);
}

/* The last occurrence of needle that ends at or before byte 'to' of h, or -1. */
static int64_t rfind_bytes(const kr_str *h, int64_t to, const kr_str *n) {
  int64_t nsize = n->size;
  if (nsize > to) return -1;
  if (nsize == 0) return to;
  /* Candidates start in [0, to - nsize]; find their first byte from the right. */
  int64_t limit = to - nsize + 1;
  while (limit > 0) {
    const char *hit = memrchr(h->data, n->data[0], (size_t)limit);
    if (hit == NULL) return -1;
    /* The last byte first: it rejects most near misses (runs of one letter) at once. */
    const char *needle = n->data;
    if (hit[nsize - 1] == needle[nsize - 1] && memcmp(hit + 1, needle + 1, (size_t)nsize - 1) == 0)
      return (int64_t)(hit - h->data);
    limit = (int64_t)(hit - h->data);
  }
  return -1;
}

/* The code point index of byte offset 'at'. */
static kr_value index_of_offset(const kr_str *s, int64_t at) {
  return kr_small(s->ascii ? at : count_code_points(s->data, 0, at));
}

kr_value kr_str_find(const kr_str *s, const kr_str *sub) {
  if (sub->size == 0) return kr_small(0);
  int64_t at = find_bytes(s, 0, sub);
  return at < 0 ? kr_small(-1) : index_of_offset(s, at);
}

kr_value kr_str_rfind(const kr_str *s, const kr_str *sub) {
  if (sub->size == 0) return kr_small(s->length);
  int64_t at = rfind_bytes(s, s->size, sub);
  return at < 0 ? kr_small(-1) : index_of_offset(s, at);
}

kr_value kr_str_index(const kr_str *s, const kr_str *sub) {
  kr_value r = kr_str_find(s, sub);
  return r == kr_small(-1) ? kr_raise(KR_EXC_VALUE, "substring not found") : r;
}

kr_value kr_str_rindex(const kr_str *s, const kr_str *sub) {
  kr_value r = kr_str_rfind(s, sub);
  return r == kr_small(-1) ? kr_raise(KR_EXC_VALUE, "substring not found") : r;
}

/* Non-overlapping occurrences of sub (non-empty) in s, at most 'limit'. */
static int64_t count_occurrences(const kr_str *s, const kr_str *sub, int64_t limit) {
  int64_t n = 0, at = 0;
  while (n < limit && (at = find_bytes(s, at, sub)) >= 0) {
    n++;
    at += sub->size;
  }
  return n;
}

kr_value kr_str_count(const kr_str *s, const kr_str *sub) {
  if (sub->size == 0) return kr_small(s->length + 1);
  return kr_small(count_occurrences(s, sub, INT64_MAX));
}

bool kr_str_startswith(const kr_str *s, const kr_str *prefix) {
  return prefix->size <= s->size && memcmp(s->data, prefix->data, (size_t)prefix->size) == 0;
}

bool kr_str_endswith(const kr_str *s, const kr_str *suffix) {
  return suffix->size <= s->size &&
         memcmp(s->data + (s->size - suffix->size), suffix->data, (size_t)suffix->size) == 0;
}

/* {====================================================================
** The same searches in a window s[start:end] (find(sub, start, end) ...)
** ===================================================================== */

/* The byte offset of code point 'index' (at most the length) of s. */
static int64_t offset_of_index(const kr_str *s, int64_t index) {
  int64_t at = 0;
  for (int64_t k = 0; k < index && at < s->size; k++) {
    unsigned char c = (unsigned char)s->data[at];
    at += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return at < s->size ? at : s->size;
}

/* A start or end argument as an index (KR_ABSENT when omitted or None: 'absent');
** big ints clamp, as CPython's slice indices do. */
static int64_t window_bound(kr_value v, int64_t absent) {
  if (v == KR_ABSENT) return absent;
  if (kr_is_small(v)) return kr_small_value(v);
  return kr_int_sign(v) < 0 ? INT64_MIN / 4 : INT64_MAX / 4;
}

/* CPython's ADJUST_INDICES: negative indices count from the end (then at least 0),
** the end is at most the length; a start past the length stays there. The window
** is [from, to) in code points, and byte offsets 'bfrom' and 'bto' when it is not
** empty-past-the-end. False when it is shorter than 'need' code points. */
static bool window(const kr_str *s, kr_value start, kr_value end, int64_t need, int64_t *from,
                   int64_t *to, int64_t *bfrom, int64_t *bto) {
  int64_t len = s->length;
  int64_t a = window_bound(start, 0), b = window_bound(end, len);
  if (b > len) {
    b = len;
  } else if (b < 0) {
    b += len;
    if (b < 0) b = 0;
  }
  if (a < 0) {
    a += len;
    if (a < 0) a = 0;
  }
  *from = a;
  *to = b;
  if (b - a < need) return false;
  *bfrom = s->ascii ? a : offset_of_index(s, a);
  *bto = s->ascii ? b : offset_of_index(s, b);
  return true;
}

kr_value kr_str_find_in(const kr_str *s, const kr_str *sub, kr_value start, kr_value end,
                        bool last) {
  int64_t from, to, bfrom, bto;
  if (!window(s, start, end, sub->length, &from, &to, &bfrom, &bto)) return kr_small(-1);
  if (sub->size == 0) return kr_small(last ? to : from);
  int64_t at;
  if (last) {
    at = rfind_bytes(s, bto, sub);
    if (at < bfrom) at = -1;
  } else {
    at = find_bytes(s, bfrom, sub);
    if (at >= 0 && at + sub->size > bto) at = -1;
  }
  return at < 0 ? kr_small(-1) : index_of_offset(s, at);
}

kr_value kr_str_index_in(const kr_str *s, const kr_str *sub, kr_value start, kr_value end,
                         bool last) {
  kr_value r = kr_str_find_in(s, sub, start, end, last);
  return r == kr_small(-1) ? kr_raise(KR_EXC_VALUE, "substring not found") : r;
}

kr_value kr_str_count_in(const kr_str *s, const kr_str *sub, kr_value start, kr_value end) {
  int64_t from, to, bfrom, bto;
  if (!window(s, start, end, sub->length, &from, &to, &bfrom, &bto)) return kr_small(0);
  kr_str *part = kr_str_slice(s, kr_small(from), kr_small(to), kr_small(1));
  return part == NULL ? KR_ERROR : kr_str_count(part, sub);
}

bool kr_str_startswith_in(const kr_str *s, const kr_str *prefix, kr_value start, kr_value end) {
  int64_t from, to, bfrom, bto;
  if (!window(s, start, end, prefix->length, &from, &to, &bfrom, &bto)) return false;
  return prefix->size <= bto - bfrom &&
         memcmp(s->data + bfrom, prefix->data, (size_t)prefix->size) == 0;
}

bool kr_str_endswith_in(const kr_str *s, const kr_str *suffix, kr_value start, kr_value end) {
  int64_t from, to, bfrom, bto;
  if (!window(s, start, end, suffix->length, &from, &to, &bfrom, &bto)) return false;
  return suffix->size <= bto - bfrom &&
         memcmp(s->data + (bto - suffix->size), suffix->data, (size_t)suffix->size) == 0;
}

/* }==================================================================== */

/* {====================================================================
** replace
** ===================================================================== */

kr_str *kr_str_replace(const kr_str *s, const kr_str *old, const kr_str *new_, kr_value count_v) {
  bool error = false;
  int64_t count = kr_ssize_value(count_v, &error);
  if (error) return NULL;
  if (count < 0) count = INT64_MAX;
  if (count == 0) return (kr_str *)s;
  if (old->size == 0) {
    /* new_ goes before each of the first 'count' code points (and after the last). */
    int64_t n = count < s->length + 1 ? count : s->length + 1;
    if (new_->size == 0) return (kr_str *)s;
    if (new_->size > (MAX_RESULT_SIZE - s->size) / n) return raise_memory();
    int64_t size = s->size + n * new_->size;
    kr_str *r = kr_str_alloc(size, s->length + n * new_->length, s->ascii && new_->ascii);
    char *out = r->data;
    size_t i = 0;
    for (int64_t k = 0; k < n; k++) {
      memcpy(out, new_->data, (size_t)new_->size);
      out += new_->size;
      if (i < (size_t)s->size) {
        size_t at = i;
        next_cp(s->data, (size_t)s->size, &i);
        memcpy(out, s->data + at, i - at);
        out += i - at;
      }
    }
    memcpy(out, s->data + i, (size_t)s->size - i);
    return r;
  }
  int64_t n = count_occurrences(s, old, count);
  if (n == 0) return (kr_str *)s;
  int64_t delta = new_->size - old->size;
  if (delta > 0 && delta > (MAX_RESULT_SIZE - s->size) / n) return raise_memory();
  int64_t size = s->size + n * delta;
  if (size == 0) return empty_str();
  int64_t length = s->length + n * (new_->length - old->length);
  bool ascii = length == size; /* every other code point takes more than a byte */
  kr_str *r = kr_str_alloc(size, length, ascii);
  char *out = r->data;
  int64_t at = 0;
  for (int64_t k = 0; k < n; k++) {
    int64_t hit = find_bytes(s, at, old);
    memcpy(out, s->data + at, (size_t)(hit - at));
    out += hit - at;
    memcpy(out, new_->data, (size_t)new_->size);
    out += new_->size;
    at = hit + old->size;
  }
  memcpy(out, s->data + at, (size_t)(s->size - at));
  return r;
}

/* }==================================================================== */

/* {====================================================================
** split, rsplit, splitlines, join
** ===================================================================== */

static void append(kr_list *l, kr_str *part) { kr_list_append(l, (kr_slot)(uintptr_t)part); }

/* Whether a whitespace character starts at byte 'at' (< size); stores where the code
** point ends. */
static bool space_at(const kr_str *s, int64_t at, int64_t *end) {
  size_t i = (size_t)at;
  uint32_t cp = next_cp(s->data, (size_t)s->size, &i);
  *end = (int64_t)i;
  return is_space(cp);
}

/* Whether a whitespace character ends at byte 'at' (> 0); stores where it starts. */
static bool space_before(const kr_str *s, int64_t at, int64_t *start) {
  return is_space(code_point_before(s, at, start));
}

static kr_list *split_whitespace(const kr_str *s, int64_t maxsplit) {
  kr_list *l = kr_list_new(0, &str_desc);
  int64_t i = 0, size = s->size, next;
  while (maxsplit-- > 0) {
    while (i < size && space_at(s, i, &next)) i = next;
    if (i == size) return l;
    int64_t word = i;
    while (i < size && !space_at(s, i, &next)) i = next;
    append(l, sub_bytes(s, word, i));
  }
  while (i < size && space_at(s, i, &next)) i = next;
  if (i < size) append(l, sub_bytes(s, i, size));
  return l;
}

static kr_list *rsplit_whitespace(const kr_str *s, int64_t maxsplit) {
  kr_list *l = kr_list_new(0, &str_desc);
  int64_t i = s->size, prev;
  while (maxsplit-- > 0) {
    while (i > 0 && space_before(s, i, &prev)) i = prev;
    if (i == 0) break;
    int64_t word_end = i;
    while (i > 0 && !space_before(s, i, &prev)) i = prev;
    append(l, sub_bytes(s, i, word_end));
  }
  while (i > 0 && space_before(s, i, &prev)) i = prev;
  if (i > 0) append(l, sub_bytes(s, 0, i));
  kr_list_reverse(l);
  return l;
}

/* maxsplit as a count: no limit when negative. */
static bool split_limit(kr_value maxsplit_v, int64_t *out) {
  bool error = false;
  int64_t maxsplit = kr_ssize_value(maxsplit_v, &error);
  if (error) return false;
  *out = maxsplit < 0 ? INT64_MAX : maxsplit;
  return true;
}

/* s.partition(sep) (or rpartition when 'last'): (head, sep, tail) split at the first
** (last) occurrence; without one, (s, '', '') or ('', '', s). ValueError "empty
** separator" for ''. */
kr_tuple *kr_str_partition(const kr_str *s, const kr_str *sep, bool last) {
  if (sep->size == 0) {
    kr_raise(KR_EXC_VALUE, "empty separator");
    return NULL;
  }
  int64_t hit = last ? rfind_bytes(s, s->size, sep) : find_bytes(s, 0, sep);
  kr_str *parts[3];
  if (hit < 0) {
    parts[0] = last ? empty_str() : (kr_str *)s;
    parts[1] = empty_str();
    parts[2] = last ? (kr_str *)s : empty_str();
  } else {
    parts[0] = sub_bytes(s, 0, hit);
    parts[1] = (kr_str *)sep;
    parts[2] = sub_bytes(s, hit + sep->size, s->size);
  }
  kr_tuple *t = kr_tuple_new(3);
  for (int k = 0; k < 3; k++) t->items[k] = (kr_slot)(uintptr_t)parts[k];
  return t;
}

/* s.removeprefix(p) and s.removesuffix(p): s without p at that end, else s. */
kr_str *kr_str_removeprefix(const kr_str *s, const kr_str *prefix) {
  if (prefix->size > 0 && kr_str_startswith(s, prefix)) return sub_bytes(s, prefix->size, s->size);
  return (kr_str *)s;
}

kr_str *kr_str_removesuffix(const kr_str *s, const kr_str *suffix) {
  if (suffix->size > 0 && kr_str_endswith(s, suffix))
    return sub_bytes(s, 0, s->size - suffix->size);
  return (kr_str *)s;
}

/* s.isascii(): every code point below 128 (true for ''). */
bool kr_str_isascii(const kr_str *s) { return s->length == s->size; }

kr_list *kr_str_split(const kr_str *s, const kr_str *sep, kr_value maxsplit_v) {
  int64_t maxsplit;
  if (!split_limit(maxsplit_v, &maxsplit)) return NULL;
  if (sep == NULL) return split_whitespace(s, maxsplit);
  if (sep->size == 0) {
    kr_raise(KR_EXC_VALUE, "empty separator");
    return NULL;
  }
  kr_list *l = kr_list_new(0, &str_desc);
  int64_t at = 0, hit;
  while (maxsplit-- > 0 && (hit = find_bytes(s, at, sep)) >= 0) {
    append(l, sub_bytes(s, at, hit));
    at = hit + sep->size;
  }
  append(l, sub_bytes(s, at, s->size));
  return l;
}

kr_list *kr_str_rsplit(const kr_str *s, const kr_str *sep, kr_value maxsplit_v) {
  int64_t maxsplit;
  if (!split_limit(maxsplit_v, &maxsplit)) return NULL;
  if (sep == NULL) return rsplit_whitespace(s, maxsplit);
  if (sep->size == 0) {
    kr_raise(KR_EXC_VALUE, "empty separator");
    return NULL;
  }
  kr_list *l = kr_list_new(0, &str_desc);
  int64_t end = s->size, hit;
  while (maxsplit-- > 0 && (hit = rfind_bytes(s, end, sep)) >= 0) {
    append(l, sub_bytes(s, hit + sep->size, end));
    end = hit;
  }
  append(l, sub_bytes(s, 0, end));
  kr_list_reverse(l);
  return l;
}

/* The size of the line break at byte 'at' of s, or 0: \n \r \v \f \x1c \x1d \x1e
** \x85 \u2028 \u2029 (\r\n counts as one). */
static int line_break_at(const kr_str *s, int64_t at) {
  const unsigned char *d = (const unsigned char *)s->data;
  unsigned char c = d[at];
  if (c < 0x80) {
    if (c == '\r') return at + 1 < s->size && d[at + 1] == '\n' ? 2 : 1;
    return (c >= '\n' && c <= '\r') || (c >= 0x1C && c <= 0x1E) ? 1 : 0;
  }
  if (c == 0xC2 && at + 1 < s->size && d[at + 1] == 0x85) return 2;
  bool separator = c == 0xE2 && at + 2 < s->size && d[at + 1] == 0x80 &&
                   (d[at + 2] == 0xA8 || d[at + 2] == 0xA9); /* U+2028, U+2029 */
  if (separator) return 3;
  return 0;
}

kr_list *kr_str_splitlines(const kr_str *s, bool keepends) {
  kr_list *l = kr_list_new(0, &str_desc);
  int64_t i = 0, size = s->size;
  while (i < size) {
    int64_t line = i;
    int brk = 0;
    while (i < size && (brk = line_break_at(s, i)) == 0) i++;
    int64_t end = i;
    if (i < size) {
      i += brk;
      if (keepends) end = i;
    }
    append(l, sub_bytes(s, line, end));
  }
  return l;
}

static kr_str *item_str(const kr_list *l, int64_t k) {
  return (kr_str *)(uintptr_t)((const kr_slot *)l->items)[k]; /* a list[str]: slots */
}

kr_str *kr_str_join(const kr_str *sep, const kr_list *parts) {
  int64_t n = parts->length;
  if (n == 0) return empty_str();
  if (n == 1) return item_str(parts, 0);
  int64_t size = sep->size * (n - 1), length = sep->length * (n - 1);
  bool ascii = sep->ascii;
  for (int64_t k = 0; k < n; k++) {
    const kr_str *item = item_str(parts, k);
    size += item->size;
    length += item->length;
    ascii = ascii && item->ascii;
  }
  if (size == 0) return empty_str();
  kr_str *r = kr_str_alloc(size, length, ascii);
  char *out = r->data;
  for (int64_t k = 0; k < n; k++) {
    if (k > 0) {
      memcpy(out, sep->data, (size_t)sep->size);
      out += sep->size;
    }
    const kr_str *item = item_str(parts, k);
    memcpy(out, item->data, (size_t)item->size);
    out += item->size;
  }
  return r;
}

/* }==================================================================== */

/* {====================================================================
** Predicates
** ===================================================================== */

/* Whether s is non-empty and every code point has one of the flags in 'any'. */
static bool all_have(const kr_str *s, uint32_t any) {
  if (s->size == 0) return false;
  size_t i = 0, size = (size_t)s->size;
  if (s->ascii) {
    for (; i < size; i++) {
      if (!(flags_of((unsigned char)s->data[i]) & any)) return false;
    }
    return true;
  }
  while (i < size) {
    if (!(flags_of(next_cp(s->data, size, &i)) & any)) return false;
  }
  return true;
}

bool kr_str_isdigit(const kr_str *s) { return all_have(s, KR_CASE_DIGIT); }
bool kr_str_isdecimal(const kr_str *s) { return all_have(s, KR_CASE_DECIMAL); }
bool kr_str_isnumeric(const kr_str *s) { return all_have(s, KR_CASE_NUMERIC); }
bool kr_str_isalpha(const kr_str *s) { return all_have(s, KR_CASE_ALPHA); }
bool kr_str_isspace(const kr_str *s) { return all_have(s, KR_CASE_SPACE); }

bool kr_str_isalnum(const kr_str *s) {
  return all_have(s, KR_CASE_ALPHA | KR_CASE_DECIMAL | KR_CASE_DIGIT | KR_CASE_NUMERIC);
}

/* isupper (want KR_CASE_UPPER) or islower (KR_CASE_LOWER): some character has the
** case and none has the other case or is titlecase. */
static bool all_one_case(const kr_str *s, uint32_t want, uint32_t other) {
  bool cased = false;
  size_t i = 0, size = (size_t)s->size;
  while (i < size) {
    uint32_t flags = flags_of(next_cp(s->data, size, &i));
    if (flags & (other | KR_CASE_TITLE)) return false;
    if (flags & want) cased = true;
  }
  return cased;
}

bool kr_str_isupper(const kr_str *s) { return all_one_case(s, KR_CASE_UPPER, KR_CASE_LOWER); }
bool kr_str_islower(const kr_str *s) { return all_one_case(s, KR_CASE_LOWER, KR_CASE_UPPER); }

bool kr_str_istitle(const kr_str *s) {
  bool cased = false, previous_cased = false;
  size_t i = 0, size = (size_t)s->size;
  while (i < size) {
    uint32_t flags = flags_of(next_cp(s->data, size, &i));
    if (flags & (KR_CASE_UPPER | KR_CASE_TITLE)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (flags & KR_CASE_LOWER) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}

/* }==================================================================== */

/* {====================================================================
** Padding
** ===================================================================== */

/* s with 'left' and 'right' copies of fill around it (fill NULL: a space). */
static kr_str *pad(const kr_str *s, int64_t left, int64_t right, const kr_str *fill) {
  int64_t fill_size = fill == NULL ? 1 : fill->size;
  const char *fill_bytes = fill == NULL ? " " : fill->data;
  if (fill_size > 0 && left + right > (MAX_RESULT_SIZE - s->size) / fill_size)
    return raise_memory();
  int64_t size = s->size + (left + right) * fill_size;
  kr_str *r = kr_str_try_alloc(size, s->length + left + right, s->ascii && (fill == NULL || fill->ascii));
  if (r == NULL) return NULL;
  char *out = r->data;
  for (int64_t k = 0; k < left; k++, out += fill_size) memcpy(out, fill_bytes, (size_t)fill_size);
  memcpy(out, s->data, (size_t)s->size);
  out += s->size;
  for (int64_t k = 0; k < right; k++, out += fill_size) memcpy(out, fill_bytes, (size_t)fill_size);
  return r;
}

/* The width argument and the fill check, in CPython's order; false on error. */
static bool pad_args(kr_value width_v, const kr_str *fill, int64_t *width) {
  bool error = false;
  *width = kr_ssize_value(width_v, &error);
  if (error) return false;
  if (fill != NULL && fill->length != 1) {
    kr_raise(KR_EXC_TYPE, "The fill character must be exactly one character long");
    return false;
  }
  return true;
}

kr_str *kr_str_center(const kr_str *s, kr_value width_v, const kr_str *fill) {
  int64_t width;
  if (!pad_args(width_v, fill, &width)) return NULL;
  if (s->length >= width) return (kr_str *)s;
  int64_t margin = width - s->length;
  /* CPython's split of an odd margin: the extra one goes left when width is odd. */
  int64_t left = margin / 2 + (margin & width & 1);
  return pad(s, left, margin - left, fill);
}

kr_str *kr_str_ljust(const kr_str *s, kr_value width_v, const kr_str *fill) {
  int64_t width;
  if (!pad_args(width_v, fill, &width)) return NULL;
  if (s->length >= width) return (kr_str *)s;
  return pad(s, 0, width - s->length, fill);
}

kr_str *kr_str_rjust(const kr_str *s, kr_value width_v, const kr_str *fill) {
  int64_t width;
  if (!pad_args(width_v, fill, &width)) return NULL;
  if (s->length >= width) return (kr_str *)s;
  return pad(s, width - s->length, 0, fill);
}

kr_str *kr_str_zfill(const kr_str *s, kr_value width_v) {
  int64_t width;
  if (!pad_args(width_v, NULL, &width)) return NULL;
  if (s->length >= width) return (kr_str *)s;
  int64_t zeros = width - s->length;
  static const kr_str *zero = NULL;
  if (zero == NULL) zero = kr_str_from_utf8("0", 1);
  kr_str *r = pad(s, zeros, 0, zero);
  if (r != NULL && s->size > 0 && (s->data[0] == '+' || s->data[0] == '-')) {
    /* The sign moves in front of the zeros. */
    r->data[0] = s->data[0];
    r->data[zeros] = '0';
  }
  return r;
}

/* }==================================================================== */
