/* ir.h - the core's own IR of a translation unit: objects, values, statements, blocks. */
#ifndef ESC_IR_H
#define ESC_IR_H

/* The IR is what the GCC adapter (plugin/lower.cc) produces from GIMPLE in
   SSA form, and what the analysis reads.  It never mentions `tree` or
   `gimple`: names and locations are copied into memory the module owns, so
   GCC's garbage collector never matters here and the core can be built and
   tested without GCC.

   Vocabulary (after Go's cmd/compile/internal/escape):
   - an *object* is storage that can have its address taken: a local, a
     parameter's own slot, a compound literal, alloca or VLA memory, a static
     variable, a heap allocation site, or an abstract object the core adds
     (the return slot, the caller's memory behind each parameter, memory
     reachable from each static, unknown memory);
   - a *value* is an SSA name: it holds pointers but has no address;
   - an *operand* reads or writes one of those (see esc_operand_kind);
   - a *statement* is an assignment, a PHI, a call, a return or the end of an
     object's lifetime, with a source location; statements sit in basic
     blocks whose successor edges are the control flow graph. */

#include "core/base/arena.h"

#include <stdint.h>
#include <stdbool.h>

#define ESC_NONE UINT32_MAX
#define ESC_UNKNOWN_OFFSET INT64_MIN

struct esc_loc {
    const char *file; /* interned in the module; NULL if unknown */
    uint32_t line, column;
    uint64_t handle; /* the front end's own location (GCC's location_t); opaque here */
};

enum esc_object_kind {
    /* Storage in the function's frame: its address must not outlive it. */
    ESC_OBJ_LOCAL,
    ESC_OBJ_PARAM, /* a parameter's own slot, when its address is taken */
    ESC_OBJ_COMPOUND_LITERAL,
    ESC_OBJ_TEMPORARY, /* a compiler temporary, e.g. the struct a call returns */
    ESC_OBJ_ALLOCA,    /* one alloca call site */
    ESC_OBJ_VLA,       /* a variable-length array */
    /* Storage that outlives the frame, named in the source. */
    ESC_OBJ_STATIC,   /* global, static local or thread-local variable */
    ESC_OBJ_HEAP,     /* one allocation call site */
    ESC_OBJ_FUNCTION, /* a function, whose address is data too */
    /* Abstract storage the core adds to every function. */
    ESC_OBJ_RETURN,       /* the return value: what is stored here is returned */
    ESC_OBJ_CALLER,       /* memory one pointer parameter points to (see ESC_OBJF_DEEP) */
    ESC_OBJ_STATIC_REACH, /* all memory reachable from one static variable */
    ESC_OBJ_UNKNOWN,      /* memory the IR cannot name (external results, casts) */
    ESC_OBJ_KEPT,         /* what one call keeps past its return (see ESC_OBJF_THREAD) */
    /* What one call into another translation unit is given: not known to
       outlive anything here, so not a root; gcc-escape link decides. */
    ESC_OBJ_EXTERNAL,
};

enum esc_object_flags {
    ESC_OBJF_LOCAL_STATIC = 1u << 0, /* a static declared inside a function */
    ESC_OBJF_THREAD_LOCAL = 1u << 1,
    ESC_OBJF_FILE_STATIC = 1u << 2, /* a static at file scope (internal linkage) */
    /* CALLER: the memory the pointers stored in the parameter's pointee
       point to (dereference level 1), kept apart from the pointee itself
       so that summaries can tell `g = p` from `g = *p`. */
    ESC_OBJF_DEEP = 1u << 3,
    /* CALLER: dereference level 2 and deeper, merged.  Summaries do not
       report it: through two unknown pointers, field-insensitive sets
       would tie every structure of a program together. */
    ESC_OBJF_DEEPER = 1u << 5,
    ESC_OBJF_THREAD = 1u << 4, /* KEPT: kept by a thread the call starts */
    /* STATIC: a read-only static whose initializer holds only addresses
       of functions and statics, all given as statements outside the CFG:
       it points to nothing else (a table of this unit's handlers, or the
       constant a local array is initialized from). */
    ESC_OBJF_KNOWN_CONTENTS = 1u << 6,
    /* HEAP: what a call into another unit returns, taken to be a fresh
       block only while looking for what gcc-escape link may advise
       (heap2stack.c); no other analysis sees it. */
    ESC_OBJF_CANDIDATE = 1u << 7,
    /* LOCAL, STATIC, TEMPORARY: declared as an array of characters (a
       `u_char buf[N]` buffer).  Its declared type is its effective type
       (C11 6.5p6), so a store of a pointer through a pointer lvalue
       does not put one there in a valid program: only a copy of bytes
       does (see ESC_STMTF_BYTE_COPY). */
    ESC_OBJF_BYTES = 1u << 8,
};

