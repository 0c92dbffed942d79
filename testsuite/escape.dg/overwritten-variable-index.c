/* A slot at a variable index, cleared before returning through the same expression, is not an escape. */
/* { dg-do compile } */

struct any {
    const char *type;
    void *data;
};
struct any registry[16];
void work(void);

void show_registered(int i)
{
    int v = 42;
    registry[i].data = &v; /* { dg-bogus "\\\[escape-" } */
    work();
    registry[i].data = 0;
}

struct table {
    struct any slots[16];
};

void through_pointer(struct table *t, int i, int j)
{
    int v = 42;
    t->slots[i + j].data = &v; /* { dg-bogus "\\\[escape-" } */
    work();
    t->slots[i + j].data = 0;
}

/* Another index is another slot. */
void other_slot(int i, int j)
{
    int v = 42; /* { dg-message "'v' declared here" } */
    registry[i].data = &v; /* { dg-warning "address of local 'v' escapes to global 'registry' \\\[escape-global\\\]" } */
    work();
    registry[j].data = 0;
}

/* In a loop the index moves: each clear is for the slot of its own
   iteration, and the last address stored stays. */
void loop_moves(int n)
{
    int v = 42;
    for (int i = 0; i < n; i++) {
        registry[i].data = 0;
        work();
        registry[i].data = &v; /* { dg-warning "address of local 'v' escapes to global 'registry' \\\[escape-global\\\]" } */
    }
}
