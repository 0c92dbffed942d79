/* merge.c - several SARIF logs into one run per tool, rules and artifacts de-duplicated and
 * re-indexed. */
#include "tool/merge.h"
#include "tool/sarif_log.h"

#include <stdlib.h>
#include <string.h>

/* The run of OUT for tool NAME, created from TEMPLATE's driver. */
static json_t *run_for(json_t *out, const char *name, const json_t *template)
{
    size_t i;
    json_t *run;
    json_array_foreach(json_object_get(out, "runs"), i, run)
    {
        if (strcmp(sarif_tool_name(run), name) == 0)
            return run;
    }
    run = json_object();
    json_t *driver = json_deep_copy(json_object_get(json_object_get(template, "tool"), "driver"));
    json_object_set_new(driver, "rules", json_array());
    json_t *tool = json_object();
    json_object_set_new(tool, "driver", driver);
    json_object_set_new(run, "tool", tool);
    json_object_set_new(run, "originalUriBaseIds", json_object());
    json_object_set_new(run, "artifacts", json_array());
    json_object_set_new(run, "results", json_array());
    json_t *column_kind = json_object_get(template, "columnKind");
    if (column_kind)
        json_object_set(run, "columnKind", column_kind);
    json_array_append_new(json_object_get(out, "runs"), run);
    return run;
}

static const char *string_at(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

static int compare_rules(const void *x, const void *y)
{
    return strcmp(string_at(*(json_t *const *)x, "id"), string_at(*(json_t *const *)y, "id"));
}

static int compare_artifacts(const void *x, const void *y)
{
    const json_t *a = json_object_get(*(json_t *const *)x, "location");
    const json_t *b = json_object_get(*(json_t *const *)y, "location");
    int c = strcmp(string_at(a, "uri"), string_at(b, "uri"));
    return c ? c : strcmp(string_at(a, "uriBaseId"), string_at(b, "uriBaseId"));
}

/* Sort ARRAY in place with COMPARE. */
static void sort_array(json_t *array, int (*compare)(const void *, const void *))
{
    size_t n = json_array_size(array);
    json_t **items = malloc((n + 1) * sizeof *items);
    if (!items)
        abort();
    for (size_t i = 0; i < n; i++)
        items[i] = json_incref(json_array_get(array, i));
    qsort(items, n, sizeof *items, compare);
    json_array_clear(array);
    for (size_t i = 0; i < n; i++)
        json_array_append_new(array, items[i]);
    free(items);
}

/* An artifact location's identity: its uri and base id. */
static char *location_key(const json_t *location)
{
    size_t a = strlen(string_at(location, "uri")), b = strlen(string_at(location, "uriBaseId"));
    char *key = malloc(a + b + 2);
    if (!key)
        abort();
    memcpy(key, string_at(location, "uri"), a);
    key[a] = '\x1f';
    memcpy(key + a + 1, string_at(location, "uriBaseId"), b + 1);
    return key;
}

/* The index in INDEX (location key -> position) of LOCATION, or -1. */
static json_int_t artifact_index(const json_t *index, const json_t *location)
{
    char *key = location_key(location);
    json_t *at = json_object_get(index, key);
    free(key);
    return at ? json_integer_value(at) : -1;
}

/* location key -> position in ARTIFACTS (a new object). */
static json_t *artifact_positions(const json_t *artifacts)
{
    json_t *index = json_object();
    size_t i;
    json_t *a;
    json_array_foreach(artifacts, i, a)
    {
        char *key = location_key(json_object_get(a, "location"));
        json_object_set_new(index, key, json_integer((json_int_t)i));
        free(key);
    }
    return index;
}

/* Rewrite every artifactLocation.index inside V (a result) by INDEX. */
static void reindex_artifacts(json_t *v, const json_t *index)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) reindex_artifacts(item, index);
        return;
    }
    if (!json_is_object(v))
        return;
    const char *key;
    json_t *item;
    json_object_foreach(v, key, item)
    {
        if (strcmp(key, "artifactLocation") == 0 && json_is_object(item)) {
            json_int_t at = artifact_index(index, item);
            if (at >= 0)
                json_object_set_new(item, "index", json_integer(at));
            else
                json_object_del(item, "index");
        } else {
            reindex_artifacts(item, index);
        }
    }
}

