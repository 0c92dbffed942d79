/* link.c - gcc-escape link: what only the whole program reveals, from the objects' .gcc_escape
   records.

   Each translation unit's record (report/record.c) holds its exported
   functions' parameter summaries and its facts.  A summary parameter may
   depend on calls into other units ("calls": p reaches registry_add's
   argument 1); a fact is a stack object or an allocation whose fate
   depends on such calls ("reaches").

   1. Index: every exported function by name, each parameter a node.
   2. Fixed point: a node's effective leaks are its own plus, for each
      call into another unit it reaches, what the callee's parameter does
      (summary levels compose as in the plugin, core/summaries/crossdeps.c).  A node
      that changes queues the nodes that depend on it, so a cycle of
      calls across three files settles like recursion inside one:
      leaks only grow, over a finite set of bits.
      A node is also "harmful" for heap-to-stack when it leaks anywhere,
      may be freed, reaches code nothing is known about, or reaches a
      function no input defines.
   3. Facts: a stack object that reaches a parameter whose effective
      leaks outlive the caller (static storage, a keeping owner, a
      thread) is a warning; an allocation whose every call into another
      unit is harmless is heap-to-stack advice.

   Worked example: a.c's use_registry passes &it to registry_add; a.c's
   record has the fact "local 'it' reaches registry_add argument 1 at
   level 0".  b.c's record says registry_add's parameter 1 leaks to
   static storage at level 0.  The fixed point has nothing to do; the
   fact finds STATIC in registry_add.1's level-0 leaks: "address of
   local 'it' escapes through argument 1 of 'registry_add', which stores
   it in static storage", with a.c's path, then b.c's. */
#include "tool/link.h"
#include "tool/elfsect.h"
#include "tool/records.h"
#include "core/base/rules.h"
#include "core/base/util.h"
#include "report/diagtext.h"
#include "report/record.h"
#include "report/json.h"
#include "report/names.h"
#include "report/output.h"
#include "report/sarif.h"
#include "core/summaries/library.h"
#include "core/summaries/summary.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Sinks that outlive any caller: a stack object reaching one escapes. */
#define OUTLIVING (1u << ESC_LEAK_STATIC | 1u << ESC_LEAK_KEPT | 1u << ESC_LEAK_THREAD)

struct dep {
    const char *callee;
    uint32_t arg; /* 0-based */
    uint8_t from, to;
    uint32_t node; /* the callee parameter's node, or NONE */
};

/* How a node came by a leak: its own statement (dep < 0), or through one
   of its calls, at the callee's LEVEL. */
struct reason {
    int32_t dep;
    uint8_t level;
};

struct node {
    uint32_t function, param;
    uint8_t own[ESC_LEAK_LEVELS], eff[ESC_LEAK_LEVELS];
    bool own_harmful, harmful;
    /* The record's "dealloc": the function only releases what the
       parameter points to, as that deallocator does; NULL if not. */
    const json_t *dealloc;
    bool unknown; /* the record's "unknown" */
    struct reason why[ESC_LEAK_LEVELS][ESC_LEAK_SINK_COUNT];
    json_t *leaks; /* the record's, for the notes */
    uint32_t ndeps;
    struct dep *deps;
    uint32_t ndependents, cap_dependents;
    uint32_t *dependents;
    bool queued;
};

struct function {
    const char *name, *file;
    uint32_t line, column;
    uint32_t unit, first_node, nparams;
    const json_t *returns; /* an allocator's fresh result; NULL if not one */
};

struct unit {
    char *where; /* the file (or archive member) it was read from */
    json_t *root;
};

struct linker {
    const struct esc_link_options *opts;
    uint32_t nunits, cap_units;
    struct unit *units;
    struct esc_u64map seen_records; /* hash of a record's text -> 1: read once */
    uint32_t nfunctions, cap_functions;
    struct function *functions;
    uint32_t nnodes, cap_nodes;
    struct node *nodes;
    uint32_t *table; /* open addressing: 1 + function index, 0 empty */
    uint32_t table_size;
    bool trouble;
    unsigned duplicates;
};

#define NONE UINT32_MAX

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
    return h;
}

static void on_record(void *ctx, json_t *root, const char *text, size_t len)
{
    struct linker *l = ctx;
    /* An executable and the objects it was linked from carry the same
       records: each unit counts once. */
    uint64_t h = hash_bytes(text, len);
    if (esc_u64map_get(&l->seen_records, h))
        return;
    esc_u64map_put(&l->seen_records, h, 1);
    struct unit *u = ESC_PUSH(l->units, l->nunits, l->cap_units);
    u->where = NULL;
    u->root = json_incref(root);
    /* Names that are not UTF-8 get their bytes back, for the messages
       (as GCC prints them) and the reports (written losslessly again). */
    esc_json_restore_names(root);
}

static void on_section(void *ctx, const char *where, const char *data, size_t size)
{
    struct linker *l = ctx;
    uint32_t before = l->nunits;
    char *error = NULL;
    if (!esc_read_records(where, data, size, on_record, l, &error)) {
        fprintf(stderr, "gcc-escape: error: %s\n", error);
        l->trouble = true;
        free(error);
    }
    for (uint32_t i = before; i < l->nunits; i++)
        l->units[i].where = esc_xstrdup(where);
}

/* A damaged input (or archive member) is one error; the others are
   still read, and the exit status says something was lost. */
static void on_damage(void *ctx, const char *message)
{
    struct linker *l = ctx;
    fprintf(stderr, "gcc-escape: error: %s\n", message);
    l->trouble = true;
}

