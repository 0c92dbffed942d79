/* json.c - the JSON report of a translation unit: summaries, verdicts and diagnostics
 * (docs/json.md). */
#include "report/json.h"
#include "report/diagtext.h"
#include "report/jsonwrite.h"
#include "report/names.h"
#include "report/verdicts.h"
#include "core/base/arena.h"
#include "core/base/util.h"
#include "core/summaries/models.h"

#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* jansson's constructors return NULL only when out of memory; the
   *_new setters then fail quietly, and json_dumps below returns NULL,
   which is reported like any other failure to write. */

/* Every key set in this file is a literal in ASCII, and jansson's check
   that a key is UTF-8 cost 30 million instructions on sqlite3.c (a
   quarter of a million keys): they are set without it. */
#define json_object_set_new json_object_set_new_nocheck
#define json_object_set json_object_set_nocheck

/* json_string, without jansson's UTF-8 decoding of every byte when the
   text is ASCII, as the names and messages of C code nearly always are:
   the same string, and for other bytes jansson's own check (NULL when
   they are not UTF-8). */
static json_t *text_string(const char *text)
{
    if (!text)
        return NULL;
    size_t n = strlen(text);
    unsigned char high = 0;
    for (size_t i = 0; i < n; i++)
        high |= (unsigned char)text[i];
    return high < 0x80 ? json_stringn_nocheck(text, n) : json_stringn(text, n);
}
#define json_string text_string

static json_t *text_object(const char *key, const char *text)
{
    json_t *o = json_object();
    json_object_set_new(o, key, json_string(text));
    return o;
}

/* A unit's locations name one or two files thousands of times, and a
   JSON string checks and copies the whole path each time (10 M
   instructions on sqlite3.c): the last valid one is kept and shared,
   found again by content. */
static json_t *last;

static void set_file(json_t *obj, const char *file)
{
    if (last && strcmp(json_string_value(last), file) == 0) {
        json_object_set(obj, "file", last);
        return;
    }
    size_t n = strlen(file);
    if (!esc_utf8_valid(file, n)) {
        esc_json_set_name(obj, "file", file); /* kept losslessly (names.c) */
        return;
    }
    json_decref(last);
    last = json_stringn_nocheck(file, n);
    json_object_set(obj, "file", last);
}

void esc_json_set_loc(json_t *obj, struct esc_loc loc)
{
    if (loc.file)
        set_file(obj, loc.file);
    if (loc.line)
        json_object_set_new(obj, "line", json_integer(loc.line));
    if (loc.column)
        json_object_set_new(obj, "column", json_integer(loc.column));
}

/* Notes as [{"file", "line", "column", "message"}], leaving out KIND
   (or nothing when KIND is -1). */
json_t *esc_json_notes(const struct esc_diag *d, int skip_kind)
{
    json_t *notes = json_array();
    for (uint32_t i = 0; i < d->nnotes; i++) {
        if ((int)d->notes[i].kind == skip_kind)
            continue;
        json_t *note = json_object();
        esc_json_set_loc(note, d->notes[i].loc);
        json_object_set_new(note, "message", json_string(d->notes[i].text));
        json_array_append_new(notes, note);
    }
    return notes;
}

json_t *esc_json_leak(const struct esc_function *fn, unsigned level, unsigned sink, int64_t other,
                      const struct esc_leak_why *why)
{
    json_t *leak = json_object();
    json_object_set_new(leak, "to", json_string(esc_leak_sink_name(sink)));
    json_object_set_new(leak, "level", json_integer(level));
    if (other >= 0)
        json_object_set_new(leak, "param", json_integer(other + 1));
    if (why && why->fn) {
        struct esc_diag d;
        esc_render_steps(why->fn, why->steps, why->nsteps, &d);
        json_object_set_new(leak, "why", esc_json_notes(&d, -1));
        esc_diag_free(&d);
    }
    (void)fn;
    return leak;
}

/* A place in a parameter's memory or in a global variable, or NULL for
   places other units cannot name (a static of this file, an unknown
   field). */
static json_t *site_json(const struct esc_site *site)
{
    if ((site->param == ESC_SITE_STATIC && !site->name) || site->offset == ESC_UNKNOWN_OFFSET ||
        site->size <= 0)
        return NULL;
    json_t *out = json_object();
    if (site->param == ESC_SITE_STATIC) {
        json_object_set_new(out, "static", json_string(site->name));
    } else {
        json_object_set_new(out, "param", json_integer(site->param + 1));
        json_object_set_new(out, "deref", json_integer(site->level));
    }
    json_object_set_new(out, "offset", json_integer(site->offset));
    json_object_set_new(out, "size", json_integer(site->size));
    return out;
}

