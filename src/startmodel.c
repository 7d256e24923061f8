/* The learned content-start model: where reported speech after a cue
 * starts. The rules skip a hearer, a time and a setting ("told reporters
 * on Tuesday that …"); PolNeAR annotators also leave a verb's particle or
 * object in the cue ("voiced support for | Trump", "took offense when |
 * Kelly …", "talked glowingly about | his record") and keep some adjuncts.
 * Every word (or opening quote mark) in a short window after the cue, and
 * the rules' own start, is scored by a logistic regression over hashed
 * features; the best one wins. Trained on PolNeAR train by
 * tools/train_cues.c (liblinear), weights in src/start_weights.c. */
#include "internal.h"

#include "start_weights.h"

static const char *dist_bucket(uint32_t n)
{
    return n == 0 ? "0" : n == 1 ? "1" : n == 2 ? "2" : n == 3 ? "3" : n <= 5 ? "4-5"
         : n <= 8 ? "6-8" : "9+";
}

size_t ws_start_features(const ws_doc *d, const start_site *s, uint32_t i, uint32_t *f,
                         size_t cap)
{
    uint32_t j = s->cand[i];
    size_t n = 0;
#define ADD(name, v1, v2) WS_FEAT_ADD(f, n, cap, WS_START_DIM, name, v1, v2)
    const char *cue = ws_lex_cue_lemma(d->toks.v[s->cue].cue_lemma);
    if (!cue)
        cue = d->toks.v[s->cue].low;
    const char *w = ws_feat_word(d, j), *w1 = ws_feat_word(d, (int64_t)j - 1);
    const char *wn = ws_feat_word(d, (int64_t)j + 1);
    const char *sh = ws_feat_shape(d, j), *sh1 = ws_feat_shape(d, (int64_t)j - 1);
    const char *dist = dist_bucket(j - s->after);
    const char *rule = j == s->rule_start ? "yes" : j < s->rule_start ? "before" : "after";
    /* what the words skipped between the cue and this start hold */
    uint32_t commas = 0;
    bool verb = false;
    for (uint32_t k = s->after; k < j; k++) {
        commas += tok_punct(d, k, ',');
        verb |= ws_verb_like(&d->toks.v[k]);
    }
    const char *nc = commas == 0 ? "0" : commas == 1 ? "1" : "2+";
    ADD("w", w, NULL);
    ADD("w-1", w1, NULL);
    ADD("w-1|w", w1, w);
    ADD("w+1", wn, NULL);
    ADD("w|w+1", w, wn);
    ADD("s", sh, NULL);
    ADD("s-1|s", sh1, sh);
    ADD("v|v+1", ws_feat_vclass(d, j), ws_feat_vclass(d, (int64_t)j + 1));
    ADD("dist", dist, NULL);
    ADD("w|dist", w, dist);
    ADD("rule", rule, NULL);
    ADD("w|rule", w, rule);
    ADD("w-1|rule", w1, rule);
    ADD("cue|w", cue, w);
    ADD("cue|w-1", cue, w1);
    ADD("cue|dist", cue, dist);
    ADD("cue|rule", cue, rule);
    ADD("that|rule", s->that ? "yes" : "no", rule);
    ADD("commas", nc, NULL);
    ADD("w|commas", w, nc);
    ADD("verb|s", verb ? "yes" : "no", sh);
    ADD("bias", "1", NULL);
#undef ADD
    return n;
}

/* The features of every candidate of a site at once (the same numbers as
 * ws_start_features(), the model's definition, gives), from the tokens'
 * hashes, with the site's own parts hashed once and the literal ones at
 * compile time: the named version costs a fifth of the whole pipeline. */
#define LIT(name, value) WS_FEAT_LIT(name, value, WS_START_DIM)
#define IX(h) ws_feat_index(h, WS_START_DIM)
#define MIX(name, v) ws_feat_mix(ws_fnv_name(name), v)
/* feature i is v: its weight added as soon as its number is known (no
 * array of the numbers to store and read again) */
#define F(i, v) (zi += ws_start_weights[(v) - 1])

static uint32_t dist_index(uint32_t n)
{
    return n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : 6;
}

