/* summarize.c - unit tests of summaries, SCC order and their use at call sites, on hand-built IR. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/analysis/escape.h"
#include "core/ir/scc.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"
#include "fixture.h"
#include "module.h"

/* The summary dump of NAME, compared with EXPECTED. */
static void expect_summary(struct unit *u, const char *name, const char *expected)
{
    struct esc_strbuf sb = {0};
    const struct esc_summary *s = esc_summary_table_find(&u->summaries, name);
    if (s)
        esc_summary_dump(s, &sb);
    else
        esc_strbuf_add(&sb, "(none)");
    char *got = esc_strbuf_finish(&sb);
    if (strcmp(got, expected) == 0)
        pass("summary of %s", name);
    else {
        note("got:\n%s", got);
        note("expected:\n%s", expected);
        fail("summary of %s", name);
    }
    free(got);
}

static const struct esc_function_result *result_of(struct unit *u, const char *name)
{
    for (uint32_t i = 0; i < u->results.nfunctions; i++)
        if (strcmp(u->results.functions[i].fn->name, name) == 0)
            return &u->results.functions[i];
    return NULL;
}

/* --- Tarjan ------------------------------------------------------------- */

static void scc_order(void)
{
    /* 0 -> 1 -> 2 -> 1, 2 -> 3, 4 alone. */
    static const uint32_t start[] = {0, 1, 2, 4, 4, 4};
    static const uint32_t adj[] = {1, 2, 1, 3};
    struct esc_graph g = {5, start, adj};
    uint32_t comp[5];
    uint32_t n = esc_scc(&g, comp);
    check(n == 4, "scc: four components");
    check(comp[1] == comp[2], "scc: the cycle 1 <-> 2 is one component");
    check(comp[3] < comp[1] && comp[1] < comp[0], "scc: callees complete before callers");
}

static void scc_deep_chain(void)
{
    /* A chain far deeper than a recursive Tarjan could take. */
    enum { N = 200000 };
    uint32_t *start = esc_xmalloc((N + 1) * sizeof *start);
    uint32_t *adj = esc_xmalloc(N * sizeof *adj);
    uint32_t *comp = esc_xmalloc(N * sizeof *comp);
    for (uint32_t i = 0; i <= N; i++) /* node i -> i + 1; the last has no edge */
        start[i] = i < N ? i : N - 1;
    for (uint32_t i = 0; i + 1 < N; i++)
        adj[i] = i + 1;
    struct esc_graph g = {N, start, adj};
    uint32_t n = esc_scc(&g, comp);
    check(n == N && comp[N - 1] == 0 && comp[0] == N - 1, "scc: a 200000-deep chain, in order");
    free(start);
    free(adj);
    free(comp);
}

/* --- summaries ---------------------------------------------------------- */

static void summary_kinds(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    uint32_t g;

    begin(&u, "keep"); /* void keep (int *p) { g = p; } */
    uint32_t p = param(&u, "p");
    g = esc_add_object(u.m, u.fn, ESC_OBJ_STATIC, "g", at(0));
    u_assign(&u, 2, esc_opnd_mem(g, 0, 8), esc_opnd_value(p));
    u_ret(&u, 3, esc_opnd_none());

    begin(&u, "load"); /* int *load (int **pp) { return *pp; } */
    uint32_t pp = param(&u, "pp");
    uint32_t t = esc_add_value(u.m, u.fn, NULL, 1);
    u_assign(&u, 5, esc_opnd_value(t), esc_opnd_deref(pp, 0, 8));
    u_ret(&u, 5, esc_opnd_value(t));

    begin(&u, "set"); /* void set (int **out, int *v) { *out = v; } */
    uint32_t out = param(&u, "out");
    uint32_t v = param(&u, "v");
    u_assign(&u, 7, esc_opnd_deref(out, 0, 8), esc_opnd_value(v));
    u_ret(&u, 7, esc_opnd_none());

    begin(&u, "drop"); /* void drop (void *q) { free (q); } */
    uint32_t q = param(&u, "q");
    struct esc_operand fa = esc_opnd_value(q);
    add(&u, ESC_STMT_CALL, 9, esc_opnd_none(), 1, &fa, "free", 0);
    u_ret(&u, 9, esc_opnd_none());

    begin(&u, "xmalloc"); /* void *xmalloc (size_t n) { return malloc (n); } */
    uint32_t n = esc_add_value(u.m, u.fn, "n", 0);
    esc_add_param(u.m, u.fn, "n", at(1), false);
    u.fn->params[0].value = n;
    u.fn->values[n].param = 0;
    uint32_t r = esc_add_value(u.m, u.fn, NULL, 1);
    struct esc_operand ma = esc_opnd_value(n);
    add(&u, ESC_STMT_CALL, 11, esc_opnd_value(r), 1, &ma, "malloc", 0);
    u_ret(&u, 11, esc_opnd_value(r));

    begin(&u, "pass"); /* void pass (void *q) { ext (q); } with ext unknown */
    uint32_t q2 = param(&u, "q");
    struct esc_operand ea = esc_opnd_value(q2);
    add(&u, ESC_STMT_CALL, 13, esc_opnd_none(), 1, &ea, "ext", 0);
    u_ret(&u, 13, esc_opnd_none());

    analyze(&u);
    expect_summary(&u, "keep", "keep:\n  param1: static\n");
    expect_summary(&u, "load", "load:\n  param1: *result *fields=0:8\n");
    expect_summary(&u, "set", "set:\n  param1:\n  param2: param1\n");
    expect_summary(&u, "drop", "drop:\n  param1: freed=free:1\n");
    expect_summary(&u, "xmalloc", "xmalloc: returns fresh size=param1\n  param1:\n");
    expect_summary(&u, "pass", "pass:\n  param1: unknown\n");
    finish(&u);
}

