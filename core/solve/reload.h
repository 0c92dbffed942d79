/* reload.h - must-alias for reloads: what a load must read, when nothing between can write its
 * place. */
#ifndef ESC_RELOAD_H
#define ESC_RELOAD_H

#include "core/solve/calltrust.h"
#include "core/solve/flows.h"
#include "core/solve/pointsto.h"

/* One function's context for the questions below (reload.c states the
   model and its bounds). */
struct esc_reload {
    const struct esc_function *fn;
    /* How calls resolve: a library call writes only what its arguments
       point to.  While flows are built, calls not yet reached are zero:
       MODELS then says which names a model file describes instead. */
    const struct esc_flows *flows;
    const struct esc_summary_table *models;
    /* The points-to solution, or NULL while flows are built: then only
       what the IR spells apart is apart. */
    const struct esc_pointsto *pt;
    uint32_t *pos;                /* each statement's index in its block */
    uint32_t *pred_start, *preds; /* each block's predecessors (CSR), made on first use */
    uint64_t stored[4];           /* a filter of the places stores write (reload.c) */
    /* The undo direction only: the calls trusted to leave the places a
       reload reads alone (calltrust.c), and loops walked; NULL: today's
       rules, for everything that may find an escape. */
    struct esc_calltrust *trust;
};

void esc_reload_init(struct esc_reload *c, const struct esc_function *fn,
                     const struct esc_flows *flows, const struct esc_summary_table *models,
                     const struct esc_pointsto *pt);
void esc_reload_free(struct esc_reload *c);

/* The store whose value load LOAD must read: the one every path back
   from LOAD meets first, with nothing before it on the way that may write
   the place it reads; ESC_NONE when there is none within the bounds. */
uint32_t esc_reload_store(struct esc_reload *c, uint32_t load);

/* Do values A and B hold the same pointer where the later one is
   defined: copies of one value at one offset, or loads of one place
   (`s = app->state; ...; app->state`) with nothing between that may
   write it? */
bool esc_reload_same_value(struct esc_reload *c, uint32_t a, uint32_t b);

/* Does value LATER hold the pointer EARLIER held, LATER a copy of it or
   read again from its place after it on every path back, nothing between
   writing that place?  (One direction of esc_reload_same_value: in a
   loop the other one says nothing of a later iteration.) */
bool esc_reload_value_follows(struct esc_reload *c, uint32_t later, uint32_t earlier);

/* May statement STMT write any byte of PLACE (a MEM or DEREF)?  The
   walks' own test, with their rules for what is apart, for a caller that
   walks a region of its own (secondwalk.c). */
bool esc_reload_may_write(struct esc_reload *c, uint32_t stmt, const struct esc_operand *place);

/* The value the store esc_reload_store finds for LOAD wrote, or NULL:
   the flows of LOAD, in place of all its place may hold (refine-list.h,
   RELOAD). */
const struct esc_operand *esc_reload_forwarded(struct esc_reload *c, uint32_t load);

#endif
