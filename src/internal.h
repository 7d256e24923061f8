/* Internal types shared by the pipeline stages. Nothing here is public. */
#ifndef WS_INTERNAL_H
#define WS_INTERNAL_H

#include "whosaid.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- memory: one arena per document ------------------------------------
 * Every allocation of an analysis lives in the document's arena and is freed
 * with it. An allocation failure longjmps back to ws_analyze(), which turns
 * it into WS_ERR_NOMEM: the stages stay free of error plumbing, and nothing
 * leaks because nothing is owned outside the arena. */
typedef struct ws_block {
    struct ws_block *next;
    size_t used, size;
    max_align_t data[];
} ws_block;

typedef struct ws_arena {
    ws_block *head;
    void *big;    /* growable arrays kept outside the blocks (arena.c) */
    jmp_buf *oom; /* where to go when malloc fails */
} ws_arena;

void *ws_alloc(ws_arena *a, size_t size);           /* zeroed */
void *ws_alloc_raw(ws_arena *a, size_t size);       /* not zeroed: the caller writes it all */
char *ws_alloc_str(ws_arena *a, size_t size);       /* the same, byte-aligned, for strings */
void *ws_grow(ws_arena *a, void *old, size_t old_size, size_t new_size); /* the new part is not zeroed */
char *ws_strndup(ws_arena *a, const char *s, size_t n);
void ws_arena_free(ws_arena *a);

/* A growable array in the arena: VEC(T) v; VPUSH(a, v, x). */
#define VEC(T) struct { T *v; size_t n, cap; }
#define VPUSH(arena, vec, x)                                                         \
    do {                                                                             \
        if ((vec).n == (vec).cap) {                                                  \
            size_t nc_ = (vec).cap ? (vec).cap * 2 : 4;                             \
            (vec).v = ws_grow((arena), (vec).v, (vec).cap * sizeof *(vec).v,         \
                              nc_ * sizeof *(vec).v);                                \
            (vec).cap = nc_;                                                         \
        }                                                                            \
        (vec).v[(vec).n++] = (x);                                                    \
    } while (0)

/* A map from strings (kept by the caller, usually in the arena) to int32. */
typedef struct ws_map {
    const char **keys;
    int32_t *vals;
    uint32_t *hashes; /* of the keys: a probe reads a key only when they agree */
    size_t n, cap;
} ws_map;
int32_t ws_map_get(const ws_map *m, const char *key); /* -1 when absent */
void ws_map_put(ws_arena *a, ws_map *m, const char *key, int32_t val, bool overwrite);
/* The same with the key's hash (ws_map_hash) worked out once, for a key
 * looked up in several maps or more than once */
uint32_t ws_map_hash(const char *key);
static inline int32_t ws_map_get_h(const ws_map *m, const char *key, uint32_t h);
void ws_map_put_h(ws_arena *a, ws_map *m, const char *key, uint32_t h, int32_t val, bool overwrite);

/* ---- text ---------------------------------------------------------------- */
enum tok_kind { T_WORD, T_NUM, T_PUNCT, T_QUOTE };

enum tok_flag {
    F_CAP = 1 << 0,        /* first letter is upper case */
    F_ALLCAP = 1 << 1,     /* every letter upper case, two or more letters */
    F_NL_BEFORE = 1 << 2,  /* a line break precedes the token */
    F_PARA_START = 1 << 3, /* first token of a paragraph */
    F_SENT_START = 1 << 4, /* first token of a sentence */
    F_SPACE_BEFORE = 1 << 5,
    F_SPACE_AFTER = 1 << 6,
    F_ABBREV = 1 << 7,     /* word with a final period that is part of it (Dr., U.S.) */
    F_OPEN = 1 << 8,       /* quote mark that opens */
    F_CLOSE = 1 << 9,      /* quote mark that closes */
    F_SINGLE = 1 << 10,    /* single quote mark */
    F_HAS_DIGIT = 1 << 11,
    F_CUE_ADDED = 1 << 12, /* the speakers stage added LX_CUE to the word's lexicon class */
    F_ING_ADDED = 1 << 13, /* ... or LX_CUE_ING */
    F_END_MARK = 1 << 14,  /* punctuation that may end a sentence: . ! ? (or a run of periods), … */
    F_DATELINE = 1 << 15   /* a token of a dateline ("BRUSSELS, March 3 (Reuters) -"): no mention */
};

