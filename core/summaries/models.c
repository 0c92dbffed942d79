/* models.c - model files: the user's JSON summaries of functions whose bodies GCC never sees. */
#include "core/summaries/models.h"
#include "core/summaries/declared.h"
#include "core/summaries/library.h"
#include "core/base/readfile.h"
#include "core/base/util.h"

#include <errno.h>
#include <dirent.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Reading stops at the first error: the message is built where the fault
   is seen, then every level returns false.  The path of the value being
   read ("functions[2].params[0]") grows and shrinks like a stack, so a
   message can name exactly the field a user has to fix even though
   jansson keeps no line numbers for values. */
struct loader {
    const char *file;
    struct esc_strbuf path;
    char *error;
    /* Summaries read so far; they reach the table only if the whole file
       is good. */
    uint32_t n, cap;
    struct esc_summary **loaded;
    int version; /* of the file's schema: 1 or 2 */
};

static bool fail(struct loader *ld, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report at the current path, or at its member KEY when KEY is not NULL. */
static bool fail(struct loader *ld, const char *key, const char *fmt, ...)
{
    if (ld->error)
        return false;
    va_list ap;
    va_start(ap, fmt);
    char *what = esc_xvasprintf(fmt, ap);
    va_end(ap);
    const char *path = ld->path.len ? ld->path.text : "";
    const char *dot = ld->path.len && key ? "." : "";
    ld->error = esc_xasprintf("%s: %s%s%s%s%s", ld->file, path, dot, key ? key : "",
                              ld->path.len || key ? ": " : "", what);
    free(what);
    return false;
}

static size_t path_key(struct loader *ld, const char *key)
{
    size_t mark = ld->path.len;
    if (mark)
        esc_strbuf_add(&ld->path, ".");
    esc_strbuf_add(&ld->path, key);
    return mark;
}

static size_t path_index(struct loader *ld, size_t index)
{
    size_t mark = ld->path.len;
    esc_strbuf_addf(&ld->path, "[%zu]", index);
    return mark;
}

static void path_leave(struct loader *ld, size_t mark)
{
    ld->path.len = mark;
    ld->path.text[mark] = '\0';
}

enum kind { K_OBJECT, K_ARRAY, K_STRING, K_INTEGER, K_BOOLEAN };

static const char *const kind_names[] = {
    [K_OBJECT] = "an object",   [K_ARRAY] = "an array",    [K_STRING] = "a string",
    [K_INTEGER] = "an integer", [K_BOOLEAN] = "a boolean",
};

static bool is_kind(const json_t *v, enum kind kind)
{
    switch (kind) {
    case K_OBJECT:
        return json_is_object(v);
    case K_ARRAY:
        return json_is_array(v);
    case K_STRING:
        return json_is_string(v);
    case K_INTEGER:
        return json_is_integer(v);
    case K_BOOLEAN:
        return json_is_boolean(v);
    }
    return false;
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a real number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "something else";
}

static bool expect(struct loader *ld, const char *key, const json_t *v, enum kind kind)
{
    if (is_kind(v, kind))
        return true;
    return fail(ld, key, "expected %s, got %s", kind_names[kind], type_name(v));
}

/* OBJ's member KEY, checked to be of KIND.  NULL when it is absent (an
   error only if REQUIRED) or of the wrong kind (always an error): callers
   tell the two apart by ld->error. */
static json_t *member(struct loader *ld, const json_t *obj, const char *key, enum kind kind,
                      bool required)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (required)
            fail(ld, key, "missing");
        return NULL;
    }
    return expect(ld, key, v, kind) ? v : NULL;
}

/* An optional boolean member; *OUT keeps its default when it is absent. */
static bool bool_member(struct loader *ld, const json_t *obj, const char *key, bool *out)
{
    json_t *v = member(ld, obj, key, K_BOOLEAN, false);
    if (v)
        *out = json_is_true(v);
    return !ld->error;
}

