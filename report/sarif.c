/* sarif.c - the SARIF 2.1.0 log of a translation unit, for code scanning and review tools
 * (docs/sarif.md). */
#include "report/sarif.h"
#include "report/diagtext.h"
#include "report/names.h"
#include "core/base/util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* jansson's constructors fail only when out of memory; json_dumps then
   returns NULL and the caller reports it. */

static json_t *text_object(const char *key, const char *text)
{
    json_t *o = json_object();
    json_object_set_new(o, key, json_string(text));
    return o;
}

static json_t *rule_json(enum esc_rule rule, const char *homepage)
{
    const struct esc_rule_info *info = esc_rule_info(rule);
    json_t *r = json_object();
    json_object_set_new(r, "id", json_string(info->id));
    json_object_set_new(r, "name", json_string(info->name));
    json_object_set_new(r, "shortDescription", text_object("text", info->summary));
    json_object_set_new(r, "fullDescription", text_object("text", info->description));
    json_t *help = json_object();
    json_object_set_new(help, "text", json_string(info->help));
    json_object_set_new(help, "markdown", json_string(info->help));
    json_object_set_new(r, "help", help);
    if (homepage) {
        char *uri = esc_xasprintf("%s/blob/main/docs/rules.md#%s", homepage, info->id);
        json_object_set_new(r, "helpUri", json_string(uri));
        free(uri);
    }
    json_object_set_new(r, "defaultConfiguration", text_object("level", "warning"));
    json_t *props = json_object();
    json_t *tags = json_array();
    if (info->cwe) {
        char *cwe = esc_xasprintf("external/cwe/cwe-%s", info->cwe);
        json_array_append_new(tags, json_string("security"));
        json_array_append_new(tags, json_string("correctness"));
        json_array_append_new(tags, json_string(cwe));
        free(cwe);
    } else {
        json_array_append_new(tags, json_string("performance"));
        json_array_append_new(tags, json_string("maintainability"));
    }
    json_object_set_new(props, "tags", tags);
    json_object_set_new(props, "precision", json_string(info->precision));
    json_object_set_new(props, "problem.severity", json_string("warning"));
    if (info->severity)
        json_object_set_new(props, "security-severity", json_string(info->severity));
    json_object_set_new(r, "properties", props);
    return r;
}

struct sarif {
    const struct esc_report_info *info;
    json_t *artifacts;
    json_t *artifact_index; /* uri -> its index in artifacts */
};

/* The artifact index of FILE, added on first use. */
static json_t *artifact_location(struct sarif *s, const char *file)
{
    const char *root = s->info->source_root;
    size_t rlen = root ? strlen(root) : 0;
    const char *rel = NULL;
    if (file[0] != '/')
        rel = file;
    else if (rlen && strncmp(file, root, rlen) == 0 && file[rlen] == '/')
        rel = file + rlen + 1;
    while (rel && rel[0] == '.' && rel[1] == '/')
        rel += 2;
    char *path = esc_percent_encode(rel ? rel : file);
    char *uri = rel ? path : esc_xasprintf("file://%s", path);
    /* By key, not by a look at every artifact: gcc-escape link writes
       findings from thousands of files into one log. */
    json_t *known = json_object_get(s->artifact_index, uri);
    size_t index = known ? (size_t)json_integer_value(known) : json_array_size(s->artifacts);
    json_t *loc = json_object();
    json_object_set_new(loc, "uri", json_string(uri));
    if (rel)
        json_object_set_new(loc, "uriBaseId", json_string("SRCROOT"));
    if (!known) {
        json_object_set_new(s->artifact_index, uri, json_integer((json_int_t)index));
        json_t *artifact = json_object();
        json_object_set_new(artifact, "location", json_deep_copy(loc));
        json_array_append_new(s->artifacts, artifact);
    }
    json_object_set_new(loc, "index", json_integer((json_int_t)index));
    if (uri != path)
        free(uri);
    free(path);
    return loc;
}

/* A physicalLocation, or NULL when LOC names no file. */
static json_t *physical(struct sarif *s, struct esc_loc loc)
{
    if (!loc.file || !loc.line)
        return NULL;
    json_t *phys = json_object();
    json_object_set_new(phys, "artifactLocation", artifact_location(s, loc.file));
    json_t *region = json_object();
    json_object_set_new(region, "startLine", json_integer(loc.line));
    if (loc.column)
        json_object_set_new(region, "startColumn", json_integer(loc.column));
    json_object_set_new(phys, "region", region);
    return phys;
}

