/* arguments.c - unit tests for parsing the plugin arguments and the help text. */
#include <dejagnu.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/escape.h"
#include "core/analysis/arguments.h"
#include "core/base/rules.h"

static bool contains(const char *text, const char *part)
{
    return text && strstr(text, part) != NULL;
}

static bool lists_all_rules(const char *text)
{
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        if (!contains(text, esc_rule_info((enum esc_rule)r)->id))
            return false;
    return true;
}

/* A failed check about an error message: show the message, then fail. */
static void failed_with(const char *what, const char *error)
{
    note("got: %s", error ? error : "(null)");
    fail("%s", what);
}

static bool none_disabled(const struct esc_options *o)
{
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        if (o->disabled[r])
            return false;
    return true;
}

static void init_is_all_off(void)
{
    struct esc_options o;
    memset(&o, 0xff, sizeof o);
    esc_options_init(&o);
    if (!o.show_help && !o.show_version && none_disabled(&o))
        pass("esc_options_init: no help, no version, nothing disabled");
    else
        fail("esc_options_init: no help, no version, nothing disabled");
}

static void help_and_version(void)
{
    struct esc_options o;
    char *error = NULL;
    esc_options_init(&o);
    bool ok = esc_options_apply(&o, "help", NULL, &error);
    if (ok && !error && o.show_help && !o.show_version && none_disabled(&o))
        pass("help sets show_help only");
    else
        fail("help sets show_help only");
    free(error);
    error = NULL;

    esc_options_init(&o);
    ok = esc_options_apply(&o, "version", NULL, &error);
    if (ok && !error && o.show_version && !o.show_help && none_disabled(&o))
        pass("version sets show_version only");
    else
        fail("version sets show_version only");
    free(error);
    error = NULL;

    ok = esc_options_apply(&o, "help", NULL, &error);
    if (ok && o.show_version && o.show_help)
        pass("help after version keeps both");
    else
        fail("help after version keeps both");
    free(error);
}

static void disable_rules(void)
{
    struct esc_options o;
    char *error = NULL;
    esc_options_init(&o);
    bool ok = esc_options_apply(&o, "disable", "escape-return,escape-heap", &error);
    if (ok && !error && o.disabled[ESC_RULE_ESCAPE_RETURN] && o.disabled[ESC_RULE_ESCAPE_HEAP] &&
        !o.disabled[ESC_RULE_ESCAPE_GLOBAL] && !o.disabled[ESC_RULE_ESCAPE_CALLER] &&
        !o.show_help && !o.show_version)
        pass("disable=escape-return,escape-heap disables exactly those two");
    else
        fail("disable=escape-return,escape-heap disables exactly those two");
    free(error);
    error = NULL;

    /* A second disable= adds to the first. */
    ok = esc_options_apply(&o, "disable", "escape-global", &error);
    if (ok && o.disabled[ESC_RULE_ESCAPE_RETURN] && o.disabled[ESC_RULE_ESCAPE_HEAP] &&
        o.disabled[ESC_RULE_ESCAPE_GLOBAL] && !o.disabled[ESC_RULE_ESCAPE_CALLER])
        pass("a second disable= adds to the first");
    else
        fail("a second disable= adds to the first");
    free(error);
    error = NULL;

    for (int r = 0; r < ESC_RULE_COUNT; r++) {
        const char *id = esc_rule_info((enum esc_rule)r)->id;
        esc_options_init(&o);
        ok = esc_options_apply(&o, "disable", id, &error);
        bool only = ok && !error;
        for (int k = 0; k < ESC_RULE_COUNT; k++)
            if (o.disabled[k] != (k == r))
                only = false;
        if (only)
            pass("disable=%s disables only that rule", id);
        else
            fail("disable=%s disables only that rule", id);
        free(error);
        error = NULL;
    }
}

static void unknown_key(void)
{
    struct esc_options o;
    char *error = NULL;
    esc_options_init(&o);
    bool ok = esc_options_apply(&o, "disabel", "escape-return", &error);
    if (!ok && error)
        pass("unknown key 'disabel' is an error");
    else
        fail("unknown key 'disabel' is an error");
    if (contains(error, "'-fplugin-arg-escape-disabel'"))
        pass("unknown key error names the argument");
    else
        failed_with("unknown key error names the argument", error);
    if (contains(error, "help, version, disable"))
        pass("unknown key error lists the valid keys");
    else
        failed_with("unknown key error lists the valid keys", error);
    if (none_disabled(&o) && !o.show_help && !o.show_version)
        pass("unknown key changes nothing");
    else
        fail("unknown key changes nothing");
    free(error);

    /* Keys are matched exactly, not by prefix or case. */
    static const char *const near[] = {"", "hel", "helpx", "HELP", "Version", "disable "};
    for (size_t i = 0; i < sizeof near / sizeof near[0]; i++) {
        error = NULL;
        esc_options_init(&o);
        ok = esc_options_apply(&o, near[i], NULL, &error);
        if (!ok && error && !o.show_help && !o.show_version)
            pass("key '%s' is unknown", near[i]);
        else
            fail("key '%s' is unknown", near[i]);
        free(error);
    }
}

