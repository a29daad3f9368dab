/* ${name}'s unit tests: `make test`. */
#define SERVICE_TEST
#include "main.c"
#include <assert.h>

int main(void)
{
    char out[512];
    answer(out, sizeof out, "GET / HTTP/1.0\r\n\r\n");
    assert(strncmp(out, "HTTP/1.0 200 OK\r\n", 17) == 0);
    assert(strstr(out, "\"service\":\"${name}\"") != NULL);
    answer(out, sizeof out, "GET /healthz HTTP/1.0\r\n\r\n");
    assert(strstr(out, "\"status\":\"ok\"") != NULL);
    puts("${name}: all 3 checks passed");
    return 0;
}
