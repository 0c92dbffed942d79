/* diagtext.c - the text of a finding: the warning message and its note lines. */
#include "report/diagtext.h"
#include "core/solve/flows.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"

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
    case ESC_OBJ_KEPT:
        return o->flags & ESC_OBJF_THREAD ? esc_xasprintf("a new thread started by '%s'", name)
                                          : esc_xasprintf("memory kept by '%s'", name);
    case ESC_OBJ_EXTERNAL:
        return esc_xasprintf("what '%s' is given", name);
    }
    return esc_xstrdup("storage");
}

/* Does a callee's path end by storing into static storage? */
static bool stores_static(const struct esc_leak_why *why)
{
    if (!why || !why->fn || why->sink_object >= why->fn->nobjects)
        return false;
    enum esc_object_kind k = why->fn->objects[why->sink_object].kind;
    if (k == ESC_OBJ_KEPT && why->via)
        return false; /* passed on: the last hop says where */
    return k == ESC_OBJ_STATIC || k == ESC_OBJ_STATIC_REACH;
}

/* escape-call: "escapes through argument 2 of 'setvbuf', which keeps it". */
static char *describe_call_escape(const struct esc_finding *f)
{
    const struct esc_step *last = f->nsteps ? &f->steps[f->nsteps - 1] : NULL;
    const char *callee = last && last->callee ? last->callee : NULL;
    unsigned arg = last ? last->arg : 0;
    const struct esc_leak_why *why = f->callee_why;
    for (unsigned hops = 0; why && why->via && !stores_static(why) && hops < 16; hops++) {
        unsigned level = why->nsteps ? why->steps[why->nsteps - 1].level : 0;
        why = why->via->params[why->via_param].why[level][ESC_LEAK_STATIC];
    }
    const char *what = stores_static(why)    ? "stores it in static storage"
                       : last && last->level ? "keeps the pointers stored in what it points to"
                                             : "keeps it after returning";
    if (!callee)
        return esc_xasprintf("escapes through argument %u of a call through a function pointer, "
                             "which %s",
                             arg, what);
    return esc_xasprintf("escapes through argument %u of '%s', which %s", arg, callee, what);
}

/* escape-noescape: where the parameter goes, completing "... but ". */
static char *describe_noescape(const struct esc_function *fn, const struct esc_finding *f)
{
    const struct esc_object *sink = &fn->objects[f->sink];
    char *where = esc_describe_object(fn, f->sink), *s;
    switch (sink->kind) {
    case ESC_OBJ_KEPT:
        s = sink->flags & ESC_OBJF_THREAD
                ? esc_xasprintf("is handed to a new thread by '%s'", sink->name)
                : esc_xasprintf("is kept by '%s' after the call", sink->name);
        break;
    case ESC_OBJ_CALLER:
        s = esc_xasprintf("is stored in memory reachable from %s", where);
        break;
    case ESC_OBJ_HEAP:
        s = esc_xasprintf("is stored in %s, which escapes", where);
        break;
    default:
        s = esc_xasprintf("is stored in %s", where);
        break;
    }
    free(where);
    return s;
}

/* Where the address goes, completing "address of X escapes ...". */
static char *describe_destination(const struct esc_function *fn, const struct esc_finding *f)
{
    char *where, *s;
    switch (f->rule) {
    case ESC_RULE_ESCAPE_CALL:
        return describe_call_escape(f);
    case ESC_RULE_ESCAPE_THREAD:
        return esc_xasprintf("is handed to a new thread by '%s' that is not joined before '%s' "
                             "returns",
                             fn->objects[f->sink].name ? fn->objects[f->sink].name : "?", fn->name);
    case ESC_RULE_ESCAPE_NOESCAPE:
        return describe_noescape(fn, f);
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
        else if (root->kind == ESC_OBJ_KEPT)
            s = esc_xasprintf("is stored in heap memory that is %s by '%s'",
                              root->flags & ESC_OBJF_THREAD ? "handed to a new thread" : "kept",
                              root->name ? root->name : "?");
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
    case ESC_FLOW_CALL_KEEP:
        return "kept by call";
    }
    return "flow";
}

/* The callee as the user wrote it: GCC's builtins without their prefix. */
static const char *display_callee(const struct esc_step *st)
{
    const char *callee = st->callee ? st->callee : "(*function pointer)";
    return strncmp(callee, "__builtin_", 10) == 0 ? callee + 10 : callee;
}

