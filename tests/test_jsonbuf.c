/* test_jsonbuf: JSON written by cn_jsonbuf is byte for byte what cJSON prints
 * for the same values (strings with every byte, numbers of every kind,
 * nesting), checked against the cJSON library itself; cn_jsonpretty the same
 * bytes when streamed through a sink, in a bounded buffer. */
#include "testutil.h"

#include "cn_jsonbuf.h"
#include "cn_jsonpretty.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small deterministic generator (xorshift64*), so failures reproduce. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static void random_string(uint64_t *rng, char *buf, size_t cap)
{
    size_t n = next(rng) % (cap - 1);
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned)(next(rng) % 255) + 1; /* no NUL: C strings */
        if (next(rng) % 2)
            c = "aZ .\"\\\n\t\r\b\f\x01\x1f\x7f"[next(rng) % 15];
        buf[i] = (char)c;
    }
    buf[n] = '\0';
}

static double random_number(uint64_t *rng)
{
    switch (next(rng) % 9) {
    case 0: /* rounded to four decimals, as the reports print them */
        return round((double)(int64_t)(next(rng) % 2000001 - 1000000) / 7.0 * 10000.0) / 10000.0;
    case 1:
        return (double)(int64_t)(next(rng) % 20001 - 10000) / 10000.0;
    case 2:
        return (double)(int64_t)(next(rng) % 200001 - 100000);
    case 3: /* beyond int: cJSON's valueint saturates */
        return (double)(next(rng) % 100000000000ull) * (next(rng) % 2 ? 1 : -1);
    case 4: { /* any bits: tiny, huge, subnormal */
        uint64_t bits = next(rng);
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    case 5:
        return (double)next(rng) / (double)UINT64_MAX;
    case 6:
        return 2147483647.0 + (double)(next(rng) % 3) - 1.0;
    case 7:
        return (double)(int64_t)(next(rng) % 2000) / 100.0 + 1e-12;
    default:
        return 1e9 + (double)(next(rng) % 100000) / 10000.0;
    }
}

static void test_matches_cjson(void)
{
    uint64_t rng = 88172645463325252ull;
    char key[40], str[200];
    for (int round_ = 0; round_ < 3000; round_++) {
        cJSON *o = cJSON_CreateObject();
        cn_jsonbuf b = {0};
        cn_jsonbuf_open_object(&b);
        for (int f = 0; f < 8; f++) {
            random_string(&rng, key, sizeof key);
            random_string(&rng, str, sizeof str);
            double d = random_number(&rng);
            cn_jsonbuf_key(&b, key);
            switch (next(&rng) % 5) {
            case 0:
                cJSON_AddStringToObject(o, key, str);
                cn_jsonbuf_string(&b, str);
                break;
            case 1:
                cJSON_AddNumberToObject(o, key, d);
                cn_jsonbuf_number(&b, d);
                break;
            case 2:
                cJSON_AddNullToObject(o, key);
                cn_jsonbuf_null(&b);
                break;
            case 3: {
                cJSON *arr = cJSON_AddArrayToObject(o, key);
                cn_jsonbuf_open_array(&b);
                for (size_t k = 0; k < next(&rng) % 4; k++) {
                    cJSON *inner = cJSON_CreateObject();
                    cJSON_AddBoolToObject(inner, "b", k % 2);
                    cJSON_AddNumberToObject(inner, "n", d * (double)k);
                    cJSON_AddItemToObject(inner, "e", cJSON_CreateArray());
                    cJSON_AddItemToArray(arr, inner);
                    cn_jsonbuf_open_object(&b);
                    cn_jsonbuf_key(&b, "b");
                    cn_jsonbuf_bool(&b, k % 2);
                    cn_jsonbuf_key(&b, "n");
                    cn_jsonbuf_number(&b, d * (double)k);
                    cn_jsonbuf_key(&b, "e");
                    cn_jsonbuf_open_array(&b);
                    cn_jsonbuf_close_array(&b);
                    cn_jsonbuf_close_object(&b);
                }
                cn_jsonbuf_close_array(&b);
                break;
            }
            default:
                cJSON_AddItemToObject(o, key, cJSON_CreateString(str));
                cn_jsonbuf_string_n(&b, str, strlen(str));
                break;
            }
        }
        cn_jsonbuf_close_object(&b);
        char *want = cJSON_PrintUnformatted(o);
        char *got = cn_jsonbuf_take(&b);
        CU_ASSERT_PTR_NOT_NULL_FATAL(want);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_STRING_EQUAL(got, want);
        if (strcmp(got, want) != 0)
            fprintf(stderr, "\nwant %s\ngot  %s\n", want, got);
        cJSON_free(want);
        free(got);
        cJSON_Delete(o);
    }
}

/* cn_jsonpretty gives cJSON_Print's bytes for the same tree: nested objects
 * and arrays, empty ones, escapes, raw numbers, null and booleans; and, at
 * depth d, those bytes with d tabs after each newline (how report.json
 * places a list's elements). */
static void pretty_sample(cn_jsonpretty *w)
{
    cn_jsonpretty_open_object(w);
    cn_jsonpretty_key(w, "id");
    cn_jsonpretty_string(w, "a\"b\\c\n\t\x01 \xc3\xa9");
    cn_jsonpretty_key(w, "n");
    cn_jsonpretty_raw(w, "0.125");
    cn_jsonpretty_key(w, "none");
    cn_jsonpretty_string(w, NULL);
    cn_jsonpretty_key(w, "flag");
    cn_jsonpretty_bool(w, false);
    /* keys quoted as cJSON quotes them: escapes, and lengths about the
     * 32-byte plain-key path (31, 32, 33 bytes) */
    cn_jsonpretty_key(w, "k\"e\\y\x01\t");
    cn_jsonpretty_raw(w, "1");
    cn_jsonpretty_key(w, "abcdefghijklmnopqrstuvwxyz01234");
    cn_jsonpretty_raw(w, "31");
    cn_jsonpretty_key(w, "abcdefghijklmnopqrstuvwxyz012345");
    cn_jsonpretty_raw(w, "32");
    cn_jsonpretty_key(w, "abcdefghijklmnopqrstuvwxyz012345\"");
    cn_jsonpretty_raw(w, "33");
    cn_jsonpretty_key(w, "abcdefghijklmnopqrstuvwxyz01234\n");
    cn_jsonpretty_raw(w, "32e");
    cn_jsonpretty_key(w, "empty_object");
    cn_jsonpretty_open_object(w);
    cn_jsonpretty_close_object(w);
    cn_jsonpretty_key(w, "empty_array");
    cn_jsonpretty_open_array(w);
    cn_jsonpretty_close_array(w);
    cn_jsonpretty_key(w, "list");
    cn_jsonpretty_open_array(w);
    for (int i = 0; i < 2; i++) {
        cn_jsonpretty_open_object(w);
        cn_jsonpretty_key(w, "k");
        cn_jsonpretty_raw(w, i ? "2" : "1");
        cn_jsonpretty_key(w, "inner");
        cn_jsonpretty_open_array(w);
        cn_jsonpretty_string(w, "x");
        cn_jsonpretty_null(w);
        cn_jsonpretty_bool(w, true);
        cn_jsonpretty_close_array(w);
        cn_jsonpretty_close_object(w);
    }
    cn_jsonpretty_close_array(w);
    cn_jsonpretty_close_object(w);
}

static cJSON *pretty_sample_tree(void)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "id", cJSON_CreateString("a\"b\\c\n\t\x01 \xc3\xa9"));
    cJSON_AddItemToObject(o, "n", cJSON_CreateRaw("0.125"));
    cJSON_AddItemToObject(o, "none", cJSON_CreateNull());
    cJSON_AddItemToObject(o, "flag", cJSON_CreateFalse());
    cJSON_AddItemToObject(o, "k\"e\\y\x01\t", cJSON_CreateRaw("1"));
    cJSON_AddItemToObject(o, "abcdefghijklmnopqrstuvwxyz01234", cJSON_CreateRaw("31"));
    cJSON_AddItemToObject(o, "abcdefghijklmnopqrstuvwxyz012345", cJSON_CreateRaw("32"));
    cJSON_AddItemToObject(o, "abcdefghijklmnopqrstuvwxyz012345\"", cJSON_CreateRaw("33"));
    cJSON_AddItemToObject(o, "abcdefghijklmnopqrstuvwxyz01234\n", cJSON_CreateRaw("32e"));
    cJSON_AddItemToObject(o, "empty_object", cJSON_CreateObject());
    cJSON_AddItemToObject(o, "empty_array", cJSON_CreateArray());
    cJSON *list = cJSON_CreateArray();
    for (int i = 0; i < 2; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "k", cJSON_CreateRaw(i ? "2" : "1"));
        cJSON *inner = cJSON_CreateArray();
        cJSON_AddItemToArray(inner, cJSON_CreateString("x"));
        cJSON_AddItemToArray(inner, cJSON_CreateNull());
        cJSON_AddItemToArray(inner, cJSON_CreateTrue());
        cJSON_AddItemToObject(e, "inner", inner);
        cJSON_AddItemToArray(list, e);
    }
    cJSON_AddItemToObject(o, "list", list);
    return o;
}

