/* The learned attribution filter: how likely is an attribution that the
 * sieves found to be one an annotator would mark? A logistic regression over
 * hashed features of the whole attribution (which rule made it, its cue, its
 * source's kind, its content's length, first word and quote marks), trained
 * on PolNeAR train by tools/train_cues.c (liblinear), weights in
 * src/quote_weights.c. The speakers stage reports the probability as the
 * attribution's confidence and drops the unlikely ones: the sieves that read
 * every cue in a sentence ("endorsed", "is expected to") are recall-oriented,
 * and this is where their false alarms go. */
#include "internal.h"

#include <math.h>

#include "quote_weights.h"

/* The token that starts at or contains code point cp, searched near token h */
static uint32_t tok_at(const ws_doc *d, size_t cp, size_t h)
{
    return ws_tok_search(d->toks.v, (uint32_t)d->toks.n, 0, h, cp, true);
}

/* v in decimal at p, as printf's %d writes it; returns the end (no NUL) */
static char *put_dec(char *p, int v)
{
    unsigned u = (unsigned)v;
    if (v < 0) {
        *p++ = '-';
        u = 0u - u;
    }
    char tmp[12];
    size_t k = sizeof tmp;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    memcpy(p, tmp + k, sizeof tmp - k);
    return p + (sizeof tmp - k);
}

/* The features, as ws_feat_hash(name, value[, value2]) numbers them: each
 * value's hash (a token's from text.c, a literal's at compile time) is
 * combined with the name's */
/* With z, the sum of their weights is added to *z as each is known, in the
 * order ws_feat_sum() adds them: inlined into ws_quote_score(), which reads
 * only the sum, the array and its stores go away. */
