/* escape.c - end-to-end unit tests of esc_analyze_function on hand-built IR. */
#include <stdbool.h>

#include "check.h"
#include "core/solve/flows.h"
#include "fixture.h"

/* --- building functions ------------------------------------------------- */

static struct fx fx_new(const char *name)
{
    struct fx f = fx_open(name);
    f.fn->returns_pointer = true;
    return f;
}

static const struct esc_function_result *analyze(struct fx *f)
{
    esc_analyze_function(f->m, f->fn, NULL, NULL, &f->r);
    f->analyzed = true;
    return &f->r;
}

/* --- checking findings -------------------------------------------------- */

static void expect_count(const struct esc_function_result *r, uint32_t n, const char *what)
{
    if (r->nfindings == n)
        pass("%s: %u finding(s)", what, n);
    else {
        note("got: %u finding(s)", r->nfindings);
        fail("%s: %u finding(s)", what, n);
    }
}

/* Exactly one finding with this rule, object, statement and sink. */
static const struct esc_finding *expect_one(const struct esc_function_result *r, const char *what,
                                            enum esc_rule rule, uint32_t obj, uint32_t stmt_id,
                                            uint32_t sink)
{
    expect_count(r, 1, what);
    if (r->nfindings != 1)
        return NULL;
    const struct esc_finding *fd = &r->findings[0];
    const char *name = r->fn->objects[obj].name ? r->fn->objects[obj].name : "(unnamed)";
    if (fd->rule == rule)
        pass("%s: rule %s", what, esc_rule_info(rule)->id);
    else {
        note("got: %s", esc_rule_info(fd->rule)->id);
        fail("%s: rule %s", what, esc_rule_info(rule)->id);
    }
    if (fd->object == obj)
        pass("%s: names object '%s'", what, name);
    else {
        note("got: object %u", fd->object);
        fail("%s: names object '%s'", what, name);
    }
    if (fd->stmt == stmt_id && fd->loc.line == r->fn->stmts[stmt_id].loc.line)
        pass("%s: at statement %u, line %u", what, stmt_id, r->fn->stmts[stmt_id].loc.line);
    else {
        note("got: statement %u, line %u", fd->stmt, fd->loc.line);
        fail("%s: at statement %u, line %u", what, stmt_id, r->fn->stmts[stmt_id].loc.line);
    }
    if (fd->sink == sink)
        pass("%s: sink is %s", what, esc_object_kind_name(r->fn->objects[sink].kind));
    else {
        note("got: sink object %u, expected %u", fd->sink, sink);
        fail("%s: sink is %s", what, esc_object_kind_name(r->fn->objects[sink].kind));
    }
    return fd;
}

/* The path starts where the address of OBJ is taken and ends at STMT_ID. */
static void expect_path(const struct esc_function_result *r, const struct esc_finding *fd,
                        const char *what, uint32_t first_stmt, uint32_t nsteps)
{
    if (!fd) {
        note("got: no finding");
        fail("%s: %u-step path from the address-of (stmt %u) to the escape", what, nsteps,
             first_stmt);
        return;
    }
    bool ok = fd->nsteps == nsteps && fd->steps && fd->steps[0].stmt == first_stmt &&
              fd->steps[fd->nsteps - 1].stmt == fd->stmt;
    if (ok && fd->steps[0].src.kind == ESC_OPND_ADDR && fd->steps[0].src.id == fd->object)
        pass("%s: %u-step path from the address-of (stmt %u) to the escape", what, nsteps,
             first_stmt);
    else {
        note("got: %u steps, first stmt %u", fd->nsteps, fd->nsteps ? fd->steps[0].stmt : ESC_NONE);
        fail("%s: %u-step path from the address-of (stmt %u) to the escape", what, nsteps,
             first_stmt);
    }
    (void)r;
}

/* Analyse a function that must stay silent.  So that "no finding" cannot
   come from a function the analysis skipped or rejected, a canary is put at
   the start of its entry block: canary_g = &canary (line 1), which must be
   the one and only finding. */
static void expect_silent(struct fx *f, const char *what)
{
    uint32_t g = global(f, "canary_g");
    uint32_t c = local(f, "canary", 1);
    uint32_t id = assign(f, f->fn->entry, 1, mem(g), esc_opnd_addr(c, 0));
    struct esc_block *entry = &f->fn->blocks[f->fn->entry];
    for (uint32_t k = entry->nstmts - 1; k > 0; k--)
        entry->stmts[k] = entry->stmts[k - 1];
    entry->stmts[0] = id;
    const struct esc_function_result *r = analyze(f);
    bool canary = false, others = false;
    for (uint32_t i = 0; i < r->nfindings; i++) {
        if (r->findings[i].object == c && r->findings[i].stmt == id &&
            r->findings[i].rule == ESC_RULE_ESCAPE_GLOBAL)
            canary = true;
        else if (r->findings[i].rule != ESC_RULE_HEAP_TO_STACK) /* advice: heap2stack.c */
            others = true;
    }
    if (canary && !others)
        pass("%s: no finding (the canary g = &canary is found)", what);
    else {
        if (!canary)
            note("got: no canary finding: was the function analysed at all?");
        else
            note("got: %u finding(s) besides the canary", r->nfindings - 1);
        fail("%s: no finding (the canary g = &canary is found)", what);
    }
}

