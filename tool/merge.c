/* merge.c - several SARIF logs into one run per tool, rules and artifacts de-duplicated and
 * re-indexed. */
#include "tool/merge.h"
#include "tool/sarif_log.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* A run of the output, with what has gone into it so far, by key: looking
   through the rules and artifacts for each new one made merge quadratic
   (20,000 rules: 24 s). */
struct merged_run {
    json_t *run;       /* borrowed from the output */
    json_t *rule_ids;  /* rule id -> true */
    json_t *artifacts; /* location key -> true */
};

struct merger {
    json_t *out;
    struct merged_run *runs;
    uint32_t nruns, cap;
};

/* The run of the output for tool NAME, created from TEMPLATE's driver. */
static struct merged_run *run_for(struct merger *m, const char *name, const json_t *template)
{
    for (uint32_t i = 0; i < m->nruns; i++)
        if (strcmp(sarif_tool_name(m->runs[i].run), name) == 0)
            return &m->runs[i];
    json_t *run = json_object();
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
    json_array_append_new(json_object_get(m->out, "runs"), run);
    struct merged_run *r = ESC_PUSH(m->runs, m->nruns, m->cap);
    *r = (struct merged_run){run, json_object(), json_object()};
    return r;
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

/* Add SRC's rules, base ids and artifacts to M's run (results come later). */
static void unite(struct merged_run *m, const json_t *src, const char **conflict)
{
    json_t *run = m->run;
    json_t *rules =
        json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
    size_t i;
    json_t *item;
    json_array_foreach(
        json_object_get(json_object_get(json_object_get(src, "tool"), "driver"), "rules"), i, item)
    {
        const char *id = string_at(item, "id");
        if (!json_object_get(m->rule_ids, id)) {
            json_object_set_new_nocheck(m->rule_ids, id, json_true());
            json_array_append(rules, item);
        }
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
    json_array_foreach(json_object_get(src, "artifacts"), i, item)
    {
        char *key = location_key(json_object_get(item, "location"));
        if (!json_object_get(m->artifacts, key)) {
            json_t *copy = json_deep_copy(item);
            json_object_del(json_object_get(copy, "location"), "index");
            json_array_append_new(artifacts, copy);
            json_object_set_new_nocheck(m->artifacts, key, json_true());
        }
        free(key);
    }
}

json_t *sarif_merge(json_t *const *logs, size_t n, const char **conflict)
{
    struct merger m = {.out = sarif_new_log()};
    json_t *out = m.out;
    *conflict = NULL;
    for (size_t l = 0; l < n; l++) {
        size_t i;
        json_t *src;
        json_array_foreach(json_object_get(logs[l], "runs"), i, src)
        {
            struct merged_run *run = run_for(&m, sarif_tool_name(src), src);
            unite(run, src, conflict);
            /* The results themselves, not copies: the inputs are not
               used again, and a copy of each doubled merge's memory. */
            json_array_extend(json_object_get(run->run, "results"),
                              json_object_get(src, "results"));
        }
    }
    for (uint32_t r = 0; r < m.nruns; r++) {
        json_decref(m.runs[r].rule_ids);
        json_decref(m.runs[r].artifacts);
    }
    free(m.runs);
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
        json_t *rule_positions = json_object();
        size_t k;
        json_t *item;
        json_array_foreach(rules, k, item)
        {
            json_object_set_new_nocheck(rule_positions, string_at(item, "id"),
                                        json_integer((json_int_t)k));
        }
        json_t *results = json_object_get(run, "results");
        json_array_foreach(results, k, item)
        {
            json_t *index = json_object_get(rule_positions, string_at(item, "ruleId"));
            if (index)
                json_object_set(item, "ruleIndex", index);
            else
                json_object_del(item, "ruleIndex");
            reindex_artifacts(item, positions);
        }
        json_decref(rule_positions);
        json_decref(positions);
        sarif_sort_results(results);
    }
    return out;
}
