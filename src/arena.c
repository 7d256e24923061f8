/* Per-document arena: one free() for a whole analysis. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define BLOCK_MIN (64 * 1024)

void *ws_alloc(ws_arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (size == 0)
        size = sizeof(max_align_t);
    ws_block *b = a->head;
    if (!b || b->size - b->used < size) {
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
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

void *ws_grow(ws_arena *a, void *old, size_t old_size, size_t new_size)
{
    void *p = ws_alloc(a, new_size);
    if (old && old_size)
        memcpy(p, old, old_size < new_size ? old_size : new_size);
    return p;
}

char *ws_strndup(ws_arena *a, const char *s, size_t n)
{
    char *p = ws_alloc(a, n + 1);
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

/* ---- string map: open addressing, grows at half load ---- */

static uint64_t map_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static size_t map_slot(const ws_map *m, const char *key)
{
    size_t i = map_hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

int32_t ws_map_get(const ws_map *m, const char *key)
{
    if (!m->cap)
        return -1;
    size_t i = map_slot(m, key);
    return m->keys[i] ? m->vals[i] : -1;
}

void ws_map_put(ws_arena *a, ws_map *m, const char *key, int32_t val, bool overwrite)
{
    if ((m->n + 1) * 2 > m->cap) {
        ws_map g = {0};
        g.cap = m->cap ? m->cap * 2 : 64;
        g.keys = ws_alloc(a, g.cap * sizeof *g.keys);
        g.vals = ws_alloc(a, g.cap * sizeof *g.vals);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = map_slot(&g, m->keys[i]);
                g.keys[j] = m->keys[i];
                g.vals[j] = m->vals[i];
                g.n++;
            }
        *m = g;
    }
    size_t i = map_slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->vals[i] = val;
        m->n++;
    } else if (overwrite) {
        m->vals[i] = val;
    }
}
