/* library.h - what C library and POSIX functions do with the pointers they get. */
#ifndef ESC_LIBRARY_H
#define ESC_LIBRARY_H

#include <stdint.h>
#include <stdbool.h>

enum esc_alloc_kind {
    ESC_ALLOC_NONE,
    ESC_ALLOC_HEAP,  /* fresh heap memory, returned */
    ESC_ALLOC_STACK, /* alloca: memory in the caller's frame */
};

/* One function's effects on pointers.  A function with no effects is
   listed too when it is common: it keeps nothing, which heap-to-stack
   advice must know (an unlisted function may keep anything).   Argument numbers are 1-based, as in
   GCC's attributes (`nonnull (1)`, `alloc_size (1, 2)`); 0 means none. */
#define ESC_LIB_ARG(n) ((uint8_t)(1u << ((n)-1)))
#define ESC_LIB_RESULT 0xff
struct esc_lib_entry {
    const char *name;
    enum esc_alloc_kind alloc;
    uint8_t size_arg, count_arg; /* allocation size is size_arg (* count_arg) */
    /* Or a copy of the string in dup_arg, at most dup_limit_arg bytes
       of it plus the NUL (strdup, strndup). */
    uint8_t dup_arg, dup_limit_arg;
    uint8_t alloc_out_arg;        /* the allocation is stored into *arg, not returned */
    uint8_t frees_arg;            /* memory freed (and, for realloc, moved) */
    uint8_t returns_arg;          /* the result points into this argument's memory */
    uint8_t returns_load;         /* the result is loaded from *arg */
    uint8_t copy_dst, copy_src;   /* *copy_dst receives the pointers held in *copy_src */
    uint8_t store_dst, store_val; /* *store_dst = store_val (e.g. strtol's endptr) */
    uint8_t fill_dst, fill_size;  /* writes all of *fill_dst, fill_size bytes (memset) */
    /* Kept past the call, as bit masks over arguments 1..8 (bit 0 is
       argument 1): `keeps` the pointer itself (setvbuf's buffer),
       `keeps_deep` the pointers stored in the memory it points to
       (sigaltstack's ss->ss_sp). */
    uint8_t keeps, keeps_deep;
    uint8_t thread_arg;    /* handed to a new thread (pthread_create's arg) */
    uint8_t thread_handle; /* where the new thread's handle is stored */
    uint8_t joins;         /* waits for the thread whose handle is this argument */
    /* What `keeps` is kept for: the stream in this argument, or (with
       ESC_LIB_RESULT) the one returned; released by a call whose
       `releases` argument is that stream (fclose). */
    uint8_t owner_arg;
    uint8_t releases;
    /* Keeps nothing when argument wait_arg is the constant wait_value,
       named wait_name in the headers (lio_listio (LIO_WAIT, ...) returns
       once all is done; epoll_ctl (EPOLL_CTL_DEL, ...) ignores its
       event). */
    uint8_t wait_arg, wait_value;
    const char *wait_name;
    const char *why; /* one line: the reason for the entry */
};

/* The model for a callee name, or NULL when the function is not modelled.
   "__builtin_" prefixes and fortified "__*_chk" variants map to the plain
   name. */
const struct esc_lib_entry *esc_lib_lookup(const char *name);

/* The bytes a call always writes at *store_dst, when its name says so
   (__atomic_store_8: 8); 0 for any other call, and for one that may not
   write (a compare-and-swap). */
int64_t esc_lib_store_size(const char *callee);

/* The whole table, for documentation and tests. */
const struct esc_lib_entry *esc_lib_table(uint32_t *count);

#endif
