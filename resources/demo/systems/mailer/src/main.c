/* Mailer: formats an order confirmation for each order id it is given. */
#include <stdio.h>

int confirmation(char *out, size_t size, const char *order)
{
    return snprintf(out, size, "Your order %s is confirmed.", order);
}

#ifndef MAILER_TEST
int main(int argc, char **argv)
{
    char text[256];
    for (int i = 1; i < argc; ++i) {
        confirmation(text, sizeof text, argv[i]);
        puts(text);
    }
    return 0;
}
#endif
