/* test_text: UTF-8 validation, normalization, de-duplication keys, SHA-256,
 * growing arrays, the stable sort. */
#include "testutil.h"

#include "cn_grow.h"
#include "cn_sha256.h"
#include "cn_sort.h"
#include "cn_text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_validate_accepts_utf8(void)
{
    const char *s = "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80";
    CU_ASSERT_TRUE(cn_utf8_validate(s, strlen(s), NULL));
}

static void test_validate_reports_offset(void)
{
    size_t off = 99;
    CU_ASSERT_FALSE(cn_utf8_validate("abc\xff"
                                     "def",
                                     7, &off));
    CU_ASSERT_EQUAL(off, 3);
    /* overlong '/' */
    CU_ASSERT_FALSE(cn_utf8_validate("ab\xc0\xaf", 4, &off));
    CU_ASSERT_EQUAL(off, 2);
    /* UTF-16 surrogate encoded in UTF-8 */
    CU_ASSERT_FALSE(cn_utf8_validate("\xed\xa0\x80", 3, &off));
    CU_ASSERT_EQUAL(off, 0);
    /* truncated sequence at the end */
    CU_ASSERT_FALSE(cn_utf8_validate("ok\xe2\x80", 4, &off));
    CU_ASSERT_EQUAL(off, 2);
}

static void test_normalize_folds(void)
{
    const char *s = "  It\xe2\x80\x99s\xc2\xa0NOT \xe2\x80\x9csafe\xe2\x80\x9d \xe2\x80\x94 "
                    "\xc3\x89tude\xe2\x80\xa6\n\n";
    size_t n;
    char *out = cn_text_normalize(s, strlen(s), &n, NULL);
    CU_ASSERT_STRING_EQUAL(out, "it's not \"safe\" - \xc3\xa9tude...");
    CU_ASSERT_EQUAL(n, strlen(out));
    free(out);
}

static void test_normalize_offsets_point_into_source(void)
{
    const char *s = "A\xc2\xa0\xc2\xa0"
                    "B\xe2\x80\x99s";
    size_t n, *map = NULL;
    char *out = cn_text_normalize(s, strlen(s), &n, &map);
    CU_ASSERT_STRING_EQUAL(out, "a b's");
    CU_ASSERT_EQUAL(map[0], 0);
    CU_ASSERT_EQUAL(map[1], 1); /* the collapsed space starts at the first NBSP */
    CU_ASSERT_EQUAL(map[2], 5);
    CU_ASSERT_EQUAL(map[3], 6); /* the apostrophe comes from a 3-byte quote */
    CU_ASSERT_EQUAL(map[4], 9);
    CU_ASSERT_EQUAL(map[5], strlen(s));
    free(out);
    free(map);
}

/* ASCII text normalized by the rules one byte at a time (lower case, ` as ',
 * each run of white space one space at its first byte, none at either end),
 * written here independently of cn_text's runs of 8 bytes. */
static size_t reference_normalize(const char *s, size_t len, char *out, size_t *map)
{
    size_t w = 0, space_src = 0;
    bool pending = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (cn_text_is_space(c)) {
            if (!pending)
                space_src = i;
            pending = true;
            continue;
        }
        if (pending && w > 0) {
            map[w] = space_src;
            out[w++] = ' ';
        }
        pending = false;
        map[w] = i;
        out[w++] = c == '`' ? '\'' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
    }
    map[w] = len;
    out[w] = '\0';
    return w;
}

/* Spaces, tabs and newlines at every place in and across 8- and 16-byte
 * pieces, with and without the offset map. */
static void test_normalize_runs_match_byte_rules(void)
{
    static const char ALPHABET[] = "aB `\t\n.-xYz09'";
    uint64_t rng = 0x2545F4914F6CDD1Dull;
    char s[80], want[80], plain[81];
    size_t want_map[80];
    for (int round_ = 0; round_ < 20000; round_++) {
        size_t len = 0;
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        size_t target = rng % sizeof s;
        while (len < target) {
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            /* mostly letters, so runs are long enough for the 8-byte path */
            s[len++] = rng % 3 ? "abcXYZ"[rng % 6] : ALPHABET[(rng >> 8) % (sizeof ALPHABET - 1)];
        }
        size_t n_want = reference_normalize(s, len, want, want_map);
        size_t n, *map = NULL;
        char *got = cn_text_normalize(s, len, &n, &map);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_EQUAL(n, n_want);
        CU_ASSERT_STRING_EQUAL(got, want);
        CU_ASSERT(memcmp(map, want_map, (n_want + 1) * sizeof *map) == 0);
        CU_ASSERT_EQUAL(cn_text_normalize_into(s, len, plain), n_want);
        CU_ASSERT_STRING_EQUAL(plain, want);
        free(got);
        free(map);
    }
}