/* --- escape-return ------------------------------------------------------ */

static void return_local(void)
{
    /* int *f (void) { int x; int *p = &x; return p; } */
    struct fx f = fx_new("f");
    uint32_t x = local(&f, "x", 2);
    uint32_t p = value(&f, "p");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = assign(&f, b, 3, esc_opnd_value(p), esc_opnd_addr(x, 0));
    uint32_t s1 = ret(&f, b, 4, esc_opnd_value(p));
    const struct esc_function_result *r = analyze(&f);
    const struct esc_finding *fd =
        expect_one(r, "return p (p = &x)", ESC_RULE_ESCAPE_RETURN, x, s1, f.fn->return_object);
    expect_path(r, fd, "return p (p = &x)", s0, 2);
    if (fd && fd->nsteps == 2)
        check(fd->steps[0].reason == ESC_FLOW_ADDRESS && fd->steps[1].reason == ESC_FLOW_RETURN &&
                  fd->steps[1].loc.line == 4,
              "return p (p = &x): steps are address-of, then return at line 4");
    else
        fail("return p (p = &x): steps are address-of, then return at line 4");
    check(!fd || (fd->heap_root == ESC_NONE && fd->nheap_steps == 0),
          "return p (p = &x): no heap path for a non-heap finding");
    fx_free(&f);

    /* int *f (void) { int x; return &x; } */
    f = fx_new("direct");
    x = local(&f, "x", 2);
    b = esc_add_block(f.fn);
    s1 = ret(&f, b, 3, esc_opnd_addr(x, 0));
    r = analyze(&f);
    fd = expect_one(r, "return &x", ESC_RULE_ESCAPE_RETURN, x, s1, f.fn->return_object);
    expect_path(r, fd, "return &x", s1, 1);
    fx_free(&f);

    /* return c ? &x : &y through a PHI: one source return, one finding,
       which names the other object. */
    f = fx_new("phi");
    x = local(&f, "x", 2);
    uint32_t y = local(&f, "y", 2);
    p = value(&f, "p");
    uint32_t b0, b1, b2, b3;
    fx_diamond(&f, &b0, &b1, &b2, &b3);
    struct esc_operand in[2] = {esc_opnd_addr(x, 0), esc_opnd_addr(y, 0)};
    stmt(&f, b3, ESC_STMT_PHI, 5, esc_opnd_value(p), 2, in, NULL, 0, ESC_NONE);
    s1 = ret(&f, b3, 6, esc_opnd_value(p));
    r = analyze(&f);
    expect_count(r, 1, "return PHI (&x, &y)");
    if (r->nfindings == 1)
        check(r->findings[0].object == x && r->findings[0].stmt == s1 &&
                  r->findings[0].rule == ESC_RULE_ESCAPE_RETURN && r->findings[0].nalso == 1 &&
                  r->findings[0].also[0] == y,
              "return PHI (&x, &y): x at the return, naming y as well");
    else
        fail("return PHI (&x, &y): x at the return, naming y as well");
    if (r->nfindings == 1 && r->findings[0].nsteps == 2)
        check(r->findings[0].steps[0].reason == ESC_FLOW_ADDRESS &&
                  r->findings[0].steps[0].arg == 1,
              "return PHI (&x, &y): the path starts at PHI argument 1, as address-of");
    else
        fail("return PHI (&x, &y): the path starts at PHI argument 1, as address-of");
    fx_free(&f);

    /* struct n a, b; a.next = &b; return &a;  -- only a: b sits in stack memory. */
    f = fx_new("nested");
    uint32_t a = local(&f, "a", 2), bb = local(&f, "b", 2);
    b = esc_add_block(f.fn);
    assign(&f, b, 3, mem(a), esc_opnd_addr(bb, 0));
    s1 = ret(&f, b, 4, esc_opnd_addr(a, 0));
    r = analyze(&f);
    expect_one(r, "a.next = &b; return &a", ESC_RULE_ESCAPE_RETURN, a, s1, f.fn->return_object);
    fx_free(&f);
}

/* --- escape-caller ------------------------------------------------------ */