void ws_start_scores(const ws_doc *d, const start_site *s, double *z)
{
    const char *cue = ws_lex_cue_lemma(d->toks.v[s->cue].cue_lemma);
    uint32_t hc = cue ? ws_fnv(2166136261u, cue) : d->toks.v[s->cue].hash;
    uint32_t h_cue_w = MIX("cue|w", hc), h_cue_w1 = MIX("cue|w-1", hc);
    uint32_t h_cue_dist = MIX("cue|dist", hc), h_cue_rule = MIX("cue|rule", hc);
    uint32_t h_that = MIX("that|rule", s->that ? WS_VAL("yes") : WS_VAL("no"));
    uint32_t commas = 0, k = s->after;
    bool verb = false;
    uint32_t p_hw = 0, p_hn = 0, p_vs = 0, p_vv1 = 0; /* the candidate before's */
    for (uint32_t i = 0; i < s->n; i++) {
        double zi = 0; /* the weights of features 0, 1, … added in their order, as ws_feat_sum() adds them */
        uint32_t j = s->cand[i];
        for (; k < j; k++) { /* candidates come in order: the words skipped so far */
            const tok *t = &d->toks.v[k];
            commas += tok_punct(d, k, ',');
            verb |= ws_verb_like(t);
        }
        /* the candidates are mostly neighbours: what the one before read
         * of j - 1, j and j + 1 is read again here */
        uint32_t hw, h1, hn, vs, vs1, vv, vv1;
        if (i > 0 && j == s->cand[i - 1] + 1) {
            h1 = p_hw, hw = p_hn, vs1 = p_vs, vv = p_vv1;
        } else {
            hw = ws_word_val(d, j), h1 = ws_word_val(d, (int64_t)j - 1);
            vs1 = ws_shape_val(ws_feat_shape_code(d, (int64_t)j - 1), d, (int64_t)j - 1);
            vv = ws_vclass_val(ws_feat_vclass_code(d, j), d, j);
        }
        hn = ws_word_val(d, (int64_t)j + 1);
        vs = ws_shape_val(ws_feat_shape_code(d, j), d, j);
        vv1 = ws_vclass_val(ws_feat_vclass_code(d, (int64_t)j + 1), d, (int64_t)j + 1);
        p_hw = hw, p_hn = hn, p_vs = vs, p_vv1 = vv1;
        uint32_t di = dist_index(j - s->after);
        uint32_t vdist = ((const uint32_t[]){WS_VAL("0"), WS_VAL("1"), WS_VAL("2"), WS_VAL("3"),
                                             WS_VAL("4-5"), WS_VAL("6-8"), WS_VAL("9+")})[di];
        uint32_t ri = j == s->rule_start ? 0 : j < s->rule_start ? 1 : 2;
        uint32_t vrule = ((const uint32_t[]){WS_VAL("yes"), WS_VAL("before"), WS_VAL("after")})[ri];
        uint32_t ci = commas == 0 ? 0 : commas == 1 ? 1 : 2;
        uint32_t vnc = ((const uint32_t[]){WS_VAL("0"), WS_VAL("1"), WS_VAL("2+")})[ci];
        F(0, IX(MIX("w", hw)));
        F(1, IX(MIX("w-1", h1)));
        F(2, IX(ws_feat_mix(MIX("w-1|w", h1), hw)));
        F(3, IX(MIX("w+1", hn)));
        F(4, IX(ws_feat_mix(MIX("w|w+1", hw), hn)));
        F(5, IX(MIX("s", vs)));
        F(6, IX(ws_feat_mix(MIX("s-1|s", vs1), vs)));
        F(7, IX(ws_feat_mix(MIX("v|v+1", vv), vv1)));
        F(8, ((const uint32_t[]){LIT("dist", "0"), LIT("dist", "1"), LIT("dist", "2"),
                                   LIT("dist", "3"), LIT("dist", "4-5"), LIT("dist", "6-8"),
                                   LIT("dist", "9+")})[di]);
        F(9, IX(ws_feat_mix(MIX("w|dist", hw), vdist)));
        F(10, ((const uint32_t[]){LIT("rule", "yes"), LIT("rule", "before"), LIT("rule", "after")})[ri]);
        F(11, IX(ws_feat_mix(MIX("w|rule", hw), vrule)));
        F(12, IX(ws_feat_mix(MIX("w-1|rule", h1), vrule)));
        F(13, IX(ws_feat_mix(h_cue_w, hw)));
        F(14, IX(ws_feat_mix(h_cue_w1, h1)));
        F(15, IX(ws_feat_mix(h_cue_dist, vdist)));
        F(16, IX(ws_feat_mix(h_cue_rule, vrule)));
        F(17, IX(ws_feat_mix(h_that, vrule)));
        F(18, ((const uint32_t[]){LIT("commas", "0"), LIT("commas", "1"), LIT("commas", "2+")})[ci]);
        F(19, IX(ws_feat_mix(MIX("w|commas", hw), vnc)));
        F(20, IX(ws_feat_mix(verb ? MIX("verb|s", WS_VAL("yes")) : MIX("verb|s", WS_VAL("no")), vs)));
        F(21, LIT("bias", "1"));
        z[i] = zi;
    }
}
#undef LIT
#undef IX
#undef MIX
#undef F

double ws_start_score(const ws_doc *d, const start_site *s, uint32_t i)
{
    uint32_t f[WS_START_MAX_FEATS];
    size_t n = ws_start_features(d, s, i, f, WS_START_MAX_FEATS);
    return ws_feat_sum(ws_start_weights, f, n);
}

uint32_t ws_start_best(const ws_doc *d, const start_site *s)
{
    uint32_t best = 0;
    double bz = -1e300, z[WS_START_MAX_CANDS];
    ws_start_scores(d, s, z);
    for (uint32_t i = 0; i < s->n; i++) {
        /* ties go to the rules' start */
        double zi = z[i] + (s->cand[i] == s->rule_start ? 1e-9 : 0);
        if (zi > bz) {
            bz = zi;
            best = i;
        }
    }
    return best;
}