static char *step_text(const struct esc_function *fn, const struct esc_step *st, const char *dst,
                       const char *src)
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
    case ESC_FLOW_CALL_KEEP: {
        if (st->dst.kind == ESC_OPND_MEM && fn->objects[st->dst.id].kind == ESC_OBJ_EXTERNAL)
            return st->level ? esc_xasprintf("flow: %s (...) is given the pointers stored in %s "
                                             "(argument %u)",
                                             callee, src, st->arg)
                             : esc_xasprintf("flow: %s (..., %s, ...) is given it (argument %u)",
                                             callee, src, st->arg);
        bool thread = st->dst.kind == ESC_OPND_MEM &&
                      fn->objects[st->dst.id].kind == ESC_OBJ_KEPT &&
                      fn->objects[st->dst.id].flags & ESC_OBJF_THREAD;
        const char *verb = thread ? "hands" : "keeps";
        const char *where = thread ? " to a new thread" : "";
        if (st->level)
            return esc_xasprintf("flow: '%s' %s the pointers stored in %s%s (argument %u)", callee,
                                 verb, src, where, st->arg);
        return esc_xasprintf("flow: %s (..., %s, ...) %s it%s (argument %u)", callee, src,
                             thread ? "hands" : "keeps", where, st->arg);
    }
    default:
        return esc_xasprintf("flow: %s = %s (%s)", dst, src, why);
    }
}

/* A path is shown whole up to this many notes.  A longer one (a chain of
   thousands of copies, `p1 = p0; p2 = p1; ...`) keeps its first and last
   notes, where the address starts and where it escapes, and one note in
   between says how many are left out: GCC would print every one, and a
   report would hold them all. */
#define MAX_FLOW_NOTES 32

static void elide_middle(struct esc_diag *out, uint32_t before)
{
    if (out->nnotes - before <= MAX_FLOW_NOTES)
        return;
    uint32_t head = MAX_FLOW_NOTES / 2, tail = MAX_FLOW_NOTES / 2 - 1;
    uint32_t first = before + head, end = out->nnotes - tail; /* left out: [first, end) */
    for (uint32_t i = first; i < end; i++)
        free(out->notes[i].text);
    out->notes[first].text = esc_xasprintf("flow: ... (%u more steps) ...", end - first);
    memmove(&out->notes[first + 1], &out->notes[end], tail * sizeof *out->notes);
    out->nnotes = first + 1 + tail;
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
    uint32_t before = out->nnotes;
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
        note->text = step_text(fn, st, dst ? dst : "a temporary", src);
        free(carrier);
        carrier = dst ? dst : src;
        if (carrier != src)
            free(src);
    }
    free(carrier);
    elide_middle(out, before);
}

void esc_render_steps(const struct esc_function *fn, const struct esc_step *steps, uint32_t n,
                      struct esc_diag *out)
{
    memset(out, 0, sizeof *out);
    uint32_t cap = 0;
    struct esc_loc last = n ? steps[n - 1].loc : fn->loc;
    add_flow_notes(fn, steps, n, last, ESC_NOTE_FLOW, out, &cap);
}

/* The callee's side of an escape-call or escape-thread: its path from
   the parameter to where it lets go, then the next callee's, as far as
   the summaries go.  Each note says which function it is in. */
static void add_callee_notes(const struct esc_finding *f, struct esc_diag *out, uint32_t *cap)
{
    const struct esc_leak_why *why = f->callee_why;
    const struct esc_leak_why *seen[16];
    for (unsigned depth = 0; why && why->fn && depth < 16; depth++) {
        /* Recursive callees can justify each other's leaks: stop at a repeat. */
        for (unsigned k = 0; k < depth; k++)
            if (seen[k] == why)
                return;
        seen[depth] = why;
        uint32_t before = out->nnotes;
        const struct esc_step *last = why->nsteps ? &why->steps[why->nsteps - 1] : NULL;
        add_flow_notes(why->fn, why->steps, why->nsteps, last ? last->loc : why->fn->loc,
                       ESC_NOTE_CALLEE, out, cap);
        for (uint32_t i = before; i < out->nnotes; i++) {
            char *text = esc_xasprintf("in '%s': %s", why->fn->name, out->notes[i].text);
            free(out->notes[i].text);
            out->notes[i].text = text;
        }
        if (!why->via || !last)
            break;
        const struct esc_param_summary *next = &why->via->params[why->via_param];
        unsigned level = last->level;
        const struct esc_leak_why *hop = next->why[level][ESC_LEAK_STATIC];
        if (!hop)
            hop = next->why[level][ESC_LEAK_KEPT];
        if (!hop)
            hop = next->why[level][ESC_LEAK_THREAD];
        if (!hop)
            hop = next->why[level][ESC_LEAK_PARAM];
        why = hop;
    }
}