typedef struct tok {
    uint32_t start, end; /* code points */
    uint16_t kind, flags;
    int32_t sent, para;
    int32_t quote;       /* index of the innermost marked quote that contains it, or -1 */
    uint32_t lex;        /* lexicon class bits (LX_*) */
    /* the cue lemma and the second class word share a word, as in the
     * lexicon table (one copy sets both): a token stays 48 bytes, and four
     * more cost 0.5% more instructions */
    union {
        struct {
            signed int cue_lemma : 9; /* index of the cue lemma when lex & LX_CUE, or -1 */
            unsigned int lex2 : 23;   /* lexicon class bits of the second word (LX2_*) */
        };
        uint32_t lex_more; /* both at once */
    };
    const char *low;     /* lower-cased UTF-8, NUL-terminated */
    uint32_t hash;       /* FNV-1a (WS_LEX_HASH_*) of low, made with it */
    uint32_t len;        /* strlen(low) */
} tok;

typedef struct sent {
    uint32_t t0, t1; /* tokens [t0, t1) */
    int32_t para;
} sent;

typedef struct para {
    uint32_t t0, t1;
} para;

/* A pair of quote marks. */
typedef struct mquote {
    uint32_t open, close;  /* token indices of the marks (close may be the
                              last token of a paragraph when unclosed) */
    bool closed;
    bool single;           /* single marks ‘ ’ inside a double quote, or of fewer
                              than three words: no quotation of its own */
    int32_t next;          /* the continuation in the next paragraph, or -1 */
    int32_t prev;
    bool used;             /* consumed by an attribution */
} mquote;

/* A mention of a person (or of an organisation, or a pronoun). */
enum mention_kind { M_NAME, M_TITLE, M_PRONOUN, M_ROLE, M_ORG };
enum gender { G_UNKNOWN, G_MALE, G_FEMALE, G_PLURAL };

typedef struct mention {
    uint32_t t0, t1;       /* tokens of the whole mention as written */
    uint32_t n0, n1;       /* tokens of the name proper (no titles); n0 == n1 when none */
    uint8_t kind, gender;
    bool subject : 1;      /* subject of a cue or of a main clause */
    bool dead : 1;         /* "the late": not a current speaker */
    bool kin : 1;          /* a lone first name the text relates to someone: "her husband, Hamish," */
    int32_t entity;
    const char *title;     /* title words that precede the name ("Harbour Board Chairman") */
} mention;

typedef struct quote {
    VEC(ws_span) content;
    uint32_t cue0, cue1;   /* tokens; cue1 == cue0 when none */
    int32_t source;        /* mention index or -1 */
    ws_span src_span;      /* source span as reported */
    uint32_t src_t0, src_t1; /* ... its tokens (speakers stage) */
    bool has_src_span;
    ws_quote_type type;
    bool colon;
    double conf;
    int32_t sieve;         /* which rule produced it (for --errors and confidence) */
    bool raised;           /* a raising verb's frame: no source by design */
} quote;

typedef struct entity {
    char *name;
    ws_entity_type type;
    uint8_t gender;
    VEC(const char *) titles;
    VEC(ws_span) mentions;
    VEC(uint32_t) words; /* lower-cased name tokens' hashes, for surname matching */
    const char *first, *last; /* lower-cased */
    bool person;              /* titled, a known first name, or a speaker */
} entity;

typedef struct event {
    ws_event_type type;
    VEC(int) participants;
    char *when;
    ws_span when_span, span;
} event;

/* A place where reported speech after a cue may end (boundmodel.c): content
 * [a, j) for each candidate end j. */