static json_int_t rule_index(const json_t *rules, const char *id)
{
    size_t i;
    json_t *r;
    json_array_foreach(rules, i, r)
    {
        if (strcmp(string_at(r, "id"), id) == 0)
            return (json_int_t)i;
    }
    return -1;
}

/* Add SRC's rules, base ids and artifacts to RUN (results come later). */
static void unite(json_t *run, const json_t *src, const char **conflict)
{
    json_t *rules =
        json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
    size_t i;
    json_t *item;
    json_array_foreach(
        json_object_get(json_object_get(json_object_get(src, "tool"), "driver"), "rules"), i, item)
    {
        if (rule_index(rules, string_at(item, "id")) < 0)
            json_array_append(rules, item);
    }
    const char *key;
    json_t *base;
    json_t *bases = json_object_get(run, "originalUriBaseIds");
    json_object_foreach(json_object_get(src, "originalUriBaseIds"), key, base)
    {
        json_t *have = json_object_get(bases, key);
        if (!have)
            json_object_set(bases, key, base);
        else if (!json_equal(have, base) && !*conflict)
            *conflict = key;
    }
    json_t *artifacts = json_object_get(run, "artifacts");
    json_t *seen = artifact_positions(artifacts);
    json_array_foreach(json_object_get(src, "artifacts"), i, item)
    {
        char *key = location_key(json_object_get(item, "location"));
        if (!json_object_get(seen, key)) {
            json_t *copy = json_deep_copy(item);
            json_object_del(json_object_get(copy, "location"), "index");
            json_array_append_new(artifacts, copy);
            json_object_set_new(seen, key, json_true());
        }
        free(key);
    }
    json_decref(seen);
}

json_t *sarif_merge(json_t *const *logs, size_t n, const char **conflict)
{
    json_t *out = sarif_new_log();
    *conflict = NULL;
    for (size_t l = 0; l < n; l++) {
        size_t i;
        json_t *src;
        json_array_foreach(json_object_get(logs[l], "runs"), i, src)
        {
            json_t *run = run_for(out, sarif_tool_name(src), src);
            unite(run, src, conflict);
            size_t k;
            json_t *result;
            json_array_foreach(json_object_get(src, "results"), k, result)
            {
                json_array_append(json_object_get(run, "results"), result);
            }
        }
    }
    /* Indexes last, once every rule and artifact is known and sorted. */
    size_t i;
    json_t *run;
    json_array_foreach(json_object_get(out, "runs"), i, run)
    {
        json_t *rules =
            json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
        json_t *artifacts = json_object_get(run, "artifacts");
        sort_array(rules, compare_rules);
        sort_array(artifacts, compare_artifacts);
        if (!json_object_size(json_object_get(run, "originalUriBaseIds")))
            json_object_del(run, "originalUriBaseIds");
        json_t *positions = artifact_positions(artifacts);
        json_t *results = json_object_get(run, "results");
        size_t k;
        json_t *result;
        json_array_foreach(results, k, result)
        {
            /* Results are shared with the inputs: give the run its own. */
            json_t *copy = json_deep_copy(result);
            json_int_t index = rule_index(rules, string_at(copy, "ruleId"));
            if (index >= 0)
                json_object_set_new(copy, "ruleIndex", json_integer(index));
            else
                json_object_del(copy, "ruleIndex");
            reindex_artifacts(copy, positions);
            json_array_set_new(results, k, copy);
        }
        json_decref(positions);
        sarif_sort_results(results);
    }
    return out;
}
