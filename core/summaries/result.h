/* result.h - what the analysis concludes: findings, paths, heap verdicts, cross-unit facts. */
#ifndef ESC_RESULT_H
#define ESC_RESULT_H

/* The types every phase and every report shares, and nothing that
   computes them: a leaf header, so that summaries, refinements and the
   reports can name a finding or a path without depending on the
   analysis that makes them. */

#include "core/summaries/crossdeps.h"
#include "core/ir/ir.h"
#include "core/base/rules.h"

struct esc_leak_why;

/* One step of a flow path, from where an address is taken to where it
   escapes: the statement, what received the pointer and where it came from. */
struct esc_step {
    uint8_t reason; /* enum esc_flow_reason */
    uint8_t arg;    /* call argument (1-based) the pointer came from, or 0 */
    uint8_t level;  /* call steps from a summary: 1 if from what the argument points to */
    uint32_t stmt;
    struct esc_loc loc;
    struct esc_operand dst, src;
    const char *callee; /* call steps: the callee's name, if known */
};

/* The user's settings the analysis depends on. */
struct esc_config {
    /* heap-to-stack: the largest allocation worth a stack array, in bytes
       (-fplugin-arg-escape-heap-max; docs/heap-to-stack.md says why 1024). */
    int64_t heap_max;
    /* Record what only other translation units can settle (the calls into
       them, summary.h's esc_cross_dep, and the facts below), for
       -fplugin-arg-escape-embed and gcc-escape link. */
    bool cross_unit_facts;
};
#define ESC_HEAP_MAX_DEFAULT 1024
/* The largest limit accepted, 1 GiB: no stack holds more, so a bigger
   value is a typo. */
#define ESC_HEAP_MAX_LIMIT (INT64_C(1) << 30)

/* heap-to-stack: how a suggested allocation's life ends. */
enum esc_heap_lifetime {
    ESC_HEAP_FREED,                /* freed on every path where it is not null */
    ESC_HEAP_FREED_EACH_ITERATION, /* allocated in a loop, freed in the same iteration */
    ESC_HEAP_NEVER_FREED,          /* never freed: it leaks */
};

/* heap-to-stack: the verdict on one allocation site, and the first reason
   it stays on the heap. */
enum esc_heap_verdict {
    ESC_HEAP_STACKABLE,        /* every condition holds: a finding */
    ESC_HEAP_ALLOCATOR,        /* realloc, valloc, asprintf...: no stack equivalent */
    ESC_HEAP_SIZE_UNKNOWN,     /* the size is not a positive constant */
    ESC_HEAP_SIZE_TOO_BIG,     /* larger than heap_max */
    ESC_HEAP_UNKNOWN_CALL,     /* it may reach a function nothing is known about */
    ESC_HEAP_EXPOSED,          /* its address is turned into an integer */
    ESC_HEAP_UNKNOWN_MEMORY,   /* stored in memory the IR cannot name */
    ESC_HEAP_SHARED_RESULT,    /* the wrapper returning it may let unknown code keep it */
    ESC_HEAP_ESCAPES,          /* returned, or stored where it outlives the frame */
    ESC_HEAP_REALLOCATED,      /* passed to realloc */
    ESC_HEAP_CALLEE_FREES,     /* a callee frees it: ownership moves */
    ESC_HEAP_SHARED_FREE,      /* a free that may also release other memory */
    ESC_HEAP_NOT_ALWAYS_FREED, /* freed on some paths only */
    ESC_HEAP_LOOP,             /* allocated in a loop, not freed in the same iteration */
    ESC_HEAP_RECURSION,        /* live across a recursive call */
    ESC_HEAP_WRONG_DEALLOC,    /* released by another function than its allocator's deallocator */
    ESC_HEAP_VERDICT_COUNT
};

/* One allocation site and what the analysis concluded about it. */
struct esc_heap_site {
    uint32_t object; /* the HEAP object */
    uint32_t stmt;   /* the allocating call */
    int64_t size;    /* bytes, or -1 if not a constant */
    enum esc_heap_verdict verdict;
    uint32_t why_stmt; /* the statement behind the verdict (the unknown call...), or ESC_NONE */
    /* Code nothing is known about may hold it, whatever the verdict says
       first: a wrapper returning it is fresh but shared (summary.h). */
    bool shared;
};

/* "size not constant", "passed to 'realloc'"...: a verdict in words. */
const char *esc_heap_verdict_text(enum esc_heap_verdict verdict);
/* "stackable", "size-unknown", ...: a verdict's stable id, for reports. */
const char *esc_heap_verdict_id(enum esc_heap_verdict verdict);

