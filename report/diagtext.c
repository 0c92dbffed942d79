/* diagtext.c - the text of a finding: the warning message and its note lines. */
#include "diagtext.h"
#include "../core/flows.h"
#include "../core/util.h"

#include <stdlib.h>
#include <string.h>

char *esc_describe_object(const struct esc_function *fn, uint32_t obj)
{
    const struct esc_object *o = &fn->objects[obj];
    const char *name = o->name ? o->name : "";
    switch (o->kind) {
    case ESC_OBJ_LOCAL:
        return esc_xasprintf("local '%s'", name);
    case ESC_OBJ_PARAM:
        return esc_xasprintf("parameter '%s'", name);
    case ESC_OBJ_COMPOUND_LITERAL:
        return esc_xstrdup("compound literal");
    case ESC_OBJ_TEMPORARY:
        return esc_xstrdup("temporary");
    case ESC_OBJ_ALLOCA:
        return esc_xasprintf("'%s' memory", name);
    case ESC_OBJ_VLA:
        return esc_xasprintf("variable-length array '%s'", name);
    case ESC_OBJ_STATIC:
        if (o->flags & ESC_OBJF_THREAD_LOCAL)
            return esc_xasprintf("thread-local '%s'", name);
        if (o->flags & (ESC_OBJF_LOCAL_STATIC | ESC_OBJF_FILE_STATIC))
            return esc_xasprintf("static '%s'", name);
        return esc_xasprintf("global '%s'", name);
    case ESC_OBJ_STATIC_REACH: {
        char *owner = esc_describe_object(fn, o->companion);
        char *s = esc_xasprintf("memory reachable from %s", owner);
        free(owner);
        return s;
    }
    case ESC_OBJ_HEAP:
        return esc_xasprintf("heap memory from '%s'", name);
    case ESC_OBJ_CALLER:
        return o->name ? esc_xasprintf("parameter '%s'", name)
                       : esc_xasprintf("parameter %d", o->param + 1);
    case ESC_OBJ_FUNCTION:
        return esc_xasprintf("function '%s'", name);
    case ESC_OBJ_RETURN:
        return esc_xstrdup("the return value");
    case ESC_OBJ_UNKNOWN:
        return esc_xstrdup("unknown memory");
    }
    return esc_xstrdup("storage");
}

/* Where the address goes, completing "address of X escapes ...". */
static char *describe_destination(const struct esc_function *fn, const struct esc_finding *f)
{
    char *where, *s;
    switch (f->rule) {
    case ESC_RULE_ESCAPE_RETURN:
        return esc_xstrdup("escapes via the return value");
    case ESC_RULE_ESCAPE_CALLER:
        where = esc_describe_object(fn, f->sink);
        s = esc_xasprintf("escapes to the caller through %s", where);
        break;
    case ESC_RULE_ESCAPE_HEAP: {
        const struct esc_object *root = &fn->objects[f->heap_root];
        if (root->kind == ESC_OBJ_RETURN)
            return esc_xstrdup("is stored in heap memory that is returned");
        where = esc_describe_object(fn, f->heap_root);
        if (root->kind == ESC_OBJ_STATIC_REACH)
            s = esc_xasprintf("is stored in heap memory that escapes to %s", where);
        else if (root->kind == ESC_OBJ_CALLER)
            s = esc_xasprintf("is stored in heap memory that escapes to the caller through %s",
                              where);
        else
            s = esc_xasprintf("is stored in heap memory that escapes to %s", where);
        break;
    }
    default:
        where = esc_describe_object(fn, f->sink);
        s = esc_xasprintf("escapes to %s", where);
        break;
    }
    free(where);
    return s;
}

static char *declaration_text(const struct esc_function *fn, uint32_t obj)
{
    const struct esc_object *o = &fn->objects[obj];
    switch (o->kind) {
    case ESC_OBJ_COMPOUND_LITERAL:
        return esc_xstrdup("compound literal defined here");
    case ESC_OBJ_TEMPORARY:
        return esc_xstrdup("temporary created here");
    case ESC_OBJ_ALLOCA:
        return esc_xasprintf("memory allocated by '%s' here", o->name ? o->name : "alloca");
    case ESC_OBJ_HEAP:
        return esc_xasprintf("heap memory allocated by '%s' here", o->name ? o->name : "?");
    default:
        return esc_xasprintf("'%s' declared here", o->name ? o->name : "");
    }
}

