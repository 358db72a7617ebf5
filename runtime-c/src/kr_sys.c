/*
** kr_sys.c: sys.exit, and the clocks of the time module.
**
** sys.exit ends the process here: stdout is flushed, a string status is written
** to stderr followed by a newline with exit status 1, an int status is the exit
** status, None or no argument is 0 (CPython's handling of SystemExit). Until
** try/finally exists natively nothing can intercept SystemExit, so exiting at once
** is what CPython does too.
*/
/* clock_gettime is POSIX, outside strict C11. */
#define _POSIX_C_SOURCE 200809L

#include "krait.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

_Noreturn void kr_sys_exit_int(kr_value status) {
  kr_flush_stdout();
  int64_t code;
  /* CPython passes the int to exit(); a value that does not fit a C long is
  ** reported as an error and the status becomes 1 (rare; -1 & 0xff elsewhere). */
  if (!kr_int_to_i64(status, &code)) code = -1;
  fflush(stderr);
  exit((int)code);
}

_Noreturn void kr_sys_exit_str(const kr_str *message) {
  fflush(stderr);
  kr_print_stderr_utf8(message->data, (size_t)message->size);
  kr_print_stderr_utf8("\n", 1);
  exit(1);
}

_Noreturn void kr_sys_exit_none(void) {
  kr_flush_stdout();
  fflush(stderr);
  exit(0);
}

_Noreturn void kr_sys_exit_dyn(kr_value status) {
  switch ((kr_tkind)kr_dyn_type(status)->kind) {
    case KR_T_NONE: kr_sys_exit_none();
    case KR_T_INT: kr_sys_exit_int(kr_dyn_as_int(status));
    case KR_T_BOOL: kr_sys_exit_int(kr_small(kr_dyn_as_bool(status)));
    case KR_T_STR: kr_sys_exit_str(kr_dyn_as_str(status));
    default: break;
  }
  /* Anything else is written as str() would, and the status is 1. */
  kr_str *text = kr_dyn_str(status);
  if (text == NULL) {
    kr_flush_stdout();
    exit(1);
  }
  kr_sys_exit_str(text);
}

double kr_time_time(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double kr_time_perf_counter(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
