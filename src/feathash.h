/* Pieces shared by the learned models (cuemodel.c, boundmodel.c,
 * quotemodel.c, sourcemodel.c), inline
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

/* ws_fnv(h, s) for the n bytes at s, with n known (a token's low and len):
 * the same number, with no test for the end of the string at every byte */
static inline uint32_t ws_fnv_n(uint32_t h, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h = (h ^ u[i]) * 16777619u;
        h = (h ^ u[i + 1]) * 16777619u;
        h = (h ^ u[i + 2]) * 16777619u;
        h = (h ^ u[i + 3]) * 16777619u;
    }
    for (; i < n; i++)
        h = (h ^ u[i]) * 16777619u;
    return h;
}

/* ws_fnv() of a feature name from the offset basis, written out for names of
 * up to sixteen characters: with the name a literal, the compiler works it
 * out at compile time once ws_feat_hash() is inlined (the result is the
 * same). A literal value is hashed the same way (WS_VAL). */
#define WS_FNV_STEP(h, c) (((h) ^ (uint32_t)(unsigned char)(c)) * 16777619u)
/* ws_fnv(h, s) written out for a literal s: worked out at compile time when h
 * is known too */
static inline __attribute__((always_inline)) uint32_t ws_fnv_lit(uint32_t h, const char *s)
{
    size_t n = strlen(s);
    if (n > 16)
        return ws_fnv(h, s);
    if (n > 0) h = WS_FNV_STEP(h, s[0]);
    if (n > 1) h = WS_FNV_STEP(h, s[1]);
    if (n > 2) h = WS_FNV_STEP(h, s[2]);
    if (n > 3) h = WS_FNV_STEP(h, s[3]);
    if (n > 4) h = WS_FNV_STEP(h, s[4]);
    if (n > 5) h = WS_FNV_STEP(h, s[5]);
    if (n > 6) h = WS_FNV_STEP(h, s[6]);
    if (n > 7) h = WS_FNV_STEP(h, s[7]);
    if (n > 8) h = WS_FNV_STEP(h, s[8]);
    if (n > 9) h = WS_FNV_STEP(h, s[9]);
    if (n > 10) h = WS_FNV_STEP(h, s[10]);
    if (n > 11) h = WS_FNV_STEP(h, s[11]);
    if (n > 12) h = WS_FNV_STEP(h, s[12]);
    if (n > 13) h = WS_FNV_STEP(h, s[13]);
    if (n > 14) h = WS_FNV_STEP(h, s[14]);
    if (n > 15) h = WS_FNV_STEP(h, s[15]);
    return h;
}

static inline __attribute__((always_inline)) uint32_t ws_fnv_name(const char *s)
{
    return ws_fnv_lit(2166136261u, s);
}
#undef WS_FNV_STEP

/* A feature is a name and one or two values. Each string is hashed alone
 * (FNV-1a, as the tokenizer hashes every token's lower case into t->hash),
 * and the hashes are combined: so a word's feature costs one combination
 * of its token's hash, with no byte read. ws_feat_hash() is the definition;
 * the models' fast paths give the same numbers from the hashes they have. */
static inline __attribute__((always_inline)) uint32_t ws_feat_mix(uint32_t h, uint32_t v)
{
    /* rotated first, so that (a, b) and (b, a) differ */
    return (((h << 13) | (h >> 19)) ^ v) * 0x9E3779B1u;
}

/* A combined hash in [1, dim]: the product's well-mixed high half folded
 * into the low bits that a power-of-two dim keeps */
static inline __attribute__((always_inline)) uint32_t ws_feat_index(uint32_t h, uint32_t dim)
{
    return (h ^ (h >> 16)) % dim + 1;
}

/* The hash of a value: a string's FNV-1a (a literal's worked out at compile
 * time) */
#define WS_VAL(lit) ws_fnv_name(lit)

/* Feature "name=value" or "name=value|value2" in [1, dim] */
static inline __attribute__((always_inline)) uint32_t ws_feat_hash(const char *name, const char *value,
                                                                   const char *value2, uint32_t dim)
{
    uint32_t h = ws_feat_mix(ws_fnv_name(name), ws_fnv(2166136261u, value ? value : ""));
    if (value2)
        h = ws_feat_mix(h, ws_fnv(2166136261u, value2));
    return ws_feat_index(h, dim);
}

/* A feature of literal name and value(s), in [1, dim]: a constant */
#define WS_FEAT_LIT(name, value, dim) ws_feat_index(ws_feat_mix(ws_fnv_name(name), WS_VAL(value)), dim)

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
    size_t i = 0;
    /* four at a time: the same additions, in the same order */
    for (; i + 4 <= n; i += 4) {
        z += w[f[i] - 1];
        z += w[f[i + 1] - 1];
        z += w[f[i + 2] - 1];
        z += w[f[i + 3] - 1];
    }
    for (; i < n; i++)
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

/* The hash of ws_feat_word(d, k): the token's own hash (text.c), or a
 * constant */
