/* cn_answer_json: one parsed answer as its JSON object (the `parse` line). */
#include "cn_answer_json.h"

#include <stdbool.h>
#include <stdlib.h>

static void physician_json(cn_jsonbuf *b, const cn_physician *p)
{
    cn_jsonbuf_open_object(b);
    CN_JSONBUF_KEY(b, "name");
    cn_jsonbuf_string(b, p->name);
    CN_JSONBUF_KEY(b, "city");
    cn_jsonbuf_string(b, p->city);
    CN_JSONBUF_KEY(b, "specialty");
    cn_jsonbuf_string(b, p->specialty);
    CN_JSONBUF_KEY(b, "rating");
    if (p->has_rating)
        cn_jsonbuf_number(b, p->rating);
    else
        cn_jsonbuf_null(b);
    CN_JSONBUF_KEY(b, "reviews");
    if (p->has_reviews)
        cn_jsonbuf_number(b, (double)p->reviews);
    else
        cn_jsonbuf_null(b);
    cn_jsonbuf_close_object(b);
}

void cn_answer_json_fields(cn_jsonbuf *b, const cn_page *page, size_t i)
{
    const cn_answer *a = &page->answers[i];
    cn_jsonbuf_open_object(b);
    CN_JSONBUF_KEY(b, "file");
    cn_jsonbuf_string(b, page->file);
    CN_JSONBUF_KEY(b, "index");
    cn_jsonbuf_number(b, (double)a->index);
    CN_JSONBUF_KEY(b, "answer_id");
    cn_jsonbuf_string(b, a->answer_id);
    CN_JSONBUF_KEY(b, "question_id");
    cn_jsonbuf_string(b, page->question_id);
    CN_JSONBUF_KEY(b, "question");
    cn_jsonbuf_string(b, page->question);
    CN_JSONBUF_KEY(b, "duplicate_of");
    cn_jsonbuf_string(b, a->duplicate_of[0] ? a->duplicate_of : NULL);
    CN_JSONBUF_KEY(b, "title");
    cn_jsonbuf_string(b, a->title);
    CN_JSONBUF_KEY(b, "text");
    cn_jsonbuf_string(b, a->text ? a->text : "");
    CN_JSONBUF_KEY(b, "physician");
    physician_json(b, &a->physician);
    CN_JSONBUF_KEY(b, "excerpt");
    cn_jsonbuf_bool(b, a->excerpt);
    CN_JSONBUF_KEY(b, "related");
    cn_jsonbuf_bool(b, a->related);
    CN_JSONBUF_KEY(b, "truncated");
    cn_jsonbuf_bool(b, a->truncated);
    CN_JSONBUF_KEY(b, "format");
    cn_jsonbuf_string(b, cn_page_format_name(page->format));
    CN_JSONBUF_KEY(b, "declared_answers");
    if (page->declared_answers >= 0)
        cn_jsonbuf_number(b, (double)page->declared_answers);
    else
        cn_jsonbuf_null(b);
    CN_JSONBUF_KEY(b, "url");
    cn_jsonbuf_string(b, page->url);
    CN_JSONBUF_KEY(b, "line");
    if (page->line > 0)
        cn_jsonbuf_number(b, (double)page->line);
    else
        cn_jsonbuf_null(b);
}

char *cn_answer_json_line(const cn_page *page, size_t i)
{
    if (!page || i >= page->n_answers)
        return NULL;
    cn_jsonbuf b = {0};
    cn_answer_json_fields(&b, page, i);
    cn_jsonbuf_close_object(&b);
    return cn_jsonbuf_take(&b);
}

/* The tree is read back from the line, so the line and the tree can never
 * disagree. */
cJSON *cn_answer_json_new(const cn_page *page, size_t i)
{
    char *line = cn_answer_json_line(page, i);
    cJSON *o = line ? cJSON_Parse(line) : NULL;
    free(line);
    return o;
}
