/* annotated.c - one finding each silenced by the attribute and the pragma, one reported, and one bad annotation of each kind, for suppress.exp. */
int *g1, *g2, *g3;

#if __has_attribute(escape_suppress) && __has_attribute(noescape)
int plugin_attributes_known = 1;
#else
#error "the plugin's attributes are unknown to __has_attribute"
#endif

__attribute__((escape_suppress("escape-global"))) void by_attribute(void)
{
    int x;
    g1 = &x;
}

#define QUIETLY(stmt) _Pragma("escape push") _Pragma("escape ignored") stmt; _Pragma("escape pop")

void by_pragma(void)
{
    int x;
    QUIETLY(g2 = &x);
}

void reported(void)
{
    int x;
    g3 = &x;
}

void bad_attribute(void) __attribute__((escape_suppress("escape-globl")));
#pragma escape ignored "escape-globl"
