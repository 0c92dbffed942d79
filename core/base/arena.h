/* arena.h - memory for a unit's IR that is freed all at once, kept apart from GCC's heap. */
#ifndef ESC_ARENA_H
#define ESC_ARENA_H

#include <stddef.h>

/* The IR of a unit lives from the lowering of its first function to the
   end of the analysis, built a few bytes at a time between GCC's own
   allocations.  Taken from malloc, its hundreds of thousands of small
   blocks end up interleaved with GCC's, and once freed they leave holes
   that slow every later malloc of GCC's (sqlite3.c at -O0: _int_malloc
   went from 1.3% to 4.8% of the compile).  An arena takes its memory in
   large chunks mapped apart from the heap and returns them whole. */
struct esc_arena_chunk;
struct esc_arena {
    struct esc_arena_chunk *chunks; /* newest first */
    char *next, *end;               /* free space in the newest chunk */
};

/* SIZE bytes, 16-byte aligned, uninitialised; never NULL (out of memory
   aborts, as esc_xmalloc does). */
void *esc_arena_alloc(struct esc_arena *a, size_t size);
/* A copy of the SIZE bytes at P in the arena (NULL when SIZE is 0). */
void *esc_arena_copy(struct esc_arena *a, const void *p, size_t size);
/* Free every chunk; the arena is then empty and can be used again. */
void esc_arena_free(struct esc_arena *a);
/* Forget everything allocated, but keep the newest chunk for what comes
   next: for memory dropped and made again many times over. */
void esc_arena_rewind(struct esc_arena *a);

#endif
