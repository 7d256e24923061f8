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

/* ws_feat_word(d, k) and its length */
static inline const char *feat_word_n(const ws_doc *d, int64_t k, size_t *len)
{
    if (k < 0 || (size_t)k >= d->toks.n)
        return *len = 6, "<none>";
    const tok *t = &d->toks.v[k];
    if (t->kind == T_QUOTE)
        return *len = 3, "<q>";
    if (t->kind == T_NUM)
        return *len = 5, "<num>";
    return *len = t->len, t->low;
}

/* ws_fnv_n() of the same n bytes from eight starting values (eight feature
 * names) in one pass: the eight chains of multiplications overlap, and the
 * bytes are read once */
static inline void fnv8_n(uint32_t h[8], const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t a0 = h[0], a1 = h[1], a2 = h[2], a3 = h[3], a4 = h[4], a5 = h[5], a6 = h[6], a7 = h[7];
    for (size_t i = 0; i < n; i++) {
        uint32_t c = u[i];
        a0 = (a0 ^ c) * 16777619u, a1 = (a1 ^ c) * 16777619u;
        a2 = (a2 ^ c) * 16777619u, a3 = (a3 ^ c) * 16777619u;
        a4 = (a4 ^ c) * 16777619u, a5 = (a5 ^ c) * 16777619u;
        a6 = (a6 ^ c) * 16777619u, a7 = (a7 ^ c) * 16777619u;
    }
    h[0] = a0, h[1] = a1, h[2] = a2, h[3] = a3, h[4] = a4, h[5] = a5, h[6] = a6, h[7] = a7;
}

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
        size_t wl, w1l;
        const char *w = last ? (wl = 5, "<end>") : feat_word_n(d, j, &wl);
        uint32_t bi = bucket_index(j - s->a);
        uint32_t ci = s->commas[i] == 0 ? 0 : s->commas[i] == 1 ? 1 : 2;
        uint32_t ri = j == s->rule_end ? 0 : j < s->rule_end ? 1 : 2;
        const char *w1 = feat_word_n(d, (int64_t)j + 1, &w1l);
        int sp1 = ws_feat_shape_code(d, (int64_t)j + 1);
        /* the word under its eight feature names in one pass */
        uint32_t hw[8] = {ws_fnv_name("w="),      ws_fnv_name("w|w+1="),    ws_fnv_name("w|s+1="),
                          ws_fnv_name("w|len="),  ws_fnv_name("w|commas="), ws_fnv_name("w|rule="),
                          ws_fnv_name("w|that="), h_cue_w};
        fnv8_n(hw, w, wl);
        /* and the next word under "w+1=" and after "w|w+1=w|" */
        uint32_t h1 = ws_fnv_name("w+1="), hww1 = BAR(hw[1]);
        ws_fnv2_n(&h1, &hww1, w1, w1l);
        SET(0, hw[0] % WS_BOUND_DIM + 1);
        SET(1, h1 % WS_BOUND_DIM + 1);
        SET(2, WS_WORD_FNV_LIT("w-1=", d, (int64_t)j - 1) % WS_BOUND_DIM + 1);
        SET(3, hww1 % WS_BOUND_DIM + 1);
        SET(4, WS_SHAPE_FNV_LIT("s+1=", sp1, d, (int64_t)j + 1) % WS_BOUND_DIM + 1);
        SET(5, ws_shape_fnv(BAR(hw[2]), sp1, d, (int64_t)j + 1) % WS_BOUND_DIM + 1);
        SET(6, ((const uint32_t[]){LIT("len=1"), LIT("len=2"), LIT("len=3"), LIT("len=4-5"), LIT("len=6-8"),
                                   LIT("len=9-12"), LIT("len=13-20"), LIT("len=21-35"), LIT("len=36+")})[bi]);
        SET(7, ws_fnv(BAR(hw[3]), buckets[bi]) % WS_BOUND_DIM + 1);
        SET(8, ((const uint32_t[]){LIT("commas=0"), LIT("commas=1"), LIT("commas=2+")})[ci]);
        SET(9, ws_fnv(BAR(hw[4]), ncs[ci]) % WS_BOUND_DIM + 1);
        SET(10, ((const uint32_t[]){LIT("rule=yes"), LIT("rule=before"), LIT("rule=after")})[ri]);
        SET(11, ws_fnv(BAR(hw[5]), rules[ri]) % WS_BOUND_DIM + 1);
        SET(12, f_that);
        SET(13, ws_fnv(BAR(hw[6]), that) % WS_BOUND_DIM + 1);
        SET(14, hw[7] % WS_BOUND_DIM + 1);
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
