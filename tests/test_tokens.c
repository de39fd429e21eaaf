/* test_tokens: word tokens (spans, sentences, clauses, numbers, moving lists)
 * and the matcher's word, class and prefix elements over them. */
#include "testutil.h"

#include "cn_hash.h"
#include "cn_matcher.h"
#include "cn_tokens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_spans_sentences_clauses(void)
{
    const char *s = "Don't RUN, rest.\nTake 3.5 mg \xe2\x80\x94 e.g. daily!";
    cn_tokens *t = cn_tokens_new(s, strlen(s));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    static const struct {
        const char *word;
        size_t start, end;
        unsigned sentence, clause;
        bool number;
    } want[] = {
        {"don't", 0, 5, 0, 0, false},  {"run", 6, 9, 0, 0, false},  {"rest", 11, 15, 0, 1, false},
        {"take", 17, 21, 1, 2, false}, {"3.5", 22, 25, 1, 2, true}, {"mg", 26, 28, 1, 2, false},
        {"e", 33, 34, 1, 3, false},    {"g", 35, 36, 1, 3, false},  {"daily", 38, 43, 2, 4, false},
    };
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(t), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const cn_token *x = cn_tokens_at(t, i);
        CU_ASSERT_STRING_EQUAL(x->word, want[i].word);
        CU_ASSERT_EQUAL(x->start, want[i].start);
        CU_ASSERT_EQUAL(x->end, want[i].end);
        CU_ASSERT_EQUAL(x->sentence, want[i].sentence);
        CU_ASSERT_EQUAL(x->clause, want[i].clause);
        CU_ASSERT_EQUAL(x->number, want[i].number);
    }
    CU_ASSERT_EQUAL(cn_tokens_sentences(t), 3);
    CU_ASSERT_PTR_NULL(cn_tokens_at(t, 99));
    cn_tokens_free(t);
}

/* Thousands of words, some longer than a word block: every word stays where
 * it was stored while the list grows. */
static void test_many_and_long_words(void)
{
    size_t n_words = 5000, long_len = 10000;
    size_t cap = n_words * 8 + long_len + 16;
    char *s = malloc(cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    size_t len = 0;
    for (size_t i = 0; i < n_words; i++)
        len += (size_t)snprintf(s + len, cap - len, "w%zu ", i);
    memset(s + len, 'x', long_len);
    len += long_len;
    cn_tokens *t = cn_tokens_new(s, len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(t), n_words + 1);
    char want[16];
    for (size_t i = 0; i < n_words; i++) {
        snprintf(want, sizeof want, "w%zu", i);
        CU_ASSERT_STRING_EQUAL(cn_tokens_at(t, i)->word, want);
    }
    const cn_token *last = cn_tokens_at(t, n_words);
    CU_ASSERT_EQUAL(strlen(last->word), long_len);
    CU_ASSERT_EQUAL(last->end - last->start, long_len);
    cn_tokens_free(t);
    free(s);
}

static void test_absorb_moves_and_renumbers(void)
{
    cn_tokens *a = cn_tokens_new("Title here", 10);
    cn_tokens *b = cn_tokens_new("One. Two, three", 15);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_absorb(a, b, 1, 1), 0); /* b is freed */
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(a), 5);
    static const char *words[] = {"title", "here", "one", "two", "three"};
    static const unsigned sentence[] = {0, 0, 1, 2, 2}, clause[] = {0, 0, 1, 2, 3};
    static const size_t start[] = {0, 6, 0, 5, 10};
    for (size_t i = 0; i < 5; i++) {
        const cn_token *x = cn_tokens_at(a, i);
        CU_ASSERT_STRING_EQUAL(x->word, words[i]);
        CU_ASSERT_EQUAL(x->sentence, sentence[i]);
        CU_ASSERT_EQUAL(x->clause, clause[i]);
        CU_ASSERT_EQUAL(x->start, start[i]);
    }
    /* pushing after a move still works and keeps the moved words intact */
    CU_ASSERT_EQUAL(cn_tokens_push(a, "more", 20, 24, 3, 4, false), 0);
    CU_ASSERT_STRING_EQUAL(cn_tokens_at(a, 4)->word, "three");
    CU_ASSERT_STRING_EQUAL(cn_tokens_at(a, 5)->word, "more");
    cn_tokens_free(a);
}

/* A word hook that pushes "x" twice for the word "x" and other words as they are. */
static int twice_x(void *ctx, cn_tokens *out, const cn_token *raw)
{
    int *calls = ctx;
    (*calls)++;
    if (raw->len == 1 && raw->word[0] == 'x' && cn_tokens_push_word(out, "x", 1, raw, false))
        return -1;
    return cn_tokens_push_word(out, raw->word, raw->len, raw, raw->number);
}