static void value_for_flag(void)
{
    static const char *const flags[] = {"help", "version"};
    for (size_t i = 0; i < 2; i++) {
        struct esc_options o;
        char *error = NULL;
        esc_options_init(&o);
        bool ok = esc_options_apply(&o, flags[i], "yes", &error);
        if (!ok && error && !o.show_help && !o.show_version)
            pass("%s=yes is an error and sets nothing", flags[i]);
        else
            fail("%s=yes is an error and sets nothing", flags[i]);
        char name[64];
        snprintf(name, sizeof name, "'-fplugin-arg-escape-%s'", flags[i]);
        if (contains(error, name) && contains(error, "'yes'") &&
            contains(error, "help, version, disable"))
            pass("%s=yes error names the argument and its value", flags[i]);
        else {
            note("got: %s", error ? error : "(null)");
            fail("%s=yes error names the argument and its value", flags[i]);
        }
        free(error);
    }
    /* An empty value is still a value. */
    struct esc_options o;
    char *error = NULL;
    esc_options_init(&o);
    if (!esc_options_apply(&o, "help", "", &error) && error && !o.show_help)
        pass("help= (empty value) is an error");
    else
        fail("help= (empty value) is an error");
    free(error);
}

static void bad_disable(void)
{
    struct esc_options o;
    char *error = NULL;

    esc_options_init(&o);
    bool ok = esc_options_apply(&o, "disable", NULL, &error);
    if (!ok && error && none_disabled(&o))
        pass("disable without a value is an error");
    else
        fail("disable without a value is an error");
    if (contains(error, "'-fplugin-arg-escape-disable'") && contains(error, "list of rules"))
        pass("disable without a value: the error names the argument and what it needs");
    else
        failed_with("disable without a value: the error names the argument and what it needs",
                    error);
    if (lists_all_rules(error))
        pass("disable without a value: the error lists the valid rules");
    else
        failed_with("disable without a value: the error lists the valid rules", error);
    free(error);
    error = NULL;

    esc_options_init(&o);
    ok = esc_options_apply(&o, "disable", "", &error);
    if (!ok && error && none_disabled(&o))
        pass("disable= (empty value) is an error");
    else
        fail("disable= (empty value) is an error");
    if (contains(error, "'-fplugin-arg-escape-disable'") && lists_all_rules(error))
        pass("disable= (empty value): the error names the argument and lists the valid rules");
    else
        failed_with(
            "disable= (empty value): the error names the argument and lists the valid rules",
            error);
    free(error);
    error = NULL;

    esc_options_init(&o);
    ok = esc_options_apply(&o, "disable", "escape-stack", &error);
    if (!ok && error && none_disabled(&o))
        pass("disable=escape-stack (unknown rule) is an error");
    else
        fail("disable=escape-stack (unknown rule) is an error");
    if (contains(error, "'escape-stack'") && lists_all_rules(error))
        pass("unknown rule error names the rule and lists the valid rules");
    else
        failed_with("unknown rule error names the rule and lists the valid rules", error);
    free(error);
    error = NULL;

    /* The bad rule is named even when it follows a good one. */
    esc_options_init(&o);
    ok = esc_options_apply(&o, "disable", "escape-heap,return", &error);
    if (!ok && contains(error, "'return'") && lists_all_rules(error))
        pass("disable=escape-heap,return: the error names 'return' and lists the valid rules");
    else
        failed_with(
            "disable=escape-heap,return: the error names 'return' and lists the valid rules",
            error);
    free(error);
    error = NULL;

    /* A list of nothing but separators names no rule: as bad as an empty value. */
    esc_options_init(&o);
    ok = esc_options_apply(&o, "disable", ",", &error);
    if (!ok && error && lists_all_rules(error))
        pass("disable=, (no rule in the list) is an error listing the valid rules");
    else
        failed_with("disable=, (no rule in the list) is an error listing the valid rules", error);
    free(error);
    error = NULL;

    /* Rule ids are exact: no case folding, no spaces. */
    esc_options_init(&o);
    ok = esc_options_apply(&o, "disable", "Escape-Return", &error);
    if (!ok && contains(error, "'Escape-Return'") && !o.disabled[ESC_RULE_ESCAPE_RETURN])
        pass("disable=Escape-Return is an unknown rule");
    else
        fail("disable=Escape-Return is an unknown rule");
    free(error);
}

/* Every value argument with every kind of wrong value: an error naming
   the argument, and the option keeps its old value. */
