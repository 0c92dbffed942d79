/* output.h - report files written whole or not at all, one per translation unit when given a
 * directory. */
#ifndef ESC_OUTPUT_H
#define ESC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* The file a report for SOURCE goes to when the user named TARGET:
   TARGET itself, or, when TARGET is an existing directory, a file in it
   named after SOURCE with EXT appended.  The name is SOURCE with a
   leading "./" dropped and '%' and '/' percent-encoded ("src/a_b.c" ->
   "DIR/src%2Fa_b.c.json"): a one-to-one mapping, so that no two units of
   a build overwrite each other's report.  Caller frees. */
char *esc_output_path(const char *target, const char *source, const char *ext);

/* Whether paths A and B name one file: the same device and inode when
   both exist, or else the same absolute name once symbolic links, ".",
   ".." and repeated slashes are resolved ("a.json" and "./a.json" on a
   clean build). */
bool esc_same_file(const char *a, const char *b);

/* Check, before the work that produces it, that a report can be written
   to PATH: what esc_write_file would refuse (a directory, "DIR/" with no
   such directory, a loop of links) is refused, and for a regular file a
   temporary file is created beside it and removed at once, which tells a
   missing, unwritable or full directory.  On failure returns false with
   *ERROR set as esc_write_file would set it (caller frees). */
bool esc_check_output(const char *path, char **error);

/* Write LEN bytes of DATA to PATH whole or not at all: into a temporary
   file beside it ("PATH.tmp.N"), then renamed over it, so a parallel
   build never sees a torn file.  The file replaced keeps its permissions
   (a new one gets 0666 less the umask).  A symbolic link is followed (the
   file it names is replaced, not the link); a device, a FIFO or
   /dev/stdout is written in place, since renaming over it would replace
   the device itself.  While the temporary file exists, SIGXFSZ is ignored
   (a file size limit is then the error EFBIG) and SIGINT, SIGTERM,
   SIGHUP and SIGQUIT wait until it is renamed or removed; a temporary
   file of that name left by a process killed outright, older than
   ESC_STALE_SECONDS and owned by this user, is reused.  On
   failure returns false and sets *ERROR to a message naming PATH (caller
   frees); nothing is left behind. */
bool esc_write_file(const char *path, const char *data, size_t len, char **error);

/* How old a "NAME.tmp.N" must be to count as left by a killed
   process: a report is written in one go, so a writer still at work
   touched its file moments ago. */
#define ESC_STALE_SECONDS 600

#endif
