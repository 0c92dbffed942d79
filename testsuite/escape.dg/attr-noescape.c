/* __attribute__((noescape)) is accepted on pointer parameters, and warned about anywhere else. */
/* { dg-do compile } */

void keep(int *p __attribute__((noescape))); /* { dg-bogus "attribute" } */
void keep_array(int a[] __attribute__((noescape))); /* { dg-bogus "attribute" } */
void keep_prefix(__attribute__((noescape)) int *p, int n); /* { dg-bogus "attribute" } */
void keep_unnamed(int, int *__attribute__((noescape))); /* { dg-bogus "attribute" } */
void keep_function_pointer(void (*cb)(int *q __attribute__((noescape)))); /* { dg-bogus "attribute" } */
[[gnu::noescape]] int *standard_syntax; /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */

void defined(int *p __attribute__((noescape))) /* { dg-bogus "attribute" } */
{
    (void)p;
}

void not_a_pointer(int n __attribute__((noescape))); /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */
int on_a_variable __attribute__((noescape)); /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */
int *on_a_pointer_variable __attribute__((noescape)); /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */
void on_a_function(int *p) __attribute__((noescape)); /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */
