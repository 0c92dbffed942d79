/* glibc's CMSG_NXTHDR writes nothing into the msghdr, whether -O0 calls its extern inline body or -O2 inlines it. */
/* { dg-do compile } */

#include <string.h>
#include <sys/socket.h>

extern void __escape_dump_points_to(const void *);

/* nginx's ngx_event_recvmsg walks the control messages of each datagram
   and then reads msg.msg_name: no unknown pointer was written there
   (the sets are field-insensitive: msg also holds control). */
int walk(int fd)
{
    struct sockaddr_storage sa;
    char control[64];
    struct msghdr msg;
    struct cmsghdr *cmsg;
    int n = 0;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof sa;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    if (recvmsg(fd, &msg, 0) < 0)
        return -1;
    for (cmsg = CMSG_FIRSTHDR(&msg); cmsg != NULL; cmsg = CMSG_NXTHDR(&msg, cmsg))
        n++;
    __escape_dump_points_to(msg.msg_name); /* { dg-message "points-to of 'msg.msg_name': local 'sa', local 'control'$" } */
    return n;
}
