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

static inline __attribute__((always_inline)) uint32_t feat2(const char *name, const char *value,
                                                            const char *value2)
{
    return ws_feat_hash(name, value, value2, WS_CUE_DIM);
}

static inline __attribute__((always_inline)) uint32_t feat(const char *name, const char *value)
{
    return feat2(name, value, NULL);
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
    return 1.0 / (1.0 + exp(-ws_feat_sum(ws_cue_weights, f, n)));
}
