/* source-lines-latin1.c - a Latin-1 file (-finput-charset=latin1): a later GCC warning quotes its line converted, as without the plugin. */
int *g;
void keep(void) { int x; g = &x; }
int a[4];
int past_the_end(void) { return a[5]; } /* café */
