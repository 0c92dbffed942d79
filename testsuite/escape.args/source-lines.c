/* A plugin finding, then a warning GCC gives in a later pass: both quote their source line. */
int *g;
void keep(void) { int x; g = &x; }
int a[4];
int past_the_end(void) { return a[5]; }
