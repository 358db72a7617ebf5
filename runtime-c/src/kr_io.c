/*
** kr_io.c: print(). Output goes to a buffer that is written to file descriptor 1 when
** full, at exit, and before anything is written to stderr (kr_traceback.c flushes it),
** so stdout and stderr interleave as they do under CPython. On a terminal the buffer is
** flushed at each newline, as CPython's line-buffered stdout does, and after every
** print() when PYTHONUNBUFFERED is set, as with python3 -u.
**
** A write that fails (a closed pipe, a full disk) is raised by the print() that made
** it, as CPython's OSError or BrokenPipeError ("[Errno 32] Broken pipe"; SIGPIPE is
** ignored, as python3 ignores it); one that fails at exit is reported as CPython's
** shutdown reports it ("Exception ignored in: <_io.TextIOWrapper ...>"), exit status
** 120.
**
** The runtime writes stdout itself rather than through stdio so that the buffer
** policy is the same everywhere and print() costs a memcpy.
*/
#define _POSIX_C_SOURCE 200809L
#include "krait.h"
#include "kr_unicode.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUFFER_SIZE 65536

/* malloc'ed rather than static so that the collector, which scans static data, does
** not read printed bytes as possible pointers. NULL when malloc failed: unbuffered. */
static char *buffer = NULL;
static size_t used = 0;
static int line_buffered = -1; /* unknown until the first write */
static bool write_through = false;
static int write_error = 0; /* errno of a failed write that print() has not raised */
static bool to_stderr = false; /* within a print(..., file=sys.stderr) */

static void write_all(const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(1, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (write_error == 0) write_error = errno;
      return; /* the rest is lost, as CPython's buffer is */
    }
    data += n;
    len -= (size_t)n;
  }
}

void kr_flush_stdout(void) {
  if (used == 0) return;
  size_t n = used;
  used = 0;
  write_all(buffer, n);
}

/* The exception class and message of a failed write's errno. */
static kr_exc_kind write_error_kind(int e) { return e == EPIPE ? KR_EXC_BROKEN_PIPE : KR_EXC_OS; }

static const char *write_error_message(int e) {
  const char *text = strerror(e);
  size_t size = strlen(text) + 32;
  char *message = kr_alloc_atomic(size);
  snprintf(message, size, "[Errno %d] %s", e, text);
  return message;
}

void kr_print_to_stderr(void) { to_stderr = true; }

void kr_print_flush(bool flush) {
  if (flush) kr_flush_stdout();
}

kr_value kr_stream_write(int32_t fd, const kr_str *s) {
  if (fd == 2) {
    kr_print_stderr_utf8(s->data, (size_t)s->size);
  } else if (!kr_print_str(s) || !kr_print_done()) {
    return KR_ERROR;
  }
  return kr_small(s->length);
}

bool kr_print_done(void) {
  to_stderr = false;
  if (write_through) kr_flush_stdout();
  if (write_error == 0) return true;
  int e = write_error;
  write_error = 0;
  kr_raise(write_error_kind(e), write_error_message(e));
  return false;
}

