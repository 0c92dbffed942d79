/* deepfields.c - the fields of a parameter's pointee its level-1 leaks take, for its summary. */
#include "core/analysis/analysis.h"
#include "core/refine/overwrite.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* The model.  A level-1 leak of parameter p takes pointers stored in the
   memory p points to (CALLER(p)): they point to its DEEP object.  DEEP(p)
   is one object for every field, so the points-to sets cannot say which
   field a leaked pointer was loaded from, and a caller used to count every
   pointer it stored in the argument's memory as leaked: SQLite's
   `sqlite3ExprCodeTarget (pParse, &exprAnd, dest)` keeps pExpr->y.pTab
   only, yet &compLeft in exprAnd.pLeft was reported.

   Pointers to DEEP(p) come into a function's values only from its seed,
   the contents of CALLER(p): every flow that carries DEEP(p) traces back,
   through values and through the objects it was stored in, to a read of
   CALLER(p).  So a search backwards from the leaking flow, over the flows
   whose source may hold DEEP(p), finds every read of CALLER(p) that can
   feed the leak, on every path, not only the one the notes show.  A read
   at a known offset and size (`e->tab`) through a value that points only
   to the start of CALLER(p), when it points into it at all (the
   parameter, or unchanged copies and PHIs of it: sqlite3ExprCodeTarget's
   `pExpr` after `pExpr = pExpr->pLeft; goto expr_code_doover;`), is that
   field; any other read (a variable index, pointer arithmetic, a copy of
   unknown size, p reloaded from memory, a callee's result) is of every
   field, as is a search that finds no read at all.  Objects are
   field-insensitive here: a pointer stored anywhere in a local and read
   back from anywhere in it is followed, which can only add fields.
   Stores of DEEP(p) back into CALLER(p) are followed too
   (`p->a = p->b; keep (p->a)` takes p->b).

   Calls at level 1 read only memory the function names (flows.c's
   ESC_FLOWF_OWN_MEMORY), never CALLER(p), so a callee's level-1 leak
   never becomes one of p; the recursive fixed point therefore only ever
   unions what each round's searches find, and past ESC_MAX_DEEP_FIELDS
   fields the summary says "every field".

   Cost: nothing unless a level-1 leak is recorded; then two indexes of
   the function's flows (by the value they define, by the objects they
   store into) are built once, and each (parameter, leaking flow) pair is
   searched once. */

struct deep_index {
    struct flow_list *defs;   /* per value: the flows that define it */
    struct flow_list *stores; /* per object: the flows that may store into it */
    struct esc_u64map done;   /* (flow << 32 | param) searched already */
    struct esc_u64map starts; /* (value << 32 | param): 1 if at_start, 2 if not */
    struct esc_bitset seen_values, seen_objects, seen_copies;
    uint32_t *stack, nstack, cap_stack; /* values as v, objects as nvalues + o */
};

static struct deep_index *build_index(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    struct deep_index *d = esc_xcalloc(1, sizeof *d);
    d->defs = esc_xcalloc(fn->nvalues ? fn->nvalues : 1, sizeof *d->defs);
    d->stores = esc_index_writers(a, true);
    for (uint32_t i = 0; i < a->flows.n; i++) {
        const struct esc_flow *f = &a->flows.items[i];
        if (f->dst.kind == ESC_OPND_VALUE && f->dst.id < fn->nvalues) {
            struct flow_list *l = &d->defs[f->dst.id];
            *ESC_PUSH(l->items, l->n, l->cap) = i;
        }
    }
    return d;
}

void esc_deep_fields_free(struct analysis *a)
{
    struct deep_index *d = a->deep;
    if (!d)
        return;
    for (uint32_t v = 0; v < a->fn->nvalues; v++)
        free(d->defs[v].items);
    for (uint32_t o = 0; o < a->fn->nobjects; o++)
        free(d->stores[o].items);
    free(d->defs);
    free(d->stores);
    esc_u64map_free(&d->done);
    esc_u64map_free(&d->starts);
    esc_bitset_free(&d->seen_copies);
    esc_bitset_free(&d->seen_values);
    esc_bitset_free(&d->seen_objects);
    free(d->stack);
    free(d);
    a->deep = NULL;
}

