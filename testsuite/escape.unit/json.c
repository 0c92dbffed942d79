/* json.c - unit tests of the JSON report: it parses, and read back as a model file it gives the
 * same summaries. */
#include <dejagnu.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/summaries/models.h"
#include "core/base/util.h"
#include "report/json.h"
#include "fixture.h"
#include "module.h"

static uint32_t lib_call(struct unit *u, uint32_t line, struct esc_operand lhs, const char *callee,
                         uint32_t nargs, struct esc_operand *args)
{
    return add(u, ESC_STMT_CALL, line, lhs, nargs, args, callee, 0);
}

/* One function per kind of fact a summary holds.  "set" also has a store
   site and a write, "spawn" a thread handle. */
static void build(struct unit *u)
{
    uint32_t g = 0;

    begin(u, "keep"); /* p: static */
    uint32_t p = param(u, "p");
    g = esc_add_object(u->m, u->fn, ESC_OBJ_STATIC, "g", at(0));
    u_assign(u, 2, mem(g), esc_opnd_value(p));
    u_ret(u, 3, esc_opnd_none());

    begin(u, "identity"); /* p: result */
    p = param(u, "p");
    u_ret(u, 5, esc_opnd_value(p));

    begin(u, "set"); /* v: param 1; s: nothing */
    uint32_t s = param(u, "s");
    uint32_t v = param(u, "v");
    u_assign(u, 7, deref(s), esc_opnd_value(v));
    u_ret(u, 8, esc_opnd_none());

    begin(u, "queue"); /* r: static at level 1 */
    uint32_t r = param(u, "r");
    uint32_t loaded = esc_add_value(u->m, u->fn, "data", 1);
    g = esc_add_object(u->m, u->fn, ESC_OBJ_STATIC, "g_pending", at(0));
    u_assign(u, 10, esc_opnd_value(loaded), deref(r));
    u_assign(u, 11, mem(g), esc_opnd_value(loaded));
    u_ret(u, 12, esc_opnd_none());

    begin(u, "destroy"); /* b: freed, freed_deep */
    uint32_t b = param(u, "b");
    uint32_t data = esc_add_value(u->m, u->fn, "data", 1);
    u_assign(u, 14, esc_opnd_value(data), deref(b));
    struct esc_operand a1 = esc_opnd_value(data);
    lib_call(u, 15, esc_opnd_none(), "free", 1, &a1);
    struct esc_operand a2 = esc_opnd_value(b);
    lib_call(u, 16, esc_opnd_none(), "free", 1, &a2);
    u_ret(u, 17, esc_opnd_none());

    begin(u, "hand_off"); /* p: unknown */
    p = param(u, "p");
    struct esc_operand a3 = esc_opnd_value(p);
    lib_call(u, 19, esc_opnd_none(), "somewhere_else", 1, &a3);
    u_ret(u, 20, esc_opnd_none());

    begin(u, "xmalloc"); /* returns fresh, size in parameter 1 */
    uint32_t n = esc_add_param(u->m, u->fn, "n", at(1), false);
    uint32_t nv = esc_add_value(u->m, u->fn, "n", 0);
    u->fn->params[n].value = nv;
    u->fn->values[nv].param = (int32_t)n;
    uint32_t block = esc_add_value(u->m, u->fn, "block", 1);
    struct esc_operand size = esc_opnd_value(nv);
    lib_call(u, 22, esc_opnd_value(block), "malloc", 1, &size);
    u_ret(u, 23, esc_opnd_value(block));

    begin(u, "spawn"); /* arg: thread, its handle stored into *t */
    uint32_t t = param(u, "t");
    uint32_t arg = param(u, "arg");
    struct esc_operand create[4] = {esc_opnd_value(t), esc_opnd_int(0), esc_opnd_none(),
                                    esc_opnd_value(arg)};
    lib_call(u, 29, esc_opnd_none(), "pthread_create", 4, create);
    u_ret(u, 30, esc_opnd_none());

    begin(u, "tracked"); /* returns fresh 32 bytes, shared */
    block = esc_add_value(u->m, u->fn, "block", 1);
    struct esc_operand k = esc_opnd_int(32);
    lib_call(u, 25, esc_opnd_value(block), "malloc", 1, &k);
    struct esc_operand a4 = esc_opnd_value(block);
    lib_call(u, 26, esc_opnd_none(), "register_block", 1, &a4);
    u_ret(u, 27, esc_opnd_value(block));
}