static void test_append_continues_numbers_through_hook(void)
{
    cn_tokens *t = cn_tokens_new_empty();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    int calls = 0;
    CU_ASSERT_EQUAL_FATAL(cn_tokens_append(t, "Title x", 7, 0, 0, twice_x, &calls), 0);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_append(t, "One. Two, 42", 12, 1, 1, twice_x, &calls), 0);
    CU_ASSERT_EQUAL(calls, 5); /* once per word found */
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(t), 6);
    static const char *words[] = {"title", "x", "x", "one", "two", "42"};
    static const unsigned sentence[] = {0, 0, 0, 1, 2, 2}, clause[] = {0, 0, 0, 1, 2, 3};
    static const size_t start[] = {0, 6, 6, 0, 5, 10};
    for (size_t i = 0; i < 6; i++) {
        const cn_token *x = cn_tokens_at(t, i);
        CU_ASSERT_STRING_EQUAL(x->word, words[i]);
        CU_ASSERT_EQUAL(x->len, strlen(words[i]));
        CU_ASSERT_EQUAL(x->hash, cn_hash_bytes(words[i], strlen(words[i])));
        CU_ASSERT_EQUAL(x->sentence, sentence[i]);
        CU_ASSERT_EQUAL(x->clause, clause[i]);
        CU_ASSERT_EQUAL(x->start, start[i]);
    }
    CU_ASSERT_TRUE(cn_tokens_at(t, 5)->number);
    cn_tokens_free(t);
}

/* A hook that pushes each word, its stem without the last byte, and a word
 * of its own holding a byte no text word has. */
static int stem_and_odd(void *ctx, cn_tokens *out, const cn_token *raw)
{
    (void)ctx;
    if (cn_tokens_push_word(out, raw->word, raw->len, raw, raw->number) ||
        cn_tokens_push_word(out, raw->word, raw->len - 1, raw, false))
        return -1;
    return cn_tokens_push_word(out, "a:b", 3, raw, false);
}

/* cn_token.plain: true of words found in a text and of their stems, and of a
 * pushed word only when its bytes are all word bytes. */
static void test_plain_words(void)
{
    const char *s = "Don't take 3.5 \xc3\xa9t\xc3\xa9";
    cn_tokens *t = cn_tokens_new(s, strlen(s));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(t), 4);
    for (size_t i = 0; i < 4; i++)
        CU_ASSERT_TRUE(cn_tokens_at(t, i)->plain);
    CU_ASSERT_EQUAL(cn_tokens_push(t, "x|y", 0, 1, 0, 0, false), 0);
    CU_ASSERT_EQUAL(cn_tokens_push(t, "it's", 0, 1, 0, 0, false), 0);
    CU_ASSERT_FALSE(cn_tokens_at(t, 4)->plain);
    CU_ASSERT_TRUE(cn_tokens_at(t, 5)->plain);
    cn_tokens_free(t);

    t = cn_tokens_new_empty();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_append(t, "well, safe", 10, 0, 0, stem_and_odd, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(t), 6);
    for (size_t i = 0; i < 6; i++) {
        const cn_token *x = cn_tokens_at(t, i);
        CU_ASSERT_EQUAL(x->plain, strcmp(x->word, "a:b") != 0);
    }
    CU_ASSERT_STRING_EQUAL(cn_tokens_at(t, 4)->word, "saf");
    cn_tokens_free(t);
}

/* A line break in any gap between two words ends a sentence, whether the gap
 * is short or long, the first or a later one, and however many come before. */
static void test_line_breaks_end_sentences(void)
{
    const char *s = "a b\nc          d  \n\n e\r\nf            \n g h";
    cn_tokens *t = cn_tokens_new(s, strlen(s));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(t), 8);
    static const unsigned want[] = {0, 0, 1, 1, 2, 3, 4, 4};
    for (size_t i = 0; i < 8; i++)
        CU_ASSERT_EQUAL(cn_tokens_at(t, i)->sentence, want[i]);
    cn_tokens_free(t);
}

static int add(cn_matcher *m, const char *pattern, int payload)
{
    char buf[128];
    const char *elems[8];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", pattern);
    for (char *w = strtok(buf, " "); w && n < 8; w = strtok(NULL, " "))
        elems[n++] = w;
    cn_error err;
    return cn_matcher_add(m, elems, n, payload, NULL, &err);
}

/* The matches of text as "payload:first-last" joined by spaces. */
static void scan(const cn_matcher *m, const char *text, char *out, size_t cap)
{
    cn_tokens *t = cn_tokens_new(text, strlen(text));
    cn_match *ms = NULL;
    size_t n = 0;
    cn_error err;
    out[0] = '\0';
    CU_ASSERT_EQUAL_FATAL(cn_matcher_scan(m, t, &ms, &n, &err), CN_OK);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%d:%zu-%zu", i ? " " : "", ms[i].payload,
                                ms[i].first, ms[i].last);
    free(ms);
    cn_tokens_free(t);
}