struct esc_object {
    enum esc_object_kind kind;
    uint32_t flags;
    const char *name;   /* source name; NULL for unnamed storage */
    struct esc_loc loc; /* declaration or allocation site */
    int32_t param;      /* PARAM and CALLER: the parameter's index; else -1 */
    /* STATIC <-> STATIC_REACH, PARAM -> CALLER, CALLER -> its DEEP object;
       else ESC_NONE */
    uint32_t companion;
    uint32_t stmt; /* ALLOCA, VLA, HEAP: the allocating call; KEPT: the keeping call */
    uint64_t key;  /* the adapter's identity for the storage (a DECL_UID); 0 if none */
};

struct esc_value {
    const char *name; /* the user variable this SSA name versions, or NULL */
    uint32_t version; /* SSA version, for dumps */
    int32_t param;    /* default definition of this parameter, else -1 */
    uint32_t def;     /* defining statement; ESC_NONE for parameters' entry values */
};

enum esc_operand_kind {
    ESC_OPND_NONE,    /* holds no pointer: constants, arithmetic on integers */
    ESC_OPND_VALUE,   /* an SSA value */
    ESC_OPND_ADDR,    /* the address of an object (plus an offset) */
    ESC_OPND_MEM,     /* an object's storage, read or written by name */
    ESC_OPND_DEREF,   /* the storage a value points to, *(value + offset) */
    ESC_OPND_INT,     /* an integer constant, kept for allocation sizes */
    ESC_OPND_UNKNOWN, /* a pointer from nowhere the IR can name */
};

struct esc_operand {
    enum esc_operand_kind kind;
    uint32_t id;    /* VALUE, DEREF: a value; ADDR, MEM: an object */
    /* Bytes from the start; ESC_UNKNOWN_OFFSET if variable.  VALUE: bytes
       past where the value points (`&p->f` is p at f's offset). */
    int64_t offset;
    int64_t size;   /* bytes read or written by MEM and DEREF; -1 if unknown */
    /* INT: the constant.  NONE for the address of a string literal: the
       bytes from there to its terminating NUL, inclusive (strdup's size);
       0 for anything else. */
    int64_t value;
    const char *text; /* source-like spelling, e.g. "s.next" or "*out"; may be NULL */
    /* MEM and DEREF that load or store a pointer: what it points to, as a
       type identity from the front end, so that C's aliasing rules can tell
       a `struct a *` field from a `struct b *` one.  0: may alias anything
       (void *, char *, unions, aggregates, integers). */
    uint32_t type_key;
    /* MEM and DEREF: the access's identity as an expression (1-based index
       into the function's refs; 0 if none).  Two accesses with the same
       ref are the same bytes whenever the SSA values it uses are the same,
       even at a variable index: `registry[i].data`. */
    uint32_t ref;
};

/* The SSA values a reference expression uses (its base pointer, indices). */
struct esc_ref {
    uint32_t nvalues;
    uint32_t *values;
};

enum esc_stmt_kind {
    ESC_STMT_ASSIGN,  /* lhs = union of args */
    ESC_STMT_PHI,     /* lhs = one of args, by incoming edge */
    ESC_STMT_CALL,    /* lhs = callee (args) */
    ESC_STMT_RETURN,  /* return args[0] (no args: return;) */
    ESC_STMT_CLOBBER, /* the lifetime of `object` ends here */
    ESC_STMT_BRANCH,  /* if (args[0] == args[1]) (op ESC_CMP_EQ) or != (ESC_CMP_NE) */
};

