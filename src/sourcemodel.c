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
static inline bool role_at(const ws_doc *d, uint32_t k, uint32_t lo, uint32_t *t0)
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
static inline bool name_tag(const ws_doc *d, const mention *m)
{
    const char *w = d->toks.v[m->t0].low;
    return (w && d->toks.v[m->t0].len > 2 && w[1] == '-' && (w[0] == 'r' || w[0] == 'd' || w[0] == 'i')) ||
           (m->t0 > 0 && tok_punct(d, m->t0 - 1, '('));
}

/* "Meridian's chief executive, Mark Feld,": the owner of a title is not
 * the one who holds it (its span overlaps a gold source, which is why the
 * ranker learned to like it, but the speaker it names is wrong) */
static inline bool title_owner(const ws_doc *d, const mention *m)
{
    const tok *T = d->toks.v;
    return m->t1 < d->toks.n && tok_possessive(&T[m->t1 - 1]) && T[m->t1].kind == T_WORD &&
           !(T[m->t1].flags & F_CAP) && (T[m->t1].lex & (LX_TITLE | LX_ROLE));
}

/* Adds the candidate [t0, t1) when it is no part of the sieves' choice, of
 * the content or of a quotation. */
static inline void add_cand(const ws_doc *d, const quote *q, source_site *s, uint32_t t0, uint32_t t1,
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
            if (M->t0 >= lo && !name_tag(d, M) && !title_owner(d, M)) {
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
uint32_t ws_cue_head(const ws_doc *d, const quote *q)
{
    uint32_t h = q->cue0;
    while (h + 1 < q->cue1 && (d->toks.v[h].lex & LX_AUX))
        h++;
    return h;
}

/* A passive cue ("was asked", "were pressed") names its hearer, not a source. */
bool ws_cue_passive(const ws_doc *d, const quote *q, uint32_t h)
{
    return h > q->cue0 && (tok_is(d, h - 1, "was") || tok_is(d, h - 1, "were") ||
                           tok_is(d, h - 1, "is") || tok_is(d, h - 1, "are") ||
                           tok_is(d, h - 1, "been") || tok_is(d, h - 1, "be"));
}

bool ws_source_settled(const ws_doc *d, const quote *q)
{
    if (q->sieve == 1)
        return true;
    /* "KTV quoted Foreign Minister X as saying": the one quoted */
    if (q->has_src_span && q->source >= 0 && q->src_t1 + 1 == q->cue0 && q->src_t0 > 0 &&
        tok_is(d, q->src_t1, "as") && tok_is(d, q->src_t0 - 1, "quoted"))
        return true;
    if (!q->has_src_span || q->source < 0 || q->src_t1 != q->cue0)
        return false;
    uint8_t kind = d->ments.v[q->source].kind;
    return (kind == M_NAME || kind == M_PRONOUN || kind == M_TITLE) &&
           !ws_cue_passive(d, q, ws_cue_head(d, q));
}

static uint32_t few_i(uint32_t n) { return n == 0 ? 0 : n == 1 ? 1 : 2; }

/* What stands between a candidate and its cue (features()): counts of
 * commas, quote marks, cues, mentions, sentence ends and relative pronouns,
 * a byte each in one number (a gap is at most SCAN tokens, so no count
 * spills into the next), so that two gaps add in one addition */
enum { G_COMMAS = 0, G_MARKS = 8, G_CUES = 16, G_MENTS = 24, G_ENDS = 32, G_CLAUSE = 40 };
#define G_ONE(field) ((uint64_t)1 << (field))
#define G_GET(g, field) ((uint32_t)((g) >> (field)) & 0xff)

/* The tokens [a, b) read between candidate c and its cue: the side it
 * stands on, the part next to the cue when it is further than SCAN */
typedef struct gap_span {
    uint32_t a, b, dist;
    bool left, right, far;
} gap_span;

static gap_span gap_of(const quote *q, const source_cand *c)
{
    gap_span g;
    g.left = c->t1 <= q->cue0;
    g.right = c->t0 >= q->cue1;
    g.a = g.left ? c->t1 : q->cue1;
    g.b = g.left ? q->cue0 : c->t0;
    if (!g.left && !g.right)
        g.a = g.b = 0;
    g.dist = g.b > g.a ? g.b - g.a : 0;
    g.far = false;
    if (g.dist > SCAN) {
        g.far = true;
        if (g.left)
            g.a = g.b - SCAN; /* the part next to the cue */
        else
            g.b = g.a + SCAN;
    }
    return g;
}

/* What token k adds to the counts of a gap read forward, and the token
 * read next: past the whole of a mention, which counts once (inline: it
 * runs for every token of every gap, and its counts stay in a register) */
static inline __attribute__((always_inline)) uint32_t gap_step(const ws_doc *d, uint32_t k, uint64_t *g)
{
    const tok *t = &d->toks.v[k];
    *g = 0;
    if (t->kind == T_PUNCT) {
        uint32_t ch = d->cp[t->start];
        *g = (uint64_t)(ch == ',') << G_COMMAS |
             (uint64_t)(ch == '.' || ch == '!' || ch == '?' || ch == ';') << G_ENDS;
    } else if (t->kind == T_QUOTE) {
        *g = G_ONE(G_MARKS);
    } else if (t->kind == T_WORD) {
        *g = (uint64_t)((t->lex & (LX_CUE | LX_CUE_ING)) != 0) << G_CUES;
        if (d->ment_at[k] >= 0) {
            *g |= G_ONE(G_MENTS);
            return d->ments.v[d->ment_at[k]].t1;
        }
        *g |= (uint64_t)(low_is(t, "who") || low_is(t, "that") || low_is(t, "which")) << G_CLAUSE;
    }
    return k + 1;
}

/* The counts of the gap [a, b), read from a */
static uint64_t gap_scan(const ws_doc *d, uint32_t a, uint32_t b)
{
    uint64_t sum = 0, g;
    for (uint32_t k = a; k < b;) {
        k = gap_step(d, k, &g);
        sum += g;
    }
    return sum;
}

/* What the features of all the candidates of a site share, worked out once
 * per site (ws_source_scores): the hashes of the cue, the attribution's
 * rule and type, the words around the cue and whether it is passive; and
 * the counts of every gap a candidate may have, read once for the site
 * where each candidate read its own (left[k - left0]: the gap [k, cue0);
 * right[x]: the gap [cue1, cue1 + x)). Without the tables (one candidate's
 * features), the gap is read. */
typedef struct site_pre {
    uint32_t cue, rule, type, cw, cw1, pass;
    bool tables;
    uint32_t left0;
    uint64_t left[SCAN + 1], right[SCAN + 1];
} site_pre;

static void site_prepare(const ws_doc *d, const source_site *s, site_pre *p)
{
    const quote *q = &d->quotes.v[s->quote];
    const tok *T = d->toks.v;
    uint32_t h = ws_cue_head(d, q);
    const char *lem = ws_lex_cue_lemma(T[h].cue_lemma);
    p->cue = lem ? ws_fnv(2166136261u, lem) : T[h].low ? T[h].hash : WS_VAL("<punct>");
    p->rule = ((const uint32_t[7]){WS_VAL("0"), WS_VAL("1"), WS_VAL("2"), WS_VAL("3"), WS_VAL("4"), WS_VAL("5"),
                                   WS_VAL("6")})[q->sieve >= 0 && q->sieve < 7 ? q->sieve : 0];
    p->type = q->type == WS_DIRECT ? WS_VAL("direct") : q->type == WS_MIXED ? WS_VAL("mixed") : WS_VAL("indirect");
    p->pass = ws_cue_passive(d, q, h) ? WS_VAL("yes") : WS_VAL("no");
    p->cw = ws_word_val(d, (int64_t)q->cue0 - 1);
    p->cw1 = ws_word_val(d, q->cue1);
    p->tables = false;
}

/* The gap tables of site_pre, as far as the site's candidates reach */
static void site_gaps(const ws_doc *d, const source_site *s, site_pre *p)
{
    const quote *q = &d->quotes.v[s->quote];
    uint32_t left0 = q->cue0, right1 = q->cue1;
    for (uint32_t i = 0; i < s->n; i++) {
        if (s->cand[i].kind == SK_NONE)
            continue;
        gap_span g = gap_of(q, &s->cand[i]);
        if (g.left && g.a < left0)
            left0 = g.a;
        else if (!g.left && g.right && g.b > right1)
            right1 = g.b;
    }
    /* [k, cue0) from k down: what k adds, and the gap from the token read
     * after it (nothing once that is cue0 or past it) */
    p->left0 = left0;
    for (uint32_t k = q->cue0; k-- > left0;) {
        uint64_t g;
        uint32_t next = gap_step(d, k, &g);
        p->left[k - left0] = next < q->cue0 ? g + p->left[next - left0] : g;
    }
    /* [cue1, x) for x up: the tokens read from cue1 before x */
    p->right[0] = 0;
    for (uint32_t k = q->cue1; k < right1;) {
        uint64_t g;
        uint32_t next = gap_step(d, k, &g);
        uint64_t sum = p->right[k - q->cue1] + g;
        for (uint32_t x = k + 1; x <= next && x <= right1; x++)
            p->right[x - q->cue1] = sum;
        k = next;
    }
    p->tables = true;
}

/* The features of candidate i, as ws_feat_hash(name, value[, value2])
 * numbers them: each value's hash (a token's from text.c, a literal's at
 * compile time) combined with the name's. */
/* With z, the sum of their weights is added to *z as each is known, in the
 * order ws_feat_sum() adds them: inlined into ws_source_scores(), which
 * reads only the sum, the array and its stores go away. */
static inline __attribute__((always_inline)) size_t features(const ws_doc *d, const source_site *s, uint32_t i,
                                                             uint32_t *f, size_t cap, const site_pre *p,
                                                             double *z)
{
    const source_cand *c = &s->cand[i];
    const quote *q = &d->quotes.v[s->quote];
    const tok *T = d->toks.v;
    size_t n = 0;
#define IX(h) ws_feat_index(h, WS_SOURCE_DIM)
#define MIX(name, v) ws_feat_mix(ws_fnv_name(name), v)
#define MIX2(name, v1, v2) ws_feat_mix(MIX(name, v1), v2)
#define LIT(name, value) WS_FEAT_LIT(name, value, WS_SOURCE_DIM)
#define ADD(v)                                                                                     \
    do {                                                                                           \
        if (n < cap) {                                                                             \
            f[n] = (v);                                                                            \
            if (z)                                                                                 \
                *z += ws_source_weights[f[n] - 1];                                                 \
            n++;                                                                                   \
        }                                                                                          \
    } while (0)
/* a feature whose first value is one of a few literals (index x), and
 * whose second has hash v: the first part is a constant from a table */
#define ADD_TAB(x, v, ...) ADD(IX(ws_feat_mix(((const uint32_t[]){__VA_ARGS__})[x], v)))
    /* the candidate's kind, "*" after it for the sieves' choice */
    uint32_t ks = ((const uint32_t[14]){WS_VAL("name"), WS_VAL("title"), WS_VAL("pron"), WS_VAL("role"),
                                        WS_VAL("org"), WS_VAL("phrase"), WS_VAL("none"), WS_VAL("name*"),
                                        WS_VAL("title*"), WS_VAL("pron*"), WS_VAL("role*"), WS_VAL("org*"),
                                        WS_VAL("phrase*"), WS_VAL("none*")})[(unsigned)c->sieve * 7 + c->kind];
    ADD(IX(MIX("ks", ks)));
    ADD(IX(MIX2("pass|ks", p->pass, ks)));
    ADD(IX(MIX2("cw-1|ks", p->cw, ks)));
    ADD(IX(MIX2("ks|rule", ks, p->rule)));
    ADD(IX(MIX2("ks|cue", ks, p->cue)));
    ADD(LIT("bias", "1"));
    if (c->kind == SK_NONE) {
        ADD(IX(MIX2("none|cue", p->cue, c->sieve ? WS_VAL("*") : WS_VAL(""))));
        ADD(IX(MIX2("none|rule", p->rule, p->type)));
        ADD(IX(MIX("none|w-1", p->cw)));
        int sh = ws_feat_shape_code(d, (int64_t)q->cue0 - 1);
        ADD(IX(MIX("none|s-1", ws_shape_val(sh, d, (int64_t)q->cue0 - 1))));
        ADD(IX(MIX("none|w+1", p->cw1)));
        ADD(((const uint32_t[3]){LIT("none|ncand", "0"), LIT("none|ncand", "1"),
                                 LIT("none|ncand", "2+")})[few_i(s->n > 2 ? s->n - 2 : 0)]);
        return n;
    }
    /* where it stands, and what stands between it and the cue */
    gap_span gs = gap_of(q, c);
    bool left = gs.left, right = gs.right, far = gs.far;
    uint32_t dist = gs.dist;
    uint64_t gc = !p->tables || gs.a >= gs.b ? gap_scan(d, gs.a, gs.b)
                    : left                     ? p->left[gs.a - p->left0]
                                               : p->right[gs.b - q->cue1];
    uint32_t commas = G_GET(gc, G_COMMAS), marks = G_GET(gc, G_MARKS), cues = G_GET(gc, G_CUES),
             ments = G_GET(gc, G_MENTS), ends = G_GET(gc, G_ENDS), clause = G_GET(gc, G_CLAUSE);
    ends += T[c->t0].sent != T[q->cue0].sent;
    uint32_t pos = left ? WS_VAL("L") : right ? WS_VAL("R") : WS_VAL("O");
    /* bucket(): "far" first, then its eight buckets */
    uint32_t di = far ? 0 : dist == 0 ? 1 : dist == 1 ? 2 : dist == 2 ? 3 : dist <= 4 ? 4 : dist <= 8 ? 5
                : dist <= 15 ? 6 : dist <= 30 ? 7 : 8;
#define FEW3(name) MIX(name, WS_VAL("0")), MIX(name, WS_VAL("1")), MIX(name, WS_VAL("2+"))
    ADD(IX(MIX("pos", pos)));
    ADD(IX(MIX2("pos|ks", pos, ks)));
    ADD_TAB(di, pos, MIX("dist|pos", WS_VAL("far")), MIX("dist|pos", WS_VAL("0")), MIX("dist|pos", WS_VAL("1")),
            MIX("dist|pos", WS_VAL("2")), MIX("dist|pos", WS_VAL("3-4")), MIX("dist|pos", WS_VAL("5-8")),
            MIX("dist|pos", WS_VAL("9-15")), MIX("dist|pos", WS_VAL("16-30")), MIX("dist|pos", WS_VAL("31+")));
    ADD_TAB(few_i(commas), pos, FEW3("commas|pos"));
    ADD_TAB(few_i(marks), pos, FEW3("marks|pos"));
    ADD_TAB(few_i(cues), pos, FEW3("cues|pos"));
    ADD_TAB(few_i(ments), pos, FEW3("ments|pos"));
    ADD_TAB(few_i(ends), pos, FEW3("ends|pos"));
    ADD_TAB(few_i(clause), pos, FEW3("clause|pos"));
    ADD(IX(MIX2("cue|pos", p->cue, pos)));
    ADD(IX(MIX2("cw+1|pos", p->cw1, pos)));
    ADD(IX(MIX2("type|pos", p->type, pos)));
    ADD(IX(MIX2("rule|pos", p->rule, pos)));
    /* the words around it */
    ADD(IX(MIX2("w-1|pos", ws_word_val(d, (int64_t)c->t0 - 1), pos)));
    ADD(IX(MIX2("w+1|pos", ws_word_val(d, c->t1), pos)));
    uint32_t ri = c->rank == 0 ? 0 : c->rank == 1 ? 1 : c->rank == 2 ? 2 : c->rank == 255 ? 3 : 4;
    ADD_TAB(ri, pos, MIX("rank|pos", WS_VAL("0")), MIX("rank|pos", WS_VAL("1")), MIX("rank|pos", WS_VAL("2")),
            MIX("rank|pos", WS_VAL("out")), MIX("rank|pos", WS_VAL("3+")));
    const tok *lt = &T[c->t1 - 1];
    size_t ll = lt->low ? lt->len : 0;
    bool poss = ll > 2 && lt->low[ll - 2] == '\'' && lt->low[ll - 1] == 's';
    ADD_TAB(poss, ks, MIX("poss", WS_VAL("no")), MIX("poss", WS_VAL("yes")));
    /* a relative pronoun ("a poll that shows", "X, who said"): annotators
     * mark it as the source */
    bool rel = c->t1 == c->t0 + 1 && (tok_is(d, c->t0, "that") || tok_is(d, c->t0, "which") ||
                                      tok_is(d, c->t0, "who"));
    ADD_TAB(rel, ks, MIX("rel", WS_VAL("no")), MIX("rel", WS_VAL("yes")));
    /* salience */
    if (c->head >= 0 && c->kind != SK_PRONOUN) {
        uint32_t fq = c->freq;
        uint32_t fi = fq <= 1 ? 0 : fq <= 3 ? 1 : fq <= 7 ? 2 : 3;
        ADD_TAB(fi, ks, MIX("freq|ks", WS_VAL("1")), MIX("freq|ks", WS_VAL("2-3")), MIX("freq|ks", WS_VAL("4-7")),
                MIX("freq|ks", WS_VAL("8+")));
        ADD_TAB(c->prev, ks, MIX("prev|ks", WS_VAL("no")), MIX("prev|ks", WS_VAL("yes")));
    }
    /* agreement with the latest source */
    if (c->head >= 0) {
        uint8_t g = d->ments.v[c->head].gender;
        uint32_t ai = s->agree < 0 ? 0 : g == G_UNKNOWN || s->agree == G_UNKNOWN ? 1
                    : g == (uint8_t)s->agree ? 2 : 3;
        ADD_TAB(ai, ks, MIX("agree|ks", WS_VAL("nolast")), MIX("agree|ks", WS_VAL("unk")),
                MIX("agree|ks", WS_VAL("same")), MIX("agree|ks", WS_VAL("diff")));
    }
#undef FEW3
#undef ADD_TAB
#undef ADD
#undef LIT
#undef IX
#undef MIX
#undef MIX2
    return n;
}

size_t ws_source_features(const ws_doc *d, const source_site *s, uint32_t i, uint32_t *f,
                          size_t cap)
{
    site_pre p;
    site_prepare(d, s, &p);
    return features(d, s, i, f, cap, &p, NULL);
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
    site_gaps(d, s, &p);
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t f[WS_SOURCE_MAX_FEATS];
        double zi = 0;
        features(d, s, i, f, WS_SOURCE_MAX_FEATS, &p, &zi);
        z[i] = zi;
    }
}
