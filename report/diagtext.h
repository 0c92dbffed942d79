/* diagtext.h - the text of a finding: the warning message and its note lines. */
#ifndef ESC_DIAGTEXT_H
#define ESC_DIAGTEXT_H

#include "core/summaries/result.h"

enum esc_note_kind {
    ESC_NOTE_DECLARATION, /* where the object is declared or allocated */
    ESC_NOTE_FLOW,        /* one step of the path */
    ESC_NOTE_HEAP,        /* escape-heap: how the heap object escapes */
    ESC_NOTE_CALLEE,      /* inside a callee: how it lets the argument go */
    ESC_NOTE_FREE,        /* heap-to-stack: a free the stack array removes */
    ESC_NOTE_READER,      /* who reads the stale address again, or why nothing does */
};

struct esc_note {
    enum esc_note_kind kind;
    struct esc_loc loc;
    char *text;
};

struct esc_diag {
    char *message; /* ends with the rule id in brackets */
    uint32_t nnotes;
    struct esc_note *notes;
};

void esc_render_finding(const struct esc_function *fn, const struct esc_finding *f,
                        struct esc_diag *out);
void esc_diag_free(struct esc_diag *d);

/* A path of steps in FN as "flow:" notes only (a summary's reason for a
   leak); OUT->message stays NULL. */
void esc_render_steps(const struct esc_function *fn, const struct esc_step *steps, uint32_t n,
                      struct esc_diag *out);

/* A heap-to-stack verdict in words, for verbose notes: "allocation stays
   on the heap: size not constant" (caller frees). */
char *esc_render_heap_site(const struct esc_function *fn, const struct esc_heap_site *site);

/* heap-to-stack's words: the suggestion for a SIZE-byte block by
   ALLOCATOR (named unless it is the C library's) in FUNCTION, and the
   note at a free by DEALLOCATOR (NULL or the C library's: `free`). */
char *esc_heap_advice_text(int64_t size, const char *allocator, const char *function,
                           enum esc_heap_lifetime lifetime);
char *esc_heap_free_text(const char *deallocator);

/* An escape finding in words, without "address of" and the rule:
   "local 'x' escapes to global 'g'" (caller frees). */
char *esc_escape_text(const struct esc_function *fn, const struct esc_finding *f);

/* "local 'x'", "parameter 'v'", "compound literal", "variable-length array 'a'" ... */
char *esc_describe_object(const struct esc_function *fn, uint32_t obj);

#endif
