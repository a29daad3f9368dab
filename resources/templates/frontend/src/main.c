/* ${name}: web pages. It answers every request with HTML on port ${port}
 * (the PORT variable replaces it); GET /healthz is its readiness check. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* The whole HTTP answer to REQUEST, in OUT; its length. */
int answer(char *out, size_t size, const char *request)
{
    const char *body = strncmp(request, "GET /healthz", 12) == 0 ? "ok\n"
                                                                  : "<!doctype html><title>${name}</title><h1>${name}</h1>\n";
    return snprintf(out, size, "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %zu\r\n\r\n%s",
                    strlen(body), body);
}

#ifndef SERVICE_TEST
int main(int argc, char **argv)
{
    char response[512];
    /* `${name} --check`: one answer on stdout, no socket (the smoke command). */
    if (argc > 1 && strcmp(argv[1], "--check") == 0) {
        answer(response, sizeof response, "GET / HTTP/1.0\r\n\r\n");
        fputs(response, stdout);
        return 0;
    }
    const char *port = getenv("PORT");
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    address.sin_port = htons((unsigned short)atoi(port && *port ? port : "${port}"));
    int yes = 1;
    int server = socket(AF_INET, SOCK_STREAM, 0);
    if (server < 0 || setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) != 0
        || bind(server, (struct sockaddr *)&address, sizeof address) != 0 || listen(server, 64) != 0) {
        perror("${name}");
        return 1;
    }
    for (;;) {
        int client = accept(server, NULL, NULL);
        if (client < 0)
            continue;
        char request[2048];
        ssize_t length = read(client, request, sizeof request - 1);
        request[length > 0 ? length : 0] = '\0';
        int size = answer(response, sizeof response, request);
        if (write(client, response, (size_t)size) < 0)
            perror("${name}: write");
        close(client);
    }
}
#endif
