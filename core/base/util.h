/* util.h - allocation, growable arrays and formatted strings for the C core. */
#ifndef ESC_UTIL_H
#define ESC_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

/* Allocation that never returns NULL: like GCC's own xmalloc, running out of
   memory ends the process with one clear message rather than a crash later. */
/* Report that SIZE bytes could not be had, and exit. */
__attribute__((noreturn)) void esc_out_of_memory(size_t size);
void *esc_xmalloc(size_t size);
void *esc_xcalloc(size_t count, size_t size);
void *esc_xrealloc(void *ptr, size_t size);
char *esc_xstrdup(const char *s);

/* printf into a fresh heap string. */
char *esc_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *esc_xvasprintf(const char *fmt, va_list ap);

/* Make room for NEED elements in *ITEMS of capacity *CAP (elements of SIZE
   bytes), doubling so that appends are amortised O(1). */
void esc_grow(void **items, uint32_t *cap, uint32_t need, size_t size);

/* Append one element to a (items, len, cap) triple and return its address. */
#define ESC_PUSH(items, len, cap)                                                                  \
    (esc_grow((void **)&(items), &(cap), (len) + 1, sizeof *(items)), &(items)[(len)++])

/* A growable string, used to build messages. */
struct esc_strbuf {
    char *text;
    size_t len, cap;
};
void esc_strbuf_addf(struct esc_strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void esc_strbuf_add(struct esc_strbuf *sb, const char *s);
void esc_strbuf_addn(struct esc_strbuf *sb, const char *s, size_t n);
char *esc_strbuf_finish(struct esc_strbuf *sb); /* caller frees */

/* A hash map from 64-bit keys to 32-bit values (open addressing). */
struct esc_u64map {
    uint32_t count, cap; /* cap is 0 or a power of two */
    uint64_t *keys;
    uint32_t *values;
    unsigned char *used;
};
/* Returns a pointer to the value for KEY, or NULL when absent. */
uint32_t *esc_u64map_get(const struct esc_u64map *map, uint64_t key);
void esc_u64map_put(struct esc_u64map *map, uint64_t key, uint32_t value);
void esc_u64map_free(struct esc_u64map *map);
/* A key for a name (FNV-1a: names are short, and a unit has thousands). */
uint64_t esc_name_hash(const char *name);
/* Hand the memory the analysis freed back to the system.  The unit's
   IR was allocated between GCC's own objects while GCC lowered each
   function; once freed it leaves small holes that slow GCC's later
   mallocs and stay in its peak memory (10,000 generated functions at -O0:
   390 MB against 328 MB without the plugin, 349 MB after this). */
void esc_release_heap(void);

#endif
