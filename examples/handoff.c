/* handoff.c - a void * hand-off, C's stand-in for Go's interface conversion. */
/*
 * Go:
 *     var sink interface{}
 *     func keep() { x := 42; sink = &x }      // moved to heap: x
 *     func show() { x := 42; fmt.Println(x) } // x escapes: interface{} arg
 * Storing a value in an interface makes Go allocate it when the interface
 * outlives the frame.  C programmers do the same with a `void *data` slot;
 * when that slot lives in static storage, the local behind it dangles.
 *
 *     handoff.c:38: warning: address of local 'job' escapes to memory
 *                   reachable from global 'registry' [escape-global]
 *
 * Passing the same struct down to a function that only reads it is fine
 * (run_now), and so is the kernel-style hand-off that takes the pointer
 * back before returning (run_registered): both are silent.
 */
struct item {
    void *data;
    void (*run)(void *data);
};

struct registry {
    struct item items[16];
    int count;
};

struct registry *registry;

static void print_job(void *data)
{
    (void)data;
}

void register_job(int value)
{
    int job = value;
    registry->items[registry->count].data = &job;
    registry->items[registry->count].run = print_job;
    registry->count++;
}

void run_now(int value)
{
    int job = value;
    struct item it = {&job, print_job};
    it.run(it.data);
}

void run_registered(int value)
{
    int job = value;
    struct item *slot = &registry->items[0];
    slot->data = &job;
    slot->run(slot->data);
    slot->data = 0; /* taken back on every path before the frame ends */
}
