/* codequality.h - SARIF results as a GitLab Code Quality report. */
#ifndef ESC_TOOL_CODEQUALITY_H
#define ESC_TOOL_CODEQUALITY_H

#include <jansson.h>
#include <stdbool.h>

/* GitLab's Code Quality JSON (an array of issues: description,
   check_name, fingerprint, severity, location.path, location.lines.begin)
   for every result of LOG that is not absent or suppressed.  URIs
   relative to a base id stay relative, as GitLab wants repository
   paths. */
json_t *sarif_to_codequality(const json_t *log);

/* Whether every result of LOG (read from PATH) has a location whose URI
   decodes: each '%' followed by two hex digits, none a NUL.  Otherwise
   false, with *ERROR naming PATH, the URI and the bad escape (caller
   frees).  Checked for each input before merging, so that the error
   names the log it is in. */
bool codequality_check_uris(const json_t *log, const char *path, char **error);

#endif
