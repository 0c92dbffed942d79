/* budget.c - unit tests of the per-function work budget: counted, exhausted once, reset. */
#include <stdbool.h>

#include "check.h"
#include "core/budget.h"

int main(void)
{
    esc_budget_stop();
    check(esc_budget_walk(ESC_BUDGET_WALK * 4) && esc_budget_keep(ESC_BUDGET_KEEP * 4) &&
              !esc_budget_exhausted(),
          "outside a function's analysis nothing is limited");

    esc_budget_start();
    check(esc_budget_walk(ESC_BUDGET_WALK) && !esc_budget_exhausted(),
          "walks up to the budget exactly are allowed");
    check(!esc_budget_walk(1) && esc_budget_exhausted(), "one statement more exhausts it");
    check(!esc_budget_keep(1) && !esc_budget_walk(0) && esc_budget_exhausted(),
          "once exhausted, every later question says so");

    esc_budget_start();
    check(!esc_budget_exhausted() && esc_budget_keep(ESC_BUDGET_KEEP - 1) && esc_budget_keep(1) &&
              !esc_budget_keep(1) && esc_budget_exhausted(),
          "the next function starts afresh; the memory budget is counted on its own");

    esc_budget_stop();
    check(!esc_budget_exhausted() && esc_budget_walk(1), "stopping lifts the limit");
    totals();
    return failed ? 1 : 0;
}