static void caller(void)
{
    /* void f (int **out) { int x; *out = &x; } */
    struct fx f = fx_new("f");
    f.fn->returns_pointer = false;
    uint32_t out = pointer_param(&f, "out");
    uint32_t x = local(&f, "x", 2);
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = assign(&f, b, 3, deref(out), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_none());
    const struct esc_function_result *r = analyze(&f);
    const struct esc_finding *fd =
        expect_one(r, "*out = &x", ESC_RULE_ESCAPE_CALLER, x, s0, f.fn->params[0].caller);
    expect_path(r, fd, "*out = &x", s0, 1);
    check(r->fn->objects[f.fn->params[0].caller].kind == ESC_OBJ_CALLER &&
              r->fn->objects[f.fn->params[0].caller].param == 0,
          "*out = &x: the sink is parameter 0's CALLER object");
    fx_free(&f);

    /* void f (int **out) { int x; int **o2 = out; *o2 = &x; *out = 0; }
       o2 is a copy of out, so the reset through out overwrites the store
       through o2: silent. */
    f = fx_new("alias");
    f.fn->returns_pointer = false;
    out = pointer_param(&f, "out");
    x = local(&f, "x", 2);
    uint32_t o2 = value(&f, "o2");
    b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(o2), esc_opnd_value(out));
    s0 = assign(&f, b, 4, deref(o2), esc_opnd_addr(x, 0));
    assign(&f, b, 5, deref(out), esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_none());
    (void)s0;
    expect_silent(&f, "o2 = out; *o2 = &x; *out = 0");
    fx_free(&f);

    /* void f (int **out, int **other) { int x; *other = &x; *out = 0; }
       Two different pointers: the second store cannot be proven to
       overwrite the first, so the escape stands. */
    f = fx_new("two_pointers");
    f.fn->returns_pointer = false;
    out = pointer_param(&f, "out");
    uint32_t other = pointer_param(&f, "other");
    x = local(&f, "x", 2);
    b = esc_add_block(f.fn);
    s0 = assign(&f, b, 4, deref(other), esc_opnd_addr(x, 0));
    assign(&f, b, 5, deref(out), esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_none());
    r = analyze(&f);
    expect_one(r, "*other = &x; *out = 0", ESC_RULE_ESCAPE_CALLER, x, s0, f.fn->params[1].caller);
    fx_free(&f);

    /* *out = &x; *out = 0;  -- overwritten through the same value: silent. */
    f = fx_new("reset");
    f.fn->returns_pointer = false;
    out = pointer_param(&f, "out");
    x = local(&f, "x", 2);
    b = esc_add_block(f.fn);
    assign(&f, b, 3, deref(out), esc_opnd_addr(x, 0));
    assign(&f, b, 4, deref(out), esc_opnd_int(0));
    ret(&f, b, 5, esc_opnd_none());
    expect_silent(&f, "*out = &x; *out = 0");
    fx_free(&f);

    /* Assigning the parameter's own (address-taken) slot is not the caller's memory. */
    f = fx_new("own_slot");
    f.fn->returns_pointer = false;
    out = pointer_param(&f, "out");
    uint32_t slot = esc_add_object(f.m, f.fn, ESC_OBJ_PARAM, "out", at(1));
    f.fn->objects[slot].param = 0;
    f.fn->objects[slot].companion = f.fn->params[0].caller;
    f.fn->params[0].object = slot;
    x = local(&f, "x", 2);
    b = esc_add_block(f.fn);
    assign(&f, b, 3, mem(slot), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_none());
    expect_silent(&f, "out = &x (the parameter's own slot)");
    fx_free(&f);
}

/* --- escape-global ------------------------------------------------------ */

static void globals(void)
{
    /* int *g; void f (void) { int x; g = &x; } */
    struct fx f = fx_new("f");
    uint32_t g = global(&f, "g");
    uint32_t x = local(&f, "x", 2);
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = assign(&f, b, 3, mem(g), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_none());
    const struct esc_function_result *r = analyze(&f);
    const struct esc_finding *fd = expect_one(r, "g = &x", ESC_RULE_ESCAPE_GLOBAL, x, s0, g);
    expect_path(r, fd, "g = &x", s0, 1);
    fx_free(&f);

    /* struct s *g; void f (void) { int x; struct s *t = g; t->p = &x; } */
    f = fx_new("through");
    g = global(&f, "g");
    x = local(&f, "x", 2);
    uint32_t t = value(&f, "t");
    b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(t), mem(g));
    s0 = assign(&f, b, 4, deref(t), esc_opnd_addr(x, 0));
    ret(&f, b, 5, esc_opnd_none());
    r = analyze(&f);
    expect_one(r, "t = g; t->p = &x", ESC_RULE_ESCAPE_GLOBAL, x, s0, f.fn->objects[g].companion);
    fx_free(&f);

    /* Local statics and thread-locals are static storage as well. */
    static const uint32_t flags[] = {ESC_OBJF_LOCAL_STATIC, ESC_OBJF_THREAD_LOCAL};
    static const char *const names[] = {"static local", "thread-local"};
    for (int i = 0; i < 2; i++) {
        f = fx_new("flags");
        g = global(&f, "s");
        f.fn->objects[g].flags = flags[i];
        x = local(&f, "x", 2);
        b = esc_add_block(f.fn);
        s0 = assign(&f, b, 3, mem(g), esc_opnd_addr(x, 0));
        ret(&f, b, 4, esc_opnd_none());
        r = analyze(&f);
        char what[64];
        snprintf(what, sizeof what, "%s s = &x", names[i]);
        expect_one(r, what, ESC_RULE_ESCAPE_GLOBAL, x, s0, g);
        fx_free(&f);
    }
}

/* g = &x; if (c) g = 0; [else g = 0;] return; */
static void reset_on_branches(struct fx *f, bool both, uint32_t *store, uint32_t *x_out,
                              uint32_t *g_out)
{
    *f = fx_new("reset");
    f->fn->returns_pointer = false;
    uint32_t g = global(f, "g");
    uint32_t x = local(f, "x", 2);
    uint32_t b0 = esc_add_block(f->fn), b1 = esc_add_block(f->fn), b2 = esc_add_block(f->fn),
             b3 = esc_add_block(f->fn);
    esc_add_edge(f->fn, b0, b1);
    esc_add_edge(f->fn, b0, b2);
    esc_add_edge(f->fn, b1, b3);
    esc_add_edge(f->fn, b2, b3);
    *store = assign(f, b0, 3, mem(g), esc_opnd_addr(x, 0));
    assign(f, b1, 5, mem(g), esc_opnd_int(0));
    if (both)
        assign(f, b2, 7, mem(g), esc_opnd_int(0));
    ret(f, b3, 9, esc_opnd_none());
    *x_out = x;
    *g_out = g;
}

