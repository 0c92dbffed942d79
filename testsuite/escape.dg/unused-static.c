/* Static functions GCC removes unlowered from -O1 are not analysed at -O0 either, so the warnings are the same at every level. */
/* { dg-do compile } */
/* The findings themselves, whether or not anything reads them again: level 2. */
/* { dg-options "-fplugin-arg-escape-level=2" } */

static int *g;

/* Never called: GCC outputs it at -O0 only. */
static void never_called(void)
{
    int x = 1;
    g = &x; /* { dg-bogus "\\\[escape-" } */
}

/* Called only by a function that is never called. */
static void called_by_dead(void)
{
    int x = 2;
    g = &x; /* { dg-bogus "\\\[escape-" } */
}

static void dead_caller(void)
{
    called_by_dead();
}

/* Its address is in a static table nothing reads. */
static void in_dead_table(void)
{
    int x = 3;
    g = &x; /* { dg-bogus "\\\[escape-" } */
}
static void (*const dead_table[])(void) = { in_dead_table };

/* Called by an exported function. */
static void called(void)
{
    int y = 1;
    g = &y; /* { dg-warning "address of local 'y' escapes to static 'g' \\\[escape-global\\\]" } */
}

/* Its address is in a static table an exported function reads. */
static void in_live_table(void)
{
    int y = 2;
    g = &y; /* { dg-warning "address of local 'y' escapes to static 'g' \\\[escape-global\\\]" } */
}
static void (*const live_table[])(void) = { in_live_table };

/* Never called, but kept by the attribute at every level. */
__attribute__((used)) static void kept_by_attribute(void)
{
    int y = 3;
    g = &y; /* { dg-warning "address of local 'y' escapes to static 'g' \\\[escape-global\\\]" } */
}

/* A static-storage volatile is always output, and so is what it points to. */
static void in_volatile(void)
{
    int y = 4;
    g = &y; /* { dg-warning "address of local 'y' escapes to static 'g' \\\[escape-global\\\]" } */
}
static void (*volatile volatile_slot)(void) = in_volatile;

void exported(int i)
{
    called();
    live_table[i]();
}