/* The matches the patterns of test_matcher_prefixes_words_classes give. */
static void expect_prefixes_words_classes(const cn_matcher *m)
{
    char got[256];
    /* a prefix equal to the whole word matches; nested prefixes all match */
    scan(m, "I recommended it", got, sizeof got);
    CU_ASSERT_STRING_EQUAL(got, "1:1-1 2:1-1 3:1-1");
    scan(m, "not recommending, never recess", got, sizeof got);
    CU_ASSERT_STRING_EQUAL(got, "4:0-1 5:0-0 1:1-1 2:1-1 1:3-3");
    /* "re" is too short for rec*; "5" is a number and a word of a class */
    scan(m, "re reco take 5 mg", got, sizeof got);
    CU_ASSERT_STRING_EQUAL(got, "1:1-1 6:3-4 8:3-4");
    scan(m, "stop it right now. stop. now", got, sizeof got);
    CU_ASSERT_STRING_EQUAL(got, "7:0-3");
}

static void test_matcher_prefixes_words_classes(void)
{
    cn_matcher *m = cn_matcher_new();
    cn_error err;
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(cn_matcher_class_add(m, "neg", "not", &err), CN_OK);
    CU_ASSERT_EQUAL(cn_matcher_class_add(m, "neg", "never", &err), CN_OK);
    CU_ASSERT_EQUAL(add(m, "rec*", 1), CN_OK);
    CU_ASSERT_EQUAL(add(m, "recommended", 3), CN_OK);
    CU_ASSERT_EQUAL(add(m, "@neg recommend*", 4), CN_OK);
    CU_ASSERT_EQUAL(add(m, "not", 5), CN_OK); /* a word both literal and in a class */
    CU_ASSERT_EQUAL(add(m, "@num mg", 6), CN_OK);
    CU_ASSERT_EQUAL(add(m, "stop ** now", 7), CN_OK);
    CU_ASSERT_EQUAL(cn_matcher_class_add(m, "dose", "5", &err), CN_OK);
    CU_ASSERT_EQUAL(add(m, "@dose mg", 8), CN_OK);
    /* sealed, then a prefix element added after "recommended" was compiled
     * (unsealed again), then sealed again: the same matches every time */
    CU_ASSERT_EQUAL(cn_matcher_seal(m), 0);
    CU_ASSERT_EQUAL(add(m, "recommend*", 2), CN_OK);
    expect_prefixes_words_classes(m);
    CU_ASSERT_EQUAL(cn_matcher_seal(m), 0);
    expect_prefixes_words_classes(m);
    cn_matcher_free(m);
}

/* Many overlapping matches (every "x ** x" span of a long run of x) come
 * out ordered by first token, longest first, then payload. */
static void test_matcher_order_many_overlaps(void)
{
    cn_matcher *m = cn_matcher_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(add(m, "x ** x", 1), CN_OK);
    CU_ASSERT_EQUAL(add(m, "x", 2), CN_OK);
    CU_ASSERT_EQUAL(add(m, "x x", 0), CN_OK);
    char text[400];
    size_t len = 0;
    for (int i = 0; i < 120; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "x ");
    cn_tokens *t = cn_tokens_new(text, len);
    cn_match *ms = NULL;
    size_t n = 0;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_matcher_scan(m, t, &ms, &n, &err), CN_OK);
    /* per start: "x" once, "x x" once, "x ** x" spanning 2..5 tokens */
    CU_ASSERT(n > 500);
    for (size_t i = 1; i < n; i++) {
        bool ordered = ms[i - 1].first < ms[i].first ||
                       (ms[i - 1].first == ms[i].first &&
                        (ms[i - 1].last > ms[i].last ||
                         (ms[i - 1].last == ms[i].last && ms[i - 1].payload <= ms[i].payload)));
        CU_ASSERT(ordered);
    }
    CU_ASSERT_EQUAL(ms[0].first, 0);
    CU_ASSERT_EQUAL(ms[0].last, 4); /* the longest from token 0: x + three gap tokens + x */
    free(ms);
    cn_tokens_free(t);
    cn_matcher_free(m);
}

/* A sealed matcher starts threads at the root from each vocabulary word's
 * compiled root children (vocab_entry.roots); an unsealed one looks each of
 * the word's keys up at the root. Both give the same matches, in the same
 * order, for words that are literal, in classes and start prefixes at once,
 * numbers, and words outside the vocabulary. */
