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

double ws_bound_score(const ws_doc *d, const bound_site *s, uint32_t i)
{
    uint32_t f[WS_BOUND_MAX_FEATS];
    size_t n = ws_bound_features(d, s, i, f, WS_BOUND_MAX_FEATS);
    return ws_feat_sum(ws_bound_weights, f, n);
}