#define WS_BOUND_MAX_CANDS 24
typedef struct bound_site {
    uint32_t cue, a, rule_end, n; /* cue head token; content start; the rules' end */
    bool that;                    /* the content opens with "that" */
    bool marked;                  /* a quotation inside the content (mixed speech) */
    uint32_t cand[WS_BOUND_MAX_CANDS];
    uint8_t commas[WS_BOUND_MAX_CANDS]; /* commas in [a, cand[i]), at most 255 */
    bool verb[WS_BOUND_MAX_CANDS];      /* a verb in [a, cand[i]): an auxiliary, a subject
                                           pronoun, a cue or a word in -ed (ws_verb_like()) */
} bound_site;

/* A place where reported speech after a cue may start (startmodel.c):
 * content [cand[i], end) for each candidate start, every word (or opening
 * quote mark) in a short window after the cue, and the rules' start. */
#define WS_START_MAX_CANDS 16
typedef struct start_site {
    uint32_t cue, after, rule_start, end, n; /* cue head; the token after the cue;
                                                the rules' start; the content's end */
    bool that;                               /* the rules' content opens with "that" */
    uint32_t cand[WS_START_MAX_CANDS];
} start_site;

/* The candidate sources of one attribution (sourcemodel.c): the sieves'
 * choice, "none", and the mentions (and role nouns) in a bounded window
 * around its cue: the cue's sentence and the one before. */
#define WS_SOURCE_MAX_CANDS 9 /* the sieves' choice, none, 5 before the cue, 2 after */
enum source_kind { SK_NAME, SK_TITLE, SK_PRONOUN, SK_ROLE, SK_ORG, SK_PHRASE, SK_NONE };
typedef struct source_cand {
    uint32_t t0, t1; /* tokens; t0 == t1 for "none" */
    int32_t head;    /* mention index or -1 */
    uint8_t kind;    /* enum source_kind (the mention kinds come first, in their order) */
    bool sieve;      /* the sieves' choice */
    bool prev;       /* names the source of one of the attributions just before */
    uint8_t rank;    /* its place on its side of the cue: 0 for the nearest mention */
    uint8_t freq;    /* mentions of the same name in the article, at most 255 */
} source_cand;
typedef struct source_site {
    uint32_t quote; /* index in ws_doc.quotes */
    uint32_t n;
    int8_t agree;   /* a pronoun's gender against the latest source's: 1, -1, 0 unknown */
    source_cand cand[WS_SOURCE_MAX_CANDS];
} source_site;

struct ws_doc {
    ws_arena arena;
    unsigned flags;
    /* text */
    uint32_t *cp;
    size_t n;
    char *utf8;     /* the text re-encoded (after U+FFFD replacement) */
    uint32_t *boff; /* byte offset of each code point, n + 1 entries (texts < 4 GiB) */
    /* stages */
    VEC(tok) toks;
    VEC(sent) sents;
    VEC(para) paras;
    VEC(mquote) mq;
    VEC(uint32_t) qmarks; /* the quote-mark tokens, in order (text.c, for quotes.c) */
    VEC(uint32_t) meets;  /* the LX_MEET words, in order (text.c, for events.c) */
    bool british;   /* single marks are the quotations here, double ones nest inside */
    VEC(mention) ments;
    int32_t *ment_at; /* the mention each token belongs to, or -1 (stage 3) */
    VEC(quote) quotes;
    VEC(entity) ents;
    VEC(event) events;
    VEC(bound_site) bound_log; /* WS_INTERNAL_LOG_BOUNDS only */
    VEC(source_site) source_log; /* WS_INTERNAL_LOG_SOURCES only */
    VEC(start_site) start_log;   /* WS_INTERNAL_LOG_STARTS only */
    /* public views, built at the end */
    ws_quote *pub_quotes;
    ws_entity *pub_ents;
    ws_event *pub_events;
};

