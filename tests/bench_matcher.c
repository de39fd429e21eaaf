/* bench_matcher: classification time per answer with 100 vs 10,000 cues.
 *
 * Builds two rule folders that differ only in how many synthetic cue
 * patterns they add to the shipped rules, classifies the same answers with
 * each, and prints the time per answer and per KB of text. With a one-pass
 * matcher the two figures should be close; one regex per rule would make the
 * second ~100x slower.
 *
 * Usage: bench_matcher [RULES_DIR] [REPEATS]   (run from the source root)
 */
#include "cn_classifier.h"
#include "cn_rules.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *TEXTS[] = {
    "I would not be concerned for a number of reasons. There was very limited research that "
    "has not been confirmed and you are not a rabbit.",
    "Theoretically it is possible and long term paralysis and atrophy of muscle will lead to "
    "loss of underlying bone bulk, but I am not certain how practical or real this problem is. "
    "Only time will tell. You are getting the treatment for a medical problem.",
    "It is not safe to use Botox to reduce muscle mass in your arms or legs. If there is any "
    "person who is suggesting to you that you can use Botox to achieve this goal, I would walk "
    "away fast. That sounds dangerous, unethical, and possibly illegal to me.",
    "Alcohol dilates blood vessels and increases swelling, especially in the nasal tip. Plenty "
    "of surgeons allow a drink at one week, but I ask my patients to wait a full two weeks "
    "before any alcohol. Toast with sparkling water.",
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[65536];
    size_t n;
    while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    if (in)
        fclose(in);
    if (out)
        fclose(out);
}

/* A copy of rules_dir plus a file of `extra` synthetic three-word cues. */
static void make_rules(const char *rules_dir, const char *dir, int extra)
{
    mkdir(dir, 0700);
    DIR *d = opendir(rules_dir);
    struct dirent *e;
    char from[4096], to[4096];
    while (d && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 6 && !strcmp(e->d_name + l - 6, ".rules")) {
            snprintf(from, sizeof from, "%s/%s", rules_dir, e->d_name);
            snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
            copy_file(from, to);
        }
    }
    if (d)
        closedir(d);
    snprintf(to, sizeof to, "%s/zz_synthetic.rules", dir);
    FILE *f = fopen(to, "w");
    /* Cue words that share prefixes with real text ("not", "risk") so the
     * synthetic patterns start threads on real tokens too. */
    static const char *heads[] = {"not", "risk", "botox", "muscle", "the", "i", "would"};
    for (int i = 0; f && i < extra; i++)
        fprintf(f, "cue syn%d stance=cautionary weight=0.01 : %s syntheticword%d tail%d\n", i,
                heads[i % 7], i, i % 97);
    if (f)
        fclose(f);
}

static void run(const char *label, const char *dir, int repeats)
{
    cn_rules *rules = NULL;
    cn_error err;
    double t0 = now();
    if (cn_rules_load(dir, &rules, NULL, NULL, &err)) {
        fprintf(stderr, "%s: %s\n", label, err.message);
        exit(1);
    }
    double t_load = now() - t0;
    size_t bytes = 0, answers = 0;
    t0 = now();
    for (int r = 0; r < repeats; r++) {
        for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
            cn_classify_input in = {.text = TEXTS[i]};
            cn_decision dec;
            if (cn_classify_answer(rules, &in, &dec, &err) == CN_OK)
                cn_decision_clear(&dec);
            bytes += strlen(TEXTS[i]);
            answers++;
        }
    }
    double t = now() - t0;
    printf("%-14s patterns=%6zu load=%7.1f ms  per answer=%7.2f us  per KB=%7.2f us\n", label,
           cn_rules_patterns(rules), t_load * 1e3, t / (double)answers * 1e6,
           t / ((double)bytes / 1024.0) * 1e6);
    cn_rules_free(rules);
}

int main(int argc, char **argv)
{
    const char *rules_dir = argc > 1 ? argv[1] : "rules";
    int repeats = argc > 2 ? atoi(argv[2]) : 2000;
    char tmpl[] = "/tmp/cn-bench-XXXXXX";
    if (!mkdtemp(tmpl))
        return 1;
    char small[4200], large[4200];
    snprintf(small, sizeof small, "%s/small", tmpl);
    snprintf(large, sizeof large, "%s/large", tmpl);
    make_rules(rules_dir, small, 100);
    make_rules(rules_dir, large, 10000);
    run("+100 cues", small, repeats);
    run("+10000 cues", large, repeats);
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
    return system(cmd) == 0 ? 0 : 1;
}
