/* fuzz_pagecues: libFuzzer target for the reader's two rule files: the input
 * read as page-cues.txt (with the shipped taxonomy) and as specialties.txt;
 * cues that load then parse a fixed corpus page, a taxonomy that loads splits
 * a few signature lines. */
#include "fuzz_common.h"

static char *specialties, *sample;
static size_t specialties_len, sample_len;

static char *read_or_die(const char *path, size_t *len)
{
    char *data = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_file_read(path, CN_ERR_IO, &data, len, &err) != CN_OK)
        fuzz_die("cannot read", err.message);
    return data;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char path[4096];
    snprintf(path, sizeof path, "%s/specialties.txt", fuzz_rules_dir());
    specialties = read_or_die(path, &specialties_len);
    sample = read_or_die(CN_FUZZ_SOURCE_DIR "/corpus/000_b78e5252a6827247.txt", &sample_len);
    return 0;
}

static void try_cues(const char *text, size_t len)
{
    cn_taxonomy *taxonomy = NULL;
    cn_pagecues *cues = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_taxonomy_parse(specialties, specialties_len, "specialties.txt", &taxonomy, &err))
        fuzz_die("cannot parse the shipped taxonomy", err.message);
    if (cn_pagecues_parse(text, len, "page-cues.txt", taxonomy, &cues, &err) != CN_OK)
        return; /* the taxonomy was taken over */
    (void)cn_pagecues_is_credential(cues, "M.D.", 4);
    (void)cn_pagecues_is_valediction(cues, "Best regards", 12);
    (void)cn_pagecues_voice(cues, "your", 4, "", 0);
    (void)cn_pagecues_voice(cues, "my", 2, "patients", 8);
    cn_page *page = fuzz_new_page("fuzz/page.txt", 0);
    if (cn_structured_parse(cues, sample, sample_len, page, &err) == CN_OK)
        for (size_t i = 0; i < page->n_answers; i++)
            cJSON_free(cn_answer_json_line(page, i));
    cn_page_free(page);
    cn_pagecues_free(cues);
}

static void try_taxonomy(const char *text, size_t len)
{
    static const char *const lines[] = {"Beverly Hills Facial Plastic Surgeon", "Panama City",
                                        "New York, Dermatologist", "Plastic Surgeon", ""};
    cn_taxonomy *taxonomy = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_taxonomy_parse(text, len, "specialties.txt", &taxonomy, &err) != CN_OK)
        return;
    (void)cn_taxonomy_count(taxonomy);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        size_t city_len;
        const char *specialty;
        if (cn_taxonomy_split(taxonomy, lines[i], strlen(lines[i]), &city_len, &specialty) &&
            (city_len > strlen(lines[i]) || !specialty))
            fuzz_die("split out of range", lines[i]);
    }
    cn_taxonomy_free(taxonomy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    try_cues(text, size);
    try_taxonomy(text, size);
    free(text);
    return 0;
}
