/*
 * testutil.h - helpers shared by the unit tests (static inline only).
 *
 * Conventions, as in tests/spec.txt and ../shared/eval/score.py:
 *   - every offset is a code point;
 *   - a string is located in a text at its first whole-word occurrence
 *     ("text@N" picks the N-th), i.e. a letter or digit at either end of the
 *     string must not touch another letter or digit;
 *   - content spans are trimmed of white space, quote marks and , . ; : at
 *     both ends before comparing; trimmable characters lying between the
 *     fragments of a quote are ignored;
 *   - cue and source spans are trimmed of white space only.
 */
#ifndef WS_TESTUTIL_H
#define WS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "whosaid.h"

/* ---- UTF-8 ---------------------------------------------------------------- */

/* Number of code points in the first n bytes of valid UTF-8. */
static inline size_t tu_cp_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* Decode valid UTF-8 into a malloc'd array of code points; *n gets the count. */
static inline uint32_t *tu_decode(const char *str, size_t len, size_t *n)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t *cp = malloc((len + 1) * sizeof *cp);
    assert_non_null(cp);
    size_t k = 0, i = 0;
    while (i < len) {
        unsigned c = s[i];
        uint32_t v;
        size_t m;
        if (c < 0x80)
            v = c, m = 1;
        else if (c < 0xE0)
            v = c & 0x1F, m = 2;
        else if (c < 0xF0)
            v = c & 0x0F, m = 3;
        else
            v = c & 0x07, m = 4;
        for (size_t j = 1; j < m && i + j < len; j++)
            v = (v << 6) | (s[i + j] & 0x3F);
        cp[k++] = v;
        i += m;
    }
    *n = k;
    return cp;
}

/* The whole analysed text of a document as code points (malloc'd). */
static inline uint32_t *tu_doc_cps(const ws_doc *doc, size_t *n)
{
    ws_span all = {0, ws_doc_length(doc)};
    size_t need = ws_doc_span_text(doc, all, NULL, 0);
    char *buf = malloc(need + 1);
    assert_non_null(buf);
    ws_doc_span_text(doc, all, buf, need + 1);
    uint32_t *cp = tu_decode(buf, need, n);
    free(buf);
    assert_int_equal(*n, ws_doc_length(doc));
    return cp;
}

/* ---- locating strings ----------------------------------------------------- */

/* A letter or digit, for whole-word matching (ASCII, Latin, Greek, Cyrillic). */
static inline bool tu_wordcp(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F);
}

/* The code point starting at byte i of valid UTF-8. */
static inline uint32_t tu_cp_at(const char *s, size_t i)
{
    size_t n;
    size_t len = strnlen(s + i, 4);
    uint32_t *cp = tu_decode(s + i, len, &n);
    uint32_t c = n ? cp[0] : 0;
    free(cp);
    return c;
}

/* Locate needle ("text" or "text@N") in text at its N-th whole-word
 * occurrence (N = 1 by default); the span is in code points. */
static inline bool tu_locate(const char *text, const char *needle, ws_span *out)
{
    char buf[1024];
    size_t nl = strlen(needle);
    int nth = 1;
    const char *at = strrchr(needle, '@');
    if (at && at[1] >= '1' && at[1] <= '9' && strspn(at + 1, "0123456789") == strlen(at + 1)) {
        nth = atoi(at + 1);
        nl = (size_t)(at - needle);
    }
    if (nl == 0 || nl >= sizeof buf)
        return false;
    memcpy(buf, needle, nl);
    buf[nl] = 0;
    size_t tl = strlen(text);
    size_t lastb = nl - 1;
    while (lastb > 0 && ((unsigned char)buf[lastb] & 0xC0) == 0x80)
        lastb--;
    bool wfirst = tu_wordcp(tu_cp_at(buf, 0)), wlast = tu_wordcp(tu_cp_at(buf, lastb));
    for (const char *p = strstr(text, buf); p; p = strstr(p + 1, buf)) {
        size_t b = (size_t)(p - text);
        if (wfirst && b > 0) {
            size_t pb = b - 1;
            while (pb > 0 && ((unsigned char)text[pb] & 0xC0) == 0x80)
                pb--;
            if (tu_wordcp(tu_cp_at(text, pb)))
                continue;
        }
        if (wlast && b + nl < tl && tu_wordcp(tu_cp_at(text, b + nl)))
            continue;
        if (--nth == 0) {
            out->start = tu_cp_count(text, b);
            out->end = out->start + tu_cp_count(buf, nl);
            return true;
        }
    }
    return false;
}

