/* gcc-compat.h - every GCC header the adapter needs, and every difference between GCC versions. */
#ifndef ESC_GCC_COMPAT_H
#define ESC_GCC_COMPAT_H

/* Modelled on the Linux kernel's scripts/gcc-plugins/gcc-common.h: the rest
   of plugin/ includes only this file and calls the same-name shims below,
   so supporting another GCC release means editing this file alone. */

/* GCC's system.h includes these standard headers itself, before it
   poisons identifiers such as malloc, when asked to. */
#define INCLUDE_ALGORITHM
#define INCLUDE_MAP
#define INCLUDE_STRING
#define INCLUDE_VECTOR
#include "gcc-plugin.h"
#include "plugin-version.h"

#if GCCPLUGIN_VERSION_MAJOR < 11
#error "gcc-escape needs GCC 11 or newer"
#endif

/* c-common.h must come before diagnostic-core.h; it gives
   COMPOUND_LITERAL_EXPR, which only the C family's trees have. */
#include "c-family/c-common.h"
#include "context.h"
#include "tree-pass.h"
#include "gimple.h"
#include "ssa.h"
#include "gimple-iterator.h"
#include "tree-dfa.h"
#include "internal-fn.h"
#include "tree-cfg.h"
#include "tree-iterator.h"
#include "cgraph.h"
#include "attribs.h"
#include "diagnostic.h"
#include "langhooks.h"

/* GCC 12 split end-of-scope clobbers from other clobbers (clobber_kind,
   CLOBBER_EOL); GCC 11 only has the plain kind. */
static inline bool esc_clobber_is_end_of_life(const gimple *stmt)
{
#if GCCPLUGIN_VERSION_MAJOR >= 12
    return gimple_clobber_p(stmt, CLOBBER_EOL);
#else
    return gimple_clobber_p(stmt);
#endif
}

/* get_ref_base_and_extent_hwi exists in both 11 and 12 with the same
   signature; kept here so a future change has one place to go. */
static inline tree esc_ref_base_and_extent(tree ref, HOST_WIDE_INT *offset, HOST_WIDE_INT *size,
                                           bool *reverse)
{
    return get_ref_base_and_extent_hwi(ref, offset, size, reverse);
}

/* Free the source lines GCC read to show under diagnostics.  Quoting one
   line of sqlite3.c makes GCC keep all 9 MB of it and a record per line
   (16 MB) until cc1 exits, on top of its peak; it reads the file again if
   a later diagnostic needs it.  input.h (11 and 12) declares this as
   diagnostics_file_cache_fini, a name cc1 does not define: the symbol is
   diagnostic_file_cache_fini. */
void diagnostic_file_cache_fini(void);
static inline void esc_forget_source_lines(void)
{
    diagnostic_file_cache_fini();
}

/* The GCC release the plugin was built for, which plugin_init has checked
   is the one running it.  GCC 11's version.h declares version_string as a
   symbol of cc1, GCC 12's defines it as a macro: a GCC 11 build naming it
   would not even load in GCC 12 (undefined symbol), so could not say which
   GCC it was built for.  For a release, basever is version_string. */
static inline const char *esc_gcc_version(void)
{
    return gcc_version.basever;
}

#endif