static void reset_global(void)
{
    struct fx f;
    uint32_t s, x, g;
    reset_on_branches(&f, false, &s, &x, &g);
    const struct esc_function_result *r = analyze(&f);
    expect_one(r, "g = &x, reset to 0 on one branch only", ESC_RULE_ESCAPE_GLOBAL, x, s, g);
    fx_free(&f);
    reset_on_branches(&f, true, &s, &x, &g);
    expect_silent(&f, "g = &x, reset to 0 on both branches");
    fx_free(&f);

    /* Flow-insensitive points-to would let an earlier load see the later store. */
    /* int *g; int *f (void) { int x; int *t = g; g = &x; g = 0; return t; } */
    f = fx_new("load_before");
    g = global(&f, "g");
    x = local(&f, "x", 2);
    uint32_t t = value(&f, "t");
    uint32_t b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(t), mem(g));
    assign(&f, b, 4, mem(g), esc_opnd_addr(x, 0));
    assign(&f, b, 5, mem(g), esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_value(t));
    expect_silent(&f, "t = g; g = &x; g = 0; return t");
    fx_free(&f);

    /* ... but a load after the store does carry it. */
    f = fx_new("load_after");
    g = global(&f, "g");
    x = local(&f, "x", 2);
    t = value(&f, "t");
    b = esc_add_block(f.fn);
    uint32_t s0 = assign(&f, b, 3, mem(g), esc_opnd_addr(x, 0));
    assign(&f, b, 4, esc_opnd_value(t), mem(g));
    assign(&f, b, 5, mem(g), esc_opnd_int(0));
    uint32_t s3 = ret(&f, b, 6, esc_opnd_value(t));
    r = analyze(&f);
    const struct esc_finding *fd = expect_one(r, "g = &x; t = g; g = 0; return t",
                                              ESC_RULE_ESCAPE_RETURN, x, s3, f.fn->return_object);
    expect_path(r, fd, "g = &x; t = g; g = 0; return t", s0, 3);
    fx_free(&f);
}

/* The kernel's frame-linking pattern:
     struct frame { struct frame *prev; } *g_top;
     void f (void) { struct frame fr; fr.prev = g_top; g_top = &fr; work (); g_top = fr.prev; }
   RESTORE false leaves out the last line. */
static void kernel(struct fx *f, bool restore, uint32_t *store, uint32_t *frame, uint32_t *top)
{
    *f = fx_new("kernel");
    f->fn->returns_pointer = false;
    uint32_t g_top = global(f, "g_top");
    uint32_t fr = local(f, "fr", 2);
    uint32_t t = value(f, "t"), u = value(f, "u");
    uint32_t b = esc_add_block(f->fn);
    assign(f, b, 3, esc_opnd_value(t), mem(g_top));
    assign(f, b, 3, mem(fr), esc_opnd_value(t));
    *store = assign(f, b, 4, mem(g_top), esc_opnd_addr(fr, 0));
    stmt(f, b, ESC_STMT_CALL, 5, esc_opnd_none(), 0, NULL, "work", 0, ESC_NONE);
    if (restore) {
        assign(f, b, 6, esc_opnd_value(u), mem(fr));
        assign(f, b, 6, mem(g_top), esc_opnd_value(u));
    }
    ret(f, b, 7, esc_opnd_none());
    *frame = fr;
    *top = g_top;
}

static void kernel_pattern(void)
{
    struct fx f;
    uint32_t s, fr, top;
    kernel(&f, true, &s, &fr, &top);
    expect_silent(&f, "t = g_top; fr.prev = t; g_top = &fr; u = fr.prev; g_top = u");
    fx_free(&f);
    kernel(&f, false, &s, &fr, &top);
    const struct esc_function_result *r = analyze(&f);
    expect_one(r, "t = g_top; fr.prev = t; g_top = &fr (no restore)", ESC_RULE_ESCAPE_GLOBAL, fr, s,
               top);
    fx_free(&f);
}

/* --- escape-heap -------------------------------------------------------- */

