/* secondwalk.c - a pointer stored into every node of a list, cleared by a second walk of it. */
#include "core/ir/cfg.h"
#include "core/refine/overwrite.h"
#include "core/refine/refine.h"
#include "core/solve/reload.h"

#include <stdlib.h>
#include <string.h>

/* The model.  A first loop over a list marks every node with a pointer
   into the frame, and a second loop over the same list clears it:

       for (n = l->head; n; n = n->next)      // walk 1: cursor n1
           n->ctx = &local;                   // the store S
       ...
       for (n = l->head; n; n = n->next)      // walk 2: cursor n2
           n->ctx = NULL;                     // on every iteration

   A walk is a cursor defined by a PHI of two values in its loop's header:
   a load of the head (the same place, spelled the same, for both walks)
   coming from outside the loop, and a load of the cursor's own link at a
   fixed offset (the same for both) coming round the loop.  Walk 1 visits
   a prefix of the chain from the head (it may stop early); walk 2 visits
   all of it, to the null pointer that ends it, when

   - its loop is entered only through the header, and left only on the
     header's edge where the cursor is null: no break, return or goto
     out of it;
   - a store through the cursor covering S's bytes lies on every path
     round the loop (its block is on every path from the loop's first
     block back to the header);
   - nothing from the load of walk 1's head to the end of walk 2 may
     write the head's place or any node's link: reload.c's test of what a
     statement may write (a store of another type, at other bytes of the
     same pointer, to storage apart by the points-to sets; a C library
     call whose arguments are apart; no other call);

   so the chain walk 2 follows is the one walk 1 followed, and every node
   S marked is cleared.  S persists nonetheless when some path from it
   reaches a return without entering walk 2's loop (which is entered from
   outside only at its header, so from its first node).  Both walks may
   sit in an outer loop: each time S runs, walk 2 runs whole after it.
   Only the null-terminated form is seen: a circular list's walk (the
   kernel's list_for_each_entry) ends at its head, and its cursor is a
   container_of of the link, which this does not read. */

/* One walk: CURSOR, defined by the PHI in HEADER from the head's load
   HEAD (a statement) and a load of its link at offset LINK (STEP). */
struct walk {
    uint32_t cursor, header, head;
    int64_t link;
    uint32_t step;         /* the load of the link */
    uint32_t from_outside; /* the block the head's value comes from */
};

static bool is_pointer_load(const struct esc_stmt *s)
{
    return s->kind == ESC_STMT_ASSIGN && s->nargs == 1 && s->op == ESC_ASSIGN_COPY &&
           s->lhs.kind == ESC_OPND_VALUE &&
           (s->args[0].kind == ESC_OPND_MEM || s->args[0].kind == ESC_OPND_DEREF) &&
           esc_place_exact(&s->args[0]);
}

/* Is CURSOR a walk's cursor?  Fills W. */
static bool walk_of(const struct esc_function *fn, uint32_t cursor, struct walk *w)
{
    uint32_t def = fn->values[cursor].def;
    if (def == ESC_NONE)
        return false;
    const struct esc_stmt *phi = &fn->stmts[def];
    if (phi->kind != ESC_STMT_PHI || phi->nargs != 2 || !phi->arg_blocks || phi->block == ESC_NONE)
        return false;
    bool have_head = false, have_link = false;
    for (uint32_t k = 0; k < 2; k++) {
        const struct esc_operand *a = &phi->args[k];
        if (a->kind != ESC_OPND_VALUE || fn->values[a->id].def == ESC_NONE)
            return false;
        uint32_t load = fn->values[a->id].def;
        const struct esc_stmt *s = &fn->stmts[load];
        if (!is_pointer_load(s) || s->block == ESC_NONE)
            return false;
        if (s->args[0].kind == ESC_OPND_DEREF && s->args[0].id == cursor) {
            have_link = true;
            w->link = s->args[0].offset;
            w->step = load;
        } else {
            have_head = true;
            w->head = load;
            w->from_outside = phi->arg_blocks[k];
        }
    }
    w->cursor = cursor;
    w->header = phi->block;
    return have_head && have_link;
}

static bool same_operand(const struct esc_operand *a, const struct esc_operand *b)
{
    return a->kind == b->kind && a->id == b->id && a->offset == b->offset && a->size == b->size;
}

/* Each block's predecessors (CSR). */
struct preds {
    uint32_t *start, *list;
};

static void preds_make(const struct esc_function *fn, struct preds *p)
{
    esc_block_preds(fn, &p->start, &p->list);
}

/* Mark in SEEN (1) every block reachable from FROM, forward or (with
   PREDS) backward, without entering AVOID; FROM itself is marked. */
