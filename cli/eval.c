/* eval.c - "whosaid eval GOLD.jsonl [--errors] [--json] [--pred PRED.jsonl]":
 * run libwhosaid (default options) on each gold article, or read its
 * predictions from PRED.jsonl, and score them exactly as
 * ../shared/eval/score.py scores whosaid's JSONL output (the method is in
 * ../shared/eval/FORMAT.md). Every step below uses the same arithmetic as
 * score.py, so the figures are the same doubles, not merely close:
 *
 *  - a quote's character set is the union of its fragments, each trimmed at
 *    both ends of white space, quote marks and ,.;: (TRIM in score.py); a set
 *    is kept as sorted, disjoint, non-adjacent code-point intervals, so two
 *    sets are equal exactly when their interval lists are;
 *  - gold and predicted quotes whose set is empty are dropped;
 *  - each (gold i, prediction j) pair sharing a character gets
 *    ratio = shared / size of the larger set, and the pairs are taken
 *    greedily in the order of Python's sorted(reverse=True) on (ratio, i, j):
 *    ratio, then i, then j, all descending; each quote is taken once;
 *  - a taken pair counts for "any"; "exact" when the sets are equal;
 *    "overlap" when ratio >= 0.5, and then the speaker is right when the
 *    trimmed predicted source shares a character with the trimmed gold
 *    source, or both are empty; only gold quotes with a source count in the
 *    speaker accuracy; "end-to-end" = overlap and speaker right;
 *  - the quote-marked subset: gold direct + mixed; predictions whose raw
 *    content holds one of the double marks " “ ” « » „.
 *
 * As in score.py, articles are keyed by str(id) (the 0-based line number
 * when there is no id) and a later article with the same key replaces the
 * earlier one. An article the library cannot analyse (or, with --pred, that
 * has no record there) counts as missing: no predictions, "missing_docs".
 * A gold line that score.py could not read (not JSON, no "text" or
 * "quotes", spans outside the text, an unknown type) is reported as
 * FILE:LINE and skipped, and the exit status is then 1.
 *
 * Besides score.py's figures, the same counts per gold quote type; with
 * --errors, each miss (gold quote with no partner at overlap >= 0.5) and
 * false alarm (prediction with none) with its context.
 *
 * No global mutable state: everything lives in one eval_ctx.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>
#include <utf8proc.h>

#include "eval.h"
#include "whosaid.h"

enum { RC_OK = 0, RC_FAILED = 1, RC_USAGE = 2, RC_FATAL = 3 };

enum { CONTEXT = 60, MAX_GAP = 2 * CONTEXT + 10 }; /* code points, for --errors */

/* clang-format off */
/* score.py's counters, in its order */
enum {
    C_GOLD, C_PRED, C_EXACT, C_OVERLAP, C_ANY, C_SPK_N, C_SPK_OK, C_E2E,
    C_M_GOLD, C_M_PRED, C_M_OVERLAP, C_M_E2E, C_M_SPK_N, C_M_SPK_OK, N_COUNTS
};
static const char *const count_names[N_COUNTS] = {
    "gold", "pred", "exact", "overlap", "any", "spk_n", "spk_ok", "e2e",
    "m_gold", "m_pred", "m_overlap", "m_e2e", "m_spk_n", "m_spk_ok"};

/* the extra table: per gold quote type */
enum { T_DIRECT, T_MIXED, T_INDIRECT, N_TYPES };
static const char *const type_names[N_TYPES + 1] = {"direct", "mixed", "indirect", "unknown"};
enum { K_GOLD, K_EXACT, K_OVERLAP, K_ANY, K_E2E, K_SPK_N, K_SPK_OK, N_TK };
static const char *const tk_names[N_TK] = {"gold", "exact", "overlap", "any",
                                           "e2e", "spk_n", "spk_ok"};
/* clang-format on */

typedef struct tally {
    size_t c[N_COUNTS];
    size_t t[N_TYPES][N_TK];
} tally;

typedef struct iv {
    size_t s, e; /* half-open code-point range */
} iv;

typedef struct span_list {
    size_t off, n; /* n intervals at pool[off] */
} span_list;

typedef struct cset {
    size_t off, n; /* sorted disjoint intervals at pool[off] */
    size_t size;   /* number of code points */
} cset;

/* A gold or predicted quote. */
typedef struct item {
    span_list content, cue, source; /* as given, for --errors */
    cset chars, src;                /* trimmed content and source */
    int type;                       /* T_* */
    int marked;                     /* quote-marked subset */
    size_t match;                   /* index of the partner, or SIZE_MAX */
    double ratio;                   /* overlap with the partner */
    const char *speaker;            /* predictions: the resolved person, or NULL */
    double confidence;              /* predictions: -1 when not given */
} item;

typedef struct pair {
    double ratio;
    size_t i, j;
} pair;

/* One line of a --pred file. */
typedef struct pred_doc {
    char *key;   /* str(id) */
    size_t line; /* 1-based */
    json_t *root;
} pred_doc;

/* One article's result, kept until the end for score.py's duplicate-id rule. */
typedef struct article {
    char *key;    /* str(id) as score.py computes it */
    size_t line;  /* 1-based */
    int missing;  /* no predictions: the library failed, or not in --pred */
    int replaced; /* a later article has the same key */
    tally t;
    json_t *errors; /* --errors records, or NULL */
} article;

typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

typedef struct eval_ctx {
    const char *name;      /* the gold file, for messages */
    const char *pred_name; /* --pred FILE, or NULL: run the library */
    pred_doc *pred;        /* its lines, sorted by key then line */
    size_t npred, pred_cap;
    int want_errors, want_json;
    ws_options opts;       /* for the library (--rules-only) */
    int status;
    /* per article scratch, reused */
    int32_t *cp; /* the text as code points */
    size_t ncp, cp_cap;
    iv *pool;
    size_t npool, pool_cap;
    item *g, *p;
    size_t ng, np, g_cap, p_cap;
    pair *pairs;
    size_t npairs, pairs_cap;
    sbuf sb;
    /* results */
    article *art;
    size_t nart, art_cap;
} eval_ctx;

