/* Storing a stack address into memory reachable from a global pointer. */
/* { dg-do compile } */

struct node { int *p; struct node *next; int *arr[4]; int v; };

struct node *g_list;
int **gpp;
int g_int;

void through_global_pointer(void)
{
    int x; /* { dg-message "'x' declared here" } */
    g_list->p = &x; /* { dg-warning "address of local 'x' escapes to memory reachable from global 'g_list' \\\[escape-global\\\]" } */
}

void flow_note_names_the_place(void)
{
    int y;
    /* { dg-warning "address of local 'y' escapes to memory reachable from global 'g_list' \\\[escape-global\\\]" "" { target *-*-* } 0 } */
    g_list->next->p = &y; /* { dg-message "flow: g_list->next->p = &y \\(store\\)" } */
}

void through_pointer_to_pointer(void)
{
    int x;
    *gpp = &x; /* { dg-warning "address of local 'x' escapes to memory reachable from global 'gpp' \\\[escape-global\\\]" } */
}

void through_local_copy(void)
{
    int x;
    struct node *n = g_list;
    n->next->arr[1] = &x; /* { dg-warning "address of local 'x' escapes to memory reachable from global 'g_list' \\\[escape-global\\\]" } */
}

void list_traversal(void)
{
    int x;
    struct node *n = g_list;
    while (n->next)
        n = n->next;
    n->p = &x; /* { dg-warning "address of local 'x' escapes to memory reachable from global 'g_list' \\\[escape-global\\\]" } */
}

/* Silent: values through the global pointer, and a local copy of the node. */
void store_value(void)
{
    int x = 1;
    int *p = &x;
    g_list->v = *p; /* { dg-bogus "\\\[escape-" } */
}

void local_copy_of_node(void)
{
    int x;
    struct node copy = *g_list;
    copy.p = &x; /* { dg-bogus "\\\[escape-" } */
    g_int = *copy.p;
}

/* Silent: pointers to static storage stored through the global. */
void store_static(void)
{
    g_list->p = &g_int; /* { dg-bogus "\\\[escape-" } */
}
