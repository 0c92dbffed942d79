/* sarif.c - unit tests for the SARIF log's links: a home page only when one is configured, the help
 * always. */
#include <dejagnu.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report/sarif.h"

/* The driver of an empty log written with HOMEPAGE (NULL: none). */
static json_t *driver_for(const char *homepage)
{
    struct esc_report_info info = {.source = "t.c", .version = "test", .homepage = homepage};
    char *text = esc_sarif_end(esc_sarif_begin(&info));
    json_error_t err;
    json_t *root = text ? json_loads(text, 0, &err) : NULL;
    free(text);
    json_t *runs = json_object_get(root, "runs");
    json_t *driver = json_object_get(json_object_get(json_array_get(runs, 0), "tool"), "driver");
    json_incref(driver);
    json_decref(root);
    return driver;
}

static int rules_with(json_t *driver, const char *key)
{
    int n = 0;
    size_t i;
    json_t *rule;
    json_array_foreach(json_object_get(driver, "rules"), i, rule) n +=
        json_object_get(rule, key) != NULL;
    return n;
}

static void no_homepage(const char *what, const char *homepage)
{
    json_t *d = driver_for(homepage);
    size_t nrules = json_array_size(json_object_get(d, "rules"));
    if (d && nrules == ESC_RULE_COUNT && !json_object_get(d, "informationUri") &&
        rules_with(d, "helpUri") == 0 && rules_with(d, "help") == ESC_RULE_COUNT)
        pass("%s: no informationUri, no helpUri, every rule's help", what);
    else
        fail("%s: no informationUri, no helpUri, every rule's help", what);
    json_decref(d);
}

static void with_homepage(void)
{
    json_t *d = driver_for("https://example.org/gcc-escape");
    const char *info = json_string_value(json_object_get(d, "informationUri"));
    json_t *first = json_array_get(json_object_get(d, "rules"), 0);
    const char *help = json_string_value(json_object_get(first, "helpUri"));
    if (info && strcmp(info, "https://example.org/gcc-escape") == 0 && help &&
        strcmp(help, "https://example.org/gcc-escape/blob/main/docs/rules.md#escape-return") == 0 &&
        rules_with(d, "helpUri") == ESC_RULE_COUNT && rules_with(d, "help") == ESC_RULE_COUNT)
        pass("a home page: the informationUri, a helpUri per rule under it, and the help");
    else
        fail("a home page: the informationUri, a helpUri per rule under it, and the help");
    json_decref(d);
}

int main(void)
{
    no_homepage("no home page", NULL);
    no_homepage("an empty home page", "");
    with_homepage();
    totals();
    return 0;
}
