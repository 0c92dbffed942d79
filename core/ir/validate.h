/* validate.h - check a lowered function's IR before analysing it. */
#ifndef ESC_VALIDATE_H
#define ESC_VALIDATE_H

#include "core/ir/ir.h"

/* NULL when FN is well formed; otherwise a static description of the first
   problem found.  The analysis trusts its input, so a lowering bug must be
   caught here and turned into "analysis skipped", never a crash in GCC. */
const char *esc_validate_function(const struct esc_function *fn);

#endif
