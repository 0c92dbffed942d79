/* Storing a stack address into a static local variable. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

static int s_val;

void cache_local(void)
{
    int x; /* { dg-message "'x' declared here" } */
    static int *cache;
    cache = &x; /* { dg-warning "address of local 'x' escapes to static 'cache' \\\[escape-global\\\]" } */
}

void cache_once(int *a)
{
    int x = *a;
    static int *once;
    if (!once)
        once = &x; /* { dg-warning "address of local 'x' escapes to static 'once' \\\[escape-global\\\]" } */
}

void inner_block(int c)
{
    int x;
    {
        static int *inner;
        if (c)
            inner = &x; /* { dg-warning "address of local 'x' escapes to static 'inner' \\\[escape-global\\\]" } */
    }
}

void static_array_element(int i)
{
    int x;
    static int *slots[4];
    int *p = &x; /* { dg-message "flow: p = &x \\(address-of\\)" } */
    slots[i & 3] = p; /* { dg-warning "address of local 'x' escapes to static 'slots' \\\[escape-global\\\]" } */
}

/* Silent: the static holds static storage or the caller's pointer. */
void cache_static(void)
{
    static int *keep;
    keep = &s_val; /* { dg-bogus "\\\[escape-" } */
}

void cache_param(int *a)
{
    static int *keep2;
    keep2 = a; /* { dg-bogus "\\\[escape-" } */
}

/* Silent: a non-static local of the same shape. */
int plain_local(void)
{
    int x = 1;
    int *cache;
    cache = &x; /* { dg-bogus "\\\[escape-" } */
    return *cache;
}

/* Silent: the static is cleared before the function returns. */
void cleared(void)
{
    int x;
    static int *tmp;
    tmp = &x; /* { dg-bogus "\\\[escape-" } */
    *tmp = 0;
    tmp = 0;
}