/* An integer member in LO..HI; *PRESENT says whether it was there. */
static bool int_member(struct loader *ld, const json_t *obj, const char *key, bool required,
                       json_int_t lo, json_int_t hi, json_int_t *out, bool *present)
{
    json_t *v = member(ld, obj, key, K_INTEGER, required);
    *present = v != NULL;
    if (!v)
        return !ld->error;
    *out = json_integer_value(v);
    if (*out >= lo && *out <= hi)
        return true;
    if (hi == lo + 1)
        return fail(ld, key, "%lld is out of range; expected %lld or %lld", (long long)*out,
                    (long long)lo, (long long)hi);
    if (hi == INT64_MAX)
        return fail(ld, key, "%lld is out of range; expected %lld or more", (long long)*out,
                    (long long)lo);
    return fail(ld, key, "%lld is out of range; expected %lld to %lld", (long long)*out,
                (long long)lo, (long long)hi);
}

/* A 1-based parameter number, as in GCC's attributes (`nonnull (1)`). */
static bool param_member(struct loader *ld, const json_t *obj, const char *key, bool required,
                         json_int_t *out, bool *present)
{
    return int_member(ld, obj, key, required, 1, ESC_MAX_TRACKED_PARAMS, out, present);
}

/* One element of a parameter's "leaks".  *NPARAMS grows to cover the
   parameter stored into, which need not be listed itself. */
static bool load_leak(struct loader *ld, const json_t *leak, struct esc_summary *s,
                      json_int_t index, json_int_t *nparams)
{
    if (!expect(ld, NULL, leak, K_OBJECT))
        return false;
    json_t *to = member(ld, leak, "to", K_STRING, true);
    if (!to)
        return false;
    enum esc_leak_sink sink;
    if (!esc_leak_sink_parse(json_string_value(to), &sink))
        return fail(ld, "to", "unknown sink '%s'; expected static, kept, thread, result or param",
                    json_string_value(to));
    json_int_t level = 0, other = 0;
    bool has_level, has_other;
    if (!int_member(ld, leak, "level", false, 0, ESC_LEAK_LEVELS - 1, &level, &has_level) ||
        !param_member(ld, leak, "param", false, &other, &has_other))
        return false;
    if (sink == ESC_LEAK_PARAM && !has_other)
        return fail(ld, "param", "missing; required when \"to\" is \"param\"");
    if (sink != ESC_LEAK_PARAM && has_other)
        return fail(ld, "param", "only allowed when \"to\" is \"param\"");
    if (has_other && other == index)
        return fail(ld, "param",
                    "%lld is the parameter itself; expected the parameter it is stored into",
                    (long long)other);
    if (other > *nparams)
        *nparams = other;
    esc_summary_add_leak(s, (uint32_t)(index - 1), (unsigned)level, sink,
                         has_other ? (uint32_t)(other - 1) : 0, NULL);
    return true;
}

/* One element of "params".  SEEN[i] is 1 + the element that listed
   parameter i + 1, for duplicates. */
/* A place: in a parameter's memory, {"param", "deref", "offset", "size"},
   or in a global variable, {"static": NAME, "offset", "size"}.  *NPARAMS
   grows to cover the parameter; S keeps the name. */
static bool load_site(struct loader *ld, const json_t *obj, struct esc_summary *s,
                      struct esc_site *site, json_int_t *nparams)
{
    json_int_t param = 0, deref = 0, offset, size;
    bool present;
    if (!expect(ld, NULL, obj, K_OBJECT))
        return false;
    json_t *name = member(ld, obj, "static", K_STRING, false);
    if (ld->error || (!name && (!param_member(ld, obj, "param", true, &param, &present) ||
                                !int_member(ld, obj, "deref", true, 1, 2, &deref, &present))))
        return false;
    if (name && (json_object_get(obj, "param") || json_object_get(obj, "deref")))
        return fail(ld, "static", "not allowed together with \"param\" and \"deref\"");
    if (name && !*json_string_value(name))
        return fail(ld, "static", "empty; expected a variable name");
    if (!int_member(ld, obj, "offset", true, 0, INT64_MAX, &offset, &present) ||
        !int_member(ld, obj, "size", true, 1, INT64_MAX, &size, &present))
        return false;
    *site = (struct esc_site){.param = name ? ESC_SITE_STATIC : (uint8_t)(param - 1),
                              .level = (uint8_t)deref,
                              .offset = (int64_t)offset,
                              .size = (int64_t)size};
    if (name) {
        char *copy = esc_xstrdup(json_string_value(name));
        *ESC_PUSH(s->owned, s->nowned, s->cap_owned) = copy;
        site->name = copy;
    }
    if (param > *nparams)
        *nparams = param;
    return true;
}

