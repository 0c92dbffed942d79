/* names.h - file names in JSON and URIs: UTF-8 as it is, any other bytes kept losslessly. */
#ifndef ESC_NAMES_H
#define ESC_NAMES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* A file name is bytes, and JSON strings are UTF-8: jansson refuses
   "caf\xe9.c", and the key was silently left out of the report.  So a
   name that is not UTF-8 is written twice: KEY holds it for people, with
   U+FFFD for each byte that is not UTF-8, and KEY + "_bytes" holds its
   exact bytes percent-encoded (RFC 3986: "caf%E9.c").  A UTF-8 name is
   KEY alone, as always. */
void esc_json_set_name(json_t *obj, const char *key, const char *name);

/* Undo esc_json_set_name everywhere in ROOT: each "file" and "source"
   beside a "file_bytes" or "source_bytes" gets its exact bytes back (a
   jansson string that is not UTF-8, for C code that uses the name; it
   must be written out with esc_json_set_name again). */
void esc_json_restore_names(json_t *root);

/* Whether the LEN bytes at S are UTF-8 as JSON wants it: no overlong
   forms, no surrogates, nothing past U+10FFFF. */
bool esc_utf8_valid(const char *s, size_t len);

/* NAME with each byte that is not part of UTF-8 replaced by U+FFFD
   (caller frees). */
char *esc_utf8_display(const char *name);

/* NAME percent-encoded: unreserved characters and '/' as they are, every
   other byte %XX (caller frees). */
char *esc_percent_encode(const char *name);

/* TEXT with each %XX decoded.  A '%' must be followed by exactly two hex
   digits, and may not encode a NUL byte (which would cut the name):
   otherwise returns NULL with *ERROR saying where (caller frees). */
char *esc_percent_decode(const char *text, char **error);

#endif
