/* cn_dedup: stable ids, duplicate_of and question merging across pages, over
 * an index of fixed-size fingerprints (no text is kept). */
#define _POSIX_C_SOURCE 200809L
#include "cn_dedup.h"

#include "cn_diskmap.h"
#include "cn_hash.h"
#include "cn_sha256.h"
#include "cn_text.h"

#include <inttypes.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
/* Characters between prefix checkpoints: an excerpt is compared on the last
 * checkpoint its key reaches, so a finer step compares more of short excerpts
 * and costs 8 bytes of fingerprint plus ~7 bytes of table per answer and
 * checkpoint (see cn_dedup.h). */
#define CHECKPOINT_STEP 16
#define FIRST_SLOTS 1024
/* Key lengths from this one on are kept aside (see records). */
#define LONG_KEY UINT16_MAX

/* Open addressing with linear probing; a slot is 4 bytes and its key is
 * read from where the slot points:
 *   EXACT_OWN:   (record << tag_bits | tag), the key the record's
 *                answer_id (a record is in it by its own key unless that
 *                key was in the index already: rec.in_own);
 *   EXACT_OTHER: a record number, the key (any other key of a record:
 *                match_text's, a repeat's) kept in the slot (12 bytes a slot,
 *                few of them);
 *   PREFIX:      (entry << tag_bits | tag): one table for every
 *                checkpoint, a key being the pair (j, fingerprint). An entry
 *                is one distinct prefix: its fingerprint, checkpoint and the
 *                record it leads to now (a later answer through the same
 *                prefix takes the entry over), so a fingerprint is kept once
 *                per prefix, not once per record and checkpoint.
 * The tag of EXACT_OWN and PREFIX slots is some low bits of the key
 * (slot_tag): a probe reads the record's answer_id or the entry, most often
 * a cache miss, only when the tag agrees. An entry number is below the slots
 * (used <= 3/4 of them), a record number most often too, so the bits the
 * slot count leaves free hold the tag (22 bits at 1,024 slots, 11 at a
 * million; fewer for the records when there are more of them, own_fits). */
typedef enum table_kind { EXACT_OWN, EXACT_OTHER, PREFIX } table_kind;

/* A PREFIX entry: 12 bytes, 4-byte aligned (a 64-bit field would pad it to
 * 16), so one entry is one cache line but rarely two. */
typedef struct entry {
    uint32_t fp_lo, fp_hi; /* the prefix's fingerprint */
    uint32_t ref;          /* (record it leads to << cp_bits | checkpoint j) */
} entry;

typedef struct table {
    table_kind kind;
    uint32_t *ref; /* NONE when empty */
    uint64_t *key; /* EXACT_OTHER only */
    size_t slots;  /* a power of two or 3/2 of one (see table_reserve) */
    size_t used;
    unsigned tag_bits; /* EXACT_OWN, PREFIX: a slot's low bits that are its tag */
    uint32_t tag_mask; /* those bits set */
    entry *ent;        /* PREFIX only: used of them, in the order they were made */
    size_t ent_cap;
} table;

/* Distinct answers in the order they were indexed, so a higher record number
 * is a later answer. Array of fields, not of structs: no padding. */
typedef struct records {
    uint64_t *aid;    /* answer_id as a number */
    uint16_t *len;    /* key length; LONG_KEY: in long_len */
    uint64_t *in_own; /* bit r: record r is in the exact table by its own key */
    size_t n, cap;
    /* Few records have these, so they are kept aside (record -> value): */
    cn_u64map *older;    /* the next older entry of the record's prefix chain */
    cn_u64map *long_len; /* key lengths of LONG_KEY or more */
} records;

/* A value by record, kept as (first record, value) pairs in record order:
 * record r's value is that of the last pair at or before r. Two indexes use
 * it: the question_ids (the records of one page are indexed together and
 * share its question, so a run of records a question costs 12 bytes a page at
 * most instead of 8 a record) and the fingerprints of whole excerpt keys that
 * end before the last checkpoint (one pair an excerpt; an excerpt in a chain
 * is checked on it, see excerpt_starts). */
typedef struct by_record {
    uint32_t *rec;
    uint64_t *val;
    size_t n, cap;
} by_record;

/* Past the memory budget (spill_all) the three parts that grow with every
 * distinct answer live on disk: the exact table by own key, the full answers'
 * prefix table (their keys kept in the slots: (checkpoint, fingerprint) ->
 * record) and the records (answer_id, key length, chain link, question_id).
 * The excerpts' prefix table and whole-key fingerprints and the keyed exact
 * table stay in memory: they grow with excerpts and repeats, not with every
 * answer. */
/* A record on disk: answer_id, key length (as rec.len), the next older
 * record of its prefix chain (NONE: none) and its question_id, so the chain
 * links and question runs kept aside in memory stop growing too. */
#define DISK_RECORD 22
#define AT_AID 0
#define AT_LEN 8
#define AT_OLDER 10
#define AT_QID 14
#define WAITING_WRITE 24 /* bytes of a write waiting in a cn_diskmap */

typedef struct on_disk {
    cn_blockcache *cache;
    cn_diskmap *own, *full;
    cn_diskarray *rec;
} on_disk;

/* The scratch files' first failure; kept apart so lookups (const) can note it. */
typedef struct io_state {
    bool failed;
    cn_error err;
} io_state;

struct cn_dedup {
    cn_dedup_options opt;
    on_disk *disk; /* NULL until the budget is reached */
    io_state *io;
    size_t *cps; /* checkpoint lengths, ascending, the last is prefix_max */
    size_t ncp;
    unsigned cp_bits; /* bits of a checkpoint number in a PREFIX slot */
    records rec;
    by_record whole;     /* excerpts' whole-key fingerprints */
    by_record qs;        /* question_ids */
    table own;           /* answer_id -> record */
    table other;         /* other key digests -> record */
    table full;          /* (j, prefix) -> latest full answer through it */
    table part;          /* (j, prefix) -> latest excerpt ending there */
    size_t *n_part;      /* excerpts chained per checkpoint */
    uint64_t *run;       /* scratch: running hashes of one key's prefixes, a word at a time */
    const char *run_key; /* the key they are of */
};

/* An answer's de-duplication keys during assignment. */
typedef struct akey {
    char *key, *alt; /* alt: key of match_text, NULL when none or equal */
    size_t len, alt_len;
    uint64_t h, alt_h;      /* digests under the scoping rule (key_hashes) */
    char id[CN_ID_LEN + 1]; /* answer_id of a long key, made with h */
    uint64_t *fp;           /* the key's fingerprints at the checkpoints it reaches */
    bool other_question;    /* an excerpt of an answer filed under another question */
    uint32_t canon;         /* record of the answer it repeats, or NONE */
} akey;

/* ---- hashing ----------------------------------------------------------- */

static uint64_t digest64(const unsigned char d[32])
{
    uint64_t h = 0;
    for (int i = 0; i < 8; i++)
        h = (h << 8) | d[i];
    return h;
}

/* SHA-256 of [scope "\n"] data; the first 16 hex digits into id (if not NULL). */
static uint64_t hash_key(const char *scope, const char *data, size_t len, char *id)
{
    cn_sha256_ctx ctx;
    unsigned char d[32];
    cn_sha256_init(&ctx);
    if (scope) {
        cn_sha256_update(&ctx, scope, strlen(scope));
        cn_sha256_update(&ctx, "\n", 1);
    }
    cn_sha256_update(&ctx, data, len);
    cn_sha256_final(&ctx, d);
    if (id)
        cn_sha256_digest_hex(d, id, CN_ID_LEN);
    return digest64(d);
}

