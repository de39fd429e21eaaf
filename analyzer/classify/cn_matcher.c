/* cn_matcher: one-pass multi-pattern matching over tokens (token trie + threads). */
#include "cn_matcher.h"

#include "cn_sort.h"
#include "cn_bytes.h"
#include "cn_hash.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GAP_MAX 3
/* Partial matches alive at one token, at most. Real text keeps a few dozen;
 * patterns made of many gaps ("s* ** s* ** ...") on text that keeps matching
 * them would otherwise multiply threads at every word, so past this the
 * newest are dropped: matching stays linear in the text whatever the rules
 * (rules/README.md says so; `rules check` warns about such patterns). */
#define MAX_LIVE_THREADS 256

enum edge_kind { EDGE_WORD = 1, EDGE_CLASS = 2, EDGE_PREFIX = 3 };

/* Edges a node keeps in itself: most nodes below the root have one or two,
 * found there without a probe of the edge map (a cache miss per lookup). */
#define INLINE_EDGES 2

/* One cache line (the node array is aligned to them): a scan reads a node
 * per thread per token, and the node array is larger than the core's cache,
 * so a node that straddled two lines, or kept its payloads in a block of
 * their own, cost a second miss. */
#define NODE_ALIGN 64
typedef struct mnode {
    /* one bit per (kind, id) of its edges: most lookups of an edge a node
     * lacks end here, without a hash */
    _Alignas(NODE_ALIGN) uint64_t edge_bloom;
    int any_child;     /* -1 when none */
    int gap_child;     /* -1 when none */
    unsigned n_edges;  /* word, class and prefix edges */
    int first_payload; /* payloads[0], read without a second miss */
    int *payloads;     /* all of them, in the order added */
    unsigned n_payloads;
    bool is_gap;                       /* reached through a gap edge: may absorb tokens */
    uint32_t inline_key[INLINE_EDGES]; /* the first ones' inline_key_of */
    int inline_child[INLINE_EDGES];    /* and their children */
} mnode;
_Static_assert(sizeof(mnode) == NODE_ALIGN, "a node is one cache line");

typedef struct int_list {
    int *items;
    size_t n;
} int_list;

/* A byte trie of the prefix elements ("recommend*"), so the prefixes a token
 * starts with are found in one walk along its bytes rather than one hash of
 * each of its prefixes (which costs the square of the token's length). */
typedef struct pnode {
    uint64_t child_bytes[4]; /* one bit per byte a child is reached by: most
                                tokens leave the trie at a byte no prefix
                                continues with, found without walking the
                                children */
    int prefix;              /* prefix id ending here, or -1 */
    int first_child;         /* -1 when none */
    int next_sibling;        /* -1 when none */
    unsigned char byte;
} pnode;

/* One slot of the table vocab_find looks words up in: the word's hash,
 * length, first bytes and what the matcher wants of it (its word id and word
 * class) together, so a token of the vocabulary is found, checked and read
 * within one cache line, where a string map costs a probe, a compare with a
 * key elsewhere in memory and a read of the entry (three cache misses per
 * token, and most tokens of a text are in the vocabulary). */
#define VOCAB_HEAD 8
typedef struct vocab_slot {
    uint64_t hash; /* cn_hash_bytes of the word */
    int entry;     /* index into vocab_entries; -1: the slot is empty */
    unsigned len;
    int word; /* the entry's word id (vocab_entry.word) */
    /* Where the word's keys are in cn_matcher.keys once sealed: -1 when it
     * has no word class and starts with no prefix element (or before
     * cn_matcher_seal; vocab_entry.word_class then) */
    int keys;
    char head[VOCAB_HEAD]; /* the word's first bytes: all of most words */
} vocab_slot;

/* A token offers at most this many word classes and prefix elements to the
 * edges (its number class counted among the classes). */
#define MAX_TOKEN_CLASSES 16
#define MAX_TOKEN_PREFIXES 32

/* What a token's word is to the matcher: its literal-word id and its word
 * classes, found with one hash lookup per token. */
typedef struct vocab_entry {
    char *text;     /* the word, owned: for vocab_find's check of long words */
    int word;       /* id in words, or -1 */
    int word_class; /* index into word_classes, or -1 */
    int keys;       /* vocab_slot.keys again, for a token that names its entry (cn_token.vocab) */
    /* Sealed: where the word's root children are in cn_matcher.roots (-1:
     * none), the nodes a thread at the root reaches with the word, its
     * classes and its prefixes, in the order step_root tries them: a match
     * may start at every token, and these are the same for every token of
     * the word. */
    int roots;
} vocab_entry;

