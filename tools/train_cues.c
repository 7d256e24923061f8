/* train_cues: learn the cue detector, the content-boundary model, the
 * attribution filter and the source ranker from gold attributions.
 *
 * usage: train_cues TRAIN.jsonl CUES_OUT.c BOUNDS_OUT.c QUOTES_OUT.c SOURCES_OUT.c STARTS_OUT.c
 *                   [DEV.jsonl]
 *
 * Every word token outside quote marks is an example. It is positive when
 * it is the head of a gold cue: the cue's first word that is not an
 * auxiliary or an adverb ("said" in "has said", "according" in "according
 * to"); the other words of a cue are left out rather than counted as
 * negatives. Features are those of ws_cue_features() (src/cuemodel.c), so
 * training and prediction cannot drift apart. The learner is liblinear's
 * L2-regularised logistic regression (primal Newton solver), which is
 * deterministic: the same data give byte-identical weights.
 *
 * The boundary model (src/boundmodel.c) learns from the sites where the
 * speakers stage reports unmarked speech after a cue: the pipeline runs with
 * WS_INTERNAL_LOG_BOUNDS, which keeps the rules' ends and logs each site with
 * its candidate ends. A site whose content start is a gold content's start
 * is an example group: the candidate at the gold end is positive, the others
 * negative; a site whose gold end is no candidate is left out.
 *
 * The attribution filter (src/quotemodel.c) learns from every attribution
 * the sieves make (WS_INTERNAL_NO_FILTER keeps them all): positive when it
 * overlaps a gold content by half of the longer one, as the scorer counts.
 *
 * The source ranker (src/sourcemodel.c) learns from every attribution the
 * sieves make (WS_INTERNAL_LOG_SOURCES logs each one's candidate sources and
 * keeps the sieves' choice) that matches a gold quote as the scorer matches
 * them: a candidate is positive when it shares a character with the gold
 * source ("none" when the gold names none), and an attribution whose gold
 * source is no candidate is left out.
 *
 * With DEV.jsonl it also prints the models' figures there.
 */
#include "internal.h"

#include <jansson.h>
#include <math.h>
#include <linear.h>
#include <stdio.h>
#include <stdlib.h>

#include "bound_weights.h"
#include "cue_weights.h"
#include "quote_weights.h"
#include "source_weights.h"
#include "start_weights.h"

typedef struct {
    struct feature_node **x;
    double *y;
    size_t n, cap;
} examples;

static void die(const char *m, const char *x)
{
    fprintf(stderr, "train_cues: %s%s\n", m, x ? x : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("out of memory", NULL);
    return p;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void add_example(examples *e, const uint32_t *f, size_t n, double y)
{
    uint32_t s[64];
    if (n > 64)
        n = 64;
    memcpy(s, f, n * sizeof *f);
    qsort(s, n, sizeof *s, cmp_u32);
    struct feature_node *x = xrealloc(NULL, (n + 1) * sizeof *x);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || x[m - 1].index != (int)s[i]) {
            x[m].index = (int)s[i];
            x[m].value = 1;
            m++;
        }
    x[m].index = -1;
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 65536;
        e->x = xrealloc(e->x, e->cap * sizeof *e->x);
        e->y = xrealloc(e->y, e->cap * sizeof *e->y);
    }
    e->x[e->n] = x;
    e->y[e->n] = y;
    e->n++;
}

/* Marks of each token: 1 = head of a gold cue, 2 = other word of a cue. */
static uint8_t *gold_marks(const ws_doc *d, json_t *quotes)
{
    uint8_t *mark = calloc(d->toks.n + 1, 1);
    if (!mark)
        die("out of memory", NULL);
    size_t qi;
    json_t *q;
    json_array_foreach(quotes, qi, q) {
        json_t *cue = json_object_get(q, "cue");
        if (!json_is_array(cue) || json_array_size(cue) == 0)
            continue;
        size_t fi;
        json_t *fr;
        bool head_done = false;
        json_array_foreach(cue, fi, fr) {
            size_t a = (size_t)json_integer_value(json_array_get(fr, 0));
            size_t b = (size_t)json_integer_value(json_array_get(fr, 1));
            for (size_t k = 0; k < d->toks.n; k++) {
                const tok *t = &d->toks.v[k];
                if (t->end <= a || t->start >= b || t->kind != T_WORD)
                    continue;
                size_t l = strlen(t->low);
                bool skip = (t->lex & LX_AUX) || (l > 4 && strcmp(t->low + l - 2, "ly") == 0);
                if (!head_done && !skip) {
                    mark[k] = 1;
                    head_done = true;
                } else if (mark[k] != 1) {
                    mark[k] = 2;
                }
            }
        }
    }
    return mark;
}

