/* models.c - libFuzzer harness: a model file (core/summaries/models.c), read through a memory file. */
#define _GNU_SOURCE /* memfd_create */
#include "core/summaries/models.h"
#include "core/summaries/summary.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* esc_models_load reads a path: the input goes into a file in memory,
   named by /proc/self/fd, so that the loader runs as a compilation runs
   it, without a disk in the loop. */
static int fd = -1;
static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("model.json", 0);
        if (fd < 0)
            abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    struct esc_summary_table table = {0};
    char *error = NULL;
    esc_models_load(path, &table, &error);
    free(error);
    esc_summary_table_free(&table);
    return 0;
}