struct cn_matcher {
    mnode *nodes;
    size_t n_nodes, cap_nodes;
    cn_u64map *edges;              /* (node, kind, id) -> child */
    cn_strmap *words;              /* literal word -> id */
    cn_strmap *prefixes;           /* prefix -> id */
    cn_strmap *classes;            /* class name -> id */
    cn_strmap *word_classes_index; /* word -> index into word_classes */
    int_list *word_classes;
    size_t n_word_classes, cap_word_classes;
    int num_class;
    size_t n_patterns;
    pnode *pnodes; /* pnodes[0] is the root (the empty prefix) */
    size_t n_pnodes, cap_pnodes;
    int proot[256]; /* the root's children by byte, -1 when none */
    /* One bit per pair of first bytes some prefix element starts with: most
     * words start with a pair none does, and leave the trie there without
     * walking it (a prefix of one byte is found at the root's child). */
    uint64_t pair_bits[65536 / 64];
    /* The root's children by kind and id (-1 when none): every token starts a
     * thread at the root, so these are the most frequent lookups. */
    int *root_child[4];
    size_t root_cap[4];
    cn_strmap *vocab;            /* word -> index into vocab_entries */
    vocab_slot *vslots;          /* vocab again, as vocab_find reads it */
    size_t vcap;                 /* slots: a power of two, at least twice n_vocab */
    unsigned vbits;              /* log2(vcap) */
    cn_word_filter vocab_filter; /* of vocab's words */
    vocab_entry *vocab_entries;
    size_t n_vocab, cap_vocab;
    /* Sealed (cn_matcher_seal): every vocabulary word's keys, the ones a
     * scan would find for it, compiled once: at vocab_slot.keys, its number
     * of classes, its number of prefixes, its classes, its prefixes. */
    int *keys;
    size_t n_keys;
    /* Sealed: each vocabulary word's root children (vocab_entry.roots): their
     * number, then the children. */
    int *roots;
    size_t n_roots;
    bool sealed;
};

static int new_node(cn_matcher *m, bool is_gap)
{
    if (m->n_nodes == m->cap_nodes) {
        size_t cap = m->cap_nodes ? m->cap_nodes * 2 : 256;
        /* aligned, so each node is within one cache line (realloc keeps no
         * alignment: a new block and a copy) */
        mnode *nodes = aligned_alloc(NODE_ALIGN, cap * sizeof *nodes);
        if (!nodes)
            return -1;
        if (m->n_nodes)
            memcpy(nodes, m->nodes, m->n_nodes * sizeof *nodes);
        free(m->nodes);
        m->nodes = nodes;
        m->cap_nodes = cap;
    }
    m->nodes[m->n_nodes] =
        (mnode){.edge_bloom = 0, .any_child = -1, .gap_child = -1, .is_gap = is_gap};
    return (int)m->n_nodes++;
}

cn_matcher *cn_matcher_new(void)
{
    cn_matcher *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->edges = cn_u64map_new();
    m->words = cn_strmap_new();
    m->prefixes = cn_strmap_new();
    m->classes = cn_strmap_new();
    m->word_classes_index = cn_strmap_new();
    m->vocab = cn_strmap_new();
    for (size_t b = 0; b < 256; b++)
        m->proot[b] = -1;
    if (!m->edges || !m->words || !m->prefixes || !m->classes || !m->word_classes_index ||
        !m->vocab || new_node(m, false) != 0 || cn_strmap_put(m->classes, "num", 0)) {
        cn_matcher_free(m);
        return NULL;
    }
    m->num_class = 0;
    return m;
}

void cn_matcher_free(cn_matcher *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_nodes; i++)
        free(m->nodes[i].payloads);
    free(m->nodes);
    for (size_t i = 0; i < m->n_word_classes; i++)
        free(m->word_classes[i].items);
    free(m->word_classes);
    cn_u64map_free(m->edges);
    cn_strmap_free(m->words);
    cn_strmap_free(m->prefixes);
    cn_strmap_free(m->classes);
    cn_strmap_free(m->word_classes_index);
    cn_strmap_free(m->vocab);
    for (size_t i = 0; i < m->n_vocab; i++)
        free(m->vocab_entries[i].text);
    free(m->vocab_entries);
    free(m->vslots);
    free(m->keys);
    free(m->roots);
    free(m->pnodes);
    for (size_t k = 0; k < 4; k++)
        free(m->root_child[k]);
    free(m);
}

size_t cn_matcher_patterns(const cn_matcher *m)
{
    return m->n_patterns;
}

static int intern(cn_strmap *map, const char *key)
{
    int id = cn_strmap_get(map, key);
    if (id >= 0)
        return id;
    id = (int)cn_strmap_count(map);
    return cn_strmap_put(map, key, id) ? -1 : id;
}

static int list_push(int_list *l, int v)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i] == v)
            return 0;
    int *items = realloc(l->items, (l->n + 1) * sizeof *items);
    if (!items)
        return -1;
    items[l->n++] = v;
    l->items = items;
    return 0;
}

/* The slot index where a word of this hash starts its probe. */
static size_t vocab_home(const cn_matcher *m, uint64_t hash)
{
    /* multiplied: FNV's low bits alone are weak */
    return (size_t)((hash * 0x9E3779B97F4A7C15ull) >> (64 - m->vbits));
}

/* Put entry e (its word in vocab_entries) into the table, which has room. */
static void vslot_put(cn_matcher *m, int e)
{
    const char *w = m->vocab_entries[e].text;
    size_t len = strlen(w);
    uint64_t hash = cn_hash_bytes(w, len);
    size_t i = vocab_home(m, hash);
    while (m->vslots[i].entry >= 0)
        i = (i + 1) & (m->vcap - 1);
    vocab_slot *s = &m->vslots[i];
    *s = (vocab_slot){.hash = hash,
                      .entry = e,
                      .len = (unsigned)len,
                      .word = m->vocab_entries[e].word,
                      .keys = -1};
    memcpy(s->head, w, len < VOCAB_HEAD ? len : VOCAB_HEAD);
}

