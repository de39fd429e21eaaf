/* cn_spill: pages and annotations in an unlinked temporary file, read back on demand. */
#include "cn_spill.h"

#include "cn_fdio.h"
#include "cn_grow.h"
#include "cn_scratch.h"
#include "cn_spill_codec.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A page's record in the file: the ids de-duplication set, then the page and
 * its annotation as cn_spill_codec's bytes:
 *   u32 n_answers | question_id | n x (answer_id, duplicate_of) | codec bytes
 * each id CN_ID_LEN + 1 bytes, NUL-padded. */
#define ID_BYTES (CN_ID_LEN + 1)

/* A page is its length in the file (len: 4 bytes, the writer's, which its
 * readers share) and its slot among the loaded pages (slot: a byte of each
 * reader's own; NO_SLOT: not loaded, or loaded at FAR_SLOT or later, found
 * by a scan of the slots). Where it starts follows from the lengths before
 * it (page_offset), from a checkpoint every OFFSET_STEP pages. */
#define OFFSET_STEP 16
#define NO_SLOT UINT8_MAX
#define FAR_SLOT (NO_SLOT - 1)

typedef struct loaded {
    size_t p;
    cn_page *page;
    cn_page_annotation *annotation;
} loaded;

struct cn_spill {
    FILE *f;
    char *dir; /* for messages */
    cn_spill_codec *codec;
    cn_spill_bytes line;
    uint32_t *len; /* a reader's: the writer's (no page is put once there are readers) */
    uint8_t *slot;
    size_t n, cap, cap_slot;
    uint64_t *step_offset; /* page k * OFFSET_STEP -> where it starts; a reader's: the writer's */
    size_t cap_steps;
    uint64_t end;
    bool dirty; /* written since the last flush */
    loaded *slots;
    size_t n_slots, cap_slots;
    char *buf; /* a line read back */
    size_t buf_cap;
    bool reader; /* a cn_spill_reader_new copy: f and codec are the writer's */
};