static inline __attribute__((always_inline)) size_t features(const ws_doc *d, const quote *q, uint32_t *f,
                                                             size_t cap, double *z)
{
    size_t n = 0;
#define IX(h) ws_feat_index(h, WS_QUOTE_DIM)
#define MIX(name, v) ws_feat_mix(ws_fnv_name(name), v)
#define MIX2(name, v1, v2) ws_feat_mix(MIX(name, v1), v2)
/* each weight is prefetched as soon as its feature is known (cuemodel.c),
 * or added to *z */
#define ADD(v)                                                                                     \
    do {                                                                                           \
        if (n < cap) {                                                                             \
            f[n] = (v);                                                                            \
            if (z)                                                                                 \
                *z += ws_quote_weights[f[n] - 1];                                                  \
            else                                                                                   \
                __builtin_prefetch(&ws_quote_weights[f[n] - 1]);                                   \
            n++;                                                                                   \
        }                                                                                          \
    } while (0)
    char rule[32]; /* the sieve and its confidence in hundredths, as "%d/%d" writes them */
    char *r = put_dec(rule, (int)q->sieve);
    *r++ = '/';
    r = put_dec(r, (int)(q->conf * 100 + 0.5));
    uint32_t vrule = ws_fnv_n(2166136261u, rule, (size_t)(r - rule));
    uint32_t ti = q->type == WS_DIRECT ? 0 : q->type == WS_MIXED ? 1 : 2;
    uint32_t vtype = ((const uint32_t[3]){WS_VAL("direct"), WS_VAL("mixed"), WS_VAL("indirect")})[ti];
    /* the index of each value from a small set */
    uint32_t li = 0, si = 0, wi = 0;
    /* the cue's head: its first word that is no auxiliary or adverb */
    uint32_t h = q->cue0;
    while (h + 1 < q->cue1 && (d->toks.v[h].lex & LX_AUX))
        h++;
    uint32_t vcue = WS_VAL("<none>");
    if (q->cue1 > q->cue0 && h < d->toks.n) {
        const char *lem = ws_lex_cue_lemma(d->toks.v[h].cue_lemma);
        vcue = lem ? ws_fnv(2166136261u, lem) : d->toks.v[h].low ? d->toks.v[h].hash : WS_VAL("<punct>");
        li = lem ? 1 : 2;
    }
    if (q->has_src_span) {
        si = 1;
        if (q->source >= 0) {
            uint8_t kind = d->ments.v[q->source].kind;
            si = kind == M_NAME ? 2 : kind == M_TITLE ? 3 : kind == M_PRONOUN ? 4 : kind == M_ROLE ? 5 : 6;
        }
    }
    uint32_t vsrc = ((const uint32_t[7]){WS_VAL("none"), WS_VAL("phrase"), WS_VAL("name"), WS_VAL("title"),
                                         WS_VAL("pron"), WS_VAL("role"), WS_VAL("org")})[si];
    size_t len = 0;
    for (size_t i = 0; i < q->content.n; i++)
        len += q->content.v[i].end - q->content.v[i].start;
    /* its bucket: <15, <30, <60, <120, <250, 250+ */
    uint32_t bi = len < 15 ? 0 : len < 30 ? 1 : len < 60 ? 2 : len < 120 ? 3 : len < 250 ? 4 : 5;
    uint32_t vfirst = WS_VAL("<none>");
    if (q->content.n) {
        /* speech stands next to its cue: the search starts there */
        uint32_t t = tok_at(d, q->content.v[0].start, q->cue0);
        if (t < d->toks.n && d->toks.v[t].kind == T_QUOTE)
            t++;
        vfirst = ws_word_val(d, t);
        if (q->cue1 > q->cue0) {
            bool after = q->content.v[0].start >= d->toks.v[q->cue0].start;
            wi = after ? 1 : 2;
        }
    }
    uint32_t vwhere = ((const uint32_t[3]){WS_VAL("none"), WS_VAL("after"), WS_VAL("before")})[wi];
    uint32_t fi = q->content.n <= 1 ? 0 : q->content.n == 2 ? 1 : 2;
#define LIT(name, value) WS_FEAT_LIT(name, value, WS_QUOTE_DIM)
    ADD(IX(MIX("rule", vrule)));
    ADD(IX(MIX2("rule|type", vrule, vtype)));
    ADD(((const uint32_t[3]){LIT("type", "direct"), LIT("type", "mixed"), LIT("type", "indirect")})[ti]);
    ADD(IX(MIX("cue", vcue)));
    ADD(IX(MIX2("cue|type", vcue, vtype)));
    ADD(IX(MIX2("cue|where", vcue, vwhere)));
    ADD(((const uint32_t[3]){LIT("learned", "none"), LIT("learned", "lexicon"), LIT("learned", "model")})[li]);
    ADD(IX(ws_feat_mix(((const uint32_t[3]){MIX("learned|type", WS_VAL("none")), MIX("learned|type", WS_VAL("lexicon")),
                                            MIX("learned|type", WS_VAL("model"))})[li], vtype)));
    ADD(((const uint32_t[7]){LIT("src", "none"), LIT("src", "phrase"), LIT("src", "name"), LIT("src", "title"),
                             LIT("src", "pron"), LIT("src", "role"), LIT("src", "org")})[si]);
    ADD(IX(MIX2("src|rule", vsrc, vrule)));
    ADD(IX(MIX2("cue|src", vcue, vsrc)));
    ADD(((const uint32_t[6]){LIT("len", "<15"), LIT("len", "<30"), LIT("len", "<60"), LIT("len", "<120"),
                             LIT("len", "<250"), LIT("len", "250+")})[bi]);
    uint32_t vlen = ((const uint32_t[6]){WS_VAL("<15"), WS_VAL("<30"), WS_VAL("<60"), WS_VAL("<120"),
                                         WS_VAL("<250"), WS_VAL("250+")})[bi];
    ADD(IX(MIX2("len|type", vlen, vtype)));
    ADD(IX(MIX2("len|rule", vlen, vrule)));
    ADD(IX(MIX("first", vfirst)));
    ADD(IX(MIX2("first|rule", vfirst, vrule)));
    ADD(((const uint32_t[3]){LIT("where", "none"), LIT("where", "after"), LIT("where", "before")})[wi]);
    ADD(((const uint32_t[3]){LIT("frags", "1"), LIT("frags", "2"), LIT("frags", "3+")})[fi]);
    ADD(q->colon ? LIT("colon", "yes") : LIT("colon", "no"));
    /* where the content stops and what stands before the cue */
    uint32_t vlast = WS_VAL("<none>"), vnext = WS_VAL("<none>");
    if (q->content.n) {
        uint32_t t = tok_at(d, q->content.v[q->content.n - 1].end - 1, q->cue1);
        vlast = ws_word_val(d, t);
        vnext = ws_word_val(d, (int64_t)t + 1);
    }
    ADD(IX(MIX("last", vlast)));
    ADD(IX(MIX("next", vnext)));
    ADD(IX(MIX("cue-1", q->cue1 > q->cue0 ? ws_word_val(d, (int64_t)q->cue0 - 1) : WS_VAL("<none>"))));
    ADD(LIT("bias", "1"));
#undef ADD
#undef LIT
#undef IX
#undef MIX
#undef MIX2
    return n;
}

size_t ws_quote_features(const ws_doc *d, const quote *q, uint32_t *f, size_t cap)
{
    return features(d, q, f, cap, NULL);
}

double ws_quote_score(const ws_doc *d, const quote *q)
{
    uint32_t f[WS_QUOTE_MAX_FEATS];
    double z = 0;
    features(d, q, f, WS_QUOTE_MAX_FEATS, &z);
    return 1.0 / (1.0 + exp(-z));
}