/* A parameter's "thread_handle" and "stored_at": where a new thread's
   handle goes, and where its leaks into other parameters are stored. */
static bool load_places(struct loader *ld, const json_t *param, struct esc_summary *s,
                        json_int_t index, json_int_t *nparams)
{
    struct esc_param_summary *p = &s->params[index - 1];
    json_t *handle = member(ld, param, "thread_handle", K_OBJECT, false);
    json_t *stored = member(ld, param, "stored_at", K_ARRAY, false);
    if (ld->error)
        return false;
    if (handle) {
        size_t mark = path_key(ld, "thread_handle");
        json_t *to = member(ld, handle, "to", K_STRING, true);
        if (!to)
            return false;
        json_int_t k = 0;
        bool present;
        if (strcmp(json_string_value(to), "result") == 0) {
            p->thread_handle = ESC_HANDLE_RESULT;
        } else if (strcmp(json_string_value(to), "param") == 0) {
            if (!param_member(ld, handle, "param", true, &k, &present))
                return false;
            p->thread_handle = (uint8_t)(ESC_HANDLE_PARAM + k - 1);
            if (k > *nparams)
                *nparams = k;
        } else {
            return fail(ld, "to", "unknown place '%s'; expected result or param",
                        json_string_value(to));
        }
        path_leave(ld, mark);
    }
    size_t mark = path_key(ld, "stored_at");
    size_t i;
    json_t *item;
    json_array_foreach(stored, i, item)
    {
        size_t at = path_index(ld, i);
        json_int_t level;
        bool present;
        struct esc_site site;
        if (!int_member(ld, item, "level", true, 0, 1, &level, &present) ||
            !load_site(ld, item, s, &site, nparams))
            return false;
        esc_summary_note_store(s, (uint32_t)index - 1, (unsigned)level, &site);
        path_leave(ld, at);
    }
    path_leave(ld, mark);
    return true;
}

/* The function's "writes" and "writes_overflow". */
static bool load_writes(struct loader *ld, const json_t *fn, struct esc_summary *s,
                        json_int_t *nparams)
{
    json_t *writes = member(ld, fn, "writes", K_ARRAY, false);
    if (ld->error || !bool_member(ld, fn, "writes_overflow", &s->writes_overflow))
        return false;
    size_t mark = path_key(ld, "writes");
    size_t i;
    json_t *item;
    json_array_foreach(writes, i, item)
    {
        size_t at = path_index(ld, i);
        struct esc_site site;
        if (!load_site(ld, item, s, &site, nparams))
            return false;
        esc_summary_note_write(s, &site);
        path_leave(ld, at);
    }
    path_leave(ld, mark);
    return true;
}

/* A parameter's "link_writes": the links of what it points to that the
   function writes on every path, 0 (the one at offset 0) and 1 (the next). */
static bool load_link_writes(struct loader *ld, const json_t *param, struct esc_param_summary *p)
{
    json_t *links = member(ld, param, "link_writes", K_ARRAY, false);
    if (ld->error || !links)
        return !ld->error;
    size_t mark = path_key(ld, "link_writes");
    size_t i;
    json_t *item;
    json_array_foreach(links, i, item)
    {
        json_int_t k = json_integer_value(item);
        if (!json_is_integer(item) || k < 0 || k > 1) {
            size_t at = path_index(ld, i);
            fail(ld, NULL, "expected 0 (the link at offset 0) or 1 (the link after it)");
            path_leave(ld, at);
            break;
        }
        p->link_writes |= (uint8_t)(1u << k);
    }
    path_leave(ld, mark);
    return !ld->error;
}

/* OBJ's optional member KEY, {"name": "my_free", "param": 1}: a
   deallocator and the argument that takes the block (1 when not given),
   named as the library table names it; S keeps the name. */
static bool load_dealloc(struct loader *ld, const json_t *obj, const char *key,
                         struct esc_summary *s, const char **name, uint8_t *arg, bool *present)
{
    json_t *d = member(ld, obj, key, K_OBJECT, false);
    *present = d != NULL;
    if (!d)
        return !ld->error;
    size_t mark = path_key(ld, key);
    json_t *n = member(ld, d, "name", K_STRING, true);
    json_int_t param = 1;
    bool has_param;
    if (!n || !param_member(ld, d, "param", false, &param, &has_param))
        return false;
    if (!*json_string_value(n))
        return fail(ld, "name", "empty; expected a function name");
    *arg = (uint8_t)param;
    const char *known = esc_dealloc_name(json_string_value(n), arg);
    char *copy = esc_xstrdup(known);
    *ESC_PUSH(s->owned, s->nowned, s->cap_owned) = copy;
    *name = copy;
    path_leave(ld, mark);
    return true;
}