int cn_spill_new(const char *dir, const cn_rules *rules, cn_spill **out, cn_error *err)
{
    *out = NULL;
    dir = cn_scratch_dir(dir);
    cn_spill *s = calloc(1, sizeof *s);
    if (!s || !(s->dir = strdup(dir)) || !(s->codec = cn_spill_codec_new(rules))) {
        cn_spill_free(s);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    int rc = cn_scratch_open(dir, "consensus-pages", &s->f, err);
    if (rc != CN_OK) {
        cn_spill_free(s);
        return rc;
    }
    *out = s;
    return CN_OK;
}

void cn_spill_free(cn_spill *s)
{
    if (!s)
        return;
    cn_spill_release(s);
    if (s->f && !s->reader)
        fclose(s->f);
    if (!s->reader)
        cn_spill_codec_free(s->codec);
    free(s->line.s);
    if (!s->reader) {
        free(s->len);
        free(s->step_offset);
    }
    free(s->slot);
    free(s->slots);
    free(s->buf);
    free(s->dir);
    free(s);
}

static int write_error(const cn_spill *s, int e, cn_error *err)
{
    return cn_error_set(err, CN_ERR_IO, "cannot write the temporary file in %s: %s", s->dir,
                        strerror(e ? e : EIO));
}

/* The ids of page into s->buf; their length. */
static size_t put_ids(cn_spill *s, const cn_page *page)
{
    uint32_t n = (uint32_t)page->n_answers;
    size_t len = sizeof n + ID_BYTES * (1 + 2 * (size_t)n);
    memcpy(s->buf, &n, sizeof n);
    char *at = s->buf + sizeof n;
    memcpy(at, page->question_id, ID_BYTES);
    for (size_t i = 0; i < n; i++) {
        memcpy(at + ID_BYTES * (1 + 2 * i), page->answers[i].answer_id, ID_BYTES);
        memcpy(at + ID_BYTES * (2 + 2 * i), page->answers[i].duplicate_of, ID_BYTES);
    }
    return len;
}

int cn_spill_put(cn_spill *s, const cn_page *page, const cn_page_annotation *annotation,
                 cn_error *err)
{
    if (s->reader)
        return cn_error_set(err, CN_ERR_USAGE, "spill: a reader cannot put pages");
    if (!cn_grow((void **)&s->len, &s->cap, s->n + 1, sizeof *s->len) ||
        !cn_grow((void **)&s->slot, &s->cap_slot, s->n + 1, sizeof *s->slot) ||
        !cn_grow((void **)&s->step_offset, &s->cap_steps, s->n / OFFSET_STEP + 1,
                 sizeof *s->step_offset) ||
        page->n_answers >= UINT32_MAX / 64 ||
        !cn_grow((void **)&s->buf, &s->buf_cap,
                 sizeof(uint32_t) + ID_BYTES * (1 + 2 * page->n_answers), 1))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    s->line.len = 0;
    s->line.failed = false;
    int rc = cn_spill_codec_encode(s->codec, page, annotation, &s->line, err);
    if (rc != CN_OK)
        return rc;
    size_t ids = put_ids(s, page);
    if (s->line.len + ids > UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "%s: a page of more than 4 GB",
                            page->file ? page->file : "?");
    errno = 0;
    if (fwrite(s->buf, 1, ids, s->f) != ids ||
        fwrite(s->line.s, 1, s->line.len, s->f) != s->line.len)
        return write_error(s, errno, err);
    if (s->n % OFFSET_STEP == 0)
        s->step_offset[s->n / OFFSET_STEP] = s->end;
    s->slot[s->n] = NO_SLOT;
    s->len[s->n++] = (uint32_t)(ids + s->line.len);
    s->end += ids + s->line.len;
    s->dirty = true;
    return CN_OK;
}

int cn_spill_flush(cn_spill *s, cn_error *err)
{
    if (s->dirty) {
        errno = 0;
        if (fflush(s->f) != 0)
            return write_error(s, errno, err);
        s->dirty = false;
    }
    return CN_OK;
}

int cn_spill_reader_new(const cn_spill *s, cn_spill **out, cn_error *err)
{
    *out = NULL;
    if (s->dirty || s->reader)
        return cn_error_set(err, CN_ERR_USAGE, "spill: a reader of an unflushed spill or a reader");
    cn_spill *c = calloc(1, sizeof *c);
    if (!c || !(c->dir = strdup(s->dir)) || !(c->slot = malloc(s->n + 1))) {
        if (c)
            free(c->dir);
        free(c);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    c->reader = true;
    c->f = s->f;
    c->codec = s->codec;
    c->len = s->len;
    c->step_offset = s->step_offset;
    c->n = c->cap = c->cap_slot = s->n;
    c->end = s->end;
    memset(c->slot, NO_SLOT, s->n + 1);
    *out = c;
    return CN_OK;
}

size_t cn_spill_count(const cn_spill *s)
{
    return s->n;
}

/* Where page p starts in the file. */
static uint64_t page_offset(const cn_spill *s, size_t p)
{
    uint64_t at = s->step_offset[p / OFFSET_STEP];
    for (size_t k = p - p % OFFSET_STEP; k < p; k++)
        at += s->len[k];
    return at;
}

/* The bytes of page p into s->buf. */
static int read_line(cn_spill *s, size_t p, cn_error *err)
{
    size_t len = s->len[p];
    uint64_t offset = page_offset(s, p);
    int rc = cn_spill_flush(s, err);
    if (rc != CN_OK)
        return rc;
    if (!cn_grow((void **)&s->buf, &s->buf_cap, (size_t)len + 1, 1))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    ssize_t got = cn_fdio_pread(fileno(s->f), s->buf, len, (off_t)offset);
    if (got != (ssize_t)len)
        return cn_error_set(err, CN_ERR_IO, "cannot read the temporary file in %s: %s", s->dir,
                            got < 0 ? strerror(errno) : "it ends early");
    s->buf[len] = '\0';
    return CN_OK;
}

int cn_spill_load(cn_spill *s, size_t p, cn_error *err)
{
    if (p >= s->n)
        return cn_error_set(err, CN_ERR_USAGE, "spill: no page %zu", p);
    if (cn_spill_page(s, p))
        return CN_OK;
    if (s->n_slots >= INT32_MAX ||
        !cn_grow((void **)&s->slots, &s->cap_slots, s->n_slots + 1, sizeof *s->slots))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    int rc = read_line(s, p, err);
    size_t len = s->len[p];
    uint32_t n = 0;
    size_t ids = 0;
    if (rc == CN_OK && len >= sizeof n) {
        memcpy(&n, s->buf, sizeof n);
        ids = sizeof n + ID_BYTES * (1 + 2 * (size_t)n);
    }
    cn_page *page = NULL;
    cn_page_annotation *annotation = NULL;
    if (rc == CN_OK && (ids == 0 || ids > len))
        rc = cn_error_set(err, CN_ERR_FORMAT, "temporary page file: page %zu is damaged", p);
    if (rc == CN_OK)
        rc = cn_spill_codec_decode(s->codec, s->buf + ids, len - ids, &page, &annotation, err);
    if (rc == CN_OK && page->n_answers != n) {
        cn_page_annotation_free(annotation);
        cn_page_free(page);
        rc = cn_error_set(err, CN_ERR_FORMAT, "temporary page file: page %zu is damaged", p);
    }
    if (rc != CN_OK)
        return rc;
    const char *at = s->buf + sizeof n;
    memcpy(page->question_id, at, ID_BYTES);
    for (size_t i = 0; i < n; i++) {
        memcpy(page->answers[i].answer_id, at + ID_BYTES * (1 + 2 * i), ID_BYTES);
        memcpy(page->answers[i].duplicate_of, at + ID_BYTES * (2 + 2 * i), ID_BYTES);
    }
    s->slots[s->n_slots] = (loaded){.p = p, .page = page, .annotation = annotation};
    s->slot[p] = s->n_slots < FAR_SLOT ? (uint8_t)s->n_slots : NO_SLOT;
    s->n_slots++;
    return CN_OK;
}

void cn_spill_release(cn_spill *s)
{
    for (size_t i = 0; i < s->n_slots; i++) {
        s->slot[s->slots[i].p] = NO_SLOT;
        cn_page_annotation_free(s->slots[i].annotation);
        cn_page_free(s->slots[i].page);
    }
    s->n_slots = 0;
}

size_t cn_spill_loaded(const cn_spill *s)
{
    return s->n_slots;
}

/* Page p's loaded slot, or NULL. */
static const loaded *loaded_of(const cn_spill *s, size_t p)
{
    if (p >= s->n)
        return NULL;
    if (s->slot[p] != NO_SLOT)
        return &s->slots[s->slot[p]];
    for (size_t i = FAR_SLOT; i < s->n_slots; i++) /* loaded far: few callers load so many */
        if (s->slots[i].p == p)
            return &s->slots[i];
    return NULL;
}

const cn_page *cn_spill_page(const cn_spill *s, size_t p)
{
    const loaded *l = loaded_of(s, p);
    return l ? l->page : NULL;
}

const cn_page_annotation *cn_spill_annotation(const cn_spill *s, size_t p)
{
    const loaded *l = loaded_of(s, p);
    return l ? l->annotation : NULL;
}
