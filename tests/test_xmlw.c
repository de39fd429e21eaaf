/*
 * test_xmlw: cn_xmlw writes what libxml2's xmlTextWriter writes (indent on,
 * "  ", UTF-8): both are driven through the same random documents, with
 * markup characters, whitespace, multi-byte UTF-8, empty elements, text,
 * mixed content and deep nesting, and their bytes compared; and misuse fails.
 */
#include "testutil.h"

#include "cn_xmlw.h"

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define X(s) ((const xmlChar *)(s))

static const char *const NAMES[] = {"a", "report", "b-c", "question", "x"};
static const char *const PIECES[] = {"plain",
                                     " ",
                                     "&",
                                     "<",
                                     ">",
                                     "\"",
                                     "'",
                                     "\t",
                                     "\n",
                                     "\r",
                                     "\xc3\xa9",
                                     "\xe2\x82\xac",
                                     "\xf0\x9f\x98\x80",
                                     "&amp;",
                                     "]]>",
                                     "0.25",
                                     "a b"};

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

static void random_text(uint64_t *s, char *buf, size_t cap)
{
    size_t used = 0, n = next(s) % 12; /* up to ~50 bytes: past 16 and 32 */
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *p = PIECES[next(s) % (sizeof PIECES / sizeof PIECES[0])];
        if (used + strlen(p) + 1 > cap)
            break;
        memcpy(buf + used, p, strlen(p) + 1);
        used += strlen(p);
    }
}

typedef struct both {
    xmlTextWriterPtr lx;
    cn_xmlw *cw;
    int lx_fail;
} both;

/* One random document written by both writers; its seed picks the steps. */
static void random_document(uint64_t seed, char **lx_out, size_t *lx_len, char **cw_out,
                            size_t *cw_len)
{
    xmlBufferPtr xb = xmlBufferCreate();
    both b = {.lx = xmlNewTextWriterMemory(xb, 0)};
    FILE *f = open_memstream(cw_out, cw_len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    b.cw = cn_xmlw_new(f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b.cw);
    xmlTextWriterSetIndent(b.lx, 1);
    xmlTextWriterSetIndentString(b.lx, X("  "));
    xmlTextWriterStartDocument(b.lx, "1.0", "UTF-8", NULL);
    uint64_t s = seed;
    int depth = 0;
    bool tag_open = false;
    char text[256];
    xmlTextWriterStartElement(b.lx, X("report"));
    cn_xmlw_start(b.cw, "report");
    depth = 1;
    tag_open = true;
    for (int step = 0; step < 200; step++) {
        unsigned op = (unsigned)(next(&s) % 10);
        const char *name = NAMES[next(&s) % (sizeof NAMES / sizeof NAMES[0])];
        if (op < 3 && depth < 12) {
            xmlTextWriterStartElement(b.lx, X(name));
            cn_xmlw_start(b.cw, name);
            depth++;
            tag_open = true;
        } else if (op < 6 && tag_open) {
            random_text(&s, text, sizeof text);
            xmlTextWriterWriteAttribute(b.lx, X(name), X(text));
            cn_xmlw_attr(b.cw, name, text);
        } else if (op < 8) {
            random_text(&s, text, sizeof text);
            if (*text) {
                xmlTextWriterWriteString(b.lx, X(text));
                cn_xmlw_text(b.cw, text, strlen(text));
                tag_open = false;
            }
        } else if (depth > 1) {
            xmlTextWriterEndElement(b.lx);
            cn_xmlw_end(b.cw);
            depth--;
            tag_open = false;
        }
    }
    xmlTextWriterEndDocument(b.lx);
    xmlFreeTextWriter(b.lx);
    CU_ASSERT_TRUE(cn_xmlw_finish(b.cw));
    fclose(f);
    *lx_len = (size_t)xmlBufferLength(xb);
    *lx_out = malloc(*lx_len + 1);
    memcpy(*lx_out, xmlBufferContent(xb), *lx_len);
    xmlBufferFree(xb);
}

static void test_same_bytes_as_libxml2(void)
{
    for (uint64_t seed = 1; seed <= 300; seed++) {
        char *a = NULL, *c = NULL;
        size_t alen = 0, clen = 0;
        random_document(seed, &a, &alen, &c, &clen);
        CU_ASSERT_TRUE(alen > 40);
        CU_ASSERT_EQUAL(alen, clen);
        if (alen != clen || memcmp(a, c, alen)) {
            CU_FAIL("cn_xmlw differs from xmlTextWriter");
            fprintf(stderr, "seed %llu:\n--- libxml2\n%.*s\n--- cn_xmlw\n%.*s\n",
                    (unsigned long long)seed, (int)alen, a, (int)clen, c);
            free(a);
            free(c);
            break;
        }
        free(a);
        free(c);
    }
}

static void test_misuse_fails(void)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    cn_xmlw *w = cn_xmlw_new(f);
    cn_xmlw_start(w, "a");
    cn_xmlw_text(w, "t", 1);
    CU_ASSERT_FALSE(cn_xmlw_failed(w));
    cn_xmlw_attr(w, "late", "v"); /* after text: refused */
    CU_ASSERT_TRUE(cn_xmlw_failed(w));
    CU_ASSERT_FALSE(cn_xmlw_finish(w));
    fclose(f);
    free(out);
    out = NULL;
    f = open_memstream(&out, &len);
    w = cn_xmlw_new(f);
    cn_xmlw_end(w); /* nothing open */
    CU_ASSERT_TRUE(cn_xmlw_failed(w));
    cn_xmlw_free(w);
    fclose(f);
    free(out);
}