/* Where the parameter's leaks are stored and where a thread's handle
   goes: what lets a caller see a later call undo an earlier one. */
static void places_json(json_t *param, const struct esc_param_summary *p)
{
    if (p->thread_handle == ESC_HANDLE_RESULT) {
        json_object_set_new(param, "thread_handle", text_object("to", "result"));
    } else if (p->thread_handle >= ESC_HANDLE_PARAM) {
        json_t *h = text_object("to", "param");
        json_object_set_new(h, "param", json_integer(p->thread_handle - ESC_HANDLE_PARAM + 1));
        json_object_set_new(param, "thread_handle", h);
    }
    json_t *stored = json_array();
    for (uint8_t i = 0; i < p->nstore_sites; i++) {
        json_t *site = site_json(&p->store_sites[i]);
        if (!site)
            continue;
        json_object_set_new(site, "level", json_integer(p->store_site_level[i]));
        json_array_append_new(stored, site);
    }
    json_object_set_new(param, "stored_at", stored);
}

/* {"name": "my_free", "param": 1}: a deallocator and its argument. */
static json_t *dealloc_json(const char *name, uint8_t arg)
{
    return json_pack("{sssI}", "name", name, "param", (json_int_t)arg);
}

/* A parameter as model files write it, so that the report loads as one. */
static json_t *param_json(const struct esc_function *fn, const struct esc_summary *s, uint32_t i)
{
    json_t *param = json_object();
    json_object_set_new(param, "index", json_integer(i + 1));
    if (fn->params[i].name)
        json_object_set_new(param, "name", json_string(fn->params[i].name));
    json_t *leaks = json_array();
    const struct esc_param_summary *p = s && i < s->nparams ? &s->params[i] : NULL;
    for (unsigned level = 0; p && level < ESC_LEAK_LEVELS; level++)
        for (unsigned k = 0; k < ESC_LEAK_SINK_COUNT; k++) {
            if (!(p->leaks[level] & 1u << k))
                continue;
            const struct esc_leak_why *why = p->why[level][k];
            if (k != ESC_LEAK_PARAM) {
                json_array_append_new(leaks, esc_json_leak(fn, level, k, -1, why));
                continue;
            }
            for (uint32_t j = 0; j < ESC_MAX_TRACKED_PARAMS; j++)
                if (p->stored_into[level] >> j & 1 && j != i)
                    json_array_append_new(leaks, esc_json_leak(fn, level, k, j, why));
        }
    json_object_set_new(param, "leaks", leaks);
    if (p && p->leaks[1] && esc_param_deep_fields(p)) {
        json_t *fields = json_array();
        for (uint8_t k = 0; k < esc_param_deep_fields(p); k++)
            json_array_append_new(fields,
                                  json_pack("{sIsI}", "offset", (json_int_t)p->deep[k].offset,
                                            "size", (json_int_t)p->deep[k].size));
        json_object_set_new(param, "fields", fields);
    }
    json_object_set_new(param, "freed", json_boolean(p && p->freed));
    json_object_set_new(param, "freed_deep", json_boolean(p && p->freed_deep));
    if (p && p->freed && p->dealloc)
        json_object_set_new(param, "dealloc", dealloc_json(p->dealloc, p->dealloc_arg));
    json_object_set_new(param, "unknown", json_boolean(p && p->unknown));
    json_object_set_new(param, "noescape", json_boolean(fn->params[i].noescape));
    if (p && p->joins)
        json_object_set_new(param, "joins", json_true());
    if (p && p->joins_pointed)
        json_object_set_new(param, "joins_pointed", json_true());
    if (p && p->links)
        json_object_set_new(param, "links", json_true());
    if (p && p->unlinks)
        json_object_set_new(param, "unlinks", json_true());
    if (p && (p->links || p->unlinks) && p->list_offset)
        json_object_set_new(param, "list_offset", json_integer(p->list_offset));
    if (p && p->link_writes) {
        json_t *links = json_array();
        for (unsigned k = 0; k < 2; k++)
            if (p->link_writes >> k & 1)
                json_array_append_new(links, json_integer(k));
        json_object_set_new(param, "link_writes", links);
    }
    if (p)
        places_json(param, p);
    return param;
}