/* Runs fn on every article of a gold file that whosaid analyses, with the
 * article's gold quotes; flags are ws_analyze_internal()'s. */
typedef void (*doc_fn)(void *arg, const ws_doc *d, json_t *quotes);

static void each_doc(const char *path, unsigned flags, doc_fn fn, void *arg)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open ", path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        json_error_t jerr;
        json_t *doc = json_loadb(line, (size_t)len, 0, &jerr);
        if (!doc)
            continue;
        const char *text = json_string_value(json_object_get(doc, "text"));
        json_t *quotes = json_object_get(doc, "quotes");
        ws_doc *d = NULL;
        ws_error err;
        if (text && json_is_array(quotes) &&
            ws_analyze_internal(text, strlen(text), NULL, flags, &d, &err) == WS_OK) {
            fn(arg, d, quotes);
            ws_doc_free(d);
        }
        json_decref(doc);
    }
    free(line);
    fclose(f);
}

/* Runs fn on every candidate token of every article of a gold file. */
typedef void (*visit_fn)(void *ctx, const ws_doc *d, uint32_t k, int label);
typedef struct {
    visit_fn fn;
    void *ctx;
} visit;

static void candidates_of(void *arg, const ws_doc *d, json_t *quotes)
{
    const visit *v = arg;
    uint8_t *mark = gold_marks(d, quotes);
    for (uint32_t k = 0; k < d->toks.n; k++) {
        const tok *t = &d->toks.v[k];
        if (t->kind != T_WORD || t->quote >= 0 || mark[k] == 2)
            continue;
        v->fn(v->ctx, d, k, mark[k] == 1);
    }
    free(mark);
}

static void each_candidate(const char *path, visit_fn fn, void *ctx)
{
    visit v = {fn, ctx};
    each_doc(path, 0, candidates_of, &v);
}

static void collect(void *ctx, const ws_doc *d, uint32_t k, int label)
{
    uint32_t f[WS_CUE_MAX_FEATS];
    size_t n = ws_cue_features(d, k, f, WS_CUE_MAX_FEATS);
    add_example(ctx, f, n, label ? 1 : -1);
}

typedef struct {
    const float *w;
    size_t tp, fp, fn;
} score_ctx;

static void score(void *ctx, const ws_doc *d, uint32_t k, int label)
{
    score_ctx *s = ctx;
    uint32_t f[WS_CUE_MAX_FEATS];
    size_t n = ws_cue_features(d, k, f, WS_CUE_MAX_FEATS);
    double z = 0;
    for (size_t i = 0; i < n; i++)
        z += s->w[f[i] - 1];
    int pred = z > 0;
    s->tp += pred && label;
    s->fp += pred && !label;
    s->fn += !pred && label;
}

/* ---- the boundary model ---- */

static bool trim_char(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '.' || c == ';' ||
           c == ':' || ws_is_quote_char(c);
}

/* The gold quote whose (trimmed) single content span starts in token a:
 * its trimmed end, or 0 when there is none. */
static size_t gold_end_at(const ws_doc *d, json_t *quotes, uint32_t a)
{
    size_t qi;
    json_t *q;
    json_array_foreach(quotes, qi, q) {
        json_t *ct = json_object_get(q, "content");
        if (!json_is_array(ct) || json_array_size(ct) != 1)
            continue;
        size_t s = (size_t)json_integer_value(json_array_get(json_array_get(ct, 0), 0));
        size_t e = (size_t)json_integer_value(json_array_get(json_array_get(ct, 0), 1));
        if (e > d->n || s >= e)
            continue;
        while (s < e && trim_char(d->cp[s]))
            s++;
        while (e > s && trim_char(d->cp[e - 1]))
            e--;
        if (s >= d->toks.v[a].start && s < d->toks.v[a].end)
            return e;
    }
    return 0;
}

