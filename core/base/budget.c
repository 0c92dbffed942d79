/* budget.c - a bound on the time and memory the analysis of one function may take. */
#include "core/base/budget.h"

/* One analysis counts at a time (GCC runs the plugin on one thread; a
   nested analysis suspends its caller's), so the counts are statics: no
   parameter threads them through every walk. */
static uint64_t walked, kept;
static uint64_t walk_limit = UINT64_MAX, keep_limit = UINT64_MAX;

uint64_t esc_budget_walk_limit(uint32_t nstmts)
{
    uint64_t scaled = ESC_BUDGET_WALK_PER_STMT * nstmts;
    return scaled > ESC_BUDGET_WALK_MIN ? scaled : ESC_BUDGET_WALK_MIN;
}

struct esc_budget esc_budget_begin(uint32_t nstmts)
{
    struct esc_budget outer = {walked, kept, walk_limit, keep_limit};
    walked = kept = 0;
    walk_limit = esc_budget_walk_limit(nstmts);
    keep_limit = ESC_BUDGET_KEEP;
    return outer;
}

void esc_budget_end(struct esc_budget outer)
{
    uint64_t inner = walked;
    walked = outer.walked;
    if (outer.walk_limit != UINT64_MAX) /* nested: charge the caller */
        walked = walked + inner < walked ? UINT64_MAX : walked + inner;
    kept = outer.kept;
    walk_limit = outer.walk_limit;
    keep_limit = outer.keep_limit;
}

bool esc_budget_exhausted(void)
{
    return walked > walk_limit || kept > keep_limit;
}

bool esc_budget_walk(uint64_t statements)
{
    if (esc_budget_exhausted())
        return false;
    walked += statements;
    return !esc_budget_exhausted();
}

bool esc_budget_keep(uint64_t bytes)
{
    if (esc_budget_exhausted())
        return false;
    kept += bytes;
    return !esc_budget_exhausted();
}