/* Make room in the table for one more word (at most half full). */
static int vslots_reserve(cn_matcher *m)
{
    if ((m->n_vocab + 1) * 2 <= m->vcap)
        return 0;
    unsigned bits = m->vbits ? m->vbits + 1 : 9;
    vocab_slot *slots = malloc(((size_t)1 << bits) * sizeof *slots);
    if (!slots)
        return -1;
    free(m->vslots);
    m->vslots = slots;
    m->vbits = bits;
    m->vcap = (size_t)1 << bits;
    for (size_t i = 0; i < m->vcap; i++)
        m->vslots[i].entry = -1;
    for (size_t e = 0; e < m->n_vocab; e++)
        vslot_put(m, (int)e);
    return 0;
}

/* Copy v's word id into its slot, after it changed. */
static void vslot_sync(cn_matcher *m, const vocab_entry *v)
{
    int e = (int)(v - m->vocab_entries);
    size_t len = strlen(v->text);
    for (size_t i = vocab_home(m, cn_hash_bytes(v->text, len));; i = (i + 1) & (m->vcap - 1))
        if (m->vslots[i].entry == e) {
            m->vslots[i].word = v->word;
            return;
        }
}

_Static_assert(VOCAB_HEAD == 8, "cn_head_is compares a head of at most 8 bytes");

/* The slot of word[0..len) (hash its cn_hash_bytes), or NULL. */
static const vocab_slot *vocab_find(const cn_matcher *m, const char *word, size_t len,
                                    uint64_t hash)
{
    if (!m->vcap)
        return NULL;
    for (size_t i = vocab_home(m, hash);; i = (i + 1) & (m->vcap - 1)) {
        const vocab_slot *s = &m->vslots[i];
        if (s->entry < 0)
            return NULL;
        if (s->hash == hash && s->len == len &&
            cn_head_is(s->head, word, len < VOCAB_HEAD ? len : VOCAB_HEAD) &&
            (len <= VOCAB_HEAD || !memcmp(m->vocab_entries[s->entry].text + VOCAB_HEAD,
                                          word + VOCAB_HEAD, len - VOCAB_HEAD)))
            return s;
    }
}

/* The vocabulary entry of word, made on first use; NULL on OOM. */
static vocab_entry *vocab_of(cn_matcher *m, const char *word)
{
    int v = cn_strmap_get(m->vocab, word);
    if (v >= 0)
        return &m->vocab_entries[v];
    if (m->n_vocab == m->cap_vocab) {
        size_t cap = m->cap_vocab ? m->cap_vocab * 2 : 256;
        vocab_entry *e = realloc(m->vocab_entries, cap * sizeof *e);
        if (!e)
            return NULL;
        m->vocab_entries = e;
        m->cap_vocab = cap;
    }
    char *copy = strdup(word);
    if (!copy || vslots_reserve(m) || cn_strmap_put(m->vocab, word, (int)m->n_vocab)) {
        free(copy);
        return NULL;
    }
    cn_word_filter_add(&m->vocab_filter, cn_hash_bytes(word, strlen(word)));
    m->vocab_entries[m->n_vocab] = (vocab_entry){copy, -1, -1, -1, -1};
    vslot_put(m, (int)m->n_vocab);
    return &m->vocab_entries[m->n_vocab++];
}

static int new_pnode(cn_matcher *m, unsigned char byte)
{
    if (m->n_pnodes == m->cap_pnodes) {
        size_t cap = m->cap_pnodes ? m->cap_pnodes * 2 : 256;
        pnode *p = realloc(m->pnodes, cap * sizeof *p);
        if (!p)
            return -1;
        m->pnodes = p;
        m->cap_pnodes = cap;
    }
    m->pnodes[m->n_pnodes] = (pnode){{0}, -1, -1, -1, byte};
    return (int)m->n_pnodes++;
}

/* The child of trie node at byte, or -1. */
static int pchild(const cn_matcher *m, int node, unsigned char byte)
{
    if (node == 0)
        return m->proot[byte];
    if (!((m->pnodes[node].child_bytes[byte >> 6] >> (byte & 63)) & 1))
        return -1;
    for (int c = m->pnodes[node].first_child; c >= 0; c = m->pnodes[c].next_sibling)
        if (m->pnodes[c].byte == byte)
            return c;
    return -1;
}

/* Put prefix p (id) into the trie. Returns 0, or -1 on OOM. */
static int ptrie_add(cn_matcher *m, const char *p, int id)
{
    if (m->n_pnodes == 0 && new_pnode(m, 0) != 0)
        return -1;
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] && u[1]) {
        unsigned pair = (unsigned)u[0] << 8 | u[1];
        m->pair_bits[pair >> 6] |= 1ull << (pair & 63);
    }
    int node = 0;
    for (const unsigned char *b = (const unsigned char *)p; *b; b++) {
        int c = pchild(m, node, *b);
        if (c < 0) {
            c = new_pnode(m, *b);
            if (c < 0)
                return -1;
            m->pnodes[node].child_bytes[*b >> 6] |= 1ull << (*b & 63);
            if (node == 0) {
                m->proot[*b] = c;
            } else {
                m->pnodes[c].next_sibling = m->pnodes[node].first_child;
                m->pnodes[node].first_child = c;
            }
        }
        node = c;
    }
    m->pnodes[node].prefix = id;
    return 0;
}

