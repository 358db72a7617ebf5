/*
** kr_str.c: immutable strings. A str is UTF-8 (WTF-8 when it holds lone surrogates,
** which Python allows) with its code-point length and an all-ASCII flag cached, so
** len() and, for ASCII strings, indexing are O(1). UTF-8 byte order is code point
** order, so comparisons are memcmp.
**
** int(s) and float(s) follow Python: Unicode whitespace around the number and
** Unicode decimal digits (e.g. Arabic-Indic) are accepted, and errors quote repr(s).
*/
#include "krait.h"
#include "kr_unicode.h"

#include <gc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const kr_type kr_str_type = {"str"};

/* A string object with room for 'size' bytes plus a NUL; holds no pointers into the
** GC heap (its type is static), so it is allocated atomic. */
static kr_str *new_str(size_t size) {
  kr_str *s = kr_alloc_atomic(sizeof(kr_str) + size + 1);
  s->type = &kr_str_type;
  s->size = (int64_t)size;
  s->data[size] = '\0';
  return s;
}

kr_str *kr_str_alloc(int64_t size, int64_t length, bool ascii) {
  kr_str *s = new_str((size_t)size);
  s->length = length;
  s->ascii = ascii;
  return s;
}

kr_str *kr_str_try_alloc(int64_t size, int64_t length, bool ascii) {
  kr_str *s = kr_try_alloc_atomic(sizeof(kr_str) + (size_t)size + 1);
  if (s == NULL) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return NULL;
  }
  s->type = &kr_str_type;
  s->size = size;
  s->data[size] = '\0';
  s->length = length;
  s->ascii = ascii;
  return s;
}

kr_str *kr_str_from_utf8(const char *text, size_t size) {
  kr_str *s = new_str(size);
  if (size > 0) memcpy(s->data, text, size);
  int64_t length = 0;
  bool ascii = true;
  for (size_t i = 0; i < size; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c >= 0x80) ascii = false;
    if ((c & 0xC0) != 0x80) length++; /* continuation bytes do not start a code point */
  }
  s->length = length;
  s->ascii = ascii;
  return s;
}

bool kr_str_eq(const kr_str *a, const kr_str *b) {
  return a == b || (a->size == b->size && memcmp(a->data, b->data, (size_t)a->size) == 0);
}

int kr_str_compare(const kr_str *a, const kr_str *b) {
  size_t common = (size_t)(a->size < b->size ? a->size : b->size);
  int c = common > 0 ? memcmp(a->data, b->data, common) : 0;
  if (c != 0) return c < 0 ? -1 : 1;
  return a->size < b->size ? -1 : a->size > b->size ? 1 : 0;
}

bool kr_str_contains(const kr_str *haystack, const kr_str *needle) {
  size_t n = (size_t)needle->size, h = (size_t)haystack->size;
  if (n == 0) return true;
  if (n > h) return false;
  /* Whole code points match whole code points in UTF-8, so a byte search is exact. */
  const char *first = haystack->data;
  const char *last = haystack->data + (h - n);
  while (first <= last) {
    const char *hit = memchr(first, needle->data[0], (size_t)(last - first) + 1);
    if (hit == NULL) return false;
    if (memcmp(hit, needle->data, n) == 0) return true;
    first = hit + 1;
  }
  return false;
}

kr_str *kr_str_concat(const kr_str *a, const kr_str *b) {
  /* Strings are immutable, so an empty operand lets the other be shared. */
  if (b->size == 0) return (kr_str *)a;
  if (a->size == 0) return (kr_str *)b;
  kr_str *s = new_str((size_t)(a->size + b->size));
  memcpy(s->data, a->data, (size_t)a->size);
  memcpy(s->data + a->size, b->data, (size_t)b->size);
  s->length = a->length + b->length;
  s->ascii = a->ascii && b->ascii;
  return s;
}

kr_str *kr_str_append(kr_str *a, const kr_str *b, bool owned) {
  int64_t size = a->size + b->size;
  if (owned && sizeof(kr_str) + (size_t)size + 1 <= GC_size(a)) {
    /* The only reference to 'a' is the variable being assigned: grow in place. */
    memcpy(a->data + a->size, b->data, (size_t)b->size);
    a->data[size] = '\0';
    a->size = size;
    a->length += b->length;
    a->ascii = a->ascii && b->ascii;
    return a;
  }
  /* A new string with room to grow by half again: n appends copy O(n) bytes. */
  size_t room = (size_t)size + (size_t)size / 2 + 16;
  kr_str *s = kr_try_alloc_atomic(sizeof(kr_str) + room + 1);
  if (s == NULL) s = kr_try_alloc_atomic(sizeof(kr_str) + (size_t)size + 1);
  if (s == NULL) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return NULL;
  }
  s->type = &kr_str_type;
  memcpy(s->data, a->data, (size_t)a->size);
  memcpy(s->data + a->size, b->data, (size_t)b->size);
  s->data[size] = '\0';
  s->size = size;
  s->length = a->length + b->length;
  s->ascii = a->ascii && b->ascii;
  return s;
}

