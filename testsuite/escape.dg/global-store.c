/* Storing a stack address into a global variable. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

void *alloca(__SIZE_TYPE__);
void *malloc(__SIZE_TYPE__);

int *g;
char *g_str;
static int *g_file_static;
static int s_val;

void local_address(void)
{
    int x; /* { dg-message "'x' declared here" } */
    g = &x; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

void through_copy(void)
{
    int x;
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    g = p + 1; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

/* A file-scope static is named "static", like a static local; "global"
   is for variables with external linkage. */
void file_static(void)
{
    int x;
    g_file_static = &x; /* { dg-warning "address of local 'x' escapes to static 'g_file_static' \\\[escape-global\\\]" } */
}

void parameter(int v)
{
    g = &v; /* { dg-warning "address of parameter 'v' escapes to global 'g' \\\[escape-global\\\]" } */
}

void compound_literal(void)
{
    g = (int[]){1, 2}; /* { dg-warning "address of compound literal escapes to global 'g' \\\[escape-global\\\]" } */
}

void vla(int n)
{
    int a[n];
    g = a; /* { dg-warning "address of variable-length array 'a' escapes to global 'g' \\\[escape-global\\\]" } */
}

void alloca_memory(int n)
{
    g_str = alloca(n); /* { dg-warning "address of 'alloca' memory escapes to global 'g_str' \\\[escape-global\\\]" } */
}

void array_decay(void)
{
    char buf[8];
    g_str = buf; /* { dg-warning "address of local 'buf' escapes to global 'g_str' \\\[escape-global\\\]" } */
}

void field_address(void)
{
    struct { int a; int b[4]; } s;
    g = &s.b[1]; /* { dg-warning "address of local 's' escapes to global 'g' \\\[escape-global\\\]" } */
}

void conditional(int c)
{
    int x;
    g = c ? &x : &s_val; /* { dg-warning "address of local 'x' escapes to global 'g' \\\[escape-global\\\]" } */
}

/* Silent: static storage, heap memory, parameters' values. */
void static_address(void)
{
    g = &s_val; /* { dg-bogus "\\\[escape-" } */
}

void heap_address(void)
{
    g = malloc(sizeof *g); /* { dg-bogus "\\\[escape-" } */
}

void param_value(int *a, int **pp)
{
    g = a; /* { dg-bogus "\\\[escape-" } */
    g = *pp; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: only the local's value is stored. */
int g_int;
void value_only(void)
{
    int x = 3;
    int *p = &x;
    g_int = *p; /* { dg-bogus "\\\[escape-" } */
}
