/* models.h - model files: the user's JSON summaries of functions whose bodies GCC never sees. */
#ifndef ESC_MODELS_H
#define ESC_MODELS_H

#include <stdbool.h>

#include "core/summaries/summary.h"

/* The one format version this loader reads (docs/models.md). */
/* The version written; the one before it, without "fields", is still
   read (its level-1 leaks take every field). */
#define ESC_MODELS_SCHEMA "gcc-escape-summary/2"
#define ESC_MODELS_SCHEMA_V1 "gcc-escape-summary/1"

/* Read the model file PATH and append one summary per function to INTO
   (origin = PATH, fn = NULL).  All or nothing: on any error INTO is left
   as it was, and *ERROR (when ERROR is not NULL) receives a message,
   which the caller frees, that starts with PATH the way GCC's do:
   "PATH: functions[2].params[0].leaks[1].to: unknown sink 'foo'; ...". */
bool esc_models_load(const char *path, struct esc_summary_table *into, char **error);

/* Read every "*.json" file of directory DIR, in name order, as a model
   file (the JSON reports of a previous build, say).  A file that does not
   load, or is not a regular file (a FIFO would block), is left out, and
   SKIPPED is called with CTX and its message: one stray file must not
   stop a build.  False, with *ERROR, only when DIR
   cannot be read. */
bool esc_models_load_dir(const char *dir, struct esc_summary_table *into,
                         void (*skipped)(void *ctx, const char *message), void *ctx, char **error);

#endif
