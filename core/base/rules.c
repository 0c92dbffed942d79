/* rules.c - the diagnostics gcc-escape can emit, each with a stable id. */
#include "core/base/rules.h"

#include <string.h>

/* The help texts are short on purpose: they are shown beside each alert
   in code review; docs/rules.md has the long form. */
static const struct esc_rule_info rules[ESC_RULE_COUNT] = {
    [ESC_RULE_ESCAPE_RETURN] =
        {"escape-return", "StackAddressReturned",
         "The address of stack memory is returned to the caller.",
         "A function returns the address of one of its locals, parameters, compound literals "
         "or alloca/VLA memory, directly or inside a returned struct. The storage dies with the "
         "function's frame, so the caller receives a dangling pointer; reading or writing "
         "through it is undefined behaviour that usually corrupts a later frame.",
         "A function returns a pointer to its own stack frame.\n\n"
         "```c\nint *make_counter(void)\n{\n    int count = 0;\n    return &count; /* dangles "
         "*/\n}\n```\n\n"
         "Return the value, let the caller provide the storage, or allocate it with `malloc`.",
         "562", "8.1", "very-high"},
    [ESC_RULE_ESCAPE_GLOBAL] =
        {"escape-global", "StackAddressStoredInStaticStorage",
         "The address of stack memory is stored in static storage.",
         "The address of stack storage is stored in a global, a static or thread-local variable, "
         "or memory reachable from one, and is still there when the function returns. Whoever "
         "reads it later follows a pointer into a dead frame.",
         "A stack address outlives its frame through a global.\n\n"
         "```c\nint *g_last;\nvoid remember(void)\n{\n    int x = 1;\n    g_last = &x; /* dangles "
         "after return */\n}\n```\n\n"
         "Store a copy of the value, use static or heap storage, or clear the global before "
         "returning (`g_last = prev;`).",
         "562", "7.5", "high"},
    [ESC_RULE_ESCAPE_CALLER] =
        {"escape-caller", "StackAddressStoredInCallerMemory",
         "The address of stack memory is stored in memory the caller passed in.",
         "The address of stack storage is written through a pointer parameter (an out-parameter "
         "or a field of the caller's structure), so the caller holds it after this function's "
         "frame is gone.",
         "A stack address is handed back through an out-parameter.\n\n"
         "```c\nvoid get(int **out)\n{\n    int x = 1;\n    *out = &x; /* the caller keeps a "
         "dangling pointer */\n}\n```\n\n"
         "Let the caller provide the storage, or allocate it.",
         "562", "7.5", "high"},
    [ESC_RULE_ESCAPE_HEAP] =
        {"escape-heap", "StackAddressStoredInEscapingHeapObject",
         "The address of stack memory is stored in a heap object that outlives the function.",
         "The address of stack storage is stored in heap memory that is itself returned, stored "
         "in static storage or in the caller's memory, or kept by a callee, so the pointer "
         "outlives the frame inside that heap object.",
         "A heap object that outlives the function points into its frame.\n\n"
         "```c\nstruct node *make(void)\n{\n    int x = 1;\n    struct node *n = malloc(sizeof "
         "*n);\n    n->p = &x; /* n is returned */\n    return n;\n}\n```\n\n"
         "Point the heap object at heap or static storage instead.",
         "562", "7.5", "medium"},
    [ESC_RULE_ESCAPE_CALL] =
        {"escape-call", "StackAddressKeptByCallee",
         "The address of stack memory is passed to a function that keeps it after returning.",
         "The address of stack storage is passed to a function that stores it somewhere that "
         "outlives the call: a function of this file (per its summary), a C library function "
         "(setvbuf, putenv, pthread_setspecific...) or one described by a model file.",
         "A callee keeps a pointer into this frame.\n\n"
         "```c\nvoid setup(void)\n{\n    char buf[BUFSIZ];\n    setvbuf(stdout, buf, _IOFBF, "
         "sizeof buf); /* stdout keeps buf */\n}\n```\n\n"
         "Pass static or heap storage, or release it (`fclose`, a matching pop) before returning.",
         "562", "7.5", "medium"},
    [ESC_RULE_ESCAPE_THREAD] =
        {"escape-thread", "StackAddressHandedToThread",
         "The address of stack memory is handed to a thread that is not joined before the "
         "function returns.",
         "The address of stack storage is passed to a new thread (pthread_create, thrd_create) "
         "that may still run after the function returns, because it is not joined on every "
         "path before the return.",
         "A thread may outlive the frame it points into.\n\n"
         "```c\nvoid start(void)\n{\n    struct job job = {0};\n    pthread_t t;\n    "
         "pthread_create(&t, 0, run, &job); /* not joined */\n}\n```\n\n"
         "Join the thread before returning, or give it heap storage it frees.",
         "562", "7.5", "high"},
    [ESC_RULE_ESCAPE_NOESCAPE] =
        {"escape-noescape", "NoescapeParameterEscapes",
         "A parameter declared noescape escapes from the function.",
         "A parameter declared __attribute__((noescape)) is stored where it outlives the call. "
         "Callers trust the declaration and may pass stack addresses, so the broken promise "
         "becomes their dangling pointer.",
         "The body breaks its `noescape` promise.\n\n"
         "```c\nvoid remember(int *p __attribute__((noescape)))\n{\n    g = p; /* escapes "
         "*/\n}\n```\n\n"
         "Drop the attribute, or do not keep the pointer.",
         "562", "6.5", "high"},
    [ESC_RULE_HEAP_TO_STACK] =
        {"heap-to-stack", "HeapAllocationCouldBeStackArray",
         "A small heap allocation never outlives its function: a stack array would do.",
         "A heap allocation of a constant size no larger than the limit (1024 bytes by default) "
         "is not returned or stored anywhere that outlives the function, never reaches code "
         "nothing is known about, is never reallocated or freed by a callee, and is freed on "
         "every path (or never). A local array saves the allocation, the free and the null "
         "check, and cannot leak.",
         "A `malloc` that a local array can replace.\n\n"
         "```c\nchar *msg = malloc(64);\nsnprintf(msg, 64, \"id=%d\", "
         "id);\nputs(msg);\nfree(msg);\n```\n\n"
         "Write `char msg[64];` and drop the `free`.",
         NULL, NULL, "high"},
};

const struct esc_rule_info *esc_rule_info(enum esc_rule rule)
{
    return &rules[rule];
}

int esc_rule_from_id(const char *id)
{
    for (int r = 0; r < ESC_RULE_COUNT; r++)
        if (strcmp(rules[r].id, id) == 0)
            return r;
    return -1;
}
