/* records.c - the framed records of a .gcc_escape section: one JSON document per translation unit.
 */
#include "tool/records.h"
#include "core/base/util.h"
#include "report/record.h"

#include <stdlib.h>
#include <string.h>

/* The largest record believed: a header claiming more is damage. */
#define MAX_RECORD ((size_t)1 << 30)

static bool bad(char **error, const char *where, size_t at, const char *what)
{
    *error = esc_xasprintf("%s: section %s, offset %zu: %s", where, ESC_EMBED_SECTION, at, what);
    return false;
}

bool esc_read_records(const char *where, const char *data, size_t size, esc_record_fn *fn,
                      void *ctx, char **error)
{
    static const char magic[] = ESC_EMBED_MAGIC " ";
    const size_t nmagic = sizeof magic - 1;
    size_t at = 0;
    for (;;) {
        while (at < size && data[at] == '\0')
            at++;
        if (at == size)
            return true;
        if (size - at < nmagic || memcmp(data + at, magic, nmagic) != 0) {
            if (size - at >= 11 && memcmp(data + at, "GCC-ESCAPE ", 11) == 0)
                return bad(error, where, at,
                           "a record in another format version than this gcc-escape reads "
                           "(" ESC_EMBED_MAGIC "); rebuild with the same gcc-escape");
            return bad(error, where, at,
                       "not a gcc-escape record (expected '" ESC_EMBED_MAGIC " <length>')");
        }
        size_t p = at + nmagic, len = 0;
        bool digits = false;
        while (p < size && data[p] >= '0' && data[p] <= '9' && len <= MAX_RECORD) {
            len = len * 10 + (size_t)(data[p++] - '0');
            digits = true;
        }
        if (!digits || p >= size || data[p] != '\n' || len > MAX_RECORD)
            return bad(error, where, at, "damaged record header");
        p++;
        if (len > size - p)
            return bad(error, where, at, "record is cut short");
        json_error_t jerr;
        json_t *root = json_loadb(data + p, len, 0, &jerr);
        if (!root) {
            char *what = esc_xasprintf("record is not valid JSON: %s", jerr.text);
            bad(error, where, at, what);
            free(what);
            return false;
        }
        const char *schema = json_string_value(json_object_get(root, "schema"));
        if (!json_is_object(root) || !schema || strcmp(schema, "gcc-escape-object/1") != 0 ||
            !json_is_array(json_object_get(root, "functions")) ||
            !json_is_array(json_object_get(root, "facts"))) {
            json_decref(root);
            return bad(error, where, at, "record is not a gcc-escape-object/1 document");
        }
        fn(ctx, root, data + p, len);
        json_decref(root);
        at = p + len;
    }
}
