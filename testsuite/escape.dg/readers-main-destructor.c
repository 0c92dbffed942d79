/* Ranking by readers: a destructor runs after main returns, like an
   at-exit handler, and reads what main left in the global. */
/* { dg-do compile } */

static char *g_name;

__attribute__((destructor)) static void goodbye(void)
{
    if (g_name) /* { dg-message "read again by 'goodbye'" } */
        __builtin_puts(g_name);
}

int main(void)
{
    char name[16] = "main";
    g_name = name; /* { dg-warning "address of local 'name' escapes to static 'g_name' \\\[escape-global\\\]" } */
    return 0;
}
