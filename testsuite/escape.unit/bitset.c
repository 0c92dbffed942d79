/* bitset.c - unit tests for the solver's bit sets: add, has, union, next, empty. */
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "core/ir/bitset.h"
#include "core/ir/ir.h"

#define NWORDS 2 /* bits 0..127 */

/* The members of S in order, as the iteration idiom of bitset.h yields them. */
static uint32_t members(const struct esc_bitset *s, uint32_t nwords, uint32_t *out, uint32_t max)
{
    uint32_t n = 0;
    for (uint32_t b = esc_bitset_next(s, nwords, 0); b != ESC_NONE && n < max;
         b = esc_bitset_next(s, nwords, b + 1))
        out[n++] = b;
    return n;
}

static void words(void)
{
    check(esc_bitset_words(0) == 0, "esc_bitset_words(0) is 0");
    check(esc_bitset_words(1) == 1, "esc_bitset_words(1) is 1");
    check(esc_bitset_words(64) == 1, "esc_bitset_words(64) is 1");
    check(esc_bitset_words(65) == 2, "esc_bitset_words(65) is 2");
    check(esc_bitset_words(128) == 2, "esc_bitset_words(128) is 2");
}

static void never_allocated(void)
{
    struct esc_bitset s = {0};
    check(!esc_bitset_has(&s, 0) && !esc_bitset_has(&s, 63) && !esc_bitset_has(&s, 64) &&
              !esc_bitset_has(&s, 127),
          "unallocated set has no bits");
    check(esc_bitset_empty(&s, NWORDS), "unallocated set is empty");
    check(esc_bitset_next(&s, NWORDS, 0) == ESC_NONE, "next of unallocated set is ESC_NONE");

    struct esc_bitset t = {0};
    check(!esc_bitset_union(&s, &t, NWORDS), "union of two unallocated sets does not change");
    check(s.words == NULL, "union of two unallocated sets allocates nothing");

    /* An allocated set with no bits set is empty too. */
    struct esc_bitset z = {calloc(NWORDS, sizeof(uint64_t))};
    check(esc_bitset_empty(&z, NWORDS) && esc_bitset_next(&z, NWORDS, 0) == ESC_NONE,
          "allocated all-zero set is empty");
    check(!esc_bitset_union(&s, &z, NWORDS), "union with an all-zero set does not change");
    check(esc_bitset_empty(&s, NWORDS), "union with an all-zero set leaves the set empty");
    esc_bitset_free(&z);
    esc_bitset_free(&s);
    check(s.words == NULL, "esc_bitset_free clears the words");
    esc_bitset_free(&s); /* twice is harmless */
    check(s.words == NULL, "esc_bitset_free twice is harmless");
}

