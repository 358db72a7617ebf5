/*
** kr_format.c: format(x, spec) for int, bool, float and str: Python 3.11's format
** specification mini-language,
**     [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
** with CPython's error messages and checks in CPython's order.
**
** Floats are printed by glibc's snprintf ("%.*e" / "%.*f"), which rounds the exact
** binary value correctly (half to even), as CPython's dtoa does; the digits it gives
** are then laid out by CPython's rules ('g' switches to an exponent when it is
** < -4 or >= the precision; no type means repr, or 'g' keeping a ".0").
** Numbers are assembled as
**     <left padding><sign><prefix><sign padding><grouped digits><rest><right padding>
** where the grouped digits are the integer digits with separators (and, for '0'
** padding, leading zeros that are grouped too) and the rest is the decimal point,
** the fraction, the exponent and '%'. Widths count code points: the fill character
** and a 'c' character may be any code point.
*/
#include "krait.h"
#include "kr_unicode.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Results beyond this many bytes are refused with MemoryError (CPython would try to
** allocate them and fail the same way). */
#define MAX_RESULT ((int64_t)1 << 34)

/* {====================================================================
** Parsing the specification
** ===================================================================== */

typedef struct format_spec {
  uint32_t fill;
  uint32_t align; /* '<', '>', '=', '^' */
  uint32_t sign;  /* 0, '+', '-', ' ' */
  bool no_neg_0;  /* 'z' */
  bool alternate; /* '#' */
  int64_t width;  /* -1 when absent */
  uint32_t separator; /* 0, ',' or '_' */
  int group;          /* digits per group: 3, or 4 for '_' with b, o, x, X */
  int64_t precision;  /* -1 when absent */
  uint32_t type;      /* 0 when absent and there is no default */
} format_spec;

static kr_str *fail(kr_exc_kind kind, const char *message) {
  kr_raise(kind, message);
  return NULL;
}

/* A code point quoted in an error message: 'c' when printable ASCII, else '\xNN'. */
static void quote_code(char *out, size_t size, uint32_t c) {
  if (c > 32 && c < 128) {
    snprintf(out, size, "%c", (char)c);
  } else {
    snprintf(out, size, "\\x%x", (unsigned)c);
  }
}

static bool unknown_code(uint32_t type, const char *type_name) {
  char code[16];
  quote_code(code, sizeof code, type);
  char *msg = kr_alloc_atomic(96 + strlen(type_name));
  sprintf(msg, "Unknown format code '%s' for object of type '%s'", code, type_name);
  kr_raise(KR_EXC_VALUE, msg);
  return false;
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads decimal digits (any Unicode decimal digit, as CPython) at cps[*pos]; returns
** how many, or -1 with ValueError when the number passes the largest int64. */
static int64_t read_integer(const uint32_t *cps, int64_t n, int64_t *pos, int64_t *out) {
  int64_t value = 0, count = 0;
  for (; *pos < n; (*pos)++, count++) {
    int digit = kr_unicode_decimal_value(cps[*pos]);
    if (digit < 0) break;
    if (value > (INT64_MAX - digit) / 10) {
      kr_raise(KR_EXC_VALUE, "Too many decimal digits in format string");
      return -1;
    }
    value = value * 10 + digit;
  }
  *out = value;
  return count;
}

static bool parse_spec(const kr_str *text, uint32_t default_type, uint32_t default_align,
                       const char *type_name, format_spec *f) {
  int64_t n = text->length;
  uint32_t *cps = kr_alloc_atomic(sizeof(uint32_t) * (size_t)(n + 1));
  size_t at = 0;
  for (int64_t k = 0; k < n; k++) cps[k] = kr_utf8_next(text->data, (size_t)text->size, &at);

  f->fill = ' ';
  f->align = default_align;
  f->sign = 0;
  f->no_neg_0 = false;
  f->alternate = false;
  f->width = -1;
  f->separator = 0;
  f->group = 3;
  f->precision = -1;
  f->type = default_type;

  int64_t pos = 0;
  bool fill_given = false, align_given = false;
  if (n >= 2 && is_align(cps[1])) {
    f->fill = cps[0];
    f->align = cps[1];
    fill_given = align_given = true;
    pos = 2;
  } else if (n >= 1 && is_align(cps[0])) {
    f->align = cps[0];
    align_given = true;
    pos = 1;
  }
  if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) f->sign = cps[pos++];
  if (pos < n && cps[pos] == 'z') {
    f->no_neg_0 = true;
    pos++;
  }
  if (pos < n && cps[pos] == '#') {
    f->alternate = true;
    pos++;
  }
  /* '0' before the width: zero padding, after the sign unless an alignment is given
  ** (and only for types that align right by default: strings keep '<'). */
  if (!fill_given && pos < n && cps[pos] == '0') {
    f->fill = '0';
    if (!align_given && default_align == '>') f->align = '=';
    pos++;
  }
  int64_t got = read_integer(cps, n, &pos, &f->width);
  if (got < 0) return false;
  if (got == 0) f->width = -1;
  if (pos < n && cps[pos] == ',') {
    f->separator = ',';
    pos++;
  }
  if (pos < n && cps[pos] == '_') {
    if (f->separator != 0) {
      kr_raise(KR_EXC_VALUE, "Cannot specify both ',' and '_'.");
      return false;
    }
    f->separator = '_';
    pos++;
  }
  if (pos < n && cps[pos] == ',' && f->separator == '_') {
    kr_raise(KR_EXC_VALUE, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < n && cps[pos] == '.') {
    pos++;
    got = read_integer(cps, n, &pos, &f->precision);
    if (got < 0) return false;
    if (got == 0) {
      kr_raise(KR_EXC_VALUE, "Format specifier missing precision");
      return false;
    }
  }
  if (n - pos > 1) {
    char *msg = kr_alloc_atomic((size_t)text->size + strlen(type_name) + 80);
    sprintf(msg, "Invalid format specifier '%.*s' for object of type '%s'", (int)text->size,
            text->data, type_name);
    kr_raise(KR_EXC_VALUE, msg);
    return false;
  }
  if (n - pos == 1) f->type = cps[pos];
  if (f->separator != 0) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->separator == '_') {
          f->group = 4;
          break;
        }
        /* fall through */
      default: {
        char code[16], msg[64];
        quote_code(code, sizeof code, f->type);
        snprintf(msg, sizeof msg, "Cannot specify '%c' with '%s'.", (char)f->separator, code);
        char *copy = kr_alloc_atomic(strlen(msg) + 1);
        strcpy(copy, msg);
        kr_raise(KR_EXC_VALUE, copy);
        return false;
      }
    }
  }
  return true;
}