int cn_matcher_class_add(cn_matcher *m, const char *cls, const char *word, cn_error *err)
{
    m->sealed = false; /* the word's compiled keys may change */
    int cid = intern(m->classes, cls);
    if (cid < 0)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    int idx = cn_strmap_get(m->word_classes_index, word);
    if (idx < 0) {
        if (m->n_word_classes == m->cap_word_classes) {
            size_t cap = m->cap_word_classes ? m->cap_word_classes * 2 : 64;
            int_list *wc = realloc(m->word_classes, cap * sizeof *wc);
            if (!wc)
                return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            m->word_classes = wc;
            m->cap_word_classes = cap;
        }
        idx = (int)m->n_word_classes;
        m->word_classes[m->n_word_classes++] = (int_list){0};
        vocab_entry *v = vocab_of(m, word);
        if (!v || cn_strmap_put(m->word_classes_index, word, idx))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        v->word_class = idx;
        vslot_sync(m, v);
    }
    if (list_push(&m->word_classes[idx], cid))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    return CN_OK;
}

int cn_matcher_class_exists(const cn_matcher *m, const char *cls)
{
    return cn_strmap_get(m->classes, cls) >= 0;
}

/* An edge's (kind, id) as a node's inline list holds it. */
static uint32_t inline_key_of(enum edge_kind kind, int id)
{
    return ((uint32_t)kind << 28) | (uint32_t)id;
}

static uint64_t edge_key(int node, enum edge_kind kind, int id)
{
    return ((uint64_t)(uint32_t)node << 32) | ((uint64_t)kind << 28) | (uint32_t)id;
}

static uint64_t bloom_bit(enum edge_kind kind, int id)
{
    return 1ull << (((unsigned)id * 3u + (unsigned)kind) & 63u);
}

/* The root's child along (kind, id), or -1: the root keeps its edges in
 * arrays by kind and id (every token starts a match there). */
static int root_edge(const cn_matcher *m, enum edge_kind kind, int id)
{
    return (size_t)id < m->root_cap[kind] ? m->root_child[kind][id] : -1;
}

/* The child of node along (kind, id), or -1. Inlined by force, as arrive
 * and push_next are: each runs about once a token or more, and GCC left
 * this one and arrive calls (inlined: 0.3% fewer of `classify`'s
 * instructions, for 6 KiB of code). */
static inline __attribute__((always_inline)) int edge_child(const cn_matcher *m, int node,
                                                            enum edge_kind kind, int id)
{
    if (node == 0)
        return root_edge(m, kind, id);
    const mnode *nd = &m->nodes[node];
    if (!(nd->edge_bloom & bloom_bit(kind, id)))
        return -1;
    uint32_t key = inline_key_of(kind, id);
    size_t n = nd->n_edges < INLINE_EDGES ? nd->n_edges : INLINE_EDGES;
    for (size_t i = 0; i < n; i++)
        if (nd->inline_key[i] == key)
            return nd->inline_child[i];
    if (nd->n_edges <= INLINE_EDGES)
        return -1; /* every edge of the node is inline */
    return cn_u64map_get(m->edges, edge_key(node, kind, id));
}

/* Remember the root's child along (kind, id). Returns 0, or -1 on OOM. */
static int set_root_child(cn_matcher *m, enum edge_kind kind, int id, int child)
{
    if ((size_t)id >= m->root_cap[kind]) {
        size_t cap = m->root_cap[kind] ? m->root_cap[kind] : 64;
        while (cap <= (size_t)id)
            cap *= 2;
        int *a = realloc(m->root_child[kind], cap * sizeof *a);
        if (!a)
            return -1;
        for (size_t i = m->root_cap[kind]; i < cap; i++)
            a[i] = -1;
        m->root_child[kind] = a;
        m->root_cap[kind] = cap;
    }
    m->root_child[kind][id] = child;
    return 0;
}