/* ---- small helpers ------------------------------------------------------ */

/* Make room for n more elements of size sz in *v (holding len of *cap). */
static int reserve(void **v, size_t *cap, size_t len, size_t n, size_t sz)
{
    if (n <= *cap - len) return 0;
    size_t c = *cap ? *cap : 64;
    while (c - len < n) {
        if (c > SIZE_MAX / 2 / sz) return -1;
        c *= 2;
    }
    void *q = realloc(*v, c * sz);
    if (!q) return -1;
    *v = q, *cap = c;
    return 0;
}

#define RESERVE(arr, len, cap, n) reserve((void **)&(arr), &(cap), (len), (n), sizeof *(arr))

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom || RESERVE(b->p, b->len, b->cap, n + 1)) {
        b->oom = 1;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

/* Append code points [a, b) of the text; in context mode newlines become ¶
 * and other control characters spaces, so that a record stays on one line. */
static void sb_text(eval_ctx *e, size_t a, size_t b, int context)
{
    utf8proc_uint8_t u[8];
    for (size_t i = a; i < b; i++) {
        int32_t c = e->cp[i];
        if (context && c == '\n') c = 0x00B6;
        else if (context && (c < 0x20 || c == 0x7F)) c = ' ';
        utf8proc_ssize_t k = utf8proc_encode_char(c, u);
        sb_add(&e->sb, (const char *)u, (size_t)k);
    }
}

/* Put a message about bad data in msg (of msz bytes); returns 1. */
static int bad_data(char *msg, size_t msz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, msz, fmt, ap);
    va_end(ap);
    return 1;
}

static void warn(const char *name, size_t line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "whosaid eval: %s", name);
    if (line) fprintf(stderr, ":%zu", line);
    fputs(": ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* score.py's TRIM: quote marks, white space and ,.;: */
static int is_trim(int32_t c)
{
    switch (c) { /* clang-format off */
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: case 0x201A: case 0x2039: case 0x203A:
    case ' ': case '\t': case '\n': case '\r': case ',': case '.': case ';': case ':':
    case 0x00A0: /* clang-format on */
        return 1;
    default:
        return 0;
    }
}

/* score.py's DOUBLE_MARKS */
static int is_double_mark(int32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB || c == 0x201E;
}

static int push_iv(eval_ctx *e, size_t s, size_t t)
{
    if (RESERVE(e->pool, e->npool, e->pool_cap, 1)) return -1;
    e->pool[e->npool++] = (iv){s, t};
    return 0;
}

static int iv_cmp(const void *a, const void *b)
{
    const iv *x = a, *y = b;
    return x->s < y->s ? -1 : x->s > y->s ? 1 : x->e < y->e ? -1 : x->e > y->e;
}

/* score.py's chars(): trim each fragment, then the union as a cset. */
static int make_set(eval_ctx *e, span_list raw, cset *out)
{
    if (RESERVE(e->pool, e->npool, e->pool_cap, raw.n)) return -1;
    iv *v = e->pool + e->npool;
    size_t n = 0;
    for (size_t k = 0; k < raw.n; k++) {
        size_t s = e->pool[raw.off + k].s, t = e->pool[raw.off + k].e;
        while (s < t && is_trim(e->cp[s])) s++;
        while (t > s && is_trim(e->cp[t - 1])) t--;
        if (s < t) v[n++] = (iv){s, t};
    }
    qsort(v, n, sizeof *v, iv_cmp);
    size_t m = 0, size = 0;
    for (size_t k = 0; k < n; k++) {
        if (m && v[k].s <= v[m - 1].e) {
            if (v[k].e > v[m - 1].e) v[m - 1].e = v[k].e;
        } else {
            v[m++] = v[k];
        }
    }
    for (size_t k = 0; k < m; k++) size += v[k].e - v[k].s;
    *out = (cset){e->npool, m, size};
    e->npool += m;
    return 0;
}

static size_t set_inter(const eval_ctx *e, cset a, cset b)
{
    const iv *x = e->pool + a.off, *y = e->pool + b.off;
    size_t i = 0, j = 0, n = 0;
    while (i < a.n && j < b.n) {
        size_t lo = x[i].s > y[j].s ? x[i].s : y[j].s;
        size_t hi = x[i].e < y[j].e ? x[i].e : y[j].e;
        if (lo < hi) n += hi - lo;
        if (x[i].e < y[j].e) i++;
        else j++;
    }
    return n;
}

static int set_equal(const eval_ctx *e, cset a, cset b)
{
    if (a.n != b.n) return 0;
    for (size_t k = 0; k < a.n; k++)
        if (e->pool[a.off + k].s != e->pool[b.off + k].s ||
            e->pool[a.off + k].e != e->pool[b.off + k].e)
            return 0;
    return 1;
}

/* Python's sorted(reverse=True) on (ratio, i, j). */
static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->ratio != y->ratio) return x->ratio > y->ratio ? -1 : 1;
    if (x->i != y->i) return x->i > y->i ? -1 : 1;
    return x->j > y->j ? -1 : x->j < y->j;
}

/* ---- reading the gold --------------------------------------------------- */

/* score.py's str(d.get('id', n)) */
static char *id_key(json_t *id, size_t index)
{
    char tmp[64];
    if (!id) snprintf(tmp, sizeof tmp, "%zu", index);
    else if (json_is_string(id)) return strdup(json_string_value(id));
    else if (json_is_integer(id))
        snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
    else if (json_is_real(id)) snprintf(tmp, sizeof tmp, "%.17g", json_real_value(id));
    else if (json_is_true(id)) snprintf(tmp, sizeof tmp, "True");
    else if (json_is_false(id)) snprintf(tmp, sizeof tmp, "False");
    else if (json_is_null(id)) snprintf(tmp, sizeof tmp, "None");
    else return json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY); /* approximates repr() */
    return strdup(tmp);
}

/* Read the spans of field key of quote qi into the pool. Returns 0, 1 with
 * a message in msg for bad data, or -1 for out of memory. */
