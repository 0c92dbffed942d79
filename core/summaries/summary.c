/* summary.c - what a function does with the pointers it is given: per-parameter summaries. */
#include "core/summaries/summary.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

struct esc_summary *esc_summary_new(const char *name, uint32_t nparams)
{
    struct esc_summary *s = esc_xcalloc(1, sizeof *s);
    s->name = esc_xstrdup(name ? name : "");
    s->nparams = nparams;
    s->params = nparams ? esc_xcalloc(nparams, sizeof *s->params) : NULL;
    s->ret.size_param = -1;
    s->ret.size = -1;
    s->ret.count_param = -1;
    return s;
}

const char *esc_ret_dealloc(const struct esc_return_summary *r, uint8_t *arg)
{
    *arg = r->dealloc ? r->dealloc_arg : 1;
    return r->dealloc ? r->dealloc : "free";
}

static bool same_dealloc(const char *a, uint8_t a_arg, const char *b, uint8_t b_arg)
{
    return a && b && a_arg == b_arg && strcmp(a, b) == 0;
}

void esc_leak_why_free(struct esc_leak_why *why)
{
    if (!why)
        return;
    free(why->steps);
    free(why);
}

void esc_summary_free(struct esc_summary *s)
{
    if (!s)
        return;
    for (uint32_t i = 0; i < s->nparams; i++)
        for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++)
            for (unsigned k = 0; k < ESC_LEAK_SINK_COUNT; k++)
                esc_leak_why_free(s->params[i].why[l][k]);
    free(s->params);
    free(s->writes);
    esc_u64map_free(&s->writes_index);
    free(s->writes_prev);
    for (uint32_t i = 0; i < s->nowned; i++)
        free(s->owned[i]);
    free(s->owned);
    free(s->name);
    free(s->origin);
    free(s);
}

bool esc_summary_add_leak(struct esc_summary *s, uint32_t param, unsigned level,
                          enum esc_leak_sink sink, uint32_t other_param, struct esc_leak_why *why)
{
    if (param >= s->nparams || level >= ESC_LEAK_LEVELS) {
        esc_leak_why_free(why);
        return false;
    }
    struct esc_param_summary *p = &s->params[param];
    bool grew = false;
    if (sink == ESC_LEAK_PARAM) {
        if (other_param >= ESC_MAX_TRACKED_PARAMS || other_param == param) {
            esc_leak_why_free(why);
            return false;
        }
        uint64_t bit = UINT64_C(1) << other_param;
        grew = !(p->stored_into[level] & bit);
        p->stored_into[level] |= bit;
    }
    uint8_t bit = (uint8_t)(1u << sink);
    grew |= !(p->leaks[level] & bit);
    p->leaks[level] |= bit;
    if (!p->why[level][sink])
        p->why[level][sink] = why;
    else
        esc_leak_why_free(why);
    return grew;
}

const char *esc_static_site_name(const struct esc_object *o)
{
    return o->kind == ESC_OBJ_STATIC && !(o->flags & (ESC_OBJF_LOCAL_STATIC | ESC_OBJF_FILE_STATIC))
               ? o->name
               : NULL;
}

bool esc_site_names_object(const struct esc_site *s, const struct esc_object *o)
{
    if (o->kind != ESC_OBJ_STATIC)
        return false;
    if (s->key)
        return o->key == s->key;
    const char *name = esc_static_site_name(o);
    return s->name && name && strcmp(s->name, name) == 0;
}

bool esc_sites_same_static(const struct esc_site *a, const struct esc_site *b)
{
    if (a->key && b->key)
        return a->key == b->key;
    return a->name && b->name && strcmp(a->name, b->name) == 0;
}

static bool same_site(const struct esc_site *a, const struct esc_site *b)
{
    if (a->param == ESC_SITE_STATIC && b->param == ESC_SITE_STATIC && !esc_sites_same_static(a, b))
        return false;
    return a->param == b->param && a->level == b->level && a->offset == b->offset &&
           a->size == b->size;
}

