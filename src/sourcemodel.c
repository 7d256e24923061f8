/* The learned source ranker: who said it? The sieves (speakers.c) pick an
 * attribution's source from the surface around its cue; this model weighs
 * their choice against the other people the cue could belong to. The
 * candidates are the sieves' choice, "no source", and the mentions (names,
 * titles, pronouns, organisations) and role nouns ("the spokesman") in the
 * cue's sentence and the one before, at most WS_SOURCE_MAX_CANDS and within
 * a bounded window, so the work per cue is bounded. Each candidate is scored
 * by a logistic regression over hashed features: its kind, which side of the
 * cue it stands on, how far and how many mentions away, what stands between
 * (commas, quote marks, another cue, other mentions, a sentence end, a
 * relative pronoun), the words around it, the cue, the rule that made the
 * attribution and the quote type, how often the article names it, whether
 * it was a source just before, a pronoun's agreement with the latest source,
 * and whether the cue is passive. Trained on PolNeAR train by
 * tools/train_cues.c (liblinear), weights in src/source_weights.c. The
 * speakers stage replaces the sieves' choice only when the model prefers
 * another candidate by a margin. */
#include "internal.h"

#include "source_weights.h"

#define WINDOW_BACK 60 /* tokens before the cue that candidates may start at */
#define WINDOW_FWD 30  /* ... and after it */
#define MAX_BEFORE 5   /* mention candidates before the cue */
#define MAX_AFTER 2    /* ... and after it */
#define SCAN 40        /* tokens read between a candidate and its cue */

/* The hash of a mention's key word (its last word, possessive dropped). */
static uint32_t key_of(const ws_doc *d, const mention *m)
{
    const char *w = d->toks.v[m->t1 - 1].low;
    size_t l = d->toks.v[m->t1 - 1].len; /* strlen(w) */
    uint32_t h = WS_LEX_HASH_BASIS;
    if (!(l > 2 && w[l - 2] == '\'' && w[l - 1] == 's'))
        return d->toks.v[m->t1 - 1].hash | 1; /* the whole word: the hash it carries */
    l -= 2;
    for (size_t i = 0; i < l; i++)
        h = (h ^ (unsigned char)w[i]) * WS_LEX_HASH_PRIME;
    return h | 1; /* 0 marks an empty slot */
}

uint8_t *ws_source_freq(ws_doc *d)
{
    size_t n = d->ments.n;
    uint8_t *freq = ws_alloc(&d->arena, n + 1);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *key = ws_alloc(&d->arena, cap * sizeof *key);
    uint32_t *cnt = ws_alloc(&d->arena, cap * sizeof *cnt);
    uint32_t *slot = ws_alloc(&d->arena, (n + 1) * sizeof *slot);
    for (size_t i = 0; i < n; i++) {
        const mention *m = &d->ments.v[i];
        if (m->kind == M_PRONOUN)
            continue;
        uint32_t h = key_of(d, m);
        size_t s = h & (cap - 1);
        while (key[s] && key[s] != h)
            s = (s + 1) & (cap - 1);
        key[s] = h;
        cnt[s]++;
        slot[i] = (uint32_t)s;
    }
    for (size_t i = 0; i < n; i++)
        if (d->ments.v[i].kind != M_PRONOUN)
            freq[i] = cnt[slot[i]] > 255 ? 255 : (uint8_t)cnt[slot[i]];
    return freq;
}

/* Is token k inside the content of q? */
static bool in_content(const ws_doc *d, const quote *q, uint32_t k)
{
    uint32_t p = d->toks.v[k].start;
    for (size_t i = 0; i < q->content.n; i++)
        if (p >= q->content.v[i].start && p < q->content.v[i].end)
            return true;
    return false;
}

static bool overlaps(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    return a0 < b1 && b0 < a1;
}

/* A role noun outside any mention ("the spokesman", "a campaign aide",
 * "officials"): its span, with a determiner and one word before it. */
static bool role_at(const ws_doc *d, uint32_t k, uint32_t lo, uint32_t *t0)
{
    const tok *T = d->toks.v;
    if (T[k].kind != T_WORD || !(T[k].lex & LX_ROLE) || d->ment_at[k] >= 0)
        return false;
    uint32_t a = k;
    if (a > lo && T[a - 1].kind == T_WORD && (T[a - 1].lex & LX_DET))
        a--;
    else if (a > lo + 1 && T[a - 2].kind == T_WORD && (T[a - 2].lex & LX_DET) &&
             T[a - 1].kind == T_WORD && d->ment_at[a - 1] < 0 &&
             !(T[a - 1].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_PRONOUN)))
        a -= 2;
    *t0 = a;
    return true;
}

