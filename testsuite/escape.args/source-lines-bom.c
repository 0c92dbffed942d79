int a[4]; int past_the_end(void) { return a[5]; }
/* source-lines-bom.c - a UTF-8 BOM before line 1, which a later GCC warning quotes as without the plugin. */
int *g;
void keep(void) { int x; g = &x; }
