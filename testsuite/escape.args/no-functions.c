/* no-functions.c - a translation unit with declarations only: it never reaches the analysis pass. */
int counter;
extern int *lookup(const char *name);