/* }==================================================================== */

/* {====================================================================
** Output
** ===================================================================== */

/* A growing byte buffer (malloc'd; the result is copied into a str). */
typedef struct out_buf {
  char *data;
  int64_t size, cap;
} out_buf;

static void out_reserve(out_buf *b, int64_t more) {
  if (b->size + more <= b->cap) return;
  int64_t cap = b->cap * 2 > b->size + more ? b->cap * 2 : b->size + more + 16;
  char *data = realloc(b->data, (size_t)cap);
  if (data == NULL) {
    fprintf(stderr, "krait: out of memory\n");
    abort();
  }
  b->data = data;
  b->cap = cap;
}

static void out_bytes(out_buf *b, const char *bytes, int64_t n) {
  out_reserve(b, n);
  memcpy(b->data + b->size, bytes, (size_t)n);
  b->size += n;
}

static void out_byte(out_buf *b, char c) { out_bytes(b, &c, 1); }

static void out_fill(out_buf *b, uint32_t fill, int64_t count) {
  if (count <= 0) return;
  char enc[4];
  int n = kr_utf8_encode(fill, enc);
  out_reserve(b, count * n);
  if (n == 1) {
    memset(b->data + b->size, enc[0], (size_t)count);
    b->size += count;
    return;
  }
  for (int64_t k = 0; k < count; k++) {
    memcpy(b->data + b->size, enc, (size_t)n);
    b->size += n;
  }
}

static kr_str *out_finish(out_buf *b) {
  kr_str *s = kr_str_from_utf8(b->data != NULL ? b->data : "", (size_t)b->size);
  free(b->data);
  return s;
}

/* Refuses widths that cannot be allocated. */
static bool width_ok(const format_spec *f) {
  if (f->width > MAX_RESULT / 4) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return false;
  }
  return true;
}

