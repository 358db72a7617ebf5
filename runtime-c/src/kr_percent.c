/*
** kr_percent.c: `template % values` for a template known only at run time (a constant
** template is compiled into format() calls instead, typeinfer/src/lower/
** percent_format.rs), with CPython 3.11's rules and error messages.
**
** A conversion is  % [flags "-+ #0"] [width or *] [. precision or *] [h l L] type.
** Floats (e E f F g G) are laid out by format() (kr_format.c) from the equivalent
** specification; ints (d i u o x X), whose precision means a minimum number of
** digits, and strings (s r a) and characters (c), whose precision truncates, are
** laid out here. Widths count code points. The values are a tuple's items or one
** value that is not a tuple; with a dict, "%(name)s" takes the value of the key
** 'name' (then the only value until the next key), as CPython does.
*/
#include "krait.h"
#include "kr_unicode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* {====================================================================
** The result being built
** ===================================================================== */

typedef struct {
  char *data;
  size_t size, capacity;
  int64_t length; /* code points */
  bool ascii;
} text;

static void put(text *t, const char *s, size_t n, int64_t code_points) {
  if (t->size + n + 1 > t->capacity) {
    size_t capacity = (t->size + n + 1) * 2;
    char *data = kr_alloc_atomic(capacity);
    if (t->size > 0) memcpy(data, t->data, t->size);
    t->data = data;
    t->capacity = capacity;
  }
  for (size_t k = 0; k < n; k++) t->ascii = t->ascii && (unsigned char)s[k] < 0x80;
  memcpy(t->data + t->size, s, n);
  t->size += n;
  t->length += code_points;
}

/* Room for n more bytes, allocated now so that padding to a width the program
** chose fails as MemoryError, not as an abort; false with it set. */
static bool reserve(text *t, int64_t n) {
  if (n < 0 || (uint64_t)n > SIZE_MAX / 2 - t->size - 1) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return false;
  }
  if (t->size + (size_t)n + 1 <= t->capacity) return true;
  size_t capacity = t->size + (size_t)n + 1;
  char *data = kr_try_alloc_atomic(capacity);
  if (data == NULL) {
    kr_raise(KR_EXC_MEMORY, NULL);
    return false;
  }
  if (t->size > 0) memcpy(data, t->data, t->size);
  t->data = data;
  t->capacity = capacity;
  return true;
}

static void put_str(text *t, const kr_str *s) { put(t, s->data, (size_t)s->size, s->length); }

static void put_ascii(text *t, const char *s) { put(t, s, strlen(s), (int64_t)strlen(s)); }

static void put_repeated(text *t, char c, int64_t n) {
  for (int64_t k = 0; k < n; k++) put(t, &c, 1, 1);
}

/* The first 'count' code points of s, padded with spaces to 'width' (on the right
** when 'left'). */
static void put_padded(text *t, const kr_str *s, int64_t count, int64_t width, bool left) {
  size_t end = 0;
  for (int64_t k = 0; k < count; k++) kr_utf8_next(s->data, (size_t)s->size, &end);
  if (!left) put_repeated(t, ' ', width - count);
  put(t, s->data, end, count);
  if (left) put_repeated(t, ' ', width - count);
}

static kr_value raisef(kr_exc_kind kind, const char *format, ...) {
  char *message = kr_alloc_atomic(160);
  va_list args;
  va_start(args, format);
  vsnprintf(message, 160, format, args);
  va_end(args);
  return kr_raise(kind, message);
}

/* }==================================================================== */

/* {====================================================================
** Values
** ===================================================================== */

typedef struct {
  kr_value values;
  bool tuple;
  int64_t count, next;
} arguments;

/* The next value, or false with TypeError when there is none. */
static bool next_value(arguments *a, kr_value *out) {
  if (a->next >= a->count) {
    kr_raise(KR_EXC_TYPE, "not enough arguments for format string");
    return false;
  }
  *out = a->tuple ? kr_dyn_getitem(a->values, kr_small(a->next)) : a->values;
  a->next++;
  return *out != KR_ERROR;
}

