/* main.c - gcc-escape, the command-line tool: merge SARIF logs, diff against a baseline, GitLab
 * Code Quality. */
#include "tool/baseline.h"
#include "tool/codequality.h"
#include "tool/link.h"
#include "tool/merge.h"
#include "tool/sarif_log.h"
#include "core/base/util.h"
#include "report/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef ESC_VERSION
#define ESC_VERSION "0.0.0"
#endif

/* Exit statuses: diff's 1 is the one CI gates on. */
enum { EXIT_OK = 0, EXIT_NEW_RESULTS = 1, EXIT_TROUBLE = 2 };

static const char usage[] =
    "Usage: gcc-escape merge [-o FILE] [--format=sarif|codequality] LOG.sarif...\n"
    "       gcc-escape diff --baseline OLD.sarif [-o FILE] [--format=sarif|codequality] "
    "LOG.sarif...\n"
    "       gcc-escape link [-v] [--level=1|2] [--json=FILE] [--sarif=FILE] FILE...\n"
    "       gcc-escape --help | --version\n"
    "\n"
    "merge   one run per tool from the logs the plugin wrote for each translation unit\n"
    "        (-fplugin-arg-escape-sarif): GitHub code scanning rejects an upload with\n"
    "        several runs of one tool; rules and artifacts are de-duplicated and\n"
    "        re-indexed, results sorted by place.\n"
    "diff    merge, then mark each result's baselineState against OLD: new, unchanged,\n"
    "        or absent (in OLD only).  Exits 1 if there is a new result, so CI can\n"
    "        gate on new findings alone.\n"
    "link    read the .gcc_escape sections (-fplugin-arg-escape-embed) of objects,\n"
    "        archives, executables and shared libraries, resolve each unit's calls\n"
    "        into the others, and report what only the whole program reveals: stack\n"
    "        addresses kept by another file's function, heap allocations that only\n"
    "        calls into other files kept on the heap, and which stale addresses in\n"
    "        globals another file reads again.\n"
    "\n"
    "  -o FILE               write there, whole or not at all (default: standard output)\n"
    "  --format=codequality  GitLab Code Quality JSON instead of SARIF\n"
    "  --baseline OLD.sarif  diff: the log to compare with\n"
    "  --json=FILE           link: also write the findings as JSON (docs/link.md)\n"
    "  --sarif=FILE          link: also write them as a SARIF 2.1.0 log\n"
    "  --level=2             link: also print the stale addresses nothing reads again\n"
    "  -v, --verbose         link: name the calls no input defines, and count\n"
    "\n"
    "Exit status: 0 done; 1 diff found new results; 2 bad arguments or input (link\n"
    "still reports what the good inputs show).\n"
    "See the gcc-escape(1) manual page (docs/gcc-escape.1).\n";

static int trouble(const char *fmt, const char *arg)
{
    fputs("gcc-escape: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    return EXIT_TROUBLE;
}

struct args {
    const char *command, *output, *baseline, *json, *sarif;
    bool codequality, verbose;
    int level; /* link --level: 0 when not given */
    int ninputs;
    char **inputs;
};

/* A file option's value: given once, and not empty (GCC's "output
   filename specified twice" is the model: which one was meant?). */
static int set_file(const char **slot, const char *option, const char *value)
{
    if (!value)
        return trouble("option '%s' needs a file name", option);
    if (!*value)
        return trouble("option '%s' needs a file name, got an empty one", option);
    if (*slot)
        return trouble("option '%s' given twice", option);
    *slot = value;
    return EXIT_OK;
}

static int parse(int argc, char **argv, struct args *a)
{
    memset(a, 0, sizeof *a);
    a->command = argv[1];
    a->inputs = calloc((size_t)argc, sizeof *a->inputs);
    if (!a->inputs)
        abort();
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        const char *eq = strchr(arg, '=');
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        /* -o FILE, --output FILE, --output=FILE, and so on. */
        static const char *const file_options[] = {"-o", "--output", "--baseline", "--json",
                                                   "--sarif"};
        const char **slots[] = {&a->output, &a->output, &a->baseline, &a->json, &a->sarif};
        int file_option = -1;
        for (int k = 0; k < 5; k++)
            if (strlen(file_options[k]) == name_len &&
                strncmp(arg, file_options[k], name_len) == 0 && (!eq || k > 0))
                file_option = k;
        if (file_option >= 0) {
            const char *value = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
            char *option = esc_xasprintf("%.*s", (int)name_len, arg);
            int status = set_file(slots[file_option], option, value);
            free(option);
            if (status != EXIT_OK)
                return status;
        } else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
            a->verbose = true;
        } else if (strcmp(arg, "--level=1") == 0 || strcmp(arg, "--level=2") == 0) {
            a->level = arg[8] - '0';
        } else if (strncmp(arg, "--level", 7) == 0 && (arg[7] == '=' || !arg[7])) {
            return trouble("option '%s' needs a level: --level=1 or --level=2", arg);
        } else if (strcmp(arg, "--format=sarif") == 0) {
            a->codequality = false;
        } else if (strcmp(arg, "--format=codequality") == 0) {
            a->codequality = true;
        } else if (strcmp(arg, "--format") == 0) {
            return trouble("option '%s' needs a value: --format=sarif or --format=codequality",
                           arg);
        } else if (strncmp(arg, "--format=", 9) == 0) {
            return trouble("unknown format in '%s'; valid formats: sarif, codequality", arg);
        } else if (strcmp(arg, "-") == 0) {
            return trouble("'%s': standard input is not read; name the file", arg);
        } else if (arg[0] == '-' && arg[1]) {
            return trouble("unknown option '%s'; see 'gcc-escape --help'", arg);
        } else if (!*arg) {
            return trouble("%s", "an input file name is empty");
        } else {
            a->inputs[a->ninputs++] = argv[i];
        }
    }
    bool link = strcmp(a->command, "link") == 0;
    if (a->ninputs == 0)
        return trouble(link ? "%s: no input files; see 'gcc-escape --help'"
                            : "%s: no input logs; see 'gcc-escape --help'",
                       a->command);
    if (link && (a->output || a->baseline || a->codequality))
        return trouble("%s: takes --json=FILE and --sarif=FILE, not -o, --baseline or --format",
                       a->command);
    if (!link && (a->json || a->sarif || a->verbose || a->level))
        return trouble("%s: --json, --sarif, --level and --verbose are for link", a->command);
    bool diff = strcmp(a->command, "diff") == 0;
    if (diff && !a->baseline)
        return trouble("%s: needs --baseline OLD.sarif", a->command);
    if (!diff && a->baseline)
        return trouble("%s: --baseline is for diff", a->command);
    return EXIT_OK;
}