static json_t *returns_json(const struct esc_summary *s)
{
    json_t *ret = json_object();
    json_object_set_new(ret, "fresh", json_boolean(s->ret.fresh));
    if (s->ret.fresh) {
        json_object_set_new(ret, "shared", json_boolean(s->ret.shared));
        /* A product is written as "size_params", which readers that
           do not know it ignore: they see no size, rather than a wrong
           one. */
        if (s->ret.size_param >= 0 && s->ret.count_param >= 0)
            json_object_set_new(ret, "size_params",
                                json_pack("[II]", (json_int_t)s->ret.size_param + 1,
                                          (json_int_t)s->ret.count_param + 1));
        else if (s->ret.size_param >= 0)
            json_object_set_new(ret, "size_param", json_integer(s->ret.size_param + 1));
        else if (s->ret.size >= 0)
            json_object_set_new(ret, "size", json_integer(s->ret.size));
        if (s->ret.dealloc)
            json_object_set_new(ret, "deallocator",
                                dealloc_json(s->ret.dealloc, s->ret.dealloc_arg));
    }
    return ret;
}

static const char *const verdict_kinds[] = {
    [ESC_VERDICT_LOCAL] = "local",
    [ESC_VERDICT_PARAM] = "param",
    [ESC_VERDICT_ALLOCATION] = "allocation",
};

static json_t *verdict_path(const struct esc_function *fn, const struct esc_verdict *v)
{
    struct esc_diag d;
    esc_verdict_path(fn, v, &d);
    json_t *path = esc_json_notes(&d, -1);
    esc_diag_free(&d);
    return path;
}

static json_t *verdict_json(const struct esc_function *fn, const struct esc_verdict *v)
{
    json_t *out = json_object();
    json_object_set_new(out, "kind", json_string(verdict_kinds[v->kind]));
    const char *name = v->kind == ESC_VERDICT_PARAM   ? fn->params[v->param].name
                       : v->kind == ESC_VERDICT_LOCAL ? fn->objects[v->object].name
                                                      : NULL;
    if (name)
        json_object_set_new(out, "name", json_string(name));
    esc_json_set_loc(out, v->loc);
    json_object_set_new(out, "escapes", json_boolean(v->escapes));
    json_object_set_new(out, "text", json_string(v->text));
    if (v->finding && v->kind == ESC_VERDICT_LOCAL)
        json_object_set_new(out, "rule", json_string(esc_rule_info(v->finding->rule)->id));
    if (v->site) {
        if (v->site->size >= 0)
            json_object_set_new(out, "size", json_integer(v->site->size));
        json_object_set_new(out, "verdict", json_string(esc_heap_verdict_id(v->site->verdict)));
    }
    json_object_set_new(out, "path", verdict_path(fn, v));
    return out;
}

static const char *suppression_name(enum esc_suppression s)
{
    switch (s) {
    case ESC_SUPPRESSED_BY_OPTION:
        return "option";
    case ESC_SUPPRESSED_BY_ATTRIBUTE:
        return "attribute";
    case ESC_SUPPRESSED_BY_PRAGMA:
        return "pragma";
    case ESC_NOT_SHOWN:
        return "not-shown";
    case ESC_SHOWN:
        break;
    }
    return NULL;
}

static json_t *diagnostic_json(const struct esc_function *fn, const struct esc_finding *f)
{
    struct esc_diag d;
    esc_render_finding(fn, f, &d);
    json_t *out = json_object();
    json_object_set_new(out, "rule", json_string(esc_rule_info(f->rule)->id));
    json_object_set_new(out, "level", json_string("warning"));
    json_object_set_new(out, "message", json_string(d.message));
    esc_json_set_loc(out, f->loc);
    const char *by = suppression_name(f->suppressed);
    json_object_set_new(out, "suppressed", by ? json_string(by) : json_null());
    json_object_set_new(out, "notes", esc_json_notes(&d, -1));
    esc_diag_free(&d);
    const char *read = esc_read_verdict_id(f->read);
    if (read)
        json_object_set_new(out, "read", json_string(read));
    if (f->read == ESC_READ_MAY && f->reader) {
        json_t *reader = json_object();
        json_object_set_new(reader, "function", json_string(f->reader));
        esc_json_set_loc(reader, f->reader_loc);
        json_object_set_new(out, "reader", reader);
    }
    return out;
}

