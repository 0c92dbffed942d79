/* heap2stack.c - heap allocations that never outlive their function: the heap-to-stack advice.

   Go puts an allocation on the stack when escape analysis proves it does
   not outlive its frame; LLVM's HeapToStack does the same for malloc.  A
   C compiler may not, so gcc-escape tells the programmer instead.  The
   advice needs the opposite kind of evidence from the warnings: a warning
   needs proof that an address outlives the frame, so unknown callees keep
   nothing; advice needs proof that it does not, so an unknown callee may
   keep anything.  Nothing here reuses the warnings' answer (escape.c's
   escaping objects ignore unknown memory and trust overwrites); it starts
   again from the points-to sets, which over-approximate.

   An allocation site is suggested when all of these hold:
   1. the allocator has a stack equivalent (malloc, calloc, aligned_alloc,
      memalign, strdup, strndup, or a function whose summary says it
      returns fresh memory: this unit's malloc wrappers, model files,
      other units' reports, and functions declared with GCC's `malloc`
      attribute);
   2. its size is a positive constant (the adapter folds `n = 64;
      malloc (n)`) no larger than the limit;
   3. it cannot outlive the frame: not reachable, through any chain of
      stored pointers, from the return value, static storage, the
      caller's memory, what a callee or thread keeps, memory the IR cannot
      name, an argument of a call nothing is known about (unnamed
      variadic arguments and a nested function's static chain included),
      or an address turned into an integer; and not returned by a wrapper
      whose summary says unknown code may share it;
   4. nothing but a plain free of it alone releases it: not realloc, not
      a callee (ownership moves), not a free that may release other memory
      too; and that free is its allocator's deallocator (`free` for the C
      library's, the one `malloc (dealloc)` or a model names, or a
      wrapper of it whose summary says it only deallocates);
   5. its life ends in the frame: either it is never freed (outside a
      loop), or on every path from the allocation where it is not null
      (the null test's edge does not count) a free of it comes before the
      function returns -- and, when the allocation is in a loop, before
      the allocation runs again, so one stack array serves every
      iteration;
   6. no call back into the function's own recursion cycle happens while
      it is live: each frame would carry its own copy.

   Worked example:

       char *name = malloc (64);        S   site H, value name_1
       if (!name)                       branch: name_1 == 0 -> return
           return -1;
       snprintf (name, 64, "%d", id);   library, keeps nothing
       puts (name);                     library, keeps nothing
       free (name);                     free of {H} alone, root name_1
       return 0;

   No object that outlives the frame contains H, no unknown call sees it,
   the only release is free (name).  From S, one path takes the null edge
   (ignored), the other reaches free (name) before the return: "64-byte
   heap allocation never outlives 'f' and is freed on every path".  Had
   `puts` been an unknown function, condition 3 would fail: the verdict
   is "passed to 'puts', which nothing is known about". */
#include "core/analysis/heap2stack.h"
#include "core/ir/bitset.h"
#include "core/base/budget.h"
#include "core/ir/cfg.h"
#include "core/ir/conditions.h"
#include "core/refine/overwrite.h"
#include "core/refine/guards.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* A call that releases one block as a plain free does: argument ARG
   (0-based) of call STMT, of deallocator DEALLOC's family (its argument
   DEALLOC_ARG takes the block). */
struct free_site {
    uint32_t object, stmt, arg;
    const char *dealloc;
    uint8_t dealloc_arg;
};

struct h2s {
    const struct esc_function *fn;
    const struct esc_flows *flows;
    const struct esc_pointsto *pt;
    const struct esc_call_context *callees;
    uint32_t self;
    uint32_t nwords;
    /* Per object: the first reason it may outlive the frame or must stay
       on the heap (0: none yet, else an enum esc_heap_verdict), and the
       statement behind it. */
    uint8_t *verdict;
    uint32_t *verdict_stmt;
    uint32_t *queue, nqueue, head; /* marked objects; from head on, contents not yet marked */
    uint32_t nfrees, cap_frees;
    struct free_site *frees;
    bool *in_loop; /* per block */
    /* For gcc-escape link: judge as if every call into another unit were
       harmless, to find the sites only those calls keep on the heap. */
    bool optimistic;
};

/* Is argument I of call ID unknown here only because it reaches another
   unit, which gcc-escape link can settle? */
static bool settled_by_link(const struct h2s *h, uint32_t id, uint32_t i)
{
    const struct esc_summary *sum = h->flows->calls[id].summary;
    if (esc_call_is_external(h->fn, h->flows, id))
        return true;
    return sum && i < sum->nparams && sum->params[i].unknown && !sum->params[i].unknown_other &&
           sum->params[i].ndeps;
}