/* Objects a reader never named: the notes fold them away. */
static bool anonymous_object(const struct esc_object *o)
{
    return o->kind == ESC_OBJ_TEMPORARY || o->kind == ESC_OBJ_RETURN;
}

static const char *unnamed_object_text(const struct esc_object *o)
{
    switch (o->kind) {
    case ESC_OBJ_COMPOUND_LITERAL:
        return "(compound literal)";
    case ESC_OBJ_TEMPORARY:
        return "(temporary)";
    case ESC_OBJ_ALLOCA:
    case ESC_OBJ_HEAP:
        return o->name;
    default:
        return "(unnamed)";
    }
}

/* The spelling of an operand in a note; NULL for an unnamed temporary. */
static char *operand_text(const struct esc_function *fn, const struct esc_operand *op)
{
    switch (op->kind) {
    case ESC_OPND_VALUE:
        return fn->values[op->id].name ? esc_xstrdup(fn->values[op->id].name) : NULL;
    case ESC_OPND_ADDR: {
        const struct esc_object *o = &fn->objects[op->id];
        if (op->text)
            return esc_xasprintf("&%s", op->text);
        return esc_xasprintf("&%s", o->name && o->kind != ESC_OBJ_HEAP && o->kind != ESC_OBJ_ALLOCA
                                        ? o->name
                                        : unnamed_object_text(o));
    }
    case ESC_OPND_MEM:
        if (anonymous_object(&fn->objects[op->id]))
            return NULL;
        if (op->text)
            return esc_xstrdup(op->text);
        return fn->objects[op->id].name ? esc_xstrdup(fn->objects[op->id].name) : NULL;
    case ESC_OPND_DEREF:
        if (op->text)
            return esc_xstrdup(op->text);
        return fn->values[op->id].name ? esc_xasprintf("*%s", fn->values[op->id].name) : NULL;
    default:
        return NULL;
    }
}

static const char *reason_text(enum esc_flow_reason reason)
{
    switch (reason) {
    case ESC_FLOW_ADDRESS:
        return "address-of";
    case ESC_FLOW_ASSIGN:
        return "assignment";
    case ESC_FLOW_ARITH:
        return "pointer arithmetic";
    case ESC_FLOW_CONVERT:
        return "conversion";
    case ESC_FLOW_SELECT:
        return "conditional";
    case ESC_FLOW_PHI:
        return "control-flow merge";
    case ESC_FLOW_LOAD:
        return "load";
    case ESC_FLOW_STORE:
        return "store";
    case ESC_FLOW_CALL_RESULT:
        return "call result";
    case ESC_FLOW_CALL_COPY:
        return "copied by call";
    case ESC_FLOW_CALL_STORE:
        return "stored by call";
    case ESC_FLOW_CALL_UNKNOWN:
        return "unknown call";
    case ESC_FLOW_ALLOC:
        return "allocation";
    case ESC_FLOW_RETURN:
        return "return";
    }
    return "flow";
}

/* The callee as the user wrote it: GCC's builtins without their prefix. */
static const char *display_callee(const struct esc_step *st)
{
    const char *callee = st->callee ? st->callee : "call";
    return strncmp(callee, "__builtin_", 10) == 0 ? callee + 10 : callee;
}

static char *step_text(const struct esc_step *st, const char *dst, const char *src)
{
    const char *why = reason_text(st->reason);
    const char *callee = display_callee(st);
    switch (st->reason) {
    case ESC_FLOW_RETURN:
        return esc_xasprintf("flow: return %s (%s)", src, why);
    case ESC_FLOW_ALLOC:
        return esc_xasprintf("flow: %s = %s (...) (%s)", dst, callee, why);
    case ESC_FLOW_CALL_RESULT:
        return esc_xasprintf("flow: %s = %s (%s, ...) (returns a pointer into argument %u)", dst,
                             callee, src, st->arg);
    case ESC_FLOW_CALL_COPY:
    case ESC_FLOW_CALL_STORE:
        return esc_xasprintf("flow: '%s' stores %s into %s (%s)", callee, src, dst, why);
    default:
        return esc_xasprintf("flow: %s = %s (%s)", dst, src, why);
    }
}

