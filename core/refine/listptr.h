/* listptr.h - pointers as list code spells them: a value's root plus an offset, or an address. */
#ifndef ESC_LISTPTR_H
#define ESC_LISTPTR_H

#include "core/ir/ir.h"

/* A pointer, as the statements spell it: the root of an SSA value, or the
   address of an object, at an offset.  List code names nodes this way
   (`&w.entry`, `q->next`, `(x)->prev`), so two spellings of one node
   compare equal. */
struct esc_list_ptr {
    enum esc_operand_kind kind; /* ESC_OPND_VALUE or ESC_OPND_ADDR */
    uint32_t id;
    int64_t offset;
};

bool esc_list_ptr_same(const struct esc_list_ptr *a, const struct esc_list_ptr *b);

/* The pointer operand OP holds, through copies, conversions and constant
   offsets; false when an offset on the way is unknown. */
bool esc_list_ptr_of(const struct esc_function *fn, const struct esc_operand *op,
                     struct esc_list_ptr *out);

/* The place PLACE names, as a pointer to its first byte (exact places only). */
bool esc_list_place_ptr(const struct esc_function *fn, const struct esc_operand *place,
                        struct esc_list_ptr *out);

/* The place a plain load defining V read, if V is one; *DEF the load. */
const struct esc_operand *esc_list_load_place(const struct esc_function *fn, uint32_t v,
                                              uint32_t *def);

#endif
