/* readfile.c - unit tests of reading an input file whole: errno's words, the size limit, FIFOs. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/base/readfile.h"
#include "core/base/util.h"

static char *work; /* a fresh directory for this run */

static char *at(const char *name)
{
    return esc_xasprintf("%s/%s", work, name);
}

static void put(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        fail("cannot make the fixture %s", path);
        exit(1);
    }
}

/* The writing end of a FIFO, in a thread: dejagnu.h's own wait() rules
   out <sys/wait.h>, and so fork. */
struct fifo_end {
    int fd;
    size_t len;
    bool ok;
};

/* Write LEN bytes of 'x' into the pipe, and close it. */
static void *feed(void *arg)
{
    struct fifo_end *e = arg;
    int fd = e->fd;
    char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    size_t len = e->len;
    e->ok = fd >= 0;
    while (e->ok && len) {
        size_t n = len < sizeof chunk ? len : sizeof chunk;
        e->ok = write(fd, chunk, n) == (ssize_t)n;
        len -= n;
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}

static void reading(void)
{
    char *why = NULL;
    size_t len = 0;
    char *path = at("missing.json");
    checkf(!esc_read_file(path, 100, &len, &why) &&
               strcmp(why, "cannot open: No such file or directory") == 0,
           why, "read: a missing file cannot be opened, in errno's words");
    free(why);
    why = NULL;
    free(path);

    checkf(!esc_read_file(work, 100, &len, &why) && strcmp(why, "cannot read: Is a directory") == 0,
           why, "read: a directory cannot be read");
    free(why);
    why = NULL;

    path = at("hundred");
    char hundred[101];
    memset(hundred, 'a', 100);
    hundred[100] = '\0';
    put(path, hundred, 100);
    char *text = esc_read_file(path, 100, &len, &why);
    checkf(text && len == 100 && text[100] == '\0' && memcmp(text, hundred, 100) == 0, why,
           "read: a file of exactly the limit is read whole, NUL-terminated");
    free(text);
    put(path, hundred, 101);
    text = esc_read_file(path, 100, &len, &why);
    checkf(!text && strcmp(why, "larger than 100 bytes; not a file gcc-escape reads") == 0, why,
           "read: one byte over the limit is an error");
    free(why);
    why = NULL;
    free(path);

    /* A device is refused: a terminal would block, a tape be consumed. */
    text = esc_read_file("/dev/zero", (size_t)1 << 20, &len, &why);
    checkf(!text && strcmp(why, "not a regular file (a device or a socket); not a file "
                                "gcc-escape reads") == 0,
           why, "read: a device (/dev/zero) is refused");
    free(why);
    why = NULL;

    /* A FIFO nobody writes to is an error at once, not a wait. */
    path = at("lonely-fifo");
    if (mkfifo(path, 0600) != 0) {
        fail("read: cannot make a FIFO: %s", strerror(errno));
    } else {
        text = esc_read_file(path, ESC_READ_MAX, &len, &why);
        checkf(!text && why && strncmp(why, "a FIFO, which may have no writer", 32) == 0, why,
               "read: a named FIFO is refused at once, without waiting for a writer");
        unlink(path);
    }
    free(why);
    why = NULL;
    free(path);

    /* A pipe (what <(generate) and /dev/stdin name) is read to its end,
       past the first chunk. */
    int ends[2];
    if (pipe(ends) != 0) {
        fail("read: cannot make a pipe: %s", strerror(errno));
    } else {
        struct fifo_end writer = {.fd = ends[1], .len = 100000};
        path = esc_xasprintf("/dev/fd/%d", ends[0]);
        pthread_t thread;
        pthread_create(&thread, NULL, feed, &writer);
        text = esc_read_file(path, ESC_READ_MAX, &len, &why);
        pthread_join(thread, NULL);
        checkf(text && len == 100000 && writer.ok, why,
               "read: a pipe is read to its end (100000 bytes)");
        free(text);
        free(path);
        close(ends[0]);
    }

    checkf(esc_first_nul("ab\0c", 4) == 2 && esc_first_nul("abc", 3) == 3 &&
               esc_first_nul("", 0) == 0,
           NULL, "esc_first_nul finds the first NUL byte, or says there is none");
}

int main(void)
{
    char tmpl[] = "/tmp/escape-readfile-XXXXXX";
    work = mkdtemp(tmpl);
    if (!work) {
        fail("cannot make a work directory: %s", strerror(errno));
        return 1;
    }
    reading();
    char *cmd = esc_xasprintf("rm -rf '%s'", work);
    if (system(cmd) != 0)
        note("could not remove %s", work);
    free(cmd);
    totals();
    return failed ? 1 : 0;
}
