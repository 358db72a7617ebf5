/*
** kr_str_ops.c: the rest of str's operations: indexing and slicing by code point,
** repetition, ord/chr and joining. Strings are UTF-8 (WTF-8 for lone surrogates), so
** code point i of an ASCII string is byte i; other strings are walked, counting the
** bytes that start a code point (every byte that is not 10xxxxxx), which is how
** kr_str_from_utf8 counts the length.
*/
#include "krait.h"
#include "kr_unicode.h"

#include <stdio.h>
#include <string.h>


static bool starts_code_point(char c) { return ((unsigned char)c & 0xC0) != 0x80; }

/* The byte offset of code point 'index' (0 <= index <= length) of a non-ASCII s. */
static int64_t byte_offset(const kr_str *s, int64_t index) {
  if (s->ascii) return index;
  if (index >= s->length) return s->size;
  int64_t at = 0, seen = -1;
  for (; at < s->size; at++) {
    if (starts_code_point(s->data[at]) && ++seen == index) break;
  }
  return at;
}

/* The number of bytes of the code point starting at byte 'at'. */
static int64_t code_point_size(const kr_str *s, int64_t at) {
  int64_t end = at + 1;
  while (end < s->size && !starts_code_point(s->data[end])) end++;
  return end - at;
}

/* One-character ASCII strings are shared: s[i] of ASCII text allocates nothing. The
** table is static data, which the collector scans. */
static kr_str *ascii_chars[128];

static kr_str *ascii_char(unsigned char c) {
  kr_str *s = ascii_chars[c];
  if (s == NULL) {
    s = kr_str_alloc(1, 1, true);
    s->data[0] = (char)c;
    ascii_chars[c] = s;
  }
  return s;
}

kr_str *kr_str_char_at(const kr_str *s, int64_t index) {
  if (s->ascii) return ascii_char((unsigned char)s->data[index]);
  int64_t at = byte_offset(s, index);
  int64_t n = code_point_size(s, at);
  if (n == 1 && (unsigned char)s->data[at] < 0x80) return ascii_char((unsigned char)s->data[at]);
  kr_str *r = kr_str_alloc(n, 1, false);
  memcpy(r->data, s->data + at, (size_t)n);
  return r;
}

kr_str *kr_str_getitem(const kr_str *s, kr_value index) {
  int64_t i;
  if (!kr_int_to_i64(index, &i)) {
    kr_raise(KR_EXC_INDEX, "cannot fit 'int' into an index-sized integer");
    return NULL;
  }
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) {
    kr_raise(KR_EXC_INDEX, "string index out of range");
    return NULL;
  }
  return kr_str_char_at(s, i);
}

/* {====================================================================
** Slicing
** ===================================================================== */

static kr_str *empty_str(void) {
  static kr_str *empty = NULL;
  if (empty == NULL) empty = kr_str_alloc(0, 0, true);
  return empty;
}

kr_str *kr_str_slice(const kr_str *s, kr_value start_v, kr_value stop_v, kr_value step_v) {
  int64_t start, step;
  int64_t count = kr_slice_indices(start_v, stop_v, step_v, s->length, &start, &step);
  if (count < 0) return NULL;
  if (count == 0) return empty_str();
  if (step == 1 && count == s->length) return (kr_str *)s; /* immutable: share it */
  if (s->ascii) {
    kr_str *r = kr_str_alloc(count, count, true);
    if (step == 1) {
      memcpy(r->data, s->data + start, (size_t)count);
    } else {
      for (int64_t k = 0; k < count; k++) r->data[k] = s->data[start + k * step];
    }
    return r;
  }
  if (step == 1) {
    int64_t from = byte_offset(s, start);
    int64_t to = from;
    for (int64_t k = 0; k < count; k++) to += code_point_size(s, to);
    return kr_str_from_utf8(s->data + from, (size_t)(to - from));
  }
  /* Any other step: copy code points one at a time, moving 'step' code points
  ** forwards or backwards between them. The result is at most as large as s. */
  char *buf = kr_alloc_atomic((size_t)s->size + 1);
  int64_t n = 0;
  int64_t at = byte_offset(s, start);
  for (int64_t k = 0; k < count; k++) {
    int64_t size = code_point_size(s, at);
    memcpy(buf + n, s->data + at, (size_t)size);
    n += size;
    if (k + 1 == count) break;
    if (step > 0) {
      for (int64_t m = 0; m < step; m++) at += code_point_size(s, at);
    } else {
      for (int64_t m = 0; m < -step; m++) {
        do at--;
        while (at > 0 && !starts_code_point(s->data[at]));
      }
    }
  }
  return kr_str_from_utf8(buf, (size_t)n);
}

