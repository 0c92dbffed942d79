/* diagnose.cc - the core's findings as GCC warnings with notes, unless suppressed. */
#include "plugin/adapter.h"

extern "C" {
#include "core/summaries/summary.h"
#include "report/diagtext.h"
#include "report/verdicts.h"
}

/* The function decls of this unit by DECL_UID, found through the call
   graph rather than kept from lowering, so no tree is held across passes
   behind the garbage collector's back. */
static std::map<unsigned, tree> function_decls()
{
    std::map<unsigned, tree> decls;
    cgraph_node *node;
    FOR_EACH_FUNCTION(node)
    decls[DECL_UID(node->decl)] = node->decl;
    return decls;
}

/* Returns whether the warning was shown (not in a system header, not -w). */
static bool emit_finding(const struct esc_function *fn, const struct esc_finding *f)
{
    struct esc_diag d;
    esc_render_finding(fn, f, &d);
    auto_diagnostic_group group;
    /* error= and no-error= (docs/options.md): -Werror as the user asked for
       this rule, for this one warning. */
    bool werror = esc_warnings_are_errors();
    esc_set_warnings_are_errors(esc_options_rule_is_error(&esc_opts, f->rule, werror));
    bool shown = warning_at((location_t)f->loc.handle, 0, "%s", d.message);
    esc_set_warnings_are_errors(werror);
    if (shown) {
        for (uint32_t i = 0; i < d.nnotes; i++)
            if ((location_t)d.notes[i].loc.handle != UNKNOWN_LOCATION)
                inform((location_t)d.notes[i].loc.handle, "%s", d.notes[i].text);
    }
    esc_diag_free(&d);
    return shown;
}

/* The three ways to silence a finding, widest first. */
static esc_suppression suppressed_by(tree fndecl, const struct esc_finding *f)
{
    if (esc_opts.disabled[f->rule])
        return ESC_SUPPRESSED_BY_OPTION;
    if (fndecl && esc_attribute_suppresses(fndecl, f->rule))
        return ESC_SUPPRESSED_BY_ATTRIBUTE;
    if (esc_pragma_suppresses((location_t)f->loc.handle, f->rule))
        return ESC_SUPPRESSED_BY_PRAGMA;
    return ESC_SHOWN;
}

/* verbose >= 1: one note saying what silenced the finding, and what it was. */
static void note_suppressed(const struct esc_function *fn, const struct esc_finding *f,
                            esc_suppression by)
{
    struct esc_diag d;
    esc_render_finding(fn, f, &d);
    location_t loc = (location_t)f->loc.handle;
    switch (by) {
    case ESC_SUPPRESSED_BY_OPTION:
        inform(loc, "suppressed by %<-fplugin-arg-escape-disable%>: %s", d.message);
        break;
    case ESC_SUPPRESSED_BY_ATTRIBUTE:
        inform(loc, "suppressed by attribute %<escape_suppress%>: %s", d.message);
        break;
    case ESC_SUPPRESSED_BY_PRAGMA:
        inform(loc, "suppressed by %<#pragma escape%>: %s", d.message);
        break;
    case ESC_SHOWN:
    case ESC_NOT_SHOWN:
        break;
    }
    esc_diag_free(&d);
}

/* verbose >= 1: Go's -m, a note with the verdict on every address-taken
   local, pointer parameter and allocation site. */
static void note_verdicts(const struct esc_function_result *r, const struct esc_summary *s)
{
    struct esc_verdicts verdicts;
    esc_collect_verdicts(r, s, &verdicts);
    for (uint32_t i = 0; i < verdicts.n; i++) {
        location_t loc = (location_t)verdicts.items[i].loc.handle;
        /* A system header's declarations are not the user's. */
        if (loc == UNKNOWN_LOCATION || !diagnostic_report_warnings_p(global_dc, loc))
            continue;
        inform(loc, "%s", verdicts.items[i].text);
        if (esc_opts.verbose < 2)
            continue;
        /* Go's -m=2: the path, one step per note. */
        struct esc_diag path;
        esc_verdict_path(r->fn, &verdicts.items[i], &path);
        for (uint32_t k = 0; k < path.nnotes; k++)
            if ((location_t)path.notes[k].loc.handle != UNKNOWN_LOCATION)
                inform((location_t)path.notes[k].loc.handle, "%s", path.notes[k].text);
        esc_diag_free(&path);
    }
    esc_verdicts_free(&verdicts);
}

