/* Stack addresses stored from inside loops. */
/* { dg-do compile } */

int *g;

void work(void);
int cond(void);

void global_in_loop(int n)
{
    int a[8]; /* { dg-message "'a' declared here" } */
    for (int i = 0; i < n; i++)
        g = &a[i]; /* { dg-warning "address of local 'a' escapes to global 'g' \\\[escape-global\\\]" } */
}

void param_array_in_loop(int **arr, int n)
{
    int a[8];
    for (int i = 0; i < n; i++)
        arr[i] = &a[i]; /* { dg-warning "address of local 'a' escapes to the caller through parameter 'arr' \\\[escape-caller\\\]" } */
}

void picked_in_loop_stored_after(int n)
{
    int x;
    int *p = 0;
    for (int i = 0; i < n; i++)
        if (i == 3)
            p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    g = p; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

void do_while(int **out, int n)
{
    int x;
    int *p = 0;
    do
        p = &x;
    while (--n);
    *out = p; /* { dg-warning "address of local 'x' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
}

/* A block-scope local of the loop body: dead after each iteration. */
void body_local(int n)
{
    for (int i = 0; i < n; i++) {
        int x = i;
        g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
        work();
    }
}

/* Silent: reset after the loop, or at the end of every iteration. */
void reset_after_loop(int n)
{
    int a[8];
    for (int i = 0; i < n; i++) {
        g = &a[i]; /* { dg-bogus "\\\[escape-" } */
        work();
    }
    g = 0;
}

void reset_each_iteration(int n)
{
    for (int i = 0; i < n; i++) {
        int x = i;
        g = &x; /* { dg-bogus "\\\[escape-" } */
        work();
        g = 0;
    }
}

/* Silent: the loop only fills a local array of pointers. */
int local_array_in_loop(int n)
{
    int a[8] = { 0 };
    int *ptrs[8];
    for (int i = 0; i < 8; i++)
        ptrs[i] = &a[i]; /* { dg-bogus "\\\[escape-" } */
    int s = 0;
    for (int i = 0; i < n && i < 8; i++)
        s += *ptrs[i];
    return s;
}
