/* rules.c - unit tests for the rule table: ids, CamelCase names, summaries, id lookup. */
#include <dejagnu.h>
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "core/base/rules.h"

static bool camel_case(const char *s)
{
    if (!s || !isupper((unsigned char)s[0]))
        return false;
    bool lower = false;
    for (const char *p = s; *p; p++) {
        if (!isalnum((unsigned char)*p))
            return false;
        if (islower((unsigned char)*p))
            lower = true;
    }
    return lower;
}

static void every_rule_is_described(void)
{
    for (int r = 0; r < ESC_RULE_COUNT; r++) {
        const struct esc_rule_info *info = esc_rule_info((enum esc_rule)r);
        /* Stack escapes are escape-*, the one piece of advice is heap-to-stack. */
        bool advice = r == ESC_RULE_HEAP_TO_STACK;
        const char *want = advice ? "heap-to-stack" : "escape-";
        if (info && info->id && strncmp(info->id, want, strlen(want)) == 0 &&
            (advice ? !info->id[strlen(want)] : info->id[7] != 0))
            pass("rule %d id is '%s%s'", r, want, advice ? "" : "...");
        else {
            note("got: %s", info && info->id ? info->id : "(null)");
            fail("rule %d id is '%s%s'", r, want, advice ? "" : "...");
        }
        if (info && camel_case(info->name))
            pass("rule %d name is CamelCase", r);
        else {
            note("got: %s", info && info->name ? info->name : "(null)");
            fail("rule %d name is CamelCase", r);
        }
        size_t len = info && info->summary ? strlen(info->summary) : 0;
        if (len > 1 && isupper((unsigned char)info->summary[0]) && info->summary[len - 1] == '.')
            pass("rule %d has a one-sentence summary", r);
        else
            fail("rule %d has a one-sentence summary", r);
    }
}

static void ids_are_the_documented_ones(void)
{
    static const struct {
        enum esc_rule rule;
        const char *id;
    } expected[] = {
        {ESC_RULE_ESCAPE_RETURN, "escape-return"},     {ESC_RULE_ESCAPE_GLOBAL, "escape-global"},
        {ESC_RULE_ESCAPE_CALLER, "escape-caller"},     {ESC_RULE_ESCAPE_HEAP, "escape-heap"},
        {ESC_RULE_ESCAPE_CALL, "escape-call"},         {ESC_RULE_ESCAPE_THREAD, "escape-thread"},
        {ESC_RULE_ESCAPE_NOESCAPE, "escape-noescape"}, {ESC_RULE_HEAP_TO_STACK, "heap-to-stack"},
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const char *id = esc_rule_info(expected[i].rule)->id;
        if (strcmp(id, expected[i].id) == 0)
            pass("rule %d has id '%s'", (int)expected[i].rule, expected[i].id);
        else {
            note("got: '%s'", id);
            fail("rule %d has id '%s'", (int)expected[i].rule, expected[i].id);
        }
    }
    if (ESC_RULE_COUNT == sizeof expected / sizeof expected[0])
        pass("there are 8 rules");
    else {
        note("got: %d", ESC_RULE_COUNT);
        fail("there are 8 rules");
    }
}

static void ids_and_names_are_unique(void)
{
    bool ok = true;
    for (int a = 0; a < ESC_RULE_COUNT; a++)
        for (int b = a + 1; b < ESC_RULE_COUNT; b++)
            if (strcmp(esc_rule_info(a)->id, esc_rule_info(b)->id) == 0 ||
                strcmp(esc_rule_info(a)->name, esc_rule_info(b)->name) == 0)
                ok = false;
    if (ok)
        pass("rule ids and names are unique");
    else
        fail("rule ids and names are unique");
}

static void id_lookup(void)
{
    for (int r = 0; r < ESC_RULE_COUNT; r++) {
        const char *id = esc_rule_info((enum esc_rule)r)->id;
        char copy[64];
        snprintf(copy, sizeof copy, "%s", id); /* not the table's own pointer */
        int back = esc_rule_from_id(copy);
        if (back == r)
            pass("esc_rule_from_id('%s') round-trips to %d", id, r);
        else {
            note("got: %d", back);
            fail("esc_rule_from_id('%s') round-trips to %d", id, r);
        }
    }
    static const char *const bad[] = {
        "",
        "escape",
        "escape-",
        "return",
        "Escape-Return",
        "escape-return ",
        "escape-returns",
        "escape-retur",
        "StackAddressReturned",
        "escape-return,escape-heap",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int r = esc_rule_from_id(bad[i]);
        if (r == -1)
            pass("esc_rule_from_id('%s') is -1", bad[i]);
        else {
            note("got: %d", r);
            fail("esc_rule_from_id('%s') is -1", bad[i]);
        }
    }
}

int main(void)
{
    every_rule_is_described();
    ids_are_the_documented_ones();
    ids_and_names_are_unique();
    id_lookup();
    totals();
    return failed ? 1 : 0;
}
