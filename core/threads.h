/* threads.h - is a thread a function starts joined before the function returns? */
#ifndef ESC_THREADS_H
#define ESC_THREADS_H

#include "flows.h"
#include "pointsto.h"

/* True when the thread that call CREATE starts (pthread_create,
   thrd_create) is joined on every path from the call to a return: then
   what it was handed does not outlive the frame. */
bool esc_thread_joined(const struct esc_function *fn, const struct esc_flows *flows,
                       const struct esc_pointsto *pt, uint32_t create);

#endif