/* The trimmed end of content [a, j). */
static size_t cand_end(const ws_doc *d, uint32_t a, uint32_t j)
{
    while (j > a + 1 && d->toks.v[j - 1].kind == T_PUNCT)
        j--;
    size_t e = d->toks.v[j - 1].end;
    while (e > d->toks.v[a].start && trim_char(d->cp[e - 1]))
        e--;
    return e;
}

typedef void (*site_fn)(void *ctx, const ws_doc *d, const bound_site *s, int positive);
typedef struct {
    site_fn fn;
    void *ctx;
} site_visit;

static void sites_of(void *arg, const ws_doc *d, json_t *quotes)
{
    const site_visit *v = arg;
    for (size_t i = 0; i < d->bound_log.n; i++) {
        const bound_site *s = &d->bound_log.v[i];
        size_t ge = gold_end_at(d, quotes, s->a);
        if (!ge)
            continue;
        int pos = -1;
        for (uint32_t c = 0; c < s->n && pos < 0; c++)
            if (cand_end(d, s->a, s->cand[c]) == ge)
                pos = (int)c;
        if (pos >= 0)
            v->fn(v->ctx, d, s, pos);
    }
}

/* Runs fn on every site of a gold file that has its gold end among the
 * candidates; positive is the index of that candidate. */
static void each_site(const char *path, site_fn fn, void *ctx)
{
    site_visit v = {fn, ctx};
    each_doc(path, WS_INTERNAL_LOG_BOUNDS, sites_of, &v);
}

static void collect_site(void *ctx, const ws_doc *d, const bound_site *s, int positive)
{
    uint32_t f[WS_BOUND_MAX_FEATS];
    for (uint32_t c = 0; c < s->n; c++) {
        size_t n = ws_bound_features(d, s, c, f, WS_BOUND_MAX_FEATS);
        add_example(ctx, f, n, (int)c == positive ? 1 : -1);
    }
}

typedef struct {
    const float *w;
    size_t sites, rule_right, model_right;
} site_score;

static void score_site(void *ctx, const ws_doc *d, const bound_site *s, int positive)
{
    site_score *r = ctx;
    uint32_t f[WS_BOUND_MAX_FEATS];
    uint32_t best = s->rule_end;
    double bz = -1e300;
    for (uint32_t c = 0; c < s->n; c++) {
        size_t n = ws_bound_features(d, s, c, f, WS_BOUND_MAX_FEATS);
        double z = 0;
        for (size_t i = 0; i < n; i++)
            z += r->w[f[i] - 1];
        if (s->cand[c] == s->rule_end)
            z += 1e-9; /* ties go to the rules, as in choose_end() */
        if (z > bz) {
            bz = z;
            best = s->cand[c];
        }
    }
    r->sites++;
    r->rule_right += cand_end(d, s->a, s->rule_end) == cand_end(d, s->a, s->cand[positive]);
    r->model_right += best == s->cand[positive];
}

/* ---- the start model ---- */

/* The trimmed start of content that begins at token j */
static size_t cand_start(const ws_doc *d, uint32_t j)
{
    size_t s = d->toks.v[j].start;
    while (s < d->n && trim_char(d->cp[s]))
        s++;
    return s;
}

/* The trimmed start of the first content of the gold quote whose cue holds
 * the start of token k and whose content starts in [lo, hi); 0 when none */
