/* readfile.c - an input file read whole: model files, reports and SARIF logs. */
#include "core/base/readfile.h"
#include "core/base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

char *esc_read_file(const char *path, size_t max, size_t *len, char **error)
{
    /* O_NONBLOCK: opening a FIFO that nobody writes to would block the
       compilation forever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    struct statfs fs;
    if (fd < 0 || fstat(fd, &st) != 0) {
        *error = esc_xasprintf("cannot open: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    /* Only regular files, and pipes: models=<(generate) or /dev/stdin
       read the pipe a shell made, whose writer exists from the start.
       A named FIFO may have no writer, ever; a device could block (a
       terminal) or be consumed (a tape). */
    bool pipe = S_ISFIFO(st.st_mode) && fstatfs(fd, &fs) == 0 && fs.f_type == PIPEFS_MAGIC;
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !pipe) {
        *error = esc_xasprintf(S_ISFIFO(st.st_mode)
                                   ? "a FIFO, which may have no writer; not a file gcc-escape "
                                     "reads (a pipe such as <(generate) is)"
                                   : "not a regular file (a device or a socket); not a file "
                                     "gcc-escape reads");
        close(fd);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    FILE *f = flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 ? NULL : fdopen(fd, "rb");
    if (!f) {
        *error = esc_xasprintf("cannot open: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    /* Read in growing chunks rather than trusting the size stat gives:
       pipes and /proc files have none, and a file may grow meanwhile.
       One byte past MAX is read to tell "exactly MAX" from "more". */
    size_t n = 0, cap = 4096;
    char *text = esc_xmalloc(cap + 1);
    for (;;) {
        size_t want = cap - n;
        size_t got = fread(text + n, 1, want, f);
        n += got;
        if (got < want || n > max)
            break;
        cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
        text = esc_xrealloc(text, cap + 1);
    }
    int err = errno;
    bool bad = ferror(f);
    fclose(f);
    if (bad || n > max) {
        if (bad)
            *error = esc_xasprintf("cannot read: %s", strerror(err));
        else if (max % ((size_t)1 << 20) == 0)
            *error = esc_xasprintf("larger than %zu MiB; not a file gcc-escape reads", max >> 20);
        else
            *error = esc_xasprintf("larger than %zu bytes; not a file gcc-escape reads", max);
        free(text);
        return NULL;
    }
    text[n] = '\0';
    *len = n;
    return text;
}

size_t esc_first_nul(const char *text, size_t len)
{
    const char *nul = memchr(text, '\0', len);
    return nul ? (size_t)(nul - text) : len;
}
