/* models.c - unit tests for reading model files (docs/models.md). */
#include <dejagnu.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/summaries/models.h"
#include "core/summaries/summary.h"
#include "core/base/util.h"

/* Fixtures are written with ' for JSON's ", which C would make us escape;
   write_bytes turns them back.  No fixture needs a real apostrophe. */
#define FILE_OF(functions) "{'schema': 'gcc-escape-summary/2', 'functions': [" functions "]}"
#define FILE_V1_OF(functions) "{'schema': 'gcc-escape-summary/1', 'functions': [" functions "]}"

/* Every field, and keys the loader must ignore. */
static const char full_json[] =
    "{\n"
    "  'schema': 'gcc-escape-summary/2',\n"
    "  'comment': 'ignored: unknown keys are allowed everywhere',\n"
    "  'functions': [\n"
    "    {'name': 'registry_add', 'file': 'registry.c',\n"
    "     'params': [\n"
    "       {'index': 2, 'name': 'item', 'type': 'void *',\n"
    "        'leaks': [{'to': 'kept'}, {'to': 'static', 'level': 1},\n"
    "                  {'to': 'param', 'param': 1, 'why': []}, {'to': 'thread', 'level': 0},\n"
    "                  {'to': 'result'}, {'to': 'kept'}],\n"
    "        'freed': true, 'freed_deep': true, 'unknown': true, 'noescape': false},\n"
    "       {'index': 1, 'noescape': true, 'leaks': []}\n"
    "     ],\n"
    "     'returns': {'fresh': true, 'size_param': 1, 'allocator': 'malloc'}},\n"
    "    {'name': 'store_out',\n"
    "     'params': [{'index': 1, 'leaks': [{'to': 'param', 'param': 4, 'level': 1}],\n"
    "                 'fields': [{'offset': 8, 'size': 8}, {'offset': 0, 'size': 8}]}]},\n"
    "    {'name': 'make_node', 'params': [], 'returns': {'fresh': true, 'size': 48, 'shared': "
    "true}},\n"
    "    {'name': 'keeps_nothing'},\n"
    "    {'name': 'not_fresh', 'returns': {'fresh': false}},\n"
    "    {'name': 'last_param', 'params': [{'index': 64, 'leaks': [{'to': 'result'}]}]}\n"
    "  ]\n"
    "}\n";

/* The example in docs/models.md. */
static const char docs_json[] =
    FILE_OF("{'name': 'registry_add', 'params': [{'index': 2, 'name': 'item', 'leaks': "
            "[{'to': 'kept'}, {'to': 'static', 'level': 1}, {'to': 'param', 'param': 1}], "
            "'freed': false, 'unknown': false, 'noescape': false}], "
            "'returns': {'fresh': true, 'size_param': 1}}");

/* Allocators and deallocators by name: a product size, a deallocator the
   file lists (with no word about that parameter) and one it does not, a
   wrapper that deallocates, and free named the way glibc does. */
static const char allocators_json[] = FILE_OF(
    "{'name': 'my_calloc', 'returns': {'fresh': true, 'size_params': [1, 2], "
    "'deallocator': {'name': 'my_free'}}}, "
    "{'name': 'pool_get', 'returns': {'fresh': true, 'size_param': 2, "
    "'deallocator': {'name': 'pool_put', 'param': 2}}}, "
    "{'name': 'pool_put', 'params': [{'index': 1, 'unknown': true}]}, "
    "{'name': 'xfree', 'params': [{'index': 1, 'freed': true, 'dealloc': {'name': 'free'}}]}, "
    "{'name': 'gl_alloc', 'returns': {'fresh': true, 'size_param': 1, "
    "'deallocator': {'name': '__builtin_free', 'param': 1}}}");

/* A file that is well-formed JSON but wrong, and the message after "FILE: ".
   SCHEMA_TOO marks the faults JSON Schema can express as well, so that
   make check-schema can hold docs/schemas/summary.schema.json to the
   loader; duplicates and a parameter stored into itself it cannot. */
struct bad {
    const char *name;
    const char *json;
    const char *message;
    bool schema_too;
};

