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

/* The token that starts at or contains code point cp. */
static uint32_t tok_at(const ws_doc *d, size_t cp)
{
    size_t lo = 0, hi = d->toks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks.v[mid].end <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)lo;
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

size_t ws_quote_features(const ws_doc *d, const quote *q, uint32_t *f, size_t cap)
{
    size_t n = 0;
/* each weight is prefetched as soon as its feature is known (cuemodel.c) */
#define ADD(name, v1, v2)                                                                          \
    do {                                                                                           \
        WS_FEAT_ADD(f, n, cap, WS_QUOTE_DIM, name, v1, v2);                                        \
        if (n) __builtin_prefetch(&ws_quote_weights[f[n - 1] - 1]);                                         \
    } while (0)
    char rule[32]; /* the sieve and its confidence in hundredths, as "%d/%d" writes them */
    char *r = put_dec(rule, (int)q->sieve);
    *r++ = '/';
    *put_dec(r, (int)(q->conf * 100 + 0.5)) = 0;
    const char *type = q->type == WS_DIRECT ? "direct" : q->type == WS_MIXED ? "mixed" : "indirect";
    uint32_t ti = q->type == WS_DIRECT ? 0 : q->type == WS_MIXED ? 1 : 2;
    /* the index of each value from a small set: the features of two such
     * values take their hash up to the second from a table worked out at
     * compile time */
    uint32_t li = 0, si = 0, wi = 0;
    /* the cue's head: its first word that is no auxiliary or adverb */
    uint32_t h = q->cue0;
    while (h + 1 < q->cue1 && (d->toks.v[h].lex & LX_AUX))
        h++;
    const char *cue = "<none>";
    if (q->cue1 > q->cue0 && h < d->toks.n) {
        const char *lem = ws_lex_cue_lemma(d->toks.v[h].cue_lemma);
        cue = lem ? lem : d->toks.v[h].low ? d->toks.v[h].low : "<punct>";
        li = lem ? 1 : 2;
    }
    const char *src = "none";
    if (q->has_src_span) {
        src = "phrase";
        si = 1;
        if (q->source >= 0) {
            uint8_t kind = d->ments.v[q->source].kind;
            src = kind == M_NAME ? "name" : kind == M_TITLE ? "title" : kind == M_PRONOUN ? "pron"
                : kind == M_ROLE ? "role" : "org";
            si = kind == M_NAME ? 2 : kind == M_TITLE ? 3 : kind == M_PRONOUN ? 4 : kind == M_ROLE ? 5 : 6;
        }
    }
    size_t len = 0;
    for (size_t i = 0; i < q->content.n; i++)
        len += q->content.v[i].end - q->content.v[i].start;
    /* its bucket: <15, <30, <60, <120, <250, 250+ */
    uint32_t bi = len < 15 ? 0 : len < 30 ? 1 : len < 60 ? 2 : len < 120 ? 3 : len < 250 ? 4 : 5;
    const char *first = "<none>";
    const char *where = "none";
    if (q->content.n) {
        uint32_t t = tok_at(d, q->content.v[0].start);
        if (t < d->toks.n && d->toks.v[t].kind == T_QUOTE)
            t++;
        first = ws_feat_word(d, t);
        if (q->cue1 > q->cue0) {
            bool after = q->content.v[0].start >= d->toks.v[q->cue0].start;
            where = after ? "after" : "before";
            wi = after ? 1 : 2;
        }
    }
    uint32_t fi = q->content.n <= 1 ? 0 : q->content.n == 2 ? 1 : 2;
    /* the strings that begin several features are hashed under all their
     * feature names in one pass (the same numbers as ws_feat_hash()) */
    uint32_t hr[4] = {ws_fnv_name("rule="), ws_fnv_name("rule|type="), 0, 0};
    uint32_t hc[4] = {ws_fnv_name("cue="), ws_fnv_name("cue|type="), ws_fnv_name("cue|where="),
                      ws_fnv_name("cue|src=")};
    ws_fnv4(hr, rule);
    ws_fnv4(hc, cue);
#define BAR(h) (((h) ^ '|') * 16777619u)
#define LITF(lit) WS_FEAT_LIT(lit, WS_QUOTE_DIM)
#define PFX(name, v) BAR(ws_fnv_lit(ws_fnv_name(name "="), v))
#define ADD_F(v)                                                                                   \
    do {                                                                                           \
        if (n < cap) {                                                                             \
            f[n++] = (v);                                                                          \
            __builtin_prefetch(&ws_quote_weights[f[n - 1] - 1]);                                   \
        }                                                                                          \
    } while (0)
#define ADD_H(h)                                                                                   \
    do {                                                                                           \
        if (n < cap) {                                                                             \
            f[n++] = (h) % WS_QUOTE_DIM + 1;                                                       \
            __builtin_prefetch(&ws_quote_weights[f[n - 1] - 1]);                                   \
        }                                                                                          \
    } while (0)
    ADD_H(hr[0]);
    ADD_H(ws_fnv(BAR(hr[1]), type));
    ADD_F(((const uint32_t[3]){LITF("type=direct"), LITF("type=mixed"), LITF("type=indirect")})[ti]);
    ADD_H(hc[0]);
    ADD_H(ws_fnv(BAR(hc[1]), type));
    ADD_H(ws_fnv(BAR(hc[2]), where));
    ADD_F(((const uint32_t[3]){LITF("learned=none"), LITF("learned=lexicon"), LITF("learned=model")})[li]);
    ADD_H(ws_fnv(((const uint32_t[3]){PFX("learned|type", "none"), PFX("learned|type", "lexicon"),
                                      PFX("learned|type", "model")})[li], type));
    ADD_F(((const uint32_t[7]){LITF("src=none"), LITF("src=phrase"), LITF("src=name"), LITF("src=title"),
                               LITF("src=pron"), LITF("src=role"), LITF("src=org")})[si]);
    ADD_H(ws_fnv(((const uint32_t[7]){PFX("src|rule", "none"), PFX("src|rule", "phrase"),
                                      PFX("src|rule", "name"), PFX("src|rule", "title"),
                                      PFX("src|rule", "pron"), PFX("src|rule", "role"),
                                      PFX("src|rule", "org")})[si], rule));
    ADD_H(ws_fnv(BAR(hc[3]), src));
    ADD_F(((const uint32_t[6]){LITF("len=<15"), LITF("len=<30"), LITF("len=<60"), LITF("len=<120"),
                               LITF("len=<250"), LITF("len=250+")})[bi]);
    ADD_H(ws_fnv(((const uint32_t[6]){PFX("len|type", "<15"), PFX("len|type", "<30"),
                                      PFX("len|type", "<60"), PFX("len|type", "<120"),
                                      PFX("len|type", "<250"), PFX("len|type", "250+")})[bi], type));
    ADD_H(ws_fnv(((const uint32_t[6]){PFX("len|rule", "<15"), PFX("len|rule", "<30"),
                                      PFX("len|rule", "<60"), PFX("len|rule", "<120"),
                                      PFX("len|rule", "<250"), PFX("len|rule", "250+")})[bi], rule));
    ADD("first", first, NULL);
    ADD("first|rule", first, rule);
    ADD_F(((const uint32_t[3]){LITF("where=none"), LITF("where=after"), LITF("where=before")})[wi]);
    ADD_F(((const uint32_t[3]){LITF("frags=1"), LITF("frags=2"), LITF("frags=3+")})[fi]);
    ADD_F(q->colon ? LITF("colon=yes") : LITF("colon=no"));
    /* where the content stops and what stands before the cue */
    const char *last = "<none>", *next = "<none>";
    if (q->content.n) {
        uint32_t t = tok_at(d, q->content.v[q->content.n - 1].end - 1);
        last = ws_feat_word(d, t);
        next = ws_feat_word(d, (int64_t)t + 1);
    }
    ADD("last", last, NULL);
    ADD("next", next, NULL);
    ADD("cue-1", q->cue1 > q->cue0 ? ws_feat_word(d, (int64_t)q->cue0 - 1) : "<none>", NULL);
    ADD("bias", "1", NULL);
#undef ADD
#undef ADD_H
#undef ADD_F
#undef LITF
#undef PFX
#undef BAR
    return n;
}

double ws_quote_score(const ws_doc *d, const quote *q)
{
    uint32_t f[WS_QUOTE_MAX_FEATS];
    size_t n = ws_quote_features(d, q, f, WS_QUOTE_MAX_FEATS);
    return 1.0 / (1.0 + exp(-ws_feat_sum(ws_quote_weights, f, n)));
}