/* Allocators whose memory a local array can stand in for.  valloc and
   pvalloc promise page alignment, realloc moves existing memory,
   asprintf and posix_memalign return through a pointer: no stack
   equivalent worth suggesting. */
static bool stack_replaceable(const struct esc_call *call)
{
    static const char *const names[] = {"malloc",   "calloc", "aligned_alloc",
                                        "memalign", "strdup", "strndup"};
    if (call->summary)
        return call->summary->ret.fresh;
    if (!call->library)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(call->library->name, names[i]) == 0)
            return true;
    return false;
}

/* Mark object O with verdict V (if it has none yet) and queue it, so
   that everything stored in it is marked too. */
static void mark(struct h2s *h, uint32_t o, enum esc_heap_verdict v, uint32_t stmt)
{
    if (h->verdict[o])
        return;
    h->verdict[o] = (uint8_t)v;
    h->verdict_stmt[o] = stmt;
    h->queue[h->nqueue++] = o;
}

static void mark_set(struct h2s *h, const struct esc_bitset *set, enum esc_heap_verdict v,
                     uint32_t stmt)
{
    for (uint32_t o = esc_bitset_next(set, h->nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(set, h->nwords, o + 1))
        mark(h, o, v, stmt);
}

/* What the pointers operand OP holds may point to. */
static void read_operand(const struct h2s *h, const struct esc_operand *op, struct esc_bitset *out)
{
    if (out->words)
        memset(out->words, 0, h->nwords * sizeof *out->words);
    esc_pointsto_read(h->pt, op, out);
}

/* Everything stored, directly or through other objects, in a marked
   object gets its verdict: a heap buffer held by a struct that escapes
   escapes too. */
static void mark_contents(struct h2s *h)
{
    for (; h->head < h->nqueue; h->head++) {
        uint32_t o = h->queue[h->head];
        mark_set(h, esc_contents(h->pt, o), (enum esc_heap_verdict)h->verdict[o],
                 h->verdict_stmt[o]);
    }
}

/* Condition 3, first half: what code nothing is known about may reach --
   an unknown callee's arguments, memory the IR cannot name, addresses
   turned into integers, blocks a wrapper shares -- and everything stored
   in it.  Marked before the roots, so that a block both returned and
   shared is known to be shared: a wrapper returning it must say so. */
static void mark_unknown_reach(struct h2s *h)
{
    const struct esc_function *fn = h->fn;
    struct esc_bitset set = {0};
    mark(h, fn->unknown_object, ESC_HEAP_UNKNOWN_MEMORY, ESC_NONE);
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        const struct esc_call *call = &h->flows->calls[id];
        if (s->kind == ESC_STMT_ASSIGN &&
            (s->op == ESC_ASSIGN_EXPOSE || s->op == ESC_ASSIGN_TO_INTEGER)) {
            for (uint32_t i = 0; i < s->nargs; i++) {
                read_operand(h, &s->args[i], &set);
                mark_set(h, &set, ESC_HEAP_EXPOSED, id);
            }
            continue;
        }
        if (s->kind != ESC_STMT_CALL || s->flags & ESC_CALLF_INTERNAL)
            continue;
        const struct esc_summary *sum = call->summary;
        if (sum && sum->ret.fresh && sum->ret.shared && s->object != ESC_NONE)
            mark(h, s->object, ESC_HEAP_SHARED_RESULT, id);
        for (uint32_t i = 0; i < s->nargs; i++) {
            /* A variadic callee's summary covers its named parameters only. */
            bool unknown = call->unknown || s->flags & ESC_CALLF_ASM ||
                           (sum && (i >= sum->nparams || sum->params[i].unknown));
            if (!unknown || (h->optimistic && settled_by_link(h, id, i)))
                continue;
            read_operand(h, &s->args[i], &set);
            mark_set(h, &set, ESC_HEAP_UNKNOWN_CALL, id);
        }
    }
    esc_bitset_free(&set);
    mark_contents(h);
}

/* Condition 3, second half: what the return value, static storage, the
   caller's memory or a keeping callee or thread may hold. */
static void mark_outliving(struct h2s *h)
{
    const struct esc_function *fn = h->fn;
    for (uint32_t o = 0; o < fn->nobjects; o++)
        switch (fn->objects[o].kind) {
        case ESC_OBJ_RETURN:
        case ESC_OBJ_STATIC:
        case ESC_OBJ_STATIC_REACH:
        case ESC_OBJ_CALLER:
        case ESC_OBJ_KEPT:
            mark(h, o, ESC_HEAP_ESCAPES, ESC_NONE);
            break;
        default:
            break;
        }
    mark_contents(h);
}

