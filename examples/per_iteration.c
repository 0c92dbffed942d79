/* per_iteration.c - pointers to per-iteration locals, Go's loop-variable capture in C. */
/*
 * Go (before 1.22):
 *     var ps []*int
 *     for i := 0; i < 3; i++ { ps = append(ps, &i) }
 * Every element pointed at the same heap-moved i.  In C each iteration's
 * local lives in the frame; keeping pointers to it is fine as long as they
 * stay in the frame too (sum_squares: silent), and a bug as soon as they
 * leave it through an out-parameter (collect_bad):
 *
 *     per_iteration.c:34: warning: address of local 'square' escapes to the
 *                         caller through parameter 'out' [escape-caller]
 */
#define N 8

int sum_squares(void)
{
    int squares[N];
    int *ptrs[N]; /* pointers to locals, kept in a local array: fine */
    for (int i = 0; i < N; i++) {
        squares[i] = i * i;
        ptrs[i] = &squares[i];
    }
    int sum = 0;
    for (int i = 0; i < N; i++)
        sum += *ptrs[i];
    return sum;
}

void collect_bad(int **out, int n)
{
    for (int i = 0; i < n && i < N; i++) {
        int square = i * i;
        out[i] = &square; /* every element points at a dead local */
    }
}

void collect(int *out, int n)
{
    for (int i = 0; i < n && i < N; i++)
        out[i] = i * i; /* values, not addresses: fine */
}
