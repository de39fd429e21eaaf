/*
 * cn_page: the data model the corpus reader produces and everything
 * downstream reads: a page (one question rendering in one file), its answers
 * and each answer's physician.
 *
 * The structs are open on purpose: they are plain records every later stage
 * (classifier, aggregator, reports) reads field by field. A page owns all its
 * strings; cn_page_free releases everything.
 */
#ifndef CN_PAGE_H
#define CN_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Stable ids are 16 lowercase hex digits (the first 64 bits of a SHA-256). */
#define CN_ID_LEN 16

/* id as the 64-bit number its 16 lower-case hex digits spell, into *out:
 * false (nothing written) when id is anything else, so a caller keeps such
 * an id as text. */
bool cn_page_id_number(const char *id, uint64_t *out);

/* The id that number v spells (16 lower-case hex digits and a NUL): the
 * inverse of cn_page_id_number. */
void cn_page_id_text(uint64_t v, char out[CN_ID_LEN + 1]);

typedef enum cn_page_format {
    CN_FORMAT_STRUCTURED = 0, /* title, body, "Doctor Answers N", answers with signatures */
    CN_FORMAT_FLAT,           /* slogan line, then one answer a line */
    CN_FORMAT_JSONL,          /* scraper output, one page a line */
    CN_FORMAT_BARE            /* question, then answers, with no "Doctor Answers" line */
} cn_page_format;

/* "structured", "flat", "jsonl" or "bare". */
const char *cn_page_format_name(cn_page_format format);

typedef struct cn_physician {
    char *name;      /* "Edwin Ishoo, MD" with credentials; NULL when absent */
    char *city;      /* "Beverly Hills"; NULL when absent */
    char *specialty; /* "Facial Plastic Surgeon"; NULL when absent */
    double rating;   /* 0..5; meaningful only when has_rating */
    bool has_rating;
    long reviews; /* meaningful only when has_reviews */
    bool has_reviews;
} cn_physician;

typedef struct cn_answer {
    size_t index;     /* 1-based order of the answer in its file */
    char *title;      /* answer title line; NULL when the page has none */
    char *text;       /* the body, original wording, residue removed */
    char *match_text; /* the text as another rendering may show it (sign-offs
                         kept or cut); NULL when equal to text. Used by
                         de-duplication only, never reported. */
    cn_physician physician;
    bool excerpt;   /* flat line cut off with "..." */
    bool related;   /* a related-question excerpt: takes no stance on this question */
    bool truncated; /* cut off mid-answer (page ended early) */
    char answer_id[CN_ID_LEN + 1];    /* stable id from the normalized text */
    char duplicate_of[CN_ID_LEN + 1]; /* "" or the answer_id of an earlier equal answer */
} cn_answer;

typedef struct cn_page {
    char *path;  /* as given on the command line (never in reports) */
    char *file;  /* base name */
    size_t line; /* JSON Lines: 1-based line of this page; 0 otherwise */
    cn_page_format format;
    char *url;             /* JSON Lines only; NULL otherwise */
    char *question;        /* question title; NULL when unknown (flat pages) */
    char *body;            /* question body; NULL when absent */
    long declared_answers; /* "Doctor Answers N"; -1 when absent */
    cn_answer *answers;
    size_t n_answers;
    char question_id[CN_ID_LEN + 1]; /* set by de-duplication */
} cn_page;

/* Release a page and everything it owns. NULL is fine. */
void cn_page_free(cn_page *page);

#endif
