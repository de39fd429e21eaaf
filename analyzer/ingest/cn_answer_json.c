/* cn_answer_json: build the JSON object of one parsed answer. */
#include "cn_answer_json.h"

#include <stdbool.h>

static bool add_string(cJSON *obj, const char *key, const char *value)
{
    cJSON *v = value ? cJSON_CreateString(value) : cJSON_CreateNull();
    return v && cJSON_AddItemToObject(obj, key, v);
}

static bool add_number(cJSON *obj, const char *key, bool has, double value)
{
    cJSON *v = has ? cJSON_CreateNumber(value) : cJSON_CreateNull();
    return v && cJSON_AddItemToObject(obj, key, v);
}

static bool add_bool(cJSON *obj, const char *key, bool value)
{
    cJSON *v = cJSON_CreateBool(value);
    return v && cJSON_AddItemToObject(obj, key, v);
}

static cJSON *physician_json(const cn_physician *p)
{
    cJSON *o = cJSON_CreateObject();
    if (o && add_string(o, "name", p->name) && add_string(o, "city", p->city) &&
        add_string(o, "specialty", p->specialty) &&
        add_number(o, "rating", p->has_rating, p->rating) &&
        add_number(o, "reviews", p->has_reviews, (double)p->reviews))
        return o;
    cJSON_Delete(o);
    return NULL;
}

cJSON *cn_answer_json_new(const cn_page *page, size_t i)
{
    if (!page || i >= page->n_answers)
        return NULL;
    const cn_answer *a = &page->answers[i];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *ph = NULL;
    bool ok = add_string(o, "file", page->file) && add_number(o, "index", true, (double)a->index) &&
              add_string(o, "answer_id", a->answer_id) &&
              add_string(o, "question_id", page->question_id) &&
              add_string(o, "question", page->question) &&
              add_string(o, "duplicate_of", a->duplicate_of[0] ? a->duplicate_of : NULL) &&
              add_string(o, "title", a->title) && add_string(o, "text", a->text ? a->text : "") &&
              (ph = physician_json(&a->physician)) != NULL &&
              cJSON_AddItemToObject(o, "physician", ph) && add_bool(o, "excerpt", a->excerpt) &&
              add_bool(o, "related", a->related) && add_bool(o, "truncated", a->truncated) &&
              add_string(o, "format", cn_page_format_name(page->format)) &&
              add_number(o, "declared_answers", page->declared_answers >= 0,
                         (double)page->declared_answers) &&
              add_string(o, "url", page->url) &&
              add_number(o, "line", page->line > 0, (double)page->line);
    if (!ok) {
        if (ph && !cJSON_GetObjectItemCaseSensitive(o, "physician"))
            cJSON_Delete(ph);
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *cn_answer_json_line(const cn_page *page, size_t i)
{
    cJSON *o = cn_answer_json_new(page, i);
    if (!o)
        return NULL;
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}
