/* A recursive list split, nginx's location tree: each call drops its local tail, and hands it to itself. */
/* { dg-do compile } */
/* Any warning in the silent functions is an excess error: they need no
   dg-bogus.  Each silent form has a reported one where one activation
   keeps a node, or the list it was handed. */

/* nginx's ngx_queue.h (links: prev at 0, next at 8), one line each, so
   that warnings land there. */
typedef struct ngx_queue_s ngx_queue_t;
struct ngx_queue_s { ngx_queue_t *prev; ngx_queue_t *next; };
#define ngx_queue_empty(h) (h == (h)->prev)
#define ngx_queue_remove(x) (x)->next->prev = (x)->prev; (x)->prev->next = (x)->next
#define ngx_queue_split(h, q, n) (n)->prev = (h)->prev; (n)->prev->next = n; (n)->next = q; (h)->prev = (q)->prev; (h)->prev->next = h; (q)->prev = n;

typedef struct { unsigned long len; unsigned char *data; } ngx_str_t;
typedef struct { ngx_queue_t queue; void *exact, *inclusive; ngx_str_t *name; ngx_queue_t list; } location_queue_t;
typedef struct tree_node_s tree_node_t;
struct tree_node_s { tree_node_t *left, *right, *tree; void *exact, *inclusive; unsigned char len; unsigned char name[1]; };

/* In ngx_queue.c, another unit: it walks the list and returns its middle. */
extern ngx_queue_t *ngx_queue_middle(ngx_queue_t *queue);
extern void *pool_alloc(void *pool, unsigned long size);
extern void *memcpy(void *, const void *, unsigned long);

/* ngx_http_create_locations_tree: the middle node becomes a tree node,
   the left half stays in the caller's list, the right half goes into the
   local tail; each half, and the middle's own list of longer names, is
   made into a subtree by a call of the function itself.  The nodes cut
   into tail hold &tail when it returns, but nothing reaches them: the
   tree points to the configurations (exact, inclusive) and to copies of
   the names' characters, never to a queue node. */
static tree_node_t *create_tree(void *pool, ngx_queue_t *locations, unsigned long prefix)
{
    unsigned long len;
    ngx_queue_t *q, tail;
    location_queue_t *lq;
    tree_node_t *node;
    q = ngx_queue_middle(locations);
    lq = (location_queue_t *) q;
    len = lq->name->len - prefix;
    node = pool_alloc(pool, sizeof *node + len);
    if (node == 0)
        return 0;
    node->left = 0;
    node->right = 0;
    node->tree = 0;
    node->exact = lq->exact;
    node->inclusive = lq->inclusive;
    node->len = (unsigned char) len;
    memcpy(node->name, &lq->name->data[prefix], len);
    ngx_queue_split(locations, q, &tail);
    if (ngx_queue_empty(locations))
        goto inclusive;
    node->left = create_tree(pool, locations, prefix);
    if (node->left == 0)
        return 0;
    ngx_queue_remove(q);
    if (ngx_queue_empty(&tail))
        goto inclusive;
    node->right = create_tree(pool, &tail, prefix);
    if (node->right == 0)
        return 0;
inclusive:
    if (ngx_queue_empty(&lq->list))
        return node;
    node->tree = create_tree(pool, &lq->list, prefix + len);
    if (node->tree == 0)
        return 0;
    return node;
}

tree_node_t *init_tree(void *pool, ngx_queue_t *locations)
{
    return create_tree(pool, locations, 0);
}

/* One activation keeps its middle node in a static when asked to: the
   nodes of the tail that the call before it cut point at that caller's
   tail, and the kept node reaches them.
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'locations'" "" { target *-*-* } 13 } */
static ngx_queue_t *g_middle;
static int split_keeping(ngx_queue_t *locations, int keep)
{
    ngx_queue_t *q, tail;
    if (ngx_queue_empty(locations))
        return 0;
    q = ngx_queue_middle(locations);
    if (keep)
        g_middle = q;
    ngx_queue_split(locations, q, &tail);
    ngx_queue_remove(q);
    return split_keeping(&tail, !keep) + 1;
}

int count_keeping(ngx_queue_t *locations) { return split_keeping(locations, 0); }

/* Every activation keeps the list it was handed in a static, and the
   list of all but the first is the tail of the one that called it: the
   recursive call keeps &tail itself. */
static ngx_queue_t *g_list;
static int split_keeping_list(ngx_queue_t *locations)
{
    ngx_queue_t *q, tail;
    if (ngx_queue_empty(locations))
        return 0;
    g_list = locations;
    q = ngx_queue_middle(locations);
    ngx_queue_split(locations, q, &tail);
    ngx_queue_remove(q);
    return split_keeping_list(&tail) + 1; /* { dg-warning "address of local 'tail' escapes through argument 1 of 'split_keeping_list', which stores it in static storage" } */
}

int count_keeping_list(ngx_queue_t *locations) { return split_keeping_list(locations); }

/* Every activation leaves the list it was handed in memory an unseen
   function returns, so the recursive call leaves &tail there: a
   parameter handed a node, or the local head, by a call of the function
   itself is held to what a node is held to.
   { dg-warning "address of local 'tail' escapes to the caller through parameter 'registered'" "" { target *-*-* } 13 } */
struct registry { ngx_queue_t *list; };
extern struct registry *registry_slot(void);
static int split_registering(ngx_queue_t *registered)
{
    ngx_queue_t *q, tail;
    if (ngx_queue_empty(registered))
        return 0;
    registry_slot()->list = registered;
    q = ngx_queue_middle(registered);
    ngx_queue_split(registered, q, &tail);
    ngx_queue_remove(q);
    return split_registering(&tail) + 1;
}

int count_registering(ngx_queue_t *registered) { return split_registering(registered); }
