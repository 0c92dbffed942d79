/* readfile.h - an input file read whole: model files, reports and SARIF logs. */
#ifndef ESC_READFILE_H
#define ESC_READFILE_H

#include <stddef.h>

/* The largest input file read.  Model files, JSON reports and SARIF logs
   are a few megabytes even for large units; a bigger "file" is a mistake
   (a device such as /dev/zero, a core dump, a tarball) and reading it
   would only exhaust the compiler's memory. */
#define ESC_READ_MAX ((size_t)256 << 20)

/* Read PATH whole, at most MAX bytes.  Returns the bytes with a NUL after
   them and their count in *LEN (caller frees), or NULL with *ERROR set to
   what went wrong, without the path: "cannot open: No such file or
   directory", "cannot read: Is a directory", "larger than 256 MiB".  A
   pipe (models=<(generate), /dev/stdin) is read to its end; a named FIFO,
   which may never get a writer, a device or a socket is refused without
   waiting. */
char *esc_read_file(const char *path, size_t max, size_t *len, char **error);

/* Where the first NUL byte of TEXT (LEN bytes) is, or LEN when there is
   none: a text format holding one is binary data, and saying so is
   clearer than a parser's complaint about an unexpected token. */
size_t esc_first_nul(const char *text, size_t len);

#endif
