/*
** kr_unicode.c: UTF-8 decoding and Unicode character classes over the generated
** tables, which come from the host CPython so that krait agrees with it exactly.
*/
#include "kr_unicode.h"

uint32_t kr_utf8_next(const char *text, size_t size, size_t *i) {
  const unsigned char *s = (const unsigned char *)text;
  size_t at = *i;
  unsigned char lead = s[at];
  if (lead < 0x80) {
    *i = at + 1;
    return lead;
  }
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  if (lead < 0xC0 || lead >= 0xF8 || size - at <= (size_t)extra) {
    /* A stray byte or a sequence cut short: the byte stands for itself. */
    *i = at + 1;
    return lead;
  }
  uint32_t cp = (uint32_t)(lead & (0x3F >> extra));
  for (int k = 1; k <= extra; k++) {
    unsigned char c = s[at + (size_t)k];
    if ((c & 0xC0) != 0x80) {
      *i = at + 1;
      return lead;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i = at + 1 + (size_t)extra;
  return cp;
}

static bool in_ranges(const uint32_t (*table)[2], size_t count, uint32_t cp) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < table[mid][0]) {
      hi = mid;
    } else if (cp > table[mid][1]) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

bool kr_unicode_is_printable(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return true;
  return !in_ranges(kr_unicode_nonprintable, kr_unicode_nonprintable_count, cp);
}

bool kr_unicode_is_space(uint32_t cp) {
  return in_ranges(kr_unicode_space, kr_unicode_space_count, cp);
}

int kr_unicode_decimal_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return (int)(cp - '0');
  if (cp < 0x80) return -1;
  size_t lo = 0, hi = kr_unicode_decimal_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < kr_unicode_decimal[mid][0]) {
      hi = mid;
    } else if (cp > kr_unicode_decimal[mid][1]) {
      lo = mid + 1;
    } else {
      return (int)(cp - kr_unicode_decimal[mid][0]);
    }
  }
  return -1;
}

int kr_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}