struct search {
    struct analysis *a;
    struct deep_index *d;
    uint32_t param, caller, deep;
    bool any; /* a read of CALLER(param) was found */
    bool all; /* one of unknown extent: every field */
    uint8_t nfields;
    struct esc_field fields[ESC_MAX_DEEP_FIELDS];
};

static void push(struct search *s, uint32_t node)
{
    struct deep_index *d = s->d;
    *ESC_PUSH(d->stack, d->nstack, d->cap_stack) = node;
}

/* Does flow F, defining a value, give it only pointers to the start of
   CALLER(param) (or none into it), as far as F itself goes?  If it
   copies another value unchanged, *NEXT is that value (to be asked in
   turn), else ESC_NONE. */
static bool keeps_start(const struct search *s, const struct esc_flow *f, uint32_t *next)
{
    const struct analysis *a = s->a;
    *next = ESC_NONE;
    switch (f->src.kind) {
    case ESC_OPND_VALUE:
        if (!esc_bitset_has(esc_pts(&a->pt, f->src.id), s->caller))
            return true;
        if (f->src.offset != 0 || (f->reason != ESC_FLOW_ASSIGN && f->reason != ESC_FLOW_CONVERT &&
                                   f->reason != ESC_FLOW_PHI && f->reason != ESC_FLOW_SELECT))
            return false;
        *next = f->src.id;
        return true;
    case ESC_OPND_MEM:
        return !esc_bitset_has(esc_contents(&a->pt, f->src.id), s->caller);
    case ESC_OPND_DEREF: {
        const struct esc_bitset *base = esc_pts(&a->pt, f->src.id);
        for (uint32_t o = esc_bitset_next(base, a->pt.nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, a->pt.nwords, o + 1))
            if (esc_flow_reads_object(a->fn, f->flags, o) &&
                esc_bitset_has(esc_contents(&a->pt, o), s->caller))
                return false;
        return true;
    }
    default:
        return true;
    }
}

/* Does value V point only to the start of CALLER(param) when it points
   into it at all: the parameter itself, or copies and PHIs of it
   (`pExpr` again after `pExpr = pExpr->pLeft; goto again;`)?  Every value
   it copies, transitively, must be; a cycle of unchanged copies adds no
   offset.  Memoised per (value, parameter). */
static bool at_start(struct search *s, uint32_t v)
{
    const struct esc_function *fn = s->a->fn;
    struct deep_index *d = s->d;
    uint64_t key = (uint64_t)v << 32 | s->param;
    uint32_t *known = esc_u64map_get(&d->starts, key);
    if (known)
        return *known == 1;
    uint32_t nwords = esc_bitset_words(fn->nvalues);
    if (d->seen_copies.words)
        memset(d->seen_copies.words, 0, nwords * sizeof(uint64_t));
    uint32_t n = 0, cap = 0, *stack = NULL;
    bool ok = true;
    esc_bitset_add(&d->seen_copies, v, nwords);
    *ESC_PUSH(stack, n, cap) = v;
    while (n && ok) {
        uint32_t u = stack[--n];
        if (fn->values[u].def == ESC_NONE) {
            /* An entry value points where its parameter does. */
            ok = fn->values[u].param == (int32_t)s->param;
            continue;
        }
        const struct flow_list *l = &d->defs[u];
        for (uint32_t i = 0; i < l->n && ok; i++) {
            uint32_t next;
            ok = keeps_start(s, &s->a->flows.items[l->items[i]], &next);
            if (ok && next != ESC_NONE && next < fn->nvalues &&
                esc_bitset_add(&d->seen_copies, next, nwords))
                *ESC_PUSH(stack, n, cap) = next;
        }
    }
    free(stack);
    esc_u64map_put(&d->starts, key, ok ? 1 : 2);
    return ok;
}