static void test_pretty_matches_cjson(void)
{
    cJSON *tree = pretty_sample_tree();
    char *want = cJSON_Print(tree);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    cn_jsonpretty w = {0};
    /* 31: deeper than the indentation's one fixed-size copy */
    static const int depths[] = {0, 3, 31};
    for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
        int depth = depths[d];
        cn_jsonpretty_reset(&w, depth);
        pretty_sample(&w);
        CU_ASSERT_FALSE(w.failed);
        CU_ASSERT_EQUAL(w.level, 0);
        /* cJSON's text with `depth` tabs after each newline */
        size_t n = strlen(want);
        char *indented = malloc(n * 40 + 1), *o = indented;
        CU_ASSERT_PTR_NOT_NULL_FATAL(indented);
        for (size_t i = 0; i < n; i++) {
            *o++ = want[i];
            for (int t = 0; want[i] == '\n' && t < depth; t++)
                *o++ = '\t';
        }
        *o = '\0';
        CU_ASSERT_STRING_EQUAL(w.s, indented);
        free(indented);
    }
    /* a close with nothing open fails */
    cn_jsonpretty_reset(&w, 0);
    cn_jsonpretty_close_object(&w);
    CU_ASSERT_TRUE(w.failed);
    cn_jsonpretty_clear(&w);
    cJSON_free(want);
    cJSON_Delete(tree);
}

