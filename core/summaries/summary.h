/* summary.h - what a function does with the pointers it is given: per-parameter summaries. */
#ifndef ESC_SUMMARY_H
#define ESC_SUMMARY_H

#include "core/summaries/result.h"
#include "core/summaries/crossdeps.h"
#include "core/ir/ir.h"
#include "core/base/util.h"

/* Where a parameter's pointer can go, from the caller's point of view.
   Go's escape tags say the same thing ("leaking param: p to result ~r0
   level=0"); C adds the out-parameter (ESC_LEAK_PARAM) and the owners that
   live outside the program's own memory (the C library, another thread). */
enum esc_leak_sink {
    ESC_LEAK_STATIC, /* stored where static storage can reach it */
    ESC_LEAK_KEPT,   /* kept past the call by the library or some other owner */
    ESC_LEAK_THREAD, /* handed to a thread that may outlive the caller's frame */
    ESC_LEAK_RESULT, /* the return value may hold it */
    ESC_LEAK_PARAM,  /* stored in memory reachable from another parameter */
    ESC_LEAK_SINK_COUNT
};

/* "static", "kept", "thread", "result", "param": a sink's name in model
   files, JSON reports and the records gcc-escape link reads. */
const char *esc_leak_sink_name(enum esc_leak_sink sink);
/* The sink NAME names; false if none. */
bool esc_leak_sink_parse(const char *name, enum esc_leak_sink *out);

/* Dereference levels, as in Go: level 0 is the pointer itself (`g = p`),
   level 1 the pointers stored in the memory it points to (`g = *p`, and
   deeper, merged). */
#define ESC_LEAK_LEVELS 2
/* Out-parameters are tracked for the first 64 parameters. */
#define ESC_MAX_TRACKED_PARAMS 64

/* Why one leak happens, for notes: the path inside the summarised
   function, from the parameter to the statement that lets it go.  When
   that statement is a call whose own summary carries the leak, `via`
   names that summary and `via_param` its parameter, so notes can follow
   the pointer several calls deep. */
struct esc_leak_why {
    const struct esc_function *fn; /* the function the steps are in; NULL for models */
    uint32_t nsteps;
    struct esc_step *steps;
    uint32_t sink_object; /* in fn: where it goes (a static, the kept object...) */
    const struct esc_summary *via;
    uint32_t via_param; /* 0-based */
};

/* A place in memory a callee writes, in terms its callers can map to
   their own objects: a field of the memory behind a parameter (level 1 is
   *p, level 2 anything further), or a field of a static variable. */
#define ESC_SITE_STATIC 0xff
struct esc_site {
    uint8_t param; /* 0-based, or ESC_SITE_STATIC */
    uint8_t level; /* parameter sites: 1 or 2 */
    uint64_t key;  /* static sites: the variable's identity in this unit (esc_object.key); 0
                      for a site read from a model file */
    /* Static sites: the variable's name when other units can name it too
       (external linkage), else NULL; the identity across units. */
    const char *name;
    int64_t offset, size;
};

/* Is static site S about object O: the same variable by this unit's
   identity, or, for a site from another unit, by its external name? */
bool esc_site_names_object(const struct esc_site *s, const struct esc_object *o);
/* Are static sites A and B about the same variable? */
bool esc_sites_same_static(const struct esc_site *a, const struct esc_site *b);
/* The name a static site records for O: its name if it has external
   linkage, else NULL. */
const char *esc_static_site_name(const struct esc_object *o);
#define ESC_MAX_SITES 8
/* A field of what a parameter points to: bytes [offset, offset + size). */
struct esc_field {
    int64_t offset, size;
};
/* Past this many fields a parameter's level-1 leaks take every field. */
#define ESC_MAX_DEEP_FIELDS 4
#define ESC_HANDLE_NONE 0
#define ESC_HANDLE_RESULT 1
#define ESC_HANDLE_PARAM 2
#define ESC_MAX_WRITES 256