/* ---- stages, in pipeline order --------------------------------------------- */
ws_status ws_text_decode(ws_doc *d, const char *s, size_t len, ws_error *err);
void ws_text_tokenize(ws_doc *d);
void ws_text_sentences(ws_doc *d);
void ws_quotes_find(ws_doc *d);
void ws_mentions_find(ws_doc *d);
void ws_speakers_attribute(ws_doc *d);
void ws_entities_resolve(ws_doc *d);
void ws_events_find(ws_doc *d);

/* ---- the learned cue model (cuemodel.c) --------------------------------------- */
/* Hashed feature indices (1-based) of word token k; returns how many. */
size_t ws_cue_features(const ws_doc *d, uint32_t k, uint32_t *f, size_t cap);
/* Probability that word token k is the head of a cue. */
double ws_cue_score(const ws_doc *d, uint32_t k);
/* ... and its logit, the weights' sum: ws_cue_score() is 1 / (1 + exp(-it)) */
double ws_cue_logit(const ws_doc *d, uint32_t k);
/* Whether 1 / (1 + exp(-z)) < p, where logit_p is log(p / (1 - p)): exp() is
 * computed only for z near logit_p */
bool ws_cue_below(double z, double p, double logit_p);
/* Pieces shared by the learned models: a hashed feature in [1, dim], and the
 * word and the shape ("name", "pron", "det", "cap", "w", a punctuation mark)
 * of token k, "<none>"/"none" outside the text. */
/* ws_feat_hash(), ws_feat_word(), ws_feat_shape(): in feathash.h, inline
 * because they run for every feature (included at the end of this file) */

/* ---- the learned content-boundary model (boundmodel.c) ---------------------------- */
/* Where reported speech after a cue ends: every candidate end j (content
 * [a, j)) is scored and the best one wins. */
size_t ws_bound_features(const ws_doc *d, const bound_site *s, uint32_t i, uint32_t *f,
                         size_t cap); /* of candidate i, the end s->cand[i] */
double ws_bound_score(const ws_doc *d, const bound_site *s, uint32_t i);
/* ws_bound_score() of every candidate of site s, into z[0 .. s->n) */
void ws_bound_scores(const ws_doc *d, const bound_site *s, double *z);
/* With this internal flag the speakers stage keeps the rules' ends and logs
 * every site in ws_doc.bound_log instead (tools/train_cues.c trains on it). */
#define WS_INTERNAL_LOG_BOUNDS (1u << 30)

/* ---- the learned content-start model (startmodel.c) ------------------------------ */
/* Where reported speech after a cue starts: every candidate start is scored
 * and the best one wins. */
size_t ws_start_features(const ws_doc *d, const start_site *s, uint32_t i, uint32_t *f,
                         size_t cap); /* of candidate i, the start s->cand[i] */
double ws_start_score(const ws_doc *d, const start_site *s, uint32_t i);
/* ws_start_score() of every candidate of site s, into z[0 .. s->n) */
void ws_start_scores(const ws_doc *d, const start_site *s, double *z);
/* The index of the best candidate of site s (ties go to the rules' start). */
uint32_t ws_start_best(const ws_doc *d, const start_site *s);
/* With this internal flag the speakers stage keeps the rules' starts and
 * logs every site in ws_doc.start_log instead. */
#define WS_INTERNAL_LOG_STARTS (1u << 27)

/* ---- the learned attribution filter (quotemodel.c) --------------------------------- */
size_t ws_quote_features(const ws_doc *d, const quote *q, uint32_t *f, size_t cap);
/* Probability that attribution q is one an annotator would mark. */
double ws_quote_score(const ws_doc *d, const quote *q);
/* With this internal flag the speakers stage keeps every attribution and its
 * sieve's confidence (tools/train_cues.c trains the filter on them). */
#define WS_INTERNAL_NO_FILTER (1u << 29)
/* ---- the learned source ranker (sourcemodel.c) ------------------------------------ */
/* The candidates of attribution qi; false when it has none to rank (no cue,
 * or a raising frame). freq: ws_source_freq()'s counts. */