/* Values put in place (cn_jsonpretty_before_value, cn_jsonpretty_room,
 * cn_jsonpretty_wrote) give the bytes of the calls: array elements with
 * their ", ", members' values, with and without a sink that takes the bytes
 * so far as room is made. */
static void test_pretty_in_place(void)
{
    for (int sinked = 0; sinked < 2; sinked++) {
        char *bytes[2] = {NULL, NULL};
        size_t lens[2] = {0, 0};
        for (int here = 0; here < 2; here++) {
            FILE *f = open_memstream(&bytes[here], &lens[here]);
            CU_ASSERT_PTR_NOT_NULL_FATAL(f);
            cn_jsonpretty w = {0};
            cn_jsonpretty_reset(&w, 2);
            if (sinked)
                cn_jsonpretty_sink(&w, f, 16);
            cn_jsonpretty_open_object(&w);
            cn_jsonpretty_key(&w, "list");
            cn_jsonpretty_open_array(&w);
            for (int i = 0; i < 300; i++) {
                char v[32];
                int n = snprintf(v, sizeof v, "\"item %d\"", i);
                if (here) {
                    cn_jsonpretty_before_value(&w);
                    char *o = cn_jsonpretty_room(&w, (size_t)n);
                    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
                    memcpy(o, v, (size_t)n);
                    cn_jsonpretty_wrote(&w, o + n);
                } else {
                    cn_jsonpretty_raw(&w, v);
                }
            }
            cn_jsonpretty_close_array(&w);
            cn_jsonpretty_key(&w, "one");
            if (here) {
                cn_jsonpretty_before_value(&w); /* a member's value: nothing before it */
                char *o = cn_jsonpretty_room(&w, 4);
                CU_ASSERT_PTR_NOT_NULL_FATAL(o);
                memcpy(o, "true", 4);
                cn_jsonpretty_wrote(&w, o + 4);
            } else {
                cn_jsonpretty_bool(&w, true);
            }
            cn_jsonpretty_close_object(&w);
            CU_ASSERT_FALSE(w.failed);
            CU_ASSERT_EQUAL(w.level, 0);
            CU_ASSERT_EQUAL(strlen(w.s), w.len);
            fwrite(w.s, 1, w.len, f);
            fclose(f);
            cn_jsonpretty_clear(&w);
        }
        CU_ASSERT_EQUAL(lens[0], lens[1]);
        CU_ASSERT_STRING_EQUAL(bytes[0], bytes[1]);
        CU_ASSERT_PTR_NOT_NULL(strstr(bytes[0], "\"item 0\", \"item 1\""));
        free(bytes[0]);
        free(bytes[1]);
    }
    /* a failed writer gives no room */
    cn_jsonpretty w = {0};
    cn_jsonpretty_reset(&w, 0);
    cn_jsonpretty_close_object(&w);
    CU_ASSERT_TRUE(w.failed);
    CU_ASSERT_PTR_NULL(cn_jsonpretty_room(&w, 4));
    cn_jsonpretty_clear(&w);
}

