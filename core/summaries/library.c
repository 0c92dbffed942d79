/* library.c - the built-in table of C library and POSIX pointer effects. */
#include "core/summaries/library.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by name (a unit test checks it), so lookup is a binary search.
   Functions that merely read their pointer arguments need no entry: an
   unmodelled callee is assumed to keep nothing for warnings.  An entry is
   here because the function allocates, frees, hands back a pointer derived
   from an argument, or moves pointers between memory it is given. */
#define RET(n) .returns_arg = n
#define COPY(d, s) .copy_dst = d, .copy_src = s
#define STORE(d, v) .store_dst = d, .store_val = v
#define FILL(d, n) .fill_dst = d, .fill_size = n
/* <aio.h>'s LIO_WAIT, without including it: the core builds anywhere. */
#define LIO_WAIT_VALUE 0
/* <sys/epoll.h>'s EPOLL_CTL_DEL, the same on every Linux architecture. */
#define EPOLL_CTL_DEL_VALUE 2
#define KEEPS(n) .keeps = ESC_LIB_ARG(n)
#define KEEPS_DEEP(n) .keeps_deep = ESC_LIB_ARG(n)
static const struct esc_lib_entry table[] = {
    /* GCC's atomic built-ins, by their generic names (esc_lib_lookup maps
       __atomic_store_8 to __atomic_store_n): `atomic_store (&ap, &x)` and
       `ap = &x` on an _Atomic pointer become __atomic_store_8 with the
       address converted to an integer, which still carries it. */
    {"__atomic_compare_exchange", COPY(1, 3),
     .why = "stores *desired into *ptr (and *ptr into *expected on failure)"},
    {"__atomic_compare_exchange_n", STORE(1, 3),
     .why = "stores the desired value into *ptr (and *ptr into *expected on failure)"},
    {"__atomic_exchange", COPY(1, 2), .why = "stores *val into *ptr"},
    {"__atomic_exchange_n", STORE(1, 2), .returns_load = 1,
     .why = "stores the value into *ptr and returns the old one"},
    {"__atomic_load", COPY(2, 1), .why = "copies *ptr into *ret"},
    {"__atomic_load_n", .returns_load = 1, .why = "returns *ptr"},
    {"__atomic_store", COPY(1, 2), .why = "stores *val into *ptr"},
    {"__atomic_store_n", STORE(1, 2), .why = "stores the value into *ptr"},
    /* glibc's CMSG_NXTHDR, an extern inline function that -O0 calls
       instead of inlining: without this, an unknown callee that may write
       into the msghdr, which -O2 does not see. */
    {"__cmsg_nxthdr", RET(2), .why = "glibc: returns the control header after its argument's"},
    {"__sync_bool_compare_and_swap_n", STORE(1, 3), .why = "may store the new value into *ptr"},
    {"__sync_lock_test_and_set_n", STORE(1, 2), .returns_load = 1,
     .why = "stores the value into *ptr and returns the old one"},
    {"__sync_val_compare_and_swap_n", STORE(1, 3), .returns_load = 1,
     .why = "may store the new value into *ptr; returns the old one"},
    {"_exit", .why = "uses its arguments only during the call"},
    {"abort", .why = "uses its arguments only during the call"},
    {"accept", .why = "uses its arguments only during the call"},
    {"access", .why = "uses its arguments only during the call"},
    {"aio_fsync", KEEPS(2), KEEPS_DEEP(2),
     .why = "the control block and its buffer are used until the I/O completes"},
    {"aio_fsync64", KEEPS(2), KEEPS_DEEP(2),
     .why = "the control block and its buffer are used until the I/O completes"},
    {"aio_read", KEEPS(1), KEEPS_DEEP(1),
     .why = "the control block and its buffer are used until the I/O completes"},
    {"aio_read64", KEEPS(1), KEEPS_DEEP(1),
     .why = "the control block and its buffer are used until the I/O completes"},
    {"aio_write", KEEPS(1), KEEPS_DEEP(1),
     .why = "the control block and its buffer are used until the I/O completes"},
    {"aio_write64", KEEPS(1), KEEPS_DEEP(1),
     .why = "the control block and its buffer are used until the I/O completes"},
    {"aligned_alloc", ESC_ALLOC_HEAP, .size_arg = 2, .why = "C11: returns fresh heap memory"},
    {"alloca", ESC_ALLOC_STACK, .size_arg = 1, .why = "memory in the caller's frame"},
    {"alloca_with_align", ESC_ALLOC_STACK, .size_arg = 1,
     .why = "GCC's alloca for variable-length arrays"},
    {"alloca_with_align_and_max", ESC_ALLOC_STACK, .size_arg = 1,
     .why = "GCC's bounded alloca for variable-length arrays"},
    {"asctime_r", RET(2), .why = "returns its buffer argument"},
    {"asprintf", ESC_ALLOC_HEAP, .alloc_out_arg = 1, .why = "stores fresh heap memory into *strp"},
    {"assume_aligned", RET(1), .why = "GCC builtin: returns its pointer argument"},
    {"atof", .why = "uses its arguments only during the call"},
    {"atoi", .why = "uses its arguments only during the call"},
    {"atol", .why = "uses its arguments only during the call"},
    {"atoll", .why = "uses its arguments only during the call"},
    {"basename", RET(1), .why = "GNU: returns a pointer into its argument"},
    {"bind", .why = "uses its arguments only during the call"},
    {"bsearch", RET(2), .why = "returns a pointer into the searched array"},
    {"bzero", FILL(1, 2), .why = "overwrites memory with zeros"},
    {"calloc", ESC_ALLOC_HEAP, .size_arg = 2, .count_arg = 1, .why = "returns fresh heap memory"},
    {"chdir", .why = "uses its arguments only during the call"},
    {"clearerr", .why = "uses its arguments only during the call"},
    {"clock_gettime", .why = "uses its arguments only during the call"},
    {"close", .why = "uses its arguments only during the call"},
    {"closedir", .why = "uses its arguments only during the call"},
    {"connect", .why = "uses its arguments only during the call"},
    {"ctime_r", RET(2), .why = "returns its buffer argument"},
    {"dprintf", .why = "uses its arguments only during the call"},
    {"dup", .why = "uses its arguments only during the call"},
    {"dup2", .why = "uses its arguments only during the call"},
    {"epoll_ctl", KEEPS_DEEP(4), .wait_arg = 2, .wait_value = EPOLL_CTL_DEL_VALUE,
     .wait_name = "EPOLL_CTL_DEL",
     .why = "the kernel keeps event->data.ptr for epoll_wait; EPOLL_CTL_DEL ignores the event"},
    {"execv", .why = "uses its arguments only during the call"},
    {"execve", .why = "uses its arguments only during the call"},
    {"execvp", .why = "uses its arguments only during the call"},
    {"exit", .why = "uses its arguments only during the call"},
    {"explicit_bzero", FILL(1, 2), .why = "overwrites memory with zeros"},
    {"fclose", .releases = 1, .why = "closes the stream: what it kept is released"},
    {"fcntl", .why = "uses its arguments only during the call"},
    {"feof", .why = "uses its arguments only during the call"},
    {"ferror", .why = "uses its arguments only during the call"},
    {"fflush", .why = "uses its arguments only during the call"},
    {"fgetc", .why = "uses its arguments only during the call"},
    {"fgets", RET(1), .why = "returns its buffer argument"},
    {"fgetws", RET(1), .why = "returns its buffer argument"},
    {"fileno", .why = "uses its arguments only during the call"},
    {"fmemopen", KEEPS(1), .owner_arg = ESC_LIB_RESULT,
     .why = "the stream reads and writes the buffer until fclose"},
    {"fopen", .why = "uses its arguments only during the call"},
    {"fopencookie", KEEPS(1), .owner_arg = ESC_LIB_RESULT,
     .why = "the stream passes the cookie to its callbacks until fclose"},
    {"fprintf", .why = "uses its arguments only during the call"},
    {"fputc", .why = "uses its arguments only during the call"},
    {"fputs", .why = "uses its arguments only during the call"},
    {"fread", .why = "uses its arguments only during the call"},
    {"free", .frees_arg = 1, .why = "releases heap memory"},
    {"fscanf", .why = "uses its arguments only during the call"},
    {"fseek", .why = "uses its arguments only during the call"},
    {"fstat", .why = "uses its arguments only during the call"},
    {"ftell", .why = "uses its arguments only during the call"},
    {"fwrite", .why = "uses its arguments only during the call"},
    {"getc", .why = "uses its arguments only during the call"},
    {"getchar", .why = "uses its arguments only during the call"},
    {"getcwd", RET(1), .why = "returns its buffer argument"},
    {"getenv", .why = "uses its arguments only during the call"},
    {"getopt", .why = "uses its arguments only during the call"},
    {"getopt_long", .why = "uses its arguments only during the call"},
    {"gets", RET(1), .why = "returns its buffer argument"},
    {"gettimeofday", .why = "uses its arguments only during the call"},
    {"gmtime_r", RET(2), .why = "returns its result argument"},
    {"index", RET(1), .why = "returns a pointer into its string argument"},
    {"inet_ntop", RET(3), .why = "returns its buffer argument"},
    {"inet_pton", .why = "uses its arguments only during the call"},
    {"initstate", KEEPS(2), .why = "random() keeps using the state array"},
    {"ioctl", .why = "uses its arguments only during the call"},
    {"isatty", .why = "uses its arguments only during the call"},
    {"kill", .why = "uses its arguments only during the call"},
    {"lfind", RET(2), .why = "returns a pointer into the searched array"},
    {"lio_listio", KEEPS_DEEP(2), .wait_arg = 1, .wait_value = LIO_WAIT_VALUE,
     .wait_name = "LIO_WAIT",
     .why = "the listed control blocks are used until their I/O completes"},
    {"lio_listio64", KEEPS_DEEP(2), .wait_arg = 1, .wait_value = LIO_WAIT_VALUE,
     .wait_name = "LIO_WAIT",
     .why = "the listed control blocks are used until their I/O completes"},
    {"listen", .why = "uses its arguments only during the call"},
    {"localtime_r", RET(2), .why = "returns its result argument"},
    {"lsearch", RET(2), .why = "returns a pointer into the searched array"},
    {"lseek", .why = "uses its arguments only during the call"},
    {"lstat", .why = "uses its arguments only during the call"},
    {"makecontext", .why = "only writes into *ucp, which then holds the stack and uc_link"},
    {"malloc", ESC_ALLOC_HEAP, .size_arg = 1, .why = "returns fresh heap memory"},
    {"memalign", ESC_ALLOC_HEAP, .size_arg = 2, .why = "returns fresh heap memory"},
    {"memccpy", RET(1), COPY(1, 2), .why = "copies memory; returns a pointer into the destination"},
    {"memchr", RET(1), .why = "returns a pointer into its argument"},
    {"memcmp", .why = "uses its arguments only during the call"},
    {"memcpy", RET(1), COPY(1, 2), FILL(1, 3), .why = "copies memory; returns the destination"},
    {"memmem", RET(1), .why = "returns a pointer into its first argument"},
    {"memmove", RET(1), COPY(1, 2), FILL(1, 3), .why = "copies memory; returns the destination"},
    {"mempcpy", RET(1), COPY(1, 2), FILL(1, 3),
     .why = "copies memory; returns a pointer into the destination"},
    {"memrchr", RET(1), .why = "returns a pointer into its argument"},
    {"memset", RET(1), FILL(1, 3), .why = "fills memory; returns the destination"},
    {"mkdir", .why = "uses its arguments only during the call"},
    {"mmap", .why = "uses its arguments only during the call"},
    {"mq_notify", KEEPS_DEEP(2), .why = "the notification delivers sevp->sigev_value later"},
    {"munmap", .why = "uses its arguments only during the call"},
    {"nanosleep", .why = "uses its arguments only during the call"},
    {"on_exit", KEEPS(2), .why = "the argument is passed to the handler at exit"},
    {"open", .why = "uses its arguments only during the call"},
    {"open_memstream", .keeps = ESC_LIB_ARG(1) | ESC_LIB_ARG(2), .owner_arg = ESC_LIB_RESULT,
     .why = "the stream updates *ptr and *sizeloc until fclose"},
    {"open_wmemstream", .keeps = ESC_LIB_ARG(1) | ESC_LIB_ARG(2), .owner_arg = ESC_LIB_RESULT,
     .why = "the stream updates *ptr and *sizeloc until fclose"},
    {"openlog", KEEPS(1), .why = "syslog keeps using the ident string"},
    {"perror", .why = "uses its arguments only during the call"},
    {"poll", .why = "uses its arguments only during the call"},
    {"posix_memalign", ESC_ALLOC_HEAP, .size_arg = 3, .alloc_out_arg = 1,
     .why = "stores fresh heap memory into *memptr"},
    {"pread", .why = "uses its arguments only during the call"},
    {"printf", .why = "uses its arguments only during the call"},
    {"pthread_attr_setstack", STORE(1, 2), .why = "the attributes record the stack address"},
    {"pthread_cond_broadcast", .why = "uses its arguments only during the call"},
    {"pthread_cond_destroy", .why = "uses its arguments only during the call"},
    {"pthread_cond_init", .why = "uses its arguments only during the call"},
    {"pthread_cond_signal", .why = "uses its arguments only during the call"},
    {"pthread_cond_wait", .why = "uses its arguments only during the call"},
    {"pthread_create", .thread_arg = 4, .thread_handle = 1,
     .why = "the new thread receives the argument"},
    {"pthread_detach", .why = "uses its arguments only during the call"},
    {"pthread_join", .joins = 1, .why = "waits until the thread has finished"},
    {"pthread_mutex_destroy", .why = "uses its arguments only during the call"},
    {"pthread_mutex_init", .why = "uses its arguments only during the call"},
    {"pthread_mutex_lock", .why = "uses its arguments only during the call"},
    {"pthread_mutex_unlock", .why = "uses its arguments only during the call"},
    {"pthread_once", .why = "uses its arguments only during the call"},
    {"pthread_setspecific", KEEPS(2), .why = "the value stays with the thread until replaced"},
    {"pthread_sigmask", .why = "uses its arguments only during the call"},
    {"putc", .why = "uses its arguments only during the call"},
    {"putchar", .why = "uses its arguments only during the call"},
    {"putenv", KEEPS(1), .why = "the string itself becomes part of the environment"},
    {"puts", .why = "uses its arguments only during the call"},
    {"pvalloc", ESC_ALLOC_HEAP, .size_arg = 1, .why = "returns fresh heap memory"},
    {"pwrite", .why = "uses its arguments only during the call"},
    {"qsort", .why = "uses its arguments only during the call"},
    {"qsort_r", .why = "uses its arguments only during the call"},
    {"raise", .why = "uses its arguments only during the call"},
    {"rand_r", .why = "uses its arguments only during the call"},
    {"rawmemchr", RET(1), .why = "returns a pointer into its argument"},
    {"read", .why = "uses its arguments only during the call"},
    {"readv", .why = "uses its arguments only during the call"},
    {"realloc", ESC_ALLOC_HEAP, .size_arg = 2, .frees_arg = 1,
     .why = "moves heap memory to a fresh block"},
    {"reallocarray", ESC_ALLOC_HEAP, .size_arg = 3, .count_arg = 2, .frees_arg = 1,
     .why = "moves heap memory to a fresh block"},
    {"recv", .why = "uses its arguments only during the call"},
    {"recvfrom", .why = "uses its arguments only during the call"},
    {"recvmsg", .why = "uses its arguments only during the call"},
    {"remove", .why = "uses its arguments only during the call"},
    {"rename", .why = "uses its arguments only during the call"},
    {"rewind", .why = "uses its arguments only during the call"},
    {"rindex", RET(1), .why = "returns a pointer into its string argument"},
    {"rmdir", .why = "uses its arguments only during the call"},
    {"scanf", .why = "uses its arguments only during the call"},
    {"select", .why = "uses its arguments only during the call"},
    {"send", .why = "uses its arguments only during the call"},
    {"sendmsg", .why = "uses its arguments only during the call"},
    {"sendto", .why = "uses its arguments only during the call"},
    {"setbuf", KEEPS(2), .owner_arg = 1, .why = "the stream uses the buffer until fclose"},
    {"setbuffer", KEEPS(2), .owner_arg = 1, .why = "the stream uses the buffer until fclose"},
    {"setenv", .why = "uses its arguments only during the call"},
    {"setsockopt", .why = "uses its arguments only during the call"},
    {"setstate", KEEPS(1), .why = "random() keeps using the state array"},
    {"setvbuf", KEEPS(2), .owner_arg = 1, .why = "the stream uses the buffer until fclose"},
    {"sigaction", .why = "uses its arguments only during the call"},
    {"sigaddset", .why = "uses its arguments only during the call"},
    {"sigaltstack", KEEPS_DEEP(1), .why = "signal handlers run on ss->ss_sp later"},
    {"sigemptyset", .why = "uses its arguments only during the call"},
    {"sigprocmask", .why = "uses its arguments only during the call"},
    {"sleep", .why = "uses its arguments only during the call"},
    {"snprintf", .why = "uses its arguments only during the call"},
    {"socket", .why = "uses its arguments only during the call"},
    {"sprintf", .why = "uses its arguments only during the call"},
    {"sscanf", .why = "uses its arguments only during the call"},
    {"stat", .why = "uses its arguments only during the call"},
    {"stpcpy", RET(1), .why = "returns a pointer into the destination"},
    {"stpncpy", RET(1), .why = "returns a pointer into the destination"},
    {"strcasecmp", .why = "uses its arguments only during the call"},
    {"strcasestr", RET(1), .why = "returns a pointer into its first argument"},
    {"strcat", RET(1), .why = "returns the destination"},
    {"strchr", RET(1), .why = "returns a pointer into its argument"},
    {"strchrnul", RET(1), .why = "returns a pointer into its argument"},
    {"strcmp", .why = "uses its arguments only during the call"},
    {"strcoll", .why = "uses its arguments only during the call"},
    {"strcpy", RET(1), .why = "returns the destination"},
    {"strcspn", .why = "uses its arguments only during the call"},
    {"strdup", ESC_ALLOC_HEAP, .dup_arg = 1, .why = "returns a fresh heap copy"},
    {"strftime", .why = "uses its arguments only during the call"},
    {"strlen", .why = "uses its arguments only during the call"},
    {"strncasecmp", .why = "uses its arguments only during the call"},
    {"strncat", RET(1), .why = "returns the destination"},
    {"strncmp", .why = "uses its arguments only during the call"},
    {"strncpy", RET(1), .why = "returns the destination"},
    {"strndup", ESC_ALLOC_HEAP, .dup_arg = 1, .dup_limit_arg = 2,
     .why = "returns a fresh heap copy"},
    {"strnlen", .why = "uses its arguments only during the call"},
    {"strpbrk", RET(1), .why = "returns a pointer into its first argument"},
    {"strrchr", RET(1), .why = "returns a pointer into its argument"},
    {"strsep", .returns_load = 1, .why = "returns the old *stringp"},
    {"strspn", .why = "uses its arguments only during the call"},
    {"strstr", RET(1), .why = "returns a pointer into its first argument"},
    {"strtod", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtof", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtok_r", RET(1), STORE(3, 1), .why = "returns and saves pointers into the string"},
    {"strtol", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtold", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtoll", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtoul", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtoull", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strxfrm", .why = "uses its arguments only during the call"},
    {"system", .why = "uses its arguments only during the call"},
    {"thrd_create", .thread_arg = 3, .thread_handle = 1,
     .why = "the new thread receives the argument"},
    {"thrd_join", .joins = 1, .why = "waits until the thread has finished"},
    {"timer_create", KEEPS_DEEP(2), .why = "each expiry delivers sevp->sigev_value later"},
    {"tsearch", STORE(2, 1), .why = "the tree reachable from *rootp keeps the key"},
    {"unlink", .why = "uses its arguments only during the call"},
    {"unsetenv", .why = "uses its arguments only during the call"},
    {"usleep", .why = "uses its arguments only during the call"},
    {"valloc", ESC_ALLOC_HEAP, .size_arg = 1, .why = "returns fresh heap memory"},
    {"vasprintf", ESC_ALLOC_HEAP, .alloc_out_arg = 1, .why = "stores fresh heap memory into *strp"},
    {"vfprintf", .why = "uses its arguments only during the call"},
    {"vfscanf", .why = "uses its arguments only during the call"},
    {"vprintf", .why = "uses its arguments only during the call"},
    {"vscanf", .why = "uses its arguments only during the call"},
    {"vsnprintf", .why = "uses its arguments only during the call"},
    {"vsprintf", .why = "uses its arguments only during the call"},
    {"vsscanf", .why = "uses its arguments only during the call"},
    {"waitpid", .why = "uses its arguments only during the call"},
    {"wcschr", RET(1), .why = "returns a pointer into its argument"},
    {"wcscmp", .why = "uses its arguments only during the call"},
    {"wcscpy", RET(1), .why = "returns the destination"},
    {"wcslen", .why = "uses its arguments only during the call"},
    {"wcsrchr", RET(1), .why = "returns a pointer into its argument"},
    {"wcsstr", RET(1), .why = "returns a pointer into its first argument"},
    {"wmemcpy", RET(1), COPY(1, 2), .why = "copies memory; returns the destination"},
    {"wmemmove", RET(1), COPY(1, 2), .why = "copies memory; returns the destination"},
    {"wmemset", RET(1), .why = "fills memory; returns the destination"},
    {"write", .why = "uses its arguments only during the call"},
    {"writev", .why = "uses its arguments only during the call"},
};
#undef RET
#undef COPY
#undef STORE
#undef FILL
#undef KEEPS
#undef LIO_WAIT_VALUE
#undef KEEPS_DEEP

const struct esc_lib_entry *esc_lib_table(uint32_t *count)
{
    *count = sizeof table / sizeof table[0];
    return table;
}

static int compare_name(const void *key, const void *entry)
{
    return strcmp(key, ((const struct esc_lib_entry *)entry)->name);
}

const struct esc_lib_entry *esc_lib_lookup(const char *name)
{
    char plain[128];
    if (!name)
        return NULL;
    if (strncmp(name, "__builtin_", 10) == 0)
        name += 10;
    /* __atomic_store_8, __sync_lock_test_and_set_4: one entry per family,
       whatever the size. */
    size_t len = strlen(name);
    const char *size = strrchr(name, '_');
    if ((strncmp(name, "__atomic_", 9) == 0 || strncmp(name, "__sync_", 7) == 0) && size &&
        (strcmp(size, "_1") == 0 || strcmp(size, "_2") == 0 || strcmp(size, "_4") == 0 ||
         strcmp(size, "_8") == 0 || strcmp(size, "_16") == 0) &&
        len < sizeof plain) {
        size_t stem = (size_t)(size - name);
        memcpy(plain, name, stem);
        memcpy(plain + stem, "_n", 3);
        name = plain;
    }
    /* _FORTIFY_SOURCE turns memcpy into __memcpy_chk (or its builtin),
       with the same pointer effects and one extra size argument at the end. */
    size_t n = strlen(name);
    if (n > 6 && n - 6 < sizeof plain && strncmp(name, "__", 2) == 0 &&
        strcmp(name + n - 4, "_chk") == 0) {
        memcpy(plain, name + 2, n - 6);
        plain[n - 6] = '\0';
        name = plain;
    }
    return bsearch(name, table, sizeof table / sizeof table[0], sizeof table[0], compare_name);
}

int64_t esc_lib_store_size(const char *callee)
{
    static const char *const stores[] = {"__atomic_store_", "__atomic_exchange_",
                                         "__sync_lock_test_and_set_"};
    if (callee && strncmp(callee, "__builtin_", 10) == 0)
        callee += 10;
    for (size_t i = 0; callee && i < sizeof stores / sizeof stores[0]; i++) {
        size_t n = strlen(stores[i]);
        if (strncmp(callee, stores[i], n) != 0)
            continue;
        const char *size = callee + n;
        if (strcmp(size, "1") == 0 || strcmp(size, "2") == 0 || strcmp(size, "4") == 0 ||
            strcmp(size, "8") == 0 || strcmp(size, "16") == 0)
            return atoi(size);
    }
    return 0;
}