/* Whether the place a finding leaves its address in may be read after
   the function returns, before anything writes it again (readers.c). */
enum esc_read_verdict {
    ESC_READ_UNRANKED, /* not asked: returns, calls, threads, noescape, advice */
    ESC_READ_MAY,      /* may be read again: level 1 */
    ESC_READ_NEVER,    /* nothing reads it again: level 2 */
};

/* "may", "never" (NULL for UNRANKED): a verdict's id in reports. */
const char *esc_read_verdict_id(enum esc_read_verdict read);

/* A function other units can call that leaves a stale address in what
   its parameter points to: only the whole program shows its callers. */
#define ESC_MAX_READ_CALLERS 4
struct esc_read_caller {
    const char *function; /* interned */
    uint32_t param;       /* 0-based */
    int64_t offset, size; /* offset ESC_UNKNOWN_OFFSET: anywhere */
    bool called;          /* some function of this unit calls it */
};

struct esc_finding {
    enum esc_rule rule;
    uint32_t object; /* the stack object whose address escapes */
    uint32_t stmt;   /* the escaping statement */
    uint32_t sink;   /* where it goes: the RETURN, STATIC, STATIC_REACH, CALLER or HEAP object */
    struct esc_loc loc;
    uint32_t nsteps;
    struct esc_step *steps; /* address taken ... escaping statement */
    /* escape-heap: how the heap object `sink` itself outlives the frame. */
    uint32_t heap_root; /* the RETURN, STATIC, STATIC_REACH or CALLER object it reaches */
    uint32_t nheap_steps;
    struct esc_step *heap_steps;
    /* escape-call, escape-thread through a summarised callee: how the
       callee lets the argument go (owned by the callee's summary). */
    const struct esc_leak_why *callee_why;
    enum esc_suppression suppressed; /* set when diagnostics are emitted */
    /* heap-to-stack (object is the HEAP object, stmt its allocating call):
       its size, how its life ends, and the frees a stack array removes. */
    int64_t size;
    enum esc_heap_lifetime lifetime;
    uint32_t nfrees;
    uint32_t *frees; /* statements */
    /* escape-return: the other stack objects the same source return may
       give the address of (`return c ? &a : &b;`): one warning per return. */
    uint32_t nalso;
    uint32_t *also;
    /* escape-global, escape-caller, escape-heap: whether the address may
       be read again (readers.c), the first reader found (its function, an
       interned name, and where it reads; NULL when the reader is code
       this unit cannot see), and the note that says so (owned). */
    enum esc_read_verdict read;
    const char *reader;
    struct esc_loc reader_loc;
    char *read_note;
    /* With esc_config.cross_unit_facts: the static of external linkage
       whose readers only the whole program shows (gcc-escape link), or
       NULL when this unit settled it; and the bytes the address is left
       in (offset ESC_UNKNOWN_OFFSET: memory reachable from it). */
    const char *read_static;
    int64_t read_offset, read_size;
    /* With esc_config.cross_unit_facts, escape-caller and escape-heap
       through the caller's memory: the functions other units can call
       whose callers only the whole program shows, the bytes of what their
       parameter points to, and whether this unit calls them; when this
       unit's own callers of them read nothing (gcc-escape link). */
    uint8_t nread_callers;
    struct esc_read_caller read_callers[ESC_MAX_READ_CALLERS];
};

/* Something only the whole program can settle: a stack object that
   reaches a call into another unit (a warning if that callee keeps it),
   or an allocation that only such calls keep on the heap (advice if none
   of them keeps, frees or hides it).  gcc-escape link resolves them. */
enum esc_cross_fact_kind {
    ESC_FACT_ESCAPE, /* object: a stack object; stmt: the call it reaches */
    ESC_FACT_HEAP,   /* object: a heap object; stmt: its allocating call */
};

#define ESC_MAX_FACT_CONSTS 8
#define ESC_MAX_FACT_RELEASES 4