/* A party and state tag after a name ("Sen. Ted Cruz (R-Tex.)", "Sen. Rand
 * Paul, R-Ky., said") or a place in parentheses: part of the name before it,
 * never a speaker of its own. */
static bool name_tag(const ws_doc *d, const mention *m)
{
    const char *w = d->toks.v[m->t0].low;
    return (w && d->toks.v[m->t0].len > 2 && w[1] == '-' && (w[0] == 'r' || w[0] == 'd' || w[0] == 'i')) ||
           (m->t0 > 0 && tok_punct(d, m->t0 - 1, '('));
}

/* Adds the candidate [t0, t1) when it is no part of the sieves' choice, of
 * the content or of a quotation. */
static void add_cand(const ws_doc *d, const quote *q, source_site *s, uint32_t t0, uint32_t t1,
                     int32_t head, uint8_t kind, uint32_t *rank, const uint8_t *freq,
                     const uint32_t *prev, size_t nprev)
{
    uint8_t r = *rank > 255 ? 255 : (uint8_t)*rank;
    if (s->n >= WS_SOURCE_MAX_CANDS)
        return;
    if (q->has_src_span && overlaps(t0, t1, q->src_t0, q->src_t1)) {
        if (s->cand[0].rank == 255)
            s->cand[0].rank = r; /* the sieves' choice */
        ++*rank;
        return;
    }
    for (uint32_t k = t0; k < t1; k++)
        if (d->toks.v[k].quote >= 0 || in_content(d, q, k))
            return;
    ++*rank;
    source_cand c = {.t0 = t0, .t1 = t1, .head = head, .kind = kind, .rank = r};
    if (head >= 0 && d->ments.v[head].kind != M_PRONOUN) {
        c.freq = freq[head];
        uint32_t h = key_of(d, &d->ments.v[head]);
        for (size_t i = 0; i < nprev; i++)
            c.prev |= prev[i] == h;
    }
    s->cand[s->n++] = c;
}

bool ws_source_site(const ws_doc *d, uint32_t qi, const uint8_t *freq, source_site *s)
{
    const quote *q = &d->quotes.v[qi];
    if (q->cue1 <= q->cue0 || q->raised || !q->content.n)
        return false;
    const tok *T = d->toks.v;
    s->quote = qi;
    s->n = 0;
    s->agree = 0;
    /* the sources of the attributions just before (reading order) */
    uint32_t prev[6];
    size_t nprev = 0;
    uint8_t last_gender = G_UNKNOWN;
    bool have_last = false;
    for (uint32_t j = qi; j > 0 && qi - j < 6; j--) {
        const quote *p = &d->quotes.v[j - 1];
        if (p->source < 0)
            continue;
        const mention *m = &d->ments.v[p->source];
        if (!have_last) {
            last_gender = m->gender;
            have_last = true;
        }
        if (m->kind != M_PRONOUN)
            prev[nprev++] = key_of(d, m);
    }
    /* the sieves' choice, then "none" */
    if (q->has_src_span) {
        uint8_t kind = q->source >= 0 ? d->ments.v[q->source].kind : SK_PHRASE;
        source_cand c = {.t0 = q->src_t0, .t1 = q->src_t1, .head = q->source, .kind = kind,
                         .sieve = true, .rank = 255};
        if (q->source >= 0 && kind != M_PRONOUN) {
            c.freq = freq[q->source];
            uint32_t h = key_of(d, &d->ments.v[q->source]);
            for (size_t i = 0; i < nprev; i++)
                c.prev |= prev[i] == h;
        }
        s->cand[s->n++] = c;
        s->cand[s->n++] = (source_cand){.t0 = q->cue0, .t1 = q->cue0, .head = -1, .kind = SK_NONE};
    } else {
        s->cand[s->n++] = (source_cand){.t0 = q->cue0, .t1 = q->cue0, .head = -1, .kind = SK_NONE,
                                        .sieve = true};
    }
    /* the window: the cue's sentence and the one before */
    int32_t sn = T[q->cue0].sent;
    uint32_t lo = d->sents.v[sn > 0 ? sn - 1 : sn].t0, hi = d->sents.v[sn].t1;
    if (q->cue0 > WINDOW_BACK && lo < q->cue0 - WINDOW_BACK)
        lo = q->cue0 - WINDOW_BACK;
    if (hi > q->cue1 + WINDOW_FWD)
        hi = q->cue1 + WINDOW_FWD;
    size_t before = 0;
    uint32_t rank = 0;
    for (uint32_t k = q->cue0; k > lo && before < MAX_BEFORE;) {
        k--;
        int32_t m = d->ment_at[k];
        uint32_t t0;
        if (m >= 0) {
            const mention *M = &d->ments.v[m];
            if (M->t0 >= lo && !name_tag(d, M)) {
                size_t n0 = s->n;
                add_cand(d, q, s, M->t0, M->t1, m, M->kind, &rank, freq, prev, nprev);
                before += s->n > n0;
            }
            k = M->t0 > lo ? M->t0 : lo;
        } else if (role_at(d, k, lo, &t0)) {
            size_t n0 = s->n;
            add_cand(d, q, s, t0, k + 1, -1, SK_ROLE, &rank, freq, prev, nprev);
            before += s->n > n0;
            k = t0;
        }
    }
    size_t after = 0;
    rank = 0;
    for (uint32_t k = q->cue1; k < hi && after < MAX_AFTER; k++) {
        int32_t m = d->ment_at[k];
        uint32_t t0;
        if (m >= 0) {
            const mention *M = &d->ments.v[m];
            if (M->t1 <= hi && !name_tag(d, M)) {
                size_t n0 = s->n;
                add_cand(d, q, s, M->t0, M->t1, m, M->kind, &rank, freq, prev, nprev);
                after += s->n > n0;
            }
            k = M->t1 - 1;
        } else if (role_at(d, k, q->cue1, &t0)) {
            size_t n0 = s->n;
            add_cand(d, q, s, t0, k + 1, -1, SK_ROLE, &rank, freq, prev, nprev);
            after += s->n > n0;
        }
    }
    s->agree = have_last ? (int8_t)last_gender : -1;
    return true;
}

