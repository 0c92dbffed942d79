/* A copy out of a char array moves only the addresses that copies put there, not one stored through a pointer of another type. */
/* { dg-do compile } */

#include <string.h>

/* nginx's ngx_event_recvmsg: each datagram is read into a static
   `u_char buffer[65535]`, then copied into a new connection's buffer.
   All memory unknown callees return is one set, so the connection's udp
   object seems to be the static buffer too (the buffer's address went
   into another block of that memory), and `u->buffer = &b` to store into
   it.  A char array's declared type is its effective type (C11 6.5p6):
   a pointer stored through a `struct buf **` lvalue cannot be there. */
struct buf { unsigned char *pos, *last; };
struct udp { struct buf *buffer; };
struct conn { struct udp *udp; unsigned char *data; };
extern struct conn *lookup(void);
extern struct buf *temp_buf(void);

void recv_datagram(struct conn *out, unsigned long n)
{
    static unsigned char buffer[64];
    struct buf b;
    struct buf *t = temp_buf();
    t->pos = buffer;
    b.pos = buffer;
    b.last = buffer + n;
    struct conn *c = lookup();
    struct udp *u = c->udp;
    u->buffer = &b;
    memcpy(out->data, buffer, n); /* { dg-bogus "\\\[escape-" } */
    u->buffer = 0;
}

/* The buffer does receive the address, as bytes (a memcpy that GCC
   turns into a store): the copy out of it carries it into the caller's
   memory. */
void recv_datagram_bytes(struct conn *out, unsigned long n)
{
    static unsigned char buffer[64];
    struct buf b;
    struct buf *bp = &b;
    b.pos = buffer;
    b.last = buffer + n;
    memcpy(buffer, &bp, sizeof bp);
    memcpy(out->data, buffer, n); /* { dg-warning "address of local 'b' escapes to the caller through parameter 'out' \\\[escape-caller\\\]" } */
    memset(buffer, 0, sizeof bp);
}

/* A pointer stored into a char array through a cast (a pool that carves
   its blocks out of one) is reported where it is stored, and read back
   by a load of the same type. */
struct udp *last_block;
void stash(void)
{
    static unsigned char pool[64];
    struct buf b;
    struct udp *u = (struct udp *)pool;
    u->buffer = &b; /* { dg-warning "address of local 'b' escapes to static 'pool' \\\[escape-global\\\]" } */
    last_block = u;
}
