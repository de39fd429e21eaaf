/*
 * cn_taxonomy: the specialty taxonomy (rules/specialties.txt) and the one job
 * it exists for: splitting a signature's "City Specialty" line by the longest
 * known specialty suffix, so "Beverly Hills Facial Plastic Surgeon" is city
 * "Beverly Hills", specialty "Facial Plastic Surgeon" and "Panama City" stays
 * whole. Aliases ("Oral & Maxillofacial Surgeon") report their canonical name.
 */
#ifndef CN_TAXONOMY_H
#define CN_TAXONOMY_H

#include "cn_error.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_taxonomy cn_taxonomy;

/* Load a taxonomy file (format in rules/specialties.txt). Errors name
 * "PATH:LINE". */
int cn_taxonomy_load(const char *path, cn_taxonomy **out, cn_error *err);

/* The same from text in memory; origin names it in error messages. */
int cn_taxonomy_parse(const char *text, size_t len, const char *origin, cn_taxonomy **out,
                      cn_error *err);

void cn_taxonomy_free(cn_taxonomy *taxonomy);

/* Number of canonical specialties. */
size_t cn_taxonomy_count(const cn_taxonomy *taxonomy);

/* Split line[0..len) at its longest known specialty suffix (whole words,
 * matched on normalized text). On a match returns true, *specialty is the
 * canonical name (owned by the taxonomy) and *city_len the byte length of the
 * city part of line, trimmed of white space and a trailing comma (0 when the
 * line is only a specialty). Returns false when no specialty ends the line. */
bool cn_taxonomy_split(const cn_taxonomy *taxonomy, const char *line, size_t len, size_t *city_len,
                       const char **specialty);

#endif