/* Ids are 16 hex digits: kept as the 64-bit number they spell. */
static uint64_t id_number(const char *id)
{
    /* strtoull's rules (locale, sign, overflow) are not needed here: an
     * id is lower-case hex digits (it stops at anything else, as strtoull). */
    uint64_t v = 0;
    for (size_t i = 0; i < CN_ID_LEN; i++) {
        char c = id[i];
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = (unsigned)(c - 'A' + 10);
        else
            break;
        v = v << 4 | digit;
    }
    return v;
}

static void id_text(uint64_t v, char id[CN_ID_LEN + 1])
{
    snprintf(id, CN_ID_LEN + 1, "%016" PRIx64, v);
}

/* One step of the running prefix hash over eight key bytes. Both steps are
 * bijections of the state for a given word, and different words give
 * different states, so two keys that differ in one character never share a
 * state there or after. Eight bytes a step, not one: the chain of multiplies
 * is what a key's fingerprints cost (128 steps of it for a long key). */
static uint64_t run_step(uint64_t h, uint64_t word)
{
    h = (h ^ word) * 0x9E3779B97F4A7C15ULL;
    return (h << 31) | (h >> 33);
}

/* n (<= 8) key bytes as a word, zero-padded; native byte order, since
 * fingerprints never leave the process (partials carry pages, not them). */
static uint64_t key_word(const char *p, size_t n)
{
    uint64_t w = 0;
    memcpy(&w, p, n);
    return w;
}

/* The fingerprint of a prefix: its running hash and length, finalized so the
 * low bits (the tables' slots) depend on every bit (MurmurHash3's fmix64).
 * The length also tells a zero-padded last word from real zero bytes.
 * All 64 bits are kept: a table's slot already tells the low bits of the
 * fingerprints probed, so only the others tell two prefixes apart (a
 * shorter fingerprint would leave too few of them at millions of slots). */
static uint64_t fingerprint(uint64_t run, size_t len)
{
    uint64_t h = run ^ ((uint64_t)len * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 33);
}

/* d->run[w] = running hash of key's first w words (8 bytes each), for the
 * whole words of its first min(len, prefix_max) bytes; prefix_fp reads them. */
static void run_prefixes(cn_dedup *d, const char *key, size_t len)
{
    size_t n = (len < d->opt.prefix_max ? len : d->opt.prefix_max) / 8;
    d->run_key = key;
    d->run[0] = 0x243F6A8885A308D3ULL;
    for (size_t w = 0; w < n; w++)
        d->run[w + 1] = run_step(d->run[w], key_word(key + 8 * w, 8));
}

/* The fingerprint of the first m bytes of the key run_prefixes ran over
 * (m <= its len and prefix_max): its whole words, then the rest as one. */
static uint64_t prefix_fp(const cn_dedup *d, size_t m)
{
    uint64_t h = d->run[m / 8];
    if (m % 8)
        h = run_step(h, key_word(d->run_key + m / 8 * 8, m % 8));
    return fingerprint(h, m);
}

/* The last checkpoint a key of len >= excerpt_min_key reaches. */
static size_t last_cp(const cn_dedup *d, size_t len)
{
    if (len >= d->opt.prefix_max)
        return d->ncp - 1;
    size_t j = (len - d->opt.excerpt_min_key) / CHECKPOINT_STEP;
    return j < d->ncp - 1 ? j : d->ncp - 1;
}

/* ---- entries ----------------------------------------------------------- */

static uint64_t entry_fp(const entry *e)
{
    return (uint64_t)e->fp_hi << 32 | e->fp_lo;
}

/* ---- tables ------------------------------------------------------------ */

/* After a large array is freed (a table that grew, records that moved):
 * glibc keeps the pages of a freed block inside its heap resident, and the
 * index grows by doubling, so without this about one earlier size of every
 * table stays in the peak RSS. Hands whole free pages back to the system. */
static void give_back(size_t bytes)
{
#ifdef __GLIBC__
    if (bytes >= ((size_t)1 << 20))
        malloc_trim(0);
#else
    (void)bytes;
#endif
}

/* The tag bits of a table whose slots name numbers below items (entries or
 * records): what such a number leaves of 32 bits. A slot is never NONE: a
 * number all ones in its bits is not below items. */
static unsigned tag_bits_for(size_t items)
{
    unsigned bits = 0;
    while (bits < 32 && ((size_t)1 << bits) < items)
        bits++;
    return 32 - bits;
}

/* A table of slots slots, its slots naming numbers below items. */
static bool table_init(table *t, table_kind kind, size_t slots, size_t items)
{
    t->kind = kind;
    t->tag_bits = kind == EXACT_OTHER ? 0 : tag_bits_for(items);
    t->tag_mask = t->tag_bits ? UINT32_MAX >> (32 - t->tag_bits) : 0;
    t->ent = NULL;
    t->ent_cap = 0;
    t->ref = malloc(slots * sizeof *t->ref);
    t->key = kind == EXACT_OTHER ? malloc(slots * sizeof *t->key) : NULL;
    if (!t->ref || (kind == EXACT_OTHER && !t->key))
        return false;
    for (size_t i = 0; i < slots; i++)
        t->ref[i] = NONE;
    t->slots = slots;
    t->used = 0;
    return true;
}

static void table_free(table *t)
{
    free(t->ref);
    free(t->key);
    free(t->ent);
}

static size_t table_bytes(const table *t)
{
    return t->slots * (sizeof *t->ref + (t->key ? sizeof *t->key : 0)) +
           t->ent_cap * sizeof *t->ent;
}

/* A PREFIX entry's ref: the record it leads to and its checkpoint. */
static uint32_t prefix_ref(const cn_dedup *d, size_t r, size_t j)
{
    return ((uint32_t)r << d->cp_bits) | (uint32_t)j;
}

/* The tag of key k (at checkpoint j) in a slot: the low bits of the value
 * whose high bits choose the home slot (home_slot), so a key's tag and home
 * are independent. The checkpoint's odd multiple gives two checkpoints of
 * one fingerprint different tags (for 3 bits or more). */
static uint32_t slot_tag(const table *t, size_t j, uint64_t k)
{
    return (uint32_t)(k ^ (uint64_t)j * 0x9E3779B97F4A7C15ULL) & t->tag_mask;
}

/* A slot naming entry or record e, of key k (at checkpoint j). */
static uint32_t slot_ref(const table *t, size_t e, size_t j, uint64_t k)
{
    return ((uint32_t)e << t->tag_bits) | slot_tag(t, j, k);
}

/* The entry or record a slot names. */
static uint32_t slot_item(const table *t, uint32_t ref)
{
    return ref >> t->tag_bits;
}

static const entry *slot_entry(const table *t, uint32_t ref)
{
    return &t->ent[slot_item(t, ref)];
}

static uint32_t ref_record(const cn_dedup *d, const table *t, uint32_t ref)
{
    if (ref == NONE)
        return NONE;
    return t->kind == PREFIX ? slot_entry(t, ref)->ref >> d->cp_bits : slot_item(t, ref);
}

/* Does slot s (not empty) hold key k (at checkpoint j for PREFIX)? */
static bool slot_is(const cn_dedup *d, const table *t, size_t s, size_t j, uint64_t k)
{
    uint32_t ref = t->ref[s];
    if (t->kind == EXACT_OTHER)
        return t->key[s] == k;
    if ((ref & t->tag_mask) != slot_tag(t, j, k))
        return false;
    if (t->kind == EXACT_OWN)
        return d->rec.aid[slot_item(t, ref)] == k;
    const entry *e = slot_entry(t, ref);
    return entry_fp(e) == k && (e->ref & ((1u << d->cp_bits) - 1)) == j;
}

/* The first slot of key k (at j) in t, where probing starts. */
static size_t home_slot(const table *t, size_t j, uint64_t k)
{
    /* the top 32 bits scaled to the slots (keys are well mixed; slots < 2^32) */
    uint64_t top = (k ^ (uint64_t)j * 0x9E3779B97F4A7C15ULL) >> 32;
    return (size_t)(top * t->slots >> 32);
}

