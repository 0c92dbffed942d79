/* check.h - one DejaGnu PASS or FAIL per assertion, shared by the unit tests. */
#ifndef ESC_UNIT_CHECK_H
#define ESC_UNIT_CHECK_H

#include <dejagnu.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>

#include "core/base/util.h"

static inline void check(bool ok, const char *what)
{
    if (ok)
        pass("%s", what);
    else
        fail("%s", what);
}

/* As check, with a formatted name, and what was GOT (if any) noted on failure. */
static inline void checkf(bool ok, const char *got, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline void checkf(bool ok, const char *got, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = esc_xvasprintf(fmt, ap);
    va_end(ap);
    if (ok) {
        pass("%s", what);
    } else {
        if (got)
            note("got: %s", got);
        fail("%s", what);
    }
    free(what);
}

#endif
