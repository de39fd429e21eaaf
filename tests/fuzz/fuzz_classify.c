/* fuzz_classify: libFuzzer target for the classifier: pages read from the input
 * as the corpus reader reads them (structured, flat, bare, or JSON Lines with a
 * page a line), de-duplicated, then every answer's stances toward the primary
 * and secondary claims under the shipped rules, printed as `classify` lines. */
#include "fuzz_common.h"

static cn_rules *rules; /* the shipped rules, loaded once */

static void free_rules(void)
{
    cn_rules_free(rules);
    rules = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_cues();
    cn_error err;
    cn_error_clear(&err);
    if (cn_rules_load(fuzz_rules_dir(), &rules, NULL, NULL, &err) != CN_OK)
        fuzz_die("cannot load the rules", err.message);
    atexit(free_rules);
    return 0;
}

typedef struct run {
    cn_dedup *dedup;
    cn_annotator *annotator;
} run;

/* De-duplicate and classify one parsed page, as `consensus classify` does. */
static void classify(run *r, cn_page *page)
{
    cn_error err;
    cn_error_clear(&err);
    if (page->n_answers == 0 || cn_dedup_assign(r->dedup, page, &err) != CN_OK)
        return;
    cn_page_annotation *pa = NULL;
    if (cn_annotator_page(r->annotator, page, &pa, &err) != CN_OK)
        return;
    for (size_t i = 0; i < page->n_answers; i++) {
        const cn_answer *a = &page->answers[i];
        for (size_t k = 0; k < pa->answers[i].n_claims; k++)
            cJSON_Delete(cn_evidence_json(&pa->answers[i].claims[k].decision, a->title, a->text));
        cJSON *o = cn_annotation_answer_json(page, i, pa);
        cJSON_free(cJSON_PrintUnformatted(o));
        cJSON_Delete(o);
    }
    cn_page_annotation_free(pa);
}

static void jsonl_pages(run *r, const char *text, size_t len)
{
    size_t lineno = 0, first_index = 1, bad;
    fuzz_skip_bom(&text, &len);
    while (len > 0) {
        const char *nl = memchr(text, '\n', len);
        size_t n = nl ? (size_t)(nl - text) : len;
        size_t line_len = n > 0 && text[n - 1] == '\r' ? n - 1 : n;
        size_t k = 0;
        while (k < line_len && cn_text_is_space((unsigned char)text[k]))
            k++;
        lineno++;
        if (k < line_len && !memchr(text, '\0', line_len) &&
            cn_utf8_validate(text, line_len, &bad)) {
            char *copy = fuzz_copy((const uint8_t *)text, line_len);
            cn_page *page = fuzz_new_page("fuzz/pages.jsonl", lineno);
            cn_error err;
            cn_error_clear(&err);
            if (cn_jsonl_parse_line(fuzz_cues(), copy, line_len, first_index, page, &err) ==
                CN_OK) {
                first_index += page->n_answers;
                classify(r, page);
            }
            cn_page_free(page);
            free(copy);
        }
        text += nl ? n + 1 : n;
        len -= nl ? n + 1 : n;
    }
}

static void text_page(run *r, const char *text, size_t len)
{
    if (!fuzz_page_bytes_ok((const uint8_t *)text, len))
        return;
    fuzz_skip_bom(&text, &len);
    cn_page *page = fuzz_new_page("fuzz/page.txt", 0);
    cn_error err;
    cn_error_clear(&err);
    int rc = !cn_structured_detect(fuzz_cues(), text, len) && cn_flat_detect(text, len)
                 ? cn_flat_parse(fuzz_cues(), text, len, page, &err)
                 : cn_structured_parse(fuzz_cues(), text, len, page, &err);
    if (rc == CN_OK)
        classify(r, page);
    cn_page_free(page);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cn_pagecues_limits *lim = cn_pagecues_get_limits(fuzz_cues());
    cn_dedup_options opt = {lim->dedup_min_key, lim->excerpt_min_key, lim->excerpt_prefix_max,
                            lim->dedup_memory_bytes, NULL};
    run r = {0};
    cn_error err;
    cn_error_clear(&err);
    if (cn_dedup_new(&opt, &r.dedup, &err) != CN_OK ||
        cn_annotator_new(rules, &r.annotator, &err) != CN_OK)
        fuzz_die("setup", err.message);
    char *buf = fuzz_copy(data, size);
    if (cn_jsonl_detect(buf, size))
        jsonl_pages(&r, buf, size);
    else
        text_page(&r, buf, size);
    free(buf);
    cn_annotator_free(r.annotator);
    cn_dedup_free(r.dedup);
    return 0;
}
