/*
** krait.h: the public header of krait's C runtime.
** Every public symbol of the runtime has the prefix 'kr_'.
*/
#ifndef krait_h
#define krait_h

/* The runtime's version, equal to the krait compiler's version. */
const char *kr_runtime_version(void);

#endif