static uint32_t *slot(struct linker *l, const char *name)
{
    uint64_t h = hash_bytes(name, strlen(name));
    for (uint32_t i = (uint32_t)h & (l->table_size - 1);; i = (i + 1) & (l->table_size - 1))
        if (!l->table[i] || strcmp(l->functions[l->table[i] - 1].name, name) == 0)
            return &l->table[i];
}

static uint32_t find_function(struct linker *l, const char *name)
{
    uint32_t *s = slot(l, name);
    return *s ? *s - 1 : NONE;
}

static int sink_of(const char *name)
{
    enum esc_leak_sink sink;
    return esc_leak_sink_parse(name, &sink) ? (int)sink : -1;
}

static uint32_t json_u32(const json_t *obj, const char *key)
{
    json_int_t v = json_integer_value(json_object_get(obj, key));
    return v > 0 && v < UINT32_MAX ? (uint32_t)v : 0;
}

static void add_node(struct linker *l, uint32_t f, uint32_t index, json_t *param)
{
    struct node *n = ESC_PUSH(l->nodes, l->nnodes, l->cap_nodes);
    memset(n, 0, sizeof *n);
    n->function = f;
    n->param = index;
    n->leaks = json_object_get(param, "leaks");
    size_t i;
    json_t *v;
    json_array_foreach(n->leaks, i, v)
    {
        int k = sink_of(json_string_value(json_object_get(v, "to")));
        uint32_t level = json_u32(v, "level");
        if (k < 0 || level >= ESC_LEAK_LEVELS)
            continue;
        n->own[level] |= (uint8_t)(1u << k);
        n->why[level][k].dep = -1;
        n->own_harmful = true;
    }
    n->own_harmful |= json_is_true(json_object_get(param, "freed")) ||
                      json_is_true(json_object_get(param, "unknown"));
    n->dealloc = json_object_get(param, "dealloc");
    n->unknown = json_is_true(json_object_get(param, "unknown"));
    json_t *calls = json_object_get(param, "calls");
    n->ndeps = (uint32_t)json_array_size(calls);
    n->deps = esc_xcalloc(n->ndeps + 1, sizeof *n->deps);
    json_array_foreach(calls, i, v)
    {
        struct dep *d = &n->deps[i];
        d->callee = json_string_value(json_object_get(v, "callee"));
        d->arg = json_u32(v, "arg") ? json_u32(v, "arg") - 1 : NONE;
        d->from = json_u32(v, "from") ? 1 : 0;
        d->to = json_u32(v, "level") ? 1 : 0;
        d->node = NONE;
        if (!d->callee)
            n->own_harmful = true;
    }
    memcpy(n->eff, n->own, sizeof n->eff);
    n->harmful = n->own_harmful;
}

/* Step 1: every exported function and its parameters.  The first unit
   defining a name wins, as the linker's first definition would. */
static void index_functions(struct linker *l)
{
    uint32_t total = 0;
    for (uint32_t u = 0; u < l->nunits; u++)
        total += (uint32_t)json_array_size(json_object_get(l->units[u].root, "functions"));
    for (l->table_size = 16; l->table_size < 2 * total + 2; l->table_size *= 2)
        ;
    l->table = esc_xcalloc(l->table_size, sizeof *l->table);
    for (uint32_t u = 0; u < l->nunits; u++) {
        size_t i;
        json_t *fn;
        json_array_foreach(json_object_get(l->units[u].root, "functions"), i, fn)
        {
            const char *name = json_string_value(json_object_get(fn, "name"));
            if (!name)
                continue;
            uint32_t *s = slot(l, name);
            if (*s) {
                l->duplicates++;
                continue;
            }
            struct function *f = ESC_PUSH(l->functions, l->nfunctions, l->cap_functions);
            f->name = name;
            f->file = json_string_value(json_object_get(fn, "file"));
            f->line = json_u32(fn, "line");
            f->column = json_u32(fn, "column");
            f->unit = u;
            f->first_node = l->nnodes;
            f->returns = json_object_get(fn, "returns");
            *s = l->nfunctions;
            json_t *params = json_object_get(fn, "params");
            f->nparams = (uint32_t)json_array_size(params);
            size_t k;
            json_t *p;
            json_array_foreach(params, k, p) add_node(l, l->nfunctions - 1, (uint32_t)k, p);
        }
    }
}

static uint32_t node_of(struct linker *l, const char *callee, uint32_t arg)
{
    uint32_t f = callee ? find_function(l, callee) : NONE;
    if (f == NONE || arg >= l->functions[f].nparams)
        return NONE;
    return l->functions[f].first_node + arg;
}

static bool add_bits(struct node *n, unsigned level, uint8_t bits, int32_t dep, uint8_t at)
{
    uint8_t fresh = bits & (uint8_t)~n->eff[level];
    for (int k = 0; k < ESC_LEAK_SINK_COUNT; k++)
        if (fresh >> k & 1)
            n->why[level][k] = (struct reason){dep, at};
    n->eff[level] |= fresh;
    return fresh != 0;
}

/* Step 2's transfer function: what node N gets from its calls. */
static bool update(struct linker *l, struct node *n)
{
    bool changed = false;
    for (uint32_t i = 0; i < n->ndeps; i++) {
        const struct dep *d = &n->deps[i];
        if (d->node == NONE) {
            changed |= !n->harmful;
            n->harmful = true;
            continue;
        }
        const struct node *c = &l->nodes[d->node];
        changed |= add_bits(n, d->from, c->eff[d->to] & OUTLIVING, (int32_t)i, d->to);
        /* The pointer itself was passed on: what is stored behind it is
           one level down on both sides. */
        if (d->to == 0 && d->from == 0)
            changed |= add_bits(n, 1, c->eff[1] & OUTLIVING, (int32_t)i, 1);
        if (c->harmful && !n->harmful) {
            n->harmful = true;
            changed = true;
        }
    }
    return changed;
}

