/* arguments.c - the plugin's -fplugin-arg-escape-KEY[=VALUE] arguments, parsed and checked. */
#include "core/analysis/arguments.h"
#include "core/summaries/result.h"
#include "core/base/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct key_info {
    const char *key;
    const char *syntax;
    bool takes_value;
    const char *help;
};

static const struct key_info keys[] = {
    {"help", "help", false, "print this help and continue compiling"},
    {"version", "version", false, "print the plugin's version and continue compiling"},
    {"disable", "disable=RULE[,RULE...]", true, "do not report these rules"},
    {"models", "models=FILE", true,
     "read more function models from FILE (JSON, see docs/models.md); repeatable"},
    {"summaries", "summaries=PATH", true,
     "use the summaries in PATH, a JSON report of another unit or a directory of them (a "
     "previous build's -fplugin-arg-escape-json=DIR); repeatable"},
    {"json", "json=FILE", true,
     "write the unit's summaries, verdicts and findings as JSON to FILE (a directory: one "
     "file per unit; see docs/json.md)"},
    {"sarif", "sarif=FILE", true,
     "write the unit's findings as SARIF 2.1.0 to FILE (a directory: one file per unit; see "
     "docs/sarif.md)"},
    {"embed", "embed", false,
     "write the unit's summary and what only other units can settle into the object file's "
     ".gcc_escape section, for gcc-escape link (see docs/link.md)"},
    {"heap-max", "heap-max=BYTES", true,
     "suggest a stack array for heap allocations of at most BYTES (default 1024; 0: never)"},
    {"verbose", "verbose[=LEVEL]", true,
     "LEVEL 1 (the default when no value is given) notes the verdict on every local, "
     "parameter and allocation, and each suppressed finding; 2 adds each verdict's path"},
    {"level", "level=LEVEL", true,
     "1 (the default) reports the stack addresses that may be read again after the function "
     "returns; 2 also those nothing reads again (see docs/rules.md)"},
    {"error", "error[=RULE,...]", true,
     "report these rules' findings (every rule's without a value) as errors, like "
     "-Werror=NAME"},
    {"no-error", "no-error[=RULE,...]", true,
     "keep these rules' findings (every rule's without a value) warnings under -Werror, like "
     "-Wno-error=NAME"},
    {"dump-ir", "dump-ir", false,
     "print every function's IR, as lowered from GIMPLE, on standard error (for tests and "
     "debugging; see docs/testing.md)"},
};

#define NKEYS (sizeof keys / sizeof keys[0])

const char *esc_options_keys(void)
{
    return "help, version, disable=RULE[,RULE...], models=FILE, summaries=PATH, json=FILE, "
           "sarif=FILE, embed, heap-max=BYTES, verbose[=LEVEL], level=LEVEL, error[=RULE,...], "
           "no-error[=RULE,...], dump-ir";
}

static char *rule_list(void)
{
    struct esc_strbuf sb = {0};
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        esc_strbuf_addf(&sb, "%s%s", r ? ", " : "", esc_rule_info(r)->id);
    return esc_strbuf_finish(&sb);
}

void esc_options_init(struct esc_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->heap_max = ESC_HEAP_MAX_DEFAULT;
    opts->level = 1;
}

void esc_options_free(struct esc_options *opts)
{
    for (uint32_t i = 0; i < opts->nmodel_files; i++)
        free(opts->model_files[i]);
    free(opts->model_files);
    opts->model_files = NULL;
    opts->nmodel_files = 0;
    for (uint32_t i = 0; i < opts->nsummary_paths; i++)
        free(opts->summary_paths[i]);
    free(opts->summary_paths);
    opts->summary_paths = NULL;
    opts->nsummary_paths = 0;
    free(opts->json_file);
    opts->json_file = NULL;
    free(opts->sarif_file);
    opts->sarif_file = NULL;
}

/* KEY=VALUE, one digit from LO to HI into *OUT: strtol would also take
   " 1", "+1" and "-0". */
