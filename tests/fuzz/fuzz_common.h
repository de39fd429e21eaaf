/*
 * fuzz_common: what the libFuzzer targets share: the shipped rules folder and
 * its page cues (loaded once a process), the checks the corpus reader makes on
 * a page's bytes before a parser sees them, exact-size copies of the input (so
 * AddressSanitizer catches any read past its end), scratch files for readers
 * that only take a path, and the per-page work the reader does after parsing
 * (de-duplication, the `parse` JSON line of every answer).
 */
#ifndef CN_FUZZ_COMMON_H
#define CN_FUZZ_COMMON_H

#include "consensus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Stop the process on a broken harness (a missing rules folder, a full disk):
 * that is no finding of the library, and must not pass for a clean run. */
static inline void fuzz_die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz harness: %s: %s\n", what, detail ? detail : "");
    abort();
}

/* The rules folder: $CN_FUZZ_RULES, else the source tree's rules/. */
static inline const char *fuzz_rules_dir(void)
{
    const char *dir = getenv("CN_FUZZ_RULES");
    return dir && *dir ? dir : CN_FUZZ_SOURCE_DIR "/rules";
}

/* The shipped page cues, loaded on first use and kept for the process. */
static inline const cn_pagecues *fuzz_cues(void)
{
    static cn_pagecues *cues;
    if (!cues) {
        cn_error err;
        cn_error_clear(&err);
        if (cn_pagecues_load(fuzz_rules_dir(), &cues, &err) != CN_OK)
            fuzz_die("cannot load page cues", err.message);
    }
    return cues;
}

/* A malloc'd copy of data[0..size) with no byte after it (one byte for an
 * empty input, so the pointer is never NULL). */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
    char *s = malloc(size ? size : 1);
    if (!s)
        fuzz_die("out of memory", NULL);
    if (size)
        memcpy(s, data, size);
    return s;
}

/* The same, NUL-terminated, for calls that take a C string. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        fuzz_die("out of memory", NULL);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* The corpus reader's checks on a page file before it picks a parser: not
 * empty, no NUL byte, valid UTF-8 (the parsers' precondition). */
static inline int fuzz_page_bytes_ok(const uint8_t *data, size_t size)
{
    size_t bad;
    return size > 0 && !memchr(data, '\0', size) &&
           cn_utf8_validate((const char *)data, size, &bad);
}

/* The reader's byte-order-mark skip before shape detection. */
static inline void fuzz_skip_bom(const char **text, size_t *len)
{
    if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0)
        *text += 3, *len -= 3;
}

/* A new empty page named as the reader names one. */
static inline cn_page *fuzz_new_page(const char *path, size_t line)
{
    cn_page *p = calloc(1, sizeof *p);
    if (!p)
        fuzz_die("out of memory", NULL);
    const char *slash = strrchr(path, '/');
    p->path = strdup(path);
    p->file = strdup(slash ? slash + 1 : path);
    p->line = line;
    p->declared_answers = -1;
    if (!p->path || !p->file)
        fuzz_die("out of memory", NULL);
    return p;
}

/* What the reader does with a parsed page: de-duplicate it in a fresh index
 * (as the first page of a corpus), then print every answer's JSON line. */
static inline void fuzz_finish_page(cn_page *page)
{
    const cn_pagecues_limits *lim = cn_pagecues_get_limits(fuzz_cues());
    cn_dedup_options opt = {lim->dedup_min_key, lim->excerpt_min_key, lim->excerpt_prefix_max,
                            lim->dedup_memory_bytes, NULL};
    cn_dedup *dedup = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_dedup_new(&opt, &dedup, &err) != CN_OK)
        fuzz_die("cn_dedup_new", err.message);
    if (cn_dedup_assign(dedup, page, &err) == CN_OK)
        for (size_t i = 0; i < page->n_answers; i++)
            cJSON_free(cn_answer_json_line(page, i));
    cn_dedup_free(dedup);
}

/* A private scratch folder under $TMPDIR (else /tmp), made once a process and
 * removed at exit together with the files registered in it. */
/* The page shapes the corpus reader tells apart, as cn_reader does: one
 * target each. */
typedef enum fuzz_shape { FUZZ_STRUCTURED, FUZZ_FLAT, FUZZ_BARE } fuzz_shape;

