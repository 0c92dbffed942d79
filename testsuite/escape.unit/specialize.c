/* specialize.c - unit tests of callee summaries specialised to a call's constant arguments, on
 * hand-built IR. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/analysis/escape.h"
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

static bool has_leak(struct unit *u, const char *name, uint32_t param)
{
    const struct esc_summary *s = esc_summary_table_find(&u->summaries, name);
    return s && param < s->nparams && esc_param_leaks(&s->params[param]);
}

/* A scalar parameter of BITS bits (0: a plain pointer with no tests). */
static uint32_t scalar_param(struct unit *u, const char *name, uint8_t bits, bool is_unsigned)
{
    uint32_t v = param(u, name);
    u->fn->params[u->fn->nparams - 1].value_bits = bits;
    u->fn->params[u->fn->nparams - 1].value_unsigned = is_unsigned;
    return v;
}

/* void set_text (struct mem *m, char *z, long del)
   {
       if (del == -1) return;      (copies, here: nothing)
       m->z = z;                   (keeps)
   }
   The test on del has ranges for both edges. */
static void add_set_text(struct unit *u, const char *name, uint8_t bits, bool is_unsigned,
                         int64_t transient)
{
    begin(u, name);
    uint32_t m = param(u, "m");
    uint32_t z = param(u, "z");
    scalar_param(u, "del", bits, is_unsigned);
    uint32_t test = u->block;
    uint32_t copy = esc_add_block(u->fn), keep = esc_add_block(u->fn);
    esc_add_edge(u->fn, test, copy);
    esc_add_edge(u->fn, test, keep);
    int64_t lo = bits >= 64 ? INT64_MIN : is_unsigned ? 0 : -((int64_t)1 << (bits - 1));
    int64_t hi = bits >= 64    ? INT64_MAX
                 : is_unsigned ? ((int64_t)1 << bits) - 1
                               : ((int64_t)1 << (bits - 1)) - 1;
    esc_add_param_range(u->fn, test, copy, 0, 2, transient, transient);
    if (transient > lo)
        esc_add_param_range(u->fn, test, keep, 0, 2, lo, transient - 1);
    if (transient < hi)
        esc_add_param_range(u->fn, test, keep, 0, 2, transient + 1, hi);
    u->block = copy;
    u_ret(u, 11, esc_opnd_none());
    u->block = keep;
    u_assign(u, 12, esc_opnd_deref(m, 0, 8), esc_opnd_value(z));
    u_ret(u, 13, esc_opnd_none());
}

/* A call CALLEE (m, &x, VALUE) in a new function NAME (struct mem *m):
   VALUE a constant, or with FROM_PARAM the caller's own third parameter. */
static void add_caller(struct unit *u, const char *name, const char *callee, int64_t value,
                       bool from_param)
{
    begin(u, name);
    uint32_t m = param(u, "m");
    param(u, "unused");
    uint32_t d = scalar_param(u, "del", 64, false);
    uint32_t x = esc_add_object(u->m, u->fn, ESC_OBJ_LOCAL, "x", at(20));
    struct esc_operand args[3] = {esc_opnd_value(m), esc_opnd_addr(x, 0),
                                  from_param ? esc_opnd_value(d) : esc_opnd_int(value)};
    uint32_t call = add(u, ESC_STMT_CALL, 21, esc_opnd_none(), 3, args, callee, ESC_CALLF_DEFINED);
    struct esc_arg_source src = {
        .stmt = call, .arg = 2, .is_param = from_param, .param = 2, .value = value};
    esc_add_arg_source(u->fn, &src);
    u_ret(u, 22, esc_opnd_none());
}

/* void wrapper (struct mem *m, char *z, long del) { set_text (m, z, del); } */
static void add_wrapper(struct unit *u, const char *name, const char *callee)
{
    begin(u, name);
    uint32_t m = param(u, "m");
    uint32_t z = param(u, "z");
    uint32_t d = scalar_param(u, "del", 64, false);
    struct esc_operand args[3] = {esc_opnd_value(m), esc_opnd_value(z), esc_opnd_value(d)};
    uint32_t call = add(u, ESC_STMT_CALL, 31, esc_opnd_none(), 3, args, callee, ESC_CALLF_DEFINED);
    struct esc_arg_source src = {.stmt = call, .arg = 2, .is_param = true, .param = 2};
    esc_add_arg_source(u->fn, &src);
    u_ret(u, 32, esc_opnd_none());
}

static bool one_caller_finding(struct unit *u, const char *name)
{
    const struct esc_function_result *r = result_of(u, name);
    return r && r->nfindings == 1 && r->findings[0].rule == ESC_RULE_ESCAPE_CALLER;
}