/* Follow or create the edge of one element from node; returns the child or -1. */
static int extend(cn_matcher *m, int node, const char *e, cn_error *err)
{
    if (!strcmp(e, "*") || !strcmp(e, "**")) {
        bool gap = e[1] == '*';
        int child = gap ? m->nodes[node].gap_child : m->nodes[node].any_child;
        if (child < 0) {
            child = new_node(m, gap);
            if (child < 0)
                return cn_error_set(err, CN_ERR_NOMEM, "out of memory"), -1;
            if (gap)
                m->nodes[node].gap_child = child;
            else
                m->nodes[node].any_child = child;
        }
        return child;
    }
    enum edge_kind kind;
    int id;
    size_t len = strlen(e);
    if (e[0] == '@') {
        kind = EDGE_CLASS;
        id = cn_strmap_get(m->classes, e + 1);
        if (id < 0)
            return cn_error_set(err, CN_ERR_RULES, "unknown word class '%s'", e), -1;
    } else if (len > 1 && e[len - 1] == '*') {
        kind = EDGE_PREFIX;
        char *p = strndup(e, len - 1);
        id = -1;
        if (p && (id = cn_strmap_get(m->prefixes, p)) < 0) {
            id = intern(m->prefixes, p);
            if (id >= 0 && ptrie_add(m, p, id))
                id = -1;
        }
        free(p);
    } else {
        kind = EDGE_WORD;
        id = cn_strmap_get(m->words, e);
        if (id < 0) {
            id = intern(m->words, e);
            vocab_entry *v = id >= 0 ? vocab_of(m, e) : NULL;
            if (v) {
                v->word = id;
                vslot_sync(m, v);
            } else {
                id = -1;
            }
        }
    }
    if (id < 0)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory"), -1;
    uint64_t key = edge_key(node, kind, id);
    int child = cn_u64map_get(m->edges, key);
    if (child < 0) {
        child = new_node(m, false);
        if (child < 0 || cn_u64map_put(m->edges, key, child))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory"), -1;
        mnode *nd = &m->nodes[node]; /* after new_node, which may move nodes */
        nd->edge_bloom |= bloom_bit(kind, id);
        if (nd->n_edges < INLINE_EDGES) {
            nd->inline_key[nd->n_edges] = inline_key_of(kind, id);
            nd->inline_child[nd->n_edges] = child;
        }
        nd->n_edges++;
        if (node == 0 && set_root_child(m, kind, id, child))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory"), -1;
    }
    return child;
}

int cn_matcher_add(cn_matcher *m, const char *const *elems, size_t n, int payload, int *earlier,
                   cn_error *err)
{
    if (earlier)
        *earlier = -1;
    m->sealed = false; /* new words and prefix elements: keys to compile again */
    if (n == 0)
        return cn_error_set(err, CN_ERR_RULES, "empty pattern");
    if (!strcmp(elems[0], "**") || !strcmp(elems[n - 1], "**"))
        return cn_error_set(err, CN_ERR_RULES, "a pattern cannot begin or end with '**'");
    int node = 0;
    for (size_t i = 0; i < n; i++) {
        if (!elems[i][0])
            return cn_error_set(err, CN_ERR_RULES, "empty pattern element");
        node = extend(m, node, elems[i], err);
        if (node < 0)
            return err ? err->code : CN_ERR_RULES;
    }
    mnode *nd = &m->nodes[node];
    if (earlier && nd->n_payloads > 0)
        *earlier = nd->payloads[0];
    int *p = realloc(nd->payloads, (nd->n_payloads + 1) * sizeof *p);
    if (!p)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    p[nd->n_payloads++] = payload;
    nd->payloads = p;
    nd->first_payload = p[0];
    m->n_patterns++;
    return CN_OK;
}

/* ---- scanning ---- */

typedef struct thread {
    int node;
    size_t start;
    int budget;
} thread;

/* Threads alive at once in most texts fit here: the two lists start on the
 * stack (scan_state's own), and move to the heap only past that. */
#define STACK_THREADS 64

typedef struct scan_state {
    thread *cur, *next;
    size_t n_cur, n_next, cap;
    bool on_heap; /* cur and next were malloc'd (else they are stack_a/stack_b) */
    cn_match *out;
    size_t n_out, cap_out;
    thread stack_a[STACK_THREADS], stack_b[STACK_THREADS];
} scan_state;

/* Double the room of both thread lists (their contents kept). Returns 0, or
 * -1 on OOM (the lists are then as they were). */
static int grow_threads(scan_state *s)
{
    size_t cap = s->cap * 2;
    thread *c = malloc(cap * sizeof *c), *n = malloc(cap * sizeof *n);
    if (!c || !n) {
        free(c);
        free(n);
        return -1;
    }
    memcpy(c, s->cur, s->n_cur * sizeof *c);
    memcpy(n, s->next, s->n_next * sizeof *n);
    if (s->on_heap) {
        free(s->cur);
        free(s->next);
    }
    s->cur = c;
    s->next = n;
    s->cap = cap;
    s->on_heap = true;
    return 0;
}

static void free_threads(scan_state *s)
{
    if (s->on_heap) {
        free(s->cur);
        free(s->next);
    }
}

static int push_match(scan_state *s, int payload, size_t first, size_t last)
{
    if (s->n_out == s->cap_out) {
        size_t cap = s->cap_out ? s->cap_out * 2 : 32;
        cn_match *o = realloc(s->out, cap * sizeof *o);
        if (!o)
            return -1;
        s->out = o;
        s->cap_out = cap;
    }
    s->out[s->n_out++] = (cn_match){payload, first, last};
    return 0;
}

/* Thread (node, start, budget) into the next token's list, unless one like
 * it is there already or the list is full. Inlined by force: it runs for
 * every arrival (about one a token), and as a call its entry and exit were
 * a third of its cost (1% of `classify`'s instructions). */