static bool apply_digit(int *out, const char *key, const char *value, char lo, char hi,
                        char **error)
{
    if (value[0] < lo || value[0] > hi || value[1]) {
        *error = esc_xasprintf("argument '-fplugin-arg-escape-%s=%s' needs a level from %c to %c",
                               key, value, lo, hi);
        return false;
    }
    *out = value[0] - '0';
    return true;
}

static bool apply_verbose(struct esc_options *opts, const char *value, char **error)
{
    if (!value) {
        opts->verbose = 1;
        return true;
    }
    return apply_digit(&opts->verbose, "verbose", value, '0', '2', error);
}

/* json=FILE, sarif=FILE: the last one given wins. */
static bool apply_output(char **slot, const char *key, const char *value, char **error)
{
    if (!*value) {
        *error =
            esc_xasprintf("argument '-fplugin-arg-escape-%s' needs a file or directory name", key);
        return false;
    }
    free(*slot);
    *slot = esc_xstrdup(value);
    return true;
}

/* A plain decimal byte count: no sign, no suffix, nothing a typo could
   turn into a different number. */
static bool apply_heap_max(struct esc_options *opts, const char *value, char **error)
{
    char *end;
    errno = 0;
    unsigned long long bytes = strtoull(value, &end, 10);
    if (!*value || *value < '0' || *value > '9' || *end || errno == ERANGE ||
        bytes > ESC_HEAP_MAX_LIMIT) {
        *error = esc_xasprintf("argument '-fplugin-arg-escape-heap-max=%s' needs a number of "
                               "bytes from 0 to %lld",
                               value, (long long)ESC_HEAP_MAX_LIMIT);
        return false;
    }
    opts->heap_max = (int64_t)bytes;
    return true;
}

/* models=FILE, summaries=PATH: each one given is used, in order. */
static bool apply_list(char ***list, uint32_t *n, const char *key, const char *what,
                       const char *value, char **error)
{
    if (!*value) {
        *error = esc_xasprintf("argument '-fplugin-arg-escape-%s' needs %s", key, what);
        return false;
    }
    uint32_t cap = *n;
    *ESC_PUSH(*list, *n, cap) = esc_xstrdup(value);
    return true;
}

static bool no_rules_given(const char *key, const char *value, char **error)
{
    char *rules = rule_list();
    if (value) /* error= and no-error= with nothing after the '=' */
        *error = esc_xasprintf("argument '-fplugin-arg-escape-%s=%s' names no rule; give a "
                               "comma-separated list of rules, or no '=' for every rule; valid "
                               "rules: %s",
                               key, value, rules);
    else
        *error = esc_xasprintf("argument '-fplugin-arg-escape-%s' needs a comma-separated list "
                               "of rules; valid rules: %s",
                               key, rules);
    free(rules);
    return false;
}

/* VALUE, a comma-separated list of rules, into RULES[rule] = true; all
   rules when VALUE is NULL and ALL_IF_NONE. */
static bool parse_rules(const char *key, const char *value, bool all_if_none,
                        bool rules[ESC_RULE_COUNT], char **error)
{
    memset(rules, 0, ESC_RULE_COUNT * sizeof rules[0]);
    if (!value && all_if_none) {
        for (int r = 0; r < ESC_RULE_COUNT; r++)
            rules[r] = true;
        return true;
    }
    if (!value || !value[strspn(value, ",")]) /* "", ",", ",," name no rule */
        return no_rules_given(key, all_if_none ? value : NULL, error);
    char *copy = esc_xstrdup(value);
    bool ok = true;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        int rule = esc_rule_from_id(tok);
        if (rule < 0) {
            char *list = rule_list();
            *error = esc_xasprintf("unknown rule '%s' in '-fplugin-arg-escape-%s=%s'; "
                                   "valid rules: %s",
                                   tok, key, value, list);
            free(list);
            ok = false;
            break;
        }
        rules[rule] = true;
    }
    free(copy);
    return ok;
}