/* A parameter's "fields": the only fields of what it points to whose
   pointers its level-1 leaks take, each {"offset", "size"}.  Without it
   they take any pointer stored there, as in every version 1 file, where
   the key meant nothing. */
static bool load_fields(struct loader *ld, const json_t *param, struct esc_summary *s,
                        json_int_t index)
{
    if (ld->version < 2)
        return true;
    json_t *fields = member(ld, param, "fields", K_ARRAY, false);
    if (ld->error || !fields)
        return !ld->error;
    size_t mark = path_key(ld, "fields");
    size_t i;
    json_t *item;
    json_array_foreach(fields, i, item)
    {
        size_t at = path_index(ld, i);
        json_int_t offset, size;
        bool present;
        if (!expect(ld, NULL, item, K_OBJECT) ||
            !int_member(ld, item, "offset", true, 0, INT64_MAX, &offset, &present) ||
            !int_member(ld, item, "size", true, 1, INT64_MAX, &size, &present))
            return false;
        struct esc_field field = {(int64_t)offset, (int64_t)size};
        esc_summary_add_deep_field(s, (uint32_t)index - 1, &field);
        path_leave(ld, at);
    }
    path_leave(ld, mark);
    return true;
}

static bool load_param(struct loader *ld, const json_t *param, struct esc_summary *s, size_t *seen,
                       size_t at, json_int_t *nparams)
{
    if (!expect(ld, NULL, param, K_OBJECT))
        return false;
    json_int_t index;
    bool present;
    if (!param_member(ld, param, "index", true, &index, &present))
        return false;
    if (seen[index - 1])
        return fail(ld, "index", "duplicate parameter %lld (also params[%zu])", (long long)index,
                    seen[index - 1] - 1);
    seen[index - 1] = at + 1;
    if (index > *nparams)
        *nparams = index;
    /* "name" is for people reading the file; summaries go by position. */
    member(ld, param, "name", K_STRING, false);
    struct esc_param_summary *p = &s->params[index - 1];
    bool has_dealloc;
    if (ld->error || !bool_member(ld, param, "freed", &p->freed) ||
        !bool_member(ld, param, "freed_deep", &p->freed_deep) ||
        !bool_member(ld, param, "unknown", &p->unknown) ||
        !bool_member(ld, param, "noescape", &p->noescape) ||
        !bool_member(ld, param, "joins", &p->joins) ||
        !bool_member(ld, param, "joins_pointed", &p->joins_pointed) ||
        !bool_member(ld, param, "links", &p->links) ||
        !bool_member(ld, param, "unlinks", &p->unlinks) || !load_link_writes(ld, param, p) ||
        !load_dealloc(ld, param, "dealloc", s, &p->dealloc, &p->dealloc_arg, &has_dealloc))
        return false;
    if (has_dealloc && !p->freed)
        return fail(ld, "dealloc", "only allowed when \"freed\" is true");
    json_int_t list_offset = 0;
    bool has_offset;
    if (!int_member(ld, param, "list_offset", false, 0, INT32_MAX, &list_offset, &has_offset))
        return false;
    if (has_offset && !p->links && !p->unlinks)
        return fail(ld, "list_offset", "only allowed when \"links\" or \"unlinks\" is true");
    p->list_offset = list_offset;
    s->any_joins |= p->joins || p->joins_pointed;
    json_t *leaks = member(ld, param, "leaks", K_ARRAY, false);
    if (ld->error)
        return false;
    size_t mark = path_key(ld, "leaks");
    size_t i;
    json_t *leak;
    json_array_foreach(leaks, i, leak)
    {
        size_t at_leak = path_index(ld, i);
        if (!load_leak(ld, leak, s, index, nparams))
            return false;
        path_leave(ld, at_leak);
    }
    path_leave(ld, mark);
    return load_places(ld, param, s, index, nparams) && load_fields(ld, param, s, index);
}

