/* elfsect.h - one named section's bytes from ELF objects, archives, executables and shared
 * libraries. */
#ifndef ESC_TOOL_ELFSECT_H
#define ESC_TOOL_ELFSECT_H

#include <stdbool.h>
#include <stddef.h>

/* Called once per ELF file that has the section (an archive's members one
   by one): WHERE names it ("libx.a(b.o)" for a member), DATA holds its
   SIZE bytes until the call returns. */
typedef void esc_section_fn(void *ctx, const char *where, const char *data, size_t size);

struct esc_section_scan {
    unsigned files;   /* ELF files looked at (archive members each count) */
    unsigned without; /* ... that had no such section */
};

/* Read section NAME from every ELF file in PATH.  On failure (not
   readable, not ELF, a damaged file) returns false and sets *ERROR to a
   message naming PATH (caller frees); sections found before the damage
   have been passed on. */
bool esc_read_sections(const char *path, const char *name, esc_section_fn *fn, void *ctx,
                       struct esc_section_scan *scan, char **error);

#endif
