/* bitset.c - fixed-size sets of object ids, the points-to sets of the solver. */
#include "core/ir/bitset.h"
#include "core/ir/ir.h"
#include "core/base/util.h"

#include <stdlib.h>

void esc_bitset_free(struct esc_bitset *s)
{
    free(s->words);
    s->words = NULL;
}

bool esc_bitset_add(struct esc_bitset *s, uint32_t bit, uint32_t nwords)
{
    if (!s->words)
        s->words = esc_xcalloc(nwords, sizeof *s->words);
    uint64_t mask = (uint64_t)1 << (bit % 64);
    if (s->words[bit / 64] & mask)
        return false;
    s->words[bit / 64] |= mask;
    return true;
}

void esc_bitset_remove(struct esc_bitset *s, uint32_t bit)
{
    if (s->words)
        s->words[bit / 64] &= ~((uint64_t)1 << (bit % 64));
}

bool esc_bitset_union(struct esc_bitset *dst, const struct esc_bitset *src, uint32_t nwords)
{
    if (!src->words)
        return false;
    bool changed = false;
    for (uint32_t i = 0; i < nwords; i++) {
        uint64_t add = src->words[i] & ~(dst->words ? dst->words[i] : 0);
        if (!add)
            continue;
        if (!dst->words)
            dst->words = esc_xcalloc(nwords, sizeof *dst->words);
        dst->words[i] |= add;
        changed = true;
    }
    return changed;
}

bool esc_bitset_empty(const struct esc_bitset *s, uint32_t nwords)
{
    return esc_bitset_next(s, nwords, 0) == ESC_NONE;
}

bool esc_bitset_adds_masked(const struct esc_bitset *src, const struct esc_bitset *mask,
                            const struct esc_bitset *have, uint32_t nwords)
{
    if (!src->words || !mask->words)
        return false;
    for (uint32_t i = 0; i < nwords; i++)
        if (src->words[i] & mask->words[i] & ~(have->words ? have->words[i] : 0))
            return true;
    return false;
}
