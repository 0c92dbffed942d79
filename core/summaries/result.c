/* result.c - the stable names and words of the analysis's verdicts, for messages and reports. */
#include "core/summaries/result.h"

#include <stdlib.h>

/* Each verdict's stable id (for reports) and its words. */
static const struct {
    const char *id, *text;
} verdicts[ESC_HEAP_VERDICT_COUNT] = {
    [ESC_HEAP_STACKABLE] = {"stackable", "a stack array would do"},
    [ESC_HEAP_ALLOCATOR] = {"allocator", "allocator without a stack equivalent"},
    [ESC_HEAP_SIZE_UNKNOWN] = {"size-unknown", "size not a positive constant"},
    [ESC_HEAP_SIZE_TOO_BIG] = {"size-too-big", "size over the heap-max limit"},
    [ESC_HEAP_UNKNOWN_CALL] = {"unknown-call", "passed to a function nothing is known about"},
    [ESC_HEAP_EXPOSED] = {"exposed", "address converted to an integer"},
    [ESC_HEAP_UNKNOWN_MEMORY] = {"unknown-memory", "stored in memory nothing is known about"},
    [ESC_HEAP_SHARED_RESULT] = {"shared-result", "its allocator lets unknown code keep it"},
    [ESC_HEAP_ESCAPES] = {"escapes", "outlives the function"},
    [ESC_HEAP_REALLOCATED] = {"reallocated", "reallocated"},
    [ESC_HEAP_CALLEE_FREES] = {"callee-frees", "freed by a callee"},
    [ESC_HEAP_SHARED_FREE] = {"shared-free", "freed together with other memory"},
    [ESC_HEAP_NOT_ALWAYS_FREED] = {"not-always-freed", "not freed on every path"},
    [ESC_HEAP_LOOP] = {"loop", "allocated in a loop and not freed in the same iteration"},
    [ESC_HEAP_RECURSION] = {"recursion", "live across a recursive call"},
    [ESC_HEAP_WRONG_DEALLOC] = {"wrong-deallocator",
                                "released by another deallocator than its allocator's"},
};

const char *esc_heap_verdict_id(enum esc_heap_verdict verdict)
{
    return verdict < ESC_HEAP_VERDICT_COUNT ? verdicts[verdict].id : "?";
}

const char *esc_heap_verdict_text(enum esc_heap_verdict verdict)
{
    return verdict < ESC_HEAP_VERDICT_COUNT ? verdicts[verdict].text : "?";
}

const char *esc_read_verdict_id(enum esc_read_verdict read)
{
    return read == ESC_READ_MAY ? "may" : read == ESC_READ_NEVER ? "never" : NULL;
}

void esc_function_result_free(struct esc_function_result *r)
{
    for (uint32_t i = 0; i < r->nfindings; i++) {
        free(r->findings[i].read_note);
        free(r->findings[i].steps);
        free(r->findings[i].heap_steps);
        free(r->findings[i].frees);
        free(r->findings[i].also);
    }
    free(r->findings);
    r->findings = NULL;
    r->nfindings = r->cap_findings = 0;
    free(r->heap_sites);
    r->heap_sites = NULL;
    r->nheap_sites = 0;
    for (uint32_t i = 0; i < r->nfacts; i++) {
        free(r->facts[i].steps);
        free(r->facts[i].frees);
        free(r->facts[i].free_dealloc);
        free(r->facts[i].free_dealloc_arg);
    }
    free(r->facts);
    r->facts = NULL;
    r->nfacts = r->cap_facts = 0;
    for (uint32_t i = 0; i < r->nprobe_notes; i++)
        free(r->probe_notes[i].text);
    free(r->probe_notes);
    r->probe_notes = NULL;
    r->nprobe_notes = r->cap_probe_notes = 0;
}

void esc_results_free(struct esc_results *results)
{
    for (uint32_t i = 0; i < results->nfunctions; i++)
        esc_function_result_free(&results->functions[i]);
    free(results->functions);
    results->functions = NULL;
    results->nfunctions = 0;
    free(results->reads);
    results->reads = NULL;
    results->nreads = results->cap_reads = 0;
    free(results->at_exit);
    results->at_exit = NULL;
    results->nat_exit = results->cap_at_exit = 0;
    free(results->callees);
    free(results->taken_fns);
    free(results->call_reads);
    results->callees = results->taken_fns = NULL;
    results->call_reads = NULL;
    results->ncallees = results->cap_callees = results->ntaken_fns = results->cap_taken_fns = 0;
    results->ncall_reads = results->cap_call_reads = 0;
    results->calls_listed = false;
}
