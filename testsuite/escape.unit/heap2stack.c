/* heap2stack.c - unit tests of the heap-to-stack verdicts, one per condition, on hand-built IR. */
#include <dejagnu.h>
#include <stdbool.h>
#include <string.h>

#include "core/analysis/escape.h"
#include "fixture.h"
#include "module.h"

/* A call to a library function (not defined in the unit). */
static uint32_t lib(struct unit *u, uint32_t line, struct esc_operand lhs, const char *callee,
                    uint32_t nargs, struct esc_operand *args)
{
    return add(u, ESC_STMT_CALL, line, lhs, nargs, args, callee, 0);
}

/* v = malloc (size) */
static uint32_t alloc(struct unit *u, uint32_t line, uint32_t v, int64_t size)
{
    struct esc_operand n = esc_opnd_int(size);
    return lib(u, line, esc_opnd_value(v), "malloc", 1, &n);
}

static uint32_t free_value(struct unit *u, uint32_t line, uint32_t v)
{
    struct esc_operand p = esc_opnd_value(v);
    return lib(u, line, esc_opnd_none(), "free", 1, &p);
}

static uint32_t new_block(struct unit *u, uint32_t from)
{
    uint32_t b = esc_add_block(u->fn);
    if (from != ESC_NONE)
        esc_add_edge(u->fn, from, b);
    u->block = b;
    return b;
}

/* The verdict on the site allocated by statement STMT of function F. */
static const struct esc_heap_site *site_of(const struct unit *u, uint32_t f, uint32_t stmt)
{
    const struct esc_function_result *r = &u->results.functions[f];
    for (uint32_t i = 0; i < r->nheap_sites; i++)
        if (r->heap_sites[i].stmt == stmt)
            return &r->heap_sites[i];
    return NULL;
}

static const struct esc_finding *advice_of(const struct unit *u, uint32_t f, uint32_t stmt)
{
    const struct esc_function_result *r = &u->results.functions[f];
    for (uint32_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].rule == ESC_RULE_HEAP_TO_STACK && r->findings[i].stmt == stmt)
            return &r->findings[i];
    return NULL;
}

/* The site's verdict is WANT, and there is a finding exactly when it is STACKABLE. */
static void expect_verdict(const struct unit *u, uint32_t f, uint32_t stmt,
                           enum esc_heap_verdict want, const char *what)
{
    const struct esc_heap_site *site = site_of(u, f, stmt);
    const struct esc_finding *fd = advice_of(u, f, stmt);
    bool ok = site && site->verdict == want && (fd != NULL) == (want == ESC_HEAP_STACKABLE);
    if (ok) {
        pass("%s: %s", what, esc_heap_verdict_text(want));
        return;
    }
    note("got: %s, %s", site ? esc_heap_verdict_text(site->verdict) : "no site",
         fd ? "a finding" : "no finding");
    fail("%s: %s", what, esc_heap_verdict_text(want));
}

static void freed_on_every_path(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "f");
    uint32_t v = esc_add_value(u.m, u.fn, "buf", 1);
    uint32_t s = alloc(&u, 2, v, 64);
    uint32_t fr = free_value(&u, 3, v);
    u_ret(&u, 4, esc_opnd_none());
    analyze(&u);
    expect_verdict(&u, 0, s, ESC_HEAP_STACKABLE, "malloc (64); free");
    const struct esc_finding *fd = advice_of(&u, 0, s);
    if (fd && fd->size == 64 && fd->lifetime == ESC_HEAP_FREED && fd->nfrees == 1 &&
        fd->frees[0] == fr)
        pass("the finding has the size, the lifetime and the free");
    else
        fail("the finding has the size, the lifetime and the free");
    finish(&u);
}

