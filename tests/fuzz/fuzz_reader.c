/* fuzz_reader: libFuzzer target for the whole corpus reader over one file: byte
 * checks, shape detection, every page parser, JSON Lines streaming and
 * de-duplication across the file's pages. */
#include "fuzz_common.h"

static const char *input_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_cues();
    input_path = fuzz_scratch_file("input.txt");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(input_path, data, size);
    cn_reader *reader = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_reader_new(&input_path, 1, fuzz_cues(), &reader, &err) != CN_OK)
        fuzz_die("cn_reader_new", err.message);
    for (;;) {
        cn_page *page = NULL;
        int rc = cn_reader_next(reader, &page, &err);
        if (rc == CN_ERR_NOMEM)
            fuzz_die("cn_reader_next", err.message);
        if (rc == CN_OK && !page)
            break;
        if (page) {
            for (size_t i = 0; i < page->n_answers; i++)
                cJSON_free(cn_answer_json_line(page, i));
            cn_page_free(page);
        }
    }
    for (size_t i = 0; i < cn_reader_skipped_count(reader); i++)
        if (!cn_reader_skipped_where(reader, i) || !cn_reader_skipped_reason(reader, i))
            fuzz_die("skipped entry without place or reason", NULL);
    cn_reader_free(reader);
    return 0;
}