/* Two sites of one leak into the same place-holder: the parameter (or
   static storage) they are in. */
static bool same_holder(const struct esc_site *a, const struct esc_site *b)
{
    return a->param == b->param;
}

void esc_summary_note_store(struct esc_summary *s, uint32_t param, unsigned level,
                            const struct esc_site *site)
{
    if (param >= s->nparams)
        return;
    struct esc_param_summary *p = &s->params[param];
    for (uint8_t i = 0; i < p->nstore_sites; i++)
        if (p->store_site_level[i] == level && same_holder(&p->store_sites[i], site)) {
            if (!same_site(&p->store_sites[i], site))
                p->store_sites[i].offset = ESC_UNKNOWN_OFFSET; /* two places: unknown */
            return;
        }
    if (p->nstore_sites == ESC_MAX_SITES)
        return; /* not recorded: unknown */
    p->store_site_level[p->nstore_sites] = (uint8_t)level;
    p->store_sites[p->nstore_sites++] = *site;
}

bool esc_param_store_site(const struct esc_param_summary *p, unsigned level, uint32_t j,
                          struct esc_site *out)
{
    for (uint8_t i = 0; i < p->nstore_sites; i++)
        if (p->store_site_level[i] == level && p->store_sites[i].param == j) {
            *out = p->store_sites[i];
            return out->offset != ESC_UNKNOWN_OFFSET && out->size > 0;
        }
    return false;
}

/* Up to this many writes a scan is cheaper than the index. */
#define WRITES_SCANNED 16

/* Equal for writes same_site takes as one (a static's identity aside). */
static uint64_t write_hash(const struct esc_site *w)
{
    return ((uint64_t)w->param | (uint64_t)w->level << 8) ^ (uint64_t)w->offset << 16 ^
           (uint64_t)w->size << 40;
}

static void index_write(struct esc_summary *s, uint32_t i)
{
    uint64_t h = write_hash(&s->writes[i]);
    uint32_t *latest = esc_u64map_get(&s->writes_index, h);
    s->writes_prev[i] = latest ? *latest - 1 : ESC_NONE;
    esc_u64map_put(&s->writes_index, h, i + 1);
}

static bool has_write(const struct esc_summary *s, const struct esc_site *site)
{
    if (s->nwrites <= WRITES_SCANNED) {
        for (uint32_t i = 0; i < s->nwrites; i++)
            if (same_site(&s->writes[i], site))
                return true;
        return false;
    }
    uint32_t *latest = esc_u64map_get(&s->writes_index, write_hash(site));
    for (uint32_t i = latest ? *latest - 1 : ESC_NONE; i != ESC_NONE; i = s->writes_prev[i])
        if (same_site(&s->writes[i], site))
            return true;
    return false;
}

void esc_summary_note_write(struct esc_summary *s, const struct esc_site *site)
{
    if (site->offset == ESC_UNKNOWN_OFFSET || site->size <= 0)
        return; /* only exact places can restore anything */
    if (s->writes_overflow && s->nwrites == ESC_MAX_WRITES)
        return; /* full: a new place would only set the flag again */
    if (has_write(s, site))
        return;
    if (s->nwrites == ESC_MAX_WRITES) {
        s->writes_overflow = true;
        return;
    }
    *ESC_PUSH(s->writes, s->nwrites, s->cap_writes) = *site;
    if (s->nwrites <= WRITES_SCANNED)
        return;
    if (!s->writes_prev) {
        s->writes_prev = esc_xmalloc(ESC_MAX_WRITES * sizeof *s->writes_prev);
        for (uint32_t i = 0; i + 1 < s->nwrites; i++)
            index_write(s, i);
    }
    index_write(s, s->nwrites - 1);
}