static void never_freed(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "f");
    uint32_t v = esc_add_value(u.m, u.fn, "buf", 1);
    uint32_t s = alloc(&u, 2, v, 16);
    u_ret(&u, 3, esc_opnd_none());
    analyze(&u);
    expect_verdict(&u, 0, s, ESC_HEAP_STACKABLE, "malloc (16), never freed");
    const struct esc_finding *fd = advice_of(&u, 0, s);
    if (fd && fd->lifetime == ESC_HEAP_NEVER_FREED && fd->nfrees == 0)
        pass("never freed: the finding says it leaks");
    else
        fail("never freed: the finding says it leaks");
    finish(&u);
}

/* The size limit comes from the configuration. */
static void size_limit(void)
{
    for (int round = 0; round < 2; round++) {
        struct unit u = {.m = esc_module_new("t.c")};
        begin(&u, "f");
        uint32_t v = esc_add_value(u.m, u.fn, "buf", 1);
        uint32_t s = alloc(&u, 2, v, 2000);
        free_value(&u, 3, v);
        u_ret(&u, 4, esc_opnd_none());
        struct esc_config config = {.heap_max = 4096};
        analyze_with(&u, round ? &config : NULL);
        expect_verdict(&u, 0, s, round ? ESC_HEAP_STACKABLE : ESC_HEAP_SIZE_TOO_BIG,
                       round ? "malloc (2000), heap-max 4096" : "malloc (2000), default limit");
        finish(&u);
    }
}

static void variable_size(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "f");
    uint32_t n = param(&u, "n");
    uint32_t v = esc_add_value(u.m, u.fn, "buf", 1);
    struct esc_operand size = esc_opnd_value(n);
    uint32_t s = lib(&u, 2, esc_opnd_value(v), "malloc", 1, &size);
    free_value(&u, 3, v);
    u_ret(&u, 4, esc_opnd_none());
    analyze(&u);
    expect_verdict(&u, 0, s, ESC_HEAP_SIZE_UNKNOWN, "malloc (n)");
    finish(&u);
}

/* strdup of a literal: the adapter gives the literal's size with the NUL. */
static void strdup_literal(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "f");
    uint32_t v = esc_add_value(u.m, u.fn, "s", 1);
    struct esc_operand literal = esc_opnd_none();
    literal.value = 6;
    uint32_t s = lib(&u, 2, esc_opnd_value(v), "strdup", 1, &literal);
    free_value(&u, 3, v);
    u_ret(&u, 4, esc_opnd_none());
    analyze(&u);
    const struct esc_finding *fd = advice_of(&u, 0, s);
    if (fd && fd->size == 6)
        pass("strdup (\"hello\"): 6 bytes");
    else
        fail("strdup (\"hello\"): 6 bytes");
    finish(&u);
}

static void allocator_without_stack_equivalent(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "f");
    uint32_t v = esc_add_value(u.m, u.fn, "p", 1);
    struct esc_operand n = esc_opnd_int(64);
    uint32_t s = lib(&u, 2, esc_opnd_value(v), "valloc", 1, &n);
    free_value(&u, 3, v);
    u_ret(&u, 4, esc_opnd_none());
    analyze(&u);
    expect_verdict(&u, 0, s, ESC_HEAP_ALLOCATOR, "valloc (64)");
    finish(&u);
}

