/* sarif_log.c - SARIF logs as gcc-escape reads them: loading with clear errors, and what identifies
 * a result. */
#include "tool/sarif_log.h"
#include "core/base/readfile.h"
#include "core/base/util.h"
#include "report/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *fail(char **error, const char *path, const char *what, json_t *doc)
{
    *error = esc_xasprintf("%s: not a SARIF 2.1.0 log: %s", path, what);
    json_decref(doc);
    return NULL;
}

json_t *sarif_load(const char *path, char **error)
{
    size_t len;
    char *why = NULL;
    char *text = esc_read_file(path, ESC_READ_MAX, &len, &why);
    if (!text) {
        *error = esc_xasprintf("%s: %s", path, why);
        free(why);
        return NULL;
    }
    json_t *doc = sarif_parse(path, text, len, error);
    free(text);
    return doc;
}

json_t *sarif_parse(const char *path, const char *text, size_t len, char **error)
{
    size_t nul;
    if (len == 0 || (nul = esc_first_nul(text, len)) < len) {
        *error = len ? esc_xasprintf("%s: binary data (a NUL byte at offset %zu); expected a "
                                     "SARIF 2.1.0 log",
                                     path, nul)
                     : esc_xasprintf("%s: empty; expected a SARIF 2.1.0 log", path);
        return NULL;
    }
    json_error_t jerr;
    json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!doc) {
        *error =
            esc_xasprintf("%s:%d:%d: not valid JSON: %s", path, jerr.line, jerr.column, jerr.text);
        return NULL;
    }
    if (!json_is_object(doc))
        return fail(error, path, "the top level is not an object", doc);
    const char *version = json_string_value(json_object_get(doc, "version"));
    if (!version || strcmp(version, "2.1.0") != 0)
        return fail(error, path, "\"version\" is not \"2.1.0\"", doc);
    json_t *runs = json_object_get(doc, "runs");
    if (!json_is_array(runs))
        return fail(error, path, "no \"runs\" array", doc);
    size_t i;
    json_t *run;
    json_array_foreach(runs, i, run)
    {
        json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
        if (!json_is_string(json_object_get(driver, "name")))
            return fail(error, path, "a run without tool.driver.name", doc);
        json_t *results = json_object_get(run, "results");
        if (results && !json_is_array(results))
            return fail(error, path, "a run whose \"results\" is not an array", doc);
        size_t k;
        json_t *result;
        json_array_foreach(results, k, result)
        {
            if (!json_is_object(result) || !json_is_object(json_object_get(result, "message")))
                return fail(error, path, "a result without a message", doc);
        }
    }
    return doc;
}

const char *sarif_tool_name(const json_t *run)
{
    const char *name = json_string_value(
        json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "name"));
    return name ? name : "";
}

json_t *sarif_new_log(void)
{
    json_t *log = json_object();
    json_object_set_new(log, "$schema",
                        json_string("https://json.schemastore.org/sarif-2.1.0.json"));
    json_object_set_new(log, "version", json_string("2.1.0"));
    json_object_set_new(log, "runs", json_array());
    return log;
}

void sarif_result_place(const json_t *result, const char **uri, long long *line, long long *column)
{
    json_t *phys = json_object_get(json_array_get(json_object_get(result, "locations"), 0),
                                   "physicalLocation");
    json_t *region = json_object_get(phys, "region");
    const char *u =
        json_string_value(json_object_get(json_object_get(phys, "artifactLocation"), "uri"));
    *uri = u ? u : "";
    *line = json_integer_value(json_object_get(region, "startLine"));
    *column = json_integer_value(json_object_get(region, "startColumn"));
}

static const char *message_text(const json_t *result)
{
    const char *text =
        json_string_value(json_object_get(json_object_get(result, "message"), "text"));
    return text ? text : "";
}

static const char *rule_of(const json_t *result)
{
    const char *rule = json_string_value(json_object_get(result, "ruleId"));
    return rule ? rule : "";
}

char *sarif_result_key(const json_t *result)
{
    const char *fp = json_string_value(
        json_object_get(json_object_get(result, "partialFingerprints"), "gccEscape/v1"));
    if (fp)
        return esc_xasprintf("%s\x1f%s", rule_of(result), fp);
    const char *uri;
    long long line, column;
    sarif_result_place(result, &uri, &line, &column);
    return esc_xasprintf("%s\x1f%s\x1f%s", rule_of(result), uri, message_text(result));
}

struct ordered {
    json_t *result;
    size_t input; /* position before sorting: equal keys keep the inputs' order */
};

static int compare_results(const void *x, const void *y)
{
    const struct ordered *oa = x, *ob = y;
    const json_t *a = oa->result, *b = ob->result;
    const char *ua, *ub;
    long long la, lb, ca, cb;
    sarif_result_place(a, &ua, &la, &ca);
    sarif_result_place(b, &ub, &lb, &cb);
    int c = strcmp(ua, ub);
    if (c)
        return c;
    if (la != lb)
        return la < lb ? -1 : 1;
    if (ca != cb)
        return ca < cb ? -1 : 1;
    if ((c = strcmp(rule_of(a), rule_of(b))))
        return c;
    if ((c = strcmp(message_text(a), message_text(b))))
        return c;
    return oa->input < ob->input ? -1 : oa->input > ob->input;
}

void sarif_sort_results(json_t *results)
{
    size_t n = json_array_size(results);
    if (n < 2)
        return;
    struct ordered *items = esc_xmalloc(n * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = (struct ordered){json_incref(json_array_get(results, i)), i};
    qsort(items, n, sizeof *items, compare_results);
    json_array_clear(results);
    for (size_t i = 0; i < n; i++)
        json_array_append_new(results, items[i].result);
    free(items);
}

bool sarif_write(const json_t *log, const char *path, char **error)
{
    char *text = json_dumps(log, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    if (!text) {
        *error = esc_xasprintf("%s: out of memory", path ? path : "standard output");
        return false;
    }
    bool ok = true;
    if (!path || strcmp(path, "-") == 0) {
        ok = fputs(text, stdout) != EOF && putchar('\n') != EOF && fflush(stdout) == 0;
        if (!ok)
            *error = esc_xasprintf("standard output: %s", strerror(errno));
    } else {
        /* Copied, not printed: printf is slow over 100 MB. */
        size_t n = strlen(text);
        char *whole = esc_xmalloc(n + 2);
        memcpy(whole, text, n);
        memcpy(whole + n, "\n", 2);
        ok = esc_write_file(path, whole, n + 1, error);
        free(whole);
    }
    free(text);
    return ok;
}
