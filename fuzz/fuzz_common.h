/* Shared by the fuzz targets: the invariant checks a ws_doc must satisfy,
 * an independent strict UTF-8 scanner (RFC 3629, the rule the header
 * documents), and writers. Every violation prints what failed and then
 * executes __builtin_trap(), which libFuzzer, AFL++ and a shell all see as a
 * crash. Nothing here is part of the library. */
#ifndef WS_FUZZ_COMMON_H
#define WS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "whosaid.h"

/* The limit given to the WS_REPLACE_INVALID analysis: with it, ws_analyze()
 * must succeed on every input of at most this many bytes, and must refuse a
 * longer one with WS_ERR_TOO_LARGE. Smaller than libFuzzer's -max_len
 * default would exercise the refusal; override with -DWS_FUZZ_MAX_BYTES=N. */
#ifndef WS_FUZZ_MAX_BYTES
#define WS_FUZZ_MAX_BYTES ((size_t)1 << 20)
#endif

__attribute__((noreturn, cold)) static void fuzz_fail(const char *what, const char *file, int line)
{
    fprintf(stderr, "\n*** whosaid fuzz invariant violated: %s (%s:%d)\n", what, file, line);
    fflush(stderr);
    __builtin_trap();
}

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond))                                                                     \
            fuzz_fail(#cond, __FILE__, __LINE__);                                        \
    } while (0)

/* ---- strict UTF-8 ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when p[0] starts none.
 * NUL counts as invalid, as in the library (see WS_REPLACE_INVALID). */
static inline size_t fuzz_utf8_seq(const uint8_t *p, size_t n)
{
    uint8_t c = p[0];
    if (c == 0)
        return 0;
    if (c < 0x80)
        return 1;
    size_t k;
    uint8_t lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0) lo = 0xA0;          /* no overlongs */
        if (c == 0xED) hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0) lo = 0x90;          /* no overlongs */
        if (c == 0xF4) hi = 0x8F;          /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < k || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return k;
}

/* What WS_REPLACE_INVALID must make of s: the number of code points (each
 * invalid byte is one U+FFFD), the number of UTF-8 bytes of the result, and
 * whether s was valid to begin with. */
typedef struct fuzz_utf8_info {
    size_t cps, bytes;
    int valid;
} fuzz_utf8_info;

static inline fuzz_utf8_info fuzz_utf8_scan(const uint8_t *s, size_t n)
{
    fuzz_utf8_info r = {0, 0, 1};
    for (size_t i = 0; i < n;) {
        size_t k = fuzz_utf8_seq(s + i, n - i);
        r.cps++;
        if (k) {
            r.bytes += k;
            i += k;
        } else {
            r.bytes += 3; /* U+FFFD */
            r.valid = 0;
            i++;
        }
    }
    return r;
}

static inline int fuzz_utf8_valid(const char *s, size_t n)
{
    return fuzz_utf8_scan((const uint8_t *)s, n).valid;
}

/* ---- writers -------------------------------------------------------------- */

/* Discards the output; remembers its length and an FNV-1a hash of it, and
 * checks that it holds no line break when line is set (JSON is one line). */
typedef struct fuzz_sink {
    size_t bytes, calls;
    uint64_t hash;
    int one_line;
    size_t fail_at; /* 1-based call that returns failure, or 0 for none */
    int failed;
} fuzz_sink;

static inline void fuzz_sink_init(fuzz_sink *s, int one_line, size_t fail_at)
{
    memset(s, 0, sizeof *s);
    s->hash = 1469598103934665603ull;
    s->one_line = one_line;
    s->fail_at = fail_at;
}

static inline int fuzz_sink_write(void *ctx, const char *data, size_t len)
{
    fuzz_sink *s = ctx;
    CHECK(data != NULL || len == 0);
    CHECK(!s->failed); /* no write after the writer reported failure */
    s->calls++;
    if (s->fail_at && s->calls == s->fail_at) {
        s->failed = 1;
        return -1;
    }
    if (s->one_line)
        CHECK(memchr(data, '\n', len) == NULL);
    for (size_t i = 0; i < len; i++)
        s->hash = (s->hash ^ (uint8_t)data[i]) * 1099511628211ull;
    s->bytes += len;
    return 0;
}

/* ---- the document ---------------------------------------------------------- */

