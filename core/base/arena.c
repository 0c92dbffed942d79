/* arena.c - memory for a unit's IR that is freed all at once, kept apart from GCC's heap. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "core/base/arena.h"
#include "core/base/util.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

struct esc_arena_chunk {
    struct esc_arena_chunk *next;
    size_t size; /* of the whole mapping, this header included */
};

/* 1 MiB: a large unit's IR is tens of megabytes, a small one's a few
   hundred kilobytes, and untouched pages of a mapping cost nothing. */
#define CHUNK_SIZE ((size_t)1 << 20)
#define ALIGN 16

static size_t round_up(size_t n, size_t to)
{
    return (n + to - 1) / to * to;
}

void *esc_arena_alloc(struct esc_arena *a, size_t size)
{
    size = round_up(size ? size : 1, ALIGN);
    if (!a->next || (size_t)(a->end - a->next) < size) {
        size_t header = round_up(sizeof(struct esc_arena_chunk), ALIGN);
        size_t want = header + size > CHUNK_SIZE ? round_up(header + size, 4096) : CHUNK_SIZE;
        void *map = mmap(NULL, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (map == MAP_FAILED)
            esc_out_of_memory(want);
        struct esc_arena_chunk *c = map;
        c->next = a->chunks;
        c->size = want;
        a->chunks = c;
        a->next = (char *)map + header;
        a->end = (char *)map + want;
    }
    void *p = a->next;
    a->next += size;
    return p;
}

void *esc_arena_copy(struct esc_arena *a, const void *p, size_t size)
{
    if (!size)
        return NULL;
    return memcpy(esc_arena_alloc(a, size), p, size);
}

void esc_arena_free(struct esc_arena *a)
{
    for (struct esc_arena_chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        munmap(c, c->size);
    }
    a->chunks = NULL;
    a->next = a->end = NULL;
}

void esc_arena_rewind(struct esc_arena *a)
{
    struct esc_arena_chunk *keep = a->chunks;
    if (!keep)
        return;
    a->chunks = keep->next;
    esc_arena_free(a);
    keep->next = NULL;
    a->chunks = keep;
    a->next = (char *)keep + round_up(sizeof(struct esc_arena_chunk), ALIGN);
    a->end = (char *)keep + keep->size;
}
