/* test_csv: the strict CSV reader: quoting, line numbers, rejects, numbers. */
#include "testutil.h"

#include "cn_csv.h"

#include <math.h>
#include <string.h>

static cn_csv *parse(const char *text)
{
    cn_csv *csv = NULL;
    cn_error err;
    int rc = cn_csv_parse("t.csv", text, strlen(text), &csv, &err);
    CU_ASSERT_EQUAL(rc, CN_OK);
    return csv;
}

static int fails(const char *text, size_t len, const char *message)
{
    cn_csv *csv = NULL;
    cn_error err;
    int rc = cn_csv_parse("t.csv", text, len, &csv, &err);
    int ok = rc == CN_ERR_FORMAT && csv == NULL && strstr(err.message, message) != NULL;
    if (!ok)
        fprintf(stderr, "\n  got rc %d: %s\n", rc, err.message);
    cn_csv_free(csv);
    return ok;
}

static void test_quoting(void)
{
    cn_csv *csv = parse("name,a,b\r\n\"Lee, MD\",\"say \"\"hi\"\"\",3\r\n\"two\nlines\",,\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_EQUAL(cn_csv_rows(csv), 3);
    CU_ASSERT_EQUAL(cn_csv_fields(csv, 1), 3);
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 1, 0), "Lee, MD");
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 1, 1), "say \"hi\"");
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 2, 0), "two\nlines");
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 2, 2), "");
    CU_ASSERT_EQUAL(cn_csv_fields(csv, 2), 3);
    CU_ASSERT_EQUAL(cn_csv_line(csv, 2), 3);
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 9, 9), ""); /* out of range */
    cn_csv_free(csv);
}

/* A BOM is skipped, blank lines are skipped but counted, lines after a
 * multi-line field are numbered by where they start. */
static void test_lines(void)
{
    cn_csv *csv = parse("\xef\xbb\xbfh,x\n\n\"a\nb\",1\n\r\nc,2");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 0, 0), "h");
    CU_ASSERT_EQUAL(cn_csv_rows(csv), 3);
    CU_ASSERT_EQUAL(cn_csv_line(csv, 1), 3);
    CU_ASSERT_EQUAL(cn_csv_line(csv, 2), 6);
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 2, 1), "2"); /* no final newline */
    cn_csv_free(csv);
}

static void test_ragged_rows_are_reported(void)
{
    cn_csv *csv = parse("h,a,b\nx,1,2\ny,1\nz,1,2,3\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    cn_error err;
    CU_ASSERT_EQUAL(cn_csv_check_width(csv, 1, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_csv_check_width(csv, 2, &err), CN_ERR_FORMAT);
    CU_ASSERT_STRING_EQUAL(err.message, "t.csv:3: row has 2 fields, the header has 3");
    CU_ASSERT_EQUAL(cn_csv_check_width(csv, 3, &err), CN_ERR_FORMAT);
    CU_ASSERT_STRING_EQUAL(err.message, "t.csv:4: row has 4 fields, the header has 3");
    cn_csv_free(csv);
}

static void test_rejects(void)
{
    CU_ASSERT_TRUE(fails("", 0, "t.csv:1: empty file"));
    CU_ASSERT_TRUE(fails("\n\n", 2, "t.csv:3: empty file"));
    CU_ASSERT_TRUE(fails("a,b\n1,\"open\n2,3\n", 16, "t.csv:2: unterminated quoted field"));
    CU_ASSERT_TRUE(fails("a,b\n\"x\"y,1\n", 11, "t.csv:2: unexpected text after a closing quote"));
    CU_ASSERT_TRUE(fails("a,b\nx\"y,1\n", 10, "t.csv:2: quote inside an unquoted field"));
    CU_ASSERT_TRUE(fails("a,b\n1,2\n\0", 9, "t.csv:3: NUL byte"));
    CU_ASSERT_TRUE(fails("a,b\n1,\xff\n", 8, "t.csv:2: invalid UTF-8"));
}

static void test_numbers(void)
{
    cn_csv *csv = parse("h,a,b,c,d,e,f,g,i,j\nr, 3 ,-2.5,1e3,.5,0x10,inf,nan,,1.5.2\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    double v;
    cn_error err;
    CU_ASSERT_EQUAL(cn_csv_number(csv, 1, 1, &v, &err), CN_OK);
    CU_ASSERT_EQUAL(v, 3.0);
    CU_ASSERT_EQUAL(cn_csv_number(csv, 1, 2, &v, &err), CN_OK);
    CU_ASSERT_EQUAL(v, -2.5);
    CU_ASSERT_EQUAL(cn_csv_number(csv, 1, 3, &v, &err), CN_OK);
    CU_ASSERT_EQUAL(v, 1000.0);
    CU_ASSERT_EQUAL(cn_csv_number(csv, 1, 4, &v, &err), CN_OK);
    CU_ASSERT_EQUAL(v, 0.5);
    for (size_t c = 5; c <= 9; c++) {
        CU_ASSERT_EQUAL(cn_csv_number(csv, 1, c, &v, &err), CN_ERR_FORMAT);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "t.csv:2: column "));
    }
    CU_ASSERT_STRING_EQUAL(err.message, "t.csv:2: column 10 ('j'): '1.5.2' is not a number");
    CU_ASSERT_TRUE(cn_csv_is_blank(csv, 1, 8));
    CU_ASSERT_FALSE(cn_csv_is_blank(csv, 1, 1));
    cn_csv_free(csv);
}

static void test_counts(void)
{
    cn_csv *csv = parse("h,a,b,c,d,e\nr,7,7.0,-1,2.5,1e400\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    long n;
    cn_error err;
    CU_ASSERT_EQUAL(cn_csv_count(csv, 1, 1, &n, &err), CN_OK);
    CU_ASSERT_EQUAL(n, 7);
    CU_ASSERT_EQUAL(cn_csv_count(csv, 1, 2, &n, &err), CN_OK);
    CU_ASSERT_EQUAL(n, 7);
    CU_ASSERT_EQUAL(cn_csv_count(csv, 1, 3, &n, &err), CN_ERR_FORMAT);
    CU_ASSERT_EQUAL(cn_csv_count(csv, 1, 4, &n, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "'2.5' is not a count"));
    CU_ASSERT_EQUAL(cn_csv_count(csv, 1, 5, &n, &err), CN_ERR_FORMAT);
    cn_csv_free(csv);
}

static void test_read_file(void)
{
    cn_csv *csv;
    cn_error err;
    CU_ASSERT_EQUAL(cn_csv_read_file("tests/data/stats/agresti_party.csv", &csv, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_csv_rows(csv), 3);
    CU_ASSERT_STRING_EQUAL(cn_csv_name(csv), "tests/data/stats/agresti_party.csv");
    CU_ASSERT_STRING_EQUAL(cn_csv_field(csv, 2, 0), "Male");
    cn_csv_free(csv);
    CU_ASSERT_EQUAL(cn_csv_read_file("tests/data/stats/nope.csv", &csv, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NULL(csv);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "nope.csv"));
}

int main(void)
{
    static const tu_test tests[] = {
        {"quoting", test_quoting},
        {"line numbers", test_lines},
        {"ragged rows", test_ragged_rows_are_reported},
        {"rejects", test_rejects},
        {"numbers", test_numbers},
        {"counts", test_counts},
        {"read a file", test_read_file},
        {NULL, NULL},
    };
    return tu_run_suite("csv", tests);
}
