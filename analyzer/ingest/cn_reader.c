/* cn_reader: walk the paths, detect each file's shape, stream de-duplicated pages. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* DT_REG: a folder listing tells regular files apart */
#include "cn_reader.h"

#include "cn_sort.h"
#include "cn_dedup.h"
#include "cn_flat.h"
#include "cn_jsonl.h"
#include "cn_structured.h"
#include "cn_text.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

/* Folders nested deeper than this (a symlink loop, say) are not entered. */
#define MAX_DEPTH 64
/* Bytes looked at to tell JSON Lines from page text. */
#define SNIFF_BYTES 4096
/* Bytes of a JSON Lines file read at once. */
#define JL_BLOCK 65536
/* A page file's first read, and the most of a file buffer kept for the next. */
#define FILE_BUF_FIRST 65536
#define FILE_BUF_KEEP ((size_t)1 << 20)

typedef struct frame {
    char *dir;
    int fd;    /* the folder open, to open its files by name (-1: by path) */
    dev_t dev; /* identity of the folder, to notice symlink loops */
    ino_t ino;
    char **names; /* sorted entries, dot files left out; each name is
                   * preceded by one byte: 1 when the listing says it is a
                   * regular file (no stat needed), 0 when unknown */
    size_t n, pos;
} frame;

typedef struct skip {
    char *where;
    char *reason;
} skip;

struct cn_reader {
    const cn_pagecues *cues;
    size_t max_bytes;
    char **paths;
    size_t n_paths, next_path;
    /* The file next_file returned, when a folder listing named it a regular
     * file: opened as at_name in the folder open as at_fd (no walk of its
     * whole path in the kernel); at_fd -1 otherwise. */
    int at_fd;
    const char *at_name;
    frame *stack;
    size_t depth, cap_stack;
    /* The JSON Lines file being read, if any, through jl_buf: its lines are
     * found with memchr on whole blocks, not a byte at a time. */
    bool jl_open;
    int jl_fd;
    char *jl_buf;
    size_t jl_pos, jl_end; /* unread bytes of jl_buf */
    char *jl_path;
    size_t jl_line;   /* lines read so far */
    size_t jl_index;  /* index of the next answer in that file */
    size_t jl_offset; /* byte offset of the next line */
    char *line;
    size_t line_cap;
    /* The buffer a page file is read into, kept from one file to the next
     * (a malloc and free of 64 KiB a file otherwise); one that grew past
     * FILE_BUF_KEEP for a large file is let go after it. */
    char *file_buf;
    size_t file_cap;
    cn_dedup *dedup;
    bool failed; /* the index failed (out of memory, its scratch files): no more pages */
    skip *skips;
    size_t n_skips, cap_skips;
    size_t pages;
};

typedef enum next_kind { NEXT_FILE, NEXT_END, NEXT_ERROR } next_kind;