static void test_dedup_key_ignores_space_and_punctuation(void)
{
    char *a = cn_text_dedup_key("Hi Gems.  Botox has been used,\n\nbut", 35);
    char *b = cn_text_dedup_key("Hi Gems. Botox has been used but", 32);
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT_STRING_EQUAL(a, "higemsbotoxhasbeenusedbut");
    free(a);
    free(b);
}

/* The key keeps non-ASCII letters (Latin-1 capitals lower-cased) and drops
 * what normalization turns into punctuation or space: curly quotes, dashes,
 * the ellipsis, no-break spaces; a malformed byte is kept as it is. */
static void test_dedup_key_non_ascii(void)
{
    const char *s = "\xc3\x89TUDE \xe2\x80\x9cna\xc3\xafve\xe2\x80\x9d\xe2\x80\x94"
                    "caf\xc3\xa9\xe2\x80\xa6\xc2\xa0x\xff`y";
    char *k = cn_text_dedup_key(s, strlen(s));
    CU_ASSERT_STRING_EQUAL(k, "\xc3\xa9tudena\xc3\xafvecaf\xc3\xa9x\xffy");
    free(k);
}

/* Long ASCII texts (the key's sixteen-byte path) give the key a byte at a
 * time gives: letters lower-cased, digits kept, every other byte dropped;
 * with non-ASCII bytes between them at every position. */
static void test_dedup_key_long_ascii(void)
{
    char s[300], want[600];
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        size_t len = (size_t)(round % 97) + 1, w = 0;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = (char)(1 + (seed >> 16) % 127); /* any ASCII byte but NUL */
        }
        /* some rounds put an "é" (kept as it is) in the middle */
        if (round % 3 == 0 && len > 4) {
            s[len / 2] = (char)0xC3;
            s[len / 2 + 1] = (char)0xA9;
        }
        s[len] = '\0';
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80)
                want[w++] = (char)c;
            else if (c >= 'A' && c <= 'Z')
                want[w++] = (char)(c + 32);
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                want[w++] = (char)c;
        }
        want[w] = '\0';
        char *k = cn_text_dedup_key(s, len);
        CU_ASSERT_STRING_EQUAL(k, want);
        free(k);
    }
    /* every ASCII byte, within one long text */
    char all[128];
    for (int c = 1; c < 128; c++)
        all[c - 1] = (char)c;
    all[127] = '\0';
    char *k = cn_text_dedup_key(all, 127);
    CU_ASSERT_STRING_EQUAL(k, "0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
    free(k);
}

/* Every pattern of kept and dropped bytes a sixteen-byte block can have
 * (the shuffle that packs a block's kept bytes has a row for each half's
 * 256): block m holds a letter, digit or capital where bit k of m is set and
 * a space or punctuation mark where it is not, the blocks one text after a
 * lead of 0-15 bytes (so they are read at every alignment), against the key
 * written a byte at a time. */