static int read_spans(eval_ctx *e, json_t *q, size_t qi, const char *key, int required,
                      span_list *out, char *msg, size_t msz)
{
    json_t *v = json_object_get(q, key), *fr;
    size_t k;
    out->off = e->npool, out->n = 0;
    if (!v && required) return bad_data(msg, msz, "quotes[%zu] has no \"%s\"", qi, key);
    if (!v || json_is_null(v)) return 0;
    if (!json_is_array(v))
        return bad_data(msg, msz, "quotes[%zu].%s is not a list of [start, end]", qi, key);
    json_array_foreach(v, k, fr) {
        json_t *a = json_array_get(fr, 0), *b = json_array_get(fr, 1);
        if (!json_is_array(fr) || json_array_size(fr) != 2 || !json_is_integer(a) ||
            !json_is_integer(b))
            return bad_data(msg, msz, "quotes[%zu].%s[%zu] is not [start, end]", qi, key, k);
        json_int_t s = json_integer_value(a), t = json_integer_value(b);
        if (s < 0 || s > t || (unsigned long long)t > e->ncp)
            return bad_data(msg, msz,
                            "quotes[%zu].%s[%zu] = [%" JSON_INTEGER_FORMAT ", %" JSON_INTEGER_FORMAT
                            "] is not a span of the text (%zu code points)",
                            qi, key, k, s, t, e->ncp);
        if (push_iv(e, (size_t)s, (size_t)t)) return -1;
        out->n++;
    }
    return 0;
}

/* Decode the text into e->cp. Returns 0, 1 for invalid UTF-8, -1 for OOM. */
static int decode(eval_ctx *e, const char *text, size_t len)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)text;
    e->ncp = 0;
    if (RESERVE(e->cp, 0, e->cp_cap, len + 1)) return -1;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) return 1;
        e->cp[e->ncp++] = c;
        i += (size_t)k;
    }
    return 0;
}

/* T_* of a "type" value; N_TYPES when it is none of them. */
static int type_index(const json_t *type)
{
    int t = 0;
    while (t < N_TYPES &&
           !(json_is_string(type) && !strcmp(json_string_value(type), type_names[t])))
        t++;
    return t;
}

/* The gold quotes of one article into e->g (only those with characters
 * left after trimming, as score.py keeps). Returns 0, 1 (msg) or -1. */
static int read_gold(eval_ctx *e, json_t *quotes, char *msg, size_t msz)
{
    json_t *q;
    size_t qi;
    e->ng = 0;
    json_array_foreach(quotes, qi, q) {
        item it = {.match = SIZE_MAX};
        int r;
        if (!json_is_object(q)) return bad_data(msg, msz, "quotes[%zu] is not an object", qi);
        json_t *type = json_object_get(q, "type");
        if ((it.type = type_index(type)) == N_TYPES)
            return bad_data(msg, msz,
                            "quotes[%zu].type is not \"direct\", \"mixed\" or \"indirect\"", qi);
        if ((r = read_spans(e, q, qi, "content", 1, &it.content, msg, msz)) ||
            (r = read_spans(e, q, qi, "cue", 0, &it.cue, msg, msz)) ||
            (r = read_spans(e, q, qi, "source", 0, &it.source, msg, msz)))
            return r;
        if (make_set(e, it.content, &it.chars) || make_set(e, it.source, &it.src)) return -1;
        if (!it.chars.size) continue;
        it.marked = it.type != T_INDIRECT;
        if (RESERVE(e->g, e->ng, e->g_cap, 1)) return -1;
        e->g[e->ng++] = it;
    }
    return 0;
}

/* The library's quotes into e->p. Returns 0, 1 (msg) or -1. */
static int read_pred(eval_ctx *e, const ws_doc *doc, char *msg, size_t msz)
{
    e->np = 0;
    if (ws_doc_length(doc) != e->ncp)
        return bad_data(msg, msz, "the library counts %zu code points, the gold %zu",
                        ws_doc_length(doc), e->ncp);
    for (size_t i = 0, n = ws_doc_quote_count(doc); i < n; i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        item it = {.match = SIZE_MAX, .confidence = q->confidence};
        if (q->entity >= 0 && (size_t)q->entity < ws_doc_entity_count(doc))
            it.speaker = ws_doc_entity(doc, (size_t)q->entity)->name;
        it.content.off = e->npool;
        for (size_t k = 0; k < q->n_content; k++) {
            ws_span s = q->content[k];
            if (s.start > s.end || s.end > e->ncp)
                return bad_data(msg, msz, "the library gave a span outside the text");
            if (push_iv(e, s.start, s.end)) return -1;
            for (size_t c = s.start; c < s.end && !it.marked; c++)
                it.marked = is_double_mark(e->cp[c]);
        }
        it.content.n = q->n_content;
        it.source = (span_list){e->npool, 0};
        if (q->has_source && q->source.start <= q->source.end && q->source.end <= e->ncp) {
            if (push_iv(e, q->source.start, q->source.end)) return -1;
            it.source.n = 1;
        }
        it.cue = (span_list){e->npool, 0};
        if (q->has_cue && q->cue.start <= q->cue.end && q->cue.end <= e->ncp) {
            if (push_iv(e, q->cue.start, q->cue.end)) return -1;
            it.cue.n = 1;
        }
        if (make_set(e, it.content, &it.chars) || make_set(e, it.source, &it.src)) return -1;
        if (!it.chars.size) continue;
        it.type = q->type == WS_DIRECT ? T_DIRECT : q->type == WS_MIXED ? T_MIXED : T_INDIRECT;
        if (RESERVE(e->p, e->np, e->p_cap, 1)) return -1;
        e->p[e->np++] = it;
    }
    return 0;
}

/* The quotes of a --pred record (whosaid's JSONL output) into e->p, as
 * score.py reads them. Returns 0, 1 (msg) or -1. */