static json_t *location(struct sarif *s, struct esc_loc loc, const char *message)
{
    json_t *phys = physical(s, loc);
    if (!phys)
        return NULL;
    json_t *l = json_object();
    json_object_set_new(l, "physicalLocation", phys);
    if (message)
        json_object_set_new(l, "message", text_object("text", message));
    return l;
}

/* FNV-1a over the parts that identify a finding but not its line, so the
   fingerprint survives edits elsewhere in the file. */
static uint64_t fingerprint(const char *const *parts, size_t n, uint64_t occurrence)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
            h = (h ^ *p) * 0x100000001b3u;
        h = (h ^ 0xff) * 0x100000001b3u;
    }
    return (h ^ occurrence) * 0x100000001b3u;
}

/* The message without the " [rule]" GCC's text ends with: SARIF has ruleId. */
static char *plain_message(const char *message)
{
    const char *bracket = strrchr(message, '[');
    size_t n = bracket && bracket > message && bracket[-1] == ' ' ? (size_t)(bracket - message - 1)
                                                                  : strlen(message);
    return esc_xasprintf("%.*s", (int)n, message);
}

static const char *suppression_kind(enum esc_suppression s)
{
    switch (s) {
    case ESC_SUPPRESSED_BY_OPTION:
        return "external";
    case ESC_SUPPRESSED_BY_ATTRIBUTE:
    case ESC_SUPPRESSED_BY_PRAGMA:
        return "inSource";
    case ESC_SHOWN:
    case ESC_NOT_SHOWN:
        break;
    }
    return NULL;
}

static json_t *result_json(struct sarif *s, const struct esc_sarif_result *res,
                           const struct esc_diag *diag)
{
    const struct esc_diag d = *diag;
    json_t *r = json_object();
    json_object_set_new(r, "ruleId", json_string(esc_rule_info(res->rule)->id));
    json_object_set_new(r, "ruleIndex", json_integer(res->rule));
    /* Ranked findings (docs/rules.md#levels): what may be read again is a
       warning ranked high, what nothing reads a note ranked low, so code
       scanning can filter them. */
    json_object_set_new(r, "level", json_string(res->read == ESC_READ_NEVER ? "note" : "warning"));
    if (res->read != ESC_READ_UNRANKED)
        json_object_set_new(r, "rank", json_real(res->read == ESC_READ_NEVER ? 10.0 : 90.0));
    char *message = plain_message(d.message);
    json_object_set_new(r, "message", text_object("text", message));

    json_t *locations = json_array();
    json_t *primary = location(s, res->loc, NULL);
    if (primary) {
        json_t *logical = json_object();
        json_object_set_new(logical, "name", json_string(res->function));
        json_object_set_new(logical, "kind", json_string("function"));
        json_t *logicals = json_array();
        json_array_append_new(logicals, logical);
        json_object_set_new(primary, "logicalLocations", logicals);
        json_array_append_new(locations, primary);
    }
    json_object_set_new(r, "locations", locations);

    json_t *related = json_array(), *flow = json_array();
    for (uint32_t i = 0; i < d.nnotes; i++) {
        json_t *rel = location(s, d.notes[i].loc, d.notes[i].text);
        if (!rel)
            continue;
        json_object_set_new(rel, "id", json_integer((json_int_t)json_array_size(related) + 1));
        if (d.notes[i].kind != ESC_NOTE_DECLARATION && d.notes[i].kind != ESC_NOTE_FREE &&
            d.notes[i].kind != ESC_NOTE_READER) {
            json_t *step = json_object();
            json_t *copy = json_deep_copy(rel);
            json_object_del(copy, "id");
            json_object_set_new(step, "location", copy);
            json_array_append_new(flow, step);
        }
        json_array_append_new(related, rel);
    }
    if (json_array_size(related))
        json_object_set_new(r, "relatedLocations", related);
    else
        json_decref(related);
    if (json_array_size(flow)) {
        json_t *thread = json_object();
        json_object_set_new(thread, "locations", flow);
        json_t *threads = json_array();
        json_array_append_new(threads, thread);
        json_t *code_flow = json_object();
        json_object_set_new(code_flow, "threadFlows", threads);
        json_t *flows = json_array();
        json_array_append_new(flows, code_flow);
        json_object_set_new(r, "codeFlows", flows);
    } else {
        json_decref(flow);
    }

    const char *file = res->loc.file ? res->loc.file : "";
    const char *parts[] = {esc_rule_info(res->rule)->id, file, res->function, message};
    char hash[17];
    snprintf(
        hash, sizeof hash, "%016llx",
        (unsigned long long)fingerprint(parts, sizeof parts / sizeof parts[0], res->occurrence));
    json_object_set_new(r, "partialFingerprints", text_object("gccEscape/v1", hash));

    const char *kind = suppression_kind(res->suppressed);
    if (kind) {
        json_t *suppression = text_object("kind", kind);
        json_t *list = json_array();
        json_array_append_new(list, suppression);
        json_object_set_new(r, "suppressions", list);
    }
    free(message);
    return r;
}