/* The cue's head: its first word that is no auxiliary. */
static uint32_t cue_head(const ws_doc *d, const quote *q)
{
    uint32_t h = q->cue0;
    while (h + 1 < q->cue1 && (d->toks.v[h].lex & LX_AUX))
        h++;
    return h;
}

/* A passive cue ("was asked", "were pressed") names its hearer, not a source. */
static bool passive_cue(const ws_doc *d, const quote *q, uint32_t h)
{
    return h > q->cue0 && (tok_is(d, h - 1, "was") || tok_is(d, h - 1, "were") ||
                           tok_is(d, h - 1, "is") || tok_is(d, h - 1, "are") ||
                           tok_is(d, h - 1, "been") || tok_is(d, h - 1, "be"));
}

bool ws_source_settled(const ws_doc *d, const quote *q)
{
    if (q->sieve == 1)
        return true;
    if (!q->has_src_span || q->source < 0 || q->src_t1 != q->cue0)
        return false;
    uint8_t kind = d->ments.v[q->source].kind;
    return (kind == M_NAME || kind == M_PRONOUN || kind == M_TITLE) &&
           !passive_cue(d, q, cue_head(d, q));
}

static const char *const KIND[2][7] = {
    {"name", "title", "pron", "role", "org", "phrase", "none"},
    {"name*", "title*", "pron*", "role*", "org*", "phrase*", "none*"}};

static const char *few(uint32_t n) { return n == 0 ? "0" : n == 1 ? "1" : "2+"; }
static uint32_t few_i(uint32_t n) { return n == 0 ? 0 : n == 1 ? 1 : 2; } /* few()'s index */

/* What the features of all the candidates of a site share, worked out once
 * per site (ws_source_scores): the cue and the attribution's rule, type and
 * neighbouring words, and the hash of every feature whose first value is one
 * of them, up to its "|" (the same numbers ws_feat_hash() gives). */
typedef struct site_pre {
    const char *cue, *rule, *type, *cw;
    bool passive;
    uint32_t h_pass_ks, h_cw_ks, h_cue_pos, h_cw1_pos, h_type_pos, h_rule_pos;
} site_pre;

/* h after "name=value|" */
#define PRE(name, value) ((ws_fnv(ws_fnv_name(name "="), value) ^ '|') * 16777619u)