static const struct bad bad_files[] = {
    {"top-array", "[1, 2]", "expected an object, got an array", true},
    {"schema-missing", "{'functions': []}", "schema: missing; expected \"gcc-escape-summary/2\"",
     true},
    {"schema-number", "{'schema': 1, 'functions': []}", "schema: expected a string, got an integer",
     true},
    {"schema-version", "{'schema': 'gcc-escape-summary/3', 'functions': []}",
     "schema: unsupported version 'gcc-escape-summary/3'; this gcc-escape reads "
     "gcc-escape-summary/1 and gcc-escape-summary/2",
     true},
    {"schema-other", "{'schema': 'sarif-2.1.0', 'functions': []}",
     "schema: 'sarif-2.1.0' is not a gcc-escape summary; expected \"gcc-escape-summary/2\"", true},
    {"functions-missing", "{'schema': 'gcc-escape-summary/1'}", "functions: missing", true},
    {"functions-object", "{'schema': 'gcc-escape-summary/1', 'functions': {}}",
     "functions: expected an array, got an object", true},
    {"function-string", FILE_OF("'malloc'"), "functions[0]: expected an object, got a string",
     true},
    {"name-missing", FILE_OF("{'params': []}"), "functions[0].name: missing", true},
    {"name-empty", FILE_OF("{'name': ''}"), "functions[0].name: empty; expected a function name",
     true},
    {"name-null", FILE_OF("{'name': null}"), "functions[0].name: expected a string, got null",
     true},
    {"name-duplicate", FILE_OF("{'name': 'f'}, {'name': 'g'}, {'name': 'f'}"),
     "functions[2].name: duplicate function 'f' (also functions[0])", false},
    {"params-object", FILE_OF("{'name': 'f', 'params': {'index': 1}}"),
     "functions[0].params: expected an array, got an object", true},
    {"param-number", FILE_OF("{'name': 'f', 'params': [1]}"),
     "functions[0].params[0]: expected an object, got an integer", true},
    {"index-missing", FILE_OF("{'name': 'f', 'params': [{'freed': true}]}"),
     "functions[0].params[0].index: missing", true},
    {"index-0", FILE_OF("{'name': 'f', 'params': [{'index': 0}]}"),
     "functions[0].params[0].index: 0 is out of range; expected 1 to 64", true},
    {"index-65", FILE_OF("{'name': 'f', 'params': [{'index': 65}]}"),
     "functions[0].params[0].index: 65 is out of range; expected 1 to 64", true},
    {"index-negative", FILE_OF("{'name': 'f', 'params': [{'index': -1}]}"),
     "functions[0].params[0].index: -1 is out of range; expected 1 to 64", true},
    {"index-huge", FILE_OF("{'name': 'f', 'params': [{'index': 9223372036854775807}]}"),
     "functions[0].params[0].index: 9223372036854775807 is out of range; expected 1 to 64", true},
    {"index-string", FILE_OF("{'name': 'f', 'params': [{'index': '1'}]}"),
     "functions[0].params[0].index: expected an integer, got a string", true},
    {"index-fraction", FILE_OF("{'name': 'f', 'params': [{'index': 1.5}]}"),
     "functions[0].params[0].index: expected an integer, got a real number", true},
    /* JSON Schema counts 1.0 as an integer; the loader, like jansson, does not. */
    {"index-real", FILE_OF("{'name': 'f', 'params': [{'index': 1.0}]}"),
     "functions[0].params[0].index: expected an integer, got a real number", false},
    {"fields-size",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'fields': [{'offset': 8, 'size': 0}]}]}"),
     "functions[0].params[0].fields[0].size: 0 is out of range; expected 1 or more", true},
    {"fields-offset",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'fields': [{'offset': -8, 'size': 8}]}]}"),
     "functions[0].params[0].fields[0].offset: -8 is out of range; expected 0 or more", true},
    {"fields-missing-size",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'fields': [{'offset': 8}]}]}"),
     "functions[0].params[0].fields[0].size: missing", true},
    {"fields-object", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'fields': {'offset': 8}}]}"),
     "functions[0].params[0].fields: expected an array, got an object", true},
    {"link-writes-range", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'link_writes': [0, 2]}]}"),
     "functions[0].params[0].link_writes[1]: expected 0 (the link at offset 0) or 1 (the link "
     "after it)",
     true},
    {"list-offset-negative",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'links': true, 'list_offset': -8}]}"),
     "functions[0].params[0].list_offset: -8 is out of range; expected 0 to 2147483647", true},
    /* The schema does not tie list_offset to links or unlinks. */
    {"list-offset-alone", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'list_offset': 8}]}"),
     "functions[0].params[0].list_offset: only allowed when \"links\" or \"unlinks\" is true",
     false},
    {"index-duplicate",
     FILE_OF("{'name': 'f', 'params': [{'index': 2}, {'index': 1}, {'index': 2}]}"),
     "functions[0].params[2].index: duplicate parameter 2 (also params[0])", false},
    {"param-name-number", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'name': 7}]}"),
     "functions[0].params[0].name: expected a string, got an integer", true},
    {"freed-string", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'freed': 'yes'}]}"),
     "functions[0].params[0].freed: expected a boolean, got a string", true},
    {"unknown-number", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'unknown': 1}]}"),
     "functions[0].params[0].unknown: expected a boolean, got an integer", true},
    {"noescape-null", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'noescape': null}]}"),
     "functions[0].params[0].noescape: expected a boolean, got null", true},
    {"joins-pointed-int", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'joins_pointed': 1}]}"),
     "functions[0].params[0].joins_pointed: expected a boolean, got an integer", true},
    {"leaks-object", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': {'to': 'kept'}}]}"),
     "functions[0].params[0].leaks: expected an array, got an object", true},
    {"leak-string",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'kept'}, "
             "'static']}]}"),
     "functions[0].params[0].leaks[1]: expected an object, got a string", true},
    {"to-missing", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'level': 1}]}]}"),
     "functions[0].params[0].leaks[0].to: missing", true},
    {"to-number", FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 3}]}]}"),
     "functions[0].params[0].leaks[0].to: expected a string, got an integer", true},
    {"to-unknown",
     FILE_OF("{'name': 'f'}, {'name': 'g'}, {'name': 'h', 'params': [{'index': 1, 'leaks': "
             "[{'to': 'kept'}, {'to': 'foo'}]}]}"),
     "functions[2].params[0].leaks[1].to: unknown sink 'foo'; expected static, kept, thread, "
     "result or param",
     true},
    {"to-capitalised",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'Static'}]}]}"),
     "functions[0].params[0].leaks[0].to: unknown sink 'Static'; expected static, kept, thread, "
     "result or param",
     true},
    {"level-2",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'static', 'level': 2}]}]}"),
     "functions[0].params[0].leaks[0].level: 2 is out of range; expected 0 or 1", true},
    {"level-negative",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'static', 'level': -1}]}]}"),
     "functions[0].params[0].leaks[0].level: -1 is out of range; expected 0 or 1", true},
    {"level-boolean",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'static', 'level': true}]}]}"),
     "functions[0].params[0].leaks[0].level: expected an integer, got a boolean", true},
    {"param-leak-missing",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'param'}]}]}"),
     "functions[0].params[0].leaks[0].param: missing; required when \"to\" is \"param\"", true},
    {"param-leak-not-param",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'kept', 'param': 2}]}]}"),
     "functions[0].params[0].leaks[0].param: only allowed when \"to\" is \"param\"", true},
    {"param-leak-itself",
     FILE_OF("{'name': 'f', 'params': [{'index': 2, 'leaks': [{'to': 'param', 'param': 2}]}]}"),
     "functions[0].params[0].leaks[0].param: 2 is the parameter itself; expected the parameter it "
     "is stored into",
     false},
    {"param-leak-0",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'param', 'param': 0}]}]}"),
     "functions[0].params[0].leaks[0].param: 0 is out of range; expected 1 to 64", true},
    {"param-leak-65",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'leaks': [{'to': 'param', 'param': 65}]}]}"),
     "functions[0].params[0].leaks[0].param: 65 is out of range; expected 1 to 64", true},
    {"returns-array", FILE_OF("{'name': 'f', 'returns': []}"),
     "functions[0].returns: expected an object, got an array", true},
    {"fresh-string", FILE_OF("{'name': 'f', 'returns': {'fresh': 'true'}}"),
     "functions[0].returns.fresh: expected a boolean, got a string", true},
    {"size-without-fresh", FILE_OF("{'name': 'f', 'returns': {'size': 16}}"),
     "functions[0].returns.size: only allowed when \"fresh\" is true", true},
    {"size-param-without-fresh",
     FILE_OF("{'name': 'f', 'returns': {'fresh': false, 'size_param': 1}}"),
     "functions[0].returns.size_param: only allowed when \"fresh\" is true", true},
    {"shared-without-fresh", FILE_OF("{'name': 'f', 'returns': {'shared': true}}"),
     "functions[0].returns.shared: only allowed when \"fresh\" is true", true},
    {"size-negative", FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'size': -8}}"),
     "functions[0].returns.size: -8 is out of range; expected 0 or more", true},
    {"size-param-0", FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'size_param': 0}}"),
     "functions[0].returns.size_param: 0 is out of range; expected 1 to 64", true},
    {"size-and-size-param",
     FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'size': 8, 'size_param': 1}}"),
     "functions[0].returns.size: not allowed together with \"size_param\"; give one or the other",
     true},
    {"size-params-one", FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'size_params': [1]}}"),
     "functions[0].returns.size_params: expected two parameters, got 1", true},
    {"size-params-0", FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'size_params': [1, 0]}}"),
     "functions[0].returns.size_params[1]: 0 is out of range; expected 1 to 64", true},
    {"size-params-and-size-param",
     FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'size_param': 1, 'size_params': [1, 2]}}"),
     "functions[0].returns.size_params: not allowed together with \"size_param\" or \"size\"; "
     "give one",
     true},
    {"size-params-without-fresh", FILE_OF("{'name': 'f', 'returns': {'size_params': [1, 2]}}"),
     "functions[0].returns.size_params: only allowed when \"fresh\" is true", true},
    {"deallocator-without-fresh",
     FILE_OF("{'name': 'f', 'returns': {'deallocator': {'name': 'g'}}}"),
     "functions[0].returns.deallocator: only allowed when \"fresh\" is true", true},
    {"deallocator-no-name", FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'deallocator': {}}}"),
     "functions[0].returns.deallocator.name: missing", true},
    {"deallocator-empty",
     FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'deallocator': {'name': ''}}}"),
     "functions[0].returns.deallocator.name: empty; expected a function name", true},
    {"deallocator-param-0",
     FILE_OF("{'name': 'f', 'returns': {'fresh': true, 'deallocator': {'name': 'g', 'param': 0}}}"),
     "functions[0].returns.deallocator.param: 0 is out of range; expected 1 to 64", true},
    {"dealloc-without-freed",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'dealloc': {'name': 'free'}}]}"),
     "functions[0].params[0].dealloc: only allowed when \"freed\" is true", true},
    {"write-static-and-param",
     FILE_OF("{'name': 'f', 'writes': [{'static': 'g', 'param': 1, 'deref': 1, 'offset': 0, "
             "'size': 8}]}"),
     "functions[0].writes[0].static: not allowed together with \"param\" and \"deref\"", true},
    {"write-static-empty",
     FILE_OF("{'name': 'f', 'writes': [{'static': '', 'offset': 0, 'size': 8}]}"),
     "functions[0].writes[0].static: empty; expected a variable name", true},
    {"write-size-0",
     FILE_OF("{'name': 'f', 'writes': [{'param': 1, 'deref': 1, 'offset': 0, 'size': 0}]}"),
     "functions[0].writes[0].size: 0 is out of range; expected 1 or more", true},
    {"handle-elsewhere",
     FILE_OF("{'name': 'f', 'params': [{'index': 1, 'thread_handle': {'to': 'static'}}]}"),
     "functions[0].params[0].thread_handle.to: unknown place 'static'; expected result or param",
     true},
    /* All or nothing: the first function was fine. */
    {"second-function-bad", FILE_OF("{'name': 'fine'}, {'name': 'broken', 'params': [{}]}"),
     "functions[1].params[0].index: missing", true},
};