static void heap(void)
{
    /* int **f (void) { int x; int **h = malloc (8); *h = &x; return h; } */
    struct fx f = fx_new("f");
    uint32_t x = local(&f, "x", 2);
    uint32_t h = value(&f, "h");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    uint32_t s1 = assign(&f, b, 4, deref(h), esc_opnd_addr(x, 0));
    uint32_t s2 = ret(&f, b, 5, esc_opnd_value(h));
    const struct esc_function_result *r = analyze(&f);
    uint32_t site = f.fn->stmts[s0].object;
    check(site != ESC_NONE && site < f.fn->nobjects && f.fn->objects[site].kind == ESC_OBJ_HEAP &&
              f.fn->objects[site].stmt == s0,
          "h = malloc (8): the analysis adds a HEAP object for the call site");
    const struct esc_finding *fd =
        expect_one(r, "h = malloc; *h = &x; return h", ESC_RULE_ESCAPE_HEAP, x, s1, site);
    expect_path(r, fd, "h = malloc; *h = &x; return h", s1, 1);
    if (fd && fd->heap_root == f.fn->return_object && fd->nheap_steps >= 2 &&
        fd->heap_steps[0].stmt == s0 && fd->heap_steps[fd->nheap_steps - 1].stmt == s2)
        pass("h = malloc; *h = &x; return h: the heap object escapes via the return, from "
             "malloc to return");
    else
        fail("h = malloc; *h = &x; return h: the heap object escapes via the return, from "
             "malloc to return");
    fx_free(&f);

    /* The same without return h: the heap object dies with the frame (or leaks): silent. */
    f = fx_new("kept");
    f.fn->returns_pointer = false;
    x = local(&f, "x", 2);
    h = value(&f, "h");
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    assign(&f, b, 4, deref(h), esc_opnd_addr(x, 0));
    call1(&f, b, 5, esc_opnd_none(), "free", esc_opnd_value(h));
    ret(&f, b, 6, esc_opnd_none());
    expect_silent(&f, "h = malloc; *h = &x; free (h)");
    fx_free(&f);

    /* Heap object stored into a global: escape-heap with the global as root. */
    f = fx_new("to_global");
    f.fn->returns_pointer = false;
    uint32_t g = global(&f, "g");
    x = local(&f, "x", 2);
    h = value(&f, "h");
    b = esc_add_block(f.fn);
    s0 = call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    s1 = assign(&f, b, 4, deref(h), esc_opnd_addr(x, 0));
    assign(&f, b, 5, mem(g), esc_opnd_value(h));
    ret(&f, b, 6, esc_opnd_none());
    r = analyze(&f);
    fd = expect_one(r, "h = malloc; *h = &x; g = h", ESC_RULE_ESCAPE_HEAP, x, s1,
                    f.fn->stmts[s0].object);
    check(fd && fd->heap_root == g, "h = malloc; *h = &x; g = h: the heap root is g");
    fx_free(&f);
}

/* --- silence ------------------------------------------------------------ */

static void silent(void)
{
    /* void f (void) { int x; struct s l; l.p = &x; } */
    struct fx f = fx_new("local_struct");
    f.fn->returns_pointer = false;
    uint32_t x = local(&f, "x", 2), l = local(&f, "l", 2);
    uint32_t b = esc_add_block(f.fn);
    assign(&f, b, 3, mem(l), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_none());
    expect_silent(&f, "l.p = &x (local struct only)");
    fx_free(&f);

    /* static int s; int *f (void) { int *p = &s; return p; } */
    f = fx_new("static");
    uint32_t s = global(&f, "s");
    f.fn->objects[s].flags = ESC_OBJF_LOCAL_STATIC;
    uint32_t p = value(&f, "p");
    b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(p), esc_opnd_addr(s, 0));
    ret(&f, b, 4, esc_opnd_value(p));
    expect_silent(&f, "return p (p = &static_s)");
    fx_free(&f);

    /* int *f (int *q) { return q; } and return q + 1 and return *pp. */
    f = fx_new("caller_memory");
    uint32_t q = pointer_param(&f, "q");
    uint32_t pp = pointer_param(&f, "pp");
    uint32_t q1 = value(&f, "q1"), ld = value(&f, "ld"), sel = value(&f, "sel");
    b = esc_add_block(f.fn);
    stmt(&f, b, ESC_STMT_ASSIGN, 3, esc_opnd_value(q1), 1,
         (struct esc_operand[]){esc_opnd_value(q)}, NULL, 0, ESC_NONE);
    f.fn->stmts[f.fn->nstmts - 1].op = ESC_ASSIGN_POINTER_ARITH;
    assign(&f, b, 4, esc_opnd_value(ld), deref(pp));
    struct esc_operand both[2] = {esc_opnd_value(q1), esc_opnd_value(ld)};
    stmt(&f, b, ESC_STMT_ASSIGN, 5, esc_opnd_value(sel), 2, both, NULL, 0, ESC_NONE);
    ret(&f, b, 6, esc_opnd_value(sel));
    expect_silent(&f, "return c ? q + 1 : *pp (caller's memory)");
    fx_free(&f);

    /* A pointer from an unknown call is not evidence. */
    f = fx_new("unknown");
    uint32_t v = value(&f, "v");
    x = local(&f, "x", 2);
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(v), "lookup", esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_value(v));
    expect_silent(&f, "return lookup (&x) (unknown callee)");
    fx_free(&f);
}

/* --- other stack objects ------------------------------------------------ */