/* {====================================================================
** repr
** ===================================================================== */

/* Python's repr: single quotes unless the text has ' and no ", backslash escapes for
** the quote, backslash, \t \n \r, and \x \u \U for code points str.isprintable()
** rejects; everything else verbatim. 'limit' > 0 keeps only that many code points of
** the result (CPython's "%.200R"). */
static const char *repr_text(const char *text, size_t size, size_t limit, size_t *len) {
  bool has_single = memchr(text, '\'', size) != NULL;
  bool has_double = memchr(text, '"', size) != NULL;
  char quote = has_single && !has_double ? '"' : '\'';
  /* Worst case: every byte becomes \U0010ffff (10 bytes per 4-byte sequence). */
  char *out = kr_alloc_atomic(size * 10 + 3);
  char *p = out;
  size_t points = 1;
  *p++ = quote;
  size_t i = 0;
  while (i < size && (limit == 0 || points < limit)) {
    size_t start = i;
    uint32_t cp = kr_utf8_next(text, size, &i);
    char *before = p;
    if (cp == (uint32_t)quote || cp == '\\') {
      *p++ = '\\';
      *p++ = (char)cp;
    } else if (cp == '\t') {
      p += sprintf(p, "\\t");
    } else if (cp == '\n') {
      p += sprintf(p, "\\n");
    } else if (cp == '\r') {
      p += sprintf(p, "\\r");
    } else if (kr_unicode_is_printable(cp)) {
      memcpy(p, text + start, i - start);
      p += i - start;
    } else if (cp < 0x100) {
      p += sprintf(p, "\\x%02x", (unsigned)cp);
    } else if (cp < 0x10000) {
      p += sprintf(p, "\\u%04x", (unsigned)cp);
    } else {
      p += sprintf(p, "\\U%08x", (unsigned)cp);
    }
    /* An escape counts one code point per byte; a verbatim character counts one. */
    size_t added = (size_t)(p - before);
    size_t cost = kr_unicode_is_printable(cp) && cp != (uint32_t)quote && cp != '\\' ? 1 : added;
    if (limit != 0 && points + cost > limit) {
      /* Truncate inside an escape, as CPython truncates the repr's code points. */
      p = before + (limit - points);
      points = limit;
      break;
    }
    points += cost;
  }
  if (limit == 0 || points < limit) *p++ = quote;
  *p = '\0';
  *len = (size_t)(p - out);
  return out;
}

const char *kr_str_repr(const kr_str *s, size_t *len) {
  return repr_text(s->data, (size_t)s->size, 0, len);
}

/* }==================================================================== */

/* {====================================================================
** int(s) and float(s)
** ===================================================================== */

/* The text as ASCII, the way CPython prepares it for its number parsers: Unicode
** whitespace becomes ' ', decimal digits become '0'-'9', other non-ASCII code points
** become '?' (which no parser accepts). Returns a NUL-terminated GC string. */
static char *to_ascii_number(const kr_str *s, size_t *len) {
  size_t size = (size_t)s->size;
  char *out = kr_alloc_atomic(size + 1);
  size_t n = 0, i = 0;
  while (i < size) {
    uint32_t cp = kr_utf8_next(s->data, size, &i);
    int digit;
    if (cp < 0x80) {
      out[n++] = (char)cp;
    } else if (kr_unicode_is_space(cp)) {
      out[n++] = ' ';
    } else if ((digit = kr_unicode_decimal_value(cp)) >= 0) {
      out[n++] = (char)('0' + digit);
    } else {
      out[n++] = '?';
    }
  }
  out[n] = '\0';
  *len = n;
  return out;
}

static kr_value int_from_kr_str(const kr_str *s, int base) {
  size_t len;
  const char *text = s->ascii ? s->data : to_ascii_number(s, &len);
  if (s->ascii) len = (size_t)s->size;
  kr_value v = kr_int_from_str(text, len, base);
  if (v != KR_ERROR) return v;
  /* The message quotes the original text (not its ASCII transformation), with its
  ** repr cut to 200 code points as CPython's "%.200R" does. */
  const char *message = kr_error_message();
  char prefix[64];
  int plen = snprintf(prefix, sizeof prefix, "invalid literal for int() with base %d: ", base);
  if (plen <= 0 || strncmp(message, prefix, (size_t)plen) != 0) return v;
  size_t rlen;
  const char *repr = repr_text(s->data, (size_t)s->size, 200, &rlen);
  char *full = kr_alloc_atomic((size_t)plen + rlen + 1);
  memcpy(full, prefix, (size_t)plen);
  memcpy(full + plen, repr, rlen + 1);
  return kr_raise(KR_EXC_VALUE, full);
}