/* Give heap objects in SET verdict V unless they already have one. */
static void block_heap(struct h2s *h, const struct esc_bitset *set, enum esc_heap_verdict v,
                       uint32_t stmt)
{
    for (uint32_t o = esc_bitset_next(set, h->nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(set, h->nwords, o + 1))
        if (h->fn->objects[o].kind == ESC_OBJ_HEAP && !h->verdict[o]) {
            h->verdict[o] = (uint8_t)v;
            h->verdict_stmt[o] = stmt;
        }
}

/* Everything reachable through the pointers stored in the objects of SET
   (not SET itself). */
static void reachable_contents(const struct h2s *h, const struct esc_bitset *set,
                               struct esc_bitset *out)
{
    /* SET's objects, then each object reached once: at most twice them all. */
    uint32_t n = 0;
    uint32_t *work = esc_xmalloc(2 * (h->fn->nobjects + 1) * sizeof *work);
    for (uint32_t o = esc_bitset_next(set, h->nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(set, h->nwords, o + 1))
        work[n++] = o;
    bool *seen = esc_xcalloc(h->fn->nobjects + 1, sizeof *seen);
    while (n) {
        const struct esc_bitset *c = esc_contents(h->pt, work[--n]);
        for (uint32_t o = esc_bitset_next(c, h->nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(c, h->nwords, o + 1))
            if (!seen[o]) {
                seen[o] = true;
                esc_bitset_add(out, o, h->nwords);
                work[n++] = o;
            }
    }
    free(seen);
    free(work);
}

/* Condition 4: the frees a stack array would remove, and the releases
   that rule it out. */
static void collect_releases(struct h2s *h)
{
    const struct esc_function *fn = h->fn;
    struct esc_bitset set = {0}, deep = {0};
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        const struct esc_call *call = &h->flows->calls[id];
        if (s->kind != ESC_STMT_CALL)
            continue;
        if (call->library && call->library->frees_arg && call->library->frees_arg <= s->nargs &&
            call->library->alloc != ESC_ALLOC_NONE) {
            read_operand(h, &s->args[call->library->frees_arg - 1], &set);
            block_heap(h, &set, ESC_HEAP_REALLOCATED, id);
            continue;
        }
        for (uint32_t i = 0; i < s->nargs; i++) {
            uint8_t darg;
            const char *dealloc = esc_call_dealloc(h->flows, id, i, &darg);
            if (!dealloc)
                continue;
            read_operand(h, &s->args[i], &set);
            uint32_t first = esc_bitset_next(&set, h->nwords, 0);
            bool alone =
                first != ESC_NONE && esc_bitset_next(&set, h->nwords, first + 1) == ESC_NONE;
            if (!alone)
                block_heap(h, &set, ESC_HEAP_SHARED_FREE, id);
            else
                *ESC_PUSH(h->frees, h->nfrees, h->cap_frees) =
                    (struct free_site){first, id, i, dealloc, darg};
        }
        const struct esc_summary *sum = call->summary;
        for (uint32_t i = 0; sum && !call->library && i < s->nargs && i < sum->nparams; i++) {
            const struct esc_param_summary *p = &sum->params[i];
            if (!(p->freed && !p->dealloc) && !p->freed_deep)
                continue;
            read_operand(h, &s->args[i], &set);
            if (p->freed && !p->dealloc)
                block_heap(h, &set, ESC_HEAP_CALLEE_FREES, id);
            if (p->freed_deep) {
                if (deep.words)
                    memset(deep.words, 0, h->nwords * sizeof *deep.words);
                reachable_contents(h, &set, &deep);
                block_heap(h, &deep, ESC_HEAP_CALLEE_FREES, id);
            }
        }
    }
    esc_bitset_free(&set);
    esc_bitset_free(&deep);
}

/* One site's path question (condition 5 and 6). */
struct site_walk {
    struct h2s *h;
    uint32_t object, alloc, value; /* value: the call's result, or ESC_NONE */
    bool loop;                     /* the allocation is in a loop */
    bool exits, again, recursion;  /* what some path without a free met */
    bool lost;                     /* the IR is inconsistent: judge nothing */
};

/* Does value V hold this site's block (or null)?  In a loop only the
   value the allocation just returned, or a copy, surely holds this
   iteration's block; elsewhere there is one block per frame, and any
   value that can point to nothing else holds it. */
static bool holds_block(const struct site_walk *w, uint32_t v)
{
    const struct h2s *h = w->h;
    if (w->value != ESC_NONE && esc_value_root(h->fn, v) == w->value)
        return true;
    if (w->loop)
        return false;
    const struct esc_bitset *pts = esc_pts(h->pt, v);
    return esc_bitset_next(pts, h->nwords, 0) == w->object &&
           esc_bitset_next(pts, h->nwords, w->object + 1) == ESC_NONE;
}

static bool is_own_free(const struct site_walk *w, uint32_t id)
{
    const struct h2s *h = w->h;
    for (uint32_t i = 0; i < h->nfrees; i++) {
        if (h->frees[i].stmt != id || h->frees[i].object != w->object)
            continue;
        const struct esc_operand *arg = &h->fn->stmts[id].args[h->frees[i].arg];
        return !w->loop || (arg->kind == ESC_OPND_VALUE && holds_block(w, arg->id));
    }
    return false;
}

/* A call back into the function's own cycle: directly, or through a
   function pointer that may hold this unit's functions (its merged
   summary does not say which) when the function is in a cycle at all. */
static bool is_recursive_call(const struct site_walk *w, uint32_t id)
{
    const struct h2s *h = w->h;
    const struct esc_summary *sum = h->flows->calls[id].summary;
    const struct esc_call_context *c = h->callees;
    if (!c || !c->component || h->self == ESC_NONE || !sum)
        return false;
    if (sum->fn)
        return c->component[sum->fn_index] == c->component[h->self];
    return !h->fn->stmts[id].callee && c->recursive && c->recursive[h->self];
}

/* The successor block B's null test on the allocation's value leads to
   when the value is null, or ESC_NONE. */
static uint32_t null_successor(const struct site_walk *w, uint32_t b)
{
    const struct esc_function *fn = w->h->fn;
    uint32_t n;
    const struct esc_cond_entry *e = esc_block_conds(fn, b, &n);
    for (uint32_t k = 0; k < n; k++)
        if (e[k].term == ESC_COND_EVERY_TERM && e[k].cond.kind == ESC_COND_RANGE &&
            !e[k].cond.is_param && holds_block(w, e[k].cond.subject))
            return esc_block_successor_where(fn, b, e[k].cond.subject, true);
    return ESC_NONE;
}

/* Scan block B from statement index FROM.  Returns true when the path
   goes on into B's successors. */
static bool scan_block(struct site_walk *w, uint32_t b, uint32_t from)
{
    const struct esc_function *fn = w->h->fn;
    const struct esc_block *blk = &fn->blocks[b];
    if (!esc_budget_walk(blk->nstmts - from + 1)) {
        w->lost = true; /* past the budget: no claim, no advice */
        return false;
    }
    for (uint32_t i = from; i < blk->nstmts; i++) {
        uint32_t id = blk->stmts[i];
        const struct esc_stmt *s = &fn->stmts[id];
        if (id == w->alloc) {
            w->again = true; /* allocated again while the last block lives */
            return false;
        }
        if (s->kind == ESC_STMT_RETURN) {
            w->exits = true;
            return false;
        }
        if (s->kind != ESC_STMT_CALL)
            continue;
        if (is_own_free(w, id))
            return false;
        if (s->flags & ESC_CALLF_NORETURN)
            return false; /* the frame never ends: abort (), exit () */
        if (is_recursive_call(w, id))
            w->recursion = true;
    }
    return true;
}

/* Walk every path from just after the allocation until it frees the
   block, returns, or reaches the allocation again. */
static void walk_paths(struct site_walk *w)
{
    const struct esc_function *fn = w->h->fn;
    const struct esc_stmt *alloc = &fn->stmts[w->alloc];
    const struct esc_block *start = &fn->blocks[alloc->block];
    uint32_t pos = 0;
    while (pos < start->nstmts && start->stmts[pos] != w->alloc)
        pos++;
    if (pos == start->nstmts) {
        w->lost = true; /* not where its block says: no claim about its paths */
        return;
    }
    bool *seen = esc_xcalloc(fn->nblocks + 1, sizeof *seen);
    uint32_t *stack = esc_xmalloc((fn->nblocks + 1) * sizeof *stack);
    uint32_t n = 0;
    /* The allocation's own block is entered from its start again only
       through a loop, so it is not marked seen here. */
    if (scan_block(w, alloc->block, pos + 1))
        stack[n++] = alloc->block;
    bool first = true;
    while (n) {
        uint32_t b = stack[--n];
        if (!first && !scan_block(w, b, 0))
            continue;
        first = false;
        uint32_t null_edge = null_successor(w, b);
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++) {
            uint32_t next = fn->blocks[b].succ[e];
            if (next == null_edge || seen[next])
                continue;
            seen[next] = true;
            stack[n++] = next;
        }
    }
    free(seen);
    free(stack);
}

static bool has_free(const struct h2s *h, uint32_t object)
{
    for (uint32_t i = 0; i < h->nfrees; i++)
        if (h->frees[i].object == object)
            return true;
    return false;
}

/* Condition 4's other half: the first release of the site's block that
   is not its allocator's deallocator (`free` of what `my_alloc`, declared
   `malloc (my_free)`, returns), or ESC_NONE.  A call of the deallocator
   itself counts whatever its body does with the block; its wrappers
   count through their summaries. */
static uint32_t wrong_dealloc(const struct h2s *h, const struct esc_heap_site *site)
{
    uint8_t arg;
    const char *dealloc = esc_allocation_dealloc(h->flows, site->stmt, &arg);
    for (uint32_t i = 0; i < h->nfrees; i++) {
        const struct free_site *f = &h->frees[i];
        if (f->object != site->object)
            continue;
        const char *callee = h->fn->stmts[f->stmt].callee;
        bool by_name = callee && f->arg + 1 == arg && strcmp(callee, dealloc) == 0;
        bool by_family = f->dealloc_arg == arg && strcmp(f->dealloc, dealloc) == 0;
        if (!by_name && !by_family)
            return f->stmt;
    }
    return ESC_NONE;
}

/* Conditions 5 and 6 for a site that passed the others. */
static enum esc_heap_verdict judge_lifetime(struct h2s *h, const struct esc_heap_site *site,
                                            enum esc_heap_lifetime *lifetime)
{
    const struct esc_stmt *s = &h->fn->stmts[site->stmt];
    struct site_walk w = {
        .h = h,
        .object = site->object,
        .alloc = site->stmt,
        .value = s->lhs.kind == ESC_OPND_VALUE ? s->lhs.id : ESC_NONE,
        .loop = h->in_loop[s->block],
    };
    walk_paths(&w);
    if (w.lost)
        return ESC_HEAP_NOT_ALWAYS_FREED;
    bool freed = has_free(h, site->object);
    if (w.again || (w.loop && !freed))
        return ESC_HEAP_LOOP;
    if (freed && w.exits)
        return ESC_HEAP_NOT_ALWAYS_FREED;
    if (w.recursion)
        return ESC_HEAP_RECURSION;
    *lifetime = !freed   ? ESC_HEAP_NEVER_FREED
                : w.loop ? ESC_HEAP_FREED_EACH_ITERATION
                         : ESC_HEAP_FREED;
    return ESC_HEAP_STACKABLE;
}

static void add_finding(struct h2s *h, const struct esc_heap_site *site,
                        enum esc_heap_lifetime lifetime, struct esc_function_result *out)
{
    struct esc_finding *fd = ESC_PUSH(out->findings, out->nfindings, out->cap_findings);
    memset(fd, 0, sizeof *fd);
    fd->rule = ESC_RULE_HEAP_TO_STACK;
    fd->object = site->object;
    fd->stmt = site->stmt;
    fd->sink = ESC_NONE;
    fd->heap_root = ESC_NONE;
    fd->loc = h->fn->stmts[site->stmt].loc;
    fd->size = site->size;
    fd->lifetime = lifetime;
    uint32_t cap = 0;
    for (uint32_t i = 0; i < h->nfrees; i++)
        if (h->frees[i].object == site->object)
            *ESC_PUSH(fd->frees, fd->nfrees, cap) = h->frees[i].stmt;
}

/* Conditions 1 and 2, then the verdicts found for the object, then 5 and 6. */
static void judge_site(struct h2s *h, struct esc_heap_site *site, struct esc_function_result *out)
{
    const struct esc_config *config = h->callees ? h->callees->config : NULL;
    int64_t limit = config ? config->heap_max : ESC_HEAP_MAX_DEFAULT;
    int32_t param;
    int64_t size;
    bool known = esc_allocation_size(h->fn, h->flows, site->stmt, &param, NULL, &size) && param < 0;
    site->size = known ? size : -1;
    if (!stack_replaceable(&h->flows->calls[site->stmt])) {
        site->verdict = ESC_HEAP_ALLOCATOR;
    } else if (!known || size <= 0) {
        site->verdict = ESC_HEAP_SIZE_UNKNOWN;
    } else if (size > limit) {
        site->verdict = ESC_HEAP_SIZE_TOO_BIG;
    } else if (h->verdict[site->object]) {
        site->verdict = (enum esc_heap_verdict)h->verdict[site->object];
        site->why_stmt = h->verdict_stmt[site->object];
    } else if ((site->why_stmt = wrong_dealloc(h, site)) != ESC_NONE) {
        site->verdict = ESC_HEAP_WRONG_DEALLOC;
    } else {
        enum esc_heap_lifetime lifetime = ESC_HEAP_FREED;
        site->verdict = judge_lifetime(h, site, &lifetime);
        if (site->verdict == ESC_HEAP_STACKABLE)
            add_finding(h, site, lifetime, out);
    }
}

static void h2s_init(struct h2s *h, const struct esc_function *fn, const struct esc_flows *flows,
                     const struct esc_pointsto *pt, const struct esc_call_context *callees,
                     uint32_t self, bool optimistic)
{
    *h = (struct h2s){
        .fn = fn,
        .flows = flows,
        .pt = pt,
        .callees = callees,
        .self = self,
        .nwords = pt->nwords,
        .verdict = esc_xcalloc(fn->nobjects + 1, sizeof *h->verdict),
        .verdict_stmt = esc_xmalloc((fn->nobjects + 1) * sizeof *h->verdict_stmt),
        .queue = esc_xmalloc((fn->nobjects + 1) * sizeof *h->queue),
        .in_loop = esc_xcalloc(fn->nblocks + 1, sizeof *h->in_loop),
        .optimistic = optimistic,
    };
    esc_blocks_in_loops(fn, h->in_loop);
    mark_unknown_reach(h);
    mark_outliving(h);
    collect_releases(h);
}

static void h2s_free(struct h2s *h)
{
    free(h->verdict);
    free(h->verdict_stmt);
    free(h->queue);
    free(h->in_loop);
    free(h->frees);
}

/* The calls into other units heap object O reaches, as dependencies of
   the object itself (level 0: passed, 1: stored in what is passed). */
static void heap_fact_deps(struct h2s *h, uint32_t o, struct esc_cross_fact *fact)
{
    const struct esc_function *fn = h->fn;
    struct esc_bitset set = {0}, deep = {0};
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind != ESC_STMT_CALL)
            continue;
        for (uint32_t i = 0; i < s->nargs && i < UINT8_MAX; i++) {
            if (!settled_by_link(h, id, i))
                continue;
            read_operand(h, &s->args[i], &set);
            unsigned level = 0;
            if (!esc_bitset_has(&set, o)) {
                if (deep.words)
                    memset(deep.words, 0, h->nwords * sizeof *deep.words);
                reachable_contents(h, &set, &deep);
                if (!esc_bitset_has(&deep, o))
                    continue;
                level = 1;
            }
            struct esc_cross_dep deps[ESC_MAX_CROSS_DEPS];
            uint32_t n = esc_call_deps(fn, h->flows, id, i, level, 0, deps, &fact->deps_overflow);
            for (uint32_t d = 0; d < n; d++) {
                if (deps[d].from != 0)
                    continue;
                if (fact->ndeps == ESC_MAX_CROSS_DEPS)
                    fact->deps_overflow = true;
                else
                    fact->deps[fact->ndeps++] = deps[d];
            }
        }
    }
    esc_bitset_free(&set);
    esc_bitset_free(&deep);
}