static void test_matcher_sealed_roots(void)
{
    static const char *patterns[] = {"safe",        "@ok",         "saf*",          "sa*",
                                     "safe enough", "@ok ** safe", "@num days",     "@ok enough",
                                     "* safe",      "fine",        "@ok *",         "sa* ** fine",
                                     "saf* saf*",   "safer",       "@num @num days"};
    static const char *texts[] = {
        "safe, fine and safe enough", "It is fine. Safe enough, 3 days safe.",
        "safer than safety; okay safe", "sa saf safe safer safest fine fine",
        "2 3 days, fine safe fine safe fine"};
    cn_matcher *m[2];
    cn_error err;
    for (int k = 0; k < 2; k++) {
        m[k] = cn_matcher_new();
        CU_ASSERT_PTR_NOT_NULL_FATAL(m[k]);
        CU_ASSERT_EQUAL(cn_matcher_class_add(m[k], "ok", "safe", &err), CN_OK);
        CU_ASSERT_EQUAL(cn_matcher_class_add(m[k], "ok", "fine", &err), CN_OK);
        CU_ASSERT_EQUAL(cn_matcher_class_add(m[k], "ok", "okay", &err), CN_OK);
        for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++)
            CU_ASSERT_EQUAL(add(m[k], patterns[i], (int)i), CN_OK);
    }
    CU_ASSERT_EQUAL(cn_matcher_seal(m[0]), 0);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char sealed[2048], walked[2048];
        scan(m[0], texts[i], sealed, sizeof sealed);
        scan(m[1], texts[i], walked, sizeof walked);
        CU_ASSERT_STRING_EQUAL(sealed, walked);
        CU_ASSERT(strlen(sealed) > 0);
    }
    cn_matcher_free(m[0]);
    cn_matcher_free(m[1]);
}

/* cn_tokens_push_found keeps what cn_tokens_push_raw keeps of the word with
 * its lexicon fields set: every field the same, the word a copy of its own. */
static void test_push_found_is_push_raw(void)
{
    char word[] = "safety first";
    cn_token raw = {.word = word,
                    .len = 6,
                    .hash = 0x1234567890abcdefULL,
                    .start = 7,
                    .end = 13,
                    .sentence = 2,
                    .clause = 5,
                    .number = false,
                    .plain = true,
                    .lexicon = false,
                    .vocab = -1,
                    .term = -1};
    cn_tokens *a = cn_tokens_new_empty(), *b = cn_tokens_new_empty();
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    for (int i = 0; i < 100; i++) { /* past the first block and array */
        raw.number = i % 3 == 0;
        raw.sentence = (unsigned)i;
        CU_ASSERT_EQUAL(cn_tokens_push_found(a, &raw, i, -2 - i % 2), 0);
        cn_token kept = raw;
        kept.lexicon = true;
        kept.vocab = i;
        kept.term = -2 - i % 2;
        CU_ASSERT_EQUAL(cn_tokens_push_raw(b, &kept), 0);
    }
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(a), 100);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_count(b), 100);
    for (size_t i = 0; i < 100; i++) {
        const cn_token *x = cn_tokens_at(a, i), *y = cn_tokens_at(b, i);
        CU_ASSERT_STRING_EQUAL(x->word, "safety");
        CU_ASSERT_PTR_NOT_EQUAL(x->word, word);
        CU_ASSERT_EQUAL(x->len, y->len);
        CU_ASSERT_EQUAL(x->hash, y->hash);
        CU_ASSERT_EQUAL(x->start, y->start);
        CU_ASSERT_EQUAL(x->end, y->end);
        CU_ASSERT_EQUAL(x->sentence, y->sentence);
        CU_ASSERT_EQUAL(x->clause, y->clause);
        CU_ASSERT_EQUAL(x->number, y->number);
        CU_ASSERT_EQUAL(x->plain, y->plain);
        CU_ASSERT_EQUAL(x->lexicon, true);
        CU_ASSERT_EQUAL(x->vocab, y->vocab);
        CU_ASSERT_EQUAL(x->term, y->term);
    }
    cn_tokens_free(a);
    cn_tokens_free(b);
}

int main(void)
{
    static const tu_test tests[] = {
        {"spans, sentences, clauses", test_spans_sentences_clauses},
        {"many and long words", test_many_and_long_words},
        {"absorb moves and renumbers", test_absorb_moves_and_renumbers},
        {"append continues numbers through a hook", test_append_continues_numbers_through_hook},
        {"plain words", test_plain_words},
        {"line breaks end sentences", test_line_breaks_end_sentences},
        {"matcher prefixes, words, classes", test_matcher_prefixes_words_classes},
        {"matcher order, many overlaps", test_matcher_order_many_overlaps},
        {"push_found is push_raw with the lexicon's fields", test_push_found_is_push_raw},
        {"matcher sealed roots", test_matcher_sealed_roots},
        {NULL, NULL},
    };
    return tu_run_suite("tokens", tests);
}