static size_t gold_start_for(const ws_doc *d, json_t *quotes, uint32_t k, size_t lo, size_t hi)
{
    size_t qi;
    json_t *q;
    size_t ks = d->toks.v[k].start;
    json_array_foreach(quotes, qi, q) {
        json_t *cue = json_object_get(q, "cue"), *ct = json_object_get(q, "content");
        bool on_cue = false;
        for (size_t i = 0; json_is_array(cue) && i < json_array_size(cue); i++) {
            json_t *fr = json_array_get(cue, i);
            size_t a = (size_t)json_integer_value(json_array_get(fr, 0));
            size_t b = (size_t)json_integer_value(json_array_get(fr, 1));
            on_cue |= a <= ks && ks < b;
        }
        if (!on_cue || !json_is_array(ct) || json_array_size(ct) == 0)
            continue;
        size_t s = (size_t)json_integer_value(json_array_get(json_array_get(ct, 0), 0));
        size_t e = (size_t)json_integer_value(json_array_get(json_array_get(ct, 0), 1));
        if (e > d->n)
            e = d->n;
        while (s < e && trim_char(d->cp[s]))
            s++;
        if (s >= lo && s < hi)
            return s;
    }
    return 0;
}

typedef void (*start_fn)(void *ctx, const ws_doc *d, const start_site *s, int positive);
typedef struct {
    start_fn fn;
    void *ctx;
} start_visit;

static void start_sites_of(void *arg, const ws_doc *d, json_t *quotes)
{
    const start_visit *v = arg;
    for (size_t i = 0; i < d->start_log.n; i++) {
        const start_site *s = &d->start_log.v[i];
        size_t gs = gold_start_for(d, quotes, s->cue, d->toks.v[s->after].start,
                                   d->toks.v[s->end - 1].end);
        if (!gs)
            continue;
        int pos = -1;
        for (uint32_t c = 0; c < s->n && pos < 0; c++)
            if (cand_start(d, s->cand[c]) == gs)
                pos = (int)c;
        if (pos >= 0)
            v->fn(v->ctx, d, s, pos);
    }
}

/* Runs fn on every start site of a gold file that has its gold start among
 * the candidates; positive is the index of that candidate. */
static void each_start_site(const char *path, start_fn fn, void *ctx)
{
    start_visit v = {fn, ctx};
    each_doc(path, WS_INTERNAL_LOG_STARTS, start_sites_of, &v);
}

static void collect_start(void *ctx, const ws_doc *d, const start_site *s, int positive)
{
    uint32_t f[WS_START_MAX_FEATS];
    for (uint32_t c = 0; c < s->n; c++) {
        size_t n = ws_start_features(d, s, c, f, WS_START_MAX_FEATS);
        add_example(ctx, f, n, (int)c == positive ? 1 : -1);
    }
}

typedef struct {
    const float *w;
    size_t sites, rule_right, model_right;
} start_score;

static void score_start(void *ctx, const ws_doc *d, const start_site *s, int positive)
{
    start_score *r = ctx;
    uint32_t f[WS_START_MAX_FEATS];
    uint32_t best = s->rule_start;
    double bz = -1e300;
    for (uint32_t c = 0; c < s->n; c++) {
        size_t n = ws_start_features(d, s, c, f, WS_START_MAX_FEATS);
        double z = 0;
        for (size_t i = 0; i < n; i++)
            z += r->w[f[i] - 1];
        if (s->cand[c] == s->rule_start)
            z += 1e-9; /* ties go to the rules, as in choose_start() */
        if (z > bz) {
            bz = z;
            best = s->cand[c];
        }
    }
    size_t g = cand_start(d, s->cand[positive]);
    r->sites++;
    r->rule_right += cand_start(d, s->rule_start) == g;
    r->model_right += cand_start(d, best) == g;
}

/* ---- the attribution filter ---- */

/* Code points of frags after trimming each, as score.py's chars(): a sorted
 * list of disjoint [s, e) intervals in out (at most cap). */
static size_t trimmed(const ws_doc *d, const size_t *se, size_t nfrag, size_t *out)
{
    size_t m = 0;
    for (size_t i = 0; i < nfrag; i++) {
        size_t s = se[2 * i], e = se[2 * i + 1];
        if (e > d->n)
            e = d->n;
        while (s < e && trim_char(d->cp[s]))
            s++;
        while (e > s && trim_char(d->cp[e - 1]))
            e--;
        if (s < e) {
            out[2 * m] = s;
            out[2 * m + 1] = e;
            m++;
        }
    }
    return m;
}