static void solve(struct linker *l)
{
    for (uint32_t v = 0; v < l->nnodes; v++)
        for (uint32_t i = 0; i < l->nodes[v].ndeps; i++) {
            struct dep *d = &l->nodes[v].deps[i];
            d->node = node_of(l, d->callee, d->arg);
            if (d->node != NONE) {
                struct node *c = &l->nodes[d->node];
                *ESC_PUSH(c->dependents, c->ndependents, c->cap_dependents) = v;
            }
        }
    uint32_t *queue = esc_xmalloc((l->nnodes + 1) * sizeof *queue);
    uint32_t head = 0, count = 0;
    for (uint32_t v = 0; v < l->nnodes; v++) {
        queue[count++] = v;
        l->nodes[v].queued = true;
    }
    /* A ring: each node is in it at most once. */
    while (count) {
        uint32_t v = queue[head];
        head = (head + 1) % (l->nnodes + 1);
        count--;
        struct node *n = &l->nodes[v];
        n->queued = false;
        if (!update(l, n))
            continue;
        for (uint32_t i = 0; i < n->ndependents; i++) {
            struct node *d = &l->nodes[n->dependents[i]];
            if (d->queued)
                continue;
            d->queued = true;
            queue[(head + count++) % (l->nnodes + 1)] = n->dependents[i];
        }
    }
    free(queue);
}

/* --- step 3: findings ------------------------------------------------- */

struct finding {
    enum esc_rule rule;
    const char *function;
    struct esc_diag diag;
    struct esc_loc loc;
    enum esc_read_verdict read; /* ranked by readers across units (below) */
};

static struct esc_loc loc_of(const json_t *obj)
{
    struct esc_loc loc = {0};
    loc.file = json_string_value(json_object_get(obj, "file"));
    loc.line = json_u32(obj, "line");
    loc.column = json_u32(obj, "column");
    return loc;
}

static void add_note(struct esc_diag *d, uint32_t *cap, enum esc_note_kind kind, struct esc_loc loc,
                     char *text)
{
    struct esc_note *note = ESC_PUSH(d->notes, d->nnotes, *cap);
    note->kind = kind;
    note->loc = loc;
    note->text = text;
}

static void record_notes(struct esc_diag *d, uint32_t *cap, const json_t *notes,
                         enum esc_note_kind kind, const char *in_function)
{
    size_t i;
    json_t *v;
    json_array_foreach(notes, i, v)
    {
        const char *text = json_string_value(json_object_get(v, "message"));
        if (!text)
            continue;
        enum esc_note_kind k = kind;
        if (kind == ESC_NOTE_FLOW && strstr(text, "declared here"))
            k = ESC_NOTE_DECLARATION;
        else if (kind == ESC_NOTE_FLOW && strncmp(text, "freed here", 10) == 0)
            k = ESC_NOTE_FREE;
        add_note(d, cap, k, loc_of(v),
                 in_function ? esc_xasprintf("in '%s': %s", in_function, text) : esc_xstrdup(text));
    }
}

/* The notes that say how node V comes to leak into SINK at LEVEL: its
   own path, or the call it passes the pointer on through, and so on into
   the next unit, at most 16 calls deep. */
static void callee_notes(struct linker *l, uint32_t v, unsigned level, int sink, struct esc_diag *d,
                         uint32_t *cap)
{
    for (unsigned depth = 0; v != NONE && depth < 16; depth++) {
        const struct node *n = &l->nodes[v];
        const struct function *f = &l->functions[n->function];
        struct reason r = n->why[level][sink];
        if (r.dep < 0) {
            size_t i;
            json_t *leak;
            json_array_foreach(n->leaks, i, leak)
            {
                if (sink_of(json_string_value(json_object_get(leak, "to"))) == sink &&
                    json_u32(leak, "level") == level) {
                    record_notes(d, cap, json_object_get(leak, "why"), ESC_NOTE_CALLEE, f->name);
                    break;
                }
            }
            return;
        }
        const struct dep *dep = &n->deps[r.dep];
        struct esc_loc loc = {.file = f->file, .line = f->line, .column = f->column};
        add_note(d, cap, ESC_NOTE_CALLEE, loc,
                 esc_xasprintf("in '%s': parameter %u is passed on to '%s' (argument %u)", f->name,
                               n->param + 1, dep->callee, dep->arg + 1));
        v = dep->node;
        level = r.level;
    }
}

static const char *escape_words(int sink)
{
    return sink == ESC_LEAK_STATIC ? "stores it in static storage" : "keeps it after returning";
}

