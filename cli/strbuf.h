/* A growing NUL-terminated string, for the quote bank's SQL and the web
 * page's HTML. A failed allocation sets oom; later appends do nothing, so a
 * builder checks once at the end. */
#ifndef WS_CLI_STRBUF_H
#define WS_CLI_STRBUF_H

#include <stdlib.h>
#include <string.h>

typedef struct strbuf {
    char *p;
    size_t len, cap;
    int oom;
} strbuf;

static inline void strbuf_add(strbuf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (n + 1 > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len < n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline void strbuf_s(strbuf *b, const char *s) { strbuf_add(b, s, strlen(s)); }

#endif
