/* release.h - is what a call keeps released (a thread joined, a stream closed) before return? */
#ifndef ESC_RELEASE_H
#define ESC_RELEASE_H

#include "flows.h"
#include "pointsto.h"

/* True when what call CREATE keeps is released on every path from the
   call to a return: the thread it starts (pthread_create, thrd_create) is
   joined, or the stream it keeps a buffer for (setvbuf, fmemopen) is
   closed.  Then what it was handed does not outlive the frame. */
bool esc_kept_released(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, uint32_t create);

#endif