/* Not JSON at all: the message is "FILE:LINE:COLUMN: JSON syntax error: "
   and jansson's own words.  jansson's column is that of the last character
   it read (the end of a bad token); at column 0, the start of a line, GCC
   would leave the column out, and so does the loader. */
struct broken {
    const char *name;
    const char *text;
    const char *where; /* after FILE */
    const char *words; /* part of jansson's text */
};

static const struct broken broken_files[] = {
    {"truncated", "{'schema': 'gcc-escape-summary/1', 'functions': [",
     ":1:49: JSON syntax error: ", "end of file"},
    {"bad-token", "{\n  'schema': 'gcc-escape-summary/1',\n  'functions': [tru]\n}",
     ":3:19: JSON syntax error: ", "invalid token"},
    {"duplicate-key", "{'schema': 'gcc-escape-summary/1', 'schema': 'x', 'functions': []}",
     ":1:43: JSON syntax error: ", "duplicate object key"},
    {"too-big", FILE_OF("{'name': 'f', 'params': [{'index': 99999999999999999999}]}"),
     ":1:104: JSON syntax error: ", "too big integer"},
    {"trailing", FILE_OF("") " {}", ":1:53: JSON syntax error: ", "end of file expected"},
    {"whitespace-only", "\n\n", ":3: JSON syntax error: ", "'[' or '{' expected"},
};