/* One site per case, each kept from the stack a different way. */
static void escapes_or_unknown(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "f");
    uint32_t g = esc_add_object(u.m, u.fn, ESC_OBJ_STATIC, "g", at(0));
    uint32_t a = esc_add_value(u.m, u.fn, "a", 1);
    uint32_t b = esc_add_value(u.m, u.fn, "b", 2);
    uint32_t c = esc_add_value(u.m, u.fn, "c", 3);
    uint32_t d = esc_add_value(u.m, u.fn, "d", 4);
    uint32_t i = esc_add_value(u.m, u.fn, "i", 5);
    uint32_t e = esc_add_value(u.m, u.fn, "e", 6);
    uint32_t sa = alloc(&u, 2, a, 8);
    uint32_t sb = alloc(&u, 3, b, 8);
    uint32_t sc = alloc(&u, 4, c, 8);
    uint32_t sd = alloc(&u, 5, d, 8);
    uint32_t se = alloc(&u, 6, e, 8);
    u_assign(&u, 7, mem(g), esc_opnd_value(a)); /* g = a */
    struct esc_operand pb = esc_opnd_value(b);
    uint32_t mystery = lib(&u, 8, esc_opnd_none(), "mystery", 1, &pb);
    struct esc_operand pc = esc_opnd_value(c);
    struct esc_stmt expose = {.kind = ESC_STMT_ASSIGN,
                              .op = ESC_ASSIGN_EXPOSE,
                              .loc = at(9),
                              .lhs = esc_opnd_value(i),
                              .nargs = 1,
                              .args = &pc,
                              .target = esc_opnd_none(),
                              .object = ESC_NONE};
    uint32_t cast = esc_add_stmt(u.m, u.fn, u.block, &expose);
    struct esc_operand realloc_args[2] = {esc_opnd_value(d), esc_opnd_int(16)};
    uint32_t moved = esc_add_value(u.m, u.fn, "moved", 7);
    uint32_t re = lib(&u, 10, esc_opnd_value(moved), "realloc", 2, realloc_args);
    free_value(&u, 11, moved);
    u_ret(&u, 12, esc_opnd_value(e));
    analyze(&u);
    expect_verdict(&u, 0, sa, ESC_HEAP_ESCAPES, "g = malloc (8)");
    expect_verdict(&u, 0, sb, ESC_HEAP_UNKNOWN_CALL, "mystery (malloc (8))");
    expect_verdict(&u, 0, sc, ESC_HEAP_EXPOSED, "(uintptr_t) malloc (8)");
    expect_verdict(&u, 0, sd, ESC_HEAP_REALLOCATED, "realloc (malloc (8), 16)");
    expect_verdict(&u, 0, se, ESC_HEAP_ESCAPES, "return malloc (8)");
    expect_verdict(&u, 0, re, ESC_HEAP_ALLOCATOR, "the block realloc returns");
    const struct esc_heap_site *unknown = site_of(&u, 0, sb), *exposed = site_of(&u, 0, sc);
    if (unknown && unknown->why_stmt == mystery && exposed && exposed->why_stmt == cast)
        pass("the verdicts name the call and the cast");
    else
        fail("the verdicts name the call and the cast");
    finish(&u);
}

/* if (!p) return; ... free (p) on one branch only, then on both. */
static void paths(void)
{
    for (int both = 0; both < 2; both++) {
        struct unit u = {.m = esc_module_new("t.c")};
        begin(&u, "f");
        uint32_t entry = u.block;
        uint32_t v = esc_add_value(u.m, u.fn, "p", 1);
        uint32_t s = alloc(&u, 2, v, 32);
        uint32_t null_exit = esc_add_block(u.fn), rest = esc_add_block(u.fn);
        esc_add_edge(u.fn, entry, null_exit);
        esc_add_edge(u.fn, entry, rest);
        struct esc_operand test[2] = {esc_opnd_value(v), esc_opnd_int(0)};
        struct esc_stmt branch = {.kind = ESC_STMT_BRANCH,
                                  .op = ESC_CMP_EQ,
                                  .loc = at(3),
                                  .lhs = esc_opnd_none(),
                                  .nargs = 2,
                                  .args = test,
                                  .true_block = null_exit,
                                  .false_block = rest,
                                  .target = esc_opnd_none(),
                                  .object = ESC_NONE};
        esc_add_stmt(u.m, u.fn, entry, &branch);
        u.block = null_exit;
        u_ret(&u, 4, esc_opnd_none());
        u.block = rest;
        uint32_t b1 = new_block(&u, rest), b2 = new_block(&u, rest), join = esc_add_block(u.fn);
        esc_add_edge(u.fn, b1, join);
        esc_add_edge(u.fn, b2, join);
        u.block = b1;
        free_value(&u, 5, v);
        if (both) {
            u.block = b2;
            free_value(&u, 6, v);
        }
        u.block = join;
        u_ret(&u, 7, esc_opnd_none());
        analyze(&u);
        expect_verdict(&u, 0, s, both ? ESC_HEAP_STACKABLE : ESC_HEAP_NOT_ALWAYS_FREED,
                       both ? "null test, then freed on both branches"
                            : "null test, then freed on one branch");
        finish(&u);
    }
}