/* "size_params": [N, M], a size that is the product of two arguments. */
static bool load_size_params(struct loader *ld, const json_t *returns, int32_t *size,
                             int32_t *count, bool *present)
{
    json_t *v = member(ld, returns, "size_params", K_ARRAY, false);
    *present = v != NULL;
    if (!v)
        return !ld->error;
    if (json_array_size(v) != 2)
        return fail(ld, "size_params", "expected two parameters, got %zu", json_array_size(v));
    size_t mark = path_key(ld, "size_params");
    for (size_t i = 0; i < 2; i++) {
        json_t *item = json_array_get(v, i);
        size_t at = path_index(ld, i);
        if (!expect(ld, NULL, item, K_INTEGER))
            return false;
        json_int_t k = json_integer_value(item);
        if (k < 1 || k > ESC_MAX_TRACKED_PARAMS)
            return fail(ld, NULL, "%lld is out of range; expected 1 to %d", (long long)k,
                        ESC_MAX_TRACKED_PARAMS);
        *(i ? count : size) = (int32_t)(k - 1);
        path_leave(ld, at);
    }
    path_leave(ld, mark);
    return true;
}

static bool load_returns(struct loader *ld, const json_t *returns, struct esc_summary *s)
{
    struct esc_return_summary *ret = &s->ret;
    json_int_t size_param = 0, size = 0;
    bool has_size_param, has_size, has_size_params, has_dealloc;
    int32_t size2 = -1, count2 = -1;
    if (!bool_member(ld, returns, "fresh", &ret->fresh) ||
        !bool_member(ld, returns, "shared", &ret->shared) ||
        !param_member(ld, returns, "size_param", false, &size_param, &has_size_param) ||
        !int_member(ld, returns, "size", false, 0, INT64_MAX, &size, &has_size) ||
        !load_size_params(ld, returns, &size2, &count2, &has_size_params) ||
        !load_dealloc(ld, returns, "deallocator", s, &ret->dealloc, &ret->dealloc_arg,
                      &has_dealloc))
        return false;
    if (!ret->fresh && has_size_params)
        return fail(ld, "size_params", "only allowed when \"fresh\" is true");
    if (!ret->fresh && has_dealloc)
        return fail(ld, "deallocator", "only allowed when \"fresh\" is true");
    if (has_size_params && (has_size_param || has_size))
        return fail(ld, "size_params",
                    "not allowed together with \"size_param\" or \"size\"; give one");
    if (has_dealloc && strcmp(ret->dealloc, "free") == 0 && ret->dealloc_arg == 1)
        ret->dealloc = NULL; /* free is what a fresh block needs anyway */
    /* A size only means something for memory the function allocates. */
    if (!ret->fresh && ret->shared)
        return fail(ld, "shared", "only allowed when \"fresh\" is true");
    if (!ret->fresh && has_size_param)
        return fail(ld, "size_param", "only allowed when \"fresh\" is true");
    if (!ret->fresh && has_size)
        return fail(ld, "size", "only allowed when \"fresh\" is true");
    if (has_size_param && has_size)
        return fail(ld, "size", "not allowed together with \"size_param\"; give one or the other");
    ret->size_param = has_size_param ? (int32_t)(size_param - 1) : size2;
    ret->count_param = count2;
    ret->size = has_size ? (int64_t)size : -1;
    return true;
}

/* "params" (NULL when absent) into S, whose parameter array has room for
   every index allowed; *NPARAMS becomes the largest index used. */
static bool load_params(struct loader *ld, const json_t *params, struct esc_summary *s,
                        json_int_t *nparams)
{
    size_t seen[ESC_MAX_TRACKED_PARAMS] = {0};
    size_t mark = path_key(ld, "params");
    size_t i;
    json_t *param;
    json_array_foreach(params, i, param)
    {
        size_t at_param = path_index(ld, i);
        if (!load_param(ld, param, s, seen, i, nparams))
            return false;
        path_leave(ld, at_param);
    }
    path_leave(ld, mark);
    return true;
}

