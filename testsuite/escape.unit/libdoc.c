/* libdoc.c - docs/library.md lists the built-in library table exactly, row for row. */
#include <dejagnu.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/summaries/library.h"

/* Each entry of esc_lib_table() is one row of docs/library.md, under the
   heading of its group, and every row is an entry.  The rows are rendered
   here, so the effect column cannot say something the table does not:

       build/unit/libdoc --print      the tables, to paste into the docs

   The documentation is found as LIBRARY.md given on the command line, or
   $ESCAPE_DOCS/library.md, or docs/library.md in a directory above the
   program or the working directory (unit.exp runs the program by its
   absolute path with no arguments). */

struct buf {
    char *text;
    size_t len, cap;
};

static void add(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        abort();
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->text = realloc(b->text, b->cap);
        if (!b->text)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(b->text + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* One more clause of the effect column, "; " between clauses. */
static void clause(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void clause(struct buf *b, const char *fmt, ...)
{
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    add(b, "%s%s", b->len ? "; " : "", text);
}

enum group { G_KEPT, G_THREAD, G_ALLOC, G_POINTERS, G_NOTHING, G_COUNT };

/* The headings of docs/library.md, in order: an entry is in the first
   group it qualifies for. */
static const char *const group_title[G_COUNT] = {
    [G_KEPT] = "## Kept past the call",
    [G_THREAD] = "## Threads",
    [G_ALLOC] = "## Allocation and release",
    [G_POINTERS] = "## Returns, copies, stores or overwrites pointers",
    [G_NOTHING] = "## Keeps nothing",
};

static enum group group_of(const struct esc_lib_entry *m)
{
    if (m->keeps || m->keeps_deep)
        return G_KEPT;
    if (m->thread_arg || m->thread_handle || m->joins)
        return G_THREAD;
    if (m->releases)
        return G_ALLOC;
    if (m->alloc != ESC_ALLOC_NONE || m->frees_arg)
        return G_ALLOC;
    if (m->returns_arg || m->returns_load || m->copy_dst || m->store_dst || m->fill_dst)
        return G_POINTERS;
    return G_NOTHING;
}

/* "`arg1` bytes", "`arg1` × `arg2` bytes", or "" when the size is not an argument. */
static void size_text(char *out, size_t size, const struct esc_lib_entry *m)
{
    if (m->size_arg && m->count_arg)
        snprintf(out, size, "`arg%u` × `arg%u` bytes", m->count_arg, m->size_arg);
    else if (m->size_arg)
        snprintf(out, size, "`arg%u` bytes", m->size_arg);

    else
        out[0] = '\0';
}

/* The effect column, in words, from the entry's fields. */
static char *effect_text(const struct esc_lib_entry *m)
{
    struct buf b = {0};
    char bytes[64];
    size_text(bytes, sizeof bytes, m);
    const char *of = *bytes ? " of " : "";
    if (m->alloc == ESC_ALLOC_HEAP && m->alloc_out_arg)
        clause(&b, "stores fresh heap memory%s%s into `*arg%u`", of, bytes, m->alloc_out_arg);
    else if (m->alloc == ESC_ALLOC_HEAP && m->dup_limit_arg)
        clause(&b,
               "returns a fresh heap copy of at most `arg%u` bytes of the string `arg%u`, "
               "plus a NUL",
               m->dup_limit_arg, m->dup_arg);
    else if (m->alloc == ESC_ALLOC_HEAP && m->dup_arg)
        clause(&b, "returns a fresh heap copy of the string `arg%u`", m->dup_arg);
    else if (m->alloc == ESC_ALLOC_HEAP)
        clause(&b, "returns fresh heap memory%s%s", of, bytes);
    else if (m->alloc == ESC_ALLOC_STACK)
        clause(&b, "returns %s of the caller's stack frame", *bytes ? bytes : "memory");
    if (m->frees_arg && m->alloc != ESC_ALLOC_NONE)
        clause(&b, "frees `arg%u`, moving the pointers stored in it to the new memory",
               m->frees_arg);
    else if (m->frees_arg)
        clause(&b, "frees `arg%u`", m->frees_arg);
    if (m->returns_arg)
        clause(&b, "returns a pointer into `*arg%u`", m->returns_arg);
    if (m->returns_load)
        clause(&b, "returns a pointer loaded from `*arg%u`", m->returns_load);
    if (m->copy_dst)
        clause(&b, "copies the pointers stored in `*arg%u` into `*arg%u`", m->copy_src,
               m->copy_dst);
    if (m->store_dst)
        clause(&b, "stores `arg%u` into `*arg%u`", m->store_val, m->store_dst);
    if (m->fill_dst)
        clause(&b, "overwrites all `arg%u` bytes of `*arg%u`", m->fill_size, m->fill_dst);
    for (unsigned a = 1; a <= 8; a++)
        if (m->keeps & ESC_LIB_ARG(a))
            clause(&b, "keeps `arg%u` past the call", a);
    for (unsigned a = 1; a <= 8; a++)
        if (m->keeps_deep & ESC_LIB_ARG(a))
            clause(&b, "keeps the pointers stored in `*arg%u` past the call", a);
    if (m->thread_arg)
        clause(&b, "hands `arg%u` to a new thread", m->thread_arg);
    if (m->thread_handle)
        clause(&b, "stores the new thread's handle in `*arg%u`", m->thread_handle);
    if (m->joins)
        clause(&b, "waits for the thread whose handle is `arg%u`", m->joins);
    if (m->owner_arg == ESC_LIB_RESULT)
        clause(&b, "until the returned stream is closed");
    else if (m->owner_arg)
        clause(&b, "until the stream `arg%u` is closed", m->owner_arg);
    if (m->wait_arg)
        clause(&b, "nothing when `arg%u` is %u (%s)", m->wait_arg, m->wait_value, m->wait_name);
    if (m->releases)
        clause(&b, "releases what was kept until the stream `arg%u` is closed", m->releases);
    if (!b.len)
        clause(&b, "keeps nothing");
    return b.text;
}

/* The `why` text, escaped for a markdown table cell. */
static void add_cell_text(struct buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '*' || *s == '|' || *s == '\\' || *s == '`')
            add(b, "\\");
        add(b, "%c", *s);
    }
}

static char *row_text(const struct esc_lib_entry *m)
{
    struct buf b = {0};
    char *effect = effect_text(m);
    add(&b, "| `%s` | %s | ", m->name, effect);
    add_cell_text(&b, m->why ? m->why : "");
    add(&b, " |");
    free(effect);
    return b.text;
}

static void print_tables(void)
{
    uint32_t n;
    const struct esc_lib_entry *t = esc_lib_table(&n);
    for (int g = 0; g < G_COUNT; g++) {
        printf("%s\n\n| function | effect | why |\n| --- | --- | --- |\n", group_title[g]);
        for (uint32_t i = 0; i < n; i++)
            if (group_of(&t[i]) == (enum group)g) {
                char *row = row_text(&t[i]);
                printf("%s\n", row);
                free(row);
            }
        printf("\n");
    }
}

/* docs/library.md in START or one of the directories above it. */
static FILE *search_up(const char *start, char *found, size_t size)
{
    char dir[4096];
    size_t len = strlen(start);
    if (len + 1 > sizeof dir)
        return NULL;
    memcpy(dir, start, len + 1);
    for (int up = 0; up < 8; up++) {
        snprintf(found, size, "%s/docs/library.md", dir);
        FILE *f = fopen(found, "r");
        if (f)
            return f;
        len = strlen(dir);
        if (len + 4 > sizeof dir)
            break;
        memcpy(dir + len, "/..", 4);
    }
    return NULL;
}

static FILE *open_docs(int argc, char **argv, char *found, size_t size)
{
    if (argc > 1) {
        snprintf(found, size, "%s", argv[1]);
        return fopen(found, "r");
    }
    const char *env = getenv("ESCAPE_DOCS");
    if (env && *env) {
        snprintf(found, size, "%s/library.md", env);
        FILE *f = fopen(found, "r");
        if (f)
            return f;
    }
    /* Directories above the program, then above the working directory. */
    char program_dir[4096] = ".";
    const char *slash = strrchr(argv[0], '/');
    if (slash && (size_t)(slash - argv[0]) < sizeof program_dir) {
        memcpy(program_dir, argv[0], (size_t)(slash - argv[0]));
        program_dir[slash - argv[0]] = '\0';
    }
    FILE *f = search_up(program_dir, found, size);
    if (!f)
        f = search_up(".", found, size);
    if (!f)
        snprintf(found, size, "docs/library.md");
    return f;
}

static const char *regenerate = "regenerate the tables with build/unit/libdoc --print";

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--print") == 0) {
        print_tables();
        return 0;
    }
    char path[4200];
    FILE *f = open_docs(argc, argv, path, sizeof path);
    if (!f) {
        fail("docs/library.md can be read (looked for %s)", path);
        totals();
        return 1;
    }
    pass("docs/library.md found");

    uint32_t n;
    const struct esc_lib_entry *t = esc_lib_table(&n);
    uint32_t *rows_seen = calloc(n + 1, sizeof *rows_seen);
    char line[2048];
    const char *heading = "";
    char heading_buf[sizeof line] = "";
    unsigned lineno = 0, rows = 0, bad_rows = 0, unknown = 0, misplaced = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "## ", 3) == 0) {
            snprintf(heading_buf, sizeof heading_buf, "%s", line);
            heading = heading_buf;
            continue;
        }
        if (strncmp(line, "| `", 3) != 0)
            continue;
        rows++;
        const char *name = line + 3;
        size_t len = strcspn(name, "`");
        uint32_t i;
        for (i = 0; i < n; i++)
            if (strlen(t[i].name) == len && strncmp(t[i].name, name, len) == 0)
                break;
        if (i == n) {
            fail("library.md:%u: row '%.*s' names a function of the built-in table", lineno,
                 (int)len, name);
            unknown++;
            continue;
        }
        rows_seen[i]++;
        char *want = row_text(&t[i]);
        if (strcmp(line, want) != 0) {
            fail("library.md:%u: row for '%s' differs from the table (%s); expected: %s", lineno,
                 t[i].name, regenerate, want);
            bad_rows++;
        }
        free(want);
        if (strcmp(heading, group_title[group_of(&t[i])]) != 0) {
            fail("library.md:%u: '%s' is under \"%s\", expected \"%s\"", lineno, t[i].name, heading,
                 group_title[group_of(&t[i])]);
            misplaced++;
        }
    }
    fclose(f);

    unsigned missing = 0, twice = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (rows_seen[i] == 0) {
            fail("library.md has a row for '%s' (%s)", t[i].name, regenerate);
            missing++;
        } else if (rows_seen[i] > 1) {
            fail("library.md has one row for '%s', not %u", t[i].name, rows_seen[i]);
            twice++;
        }
    }
    free(rows_seen);
    if (!missing && !twice)
        pass("every one of the %u built-in entries has exactly one row", n);
    if (!unknown)
        pass("every one of the %u rows names a built-in entry", rows);
    if (!bad_rows)
        pass("every row's effect and reason match the table");
    if (!misplaced)
        pass("every row is under its group's heading");
    totals();
    return failed ? 1 : 0;
}
