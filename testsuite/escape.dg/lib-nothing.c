/* C library functions that use a pointer only during the call (mem*, str*, the printf and scanf families, qsort, bsearch, strtok_r, read/write...): stack buffers handed to them stay silent. */
/* { dg-do compile } */
/* { dg-options "-D_GNU_SOURCE" } */

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static int g_sink;

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static void on_signal(int sig) { g_sink = sig; }

int mem_functions(const char *src)
{
    char a[32], b[32];
    int *pa[2];
    int x = 1;
    memcpy(a, src, sizeof a); /* { dg-bogus "\\\[escape-" } */
    memmove(b, a, sizeof b); /* { dg-bogus "\\\[escape-" } */
    memset(a, 0, sizeof a); /* { dg-bogus "\\\[escape-" } */
    pa[0] = &x;
    pa[1] = &x;
    memcpy(pa, pa + 1, sizeof pa[0]); /* { dg-bogus "\\\[escape-" } */
    char *hit = memchr(b, 'x', sizeof b); /* { dg-bogus "\\\[escape-" } */
    return memcmp(a, b, sizeof a) + (hit ? *hit : 0) + *pa[0]; /* { dg-bogus "\\\[escape-" } */
}

size_t str_functions(const char *src)
{
    char buf[64], other[64];
    char *end;
    strcpy(buf, "abc"); /* { dg-bogus "\\\[escape-" } */
    strncpy(other, src, sizeof other - 1); /* { dg-bogus "\\\[escape-" } */
    other[sizeof other - 1] = 0;
    strcat(buf, "def"); /* { dg-bogus "\\\[escape-" } */
    strncat(buf, other, 8); /* { dg-bogus "\\\[escape-" } */
    char *c = strchr(buf, 'd'); /* { dg-bogus "\\\[escape-" } */
    char *r = strrchr(buf, 'a'); /* { dg-bogus "\\\[escape-" } */
    char *s = strstr(buf, "cd"); /* { dg-bogus "\\\[escape-" } */
    long v = strtol(other, &end, 10); /* { dg-bogus "\\\[escape-" } */
    g_sink = strcmp(buf, other) + strncmp(buf, other, 3) + (int)v; /* { dg-bogus "\\\[escape-" } */
    return strlen(buf) + (c != 0) + (r != 0) + (s != 0) + (end != 0); /* { dg-bogus "\\\[escape-" } */
}

int tokens(void)
{
    char line[] = "a,b,c";
    char *save;
    int n = 0;
    for (char *t = strtok_r(line, ",", &save); t; t = strtok_r(NULL, ",", &save)) /* { dg-bogus "\\\[escape-" } */
        n += *t;
    return n;
}

static int format_into(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(out, n, fmt, ap); /* { dg-bogus "\\\[escape-" } */
    va_end(ap);
    return r;
}

int printf_and_scanf(FILE *f)
{
    char buf[64];
    int x = 0, y = 0;
    printf("%p %d\n", (void *)&x, x); /* { dg-bogus "\\\[escape-" } */
    fprintf(f, "%s\n", "text"); /* { dg-bogus "\\\[escape-" } */
    sprintf(buf, "%d", x); /* { dg-bogus "\\\[escape-" } */
    snprintf(buf, sizeof buf, "%p", (void *)buf); /* { dg-bogus "\\\[escape-" } */
    format_into(buf, sizeof buf, "%d", y); /* { dg-bogus "\\\[escape-" } */
    sscanf(buf, "%d", &y); /* { dg-bogus "\\\[escape-" } */
    if (fscanf(f, "%d %d", &x, &y) != 2) /* { dg-bogus "\\\[escape-" } */
        return -1;
    if (!fgets(buf, sizeof buf, f)) /* { dg-bogus "\\\[escape-" } */
        return -1;
    puts(buf); /* { dg-bogus "\\\[escape-" } */
    fputs(buf, f); /* { dg-bogus "\\\[escape-" } */
    return x + y;
}

int sort_and_search(void)
{
    int a[5] = { 5, 3, 1, 4, 2 };
    int key = 4;
    qsort(a, 5, sizeof a[0], cmp_int); /* { dg-bogus "\\\[escape-" } */
    int *hit = bsearch(&key, a, 5, sizeof a[0], cmp_int); /* { dg-bogus "\\\[escape-" } */
    return hit ? *hit : -1; /* { dg-bogus "\\\[escape-" } */
}

ssize_t io(int fd, FILE *f)
{
    char buf[128];
    struct iovec iov[1] = { { buf, sizeof buf } };
    struct pollfd pfd = { fd, POLLIN, 0 };
    ssize_t n = read(fd, buf, sizeof buf); /* { dg-bogus "\\\[escape-" } */
    n += write(fd, buf, sizeof buf); /* { dg-bogus "\\\[escape-" } */
    n += pread(fd, buf, sizeof buf, 0); /* { dg-bogus "\\\[escape-" } */
    n += readv(fd, iov, 1); /* { dg-bogus "\\\[escape-" } */
    n += (ssize_t)fread(buf, 1, sizeof buf, f); /* { dg-bogus "\\\[escape-" } */
    n += (ssize_t)fwrite(buf, 1, sizeof buf, f); /* { dg-bogus "\\\[escape-" } */
    n += poll(&pfd, 1, 0); /* { dg-bogus "\\\[escape-" } */
    return n;
}

long system_queries(const char *path)
{
    struct stat st;
    struct timespec ts, rem;
    time_t now;
    struct sigaction sa, old;
    time(&now); /* { dg-bogus "\\\[escape-" } */
    clock_gettime(CLOCK_MONOTONIC, &ts); /* { dg-bogus "\\\[escape-" } */
    nanosleep(&ts, &rem); /* { dg-bogus "\\\[escape-" } */
    if (stat(path, &st) != 0) /* { dg-bogus "\\\[escape-" } */
        return -1;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, &old); /* { dg-bogus "\\\[escape-" } */
    return (long)st.st_size + (long)now;
}

int local_mutex(void)
{
    pthread_mutex_t m;
    int v = 0;
    pthread_mutex_init(&m, NULL); /* { dg-bogus "\\\[escape-" } */
    pthread_mutex_lock(&m); /* { dg-bogus "\\\[escape-" } */
    v++;
    pthread_mutex_unlock(&m); /* { dg-bogus "\\\[escape-" } */
    pthread_mutex_destroy(&m); /* { dg-bogus "\\\[escape-" } */
    return v;
}

/* getline stores heap memory into the caller's slots: nothing of the stack. */
size_t read_line(FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f); /* { dg-bogus "\\\[escape-" } */
    free(line);
    return n < 0 ? 0 : (size_t)n;
}