static int read_pred_json(eval_ctx *e, json_t *root, char *msg, size_t msz)
{
    json_t *quotes = json_object_get(root, "quotes"), *q;
    size_t qi;
    e->np = 0;
    if (!quotes) return 0; /* an error record: no predictions */
    if (!json_is_array(quotes)) return bad_data(msg, msz, "\"quotes\" is not a list");
    json_array_foreach(quotes, qi, q) {
        item it = {.match = SIZE_MAX};
        int r;
        if (!json_is_object(q)) return bad_data(msg, msz, "quotes[%zu] is not an object", qi);
        if ((r = read_spans(e, q, qi, "content", 0, &it.content, msg, msz)) ||
            (r = read_spans(e, q, qi, "cue", 0, &it.cue, msg, msz)) ||
            (r = read_spans(e, q, qi, "source", 0, &it.source, msg, msz)))
            return r;
        json_t *type = json_object_get(q, "type"), *sp = json_object_get(q, "speaker");
        json_t *conf = json_object_get(q, "confidence");
        it.type = type_index(type);
        it.speaker = json_is_string(sp) ? json_string_value(sp) : NULL;
        it.confidence = json_is_number(conf) ? json_number_value(conf) : -1.0;
        for (size_t k = 0; k < it.content.n; k++)
            for (size_t c = e->pool[it.content.off + k].s;
                 c < e->pool[it.content.off + k].e && !it.marked; c++)
                it.marked = is_double_mark(e->cp[c]);
        if (make_set(e, it.content, &it.chars) || make_set(e, it.source, &it.src)) return -1;
        if (!it.chars.size) continue;
        if (RESERVE(e->p, e->np, e->p_cap, 1)) return -1;
        e->p[e->np++] = it;
    }
    return 0;
}

static int pred_cmp(const void *a, const void *b)
{
    const pred_doc *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->line < y->line ? -1 : x->line > y->line;
}

/* Read the --pred file: every record, sorted by key then line. Returns 0,
 * 1 when the file cannot be opened, or -1 for out of memory; bad lines are
 * reported and skipped. */
static int load_pred(eval_ctx *e)
{
    FILE *fp = fopen(e->pred_name, "rb");
    if (!fp) {
        warn(e->pred_name, 0, "%s", strerror(errno));
        e->status = RC_FAILED;
        return 1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while (!rc && (errno = 0, n = getline(&line, &cap, fp)) >= 0) {
        size_t len = (size_t)n, k = 0;
        json_error_t jerr;
        lineno++;
        while (k < len && line[k] && strchr(" \t\r\n\f\v", line[k])) k++;
        if (k == len) continue;
        json_t *root = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        if (!root && json_error_code(&jerr) == json_error_out_of_memory) {
            rc = -1;
        } else if (!json_is_object(root)) {
            if (root) warn(e->pred_name, lineno, "not a JSON object; line skipped");
            else
                warn(e->pred_name, lineno, "invalid JSON at column %d: %s; line skipped",
                     jerr.column, jerr.text);
            e->status = e->status > RC_FAILED ? e->status : RC_FAILED;
        } else {
            char *key = id_key(json_object_get(root, "id"), lineno - 1);
            rc = !key || RESERVE(e->pred, e->npred, e->pred_cap, 1) ? -1 : 0;
            if (!rc) e->pred[e->npred++] = (pred_doc){key, lineno, root}, root = NULL;
            else free(key);
        }
        json_decref(root);
    }
    int rerr = errno;
    if (!rc && (ferror(fp) || rerr == ENOMEM)) {
        warn(e->pred_name, lineno + 1, "%s", strerror(rerr ? rerr : EIO));
        e->status = rerr == ENOMEM ? RC_FATAL : e->status > RC_FAILED ? e->status : RC_FAILED;
    }
    free(line);
    fclose(fp);
    if (rc) return rc;
    qsort(e->pred, e->npred, sizeof *e->pred, pred_cmp);
    for (size_t i = 0; i + 1 < e->npred; i++)
        if (!strcmp(e->pred[i].key, e->pred[i + 1].key))
            warn(e->pred_name, e->pred[i].line,
                 "id \"%s\" again on line %zu, which replaces this record (as in score.py)",
                 e->pred[i].key, e->pred[i + 1].line);
    return 0;
}

/* The last --pred record with this key, or NULL. */
static const pred_doc *find_pred(const eval_ctx *e, const char *key)
{
    size_t lo = 0, hi = e->npred; /* find the first record with a greater key */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e->pred[mid].key, key) <= 0) lo = mid + 1;
        else hi = mid;
    }
    return lo && !strcmp(e->pred[lo - 1].key, key) ? &e->pred[lo - 1] : NULL;
}

/* ---- scoring ------------------------------------------------------------ */

/* score.py's loop body for one article: e->g against e->p. */
static int match(eval_ctx *e, tally *t)
{
    e->npairs = 0;
    t->c[C_GOLD] += e->ng, t->c[C_PRED] += e->np;
    for (size_t i = 0; i < e->ng; i++) {
        t->c[C_M_GOLD] += (size_t)e->g[i].marked;
        t->t[e->g[i].type][K_GOLD]++;
    }
    for (size_t j = 0; j < e->np; j++) t->c[C_M_PRED] += (size_t)e->p[j].marked;
    for (size_t i = 0; i < e->ng; i++)
        for (size_t j = 0; j < e->np; j++) {
            cset gs = e->g[i].chars, ps = e->p[j].chars;
            size_t inter = set_inter(e, gs, ps);
            if (!inter) continue;
            if (RESERVE(e->pairs, e->npairs, e->pairs_cap, 1)) return -1;
            double longer = (double)(gs.size > ps.size ? gs.size : ps.size);
            e->pairs[e->npairs++] = (pair){(double)inter / longer, i, j};
        }
    qsort(e->pairs, e->npairs, sizeof *e->pairs, pair_cmp);
    for (size_t k = 0; k < e->npairs; k++) {
        pair pr = e->pairs[k];
        item *g = &e->g[pr.i], *p = &e->p[pr.j];
        if (g->match != SIZE_MAX || p->match != SIZE_MAX) continue;
        g->match = pr.j, p->match = pr.i;
        g->ratio = p->ratio = pr.ratio;
        size_t *ty = t->t[g->type], m = (size_t)g->marked;
        t->c[C_ANY]++, ty[K_ANY]++;
        if (set_equal(e, g->chars, p->chars)) t->c[C_EXACT]++, ty[K_EXACT]++;
        if (pr.ratio < 0.5) continue;
        t->c[C_OVERLAP]++, ty[K_OVERLAP]++;
        t->c[C_M_OVERLAP] += m;
        int ok = g->src.size ? set_inter(e, g->src, p->src) > 0 : p->src.size == 0;
        if (g->src.size) {
            t->c[C_SPK_N]++, t->c[C_SPK_OK] += (size_t)ok;
            t->c[C_M_SPK_N] += m, t->c[C_M_SPK_OK] += (size_t)ok & m;
            ty[K_SPK_N]++, ty[K_SPK_OK] += (size_t)ok;
        }
        if (ok) t->c[C_E2E]++, t->c[C_M_E2E] += m, ty[K_E2E]++;
    }
    return 0;
}

