/* budget.c - unit tests of the work budget: counted, exhausted once, reset, nested, scaled. */
#include <stdbool.h>

#include "check.h"
#include "core/base/budget.h"

int main(void)
{
    check(esc_budget_walk(ESC_BUDGET_WALK_MIN * 4) && esc_budget_keep(ESC_BUDGET_KEEP * 4) &&
              !esc_budget_exhausted(),
          "outside a function's analysis nothing is limited");

    struct esc_budget none = esc_budget_begin(0);
    check(esc_budget_walk(ESC_BUDGET_WALK_MIN) && !esc_budget_exhausted(),
          "walks up to the budget exactly are allowed");
    check(!esc_budget_walk(1) && esc_budget_exhausted(), "one statement more exhausts it");
    check(!esc_budget_keep(1) && !esc_budget_walk(0) && esc_budget_exhausted(),
          "once exhausted, every later question says so");

    esc_budget_end(none);
    none = esc_budget_begin(0);
    check(!esc_budget_exhausted() && esc_budget_keep(ESC_BUDGET_KEEP - 1) && esc_budget_keep(1) &&
              !esc_budget_keep(1) && esc_budget_exhausted(),
          "the next function starts afresh; the memory budget is counted on its own");

    esc_budget_end(none);
    check(!esc_budget_exhausted() && esc_budget_walk(1), "ending the outermost lifts the limit");

    /* A callee analysed again inside its caller's analysis (specialize.c). */
    none = esc_budget_begin(0);
    check(esc_budget_walk(ESC_BUDGET_WALK_MIN - 10) && esc_budget_keep(ESC_BUDGET_KEEP - 10),
          "the caller uses most of its budget");
    struct esc_budget caller = esc_budget_begin(0);
    check(!esc_budget_exhausted() && esc_budget_walk(100) && esc_budget_keep(ESC_BUDGET_KEEP),
          "the nested analysis starts with a budget of its own");
    esc_budget_end(caller);
    check(esc_budget_exhausted() && !esc_budget_walk(1),
          "the caller resumes with its own limits, charged with the nested walks");
    esc_budget_end(none);
    none = esc_budget_begin(0);
    check(esc_budget_walk(ESC_BUDGET_WALK_MIN - 10) && esc_budget_keep(ESC_BUDGET_KEEP - 10),
          "again");
    caller = esc_budget_begin(0);
    check(esc_budget_keep(ESC_BUDGET_KEEP), "a nested analysis keeps memory");
    esc_budget_end(caller);
    check(!esc_budget_exhausted() && esc_budget_keep(10) && !esc_budget_keep(1),
          "which is freed when it ends: the caller's memory count is its own");
    esc_budget_end(none);

    /* The walk budget grows with the function, past the floor. */
    none = esc_budget_begin(100000);
    check(esc_budget_walk(ESC_BUDGET_WALK_PER_STMT * 100000) && !esc_budget_exhausted(),
          "a function of 100,000 statements may visit 1024 per statement");
    check(!esc_budget_walk(1) && esc_budget_exhausted(), "and not one more");
    esc_budget_end(none);
    check(esc_budget_walk_limit(10) == ESC_BUDGET_WALK_MIN &&
              esc_budget_walk_limit(1u << 20) == ESC_BUDGET_WALK_PER_STMT << 20,
          "a small function gets the floor, a large one its share");
    totals();
    return failed ? 1 : 0;
}
