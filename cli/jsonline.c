/* jsonline.c - the fast path for a JSONL input line.
 *
 * Why not jansson for every line: json_loadb() builds a complete tree of the
 * line, with every member of every nested object and array (PolNeAR lines
 * carry their gold "quotes" too, a third of the bytes), copies every string
 * and then frees it all again. On the bulk JSONL path that cost as much as
 * the analysis itself. This reader looks only at the top-level "id" and
 * "text" members, validates the rest in place without building anything,
 * and checks and decodes "text" in one pass into a buffer it reuses.
 *
 * It must never change an output: it accepts a line only when jansson
 * (json_loadb with JSON_DECODE_ANY | JSON_ALLOW_NUL, as cli/main.c calls it)
 * would accept it and give the same "id" and "text". So it accepts strict
 * JSON only, and gives up (returns 0, and the caller uses jansson, which
 * reports errors as before) on anything it does not handle exactly like
 * jansson: a syntax error, a duplicate "id" or "text", a "text" that is not
 * a string, an "id" that is neither a string without escapes nor a plain
 * integer, a key with an escape, a lone surrogate escape, numbers that might
 * overflow (more than 18 integer digits, an exponent of three digits, more
 * than 200 characters), nesting deeper than 512, and running out of memory.
 * It also gives up on invalid UTF-8 and on NUL bytes: it checks each
 * non-ASCII sequence as it meets it in a string (anywhere else a byte over
 * 0x7F is a syntax error anyway), so that an accepted line needs no
 * separate UTF-8 pass over all its bytes. */
#include "jsonline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct parser {
    const unsigned char *p, *end;
    char **buf;
    size_t *cap, len; /* scratch in use */
} parser;

enum { MAX_DEPTH = 512 };

static inline void skip_ws(parser *ps)
{
    const unsigned char *p = ps->p, *end = ps->end;
    /* most tokens follow one another with no space, or one; JSON's four
     * spaces are all at or below ' ', so one bit test tells each */
    const uint64_t spaces = 1ull << ' ' | 1ull << '\t' | 1ull << '\n' | 1ull << '\r';
    while (p < end && *p <= ' ' && (spaces >> *p & 1))
        p++;
    ps->p = p;
}

static int reserve(parser *ps, size_t n)
{
    if (n <= *ps->cap - ps->len)
        return 1;
    size_t cap = *ps->cap ? *ps->cap : 4096;
    while (cap - ps->len < n) {
        if (cap > SIZE_MAX / 2)
            return 0;
        cap *= 2;
    }
    char *b = realloc(*ps->buf, cap);
    if (!b)
        return 0;
    *ps->buf = b, *ps->cap = cap;
    return 1;
}

/* The first byte at or after p that is a quote, a backslash, a control
 * character or not ASCII (or end): sixteen or eight bytes at a time, then
 * byte by byte. */
static inline const unsigned char *scan_plain(const unsigned char *p, const unsigned char *end)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
#ifdef __SSE2__
    /* sixteen bytes at a time (SSE2 is part of x86-64 itself) */
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), c1f = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(x, c1f), c1f)); /* x <= 0x1F */
        unsigned m = (unsigned)_mm_movemask_epi8(hit) | (unsigned)_mm_movemask_epi8(x); /* | >= 0x80 */
        if (m)
            return p + __builtin_ctz(m); /* the first such byte */
        p += 16;
    }
#endif
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        /* exact tests for "some byte is zero" and "some byte is below 0x20" */
        uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w) | w;
        if (hit & highs)
            break;
        p += 8;
    }
    while (p < end && *p != '"' && *p != '\\' && *p >= 0x20 && *p < 0x80)
        p++;
    return p;
}

/* scan_plain() that also copies what it passes over to *o (and advances
 * it): sixteen bytes stored at once, before they are tested, so that a run
 * costs no call to memcpy. The caller has room at *o for everything from p
 * to end (a decoded string is never longer than its source). */
static inline const unsigned char *copy_plain(const unsigned char *p, const unsigned char *end,
                                              char **o)
{
    char *q = *o;
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), c1f = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        _mm_storeu_si128((__m128i *)q, x);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(x, c1f), c1f));
        unsigned m = (unsigned)_mm_movemask_epi8(hit) | (unsigned)_mm_movemask_epi8(x);
        if (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            *o = q + k;
            return p + k;
        }
        p += 16, q += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && *p >= 0x20 && *p < 0x80)
        *q++ = (char)*p++;
    *o = q;
    return p;
}

