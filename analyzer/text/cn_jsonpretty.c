/* cn_jsonpretty: JSON written directly with the bytes cJSON_Print gives. */
#include "cn_jsonpretty.h"

#include "cn_grow.h"
#include "cn_jsonbuf.h"
#include "cn_plain.h"

#include <stdlib.h>
#include <string.h>

void cn_jsonpretty_reset(cn_jsonpretty *w, int depth)
{
    w->len = 0;
    w->failed = false;
    w->depth = depth;
    w->level = 0;
    w->items[0] = 0;
    w->in_object[0] = false;
    if (w->s)
        w->s[0] = '\0';
}

void cn_jsonpretty_clear(cn_jsonpretty *w)
{
    free(w->s);
    memset(w, 0, sizeof *w);
}

static void quoted(cn_jsonpretty *w, const char *s, size_t n);

void cn_jsonpretty_sink(cn_jsonpretty *w, FILE *sink, size_t limit)
{
    w->sink = sink;
    w->sink_limit = limit;
}

/* Room for n more bytes and the NUL; NULL once failed. Nothing holds on to
 * a place in s across calls, so the bytes so far may go to the sink here. */
static char *room(cn_jsonpretty *w, size_t n)
{
    if (w->sink && w->len > w->sink_limit && w->len + n + 1 > w->cap && !w->failed) {
        fwrite(w->s, 1, w->len, w->sink);
        w->len = 0;
    }
    if (w->failed || !cn_grow((void **)&w->s, &w->cap, w->len + n + 1, 1)) {
        w->failed = true;
        return NULL;
    }
    return w->s + w->len;
}

static void put(cn_jsonpretty *w, const char *s, size_t n)
{
    char *o = room(w, n);
    if (!o)
        return;
    memcpy(o, s, n);
    w->len += n;
    w->s[w->len] = '\0';
}

static void tabs(cn_jsonpretty *w, int n)
{
    char *o = room(w, (size_t)(n > 0 ? n : 0));
    if (!o)
        return;
    for (int i = 0; i < n; i++)
        o[i] = '\t';
    w->len += (size_t)(n > 0 ? n : 0);
    w->s[w->len] = '\0';
}

/* Before a value: an array element's ", " (a member's separator and key came
 * with cn_jsonpretty_key). */
static void before_value(cn_jsonpretty *w)
{
    if (w->level > 0 && !w->in_object[w->level] && w->items[w->level]++ > 0)
        put(w, ", ", 2);
}

void cn_jsonpretty_before_value(cn_jsonpretty *w)
{
    before_value(w);
}

char *cn_jsonpretty_room(cn_jsonpretty *w, size_t n)
{
    return room(w, n);
}

void cn_jsonpretty_wrote(cn_jsonpretty *w, char *end)
{
    w->len = (size_t)(end - w->s);
    w->s[w->len] = '\0';
}

/* Tabs enough for one store of any depth up to it (deeper: a loop). */
static const char TABS[32] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

bool cn_jsonpretty_plain_ascii(const char *s, size_t n)
{
    return cn_plain_short(s, n, CN_PLAIN_JSON_ASCII);
}

void cn_jsonpretty_string_plain(cn_jsonpretty *w, const char *s, size_t n)
{
    before_value(w);
    char *o = room(w, n + 2);
    if (!o)
        return;
    *o++ = '"';
    memcpy(o, s, n);
    o[n] = '"';
    w->len += n + 2;
    w->s[w->len] = '\0';
}

void cn_jsonpretty_key(cn_jsonpretty *w, const char *key)
{
    /* ",\n", the tabs, the quoted key and ":\t" in one reservation: a report
     * writes millions of keys. The tabs are one fixed-size copy (the bytes
     * past them are overwritten by the key), and a key of plain characters
     * (every key the reports write) is copied as it is: what quoting it
     * gives. */
    size_t n = strlen(key), tabs_n = w->depth > 0 ? (size_t)w->depth : 0;
    bool sep = w->items[w->level]++ > 0;
    char *o = room(w, 2 + tabs_n + sizeof TABS + CN_JSON_QUOTED_MAX(n) + 2);
    if (!o)
        return;
    if (sep) {
        *o++ = ',';
        *o++ = '\n';
    }
    if (tabs_n <= sizeof TABS) {
        memcpy(o, TABS, sizeof TABS);
        o += tabs_n;
    } else {
        for (size_t i = 0; i < tabs_n; i++)
            *o++ = '\t';
    }
    if (cn_plain_short(key, n, CN_PLAIN_JSON_KEY)) {
        *o++ = '"';
        memcpy(o, key, n);
        o += n;
        *o++ = '"';
    } else {
        o = cn_json_quote_into(o, key, n);
    }
    *o++ = ':';
    *o++ = '\t';
    w->len = (size_t)(o - w->s);
    w->s[w->len] = '\0';
}

static void open_container(cn_jsonpretty *w, bool object)
{
    before_value(w);
    if (w->level + 1 >= CN_JSONPRETTY_MAX_DEPTH) {
        w->failed = true;
        return;
    }
    w->level++;
    w->depth++;
    w->in_object[w->level] = object;
    w->items[w->level] = 0;
    put(w, object ? "{\n" : "[", object ? 2 : 1);
}

void cn_jsonpretty_open_object(cn_jsonpretty *w)
{
    open_container(w, true);
}

void cn_jsonpretty_open_array(cn_jsonpretty *w)
{
    open_container(w, false);
}

void cn_jsonpretty_close_object(cn_jsonpretty *w)
{
    if (w->level == 0) {
        w->failed = true;
        return;
    }
    if (w->items[w->level] > 0)
        put(w, "\n", 1);
    tabs(w, w->depth - 1);
    put(w, "}", 1);
    w->level--;
    w->depth--;
}

void cn_jsonpretty_close_array(cn_jsonpretty *w)
{
    if (w->level == 0) {
        w->failed = true;
        return;
    }
    put(w, "]", 1);
    w->level--;
    w->depth--;
}

/* The string itself, with no separator (keys and values). */
static void quoted(cn_jsonpretty *w, const char *s, size_t n)
{
    char *o = room(w, CN_JSON_QUOTED_MAX(n));
    if (!o)
        return;
    char *end = cn_json_quote_into(o, s, n);
    w->len += (size_t)(end - o);
    w->s[w->len] = '\0';
}

void cn_jsonpretty_string_n(cn_jsonpretty *w, const char *s, size_t n)
{
    before_value(w);
    quoted(w, s, n);
}

void cn_jsonpretty_string(cn_jsonpretty *w, const char *s)
{
    before_value(w);
    if (s)
        quoted(w, s, strlen(s));
    else
        put(w, "null", 4);
}

void cn_jsonpretty_raw(cn_jsonpretty *w, const char *text)
{
    before_value(w);
    put(w, text, strlen(text));
}

void cn_jsonpretty_bool(cn_jsonpretty *w, bool v)
{
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void cn_jsonpretty_null(cn_jsonpretty *w)
{
    before_value(w);
    put(w, "null", 4);
}
