/*
 * cn_html_prep: what report.html's questions need from the whole analysis,
 * made before the page is written and kept small while it is.
 *
 * Groups (cn_html_groups): items of one byte each (a review item's reasons),
 * each in a group (its question), written to an unlinked scratch file group by
 * group in the order the page lists the groups (most contested first), each
 * group's items in item order (the queue's), and read back a group at a time,
 * as often as the page walks its questions (the overview, then the sections):
 * memory holds one group's bytes, not every item's place.
 *
 * Key marks (cn_html_mark_keys): every element whose key (an answer's id) is
 * the key of an element marked on entry (a queued answer) marked too, a bit an
 * element, with at most `room` keys in memory at once: the marked keys are
 * taken a share at a time (by key modulo the number of shares), each share
 * sorted and every element's key looked up in it.
 */
#ifndef CN_HTML_PREP_H
#define CN_HTML_PREP_H

#include "cn_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cn_html_groups cn_html_groups;

/* Item j's group (below n_groups) and its byte. */
typedef uint32_t (*cn_html_item_group)(void *ctx, size_t j);
typedef uint8_t (*cn_html_item_byte)(void *ctx, size_t j);

/* The n_items items grouped in a scratch file in folder dir (NULL: $TMPDIR,
 * else /tmp): the groups in the order of `order` (n_groups numbers, each group
 * once), each with its items in item order. A group of no items is written
 * too. Memory for a moment: 8 bytes a group and a byte an item. CN_ERR_NOMEM,
 * CN_ERR_IO (the file cannot be made or written), CN_ERR_USAGE (a group out of
 * range, more than UINT32_MAX items). */
int cn_html_groups_new(const char *dir, const uint32_t *order, size_t n_groups, size_t n_items,
                       cn_html_item_group group_of, cn_html_item_byte byte_of, void *ctx,
                       cn_html_groups **out, cn_error *err);

/* The next group in the order: its number, its items' bytes (valid until the
 * next call; NULL when it has none) and their count. CN_ERR_USAGE past the
 * last group; CN_ERR_IO when the file cannot be read. */
int cn_html_groups_next(cn_html_groups *g, uint32_t *group, const uint8_t **bytes, size_t *n,
                        cn_error *err);

/* Reading starts again at the first group. CN_ERR_IO when it cannot. */
int cn_html_groups_rewind(cn_html_groups *g, cn_error *err);

/* Close (so remove) the file. NULL is fine. */
void cn_html_groups_free(cn_html_groups *g);

/* Element i's key: true and *key, or false when it has none (such an element
 * is neither looked up nor a key to find). */
typedef bool (*cn_html_key)(void *ctx, size_t i, uint64_t *key);

/* bits: n elements, bit i (bits[i / 8] >> i % 8) set when element i is
 * marked. Marks every element whose key is the key of an element marked on
 * entry, keeping at most `room` (at least 1) keys in memory at once; the keys
 * are read in element order, 2 * shares + 1 passes over the elements (a share
 * of `room` marked elements). CN_ERR_NOMEM. */
int cn_html_mark_keys(uint8_t *bits, size_t n, cn_html_key key, void *ctx, size_t room,
                      cn_error *err);

#endif
