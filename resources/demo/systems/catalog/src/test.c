#define CATALOG_TEST
#include "main.c"
#include <assert.h>
int main(void)
{
    assert(product_count() == 2);
    puts("catalog: all 1 checks passed");
    return 0;
}
