/* heap_to_stack.c - Go's stack allocation of values that do not escape, as advice for C. */
/*
 * Go:
 *
 *     func formatMessage(id int) {
 *         buf := make([]byte, 64)
 *         n := copy(buf, fmt.Sprint("id=", id))
 *         os.Stdout.Write(buf[:n])
 *     }
 *
 * `go build -gcflags=-m` prints "make([]byte, 64) does not escape", and
 * the compiler puts buf on the stack: no allocation, nothing to free.  A C
 * compiler never turns malloc into a stack array; gcc-escape tells the
 * programmer where it could be done by hand (examples/bench.c measures
 * what that buys):
 *
 *     heap_to_stack.c:45: warning: 64-byte heap allocation never outlives
 *     'format_message' and is freed on every path; a stack array would do
 *     [heap-to-stack]
 *
 * with a note at the free() that would go.  The per-line buffer of
 * print_lines() is freed in the iteration that allocates it, so one array
 * serves every iteration:
 *
 *     heap_to_stack.c:57: warning: 80-byte heap allocation never outlives
 *     'print_lines' and is freed in the same loop iteration; a stack array
 *     would do [heap-to-stack]
 *
 * Silent, correctly:
 * - format_into(): the buffer is returned -- it outlives the frame.
 * - format_and_log(): log_line() is defined in another file, so nothing is
 *   known about what it does with the buffer; it might keep it.
 * - format_sized(): the size is not a constant.
 *
 * GCC alone says nothing about any of these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void log_line(const char *line); /* in another file */

int format_message(int id)
{
    char *buf = malloc(64);
    if (!buf)
        return -1;
    snprintf(buf, 64, "id=%d", id);
    puts(buf);
    free(buf);
    return 0;
}

void print_lines(const int *values, int n)
{
    for (int i = 0; i < n; i++) {
        char *line = malloc(80);
        if (!line)
            return;
        snprintf(line, 80, "%d: %d", i, values[i]);
        puts(line);
        free(line);
    }
}

char *format_into(int id)
{
    char *buf = malloc(64);
    if (buf)
        snprintf(buf, 64, "id=%d", id);
    return buf;
}

void format_and_log(int id)
{
    char *buf = malloc(64);
    if (!buf)
        return;
    snprintf(buf, 64, "id=%d", id);
    log_line(buf);
    free(buf);
}

void format_sized(int id, size_t size)
{
    char *buf = malloc(size);
    if (!buf)
        return;
    snprintf(buf, size, "id=%d", id);
    puts(buf);
    free(buf);
}
