/* diagtext.c - unit tests for the warning and note text of findings. */
#include <dejagnu.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "report/diagtext.h"

/* --- building functions ------------------------------------------------ */

static struct fx fx_new(const char *name)
{
    return fx_open(name);
}

static struct esc_operand with_text(struct esc_operand op, const char *text)
{
    op.text = text;
    return op;
}

/* Analyse F and render its only finding; false (and a failure) if there is not exactly one. */
static bool render_one(struct fx *f, const char *what, struct esc_diag *d)
{
    esc_analyze_function(f->m, f->fn, NULL, NULL, &f->r);
    f->analyzed = true;
    if (f->r.nfindings != 1) {
        note("got: %u findings", f->r.nfindings);
        fail("%s: exactly one finding to render", what);
        return false;
    }
    pass("%s: exactly one finding to render", what);
    esc_render_finding(f->fn, &f->r.findings[0], d);
    return true;
}

/* --- checking text ------------------------------------------------------ */

static void expect_text(const char *got, const char *want, const char *what)
{
    if (got && strcmp(got, want) == 0)
        pass("%s: \"%s\"", what, want);
    else {
        note("got: \"%s\"", got ? got : "(null)");
        fail("%s: \"%s\"", what, want);
    }
}

/* The message, then the notes in order: declaration, flow notes, and for
   escape-heap the heap notes.  NOTES lists the expected texts, NULL-terminated. */
static void expect_diag(const struct esc_diag *d, const char *what, const char *message,
                        const char *const *notes, const enum esc_note_kind *kinds,
                        const uint32_t *lines)
{
    char label[160];
    expect_text(d->message, message, what);
    uint32_t n = 0;
    while (notes[n])
        n++;
    if (d->nnotes == n)
        pass("%s: %u notes", what, n);
    else {
        note("got: %u notes", d->nnotes);
        fail("%s: %u notes", what, n);
    }
    for (uint32_t i = 0; i < n && i < d->nnotes; i++) {
        snprintf(label, sizeof label, "%s: note %u", what, i + 1);
        expect_text(d->notes[i].text, notes[i], label);
        if (d->notes[i].kind == kinds[i] && d->notes[i].loc.line == lines[i] &&
            d->notes[i].loc.handle == 1000 + lines[i])
            pass("%s is of kind %d at line %u", label, (int)kinds[i], lines[i]);
        else {
            note("got: kind %d, line %u", (int)d->notes[i].kind, d->notes[i].loc.line);
            fail("%s is of kind %d at line %u", label, (int)kinds[i], lines[i]);
        }
    }
    /* The general shape, whatever the exact wording. */
    bool shape = d->nnotes >= 2 && d->notes[0].kind == ESC_NOTE_DECLARATION;
    for (uint32_t i = 1; i < d->nnotes; i++)
        if (d->notes[i].kind == ESC_NOTE_FLOW && strncmp(d->notes[i].text, "flow: ", 6) != 0)
            shape = false;
    snprintf(label, sizeof label, "%s: a declaration note, then notes starting with \"flow: \"",
             what);
    if (shape)
        pass("%s", label);
    else
        fail("%s", label);
}

#define D ESC_NOTE_DECLARATION
#define F ESC_NOTE_FLOW
#define H ESC_NOTE_HEAP

/* --- the four rules ----------------------------------------------------- */