/* The length of the valid UTF-8 sequence at p, whose first byte is over
 * 0x7F, or 0: no overlong form, no surrogate, nothing past U+10FFFF (the
 * rule of utf8proc and of jansson). */
static inline size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t left = (size_t)(end - p);
    if (c >= 0xC2 && c <= 0xDF)
        return left >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
            return 0; /* overlong, or a surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
            return 0; /* overlong, or past U+10FFFF */
        return 4;
    }
    return 0;
}

static int hex4(const unsigned char *s, const unsigned char *end, uint32_t *v)
{
    if (end - s < 4)
        return 0;
    uint32_t x = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i];
        x <<= 4;
        if (c >= '0' && c <= '9')
            x |= c - '0';
        else if (c >= 'a' && c <= 'f')
            x |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            x |= c - 'A' + 10;
        else
            return 0;
    }
    *v = x;
    return 1;
}

/* The escape after a backslash at *pp (pointing after the backslash): its
 * code point, or -1 when jansson would reject it or we would rather not. */
static int32_t escape(const unsigned char **pp, const unsigned char *end)
{
    const unsigned char *p = *pp;
    if (p >= end)
        return -1;
    uint32_t c;
    switch (*p) {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u':
        if (!hex4(p + 1, end, &c))
            return -1;
        p += 4;
        if (c >= 0xDC00 && c <= 0xDFFF)
            return -1; /* a lone low surrogate: jansson's error */
        if (c >= 0xD800 && c <= 0xDBFF) {
            uint32_t lo;
            if (end - p < 7 || p[1] != '\\' || p[2] != 'u' || !hex4(p + 3, end, &lo) || lo < 0xDC00 ||
                lo > 0xDFFF)
                return -1;
            c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
        }
        break;
    default:
        return -1;
    }
    *pp = p + 1;
    return (int32_t)c;
}

/* A string at ps->p (its opening quote), checked and skipped. *esc tells
 * whether it has escapes. Keys may not hold \u0000 (jansson refuses). */
static inline __attribute__((always_inline)) int skip_string(parser *ps, int key, int *esc)
{
    const unsigned char *p = ps->p + 1, *end = ps->end;
    *esc = 0;
    for (;;) {
        p = scan_plain(p, end);
        if (p >= end || *p < 0x20)
            return 0; /* unterminated, or a raw control character */
        if (*p == '"')
            break;
        if (*p >= 0x80) {
            size_t k = utf8_seq(p, end);
            if (!k)
                return 0;
            p += k;
            continue;
        }
        *esc = 1;
        p++;
        int32_t c = escape(&p, end);
        if (c < 0 || (key && c == 0))
            return 0;
    }
    ps->p = p + 1;
    return 1;
}

