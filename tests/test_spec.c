/*
 * test_spec.c - run the examples of tests/spec.txt against ws_analyze().
 *
 * usage: test_spec tests/spec.txt
 *        WS_SPEC_ONLY=<substring> test_spec tests/spec.txt
 *
 * Every example of the spec file is one cmocka test named "line N: title".
 * The format of the file and the way predictions are compared are described
 * at the top of spec.txt. In short: every expected quote must be matched by
 * a predicted quote with the same content code points (fragments trimmed of
 * white space, quote marks and ,.;: as ../shared/eval/score.py does; the
 * trimmable characters between fragments are ignored), and for that quote
 * the cue span, source span, speaker name and type must be equal; no
 * predicted quote may be left over; the WS_MEETING events must be exactly
 * the expected ones (participant names as a set, and the time expression).
 *
 * Each failing check is printed on one line with print_message(); the test
 * then fails with a summary.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "whosaid.h"

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static void die_nomem(void)
{
    fputs("test_spec: out of memory\n", stderr);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die_nomem();
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die_nomem();
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* A growable string. */
typedef struct strbuf {
    char *p;
    size_t len, cap;
} strbuf;

static void sb_grow(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

static void sb_putn(strbuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(strbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_printf(strbuf *b, const char *fmt, ...) CMOCKA_PRINTF_ATTRIBUTE(2, 3);
static void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static const char *sb_str(const strbuf *b) { return b->p ? b->p : ""; }

static void sb_free(strbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* Append text for a one-line message: newlines and tabs escaped. */
static void sb_put_oneline(strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            sb_puts(b, "\\n");
        else if (s[i] == '\r')
            sb_puts(b, "\\r");
        else if (s[i] == '\t')
            sb_puts(b, "\\t");
        else
            sb_putn(b, s + i, 1);
    }
}

/* ------------------------------------------------------------------------ */
/* UTF-8 and character classes                                              */

/* Decode one UTF-8 sequence at s[0..n); returns its length (0 if invalid). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

static int is_quote_mark(uint32_t c)
{
    switch (c) {
    case '"': case '\'':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: case 0x201A:
    case 0x2039: case 0x203A:
        return 1;
    default:
        return 0;
    }
}

/* The characters score.py trims at both ends of a span. */
static int is_trim(uint32_t c)
{
    return is_quote_mark(c) || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
           c == ',' || c == '.' || c == ';' || c == ':' || c == 0x00A0;
}

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 ||
           c == 0x2009 || c == 0x202F || c == 0x200A;
}

/* Letters and digits for whole-word matching. Outside ASCII everything from
 * U+00C0 on counts as a letter except general punctuation, CJK punctuation
 * and the BOM: good enough for the Latin, Greek and Cyrillic of news text. */
static int is_word(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z') || c == '_';
    if (c < 0xC0)
        return 0;
    if (c >= 0x2000 && c <= 0x206F)
        return 0;
    if (c >= 0x3000 && c <= 0x303F)
        return 0;
    return c != 0xFEFF;
}

/* A passage decoded to code points, with maps between byte and code point
 * offsets. */
typedef struct passage {
    const char *bytes;
    size_t nbytes;
    uint32_t *cps;
    size_t ncps;
    size_t *b2c; /* byte offset -> code point offset (valid at char starts) */
    size_t *c2b; /* code point offset -> byte offset, ncps + 1 entries */
} passage;

static int passage_init(passage *p, const char *bytes, size_t n)
{
    memset(p, 0, sizeof *p);
    p->bytes = bytes;
    p->nbytes = n;
    p->cps = xmalloc(sizeof *p->cps * (n + 1));
    p->b2c = xmalloc(sizeof *p->b2c * (n + 1));
    p->c2b = xmalloc(sizeof *p->c2b * (n + 1));
    size_t i = 0, k = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode((const unsigned char *)bytes + i, n - i, &cp);
        if (len == 0)
            return -1;
        for (size_t j = 0; j < len; j++)
            p->b2c[i + j] = k;
        p->c2b[k] = i;
        p->cps[k++] = cp;
        i += len;
    }
    p->b2c[n] = k;
    p->c2b[k] = n;
    p->ncps = k;
    return 0;
}

static void passage_free(passage *p)
{
    free(p->cps);
    free(p->b2c);
    free(p->c2b);
    memset(p, 0, sizeof *p);
}

/* Append the text of code points [s, e) of the passage. */
static void sb_put_span(strbuf *b, const passage *p, size_t s, size_t e)
{
    if (s > e || e > p->ncps) {
        sb_puts(b, "<bad span>");
        return;
    }
    sb_put_oneline(b, p->bytes + p->c2b[s], p->c2b[e] - p->c2b[s]);
}

/* ------------------------------------------------------------------------ */
/* The spec file                                                            */

/* A string of the spec: text to locate and which whole-word occurrence. */
typedef struct spec_str {
    char *text; /* NULL for null */
    long nth;   /* 1-based */
} spec_str;

typedef struct exp_quote {
    int line;
    spec_str *frags;
    size_t n_frags;
    int type; /* ws_quote_type, or -1 when missing */
    spec_str cue, source;
    char *speaker;
    int have_cue, have_source, have_speaker;
} exp_quote;

typedef struct exp_meeting {
    int line;
    char **names;
    size_t n_names;
    char *when; /* NULL for null */
} exp_meeting;

typedef struct example {
    int line;
    char *name; /* "line N: title" */
    char *text;
    size_t text_len;
    int none;
    exp_quote *quotes;
    size_t n_quotes;
    exp_meeting *meetings;
    size_t n_meetings;
    char *error; /* a problem in the spec itself, or NULL */
} example;

typedef struct example_list {
    example *v;
    size_t n, cap;
} example_list;

static void spec_str_free(spec_str *s)
{
    free(s->text);
    s->text = NULL;
}

static void example_free(example *ex)
{
    free(ex->name);
    free(ex->text);
    for (size_t i = 0; i < ex->n_quotes; i++) {
        exp_quote *q = &ex->quotes[i];
        for (size_t j = 0; j < q->n_frags; j++)
            spec_str_free(&q->frags[j]);
        free(q->frags);
        spec_str_free(&q->cue);
        spec_str_free(&q->source);
        free(q->speaker);
    }
    free(ex->quotes);
    for (size_t i = 0; i < ex->n_meetings; i++) {
        for (size_t j = 0; j < ex->meetings[i].n_names; j++)
            free(ex->meetings[i].names[j]);
        free(ex->meetings[i].names);
        free(ex->meetings[i].when);
    }
    free(ex->meetings);
    free(ex->error);
}

static void example_list_free(example_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        example_free(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static void set_error(example *ex, int line, const char *fmt, ...) CMOCKA_PRINTF_ATTRIBUTE(3, 4);
static void set_error(example *ex, int line, const char *fmt, ...)
{
    if (ex->error)
        return; /* keep the first */
    strbuf b = {0};
    sb_printf(&b, "spec line %d: ", line);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        sb_grow(&b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b.p + b.len, (size_t)n + 1, fmt, ap);
        va_end(ap);
        b.len += (size_t)n;
    }
    ex->error = b.p;
}

static char *trim_dup(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return xstrndup(s, n);
}

/* Parse "text" or "text@N"; "null" gives text NULL when allow_null. */
static int parse_spec_str(const char *s, size_t n, int allow_null, spec_str *out)
{
    char *t = trim_dup(s, n);
    out->text = NULL;
    out->nth = 1;
    if (allow_null && strcmp(t, "null") == 0) {
        free(t);
        return 0;
    }
    size_t len = strlen(t);
    char *at = strrchr(t, '@');
    if (at && at[1] != '\0' && at != t) {
        char *end;
        errno = 0;
        long v = strtol(at + 1, &end, 10);
        if (*end == '\0' && errno == 0 && v >= 1 && at[1] >= '0' && at[1] <= '9') {
            out->nth = v;
            *at = '\0';
            len = (size_t)(at - t);
        }
    }
    if (len == 0) {
        free(t);
        return -1;
    }
    out->text = t;
    return 0;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void parse_quote_line(example *ex, int line, const char *v)
{
    ex->quotes = xrealloc(ex->quotes, sizeof *ex->quotes * (ex->n_quotes + 1));
    exp_quote *q = &ex->quotes[ex->n_quotes++];
    memset(q, 0, sizeof *q);
    q->line = line;
    q->type = -1;
    const char *p = v;
    for (;;) {
        const char *bar = strstr(p, " | ");
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        q->frags = xrealloc(q->frags, sizeof *q->frags * (q->n_frags + 1));
        spec_str *f = &q->frags[q->n_frags++];
        if (parse_spec_str(p, n, 0, f) != 0)
            set_error(ex, line, "empty quote fragment");
        if (!bar)
            break;
        p = bar + 3;
    }
}

static void parse_meeting_line(example *ex, int line, const char *v)
{
    ex->meetings = xrealloc(ex->meetings, sizeof *ex->meetings * (ex->n_meetings + 1));
    exp_meeting *m = &ex->meetings[ex->n_meetings++];
    memset(m, 0, sizeof *m);
    m->line = line;
    int have_when = 0;
    const char *p = v;
    for (;;) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        char *item = trim_dup(p, n);
        if (starts_with(item, "when=")) {
            if (have_when)
                set_error(ex, line, "meeting has two when= parts");
            have_when = 1;
            free(m->when);
            m->when = strcmp(item + 5, "null") == 0 ? NULL : xstrdup(item + 5);
            if (m->when && m->when[0] == '\0')
                set_error(ex, line, "empty when= (write when=null)");
            free(item);
        } else if (item[0] == '\0') {
            set_error(ex, line, "empty participant name");
            free(item);
        } else {
            if (have_when)
                set_error(ex, line, "participant after when=");
            m->names = xrealloc(m->names, sizeof *m->names * (m->n_names + 1));
            m->names[m->n_names++] = item;
        }
        if (!semi)
            break;
        p = semi + 1;
    }
    if (!have_when)
        set_error(ex, line, "meeting without when=<time or null>");
    if (m->n_names < 2)
        set_error(ex, line, "meeting with fewer than two participants");
}

static exp_quote *current_quote(example *ex, int line, const char *field)
{
    if (ex->n_quotes == 0) {
        set_error(ex, line, "'%s:' before any 'quote:'", field);
        return NULL;
    }
    return &ex->quotes[ex->n_quotes - 1];
}

static void parse_expect_line(example *ex, int line, const char *s)
{
    if (s[0] == '\0')
        return;
    if (strcmp(s, "none") == 0) {
        if (ex->none || ex->n_quotes)
            set_error(ex, line, "'none' with quotes or twice");
        ex->none = 1;
        return;
    }
    if (starts_with(s, "quote:")) {
        if (ex->none)
            set_error(ex, line, "'quote:' after 'none'");
        if (ex->n_meetings)
            set_error(ex, line, "'quote:' after 'meeting:'");
        parse_quote_line(ex, line, s + 6);
        return;
    }
    if (starts_with(s, "meeting:")) {
        parse_meeting_line(ex, line, s + 8);
        return;
    }
    exp_quote *q;
    if (starts_with(s, "type:")) {
        if (!(q = current_quote(ex, line, "type")))
            return;
        char *t = trim_dup(s + 5, strlen(s + 5));
        if (q->type != -1)
            set_error(ex, line, "two 'type:' lines for one quote");
        if (strcmp(t, "direct") == 0)
            q->type = WS_DIRECT;
        else if (strcmp(t, "mixed") == 0)
            q->type = WS_MIXED;
        else if (strcmp(t, "indirect") == 0)
            q->type = WS_INDIRECT;
        else
            set_error(ex, line, "unknown type '%s'", t);
        free(t);
        return;
    }
    if (starts_with(s, "cue:")) {
        if (!(q = current_quote(ex, line, "cue")))
            return;
        if (q->have_cue)
            set_error(ex, line, "two 'cue:' lines for one quote");
        spec_str_free(&q->cue);
        if (parse_spec_str(s + 4, strlen(s + 4), 1, &q->cue) != 0)
            set_error(ex, line, "empty cue (write null)");
        q->have_cue = 1;
        return;
    }
    if (starts_with(s, "source:")) {
        if (!(q = current_quote(ex, line, "source")))
            return;
        if (q->have_source)
            set_error(ex, line, "two 'source:' lines for one quote");
        spec_str_free(&q->source);
        if (parse_spec_str(s + 7, strlen(s + 7), 1, &q->source) != 0)
            set_error(ex, line, "empty source (write null)");
        q->have_source = 1;
        return;
    }
    if (starts_with(s, "speaker:")) {
        if (!(q = current_quote(ex, line, "speaker")))
            return;
        if (q->have_speaker)
            set_error(ex, line, "two 'speaker:' lines for one quote");
        char *t = trim_dup(s + 8, strlen(s + 8));
        free(q->speaker);
        if (strcmp(t, "null") == 0) {
            free(t);
            q->speaker = NULL;
        } else if (t[0] == '\0') {
            free(t);
            q->speaker = NULL;
            set_error(ex, line, "empty speaker (write null)");
        } else {
            q->speaker = t;
        }
        q->have_speaker = 1;
        return;
    }
    set_error(ex, line, "unrecognised line '%s'", s);
}

static void finish_example(example *ex, strbuf *text, int line)
{
    /* Drop leading blank lines and trailing white space of the passage. */
    const char *p = sb_str(text);
    size_t n = text->len;
    for (;;) {
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t'))
            k++;
        if (k == n || p[k] != '\n')
            break; /* the first line is not blank */
        p += k + 1;
        n -= k + 1;
    }
    while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    ex->text = xstrndup(p, n);
    ex->text_len = n;
    if (n == 0)
        set_error(ex, ex->line, "empty passage");
    if (memchr(ex->text, '\0', n))
        set_error(ex, ex->line, "NUL byte in passage");
    if (!ex->none && ex->n_quotes == 0 && ex->n_meetings == 0)
        set_error(ex, line, "no expectation (write 'none')");
    for (size_t i = 0; i < ex->n_quotes; i++) {
        exp_quote *q = &ex->quotes[i];
        if (q->type == -1 || !q->have_cue || !q->have_source || !q->have_speaker)
            set_error(ex, q->line, "quote needs type:, cue:, source: and speaker:");
    }
}

static void parse_spec(const char *data, size_t size, example_list *out)
{
    enum { OUTSIDE, PASSAGE, EXPECT } state = OUTSIDE;
    example *ex = NULL;
    strbuf text = {0};
    int lineno = 0;
    size_t pos = 0;
    while (pos < size) {
        const char *nl = memchr(data + pos, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - (data + pos)) : size - pos;
        char *line = xstrndup(data + pos, len);
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        pos += len + (nl ? 1 : 0);
        lineno++;

        if (starts_with(line, "## ")) {
            if (state != OUTSIDE && ex) {
                set_error(ex, lineno, "example not closed by '===' before the next one");
                finish_example(ex, &text, lineno);
            }
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 64;
                out->v = xrealloc(out->v, sizeof *out->v * out->cap);
            }
            ex = &out->v[out->n++];
            memset(ex, 0, sizeof *ex);
            ex->line = lineno;
            strbuf name = {0};
            char *title = trim_dup(line + 3, len - 3);
            sb_printf(&name, "line %d: %s", lineno, title);
            free(title);
            ex->name = name.p;
            text.len = 0;
            if (text.p)
                text.p[0] = '\0';
            state = PASSAGE;
        } else if (state == PASSAGE) {
            if (strcmp(line, "---") == 0) {
                state = EXPECT;
            } else if (strcmp(line, "===") == 0) {
                set_error(ex, lineno, "'===' before '---'");
                finish_example(ex, &text, lineno);
                state = OUTSIDE;
            } else {
                sb_puts(&text, line);
                sb_puts(&text, "\n");
            }
        } else if (state == EXPECT) {
            if (strcmp(line, "===") == 0) {
                finish_example(ex, &text, lineno);
                state = OUTSIDE;
            } else {
                parse_expect_line(ex, lineno, line);
            }
        }
        free(line);
    }
    if (state != OUTSIDE && ex) {
        set_error(ex, lineno, "end of file inside an example");
        finish_example(ex, &text, lineno);
    }
    sb_free(&text);
}

/* ------------------------------------------------------------------------ */
/* Checking one example                                                     */

typedef struct span {
    size_t s, e;
} span;

/* Find the nth whole-word occurrence of str in the passage. */
static int locate(const passage *p, const spec_str *str, span *out, long *found)
{
    const char *hay = p->bytes;
    const char *needle = str->text;
    size_t nlen = strlen(needle);
    uint32_t first, last = 0;
    if (utf8_decode((const unsigned char *)needle, nlen, &first) == 0)
        return -1;
    for (size_t i = 0; i < nlen;) {
        size_t l = utf8_decode((const unsigned char *)needle + i, nlen - i, &last);
        if (l == 0)
            return -1;
        i += l;
    }
    long count = 0;
    const char *at = hay;
    while ((at = strstr(at, needle)) != NULL) {
        size_t b = (size_t)(at - hay);
        size_t s = p->b2c[b], e = p->b2c[b + nlen];
        int ok = 1;
        if (is_word(first) && s > 0 && is_word(p->cps[s - 1]))
            ok = 0;
        if (is_word(last) && e < p->ncps && is_word(p->cps[e]))
            ok = 0;
        if (ok && ++count == str->nth) {
            out->s = s;
            out->e = e;
            *found = count;
            return 0;
        }
        at++;
    }
    *found = count;
    return -1;
}

static span trim_span(const passage *p, span sp, int (*trim)(uint32_t))
{
    while (sp.s < sp.e && trim(p->cps[sp.s]))
        sp.s++;
    while (sp.e > sp.s && trim(p->cps[sp.e - 1]))
        sp.e--;
    return sp;
}

/* Mark the trimmed code points of a fragment in set[]. */
static void add_fragment(const passage *p, span sp, unsigned char *set)
{
    sp = trim_span(p, sp, is_trim);
    for (size_t i = sp.s; i < sp.e; i++)
        set[i] = 1;
}

/* Sets are equal when they agree on every code point that is not a trim
 * character: white space, marks and ,.;: between fragments do not count. */
static int sets_equal(const passage *p, const unsigned char *a, const unsigned char *b)
{
    for (size_t i = 0; i < p->ncps; i++)
        if (a[i] != b[i] && !is_trim(p->cps[i]))
            return 0;
    return 1;
}

static size_t sets_overlap(const passage *p, const unsigned char *a, const unsigned char *b)
{
    size_t n = 0;
    for (size_t i = 0; i < p->ncps; i++)
        if (a[i] && b[i] && !is_trim(p->cps[i]))
            n++;
    return n;
}

static const char *type_name(int t)
{
    switch (t) {
    case WS_DIRECT: return "direct";
    case WS_MIXED: return "mixed";
    case WS_INDIRECT: return "indirect";
    default: return "?";
    }
}

/* A predicted quote, checked and prepared for comparison. */
typedef struct pred_quote {
    const ws_quote *q;
    unsigned char *set; /* NULL when its spans are out of range */
    int used;
    int has_cue, has_source;
    span cue, source;      /* trimmed of white space */
    const char *speaker;   /* person name or NULL */
    const char *org;       /* organisation name the source resolved to */
} pred_quote;

/* Everything a check needs. */
typedef struct checker {
    const example *ex;
    passage p;
    ws_doc *doc;
    strbuf problems; /* one line each */
    size_t n_problems;
    char first[512];
} checker;

static void problem(checker *c, const char *fmt, ...) CMOCKA_PRINTF_ATTRIBUTE(2, 3);
static void problem(checker *c, const char *fmt, ...)
{
    strbuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        sb_grow(&b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b.p, (size_t)n + 1, fmt, ap);
        va_end(ap);
        b.len = (size_t)n;
    }
    print_message("[ %s ] %s\n", c->ex->name, sb_str(&b));
    if (c->n_problems == 0)
        snprintf(c->first, sizeof c->first, "%s", sb_str(&b));
    sb_puts(&c->problems, sb_str(&b));
    sb_puts(&c->problems, "\n");
    c->n_problems++;
    sb_free(&b);
}

/* "«text» [s,e)" of a span, or "null". */
static void describe_span(const passage *p, strbuf *b, int has, span sp)
{
    if (!has) {
        sb_puts(b, "null");
        return;
    }
    sb_puts(b, "«");
    sb_put_span(b, p, sp.s, sp.e);
    sb_printf(b, "» [%zu,%zu)", sp.s, sp.e);
}

static void describe_pred(const checker *c, strbuf *b, const pred_quote *pq)
{
    const ws_quote *q = pq->q;
    sb_puts(b, "«");
    for (size_t i = 0; i < q->n_content; i++) {
        if (i)
            sb_puts(b, " | ");
        sb_put_span(b, &c->p, q->content[i].start, q->content[i].end);
    }
    sb_printf(b, "» (%s, cue ", type_name((int)q->type));
    describe_span(&c->p, b, pq->has_cue, pq->cue);
    sb_puts(b, ", source ");
    describe_span(&c->p, b, pq->has_source, pq->source);
    sb_printf(b, ", speaker %s)", pq->speaker ? pq->speaker : "null");
}

static void describe_exp(strbuf *b, const exp_quote *eq)
{
    sb_puts(b, "«");
    for (size_t i = 0; i < eq->n_frags; i++) {
        if (i)
            sb_puts(b, " | ");
        sb_puts(b, eq->frags[i].text);
    }
    sb_printf(b, "» (%s, cue %s, source %s, speaker %s)", type_name(eq->type),
              eq->cue.text ? eq->cue.text : "null",
              eq->source.text ? eq->source.text : "null",
              eq->speaker ? eq->speaker : "null");
}

static const char *entity_name(const ws_doc *doc, int id, int *is_person)
{
    *is_person = 0;
    if (id < 0 || (size_t)id >= ws_doc_entity_count(doc))
        return NULL;
    const ws_entity *e = ws_doc_entity(doc, (size_t)id);
    if (!e)
        return NULL;
    *is_person = e->type == WS_PERSON;
    return e->name;
}

/* Locate a spec string, reporting spec errors as problems. */
static int locate_or_report(checker *c, const spec_str *str, const char *what, span *out)
{
    long found = 0;
    if (locate(&c->p, str, out, &found) == 0)
        return 0;
    if (str->nth > 1)
        problem(c, "spec error: %s «%s»@%ld not found in the passage (%ld whole-word occurrence(s))",
                what, str->text, str->nth, found);
    else
        problem(c, "spec error: %s «%s» not found in the passage as a whole word", what,
                str->text);
    return -1;
}

static void compare_span(checker *c, const char *what, const exp_quote *eq, int want_has,
                         span want, int has, span got)
{
    int ok = want_has ? (has && got.s == want.s && got.e == want.e) : !has;
    if (ok)
        return;
    strbuf b = {0};
    sb_printf(&b, "quote at spec line %d «%s»: %s expected ", eq->line, eq->frags[0].text, what);
    describe_span(&c->p, &b, want_has, want);
    sb_puts(&b, ", got ");
    describe_span(&c->p, &b, has, got);
    problem(c, "%s", sb_str(&b));
    sb_free(&b);
}

/* Where the expected strings are in the passage. */
typedef struct exp_loc {
    unsigned char *set; /* content code points */
    span cue, source;   /* trimmed of white space; valid when the text is not null */
} exp_loc;

/* Locate every string of the expectations; returns the number of spec
 * errors (each reported). */
static size_t locate_expected(checker *c, exp_loc *loc)
{
    const example *ex = c->ex;
    const passage *p = &c->p;
    size_t errors = 0;
    for (size_t i = 0; i < ex->n_quotes; i++) {
        const exp_quote *eq = &ex->quotes[i];
        loc[i].set = xmalloc(p->ncps + 1);
        memset(loc[i].set, 0, p->ncps + 1);
        for (size_t k = 0; k < eq->n_frags; k++) {
            span sp;
            if (locate_or_report(c, &eq->frags[k], "quote fragment", &sp) != 0)
                errors++;
            else
                add_fragment(p, sp, loc[i].set);
        }
        if (eq->cue.text) {
            if (locate_or_report(c, &eq->cue, "cue", &loc[i].cue) != 0)
                errors++;
            else
                loc[i].cue = trim_span(p, loc[i].cue, is_space);
        }
        if (eq->source.text) {
            if (locate_or_report(c, &eq->source, "source", &loc[i].source) != 0)
                errors++;
            else
                loc[i].source = trim_span(p, loc[i].source, is_space);
        }
    }
    return errors;
}