/* With a sink, the bytes written to it and then what is left in the buffer
 * are the bytes written without one, and a long value never makes the buffer
 * much larger than the limit. */
static void test_pretty_sink(void)
{
    cn_jsonpretty plain = {0}, w = {0};
    for (size_t limit = 0; limit <= 64; limit += 16) {
        for (int depth = 0; depth <= 3; depth += 3) {
            cn_jsonpretty_reset(&plain, depth);
            pretty_sample(&plain);
            char *buf = NULL;
            size_t size = 0;
            FILE *f = open_memstream(&buf, &size);
            CU_ASSERT_PTR_NOT_NULL_FATAL(f);
            cn_jsonpretty_reset(&w, depth);
            cn_jsonpretty_sink(&w, f, limit);
            pretty_sample(&w);
            CU_ASSERT_FALSE(w.failed);
            fwrite(w.s, 1, w.len, f);
            CU_ASSERT_EQUAL(fclose(f), 0);
            CU_ASSERT_EQUAL(size, plain.len);
            CU_ASSERT_TRUE(size == plain.len && memcmp(buf, plain.s, size) == 0);
            free(buf);
        }
    }
    /* 100,000 strings in one array: about 1.9 MB of text through a buffer
     * held near 4 KiB */
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    cn_jsonpretty_clear(&w);
    cn_jsonpretty_reset(&w, 2);
    cn_jsonpretty_sink(&w, f, 4096);
    cn_jsonpretty_open_array(&w);
    char item[32];
    for (int i = 0; i < 100000; i++) {
        snprintf(item, sizeof item, "file-%06d.txt", i);
        cn_jsonpretty_string(&w, item);
    }
    cn_jsonpretty_close_array(&w);
    CU_ASSERT_FALSE(w.failed);
    CU_ASSERT_TRUE(w.cap <= 2 * 4096 + 64);
    fwrite(w.s, 1, w.len, f);
    CU_ASSERT_EQUAL(fclose(f), 0);
    CU_ASSERT_EQUAL(size, 1 + 100000 * 17 + 99999 * 2 + 1);
    CU_ASSERT_TRUE(size > 0 && buf[0] == '[' && buf[size - 1] == ']');
    CU_ASSERT_TRUE(strstr(buf, "\"file-099999.txt\"]") != NULL);
    free(buf);
    cn_jsonpretty_clear(&w);
    cn_jsonpretty_clear(&plain);
}