/* Record a rejected input and fill err with "where: reason". */
static int reject(cn_reader *r, cn_error *err, int code, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int reject(cn_reader *r, cn_error *err, int code, const char *where, const char *fmt, ...)
{
    char reason[CN_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (r->n_skips == r->cap_skips) {
        size_t cap = r->cap_skips ? r->cap_skips * 2 : 16;
        skip *v = realloc(r->skips, cap * sizeof *v);
        if (!v)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        r->skips = v;
        r->cap_skips = cap;
    }
    skip *s = &r->skips[r->n_skips];
    s->where = strdup(where);
    s->reason = strdup(reason);
    if (!s->where || !s->reason) {
        free(s->where);
        free(s->reason);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    r->n_skips++;
    return cn_error_set(err, code, "%s: %s", where, reason);
}

static char *join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    size_t w = a;
    if (a > 0 && dir[a - 1] != '/')
        p[w++] = '/';
    memcpy(p + w, name, b + 1);
    return p;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* An entry of a folder listing: its kind byte, then its name. */
static char *entry_of(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    char *s = malloc(n + 2);
    if (!s)
        return NULL;
#ifdef DT_REG
    s[0] = e->d_type == DT_REG;
#else
    s[0] = 0;
#endif
    memcpy(s + 1, e->d_name, n + 1);
    return s;
}

static void frame_free(frame *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->dir);
    if (f->fd >= 0)
        close(f->fd);
}

/* Enter a folder: list it, sorted by name. Takes ownership of dir. */
static int push_dir(cn_reader *r, char *dir, const struct stat *st, cn_error *err)
{
    for (size_t i = 0; i < r->depth; i++) {
        if (r->stack[i].dev == st->st_dev && r->stack[i].ino == st->st_ino) {
            int rc = reject(r, err, CN_ERR_IO, dir, "folder loop (the same folder as %s)",
                            r->stack[i].dir);
            free(dir);
            return rc;
        }
    }
    if (r->depth >= MAX_DEPTH) {
        int rc = reject(r, err, CN_ERR_IO, dir, "folders nested deeper than %d", MAX_DEPTH);
        free(dir);
        return rc;
    }
    DIR *d = opendir(dir);
    if (!d) {
        int rc = reject(r, err, CN_ERR_IO, dir, "cannot open folder: %s", strerror(errno));
        free(dir);
        return rc;
    }
    /* kept past closedir, for openat; without it files open by path */
    frame f = {.dir = dir,
               .fd = fcntl(dirfd(d), F_DUPFD_CLOEXEC, 0),
               .dev = st->st_dev,
               .ino = st->st_ino};
    size_t cap = 0;
    struct dirent *e;
    int rc = CN_OK;
    while (rc == CN_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (f.n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **v = realloc(f.names, ncap * sizeof *v);
            if (!v) {
                rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
                break;
            }
            f.names = v;
            cap = ncap;
        }
        if (!(f.names[f.n] = entry_of(e)))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        else
            f.n++;
    }
    closedir(d);
    if (rc == CN_OK && r->depth == r->cap_stack) {
        size_t ncap = r->cap_stack ? r->cap_stack * 2 : 8;
        frame *v = realloc(r->stack, ncap * sizeof *v);
        if (!v)
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        else {
            r->stack = v;
            r->cap_stack = ncap;
        }
    }
    if (rc) {
        frame_free(&f);
        return rc;
    }
    if (f.n > 1)
        cn_sort_stable(f.names, f.n, sizeof *f.names, name_cmp);
    r->stack[r->depth++] = f;
    return CN_OK;
}

/* Route one path: folders are entered, regular files returned. Takes
 * ownership of path. regular: the folder listing says it is a regular file
 * (not a link), so it needs no stat. */
static next_kind route(cn_reader *r, char *path, bool regular, char **file, int *rc, cn_error *err)
{
    if (regular) {
        *file = path;
        return NEXT_FILE;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        *rc = reject(r, err, CN_ERR_IO, path, "%s", strerror(errno));
        free(path);
        return NEXT_ERROR;
    }
    if (S_ISDIR(st.st_mode)) {
        *rc = push_dir(r, path, &st, err);
        return *rc ? NEXT_ERROR : NEXT_FILE;
    }
    if (!S_ISREG(st.st_mode)) {
        *rc = reject(r, err, CN_ERR_IO, path, "not a regular file");
        free(path);
        return NEXT_ERROR;
    }
    *file = path;
    return NEXT_FILE;
}

/* The next file to read, depth first in name order. */
static next_kind next_file(cn_reader *r, char **file, int *rc, cn_error *err)
{
    for (;;) {
        *file = NULL;
        r->at_fd = -1;
        char *path = NULL;
        bool regular = false;
        if (r->depth > 0) {
            frame *f = &r->stack[r->depth - 1];
            if (f->pos == f->n) {
                frame_free(f);
                r->depth--;
                continue;
            }
            const char *entry = f->names[f->pos++];
            regular = entry[0] == 1;
            path = join_path(f->dir, entry + 1);
            if (regular) {
                r->at_fd = f->fd;
                r->at_name = entry + 1;
            }
        } else if (r->next_path < r->n_paths) {
            path = strdup(r->paths[r->next_path++]);
        } else {
            return NEXT_END;
        }
        if (!path) {
            *rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            return NEXT_ERROR;
        }
        next_kind k = route(r, path, regular, file, rc, err);
        if (k == NEXT_ERROR || *file)
            return k;
    }
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static cn_page *new_page(const char *path, size_t line)
{
    cn_page *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->path = strdup(path);
    p->file = strdup(base_name(path));
    p->line = line;
    p->declared_answers = -1;
    if (!p->path || !p->file) {
        cn_page_free(p);
        return NULL;
    }
    return p;
}

/* Line number (1-based) of byte offset off in buf. */
static size_t line_of(const char *buf, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        line += buf[i] == '\n';
    return line;
}

/* Empty, binary and encoding checks of a whole file's bytes. */
/* Control bytes of buf[0..n): below 0x20 and not '\t' '\n' '\v' '\f' '\r'
 * (9-13). With SSE2, sixteen bytes a step, counted in byte lanes that are
 * summed before they can overflow (a file is read whole: every byte of the
 * corpus goes through here). */
static size_t count_controls(const char *buf, size_t n)
{
    size_t controls = 0, i = 0;
#ifdef __SSE2__
    const __m128i c1f = _mm_set1_epi8(0x1F), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
    while (i + 16 <= n) {
        __m128i lanes = _mm_setzero_si128();
        for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(buf + i));
            __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x); /* x < 0x20 */
            __m128i y = _mm_sub_epi8(x, nine);
            __m128i space = _mm_cmpeq_epi8(_mm_min_epu8(y, four), y);  /* 9 <= x <= 13 */
            lanes = _mm_sub_epi8(lanes, _mm_andnot_si128(space, low)); /* +1 a control */
        }
        __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        controls += (size_t)_mm_cvtsi128_si32(sums) +
                    (size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums));
    }