static size_t span_len(const size_t *iv, size_t m)
{
    size_t n = 0;
    for (size_t i = 0; i < m; i++)
        n += iv[2 * i + 1] - iv[2 * i];
    return n;
}

static size_t shared(const size_t *a, size_t ma, const size_t *b, size_t mb)
{
    size_t n = 0;
    for (size_t i = 0; i < ma; i++)
        for (size_t j = 0; j < mb; j++) {
            size_t s = a[2 * i] > b[2 * j] ? a[2 * i] : b[2 * j];
            size_t e = a[2 * i + 1] < b[2 * j + 1] ? a[2 * i + 1] : b[2 * j + 1];
            if (e > s)
                n += e - s;
        }
    return n;
}

#define MAX_FRAGS 64

/* The trimmed code points of a gold span (a list of [s, e] fragments). */
static size_t gold_chars(const ws_doc *d, json_t *frags, size_t *out)
{
    size_t se[2 * MAX_FRAGS];
    size_t ng = json_is_array(frags) ? json_array_size(frags) : 0;
    if (ng > MAX_FRAGS)
        ng = MAX_FRAGS;
    for (size_t i = 0; i < ng; i++) {
        se[2 * i] = (size_t)json_integer_value(json_array_get(json_array_get(frags, i), 0));
        se[2 * i + 1] = (size_t)json_integer_value(json_array_get(json_array_get(frags, i), 1));
    }
    return trimmed(d, se, ng, out);
}

/* The gold quote whose content attribution q overlaps most, by half of the
 * longer one at least (as the scorer matches them), or NULL. */
static json_t *best_gold(const ws_doc *d, const quote *q, json_t *quotes)
{
    size_t se[2 * MAX_FRAGS], pq[2 * MAX_FRAGS], gq[2 * MAX_FRAGS];
    size_t nf = q->content.n < MAX_FRAGS ? q->content.n : MAX_FRAGS;
    for (size_t i = 0; i < nf; i++) {
        se[2 * i] = q->content.v[i].start;
        se[2 * i + 1] = q->content.v[i].end;
    }
    size_t mp = trimmed(d, se, nf, pq), lp = span_len(pq, mp);
    if (!lp)
        return NULL;
    json_t *best = NULL;
    double br = 0;
    size_t qi;
    json_t *g;
    json_array_foreach(quotes, qi, g) {
        size_t mg = gold_chars(d, json_object_get(g, "content"), gq), lg = span_len(gq, mg);
        size_t sh = lg ? shared(pq, mp, gq, mg) : 0;
        double r = (double)sh / (double)(lp > lg ? lp : lg);
        if (lg && 2 * sh >= (lp > lg ? lp : lg) && r > br) {
            br = r;
            best = g;
        }
    }
    return best;
}

/* Does attribution q overlap some gold content by half of the longer one? */
static bool matches_gold(const ws_doc *d, const quote *q, json_t *quotes)
{
    return best_gold(d, q, quotes) != NULL;
}

static void collect_quotes(void *arg, const ws_doc *d, json_t *quotes)
{
    uint32_t f[WS_QUOTE_MAX_FEATS];
    for (size_t i = 0; i < d->quotes.n; i++) {
        size_t n = ws_quote_features(d, &d->quotes.v[i], f, WS_QUOTE_MAX_FEATS);
        add_example(arg, f, n, matches_gold(d, &d->quotes.v[i], quotes) ? 1 : -1);
    }
}

/* Kept and dropped attributions at each threshold, for the dev report. */
typedef struct {
    const float *w;
    size_t kept_ok[10], kept[10], all_ok, all;
} quote_score;

