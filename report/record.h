/* record.h - the record -fplugin-arg-escape-embed puts in the object file, for gcc-escape link. */
#ifndef ESC_RECORD_H
#define ESC_RECORD_H

#include "report/json.h"

/* The ELF section the records go in: not allocated, so it never changes
   the program's code or data, and the linker concatenates it. */
#define ESC_EMBED_SECTION ".gcc_escape"
/* Each record starts "GCC-ESCAPE 1 <length>\n" (the format's version,
   then the length of the JSON text that follows). */
#define ESC_EMBED_MAGIC "GCC-ESCAPE 1"

/* Module M's record, framed (caller frees), or NULL when out of memory.
   M and RESULTS may be NULL: a unit without functions says so. */
char *esc_embed_record(const struct esc_module *m, const struct esc_results *results,
                       const struct esc_summary_table *summaries,
                       const struct esc_report_info *info);

#endif
