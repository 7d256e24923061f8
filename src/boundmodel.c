/* The learned content-boundary model: where reported speech after a cue
 * ends. The rules find the sentence's end or the first clause break; PolNeAR
 * annotators often stop earlier ("endorsed Canova | in late May", "said the
 * plan would fail | , noting …") or later (", but …" kept). Every candidate
 * end after the content's start (a clause word, a preposition, a punctuation
 * mark, the rules' own end, the sentence end) is scored by a logistic
 * regression over hashed features; the best one wins. Trained on PolNeAR
 * train by tools/train_cues.c (liblinear), weights in src/bound_weights.c. */
#include "internal.h"

#include "bound_weights.h"

static const char *bucket(uint32_t n)
{
    return n <= 1 ? "1" : n == 2 ? "2" : n == 3 ? "3" : n <= 5 ? "4-5" : n <= 8 ? "6-8"
         : n <= 12 ? "9-12" : n <= 20 ? "13-20" : n <= 35 ? "21-35" : "36+";
}

size_t ws_bound_features(const ws_doc *d, const bound_site *s, uint32_t i, uint32_t *f,
                         size_t cap)
{
    uint32_t j = s->cand[i];
    size_t n = 0;
/* each weight is prefetched as soon as its feature is known (cuemodel.c) */
#define ADD(name, v1, v2)                                                                          \
    do {                                                                                           \
        WS_FEAT_ADD(f, n, cap, WS_BOUND_DIM, name, v1, v2);                                        \
        if (n) __builtin_prefetch(&ws_bound_weights[f[n - 1] - 1]);                                         \
    } while (0)
    const char *cue = ws_lex_cue_lemma(d->toks.v[s->cue].cue_lemma);
    if (!cue)
        cue = d->toks.v[s->cue].low;
    bool last = i == s->n - 1;
    const char *w = last ? "<end>" : ws_feat_word(d, j);
    const char *len = bucket(j - s->a);
    uint32_t commas = s->commas[i];
    const char *nc = commas == 0 ? "0" : commas == 1 ? "1" : "2+";
    const char *rule = j == s->rule_end ? "yes" : j < s->rule_end ? "before" : "after";
    ADD("w", w, NULL);
    ADD("w+1", ws_feat_word(d, (int64_t)j + 1), NULL);
    ADD("w-1", ws_feat_word(d, (int64_t)j - 1), NULL);
    ADD("w|w+1", w, ws_feat_word(d, (int64_t)j + 1));
    ADD("s+1", ws_feat_shape(d, (int64_t)j + 1), NULL);
    ADD("w|s+1", w, ws_feat_shape(d, (int64_t)j + 1));
    ADD("len", len, NULL);
    ADD("w|len", w, len);
    ADD("commas", nc, NULL);
    ADD("w|commas", w, nc);
    ADD("rule", rule, NULL);
    ADD("w|rule", w, rule);
    ADD("that", s->that ? "yes" : "no", NULL);
    ADD("w|that", w, s->that ? "yes" : "no");
    ADD("cue|w", cue, w);
    ADD("cue|len", cue, len);
    ADD("cue|rule", cue, rule);
    ADD("last", last ? "yes" : "no", NULL);
    ADD("w|marked", w, s->marked ? "yes" : "no");
    ADD("w|v+1", w, ws_feat_vclass(d, (int64_t)j + 1));
    ADD("v+1|v+2", ws_feat_vclass(d, (int64_t)j + 1), ws_feat_vclass(d, (int64_t)j + 2));
    ADD(s->verb[i] ? "w|v+1|verb" : "w|v+1|noverb", w, ws_feat_vclass(d, (int64_t)j + 1));
    /* what the content opens with ("that", a subject, a name, a noun): an
     * object ("criticized President X | as weak") ends sooner than a clause */
    const char *first = ws_feat_vclass(d, (int64_t)s->a);
    ADD("first|w", first, w);
    ADD("first|len", first, len);
    ADD("bias", "1", NULL);
#undef ADD
    return n;
}

/* The features of every candidate of a site at once (the same numbers as
 * ws_bound_features(), the model's definition, gives), from the tokens'
 * hashes (text.c), with the site's own parts hashed once and the literal
 * ones at compile time. */
#define LIT(name, value) WS_FEAT_LIT(name, value, WS_BOUND_DIM)
#define IX(h) ws_feat_index(h, WS_BOUND_DIM)
#define MIX(name, v) ws_feat_mix(ws_fnv_name(name), v)
/* feature k is v: its weight added as soon as its number is known, in the
 * order ws_feat_sum() adds them (no array of the numbers to store and read
 * again) */
#define SET(k, v) (zi += ws_bound_weights[(v) - 1])

static uint32_t bucket_index(uint32_t n)
{
    return n <= 1 ? 0 : n == 2 ? 1 : n == 3 ? 2 : n <= 5 ? 3 : n <= 8 ? 4 : n <= 12 ? 5 : n <= 20 ? 6
         : n <= 35 ? 7 : 8;
}

