/* calltrust.h - which calls an undo through a pointer read again trusts to leave that pointer
 * alone. */
#ifndef ESC_CALLTRUST_H
#define ESC_CALLTRUST_H

#include "core/base/util.h"
#include "core/ir/ir.h"
#include "core/solve/flows.h"

/* What a trusting reload (reload.c, undo direction only) asks about the
   calls between two reads of a place; calltrust.c states the model. */
struct esc_calltrust {
    const struct esc_summary_table *own;    /* this unit's functions, by name (may be NULL) */
    const struct esc_summary_table *models; /* the user's model files (may be NULL) */
    struct esc_u64map cache; /* (function, type key) -> 1 + may it store such a pointer */
};

/* May call STMT of FN (FLOWS resolves it) store a pointer into a place
   of type key TYPE_KEY (0: any pointer), by the model of calltrust.c? */
bool esc_calltrust_call_may_write(struct esc_calltrust *t, const struct esc_function *fn,
                                  const struct esc_flows *flows, uint32_t stmt, uint32_t type_key);

void esc_calltrust_free(struct esc_calltrust *t);

#endif