/* Decode the string at ps->p (a checked one) into the scratch buffer. */
static int decode_string(parser *ps, size_t *off, size_t *len)
{
    const unsigned char *p = ps->p + 1, *end = ps->end;
    /* the decoded text is never longer than the source */
    if (!reserve(ps, (size_t)(end - p) + 1))
        return 0;
    char *o = *ps->buf + ps->len, *o0 = o;
    for (;;) {
        p = copy_plain(p, end, &o);
        if (p >= end || *p < 0x20)
            return 0;
        if (*p == '"')
            break;
        if (*p >= 0x80) {
            size_t k = utf8_seq(p, end);
            if (!k)
                return 0;
            for (size_t i = 0; i < k; i++) /* one to four bytes: no call */
                o[i] = (char)p[i];
            o += k, p += k;
            continue;
        }
        p++;
        int32_t c = escape(&p, end);
        if (c < 0)
            return 0;
        uint32_t u = (uint32_t)c;
        if (u < 0x80) {
            *o++ = (char)u;
        } else if (u < 0x800) {
            *o++ = (char)(0xC0 | (u >> 6));
            *o++ = (char)(0x80 | (u & 0x3F));
        } else if (u < 0x10000) {
            *o++ = (char)(0xE0 | (u >> 12));
            *o++ = (char)(0x80 | ((u >> 6) & 0x3F));
            *o++ = (char)(0x80 | (u & 0x3F));
        } else {
            *o++ = (char)(0xF0 | (u >> 18));
            *o++ = (char)(0x80 | ((u >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((u >> 6) & 0x3F));
            *o++ = (char)(0x80 | (u & 0x3F));
        }
    }
    *off = ps->len;
    *len = (size_t)(o - o0);
    *o = 0;
    ps->len += *len + 1;
    ps->p = p + 1;
    return 1;
}

static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }

/* A number; *plain_int is set when it is an integer that jansson prints
 * back exactly as written. */
static inline __attribute__((always_inline)) int skip_number(parser *ps, int *plain_int)
{
    const unsigned char *p = ps->p, *end = ps->end, *start = p;
    /* the common case, a short positive integer (offsets): what the general
     * code below would decide for it, decided at once */
    if (p < end && *p >= '1' && *p <= '9') {
        const unsigned char *q = p + 1;
        while (q < end && is_digit(*q))
            q++;
        if (q - p <= 18 && (q == end || (*q != '.' && *q != 'e' && *q != 'E'))) {
            *plain_int = 1;
            ps->p = q;
            return 1;
        }
    }
    int neg = 0;
    if (p < end && *p == '-')
        p++, neg = 1;
    if (p >= end)
        return 0;
    const unsigned char *d0 = p;
    if (*p == '0') {
        p++;
        if (p < end && is_digit(*p))
            return 0;
    } else if (is_digit(*p)) {
        while (p < end && is_digit(*p))
            p++;
    } else {
        return 0;
    }
    size_t idigits = (size_t)(p - d0);
    int real = 0;
    if (p < end && *p == '.') {
        real = 1;
        p++;
        if (p >= end || !is_digit(*p))
            return 0;
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        real = 1;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        const unsigned char *e0 = p;
        while (p < end && is_digit(*p))
            p++;
        if (p == e0 || p - e0 > 2)
            return 0;
    }
    if (p - start > 200 || (!real && idigits > 18))
        return 0;
    *plain_int = !real && !(neg && *d0 == '0');
    ps->p = p;
    return 1;
}

/* The spaces after p, skipped with no test for the end: p is at or before
 * the line's last byte that is no space (lim, a '}'), which stops it. */
static const unsigned char json_space[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1};
static inline const unsigned char *ws_to(const unsigned char *p)
{
    while (json_space[*p])
        p++;
    return p;
}

/* One value of any kind, checked and skipped: iterative, with the nesting
 * kept in a small stack (1 = object, 0 = array), since a member such as
 * PolNeAR's "quotes" is many small arrays and objects. lim is the line's
 * last byte that is no space, the '}' that closes the line's object, and
 * ps->p is at or before it: every byte read up to it is in the line, and it
 * ends every run of spaces and digits, so that those need no test for the
 * end. Every value ends before lim (the outer object's '}' follows), which
 * is tested only where a closing bracket is taken. */
static int skip_value(parser *ps, const unsigned char *lim)
{
    unsigned char stack[MAX_DEPTH];
    int depth = 0, esc, plain;
    const unsigned char *p = ws_to(ps->p);
value:
    switch (*p) {
    case '"':
        ps->p = p;
        if (!skip_string(ps, 0, &esc))
            return 0;
        p = ps->p; /* a string's closing quote is before lim */
        break;
    case '{':
    case '[': {
        unsigned char obj = *p == '{';
        if (depth >= MAX_DEPTH)
            return 0;
        p = ws_to(p + 1); /* p was before lim, a '}' */
        if (*p == (obj ? '}' : ']')) {
            if (p == lim)
                return 0;
            p++;
            break;
        }
        if (!obj && *p >= '1' && *p <= '9') {
            /* an array of skip_number()'s common case only ("[120, 211]",
             * PolNeAR's offsets), in one loop; anything else in it, and it
             * is read again from its first value as any array is */
            const unsigned char *q = p;
            for (;;) {
                const unsigned char *s0 = q++;
                while (is_digit(*q))
                    q++;
                if (q - s0 > 18 || *q == '.' || *q == 'e' || *q == 'E')
                    break;
                q = ws_to(q);
                if (*q == ',') {
                    q = ws_to(q + 1);
                    if (*q >= '1' && *q <= '9')
                        continue;
                    break;
                }
                if (*q == ']' && q != lim) {
                    p = q + 1;
                    goto after;
                }
                break;
            }
        }
        stack[depth++] = obj;
        if (obj)
            goto key;
        goto value;
    }
    case 't':
        if (lim - p < 4 || memcmp(p, "true", 4) != 0)
            return 0;
        p += 4;
        break;
    case 'f':
        if (lim - p < 5 || memcmp(p, "false", 5) != 0)
            return 0;
        p += 5;
        break;
    case 'n':
        if (lim - p < 4 || memcmp(p, "null", 4) != 0)
            return 0;
        p += 4;
        break;
    default:
        if (*p >= '1' && *p <= '9') {
            /* skip_number()'s common case, its digits stopped by lim */
            const unsigned char *q = p + 1;
            while (is_digit(*q))
                q++;
            if (q - p <= 18 && *q != '.' && *q != 'e' && *q != 'E') {
                p = q;
                break;
            }
        }
        ps->p = p;
        if (!skip_number(ps, &plain))
            return 0;
        p = ps->p; /* no '}' in a number: at or before lim */
        break;
    }
    /* after a value: the end of the outermost one, or a comma or a closing
     * bracket of the container it is in */
after:
    for (;;) {
        if (depth == 0) {
            ps->p = p;
            return 1;
        }
        p = ws_to(p);
        if (*p == ',') {
            p = ws_to(p + 1);
            if (stack[depth - 1])
                goto key;
            goto value;
        }
        if (*p != (stack[depth - 1] ? '}' : ']') || p == lim)
            return 0;
        p++;
        depth--;
    }
key:
    if (*p != '"')
        return 0;
    ps->p = p;
    if (!skip_string(ps, 1, &esc))
        return 0;
    p = ws_to(ps->p);
    if (*p != ':')
        return 0;
    p = ws_to(p + 1);
    goto value;
}

int jl_parse(const char *line, size_t len, char **scratch, size_t *cap, jl_result *res)
{
    parser ps = {(const unsigned char *)line, (const unsigned char *)line + len, scratch, cap, 0};
    int have_text = 0, esc;
    size_t text_off = 0;
    memset(res, 0, sizeof *res);
    /* the last byte that is no space: the object's '}' (skip_value) */
    const unsigned char *lim = ps.end;
    while (lim > ps.p && (lim[-1] == ' ' || lim[-1] == '\t' || lim[-1] == '\n' || lim[-1] == '\r'))
        lim--;
    if (lim == ps.p || *--lim != '}')
        return 0;
    skip_ws(&ps);
    if (ps.p >= ps.end || *ps.p != '{')
        return 0;
    ps.p++;
    skip_ws(&ps);
    if (ps.p < ps.end && *ps.p == '}')
        return 0; /* no "text" */
    for (;;) {
        if (ps.p >= ps.end || *ps.p != '"')
            return 0;
        const unsigned char *k0 = ps.p + 1;
        if (!skip_string(&ps, 1, &esc) || esc)
            return 0;
        size_t klen = (size_t)(ps.p - 1 - k0);
        skip_ws(&ps);
        if (ps.p >= ps.end || *ps.p != ':')
            return 0;
        ps.p++;
        skip_ws(&ps);
        if (ps.p >= ps.end)
            return 0;
        if (klen == 4 && memcmp(k0, "text", 4) == 0) {
            if (have_text || *ps.p != '"')
                return 0;
            /* checked and decoded in one pass (news texts have escapes:
             * every paragraph break is a \n) */
            if (!decode_string(&ps, &text_off, &res->text_len))
                return 0;
            have_text = 1;
        } else if (klen == 2 && memcmp(k0, "id", 2) == 0) {
            if (res->has_id)
                return 0;
            const unsigned char *v0 = ps.p;
            int plain = 0;
            if (*ps.p == '"') {
                if (!skip_string(&ps, 0, &esc) || esc)
                    return 0;
                res->id_is_string = 1;
            } else if (*ps.p == '-' || is_digit(*ps.p)) {
                if (!skip_number(&ps, &plain) || !plain)
                    return 0;
            } else {
                return 0;
            }
            /* a string without escapes or control characters, or a plain
             * integer, is written back by json_dumps byte for byte */
            size_t vlen = (size_t)(ps.p - v0);
            if (!reserve(&ps, 2 * vlen + 2))
                return 0;
            res->has_id = 1;
            res->id_off = ps.len;
            res->id_len = vlen;
            memcpy(*ps.buf + ps.len, v0, vlen);
            (*ps.buf)[ps.len + vlen] = 0;
            ps.len += vlen + 1;
            if (res->id_is_string) {
                res->label_off = ps.len;
                memcpy(*ps.buf + ps.len, v0 + 1, vlen - 2);
                (*ps.buf)[ps.len + vlen - 2] = 0;
                ps.len += vlen - 1;
            }
        } else if (!skip_value(&ps, lim)) {
            return 0;
        }
        skip_ws(&ps);
        if (ps.p >= ps.end)
            return 0;
        if (*ps.p == '}')
            break;
        if (*ps.p != ',')
            return 0;
        ps.p++;
        skip_ws(&ps);
    }
    ps.p++;
    skip_ws(&ps);
    if (ps.p != ps.end || !have_text)
        return 0;
    res->text = *scratch + text_off;
    return 1;
}