/* void f (void) { int x; keep1 (&x); } with keep1 -> keep2 -> keep3 -> g. */
static void chain_and_call_site(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    /* Callers first on purpose: the order must not matter. */
    begin(&u, "f");
    uint32_t x = esc_add_object(u.m, u.fn, ESC_OBJ_LOCAL, "x", at(20));
    struct esc_operand arg = esc_opnd_addr(x, 0);
    u_call(&u, 21, esc_opnd_none(), "keep1", 1, &arg);
    u_ret(&u, 22, esc_opnd_none());
    const char *names[] = {"keep1", "keep2", "keep3"};
    for (int i = 0; i < 3; i++) {
        begin(&u, names[i]);
        uint32_t p = param(&u, "p");
        struct esc_operand a = esc_opnd_value(p);
        if (i < 2) {
            u_call(&u, 30 + i, esc_opnd_none(), names[i + 1], 1, &a);
        } else {
            uint32_t g = esc_add_object(u.m, u.fn, ESC_OBJ_STATIC, "g", at(0));
            u_assign(&u, 33, esc_opnd_mem(g, 0, 8), a);
        }
        u_ret(&u, 34, esc_opnd_none());
    }
    analyze(&u);
    expect_summary(&u, "keep1", "keep1:\n  param1: static\n");
    const struct esc_function_result *r = result_of(&u, "f");
    check(r && r->nfindings == 1 && r->findings[0].rule == ESC_RULE_ESCAPE_CALL &&
              r->findings[0].loc.line == 21,
          "chain: keep1 (&x) is an escape-call at the call");
    const struct esc_leak_why *why = r && r->nfindings ? r->findings[0].callee_why : NULL;
    int hops = 0;
    while (why && hops < 10) {
        hops++;
        why = why->via ? why->via->params[why->via_param].why[0][ESC_LEAK_STATIC] : NULL;
    }
    check(hops == 3, "chain: the notes can follow the path three calls deep");
    finish(&u);
}

/* even (p, n) calls odd, odd calls even and stores p: both leak, and the
   fixed point is reached. */
static void mutual_recursion(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "even");
    uint32_t p = param(&u, "p");
    struct esc_operand a = esc_opnd_value(p);
    u_call(&u, 2, esc_opnd_none(), "odd", 1, &a);
    u_ret(&u, 3, esc_opnd_none());
    begin(&u, "odd");
    uint32_t q = param(&u, "q");
    struct esc_operand b = esc_opnd_value(q);
    u_call(&u, 5, esc_opnd_none(), "even", 1, &b);
    uint32_t g = esc_add_object(u.m, u.fn, ESC_OBJ_STATIC, "g", at(0));
    u_assign(&u, 6, esc_opnd_mem(g, 0, 8), b);
    u_ret(&u, 7, esc_opnd_none());
    begin(&u, "spin"); /* void spin (int *p) { spin (p); } leaks nothing */
    uint32_t s = param(&u, "p");
    struct esc_operand c = esc_opnd_value(s);
    u_call(&u, 9, esc_opnd_none(), "spin", 1, &c);
    u_ret(&u, 10, esc_opnd_none());
    analyze(&u);
    expect_summary(&u, "even", "even:\n  param1: static\n");
    expect_summary(&u, "odd", "odd:\n  param1: static\n");
    expect_summary(&u, "spin", "spin:\n  param1:\n");
    finish(&u);
}

/* A parameter the builder adds is not noescape until someone says so:
   the summary must not promise it (found by make SANITIZE=1: the flag was
   left as whatever the reallocated array held). */
static void params_not_noescape(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "many"); /* void many (int *a0, ..., int *a8) { } -- the array grows twice */
    for (int i = 0; i < 9; i++)
        param(&u, "a");
    u_ret(&u, 2, esc_opnd_none());
    bool clear = true;
    for (uint32_t i = 0; i < u.fn->nparams; i++)
        clear = clear && !u.fn->params[i].noescape;
    check(clear, "esc_add_param: a new parameter is not noescape");
    analyze(&u);
    const struct esc_summary *s = esc_summary_table_find(&u.summaries, "many");
    bool promised = false;
    for (uint32_t i = 0; s && i < s->nparams; i++)
        promised = promised || s->params[i].noescape;
    check(s && !promised, "the summary promises noescape for no parameter");
    finish(&u);
}

int main(void)
{
    params_not_noescape();
    scc_order();
    scc_deep_chain();
    summary_kinds();
    chain_and_call_site();
    mutual_recursion();
    totals();
    return 0;
}