static inline void fuzz_check_span(const ws_doc *doc, ws_span s, size_t n, int nonempty)
{
    char small[8];
    CHECK(s.start <= s.end);
    CHECK(s.end <= n);
    if (nonempty)
        CHECK(s.start < s.end);
    /* ws_doc_span_text: the same length with or without a buffer, always
     * NUL-terminated, never longer than the buffer. */
    size_t need = ws_doc_span_text(doc, s, NULL, 0);
    CHECK(need >= s.end - s.start && need <= 4 * (s.end - s.start));
    memset(small, 'x', sizeof small);
    CHECK(ws_doc_span_text(doc, s, small, sizeof small) == need);
    CHECK(memchr(small, 0, sizeof small) != NULL);
    CHECK(strlen(small) == (need < sizeof small ? need : sizeof small - 1));
}

static inline void fuzz_check_string(const char *s)
{
    CHECK(s != NULL);
    CHECK(fuzz_utf8_valid(s, strlen(s))); /* it goes into JSON output */
}

/* Every invariant of a successful analysis that the header promises. */
static inline void fuzz_check_doc(const ws_doc *doc)
{
    size_t n = ws_doc_length(doc);
    size_t nq = ws_doc_quote_count(doc), ne = ws_doc_entity_count(doc),
           nv = ws_doc_event_count(doc);
    char tmp[4];

    CHECK(ws_doc_quote(doc, nq) == NULL);
    CHECK(ws_doc_entity(doc, ne) == NULL);
    CHECK(ws_doc_event(doc, nv) == NULL);
    /* an empty or reversed span has no text */
    CHECK(ws_doc_span_text(doc, (ws_span){n, n + 1}, tmp, sizeof tmp) == 0 && tmp[0] == 0);
    CHECK(ws_doc_span_text(doc, (ws_span){1, 0}, tmp, sizeof tmp) == 0 && tmp[0] == 0);
    CHECK(ws_doc_span_text(doc, (ws_span){0, n}, NULL, 0) >= n);

    for (size_t i = 0; i < nq; i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        CHECK(q != NULL);
        CHECK(q->n_content >= 1);
        CHECK(q->content != NULL);
        for (size_t f = 0; f < q->n_content; f++) {
            fuzz_check_span(doc, q->content[f], n, 1);
            if (f) /* in reading order, not overlapping */
                CHECK(q->content[f - 1].end <= q->content[f].start);
        }
        if (q->has_cue)
            fuzz_check_span(doc, q->cue, n, 1);
        if (q->has_source)
            fuzz_check_span(doc, q->source, n, 1);
        CHECK(q->type == WS_DIRECT || q->type == WS_MIXED || q->type == WS_INDIRECT);
        CHECK(q->entity == -1 || (q->entity >= 0 && (size_t)q->entity < ne));
        CHECK(q->confidence >= 0.0 && q->confidence <= 1.0); /* false for NaN */
    }
    for (size_t i = 0; i < ne; i++) {
        const ws_entity *e = ws_doc_entity(doc, i);
        CHECK(e != NULL);
        CHECK(e->id == (int)i);
        fuzz_check_string(e->name);
        CHECK(e->type == WS_PERSON || e->type == WS_ORGANIZATION);
        CHECK(e->n_titles == 0 || e->titles != NULL);
        for (size_t t = 0; t < e->n_titles; t++)
            fuzz_check_string(e->titles[t]);
        CHECK(e->n_mentions == 0 || e->mentions != NULL);
        for (size_t m = 0; m < e->n_mentions; m++) {
            fuzz_check_span(doc, e->mentions[m], n, 1);
            if (m) /* in text order */
                CHECK(e->mentions[m - 1].start <= e->mentions[m].start);
        }
    }
    for (size_t i = 0; i < nv; i++) {
        const ws_event *v = ws_doc_event(doc, i);
        CHECK(v != NULL);
        CHECK(v->type == WS_MEETING);
        CHECK(v->n_participants == 0 || v->participants != NULL);
        for (size_t p = 0; p < v->n_participants; p++)
            CHECK(v->participants[p] >= 0 && (size_t)v->participants[p] < ne);
        if (v->when) {
            fuzz_check_string(v->when);
            fuzz_check_span(doc, v->when_span, n, 1);
            /* "the time expression as written": the text of when_span */
            size_t need = ws_doc_span_text(doc, v->when_span, NULL, 0);
            char *w = malloc(need + 1);
            if (w) {
                ws_doc_span_text(doc, v->when_span, w, need + 1);
                CHECK(strcmp(w, v->when) == 0);
                free(w);
            }
        }
        fuzz_check_span(doc, v->span, n, 0);
    }
}

#endif