/* At exit: what is left is written; a failure is reported as CPython's shutdown
** reports a failed flush of sys.stdout, with its exit status. */
static void flush_at_exit(void) {
  kr_flush_stdout();
  if (write_error == 0) return;
  int e = write_error;
  char text[256];
  int n = snprintf(text, sizeof text,
                   "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                   "encoding='utf-8'>\n%s: %s\n",
                   kr_exc_kind_name(write_error_kind(e)), write_error_message(e));
  if (n > 0) kr_print_stderr_utf8(text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
  _exit(120);
}

static void first_write(void) {
  line_buffered = isatty(1) ? 1 : 0;
  const char *unbuffered = getenv("PYTHONUNBUFFERED");
  write_through = unbuffered != NULL && unbuffered[0] != '\0';
  buffer = malloc(BUFFER_SIZE);
  atexit(flush_at_exit); /* a program that ends normally loses nothing */
}

void kr_print_utf8(const char *text, size_t len) {
  if (to_stderr) {
    kr_print_stderr_utf8(text, len);
    return;
  }
  if (line_buffered < 0) first_write();
  if (len > BUFFER_SIZE - used || buffer == NULL) {
    kr_flush_stdout();
    if (len >= BUFFER_SIZE || buffer == NULL) {
      write_all(text, len);
      return;
    }
  }
  memcpy(buffer + used, text, len);
  used += len;
  if (line_buffered && memchr(text, '\n', len) != NULL) kr_flush_stdout();
}

bool kr_print_int(kr_value v) {
  if (kr_is_small(v)) {
    /* The common case, without the GMP path's allocation. */
    char digits[24];
    char *end = digits + sizeof digits, *p = end;
    int64_t x = kr_small_value(v);
    uint64_t mag = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    do {
      *--p = (char)('0' + mag % 10);
      mag /= 10;
    } while (mag != 0);
    if (x < 0) *--p = '-';
    kr_print_utf8(p, (size_t)(end - p));
    return true;
  }
  size_t len;
  const char *text = kr_int_to_str(v, 10, &len);
  if (text == NULL) return false; /* over 4300 digits: ValueError is set */
  kr_print_utf8(text, len);
  return true;
}

void kr_print_float(double d) {
  char text[KR_FLOAT_REPR_SIZE];
  size_t len = kr_float_repr(d, text);
  kr_print_utf8(text, len);
}

void kr_print_bool(bool b) {
  if (b) {
    kr_print_utf8("True", 4);
  } else {
    kr_print_utf8("False", 5);
  }
}

void kr_print_none(void) { kr_print_utf8("None", 4); }

/* Whether the WTF-8 bytes at text[i] encode a surrogate (ED A0..BF xx). */
static bool surrogate_in(const char *text, size_t size, size_t i) {
  return i + 2 < size && (unsigned char)text[i] == 0xED && (unsigned char)text[i + 1] >= 0xA0;
}

static bool surrogate_at(const kr_str *s, size_t i) { return surrogate_in(s->data, (size_t)s->size, i); }

/* The code point of the surrogate at text[i]. */
static uint32_t surrogate_code(const char *text, size_t i) {
  return (((unsigned char)text[i] & 0x0F) << 12) | (((unsigned char)text[i + 1] & 0x3F) << 6) |
         ((unsigned char)text[i + 2] & 0x3F);
}

/* Whether CPython's stdout would use the "surrogateescape" error handler. An error
** handler named by PYTHONIOENCODING ("utf-8:surrogateescape") decides; an encoding
** named without one means "strict"; otherwise the locale does: surrogateescape in
** the C and POSIX locales and their UTF-8 coercion targets (what LC_ALL, LC_CTYPE
** or LANG select, as setlocale(LC_CTYPE, "") resolves them), "strict" elsewhere.
** (Other handlers are taken as "strict".) Asked once, when a surrogate is first
** printed. */
static bool stdout_escapes_surrogates(void) {
  static int answer = -1;
  const char *io = getenv("PYTHONIOENCODING");
  if (answer < 0 && io != NULL && io[0] != '\0') {
    const char *colon = strchr(io, ':');
    if (colon != NULL && colon[1] != '\0') {
      answer = strcmp(colon + 1, "surrogateescape") == 0;
    } else if (colon != io) {
      answer = 0; /* an encoding without a handler: strict */
    }
  }
  if (answer < 0) {
    const char *current = setlocale(LC_CTYPE, NULL);
    char saved[64] = "C";
    if (current != NULL) snprintf(saved, sizeof saved, "%s", current);
    const char *loc = setlocale(LC_CTYPE, "");
    answer = loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
             strcmp(loc, "C.UTF-8") == 0 || strcmp(loc, "C.utf8") == 0 || strcmp(loc, "UTF-8") == 0;
    setlocale(LC_CTYPE, saved);
  }
  return answer == 1;
}


/* stdout's UTF-8 encoder and lone surrogates, as CPython's: under "surrogateescape"
** U+DC80..U+DCFF are the bytes 0x80..0xFF they stand for (a non-UTF-8 argv echoed);
** any other run of surrogates is UnicodeEncodeError naming the run, and nothing of
** s is written. */
bool kr_print_str(const kr_str *s) {
  if (to_stderr) {
    kr_print_stderr_utf8(s->data, (size_t)s->size);
    return true;
  }
  if (!s->ascii) {
    size_t i = 0;
    int64_t position = 0;
    char *escaped = NULL; /* s's bytes with escaped surrogates, once one is seen */
    size_t escaped_size = 0;
    while (i < (size_t)s->size) {
      if (surrogate_at(s, i)) {
        /* Under surrogateescape the run's escapable prefix becomes bytes; the
        ** error (if any) names the rest of the run. */
        bool escaping = stdout_escapes_surrogates();
        for (; escaping && surrogate_at(s, i); i += 3, position++) {
          uint32_t v = surrogate_code(s->data, i);
          if (v < 0xDC80 || v > 0xDCFF) break;
          if (escaped == NULL) {
            escaped = kr_alloc_atomic((size_t)s->size + 1);
            memcpy(escaped, s->data, i);
            escaped_size = i;
          }
          escaped[escaped_size++] = (char)(v - 0xDC00);
        }
        if (!surrogate_at(s, i)) continue;
        size_t j = i;
        int64_t last = position;
        uint32_t cp = surrogate_code(s->data, i);
        for (;;) {
          kr_utf8_next(s->data, (size_t)s->size, &j);
          if (!surrogate_at(s, j)) break;
          last++;
        }
        char *message = kr_alloc_atomic(128);
        if (last == position) {
          snprintf(message, 128,
                   "'utf-8' codec can't encode character '\\u%04x' in position %lld: "
                   "surrogates not allowed",
                   (unsigned)cp, (long long)position);
        } else {
          snprintf(message, 128,
                   "'utf-8' codec can't encode characters in position %lld-%lld: surrogates "
                   "not allowed",
                   (long long)position, (long long)last);
        }
        kr_raise(KR_EXC_UNICODE_ENCODE, message);
        return false;
      }
      size_t at = i;
      kr_utf8_next(s->data, (size_t)s->size, &i);
      if (escaped != NULL) {
        memcpy(escaped + escaped_size, s->data + at, i - at);
        escaped_size += i - at;
      }
      position++;
    }
    if (escaped != NULL) {
      kr_print_utf8(escaped, escaped_size);
      return true;
    }
  }
  kr_print_utf8(s->data, (size_t)s->size);
  return true;
}

/* Writes all of text to stderr (nowhere to report a failing stderr). */
static void write_stderr(const char *text, size_t len) {
  while (len > 0) {
    ssize_t n = write(2, text, len);
    if (n <= 0) return;
    text += n;
    len -= (size_t)n;
  }
}

void kr_print_stderr_utf8(const char *text, size_t len) {
  kr_flush_stdout();
  /* CPython's stderr uses "backslashreplace": a lone surrogate (WTF-8 ED A0..BF xx)
  ** is written as its escape, \udXXX. */
  size_t start = 0;
  for (size_t i = 0; i + 2 < len; i++) {
    if (!surrogate_in(text, len, i)) continue;
    write_stderr(text + start, i - start);
    char escape[8];
    int n = snprintf(escape, sizeof escape, "\\u%04x", (unsigned)surrogate_code(text, i));
    write_stderr(escape, (size_t)n);
    i += 2;
    start = i + 1;
  }
  write_stderr(text + start, len - start);
}
