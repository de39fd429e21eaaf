/* cn_answer_json: one parsed answer as its JSON object (the `parse` line). */
#include "cn_answer_json.h"

#include <stdbool.h>
#include <stdlib.h>

static void physician_json(cn_jsonbuf *b, const cn_physician *p)
{
    cn_jsonbuf_open_object(b);
    cn_jsonbuf_key(b, "name");
    cn_jsonbuf_string(b, p->name);
    cn_jsonbuf_key(b, "city");
    cn_jsonbuf_string(b, p->city);
    cn_jsonbuf_key(b, "specialty");
    cn_jsonbuf_string(b, p->specialty);
    cn_jsonbuf_key(b, "rating");
    if (p->has_rating)
        cn_jsonbuf_number(b, p->rating);
    else
        cn_jsonbuf_null(b);
    cn_jsonbuf_key(b, "reviews");
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
    cn_jsonbuf_key(b, "file");
    cn_jsonbuf_string(b, page->file);
    cn_jsonbuf_key(b, "index");
    cn_jsonbuf_number(b, (double)a->index);
    cn_jsonbuf_key(b, "answer_id");
    cn_jsonbuf_string(b, a->answer_id);
    cn_jsonbuf_key(b, "question_id");
    cn_jsonbuf_string(b, page->question_id);
    cn_jsonbuf_key(b, "question");
    cn_jsonbuf_string(b, page->question);
    cn_jsonbuf_key(b, "duplicate_of");
    cn_jsonbuf_string(b, a->duplicate_of[0] ? a->duplicate_of : NULL);
    cn_jsonbuf_key(b, "title");
    cn_jsonbuf_string(b, a->title);
    cn_jsonbuf_key(b, "text");
    cn_jsonbuf_string(b, a->text ? a->text : "");
    cn_jsonbuf_key(b, "physician");
    physician_json(b, &a->physician);
    cn_jsonbuf_key(b, "excerpt");
    cn_jsonbuf_bool(b, a->excerpt);
    cn_jsonbuf_key(b, "related");
    cn_jsonbuf_bool(b, a->related);
    cn_jsonbuf_key(b, "truncated");
    cn_jsonbuf_bool(b, a->truncated);
    cn_jsonbuf_key(b, "format");
    cn_jsonbuf_string(b, cn_page_format_name(page->format));
    cn_jsonbuf_key(b, "declared_answers");
    if (page->declared_answers >= 0)
        cn_jsonbuf_number(b, (double)page->declared_answers);
    else
        cn_jsonbuf_null(b);
    cn_jsonbuf_key(b, "url");
    cn_jsonbuf_string(b, page->url);
    cn_jsonbuf_key(b, "line");
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