/* For gcc-escape link: the sites that would be advice if the calls into
   other units they reach turned out harmless. */
static void heap_facts(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, const struct esc_call_context *callees,
                       uint32_t self, struct esc_function_result *out)
{
    struct h2s h;
    h2s_init(&h, fn, flows, pt, callees, self, true);
    for (uint32_t i = 0; i < out->nheap_sites; i++) {
        struct esc_heap_site site = out->heap_sites[i];
        if (site.verdict != ESC_HEAP_UNKNOWN_CALL)
            continue;
        struct esc_function_result maybe = {0};
        judge_site(&h, &site, &maybe);
        if (site.verdict == ESC_HEAP_STACKABLE && maybe.nfindings == 1) {
            struct esc_cross_fact *fact = ESC_PUSH(out->facts, out->nfacts, out->cap_facts);
            memset(fact, 0, sizeof *fact);
            fact->kind = ESC_FACT_HEAP;
            fact->object = site.object;
            fact->stmt = fact->call = site.stmt;
            fact->size = site.size;
            fact->lifetime = maybe.findings[0].lifetime;
            fact->frees = maybe.findings[0].frees;
            fact->nfrees = maybe.findings[0].nfrees;
            maybe.findings[0].frees = NULL;
            heap_fact_deps(&h, site.object, fact);
            if (!fact->ndeps || fact->deps_overflow) {
                free(fact->frees);
                out->nfacts--;
            }
        }
        esc_function_result_free(&maybe);
    }
    h2s_free(&h);
}