static void check_quotes(checker *c)
{
    const example *ex = c->ex;
    const passage *p = &c->p;
    size_t np = ws_doc_quote_count(c->doc);
    pred_quote *pred = xmalloc(sizeof *pred * (np ? np : 1));
    memset(pred, 0, sizeof *pred * (np ? np : 1));

    for (size_t j = 0; j < np; j++) {
        pred_quote *pq = &pred[j];
        const ws_quote *q = ws_doc_quote(c->doc, j);
        pq->q = q;
        if (!q) {
            problem(c, "ws_doc_quote(doc, %zu) returned NULL", j);
            pq->used = 1;
            continue;
        }
        int bad = q->n_content == 0 || q->content == NULL;
        for (size_t k = 0; !bad && k < q->n_content; k++)
            if (q->content[k].start > q->content[k].end || q->content[k].end > p->ncps)
                bad = 1;
        if (bad) {
            problem(c, "predicted quote %zu has no content or a content span out of range", j);
            pq->used = 1;
            continue;
        }
        pq->set = xmalloc(p->ncps + 1);
        memset(pq->set, 0, p->ncps + 1);
        for (size_t k = 0; k < q->n_content; k++)
            add_fragment(p, (span){q->content[k].start, q->content[k].end}, pq->set);
        if (q->has_cue) {
            if (q->cue.start > q->cue.end || q->cue.end > p->ncps)
                problem(c, "predicted quote %zu: cue span out of range", j);
            else {
                pq->has_cue = 1;
                pq->cue = trim_span(p, (span){q->cue.start, q->cue.end}, is_space);
            }
        }
        if (q->has_source) {
            if (q->source.start > q->source.end || q->source.end > p->ncps)
                problem(c, "predicted quote %zu: source span out of range", j);
            else {
                pq->has_source = 1;
                pq->source = trim_span(p, (span){q->source.start, q->source.end}, is_space);
            }
        }
        if (q->entity >= 0) {
            int person;
            const char *name = entity_name(c->doc, q->entity, &person);
            if (!name && (size_t)q->entity >= ws_doc_entity_count(c->doc))
                problem(c, "predicted quote %zu: entity %d out of range", j, q->entity);
            else if (person)
                pq->speaker = name;
            else
                pq->org = name;
        }
        if (!(q->confidence >= 0.0 && q->confidence <= 1.0))
            problem(c, "predicted quote %zu: confidence %g not in [0, 1]", j, q->confidence);
    }

    exp_loc *loc = xmalloc(sizeof *loc * (ex->n_quotes ? ex->n_quotes : 1));
    memset(loc, 0, sizeof *loc * (ex->n_quotes ? ex->n_quotes : 1));
    size_t spec_errors = locate_expected(c, loc);
    for (size_t i = 0; i < ex->n_quotes && spec_errors == 0; i++) {
        const exp_quote *eq = &ex->quotes[i];
        const unsigned char *want = loc[i].set;
        pred_quote *match = NULL;
        for (size_t j = 0; j < np && !match; j++)
            if (!pred[j].used && pred[j].set && sets_equal(p, want, pred[j].set))
                match = &pred[j];
        if (!match) {
            strbuf b = {0};
            sb_printf(&b, "missing quote (spec line %d) ", eq->line);
            describe_exp(&b, eq);
            /* Say what came closest, if anything overlaps. */
            size_t best = 0;
            const pred_quote *bq = NULL;
            for (size_t j = 0; j < np; j++) {
                if (pred[j].used || !pred[j].set)
                    continue;
                size_t o = sets_overlap(p, want, pred[j].set);
                if (o > best) {
                    best = o;
                    bq = &pred[j];
                }
            }
            if (bq) {
                sb_puts(&b, "; closest prediction ");
                describe_pred(c, &b, bq);
            } else {
                sb_puts(&b, "; no prediction overlaps it");
            }
            problem(c, "%s", sb_str(&b));
            sb_free(&b);
            continue;
        }
        match->used = 1;
        compare_span(c, "cue", eq, eq->cue.text != NULL, loc[i].cue, match->has_cue, match->cue);
        compare_span(c, "source", eq, eq->source.text != NULL, loc[i].source,
                     match->has_source, match->source);
        const char *got = match->speaker;
        if (!(eq->speaker ? got && strcmp(eq->speaker, got) == 0 : got == NULL)) {
            if (match->org)
                problem(c, "quote at spec line %d «%s»: speaker expected %s, got %s "
                           "(the source resolved to the organisation \"%s\")",
                        eq->line, eq->frags[0].text, eq->speaker ? eq->speaker : "null",
                        got ? got : "null", match->org);
            else
                problem(c, "quote at spec line %d «%s»: speaker expected %s, got %s",
                        eq->line, eq->frags[0].text, eq->speaker ? eq->speaker : "null",
                        got ? got : "null");
        }
        if ((int)match->q->type != eq->type)
            problem(c, "quote at spec line %d «%s»: type expected %s, got %s", eq->line,
                    eq->frags[0].text, type_name(eq->type), type_name((int)match->q->type));
    }
    for (size_t i = 0; i < ex->n_quotes; i++)
        free(loc[i].set);
    free(loc);

    if (spec_errors == 0) {
        for (size_t j = 0; j < np; j++) {
            if (pred[j].used)
                continue;
            strbuf b = {0};
            sb_puts(&b, "unexpected quote ");
            describe_pred(c, &b, &pred[j]);
            problem(c, "%s", sb_str(&b));
            sb_free(&b);
        }
        if (np != ex->n_quotes)
            problem(c, "quote count: expected %zu, got %zu", ex->n_quotes, np);
    }

    for (size_t j = 0; j < np; j++)
        free(pred[j].set);
    free(pred);
}

