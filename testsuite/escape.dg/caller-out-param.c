/* Storing a stack address through an out-parameter (*out = &x). */
/* { dg-do compile } */

void *alloca(__SIZE_TYPE__);
void *malloc(__SIZE_TYPE__);

static int s_val;

void direct(int **out)
{
    int x; /* { dg-message "'x' declared here" } */
    *out = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void through_copies(int **out)
{
    int x;
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    int **q = out;
    *q = p; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void parameter_slot(int **out, int v)
{
    *out = &v; /* { dg-warning "address of parameter 'v' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void compound_literal(int **out)
{
    *out = (int[]){1, 2}; /* { dg-warning "address of compound literal escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void vla(char **out, int n)
{
    char a[n];
    *out = a; /* { dg-warning "address of variable-length array 'a' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void alloca_memory(void **out, int n)
{
    char *p = alloca(n);
    *out = p; /* { dg-warning "address of 'alloca' memory escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void array_decay(char **out)
{
    char buf[32];
    *out = buf + 1; /* { dg-warning "address of local 'buf' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void second_param(int unused, int **out)
{
    int x;
    (void)unused;
    *out = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void untyped_out(void *out)
{
    int x;
    *(int **)out = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

void into_byte_buffer(char *buf)
{
    int x;
    *(int **)(buf + 8) = &x; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'buf' \\\[escape-caller\\\]" } */
}

/* Silent: static storage, heap memory, the caller's own pointers. */
void out_static(int **out)
{
    *out = &s_val; /* { dg-bogus "\\\[escape-" } */
}

void out_heap(int **out)
{
    *out = malloc(sizeof **out); /* { dg-bogus "\\\[escape-" } */
}

void out_param_value(int **out, int *a, int **in)
{
    *out = a + 1; /* { dg-bogus "\\\[escape-" } */
    *out = *in; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: the out-parameter is itself a local copy's address. */
void out_is_local(void)
{
    int x;
    int *slot;
    int **out = &slot;
    *out = &x; /* { dg-bogus "\\\[escape-" } */
    *slot = 0;
}
