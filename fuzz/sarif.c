/* sarif.c - libFuzzer harness: a SARIF log as gcc-escape merge, diff and codequality read it. */
#include "tool/baseline.h"
#include "tool/codequality.h"
#include "tool/merge.h"
#include "tool/sarif_log.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *error = NULL;
    json_t *log = sarif_parse("fuzz.sarif", (const char *)data, size, &error);
    free(error);
    if (!log)
        return 0;
    /* Every command on the log: merged with itself, diffed against
       itself, turned into Code Quality when its URIs decode. */
    json_t *again = json_deep_copy(log);
    json_t *logs[2] = {log, again};
    const char *conflict;
    json_t *merged = sarif_merge(logs, 2, &conflict);
    sarif_mark_baseline(merged, log);
    error = NULL;
    if (codequality_check_uris(merged, "fuzz.sarif", &error))
        json_decref(sarif_to_codequality(merged));
    free(error);
    char *text = json_dumps(merged, JSON_COMPACT);
    free(text);
    json_decref(merged);
    json_decref(again);
    json_decref(log);
    return 0;
}