/* Does the event have exactly the expected participants and time? */
static int meeting_matches(const ws_doc *doc, const ws_event *ev, const exp_meeting *m)
{
    if (ev->n_participants != m->n_names)
        return 0;
    if (m->when ? !(ev->when && strcmp(ev->when, m->when) == 0) : ev->when != NULL)
        return 0;
    /* Every expected name once among the participants, every participant
     * once among the expected names. */
    for (size_t i = 0; i < m->n_names; i++) {
        size_t hits = 0;
        for (size_t k = 0; k < ev->n_participants; k++) {
            int person;
            const char *name = entity_name(doc, ev->participants[k], &person);
            if (name && strcmp(name, m->names[i]) == 0)
                hits++;
        }
        if (hits != 1)
            return 0;
    }
    return 1;
}

static void describe_event(const ws_doc *doc, strbuf *b, const ws_event *ev)
{
    for (size_t k = 0; k < ev->n_participants; k++) {
        int person;
        const char *name = entity_name(doc, ev->participants[k], &person);
        if (name)
            sb_printf(b, "%s; ", name);
        else
            sb_printf(b, "<entity %d>; ", ev->participants[k]);
    }
    sb_printf(b, "when=%s", ev->when ? ev->when : "null");
}

static void check_meetings(checker *c)
{
    const example *ex = c->ex;
    size_t ne = ws_doc_event_count(c->doc);
    unsigned char *used = xmalloc(ne + 1);
    memset(used, 0, ne + 1);
    size_t n_meetings = 0;
    for (size_t k = 0; k < ne; k++) {
        const ws_event *ev = ws_doc_event(c->doc, k);
        if (!ev || ev->type != WS_MEETING || (ev->n_participants && !ev->participants))
            used[k] = 1; /* not a meeting: ignore */
        else
            n_meetings++;
    }
    for (size_t i = 0; i < ex->n_meetings; i++) {
        const exp_meeting *m = &ex->meetings[i];
        int found = 0;
        for (size_t k = 0; k < ne && !found; k++) {
            if (used[k])
                continue;
            if (meeting_matches(c->doc, ws_doc_event(c->doc, k), m)) {
                used[k] = 1;
                found = 1;
            }
        }
        if (!found) {
            strbuf b = {0};
            sb_printf(&b, "missing meeting (spec line %d) ", m->line);
            for (size_t j = 0; j < m->n_names; j++)
                sb_printf(&b, "%s; ", m->names[j]);
            sb_printf(&b, "when=%s", m->when ? m->when : "null");
            problem(c, "%s", sb_str(&b));
            sb_free(&b);
        }
    }
    for (size_t k = 0; k < ne; k++) {
        if (used[k])
            continue;
        strbuf b = {0};
        sb_puts(&b, "unexpected meeting ");
        describe_event(c->doc, &b, ws_doc_event(c->doc, k));
        problem(c, "%s", sb_str(&b));
        sb_free(&b);
    }
    if (n_meetings != ex->n_meetings)
        problem(c, "meeting count: expected %zu, got %zu", ex->n_meetings, n_meetings);
    free(used);
}