void esc_heap_to_stack(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, const struct esc_call_context *callees,
                       uint32_t self, struct esc_function_result *out)
{
    uint32_t nsites = 0;
    for (uint32_t o = 0; o < fn->nobjects; o++)
        nsites += fn->objects[o].kind == ESC_OBJ_HEAP && fn->objects[o].stmt != ESC_NONE;
    if (!nsites)
        return;
    struct h2s h;
    h2s_init(&h, fn, flows, pt, callees, self, false);
    out->heap_sites = esc_xcalloc(nsites, sizeof *out->heap_sites);
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        uint32_t o = fn->stmts[id].object;
        if (fn->stmts[id].kind != ESC_STMT_CALL || o == ESC_NONE ||
            fn->objects[o].kind != ESC_OBJ_HEAP || fn->objects[o].stmt != id ||
            fn->stmts[id].block == ESC_NONE)
            continue;
        struct esc_heap_site *site = &out->heap_sites[out->nheap_sites++];
        *site = (struct esc_heap_site){.object = o, .stmt = id, .why_stmt = ESC_NONE};
        site->shared = h.verdict[o] == ESC_HEAP_UNKNOWN_CALL || h.verdict[o] == ESC_HEAP_EXPOSED ||
                       h.verdict[o] == ESC_HEAP_UNKNOWN_MEMORY ||
                       h.verdict[o] == ESC_HEAP_SHARED_RESULT;
        judge_site(&h, site, out);
    }
    h2s_free(&h);
    if (callees && callees->config && callees->config->cross_unit_facts)
        heap_facts(fn, flows, pt, callees, self, out);
}