static inline __attribute__((always_inline)) int push_next(scan_state *s, int node, size_t start,
                                                           int budget)
{
    if (s->n_next >= MAX_LIVE_THREADS)
        return 0;
    for (size_t i = 0; i < s->n_next; i++)
        if (s->next[i].node == node && s->next[i].start == start && s->next[i].budget >= budget)
            return 0;
    if (s->n_next == s->cap && grow_threads(s))
        return -1;
    s->next[s->n_next++] = (thread){node, start, budget};
    return 0;
}

/* A thread arrives at child after consuming token i: report, and enter gaps. */
static inline __attribute__((always_inline)) int
arrive(const cn_matcher *m, scan_state *s, int child, size_t start, size_t i, int budget)
{
    const mnode *nd = &m->nodes[child];
    if (nd->n_payloads && push_match(s, nd->first_payload, start, i))
        return -1;
    for (size_t k = 1; k < nd->n_payloads; k++)
        if (push_match(s, nd->payloads[k], start, i))
            return -1;
    if (push_next(s, child, start, budget))
        return -1;
    if (nd->gap_child >= 0 && push_next(s, nd->gap_child, start, GAP_MAX))
        return -1;
    return 0;
}

/* The ids one token offers to edges: its word, its classes, its prefixes.
 * classes and prefixes point at the word's keys compiled by cn_matcher_seal
 * (most tokens: their word is in the vocabulary), else at own_classes and
 * own_prefixes, filled here. */
typedef struct token_keys {
    /* the root children the token reaches (vocab_entry.roots), when known:
     * roots_known false, step_root finds them from the keys below */
    bool roots_known;
    const int *roots;
    size_t n_roots;
    int word;
    const int *classes;
    size_t n_classes;
    const int *prefixes;
    size_t n_prefixes;
    int own_classes[MAX_TOKEN_CLASSES];
    int own_prefixes[MAX_TOKEN_PREFIXES];
} token_keys;

/* Every prefix element word (NUL-terminated) starts with, shortest first, at
 * most MAX_TOKEN_PREFIXES of them, into out; their number. */
static size_t walk_prefixes(const cn_matcher *m, const char *word, int *out)
{
    size_t n = 0;
    const unsigned char *w = (const unsigned char *)word;
    if (!m->n_pnodes || !w[0])
        return 0;
    int node = m->proot[w[0]];
    if (node < 0)
        return 0;
    if (m->pnodes[node].prefix >= 0)
        out[n++] = m->pnodes[node].prefix;
    unsigned pair = (unsigned)w[0] << 8 | w[1];
    if (!w[1] || !((m->pair_bits[pair >> 6] >> (pair & 63)) & 1))
        return n; /* no prefix element goes on past the first byte this way */
    for (const unsigned char *b = w + 1; *b && n < MAX_TOKEN_PREFIXES; b++) {
        node = pchild(m, node, *b);
        if (node < 0)
            break;
        if (m->pnodes[node].prefix >= 0)
            out[n++] = m->pnodes[node].prefix;
    }
    return n;
}

/* The word classes of vocabulary entry e (none when it has none). */
static int_list word_classes_of(const cn_matcher *m, const vocab_entry *e)
{
    return e->word_class >= 0 ? m->word_classes[e->word_class] : (int_list){NULL, 0};
}

/* The keys of a token whose word is a vocabulary word in a sealed matcher,
 * its compiled keys at keys (-1: none): read there, no walk of the prefix
 * trie. */
static void sealed_keys(const cn_matcher *m, int keys, token_keys *k)
{
    if (keys < 0) {
        k->n_classes = k->n_prefixes = 0;
        return;
    }
    const int *block = m->keys + keys;
    k->n_classes = (size_t)block[0];
    k->n_prefixes = (size_t)block[1];
    k->classes = block + 2;
    k->prefixes = block + 2 + block[0];
}

/* The vocabulary entry of token t's word, or NULL. A token of the rule
 * set's tokenizer names it (cn_token.vocab, from the cn_lexicon built after
 * this matcher was sealed), so only other tokens are looked up here. */
static const vocab_entry *token_entry(const cn_matcher *m, const cn_token *t)
{
    if (t->lexicon && m->sealed)
        return t->vocab >= 0 ? &m->vocab_entries[t->vocab] : NULL;
    const vocab_slot *s = cn_word_filter_may_have(&m->vocab_filter, t->hash)
                              ? vocab_find(m, t->word, t->len, t->hash)
                              : NULL;
    return s ? &m->vocab_entries[s->entry] : NULL;
}

static void token_keys_of(const cn_matcher *m, const cn_token *t, token_keys *k)
{
    const vocab_entry *e = token_entry(m, t);
    k->word = e ? e->word : -1;
    k->classes = k->own_classes;
    k->prefixes = k->own_prefixes;
    k->roots_known = false;
    if (e && m->sealed && !t->number) {
        sealed_keys(m, e->keys, k);
        k->roots_known = true;
        k->n_roots = e->roots < 0 ? 0 : (size_t)m->roots[e->roots];
        k->roots = e->roots < 0 ? NULL : m->roots + e->roots + 1;
        return;
    }
    /* a number's class first, then its word's (a number in the vocabulary
     * is rare: its compiled keys are not used) */
    k->n_classes = 0;
    if (t->number)
        k->own_classes[k->n_classes++] = m->num_class;
    int_list l = e ? word_classes_of(m, e) : (int_list){NULL, 0};
    for (size_t i = 0; i < l.n && k->n_classes < MAX_TOKEN_CLASSES; i++)
        k->own_classes[k->n_classes++] = l.items[i];
    k->n_prefixes = walk_prefixes(m, t->word, k->own_prefixes);
}