static void return_message(void)
{
    /* int *f (void) { int x;  int *p = &x;  return p; } */
    struct fx f = fx_new("f");
    uint32_t x = local(&f, "x", 2);
    uint32_t p = value(&f, "p");
    uint32_t b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(p), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_value(p));
    struct esc_diag d;
    if (render_one(&f, "return p", &d)) {
        expect_diag(&d, "return p",
                    "address of local 'x' escapes via the return value [escape-return]",
                    (const char *[]){"'x' declared here", "flow: p = &x (address-of)",
                                     "flow: return p (return)", NULL},
                    (enum esc_note_kind[]){D, F, F}, (uint32_t[]){2, 3, 4});
        esc_diag_free(&d);
        if (!d.message && !d.notes && d.nnotes == 0)
            pass("esc_diag_free clears the diagnostic");
        else
            fail("esc_diag_free clears the diagnostic");
    }
    fx_free(&f);

    /* An unnamed SSA temporary is folded into the next note. */
    f = fx_new("tmp");
    x = local(&f, "x", 2);
    uint32_t t = value(&f, NULL);
    b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(t), esc_opnd_addr(x, 0));
    ret(&f, b, 3, esc_opnd_value(t));
    if (render_one(&f, "return &x via a temporary", &d)) {
        expect_diag(&d, "return &x via a temporary",
                    "address of local 'x' escapes via the return value [escape-return]",
                    (const char *[]){"'x' declared here", "flow: return &x (return)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){2, 3});
        esc_diag_free(&d);
    }
    fx_free(&f);
}

static void caller_message(void)
{
    /* void f (int **out) { int x;  *out = &x; } */
    struct fx f = fx_new("f");
    uint32_t out = pointer_param(&f, "out");
    uint32_t x = local(&f, "x", 2);
    uint32_t b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_deref(out, 0, 8), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_none());
    struct esc_diag d;
    if (render_one(&f, "*out = &x", &d)) {
        expect_diag(&d, "*out = &x",
                    "address of local 'x' escapes to the caller through parameter 'out' "
                    "[escape-caller]",
                    (const char *[]){"'x' declared here", "flow: *out = &x (store)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){2, 3});
        esc_diag_free(&d);
    }
    fx_free(&f);
}

static void global_message(void)
{
    /* int *g; void f (void) { int x;  g = &x; } */
    struct fx f = fx_new("f");
    uint32_t g = esc_add_object(f.m, f.fn, ESC_OBJ_STATIC, "g", at(0));
    uint32_t x = local(&f, "x", 2);
    uint32_t b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_mem(g, 0, 8), esc_opnd_addr(x, 0));
    ret(&f, b, 4, esc_opnd_none());
    struct esc_diag d;
    if (render_one(&f, "g = &x", &d)) {
        expect_diag(&d, "g = &x", "address of local 'x' escapes to global 'g' [escape-global]",
                    (const char *[]){"'x' declared here", "flow: g = &x (store)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){2, 3});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* struct s *g; void f (void) { int x;  struct s *t = g;  t->p = &x; }
       with the operand spellings the adapter records. */
    f = fx_new("through");
    g = esc_add_object(f.m, f.fn, ESC_OBJ_STATIC, "g", at(0));
    x = local(&f, "x", 2);
    uint32_t t = value(&f, "t");
    b = esc_add_block(f.fn);
    assign(&f, b, 3, esc_opnd_value(t), with_text(esc_opnd_mem(g, 0, 8), "g"));
    assign(&f, b, 4, with_text(esc_opnd_deref(t, 0, 8), "t->p"),
           with_text(esc_opnd_addr(x, 0), "x"));
    ret(&f, b, 5, esc_opnd_none());
    if (render_one(&f, "t = g; t->p = &x", &d)) {
        expect_diag(&d, "t = g; t->p = &x",
                    "address of local 'x' escapes to memory reachable from global 'g' "
                    "[escape-global]",
                    (const char *[]){"'x' declared here", "flow: t->p = &x (store)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){2, 4});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* A local static and a thread-local are named as such. */
    static const uint32_t flags[] = {ESC_OBJF_LOCAL_STATIC, ESC_OBJF_THREAD_LOCAL};
    static const char *const messages[] = {
        "address of local 'x' escapes to static 's' [escape-global]",
        "address of local 'x' escapes to thread-local 's' [escape-global]",
    };
    for (int i = 0; i < 2; i++) {
        f = fx_new("flags");
        g = esc_add_object(f.m, f.fn, ESC_OBJ_STATIC, "s", at(2));
        f.fn->objects[g].flags = flags[i];
        x = local(&f, "x", 2);
        b = esc_add_block(f.fn);
        assign(&f, b, 3, esc_opnd_mem(g, 0, 8), esc_opnd_addr(x, 0));
        ret(&f, b, 4, esc_opnd_none());
        if (render_one(&f, messages[i], &d)) {
            expect_text(d.message, messages[i], "static storage kinds");
            esc_diag_free(&d);
        }
        fx_free(&f);
    }
}

static void heap_message(void)
{
    /* int **f (void) { int x;  int **h = malloc (8);  *h = &x;  return h; } */
    struct fx f = fx_new("f");
    uint32_t x = local(&f, "x", 2);
    uint32_t h = value(&f, "h");
    uint32_t b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    assign(&f, b, 4, esc_opnd_deref(h, 0, 8), esc_opnd_addr(x, 0));
    ret(&f, b, 5, esc_opnd_value(h));
    struct esc_diag d;
    if (render_one(&f, "*h = &x; return h", &d)) {
        expect_diag(&d, "*h = &x; return h",
                    "address of local 'x' is stored in heap memory that is returned [escape-heap]",
                    (const char *[]){"'x' declared here", "flow: *h = &x (store)",
                                     "heap memory allocated by 'malloc' here",
                                     "flow: h = malloc (...) (allocation)",
                                     "flow: return h (return)", NULL},
                    (enum esc_note_kind[]){D, F, H, H, H}, (uint32_t[]){2, 4, 3, 3, 5});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* ... *out = h: the heap memory escapes to the caller. */
    f = fx_new("to_caller");
    uint32_t out = pointer_param(&f, "out");
    x = local(&f, "x", 2);
    h = value(&f, "h");
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "__builtin_malloc", esc_opnd_int(8));
    assign(&f, b, 4, esc_opnd_deref(h, 0, 8), esc_opnd_addr(x, 0));
    assign(&f, b, 5, esc_opnd_deref(out, 0, 8), esc_opnd_value(h));
    ret(&f, b, 6, esc_opnd_none());
    if (render_one(&f, "*h = &x; *out = h", &d)) {
        expect_diag(&d, "*h = &x; *out = h",
                    "address of local 'x' is stored in heap memory that escapes to the caller "
                    "through parameter 'out' [escape-heap]",
                    (const char *[]){"'x' declared here", "flow: *h = &x (store)",
                                     "heap memory allocated by 'malloc' here",
                                     "flow: h = malloc (...) (allocation)",
                                     "flow: *out = h (store)", NULL},
                    (enum esc_note_kind[]){D, F, H, H, H}, (uint32_t[]){2, 4, 3, 3, 5});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* ... g = h: the heap memory escapes to a global. */
    f = fx_new("to_global");
    uint32_t g = esc_add_object(f.m, f.fn, ESC_OBJ_STATIC, "g", at(0));
    x = local(&f, "x", 2);
    h = value(&f, "h");
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    assign(&f, b, 4, esc_opnd_deref(h, 0, 8), esc_opnd_addr(x, 0));
    assign(&f, b, 5, esc_opnd_mem(g, 0, 8), esc_opnd_value(h));
    ret(&f, b, 6, esc_opnd_none());
    if (render_one(&f, "*h = &x; g = h", &d)) {
        expect_text(d.message,
                    "address of local 'x' is stored in heap memory that escapes to global 'g' "
                    "[escape-heap]",
                    "*h = &x; g = h");
        esc_diag_free(&d);
    }
    fx_free(&f);
}

/* --- other stack objects in messages ----------------------------------- */

static void stack_object_messages(void)
{
    struct esc_diag d;

    /* return (int[]){1}; */
    struct fx f = fx_new("cl");
    uint32_t cl = esc_add_object(f.m, f.fn, ESC_OBJ_COMPOUND_LITERAL, NULL, at(2));
    uint32_t b = esc_add_block(f.fn);
    ret(&f, b, 2, esc_opnd_addr(cl, 0));
    if (render_one(&f, "return (int[]){1}", &d)) {
        expect_diag(&d, "return (int[]){1}",
                    "address of compound literal escapes via the return value [escape-return]",
                    (const char *[]){"compound literal defined here",
                                     "flow: return &(compound literal) (return)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){2, 2});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* void *p = __builtin_alloca (16); return p; */
    f = fx_new("alloca");
    uint32_t p = value(&f, "p");
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(p), "__builtin_alloca", esc_opnd_int(16));
    ret(&f, b, 4, esc_opnd_value(p));
    if (render_one(&f, "return alloca (16)", &d)) {
        expect_diag(&d, "return alloca (16)",
                    "address of 'alloca' memory escapes via the return value [escape-return]",
                    (const char *[]){"memory allocated by 'alloca' here",
                                     "flow: p = alloca (...) (allocation)",
                                     "flow: return p (return)", NULL},
                    (enum esc_note_kind[]){D, F, F}, (uint32_t[]){3, 3, 4});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* int a[n]; return a;  (the alloca behind the VLA returns an unnamed temporary) */
    f = fx_new("vla");
    uint32_t vla = esc_add_object(f.m, f.fn, ESC_OBJ_VLA, "a", at(2));
    uint32_t t = value(&f, NULL);
    b = esc_add_block(f.fn);
    stmt(&f, b, ESC_STMT_CALL, 2, esc_opnd_value(t), 1, (struct esc_operand[]){esc_opnd_int(8)},
         "__builtin_alloca_with_align", ESC_CALLF_VLA, vla);
    ret(&f, b, 3, esc_opnd_value(t));
    if (render_one(&f, "return a (VLA)", &d)) {
        expect_diag(&d, "return a (VLA)",
                    "address of variable-length array 'a' escapes via the return value "
                    "[escape-return]",
                    (const char *[]){"'a' declared here", "flow: return &a (return)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){2, 3});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* int *f (int v) { return &v; } */
    f = fx_new("param");
    esc_add_param(f.m, f.fn, "v", at(1), false);
    uint32_t slot = esc_add_object(f.m, f.fn, ESC_OBJ_PARAM, "v", at(1));
    f.fn->objects[slot].param = 0;
    f.fn->params[0].object = slot;
    b = esc_add_block(f.fn);
    ret(&f, b, 2, esc_opnd_addr(slot, 0));
    if (render_one(&f, "return &v", &d)) {
        expect_diag(&d, "return &v",
                    "address of parameter 'v' escapes via the return value [escape-return]",
                    (const char *[]){"'v' declared here", "flow: return &v (return)", NULL},
                    (enum esc_note_kind[]){D, F}, (uint32_t[]){1, 2});
        esc_diag_free(&d);
    }
    fx_free(&f);
}

/* --- notes for library calls ------------------------------------------ */

static void call_notes(void)
{
    struct esc_diag d;

    /* char *f (void) { char buf[8]; char *p = strchr (buf, 'a'); return p; } */
    struct fx f = fx_new("strchr");
    uint32_t buf = local(&f, "buf", 2);
    uint32_t p = value(&f, "p");
    uint32_t b = esc_add_block(f.fn);
    struct esc_operand args[2] = {esc_opnd_addr(buf, 0), esc_opnd_int('a')};
    stmt(&f, b, ESC_STMT_CALL, 3, esc_opnd_value(p), 2, args, "__builtin_strchr", 0, ESC_NONE);
    ret(&f, b, 4, esc_opnd_value(p));
    if (render_one(&f, "return strchr (buf, 'a')", &d)) {
        expect_diag(
            &d, "return strchr (buf, 'a')",
            "address of local 'buf' escapes via the return value [escape-return]",
            (const char *[]){"'buf' declared here",
                             "flow: p = strchr (&buf, ...) (returns a pointer into argument 1)",
                             "flow: return p (return)", NULL},
            (enum esc_note_kind[]){D, F, F}, (uint32_t[]){2, 3, 4});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* void f (struct s *out) { int x; struct s tmp; tmp.p = &x; memcpy (out, &tmp, 8); } */
    f = fx_new("memcpy");
    uint32_t out = pointer_param(&f, "out");
    uint32_t x = local(&f, "x", 2);
    uint32_t tmp = local(&f, "tmp", 2);
    b = esc_add_block(f.fn);
    assign(&f, b, 3, with_text(esc_opnd_mem(tmp, 0, 8), "tmp.p"), esc_opnd_addr(x, 0));
    struct esc_operand cargs[3] = {esc_opnd_value(out), esc_opnd_addr(tmp, 0), esc_opnd_int(8)};
    stmt(&f, b, ESC_STMT_CALL, 4, esc_opnd_none(), 3, cargs, "memcpy", 0, ESC_NONE);
    ret(&f, b, 5, esc_opnd_none());
    if (render_one(&f, "memcpy (out, &tmp, 8)", &d)) {
        expect_diag(&d, "memcpy (out, &tmp, 8)",
                    "address of local 'x' escapes to the caller through parameter 'out' "
                    "[escape-caller]",
                    (const char *[]){"'x' declared here", "flow: tmp.p = &x (store)",
                                     "flow: 'memcpy' stores tmp into *out (copied by call)", NULL},
                    (enum esc_note_kind[]){D, F, F}, (uint32_t[]){2, 3, 4});
        esc_diag_free(&d);
    }
    fx_free(&f);

    /* struct s *g; void f (void) { int x; int **h = malloc (8); *h = &x; g->p = h; } */
    f = fx_new("heap_reach");
    uint32_t g = esc_add_object(f.m, f.fn, ESC_OBJ_STATIC, "g", at(0));
    x = local(&f, "x", 2);
    uint32_t h = value(&f, "h"), t = value(&f, NULL);
    b = esc_add_block(f.fn);
    call1(&f, b, 3, esc_opnd_value(h), "malloc", esc_opnd_int(8));
    assign(&f, b, 4, esc_opnd_deref(h, 0, 8), esc_opnd_addr(x, 0));
    assign(&f, b, 5, esc_opnd_value(t), esc_opnd_mem(g, 0, 8));
    assign(&f, b, 5, with_text(esc_opnd_deref(t, 0, 8), "g->p"), esc_opnd_value(h));
    ret(&f, b, 6, esc_opnd_none());
    if (render_one(&f, "*h = &x; g->p = h", &d)) {
        expect_text(d.message,
                    "address of local 'x' is stored in heap memory that escapes to memory "
                    "reachable from global 'g' [escape-heap]",
                    "*h = &x; g->p = h");
        if (d.nnotes == 5)
            expect_text(d.notes[4].text, "flow: g->p = h (store)", "*h = &x; g->p = h: last note");
        else {
            note("got: %u notes", d.nnotes);
            fail("*h = &x; g->p = h: last note: \"flow: g->p = h (store)\"");
        }
        esc_diag_free(&d);
    }
    fx_free(&f);
}

/* --- esc_describe_object ------------------------------------------------ */

static void describe(const struct esc_function *fn, uint32_t obj, const char *want)
{
    char *got = esc_describe_object(fn, obj);
    expect_text(got, want, "esc_describe_object");
    free(got);
}

static void describe_objects(void)
{
    struct fx f = fx_new("f");
    struct esc_function *fn = f.fn;
    uint32_t k = esc_add_param(f.m, fn, "out", at(1), true);
    uint32_t anon = esc_add_param(f.m, fn, NULL, at(1), true);
    uint32_t o_local = local(&f, "x", 2);
    uint32_t o_param = esc_add_object(f.m, fn, ESC_OBJ_PARAM, "v", at(1));
    uint32_t o_cl = esc_add_object(f.m, fn, ESC_OBJ_COMPOUND_LITERAL, NULL, at(3));
    uint32_t o_tmp = esc_add_object(f.m, fn, ESC_OBJ_TEMPORARY, NULL, at(3));
    uint32_t o_alloca = esc_add_object(f.m, fn, ESC_OBJ_ALLOCA, "alloca", at(4));
    uint32_t o_vla = esc_add_object(f.m, fn, ESC_OBJ_VLA, "buf", at(5));
    uint32_t o_global = esc_add_object(f.m, fn, ESC_OBJ_STATIC, "g", at(0));
    uint32_t o_lstatic = esc_add_object(f.m, fn, ESC_OBJ_STATIC, "s", at(6));
    fn->objects[o_lstatic].flags = ESC_OBJF_LOCAL_STATIC;
    uint32_t o_tls = esc_add_object(f.m, fn, ESC_OBJ_STATIC, "t", at(0));
    fn->objects[o_tls].flags = ESC_OBJF_THREAD_LOCAL;
    uint32_t o_ltls = esc_add_object(f.m, fn, ESC_OBJ_STATIC, "u", at(7));
    fn->objects[o_ltls].flags = ESC_OBJF_THREAD_LOCAL | ESC_OBJF_LOCAL_STATIC;
    uint32_t o_heap = esc_add_object(f.m, fn, ESC_OBJ_HEAP, "calloc", at(8));
    uint32_t o_func = esc_add_object(f.m, fn, ESC_OBJ_FUNCTION, "main", at(0));

    describe(fn, o_local, "local 'x'");
    describe(fn, o_param, "parameter 'v'");
    describe(fn, o_cl, "compound literal");
    describe(fn, o_tmp, "temporary");
    describe(fn, o_alloca, "'alloca' memory");
    describe(fn, o_vla, "variable-length array 'buf'");
    describe(fn, o_global, "global 'g'");
    describe(fn, o_lstatic, "static 's'");
    describe(fn, o_tls, "thread-local 't'");
    describe(fn, o_ltls, "thread-local 'u'");
    describe(fn, fn->objects[o_global].companion, "memory reachable from global 'g'");
    describe(fn, fn->objects[o_lstatic].companion, "memory reachable from static 's'");
    describe(fn, o_heap, "heap memory from 'calloc'");
    describe(fn, fn->params[k].caller, "parameter 'out'");
    describe(fn, fn->params[anon].caller, "parameter 2");
    describe(fn, o_func, "function 'main'");
    describe(fn, fn->return_object, "the return value");
    describe(fn, fn->unknown_object, "unknown memory");
    fx_free(&f);
}

int main(void)
{
    return_message();
    caller_message();
    global_message();
    heap_message();
    stack_object_messages();
    call_notes();
    describe_objects();
    totals();
    return failed ? 1 : 0;
}