/* The calls into other units that are given candidate C itself (not
   something it is stored in): each may turn out to be its deallocator.
   False when there are more than link is told about. */
static bool release_calls(struct h2s *h, uint32_t c, struct esc_cross_fact *fact)
{
    const struct esc_function *fn = h->fn;
    struct esc_bitset set = {0};
    bool ok = true;
    for (uint32_t id = 0; id < fn->nstmts && ok; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        if (s->kind != ESC_STMT_CALL || !esc_call_is_external(fn, h->flows, id))
            continue;
        for (uint32_t i = 0; i < s->nargs && i < UINT8_MAX - 1 && ok; i++) {
            read_operand(h, &s->args[i], &set);
            if (!esc_bitset_has(&set, c))
                continue;
            if (fact->nreleases == ESC_MAX_FACT_RELEASES) {
                ok = false;
                break;
            }
            fact->release_stmt[fact->nreleases] = id;
            fact->release_arg[fact->nreleases++] = (uint8_t)(i + 1);
        }
    }
    esc_bitset_free(&set);
    return ok;
}

/* Candidate C's lifetime for each subset of its release calls taken as
   frees (of its allocator's deallocator: link checks that); false when
   no subset makes it stackable. */
static bool candidate_lifetimes(struct h2s *h, uint32_t c, uint32_t stmt,
                                struct esc_cross_fact *fact)
{
    bool any = false;
    uint32_t base = h->nfrees;
    for (uint32_t mask = 0; mask < 1u << fact->nreleases; mask++) {
        h->nfrees = base;
        for (uint32_t i = 0; i < fact->nreleases; i++)
            if (mask >> i & 1)
                *ESC_PUSH(h->frees, h->nfrees, h->cap_frees) = (struct free_site){
                    c, fact->release_stmt[i], fact->release_arg[i] - 1u, NULL, 0};
        struct esc_heap_site site = {.object = c, .stmt = stmt, .why_stmt = ESC_NONE};
        enum esc_heap_lifetime lifetime = ESC_HEAP_FREED;
        bool stackable = judge_lifetime(h, &site, &lifetime) == ESC_HEAP_STACKABLE;
        fact->lifetimes[mask] = stackable ? (int8_t)lifetime : -1;
        any |= stackable;
    }
    h->nfrees = base;
    return any;
}

