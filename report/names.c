/* names.c - file names in JSON and URIs: UTF-8 as it is, any other bytes kept losslessly. */
#include "report/names.h"
#include "core/base/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The length of the UTF-8 sequence at P (N bytes left), or 0 if there is
   none: the rules of RFC 3629, which jansson applies too. */
static size_t utf8_length(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return 1;
    size_t len = p[0] >= 0xC2 && p[0] <= 0xDF   ? 2
                 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
                 : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
                                                : 0;
    if (!len || len > n)
        return 0;
    uint32_t c = p[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[i] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return len;
}

bool esc_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t at = 0, step; at < len; at += step)
        if (!(step = utf8_length(p + at, len - at)))
            return false;
    return true;
}

char *esc_utf8_display(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    size_t n = strlen(name);
    struct esc_strbuf out = {0};
    esc_strbuf_add(&out, "");
    for (size_t at = 0; at < n;) {
        size_t step = utf8_length(p + at, n - at);
        if (step)
            esc_strbuf_addn(&out, name + at, step);
        else
            esc_strbuf_add(&out, "\xEF\xBF\xBD");
        at += step ? step : 1;
    }
    return esc_strbuf_finish(&out);
}

char *esc_percent_encode(const char *name)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = esc_xmalloc(3 * strlen(name) + 1), *o = out;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = 0;
    return out;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

char *esc_percent_decode(const char *text, char **error)
{
    char *out = esc_xmalloc(strlen(text) + 1), *o = out;
    for (const char *p = text; *p; p++) {
        if (*p != '%') {
            *o++ = *p;
            continue;
        }
        /* Exactly two hex digits: sscanf's "%2x" also took "% 1" and "%-1". */
        int hi = hex_digit(p[1]), lo = hi < 0 ? -1 : hex_digit(p[2]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
            *error =
                esc_xasprintf(hi < 0 || lo < 0 ? "'%.3s' at offset %zu is not a percent-escape "
                                                 "(a '%%' and two hex digits)"
                                               : "'%.3s' at offset %zu encodes a NUL byte, "
                                                 "which no file name holds",
                              p, (size_t)(p - text));
            free(out);
            return NULL;
        }
        *o++ = (char)(hi << 4 | lo);
        p += 2;
    }
    *o = 0;
    return out;
}

void esc_json_set_name(json_t *obj, const char *key, const char *name)
{
    if (esc_utf8_valid(name, strlen(name))) {
        json_object_set_new(obj, key, json_string(name));
        return;
    }
    char *shown = esc_utf8_display(name), *bytes = esc_percent_encode(name);
    char *bytes_key = esc_xasprintf("%s_bytes", key);
    json_object_set_new(obj, key, json_string(shown));
    json_object_set_new(obj, bytes_key, json_string(bytes));
    free(bytes_key);
    free(bytes);
    free(shown);
}

static void restore_one(json_t *obj, const char *key, const char *bytes_key)
{
    const char *bytes = json_string_value(json_object_get(obj, bytes_key));
    char *error = NULL;
    char *name = bytes ? esc_percent_decode(bytes, &error) : NULL;
    if (name)
        json_object_set_new_nocheck(obj, key, json_stringn_nocheck(name, strlen(name)));
    free(name);
    free(error); /* damaged: the name shown stays */
}

void esc_json_restore_names(json_t *root)
{
    size_t i;
    json_t *v;
    if (json_is_array(root)) {
        json_array_foreach(root, i, v) esc_json_restore_names(v);
        return;
    }
    if (!json_is_object(root))
        return;
    if (json_object_get(root, "file_bytes"))
        restore_one(root, "file", "file_bytes");
    if (json_object_get(root, "source_bytes"))
        restore_one(root, "source", "source_bytes");
    const char *key;
    json_object_foreach(root, key, v) esc_json_restore_names(v);
}
