/* records.h - the framed records of a .gcc_escape section: one JSON document per translation unit.
 */
#ifndef ESC_TOOL_RECORDS_H
#define ESC_TOOL_RECORDS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Called for each record, in order: ROOT is the unit's JSON document
   (borrowed), TEXT its LEN bytes as written. */
typedef void esc_record_fn(void *ctx, json_t *root, const char *text, size_t len);

/* Walk the records in DATA (a section as WHERE holds it).  Padding NUL
   bytes between records are skipped.  On a damaged or foreign record
   returns false and sets *ERROR to a message naming WHERE and the
   offset; the records before it have been passed on. */
bool esc_read_records(const char *where, const char *data, size_t size, esc_record_fn *fn,
                      void *ctx, char **error);

#endif