/* Candidate C, returned by call STMT into another unit, passed every
   condition that does not depend on that unit: a fact for link. */
static void candidate_fact(struct h2s *h, uint32_t c, uint32_t stmt,
                           struct esc_function_result *out)
{
    const struct esc_stmt *s = &h->fn->stmts[stmt];
    struct esc_cross_fact fact = {.kind = ESC_FACT_HEAP, .object = c, .stmt = stmt, .call = stmt};
    fact.size = -1;
    fact.allocator = s->callee;
    const struct esc_config *config = h->callees ? h->callees->config : NULL;
    fact.heap_max = config ? config->heap_max : ESC_HEAP_MAX_DEFAULT;
    for (uint32_t i = 0; i < s->nargs && i < UINT8_MAX - 1; i++)
        if (s->args[i].kind == ESC_OPND_INT && fact.nconsts < ESC_MAX_FACT_CONSTS) {
            fact.const_arg[fact.nconsts] = (uint8_t)(i + 1);
            fact.const_value[fact.nconsts++] = s->args[i].value;
        }
    if (!release_calls(h, c, &fact) || !candidate_lifetimes(h, c, stmt, &fact))
        return;
    heap_fact_deps(h, c, &fact);
    if (fact.deps_overflow)
        return;
    uint32_t n = 0;
    for (uint32_t i = 0; i < h->nfrees; i++)
        n += h->frees[i].object == c;
    fact.frees = esc_xmalloc((n + 1) * sizeof *fact.frees);
    fact.free_dealloc = esc_xmalloc((n + 1) * sizeof *fact.free_dealloc);
    fact.free_dealloc_arg = esc_xmalloc(n + 1);
    for (uint32_t i = 0; i < h->nfrees; i++) {
        if (h->frees[i].object != c)
            continue;
        fact.frees[fact.nfrees] = h->frees[i].stmt;
        fact.free_dealloc[fact.nfrees] = h->frees[i].dealloc;
        fact.free_dealloc_arg[fact.nfrees++] = h->frees[i].dealloc_arg;
    }
    fact.lifetime =
        fact.lifetimes[0] >= 0 ? (enum esc_heap_lifetime)fact.lifetimes[0] : ESC_HEAP_FREED;
    *ESC_PUSH(out->facts, out->nfacts, out->cap_facts) = fact;
}