/* SRC, a read of CALLER(param): the field it is, or every field. */
static void note_read(struct search *s, const struct esc_operand *src)
{
    const struct esc_function *fn = s->a->fn;
    s->any = true;
    if (s->all)
        return;
    if (src->kind != ESC_OPND_DEREF || !esc_place_exact(src) || src->id >= fn->nvalues ||
        !at_start(s, src->id)) {
        s->all = true;
        return;
    }
    for (uint8_t k = 0; k < s->nfields; k++)
        if (s->fields[k].offset == src->offset && s->fields[k].size == src->size)
            return;
    if (s->nfields == ESC_MAX_DEEP_FIELDS) {
        s->all = true;
        return;
    }
    s->fields[s->nfields++] = (struct esc_field){src->offset, src->size};
}

/* Object O, read by SRC, may hold DEEP(param): note the read if it is
   CALLER(param), and search what was stored into O. */
static void read_object(struct search *s, uint32_t o, const struct esc_operand *src)
{
    const struct analysis *a = s->a;
    if (!esc_bitset_has(esc_contents(&a->pt, o), s->deep))
        return;
    if (o == s->caller)
        note_read(s, src);
    if (esc_bitset_add(&s->d->seen_objects, o, esc_bitset_words(a->fn->nobjects)))
        push(s, a->fn->nvalues + o);
}

/* The source of flow F, which may carry DEEP(param). */
static void search_source(struct search *s, const struct esc_flow *f)
{
    const struct analysis *a = s->a;
    const struct esc_operand *src = &f->src;
    switch (src->kind) {
    case ESC_OPND_VALUE:
        if (src->id < a->fn->nvalues && esc_bitset_has(esc_pts(&a->pt, src->id), s->deep) &&
            esc_bitset_add(&s->d->seen_values, src->id, esc_bitset_words(a->fn->nvalues)))
            push(s, src->id);
        break;
    case ESC_OPND_MEM:
        read_object(s, src->id, src);
        break;
    case ESC_OPND_DEREF: {
        const struct esc_bitset *base = esc_pts(&a->pt, src->id);
        for (uint32_t o = esc_bitset_next(base, a->pt.nwords, 0); o != ESC_NONE;
             o = esc_bitset_next(base, a->pt.nwords, o + 1))
            if (esc_flow_reads_object(a->fn, f->flags, o))
                read_object(s, o, src);
        break;
    }
    default:
        break;
    }
}

void esc_note_deep_fields(struct analysis *a, uint32_t param, uint32_t id)
{
    const struct esc_function *fn = a->fn;
    if (param >= fn->nparams || fn->params[param].caller == ESC_NONE ||
        fn->params[param].deep == ESC_NONE || a->summary->params[param].deep_all)
        return;
    if (!a->deep)
        a->deep = build_index(a);
    struct deep_index *d = a->deep;
    uint64_t key = (uint64_t)id << 32 | param;
    if (esc_u64map_get(&d->done, key))
        return;
    esc_u64map_put(&d->done, key, 1);
    if (d->seen_values.words)
        memset(d->seen_values.words, 0, esc_bitset_words(fn->nvalues) * sizeof(uint64_t));
    if (d->seen_objects.words)
        memset(d->seen_objects.words, 0, esc_bitset_words(fn->nobjects) * sizeof(uint64_t));
    struct search s = {.a = a,
                       .d = d,
                       .param = param,
                       .caller = fn->params[param].caller,
                       .deep = fn->params[param].deep};
    d->nstack = 0;
    search_source(&s, &a->flows.items[id]);
    while (d->nstack && !s.all) {
        uint32_t node = d->stack[--d->nstack];
        const struct flow_list *l =
            node < fn->nvalues ? &d->defs[node] : &d->stores[node - fn->nvalues];
        for (uint32_t i = 0; i < l->n; i++)
            search_source(&s, &a->flows.items[l->items[i]]);
    }
    if (s.all || !s.any) {
        esc_summary_add_deep_field(a->summary, param, NULL);
        return;
    }
    for (uint8_t k = 0; k < s.nfields; k++)
        esc_summary_add_deep_field(a->summary, param, &s.fields[k]);
}
