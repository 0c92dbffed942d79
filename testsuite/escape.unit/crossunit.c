/* crossunit.c - unit tests of what a unit leaves for gcc-escape link: dependencies on calls into
 * other units, and facts, on hand-built IR. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/analysis/escape.h"
#include "core/summaries/crossdeps.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"
#include "fixture.h"
#include "module.h"

static const struct esc_function_result *result_of(struct unit *u, const char *name)
{
    for (uint32_t i = 0; i < u->results.nfunctions; i++)
        if (strcmp(u->results.functions[i].fn->name, name) == 0)
            return &u->results.functions[i];
    return NULL;
}

static char *dump(struct unit *u, const char *name)
{
    struct esc_strbuf sb = {0};
    esc_summary_dump(esc_summary_table_find(&u->summaries, name), &sb);
    return esc_strbuf_finish(&sb);
}

/* A call to a function this unit does not define. */
static void external_call(struct unit *u, uint32_t line, const char *callee, uint32_t nargs,
                          struct esc_operand *args)
{
    add(u, ESC_STMT_CALL, line, esc_opnd_none(), nargs, args, callee, 0);
}

/* The composition of levels: what reaches a callee parameter that
   passes memory on. */
static void dep_levels(void)
{
    struct esc_cross_dep out, same = {"x", 0, 0, 0}, deep = {"x", 1, 1, 0};
    check(esc_dep_through(&same, 0, 0, &out) && out.from == 0 && out.to == 0,
          "dep: the pointer passed on is the pointer itself");
    check(esc_dep_through(&same, 1, 0, &out) && out.from == 0 && out.to == 1,
          "dep: inside what is passed on is one level down in the callee");
    check(esc_dep_through(&deep, 0, 0, &out) && out.from == 1 && out.to == 0 && out.arg == 1,
          "dep: what is stored behind the pointer goes on: the caller's level 1");
    check(!esc_dep_through(&deep, 0, 1, &out), "dep: past level 1 nothing is tracked");
}

/*  void pass_on (struct item *p) { registry_add (p); }
    void caller (void) { struct item j; pass_on (&j); }
    void direct (void) { struct item it; registry_add (&it); }
    void warned (void) { struct item k; g = &k; registry_add (&k); }  */
static struct unit build(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "pass_on");
    struct esc_operand p = esc_opnd_value(param(&u, "p"));
    external_call(&u, 2, "registry_add", 1, &p);
    u_ret(&u, 3, esc_opnd_none());

    begin(&u, "caller");
    struct esc_operand j = esc_opnd_addr(esc_add_object(u.m, u.fn, ESC_OBJ_LOCAL, "j", at(5)), 0);
    u_call(&u, 6, esc_opnd_none(), "pass_on", 1, &j);
    u_ret(&u, 7, esc_opnd_none());

    begin(&u, "direct");
    struct esc_operand it = esc_opnd_addr(esc_add_object(u.m, u.fn, ESC_OBJ_LOCAL, "it", at(9)), 0);
    external_call(&u, 10, "registry_add", 1, &it);
    u_ret(&u, 11, esc_opnd_none());

    begin(&u, "warned");
    uint32_t k = esc_add_object(u.m, u.fn, ESC_OBJ_LOCAL, "k", at(13));
    uint32_t g = esc_add_object(u.m, u.fn, ESC_OBJ_STATIC, "g", at(0));
    u_assign(&u, 14, esc_opnd_mem(g, 0, 8), esc_opnd_addr(k, 0));
    struct esc_operand ka = esc_opnd_addr(k, 0);
    external_call(&u, 15, "registry_add", 1, &ka);
    u_ret(&u, 16, esc_opnd_none());
    return u;
}

static void facts(void)
{
    struct unit u = build();
    struct esc_config config = {.heap_max = ESC_HEAP_MAX_DEFAULT, .cross_unit_facts = true};
    analyze_with(&u, &config);
    char *s = dump(&u, "pass_on");
    check(strcmp(s, "pass_on:\n  param1: unknown ->registry_add:1\n") == 0,
          "a parameter passed to another unit depends on that call");
    if (strcmp(s, "pass_on:\n  param1: unknown ->registry_add:1\n") != 0)
        note("got: %s", s);
    free(s);
    const struct esc_summary *sum = esc_summary_table_find(&u.summaries, "pass_on");
    check(sum && sum->params[0].unknown && !sum->params[0].unknown_other,
          "... and is unknown only because of it");

    const struct esc_function_result *r = result_of(&u, "caller");
    check(r && r->nfacts == 1 && r->facts[0].kind == ESC_FACT_ESCAPE && r->facts[0].ndeps == 1 &&
              strcmp(r->facts[0].deps[0].callee, "registry_add") == 0 &&
              r->facts[0].deps[0].to == 0 && r->facts[0].arg == 1 && r->facts[0].nsteps > 0,
          "a local passed through this unit's function: a fact about the call it reaches");
    check(r && r->nfindings == 0, "... and no warning here");
    r = result_of(&u, "direct");
    check(r && r->nfacts == 1 && strcmp(r->facts[0].deps[0].callee, "registry_add") == 0,
          "a local passed to another unit directly: a fact");
    r = result_of(&u, "warned");
    check(r && r->nfindings == 1 && r->nfacts == 0,
          "a local this unit already warns about: no fact, no second warning");
    finish(&u);

    /* Without cross_unit_facts, nothing of this and the same findings. */
    u = build();
    analyze(&u);
    s = dump(&u, "pass_on");
    check(strcmp(s, "pass_on:\n  param1: unknown\n") == 0 && result_of(&u, "caller")->nfacts == 0 &&
              result_of(&u, "warned")->nfindings == 1,
          "without cross_unit_facts: no dependencies, no facts, the same warnings");
    free(s);
    finish(&u);
}

/*  int peek (void) { char *s = malloc (32); peek_it (s); free (s); }  */
static void heap_fact(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    begin(&u, "peek");
    uint32_t s = esc_add_value(u.m, u.fn, "s", 1);
    struct esc_operand size = esc_opnd_int(32);
    add(&u, ESC_STMT_CALL, 2, esc_opnd_value(s), 1, &size, "malloc", 0);
    struct esc_operand sv = esc_opnd_value(s);
    external_call(&u, 3, "peek_it", 1, &sv);
    add(&u, ESC_STMT_CALL, 4, esc_opnd_none(), 1, &sv, "free", 0);
    u_ret(&u, 5, esc_opnd_none());
    struct esc_config config = {.heap_max = ESC_HEAP_MAX_DEFAULT, .cross_unit_facts = true};
    analyze_with(&u, &config);
    const struct esc_function_result *r = result_of(&u, "peek");
    check(r && r->nheap_sites == 1 && r->heap_sites[0].verdict == ESC_HEAP_UNKNOWN_CALL,
          "an allocation passed to another unit stays on the heap here");
    check(r && r->nfacts == 1 && r->facts[0].kind == ESC_FACT_HEAP && r->facts[0].size == 32 &&
              r->facts[0].lifetime == ESC_HEAP_FREED && r->facts[0].nfrees == 1 &&
              r->facts[0].ndeps == 1 && strcmp(r->facts[0].deps[0].callee, "peek_it") == 0,
          "... with a fact: blocked only by peek_it, freed on every path, 32 bytes");
    finish(&u);
}

int main(void)
{
    dep_levels();
    facts();
    heap_fact();
    totals();
    return 0;
}
