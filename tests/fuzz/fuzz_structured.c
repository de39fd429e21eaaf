/* fuzz_structured: libFuzzer target for the structured page parser (pages with a
 * "Doctor Answers N" line), reached as the corpus reader reaches it. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_cues();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_page_bytes_ok(data, size))
        return -1;
    char *buf = fuzz_copy(data, size);
    const char *text = buf;
    size_t len = size;
    fuzz_skip_bom(&text, &len);
    if (!cn_structured_detect(text, len)) {
        free(buf);
        return -1;
    }
    cn_page *page = fuzz_new_page("fuzz/structured.txt", 0);
    cn_error err;
    cn_error_clear(&err);
    if (cn_structured_parse(fuzz_cues(), text, len, page, &err) == CN_OK && page->n_answers > 0)
        fuzz_finish_page(page);
    cn_page_free(page);
    free(buf);
    return 0;
}