struct esc_cross_fact {
    enum esc_cross_fact_kind kind;
    uint32_t object, stmt;
    uint32_t call; /* ESCAPE: the call into the other unit (through this unit's own callee) */
    uint8_t arg;   /* ESCAPE: its 1-based argument */
    uint32_t nsteps;
    struct esc_step *steps; /* ESCAPE: address taken ... the call */
    uint8_t ndeps;
    bool deps_overflow;
    /* What the object reaches (from is 0: the object itself). */
    struct esc_cross_dep deps[ESC_MAX_CROSS_DEPS];
    /* HEAP: as for a heap-to-stack finding. */
    int64_t size;
    enum esc_heap_lifetime lifetime;
    uint32_t nfrees;
    uint32_t *frees;
    /* HEAP, for the block a call into another unit returns (heap2stack.c's
       candidates; NULL for this unit's own allocations): that callee, so
       link can see whether it is an allocator.  What link needs to size
       and judge the block: the call's constant arguments, the size limit,
       the deallocator of each of the unit's own frees (parallel to
       frees), the calls into other units that are given the block and
       may be its deallocator, and for each subset of those (bit i: call i
       deallocates) the block's lifetime, or -1 when it is not stackable. */
    const char *allocator;
    uint8_t nconsts;
    uint8_t const_arg[ESC_MAX_FACT_CONSTS]; /* 1-based */
    int64_t const_value[ESC_MAX_FACT_CONSTS];
    int64_t heap_max;
    const char **free_dealloc;
    uint8_t *free_dealloc_arg;
    uint8_t nreleases;
    uint32_t release_stmt[ESC_MAX_FACT_RELEASES];
    uint8_t release_arg[ESC_MAX_FACT_RELEASES]; /* 1-based */
    int8_t lifetimes[1u << ESC_MAX_FACT_RELEASES];
};

/* Points-to sets are bitsets over a function's objects, so their memory
   grows with the square of the object count: a function with more is
   skipped (GCC's limits-fndefn.c, 100,000 parameters and so 300,000
   objects, took 10 GB before this limit). */
#define ESC_MAX_OBJECTS 16384

/* A test probe's answer (ir.h's esc_probe): a note at the probe. */
struct esc_probe_note {
    struct esc_loc loc;
    char *text;
};

struct esc_function_result {
    const struct esc_function *fn;
    const char *skipped; /* why the function was not analysed, or NULL */
    bool too_large;      /* skipped: more than ESC_MAX_OBJECTS objects, not a bug */
    uint32_t nfindings, cap_findings;
    struct esc_finding *findings; /* in source order */
    uint32_t nheap_sites;
    struct esc_heap_site *heap_sites; /* every allocation site, in statement order */
    uint32_t nfacts, cap_facts;
    struct esc_cross_fact *facts; /* with esc_config.cross_unit_facts */
    uint32_t nprobe_notes, cap_probe_notes;
    struct esc_probe_note *probe_notes; /* in probe order */
};

/* With esc_config.cross_unit_facts: a load of a static of external
   linkage that may meet a stale address, reached from a function that can
   run after any other returned (readers.c), for gcc-escape link. */
struct esc_static_read {
    const char *name;     /* the static's (interned) */
    int64_t offset, size; /* the bytes loaded; offset ESC_UNKNOWN_OFFSET: anywhere */
    const char *entry;    /* the function that runs */
    const char *reader;   /* the function that loads it (entry or one it calls) */
    struct esc_loc loc;
    bool taken; /* the static's address is used there, not a load */
};

/* With cross_unit_facts: after calling CALLEE, a function other units
   define, the caller may read bytes of what its argument ARG points to
   (offset ESC_UNKNOWN_OFFSET: any), before writing them; or cannot tell
   (why). */
struct esc_call_read {
    const char *callee;
    uint32_t arg;         /* 1-based */
    int64_t offset, size; /* relative to the pointer passed */
    const char *reader;   /* the function that loads it: the caller, or one of its callers */
    struct esc_loc loc;
    bool taken;      /* the memory's address is used there, not a load */
    const char *why; /* unsure (static text), or NULL */
};

struct esc_results {
    uint32_t nfunctions;
    struct esc_function_result *functions; /* parallel to the module's functions */
    /* cross_unit_facts (readers.c): the unit's loads of external statics,
       whether more were left out, and the at-exit handlers it defines or
       registers, by name. */
    uint32_t nreads, cap_reads;
    struct esc_static_read *reads;
    bool reads_overflow;
    uint32_t nat_exit, cap_at_exit;
    const char **at_exit;
    /* cross_unit_facts (readers.c): this unit as a caller of functions
       other units define, when calls_listed: their names, those whose
       address it uses, and what it may read of the memory it passes them
       after the call. */
    bool calls_listed;
    uint32_t ncallees, cap_callees;
    const char **callees;
    uint32_t ntaken_fns, cap_taken_fns;
    const char **taken_fns;
    uint32_t ncall_reads, cap_call_reads;
    struct esc_call_read *call_reads;
};

void esc_results_free(struct esc_results *results);
void esc_function_result_free(struct esc_function_result *r);

#endif