static char dir[4096];

static char *fixture_path(const char *name)
{
    return esc_xasprintf("%s/%s.json", dir, name);
}

/* Write LEN bytes of TEXT (with ' for ") to DIR/NAME.json; returns the path. */
static char *write_bytes(const char *name, const char *text, size_t len)
{
    char *path = fixture_path(name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(2);
    }
    for (size_t i = 0; i < len; i++)
        fputc(text[i] == '\'' ? '"' : text[i], f);
    fclose(f);
    return path;
}

static char *write_json(const char *name, const char *text)
{
    return write_bytes(name, text, strlen(text));
}

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Pass or fail the check named by FMT; a failure shows GOT (an error
   message or a dump) and, when not NULL, what was wanted. */
static void check(bool ok, const char *got, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void check(bool ok, const char *got, const char *want, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (ok) {
        pass("%s", what);
        return;
    }
    if (want)
        note("want: %s", want);
    note("got: %s", got ? got : "(null)");
    fail("%s", what);
}

/* A table that already holds one summary, to see that errors add nothing. */
static void table_with_one(struct esc_summary_table *t)
{
    memset(t, 0, sizeof *t);
    esc_summary_table_add(t, esc_summary_new("already_there", 1));
}

static bool unchanged(const struct esc_summary_table *t, const struct esc_summary *first)
{
    return t->n == 1 && t->items[0] == first && esc_summary_table_find(t, "f") == NULL;
}

static char *dump(const struct esc_summary *s)
{
    struct esc_strbuf sb = {0};
    if (s)
        esc_summary_dump(s, &sb);
    return esc_strbuf_finish(&sb);
}

static void check_dump(const struct esc_summary_table *t, const char *name, const char *want)
{
    char *got = dump(esc_summary_table_find(t, name));
    check(strcmp(got, want) == 0, got, want, "full file: %s dumps as expected", name);
    free(got);
}

static bool no_paths(const struct esc_summary *s)
{
    for (uint32_t i = 0; i < s->nparams; i++)
        for (unsigned l = 0; l < ESC_LEAK_LEVELS; l++)
            for (unsigned k = 0; k < ESC_LEAK_SINK_COUNT; k++)
                if (s->params[i].why[l][k])
                    return false;
    return true;
}

/* A version 1 file is read as it always was: "fields" meant nothing
   then, so its level-1 leaks take every field. */
static const char v1_json[] = FILE_V1_OF(
    "{'name': 'store_out', 'params': [{'index': 1, 'leaks': [{'to': 'param', 'param': 4, "
    "'level': 1}], 'fields': [{'offset': 8, 'size': 0}]}]}");

static void version_1_file(void)
{
    char *path = write_json("v1", v1_json);
    struct esc_summary_table t = {0};
    char *error = NULL;
    bool ok = esc_models_load(path, &t, &error);
    check(ok && !error && t.n == 1, error, NULL, "version 1 file loads, its fields ignored");
    char *got = dump(esc_summary_table_find(&t, "store_out"));
    const char *want = "store_out:\n  param1: *param4\n  param2:\n  param3:\n  param4:\n";
    check(strcmp(got, want) == 0, got, want, "version 1 file: a level-1 leak takes every field");
    free(got);
    free(error);
    esc_summary_table_free(&t);
    unlink(path);
    free(path);
}

static void full_file(void)
{
    char *path = write_json("full", full_json);
    struct esc_summary_table t;
    table_with_one(&t);
    char *error = NULL;
    bool ok = esc_models_load(path, &t, &error);
    check(ok && !error && t.n == 7, error, NULL, "full file loads: six functions appended");
    check(t.items[0] == esc_summary_table_find(&t, "already_there"), NULL, NULL,
          "full file: earlier entries kept");

    check_dump(&t, "registry_add",
               "registry_add: returns fresh size=param1\n"
               "  param1: noescape\n"
               "  param2: kept thread result param1 *static freed *freed unknown\n");
    check_dump(&t, "store_out",
               "store_out:\n  param1: *param4 *fields=8:8,0:8\n  param2:\n  param3:\n  param4:\n");
    check_dump(&t, "make_node", "make_node: returns fresh size=48 shared\n");
    check_dump(&t, "keeps_nothing", "keeps_nothing:\n");
    check_dump(&t, "not_fresh", "not_fresh:\n");

    const struct esc_summary *s = esc_summary_table_find(&t, "registry_add");
    check(s && !s->fn && s->origin && strcmp(s->origin, path) == 0 && s->nparams == 2, NULL, NULL,
          "registry_add: origin is the file, no definition, two parameters");
    const uint8_t item_leaks =
        1u << ESC_LEAK_KEPT | 1u << ESC_LEAK_THREAD | 1u << ESC_LEAK_RESULT | 1u << ESC_LEAK_PARAM;
    check(s && s->params[1].leaks[0] == item_leaks &&
              s->params[1].leaks[1] == 1u << ESC_LEAK_STATIC && s->params[1].stored_into[0] == 1 &&
              s->params[1].stored_into[1] == 0 && s->params[1].freed && s->params[1].unknown &&
              !s->params[1].noescape,
          NULL, NULL, "registry_add: item's leaks by level, stored into param 1, freed, unknown");
    check(s && !s->params[0].leaks[0] && !s->params[0].leaks[1] && !s->params[0].freed &&
              !s->params[0].unknown && s->params[0].noescape,
          NULL, NULL, "registry_add: parameter 1 is only noescape");
    check(s && s->ret.fresh && s->ret.size_param == 0 && s->ret.size == -1, NULL, NULL,
          "registry_add: returns fresh memory sized by parameter 1 (0-based 0)");
    check(s && no_paths(s), NULL, NULL, "registry_add: a model has no paths");

    s = esc_summary_table_find(&t, "store_out");
    check(s && s->nparams == 4 && s->params[0].stored_into[1] == UINT64_C(1) << 3 &&
              s->params[0].leaks[1] == 1u << ESC_LEAK_PARAM,
          NULL, NULL, "store_out: nparams grows to the parameter stored into (4)");
    s = esc_summary_table_find(&t, "make_node");
    check(s && s->nparams == 0 && !s->params && s->ret.fresh && s->ret.size == 48 &&
              s->ret.size_param == -1,
          NULL, NULL, "make_node: no parameters, fresh, constant size 48");
    s = esc_summary_table_find(&t, "not_fresh");
    check(s && s->nparams == 0 && !s->ret.fresh && s->ret.size == -1 && s->ret.size_param == -1,
          NULL, NULL, "not_fresh: not fresh, no sizes");
    s = esc_summary_table_find(&t, "last_param");
    check(s && s->nparams == 64 && s->params[63].leaks[0] == 1u << ESC_LEAK_RESULT, NULL, NULL,
          "last_param: index 64 is accepted");

    /* A later file overrides an earlier one for the same name. */
    char *later = write_json("later", FILE_OF("{'name': 'registry_add', 'params': [{'index': 1, "
                                              "'freed': true}]}"));
    free(error);
    error = NULL;
    ok = esc_models_load(later, &t, &error);
    s = esc_summary_table_find(&t, "registry_add");
    check(ok && t.n == 8 && s && strcmp(s->origin, later) == 0 && s->nparams == 1 &&
              s->params[0].freed && !s->ret.fresh,
          error, NULL, "a later file's entry overrides an earlier file's");

    /* A stop helper: joins the handle kept where its argument points. */
    char *stop = write_json("stop", FILE_OF("{'name': 'pool_stop', 'params': [{'index': 1, "
                                            "'joins_pointed': true}]}"));
    free(error);
    error = NULL;
    ok = esc_models_load(stop, &t, &error);
    s = esc_summary_table_find(&t, "pool_stop");
    check(ok && s && s->nparams == 1 && s->params[0].joins_pointed && !s->params[0].joins &&
              s->any_joins,
          error, NULL, "pool_stop: joins_pointed, a join for its callers, not by value");
    remove(stop);
    free(stop);

    char *docs = write_json("docs", docs_json);
    struct esc_summary_table d = {0};
    ok = esc_models_load(docs, &d, &error);
    char *got = ok && d.n == 1 ? dump(d.items[0]) : NULL;
    const char *want = "registry_add: returns fresh size=param1\n"
                       "  param1:\n"
                       "  param2: kept param1 *static\n";
    check(got && strcmp(got, want) == 0, got ? got : error, want,
          "the example in docs/models.md loads");
    free(got);
    esc_summary_table_free(&d);

    remove(path);
    remove(later);
    remove(docs);
    free(path);
    free(later);
    free(docs);
    free(error);
    esc_summary_table_free(&t);
}

/* Load PATH into a one-entry table; it must fail and leave the table as
   it was.  Returns the message. */
static char *load_fails(const char *name, const char *path)
{
    struct esc_summary_table t;
    table_with_one(&t);
    struct esc_summary *first = t.items[0];
    char *error = NULL;
    bool ok = esc_models_load(path, &t, &error);
    check(!ok && error && unchanged(&t, first), error, NULL, "%s: rejected, table unchanged", name);
    esc_summary_table_free(&t);
    return error;
}

/* PATH must be rejected with exactly "PATH: MESSAGE". */
static void expect_message(const char *name, const char *path, const char *message)
{
    char *error = load_fails(name, path);
    char *want = esc_xasprintf("%s: %s", path, message);
    check(error && strcmp(error, want) == 0, error, want, "%s: message names the file and field",
          name);
    free(want);
    free(error);
}

static void bad_file(const struct bad *b)
{
    char *path = write_json(b->name, b->json);
    expect_message(b->name, path, b->message);
    remove(path);
    free(path);
}

static void broken_file(const struct broken *b)
{
    char *path = write_json(b->name, b->text);
    char *error = load_fails(b->name, path);
    char *want = esc_xasprintf("%s%s...%s", path, b->where, b->words);
    char *where = esc_xasprintf("%s%s", path, b->where);
    check(starts_with(error, where) && strstr(error, b->words), error, want,
          "%s: JSON syntax error at its line and column", b->name);
    remove(path);
    free(where);
    free(want);
    free(error);
    free(path);
}

static void unreadable_files(void)
{
    char *path = fixture_path("does-not-exist");
    expect_message("missing file", path, "cannot open: No such file or directory");
    free(path);

    expect_message("a directory", dir, "cannot read: Is a directory");

    path = write_json("empty", "");
    expect_message("empty file", path,
                   "empty; expected a JSON object with \"schema\": \"gcc-escape-summary/2\"");
    remove(path);
    free(path);

    /* No *error to fill: still all or nothing, and no crash. */
    struct esc_summary_table t = {0};
    check(!esc_models_load(dir, &t, NULL) && t.n == 0, NULL, NULL,
          "error with a NULL error pointer");
    char *error = NULL;
    check(!esc_models_load(NULL, &t, &error) && t.n == 0 && error, error, NULL,
          "NULL file name is an error");
    free(error);
}

/* Never crash, never half-load: every prefix of the full file, and the
   full file with one byte replaced by each of a few troublemakers. */
static void damaged_files(void)
{
    size_t len = strlen(full_json);
    char *text = esc_xmalloc(len + 1);
    bool ok = true;
    for (size_t n = 0; n < len && ok; n++) {
        memcpy(text, full_json, n);
        text[n] = '\0';
        /* Only whitespace is missing at the very end: still valid. */
        if (strspn(full_json + n, " \n") == len - n)
            break;
        char *path = write_json("prefix", text);
        struct esc_summary_table t = {0};
        char *error = NULL;
        ok = !esc_models_load(path, &t, &error) && t.n == 0 && starts_with(error, path);
        if (!ok)
            note("prefix of %zu bytes: %s", n, error ? error : "(loaded)");
        esc_summary_table_free(&t);
        remove(path);
        free(path);
        free(error);
    }
    check(ok, NULL, NULL, "every truncation of the full file is rejected");

    static const char troublemakers[] = {'\0', '"', '{', ']', '-', '9', 'x', '\\', (char)0xff};
    unsigned loaded = 0, rejected = 0;
    ok = true;
    for (size_t i = 0; i < len && ok; i++)
        for (size_t k = 0; k < sizeof troublemakers && ok; k++) {
            memcpy(text, full_json, len + 1);
            text[i] = troublemakers[k];
            char *path = write_bytes("mutant", text, len);
            struct esc_summary_table t = {0};
            char *error = NULL;
            if (esc_models_load(path, &t, &error)) {
                loaded++;
                ok = !error && t.n > 0;
            } else {
                rejected++;
                ok = t.n == 0 && starts_with(error, path);
            }
            esc_summary_table_free(&t);
            remove(path);
            free(path);
            free(error);
        }
    check(ok && rejected > 0, NULL, NULL,
          "one-byte damage anywhere: loaded or rejected with a message, never half-loaded");
    note("%u damaged files loaded, %u rejected", loaded, rejected);
    free(text);
}

/* make check-schema: leave the fixtures in OUT for the JSON Schema check:
   valid-*.json must validate, invalid-*.json must not. */
/* Allocators, deallocators, and the deallocators a file names without
   listing them. */
static void allocators_file(void)
{
    char *path = write_json("allocators", allocators_json);
    struct esc_summary_table t = {0};
    char *error = NULL;
    bool ok = esc_models_load(path, &t, &error);
    check(ok, error, NULL, "allocators: the file loads");
    const struct esc_summary *s = esc_summary_table_find(&t, "my_calloc");
    check(s && s->ret.fresh && s->ret.size_param == 0 && s->ret.count_param == 1 &&
              s->ret.dealloc && strcmp(s->ret.dealloc, "my_free") == 0 && s->ret.dealloc_arg == 1,
          NULL, NULL, "my_calloc: size is parameters 1 times 2, released by my_free (1)");
    s = esc_summary_table_find(&t, "my_free");
    check(s && s->opaque && s->nparams == 1 && s->params[0].freed && s->params[0].dealloc &&
              strcmp(s->params[0].dealloc, "my_free") == 0,
          NULL, NULL, "my_free, named only: an opaque deallocator of its argument 1");
    s = esc_summary_table_find(&t, "pool_put");
    check(s && !s->opaque && s->nparams == 2 && s->params[0].unknown && s->params[1].freed &&
              s->params[1].dealloc && s->params[1].dealloc_arg == 2,
          NULL, NULL, "pool_put, listed: its parameter 2 becomes the deallocated one");
    s = esc_summary_table_find(&t, "xfree");
    check(s && s->params[0].freed && s->params[0].dealloc &&
              strcmp(s->params[0].dealloc, "free") == 0,
          NULL, NULL, "xfree: deallocates as free does");
    s = esc_summary_table_find(&t, "gl_alloc");
    check(s && s->ret.fresh && !s->ret.dealloc && !esc_summary_table_find(&t, "__builtin_free"),
          NULL, NULL, "gl_alloc: __builtin_free is free, the default");
    free(error);
    esc_summary_table_free(&t);
    unlink(path);
    free(path);
}

static int write_fixtures(const char *out)
{
    if (mkdir(out, 0777) != 0 && errno != EEXIST) {
        perror(out);
        return 2;
    }
    snprintf(dir, sizeof dir, "%s", out);
    free(write_json("valid-full", full_json));
    free(write_json("valid-docs-example", docs_json));
    free(write_json("valid-allocators", allocators_json));
    for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++)
        if (bad_files[i].schema_too) {
            char *name = esc_xasprintf("invalid-%s", bad_files[i].name);
            free(write_json(name, bad_files[i].json));
            free(name);
        }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--fixtures") == 0)
        return write_fixtures(argv[2]);
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/escape-models-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror(dir);
        return 2;
    }
    full_file();
    version_1_file();
    allocators_file();
    for (size_t i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++)
        bad_file(&bad_files[i]);
    for (size_t i = 0; i < sizeof broken_files / sizeof broken_files[0]; i++)
        broken_file(&broken_files[i]);
    unreadable_files();
    damaged_files();
    rmdir(dir);
    totals();
    return failed ? 1 : 0;
}
