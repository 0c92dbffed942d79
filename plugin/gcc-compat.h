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
   | 12  | the source cache learns -finput-charset and BOMs   | esc_forget_source_lines       |
   |     | (a private member; 11's cc1 lacks the setter)      |   (a weak reference in 12)    |
   | 14  | CLOBBER_EOL renamed CLOBBER_STORAGE_END            | esc_clobber_is_end_of_life    |
   | 14  | diagnostic_file_cache_fini gone; the source cache  | esc_forget_source_lines       |
   |     | is the diagnostic context's file_cache, made once |   (remade in place)           |
   | 14  | diagnostic_context's flags become private, behind  | esc_warnings_are_errors,      |
   |     | set_warning_as_error_requested and ..._p ()       |   esc_set_warnings_are_errors |
   | 15  | file_cache::tune, which can empty the cache        | esc_forget_source_lines       |
   | 16  | diagnostic types move into namespace diagnostics  | esc_forget_last_function,     |
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
   a later diagnostic needs it, and must then read it as before: from 12
   on, the cache also holds how to read a file (the front end's
   -finput-charset callback, and whether to skip a UTF-8 BOM), which a new
   cache does not know (args.exp compares a later GCC warning's source
   line with and without the plugin, in Latin-1 and after a BOM).
   - 11 to 13: input.h declares this as diagnostics_file_cache_fini, a name
     cc1 does not define: the symbol is diagnostic_file_cache_fini, which
     deletes the cache; 11 has no reading settings, and from 12 on they
     are given to the next cache, made at once by
     diagnostic_initialize_input_context, as the front end first did.
   - 14: that function is gone, and the cache is the diagnostic context's
     own, made once (get_file_cache ()).  Its one way to drop a file,
     file_cache::forcibly_evict_file, resets the slot but keeps its buffer
     for reuse, so frees nothing.  What it offers instead is the object's
     destructor and constructor, both exported: the cache is destroyed and
     made again in place, then given back its reading settings.
   - 15 and 16: file_cache::tune remakes the slots (freeing each file's
     buffer and records) when the number of slots changes, keeping the
     settings; two calls, to one slot more and back, leave the cache empty
     at the size --param=file-cache-files and file-cache-lines asked for.
   Measured (cc1's peak RSS at -O0 on a 10 MB file with one finding at its
   top, python3's wait4): GCC 12 186.9 MB with the lines kept, 177.7 MB
   freed (174.3 MB without the plugin); GCC 14 184.6 and 175.3 MB (170.5);
   GCC 15 and 16 the same either way (182.2 and 182.1 MB, 184.6 and 184.6),
   their cache keeping far less of the file to begin with.
   The settings are a private member of file_cache (in_context) in 12 to
   14: the one way C++ lets code outside the class name it is an explicit
   template instantiation, where access is not checked. */
#if GCCPLUGIN_VERSION_MAJOR <= 13
void diagnostic_file_cache_fini(void);
#endif
#if GCCPLUGIN_VERSION_MAJOR == 12
/* Weak: GCC 11's cc1 does not define it, and a GCC 12 build must still
   load there far enough to refuse with its own error (args.exp). */
void diagnostic_initialize_input_context(diagnostic_context *, diagnostic_input_charset_callback,
                                         bool) __attribute__((weak));
#endif
#if GCCPLUGIN_VERSION_MAJOR >= 12 && GCCPLUGIN_VERSION_MAJOR <= 14
namespace
{
struct esc_source_cache_settings {
    typedef file_cache::input_context file_cache::*member;
};
esc_source_cache_settings::member esc_private(esc_source_cache_settings);
template <typename Tag, typename Tag::member M> struct esc_private_access {
    friend typename Tag::member esc_private(Tag)
    {
        return M;
    }
};
template struct esc_private_access<esc_source_cache_settings, &file_cache::in_context>;
} // namespace
#endif
static inline void esc_forget_source_lines(void)
{
#if GCCPLUGIN_VERSION_MAJOR >= 15
    auto &cache = global_dc->get_file_cache();
    cache.tune(param_file_cache_files + 1, param_file_cache_lines);
    cache.tune(param_file_cache_files, param_file_cache_lines);
#elif GCCPLUGIN_VERSION_MAJOR == 14
    file_cache &cache = global_dc->get_file_cache();
    file_cache::input_context settings = cache.*esc_private(esc_source_cache_settings());
    cache.~file_cache();
    new (&cache) file_cache();
    cache.initialize_input_context(settings.ccb, settings.should_skip_bom);
#elif GCCPLUGIN_VERSION_MAJOR >= 12
    if (!global_dc->m_file_cache)
        return;
    file_cache::input_context settings =
        (*global_dc->m_file_cache).*esc_private(esc_source_cache_settings());
    diagnostic_file_cache_fini();
    diagnostic_initialize_input_context(global_dc, settings.ccb, settings.should_skip_bom);
#else
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