/* An escape fact: the first call it reaches that keeps what it is given. */
static bool escape_finding(struct linker *l, const json_t *fact, struct finding *out)
{
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(fact, "reaches"), i, r)
    {
        uint32_t arg = json_u32(r, "arg");
        uint32_t v =
            node_of(l, json_string_value(json_object_get(r, "callee")), arg ? arg - 1 : NONE);
        unsigned level = json_u32(r, "level") ? 1 : 0;
        if (v == NONE || !(l->nodes[v].eff[level] & OUTLIVING))
            continue;
        uint8_t bits = l->nodes[v].eff[level];
        int sink = bits & 1u << ESC_LEAK_STATIC   ? ESC_LEAK_STATIC
                   : bits & 1u << ESC_LEAK_THREAD ? ESC_LEAK_THREAD
                                                  : ESC_LEAK_KEPT;
        const char *object = json_string_value(json_object_get(fact, "object"));
        const char *callee = json_string_value(json_object_get(fact, "callee"));
        const char *function = json_string_value(json_object_get(fact, "function"));
        memset(out, 0, sizeof *out);
        out->function = function;
        out->loc = loc_of(fact);
        if (sink == ESC_LEAK_THREAD) {
            out->rule = ESC_RULE_ESCAPE_THREAD;
            out->diag.message = esc_xasprintf(
                "address of %s is handed to a new thread by '%s' that is not joined before '%s' "
                "returns [%s]",
                object, callee, function, esc_rule_info(out->rule)->id);
        } else {
            out->rule = ESC_RULE_ESCAPE_CALL;
            out->diag.message = esc_xasprintf(
                "address of %s escapes through argument %u of '%s', which %s [%s]", object,
                json_u32(fact, "arg"), callee, escape_words(sink), esc_rule_info(out->rule)->id);
        }
        uint32_t cap = 0;
        record_notes(&out->diag, &cap, json_object_get(fact, "notes"), ESC_NOTE_FLOW, NULL);
        callee_notes(l, v, level, sink, &out->diag, &cap);
        return true;
    }
    return false;
}

/* The size of the block a call to allocator F returns, from its
   returns record and the call's constant arguments ARGS; -1 if unknown. */
static int64_t candidate_size(const struct function *f, const json_t *args)
{
    const json_t *size = json_object_get(f->returns, "size");
    if (json_is_integer(size))
        return json_integer_value(size);
    uint32_t want[2] = {json_u32(f->returns, "size_param"), json_u32(f->returns, "count_param")};
    int64_t product = 1;
    for (int k = 0; k < 2; k++) {
        if (!want[k]) {
            if (k == 0)
                return -1;
            continue;
        }
        bool found = false;
        size_t i;
        json_t *a;
        json_array_foreach(args, i, a)
        {
            if (json_u32(a, "arg") != want[k] || !json_is_integer(json_object_get(a, "value")))
                continue;
            json_int_t v = json_integer_value(json_object_get(a, "value"));
            if (v < 0 || __builtin_mul_overflow(product, (int64_t)v, &product))
                return -1;
            found = true;
        }
        if (!found)
            return -1;
    }
    return product;
}

/* A note for each call into other units that HEAP fact reaches and that
   neither keeps nor frees it (not the release calls in MASK). */
static void harmless_notes(struct linker *l, const json_t *fact, uint32_t mask, struct esc_diag *d,
                           uint32_t *cap)
{
    const json_t *rel = json_object_get(fact, "releases");
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(fact, "reaches"), i, r)
    {
        uint32_t arg = json_u32(r, "arg");
        const char *callee = json_string_value(json_object_get(r, "callee"));
        bool released = false;
        size_t k;
        json_t *x;
        json_array_foreach(rel, k, x)
        {
            const char *rc = json_string_value(json_object_get(x, "callee"));
            released |= k < 31 && mask >> k & 1 && !json_u32(r, "level") && rc && callee &&
                        strcmp(rc, callee) == 0 && json_u32(x, "arg") == arg;
        }
        uint32_t f = callee ? find_function(l, callee) : NONE;
        if (released || f == NONE)
            continue;
        struct esc_loc loc = {.file = l->functions[f].file,
                              .line = l->functions[f].line,
                              .column = l->functions[f].column};
        add_note(d, cap, ESC_NOTE_CALLEE, loc,
                 esc_xasprintf("'%s' neither keeps nor frees argument %u", callee, arg));
    }
}

/* Does deallocator record D, {"name", "param"}, name NAME's argument ARG? */
static bool is_dealloc(const json_t *d, const char *name, uint32_t arg)
{
    const char *n = json_string_value(json_object_get(d, "name"));
    uint32_t a = json_u32(d, "param") ? json_u32(d, "param") : 1;
    return n && strcmp(n, name) == 0 && a == arg;
}

/* Does the call to CALLEE's argument ARG (1-based, node V) release a block
   that deallocator NAME's argument DARG releases: the deallocator itself,
   or a function whose record says it only deallocates that way? */
static bool releases(struct linker *l, uint32_t v, const char *callee, uint32_t arg,
                     const char *name, uint32_t darg)
{
    /* The deallocator by name: what its declaration or model names it,
       whether or not an input defines it, unless that body shows it
       keeps the block or passes it to unknown code. */
    if (strcmp(callee, name) == 0 && arg == darg)
        return v == NONE || (!l->nodes[v].ndeps && !l->nodes[v].own[0] && !l->nodes[v].own[1] &&
                             !l->nodes[v].unknown);
    return v != NONE && l->nodes[v].dealloc && is_dealloc(l->nodes[v].dealloc, name, darg);
}

/* A heap fact about the block a call into another unit returns: advice
   when that function is an allocator that keeps none of it, the size the
   call passes is under the unit's limit, every free of the unit is that
   allocator's deallocator, and every call into other units it reaches is
   harmless or that deallocator; the subset of those that deallocate picks
   the lifetime. */
