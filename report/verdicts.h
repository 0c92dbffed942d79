/* verdicts.h - what the analysis concluded about every local, parameter and allocation, in words.
 */
#ifndef ESC_VERDICTS_H
#define ESC_VERDICTS_H

#include "core/summaries/result.h"
#include "core/summaries/summary.h"

/* Like Go's -m: one line per address-taken local ("local 'buf' does not
   escape"), per pointer parameter ("parameter 'p' leaks to the result")
   and per allocation site ("allocation stays on the heap: size not
   constant").  Verbose notes print them; the JSON report stores them. */
enum esc_verdict_kind {
    ESC_VERDICT_LOCAL,      /* an address-taken local, parameter slot, literal, alloca or VLA */
    ESC_VERDICT_PARAM,      /* a pointer parameter, from the function's summary */
    ESC_VERDICT_ALLOCATION, /* a heap allocation site */
};

struct esc_verdict {
    enum esc_verdict_kind kind;
    uint32_t object;    /* LOCAL, ALLOCATION: the object; PARAM: its CALLER object */
    uint32_t param;     /* PARAM: 0-based; else ESC_NONE */
    struct esc_loc loc; /* the declaration, or the allocating call */
    /* LOCAL: its address outlives the frame; PARAM: it leaks somewhere;
       ALLOCATION: it stays on the heap. */
    bool escapes;
    char *text; /* the verdict in words */
    /* Why, when there is a path: the first escape finding of a local, a
       parameter's first leak, or the suggestion for an allocation. */
    const struct esc_finding *finding;
    const struct esc_leak_why *why;
    const struct esc_heap_site *site; /* ALLOCATION */
};

struct esc_verdicts {
    uint32_t n, cap;
    struct esc_verdict *items; /* parameters, then locals, then allocation sites */
};

struct esc_diag;
/* The path behind verdict V of FN, as notes (verbose=2, the JSON
   report): the flow of an escaping local, a parameter's first leak, or
   the statement that keeps an allocation on the heap; no notes when
   there is none.  Caller frees with esc_diag_free. */
void esc_verdict_path(const struct esc_function *fn, const struct esc_verdict *v,
                      struct esc_diag *out);

/* The verdicts on function R->fn, whose summary is S (may be NULL). */
void esc_collect_verdicts(const struct esc_function_result *r, const struct esc_summary *s,
                          struct esc_verdicts *out);
void esc_verdicts_free(struct esc_verdicts *v);

#endif
