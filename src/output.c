/* Stage 7: output - the JSONL contract of FORMAT.md, and a readable report.
 *
 * JSON is written directly rather than built as a jansson tree: the
 * structure is fixed, and serialising straight from the document keeps the
 * output path allocation-free (it runs once per article in bulk jobs). */
#include "internal.h"

#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct out {
    ws_write_fn write;
    void *ctx;
    char buf[4096];
    size_t n;
    bool failed;
} out;

static void flush(out *o)
{
    if (o->n && !o->failed && o->write(o->ctx, o->buf, o->n) != 0)
        o->failed = true;
    o->n = 0;
}

static void putf(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put_slow(out *o, const char *s, size_t len)
{
    while (len) {
        if (o->n == sizeof o->buf)
            flush(o);
        size_t k = sizeof o->buf - o->n;
        if (k > len)
            k = len;
        memcpy(o->buf + o->n, s, k);
        o->n += k;
        s += k;
        len -= k;
    }
}

static inline void put(out *o, const char *s, size_t len)
{
    if (len <= sizeof o->buf - o->n) {
        memcpy(o->buf + o->n, s, len);
        o->n += len;
    } else {
        put_slow(o, s, len);
    }
}

/* inline: for a literal, the length is a constant and the copy a few moves */
static inline __attribute__((always_inline)) void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

/* A number in decimal, as printf's %zu (and %d, for what is not negative):
 * two digits at a time */
static const char digits2[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                 "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                 "8081828384858687888990919293949596979899";

/* put_uint() of a number the buffer has no room for, or of six digits or more */
static void put_uint_slow(out *o, size_t v)
{
    char tmp[24];
    size_t k = sizeof tmp;
    while (v >= 100) {
        size_t r = v % 100;
        v /= 100;
        k -= 2;
        memcpy(tmp + k, digits2 + 2 * r, 2);
    }
    if (v >= 10) {
        k -= 2;
        memcpy(tmp + k, digits2 + 2 * v, 2);
    } else {
        tmp[--k] = (char)('0' + v);
    }
    put(o, tmp + k, sizeof tmp - k);
}

/* inline, and in 32 bits (the division by 100 a multiplication): most numbers
 * are short offsets, their digits written straight into the buffer, from
 * the last one, with no copy after */
static inline __attribute__((always_inline)) void put_uint(out *o, size_t v)
{
    if (v >= 100000 || sizeof o->buf - o->n < 5) {
        put_uint_slow(o, v);
        return;
    }
    uint32_t x = (uint32_t)v;
    unsigned nd = x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : 5;
    char *p = o->buf + o->n + nd;
    o->n += nd;
    while (x >= 100) {
        uint32_t q = x / 100;
        p -= 2;
        memcpy(p, digits2 + 2 * (x - q * 100), 2);
        x = q;
    }
    if (x >= 10)
        memcpy(p - 2, digits2 + 2 * x, 2);
    else
        p[-1] = (char)('0' + x);
}

static void put_int(out *o, int v)
{
    if (v < 0) {
        putf(o, "%d", v);
        return;
    }
    put_uint(o, (size_t)v);
}

static void putf(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(out *o, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k > 0)
        put(o, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

/* The bytes a JSON string must escape: ", \ and the control characters */
#define E8_ 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char json_esc[256] = {E8_, E8_, E8_, E8_, ['"'] = 1, ['\\'] = 1};
#undef E8_

/* The body of a JSON string from UTF-8 bytes (no surrounding quotes). */
static void json_body(out *o, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
#ifdef __SSE2__
        /* sixteen bytes at a time while none needs escaping (SSE2 is part
         * of x86-64 itself) */
        while (len - i >= 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                       _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0x1F)),
                                                      _mm_set1_epi8(0x1F))); /* x <= 0x1F */
            if (_mm_movemask_epi8(hit))
                break;
            i += 16, run += 16;
        }
#endif
        /* eight bytes at a time while none needs escaping */
        const uint64_t ones = 0x0101010101010101ull;
        while (len - i >= 8) {
            uint64_t w, q, b;
            memcpy(&w, s + i, 8);
            q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            if ((((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & (ones * 0x80))
                break;
            i += 8, run += 8;
        }
        if (i >= len)
            break;
        unsigned char ch = (unsigned char)s[i];
        if (!json_esc[ch]) {
            run++;
            continue;
        }
        const char *esc = NULL;
        char u[7];
        if (ch == '"')
            esc = "\\\"";
        else if (ch == '\\')
            esc = "\\\\";
        else if (ch == '\n')
            esc = "\\n";
        else if (ch == '\t')
            esc = "\\t";
        else if (ch == '\r')
            esc = "\\r";
        else if (ch < 0x20) {
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[ch >> 4], u[5] = hex[ch & 15];
            u[6] = 0;
            esc = u;
        }
        if (esc) {
            put(o, s + i - run, run);
            run = 0;
            puts_(o, esc);
        } else {
            run++;
        }
    }
    put(o, s + len - run, run);
}

static void json_str(out *o, const char *s, size_t len)
{
    put(o, "\"", 1);
    json_body(o, s, len);
    put(o, "\"", 1);
}

static void span_text(out *o, const ws_doc *d, ws_span s)
{
    json_str(o, d->utf8 + d->boff[s.start], d->boff[s.end] - d->boff[s.start]);
}

static void spans(out *o, const ws_span *s, size_t n)
{
    put(o, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (sizeof o->buf - o->n >= 44) {
            /* room for the longest, ",[", two numbers of up to twenty
             * digits, "," and "]": the marks go straight into the buffer */
            if (i)
                o->buf[o->n++] = ',';
            o->buf[o->n++] = '[';
            put_uint(o, s[i].start);
            o->buf[o->n++] = ',';
            put_uint(o, s[i].end);
            o->buf[o->n++] = ']';
            continue;
        }
        put(o, i ? ",[" : "[", i ? 2 : 1);
        put_uint(o, s[i].start);
        put(o, ",", 1);
        put_uint(o, s[i].end);
        put(o, "]", 1);
    }
    put(o, "]", 1);
}

/* C as printf's %.2f writes it, into buf (room for 32 bytes); returns the
 * length, or 0 when C is not one of the ordinary values written here
 * directly. For 0 <= C < 1e9, C * 100 is within a rounding of the exact
 * product, so when it lies well away from a half the nearest integer is the
 * one printf's exact rounding gives. */
static size_t conf_text(double c, char *buf)
{
    if (!(c >= 0 && c < 1e9) || signbit(c))
        return 0;
    double x = c * 100;
    double k = floor(x + 0.5);
    if (fabs(x - k) > 0.25)
        return 0;
    uint64_t v = (uint64_t)k;
    char tmp[24];
    size_t t = sizeof tmp;
    tmp[--t] = (char)('0' + v % 10);
    v /= 10;
    tmp[--t] = (char)('0' + v % 10);
    v /= 10;
    tmp[--t] = '.';
    do {
        tmp[--t] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(buf, tmp + t, sizeof tmp - t);
    return sizeof tmp - t;
}

/* ,"colon_cue":…,"confidence":C} with C as printf's %.2f writes it */
static void put_conf(out *o, double c, bool colon)
{
    char txt[32];
    size_t k = conf_text(c, txt);
    if (!k) {
        putf(o, ",\"colon_cue\":%s,\"confidence\":%.2f}", colon ? "true" : "false", c);
        return;
    }
    puts_(o, colon ? ",\"colon_cue\":true,\"confidence\":" : ",\"colon_cue\":false,\"confidence\":");
    put(o, txt, k);
    put(o, "}", 1);
}

static const char *type_name(ws_quote_type t)
{
    return t == WS_DIRECT ? "direct" : t == WS_MIXED ? "mixed" : "indirect";
}

/* A buffered writer for one document's output (on the heap: 4 KiB is too
 * much for the stacks of small threads). */
static ws_status out_open(const ws_doc *d, ws_write_fn write, void *ctx, ws_error *err,
                          const char *fn, out **res)
{
    *res = NULL;
    if (!d || !write) {
        ws_set_error(err, WS_ERR_ARG, "%s: NULL argument", fn);
        return WS_ERR_ARG;
    }
    out *o = malloc(sizeof *o);
    if (!o) {
        ws_set_error(err, WS_ERR_NOMEM, "out of memory");
        return WS_ERR_NOMEM;
    }
    o->write = write;
    o->ctx = ctx;
    o->n = 0;
    o->failed = false;
    *res = o;
    return WS_OK;
}

static ws_status finish(out *o, ws_error *err)
{
    flush(o);
    if (o->failed) {
        ws_set_error(err, WS_ERR_IO, "the output writer failed");
        return WS_ERR_IO;
    }
    return WS_OK;
}

ws_status ws_doc_write_json(const ws_doc *d, const char *id_json, ws_write_fn write, void *ctx,
                            ws_error *err)
{
    out *o;
    ws_status st0 = out_open(d, write, ctx, err, "ws_doc_write_json", &o);
    if (st0 != WS_OK)
        return st0;
    puts_(o, "{\"id\":");
    puts_(o, id_json ? id_json : "null");
    puts_(o, ",\"quotes\":[");
    for (size_t i = 0; i < d->quotes.n; i++) {
        const ws_quote *q = &d->pub_quotes[i];
        puts_(o, i ? ",{\"content\":" : "{\"content\":");
        spans(o, q->content, q->n_content);
        puts_(o, ",\"text\":");
        /* fragments joined by a space: nothing is invented between them */
        put(o, "\"", 1);
        for (size_t f = 0; f < q->n_content; f++) {
            if (f)
                put(o, " ", 1);
            ws_span c = q->content[f];
            json_body(o, d->utf8 + d->boff[c.start], d->boff[c.end] - d->boff[c.start]);
        }
        put(o, "\"", 1);
        puts_(o, ",\"type\":\"");
        puts_(o, type_name(q->type));
        puts_(o, "\",\"cue\":");
        if (q->has_cue) {
            spans(o, &q->cue, 1);
            puts_(o, ",\"cue_text\":");
            span_text(o, d, q->cue);
        } else {
            puts_(o, "null,\"cue_text\":null");
        }
        puts_(o, ",\"source\":");
        if (q->has_source) {
            spans(o, &q->source, 1);
            puts_(o, ",\"source_text\":");
            span_text(o, d, q->source);
        } else {
            puts_(o, "null,\"source_text\":null");
        }
        puts_(o, ",\"speaker\":");
        if (q->entity >= 0) {
            const char *nm = d->pub_ents[q->entity].name;
            json_str(o, nm, strlen(nm));
            puts_(o, ",\"entity\":");
            put_int(o, q->entity);
        } else {
            puts_(o, "null,\"entity\":null");
        }
        put_conf(o, q->confidence, q->colon_cue);
    }
    puts_(o, "],\"entities\":[");
    for (size_t i = 0; i < d->ents.n; i++) {
        const ws_entity *e = &d->pub_ents[i];
        puts_(o, i ? ",{\"id\":" : "{\"id\":");
        put_int(o, e->id);
        puts_(o, ",\"name\":");
        json_str(o, e->name, strlen(e->name));
        puts_(o, e->type == WS_PERSON ? ",\"type\":\"person\",\"titles\":["
                                      : ",\"type\":\"organization\",\"titles\":[");
        for (size_t t = 0; t < e->n_titles; t++) {
            if (t)
                put(o, ",", 1);
            json_str(o, e->titles[t], strlen(e->titles[t]));
        }
        puts_(o, "],\"mentions\":");
        spans(o, e->mentions, e->n_mentions);
        put(o, "}", 1);
    }
    puts_(o, "],\"events\":[");
    for (size_t i = 0; i < d->events.n; i++) {
        const ws_event *e = &d->pub_events[i];
        puts_(o, i ? ",{\"type\":\"meeting\",\"participants\":[" : "{\"type\":\"meeting\",\"participants\":[");
        for (size_t p = 0; p < e->n_participants; p++) {
            if (p)
                put(o, ",", 1);
            put_int(o, e->participants[p]);
        }
        puts_(o, "],\"when\":");
        if (e->when)
            json_str(o, e->when, strlen(e->when));
        else
            puts_(o, "null");
        puts_(o, ",\"span\":");
        spans(o, &e->span, 1);
        put(o, "}", 1);
    }
    puts_(o, "]}");
    ws_status st = finish(o, err);
    free(o);
    return st;
}

/* ---- text report: who said what, grouped by person ---- */

static void text_span(out *o, const ws_doc *d, ws_span s)
{
    put(o, d->utf8 + d->boff[s.start], d->boff[s.end] - d->boff[s.start]);
}

static void text_quote(out *o, const ws_doc *d, const ws_quote *q)
{
    puts_(o, "  - ");
    for (size_t f = 0; f < q->n_content; f++) {
        if (f)
            puts_(o, " … ");
        text_span(o, d, q->content[f]);
    }
    putf(o, "\n      [%s", type_name(q->type));
    if (q->has_cue) {
        puts_(o, "; cue: ");
        text_span(o, d, q->cue);
    }
    if (q->has_source) {
        puts_(o, "; source: ");
        text_span(o, d, q->source);
    }
    putf(o, "; confidence %.2f]\n", q->confidence);
}

ws_status ws_doc_write_text(const ws_doc *d, ws_write_fn write, void *ctx, ws_error *err)
{
    out *o;
    ws_status st0 = out_open(d, write, ctx, err, "ws_doc_write_text", &o);
    if (st0 != WS_OK)
        return st0;
    /* (organisations are entities only as meetings' participants) */
    size_t people = 0;
    for (size_t e = 0; e < d->ents.n; e++)
        people += d->pub_ents[e].type == WS_PERSON;
    putf(o, "%zu %s, %zu %s, %zu %s\n", d->quotes.n, d->quotes.n == 1 ? "quotation" : "quotations",
         people, people == 1 ? "person" : "people", d->events.n,
         d->events.n == 1 ? "meeting" : "meetings");
    for (size_t e = 0; e < d->ents.n; e++) {
        const ws_entity *E = &d->pub_ents[e];
        size_t said = 0;
        for (size_t i = 0; i < d->quotes.n; i++)
            said += d->pub_quotes[i].entity == (int)e;
        if (!said)
            continue;
        putf(o, "\n%s", E->name);
        for (size_t t = 0; t < E->n_titles; t++) {
            puts_(o, t ? ", " : " (");
            puts_(o, E->titles[t]);
        }
        putf(o, "%s: %zu quotation%s\n", E->n_titles ? ")" : "", said, said == 1 ? "" : "s");
        for (size_t i = 0; i < d->quotes.n; i++)
            if (d->pub_quotes[i].entity == (int)e)
                text_quote(o, d, &d->pub_quotes[i]);
    }
    size_t other = 0;
    for (size_t i = 0; i < d->quotes.n; i++)
        other += d->pub_quotes[i].entity < 0;
    if (other) {
        putf(o, "\nOther sources: %zu quotation%s\n", other, other == 1 ? "" : "s");
        for (size_t i = 0; i < d->quotes.n; i++)
            if (d->pub_quotes[i].entity < 0)
                text_quote(o, d, &d->pub_quotes[i]);
    }
    for (size_t i = 0; i < d->events.n; i++) {
        const ws_event *ev = &d->pub_events[i];
        puts_(o, i ? "" : "\nMeetings\n");
        puts_(o, "  - ");
        for (size_t p = 0; p < ev->n_participants; p++) {
            if (p)
                puts_(o, " with ");
            puts_(o, d->pub_ents[ev->participants[p]].name);
        }
        if (ev->when) {
            puts_(o, ", ");
            puts_(o, ev->when);
        }
        puts_(o, "\n");
    }
    ws_status st = finish(o, err);
    free(o);
    return st;
}