/* Like tu_locate, failing the test when the string is not in the text. */
static inline ws_span tu_at(const char *text, const char *needle)
{
    ws_span s = {0, 0};
    if (!tu_locate(text, needle, &s)) {
        print_message("test error: \"%s\" not found in the passage\n", needle);
        fail();
    }
    return s;
}

/* ---- trimming, as score.py ---------------------------------------------- */

static inline bool tu_is_mark(uint32_t c)
{
    switch (c) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0xAB: case 0xBB: case 0x201E: case 0x201A: case 0x2039: case 0x203A:
        return true;
    }
    return false;
}

static inline bool tu_is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

static inline bool tu_is_trim(uint32_t c)
{
    return tu_is_mark(c) || tu_is_space(c) || c == ',' || c == '.' || c == ';' || c == ':';
}

/* A content span trimmed of white space, quote marks and ,.;: at both ends. */
static inline ws_span tu_trim(const uint32_t *cp, ws_span s)
{
    while (s.start < s.end && tu_is_trim(cp[s.start]))
        s.start++;
    while (s.end > s.start && tu_is_trim(cp[s.end - 1]))
        s.end--;
    return s;
}

/* A cue or source span trimmed of white space only. */
static inline ws_span tu_trim_space(const uint32_t *cp, ws_span s)
{
    while (s.start < s.end && tu_is_space(cp[s.start]))
        s.start++;
    while (s.end > s.start && tu_is_space(cp[s.end - 1]))
        s.end--;
    return s;
}

/* Mark the trimmed code points of the fragments in set (n entries); returns
 * how many code points were marked. */
static inline size_t tu_mark(const uint32_t *cp, size_t n, const ws_span *frags, size_t nf,
                             unsigned char *set)
{
    size_t k = 0;
    for (size_t f = 0; f < nf; f++) {
        ws_span s = frags[f];
        if (s.end > n || s.start > s.end)
            continue;
        s = tu_trim(cp, s);
        for (size_t i = s.start; i < s.end; i++)
            if (!set[i])
                set[i] = 1, k++;
    }
    return k;
}

/* Shared code points / code points of the larger set, as seed_check.py. */
static inline double tu_overlap(const uint32_t *cp, size_t n, const ws_span *a, size_t na,
                                const ws_span *b, size_t nb)
{
    unsigned char *sa = calloc(n + 1, 1), *sb = calloc(n + 1, 1);
    assert_non_null(sa);
    assert_non_null(sb);
    size_t ka = tu_mark(cp, n, a, na, sa), kb = tu_mark(cp, n, b, nb, sb), both = 0;
    for (size_t i = 0; i < n; i++)
        both += sa[i] && sb[i];
    free(sa);
    free(sb);
    size_t big = ka > kb ? ka : kb;
    return big ? (double)both / (double)big : 0.0;
}

/* Equal content as test_spec compares it: the trimmed sets are equal, except
 * for trimmable characters lying between the expected fragments. */
static inline bool tu_same_content(const uint32_t *cp, size_t n, const ws_span *exp, size_t ne,
                                   const ws_span *got, size_t ng)
{
    unsigned char *se = calloc(n + 1, 1), *sg = calloc(n + 1, 1);
    assert_non_null(se);
    assert_non_null(sg);
    size_t ke = tu_mark(cp, n, exp, ne, se);
    tu_mark(cp, n, got, ng, sg);
    size_t lo = n, hi = 0;
    for (size_t i = 0; i < n; i++)
        if (se[i]) {
            if (i < lo)
                lo = i;
            hi = i + 1;
        }
    bool same = ke > 0;
    for (size_t i = 0; i < n && same; i++)
        if (se[i] != sg[i] && !(tu_is_trim(cp[i]) && i > lo && i < hi))
            same = false;
    free(se);
    free(sg);
    return same;
}

