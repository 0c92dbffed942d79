/* refine.c - the refinement questions, answered by the refinements of refine-list.h in order. */
#include "core/refine/refine.h"
#include "core/refine/explain.h"
#include "core/solve/reload.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name, *why;
} refinements[ESC_REFINE_COUNT] = {
    [ESC_REFINE_NONE] = {"none", "nothing refined it"},
#define ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHY) [ESC_REFINE_##ID] = {NAME, WHY},
#include "core/refine/refine-list.h"
#undef ESC_REFINEMENT
};

/* The PERSISTS, UNDOES and OBJECT refinements, in the list's order. */
#define ESC_ASK_BUILD(ID, FUNCTION)
#define ESC_ASK_PATH(ID, FUNCTION)
#define ESC_ASK_EDGE(ID, FUNCTION)
#define ESC_ASK_OBJECT(ID, FUNCTION)
#define ESC_ASK_UNDOES(ID, FUNCTION)
#define ESC_ASK_PERSISTS(ID, FUNCTION) {ESC_REFINE_##ID, FUNCTION},
static const struct {
    enum esc_refinement id;
    esc_persists_fn *ask;
} persists_order[] = {
#define ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHY) ESC_ASK_##QUESTION(ID, FUNCTION)
#include "core/refine/refine-list.h"
#undef ESC_REFINEMENT
};
#undef ESC_ASK_PERSISTS
#undef ESC_ASK_UNDOES
#define ESC_ASK_PERSISTS(ID, FUNCTION)
#define ESC_ASK_UNDOES(ID, FUNCTION) {ESC_REFINE_##ID, FUNCTION},
static const struct {
    enum esc_refinement id;
    esc_undoes_fn *ask;
} undoes_order[] = {
#define ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHY) ESC_ASK_##QUESTION(ID, FUNCTION)
#include "core/refine/refine-list.h"
#undef ESC_REFINEMENT
};

#undef ESC_ASK_UNDOES
#undef ESC_ASK_OBJECT
#define ESC_ASK_UNDOES(ID, FUNCTION)
#define ESC_ASK_OBJECT(ID, FUNCTION) {ESC_REFINE_##ID, FUNCTION},
static const struct {
    enum esc_refinement id;
    esc_object_undone_fn *ask;
} object_order[] = {
#define ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHY) ESC_ASK_##QUESTION(ID, FUNCTION)
#include "core/refine/refine-list.h"
#undef ESC_REFINEMENT
};

#undef ESC_ASK_OBJECT
#undef ESC_ASK_EDGE
#define ESC_ASK_OBJECT(ID, FUNCTION)
#define ESC_ASK_EDGE(ID, FUNCTION) {ESC_REFINE_##ID, FUNCTION},
static const struct {
    enum esc_refinement id;
    esc_edge_ends_path_fn *ask;
} edge_order[] = {
#define ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHY) ESC_ASK_##QUESTION(ID, FUNCTION)
#include "core/refine/refine-list.h"
#undef ESC_REFINEMENT
};

const char *esc_refinement_name(enum esc_refinement r)
{
    return r < ESC_REFINE_COUNT ? refinements[r].name : "?";
}

const char *esc_refinement_why(enum esc_refinement r)
{
    return r < ESC_REFINE_COUNT ? refinements[r].why : "?";
}

void esc_refine_init(struct esc_refine *r, const struct esc_function *fn,
                     const struct esc_flows *flows, const struct esc_pointsto *pt)
{
    memset(r, 0, sizeof *r);
    r->fn = fn;
    r->flows = flows;
    r->pt = pt;
    r->frame_stores = -1;
    r->persists = esc_xmalloc((flows->n + 1) * sizeof *r->persists);
    memset(r->persists, -1, (flows->n + 1) * sizeof *r->persists);
}

void esc_refine_free(struct esc_refine *r)
{
    esc_explainer_free(r->explainer);
    free(r->persists);
    esc_u64map_free(&r->infeasible);
    esc_u64map_free(&r->holds);
    esc_u64map_free(&r->objects);
    esc_list_heads_free(r->heads);
    esc_dropped_rings_free(r->dropped);
    free(r->def_start);
    free(r->def_flow);
    if (r->reload)
        esc_reload_free(r->reload);
    free(r->reload);
    if (r->reload_trust) {
        esc_calltrust_free(r->reload_trust->trust);
        free(r->reload_trust->trust);
        esc_reload_free(r->reload_trust);
    }
    free(r->reload_trust);
    esc_reload_keys_free(r->reload_keys);
    memset(r, 0, sizeof *r);
}

bool esc_refine_persists(struct esc_refine *r, uint32_t flow)
{
    if (r->persists[flow] >= 0)
        return r->persists[flow] == 1;
    bool persists = true;
    enum esc_refinement undone = ESC_REFINE_NONE;
    for (size_t i = 0; i < sizeof persists_order / sizeof persists_order[0]; i++) {
        r->undone_by_stmt = ESC_REFINE_NONE;
        enum esc_persists_answer answer = persists_order[i].ask(r, flow);
        if (answer == ESC_PERSISTS_PASS)
            continue;
        persists = answer == ESC_PERSISTS_KEPT;
        if (!persists)
            undone = r->undone_by_stmt ? r->undone_by_stmt : persists_order[i].id;
        break;
    }
    r->persists[flow] = (int8_t)(persists ? 1 : 2 + undone);
    return persists;
}

