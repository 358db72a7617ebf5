/*
** kr_exc.c: the current exception. A failing runtime function records the
** exception here and returns its error sentinel (see krait.h); generated code tests
** the sentinel and propagates.
*/
#include "krait.h"

#include <string.h>

static _Thread_local kr_exc_kind current_kind = KR_EXC_NONE;
static _Thread_local const char *current_message = NULL;
/* The Boehm GC does not scan thread-local storage, and a message may live in the GC
** heap (kr_raise_str copies it there), so the latest one is also kept in an ordinary
** static, which the collector does scan. Enough while programs are single-threaded. */
static const char *volatile message_root = NULL;

kr_value kr_raise(kr_exc_kind kind, const char *message) {
  current_kind = kind;
  current_message = message;
  message_root = message;
  kr_traceback_clear(); /* a new exception starts with no frames */
  return KR_ERROR;
}

kr_value kr_raise_str(kr_exc_kind kind, const kr_str *message) {
  if (message == NULL || message->size == 0) return kr_raise(kind, NULL);
  /* Constants need not be NUL-terminated, so the message is copied. */
  char *copy = kr_alloc_atomic((size_t)message->size + 1);
  memcpy(copy, message->data, (size_t)message->size);
  copy[message->size] = '\0';
  return kr_raise(kind, copy);
}

bool kr_error_occurred(void) { return current_kind != KR_EXC_NONE; }
kr_exc_kind kr_error_kind(void) { return current_kind; }
const char *kr_error_message(void) { return current_message ? current_message : ""; }

void kr_error_clear(void) {
  kr_traceback_clear();
  current_kind = KR_EXC_NONE;
  current_message = NULL;
}

const char *kr_exc_kind_name(kr_exc_kind kind) {
  switch (kind) {
    case KR_EXC_NONE: return "None";
    case KR_EXC_ZERO_DIVISION: return "ZeroDivisionError";
    case KR_EXC_OVERFLOW: return "OverflowError";
    case KR_EXC_VALUE: return "ValueError";
    case KR_EXC_TYPE: return "TypeError";
    case KR_EXC_INDEX: return "IndexError";
    case KR_EXC_MEMORY: return "MemoryError";
    case KR_EXC_ASSERTION: return "AssertionError";
    case KR_EXC_RECURSION: return "RecursionError";
    case KR_EXC_RUNTIME: return "RuntimeError";
    case KR_EXC_NOT_IMPLEMENTED: return "NotImplementedError";
    case KR_EXC_NAME: return "NameError";
    case KR_EXC_UNBOUND_LOCAL: return "UnboundLocalError";
    case KR_EXC_KEY: return "KeyError";
    case KR_EXC_ATTRIBUTE: return "AttributeError";
    case KR_EXC_UNICODE_ENCODE: return "UnicodeEncodeError";
    case KR_EXC_EXCEPTION: return "Exception";
    case KR_EXC_OS: return "OSError";
    case KR_EXC_BROKEN_PIPE: return "BrokenPipeError";
  }
  return "Exception";
}