/* The integer digits with separators every 'group' digits, padded with zeros (also
** grouped) to at least 'min_width' characters, as CPython's thousands grouping does:
** groups are taken from the right, each as long as the group size allows, and the
** leftmost group is short or made of zeros as the width requires. */
static void out_grouped(out_buf *b, const char *digits, int64_t n, int64_t min_width,
                        uint32_t separator, int group, bool upper) {
  if (min_width < 0) min_width = 0;
  int64_t cap = (n > min_width ? n : min_width) * 2 + 8;
  char *tmp = malloc((size_t)cap);
  if (tmp == NULL) abort();
  int64_t pos = cap; /* written right to left */
  int64_t remaining = n;
  bool first = true;
  for (;;) {
    int64_t len = remaining > min_width ? remaining : min_width;
    if (len < 1) len = 1;
    if (separator != 0 && len > group) len = group;
    int64_t chars = remaining < len ? remaining : len;
    int64_t zeros = len - chars;
    if (!first) tmp[--pos] = (char)separator;
    first = false;
    for (int64_t k = 0; k < chars; k++) {
      char c = digits[--remaining];
      tmp[--pos] = upper && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }
    for (int64_t k = 0; k < zeros; k++) tmp[--pos] = '0';
    min_width -= len;
    if (separator == 0 || (remaining <= 0 && min_width <= 0)) break;
    min_width -= 1;
  }
  out_bytes(b, tmp + pos, cap - pos);
  free(tmp);
}