size_t cn_matcher_vocab_count(const cn_matcher *m)
{
    return m->n_vocab;
}

const char *cn_matcher_vocab_word(const cn_matcher *m, size_t entry)
{
    return entry < m->n_vocab ? m->vocab_entries[entry].text : NULL;
}

/* Each vocabulary entry's root children (vocab_entry.roots), from its keys
 * compiled just before: the children root_edge gives for its word, its
 * classes and its prefixes, in step_root's order, those that exist. Returns
 * 0, or -1 when memory runs out. */
static int seal_roots(cn_matcher *m)
{
    m->n_roots = 0;
    size_t cap = 0;
    for (size_t v = 0; v < m->n_vocab; v++) {
        vocab_entry *e = &m->vocab_entries[v];
        token_keys k;
        k.word = e->word;
        sealed_keys(m, e->keys, &k);
        int found[1 + MAX_TOKEN_CLASSES + MAX_TOKEN_PREFIXES];
        size_t n = 0;
        int child;
        if (k.word >= 0 && (child = root_edge(m, EDGE_WORD, k.word)) >= 0)
            found[n++] = child;
        for (size_t c = 0; c < k.n_classes; c++)
            if ((child = root_edge(m, EDGE_CLASS, k.classes[c])) >= 0)
                found[n++] = child;
        for (size_t p = 0; p < k.n_prefixes; p++)
            if ((child = root_edge(m, EDGE_PREFIX, k.prefixes[p])) >= 0)
                found[n++] = child;
        e->roots = -1;
        if (n == 0)
            continue;
        if (m->n_roots + 1 + n > cap) {
            size_t ncap = cap ? 2 * cap : 1024;
            while (ncap < m->n_roots + 1 + n)
                ncap *= 2;
            int *roots = ncap <= INT32_MAX ? realloc(m->roots, ncap * sizeof *roots) : NULL;
            if (!roots)
                return -1;
            m->roots = roots;
            cap = ncap;
        }
        m->roots[m->n_roots] = (int)n;
        memcpy(m->roots + m->n_roots + 1, found, n * sizeof *found);
        e->roots = (int)m->n_roots;
        m->n_roots += 1 + n;
    }
    return 0;
}

int cn_matcher_seal(cn_matcher *m)
{
    m->sealed = false;
    m->n_keys = 0;
    size_t cap = 0;
    int prefixes[MAX_TOKEN_PREFIXES];
    for (size_t i = 0; i < m->vcap; i++) {
        vocab_slot *s = &m->vslots[i];
        if (s->entry < 0)
            continue;
        const vocab_entry *v = &m->vocab_entries[s->entry];
        int_list l = word_classes_of(m, v);
        size_t nc = l.n < MAX_TOKEN_CLASSES ? l.n : MAX_TOKEN_CLASSES;
        size_t np = walk_prefixes(m, v->text, prefixes);
        s->keys = -1;
        m->vocab_entries[s->entry].keys = -1;
        if (nc + np == 0)
            continue;
        if (m->n_keys + 2 + nc + np > cap) {
            size_t ncap = cap ? 2 * cap : 1024;
            while (ncap < m->n_keys + 2 + nc + np)
                ncap *= 2;
            int *keys = ncap <= INT32_MAX ? realloc(m->keys, ncap * sizeof *keys) : NULL;
            if (!keys)
                return -1;
            m->keys = keys;
            cap = ncap;
        }
        int *block = m->keys + m->n_keys;
        block[0] = (int)nc;
        block[1] = (int)np;
        if (nc) /* l.items is NULL for a word of no class */
            memcpy(block + 2, l.items, nc * sizeof *block);
        if (np)
            memcpy(block + 2 + nc, prefixes, np * sizeof *block);
        s->keys = (int)m->n_keys;
        m->vocab_entries[s->entry].keys = s->keys;
        m->n_keys += 2 + nc + np;
    }
    if (seal_roots(m))
        return -1;
    m->sealed = true;
    return 0;
}

/* What a thread at the root does with token i (step's work for node 0,
 * which is no gap and keeps its edges in root_child): a match may start at
 * every token, so this runs for each, and was a thread of its own, pushed,
 * dispatched and tested like the others. Called after the live threads,
 * where the root's thread stood in the list, so the threads it starts come
 * in the same order. */
