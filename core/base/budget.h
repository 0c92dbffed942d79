/* budget.h - a bound on the time and memory the analysis of one function may take. */
#ifndef ESC_BUDGET_H
#define ESC_BUDGET_H

#include <stdbool.h>
#include <stdint.h>

/* Some shapes of code make parts of the analysis grow with the square of
   a function's size: thousands of stores, each followed through every
   statement after it to a return; thousands of addresses merged into one
   pointer, each explained by its own path through thousands of merges.
   The object limit (ESC_MAX_OBJECTS) bounds the points-to sets, not
   these, so they are counted, and a function that needs more than its
   budget is skipped with a note, like one with too many objects, instead
   of taking minutes or gigabytes.

   Two budgets per function: statements visited by walks of the
   control-flow graph (time: 12 to 20 ns each), and bytes of path states
   and steps kept for explanations (memory).

   The walks are bounded by the function's size, so that the plugin never
   spends much more on a function than GCC itself does: GCC 12 at -O0
   takes about 15 us per statement of the IR (16,000 locals each stored
   into a global: 0.49 s for 32,000 statements), about 1,000 visits, so
   1024 visits per statement, and 2^22 (about 60 ms) for any function.
   SQLite's largest function, sqlite3VdbeExec, visits 285,000 statements
   (150 per statement: 7% of its budget) and keeps 1.2 MB of paths. */
#define ESC_BUDGET_WALK_PER_STMT ((uint64_t)1024)
#define ESC_BUDGET_WALK_MIN ((uint64_t)1 << 22)
#define ESC_BUDGET_KEEP ((uint64_t)1 << 28)
/* What one path state costs, with its share of the search's maps. */
#define ESC_BUDGET_STATE_BYTES 128

/* The note of a function that ran past either budget. */
#define ESC_BUDGET_NOTE                                                                            \
    "too large: analysing it needs more than 1024 statement visits per statement (2^22 at "        \
    "least) or 256 MiB of paths"

/* The walk budget of a function of NSTMTS statements. */
uint64_t esc_budget_walk_limit(uint32_t nstmts);

/* The counts and limits of the analysis under way.  Analyses nest: a
   call with constant arguments analyses its callee again (specialize.c)
   in the middle of the caller's analysis, so the caller's state is saved
   when the callee's starts and given back when it ends, as GCC's
   analyzer saves and restores its state around a nested question. */
struct esc_budget {
    uint64_t walked, kept;
    uint64_t walk_limit, keep_limit;
};

/* Start counting for one function of NSTMTS statements; returns the
   state of the analysis it interrupts (no limit, outside any), for
   esc_budget_end. */
struct esc_budget esc_budget_begin(uint32_t nstmts);

/* End the function's count and resume OUTER.  The statements the nested
   analysis visited are charged to OUTER too, since its time is spent on
   OUTER's behalf: a caller with many specialised calls still stops at
   its budget.  Its memory is not: it is freed when it ends. */
void esc_budget_end(struct esc_budget outer);

/* Count STATEMENTS visited, or BYTES kept; false once either budget is
   used up, and from then on (the caller gives its cheapest safe answer:
   the function's results are thrown away). */
bool esc_budget_walk(uint64_t statements);
bool esc_budget_keep(uint64_t bytes);

bool esc_budget_exhausted(void);

#endif