static void other_stack_objects(void)
{
    /* void *f (int n) { void *p = alloca (n); return p; } */
    struct fx f = fx_new("alloca");
    uint32_t p = value(&f, "p");
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = call1(&f, b, 3, esc_opnd_value(p), "__builtin_alloca", esc_opnd_int(16));
    uint32_t s1 = ret(&f, b, 4, esc_opnd_value(p));
    const struct esc_function_result *r = analyze(&f);
    uint32_t site = f.fn->stmts[s0].object;
    check(site != ESC_NONE && f.fn->objects[site].kind == ESC_OBJ_ALLOCA,
          "p = __builtin_alloca (16): the analysis adds an ALLOCA object");
    expect_one(r, "return alloca (16)", ESC_RULE_ESCAPE_RETURN, site, s1, f.fn->return_object);
    fx_free(&f);

    /* int *f (int n) { int a[n]; return a; } */
    f = fx_new("vla");
    uint32_t vla = esc_add_object(f.m, f.fn, ESC_OBJ_VLA, "a", at(2));
    p = value(&f, "a.0");
    b = esc_add_block(f.fn);
    s0 =
        stmt(&f, b, ESC_STMT_CALL, 2, esc_opnd_value(p), 1, (struct esc_operand[]){esc_opnd_int(8)},
             "__builtin_alloca_with_align", ESC_CALLF_VLA, vla);
    s1 = ret(&f, b, 3, esc_opnd_value(p));
    r = analyze(&f);
    expect_one(r, "return a (a VLA)", ESC_RULE_ESCAPE_RETURN, vla, s1, f.fn->return_object);
    fx_free(&f);

    /* int *f (void) { return (int[]){1}; } */
    f = fx_new("compound");
    uint32_t cl = esc_add_object(f.m, f.fn, ESC_OBJ_COMPOUND_LITERAL, NULL, at(2));
    b = esc_add_block(f.fn);
    s1 = ret(&f, b, 2, esc_opnd_addr(cl, 0));
    r = analyze(&f);
    expect_one(r, "return (int[]){1}", ESC_RULE_ESCAPE_RETURN, cl, s1, f.fn->return_object);
    fx_free(&f);

    /* int *f (int v) { return &v; } */
    f = fx_new("param");
    esc_add_param(f.m, f.fn, "v", at(1), false);
    uint32_t slot = esc_add_object(f.m, f.fn, ESC_OBJ_PARAM, "v", at(1));
    f.fn->objects[slot].param = 0;
    f.fn->params[0].object = slot;
    b = esc_add_block(f.fn);
    s1 = ret(&f, b, 2, esc_opnd_addr(slot, 0));
    r = analyze(&f);
    expect_one(r, "return &v (parameter slot)", ESC_RULE_ESCAPE_RETURN, slot, s1,
               f.fn->return_object);
    fx_free(&f);
}

/* --- order -------------------------------------------------------------- */

static void source_order(void)
{
    /* int *g; int *f (int **out) { int a, b, c;
         g = &a;       line 3
         *out = &b;    line 5
         return &c; }  line 7
       The analysis finds the return first and g last: the output must be by line. */
    struct fx f = fx_new("order");
    uint32_t out = pointer_param(&f, "out");
    uint32_t g = global(&f, "g");
    uint32_t a = local(&f, "a", 2), bo = local(&f, "b", 2), c = local(&f, "c", 2);
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = assign(&f, b, 3, mem(g), esc_opnd_addr(a, 0));
    uint32_t s1 = assign(&f, b, 5, deref(out), esc_opnd_addr(bo, 0));
    uint32_t s2 = ret(&f, b, 7, esc_opnd_addr(c, 0));
    const struct esc_function_result *r = analyze(&f);
    expect_count(r, 3, "g = &a; *out = &b; return &c");
    if (r->nfindings == 3)
        check(r->findings[0].stmt == s0 && r->findings[0].rule == ESC_RULE_ESCAPE_GLOBAL &&
                  r->findings[1].stmt == s1 && r->findings[1].rule == ESC_RULE_ESCAPE_CALLER &&
                  r->findings[2].stmt == s2 && r->findings[2].rule == ESC_RULE_ESCAPE_RETURN,
              "findings come in source order: line 3 global, line 5 caller, line 7 return");
    else
        fail("findings come in source order: line 3 global, line 5 caller, line 7 return");
    bool sorted = true;
    for (uint32_t i = 1; i < r->nfindings; i++)
        if (r->findings[i - 1].loc.line > r->findings[i].loc.line)
            sorted = false;
    check(sorted && r->nfindings > 1, "finding lines never decrease");
    fx_free(&f);

    /* Statement order differs from line order (as after GCC moves code). */
    f = fx_new("moved");
    f.fn->returns_pointer = false;
    g = global(&f, "g");
    uint32_t h = global(&f, "h");
    a = local(&f, "a", 2);
    bo = local(&f, "b", 2);
    b = esc_add_block(f.fn);
    s0 = assign(&f, b, 9, mem(g), esc_opnd_addr(a, 0));
    s1 = assign(&f, b, 4, mem(h), esc_opnd_addr(bo, 0));
    ret(&f, b, 10, esc_opnd_none());
    r = analyze(&f);
    expect_count(r, 2, "g = &a (line 9); h = &b (line 4)");
    if (r->nfindings == 2)
        check(r->findings[0].stmt == s1 && r->findings[1].stmt == s0,
              "findings sorted by line, not by statement: h = &b (line 4) first");
    else
        fail("findings sorted by line, not by statement: h = &b (line 4) first");
    fx_free(&f);
}

/* --- locations and duplicates ------------------------------------------ */