static void test_numbers(void)
{
    static const struct {
        double d;
        const char *want;
    } cases[] = {
        {0.0, "0"},
        {-0.0, "-0"},
        {1.0, "1"},
        {-3.0, "-3"},
        {0.5, "0.5"},
        {-0.25, "-0.25"},
        {0.1234, "0.1234"},
        {4.05, "4.05"},
        {0.1, "0.1"},
        {1e15, "1e+15"},
        {2147483648.0, "2147483648"},
        {1.0 / 3.0, "0.33333333333333331"},
        {0.1 + 0.2, "0.3"},
        {NAN, "null"},
        {INFINITY, "null"},
        {1e-7, "1e-07"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[32];
        size_t n = cn_json_number_format(cases[i].d, out);
        CU_ASSERT_STRING_EQUAL(out, cases[i].want);
        CU_ASSERT_EQUAL(n, strlen(cases[i].want));
    }
}

static void test_layout_and_take(void)
{
    cn_jsonbuf b = {0};
    char *empty = cn_jsonbuf_take(&b);
    CU_ASSERT_STRING_EQUAL(empty, "");
    free(empty);
    cn_jsonbuf_open_object(&b);
    cn_jsonbuf_key(&b, "a");
    cn_jsonbuf_string(&b, NULL);
    cn_jsonbuf_key(&b, "b");
    cn_jsonbuf_open_array(&b);
    cn_jsonbuf_string(&b, "x\"y");
    cn_jsonbuf_number(&b, 2.5);
    cn_jsonbuf_close_array(&b);
    cn_jsonbuf_close_object(&b);
    cn_jsonbuf_raw(&b, "\n", 1);
    cn_jsonbuf_reset_level(&b);
    cn_jsonbuf_open_object(&b);
    CN_JSONBUF_KEY(&b, "plain");
    cn_jsonbuf_bool(&b, true);
    CN_JSONBUF_KEY(&b, "next");
    cn_jsonbuf_open_object(&b);
    CN_JSONBUF_KEY(&b, "k");
    cn_jsonbuf_null(&b);
    cn_jsonbuf_close_object(&b);
    cn_jsonbuf_close_object(&b);
    char *s = cn_jsonbuf_take(&b);
    CU_ASSERT_STRING_EQUAL(s, "{\"a\":null,\"b\":[\"x\\\"y\",2.5]}\n"
                              "{\"plain\":true,\"next\":{\"k\":null}}");
    free(s);
    CU_ASSERT_PTR_NULL(b.s);
    CU_ASSERT_EQUAL(b.len, 0);
}

/* The in-place writers: quoted strings (short and long, so both paths of
 * cn_jsonbuf_string_n) as cJSON prints them, whole numbers as
 * cn_json_number_format prints their double, and a value written in place
 * taking its comma like any other. */
static void test_in_place(void)
{
    uint64_t rng = 0x9E3779B97F4A7C15ull;
    static char str[3000], out[CN_JSON_QUOTED_MAX(3000)];
    for (int round_ = 0; round_ < 2000; round_++) {
        random_string(&rng, str, round_ % 2 ? sizeof str : 40);
        size_t n = strlen(str);
        cJSON *js = cJSON_CreateString(str);
        char *want = cJSON_PrintUnformatted(js);
        char *end = cn_json_quote_into(out, str, n);
        CU_ASSERT_EQUAL((size_t)(end - out), strlen(want));
        CU_ASSERT(memcmp(out, want, strlen(want)) == 0);
        cn_jsonbuf b = {0};
        cn_jsonbuf_string_n(&b, str, n);
        char *got = cn_jsonbuf_take(&b);
        CU_ASSERT_STRING_EQUAL(got, want);
        free(got);
        cJSON_free(want);
        cJSON_Delete(js);
    }
    /* short strings of mostly plain bytes, an escape here and there: every
     * tail length after every escape position */
    for (int round_ = 0; round_ < 6000; round_++) {
        size_t n = (size_t)round_ % 41;
        for (size_t i = 0; i < n; i++)
            str[i] = next(&rng) % 12 ? (char)('a' + next(&rng) % 26) : "\"\\\n\x01"[next(&rng) % 4];
        str[n] = '\0';
        cJSON *js = cJSON_CreateString(str);
        char *want = cJSON_PrintUnformatted(js);
        char *end = cn_json_quote_into(out, str, n);
        CU_ASSERT_EQUAL((size_t)(end - out), strlen(want));
        CU_ASSERT(memcmp(out, want, strlen(want)) == 0);
        cJSON_free(want);
        cJSON_Delete(js);
    }
    static const size_t sizes[] = {0,
                                   7,
                                   10,
                                   99999,
                                   123456789012345ull,
                                   999999999999999ull,
                                   1000000000000000ull,
                                   9007199254740993ull,
                                   SIZE_MAX};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        char a[32], want[32];
        cn_json_number_format((double)sizes[i], want);
        *cn_json_size_into(a, sizes[i]) = '\0';
        CU_ASSERT_STRING_EQUAL(a, want);
    }
    /* four-decimal values (the reports' rounding), their neighbours and the
     * halves between them, whole numbers: as cJSON prints them */
    for (int round_ = 0; round_ < 20000; round_++) {
        long long k = (long long)(next(&rng) % 2000000001ull) - 1000000000;
        if (round_ % 4 == 0)
            k %= 100000;
        double base = (double)k / 10000.0;
        double ds[] = {base,
                       nextafter(base, 1e300),
                       nextafter(base, -1e300),
                       ((double)k + 0.5) / 10000.0,
                       (double)k,
                       -0.0};
        for (size_t j = 0; j < sizeof ds / sizeof *ds; j++) {
            cJSON *js = cJSON_CreateNumber(ds[j]);
            char *want = cJSON_PrintUnformatted(js), got[32];
            cn_json_number_format(ds[j], got);
            CU_ASSERT_STRING_EQUAL(got, want);
            cJSON_free(want);
            cJSON_Delete(js);
        }
    }
    /* every digit count, at and around each power of ten, as printf writes it */
    for (unsigned long long p = 1; p <= 100000000000000ull; p *= 10) {
        for (unsigned long long v = p > 2 ? p - 2 : 0; v <= p + 12; v++) {
            char a[32], want[32];
            snprintf(want, sizeof want, "%llu", v);
            *cn_json_size_into(a, (size_t)v) = '\0';
            CU_ASSERT_STRING_EQUAL(a, want);
        }
    }
    cn_jsonbuf b = {0};
    cn_jsonbuf_expect(&b, 1 << 16);
    cn_jsonbuf_open_array(&b);
    for (int k = 0; k < 3; k++) {
        char *o = cn_jsonbuf_value_room(&b, 8);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o);
        memcpy(o, "{}", 2);
        cn_jsonbuf_value_end(&b, o + 2);
    }
    cn_jsonbuf_number(&b, 1);
    cn_jsonbuf_close_array(&b);
    char *s = cn_jsonbuf_take(&b);
    CU_ASSERT_STRING_EQUAL(s, "[{},{},{},1]");
    free(s);
}

