/* pointsto.h - flow-insensitive points-to sets of one function's values and objects. */
#ifndef ESC_POINTSTO_H
#define ESC_POINTSTO_H

#include "core/ir/bitset.h"
#include "core/solve/flows.h"

/* pts(v) is the set of objects value v may point to; contents(o) the set of
   objects whose addresses may be stored somewhere inside object o (one set
   per object: field-insensitive).  Both are over-approximations. */
/* Zeroed words handed out a set at a time from chunks, all freed at once. */
struct esc_word_pool {
    uint64_t **chunks;
    uint32_t nchunks, cap_chunks;
    uint64_t *chunk;
    size_t left;
};

struct esc_pointsto {
    uint32_t nvalues, nobjects, nwords;
    struct esc_bitset *sets;   /* values first, then the contents of objects */
    struct esc_word_pool pool; /* the words of the sets */
};

void esc_pointsto_solve(const struct esc_function *fn, const struct esc_flows *flows,
                        struct esc_pointsto *pt);
void esc_pointsto_free(struct esc_pointsto *pt);

static inline const struct esc_bitset *esc_pts(const struct esc_pointsto *pt, uint32_t value)
{
    return &pt->sets[value];
}

static inline const struct esc_bitset *esc_contents(const struct esc_pointsto *pt, uint32_t obj)
{
    return &pt->sets[pt->nvalues + obj];
}

/* Add to OUT the objects whose addresses reading OP may yield. */
void esc_pointsto_read(const struct esc_pointsto *pt, const struct esc_operand *op,
                       struct esc_bitset *out);
/* Add to OUT the objects flow F's source may yield (its flags honoured). */
void esc_pointsto_read_flow(const struct esc_function *fn, const struct esc_pointsto *pt,
                            const struct esc_flow *f, struct esc_bitset *out);
/* Does a read of *v with FLAGS look into object O? */
bool esc_flow_reads_object(const struct esc_function *fn, uint8_t flags, uint32_t o);
/* Add to OUT the objects a write to OP may store into. */
void esc_pointsto_targets(const struct esc_pointsto *pt, const struct esc_operand *op,
                          struct esc_bitset *out);

#endif
