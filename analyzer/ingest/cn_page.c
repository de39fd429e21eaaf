/* cn_page: freeing the page records the reader hands out. */
#include "cn_page.h"

#include <stdlib.h>

const char *cn_page_format_name(cn_page_format format)
{
    switch (format) {
    case CN_FORMAT_STRUCTURED:
        return "structured";
    case CN_FORMAT_FLAT:
        return "flat";
    case CN_FORMAT_JSONL:
        return "jsonl";
    case CN_FORMAT_BARE:
        return "bare";
    }
    return "unknown";
}

static void physician_clear(cn_physician *p)
{
    free(p->name);
    free(p->city);
    free(p->specialty);
}

void cn_page_free(cn_page *page)
{
    if (!page)
        return;
    for (size_t i = 0; i < page->n_answers; i++) {
        free(page->answers[i].title);
        free(page->answers[i].text);
        free(page->answers[i].match_text);
        physician_clear(&page->answers[i].physician);
    }
    free(page->answers);
    free(page->path);
    free(page->file);
    free(page->url);
    free(page->question);
    free(page->body);
    free(page);
}

bool cn_page_id_number(const char *id, uint64_t *out)
{
    uint64_t v = 0;
    for (size_t k = 0; k < CN_ID_LEN; k++) {
        char ch = id[k];
        if (ch >= '0' && ch <= '9')
            v = v << 4 | (uint64_t)(ch - '0');
        else if (ch >= 'a' && ch <= 'f')
            v = v << 4 | (uint64_t)(ch - 'a' + 10);
        else
            return false;
    }
    if (id[CN_ID_LEN] != '\0')
        return false;
    *out = v;
    return true;
}

void cn_page_id_text(uint64_t v, char out[CN_ID_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    for (size_t d = 0; d < CN_ID_LEN; d++)
        out[d] = hex[(v >> (4 * (CN_ID_LEN - 1 - d))) & 15];
    out[CN_ID_LEN] = '\0';
}
