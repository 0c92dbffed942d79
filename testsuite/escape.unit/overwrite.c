/* overwrite.c - unit tests for the control-flow questions about stores (overwrite.h). */
#include <dejagnu.h>
#include <stdbool.h>

#include "core/refine/overwrite.h"
#include "fixture.h"

/* --- building functions ------------------------------------------------- */

static struct fx fx_new(const char *name)
{
    struct fx f = fx_open(name);
    f.g = global(&f, "g");
    f.h = global(&f, "h");
    f.x = local(&f, "x", 2);
    f.y = local(&f, "y", 2);
    f.p = pointer_param(&f, "p");
    f.q = pointer_param(&f, "q");
    return f;
}

/* A call with no arguments. */
static uint32_t call(struct fx *f, uint32_t block, uint32_t line, struct esc_operand lhs,
                     const char *callee, uint32_t flags)
{
    return stmt(f, block, ESC_STMT_CALL, line, lhs, 0, NULL, callee, flags, ESC_NONE);
}

/* g[off:size] = &x, the store every test asks about. */
static uint32_t store_x(struct fx *f, uint32_t block, int64_t off, int64_t size)
{
    return assign(f, block, 3, esc_opnd_mem(f->g, off, size), esc_opnd_addr(f->x, 0));
}

/* g[off:size] = 0 */
static uint32_t clear_g(struct fx *f, uint32_t block, int64_t off, int64_t size)
{
    return assign(f, block, 5, esc_opnd_mem(f->g, off, size), esc_opnd_int(0));
}

static void expect(bool got, bool want, const char *what)
{
    if (got == want)
        pass("%s", what);
    else {
        note("got: %s", got ? "true" : "false");
        fail("%s", what);
    }
}

/* --- straight-line code ------------------------------------------------- */

static void straight_line(void)
{
    struct fx f = fx_new("straight");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s1 = store_x(&f, b, 0, 8);
    uint32_t s2 = clear_g(&f, b, 0, 8);
    ret(&f, b, 6, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s1), true, "g = &x; g = 0; return: first store overwritten");
    expect(esc_store_overwritten(f.fn, s2), false, "g = &x; g = 0; return: last store survives");
    expect(esc_store_reaches(f.fn, s1, &f.fn->stmts[s1].lhs, ESC_NONE), false,
           "g = &x; g = 0: the store does not reach the return");
    expect(esc_store_reaches(f.fn, s1, NULL, ESC_NONE), true,
           "with no location, any path from the store reaches the return");
    expect(esc_store_covers(f.fn, &f.fn->stmts[s2], &f.fn->stmts[s1].lhs), true,
           "g[0:8] = 0 covers g[0:8]");
    fx_free(&f);

    f = fx_new("nothing_after");
    b = esc_add_block(f.fn);
    s1 = store_x(&f, b, 0, 8);
    ret(&f, b, 6, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s1), false, "g = &x; return: not overwritten");
    fx_free(&f);

    /* A store to other memory does not overwrite g. */
    f = fx_new("other_object");
    b = esc_add_block(f.fn);
    s1 = store_x(&f, b, 0, 8);
    assign(&f, b, 4, esc_opnd_mem(f.h, 0, 8), esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s1), false, "g = &x; h = 0; return: g not overwritten");
    fx_free(&f);

    /* A call that assigns g overwrites it too. */
    f = fx_new("call_result");
    b = esc_add_block(f.fn);
    s1 = store_x(&f, b, 0, 8);
    call(&f, b, 4, esc_opnd_mem(f.g, 0, 8), "get", 0);
    ret(&f, b, 6, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s1), true, "g = &x; g = get (); return: overwritten");
    fx_free(&f);

    /* The covering store after the return does not count. */
    f = fx_new("after_return");
    uint32_t b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn);
    s1 = store_x(&f, b0, 0, 8);
    ret(&f, b0, 4, esc_opnd_none());
    clear_g(&f, b1, 0, 8);
    ret(&f, b1, 6, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s1), false,
           "g = &x; return; (unreachable g = 0): not overwritten");
    fx_free(&f);
}

/* --- branches ----------------------------------------------------------- */

