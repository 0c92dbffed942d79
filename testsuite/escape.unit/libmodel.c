/* libmodel.c - unit tests for the built-in library model table. */
#include <dejagnu.h>
#include <string.h>

#include "core/libmodel.h"

static void table_is_sorted(void)
{
    uint32_t n;
    const struct esc_lib_model *t = esc_lib_table(&n);
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
    const struct esc_lib_model *t = esc_lib_table(&n);
    for (uint32_t i = 0; i < n; i++)
        if (!t[i].why || !*t[i].why) {
            fail("entry '%s' has a reason", t[i].name);
            return;
        }
    pass("every entry has a reason");
}

static void lookup_names(void)
{
    const struct esc_lib_model *m = esc_lib_lookup("memcpy");
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
    if (!esc_lib_lookup("printf") && !esc_lib_lookup(NULL) && !esc_lib_lookup("__chk"))
        pass("unmodelled names are not found");
    else
        fail("unmodelled names are not found");
}

int main(void)
{
    table_is_sorted();
    every_entry_has_a_reason();
    lookup_names();
    totals();
    return failed ? 1 : 0;
}
