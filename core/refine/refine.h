/* refine.h - the questions that make the flow-insensitive solution precise: one interface. */
#ifndef ESC_REFINE_H
#define ESC_REFINE_H

#include "core/ir/bitset.h"
#include "core/solve/flows.h"
#include "core/solve/pointsto.h"
#include "core/summaries/result.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"

/* The analysis (escape.c) asks three questions about a candidate escape,
   whatever the idiom that may settle it:
   - does the pointer a store wrote still sit in memory at the return
     (esc_refine_persists)?
   - can this value really point to that object (esc_refine_may_hold)?
   - is there a feasible path carrying the address there
     (esc_refine_path)?
   Each answer starts from the points-to solution and asks the
   refinements of refine-list.h in their order.  A refinement only ever
   removes what cannot happen, so each is sound on its own, and their
   order changes the cost, not the answer. */

enum esc_refinement {
    ESC_REFINE_NONE,
#define ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHY) ESC_REFINE_##ID,
#include "core/refine/refine-list.h"
#undef ESC_REFINEMENT
    ESC_REFINE_COUNT
};

/* "overwrite", "release", ...: a refinement's name, for dumps and tests. */
const char *esc_refinement_name(enum esc_refinement r);
/* What it shows, in words. */
const char *esc_refinement_why(enum esc_refinement r);

/* One function's refinements: the solution they refine, and what they
   have found so far (each question is answered once). */
struct esc_refine {
    const struct esc_function *fn;
    const struct esc_flows *flows;
    const struct esc_pointsto *pt;
    /* Per flow: -1 not yet asked, 1 persists, 0 undone, or 2 + the
       enum esc_refinement that undid it. */
    int8_t *persists;
    /* The UNDOES refinement that ended a path of the walk under way, so
       that a store undone by a call is said to be (ESC_REFINE_NONE). */
    enum esc_refinement undone_by_stmt;
    struct esc_u64map infeasible;   /* (object, flow) pairs with no feasible path */
    struct esc_u64map holds;        /* (object, value) -> 1 + may the value point to it */
    struct esc_u64map objects;      /* (object, flow) -> 1 + the OBJECT refinement that undid it */
    struct esc_list_heads *heads;   /* lists.c's facts, made on first use */
    struct esc_dropped_rings *dropped; /* dropped.c's facts, made on first use */
    uint32_t *def_start, *def_flow; /* CSR: the flows that assign each value */
    struct esc_explainer *explainer;
    struct esc_reload *reload; /* reload.c's context, made on first use */
    /* The same trusting the calls calltrust.c trusts, for the refinements
       that ask whether an undo names the same object (esc_trusting_reload). */
    struct esc_reload *reload_trust;
    int8_t frame_stores; /* framestore.c: -1 not yet looked, else any store of a local's address */
    /* reloaded.c's index for the path search (explain.c), made on first use. */
    struct esc_reload_keys *reload_keys;
    /* This unit's functions and the model files, for calltrust.c (set by
       the analysis after esc_refine_init; may be NULL). */
    const struct esc_summary_table *own, *models;
};

void esc_refine_init(struct esc_refine *r, const struct esc_function *fn,
                     const struct esc_flows *flows, const struct esc_pointsto *pt);
void esc_refine_free(struct esc_refine *r);

/* Does the pointer flow F stores still sit in memory when the function
   returns?  A flow that stores nothing persists. */
bool esc_refine_persists(struct esc_refine *r, uint32_t flow);

/* Does the address of stack object OBJ, which flow F stores, still sit
   in memory at the return?  No when the store does not persist, or an
   OBJECT refinement shows that nothing it linked OBJ into points at OBJ
   any more.  *BY (may be NULL) receives the refinement that said no. */
bool esc_refine_object_persists(struct esc_refine *r, uint32_t flow, uint32_t obj,
                                enum esc_refinement *by);

/* The refinement that found flow F's store undone, once
   esc_refine_persists said so; ESC_REFINE_NONE otherwise. */
enum esc_refinement esc_refine_undone_by(const struct esc_refine *r, uint32_t flow);

/* The shortest feasible path carrying OBJ's address into flow F, as
   steps (*NSTEPS set; the caller frees them), or NULL if there is none. */
struct esc_step *esc_refine_path(struct esc_refine *r, uint32_t obj, uint32_t flow,
                                 uint32_t *nsteps);

/* May value V really point to object OBJ?  The points-to sets say so too
   easily: they are field-insensitive, so once `p->name = s` puts
   parameter s into p's memory, every pointer loaded from p seems to
   point to s.  A feasible path into one of V's definitions says yes. */
bool esc_refine_may_hold(struct esc_refine *r, uint32_t obj, uint32_t v);

/* The place a store wrote, as the refinements that may undo it see it:
   an exact place in the function's terms (LOC, over the objects
   TARGETS), or a static variable's field a callee stored into (SITE). */
struct esc_stored_place {
    uint32_t flow;
    const struct esc_operand *loc;
    struct esc_bitset targets;
    bool has_site;
    struct esc_site site;
    /* correlated.c's facts at the store, made on first use. */
    struct esc_store_facts *facts;
    /* reloaded.c: 0 not yet looked, 1 not through a pointer read from
       memory in the store's block, 2 through one (its load). */
    uint8_t reload_null;
    uint32_t reload_base;
};

/* Free what the refinements asked about PLACE made for it. */
void esc_stored_place_release(struct esc_stored_place *place);

