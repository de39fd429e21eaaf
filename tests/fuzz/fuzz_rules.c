/* fuzz_rules: libFuzzer target for the rule loader: the input is the one *.rules
 * file of a scratch rules folder (next to copies of the shipped specialties.txt
 * and page-cues.txt); a rule set that loads then classifies a fixed corpus page,
 * since an editor's odd but valid rules must not break the classifier either. */
#include "fuzz_common.h"

static const char *rules_file;
static cn_page *sample; /* corpus/000_*.txt, parsed once */

static void diag(void *ctx, const char *message)
{
    (void)message;
    ++*(size_t *)ctx;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_copy_rule_file("specialties.txt");
    fuzz_copy_rule_file("page-cues.txt");
    rules_file = fuzz_scratch_file("fuzz.rules");
    const char *path = CN_FUZZ_SOURCE_DIR "/corpus/000_b78e5252a6827247.txt";
    char *text = NULL;
    size_t len = 0;
    cn_error err;
    cn_error_clear(&err);
    if (cn_file_read(path, CN_ERR_IO, &text, &len, &err) != CN_OK)
        fuzz_die("cannot read the sample page", err.message);
    sample = fuzz_new_page(path, 0);
    if (cn_structured_parse(fuzz_cues(), text, len, sample, &err) != CN_OK)
        fuzz_die("cannot parse the sample page", err.message);
    free(text);
    return 0;
}

/* Use a rule set that loaded the ways the tools do. */
static void exercise(cn_rules *rules)
{
    static const char probe[] = "I don't recommend Botox while pregnant, but it's probably safe "
                                "after 2 weeks. Best, Dr. X";
    cn_tokens *tokens = cn_rules_tokenize(rules, probe, sizeof probe - 1);
    cn_tokens_free(tokens);
    for (size_t i = 0; i < cn_rules_warning_count(rules); i++)
        (void)cn_rules_warning(rules, i);
    for (size_t i = 0; i < cn_rules_count(rules); i++) {
        const cn_rule *r = cn_rules_at(rules, i);
        if (cn_rules_find(rules, r->kind, r->id) == NULL)
            fuzz_die("a loaded rule is not found by its id", r->id);
    }
    (void)cn_rules_setting(rules, "none_threshold");
    cn_annotator *annotator = NULL;
    cn_page_annotation *pa = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_annotator_new(rules, &annotator, &err) != CN_OK)
        fuzz_die("cn_annotator_new", err.message);
    if (cn_annotator_page(annotator, sample, &pa, &err) == CN_OK) {
        for (size_t i = 0; i < sample->n_answers; i++)
            cJSON_Delete(cn_annotation_answer_json(sample, i, pa));
        cn_page_annotation_free(pa);
    }
    cn_annotator_free(annotator);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(rules_file, data, size);
    cn_rules *rules = NULL;
    size_t problems = 0;
    cn_error err;
    cn_error_clear(&err);
    if (cn_rules_load(fuzz_scratch(), &rules, diag, &problems, &err) == CN_OK)
        exercise(rules);
    cn_rules_free(rules);
    return 0;
}
