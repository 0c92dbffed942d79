/* bitset.h - fixed-size sets of object ids, the points-to sets of the solver. */
#ifndef ESC_BITSET_H
#define ESC_BITSET_H

#include <stdbool.h>
#include <stdint.h>

/* A set over 0..n-1 where n is the function's object count, fixed before
   solving.  Most values hold no pointer at all, so a set's words are only
   allocated on the first insertion (words == NULL means empty). */
struct esc_bitset {
    uint64_t *words;
};

void esc_bitset_free(struct esc_bitset *s);
/* Inline, as esc_bitset_next: the path searches ask it millions of times
   (3.4 million on sqlite3.c), and a call cost more than the test. */
static inline bool esc_bitset_has(const struct esc_bitset *s, uint32_t bit)
{
    return s->words && (s->words[bit / 64] >> (bit % 64) & 1);
}
/* Each returns true when S changed. */
bool esc_bitset_add(struct esc_bitset *s, uint32_t bit, uint32_t nwords);
void esc_bitset_remove(struct esc_bitset *s, uint32_t bit);
bool esc_bitset_union(struct esc_bitset *dst, const struct esc_bitset *src, uint32_t nwords);
bool esc_bitset_empty(const struct esc_bitset *s, uint32_t nwords);
/* Does SRC hold a bit of MASK that HAVE lacks (what a union would add
   that matters)? */
bool esc_bitset_adds_masked(const struct esc_bitset *src, const struct esc_bitset *mask,
                            const struct esc_bitset *have, uint32_t nwords);

/* Iterate: for (b = esc_bitset_next(s, nw, 0); b != ESC_NONE; b = esc_bitset_next(s, nw, b + 1)) */
static inline uint32_t esc_bitset_next(const struct esc_bitset *s, uint32_t nwords, uint32_t from)
{
    if (!s->words)
        return UINT32_MAX; /* ESC_NONE */
    for (uint32_t i = from / 64; i < nwords; i++) {
        uint64_t w = s->words[i];
        if (i == from / 64)
            w &= ~(uint64_t)0 << (from % 64);
        if (w)
            return i * 64 + (uint32_t)__builtin_ctzll(w);
    }
    return UINT32_MAX;
}

static inline uint32_t esc_bitset_words(uint32_t nbits)
{
    return (nbits + 63) / 64;
}

#endif