bool esc_summary_add_deep_field(struct esc_summary *s, uint32_t param,
                                const struct esc_field *field)
{
    if (param >= s->nparams || s->params[param].deep_all)
        return false;
    struct esc_param_summary *p = &s->params[param];
    for (uint8_t i = 0; field && i < p->ndeep; i++)
        if (p->deep[i].offset == field->offset && p->deep[i].size == field->size)
            return false;
    if (!field || p->ndeep == ESC_MAX_DEEP_FIELDS) {
        p->deep_all = true;
        p->ndeep = 0;
    } else {
        p->deep[p->ndeep++] = *field;
    }
    return true;
}

uint8_t esc_param_deep_fields(const struct esc_param_summary *p)
{
    return p->deep_all ? 0 : p->ndeep;
}

/* Merge B's level-1 fields into A's, before their leaks are merged: a
   side without level-1 leaks says nothing about them. */
static bool merge_deep_fields(struct esc_summary *into, uint32_t i,
                              const struct esc_param_summary *b)
{
    const struct esc_param_summary *a = &into->params[i];
    if (!b->leaks[1])
        return false;
    uint8_t n = esc_param_deep_fields(b);
    if (!n || (a->leaks[1] && !esc_param_deep_fields(a)))
        return esc_summary_add_deep_field(into, i, NULL);
    bool grew = false;
    for (uint8_t k = 0; k < n; k++)
        grew |= esc_summary_add_deep_field(into, i, &b->deep[k]);
    return grew;
}

bool esc_summary_merge(struct esc_summary *into, const struct esc_summary *from)
{
    bool grew = false;
    uint32_t n = into->nparams < from->nparams ? into->nparams : from->nparams;
    for (uint32_t i = 0; i < n; i++) {
        struct esc_param_summary *a = &into->params[i];
        const struct esc_param_summary *b = &from->params[i];
        grew |= merge_deep_fields(into, i, b);
        for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++) {
            grew |= (a->leaks[l] | b->leaks[l]) != a->leaks[l];
            grew |= (a->stored_into[l] | b->stored_into[l]) != a->stored_into[l];
            a->leaks[l] |= b->leaks[l];
            a->stored_into[l] |= b->stored_into[l];
        }
        grew |= (b->freed && !a->freed) || (b->freed_deep && !a->freed_deep) ||
                (b->unknown && !a->unknown) || (b->unknown_other && !a->unknown_other);
        /* A deallocator only if every target frees it the same way. */
        if (!a->freed) {
            a->dealloc = b->dealloc;
            a->dealloc_arg = b->dealloc_arg;
        } else if (b->freed &&
                   !same_dealloc(a->dealloc, a->dealloc_arg, b->dealloc, b->dealloc_arg)) {
            a->dealloc = NULL;
        }
        a->freed |= b->freed;
        a->freed_deep |= b->freed_deep;
        a->unknown |= b->unknown;
        a->unknown_other |= b->unknown_other;
        for (uint8_t d = 0; d < b->ndeps; d++)
            grew |= esc_summary_add_dep(into, i, &b->deps[d]);
        /* What every target does on every path: all must. */
        if (a->list_offset != b->list_offset)
            a->links = a->unlinks = false;
        a->links &= b->links;
        a->unlinks &= b->unlinks;
        a->link_writes &= b->link_writes;
    }
    if (from->ret.fresh && !into->ret.fresh) {
        into->ret = from->ret;
        grew = true;
    } else if (from->ret.fresh && !into->ret.shared) {
        /* Blocks that different deallocators release: no one free fits. */
        uint8_t a_arg, b_arg;
        const char *a = esc_ret_dealloc(&into->ret, &a_arg),
                   *b = esc_ret_dealloc(&from->ret, &b_arg);
        if (!same_dealloc(a, a_arg, b, b_arg)) {
            into->ret.shared = true;
            grew = true;
        }
    }
    if (from->ret.fresh && from->ret.shared && !into->ret.shared) {
        into->ret.shared = true;
        grew = true;
    }
    into->ret.static_key = 0; /* merged targets: not one static any more */
    return grew;
}