bool esc_refine_object_persists(struct esc_refine *r, uint32_t flow, uint32_t obj,
                                enum esc_refinement *by)
{
    if (by)
        *by = ESC_REFINE_NONE;
    if (!esc_refine_persists(r, flow)) {
        if (by)
            *by = esc_refine_undone_by(r, flow);
        return false;
    }
    uint64_t key = (uint64_t)obj << 32 | flow;
    uint32_t *known = esc_u64map_get(&r->objects, key);
    uint32_t undone = ESC_REFINE_NONE;
    if (known) {
        undone = *known - 1;
    } else {
        for (size_t i = 0; i < sizeof object_order / sizeof object_order[0] && !undone; i++)
            if (object_order[i].ask(r, flow, obj))
                undone = object_order[i].id;
        esc_u64map_put(&r->objects, key, undone + 1);
    }
    if (by)
        *by = (enum esc_refinement)undone;
    return undone == ESC_REFINE_NONE;
}

enum esc_refinement esc_refine_undone_by(const struct esc_refine *r, uint32_t flow)
{
    return r->persists[flow] >= 2 ? (enum esc_refinement)(r->persists[flow] - 2) : ESC_REFINE_NONE;
}

bool esc_refine_undoes(struct esc_refine *r, const struct esc_stored_place *place, uint32_t stmt)
{
    for (size_t i = 0; i < sizeof undoes_order / sizeof undoes_order[0]; i++)
        if (undoes_order[i].ask(r, place, stmt)) {
            r->undone_by_stmt = undoes_order[i].id;
            return true;
        }
    return false;
}

bool esc_refine_edge_ends(struct esc_refine *r, struct esc_stored_place *place, uint32_t from,
                          uint32_t to)
{
    for (size_t i = 0; i < sizeof edge_order / sizeof edge_order[0]; i++)
        if (edge_order[i].ask(r, place, from, to)) {
            r->undone_by_stmt = edge_order[i].id;
            return true;
        }
    return false;
}

void esc_stored_place_release(struct esc_stored_place *place)
{
    esc_store_facts_free(place->facts);
    place->facts = NULL;
}

struct esc_step *esc_refine_path(struct esc_refine *r, uint32_t obj, uint32_t flow,
                                 uint32_t *nsteps)
{
    uint64_t key = (uint64_t)obj << 32 | flow;
    *nsteps = 0;
    if (esc_u64map_get(&r->infeasible, key))
        return NULL;
    if (!r->explainer)
        r->explainer = esc_explainer_new(r->fn, r->flows, r->pt, r);
    struct esc_step *steps = esc_explain(r->explainer, obj, flow, nsteps);
    if (!steps)
        esc_u64map_put(&r->infeasible, key, 1);
    return steps;
}

static void index_value_defs(struct esc_refine *r)
{
    const struct esc_function *fn = r->fn;
    const struct esc_flows *flows = r->flows;
    r->def_start = esc_xcalloc(fn->nvalues + 2, sizeof *r->def_start);
    for (uint32_t i = 0; i < flows->n; i++)
        if (flows->items[i].dst.kind == ESC_OPND_VALUE)
            r->def_start[flows->items[i].dst.id + 1]++;
    for (uint32_t v = 0; v < fn->nvalues; v++)
        r->def_start[v + 1] += r->def_start[v];
    r->def_flow = esc_xmalloc((r->def_start[fn->nvalues] + 1) * sizeof *r->def_flow);
    uint32_t *fill = esc_xmalloc((fn->nvalues + 1) * sizeof *fill);
    memcpy(fill, r->def_start, (fn->nvalues + 1) * sizeof *fill);
    for (uint32_t i = 0; i < flows->n; i++)
        if (flows->items[i].dst.kind == ESC_OPND_VALUE)
            r->def_flow[fill[flows->items[i].dst.id]++] = i;
    free(fill);
}

bool esc_refine_may_hold(struct esc_refine *r, uint32_t obj, uint32_t v)
{
    const struct esc_value *val = &r->fn->values[v];
    if (val->def == ESC_NONE)
        return val->param >= 0 && r->fn->params[val->param].caller == obj;
    uint64_t key = (uint64_t)obj << 32 | v;
    uint32_t *known = esc_u64map_get(&r->holds, key);
    if (known)
        return *known == 2;
    if (!r->def_start)
        index_value_defs(r);
    bool holds = false;
    for (uint32_t i = r->def_start[v]; i < r->def_start[v + 1] && !holds; i++) {
        uint32_t nsteps;
        struct esc_step *steps = esc_refine_path(r, obj, r->def_flow[i], &nsteps);
        holds = steps != NULL;
        free(steps);
    }
    esc_u64map_put(&r->holds, key, holds ? 2 : 1);
    return holds;
}