/* loop: v = malloc; [free (v)]; back to the loop head. */
static void loops(void)
{
    for (int freed = 0; freed < 2; freed++) {
        struct unit u = {.m = esc_module_new("t.c")};
        begin(&u, "f");
        uint32_t entry = u.block;
        uint32_t body = new_block(&u, entry);
        uint32_t v = esc_add_value(u.m, u.fn, "line", 1);
        uint32_t s = alloc(&u, 2, v, 80);
        if (freed)
            free_value(&u, 3, v);
        esc_add_edge(u.fn, body, body);
        new_block(&u, body);
        u_ret(&u, 4, esc_opnd_none());
        analyze(&u);
        expect_verdict(&u, 0, s, freed ? ESC_HEAP_STACKABLE : ESC_HEAP_LOOP,
                       freed ? "loop: freed in the same iteration" : "loop: never freed");
        const struct esc_finding *fd = advice_of(&u, 0, s);
        if (freed && !(fd && fd->lifetime == ESC_HEAP_FREED_EACH_ITERATION))
            fail("loop: the finding says each iteration frees its block");
        else if (freed)
            pass("loop: the finding says each iteration frees its block");
        finish(&u);
    }
}

/* rec () { p = malloc; rec (); free (p); }, a callee that takes the
   block over (realloc) and one that only frees it (a deallocator). */
static void recursion_and_callee_frees(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "release");
    uint32_t q = param(&u, "q");
    struct esc_operand ra[2] = {esc_opnd_value(q), esc_opnd_int(32)};
    lib(&u, 2, esc_opnd_none(), "realloc", 2, ra);
    u_ret(&u, 3, esc_opnd_none());

    begin(&u, "xfree");
    uint32_t xq = param(&u, "q");
    free_value(&u, 4, xq);
    u_ret(&u, 4, esc_opnd_none());

    begin(&u, "rec");
    uint32_t v = esc_add_value(u.m, u.fn, "p", 1);
    uint32_t w = esc_add_value(u.m, u.fn, "r", 2);
    uint32_t s = alloc(&u, 5, v, 16);
    u_call(&u, 6, esc_opnd_none(), "rec", 0, NULL);
    free_value(&u, 7, v);
    uint32_t t = alloc(&u, 8, w, 16);
    struct esc_operand arg = esc_opnd_value(w);
    u_call(&u, 9, esc_opnd_none(), "release", 1, &arg);
    uint32_t x = esc_add_value(u.m, u.fn, "x", 3);
    uint32_t xs = alloc(&u, 10, x, 16);
    struct esc_operand xarg = esc_opnd_value(x);
    u_call(&u, 11, esc_opnd_none(), "xfree", 1, &xarg);
    u_ret(&u, 12, esc_opnd_none());
    analyze(&u);
    expect_verdict(&u, 2, s, ESC_HEAP_RECURSION, "live across rec ()");
    expect_verdict(&u, 2, t, ESC_HEAP_CALLEE_FREES, "release (malloc (16))");
    expect_verdict(&u, 2, xs, ESC_HEAP_STACKABLE, "xfree (malloc (16)): freed by a deallocator");
    finish(&u);
}

int main(void)
{
    freed_on_every_path();
    never_freed();
    size_limit();
    variable_size();
    strdup_literal();
    allocator_without_stack_equivalent();
    escapes_or_unknown();
    paths();
    loops();
    recursion_and_callee_frees();
    totals();
    return 0;
}
