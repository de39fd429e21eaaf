/*
 * cn_prefetch: items made ahead of their use, in order, by one thread.
 *
 * A producer function that must run in sequence (it keeps state from item to
 * item, such as a position in a file walk) is called on a thread of its own,
 * which keeps up to `depth` finished items waiting in a queue; the consumer
 * takes them in the order made. So the producer's work overlaps the
 * consumer's, and the items are exactly those one thread calling the
 * producer in a loop would make, in the same order.
 *
 * Items are plain structs of item_size bytes, copied in and out of the queue.
 * Ownership of whatever an item points to passes to the consumer when taken;
 * items made and never taken are given to `drop` when the prefetch is freed.
 * One consumer thread.
 */
#ifndef CN_PREFETCH_H
#define CN_PREFETCH_H

#include "cn_error.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_prefetch cn_prefetch;

/* Make the next item into *item; false when there is none (the producer is
 * not called again). Runs on the prefetch's thread. */
typedef bool (*cn_prefetch_make_fn)(void *ctx, void *item);
/* Free what an item made and not taken holds. */
typedef void (*cn_prefetch_drop_fn)(void *ctx, void *item);

/* Start the producer thread with room for depth (>= 1) items. CN_ERR_NOMEM
 * when the queue or the thread cannot be made (nothing was produced then). */
int cn_prefetch_new(size_t depth, size_t item_size, cn_prefetch_make_fn make,
                    cn_prefetch_drop_fn drop, void *ctx, cn_prefetch **out, cn_error *err);

/* The next item into *item, waiting for it; false when the producer has
 * finished and every item was taken. */
bool cn_prefetch_take(cn_prefetch *p, void *item);

/* Stop the producer (after the item it is making), drop the items not taken
 * and free. */
void cn_prefetch_free(cn_prefetch *p);

#endif
