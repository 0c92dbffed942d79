/* per_iteration.c - Go's loop-variable capture in C: pointers to one object per iteration. */
/*
 * Go (1.22 and later, where each iteration has its own v):
 *
 *     var ptrs []*int
 *     for i := 0; i < 4; i++ {
 *         v := i * i
 *         ptrs = append(ptrs, &v)
 *     }
 *
 * `go build -gcflags=-m` prints "moved to heap: v": each v's address
 * outlives its iteration, so every iteration gets a heap object.  (Before
 * Go 1.22 a range variable was shared by all iterations and every pointer
 * aliased it -- the classic capture bug.)
 *
 * C has both problems at once: a variable declared in the loop body is a
 * new object each iteration, but it dies at the end of the iteration, and
 * GCC gives all of them one stack slot, so an array of their addresses
 * holds the same dangling pointer N times.  That is a lifetime bug inside
 * one function, not an escape, and gcc-escape does not report it (the
 * address never leaves the frame; AddressSanitizer's use-after-scope check
 * finds it at run time).  The C way is to give every iteration its own
 * slot that lives as long as the pointers: here vals[i].
 *
 * Silent, correctly: sum_squares() fills a local array of pointers inside
 * the loop and uses it locally -- the addresses stay in the frame (Go would
 * keep vals and ptrs on the stack too).
 *
 * gcc-escape, on squares_buggy(), which copies those pointers into the
 * caller's array:
 *
 *     per_iteration.c:66: warning: address of local 'vals' escapes to the caller through parameter 'out' [escape-caller]
 *
 * with the flow in notes: ptrs[i] = &vals[i] (store), then
 * out[...] = ptrs[i] (store).  GCC alone says nothing here.
 *
 * Silent, correctly: squares_into(), where the caller also provides vals.
 */
#define N 4

/* Fine: ptrs and vals die together. */
int sum_squares(void)
{
    int vals[N];
    int *ptrs[N];
    for (int i = 0; i < N; i++) {
        vals[i] = i * i;
        ptrs[i] = &vals[i];
    }
    int sum = 0;
    for (int i = 0; i < N; i++)
        sum += *ptrs[i];
    return sum;
}

/* Buggy: the caller's out[] points into this function's dead vals[]. */
void squares_buggy(int *out[N])
{
    int vals[N];
    int *ptrs[N];
    for (int i = 0; i < N; i++) {
        vals[i] = i * i;
        ptrs[i] = &vals[i];
    }
    for (int i = 0; i < N; i++)
        out[i] = ptrs[i];
}

/* Fixed: the caller provides the per-iteration slots too. */
void squares_into(int *out[N], int vals[N])
{
    int *ptrs[N];
    for (int i = 0; i < N; i++) {
        vals[i] = i * i;
        ptrs[i] = &vals[i];
    }
    for (int i = 0; i < N; i++)
        out[i] = ptrs[i];
}
