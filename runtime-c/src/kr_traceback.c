/*
** kr_traceback.c: the frames an exception passed through, and CPython's report of an
** uncaught exception:
**
**   Traceback (most recent call last):
**     File "prog.py", line 7, in <module>
**       print(fib(3))
**     File "prog.py", line 3, in fib
**       return 1 // n
**   ZeroDivisionError: integer division or modulo by zero
**
** As CPython does, at most the innermost 1000 frames are shown (sys.tracebacklimit's
** default), and a run of more than 3 identical frames (recursion) is shown as 3 plus
** "  [Previous line repeated N more times]". Each source line is read from the file
** when the report is made, with its indentation removed, and omitted when the file
** cannot be read. Under a source line comes 3.11's caret line ("~~^^~~") when the
** compiler provided one for the failing operation (it knows the columns and the
** expression's shape; see krait's src/carets.rs).
*/
#define _POSIX_C_SOURCE 200809L
#include "krait.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* CPython's defaults: PyTraceBack_LIMIT and TB_RECURSIVE_CUTOFF. */
#define FRAME_LIMIT 1000
#define REPEAT_CUTOFF 3

typedef struct frame {
  const char *file;
  int line;
  const char *function;
  const char *carets; /* the caret line without its margin, or NULL */
} frame;

/* Frames in the order they are added: innermost first. Only the first FRAME_LIMIT
** are kept, since only the innermost are ever shown. */
static _Thread_local frame frames[FRAME_LIMIT];
static _Thread_local int frame_count = 0;

void kr_traceback_add_at(const char *file, int line, const char *function, const char *carets) {
  if (frame_count < FRAME_LIMIT) {
    frames[frame_count].file = file;
    frames[frame_count].line = line;
    frames[frame_count].function = function;
    frames[frame_count].carets = carets;
    frame_count++;
  }
}

void kr_traceback_add_repeated(const char *file, int line, const char *function,
                               const char *carets, int count) {
  for (int i = 0; i < count && frame_count < FRAME_LIMIT; i++)
    kr_traceback_add_at(file, line, function, carets);
}

void kr_traceback_add(const char *file, int line, const char *function) {
  kr_traceback_add_at(file, line, function, NULL);
}

void kr_traceback_clear(void) { frame_count = 0; }

/* {====================================================================
** A growing text buffer in the GC heap
** ===================================================================== */

typedef struct text {
  char *data;
  size_t len, cap;
} text;

static void append(text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap * 2 + n + 64;
    char *grown = kr_alloc_atomic(cap);
    if (t->len > 0) memcpy(grown, t->data, t->len);
    t->data = grown;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = '\0';
}

static void append_cstr(text *t, const char *s) { append(t, s, strlen(s)); }

/* }==================================================================== */

/* {====================================================================
** Source lines
** ===================================================================== */

/* The last file read, so that frames of one file read it once. */
static const char *cached_name = NULL;
static char *cached_data = NULL;
static size_t cached_size = 0;

static bool read_file(const char *name) {
  if (cached_name != NULL && strcmp(cached_name, name) == 0) return cached_data != NULL;
  cached_name = name;
  cached_data = NULL;
  FILE *f = fopen(name, "rb");
  if (f == NULL) return false;
  text t = {NULL, 0, 0};
  char chunk[8192];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) append(&t, chunk, n);
  fclose(f);
  cached_data = t.data != NULL ? t.data : "";
  cached_size = t.len;
  return true;
}

/* Line 'number' (from 1) of the file, with universal newlines (\n, \r\n, \r) as
** Python reads source; false when the file or the line does not exist. */
static bool source_line(const char *file, int number, const char **start, size_t *len) {
  if (number < 1 || !read_file(file)) return false;
  const char *p = cached_data, *end = cached_data + cached_size;
  for (int line = 1; p < end; line++) {
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r') q++;
    if (line == number) {
      *start = p;
      *len = (size_t)(q - p);
      return true;
    }
    if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n') q++;
    p = q + 1;
  }
  return false;
}

static void append_frame(text *t, const frame *f) {
  char head[64];
  append_cstr(t, "  File \"");
  append_cstr(t, f->file);
  snprintf(head, sizeof head, "\", line %d, in ", f->line);
  append_cstr(t, head);
  append_cstr(t, f->function);
  append(t, "\n", 1);
  const char *line;
  size_t len;
  if (source_line(f->file, f->line, &line, &len)) {
    /* CPython removes the indentation (spaces, tabs, form feeds) and keeps the rest. */
    while (len > 0 && (*line == ' ' || *line == '\t' || *line == '\f')) line++, len--;
    if (len > 0) {
      append_cstr(t, "    ");
      append(t, line, len);
      append(t, "\n", 1);
      if (f->carets != NULL) {
        append_cstr(t, "    ");
        append_cstr(t, f->carets);
        append(t, "\n", 1);
      }
    }
  }
}

static bool same_place(const frame *a, const frame *b) {
  return a->line == b->line && strcmp(a->file, b->file) == 0 &&
         strcmp(a->function, b->function) == 0;
}

static void append_repeated(text *t, int count) {
  char note[80];
  int more = count - REPEAT_CUTOFF;
  snprintf(note, sizeof note, "  [Previous line repeated %d more time%s]\n", more,
           more > 1 ? "s" : "");
  append_cstr(t, note);
}

/* }==================================================================== */

const char *kr_format_exception(size_t *len) {
  text t = {NULL, 0, 0};
  if (frame_count > 0) {
    append_cstr(&t, "Traceback (most recent call last):\n");
    int run = 0;
    /* Outermost first, which is the reverse of the order the frames were added. */
    for (int i = frame_count - 1; i >= 0; i--) {
      if (i == frame_count - 1 || !same_place(&frames[i], &frames[i + 1])) {
        if (run > REPEAT_CUTOFF) append_repeated(&t, run);
        run = 0;
      }
      run++;
      if (run <= REPEAT_CUTOFF) append_frame(&t, &frames[i]);
    }
    if (run > REPEAT_CUTOFF) append_repeated(&t, run);
  }
  append_cstr(&t, kr_exc_kind_name(kr_error_kind()));
  const char *message = kr_error_message();
  if (message[0] != '\0') {
    append(&t, ": ", 2);
    append_cstr(&t, message);
  }
  append(&t, "\n", 1);
  *len = t.len;
  return t.data;
}

_Noreturn void kr_exit_with_exception(void) {
  kr_flush_stdout();
  size_t len;
  const char *report = kr_format_exception(&len);
  fflush(stderr);
  kr_print_stderr_utf8(report, len);
  exit(1);
}
