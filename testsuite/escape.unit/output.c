/* output.c - unit tests of writing a report file whole or not at all: links, FIFOs, failures. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "core/base/readfile.h"
#include "core/base/util.h"
#include "report/output.h"

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

/* The file's contents, or NULL; *LEN its size. */
static char *get(const char *path, size_t *len)
{
    char *why = NULL;
    char *text = esc_read_file(path, ESC_READ_MAX, len, &why);
    free(why);
    return text;
}

static bool holds(const char *path, const char *want)
{
    size_t len;
    char *text = get(path, &len);
    bool same = text && len == strlen(want) && memcmp(text, want, len) == 0;
    free(text);
    return same;
}

/* No "NAME.tmp.XXXXXX" left in the work directory. */
static bool no_temporaries(void)
{
    DIR *d = opendir(work);
    bool clean = d != NULL;
    for (struct dirent *e = d ? readdir(d) : NULL; e; e = readdir(d))
        if (strstr(e->d_name, ".tmp."))
            clean = false;
    if (d)
        closedir(d);
    return clean;
}

static bool starts_with(const char *text, const char *prefix)
{
    return text && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* The reading end of a FIFO, in a thread: dejagnu.h's own wait() rules
   out <sys/wait.h>, and so fork. */
struct fifo_end {
    const char *path, *out;
    size_t len;
    bool ok;
};

/* Read the FIFO into OUT (not with esc_read_file, which refuses FIFOs). */
static void *drain(void *arg)
{
    struct fifo_end *e = arg;
    int fd = open(e->path, O_RDONLY);
    char text[4096];
    size_t len = 0;
    for (ssize_t n;
         fd >= 0 && len < sizeof text && (n = read(fd, text + len, sizeof text - len)) > 0;)
        len += (size_t)n;
    if (fd >= 0) {
        close(fd);
        put(e->out, text, len);
    }
    e->ok = fd >= 0;
    return NULL;
}

static void writing(void)
{
    char *error = NULL;
    char *path = at("report.json");
    checkf(esc_write_file(path, "new\n", 4, &error) && holds(path, "new\n") && no_temporaries(),
           error, "write: a new file is written whole, no temporary left");
    checkf(esc_write_file(path, "second\n", 7, &error) && holds(path, "second\n"), error,
           "write: an existing file is replaced whole");

    /* A symbolic link is written through: the link stays a link. */
    char *link = at("link.json");
    struct stat st;
    if (symlink("report.json", link) != 0)
        fail("write: cannot make a symbolic link: %s", strerror(errno));
    checkf(esc_write_file(link, "through\n", 8, &error) && lstat(link, &st) == 0 &&
               S_ISLNK(st.st_mode) && holds(path, "through\n"),
           error, "write: through a symbolic link, the file it names is replaced, not the link");
    free(link);

    link = at("dangling.json");
    char *target = at("created.json");
    if (symlink("created.json", link) != 0)
        fail("write: cannot make a symbolic link: %s", strerror(errno));
    checkf(esc_write_file(link, "made\n", 5, &error) && lstat(link, &st) == 0 &&
               S_ISLNK(st.st_mode) && holds(target, "made\n"),
           error, "write: through a dangling symbolic link, the file it names is created");
    free(link);
    free(target);

    char *loop1 = at("loop1"), *loop2 = at("loop2");
    if (symlink("loop2", loop1) != 0 || symlink("loop1", loop2) != 0)
        fail("write: cannot make a symbolic link: %s", strerror(errno));
    checkf(!esc_write_file(loop1, "x", 1, &error) &&
               starts_with(strstr(error, "cannot follow its symbolic links"),
                           "cannot follow its symbolic links: Too many levels") &&
               lstat(loop1, &st) == 0 && S_ISLNK(st.st_mode),
           error, "write: a loop of symbolic links is an error, and the links stay");
    free(error);
    error = NULL;
    free(loop1);
    free(loop2);

    /* A FIFO is written in place: renaming over it would replace it. */
    char *fifo = at("fifo.json"), *copy = at("copy.json");
    if (mkfifo(fifo, 0600) != 0) {
        fail("write: cannot make a FIFO: %s", strerror(errno));
    } else {
        struct fifo_end reader = {.path = fifo, .out = copy};
        pthread_t thread;
        pthread_create(&thread, NULL, drain, &reader);
        bool written = esc_write_file(fifo, "piped\n", 6, &error);
        pthread_join(thread, NULL);
        checkf(written && reader.ok && holds(copy, "piped\n") && stat(fifo, &st) == 0 &&
                   S_ISFIFO(st.st_mode),
               error, "write: a FIFO is written in place and stays a FIFO");
    }
    free(fifo);
    free(copy);

    /* Unwritable places: one message naming the path, nothing created. */
    char *missing = at("missing/report.json");
    char *trailing = at("nodir/");
    char *under_file = esc_xasprintf("%s/x", path);
    const struct {
        const char *what, *path, *want;
    } bad[] = {
        {"a directory", work, "it is a directory"},
        {"an empty name", "", "empty file name"},
        {"DIR/ that does not exist", trailing, "no such directory"},
        {"a file in a missing directory", missing,
         "cannot create a file beside it: No such file or directory"},
        {"a file under a file", under_file, "cannot create a file beside it: Not a directory"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *want = esc_xasprintf("cannot write '%s': %s", bad[i].path, bad[i].want);
        bool ok = !esc_write_file(bad[i].path, "x", 1, &error) && error &&
                  strcmp(error, want) == 0 && no_temporaries();
        checkf(ok, error, "write: %s is one message: %s", bad[i].what, bad[i].want);
        free(want);
        free(error);
        error = NULL;
    }
    free(missing);
    free(trailing);
    free(under_file);

    /* A write that fails part-way (here: over the file size limit, as a
       full disk would) leaves the old file as it was and no temporary. */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit old, small = {.rlim_cur = 8};
    getrlimit(RLIMIT_FSIZE, &old);
    small.rlim_max = old.rlim_max;
    setrlimit(RLIMIT_FSIZE, &small);
    bool ok = !esc_write_file(path, "far more than eight bytes\n", 26, &error);
    setrlimit(RLIMIT_FSIZE, &old);
    checkf(ok && strstr(error, "writing failed: File too large") && holds(path, "through\n") &&
               no_temporaries(),
           error, "write: a write that fails part-way leaves the old file whole, and no temporary");
    free(error);
    free(path);
}

/* Per-unit names in a directory: one-to-one, so two units never share a report. */
static void naming(void)
{
    const char *sources[] = {"a/b_c.c", "a_b/c.c", "a%2Fb_c.c", "/a.c", "a.c", "a//b.c", "a/_b.c"};
    const size_t n = sizeof sources / sizeof sources[0];
    char *names[sizeof sources / sizeof sources[0]];
    for (size_t i = 0; i < n; i++)
        names[i] = esc_output_path(work, sources[i], ".json");
    bool distinct = true;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(names[i], names[k]) == 0) {
                fail("names: '%s' and '%s' both give %s", sources[i], sources[k], names[i]);
                distinct = false;
            }
    check(distinct, "names: seven sources that used to collide get seven names");
    char *want = esc_xasprintf("%s/a%%2Fb_c.c.json", work);
    checkf(strcmp(names[0], want) == 0, names[0], "names: a/b_c.c -> DIR/a%%2Fb_c.c.json");
    free(want);
    char *dot = esc_output_path(work, "./a.c", ".json");
    checkf(strcmp(dot, names[4]) == 0, dot, "names: ./a.c and a.c are one file, one report");
    free(dot);
    char *file = at("plain.json");
    char *same = esc_output_path(file, "x.c", ".json");
    checkf(strcmp(same, file) == 0, same, "names: a target that is no directory is the file");
    free(same);
    free(file);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
}

/* Two names of one file: by inode when it exists, by name when not yet. */
static void same_files(void)
{
    char *a = at("same.json"), *dot = esc_xasprintf("%s/./same.json", work);
    char *up = esc_xasprintf("%s/sub/../same.json", work), *other = at("other.json");
    char *sub = at("sub");
    mkdir(sub, 0700);
    check(esc_same_file(a, dot) && esc_same_file(a, up) && !esc_same_file(a, other),
          "same file: not there yet, equal once '.' and '..' are resolved");
    put(a, "x", 1);
    char *link = at("same-link.json");
    if (symlink("same.json", link) != 0)
        fail("same file: cannot make a symbolic link: %s", strerror(errno));
    check(esc_same_file(a, link) && esc_same_file(link, dot), "same file: a link to it");
    char *dangling = at("dangling-same.json"), *target = at("later.json");
    if (symlink("later.json", dangling) != 0)
        fail("same file: cannot make a symbolic link: %s", strerror(errno));
    check(esc_same_file(dangling, target), "same file: a dangling link and the file it names");
    unlink(dangling);
    unlink(link);
    unlink(a);
    rmdir(sub);
    free(a);
    free(dot);
    free(up);
    free(other);
    free(sub);
    free(link);
    free(dangling);
    free(target);
}

/* Checked before the work: the same errors esc_write_file gives, and
   nothing left behind. */
static void checking(void)
{
    char *error = NULL;
    char *ok = at("checked.json"), *missing = at("missing/r.json"), *trailing = at("nodir/");
    checkf(esc_check_output(ok, &error) && access(ok, F_OK) != 0 && no_temporaries(), error,
           "check: a writable place passes, and no file is made");
    char *want = esc_xasprintf("cannot write '%s': cannot create a file beside it: No such file "
                               "or directory",
                               missing);
    checkf(!esc_check_output(missing, &error) && strcmp(error, want) == 0, error,
           "check: a missing directory is the error writing would give");
    free(error);
    free(want);
    want = esc_xasprintf("cannot write '%s': no such directory", trailing);
    error = NULL;
    checkf(!esc_check_output(trailing, &error) && strcmp(error, want) == 0, error,
           "check: DIR/ with no such directory");
    free(error);
    free(want);
    free(ok);
    free(missing);
    free(trailing);
}

/* The file replaced keeps its mode; old temporary files of ours go. */
static void keeping(void)
{
    char *error = NULL;
    char *path = at("private.json");
    put(path, "old\n", 4);
    chmod(path, 0600);
    struct stat st;
    checkf(esc_write_file(path, "new\n", 4, &error) && stat(path, &st) == 0 &&
               (st.st_mode & 07777) == 0600 && holds(path, "new\n"),
           error, "mode: a 0600 report replaced stays 0600");
    char *stale = at("private.json.tmp.0"), *fresh = at("private.json.tmp.1");
    put(stale, "half", 4);
    struct timespec old[2] = {{.tv_sec = time(NULL) - 2 * ESC_STALE_SECONDS},
                              {.tv_sec = time(NULL) - 2 * ESC_STALE_SECONDS}};
    utimensat(AT_FDCWD, stale, old, 0);
    checkf(esc_write_file(path, "newer\n", 6, &error) && no_temporaries(), error,
           "stale: an old temporary file of ours is reused, and gone");
    put(stale, "half", 4);
    checkf(esc_write_file(path, "newest\n", 7, &error) && holds(stale, "half") &&
               access(fresh, F_OK) != 0 && holds(path, "newest\n"),
           error, "stale: a fresh one (another writer's) is left alone, the next name used");
    unlink(stale);
    free(stale);
    free(fresh);
    free(path);

    /* SIGXFSZ at its default, which ends the process: the limit is an
       error all the same, and the signal is as it was afterwards. */
    signal(SIGXFSZ, SIG_DFL);
    path = at("limited.json");
    struct rlimit was, small = {.rlim_cur = 8};
    getrlimit(RLIMIT_FSIZE, &was);
    small.rlim_max = was.rlim_max;
    setrlimit(RLIMIT_FSIZE, &small);
    bool refused = !esc_write_file(path, "far more than eight bytes\n", 26, &error);
    setrlimit(RLIMIT_FSIZE, &was);
    struct sigaction now;
    sigaction(SIGXFSZ, NULL, &now);
    checkf(refused && strstr(error, "File too large") && access(path, F_OK) != 0 &&
               no_temporaries() && now.sa_handler == SIG_DFL,
           error, "limit: SIGXFSZ not ignored by the caller: an error, not the end");
    free(error);
    free(path);
}

int main(void)
{
    char tmpl[] = "/tmp/escape-output-XXXXXX";
    work = mkdtemp(tmpl);
    if (!work) {
        fail("cannot make a work directory: %s", strerror(errno));
        return 1;
    }
    writing();
    naming();
    same_files();
    checking();
    keeping();
    char *cmd = esc_xasprintf("rm -rf '%s'", work);
    if (system(cmd) != 0)
        note("could not remove %s", work);
    free(cmd);
    totals();
    return failed ? 1 : 0;
}
