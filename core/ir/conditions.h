/* conditions.h - what a CFG edge says about values: one form for every branch the lowering keeps.
 */
#ifndef ESC_CONDITIONS_H
#define ESC_CONDITIONS_H

#include "core/ir/ir.h"

/* The model.  An edge from block B to its successor S is taken only when
   its condition holds: a disjunction of terms, each a conjunction of
   facts.  A fact says that a subject (an SSA value, or a parameter's
   value on entry) lies in a range of integers, or that a pointer does or
   does not point to an object.  A term names each subject at most once,
   with one or more ranges (the subject lies in one of them):

       if (p == &x)            true: p points to x   false: p does not
       if (!f)                 true: f in [0, 0]     false: f in [min, -1] or [1, max]
       switch (type) case 1: case 5:      type in [1, 1] or [5, 5]
       if (n == 1 || m < 0)    two terms: n in [1, 1]; m in [min, -1]

   The lowering keeps two records of them (ir.h): a BRANCH statement at the
   end of a block for a pointer compared with an address or with null, a
   call's status with 0, or, in a function that starts a thread, any
   integer with 0; and the parameter ranges of a block whose test
   depends on parameters (plugin/param-tests.cc).  Both come from the same
   test, so each BRANCH fact is a conjunct of every term of its edge.
   This file reads them as one form; guards.c, joinclose.c, heap2stack.c
   and specialize.c ask it, and so will any later path-sensitive
   refinement. */

enum esc_cond_kind {
    ESC_COND_RANGE,         /* subject in [lo, hi] (one of the term's ranges for it) */
    ESC_COND_POINTS_TO,     /* the pointer subject points to object */
    ESC_COND_NOT_POINTS_TO, /* it does not */
    ESC_COND_TRUE,          /* a term that always holds */
};

struct esc_cond {
    enum esc_cond_kind kind;
    bool is_param; /* subject: the parameter's index, its value on entry; else an SSA value */
    uint32_t subject;
    int64_t lo, hi;  /* RANGE */
    uint32_t object; /* POINTS_TO, NOT_POINTS_TO: the object, and the offset into it */
    int64_t offset;
};

/* A fact of the edge from a block to SUCC, in term TERM of it, or in
   every term (ESC_COND_EVERY_TERM). */
#define ESC_COND_EVERY_TERM ESC_NONE
struct esc_cond_entry {
    uint32_t succ, term;
    struct esc_cond cond;
};

/* Read FN's conditions into its cond_start and conds (ir.h), in M's
   arena, once: later calls do nothing.  The analysis of a unit builds
   them for every function before its first analysis. */
void esc_conds_build(struct esc_module *m, struct esc_function *fn);

/* The facts of block B's out-edges; *N receives how many. */
const struct esc_cond_entry *esc_block_conds(const struct esc_function *fn, uint32_t b,
                                             uint32_t *n);

/* Can the edge from B to S be taken when each parameter P that
   KNOWN (P, &value) answers has that value on entry?  A fact about any
   other subject may hold. */
bool esc_edge_possible(const struct esc_function *fn, uint32_t b, uint32_t s,
                       bool (*known)(const void *ctx, uint32_t param, int64_t *value),
                       const void *ctx);

/* Does FACT hold whenever the edge from B to S is taken?  For a RANGE
   fact (about an SSA value), the subject lies inside [lo, hi]; for the
   others, the edge states that very fact. */
bool esc_edge_implies(const struct esc_function *fn, uint32_t b, uint32_t s,
                      const struct esc_cond *fact);

/* The successor of B on which SUBJECT (an SSA value) is known to be zero
   (ZERO true) or nonzero (false), if B tests it; ESC_NONE otherwise. */
uint32_t esc_block_successor_where(const struct esc_function *fn, uint32_t b, uint32_t subject,
                                   bool zero);

#endif