/* ---- --errors records --------------------------------------------------- */

/* The text of a span list, fragments joined by " … ", into e->sb. */
static void sb_spans(eval_ctx *e, span_list l)
{
    for (size_t k = 0; k < l.n; k++) {
        if (k) sb_puts(&e->sb, " \xE2\x80\xA6 ");
        sb_text(e, e->pool[l.off + k].s, e->pool[l.off + k].e, 1);
    }
}

/* ~CONTEXT code points each side, the fragments marked [[ ]], long gaps
 * between fragments elided. Uses pool space past npool as scratch. */
static int sb_context(eval_ctx *e, span_list l)
{
    if (RESERVE(e->pool, e->npool, e->pool_cap, l.n)) return -1;
    iv *f = e->pool + e->npool;
    memcpy(f, e->pool + l.off, l.n * sizeof *f);
    qsort(f, l.n, sizeof *f, iv_cmp);
    size_t a = f[0].s > CONTEXT ? f[0].s - CONTEXT : 0, pos = a, end = 0;
    for (size_t k = 0; k < l.n; k++) end = f[k].e > end ? f[k].e : end;
    end = e->ncp - end > CONTEXT ? end + CONTEXT : e->ncp;
    if (a > 0) sb_puts(&e->sb, "\xE2\x80\xA6");
    for (size_t k = 0; k < l.n; k++) {
        if (k && f[k].e <= pos) continue; /* inside the previous fragment */
        size_t s = f[k].s > pos ? f[k].s : pos, t = f[k].e > s ? f[k].e : s;
        if (s - pos > MAX_GAP) {
            sb_text(e, pos, pos + CONTEXT, 1);
            sb_puts(&e->sb, " \xE2\x80\xA6 ");
            sb_text(e, s - CONTEXT, s, 1);
        } else {
            sb_text(e, pos, s, 1);
        }
        sb_puts(&e->sb, "[[");
        sb_text(e, s, t, 1);
        sb_puts(&e->sb, "]]");
        pos = t;
    }
    sb_text(e, pos, end, 1);
    if (end < e->ncp) sb_puts(&e->sb, "\xE2\x80\xA6");
    return 0;
}

/* A JSON string of what e->sb holds (then emptied), or of a span list. */
static json_t *sb_take(eval_ctx *e)
{
    json_t *s = e->sb.oom ? NULL : json_stringn(e->sb.len ? e->sb.p : "", e->sb.len);
    e->sb.len = 0;
    return s;
}

static json_t *spans_json(eval_ctx *e, span_list l)
{
    json_t *a = json_array();
    for (size_t k = 0; a && k < l.n; k++)
        if (json_array_append_new(a, json_pack("[II]", (json_int_t)e->pool[l.off + k].s,
                                               (json_int_t)e->pool[l.off + k].e)))
            json_decref(a), a = NULL;
    return a;
}

static json_t *text_json(eval_ctx *e, span_list l)
{
    if (!l.n) return json_null();
    sb_spans(e, l);
    return sb_take(e);
}

/* One miss (gold) or false alarm (prediction) as a JSON record. */
static json_t *error_record(eval_ctx *e, const article *a, const item *it, int is_pred)
{
    json_t *r = json_object();
    if (!r) return NULL;
    int bad = json_object_set_new(r, "id", json_string(a->key)) ||
              json_object_set_new(r, "line", json_integer((json_int_t)a->line)) ||
              json_object_set_new(r, "kind", json_string(is_pred ? "false_alarm" : "miss")) ||
              json_object_set_new(r, "type", json_string(type_names[it->type])) ||
              json_object_set_new(r, "span", spans_json(e, it->content)) ||
              json_object_set_new(r, "text", text_json(e, it->content)) ||
              sb_context(e, it->content) || json_object_set_new(r, "context", sb_take(e)) ||
              json_object_set_new(r, "cue", text_json(e, it->cue)) ||
              json_object_set_new(r, "source", text_json(e, it->source)) ||
              json_object_set_new(r, "overlap",
                                  it->match != SIZE_MAX ? json_real(it->ratio) : json_null());
    if (!bad && is_pred)
        bad = json_object_set_new(r, "speaker",
                                  it->speaker ? json_string(it->speaker) : json_null()) ||
              json_object_set_new(r, "confidence",
                                  it->confidence >= 0 ? json_real(it->confidence) : json_null());
    if (bad) json_decref(r), r = NULL;
    return r;
}

typedef struct err_ref {
    size_t start;
    int is_pred;
    size_t idx;
} err_ref;

static int err_ref_cmp(const void *a, const void *b)
{
    const err_ref *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->is_pred != y->is_pred) return x->is_pred - y->is_pred;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static size_t first_start(const eval_ctx *e, span_list l)
{
    size_t s = SIZE_MAX;
    for (size_t k = 0; k < l.n; k++) s = e->pool[l.off + k].s < s ? e->pool[l.off + k].s : s;
    return s;
}

/* The article's misses and false alarms, in text order. */
static int collect_errors(eval_ctx *e, article *a)
{
    size_t n = 0;
    err_ref *refs = malloc((e->ng + e->np + 1) * sizeof *refs);
    if (!refs || !(a->errors = json_array())) return free(refs), -1;
    for (size_t i = 0; i < e->ng; i++)
        if (e->g[i].match == SIZE_MAX || e->g[i].ratio < 0.5)
            refs[n++] = (err_ref){first_start(e, e->g[i].content), 0, i};
    for (size_t j = 0; j < e->np; j++)
        if (e->p[j].match == SIZE_MAX || e->p[j].ratio < 0.5)
            refs[n++] = (err_ref){first_start(e, e->p[j].content), 1, j};
    qsort(refs, n, sizeof *refs, err_ref_cmp);
    int rc = 0;
    for (size_t k = 0; k < n && !rc; k++) {
        const item *it = refs[k].is_pred ? &e->p[refs[k].idx] : &e->g[refs[k].idx];
        rc = json_array_append_new(a->errors, error_record(e, a, it, refs[k].is_pred)) ? -1 : 0;
    }
    free(refs);
    return rc;
}

/* ---- one line of the gold file ------------------------------------------ */

/* Returns -1 for out of memory, else 0 (problems are reported and set
 * e->status). */
static int process_line(eval_ctx *e, size_t lineno, const char *line, size_t len)
{
    char msg[512];
    json_error_t jerr;
    ws_doc *doc = NULL;
    ws_error werr;
    int rc = 0;
    json_t *root = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    json_t *text = json_object_get(root, "text"), *quotes = json_object_get(root, "quotes");
    article a = {.line = lineno};
    e->npool = e->ncp = e->ng = e->np = 0;
    msg[0] = '\0';
    if (!root && json_error_code(&jerr) == json_error_out_of_memory) rc = -1;
    else if (!root)
        snprintf(msg, sizeof msg, "invalid JSON at column %d: %s", jerr.column, jerr.text);
    else if (!json_is_object(root)) snprintf(msg, sizeof msg, "not a JSON object");
    else if (!json_is_string(text)) snprintf(msg, sizeof msg, "no \"text\" string");
    else if (!json_is_array(quotes)) snprintf(msg, sizeof msg, "no \"quotes\" list");
    else if ((rc = decode(e, json_string_value(text), json_string_length(text))) > 0)
        snprintf(msg, sizeof msg, "\"text\" is not valid UTF-8"), rc = 0;
    else if (!rc && (rc = read_gold(e, quotes, msg, sizeof msg)) > 0) rc = 0;
    if (rc || msg[0]) {
        if (msg[0]) {
            warn(e->name, lineno, "%s; line skipped", msg);
            e->status = e->status > RC_FAILED ? e->status : RC_FAILED;
        }
        json_decref(root);
        return rc;
    }
    if (!(a.key = id_key(json_object_get(root, "id"), lineno - 1))) return json_decref(root), -1;
    const char *where = e->name; /* for a message about the predictions */
    size_t where_line = lineno;
    if (e->pred_name) {
        const pred_doc *pd = find_pred(e, a.key);
        if (pd) {
            rc = read_pred_json(e, pd->root, msg, sizeof msg);
            where = e->pred_name, where_line = pd->line;
        } else {
            a.missing = 1; /* quietly, as in score.py */
        }
    } else {
        ws_status st =
            ws_analyze(json_string_value(text), json_string_length(text), &e->opts, &doc, &werr);
        if (st == WS_ERR_NOMEM) rc = -1;
        else if (st != WS_OK) snprintf(msg, sizeof msg, "%s", werr.message);
        else rc = read_pred(e, doc, msg, sizeof msg);
    }
    if (!rc && msg[0]) rc = 1;
    if (rc > 0) {
        warn(where, where_line, "%s; counted as missing, no predictions", msg);
        e->status = e->status > RC_FAILED ? e->status : RC_FAILED;
        a.missing = 1, e->np = 0, rc = 0;
    }
    if (!rc) rc = match(e, &a.t);
    if (!rc && e->want_errors) rc = collect_errors(e, &a);
    if (!rc) rc = RESERVE(e->art, e->nart, e->art_cap, 1);
    if (!rc) e->art[e->nart++] = a;
    else free(a.key), json_decref(a.errors);
    ws_doc_free(doc);
    json_decref(root);
    return rc;
}

/* ---- output ------------------------------------------------------------- */

