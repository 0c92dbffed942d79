/* ir.c - building, querying and dumping the core IR. */
#include "core/ir/ir.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* Interned strings: names and file names repeat across thousands of
   statements, so each is stored once and compared by pointer. */
struct esc_intern {
    uint32_t count, cap; /* cap is a power of two */
    char **slots;
};

static uint32_t hash_string(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

const char *esc_intern(struct esc_module *m, const char *s)
{
    if (!s)
        return NULL;
    struct esc_intern *t = m->strings;
    if (2 * (t->count + 1) > t->cap) {
        uint32_t ncap = t->cap ? 2 * t->cap : 256;
        char **nslots = esc_xcalloc(ncap, sizeof *nslots);
        for (uint32_t i = 0; i < t->cap; i++) {
            if (!t->slots[i])
                continue;
            uint32_t j = hash_string(t->slots[i]) & (ncap - 1);
            while (nslots[j])
                j = (j + 1) & (ncap - 1);
            nslots[j] = t->slots[i];
        }
        free(t->slots);
        t->slots = nslots;
        t->cap = ncap;
    }
    uint32_t j = hash_string(s) & (t->cap - 1);
    while (t->slots[j]) {
        if (strcmp(t->slots[j], s) == 0)
            return t->slots[j];
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j] = esc_xstrdup(s);
    t->count++;
    return t->slots[j];
}

/* A location's file name comes from GCC's line maps, which keep it for
   the whole compilation (a unit test's is a literal), so the same pointer
   is the same name: statement after statement of one file, one pointer
   comparison replaces hashing the path.  sqlite3.c: 40 M instructions. */
static const char *intern_file(struct esc_module *m, const char *file)
{
    if (file && file == m->last_file)
        return m->last_file_interned;
    const char *interned = esc_intern(m, file);
    m->last_file = file;
    m->last_file_interned = interned;
    return interned;
}

struct esc_module *esc_module_new(const char *main_file)
{
    struct esc_module *m = esc_xcalloc(1, sizeof *m);
    m->strings = esc_xcalloc(1, sizeof *m->strings);
    m->pointer_size = sizeof(void *);
    m->main_file = esc_intern(m, main_file ? main_file : "");
    return m;
}

/* The per-statement, per-block and per-ref arrays are in the arena, and
   once sealed all but the objects. */
static void free_function(struct esc_function *fn)
{
    if (!fn->sealed) {
        free(fn->refs);
        free(fn->param_ranges);
        free(fn->arg_sources);
        free(fn->probes);
        free(fn->params);
        free(fn->values);
        free(fn->stmts);
        free(fn->blocks);
    }
    free(fn->objects);
    free(fn);
}

#define MOVE_TO_ARENA(m, fn, items, n, cap)                                                        \
    do {                                                                                           \
        void *copy =                                                                               \
            esc_arena_copy(&(m)->arena, (fn)->items, (size_t)(fn)->n * sizeof *(fn)->items);       \
        free((fn)->items);                                                                         \
        (fn)->items = copy;                                                                        \
        (fn)->cap = (fn)->n;                                                                       \
    } while (0)

void esc_function_seal(struct esc_module *m, struct esc_function *fn)
{
    if (fn->sealed)
        return;
    MOVE_TO_ARENA(m, fn, refs, nrefs, cap_refs);
    MOVE_TO_ARENA(m, fn, param_ranges, nparam_ranges, cap_param_ranges);
    MOVE_TO_ARENA(m, fn, arg_sources, narg_sources, cap_arg_sources);
    MOVE_TO_ARENA(m, fn, probes, nprobes, cap_probes);
    MOVE_TO_ARENA(m, fn, params, nparams, cap_params);
    MOVE_TO_ARENA(m, fn, values, nvalues, cap_values);
    MOVE_TO_ARENA(m, fn, stmts, nstmts, cap_stmts);
    MOVE_TO_ARENA(m, fn, blocks, nblocks, cap_blocks);
    fn->sealed = true;
}

void esc_module_free(struct esc_module *m)
{
    if (!m)
        return;
    for (uint32_t i = 0; i < m->nfunctions; i++)
        free_function(m->functions[i]);
    free(m->functions);
    free(m->decl_allocs);
    free(m->addressed);
    for (uint32_t i = 0; i < m->strings->cap; i++)
        free(m->strings->slots[i]);
    free(m->strings->slots);
    free(m->strings);
    esc_arena_free(&m->arena);
    free(m);
}

void esc_add_decl_alloc(struct esc_module *m, const struct esc_decl_alloc *decl)
{
    for (uint32_t i = 0; i < m->ndecl_allocs; i++)
        if (strcmp(m->decl_allocs[i].name, decl->name) == 0)
            return;
    struct esc_decl_alloc *d = ESC_PUSH(m->decl_allocs, m->ndecl_allocs, m->cap_decl_allocs);
    *d = *decl;
    d->name = esc_intern(m, decl->name);
    d->dealloc = decl->dealloc ? esc_intern(m, decl->dealloc) : NULL;
}

void esc_add_addressed(struct esc_module *m, const char *name)
{
    *ESC_PUSH(m->addressed, m->naddressed, m->cap_addressed) = esc_intern(m, name);
}

struct esc_function *esc_function_new(struct esc_module *m, const char *name, struct esc_loc loc)
{
    struct esc_function *fn = esc_xcalloc(1, sizeof *fn);
    fn->name = esc_intern(m, name);
    fn->loc = loc;
    fn->loc.file = intern_file(m, loc.file);
    fn->entry = ESC_NONE;
    fn->arena = &m->arena;
    *ESC_PUSH(m->functions, m->nfunctions, m->cap_functions) = fn;
    fn->return_object = esc_add_object(m, fn, ESC_OBJ_RETURN, NULL, loc);
    fn->unknown_object = esc_add_object(m, fn, ESC_OBJ_UNKNOWN, NULL, loc);
    return fn;
}

uint32_t esc_add_object(struct esc_module *m, struct esc_function *fn, enum esc_object_kind kind,
                        const char *name, struct esc_loc loc)
{
    uint32_t id = fn->nobjects;
    struct esc_object *o = ESC_PUSH(fn->objects, fn->nobjects, fn->cap_objects);
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->name = esc_intern(m, name);
    o->loc = loc;
    o->loc.file = intern_file(m, loc.file);
    o->param = -1;
    o->companion = ESC_NONE;
    o->stmt = ESC_NONE;
    /* A static's contents point to memory that is itself reachable from
       static storage; the companion object stands for all of it. */
    if (kind == ESC_OBJ_STATIC) {
        uint32_t reach = esc_add_object(m, fn, ESC_OBJ_STATIC_REACH, name, loc);
        fn->objects[id].companion = reach;
        fn->objects[reach].companion = id;
    }
    return id;
}

uint32_t esc_add_param(struct esc_module *m, struct esc_function *fn, const char *name,
                       struct esc_loc loc, bool is_pointer)
{
    uint32_t index = fn->nparams;
    struct esc_param *p = ESC_PUSH(fn->params, fn->nparams, fn->cap_params);
    memset(p, 0, sizeof *p); /* the adapter sets noescape and value_bits later, if at all */
    p->name = esc_intern(m, name);
    p->loc = loc;
    p->loc.file = intern_file(m, loc.file);
    p->is_pointer = is_pointer;
    p->noescape = false; /* the plugin sets it from the declaration */
    p->value = ESC_NONE;
    p->object = ESC_NONE;
    p->caller = esc_add_object(m, fn, ESC_OBJ_CALLER, name, loc);
    p->deep = esc_add_object(m, fn, ESC_OBJ_CALLER, name, loc);
    p->deeper = esc_add_object(m, fn, ESC_OBJ_CALLER, name, loc);
    fn->objects[p->caller].param = (int32_t)index;
    fn->objects[p->caller].companion = p->deep;
    fn->objects[p->deep].param = (int32_t)index;
    fn->objects[p->deep].flags |= ESC_OBJF_DEEP;
    fn->objects[p->deep].companion = p->deeper;
    fn->objects[p->deeper].param = (int32_t)index;
    fn->objects[p->deeper].flags |= ESC_OBJF_DEEP | ESC_OBJF_DEEPER;
    return index;
}

uint32_t esc_add_value(struct esc_module *m, struct esc_function *fn, const char *name,
                       uint32_t version)
{
    uint32_t id = fn->nvalues;
    struct esc_value *v = ESC_PUSH(fn->values, fn->nvalues, fn->cap_values);
    v->name = esc_intern(m, name);
    v->version = version;
    v->param = -1;
    v->def = ESC_NONE;
    return id;
}

uint32_t esc_add_block(struct esc_function *fn)
{
    uint32_t id = fn->nblocks;
    struct esc_block *b = ESC_PUSH(fn->blocks, fn->nblocks, fn->cap_blocks);
    memset(b, 0, sizeof *b);
    if (fn->entry == ESC_NONE)
        fn->entry = id;
    return id;
}

/* ESC_PUSH for a block's lists, in the arena: a list that grows leaves
   its old copy behind, at most as much again as the lists themselves. */
static uint32_t *arena_push(struct esc_arena *a, uint32_t **items, uint32_t *n, uint32_t *cap)
{
    if (*n == *cap) {
        uint32_t ncap = *cap ? 2 * *cap : 4;
        uint32_t *grown = esc_arena_alloc(a, ncap * sizeof *grown);
        if (*n)
            memcpy(grown, *items, *n * sizeof *grown);
        *items = grown;
        *cap = ncap;
    }
    return &(*items)[(*n)++];
}

uint32_t esc_add_ref(struct esc_function *fn, const uint32_t *values, uint32_t nvalues)
{
    struct esc_ref *r = ESC_PUSH(fn->refs, fn->nrefs, fn->cap_refs);
    r->nvalues = nvalues;
    r->values = esc_arena_copy(fn->arena, values, nvalues * sizeof *r->values);
    return fn->nrefs;
}

void esc_add_edge(struct esc_function *fn, uint32_t from, uint32_t to)
{
    struct esc_block *b = &fn->blocks[from];
    *arena_push(fn->arena, &b->succ, &b->nsucc, &b->cap_succ) = to;
}

void esc_add_param_range(struct esc_function *fn, uint32_t from, uint32_t to, uint32_t term,
                         uint32_t param, int64_t lo, int64_t hi)
{
    *ESC_PUSH(fn->param_ranges, fn->nparam_ranges, fn->cap_param_ranges) =
        (struct esc_param_range){from, to, term, param, lo, hi};
}

void esc_add_probe(struct esc_module *m, struct esc_function *fn, const struct esc_probe *probe)
{
    struct esc_probe *p = ESC_PUSH(fn->probes, fn->nprobes, fn->cap_probes);
    *p = *probe;
    p->text = probe->text ? esc_intern(m, probe->text) : NULL;
    p->loc.file = intern_file(m, probe->loc.file);
}

void esc_add_arg_source(struct esc_function *fn, const struct esc_arg_source *source)
{
    *ESC_PUSH(fn->arg_sources, fn->narg_sources, fn->cap_arg_sources) = *source;
}

static void intern_operand(struct esc_module *m, struct esc_operand *op)
{
    op->text = esc_intern(m, op->text);
}

uint32_t esc_add_stmt(struct esc_module *m, struct esc_function *fn, uint32_t block,
                      const struct esc_stmt *proto)
{
    uint32_t id = fn->nstmts;
    struct esc_stmt *s = ESC_PUSH(fn->stmts, fn->nstmts, fn->cap_stmts);
    *s = *proto;
    s->kept = s->thread = s->external = s->candidate = ESC_NONE; /* the analysis creates them */
    s->block = block;
    s->loc.file = intern_file(m, proto->loc.file);
    s->callee = esc_intern(m, proto->callee);
    intern_operand(m, &s->lhs);
    intern_operand(m, &s->target);
    s->args = NULL;
    s->arg_locs = NULL;
    s->arg_blocks = NULL;
    if (proto->nargs && proto->arg_blocks)
        s->arg_blocks =
            esc_arena_copy(&m->arena, proto->arg_blocks, proto->nargs * sizeof *s->arg_blocks);
    if (proto->nargs && proto->arg_locs) {
        s->arg_locs =
            esc_arena_copy(&m->arena, proto->arg_locs, proto->nargs * sizeof *s->arg_locs);
        for (uint32_t i = 0; i < proto->nargs; i++)
            s->arg_locs[i].file = intern_file(m, proto->arg_locs[i].file);
    }
    if (proto->nargs) {
        s->args = esc_arena_copy(&m->arena, proto->args, proto->nargs * sizeof *s->args);
        for (uint32_t i = 0; i < s->nargs; i++)
            intern_operand(m, &s->args[i]);
    }
    if (block != ESC_NONE) {
        struct esc_block *b = &fn->blocks[block];
        *arena_push(&m->arena, &b->stmts, &b->nstmts, &b->cap_stmts) = id;
    }
    if (s->lhs.kind == ESC_OPND_VALUE && s->lhs.id < fn->nvalues)
        fn->values[s->lhs.id].def = id;
    return id;
}

struct esc_operand esc_opnd_none(void)
{
    return (struct esc_operand){.kind = ESC_OPND_NONE, .id = ESC_NONE, .size = -1};
}

struct esc_operand esc_opnd_value(uint32_t value)
{
    return (struct esc_operand){.kind = ESC_OPND_VALUE, .id = value, .size = -1};
}

uint32_t esc_value_origin(const struct esc_function *fn, uint32_t v, int64_t *offset)
{
    int64_t at = 0;
    for (uint32_t guard = 0; guard < 64; guard++) {
        uint32_t def = fn->values[v].def;
        const struct esc_stmt *s = def != ESC_NONE ? &fn->stmts[def] : NULL;
        if (!s || s->kind != ESC_STMT_ASSIGN || s->nargs != 1 ||
            s->args[0].kind != ESC_OPND_VALUE ||
            (s->op != ESC_ASSIGN_COPY && s->op != ESC_ASSIGN_CONVERT &&
             s->op != ESC_ASSIGN_POINTER_ARITH))
            break;
        if (at != ESC_UNKNOWN_OFFSET)
            at = s->args[0].offset == ESC_UNKNOWN_OFFSET ? ESC_UNKNOWN_OFFSET
                                                         : at + s->args[0].offset;
        v = s->args[0].id;
    }
    *offset = at;
    return v;
}

bool esc_value_base(const struct esc_function *fn, uint32_t v, uint32_t *root, int64_t *offset)
{
    int64_t at;
    uint32_t origin = esc_value_origin(fn, v, &at);
    if (at == ESC_UNKNOWN_OFFSET)
        return false;
    *root = origin;
    *offset = at;
    return true;
}

struct esc_operand esc_opnd_deref_arg(const struct esc_operand *arg, int64_t offset, int64_t size)
{
    if (arg->offset == ESC_UNKNOWN_OFFSET || offset == ESC_UNKNOWN_OFFSET)
        return esc_opnd_deref(arg->id, ESC_UNKNOWN_OFFSET, -1);
    return esc_opnd_deref(arg->id, arg->offset + offset, size);
}

struct esc_operand esc_opnd_addr(uint32_t object, int64_t offset)
{
    return (struct esc_operand){.kind = ESC_OPND_ADDR, .id = object, .offset = offset, .size = -1};
}

struct esc_operand esc_opnd_mem(uint32_t object, int64_t offset, int64_t size)
{
    return (struct esc_operand){.kind = ESC_OPND_MEM, .id = object, .offset = offset, .size = size};
}

struct esc_operand esc_opnd_deref(uint32_t value, int64_t offset, int64_t size)
{
    return (struct esc_operand){
        .kind = ESC_OPND_DEREF, .id = value, .offset = offset, .size = size};
}

struct esc_operand esc_opnd_int(int64_t value)
{
    return (struct esc_operand){.kind = ESC_OPND_INT, .id = ESC_NONE, .value = value, .size = -1};
}

struct esc_operand esc_opnd_unknown(void)
{
    return (struct esc_operand){.kind = ESC_OPND_UNKNOWN, .id = ESC_NONE, .size = -1};
}

bool esc_object_is_stack(const struct esc_object *o)
{
    switch (o->kind) {
    case ESC_OBJ_LOCAL:
    case ESC_OBJ_PARAM:
    case ESC_OBJ_COMPOUND_LITERAL:
    case ESC_OBJ_TEMPORARY:
    case ESC_OBJ_ALLOCA:
    case ESC_OBJ_VLA:
        return true;
    default:
        return false;
    }
}

const char *esc_object_kind_name(enum esc_object_kind kind)
{
    static const char *const names[] = {
        [ESC_OBJ_LOCAL] = "local",
        [ESC_OBJ_PARAM] = "param",
        [ESC_OBJ_COMPOUND_LITERAL] = "compound-literal",
        [ESC_OBJ_TEMPORARY] = "temporary",
        [ESC_OBJ_ALLOCA] = "alloca",
        [ESC_OBJ_VLA] = "vla",
        [ESC_OBJ_STATIC] = "static",
        [ESC_OBJ_HEAP] = "heap",
        [ESC_OBJ_FUNCTION] = "function",
        [ESC_OBJ_RETURN] = "return",
        [ESC_OBJ_CALLER] = "caller",
        [ESC_OBJ_STATIC_REACH] = "static-reach",
        [ESC_OBJ_UNKNOWN] = "unknown",
        [ESC_OBJ_KEPT] = "kept",
        [ESC_OBJ_EXTERNAL] = "external",
    };
    return kind < sizeof names / sizeof names[0] && names[kind] ? names[kind] : "?";
}

/* Values are named by their index in the function (and the variable
   they version), not by GCC's SSA version, so that a dump is the same
   whatever numbering the compiler chose. */
static void dump_value(const struct esc_function *fn, uint32_t id, struct esc_strbuf *out)
{
    const struct esc_value *v = &fn->values[id];
    esc_strbuf_addf(out, "%s#%u", v->name ? v->name : "", id);
}

static void dump_operand(const struct esc_function *fn, const struct esc_operand *op,
                         struct esc_strbuf *out)
{
    switch (op->kind) {
    case ESC_OPND_NONE:
        if (op->value > 0)
            esc_strbuf_addf(out, "\"...\"[%lld]", (long long)op->value);
        else
            esc_strbuf_add(out, "-");
        break;
    case ESC_OPND_VALUE:
        dump_value(fn, op->id, out);
        if (op->offset == ESC_UNKNOWN_OFFSET)
            esc_strbuf_add(out, "+?");
        else if (op->offset)
            esc_strbuf_addf(out, "+%lld", (long long)op->offset);
        break;
    case ESC_OPND_ADDR:
        esc_strbuf_addf(out, "&o%u", op->id);
        if (op->offset == ESC_UNKNOWN_OFFSET)
            esc_strbuf_add(out, "+?");
        else if (op->offset)
            esc_strbuf_addf(out, "+%lld", (long long)op->offset);
        break;
    case ESC_OPND_MEM:
        esc_strbuf_addf(out, "o%u", op->id);
        break;
    case ESC_OPND_DEREF:
        esc_strbuf_add(out, "*");
        dump_value(fn, op->id, out);
        break;
    case ESC_OPND_INT:
        esc_strbuf_addf(out, "%lld", (long long)op->value);
        break;
    case ESC_OPND_UNKNOWN:
        esc_strbuf_add(out, "?");
        break;
    }
    if (op->kind == ESC_OPND_MEM || op->kind == ESC_OPND_DEREF) {
        if (op->offset == ESC_UNKNOWN_OFFSET)
            esc_strbuf_add(out, "[?]");
        else if (op->size >= 0)
            esc_strbuf_addf(out, "[%lld:%lld]", (long long)op->offset, (long long)op->size);
        else
            esc_strbuf_addf(out, "[%lld:?]", (long long)op->offset);
    }
    if ((op->kind == ESC_OPND_MEM || op->kind == ESC_OPND_DEREF) && op->text && *op->text)
        esc_strbuf_addf(out, "{%s}", op->text);
}

static void dump_stmt(const struct esc_function *fn, const struct esc_stmt *s,
                      struct esc_strbuf *out)
{
    static const char *const kinds[] = {"assign", "phi", "call", "return", "clobber", "branch"};
    esc_strbuf_addf(out, "    %u: %s", s->loc.line, kinds[s->kind]);
    if (s->kind == ESC_STMT_BRANCH && s->nargs == 2) {
        esc_strbuf_add(out, " ");
        dump_operand(fn, &s->args[0], out);
        esc_strbuf_add(out, s->op == ESC_CMP_EQ ? " == " : " != ");
        dump_operand(fn, &s->args[1], out);
        esc_strbuf_addf(out, " ? bb%u : bb%u\n", s->true_block, s->false_block);
        return;
    }
    if (s->kind == ESC_STMT_CLOBBER) {
        esc_strbuf_addf(out, " o%u\n", s->object);
        return;
    }
    if (s->kind == ESC_STMT_ASSIGN && s->op) {
        static const char *const ops[] = {"", "ptr+", "convert", "select", "expose", "to-integer"};
        esc_strbuf_addf(out, ".%s", s->op < 6 ? ops[s->op] : "?");
    }
    esc_strbuf_add(out, " ");
    dump_operand(fn, &s->lhs, out);
    esc_strbuf_add(out, " <-");
    if (s->kind == ESC_STMT_CALL) {
        if (s->callee)
            esc_strbuf_addf(out, " %s", s->callee);
        else {
            esc_strbuf_add(out, " (*");
            dump_operand(fn, &s->target, out);
            esc_strbuf_add(out, ")");
        }
    }
    for (uint32_t a = 0; a < s->nargs; a++) {
        esc_strbuf_add(out, " ");
        if (s->kind == ESC_STMT_PHI && s->arg_blocks && s->arg_blocks[a] != ESC_NONE)
            esc_strbuf_addf(out, "bb%u:", s->arg_blocks[a]);
        dump_operand(fn, &s->args[a], out);
    }
    static const struct {
        uint32_t flag;
        const char *name;
    } flags[] = {{ESC_STMTF_FRONTEND, "front-end"},
                 {ESC_CALLF_NORETURN, "noreturn"},
                 {ESC_CALLF_VLA, "vla"},
                 {ESC_CALLF_INTERNAL, "internal"},
                 {ESC_CALLF_ASM, "asm"},
                 {ESC_CALLF_DEFINED, "defined"},
                 {ESC_STMTF_BYTE_COPY, "byte-copy"}};
    for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
        if (s->flags & flags[k].flag)
            esc_strbuf_addf(out, " [%s]", flags[k].name);
    if (s->kind == ESC_STMT_CALL && s->object != ESC_NONE)
        esc_strbuf_addf(out, " [object o%u]", s->object);
    if (s->noescape_args)
        esc_strbuf_addf(out, " [noescape %#llx]", (unsigned long long)s->noescape_args);
    if (s->lifetimebound_args)
        esc_strbuf_addf(out, " [lifetimebound %#llx]", (unsigned long long)s->lifetimebound_args);
    if (s->carrier_unit)
        esc_strbuf_addf(out, " [carriers %#x ints %#x/%u]", (unsigned)s->carriers,
                        (unsigned)s->wide_ints, (unsigned)s->carrier_unit);
    esc_strbuf_add(out, "\n");
}

void esc_dump_function(const struct esc_function *fn, struct esc_strbuf *out)
{
    esc_strbuf_addf(out, "function %s%s%s\n", fn->name, fn->exported ? " [exported]" : "",
                    fn->returns_pointer ? " [returns pointer]" : "");
    for (uint32_t i = 0; i < fn->nparams; i++) {
        const struct esc_param *p = &fn->params[i];
        esc_strbuf_addf(out, "  param %u %s%s", i, p->name ? p->name : "?",
                        p->is_pointer ? " pointer" : "");
        if (p->value != ESC_NONE) {
            esc_strbuf_add(out, " value ");
            dump_value(fn, p->value, out);
        }
        if (p->object != ESC_NONE)
            esc_strbuf_addf(out, " slot o%u", p->object);
        if (p->caller != ESC_NONE)
            esc_strbuf_addf(out, " caller o%u", p->caller);
        if (p->value_bits)
            esc_strbuf_addf(out, " %s%u", p->value_unsigned ? "u" : "i", p->value_bits);
        esc_strbuf_add(out, p->noescape ? " [noescape]\n" : "\n");
    }
    for (uint32_t i = 0; i < fn->nobjects; i++) {
        const struct esc_object *o = &fn->objects[i];
        esc_strbuf_addf(out, "  o%u %s", i, esc_object_kind_name(o->kind));
        if (o->name)
            esc_strbuf_addf(out, " %s", o->name);
        if (o->flags)
            esc_strbuf_addf(out, " [flags %#x]", o->flags);
        esc_strbuf_add(out, "\n");
    }
    bool outside = false;
    for (uint32_t i = 0; i < fn->nstmts; i++)
        if (fn->stmts[i].block == ESC_NONE) {
            if (!outside)
                esc_strbuf_add(out, "  outside the CFG:\n");
            outside = true;
            dump_stmt(fn, &fn->stmts[i], out);
        }
    for (uint32_t b = 0; b < fn->nblocks; b++) {
        esc_strbuf_addf(out, "  bb%u%s:", b, b == fn->entry ? " (entry)" : "");
        for (uint32_t k = 0; k < fn->blocks[b].nsucc; k++)
            esc_strbuf_addf(out, " ->bb%u", fn->blocks[b].succ[k]);
        esc_strbuf_add(out, "\n");
        for (uint32_t k = 0; k < fn->blocks[b].nstmts; k++)
            dump_stmt(fn, &fn->stmts[fn->blocks[b].stmts[k]], out);
    }
    for (uint32_t i = 0; i < fn->nparam_ranges; i++) {
        const struct esc_param_range *r = &fn->param_ranges[i];
        esc_strbuf_addf(out, "  range bb%u ->bb%u term %u: ", r->block, r->succ, r->term);
        if (r->param == ESC_NONE)
            esc_strbuf_add(out, "always\n");
        else
            esc_strbuf_addf(out, "param %u in [%lld, %lld]\n", r->param, (long long)r->lo,
                            (long long)r->hi);
    }
    for (uint32_t i = 0; i < fn->narg_sources; i++) {
        const struct esc_arg_source *a = &fn->arg_sources[i];
        esc_strbuf_addf(out, "  argument %u of the call at line %u: ", a->arg,
                        fn->stmts[a->stmt].loc.line);
        if (a->is_param)
            esc_strbuf_addf(out, "param %u\n", a->param);
        else
            esc_strbuf_addf(out, "%lld\n", (long long)a->value);
    }
    for (uint32_t i = 0; i < fn->nprobes; i++)
        esc_strbuf_addf(out, "  probe %s at line %u\n",
                        fn->probes[i].kind == ESC_PROBE_POINTS_TO ? "points-to" : "stores",
                        fn->probes[i].loc.line);
}

void esc_module_fold_wide_ints(struct esc_module *m)
{
    bool converts = false;
    for (uint32_t f = 0; f < m->nfunctions && !converts; f++) {
        const struct esc_function *fn = m->functions[f];
        for (uint32_t i = 0; i < fn->nstmts && !converts; i++)
            converts =
                fn->stmts[i].kind == ESC_STMT_ASSIGN && fn->stmts[i].op == ESC_ASSIGN_TO_INTEGER;
    }
    if (!converts)
        return;
    for (uint32_t f = 0; f < m->nfunctions; f++) {
        struct esc_function *fn = m->functions[f];
        for (uint32_t i = 0; i < fn->nstmts; i++)
            fn->stmts[i].carriers |= fn->stmts[i].wide_ints;
    }
}