static json_t *function_json(const struct esc_function_result *r, const struct esc_summary *s)
{
    const struct esc_function *fn = r->fn;
    json_t *out = json_object();
    json_object_set_new(out, "name", json_string(fn->name));
    esc_json_set_loc(out, fn->loc);
    if (r->skipped)
        json_object_set_new(out, "skipped", json_string(r->skipped));
    json_t *params = json_array();
    /* Model files take 64 parameters; the rest are not tracked. */
    for (uint32_t i = 0; i < fn->nparams && i < ESC_MAX_TRACKED_PARAMS; i++)
        json_array_append_new(params, param_json(fn, s, i));
    json_object_set_new(out, "params", params);
    if (s) {
        json_object_set_new(out, "returns", returns_json(s));
        json_t *writes = json_array();
        for (uint32_t i = 0; i < s->nwrites; i++) {
            json_t *site = site_json(&s->writes[i]);
            if (site)
                json_array_append_new(writes, site);
        }
        json_object_set_new(out, "writes", writes);
        json_object_set_new(out, "writes_overflow", json_boolean(s->writes_overflow));
    }

    struct esc_verdicts verdicts;
    esc_collect_verdicts(r, s, &verdicts);
    json_t *list = json_array();
    for (uint32_t i = 0; i < verdicts.n; i++)
        json_array_append_new(list, verdict_json(fn, &verdicts.items[i]));
    esc_verdicts_free(&verdicts);
    json_object_set_new(out, "verdicts", list);

    json_t *diags = json_array();
    for (uint32_t i = 0; i < r->nfindings; i++)
        json_array_append_new(diags, diagnostic_json(fn, &r->findings[i]));
    json_object_set_new(out, "diagnostics", diags);
    return out;
}

/* A function's tree is built, written and dropped.  jansson allocates
   each object, key, string and number apart, and json_decref walks the
   tree to free them one by one: 600,000 mallocs and frees on sqlite3.c.
   While the trees are built their memory comes from an arena instead,
   rewound after each function.  jansson's allocator is global: it is
   the arena only inside the loop below, where nothing else of jansson's
   is made or freed. */
static struct esc_arena tree_arena;

static void *tree_alloc(size_t size)
{
    return esc_arena_alloc(&tree_arena, size);
}

static void tree_free(void *p)
{
    (void)p;
}

char *esc_report_json(const struct esc_module *m, const struct esc_results *results,
                      const struct esc_summary_table *summaries, const struct esc_report_info *info)
{
    json_t *head = json_object();
    json_object_set_new(head, "schema", json_string(ESC_MODELS_SCHEMA));
    json_t *generator = json_object();
    json_object_set_new(generator, "name", json_string("gcc-escape"));
    json_object_set_new(generator, "version",
                        json_string(info && info->version ? info->version : "?"));
    if (info && info->gcc_version)
        json_object_set_new(generator, "gcc", json_string(info->gcc_version));
    json_object_set_new(head, "generator", generator);
    if (info && info->source)
        esc_json_set_name(head, "source", info->source);

    /* One function's tree at a time: a unit of thousands of functions
       would otherwise hold them all in memory at once. */
    struct esc_strbuf out = {0};
    bool ok = true;
    const char *key;
    json_t *value;
    esc_strbuf_add(&out, "{");
    json_object_foreach(head, key, value)
    {
        esc_strbuf_addf(&out, "\n  \"%s\": ", key);
        ok &= esc_json_write(&out, value, 2);
        esc_strbuf_add(&out, ",");
    }
    json_decref(head);
    esc_strbuf_add(&out, "\n  \"functions\": [");
    uint32_t n = 0;
    json_malloc_t saved_malloc;
    json_free_t saved_free;
    json_get_alloc_funcs(&saved_malloc, &saved_free);
    json_decref(last); /* the file name shared by locations is made again in the arena */
    last = NULL;
    json_set_alloc_funcs(tree_alloc, tree_free);
    for (uint32_t i = 0; ok && i < results->nfunctions && i < m->nfunctions; i++) {
        const struct esc_summary *s =
            summaries && i < summaries->n && summaries->items[i]->fn == results->functions[i].fn
                ? summaries->items[i]
                : NULL;
        json_t *fn = function_json(&results->functions[i], s);
        esc_strbuf_add(&out, n++ ? ",\n    " : "\n    ");
        ok &= esc_json_write(&out, fn, 4);
        last = NULL;
        esc_arena_rewind(&tree_arena);
    }
    json_set_alloc_funcs(saved_malloc, saved_free);
    esc_arena_free(&tree_arena);
    esc_strbuf_add(&out, n ? "\n  ]\n}\n" : "]\n}\n");
    char *text = esc_strbuf_finish(&out);
    if (!ok) {
        free(text);
        return NULL;
    }
    return text;
}

char *esc_json_finish(json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(root);
    if (!text)
        return NULL;
    /* json_dumps's memory is jansson's; hand back ours, ending in a
       newline (copied, not printed: printf is slow over 100 MB). */
    size_t n = strlen(text);
    char *out = esc_xmalloc(n + 2);
    memcpy(out, text, n);
    memcpy(out + n, "\n", 2);
    free(text);
    return out;
}
