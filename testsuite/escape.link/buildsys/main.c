/* main.c - the program of the build-systems fixture: calls into libreg.a. */
void use_registry(void);
int checksum(int seed);

int main(void)
{
    use_registry();
    return checksum(3) == 0;
}