static void run_example(void **state)
{
    const example *ex = *state;
    if (ex->error)
        fail_msg("%s: %s", ex->name, ex->error);

    checker c;
    memset(&c, 0, sizeof c);
    c.ex = ex;
    if (passage_init(&c.p, ex->text, ex->text_len) != 0) {
        passage_free(&c.p);
        fail_msg("%s: spec error: the passage is not valid UTF-8", ex->name);
    }

    ws_error err;
    memset(&err, 0, sizeof err);
    ws_status st = ws_analyze(ex->text, ex->text_len, NULL, &c.doc, &err);
    if (st != WS_OK || !c.doc) {
        char msg[300];
        snprintf(msg, sizeof msg, "%s", err.message);
        passage_free(&c.p);
        if (c.doc)
            ws_doc_free(c.doc);
        fail_msg("%s: ws_analyze failed: status %d (%s): %s", ex->name, (int)st,
                 ws_status_string(st) ? ws_status_string(st) : "?", msg);
    }
    if (ws_doc_length(c.doc) != c.p.ncps) {
        problem(&c, "ws_doc_length() is %zu, the passage has %zu code points",
                ws_doc_length(c.doc), c.p.ncps);
    } else {
        check_quotes(&c);
        check_meetings(&c);
    }

    size_t n = c.n_problems;
    char first[sizeof c.first];
    memcpy(first, c.first, sizeof first);
    sb_free(&c.problems);
    ws_doc_free(c.doc);
    passage_free(&c.p);
    if (n)
        fail_msg("%s: %zu failing check(s); first: %s", ex->name, n, first);
}

