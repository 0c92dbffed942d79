/* escape-plugin.cc - the plugin's entry point: arguments, passes and callbacks. */
#include "plugin/adapter.h"

#include <sys/stat.h>

extern "C" {
#include "core/summaries/models.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"
}

#ifndef ESC_VERSION
#define ESC_VERSION "0.0.0"
#endif

int plugin_is_GPL_compatible;

struct esc_module *esc_unit;
struct esc_options esc_opts;
/* The user's model files, read once at start-up. */
static struct esc_summary_table esc_models;
/* Whether this unit's report files exist: a unit without functions never
   reaches the analysis pass, and gets empty ones at the end. */
static bool reports_written;

namespace
{

/* A unit to lower into, with the target's pointer width. */
struct esc_module *new_unit()
{
    struct esc_module *m = esc_module_new(nullptr);
    m->pointer_size = POINTER_SIZE / BITS_PER_UNIT;
    return m;
}

/* Where the passes sit, and why.

   escape_lower runs right after "ssa", inside build_ssa_passes: every
   function is in SSA form, but nothing has been inlined, folded away or
   isolated yet, at any -O level.  At -O2 early inlining, SRA and path
   isolation (which rewrites returns of local addresses to NULL) come later,
   so lowering here makes the facts the same at -O0, -O1, -O2, -O3 and -Os.
   The only difference left is that at -O1 and up, locals whose address is
   no longer taken become SSA registers; their addresses were not taken, so
   nothing the analysis cares about changes.  The static functions that
   GCC removes unlowered from -O1 are skipped at -O0 too (unused.cc).

   escape_analyse runs once, right after build_ssa_passes, when every
   function of the unit has been lowered: whole-unit analysis then does not
   depend on the order in which GCC hands functions over.  Neither pass
   changes the IL, so code generation is untouched. */

const pass_data lower_pass_data = {
    GIMPLE_PASS,
    "escape_lower",      /* name */
    OPTGROUP_NONE,       /* optinfo_flags */
    TV_NONE,             /* tv_id */
    PROP_cfg | PROP_ssa, /* properties_required */
    0,                   /* properties_provided */
    0,                   /* properties_destroyed */
    0,                   /* todo_flags_start */
    0,                   /* todo_flags_finish */
};

class lower_pass : public gimple_opt_pass
{
  public:
    explicit lower_pass(gcc::context *ctxt) : gimple_opt_pass(lower_pass_data, ctxt)
    {
    }
    unsigned int execute(function *fun) final override
    {
        if (esc_dropped_when_optimizing(fun->decl))
            return 0;
        esc_lower_function(fun);
        return 0;
    }
};

const pass_data analyse_pass_data = {
    SIMPLE_IPA_PASS,
    "escape_analyse", /* name */
    OPTGROUP_NONE,    /* optinfo_flags */
    TV_NONE,          /* tv_id */
    0,                /* properties_required */
    0,                /* properties_provided */
    0,                /* properties_destroyed */
    0,                /* todo_flags_start */
    0,                /* todo_flags_finish */
};

/* -fplugin-arg-escape-dump-ir: the unit's IR as lowered, before the
   analysis adds its objects. */
void dump_ir(const struct esc_module *m)
{
    for (uint32_t i = 0; i < m->nfunctions; i++) {
        struct esc_strbuf out = {};
        esc_dump_function(m->functions[i], &out);
        char *text = esc_strbuf_finish(&out);
        fputs(text, stderr);
        free(text);
    }
}

class analyse_pass : public simple_ipa_opt_pass
{
  public:
    explicit analyse_pass(gcc::context *ctxt) : simple_ipa_opt_pass(analyse_pass_data, ctxt)
    {
    }
    bool gate(function *) final override
    {
        return esc_unit && esc_unit->nfunctions > 0 && !seen_error();
    }
    unsigned int execute(function *) final override
    {
        struct esc_results results;
        struct esc_summary_table summaries = {};
        struct esc_config config = {};
        config.heap_max = esc_opts.heap_max;
        config.cross_unit_facts = esc_opts.embed;
        /* Functions of other units this unit's data points to (a table's
           initializer, which no lowered body shows). */
        cgraph_node *node;
        FOR_EACH_FUNCTION(node)
        if (node->address_taken && !node->definition && DECL_NAME(node->decl))
            esc_add_addressed(esc_unit, IDENTIFIER_POINTER(DECL_NAME(node->decl)));
        if (esc_opts.dump_ir)
            dump_ir(esc_unit);
        esc_analyze_module(esc_unit, &esc_models, &config, &results, &summaries);
        esc_emit_diagnostics(&results, &summaries);
        esc_write_reports(&results, &summaries);
        esc_embed_prepare(&results, &summaries);
        reports_written = true;
        esc_results_free(&results);
        esc_summary_table_free(&summaries); /* after the notes, which cite them */
        esc_module_free(esc_unit);
        esc_unit = new_unit();
        esc_frontend_facts_clear();
        esc_release_heap();
        return 0;
    }
};

void on_pre_genericize(void *gcc_data, void *)
{
    esc_scan_generic_body(static_cast<tree>(gcc_data));
}

void on_finish(void *, void *)
{
    if (esc_unit && !reports_written && !seen_error())
        esc_write_reports(nullptr, nullptr);
    esc_module_free(esc_unit);
    esc_unit = nullptr;
    esc_frontend_facts_clear();
    esc_summary_table_free(&esc_models);
    esc_options_free(&esc_opts);
}

/* A directory of reports is a previous build's output: a file in it that
   does not load is a warning, and the rest are used. */
void skipped_summary(void *, const char *message)
{
    warning(0, "gcc-escape: %s; file skipped", message);
}

/* summaries=PATH: one report (all or nothing, like a model file), or
   every report in a directory.  Loaded before the model files, which
   are the user's own corrections and so win for a name. */
bool load_summaries(const char *path)
{
    struct stat st;
    char *message = nullptr;
    bool ok = stat(path, &st) == 0 && S_ISDIR(st.st_mode)
                  ? esc_models_load_dir(path, &esc_models, skipped_summary, nullptr, &message)
                  : esc_models_load(path, &esc_models, &message);
    if (!ok)
        error("%s", message);
    free(message);
    return ok;
}

struct plugin_info info = {
    ESC_VERSION,
    "Warns when the address of stack memory outlives its function.  "
    "Arguments: -fplugin-arg-escape-help lists them.",
};

} // namespace

