/* report-files.cc - the JSON and SARIF files a compilation writes, when its arguments ask. */
#include "plugin/adapter.h"
#include "tree-diagnostic.h"
#include "version.h"

extern "C" {
#include "report/json.h"
#include "report/output.h"
#include "report/sarif.h"
}

#include <unistd.h>

#ifndef ESC_VERSION
#define ESC_VERSION "0.0.0"
#endif
#ifndef ESC_HOMEPAGE
#define ESC_HOMEPAGE "https://example.invalid/gcc-escape"
#endif

/* Written once per translation unit, after the diagnostics: whole or not
   at all (output.c), and an unwritable path is one GCC error, since the
   user asked for the file. */
static void write_report(const char *target, const char *ext, char *text)
{
    const char *source = main_input_filename ? main_input_filename : "unit";
    char *path = esc_output_path(target, source, ext);
    char *message = nullptr;
    if (!text || !esc_write_file(path, text, strlen(text), &message)) {
        /* About the unit's output, not about the function analysed last:
           no "In function" header and no source line. */
        tree fn = current_function_decl;
        current_function_decl = NULL_TREE;
        diagnostic_set_last_function(global_dc, (diagnostic_info *)nullptr);
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
