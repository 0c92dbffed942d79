/* probes.c - what the analysis believes at a test's probe: a pointer's targets, the fate of stores.
 */
#include "core/analysis/analysis.h"
#include "core/base/util.h"

#include <stdlib.h>
#include <string.h>

/* A silence test shows that nothing is reported; a probe shows why.  Like
   GCC's analyzer's __analyzer_eval and __analyzer_dump_path, a test calls
   a function the lowering knows by name (core/ir/ir.h, esc_probe), and
   the analysis answers with a note there:

       __escape_dump_points_to (p);   note: points-to of 'p': local 'x', heap@12
       __escape_dump_stores ();       note: store into 'g_top' (line 9): undone on
                                      every path to a return (overwrite: ...)
                                      note: argument 1 of 'push' (line 12): persists

   The answers are read after the analysis, from its final state, and ask
   only questions it has answered or would answer the same way, so a
   probe never changes a finding.  docs/testing.md#probes. */

static void describe_object(const struct esc_function *fn, uint32_t o, struct esc_strbuf *out)
{
    const struct esc_object *obj = &fn->objects[o];
    const char *kind = esc_object_kind_name(obj->kind);
    if (obj->kind == ESC_OBJ_CALLER && obj->param >= 0 && (uint32_t)obj->param < fn->nparams)
        esc_strbuf_addf(out, "caller%s '%s'",
                        obj->flags & ESC_OBJF_DEEPER ? "-deeper"
                        : obj->flags & ESC_OBJF_DEEP ? "-deep"
                                                     : "",
                        fn->params[obj->param].name ? fn->params[obj->param].name : "?");
    else if (obj->name)
        esc_strbuf_addf(out, "%s '%s'", kind, obj->name);
    else if (obj->loc.line)
        esc_strbuf_addf(out, "%s@%u", kind, obj->loc.line);
    else
        esc_strbuf_add(out, kind);
}

static char *points_to(const struct analysis *a, const struct esc_probe *p)
{
    const struct esc_function *fn = a->fn;
    struct esc_strbuf out = {0};
    esc_strbuf_addf(&out, "points-to of '%s':", p->text ? p->text : "?");
    struct esc_bitset set = {0};
    if (p->arg.kind == ESC_OPND_VALUE && p->arg.id < fn->nvalues)
        esc_bitset_union(&set, esc_pts(&a->pt, p->arg.id), a->pt.nwords);
    else if (p->arg.kind == ESC_OPND_ADDR && p->arg.id < fn->nobjects)
        esc_bitset_add(&set, p->arg.id, a->pt.nwords);
    const char *sep = " ";
    for (uint32_t o = esc_bitset_next(&set, a->pt.nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(&set, a->pt.nwords, o + 1)) {
        esc_strbuf_add(&out, sep);
        describe_object(fn, o, &out);
        sep = ", ";
    }
    if (*sep == ' ')
        esc_strbuf_add(&out, " nothing");
    esc_bitset_free(&set);
    return esc_strbuf_finish(&out);
}

static void add_note(struct esc_function_result *out, struct esc_loc loc, char *text)
{
    struct esc_probe_note *n = ESC_PUSH(out->probe_notes, out->nprobe_notes, out->cap_probe_notes);
    n->loc = loc;
    n->text = text;
}

/* For a store that persists: the stack objects whose addresses it stored
   an OBJECT refinement shows gone all the same. */
static void objects_undone(struct analysis *a, const struct esc_flow *f, uint32_t id,
                           struct esc_strbuf *text)
{
    struct esc_bitset carried = {0};
    esc_read_carried(a, f, &carried);
    for (uint32_t o = esc_bitset_next(&carried, a->pt.nwords, 0); o != ESC_NONE;
         o = esc_bitset_next(&carried, a->pt.nwords, o + 1)) {
        enum esc_refinement by;
        if (!esc_object_is_stack(&a->fn->objects[o]) ||
            esc_refine_object_persists(&a->refine, id, o, &by))
            continue;
        esc_strbuf_add(text, ", but not the address of ");
        describe_object(a->fn, o, text);
        esc_strbuf_addf(text, " (%s: %s)", esc_refinement_name(by), esc_refinement_why(by));
    }
    esc_bitset_free(&carried);
}

/* One note per store into memory that outlives the frame (the writers of
   the roots and of heap objects), in statement order. */
static void stores(struct analysis *a, struct esc_loc at)
{
    const struct esc_function *fn = a->fn;
    bool *seen = esc_xcalloc(a->flows.n + 1, sizeof *seen);
    for (uint32_t o = 0; o < fn->nobjects; o++)
        if (can_escape(&fn->objects[o]))
            for (uint32_t i = 0; i < a->writers[o].n; i++)
                seen[a->writers[o].items[i]] = true;
    uint32_t count = 0;
    for (uint32_t id = 0; id < a->flows.n; id++) {
        if (!seen[id])
            continue;
        const struct esc_flow *f = &a->flows.items[id];
        const struct esc_stmt *s = &fn->stmts[f->stmt];
        struct esc_strbuf text = {0};
        if (s->kind == ESC_STMT_CALL && f->arg)
            esc_strbuf_addf(&text, "argument %u of '%s' (line %u): ", f->arg,
                            s->callee ? s->callee : "(indirect call)", s->loc.line);
        else
            esc_strbuf_addf(&text, "store into '%s' (line %u): ", f->dst.text ? f->dst.text : "?",
                            s->loc.line);
        if (esc_refine_persists(&a->refine, id)) {
            esc_strbuf_add(&text, "persists");
            objects_undone(a, f, id, &text);
        } else {
            enum esc_refinement by = esc_refine_undone_by(&a->refine, id);
            esc_strbuf_addf(&text, "undone on every path to a return (%s: %s)",
                            esc_refinement_name(by), esc_refinement_why(by));
        }
        add_note(a->out, s->loc.line ? s->loc : at, esc_strbuf_finish(&text));
        count++;
    }
    if (!count)
        add_note(a->out, at, esc_xstrdup("no store into memory that outlives the frame"));
    free(seen);
}

void esc_answer_probes(struct analysis *a)
{
    const struct esc_function *fn = a->fn;
    for (uint32_t i = 0; i < fn->nprobes; i++) {
        const struct esc_probe *p = &fn->probes[i];
        if (p->kind == ESC_PROBE_POINTS_TO)
            add_note(a->out, p->loc, points_to(a, p));
        else
            stores(a, p->loc);
    }
}
