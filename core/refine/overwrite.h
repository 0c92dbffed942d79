/* overwrite.h - control-flow questions about stores: overwritten before return, reaching a load. */
#ifndef ESC_OVERWRITE_H
#define ESC_OVERWRITE_H

#include "core/ir/bitset.h"
#include "core/ir/ir.h"

/* Is there a control-flow path from just after statement FROM to statement
   TARGET (or, when TARGET is ESC_NONE, to any return) on which the memory
   LOC is not written again at the same or a covering place?  LOC may be
   NULL: then any path counts.  Paths that end in a noreturn call do not
   reach anything.  If the base pointer of LOC (or an index) is redefined
   on the way (a loop), later writes may go elsewhere, so no write ends a
   path any more: the answer is whether TARGET is reachable at all.
   Statements outside the CFG (front-end facts) are reached by anything. */
bool esc_store_reaches(const struct esc_function *fn, uint32_t from, const struct esc_operand *loc,
                       uint32_t target);

/* esc_store_reaches, where RESTORES (when not NULL) also ends a path at any
   statement it accepts: a call whose summary writes the same place. */
typedef bool esc_restores_fn(void *ctx, uint32_t stmt);
bool esc_store_reaches_unless(const struct esc_function *fn, uint32_t from,
                              const struct esc_operand *loc, uint32_t target,
                              esc_restores_fn *restores, void *ctx);

/* The same walk to any return, where also EDGE_ENDS (when not NULL) ends
   a path on any CFG edge it accepts: one that cannot be taken after the
   store, or on which the place no longer holds what was stored.  With
   DECIDED, only paths whose branches agree with each other and with what
   held at FROM are followed (core/ir/facts.h); it costs more. */
typedef bool esc_edge_ends_fn(void *ctx, uint32_t from_block, uint32_t to_block);
bool esc_store_reaches_return(const struct esc_function *fn, uint32_t from,
                              const struct esc_operand *loc, esc_restores_fn *restores,
                              esc_edge_ends_fn *edge_ends, void *ctx, bool decided);

/* esc_store_reaches, where RESTORES and EDGE_ENDS (either may be NULL)
   also end a path, as in esc_store_reaches_return.  With REACHED not
   NULL (and TARGET ESC_NONE), every statement it would find for some
   target, at once: adds them to REACHED (a set over statements, nwords
   esc_bitset_words (fn->nstmts)), and returns true when the answer is
   yes for every statement (FROM is outside the CFG; REACHED is then
   incomplete).  One walk per store instead of one per store and
   reader. */
bool esc_store_reaches_undone(const struct esc_function *fn, uint32_t from,
                              const struct esc_operand *loc, uint32_t target,
                              esc_restores_fn *restores, esc_edge_ends_fn *edge_ends, void *ctx,
                              struct esc_bitset *reached);

/* Is there a path from just after FROM to statement TARGET on which
   RESTORES accepts no statement and EDGE_ENDS no edge? */
bool esc_store_reaches_target(const struct esc_function *fn, uint32_t from, uint32_t target,
                              esc_restores_fn *restores, esc_edge_ends_fn *edge_ends, void *ctx);

/* Is there a path from the function's entry to a return on which RESTORES
   accepts no statement?  (What a function does on every path, for its
   summary.) */
bool esc_entry_reaches_return(const struct esc_function *fn, esc_restores_fn *restores, void *ctx);

/* Are A and B the same bytes: the same expression, or exact places with
   the same base at the same offset and size? */
bool esc_same_place(const struct esc_function *fn, const struct esc_operand *a,
                    const struct esc_operand *b);

/* True when the memory that statement STORE writes is written again on
   every path from STORE to a return.  `prev = g_top; g_top = &frame; ...;
   g_top = prev;` is the pattern this exists for: the address stored in
   g_top never outlives the frame. */
bool esc_store_overwritten(const struct esc_function *fn, uint32_t store);

/* True when statement S writes memory that covers all of LOC: the same
   object, or the same base pointer (after copies), at known offsets and
   sizes.  Assignments write their left-hand side; memset, memcpy and the
   like write the bytes their size argument says. */
bool esc_store_covers(const struct esc_function *fn, const struct esc_stmt *s,
                      const struct esc_operand *loc);

/* The memory a library call fills completely, per the library table, or
   kind NONE: memset (p, c, 16) and memcpy (p, q, 16) write *p[0:16];
   __atomic_store_8 (p, v, order) writes *p[0:8]. */
struct esc_operand esc_call_fills(const struct esc_stmt *s);

/* Is OP a place in memory with a known offset and size (MEM or DEREF)? */
bool esc_place_exact(const struct esc_operand *op);

/* *(v + k) where v is only ever &o + j is o at j + k, a MEM operand:
   `p = &g; *p = x` writes g, as `g = x` does.  Anything else as it is. */
struct esc_operand esc_direct_place(const struct esc_function *fn, struct esc_operand op);

/* The value V is a copy of (plain copies and pointer conversions followed
   back to the first value that is not one). */
uint32_t esc_value_root(const struct esc_function *fn, uint32_t v);

#endif