static void test_dedup_key_every_block_mask(void)
{
    enum { BLOCKS = 65536 };
    static const char keep[] = "aQ7zZ0mK", drop[] = " .,-'!\t?";
    char *s = malloc(BLOCKS * 16 + 32), *want = malloc(BLOCKS * 16 + 32);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    for (size_t lead = 0; lead < 16; lead += 5) {
        size_t n = 0, w = 0;
        for (size_t i = 0; i < lead; i++)
            s[n++] = 'x', want[w++] = 'x';
        for (unsigned m = 0; m < BLOCKS; m++)
            for (unsigned k = 0; k < 16; k++) {
                if (m >> k & 1u) {
                    char c = keep[(m + k) % 8];
                    s[n++] = c;
                    want[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                } else {
                    s[n++] = drop[(m ^ k) % 8];
                }
            }
        want[w] = '\0';
        char *k = cn_text_dedup_key(s, n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(k);
        CU_ASSERT_EQUAL(strlen(k), w);
        CU_ASSERT(strcmp(k, want) == 0);
        free(k);
    }
    free(s);
    free(want);
}

/* normalize_into writes what cn_text_normalize returns, into the caller's
 * buffer. */
static void test_normalize_into(void)
{
    const char *s = "  It\xe2\x80\x99s\xc2\xa0NOT \xe2\x80\xa6 \xc3\x89tude\n";
    char buf[64];
    size_t n = cn_text_normalize_into(s, strlen(s), buf);
    size_t m;
    char *want = cn_text_normalize(s, strlen(s), &m, NULL);
    CU_ASSERT_EQUAL(n, m);
    CU_ASSERT_STRING_EQUAL(buf, want);
    CU_ASSERT_STRING_EQUAL(buf, "it's not ... \xc3\xa9tude");
    free(want);
}

static void test_squeeze_keeps_wording(void)
{
    const char *in = "  Don\xe2\x80\x99t \xc2\xa0 do\n it ";
    char *s = cn_text_squeeze(in, strlen(in));
    CU_ASSERT_STRING_EQUAL(s, "Don\xe2\x80\x99t do it");
    free(s);
}

/* FIPS 180-4 / NIST CAVS example digests. */
static void test_sha256_vectors(void)
{
    char hex[65];
    cn_sha256_hex("", 0, hex);
    CU_ASSERT_STRING_EQUAL(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    cn_sha256_hex("abc", 3, hex);
    CU_ASSERT_STRING_EQUAL(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    cn_sha256_hex(m, strlen(m), hex);
    CU_ASSERT_STRING_EQUAL(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* one million 'a', fed in uneven pieces */
    cn_sha256_ctx ctx;
    cn_sha256_init(&ctx);
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        cn_sha256_update(&ctx, chunk, n);
        left -= n;
    }
    unsigned char d[32];
    cn_sha256_final(&ctx, d);
    cn_sha256_digest_hex(d, hex, 64);
    CU_ASSERT_STRING_EQUAL(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    /* FIPS 180-2's 896-bit message: the padding takes a block of its own */
    const char *m2 =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
        "klmnopqrlmnopqrsmnopqrstnopqrstu";
    cn_sha256_hex(m2, strlen(m2), hex);
    CU_ASSERT_STRING_EQUAL(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* Whole blocks are hashed from the input and the rest buffered: a message fed
 * at once and the same fed one byte at a time agree at every length around
 * the block and padding edges. */
static void test_sha256_pieces_agree(void)
{
    unsigned char msg[300];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 0; len <= sizeof msg; len++) {
        cn_sha256_ctx whole, bytes;
        unsigned char a[32], b[32];
        cn_sha256_init(&whole);
        cn_sha256_update(&whole, msg, len);
        cn_sha256_final(&whole, a);
        cn_sha256_init(&bytes);
        for (size_t i = 0; i < len; i++)
            cn_sha256_update(&bytes, msg + i, 1);
        cn_sha256_final(&bytes, b);
        CU_ASSERT_EQUAL(memcmp(a, b, 32), 0);
    }
}

/* Appends one at a time keep every item; capacity doubles from 16; a size
 * that would overflow is refused and leaves the array as it was. */
/* Items with a key and their input position: the sort must order by key and
 * keep equal keys in input position order (checked against a counting sort
 * written here, which is stable by construction). */
typedef struct {
    int key;
    int pos;
    char pad[20]; /* an item wider than a pointer, as the real callers' are */
} keyed;

static int keyed_cmp(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static void test_sort_is_stable(void)
{
    static const size_t sizes[] = {0, 1, 2, 15, 16, 17, 33, 100, 1000, 4099};
    unsigned seed = 12345;
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        size_t n = sizes[s];
        keyed *v = calloc(n + 1, sizeof *v);
        keyed *want = calloc(n + 1, sizeof *want);
        CU_ASSERT_PTR_NOT_NULL_FATAL(v);
        CU_ASSERT_PTR_NOT_NULL_FATAL(want);
        size_t count[8] = {0};
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            v[i].key = (int)((seed >> 16) % 8); /* few keys: many ties */
            v[i].pos = (int)i;
            count[v[i].key]++;
        }
        size_t at[8], sum = 0;
        for (int k = 0; k < 8; k++) {
            at[k] = sum;
            sum += count[k];
        }
        for (size_t i = 0; i < n; i++)
            want[at[v[i].key]++] = v[i];
        cn_sort_stable(v, n, sizeof *v, keyed_cmp);
        size_t wrong = 0;
        for (size_t i = 0; i < n; i++)
            wrong += v[i].key != want[i].key || v[i].pos != want[i].pos;
        CU_ASSERT_EQUAL(wrong, 0);
        free(v);
        free(want);
    }
}

/* Ids in the order of their texts, equal texts in their order before; the
 * ids given may be any subset, in any order. */
static void test_sort_by_text(void)
{
    char *texts[] = {"pear", "apple", "fig", "apple", "banana"};
    size_t ids[] = {4, 0, 3, 1, 2};
    CU_ASSERT_TRUE_FATAL(cn_sort_by_text(ids, 5, texts));
    size_t want[] = {3, 1, 4, 2, 0};
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(ids[i], want[i]);
    size_t some[] = {2, 0};
    CU_ASSERT_TRUE_FATAL(cn_sort_by_text(some, 2, texts));
    CU_ASSERT_EQUAL(some[0], 2);
    CU_ASSERT_EQUAL(some[1], 0);
    CU_ASSERT_TRUE(cn_sort_by_text(some, 0, texts));
}

static void test_grow_doubles_and_refuses_overflow(void)
{
    int *v = NULL;
    size_t cap = 0;
    for (int i = 0; i < 100; i++) {
        CU_ASSERT_TRUE_FATAL(cn_grow((void **)&v, &cap, (size_t)i + 1, sizeof *v));
        v[i] = i;
    }
    CU_ASSERT_EQUAL(cap, 128);
    CU_ASSERT_EQUAL(v[0] + v[99], 99);
    CU_ASSERT_TRUE(cn_grow((void **)&v, &cap, 50, sizeof *v)); /* already there */
    CU_ASSERT_EQUAL(cap, 128);
    int *before = v;
    CU_ASSERT_FALSE(cn_grow((void **)&v, &cap, SIZE_MAX / 2, sizeof *v));
    CU_ASSERT_FALSE(cn_grow((void **)&v, &cap, SIZE_MAX, 1));
    CU_ASSERT_PTR_EQUAL(v, before);
    CU_ASSERT_EQUAL(cap, 128);
    free(v);
}

/* cn_text_is_space is the C locale's isspace on every byte value (and
 * false for EOF and values outside a byte). */
static void test_is_space_matches_isspace(void)
{
    for (int c = 0; c < 256; c++)
        CU_ASSERT_EQUAL(cn_text_is_space(c), isspace(c) != 0);
    CU_ASSERT_FALSE(cn_text_is_space(EOF));
    CU_ASSERT_FALSE(cn_text_is_space(256 + ' '));
    CU_ASSERT_FALSE(cn_text_is_space(-247)); /* -256 + '\t' */
}

int main(void)
{
    static const tu_test tests[] = {
        {"validate accepts UTF-8", test_validate_accepts_utf8},
        {"white space as isspace", test_is_space_matches_isspace},
        {"the sort keeps equal items in their order", test_sort_is_stable},
        {"ids sorted by their texts", test_sort_by_text},
        {"arrays grow by doubling, never past SIZE_MAX", test_grow_doubles_and_refuses_overflow},
        {"SHA-256 fed whole or byte by byte", test_sha256_pieces_agree},
        {"validate reports the offset", test_validate_reports_offset},
        {"normalize folds", test_normalize_folds},
        {"normalize offsets", test_normalize_offsets_point_into_source},
        {"normalize runs follow the byte rules", test_normalize_runs_match_byte_rules},
        {"dedup key", test_dedup_key_ignores_space_and_punctuation},
        {"dedup key, non-ASCII", test_dedup_key_non_ascii},
        {"dedup key, long ASCII texts", test_dedup_key_long_ascii},
        {"dedup key, every block of kept and dropped bytes", test_dedup_key_every_block_mask},
        {"normalize into a buffer", test_normalize_into},
        {"squeeze", test_squeeze_keeps_wording},
        {"sha256 vectors", test_sha256_vectors},
        {NULL, NULL},
    };
    return tu_run_suite("text", tests);
}