/* bb0: g = &x -> bb1, bb2;  bb1: [g = 0] -> bb3;  bb2: [g = 0] -> bb3;  bb3: return */
static bool diamond(bool then_clears, bool else_clears, uint32_t *ret_out)
{
    struct fx f = fx_new("diamond");
    uint32_t b0, b1, b2, b3;
    fx_diamond(&f, &b0, &b1, &b2, &b3);
    uint32_t s = store_x(&f, b0, 0, 8);
    if (then_clears)
        clear_g(&f, b1, 0, 8);
    if (else_clears) /* a different pointer, still a covering store */
        assign(&f, b2, 7, esc_opnd_mem(f.g, 0, 8), esc_opnd_addr(f.h, 0));
    uint32_t r = ret(&f, b3, 9, esc_opnd_none());
    bool result = esc_store_overwritten(f.fn, s);
    if (ret_out)
        *ret_out = esc_store_reaches(f.fn, s, &f.fn->stmts[s].lhs, r);
    fx_free(&f);
    return result;
}

static void branches(void)
{
    uint32_t reaches;
    expect(diamond(true, true, &reaches), true, "if/else, g overwritten on both arms: overwritten");
    expect(reaches, false,
           "if/else, g overwritten on both arms: the store does not reach the return");
    expect(diamond(true, false, &reaches), false,
           "g overwritten on the then arm only: not overwritten");
    expect(reaches, true, "g overwritten on the then arm only: the store reaches the return");
    expect(diamond(false, true, NULL), false,
           "g overwritten on the else arm only: not overwritten");
    expect(diamond(false, false, NULL), false, "g overwritten on neither arm: not overwritten");

    /* Overwritten after the merge. */
    struct fx f = fx_new("after_merge");
    uint32_t b0, b1, b2, b3;
    fx_diamond(&f, &b0, &b1, &b2, &b3);
    uint32_t s = store_x(&f, b0, 0, 8);
    clear_g(&f, b3, 0, 8);
    ret(&f, b3, 9, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s), true,
           "g overwritten after the if/else merges: overwritten");
    fx_free(&f);

    /* An early return on one arm, before the overwrite. */
    f = fx_new("early_return");
    b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn), b2 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b1);
    esc_add_edge(f.fn, b0, b2);
    s = store_x(&f, b0, 0, 8);
    ret(&f, b1, 5, esc_opnd_none());
    clear_g(&f, b2, 0, 8);
    ret(&f, b2, 8, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s), false,
           "early return on one arm before g = 0: not overwritten");
    fx_free(&f);
}

/* --- loops -------------------------------------------------------------- */

/* bb0 -> bb1;  bb1: g = &x -> bb2;  bb2 -> bb1, bb3;  bb3: [g = 0] return */
static bool loop_mem(bool clear_after)
{
    struct fx f = fx_new("loop");
    uint32_t b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn), b2 = esc_add_block(f.fn),
             b3 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b1);
    esc_add_edge(f.fn, b1, b2);
    esc_add_edge(f.fn, b2, b1);
    esc_add_edge(f.fn, b2, b3);
    uint32_t s = store_x(&f, b1, 0, 8);
    if (clear_after)
        clear_g(&f, b3, 0, 8);
    ret(&f, b3, 9, esc_opnd_none());
    bool result = esc_store_overwritten(f.fn, s);
    fx_free(&f);
    return result;
}

/* for (p = p0; ...; p = p->next) p->f = &x;  [p->f = 0;]  return;
   bb0 -> bb1;  bb1: p1 = PHI (p0, p2); *p1[0:8] = &x; p2 = *p1[8:8];
   -> [bb1], bb2;  bb2: *p1[0:8] = 0; return */
static bool loop_deref(bool back_edge)
{
    struct fx f = fx_new("loop_deref");
    uint32_t b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn), b2 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b1);
    if (back_edge)
        esc_add_edge(f.fn, b1, b1);
    esc_add_edge(f.fn, b1, b2);
    uint32_t p1 = esc_add_value(f.m, f.fn, "p", 3);
    uint32_t p2 = esc_add_value(f.m, f.fn, "p", 4);
    struct esc_operand phi_args[2] = {esc_opnd_value(f.p), esc_opnd_value(p2)};
    stmt(&f, b1, ESC_STMT_PHI, 3, esc_opnd_value(p1), 2, phi_args, NULL, 0, ESC_NONE);
    uint32_t s = assign(&f, b1, 4, esc_opnd_deref(p1, 0, 8), esc_opnd_addr(f.x, 0));
    assign(&f, b1, 5, esc_opnd_value(p2), esc_opnd_deref(p1, 8, 8));
    assign(&f, b2, 7, esc_opnd_deref(p1, 0, 8), esc_opnd_int(0));
    ret(&f, b2, 8, esc_opnd_none());
    bool result = esc_store_overwritten(f.fn, s);
    fx_free(&f);
    return result;
}