static void prf(size_t tp, size_t np, size_t ng, double out[3])
{
    double p = np ? (double)tp / (double)np : 0.0, r = ng ? (double)tp / (double)ng : 0.0;
    out[0] = p, out[1] = r, out[2] = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

typedef struct figures {
    double prf[6][3];
    double spk, m_spk;
} figures;

static const char *const prf_names[6] = {"exact",      "overlap",        "any_overlap",
                                         "end_to_end", "marked_overlap", "marked_end_to_end"};

static void compute(const tally *t, figures *f)
{
    const size_t *c = t->c;
    prf(c[C_EXACT], c[C_PRED], c[C_GOLD], f->prf[0]);
    prf(c[C_OVERLAP], c[C_PRED], c[C_GOLD], f->prf[1]);
    prf(c[C_ANY], c[C_PRED], c[C_GOLD], f->prf[2]);
    prf(c[C_E2E], c[C_PRED], c[C_GOLD], f->prf[3]);
    prf(c[C_M_OVERLAP], c[C_M_PRED], c[C_M_GOLD], f->prf[4]);
    prf(c[C_M_E2E], c[C_M_PRED], c[C_M_GOLD], f->prf[5]);
    f->spk = ratio(c[C_SPK_OK], c[C_SPK_N]);
    f->m_spk = ratio(c[C_M_SPK_OK], c[C_M_SPK_N]);
}

static void print_error_text(json_t *r)
{
    const char *kind = json_string_value(json_object_get(r, "kind"));
    json_t *ov = json_object_get(r, "overlap"), *sp = json_object_get(r, "speaker");
    int fa = !strcmp(kind, "false_alarm");
    printf("%-12s%s  %s", fa ? "FALSE ALARM" : "MISS", json_string_value(json_object_get(r, "id")),
           json_string_value(json_object_get(r, "type")));
    if (fa && json_is_real(json_object_get(r, "confidence")))
        printf("  confidence %.2f", json_real_value(json_object_get(r, "confidence")));
    if (json_is_real(ov)) printf("  (paired at overlap %.2f)", json_real_value(ov));
    printf("\n    %s\n", json_string_value(json_object_get(r, "context")));
    json_t *cue = json_object_get(r, "cue"), *src = json_object_get(r, "source");
    printf("    cue: %s | source: %s", json_is_string(cue) ? json_string_value(cue) : "-",
           json_is_string(src) ? json_string_value(src) : "-");
    if (json_is_string(sp)) printf(" -> %s", json_string_value(sp));
    putchar('\n');
}

static void print_text(const tally *t, const figures *f, size_t missing)
{
    for (int k = 0; k < 6; k++)
        printf("%-22s P %.3f  R %.3f  F1 %.3f\n", prf_names[k], f->prf[k][0], f->prf[k][1],
               f->prf[k][2]);
    printf("%-22s %.3f\n", "speaker_accuracy", f->spk);
    printf("%-22s %.3f\n", "marked_speaker_accuracy", f->m_spk);
    printf("%-22s {", "counts");
    for (int k = 0; k < N_COUNTS; k++)
        printf("%s'%s': %zu", k ? ", " : "", count_names[k], t->c[k]);
    printf("}\n%-22s %zu\n", "missing_docs", missing);
    printf("\n%-10s %6s  %7s  %9s  %5s  %5s  %7s %6s\n", "gold type", "n", "R exact", "R overlap",
           "R any", "R e2e", "speaker", "of");
    for (int y = 0; y < N_TYPES; y++) {
        const size_t *v = t->t[y];
        printf("%-10s %6zu", type_names[y], v[K_GOLD]);
        if (v[K_GOLD])
            printf("  %7.3f  %9.3f  %5.3f  %5.3f", ratio(v[K_EXACT], v[K_GOLD]),
                   ratio(v[K_OVERLAP], v[K_GOLD]), ratio(v[K_ANY], v[K_GOLD]),
                   ratio(v[K_E2E], v[K_GOLD]));
        else printf("  %7s  %9s  %5s  %5s", "-", "-", "-", "-");
        if (v[K_SPK_N]) printf("  %7.3f %6zu\n", ratio(v[K_SPK_OK], v[K_SPK_N]), v[K_SPK_N]);
        else printf("  %7s %6zu\n", "-", v[K_SPK_N]);
    }
}

static json_t *figures_json(const tally *t, const figures *f, size_t missing, json_t *errors)
{
    json_t *o = json_object(), *c = json_object(), *bt = json_object();
    int bad = !o || !c || !bt;
    for (int k = 0; k < 6 && !bad; k++)
        bad = json_object_set_new(o, prf_names[k],
                                  json_pack("[fff]", f->prf[k][0], f->prf[k][1], f->prf[k][2]));
    bad = bad || json_object_set_new(o, "speaker_accuracy", json_real(f->spk)) ||
          json_object_set_new(o, "marked_speaker_accuracy", json_real(f->m_spk));
    for (int k = 0; k < N_COUNTS && !bad; k++)
        bad = json_object_set_new(c, count_names[k], json_integer((json_int_t)t->c[k]));
    bad = bad || json_object_set(o, "counts", c) ||
          json_object_set_new(o, "missing_docs", json_integer((json_int_t)missing));
    /* by_type: the counts, then each figure as num / den */
    static const struct {
        const char *name;
        int num, den;
    } rates[] = {{"recall_exact", K_EXACT, K_GOLD},
                 {"recall_overlap", K_OVERLAP, K_GOLD},
                 {"recall_any_overlap", K_ANY, K_GOLD},
                 {"recall_end_to_end", K_E2E, K_GOLD},
                 {"speaker_accuracy", K_SPK_OK, K_SPK_N}};
    for (int y = 0; y < N_TYPES && !bad; y++) {
        const size_t *v = t->t[y];
        json_t *ty = json_object();
        bad = json_object_set_new(bt, type_names[y], ty);
        for (int k = 0; k < N_TK && !bad; k++)
            bad = json_object_set_new(ty, tk_names[k], json_integer((json_int_t)v[k]));
        for (size_t k = 0; k < sizeof rates / sizeof *rates && !bad; k++)
            bad = json_object_set_new(ty, rates[k].name,
                                      json_real(ratio(v[rates[k].num], v[rates[k].den])));
    }
    bad = bad || json_object_set(o, "by_type", bt) ||
          (errors && json_object_set(o, "errors", errors));
    json_decref(c), json_decref(bt);
    if (bad) json_decref(o), o = NULL;
    return o;
}

/* ---- the command -------------------------------------------------------- */

static const char eval_usage[] =
    "Usage: whosaid eval GOLD.jsonl [--errors] [--json] [--pred PRED.jsonl] [--rules-only]\n"
    "Run whosaid (default options) on the \"text\" of each line of GOLD.jsonl and\n"
    "score the quotations found against its \"quotes\", as ../shared/eval/score.py\n"
    "does (see ../shared/eval/FORMAT.md); '-' reads stdin.\n"
    "\n"
    "  --errors   also list misses (gold quotes that no prediction overlaps by 50%)\n"
    "             and false alarms (predictions that overlap no gold quote by 50%),\n"
    "             with 60 characters of context each side and the span in [[ ]]\n"
    "  --json     one JSON object: score.py's --json keys, plus \"by_type\" (and\n"
    "             \"errors\" with --errors)\n"
    "  --pred PRED.jsonl  score these predictions (whosaid --jsonl output, matched\n"
    "             to the gold by \"id\" as score.py does) instead of running whosaid\n"
    "  --rules-only  run whosaid without its learned models (for ablations)\n"
    "  -h, --help show this help and exit\n"
    "\n"
    "Exit status: 0 every line scored; 1 some lines were skipped (bad JSON or spans)\n"
    "or could not be analysed (counted as missing); 2 usage error; 3 out of memory\n"
    "or an output error.\n";

static int eval_usage_error(const char *fmt, const char *arg)
{
    fputs("whosaid eval: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'whosaid eval --help' for more information.\n", stderr);
    return RC_USAGE;
}

static int key_cmp(const void *a, const void *b)
{
    const article *const *x = a, *const *y = b;
    int c = strcmp((*x)->key, (*y)->key);
    return c ? c : (*x)->line < (*y)->line ? -1 : (*x)->line > (*y)->line;
}

/* score.py's dict: a later article with the same key replaces the earlier. */
static int mark_replaced(eval_ctx *e)
{
    article **v = malloc((e->nart + 1) * sizeof *v);
    if (!v) return -1;
    for (size_t i = 0; i < e->nart; i++) v[i] = &e->art[i];
    qsort(v, e->nart, sizeof *v, key_cmp);
    for (size_t i = 0; i + 1 < e->nart; i++)
        if (!strcmp(v[i]->key, v[i + 1]->key)) {
            v[i]->replaced = 1;
            warn(e->name, v[i]->line,
                 "id \"%s\" again on line %zu, which replaces this article (as in score.py)",
                 v[i]->key, v[i + 1]->line);
        }
    free(v);
    return 0;
}

static int report(eval_ctx *e)
{
    tally t = {{0}, {{0}}};
    size_t missing = 0, n_err = 0;
    if (mark_replaced(e)) return -1;
    json_t *errors = e->want_errors ? json_array() : NULL;
    if (e->want_errors && !errors) return -1;
    for (size_t i = 0; i < e->nart; i++) {
        const article *a = &e->art[i];
        if (a->replaced) continue;
        missing += (size_t)a->missing;
        for (int k = 0; k < N_COUNTS; k++) t.c[k] += a->t.c[k];
        for (int y = 0; y < N_TYPES; y++)
            for (int k = 0; k < N_TK; k++) t.t[y][k] += a->t.t[y][k];
        if (a->errors && json_array_extend(errors, a->errors)) return json_decref(errors), -1;
    }
    figures f;
    compute(&t, &f);
    if (e->want_json) {
        json_t *o = figures_json(&t, &f, missing, errors);
        char *s = o ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17)) : NULL;
        if (s) puts(s);
        free(s);
        json_decref(o);
        json_decref(errors);
        return s ? 0 : -1;
    }
    if (errors) {
        size_t i, misses = 0;
        json_t *r;
        json_array_foreach(errors, i, r) {
            print_error_text(r);
            misses += !strcmp(json_string_value(json_object_get(r, "kind")), "miss");
        }
        n_err = json_array_size(errors);
        printf("%zu misses, %zu false alarms (no partner at overlap >= 0.5)\n\n", misses,
               n_err - misses);
        json_decref(errors);
    }
    print_text(&t, &f, missing);
    return 0;
}

