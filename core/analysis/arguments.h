/* arguments.h - the plugin's -fplugin-arg-escape-KEY[=VALUE] arguments, parsed and checked. */
#ifndef ESC_ARGUMENTS_H
#define ESC_ARGUMENTS_H

#include <stdbool.h>
#include <stdint.h>
#include "core/base/rules.h"

/* What -Werror does to a rule's findings. */
enum esc_werror {
    ESC_WERROR_DEFAULT, /* what GCC's -Werror says: warnings, or errors under it */
    ESC_WERROR_ERROR,   /* errors (-fplugin-arg-escape-error), like -Werror=NAME */
    ESC_WERROR_WARNING, /* warnings (-fplugin-arg-escape-no-error), like -Wno-error=NAME */
};

struct esc_options {
    bool disabled[ESC_RULE_COUNT];
    /* error[=RULE,...] and no-error[=RULE,...]; the last one naming a rule wins. */
    enum esc_werror werror[ESC_RULE_COUNT];
    bool show_help;
    bool show_version;
    /* 0: warnings only; 1: also a note with the verdict on every local,
       parameter and allocation, a note for each suppressed finding and a
       count at the end; 2: also each verdict's path, one step per note. */
    int verbose;
    /* 1: report only the findings whose address may be read again; 2:
       also those nothing reads (core/analysis/readers.c). */
    int level;
    /* -fplugin-arg-escape-heap-max=BYTES: heap-to-stack's size limit. */
    int64_t heap_max;
    /* -fplugin-arg-escape-models=FILE, in the order given (repeatable). */
    uint32_t nmodel_files;
    char **model_files;
    /* -fplugin-arg-escape-summaries=PATH, in the order given (repeatable):
       JSON reports of other units, a file or a directory of them. */
    uint32_t nsummary_paths;
    char **summary_paths;
    /* -fplugin-arg-escape-json=FILE, -fplugin-arg-escape-sarif=FILE: the
       reports to write, or NULL. */
    char *json_file;
    char *sarif_file;
    /* -fplugin-arg-escape-embed: the .gcc_escape section for gcc-escape link. */
    bool embed;
    /* -fplugin-arg-escape-dump-ir: each function's IR on standard error. */
    bool dump_ir;
};

void esc_options_init(struct esc_options *opts);
void esc_options_free(struct esc_options *opts);

/* Apply one argument (VALUE is NULL when no '=' was given).  On a bad key
   or value, return false and set *ERROR to a message (caller frees) that
   names the argument and lists the valid ones. */
bool esc_options_apply(struct esc_options *opts, const char *key, const char *value, char **error);

/* Whether RULE's findings are errors, given whether GCC's -Werror is in force. */
bool esc_options_rule_is_error(const struct esc_options *opts, int rule, bool werror);

/* "help, version, disable=RULE[,RULE...], ...": the valid keys, for messages. */
const char *esc_options_keys(void);
/* The text printed by -fplugin-arg-escape-help (caller frees). */
char *esc_options_help_text(void);

#endif
