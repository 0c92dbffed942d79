/* util.c - allocation, growable arrays and formatted strings for the C core. */
#include "core/base/util.h"

#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

void esc_out_of_memory(size_t size)
{
    fprintf(stderr, "gcc-escape: out of memory allocating %zu bytes\n", size);
    exit(EXIT_FAILURE);
}

void *esc_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        esc_out_of_memory(size);
    return p;
}

void *esc_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        esc_out_of_memory(count * size);
    return p;
}

void *esc_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        esc_out_of_memory(size);
    return p;
}

char *esc_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(esc_xmalloc(n), s, n);
}

char *esc_xvasprintf(const char *fmt, va_list ap)
{
    /* Formatted once into a buffer on the stack when it fits, as nearly
       every message and note does: formatting twice (to measure, then to
       write) cost 10 million instructions on sqlite3.c's reports. */
    char buf[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, copy);
    va_end(copy);
    if (n < 0)
        return esc_xstrdup("");
    char *s = esc_xmalloc((size_t)n + 1);
    if ((size_t)n < sizeof buf)
        memcpy(s, buf, (size_t)n + 1);
    else
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *esc_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = esc_xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

void esc_grow(void **items, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap)
        return;
    uint32_t n = *cap ? *cap : 4;
    while (n < need)
        n *= 2;
    *items = esc_xrealloc(*items, (size_t)n * size);
    *cap = n;
}

void esc_strbuf_add(struct esc_strbuf *sb, const char *s)
{
    esc_strbuf_addn(sb, s, strlen(s));
}

void esc_strbuf_addn(struct esc_strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->cap) {
        sb->cap = (sb->len + n + 1) * 2;
        sb->text = esc_xrealloc(sb->text, sb->cap);
    }
    memcpy(sb->text + sb->len, s, n);
    sb->len += n;
    sb->text[sb->len] = '\0';
}

void esc_strbuf_addf(struct esc_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = esc_xvasprintf(fmt, ap);
    va_end(ap);
    esc_strbuf_add(sb, s);
    free(s);
}

char *esc_strbuf_finish(struct esc_strbuf *sb)
{
    char *s = sb->text ? sb->text : esc_xstrdup("");
    sb->text = NULL;
    sb->len = sb->cap = 0;
    return s;
}

static uint32_t hash_u64(uint64_t key)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (uint32_t)key;
}

uint32_t *esc_u64map_get(const struct esc_u64map *map, uint64_t key)
{
    if (!map->cap)
        return NULL;
    for (uint32_t j = hash_u64(key) & (map->cap - 1);; j = (j + 1) & (map->cap - 1)) {
        if (!map->used[j])
            return NULL;
        if (map->keys[j] == key)
            return &map->values[j];
    }
}

void esc_u64map_put(struct esc_u64map *map, uint64_t key, uint32_t value)
{
    uint32_t *slot = esc_u64map_get(map, key);
    if (slot) {
        *slot = value;
        return;
    }
    if (2 * (map->count + 1) > map->cap) {
        struct esc_u64map bigger = {0};
        bigger.cap = map->cap ? 2 * map->cap : 64;
        bigger.keys = esc_xmalloc(bigger.cap * sizeof *bigger.keys);
        bigger.values = esc_xmalloc(bigger.cap * sizeof *bigger.values);
        bigger.used = esc_xcalloc(bigger.cap, 1);
        for (uint32_t i = 0; i < map->cap; i++)
            if (map->used[i])
                esc_u64map_put(&bigger, map->keys[i], map->values[i]);
        esc_u64map_free(map);
        *map = bigger;
    }
    uint32_t j = hash_u64(key) & (map->cap - 1);
    while (map->used[j])
        j = (j + 1) & (map->cap - 1);
    map->used[j] = 1;
    map->keys[j] = key;
    map->values[j] = value;
    map->count++;
}

uint64_t esc_name_hash(const char *name)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * UINT64_C(1099511628211);
    return h;
}

void esc_u64map_free(struct esc_u64map *map)
{
    free(map->keys);
    free(map->values);
    free(map->used);
    map->keys = NULL;
    map->values = NULL;
    map->used = NULL;
    map->count = map->cap = 0;
}

void esc_release_heap(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