/* }==================================================================== */

kr_str *kr_str_repeat(const kr_str *s, kr_value n_v) {
  int64_t n;
  if (!kr_int_to_i64(n_v, &n)) {
    kr_raise(KR_EXC_OVERFLOW, "cannot fit 'int' into an index-sized integer");
    return NULL;
  }
  if (n <= 0 || s->length == 0) return empty_str();
  if (n == 1) return (kr_str *)s;
  /* CPython's check is on code points; beyond it, the bytes cannot be allocated. */
  if (s->length > INT64_MAX / n) {
    kr_raise(KR_EXC_OVERFLOW, "repeated string is too long");
    return NULL;
  }
  if (s->size > ((int64_t)1 << 46) / n) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return NULL;
  }
  int64_t size = s->size * n;
  kr_str *r = kr_str_try_alloc(size, s->length * n, s->ascii);
  if (r == NULL) return NULL;
  if (s->size == 1) {
    memset(r->data, s->data[0], (size_t)size);
  } else {
    /* Copy once, then double the filled prefix. */
    memcpy(r->data, s->data, (size_t)s->size);
    int64_t done = s->size;
    while (done < size) {
      int64_t chunk = done < size - done ? done : size - done;
      memcpy(r->data + done, r->data, (size_t)chunk);
      done += chunk;
    }
  }
  return r;
}

kr_value kr_str_ord(const kr_str *s) {
  if (s->length != 1) {
    char *msg = kr_alloc_atomic(96);
    snprintf(msg, 96, "ord() expected a character, but string of length %lld found",
             (long long)s->length);
    return kr_raise(KR_EXC_TYPE, msg);
  }
  size_t i = 0;
  return kr_small(kr_utf8_next(s->data, (size_t)s->size, &i));
}

kr_str *kr_str_chr(kr_value i) {
  int64_t cp;
  /* chr() converts its argument to a C int first. */
  if (!kr_int_to_i64(i, &cp) || cp > INT32_MAX || cp < INT32_MIN) {
    kr_raise(KR_EXC_OVERFLOW, "Python int too large to convert to C int");
    return NULL;
  }
  if (cp < 0 || cp >= 0x110000) {
    kr_raise(KR_EXC_VALUE, "chr() arg not in range(0x110000)");
    return NULL;
  }
  if (cp < 0x80) return ascii_char((unsigned char)cp);
  char buf[4];
  int n = kr_utf8_encode((uint32_t)cp, buf);
  kr_str *r = kr_str_alloc(n, 1, false);
  memcpy(r->data, buf, (size_t)n);
  return r;
}

kr_str *kr_str_join_array(kr_str *const *parts, int64_t n) {
  if (n == 1) return parts[0];
  int64_t size = 0, length = 0;
  bool ascii = true;
  for (int64_t k = 0; k < n; k++) {
    size += parts[k]->size;
    length += parts[k]->length;
    ascii = ascii && parts[k]->ascii;
  }
  if (size == 0) return empty_str();
  kr_str *r = kr_str_alloc(size, length, ascii);
  char *p = r->data;
  for (int64_t k = 0; k < n; k++) {
    memcpy(p, parts[k]->data, (size_t)parts[k]->size);
    p += parts[k]->size;
  }
  return r;
}