static inline __attribute__((always_inline)) uint32_t ws_word_val(const ws_doc *d, int64_t k)
{
    if (k < 0 || (size_t)k >= d->toks.n)
        return WS_VAL("<none>");
    const tok *t = &d->toks.v[k];
    if (t->kind == T_QUOTE)
        return WS_VAL("<q>");
    if (t->kind == T_NUM)
        return WS_VAL("<num>");
    return t->hash;
}

/* ws_feat_shape() as a code, so that a feature of a shape can be hashed
 * from constants (ws_shape_fnv) */
enum { WS_SH_NONE, WS_SH_QUOTE, WS_SH_PUNCT, WS_SH_PRON, WS_SH_ORG, WS_SH_NAME, WS_SH_DET, WS_SH_CAP, WS_SH_W };
static inline int ws_feat_shape_code(const ws_doc *d, int64_t k)
{
    if (k < 0 || (size_t)k >= d->toks.n)
        return WS_SH_NONE;
    const tok *t = &d->toks.v[k];
    if (t->kind == T_QUOTE)
        return WS_SH_QUOTE;
    if (t->kind == T_PUNCT)
        return WS_SH_PUNCT; /* its word: its lower case (ws_feat_word) */
    if (d->ment_at && d->ment_at[k] >= 0) {
        uint8_t kind = d->ments.v[d->ment_at[k]].kind;
        return kind == M_PRONOUN ? WS_SH_PRON : kind == M_ORG ? WS_SH_ORG : WS_SH_NAME;
    }
    if (t->lex & LX_DET)
        return WS_SH_DET;
    if (t->flags & F_CAP)
        return WS_SH_CAP;
    return WS_SH_W;
}

/* The hash of ws_feat_shape(d, k) from its code: a constant, or a
 * punctuation mark's own hash */
static inline __attribute__((always_inline)) uint32_t ws_shape_val(int code, const ws_doc *d, int64_t k)
{
    /* a switch rather than an array literal: gcc makes the switch a table
     * in read-only data, where the literal was built on the stack at every
     * use */
    switch (code) {
    case WS_SH_PUNCT: return d->toks.v[k].hash;
    case WS_SH_NONE: return WS_VAL("none");
    case WS_SH_QUOTE: return WS_VAL("quote");
    case WS_SH_PRON: return WS_VAL("pron");
    case WS_SH_ORG: return WS_VAL("org");
    case WS_SH_NAME: return WS_VAL("name");
    case WS_SH_DET: return WS_VAL("det");
    case WS_SH_CAP: return WS_VAL("cap");
    default: return WS_VAL("w");
    }
}

/* A coarse class of token k for where a clause goes on: "aux" (is, has,
 * did), "cue" (a speech verb), "subj" (he, they), "ed", "ly", else its
 * shape. ", and tells the crowd …" (a verb: the matrix subject goes on, the
 * content has ended) reads apart from ", and he feels …" (a new subject). */
enum { WS_VC_AUX = 16, WS_VC_CUE, WS_VC_SUBJ, WS_VC_ED, WS_VC_LY };
static inline int ws_feat_vclass_code(const ws_doc *d, int64_t k)
{
    if (k < 0 || (size_t)k >= d->toks.n || d->toks.v[k].kind != T_WORD)
        return ws_feat_shape_code(d, k);
    const tok *t = &d->toks.v[k];
    if (t->lex & LX_WL_AUXVERB)
        return WS_VC_AUX;
    if (t->lex & (LX_CUE | LX_CUE_ING))
        return WS_VC_CUE;
    if ((t->lex & LX_WL_SUBJECT) && !(d->ment_at && d->ment_at[k] >= 0 &&
                                      d->ments.v[d->ment_at[k]].kind != M_PRONOUN))
        return WS_VC_SUBJ;
    size_t n = t->len;
    if (n > 3 && t->low[n - 2] == 'e' && t->low[n - 1] == 'd')
        return WS_VC_ED;
    if (n > 3 && t->low[n - 2] == 'l' && t->low[n - 1] == 'y')
        return WS_VC_LY;
    return ws_feat_shape_code(d, k);
}

static inline const char *ws_feat_vclass(const ws_doc *d, int64_t k)
{
    switch (ws_feat_vclass_code(d, k)) {
    case WS_VC_AUX: return "aux";
    case WS_VC_CUE: return "cue";
    case WS_VC_SUBJ: return "subj";
    case WS_VC_ED: return "ed";
    case WS_VC_LY: return "ly";
    default: return ws_feat_shape(d, k);
    }
}

static inline uint32_t ws_vclass_val(int code, const ws_doc *d, int64_t k)
{
    switch (code) {
    case WS_VC_AUX: return WS_VAL("aux");
    case WS_VC_CUE: return WS_VAL("cue");
    case WS_VC_SUBJ: return WS_VAL("subj");
    case WS_VC_ED: return WS_VAL("ed");
    case WS_VC_LY: return WS_VAL("ly");
    default: return ws_shape_val(code, d, k);
    }
}

#endif