static bool candidate_finding(struct linker *l, const json_t *fact, struct finding *out)
{
    const json_t *alloc = json_object_get(fact, "allocator");
    const char *name = json_string_value(json_object_get(alloc, "callee"));
    uint32_t fi = name ? find_function(l, name) : NONE;
    if (fi == NONE)
        return false;
    const struct function *f = &l->functions[fi];
    if (!f->returns || !json_is_true(json_object_get(f->returns, "fresh")) ||
        json_is_true(json_object_get(f->returns, "shared")))
        return false;
    int64_t size = candidate_size(f, json_object_get(alloc, "args"));
    json_int_t limit = json_integer_value(json_object_get(alloc, "heap_max"));
    if (size <= 0 || size > limit)
        return false;
    const json_t *family = json_object_get(f->returns, "deallocator");
    const char *dname = json_string_value(json_object_get(family, "name"));
    uint32_t darg = json_u32(family, "param") ? json_u32(family, "param") : 1;
    if (!dname)
        dname = "free";
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(fact, "frees"), i, v)
    {
        if (!json_is_object(v) || !is_dealloc(v, dname, darg))
            return false;
    }
    const json_t *rel = json_object_get(fact, "releases");
    uint32_t mask = 0;
    json_array_foreach(json_object_get(fact, "reaches"), i, v)
    {
        const char *callee = json_string_value(json_object_get(v, "callee"));
        uint32_t arg = json_u32(v, "arg");
        uint32_t node = node_of(l, callee, arg ? arg - 1 : NONE);
        size_t k;
        json_t *r;
        bool released = false;
        json_array_foreach(rel, k, r)
        {
            const char *rc = json_string_value(json_object_get(r, "callee"));
            if (k < 31 && !json_u32(v, "level") && rc && callee && strcmp(rc, callee) == 0 &&
                json_u32(r, "arg") == arg && releases(l, node, callee, arg, dname, darg)) {
                mask |= 1u << k;
                released = true;
            }
        }
        if (!released && (node == NONE || l->nodes[node].harmful))
            return false;
    }
    const json_t *lifetime = json_array_get(json_object_get(fact, "lifetimes"), mask);
    const char *words = json_string_value(lifetime);
    if (!words)
        return false;
    enum esc_heap_lifetime lt = strcmp(words, "never-freed") == 0 ? ESC_HEAP_NEVER_FREED
                                : strcmp(words, "freed-each-iteration") == 0
                                    ? ESC_HEAP_FREED_EACH_ITERATION
                                    : ESC_HEAP_FREED;
    memset(out, 0, sizeof *out);
    out->rule = ESC_RULE_HEAP_TO_STACK;
    out->function = json_string_value(json_object_get(fact, "function"));
    out->loc = loc_of(fact);
    out->diag.message = esc_heap_advice_text(size, name, out->function ? out->function : "?", lt);
    uint32_t cap = 0;
    record_notes(&out->diag, &cap, json_object_get(fact, "notes"), ESC_NOTE_FLOW, NULL);
    json_t *r;
    json_array_foreach(rel, i, r)
    {
        if (i < 31 && mask >> i & 1)
            add_note(&out->diag, &cap, ESC_NOTE_FREE, loc_of(r),
                     esc_heap_free_text(json_string_value(json_object_get(r, "callee"))));
    }
    struct esc_loc at = {.file = f->file, .line = f->line, .column = f->column};
    add_note(&out->diag, &cap, ESC_NOTE_CALLEE, at,
             esc_xasprintf("'%s' returns fresh heap memory and keeps no pointer to it", name));
    harmless_notes(l, fact, mask, &out->diag, &cap);
    return true;
}

/* A heap fact: advice when every call it reaches is known and harmless. */
static bool heap_finding(struct linker *l, const json_t *fact, struct finding *out)
{
    if (json_object_get(fact, "allocator"))
        return candidate_finding(l, fact, out);
    json_t *reaches = json_object_get(fact, "reaches");
    if (!json_array_size(reaches))
        return false;
    size_t i;
    json_t *r;
    json_array_foreach(reaches, i, r)
    {
        uint32_t arg = json_u32(r, "arg");
        uint32_t v =
            node_of(l, json_string_value(json_object_get(r, "callee")), arg ? arg - 1 : NONE);
        if (v == NONE || l->nodes[v].harmful)
            return false;
    }
    memset(out, 0, sizeof *out);
    out->rule = ESC_RULE_HEAP_TO_STACK;
    out->function = json_string_value(json_object_get(fact, "function"));
    out->loc = loc_of(fact);
    const char *message = json_string_value(json_object_get(fact, "message"));
    out->diag.message = esc_xstrdup(message ? message : "heap allocation could be a stack array");
    uint32_t cap = 0;
    record_notes(&out->diag, &cap, json_object_get(fact, "notes"), ESC_NOTE_FLOW, NULL);
    harmless_notes(l, fact, 0, &out->diag, &cap);
    return true;
}

/* --- ranking by readers across units ------------------------------------ */

/* Each unit lists the findings whose place is a static of external
   linkage ("stale": only other units can read it, or define main's
   at-exit handlers), its loads of such statics that may meet a stale
   address ("reads", each from a function that can run after another
   returned), and its at-exit handlers by name (core/analysis/readers.c).
   With every unit's record at hand, a finding is read again when some
   unit loads overlapping bytes of the same static (for main, from an
   at-exit handler), and never read otherwise.  Without every unit (an
   object without a section, a unit whose reads overflowed) nothing is
   ranked: the units' own verdicts, "may be read", stand.

   The caller's memory of a function other units can call is ranked the
   same way: its "stale" entry names the function ("callers"), and each
   unit lists what it may read after calling other units' functions
   ("calls_out"); a unit without that list leaves those unranked. */

static bool whole_program(const struct linker *l, const struct esc_section_scan *scan)
{
    if (scan->without)
        return false;
    for (uint32_t u = 0; u < l->nunits; u++)
        if (json_is_true(json_object_get(l->units[u].root, "reads_overflow")))
            return false;
    return true;
}

