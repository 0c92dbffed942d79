/* libmodel.c - the built-in table of C library and POSIX pointer effects. */
#include "libmodel.h"

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
static const struct esc_lib_model table[] = {
    {"aligned_alloc", ESC_ALLOC_HEAP, .size_arg = 2, .why = "C11: returns fresh heap memory"},
    {"alloca", ESC_ALLOC_STACK, .size_arg = 1, .why = "memory in the caller's frame"},
    {"alloca_with_align", ESC_ALLOC_STACK, .size_arg = 1,
     .why = "GCC's alloca for variable-length arrays"},
    {"alloca_with_align_and_max", ESC_ALLOC_STACK, .size_arg = 1,
     .why = "GCC's bounded alloca for variable-length arrays"},
    {"asctime_r", RET(2), .why = "returns its buffer argument"},
    {"assume_aligned", RET(1), .why = "GCC builtin: returns its pointer argument"},
    {"basename", RET(1), .why = "GNU: returns a pointer into its argument"},
    {"bsearch", RET(2), .why = "returns a pointer into the searched array"},
    {"bzero", FILL(1, 2), .why = "overwrites memory with zeros"},
    {"calloc", ESC_ALLOC_HEAP, .size_arg = 2, .count_arg = 1, .why = "returns fresh heap memory"},
    {"ctime_r", RET(2), .why = "returns its buffer argument"},
    {"explicit_bzero", FILL(1, 2), .why = "overwrites memory with zeros"},
    {"fgets", RET(1), .why = "returns its buffer argument"},
    {"fgetws", RET(1), .why = "returns its buffer argument"},
    {"free", .frees_arg = 1, .why = "releases heap memory"},
    {"getcwd", RET(1), .why = "returns its buffer argument"},
    {"gets", RET(1), .why = "returns its buffer argument"},
    {"gmtime_r", RET(2), .why = "returns its result argument"},
    {"index", RET(1), .why = "returns a pointer into its string argument"},
    {"lfind", RET(2), .why = "returns a pointer into the searched array"},
    {"localtime_r", RET(2), .why = "returns its result argument"},
    {"lsearch", RET(2), .why = "returns a pointer into the searched array"},
    {"malloc", ESC_ALLOC_HEAP, .size_arg = 1, .why = "returns fresh heap memory"},
    {"memalign", ESC_ALLOC_HEAP, .size_arg = 2, .why = "returns fresh heap memory"},
    {"memccpy", RET(1), COPY(1, 2), .why = "copies memory; returns a pointer into the destination"},
    {"memchr", RET(1), .why = "returns a pointer into its argument"},
    {"memcpy", RET(1), COPY(1, 2), FILL(1, 3), .why = "copies memory; returns the destination"},
    {"memmem", RET(1), .why = "returns a pointer into its first argument"},
    {"memmove", RET(1), COPY(1, 2), FILL(1, 3), .why = "copies memory; returns the destination"},
    {"mempcpy", RET(1), COPY(1, 2), FILL(1, 3),
     .why = "copies memory; returns a pointer into the destination"},
    {"memrchr", RET(1), .why = "returns a pointer into its argument"},
    {"memset", RET(1), FILL(1, 3), .why = "fills memory; returns the destination"},
    {"posix_memalign", ESC_ALLOC_HEAP, .size_arg = 3, .alloc_out_arg = 1,
     .why = "stores fresh heap memory into *memptr"},
    {"pvalloc", ESC_ALLOC_HEAP, .size_arg = 1, .why = "returns fresh heap memory"},
    {"rawmemchr", RET(1), .why = "returns a pointer into its argument"},
    {"realloc", ESC_ALLOC_HEAP, .size_arg = 2, .frees_arg = 1,
     .why = "moves heap memory to a fresh block"},
    {"reallocarray", ESC_ALLOC_HEAP, .size_arg = 3, .count_arg = 2, .frees_arg = 1,
     .why = "moves heap memory to a fresh block"},
    {"rindex", RET(1), .why = "returns a pointer into its string argument"},
    {"stpcpy", RET(1), .why = "returns a pointer into the destination"},
    {"stpncpy", RET(1), .why = "returns a pointer into the destination"},
    {"strcasestr", RET(1), .why = "returns a pointer into its first argument"},
    {"strcat", RET(1), .why = "returns the destination"},
    {"strchr", RET(1), .why = "returns a pointer into its argument"},
    {"strchrnul", RET(1), .why = "returns a pointer into its argument"},
    {"strcpy", RET(1), .why = "returns the destination"},
    {"strdup", ESC_ALLOC_HEAP, .why = "returns a fresh heap copy"},
    {"strncat", RET(1), .why = "returns the destination"},
    {"strncpy", RET(1), .why = "returns the destination"},
    {"strndup", ESC_ALLOC_HEAP, .why = "returns a fresh heap copy"},
    {"strpbrk", RET(1), .why = "returns a pointer into its first argument"},
    {"strrchr", RET(1), .why = "returns a pointer into its argument"},
    {"strsep", .returns_load = 1, .why = "returns the old *stringp"},
    {"strstr", RET(1), .why = "returns a pointer into its first argument"},
    {"strtod", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtof", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtok_r", RET(1), STORE(3, 1), .why = "returns and saves pointers into the string"},
    {"strtol", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtold", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtoll", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtoul", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"strtoull", STORE(2, 1), .why = "stores a pointer into the string in *endptr"},
    {"valloc", ESC_ALLOC_HEAP, .size_arg = 1, .why = "returns fresh heap memory"},
    {"wcschr", RET(1), .why = "returns a pointer into its argument"},
    {"wcscpy", RET(1), .why = "returns the destination"},
    {"wcsrchr", RET(1), .why = "returns a pointer into its argument"},
    {"wcsstr", RET(1), .why = "returns a pointer into its first argument"},
    {"wmemcpy", RET(1), COPY(1, 2), .why = "copies memory; returns the destination"},
    {"wmemmove", RET(1), COPY(1, 2), .why = "copies memory; returns the destination"},
    {"wmemset", RET(1), .why = "fills memory; returns the destination"},
};
#undef RET
#undef COPY
#undef STORE
#undef FILL

const struct esc_lib_model *esc_lib_table(uint32_t *count)
{
    *count = sizeof table / sizeof table[0];
    return table;
}

static int compare_name(const void *key, const void *entry)
{
    return strcmp(key, ((const struct esc_lib_model *)entry)->name);
}

const struct esc_lib_model *esc_lib_lookup(const char *name)
{
    char plain[128];
    if (!name)
        return NULL;
    if (strncmp(name, "__builtin_", 10) == 0)
        name += 10;
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