static void merged_return(void)
{
    /* int *f (int c) { int x, y; if (c) return &x;  (line 4)  return &y;  (line 6) }
       after GCC merges the returns: bb3: p = PHI (&x from line 4, &y from line 6); return p;
       with no location of its own. */
    struct fx f = fx_new("merged");
    uint32_t x = local(&f, "x", 2), y = local(&f, "y", 2);
    uint32_t p = value(&f, "p");
    uint32_t b0, b1, b2, b3;
    fx_diamond(&f, &b0, &b1, &b2, &b3);
    struct esc_operand in[2] = {esc_opnd_addr(y, 0), esc_opnd_addr(x, 0)};
    struct esc_loc locs[2] = {at(6), at(4)};
    struct esc_stmt phi = {0};
    phi.kind = ESC_STMT_PHI;
    phi.lhs = esc_opnd_value(p);
    phi.nargs = 2;
    phi.args = in;
    phi.arg_locs = locs;
    phi.target = esc_opnd_none();
    phi.object = ESC_NONE;
    esc_add_stmt(f.m, f.fn, b3, &phi);
    uint32_t r0 = ret(&f, b3, 0, esc_opnd_value(p));
    const struct esc_function_result *r = analyze(&f);
    expect_count(r, 2, "merged return of &x (line 4) and &y (line 6)");
    if (r->nfindings == 2)
        check(
            r->findings[0].object == x && r->findings[0].loc.line == 4 &&
                r->findings[1].object == y && r->findings[1].loc.line == 6 &&
                r->findings[0].stmt == r0 && r->findings[1].stmt == r0,
            "merged return: each finding takes the line of its incoming edge, x (4) before y (6)");
    else
        fail("merged return: each finding takes the line of its incoming edge, x (4) before y (6)");
    fx_free(&f);
}

static void reported_once(void)
{
    /* int *g, *h; void f (int c) { int x; int **p = c ? &g : &h; *p = &x; } */
    struct fx f = fx_new("once");
    f.fn->returns_pointer = false;
    uint32_t g = global(&f, "g"), h = global(&f, "h");
    uint32_t x = local(&f, "x", 2);
    uint32_t p = value(&f, "p");
    uint32_t b = esc_add_block(f.fn);
    struct esc_operand both[2] = {esc_opnd_addr(g, 0), esc_opnd_addr(h, 0)};
    stmt(&f, b, ESC_STMT_ASSIGN, 3, esc_opnd_value(p), 2, both, NULL, 0, ESC_NONE);
    f.fn->stmts[f.fn->nstmts - 1].op = ESC_ASSIGN_SELECT;
    uint32_t s1 = assign(&f, b, 4, deref(p), esc_opnd_addr(x, 0));
    ret(&f, b, 5, esc_opnd_none());
    const struct esc_function_result *r = analyze(&f);
    expect_count(r, 1, "*(c ? &g : &h) = &x");
    check(r->nfindings == 1 && r->findings[0].stmt == s1 && r->findings[0].object == x &&
              r->findings[0].rule == ESC_RULE_ESCAPE_GLOBAL &&
              (r->findings[0].sink == g || r->findings[0].sink == h),
          "*(c ? &g : &h) = &x: reported once, escape-global into g or h");
    fx_free(&f);

    /* void f (int **out) { int x; int **h = malloc (8); *h = &x; *out = h; } */
    f = fx_new("heap_to_caller");
    f.fn->returns_pointer = false;
    uint32_t out = pointer_param(&f, "out");
    x = local(&f, "x", 2);
    uint32_t hv = value(&f, "h");
    b = esc_add_block(f.fn);
    uint32_t s0 = call1(&f, b, 3, esc_opnd_value(hv), "malloc", esc_opnd_int(8));
    s1 = assign(&f, b, 4, deref(hv), esc_opnd_addr(x, 0));
    assign(&f, b, 5, deref(out), esc_opnd_value(hv));
    ret(&f, b, 6, esc_opnd_none());
    r = analyze(&f);
    const struct esc_finding *fd = expect_one(r, "h = malloc; *h = &x; *out = h",
                                              ESC_RULE_ESCAPE_HEAP, x, s1, f.fn->stmts[s0].object);
    check(fd && fd->heap_root == f.fn->params[0].caller,
          "h = malloc; *h = &x; *out = h: the heap root is the caller's memory behind out");
    fx_free(&f);
}

/* --- flow-sensitivity through memory ----------------------------------- */