/* disable=RULE,...; error[=RULE,...] and no-error[=RULE,...]. */
static bool apply_rules(struct esc_options *opts, const char *key, const char *value, char **error)
{
    bool is_disable = strcmp(key, "disable") == 0;
    bool rules[ESC_RULE_COUNT];
    if (!parse_rules(key, value, !is_disable, rules, error))
        return false;
    for (int r = 0; r < ESC_RULE_COUNT; r++) {
        if (!rules[r])
            continue;
        if (is_disable)
            opts->disabled[r] = true;
        else
            opts->werror[r] = strcmp(key, "error") == 0 ? ESC_WERROR_ERROR : ESC_WERROR_WARNING;
    }
    return true;
}

bool esc_options_rule_is_error(const struct esc_options *opts, int rule, bool werror)
{
    switch (opts->werror[rule]) {
    case ESC_WERROR_ERROR:
        return true;
    case ESC_WERROR_WARNING:
        return false;
    default:
        return werror;
    }
}

bool esc_options_apply(struct esc_options *opts, const char *key, const char *value, char **error)
{
    const struct key_info *k = NULL;
    for (size_t i = 0; i < NKEYS; i++)
        if (strcmp(keys[i].key, key) == 0)
            k = &keys[i];
    if (!k) {
        *error = esc_xasprintf("unknown argument '-fplugin-arg-escape-%s'; valid arguments: %s",
                               key, esc_options_keys());
        return false;
    }
    /* disable, verbose, error and no-error check a missing value themselves. */
    if (k->takes_value && !value && strcmp(key, "disable") != 0 && strcmp(key, "verbose") != 0 &&
        strcmp(key, "error") != 0 && strcmp(key, "no-error") != 0) {
        *error = esc_xasprintf("argument '-fplugin-arg-escape-%s' needs a value: %s; valid "
                               "arguments: %s",
                               key, k->syntax, esc_options_keys());
        return false;
    }
    if (!k->takes_value && value) {
        *error = esc_xasprintf("argument '-fplugin-arg-escape-%s' takes no value, got '%s'; "
                               "valid arguments: %s",
                               key, value, esc_options_keys());
        return false;
    }
    if (strcmp(key, "help") == 0)
        opts->show_help = true;
    else if (strcmp(key, "embed") == 0)
        opts->embed = true;
    else if (strcmp(key, "dump-ir") == 0)
        opts->dump_ir = true;
    else if (strcmp(key, "version") == 0)
        opts->show_version = true;
    else if (strcmp(key, "disable") == 0 || strcmp(key, "error") == 0 ||
             strcmp(key, "no-error") == 0)
        return apply_rules(opts, key, value, error);
    else if (strcmp(key, "verbose") == 0)
        return apply_verbose(opts, value, error);
    else if (strcmp(key, "level") == 0)
        return apply_digit(&opts->level, "level", value, '1', '2', error);
    else if (strcmp(key, "models") == 0)
        return apply_list(&opts->model_files, &opts->nmodel_files, key, "a file name", value,
                          error);
    else if (strcmp(key, "summaries") == 0)
        return apply_list(&opts->summary_paths, &opts->nsummary_paths, key,
                          "a file or directory name", value, error);
    else if (strcmp(key, "heap-max") == 0)
        return apply_heap_max(opts, value, error);
    else if (strcmp(key, "json") == 0)
        return apply_output(&opts->json_file, key, value, error);
    else if (strcmp(key, "sarif") == 0)
        return apply_output(&opts->sarif_file, key, value, error);
    return true;
}

char *esc_options_help_text(void)
{
    struct esc_strbuf sb = {0};
    esc_strbuf_add(&sb, "Usage: gcc -fplugin=escape [-fplugin-arg-escape-KEY[=VALUE]...] ...\n"
                        "Arguments:\n");
    for (size_t i = 0; i < NKEYS; i++)
        esc_strbuf_addf(&sb, "  -fplugin-arg-escape-%-24s %s\n", keys[i].syntax, keys[i].help);
    esc_strbuf_add(&sb, "Rules:\n");
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        esc_strbuf_addf(&sb, "  %-16s %s\n", esc_rule_info(r)->id, esc_rule_info(r)->summary);
    return esc_strbuf_finish(&sb);
}
