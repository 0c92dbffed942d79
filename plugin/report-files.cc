/* report-files.cc - the JSON and SARIF files a compilation writes, when its arguments ask. */
#include "plugin/adapter.h"
#include "tree-diagnostic.h"
#include "version.h"

extern "C" {
#include "report/json.h"
#include "report/output.h"
#include "report/sarif.h"
}

#include <sys/stat.h>
#include <unistd.h>

#ifndef ESC_VERSION
#define ESC_VERSION "0.0.0"
#endif
/* make HOMEPAGE=URL; without it the SARIF log links nowhere. */
#ifndef ESC_HOMEPAGE
#define ESC_HOMEPAGE nullptr
#endif

/* Where a report for this unit goes: TARGET, or a file in it when it is
   a directory. */
static char *report_path(const char *target, const char *ext)
{
    return esc_output_path(target, main_input_filename ? main_input_filename : "unit", ext);
}

/* Written once per translation unit, after the diagnostics: whole or not
   at all (output.c), and an unwritable path is one GCC error, since the
   user asked for the file. */
static void write_report(const char *target, const char *ext, char *text)
{
    char *path = report_path(target, ext);
    char *message = nullptr;
    if (!text || !esc_write_file(path, text, strlen(text), &message)) {
        /* About the unit's output, not about the function analysed last:
           no "In function" header and no source line. */
        tree fn = current_function_decl;
        current_function_decl = NULL_TREE;
        esc_forget_last_function();
        if (!text)
            error_at(UNKNOWN_LOCATION, "gcc-escape: cannot write %qs: out of memory", path);
        else
            error_at(UNKNOWN_LOCATION, "gcc-escape: %s", message);
        current_function_decl = fn;
    }
    free(message);
    free(path);
    free(text);
}

void esc_write_reports(const struct esc_results *results, const struct esc_summary_table *summaries)
{
    if (!esc_opts.json_file && !esc_opts.sarif_file)
        return;
    struct esc_results none = {};
    if (!results)
        results = &none;
    char *cwd = getcwd(nullptr, 0);
    struct esc_report_info info = {};
    info.source = main_input_filename;
    info.version = ESC_VERSION;
    info.gcc_version = esc_gcc_version();
    info.source_root = cwd;
    info.homepage = ESC_HOMEPAGE;
    if (esc_opts.json_file)
        write_report(esc_opts.json_file, ".json",
                     esc_report_json(esc_unit, results, summaries, &info));
    if (esc_opts.sarif_file)
        write_report(esc_opts.sarif_file, ".sarif", esc_report_sarif(results, &info));
    free(cwd);
}

/* The reports that exist already as regular files: a header the unit
   includes must not be one of them. */
struct existing_report {
    const char *key;
    char *path;
    dev_t dev;
    ino_t ino;
};
static existing_report existing[2];
static unsigned nexisting;

/* "cc1: error: gcc-escape: argument '-fplugin-arg-escape-json=src.c' names
   the input file 'src.c'; a report may not replace it": GCC's own driver
   refuses -o src.c the same way. */
static void refuse(const char *key, const char *target, const char *what, const char *file)
{
    char *message = esc_xasprintf("gcc-escape: argument '-fplugin-arg-escape-%s=%s' names %s "
                                  "'%s'; a report may not replace it",
                                  key, target, what, file);
    error_at(UNKNOWN_LOCATION, "%s", message);
    free(message);
}

/* PLUGIN_INCLUDE_FILE: GCC enters FILE (a header, a -include, a #line). */
static void on_include(void *gcc_data, void *)
{
    const char *file = static_cast<const char *>(gcc_data);
    struct stat st;
    if (!file || stat(file, &st) != 0)
        return;
    for (unsigned i = 0; i < nexisting; i++) {
        existing_report &r = existing[i];
        if (r.path && st.st_dev == r.dev && st.st_ino == r.ino) {
            refuse(r.key, r.path, "the included file", file);
            free(r.path);
            r.path = nullptr; /* once is enough */
        }
    }
}

bool esc_check_reports(const char *plugin_name)
{
    const char *keys[2] = {"json", "sarif"};
    const char *targets[2] = {esc_opts.json_file, esc_opts.sarif_file};
    const char *exts[2] = {".json", ".sarif"};
    char *paths[2] = {};
    bool ok = true;
    for (int i = 0; i < 2; i++)
        if (targets[i])
            paths[i] = report_path(targets[i], exts[i]);
    if (paths[0] && paths[1] && esc_same_file(paths[0], paths[1])) {
        /* Quoted like the other argument errors (core/analysis/arguments.c). */
        char *message = esc_xasprintf("arguments '-fplugin-arg-escape-json=%s' and "
                                      "'-fplugin-arg-escape-sarif=%s' name the same file; "
                                      "give each report its own",
                                      esc_opts.json_file, esc_opts.sarif_file);
        error("%s", message);
        free(message);
        ok = false;
    }
    for (int i = 0; ok && i < 2; i++) {
        if (!paths[i])
            continue;
        struct stat st;
        bool exists = stat(paths[i], &st) == 0;
        /* A device or a FIFO is written in place: it replaces nothing. */
        bool in_place = exists && !S_ISREG(st.st_mode);
        const char *input = main_input_filename;
        const char *output = asm_file_name;
        char *message = nullptr;
        if (!in_place && input && strcmp(input, "-") != 0 && esc_same_file(paths[i], input)) {
            refuse(keys[i], targets[i], "the input file", input);
            ok = false;
        } else if (!in_place && output && strcmp(output, "-") != 0 &&
                   esc_same_file(paths[i], output)) {
            refuse(keys[i], targets[i], "the compiler's output file", output);
            ok = false;
        } else if (!esc_check_output(paths[i], &message)) {
            error("gcc-escape: %s", message);
            ok = false;
        }
        for (uint32_t m = 0; ok && !in_place && m < esc_opts.nmodel_files; m++)
            if (esc_same_file(paths[i], esc_opts.model_files[m])) {
                refuse(keys[i], targets[i], "the model file", esc_opts.model_files[m]);
                ok = false;
            }
        free(message);
        if (ok && exists && !in_place) {
            existing_report &r = existing[nexisting++];
            r.key = keys[i];
            r.path = esc_xstrdup(targets[i]);
            r.dev = st.st_dev;
            r.ino = st.st_ino;
        }
    }
    free(paths[0]);
    free(paths[1]);
    if (ok && nexisting)
        register_callback(plugin_name, PLUGIN_INCLUDE_FILE, on_include, nullptr);
    return ok;
}
