/* use.c - hands a local's address to registry_add in registry.c: only the link step sees that it is kept. */
struct item {
    int value;
};

void registry_add(struct item *it);

void use_registry(void)
{
    struct item it = {1};
    registry_add(&it); /* LINK-WARNING escape-call */
}
