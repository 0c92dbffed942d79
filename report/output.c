/* output.c - report files written whole or not at all, one per translation unit when given a
 * directory. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "report/output.h"
#include "core/base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

char *esc_output_path(const char *target, const char *source, const char *ext)
{
    struct stat st;
    if (stat(target, &st) != 0 || !S_ISDIR(st.st_mode))
        return esc_xstrdup(target);
    while (source[0] == '.' && source[1] == '/')
        source += 2; /* "./a.c" is "a.c": one file, one report */
    /* Percent-encoding, of '/' and of '%' itself, so that the name maps
       back to one source: with '/' turned into '_', "a/b_c.c" and
       "a_b/c.c" were both "a_b_c.c.json", and one unit replaced the
       other's report.  The source's own file name stays as it is. */
    struct esc_strbuf name = {0};
    size_t len = strlen(target);
    esc_strbuf_addf(&name, "%s%s", target, len && target[len - 1] == '/' ? "" : "/");
    for (const char *p = *source ? source : "unit"; *p; p++) {
        if (*p == '/')
            esc_strbuf_add(&name, "%2F");
        else if (*p == '%')
            esc_strbuf_add(&name, "%25");
        else
            esc_strbuf_addn(&name, p, 1);
    }
    esc_strbuf_add(&name, ext);
    return esc_strbuf_finish(&name);
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

/* PATH made absolute and reduced by its words alone: "." and empty
   components dropped, ".." taking the one before it away. */
static char *lexical(const char *path)
{
    struct esc_strbuf out = {0};
    char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
    char *whole = esc_xasprintf("%s/%s", cwd ? cwd : "", path);
    free(cwd);
    esc_strbuf_add(&out, "");
    for (char *save = NULL, *word = strtok_r(whole, "/", &save); word;
         word = strtok_r(NULL, "/", &save)) {
        if (strcmp(word, ".") == 0)
            continue;
        if (strcmp(word, "..") == 0) {
            char *last = strrchr(out.text, '/');
            out.len = last ? (size_t)(last - out.text) : 0;
            out.text[out.len] = '\0';
            continue;
        }
        esc_strbuf_addf(&out, "/%s", word);
    }
    free(whole);
    if (!out.len)
        esc_strbuf_add(&out, "/");
    return esc_strbuf_finish(&out);
}

/* The absolute name of the file PATH would write: links followed, and
   its directory resolved by realpath when it exists. */
static char *canonical(const char *path)
{
    bool stream;
    char *real = follow_links(path, &stream);
    if (!real)
        real = esc_xstrdup(path);
    char *slash = strrchr(real, '/');
    const char *base = slash ? slash + 1 : real;
    char *dir = slash ? esc_xasprintf("%.*s", (int)(slash - real), real) : esc_xstrdup(".");
    char *resolved = realpath(*dir ? dir : "/", NULL);
    char *out;
    if (resolved && *base && strcmp(base, ".") != 0 && strcmp(base, "..") != 0)
        out = esc_xasprintf("%s/%s", strcmp(resolved, "/") == 0 ? "" : resolved, base);
    else
        out = lexical(real);
    free(resolved);
    free(dir);
    free(real);
    return out;
}

bool esc_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (strcmp(a, b) == 0)
        return true;
    char *ca = canonical(a), *cb = canonical(b);
    bool same = strcmp(ca, cb) == 0;
    free(ca);
    free(cb);
    return same;
}

/* --- writing ------------------------------------------------------------ */

/* Signals held while a temporary file exists or a stream is written. */
struct held {
    struct sigaction xfsz, pipe;
    sigset_t mask;
};

/* SIGXFSZ and SIGPIPE are ignored, so that a file size limit or a reader
   gone is the error write() returns (EFBIG, EPIPE) rather than the end of
   the process (cc1 reported "internal compiler error: File size limit
   exceeded" and left its temporary file); the signals that end a build
   (^C, make -k's TERM) wait until the temporary file is gone. */
static void hold_signals(struct held *h)
{
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGXFSZ, &ignore, &h->xfsz);
    sigaction(SIGPIPE, &ignore, &h->pipe);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigaddset(&block, SIGQUIT);
    sigprocmask(SIG_BLOCK, &block, &h->mask);
}