void esc_emit_diagnostics(struct esc_results *results, const struct esc_summary_table *summaries)
{
    std::map<unsigned, tree> decls = function_decls();
    tree saved = current_function_decl;
    unsigned reported = 0, suppressed = 0, unread = 0;
    for (uint32_t i = 0; i < results->nfunctions; i++) {
        struct esc_function_result *r = &results->functions[i];
        auto it = decls.find((unsigned)r->fn->key);
        tree fndecl = it != decls.end() ? it->second : NULL_TREE;
        /* "In function 'f':" comes from current_function_decl. */
        current_function_decl = fndecl;
        if (r->skipped && r->too_large) {
            inform((location_t)r->fn->loc.handle, "gcc-escape: analysis of %qs skipped: %s",
                   r->fn->name, r->skipped);
            continue;
        }
        if (r->skipped) {
            /* A bug of ours, never the user's: say so once and go on. */
            inform((location_t)r->fn->loc.handle,
                   "gcc-escape: analysis of %qs skipped: internal error: %s", r->fn->name,
                   r->skipped);
            continue;
        }
        for (uint32_t k = 0; k < r->nprobe_notes; k++)
            inform((location_t)r->probe_notes[k].loc.handle, "gcc-escape: %s",
                   r->probe_notes[k].text);
        for (uint32_t k = 0; k < r->nfindings; k++) {
            struct esc_finding *f = &r->findings[k];
            esc_suppression by = suppressed_by(fndecl, f);
            f->suppressed = by;
            /* level=1: what nothing reads again stays in the reports
               (SARIF level "note"), not on the console. */
            if (by == ESC_SHOWN && f->read == ESC_READ_NEVER && esc_opts.level < 2) {
                if (!diagnostic_report_warnings_p(global_dc, (location_t)f->loc.handle))
                    f->suppressed = ESC_NOT_SHOWN;
                else
                    unread++;
                continue;
            }
            if (by == ESC_SHOWN) {
                bool shown = emit_finding(r->fn, f);
                reported += shown;
                if (!shown)
                    f->suppressed = ESC_NOT_SHOWN;
                continue;
            }
            /* Counted like a warning would be: one GCC would not show
               anyway (system header, -w) is not news. */
            if (!diagnostic_report_warnings_p(global_dc, (location_t)f->loc.handle))
                continue;
            suppressed++;
            if (esc_opts.verbose >= 1)
                note_suppressed(r->fn, f, by);
        }
        if (esc_opts.verbose >= 1)
            note_verdicts(r, i < summaries->n && summaries->items[i]->fn == r->fn
                                 ? summaries->items[i]
                                 : nullptr);
    }
    current_function_decl = saved;
    if (esc_opts.verbose >= 1) {
        /* About the unit, not about a function: without this GCC would head
           the note with a bare "At top level:" after a function's findings. */
        tree fn = current_function_decl;
        current_function_decl = NULL_TREE;
        esc_forget_last_function();
        if (unread)
            inform(UNKNOWN_LOCATION,
                   "gcc-escape: %u %s reported, %u suppressed, %u never read again "
                   "(%<-fplugin-arg-escape-level=2%> shows them)",
                   reported, reported == 1 ? "finding" : "findings", suppressed, unread);
        else
            inform(UNKNOWN_LOCATION, "gcc-escape: %u %s reported, %u suppressed", reported,
                   reported == 1 ? "finding" : "findings", suppressed);
        current_function_decl = fn;
    }
    esc_forget_source_lines();
}

const char *esc_rule_ids()
{
    static std::string ids;
    if (ids.empty())
        for (int r = 0; r < ESC_RULE_COUNT; r++) {
            if (r)
                ids += ", ";
            ids += esc_rule_info((enum esc_rule)r)->id;
        }
    return ids.c_str();
}