static bool bytes_overlap(const json_t *a, const json_t *b)
{
    const json_t *ao = json_object_get(a, "offset"), *bo = json_object_get(b, "offset");
    if (!json_is_integer(ao) || !json_is_integer(bo))
        return true;
    json_int_t aoff = json_integer_value(ao), boff = json_integer_value(bo);
    json_int_t asize = json_integer_value(json_object_get(a, "size"));
    json_int_t bsize = json_integer_value(json_object_get(b, "size"));
    return boff < aoff + asize && aoff < boff + bsize;
}

static bool is_handler(const struct linker *l, const char *name)
{
    for (uint32_t u = 0; u < l->nunits; u++) {
        size_t i;
        json_t *h;
        json_array_foreach(json_object_get(l->units[u].root, "at_exit"), i, h)
        {
            const char *s = json_string_value(h);
            if (s && strcmp(s, name) == 0)
                return true;
        }
    }
    return false;
}

/* The first load in any unit that may read what STALE leaves. */
static const json_t *find_reader(const struct linker *l, const json_t *stale, bool from_main)
{
    const char *name = json_string_value(json_object_get(stale, "static"));
    for (uint32_t u = 0; name && u < l->nunits; u++) {
        size_t i;
        json_t *r;
        json_array_foreach(json_object_get(l->units[u].root, "reads"), i, r)
        {
            const char *st = json_string_value(json_object_get(r, "static"));
            const char *entry = json_string_value(json_object_get(r, "entry"));
            if (!st || strcmp(st, name) != 0 || !bytes_overlap(stale, r))
                continue;
            if (from_main && (!entry || !is_handler(l, entry)))
                continue;
            return r;
        }
    }
    return NULL;
}

/* The caller's memory across units: does every unit list itself as a
   caller (calls_out)?  Older records and units past the limits do not. */
static bool callers_listed(const struct linker *l)
{
    for (uint32_t u = 0; u < l->nunits; u++)
        if (!json_is_object(json_object_get(l->units[u].root, "calls_out")))
            return false;
    return true;
}

static bool lists_name(const json_t *list, const char *name)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v)
    {
        const char *s = json_string_value(v);
        if (s && strcmp(s, name) == 0)
            return true;
    }
    return false;
}

/* The first read after a call in any unit that may meet what the
   question Q ({"function", "param", bytes}) leaves; or why the callers
   are unknown, in *WHY (owned). */
static const json_t *find_call_reader(const struct linker *l, const json_t *q, char **why)
{
    const char *name = json_string_value(json_object_get(q, "function"));
    uint32_t param = json_u32(q, "param");
    bool called = json_is_true(json_object_get(q, "called"));
    if (name && esc_lib_lookup(name)) {
        /* Units do not list their calls of the C library's names. */
        *why = esc_xasprintf("may be read again by a caller of '%s': calls of the C library's "
                             "names are not followed",
                             name);
        return NULL;
    }
    for (uint32_t u = 0; name && u < l->nunits; u++) {
        const json_t *out = json_object_get(l->units[u].root, "calls_out");
        if (lists_name(json_object_get(out, "taken"), name)) {
            const char *source = json_string_value(json_object_get(l->units[u].root, "source"));
            const char *in = source ? source : l->units[u].where;
            const char *base = strrchr(in, '/');
            *why = esc_xasprintf("may be read again by a caller of '%s': its address is used in %s",
                                 name, base ? base + 1 : in);
            return NULL;
        }
        called |= lists_name(json_object_get(out, "callees"), name);
        size_t i;
        json_t *r;
        json_array_foreach(json_object_get(out, "reads"), i, r)
        {
            const char *callee = json_string_value(json_object_get(r, "callee"));
            if (callee && strcmp(callee, name) == 0 && json_u32(r, "arg") == param &&
                bytes_overlap(q, r))
                return r;
        }
    }
    if (!name || !called)
        *why = esc_xasprintf("may be read again by a caller of '%s': no unit of the program "
                             "calls it",
                             name ? name : "?");
    return NULL;
}

/* The reader note for a read READER lists ("function", where, "taken",
   "unsure"). */
static char *reader_text(const json_t *reader)
{
    struct esc_loc at = loc_of(reader);
    const char *who = json_string_value(json_object_get(reader, "function"));
    const char *unsure = json_string_value(json_object_get(reader, "unsure"));
    const char *base = at.file ? strrchr(at.file, '/') : NULL;
    base = base ? base + 1 : at.file ? at.file : "?";
    who = who ? who : "?";
    if (unsure)
        return esc_xasprintf("may be read again by a caller of '%s' (%s:%u): %s", who, base,
                             at.line, unsure);
    if (json_is_true(json_object_get(reader, "taken")))
        return esc_xasprintf("may be read again through '%s' (%s:%u), where its address is used "
                             "before a write",
                             who, base, at.line);
    return esc_xasprintf("read again by '%s' (%s:%u) without a write before it", who, base,
                         at.line);
}

/* A finding in the caller's memory of functions other units can call
   (STALE's "callers"): read again when some caller in another unit may
   read those bytes after the call, or when the callers are unknown. */
