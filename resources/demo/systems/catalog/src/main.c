/* Catalog: prints the product list as JSON. */
#include <stdio.h>

struct product {
    const char *sku;
    const char *name;
    int cents;
};

static const struct product products[] = {
    {"SKU-1", "Teapot", 2400},
    {"SKU-2", "Cup", 650},
};

int product_count(void)
{
    return (int)(sizeof products / sizeof products[0]);
}

#ifndef CATALOG_TEST
int main(void)
{
    printf("[");
    for (int i = 0; i < product_count(); ++i)
        printf("%s{\"sku\":\"%s\",\"name\":\"%s\",\"cents\":%d}", i ? "," : "", products[i].sku, products[i].name,
               products[i].cents);
    printf("]\n");
    return 0;
}
#endif
