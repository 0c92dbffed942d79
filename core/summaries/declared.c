/* declared.c - summaries of functions known only from their declarations: allocators and
 * deallocators. */
#include "core/summaries/declared.h"
#include "core/summaries/library.h"

#include <string.h>

/* GCC's attributes say three things about a function the unit only
   declares (the adapter reads them, ir.h's esc_decl_alloc):

   - plain `malloc`: the result points to memory no other pointer reaches
     when the function returns, so it is a fresh heap block, like
     malloc's;
   - `alloc_size (N[, M])`: its size is argument N (times argument M);
   - `malloc (D[, I])`: function D releases it, through its argument I
     (1 when not given).  Without one, `free` does.

   Nothing is said about the other arguments: the allocator may keep or
   pass on any of them, so its summary is opaque (flows.c treats them as
   an unknown call's), and so are the deallocator's other arguments.  The
   `malloc (D)` form alone, without plain `malloc`, does not make a block
   fresh: like realloc, the function may return memory that is already
   in use, so it is not an allocator here.  `returns_nonnull`,
   `assume_aligned` and `alloc_align` change nothing a stack array would
   not give too, and are not read. */

/* The deallocator's name as the library table knows it (glibc names
   `__builtin_free` in `__attr_dealloc_free`), and its argument. */
const char *esc_dealloc_name(const char *name, uint8_t *arg)
{
    const struct esc_lib_entry *lib = esc_lib_lookup(name);
    if (lib && lib->frees_arg && lib->alloc == ESC_ALLOC_NONE) {
        *arg = lib->frees_arg;
        return lib->name;
    }
    return name;
}

struct esc_summary *esc_deallocator_summary(const char *name, uint8_t arg)
{
    struct esc_summary *s = esc_summary_new(name, arg);
    s->opaque = true;
    for (uint32_t i = 0; i + 1 < arg; i++)
        s->params[i].unknown = s->params[i].unknown_other = true;
    s->params[arg - 1].freed = true;
    s->params[arg - 1].dealloc = s->name;
    s->params[arg - 1].dealloc_arg = arg;
    return s;
}

static void add_deallocator(struct esc_summary_table *out, const char *name, uint8_t arg)
{
    if (esc_lib_lookup(name) || esc_summary_table_find(out, name) || !arg)
        return;
    esc_summary_table_add(out, esc_deallocator_summary(name, arg));
}

void esc_declared_summaries(const struct esc_module *m, struct esc_summary_table *out)
{
    for (uint32_t i = 0; i < m->ndecl_allocs; i++) {
        const struct esc_decl_alloc *d = &m->decl_allocs[i];
        if (!d->fresh || esc_summary_table_find(out, d->name))
            continue;
        uint8_t arg = d->dealloc_arg ? d->dealloc_arg : 1;
        const char *dealloc = d->dealloc ? esc_dealloc_name(d->dealloc, &arg) : NULL;
        if (dealloc && dealloc == d->dealloc && esc_lib_lookup(dealloc))
            continue; /* a library function that is not a plain free (fclose): not modelled */
        struct esc_summary *s = esc_summary_new(d->name, 0);
        s->opaque = true;
        s->ret.fresh = true;
        s->ret.size_param = d->size_arg ? d->size_arg - 1 : -1;
        s->ret.count_param = d->size_arg && d->count_arg ? d->count_arg - 1 : -1;
        if (dealloc && (strcmp(dealloc, "free") != 0 || arg != 1)) {
            s->ret.dealloc = dealloc;
            s->ret.dealloc_arg = arg;
        }
        esc_summary_table_add(out, s);
    }
    for (uint32_t i = 0; i < m->ndecl_allocs; i++) {
        const struct esc_decl_alloc *d = &m->decl_allocs[i];
        if (d->fresh && d->dealloc)
            add_deallocator(out, d->dealloc, d->dealloc_arg ? d->dealloc_arg : 1);
    }
}
