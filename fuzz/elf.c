/* elf.c - libFuzzer harness: gcc-escape link's ELF and archive reader (tool/elfsect.c) on any bytes. */
#include "tool/elfsect.h"
#include "tool/records.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Touch every byte handed over, so that ASan sees a read past the end. */
static void found(void *ctx, const char *where, const char *data, size_t size)
{
    unsigned *sum = ctx;
    for (size_t i = 0; i < size; i++)
        *sum += (unsigned char)data[i];
    *sum += (unsigned)strlen(where);
}

static void damaged(void *ctx, const char *message)
{
    unsigned *sum = ctx;
    *sum += (unsigned)strlen(message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned sum = 0;
    struct esc_section_scan scan = {
        .name = ".gcc_escape", .found = found, .damaged = damaged, .ctx = &sum};
    esc_read_sections_mem(&scan, "fuzz.o", data, size);
    return 0;
}