/* One element of "functions"; NAMES maps each name seen to its element. */
static struct esc_summary *load_function(struct loader *ld, const json_t *fn, json_t *names,
                                         size_t at)
{
    if (!expect(ld, NULL, fn, K_OBJECT))
        return NULL;
    json_t *name = member(ld, fn, "name", K_STRING, true);
    if (!name)
        return NULL;
    const char *text = json_string_value(name);
    if (!*text) {
        fail(ld, "name", "empty; expected a function name");
        return NULL;
    }
    json_t *earlier = json_object_get(names, text);
    if (earlier) {
        fail(ld, "name", "duplicate function '%s' (also functions[%lld])", text,
             (long long)json_integer_value(earlier));
        return NULL;
    }
    json_object_set_new(names, text, json_integer((json_int_t)at));

    json_t *params = member(ld, fn, "params", K_ARRAY, false);
    json_t *returns = member(ld, fn, "returns", K_OBJECT, false);
    if (ld->error)
        return NULL;
    /* Every index is checked to be at most ESC_MAX_TRACKED_PARAMS before
       it is used, so fill a summary of that size and shrink it once the
       largest index, listed or stored into, is known. */
    struct esc_summary *s = esc_summary_new(text, ESC_MAX_TRACKED_PARAMS);
    s->origin = esc_xstrdup(ld->file);
    json_int_t nparams = 0;
    if (!load_params(ld, params, s, &nparams) || !load_writes(ld, fn, s, &nparams)) {
        esc_summary_free(s);
        return NULL;
    }
    if (returns) {
        size_t mark = path_key(ld, "returns");
        if (!load_returns(ld, returns, s)) {
            esc_summary_free(s);
            return NULL;
        }
        path_leave(ld, mark);
    }
    s->nparams = (uint32_t)nparams;
    if (!nparams) {
        free(s->params);
        s->params = NULL;
    } else {
        s->params = esc_xrealloc(s->params, s->nparams * sizeof *s->params);
    }
    return s;
}

static bool load_schema(struct loader *ld, const json_t *root)
{
    json_t *schema = json_object_get(root, "schema");
    if (!schema)
        return fail(ld, "schema", "missing; expected \"" ESC_MODELS_SCHEMA "\"");
    if (!expect(ld, "schema", schema, K_STRING))
        return false;
    const char *text = json_string_value(schema);
    ld->version = strcmp(text, ESC_MODELS_SCHEMA) == 0      ? 2
                  : strcmp(text, ESC_MODELS_SCHEMA_V1) == 0 ? 1
                                                            : 0;
    if (ld->version)
        return true;
    static const char family[] = "gcc-escape-summary/";
    if (strncmp(text, family, sizeof family - 1) == 0)
        return fail(ld, "schema",
                    "unsupported version '%s'; this gcc-escape reads " ESC_MODELS_SCHEMA_V1
                    " and " ESC_MODELS_SCHEMA,
                    text);
    return fail(ld, "schema",
                "'%s' is not a gcc-escape summary; expected \"" ESC_MODELS_SCHEMA "\"", text);
}

/* The deallocators the file's allocators name: a function the file lists
   releases that argument (whatever else its entry says about it); one it
   does not list, and the C library table does not know, is known from
   that alone (declared.c). */
static void add_deallocators(struct loader *ld)
{
    uint32_t n = ld->n;
    for (uint32_t i = 0; i < n; i++) {
        const struct esc_return_summary *ret = &ld->loaded[i]->ret;
        if (!ret->fresh || !ret->dealloc)
            continue;
        struct esc_summary *d = NULL;
        for (uint32_t k = 0; k < ld->n && !d; k++)
            if (strcmp(ld->loaded[k]->name, ret->dealloc) == 0)
                d = ld->loaded[k];
        if (!d) {
            if (!esc_lib_lookup(ret->dealloc))
                *ESC_PUSH(ld->loaded, ld->n, ld->cap) =
                    esc_deallocator_summary(ret->dealloc, ret->dealloc_arg);
            continue;
        }
        if (d->nparams < ret->dealloc_arg) {
            d->params = esc_xrealloc(d->params, ret->dealloc_arg * sizeof *d->params);
            memset(d->params + d->nparams, 0, (ret->dealloc_arg - d->nparams) * sizeof *d->params);
            d->nparams = ret->dealloc_arg;
        }
        struct esc_param_summary *p = &d->params[ret->dealloc_arg - 1];
        if (!p->dealloc) {
            p->freed = true;
            p->dealloc = d->name;
            p->dealloc_arg = ret->dealloc_arg;
        }
    }
}