kr_value kr_int_from_kr_str(const kr_str *s) { return int_from_kr_str(s, 10); }

kr_value kr_int_from_kr_str_base(const kr_str *s, kr_value base) {
  int64_t b;
  if (!kr_int_to_i64(base, &b) || !(b == 0 || (b >= 2 && b <= 36))) {
    return kr_raise(KR_EXC_VALUE, "int() base must be >= 2 and <= 36, or 0");
  }
  return int_from_kr_str(s, (int)b);
}

static bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Copies a run of digits with single underscores between digits from text[*i] to
** out[*n]; false when there is no digit or an underscore is misplaced. */
static bool digit_part(const char *text, size_t end, size_t *i, char *out, size_t *n) {
  if (*i >= end || !is_digit(text[*i])) return false;
  while (*i < end) {
    char c = text[*i];
    if (is_digit(c)) {
      out[(*n)++] = c;
      (*i)++;
    } else if (c == '_' && *i + 1 < end && is_digit(text[*i + 1])) {
      (*i)++;
    } else {
      break;
    }
  }
  return true;
}

static bool equals_nocase(const char *text, size_t len, const char *word) {
  if (strlen(word) != len) return false;
  for (size_t k = 0; k < len; k++) {
    if ((text[k] | 0x20) != word[k]) return false;
  }
  return true;
}

/* Parses Python's float syntax (the text already stripped and in ASCII) into *out.
** strtod does the rounding (correctly rounded, like CPython's), but it would accept
** hex floats and "nan(...)", so the syntax is checked here first. */
static bool parse_float(const char *text, size_t len, double *out) {
  size_t i = 0;
  bool negative = false;
  if (i < len && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (equals_nocase(text + i, len - i, "inf") || equals_nocase(text + i, len - i, "infinity")) {
    *out = negative ? -INFINITY : INFINITY;
    return true;
  }
  if (equals_nocase(text + i, len - i, "nan")) {
    *out = negative ? -NAN : NAN;
    return true;
  }
  char *clean = kr_alloc_atomic(len + 2);
  size_t n = 0;
  clean[n++] = negative ? '-' : '+';
  bool whole = digit_part(text, len, &i, clean, &n);
  bool fraction = false;
  if (i < len && text[i] == '.') {
    clean[n++] = text[i++];
    fraction = digit_part(text, len, &i, clean, &n);
  }
  if (!whole && !fraction) return false;
  if (i < len && (text[i] == 'e' || text[i] == 'E')) {
    clean[n++] = text[i++];
    if (i < len && (text[i] == '+' || text[i] == '-')) clean[n++] = text[i++];
    if (!digit_part(text, len, &i, clean, &n)) return false;
  }
  if (i != len) return false;
  clean[n] = '\0';
  *out = strtod(clean, NULL); /* overflow gives inf and underflow 0, as in Python */
  return true;
}

double kr_float_from_kr_str(const kr_str *s, bool *error) {
  size_t len = (size_t)s->size;
  const char *text = s->ascii ? s->data : to_ascii_number(s, &len);
  size_t start = 0, end = len;
  while (start < end && is_ascii_space(text[start])) start++;
  while (end > start && is_ascii_space(text[end - 1])) end--;
  double d;
  if (memchr(text + start, '\0', end - start) == NULL && parse_float(text + start, end - start, &d))
    return d;
  static const char prefix[] = "could not convert string to float: ";
  size_t rlen;
  const char *repr = repr_text(s->data, (size_t)s->size, 0, &rlen);
  char *message = kr_alloc_atomic(sizeof prefix + rlen);
  memcpy(message, prefix, sizeof prefix - 1);
  memcpy(message + sizeof prefix - 1, repr, rlen + 1);
  kr_raise(KR_EXC_VALUE, message);
  *error = true;
  return -1.0;
}

/* }==================================================================== */

/* {====================================================================
** Conversions of the native scalar types: str(), repr(), len()
** ===================================================================== */

kr_str *kr_str_of_int(kr_value v) {
  size_t len;
  const char *text = kr_int_to_str(v, 10, &len);
  return text == NULL ? NULL : kr_str_from_utf8(text, len);
}

kr_str *kr_str_of_float(double d) {
  char buf[40];
  size_t len = kr_float_repr(d, buf);
  return kr_str_from_utf8(buf, len);
}

kr_str *kr_str_of_bool(bool b) {
  return b ? kr_str_from_utf8("True", 4) : kr_str_from_utf8("False", 5);
}

kr_str *kr_str_of_none(void) { return kr_str_from_utf8("None", 4); }

kr_str *kr_str_repr_str(const kr_str *s) {
  size_t len;
  const char *text = kr_str_repr(s, &len);
  return kr_str_from_utf8(text, len);
}

kr_value kr_str_len(const kr_str *s) { return kr_small(s->length); }

/* }==================================================================== */
