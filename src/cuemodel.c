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

#define WS_CUE_FEATS 24 /* what ws_cue_features() gives, with room for them */

static inline __attribute__((always_inline)) uint32_t feat2(const char *name, const char *value,
                                                            const char *value2)
{
    return ws_feat_hash(name, value, value2, WS_CUE_DIM);
}

static inline __attribute__((always_inline)) uint32_t feat(const char *name, const char *value)
{
    return feat2(name, value, NULL);
}

/* The word's stem for the model: a few inflections off ("endorsed",
 * "endorses", "endorsing" -> "endors"), so that a form unseen in training
 * shares the weight of the others; the length of the prefix of w it keeps
 * (at most 63 bytes). */
static inline size_t cue_stem_len(const char *w, size_t l)
{
    size_t sl = l < 63 ? l : 63;
    if (sl > 5 && w[sl - 3] == 'i' && w[sl - 2] == 'n' && w[sl - 1] == 'g')
        return sl - 3;
    if (sl > 4 && w[sl - 2] == 'e' && (w[sl - 1] == 'd' || w[sl - 1] == 's'))
        return sl - 2;
    if (sl > 3 && (w[sl - 1] == 's' || w[sl - 1] == 'e'))
        return sl - 1;
    return sl;
}

/* What the word before is: the end of a mention, a pronoun, an auxiliary,
 * another word, punctuation, or nothing (a subject just before a verb is
 * what makes the verb a cue) */
static inline const char *cue_prev_kind(const ws_doc *d, uint32_t k)
{
    if (k == 0)
        return "none";
    const tok *p = &d->toks.v[k - 1];
    if (d->ment_at && d->ment_at[k - 1] >= 0)
        return "ment";
    if (p->lex & LX_PRONOUN)
        return "pron";
    if (p->lex & LX_AUX)
        return "aux";
    return p->kind == T_WORD ? "word" : "punct";
}

/* A mention among the three words before */
static inline bool cue_mention_before(const ws_doc *d, uint32_t k)
{
    if (!d->ment_at)
        return false;
    if (k >= 3) { /* some index >= 0: their AND has no sign bit (no branches) */
        const int32_t *m = &d->ment_at[k];
        return (m[-1] & m[-2] & m[-3]) >= 0;
    }
    for (uint32_t j = 0; j < k; j++)
        if (d->ment_at[j] >= 0)
            return true;
    return false;
}

/* The model's features, by name: "name=value" hashed. This is the
 * definition; ws_cue_features() computes the same numbers faster. */
static size_t ws_cue_features_named(const ws_doc *d, uint32_t k, uint32_t *f, size_t cap)
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
    char stem[64];
    size_t sl = cue_stem_len(w, l);
    memcpy(stem, w, sl);
    stem[sl] = 0;
    const char *pk = cue_prev_kind(d, k);
    ADD("stem", stem);
    ADD("w-2", ws_feat_word(d, (int64_t)k - 2));
    ADD("m-1", pk);
    ADD("mb3", cue_mention_before(d, k) ? "y" : "n");
    ADD2("stem|m-1", stem, pk);
#undef ADD
#undef ADD2
    return n;
}

/* The features are those of ws_cue_features_named() above, the model's
 * definition; made here from the tokens' hashes (text.c), with every
 * literal part worked out at compile time (the same numbers). */
#define LIT(name, value) WS_FEAT_LIT(name, value, WS_CUE_DIM)
#define IX(h) ws_feat_index(h, WS_CUE_DIM)
#define MIX(name, v) ws_feat_mix(ws_fnv_name(name), v)

/* Feature i is v: into f[i], and its weight added to *z as soon as its
 * number is known (the features are made in their order, so the additions
 * are those of ws_feat_sum(), in its order). ws_cue_logit() reads only the
 * sum, and the array and its stores go away; ws_cue_features() only the
 * array, and the sum goes away. */
#define SET(i, v) (f[i] = (v), *z += ws_cue_weights[f[i] - 1])

/* cue_prev_kind() as a code, an index into the hashes of its five values */
static inline unsigned cue_prev_code(const ws_doc *d, uint32_t k)
{
    if (k == 0)
        return 0;
    const tok *p = &d->toks.v[(size_t)k - 1]; /* size_t: a displacement, k being unsigned */
    if (d->ment_at && d->ment_at[(size_t)k - 1] >= 0)
        return 1;
    if (p->lex & LX_PRONOUN)
        return 2;
    if (p->lex & LX_AUX)
        return 3;
    return p->kind == T_WORD ? 4 : 5;
}