struct esc_param_summary {
    uint8_t leaks[ESC_LEAK_LEVELS];        /* per level: bits 1 << enum esc_leak_sink */
    uint64_t stored_into[ESC_LEAK_LEVELS]; /* ESC_LEAK_PARAM: bit j for parameter j */
    bool freed;                            /* the function may free it */
    /* freed, and only ever released by this deallocator's argument
       DEALLOC_ARG (1-based), as a plain free releases it (a call of
       `free`, of a declared deallocator, or of a wrapper of one), and
       nothing else is done with it: a call is a free of that family, not
       a change of owner.  NULL otherwise. */
    const char *dealloc;
    uint8_t dealloc_arg;
    bool freed_deep; /* it may free memory the pointers stored in it point to */
    bool unknown;    /* it may reach a function nothing is known about */
    /* ... for some other reason than the calls in deps: assembly, a
       function pointer, unknown memory, too many deps to record. */
    bool unknown_other;
    uint8_t ndeps;
    struct esc_cross_dep deps[ESC_MAX_CROSS_DEPS]; /* calls into other units */
    bool noescape; /* declared __attribute__((noescape)): callers trust that */
    /* A thread handle passed by value, joined on every path before the
       function returns: a call of it is a join for the caller. */
    bool joins;
    /* A pointer to where a thread handle is kept (`struct pool *p`), whose
       handle, loaded from the memory it points to (`p->thread`), the
       function joins on every path: `stop (&pool)` joins what `start
       (&pool)` created. */
    bool joins_pointed;
    /* Intrusive lists (core/refine/unlink.c).  links: every pointer of
       the parameter it stores is a list link of the node it points to
       (`list_add (new, head)`), at list_offset in it (`&w->entry`).
       unlinks: on every path, that node is
       taken off its list (`list_del (entry)`).  link_writes: the links of
       what it points to that it writes on every path, bit 0 the one at
       offset 0, bit 1 the next one (`__list_del (prev, next)`). */
    bool links, unlinks;
    uint8_t link_writes;
    int64_t list_offset; /* links, unlinks: the node's offset in what it points to */
    /* THREAD leaks: where the new thread's handle goes, so that a caller
       can join it: ESC_HANDLE_RESULT, ESC_HANDLE_PARAM + k (stored into
       *parameter k), or ESC_HANDLE_NONE. */
    uint8_t thread_handle;
    struct esc_leak_why *why[ESC_LEAK_LEVELS][ESC_LEAK_SINK_COUNT]; /* first path found */
    /* Where its static and out-parameter leaks are stored, when each has
       one known place: lets a caller see a later call or store put
       something else there (a pop after a push). */
    uint8_t nstore_sites;
    struct esc_site store_sites[ESC_MAX_SITES];
    uint8_t store_site_level[ESC_MAX_SITES]; /* the leak's level */
    /* The fields of what it points to whose pointers its level-1 leaks
       take (`keep (e->tab)` takes e->tab only, not e->left), when each
       such leak loads a known field; none listed (a model that says
       nothing) or deep_all: any pointer stored there. */
    bool deep_all;
    uint8_t ndeep;
    struct esc_field deep[ESC_MAX_DEEP_FIELDS];
};

/* Where the return value comes from, besides the parameters. */
struct esc_return_summary {
    bool fresh; /* only ever fresh heap memory (or null): a malloc wrapper */
    /* fresh: code nothing is known about may also hold the block (it was
       passed to an unknown function, or converted to an integer), so
       heap-to-stack advice must leave callers' blocks alone. */
    bool shared;
    int32_t size_param;  /* fresh: the 0-based parameter holding its size, or -1 */
    int64_t size;        /* fresh: a constant size in bytes, or -1 */
    int32_t count_param; /* fresh: with size_param, the size is their product (calloc); or -1 */
    /* fresh: the function that releases the block and its argument that
       takes it (1-based), when not `free` (NULL). */
    const char *dealloc;
    uint8_t dealloc_arg;
    /* Only ever the address of (something in) one static variable, or
       null: `return &g_pool[i];`.  Its identity, name and flags, so that a
       caller storing into the result stores into that static. */
    uint64_t static_key; /* 0 if not */
    const char *static_name;
    uint32_t static_flags;
};