/* The slot after s, wrapping around. */
static size_t next_slot(const table *t, size_t s)
{
    return s + 1 < t->slots ? s + 1 : 0;
}

/* The slot holding key k (at j), or the empty slot where it belongs. */
static size_t table_slot(const cn_dedup *d, const table *t, size_t j, uint64_t k)
{
    size_t s = home_slot(t, j, k);
    while (t->ref[s] != NONE && !slot_is(d, t, s, j, k))
        s = next_slot(t, s);
    return s;
}

/* The record under key k (at j), or NONE. */
static uint32_t table_find(const cn_dedup *d, const table *t, size_t j, uint64_t k)
{
    return ref_record(d, t, t->ref[table_slot(d, t, j, k)]);
}

/* Key k (at j) into the first empty slot from its home in nt, naming ref. */
static void rehash_put(table *nt, size_t j, uint64_t k, uint32_t ref)
{
    size_t ns = home_slot(nt, j, k);
    while (nt->ref[ns] != NONE)
        ns = next_slot(nt, ns);
    nt->ref[ns] = ref;
    if (nt->key)
        nt->key[ns] = k;
}

/* Every entry is in its table once and holds its key and checkpoint, so the
 * entries are read in order (not where the slots send, one cache miss each). */
static void rehash_entries(const cn_dedup *d, const table *t, table *nt)
{
    uint32_t jmask = (1u << d->cp_bits) - 1;
    for (size_t e = 0; e < t->used; e++) {
        size_t j = t->ent[e].ref & jmask;
        uint64_t k = entry_fp(&t->ent[e]);
        rehash_put(nt, j, k, slot_ref(nt, e, j, k));
    }
}

/* The records in the exact table by their own key (rec.in_own; not all of
 * them: a repeat's key may be there through another record), in order. */
static void rehash_own(const cn_dedup *d, table *nt)
{
    for (size_t r = 0; r < d->rec.n; r++)
        if (d->rec.in_own[r / 64] >> (r % 64) & 1)
            rehash_put(nt, 0, d->rec.aid[r], slot_ref(nt, r, 0, d->rec.aid[r]));
}

/* A table that keeps its keys (EXACT_OTHER), in slot order. */
static void rehash_slots(const table *t, table *nt)
{
    for (size_t s = 0; s < t->slots; s++)
        if (t->ref[s] != NONE)
            rehash_put(nt, 0, t->key[s], t->ref[s]);
}

/* Numbers a table of kind and slots names: entries are fewer than the
 * slots; records most often are too, but not always (those not in the exact
 * table by their own key), so room is left for twice the records. */
static size_t table_items(const cn_dedup *d, table_kind kind, size_t slots)
{
    size_t twice = 2 * d->rec.n + 2;
    return kind == EXACT_OWN && twice > slots ? twice : slots;
}

/* t remade with this many slots (and tag bits for items), its keys moved. */
static bool table_rebuild(const cn_dedup *d, table *t, size_t slots, size_t items)
{
    table nt;
    if (slots > UINT32_MAX || !table_init(&nt, t->kind, slots, items)) {
        if (slots <= UINT32_MAX)
            table_free(&nt);
        return false;
    }
    if (t->kind == PREFIX)
        rehash_entries(d, t, &nt);
    else if (t->kind == EXACT_OWN)
        rehash_own(d, &nt);
    else
        rehash_slots(t, &nt);
    nt.used = t->used;
    nt.ent = t->ent; /* entries stay where they are: slots name them */
    nt.ent_cap = t->ent_cap;
    t->ent = NULL;
    size_t old = table_bytes(t);
    table_free(t);
    *t = nt;
    give_back(old);
    return true;
}

/* Grow when the next key would fill more than 3/4: 2^k slots become
 * 3 * 2^(k-1), which become 2^(k+1). Growing by 3/2 and 4/3 in turn, not by 2,
 * leaves a table 1/2 to 3/4 full (9/16 to 3/4 after a 4/3 step) instead of
 * 3/8 to 3/4: the slots are a third of the index. The keys are read in the
 * order of the entries and records that hold them, not in slot order (a
 * cache miss each), so the more frequent moves cost little. */
static bool table_reserve(const cn_dedup *d, table *t)
{
    if ((t->used + 1) * 4 <= t->slots * 3)
        return true;
    size_t grown = (t->slots & (t->slots - 1)) == 0 ? t->slots / 2 * 3 : t->slots / 3 * 4;
    return table_rebuild(d, t, grown, table_items(d, t->kind, grown));
}

/* Room in the exact table's slots for record r's number beside the tag:
 * the tag bits shrink (the slots stay) when the records outgrow them. */
static bool own_fits(cn_dedup *d, uint32_t r)
{
    table *t = &d->own;
    if ((uint64_t)r + 2 <= (uint64_t)1 << (32 - t->tag_bits)) /* never NONE */
        return true;
    return table_rebuild(d, t, t->slots, table_items(d, EXACT_OWN, t->slots));
}

/* Entries a PREFIX slot can name. */
static size_t max_entries(const cn_dedup *d)
{
    return (size_t)(NONE >> d->cp_bits);
}

/* Room for one more entry (1.5x: entries are most of the index's bytes). */
static bool entries_reserve(const cn_dedup *d, table *t)
{
    if (t->used < t->ent_cap)
        return true;
    size_t cap = t->ent_cap ? t->ent_cap + t->ent_cap / 2 : 256;
    if (cap > max_entries(d))
        cap = max_entries(d);
    if (cap <= t->used)
        return false;
    entry *e = realloc(t->ent, cap * sizeof *e);
    if (!e)
        return false;
    t->ent = e;
    t->ent_cap = cap;
    give_back(cap * sizeof *e); /* realloc may have moved them */
    return true;
}

/* Point key k (at j) at record r; *prev gets the record it pointed at
 * before, or NONE. A PREFIX key new to the table gets the next entry; one
 * there already has its entry taken over. */
static bool table_put(const cn_dedup *d, table *t, size_t j, uint64_t k, uint32_t r, uint32_t *prev)
{
    if (!table_reserve(d, t) || (t->kind == PREFIX && !entries_reserve(d, t)))
        return false;
    size_t s = table_slot(d, t, j, k);
    *prev = ref_record(d, t, t->ref[s]);
    if (t->kind == PREFIX) {
        if (*prev == NONE) {
            t->ent[t->used] = (entry){(uint32_t)k, (uint32_t)(k >> 32), prefix_ref(d, r, j)};
            t->ref[s] = slot_ref(t, t->used, j, k);
            t->used++;
        } else {
            t->ent[t->ref[s] >> t->tag_bits].ref = prefix_ref(d, r, j);
        }
        return true;
    }
    if (*prev == NONE)
        t->used++;
    t->ref[s] = slot_ref(t, r, j, k);
    if (t->key)
        t->key[s] = k;
    return true;
}

/* ---- on disk ----------------------------------------------------------- */

/* Note the scratch files' first failure (every later page is refused). */
static void io_fail(const cn_dedup *d)
{
    d->io->failed = true;
}

/* Record r's bytes on disk, or NULL (noted) on a failed read. */
static const unsigned char *disk_record(const cn_dedup *d, uint32_t r)
{
    const unsigned char *p = cn_diskarray_at(d->disk->rec, r, false, &d->io->err);
    if (!p)
        io_fail(d);
    return p;
}

/* n bytes of record r's field at offset at (zeros after a failed read). */
static void disk_field(const cn_dedup *d, uint32_t r, size_t at, void *out, size_t n)
{
    const unsigned char *p = disk_record(d, r);
    if (p)
        memcpy(out, p + at, n);
    else
        memset(out, 0, n);
}

static uint16_t disk_len(const cn_dedup *d, uint32_t r)
{
    uint16_t v;
    disk_field(d, r, AT_LEN, &v, sizeof v);
    return v;
}