static void bad_values(void)
{
    static const struct {
        const char *key, *value;
    } bad[] = {
        {"verbose", ""},
        {"verbose", "3"},
        {"verbose", "-1"},
        {"verbose", "+1"},
        {"verbose", "-0"},
        {"verbose", " 1"},
        {"verbose", "1 "},
        {"verbose", "01"},
        {"verbose", "1.0"},
        {"verbose", "x"},
        {"verbose", "99999999999999999999"},
        {"heap-max", NULL},
        {"heap-max", ""},
        {"heap-max", " 1"},
        {"heap-max", "1 "},
        {"heap-max", "+1"},
        {"heap-max", "-1"},
        {"heap-max", "-0"},
        {"heap-max", "0x10"},
        {"heap-max", "1e3"},
        {"heap-max", "64k"},
        {"heap-max", "1073741825"},
        {"heap-max", "18446744073709551616"},
        {"heap-max", "99999999999999999999"},
        {"json", NULL},
        {"json", ""},
        {"sarif", NULL},
        {"sarif", ""},
        {"models", NULL},
        {"models", ""},
        {"summaries", NULL},
        {"summaries", ""},
        {"embed", ""},
        {"embed", "1"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct esc_options o;
        char *error = NULL;
        esc_options_init(&o);
        bool ok = esc_options_apply(&o, bad[i].key, bad[i].value, &error);
        char name[64];
        snprintf(name, sizeof name, "'-fplugin-arg-escape-%s", bad[i].key);
        if (!ok && contains(error, name) && o.verbose == 0 && o.heap_max == ESC_HEAP_MAX_DEFAULT &&
            !o.json_file && !o.sarif_file && !o.nmodel_files && !o.nsummary_paths && !o.embed)
            pass("%s=%s%s%s is an error naming the argument, and changes nothing", bad[i].key,
                 bad[i].value ? "'" : "", bad[i].value ? bad[i].value : "(no value)",
                 bad[i].value ? "'" : "");
        else
            failed_with(bad[i].key, error);
        free(error);
        esc_options_free(&o);
    }
}

/* Good values, and what a repeated argument does: the last verbose=,
   heap-max=, json= and sarif= win (like GCC's -O), models=,
   summaries= and disable= add up. */
static void good_and_repeated_values(void)
{
    struct esc_options o;
    char *error = NULL;
    esc_options_init(&o);
    bool ok = esc_options_apply(&o, "verbose", NULL, &error) && o.verbose == 1 &&
              esc_options_apply(&o, "verbose", "2", &error) && o.verbose == 2 &&
              esc_options_apply(&o, "verbose", "0", &error) && o.verbose == 0 &&
              esc_options_apply(&o, "heap-max", "0", &error) && o.heap_max == 0 &&
              esc_options_apply(&o, "heap-max", "1073741824", &error) && o.heap_max == 1073741824 &&
              esc_options_apply(&o, "heap-max", "0064", &error) && o.heap_max == 64 &&
              esc_options_apply(&o, "json", "a.json", &error) &&
              esc_options_apply(&o, "json", "b.json", &error) &&
              strcmp(o.json_file, "b.json") == 0 &&
              esc_options_apply(&o, "models", "a.json", &error) &&
              esc_options_apply(&o, "models", "a.json", &error) && o.nmodel_files == 2;
    if (ok && !error)
        pass("good values are taken; the last of a repeated value argument wins, lists add up");
    else
        failed_with("good values are taken; the last of a repeated value argument wins", error);
    free(error);
    esc_options_free(&o);
}

static void help_text(void)
{
    char *text = esc_options_help_text();
    for (int r = 0; r < ESC_RULE_COUNT; r++) {
        const struct esc_rule_info *info = esc_rule_info((enum esc_rule)r);
        if (contains(text, info->id) && contains(text, info->summary))
            pass("help text lists rule %s with its summary", info->id);
        else
            fail("help text lists rule %s with its summary", info->id);
    }
    static const char *const keys[] = {"-fplugin-arg-escape-help", "-fplugin-arg-escape-version",
                                       "-fplugin-arg-escape-disable=RULE"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (contains(text, keys[i]))
            pass("help text lists %s", keys[i]);
        else
            fail("help text lists %s", keys[i]);
    size_t len = text ? strlen(text) : 0;
    if (len && text[len - 1] == '\n')
        pass("help text ends with a newline");
    else
        fail("help text ends with a newline");
    free(text);

    const char *keylist = esc_options_keys();
    if (contains(keylist, "help") && contains(keylist, "version") && contains(keylist, "disable"))
        pass("esc_options_keys names help, version and disable");
    else
        fail("esc_options_keys names help, version and disable");
}

int main(void)
{
    init_is_all_off();
    help_and_version();
    disable_rules();
    unknown_key();
    value_for_flag();
    bad_disable();
    bad_values();
    good_and_repeated_values();
    help_text();
    totals();
    return failed ? 1 : 0;
}