/* A string cn_jsonpretty_plain_ascii calls plain is written by
 * cn_jsonpretty_string_plain with the bytes cn_jsonpretty_string_n gives;
 * anything else (controls, quote, backslash, non-ASCII, over 32 bytes) is
 * not called plain. */
static void test_pretty_plain_strings(void)
{
    static const struct {
        const char *s;
        bool plain;
    } cases[] = {
        {"", true},
        {"cue.reassuring.safe", true},
        {"a b ~ \x7f {}[]':,", true},
        {"abcdefghijklmnopqrstuvwxyz012345", true},   /* 32 bytes */
        {"abcdefghijklmnopqrstuvwxyz0123456", false}, /* 33 */
        {"abcdefghijklmnopqrstuvwxyz01234\"", false}, /* the 32nd byte */
        {"abcdefghijklmnopqrstuvwxyz01234\\", false},
        {"tab\there", false},
        {"caf\xc3\xa9", false},
        {"\x80", false},
        {"new\nline", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].s);
        CU_ASSERT_EQUAL(cn_jsonpretty_plain_ascii(cases[i].s, n), cases[i].plain);
        if (!cases[i].plain)
            continue;
        cn_jsonpretty a = {0}, b = {0};
        cn_jsonpretty_reset(&a, 1);
        cn_jsonpretty_reset(&b, 1);
        cn_jsonpretty_open_array(&a);
        cn_jsonpretty_open_array(&b);
        for (int k = 0; k < 2; k++) {
            cn_jsonpretty_string_plain(&a, cases[i].s, n);
            cn_jsonpretty_string_n(&b, cases[i].s, n);
        }
        cn_jsonpretty_close_array(&a);
        cn_jsonpretty_close_array(&b);
        CU_ASSERT_FALSE(a.failed || b.failed);
        CU_ASSERT_STRING_EQUAL(a.s, b.s);
        cn_jsonpretty_clear(&a);
        cn_jsonpretty_clear(&b);
    }
}

int main(void)
{
    static const tu_test tests[] = {
        {"same bytes as cJSON", test_matches_cjson},
        {"pretty: cJSON_Print's bytes, at any depth", test_pretty_matches_cjson},
        {"pretty: streamed through a sink, the same bytes", test_pretty_sink},
        {"pretty: values put in place, the same bytes", test_pretty_in_place},
        {"pretty: plain strings as they are", test_pretty_plain_strings},
        {"numbers", test_numbers},
        {"layout and take", test_layout_and_take},
        {"written in place", test_in_place},
        {NULL, NULL},
    };
    return tu_run_suite("jsonbuf", tests);
}
