/*
 * cn_sort: the stable sort and the heap sort (see cn_sort.h). The stable
 * one sorts runs of up to RUN items by insertion, then merges them bottom-up
 * through one buffer the size of the input, so it is O(n log n) with one
 * allocation; the heap sort needs no buffer at all.
 */
#include "cn_sort.h"

#include <stdlib.h>
#include <string.h>

enum { RUN = 16 };

/* Insertion sort of a[lo, hi): stable, since an item moves left only past
 * strictly greater ones. tmp holds one item. */
static void insertion(char *a, size_t lo, size_t hi, size_t size, char *tmp,
                      int (*cmp)(const void *, const void *))
{
    for (size_t i = lo + 1; i < hi; i++) {
        size_t j = i;
        if (cmp(a + (j - 1) * size, a + i * size) <= 0)
            continue;
        memcpy(tmp, a + i * size, size);
        while (j > lo && cmp(a + (j - 1) * size, tmp) > 0) {
            memcpy(a + j * size, a + (j - 1) * size, size);
            j--;
        }
        memcpy(a + j * size, tmp, size);
    }
}

/* Merge src[lo, mid) and src[mid, hi) into dst[lo, hi); on a tie the left
 * run's item goes first, which keeps the sort stable. */
static void merge(const char *src, char *dst, size_t lo, size_t mid, size_t hi, size_t size,
                  int (*cmp)(const void *, const void *))
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        if (cmp(src + j * size, src + i * size) < 0)
            memcpy(dst + k++ * size, src + j++ * size, size);
        else
            memcpy(dst + k++ * size, src + i++ * size, size);
    }
    if (i < mid)
        memcpy(dst + k * size, src + i * size, (mid - i) * size);
    else if (j < hi)
        memcpy(dst + k * size, src + j * size, (hi - j) * size);
}

void cn_sort_stable(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n < 2 || size == 0)
        return;
    char one[64];
    char *tmp = size <= sizeof one ? one : malloc(size);
    char *a = base;
    char *buf = n > RUN && n <= (size_t)-1 / size ? malloc(n * size) : NULL;
    if (!tmp) {
        /* No room even for one item: a stable exchange sort needs none. */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && cmp(a + (j - 1) * size, a + j * size) > 0; j--)
                for (size_t b = 0; b < size; b++) {
                    char c = a[(j - 1) * size + b];
                    a[(j - 1) * size + b] = a[j * size + b];
                    a[j * size + b] = c;
                }
        free(buf);
        return;
    }
    if (!buf) {
        insertion(a, 0, n, size, tmp, cmp);
        if (tmp != one)
            free(tmp);
        return;
    }
    for (size_t lo = 0; lo < n; lo += RUN)
        insertion(a, lo, lo + RUN < n ? lo + RUN : n, size, tmp, cmp);
    char *src = a, *dst = buf;
    for (size_t width = RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(src, dst, lo, mid, hi, size, cmp);
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * size);
    free(buf);
    if (tmp != one)
        free(tmp);
}

typedef struct text_id {
    const char *text;
    size_t id;
} text_id;

static int by_text(const void *a, const void *b)
{
    return strcmp(((const text_id *)a)->text, ((const text_id *)b)->text);
}

bool cn_sort_by_text(size_t *ids, size_t n, char *const *texts)
{
    text_id *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < n; i++)
        v[i] = (text_id){texts[ids[i]], ids[i]};
    cn_sort_stable(v, n, sizeof *v, by_text);
    for (size_t i = 0; i < n; i++)
        ids[i] = v[i].id;
    free(v);
    return true;
}

/* Swap two items of size bytes, a word at a time where it can. */
static void swap_items(char *a, char *b, size_t size)
{
    size_t i = 0;
    for (; i + sizeof(size_t) <= size; i += sizeof(size_t)) {
        size_t t;
        memcpy(&t, a + i, sizeof t);
        memcpy(a + i, b + i, sizeof t);
        memcpy(b + i, &t, sizeof t);
    }
    for (; i < size; i++) {
        char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

/* Move item i down the heap base[0, n) (largest on top) to its place. */
static void sift_down(char *base, size_t i, size_t n, size_t size,
                      int (*cmp)(const void *, const void *, void *), void *ctx)
{
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            return;
        if (c + 1 < n && cmp(base + c * size, base + (c + 1) * size, ctx) < 0)
            c++;
        if (cmp(base + i * size, base + c * size, ctx) >= 0)
            return;
        swap_items(base + i * size, base + c * size, size);
        i = c;
    }
}

void cn_sort_heap(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
                  void *ctx)
{
    char *a = base;
    for (size_t k = n / 2; k-- > 0;)
        sift_down(a, k, n, size, cmp, ctx);
    for (size_t end = n; end > 1; end--) {
        swap_items(a, a + (end - 1) * size, size);
        sift_down(a, 0, end - 1, size, cmp, ctx);
    }
}
