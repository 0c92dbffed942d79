/* safewalk.h - the end of a list walk that takes every node off, read as an empty head. */
#ifndef ESC_SAFEWALK_H
#define ESC_SAFEWALK_H

#include "core/ir/ir.h"
#include "core/solve/flows.h"

/* An edge FROM -> TO on which the list of head H is empty; LINK, the
   offset in a node of the link tested, SIZE its width. */
struct esc_safe_walk_edge {
    uint32_t from, to;
    int64_t link, size;
};

/* The exit edges of loops in FN that walk H's list with a saved next
   node and take every node off (`list_for_each_entry_safe` with
   `list_del_init`, safewalk.c), at most MAX of them into OUT; returns
   how many. */
uint32_t esc_safe_walk_empty_edges(const struct esc_function *fn, const struct esc_flows *flows,
                                   uint32_t h, struct esc_safe_walk_edge *out, uint32_t max);

#endif
