/* Per-document arena: one free() for a whole analysis. */
#include "internal.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define BLOCK_MIN (64 * 1024)

/* Room for size bytes at the given alignment, zeroed unless raw. */
static inline void *alloc_in_(ws_arena *a, size_t size, size_t align, bool zero)
{
    if (size == 0)
        size = 1;
    ws_block *b = a->head;
    size_t at = b ? (b->used + align - 1) / align * align : 0;
    if (!b || at > b->size || b->size - at < size) {
        size_t bs = size > BLOCK_MIN ? size : BLOCK_MIN;
        if (bs > SIZE_MAX - sizeof(ws_block))
            longjmp(*a->oom, 1);
        b = malloc(sizeof(ws_block) + bs);
        if (!b)
            longjmp(*a->oom, 1);
        b->size = bs;
        b->used = 0;
        /* a large allocation gets its own block behind the current one, so
         * the remaining room of the current block is not wasted */
        if (a->head && bs > BLOCK_MIN) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
        at = 0;
    }
    void *p = (char *)b->data + at;
    b->used = at + size;
    if (zero)
        memset(p, 0, size);
    return p;
}

static void *alloc_in(ws_arena *a, size_t size, size_t align) { return alloc_in_(a, size, align, true); }

void *ws_alloc(ws_arena *a, size_t size) { return alloc_in(a, size, sizeof(max_align_t)); }

void *ws_alloc_raw(ws_arena *a, size_t size) { return alloc_in_(a, size, sizeof(max_align_t), false); }

char *ws_alloc_str(ws_arena *a, size_t size) { return alloc_in_(a, size, 1, false); }

/* Growable arrays that outgrow BIG live in blocks of their own that realloc
 * can extend in place (mremap for large sizes): doubling them in the arena
 * would leave every old copy behind until the document is freed. */
#define BIG (256 * 1024)

typedef struct big_hdr {
    struct big_hdr *next, *prev;
    size_t magic;
    max_align_t data[];
} big_hdr;

#define BIG_MAGIC ((size_t)0x77735f626967ull)

void *ws_grow(ws_arena *a, void *old, size_t old_size, size_t new_size)
{
    if (new_size < BIG) {
        /* the part past the old contents is not zeroed: a VEC reads no
         * element it has not pushed */
        void *p = ws_alloc_raw(a, new_size);
        size_t keep = old && old_size ? (old_size < new_size ? old_size : new_size) : 0;
        if (keep)
            memcpy(p, old, keep);
        return p;
    }
    big_hdr *h = NULL;
    if (old && old_size >= BIG) {
        h = (big_hdr *)((char *)old - offsetof(big_hdr, data));
        if (h->magic != BIG_MAGIC)
            h = NULL;
    }
    if (new_size > SIZE_MAX - sizeof(big_hdr))
        longjmp(*a->oom, 1);
    if (h) {
        big_hdr *n = realloc(h, sizeof(big_hdr) + new_size);
        if (!n)
            longjmp(*a->oom, 1);
        if (n->prev)
            n->prev->next = n;
        else
            a->big = n;
        if (n->next)
            n->next->prev = n;
        return n->data;
    }
    h = malloc(sizeof(big_hdr) + new_size);
    if (!h)
        longjmp(*a->oom, 1);
    h->magic = BIG_MAGIC;
    h->prev = NULL;
    h->next = a->big;
    if (a->big)
        ((big_hdr *)a->big)->prev = h;
    a->big = h;
    size_t keep = old && old_size ? (old_size < new_size ? old_size : new_size) : 0;
    if (keep)
        memcpy(h->data, old, keep);
    return h->data;
}

char *ws_strndup(ws_arena *a, const char *s, size_t n)
{
    char *p = alloc_in_(a, n + 1, 1, false); /* strings need no alignment, nor zeroes */
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void ws_arena_free(ws_arena *a)
{
    ws_block *b = a->head;
    while (b) {
        ws_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    for (big_hdr *h = a->big; h;) {
        big_hdr *next = h->next;
        free(h);
        h = next;
    }
    a->big = NULL;
}

void ws_set_error(ws_error *err, ws_status code, const char *fmt, ...)
{
    if (!err)
        return;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

void ws_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    enum { ELEM_MAX = 256 };
    if (size > ELEM_MAX) {
        qsort(base, n, size, cmp);
        return;
    }
    char *a = base;
    max_align_t tmp[(ELEM_MAX + sizeof(max_align_t) - 1) / sizeof(max_align_t)];
    /* the elements an insertion sort may move before qsort() takes the
     * rest: an array nearly in order (an entity's mentions, long or short)
     * moves few, one far from it as many as n * n / 4. Either keeps equal
     * elements in their order, so the result is the same. */
    size_t budget = 16 * n + 256;
    for (size_t i = 1; i < n; i++) {
        /* in order already: one comparison */
        if (cmp(a + (i - 1) * size, a + i * size) <= 0)
            continue;
        memcpy(tmp, a + i * size, size);
        /* its place in [0, i - 1] (a[i - 1] is greater), by a halving
         * search: after every element not greater than it */
        size_t lo = 0, hi = i - 1;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cmp(a + mid * size, tmp) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (i - lo > budget) {
            qsort(base, n, size, cmp);
            return;
        }
        budget -= i - lo;
        memmove(a + (lo + 1) * size, a + lo * size, (i - lo) * size);
        memcpy(a + lo * size, tmp, size);
    }
}

/* ---- string map: open addressing, grows at half load ---- */

/* 32-bit FNV-1a, two bytes a round (ws_fnv): any hash serves, since no map
 * is read in the order of its slots */
static uint32_t map_hash(const char *s) { return ws_fnv(2166136261u, s); }


uint32_t ws_map_hash(const char *key) { return (uint32_t)map_hash(key); }


int32_t ws_map_get(const ws_map *m, const char *key)
{
    return m->cap ? ws_map_get_h(m, key, (uint32_t)map_hash(key)) : -1;
}

void ws_map_put(ws_arena *a, ws_map *m, const char *key, int32_t val, bool overwrite)
{
    ws_map_put_h(a, m, key, (uint32_t)map_hash(key), val, overwrite);
}

void ws_map_put_h(ws_arena *a, ws_map *m, const char *key, uint32_t h, int32_t val, bool overwrite)
{
    if ((m->n + 1) * 2 > m->cap) {
        ws_map g = {0};
        g.cap = m->cap ? m->cap * 2 : 64;
        g.keys = ws_alloc(a, g.cap * sizeof *g.keys);
        g.vals = ws_alloc(a, g.cap * sizeof *g.vals);
        g.hashes = ws_alloc(a, g.cap * sizeof *g.hashes);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = ws_map_slot(&g, m->keys[i], m->hashes[i]);
                g.keys[j] = m->keys[i];
                g.vals[j] = m->vals[i];
                g.hashes[j] = m->hashes[i];
                g.n++;
            }
        *m = g;
    }
    size_t i = ws_map_slot(m, key, h);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->vals[i] = val;
        m->hashes[i] = h;
        m->n++;
    } else if (overwrite) {
        m->vals[i] = val;
    }
}