#endif
    for (; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        controls += (size_t)((c < 0x20) & ((unsigned)(c - 9) > 4u));
    }
    return controls;
}

static int check_bytes(cn_reader *r, const char *path, const char *buf, size_t n, cn_error *err)
{
    if (n == 0)
        return reject(r, err, CN_ERR_FORMAT, path, "empty file");
    const char *nul = memchr(buf, '\0', n);
    if (nul)
        return reject(r, err, CN_ERR_FORMAT, path, "binary file (NUL byte at offset %zu)",
                      (size_t)(nul - buf));
    size_t controls = count_controls(buf, n);
    if (controls * 100 > n)
        return reject(r, err, CN_ERR_FORMAT, path, "binary file (%zu control bytes)", controls);
    size_t bad;
    if (!cn_utf8_validate(buf, n, &bad))
        return reject(r, err, CN_ERR_ENCODING, path, "not valid UTF-8 (byte offset %zu, line %zu)",
                      bad, line_of(buf, bad));
    for (size_t i = 0; i < n; i++)
        if (!cn_text_is_space((unsigned char)buf[i]))
            return CN_OK;
    return reject(r, err, CN_ERR_FORMAT, path, "empty file (only white space)");
}

/* A file being read whole: its bytes so far. */
typedef struct filebuf {
    char *s;
    size_t n, cap;
} filebuf;

typedef enum read_status { READ_OK, READ_ERROR, READ_NOMEM, READ_TOO_BIG } read_status;

/* Read fd into b until it holds stop bytes or more, or the file ends (*eof);
 * READ_TOO_BIG once it holds more than limit. Big reads straight into the
 * buffer: a page costs two read calls, not a stream's five. */
