/* cn_answer_json: one parsed answer as its JSON object (the `parse` line). */
#include "cn_answer_json.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Room for literal keys and punctuation of a segment below (generous). */
#define SEGMENT_FIXED 256
/* Room for one number as cn_json_number_format writes it (with its NUL). */
#define NUMBER_ROOM 32

static char *put_lit(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}
#define PUT_LIT(o, literal) put_lit((o), (literal), sizeof(literal) - 1)

static size_t len_or_0(const char *s)
{
    return s ? strlen(s) : 0;
}

/* s quoted, or null when NULL; n is strlen(s). */
static char *put_string(char *o, const char *s, size_t n)
{
    return s ? cn_json_quote_into(o, s, n) : PUT_LIT(o, "null");
}

static char *put_number(char *o, double d)
{
    return o + cn_json_number_format(d, o);
}

static char *put_bool(char *o, bool v)
{
    return v ? PUT_LIT(o, "true") : PUT_LIT(o, "false");
}

/* The fields are written in place in two runs around the text (the short
 * ones with room for every byte escaped, asked for once per run; the text,
 * which may be long, by the buffer's own string writer): a generic call per
 * key and per value was most of writing a `parse` line. Byte for byte what
 * the key and value calls wrote. */
void cn_answer_json_fields(cn_jsonbuf *b, const cn_page *page, size_t i)
{
    const cn_answer *a = &page->answers[i];
    const char *dup = a->duplicate_of[0] ? a->duplicate_of : NULL;
    size_t file_n = len_or_0(page->file), id_n = strlen(a->answer_id),
           qid_n = strlen(page->question_id), q_n = len_or_0(page->question), dup_n = len_or_0(dup),
           title_n = len_or_0(a->title);
    char *o = cn_jsonbuf_value_room(b, SEGMENT_FIXED + NUMBER_ROOM + CN_JSON_QUOTED_MAX(file_n) +
                                           CN_JSON_QUOTED_MAX(id_n) + CN_JSON_QUOTED_MAX(qid_n) +
                                           CN_JSON_QUOTED_MAX(q_n) + CN_JSON_QUOTED_MAX(dup_n) +
                                           CN_JSON_QUOTED_MAX(title_n));
    if (!o)
        return;
    o = PUT_LIT(o, "{\"file\":");
    o = put_string(o, page->file, file_n);
    o = PUT_LIT(o, ",\"index\":");
    o = put_number(o, (double)a->index);
    o = PUT_LIT(o, ",\"answer_id\":");
    o = put_string(o, a->answer_id, id_n);
    o = PUT_LIT(o, ",\"question_id\":");
    o = put_string(o, page->question_id, qid_n);
    o = PUT_LIT(o, ",\"question\":");
    o = put_string(o, page->question, q_n);
    o = PUT_LIT(o, ",\"duplicate_of\":");
    o = put_string(o, dup, dup_n);
    o = PUT_LIT(o, ",\"title\":");
    o = put_string(o, a->title, title_n);
    cn_jsonbuf_value_end(b, o);
    CN_JSONBUF_KEY(b, "text");
    cn_jsonbuf_string(b, a->text ? a->text : "");

    const cn_physician *p = &a->physician;
    const char *format = cn_page_format_name(page->format);
    size_t name_n = len_or_0(p->name), city_n = len_or_0(p->city), spec_n = len_or_0(p->specialty),
           format_n = strlen(format), url_n = len_or_0(page->url);
    o = cn_jsonbuf_value_room(b, SEGMENT_FIXED + 4 * NUMBER_ROOM + CN_JSON_QUOTED_MAX(name_n) +
                                     CN_JSON_QUOTED_MAX(city_n) + CN_JSON_QUOTED_MAX(spec_n) +
                                     CN_JSON_QUOTED_MAX(format_n) + CN_JSON_QUOTED_MAX(url_n));
    if (!o)
        return;
    o = PUT_LIT(o, "\"physician\":{\"name\":");
    o = put_string(o, p->name, name_n);
    o = PUT_LIT(o, ",\"city\":");
    o = put_string(o, p->city, city_n);
    o = PUT_LIT(o, ",\"specialty\":");
    o = put_string(o, p->specialty, spec_n);
    o = PUT_LIT(o, ",\"rating\":");
    o = p->has_rating ? put_number(o, p->rating) : PUT_LIT(o, "null");
    o = PUT_LIT(o, ",\"reviews\":");
    o = p->has_reviews ? put_number(o, (double)p->reviews) : PUT_LIT(o, "null");
    o = PUT_LIT(o, "},\"excerpt\":");
    o = put_bool(o, a->excerpt);
    o = PUT_LIT(o, ",\"related\":");
    o = put_bool(o, a->related);
    o = PUT_LIT(o, ",\"truncated\":");
    o = put_bool(o, a->truncated);
    o = PUT_LIT(o, ",\"format\":");
    o = cn_json_quote_into(o, format, format_n);
    o = PUT_LIT(o, ",\"declared_answers\":");
    o = page->declared_answers >= 0 ? put_number(o, (double)page->declared_answers)
                                    : PUT_LIT(o, "null");
    o = PUT_LIT(o, ",\"url\":");
    o = put_string(o, page->url, url_n);
    o = PUT_LIT(o, ",\"line\":");
    o = page->line > 0 ? put_number(o, (double)page->line) : PUT_LIT(o, "null");
    cn_jsonbuf_value_end(b, o);
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
