/*
** kr_unicode.h: the runtime's internal Unicode helpers (not part of the public API):
** UTF-8 decoding and the character classes that int(), float() and repr() need.
*/
#ifndef kr_unicode_h
#define kr_unicode_h

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Generated tables (kr_unicode_tables.c): sorted, inclusive ranges. */
extern const uint32_t kr_unicode_nonprintable[][2];
extern const size_t kr_unicode_nonprintable_count;
extern const uint32_t kr_unicode_space[][2];
extern const size_t kr_unicode_space_count;
extern const uint32_t kr_unicode_decimal[][2];
extern const size_t kr_unicode_decimal_count;

/* Decodes one code point of (generalised) UTF-8 at text[*i], advancing *i. Invalid
** bytes decode as themselves, one at a time, so decoding never fails or overruns. */
uint32_t kr_utf8_next(const char *text, size_t size, size_t *i);
/* Encodes cp (below 0x110000, surrogates included) as (WTF-)8 into out, which has
** room for 4 bytes; returns the byte count. */
int kr_utf8_encode(uint32_t cp, char *out);
bool kr_unicode_is_printable(uint32_t cp);
bool kr_unicode_is_space(uint32_t cp);
/* The digit value 0-9 of a decimal digit, or -1. */
int kr_unicode_decimal_value(uint32_t cp);

#endif