static void score_quotes(void *arg, const ws_doc *d, json_t *quotes)
{
    quote_score *r = arg;
    uint32_t f[WS_QUOTE_MAX_FEATS];
    for (size_t i = 0; i < d->quotes.n; i++) {
        size_t n = ws_quote_features(d, &d->quotes.v[i], f, WS_QUOTE_MAX_FEATS);
        double z = 0;
        for (size_t k = 0; k < n; k++)
            z += r->w[f[k] - 1];
        double p = 1 / (1 + exp(-z));
        bool ok = matches_gold(d, &d->quotes.v[i], quotes);
        r->all++;
        r->all_ok += ok;
        for (int t = 0; t < 10; t++)
            if (p >= t / 10.0) {
                r->kept[t]++;
                r->kept_ok[t] += ok;
            }
    }
}

/* ---- the source ranker ---- */

/* The candidates of every logged site whose attribution matches a gold
 * quote: label[i] is 1 when candidate i shares a character with the gold
 * source ("none" when the gold has none); sites with no right candidate are
 * left out. */
typedef void (*source_fn)(void *ctx, const ws_doc *d, const source_site *s, const int *label);

typedef struct {
    source_fn fn;
    void *ctx;
} source_visit;

static void source_sites_of(void *arg, const ws_doc *d, json_t *quotes)
{
    const source_visit *v = arg;
    size_t gs[2 * MAX_FRAGS], cs[2];
    for (size_t i = 0; i < d->source_log.n; i++) {
        const source_site *s = &d->source_log.v[i];
        json_t *g = best_gold(d, &d->quotes.v[s->quote], quotes);
        if (!g)
            continue;
        size_t mg = gold_chars(d, json_object_get(g, "source"), gs);
        int label[WS_SOURCE_MAX_CANDS];
        bool any = false;
        for (uint32_t c = 0; c < s->n; c++) {
            const source_cand *k = &s->cand[c];
            if (k->kind == SK_NONE) {
                label[c] = mg == 0;
            } else {
                size_t se[2] = {d->toks.v[k->t0].start, d->toks.v[k->t1 - 1].end};
                size_t mc = trimmed(d, se, 1, cs);
                label[c] = mg && mc && shared(cs, mc, gs, mg) > 0;
            }
            any |= label[c] != 0;
        }
        if (any)
            v->fn(v->ctx, d, s, label);
    }
}

static void each_source_site(const char *path, source_fn fn, void *ctx)
{
    source_visit v = {fn, ctx};
    each_doc(path, WS_INTERNAL_LOG_SOURCES, source_sites_of, &v);
}

static void collect_source(void *ctx, const ws_doc *d, const source_site *s, const int *label)
{
    uint32_t f[WS_SOURCE_MAX_FEATS];
    for (uint32_t c = 0; c < s->n; c++) {
        size_t n = ws_source_features(d, s, c, f, WS_SOURCE_MAX_FEATS);
        add_example(ctx, f, n, label[c] ? 1 : -1);
    }
}

/* The sieves' choice against the model's, at several margins, per rule. */
#define N_MARGINS 6
static const double MARGINS[N_MARGINS] = {0, 0.5, 1, 1.5, 2, 3};
typedef struct {
    const float *w;
    size_t sites[8], sieve_right[8], right[8][N_MARGINS], changed[8][N_MARGINS];
} source_score;

static const char *const RULE_NAME[7] = {"rule 0", "rule 1", "rule 2", "rule 3",
                                         "rule 4", "rule 5", "settled"};

static void score_source(void *ctx, const ws_doc *d, const source_site *s, const int *label)
{
    source_score *r = ctx;
    uint32_t f[WS_SOURCE_MAX_FEATS];
    uint32_t best = 0, sv = 0;
    double bz = -1e300, sz = 0;
    for (uint32_t c = 0; c < s->n; c++) {
        size_t n = ws_source_features(d, s, c, f, WS_SOURCE_MAX_FEATS);
        double z = 0;
        for (size_t i = 0; i < n; i++)
            z += r->w[f[i] - 1];
        if (s->cand[c].sieve) {
            sv = c;
            sz = z;
        }
        if (z > bz) {
            bz = z;
            best = c;
        }
    }
    int rule = d->quotes.v[s->quote].sieve;
    if (rule < 0 || rule > 6)
        rule = 0;
    if (ws_source_settled(d, &d->quotes.v[s->quote]))
        rule = 6; /* scored, but the speakers stage leaves these alone */
    for (int g = 0; g < 2; g++) {
        int k = g ? 7 : rule; /* 7: all rules */
        r->sites[k]++;
        r->sieve_right[k] += label[sv] != 0;
        for (int m = 0; m < N_MARGINS; m++) {
            uint32_t pick = best != sv && bz >= sz + MARGINS[m] ? best : sv;
            r->right[k][m] += label[pick] != 0;
            r->changed[k][m] += pick != sv;
        }
    }
}

