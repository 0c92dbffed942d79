/* baseline.c - a new log against a baseline: which results are new, unchanged or gone. */
#include "tool/baseline.h"
#include "tool/sarif_log.h"

#include <stdlib.h>
#include <string.h>

/* Drop every artifactLocation.index inside V: they point into another log. */
static void drop_artifact_indexes(json_t *v)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) drop_artifact_indexes(item);
        return;
    }
    const char *key;
    json_t *item;
    json_object_foreach(v, key, item)
    {
        if (strcmp(key, "artifactLocation") == 0)
            json_object_del(item, "index");
        else
            drop_artifact_indexes(item);
    }
}

/* Each key of TOOL's results in LOG -> how many results have it, and the
   results themselves by key (a new object; caller decrefs both). */
static json_t *count_keys(const json_t *log, const char *tool, json_t **by_key)
{
    json_t *counts = json_object();
    *by_key = json_object();
    size_t i;
    json_t *run;
    json_array_foreach(json_object_get(log, "runs"), i, run)
    {
        if (strcmp(sarif_tool_name(run), tool) != 0)
            continue;
        size_t k;
        json_t *result;
        json_array_foreach(json_object_get(run, "results"), k, result)
        {
            char *key = sarif_result_key(result);
            json_t *n = json_object_get(counts, key);
            json_object_set_new(counts, key, json_integer(n ? json_integer_value(n) + 1 : 1));
            json_t *list = json_object_get(*by_key, key);
            if (!list) {
                list = json_array();
                json_object_set_new(*by_key, key, list);
            }
            json_array_append(list, result);
            free(key);
        }
    }
    return counts;
}

size_t sarif_mark_baseline(json_t *current, const json_t *baseline)
{
    size_t added = 0;
    size_t i;
    json_t *run;
    json_array_foreach(json_object_get(current, "runs"), i, run)
    {
        json_t *by_key;
        json_t *left = count_keys(baseline, sarif_tool_name(run), &by_key);
        json_t *results = json_object_get(run, "results");
        size_t k;
        json_t *result;
        json_array_foreach(results, k, result)
        {
            char *key = sarif_result_key(result);
            json_t *n = json_object_get(left, key);
            bool known = n && json_integer_value(n) > 0;
            if (known)
                json_object_set_new(left, key, json_integer(json_integer_value(n) - 1));
            json_object_set_new(result, "baselineState", json_string(known ? "unchanged" : "new"));
            added += !known;
            free(key);
        }
        /* What the baseline had and the new log has not: fixed, or moved
           out of sight.  Its last results with a key are the absent ones. */
        const char *key;
        json_t *n;
        json_object_foreach(left, key, n)
        {
            json_t *list = json_object_get(by_key, key);
            size_t total = json_array_size(list);
            for (json_int_t j = 0; j < json_integer_value(n); j++) {
                json_t *gone = json_deep_copy(json_array_get(list, total - 1 - (size_t)j));
                json_object_del(gone, "ruleIndex");
                drop_artifact_indexes(gone);
                json_object_set_new(gone, "baselineState", json_string("absent"));
                json_array_append_new(results, gone);
            }
        }
        json_decref(left);
        json_decref(by_key);
    }
    return added;
}