static void release_signals(const struct held *h)
{
    sigaction(SIGXFSZ, &h->xfsz, NULL);
    sigaction(SIGPIPE, &h->pipe, NULL);
    sigprocmask(SIG_SETMASK, &h->mask, NULL);
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
    struct held held;
    hold_signals(&held);
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    int err = fd < 0 ? errno : write_all(fd, data, len);
    if (fd >= 0 && close(fd) != 0 && !err)
        err = errno;
    release_signals(&held);
    if (fd < 0)
        return fail(error, path, "cannot open it", err);
    return err ? fail(error, path, "writing failed", err) : true;
}

/* Create the temporary file beside REAL, "REAL.tmp.N" for the first N
   that is free.  Names that the next run tries again, rather than
   mkstemp's random ones, so that a file left by a run killed outright
   (kill -9, a crash, a machine that went down) is found without reading
   the directory (which cost 17 ms a report beside 10,000 others) and
   reused: one of ours (this user's regular file) older than
   ESC_STALE_SECONDS, while another build that writes the same report
   now is never touched.  Past 16 writers at once, mkstemp's names.
   Returns the descriptor and sets *TMP, or -1 with errno set (and *TMP
   set to NULL or the name that could not be made: the caller frees it). */
static int create_temporary(const char *real, char **tmp)
{
    time_t now = time(NULL);
    for (int n = 0; n < 16; n++) {
        char *name = esc_xasprintf("%s.tmp.%d", real, n);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        struct stat st;
        if (fd < 0 && errno == EEXIST && lstat(name, &st) == 0 && S_ISREG(st.st_mode) &&
            st.st_uid == geteuid() && now - st.st_mtime > ESC_STALE_SECONDS && unlink(name) == 0)
            fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            *tmp = name;
            return fd;
        }
        int err = errno;
        free(name);
        if (err != EEXIST) {
            *tmp = NULL;
            errno = err;
            return -1;
        }
    }
    *tmp = esc_xasprintf("%s.tmp.XXXXXX", real);
    return mkstemp(*tmp);
}

/* What esc_check_output and esc_write_file refuse before touching
   anything; *REAL is then the file to replace, or NULL when PATH is
   written in place. */
static bool where_to_write(const char *path, char **real, char **error)
{
    *real = NULL;
    if (!*path)
        return refuse(error, path, "empty file name");
    struct stat st;
    size_t plen = strlen(path);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return refuse(error, path, "it is a directory");
    if (path[plen - 1] == '/')
        return refuse(error, path, "no such directory");
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return true;
    bool stream;
    char *file = follow_links(path, &stream);
    if (!file)
        return fail(error, path, "cannot follow its symbolic links", errno);
    if (stream)
        free(file);
    else
        *real = file;
    return true;
}

bool esc_check_output(const char *path, char **error)
{
    char *real;
    if (!where_to_write(path, &real, error))
        return false;
    if (!real)
        return true;
    /* Made and removed at once: the directory takes a new file now.  The
       report is still written at the end, whole, by esc_write_file. */
    struct held held;
    hold_signals(&held);
    char *tmp;
    int fd = create_temporary(real, &tmp);
    int err = errno;
    if (fd >= 0) {
        close(fd);
        unlink(tmp);
    }
    release_signals(&held);
    free(tmp);
    free(real);
    return fd >= 0 ? true : fail(error, path, "cannot create a file beside it", err);
}

bool esc_write_file(const char *path, const char *data, size_t len, char **error)
{
    char *real;
    if (!where_to_write(path, &real, error))
        return false;
    if (!real)
        return write_in_place(path, data, len, error);
    /* The file replaced keeps its mode (a report kept private, 0600,
       stays so); a new one is as readable as any output. */
    struct stat st;
    mode_t mode;
    if (stat(real, &st) == 0 && S_ISREG(st.st_mode)) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    struct held held;
    hold_signals(&held);
    /* The temporary file must be in the same directory as the file it
       replaces: rename() is only atomic within one file system. */
    char *tmp;
    int fd = create_temporary(real, &tmp);
    bool ok;
    if (fd < 0) {
        ok = fail(error, path, "cannot create a file beside it", errno);
    } else {
        int err = write_all(fd, data, len);
        if (!err && fchmod(fd, mode) != 0)
            err = errno;
        if (close(fd) != 0 && !err)
            err = errno;
        if (!err && rename(tmp, real) != 0)
            err = errno;
        if (err)
            unlink(tmp);
        ok = err ? fail(error, path, "writing failed", err) : true;
    }
    release_signals(&held);
    free(tmp);
    free(real);
    return ok;
}