/* Trains an L2-regularised logistic regression and returns the weights of
 * the positive class, dim of them. */
static float *fit(examples *ex, int dim, double C)
{
    struct problem prob = {.l = (int)ex->n, .n = dim, .y = ex->y, .x = ex->x, .bias = -1};
    /* eps 0.001: at 0.01 make train could cycle between two sets of weights */
    struct parameter param = {.solver_type = L2R_LR, .eps = 0.001, .C = C};
    const char *bad = check_parameter(&prob, &param);
    if (bad)
        die("liblinear: ", bad);
    struct model *m = train(&prob, &param);
    float *w = calloc((size_t)dim, sizeof *w);
    if (!w)
        die("out of memory", NULL);
    double sign = m->label[0] == 1 ? 1.0 : -1.0;
    for (int i = 0; i < m->nr_feature && i < dim; i++)
        w[i] = (float)(sign * m->w[i]);
    free_and_destroy_model(&m);
    return w;
}

static void write_weights(const char *path, const char *head, const char *decl, const float *w,
                          size_t dim)
{
    FILE *o = fopen(path, "w");
    if (!o)
        die("cannot write ", path);
    fprintf(o, "%s%s = {\n", head, decl);
    for (size_t i = 0; i < dim; i++)
        fprintf(o, "%s%.5g,%s", i % 8 ? " " : "    ", (double)w[i], i % 8 == 7 ? "\n" : "");
    fprintf(o, "};\n");
    if (fclose(o) != 0)
        die("cannot write ", path);
}

static void free_examples(examples *ex)
{
    for (size_t i = 0; i < ex->n; i++)
        free(ex->x[i]);
    free(ex->x);
    free(ex->y);
}

static void quiet(const char *s) { (void)s; }

/* Fits one model on ex (then freed), writes its weights as C to path and
 * returns them; pos names the positive examples in the messages. */
static float *train_model(examples *ex, int dim, const char *model, const char *all,
                          const char *pos, const char *header, const char *decl,
                          const char *path)
{
    size_t npos = 0;
    for (size_t i = 0; i < ex->n; i++)
        npos += ex->y[i] > 0;
    fprintf(stderr, "train_cues: %s: %zu %s, %zu %s\n", model, ex->n, all, npos, pos);
    /* C = 0.5: on a 700/140 split of PolNeAR train 0.25 and 2 did worse;
     * 1 did better there but worse on dev (docs/history.md) */
    float *w = fit(ex, dim, 0.5);
    char head[512];
    snprintf(head, sizeof head,
             "/* Generated by tools/train_cues from PolNeAR train (make train): do not edit.\n"
             " * %zu %s, %zu %s; liblinear L2R_LR, C = 0.5. */\n"
             "#include \"%s\"\n\n",
             ex->n, all, npos, pos, header);
    write_weights(path, head, decl, w, (size_t)dim);
    free_examples(ex);
    return w;
}