/* The comparison of a BRANCH: a pointer value against an address. */
enum esc_compare {
    ESC_CMP_EQ,
    ESC_CMP_NE,
};

/* How an assignment combines its arguments; only explanations care. */
enum esc_assign_op {
    ESC_ASSIGN_COPY,
    ESC_ASSIGN_POINTER_ARITH,
    ESC_ASSIGN_CONVERT,
    ESC_ASSIGN_SELECT, /* ?:, MIN, MAX */
    /* (int) p: the address leaves the pointer world, into an integer too
       narrow to hold it.  No flow follows it, but the heap-to-stack
       advice must not move what it pointed to. */
    ESC_ASSIGN_EXPOSE,
    /* (uintptr_t) p, and offsets of it: an integer as wide as a pointer
       still carries the address, like Clang's analyzer says; flows follow
       it, and for the heap-to-stack advice it is exposed as above.  Any
       other integer never carries one (plugin/lower.cc). */
    ESC_ASSIGN_TO_INTEGER,
};

enum esc_stmt_flags {
    ESC_STMTF_FRONTEND = 1u << 0, /* a fact the front end erased before GIMPLE */
    ESC_CALLF_NORETURN = 1u << 1, /* control never comes back */
    ESC_CALLF_VLA = 1u << 2,      /* the alloca behind a variable-length array */
    ESC_CALLF_INTERNAL = 1u << 3, /* a compiler-internal function, no source callee */
    ESC_CALLF_ASM = 1u << 4,      /* inline assembly, treated as an unknown call */
    ESC_CALLF_DEFINED = 1u << 5,  /* the callee's body is in this translation unit */
    /* A copy of bytes: `memcpy (d, buf, n)` with a `u_char *` buf, an
       assignment of a char array, or a store GCC made of a memcpy (through
       a "ref-all" reference).  Out of an ESC_OBJF_BYTES object, a copy
       moves only the pointers that such copies put there
       (refine/explain.c). */
    ESC_STMTF_BYTE_COPY = 1u << 6,
};

struct esc_stmt {
    enum esc_stmt_kind kind;
    uint8_t op;           /* ASSIGN: enum esc_assign_op; BRANCH: enum esc_compare */
    uint8_t carrier_unit; /* see carriers below */
    uint32_t flags;
    uint32_t block; /* ESC_NONE for front-end facts outside the CFG */
    struct esc_loc loc;
    struct esc_operand lhs; /* kind NONE when nothing is assigned */
    uint32_t nargs;
    struct esc_operand *args;
    struct esc_loc *arg_locs; /* PHI: where each incoming value was set; may be NULL */
    uint32_t *arg_blocks;     /* PHI: the block each incoming value comes from; may be NULL */
    uint32_t true_block, false_block; /* BRANCH: successors when the test holds / fails */
    const char *callee;               /* CALL: the direct callee's name; NULL if indirect */
    struct esc_operand target;        /* CALL: the function pointer of an indirect call */
    uint32_t object;                  /* CALL: the object it allocates; CLOBBER: the dying object */
    uint32_t kept, thread;  /* CALL: its KEPT objects (for the callee, for a thread), if any */
    uint32_t external;      /* CALL: its EXTERNAL object, if any */
    uint32_t candidate;     /* CALL: its candidate HEAP object (ESC_OBJF_CANDIDATE), if any */
    uint64_t noescape_args; /* CALL: bit i, the callee's parameter i is declared noescape */
    /* CALL: bit i, parameter i is declared lifetimebound: the result may
       point into what that argument points to. */
    uint64_t lifetimebound_args;
    /* ASSIGN of memory to memory (`*f = *e`) and CALL of a library copy
       (`memcpy (f, e, n)`): bit k set when bytes [k * carrier_unit,
       (k + 1) * carrier_unit) from the copy's start may hold an address,
       by the type copied: its pointers in CARRIERS, its integers as wide
       as a pointer in WIDE_INTS (loff_t, uintptr_t), which
       esc_module_fold_wide_ints adds to CARRIERS in a unit that turns an
       address into such an integer.  carrier_unit 0: not known, any
       byte may. */
    uint32_t carriers, wide_ints;
};