/* Record r's answer_id as a number. */
static uint64_t rec_aid(const cn_dedup *d, uint32_t r)
{
    if (!d->disk)
        return d->rec.aid[r];
    uint64_t v;
    disk_field(d, r, AT_AID, &v, sizeof v);
    return v;
}

/* Write record r's fields (older NONE: no chain link). */
static bool disk_record_put(const cn_dedup *d, uint32_t r, uint64_t aid, uint16_t len,
                            uint32_t older, uint64_t qid)
{
    unsigned char *p = cn_diskarray_at(d->disk->rec, r, true, &d->io->err);
    if (!p) {
        io_fail(d);
        return false;
    }
    memcpy(p + AT_AID, &aid, sizeof aid);
    memcpy(p + AT_LEN, &len, sizeof len);
    memcpy(p + AT_OLDER, &older, sizeof older);
    memcpy(p + AT_QID, &qid, sizeof qid);
    return true;
}

/* Set the chain link of record r on disk. */
static bool disk_set_older(const cn_dedup *d, uint32_t r, uint32_t older)
{
    unsigned char *p = cn_diskarray_at(d->disk->rec, r, true, &d->io->err);
    if (!p) {
        io_fail(d);
        return false;
    }
    memcpy(p + AT_OLDER, &older, sizeof older);
    return true;
}

/* The record under key k (at j) in a table on disk, or NONE. */
static uint32_t disk_find(const cn_dedup *d, cn_diskmap *m, size_t j, uint64_t k)
{
    uint32_t r;
    if (cn_diskmap_find(m, (uint32_t)j, k, &r, &d->io->err) != CN_OK) {
        io_fail(d);
        return NONE;
    }
    return r;
}

/* table_put for a table on disk; prev NULL: not wanted (no read). */
static bool disk_put(const cn_dedup *d, cn_diskmap *m, size_t j, uint64_t k, uint32_t r,
                     uint32_t *prev)
{
    int rc = prev ? cn_diskmap_put(m, (uint32_t)j, k, r, prev, &d->io->err)
                  : cn_diskmap_set(m, (uint32_t)j, k, r, &d->io->err);
    if (rc == CN_ERR_IO)
        io_fail(d);
    return rc == CN_OK;
}

/* Bytes a table's next key would add to the resident set: the grown slots
 * (the old ones are held while the keys move), and for PREFIX the entries'
 * growth (realloc: glibc moves a large block by remapping it, not copying). */
static size_t table_growth(const table *t)
{
    size_t bytes = 0;
    if ((t->used + 1) * 4 > t->slots * 3)
        bytes += ((t->slots & (t->slots - 1)) == 0 ? t->slots / 2 * 3 : t->slots / 3 * 4) *
                 (sizeof *t->ref + (t->key ? sizeof *t->key : 0));
    if (t->kind == PREFIX && t->used >= t->ent_cap)
        bytes += t->ent_cap / 2 * sizeof *t->ent;
    return bytes;
}

/* Bytes the records' next growth would add (realloc, as the entries). */
static size_t records_growth(const records *v)
{
    return v->cap / 2 * (sizeof *v->aid + sizeof *v->len);
}

/* The block cache's share of the budget. Every lookup of a large index
 * misses it whatever its size (the keys are random; the filters spare most
 * of them the read), so it is kept small: what it buys is the blocks a
 * page's lookups share, the records' last block and the writes' passes,
 * which go through the file in order. */
static size_t cache_bytes(const cn_dedup *d)
{
    return d->opt.memory_budget / 32;
}

/* The prefix table's share for its waiting writes (the exact table's is a
 * quarter of it): the more wait, the fewer of the file's blocks a write
 * costs when they go (at 1 GB of the benchmark's pages, ~2 writes a block
 * with a quarter of 40 MiB). Filled only once the in-memory parts are gone. */
static size_t waiting_bytes(const cn_dedup *d)
{
    return d->opt.memory_budget / 4;
}

/* The prefix table's share for its filter (the exact table's is half of
 * it): a new answer's lookups of its own key and its last checkpoint miss,
 * and the filter tells most of those without a read (at 1 GB of the
 * benchmark's pages, 9.2 million prefixes in 5 MiB: 1 in 8 still reads; 2.5
 * million answer_ids in 2.5 MiB: 1 in 18). Bits, not keys: a fixed share
 * whatever the corpus, only less sure as it grows. */
static size_t filter_bytes(const cn_dedup *d)
{
    return d->opt.memory_budget / 8;
}

/* The in-memory index spills when it would pass this: an eighth of the
 * budget is kept for what the move makes beside the parts it frees (the
 * cache, the exact table's filter and waiting writes), so the budget holds. */
static size_t spill_limit(const cn_dedup *d)
{
    return d->opt.memory_budget - d->opt.memory_budget / 8;
}

static bool spill_all(cn_dedup *d);

/* Before the in-memory index allocates extra bytes: past the budget, its
 * bulky parts go to disk instead (d->disk is set then). */
static bool make_room(cn_dedup *d, size_t extra)
{
    if (d->disk || !d->opt.memory_budget || cn_dedup_bytes(d) + extra <= spill_limit(d))
        return true;
    return spill_all(d);
}

/* The latest full answer through prefix k at checkpoint j, or NONE. */
static uint32_t full_find(const cn_dedup *d, size_t j, uint64_t k)
{
    return d->disk ? disk_find(d, d->disk->full, j, k) : table_find(d, &d->full, j, k);
}

/* Point prefix k at checkpoint j at full answer r (table_put; prev NULL:
 * the record it pointed at is not wanted). */
static bool full_table_put(cn_dedup *d, size_t j, uint64_t k, uint32_t r, uint32_t *prev)
{
    if (!d->disk && !make_room(d, table_growth(&d->full)))
        return false;
    if (d->disk)
        return disk_put(d, d->disk->full, j, k, r, prev);
    uint32_t unused;
    return table_put(d, &d->full, j, k, r, prev ? prev : &unused);
}

static void disk_free(on_disk *s)
{
    if (!s)
        return;
    cn_diskmap_free(s->own);
    cn_diskmap_free(s->full);
    cn_diskarray_free(s->rec);
    cn_blockcache_free(s->cache);
    free(s);
}

/* The exact table by own key and the records, copied to their files. */
static int copy_records(const cn_dedup *d, on_disk *s, cn_error *err)
{
    for (uint32_t r = 0; r < d->rec.n; r++) {
        int rc = d->rec.in_own[r / 64] >> (r % 64) & 1
                     ? cn_diskmap_set(s->own, 0, d->rec.aid[r], r, err)
                     : CN_OK;
        if (rc)
            return rc;
    }
    size_t run = 0; /* the question run of record r */
    for (uint32_t r = 0; r < d->rec.n; r++) {
        unsigned char *p = cn_diskarray_at(s->rec, r, true, err);
        if (!p)
            return CN_ERR_IO;
        while (run + 1 < d->qs.n && d->qs.rec[run + 1] <= r)
            run++;
        int older = cn_u64map_get(d->rec.older, r);
        uint32_t link = older < 0 ? NONE : (uint32_t)older;
        memcpy(p + AT_AID, &d->rec.aid[r], 8);
        memcpy(p + AT_LEN, &d->rec.len[r], 2);
        memcpy(p + AT_OLDER, &link, 4);
        memcpy(p + AT_QID, &d->qs.val[run], 8);
    }
    return CN_OK;
}

/* Entries copied between two shrinks of the array (see copy_prefixes). */
#define SHRINK_EVERY 65536

/* The full answers' prefix table, copied to its file and freed: the slots
 * first (the entries hold every key), then the entries from the last, the
 * array shrunk and the writes applied as they go, so the map's filter and
 * waiting writes take the place of what has been copied instead of adding
 * to it. */
