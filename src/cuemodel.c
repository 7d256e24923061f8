/* The learned cue detector: a logistic-regression model over hashed
 * features of a word and its neighbours, trained on PolNeAR train by
 * tools/train_cues.c (liblinear). Its weights are generated data,
 * src/cue_weights.c, compiled in: a build needs no training and no download.
 *
 * The speakers stage asks it about words the lexicon does not list as cues
 * ("endorsed", "lauded", "blasted"); rules still decide where the source and
 * the content of a cue are. */
#include "internal.h"

#include <math.h>

#include "cue_weights.h"

static inline uint32_t fnv(uint32_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* fnv() of a feature name from the offset basis, written out for names of up
 * to eight characters: with the name a literal, the compiler works it out
 * at compile time once feat_hash() is inlined (the result is the same). */
#define FNV_STEP(h, c) (((h) ^ (uint32_t)(unsigned char)(c)) * 16777619u)
static inline __attribute__((always_inline)) uint32_t fnv_name(const char *s)
{
    size_t n = strlen(s);
    uint32_t h = 2166136261u;
    if (n > 8)
        return fnv(h, s);
    if (n > 0) h = FNV_STEP(h, s[0]);
    if (n > 1) h = FNV_STEP(h, s[1]);
    if (n > 2) h = FNV_STEP(h, s[2]);
    if (n > 3) h = FNV_STEP(h, s[3]);
    if (n > 4) h = FNV_STEP(h, s[4]);
    if (n > 5) h = FNV_STEP(h, s[5]);
    if (n > 6) h = FNV_STEP(h, s[6]);
    if (n > 7) h = FNV_STEP(h, s[7]);
    return h;
}
#undef FNV_STEP

static inline __attribute__((always_inline)) uint32_t feat_hash(const char *name, const char *value,
                                                                const char *value2, uint32_t dim)
{
    uint32_t h = fnv_name(name);
    h = fnv((h ^ '=') * 16777619u, value ? value : "");
    if (value2)
        h = fnv((h ^ '|') * 16777619u, value2);
    return h % dim + 1;
}

/* Feature "name=value" or "name=value|value2" hashed into [1, dim]; hashed
 * piece by piece, with nothing formatted. Shared with the boundary model. */
uint32_t ws_feat_hash(const char *name, const char *value, const char *value2, uint32_t dim)
{
    return feat_hash(name, value, value2, dim);
}

static inline __attribute__((always_inline)) uint32_t feat2(const char *name, const char *value,
                                                            const char *value2)
{
    return feat_hash(name, value, value2, WS_CUE_DIM);
}

static inline __attribute__((always_inline)) uint32_t feat(const char *name, const char *value)
{
    return feat2(name, value, NULL);
}

const char *ws_feat_word(const ws_doc *d, int64_t k)
{
    if (k < 0 || (size_t)k >= d->toks.n)
        return "<none>";
    const tok *t = &d->toks.v[k];
    if (t->kind == T_QUOTE)
        return "<q>";
    if (t->kind == T_NUM)
        return "<num>";
    return t->low;
}

const char *ws_feat_shape(const ws_doc *d, int64_t k)
{
    if (k < 0 || (size_t)k >= d->toks.n)
        return "none";
    const tok *t = &d->toks.v[k];
    if (t->kind == T_QUOTE)
        return "quote";
    if (t->kind == T_PUNCT)
        return ws_feat_word(d, k);
    if (d->ment_at && d->ment_at[k] >= 0) {
        uint8_t kind = d->ments.v[d->ment_at[k]].kind;
        return kind == M_PRONOUN ? "pron" : kind == M_ORG ? "org" : "name";
    }
    if (t->lex & LX_DET)
        return "det";
    if (t->flags & F_CAP)
        return "cap";
    return "w";
}

size_t ws_cue_features(const ws_doc *d, uint32_t k, uint32_t *f, size_t cap)
{
    size_t n = 0;
#define ADD(name, value)                                                                           \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = feat(name, value);                                                            \
    } while (0)
#define ADD2(name, v1, v2)                                                                         \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = feat2(name, v1, v2);                                                          \
    } while (0)
    const tok *t = &d->toks.v[k];
    const char *w = t->low;
    size_t l = strlen(w);
    ADD("w", w);
    ADD("suf3", l > 3 ? w + l - 3 : w);
    ADD("suf2", l > 2 ? w + l - 2 : w);
    ADD("w-1", ws_feat_word(d, (int64_t)k - 1));
    ADD("w+1", ws_feat_word(d, (int64_t)k + 1));
    ADD("w+2", ws_feat_word(d, (int64_t)k + 2));
    ADD("s-1", ws_feat_shape(d, (int64_t)k - 1));
    ADD("s-2", ws_feat_shape(d, (int64_t)k - 2));
    ADD("s+1", ws_feat_shape(d, (int64_t)k + 1));
    ADD("s+2", ws_feat_shape(d, (int64_t)k + 2));
    ADD2("s-1s+1", ws_feat_shape(d, (int64_t)k - 1), ws_feat_shape(d, (int64_t)k + 1));
    ADD2("ww+1", w, ws_feat_word(d, (int64_t)k + 1));
    /* the word's own lexicon class: the speakers stage adds bits to t->lex
     * (and says so in t->flags), and features must not depend on what the
     * model decided */
    uint32_t lx = t->lex;
    if (t->flags & F_CUE_ADDED)
        lx &= ~(uint32_t)LX_CUE;
    if (t->flags & F_ING_ADDED)
        lx &= ~(uint32_t)LX_CUE_ING;
    ADD("lex", lx & LX_CUE ? "cue" : lx & LX_CUE_ING ? "ing" : lx & LX_CUE_WEAK ? "weak" : "no");
    ADD("cap", t->flags & F_CAP ? (t->flags & F_SENT_START ? "start" : "mid") : "no");
    ADD("inq", t->quote >= 0 ? "yes" : "no");
    /* a "that" or a quote mark soon after, a quote mark just before */
    const char *that = "no", *qa = "no", *qb = "no";
    for (uint32_t j = k + 1; j < d->toks.n && j < k + 5; j++) {
        if (tok_is(d, j, "that"))
            that = "yes";
        if (d->toks.v[j].kind == T_QUOTE)
            qa = "yes";
    }
    for (uint32_t j = k > 4 ? k - 4 : 0; j < k; j++)
        if (d->toks.v[j].kind == T_QUOTE)
            qb = "yes";
    ADD("that", that);
    ADD("qafter", qa);
    ADD("qbefore", qb);
    ADD("bias", "1");
#undef ADD
#undef ADD2
    return n;
}

double ws_cue_score(const ws_doc *d, uint32_t k)
{
    uint32_t f[WS_CUE_MAX_FEATS];
    size_t n = ws_cue_features(d, k, f, WS_CUE_MAX_FEATS);
    double z = 0;
    for (size_t i = 0; i < n; i++)
        z += ws_cue_weights[f[i] - 1];
    return 1.0 / (1.0 + exp(-z));
}
