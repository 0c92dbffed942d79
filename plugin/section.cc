/* section.cc - the .gcc_escape section of the object file (-fplugin-arg-escape-embed). */
#include "plugin/adapter.h"
#include "output.h"
#include "version.h"

extern "C" {
#include "report/record.h"
}

#ifndef ESC_VERSION
#define ESC_VERSION "0.0.0"
#endif

/* The record waits here between the analysis and the end of the unit. */
static char *record;

void esc_embed_prepare(const struct esc_results *results, const struct esc_summary_table *summaries)
{
    if (!esc_opts.embed)
        return;
    struct esc_report_info info = {};
    info.source = main_input_filename;
    info.version = ESC_VERSION;
    free(record);
    record = esc_embed_record(results ? esc_unit : nullptr, results, summaries, &info);
    if (!record)
        error("gcc-escape: cannot make the %qs section: out of memory", ESC_EMBED_SECTION);
}

/* The record as .ascii lines in a section of its own.  .pushsection and
   .popsection leave GCC's idea of the current section intact, and a
   section without the "a" flag takes no memory in the program. */
void esc_embed_write(void *, void *)
{
    if (!esc_opts.embed || seen_error() || !asm_out_file)
        return;
    if (!record)
        esc_embed_prepare(nullptr, nullptr);
    if (!record)
        return;
    fprintf(asm_out_file, "\t.pushsection\t%s,\"\",%%progbits\n", ESC_EMBED_SECTION);
    const size_t chunk = 64;
    for (size_t at = 0, len = strlen(record); at < len; at += chunk) {
        fputs("\t.ascii\t\"", asm_out_file);
        for (size_t i = at; i < at + chunk && i < len; i++) {
            unsigned char c = (unsigned char)record[i];
            if (c == '"' || c == '\\')
                fprintf(asm_out_file, "\\%c", c);
            else if (c < 0x20 || c >= 0x7f)
                fprintf(asm_out_file, "\\%03o", c);
            else
                fputc(c, asm_out_file);
        }
        fputs("\"\n", asm_out_file);
    }
    fputs("\t.popsection\n", asm_out_file);
    free(record);
    record = nullptr;
}
