/* get_user.c - Go's getUser() returning &u, in C: return a pointer, a value, or fill the caller's struct. */
/*
 * Go:
 *
 *     func getUser() *User {
 *         u := User{Name: "gopher", Age: 13}
 *         return &u
 *     }
 *
 * `go build -gcflags=-m` prints "moved to heap: u", and the program is
 * correct: Go allocates u on the heap because its address is returned.
 * In C the same code returns a pointer into a dead stack frame.
 *
 * gcc-escape, on get_user():
 *
 *     get_user.c:43: warning: address of local 'u' escapes via the return value [escape-return]
 *
 * with notes: 'u' declared here, then flow: return &u (return).
 * This is the one case GCC already catches by itself, at every -O level:
 *
 *     get_user.c:43: warning: function returns address of local variable [-Wreturn-local-addr]
 *
 * and GCC's C front end compiles the statement as if it returned a null
 * pointer.  gcc-escape reports it too (it recovers the return from the
 * front end's trees), so the same bug gets the same rule and notes as the
 * cases GCC misses (see counter.c, handoff.c, per_iteration.c).
 *
 * Silent, correctly -- the two C fixes, both of which Go would also keep
 * on the stack ("does not escape"):
 * - get_user_value(): returns the struct by value; the caller gets a copy.
 * - get_user_into(): copies u into a struct the caller provides
 *   (writing a value through an out-parameter is not an escape).
 */
struct user {
    char name[16];
    int age;
};

/* Buggy: the caller gets the address of a dead local (in practice, NULL). */
struct user *get_user(void)
{
    struct user u = { "gopher", 13 };
    return &u;
}

/* Fixed: return by value. */
struct user get_user_value(void)
{
    struct user u = { "gopher", 13 };
    return u;
}

/* Fixed: the caller provides the storage. */
void get_user_into(struct user *out)
{
    struct user u = { "gopher", 13 };
    *out = u; /* copies the value, not the address */
}
