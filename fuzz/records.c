/* records.c - libFuzzer harness: the framed JSON records of a .gcc_escape section (tool/records.c). */
#include "report/names.h"
#include "tool/records.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What gcc-escape link does with each record it reads. */
static void record(void *ctx, json_t *root, const char *text, size_t len)
{
    (void)text;
    size_t *total = ctx;
    *total += len;
    esc_json_restore_names(root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly SIZE bytes: the reader must not look past them. */
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    size_t total = 0;
    char *error = NULL;
    esc_read_records("fuzz.o", copy, size, record, &total, &error);
    free(error);
    free(copy);
    return 0;
}