/* ws_word_val() and ws_shape_val() of token t, in the text, whose
 * mention (ment_at) is m */
static inline __attribute__((always_inline)) uint32_t word_val_t(const tok *t)
{
    return t->kind == T_QUOTE ? WS_VAL("<q>") : t->kind == T_NUM ? WS_VAL("<num>") : t->hash;
}

static inline __attribute__((always_inline)) uint32_t shape_val_t(const ws_doc *d, const tok *t, int32_t m)
{
    if (t->kind == T_QUOTE)
        return WS_VAL("quote");
    if (t->kind == T_PUNCT)
        return t->hash;
    if (m >= 0) {
        uint8_t kind = d->ments.v[m].kind;
        return kind == M_PRONOUN ? WS_VAL("pron") : kind == M_ORG ? WS_VAL("org") : WS_VAL("name");
    }
    if (t->lex & LX_DET)
        return WS_VAL("det");
    if (t->flags & F_CAP)
        return WS_VAL("cap");
    return WS_VAL("w");
}

/* The hash of the last n bytes of token t (all of it when shorter) */
static inline uint32_t suffix_val(const tok *t, size_t n)
{
    return t->len <= n ? t->hash : ws_fnv_n(2166136261u, t->low + t->len - n, n);
}

/* The WS_CUE_FEATS features into f, and the sum of their weights added to
 * *z: inlined into both callers, each of which keeps what it needs */