/* A text longer than the writer's buffer comes out whole. */
static void test_long_text(void)
{
    size_t n = 300000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    big[100] = '&';
    big[n] = '\0';
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    cn_xmlw *w = cn_xmlw_new(f);
    cn_xmlw_start(w, "t");
    cn_xmlw_text(w, big, n);
    CU_ASSERT_TRUE(cn_xmlw_finish(w));
    fclose(f);
    const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<t>";
    CU_ASSERT_EQUAL(len, strlen(head) + n + 4 + strlen("</t>\n"));
    CU_ASSERT_EQUAL(strncmp(out, head, strlen(head)), 0);
    CU_ASSERT_EQUAL(memcmp(out + strlen(head) + 100, "&amp;", 5), 0);
    CU_ASSERT_EQUAL(strcmp(out + len - 5, "</t>\n"), 0);
    free(out);
    free(big);
}

/* A value cn_xmlw_plain_ascii calls plain is written by cn_xmlw_attr_plain
 * with the bytes cn_xmlw_attr_n gives; markup characters, controls,
 * non-ASCII and values over 32 bytes are not called plain. */
static void test_plain_values(void)
{
    static const struct {
        const char *s;
        bool plain;
    } cases[] = {
        {"", true},
        {"cue.reassuring.safe", true},
        {"-0.000123 1e-05 ~\\'\x7f", true},
        {"abcdefghijklmnopqrstuvwxyz012345", true},   /* 32 bytes */
        {"abcdefghijklmnopqrstuvwxyz0123456", false}, /* 33 */
        {"abcdefghijklmnopqrstuvwxyz01234&", false},  /* the 32nd byte */
        {"a<b", false},
        {"a>b", false},
        {"say \"x\"", false},
        {"tab\there", false},
        {"caf\xc3\xa9", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].s);
        CU_ASSERT_EQUAL(cn_xmlw_plain_ascii(cases[i].s, n), cases[i].plain);
        if (!cases[i].plain)
            continue;
        char *out[2] = {NULL, NULL};
        size_t len[2] = {0, 0};
        for (int k = 0; k < 2; k++) {
            FILE *f = open_memstream(&out[k], &len[k]);
            cn_xmlw *w = cn_xmlw_new(f);
            cn_xmlw_start(w, "e");
            if (k)
                cn_xmlw_attr_plain(w, "v", cases[i].s, n);
            else
                cn_xmlw_attr_n(w, "v", cases[i].s, n);
            CU_ASSERT_TRUE(cn_xmlw_finish(w));
            fclose(f);
        }
        CU_ASSERT_STRING_EQUAL(out[0], out[1]);
        free(out[0]);
        free(out[1]);
    }
}

/* The children of one parent, each either by the calls or (when in_place
 * says so for it) put in place through cn_xmlw_child_room with the escapes
 * cn_xmlw_escape_attr_into and cn_xmlw_escape_text_into: value v and text t
 * drawn from seed; enough of them to flush the buffer several times. */
