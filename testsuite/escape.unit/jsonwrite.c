/* jsonwrite.c - unit tests of the JSON writer: the same bytes as jansson's json_dumps, nested or
 * not. */
#include <jansson.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "report/jsonwrite.h"

/* V written by esc_json_write at INDENT against json_dumps with every
   line after the first moved INDENT spaces in, as the report nests it. */
static void same(const char *what, json_t *v, unsigned indent)
{
    char *want =
        json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII | JSON_ENCODE_ANY);
    struct esc_strbuf nested = {0};
    for (const char *at = want; *at; at++) {
        esc_strbuf_addn(&nested, at, 1);
        for (unsigned k = 0; *at == '\n' && k < indent; k++)
            esc_strbuf_addn(&nested, " ", 1);
    }
    char *expected = esc_strbuf_finish(&nested);
    struct esc_strbuf out = {0};
    bool ok = esc_json_write(&out, v, indent);
    char *got = esc_strbuf_finish(&out);
    checkf(ok && strcmp(got, expected) == 0, got, "%s, indent %u: as json_dumps", what, indent);
    free(got);
    free(expected);
    free(want);
    json_decref(v);
}

int main(void)
{
    for (unsigned indent = 0; indent <= 4; indent += 2) {
        same("empty object", json_object(), indent);
        same("empty array", json_array(), indent);
        same("scalars", json_pack("[iIbbnss]", -7, (json_int_t)1 << 40, 1, 0, "", "x"), indent);
        same("integers at the ends",
             json_pack("[IIIi]", (json_int_t)INT64_MIN, (json_int_t)INT64_MAX, (json_int_t)0, -1),
             indent);
        same("escapes",
             json_string("quote \" backslash \\ slash / \b\f\n\r\t \x01\x1f del \x7f end"), indent);
        same("non-ASCII: two, three and four bytes",
             json_string("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), indent);
        same("nested, in insertion order",
             json_pack("{s:{s:[i,{},[]],s:{s:s}},s:[[i,i],{s:b,s:n}],s:i}", "zeta", "b", 1, "a",
                       "k", "v", "alpha", 1, 2, "q", 1, "z", "mid", 3),
             indent);
    }
    /* Keys are strings too. */
    json_t *o = json_object();
    json_object_set_new(o, "k\"\xc3\xa9", json_integer(1));
    same("an escaped key", o, 2);

    /* What jansson cannot dump, neither can this. */
    struct esc_strbuf out = {0};
    json_t *bad = json_stringn_nocheck("\xff", 1);
    check(!esc_json_write(&out, bad, 0), "a string that is not UTF-8 fails");
    json_decref(bad);
    json_t *real = json_real(1.5);
    check(!esc_json_write(&out, real, 0), "a real fails (the reports hold none)");
    json_decref(real);
    free(esc_strbuf_finish(&out));
    totals();
    return failed ? 1 : 0;
}
