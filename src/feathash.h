/* Pieces shared by the learned models (cuemodel.c, boundmodel.c), inline
 * because they run for every feature of every scored token. Included by
 * internal.h after the types. */
#ifndef WS_FEATHASH_H
#define WS_FEATHASH_H

static inline uint32_t ws_fnv(uint32_t h, const char *s)
{
    /* two bytes a round: one loop branch for every two */
    for (;;) {
        unsigned c0 = (unsigned char)s[0];
        if (!c0)
            return h;
        unsigned c1 = (unsigned char)s[1];
        h = (h ^ c0) * 16777619u;
        if (!c1)
            return h;
        h = (h ^ c1) * 16777619u;
        s += 2;
    }
}

/* ws_fnv() of a feature name from the offset basis, written out for names of
 * up to eight characters: with the name a literal, the compiler works it out
 * at compile time once ws_feat_hash() is inlined (the result is the same). */
#define WS_FNV_STEP(h, c) (((h) ^ (uint32_t)(unsigned char)(c)) * 16777619u)
static inline __attribute__((always_inline)) uint32_t ws_fnv_name(const char *s)
{
    size_t n = strlen(s);
    uint32_t h = 2166136261u;
    if (n > 8)
        return ws_fnv(h, s);
    if (n > 0) h = WS_FNV_STEP(h, s[0]);
    if (n > 1) h = WS_FNV_STEP(h, s[1]);
    if (n > 2) h = WS_FNV_STEP(h, s[2]);
    if (n > 3) h = WS_FNV_STEP(h, s[3]);
    if (n > 4) h = WS_FNV_STEP(h, s[4]);
    if (n > 5) h = WS_FNV_STEP(h, s[5]);
    if (n > 6) h = WS_FNV_STEP(h, s[6]);
    if (n > 7) h = WS_FNV_STEP(h, s[7]);
    return h;
}
#undef WS_FNV_STEP

/* Feature "name=value" or "name=value|value2" hashed into [1, dim]; hashed
 * piece by piece, with nothing formatted. */
static inline __attribute__((always_inline)) uint32_t ws_feat_hash(const char *name, const char *value,
                                                                   const char *value2, uint32_t dim)
{
    uint32_t h = ws_fnv_name(name);
    h = ws_fnv((h ^ '=') * 16777619u, value ? value : "");
    if (value2)
        h = ws_fnv((h ^ '|') * 16777619u, value2);
    return h % dim + 1;
}

/* Appends feature "name=v1[|v2]" to f[0..cap), counting in n. */
#define WS_FEAT_ADD(f, n, cap, dim, name, v1, v2)                                                  \
    do {                                                                                           \
        if ((n) < (cap))                                                                           \
            (f)[(n)++] = ws_feat_hash(name, v1, v2, dim);                                          \
    } while (0)

/* A linear model's score: the sum of its features' weights. */
static inline double ws_feat_sum(const float *w, const uint32_t *f, size_t n)
{
    double z = 0;
    for (size_t i = 0; i < n; i++)
        z += w[f[i] - 1];
    return z;
}

/* The word of token k for features: its lower case, "<q>", "<num>", or
 * "<none>" outside the text. */
static inline const char *ws_feat_word(const ws_doc *d, int64_t k)
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

/* The shape of token k: "name", "pron", "org", "det", "cap", "w", "quote",
 * a punctuation mark, or "none" outside the text. */
static inline const char *ws_feat_shape(const ws_doc *d, int64_t k)
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

#endif