/* A number laid out with the spec: 'digits' are grouped, 'rest' (rest_chars code
** points) follows them. */
static kr_str *layout_number(const format_spec *f, bool negative, const char *prefix,
                             const char *digits, int64_t ndigits, const char *rest,
                             int64_t rest_size, int64_t rest_chars, bool upper) {
  char sign = 0;
  if (f->sign == '+') {
    sign = negative ? '-' : '+';
  } else if (f->sign == ' ') {
    sign = negative ? '-' : ' ';
  } else if (negative) {
    sign = '-';
  }
  int64_t nprefix = (int64_t)strlen(prefix);
  int64_t non_digits = (sign != 0) + nprefix + rest_chars;
  int64_t min_width = f->fill == '0' && f->align == '=' ? f->width - non_digits : 0;
  out_buf grouped = {NULL, 0, 0};
  if (ndigits > 0) out_grouped(&grouped, digits, ndigits, min_width, f->separator, f->group, upper);
  int64_t padding = f->width - (non_digits + grouped.size);
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f->align) {
      case '<': rpad = padding; break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  out_buf b = {NULL, 0, 0};
  out_fill(&b, f->fill, lpad);
  if (sign != 0) out_byte(&b, sign);
  for (int64_t k = 0; k < nprefix; k++) {
    char c = prefix[k];
    out_byte(&b, upper && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
  }
  out_fill(&b, f->fill, spad);
  if (grouped.size > 0) out_bytes(&b, grouped.data, grouped.size);
  free(grouped.data);
  out_bytes(&b, rest, rest_size);
  out_fill(&b, f->fill, rpad);
  return out_finish(&b);
}

/* }==================================================================== */

/* {====================================================================
** Floats
** ===================================================================== */

/* Decimal digits without leading or trailing zeros and the position of the point:
** value = 0.DIGITS x 10^decpt (zero is "0" with decpt 1), as dtoa returns them. */
typedef struct digits {
  char *text;
  int64_t count;
  int64_t decpt;
} digits;

/* Reads printf's or repr's output for a positive number ("123.45", "1.5e+10"). */
static void parse_digits(const char *text, digits *d) {
  int64_t len = (int64_t)strlen(text);
  d->text = malloc((size_t)len + 2);
  if (d->text == NULL) abort();
  int64_t count = 0, before_point = -1;
  const char *p = text;
  for (; *p != '\0' && *p != 'e' && *p != 'E'; p++) {
    if (*p == '.') {
      before_point = count;
    } else if (*p >= '0' && *p <= '9') {
      d->text[count++] = *p;
    }
  }
  if (before_point < 0) before_point = count;
  int64_t exponent = *p != '\0' ? atol(p + 1) : 0;
  int64_t start = 0;
  while (start < count && d->text[start] == '0') start++;
  while (count > start && d->text[count - 1] == '0') count--;
  if (start == count) {
    d->text[0] = '0';
    d->count = 1;
    d->decpt = 1;
    return;
  }
  memmove(d->text, d->text + start, (size_t)(count - start));
  d->count = count - start;
  d->decpt = before_point - start + exponent;
}

/* The text of positive finite x for mode 'e', 'f', 'g' or 'r' (repr) following
** CPython's format_float_short rules. Returns a malloc'd string. */
static char *float_body(double x, char mode, int64_t precision, bool alternate, bool add_dot_0,
                        bool upper, bool *zero) {
  char *printed;
  if (mode == 'r') {
    printed = malloc(KR_FLOAT_REPR_SIZE);
    if (printed == NULL) abort();
    kr_float_repr(x, printed);
  } else {
    int p = (int)precision;
    if (mode == 'g' && p == 0) p = 1;
    size_t size = (size_t)p + (mode == 'f' ? 330 : 16);
    printed = malloc(size);
    if (printed == NULL) abort();
    if (mode == 'f') {
      snprintf(printed, size, "%.*f", p, x);
    } else {
      snprintf(printed, size, "%.*e", mode == 'g' ? p - 1 : p, x);
    }
    if (mode == 'g') precision = p;
  }
  digits d;
  parse_digits(printed, &d);
  free(printed);
  *zero = d.count == 1 && d.text[0] == '0';

  bool use_exp = false;
  int64_t decpt = d.decpt, vend = d.count;
  switch (mode) {
    case 'e':
      use_exp = true;
      vend = precision + 1;
      break;
    case 'f':
      vend = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alternate) vend = precision;
      break;
    default: /* 'r' */
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int64_t exponent = 0;
  if (use_exp) {
    exponent = decpt - 1;
    decpt = 1;
  }
  int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
  int64_t min_end = !use_exp && add_dot_0 ? decpt + 1 : decpt;
  if (vend < min_end) vend = min_end;

  char *out = malloc((size_t)(vend - vstart) + 16);
  if (out == NULL) abort();
  char *q = out;
  for (int64_t i = vstart; i < vend; i++) {
    if (i == decpt) *q++ = '.';
    *q++ = i >= 0 && i < d.count ? d.text[i] : '0';
  }
  if (decpt == vend) *q++ = '.';
  if (q[-1] == '.' && !alternate) q--;
  if (use_exp) {
    q += sprintf(q, "%c%c%02lld", upper ? 'E' : 'e', exponent < 0 ? '-' : '+',
                 (long long)(exponent < 0 ? -exponent : exponent));
  }
  *q = '\0';
  free(d.text);
  return out;
}

static char *copy_text(const char *text) {
  char *copy = malloc(strlen(text) + 1);
  if (copy != NULL) strcpy(copy, text);
  return copy;
}

static kr_str *format_double(double x, const format_spec *f) {
  if (f->precision > INT_MAX) return fail(KR_EXC_VALUE, "precision too big");
  if (!width_ok(f)) return NULL;
  uint32_t type = f->type;
  int64_t precision = f->precision, default_precision = 6;
  bool add_dot_0 = false, percent = false;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char mode;
  switch (type) {
    case 0:
      add_dot_0 = true;
      mode = 'r';
      default_precision = 0;
      break;
    case 'n': case 'g': case 'G': mode = 'g'; break;
    case 'e': case 'E': mode = 'e'; break;
    case '%':
      mode = 'f';
      x *= 100;
      percent = true;
      break;
    default: mode = 'f'; break;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (mode == 'r') {
    mode = 'g';
  }
  bool negative;
  char *body;
  if (isnan(x)) {
    negative = false;
    body = copy_text(upper ? "NAN" : "nan");
  } else if (isinf(x)) {
    negative = x < 0;
    body = copy_text(upper ? "INF" : "inf");
  } else {
    negative = signbit(x) != 0;
    bool zero;
    body = float_body(fabs(x), mode, precision, f->alternate, add_dot_0, upper, &zero);
    if (zero && f->no_neg_0) negative = false;
  }
  if (body == NULL) abort();
  int64_t len = (int64_t)strlen(body);
  if (percent) {
    char *longer = realloc(body, (size_t)len + 2);
    if (longer == NULL) abort();
    body = longer;
    body[len++] = '%';
    body[len] = '\0';
  }
  int64_t ndigits = 0;
  while (ndigits < len && body[ndigits] >= '0' && body[ndigits] <= '9') ndigits++;
  kr_str *r = layout_number(f, negative, "", body, ndigits, body + ndigits, len - ndigits,
                            len - ndigits, false);
  free(body);
  return r;
}

kr_str *kr_format_float(double x, const kr_str *spec) {
  if (spec->size == 0) return kr_str_of_float(x);
  format_spec f;
  if (!parse_spec(spec, 0, '>', "float", &f)) return NULL;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_double(x, &f);
    default:
      unknown_code(f.type, "float");
      return NULL;
  }
}

/* }==================================================================== */

/* {====================================================================
** Ints and bools
** ===================================================================== */

static kr_str *format_long(kr_value x, const format_spec *f) {
  if (f->precision != -1) return fail(KR_EXC_VALUE, "Precision not allowed in integer format specifier");
  if (f->no_neg_0)
    return fail(KR_EXC_VALUE, "Negative zero coercion (z) not allowed in integer format specifier");
  if (!width_ok(f)) return NULL;
  if (f->type == 'c') {
    if (f->sign != 0) return fail(KR_EXC_VALUE, "Sign not allowed with integer format specifier 'c'");
    if (f->alternate)
      return fail(KR_EXC_VALUE, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!kr_int_to_i64(x, &cp)) return fail(KR_EXC_OVERFLOW, "Python int too large to convert to C long");
    if (cp < 0 || cp > 0x10FFFF) return fail(KR_EXC_OVERFLOW, "%c arg not in range(0x110000)");
    char enc[4];
    int n = kr_utf8_encode((uint32_t)cp, enc);
    return layout_number(f, false, "", "", 0, enc, n, 1, false);
  }
  int base = 10;
  const char *prefix = "";
  switch (f->type) {
    case 'b': base = 2, prefix = "0b"; break;
    case 'o': base = 8, prefix = "0o"; break;
    case 'x': case 'X': base = 16, prefix = "0x"; break;
    default: break;
  }
  size_t len;
  const char *text = kr_int_to_str(x, base, &len);
  if (text == NULL) return NULL;
  bool negative = text[0] == '-';
  const char *digits = text + negative + (base != 10 ? 2 : 0);
  int64_t ndigits = (int64_t)len - (digits - text);
  format_spec g = *f;
  if (f->type == 'n') g.separator = 0; /* the C locale does not group */
  return layout_number(&g, negative, f->alternate ? prefix : "", digits, ndigits, "", 0, 0,
                       f->type == 'X');
}

static kr_str *format_int_spec(kr_value x, const kr_str *spec, const char *type_name) {
  format_spec f;
  if (!parse_spec(spec, 'd', '>', type_name, &f)) return NULL;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_long(x, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      bool error;
      double d = kr_int_to_double(x, &error);
      if (error) return NULL;
      return format_double(d, &f);
    }
    default:
      unknown_code(f.type, type_name);
      return NULL;
  }
}

