/* library.c - unit tests for the built-in table of C library functions. */
#include <dejagnu.h>
#include <string.h>

#include "core/summaries/library.h"

static void table_is_sorted(void)
{
    uint32_t n;
    const struct esc_lib_entry *t = esc_lib_table(&n);
    for (uint32_t i = 1; i < n; i++)
        if (strcmp(t[i - 1].name, t[i].name) >= 0) {
            fail("table sorted: '%s' before '%s'", t[i - 1].name, t[i].name);
            return;
        }
    pass("table sorted (%u entries)", n);
}

static void every_entry_has_a_reason(void)
{
    uint32_t n;
    const struct esc_lib_entry *t = esc_lib_table(&n);
    for (uint32_t i = 0; i < n; i++)
        if (!t[i].why || !*t[i].why) {
            fail("entry '%s' has a reason", t[i].name);
            return;
        }
    pass("every entry has a reason");
}

static void lookup_names(void)
{
    const struct esc_lib_entry *m = esc_lib_lookup("memcpy");
    if (m && m->returns_arg == 1 && m->copy_dst == 1 && m->copy_src == 2)
        pass("memcpy returns argument 1 and copies 2 into 1");
    else
        fail("memcpy returns argument 1 and copies 2 into 1");
    if (esc_lib_lookup("__builtin_memcpy") == m)
        pass("__builtin_memcpy maps to memcpy");
    else
        fail("__builtin_memcpy maps to memcpy");
    if (esc_lib_lookup("__memcpy_chk") == m && esc_lib_lookup("__builtin___memcpy_chk") == m)
        pass("fortified __memcpy_chk maps to memcpy");
    else
        fail("fortified __memcpy_chk maps to memcpy");
    m = esc_lib_lookup("malloc");
    if (m && m->alloc == ESC_ALLOC_HEAP && m->size_arg == 1)
        pass("malloc allocates heap memory of size argument 1");
    else
        fail("malloc allocates heap memory of size argument 1");
    if (!esc_lib_lookup("my_own_function") && !esc_lib_lookup(NULL) && !esc_lib_lookup("__chk"))
        pass("unmodelled names are not found");
    else
        fail("unmodelled names are not found");
    /* Listed with no effects: heap-to-stack advice must know it keeps nothing. */
    m = esc_lib_lookup("printf");
    if (m && !m->keeps && !m->keeps_deep && !m->thread_arg && !m->returns_arg && !m->frees_arg)
        pass("printf is listed as keeping nothing");
    else
        fail("printf is listed as keeping nothing");
    m = esc_lib_lookup("setvbuf");
    if (m && m->keeps == ESC_LIB_ARG(2) && !m->keeps_deep)
        pass("setvbuf keeps its buffer, argument 2");
    else
        fail("setvbuf keeps its buffer, argument 2");
    m = esc_lib_lookup("sigaltstack");
    if (m && !m->keeps && m->keeps_deep == ESC_LIB_ARG(1))
        pass("sigaltstack keeps the pointers inside argument 1");
    else
        fail("sigaltstack keeps the pointers inside argument 1");
    m = esc_lib_lookup("pthread_create");
    const struct esc_lib_entry *join = esc_lib_lookup("pthread_join");
    if (m && m->thread_arg == 4 && m->thread_handle == 1 && join && join->joins == 1)
        pass("pthread_create hands argument 4 to a thread named by *argument 1; join waits");
    else
        fail("pthread_create hands argument 4 to a thread named by *argument 1; join waits");
}

int main(void)
{
    table_is_sorted();
    every_entry_has_a_reason();
    lookup_names();
    totals();
    return failed ? 1 : 0;
}