/* An output that would replace an input, or the other output, is refused
   (GCC refuses -o src.c the same way), and each output is checked to be
   writable before any input is read: a link of a thousand objects should
   not fail at the end for a missing directory. */
static int check_outputs(const struct args *a)
{
    const char *options[3] = {"-o", "--json", "--sarif"};
    const char *outputs[3] = {a->output, a->json, a->sarif};
    for (int i = 0; i < 3; i++) {
        const char *out = outputs[i];
        struct stat st;
        /* Standard output, a device or a FIFO is written in place. */
        if (!out || strcmp(out, "-") == 0 || (stat(out, &st) == 0 && !S_ISREG(st.st_mode)))
            continue;
        for (int k = 0; k < i; k++)
            if (outputs[k] && esc_same_file(out, outputs[k])) {
                fprintf(stderr,
                        "gcc-escape: error: output files '%s' (%s) and '%s' (%s) are the same "
                        "file; give each report its own\n",
                        outputs[k], options[k], out, options[i]);
                return EXIT_TROUBLE;
            }
        for (int k = -1; k < a->ninputs; k++) {
            const char *in = k < 0 ? a->baseline : a->inputs[k];
            if (in && esc_same_file(out, in)) {
                fprintf(stderr,
                        "gcc-escape: error: output file '%s' (%s) is the same as input file "
                        "'%s'; an output may not replace an input\n",
                        out, options[i], in);
                return EXIT_TROUBLE;
            }
        }
        char *error = NULL;
        if (!esc_check_output(out, &error)) {
            int status = trouble("%s", error);
            free(error);
            return status;
        }
    }
    return EXIT_OK;
}

static int run(const struct args *a)
{
    int status = EXIT_OK;
    json_t **logs = calloc((size_t)a->ninputs + 1, sizeof *logs);
    json_t *baseline = NULL, *out = NULL;
    char *error = NULL;
    if (!logs)
        abort();
    /* Every input is read before anything is written: a bad one loses
       nothing. */
    for (int i = 0; i < a->ninputs && status == EXIT_OK; i++)
        if (!(logs[i] = sarif_load(a->inputs[i], &error)) ||
            (a->codequality && !codequality_check_uris(logs[i], a->inputs[i], &error)))
            status = trouble("%s", error);
    if (status == EXIT_OK && a->baseline && !(baseline = sarif_load(a->baseline, &error)))
        status = trouble("%s", error);
    if (status == EXIT_OK) {
        const char *conflict;
        out = sarif_merge(logs, (size_t)a->ninputs, &conflict);
        if (conflict)
            fprintf(stderr,
                    "gcc-escape: warning: the logs give uriBaseId '%s' different URIs; "
                    "the first one is kept\n",
                    conflict);
        if (baseline && sarif_mark_baseline(out, baseline) > 0)
            status = EXIT_NEW_RESULTS;
        json_t *written = a->codequality ? sarif_to_codequality(out) : json_incref(out);
        if (!sarif_write(written, a->output, &error))
            status = trouble("%s", error);
        json_decref(written);
    }
    free(error);
    json_decref(out);
    json_decref(baseline);
    for (int i = 0; i < a->ninputs; i++)
        json_decref(logs[i]);
    free(logs);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return fputs(usage, stderr), EXIT_TROUBLE;
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return fputs(usage, stdout), EXIT_OK;
    if (strcmp(argv[1], "--version") == 0)
        return printf("gcc-escape %s\n", ESC_VERSION), EXIT_OK;
    if (strcmp(argv[1], "merge") != 0 && strcmp(argv[1], "diff") != 0 &&
        strcmp(argv[1], "link") != 0)
        return trouble("unknown command '%s'; valid commands: merge, diff, link (see "
                       "'gcc-escape --help')",
                       argv[1]);
    struct args a;
    int status = parse(argc, argv, &a);
    if (status == EXIT_OK)
        status = check_outputs(&a);
    if (status == EXIT_OK && strcmp(a.command, "link") == 0) {
        struct esc_link_options opts = {.json_file = a.json,
                                        .sarif_file = a.sarif,
                                        .verbose = a.verbose,
                                        .level = a.level ? a.level : 1,
                                        .version = ESC_VERSION};
        status = esc_link(&opts, a.inputs, a.ninputs);
    } else if (status == EXIT_OK) {
        status = run(&a);
    }
    free(a.inputs);
    return status;
}
