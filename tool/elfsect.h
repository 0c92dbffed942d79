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

/* Called once per damaged file or archive member, with a message that
   names it and says what is wrong ("libx.a(b.o): truncated: ..."). */
typedef void esc_damage_fn(void *ctx, const char *message);

struct esc_section_scan {
    const char *name; /* the section to read */
    esc_section_fn *found;
    esc_damage_fn *damaged;
    void *ctx;
    unsigned files;   /* ELF files looked at (archive members each count) */
    unsigned without; /* ... that had no such section */
};

/* Read section SCAN->name from every ELF file in PATH: an object, an
   executable, a shared library, or each member of an archive.  Only a
   regular file is opened for reading (a FIFO would block).  Every file or
   member that cannot be read or is damaged is passed to SCAN->damaged,
   and the others are still read; returns false if there was one. */
bool esc_read_sections(struct esc_section_scan *scan, const char *path);

/* The same for SIZE bytes at DATA, named WHERE in messages. */
bool esc_read_sections_mem(struct esc_section_scan *scan, const char *where, const void *data,
                           size_t size);

#endif