/* ------------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_putn(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_free(&b);
        return NULL;
    }
    if (!b.p)
        b.p = xstrndup("", 0);
    *size = b.len;
    return b.p;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SPEC.txt   (WS_SPEC_ONLY=<substring> to run some)\n",
                argv[0]);
        return 2;
    }
    size_t size = 0;
    char *data = read_file(argv[1], &size);
    if (!data) {
        fprintf(stderr, "%s: cannot read %s: %s\n", argv[0], argv[1], strerror(errno));
        return 2;
    }
    example_list list = {0};
    parse_spec(data, size, &list);
    free(data);
    if (list.n == 0) {
        fprintf(stderr, "%s: no examples in %s\n", argv[0], argv[1]);
        example_list_free(&list);
        return 2;
    }

    const char *only = getenv("WS_SPEC_ONLY");
    if (only && !*only)
        only = NULL;
    struct CMUnitTest *tests = xmalloc(sizeof *tests * list.n);
    size_t nt = 0;
    for (size_t i = 0; i < list.n; i++) {
        if (only && !strstr(list.v[i].name, only))
            continue;
        tests[nt].name = list.v[i].name;
        tests[nt].test_func = run_example;
        tests[nt].setup_func = NULL;
        tests[nt].teardown_func = NULL;
        tests[nt].initial_state = &list.v[i];
        nt++;
    }
    int rc;
    if (nt == 0) {
        fprintf(stderr, "%s: no example matches WS_SPEC_ONLY=%s\n", argv[0], only);
        rc = 2;
    } else {
        /* cmocka_run_group_tests_name() takes the array size with sizeof, so
         * a run-time array goes through the function behind the macro. */
        rc = _cmocka_run_group_tests("spec", tests, nt, NULL, NULL);
    }
    free(tests);
    example_list_free(&list);
    return rc;
}