bool esc_summary_add_dep(struct esc_summary *s, uint32_t param, const struct esc_cross_dep *dep)
{
    if (param >= s->nparams)
        return false;
    struct esc_param_summary *p = &s->params[param];
    for (uint8_t i = 0; i < p->ndeps; i++)
        if (p->deps[i].arg == dep->arg && p->deps[i].from == dep->from &&
            p->deps[i].to == dep->to && strcmp(p->deps[i].callee, dep->callee) == 0)
            return false;
    bool grew = !p->unknown;
    p->unknown = true;
    if (p->ndeps == ESC_MAX_CROSS_DEPS) {
        grew |= !p->unknown_other;
        p->unknown_other = true; /* what the rest would say is lost */
        return grew;
    }
    p->deps[p->ndeps++] = *dep;
    return true;
}

bool esc_param_leaks(const struct esc_param_summary *p)
{
    const uint8_t outliving =
        1u << ESC_LEAK_STATIC | 1u << ESC_LEAK_KEPT | 1u << ESC_LEAK_THREAD | 1u << ESC_LEAK_PARAM;
    for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++)
        if (p->leaks[l] & outliving)
            return true;
    return false;
}

static const char *const sink_names[ESC_LEAK_SINK_COUNT] = {
    [ESC_LEAK_STATIC] = "static", [ESC_LEAK_KEPT] = "kept",   [ESC_LEAK_THREAD] = "thread",
    [ESC_LEAK_RESULT] = "result", [ESC_LEAK_PARAM] = "param",
};

const char *esc_leak_sink_name(enum esc_leak_sink sink)
{
    return sink < ESC_LEAK_SINK_COUNT ? sink_names[sink] : "?";
}

bool esc_leak_sink_parse(const char *name, enum esc_leak_sink *out)
{
    for (int k = 0; name && k < ESC_LEAK_SINK_COUNT; k++)
        if (strcmp(name, sink_names[k]) == 0) {
            *out = (enum esc_leak_sink)k;
            return true;
        }
    return false;
}

void esc_summary_dump(const struct esc_summary *s, struct esc_strbuf *out)
{
    esc_strbuf_addf(out, "%s:", s->name);
    if (s->ret.fresh) {
        esc_strbuf_add(out, " returns fresh");
        if (s->ret.size_param >= 0)
            esc_strbuf_addf(out, " size=param%d", s->ret.size_param + 1);
        else if (s->ret.size >= 0)
            esc_strbuf_addf(out, " size=%lld", (long long)s->ret.size);
        if (s->ret.count_param >= 0)
            esc_strbuf_addf(out, "*param%d", s->ret.count_param + 1);
        if (s->ret.dealloc)
            esc_strbuf_addf(out, " dealloc=%s:%u", s->ret.dealloc, s->ret.dealloc_arg);
        if (s->ret.shared)
            esc_strbuf_add(out, " shared");
    }
    if (s->opaque)
        esc_strbuf_add(out, " opaque");
    esc_strbuf_add(out, "\n");
    for (uint32_t i = 0; i < s->nparams; i++) {
        const struct esc_param_summary *p = &s->params[i];
        esc_strbuf_addf(out, "  param%u:", i + 1);
        for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++)
            for (unsigned k = 0; k < ESC_LEAK_SINK_COUNT; k++) {
                if (!(p->leaks[l] & 1u << k))
                    continue;
                esc_strbuf_addf(out, " %s%s", l ? "*" : "", sink_names[k]);
                if (k == ESC_LEAK_PARAM)
                    for (unsigned j = 0; j < ESC_MAX_TRACKED_PARAMS; j++)
                        if (p->stored_into[l] >> j & 1)
                            esc_strbuf_addf(out, "%u", j + 1);
            }
        for (uint8_t k = 0; p->leaks[1] && k < esc_param_deep_fields(p); k++)
            esc_strbuf_addf(out, "%s%lld:%lld", k ? "," : " *fields=", (long long)p->deep[k].offset,
                            (long long)p->deep[k].size);
        if (p->freed)
            esc_strbuf_add(out, " freed");
        if (p->freed && p->dealloc)
            esc_strbuf_addf(out, "=%s:%u", p->dealloc, p->dealloc_arg);
        if (p->freed_deep)
            esc_strbuf_add(out, " *freed");
        if (p->unknown)
            esc_strbuf_add(out, " unknown");
        if (p->noescape)
            esc_strbuf_add(out, " noescape");
        if (p->links)
            esc_strbuf_add(out, " links");
        if (p->unlinks)
            esc_strbuf_add(out, " unlinks");
        if ((p->links || p->unlinks) && p->list_offset)
            esc_strbuf_addf(out, "@%lld", (long long)p->list_offset);
        if (p->link_writes)
            esc_strbuf_addf(out, " link-writes=%u", p->link_writes);
        for (uint8_t d = 0; d < p->ndeps; d++)
            esc_strbuf_addf(out, " %s->%s:%u%s", p->deps[d].from ? "*" : "", p->deps[d].callee,
                            p->deps[d].arg + 1u, p->deps[d].to ? "*" : "");
        esc_strbuf_add(out, "\n");
    }
}