static inline __attribute__((always_inline)) void cue_features(const ws_doc *d, uint32_t k,
                                                                uint32_t *f, double *z)
{
    const tok *t = &d->toks.v[k];
    size_t l = t->len;
    int64_t K = k;
    uint32_t hw = t->hash; /* its own word: its lower case, whatever its kind */
    /* the words and shapes around it, the word before's kind and the
     * mentions before: from pointers with no test of the text's ends when
     * k is four tokens or more from both (most words) */
    uint32_t wm1, h1, wp2, wm2, vm1, vm2, vp1, vp2;
    unsigned pc;
    bool mb3;
    if (k >= 4 && k + 5 <= d->toks.n && d->ment_at) {
        const tok *tk = t;
        const int32_t *ma = &d->ment_at[k];
        wm1 = word_val_t(tk - 1), h1 = word_val_t(tk + 1), wp2 = word_val_t(tk + 2), wm2 = word_val_t(tk - 2);
        vm1 = shape_val_t(d, tk - 1, ma[-1]), vp1 = shape_val_t(d, tk + 1, ma[1]);
        vm2 = shape_val_t(d, tk - 2, ma[-2]), vp2 = shape_val_t(d, tk + 2, ma[2]);
        const tok *p = tk - 1;
        pc = ma[-1] >= 0 ? 1 : (p->lex & LX_PRONOUN) ? 2 : (p->lex & LX_AUX) ? 3 : p->kind == T_WORD ? 4 : 5;
        mb3 = (ma[-1] & ma[-2] & ma[-3]) >= 0;
    } else {
        wm1 = ws_word_val(d, K - 1), h1 = ws_word_val(d, K + 1), wp2 = ws_word_val(d, K + 2);
        wm2 = ws_word_val(d, K - 2);
        vm1 = ws_shape_val(ws_feat_shape_code(d, K - 1), d, K - 1);
        vp1 = ws_shape_val(ws_feat_shape_code(d, K + 1), d, K + 1);
        vm2 = ws_shape_val(ws_feat_shape_code(d, K - 2), d, K - 2);
        vp2 = ws_shape_val(ws_feat_shape_code(d, K + 2), d, K + 2);
        pc = cue_prev_code(d, k);
        mb3 = cue_mention_before(d, k);
    }
    SET(0, IX(MIX("w", hw)));
    SET(1, IX(MIX("suf3", suffix_val(t, 3))));
    SET(2, IX(MIX("suf2", suffix_val(t, 2))));
    SET(3, IX(MIX("w-1", wm1)));
    SET(4, IX(MIX("w+1", h1)));
    SET(5, IX(MIX("w+2", wp2)));
    SET(6, IX(MIX("s-1", vm1)));
    SET(7, IX(MIX("s-2", vm2)));
    SET(8, IX(MIX("s+1", vp1)));
    SET(9, IX(MIX("s+2", vp2)));
    SET(10, IX(ws_feat_mix(MIX("s-1s+1", vm1), vp1)));
    SET(11, IX(ws_feat_mix(MIX("ww+1", hw), h1)));
    uint32_t lx = t->lex;
    if (t->flags & F_CUE_ADDED)
        lx &= ~(uint32_t)LX_CUE;
    if (t->flags & F_ING_ADDED)
        lx &= ~(uint32_t)LX_CUE_ING;
    SET(12, lx & LX_CUE ? LIT("lex", "cue") : lx & LX_CUE_ING ? LIT("lex", "ing") : lx & LX_CUE_WEAK ? LIT("lex", "weak") : LIT("lex", "no"));
    SET(13, t->flags & F_CAP ? (t->flags & F_SENT_START ? LIT("cap", "start") : LIT("cap", "mid")) : LIT("cap", "no"));
    SET(14, t->quote >= 0 ? LIT("inq", "yes") : LIT("inq", "no"));
    bool that = false, qa = false, qb = false;
    /* the four tokens each side, tested without a branch each (written out
     * when all eight are in the text) */
    const tok *T = d->toks.v;
#define THAT_(j) (T[j].hash == ws_fnv_name("that") && low_is(&T[j], "that"))
    if (k >= 4 && k + 5 <= d->toks.n) {
        /* from a pointer to token k: T[k + 1] with k unsigned is an
         * address computed anew (k + 1 might wrap), tk[1] a displacement */
        const tok *tk = &T[k];
        /* the hashes first; the words only when one agrees (seldom) */
        const uint32_t ht = ws_fnv_name("that");
        that = (tk[1].hash == ht) | (tk[2].hash == ht) | (tk[3].hash == ht) | (tk[4].hash == ht);
        if (that)
            that = THAT_(k + 1) | THAT_(k + 2) | THAT_(k + 3) | THAT_(k + 4);
        qa = (tk[1].kind == T_QUOTE) | (tk[2].kind == T_QUOTE) | (tk[3].kind == T_QUOTE) |
             (tk[4].kind == T_QUOTE);
        qb = (tk[-1].kind == T_QUOTE) | (tk[-2].kind == T_QUOTE) | (tk[-3].kind == T_QUOTE) |
             (tk[-4].kind == T_QUOTE);
    } else {
        for (uint32_t j = k + 1, je = d->toks.n < k + 5 ? (uint32_t)d->toks.n : k + 5; j < je; j++) {
            that |= THAT_(j);
            qa |= T[j].kind == T_QUOTE;
        }
        for (uint32_t j = k > 4 ? k - 4 : 0; j < k; j++)
            qb |= T[j].kind == T_QUOTE;
    }
#undef THAT_
    SET(15, that ? LIT("that", "yes") : LIT("that", "no"));
    SET(16, qa ? LIT("qafter", "yes") : LIT("qafter", "no"));
    SET(17, qb ? LIT("qbefore", "yes") : LIT("qbefore", "no"));
    SET(18, LIT("bias", "1"));
    /* the stem: the word's own hash when nothing comes off */
    size_t sl = cue_stem_len(t->low, l);
    uint32_t hs = sl == l ? hw : ws_fnv_n(2166136261u, t->low, sl);
    SET(19, IX(MIX("stem", hs)));
    SET(20, IX(MIX("w-2", wm2)));
    uint32_t pk = ((const uint32_t[6]){WS_VAL("none"), WS_VAL("ment"), WS_VAL("pron"), WS_VAL("aux"),
                                       WS_VAL("word"), WS_VAL("punct")})[pc];
    SET(21, IX(MIX("m-1", pk)));
    SET(22, mb3 ? LIT("mb3", "y") : LIT("mb3", "n"));
    SET(23, IX(ws_feat_mix(MIX("stem|m-1", hs), pk)));
}

size_t ws_cue_features(const ws_doc *d, uint32_t k, uint32_t *f, size_t cap)
{
    if (cap < WS_CUE_FEATS)
        return ws_cue_features_named(d, k, f, cap);
    double z = 0;
    cue_features(d, k, f, &z);
    return WS_CUE_FEATS;
}
#undef LIT
#undef SET
#undef IX
#undef MIX

double ws_cue_logit(const ws_doc *d, uint32_t k)
{
    uint32_t f[WS_CUE_FEATS];
    double z = 0;
    cue_features(d, k, f, &z);
    return z;
}

double ws_cue_score(const ws_doc *d, uint32_t k)
{
    return 1.0 / (1.0 + exp(-ws_cue_logit(d, k)));
}

bool ws_cue_below(double z, double p, double logit_p)
{
    /* away from the threshold the logit answers; near it (well beyond any
     * rounding), the probability as ws_cue_score() computes it */
    if (z < logit_p - 1e-6)
        return true;
    if (z > logit_p + 1e-6)
        return false;
    return 1.0 / (1.0 + exp(-z)) < p;
}
