/* output.c - report files written whole or not at all, one per translation unit when given a
 * directory. */
#include "output.h"
#include "../core/util.h"

#include <errno.h>
#include <fcntl.h>
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

bool esc_write_file(const char *path, const char *data, size_t len, char **error)
{
    /* The temporary file must be in the same directory: rename() is only
       atomic within one file system. */
    char *tmp = esc_xasprintf("%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        bool ok = fail(error, path, "cannot create a file beside it", errno);
        free(tmp);
        return ok;
    }
    const char *p = data;
    size_t left = len;
    int err = 0;
    while (left && !err) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno != EINTR)
            err = errno;
        else if (n > 0) {
            p += n;
            left -= (size_t)n;
        }
    }
    /* mkstemp makes the file 0600; a report is as readable as any output. */
    mode_t mask = umask(0);
    umask(mask);
    if (!err && fchmod(fd, 0666 & ~mask) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err) {
        unlink(tmp);
        free(tmp);
        return fail(error, path, "writing failed", err);
    }
    free(tmp);
    return true;
}