static void reach(const struct esc_function *fn, const struct preds *preds, uint32_t from,
                  uint32_t avoid, uint8_t *seen, uint32_t *stack)
{
    uint32_t top = 0;
    if (from == avoid || seen[from])
        return;
    seen[from] = 1;
    stack[top++] = from;
    while (top) {
        uint32_t b = stack[--top];
        uint32_t n = preds ? preds->start[b + 1] - preds->start[b] : fn->blocks[b].nsucc;
        for (uint32_t e = 0; e < n; e++) {
            uint32_t t = preds ? preds->list[preds->start[b] + e] : fn->blocks[b].succ[e];
            if (t != avoid && !seen[t]) {
                seen[t] = 1;
                stack[top++] = t;
            }
        }
    }
}

static bool block_returns(const struct esc_function *fn, uint32_t b)
{
    const struct esc_block *blk = &fn->blocks[b];
    for (uint32_t i = 0; i < blk->nstmts; i++)
        if (fn->stmts[blk->stmts[i]].kind == ESC_STMT_RETURN)
            return true;
    return !blk->nsucc;
}

struct check {
    const struct esc_function *fn;
    struct esc_refine *r;
    struct preds preds;
    uint8_t *loop, *seen;
    uint32_t *stack;
};

/* Walk 2's loop: the header, and every block that reaches a back edge
   into it without passing it, into C->loop.  False unless it is entered
   only through the header, left only on the header's edge where the
   cursor is null, and its body starts at *BODY. */
static bool closed_loop(struct check *c, const struct walk *w, uint32_t *body)
{
    const struct esc_function *fn = c->fn;
    const struct esc_block *h = &fn->blocks[w->header];
    if (!h->nstmts || h->nsucc != 2)
        return false;
    const struct esc_stmt *br = &fn->stmts[h->stmts[h->nstmts - 1]];
    if (br->kind != ESC_STMT_BRANCH || br->nargs != 2 || br->args[0].kind != ESC_OPND_VALUE ||
        br->args[0].id != w->cursor || br->args[1].kind != ESC_OPND_INT || br->args[1].value != 0)
        return false;
    *body = br->op == ESC_CMP_NE ? br->true_block : br->false_block;
    uint32_t exit = br->op == ESC_CMP_NE ? br->false_block : br->true_block;
    if (*body == exit)
        return false;
    memset(c->loop, 0, fn->nblocks);
    c->loop[w->header] = 1;
    for (uint32_t e = c->preds.start[w->header]; e < c->preds.start[w->header + 1]; e++)
        if (c->preds.list[e] != w->from_outside)
            reach(fn, &c->preds, c->preds.list[e], w->header, c->loop, c->stack);
    if (c->loop[w->from_outside] || !c->loop[*body] || c->loop[exit])
        return false;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (!c->loop[b])
            continue;
        for (uint32_t e = 0; e < fn->blocks[b].nsucc; e++)
            if (!c->loop[fn->blocks[b].succ[e]] &&
                !(b == w->header && fn->blocks[b].succ[e] == exit))
                return false;
        for (uint32_t e = c->preds.start[b]; e < c->preds.start[b + 1]; e++)
            if (!c->loop[c->preds.list[e]] &&
                !(b == w->header && c->preds.list[e] == w->from_outside))
                return false;
    }
    return true;
}

/* Is there, in walk 2's loop, a store through its cursor covering
   [AT, AT + SIZE) of the node, on every path from BODY back round? */
static bool clears_every_node(struct check *c, const struct walk *w, uint32_t body, int64_t at,
                              int64_t size)
{
    const struct esc_function *fn = c->fn;
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (!c->loop[b] || b == w->header)
            continue;
        const struct esc_block *blk = &fn->blocks[b];
        bool covers = false;
        for (uint32_t i = 0; i < blk->nstmts && !covers; i++) {
            const struct esc_stmt *s = &fn->stmts[blk->stmts[i]];
            uint32_t root;
            int64_t shift;
            covers = s->kind == ESC_STMT_ASSIGN && s->lhs.kind == ESC_OPND_DEREF &&
                     esc_place_exact(&s->lhs) && esc_value_base(fn, s->lhs.id, &root, &shift) &&
                     root == w->cursor && shift + s->lhs.offset <= at &&
                     at + size <= shift + s->lhs.offset + s->lhs.size;
        }
        if (!covers)
            continue;
        /* Round the loop without passing B, the header is not reached. */
        memset(c->seen, 0, fn->nblocks);
        reach(fn, NULL, body, b, c->seen, c->stack);
        if (!c->seen[w->header])
            return true;
    }
    return false;
}

/* May any statement in a block of REGION write the head's place or a
   node's link? */