/* How many earlier findings of FN read the same, for the fingerprint. */
static uint64_t occurrence_of(const struct esc_function_result *r, uint32_t k)
{
    uint64_t n = 0;
    for (uint32_t i = 0; i < k; i++)
        n += r->findings[i].rule == r->findings[k].rule &&
             r->findings[i].object == r->findings[k].object &&
             r->findings[i].sink == r->findings[k].sink;
    return n;
}

struct esc_sarif_log {
    struct sarif s;
    json_t *results;
};

struct esc_sarif_log *esc_sarif_begin(const struct esc_report_info *info)
{
    struct esc_sarif_log *log = esc_xcalloc(1, sizeof *log);
    log->s =
        (struct sarif){.info = info, .artifacts = json_array(), .artifact_index = json_object()};
    log->results = json_array();
    return log;
}

void esc_sarif_add(struct esc_sarif_log *log, const struct esc_sarif_result *result,
                   const struct esc_diag *d)
{
    json_array_append_new(log->results, result_json(&log->s, result, d));
}

char *esc_sarif_end(struct esc_sarif_log *sarif)
{
    const struct esc_report_info *info = sarif->s.info;
    /* Only a real home page (make HOMEPAGE=...): a placeholder host would
       send every reader of the log nowhere.  The help text is embedded. */
    const char *homepage = info->homepage && *info->homepage ? info->homepage : NULL;
    json_t *rules = json_array();
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        json_array_append_new(rules, rule_json((enum esc_rule)r, homepage));
    json_t *driver = json_object();
    json_object_set_new(driver, "name", json_string("gcc-escape"));
    json_object_set_new(driver, "version", json_string(info->version));
    json_object_set_new(driver, "semanticVersion", json_string(info->version));
    if (homepage)
        json_object_set_new(driver, "informationUri", json_string(homepage));
    json_object_set_new(driver, "rules", rules);
    json_t *tool = json_object();
    json_object_set_new(tool, "driver", driver);

    json_t *run = json_object();
    json_object_set_new(run, "tool", tool);
    if (info->source_root) {
        char *root_path = esc_percent_encode(info->source_root);
        char *root = esc_xasprintf("file://%s/", root_path);
        json_t *base = json_object();
        json_object_set_new(base, "SRCROOT", text_object("uri", root));
        json_object_set_new(run, "originalUriBaseIds", base);
        free(root);
        free(root_path);
    }
    json_object_set_new(run, "artifacts", sarif->s.artifacts);
    json_decref(sarif->s.artifact_index);
    json_object_set_new(run, "results", sarif->results);
    json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
    json_t *runs = json_array();
    json_array_append_new(runs, run);
    free(sarif);

    json_t *log = json_object();
    json_object_set_new(log, "$schema",
                        json_string("https://json.schemastore.org/sarif-2.1.0.json"));
    json_object_set_new(log, "version", json_string("2.1.0"));
    json_object_set_new(log, "runs", runs);
    return esc_json_finish(log);
}

char *esc_report_sarif(const struct esc_results *results, const struct esc_report_info *info)
{
    struct esc_sarif_log *log = esc_sarif_begin(info);
    for (uint32_t i = 0; i < results->nfunctions; i++) {
        const struct esc_function_result *r = &results->functions[i];
        for (uint32_t k = 0; k < r->nfindings; k++) {
            const struct esc_finding *f = &r->findings[k];
            if (f->suppressed == ESC_NOT_SHOWN)
                continue;
            struct esc_sarif_result res = {
                .rule = f->rule,
                .function = r->fn->name,
                .loc = f->loc,
                .suppressed = f->suppressed,
                .occurrence = occurrence_of(r, k),
                .read = f->read,
            };
            struct esc_diag d;
            esc_render_finding(r->fn, f, &d);
            esc_sarif_add(log, &res, &d);
            esc_diag_free(&d);
        }
    }
    return esc_sarif_end(log);
}
