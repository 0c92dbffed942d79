/* codequality.c - SARIF results as a GitLab Code Quality report. */
#include "tool/codequality.h"
#include "tool/sarif_log.h"
#include "core/base/util.h"
#include "report/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GitLab's severities: info, minor, major, critical, blocker.  A
   returned stack address is the surest crash; advice is minor; a
   SARIF note (a stale address nothing reads again) is info. */
static const char *severity_of(const char *rule, const char *level)
{
    if (level && strcmp(level, "note") == 0)
        return "info";
    if (strcmp(rule, "escape-return") == 0)
        return "critical";
    if (strncmp(rule, "escape-", 7) == 0)
        return "major";
    return "minor";
}

/* FNV-1a of the result's key, as 32 hex digits: GitLab wants a string
   unique per issue and stable across runs. */
static char *fingerprint_of(const json_t *result, unsigned occurrence)
{
    char *key = sarif_result_key(result);
    uint64_t h1 = 0xcbf29ce484222325u, h2 = 0x84222325cbf29ce4u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h1 = (h1 ^ *p) * 0x100000001b3u;
        h2 = (h2 ^ *p) * 0x100000001b3u + 1;
    }
    h1 = (h1 ^ occurrence) * 0x100000001b3u;
    free(key);
    return esc_xasprintf("%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

bool codequality_check_uris(const json_t *log, const char *path, char **error)
{
    size_t i, k;
    json_t *run, *result;
    json_array_foreach(json_object_get(log, "runs"), i, run)
    {
        json_array_foreach(json_object_get(run, "results"), k, result)
        {
            const char *uri;
            long long line, column;
            sarif_result_place(result, &uri, &line, &column);
            char *why = NULL, *name = esc_percent_decode(uri, &why);
            free(name);
            if (why) {
                *error = esc_xasprintf("%s: runs[%zu].results[%zu]: the URI '%s' does not decode "
                                       "to a file name: %s",
                                       path, i, k, uri, why);
                free(why);
                return false;
            }
        }
    }
    return true;
}

json_t *sarif_to_codequality(const json_t *log)
{
    json_t *issues = json_array();
    json_t *seen = json_object(); /* fingerprint -> how many so far */
    size_t i;
    json_t *run;
    json_array_foreach(json_object_get(log, "runs"), i, run)
    {
        size_t k;
        json_t *result;
        json_array_foreach(json_object_get(run, "results"), k, result)
        {
            const char *state = json_string_value(json_object_get(result, "baselineState"));
            if ((state && strcmp(state, "absent") == 0) ||
                json_array_size(json_object_get(result, "suppressions")))
                continue;
            const char *uri;
            long long line, column;
            sarif_result_place(result, &uri, &line, &column);
            const char *rule = json_string_value(json_object_get(result, "ruleId"));
            const char *text =
                json_string_value(json_object_get(json_object_get(result, "message"), "text"));
            char *base = fingerprint_of(result, 0);
            json_t *count = json_object_get(seen, base);
            unsigned occurrence = count ? (unsigned)json_integer_value(count) : 0;
            json_object_set_new(seen, base, json_integer(occurrence + 1));
            char *fingerprint = occurrence ? fingerprint_of(result, occurrence) : base;

            json_t *issue = json_object();
            json_object_set_new(issue, "description", json_string(text ? text : ""));
            json_object_set_new(issue, "check_name", json_string(rule ? rule : ""));
            json_object_set_new(issue, "fingerprint", json_string(fingerprint));
            json_object_set_new(issue, "severity", json_string(severity_of(
                                       rule ? rule : "",
                                       json_string_value(json_object_get(result, "level")))));
            json_t *lines = json_object();
            json_object_set_new(lines, "begin", json_integer(line > 0 ? line : 1));
            json_t *location = json_object();
            /* GitLab wants the file's own name; one that is not UTF-8 is
               kept whole in path_bytes (report/names.h).  A URI that does
               not decode was refused with the log it came from. */
            char *why = NULL, *path = esc_percent_decode(uri, &why);
            esc_json_set_name(location, "path", path ? path : uri);
            free(path);
            free(why);
            json_object_set_new(location, "lines", lines);
            json_object_set_new(issue, "location", location);
            json_array_append_new(issues, issue);
            if (fingerprint != base)
                free(fingerprint);
            free(base);
        }
    }
    json_decref(seen);
    return issues;
}