int ws_cli_eval(int argc, char **argv)
{
    eval_ctx e = {.name = NULL};
    int dashdash = 0, rc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!dashdash && !strcmp(a, "--")) dashdash = 1;
        else if (!dashdash && (!strcmp(a, "-h") || !strcmp(a, "--help")))
            return fputs(eval_usage, stdout) < 0 || fflush(stdout) ? RC_FATAL : RC_OK;
        else if (!dashdash && !strcmp(a, "--errors")) e.want_errors = 1;
        else if (!dashdash && !strcmp(a, "--json")) e.want_json = 1;
        else if (!dashdash && !strcmp(a, "--rules-only")) e.opts.flags |= WS_RULES_ONLY;
        else if (!dashdash && !strcmp(a, "--pred") && i + 1 < argc) e.pred_name = argv[++i];
        else if (!dashdash && !strncmp(a, "--pred=", 7)) e.pred_name = a + 7;
        else if (!dashdash && !strcmp(a, "--pred"))
            return eval_usage_error("option '%s' needs a value", a);
        else if (!dashdash && a[0] == '-' && a[1])
            return eval_usage_error("unknown option '%s'", a);
        else if (e.name) return eval_usage_error("one GOLD.jsonl file only, not also '%s'", a);
        else e.name = a;
    }
    if (!e.name) return eval_usage_error("%s", "no GOLD.jsonl file given");
    if (e.pred_name && (rc = load_pred(&e)) != 0) {
        if (rc < 0) fputs("whosaid eval: out of memory\n", stderr), e.status = RC_FATAL;
        goto done;
    }
    int is_stdin = !strcmp(e.name, "-");
    FILE *fp = is_stdin ? stdin : fopen(e.name, "rb");
    if (!fp) {
        warn(e.name, 0, "%s", strerror(errno));
        e.status = RC_FAILED;
        goto done;
    }
    if (is_stdin) e.name = "<stdin>";
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    while (!rc && (errno = 0, n = getline(&line, &cap, fp)) >= 0) {
        size_t len = (size_t)n, k = 0;
        lineno++;
        while (k < len && line[k] && strchr(" \t\r\n\f\v", line[k])) k++;
        if (k == len) continue; /* blank, as score.py skips */
        rc = process_line(&e, lineno, line, len);
    }
    int rerr = errno;
    if (!rc && (ferror(fp) || rerr == ENOMEM)) { /* ENOMEM: a line too long to hold */
        warn(e.name, lineno + 1, "%s", strerror(rerr ? rerr : EIO));
        e.status = rerr == ENOMEM ? RC_FATAL : e.status > RC_FAILED ? e.status : RC_FAILED;
    }
    free(line);
    if (!is_stdin) fclose(fp);
    if (!rc) rc = report(&e);
    if (rc) {
        fputs("whosaid eval: out of memory\n", stderr);
        e.status = RC_FATAL;
    }
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "whosaid eval: write error: %s\n", strerror(errno));
        e.status = RC_FATAL;
    }
done:
    for (size_t i = 0; i < e.nart; i++) free(e.art[i].key), json_decref(e.art[i].errors);
    for (size_t i = 0; i < e.npred; i++) free(e.pred[i].key), json_decref(e.pred[i].root);
    free(e.pred);
    free(e.art), free(e.cp), free(e.pool), free(e.g), free(e.p), free(e.pairs), free(e.sb.p);
    return e.status;
}