void esc_summary_table_add(struct esc_summary_table *t, struct esc_summary *s)
{
    *ESC_PUSH(t->items, t->n, t->cap) = s;
    esc_u64map_put(&t->index, esc_name_hash(s->name), t->n);
}

struct esc_summary *esc_summary_table_find(const struct esc_summary_table *t, const char *name)
{
    if (!name)
        return NULL;
    uint32_t *hit = esc_u64map_get(&t->index, esc_name_hash(name));
    if (!hit)
        return NULL;
    if (strcmp(t->items[*hit - 1]->name, name) == 0)
        return t->items[*hit - 1];
    /* Two names with one hash: look through all, the last one added wins
       (a later model file overrides an earlier one). */
    for (uint32_t i = t->n; i-- > 0;)
        if (strcmp(t->items[i]->name, name) == 0)
            return t->items[i];
    return NULL;
}

uint64_t esc_summary_weight(const struct esc_summary *s)
{
    uint64_t w =
        s->ret.fresh + s->ret.shared + (s->ret.static_key != 0) + s->nwrites + s->writes_overflow;
    for (uint32_t i = 0; i < s->nparams; i++) {
        const struct esc_param_summary *p = &s->params[i];
        for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++)
            w += (uint64_t)__builtin_popcount(p->leaks[l]) +
                 (uint64_t)__builtin_popcountll(p->stored_into[l]);
        w += p->freed + p->freed_deep + p->unknown + p->unknown_other + p->ndeps + p->nstore_sites +
             p->joins + p->joins_pointed + p->links + p->unlinks +
             (uint64_t)__builtin_popcount(p->link_writes) +
             (p->deep_all ? ESC_MAX_DEEP_FIELDS + 1u : p->ndeep);
        for (uint8_t k = 0; k < p->nstore_sites; k++)
            w += p->store_sites[k].offset == ESC_UNKNOWN_OFFSET;
    }
    return w;
}

void esc_summary_table_keep(struct esc_summary_table *t, struct esc_summary *s)
{
    *ESC_PUSH(t->hidden, t->nhidden, t->cap_hidden) = s;
}

void esc_summary_table_free(struct esc_summary_table *t)
{
    for (uint32_t i = 0; i < t->n; i++)
        esc_summary_free(t->items[i]);
    free(t->items);
    for (uint32_t i = 0; i < t->nhidden; i++)
        esc_summary_free(t->hidden[i]);
    free(t->hidden);
    t->hidden = NULL;
    t->nhidden = t->cap_hidden = 0;
    esc_u64map_free(&t->index);
    t->items = NULL;
    t->n = t->cap = 0;
}