static void add_and_has(void)
{
    static const uint32_t bits[] = {0, 63, 64, 127};
    struct esc_bitset s = {0};
    bool first = true, again = false;
    for (size_t i = 0; i < 4; i++)
        first &= esc_bitset_add(&s, bits[i], NWORDS);
    for (size_t i = 0; i < 4; i++)
        again |= esc_bitset_add(&s, bits[i], NWORDS);
    check(first, "adding 0, 63, 64, 127 reports a change each time");
    check(!again, "adding them again reports no change");
    bool all = true;
    for (size_t i = 0; i < 4; i++)
        all &= esc_bitset_has(&s, bits[i]);
    check(all, "has 0, 63, 64, 127");
    check(!esc_bitset_has(&s, 1) && !esc_bitset_has(&s, 62) && !esc_bitset_has(&s, 65) &&
              !esc_bitset_has(&s, 126),
          "has no neighbours 1, 62, 65, 126");
    check(!esc_bitset_empty(&s, NWORDS), "set with bits is not empty");

    uint32_t got[8];
    uint32_t n = members(&s, NWORDS, got, 8);
    check(n == 4 && got[0] == 0 && got[1] == 63 && got[2] == 64 && got[3] == 127,
          "iteration yields 0, 63, 64, 127 in order");
    check(esc_bitset_next(&s, NWORDS, 1) == 63, "next from 1 is 63");
    check(esc_bitset_next(&s, NWORDS, 63) == 63, "next from 63 is 63 itself");
    check(esc_bitset_next(&s, NWORDS, 64) == 64, "next from 64 (word boundary) is 64");
    check(esc_bitset_next(&s, NWORDS, 65) == 127, "next from 65 is 127");
    check(esc_bitset_next(&s, NWORDS, 128) == ESC_NONE, "next from 128 (past the end) is ESC_NONE");
    esc_bitset_free(&s);

    /* A single high bit: the low word is empty, next must cross it. */
    struct esc_bitset h = {0};
    esc_bitset_add(&h, 127, NWORDS);
    check(esc_bitset_next(&h, NWORDS, 0) == 127 && !esc_bitset_has(&h, 63),
          "only bit 127: next from 0 is 127");
    check(!esc_bitset_empty(&h, NWORDS), "only bit 127: not empty");
    esc_bitset_free(&h);

    /* A single low bit in a one-word set. */
    struct esc_bitset l = {0};
    esc_bitset_add(&l, 0, 1);
    check(esc_bitset_next(&l, 1, 0) == 0 && esc_bitset_next(&l, 1, 1) == ESC_NONE,
          "only bit 0 in one word: next from 0 is 0, from 1 is ESC_NONE");
    esc_bitset_free(&l);
}

static void unions(void)
{
    struct esc_bitset a = {0}, b = {0}, empty = {0};
    esc_bitset_add(&a, 0, NWORDS);
    esc_bitset_add(&a, 64, NWORDS);
    esc_bitset_add(&b, 63, NWORDS);
    esc_bitset_add(&b, 64, NWORDS);
    esc_bitset_add(&b, 127, NWORDS);

    check(!esc_bitset_union(&a, &empty, NWORDS), "union with an unallocated source: no change");

    check(esc_bitset_union(&a, &b, NWORDS), "union adding 63 and 127 reports a change");
    uint32_t got[8];
    uint32_t n = members(&a, NWORDS, got, 8);
    check(n == 4 && got[0] == 0 && got[1] == 63 && got[2] == 64 && got[3] == 127,
          "union of {0,64} and {63,64,127} is {0,63,64,127}");
    n = members(&b, NWORDS, got, 8);
    check(n == 3 && got[0] == 63 && got[1] == 64 && got[2] == 127, "union leaves the source alone");
    check(!esc_bitset_union(&a, &b, NWORDS), "union again reports no change");

    /* Into a set that was never allocated. */
    struct esc_bitset c = {0};
    check(esc_bitset_union(&c, &b, NWORDS), "union into an unallocated set reports a change");
    n = members(&c, NWORDS, got, 8);
    check(n == 3 && got[0] == 63 && got[1] == 64 && got[2] == 127,
          "union into an unallocated set copies {63,64,127}");
    check(c.words != b.words, "union into an unallocated set does not share the source's words");
    esc_bitset_add(&c, 1, NWORDS);
    check(!esc_bitset_has(&b, 1), "adding to the copy leaves the source alone");

    /* Changes only in the high word are reported. */
    struct esc_bitset d = {0}, e = {0};
    esc_bitset_add(&d, 0, NWORDS);
    esc_bitset_add(&e, 0, NWORDS);
    esc_bitset_add(&e, 100, NWORDS);
    check(esc_bitset_union(&d, &e, NWORDS) && esc_bitset_has(&d, 100),
          "union with a new bit only in the second word reports a change");

    esc_bitset_free(&a);
    esc_bitset_free(&b);
    esc_bitset_free(&c);
    esc_bitset_free(&d);
    esc_bitset_free(&e);
}

int main(void)
{
    words();
    never_allocated();
    add_and_has();
    unions();
    totals();
    return failed ? 1 : 0;
}
