/* get_user.c - returning the address of a local struct, and the two correct ways. */
/*
 * Go:
 *     func getUser() *User { u := User{Name: "ann"}; return &u }
 * Go moves u to the heap ("moved to heap: u").  In C the same code returns
 * a pointer into a dead frame.  GCC's own -Wreturn-local-addr sees this
 * copy only when optimizing (after its path isolation); gcc-escape reports it
 * the same at every -O level:
 *
 *     get_user.c:29: warning: address of local 'u' escapes via the return
 *                    value [escape-return]
 *
 * get_user_by_value() and get_user_into() are what C programmers write
 * instead; both are silent.
 */
#include <string.h>

struct user {
    char name[32];
    int id;
};

struct user *get_user(int id)
{
    struct user u;
    memset(&u, 0, sizeof u);
    u.id = id;
    struct user *p = &u;
    return p;
}

struct user get_user_by_value(int id)
{
    struct user u;
    memset(&u, 0, sizeof u);
    u.id = id;
    return u;
}

void get_user_into(struct user *out, int id)
{
    memset(out, 0, sizeof *out);
    out->id = id;
}