void ws_bound_scores(const ws_doc *d, const bound_site *s, double *z)
{
    const char *cue = ws_lex_cue_lemma(d->toks.v[s->cue].cue_lemma);
    uint32_t hc = cue ? ws_fnv(2166136261u, cue) : d->toks.v[s->cue].hash;
    uint32_t h_cue_w = MIX("cue|w", hc), h_cue_len = MIX("cue|len", hc), h_cue_rule = MIX("cue|rule", hc);
    uint32_t that = s->that ? WS_VAL("yes") : WS_VAL("no");
    uint32_t marked = s->marked ? WS_VAL("yes") : WS_VAL("no");
    uint32_t f_that = s->that ? LIT("that", "yes") : LIT("that", "no");
    uint32_t vfirst = ws_vclass_val(ws_feat_vclass_code(d, (int64_t)s->a), d, (int64_t)s->a);
    uint32_t h_first_w = MIX("first|w", vfirst), h_first_len = MIX("first|len", vfirst);
    for (uint32_t i = 0; i < s->n; i++) {
        double zi = 0;
        uint32_t j = s->cand[i];
        bool last = i == s->n - 1;
        uint32_t hw = last ? WS_VAL("<end>") : ws_word_val(d, j);
        uint32_t h1 = ws_word_val(d, (int64_t)j + 1);
        uint32_t bi = bucket_index(j - s->a);
        uint32_t ci = s->commas[i] == 0 ? 0 : s->commas[i] == 1 ? 1 : 2;
        uint32_t ri = j == s->rule_end ? 0 : j < s->rule_end ? 1 : 2;
        uint32_t vlen = ((const uint32_t[]){WS_VAL("1"), WS_VAL("2"), WS_VAL("3"), WS_VAL("4-5"), WS_VAL("6-8"),
                                            WS_VAL("9-12"), WS_VAL("13-20"), WS_VAL("21-35"), WS_VAL("36+")})[bi];
        uint32_t vnc = ((const uint32_t[]){WS_VAL("0"), WS_VAL("1"), WS_VAL("2+")})[ci];
        uint32_t vrule = ((const uint32_t[]){WS_VAL("yes"), WS_VAL("before"), WS_VAL("after")})[ri];
        int sp1 = ws_feat_shape_code(d, (int64_t)j + 1);
        uint32_t vs1 = ws_shape_val(sp1, d, (int64_t)j + 1);
        SET(0, IX(MIX("w", hw)));
        SET(1, IX(MIX("w+1", h1)));
        SET(2, IX(MIX("w-1", ws_word_val(d, (int64_t)j - 1))));
        SET(3, IX(ws_feat_mix(MIX("w|w+1", hw), h1)));
        SET(4, IX(MIX("s+1", vs1)));
        SET(5, IX(ws_feat_mix(MIX("w|s+1", hw), vs1)));
        SET(6, ((const uint32_t[]){LIT("len", "1"), LIT("len", "2"), LIT("len", "3"), LIT("len", "4-5"),
                                   LIT("len", "6-8"), LIT("len", "9-12"), LIT("len", "13-20"),
                                   LIT("len", "21-35"), LIT("len", "36+")})[bi]);
        SET(7, IX(ws_feat_mix(MIX("w|len", hw), vlen)));
        SET(8, ((const uint32_t[]){LIT("commas", "0"), LIT("commas", "1"), LIT("commas", "2+")})[ci]);
        SET(9, IX(ws_feat_mix(MIX("w|commas", hw), vnc)));
        SET(10, ((const uint32_t[]){LIT("rule", "yes"), LIT("rule", "before"), LIT("rule", "after")})[ri]);
        SET(11, IX(ws_feat_mix(MIX("w|rule", hw), vrule)));
        SET(12, f_that);
        SET(13, IX(ws_feat_mix(MIX("w|that", hw), that)));
        SET(14, IX(ws_feat_mix(h_cue_w, hw)));
        SET(15, IX(ws_feat_mix(h_cue_len, vlen)));
        SET(16, IX(ws_feat_mix(h_cue_rule, vrule)));
        SET(17, last ? LIT("last", "yes") : LIT("last", "no"));
        uint32_t v1 = ws_vclass_val(ws_feat_vclass_code(d, (int64_t)j + 1), d, (int64_t)j + 1);
        uint32_t v2 = ws_vclass_val(ws_feat_vclass_code(d, (int64_t)j + 2), d, (int64_t)j + 2);
        SET(18, IX(ws_feat_mix(MIX("w|marked", hw), marked)));
        SET(19, IX(ws_feat_mix(MIX("w|v+1", hw), v1)));
        SET(20, IX(ws_feat_mix(MIX("v+1|v+2", v1), v2)));
        SET(21, IX(ws_feat_mix(s->verb[i] ? MIX("w|v+1|verb", hw) : MIX("w|v+1|noverb", hw), v1)));
        SET(22, IX(ws_feat_mix(h_first_w, hw)));
        SET(23, IX(ws_feat_mix(h_first_len, vlen)));
        SET(24, LIT("bias", "1"));
        z[i] = zi;
    }
}
#undef LIT
#undef IX
#undef MIX
#undef SET

double ws_bound_score(const ws_doc *d, const bound_site *s, uint32_t i)
{
    uint32_t f[WS_BOUND_MAX_FEATS];
    size_t n = ws_bound_features(d, s, i, f, WS_BOUND_MAX_FEATS);
    return ws_feat_sum(ws_bound_weights, f, n);
}