static int step_root(const cn_matcher *m, scan_state *s, const token_keys *k, size_t i)
{
    int child;
    if (k->roots_known) {
        for (size_t r = 0; r < k->n_roots; r++)
            if (arrive(m, s, k->roots[r], i, i, 0))
                return -1;
        if (m->nodes[0].any_child >= 0 && arrive(m, s, m->nodes[0].any_child, i, i, 0))
            return -1;
        return 0;
    }
    if (k->word >= 0 && (child = root_edge(m, EDGE_WORD, k->word)) >= 0 &&
        arrive(m, s, child, i, i, 0))
        return -1;
    for (size_t c = 0; c < k->n_classes; c++)
        if ((child = root_edge(m, EDGE_CLASS, k->classes[c])) >= 0 && arrive(m, s, child, i, i, 0))
            return -1;
    for (size_t p = 0; p < k->n_prefixes; p++)
        if ((child = root_edge(m, EDGE_PREFIX, k->prefixes[p])) >= 0 &&
            arrive(m, s, child, i, i, 0))
            return -1;
    if (m->nodes[0].any_child >= 0 && arrive(m, s, m->nodes[0].any_child, i, i, 0))
        return -1;
    return 0;
}

/* The thread is taken by value: push_next may grow s->cur, where it lives. */
static int step(const cn_matcher *m, scan_state *s, thread t, const token_keys *k, size_t i)
{
    const thread *th = &t;
    const mnode *nd = &m->nodes[th->node];
    /* A node where patterns only end (no edge, no "*", no gap, not a gap)
     * takes no token: its thread, kept in the list for push_next's count and
     * duplicate check, goes no further. Most matches end at such a node. */
    if (nd->n_edges == 0 && nd->any_child < 0 && !nd->is_gap)
        return 0;
    int child;
    if (k->word >= 0 && (child = edge_child(m, th->node, EDGE_WORD, k->word)) >= 0 &&
        arrive(m, s, child, th->start, i, 0))
        return -1;
    for (size_t c = 0; c < k->n_classes; c++)
        if ((child = edge_child(m, th->node, EDGE_CLASS, k->classes[c])) >= 0 &&
            arrive(m, s, child, th->start, i, 0))
            return -1;
    for (size_t p = 0; p < k->n_prefixes; p++)
        if ((child = edge_child(m, th->node, EDGE_PREFIX, k->prefixes[p])) >= 0 &&
            arrive(m, s, child, th->start, i, 0))
            return -1;
    if (nd->any_child >= 0 && arrive(m, s, nd->any_child, th->start, i, 0))
        return -1;
    if (nd->is_gap && th->budget > 0 && push_next(s, th->node, th->start, th->budget - 1))
        return -1;
    return 0;
}

static int match_cmp(const void *a, const void *b)
{
    const cn_match *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->last != y->last)
        return x->last > y->last ? -1 : 1;
    return (x->payload > y->payload) - (x->payload < y->payload);
}

/* Sort matches by match_cmp. They come out ordered by their last token, so
 * by their first one they are nearly sorted: insertion sort, unless that
 * moves more than a few entries per match (then cn_sort_stable, from where it
 * got: both stable, so the order is the one a stable sort of the input gives). */
static void sort_matches(cn_match *m, size_t n)
{
    size_t budget = 8 * n + 64;
    for (size_t i = 1; i < n; i++) {
        cn_match x = m[i];
        size_t j = i;
        while (j > 0 && match_cmp(&m[j - 1], &x) > 0 && budget > 0) {
            m[j] = m[j - 1];
            j--;
            budget--;
        }
        m[j] = x;
        if (budget == 0) {
            cn_sort_stable(m, n, sizeof *m, match_cmp);
            return;
        }
    }
}

int cn_matcher_scan_into(const cn_matcher *m, const cn_tokens *tokens, cn_match **buf, size_t *cap,
                         size_t *n_out, cn_error *err)
{
    scan_state s;
    s.cur = s.stack_a;
    s.next = s.stack_b;
    s.n_cur = s.n_next = 0;
    s.cap = STACK_THREADS;
    s.on_heap = false;
    s.out = *buf;
    s.n_out = 0;
    s.cap_out = *cap;
    size_t n = cn_tokens_count(tokens);
    const cn_token *items = cn_tokens_array(tokens);
    for (size_t i = 0; i < n; i++) {
        const cn_token *t = &items[i];
        if (i > 0 && t->sentence != items[i - 1].sentence)
            s.n_cur = 0; /* no match crosses a sentence */
        token_keys k;
        token_keys_of(m, t, &k);
        s.n_next = 0;
        for (size_t c = 0; c < s.n_cur; c++)
            if (step(m, &s, s.cur[c], &k, i))
                goto oom;
        if (step_root(m, &s, &k, i))
            goto oom;
        thread *tmp = s.cur;
        s.cur = s.next;
        s.next = tmp;
        s.n_cur = s.n_next;
    }
    free_threads(&s);
    sort_matches(s.out, s.n_out);
    *buf = s.out;
    *cap = s.cap_out;
    *n_out = s.n_out;
    return CN_OK;
oom:
    free_threads(&s);
    *buf = s.out; /* still the caller's, grown or not */
    *cap = s.cap_out;
    *n_out = 0;
    return cn_error_set(err, CN_ERR_NOMEM, "out of memory while matching");
}

int cn_matcher_scan(const cn_matcher *m, const cn_tokens *tokens, cn_match **out, size_t *n_out,
                    cn_error *err)
{
    cn_match *buf = NULL;
    size_t cap = 0;
    int rc = cn_matcher_scan_into(m, tokens, &buf, &cap, n_out, err);
    if (rc != CN_OK) {
        free(buf);
        buf = NULL;
    }
    *out = buf;
    return rc;
}