bool ws_source_site(const ws_doc *d, uint32_t qi, const uint8_t *freq, source_site *s);
/* Whether the sieves' source of q needs no second opinion: a quotation beside
 * its cue ("…," said X), or a name or pronoun right before an active cue ("X
 * said"); the sieves are right there 96% of the time (PolNeAR train, a
 * held-out part). */
bool ws_source_settled(const ws_doc *d, const quote *q);
/* The cue's head, its first word that is no auxiliary; whether a be-form
 * before it makes the cue passive ("was asked"). */
uint32_t ws_cue_head(const ws_doc *d, const quote *q);
bool ws_cue_passive(const ws_doc *d, const quote *q, uint32_t h);
/* How often each mention's name occurs in the article (at most 255), in the arena. */
uint8_t *ws_source_freq(ws_doc *d);
size_t ws_source_features(const ws_doc *d, const source_site *s, uint32_t i, uint32_t *f,
                          size_t cap);
double ws_source_score(const ws_doc *d, const source_site *s, uint32_t i);
/* ws_source_score() of every candidate of site s, into z[0 .. s->n): what the
 * candidates share is worked out once */
void ws_source_scores(const ws_doc *d, const source_site *s, double *z);
/* With this internal flag the speakers stage keeps the sieves' sources and
 * every attribution, and logs each one's candidates in ws_doc.source_log. */
#define WS_INTERNAL_LOG_SOURCES (1u << 28)
ws_status ws_analyze_internal(const char *text, size_t len, const ws_options *opts,
                              unsigned internal_flags, ws_doc **out, ws_error *err);

/* ---- lexicon ---------------------------------------------------------------- */
enum lex_class {
    LX_CUE = 1u << 0,        /* reporting verb form: said, told, emphasized */
    LX_CUE_ING = 1u << 1,    /* participle: saying, adding, pointing out */
    LX_HONORIFIC = 1u << 2,  /* Dr. Mr. Ms. Sen. */
    LX_TITLE = 1u << 3,      /* president, minister, secretary, general */
    LX_PRONOUN = 1u << 4,    /* he she they */
    LX_ROLE = 1u << 5,       /* spokesman, official, aide */
    LX_ABBREV = 1u << 6,     /* abbreviation that does not end a sentence */
    LX_CAPSTOP = 1u << 7,    /* capitalised function word: The, In, But */
    LX_MALE = 1u << 8,
    LX_FEMALE = 1u << 9,
    LX_WEEKDAY = 1u << 10,
    LX_MONTH = 1u << 11,
    LX_AUX = 1u << 12,       /* has, had, would, also: may stand between subject and cue */
    LX_ORGWORD = 1u << 13,   /* ministry, department, party, committee */
    LX_DEAD = 1u << 14,      /* late, slain */
    LX_MEET = 1u << 15,      /* met, meeting, talks, received */
    LX_TIMEWORD = 1u << 16,  /* yesterday, today, tonight */
    LX_PLACE = 1u << 17,     /* the first word of a place's name: New, North, San, Lake */
    LX_DET = 1u << 18,       /* the, a, an, this, his, her */
    LX_CUE_NOUN = 1u << 19,  /* statement, interview */
    LX_NOSRC = 1u << 20,     /* never a speaker on its own: it, this, there */
    LX_CUE_WEAK = 1u << 21,  /* a cue only right beside a quotation: read, chanted */
    LX_PREFIX = 1u << 22,    /* first word of a multi-word entry ("according") */
    /* the word lists of the speakers stage */
    LX_WL_CLAUSE = 1u << 23, /* clause words: that, and, which, because */
    LX_WL_PREP = 1u << 24,   /* prepositions: in, on, for, against */
    LX_WL_BOUND = 1u << 25,  /* where reported speech may end: and, but, in, including */
    LX_WL_AUXVERB = 1u << 26, /* is, has, would, should: a clause follows its subject */
    LX_WL_SUBJECT = 1u << 27, /* i, he, she, we, they, you */
    LX_WL_LEAD = 1u << 28,    /* but, now, however: may open a sentence before "according to" */
    LX_DEMONYM = 1u << 29,    /* Greek, Dutch, European: part of a title, never a name alone */
    LX_WL_ASIDE = 1u << 30    /* though, however: a sentence adverb between commas */
};
/* first word of a multi-word cue ("pointed" of "pointed out"), beside
 * LX_PREFIX: the other first words ("has" of "has been") start no cue, and
 * need no look-up of what follows them (a macro: an enumerator is an int) */