static void site_prepare(const ws_doc *d, const source_site *s, site_pre *p)
{
    const quote *q = &d->quotes.v[s->quote];
    const tok *T = d->toks.v;
    uint32_t h = cue_head(d, q);
    const char *lem = ws_lex_cue_lemma(T[h].cue_lemma);
    p->cue = lem ? lem : T[h].low ? T[h].low : "<punct>";
    static const char *const RULE[] = {"0", "1", "2", "3", "4", "5", "6"};
    p->rule = RULE[q->sieve >= 0 && q->sieve < 7 ? q->sieve : 0];
    p->type = q->type == WS_DIRECT ? "direct" : q->type == WS_MIXED ? "mixed" : "indirect";
    p->passive = passive_cue(d, q, h);
    p->cw = ws_feat_word(d, (int64_t)q->cue0 - 1);
    p->h_pass_ks = PRE("pass|ks", p->passive ? "yes" : "no");
    p->h_cw_ks = PRE("cw-1|ks", p->cw);
    p->h_cue_pos = PRE("cue|pos", p->cue);
    p->h_cw1_pos = PRE("cw+1|pos", ws_feat_word(d, q->cue1));
    p->h_type_pos = PRE("type|pos", p->type);
    p->h_rule_pos = PRE("rule|pos", p->rule);
}
#undef PRE

static size_t features(const ws_doc *d, const source_site *s, uint32_t i, uint32_t *f, size_t cap,
                       const site_pre *p)
{
    const source_cand *c = &s->cand[i];
    const quote *q = &d->quotes.v[s->quote];
    const tok *T = d->toks.v;
    size_t n = 0;
#define ADD(name, v1, v2) WS_FEAT_ADD(f, n, cap, WS_SOURCE_DIM, name, v1, v2)
/* a feature whose first part the site shares: its hash after the "|", then v2 */
#define ADD_PRE(h, v2)                                                                             \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = ws_fnv(h, v2) % WS_SOURCE_DIM + 1;                                            \
    } while (0)
    const char *cue = p->cue, *rule = p->rule, *type = p->type;
    const char *ks = KIND[c->sieve][c->kind];
    /* the kind is hashed with its length known (no test for its end at
     * every byte): it ends nearly half of the features */
    static const uint8_t KIND_LEN[7] = {4, 5, 4, 4, 3, 6, 4}; /* strlen(KIND[0][k]) */
    size_t kl = (size_t)KIND_LEN[c->kind] + c->sieve;
#define KS(h) ws_fnv_n(h, ks, kl)
#define ADD_KS(h)                                                                                  \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = KS(h) % WS_SOURCE_DIM + 1;                                                    \
    } while (0)
/* KS(h) for a constant h: the kind is one of fourteen literals, so the
 * hash is one of fourteen constants, worked out at compile time (a table
 * indexed by ksi), with no byte hashed at run time */
#define KS14_(h)                                                                                   \
    ws_fnv_lit(h, "name"), ws_fnv_lit(h, "title"), ws_fnv_lit(h, "pron"), ws_fnv_lit(h, "role"),   \
        ws_fnv_lit(h, "org"), ws_fnv_lit(h, "phrase"), ws_fnv_lit(h, "none"),                      \
        ws_fnv_lit(h, "name*"), ws_fnv_lit(h, "title*"), ws_fnv_lit(h, "pron*"),                   \
        ws_fnv_lit(h, "role*"), ws_fnv_lit(h, "org*"), ws_fnv_lit(h, "phrase*"),                   \
        ws_fnv_lit(h, "none*")
#define KSC(h) (((const uint32_t[14]){KS14_(h)})[ksi])
#define ADD_KSC(h)                                                                                 \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = KSC(h) % WS_SOURCE_DIM + 1;                                                   \
    } while (0)
