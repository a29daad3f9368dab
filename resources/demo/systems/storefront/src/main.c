/* Storefront: answers every request with the shop's front page. */
#include <stdio.h>
#include <string.h>

const char *page(const char *path)
{
    if (strcmp(path, "/healthz") == 0)
        return "ok\n";
    return "<!doctype html><title>Demo Shop</title><h1>Demo Shop</h1>\n";
}

#ifndef STOREFRONT_TEST
int main(int argc, char **argv)
{
    fputs(page(argc > 1 ? argv[1] : "/"), stdout);
    return 0;
}
#endif