/* The signatures of the PERSISTS and UNDOES refinements. */
enum esc_persists_answer {
    ESC_PERSISTS_PASS,   /* not this refinement's kind of store */
    ESC_PERSISTS_KEPT,   /* it decides: the pointer persists */
    ESC_PERSISTS_UNDONE, /* it decides: gone on every path to a return */
};
typedef enum esc_persists_answer esc_persists_fn(struct esc_refine *r, uint32_t flow);
typedef bool esc_undoes_fn(struct esc_refine *r, const struct esc_stored_place *place,
                           uint32_t stmt);
typedef bool esc_object_undone_fn(struct esc_refine *r, uint32_t flow, uint32_t obj);
typedef bool esc_edge_ends_path_fn(struct esc_refine *r, struct esc_stored_place *place,
                                   uint32_t from_block, uint32_t to_block);

/* Does the CFG edge FROM -> TO end a path from the store behind PLACE,
   by any EDGE refinement?  (The OVERWRITE walk's test at each edge.) */
bool esc_refine_edge_ends(struct esc_refine *r, struct esc_stored_place *place, uint32_t from,
                          uint32_t to);

/* Does statement STMT undo the store behind PLACE, by any UNDOES
   refinement?  (The OVERWRITE walk's test at each statement.) */
bool esc_refine_undoes(struct esc_refine *r, const struct esc_stored_place *place, uint32_t stmt);

/* The refinements behind the questions (each in its own file). */
esc_persists_fn esc_join_close_persists; /* joinclose.c */
esc_persists_fn esc_overwrite_persists;  /* restore.c */
esc_persists_fn esc_second_walk_persists; /* secondwalk.c */
esc_persists_fn esc_frame_store_persists; /* framestore.c */
esc_undoes_fn esc_callee_restores;       /* restore.c */
esc_undoes_fn esc_reload_undoes;         /* reloaded.c */
/* reloaded.c: reload.c's context for the undo direction, trusting the
   calls calltrust.c trusts; made on first use, freed with R. */
struct esc_reload *esc_trusting_reload(struct esc_refine *r);
esc_object_undone_fn esc_head_emptied;   /* lists.c */
esc_object_undone_fn esc_node_unlinked;  /* unlink.c */
esc_object_undone_fn esc_ring_dropped;   /* dropped.c */
esc_object_undone_fn esc_bsd_node_unlinked; /* bsdlist.c */
esc_object_undone_fn esc_bsd_head_emptied;  /* bsdempty.c */
/* dropped.c, for unlink.c: does LOAD, a load of one of stack object H's
   list links, read a node that a cut of a list into H (a split) put
   there, not H itself? */
bool esc_list_reads_cut_node(const struct esc_function *fn, uint32_t h, uint32_t load);
/* unlink.c, for lists.c: when flow FLOW stores the address of stack
   object OBJ itself, is it a list link (a neighbour's back link)?  True
   for a flow that stores anything else. */
bool esc_list_link_store(const struct esc_function *fn, const struct esc_flows *flows,
                         uint32_t flow, uint32_t obj);
esc_edge_ends_path_fn esc_place_tested;  /* placetest.c */
esc_edge_ends_path_fn esc_base_null;     /* nullbase.c */
esc_edge_ends_path_fn esc_reload_null_edge; /* reloaded.c */
/* reloaded.c, for the path search (explain.c), asked once per store
   before its walk: could RELOADED accept any statement (*STMTS), or
   RELOAD_NULL any edge (*EDGES), of a walk from a store to LOC?  A
   necessary condition, from an index of the function made on first use;
   false for most stores, which then walk without asking. */
void esc_reload_undo_candidates(struct esc_refine *r, const struct esc_operand *loc, bool *stmts,
                                bool *edges);
/* ... and could RELOADED accept statement STMT (for some store)? */
bool esc_reload_undo_stmt(const struct esc_refine *r, uint32_t stmt);
void esc_reload_keys_free(struct esc_reload_keys *keys);
esc_edge_ends_path_fn esc_correlated;    /* correlated.c */
struct esc_store_facts;
void esc_store_facts_free(struct esc_store_facts *facts);

/* unlink.c's facts for summaries, about parameter I of FN: every pointer
   of it the function stores is a list link of the node at *AT in what it
   points to; ... (below); the links of what it points to that it writes
   on every path (bit 0: at offset 0, bit 1: the next). */
bool esc_param_links(const struct esc_function *fn, const struct esc_flows *flows, uint32_t i,
                     int64_t *at);
/* ... the node at offset AT of what it points to is unlinked on every path. */
bool esc_param_unlinks(const struct esc_function *fn, const struct esc_flows *flows, uint32_t i,
                       int64_t at);
/* ... at some offset of it, which *AT receives. */
bool esc_param_unlinks_somewhere(const struct esc_function *fn, const struct esc_flows *flows,
                                 uint32_t i, int64_t *at);
uint8_t esc_param_link_writes(const struct esc_function *fn, const struct esc_flows *flows,
                              uint32_t i);

/* The parameters (bit i, the first 64) that are worth those questions:
   WRITES, some store or list call writes through them; HALVES, some write
   goes through a pointer loaded through them, or a list call gets them. */
void esc_list_candidates(const struct esc_function *fn, const struct esc_flows *flows,
                         uint64_t *writes, uint64_t *halves);

/* lists.c's facts, freed with the context. */
struct esc_list_heads;
void esc_list_heads_free(struct esc_list_heads *heads);
struct esc_dropped_rings;
void esc_dropped_rings_free(struct esc_dropped_rings *rings);

#endif