char *esc_escape_text(const struct esc_function *fn, const struct esc_finding *f)
{
    char *what = esc_describe_object(fn, f->object);
    char *where = describe_destination(fn, f);
    char *s = esc_xasprintf("%s %s", what, where);
    free(what);
    free(where);
    return s;
}

char *esc_heap_advice_text(int64_t size, const char *allocator, const char *function,
                           enum esc_heap_lifetime lifetime)
{
    static const char *const ends[] = {
        [ESC_HEAP_FREED] = "is freed on every path",
        [ESC_HEAP_FREED_EACH_ITERATION] = "is freed in the same loop iteration",
        [ESC_HEAP_NEVER_FREED] = "is never freed (a leak)",
    };
    /* The C library's allocators go without saying; any other is named,
       as the programmer removes its calls. */
    const struct esc_lib_entry *lib = allocator ? esc_lib_lookup(allocator) : NULL;
    char *by = !allocator || (lib && lib->alloc == ESC_ALLOC_HEAP)
                   ? esc_xstrdup("")
                   : esc_xasprintf(" by '%s'", allocator);
    char *text = esc_xasprintf("%lld-byte heap allocation%s never outlives '%s' and %s; a stack "
                               "array would do [%s]",
                               (long long)size, by, function, ends[lifetime],
                               esc_rule_info(ESC_RULE_HEAP_TO_STACK)->id);
    free(by);
    return text;
}

char *esc_heap_free_text(const char *deallocator)
{
    const struct esc_lib_entry *lib = deallocator ? esc_lib_lookup(deallocator) : NULL;
    if (!deallocator || (lib && lib->frees_arg && lib->alloc == ESC_ALLOC_NONE))
        return esc_xstrdup("freed here; a stack array needs no 'free'");
    return esc_xasprintf("freed by '%s' here; a stack array needs no '%s'", deallocator,
                         deallocator);
}

/* heap-to-stack: the suggestion, and a note at each free it removes. */
static void render_heap_to_stack(const struct esc_function *fn, const struct esc_finding *f,
                                 struct esc_diag *out)
{
    uint32_t cap = 0;
    out->message = esc_heap_advice_text(f->size, fn->stmts[f->stmt].callee, fn->name, f->lifetime);
    for (uint32_t i = 0; i < f->nfrees; i++) {
        struct esc_note *note = ESC_PUSH(out->notes, out->nnotes, cap);
        note->kind = ESC_NOTE_FREE;
        note->loc = fn->stmts[f->frees[i]].loc;
        note->text = esc_heap_free_text(fn->stmts[f->frees[i]].callee);
    }
}

/* The callee of call statement ID, quoted as the user wrote it, or what
   stands in for one (caller frees). */
static char *stmt_callee(const struct esc_function *fn, uint32_t id)
{
    const struct esc_stmt *s = &fn->stmts[id];
    if (s->kind != ESC_STMT_CALL)
        return esc_xstrdup("a statement");
    if (s->flags & ESC_CALLF_ASM)
        return esc_xstrdup("inline assembly");
    if (!s->callee)
        return esc_xstrdup("a call through a function pointer");
    struct esc_step st = {.callee = s->callee};
    return esc_xasprintf("'%s'", display_callee(&st));
}

