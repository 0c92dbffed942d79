/* joinclose.h - is what a call keeps released (a thread joined, a stream closed) before return? */
#ifndef ESC_JOINCLOSE_H
#define ESC_JOINCLOSE_H

#include "core/solve/flows.h"
#include "core/solve/pointsto.h"

/* True when what call CREATE keeps (from its argument ARG_NO, 1-based,
   for calls to this unit's helpers) is released on every path from the
   call to a return: the thread it starts (pthread_create, thrd_create, or
   a helper that hands the handle back) is joined, or the stream it keeps a
   buffer for (setvbuf, fmemopen) is closed.  Then what it was handed does
   not outlive the frame. */
bool esc_kept_released(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, uint32_t create, uint32_t arg_no);

/* Does FN join the thread whose handle is its parameter PARAM (by value),
   or, for a pointer parameter, a handle it loads from what that points
   to, on every path from its entry to a return: `static int wait_for
   (pthread_t t) { return pthread_join (t, 0); }`, `static void stop
   (struct pool *p) { pthread_join (p->thread, 0); }`?  Its callers then
   count a call of it as a join (helper joins). */
bool esc_param_joined(const struct esc_function *fn, const struct esc_flows *flows,
                      const struct esc_pointsto *pt, uint32_t param);

/* Where the handle of the thread call CREATE starts ends up, for the
   function's summary: returned (`pthread_create (&t, ...); return t;`),
   stored through a parameter (`pthread_create (out, ...)`), or neither. */
uint8_t esc_thread_handle_of(const struct esc_function *fn, const struct esc_flows *flows,
                             uint32_t create);

#endif
