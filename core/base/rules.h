/* rules.h - the diagnostics gcc-escape can emit, each with a stable id. */
#ifndef ESC_RULES_H
#define ESC_RULES_H

enum esc_rule {
    ESC_RULE_ESCAPE_RETURN,
    ESC_RULE_ESCAPE_GLOBAL,
    ESC_RULE_ESCAPE_CALLER,
    ESC_RULE_ESCAPE_HEAP,
    ESC_RULE_ESCAPE_CALL,
    ESC_RULE_ESCAPE_THREAD,
    ESC_RULE_ESCAPE_NOESCAPE,
    ESC_RULE_HEAP_TO_STACK,
    ESC_RULE_COUNT
};

/* Whether a finding was shown, or what silenced it (set by the adapter,
   read by the reports). */
enum esc_suppression {
    ESC_SHOWN,
    ESC_SUPPRESSED_BY_OPTION,    /* -fplugin-arg-escape-disable */
    ESC_SUPPRESSED_BY_ATTRIBUTE, /* __attribute__((escape_suppress)) */
    ESC_SUPPRESSED_BY_PRAGMA,    /* #pragma escape ignored */
    ESC_NOT_SHOWN,               /* GCC hides it: a system header, -w */
};

struct esc_rule_info {
    const char *id;      /* printed in brackets after each message, used by disable= */
    const char *name;    /* CamelCase, for SARIF's reportingDescriptor.name */
    const char *summary; /* one sentence */
    /* For SARIF and code review (GitHub code scanning shows these): */
    const char *description; /* a paragraph: what it finds and why it matters */
    const char *help;        /* markdown: a bad example and the fix */
    const char *cwe;         /* "562", or NULL */
    const char *severity;    /* security-severity, 0.0 to 10.0, or NULL: not a security rule */
    const char *precision;   /* very-high, high, medium or low */
};

const struct esc_rule_info *esc_rule_info(enum esc_rule rule);
/* The rule with this id, or -1. */
int esc_rule_from_id(const char *id);

#endif