void esc_heap_candidates(struct esc_module *m, struct esc_function *fn,
                         const struct esc_call_context *callees, uint32_t self,
                         struct esc_function_result *out)
{
    bool any = false;
    for (uint32_t id = 0; id < fn->nstmts && !any; id++) {
        const struct esc_stmt *s = &fn->stmts[id];
        any = s->kind == ESC_STMT_CALL && s->callee && s->lhs.kind == ESC_OPND_VALUE &&
              !(s->flags & (ESC_CALLF_DEFINED | ESC_CALLF_ASM | ESC_CALLF_INTERNAL));
    }
    if (!any || !callees)
        return;
    /* The flows again, with the candidates; indirect calls stay
       unresolved (no points-to solution to resolve them with), which
       only keeps more on the heap. */
    struct esc_call_context ctx = *callees;
    ctx.candidates = true;
    ctx.pt = NULL;
    ctx.merged = NULL;
    struct esc_flows flows = {0};
    struct esc_pointsto pt = {0};
    esc_flows_build(m, fn, &ctx, &flows);
    esc_apply_guards(fn, &flows);
    esc_pointsto_solve(fn, &flows, &pt);
    struct h2s h;
    h2s_init(&h, fn, &flows, &pt, &ctx, self, true);
    struct esc_bitset others = {0}, reached = {0};
    for (uint32_t id = 0; id < fn->nstmts; id++) {
        uint32_t c = fn->stmts[id].candidate;
        if (c == ESC_NONE || fn->stmts[id].block == ESC_NONE ||
            !esc_call_is_external(fn, &flows, id) || h.verdict[c])
            continue;
        /* Only C's callee is checked by link: every other candidate may be
           the program's own memory, so C must not be stored in one. */
        if (others.words)
            memset(others.words, 0, h.nwords * sizeof *others.words);
        if (reached.words)
            memset(reached.words, 0, h.nwords * sizeof *reached.words);
        for (uint32_t k = 0; k < fn->nstmts; k++)
            if (fn->stmts[k].candidate != ESC_NONE && fn->stmts[k].candidate != c)
                esc_bitset_add(&others, fn->stmts[k].candidate, h.nwords);
        reachable_contents(&h, &others, &reached);
        if (!esc_bitset_has(&reached, c))
            candidate_fact(&h, c, id, out);
    }
    esc_bitset_free(&others);
    esc_bitset_free(&reached);
    h2s_free(&h);
    esc_pointsto_free(&pt);
    esc_flows_free(&flows);
}