static void loops(void)
{
    expect(loop_mem(false), false,
           "g = &x in a loop, nothing after it: the loop back to the same store is no overwrite");
    expect(loop_mem(true), true, "g = &x in a loop, g = 0 after the loop: overwritten");
    expect(loop_deref(false), true,
           "p->f = &x; p->f = 0 through the same value, no loop: overwritten");
    expect(loop_deref(true), false,
           "p->f = &x in a loop that moves p: earlier iterations' stores survive p->f = 0");

    /* Infinite loop that never returns: no path reaches a return at all. */
    struct fx f = fx_new("forever");
    uint32_t b0 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b0);
    uint32_t s = store_x(&f, b0, 0, 8);
    expect(esc_store_reaches(f.fn, s, &f.fn->stmts[s].lhs, ESC_NONE), false,
           "for (;;) g = &x: the store reaches no return");
    expect(esc_store_reaches(f.fn, s, NULL, ESC_NONE), false,
           "for (;;) g = &x: no path at all reaches a return");
    fx_free(&f);
}

/* --- noreturn ----------------------------------------------------------- */

/* bb0: g = &x -> bb1, bb2;  bb1: abort (); [-> bb3];  bb2: g = 0 -> bb3;  bb3: return.
   The edge out of the abort block is there on purpose: only the flag may stop it. */
static bool abort_arm(uint32_t flags)
{
    struct fx f = fx_new("abort_arm");
    uint32_t b0, b1, b2, b3;
    fx_diamond(&f, &b0, &b1, &b2, &b3);
    uint32_t s = store_x(&f, b0, 0, 8);
    call(&f, b1, 5, esc_opnd_none(), "abort", flags);
    clear_g(&f, b2, 0, 8);
    ret(&f, b3, 9, esc_opnd_none());
    bool result = esc_store_overwritten(f.fn, s);
    fx_free(&f);
    return result;
}

static void noreturn(void)
{
    expect(abort_arm(ESC_CALLF_NORETURN), true,
           "one arm ends in a noreturn call, the other overwrites g: overwritten");
    expect(abort_arm(0), false, "same, but the call is not flagged noreturn: not overwritten");

    /* A return right after the noreturn call in the same block is not reached. */
    struct fx f = fx_new("abort_then_return");
    uint32_t b0 = esc_add_block(f.fn);
    uint32_t s = store_x(&f, b0, 0, 8);
    call(&f, b0, 4, esc_opnd_none(), "exit", ESC_CALLF_NORETURN);
    uint32_t r = ret(&f, b0, 5, esc_opnd_none());
    expect(esc_store_reaches(f.fn, s, NULL, ESC_NONE), false,
           "g = &x; exit (); return: no path reaches the return");
    expect(esc_store_reaches(f.fn, s, NULL, r), false,
           "g = &x; exit (); return: the return statement is not reached as a target either");
    expect(esc_store_overwritten(f.fn, s), true,
           "g = &x; exit (); return: overwritten (never returns)");
    fx_free(&f);
}

/* --- extents ------------------------------------------------------------ */

/* g[soff:ssize] = &x; g[coff:csize] = 0; return */
static bool later(int64_t soff, int64_t ssize, int64_t coff, int64_t csize)
{
    struct fx f = fx_new("extent");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s = store_x(&f, b, soff, ssize);
    clear_g(&f, b, coff, csize);
    ret(&f, b, 6, esc_opnd_none());
    bool result = esc_store_overwritten(f.fn, s);
    fx_free(&f);
    return result;
}

