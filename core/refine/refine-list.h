/* refine-list.h - every refinement of the points-to solution, in the order the analysis asks them. */

/* The points-to sets (pointsto.c) are flow-insensitive and path-
   insensitive: cheap, and wrong in exactly the ways that make C's
   save-and-restore idioms look like escapes.  Each refinement below
   answers one question of refine.h more precisely for one idiom.  This
   list is the one place that names them all (smatch's check_list.h is
   the model): a new refinement is one line here, one file whose top
   comment states its model, and one test under testsuite/escape.dg.

   ESC_REFINEMENT(ID, QUESTION, FUNCTION, NAME, WHAT IT SHOWS)

   QUESTION is when it is asked:
   - BUILD: while the flows are built (flows.c), before solving: what it
     rules out never reaches a points-to set.  FUNCTION is called by
     flows.c itself, so it is listed for the reader only.
   - PERSISTS: "does the pointer flow F stored still sit in memory at the
     return?"  Asked in this order; the first that decides wins, and a
     store none decides persists.  FUNCTION: esc_persists_fn.
   - UNDOES: "does statement S put something else where the store put
     its pointer?"  Asked at each statement of the OVERWRITE walk, in this
     order; a path ends at the first that says yes.  FUNCTION:
     esc_undoes_fn.
   - EDGE: "does this CFG edge end a path from the store?"  Asked at each
     edge of the OVERWRITE walk, in this order: an edge that cannot be
     taken after the store, or on which the place no longer holds the
     pointer, ends the path there.  FUNCTION: esc_edge_ends_path_fn.
   - OBJECT: "does the address of stack object O, which flow F stores,
     still sit somewhere at the return?"  For a store that persists, asked
     about each stack object a finding would name, in this order; the
     first that says no wins.  FUNCTION: esc_object_undone_fn.
   - PATH: "is there a feasible path that carries the address there?"
     Asked last, for the candidates every other refinement let through,
     because it is the most expensive.

   The order is cheapest and most specific first: what BUILD removes
   costs nothing later; a thread that is joined is settled by JOIN_CLOSE
   before any walk; OVERWRITE's one walk per store asks its UNDOES
   predicates at each statement; OBJECT refinements only see the stack
   objects of stores that persist; PATH searches only what is left. */

/* Blocks a call's constant arguments rule out (`del == TRANSIENT`): a
   callee analysed again without them (specialize.c). */
ESC_REFINEMENT(CONSTANTS, BUILD, esc_spec_dead, "constants",
               "the blocks a call's constant arguments rule out are not analysed")
/* `cf->f = &local; ...; cf->f->buf = &b;`: a load after a store to the
   same place, with nothing between that may write it, reads the value
   stored, not all the place may hold (reload.c, asked by flows.c). */
ESC_REFINEMENT(RELOAD, BUILD, esc_reload_forwarded, "reload",
               "a load after a store to the same place, nothing between writing it, reads what was stored")
/* `if (p == &x)`: on the other edge p does not point to x (guards.c). */
ESC_REFINEMENT(GUARDS, BUILD, esc_apply_guards, "guards",
               "a value compared unequal to an address on every path does not carry it")
/* A thread joined, a stream closed on every path (joinclose.c); a path
   that contradicts what held at the create (correlated.c's facts) is
   none. */
ESC_REFINEMENT(JOIN_CLOSE, PERSISTS, esc_join_close_persists, "join-or-close",
               "the thread it was handed to is joined, or the stream closed, on every path")
/* A pointer stored into every node of a list, cleared by a second walk
   of the same list from the same head, the list unchanged between
   (secondwalk.c): `for (n = l->head; n; n = n->next) n->ctx = &local;
   ...; for (n = l->head; n; n = n->next) n->ctx = NULL;`. */
ESC_REFINEMENT(SECOND_WALK, PERSISTS, esc_second_walk_persists, "second-walk",
               "every node it was stored into is cleared by a second walk of the same list")
/* A store through a pointer read again from a place this function set to
   its own local, calls between trusted as calltrust.c says: `cf->conf_file
   = &conf_file; log (...); cf->conf_file->buffer = &buf;` (framestore.c). */
ESC_REFINEMENT(FRAME_STORE, PERSISTS, esc_frame_store_persists, "frame-store",
               "it was stored through a pointer read again that names this frame's own local")
/* The place written again on every path to a return (restore.c, with
   overwrite.c's walk): `prev = g_top; g_top = &frame; ...; g_top = prev;`. */