static int copy_prefixes(cn_dedup *d, on_disk *s, cn_error *err)
{
    table *t = &d->full;
    size_t bytes = t->slots * sizeof *t->ref;
    free(t->ref);
    t->ref = NULL;
    t->slots = 0;
    give_back(bytes);
    uint32_t jmask = (1u << d->cp_bits) - 1;
    for (size_t e = t->used; e-- > 0;) {
        const entry *en = &t->ent[e];
        int rc = cn_diskmap_set(s->full, en->ref & jmask, entry_fp(en), en->ref >> d->cp_bits, err);
        if (rc)
            return rc;
        if (e % SHRINK_EVERY == 0 && e > 0) {
            if ((rc = cn_diskmap_flush(s->full, err)) != CN_OK)
                return rc;
            entry *less = realloc(t->ent, e * sizeof *t->ent);
            if (less) {
                t->ent = less;
                t->ent_cap = e;
                give_back(e * sizeof *t->ent);
            }
        }
    }
    return CN_OK;
}

static void free_records(cn_dedup *d)
{
    size_t bytes = table_bytes(&d->own) + d->rec.cap * (sizeof *d->rec.aid + sizeof *d->rec.len) +
                   d->qs.cap * (sizeof *d->qs.rec + sizeof *d->qs.val);
    cn_u64map_free(d->rec.older);
    d->rec.older = NULL;
    free(d->qs.rec);
    free(d->qs.val);
    memset(&d->qs, 0, sizeof d->qs);
    table_free(&d->own);
    memset(&d->own, 0, sizeof d->own);
    free(d->rec.aid);
    free(d->rec.len);
    free(d->rec.in_own);
    d->rec.aid = NULL;
    d->rec.len = NULL;
    d->rec.in_own = NULL;
    d->rec.cap = 0;
    give_back(bytes);
}

static void free_prefixes(cn_dedup *d)
{
    size_t bytes = table_bytes(&d->full);
    table_free(&d->full);
    memset(&d->full, 0, sizeof d->full);
    give_back(bytes);
}

/* Past the budget: the bulky parts to disk, their memory handed back part by
 * part (the exact table's slots before its keys are copied from the records,
 * the records before the prefix table's writes wait in memory), so the
 * budget holds. A failure leaves the index refusing every later page (it may
 * be half moved). */
static bool spill_all(cn_dedup *d)
{
    on_disk *s = calloc(1, sizeof *s);
    cn_error *err = &d->io->err;
    if (!s)
        return false;
    const char *dir = d->opt.spill_dir;
    int rc = cn_blockcache_new(cache_bytes(d), &s->cache, err);
    if (rc == CN_OK)
        rc = cn_diskarray_new(s->cache, dir, DISK_RECORD, &s->rec, err);
    /* writes waiting: most for the prefix table (several a new answer) */
    if (rc == CN_OK)
        rc = cn_diskmap_new(s->cache, dir, d->own.used, waiting_bytes(d) / 4 / WAITING_WRITE,
                            filter_bytes(d) / 2, &s->own, err);
    if (rc == CN_OK)
        rc = cn_diskmap_new(s->cache, dir, d->full.used, waiting_bytes(d) / WAITING_WRITE,
                            filter_bytes(d), &s->full, err);
    if (rc) {
        disk_free(s);
        if (rc == CN_ERR_IO)
            io_fail(d);
        return false;
    }
    d->disk = s;
    size_t bytes = table_bytes(&d->own);
    table_free(&d->own); /* its keys are the records' own (rec.in_own) */
    memset(&d->own, 0, sizeof d->own);
    give_back(bytes);
    rc = copy_records(d, s, err);
    free_records(d);
    if (rc == CN_OK)
        rc = copy_prefixes(d, s, err);
    free_prefixes(d);
    if (rc)
        io_fail(d);
    return rc == CN_OK;
}

/* ---- records ----------------------------------------------------------- */

static bool records_grow(records *v, size_t limit)
{
    /* 1.5x, not 2x: a record is most of an answer's bytes, so less slack. */
    size_t cap = v->cap ? v->cap + v->cap / 2 : 256;
    if (cap > limit)
        cap = limit;
    if (cap <= v->n)
        return false;
    uint64_t *aid = realloc(v->aid, cap * sizeof *aid);
    if (aid)
        v->aid = aid;
    uint16_t *len = realloc(v->len, cap * sizeof *len);
    if (len)
        v->len = len;
    size_t words = (v->cap + 63) / 64, new_words = (cap + 63) / 64;
    uint64_t *in_own = realloc(v->in_own, new_words * sizeof *in_own);
    if (in_own) {
        v->in_own = in_own;
        memset(in_own + words, 0, (new_words - words) * sizeof *in_own);
    }
    if (!aid || !len || !in_own)
        return false;
    v->cap = cap;
    give_back(cap * sizeof *aid); /* realloc may have moved them */
    return true;
}

/* Record r's value is v from here on (r at or after every earlier pair). */
static bool by_record_push(by_record *m, uint32_t r, uint64_t v, size_t first_cap)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : first_cap;
        uint32_t *rec = realloc(m->rec, cap * sizeof *rec);
        if (rec)
            m->rec = rec;
        uint64_t *val = rec ? realloc(m->val, cap * sizeof *val) : NULL;
        if (!val)
            return false;
        m->val = val;
        m->cap = cap;
    }
    m->rec[m->n] = r;
    m->val[m->n++] = v;
    return true;
}