static void extents(void)
{
    const int64_t U = ESC_UNKNOWN_OFFSET;
    expect(later(0, 8, 0, 8), true, "g[0:8] then g[0:8]: covered");
    expect(later(8, 8, 0, 16), true, "g[8:8] then g[0:16]: covered by the wider store");
    expect(later(0, 8, 0, 4), false, "g[0:8] then g[0:4]: smaller store does not cover");
    expect(later(0, 8, 4, 8), false, "g[0:8] then g[4:8]: shifted store does not cover");
    expect(later(8, 8, 0, 8), false, "g[8:8] then g[0:8]: other field does not cover");
    expect(later(0, 8, 8, 8), false, "g[0:8] then g[8:8]: other field does not cover");
    expect(later(0, 8, U, 8), false, "g[0:8] then g[?:8]: unknown offset never covers");
    expect(later(0, 8, 0, -1), false, "g[0:8] then g[0:?]: unknown size never covers");
    expect(later(U, 8, U, 8), false, "g[?:8] then g[?:8]: unknown offsets never cover");
    expect(later(0, -1, 0, -1), false, "g[0:?] then g[0:?]: unknown sizes never cover");
    expect(later(0, -1, 0, 64), false,
           "g[0:?] then g[0:64]: a store of unknown size is never overwritten");
    expect(later(U, 8, 0, 64), false,
           "g[?:8] then g[0:64]: a store at an unknown offset is never overwritten");

    /* esc_store_covers directly, including statements that write nothing. */
    struct fx f = fx_new("covers");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s = store_x(&f, b, 0, 8);
    uint32_t r = ret(&f, b, 6, esc_opnd_none());
    struct esc_operand loc = f.fn->stmts[s].lhs;
    expect(esc_store_covers(f.fn, &f.fn->stmts[r], &loc), false, "a return covers nothing");
    struct esc_operand loc_h = esc_opnd_mem(f.h, 0, 8);
    expect(esc_store_covers(f.fn, &f.fn->stmts[s], &loc_h), false, "g[0:8] does not cover h[0:8]");
    struct esc_operand loc_d = esc_opnd_deref(f.p, 0, 8);
    expect(esc_store_covers(f.fn, &f.fn->stmts[s], &loc_d), false, "g[0:8] does not cover *p[0:8]");
    fx_free(&f);
}

/* --- through pointers --------------------------------------------------- */

/* *p[0:8] = &x; <lhs> = 0; return */
static bool deref_then(int which)
{
    struct fx f = fx_new("deref");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s = assign(&f, b, 3, esc_opnd_deref(f.p, 0, 8), esc_opnd_addr(f.x, 0));
    uint32_t copy = esc_add_value(f.m, f.fn, "r", 5);
    assign(&f, b, 4, esc_opnd_value(copy), esc_opnd_value(f.p));
    struct esc_operand lhs;
    switch (which) {
    case 0:
        lhs = esc_opnd_deref(f.p, 0, 8);
        break;
    case 1:
        lhs = esc_opnd_deref(f.q, 0, 8);
        break;
    case 2:
        lhs = esc_opnd_deref(copy, 0, 8);
        break;
    case 3:
        lhs = esc_opnd_deref(f.p, 8, 8);
        break;
    default:
        lhs = esc_opnd_deref(f.p, ESC_UNKNOWN_OFFSET, 8);
        break;
    }
    assign(&f, b, 5, lhs, esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_none());
    bool result = esc_store_overwritten(f.fn, s);
    fx_free(&f);
    return result;
}

static void through_pointers(void)
{
    expect(deref_then(0), true, "*p = &x; *p = 0: same value, covered");
    expect(deref_then(1), false, "*p = &x; *q = 0: different value, not covered");
    expect(deref_then(2), true, "*p = &x; r = p; *r = 0: r is a copy of p, covered");
    expect(deref_then(3), false, "*p = &x; p[1] = 0: other offset, not covered");
    expect(deref_then(4), false, "*p = &x; *(p + ?) = 0: unknown offset, not covered");

    /* A MEM store is not covered by a DEREF one, even if the pointer might be &g. */
    struct fx f = fx_new("mem_vs_deref");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s = store_x(&f, b, 0, 8);
    assign(&f, b, 4, esc_opnd_deref(f.p, 0, 8), esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_none());
    expect(esc_store_overwritten(f.fn, s), false, "g = &x; *p = 0: not covered");
    fx_free(&f);
}

/* --- where a pointer value comes from (ir.h) ----------------------------- */

/* v = SRC + OFFSET, pointer arithmetic. */
static uint32_t arith(struct fx *f, uint32_t block, uint32_t src, int64_t offset)
{
    uint32_t v = esc_add_value(f->m, f->fn, NULL, f->fn->nvalues + 100);
    struct esc_operand from = esc_opnd_value(src);
    from.offset = offset;
    uint32_t id = assign(f, block, 7, esc_opnd_value(v), from);
    f->fn->stmts[id].op = ESC_ASSIGN_POINTER_ARITH;
    return v;
}

