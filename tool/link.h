/* link.h - gcc-escape link: what only the whole program reveals, from the objects' .gcc_escape
 * records. */
#ifndef ESC_TOOL_LINK_H
#define ESC_TOOL_LINK_H

#include <stdbool.h>

struct esc_link_options {
    const char *json_file;  /* --json=FILE, or NULL */
    const char *sarif_file; /* --sarif=FILE, or NULL */
    bool verbose;           /* -v: list the calls no input defines */
    int level;              /* --level=N: 2 also prints what nothing reads again */
    const char *version;    /* gcc-escape's, for the reports */
};

/* Read every input's records, resolve each unit's calls into the others
   to a fixed point, print the findings as GCC does, and write the
   reports.  Returns 0, or 2 when an input or output was bad (the other
   inputs are still used and the reports still written). */
int esc_link(const struct esc_link_options *opts, char **inputs, int ninputs);

#endif