static bool list_may_change(struct check *c, const uint8_t *region, const struct walk *w1,
                            const struct walk *w2)
{
    const struct esc_function *fn = c->fn;
    if (!c->r->reload) {
        c->r->reload = esc_xmalloc(sizeof *c->r->reload);
        esc_reload_init(c->r->reload, fn, c->r->flows, NULL, c->r->pt);
    }
    const struct esc_operand *head = &fn->stmts[w2->head].args[0];
    /* The links as the walks load them, with their pointer type. */
    const struct esc_operand *links[2] = {&fn->stmts[w1->step].args[0],
                                          &fn->stmts[w2->step].args[0]};
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        if (!region[b])
            continue;
        const struct esc_block *blk = &fn->blocks[b];
        for (uint32_t i = 0; i < blk->nstmts; i++) {
            uint32_t id = blk->stmts[i];
            if (esc_reload_may_write(c->r->reload, id, head) ||
                esc_reload_may_write(c->r->reload, id, links[0]) ||
                esc_reload_may_write(c->r->reload, id, links[1]))
                return true;
        }
    }
    return false;
}

static enum esc_persists_answer decide(struct check *c, uint32_t store, const struct walk *w1,
                                       const struct walk *w2, int64_t at, int64_t size)
{
    const struct esc_function *fn = c->fn;
    uint32_t sb = fn->stmts[store].block, body;
    if (!closed_loop(c, w2, &body) || c->loop[sb] || !clears_every_node(c, w2, body, at, size))
        return ESC_PERSISTS_PASS;
    /* Every path from S to a return enters walk 2's loop. */
    memset(c->seen, 0, fn->nblocks);
    reach(fn, NULL, sb, w2->header, c->seen, c->stack);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        if (c->seen[b] && block_returns(fn, b))
            return ESC_PERSISTS_PASS;
    /* The region from walk 1's head load to the end of walk 2: reachable
       from the load's block, and reaching walk 2's header. */
    uint8_t *region = esc_xcalloc(fn->nblocks, 1);
    memset(c->seen, 0, fn->nblocks);
    reach(fn, NULL, fn->stmts[w1->head].block, ESC_NONE, c->seen, c->stack);
    reach(fn, &c->preds, w2->header, ESC_NONE, region, c->stack);
    for (uint32_t b = 0; b < fn->nblocks; b++)
        region[b] &= c->seen[b];
    bool changes = list_may_change(c, region, w1, w2);
    free(region);
    return changes ? ESC_PERSISTS_PASS : ESC_PERSISTS_UNDONE;
}

enum esc_persists_answer esc_second_walk_persists(struct esc_refine *r, uint32_t id)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flow *f = &r->flows->items[id];
    const struct esc_operand *loc = esc_flow_store_location(fn, f);
    uint32_t store = f->stmt;
    if (!loc || loc->kind != ESC_OPND_DEREF || !esc_place_exact(loc) ||
        fn->stmts[store].kind != ESC_STMT_ASSIGN || fn->stmts[store].block == ESC_NONE)
        return ESC_PERSISTS_PASS;
    uint32_t root;
    int64_t at;
    struct walk w1, w2;
    if (!esc_value_base(fn, loc->id, &root, &at) || !walk_of(fn, root, &w1))
        return ESC_PERSISTS_PASS;
    at += loc->offset;
    if (at < w1.link + fn->stmts[w1.step].args[0].size && w1.link < at + loc->size)
        return ESC_PERSISTS_PASS; /* it writes the link itself */
    const struct esc_operand *head = &fn->stmts[w1.head].args[0];
    struct check c = {.fn = fn, .r = r};
    enum esc_persists_answer answer = ESC_PERSISTS_PASS;
    /* Walk 2's cursor: another walk from the same head by the same link. */
    for (uint32_t v = 0; v < fn->nvalues && answer == ESC_PERSISTS_PASS; v++) {
        if (v == w1.cursor || !walk_of(fn, v, &w2) || w2.link != w1.link ||
            w2.header == w1.header || !same_operand(&fn->stmts[w2.head].args[0], head))
            continue;
        if (!c.stack) {
            preds_make(fn, &c.preds);
            c.loop = esc_xcalloc(fn->nblocks, 1);
            c.seen = esc_xcalloc(fn->nblocks, 1);
            c.stack = esc_xmalloc(fn->nblocks * sizeof *c.stack);
        }
        answer = decide(&c, store, &w1, &w2, at, loc->size);
    }
    if (c.stack) {
        free(c.preds.start);
        free(c.preds.list);
        free(c.loop);
        free(c.seen);
        free(c.stack);
    }
    return answer;
}