struct esc_block {
    uint32_t nstmts, cap_stmts;
    uint32_t *stmts; /* in execution order */
    uint32_t nsucc, cap_succ;
    uint32_t *succ;
};

struct esc_param {
    const char *name;
    struct esc_loc loc;
    bool is_pointer;
    bool noescape;   /* declared __attribute__((noescape)) */
    uint32_t value;  /* its SSA entry value, or ESC_NONE */
    uint32_t object; /* its slot, when its address is taken, or ESC_NONE */
    uint32_t caller; /* the CALLER object for the memory it points to */
    uint32_t deep;   /* the CALLER object (ESC_OBJF_DEEP) one pointer further */
    uint32_t deeper; /* the CALLER object (ESC_OBJF_DEEP | DEEPER) for all beyond */
    /* A scalar parameter (integer, enum, pointer) whose value tests and
       call arguments may name: its width in bits (1 to 64; 0 for anything
       else) and signedness.  Values narrower than 64 bits are compared as
       numbers, 64-bit ones as bit patterns (see esc_param_range). */
    uint8_t value_bits;
    bool value_unsigned;
};

/* What a branch on parameters says (specialize.c): the edge from BLOCK to
   SUCC is taken only when one of its terms holds.  A term (the entries of
   the edge with one TERM number) holds when, for each parameter it names,
   that parameter's value on entry lies in [LO, HI] for one of its entries;
   an entry with PARAM ESC_NONE makes a term that always holds.  A block
   with entries has them for every successor it can take, so an edge
   without any is never taken.  `if (n < 0)`, `if (del == TRANSIENT)` (a
   pointer compared with an integer constant), `switch (type)`, and GCC's
   folded forms of `a && b` and `n == 1 || n == 5` give them, also through
   copies and conversions that keep every value. */
struct esc_param_range {
    uint32_t block, succ;
    uint32_t term;
    uint32_t param;
    int64_t lo, hi;
};

/* What one argument of a call to a function of this unit is known to
   be: an integer or pointer constant (IS_PARAM false: VALUE, in the same
   representation as esc_param_range), or the caller's parameter PARAM as
   it was on entry, passed on unchanged. */
struct esc_arg_source {
    uint32_t stmt, arg;
    bool is_param;
    uint32_t param;
    int64_t value;
};

/* A test probe (docs/testing.md#probes), like GCC's analyzer's
   __analyzer_eval: a call the lowering keeps here instead of as a
   statement, so that the analysis runs as if the call were not there, and
   answers with a note at its location. */
enum esc_probe_kind {
    ESC_PROBE_POINTS_TO, /* __escape_dump_points_to (p): the objects p may point to */
    ESC_PROBE_STORES,    /* __escape_dump_stores (): each store that outlives the frame, and
                            whether what it stored persists */
};

struct esc_probe {
    enum esc_probe_kind kind;
    struct esc_loc loc;
    struct esc_operand arg; /* POINTS_TO: the pointer (a VALUE or an ADDR) */
    const char *text;       /* POINTS_TO: the argument as written */
};

struct esc_cond_entry;