int plugin_init(struct plugin_name_args *plugin, struct plugin_gcc_version *version)
{
    if (!plugin_default_version_check(version, &gcc_version)) {
        error("plugin %qs was built for GCC %s and cannot run in GCC %s; rebuild it with "
              "this compiler",
              plugin->base_name, gcc_version.basever, version->basever);
        return 1;
    }

    /* lto1 runs the plugin again when -fplugin= is on a -flto link.  The
       analysis ran when each unit was compiled; doing nothing here keeps
       the link as it is (and its output gets no second record). */
    if (strcmp(lang_hooks.name, "GNU GIMPLE") == 0) {
        register_callback(plugin->base_name, PLUGIN_INFO, nullptr, &info);
        return 0;
    }

    esc_options_init(&esc_opts);
    bool args_ok = true;
    for (int i = 0; i < plugin->argc; i++) {
        char *message = nullptr;
        if (!esc_options_apply(&esc_opts, plugin->argv[i].key, plugin->argv[i].value, &message)) {
            error("%s", message);
            free(message);
            args_ok = false;
        }
    }
    /* Now rather than after compiling the unit, minutes later for a
       large one: a report path that cannot be written, or that would
       replace the source, the output or a model file. */
    if (args_ok && !esc_check_reports(plugin->base_name))
        args_ok = false;
    for (uint32_t i = 0; args_ok && i < esc_opts.nsummary_paths; i++)
        args_ok = load_summaries(esc_opts.summary_paths[i]);
    for (uint32_t i = 0; args_ok && i < esc_opts.nmodel_files; i++) {
        char *message = nullptr;
        if (!esc_models_load(esc_opts.model_files[i], &esc_models, &message)) {
            error("%s", message);
            free(message);
            args_ok = false;
        }
    }
    if (esc_opts.show_version)
        printf("gcc-escape %s (built for GCC %s)\n", ESC_VERSION, esc_gcc_version());
    if (esc_opts.show_help) {
        char *help = esc_options_help_text();
        fputs(help, stdout);
        free(help);
    }
    register_callback(plugin->base_name, PLUGIN_INFO, nullptr, &info);
    /* The source's annotations are understood even when the arguments are
       wrong, so they do not add "attribute ignored" noise to the errors. */
    register_callback(plugin->base_name, PLUGIN_ATTRIBUTES, esc_register_attributes, nullptr);
    register_callback(plugin->base_name, PLUGIN_PRAGMAS, esc_register_pragmas, nullptr);
    register_callback(plugin->base_name, PLUGIN_FINISH_DECL, esc_note_declaration, nullptr);
    register_callback(plugin->base_name, PLUGIN_START_PARSE_FUNCTION, esc_forget_parameter_lists,
                      nullptr);
    register_callback(plugin->base_name, PLUGIN_FINISH_PARSE_FUNCTION, esc_forget_parameter_lists,
                      nullptr);
    if (!args_ok)
        return 0; /* the errors fail the compilation; no analysis */

    esc_unit = new_unit();

    struct register_pass_info lower = {};
    lower.pass = new lower_pass(g);
    lower.reference_pass_name = "ssa";
    lower.ref_pass_instance_number = 1;
    lower.pos_op = PASS_POS_INSERT_AFTER;
    register_callback(plugin->base_name, PLUGIN_PASS_MANAGER_SETUP, nullptr, &lower);

    struct register_pass_info analyse = {};
    analyse.pass = new analyse_pass(g);
    analyse.reference_pass_name = "build_ssa_passes";
    analyse.ref_pass_instance_number = 1;
    analyse.pos_op = PASS_POS_INSERT_AFTER;
    register_callback(plugin->base_name, PLUGIN_PASS_MANAGER_SETUP, nullptr, &analyse);

    register_callback(plugin->base_name, PLUGIN_PRE_GENERICIZE, on_pre_genericize, nullptr);
    register_callback(plugin->base_name, PLUGIN_FINISH_UNIT, esc_embed_write, nullptr);
    register_callback(plugin->base_name, PLUGIN_FINISH, on_finish, nullptr);
    return 0;
}
