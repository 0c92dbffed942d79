/* budget.c - a bound on the time and memory the analysis of one function may take. */
#include "budget.h"

/* One function is analysed at a time (GCC runs the plugin on one
   thread), so the counts are statics: no parameter threads them through
   every walk. */
static uint64_t walked, kept;
static uint64_t walk_limit = UINT64_MAX, keep_limit = UINT64_MAX;

void esc_budget_start(void)
{
    walked = kept = 0;
    walk_limit = ESC_BUDGET_WALK;
    keep_limit = ESC_BUDGET_KEEP;
}

void esc_budget_stop(void)
{
    walked = kept = 0;
    walk_limit = keep_limit = UINT64_MAX;
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