/* The value of record r: of the last pair at or before it (one must be). */
static uint64_t by_record_at(const by_record *m, uint32_t r)
{
    size_t lo = 0, hi = m->n; /* the pair is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->rec[mid] <= r)
            lo = mid;
        else
            hi = mid;
    }
    return m->val[lo];
}

/* Record r (the next one) is in question qid. */
static bool question_of_new(cn_dedup *d, uint32_t r, uint64_t qid)
{
    if (d->qs.n && d->qs.val[d->qs.n - 1] == qid)
        return true;
    return by_record_push(&d->qs, r, qid, 256);
}

/* The question of record r. */
static uint64_t record_qid(const cn_dedup *d, uint32_t r)
{
    if (d->disk) {
        uint64_t v;
        disk_field(d, r, AT_QID, &v, sizeof v);
        return v;
    }
    return by_record_at(&d->qs, r);
}

/* Record r's key length. */
static size_t rec_len(const cn_dedup *d, uint32_t r)
{
    uint16_t v = d->disk ? disk_len(d, r) : d->rec.len[r];
    return v < LONG_KEY ? v : (size_t)cn_u64map_get(d->rec.long_len, r);
}

/* The next older entry of record r's prefix chain, or NONE. */
static uint32_t rec_older(const cn_dedup *d, uint32_t r)
{
    if (d->disk) {
        uint32_t v;
        disk_field(d, r, AT_OLDER, &v, sizeof v);
        return d->io->failed ? NONE : v;
    }
    int v = cn_u64map_get(d->rec.older, r);
    return v < 0 ? NONE : (uint32_t)v;
}

/* Set once, when r is chained. */
static bool set_older(cn_dedup *d, uint32_t r, uint32_t older)
{
    if (older == NONE)
        return true;
    if (d->disk)
        return disk_set_older(d, r, older);
    return cn_u64map_put(d->rec.older, r, (int)older) == 0;
}

static bool record_add(cn_dedup *d, uint64_t aid, uint64_t qid, size_t len, uint32_t *out)
{
    records *v = &d->rec;
    if (!d->disk && v->n == v->cap && !make_room(d, records_growth(v)))
        return false;
    if (d->disk && v->n >= max_entries(d))
        return false;
    if (!d->disk && v->n == v->cap && !records_grow(v, max_entries(d)))
        return false;
    if (!d->disk && !question_of_new(d, (uint32_t)v->n, qid))
        return false;
    *out = (uint32_t)v->n++;
    uint16_t len16 = len < LONG_KEY ? (uint16_t)len : LONG_KEY;
    if (d->disk) {
        if (!disk_record_put(d, *out, aid, len16, NONE, qid))
            return false;
    } else {
        v->aid[*out] = aid;
        v->len[*out] = len16;
    }
    if (len >= LONG_KEY && cn_u64map_put(v->long_len, *out, len < INT32_MAX ? (int)len : INT32_MAX))
        return false;
    return true;
}

/* ---- the index --------------------------------------------------------- */

static bool make_checkpoints(cn_dedup *d)
{
    size_t m = d->opt.excerpt_min_key, p = d->opt.prefix_max, step = CHECKPOINT_STEP;
    d->ncp = (p - m + step - 1) / step + 1;
    d->cps = malloc(d->ncp * sizeof *d->cps);
    d->n_part = calloc(d->ncp, sizeof *d->n_part);
    if (!d->cps || !d->n_part)
        return false;
    for (size_t j = 0; j < d->ncp; j++)
        d->cps[j] = j + 1 < d->ncp ? m + j * step : p;
    d->cp_bits = 1;
    while (((size_t)1 << d->cp_bits) < d->ncp)
        d->cp_bits++;
    return d->cp_bits < 24; /* at least 2^8 records */
}

static bool make_tables(cn_dedup *d)
{
    d->run = malloc((d->opt.prefix_max / 8 + 1) * sizeof *d->run);
    d->rec.older = cn_u64map_new();
    d->rec.long_len = cn_u64map_new();
    return d->run && d->rec.older && d->rec.long_len &&
           table_init(&d->own, EXACT_OWN, FIRST_SLOTS, FIRST_SLOTS) &&
           table_init(&d->other, EXACT_OTHER, FIRST_SLOTS, FIRST_SLOTS) &&
           table_init(&d->full, PREFIX, FIRST_SLOTS, FIRST_SLOTS) &&
           table_init(&d->part, PREFIX, FIRST_SLOTS, FIRST_SLOTS);
}

int cn_dedup_new(const cn_dedup_options *options, cn_dedup **out, cn_error *err)
{
    *out = NULL;
    cn_dedup *d = calloc(1, sizeof *d);
    if (!d)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    d->opt = *options;
    d->io = calloc(1, sizeof *d->io);
    if (!d->io) {
        free(d);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (d->opt.excerpt_min_key == 0)
        d->opt.excerpt_min_key = 1;
    if (d->opt.prefix_max < d->opt.excerpt_min_key)
        d->opt.prefix_max = d->opt.excerpt_min_key;
    if (!make_checkpoints(d) || !make_tables(d)) {
        cn_dedup_free(d);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    *out = d;
    return CN_OK;
}

void cn_dedup_free(cn_dedup *d)
{
    if (!d)
        return;
    disk_free(d->disk);
    free(d->io);
    table_free(&d->own);
    table_free(&d->other);
    table_free(&d->full);
    table_free(&d->part);
    free(d->rec.aid);
    free(d->rec.len);
    free(d->rec.in_own);
    cn_u64map_free(d->rec.older);
    cn_u64map_free(d->rec.long_len);
    free(d->whole.rec);
    free(d->whole.val);
    free(d->qs.rec);
    free(d->qs.val);
    free(d->n_part);
    free(d->run);
    free(d->cps);
    free(d);
}

void cn_dedup_set_spill_dir(cn_dedup *d, const char *dir)
{
    d->opt.spill_dir = dir;
}

bool cn_dedup_spilled(const cn_dedup *d)
{
    return d->disk != NULL;
}

size_t cn_dedup_count(const cn_dedup *d)
{
    return d->rec.n;
}

size_t cn_dedup_bytes(const cn_dedup *d)
{
    size_t per_record = sizeof(uint64_t) + sizeof(uint16_t);
    size_t whole = d->whole.cap * (sizeof(uint32_t) + sizeof(uint64_t));
    size_t in_own = (d->rec.cap + 63) / 64 * sizeof(uint64_t);
    /* the maps aside: a 16-byte slot an entry, at most half full */
    size_t questions = d->qs.cap * (sizeof(uint32_t) + sizeof(uint64_t));
    size_t links = d->rec.older ? cn_u64map_count(d->rec.older) : 0;
    size_t aside = 2 * 16 * (links + cn_u64map_count(d->rec.long_len));
    size_t disk = d->disk ? sizeof *d->disk + cn_blockcache_bytes(d->disk->cache) +
                                cn_diskmap_bytes(d->disk->own) + cn_diskmap_bytes(d->disk->full)
                          : 0;
    return sizeof *d + disk + d->rec.cap * per_record + in_own + whole + questions + aside +
           table_bytes(&d->own) + table_bytes(&d->other) + table_bytes(&d->full) +
           table_bytes(&d->part) + d->ncp * (sizeof *d->cps + sizeof *d->n_part) +
           (d->opt.prefix_max / 8 + 1) * sizeof *d->run;
}

/* The record indexed under key digest h, or NONE. */
static uint32_t exact_find(const cn_dedup *d, uint64_t h)
{
    uint32_t r = d->disk ? disk_find(d, d->disk->own, 0, h) : table_find(d, &d->own, 0, h);
    return r != NONE ? r : table_find(d, &d->other, 0, h);
}

/* Index key digest h for record r, unless the key is indexed already. A new
 * record's own key (its answer_id) was never indexed before: an answer
 * whose key was is a repeat, not a record. */
static bool exact_add(cn_dedup *d, uint64_t h, uint32_t r)
{
    if (exact_find(d, h) != NONE)
        return true;
    uint32_t prev;
    if (rec_aid(d, r) != h)
        return table_put(d, &d->other, 0, h, r, &prev);
    if (!d->disk && !make_room(d, table_growth(&d->own)))
        return false;
    if (d->disk) /* new to the table (exact_find above) */
        return disk_put(d, d->disk->own, 0, h, r, NULL);
    if (!own_fits(d, r) || !table_put(d, &d->own, 0, h, r, &prev))
        return false;
    d->rec.in_own[r / 64] |= (uint64_t)1 << (r % 64);
    return true;
}

/* The latest earlier full answer at least as long as the excerpt whose key
 * starts like it: same fingerprint at the excerpt's last checkpoint. A full
 * answer that goes past that checkpoint is long enough; the shorter ones
 * ending there are chained from later to older (and longer), see full_put. */
static uint32_t find_full_for_excerpt(const cn_dedup *d, const akey *k)
{
    size_t j = last_cp(d, k->len);
    uint32_t r = full_find(d, j, k->fp[j]);
    while (r != NONE && rec_len(d, r) < k->len)
        r = rec_older(d, r);
    return r;
}

/* Keep excerpt r's whole-key fingerprint (r is the latest record). */
static bool whole_put(cn_dedup *d, uint32_t r, uint64_t fp)
{
    return by_record_push(&d->whole, r, fp, 64);
}

/* Excerpt x's whole-key fingerprint (kept by whole_put: x ends before the
 * last checkpoint). */
static uint64_t whole_fp(const cn_dedup *d, uint32_t x)
{
    return by_record_at(&d->whole, x);
}

/* Does excerpt x, chained at checkpoint j, start the full answer whose
 * running hashes are in d->run (its key len long)? Its prefix up to cps[j]
 * matched already; the rest is checked on its whole-key fingerprint. */
static bool excerpt_starts(const cn_dedup *d, uint32_t x, size_t j, size_t len)
{
    size_t xl = rec_len(d, x);
    if (xl > len)
        return false;
    return j + 1 == d->ncp || whole_fp(d, x) == prefix_fp(d, xl);
}

/* The latest earlier excerpt whose key starts this full answer's key. */
static uint32_t find_excerpt_of(cn_dedup *d, const akey *k)
{
    uint32_t best = NONE;
    bool ran = false;
    for (size_t j = 0, top = last_cp(d, k->len); j <= top; j++) {
        if (d->n_part[j] == 0)
            continue;
        uint32_t x = table_find(d, &d->part, j, k->fp[j]);
        if (x == NONE)
            continue;
        if (!ran)
            run_prefixes(d, k->key, k->len);
        ran = true;
        while (x != NONE && !excerpt_starts(d, x, j, k->len))
            x = rec_older(d, x);
        if (x != NONE && (best == NONE || x > best))
            best = x;
    }
    return best;
}

/* Full answer r passes every checkpoint up to its last, where its key ends
 * (or, at the last checkpoint, goes on). Past a checkpoint it is the answer
 * for every excerpt compared there, so it replaces the chain; where it ends,
 * it goes in front of the earlier answers that are longer than it (the others
 * can no longer be the latest long enough). */
static bool full_put(cn_dedup *d, uint32_t r, const uint64_t *fp)
{
    size_t len = rec_len(d, r), top = last_cp(d, len);
    for (size_t j = 0; j <= top; j++) {
        uint32_t prev;
        if (!full_table_put(d, j, fp[j], r, j < top ? NULL : &prev))
            return false;
        if (j < top)
            continue;
        while (prev != NONE && rec_len(d, prev) <= len)
            prev = rec_older(d, prev);
        if (!set_older(d, r, prev))
            return false;
    }
    return true;
}

/* Excerpt r is chained at its last checkpoint in front of the earlier
 * excerpts there. At the last checkpoint, where only lengths differ, those no
 * shorter than it can no longer be the latest that fits. */
static bool excerpt_put(cn_dedup *d, uint32_t r, const uint64_t *fp)
{
    size_t len = rec_len(d, r), j = last_cp(d, len);
    uint32_t prev;
    if (!table_put(d, &d->part, j, fp[j], r, &prev))
        return false;
    if (prev == NONE)
        d->n_part[j]++;
    while (j + 1 == d->ncp && prev != NONE && rec_len(d, prev) >= len)
        prev = rec_older(d, prev);
    return set_older(d, r, prev);
}

/* Index answer record r by its key's prefixes. */
static bool prefix_add(cn_dedup *d, uint32_t r, const akey *k, bool excerpt)
{
    size_t top = last_cp(d, k->len);
    if (!excerpt)
        return full_put(d, r, k->fp);
    if (top + 1 < d->ncp) {
        run_prefixes(d, k->key, k->len);
        if (!whole_put(d, r, prefix_fp(d, k->len)))
            return false;
    }
    return excerpt_put(d, r, k->fp);
}

/* ---- prefetching ------------------------------------------------------- */

/* Ask for the home slot of key k (at j) in t ahead of its lookup. */
static void prefetch_slot(const table *t, size_t j, uint64_t k)
{
    __builtin_prefetch(&t->ref[home_slot(t, j, k)]);
}

/* Slots of a probe sequence whose records are asked for ahead: a lookup
 * compares the record of every slot with its tag until an empty one,
 * and at 3/8 to 3/4 full the sequences run to several slots. */
#define PREFETCH_PROBES 8

/* Ask for the entries that a lookup of (j, k) in a PREFIX table will
 * compare: of the slots with its tag along its probe sequence. */
static void prefetch_record(const table *t, size_t j, uint64_t k)
{
    size_t s = home_slot(t, j, k);
    for (int p = 0; p < PREFETCH_PROBES; p++, s = next_slot(t, s)) {
        uint32_t ref = t->ref[s];
        if (ref == NONE)
            return;
        if ((ref & t->tag_mask) == slot_tag(t, j, k))
            __builtin_prefetch(slot_entry(t, ref));
    }
}

/* The tables are far larger than the caches and a key's slots are random, so
 * every lookup of a page would wait for memory in turn. Its keys are known
 * before any lookup: first every home slot is requested, then (those arriving
 * meanwhile) the records the prefix slots name, so the waits overlap. Hints
 * only: nothing is read that decides anything. */
static void prefetch_page(const cn_dedup *d, const cn_page *page, const akey *k)
{
    for (size_t i = 0; i < page->n_answers; i++) {
        if (k[i].len >= d->opt.min_key) {
            if (!d->disk)
                prefetch_slot(&d->own, 0, k[i].h);
            prefetch_slot(&d->other, 0, k[i].h);
        }
        if (k[i].len < d->opt.excerpt_min_key)
            continue;
        for (size_t j = 0, top = last_cp(d, k[i].len); j <= top; j++) {
            if (!d->disk)
                prefetch_slot(&d->full, j, k[i].fp[j]);
            if (d->n_part[j])
                prefetch_slot(&d->part, j, k[i].fp[j]);
        }
    }
    for (size_t i = 0; i < page->n_answers; i++) {
        if (k[i].len < d->opt.excerpt_min_key)
            continue;
        for (size_t j = 0, top = last_cp(d, k[i].len); j <= top; j++) {
            if (!d->disk)
                prefetch_record(&d->full, j, k[i].fp[j]);
            if (d->n_part[j])
                prefetch_record(&d->part, j, k[i].fp[j]);
        }
    }
}

/* ---- pages ------------------------------------------------------------- */

/* Digests of answer i's keys under the scoping rule: long keys stand alone
 * (hashed by make_keys), short ones only within their question. */
static void key_hashes(const cn_dedup *d, const cn_page *page, akey *k, cn_answer *a)
{
    if (k->len >= d->opt.min_key)
        memcpy(a->answer_id, k->id, CN_ID_LEN + 1);
    else
        k->h = hash_key(page->question_id, k->key, k->len, a->answer_id);
    if (k->alt && k->alt_len < d->opt.min_key)
        k->alt_h = hash_key(page->question_id, k->alt, k->alt_len, NULL);
}

static void free_keys(akey *k, size_t n)
{
    for (size_t i = 0; k && i < n; i++) {
        free(k[i].key);
        free(k[i].alt);
    }
    if (k)
        free(k[0].fp);
    free(k);
}

/* The key of an answer: of its text, else of its title, else of its index. */
static char *answer_key(const cn_answer *a)
{
    const char *t = a->text ? a->text : "";
    char *key = cn_text_dedup_key(t, strlen(t));
    if (key && !*key && a->title) {
        free(key);
        key = cn_text_dedup_key(a->title, strlen(a->title));
    }
    if (key && !*key) {
        free(key);
        char tmp[32];
        snprintf(tmp, sizeof tmp, "#%zu", a->index);
        key = strdup(tmp);
    }
    return key;
}

/* The key's fingerprints at the checkpoints it reaches. */
static void key_fingerprints(cn_dedup *d, akey *k)
{
    if (k->len < d->opt.excerpt_min_key)
        return;
    run_prefixes(d, k->key, k->len);
    for (size_t j = 0, top = last_cp(d, k->len); j <= top; j++)
        k->fp[j] = prefix_fp(d, d->cps[j]);
}

/* Keys of every answer, and the fingerprints of their prefixes. */
static bool make_keys(cn_dedup *d, const cn_page *page, akey *k)
{
    size_t n = page->n_answers ? page->n_answers : 1;
    k[0].fp = calloc(n * d->ncp, sizeof *k[0].fp);
    if (!k[0].fp)
        return false;
    for (size_t i = 0; i < page->n_answers; i++) {
        const cn_answer *a = &page->answers[i];
        k[i].fp = k[0].fp + i * d->ncp;
        k[i].canon = NONE;
        if (!(k[i].key = answer_key(a)))
            return false;
        k[i].len = strlen(k[i].key);
        key_fingerprints(d, &k[i]);
        /* Long keys stand alone: hashed once here for both the question and
         * the answer (short ones wait for the question's id). */
        if (k[i].len >= d->opt.min_key)
            k[i].h = hash_key(NULL, k[i].key, k[i].len, k[i].id);
        if (a->match_text) {
            k[i].alt = cn_text_dedup_key(a->match_text, strlen(a->match_text));
            if (!k[i].alt)
                return false;
            k[i].alt_len = strlen(k[i].alt);
            if (k[i].alt_len == 0 || strcmp(k[i].alt, k[i].key) == 0) {
                free(k[i].alt);
                k[i].alt = NULL;
            } else if (k[i].alt_len >= d->opt.min_key) {
                k[i].alt_h = hash_key(NULL, k[i].alt, k[i].alt_len, NULL);
            }
        }
    }
    return true;
}

/* Answers [0, *end) are not in the trailing run of excerpts (the whole page
 * when it has nothing but excerpts). */
static size_t before_trailing_excerpts(const cn_page *page)
{
    size_t end = page->n_answers;
    while (end > 0 && page->answers[end - 1].excerpt)
        end--;
    return end > 0 ? end : page->n_answers;
}

/* The record of an earlier answer that answer i repeats, or NONE. A full
 * answer repeats by key; an excerpt by prefix, unless it is in the trailing
 * run, where related-question excerpts sit. */
static uint32_t shared_question(const cn_dedup *d, const cn_page *page, size_t i, const akey *k,
                                size_t trailing)
{
    if (page->answers[i].excerpt) {
        if (i >= trailing || k->len < d->opt.excerpt_min_key)
            return NONE;
        return find_full_for_excerpt(d, k);
    }
    uint32_t r = NONE;
    if (k->len >= d->opt.min_key)
        r = exact_find(d, k->h);
    if (r == NONE && k->alt && k->alt_len >= d->opt.min_key)
        r = exact_find(d, k->alt_h);
    return r;
}

/* The page's question: joined to an earlier one through a shared (long)
 * answer, else from its title, else from its answers. */
static bool question_id(const cn_dedup *d, cn_page *page, const akey *k)
{
    size_t trailing = before_trailing_excerpts(page);
    for (size_t i = 0; i < page->n_answers; i++) {
        uint32_t r = shared_question(d, page, i, &k[i], trailing);
        if (r != NONE) {
            id_text(record_qid(d, r), page->question_id);
            return true;
        }
    }
    if (page->question) {
        char *q = cn_text_dedup_key(page->question, strlen(page->question));
        if (!q)
            return false;
        bool used = *q != '\0';
        if (used)
            hash_key("q", q, strlen(q), page->question_id);
        free(q);
        if (used)
            return true;
    }
    cn_sha256_ctx ctx;
    unsigned char dg[32];
    cn_sha256_init(&ctx);
    cn_sha256_update(&ctx, "p\n", 2);
    bool any = false;
    for (int pass = 0; pass < 2 && !any; pass++) {
        for (size_t i = 0; i < page->n_answers; i++) {
            if (pass == 0 && page->answers[i].excerpt)
                continue;
            cn_sha256_update(&ctx, k[i].key, k[i].len);
            cn_sha256_update(&ctx, "\n", 1);
            any = true;
        }
    }
    if (!any && page->file)
        cn_sha256_update(&ctx, page->file, strlen(page->file));
    cn_sha256_final(&ctx, dg);
    cn_sha256_digest_hex(dg, page->question_id, CN_ID_LEN);
    return true;
}

/* Answer i repeats record r. */
static void mark_duplicate(const cn_dedup *d, cn_answer *a, akey *k, uint32_t r)
{
    id_text(rec_aid(d, r), a->duplicate_of);
    k->canon = r;
}

/* Look answer i up: an equal key, or for excerpts a prefix. */
static void find_duplicate(cn_dedup *d, cn_page *page, uint64_t qid, size_t i, akey *k)
{
    cn_answer *a = &page->answers[i];
    uint32_t r = exact_find(d, k->h);
    if (r == NONE && k->alt)
        r = exact_find(d, k->alt_h);
    if (r != NONE) {
        mark_duplicate(d, a, k, r);
        return;
    }
    if (k->len < d->opt.excerpt_min_key)
        return;
    r = a->excerpt ? find_full_for_excerpt(d, k) : find_excerpt_of(d, k);
    /* An answer cut by the page's end ("... discuss this w") that starts
     * like an earlier full answer of its question is a second, cut copy of
     * it (pages that print each answer twice); never a related excerpt. */
    if (r == NONE && a->truncated && !a->excerpt) {
        r = find_full_for_excerpt(d, k);
        if (r != NONE && record_qid(d, r) != qid)
            return;
    }
    if (r == NONE)
        return;
    if (record_qid(d, r) != qid) {
        k->other_question = a->excerpt;
        return;
    }
    mark_duplicate(d, a, k, r);
}

static bool index_answer(cn_dedup *d, const cn_page *page, uint64_t qid, size_t i, const akey *k)
{
    const cn_answer *a = &page->answers[i];
    uint32_t r = k->canon;
    bool dup = r != NONE;
    if (!dup && !record_add(d, id_number(a->answer_id), qid, k->len, &r))
        return false;
    if (!exact_add(d, k->h, r) || (k->alt && !exact_add(d, k->alt_h, r)))
        return false;
    if (dup || k->len < d->opt.excerpt_min_key)
        return true;
    return prefix_add(d, r, k, a->excerpt);
}

/* Related-question excerpts: excerpts of another question's answers, and on a
 * flat page with full answers the trailing excerpts that repeat nothing. */
static void mark_related(cn_page *page, const akey *k)
{
    bool full = false;
    for (size_t i = 0; i < page->n_answers; i++)
        full |= !page->answers[i].excerpt;
    for (size_t i = 0; i < page->n_answers; i++)
        if (k[i].other_question)
            page->answers[i].related = true;
    if (page->format != CN_FORMAT_FLAT || !full)
        return;
    for (size_t i = page->n_answers; i > 0 && page->answers[i - 1].excerpt; i--)
        if (!page->answers[i - 1].duplicate_of[0])
            page->answers[i - 1].related = true;
}

/* The scratch files' failure as this call's error. */
static int io_error(const cn_dedup *d, cn_error *err)
{
    int code = d->io->err.code == CN_ERR_NOMEM ? CN_ERR_NOMEM : CN_ERR_IO;
    return cn_error_set(err, code, "de-duplication index: %s", d->io->err.message);
}

int cn_dedup_assign(cn_dedup *d, cn_page *page, cn_error *err)
{
    if (d->io->failed)
        return io_error(d, err);
    akey *k = calloc(page->n_answers ? page->n_answers : 1, sizeof *k);
    bool keyed = k && make_keys(d, page, k);
    if (keyed)
        prefetch_page(d, page, k);
    if (!keyed || !question_id(d, page, k)) {
        free_keys(k, page->n_answers);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    uint64_t qid = id_number(page->question_id);
    bool ok = true;
    for (size_t i = 0; i < page->n_answers && ok; i++) {
        cn_answer *a = &page->answers[i];
        a->duplicate_of[0] = '\0';
        a->related = false;
        key_hashes(d, page, &k[i], a);
        find_duplicate(d, page, qid, i, &k[i]);
        /* Full answers are indexed at once, so a repeat on the same page is found. */
        if (!a->excerpt)
            ok = index_answer(d, page, qid, i, &k[i]);
    }
    if (ok) {
        mark_related(page, k);
        for (size_t i = 0; i < page->n_answers && ok; i++)
            if (page->answers[i].excerpt && !page->answers[i].related)
                ok = index_answer(d, page, qid, i, &k[i]);
    }
    /* what is not checked before it grows (excerpts, questions, links) */
    if (ok && !d->disk && d->opt.memory_budget && cn_dedup_bytes(d) > spill_limit(d))
        ok = spill_all(d);
    free_keys(k, page->n_answers);
    if (d->io->failed)
        return io_error(d, err);
    return ok ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}
