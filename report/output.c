/* output.c - report files written whole or not at all, one per translation unit when given a
 * directory. */
#include "report/output.h"
#include "core/base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *esc_output_path(const char *target, const char *source, const char *ext)
{
    struct stat st;
    if (stat(target, &st) != 0 || !S_ISDIR(st.st_mode))
        return esc_xstrdup(target);
    while (source[0] == '.' && source[1] == '/')
        source += 2;
    while (*source == '/')
        source++;
    char *name = esc_xasprintf("%s%s", *source ? source : "unit", ext);
    for (char *p = name; *p; p++)
        if (*p == '/')
            *p = '_';
    size_t len = strlen(target);
    char *path = esc_xasprintf("%s%s%s", target, len && target[len - 1] == '/' ? "" : "/", name);
    free(name);
    return path;
}

static bool fail(char **error, const char *path, const char *what, int err)
{
    *error = esc_xasprintf("cannot write '%s': %s: %s", path, what, strerror(err));
    return false;
}

static bool refuse(char **error, const char *path, const char *why)
{
    *error = esc_xasprintf("cannot write '%s': %s", path, why);
    return false;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno != EINTR)
            return errno;
        if (n > 0) {
            data += n;
            len -= (size_t)n;
        }
    }
    return 0;
}

/* A device, a FIFO or one of /proc's files (/dev/stdout, /dev/null, a
   pipe to a reader): it cannot be replaced by a rename, and replacing
   the name would break it (as root, /dev/null itself), so it is written
   in place. */
static bool write_in_place(const char *path, const char *data, size_t len, char **error)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0)
        return fail(error, path, "cannot open it", errno);
    int err = write_all(fd, data, len);
    if (close(fd) != 0 && !err)
        err = errno;
    return err ? fail(error, path, "writing failed", err) : true;
}

/* The file PATH names once symbolic links are followed, the way open()
   follows them, even when the last one dangles: a report written through
   a link replaces the file, not the link.  NULL with errno set on a loop.
   *STREAM is set when a link leads into /proc (/dev/stdout, /dev/fd/N):
   those name open files, not places a file can be renamed to. */
static char *follow_links(const char *path, bool *stream)
{
    char *cur = esc_xstrdup(path);
    *stream = false;
    for (int hops = 0; hops < 40; hops++) {
        if (strncmp(cur, "/proc/", 6) == 0) {
            *stream = true;
            return cur;
        }
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
        char *target = esc_xmalloc(cap);
        ssize_t n = readlink(cur, target, cap);
        if (n < 0 || (size_t)n >= cap) {
            free(target);
            return cur; /* changed under us: let the rename say what is wrong */
        }
        target[n] = '\0';
        char *next;
        const char *slash = strrchr(cur, '/');
        if (target[0] == '/' || !slash)
            next = esc_xstrdup(target);
        else
            next = esc_xasprintf("%.*s/%s", (int)(slash - cur), cur, target);
        free(target);
        free(cur);
        cur = next;
    }
    free(cur);
    errno = ELOOP;
    return NULL;
}

bool esc_write_file(const char *path, const char *data, size_t len, char **error)
{
    if (!*path)
        return refuse(error, path, "empty file name");
    struct stat st;
    size_t plen = strlen(path);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return refuse(error, path, "it is a directory");
    if (path[plen - 1] == '/')
        return refuse(error, path, "no such directory");
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, data, len, error);
    bool stream;
    char *real = follow_links(path, &stream);
    if (!real)
        return fail(error, path, "cannot follow its symbolic links", errno);
    if (stream) {
        free(real);
        return write_in_place(path, data, len, error);
    }
    /* The temporary file must be in the same directory as the file it
       replaces: rename() is only atomic within one file system. */
    char *tmp = esc_xasprintf("%s.tmp.XXXXXX", real);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        bool ok = fail(error, path, "cannot create a file beside it", errno);
        free(tmp);
        free(real);
        return ok;
    }
    int err = write_all(fd, data, len);
    /* mkstemp makes the file 0600; a report is as readable as any output. */
    mode_t mask = umask(0);
    umask(mask);
    if (!err && fchmod(fd, 0666 & ~mask) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, real) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    free(tmp);
    free(real);
    return err ? fail(error, path, "writing failed", err) : true;
}