ESC_REFINEMENT(OVERWRITE, PERSISTS, esc_overwrite_persists, "overwrite",
               "the place the pointer was stored in is written again on every path to a return")
/* A call whose summary writes that place: `push (&frame); ...; pop ();`
   (restore.c). */
ESC_REFINEMENT(RESTORE, UNDOES, esc_callee_restores, "restore",
               "a callee's summary writes the place again")
/* An undo through a pointer read again: `s = app->state; s->buf =
   local; ...; app->state->buf = saved;` (reloaded.c). */
ESC_REFINEMENT(RELOADED, UNDOES, esc_reload_undoes, "reloaded",
               "the place is written again through a pointer read again from the same unchanged place")
/* An undo guarded by a test of the place itself: on the other edge of
   `if (st->out == &tmp)` or `if (o->dir)`, the place holds something
   else already (placetest.c). */
ESC_REFINEMENT(PLACE_TESTED, EDGE, esc_place_tested, "place-tested",
               "on this edge of a test of the place, it no longer holds the pointer")
/* A store through an out-parameter, on the edge where the parameter is
   NULL: it never happened (`strtod (buf, endptr); if (endptr) *endptr =
   s + (*endptr - buf);`, nullbase.c). */
ESC_REFINEMENT(BASE_NULL, EDGE, esc_base_null, "base-null",
               "on this edge the out-parameter it was stored through is NULL: no store happened")
/* The guard of an undo through a pointer read again: on the edge where
   `if (c->udp)` finds it null after `c->udp->buffer = &buf;`, it would
   be the pointer the store went through, calls between trusted as
   calltrust.c says (reloaded.c). */
ESC_REFINEMENT(RELOAD_NULL, EDGE, esc_reload_null_edge, "reload-null",
               "on this edge the pointer read again, the one the store went through, would be null")
/* The same unchanged value guards the store and the undo: `if (file) {
   prev = cf->file; cf->file = &f; } ...; if (file) cf->file = prev;`
   (correlated.c). */
ESC_REFINEMENT(CORRELATED, EDGE, esc_correlated, "correlated",
               "the edge contradicts a condition that held at the store")
/* A list head emptied on every path to a return: no node of its list
   points at it any more (lists.c): libuv's QUEUE_MOVE to a local head
   drained until QUEUE_EMPTY. */
ESC_REFINEMENT(HEAD_EMPTIED, OBJECT, esc_head_emptied, "head-emptied",
               "the list whose head it is is tested empty on every path to a return")
/* A stack node taken off its list on every path to a return: no
   neighbour's link points at it any more (unlink.c): the kernel's
   `list_add (&w.entry, &q->head); ...; list_del (&w.entry);`. */
ESC_REFINEMENT(UNLINKED, OBJECT, esc_node_unlinked, "unlinked",
               "the list node is unlinked on every path to a return")
/* A stack element of a BSD <sys/queue.h> LIST or TAILQ removed on every
   path to a return (bsdlist.c): `TAILQ_INSERT_TAIL (&q, &w, link); ...;
   TAILQ_REMOVE (&q, &w, link);`. */
ESC_REFINEMENT(BSD_UNLINKED, OBJECT, esc_bsd_node_unlinked, "bsd-unlinked",
               "the LIST or TAILQ element is removed on every path to a return")
/* A BSD LIST or TAILQ head whose first link is tested null on every path
   to a return: no element's prev points at it any more (bsdempty.c):
   libevent's local TAILQ drained `while (TAILQ_FIRST (&requests))`. */
ESC_REFINEMENT(BSD_EMPTIED, OBJECT, esc_bsd_head_emptied, "bsd-emptied",
               "the LIST or TAILQ whose head it is is tested empty on every path to a return")
/* A local head that took the tail of a list and dropped it: the nodes
   that point at it are on no list any more, and nothing else reaches
   them (dropped.c): nginx's `ngx_queue_split (locations, q, &tail);`
   with tail left as it is. */
ESC_REFINEMENT(DROPPED, OBJECT, esc_ring_dropped, "dropped",
               "only list nodes cut off the caller's list point at it, and nothing reaches them")
/* A path through memory needs the store to reach the load (explain.c). */
ESC_REFINEMENT(FEASIBLE, PATH, esc_explain, "feasible",
               "a path through memory needs each store to reach the load that reads it")
