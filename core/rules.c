/* rules.c - the diagnostics gcc-escape can emit, each with a stable id. */
#include "rules.h"

#include <string.h>

static const struct esc_rule_info rules[ESC_RULE_COUNT] = {
    [ESC_RULE_ESCAPE_RETURN] = {"escape-return", "StackAddressReturned",
                                "The address of stack memory is returned to the caller."},
    [ESC_RULE_ESCAPE_GLOBAL] = {"escape-global", "StackAddressStoredInStaticStorage",
                                "The address of stack memory is stored in static storage."},
    [ESC_RULE_ESCAPE_CALLER] = {"escape-caller", "StackAddressStoredInCallerMemory",
                                "The address of stack memory is stored in memory the caller "
                                "passed in."},
    [ESC_RULE_ESCAPE_HEAP] = {"escape-heap", "StackAddressStoredInEscapingHeapObject",
                              "The address of stack memory is stored in a heap object that "
                              "outlives the function."},
};

const struct esc_rule_info *esc_rule_info(enum esc_rule rule)
{
    return &rules[rule];
}

int esc_rule_from_id(const char *id)
{
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        if (strcmp(rules[r].id, id) == 0)
            return r;
    return -1;
}