/* ---- documents ------------------------------------------------------------ */

static inline ws_doc *tu_analyze(const char *text, unsigned flags)
{
    ws_options o = {flags, 0};
    ws_error err;
    ws_doc *doc = NULL;
    ws_status st = ws_analyze(text, strlen(text), &o, &doc, &err);
    if (st != WS_OK)
        print_message("ws_analyze failed: %s\n", err.message);
    assert_int_equal(st, WS_OK);
    assert_non_null(doc);
    return doc;
}

/* Text of a span into buf (always NUL-terminated). */
static inline const char *tu_text(const ws_doc *doc, ws_span s, char *buf, size_t size)
{
    ws_doc_span_text(doc, s, buf, size);
    return buf;
}

static inline const char *tu_type_name(ws_quote_type t)
{
    return t == WS_DIRECT ? "direct" : t == WS_MIXED ? "mixed" : t == WS_INDIRECT ? "indirect"
                                                                                   : "?";
}

/* Print every predicted quote (for failure diagnostics). */
static inline void tu_dump(const ws_doc *doc)
{
    char b1[512], b2[128], b3[128];
    size_t nq = ws_doc_quote_count(doc);
    print_message("  predicted %zu quote(s):\n", nq);
    for (size_t i = 0; i < nq; i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        print_message("   [%zu] %s", i, tu_type_name(q->type));
        for (size_t f = 0; f < q->n_content; f++)
            print_message(" %s[%zu,%zu) \"%s\"", f ? "|" : "", q->content[f].start,
                          q->content[f].end, tu_text(doc, q->content[f], b1, sizeof b1));
        const ws_entity *e = q->entity >= 0 ? ws_doc_entity(doc, (size_t)q->entity) : NULL;
        print_message(" cue=\"%s\" source=\"%s\" speaker=%s conf=%.2f\n",
                      q->has_cue ? tu_text(doc, q->cue, b2, sizeof b2) : "(none)",
                      q->has_source ? tu_text(doc, q->source, b3, sizeof b3) : "(none)",
                      e ? e->name : "(none)", q->confidence);
    }
}

/* ---- expected quotes -------------------------------------------------------- */

typedef struct tu_expect {
    const char *content[6]; /* fragments as written in the passage ("x@N" allowed) */
    const char *type;       /* "direct", "mixed", "indirect" */
    const char *cue;        /* NULL: no cue */
    const char *source;     /* NULL: no source */
    const char *speaker;    /* canonical person name, NULL: none */
} tu_expect;

/* The predicted quote whose content equals the expected one, or -1. */
static inline long tu_find_quote(const ws_doc *doc, const uint32_t *cp, size_t n,
                                 const ws_span *exp, size_t ne)
{
    for (size_t i = 0; i < ws_doc_quote_count(doc); i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        if (tu_same_content(cp, n, exp, ne, q->content, q->n_content))
            return (long)i;
    }
    return -1;
}

/* Check one span (cue or source) against its expected text; returns the
 * number of problems (0 or 1), printed. */
static inline int tu_check_span(const ws_doc *doc, const uint32_t *cp, const char *text,
                                const char *what, int has, ws_span got, const char *want)
{
    char b[256];
    if (!want) {
        if (has) {
            print_message("  %s: expected none, got \"%s\"\n", what, tu_text(doc, got, b, sizeof b));
            return 1;
        }
        return 0;
    }
    ws_span w = tu_at(text, want);
    if (!has) {
        print_message("  %s: expected \"%s\" [%zu,%zu), got none\n", what, want, w.start, w.end);
        return 1;
    }
    ws_span g = tu_trim_space(cp, got);
    if (g.start != w.start || g.end != w.end) {
        print_message("  %s: expected \"%s\" [%zu,%zu), got \"%s\" [%zu,%zu)\n", what, want,
                      w.start, w.end, tu_text(doc, got, b, sizeof b), g.start, g.end);
        return 1;
    }
    return 0;
}

/* Analyse text and check the predicted quotes against exp[0..n): content,
 * type, cue, source, speaker, confidence, and that there is no other quote.
 * Returns the document (the caller frees it) after failing the test on any
 * difference, every difference printed first. */
