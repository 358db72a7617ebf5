/*
** kr_gc.c: memory. All runtime objects live in the Boehm-Demers-Weiser collector's
** heap; GMP is told to allocate there too, so big ints need no finalisers.
*/
#include "krait.h"

#include <gc.h>
#include <gmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef KR_VERSION
#define KR_VERSION "0.1.0"
#endif

const char *kr_runtime_version(void) { return KR_VERSION; }

static void out_of_memory(size_t size) {
  /* Nothing sensible can be raised without memory; CPython aborts likewise. */
  fprintf(stderr, "krait: out of memory (allocating %zu bytes)\n", size);
  abort();
}

void *kr_alloc(size_t size) {
  void *p = GC_MALLOC(size);
  if (p == NULL) out_of_memory(size);
  return p;
}

void *kr_alloc_atomic(size_t size) {
  void *p = GC_MALLOC_ATOMIC(size);
  if (p == NULL) out_of_memory(size);
  return p;
}

void *kr_try_alloc_atomic(size_t size) { return GC_MALLOC_ATOMIC(size); }

/* GMP's allocation hooks. Limbs hold no pointers, but GMP also allocates the
** temporaries of its larger operations through these hooks (TMP_BALLOC), in
** blocks chained by a pointer at their start and sometimes holding arrays of
** pointers to other such blocks (the FFT multiplication). Were they atomic, the
** collector would free blocks reachable only through that chain mid-operation
** (mpz_pow_ui of a 400 KB result crashed). GMP's allocations cannot be told
** apart, so all are scanned: the cost is marking the limbs of live big ints. */
static void *gmp_alloc(size_t size) { return kr_alloc(size); }

static void *gmp_realloc(void *old, size_t old_size, size_t new_size) {
  (void)old_size;
  void *p = GC_REALLOC(old, new_size);
  if (p == NULL) out_of_memory(new_size);
  return p;
}

static void gmp_free(void *p, size_t size) {
  (void)size;
  GC_FREE(p);
}

/* The collector's warnings ("Failed to expand heap", "Out of Memory!") go nowhere:
** a failed allocation is reported as Python's MemoryError, which is all python3
** prints. */
static void quiet_warning(char *message, GC_word value) {
  (void)message;
  (void)value;
}

void kr_runtime_init(void) {
  static bool done = false;
  if (done) return;
  done = true;
  GC_INIT();
  GC_set_warn_proc(quiet_warning);
  /* As python3 does: a write to a closed pipe fails with EPIPE (BrokenPipeError)
  ** instead of killing the program. */
  signal(SIGPIPE, SIG_IGN);
  mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}