char *esc_render_heap_site(const struct esc_function *fn, const struct esc_heap_site *site)
{
    char *callee = stmt_callee(fn, site->why_stmt != ESC_NONE ? site->why_stmt : site->stmt);
    char *allocator = stmt_callee(fn, site->stmt);
    char *why = NULL;
    switch (site->verdict) {
    case ESC_HEAP_STACKABLE:
        free(callee);
        free(allocator);
        return esc_xasprintf("%lld-byte heap allocation could be a stack array",
                             (long long)site->size);
    case ESC_HEAP_ALLOCATOR:
        why = esc_xasprintf("%s has no stack equivalent", allocator);
        break;
    case ESC_HEAP_SIZE_UNKNOWN:
        why = esc_xstrdup("size not constant");
        break;
    case ESC_HEAP_SIZE_TOO_BIG:
        why = esc_xasprintf("%lld bytes is over the heap-max limit", (long long)site->size);
        break;
    case ESC_HEAP_ESCAPES:
        why = esc_xasprintf("it may outlive '%s'", fn->name);
        break;
    case ESC_HEAP_UNKNOWN_CALL:
        why = esc_xasprintf("nothing is known about what %s does with it", callee);
        break;
    case ESC_HEAP_EXPOSED:
        why = esc_xstrdup("its address is converted to an integer");
        break;
    case ESC_HEAP_UNKNOWN_MEMORY:
        why = esc_xstrdup("it is stored in memory nothing is known about");
        break;
    case ESC_HEAP_SHARED_RESULT:
        why = esc_xasprintf("%s may let code nothing is known about keep it", callee);
        break;
    case ESC_HEAP_REALLOCATED:
        why = esc_xasprintf("it is passed to %s", callee);
        break;
    case ESC_HEAP_CALLEE_FREES:
        why = esc_xasprintf("%s frees it", callee);
        break;
    case ESC_HEAP_SHARED_FREE:
        why = esc_xasprintf("%s may free other memory with it", callee);
        break;
    case ESC_HEAP_NOT_ALWAYS_FREED:
        why = esc_xstrdup("it is freed on some paths only");
        break;
    case ESC_HEAP_LOOP:
        why = esc_xstrdup("allocated in a loop and not freed in the same iteration");
        break;
    case ESC_HEAP_RECURSION:
        why = esc_xstrdup("it is live across a recursive call");
        break;
    case ESC_HEAP_WRONG_DEALLOC:
        why = esc_xasprintf("%s is not the deallocator of %s", callee, allocator);
        break;
    case ESC_HEAP_VERDICT_COUNT:
        why = esc_xstrdup("?");
        break;
    }
    char *text = esc_xasprintf("allocation stays on the heap: %s", why);
    free(why);
    free(callee);
    free(allocator);
    return text;
}

void esc_render_finding(const struct esc_function *fn, const struct esc_finding *f,
                        struct esc_diag *out)
{
    memset(out, 0, sizeof *out);
    if (f->rule == ESC_RULE_HEAP_TO_STACK) {
        render_heap_to_stack(fn, f, out);
        return;
    }
    uint32_t cap = 0;
    if (f->rule == ESC_RULE_ESCAPE_NOESCAPE) {
        char *where = describe_destination(fn, f);
        const struct esc_object *p = &fn->objects[f->object];
        out->message = esc_xasprintf("parameter '%s' is declared noescape but %s [%s]",
                                     p->name ? p->name : "?", where, esc_rule_info(f->rule)->id);
        free(where);
        add_flow_notes(fn, f->steps, f->nsteps, f->loc, ESC_NOTE_FLOW, out, &cap);
        return;
    }
    char *what = esc_escape_text(fn, f);
    out->message = esc_xasprintf("address of %s [%s]", what, esc_rule_info(f->rule)->id);
    free(what);

    struct esc_note *decl = ESC_PUSH(out->notes, out->nnotes, cap);
    decl->kind = ESC_NOTE_DECLARATION;
    decl->loc = fn->objects[f->object].loc;
    decl->text = declaration_text(fn, f->object);
    /* `return c ? &a : &b;`: one warning, naming every address it may give. */
    for (uint32_t i = 0; i < f->nalso; i++) {
        char *other = esc_describe_object(fn, f->also[i]);
        struct esc_note *also = ESC_PUSH(out->notes, out->nnotes, cap);
        also->kind = ESC_NOTE_DECLARATION;
        also->loc = fn->objects[f->also[i]].loc;
        also->text =
            esc_xasprintf("the same return may give the address of %s, declared here", other);
        free(other);
    }
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
    add_callee_notes(f, out, &cap);
    if (f->read_note) {
        struct esc_note *reader = ESC_PUSH(out->notes, out->nnotes, cap);
        reader->kind = ESC_NOTE_READER;
        reader->loc = f->read == ESC_READ_MAY && f->reader ? f->reader_loc : f->loc;
        reader->text = esc_xstrdup(f->read_note);
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