static inline ws_doc *tu_expect_quotes(const char *text, const tu_expect *exp, size_t n)
{
    ws_doc *doc = tu_analyze(text, 0);
    size_t ncp;
    uint32_t *cp = tu_doc_cps(doc, &ncp);
    int bad = 0;
    size_t nq = ws_doc_quote_count(doc);
    unsigned char *matched = calloc(nq + 1, 1);
    assert_non_null(matched);
    for (size_t k = 0; k < n; k++) {
        const tu_expect *e = &exp[k];
        ws_span frags[6];
        size_t nf = 0;
        while (nf < 6 && e->content[nf]) {
            frags[nf] = tu_at(text, e->content[nf]);
            nf++;
        }
        long qi = tu_find_quote(doc, cp, ncp, frags, nf);
        if (qi < 0) {
            print_message("  quote %zu not found: \"%s\"%s\n", k + 1, e->content[0],
                          nf > 1 ? " | ..." : "");
            bad++;
            continue;
        }
        matched[qi] = 1;
        const ws_quote *q = ws_doc_quote(doc, (size_t)qi);
        int b = 0;
        if (strcmp(tu_type_name(q->type), e->type) != 0) {
            print_message("  type: expected %s, got %s\n", e->type, tu_type_name(q->type));
            b++;
        }
        b += tu_check_span(doc, cp, text, "cue", q->has_cue, q->cue, e->cue);
        b += tu_check_span(doc, cp, text, "source", q->has_source, q->source, e->source);
        const ws_entity *ent = q->entity >= 0 ? ws_doc_entity(doc, (size_t)q->entity) : NULL;
        if (q->entity >= 0 && !ent) {
            print_message("  entity index %d out of range\n", q->entity);
            b++;
        }
        const char *got = ent ? ent->name : NULL;
        if (ent && ent->type != WS_PERSON)
            got = NULL; /* an organisation is not a speaker */
        if ((got == NULL) != (e->speaker == NULL) || (got && strcmp(got, e->speaker) != 0)) {
            print_message("  speaker: expected %s, got %s\n", e->speaker ? e->speaker : "none",
                          got ? got : "none");
            b++;
        }
        if (!(q->confidence >= 0.0 && q->confidence <= 1.0)) {
            print_message("  confidence %f is not in [0, 1]\n", q->confidence);
            b++;
        }
        if (b)
            print_message("  ^ in quote %zu: \"%s\"\n", k + 1, e->content[0]);
        bad += b;
    }
    for (size_t i = 0; i < nq; i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        if (!(q->confidence >= 0.0 && q->confidence <= 1.0)) {
            print_message("  quote [%zu]: confidence %f is not in [0, 1]\n", i, q->confidence);
            bad++;
        }
        if (!matched[i]) {
            print_message("  unexpected quote [%zu]\n", i);
            bad++;
        }
    }
    if (bad)
        tu_dump(doc);
    free(matched);
    free(cp);
    if (bad) {
        ws_doc_free(doc);
        fail_msg("%d difference(s) from the expected attribution", bad);
    }
    return doc;
}

/* The entity with this canonical name, or -1. */
static inline int tu_entity_named(const ws_doc *doc, const char *name)
{
    for (size_t i = 0; i < ws_doc_entity_count(doc); i++)
        if (strcmp(ws_doc_entity(doc, i)->name, name) == 0)
            return (int)i;
    return -1;
}

/* ---- writers ---------------------------------------------------------------- */

typedef struct tu_buf {
    char *p;
    size_t len, cap;
} tu_buf;

static inline int tu_buf_write(void *ctx, const char *data, size_t len)
{
    tu_buf *b = ctx;
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + len + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, len);
    b->len += len;
    b->p[b->len] = 0;
    return 0;
}

/* The JSON line of a document (malloc'd, NUL-terminated); NULL on failure. */
static inline char *tu_json(const ws_doc *doc, const char *id_json)
{
    tu_buf b = {0};
    ws_error err;
    if (ws_doc_write_json(doc, id_json, tu_buf_write, &b, &err) != WS_OK) {
        free(b.p);
        return NULL;
    }
    if (!b.p)
        tu_buf_write(&b, "", 0);
    return b.p;
}

#endif
