#define MAILER_TEST
#include "main.c"
#include <assert.h>
#include <string.h>
int main(void)
{
    char text[64];
    confirmation(text, sizeof text, "42");
    assert(strcmp(text, "Your order 42 is confirmed.") == 0);
    puts("mailer: all 1 checks passed");
    return 0;
}
