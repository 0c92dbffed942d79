/* jsonwrite.h - jansson trees as text: the bytes of json_dumps, 2-space indents, ASCII only. */
#ifndef ESC_JSONWRITE_H
#define ESC_JSONWRITE_H

#include "core/base/util.h"

#include <jansson.h>
#include <stdbool.h>

/* Append V to OUT as json_dumps (V, JSON_INDENT (2) | JSON_ENSURE_ASCII |
   JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) writes it, every line after the
   first INDENT spaces further in.  False, with OUT partly written, when
   a string is not UTF-8 or V holds a real (jansson's dump fails on the
   first; the reports hold none of the second). */
bool esc_json_write(struct esc_strbuf *out, const json_t *v, unsigned indent);

#endif
