/* flows.h - the pointer flows each statement creates: the solver's constraints. */
#ifndef ESC_FLOWS_H
#define ESC_FLOWS_H

#include "core/ir/ir.h"
#include "core/summaries/library.h"
#include "core/summaries/summary.h"

/* Why pointers move from src to dst; explanations print it. */
enum esc_flow_reason {
    ESC_FLOW_ADDRESS,      /* p = &x */
    ESC_FLOW_ASSIGN,       /* p = q */
    ESC_FLOW_ARITH,        /* p = q + n */
    ESC_FLOW_CONVERT,      /* p = (T *) q */
    ESC_FLOW_SELECT,       /* p = c ? q : r */
    ESC_FLOW_PHI,          /* control flow merge */
    ESC_FLOW_LOAD,         /* p = *q, p = s.f */
    ESC_FLOW_STORE,        /* *q = p, s.f = p */
    ESC_FLOW_CALL_RESULT,  /* p = strchr (q, c): the result points into an argument */
    ESC_FLOW_CALL_COPY,    /* memcpy (d, s, n): pointers held in *s move to *d */
    ESC_FLOW_CALL_STORE,   /* strtol (s, &end, 10): *end = s */
    ESC_FLOW_CALL_UNKNOWN, /* an unmodelled callee's result, or what it may write */
    ESC_FLOW_ALLOC,        /* p = malloc (n), p = alloca (n) */
    ESC_FLOW_RETURN,       /* return p */
    ESC_FLOW_CALL_KEEP,    /* pthread_create (&t, 0, run, p): kept past the call */
};

enum esc_flow_flags {
    /* A callee's summary reads what a pointer argument points to, *p of
       unknown extent.  Only memory the function itself names is read
       (locals, heap, statics): the caller's and static-reachable memory
       behind a pointer are where field-insensitive sets tie everything
       together, and what this function stores there is reported where it
       stores it. */
    ESC_FLOWF_OWN_MEMORY = 1u << 0,
};

struct esc_flow {
    struct esc_operand dst; /* VALUE, MEM or DEREF */
    struct esc_operand src; /* VALUE, ADDR, MEM, DEREF or UNKNOWN */
    uint32_t stmt;
    uint8_t reason; /* enum esc_flow_reason */
    uint8_t arg;    /* the 1-based call or PHI argument the pointers come from, or 0 */
    uint8_t flags;  /* enum esc_flow_flags */
    uint8_t level;  /* call flows from a summary: the leak's dereference level */
    uint32_t
        exclude; /* an object the source cannot point to here (a branch said so), or ESC_NONE */
};

/* How one call statement was resolved. */
struct esc_call {
    const struct esc_summary *summary;   /* this unit's function, a model file, or merged */
    const struct esc_lib_entry *library; /* the built-in C library table */
    bool unknown;                        /* nothing is known: it may keep anything */
};

struct esc_flows {
    uint32_t n, cap;
    struct esc_flow *items;
    struct esc_call *calls; /* per statement; all zero but for calls */
};

struct esc_spec_cache;
struct esc_spec_context;

/* What calls are resolved against besides the built-in library table. */
struct esc_call_context {
    const struct esc_summary_table *own;    /* this unit's functions (direct calls) */
    const struct esc_summary_table *models; /* the user's model files (external calls) */
    /* Functions known from their declarations' attributes (declared.c),
       for calls that nothing above nor the library table describes. */
    const struct esc_summary_table *declared;
    /* A points-to solution of the same function, to resolve indirect calls
       whose pointer can only hold this unit's functions; NULL at first. */
    const struct esc_pointsto *pt;
    struct esc_summary_table *merged; /* receives the merged summaries of such calls */
    /* The call graph's strongly connected components, one id per function
       of the module, so that a call back into the caller's own component
       (recursion) is seen; NULL when not known. */
    const uint32_t *component;
    const bool *recursive; /* per function: its component is a cycle; NULL when not known */
    const struct esc_config *config; /* the user's settings; NULL: the defaults */
    /* Also give each call into another unit that returns a pointer a
       candidate HEAP object (ir.h's ESC_OBJF_CANDIDATE), for heap2stack.c's
       facts; never for the analysis whose findings are shown. */
    bool candidates;
    /* Calls with constant arguments (specialize.c): the unit's cache of
       callees analysed for them, and, while one is, its context.  NULL:
       plain summaries everywhere. */
    struct esc_spec_cache *spec_cache;
    const struct esc_spec_context *spec;
    /* Set by the driver (summarize.c) to specialize.c's answers, so that
       building flows needs nothing above it.  The summary call STMT uses,
       given SUM, the plain summary of the unit's function it calls; and
       whether statement STMT (or, for ARG > 0, the edge its PHI argument
       ARG comes in by) is ruled out in this analysis.  NULL: SUM, and
       nothing is ruled out. */
    const struct esc_summary *(*choose_summary)(struct esc_module *m, const struct esc_function *fn,
                                                const struct esc_call_context *callees,
                                                uint32_t stmt, const struct esc_summary *sum);
    bool (*stmt_dead)(const struct esc_call_context *callees, const struct esc_function *fn,
                      uint32_t stmt, uint32_t arg);
};