static void rank_callers(const struct linker *l, const json_t *stale, struct finding *out,
                         uint32_t *cap)
{
    size_t i;
    json_t *q;
    const char *last = "?";
    json_array_foreach(json_object_get(stale, "callers"), i, q)
    {
        char *why = NULL;
        const json_t *reader = find_call_reader(l, q, &why);
        if (reader || why) {
            out->read = ESC_READ_MAY;
            add_note(&out->diag, cap, ESC_NOTE_READER, reader ? loc_of(reader) : out->loc,
                     reader ? reader_text(reader) : why);
            return;
        }
        const char *name = json_string_value(json_object_get(q, "function"));
        last = name ? name : last;
    }
    out->read = ESC_READ_NEVER;
    add_note(&out->diag, cap, ESC_NOTE_READER, out->loc,
             esc_xasprintf("nothing reads it again: every caller of '%s' in the program discards "
                           "or overwrites it without reading it",
                           last));
}

static bool stale_finding(const struct linker *l, const json_t *stale, bool callers,
                          struct finding *out)
{
    const char *rule = json_string_value(json_object_get(stale, "rule"));
    const char *message = json_string_value(json_object_get(stale, "message"));
    const char *function = json_string_value(json_object_get(stale, "function"));
    const char *name = json_string_value(json_object_get(stale, "static"));
    bool in_caller = json_array_size(json_object_get(stale, "callers")) > 0;
    int r = rule ? esc_rule_from_id(rule) : -1;
    if (r < 0 || !message || !function || !(name || (in_caller && callers)))
        return false;
    memset(out, 0, sizeof *out);
    out->rule = (enum esc_rule)r;
    out->function = function;
    out->loc = loc_of(stale);
    out->diag.message = esc_xstrdup(message);
    uint32_t cap = 0;
    record_notes(&out->diag, &cap, json_object_get(stale, "notes"), ESC_NOTE_FLOW, NULL);
    if (!name) {
        rank_callers(l, stale, out, &cap);
        return true;
    }
    bool from_main = strcmp(function, "main") == 0;
    const json_t *reader = find_reader(l, stale, from_main);
    if (reader) {
        out->read = ESC_READ_MAY;
        add_note(&out->diag, &cap, ESC_NOTE_READER, loc_of(reader), reader_text(reader));
    } else {
        out->read = ESC_READ_NEVER;
        add_note(&out->diag, &cap, ESC_NOTE_READER, out->loc,
                 from_main ? esc_xasprintf("nothing reads it again: 'main' leaves it in '%s' "
                                           "until exit, and no at-exit handler of the program "
                                           "reads it",
                                           name)
                           : esc_xasprintf("nothing reads it again: no unit of the program reads "
                                           "'%s' before writing it",
                                           name));
    }
    return true;
}

static void print_loc(struct esc_loc loc)
{
    if (loc.file && loc.line && loc.column)
        fprintf(stderr, "%s:%u:%u: ", loc.file, loc.line, loc.column);
    else if (loc.file && loc.line)
        fprintf(stderr, "%s:%u: ", loc.file, loc.line);
    else
        fputs("gcc-escape: ", stderr);
}

static void print_finding(const struct finding *f)
{
    print_loc(f->loc);
    fprintf(stderr, "warning: %s\n", f->diag.message);
    for (uint32_t i = 0; i < f->diag.nnotes; i++) {
        print_loc(f->diag.notes[i].loc);
        fprintf(stderr, "note: %s\n", f->diag.notes[i].text);
    }
}

/* --- reports ------------------------------------------------------------ */

static json_t *loc_json(struct esc_loc loc, const char *message)
{
    json_t *o = json_object();
    esc_json_set_loc(o, loc);
    if (message)
        json_object_set_new(o, "message", json_string(message));
    return o;
}

static json_t *link_json(struct linker *l, const struct finding *fs, uint32_t n,
                         const struct esc_section_scan *scan)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string("gcc-escape-link/1"));
    json_t *gen = json_object();
    json_object_set_new(gen, "name", json_string("gcc-escape"));
    json_object_set_new(gen, "version", json_string(l->opts->version));
    json_object_set_new(root, "generator", gen);
    json_t *units = json_array();
    for (uint32_t u = 0; u < l->nunits; u++) {
        json_t *unit = json_object();
        esc_json_set_name(unit, "file", l->units[u].where);
        const char *source = json_string_value(json_object_get(l->units[u].root, "source"));
        if (source)
            esc_json_set_name(unit, "source", source);
        json_array_append_new(units, unit);
    }
    json_object_set_new(root, "units", units);
    json_object_set_new(root, "objects_without_section", json_integer(scan->without));
    json_object_set_new(root, "functions", json_integer(l->nfunctions));
    json_t *unresolved = json_array();
    struct esc_u64map listed = {0};
    for (uint32_t v = 0; v < l->nnodes; v++)
        for (uint32_t i = 0; i < l->nodes[v].ndeps; i++) {
            const struct dep *d = &l->nodes[v].deps[i];
            uint64_t h = d->callee ? hash_bytes(d->callee, strlen(d->callee)) : 0;
            if (d->node != NONE || !d->callee || esc_u64map_get(&listed, h))
                continue;
            esc_u64map_put(&listed, h, 1);
            json_array_append_new(unresolved, json_string(d->callee));
        }
    esc_u64map_free(&listed);
    json_object_set_new(root, "unresolved", unresolved);
    json_t *diags = json_array();
    for (uint32_t i = 0; i < n; i++) {
        json_t *d = loc_json(fs[i].loc, NULL);
        json_object_set_new(d, "rule", json_string(esc_rule_info(fs[i].rule)->id));
        json_object_set_new(d, "function", json_string(fs[i].function ? fs[i].function : ""));
        json_object_set_new(d, "message", json_string(fs[i].diag.message));
        json_t *notes = json_array();
        for (uint32_t k = 0; k < fs[i].diag.nnotes; k++)
            json_array_append_new(notes,
                                  loc_json(fs[i].diag.notes[k].loc, fs[i].diag.notes[k].text));
        json_object_set_new(d, "notes", notes);
        const char *read = esc_read_verdict_id(fs[i].read);
        if (read)
            json_object_set_new(d, "read", json_string(read));
        json_array_append_new(diags, d);
    }
    json_object_set_new(root, "diagnostics", diags);
    return root;
}