static bool load_root(struct loader *ld, const json_t *root)
{
    if (!expect(ld, NULL, root, K_OBJECT) || !load_schema(ld, root))
        return false;
    json_t *functions = member(ld, root, "functions", K_ARRAY, true);
    if (!functions)
        return false;
    json_t *names = json_object();
    size_t mark = path_key(ld, "functions");
    size_t i;
    json_t *fn;
    json_array_foreach(functions, i, fn)
    {
        size_t at_fn = path_index(ld, i);
        struct esc_summary *s = load_function(ld, fn, names, i);
        if (!s)
            break;
        *ESC_PUSH(ld->loaded, ld->n, ld->cap) = s;
        path_leave(ld, at_fn);
    }
    path_leave(ld, mark);
    json_decref(names);
    if (!ld->error)
        add_deallocators(ld);
    return !ld->error;
}

bool esc_models_load(const char *path, struct esc_summary_table *into, char **error)
{
    struct loader ld = {.file = path ? path : ""};
    size_t len = 0, nul;
    char *why = NULL;
    /* Read here rather than by jansson, so that a file that cannot be
       opened or read says why in errno's words. */
    char *text = esc_read_file(ld.file, ESC_READ_MAX, &len, &why);
    if (!text)
        fail(&ld, NULL, "%s", why);
    else if (len == 0)
        fail(&ld, NULL, "empty; expected a JSON object with \"schema\": \"" ESC_MODELS_SCHEMA "\"");
    else if ((nul = esc_first_nul(text, len)) < len)
        fail(&ld, NULL, "binary data (a NUL byte at offset %zu); expected JSON", nul);
    else {
        json_error_t jerr;
        json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
        /* jansson names its own flag: "\u0000 is not allowed without
           JSON_ALLOW_NUL near ...". */
        static const char flag[] = " without JSON_ALLOW_NUL";
        char *at = root ? NULL : strstr(jerr.text, flag);
        if (at)
            memmove(at, at + sizeof flag - 1, strlen(at + sizeof flag - 1) + 1);
        if (!root && jerr.column > 0)
            ld.error = esc_xasprintf("%s:%d:%d: JSON syntax error: %s", ld.file, jerr.line,
                                     jerr.column, jerr.text);
        else if (!root)
            ld.error = esc_xasprintf("%s:%d: JSON syntax error: %s", ld.file, jerr.line, jerr.text);
        else
            load_root(&ld, root);
        json_decref(root);
    }
    free(why);
    free(text);
    free(ld.path.text);
    if (ld.error) {
        for (uint32_t i = 0; i < ld.n; i++)
            esc_summary_free(ld.loaded[i]);
        free(ld.loaded);
        if (error)
            *error = ld.error;
        else
            free(ld.error);
        return false;
    }
    for (uint32_t i = 0; i < ld.n; i++)
        esc_summary_table_add(into, ld.loaded[i]);
    free(ld.loaded);
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool esc_models_load_dir(const char *dir, struct esc_summary_table *into,
                         void (*skipped)(void *ctx, const char *message), void *ctx, char **error)
{
    DIR *d = opendir(dir);
    if (!d) {
        *error = esc_xasprintf("%s: cannot read the directory: %s", dir, strerror(errno));
        return false;
    }
    char **names = NULL;
    uint32_t n = 0, cap = 0;
    for (struct dirent *e = readdir(d); e; e = readdir(d)) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0 && e->d_name[0] != '.')
            *ESC_PUSH(names, n, cap) = esc_xstrdup(e->d_name);
    }
    closedir(d);
    /* Name order: the last file wins for a name, as with models=, and
       the same directory gives the same result on every machine. */
    qsort(names, n, sizeof *names, compare_names);
    for (uint32_t i = 0; i < n; i++) {
        char *path = esc_xasprintf("%s/%s", dir, names[i]);
        char *message = NULL;
        struct stat st;
        /* Only regular files: a FIFO would block the build until someone
           writes to it, and a device such as a tape could be consumed. */
        if (stat(path, &st) != 0)
            message = esc_xasprintf("%s: cannot open: %s", path, strerror(errno));
        else if (!S_ISREG(st.st_mode))
            message = esc_xasprintf("%s: %s", path,
                                    S_ISDIR(st.st_mode) ? "a directory" : "not a regular file");
        if (message || !esc_models_load(path, into, &message)) {
            if (skipped)
                skipped(ctx, message);
        }
        free(message);
        free(path);
        free(names[i]);
    }
    free(names);
    return true;
}