static read_status read_until(int fd, filebuf *b, size_t stop, size_t limit, bool *eof)
{
    while (b->n < stop && !*eof) {
        if (b->cap - b->n - 1 == 0) {
            char *v = realloc(b->s, b->cap * 2);
            if (!v)
                return READ_NOMEM;
            b->s = v;
            b->cap *= 2;
        }
        ssize_t got = read(fd, b->s + b->n, b->cap - b->n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return READ_ERROR;
        *eof = got == 0;
        b->n += (size_t)got;
        if (b->n > limit)
            return READ_TOO_BIG;
    }
    return READ_OK;
}

/* The reader's file buffer is now b's (read_until may have moved or grown
 * it); NULL when it could not be had or grown (b.s NULL: READ_NOMEM). */
static void keep_file_buf(cn_reader *r, const filebuf *b)
{
    r->file_buf = b->s;
    r->file_cap = b->s ? b->cap : 0;
}

/* Parse a page's text by its shape. */
static int parse_text(cn_reader *r, const char *path, const char *text, size_t len, cn_page **out,
                      cn_error *err)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    int (*parse)(const cn_pagecues *, const char *, size_t, cn_page *, cn_error *) = NULL;
    size_t i = 0;
    while (i < len && cn_text_is_space((unsigned char)text[i]))
        i++;
    if (i < len && (text[i] == '[' || text[i] == '{'))
        return reject(r, err, CN_ERR_FORMAT, path,
                      text[i] == '[' ? "a JSON array, not JSON Lines (one page object a line)"
                                     : "JSON, but not JSON Lines (one page object a line)");
    if (cn_structured_detect(r->cues, text, len))
        parse = cn_structured_parse;
    else if (cn_flat_detect(text, len))
        parse = cn_flat_parse;
    else
        parse = cn_structured_parse; /* a bare page: question, then answers */
    cn_page *page = new_page(path, 0);
    if (!page)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    cn_error perr;
    cn_error_clear(&perr);
    int rc = parse(r->cues, text, len, page, &perr);
    if (rc == CN_OK && page->n_answers == 0)
        rc = cn_error_set(&perr, CN_ERR_FORMAT,
                          "no known page shape: no physician answers found (no 'Doctor Answers' "
                          "line, no answer paragraphs after a question)");
    bool indexed = false;
    if (rc == CN_OK) {
        rc = cn_dedup_assign(r->dedup, page, &perr);
        indexed = true;
    }
    if (rc) {
        cn_page_free(page);
        if (rc == CN_ERR_NOMEM || indexed) {
            r->failed = true;
            return cn_error_set(err, rc, "%s: %s", path, perr.message);
        }
        return reject(r, err, rc, path, "%s", perr.message);
    }
    *out = page;
    return CN_OK;
}

/* Stream the JSON Lines file open as fd from its start; takes fd and path. */
static int start_jsonl(cn_reader *r, int fd, char *path, cn_error *err)
{
    if (!r->jl_buf && !(r->jl_buf = malloc(JL_BLOCK))) {
        close(fd);
        free(path);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (lseek(fd, 0, SEEK_SET) != 0) {
        int rc = reject(r, err, CN_ERR_IO, path, "cannot open: %s", strerror(errno));
        close(fd);
        free(path);
        return rc;
    }
    r->jl_open = true;
    r->jl_fd = fd;
    r->jl_pos = r->jl_end = 0;
    r->jl_path = path;
    r->jl_line = r->jl_offset = 0;
    r->jl_index = 1;
    return CN_OK;
}

/* Open a file: JSON Lines start streaming, other files are read whole. */
static int open_file(cn_reader *r, char *path, cn_page **out, cn_error *err)
{
    int fd = r->at_fd >= 0 ? openat(r->at_fd, r->at_name, O_RDONLY | O_CLOEXEC)
                           : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int rc = reject(r, err, CN_ERR_IO, path, "cannot open: %s", strerror(errno));
        free(path);
        return rc;
    }
    if (!r->file_buf && (r->file_buf = malloc(FILE_BUF_FIRST)) != NULL)
        r->file_cap = FILE_BUF_FIRST;
    filebuf b = {.s = r->file_buf, .cap = r->file_cap};
    bool eof = false;
    /* the head tells JSON Lines (streamed, any size) from a page */
    read_status st = b.s ? read_until(fd, &b, SNIFF_BYTES, SIZE_MAX, &eof) : READ_NOMEM;
    size_t hn = b.n < SNIFF_BYTES ? b.n : SNIFF_BYTES;
    keep_file_buf(r, &b);
    if (st == READ_OK && hn > 0 && cn_jsonl_detect(b.s, hn) && !memchr(b.s, '\0', hn))
        return start_jsonl(r, fd, path, err);
    if (st == READ_OK)
        st = b.n > r->max_bytes ? READ_TOO_BIG : read_until(fd, &b, SIZE_MAX, r->max_bytes, &eof);
    keep_file_buf(r, &b);
    close(fd);
    int rc;
    if (st == READ_TOO_BIG)
        rc = reject(r, err, CN_ERR_FORMAT, path, "too large (over %zu bytes)", r->max_bytes);
    else if (st != READ_OK)
        rc = reject(r, err, CN_ERR_IO, path, "read error");
    else {
        b.s[b.n] = '\0';
        if ((rc = check_bytes(r, path, b.s, b.n, err)) == CN_OK)
            rc = parse_text(r, path, b.s, b.n, out, err);
    }
    if (r->file_cap > FILE_BUF_KEEP) {
        free(r->file_buf);
        r->file_buf = NULL;
        r->file_cap = 0;
    }
    free(path);
    return rc;
}

