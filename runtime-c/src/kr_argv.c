/*
** kr_argv.c: the command line, kept for sys.argv. The generated main() calls
** kr_set_argv first thing, which also initialises the runtime (the GC must be set up
** on the main thread before anything is allocated).
*/
#include "krait.h"

static int saved_argc = 0;
static char **saved_argv = NULL;

void kr_set_argv(int argc, char **argv) {
  kr_runtime_init();
  saved_argc = argc;
  saved_argv = argv;
}

int kr_argc(void) { return saved_argc; }
char **kr_argv(void) { return saved_argv; }

/* {====================================================================
** sys.argv
** ===================================================================== */

#include "kr_unicode.h"

#include <string.h>

/* Decodes one argument as CPython does with the UTF-8 locale: valid UTF-8 as is; any
** other byte (stray continuation bytes, overlong forms, encoded surrogates, cut
** sequences, bytes >= 0xF5) becomes the lone surrogate U+DC80 + (byte - 0x80)
** ('surrogateescape'), stored as WTF-8 like any str holding a surrogate. */
static kr_str *decode_arg(const char *arg) {
  const unsigned char *s = (const unsigned char *)arg;
  size_t len = strlen(arg);
  char *out = kr_alloc_atomic(len * 3 + 1);
  size_t n = 0, i = 0;
  while (i < len) {
    unsigned char c = s[i];
    size_t extra = 0;
    uint32_t min = 0;
    if (c < 0x80) {
      out[n++] = (char)c;
      i++;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3, min = 0x10000;
    }
    bool valid = extra > 0 && len - i > extra;
    uint32_t cp = c & (0x3F >> extra);
    for (size_t k = 1; valid && k <= extra; k++) {
      if ((s[i + k] & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    valid = valid && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (valid) {
      memcpy(out + n, s + i, extra + 1);
      n += extra + 1;
      i += extra + 1;
    } else {
      /* U+DC80..U+DCFF as three bytes: ED B2 80 .. ED B3 BF. */
      uint32_t sur = 0xDC00 + c;
      out[n++] = (char)(0xE0 | (sur >> 12));
      out[n++] = (char)(0x80 | ((sur >> 6) & 0x3F));
      out[n++] = (char)(0x80 | (sur & 0x3F));
      i++;
    }
  }
  return kr_str_from_utf8(out, n);
}

static kr_list *argv_list = NULL;

kr_list *kr_sys_argv(void) {
  if (argv_list != NULL) return argv_list;
  static const kr_tdesc str_desc = {KR_T_STR, 0, NULL};
  kr_list *l = kr_list_new(0, &str_desc);
  for (int k = 0; k < saved_argc; k++) {
    if (saved_argv != NULL && saved_argv[k] != NULL)
      kr_list_append(l, (kr_slot)(uintptr_t)decode_arg(saved_argv[k]));
  }
  argv_list = l;
  return l;
}

/* }==================================================================== */