static char *dump(const struct esc_summary *s)
{
    struct esc_strbuf sb = {0};
    esc_summary_dump(s, &sb);
    return esc_strbuf_finish(&sb);
}

/* The places a summary knows, which the dump leaves out: where leaks
   are stored, where a thread's handle goes, what the function writes
   (those in parameters' memory: statics are this unit's own). */
static bool same_places(const struct esc_summary *a, const struct esc_summary *b)
{
    for (uint32_t i = 0; i < a->nparams && i < b->nparams; i++) {
        const struct esc_param_summary *p = &a->params[i], *q = &b->params[i];
        if (p->thread_handle != q->thread_handle || p->joins != q->joins ||
            p->joins_pointed != q->joins_pointed)
            return false;
        for (unsigned level = 0; level < ESC_LEAK_LEVELS; level++)
            for (uint32_t j = 0; j < a->nparams; j++) {
                struct esc_site x, y;
                bool hx = esc_param_store_site(p, level, j, &x);
                bool hy = esc_param_store_site(q, level, j, &y);
                if (hx != hy || (hx && (x.offset != y.offset || x.size != y.size)))
                    return false;
            }
    }
    uint32_t params_a = 0, params_b = 0;
    for (uint32_t i = 0; i < a->nwrites; i++)
        params_a += a->writes[i].param != ESC_SITE_STATIC;
    for (uint32_t i = 0; i < b->nwrites; i++)
        params_b += b->writes[i].param != ESC_SITE_STATIC;
    return params_a == params_b && a->writes_overflow == b->writes_overflow;
}

static void round_trip(void)
{
    struct unit u = {.m = esc_module_new("t.c")};
    build(&u);
    analyze(&u);
    struct esc_report_info info = {.source = "t.c", .version = "test"};
    char *text = esc_report_json(u.m, &u.results, &u.summaries, &info);

    json_error_t jerr;
    json_t *root = text ? json_loads(text, 0, &jerr) : NULL;
    if (root && json_array_size(json_object_get(root, "functions")) == u.m->nfunctions)
        pass("the report parses and lists every function");
    else
        fail("the report parses and lists every function");
    json_decref(root);

    char path[] = "/tmp/escape-json-unit-XXXXXX";
    int fd = mkstemp(path);
    bool written = fd >= 0 && text && write(fd, text, strlen(text)) == (ssize_t)strlen(text);
    if (fd >= 0)
        close(fd);
    struct esc_summary_table loaded = {0};
    char *error = NULL;
    if (written && esc_models_load(path, &loaded, &error))
        pass("the report loads as a model file");
    else {
        note("got: %s", error ? error : "not written");
        fail("the report loads as a model file");
    }
    for (uint32_t i = 0; i < u.summaries.n; i++) {
        const struct esc_summary *orig = u.summaries.items[i];
        const struct esc_summary *back = esc_summary_table_find(&loaded, orig->name);
        char *want = dump(orig), *got = back ? dump(back) : esc_xstrdup("(missing)");
        if (strcmp(want, got) == 0 && back && same_places(orig, back))
            pass("%s: the summary read back is the one written", orig->name);
        else {
            note("want:\n%sgot:\n%s", want, got);
            fail("%s: the summary read back is the one written", orig->name);
        }
        free(want);
        free(got);
    }
    free(error);
    unlink(path);
    esc_summary_table_free(&loaded);
    free(text);
    finish(&u);
}

int main(void)
{
    round_trip();
    totals();
    return 0;
}
