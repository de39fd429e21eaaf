/* bench_dedup: what the de-duplication index holds after reading a corpus.
 *
 * Reads every page of PATH... with the reader (which de-duplicates as it
 * goes) and prints the pages, answers, distinct answers, the bytes the index
 * holds in memory (cn_dedup_bytes) and bytes per distinct answer, whether it
 * went to disk (RULES_DIR/settings.rules' dedup_memory_mib), the reading time
 * and the process's peak resident set. The figure in cn_dedup.h's header
 * comment comes from it; run it with a rules folder whose dedup_memory_mib is
 * 0 for the index all in memory.
 *
 * Usage: bench_dedup RULES_DIR PATH...   (e.g. a tests/bench_make_corpus.sh corpus)
 */
#include "cn_pagecues.h"
#include "cn_reader.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read every page; count them and their answers. */
static int read_all(cn_reader *r, size_t *answers)
{
    for (;;) {
        cn_page *p = NULL;
        cn_error err = {0};
        int rc = cn_reader_next(r, &p, &err);
        if (rc == CN_ERR_NOMEM)
            return rc;
        if (rc != CN_OK)
            continue;
        if (!p)
            return CN_OK;
        *answers += p->n_answers;
        cn_page_free(p);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_dedup RULES_DIR PATH...\n");
        return 2;
    }
    cn_error err = {0};
    cn_pagecues *cues = NULL;
    cn_reader *r = NULL;
    if (cn_pagecues_load(argv[1], &cues, &err) != CN_OK ||
        cn_reader_new((const char *const *)argv + 2, (size_t)argc - 2, cues, &r, &err) != CN_OK) {
        fprintf(stderr, "bench_dedup: %s\n", err.message);
        cn_pagecues_free(cues);
        return 2;
    }
    size_t answers = 0;
    double t0 = now();
    int rc = read_all(r, &answers);
    double t = now() - t0;
    size_t distinct = cn_reader_distinct_answers(r), bytes = cn_reader_index_bytes(r);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("pages %zu  answers %zu  distinct %zu  index %zu bytes in memory (%s)  %.1f "
           "bytes/answer  read %.2f s  peak RSS %ld KiB\n",
           cn_reader_pages(r), answers, distinct, bytes,
           cn_reader_index_spilled(r) ? "the rest on disk" : "all",
           distinct ? (double)bytes / (double)distinct : 0.0, t, ru.ru_maxrss);
    cn_reader_free(r);
    cn_pagecues_free(cues);
    return rc == CN_OK ? 0 : 1;
}