/* Render a path as "flow:" notes, in source terms.  A step whose
   destination has no name in the source (an SSA temporary, a compiler
   temporary) is folded into the next step: the "carrier" is the source
   spelling of whatever holds the address so far.  The last step, the
   escaping statement itself, is always shown. */
static void add_flow_notes(const struct esc_function *fn, const struct esc_step *steps, uint32_t n,
                           struct esc_loc last_loc, enum esc_note_kind kind, struct esc_diag *out,
                           uint32_t *cap)
{
    char *carrier = NULL;
    for (uint32_t i = 0; i < n; i++) {
        const struct esc_step *st = &steps[i];
        char *src = NULL;
        bool named_src = st->src.kind != ESC_OPND_VALUE || fn->values[st->src.id].name;
        if (named_src || !carrier)
            src = operand_text(fn, &st->src);
        if (!src)
            src = esc_xstrdup(carrier ? carrier : "a temporary");
        char *dst = operand_text(fn, &st->dst);
        if (!dst && i + 1 < n) {
            free(carrier);
            bool from_call = st->reason == ESC_FLOW_CALL_RESULT ||
                             (st->reason == ESC_FLOW_ALLOC && st->src.kind == ESC_OPND_ADDR &&
                              fn->objects[st->src.id].kind != ESC_OBJ_VLA);
            carrier = from_call ? esc_xasprintf("%s (...)", display_callee(st)) : src;
            if (carrier != src)
                free(src);
            continue;
        }
        struct esc_note *note = ESC_PUSH(out->notes, out->nnotes, *cap);
        note->kind = kind;
        /* GCC's merged `return _5;` has no location; the finding knows
           the source return it came from. */
        note->loc = st->loc.line || i + 1 < n ? st->loc : last_loc;
        note->text = step_text(st, dst ? dst : "a temporary", src);
        free(carrier);
        carrier = dst ? dst : src;
        if (carrier != src)
            free(src);
    }
    free(carrier);
}

void esc_render_finding(const struct esc_function *fn, const struct esc_finding *f,
                        struct esc_diag *out)
{
    memset(out, 0, sizeof *out);
    uint32_t cap = 0;
    char *what = esc_describe_object(fn, f->object);
    char *where = describe_destination(fn, f);
    out->message = esc_xasprintf("address of %s %s [%s]", what, where, esc_rule_info(f->rule)->id);
    free(what);
    free(where);

    struct esc_note *decl = ESC_PUSH(out->notes, out->nnotes, cap);
    decl->kind = ESC_NOTE_DECLARATION;
    decl->loc = fn->objects[f->object].loc;
    decl->text = declaration_text(fn, f->object);
    add_flow_notes(fn, f->steps, f->nsteps, f->loc, ESC_NOTE_FLOW, out, &cap);

    if (f->rule == ESC_RULE_ESCAPE_HEAP) {
        struct esc_note *heap = ESC_PUSH(out->notes, out->nnotes, cap);
        heap->kind = ESC_NOTE_HEAP;
        heap->loc = fn->objects[f->sink].loc;
        heap->text = declaration_text(fn, f->sink);
        struct esc_loc heap_last = f->nheap_steps ? f->heap_steps[f->nheap_steps - 1].loc : f->loc;
        for (uint32_t i = f->nheap_steps; heap_last.line == 0 && i-- > 0;)
            heap_last = f->heap_steps[i].loc;
        add_flow_notes(fn, f->heap_steps, f->nheap_steps, heap_last, ESC_NOTE_HEAP, out, &cap);
    }
}

void esc_diag_free(struct esc_diag *d)
{
    free(d->message);
    for (uint32_t i = 0; i < d->nnotes; i++)
        free(d->notes[i].text);
    free(d->notes);
    memset(d, 0, sizeof *d);
}
