/* verdicts.c - what the analysis concluded about every local, parameter and allocation, in words.
 */
#include "report/verdicts.h"
#include "report/diagtext.h"
#include "core/base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The N strings of PARTS end to end (caller frees), as "%s%s..." would
   print them, NULL as glibc's "(null)": esc_xasprintf cost nearly 1,000
   instructions a verdict, parsing its format for each of sqlite3.c's
   5,700. */
static char *join(const char *const *parts, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(parts[i] ? parts[i] : "(null)");
    char *out = esc_xmalloc(total + 1), *at = out;
    for (size_t i = 0; i < n; i++) {
        const char *part = parts[i] ? parts[i] : "(null)";
        size_t len = strlen(part);
        memcpy(at, part, len);
        at += len;
    }
    *at = 0;
    return out;
}
#define JOIN(...)                                                                                  \
    join((const char *const[]){__VA_ARGS__},                                                       \
         sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static struct esc_verdict *add(struct esc_verdicts *out, enum esc_verdict_kind kind,
                               struct esc_loc loc)
{
    struct esc_verdict *v = ESC_PUSH(out->items, out->n, out->cap);
    memset(v, 0, sizeof *v);
    v->kind = kind;
    v->param = ESC_NONE;
    v->loc = loc;
    return v;
}

/* Storage whose address the source takes: compiler temporaries are not
   the user's, and are only mentioned when they escape (as findings). */
static bool reported_local(const struct esc_object *o)
{
    return esc_object_is_stack(o) && o->kind != ESC_OBJ_TEMPORARY &&
           (o->name || o->kind == ESC_OBJ_COMPOUND_LITERAL || o->kind == ESC_OBJ_ALLOCA);
}

static void local_verdicts(const struct esc_function_result *r, struct esc_verdicts *out)
{
    const struct esc_function *fn = r->fn;
    for (uint32_t o = 0; o < fn->nobjects; o++) {
        if (!reported_local(&fn->objects[o]))
            continue;
        const struct esc_finding *first = NULL;
        for (uint32_t i = 0; i < r->nfindings && !first; i++)
            if (r->findings[i].object == o && r->findings[i].rule != ESC_RULE_HEAP_TO_STACK)
                first = &r->findings[i];
        struct esc_verdict *v = add(out, ESC_VERDICT_LOCAL, fn->objects[o].loc);
        v->object = o;
        v->escapes = first != NULL;
        v->finding = first;
        if (first) {
            v->text = esc_escape_text(fn, first);
        } else {
            char *what = esc_describe_object(fn, o);
            v->text = JOIN(what, " does not escape");
            free(what);
        }
    }
}

static const char *sink_words(enum esc_leak_sink sink)
{
    switch (sink) {
    case ESC_LEAK_STATIC:
        return "static storage";
    case ESC_LEAK_KEPT:
        return "a callee that keeps it";
    case ESC_LEAK_THREAD:
        return "a new thread";
    case ESC_LEAK_RESULT:
        return "the result";
    case ESC_LEAK_PARAM:
    case ESC_LEAK_SINK_COUNT:
        break;
    }
    return "another parameter's memory";
}

static const char *param_name(const struct esc_function *fn, uint32_t i, char *buf, size_t size)
{
    if (i < fn->nparams && fn->params[i].name)
        return fn->params[i].name;
    snprintf(buf, size, "%u", i + 1);
    return buf;
}

/* One verdict per leak of parameter I (each sink, each level), or one
   saying it does not escape. */
static void param_verdicts(const struct esc_function *fn, const struct esc_summary *s, uint32_t i,
                           struct esc_verdicts *out)
{
    const struct esc_param *param = &fn->params[i];
    const struct esc_param_summary *p = &s->params[i];
    char name_buf[16];
    const char *name = param_name(fn, i, name_buf, sizeof name_buf);
    bool any = false;
    for (unsigned level = 0; level < ESC_LEAK_LEVELS; level++)
        for (unsigned k = 0; k < ESC_LEAK_SINK_COUNT; k++) {
            if (!(p->leaks[level] & 1u << k))
                continue;
            const char *whose = level ? "the pointers stored in what parameter" : "parameter";
            const char *verb = level ? "point to leak" : "leaks";
            struct esc_verdict *v = add(out, ESC_VERDICT_PARAM, param->loc);
            v->object = param->caller;
            v->param = i;
            v->escapes = k != ESC_LEAK_RESULT;
            v->why = p->why[level][k];
            if (k == ESC_LEAK_PARAM) {
                char other_buf[16];
                unsigned j = 0;
                while (j + 1 < ESC_MAX_TRACKED_PARAMS && !(p->stored_into[level] >> j & 1))
                    j++;
                v->text = JOIN(whose, " '", name, "' ", verb, " into what parameter '",
                               param_name(fn, j, other_buf, sizeof other_buf), "' points to");
            } else {
                v->text = JOIN(whose, " '", name, "' ", verb, " to ", sink_words(k));
            }
            any = true;
        }
    if (p->freed) {
        struct esc_verdict *v = add(out, ESC_VERDICT_PARAM, param->loc);
        v->object = param->caller;
        v->param = i;
        v->text = JOIN("parameter '", name, "' may be freed");
        any = true;
    }
    if (!any) {
        struct esc_verdict *v = add(out, ESC_VERDICT_PARAM, param->loc);
        v->object = param->caller;
        v->param = i;
        v->text = JOIN("parameter '", name, "' does not escape");
    }
}

static void allocation_verdicts(const struct esc_function_result *r, struct esc_verdicts *out)
{
    const struct esc_function *fn = r->fn;
    for (uint32_t i = 0; i < r->nheap_sites; i++) {
        const struct esc_heap_site *site = &r->heap_sites[i];
        struct esc_verdict *v = add(out, ESC_VERDICT_ALLOCATION, fn->stmts[site->stmt].loc);
        v->object = site->object;
        v->site = site;
        v->escapes = site->verdict != ESC_HEAP_STACKABLE;
        v->text = esc_render_heap_site(fn, site);
        for (uint32_t k = 0; k < r->nfindings && !v->escapes; k++)
            if (r->findings[k].rule == ESC_RULE_HEAP_TO_STACK && r->findings[k].stmt == site->stmt)
                v->finding = &r->findings[k];
    }
}

void esc_verdict_path(const struct esc_function *fn, const struct esc_verdict *v,
                      struct esc_diag *out)
{
    memset(out, 0, sizeof *out);
    if (v->kind == ESC_VERDICT_LOCAL && v->finding) {
        struct esc_diag whole;
        esc_render_finding(fn, v->finding, &whole);
        /* The declaration is the verdict's own place: keep the flow. */
        uint32_t cap = 0;
        for (uint32_t i = 0; i < whole.nnotes; i++) {
            if (whole.notes[i].kind == ESC_NOTE_DECLARATION) {
                free(whole.notes[i].text);
                continue;
            }
            *ESC_PUSH(out->notes, out->nnotes, cap) = whole.notes[i];
        }
        free(whole.notes);
        free(whole.message);
    } else if (v->kind == ESC_VERDICT_PARAM && v->why && v->why->fn) {
        esc_render_steps(v->why->fn, v->why->steps, v->why->nsteps, out);
    } else if (v->kind == ESC_VERDICT_ALLOCATION && v->site->why_stmt != ESC_NONE) {
        uint32_t cap = 0;
        struct esc_note *note = ESC_PUSH(out->notes, out->nnotes, cap);
        note->kind = ESC_NOTE_FLOW;
        note->loc = fn->stmts[v->site->why_stmt].loc;
        note->text = JOIN("here: ", esc_heap_verdict_text(v->site->verdict));
    }
}

void esc_collect_verdicts(const struct esc_function_result *r, const struct esc_summary *s,
                          struct esc_verdicts *out)
{
    memset(out, 0, sizeof *out);
    if (r->skipped)
        return;
    const struct esc_function *fn = r->fn;
    for (uint32_t i = 0; s && i < fn->nparams && i < s->nparams; i++)
        if (fn->params[i].is_pointer)
            param_verdicts(fn, s, i, out);
    local_verdicts(r, out);
    allocation_verdicts(r, out);
}

void esc_verdicts_free(struct esc_verdicts *v)
{
    for (uint32_t i = 0; i < v->n; i++)
        free(v->items[i].text);
    free(v->items);
    memset(v, 0, sizeof *v);
}
