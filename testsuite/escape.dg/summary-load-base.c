/* Interprocedural: a pointer loaded from one field of a struct a callee filled is not the pointer it stored in another field (SQLite's sqlite3_declare_vtab: pNew = sParse.pNewTable is not sParse.db), so reading through it does not read that memory. */
/* { dg-do compile } */

#include <stdlib.h>

struct db;
struct list { int n; };
struct table { struct list *defaults; };
struct parse { struct db *db; struct parse *outer; struct table *new_table; const char *tail; };
struct db { struct parse *parse; void *free_list; };

void db_free(struct db *db, void *p)
{
    db->free_list = p; /* a lookaside list */
}

/* SQLite's sqlite3ParseObjectInit and sqlite3ParseObjectReset. */
void parse_init(struct parse *p, struct db *db)
{
    p->outer = db->parse;
    db->parse = p;
    p->db = db;
}

void parse_reset(struct parse *p)
{
    p->db->parse = p->outer;
}

void run_parser(struct parse *p, const char *sql)
{
    p->tail = sql;
    p->new_table = malloc(sizeof *p->new_table);
}

/* t is the parsed table, never s.db: t->defaults is not db->parse (&s). */
int declare(struct db *db, const char *sql)
{
    struct parse s;
    parse_init(&s, db);
    run_parser(&s, sql);
    struct table *t = s.new_table;
    db_free(db, t->defaults); /* { dg-bogus "\\\[escape-" } */
    parse_reset(&s);
    return 0;
}

/* The same field does hold db: d->parse is &s, and free_list keeps it. */
int declare_and_keep(struct db *db)
{
    struct parse s; /* { dg-message "'s' declared here" } */
    parse_init(&s, db);
    struct db *d = s.db;
    d->free_list = d->parse; /* { dg-warning "address of local 's' escapes to the caller through parameter 'db' \\\[escape-caller\\\]" } */
    parse_reset(&s);
    return 0;
}