struct esc_function {
    const char *name;
    struct esc_loc loc;
    uint64_t key;
    bool returns_pointer;
    bool exported;  /* external linkage: other units can call it by name */
    bool at_exit;   /* __attribute__((destructor)): runs after main returns */
    /* Its address is data somewhere in the unit, a static's initializer
       included (`static struct ops o = {.fill = fill};`): unknown code may
       call it. */
    bool address_taken;
    uint32_t entry; /* the first block */
    uint32_t return_object, unknown_object;
    uint32_t nparams, cap_params;
    struct esc_param *params;
    uint32_t nobjects, cap_objects;
    struct esc_object *objects;
    uint32_t nvalues, cap_values;
    struct esc_value *values;
    uint32_t nstmts, cap_stmts;
    struct esc_stmt *stmts;
    uint32_t nblocks, cap_blocks;
    struct esc_block *blocks;
    uint32_t nrefs, cap_refs;
    struct esc_ref *refs;
    /* The module's arena: statements' operand arrays, blocks' lists and
       refs' values live there, and are never freed one by one. */
    struct esc_arena *arena;
    /* Its analysis once ran past the work budget (budget.h): later rounds
       of a recursive component skip it at once. */
    bool over_budget;
    uint32_t nparam_ranges, cap_param_ranges;
    struct esc_param_range *param_ranges; /* in block order */
    uint32_t narg_sources, cap_arg_sources;
    struct esc_arg_source *arg_sources; /* in statement order */
    uint32_t nprobes, cap_probes;
    struct esc_probe *probes;
    /* What each CFG edge says about values (conditions.h), read once by
       esc_conds_build, in the arena: block b's are conds[cond_start[b]
       .. cond_start[b + 1]). */
    bool conds_built;
    uint32_t *cond_start;
    struct esc_cond_entry *conds;
    /* The facts true on entry to each block (facts.h), made with the
       conditions: nfacts of them (0: none kept), the blocks' facts, what
       contradicts each, and each edge's (CSR by block, as succ). */
    bool facts_built;
    uint32_t nfacts;
    uint64_t *facts_in, *facts_contra;
    uint64_t facts_refutable; /* the facts some edge states the contrary of */
    uint32_t *fact_edge_start;
    uint64_t *fact_edges;
    bool sealed; /* esc_function_seal moved all but objects to the arena */
};

/* What the declaration of a function the unit calls says about the
   memory it returns (GCC's `malloc`, `alloc_size` and `malloc (dealloc,
   I)` attributes, read by the adapter): plain facts, which
   core/summaries/declared.c turns into summaries. */
struct esc_decl_alloc {
    const char *name;
    bool fresh;                  /* plain `malloc`: the result points to new memory only */
    uint8_t size_arg, count_arg; /* `alloc_size (size_arg[, count_arg])`, 1-based; 0: none */
    /* `malloc (dealloc[, dealloc_arg])`: the function that releases the
       result, and which of its arguments takes it (1-based); NULL: not
       named, so `free`. */
    const char *dealloc;
    uint8_t dealloc_arg;
};

struct esc_module {
    const char *main_file;
    /* Bytes in a data pointer of the target (the host's unless the plugin
       says otherwise): the width of what strtol stores through endptr. */
    uint8_t pointer_size;
    /* The last location file name interned, as given and as interned. */
    const char *last_file, *last_file_interned;
    uint32_t nfunctions, cap_functions;
    struct esc_function **functions;
    struct esc_intern *strings;
    struct esc_arena arena;
    uint32_t ndecl_allocs, cap_decl_allocs;
    struct esc_decl_alloc *decl_allocs; /* one per name, names interned */
    /* Functions of other units whose address the unit holds as data, a
       static's initializer included (`static const struct ops o = {.fill
       = fill};`): their callers are unknown (gcc-escape link).  Names
       interned, one each. */
    uint32_t naddressed, cap_addressed;
    const char **addressed;
};

/* Building a module.  Every string passed in is copied (interned). */
struct esc_module *esc_module_new(const char *main_file);
void esc_module_free(struct esc_module *m);
const char *esc_intern(struct esc_module *m, const char *s);

/* Let the integers as wide as a pointer that copies move (esc_stmt's
   wide_ints) carry an address when some function of M converts one into
   such an integer (ESC_ASSIGN_TO_INTEGER); else no integer holds one. */
void esc_module_fold_wide_ints(struct esc_module *m);

struct esc_function *esc_function_new(struct esc_module *m, const char *name, struct esc_loc loc);
uint32_t esc_add_param(struct esc_module *m, struct esc_function *fn, const char *name,
                       struct esc_loc loc, bool is_pointer);
