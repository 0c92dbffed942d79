/* __attribute__((lifetimebound)) on a parameter: the result may point into what it points to. */
/* { dg-do compile } */

char *skip_blanks(char *s __attribute__((lifetimebound)));
char *from_elsewhere(char *s);
/* A redeclaration without it keeps the prototype's. */
const char *basename_of(const char *path __attribute__((lifetimebound)), int sep);
const char *basename_of(const char *path, int sep);

char *through_attribute(void)
{
    char buf[16] = "  x";
    return skip_blanks(buf); /* { dg-warning "address of local 'buf' escapes via the return value \\\[escape-return\\\]" } */
}

const char *through_redeclaration(void)
{
    char path[32] = "a/b";
    return basename_of(path, '/'); /* { dg-warning "address of local 'path' escapes via the return value \\\[escape-return\\\]" } */
}

/* Without the attribute an unknown callee keeps nothing and returns
   nothing of its arguments, as for any warning. */
char *unknown(void)
{
    char buf[16] = "x";
    return from_elsewhere(buf); /* { dg-bogus "\\\[escape-" } */
}

/* The result used locally: no escape. */
int used_locally(void)
{
    char buf[16] = "  x";
    return *skip_blanks(buf); /* { dg-bogus "\\\[escape-" } */
}

int not_a_pointer(int n __attribute__((lifetimebound))); /* { dg-warning "'lifetimebound' attribute only applies to pointer parameters" } */
