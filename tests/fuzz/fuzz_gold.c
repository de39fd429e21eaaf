/* fuzz_gold: libFuzzer target for the gold-label loader (JSON Lines of file,
 * index, prefix or hash, stance; or an overrides array), followed by what
 * `consensus eval` does with the labels: align answers to them and score. */
#include "fuzz_common.h"

static const char *gold_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    gold_path = fuzz_scratch_file("gold.jsonl");
    return 0;
}

/* Offer answers made from the labels themselves (so many align) plus one that
 * matches none, with predictions that disagree now and then, and score. */
static void evaluate(const cn_gold *gold)
{
    cn_eval *ev = cn_eval_new(gold);
    if (!ev)
        fuzz_die("cn_eval_new", "out of memory");
    size_t n = cn_gold_count(gold);
    for (size_t i = 0; i < n; i++) {
        const cn_gold_item *g = cn_gold_at(gold, i);
        char hash[CN_EVAL_HASH_LEN + 1];
        cn_eval_prefix_hash(g->prefix ? g->prefix : "", CN_EVAL_PREFIX_WORDS, hash);
        cn_stance predicted = (cn_stance)((g->stance + i % 3) % CN_STANCE_COUNT);
        if (cn_eval_add(ev, g->file, g->index, g->answer_id, g->prefix, predicted))
            fuzz_die("cn_eval_add", "out of memory");
    }
    if (cn_eval_add(ev, "other.txt", 1, "0123456789abcdef", "Unrelated words.", CN_STANCE_NONE))
        fuzz_die("cn_eval_add", "out of memory");
    cn_eval_result r;
    cn_error err;
    cn_error_clear(&err);
    if (cn_eval_compute(ev, &r, &err) == CN_OK)
        cn_eval_result_clear(&r);
    cn_eval_free(ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(gold_path, data, size);
    cn_gold *gold = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_gold_load(gold_path, &gold, &err) != CN_OK)
        return 0;
    evaluate(gold);
    cn_gold_free(gold);
    return 0;
}