static bool write_report(const char *path, char *text)
{
    char *error = NULL;
    bool ok = text && esc_write_file(path, text, strlen(text), &error);
    if (!ok)
        fprintf(stderr, "gcc-escape: error: %s\n", error ? error : "out of memory");
    free(error);
    free(text);
    return ok;
}

static void write_reports(struct linker *l, const struct finding *fs, uint32_t n,
                          const struct esc_section_scan *scan)
{
    char *cwd = getcwd(NULL, 0);
    struct esc_report_info info = {.version = l->opts->version, .source_root = cwd};
    if (l->opts->json_file &&
        !write_report(l->opts->json_file, esc_json_finish(link_json(l, fs, n, scan))))
        l->trouble = true;
    if (l->opts->sarif_file) {
        struct esc_sarif_log *log = esc_sarif_begin(&info);
        /* How many earlier findings had the same function and message:
           counted by key, not by looking back over them all (80,000
           findings took 26 s that way). */
        json_t *seen = json_object();
        for (uint32_t i = 0; i < n; i++) {
            uint64_t occurrence = 0;
            if (fs[i].function) {
                char *key = esc_xasprintf("%s\x1f%s", fs[i].function, fs[i].diag.message);
                json_t *count = json_object_get(seen, key);
                occurrence = count ? (uint64_t)json_integer_value(count) : 0;
                json_object_set_new_nocheck(seen, key, json_integer((json_int_t)occurrence + 1));
                free(key);
            }
            struct esc_sarif_result r = {.rule = fs[i].rule,
                                         .function = fs[i].function ? fs[i].function : "",
                                         .loc = fs[i].loc,
                                         .suppressed = ESC_SHOWN,
                                         .occurrence = occurrence,
                                         .read = fs[i].read};
            esc_sarif_add(log, &r, &fs[i].diag);
        }
        json_decref(seen);
        if (!write_report(l->opts->sarif_file, esc_sarif_end(log)))
            l->trouble = true;
    }
    free(cwd);
}

int esc_link(const struct esc_link_options *opts, char **inputs, int ninputs)
{
    struct linker l = {.opts = opts};
    struct esc_section_scan scan = {
        .name = ESC_EMBED_SECTION, .found = on_section, .damaged = on_damage, .ctx = &l};
    for (int i = 0; i < ninputs; i++)
        esc_read_sections(&scan, inputs[i]);
    if (scan.without)
        fprintf(stderr,
                "gcc-escape: note: %u of %u object files have no %s section (compiled without "
                "-fplugin-arg-escape-embed); calls into them stay unresolved\n",
                scan.without, scan.files, ESC_EMBED_SECTION);
    if (l.duplicates && opts->verbose)
        fprintf(stderr,
                "gcc-escape: note: %u functions are defined in more than one unit; the "
                "first definition read is used\n",
                l.duplicates);
    index_functions(&l);
    solve(&l);

    uint32_t n = 0, cap = 0;
    struct finding *fs = NULL;
    for (uint32_t u = 0; u < l.nunits; u++) {
        size_t i;
        json_t *fact;
        json_array_foreach(json_object_get(l.units[u].root, "facts"), i, fact)
        {
            const char *kind = json_string_value(json_object_get(fact, "kind"));
            struct finding f;
            bool found = kind && strcmp(kind, "heap") == 0 ? heap_finding(&l, fact, &f)
                                                           : escape_finding(&l, fact, &f);
            if (found)
                *ESC_PUSH(fs, n, cap) = f;
        }
    }
    bool ranked = whole_program(&l, &scan);
    bool callers = ranked && callers_listed(&l);
    for (uint32_t u = 0; ranked && u < l.nunits; u++) {
        size_t i;
        json_t *stale;
        json_array_foreach(json_object_get(l.units[u].root, "stale"), i, stale)
        {
            struct finding f;
            if (stale_finding(&l, stale, callers, &f))
                *ESC_PUSH(fs, n, cap) = f;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        if (fs[i].read != ESC_READ_NEVER || opts->level >= 2)
            print_finding(&fs[i]);
    if (opts->verbose) {
        for (uint32_t v = 0; v < l.nnodes; v++)
            for (uint32_t i = 0; i < l.nodes[v].ndeps; i++)
                if (l.nodes[v].deps[i].node == NONE && l.nodes[v].deps[i].callee)
                    fprintf(stderr, "gcc-escape: note: '%s' calls '%s', which no input defines\n",
                            l.functions[l.nodes[v].function].name, l.nodes[v].deps[i].callee);
        fprintf(stderr, "gcc-escape: note: %u units, %u functions, %u findings\n", l.nunits,
                l.nfunctions, n);
    }
    write_reports(&l, fs, n, &scan);

    for (uint32_t i = 0; i < n; i++)
        esc_diag_free(&fs[i].diag);
    free(fs);
    for (uint32_t v = 0; v < l.nnodes; v++) {
        free(l.nodes[v].deps);
        free(l.nodes[v].dependents);
    }
    free(l.nodes);
    free(l.functions);
    free(l.table);
    for (uint32_t u = 0; u < l.nunits; u++) {
        free(l.units[u].where);
        json_decref(l.units[u].root);
    }
    free(l.units);
    esc_u64map_free(&l.seen_records);
    return l.trouble ? 2 : 0;
}