#define LX_PHRASE_CUE (1u << 31)
/* The second class word (tok.lex2, 23 bits), set by the same look-up: word
 * lists of single words (tools/lexgen.c names their files) */
enum lex_class2 {
    LX2_FINDING_NOUN = 1u << 0, /* records, polls, filings: "records show" */
    LX2_CATENATIVE = 1u << 1,   /* continued, began: before "to" and a cue */
    LX2_RAISING = 1u << 2,      /* seem, appear: raise their subject */
    LX2_QUESTION = 1u << 3,     /* whether, if, why: open an indirect question */
    LX2_DURATION = 1u << 4,     /* hours, years: "for months" */
    LX2_BE = 1u << 5,           /* was, were, been: a passive's auxiliary */
    LX2_PARTICLE = 1u << 6,     /* for, about, against: joins a cue before it */
    LX2_PARTICLE_UP = 1u << 7,  /* up, off: ... only before content */
    LX2_COLON_SOURCE = 1u << 8, /* poll, report: "Poll: …" speaks for itself */
    LX2_PAGE_LABEL = 1u << 9,   /* correction, update: "Correction: …" leads no one's words */
    LX2_RELATIVE = 1u << 10,    /* which, whom, what: opens a relative clause */
    LX2_NOT_NOUN = 1u << 11,    /* so, such, than: no noun before "that" */
    LX2_HEARSAY = 1u << 12,     /* reportedly, allegedly */
    LX2_POLL = 1u << 13,        /* poll, survey: "in a CNN poll" */
    LX2_POLL_AFTER = 1u << 14,  /* released, of, last: may follow a poll's head */
    LX2_SUBORDINATOR = 1u << 15, /* where, because, although: opens a subordinate clause */
    LX2_SAY_NOUN = 1u << 16,    /* message, argument: "Their argument: …" */
    LX2_FEELING = 1u << 17,     /* convinced, worried: a passive that keeps its subject */
    LX2_IRREGULAR = 1u << 18,   /* said, told, known: participles not in -ed */
    LX2_NAME_PARTICLE = 1u << 19, /* al, bin, van, von: lower case inside a name */
    LX2_ROMAN = 1u << 20,       /* ii, iii, iv: a generational suffix */
    LX2_MEET_NOUN = 1u << 21,   /* meeting, talks: the nouns of LX_MEET */
    LX2_OPENER = 1u << 22       /* when, after, although: opens a sentence's subordinate clause */
};
/* the last class, which tok.lex2 (23 bits) must hold */
_Static_assert(LX2_OPENER < 1u << 23, "tok.lex2 has 23 bits");

/* pow(0.6, k) and pow(0.35, k) for k < WS_POW_TABLE (entities.c) */
#define WS_POW_TABLE 64
extern const double ws_pow06[WS_POW_TABLE];
extern const double ws_pow035[WS_POW_TABLE];

/* A word that makes the content so far a clause rather than a phrase: "said
 * prices rose and wages fell" against "proposed a ban and has gone …" */
static inline bool ws_verb_like(const tok *t)
{
    return t->kind == T_WORD &&
           ((t->lex & (LX_WL_AUXVERB | LX_AUX | LX_WL_SUBJECT | LX_CUE)) ||
            (!(t->flags & F_CAP) && t->len > 3 && t->low[t->len - 2] == 'e' && t->low[t->len - 1] == 'd'));
}