int main(int argc, char **argv)
{
    if (argc < 7)
        die("usage: train_cues TRAIN.jsonl CUES_OUT.c BOUNDS_OUT.c QUOTES_OUT.c SOURCES_OUT.c "
            "[DEV.jsonl]",
            NULL);
    set_print_string_function(quiet);

    /* the cue detector */
    examples ex = {0};
    each_candidate(argv[1], collect, &ex);
    float *w = train_model(&ex, WS_CUE_DIM, "cue detector", "examples", "cue heads",
                           "cue_weights.h", "const float ws_cue_weights[WS_CUE_DIM]", argv[2]);
    /* the start model */
    examples tx = {0};
    each_start_site(argv[1], collect_start, &tx);
    float *tw = train_model(&tx, WS_START_DIM, "starts", "candidate starts", "sites",
                            "start_weights.h", "const float ws_start_weights[WS_START_DIM]",
                            argv[6]);
    /* the boundary model */
    examples bx = {0};
    each_site(argv[1], collect_site, &bx);
    float *bw = train_model(&bx, WS_BOUND_DIM, "boundaries", "candidate ends", "sites",
                            "bound_weights.h", "const float ws_bound_weights[WS_BOUND_DIM]",
                            argv[3]);
    /* the attribution filter */
    examples qx = {0};
    each_doc(argv[1], WS_INTERNAL_NO_FILTER, collect_quotes, &qx);
    float *qw = train_model(&qx, WS_QUOTE_DIM, "filter", "attributions", "matching gold",
                            "quote_weights.h", "const float ws_quote_weights[WS_QUOTE_DIM]",
                            argv[4]);
    /* the source ranker */
    examples sx = {0};
    each_source_site(argv[1], collect_source, &sx);
    float *sw = train_model(&sx, WS_SOURCE_DIM, "sources", "candidates", "right sources",
                            "source_weights.h", "const float ws_source_weights[WS_SOURCE_DIM]",
                            argv[5]);

    if (argc > 7) {
        score_ctx s = {.w = w};
        each_candidate(argv[7], score, &s);
        double p = s.tp + s.fp ? (double)s.tp / (double)(s.tp + s.fp) : 0;
        double r = s.tp + s.fn ? (double)s.tp / (double)(s.tp + s.fn) : 0;
        fprintf(stderr, "train_cues: on %s: cue heads P %.3f R %.3f F1 %.3f\n", argv[7], p, r,
                p + r ? 2 * p * r / (p + r) : 0);
        start_score ts = {.w = tw};
        each_start_site(argv[7], score_start, &ts);
        fprintf(stderr,
                "train_cues: on %s: %zu sites with the gold start among the candidates; "
                "the rules' start is right at %.3f, the model's at %.3f\n",
                argv[7], ts.sites, ts.sites ? (double)ts.rule_right / (double)ts.sites : 0,
                ts.sites ? (double)ts.model_right / (double)ts.sites : 0);
        site_score b = {.w = bw};
        each_site(argv[7], score_site, &b);
        fprintf(stderr,
                "train_cues: on %s: %zu sites with the gold end among the candidates; "
                "the rules' end is right at %.3f, the model's at %.3f\n",
                argv[7], b.sites, b.sites ? (double)b.rule_right / (double)b.sites : 0,
                b.sites ? (double)b.model_right / (double)b.sites : 0);
        quote_score qs = {.w = qw};
        each_doc(argv[7], WS_INTERNAL_NO_FILTER, score_quotes, &qs);
        for (int t = 1; t < 10; t++)
            fprintf(stderr,
                    "train_cues: on %s: filter at %.1f keeps %zu of %zu attributions, "
                    "%zu of %zu matching gold (precision %.3f)\n",
                    argv[7], t / 10.0, qs.kept[t], qs.all, qs.kept_ok[t], qs.all_ok,
                    qs.kept[t] ? (double)qs.kept_ok[t] / (double)qs.kept[t] : 0);
        source_score ss = {.w = sw};
        each_source_site(argv[7], score_source, &ss);
        for (int k = 0; k < 8; k++) {
            if (!ss.sites[k])
                continue;
            fprintf(stderr, "train_cues: on %s: sources, %s: %zu sites, the sieves right at %.3f;",
                    argv[7], k == 7 ? "all rules" : RULE_NAME[k], ss.sites[k],
                    (double)ss.sieve_right[k] / (double)ss.sites[k]);
            for (int m = 0; m < N_MARGINS; m++)
                fprintf(stderr, " margin %.1f: %.3f (%zu changed)", MARGINS[m],
                        (double)ss.right[k][m] / (double)ss.sites[k], ss.changed[k][m]);
            fprintf(stderr, "\n");
        }
    }
    free(w);
    free(bw);
    free(tw);
    free(qw);
    free(sw);
    return 0;
}