static void value_origins(void)
{
    struct fx f = fx_new("origins");
    uint32_t b = esc_add_block(f.fn);
    uint32_t field = arith(&f, b, f.p, 8);                 /* &p->f */
    uint32_t elem = arith(&f, b, f.p, ESC_UNKNOWN_OFFSET); /* &p[k] */
    uint32_t elem_field = arith(&f, b, elem, 4);           /* &p[k].g */
    ret(&f, b, 8, esc_opnd_none());
    int64_t at;
    uint32_t root;
    expect(esc_value_origin(f.fn, field, &at) == f.p && at == 8, true, "origin of p + 8: p at 8");
    expect(esc_value_origin(f.fn, elem_field, &at) == f.p && at == ESC_UNKNOWN_OFFSET, true,
           "origin of &p[k].g: p, at an unknown offset");
    expect(esc_value_base(f.fn, field, &root, &at) && root == f.p && at == 8, true,
           "base of p + 8: p at 8");
    expect(esc_value_base(f.fn, elem_field, &root, &at), false,
           "base of &p[k].g: none, the offset is not known");
    expect(esc_value_origin(f.fn, f.p, &at) == f.p && at == 0, true, "origin of p: itself");
    fx_free(&f);
}

/* --- reaching a target statement --------------------------------------- */

static void reaching_targets(void)
{
    /* bb0: T0: t = g; S: g = &x; L: u = g; [g = 0;] L2: v = g; return */
    struct fx f = fx_new("targets");
    uint32_t b = esc_add_block(f.fn);
    uint32_t t = esc_add_value(f.m, f.fn, "t", 1), u = esc_add_value(f.m, f.fn, "u", 2),
             v = esc_add_value(f.m, f.fn, "v", 3);
    uint32_t t0 = assign(&f, b, 2, esc_opnd_value(t), esc_opnd_mem(f.g, 0, 8));
    uint32_t s = store_x(&f, b, 0, 8);
    uint32_t l = assign(&f, b, 4, esc_opnd_value(u), esc_opnd_mem(f.g, 0, 8));
    clear_g(&f, b, 0, 8);
    uint32_t l2 = assign(&f, b, 6, esc_opnd_value(v), esc_opnd_mem(f.g, 0, 8));
    ret(&f, b, 7, esc_opnd_none());
    const struct esc_operand *loc = &f.fn->stmts[s].lhs;
    expect(esc_store_reaches(f.fn, s, loc, l), true, "g = &x reaches the next load of g");
    expect(esc_store_reaches(f.fn, s, loc, l2), false, "g = &x does not reach a load after g = 0");
    expect(esc_store_reaches(f.fn, s, NULL, l2), true,
           "without a location, g = &x reaches the load after g = 0");
    expect(esc_store_reaches(f.fn, s, loc, t0), false,
           "g = &x does not reach a load before it (no loop)");

    /* A front-end fact outside the CFG is reached by anything. */
    uint32_t fact = assign(&f, ESC_NONE, 1, esc_opnd_value(t), esc_opnd_mem(f.g, 0, 8));
    expect(esc_store_reaches(f.fn, s, loc, fact), true,
           "a statement outside the CFG is always reached");
    fx_free(&f);

    /* bb0 -> bb1;  bb1: L: u = g; S: g = &x -> bb1, bb2;  bb2: return */
    f = fx_new("loop_target");
    uint32_t b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn), b2 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b1);
    esc_add_edge(f.fn, b1, b1);
    esc_add_edge(f.fn, b1, b2);
    u = esc_add_value(f.m, f.fn, "u", 1);
    l = assign(&f, b1, 3, esc_opnd_value(u), esc_opnd_mem(f.g, 0, 8));
    s = store_x(&f, b1, 0, 8);
    ret(&f, b2, 6, esc_opnd_none());
    expect(esc_store_reaches(f.fn, s, &f.fn->stmts[s].lhs, l), true,
           "in a loop, g = &x reaches the load of g before it in the loop body");
    fx_free(&f);

    /* The same, but the load is on a branch the store cannot get to. */
    f = fx_new("other_branch");
    uint32_t b3;
    fx_diamond(&f, &b0, &b1, &b2, &b3);
    u = esc_add_value(f.m, f.fn, "u", 1);
    s = store_x(&f, b1, 0, 8);
    l = assign(&f, b2, 4, esc_opnd_value(u), esc_opnd_mem(f.g, 0, 8));
    uint32_t r = ret(&f, b3, 6, esc_opnd_none());
    expect(esc_store_reaches(f.fn, s, &f.fn->stmts[s].lhs, l), false,
           "g = &x on the then arm does not reach a load on the else arm");
    expect(esc_store_reaches(f.fn, s, &f.fn->stmts[s].lhs, r), true,
           "g = &x on the then arm reaches the return after the merge");
    fx_free(&f);
}

int main(void)
{
    straight_line();
    branches();
    loops();
    noreturn();
    extents();
    through_pointers();
    value_origins();
    reaching_targets();
    totals();
    return failed ? 1 : 0;
}
