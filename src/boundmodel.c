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
    ADD("bias", "1", NULL);
#undef ADD
    return n;
}

/* The features of every candidate of a site at once (the same numbers as
 * ws_bound_features(), the model's definition, gives), with the site's own
 * parts hashed once and the literal ones at compile time. */
#define LIT(lit) WS_FEAT_LIT(lit, WS_BOUND_DIM)
#define WORD(name, value) (ws_fnv(ws_fnv_name(name "="), value) % WS_BOUND_DIM + 1)
#define BAR(h) (((h) ^ '|') * 16777619u)
#define SET(k, v) (f[k] = (v), __builtin_prefetch(&ws_bound_weights[f[k] - 1]))

static uint32_t bucket_index(uint32_t n)
{
    return n <= 1 ? 0 : n == 2 ? 1 : n == 3 ? 2 : n <= 5 ? 3 : n <= 8 ? 4 : n <= 12 ? 5 : n <= 20 ? 6
         : n <= 35 ? 7 : 8;
}

void ws_bound_scores(const ws_doc *d, const bound_site *s, double *z)
{
    static const char *const buckets[] = {"1", "2", "3", "4-5", "6-8", "9-12", "13-20", "21-35", "36+"};
    static const char *const ncs[] = {"0", "1", "2+"};
    static const char *const rules[] = {"yes", "before", "after"};
    const char *cue = ws_lex_cue_lemma(d->toks.v[s->cue].cue_lemma);
    if (!cue)
        cue = d->toks.v[s->cue].low;
    uint32_t h_cue_w = BAR(ws_fnv(ws_fnv_name("cue|w="), cue));
    uint32_t h_cue_len = BAR(ws_fnv(ws_fnv_name("cue|len="), cue));
    uint32_t h_cue_rule = BAR(ws_fnv(ws_fnv_name("cue|rule="), cue));
    const char *that = s->that ? "yes" : "no";
    uint32_t f_that = s->that ? LIT("that=yes") : LIT("that=no");
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t f[19];
        uint32_t j = s->cand[i];
        bool last = i == s->n - 1;
        const char *w = last ? "<end>" : ws_feat_word(d, j);
        uint32_t bi = bucket_index(j - s->a);
        uint32_t ci = s->commas[i] == 0 ? 0 : s->commas[i] == 1 ? 1 : 2;
        uint32_t ri = j == s->rule_end ? 0 : j < s->rule_end ? 1 : 2;
        const char *w1 = ws_feat_word(d, (int64_t)j + 1);
        int sp1 = ws_feat_shape_code(d, (int64_t)j + 1);
        SET(0, WORD("w", w));
        SET(1, WORD("w+1", w1));
        SET(2, WORD("w-1", ws_feat_word(d, (int64_t)j - 1)));
        SET(3, ws_fnv(BAR(ws_fnv(ws_fnv_name("w|w+1="), w)), w1) % WS_BOUND_DIM + 1);
        SET(4, WS_SHAPE_FNV_LIT("s+1=", sp1, d, (int64_t)j + 1) % WS_BOUND_DIM + 1);
        SET(5, ws_shape_fnv(BAR(ws_fnv(ws_fnv_name("w|s+1="), w)), sp1, d, (int64_t)j + 1) % WS_BOUND_DIM + 1);
        SET(6, ((const uint32_t[]){LIT("len=1"), LIT("len=2"), LIT("len=3"), LIT("len=4-5"), LIT("len=6-8"),
                                   LIT("len=9-12"), LIT("len=13-20"), LIT("len=21-35"), LIT("len=36+")})[bi]);
        SET(7, ws_fnv(BAR(ws_fnv(ws_fnv_name("w|len="), w)), buckets[bi]) % WS_BOUND_DIM + 1);
        SET(8, ((const uint32_t[]){LIT("commas=0"), LIT("commas=1"), LIT("commas=2+")})[ci]);
        SET(9, ws_fnv(BAR(ws_fnv(ws_fnv_name("w|commas="), w)), ncs[ci]) % WS_BOUND_DIM + 1);
        SET(10, ((const uint32_t[]){LIT("rule=yes"), LIT("rule=before"), LIT("rule=after")})[ri]);
        SET(11, ws_fnv(BAR(ws_fnv(ws_fnv_name("w|rule="), w)), rules[ri]) % WS_BOUND_DIM + 1);
        SET(12, f_that);
        SET(13, ws_fnv(BAR(ws_fnv(ws_fnv_name("w|that="), w)), that) % WS_BOUND_DIM + 1);
        SET(14, ws_fnv(h_cue_w, w) % WS_BOUND_DIM + 1);
        SET(15, ws_fnv(h_cue_len, buckets[bi]) % WS_BOUND_DIM + 1);
        SET(16, ws_fnv(h_cue_rule, rules[ri]) % WS_BOUND_DIM + 1);
        SET(17, last ? LIT("last=yes") : LIT("last=no"));
        SET(18, LIT("bias=1"));
        z[i] = ws_feat_sum(ws_bound_weights, f, 19);
    }
}
#undef LIT
#undef WORD
#undef BAR
#undef SET

double ws_bound_score(const ws_doc *d, const bound_site *s, uint32_t i)
{
    uint32_t f[WS_BOUND_MAX_FEATS];
    size_t n = ws_bound_features(d, s, i, f, WS_BOUND_MAX_FEATS);
    return ws_feat_sum(ws_bound_weights, f, n);
}
