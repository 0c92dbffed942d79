/* sarif_log.h - SARIF logs as gcc-escape reads them: loading with clear errors, and what identifies
 * a result. */
#ifndef ESC_TOOL_SARIF_LOG_H
#define ESC_TOOL_SARIF_LOG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Read PATH as a SARIF 2.1.0 log: JSON with a "runs" array whose runs
   each have a tool.driver.name and a "results" array.  On failure,
   returns NULL and sets *ERROR to a message naming PATH (caller frees). */
json_t *sarif_load(const char *path, char **error);

/* The same for the LEN bytes of TEXT, named PATH in messages. */
json_t *sarif_parse(const char *path, const char *text, size_t len, char **error);

/* The name of the tool that made RUN ("" if none; sarif_load checks it). */
const char *sarif_tool_name(const json_t *run);

/* An empty log with the schema and version set, and no runs. */
json_t *sarif_new_log(void);

/* The first physical location of RESULT: its artifact's uri ("" if none),
   start line and column (0 if none). */
void sarif_result_place(const json_t *result, const char **uri, long long *line, long long *column);

/* What identifies RESULT across edits: its rule and gcc-escape's
   fingerprint, or, for logs without one, its rule, file and message
   (caller frees). */
char *sarif_result_key(const json_t *result);

/* Sort a run's results by file, line, column, rule and message, so the
   output does not depend on the order of the inputs. */
void sarif_sort_results(json_t *results);

/* Write LOG as indented JSON to PATH, whole or not at all, or to standard
   output when PATH is NULL or "-".  On failure sets *ERROR. */
bool sarif_write(const json_t *log, const char *path, char **error);

#endif