static void close_jsonl(cn_reader *r)
{
    if (r->jl_open)
        close(r->jl_fd);
    free(r->jl_path);
    r->jl_open = false;
    r->jl_path = NULL;
}

/* Append src[0..n) to the line being read (n bytes so far), keeping at most
 * r->max_bytes (*too_long when some were left out); false when out of memory. */
static bool line_add(cn_reader *r, size_t *n, const char *src, size_t take, bool *too_long)
{
    size_t keep = *n < r->max_bytes ? r->max_bytes - *n : 0;
    if (take > keep)
        *too_long = true;
    else
        keep = take;
    if (keep == 0)
        return true;
    while (*n + keep + 1 > r->line_cap) {
        size_t cap = r->line_cap ? r->line_cap * 2 : 4096;
        char *v = realloc(r->line, cap);
        if (!v)
            return false;
        r->line = v;
        r->line_cap = cap;
    }
    memcpy(r->line + *n, src, keep);
    *n += keep;
    return true;
}

/* Fill jl_buf when it is used up; 1 bytes there, 0 at the file's end, -1 on
 * a read error. */
static int jl_fill(cn_reader *r)
{
    if (r->jl_pos < r->jl_end)
        return 1;
    for (;;) {
        ssize_t got = read(r->jl_fd, r->jl_buf, JL_BLOCK);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return got == 0 ? 0 : -1;
        r->jl_pos = 0;
        r->jl_end = (size_t)got;
        return 1;
    }
}

/* One line of the JSON Lines file into r->line; false at the end. Lines over
 * the limit are read to their end but not kept (*too_long). */
static bool read_line(cn_reader *r, size_t *len, bool *too_long, bool *failed)
{
    size_t n = 0;
    bool any = false;
    *too_long = *failed = false;
    int st;
    while ((st = jl_fill(r)) == 1) {
        any = true;
        const char *s = r->jl_buf + r->jl_pos;
        size_t avail = r->jl_end - r->jl_pos;
        const char *nl = memchr(s, '\n', avail);
        size_t take = nl ? (size_t)(nl - s) : avail;
        r->jl_pos += take + (nl != NULL);
        r->jl_offset += take + (nl != NULL);
        if (!line_add(r, &n, s, take, too_long)) {
            *failed = true;
            return false;
        }
        if (nl)
            break;
    }
    if (st < 0) {
        *failed = true;
        return false;
    }
    if (!any)
        return false;
    if (n > 0 && r->line[n - 1] == '\r')
        n--;
    *len = n;
    return true;
}