uint32_t ws_lex_word(const char *low, int32_t *cue_lemma);
bool ws_party_label(const tok *t); /* "Democrat", "Republican", "GOP", … (lexicon.c) */
/* The call at k ("called", "rang") has a person for its object and a
 * purpose after it, in the sentence that ends at s1: "called Tomas Marenko
 * to congratulate him", "rang Kerrigan on Saturday night to concede"; a
 * meeting (events.c), not speech (speakers.c) */
bool ws_call_purpose(const ws_doc *d, uint32_t k, uint32_t s1);
bool ws_plural_noun(const tok *t); /* "groups", "backers": no adverb, verb or pronoun (lexicon.c) */
/* The same with the FNV-1a hash of low already computed (text.c) */
#define WS_LEX_HASH_BASIS 2166136261u
#define WS_LEX_HASH_PRIME 16777619u
uint32_t ws_lex_word_hashed(const char *low, uint32_t hash, int32_t *cue_lemma);
/* Longest multi-word entry of class cls starting at token i (returns the
 * number of tokens, 0 if none). Inline for the common one-word case, which
 * needs only the class found when the token was made. */
uint32_t ws_lex_phrase_long(const ws_doc *d, uint32_t i, uint32_t cls, int32_t *cue_lemma);
uint32_t ws_lex_phrase_long2(const ws_doc *d, uint32_t i, uint32_t cls, int32_t *cue_lemma,
                             uint32_t cls2, int32_t *cue_lemma2, uint32_t *len2);
static inline uint32_t ws_lex_phrase(const ws_doc *d, uint32_t i, uint32_t cls, int32_t *cue_lemma)
{
    if (i >= d->toks.n)
        return 0;
    const tok *t0 = &d->toks.v[i];
    if (t0->lex & LX_PREFIX)
        return ws_lex_phrase_long(d, i, cls, cue_lemma);
    if (t0->kind != T_WORD || !(t0->lex & cls))
        return 0;
    if (cue_lemma)
        *cue_lemma = t0->cue_lemma;
    return 1;
}
const char *ws_lex_cue_lemma(int32_t lemma);
/* Groups of cue lemmas that rules treat alike (lexicon/cuegroups.txt) */
enum {
    WS_CG_SPEECH = 1 << 0,   /* report speech or a belief: a content may be theirs */
    WS_CG_FRONTED = 1 << 1,  /* inside a fronted content, keep it for themselves */
    WS_CG_COLON = 1 << 2,    /* introduce unmarked speech after a colon */
    WS_CG_ATTITUDE = 1 << 3  /* may open the second half of an interrupted sentence */
};
/* whether cue lemma `lemma` (a token's cue_lemma; -1 for none) is in group g */
bool ws_lex_cue_group(int32_t lemma, unsigned g);

/* ---- helpers ------------------------------------------------------------------ */
/* Equal strings, compared inline: the words compared are short, and a call
 * to strcmp costs more than the comparison. */
static inline bool ws_streq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}
static inline bool tok_punct(const ws_doc *d, uint32_t i, uint32_t c)
{
    return i < d->toks.n && d->toks.v[i].kind == T_PUNCT && d->cp[d->toks.v[i].start] == c;
}
/* The slot of key in m (hash h), or the empty one where it would go; and
 * ws_map_get_h(), inline: the entities stage looks up every name */
static inline size_t ws_map_slot(const ws_map *m, const char *key, uint32_t h)
{
    size_t i = h & (m->cap - 1);
    while (m->keys[i] && (m->hashes[i] != h || !ws_streq(m->keys[i], key)))
        i = (i + 1) & (m->cap - 1);
    return i;
}
static inline int32_t ws_map_get_h(const ws_map *m, const char *key, uint32_t h)
{
    if (!m->cap)
        return -1;
    size_t i = ws_map_slot(m, key, h);
    return m->keys[i] ? m->vals[i] : -1;
}
bool ws_is_quote_char(uint32_t c);
/* Invisible characters that separate words: the zero-width space, the
 * byte-order mark, and the bidirectional marks that pasted text carries
 * ("\u202a”This is …"); not the joiners U+200C and U+200D, inside words. */