static kr_tkind kind(kr_value v) { return (kr_tkind)kr_dyn_type(v)->kind; }

static bool is_intlike(kr_tkind k) { return k == KR_T_INT || k == KR_T_BOOL; }

/* A '*' width (a C ssize_t) or precision (a C int): the next value, which must be
** an int. */
static bool star(arguments *a, bool precision, int64_t *out) {
  kr_value v;
  if (!next_value(a, &v)) return false;
  if (!is_intlike(kind(v))) {
    kr_raise(KR_EXC_TYPE, "* wants int");
    return false;
  }
  kr_value i = kr_dyn_index(v);
  if (i == KR_ERROR) return false;
  int64_t value;
  bool fits = kr_int_to_i64(i, &value) && (!precision || (value <= INT32_MAX && value >= INT32_MIN));
  if (!fits) {
    kr_raise(KR_EXC_OVERFLOW, precision ? "Python int too large to convert to C int"
                                        : "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = value;
  return true;
}

/* }==================================================================== */

/* {====================================================================
** Conversions
** ===================================================================== */

typedef struct {
  bool left, plus, space, alternate, zero;
  int64_t width, precision; /* precision -1 when absent */
} spec;

/* d i u o x X of the int v: sign, prefix, digits zero-padded to the precision,
** then the width. */
static bool put_integer(text *t, kr_value v, char type, const spec *s) {
  bool negative = kr_int_compare(v, kr_small(0)) < 0;
  kr_value magnitude = negative ? kr_int_abs(v) : v;
  if (magnitude == KR_ERROR) return false;
  char base[2] = {type == 'i' || type == 'u' ? 'd' : type, 0};
  kr_str *digits = kr_format_int(magnitude, kr_str_from_utf8(base, 1));
  if (digits == NULL) return false;
  const char *sign = negative ? "-" : s->plus ? "+" : s->space ? " " : "";
  const char *prefix = !s->alternate ? ""
                       : type == 'o' ? "0o"
                       : type == 'x' ? "0x"
                       : type == 'X' ? "0X"
                                     : "";
  int64_t zeros = s->precision > digits->length ? s->precision - digits->length : 0;
  int64_t used = (int64_t)(strlen(sign) + strlen(prefix)) + zeros + digits->length;
  int64_t fill = s->width > used ? s->width - used : 0;
  if (!s->left && !s->zero) put_repeated(t, ' ', fill);
  put_ascii(t, sign);
  put_ascii(t, prefix);
  if (!s->left && s->zero) put_repeated(t, '0', fill);
  put_repeated(t, '0', zeros);
  put_str(t, digits);
  if (s->left) put_repeated(t, ' ', fill);
  return true;
}

/* e E f F g G of the double d, through format() with the same specification. */
static bool put_float(text *t, double d, char type, const spec *s) {
  char format_spec[64];
  int n = snprintf(format_spec, sizeof format_spec, "%s%s%s%s%lld.%lld%c", s->left ? "<" : "",
                   s->plus ? "+" : s->space ? " " : "", s->alternate ? "#" : "",
                   s->zero && !s->left ? "0" : "", (long long)s->width,
                   (long long)(s->precision < 0 ? 6 : s->precision), type);
  kr_str *r = kr_format_float(d, kr_str_from_utf8(format_spec, (size_t)n));
  if (r == NULL) return false;
  put_str(t, r);
  return true;
}

/* ascii(v): repr(v) with every non-ASCII code point escaped. */
static kr_str *ascii_of(kr_value v) {
  kr_str *r = kr_dyn_repr(v);
  if (r == NULL || r->ascii) return r;
  text t = {NULL, 0, 0, 0, true};
  size_t i = 0;
  while (i < (size_t)r->size) {
    size_t at = i;
    uint32_t cp = kr_utf8_next(r->data, (size_t)r->size, &i);
    char escaped[16];
    if (cp < 0x80) {
      put(&t, r->data + at, i - at, 1);
      continue;
    }
    if (cp <= 0xff) {
      snprintf(escaped, sizeof escaped, "\\x%02x", (unsigned)cp);
    } else if (cp <= 0xffff) {
      snprintf(escaped, sizeof escaped, "\\u%04x", (unsigned)cp);
    } else {
      snprintf(escaped, sizeof escaped, "\\U%08x", (unsigned)cp);
    }
    put_ascii(&t, escaped);
  }
  return kr_str_from_utf8(t.data, t.size);
}

/* Conversion 'type' (one of "sradiuoxXeEfFgGc") of the value v. */
static bool convert(text *t, kr_value v, char type, const spec *s) {
  kr_tkind k = kind(v);
  switch (type) {
    case 's':
    case 'r':
    case 'a': {
      kr_str *r = type == 's' ? kr_dyn_str(v) : type == 'r' ? kr_dyn_repr(v) : ascii_of(v);
      if (r == NULL) return false;
      int64_t count = s->precision >= 0 && s->precision < r->length ? s->precision : r->length;
      put_padded(t, r, count, s->width, s->left);
      return true;
    }
    case 'd':
    case 'i':
    case 'u':
      if (k == KR_T_FLOAT) {
        bool error = false;
        kr_value i = kr_float_to_int(kr_dyn_as_float(v, &error));
        return !error && i != KR_ERROR && put_integer(t, i, type, s);
      }
      if (!is_intlike(k)) {
        raisef(KR_EXC_TYPE, "%%%c format: a real number is required, not %s", type,
               kr_dyn_type_name(v));
        return false;
      }
      return put_integer(t, kr_dyn_index(v), type, s);
    case 'o':
    case 'x':
    case 'X':
      if (!is_intlike(k)) {
        raisef(KR_EXC_TYPE, "%%%c format: an integer is required, not %s", type,
               kr_dyn_type_name(v));
        return false;
      }
      return put_integer(t, kr_dyn_index(v), type, s);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (!is_intlike(k) && k != KR_T_FLOAT) {
        raisef(KR_EXC_TYPE, "must be real number, not %s", kr_dyn_type_name(v));
        return false;
      }
      bool error = false;
      double d = kr_dyn_as_float(v, &error);
      return !error && put_float(t, d, type, s);
    }
    default: /* 'c' */
      break;
  }
  kr_str *c;
  if (is_intlike(k)) {
    kr_value i = kr_dyn_index(v);
    int64_t cp = kr_is_small(i) ? kr_small_value(i) : -1;
    if (cp < 0 || cp >= 0x110000) {
      kr_raise(KR_EXC_OVERFLOW, "%c arg not in range(0x110000)");
      return false;
    }
    char bytes[4];
    c = kr_str_from_utf8(bytes, (size_t)kr_utf8_encode((uint32_t)cp, bytes));
  } else if (k == KR_T_STR && ((const kr_str *)(uintptr_t)kr_dyn_slot(v))->length == 1) {
    c = (kr_str *)(uintptr_t)kr_dyn_slot(v);
  } else {
    kr_raise(KR_EXC_TYPE, "%c requires int or char");
    return false;
  }
  put_padded(t, c, 1, s->width, s->left);
  return true;
}

/* }==================================================================== */

kr_value kr_str_percent(const kr_str *template, kr_value values) {
  arguments a = {values, kind(values) == KR_T_TUPLE, 1, 0};
  /* CPython treats a value with items that is neither a tuple nor a str (a list or
  ** dict here) as a mapping: it may go unused, and "%(key)" looks keys up in it. */
  bool mapping = kind(values) == KR_T_LIST || kind(values) == KR_T_DICT;
  if (a.tuple) a.count = kr_dyn_len(values);
  text t = {NULL, 0, 0, 0, true};
  const char *s = template->data;
  size_t n = (size_t)template->size, i = 0;
  int64_t index = 0; /* code points before s[i], for "at index" */
  while (i < n) {
    if (s[i] != '%') {
      size_t at = i;
      kr_utf8_next(s, n, &i);
      put(&t, s + at, i - at, 1);
      index++;
      continue;
    }
    i++;
    index++;
    /* "%%" is a '%' only right after the first one: "%5%" is a conversion. */
    if (i < n && s[i] == '%') {
      put(&t, "%", 1, 1);
      i++;
      index++;
      continue;
    }
    spec sp = {false, false, false, false, false, 0, -1};
    if (i < n && s[i] == '(') {
      if (kind(values) != KR_T_DICT)
        return kr_raise(KR_EXC_TYPE, mapping ? "list indices must be integers or slices, not str"
                                             : "format requires a mapping");
      /* The key runs to the matching ')' (parentheses nest). */
      i++;
      index++;
      size_t key_start = i;
      int depth = 1;
      while (depth > 0 && i < n) {
        if (s[i] == ')') depth--;
        if (s[i] == '(') depth++;
        kr_utf8_next(s, n, &i);
        index++;
      }
      if (depth > 0) return kr_raise(KR_EXC_VALUE, "incomplete format key");
      kr_str *key = kr_str_from_utf8(s + key_start, i - 1 - key_start);
      const kr_tdesc *dt = kr_dyn_type(values);
      bool error = false;
      kr_slot v = kr_dict_getitem((kr_dict *)(uintptr_t)kr_dyn_slot(values), dt,
                                  (kr_slot)(uintptr_t)key, &kr_tdesc_str, &error);
      if (error) return KR_ERROR;
      /* The key's value is the one value for what follows, until the next key. */
      a.values = kr_dyn_box(v, dt->items[1]);
      a.tuple = false;
      a.count = 1;
      a.next = 0;
    }
    for (; i < n && strchr("-+ #0", s[i]) != NULL && s[i] != '\0'; i++, index++) {
      switch (s[i]) {
        case '-': sp.left = true; break;
        case '+': sp.plus = true; break;
        case ' ': sp.space = true; break;
        case '#': sp.alternate = true; break;
        default: sp.zero = true; break;
      }
    }
    if (i < n && s[i] == '*') {
      if (!star(&a, false, &sp.width)) return KR_ERROR;
      if (sp.width < 0) {
        sp.left = true;
        sp.width = sp.width == INT64_MIN ? INT64_MAX : -sp.width;
      }
      if (!reserve(&t, sp.width)) return KR_ERROR;
      i++;
      index++;
    } else {
      for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, index++) {
        if (sp.width > (INT32_MAX - 9) / 10) return kr_raise(KR_EXC_VALUE, "width too big");
        sp.width = sp.width * 10 + (s[i] - '0');
      }
    }
    if (i < n && s[i] == '.') {
      i++;
      index++;
      sp.precision = 0;
      if (i < n && s[i] == '*') {
        if (!star(&a, true, &sp.precision)) return KR_ERROR;
        if (sp.precision < 0) sp.precision = 0;
        i++;
        index++;
      } else {
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, index++) {
          if (sp.precision > (INT32_MAX - 9) / 10)
            return kr_raise(KR_EXC_VALUE, "precision too big");
          sp.precision = sp.precision * 10 + (s[i] - '0');
        }
      }
    }
    for (; i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L'); i++, index++) {
    }
    if (i >= n) return kr_raise(KR_EXC_VALUE, "incomplete format");
    /* CPython takes the value before it looks at the conversion's type. */
    kr_value v;
    if (!next_value(&a, &v)) return KR_ERROR;
    char type = s[i];
    if (strchr("sradiuoxXeEfFgGc", type) == NULL || type == '\0') {
      uint32_t cp = kr_utf8_next(s, n, &i);
      return raisef(KR_EXC_VALUE, "unsupported format character '%c' (0x%x) at index %lld",
                    cp >= 32 && cp <= 126 ? (char)cp : '?', (unsigned)cp, (long long)index);
    }
    i++;
    index++;
    if (!convert(&t, v, type, &sp)) return KR_ERROR;
  }
  if (a.next < a.count && !mapping)
    return kr_raise(KR_EXC_TYPE, "not all arguments converted during string formatting");
  kr_str *r = kr_str_alloc((int64_t)t.size, t.length, t.ascii);
  if (t.size > 0) memcpy(r->data, t.data, t.size);
  return kr_dyn_from_str(r);
}
