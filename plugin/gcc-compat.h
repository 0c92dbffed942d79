/* gcc-compat.h - every GCC header the adapter needs, and every difference between GCC versions. */
#ifndef ESC_GCC_COMPAT_H
#define ESC_GCC_COMPAT_H

/* Modelled on the Linux kernel's scripts/gcc-plugins/gcc-common.h: the rest
   of plugin/ includes only this file and calls the same-name shims below,
   so supporting another GCC release means editing this file alone (and the
   Makefile's check-gcc, which knows where each release comes from).

   Every difference between the releases the plugin supports, 11 to 16,
   checked against each one's plugin headers and cc1's exported symbols:

   | GCC | what changed                                      | shim                          |
   |-----|---------------------------------------------------|-------------------------------|
   | 12  | end-of-scope clobbers get a kind, CLOBBER_EOL      | esc_clobber_is_end_of_life    |
   | 12  | version_string becomes a macro (a symbol in 11)    | esc_gcc_version               |
   | 14  | CLOBBER_EOL renamed CLOBBER_STORAGE_END            | esc_clobber_is_end_of_life    |
   | 14  | diagnostic_file_cache_fini gone; the source cache  | esc_forget_source_lines       |
   |     | is the diagnostic context's private file_cache    |   (14: nothing to call)       |
   | 15  | file_cache::tune, which rebuilds the cache empty   | esc_forget_source_lines       |
   | 14  | diagnostic_context's flags become private, behind  | esc_warnings_are_errors,      |
   |     | set_warning_as_error_requested and ..._p ()       |   esc_set_warnings_are_errors |
   | 16  | diagnostic types move into namespace diagnostics  | esc_forget_last_function      |
   |     | (diagnostic_info, file_cache, the context class)  |   esc_forget_source_lines     |

   Unchanged from 11 to 16 and used as is: the pass manager, GIMPLE and
   tree accessors, the call graph, attributes, pragmas, warning_at, inform,
   auto_diagnostic_group, diagnostic_report_warnings_p.  C23 (GCC 15's
   default -std=gnu23) changes what the front end hands over, not the
   API: it is the testsuite's concern (docs/testing.md). */

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
#include "tree-diagnostic.h"
#include "langhooks.h"
#if GCCPLUGIN_VERSION_MAJOR >= 16
/* No longer included by diagnostic.h: esc_forget_source_lines. */
#include "diagnostics/file-cache.h"
#endif

/* GCC 12 split end-of-scope clobbers from other clobbers (clobber_kind,
   CLOBBER_EOL); GCC 11 only has the plain kind. */
static inline bool esc_clobber_is_end_of_life(const gimple *stmt)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
    return gimple_clobber_p(stmt, CLOBBER_STORAGE_END);
#elif GCCPLUGIN_VERSION_MAJOR >= 12
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
   a later diagnostic needs it.
   - 11 to 13: input.h declares this as diagnostics_file_cache_fini, a name
     cc1 does not define: the symbol is diagnostic_file_cache_fini, which
     deletes the cache (a new one is made on the next use).
   - 14: that function is gone, and the cache is the diagnostic context's
     own, made once and private.  Its one public way to drop a file,
     file_cache::forcibly_evict_file, resets the slot but keeps its buffer
     and line records for reuse (file_cache_slot::evict), so it frees
     nothing; deleting and remaking the object would lose the front end's
     input charset and BOM settings, which only the front end knows.  The
     need is dropped: GCC 14 keeps the lines until cc1 exits.
   - 15 and 16: file_cache::tune remakes the slots (freeing each file's
     buffer and records) when the number of slots changes, keeping those
     settings; two calls, to one slot more and back, leave the cache empty
     at the size --param=file-cache-files and file-cache-lines asked for.
   The "later GCC warning still quotes its source line" test in args.exp
   checks that GCC can still read the file afterwards. */
#if GCCPLUGIN_VERSION_MAJOR <= 13
void diagnostic_file_cache_fini(void);
#endif
static inline void esc_forget_source_lines(void)
{
#if GCCPLUGIN_VERSION_MAJOR >= 15
    auto &cache = global_dc->get_file_cache();
    cache.tune(param_file_cache_files + 1, param_file_cache_lines);
    cache.tune(param_file_cache_files, param_file_cache_lines);
#elif GCCPLUGIN_VERSION_MAJOR <= 13
    diagnostic_file_cache_fini();
#endif
}

/* Forget which function the last diagnostic was in, so that the next one,
   about the unit rather than a function, gets no "In function" header.
   GCC 16 moved diagnostic_info into namespace diagnostics. */
static inline void esc_forget_last_function(void)
{
#if GCCPLUGIN_VERSION_MAJOR >= 16
    diagnostic_set_last_function(global_dc, (diagnostics::diagnostic_info *)nullptr);
#else
    diagnostic_set_last_function(global_dc, (diagnostic_info *)nullptr);
#endif
}

/* Whether -Werror is in force, and setting it around one finding's warning:
   GCC has no -W option for a plugin's warnings, so -Werror=NAME and
   -Wno-error=NAME cannot name them, and this is how the plugin's
   error= and no-error= arguments get the same effect (docs/options.md).
   The warning then goes through GCC's own -Werror path: "[-Werror]" after
   the message, counted in "some warnings being treated as errors".  GCC 14
   made the flag private behind accessors. */
static inline bool esc_warnings_are_errors(void)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
    return global_dc->warning_as_error_requested_p();
#else
    return global_dc->warning_as_error_requested;
#endif
}

static inline void esc_set_warnings_are_errors(bool on)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
    global_dc->set_warning_as_error_requested(on);
#else
    global_dc->warning_as_error_requested = on;
#endif
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
