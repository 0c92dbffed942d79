/* Interprocedural, known noise: one call that both reads a pointer from memory and then stores its argument there (SQLite's sqlite3ParseObjectInit: pParse->pOuterParse = db->pParse; db->pParse = pParse) is taken to read back what it stored. */
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

int declare(struct db *db, const char *sql)
{
    struct parse s;
    parse_init(&s, db);
    run_parser(&s, sql);
    struct table *t = s.new_table;
    db_free(db, t->defaults); /* { dg-bogus "\\\[escape-" "parse_init reads db->parse before storing &s there, but a summary does not say in which order: s.outer seems to hold &s" { xfail *-*-* } } */
    parse_reset(&s);
    return 0;
}