static void through_memory(void)
{
    /* int *g; int *f (int n) { int x; int *t;
         do { t = g; g = &x; } while (--n);   bb1: t = g (3); g = &x (4)
         g = 0; return t; }                   bb2: g = 0 (6); return t (7)
       The second iteration loads what the first stored. */
    struct fx f = fx_new("loop");
    uint32_t g = global(&f, "g");
    uint32_t x = local(&f, "x", 2);
    uint32_t t = value(&f, "t");
    uint32_t b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn), b2 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b1);
    esc_add_edge(f.fn, b1, b1);
    esc_add_edge(f.fn, b1, b2);
    assign(&f, b1, 3, esc_opnd_value(t), mem(g));
    uint32_t s = assign(&f, b1, 4, mem(g), esc_opnd_addr(x, 0));
    assign(&f, b2, 6, mem(g), esc_opnd_int(0));
    uint32_t r0 = ret(&f, b2, 7, esc_opnd_value(t));
    const struct esc_function_result *r = analyze(&f);
    const struct esc_finding *fd =
        expect_one(r, "do { t = g; g = &x; } while (...); g = 0; return t", ESC_RULE_ESCAPE_RETURN,
                   x, r0, f.fn->return_object);
    expect_path(r, fd, "do { t = g; g = &x; } while (...); g = 0; return t", s, 3);
    fx_free(&f);

    /* The kernel pattern with an early return between link and unlink. */
    f = fx_new("kernel_early");
    f.fn->returns_pointer = false;
    uint32_t top = global(&f, "g_top");
    uint32_t fr = local(&f, "fr", 2);
    t = value(&f, "t");
    uint32_t u = value(&f, "u");
    b0 = esc_add_block(f.fn), b1 = esc_add_block(f.fn), b2 = esc_add_block(f.fn);
    esc_add_edge(f.fn, b0, b1);
    esc_add_edge(f.fn, b0, b2);
    assign(&f, b0, 3, esc_opnd_value(t), mem(top));
    assign(&f, b0, 3, mem(fr), esc_opnd_value(t));
    s = assign(&f, b0, 4, mem(top), esc_opnd_addr(fr, 0));
    ret(&f, b1, 5, esc_opnd_none());
    assign(&f, b2, 6, esc_opnd_value(u), mem(fr));
    assign(&f, b2, 6, mem(top), esc_opnd_value(u));
    ret(&f, b2, 7, esc_opnd_none());
    r = analyze(&f);
    expect_one(r, "g_top = &fr; if (c) return; g_top = fr.prev", ESC_RULE_ESCAPE_GLOBAL, fr, s,
               top);
    fx_free(&f);

    /* void f (struct s *out) { int x; struct s tmp; tmp.p = &x; memcpy (out, &tmp, 8); } */
    f = fx_new("memcpy");
    f.fn->returns_pointer = false;
    uint32_t out = pointer_param(&f, "out");
    x = local(&f, "x", 2);
    uint32_t tmp = local(&f, "tmp", 2);
    uint32_t b = esc_add_block(f.fn);
    uint32_t s0 = assign(&f, b, 3, mem(tmp), esc_opnd_addr(x, 0));
    struct esc_operand args[3] = {esc_opnd_value(out), esc_opnd_addr(tmp, 0), esc_opnd_int(8)};
    uint32_t s1 = stmt(&f, b, ESC_STMT_CALL, 4, esc_opnd_none(), 3, args, "memcpy", 0, ESC_NONE);
    ret(&f, b, 5, esc_opnd_none());
    r = analyze(&f);
    fd = expect_one(r, "tmp.p = &x; memcpy (out, &tmp, 8)", ESC_RULE_ESCAPE_CALLER, x, s1,
                    f.fn->params[0].caller);
    expect_path(r, fd, "tmp.p = &x; memcpy (out, &tmp, 8)", s0, 2);
    fx_free(&f);

    /* The same, but tmp.p = 0 before the copy: the copy carries nothing. */
    f = fx_new("memcpy_reset");
    f.fn->returns_pointer = false;
    out = pointer_param(&f, "out");
    x = local(&f, "x", 2);
    tmp = local(&f, "tmp", 2);
    b = esc_add_block(f.fn);
    assign(&f, b, 3, mem(tmp), esc_opnd_addr(x, 0));
    assign(&f, b, 4, mem(tmp), esc_opnd_int(0));
    struct esc_operand args2[3] = {esc_opnd_value(out), esc_opnd_addr(tmp, 0), esc_opnd_int(8)};
    stmt(&f, b, ESC_STMT_CALL, 5, esc_opnd_none(), 3, args2, "memcpy", 0, ESC_NONE);
    ret(&f, b, 6, esc_opnd_none());
    expect_silent(&f, "tmp.p = &x; tmp.p = 0; memcpy (out, &tmp, 8)");
    fx_free(&f);

    /* Heap memory that stops escaping: g = h; g = 0. */
    f = fx_new("heap_unlinked");
    f.fn->returns_pointer = false;
    g = global(&f, "g");
    x = local(&f, "x", 2);
    uint32_t h = value(&f, "h");
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    assign(&f, b, 4, deref(h), esc_opnd_addr(x, 0));
    assign(&f, b, 5, mem(g), esc_opnd_value(h));
    assign(&f, b, 6, mem(g), esc_opnd_int(0));
    ret(&f, b, 7, esc_opnd_none());
    expect_silent(&f, "h = malloc; *h = &x; g = h; g = 0");
    fx_free(&f);

    /* Heap memory that escapes, but the stack address in it is cleared. */
    f = fx_new("heap_cleared");
    x = local(&f, "x", 2);
    h = value(&f, "h");
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    assign(&f, b, 4, deref(h), esc_opnd_addr(x, 0));
    assign(&f, b, 5, deref(h), esc_opnd_int(0));
    ret(&f, b, 6, esc_opnd_value(h));
    expect_silent(&f, "h = malloc; *h = &x; *h = 0; return h");
    fx_free(&f);
}

int main(void)
{
    return_local();
    caller();
    globals();
    reset_global();
    kernel_pattern();
    heap();
    silent();
    other_stack_objects();
    source_order();
    merged_return();
    reported_once();
    through_memory();
    totals();
    return failed ? 1 : 0;
}
