/* Interprocedural: calls through a function pointer whose possible targets are functions of this unit use those targets' summaries; a pointer of unknown origin is an unknown callee. */
/* { dg-do compile } */

typedef void (*handler_fn)(int *);

static int *g_kept;
static int g_sum;

static void keeps(int *p) { g_kept = p; }
static void reads(int *p) { g_sum += *p; }
static void writes(int *p) { *p = 0; }

void one_target_that_keeps(void)
{
    int x; /* { dg-message "'x' declared here" } */
    handler_fn f = keeps;
    f(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of a call through a function pointer, which keeps it after returning \\\[escape-call\\\]" } */
}

void either_target_keeps(int c)
{
    int x;
    handler_fn f = c ? reads : keeps;
    f(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of a call through a function pointer, which keeps it after returning \\\[escape-call\\\]" } */
}

void assigned_on_branches(int c)
{
    int x;
    handler_fn f;
    if (c)
        f = keeps;
    else
        f = writes;
    f(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of a call through a function pointer, which keeps it after returning \\\[escape-call\\\]" } */
}

/* A local struct of operations holding a function of this unit. */
struct ops { handler_fn handle; };

void local_ops_struct(void)
{
    int x;
    struct ops o = { keeps };
    o.handle(&x); /* { dg-warning "address of local 'x' escapes through argument 1 of a call through a function pointer, which keeps it after returning \\\[escape-call\\\]" } */
}

/* A static const dispatch table: its entries are known, and one keeps. */
static const handler_fn table[2] = { reads, keeps };

void const_table(int i)
{
    int x;
    table[i & 1](&x); /* { dg-warning "address of local 'x' escapes through argument 1 of a call through a function pointer, which keeps it after returning \\\[escape-call\\\]" } */
}

/* Silent: no possible target keeps the pointer. */
void one_target_that_reads(void)
{
    int x = 1;
    handler_fn f = reads;
    f(&x); /* { dg-bogus "\\\[escape-" } */
}

void two_targets_that_do_not_keep(int c)
{
    int x = 1;
    handler_fn f = c ? reads : writes;
    f(&x); /* { dg-bogus "\\\[escape-" } */
}

void local_ops_struct_that_reads(void)
{
    int x = 1;
    struct ops o = { reads };
    o.handle(&x); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the pointer comes from the caller, so nothing is known about the
   target (as for a call to a declared-only function). */
void from_parameter(handler_fn f)
{
    int x = 1;
    f(&x); /* { dg-bogus "\\\[escape-" } */
}

void from_parameter_struct(const struct ops *ops)
{
    int x = 1;
    ops->handle(&x); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: static storage handed to a keeping target. */
void static_to_keeping_target(void)
{
    static int s;
    handler_fn f = keeps;
    f(&s); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a static const table whose entries only read. */
static const handler_fn readers[2] = { reads, reads };

void const_table_of_readers(int i)
{
    int x;
    readers[i & 1](&x); /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a table that can be changed at run time may hold anything, and
   a call through something unknown keeps nothing as far as warnings go. */
static handler_fn mutable_table[2] = { reads, keeps };

void set_handler(int i, handler_fn f)
{
    mutable_table[i & 1] = f;
}

void mutable_table_call(int i)
{
    int x;
    mutable_table[i & 1](&x); /* { dg-bogus "\\\[escape-" } */
}