/* Turn FN's statements into flows.  Calls are resolved against CALLEES
   (may be NULL) and the library table here, and each allocating or keeping
   call gets its HEAP, ALLOCA or KEPT object (created once, reused when
   flows are built again), so this also completes FN's object table. */
struct esc_pointsto;
void esc_flows_build(struct esc_module *m, struct esc_function *fn,
                     const struct esc_call_context *callees, struct esc_flows *flows);
void esc_flows_free(struct esc_flows *flows);

/* Is call ID a direct call to a function of another translation unit
   that nothing here describes (no body, model file or library entry)? */
bool esc_call_is_external(const struct esc_function *fn, const struct esc_flows *flows,
                          uint32_t id);

/* The summary dependencies argument ARG (0-based) of call ID carries:
   into the other unit for an external call, or what this unit's callee
   passes on there.  Fills DEPS (up to ESC_MAX_CROSS_DEPS) with each
   dependency of what reaches the argument at LEVEL from the caller's
   level FROM; returns how many, and sets *OVERFLOW when some are lost. */
uint32_t esc_call_deps(const struct esc_function *fn, const struct esc_flows *flows, uint32_t id,
                       uint32_t arg, unsigned level, unsigned from, struct esc_cross_dep *deps,
                       bool *overflow);

/* The size allocating call STMT asks for: a constant in bytes (folded
   by the adapter: `n = 64; malloc (n)`, `calloc (4, 16)`,
   `strdup ("literal")`), or the 0-based parameter of FN holding it (a
   malloc wrapper's `malloc (n)`), and with COUNT non-null, the one the
   size is multiplied by (`calloc (n, m)`, else -1); false when it is
   neither. */
bool esc_allocation_size(const struct esc_function *fn, const struct esc_flows *flows,
                         uint32_t stmt, int32_t *param, int32_t *count, int64_t *size);

/* The deallocator that releases what allocating call STMT returns, and
   the argument of it that takes the block (1-based): `free`'s first for
   the C library's allocators, the summary's for the others. */
const char *esc_allocation_dealloc(const struct esc_flows *flows, uint32_t stmt, uint8_t *arg);

/* When argument ARG (0-based) of call ID releases its block as a plain
   free does (`free`, a declared deallocator, a wrapper of one): the
   deallocator and its argument, the family the block must come from.
   NULL for any other call or argument. */
const char *esc_call_dealloc(const struct esc_flows *flows, uint32_t id, uint32_t arg,
                             uint8_t *darg);

/* A flow writes memory (and so may be where an address escapes). */
static inline bool esc_flow_is_store(const struct esc_flow *f)
{
    return f->dst.kind == ESC_OPND_MEM || f->dst.kind == ESC_OPND_DEREF;
}

/* The location flow F writes, when a later store can be proven to
   overwrite it: only a plain store's own destination qualifies; what a
   call writes (memcpy, an unknown callee) is just "somewhere".  NULL
   otherwise. */
const struct esc_operand *esc_flow_store_location(const struct esc_function *fn,
                                                  const struct esc_flow *f);

/* The memory an argument points to, as an operand: *v for a value, the
   object itself for &x; NONE otherwise. */
struct esc_operand esc_pointee(const struct esc_operand *arg);

#endif