static inline bool ws_invisible_space(uint32_t c)
{
    return c == 0x200B || c == 0xFEFF || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}
bool ws_is_dash(uint32_t c);
char *ws_span_dup(ws_doc *d, uint32_t start, uint32_t end);
/* qsort() that keeps equal elements in their order (as glibc's merge sort
 * does): the arrays sorted are nearly always in order already, and an
 * insertion sort takes them with few calls through a pointer (qsort() the
 * rare one far from it). */
void ws_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* The first token of T[lo, n) that does not lie before code point off: that
 * ends after off (by_end: the token holding off, or the next one) or that
 * starts at or after it (!by_end). Searched near token h, where it is found
 * in fewer steps: strides that double from h bound it, a halving search of
 * what they leave finds it (the answer of a search of all of [lo, n)). */
static inline uint32_t ws_tok_search(const tok *T, uint32_t n, uint32_t lo, size_t h, size_t off,
                                     bool by_end)
{
#define BEFORE(i) (by_end ? T[i].end <= off : T[i].start < off)
    uint32_t hi = n;
    size_t step = 1; /* (wider than a token's index: it never wraps) */
    if (h < lo)
        h = lo;
    if (h > hi)
        h = hi;
    if (h < hi && BEFORE(h)) {
        lo = (uint32_t)h + 1;
        while (lo < hi) {
            uint32_t p = hi - lo > step ? (uint32_t)(lo + step - 1) : hi - 1;
            if (!BEFORE(p)) {
                hi = p;
                break;
            }
            lo = p + 1;
            step *= 2;
        }
    } else {
        hi = (uint32_t)h;
        while (hi > lo) {
            uint32_t p = hi - lo > step ? (uint32_t)(hi - step) : lo;
            if (BEFORE(p)) {
                lo = p + 1;
                break;
            }
            hi = p;
            step *= 2;
        }
    }
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (BEFORE(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
#undef BEFORE
}
void ws_set_error(ws_error *err, ws_status code, const char *fmt, ...);

#include "feathash.h"

/* "Clinton's", "Clinton’s": a possessive ending (the lower case writes ’
 * as ') */
/* A party and state tag written after a name: "R-Ohio", "D-N.M." */
static inline bool tok_party_tag(const tok *t)
{
    return t->kind == T_WORD && (t->flags & F_CAP) && t->len > 3 && (t->low[0] == 'r' || t->low[0] == 'd' ||
                                                                      t->low[0] == 'i') && t->low[1] == '-';
}

static inline bool tok_possessive(const tok *t)
{
    return t->len > 2 && t->low[t->len - 2] == '\'' && t->low[t->len - 1] == 's';
}

/* Token t's lower case is the literal low (its hash worked out at compile
 * time settles nearly every comparison) */
static inline __attribute__((always_inline)) bool low_is(const tok *t, const char *low)
{
    /* after the hash, the length (t->len is strlen(t->low)) and the bytes,
     * compared with the literal's length known at compile time */
    size_t n = strlen(low);
    return t->hash == ws_fnv_name(low) && t->len == n && t->low && memcmp(t->low, low, n) == 0;
}

/* Token i's lower case is the literal low: its hash (worked out at compile
 * time) settles nearly every comparison, the string the rest. */
static inline __attribute__((always_inline)) bool tok_is(const ws_doc *d, uint32_t i, const char *low)
{
    return i < d->toks.n && low_is(&d->toks.v[i], low);
}

/* A document's participle before "by" and who holds it: "a copy seen by
 * Bridgemark", "emails reviewed by the Post show" (mentions.c: the holder is
 * a publication, not someone "documents released by X" names; speakers.c:
 * the document speaks, "released" and the others too) */
static inline bool tok_held_participle(const tok *t)
{
    return low_is(t, "seen") || low_is(t, "obtained") || low_is(t, "reviewed");
}

#endif