kr_str *kr_format_int(kr_value x, const kr_str *spec) {
  if (spec->size == 0) return kr_str_of_int(x);
  return format_int_spec(x, spec, "int");
}

kr_str *kr_format_bool(bool x, const kr_str *spec) {
  /* bool inherits int.__format__: str() for an empty spec, else the int 0 or 1. */
  if (spec->size == 0) return kr_str_of_bool(x);
  return format_int_spec(kr_small(x ? 1 : 0), spec, "bool");
}

kr_str *kr_int_to_base_str(kr_value i, int base) {
  size_t len;
  const char *text = kr_int_to_str(i, base, &len);
  return text == NULL ? NULL : kr_str_from_utf8(text, len);
}

/* }==================================================================== */

/* {====================================================================
** Strings
** ===================================================================== */

kr_str *kr_format_str(const kr_str *x, const kr_str *spec) {
  if (spec->size == 0) return (kr_str *)x;
  format_spec f;
  if (!parse_spec(spec, 's', '<', "str", &f)) return NULL;
  if (f.type != 's') {
    unknown_code(f.type, "str");
    return NULL;
  }
  if (f.sign == ' ') return fail(KR_EXC_VALUE, "Space not allowed in string format specifier");
  if (f.sign != 0) return fail(KR_EXC_VALUE, "Sign not allowed in string format specifier");
  if (f.no_neg_0)
    return fail(KR_EXC_VALUE, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate)
    return fail(KR_EXC_VALUE, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return fail(KR_EXC_VALUE, "'=' alignment not allowed in string format specifier");
  int64_t length = x->length;
  if ((f.width < 0 || f.width <= length) && (f.precision < 0 || f.precision >= length)) {
    return (kr_str *)x;
  }
  if (!width_ok(&f)) return NULL;
  if (f.precision >= 0 && f.precision < length) length = f.precision;
  /* The byte size of the first 'length' code points. */
  int64_t size = length;
  if (!x->ascii) {
    int64_t seen = 0;
    size = 0;
    while (size < x->size) {
      if (((unsigned char)x->data[size] & 0xC0) != 0x80 && seen++ == length) break;
      size++;
    }
  }
  int64_t total = f.width > length ? f.width : length;
  int64_t lpad = f.align == '>' ? total - length : f.align == '^' ? (total - length) / 2 : 0;
  int64_t rpad = total - length - lpad;
  out_buf b = {NULL, 0, 0};
  out_fill(&b, f.fill, lpad);
  out_bytes(&b, x->data, size);
  out_fill(&b, f.fill, rpad);
  return out_finish(&b);
}

/* }==================================================================== */
