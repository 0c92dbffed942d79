/* A pointer stored into every node of a list, cleared by a second walk of the same list. */
/* { dg-do compile } */
/* Issue 16's idiom 4: a first loop over a list stores &local into a
   field of every node, a second loop over the same list (same head, same
   link field, the list unchanged in between) clears it.  Each silent form
   has reported ones where one path skips the clearing. */

struct node { struct node *next; struct node *alt; int *ctx; int v; };
struct list { struct node *head; struct node *other; };

extern int work(struct list *l);
extern void __escape_dump_stores(void);
static struct list pending;

/* The two walks through a parameter, with a walk that only reads
   between them. */
int mark_all(struct list *l)
{
  int local = 0, sum = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-bogus "escapes" "cleared by the second walk" } */
  for (struct node *n = l->head; n; n = n->next)
    sum += n->v;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = 0;
  return sum + local;
}

/* The first walk may stop early: it marked fewer nodes than the second
   one clears. */
void mark_some(struct list *l, int limit)
{
  int local = 0;
  for (struct node *n = l->head; n && n->v < limit; n = n->next)
    n->ctx = &local; /* { dg-bogus "escapes" "a prefix of what the second walk clears" } */
  for (struct node *n = l->head; n; n = n->next) {
    local += n->v;
    n->ctx = 0;
  }
}

/* A static list head: the walks load the same static field. */
void mark_pending(void)
{
  int local = 0;
  for (struct node *n = pending.head; n; n = n->next)
    n->ctx = &local; /* { dg-bogus "escapes" "cleared by the second walk" } */
  for (struct node *n = pending.head; n; n = n->next)
    n->ctx = 0;
}

/* The probe names the refinement that settles the mark. */
void mark_probed(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-message "store into 'n->ctx' \\(line \\d+\\): undone on every path to a return \\(second-walk: every node it was stored into is cleared by a second walk of the same list\\)" } */
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = 0;
  __escape_dump_stores();
}

/* The clearing is conditional: a node with v == 0 keeps &local. */
void clear_some(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  for (struct node *n = l->head; n; n = n->next)
    if (n->v)
      n->ctx = 0;
}

/* The second walk may stop before the end of the list. */
void clear_until(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  for (struct node *n = l->head; n; n = n->next) {
    if (n->v < 0)
      break;
    n->ctx = 0;
  }
}

/* A call between the walks may change the list. */
void clear_after_call(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  work(l);
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = 0;
}

/* A path returns between the walks. */
int clear_unless(struct list *l, int fail)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  if (fail)
    return -1;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = 0;
  return 0;
}

/* The second walk starts at another head. */
void clear_other(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  for (struct node *n = l->other; n; n = n->next)
    n->ctx = 0;
}

/* The second walk follows another link. */
void clear_by_alt(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  for (struct node *n = l->head; n; n = n->alt)
    n->ctx = 0;
}

/* The list changes between the walks: the first node is dropped from
   it, still marked. */
void clear_after_pop(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  if (l->head)
    l->head = l->head->next;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = 0;
}

/* The second walk unlinks as it goes: it stops after the first node. */
void clear_and_cut(struct list *l)
{
  int local = 0;
  for (struct node *n = l->head; n; n = n->next)
    n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  for (struct node *n = l->head; n; n = n->next) {
    n->ctx = 0;
    n->next = 0;
  }
}

/* Both walks in an outer loop: each round clears what it marked. */
void mark_rounds(struct list *l, int rounds)
{
  int local = 0;
  do {
    for (struct node *n = l->head; n; n = n->next)
      n->ctx = &local; /* { dg-bogus "escapes" "cleared in the same round" } */
    for (struct node *n = l->head; n; n = n->next)
      n->ctx = 0;
  } while (--rounds > 0);
}

/* The last round marks after the clearing. */
void mark_twice(struct list *l, int rounds)
{
  int local = 0;
  for (int i = 0; i < rounds; i++) {
    for (struct node *n = l->head; n; n = n->next)
      n->ctx = 0;
    for (struct node *n = l->head; n; n = n->next)
      n->ctx = &local; /* { dg-warning "address of local 'local' escapes to the caller through parameter 'l'" } */
  }
}