struct esc_summary {
    char *name;
    /* Places the function may write (a restore such as `g_top =
       g_top->prev`), up to ESC_MAX_WRITES; beyond, writes_overflow. */
    uint32_t nwrites, cap_writes;
    bool writes_overflow;
    struct esc_site *writes;
    /* Past a few writes, finding a place again by hash: write_hash(site)
       -> 1 + the latest write with that hash, writes_prev[i] the one
       before it (a function such as sqlite3VdbeExec notes thousands). */
    struct esc_u64map writes_index;
    uint32_t *writes_prev;
    const struct esc_function *fn; /* the definition it summarises; NULL for a model */
    /* Strings a model's summary owns (its sites' static names). */
    uint32_t nowned, cap_owned;
    char **owned;
    uint32_t fn_index; /* fn's index in its module */
    char *origin;      /* owned: a model's file name, for messages; NULL otherwise */
    uint32_t nparams;
    struct esc_param_summary *params;
    struct esc_return_summary ret;
    bool any_joins; /* some parameter joins */
    /* Known only from its declaration (declared.c): calls give its
       arguments to code nothing is known about, as an unknown call does,
       but for the parameters it deallocates; its result is as RET says. */
    bool opaque;
};

/* The deallocator that releases what a fresh result R points to, and its
   argument that takes it: `free`'s first unless R names another. */
const char *esc_ret_dealloc(const struct esc_return_summary *r, uint8_t *arg);

/* A summary with NPARAMS parameters that does nothing. */
struct esc_summary *esc_summary_new(const char *name, uint32_t nparams);
void esc_summary_free(struct esc_summary *s);

/* Record a leak; WHY (may be NULL) is taken over unless a path is already
   known for that sink and level.  Returns true if the summary grew. */
bool esc_summary_add_leak(struct esc_summary *s, uint32_t param, unsigned level,
                          enum esc_leak_sink sink, uint32_t other_param, struct esc_leak_why *why);
void esc_leak_why_free(struct esc_leak_why *why);

/* Record that parameter PARAM's leak at LEVEL is stored at SITE (a
   different place than one already recorded makes it unknown). */
void esc_summary_note_store(struct esc_summary *s, uint32_t param, unsigned level,
                            const struct esc_site *site);
/* The recorded place of parameter P's leak at LEVEL into parameter J
   (J == ESC_SITE_STATIC: into static storage); false if unknown. */
bool esc_param_store_site(const struct esc_param_summary *p, unsigned level, uint32_t j,
                          struct esc_site *out);
/* Record that parameter PARAM's level-1 leaks take the pointer stored
   at FIELD of what it points to; FIELD NULL: at a place not known, so
   any.  Returns true if the summary grew. */
bool esc_summary_add_deep_field(struct esc_summary *s, uint32_t param,
                                const struct esc_field *field);
/* How many fields P's level-1 leaks are limited to (P->deep); 0 when
   they take any pointer stored in what it points to. */
uint8_t esc_param_deep_fields(const struct esc_param_summary *p);
/* Record that the function may write pointers into SITE. */
void esc_summary_note_write(struct esc_summary *s, const struct esc_site *site);

/* Record that parameter PARAM reaches DEP; too many makes it
   unknown_other.  Returns true if the summary grew. */
bool esc_summary_add_dep(struct esc_summary *s, uint32_t param, const struct esc_cross_dep *dep);

/* Merge FROM into INTO (same parameter count, or the shorter is used);
   returns true if INTO grew.  Paths are not copied. */
bool esc_summary_merge(struct esc_summary *into, const struct esc_summary *from);

/* How much the summary holds: summaries only grow, so a fixed-point
   round whose summaries weigh the same changed nothing. */
uint64_t esc_summary_weight(const struct esc_summary *s);

/* Does the summary say anything escapes (for noescape checks, tests)? */
bool esc_param_leaks(const struct esc_param_summary *p);

/* A readable one-line-per-parameter dump, for tests and debugging. */
struct esc_strbuf;
void esc_summary_dump(const struct esc_summary *s, struct esc_strbuf *out);

/* The summaries a module's calls are resolved against: this unit's own
   functions (filled bottom-up by the analysis) and the user's model files.
   Lookups are by name. */
struct esc_summary_table {
    uint32_t n, cap;
    struct esc_summary **items;
    struct esc_u64map index; /* name hash -> 1 + the last item with that hash */
    /* Summaries the table owns but never finds by name: callees analysed
       for one call's constant arguments (specialize.c). */
    uint32_t nhidden, cap_hidden;
    struct esc_summary **hidden;
};

void esc_summary_table_add(struct esc_summary_table *t, struct esc_summary *s);
struct esc_summary *esc_summary_table_find(const struct esc_summary_table *t, const char *name);
/* Hand S over to T without making it findable by name. */
void esc_summary_table_keep(struct esc_summary_table *t, struct esc_summary *s);
void esc_summary_table_free(struct esc_summary_table *t);

#endif