/* ... and for a prefix chosen at run time from m constant ones (index v) */
#define ADD_KSC_ANY(v, m, ...)                                                                     \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = ((const uint32_t[m * 14]){__VA_ARGS__})[(unsigned)(v) * 14 + ksi] %          \
                         WS_SOURCE_DIM +                                                           \
                     1;                                                                            \
    } while (0)
    unsigned ksi = (unsigned)c->sieve * 7 + c->kind; /* KIND[c->sieve][c->kind], flattened */
    ADD_KSC(ws_fnv_name("ks="));
    ADD_KS(p->h_pass_ks);
    ADD_KS(p->h_cw_ks);
    if (n < cap)
        f[n++] = ws_fnv((KSC(ws_fnv_name("ks|rule=")) ^ '|') * 16777619u, rule) % WS_SOURCE_DIM + 1;
    if (n < cap)
        f[n++] = ws_fnv((KSC(ws_fnv_name("ks|cue=")) ^ '|') * 16777619u, cue) % WS_SOURCE_DIM + 1;
    ADD("bias", "1", NULL);
    if (c->kind == SK_NONE) {
        ADD("none|cue", cue, c->sieve ? "*" : "");
        ADD("none|rule", rule, type);
        ADD("none|w-1", ws_feat_word(d, (int64_t)q->cue0 - 1), NULL);
        ADD("none|s-1", ws_feat_shape(d, (int64_t)q->cue0 - 1), NULL);
        ADD("none|w+1", ws_feat_word(d, q->cue1), NULL);
        ADD("none|ncand", few(s->n > 2 ? s->n - 2 : 0), NULL);
        return n;
    }
    /* where it stands, and what stands between it and the cue */
    bool left = c->t1 <= q->cue0;
    bool right = c->t0 >= q->cue1;
    const char *pos = left ? "L" : right ? "R" : "O";
    uint32_t a = left ? c->t1 : q->cue1, b = left ? q->cue0 : c->t0;
    if (!left && !right)
        a = b = 0;
    uint32_t dist = b > a ? b - a : 0;
    uint32_t commas = 0, marks = 0, cues = 0, ments = 0, ends = 0, clause = 0;
    bool far = false;
    if (dist > SCAN) {
        far = true;
        if (left)
            a = b - SCAN; /* the part next to the cue */
        else
            b = a + SCAN;
    }
    for (uint32_t k = a; k < b; k++) {
        const tok *t = &T[k];
        if (t->kind == T_PUNCT) {
            uint32_t ch = d->cp[t->start];
            commas += ch == ',';
            ends += ch == '.' || ch == '!' || ch == '?' || ch == ';';
        } else if (t->kind == T_QUOTE) {
            marks++;
        } else if (t->kind == T_WORD) {
            if (t->lex & (LX_CUE | LX_CUE_ING))
                cues++;
            if (d->ment_at[k] >= 0) {
                ments++;
                k = d->ments.v[d->ment_at[k]].t1 - 1;
            } else if (tok_is(d, k, "who") || tok_is(d, k, "that") || tok_is(d, k, "which")) {
                clause++;
            }
        }
    }
    ends += T[c->t0].sent != T[q->cue0].sent;
    /* The values of these features come from small sets of literals: the
     * hash of each feature up to its last value is a constant from a table
     * (worked out at compile time), and the last value is hashed at run
     * time: the position, a single character, or the kind. The numbers are
     * those of ws_feat_hash(name, v1, v2). */