static bool silent(struct unit *u, const char *name)
{
    const struct esc_function_result *r = result_of(u, name);
    return r && r->nfindings == 0;
}

static void constant_picks_the_path(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    add_caller(&u, "copies", "set_text", -1, false);
    add_caller(&u, "keeps", "set_text", 0, false);
    add_caller(&u, "unknown", "set_text", 0, true);
    add_set_text(&u, "set_text", 64, false, -1);
    analyze(&u);
    check(has_leak(&u, "set_text", 1), "constant: the plain summary still keeps z");
    check(silent(&u, "copies"), "constant: set_text (m, &x, -1) takes the copying path: silent");
    check(one_caller_finding(&u, "keeps"), "constant: set_text (m, &x, 0) keeps x: escape-caller");
    check(one_caller_finding(&u, "unknown"),
          "constant: set_text (m, &x, del) with del unknown: escape-caller");
    finish(&u);
}

static void passed_through_a_wrapper(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    add_set_text(&u, "set_text", 64, false, -1);
    add_wrapper(&u, "wrapper", "set_text");
    add_caller(&u, "copies", "wrapper", -1, false);
    add_caller(&u, "keeps", "wrapper", 5, false);
    analyze(&u);
    check(silent(&u, "copies"), "wrapper: the constant is passed on: silent");
    check(one_caller_finding(&u, "keeps"), "wrapper: another constant keeps x: escape-caller");
    finish(&u);
}

static void constant_must_fit(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    /* set_small (m, z, unsigned char del): copies when del == 44.  300 does
       not fit an unsigned char (it would arrive as 44): not used. */
    add_set_text(&u, "set_small", 8, true, 44);
    add_caller(&u, "fits", "set_small", 44, false);
    add_caller(&u, "too_wide", "set_small", 300, false);
    add_caller(&u, "negative", "set_small", -212, false);
    analyze(&u);
    check(silent(&u, "fits"), "fit: 44 reaches an unsigned char parameter as 44: silent");
    check(one_caller_finding(&u, "too_wide"),
          "fit: 300 does not fit an unsigned char: both paths count");
    check(one_caller_finding(&u, "negative"),
          "fit: -212 does not fit an unsigned char: both paths count");
    finish(&u);
}

/* f (m, z, n) { if (n < 0) { m->z = z; return; } g (m, z, n); }
   g (m, z, n) { f (m, z, n); }
   The cycle f <-> g is specialised as a whole: with n = 1 nothing keeps z. */
static void recursive_component(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    add_caller(&u, "copies", "f", 1, false);
    add_caller(&u, "keeps", "f", -3, false);
    begin(&u, "f");
    uint32_t m = param(&u, "m");
    uint32_t z = param(&u, "z");
    uint32_t n = scalar_param(&u, "n", 32, false);
    uint32_t test = u.block;
    uint32_t keep = esc_add_block(u.fn), pass = esc_add_block(u.fn);
    esc_add_edge(u.fn, test, keep);
    esc_add_edge(u.fn, test, pass);
    esc_add_param_range(u.fn, test, keep, 0, 2, -((int64_t)1 << 31), -1);
    esc_add_param_range(u.fn, test, pass, 0, 2, 0, ((int64_t)1 << 31) - 1);
    u.block = keep;
    u_assign(&u, 41, esc_opnd_deref(m, 0, 8), esc_opnd_value(z));
    u_ret(&u, 42, esc_opnd_none());
    u.block = pass;
    struct esc_operand args[3] = {esc_opnd_value(m), esc_opnd_value(z), esc_opnd_value(n)};
    uint32_t call = add(&u, ESC_STMT_CALL, 43, esc_opnd_none(), 3, args, "g", ESC_CALLF_DEFINED);
    struct esc_arg_source src = {.stmt = call, .arg = 2, .is_param = true, .param = 2};
    esc_add_arg_source(u.fn, &src);
    u_ret(&u, 44, esc_opnd_none());
    add_wrapper(&u, "g", "f");
    analyze(&u);
    check(has_leak(&u, "f", 1) && has_leak(&u, "g", 1), "cycle: the plain summaries keep z");
    check(silent(&u, "copies"), "cycle: f (m, &x, 1) never reaches the store: silent");
    check(one_caller_finding(&u, "keeps"), "cycle: f (m, &x, -3) keeps x: escape-caller");
    finish(&u);
}

int main(void)
{
    constant_picks_the_path();
    passed_through_a_wrapper();
    constant_must_fit();
    recursive_component();
    totals();
    return 0;
}
