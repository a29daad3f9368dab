#define STOREFRONT_TEST
#include "main.c"
#include <assert.h>
int main(void)
{
    assert(strcmp(page("/healthz"), "ok\n") == 0);
    assert(strstr(page("/"), "Demo Shop") != NULL);
    puts("storefront: all 2 checks passed");
    return 0;
}
