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
    [ESC_RULE_ESCAPE_CALL] = {"escape-call", "StackAddressKeptByCallee",
                              "The address of stack memory is passed to a function that keeps "
                              "it after returning."},
    [ESC_RULE_ESCAPE_THREAD] = {"escape-thread", "StackAddressHandedToThread",
                                "The address of stack memory is handed to a thread that is not "
                                "joined before the function returns."},
    [ESC_RULE_ESCAPE_NOESCAPE] = {"escape-noescape", "NoescapeParameterEscapes",
                                  "A parameter declared noescape escapes from the function."},
    [ESC_RULE_HEAP_TO_STACK] = {"heap-to-stack", "HeapAllocationCouldBeStackArray",
                                "A small heap allocation never outlives its function: a stack "
                                "array would do."},
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
