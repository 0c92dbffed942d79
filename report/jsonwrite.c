/* jsonwrite.c - jansson trees as text: the bytes of json_dumps, 2-space indents, ASCII only. */
#include "report/jsonwrite.h"

#include <stdio.h>
#include <string.h>

/* json_dumpb took a quarter of the plugin's instructions on sqlite3.c
   with both reports (546 million of 2,413 million, issue 20): it calls
   back once per token and decodes every byte of every string as UTF-8.
   Here runs of plain ASCII are copied whole, and the report's nesting is
   written as it goes instead of re-indenting jansson's lines after.  The
   format is jansson 2.14's (dump.c): "key": value, one member or element
   per line, "{}" and "[]" when empty, \uXXXX in capitals. */

/* Room for N more bytes and the terminating NUL, grown as
   esc_strbuf_addn grows it. */
static inline void reserve(struct esc_strbuf *out, size_t n)
{
    if (out->len + n + 1 > out->cap) {
        out->cap = (out->len + n + 1) * 2;
        out->text = esc_xrealloc(out->text, out->cap);
    }
}

/* Append N bytes of S: most are a few bytes long, and a call to
   esc_strbuf_addn and to memcpy for each cost more than copying them.
   The terminating NUL is written once, by esc_json_write. */
static inline void put(struct esc_strbuf *out, const char *s, size_t n)
{
    reserve(out, n);
    char *at = out->text + out->len;
    if (n <= 16)
        for (size_t i = 0; i < n; i++)
            at[i] = s[i];
    else
        memcpy(at, s, n);
    out->len += n;
}

static void newline(struct esc_strbuf *out, unsigned spaces)
{
    reserve(out, (size_t)spaces + 1);
    out->text[out->len] = '\n';
    memset(out->text + out->len + 1, ' ', spaces);
    out->len += (size_t)spaces + 1;
}

/* The code point of the UTF-8 sequence at S (N bytes left) and its length,
   or 0 when it is not one jansson accepts (utf.c). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t len;
    uint32_t c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        c &= 0x07;
    } else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and what lies past U+10FFFF. */
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (len == 3 && c < 0x800) ||
        (len == 4 && c < 0x10000))
        return 0;
    *cp = c;
    return len;
}

/* The bytes written as they are, one bit each: printable ASCII but the
   quote and the backslash.  One test of a bit instead of four
   comparisons for every byte of the report's strings (5 million
   instructions fewer on sqlite3.c). */
static const uint64_t plain_bytes[4] = {0xFFFFFFFB00000000u, 0xFFFFFFFFEFFFFFFFu, 0, 0};

static inline bool plain(unsigned char c)
{
    return plain_bytes[c >> 6] >> (c & 63) & 1;
}

/* Plain bytes are copied as they are tested: testing a run first and
   copying it after read each byte twice (15 M instructions more on
   sqlite3.c's 290,000 strings, keys included, of 11 bytes on average). */
static bool write_string(struct esc_strbuf *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    /* Room for the quotes and every byte as it is; an escape makes more. */
    reserve(out, len + 2);
    char *at = out->text + out->len;
    *at++ = '"';
    while (s < end) {
        unsigned char c = *s;
        if (plain(c)) {
            *at++ = (char)c;
            s++;
            continue;
        }
        out->len = (size_t)(at - out->text);
        uint32_t cp;
        size_t n = utf8_decode(s, (size_t)(end - s), &cp);
        if (!n)
            return false;
        char seq[13];
        const char *esc = seq;
        size_t elen = 2;
        switch (cp) {
        case '\\':
            esc = "\\\\";
            break;
        case '"':
            esc = "\\\"";
            break;
        case '\b':
            esc = "\\b";
            break;
        case '\f':
            esc = "\\f";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\t':
            esc = "\\t";
            break;
        default:
            if (cp < 0x10000) {
                snprintf(seq, sizeof seq, "\\u%04X", (unsigned)cp);
                elen = 6;
            } else {
                uint32_t v = cp - 0x10000;
                snprintf(seq, sizeof seq, "\\u%04X\\u%04X",
                         (unsigned)(0xD800 | (v & 0xFFC00) >> 10),
                         (unsigned)(0xDC00 | (v & 0x3FF)));
                elen = 12;
            }
            break;
        }
        put(out, esc, elen);
        s += n;
        reserve(out, (size_t)(end - s) + 1);
        at = out->text + out->len;
    }
    *at++ = '"';
    out->len = (size_t)(at - out->text);
    return true;
}

/* "%lld" without snprintf, which cost 700 instructions a number. */
static void write_integer(struct esc_strbuf *out, json_int_t value)
{
    char digits[24], *p = digits + sizeof digits;
    unsigned long long v = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    if (value < 0)
        *--p = '-';
    put(out, p, (size_t)(digits + sizeof digits - p));
}

static bool write_value(struct esc_strbuf *out, const json_t *v, unsigned indent, unsigned depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        void *it = json_object_iter((json_t *)v);
        if (!it) {
            put(out, "{}", 2);
            return true;
        }
        put(out, "{", 1);
        for (void *next; it; it = next) {
            newline(out, indent + 2 * (depth + 1));
            const char *key = json_object_iter_key(it);
            if (!write_string(out, key, strlen(key)))
                return false;
            put(out, ": ", 2);
            if (!write_value(out, json_object_iter_value(it), indent, depth + 1))
                return false;
            next = json_object_iter_next((json_t *)v, it);
            if (next)
                put(out, ",", 1);
        }
        newline(out, indent + 2 * depth);
        put(out, "}", 1);
        return true;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(v);
        if (!n) {
            put(out, "[]", 2);
            return true;
        }
        put(out, "[", 1);
        for (size_t i = 0; i < n; i++) {
            newline(out, indent + 2 * (depth + 1));
            if (!write_value(out, json_array_get(v, i), indent, depth + 1))
                return false;
            if (i + 1 < n)
                put(out, ",", 1);
        }
        newline(out, indent + 2 * depth);
        put(out, "]", 1);
        return true;
    }
    case JSON_STRING:
        return write_string(out, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        write_integer(out, json_integer_value(v));
        return true;
    case JSON_TRUE:
        put(out, "true", 4);
        return true;
    case JSON_FALSE:
        put(out, "false", 5);
        return true;
    case JSON_NULL:
        put(out, "null", 4);
        return true;
    default:
        return false;
    }
}

bool esc_json_write(struct esc_strbuf *out, const json_t *v, unsigned indent)
{
    bool ok = write_value(out, v, indent, 0);
    reserve(out, 0);
    out->text[out->len] = '\0';
    return ok;
}