static char *children(uint64_t seed, int in_place, size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    cn_xmlw *w = cn_xmlw_new(f);
    cn_xmlw_start(w, "report");
    cn_xmlw_start(w, "parent");
    cn_xmlw_attr(w, "id", "p");
    uint64_t s = seed;
    char v[256], t[256];
    for (int i = 0; i < 4000; i++) {
        random_text(&s, v, sizeof v);
        random_text(&s, t, sizeof t);
        if (next(&s) % 4 == 0)
            t[0] = '\0'; /* an empty element */
        /* 0: every child by the calls; 1: every one in place; 2: both, mixed */
        bool here = in_place == 1 || (in_place == 2 && i % 3 != 0);
        char *o = here ? cn_xmlw_child_room(w, 64 + CN_XMLW_ESCAPED_MAX(strlen(v)) +
                                                   CN_XMLW_ESCAPED_MAX(strlen(t)))
                       : NULL;
        CU_ASSERT_TRUE(!here || o != NULL);
        if (o) {
            memcpy(o, "<ev v=\"", 7);
            o = cn_xmlw_escape_attr_into(o + 7, v, strlen(v));
            *o++ = '"';
            if (t[0]) {
                *o++ = '>';
                o = cn_xmlw_escape_text_into(o, t, strlen(t));
                memcpy(o, "</ev>\n", 6);
                o += 6;
            } else {
                memcpy(o, "/>\n", 3);
                o += 3;
            }
            cn_xmlw_child_wrote(w, o);
        } else {
            cn_xmlw_start(w, "ev");
            cn_xmlw_attr(w, "v", v);
            cn_xmlw_text(w, t, strlen(t));
            cn_xmlw_end(w);
        }
        if (i % 500 == 499) { /* a nested child after them, by the calls */
            cn_xmlw_start(w, "sub");
            cn_xmlw_text(w, "x", 1);
            cn_xmlw_end(w);
        }
    }
    CU_ASSERT_TRUE(cn_xmlw_finish(w));
    fclose(f);
    return out;
}

/* A child element put in place gives the bytes of the calls, before and
 * after children written by the calls, across buffer flushes; room larger
 * than the buffer is refused with nothing written. */
static void test_child_in_place(void)
{
    for (uint64_t seed = 1; seed <= 3; seed++) {
        size_t len[3];
        char *out[3];
        for (int k = 0; k < 3; k++)
            out[k] = children(seed, k, &len[k]);
        CU_ASSERT_TRUE(len[0] > 200000);
        CU_ASSERT_EQUAL(len[0], len[1]);
        CU_ASSERT_EQUAL(len[0], len[2]);
        CU_ASSERT_STRING_EQUAL(out[0], out[1]);
        CU_ASSERT_STRING_EQUAL(out[0], out[2]);
        for (int k = 0; k < 3; k++)
            free(out[k]);
    }
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    cn_xmlw *w = cn_xmlw_new(f);
    cn_xmlw_start(w, "e");
    CU_ASSERT_PTR_NULL(cn_xmlw_child_room(w, 1u << 20));
    CU_ASSERT_TRUE(cn_xmlw_finish(w));
    fclose(f);
    CU_ASSERT_STRING_EQUAL(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<e/>\n");
    free(out);
}

/* The escapes into a buffer give the bytes the writer gives for an
 * attribute value and for text (each at most CN_XMLW_ESCAPED_MAX long). */
static void test_escape_into(void)
{
    static const char *const cases[] = {"",
                                        "plain",
                                        "a&b<c>d\"e'f",
                                        "\t\n\r",
                                        "\"\"\"\"",
                                        "caf\xc3\xa9 & \xe2\x82\xac",
                                        "0123456789abcdef&0123456789abcdef<"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i]);
        char attr_buf[256], text_buf[256];
        char *ae = cn_xmlw_escape_attr_into(attr_buf, cases[i], n);
        char *te = cn_xmlw_escape_text_into(text_buf, cases[i], n);
        CU_ASSERT_TRUE((size_t)(ae - attr_buf) <= CN_XMLW_ESCAPED_MAX(n));
        CU_ASSERT_TRUE((size_t)(te - text_buf) <= CN_XMLW_ESCAPED_MAX(n));
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        cn_xmlw *w = cn_xmlw_new(f);
        cn_xmlw_start(w, "e");
        cn_xmlw_attr(w, "v", cases[i]);
        cn_xmlw_text(w, cases[i], n);
        CU_ASSERT_TRUE(cn_xmlw_finish(w));
        fclose(f);
        char want[1024];
        snprintf(want, sizeof want,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<e v=\"%.*s\"%s%.*s%s\n",
                 (int)(ae - attr_buf), attr_buf, n ? ">" : "", (int)(te - text_buf), text_buf,
                 n ? "</e>" : "/>");
        CU_ASSERT_STRING_EQUAL(out, want);
        free(out);
    }
}

int main(void)
{
    static const tu_test tests[] = {
        {"the bytes of xmlTextWriter", test_same_bytes_as_libxml2},
        {"misuse fails", test_misuse_fails},
        {"a text longer than the buffer", test_long_text},
        {"plain values as they are", test_plain_values},
        {"a child put in place", test_child_in_place},
        {"escapes into a buffer", test_escape_into},
        {NULL, NULL},
    };
    return tu_run_suite("xmlw", tests);
}