static inline bool fuzz_is_shape(fuzz_shape shape, const char *text, size_t len)
{
    bool structured = cn_structured_detect(fuzz_cues(), text, len);
    if (shape == FUZZ_STRUCTURED)
        return structured;
    bool flat = !structured && cn_flat_detect(text, len);
    return shape == FUZZ_FLAT ? flat : !structured && !flat;
}

/* One input read as a page of one shape, the way the corpus reader would:
 * inputs of another shape are rejected (-1) so the corpus keeps to the
 * target's parser. */
static inline int fuzz_page_of_shape(const uint8_t *data, size_t size, fuzz_shape shape,
                                     const char *name)
{
    if (!fuzz_page_bytes_ok(data, size))
        return -1;
    char *buf = fuzz_copy(data, size);
    const char *text = buf;
    size_t len = size;
    fuzz_skip_bom(&text, &len);
    if (!fuzz_is_shape(shape, text, len)) {
        free(buf);
        return -1;
    }
    cn_page *page = fuzz_new_page(name, 0);
    cn_error err;
    cn_error_clear(&err);
    int rc = shape == FUZZ_FLAT ? cn_flat_parse(fuzz_cues(), text, len, page, &err)
                                : cn_structured_parse(fuzz_cues(), text, len, page, &err);
    if (rc == CN_OK && page->n_answers > 0)
        fuzz_finish_page(page);
    cn_page_free(page);
    free(buf);
    return 0;
}

/* One overrides file (its form told by the name's extension, as the CLI
 * does): every override it holds is found again by its answer id. */
static inline int fuzz_overrides(const uint8_t *data, size_t size, const char *name)
{
    char *text = fuzz_copy(data, size);
    cn_overrides *ov = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_overrides_parse(text, size, name, &ov, &err) == CN_OK) {
        for (size_t i = 0; i < cn_overrides_count(ov); i++) {
            const cn_override *o = cn_overrides_at(ov, i);
            if (cn_overrides_find(ov, o->answer_id) != (long)i)
                fuzz_die("an override is not found by its answer_id", o->answer_id);
        }
        (void)cn_overrides_find(ov, "0000000000000000");
    }
    cn_overrides_free(ov);
    free(text);
    return 0;
}

#define FUZZ_MAX_SCRATCH 8
static char fuzz_scratch_dir[4096];
static char *fuzz_scratch_files[FUZZ_MAX_SCRATCH];
static size_t fuzz_n_scratch;

static inline void fuzz_scratch_cleanup(void)
{
    for (size_t i = 0; i < fuzz_n_scratch; i++) {
        unlink(fuzz_scratch_files[i]);
        free(fuzz_scratch_files[i]);
    }
    fuzz_n_scratch = 0;
    if (fuzz_scratch_dir[0])
        rmdir(fuzz_scratch_dir);
    fuzz_scratch_dir[0] = '\0';
}

static inline const char *fuzz_scratch(void)
{
    if (!fuzz_scratch_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_scratch_dir, sizeof fuzz_scratch_dir, "%s/cn-fuzz-XXXXXX",
                 tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(fuzz_scratch_dir))
            fuzz_die("mkdtemp", fuzz_scratch_dir);
        atexit(fuzz_scratch_cleanup);
    }
    return fuzz_scratch_dir;
}

/* The path of scratch file `name` (registered for removal at exit). */
static inline const char *fuzz_scratch_file(const char *name)
{
    if (fuzz_n_scratch == FUZZ_MAX_SCRATCH)
        fuzz_die("too many scratch files", name);
    const char *dir = fuzz_scratch();
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    if (!path)
        fuzz_die("out of memory", NULL);
    sprintf(path, "%s/%s", dir, name);
    fuzz_scratch_files[fuzz_n_scratch++] = path;
    return path;
}

/* (Re)write path with data[0..size). */
static inline void fuzz_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        fuzz_die("cannot write scratch file", path);
}

/* Copy a file of the rules folder into the scratch folder. */
static inline void fuzz_copy_rule_file(const char *name)
{
    char src[4096];
    snprintf(src, sizeof src, "%s/%s", fuzz_rules_dir(), name);
    char *data = NULL;
    size_t len = 0;
    cn_error err;
    cn_error_clear(&err);
    if (cn_file_read(src, CN_ERR_IO, &data, &len, &err) != CN_OK)
        fuzz_die("cannot read", err.message);
    fuzz_write(fuzz_scratch_file(name), data, len);
    free(data);
}

#endif
