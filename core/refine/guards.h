/* guards.h - what a branch on `p == &x` says: on its other edge, p does not point to x. */
#ifndef ESC_GUARDS_H
#define ESC_GUARDS_H

#include "core/solve/flows.h"

/* Mark each flow whose source value is known, at that point of the CFG,
   not to point to some object, because every path there went through the
   "not equal" edge of a comparison with that object's address.  This is
   what keeps the small-buffer idiom silent:

       char buf[64], *p = n <= sizeof buf ? buf : malloc (n);
       ...
       if (p == buf)
         p = strdup (buf);
       return p;               // p is not buf here

   The facts are a forward must-analysis: a fact holds on entry to a
   block when it holds on every incoming edge. */
void esc_apply_guards(const struct esc_function *fn, struct esc_flows *flows);

#endif
