/* ${name}'s unit tests: `make test`. */
#define SERVICE_TEST
#include "main.c"
#include <assert.h>

int main(void)
{
    char out[256];
    work(out, sizeof out, 42);
    assert(strcmp(out, "${name}: job 42 done") == 0);
    assert(pass(1, 3) == 3);
    puts("${name}: all 2 checks passed");
    return 0;
}
