/* correlated.c - an edge contradicting a condition true at the store cannot follow it. */
#include "core/base/util.h"
#include "core/ir/facts.h"
#include "core/refine/refine.h"

#include <stdlib.h>
#include <string.h>

/* The model.  The same test often guards a store and its undo:

       if (filename) {
           prev = cf->conf_file;
           cf->conf_file = &conf_file;      // the store: filename != 0 here
       }
       rv = parse (cf);
       if (filename)                        // its false edge contradicts
           cf->conf_file = prev;            //  what held at the store
       return rv;

   The path from the store through the second test's false edge cannot
   happen.  The facts true on entry to the store's block, about values
   that cannot change during the call (core/ir/facts.h: parameters on
   entry, SSA values defined outside every loop), still hold after it.
   So the OVERWRITE walk (restore.c) ends a path on an edge that states a
   fact contradicting one of them: ranges of the same subject that do not
   meet, or "points to x" against "does not point to x". */

struct esc_store_facts {
    uint64_t contradicting; /* the facts an edge must not state */
};

void esc_store_facts_free(struct esc_store_facts *facts)
{
    free(facts);
}

bool esc_correlated(struct esc_refine *r, struct esc_stored_place *place, uint32_t from,
                    uint32_t to)
{
    const struct esc_function *fn = r->fn;
    if (!fn->nfacts)
        return false;
    if (!place->facts) {
        place->facts = esc_xcalloc(1, sizeof *place->facts);
        uint32_t b = fn->stmts[r->flows->items[place->flow].stmt].block;
        if (b != ESC_NONE)
            place->facts->contradicting = esc_facts_contradicting(fn, esc_facts_on_entry(fn, b));
    }
    uint64_t bad = place->facts->contradicting;
    return bad && esc_edge_facts(fn, from, to) & bad;
}