/* The next page of the open JSON Lines file; *out NULL at its end. */
static int next_jsonl(cn_reader *r, cn_page **out, cn_error *err)
{
    for (;;) {
        size_t start = r->jl_offset, len = 0;
        bool too_long, failed;
        if (!read_line(r, &len, &too_long, &failed)) {
            int rc = CN_OK;
            if (failed)
                rc = reject(r, err, CN_ERR_IO, r->jl_path, "read error after line %zu", r->jl_line);
            close_jsonl(r);
            return rc;
        }
        r->jl_line++;
        char where[4200];
        snprintf(where, sizeof where, "%s:%zu", r->jl_path, r->jl_line);
        if (too_long)
            return reject(r, err, CN_ERR_FORMAT, where, "line longer than %zu bytes", r->max_bytes);
        const char *s = r->line ? r->line : "";
        if (r->jl_line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, len -= 3, start += 3;
        size_t k = 0;
        while (k < len && cn_text_is_space((unsigned char)s[k]))
            k++;
        if (k == len)
            continue;
        const char *nul = memchr(s, '\0', len);
        if (nul)
            return reject(r, err, CN_ERR_FORMAT, where, "NUL byte at byte offset %zu",
                          start + (size_t)(nul - s));
        size_t bad;
        if (!cn_utf8_validate(s, len, &bad))
            return reject(r, err, CN_ERR_ENCODING, where, "not valid UTF-8 (byte offset %zu)",
                          start + bad);
        cn_page *page = new_page(r->jl_path, r->jl_line);
        if (!page)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        cn_error perr;
        cn_error_clear(&perr);
        int rc = cn_jsonl_parse_line(r->cues, s, len, r->jl_index, page, &perr);
        bool indexed = false;
        if (rc == CN_OK) {
            rc = cn_dedup_assign(r->dedup, page, &perr);
            indexed = true;
        }
        if (rc) {
            cn_page_free(page);
            if (rc == CN_ERR_NOMEM || indexed) {
                r->failed = true;
                return cn_error_set(err, rc, "%s: %s", where, perr.message);
            }
            return reject(r, err, rc, where, "%s", perr.message);
        }
        r->jl_index += page->n_answers;
        *out = page;
        return CN_OK;
    }
}

void cn_reader_set_scratch_dir(cn_reader *r, const char *dir)
{
    cn_dedup_set_spill_dir(r->dedup, dir);
}

bool cn_reader_failed(const cn_reader *r)
{
    return r->failed;
}

int cn_reader_next(cn_reader *r, cn_page **out, cn_error *err)
{
    *out = NULL;
    if (r->failed)
        return cn_error_set(err, CN_ERR_IO, "reading stopped after an earlier error");
    for (;;) {
        if (r->jl_open) {
            int rc = next_jsonl(r, out, err);
            if (rc || *out) {
                r->pages += *out != NULL;
                return rc;
            }
            continue;
        }
        char *file;
        int rc = CN_OK;
        next_kind k = next_file(r, &file, &rc, err);
        if (k == NEXT_END)
            return CN_OK;
        if (k == NEXT_ERROR)
            return rc;
        rc = open_file(r, file, out, err);
        if (rc || *out) {
            r->pages += *out != NULL;
            return rc;
        }
    }
}

int cn_reader_new(const char *const *paths, size_t n_paths, const cn_pagecues *cues,
                  cn_reader **out, cn_error *err)
{
    *out = NULL;
    for (size_t i = 0; i < n_paths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            return cn_error_set(err, CN_ERR_USAGE, "%s: %s", paths[i], strerror(errno));
    }
    cn_reader *r = calloc(1, sizeof *r);
    if (!r)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    r->cues = cues;
    r->at_fd = -1;
    const cn_pagecues_limits *lim = cn_pagecues_get_limits(cues);
    r->max_bytes = lim->max_page_bytes;
    r->paths = calloc(n_paths ? n_paths : 1, sizeof *r->paths);
    int rc = r->paths ? CN_OK : CN_ERR_NOMEM;
    for (size_t i = 0; rc == CN_OK && i < n_paths; i++) {
        if (!(r->paths[i] = strdup(paths[i])))
            rc = CN_ERR_NOMEM;
        else
            r->n_paths++;
    }
    cn_dedup_options opt = {lim->dedup_min_key, lim->excerpt_min_key, lim->excerpt_prefix_max,
                            lim->dedup_memory_bytes, NULL};
    if (rc == CN_OK)
        rc = cn_dedup_new(&opt, &r->dedup, err);
    if (rc) {
        cn_reader_free(r);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    *out = r;
    return CN_OK;
}

void cn_reader_free(cn_reader *r)
{
    if (!r)
        return;
    close_jsonl(r);
    while (r->depth > 0)
        frame_free(&r->stack[--r->depth]);
    free(r->stack);
    for (size_t i = 0; i < r->n_paths; i++)
        free(r->paths[i]);
    free(r->paths);
    for (size_t i = 0; i < r->n_skips; i++) {
        free(r->skips[i].where);
        free(r->skips[i].reason);
    }
    free(r->skips);
    free(r->line);
    free(r->jl_buf);
    free(r->file_buf);
    cn_dedup_free(r->dedup);
    free(r);
}

size_t cn_reader_skipped_count(const cn_reader *r)
{
    return r->n_skips;
}

const char *cn_reader_skipped_where(const cn_reader *r, size_t i)
{
    return i < r->n_skips ? r->skips[i].where : NULL;
}

const char *cn_reader_skipped_reason(const cn_reader *r, size_t i)
{
    return i < r->n_skips ? r->skips[i].reason : NULL;
}

size_t cn_reader_pages(const cn_reader *r)
{
    return r->pages;
}

size_t cn_reader_distinct_answers(const cn_reader *r)
{
    return cn_dedup_count(r->dedup);
}

size_t cn_reader_index_bytes(const cn_reader *r)
{
    return cn_dedup_bytes(r->dedup);
}

bool cn_reader_index_spilled(const cn_reader *r)
{
    return cn_dedup_spilled(r->dedup);
}
