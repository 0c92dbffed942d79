/* Calls to external functions that only model files describe. */
void registry_add(void *item);
void stash_into(void **slot, void *item);
void log_line(const char *line);
/* Modelled as keeping its argument, but this prototype promises noescape:
   callers trust the declaration. */
void registry_trusted(void *item __attribute__((noescape)));
void *g_slot;

void registers_a_local(void)
{
    int item;
    registry_add(&item);
}

void stashes_into_a_global(void)
{
    int item;
    stash_into(&g_slot, &item);
}

void stashes_into_a_local(void)
{
    int item;
    void *slot;
    stash_into(&slot, &item);
    (void)slot;
}

void logs_a_local(void)
{
    char line[16] = "hello";
    log_line(line);
}

void registers_trusted(void)
{
    int item;
    registry_trusted(&item);
}
