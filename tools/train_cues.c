/* train_cues: learn the cue detector from gold attributions.
 *
 * usage: train_cues TRAIN.jsonl OUT.c [DEV.jsonl]
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
 * With DEV.jsonl it also prints the detector's precision and recall there.
 */
#include "internal.h"

#include <jansson.h>
#include <linear.h>
#include <stdio.h>
#include <stdlib.h>

#include "cue_weights.h"

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
    uint32_t s[WS_CUE_MAX_FEATS];
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

/* Runs fn on every candidate token of every article of a gold file. */
typedef void (*visit_fn)(void *ctx, const ws_doc *d, uint32_t k, int label);

static void each_candidate(const char *path, visit_fn fn, void *ctx)
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
            ws_analyze(text, strlen(text), NULL, &d, &err) == WS_OK) {
            uint8_t *mark = gold_marks(d, quotes);
            for (uint32_t k = 0; k < d->toks.n; k++) {
                const tok *t = &d->toks.v[k];
                if (t->kind != T_WORD || t->quote >= 0 || mark[k] == 2)
                    continue;
                fn(ctx, d, k, mark[k] == 1);
            }
            free(mark);
            ws_doc_free(d);
        }
        json_decref(doc);
    }
    free(line);
    fclose(f);
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

static void quiet(const char *s) { (void)s; }

int main(int argc, char **argv)
{
    if (argc < 3)
        die("usage: train_cues TRAIN.jsonl OUT.c [DEV.jsonl]", NULL);
    examples ex = {0};
    each_candidate(argv[1], collect, &ex);
    size_t pos = 0;
    for (size_t i = 0; i < ex.n; i++)
        pos += ex.y[i] > 0;
    fprintf(stderr, "train_cues: %zu examples, %zu cue heads\n", ex.n, pos);

    struct problem prob = {.l = (int)ex.n, .n = WS_CUE_DIM, .y = ex.y, .x = ex.x, .bias = -1};
    struct parameter param = {.solver_type = L2R_LR, .eps = 0.01, .C = 0.5};
    const char *bad = check_parameter(&prob, &param);
    if (bad)
        die("liblinear: ", bad);
    set_print_string_function(quiet);
    struct model *m = train(&prob, &param);
    /* weights for the positive class */
    float *w = calloc(WS_CUE_DIM, sizeof *w);
    if (!w)
        die("out of memory", NULL);
    double sign = m->label[0] == 1 ? 1.0 : -1.0;
    for (int i = 0; i < m->nr_feature && i < WS_CUE_DIM; i++)
        w[i] = (float)(sign * m->w[i]);
    free_and_destroy_model(&m);

    FILE *o = fopen(argv[2], "w");
    if (!o)
        die("cannot write ", argv[2]);
    fprintf(o, "/* Generated by tools/train_cues from PolNeAR train (make train): do not edit.\n"
               " * %zu examples, %zu cue heads; liblinear L2R_LR, C = 0.5. */\n"
               "#include \"cue_weights.h\"\n\n"
               "const float ws_cue_weights[WS_CUE_DIM] = {\n",
            ex.n, pos);
    for (size_t i = 0; i < WS_CUE_DIM; i++)
        fprintf(o, "%s%.5g,%s", i % 8 ? " " : "    ", (double)w[i], i % 8 == 7 ? "\n" : "");
    fprintf(o, "};\n");
    if (fclose(o) != 0)
        die("cannot write ", argv[2]);

    if (argc > 3) {
        score_ctx s = {.w = w};
        each_candidate(argv[3], score, &s);
        double p = s.tp + s.fp ? (double)s.tp / (double)(s.tp + s.fp) : 0;
        double r = s.tp + s.fn ? (double)s.tp / (double)(s.tp + s.fn) : 0;
        fprintf(stderr, "train_cues: on %s: cue heads P %.3f R %.3f F1 %.3f\n", argv[3], p, r,
                p + r ? 2 * p * r / (p + r) : 0);
    }
    for (size_t i = 0; i < ex.n; i++)
        free(ex.x[i]);
    free(ex.x);
    free(ex.y);
    free(w);
    return 0;
}