#define PFX(name, v) ((ws_fnv_lit(ws_fnv_name(name "="), v) ^ '|') * 16777619u)
#define PFX3(name) (const uint32_t[3]){PFX(name, "0"), PFX(name, "1"), PFX(name, "2+")}
#define ADD_POS(h) ADD_H((((h) ^ pc) * 16777619u))
#define ADD_H(h)                                                                                   \
    do {                                                                                           \
        if (n < cap)                                                                               \
            f[n++] = (h) % WS_SOURCE_DIM + 1;                                                      \
    } while (0)
    uint32_t pc = (unsigned char)pos[0], pi = left ? 0 : right ? 1 : 2;
    /* bucket(): "far" first, then its eight buckets */
    uint32_t di = far ? 0 : dist == 0 ? 1 : dist == 1 ? 2 : dist == 2 ? 3 : dist <= 4 ? 4 : dist <= 8 ? 5
                : dist <= 15 ? 6 : dist <= 30 ? 7 : 8;
    ADD_POS(ws_fnv_name("pos="));
    ADD_KSC_ANY(pi, 3, KS14_(PFX("pos|ks", "L")), KS14_(PFX("pos|ks", "R")), KS14_(PFX("pos|ks", "O")));
    ADD_POS(((const uint32_t[9]){PFX("dist|pos", "far"), PFX("dist|pos", "0"), PFX("dist|pos", "1"),
                                 PFX("dist|pos", "2"), PFX("dist|pos", "3-4"), PFX("dist|pos", "5-8"),
                                 PFX("dist|pos", "9-15"), PFX("dist|pos", "16-30"),
                                 PFX("dist|pos", "31+")})[di]);
    ADD_POS(PFX3("commas|pos")[few_i(commas)]);
    ADD_POS(PFX3("marks|pos")[few_i(marks)]);
    ADD_POS(PFX3("cues|pos")[few_i(cues)]);
    ADD_POS(PFX3("ments|pos")[few_i(ments)]);
    ADD_POS(PFX3("ends|pos")[few_i(ends)]);
    ADD_POS(PFX3("clause|pos")[few_i(clause)]);
    ADD_PRE(p->h_cue_pos, pos);
    ADD_PRE(p->h_cw1_pos, pos);
    ADD_PRE(p->h_type_pos, pos);
    ADD_PRE(p->h_rule_pos, pos);
    /* the words around it */
    const char *wb = ws_feat_word(d, (int64_t)c->t0 - 1), *wa = ws_feat_word(d, c->t1);
    ADD("w-1|pos", wb, pos);
    ADD("w+1|pos", wa, pos);
    uint32_t ri = c->rank == 0 ? 0 : c->rank == 1 ? 1 : c->rank == 2 ? 2 : c->rank == 255 ? 3 : 4;
    ADD_POS(((const uint32_t[5]){PFX("rank|pos", "0"), PFX("rank|pos", "1"), PFX("rank|pos", "2"),
                                 PFX("rank|pos", "out"), PFX("rank|pos", "3+")})[ri]);
    const tok *lt = &T[c->t1 - 1];
    size_t ll = lt->low ? lt->len : 0;
    bool poss = ll > 2 && lt->low[ll - 2] == '\'' && lt->low[ll - 1] == 's';
    ADD_KSC_ANY(poss, 2, KS14_(PFX("poss", "no")), KS14_(PFX("poss", "yes")));
    /* a relative pronoun ("a poll that shows", "X, who said"): annotators
     * mark it as the source */
    bool rel = c->t1 == c->t0 + 1 && (tok_is(d, c->t0, "that") || tok_is(d, c->t0, "which") ||
                                      tok_is(d, c->t0, "who"));
    ADD_KSC_ANY(rel, 2, KS14_(PFX("rel", "no")), KS14_(PFX("rel", "yes")));
    /* salience */
    if (c->head >= 0 && c->kind != SK_PRONOUN) {
        uint32_t fq = c->freq;
        uint32_t fi = fq <= 1 ? 0 : fq <= 3 ? 1 : fq <= 7 ? 2 : 3;
        ADD_KSC_ANY(fi, 4, KS14_(PFX("freq|ks", "1")), KS14_(PFX("freq|ks", "2-3")),
                    KS14_(PFX("freq|ks", "4-7")), KS14_(PFX("freq|ks", "8+")));
        ADD_KSC_ANY(c->prev, 2, KS14_(PFX("prev|ks", "no")), KS14_(PFX("prev|ks", "yes")));
    }
    /* agreement with the latest source */
    if (c->head >= 0) {
        uint8_t g = d->ments.v[c->head].gender;
        uint32_t ai = s->agree < 0 ? 0 : g == G_UNKNOWN || s->agree == G_UNKNOWN ? 1
                    : g == (uint8_t)s->agree ? 2 : 3;
        ADD_KSC_ANY(ai, 4, KS14_(PFX("agree|ks", "nolast")), KS14_(PFX("agree|ks", "unk")),
                    KS14_(PFX("agree|ks", "same")), KS14_(PFX("agree|ks", "diff")));
    }
#undef PFX
#undef PFX3
#undef ADD_POS
#undef ADD_H
#undef ADD
#undef ADD_PRE
#undef ADD_KS
#undef KS
#undef KS14_
#undef KSC
#undef ADD_KSC
#undef ADD_KSC_ANY
    return n;
}


size_t ws_source_features(const ws_doc *d, const source_site *s, uint32_t i, uint32_t *f,
                          size_t cap)
{
    site_pre p;
    site_prepare(d, s, &p);
    return features(d, s, i, f, cap, &p);
}

double ws_source_score(const ws_doc *d, const source_site *s, uint32_t i)
{
    uint32_t f[WS_SOURCE_MAX_FEATS];
    size_t n = ws_source_features(d, s, i, f, WS_SOURCE_MAX_FEATS);
    return ws_feat_sum(ws_source_weights, f, n);
}

void ws_source_scores(const ws_doc *d, const source_site *s, double *z)
{
    site_pre p;
    site_prepare(d, s, &p);
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t f[WS_SOURCE_MAX_FEATS];
        size_t n = features(d, s, i, f, WS_SOURCE_MAX_FEATS, &p);
        z[i] = ws_feat_sum(ws_source_weights, f, n);
    }
}
