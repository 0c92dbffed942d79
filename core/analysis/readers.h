/* readers.h - whether a stale address may be read again: ranking escape findings by their readers.
 */
#ifndef ESC_READERS_H
#define ESC_READERS_H

#include "core/summaries/result.h"

struct esc_summary_table;

/* Set the read verdict, reader and note of every escape-global,
   escape-caller and escape-heap finding of RESULTS (M's functions,
   findable by name in OWN); the others stay ESC_READ_UNRANKED.  With
   CROSS_UNIT, also what gcc-escape link needs to rank the findings only
   the whole program settles: each finding's read_static, and RESULTS'
   reads and at_exit. */
void esc_rank_readers(const struct esc_module *m, const struct esc_summary_table *own,
                      struct esc_results *results, bool cross_unit);

#endif
