/* fuzz_jsonl: libFuzzer target for the JSON Lines page parser: every line of the
 * input that the corpus reader would hand it (no NUL, valid UTF-8, not blank),
 * then de-duplication and the answers' JSON lines, as the reader does. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_cues();
    return 0;
}

static void parse_line(const char *line, size_t len, size_t lineno, size_t *first_index)
{
    size_t bad, k = 0;
    while (k < len && cn_text_is_space((unsigned char)line[k]))
        k++;
    if (k == len || memchr(line, '\0', len) || !cn_utf8_validate(line, len, &bad))
        return;
    char *copy = fuzz_copy((const uint8_t *)line, len);
    cn_page *page = fuzz_new_page("fuzz/pages.jsonl", lineno);
    cn_error err;
    cn_error_clear(&err);
    if (cn_jsonl_parse_line(fuzz_cues(), copy, len, *first_index, page, &err) == CN_OK) {
        fuzz_finish_page(page);
        *first_index += page->n_answers;
    }
    cn_page_free(page);
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t len = size;
    if (!cn_jsonl_detect(text, len))
        return -1;
    fuzz_skip_bom(&text, &len);
    size_t lineno = 0, first_index = 1;
    while (len > 0) {
        const char *nl = memchr(text, '\n', len);
        size_t n = nl ? (size_t)(nl - text) : len;
        size_t line_len = n > 0 && text[n - 1] == '\r' ? n - 1 : n;
        parse_line(text, line_len, ++lineno, &first_index);
        text += nl ? n + 1 : n;
        len -= nl ? n + 1 : n;
    }
    return 0;
}