uint32_t esc_add_object(struct esc_module *m, struct esc_function *fn, enum esc_object_kind kind,
                        const char *name, struct esc_loc loc);
uint32_t esc_add_value(struct esc_module *m, struct esc_function *fn, const char *name,
                       uint32_t version);
uint32_t esc_add_block(struct esc_function *fn);
/* A new reference identity using these values; returns its 1-based id. */
uint32_t esc_add_ref(struct esc_function *fn, const uint32_t *values, uint32_t nvalues);
void esc_add_edge(struct esc_function *fn, uint32_t from, uint32_t to);
/* Record that term TERM of the edge FROM -> TO needs parameter PARAM in
   [LO, HI] (or nothing, for PARAM ESC_NONE). */
void esc_add_param_range(struct esc_function *fn, uint32_t from, uint32_t to, uint32_t term,
                         uint32_t param, int64_t lo, int64_t hi);
/* Record what a called function's declaration says about its memory
   (the first record for a name stands); names are interned. */
void esc_add_decl_alloc(struct esc_module *m, const struct esc_decl_alloc *decl);
/* Record that the unit holds the address of NAME, a function it does not
   define (esc_module's addressed). */
void esc_add_addressed(struct esc_module *m, const char *name);
/* Record a test probe; its operand's text is copied. */
void esc_add_probe(struct esc_module *m, struct esc_function *fn, const struct esc_probe *probe);
/* Record what argument ARG (0-based) of call STMT is (see esc_arg_source). */
void esc_add_arg_source(struct esc_function *fn, const struct esc_arg_source *source);
/* Append a statement to BLOCK (ESC_NONE: outside the CFG); ARGS are copied. */
uint32_t esc_add_stmt(struct esc_module *m, struct esc_function *fn, uint32_t block,
                      const struct esc_stmt *proto);

/* The function is complete: move its arrays, objects aside, into the
   arena.  Grown in the malloc heap while GCC lowered it, between GCC's
   own objects, they would leave holes there once freed after the
   analysis, which GCC's later passes fill page by page: sqlite3.c's
   14 MB of them ended as 9.5 MB more peak memory.  Only objects may be
   added after this (the analysis adds some). */
void esc_function_seal(struct esc_module *m, struct esc_function *fn);

/* Operand constructors. */
struct esc_operand esc_opnd_none(void);
struct esc_operand esc_opnd_value(uint32_t value);
/* Value V as ROOT plus *OFFSET bytes, through copies, conversions and
   pointer arithmetic by a constant (`&p->f`, `p + 8`); false when some
   amount on the way is not known. */
bool esc_value_base(const struct esc_function *fn, uint32_t v, uint32_t *root, int64_t *offset);
/* The value V is computed from through copies, conversions and pointer
   arithmetic by any amount (`ids + k * 8`); *OFFSET the bytes added, or
   ESC_UNKNOWN_OFFSET if some amount is not known. */
uint32_t esc_value_origin(const struct esc_function *fn, uint32_t v, int64_t *offset);

/* The SIZE bytes at OFFSET from where value operand ARG points (it may
   carry an offset of its own: `&p->f`); inexact if either is unknown. */
struct esc_operand esc_opnd_deref_arg(const struct esc_operand *arg, int64_t offset, int64_t size);
struct esc_operand esc_opnd_addr(uint32_t object, int64_t offset);
struct esc_operand esc_opnd_mem(uint32_t object, int64_t offset, int64_t size);
struct esc_operand esc_opnd_deref(uint32_t value, int64_t offset, int64_t size);
struct esc_operand esc_opnd_int(int64_t value);
struct esc_operand esc_opnd_unknown(void);

bool esc_object_is_stack(const struct esc_object *o);
const char *esc_object_kind_name(enum esc_object_kind kind);

/* A readable dump of one function, for tests and debugging. */
struct esc_strbuf;
void esc_dump_function(const struct esc_function *fn, struct esc_strbuf *out);

#endif
