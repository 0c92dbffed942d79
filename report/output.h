/* output.h - report files written whole or not at all, one per translation unit when given a
 * directory. */
#ifndef ESC_OUTPUT_H
#define ESC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* The file a report for SOURCE goes to when the user named TARGET:
   TARGET itself, or, when TARGET is an existing directory, a file in it
   named after SOURCE with EXT appended ("src/a.c" -> "DIR/src_a.c.json"),
   so that the units of one build do not overwrite each other.  Caller
   frees. */
char *esc_output_path(const char *target, const char *source, const char *ext);

/* Write LEN bytes of DATA to PATH whole or not at all: into a temporary
   file beside it, then renamed over it, so a parallel build never sees a
   torn file.  A symbolic link is followed (the file it names is
   replaced, not the link); a device, a FIFO or /dev/stdout is written in
   place, since renaming over it would replace the device itself.  On
   failure returns false and sets *ERROR to a message naming PATH (caller
   frees); nothing is left behind. */
bool esc_write_file(const char *path, const char *data, size_t len, char **error);

#endif
