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
