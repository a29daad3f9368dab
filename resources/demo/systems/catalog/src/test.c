#define CATALOG_TEST
#include "main.c"
#include <assert.h>
int main(void)
{
    assert(product_count() == 2);
    puts("catalog: 1 passed, 0 failed");
    return 0;
}
