/* declared.h - summaries of functions known only from their declarations: allocators and
 * deallocators. */
#ifndef ESC_DECLARED_H
#define ESC_DECLARED_H

#include "core/summaries/summary.h"

/* Add to OUT a summary for each function M's declarations call an
   allocator (`malloc` with `alloc_size`, and `malloc (dealloc, I)`), and
   one for each deallocator they name that the C library table does not
   know.  Each is opaque: what the function does with its other arguments
   stays unknown. */
void esc_declared_summaries(const struct esc_module *m, struct esc_summary_table *out);

/* The name a deallocator goes by (the C library table's: `__builtin_free`
   is `free`), updating *ARG to its argument there. */
const char *esc_dealloc_name(const char *name, uint8_t *arg);

/* An opaque summary for deallocator NAME, which releases its argument
   ARG (1-based): nothing is known about its other arguments. */
struct esc_summary *esc_deallocator_summary(const char *name, uint8_t arg);

#endif
