/* ${name}: a worker. Every INTERVAL seconds (default 10) it takes the next
 * batch of jobs and works through it; nothing reaches it over the network. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One job's work: here, a line saying it is done. Replace it with yours. */
int work(char *out, size_t size, int job)
{
    return snprintf(out, size, "${name}: job %d done", job);
}

/* One pass: BATCH jobs from FIRST on, each logged; the jobs done. */
int pass(int first, int batch)
{
    char line[256];
    for (int i = 0; i < batch; ++i) {
        work(line, sizeof line, first + i);
        puts(line);
    }
    fflush(stdout);
    return batch;
}

#ifndef SERVICE_TEST
int main(int argc, char **argv)
{
    /* `${name} --check`: one pass, then exit (the smoke command). */
    if (argc > 1 && strcmp(argv[1], "--check") == 0)
        return pass(1, 1) == 1 ? 0 : 1;
    const char *interval = getenv("INTERVAL");
    const int seconds = interval && atoi(interval) > 0 ? atoi(interval) : 10;
    for (int next = 1;; sleep((unsigned)seconds))
        next += pass(next, 1);
}
#endif
