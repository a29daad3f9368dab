/* ${name}'s unit tests: `make test`. */
#define SERVICE_TEST
#include "main.c"
#include <assert.h>

int main(void)
{
    char out[512];
    answer(out, sizeof out, "GET / HTTP/1.0\r\n\r\n");
    assert(strncmp(out, "HTTP/1.0 200 OK\r\n", 17) == 0);
    assert(strstr(out, "<h1>${name}</h1>") != NULL);
    answer(out, sizeof out, "GET /healthz HTTP/1.0\r\n\r\n");
    assert(strstr(out, "\r\n\r\nok\n") != NULL);
    puts("${name}: all 3 checks passed");
    return 0;
}
