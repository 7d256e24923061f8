/* Stage 4: attribution - link each cue to its source mention and its
 * content, as precision-ordered sieves (after Muzny et al. 2017):
 *
 *   1. quote-adjacent cues: "…," said X / "…," X said / X said: "…"
 *   2. indirect speech around the remaining cues: X said (that) …; …, X said;
 *      according to X, …; Pointing out that …, X said; X stated: … (colon)
 *   3. left-over quotes: an interrupted or continued quote joins the
 *      attribution before it; a quoted paragraph with no cue inherits the
 *      previous paragraph's speaker ("floating" quotes)
 *
 * Every decision looks at a bounded window of tokens, so the stage is linear
 * in the length of the article. */
#include "internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <math.h>

#include <stdlib.h>

#define MAX_NP 10      /* longest source phrase, in tokens */
#define MAX_GAP 6      /* tokens allowed between a quote and its cue */
#define CUE_THRESHOLD 0.5 /* probability above which the learned model adds a cue */
#define CUE_VETO 0.05     /* and below which it removes a lexicon cue */
#define CUE_THRESHOLD_LOGIT 0.0               /* log(p / (1 - p)) of each */
#define CUE_VETO_LOGIT (-2.9444389791664403)
#define QUOTE_KEEP 0.3     /* probability below which the learned filter drops an attribution */
#define SOURCE_MARGIN 0.5  /* how much more the learned ranker must like another source */
#define MAX_REACH 80   /* how far a cue looks back for its sentence's subject */
#define MAX_CONTENT 400 /* longest reported content, in tokens: keeps each cue's
                          work bounded, so a sentence of a million cues stays linear */

typedef struct ctx {
    ws_doc *d;
    tok *T;
    uint32_t n;
    int32_t *ment_at;  /* mention index of each token, or -1 */
    uint8_t *used;     /* token already inside an attribution's content */
    uint8_t *cue_len;  /* tokens of the cue phrase starting at each token, or 0 */
    uint8_t *weak;     /* the cue there counts only beside a quotation */
    uint8_t *learned;  /* the cue there comes from the learned model, not the lexicon */
    bool outer_pass;   /* sieve_indirect's first pass: sentence-final attributions only */
    uint32_t *cues;    /* the tokens where cue_len is set, in order: the sieves that */
    uint32_t ncues;    /* start from every cue read these, not every token */
    uint32_t *cue_comma; /* for each of those: 1 + the last comma before it, 0 if none */
    uint32_t *colons;  /* the tokens that are a colon, in order (sieve_colon_noun) */
    uint32_t ncolons;
    uint32_t *hearsay; /* the words sieve_hearsay() starts from, in order */
    uint32_t nhearsay;
    uint32_t *ins;     /* the words "in" (sieve_poll), in order */
    uint32_t nins;
} ctx;

/* The clause words, prepositions and boundary words are lexicon classes
 * (lexicon/clausewords.txt, prepositions.txt, boundwords.txt): the tokenizer
 * finds them with every word's look-up. */


static bool in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if ((*list)[0] == w[0] && ws_streq(w, *list))
            return true;
    return false;
}

/* So are the stage's other word lists (LX2_* in internal.h, one file each
 * in lexicon/): finding nouns ("records show"), catenatives ("continued to
 * say"), raising verbs ("seems to"), question words, particles, forms of
 * "be", the words of polls and page labels, feelings, irregular participles.
 * The lists that stay here are of cue lemmas (not of a token's form) or of
 * a word's beginning (to_verb()). */

static inline bool is_boundary(const ctx *c, uint32_t k)
{
    const tok *t = &c->T[k];
    if (t->kind == T_QUOTE)
        return true;
    if (t->kind == T_PUNCT) {
        uint32_t ch = c->d->cp[t->start];
        return !(ch == '-' || ch == 0x2010 || ch == '&' || ch == '\'' || ch == '(' || ch == ')');
    }
    return t->kind == T_WORD && !(t->flags & F_CAP) && (c->T[k].lex & LX_WL_CLAUSE);
}

static bool is_cue(const tok *t) { return (t->lex & (LX_CUE | LX_CUE_ING)) != 0; }

/* A comma at token e, then "a", "an" or "the" before hi: a phrase set off
 * after the clause ("…, a move that …", "…, a swipe at his rivals."). */
static bool comma_article(const ctx *c, uint32_t e, uint32_t hi)
{
    return e + 1 < hi && tok_punct(c->d, e, ',') &&
           (tok_is(c->d, e + 1, "a") || tok_is(c->d, e + 1, "an") || tok_is(c->d, e + 1, "the"));
}

/* A word in -ly, longer than four letters: an adverb, mostly ("repeatedly",
 * "later"; "rally" and "family" are too short or checked by the caller). */
static inline bool ends_ly(const tok *t) { return t->len > 4 && ws_streq(t->low + t->len - 2, "ly"); }

/* An adverb that may stand between "and" and a coordinated cue: "and then
 * told", "and also said", "and repeatedly said". */
static bool cue_adverb(const ctx *c, uint32_t k)
{
    const tok *t = &c->T[k];
    return t->kind == T_WORD && !(t->flags & F_CAP) &&
           (low_is(t, "then") || low_is(t, "also") || ends_ly(t));
}

/* The cue phrase at token k: its length, 0 when none. */
static uint32_t cue_at(const ctx *c, uint32_t k) { return c->cue_len[k]; }

static bool sent_end_punct(const ctx *c, uint32_t k)
{
    return c->T[k].kind == T_PUNCT &&
           (c->d->cp[c->T[k].start] == '.' || c->d->cp[c->T[k].start] == '!' ||
            c->d->cp[c->T[k].start] == '?' || c->d->cp[c->T[k].start] == ';');
}

/* Time and manner words between a subject and its cue, or after a cue:
 * "on Tuesday", "last week", "in a statement". Returns tokens skipped going
 * left from k (inclusive). */
/* Token k ends a verb of continuing or starting that takes "to" and a cue:
 * "continued", "began", or the "on" of "went on" */
static bool catenative_at(const ctx *c, uint32_t k)
{
    const tok *v = &c->T[k];
    if (v->kind != T_WORD || (v->flags & F_CAP))
        return false;
    if (v->lex2 & LX2_CATENATIVE)
        return true;
    return low_is(v, "on") && k > 0 &&
           (tok_is(c->d, k - 1, "went") || tok_is(c->d, k - 1, "goes") ||
            tok_is(c->d, k - 1, "go") || tok_is(c->d, k - 1, "going"));
}

/* "week", "month", "year": a unit of the calendar in the singular */
static inline bool calendar_unit(const ctx *c, uint32_t k)
{
    return tok_is(c->d, k, "week") || tok_is(c->d, k, "month") || tok_is(c->d, k, "year");
}

static inline uint32_t skip_adjuncts_left(const ctx *c, uint32_t k, uint32_t lo)
{
    uint32_t j = k + 1;
    /* "Trump avoids condemning …", "kept saying": a verb of continuing,
     * starting or avoiding before a participle cue */
    if (j > lo + 1 && j < c->n && (c->T[j].lex & LX_CUE_ING) && catenative_at(c, j - 1) &&
        !low_is(&c->T[j - 1], "on"))
        j--;
    while (j > lo) {
        const tok *t = &c->T[j - 1];
        /* "who in 2010 said": a year */
        if (t->kind == T_NUM && t->len == 4 && (t->low[0] == '1' || t->low[0] == '2') &&
            j > lo + 1 && tok_is(c->d, j - 2, "in")) {
            j -= 2;
            continue;
        }
        if (t->kind != T_WORD)
            break;
        /* "may" is an auxiliary, "Theresa May" a name */
        if ((t->lex & LX_AUX && !((t->flags & F_CAP) && c->ment_at[j - 1] >= 0)) ||
            (!(t->flags & F_CAP) && ends_ly(t) &&
                                !(t->lex & (LX_ROLE | LX_TITLE)) &&
                                /* "a rally", "his family": a noun */
                                !(j > lo + 1 && (c->T[j - 2].lex & LX_DET)))) {
            j--;
            continue;
        }
        /* "continued to insist", "went on to criticize", "began to argue":
         * a verb of continuing or starting and its "to" before the cue
         * (PolNeAR train marks them into the cue: "continued to" 87 times) */
        if (low_is(t, "to") && j > lo + 1 && c->T[j - 2].kind == T_WORD &&
            !(c->T[j - 2].flags & F_CAP)) {
            if (catenative_at(c, j - 2)) {
                j -= low_is(&c->T[j - 2], "on") ? 3 : 2;
                continue;
            }
        }
        /* "X was quoted as saying": the passive before the participle */
        if (low_is(t, "as") && j > lo + 1 && tok_is(c->d, j - 2, "quoted") && j < c->n &&
            (c->T[j].lex & LX_CUE_ING)) {
            j -= 2;
            continue;
        }
        /* "it now says", "the senator also said", "he still insists": a
         * sentence adverb between the subject and the cue */
        if (!(t->flags & F_CAP) && (low_is(t, "now") || low_is(t, "also") || low_is(t, "still") ||
                                    low_is(t, "again") || low_is(t, "often") || low_is(t, "already") ||
                                    low_is(t, "then") || low_is(t, "later"))) {
            j--;
            continue;
        }
        /* "The State Department less than two weeks ago said": a span of
         * time back from now, its count and what qualifies it */
        if (low_is(t, "ago") && j > lo + 2 && c->T[j - 2].kind == T_WORD &&
            ((c->T[j - 2].lex2 & LX2_DURATION) || calendar_unit(c, j - 2) || tok_is(c->d, j - 2, "day"))) {
            uint32_t x = j - 2;
            if (x > lo + 1 && (c->T[x - 1].kind == T_NUM || tok_is(c->d, x - 1, "a") || tok_is(c->d, x - 1, "few") ||
                               tok_is(c->d, x - 1, "several") || tok_is(c->d, x - 1, "two") ||
                               tok_is(c->d, x - 1, "three") || tok_is(c->d, x - 1, "many")))
                x--;
            if (x > lo + 1 && tok_is(c->d, x - 1, "a") && tok_is(c->d, x, "few"))
                x--;
            if (x > lo + 2 && tok_is(c->d, x - 1, "than") &&
                (tok_is(c->d, x - 2, "less") || tok_is(c->d, x - 2, "more")))
                x -= 2;
            else if (x > lo + 1 && (tok_is(c->d, x - 1, "just") || tok_is(c->d, x - 1, "about") ||
                                    tok_is(c->d, x - 1, "nearly") || tok_is(c->d, x - 1, "some")))
                x--;
            if (x > lo) {
                j = x;
                continue;
            }
        }
        /* "who last year threatened", "which this month said" */
        if (j > lo + 1 && calendar_unit(c, j - 1) &&
            (tok_is(c->d, j - 2, "last") || tok_is(c->d, j - 2, "this") || tok_is(c->d, j - 2, "earlier"))) {
            j -= 2;
            if (j > lo && tok_is(c->d, j - 1, "earlier") && tok_is(c->d, j, "this"))
                j--;
            continue;
        }
        if (t->lex & (LX_WEEKDAY | LX_TIMEWORD)) {
            j--;
            if (j > lo && (tok_is(c->d, j - 1, "on") || tok_is(c->d, j - 1, "last") ||
                           tok_is(c->d, j - 1, "this") || tok_is(c->d, j - 1, "early") ||
                           tok_is(c->d, j - 1, "late")))
                j--;
            continue;
        }
        break;
    }
    return j; /* first skipped token, or k + 1 when none */
}

typedef struct np {
    uint32_t t0, t1;   /* the phrase as reported */
    int32_t head;      /* person mention index or -1 */
} np;

/* A preposition of place between the head word at a and token e, with no
 * mention before it: "Medics on the Dravonian side", "Rebels in X" */
static __attribute__((noinline)) bool placed_after(const ctx *c, uint32_t a, uint32_t e)
{
    for (uint32_t k = a + 1; k < e && k < a + 4; k++) {
        if (c->ment_at[k] >= 0)
            return false;
        const tok *t = &c->T[k];
        if (t->kind == T_WORD && !(t->flags & F_CAP) &&
            (low_is(t, "in") || low_is(t, "on") || low_is(t, "at") ||
             low_is(t, "across") || low_is(t, "near") || low_is(t, "outside") || low_is(t, "around") ||
             low_is(t, "throughout")))
            return true;
        /* ("People close to Senator X", "officials loyal to X": those
         * around X, not X) */
        if (t->kind == T_WORD && low_is(t, "to") &&
            (low_is(&c->T[k - 1], "close") || low_is(&c->T[k - 1], "closest") || low_is(&c->T[k - 1], "loyal")))
            return true;
    }
    return false;
}

/* The name a speaker gave in the relative clause from k (after "who"):
 * "gave her name as Leila", "identified himself only as Abu Selim", "asked
 * to be identified only as Maria": its mention, or -1 ("would only give her
 * first name, Amira," is an apposition, which np_left() takes itself) */
static __attribute__((noinline)) int32_t given_name(const ctx *c, uint32_t k, uint32_t e)
{
    uint32_t j = k;
    while (j < e && j < k + 6 && c->T[j].kind == T_WORD && !low_is(&c->T[j], "as") &&
           !low_is(&c->T[j], "name") && !low_is(&c->T[j], "names"))
        j++;
    if (j >= e || c->T[j].kind != T_WORD)
        return -1;
    bool named = false;
    for (uint32_t x = k; x < j; x++)
        named = named || low_is(&c->T[x], "gave") || low_is(&c->T[x], "give") || low_is(&c->T[x], "gives") ||
                low_is(&c->T[x], "identified") || low_is(&c->T[x], "identify") ||
                low_is(&c->T[x], "named");
    if (!named)
        return -1;
    if (low_is(&c->T[j], "name") || low_is(&c->T[j], "names"))
        j++;
    if (j < e && (tok_is(c->d, j, "as") || tok_punct(c->d, j, ',')))
        j++;
    if (j < e && tok_is(c->d, j, "only") && j + 1 < e && tok_is(c->d, j + 1, "as"))
        j += 2;
    int32_t m = j < e ? c->ment_at[j] : -1;
    return m >= 0 && c->d->ments.v[m].t0 == j && c->d->ments.v[m].kind == M_NAME && c->d->ments.v[m].t1 <= e
               ? m
               : -1;
}

/* The head of a source phrase: its first person mention that is not a
 * possessive modifier, or else its first mention of any kind. */
static inline int32_t head_mention(const ctx *c, uint32_t a, uint32_t b)
{
    /* "Kestrian customs data", "Interior Ministry figures": a record speaks,
     * its owner's name before it is no head */
    /* (a simple phrase: not "Donald Trump, the leader in Republican polls") */
    if (b > a + 1 && b < a + 6 && (c->T[b - 1].lex2 & LX2_FINDING_NOUN) && c->ment_at[b - 1] < 0 &&
        !(c->T[b - 1].flags & F_CAP)) {
        bool simple = true;
        for (uint32_t k = a; k + 1 < b && simple; k++)
            simple = c->T[k].kind == T_WORD && !(c->T[k].lex & (LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX));
        if (simple)
            return -1;
    }
    int32_t any = -1;
    for (uint32_t k = a; k < b; k++) {
        int32_t m = c->ment_at[k];
        if (m < 0)
            continue;
        const mention *M = &c->d->ments.v[m];
        const tok *last = &c->T[M->t1 - 1];
        size_t l = last->len;
        bool poss = l > 2 && last->low[l - 2] == '\'' && last->low[l - 1] == 's';
        if (M->t1 > b)
            continue;
        /* a name that qualifies a noun is not the head: "Labour leader
         * Jeremy Corbyn", "Apple chief Tim Cook", "the Labour leader",
         * "Democratic presidential candidate Bernie Sanders" (up to three
         * lower-case words between) */
        uint32_t e = M->t1, j = e;
        /* (and its abbreviation in brackets: "Jan Adhikar Dal (JAD) leader
         * Mohan Lal Dhillon") */
        if ((M->kind == M_ORG || M->kind == M_NAME) && e + 3 < b && tok_punct(c->d, e, '(') &&
            c->T[e + 1].kind == T_WORD && (c->T[e + 1].flags & F_ALLCAP) && tok_punct(c->d, e + 2, ')'))
            e = j = e + 3;
        /* "The Assembly of Nations Secretary-General Tomas Ekwueme": a
         * body's name and "of" run into the title of the person named */
        if (M->kind == M_ORG && e + 1 < b && tok_is(c->d, e, "of") && c->ment_at[e + 1] >= 0 &&
            c->d->ments.v[c->ment_at[e + 1]].t0 == e + 1 && c->d->ments.v[c->ment_at[e + 1]].t1 <= b &&
            c->d->ments.v[c->ment_at[e + 1]].kind == M_NAME && c->d->ments.v[c->ment_at[e + 1]].title) {
            k = e;
            continue;
        }
        /* (a title too: "Chief executive Goh Wei Ming") */
        if (M->kind == M_NAME || M->kind == M_ORG || M->kind == M_TITLE)
            /* (and a number: "Teamsters Local 42 president X") */
            /* (and a title's own "of": "Dresnian army chief of staff
             * General X") */
            while (j < b && j < e + 5 && (c->T[j].kind == T_WORD || (c->T[j].kind == T_NUM && j == e)) &&
                   !(c->T[j].flags & F_CAP) &&
                   (!(c->T[j].lex & (LX_WL_CLAUSE | LX_WL_PREP)) ||
                    (low_is(&c->T[j], "of") && j > e && (c->T[j - 1].lex & (LX_TITLE | LX_ROLE)))) &&
                   /* ("chief" is a determiner too: "Westpac chief economist X") */
                   (!(c->T[j].lex & LX_DET) || (c->T[j].lex & (LX_TITLE | LX_ROLE))))
                j++;
        if (j > e &&
            ((j < b && c->ment_at[j] >= 0 && c->d->ments.v[c->ment_at[j]].kind == M_NAME &&
              c->d->ments.v[c->ment_at[j]].t1 <= b) ||
             /* "Human rights groups", "Trump allies": a plural after a
              * name is the head, and speaks for no one person */
             (j == b && M->kind == M_NAME && ws_plural_noun(&c->T[b - 1]) &&
              !(c->T[b - 1].lex & (LX_TITLE | LX_PRONOUN))) ||
             (j == b && M->t0 > a && (c->T[M->t0 - 1].lex & LX_DET) &&
              (c->T[j - 1].lex & (LX_TITLE | LX_ROLE))))) {
            k = e - 1;
            continue;
        }
        /* "Leader of the Opposition Kavita Sahasrabuddhe": a title's "of"
         * phrase, then the name it is the title of */
        if (M->kind == M_TITLE && M->t1 + 2 < b && (tok_is(c->d, M->t1, "of") || tok_is(c->d, M->t1, "for"))) {
            uint32_t x = M->t1 + 1;
            while (x < b && x < M->t1 + 6 && c->ment_at[x] < 0 && c->T[x].kind == T_WORD &&
                   ((c->T[x].flags & F_CAP) || tok_is(c->d, x, "the") || tok_is(c->d, x, "and")))
                x++;
            if (x < b && c->ment_at[x] >= 0 && c->d->ments.v[c->ment_at[x]].kind == M_NAME &&
                c->d->ments.v[c->ment_at[x]].t0 == x && c->d->ments.v[c->ment_at[x]].t1 == b) {
                k = x - 1;
                continue;
            }
        }
        /* "Rebels in eastern Tarquinia", "Parents in the provincial
         * capital, Marn,": a place after the head's preposition is where the
         * speakers are, not one of them */
        if (M->kind == M_NAME && M->t0 > a + 1 && c->ment_at[a] < 0 && placed_after(c, a, M->t0)) {
            k = M->t1 - 1;
            continue;
        }
        if (!poss && (M->kind == M_NAME || M->kind == M_TITLE || M->kind == M_PRONOUN))
            return m;
        if (any < 0 && !poss)
            any = m;
        k = M->t1 - 1;
    }
    return any;
}


static inline bool np_ok(const ctx *c, uint32_t a, uint32_t b)
{
    if (b <= a || b - a > 2 * MAX_NP) /* a name and its apposition at most */
        return false;
    /* a subject does not start with a preposition: "in sharp contrast to …" */
    if (c->T[a].kind == T_WORD && !(c->T[a].flags & F_CAP) && (c->T[a].lex & LX_WL_PREP))
        return false;
    /* a phrase made only of function words is not a speaker */
    for (uint32_t k = a; k < b; k++) {
        const tok *t = &c->T[k];
        if (t->kind != T_WORD)
            continue;
        if (c->ment_at[k] >= 0)
            return true;
        if (t->lex & (LX_ROLE | LX_TITLE | LX_ORGWORD))
            return true;
        if (t->flags & F_CAP && !(t->lex & LX_CAPSTOP))
            return true;
    }
    /* "47% say", "one in four said", "some 22 percent said": a share of
     * people; not a sum of money ("a $2 billion plan to …") */
    bool share = false;
    for (uint32_t k = a; k < b; k++) {
        if (tok_punct(c->d, k, '$') || tok_is(c->d, k, "billion") || tok_is(c->d, k, "million") ||
            tok_is(c->d, k, "trillion"))
            return false;
        share |= c->T[k].kind == T_NUM || tok_is(c->d, k, "percent") || tok_is(c->d, k, "%");
    }
    if (share)
        return true;
    /* "It added": a company or a report; "records show", "unofficial
     * election results" (adjectives and nouns before the finding noun) */
    if (b == a + 1 && tok_is(c->d, a, "it"))
        return true;
    if ((c->T[b - 1].lex2 & LX2_FINDING_NOUN) && b <= a + 5) {
        bool plain = true;
        /* ("complete but unofficial returns": adjectives joined) */
        for (uint32_t k = a; k + 1 < b && plain; k++)
            plain = c->T[k].kind == T_WORD && ((k > a && (low_is(&c->T[k], "but") || low_is(&c->T[k], "and"))) ||
                                               !(c->T[k].lex & (LX_WL_SUBJECT | LX_PRONOUN | LX_AUX | LX_CUE |
                                                                LX_CUE_ING | LX_WL_CLAUSE | LX_WL_PREP)));
        if (plain)
            return true;
    }
    /* "inspectors said", "health inspectors warned": a bare plural of
     * people, a word or two before it */
    if (b <= a + 3 && ws_plural_noun(&c->T[b - 1])) {
        bool plain = true;
        for (uint32_t k = a; k + 1 < b && plain; k++)
            plain = c->T[k].kind == T_WORD && !(c->T[k].flags & F_CAP) &&
                    !(c->T[k].lex & (LX_WL_SUBJECT | LX_PRONOUN | LX_AUX | LX_CUE | LX_CUE_ING |
                                     LX_WL_CLAUSE | LX_WL_PREP | LX_DET));
        if (plain)
            return true;
    }
    /* "…; one suggested", "Another said", "most would agree": a word of
     * quantity alone, as annotators mark it (PolNeAR train: some 34, many
     * 25, others 25, one 13, both 13, another 12, most 7) */
    if (b == a + 1 && c->T[a].kind == T_WORD &&
        (low_is(&c->T[a], "one") || low_is(&c->T[a], "another") || low_is(&c->T[a], "others") ||
         low_is(&c->T[a], "some") || low_is(&c->T[a], "many") || low_is(&c->T[a], "most") ||
         low_is(&c->T[a], "both") || low_is(&c->T[a], "several")))
        return true;
    /* "one owner of a shop", "the statement": a determiner and a noun */
    return (c->T[a].lex & LX_DET) && !(c->T[a].lex & LX_NOSRC && b == a + 1) && b > a + 1 &&
           c->T[a + 1].kind == T_WORD;
}

/* A lower-case word in -ed that is no title, role or mention. */
static inline bool past_word(const ctx *c, uint32_t k)
{
    const tok *t = &c->T[k];
    return t->kind == T_WORD && !(t->flags & F_CAP) && t->len > 4 && c->ment_at[k] < 0 &&
           ws_streq(t->low + t->len - 2, "ed") && !(t->lex & (LX_ROLE | LX_TITLE | LX_DET));
}

/* A subject with no name at token j, before token k: a determiner, a few
 * words and a title or role ("the Republican nominee", "the mayor"), which
 * a verb follows. */
static bool role_subject(const ctx *c, uint32_t j, uint32_t k, np *out)
{
    if (j >= k || !(c->T[j].lex & LX_DET) || (c->T[j].lex & LX_NOSRC))
        return false;
    uint32_t e = j + 1;
    while (e < k && e < j + 6 && c->T[e].kind == T_WORD && c->ment_at[e] < 0 &&
           !(c->T[e].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_PREP | LX_WL_CLAUSE)) && !past_word(c, e))
        e++;
    if (e == j + 1 || e >= k || !(c->T[e - 1].lex & (LX_ROLE | LX_TITLE)))
        return false;
    *out = (np){j, e, -1};
    return true;
}

/* [s, e) is an adjective, a title and a name: "retired general Lloyd
 * Newton", "retired Air Force general X", "embattled Gov. X". */
static bool titled_name(const ctx *c, uint32_t s, uint32_t e)
{
    if (e < s + 3 || c->ment_at[e - 1] < 0 || c->d->ments.v[c->ment_at[e - 1]].kind != M_NAME)
        return false;
    for (uint32_t j = s + 1; j < e - 1 && j <= s + 4; j++) {
        if (c->T[j].kind != T_WORD)
            return false;
        if (c->T[j].lex & (LX_ROLE | LX_TITLE | LX_HONORIFIC))
            return true;
        if (!(c->T[j].flags & F_CAP))
            return false;
    }
    return false;
}

/* Where a parenthesis that closes just before e opens ("(R-Fla.)"), when
 * it opens within reach tokens and after lo; else e. */
static uint32_t paren_start(const ctx *c, uint32_t e, uint32_t lo, uint32_t reach)
{
    if (e <= lo + 1 || !tok_punct(c->d, e - 1, ')'))
        return e;
    uint32_t p = e - 1;
    while (p > lo && e - p < reach && !tok_punct(c->d, p, '('))
        p--;
    return tok_punct(c->d, p, '(') && p > lo ? p : e;
}

/* A subject phrase as np_left() finds it: tokens [s, e), none before lo */
typedef struct subj {
    uint32_t lo, s, e;
    uint32_t tag_end;  /* the end past a party tag ("Sen. Rand Paul, R-Ky., told"), or 0 */
    bool closed_appos; /* a comma before the cue closes it ("X, a former aide, said") */
    bool coordinated;  /* two speakers joined by "and": the quote resolves to neither */
    bool relative;     /* it holds a relative clause ("The union, which represents …,") */
} subj;

/* "a message that said", "Dr. Natarajan, who argues": the subject before e
 * is a relative pronoun */
static bool relative_pronoun_subject(const ctx *c, uint32_t e, uint32_t lo, np *out)
{
    /* "a message that said", "bottles which read": the relative pronoun */
    if (e > lo && (tok_is(c->d, e - 1, "that") || tok_is(c->d, e - 1, "which")) && e - 1 > lo &&
        c->T[e - 2].kind == T_WORD && !(c->T[e - 2].lex & (LX_CUE | LX_CUE_ING)) &&
        (c->T[e - 2].lex & (LX_ROLE | LX_ORGWORD | LX_CUE_NOUN) || c->ment_at[e - 2] >= 0 ||
         c->T[e - 2].len > 3)) {
        out->t0 = e - 1;
        out->t1 = e;
        out->head = -1;
        return true;
    }
    /* "the board, which is expected to rule": the relative pronoun too */
    if (e > lo + 2 && tok_is(c->d, e - 1, "which") && tok_punct(c->d, e - 2, ',')) {
        out->t0 = e - 1;
        out->t1 = e;
        out->head = -1;
        return true;
    }
    /* "Dr. Natarajan, who argues that …": annotators mark the relative
     * pronoun alone (PolNeAR train: "who" 362 times, "X, who" never); the
     * name before it is the head ("Senator X of Vermont, who": X) */
    /* (after an age: "Trevor Lindahl, 34, who …") */
    uint32_t ne = e - 2;
    /* (or a party tag: "Rep. Tom Baker, R-Ohio, who …") */
    if (e > lo + 4 && tok_is(c->d, e - 1, "who") && tok_punct(c->d, e - 2, ',') &&
        (c->T[e - 3].kind == T_NUM || tok_party_tag(&c->T[e - 3])) &&
        tok_punct(c->d, e - 4, ',') && c->ment_at[e - 5] >= 0 && c->d->ments.v[c->ment_at[e - 5]].kind == M_NAME)
        ne = e - 4;
    /* (or a parenthesis: "Sen. Claire McCaskill (D-Mo.), who …") */
    else if (e > lo + 3 && tok_punct(c->d, e - 2, ','))
        ne = paren_start(c, e - 2, lo, 10);
    /* (or where the person is from: "Gail Sorensen, 55, of the Maple
     * Terrace neighborhood, who …") */
    if (ne == e - 2 && e > lo + 5 && tok_is(c->d, e - 1, "who") && c->ment_at[e - 3] < 0) {
        uint32_t x = e - 3;
        while (x > lo + 2 && e - x < 12 && c->T[x].kind == T_WORD && !tok_is(c->d, x, "of") && !tok_is(c->d, x, "from"))
            x--;
        if ((tok_is(c->d, x, "of") || tok_is(c->d, x, "from")) && tok_punct(c->d, x - 1, ',')) {
            uint32_t y = x - 1;
            if (y > lo + 2 && c->T[y - 1].kind == T_NUM && tok_punct(c->d, y - 2, ','))
                y -= 2;
            if (c->ment_at[y - 1] >= 0 && c->d->ments.v[c->ment_at[y - 1]].kind == M_NAME &&
                c->d->ments.v[c->ment_at[y - 1]].t1 == y)
                ne = y;
        }
    }
    if (e > lo + 2 && tok_is(c->d, e - 1, "who") && tok_punct(c->d, e - 2, ',') && c->ment_at[ne - 1] >= 0) {
        int32_t h = c->ment_at[ne - 1];
        uint32_t h0 = c->d->ments.v[h].t0;
        if (h0 > lo + 1 && tok_is(c->d, h0 - 1, "of") && c->ment_at[h0 - 2] >= 0 &&
            c->d->ments.v[c->ment_at[h0 - 2]].kind == M_NAME)
            h = c->ment_at[h0 - 2];
        /* "Ahmed Saleh, head of the Red Crescent, who said": "who" is a
         * person's, the name before the apposition that ends in the body */
        if (c->d->ments.v[h].kind == M_ORG) {
            uint32_t x = h0;
            while (x > lo + 1 && h0 - x < 7 && c->T[x - 1].kind == T_WORD && !(c->T[x - 1].flags & F_CAP))
                x--;
            int32_t nm = x > lo + 1 && x < h0 && tok_punct(c->d, x - 1, ',') ? c->ment_at[x - 2] : -1;
            if (nm >= 0 && c->d->ments.v[nm].kind == M_NAME && c->d->ments.v[nm].t1 == x - 1)
                h = nm;
        }
        out->t0 = e - 1;
        out->t1 = e;
        out->head = h;
        return true;
    }
    return false;
}

/* Where the subject ends, before an aside between it and the cue at e
 * ("Greer — the lawyer's brother — told", "Murphy, though, said",
 * "Ferreira, for his part, called") */
static uint32_t end_before_aside(const ctx *c, uint32_t e, uint32_t lo)
{
    /* "Arthur Greer — the lawyer's brother — told": an aside between
     * dashes after a person's name */
    if (e > lo + 3 && c->T[e - 1].kind == T_PUNCT && ws_is_dash(c->d->cp[c->T[e - 1].start])) {
        for (uint32_t x = e - 2; x > lo + 1 && x + 12 > e; x--) {
            if (c->T[x].kind != T_PUNCT)
                continue;
            int32_t m = ws_is_dash(c->d->cp[c->T[x].start]) ? c->ment_at[x - 1] : -1;
            if (m >= 0 && c->d->ments.v[m].kind != M_ORG && c->d->ments.v[m].t1 == x)
                e = x;
            break;
        }
    }
    /* "The campaign had, earlier Tuesday, sent": an adjunct between an
     * auxiliary and its verb */
    if (e > lo + 4 && tok_punct(c->d, e - 1, ',')) {
        uint32_t x = e - 2;
        while (x > lo + 1 && e - x < 7 && c->T[x].kind != T_PUNCT && c->T[x].kind != T_QUOTE)
            x--;
        if (x > lo + 1 && x + 2 < e && tok_punct(c->d, x, ',') && c->T[x - 1].kind == T_WORD &&
            (c->T[x - 1].lex & LX_AUX) && !(c->T[x - 1].flags & F_CAP))
            return skip_adjuncts_left(c, x - 1, lo);
    }
    /* "Tri-Star Builders, in a statement, denied": the medium between
     * commas */
    if (e > lo + 4 && tok_punct(c->d, e - 1, ',')) {
        uint32_t x = e - 2;
        while (x > lo + 2 && e - x < 6 && c->T[x].kind == T_WORD && !(c->T[x].flags & F_CAP) &&
               !tok_is(c->d, x, "in"))
            x--;
        if (tok_is(c->d, x, "in") && tok_punct(c->d, x - 1, ',') && x + 2 < e &&
            (tok_is(c->d, x + 1, "a") || tok_is(c->d, x + 1, "an") || tok_is(c->d, x + 1, "its") ||
             tok_is(c->d, x + 1, "his") || tok_is(c->d, x + 1, "her") || tok_is(c->d, x + 1, "their")) &&
            (tok_is(c->d, e - 2, "statement") || tok_is(c->d, e - 2, "interview") || tok_is(c->d, e - 2, "letter") ||
             tok_is(c->d, e - 2, "email") || tok_is(c->d, e - 2, "release") || tok_is(c->d, e - 2, "post") ||
             tok_is(c->d, e - 2, "speech") || tok_is(c->d, e - 2, "tweet") || tok_is(c->d, e - 2, "filing")))
            return x - 1;
    }
    /* "His critics, many of them conservative Catholics, argue": a part of
     * the subject in apposition */
    if (e > lo + 5 && tok_punct(c->d, e - 1, ',')) {
        uint32_t x = e - 2;
        while (x > lo + 2 && e - x < 10 && c->T[x].kind == T_WORD && !tok_is(c->d, x, "of"))
            x--;
        if (tok_is(c->d, x, "of") && x + 1 < e && (tok_is(c->d, x + 1, "them") || tok_is(c->d, x + 1, "whom")) &&
            tok_punct(c->d, x - 2, ',') &&
            (tok_is(c->d, x - 1, "many") || tok_is(c->d, x - 1, "most") || tok_is(c->d, x - 1, "some") ||
             tok_is(c->d, x - 1, "all") || tok_is(c->d, x - 1, "several") || tok_is(c->d, x - 1, "both") ||
             c->T[x - 1].kind == T_NUM))
            return x - 2;
    }
    /* "Murphy, though, said": a sentence adverb between commas */
    if (e > lo + 3 && tok_punct(c->d, e - 1, ',') && tok_punct(c->d, e - 3, ',') &&
        c->T[e - 2].kind == T_WORD && (c->T[e - 2].lex & LX_WL_ASIDE))
        e -= 3;
    /* "Ferreira, for his part, called" */
    else if (e > lo + 5 && tok_punct(c->d, e - 1, ',') && tok_is(c->d, e - 2, "part") &&
             tok_is(c->d, e - 4, "for") && tok_punct(c->d, e - 5, ','))
        e -= 5;
    /* "The Chancellor, Friedrich Albers, for his part said": the comma
     * before it closes the speaker's apposition */
    else if (e > lo + 4 && tok_is(c->d, e - 1, "part") && tok_is(c->d, e - 3, "for") &&
             tok_punct(c->d, e - 4, ','))
        e -= 3;
    return e;
}

/* Where the subject ends, before the comma that closes an apposition or an
 * adjunct after it, a parenthesis or an age */
static void end_before_apposition(const ctx *c, subj *st)
{
    uint32_t lo = st->lo, e = st->e, tag_end = 0;
    bool closed_appos = false;
    /* "X, a former aide, said": the closing comma of an apposition */
    if (e > lo + 1 && tok_punct(c->d, e - 1, ',')) {
        uint32_t comma = e - 1;
        e = skip_adjuncts_left(c, e - 2, lo);
        /* "Chen, who was appointed in 2014, has ruled": a year or a time
         * inside the clause the comma closes stays in it */
        bool timed = false;
        for (uint32_t j = e; j < comma && !timed; j++)
            timed = c->T[j].kind == T_NUM || (c->T[j].lex & (LX_WEEKDAY | LX_TIMEWORD)) || calendar_unit(c, j);
        if (timed && e > lo && !tok_punct(c->d, e - 1, ','))
            e = comma;
        closed_appos = true;
        /* "…, Spicer said, adding": the subject of the cue before */
        if (e > lo + 1 && c->cue_len[e - 1] && !c->weak[e - 1] && !(c->T[e - 1].flags & F_CAP) &&
            c->ment_at[e - 2] >= 0)
            e = skip_adjuncts_left(c, e - 2, lo);
        /* "Sen. Rand Paul, R-Ky., told": a party and state tag stays with
         * the name it follows */
        uint32_t w = e > lo && tok_punct(c->d, e - 1, '.') ? e - 1 : e;
        if (w > lo + 2 && tok_punct(c->d, w - 2, ',') && c->T[w - 1].kind == T_WORD &&
            tok_party_tag(&c->T[w - 1])) {
            tag_end = e;
            e = w - 2;
            closed_appos = false;
        }
    }
    /* "Clinton, during a town hall in Columbus, Ohio, said", "Cory James,
     * 22, of Flint, Mich., said": a place and its state close an adjunct
     * that opened with a preposition after a comma; the speaker is before */
    if (closed_appos) {
        uint32_t w = e > lo && tok_punct(c->d, e - 1, '.') ? e - 1 : e;
        if (w > lo + 4 && (c->T[w - 1].flags & F_CAP) && c->T[w - 1].kind == T_WORD &&
            tok_punct(c->d, w - 2, ',') && (c->T[w - 3].flags & F_CAP) &&
            c->T[w - 3].kind == T_WORD) {
            for (uint32_t x = w - 3; x > lo + 1 && x + 15 > w; x--) {
                if (c->T[x].kind != T_WORD)
                    break;
                if (tok_punct(c->d, x - 1, ',')) {
                    if ((c->T[x].lex & LX_WL_PREP) && !(c->T[x].flags & F_CAP))
                        e = x - 1;
                    break;
                }
            }
        }
    }
    /* "Blunt, after a long pause, said", "Kenya's health minister, speaking
     * to reporters, said": an adjunct between commas that opens with a
     * preposition or a participle; the speaker is the mention (or the title
     * or role) before it */
    if (closed_appos) {
        for (uint32_t x = e; x > lo + 1 && x + 16 > e; x--) {
            if (tok_punct(c->d, x - 1, ',')) {
                const tok *p = &c->T[x];
                int32_t m = c->ment_at[x - 2];
                const tok *h = &c->T[x - 2];
                bool ing = p->len > 5 && ws_streq(p->low + p->len - 3, "ing");
                /* (not a place's state: "in Aurora, Colorado, in July 2012,") */
                bool state = m >= 0 && c->d->ments.v[m].t0 > lo + 1 &&
                             tok_punct(c->d, c->d->ments.v[m].t0 - 1, ',') &&
                             (c->T[c->d->ments.v[m].t0 - 2].flags & F_CAP) &&
                             c->T[c->d->ments.v[m].t0 - 2].kind == T_WORD;
                bool person = (m >= 0 && c->d->ments.v[m].kind != M_ORG && c->d->ments.v[m].t1 == x - 1 && !state) ||
                              (m < 0 && h->kind == T_WORD && !(h->flags & F_CAP) &&
                               (h->lex & (LX_ROLE | LX_TITLE)) && !(h->lex & LX_ORGWORD)) ||
                              /* "Derek Holloway, 67, from Leeds, said": a name and its
                               * age before the place */
                              (m < 0 && h->kind == T_NUM && x >= lo + 4 && tok_punct(c->d, x - 3, ',') &&
                               c->ment_at[x - 4] >= 0 && c->d->ments.v[c->ment_at[x - 4]].kind == M_NAME &&
                               c->d->ments.v[c->ment_at[x - 4]].t1 == x - 3) ||
                              /* "Others, reacting to …, shouted": a one-word subject */
                              (m < 0 && x - 2 == lo && h->kind == T_WORD && h->len > 3 &&
                               h->low[h->len - 1] == 's' && !tok_possessive(h) &&
                               !(h->lex & (LX_WL_LEAD | LX_WL_CLAUSE | LX_WL_PREP | LX_PRONOUN | LX_AUX)));
                if (x < e && p->kind == T_WORD && !(p->flags & F_CAP) && ((p->lex & LX_WL_PREP) || ing) &&
                    person) {
                    e = x - 1;
                    closed_appos = false; /* the phrase before is whole */
                }
                break;
            }
            if (c->T[x - 1].kind != T_WORD && c->T[x - 1].kind != T_NUM)
                break;
        }
    }
    /* "Sen. Marco Rubio (R-Fla.) said": a parenthesis after the name */
    e = paren_start(c, e, lo, 10);
    /* "Jim Bennett, 57, told": an age */
    if (e > lo + 2 && c->T[e - 1].kind == T_NUM && tok_punct(c->d, e - 2, ','))
        e -= 2;
    st->e = e;
    st->tag_end = tag_end;
    st->closed_appos = closed_appos;
}

/* Where the subject starts: the walk left from its end to a boundary, and
 * into the relative clause a closing comma ends */
static void start_at_boundary(const ctx *c, subj *st)
{
    uint32_t lo = st->lo, e = st->e;
    bool closed_appos = st->closed_appos;
    uint32_t s = e;
    /* (a relative clause closed by the comma before the cue may be longer:
     * "One attendee, who like others spoke on the condition of anonymity to
     * discuss the meeting, said") */
    uint32_t reach = closed_appos ? 2 * MAX_NP : MAX_NP + 2;
    while (s > lo && !is_boundary(c, s - 1) && e - s < reach)
        s--;
    /* "Marsh, who had run the trust since 2018, announced": a clause word
     * inside the relative clause the comma closes does not end the phrase */
    if (closed_appos && s > lo + 1 && (c->T[s - 1].kind == T_WORD || tok_punct(c->d, s - 1, ','))) {
        uint32_t w = s - 1;
        /* (its commas too: "who lost her daughter in Aurora, Colorado, in
         * July 2012, said") */
        while (w > lo + 1 && e - w < reach && (c->T[w].kind != T_PUNCT || tok_punct(c->d, w, ',')) &&
               c->T[w].kind != T_QUOTE && !tok_is(c->d, w, "who") && !tok_is(c->d, w, "which"))
            w--;
        if (w > lo + 1 && (tok_is(c->d, w, "who") || tok_is(c->d, w, "which")) &&
            tok_punct(c->d, w - 1, ','))
            s = w + 1; /* as when the walk stops at "who": its antecedent, below */
    }
    /* "Martin Guille, a researcher who was not involved, described": a
     * relative clause inside the apposition after a name */
    if (closed_appos && s > lo + 4 && tok_is(c->d, s - 1, "who")) {
        uint32_t y = s - 1;
        /* (a body's name may end the role: "Harold Quist, a doctor at
         * Linden State University who sat on the panel, insisted") */
        while (y > lo + 2 && s - 1 - y < 9 && c->T[y - 1].kind == T_WORD &&
               (!(c->T[y - 1].flags & F_CAP) || (c->ment_at[y - 1] >= 0 &&
                                                   c->d->ments.v[c->ment_at[y - 1]].kind == M_ORG)))
            y--;
        int32_t nm = c->ment_at[y - 2];
        if (y < s - 1 && tok_punct(c->d, y - 1, ',') && (c->T[y].lex & LX_DET) && nm >= 0 &&
            c->d->ments.v[nm].kind == M_NAME && c->d->ments.v[nm].t1 == y - 1 &&
            c->d->ments.v[nm].t0 >= lo)
            s = c->d->ments.v[nm].t0;
    }
    /* "A security official who spoke on condition of anonymity because he
     * was not authorized to discuss it said": the walk stopped at the
     * reason inside the relative clause; the clause is the subject's */
    if (s > lo + 2 && s < e && (tok_is(c->d, s - 1, "because") || tok_is(c->d, s - 1, "since")))
        for (uint32_t w = s - 2; w > lo && s - w < 16; w--) {
            if (tok_is(c->d, w, "who")) {
                s = w + 1;
                break;
            }
            if (c->T[w].kind != T_WORD || c->cue_len[w])
                break;
        }
    st->s = s;
}

/* The start moved out of a relative clause to its antecedent, and to the
 * first of two coordinated speakers */
static void start_at_antecedent(const ctx *c, subj *st)
{
    uint32_t lo = st->lo, e = st->e, s = st->s;
    bool closed_appos = st->closed_appos, coordinated = false, relative = false;
    /* "… five say they want": a pronoun right after another cue is the
     * subject of its clause, the cue before it no part of the phrase */
    if (e >= lo + 2 && s < e - 1 && (c->T[e - 1].lex & LX_WL_SUBJECT) && c->cue_len[e - 2] &&
        !c->weak[e - 2] && !(c->T[e - 2].flags & F_CAP))
        s = e - 1;
    /* "He and Chairman X condemned", "Norvalia and Estrelle agree": a
     * coordinated subject is one source */
    if (s > lo + 1 && s < e && tok_is(c->d, s - 1, "and") && c->ment_at[s - 2] >= 0 &&
        c->ment_at[s] >= 0 && c->d->ments.v[c->ment_at[s - 2]].t0 >= lo &&
        c->d->ments.v[c->ment_at[s - 2]].kind != M_ORG) {
        s = c->d->ments.v[c->ment_at[s - 2]].t0;
        coordinated = true; /* two speakers: the quote resolves to neither */
    }
    /* "Paris, who used to work on Capitol Hill, said": the antecedent */
    if ((closed_appos || s >= e) && s > lo + 2 && tok_punct(c->d, s - 2, ',') &&
        (tok_is(c->d, s - 1, "who") || tok_is(c->d, s - 1, "which") || tok_is(c->d, s - 1, "whose"))) {
        uint32_t a = s - 2;
        /* "Rep. Tom Baker, R-Ohio, who …", "Trevor Lindahl, 34, who …": a
         * party tag or an age between the name and "who"; the name is the
         * antecedent */
        bool tagged = s > lo + 4 && (tok_party_tag(&c->T[s - 3]) || c->T[s - 3].kind == T_NUM) &&
                      tok_punct(c->d, s - 4, ',') && c->ment_at[s - 5] >= 0 &&
                      c->d->ments.v[c->ment_at[s - 5]].kind == M_NAME &&
                      c->d->ments.v[c->ment_at[s - 5]].t1 == s - 4 && c->d->ments.v[c->ment_at[s - 5]].t0 >= lo;
        /* ("Sen. Claire McCaskill (D-Mo.), who …": a parenthesis) */
        uint32_t p = paren_start(c, s - 2, lo, 10);
        const mention *pm = p < s - 2 && p > lo && c->ment_at[p - 1] >= 0 ? &c->d->ments.v[c->ment_at[p - 1]] : NULL;
        if (tagged) {
            s = c->d->ments.v[c->ment_at[s - 5]].t0;
        } else if (pm && pm->kind == M_NAME && pm->t1 == p && pm->t0 >= lo) {
            s = pm->t0;
        } else {
            while (a > lo && !is_boundary(c, a - 1) && s - 2 - a < MAX_NP)
                a--;
            if (a < s - 2 && np_ok(c, a, s - 2)) {
                /* "… drafted by Councillor X, who said": the antecedent is the
                 * name that ends before the comma, not the clause around it */
                int32_t m = c->ment_at[s - 3];
                /* ... but "who" is a person's: "Professor X of King's College
                 * London, who said" is the professor's */
                if (m >= 0 && c->d->ments.v[m].kind == M_ORG && tok_is(c->d, s - 1, "who"))
                    m = -1;
                /* ("Senator Ted Cruz of Texas, who …": the name before the
                 * place) */
                if (m >= 0 && c->d->ments.v[m].t0 > a + 1 && tok_is(c->d, c->d->ments.v[m].t0 - 1, "of") &&
                    c->ment_at[c->d->ments.v[m].t0 - 2] >= 0 &&
                    c->d->ments.v[c->ment_at[c->d->ments.v[m].t0 - 2]].kind == M_NAME)
                    m = c->ment_at[c->d->ments.v[m].t0 - 2];
                s = m >= 0 && c->d->ments.v[m].kind != M_PRONOUN && c->d->ments.v[m].t0 > a
                        ? c->d->ments.v[m].t0
                        : a;
                /* "Corentin Vallory, a manager at Aubrac Gestion, which holds a
                 * stake, told": the antecedent ends an apposition after a name,
                 * which is the subject */
                const mention *n = a > lo + 2 && c->ment_at[a - 2] >= 0 ? &c->d->ments.v[c->ment_at[a - 2]] : NULL;
                if (n && (c->T[a].lex & LX_DET) && tok_punct(c->d, a - 1, ',') && n->kind == M_NAME &&
                    n->t1 == a - 1 && n->t0 >= lo && e - n->t0 <= 2 * MAX_NP)
                    s = n->t0;
                /* "The union, which represents 300 workers, said": a noun
                 * phrase with its determiner is a complete subject too, as
                 * is a body's name ("Open Hands, which runs shelters, said") */
                const mention *o = c->ment_at[s] >= 0 ? &c->d->ments.v[c->ment_at[s]] : NULL;
                relative = (c->T[s].lex & LX_DET) != 0 ||
                           (o && o->kind == M_ORG && o->t0 == s && tok_punct(c->d, o->t1, ',') &&
                            tok_is(c->d, o->t1 + 1, "which"));
            }
        }
    }
    /* "A therapist who lost her job said", "Residents who opposed the plan
     * said": a restrictive relative clause (no comma before "who") is part
     * of the subject, which starts at its antecedent */
    if (!closed_appos && s > lo + 1 && s < e && tok_is(c->d, s - 1, "who") && c->T[s - 2].kind == T_WORD &&
        !(c->T[s - 2].lex & (LX_CUE | LX_CUE_ING | LX_WL_CLAUSE | LX_WL_PREP | LX_AUX))) {
        const tok *h = &c->T[s - 2];
        uint32_t a = s - 1;
        while (a > lo && !is_boundary(c, a - 1) && s - 1 - a < MAX_NP)
            a--;
        /* (not "hackers who U.S. officials say": a subject after "who"; nor
         * "He was a man who took …": a verb in the antecedent) */
        bool clause = c->T[s].kind != T_WORD || (c->T[s].flags & F_CAP) ||
                      (c->T[s].lex & (LX_DET | LX_PRONOUN));
        /* ("He was a desperate man who took his own life, hoping": the
         * antecedent starts after the verb) */
        for (uint32_t x = a; x + 2 < s; x++)
            if ((c->T[x].lex2 & LX2_BE) && !(c->T[x].flags & F_CAP))
                a = x + 1;
        bool noun = !clause && (c->ment_at[s - 2] >= 0 || (h->lex & (LX_ROLE | LX_TITLE)) ||
                    (ws_plural_noun(h) && !(h->flags & F_CAP)) ||
                    (a + 2 == s && (c->T[a].lex & LX_DET)) || (a + 3 == s && (c->T[a].lex & LX_DET)));
        if (a < s - 1 && noun && e - a <= 2 * MAX_NP && np_ok(c, a, s - 1)) {
            s = a;
            relative = true; /* (long, as annotators mark it: kept whole below) */
        }
    }
    st->s = s;
    st->coordinated = coordinated;
    st->relative = relative;
}

/* The start moved to the name an apposition follows ("Smith, the senator,
 * said") */
/* [a, b) opens its sentence with "the", a few lower-case words and a
 * person's role or an age: "The 61-year-old", "The former schoolteacher",
 * "The Liberal leader" */
static bool described_opening(const ctx *c, uint32_t a, uint32_t b)
{
    if (b < a + 2 || b > a + 4 || !low_is(&c->T[a], "the") || !(c->T[a].flags & F_SENT_START))
        return false;
    for (uint32_t k = a + 1; k + 1 < b; k++)
        if (c->T[k].kind != T_WORD || (c->T[k].lex & (LX_WL_PREP | LX_CUE | LX_AUX | LX_WL_CLAUSE)))
            return false;
    const tok *h = &c->T[b - 1];
    return h->kind == T_WORD && !(h->flags & F_CAP) && !(h->lex & LX_ORGWORD) &&
           ((h->lex & (LX_ROLE | LX_TITLE)) || (h->len > 9 && ws_streq(h->low + h->len - 9, "-year-old")));
}

static void start_at_apposed_name(const ctx *c, subj *st)
{
    uint32_t lo = st->lo, e = st->e, s = st->s;
    bool closed_appos = st->closed_appos;
    /* "for his part", "for its part" */
    if (e - s >= 3 && tok_is(c->d, e - 1, "part") && tok_is(c->d, e - 3, "for"))
        e -= 3;
    /* two appositions joined by "and": "Sani Kolo, the minister's brother
     * and a member of the House, said" */
    /* (or a bare role: "a civil engineer and chairman of the …") */
    if (closed_appos && s > lo + 4 && s < e && tok_is(c->d, s - 1, "and") &&
        ((c->T[s].lex & LX_DET) ||
         (c->T[s].kind == T_WORD && !(c->T[s].flags & F_CAP) && (c->T[s].lex & (LX_ROLE | LX_TITLE))))) {
        uint32_t x = s - 1;
        while (x > lo + 2 && s - x < MAX_NP && !tok_punct(c->d, x - 1, ',') && c->T[x - 1].kind != T_QUOTE)
            x--;
        int32_t m = tok_punct(c->d, x - 1, ',') ? c->ment_at[x - 2] : -1;
        if ((c->T[x].lex & LX_DET) && m >= 0 && c->d->ments.v[m].kind == M_NAME && c->d->ments.v[m].t1 == x - 1 &&
            c->d->ments.v[m].t0 >= lo && e - c->d->ments.v[m].t0 <= 2 * MAX_NP)
            s = x; /* the first apposition: its name is found below */
    }
    /* "…, the promoter, Northlight Live, said": a role, then the name in
     * apposition to it; the role opens the source */
    if (s > lo + 3 && tok_punct(c->d, s - 1, ',') && s < e && c->ment_at[s] >= 0 &&
        c->d->ments.v[c->ment_at[s]].t0 == s && c->d->ments.v[c->ment_at[s]].t1 == e &&
        (c->d->ments.v[c->ment_at[s]].kind == M_NAME || c->d->ments.v[c->ment_at[s]].kind == M_ORG)) {
        uint32_t x = s - 1;
        while (x > lo + 1 && s - 1 - x < 3 && c->T[x - 1].kind == T_WORD && !(c->T[x - 1].flags & F_CAP) &&
               !(c->T[x - 1].lex & (LX_DET | LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX)))
            x--;
        /* (after the speech's comma: "The finance minister, Lou Jiwei,"
         * opening the sentence is the apposition rule's, below) */
        if (x < s - 1 && !ws_verb_like(&c->T[s - 2]) && x > lo + 1 && tok_is(c->d, x - 1, "the") &&
            tok_punct(c->d, x - 2, ',')) {
            st->s = x - 1;
            st->e = e;
            st->closed_appos = false;
            return;
        }
    }
    /* relative clause or apposition: "Smith, the senator, said" */
    if (s > lo + 1 && tok_punct(c->d, s - 1, ',') && s < e &&
        ((c->T[s].lex & LX_DET) || (c->T[s].lex & LX_WL_CLAUSE) ||
         /* "X, Twitter's director, said": a possessive opens an apposition */
         (closed_appos && c->T[s].kind == T_WORD && (!(c->T[s].flags & F_CAP) || tok_possessive(&c->T[s]))))) {
        /* the name may carry a party tag: "Rep. Jim Jordan (R-Ohio), an
         * oversight panel member, said" */
        uint32_t ne = paren_start(c, s - 1, lo, 8);
        /* (an age between: "Karen Oyelaran, 41, a nurse from Ankeny, said") */
        if (ne == s - 1 && s > lo + 3 && c->T[s - 2].kind == T_NUM && tok_punct(c->d, s - 3, ',') &&
            c->ment_at[s - 4] >= 0 && c->d->ments.v[c->ment_at[s - 4]].kind == M_NAME &&
            c->d->ments.v[c->ment_at[s - 4]].t1 == s - 3)
            ne = s - 3;
        uint32_t s2 = ne;
        while (s2 > lo && !is_boundary(c, s2 - 1) && ne - s2 < MAX_NP)
            s2--;
        int32_t m = s2 < ne ? head_mention(c, s2, ne) : -1;
        /* "Speaking at a rally in Porto, the prime minister said": a name
         * after a preposition is its object, not a speaker with an apposition */
        uint32_t m0 = m >= 0 ? c->d->ments.v[m].t0 : 0;
        if (m >= 0 && m0 > lo && c->T[m0 - 1].kind == T_WORD &&
            (!(c->T[m0 - 1].flags & F_CAP) ||
             /* (and "In Paris, the economist X said", not "As X, an
              * expert, noted": there "as" opens a clause) */
             ((c->T[m0 - 1].flags & F_SENT_START) && !low_is(&c->T[m0 - 1], "as"))) &&
            (c->T[m0 - 1].lex & LX_WL_PREP))
            m = -1;
        if (m >= 0 && c->d->ments.v[m].kind == M_NAME && c->d->ments.v[m].t1 == ne) {
            s = c->d->ments.v[m].t0; /* the relative clause stays, as annotators mark it */
            closed_appos = false;
        } else if (m < 0 && (tok_is(c->d, s, "a") || tok_is(c->d, s, "an")) && described_opening(c, s2, ne)) {
            /* "The 61-year-old, a former dairy farmer, has long argued":
             * the description that opens the sentence is the subject */
            s = s2;
            closed_appos = false;
        } else if (s2 > lo + 1 && tok_punct(c->d, s2 - 1, ',') && (c->T[s2].lex & LX_DET)) {
            /* a second apposition: "Scott Pruitt, the attorney general of
             * Oklahoma, one of the states suing, said" */
            uint32_t s3 = s2 - 1;
            while (s3 > lo && !is_boundary(c, s3 - 1) && s2 - 1 - s3 < MAX_NP)
                s3--;
            int32_t m3 = s3 < s2 - 1 ? c->ment_at[s3] : -1;
            if (m3 >= 0 && c->d->ments.v[m3].kind == M_NAME && c->d->ments.v[m3].t1 == s2 - 1 &&
                c->d->ments.v[m3].t0 == s3) {
                s = s3;
                closed_appos = false;
            }
        }
    }
    st->s = s;
    st->e = e;
    st->closed_appos = closed_appos;
}

/* Whether a phrase that a comma closes is a subject: a name or a completed
 * apposition, and no clause */
static bool closed_phrase_ok(const ctx *c, const subj *st)
{
    uint32_t e = st->e, s = st->s;
    bool closed_appos = st->closed_appos, relative = st->relative;
    /* after a closing comma the phrase must be a name ("…'s chief of staff,
     * Joe Kasper, told") or a completed apposition; "“…” about the
     * decision, said X" has no subject on the left */
    if (closed_appos && !relative &&
        (s >= e || head_mention(c, s, e) < 0 || c->d->ments.v[head_mention(c, s, e)].kind == M_ORG))
        return false;
    /* ... and no clause: "The Clinton approach will fail, said X" (an
     * auxiliary before the phrase's first comma; "X, who has …," is fine) */
    for (uint32_t j = s; closed_appos && j < e && !tok_punct(c->d, j, ','); j++)
        if ((c->T[j].lex & LX_WL_AUXVERB) && !(c->T[j].flags & F_CAP) && c->T[j].quote < 0)
            return false;
    return true;
}

/* The start moved past the words that are no part of the speaker (sentence
 * adverbs, a relative clause's antecedent); false when what is left is a
 * clause or too long */
static bool trim_start(const ctx *c, subj *st)
{
    uint32_t lo = st->lo, e = st->e, s = st->s;
    bool relative = st->relative;
    /* an unclosed mention running into the phrase start */
    if (s < e && c->ment_at[s] >= 0 && c->d->ments.v[c->ment_at[s]].t0 < s)
        s = c->d->ments.v[c->ment_at[s]].t0 >= lo ? c->d->ments.v[c->ment_at[s]].t0 : s;
    /* "Later she said", "But the minister said": sentence adverbs and
     * conjunctions are not part of the speaker */
    while (s + 1 < e && c->T[s].kind == T_WORD &&
           (!(c->T[s].lex & (LX_DET | LX_PRONOUN)) ||
            /* "Then Mr. Rubin said" (a determiner only in "then-Secretary") */
            (low_is(&c->T[s], "then") && (c->T[s].flags & F_SENT_START))) &&
           ((c->T[s].lex & (LX_CAPSTOP | LX_AUX)) || (c->T[s].lex & LX_TIMEWORD)) &&
           c->ment_at[s] < 0)
        s++;
    /* keep it short: a long phrase keeps its last mention, unless it is a
     * named person with an apposition ("David Axelrod, the chief strategist
     * of Barack Obama's 2008 campaign, said") */
    if (e - s > MAX_NP) {
        int32_t h = c->ment_at[s];
        if (((h >= 0 && c->d->ments.v[h].kind == M_NAME && c->d->ments.v[h].t0 == s) ||
             /* "an intelligence source, who was not authorized to speak
              * on the record, told" */
             relative) &&
            e - s <= 2 * MAX_NP) {
            /* keep */
        } else {
            int32_t m = c->ment_at[e - 1];
            if (m < 0)
                return false;
            s = c->d->ments.v[m].t0;
        }
    }
    /* "a charge she denied": a pronoun after a noun is a relative clause's
     * subject, and the noun its antecedent */
    if (e >= s + 2 && (c->T[e - 1].lex & LX_WL_SUBJECT) && !(c->T[e - 1].flags & F_CAP) &&
        c->T[e - 2].kind == T_WORD && !(c->T[e - 2].flags & F_CAP) && c->ment_at[e - 2] < 0 &&
        !(c->T[e - 2].lex & (LX_WL_CLAUSE | LX_AUX | LX_CUE | LX_CUE_ING)) && !tok_is(c->d, e - 2, "and"))
        s = e - 1;
    /* "a move economists described as", "a decision civil liberties groups
     * called": "a" and a noun cannot head a plural; the plural after them
     * is a relative clause's subject */
    if (e >= s + 3 && (tok_is(c->d, s, "a") || tok_is(c->d, s, "an") || tok_is(c->d, s, "another")) &&
        ws_plural_noun(&c->T[e - 1]) && c->T[s + 1].kind == T_WORD && !(c->T[s + 1].flags & F_CAP) &&
        !ws_plural_noun(&c->T[s + 1]) && c->ment_at[s + 1] < 0 &&
        !(c->T[s + 1].lex & (LX_ROLE | LX_TITLE | LX_WL_PREP | LX_WL_CLAUSE | LX_AUX | LX_CUE))) {
        bool plain = true; /* (not "a majority of voters", "a group of executives") */
        for (uint32_t x = s + 2; x < e && plain; x++)
            plain = c->T[x].kind == T_WORD && !(c->T[x].flags & F_CAP) && c->ment_at[x] < 0 &&
                    !(c->T[x].lex & (LX_WL_PREP | LX_DET | LX_WL_CLAUSE | LX_AUX | LX_CUE | LX_CUE_ING));
        if (plain)
            s += 2;
    }
    /* "naturally he", "then loudly": an adverb before the subject */
    while (s + 1 < e && c->T[s].kind == T_WORD && !(c->T[s].flags & F_CAP) && c->ment_at[s] < 0 &&
           (tok_is(c->d, s, "then") ||
            ends_ly(&c->T[s])))
        s++;
    /* a verb first makes a clause, no subject: "forwarded to Clinton",
     * "praised Cruz for" (an -ed word inside is an adjective: "a retired
     * general") */
    if (past_word(c, s) && !titled_name(c, s, e) &&
        /* "after leaked messages showed": after a subordinator, an -ed
         * word and a plural noun are a phrase */
        !(e == s + 2 && s > lo && (c->T[s - 1].lex & LX_WL_CLAUSE) && !(c->T[s - 1].flags & F_CAP) &&
          c->T[s + 1].kind == T_WORD && !(c->T[s + 1].flags & F_CAP) && c->T[s + 1].len > 3 &&
          c->T[s + 1].low[c->T[s + 1].len - 1] == 's' &&
          !(c->T[s + 1].lex & (LX_AUX | LX_PRONOUN | LX_DET | LX_WL_PREP | LX_WL_CLAUSE))))
        return false;
    st->s = s;
    return true;
}

/* The subject phrase that ends just before token k (the cue): its end is
 * found first, left of what may stand between it and the cue; then its
 * start, left to a boundary and out of the relative clause or apposition
 * it holds; then it is checked and trimmed. */
static bool np_left(const ctx *c, uint32_t k, uint32_t lo, np *out)
{
    uint32_t e0 = skip_adjuncts_left(c, k - 1, lo); /* phrase ends before e0 */
    if (relative_pronoun_subject(c, e0, lo, out))
        return true;
    subj st = {.lo = lo, .e = end_before_aside(c, e0, lo)};
    end_before_apposition(c, &st);
    if (st.e <= lo)
        return false;
    start_at_boundary(c, &st);
    start_at_antecedent(c, &st);
    start_at_apposed_name(c, &st);
    if (!closed_phrase_ok(c, &st) || !trim_start(c, &st))
        return false;
    uint32_t s = st.s, e = st.e, tag_end = st.tag_end;
    bool coordinated = st.coordinated;
    /* a fronted adjunct with no comma: "On Wednesday the commissioner
     * said", "At a press conference on Thursday she said" */
    if (!tag_end && e > s + 1) {
        if ((c->T[e - 1].lex & LX_WL_SUBJECT) && c->T[e - 1].kind == T_WORD && !tok_is(c->d, e - 2, "and") &&
            !tok_is(c->d, e - 2, "or") && !tok_punct(c->d, e - 2, ','))
            s = e - 1;
        uint32_t x = s;
        while (x + 1 < e && c->T[x].kind == T_WORD && (c->T[x].lex & (LX_WEEKDAY | LX_MONTH)) &&
               !tok_possessive(&c->T[x]))
            x++;
        while (x > s && x + 1 < e && c->T[x].kind == T_NUM)
            x++;
        if (x > s && x < e && c->T[x].kind == T_WORD && ((c->T[x].lex & (LX_DET | LX_PRONOUN)) || (c->T[x].flags & F_CAP)))
            s = x;
    }
    if (!np_ok(c, s, e))
        return false;
    out->t0 = s;
    out->t1 = tag_end ? tag_end : e;
    /* the head is before a relative clause: "The all-rounder, who was
     * named Player of the Match, said" is not "Player" */
    uint32_t hend = e;
    for (uint32_t x = s + 1; x + 1 < e; x++) {
        if (tok_punct(c->d, x, ',') && (tok_is(c->d, x + 1, "who") || tok_is(c->d, x + 1, "whose"))) {
            hend = x;
            break;
        }
        /* (without its comma: "A security official who spoke on condition
         * of anonymity because he …") */
        if (tok_is(c->d, x, "who") && c->T[x - 1].kind == T_WORD && c->ment_at[x - 1] < 0) {
            hend = x;
            break;
        }
    }
    out->head = coordinated ? -1 : head_mention(c, s, hend);
    /* "Another resident, who gave her name as Leila,", "a spokesman, who
     * identified himself only as Abu Selim,": the name the speaker gave */
    if (!coordinated && (out->head < 0 || c->d->ments.v[out->head].kind == M_ORG ||
                         c->d->ments.v[out->head].kind == M_ROLE))
        for (uint32_t x = s + 1; x + 2 < out->t1 && x < s + 2 * MAX_NP; x++)
            if (tok_punct(c->d, x, ',') && tok_is(c->d, x + 1, "who")) {
                int32_t g = given_name(c, x + 2, out->t1);
                if (g >= 0)
                    out->head = g;
                break;
            }
    return true;
}

/* The subject of a sentence: its first phrase with a person mention, before
 * token k ("X pointed to … and emphasized"). */
/* "KTV quoted Foreign Minister Anika Dresler as saying …": the one quoted
 * says it, not the one quoting */
static bool quoted_as(const ctx *c, uint32_t s0, uint32_t k, np *out)
{
    if (k < s0 + 3 || !tok_is(c->d, k - 1, "as") || c->ment_at[k - 2] < 0)
        return false;
    const mention *M = &c->d->ments.v[c->ment_at[k - 2]];
    uint32_t t0 = M->t0;
    /* (with the title before the name: "quoted Foreign Minister X") */
    while (t0 > s0 + 1 && c->T[t0 - 1].kind == T_WORD && (c->T[t0 - 1].lex & LX_TITLE) && c->ment_at[t0 - 1] < 0)
        t0--;
    if (M->t1 != k - 1 || M->kind == M_ORG || t0 <= s0 || !tok_is(c->d, t0 - 1, "quoted"))
        return false;
    *out = (np){t0, M->t1, c->ment_at[k - 2]};
    return true;
}

/* Only punctuation and words that lead a sentence ("And", "But") stand
 * between s0 and k */
static bool lead_to(const ctx *c, uint32_t s0, uint32_t k)
{
    while (s0 < k && (c->T[s0].kind == T_PUNCT || (c->T[s0].lex & LX_WL_LEAD)))
        s0++;
    return s0 == k;
}

static bool participle_prep(const ctx *c, uint32_t k)
{
    return tok_is(c->d, k, "by") || tok_is(c->d, k, "before") || tok_is(c->d, k, "after") ||
           tok_is(c->d, k, "while") || tok_is(c->d, k, "without");
}

/* "And in explaining why …, Clinton said", "Sunday, on CNN's show, while
 * commenting on …, Governor X said": a participle after a preposition in an
 * adjunct that opens the sentence (no verb before it) is the main clause's
 * subject's, the mention after the adjunct's comma */
static bool fronted_subject(const ctx *c, uint32_t s0, uint32_t s1, uint32_t k, np *out)
{
    const tok *t = &c->T[k];
    if (!(t->lex & LX_CUE_ING) || k < s0 + 1 ||
        !(participle_prep(c, k - 1) || tok_is(c->d, k - 1, "in") || tok_is(c->d, k - 1, "when")))
        return false;
    if (!lead_to(c, s0, k - 1)) {
        /* (the comma may stand inside a closing quote mark: "on CNN's
         * “State of the Union,” while …") */
        uint32_t cm = k >= s0 + 4 && c->T[k - 2].kind == T_QUOTE ? k - 3 : k - 2;
        if (k < s0 + 3 || k > s0 + 40 || !tok_punct(c->d, cm, ','))
            return false; /* (an adjunct of 40 tokens at most: each look stays short) */
        for (uint32_t x = s0; x < cm; x++)
            if (ws_verb_like(&c->T[x]))
                return false;
    }
    for (uint32_t j = k + 1; j + 1 < s1 && j < k + MAX_REACH; j++) {
        if (!tok_punct(c->d, j, ',') || c->T[j].quote >= 0)
            continue;
        int32_t m = c->ment_at[j + 1];
        if (m >= 0 && c->d->ments.v[m].kind != M_ORG && c->d->ments.v[m].t0 == j + 1) {
            *out = (np){j + 1, c->d->ments.v[m].t1, m};
            return true;
        }
        if (m < 0 && j + 2 < s1 && (c->T[j + 1].lex & LX_DET) && (c->T[j + 2].lex & (LX_ROLE | LX_TITLE))) {
            uint32_t e = j + 3;
            while (e < s1 && e < j + 5 && (c->T[e].lex & (LX_ROLE | LX_TITLE)) && !(c->T[e].flags & F_CAP))
                e++;
            *out = (np){j + 1, e, -1};
            return true;
        }
        return false;
    }
    return false;
}

/* Where a sentence's subject may start, from s0 and before k: "In an
 * interview with CNN, Trump …", "While in Iowa, she …": a fronted adjunct
 * ends at its comma, and the subject comes after it. */
static uint32_t subject_from(const ctx *c, uint32_t s0, uint32_t k)
{
    uint32_t from = s0;
    while (from < k && (c->T[from].kind == T_PUNCT || (c->T[from].lex & LX_WL_LEAD)))
        from++;
    /* (or a participle: "Speaking at a town hall in Salem, …") */
    const tok *t = &c->T[from];
    if (from < k && t->kind == T_WORD && c->ment_at[from] < 0 &&
        ((t->lex & (LX_WL_PREP | LX_WL_CLAUSE)) ||
         (from == s0 && t->len > 5 && ws_streq(t->low + t->len - 3, "ing") && !(t->lex & LX_DET))))
        for (uint32_t j = from + 1; j < k && j < from + 16; j++)
            if (tok_punct(c->d, j, ',')) {
                from = j + 1;
                /* "…, New Hampshire, Trump": the state after a place ends
                 * the adjunct */
                uint32_t x = from;
                while (x < k && x < from + 3 && c->T[x].kind == T_WORD && (c->T[x].flags & F_CAP))
                    x++;
                if (x > from && x + 1 < k && tok_punct(c->d, x, ',') && (c->T[j - 1].flags & F_CAP) &&
                    c->T[x + 1].kind == T_WORD && (c->T[x + 1].flags & F_CAP) &&
                    c->T[j - 1].kind == T_WORD && c->ment_at[from] >= 0 &&
                    c->d->ments.v[c->ment_at[from]].kind != M_PRONOUN && !(c->T[from].lex & LX_TITLE))
                    from = x + 1;
                break;
            }
    return from;
}

/* The phrase starting at token j is a preposition's object: "at X",
 * "before the influential X" (a determiner and adjectives between). */
static bool prep_object(const ctx *c, uint32_t s0, uint32_t j)
{
    uint32_t p = j;
    while (p > s0 && p + 3 > j && c->T[p - 1].kind == T_WORD && !(c->T[p - 1].flags & F_CAP) &&
           !(c->T[p - 1].lex & (LX_WL_PREP | LX_AUX | LX_CUE | LX_CUE_ING | LX_WL_CLAUSE)) &&
           !ws_verb_like(&c->T[p - 1]))
        p--;
    return p > s0 && c->T[p - 1].kind == T_WORD && (c->T[p - 1].lex & LX_WL_PREP) &&
           !(c->T[p - 1].flags & F_CAP);
}

/* "…, said the government had ignored repeated warnings": a phrase that
 * holds a speech verb before any relative pronoun ("Reid, who endorsed
 * her, reiterated") is a clause, no speaker. */
static bool holds_speech_verb(const ctx *c, const np *p)
{
    for (uint32_t j = p->t0; j < p->t1 && !(c->T[j].lex & LX_WL_CLAUSE); j++)
        if (c->cue_len[j] && !c->weak[j] && !c->learned[j] && (c->T[j].lex & LX_CUE) &&
            !(c->T[j].flags & F_CAP) && c->ment_at[j] < 0)
            return true;
    return false;
}

/* A title or role with no name, first in the sentence, before k ("The
 * former secretary of state began her speech … by slamming"), with its
 * "of" phrase ("The head of the city's largest union") or the name in
 * apposition after it ("The health minister, Peter Otieno, said … and"). */
static bool title_subject(const ctx *c, uint32_t from, uint32_t k, np *out)
{
    if (from >= k || c->ment_at[from] >= 0 || !(c->T[from].lex & LX_DET) || (c->T[from].lex & LX_NOSRC))
        return false;
    uint32_t last = 0;
    for (uint32_t e = from + 1; e < k && e < from + 6 && c->T[e].kind == T_WORD && c->ment_at[e] < 0 &&
                                !(c->T[e].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_PREP | LX_WL_CLAUSE));
         e++)
        if (c->T[e].lex & (LX_ROLE | LX_TITLE))
            last = e;
    if (!last)
        return false;
    *out = (np){from, last + 1, -1};
    /* "The head of the city's largest union … and vowed": its "of" phrase,
     * to the verb */
    if (last + 2 < k && tok_is(c->d, last + 1, "of")) {
        uint32_t e = last + 2;
        while (e < k && e < last + 2 + MAX_NP && (c->T[e].kind == T_WORD || c->T[e].kind == T_NUM) &&
               !(c->T[e].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_CLAUSE | LX_WL_AUXVERB | LX_WL_PREP |
                                LX_WEEKDAY | LX_TIMEWORD)) &&
               !past_word(c, e))
            e++;
        if (e > last + 2 && e < k && c->T[e].kind == T_WORD)
            out->t1 = e;
    }
    /* "The health minister, Peter Otieno, said … and accused …": the name
     * in apposition is the one */
    uint32_t n = last + 2;
    if (n < k && tok_punct(c->d, last + 1, ',') && c->ment_at[n] >= 0) {
        const mention *M = &c->d->ments.v[c->ment_at[n]];
        if (M->t0 == n && M->kind == M_NAME && M->t1 < k && tok_punct(c->d, M->t1, ',')) {
            out->t1 = M->t1;
            out->head = c->ment_at[n];
        }
    }
    return true;
}

static bool np_left_first(const ctx *c, uint32_t s0, uint32_t k, np *out)
{
    if (k > s0 + MAX_REACH)
        return false;
    uint32_t from = subject_from(c, s0, k);
    if (title_subject(c, from, k, out))
        return true;
    /* the first mention; when all are objects, the first of those, the
     * sentence's likeliest actor left ("…, the state's reaction under
     * President X, asking …") */
    int32_t pick = -1, fallback = -1;
    for (uint32_t j = from; j < k && pick < 0; j++) {
        int32_t m = c->ment_at[j];
        /* not inside a quotation, nor inside speech already reported */
        if (m < 0 || c->T[j].quote >= 0 || c->used[j])
            continue;
        /* nor the object of a preposition: "at one point calling …",
         * "before the influential X by slamming …" (asked of the mention's
         * first word, and the rest of it skipped) */
        const mention *M = &c->d->ments.v[m];
        /* ("Sarnovia's President Dario Keshtavan …, praising": a body's
         * or a country's possessive before the one it names) */
        if (M->kind == M_ORG && tok_possessive(&c->T[M->t1 - 1]) && M->t1 < k && c->ment_at[M->t1] >= 0 &&
            c->d->ments.v[c->ment_at[M->t1]].kind == M_NAME) {
            j = M->t1 - 1;
            continue;
        }
        if (!prep_object(c, s0, M->t0 >= from ? M->t0 : j))
            pick = m;
        else if (fallback < 0)
            fallback = m;
        j = M->t1 > j ? M->t1 - 1 : j;
    }
    if (pick < 0)
        pick = fallback;
    if (pick < 0)
        return false;
    /* "A State Department spokesman, Kevin Marsh, said … but wanted": the
     * name in apposition to a role, not the body the role serves */
    {
        const mention *P = &c->d->ments.v[pick];
        uint32_t j = P->t1;
        bool role = false;
        while (j < k && j < P->t1 + 3 && c->T[j].kind == T_WORD && !(c->T[j].flags & F_CAP) &&
               c->ment_at[j] < 0 && (c->T[j].lex & (LX_ROLE | LX_TITLE)) &&
               !(c->T[j].lex & (LX_DET | LX_PRONOUN)))
            role = true, j++;
        if (role && j + 2 < k && tok_punct(c->d, j, ',') && c->ment_at[j + 1] >= 0) {
            int32_t n = c->ment_at[j + 1];
            const mention *N = &c->d->ments.v[n];
            if (N->kind == M_NAME && N->t0 == j + 1 && N->t1 < k && tok_punct(c->d, N->t1, ','))
                pick = n;
        }
        /* "Dunmore coach Ray Fenwick was furious, claiming …": the name the
         * role leads to, the whole phrase its source */
        if (role && j < k && c->ment_at[j] >= 0) {
            int32_t n = c->ment_at[j];
            const mention *N = &c->d->ments.v[n];
            if (N->kind == M_NAME && N->t0 == j && N->t1 <= k) {
                *out = (np){P->t0, N->t1, n};
                return true;
            }
        }
    }
    const mention *M = &c->d->ments.v[pick];
    *out = (np){M->t0, M->t1, pick};
    /* "Local officials welcomed the recall but said …": the group the name
     * qualifies, when a verb follows it */
    uint32_t e = M->t1;
    if (e + 1 < k && c->T[e].quote < 0 && (ws_plural_noun(&c->T[e]) || (c->T[e].lex & LX_ROLE)) &&
        !(c->T[e].flags & F_CAP) && !(c->T[e].lex & LX_TITLE) && c->T[e + 1].kind == T_WORD &&
        !(c->T[e + 1].flags & F_CAP) &&
        ((c->T[e + 1].lex & (LX_CUE | LX_AUX)) || cue_at(c, e + 1) || past_word(c, e + 1)))
        out->t1 = e + 1;
    return true;
}

/* The cue k comes right after "and", or after "and" and an adverb ("and
 * repeatedly said", "and then told"): a second verb of the sentence's
 * subject. */
static bool after_and(const ctx *c, uint32_t s0, uint32_t k)
{
    if (k > s0 + 1 && cue_adverb(c, k - 1))
        k--;
    /* ("said … but wanted": without a comma before it, "but" joins two
     * verbs of one subject too) */
    return k > s0 && (tok_is(c->d, k - 1, "and") ||
                      (tok_is(c->d, k - 1, "but") && k > s0 + 1 && !tok_punct(c->d, k - 2, ',')));
}

/* A source that is a clause, "Marta Ruiz walked onto the stage" (a word
 * in -ed or an auxiliary before any comma), before a participle ("…,
 * chanting "…""): its subject is the mention that ends before that word. */
static void clause_subject(const ctx *c, np *src)
{
    uint32_t j = src->t0 + 1;
    while (j < src->t1 && c->T[j].kind != T_PUNCT && !past_word(c, j) && !(c->T[j].lex & LX_AUX))
        j++;
    if (j >= src->t1 || c->T[j].kind == T_PUNCT)
        return;
    for (uint32_t x = j; x-- > src->t0;) {
        int32_t m = c->ment_at[x];
        if (m >= 0) {
            const mention *M = &c->d->ments.v[m];
            if (M->t1 == x + 1 && M->t0 >= src->t0 && M->kind != M_ORG) {
                src->t1 = M->t1;
                src->head = m;
            }
            return;
        }
    }
}

/* The source of the latest attribution whose cue stands earlier in this
 * sentence: "…, Hollande said Tuesday in Paris, noting …" notes by Hollande. */
static bool according_lemma(const char *l);

static bool prev_source(const ctx *c, uint32_t s0, uint32_t k, np *out)
{
    const quote *best = NULL;
    /* the most recent attributions only, so that a sentence of a million
     * participles stays linear */
    size_t n = c->d->quotes.n, lo = n > 64 ? n - 64 : 0;
    for (size_t i = lo; i < n; i++) {
        const quote *q = &c->d->quotes.v[i];
        if (q->cue1 <= k && q->cue1 > q->cue0 && q->cue0 >= s0 && (!best || q->cue1 > best->cue1))
            best = q;
    }
    /* a speech verb after it that no rule has attributed yet ("even a top
     * strategist said …, saying "…"", the quotation's sieve running first):
     * that verb's subject */
    uint32_t from = best ? best->cue1 : s0, lo_x = k > s0 + 40 ? k - 40 : s0;
    for (uint32_t x = k; x-- > (from > lo_x ? from : lo_x);) {
        if (c->cue_len[x] && !c->weak[x] && !c->used[x] && !c->learned[x] &&
            (c->T[x].lex & LX_CUE) && !(c->T[x].flags & F_CAP) && !(c->T[x].lex & LX_CUE_ING))
            return x > s0 && np_left(c, x, s0, out);
    }
    if (!best || !best->has_src_span || best->src_t1 <= best->src_t0)
        return false;
    /* ("X spoke …, according to a union statement, and asked": the
     * statement is no subject of the verb after it) */
    if (according_lemma(ws_lex_cue_lemma(c->T[best->cue0].cue_lemma)))
        return false;
    out->t0 = best->src_t0;
    out->t1 = best->src_t1;
    /* a source before its cue ends there */
    if (out->t0 < best->cue0 && out->t1 > best->cue0)
        out->t1 = best->cue0;
    out->head = best->source;
    return true;
}

/* The subject phrase that starts at token k (after an inverted cue: "said
 * X"); with appos, an apposition that ends the sentence belongs to it. */
static bool np_right_ex(const ctx *c, uint32_t k, uint32_t hi, np *out, bool appos)
{
    uint32_t e = k;
    /* "…, said Friday that": a time, not a speaker */
    if (k < hi && (c->T[k].lex & (LX_WEEKDAY | LX_MONTH | LX_TIMEWORD)))
        return false;
    while (e < hi && !is_boundary(c, e) && e - k < MAX_NP) {
        const tok *t = &c->T[e];
        /* stop before prepositional adjuncts after the speaker */
        if (e > k && t->kind == T_WORD && !(t->flags & F_CAP) &&
            (low_is(t, "in") || low_is(t, "on") ||
             low_is(t, "at") || low_is(t, "during") ||
             /* ("people close to him" is one phrase) */
             (low_is(t, "to") && !low_is(&c->T[e - 1], "close")) || (t->lex & (LX_CUE | LX_CUE_ING))))
            break;
        if (e > k && (t->lex & (LX_WEEKDAY | LX_TIMEWORD)))
            break;
        /* "according to unofficial results tallied Wednesday": a
         * participle after a finding noun */
        if (e > k && (c->T[e - 1].lex2 & LX2_FINDING_NOUN) && past_word(c, e))
            break;
        e++;
    }
    /* "“…,” tweeted another.", "read one.": a lone "another" or "one" at
     * the sentence's end is one more of those quoted */
    bool lone = e == k + 1 && (low_is(&c->T[k], "another") || low_is(&c->T[k], "one")) &&
                (e >= hi || sent_end_punct(c, e));
    if (!lone && !np_ok(c, k, e))
        return false;
    /* apposition after the name: "said X, the committee chairman." or a
     * relative clause: "said X, who runs it with her brother." */
    /* ... or a bare one: "said Geert Wilders, founder of the party." */
    bool bare = e + 1 < hi && c->T[e + 1].kind == T_WORD && !(c->T[e + 1].flags & F_CAP) &&
                (c->T[e + 1].lex & (LX_TITLE | LX_ROLE)) &&
                !(c->T[e + 1].lex & (LX_WL_CLAUSE | LX_CUE | LX_CUE_ING | LX_WL_AUXVERB));
    /* ... or an organisation's: "said Katie Harbath, Facebook's director" */
    if (!bare && e + 1 < hi && c->T[e + 1].kind == T_WORD && (c->T[e + 1].flags & F_CAP) &&
        c->T[e + 1].len > 3) {
        const char *w = c->T[e + 1].low;
        size_t l = c->T[e + 1].len;
        bare = ws_streq(w + l - 2, "'s") || (l > 4 && ws_streq(w + l - 4, "’s"));
    }
    if (e < hi && tok_punct(c->d, e, ',') && c->ment_at[e - 1] >= 0 && e + 1 < hi &&
        ((c->T[e + 1].lex & LX_DET) || tok_is(c->d, e + 1, "who") || bare)) {
        uint32_t f = e + 1;
        uint32_t lim = tok_is(c->d, e + 1, "who") ? 2 * MAX_NP : MAX_NP;
        if (tok_is(c->d, f, "who"))
            f++; /* "who" is a clause word but opens this phrase */
        /* ("a Democratic pollster and consultant": "and" joins two roles;
         * "a nurse who asked not to be named": a relative clause after the
         * apposition's noun) */
        bool who = false;
        for (; f < hi && f - e < lim; f++) {
            if (!is_boundary(c, f))
                continue;
            if (tok_is(c->d, f, "and") && f > e + 1 && f + 1 < hi && (c->T[f - 1].lex & (LX_ROLE | LX_TITLE)) &&
                (c->T[f + 1].lex & (LX_ROLE | LX_TITLE)))
                continue;
            if (!who && tok_is(c->d, f, "who") && f > e + 2 && c->T[f - 1].kind == T_WORD) {
                who = true;
                lim = 2 * MAX_NP;
                continue;
            }
            break;
        }
        if (f < hi && ((appos && sent_end_punct(c, f)) || tok_punct(c->d, f, ',')))
            e = f;
    }
    /* "said Reyes's chief of staff, Ines Duarte.": a title or role, then
     * the name in apposition, which is the speaker */
    int32_t named = -1;
    /* (or any noun after a determiner, when the name ends the sentence:
     * "said the shop owner, Anna Reed.") */
    bool role = (c->T[e - 1].lex & (LX_ROLE | LX_TITLE)) != 0;
    bool noun = e > k + 1 && (c->T[k].lex & LX_DET) && c->T[e - 1].kind == T_WORD &&
                !(c->T[e - 1].flags & F_CAP) &&
                !(c->T[e - 1].lex & ~(uint32_t)(LX_CUE_NOUN | LX_FEMALE | LX_MALE));
    /* ("said the president of the Supreme Electoral Tribunal, Beatriz
     * Ocampo.": a title of a body) */
    int32_t body = e > k ? c->ment_at[e - 1] : -1;
    if (body >= 0 && c->d->ments.v[body].kind == M_ORG && c->d->ments.v[body].t1 == e) {
        for (uint32_t r = k; r + 1 < c->d->ments.v[body].t0 && !role; r++)
            role = (c->T[r].lex & (LX_ROLE | LX_TITLE)) && tok_is(c->d, r + 1, "of");
        body = role ? body : -1;
    } else {
        body = -1;
    }
    if (e + 1 < hi && e > k && tok_punct(c->d, e, ',') &&
        ((c->ment_at[e - 1] < 0 && (role || noun) && !(c->T[e - 1].lex & LX_ORGWORD)) || body >= 0) &&
        c->ment_at[e + 1] >= 0) {
        const mention *M = &c->d->ments.v[c->ment_at[e + 1]];
        if (M->t0 == e + 1 && M->kind == M_NAME && M->t1 < hi &&
            (sent_end_punct(c, M->t1) || (role && tok_punct(c->d, M->t1, ',')))) {
            named = c->ment_at[e + 1];
            e = M->t1;
        }
    }
    out->t0 = k;
    out->t1 = e;
    out->head = named >= 0 ? named : head_mention(c, k, e);
    return true;
}

static bool np_right(const ctx *c, uint32_t k, uint32_t hi, np *out)
{
    return np_right_ex(c, k, hi, out, true);
}

/* The phrase [t0, k) after a cue is a clause's subject, not a speaker: an
 * auxiliary or a verb, not an adjunct or the sentence's end, follows its
 * start ("said Clinton should be ready", "said Clinton wants"). */
static bool clause_follows(const ctx *c, uint32_t k, uint32_t t0, uint32_t s1)
{
    /* "said the harbour should close": an auxiliary inside the phrase */
    for (uint32_t j = t0 + 1; j < k && j < s1; j++)
        if (c->T[j].lex & LX_WL_AUXVERB)
            return true;
    if (k >= s1)
        return false;
    /* "said Obama "understood …"": a quotation opened right after the
     * phrase, with no comma, goes on with its clause */
    if (c->T[k].kind == T_QUOTE && (c->T[k].flags & F_OPEN) && k + 1 < s1 &&
        c->T[k + 1].kind == T_WORD && !(c->T[k + 1].flags & F_CAP))
        return true;
    /* "said Park's record on voting rights was …": a short prepositional
     * phrase, then an auxiliary */
    if (k + 2 < s1 && c->T[k].kind == T_WORD && !(c->T[k].flags & F_CAP) && (c->T[k].lex & LX_WL_PREP)) {
        for (uint32_t j = k + 1; j < s1 && j < k + 6; j++) {
            const tok *w = &c->T[j];
            if (w->kind != T_WORD)
                break;
            if ((w->lex & LX_WL_AUXVERB) && !(w->flags & F_CAP) && j > k + 1)
                return true;
            if (w->lex & (LX_WL_CLAUSE | LX_CUE | LX_CUE_ING | LX_WL_SUBJECT))
                break;
        }
    }
    /* "said Obamacare so far has been …": an adverb before the verb */
    if (k + 2 < s1 && tok_is(c->d, k, "so") && tok_is(c->d, k + 1, "far"))
        k += 2;
    else if (k + 1 < s1 && c->T[k].kind == T_WORD && !(c->T[k].flags & F_CAP) &&
             (tok_is(c->d, k, "also") || tok_is(c->d, k, "still") || tok_is(c->d, k, "already") ||
              tok_is(c->d, k, "now") || tok_is(c->d, k, "never") ||
              ends_ly(&c->T[k])) &&
             c->T[k + 1].kind == T_WORD && (c->T[k + 1].lex & LX_WL_AUXVERB))
        k++;
    const tok *t = &c->T[k];
    /* "said he's with Clinton": a contraction after a pronoun is a verb */
    if (t->kind == T_WORD && k > t0 && (c->T[k - 1].lex & LX_WL_SUBJECT) &&
        (low_is(t, "'s") || low_is(t, "’s") || low_is(t, "'ll") || low_is(t, "’ll") ||
         low_is(t, "'d") || low_is(t, "’d") || low_is(t, "'re") || low_is(t, "’re")))
        return true;
    return t->kind == T_WORD && !(t->flags & F_CAP) && t->low[0] != '\'' &&
           !(t->lex & LX_WL_PREP) &&
           !(t->lex & LX_WL_CLAUSE) && !(t->lex & (LX_WEEKDAY | LX_MONTH | LX_TIMEWORD)) &&
           !(t->lex & LX_CUE_ING) && !tok_is(c->d, k, "who");
}

/* The subject of a sentence that opens with a person and an apposition
 * ("Rex Early, a former state party chairman who …, said"): the first
 * mention, within a noun phrase's reach of the start and followed by a comma. */
static bool long_subject(const ctx *c, uint32_t s0, uint32_t k, np *out)
{
    for (uint32_t j = s0; j < k && j < s0 + MAX_NP; j++) {
        int32_t m = c->ment_at[j];
        if (m < 0 || c->T[j].quote >= 0)
            continue;
        const mention *M = &c->d->ments.v[m];
        if (M->t1 < k && tok_punct(c->d, M->t1, ',')) {
            out->t0 = M->t0;
            out->t1 = M->t1;
            out->head = m;
            return true;
        }
        j = M->t1 - 1;
    }
    return false;
}

/* ---- building attributions ---- */

static int32_t new_quote(ctx *c, uint32_t cue0, uint32_t cue1, const np *src, int sieve,
                         double conf)
{
    quote q = {0};
    /* the cue takes the auxiliaries and adverbs before the verb ("has
     * said", "also said") and a setting after it ("said in a statement") */
    uint32_t lo = src && src->t1 <= cue0 ? src->t1 : (cue0 > 3 ? cue0 - 3 : 0);
    while (cue0 > lo && c->T[cue0 - 1].kind == T_WORD && !c->used[cue0 - 1] &&
           c->ment_at[cue0 - 1] < 0 && !(c->T[cue0 - 1].flags & F_CAP) &&
           ((c->T[cue0 - 1].lex & LX_AUX) ||
            (ends_ly(&c->T[cue0 - 1]) &&
             !(cue0 > 1 && (c->T[cue0 - 2].lex & LX_DET))))) /* "the family" */
        cue0--;
    if (cue1 + 2 < c->n && tok_is(c->d, cue1, "in") && (c->T[cue1 + 1].lex & LX_DET) &&
        (c->T[cue1 + 2].lex & LX_CUE_NOUN) && !(src && src->t0 == cue1))
        cue1 += 3;
    q.cue0 = cue0;
    q.cue1 = cue1;
    q.source = src ? src->head : -1;
    if (src) {
        q.src_t0 = src->t0;
        q.src_t1 = src->t1;
        q.src_span.start = c->T[src->t0].start;
        q.src_span.end = c->T[src->t1 - 1].end;
        q.has_src_span = true;
        if (src->head >= 0)
            c->d->ments.v[src->head].subject = true;
    }
    q.sieve = sieve;
    q.conf = conf;
    for (uint32_t k = cue0; k < cue1; k++)
        c->used[k] = 1;
    VPUSH(&c->d->arena, c->d->quotes, q);
    return (int32_t)c->d->quotes.n - 1;
}

/* No token of [a, b) is inside an attribution's content yet. */
static bool span_free(const ctx *c, uint32_t a, uint32_t b)
{
    uint32_t j = a;
    /* eight flags at a time: spans of whole sentences are read */
    for (; j < b && b - j >= 8; j += 8) {
        uint64_t w;
        memcpy(&w, c->used + j, sizeof w);
        if (w)
            return false;
    }
    for (; j < b; j++)
        if (c->used[j])
            return false;
    return true;
}

/* The end b of a span that starts at a, without its final punctuation. */
static uint32_t trim_final_punct(const ctx *c, uint32_t a, uint32_t b)
{
    while (b > a && sent_end_punct(c, b - 1))
        b--;
    return b;
}

static void add_content(ctx *c, int32_t qi, uint32_t t0, uint32_t t1)
{
    if (t1 <= t0)
        return;
    quote *q = &c->d->quotes.v[qi];
    ws_span s = {c->T[t0].start, c->T[t1 - 1].end};
    VPUSH(&c->d->arena, q->content, s);
    /* the flags at once, then the quotes: byte stores through the ctx's
     * pointers made the compiler read them again at every token */
    memset(c->used + t0, 1, t1 - t0);
    const tok *T = c->T;
    mquote *mq = c->d->mq.v;
    for (uint32_t k = t0; k < t1; k++)
        if (T[k].quote >= 0)
            mq[T[k].quote].used = true;
}

/* The whole of a marked quote, its paragraph continuations included. */
static uint32_t mq_last(const ctx *c, int32_t qi)
{
    while (c->d->mq.v[qi].next >= 0)
        qi = c->d->mq.v[qi].next;
    return c->d->mq.v[qi].close;
}

static bool quote_free(const ctx *c, int32_t qi)
{
    return qi >= 0 && !c->d->mq.v[qi].used && !c->d->mq.v[qi].single;
}

/* A single-mark quote that no double quote contains (British and headline
 * style: ‘We will rebuild,’ says the governor). */
static bool single_free(const ctx *c, int32_t qi)
{
    if (qi < 0 || c->d->mq.v[qi].used || !c->d->mq.v[qi].single)
        return false;
    for (int32_t p = qi - 1; p >= 0 && p >= qi - 4; p--)
        if (!c->d->mq.v[p].single && c->d->mq.v[p].close >= c->d->mq.v[qi].close)
            return false;
    return true;
}

/* "the “Fair Wages Act”", "CBS's "Face the Nation"": a quotation whose
 * every longer word is capitalised names a title, it does not quote speech. */
static bool title_case(const ctx *c, const mquote *m)
{
    for (uint32_t k = m->open + 1; k < m->close; k++)
        if (c->T[k].kind == T_WORD && !(c->T[k].flags & F_CAP) && c->T[k].len > 3)
            return false;
    return true;
}

/* Sentence bounds of token k. */
static void sent_bounds(const ctx *c, uint32_t k, uint32_t *s0, uint32_t *s1)
{
    const sent *s = &c->d->sents.v[c->T[k].sent];
    *s0 = s->t0;
    *s1 = s->t1;
    /* "09:20 Transport Minister Carla Mendes told …": a live blog's time
     * stamp before the paragraph's first sentence is no part of it */
    const tok *t = &c->T[s->t0];
    if (t->kind == T_NUM && (t->flags & F_PARA_START) && s->t0 + 1 < s->t1 && k > s->t0 &&
        strchr(t->low, ':'))
        (*s0)++;
}

/* Skip what may follow a cue before its content: an object ("told
 * reporters", "told CNN"), a time ("on Tuesday") or a setting ("in a
 * statement", "in an interview with X"). Stops at "that", which stays: it
 * opens the content, as PolNeAR's annotators mark it. */
/* "continued to outpoll", "went on to win": a cue of continuation reports
 * speech beside a quotation or with "that", never before an infinitive */
static inline bool continuation_to(const ctx *c, uint32_t k, uint32_t after)
{
    const char *l = ws_lex_cue_lemma(c->T[k].cue_lemma);
    return l && (ws_streq(l, "continue") || ws_streq(l, "go on")) &&
           tok_is(c->d, after, "to");
}

/* A verb of attitude at k, which the second half of an interrupted sentence
 * may open: "Her clients, she said, want an independent review" */
static bool attitude_at(const ctx *c, uint32_t k)
{
    return ws_lex_cue_group(c->T[k].cue_lemma, WS_CG_ATTITUDE);
}

/* "according to X", "in the words of X": a cue that names its source
 * after it and has no verb */
static bool according_lemma(const char *l)
{
    return l && (ws_streq(l, "according to") || ws_streq(l, "in the words of"));
}

static bool hearer_verb(const ctx *c, uint32_t k)
{
    const char *l = ws_lex_cue_lemma(c->T[k].cue_lemma);
    /* ("put it to her that …": counsel's proposition at an inquiry or a
     * trial; asked of "put" or of the cue's last word) */
    if (!l && k >= 2 && low_is(&c->T[k], "to") && low_is(&c->T[k - 1], "it"))
        l = ws_lex_cue_lemma(c->T[k - 2].cue_lemma);
    return l && (ws_streq(l, "tell") || ws_streq(l, "put it to"));
}

static bool ask_verb(const ctx *c, uint32_t k)
{
    const char *l = ws_lex_cue_lemma(c->T[k].cue_lemma);
    return l && ws_streq(l, "ask");
}

/* what opens an indirect question (or its topic) after the one asked */
static bool is_question_word(const tok *t)
{
    return (t->lex2 & LX2_QUESTION) != 0; /* lexicon/questionwords.txt */
}

/* The tokens of a time adjunct at k ("Monday", "on Monday", "last week"),
 * or 0. */
static inline uint32_t time_len(const ctx *c, uint32_t k, uint32_t hi)
{
    if (k >= hi || c->T[k].kind != T_WORD)
        return 0;
    if (c->T[k].lex & (LX_WEEKDAY | LX_TIMEWORD))
        return 1;
    if (k + 1 < hi && (tok_is(c->d, k, "on") || tok_is(c->d, k, "last") || tok_is(c->d, k, "this")) &&
        ((c->T[k + 1].lex & (LX_WEEKDAY | LX_TIMEWORD | LX_MONTH)) || tok_is(c->d, k + 1, "week") ||
         tok_is(c->d, k + 1, "month") || tok_is(c->d, k + 1, "year")))
        return 2;
    return 0;
}

/* "for months", "for years": a duration, no object of the cue */
static inline bool duration_at(const ctx *c, uint32_t k)
{
    return k + 1 < c->n && tok_is(c->d, k, "for") && (c->T[k + 1].lex2 & LX2_DURATION);
}

static uint32_t skip_after_cue(const ctx *c, uint32_t k, uint32_t hi, bool *saw_that)
{
    *saw_that = false;
    /* "dismissed the argument that …", "said Sanders' claim that …": a noun
     * phrase right after the cue is its object, and the "that" is the noun's
     * (PolNeAR train, content from the determiner : from "that": 243 : 38, the
     * 38 nearly all after "told", whose object is the hearer) */
    bool np_object = k < hi && c->T[k].kind == T_WORD && (c->T[k].lex & LX_DET) &&
                     !low_is(&c->T[k], "that") && !low_is(&c->T[k], "her") &&
                     !time_len(c, k, hi) && !(k > 0 && hearer_verb(c, k - 1));
    /* look for "that" within a short distance with no clause break before it */
    for (uint32_t j = k; !np_object && j < hi && j < k + 12; j++) {
        if (tok_is(c->d, j, "that")) {
            *saw_that = true;
            return j; /* "that" opens the content, as annotators mark it */
        }
        if (c->T[j].kind == T_QUOTE || tok_punct(c->d, j, ':') || tok_punct(c->d, j, ';') ||
            sent_end_punct(c, j) || is_cue(&c->T[j]))
            break;
        /* "agreed to delay the vote, a move that …": the "that" of a phrase
         * after a comma */
        if (comma_article(c, j, hi))
            break;
        /* "said he likes families in a city that …": a subject or an
         * auxiliary opens the content, and a later "that" is the content's */
        if (c->T[j].lex & (LX_WL_AUXVERB | LX_WL_SUBJECT))
            break;
    }
    uint32_t j = k;
    /* "asked Sanders whether …", "asked the students if …": the one asked,
     * then the question (PolNeAR train, after "ask" and a short phrase: from
     * the question word 44 : from the phrase 9; before "to" the phrase
     * stays, 31 : 10) */
    if (k > 0 && ask_verb(c, k - 1) && k < hi && c->T[k].kind == T_WORD && !is_question_word(&c->T[k])) {
        for (uint32_t e = k + 1; e < hi && e < k + 5; e++) {
            const tok *t = &c->T[e];
            if (t->kind != T_WORD || is_cue(t) || (t->lex & LX_WL_AUXVERB))
                break;
            if (is_question_word(t))
                return e;
        }
    }
    /* "told the court she was innocent", "told state television he …": the
     * hearer, then the clause */
    if (k > 0 && hearer_verb(c, k - 1) && j < hi && c->T[j].kind == T_WORD && !is_cue(&c->T[j]) &&
        !(c->T[j].lex & (LX_WL_SUBJECT | LX_WL_AUXVERB | LX_WL_CLAUSE))) {
        bool named = true; /* the one told is a name so far: "told CBC News the talks …" */
        for (uint32_t e = j + 1; e < hi && e < j + 5; e++) {
            const tok *t = &c->T[e];
            named = named && (c->T[e - 1].flags & F_CAP);
            if (t->kind != T_WORD || is_cue(t) || (t->lex & (LX_WL_AUXVERB | LX_WL_CLAUSE)))
                break;
            if ((t->lex & LX_WL_SUBJECT) && !(t->flags & F_CAP))
                return e;
            /* ("told board members the change …", "told the board the …":
             * a common noun too; not "told members of the board …") */
            if ((named || (c->T[e - 1].kind == T_WORD && !(c->T[e - 1].lex & (LX_WL_PREP | LX_DET)))) &&
                (low_is(t, "the") || low_is(t, "a") || low_is(t, "an") || low_is(t, "his") ||
                 low_is(t, "her") || low_is(t, "its") || low_is(t, "their") || low_is(t, "our")) &&
                !(t->flags & F_CAP))
                return e;
        }
    }
    /* "wrote on Twitter: …", "told the BBC: …", "told local radio: …": a
     * short setting or hearer, then the colon that opens the speech */
    if (j < hi && c->T[j].kind == T_WORD &&
        ((c->T[j].lex & LX_WL_PREP) || (k > 0 && hearer_verb(c, k - 1)) ||
         (((c->T[j].lex & LX_DET) || (c->T[j].flags & F_CAP)) && k > 0 &&
          (c->T[k - 1].lex & LX_WL_PREP)))) {
        for (uint32_t e = j; e < hi && e < j + 7; e++) {
            if (tok_punct(c->d, e, ':'))
                return e > j ? e : j;
            const tok *t = &c->T[e];
            /* "told reporters after the meeting: …": "after" a preposition
             * here, not a clause's start */
            bool prep = (t->lex & LX_WL_PREP) && e + 1 < hi && (c->T[e + 1].lex & LX_DET);
            if (t->kind != T_WORD || (t->lex & (LX_WL_AUXVERB | LX_WL_SUBJECT)) ||
                ((t->lex & LX_WL_CLAUSE) && !prep) || is_cue(t))
                break;
        }
    }
    for (int guard = 0; guard < 3 && j < hi; guard++) {
        const tok *t = &c->T[j];
        if (t->kind != T_WORD)
            break;
        uint32_t tl = time_len(c, j, hi);
        if (tl) {
            j += tl;
            continue;
        }
        /* "told reporters", "told him": the hearer; but "called him a liar",
         * "urged them to vote": the object belongs to what was said
         * (PolNeAR train, a pronoun in the content : not: after tell 4 : 16,
         * after every other cue 177 : 25) */
        if (low_is(t, "reporters") || low_is(t, "journalists") ||
            ((low_is(t, "me") || low_is(t, "him") ||
              low_is(t, "us") || low_is(t, "them")) &&
             k > 0 && hearer_verb(c, k - 1))) {
            j++;
            continue;
        }
        if (low_is(t, "in") && j + 2 < hi && (c->T[j + 1].lex & LX_DET) &&
            (c->T[j + 2].lex & LX_CUE_NOUN)) {
            j += 3;
            continue;
        }
        /* "insisted for months that …" */
        if (j + 2 < hi && duration_at(c, j)) {
            j += 2;
            continue;
        }
        /* "told Reuters last week the deal was close": a named hearer, then
         * a time */
        if (k > 0 && hearer_verb(c, k - 1) && (t->flags & F_CAP) && !(t->lex & LX_WL_SUBJECT)) {
            uint32_t x = j;
            while (x < hi && x < j + 4 && c->T[x].kind == T_WORD && (c->T[x].flags & F_CAP))
                x++;
            uint32_t xl = x > j ? time_len(c, x, hi) : 0;
            if (xl && x + xl < hi) {
                j = x;
                continue;
            }
        }
        break;
    }
    return j;
}

/* Speech [a, b) after cue k in a sentence that opens with a subordinate
 * clause ("When the moderator pointed out that X, the candidate said …"):
 * the speech ends with the clause, at its comma, where the main clause
 * begins with its own subject. */
static uint32_t subordinate_end(const ctx *c, uint32_t s0, uint32_t k, uint32_t a, uint32_t b)
{
    uint32_t x = s0;
    if (x < k && (c->T[x].kind == T_QUOTE || (c->T[x].lex & LX_WL_LEAD)))
        x++;
    const tok *t = &c->T[x];
    if (x >= k || !(t->lex2 & LX2_OPENER)) /* lexicon/openers.txt */
        return b;
    /* "As X reported, …", "When asked, she said …": the clause ends at the
     * cue, and what follows is the main clause's */
    for (uint32_t j = x + 1; j < k; j++)
        if (tok_punct(c->d, j, ','))
            return b;
    if (a > 0 && tok_punct(c->d, a - 1, ','))
        return b;
    for (uint32_t j = a + 1; j + 1 < b; j++)
        if (tok_punct(c->d, j, ',') && c->T[j].quote < 0)
            return j;
    return b;
}

/* A comma just before k, or a quotation closed by its comma: "…," adding */
/* "Vance responded, saying …": after the cue's comma a participle cue
 * reports the speech, and the cue before it has none of its own (PolNeAR
 * train: no content opens with the participle, 0 of 322) */
static bool participle_next(const ctx *c, uint32_t a, uint32_t cue_end, uint32_t s1)
{
    return a < s1 && a > cue_end && tok_punct(c->d, a - 1, ',') && (c->T[a].lex & LX_CUE_ING);
}

static bool comma_before(const ctx *c, uint32_t k)
{
    return k > 0 && (tok_punct(c->d, k - 1, ',') ||
                     (k > 1 && c->T[k - 1].kind == T_QUOTE && (c->T[k - 1].flags & F_CLOSE) &&
                      tok_punct(c->d, k - 2, ',')));
}

/* "by", "before", "after", "while", "without" at k: before a participle
 * cue ("by saying", "before claiming that") its speech is the clause
 * subject's own. */
/* At e, "and"/"but", a subject and a finite speech verb: "…, and one in
 * four said …", "… but Democrats accused …": another subject's own speech,
 * where the speech before it ends. */
static bool other_subject_cue_rest(const ctx *c, uint32_t e, uint32_t s1);

/* (its first test inline: the callers ask about every word of a span) */
static inline bool other_subject_cue(const ctx *c, uint32_t e, uint32_t s1)
{
    return (tok_is(c->d, e, "and") || tok_is(c->d, e, "but")) && e + 1 < s1 &&
           other_subject_cue_rest(c, e, s1);
}

static bool other_subject_cue_rest(const ctx *c, uint32_t e, uint32_t s1)
{
    const tok *sb = &c->T[e + 1]; /* a subject starts there */
    if (!(sb->kind == T_NUM || (sb->lex & (LX_DET | LX_PRONOUN)) ||
          (sb->kind == T_WORD && !(sb->lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_CLAUSE |
                                              LX_WL_PREP | LX_WL_AUXVERB)))))
        return false;
    uint32_t v = e + 1;
    while (v < s1 && v < e + 6 && (c->T[v].kind == T_WORD || c->T[v].kind == T_NUM) &&
           !c->cue_len[v] && !(c->T[v].lex & (LX_WL_CLAUSE | LX_AUX)))
        v++;
    if (v <= e + 1 || v >= s1)
        return false;
    /* "… and others have said …": auxiliaries make any speech verb finite */
    uint32_t h = v;
    while (h < s1 && h < v + 3 && (c->T[h].lex & LX_AUX) && !c->cue_len[h])
        h++;
    if (h > v)
        return h < s1 && c->cue_len[h] && !c->weak[h] && !c->learned[h] &&
               (c->T[h].lex & LX_CUE);
    /* a finite verb: "said", "warned", "says", not "support" */
    return c->cue_len[v] && !c->weak[v] && !c->learned[v] &&
           (c->T[v].lex & LX_CUE) &&
           (past_word(c, v) || tok_is(c->d, v, "said") || tok_is(c->d, v, "told") ||
            tok_is(c->d, v, "wrote") || c->T[v].low[c->T[v].len - 1] == 's');
}

/* [a, e) holds a word other than names and function words, so a clause
 * may have ended before e: "said the United States and its allies will
 * seek …" coordinates two names, "said prices rose and analysts warned …"
 * two clauses */
static bool clause_before(const ctx *c, uint32_t a, uint32_t e)
{
    for (uint32_t j = a; j < e; j++) {
        const tok *t = &c->T[j];
        if (t->kind == T_WORD && !(t->flags & F_CAP) &&
            !(t->lex & (LX_DET | LX_PRONOUN | LX_WL_PREP | LX_WL_CLAUSE)))
            return true;
    }
    return false;
}

/* "but", "while", "although", "though": after a quotation closed by its
 * comma, the writer's own clause begins */
static bool concessive(const tok *t)
{
    return low_is(t, "but") || low_is(t, "while") || low_is(t, "although") || low_is(t, "though");
}

/* A "not" in [a, e): "not …, but …" is one clause */
static bool not_before(const ctx *c, uint32_t a, uint32_t e)
{
    for (uint32_t j = a; j < e; j++)
        if (tok_is(c->d, j, "not") || tok_is(c->d, j, "n't"))
            return true;
    return false;
}

/* Content that runs from a to the end of the sentence, without the final
 * punctuation; stops before a coordinated cue ("… and emphasized: …"). */
/* Tokens [k, s1) to the sentence's end hold no auxiliary, cue, pronoun
 * subject or quotation: a phrase, not a clause. */
static bool closing_phrase(const ctx *c, uint32_t k, uint32_t s1)
{
    uint32_t end = s1;
    while (end > k && sent_end_punct(c, end - 1))
        end--;
    if (end <= k)
        return false;
    for (uint32_t j = k; j < end; j++) {
        const tok *t = &c->T[j];
        if (t->kind == T_QUOTE || c->cue_len[j] ||
            (t->kind == T_WORD && (t->lex & (LX_WL_AUXVERB | LX_AUX | LX_WL_SUBJECT | LX_CUE | LX_CUE_ING))))
            return false;
    }
    return true;
}

/* Speech [a, …) whose words before the comma at e are a phrase with no
 * verb ("the Cruz campaign's announcement"), then ", which …, VERB": the
 * token after the relative clause's closing comma, where the speech's verb
 * is; 0 when the clause does not close so. */
static uint32_t subject_relative_end(const ctx *c, uint32_t a, uint32_t e, uint32_t s1)
{
    uint32_t j = a;
    if (low_is(&c->T[j], "that"))
        j++;
    if (j >= e || e > j + MAX_NP)
        return 0;
    for (uint32_t x = j; x < e; x++)
        if (ws_verb_like(&c->T[x]) || c->T[x].kind != T_WORD || (c->T[x].lex & LX_WL_SUBJECT))
            return 0;
    for (uint32_t x = e + 2; x + 1 < s1 && x < e + 2 + 3 * MAX_NP; x++) {
        if (c->T[x].kind == T_QUOTE || sent_end_punct(c, x))
            return 0;
        if (tok_punct(c->d, x, ',')) {
            const tok *v = &c->T[x + 1];
            return v->kind == T_WORD && !(v->flags & F_CAP) && (v->lex & LX_WL_AUXVERB) ? x + 1 : 0;
        }
    }
    return 0;
}

static uint32_t content_end(const ctx *c, uint32_t a, uint32_t s1)
{
    if (s1 > a + MAX_CONTENT)
        s1 = a + MAX_CONTENT;
    uint32_t e = a, q0 = UINT32_MAX; /* q0: the first quote mark, for the loop after */
    while (e < s1) {
        /* most tokens: a word other than "and" with no quote mark before it,
         * a number or a quote mark; none of the tests below can stop there */
        const tok *te = &c->T[e];
        if (te->kind != T_PUNCT &&
            (te->kind != T_WORD ||
             (!low_is(te, "and") && !low_is(te, "but") && !(e > a + 2 && te[-1].kind == T_QUOTE) &&
              !(e + 1 < s1 && c->cue_len[e + 1] && (te[1].lex & LX_CUE_ING))))) {
            if (te->kind == T_QUOTE && q0 == UINT32_MAX)
                q0 = e;
            e++;
            continue;
        }
        if (te->quote < 0) {
            /* "… by saying …", "… before claiming that …": the participle's
             * speech is its own */
            if (e > a + 2 && e + 1 < s1 && c->cue_len[e + 1] && (c->T[e + 1].lex & LX_CUE_ING) &&
                participle_prep(c, e))
                break;
            /* "… and (then) tweeted that …": a coordinated cue starts its own */
            uint32_t x = e + 1;
            if (x < s1 && cue_adverb(c, x))
                x++;
            if ((tok_is(c->d, e, "and") || tok_is(c->d, e, "but")) && x < s1 && c->cue_len[x])
                break;
            /* "… and one in four said …": another subject's own speech */
            if (e > a + 2 && other_subject_cue(c, e, s1) && clause_before(c, a, e))
                break;
            /* "said the Islamic State, which …, is "in retreat"": a relative
             * clause inside the speech's subject, whose verb comes after it */
            if (e > a + 1 && tok_punct(c->d, e, ',') && e + 1 < s1 &&
                (tok_is(c->d, e + 1, "which") || tok_is(c->d, e + 1, "who"))) {
                uint32_t v = subject_relative_end(c, a, e, s1);
                if (v) {
                    e = v;
                    continue;
                }
            }
            /* "…, a swipe at his rivals.", "…, the worst attack since 2004.":
             * a noun phrase closing the sentence, with no verb of its own,
             * is the writer's comment (PolNeAR train 287 : 161) */
            if (e > a + 3 && e + 2 < s1 && comma_article(c, e, s1) && closing_phrase(c, e + 2, s1))
                break;
            /* "…, a move that X called …": a phrase summing up the clause
             * before it, with its own relative clause */
            if (e > a + 2 && e + 3 < s1 && comma_article(c, e, s1)) {
                uint32_t r = e + 2;
                while (r < e + 4 && r < s1 && c->T[r].kind == T_WORD && !(c->T[r].lex & LX_WL_CLAUSE))
                    r++;
                if (r > e + 2 && r < s1 && (tok_is(c->d, r, "that") || tok_is(c->d, r, "which")))
                    break;
            }
            /* "…, but he …", "…, which …", "… — the …", "…; …": a new clause */
            if (e > a + 2 && ((tok_punct(c->d, e, ',') && e + 1 < s1 &&
                               ((tok_is(c->d, e + 1, "but") &&
                                 /* ", but also …", ", but not …", ", but
                                  * rather …": one speech, contrasted */
                                 !(e + 2 < s1 && (tok_is(c->d, e + 2, "also") || tok_is(c->d, e + 2, "not") ||
                                                  tok_is(c->d, e + 2, "rather") || tok_is(c->d, e + 2, "that")))) ||
                                tok_is(c->d, e + 1, "while") ||
                                tok_is(c->d, e + 1, "although") || tok_is(c->d, e + 1, "which") ||
                                tok_is(c->d, e + 1, "whose") || tok_is(c->d, e + 1, "where") ||
                                tok_is(c->d, e + 1, "who") ||
                                tok_is(c->d, e + 1, "it"))) ||
                              tok_punct(c->d, e, ';') ||
                              (c->T[e].kind == T_PUNCT && (c->d->cp[c->T[e].start] == 0x2014 ||
                                                           c->d->cp[c->T[e].start] == 0x2013) &&
                               (c->T[e].flags & F_SPACE_BEFORE))))
                break;
            /* "… called it "a disgrace," Clinton …", "… "a disgrace," echoing …":
             * a quotation closed by its comma, then a name or a cue */
            if (e > a + 2 && c->T[e - 1].kind == T_QUOTE && (c->T[e - 1].flags & F_CLOSE) &&
                tok_punct(c->d, e - 2, ',') && c->T[e].kind == T_WORD &&
                (((c->T[e].flags & F_CAP) && !(c->T[e].flags & F_SENT_START)) ||
                 (c->T[e].lex & (LX_CUE | LX_CUE_ING)) ||
                 /* "…: "…a mistake," but in fact …": the writer's own clause
                  * ("not because of "…," but …" goes on) */
                 (concessive(&c->T[e]) && !(low_is(&c->T[e], "but") && not_before(c, a, e)))))
                break;
            /* "…, calling her …" / "…, saying …": a participle cue after a comma */
            if (tok_punct(c->d, e, ',') && e + 1 < s1 && c->cue_len[e + 1] &&
                (c->T[e + 1].lex & LX_CUE_ING) && e > a + 2)
                break;
            /* "…, Rubio said only that …": another speaker's own clause */
            if (tok_punct(c->d, e, ',') && e + 1 < s1 && c->ment_at[e + 1] >= 0 && e > a + 2) {
                uint32_t v = c->d->ments.v[c->ment_at[e + 1]].t1;
                while (v < s1 && (c->T[v].lex & LX_AUX))
                    v++;
                if (v < s1 && c->cue_len[v] && !c->weak[v])
                    break;
            }
        }
        e++;
    }
    /* a quotation opened inside the content runs to its closing mark, even
     * past the end of the sentence: He said Cruz "has courage. He's …" */
    for (uint32_t k = q0; k < e; k++) { /* no quote mark before q0 */
        if (c->T[k].kind == T_QUOTE && (c->T[k].flags & F_OPEN) && c->T[k].quote >= 0 &&
            !c->d->mq.v[c->T[k].quote].single) {
            uint32_t last = mq_last(c, c->T[k].quote);
            if (last >= e) {
                e = last + 1;
                break;
            }
            k = last;
        }
    }
    while (e > a && (sent_end_punct(c, e - 1) || tok_punct(c->d, e - 1, ',')))
        e--;
    return e;
}

/* A token where reported speech may stop: a clause word, a preposition, a
 * participle or a punctuation mark that can close a clause. */
static bool bound_candidate(const ctx *c, uint32_t j)
{
    const tok *t = &c->T[j];
    if (t->kind == T_PUNCT) {
        uint32_t ch = c->d->cp[t->start];
        return ch == ',' || ch == ';' || ch == ':' || ch == '(' || ws_is_dash(ch);
    }
    return t->kind == T_WORD && !(t->flags & F_CAP) && ((c->T[j].lex & LX_WL_BOUND) || (t->lex & LX_CUE_ING));
}

/* The learned start of speech [a, b) after cue k, whose words begin at
 * token after (startmodel.c): a word or an opening quote mark no further
 * than START_WINDOW words after the cue, before b and taken by no other
 * attribution, or the rules' start a. */
#define START_WINDOW 8
static uint32_t choose_start(ctx *c, uint32_t k, uint32_t after, uint32_t a, uint32_t b, bool that)
{
    ws_doc *d = c->d;
    bool log = (d->flags & WS_INTERNAL_LOG_STARTS) != 0;
    if ((!log && (d->flags & WS_RULES_ONLY)) || a < after || a >= b)
        return a;
    /* "said that …", "said he …": the model does not move these starts
     * (PolNeAR train, 3 of 760 subject pronouns; dev, none of 174 "that"s
     * and 97 pronouns), so it is not asked */
    if (a == after && (low_is(&c->T[a], "that") || (c->T[a].lex & LX_WL_SUBJECT)))
        return a;
    /* ... nor "told the court that …", "put it to the witness that …": the
     * one told, then the speech */
    if (low_is(&c->T[a], "that") && hearer_verb(c, k))
        return a;
    start_site s = {.cue = k, .after = after, .rule_start = a, .end = b, .that = that};
    uint32_t lim = after + START_WINDOW < b ? after + START_WINDOW : b;
    if (lim <= a)
        lim = a + 1;
    /* before the rules' start, only over words no attribution holds */
    uint32_t lo = a;
    while (lo > after && !c->used[lo - 1] && c->T[lo - 1].quote < 0 &&
           c->T[lo - 1].kind != T_QUOTE)
        lo--;
    for (uint32_t j = lo; j < lim && s.n < WS_START_MAX_CANDS && !(j > a && c->used[j]); j++) {
        const tok *t = &c->T[j];
        bool open = t->kind == T_QUOTE && (t->flags & F_OPEN);
        bool word = (t->kind == T_WORD || t->kind == T_NUM) && t->quote < 0 &&
                    /* right after an opening mark: the same start, once trimmed */
                    !(j > lo && c->T[j - 1].kind == T_QUOTE && (c->T[j - 1].flags & F_OPEN));
        if (j == a || open || word)
            s.cand[s.n++] = j;
    }
    if (log) {
        VPUSH(&d->arena, d->start_log, s);
        return a;
    }
    return s.n == 1 ? a : s.cand[ws_start_best(d, &s)];
}

/* The cue's end once the learned start moved the content from the rules'
 * start a0 to a: words it left behind, right after the cue, join the cue
 * ("voiced | support for | Trump", "lashed out | at | the board"), as
 * PolNeAR marks them; a comma or a quote mark among them leaves it alone. */
static uint32_t cue_through(const ctx *c, uint32_t cue_end, uint32_t a0, uint32_t a)
{
    if (a <= a0 || a0 != cue_end)
        return cue_end;
    for (uint32_t j = cue_end; j < a; j++)
        if (c->T[j].kind != T_WORD)
            return cue_end;
    return a;
}

/* The end of reported speech [a, b) that the rules found after cue k, as the
 * learned boundary model would place it (boundmodel.c). Speech with a
 * quotation inside ("said the plan was "dead" as he left") may end after the
 * quotation, never inside it. */
static uint32_t choose_end(ctx *c, uint32_t k, uint32_t a, uint32_t b, uint32_t s1, bool that)
{
    ws_doc *d = c->d;
    bool log = (d->flags & WS_INTERNAL_LOG_BOUNDS) != 0;
    if (!log && (d->flags & WS_RULES_ONLY))
        return b;
    uint32_t lim = s1 > a + MAX_CONTENT ? a + MAX_CONTENT : s1;
    bool marked = false;
    for (uint32_t j = a; j < lim; j++) {
        /* mixed speech: it may stop after a quotation, never inside one */
        if (c->T[j].kind == T_QUOTE || c->T[j].quote >= 0) {
            if (j < b)
                marked = true;
            else
                return b;
        }
        /* nor on past another cue: ", adding that …" starts its own */
        if (j > a && (c->used[j] || (j >= b && c->cue_len[j] && !c->weak[j]))) {
            lim = j;
            break;
        }
        /* nor into another subject's speech (content_end's stop) */
        if (j >= b && other_subject_cue(c, j, s1)) {
            lim = j;
            break;
        }
    }
    while (lim > a && c->T[lim - 1].kind == T_PUNCT)
        lim--;
    if (b > lim || b <= a)
        return b;
    bound_site s = {.cue = k, .a = a, .rule_end = b, .that = that, .marked = marked};
    bool have_b = false;
    uint32_t commas = 0, counted = a; /* commas in [a, counted) */
    bool verb = false;                /* ... and a verb */
    for (uint32_t j = a + 1; j < lim && s.n < WS_BOUND_MAX_CANDS - 1; j++) {
        const tok *tj = &c->T[j];
        bool inside = tj->kind == T_QUOTE || tj->quote >= 0;
        if (j == b || (!inside && (bound_candidate(c, j) || tj[-1].kind == T_QUOTE))) {
            for (; counted < j; counted++) {
                commas += tok_punct(c->d, counted, ',');
                verb |= ws_verb_like(&c->T[counted]);
            }
            s.commas[s.n] = commas > 255 ? 255 : (uint8_t)commas;
            s.verb[s.n] = verb;
            s.cand[s.n++] = j;
            have_b |= j == b;
        }
    }
    for (; counted < lim; counted++) {
        commas += tok_punct(c->d, counted, ',');
        verb |= ws_verb_like(&c->T[counted]);
    }
    s.commas[s.n] = commas > 255 ? 255 : (uint8_t)commas;
    s.verb[s.n] = verb;
    s.cand[s.n++] = lim; /* the sentence's end, always last */
    if (!have_b && b != lim)
        return b;
    if (log) {
        VPUSH(&d->arena, d->bound_log, s);
        return b;
    }
    if (s.n == 1) /* the sentence's end alone, which is b */
        return b;
    uint32_t best = b;
    double bz = -1e300, zs[WS_BOUND_MAX_CANDS];
    ws_bound_scores(d, &s, zs);
    for (uint32_t i = 0; i < s.n; i++) {
        /* ties go to the rules' end */
        double z = zs[i] + (s.cand[i] == b ? 1e-9 : 0);
        if (z > bz) {
            bz = z;
            best = s.cand[i];
        }
    }
    while (best > a + 1 && c->T[best - 1].kind == T_PUNCT)
        best--;
    return best;
}

static void set_type(ctx *c, int32_t qi)
{
    quote *q = &c->d->quotes.v[qi];
    int marks = 0; /* double marks ("“”«»„ and ''), the ones that make a quote "marked" */
    for (size_t f = 0; f < q->content.n; f++) {
        for (size_t i = q->content.v[f].start; i < q->content.v[f].end; i++) {
#ifdef __SSE2__
            /* four code points at a time while they are ASCII and no quote
             * mark (SSE2 is part of x86-64 itself); eight while there are
             * eight. A code point is below 2^31: a signed comparison tells
             * one past ASCII. */
#define PLAIN_HIT(x)                                                                               \
    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi32(x, _mm_set1_epi32('"')), _mm_cmpeq_epi32(x, _mm_set1_epi32('\''))), \
                 _mm_cmpgt_epi32(x, _mm_set1_epi32(0x7F)))
            while (q->content.v[f].end - i >= 8) {
                __m128i x = _mm_loadu_si128((const __m128i *)(c->d->cp + i));
                __m128i y = _mm_loadu_si128((const __m128i *)(c->d->cp + i + 4));
                if (_mm_movemask_epi8(_mm_or_si128(PLAIN_HIT(x), PLAIN_HIT(y))))
                    break;
                i += 8;
            }
            while (q->content.v[f].end - i >= 4) {
                __m128i x = _mm_loadu_si128((const __m128i *)(c->d->cp + i));
                if (_mm_movemask_epi8(PLAIN_HIT(x)))
                    break;
                i += 4;
            }
#undef PLAIN_HIT
            if (i >= q->content.v[f].end)
                break;
#endif
            uint32_t ch = c->d->cp[i];
            if (ch < 0x80 && ch != '"' && ch != '\'')
                continue; /* most characters: no mark */
            if (ch == '"' || ch == 0x201C || ch == 0x201D || ch == 0xAB || ch == 0xBB ||
                ch == 0x201E)
                marks++;
            else if ((ch == '\'' || ch == 0x2018 || ch == 0x2019) && i + 1 < q->content.v[f].end &&
                     c->d->cp[i + 1] == ch)
                marks++, i++;
        }
    }
    /* in British style a fragment wholly inside single marks is marked */
    if (c->d->british && !marks) {
        for (size_t f = 0; f < q->content.n; f++) {
            uint32_t x = c->d->cp[q->content.v[f].start], y = c->d->cp[q->content.v[f].end - 1];
            if ((x == '\'' || x == 0x2018) && (y == '\'' || y == 0x2019))
                marks += 2;
        }
    }
    /* direct: one fragment that is exactly one pair of marks (double, or
     * single in headline style) */
    if (q->content.n == 1) {
        uint32_t first = (uint32_t)q->content.v[0].start, last = (uint32_t)q->content.v[0].end - 1;
        uint32_t a = c->d->cp[first];
        if (ws_is_quote_char(a) && ws_is_quote_char(c->d->cp[last]) &&
            (marks == 2 || (marks == 0 && a != '\'' && a != 0x2019))) {
            q->type = WS_DIRECT;
            return;
        }
    }
    q->type = marks ? WS_MIXED : WS_INDIRECT;
}

/* Find the marked quote that closes at token k (k is a closing mark, or the
 * punctuation right after one). */
static int32_t quote_closing_at(const ctx *c, uint32_t k)
{
    for (int back = 0; back < 2 && k >= (uint32_t)back; back++) {
        uint32_t j = k - (uint32_t)back;
        if (c->T[j].kind == T_QUOTE && c->T[j].quote >= 0) {
            int32_t q = c->T[j].quote;
            /* the innermost quote of a closing mark is its own quote */
            const mquote *m = &c->d->mq.v[q];
            if (m->close == j && !m->single)
                return q;
            /* a double quote that closes right after a single one */
            for (int32_t p = q; p >= 0 && p >= q - 2; p--)
                if (c->d->mq.v[p].close == j && !c->d->mq.v[p].single)
                    return p;
        }
        if (!(c->T[j].kind == T_PUNCT && (c->d->cp[c->T[j].start] == ',' ||
                                          ws_is_dash(c->d->cp[c->T[j].start]))))
            break;
    }
    return -1;
}

/* Quote (or its chain) as content, first fragment. */
static void add_quote_content(ctx *c, int32_t qi, int32_t mqi)
{
    /* one fragment per paragraph, as annotators mark long quotations */
    for (int32_t x = mqi; x >= 0; x = c->d->mq.v[x].next) {
        add_content(c, qi, c->d->mq.v[x].open, c->d->mq.v[x].close + 1);
        c->d->mq.v[x].used = true;
    }
}

/* ---- sieve 1: cues next to a quote ---- */

/* After an attribution that follows a quote, the quote goes on in the same
 * sentence: "The risk," said X, an economist, "is that …". */
static void take_interruption(ctx *c, int32_t qi, uint32_t from, uint32_t s1)
{
    bool ing = false; /* a participle's cue passed on the way */
    for (uint32_t e = from; e < s1 && e < from + 40; e++) {
        if (sent_end_punct(c, e))
            return;
        if (c->cue_len[e]) {
            /* "“…,” X wrote in a statement explaining why …, “but …”": a
             * quotation going on in lower case after a participle's clause
             * is still the first one's (after ", arguing that …, “more …”"
             * the participle's own) */
            if (!(c->T[e].lex & LX_CUE_ING) || e == from || tok_punct(c->d, e - 1, ','))
                return;
            ing = true;
            continue;
        }
        if (c->T[e].kind == T_QUOTE) {
            int32_t m = c->T[e].quote;
            if (ing && !(e + 1 < s1 && c->T[e + 1].kind == T_WORD && !(c->T[e + 1].flags & F_CAP)))
                return;
            /* ""…," he said, but "…"": joined by a conjunction too */
            if ((c->T[e].flags & F_OPEN) && quote_free(c, m) && c->d->mq.v[m].open == e &&
                e > 0 && (tok_punct(c->d, e - 1, ',') || tok_punct(c->d, e - 1, ':') ||
                          ws_is_dash(c->d->cp[c->T[e - 1].start]) ||
                          (e > from + 1 && (tok_is(c->d, e - 1, "but") || tok_is(c->d, e - 1, "and")) &&
                           tok_punct(c->d, e - 2, ','))))
                add_quote_content(c, qi, m);
            return;
        }
    }
}

/* [a, k) is a name, a comma, an apposition and a comma, all words or
 * commas, no longer than a name and two appositions: the phrase, headed
 * by the name. */
static bool named_appos(const ctx *c, uint32_t a, uint32_t k, np *out)
{
    int32_t h = c->ment_at[a];
    if (h < 0 || k <= a + 3 || k - a > 2 * MAX_NP || !tok_punct(c->d, k - 1, ','))
        return false;
    const mention *M = &c->d->ments.v[h];
    if (M->kind != M_NAME || M->t0 != a || !tok_punct(c->d, M->t1, ','))
        return false;
    /* ("…, who was among those polled, said": a verb inside a relative
     * clause is the clause's) */
    bool rel = false;
    for (uint32_t x = M->t1 + 1; x < k - 1; x++) {
        if (!((c->T[x].kind == T_WORD || c->T[x].kind == T_NUM) || tok_punct(c->d, x, ',') ||
              tok_punct(c->d, x, '.')) ||
            (c->cue_len[x] && !rel) || ((c->T[x].lex & LX_WL_AUXVERB) && !rel))
            return false;
        rel |= tok_punct(c->d, x - 1, ',') && (tok_is(c->d, x, "who") || tok_is(c->d, x, "which"));
    }
    *out = (np){a, k - 1, h};
    return true;
}

/* The cue k inside a relative clause between commas after the speaker,
 * with the main verb after it: in "“…,” an official, who declined to be
 * named, told Fox News" the quotation is told, not declined. */
static bool in_relative_clause(const ctx *c, uint32_t after, uint32_t k, uint32_t len, uint32_t s1)
{
    uint32_t x = k;
    while (x > after + 1 && !(tok_punct(c->d, x - 2, ',') && (tok_is(c->d, x - 1, "who") ||
                                                             tok_is(c->d, x - 1, "which"))))
        x--;
    if (x <= after + 1)
        return false;
    for (uint32_t j = k + len; j < s1 && j < k + len + MAX_NP; j++) {
        if (c->T[j].kind == T_QUOTE)
            return false;
        if (tok_punct(c->d, j, ','))
            return j + 1 < s1 && c->cue_len[j + 1] && !c->weak[j + 1] && !(c->T[j + 1].lex & LX_CUE_ING);
    }
    return false;
}

/* Q-C-S and Q-S-C: the cue follows a quote ("…," said X / "…," X said). */
static bool quote_before_cue(ctx *c, uint32_t k, uint32_t len)
{
    uint32_t s0, s1;
    sent_bounds(c, k, &s0, &s1);
    uint32_t p0 = c->d->paras.v[c->T[k].para].t0;
    uint32_t p1 = c->d->paras.v[c->T[k].para].t1;
    /* as far back as a named speaker with an apposition reaches ("…,"
     * Adam Green, co-founder of the Progressive Change Committee, said),
     * within the paragraph and after the last quote mark before k (found in
     * the tokenizer's list of them, where a walk back read every token) */
    uint32_t j = k >= 2 * MAX_NP + 2 ? k - (2 * MAX_NP + 2) : 0;
    if (j < p0)
        j = p0;
    {
        const uint32_t *qm = c->d->qmarks.v;
        size_t lo = 0, hi = c->d->qmarks.n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (qm[mid] < k)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo && qm[lo - 1] + 1 > j)
            j = qm[lo - 1] + 1;
    }
    int32_t mq = j > p0 ? quote_closing_at(c, j - 1) : -1;
    if (mq < 0 && j > p0 && c->T[j - 1].quote >= 0 && single_free(c, c->T[j - 1].quote) &&
        c->d->mq.v[c->T[j - 1].quote].close == j - 1)
        mq = c->T[j - 1].quote;
    if (mq < 0 || !(quote_free(c, mq) || single_free(c, mq)))
        return false;
    uint32_t after = c->d->mq.v[mq].close + 1;
    /* the last paragraph of a quote that began paragraphs earlier */
    int32_t tail = mq;
    while (c->d->mq.v[mq].prev >= 0 && quote_free(c, c->d->mq.v[mq].prev))
        mq = c->d->mq.v[mq].prev;
    bool comma = false;
    while (after < k && c->T[after].kind == T_PUNCT &&
           (c->d->cp[c->T[after].start] == ',' || ws_is_dash(c->d->cp[c->T[after].start]))) {
        after++;
        comma = true;
    }
    /* a comma inside the marks counts too: "…," he said */
    uint32_t cl = c->d->mq.v[tail].close;
    while (cl > c->d->mq.v[tail].open + 1 && c->T[cl - 1].kind == T_QUOTE)
        cl--; /* ?'" : a nested quote closes with it */
    if (cl > 0 && (tok_punct(c->d, cl - 1, ',') || tok_punct(c->d, cl - 1, '?') ||
                   tok_punct(c->d, cl - 1, '!') || ws_is_dash(c->d->cp[c->T[cl - 1].start])))
        comma = true;
    if (!comma) {
        /* "….” Trump said." / "…” Grubbs said.": without the comma, only a
         * short sentence of its own that just names the speaker */
        uint32_t e = k + len, stop = e;
        while (stop < s1 && stop < e + 3 && c->T[stop].kind == T_WORD &&
               ((c->T[stop].lex & (LX_WEEKDAY | LX_TIMEWORD | LX_MONTH)) || tok_is(c->d, stop, "on") ||
                tok_is(c->d, stop, "last")))
            stop++;
        if (after == k || c->T[after].sent != c->T[k].sent || c->T[after].flags & F_PARA_START ||
            !(stop >= s1 || sent_end_punct(c, stop)) || k - after > MAX_NP)
            return false;
    }
    np src;
    bool ok;
    if (after == k) {
        /* ""New York values," saying the city …": a participle is no
         * inversion, its subject is the clause's before */
        if ((c->T[k].lex & LX_CUE_ING) && !(c->T[k].lex & LX_CUE))
            return false;
        ok = np_right(c, k + len, p1, &src);
    } else {
        ok = np_left(c, k, after, &src);
        /* "…," Anne Richards, assistant secretary for population, refugees,
         * and migration, said: a list inside the apposition, which np_left
         * reads as a phrase of its own */
        if (!ok && comma)
            ok = named_appos(c, after, k, &src);
        /* without a comma, the speaker's phrase is all there is */
        if (ok && !comma && (src.t0 != after || src.head < 0))
            return false;
        /* a long subject: "the Florida senator and Republican candidate said",
         * "Rep. Hunter's chief of staff, Joe Kasper, told" */
        if (ok && src.t0 > after) {
            for (uint32_t x = after; x < src.t0; x++)
                if (!(c->T[x].kind == T_WORD || tok_punct(c->d, x, ',')) || c->cue_len[x] ||
                    src.t0 - after > 2 * MAX_NP)
                    ok = false;
            if (ok) {
                src.t0 = after;
                /* "X, the attorney general of Y, one of the states suing
                 * the EPA, said": the name in front of the appositions */
                int32_t h = c->ment_at[after];
                if (h >= 0 && c->d->ments.v[h].kind == M_NAME && c->d->ments.v[h].t0 == after &&
                    tok_punct(c->d, c->d->ments.v[h].t1, ','))
                    src.head = h;
            }
        }
    }
    if (!ok || in_relative_clause(c, after, k, len, s1))
        return false;
    uint32_t o = c->d->mq.v[mq].open;
    bool starts = (c->T[o].flags & (F_SENT_START | F_PARA_START)) || o == 0 ||
                  tok_punct(c->d, o - 1, ':') || c->T[o - 1].kind == T_QUOTE;
    if (!starts) {
        /* mid-sentence: a title ("on CBS's "Face the Nation," Sanders was
         * asked") or a clause with a cue of its own ("boasted that, thanks to
         * his "method," he …") is not this cue's speech */
        if (title_case(c, &c->d->mq.v[mq]))
            return false;
        uint32_t x0 = c->T[o].sent == c->T[k].sent ? s0 : o;
        for (uint32_t x = o > x0 + MAX_CONTENT ? o - MAX_CONTENT : x0; x < o; x++)
            if (c->cue_len[x] && !c->weak[x])
                return false;
    }
    int32_t qi = new_quote(c, k, k + len, &src, 1, src.head >= 0 ? 0.95 : 0.85);
    if (starts) {
        add_quote_content(c, qi, mq);
    } else {
        /* the quote closes a clause that began earlier: mixed speech from
         * the start of the sentence (or of the paragraph's quote) */
        uint32_t a = c->T[o].sent == c->T[k].sent ? s0 : c->d->sents.v[c->T[o].sent].t0;
        if (o > a + MAX_CONTENT)
            a = o - MAX_CONTENT;
        add_content(c, qi, a, c->d->mq.v[mq].close + 1);
    }
    uint32_t e = src.t1 > k + len ? src.t1 : k + len;
    take_interruption(c, qi, e, s1);
    return true;
}

/* S-C-Q: a quote opens after the cue, with at most a short phrase between
 * ("X said at a news conference on Tuesday: "…""). */
/* A speech verb, free and not weak, stands right before the subject at t
 * (or before its "that"): "said (that) he wanted …". */
static bool outer_cue_before(const ctx *c, uint32_t t, uint32_t s0)
{
    if (t > s0 && tok_is(c->d, t - 1, "that")) {
        t--;
        /* "told reporters that", "told AFP that": the one told between */
        for (uint32_t x = t; x > s0 + 1 && x + 4 > t && c->T[x - 1].kind == T_WORD; x--)
            if (c->cue_len[x - 2] && hearer_verb(c, x - 2) && !c->weak[x - 2] && !c->used[x - 2] &&
                !(c->T[x - 2].flags & F_CAP))
                return true;
        /* "said afterwards that", "said on Tuesday that": an adverb or a
         * day between the cue and its "that" */
        for (int i = 0; i < 2 && t > s0 + 1 && c->T[t - 1].kind == T_WORD &&
                        (((c->T[t - 1].lex & LX_AUX) && !(c->T[t - 1].flags & F_CAP) && !(c->T[t - 1].lex & LX_CUE)) ||
                         (c->T[t - 1].lex & (LX_WEEKDAY | LX_TIMEWORD)) || tok_is(c->d, t - 1, "on"));
             i++)
            t--;
    }
    if (t <= s0)
        return false;
    const tok *v = &c->T[t - 1];
    return c->cue_len[t - 1] == 1 && (v->lex & LX_CUE) && !(v->flags & F_CAP) && !c->weak[t - 1] &&
           !c->used[t - 1] && !c->learned[t - 1];
}

/* The same, or the subject phrase [t0, t1) itself opens with such a verb
 * ("said he"). */
static bool outer_cue_at(const ctx *c, uint32_t t0, uint32_t t1, uint32_t s0)
{
    /* before the phrase, or inside it: "Sanders said his campaign" is no
     * speaker of its own */
    for (uint32_t j = t0; j < t1; j++)
        if (outer_cue_before(c, j, s0))
            return true;
    return false;
}

static bool quote_after_cue(ctx *c, uint32_t k, uint32_t len)
{
    uint32_t s0, s1;
    sent_bounds(c, k, &s0, &s1);
    uint32_t f = k + len, limit = f + 10;
    /* "Iowa State's Dianne Bystrom agreed. "Mainstream Republicans are …"":
     * a sentence that is only a speaker and a cue, then a quotation that
     * has no attribution of its own */
    if (f + 1 < c->n && sent_end_punct(c, f) && c->T[f + 1].kind == T_QUOTE &&
        (c->T[f + 1].flags & F_OPEN) && !(c->T[f + 1].flags & F_PARA_START)) {
        int32_t m = c->T[f + 1].quote;
        np src;
        if (quote_free(c, m) && c->d->mq.v[m].open == f + 1 && np_left(c, k, s0, &src) &&
            src.t0 == s0 && src.head >= 0) {
            uint32_t last = mq_last(c, m), x = last + 1;
            while (x < c->n && tok_punct(c->d, x, ','))
                x++;
            bool own = x < c->n && !(c->T[x].flags & F_PARA_START) &&
                       (c->cue_len[x] || c->ment_at[x] >= 0);
            if (!own) {
                int32_t qi = new_quote(c, k, k + len, &src, 1, 0.8);
                add_quote_content(c, qi, m);
                return true;
            }
        }
    }
    /* "Said Comey, "…"", "Said X, who grew up with him, "…"": the cue opens
     * the sentence and its speaker follows it */
    bool opens = k == s0 && (c->T[k].flags & F_CAP) && c->ment_at[f] >= 0;
    if (opens)
        limit = f + 2 * MAX_NP + 2;
    while (f < c->n && f < limit && c->T[f].kind != T_QUOTE) {
        if (sent_end_punct(c, f) || c->cue_len[f] || tok_is(c->d, f, "that") ||
            (c->T[f].flags & F_PARA_START))
            return false;
        /* "said she would accept the result, "whatever it is."": a subject
         * and its verb before the quotation make it part of a clause */
        if (!opens && c->T[f].kind == T_WORD && !(c->T[f].flags & F_CAP) &&
            (c->T[f].lex & LX_WL_SUBJECT) && f + 1 < c->n && (c->T[f + 1].lex & LX_AUX))
            return false;
        f++;
    }
    if (f >= c->n || f >= limit || !(c->T[f].flags & F_OPEN))
        return false;
    int32_t m = c->T[f].quote;
    if (!quote_free(c, m) || c->d->mq.v[m].open != f)
        return false;
    bool colon = f > 0 && tok_punct(c->d, f - 1, ':');
    bool lead = colon || (f > 0 && tok_punct(c->d, f - 1, ',')) || f == k + len;
    if (!lead)
        return false;
    /* "the idea was dismissed "before we finished the sentence."": a passive
     * right before the quotation does not report it */
    if (f == k + len && k > s0 && (c->T[k - 1].lex2 & LX2_BE) && !(c->T[k - 1].flags & F_CAP) &&
        c->T[k].len > 3 && ws_streq(c->T[k].low + c->T[k].len - 2, "ed"))
        return false;
    /* the quote must end the sentence, or this is mixed speech */
    uint32_t last = mq_last(c, m);
    uint32_t nx = last + 1;
    while (nx < c->n && c->T[nx].kind == T_PUNCT && sent_end_punct(c, nx))
        nx++;
    bool ends = nx >= c->n || (c->T[nx].flags & (F_SENT_START | F_PARA_START));
    /* "he yelled "You lie!" at the president": a quotation that closes its
     * own sentence is the whole of the speech */
    if (!ends && last > f + 1 && (tok_punct(c->d, last - 1, '!') || tok_punct(c->d, last - 1, '?')))
        ends = true;
    /* "says, "Don't you do it," until …": a quotation closed by its own
     * comma, then the writer's lower-case clause */
    bool closed = !ends && !colon && f == k + len + 1 && last > f + 1 &&
                  tok_punct(c->d, last - 1, ',') && last + 1 < s1 &&
                  c->T[last + 1].kind == T_WORD && !(c->T[last + 1].flags & F_CAP) &&
                  !c->cue_len[last + 1] && c->ment_at[last + 1] < 0;
    if (closed)
        ends = true;
    if (!ends && !colon && f != k + len)
        return false;
    np src;
    /* "The strikers gathered outside, chanting "…"": a participle after a
     * comma has the clause's subject */
    bool participle = k > s0 + 1 && tok_punct(c->d, k - 1, ',') && c->T[k].len > 4 &&
                      ws_streq(c->T[k].low + c->T[k].len - 3, "ing");
    bool have = (participle && prev_source(c, s0, k, &src)) || np_left(c, k, s0, &src);
    /* "X urged women to vote for Hillary Clinton, saying, "…"": the object
     * of a preposition is no subject */
    np first;
    if (participle && (!have || (src.t0 > s0 && prep_object(c, s0, src.t0))) &&
        np_left_first(c, s0, k, &first)) {
        src = first;
        have = true;
    }
    if (participle && have)
        clause_subject(c, &src);
    if (!have && after_and(c, s0, k)) /* "X pointed to … and emphasized: …" */
        have = np_left_first(c, s0, k, &src);
    if (!have && opens && f > k + len + 1 && tok_punct(c->d, f - 1, ','))
        have = np_right_ex(c, k + len, f, &src, false) && src.t1 + 1 >= f - 1 && src.head >= 0;
    if (!have)
        return false;
    /* "X said he wanted "…"": the quotation is the outer cue's speech */
    if (outer_cue_at(c, src.t0, src.t1, s0))
        return false;
    int32_t qi = new_quote(c, k, k + len, &src, 1, src.head >= 0 ? 0.95 : 0.8);
    c->d->quotes.v[qi].colon = colon && f == k + len + 1;
    /* "X said: "…a mistake," but in fact …": the writer's own clause */
    if (!ends && colon && last + 1 < s1 && tok_punct(c->d, last - 1, ',') &&
        concessive(&c->T[last + 1]))
        ends = true;
    if (ends) {
        add_quote_content(c, qi, m);
    } else {
        uint32_t ce = content_end(c, last + 1, s1);
        add_content(c, qi, f, ce > last + 1 ? ce : last + 1);
    }
    return true;
}

/* "Trump has been criticized by some of his rivals": a cue in the passive
 * with its agent after "by" reports on its subject; the agent is the
 * source (PolNeAR train: 112 such attributions, 10 found before this
 * sieve). Only when the subject and the agent are both plain phrases. */
static void sieve_passive(ctx *c)
{
    for (uint32_t ci = 0; ci < c->ncues; ci++) {
        uint32_t k = c->cues[ci];
        uint32_t len = cue_at(c, k);
        if (!len || c->T[k].quote >= 0 || c->used[k] || c->weak[k] || k == 0)
            continue;
        uint32_t by = k + len, s0, s1;
        sent_bounds(c, k, &s0, &s1);
        if (by + 1 >= s1 || !tok_is(c->d, by, "by") || c->T[k].len < 4 ||
            !ws_streq(c->T[k].low + c->T[k].len - 2, "ed"))
            continue;
        /* the auxiliary: "was", "has been", "were also", "is widely" */
        uint32_t v = k;
        while (v > s0 && v + 3 > k && c->T[v - 1].kind == T_WORD &&
               !(c->T[v - 1].lex2 & LX2_BE) && !(c->T[v - 1].flags & F_CAP) &&
               ((c->T[v - 1].lex & LX_AUX) ||
                ends_ly(&c->T[v - 1])))
            v--;
        if (v == s0 || !(c->T[v - 1].lex2 & LX2_BE))
            continue;
        v--;
        while (v > s0 && (c->T[v - 1].lex & LX_AUX) && !(c->T[v - 1].flags & F_CAP))
            v--;
        /* whatever follows "by" is the agent, never the speech: a passive
         * cue this sieve cannot read reports nothing */
        np subj, agent;
        if (!np_left(c, v, s0, &subj) || !np_right(c, by + 1, s1, &agent) ||
            !span_free(c, subj.t0, subj.t1)) {
            c->cue_len[k] = 0;
            continue;
        }
        /* the agent ends before a preposition other than "of": "by some
         * of his rivals for failing to act" */
        for (uint32_t j = agent.t0 + 1; j < agent.t1; j++)
            if ((c->T[j].lex & LX_WL_PREP) && !tok_is(c->d, j, "of") && !(c->T[j].flags & F_CAP)) {
                agent.t1 = j;
                agent.head = head_mention(c, agent.t0, j);
                break;
            }
        /* a quote mark in the subject is a title or a scare quote, not
         * speech; a cue in it ("X said companies were encouraged by the
         * talks") makes the passive part of that cue's speech */
        bool marked = false;
        for (uint32_t j = subj.t0; j < subj.t1 && !marked; j++)
            marked = c->T[j].kind == T_QUOTE || (c->cue_len[j] && !c->weak[j] && !(c->T[j].flags & F_CAP));
        if (marked) {
            c->cue_len[k] = 0;
            continue;
        }
        int32_t qi = new_quote(c, v, by, &agent, 2, agent.head >= 0 ? 0.6 : 0.5);
        add_content(c, qi, subj.t0, subj.t1);
        c->used[by] = 1;
    }
}

/* "…," exhorted X. / "…," X riffed. — the layout alone says it is speech,
 * whatever the verb, when the quote fills its sentence up to the comma. */
static void sieve_adjacent_any_verb(ctx *c)
{
    for (size_t i = 0; i < c->d->mq.n; i++) {
        mquote *m = &c->d->mq.v[i];
        if (m->used || m->single || !m->closed)
            continue;
        uint32_t o = m->open, cl = m->close;
        if (!((c->T[o].flags & (F_SENT_START | F_PARA_START)) || o == 0))
            continue;
        bool comma = cl > 0 && (tok_punct(c->d, cl - 1, ',') || tok_punct(c->d, cl - 1, '?') ||
                                tok_punct(c->d, cl - 1, '!'));
        uint32_t k = cl + 1, s0, s1;
        if (k >= c->n || (c->T[k].flags & F_PARA_START))
            continue;
        /* "“…” ― Sonya Herridge": a dash and the speaker's name */
        if (c->T[k].kind == T_PUNCT && ws_is_dash(c->d->cp[c->T[k].start]) && k + 1 < c->n &&
            c->ment_at[k + 1] >= 0 && c->d->ments.v[c->ment_at[k + 1]].kind != M_ORG &&
            c->d->ments.v[c->ment_at[k + 1]].t0 == k + 1) {
            const mention *M = &c->d->ments.v[c->ment_at[k + 1]];
            np src = {M->t0, M->t1, c->ment_at[k + 1]};
            int32_t qi = new_quote(c, k, k + 1, &src, 1, 0.7);
            add_quote_content(c, qi, (int32_t)i);
            continue;
        }
        if (!comma)
            continue;
        sent_bounds(c, k, &s0, &s1);
        np src;
        uint32_t v;
        if (past_word(c, k) && np_right(c, k + 1, s1, &src)) {
            v = k; /* "…," exhorted X */
        } else if (c->ment_at[k] >= 0) {
            int32_t mi = c->ment_at[k];
            if (c->d->ments.v[mi].kind == M_ORG || c->d->ments.v[mi].t0 != k)
                continue;
            v = c->d->ments.v[mi].t1;
            while (v < s1 && (c->T[v].lex & LX_AUX))
                v++;
            if (v >= s1 || !past_word(c, v))
                continue;
            src = (np){k, c->d->ments.v[mi].t1, mi};
        } else {
            /* "…," the Republican nominee riffed */
            if (!role_subject(c, k, s1, &src) || !past_word(c, src.t1))
                continue;
            v = src.t1;
        }
        int32_t qi = new_quote(c, v, v + 1, &src, 1, 0.7);
        add_quote_content(c, qi, (int32_t)i);
    }
}

static void sieve_adjacent(ctx *c)
{
    for (uint32_t ci = 0; ci < c->ncues; ci++) {
        uint32_t k = c->cues[ci];
        uint32_t len = cue_at(c, k);
        if (!len || c->T[k].quote >= 0 || c->used[k])
            continue;
        int32_t lemma = c->T[k].cue_lemma;
        if (lemma >= 0 && according_lemma(ws_lex_cue_lemma(lemma)))
            continue; /* handled with indirect speech */
        if (!quote_before_cue(c, k, len))
            quote_after_cue(c, k, len);
    }
}

/* ---- sieve 2: indirect speech ---- */

/* Verbs whose complement is a whole clause of speech or thought. */
/* A preposition right after a verb cue belongs to the cue, not to what was
 * said: "called for", "warned about", "railed against" (PolNeAR train: for
 * 410 : 25, about 475 : 26, on 342 : 16, of 421 : 15; "to" stays with the
 * content, 432 : 683). */
static bool cue_particle(const ctx *c, uint32_t cue, uint32_t k)
{
    /* "said on a conference call", "told in an interview": a setting */
    const char *l = ws_lex_cue_lemma(c->T[cue].cue_lemma);
    if (l && (ws_streq(l, "say") || ws_streq(l, "tell") || ws_streq(l, "add")))
        return false;
    /* ... after any cue: "announced at a news conference", "declared at
     * the rally" (a noun of speech, or where it is made, within a few
     * words) */
    if (k + 2 < c->n && (tok_is(c->d, k, "at") || tok_is(c->d, k, "in") || tok_is(c->d, k, "on")) &&
        (c->T[k + 1].lex & LX_DET))
        for (uint32_t j = k + 2; j < c->n && j < k + 5 && c->T[j].kind == T_WORD; j++)
            if ((c->T[j].lex & LX_CUE_NOUN) || tok_is(c->d, j, "conference") || tok_is(c->d, j, "hearing") ||
                tok_is(c->d, j, "meeting") || tok_is(c->d, j, "ceremony") || tok_is(c->d, j, "event"))
                return false;
    /* "referring to the plan", "pointed to Trump": "to" before a noun phrase
     * joins the cue; before a verb ("vowed to fight") it opens the content
     * (PolNeAR train: referring 38 : 3, pointed 16 : 0; declined 1 : 40) */
    if (k + 1 < c->n && tok_is(c->d, k, "to") && !c->used[k] &&
        ((c->T[k + 1].lex & LX_DET) || (c->T[k + 1].flags & F_CAP) ||
         c->T[k + 1].kind == T_NUM || c->ment_at[k + 1] >= 0))
        return true;
    return k < c->n && (c->T[k].lex2 & LX2_PARTICLE) && !c->used[k] &&
           !tok_is(c->d, k + 1, "that") && !duration_at(c, k) &&
           !(k + 1 < c->n && ((c->T[k + 1].lex & (LX_WEEKDAY | LX_TIMEWORD | LX_MONTH)) ||
                              c->T[k + 1].kind == T_NUM)); /* "said on Monday" */
}

static bool speech_verb(int32_t lemma)
{
    return ws_lex_cue_group(lemma, WS_CG_SPEECH);
}

/* A participle opening an adjunct after the cue and its comma:
 * "CONTENT, the union said, threatening travel plans" (PolNeAR train: the
 * content before such a cue 114 times, after it 3) */
static bool ing_adjunct(const ctx *c, uint32_t k)
{
    const tok *t = &c->T[k];
    if (!(t->kind == T_WORD && !(t->flags & F_CAP) && t->len >= 6 && ws_streq(t->low + t->len - 3, "ing") &&
          !(t->lex & (LX_AUX | LX_WL_PREP)) && !(t->lex2 & LX2_BE)))
        return false;
    /* ("…, he said, replacing Clinton would be much harder": a gerund
     * subject, its verb soon after) */
    for (uint32_t j = k + 1; j < c->n && j < k + 6 && c->T[j].kind == T_WORD; j++)
        if ((c->T[j].lex & LX_AUX) || (c->T[j].lex2 & LX2_BE))
            return false;
    return true;
}

/* The comma that ends a fronted clause before token k's subject: the
 * content of "CONTENT, X said." runs from the sentence start to it. */
/* "X dismissed the criticism: the plan has no alternative, he said": speech
 * fronted before its cue starts after the last colon or semicolon (outside
 * quote marks) in [a, e), else at a. */
static uint32_t after_colon(const ctx *c, uint32_t a, uint32_t e)
{
    for (uint32_t j = e; j-- > a + 1;)
        if ((tok_punct(c->d, j, ':') || tok_punct(c->d, j, ';')) && c->T[j].quote < 0)
            return j + 1;
    return a;
}

static bool fronted_content(const ctx *c, uint32_t s0, uint32_t subj0, uint32_t *a, uint32_t *b)
{
    if (subj0 <= s0 + 1)
        return false;
    uint32_t e = subj0 - 1;
    if (c->T[e].kind == T_QUOTE && e > s0 && tok_punct(c->d, e - 1, ','))
        e++; /* ,” : the mark belongs to the content */
    else if (!tok_punct(c->d, e, ','))
        return false;
    /* a closing quote mark before the comma (or after it) belongs inside */
    *a = e > s0 + MAX_CONTENT ? e - MAX_CONTENT : s0;
    *a = after_colon(c, *a, e);
    *b = e;
    /* "According to police, two people were found …": a source, no speech */
    if (c->cue_len[*a] && c->T[*a].cue_lemma >= 0 &&
        according_lemma(ws_lex_cue_lemma(c->T[*a].cue_lemma)))
        return false;
    /* "The Secretary-General of the United Nations, Antonio Reyes, called
     * …": a noun phrase with no verb and no quotation before a name in
     * commas is the speaker's title in apposition, not what was said */
    int32_t m = c->ment_at[subj0];
    if ((c->T[*a].lex & LX_DET) && *a == s0 && m >= 0 && c->d->ments.v[m].t0 == subj0 &&
        tok_punct(c->d, c->d->ments.v[m].t1, ',')) {
        bool clause = false;
        for (uint32_t j = *a; j < e && !clause; j++)
            clause = ws_verb_like(&c->T[j]) || c->T[j].kind == T_QUOTE;
        if (!clause)
            return false;
    }
    return e > *a + 2;
}

/* "Asked whether the plan would pass, the senator said …": the question is
 * an attribution of its own, with no source (the asker is the reporter)
 * unless "by X" names one. It ends at the comma before the main clause.
 * PolNeAR train: sentence-initial "Asked" annotated 191 of 254. */
static void sieve_asked(ctx *c)
{
    for (size_t si = 0; si < c->d->sents.n; si++) {
        uint32_t s0 = c->d->sents.v[si].t0, s1 = c->d->sents.v[si].t1;
        uint32_t k = s0;
        if (k + 1 < s1 && tok_is(c->d, k, "when"))
            k++;
        if (k + 2 >= s1 || !tok_is(c->d, k, "asked") || c->used[k] || c->T[k].quote >= 0)
            continue;
        uint32_t a = k + 1;
        np src, *sp = NULL;
        if (tok_is(c->d, a, "by")) {
            /* "Asked by Stephanopoulos to respond …" */
            uint32_t e = a + 1;
            while (e < s1 && e < a + 1 + MAX_NP && c->T[e].kind == T_WORD &&
                   !tok_is(c->d, e, "to") && !tok_is(c->d, e, "about") &&
                   !tok_is(c->d, e, "whether") && !tok_is(c->d, e, "if"))
                e++;
            if (e == a + 1 || e >= s1 || !np_ok(c, a + 1, e))
                continue;
            src = (np){a + 1, e, head_mention(c, a + 1, e)};
            sp = &src;
            a = e;
        }
        /* the question runs to the comma before the main clause */
        uint32_t b = a;
        while (b < s1 && !(tok_punct(c->d, b, ',') && c->T[b].quote < 0))
            b++;
        if (b >= s1 || b < a + 2 || b > a + MAX_CONTENT)
            continue;
        if (!span_free(c, a, b))
            continue;
        /* a closing mark after the comma belongs to the question */
        int32_t qi = new_quote(c, k, k + 1, sp, 2, 0.7);
        add_content(c, qi, a, b);
    }
}

/* Sentence-final attributions ("CONTENT, officials said.", "CONTENT,
 * according to X.") report the whole clause before them, cues inside it
 * included: news annotators keep the outer one ("The company plans to cut
 * jobs, a spokesman said"), so sieve_indirect runs first for them alone
 * (c->outer_pass), and an inner cue then finds its content taken. */
static void sieve_indirect(ctx *c)
{
    for (uint32_t ci = 0; ci < c->ncues; ci++) {
        uint32_t k = c->cues[ci];
        tok *t = &c->T[k];
        uint32_t len = cue_at(c, k);
        if (!len || t->quote >= 0 || c->used[k] || c->weak[k])
            continue;
        const char *lem = ws_lex_cue_lemma(t->cue_lemma);
        uint32_t s0, s1;
        sent_bounds(c, k, &s0, &s1);
        np src;
        bool according = according_lemma(lem);
        if (according) {
            /* according to X, CONTENT. | CONTENT, according to X. */
            uint32_t o = k + len;
            if (!np_right_ex(c, k + len, s1, &src, k > s0 + 2)) {
                /* "According to her, the money …": an object pronoun */
                if (o + 1 < s1 && (tok_is(c->d, o, "her") || tok_is(c->d, o, "him") ||
                                   tok_is(c->d, o, "them")) && tok_punct(c->d, o + 1, ',')) {
                    src.t0 = o;
                    src.t1 = o + 1;
                    src.head = c->ment_at[o];
                } else
                    continue;
            }
            /* "In the words of another analyst, Tomas Reyne of the Civic
             * Research Trust, the senator …": a role, then the name in
             * apposition (to its closing comma) */
            if (src.t1 + 2 < s1 && tok_punct(c->d, src.t1, ',') &&
                (src.head < 0 || c->d->ments.v[src.head].kind != M_NAME) && c->ment_at[src.t1 + 1] >= 0 &&
                c->d->ments.v[c->ment_at[src.t1 + 1]].kind == M_NAME &&
                c->d->ments.v[c->ment_at[src.t1 + 1]].t0 == src.t1 + 1 && (c->T[src.t0].lex & LX_DET)) {
                uint32_t j = c->d->ments.v[c->ment_at[src.t1 + 1]].t1;
                while (j < s1 && j < src.t1 + 12 && c->T[j].kind == T_WORD && !c->cue_len[j] &&
                       (!(c->T[j].lex & LX_WL_CLAUSE) || tok_is(c->d, j, "of")))
                    j++;
                if (j + 1 < s1 && tok_punct(c->d, j, ',')) {
                    src.head = c->ment_at[src.t1 + 1];
                    src.t1 = j;
                }
            }

            /* "But according to …", "Now, according to …": still the start */
            uint32_t lead = s0;
            while (lead < k && lead < s0 + 3 &&
                   (c->T[lead].kind == T_PUNCT || (c->T[lead].lex & LX_WL_LEAD)))
                lead++;
            uint32_t a, b;
            bool final = k > s0 + 2 && lead < k && tok_punct(c->d, k - 1, ',');
            /* "…, according to a study published Wednesday in The Lancet.":
             * at the sentence's end, its times and places are the source's
             * too (PolNeAR train: "A report released in September by …") */
            if (final && src.t1 < s1 && !sent_end_punct(c, src.t1) &&
                /* (not "unofficial election results | tallied Wednesday") */
                !((c->T[src.t1 - 1].lex2 & LX2_FINDING_NOUN) && past_word(c, src.t1))) {
                uint32_t j = src.t1;
                while (j < s1 && j < src.t1 + MAX_NP && c->T[j].kind != T_QUOTE && !c->cue_len[j] &&
                       !sent_end_punct(c, j) && !tok_punct(c->d, j, ',') &&
                       !(c->T[j].kind == T_WORD && (c->T[j].lex & LX_WL_CLAUSE) && !(c->T[j].flags & F_CAP)))
                    j++;
                if (j >= s1 || sent_end_punct(c, j))
                    src.t1 = j;
            }
            if (c->outer_pass && !(final && (src.t1 >= s1 || sent_end_punct(c, src.t1))))
                continue;
            if (final) {
                /* CONTENT, according to X: the clause before it, from its
                 * colon, its relative pronoun or its ", and" */
                a = s0;
                b = k - 1;
                for (uint32_t j = b; j > s0 + 1; j--) {
                    uint32_t p = j - 1;
                    if (c->T[p].quote >= 0)
                        continue;
                    if (tok_punct(c->d, p, ':') ||
                        (tok_punct(c->d, p, ',') &&
                         (tok_is(c->d, j, "which") || tok_is(c->d, j, "who") ||
                          tok_is(c->d, j, "whose")))) {
                        a = j;
                        break;
                    }
                    if (tok_punct(c->d, p, ',') && j + 1 < b &&
                        (tok_is(c->d, j, "and") || tok_is(c->d, j, "but"))) {
                        a = j + 1;
                        break;
                    }
                }
            } else if (lead == k || (k == s0 + 1 && c->T[s0].kind != T_WORD)) {
                /* a long source runs to its comma: "According to an online
                 * University of Texas/Texas Tribune poll out Thursday, …" */
                if (src.t1 < s1 && !tok_punct(c->d, src.t1, ',')) {
                    for (uint32_t j = src.t1; j < s1 && j < k + len + 3 * MAX_NP; j++) {
                        if (c->T[j].kind == T_QUOTE || c->cue_len[j] || sent_end_punct(c, j))
                            break;
                        if (tok_punct(c->d, j, ',')) {
                            src.t1 = j;
                            src.head = head_mention(c, src.t0, j);
                            break;
                        }
                    }
                }
                a = src.t1;
                if (a < s1 && tok_punct(c->d, a, ','))
                    a++;
                /* "According to a senior official, who spoke on condition of
                 * anonymity because …, ministers are divided": the relative
                 * clause is the source's, the speech starts after its comma */
                /* (so is a participle's: "According to the poll, carried out
                 * by Civica for the Courier, 38 percent …") */
                bool participle = a > src.t1 && a < s1 && c->T[a].kind == T_WORD &&
                                  !(c->T[a].flags & F_CAP) &&
                                  (past_word(c, a) || (c->T[a].len > 5 && ws_streq(c->T[a].low + c->T[a].len - 3, "ing")));
                if (a < s1 && (tok_is(c->d, a, "who") || tok_is(c->d, a, "which") || participle)) {
                    for (uint32_t j = a + 1; j < s1 && j < a + 3 * MAX_NP; j++) {
                        if (c->T[j].kind == T_QUOTE || sent_end_punct(c, j))
                            break;
                        if (tok_punct(c->d, j, ',')) {
                            src.t1 = j;
                            a = j + 1;
                            break;
                        }
                    }
                }
                b = content_end(c, a, s1);
            } else {
                /* mid-sentence: the clause before it */
                a = s0;
                b = k;
                while (b > a && (tok_punct(c->d, b - 1, ',')))
                    b--;
            }
            /* "That's according to exit polls": the word that points back
             * to what the sentence before said is the content */
            bool that = b == a + 1 && (low_is(&c->T[a], "that's") || low_is(&c->T[a], "that’s") ||
                                       low_is(&c->T[a], "that") || low_is(&c->T[a], "this"));
            if (b <= a + 1 && !that)
                continue;
            if (b > a + MAX_CONTENT)
                a = b - MAX_CONTENT;
            /* "…," Welch said, according to Vermont Edition: already attributed */
            bool taken = false;
            for (uint32_t j = a; j < b && !taken; j++)
                taken = c->T[j].kind == T_QUOTE && c->T[j].quote >= 0 &&
                        c->d->mq.v[c->T[j].quote].used && !c->d->mq.v[c->T[j].quote].single;
            if (taken)
                continue;
            /* "At the heart of it, according to X, was a decision …": the
             * source interrupts the sentence, whose rest is the speech too */
            uint32_t r = src.t1, b2 = 0;
            if (b == k - 1 && r + 2 < s1 && tok_punct(c->d, r, ',') && !c->used[r + 1] &&
                c->T[r + 1].kind == T_WORD && !c->cue_len[r + 1] &&
                !(c->T[r + 1].lex & LX_WL_CLAUSE)) /* ", which …" is the source's */
                b2 = content_end(c, r + 1, s1);
            /* "according to a poll published by the newspaper Saravia
             * Today": a finding noun heads the phrase, no name in it */
            {
                uint32_t h = src.t0;
                while (h + 1 < src.t1 && (c->T[h].lex & LX_DET))
                    h++;
                if (h + 1 < src.t1 && (c->T[h].lex2 & (LX2_FINDING_NOUN | LX2_POLL | LX2_COLON_SOURCE)) &&
                    !(c->T[h].flags & F_CAP))
                    src.head = -1;
            }
            int32_t qi = new_quote(c, k, k + len, &src, 2, 0.8);
            add_content(c, qi, a, b);
            if (b2 > r + 2)
                add_content(c, qi, r + 1, b2);
            continue;
        }
        bool participle = (t->lex & LX_CUE_ING) && !(t->lex & LX_CUE);
        if (participle && c->outer_pass)
            continue;
        /* "While saying that …, he …": a subordinator before the lead-in */
        if (participle && (k == s0 || (k == s0 + 1 && (c->T[s0].lex & LX_WL_CLAUSE) &&
                                       !tok_is(c->d, s0, "and") && !tok_is(c->d, s0, "but")))) {
            /* Pointing out that CONTENT, X said …: the subject is the main clause's */
            bool saw_that;
            uint32_t a = skip_after_cue(c, k + len, s1, &saw_that);
            if (!saw_that)
                continue; /* "Responding to criticism, he said …" */
            uint32_t b = a;
            /* the content ends at the last comma before the main subject */
            uint32_t comma = 0;
            for (uint32_t j = a; j < s1; j++) {
                if (tok_punct(c->d, j, ',') && j + 1 < s1 && c->ment_at[j + 1] >= 0) {
                    comma = j;
                    break;
                }
            }
            if (!comma || comma <= a + 1)
                continue; /* "Noting that, he …": no speech to report */
            b = comma;
            if (!np_right(c, comma + 1, s1, &src))
                continue;
            int32_t qi = new_quote(c, k, k + len, &src, 2, 0.75);
            add_content(c, qi, a, b);
            continue;
        }
        if (participle) {
            /* "…, saying (that) CONTENT", "… by saying (that) …", "… before
             * claiming that …": the subject is the clause's before */
            if (k < s0 + 2 || !(comma_before(c, k) || participle_prep(c, k - 1)))
                continue;
            if (!quoted_as(c, s0, k, &src) && !fronted_subject(c, s0, s1, k, &src) && !prev_source(c, s0, k, &src) &&
                !np_left_first(c, s0, k, &src))
                continue;
            bool saw_that;
            uint32_t a = skip_after_cue(c, k + len, s1, &saw_that);
            uint32_t b = content_end(c, a, s1);
            /* "referring to Barack Obama", "citing its cost": a short object
             * is the whole of what these report */
            bool object = lem && (strcmp(lem, "refer to") == 0 || strcmp(lem, "cite") == 0);
            if (b < a + (object ? 1 : 3))
                continue;
            int32_t qi = new_quote(c, k, k + len, &src, 2, 0.6);
            add_content(c, qi, a, b);
            continue;
        }
        /* X said (that) CONTENT */
        /* the first pass takes only a fronted clause, whose comma is
         * before the cue in its sentence (fronted_content(), below) */
        if (c->outer_pass && c->cue_comma[ci] < s0 + 1)
            continue;
        /* "X offered the man a job as Secretary of Transport, then says …":
         * a second verb of the sentence's subject after ", then" */
        bool then_verb = k > s0 + 2 && tok_is(c->d, k - 1, "then") && tok_punct(c->d, k - 2, ',');
        bool have = then_verb ? prev_source(c, s0, k, &src) || np_left_first(c, s0, k, &src)
                              : np_left(c, k, s0, &src) && !holds_speech_verb(c, &src);
        /* "… say they want …": the clause is the outer cue's speech, and
         * annotators report the outer one alone */
        if (have && src.t1 == src.t0 + 1 && src.t0 > s0 && (c->T[src.t0].lex & LX_WL_SUBJECT) &&
            c->cue_len[src.t0 - 1] && !c->weak[src.t0 - 1] && !c->used[src.t0 - 1] &&
            !(c->T[src.t0 - 1].flags & F_CAP))
            continue;
        /* the earlier verb's source ("Consumer groups welcomed the ruling
         * but said …"), else the sentence's first mention */
        if (!have && after_and(c, s0, k))
            have = prev_source(c, s0, k, &src) || np_left_first(c, s0, k, &src);
        bool inverted = false;
        /* "… a plan for Syria, said Michael O'Hanlon, a senior fellow …": a
         * name right after ", said" and no verb after it is the speaker,
         * whatever name the clause before holds */
        np right;
        if (have && k > s0 + 2 && tok_punct(c->d, k - 1, ',') && lem &&
            (ws_streq(lem, "say") || ws_streq(lem, "add") || ws_streq(lem, "write")) &&
            c->ment_at[k + len] >= 0 && c->d->ments.v[c->ment_at[k + len]].kind == M_NAME &&
            np_right(c, k + len, s1, &right) && right.head == c->ment_at[k + len] &&
            (right.t1 >= s1 || sent_end_punct(c, right.t1)))
            have = false;
        /* (only a verb of speech inverts: "The motion, sponsored by X,
         * described the increase as …" has its subject before the cue) */
        if (!have && k > s0 && tok_punct(c->d, k - 1, ',') && !hearer_verb(c, k) &&
            (t->cue_lemma < 0 || speech_verb(t->cue_lemma))) {
            /* CONTENT, said X. ("…, told the Post": the one told, no speaker) */
            have = np_right(c, k + len, s1, &src);
            inverted = have;
            /* "Lance Beebe, 49, a Navy veteran who …, said Clinton should …":
             * a verb after the phrase makes it the speech's subject, and the
             * speaker the sentence's own long subject */
            if (have && clause_follows(c, src.head >= 0 ? c->d->ments.v[src.head].t1 : src.t1,
                                       src.t0, s1)) {
                inverted = false;
                have = long_subject(c, s0, k, &src);
            }
        }
        if (!have)
            continue;
        /* the first pass takes only a fronted clause ("CONTENT, X said"),
         * which needs a comma before the subject: without one, none of the
         * work below can make an attribution in that pass (fronted_content()
         * reads no more than this) */
        uint32_t fa, fb;
        if (c->outer_pass && !fronted_content(c, s0, inverted ? k : src.t0, &fa, &fb))
            continue;
        /* "The bigger risk, he said, is a clash …": the cue interrupts the
         * sentence, whose two halves are the speech */
        uint32_t sj0 = inverted ? k : src.t0, endc = inverted ? src.t1 : k + len;
        /* "…, she told the council, and every department must cut": the one
         * told stands between the cue and the second half */
        if (!inverted && hearer_verb(c, k)) {
            uint32_t h = endc;
            while (h < s1 && h < endc + 4 && c->T[h].kind == T_WORD && !is_cue(&c->T[h]) &&
                   !(c->T[h].lex & (LX_WL_AUXVERB | LX_WL_SUBJECT | LX_WL_CLAUSE)))
                h++;
            if (h > endc && h < s1 && tok_punct(c->d, h, ','))
                endc = h;
        }
        if (sj0 > s0 + 1 && tok_punct(c->d, sj0 - 1, ',') && endc + 2 < s1 &&
            tok_punct(c->d, endc, ',') && (!c->cue_len[endc + 1] || attitude_at(c, endc + 1)) &&
            c->T[endc + 1].kind == T_WORD &&
            /* "…, said Katie Harbath, Facebook's director": an apposition;
             * "…, said X, director of …", "…, said X, who …": the speaker's */
            !(inverted && ((c->T[endc + 1].flags & F_CAP) ||
                           (c->T[endc + 1].lex & (LX_DET | LX_TITLE | LX_ROLE | LX_WL_CLAUSE)))) &&
            !(c->T[endc + 1].lex & LX_CUE_ING) && !ing_adjunct(c, endc + 1) && !c->used[sj0 - 2] &&
            !c->used[endc + 1] &&
            /* "…, a general has warned, days before the vote": a time, not speech */
            !time_len(c, endc + 1, s1) && !(c->T[endc + 1].lex2 & LX2_DURATION)) {
            if (c->outer_pass)
                continue;
            uint32_t a1 = sj0 - 1 > s0 + MAX_CONTENT ? sj0 - 1 - MAX_CONTENT : s0;
            a1 = after_colon(c, a1, sj0 - 1);
            uint32_t b2 = content_end(c, endc + 1, s1);
            bool clean = b2 > endc + 2;
            for (uint32_t j = a1; j < sj0 - 1 && clean; j++)
                clean = !c->used[j] && !c->cue_len[j] && c->T[j].kind != T_QUOTE;
            if (clean) {
                int32_t qi = new_quote(c, k, k + len, &src, 2, src.head >= 0 ? 0.75 : 0.6);
                add_content(c, qi, a1, sj0 - 1);
                add_content(c, qi, endc + 1, b2);
                continue;
            }
        }
        uint32_t a, b;
        bool saw_that = false;
        uint32_t after = inverted ? src.t1 : k + len;
        if (!inverted && continuation_to(c, k, after))
            continue;
        uint32_t cue_end = k + len;
        if (!inverted && cue_particle(c, k, after))
            cue_end = ++after;
        uint32_t rest = skip_after_cue(c, after, s1, &saw_that);
        uint32_t tail = content_end(c, rest, s1);
        uint32_t sj = inverted ? k : src.t0;
        /* "CONTENT, X said Tuesday in Paris, noting …": what follows the cue is
         * an adjunct, so the speech is the fronted clause */
        uint32_t r1 = rest < s1 && tok_punct(c->d, rest, ',') ? rest + 1 : rest; /* ", adding" */
        bool adjunct_after = r1 < s1 && c->T[r1].kind == T_WORD && !(c->T[r1].flags & F_CAP) &&
                             ((c->T[r1].lex & LX_WL_PREP) || (c->T[r1].lex & LX_CUE_ING) ||
                              /* "…, the union said on Tuesday, threatening
                               * travel plans" */
                              (r1 > rest && ing_adjunct(c, r1)) ||
                              /* "…, X has warned, days before the vote" */
                              (r1 > rest && (c->T[r1].lex2 & LX2_DURATION))) &&
                             !low_is(&c->T[r1], "to") && /* "declined to comment" */
                             /* "said about 400 people had registered": a number's
                              * "about", "around", "over", not an adjunct */
                             !(r1 + 1 < s1 && (c->T[r1 + 1].kind == T_NUM || tok_is(c->d, r1 + 1, "half")) &&
                               (low_is(&c->T[r1], "about") || low_is(&c->T[r1], "around") ||
                                low_is(&c->T[r1], "over") || low_is(&c->T[r1], "nearly") ||
                                low_is(&c->T[r1], "under")));
        /* "CONTENT, the Presidency said in a statement issued here.": a
         * participle after the cue's noun describes the statement */
        if (!adjunct_after && !inverted && r1 > k + len && r1 < s1 && (c->T[r1 - 1].lex & LX_CUE_NOUN) &&
            c->T[r1].kind == T_WORD && !(c->T[r1].flags & F_CAP) &&
            ((c->T[r1].len > 4 && ws_streq(c->T[r1].low + c->T[r1].len - 2, "ed")) || low_is(&c->T[r1], "here")))
            adjunct_after = true;
        /* "CONTENT, a police spokesman told the Herald.": only the hearer
         * follows the cue */
        bool hearer_only = !inverted && hearer_verb(c, k) && tail <= rest + 4 && tail > rest;
        for (uint32_t j = rest; hearer_only && j < tail; j++)
            hearer_only = c->T[j].kind == T_WORD && !is_cue(&c->T[j]) &&
                          !(c->T[j].lex & (LX_WL_AUXVERB | LX_WL_SUBJECT | LX_WL_CLAUSE));
        hearer_only = hearer_only && (tail >= s1 || sent_end_punct(c, tail));
        bool after_cue = false;
        /* "CONTENT, X noted; …": a semicolon closes the attribution */
        bool semicolon = rest < s1 && tok_punct(c->d, rest, ';');
        if (!saw_that && (tail <= rest + 1 || adjunct_after || hearer_only || inverted || semicolon) &&
            fronted_content(c, s0, sj, &a, &b)) {
            /* CONTENT, X said. In the first pass not when CONTENT itself
             * reports speech ("Brandt said the rise was "a disgrace," her
             * deputy added"): that inner verb keeps its own. */
            bool inner = false;
            for (uint32_t j = a; c->outer_pass && j < b && !inner; j++) {
                const char *l = c->cue_len[j] && !c->learned[j] && !c->weak[j]
                                    ? ws_lex_cue_lemma(c->T[j].cue_lemma)
                                    : NULL;
                /* ("The scheme will add 2,000 jobs, the minister said":
                 * "will add", "to add" count, not speak) */
                /* ("Residents were warned to stay …, he said": a passive
                 * has no speaker of its own) */
                inner = l && ws_lex_cue_group(c->T[j].cue_lemma, WS_CG_FRONTED) &&
                        !(j > a && (c->T[j - 1].lex2 & LX2_BE)) &&
                        !(ws_streq(l, "add") && j > a &&
                          (tok_is(c->d, j - 1, "will") || tok_is(c->d, j - 1, "would") ||
                           tok_is(c->d, j - 1, "could") || tok_is(c->d, j - 1, "can") ||
                           tok_is(c->d, j - 1, "may") || tok_is(c->d, j - 1, "might") ||
                           tok_is(c->d, j - 1, "to")));
            }
            if (inner)
                continue;
        } else if (c->outer_pass) {
            continue;
        } else if (tail >= rest + 2) {
            after_cue = true;
            a = rest;
            b = tail;
            if (tok_punct(c->d, a, ':') || tok_punct(c->d, a, ','))
                a++;
            if (participle_next(c, a, cue_end, s1))
                continue;
            b = subordinate_end(c, s0, k, a, b);
            /* a verb that takes an object rather than a clause ("praised his
             * record", "confirmed the meeting") reports just the object:
             * without "that", the speech ends at the first comma */
            if (!saw_that && !speech_verb(t->cue_lemma)) {
                for (uint32_t j = a + 1; j < b; j++)
                    if (tok_punct(c->d, j, ',') && c->T[j].quote < 0) {
                        /* ... but not at "accused his opponent, Senator
                         * Lucía Ortega, of …": a name in apposition */
                        int32_t am = j + 1 < b ? c->ment_at[j + 1] : -1;
                        if (am >= 0 && c->d->ments.v[am].kind == M_NAME &&
                            c->d->ments.v[am].t0 == j + 1 && c->d->ments.v[am].t1 + 1 < b &&
                            tok_punct(c->d, c->d->ments.v[am].t1, ',') && c->T[j - 1].kind == T_WORD &&
                            !(c->T[j - 1].flags & F_CAP) && c->ment_at[j - 1] < 0 &&
                            /* (when the verb's complement goes on after it:
                             * "of", "as", "for", "that", a quotation) */
                            (tok_is(c->d, c->d->ments.v[am].t1 + 1, "of") ||
                             tok_is(c->d, c->d->ments.v[am].t1 + 1, "as") ||
                             tok_is(c->d, c->d->ments.v[am].t1 + 1, "for") ||
                             tok_is(c->d, c->d->ments.v[am].t1 + 1, "that") ||
                             c->T[c->d->ments.v[am].t1 + 1].kind == T_QUOTE)) {
                            j = c->d->ments.v[am].t1;
                            continue;
                        }
                        b = j;
                        break;
                    }
            }
        } else {
            continue;
        }
        if (b <= a)
            continue;
        /* a learned cue whose object is a title: "voted for the "Fair Wages
         * Act"" reports a vote, not words */
        if (c->learned[k]) {
            bool titled = false;
            for (uint32_t j = a; j < b && !titled; j++)
                if (c->T[j].kind == T_QUOTE && (c->T[j].flags & F_OPEN) && c->T[j].quote >= 0)
                    titled = title_case(c, &c->d->mq.v[c->T[j].quote]);
            if (titled)
                continue;
        }
        /* content already taken by an earlier attribution */
        if (!span_free(c, a, b))
            continue;
        if (after_cue) {
            uint32_t a0 = a;
            a = choose_start(c, k, after, a, b, saw_that);
            cue_end = cue_through(c, cue_end, a0, a);
            b = choose_end(c, k, a, b, s1, saw_that);
        }
        /* "Ravi Menon, who says he founded the firm, said …": speech in a
         * relative clause set off by commas ends before the main verb,
         * which stays free for its own attribution (relative_clause_ends()
         * does the same for the other sieves, afterwards) */
        if (src.t1 > s0 + 2 && (low_is(&c->T[src.t1 - 1], "who") || low_is(&c->T[src.t1 - 1], "which")) &&
            tok_punct(c->d, src.t1 - 2, ','))
            for (uint32_t j = a + 1; j + 1 < b; j++)
                if (tok_punct(c->d, j, ',') && c->T[j].quote < 0 && c->T[j + 1].kind == T_WORD &&
                    !(c->T[j + 1].flags & F_CAP) && (c->T[j + 1].lex & (LX_AUX | LX_CUE))) {
                    b = j;
                    break;
                }
        int32_t qi = new_quote(c, k, cue_end, &src, 2, src.head >= 0 ? 0.75 : 0.6);
        add_content(c, qi, a, b);
    }
}

/* ---- sieve 3: quotes left over ---- */

/* The words from a (to t1) open with a name and its verb of speech:
 * "President Tariq Almeyda said …" */
static bool names_own_speaker(const ctx *c, uint32_t a, uint32_t t1)
{
    int32_t m = c->ment_at[a];
    /* (a name in full or with its title: "TRUMP: Hillary said …" is a
     * transcript's turn) */
    if (m < 0 || c->d->ments.v[m].kind == M_PRONOUN ||
        (!c->d->ments.v[m].title && c->d->ments.v[m].n1 < c->d->ments.v[m].n0 + 2))
        return false;
    uint32_t k = c->d->ments.v[m].t1;
    while (k < t1 && k < c->d->ments.v[m].t1 + 3 && (c->T[k].lex & LX_AUX) && !c->cue_len[k])
        k++;
    return k < t1 && c->cue_len[k] && !c->weak[k];
}

/* The colon after an interview's label that opens a paragraph at t0
 * ("Q:", "A:", "QUESTION:", "HOST:", "REPORTER (Delta Radio):"), or 0 */
static uint32_t interview_label(const ctx *c, uint32_t t0, uint32_t t1)
{
    static const char *const labels[] = {"question", "answer", "host", "reporter", "interviewer",
                                         "moderator", "presenter", "anchor", "journalist"};
    const tok *t = &c->T[t0];
    if (t0 + 2 >= t1 || t->kind != T_WORD || !(t->flags & F_CAP))
        return 0;
    bool qa = t->len == 1 && (t->low[0] == 'q' || t->low[0] == 'a');
    bool word = false;
    if (!qa && (t->flags & F_ALLCAP))
        for (size_t i = 0; i < sizeof labels / sizeof *labels && !word; i++)
            word = ws_streq(t->low, labels[i]);
    if (!qa && !word)
        return 0;
    uint32_t k = t0 + 1;
    /* ("REPORTER (Delta Radio):") */
    if (word && tok_punct(c->d, k, '('))
        while (k < t1 && k < t0 + 8 && !tok_punct(c->d, k, ')'))
            k++;
    if (k < t1 && tok_punct(c->d, k, ')'))
        k++;
    return k < t1 && tok_punct(c->d, k, ':') ? k : 0;
}

/* Headline or lead-in "Name: CONTENT" at the start of a paragraph. */
static void sieve_colon_lead(ctx *c)
{
    for (size_t p = 0; p < c->d->paras.n; p++) {
        uint32_t t0 = c->d->paras.v[p].t0, t1 = c->d->paras.v[p].t1;
        /* a transcript quoted paragraph by paragraph: "PENCE: Well, look, …"
         * opens with the quotation mark of the whole, then the label */
        bool whole = t0 + 3 < t1 && c->T[t0].kind == T_QUOTE && c->ment_at[t0 + 1] >= 0;
        if (whole) {
            t0++;
            if (c->T[t1 - 1].kind == T_QUOTE) /* its closing mark, at the last paragraph */
                t1--;
        }
        int32_t m = c->ment_at[t0];
        /* an interview's labels: "Q: …", "A: …" (the one interviewed,
         * entities.c), "HOST: …", "REPORTER (Delta Radio): …" */
        uint32_t le = interview_label(c, t0, t1);
        if (le && le + 1 < t1 && !c->used[le + 1]) {
            np src = {t0, c->T[le - 1].kind == T_PUNCT ? le - 1 : le, -1};
            if (tok_punct(c->d, le - 1, ')')) /* (the outlet in brackets is no part of the source) */
                for (uint32_t x = t0 + 1; x < le; x++)
                    if (tok_punct(c->d, x, '(')) {
                        src.t1 = x;
                        break;
                    }
            src.t1 = src.t1 > t0 ? src.t1 : t0 + 1;
            int32_t qi = new_quote(c, le, le + 1, &src, 3, 0.6);
            c->d->quotes.v[qi].colon = true;
            add_content(c, qi, le + 1, trim_final_punct(c, le + 1, t1));
            continue;
        }
        /* a poll or a report speaks for itself: "Poll: Trump leads in Ohio" */
        if (m < 0 && t0 + 2 < t1 && tok_punct(c->d, t0 + 1, ':') && (c->T[t0].flags & F_CAP) &&
            (c->T[t0].lex2 & LX2_COLON_SOURCE) && !c->used[t0 + 2]) {
            np src = {t0, t0 + 1, -1};
            int32_t qi = new_quote(c, t0 + 1, t0 + 2, &src, 3, 0.6);
            c->d->quotes.v[qi].colon = true;
            add_content(c, qi, t0 + 2, trim_final_punct(c, t0 + 2, t1));
            continue;
        }
        /* a person, or an organisation ("NY Daily News: …") */
        if (m < 0 || (c->d->ments.v[m].kind != M_NAME && c->d->ments.v[m].kind != M_ORG))
            continue;
        uint32_t e = c->d->ments.v[m].t1;
        /* "Clinton to Planned Parenthood: …", "Mukasey at RNC: …": whom or
         * where, then the colon */
        if (e + 2 < t1 && (tok_is(c->d, e, "to") || tok_is(c->d, e, "at") || tok_is(c->d, e, "on"))) {
            uint32_t x = e + 1;
            /* ("Gillibrand on Hillary Releasing Her Goldman Sachs Speech
             * Transcripts: …") */
            while (x < t1 && x < e + 10 && c->T[x].kind == T_WORD && !c->cue_len[x])
                x++;
            if (x < t1 && tok_punct(c->d, x, ':') && x > e + 1)
                e = x;
        }
        /* the labels of a page ("Correction:", "Contributing:", "Breaking:",
         * "Q:") lead no one's words */
        if (c->T[t0].lex2 & LX2_PAGE_LABEL)
            continue;
        if (e + 2 >= t1 || !tok_punct(c->d, e, ':') || c->used[e + 1])
            continue;
        /* "ZELMORA: President Tariq Almeyda said …": a section's heading
         * before a sentence that names its own speaker */
        if ((c->T[t0].flags & F_ALLCAP) && names_own_speaker(c, e + 1, t1))
            continue;
        np src = {t0, c->d->ments.v[m].t1, m};
        int32_t qi = new_quote(c, e, e + 1, &src, 3, 0.6);
        c->d->quotes.v[qi].colon = true;
        add_content(c, qi, e + 1, trim_final_punct(c, e + 1, t1));
    }
}

static size_t last_end(const quote *q)
{
    return q->content.n ? q->content.v[q->content.n - 1].end : 0;
}

typedef struct end_idx {
    size_t end;
    uint32_t idx;
} end_idx;

static int cmp_end(const void *a, const void *b)
{
    const end_idx *x = a, *y = b;
    return x->end < y->end ? -1 : x->end > y->end ? 1 : (x->idx > y->idx) - (x->idx < y->idx);
}


/* Whether token k ends its paragraph, but for closing punctuation. */
static bool is_paragraph_end(const ctx *c, uint32_t k)
{
    for (k++; k < c->n && !(c->T[k].flags & F_PARA_START); k++)
        if (c->T[k].kind != T_PUNCT)
            return false;
    return true;
}

/* A line that only names the speaker after a quoted paragraph:
 *   "Boeing and GE … pay zero taxes."
 *   - Sanders.
 * (a layout verb-centred rules miss). */
static void sieve_dash_line(ctx *c)
{
    for (size_t p = 1; p < c->d->paras.n; p++) {
        uint32_t t0 = c->d->paras.v[p].t0, t1 = c->d->paras.v[p].t1;
        if (t1 < t0 + 2 || c->T[t0].kind != T_PUNCT || !ws_is_dash(c->d->cp[c->T[t0].start]))
            continue;
        int32_t mi = c->ment_at[t0 + 1];
        if (mi < 0 || c->d->ments.v[mi].kind == M_ORG || t1 - t0 > 12)
            continue;
        /* the paragraph before is one free quotation */
        uint32_t q0 = c->d->paras.v[p - 1].t0;
        int32_t m = c->T[q0].quote;
        if (m < 0 || c->d->mq.v[m].used || c->d->mq.v[m].single || c->d->mq.v[m].open != q0 ||
            !is_paragraph_end(c, mq_last(c, m)))
            continue;
        while (c->d->mq.v[m].prev >= 0 && quote_free(c, c->d->mq.v[m].prev))
            m = c->d->mq.v[m].prev;
        np src = {t0 + 1, c->d->ments.v[mi].t1, mi};
        int32_t qi = new_quote(c, t0, t0 + 1, &src, 3, 0.7);
        add_quote_content(c, qi, m);
    }
}

static void sieve_leftover(ctx *c)
{
    /* attributions in order of where they end, swept once beside the quotes */
    size_t nq = c->d->quotes.n, next = 0;
    end_idx *order = ws_alloc(&c->d->arena, (nq + 1) * sizeof *order);
    for (size_t j = 0; j < nq; j++)
        order[j] = (end_idx){last_end(&c->d->quotes.v[j]), (uint32_t)j};
    ws_sort(order, nq, sizeof *order, cmp_end);
    int32_t last_q = -1;  /* the latest attribution that ends before the quote */
    int32_t last_q1 = -1; /* ... and the latest one of a quotation beside its cue */
    for (size_t i = 0; i < c->d->mq.n; i++) {
        mquote *m = &c->d->mq.v[i];
        if (m->single || m->prev >= 0)
            continue;
        while (next < nq && order[next].end <= c->T[m->open].start) {
            uint32_t j = order[next++].idx;
            if (last_q < 0 || last_end(&c->d->quotes.v[j]) >= last_end(&c->d->quotes.v[last_q]))
                last_q = (int32_t)j;
            if (c->d->quotes.v[j].sieve == 1 &&
                (last_q1 < 0 ||
                 last_end(&c->d->quotes.v[j]) >= last_end(&c->d->quotes.v[last_q1])))
                last_q1 = (int32_t)j;
        }
        if (m->used)
            continue;
        /* a free quote that opens a sentence and fills it */
        uint32_t o = m->open;
        if (!(c->T[o].flags & F_SENT_START))
            continue;
        if (last_q < 0)
            continue;
        /* ... and fills it: ""Q" to drive up the price, she said" is a
         * sentence of its own speech */
        uint32_t l = mq_last(c, (int32_t)i) + 1;
        if (l < c->n && !(c->T[l].flags & (F_SENT_START | F_PARA_START)) && !sent_end_punct(c, l) &&
            !(l >= 2 && sent_end_punct(c, l - 2)))
            continue;
        /* "“A,” X said, pointing out that …. “B.”": the participle's speech
         * sits inside the quotation's cue sentence; B continues the quotation */
        int32_t take = last_q;
        if (last_q1 >= 0 && last_q1 != last_q &&
            c->T[c->d->quotes.v[last_q].cue0].sent == c->T[c->d->quotes.v[last_q1].cue0].sent)
            take = last_q1;
        quote *q = &c->d->quotes.v[take];
        /* after indirect speech only a whole quoted paragraph continues it,
         * or quoted sentences that close the speech's own paragraph */
        if (q->sieve != 1 && (!(c->T[o].flags & F_PARA_START) ||
                              !is_paragraph_end(c, mq_last(c, (int32_t)i))) &&
            !(c->T[o].para == c->T[q->cue0].para && is_paragraph_end(c, mq_last(c, (int32_t)i))))
            continue;
        /* the attribution must be in this paragraph or the one before */
        uint32_t qtok_para = (uint32_t)c->T[q->cue0].para;
        uint32_t mpara = (uint32_t)c->T[o].para;
        if (mpara > qtok_para + 1)
            continue;
        add_quote_content(c, take, (int32_t)i);
    }
}

/* ---- sieve 5: every cue still without an attribution ----
 * PolNeAR-style news annotates every reporting frame, sourceless ones and
 * attitude verbs included ("endorsed Trump", "is expected to win"). A cue
 * that no stricter sieve could attach gets its subject (or no source) and
 * the clause or object after it; the confidence says it is the weakest rule. */
static void sieve_frame(ctx *c)
{
    for (uint32_t ci = 0; ci < c->ncues; ci++) {
        uint32_t k = c->cues[ci];
        tok *t = &c->T[k];
        uint32_t len = cue_at(c, k);
        if (!len || t->quote >= 0 || c->used[k] || c->weak[k])
            continue;
        uint32_t s0, s1;
        sent_bounds(c, k, &s0, &s1);
        /* "Responding to criticism, he said …": a lead-in participle reports
         * speech only with "that", which sieve 2 has taken; "Stated
         * Governor X:": an inverted cue's object is its speaker */
        if (k == s0 || (t->flags & F_SENT_START))
            continue;
        np src;
        const np *sp = NULL;
        /* the phrase before the cue when it names someone, else the
         * sentence's first person ("X, in her campaigning, suggested") */
        uint32_t v = skip_adjuncts_left(c, k - 1, s0); /* first of the aux/adverbs */
        /* "has hit out at critics calling for his sacking": a participle
         * right after a plural noun is that noun's, not the subject's (but
         * not after "to": "sent a letter to Senate leaders urging …", the
         * recipients of the subject's act) */
        uint32_t o0 = k; /* the plural noun's phrase, when so */
        if ((t->lex & LX_CUE_ING) && !(t->lex & LX_CUE) && k > s0 + 2 && ws_plural_noun(&c->T[k - 1]) &&
            c->ment_at[k - 1] < 0 && (c->T[k - 1].lex & LX_ROLE)) {
            /* (its phrase: "30 percent of voters", "GOP primary voters") */
            o0 = k - 1;
            while (o0 > s0 && k - o0 < 7 &&
                   (c->T[o0 - 1].kind == T_NUM ||
                    (c->T[o0 - 1].kind == T_WORD &&
                     (!(c->T[o0 - 1].lex & (LX_WL_PREP | LX_AUX | LX_CUE | LX_CUE_ING | LX_WL_CLAUSE | LX_PRONOUN)) ||
                      low_is(&c->T[o0 - 1], "of")) &&
                     !ws_verb_like(&c->T[o0 - 1]))) &&
                   (c->ment_at[o0 - 1] < 0 || c->d->ments.v[c->ment_at[o0 - 1]].kind == M_ORG))
                o0--;
            while (o0 < k - 1 && low_is(&c->T[o0], "of"))
                o0++;
            if (o0 > s0 && tok_is(c->d, o0 - 1, "to"))
                o0 = k;
        }
        if (quoted_as(c, s0, k, &src)) {
            sp = &src;
        } else if (o0 < k) {
            src.t0 = o0;
            src.t1 = k;
            src.head = -1;
            sp = &src;
        } else if (v == k && fronted_subject(c, s0, s1, k, &src)) {
            sp = &src;
        } else if (k > s0 && v > s0 && tok_is(c->d, v - 1, "who")) {
            /* "X, who declared …": the relative pronoun, as annotators mark it */
            src.t0 = v - 1;
            src.t1 = v;
            src.head = v > s0 + 2 && tok_punct(c->d, v - 2, ',') ? c->ment_at[v - 3] : -1;
            sp = &src;
        } else if (k > s0 && np_left(c, k, s0, &src) && !holds_speech_verb(c, &src)) {
            sp = &src;
        } else if (k > s0 + 1 && (comma_before(c, v) || tok_is(c->d, v - 1, "and")) &&
                   (prev_source(c, s0, k, &src) || np_left_first(c, s0, k, &src))) {
            sp = &src; /* "X …, saying", "X … and refused": the sentence's subject */
        } else if (k > s0 && np_left_first(c, s0, k, &src)) {
            sp = &src; /* the sentence's first person, the likeliest subject */
        } else if (v > s0) {
            /* a plain noun phrase right before it: "many argue", "investors fear" */
            uint32_t a0 = v;
            while (a0 > s0 && !is_boundary(c, a0 - 1) && v - a0 < 6)
                a0--;
            /* not a lone clause word or sentence adverb: "When asked",
             * "Yet determining" */
            if (a0 < v && (a0 == s0 || is_boundary(c, a0 - 1)) && c->T[a0].kind == T_WORD &&
                !(c->T[a0].lex & LX_WL_PREP) && c->T[v - 1].kind == T_WORD &&
                !(v == a0 + 1 && (c->T[a0].flags & F_CAP) &&
                  (c->T[a0].lex & (LX_WL_CLAUSE | LX_WL_LEAD)))) {
                src.t0 = a0;
                src.t1 = v;
                src.head = -1;
                sp = &src;
            }
        }
        uint32_t cue_end = k + len;
        const char *lem = ws_lex_cue_lemma(t->cue_lemma);
        /* "according to" names a source after it: sieve 2's, or nothing */
        if (continuation_to(c, k, cue_end) || according_lemma(lem))
            continue;
        if (cue_particle(c, k, cue_end))
            cue_end++;
        bool saw_that;
        uint32_t a = skip_after_cue(c, cue_end, s1, &saw_that);
        if (a < s1 && (tok_punct(c->d, a, ':') || tok_punct(c->d, a, ',')))
            a++;
        if (participle_next(c, a, cue_end, s1))
            continue;
        uint32_t b = subordinate_end(c, s0, k, a, content_end(c, a, s1));
        if (!saw_that && !speech_verb(t->cue_lemma))
            for (uint32_t j = a + 1; j < b; j++)
                if (tok_punct(c->d, j, ',') && c->T[j].quote < 0) {
                    b = j;
                    break;
                }
        /* stop at what an earlier attribution took, and at the source */
        for (uint32_t j = a; j < b; j++)
            if (c->used[j]) {
                b = j;
                break;
            }
        if (sp && sp->t0 > a && sp->t0 < b)
            b = sp->t0;
        while (b > a && (tok_punct(c->d, b - 1, ',') || c->T[b - 1].kind == T_PUNCT))
            b--;
        if (b <= a)
            continue;
        /* "passed the “Clean Rivers Act”", "known as the “glass needle”": a
         * verb no lexicon lists, beside a quoted name, reports no words */
        bool marked = false;
        for (uint32_t j = a; j < b && !marked; j++)
            marked = c->T[j].kind == T_QUOTE && c->T[j].quote >= 0 &&
                     (c->learned[k] || title_case(c, &c->d->mq.v[c->T[j].quote]));
        if (marked)
            continue;
        uint32_t a0 = a;
        a = choose_start(c, k, cue_end, a, b, saw_that);
        cue_end = cue_through(c, cue_end, a0, a);
        b = choose_end(c, k, a, b, s1, saw_that);
        if (sp && sp->t0 > a && sp->t0 < b) /* (the learned end too) */
            for (b = sp->t0; b > a + 1 && c->T[b - 1].kind == T_PUNCT; b--)
                ;
        int32_t qi = new_quote(c, k, cue_end, sp, 5, sp && sp->head >= 0 ? 0.5 : 0.35);
        add_content(c, qi, a, b);
    }
}

/* The token that starts at character offset off (or the first after it),
 * searched from token lo on, near token h */
static uint32_t tok_at_offset_from(const ctx *c, uint32_t lo, uint32_t h, size_t off)
{
    return ws_tok_search(c->T, c->n, lo, h, off, false);
}

/* "the wall, which he said Mexico should pay for", "a decision they say
 * allowed it": a cue inside a relative clause reports the clause, and
 * PolNeAR's annotators put its relative pronoun, or the noun it leaves out,
 * into the content as a first fragment (train: 127 with a relative pronoun,
 * about 150 with a noun, of which this stage found the pronoun in none).
 * A relative pronoun that is the clause's object ("which he said Mexico
 * should pay for") is its first fragment as well (train: 15 more exact, 1
 * fewer: "whom Trump refused to endorse"). */
static void relative_frames(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        if (!q->has_src_span || q->content.n != 1 || q->sieve != 2 || q->raised)
            continue;
        uint32_t s = q->src_t0;
        if (s == 0 || q->src_t1 > q->cue0 || c->used[s - 1])
            continue;
        /* the content starts at the cue's end or one token later: a is
         * the first token at or after its start when that is one of the two */
        size_t off = q->content.v[0].start;
        uint32_t a = q->cue1;
        if (a > 0 && c->T[a - 1].start >= off)
            continue; /* before the cue's end */
        if (a < c->n && c->T[a].start < off)
            a++;
        if (a < c->n && c->T[a].start < off)
            continue; /* more than one token after it */
        if (c->T[s].sent != c->T[a].sent)
            continue;
        const tok *p = &c->T[s - 1];
        uint32_t f0 = s, f1 = s; /* the fragment [f0, f1) */
        /* the clause's subject is what is left out: a verb comes first
         * after the cue ("which he said was a mistake"); with a relative
         * pronoun the object may be ("which he said Mexico should pay for") */
        const tok *v = &c->T[a];
        bool gap = v->kind == T_WORD && !(v->flags & F_CAP) &&
                   ((v->lex & (LX_AUX | LX_WL_AUXVERB)) ||
                    (v->len > 3 && ws_streq(v->low + v->len - 2, "ed")));
        /* not "in which he says", "at which" */
        bool prep = s >= 2 && (c->T[s - 2].lex & LX_WL_PREP);
        bool rel = p->kind == T_WORD && !(p->flags & F_CAP) && (p->lex2 & LX2_RELATIVE) && !prep;
        if (!gap && !rel)
            continue;
        if (rel) {
            f0 = s - 1;
        } else if (s >= 2 && low_is(p, "that")) {
            /* "a stabbing incident that Carson says led him": after a
             * noun, not after a verb ("argued that Carson said") */
            const tok *n = &c->T[s - 2];
            if (n->kind == T_WORD && !(n->flags & F_CAP) && !c->cue_len[s - 2] &&
                !(n->lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_CLAUSE | LX_WL_PREP |
                            LX_WL_SUBJECT | LX_PRONOUN)) &&
                !(n->lex2 & LX2_NOT_NOUN) && c->ment_at[s - 2] < 0)
                f0 = s - 1;
        }
        /* "a decision they say allowed it": a noun phrase, then a subject
         * pronoun or name, and the verb after the cue */
        if (f0 == f1 && p->kind == T_WORD && !(p->flags & F_CAP) && c->ment_at[s - 1] < 0 &&
            !(p->lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_CLAUSE | LX_WL_PREP | LX_WL_SUBJECT |
                        LX_PRONOUN | LX_DET | LX_WL_AUXVERB)) &&
            !(p->lex2 & LX2_NOT_NOUN) && !ends_ly(p)) {
            uint32_t j = s - 1;
            while (j > 0 && j + 5 > s && c->T[j - 1].kind == T_WORD && !c->used[j - 1] &&
                   !(c->T[j - 1].lex & (LX_DET | LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX |
                                        LX_WL_SUBJECT | LX_WL_AUXVERB)) &&
                   c->ment_at[j - 1] < 0 && !(c->T[j - 1].flags & F_CAP))
                j--;
            if (j > 0 && (c->T[j - 1].lex & LX_DET) && !c->used[j - 1] &&
                c->T[j - 1].sent == c->T[s].sent)
                f0 = j - 1;
        }
        if (f0 == f1)
            continue;
        size_t n = q->content.n;
        ws_span frag = {c->T[f0].start, c->T[f1 - 1].end};
        VPUSH(&c->d->arena, q->content, q->content.v[n - 1]);
        memmove(q->content.v + 1, q->content.v, n * sizeof *q->content.v);
        q->content.v[0] = frag;
        for (uint32_t k = f0; k < f1; k++)
            c->used[k] = 1;
    }
}

/* "Ana Ruiz, a councillor who warned that the plan would fail, voted
 * against it": speech inside a relative clause set off by commas ends with
 * the clause, at the comma before the main verb. */
static void relative_clause_ends(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        uint32_t w = q->src_t0;
        if (!q->has_src_span || !q->content.n || w < 2)
            continue;
        /* (or "The plan — which Lopez called "a disaster" — was dropped":
         * the relative word before the source) */
        bool dash = false;
        if (!(q->src_t1 == w + 1 && low_is(&c->T[w], "who"))) {
            if (!(low_is(&c->T[w - 1], "which") || low_is(&c->T[w - 1], "whom")) ||
                !(tok_punct(c->d, w - 2, ',') || (dash = ws_is_dash(c->d->cp[c->T[w - 2].start]))))
                continue;
            w--;
        }
        /* set off by a comma: ", who" or ", a councillor who" */
        uint32_t x = w;
        while (x > 0 && w - x < 8 && c->T[x - 1].kind == T_WORD)
            x--;
        if (x == 0 || !(tok_punct(c->d, x - 1, ',') || ws_is_dash(c->d->cp[c->T[x - 1].start])))
            continue;
        ws_span *last = &q->content.v[q->content.n - 1];
        uint32_t a = tok_at_offset_from(c, w, c->n, last->start);
        for (uint32_t k = a + 1; k + 1 < c->n && c->T[k].start < last->end; k++) {
            if (!(tok_punct(c->d, k, ',') || (dash && ws_is_dash(c->d->cp[c->T[k].start]))) ||
                c->T[k].quote >= 0)
                continue;
            const tok *v = &c->T[k + 1];
            if (v->kind == T_WORD && !(v->flags & F_CAP) &&
                ((v->lex & (LX_AUX | LX_CUE)) || (v->len > 4 && ws_streq(v->low + v->len - 2, "ed")))) {
                last->end = c->T[k - 1].end;
                break;
            }
        }
    }
}

/* "Sanders's profile is expected to rise", "Democrats appeared headed for
 * …": a raising verb reports no speaker. Annotators mark no source and a
 * content of two fragments, the subject and the complement (PolNeAR train:
 * expected/seem/appear 220 of 260 so). */
static void raising_frames(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        if (!q->has_src_span || !q->content.n || q->cue1 <= q->cue0)
            continue;
        uint32_t h = q->cue1 - 1; /* the verb ends the cue: "is widely expected" */
        if (c->T[h].kind != T_WORD ||
            !((c->T[h].lex2 & LX2_RAISING) || low_is(&c->T[h], "expected")))
            continue;
        /* "expected" only in the passive: "is expected to", not "he expected" */
        if (low_is(&c->T[h], "expected") &&
            !(h > q->cue0 && (c->T[q->cue0].lex & LX_AUX)))
            continue;
        if (q->src_span.end > c->T[q->cue0].start || q->content.v[0].start < c->T[h].end)
            continue;
        ws_span subj = q->src_span;
        size_t n = q->content.n;
        VPUSH(&c->d->arena, q->content, q->content.v[n - 1]);
        memmove(q->content.v + 1, q->content.v, n * sizeof *q->content.v);
        q->content.v[0] = subj;
        q->has_src_span = false;
        q->source = -1;
        q->raised = true;
    }
}

/* A quotation introduced by a colon after any clause about a person:
 * "he demurred: "…"", "Republican pollster Daron Shaw: "…"". The colon is
 * the cue unless a verb stands right before it. */
/* "The Club for Growth is reportedly spending $1.5 million": a hearsay
 * adverb reports its clause, with no source named (PolNeAR train:
 * "reportedly" and "allegedly" annotated so 21 times, 2 found before this
 * sieve). The clause's two halves around the adverb are the content; only
 * in a sentence no cue has touched. */
/* A word sieve_hearsay() starts from, by what does not change as the sieves
 * run: collected by ws_speakers_attribute()'s pass over the words */
static bool hearsay_word(const ctx *c, uint32_t k)
{
    const tok *t = &c->T[k];
    return k >= 1 && k + 1 < c->n && (t->lex2 & LX2_HEARSAY) && t->quote < 0 &&
           !(t->flags & F_CAP);
}

static void sieve_hearsay(ctx *c)
{
    for (uint32_t hi = 0; hi < c->nhearsay; hi++) {
        uint32_t k = c->hearsay[hi];
        if (c->used[k])
            continue;
        uint32_t s0, s1;
        sent_bounds(c, k, &s0, &s1);
        if (k < s0 + 2 || !span_free(c, s0, s1))
            continue;
        bool cue = false;
        for (uint32_t j = s0; j < s1 && !cue; j++)
            cue = c->cue_len[j] || c->T[j].kind == T_QUOTE;
        if (cue)
            continue;
        /* the clause starts after its last comma, or after "With" */
        uint32_t a = s0;
        for (uint32_t j = k; j > s0; j--)
            if (tok_punct(c->d, j - 1, ',')) {
                a = j;
                break;
            }
        if (a == s0 && (c->T[a].lex & LX_WL_PREP))
            a++;
        uint32_t b = content_end(c, k + 1, s1);
        if (k < a + 1 || b < k + 3)
            continue;
        int32_t qi = new_quote(c, k, k + 1, NULL, 3, 0.5);
        c->d->quotes.v[qi].cue0 = k; /* the auxiliary before it is the content's */
        add_content(c, qi, a, k);
        add_content(c, qi, k + 1, b);
    }
}

/* "In a CBS News poll released Monday, she led Sanders 56 to 32" and
 * "Trump is leading in the polls": a poll or survey that a sentence's
 * figures come from is the source of the rest of it, with "in" its cue, as
 * PolNeAR's annotators mark it (train: 67 attributions cued by "in", most
 * of them polls; none found before this sieve). Only a sentence no other
 * attribution has touched. */
static void sieve_poll(ctx *c)
{
    uint32_t ii = 0; /* c->ins from the sentence's start */
    for (size_t si = 0; si < c->d->sents.n; si++) {
        uint32_t s0 = c->d->sents.v[si].t0, s1 = c->d->sents.v[si].t1;
        uint32_t e1 = trim_final_punct(c, s0, s1);
        if (e1 < s0 + 5 || !span_free(c, s0, s1))
            continue;
        /* the words "in" of the sentence, from the list of them */
        while (ii < c->nins && c->ins[ii] < s0)
            ii++;
        for (uint32_t x = ii; x < c->nins && c->ins[x] + 2 < e1; x++) {
            uint32_t k = c->ins[x];
            if (c->cue_len[k])
                continue;
            /* the phrase after "in": its head noun within twelve tokens, and
             * then up to a comma or the sentence's end; no cue, no quote */
            uint32_t h = 0, e = k + 1;
            bool bad = false;
            for (; e < e1 && e < k + 20; e++) {
                const tok *u = &c->T[e];
                if (tok_punct(c->d, e, ',') || tok_punct(c->d, e, ';'))
                    break;
                if (u->kind == T_QUOTE || (u->kind == T_PUNCT && !tok_punct(c->d, e, '/') &&
                                           !tok_punct(c->d, e, '-')) ||
                    c->cue_len[e] || (u->lex & LX_AUX)) {
                    bad = true;
                    break;
                }
                if (!h && e < k + 13 && u->kind == T_WORD && !(u->flags & F_CAP) &&
                    (u->lex2 & LX2_POLL))
                    h = e;
                /* after the head only a name, a date or a short modifier:
                 * "poll released Monday", "poll of likely voters" would
                 * already run into a clause */
                else if (h && (e > h + 5 || !(u->kind == T_NUM || (u->flags & F_CAP) ||
                                              u->kind == T_PUNCT || (u->lex2 & LX2_POLL_AFTER)))) {
                    bad = true;
                    break;
                }
            }
            if (bad || !h || e == k + 1)
                continue;
            np src = {k + 1, e, c->ment_at[h]};
            uint32_t a, b;
            if (k == s0 && e < e1 && tok_punct(c->d, e, ',')) {
                a = e + 1, b = e1; /* fronted: "In a poll …, CONTENT." */
                /* "…, conducted in May, CONTENT": the poll's own participle */
                if (a < b && (c->T[a].lex2 & LX2_POLL_AFTER))
                    while (a < b && !tok_punct(c->d, a, ','))
                        a++;
                if (a < b && tok_punct(c->d, a, ','))
                    a++;
            } else if (e == e1 && k > s0 + 2) {
                a = s0, b = k; /* trailing: "CONTENT in the latest poll." */
                while (b > a && tok_punct(c->d, b - 1, ','))
                    b--;
                /* one clause, not a subordinate one: "…, where X led in the polls" */
                for (uint32_t j = a; j < b && !bad; j++)
                    bad = (c->T[j].lex2 & LX2_SUBORDINATOR) || tok_punct(c->d, j, ':') ||
                          (c->T[j].kind == T_PUNCT && c->T[j].len > 1) ||
                          tok_punct(c->d, j, ';') || c->T[j].kind == T_QUOTE;
                if (bad)
                    continue;
            } else {
                continue;
            }
            if (b < a + 3)
                continue;
            int32_t qi = new_quote(c, k, k + 1, &src, 3, 0.55);
            add_content(c, qi, a, b);
            break;
        }
    }
}

/* A noun of saying before the colon at k: within the three words before
 * it ("Carrier's message:"), or further with only a short phrase and "was
 * clear" after it ("Her message to the traders was clear:"). Its token goes
 * to *nn. */
static bool say_noun_before(const ctx *c, uint32_t s0, uint32_t k, uint32_t *nn)
{
    for (uint32_t j = k; j > s0 && j + 8 > k; j--) {
        const tok *t = &c->T[j - 1];
        if (t->kind != T_WORD || (c->cue_len[j - 1] && !(t->lex2 & LX2_SAY_NOUN)))
            return false;
        if (!(t->flags & F_CAP) && (t->lex2 & LX2_SAY_NOUN)) {
            *nn = j - 1;
            if (j + 4 > k)
                return true;
            /* the words after it: a short phrase, then "was"/"is" and an
             * adjective */
            bool be = k >= 2 && (c->T[k - 2].lex2 & LX2_BE) && c->T[k - 1].kind == T_WORD &&
                      !(c->T[k - 1].flags & F_CAP);
            for (uint32_t x = j; be && x + 2 < k; x++)
                be = c->T[x].kind == T_WORD && !(c->T[x].lex & (LX_AUX | LX_WL_CLAUSE | LX_PRONOUN));
            return be;
        }
    }
    return false;
}

/* Whose is the noun of saying at nn: "Carrier's message", "Their
 * argument", "The mayor's answer", else the sentence's subject. */
static bool say_noun_source(const ctx *c, uint32_t s0, uint32_t nn, np *src)
{
    uint32_t o = nn;
    while (o > s0 && (c->T[o - 1].lex & LX_DET) == 0 && c->ment_at[o - 1] < 0 &&
           c->T[o - 1].kind == T_WORD && !(c->T[o - 1].flags & F_CAP) && nn - o < 3)
        o--;
    int32_t om = o > s0 ? c->ment_at[o - 1] : -1;
    /* "The mayor's answer was blunt:": a common noun in the possessive
     * after an article (a possessive carries no lexicon class) */
    if (nn >= s0 + 2 && tok_possessive(&c->T[nn - 1]) && (c->T[nn - 2].lex & LX_DET) &&
        !(c->T[nn - 1].flags & F_CAP)) {
        *src = (np){nn - 2, nn, c->ment_at[nn - 1]};
    } else if (om >= 0) {
        *src = (np){c->d->ments.v[om].t0, c->d->ments.v[om].t1, om};
    } else if (o > s0 && ((c->T[o - 1].lex & LX_PRONOUN) || tok_is(c->d, o - 1, "his") ||
                          tok_is(c->d, o - 1, "her") || tok_is(c->d, o - 1, "their") ||
                          tok_is(c->d, o - 1, "its") || tok_is(c->d, o - 1, "our"))) {
        *src = (np){o - 1, o, c->ment_at[o - 1]};
    } else if (!np_left_first(c, s0, nn, src)) {
        return false;
    }
    return true;
}

/* Unquoted speech after a noun of saying and a colon: "Carrier's message:
 * moving jobs south is part of the plan", "Their argument: only a
 * Democratic Senate can act". The owner of the noun, else the sentence's
 * subject, is the source. */
static void sieve_colon_noun(ctx *c)
{
    /* each sentence's colons in order, up to the first that makes an
     * attribution: read from the list of colons, not from every token */
    int32_t done = -1; /* the sentence that has its attribution */
    for (uint32_t ci = 0; ci < c->ncolons; ci++) {
        uint32_t k = c->colons[ci];
        int32_t si = c->T[k].sent;
        if (si == done)
            continue;
        uint32_t s0 = c->d->sents.v[si].t0, s1 = c->d->sents.v[si].t1;
        if (k < s0 + 1 || k + 2 >= s1 || c->used[k + 1] || c->T[k + 1].kind != T_WORD)
            continue;
        uint32_t nn;
        if (!say_noun_before(c, s0, k, &nn))
            continue;
        if (!span_free(c, s0, s1))
            continue;
        np src;
        if (!say_noun_source(c, s0, nn, &src))
            continue;
        int32_t qi = new_quote(c, nn, k + 1, &src, 3, 0.5);
        add_content(c, qi, k + 1, trim_final_punct(c, k + 1, s1));
        done = si;
    }
}

/* "Council member Sam Ortiz was blunt: the cuts are a mistake": a person,
 * "was" and an adjective of plain speaking, then the colon that opens the
 * speech. The adjectives are few and fixed (cue words, not a lexicon class:
 * tok.lex2 is full); the subject must be a person, so "one thing was clear:
 * …" and "the answer is clear: …" are no one's words (PolNeAR train has 3
 * such sentences, none annotated, and no person before such a colon). */
static void sieve_colon_manner(ctx *c)
{
    static const char *const plain[] = {"blunt", "clear", "emphatic", "defiant", "adamant",
                                        "unequivocal", "categorical", "firm", "frank", "candid",
                                        "succinct", "direct", "explicit", "unambiguous",
                                        /* a speaker's stance in saying it */
                                        "unapologetic", "unrepentant", "gracious", "conciliatory",
                                        "scathing", "dismissive", "forthright", "upbeat", "defensive",
                                        "philosophical", "blunter", "cautious", "optimistic",
                                        "pessimistic", "sceptical", "skeptical", "confident", NULL};
    for (uint32_t ci = 0; ci < c->ncolons; ci++) {
        uint32_t k = c->colons[ci];
        int32_t si = c->T[k].sent;
        uint32_t s0 = c->d->sents.v[si].t0, s1 = c->d->sents.v[si].t1;
        if (k < s0 + 3 || k + 2 >= s1 || c->T[k].quote >= 0 || c->T[k + 1].kind != T_WORD)
            continue;
        uint32_t v = k - 2; /* "was", or an adverb before the adjective */
        /* "Balwinder Kaur put it simply: …" */
        bool put = k >= s0 + 4 && (ends_ly(&c->T[k - 1]) || low_is(&c->T[k - 1], "simply")) &&
                   tok_is(c->d, k - 2, "it") && (tok_is(c->d, k - 3, "put") || tok_is(c->d, k - 3, "puts"));
        /* "Premier Ada Moss struck a defiant tone: …" */
        bool tone = !put && k >= s0 + 5 && (tok_is(c->d, k - 1, "tone") || tok_is(c->d, k - 1, "note")) &&
                    (tok_is(c->d, k - 3, "a") || tok_is(c->d, k - 3, "an")) &&
                    (tok_is(c->d, k - 4, "struck") || tok_is(c->d, k - 4, "strikes"));
        if (tone)
            v = k - 4;
        else if (put)
            v = k - 3;
        else if (!in_list(c->T[k - 1].low, plain))
            continue;
        put = put || tone;
        /* ("was more conciliatory") */
        if (!put && v > s0 && (ends_ly(&c->T[v]) || low_is(&c->T[v], "more") || low_is(&c->T[v], "less")))
            v--;
        if (!put && (!(c->T[v].lex2 & LX2_BE) || c->T[v].len > 4))
            continue; /* was, were, is, are */
        if (v <= s0 || !span_free(c, v, s1))
            continue;
        np src;
        if (!np_left(c, v, s0, &src))
            continue;
        /* "Her husband, Neil Sutcliffe, was blunter:": the name in
         * apposition to the role, as with "said" */
        if (src.t1 + 3 < v && tok_punct(c->d, src.t1, ',') && tok_punct(c->d, v - 1, ',') &&
            c->ment_at[src.t1 + 1] >= 0 && c->d->ments.v[c->ment_at[src.t1 + 1]].kind == M_NAME &&
            c->d->ments.v[c->ment_at[src.t1 + 1]].t0 == src.t1 + 1 &&
            c->d->ments.v[c->ment_at[src.t1 + 1]].t1 == v - 1 &&
            (src.head < 0 || c->d->ments.v[src.head].kind != M_NAME))
            src = (np){src.t1 + 1, v - 1, c->ment_at[src.t1 + 1]};
        /* a name, a title or a pronoun; or a title word ("the mayor") */
        bool person = false;
        if (src.head >= 0) {
            uint8_t kind = c->d->ments.v[src.head].kind;
            person = kind == M_NAME || kind == M_TITLE || kind == M_PRONOUN;
        } else {
            for (uint32_t x = src.t0; x < src.t1 && !person; x++)
                person = (c->T[x].lex & (LX_TITLE | LX_ROLE)) != 0;
        }
        /* ("Hospital officials were blunt": a body's people) */
        person = person || (src.t1 > src.t0 && c->T[src.t1 - 1].kind == T_WORD &&
                            !(c->T[src.t1 - 1].flags & F_CAP) && (c->T[src.t1 - 1].lex & LX_ROLE));
        if (!person)
            continue;
        int32_t qi = new_quote(c, v, k, &src, 3, 0.6);
        c->d->quotes.v[qi].colon = true;
        add_content(c, qi, k + 1, trim_final_punct(c, k + 1, s1));
    }
}

/* "The mayor laughed: "…"", "Asked if he would resign, the mayor
 * laughed: "…"": a title or role phrase and a verb of at most three words
 * before the colon, at the sentence's subject or after its first comma. */
static bool colon_role_subject(const ctx *c, uint32_t s0, uint32_t colon, np *out)
{
    if (colon > s0 + MAX_REACH)
        return false;
    uint32_t from = subject_from(c, s0, colon);
    for (int pass = 0; pass < 2; pass++) {
        if (role_subject(c, from, colon, out) && out->t1 + 3 > colon && c->T[out->t1].kind == T_WORD &&
            !(c->T[out->t1].flags & F_CAP))
            return true;
        while (from < colon && !tok_punct(c->d, from, ','))
            from++;
        if (++from >= colon)
            return false;
    }
    return false;
}

static void sieve_colon_quote(ctx *c)
{
    for (size_t i = 0; i < c->d->mq.n; i++) {
        mquote *m = &c->d->mq.v[i];
        if (m->used || m->single || m->prev >= 0)
            continue;
        uint32_t o = m->open;
        if (o < 2 || !tok_punct(c->d, o - 1, ':') ||
            (c->T[o - 1].para != c->T[o].para && !(c->T[o].flags & F_PARA_START)))
            continue; /* the colon may end the paragraph before ("Stated Stone:") */
        uint32_t s0, s1;
        sent_bounds(c, o - 1, &s0, &s1);
        uint32_t colon = o - 1;
        /* the speaker: a person mention ending at the colon, else the
         * sentence's first person mention */
        np src;
        int32_t mi = c->ment_at[colon - 1];
        uint32_t nn = 0;
        bool said = false; /* "Her message: "…"": a noun of saying is the cue */
        if (mi >= 0 && c->d->ments.v[mi].kind != M_ORG) {
            src.t0 = c->d->ments.v[mi].t0;
            src.t1 = colon;
            src.head = mi;
        } else if (colon > s0 && say_noun_before(c, s0, colon, &nn) && say_noun_source(c, s0, nn, &src)) {
            said = true;
        } else if (!np_left_first(c, s0, colon, &src) && !colon_role_subject(c, s0, colon, &src)) {
            continue;
        }
        if (c->used[src.t0])
            continue;
        uint32_t cue0 = colon, cue1 = colon + 1;
        if (said) {
            cue0 = nn;
        } else if (c->T[colon - 1].kind == T_WORD && !(c->T[colon - 1].flags & F_CAP) &&
                   c->ment_at[colon - 1] < 0 && src.t1 < colon) {
            cue0 = colon - 1;
            cue1 = colon;
        }
        int32_t qi = new_quote(c, cue0, cue1, &src, 3, 0.6);
        c->d->quotes.v[qi].colon = cue0 == colon;
        add_quote_content(c, qi, (int32_t)i);
    }
}

/* Mixed speech with any verb: a person subject, a verb, then a clause
 * holding a quotation ("Merkel heralded the deal as a "breakthrough"").
 * News quotes a speaker's words this way with verbs no lexicon lists. */
static void sieve_mixed_verb(ctx *c)
{
    for (size_t i = 0; i < c->d->mq.n; i++) {
        mquote *m = &c->d->mq.v[i];
        if (m->used || m->single || m->prev >= 0)
            continue;
        uint32_t o = m->open;
        uint32_t s0, s1;
        sent_bounds(c, o, &s0, &s1);
        if (o <= s0 + 2 || c->T[o].para != c->T[s0].para)
            continue;
        if (title_case(c, m))
            continue;
        /* the subject: the first person mention of the sentence, not after a
         * preposition, with a lower-case word after it */
        for (uint32_t k = o > s0 + MAX_REACH ? o - MAX_REACH : s0; k < o; k++) {
            int32_t mi = c->ment_at[k];
            if (mi < 0 || c->used[k])
                continue;
            const mention *M = &c->d->ments.v[mi];
            if (M->kind == M_ORG) {
                k = M->t1 - 1;
                continue;
            }
            if (M->t0 > s0 && c->T[M->t0 - 1].kind == T_WORD && !(c->T[M->t0 - 1].flags & F_CAP) &&
                ((c->T[M->t0 - 1].lex & LX_WL_PREP) || (c->T[M->t0 - 1].lex & LX_DET)))
                break;
            uint32_t v = M->t1;
            while (v < o && c->T[v].kind == T_WORD && (c->T[v].lex & LX_AUX))
                v++;
            if (v >= o || c->T[v].kind != T_WORD || (c->T[v].flags & F_CAP) ||
                (c->T[v].lex & LX_WL_PREP) || (c->T[v].lex & LX_WL_CLAUSE) ||
                (c->T[v].lex & (LX_DET | LX_PRONOUN)) || c->used[v])
                break;
            /* "Trump's attacks on …": a possessive is no subject */
            const char *lw = c->T[M->t1 - 1].low;
            size_t ll = c->T[M->t1 - 1].len; /* strlen(lw) */
            if (ll > 2 && lw[ll - 2] == '\'' && lw[ll - 1] == 's')
                break;
            /* the quotation belongs to the verb's own clause: no other cue or
             * clause word stands between them */
            bool own = true;
            for (uint32_t x = v + 1; x < o && own; x++)
                own = !(c->cue_len[x] && !c->weak[x]) &&
                      !(c->T[x].kind == T_WORD && !(c->T[x].flags & F_CAP) &&
                        (c->T[x].lex & LX_WL_CLAUSE) && !tok_is(c->d, x, "that") &&
                        !tok_is(c->d, x, "as") && !tok_is(c->d, x, "and") && !tok_is(c->d, x, "or") &&
                        !tok_is(c->d, x, "than") && !tok_is(c->d, x, "what"));
            if (!own)
                break;
            size_t l = c->T[v].len;
            /* a finite verb: past tense or third person */
            bool verb = c->cue_len[v] || (l > 3 && (ws_streq(c->T[v].low + l - 2, "ed") ||
                                                   (c->T[v].low[l - 1] == 's' && c->T[v].low[l - 2] != 's')));
            if (!verb)
                break;
            uint32_t a = v + 1, b = content_end(c, a, s1);
            if (b <= m->close || a > o)
                break;
            bool taken = false;
            for (uint32_t j = a; j < b; j++)
                taken = taken || c->used[j];
            if (taken)
                break;
            np src = {M->t0, M->t1, mi};
            int32_t qi = new_quote(c, v, v + 1, &src, 4, 0.5);
            add_content(c, qi, a, b);
            break;
        }
    }
}

/* The learned source ranker (sourcemodel.c): for each attribution, the
 * sieves' source against the other candidates around its cue; another one
 * replaces it only when the model prefers it by SOURCE_MARGIN. */
static void rank_sources(ctx *c)
{
    ws_doc *d = c->d;
    bool log = (d->flags & WS_INTERNAL_LOG_SOURCES) != 0;
    if (!d->quotes.n || (!log && (d->flags & WS_RULES_ONLY)))
        return;
    uint8_t *freq = NULL; /* made for the first attribution that needs it */
    /* from the last one: each site reads the sieves' sources of the
     * attributions before it, not the ranker's */
    for (uint32_t i = (uint32_t)d->quotes.n; i-- > 0;) {
        source_site s;
        if (!log && ws_source_settled(d, &d->quotes.v[i]))
            continue;
        if (!freq)
            freq = ws_source_freq(d);
        if (!ws_source_site(d, i, freq, &s))
            continue;
        if (log) {
            VPUSH(&d->arena, d->source_log, s);
            continue;
        }
        uint32_t best = 0, sv = 0;
        double bz = -1e300, sz = 0, zs[WS_SOURCE_MAX_CANDS];
        ws_source_scores(d, &s, zs);
        for (uint32_t j = 0; j < s.n; j++) {
            double z = zs[j];
            if (s.cand[j].sieve) {
                sv = j;
                sz = z;
            }
            if (z > bz) {
                bz = z;
                best = j;
            }
        }
        if (best == sv || bz < sz + SOURCE_MARGIN)
            continue;
        quote *q = &d->quotes.v[i];
        const source_cand *b = &s.cand[best];
        if (b->kind == SK_NONE) {
            q->has_src_span = false;
            q->source = -1;
            continue;
        }
        q->source = b->head;
        q->src_t0 = b->t0;
        q->src_t1 = b->t1;
        q->src_span.start = c->T[b->t0].start;
        q->src_span.end = c->T[b->t1 - 1].end;
        q->has_src_span = true;
        if (b->head >= 0)
            d->ments.v[b->head].subject = true;
    }
}

/* Whether q's speech follows a colon after a verb of saying ("told the
 * BBC: …", "wrote on Twitter: …"): PolNeAR train, 5 of 6 right. */
static bool colon_speech(const ctx *c, const quote *q)
{
    if (!q->content.n)
        return false;
    size_t s = q->content.v[0].start;
    while (s > 0 && (c->d->cp[s - 1] == ' ' || c->d->cp[s - 1] == '\n'))
        s--;
    if (s == 0 || c->d->cp[s - 1] != ':')
        return false;
    for (uint32_t k = q->cue0; k < q->cue1 && k < c->n; k++) {
        if ((c->T[k].lex & LX_CUE) && ws_lex_cue_group(c->T[k].cue_lemma, WS_CG_COLON))
            return true;
    }
    return false;
}

static int cmp_quote_start(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    size_t p = x->content.v[0].start, q = y->content.v[0].start;
    if (p != q)
        return p < q ? -1 : 1;
    return (x->cue0 > y->cue0) - (x->cue0 < y->cue0);
}

/* A quotation opens at token j, or after a comma or colon there: "went on
 * to say, "…"" is a cue for all its infinitive. */
static bool quote_opens_after(const ctx *c, uint32_t j)
{
    if (j < c->n && (tok_punct(c->d, j, ',') || tok_punct(c->d, j, ':')))
        j++;
    return j < c->n && c->T[j].kind == T_QUOTE && (c->T[j].flags & F_OPEN) && c->T[j].quote >= 0;
}

/* Verbs whose "to" is a preposition, in the cue whatever follows it:
 * "responded to requests", "pointed to rising costs", "admitted to lying"
 * (PolNeAR train: cue-final 133 : content-initial 18) */
static bool to_verb(const tok *t)
{
    /* beginnings of words (every form of the verb): not a lexicon class */
    static const char *const stems[] = {"respond", "repl", "refer", "point", "object", "react",
                                        "allud", "admit", "confess", "plead", "attest", "testif",
                                        NULL};
    if (t->kind != T_WORD)
        return false;
    for (const char *const *s = stems; *s; s++)
        if (strncmp(t->low, *s, strlen(*s)) == 0)
            return true;
    return false;
}

/* "lashed out at the press", "calling for tariffs", "shrugged off the
 * comments": a particle right after the cue belongs to the cue, whichever
 * sieve made the attribution (PolNeAR train, cue-final : content-initial:
 * about 473 : 65, for 389 : 45, of 418 : 27, on 335 : 29, against 108 : 1,
 * up 23 : 0, off 17 : 0). Verbs of saying keep their setting out ("said on
 * a call"), and a time after the particle is no object ("said on Monday"). */
static void cue_particles(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        uint32_t k = q->cue1;
        /* (not after a colon: "Brandt: For another six months") */
        if (q->cue1 <= q->cue0 || !q->content.n || k + 1 >= c->n || c->T[k - 1].kind == T_PUNCT)
            continue;
        ws_span *s = &q->content.v[0];
        const tok *t = &c->T[k];
        if (t->kind != T_WORD || t->start != s->start || c->T[k + 1].start >= s->end ||
            !((t->lex2 & (LX2_PARTICLE | LX2_PARTICLE_UP)) ||
              (low_is(t, "to") && to_verb(&c->T[k - 1]))))
            continue;
        bool speech = false;
        for (uint32_t j = q->cue0; j < q->cue1; j++) {
            const char *l = ws_lex_cue_lemma(c->T[j].cue_lemma);
            speech |= l && (ws_streq(l, "say") || ws_streq(l, "tell") || ws_streq(l, "add"));
        }
        const tok *u = &c->T[k + 1];
        if (speech || tok_is(c->d, k + 1, "that") || duration_at(c, k) ||
            (u->lex & (LX_WEEKDAY | LX_TIMEWORD | LX_MONTH)) || u->kind == T_NUM)
            continue;
        q->cue1 = k + 1;
        s->start = u->start;
    }
}

/* Punctuation that only joins a span to its sentence: a comma, a colon, a
 * semicolon or a dash before speech ("— opposition to Clinton", ": "It
 * was …""), an opening parenthesis or a dash after it, a parenthesis
 * around a speaker ("(Mr. Trump"). The marks stay out of the span. */
static bool edge_punct(const ctx *c, uint32_t k, bool opening)
{
    if (c->T[k].kind != T_PUNCT)
        return false;
    uint32_t ch = c->d->cp[c->T[k].start];
    return ch == ',' || ch == ';' || ch == ':' || ws_is_dash(ch) || ch == (opening ? ')' : '(');
}

static void tidy_content_edges(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        for (size_t f = 0; f < q->content.n; f++) {
            ws_span *s = &q->content.v[f];
            /* speech stands next to its cue: the search starts there */
            uint32_t a = tok_at_offset_from(c, 0, q->cue0, s->start), b = tok_at_offset_from(c, a, a, s->end);
            if (a >= c->n || c->T[a].start != s->start)
                continue;
            /* b: the first token at or after the span's end; b - 1 its last */
            while (a + 1 < b && edge_punct(c, a, true))
                a++;
            /* ... but a dash that breaks off the speech stays: "and —." */
            while (b > a + 1 && edge_punct(c, b - 1, false) &&
                   !(ws_is_dash(c->d->cp[c->T[b - 1].start]) &&
                     (b >= c->n || sent_end_punct(c, b) || (c->T[b].flags & F_PARA_START))))
                b--;
            /* "(… would open in May.)": the parenthesis closes outside */
            if (b > a + 1 && tok_punct(c->d, b - 1, ')')) {
                bool open = false;
                for (uint32_t k = a; k < b - 1 && !open; k++)
                    open = tok_punct(c->d, k, '(');
                if (!open) {
                    b--;
                    while (b > a + 1 && sent_end_punct(c, b - 1))
                        b--;
                }
            }
            s->start = c->T[a].start;
            s->end = c->T[b - 1].end;
        }
    }
}

/* ... and the parenthesis that opens before a speaker: "(Mr. Trump said …" */
static void tidy_source_edges(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        if (q->has_src_span && q->src_t1 > q->src_t0 + 1 && tok_punct(c->d, q->src_t0, '(')) {
            q->src_t0++;
            q->src_span.start = c->T[q->src_t0].start;
        }
    }
}

/* "Clinton was declared the winner", "Blumenthal was asked, "…"": a passive
 * cue's subject is what the speech is about or whom it was put to, and the
 * speaker is unnamed (PolNeAR train: agentless passive cues, no source 222 :
 * 99, most of the 99 an agent after "by" or a feeling, "is convinced").
 * Feelings keep their subject. */
static void passive_sources(ctx *c)
{
    for (size_t i = 0; i < c->d->quotes.n; i++) {
        quote *q = &c->d->quotes.v[i];
        if (!q->has_src_span || q->src_t1 > q->cue0 || q->cue1 <= q->cue0 || q->sieve == 1)
            continue;
        uint32_t h = ws_cue_head(c->d, q);
        if (!ws_cue_passive(c->d, q, h) || !(past_word(c, h) || (c->T[h].lex2 & LX2_IRREGULAR)) ||
            (c->T[h].lex2 & LX2_FEELING))
            continue;
        q->source = -1;
        q->has_src_span = false;
    }
}

/* Token k is in a line that links to another story: "Read more: …",
 * "Related: …", "Watch | …", "See also: …" */
static bool link_line(const ctx *c, uint32_t k)
{
    if (k >= c->n)
        return false;
    int32_t p = c->T[k].para;
    if (p < 0 || (size_t)p >= c->d->paras.n)
        return false;
    uint32_t a = c->d->paras.v[p].t0, b = c->d->paras.v[p].t1;
    if (a + 2 >= b)
        return false;
    uint32_t x = a;
    if (tok_is(c->d, x, "read") || tok_is(c->d, x, "see") || tok_is(c->d, x, "also")) {
        if (!(tok_is(c->d, x + 1, "more") || tok_is(c->d, x + 1, "also") || tok_is(c->d, x + 1, "read")))
            return false;
        x += 2;
    } else if (tok_is(c->d, x, "related") || tok_is(c->d, x, "watch") || tok_is(c->d, x, "video") ||
               tok_is(c->d, x, "listen")) {
        x += 1;
    } else {
        return false;
    }
    return x < b && (tok_punct(c->d, x, ':') || tok_punct(c->d, x, '|'));
}

/* A word before "states" that makes it a verb: a document's noun or a
 * pronoun ("the memo states", "it states") */
static __attribute__((noinline)) bool states_subject(const tok *t)
{
    static const char *const words[] = {"memo", "law", "report", "letter", "document", "constitution",
                                        "contract", "statement", "policy", "rule", "bill", "section",
                                        "article", "complaint", "lawsuit", "filing", "indictment", "order",
                                        "ruling", "warrant", "agreement", "treaty", "resolution", "motion",
                                        "note", "email", "post", "website", "page", "it", "he", "she",
                                        "guidance", "notice", "clause", "act", "code", "charter",
                                        "manifesto", "proposal", "plan", "summary", "text", "study",
                                        "audit", "review", "message", "release", "decision", "judgment",
                                        "judgement", "affidavit", "petition", "brief", "directive"};
    if (t->kind != T_WORD)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (ws_streq(t->low, words[i]))
            return true;
    return false;
}

/* The words before token j + 1 are "NOUN reviewed by NAME" or "NOUN by
 * NAME" with NOUN a finding's ("records", "emails", "projections"):
 * "emails obtained by the Post show", "Projections by the broadcaster show" */
static __attribute__((noinline)) bool finding_held_by(const ws_doc *d, uint32_t j)
{
    const tok *T = d->toks.v;
    uint32_t x = j;
    while (x > 0 && j - x < 6 && T[x].kind == T_WORD && !low_is(&T[x], "by") &&
           !(T[x].lex & (LX_CUE | LX_AUX | LX_WL_CLAUSE)))
        x--;
    if (x == j || x < 1 || !low_is(&T[x], "by"))
        return false;
    const tok *p = &T[x - 1];
    /* ("Projections by the broadcaster show": no participle) */
    if (p->kind == T_WORD && (p->lex2 & LX2_FINDING_NOUN))
        return true;
    return x >= 2 &&
           (tok_held_participle(p) || low_is(p, "examined") || low_is(p, "published") || low_is(p, "released")) &&
           T[x - 2].kind == T_WORD && (T[x - 2].lex2 & LX2_FINDING_NOUN);
}

void ws_speakers_attribute(ws_doc *d)
{
    ctx c = {.d = d, .T = d->toks.v, .n = (uint32_t)d->toks.n};
    c.ment_at = d->ment_at;
    c.used = ws_alloc(&d->arena, c.n + 1);
    c.cue_len = ws_alloc(&d->arena, c.n + 1);
    c.cues = ws_alloc_raw(&d->arena, (c.n + 1) * sizeof *c.cues);
    c.cue_comma = ws_alloc_raw(&d->arena, (c.n + 1) * sizeof *c.cue_comma);
    uint32_t last_comma = 0;
    c.colons = ws_alloc_raw(&d->arena, (c.n + 1) * sizeof *c.colons);
    c.hearsay = ws_alloc_raw(&d->arena, (c.n + 1) * sizeof *c.hearsay);
    c.ins = ws_alloc_raw(&d->arena, (c.n + 1) * sizeof *c.ins);
    c.weak = ws_alloc(&d->arena, c.n + 1);
    c.learned = ws_alloc(&d->arena, c.n + 1);
    /* the tokens and their count in locals: c is passed around, and every
     * store through one of its byte arrays would make them loads again */
    tok *const T = c.T;
    const uint32_t n = c.n;
    for (uint32_t k = 0; k < n; k++) {
        tok *t = &T[k];
        if (t->kind != T_WORD) {
            if (t->kind == T_PUNCT) {
                uint32_t ch = d->cp[t->start];
                if (ch == ':')
                    c.colons[c.ncolons++] = k;
                else if (ch == ',')
                    last_comma = k + 1;
            }
            continue;
        }
        /* the words two later sieves start from */
        if (t->len >= 9 && hearsay_word(&c, k))
            c.hearsay[c.nhearsay++] = k;
        else if (t->len == 2 && low_is(t, "in"))
            c.ins[c.nins++] = k;
        /* a word the learned model may take for the head of a cue, below */
        bool may_learn = t->quote < 0 && !(d->flags & WS_RULES_ONLY) && !(t->flags & F_CAP) &&
                         t->kind == T_WORD && t->end - t->start > 2 &&
                         !(t->lex & (LX_AUX | LX_DET | LX_PRONOUN | LX_PREFIX | LX_CAPSTOP | LX_NOSRC)) &&
                         d->ment_at[k] < 0;
        /* "records show", "polls there show": a bare "show" (a TV show
         * otherwise) after a noun of records or polls reports a finding
         * (PolNeAR train: bare "show" annotated 80 of 286 times) */
        bool finding = false;
        if (k > 0 && t->len == 4 && low_is(t, "show")) {
            uint32_t j = k - 1;
            if (j > 0 && tok_is(d, j, "there"))
                j--;
            finding = d->toks.v[j].kind == T_WORD && (d->toks.v[j].lex2 & LX2_FINDING_NOUN);
            /* "emails reviewed by The Valdera Ledger show": the finding's
             * noun before who holds it */
            if (!finding)
                finding = finding_held_by(d, j);
        }
        /* most words: no lexicon cue of any kind starts here (the look-ups
         * below would find none), and the model is not asked */
        if (!may_learn && !finding && !(t->lex & (LX_CUE | LX_CUE_ING | LX_CUE_WEAK | LX_PREFIX)))
            continue;
        int32_t lemma = -1;
        uint32_t len;
        if (finding) {
            ws_lex_word("shows", &lemma);
            len = 1;
        } else if ((t->lex & (LX_PREFIX | LX_PHRASE_CUE)) == LX_PREFIX) {
            /* the first word of multi-word entries of other classes only:
             * what ws_lex_phrase_long2() finds is the word's own entry */
            len = (t->lex & (LX_CUE | LX_CUE_ING)) ? 1 : 0;
            if (len)
                lemma = t->cue_lemma;
            else if (t->lex & LX_CUE_WEAK) {
                len = 1;
                lemma = t->cue_lemma;
                c.weak[k] = 1;
            }
        } else if (t->lex & LX_PREFIX) {
            /* the first word of multi-word entries: both classes in one pass */
            int32_t lemma2 = -1;
            uint32_t len2 = 0;
            len = ws_lex_phrase_long2(d, k, LX_CUE | LX_CUE_ING, &lemma, LX_CUE_WEAK, &lemma2, &len2);
            if (!len && len2) {
                len = len2;
                lemma = lemma2;
                c.weak[k] = 1;
            }
        } else {
            len = ws_lex_phrase(d, k, LX_CUE | LX_CUE_ING, &lemma);
            if (!len && (len = ws_lex_phrase(d, k, LX_CUE_WEAK, &lemma)) != 0)
                c.weak[k] = 1;
        }
        if (!len && !may_learn)
            continue;
        /* "As one analyst put it, …", "as Marcus puts it,": a weak cue
         * (cues_weak.txt) reports the speech after an "as" clause */
        if (len == 2 && c.weak[k] && k + 2 < c.n && (low_is(t, "put") || low_is(t, "puts")) &&
            tok_punct(d, k + 2, ','))
            for (uint32_t j = k; j > 0 && k - j < 8 && T[j - 1].kind != T_PUNCT && T[j - 1].kind != T_QUOTE; j--)
                if (low_is(&T[j - 1], "as") && j < k) {
                    c.weak[k] = 0;
                    break;
                }
        /* not a cue: a capitalised word inside a sentence ("New York State"),
         * or an infinitive ("helped him write a book", "to describe") ... or a
         * noun: "the two accused", "a claim". Whatever the learned model
         * would say below: it is not asked then. */
        /* (the word before read once: its hash settles each comparison) */
        const tok *pv = k > 0 ? t - 1 : NULL;
        bool not_cue = ((t->flags & F_CAP) && !(t->flags & F_SENT_START) && pv &&
                        pv->kind != T_QUOTE) ||
                       (pv && low_is(pv, "to") && !(t->lex & LX_CUE_ING) &&
                        !(len && quote_opens_after(&c, k + len)) &&
                        !(k > 1 && catenative_at(&c, k - 2))) ||
                       (pv && (low_is(pv, "the") || low_is(pv, "a") || low_is(pv, "an") ||
                               low_is(pv, "his") || low_is(pv, "their") || low_is(pv, "its") ||
                               (k > 1 && (pv->lex & LX_DET) && !(pv->lex & (LX_TITLE | LX_ROLE)) &&
                                low_is(&T[k - 2], "the"))));
        /* "this claim Mostly False", "Tasker's claim is misleading": a base
         * form after a possessive or "this" is a noun ("he's claimed",
         * "this claims" are verbs); before a verb or a name it leads no
         * speech (PolNeAR annotates "Trump's claim that …") */
        if (!not_cue && pv && k + 1 < c.n &&
            ((tok_possessive(pv) && !(pv->lex & LX_PRONOUN) && pv->kind == T_WORD) || low_is(pv, "this") ||
             low_is(pv, "our") || low_is(pv, "my") || low_is(pv, "your")) &&
            ((T[k + 1].lex & LX_AUX) || (T[k + 1].kind == T_WORD && (T[k + 1].flags & F_CAP)) ||
             sent_end_punct(&c, k + 1)))
            not_cue = t->len > 2 && t->low[t->len - 1] != 's' && strcmp(t->low + t->len - 2, "ed") != 0 &&
                      !(t->lex & LX_CUE_ING);
        /* "in a telephone call with X": after "a" and a noun, a verb's base
         * form before "with" is a noun too (PolNeAR annotates noun cues such
         * as "a call for reform", so only "with") */
        not_cue = not_cue || (k > 1 && (low_is(&T[k - 2], "a") || low_is(&T[k - 2], "an")) &&
                              pv->kind == T_WORD && !(pv->flags & F_CAP) && t->low[t->len - 1] != 's' &&
                              tok_is(d, k + 1, "with"));
        /* "After talks with the harbour chairman, X said": a word of meeting
         * before "with" is the meeting (PolNeAR train: "talks with" a cue
         * 0 times) */
        not_cue = not_cue || (!len && (t->lex & LX_MEET) && tok_is(d, k + 1, "with"));
        /* "who asked not to be named": the source's wish, not speech */
        not_cue = not_cue || ((low_is(t, "asked") || low_is(t, "requested")) && tok_is(d, k + 1, "not") &&
                              tok_is(d, k + 2, "to") && tok_is(d, k + 3, "be"));
        /* ... "who asked that her surname not be used" (PolNeAR annotates
         * "who declined to be named", though) */
        if (!not_cue && (low_is(t, "asked") || low_is(t, "requested")) &&
            k > 0 && tok_is(d, k - 1, "who"))
            for (uint32_t j = k + 1; j < c.n && j < k + 7 && T[j].kind == T_WORD && !not_cue; j++)
                not_cue = low_is(&T[j], "name") || low_is(&T[j], "surname") || low_is(&T[j], "named") ||
                          low_is(&T[j], "identified");
        /* "The memo states that …": "states" is a verb after a document's
         * noun or a pronoun, else a noun ("swing states that …", "Southern
         * states") */
        not_cue = not_cue || (t->len == 6 && low_is(t, "states") && !(pv && states_subject(pv)));
        /* "called Priya Abernathy to concede": a call (a meeting, events.c) */
        not_cue = not_cue || (t->len == 6 && low_is(t, "called") && ws_call_purpose(d, k, c.n));
        /* idioms: "That said, …", "easier said than done" */
        not_cue = not_cue ||
                  (low_is(t, "said") && k + 1 < c.n &&
                   ((k > 0 && tok_is(d, k - 1, "that") && (d->toks.v[k - 1].flags & F_SENT_START) &&
                     tok_punct(d, k + 1, ',')) ||
                    tok_is(d, k + 1, "than")));
        /* "his now-familiar campaign promise Saturday", "their warning.": a
         * noun after a possessive and what qualifies it, with no object or
         * clause after it */
        /* (only the base form, which no finite verb after "his office" has:
         * "his office said.", "his office says.") */
        if (!not_cue && k > 1 && k + 1 < c.n && !(t->flags & F_CAP) && t->len > 3 &&
            ((c.T[k + 1].lex & (LX_WEEKDAY | LX_TIMEWORD)) || tok_punct(d, k + 1, '.') || tok_punct(d, k + 1, ';')) &&
            ws_lex_cue_lemma(lemma) && ws_streq(t->low, ws_lex_cue_lemma(lemma))) {
            uint32_t j = k;
            while (j > 0 && k - j < 4 && c.T[j - 1].kind == T_WORD && !(c.T[j - 1].flags & F_CAP) &&
                   !(c.T[j - 1].lex & (LX_AUX | LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_CUE_ING | LX_DET | LX_PRONOUN)))
                j--;
            not_cue = j > 0 && j < k && c.T[j - 1].kind == T_WORD &&
                      (low_is(&c.T[j - 1], "his") || low_is(&c.T[j - 1], "her") || low_is(&c.T[j - 1], "their") ||
                       low_is(&c.T[j - 1], "its") || low_is(&c.T[j - 1], "our") || low_is(&c.T[j - 1], "my"));
        }
        /* "paid a courtesy call on the governor": a visit (events.c) */
        not_cue = not_cue || (pv && low_is(pv, "courtesy"));
        /* "Making the rounds on the Sunday shows, Carson said": a plural
         * noun's form ending a fronted phrase before the sentence's subject */
        /* (or any noun's: "In Saturday's call, Hale told") */
        not_cue = not_cue || (t->len > 3 && !(t->flags & F_CAP) && k + 2 < c.n && tok_punct(d, k + 1, ',') &&
                              (c.T[k + 2].flags & F_CAP) && c.T[k + 2].kind == T_WORD && d->ment_at[k + 2] >= 0 &&
                              pv && pv->kind == T_WORD && !(pv->lex & (LX_PRONOUN | LX_AUX)) &&
                              !(pv->lex2 & LX2_FINDING_NOUN) &&
                              ((t->low[t->len - 1] == 's' && d->ment_at[k - 1] < 0) || tok_possessive(pv) ||
                               ((pv->lex & LX_DET) && !(pv->lex & LX_WL_SUBJECT))));
        if (not_cue)
            continue;
        /* a lexicon cue the learned model finds very unlikely here ("the
         * report shows", "as expected") */
        bool asked = false; /* the model's logit z, once asked */
        double z = 0;
        if (len && !c.weak[k] && t->quote < 0 && !(d->flags & WS_RULES_ONLY) && !finding &&
            (asked = true, z = ws_cue_logit(d, k), ws_cue_below(z, CUE_VETO, CUE_VETO_LOGIT)))
            len = 0;
        /* "a group called Citizens for Trump": after a common noun and before
         * a name, "called" names a thing (PolNeAR train: 9 of 39 annotated) */
        if (len && k > 0 && k + 1 < c.n && low_is(t, "called") && c.T[k - 1].kind == T_WORD &&
            !(c.T[k - 1].flags & F_CAP) && d->ment_at[k - 1] < 0 &&
            !(c.T[k - 1].lex & (LX_PRONOUN | LX_WL_SUBJECT | LX_WL_CLAUSE | LX_AUX)) &&
            !ends_ly(&c.T[k - 1]) &&
            c.T[k + 1].kind == T_WORD && (c.T[k + 1].flags & F_CAP) &&
            !(c.T[k + 1].lex & LX_PRONOUN))
            len = 0, may_learn = false;
        /* a word the lexicon does not list, that the learned model takes for
         * the head of a cue ("lauded", "blasted", "endorsed") */
        /* "faced questions about …": the object of a verb before it */
        if (may_learn && pv && pv->kind == T_WORD && !(pv->flags & F_CAP) && pv->len > 3 &&
            strcmp(pv->low + pv->len - 2, "ed") == 0 && !(pv->lex & (LX_CUE | LX_CUE_ING | LX_AUX)))
            may_learn = false;
        if (!len && may_learn &&
            !ws_cue_below(asked ? z : ws_cue_logit(d, k), CUE_THRESHOLD, CUE_THRESHOLD_LOGIT)) {
            len = 1;
            lemma = -1;
            c.learned[k] = 1;
        }
        /* "the statistics appear to be fabricated": a raising verb before
         * an infinitive reports a judgement (PolNeAR train: seem/appear +
         * "to" annotated 141 of 244 times; before "on", "at", "in" 4 of 57) */
        if (!len && may_learn && k + 2 < c.n && tok_is(d, k + 1, "to") &&
            c.T[k + 2].kind == T_WORD && (t->lex2 & LX2_RAISING)) {
            len = 1;
            lemma = -1;
            c.learned[k] = 1;
        }
        if (len) {
            c.cue_len[k] = (uint8_t)len;
            c.cue_comma[c.ncues] = last_comma;
            c.cues[c.ncues++] = k;
            t->cue_lemma = lemma;
            /* the participle of a multi-word cue: "pointing out" */
            if (len > 1 && !c.weak[k]) {
                size_t l = t->len;
                uint32_t bit = l > 3 && ws_streq(t->low + l - 3, "ing") ? LX_CUE_ING : LX_CUE;
                /* remembered, so the cue model still sees the word's own class */
                if (!(t->lex & bit))
                    t->flags |= bit == LX_CUE ? F_CUE_ADDED : F_ING_ADDED;
                t->lex |= bit;
            }
        }
    }
    sieve_adjacent(&c);
    sieve_asked(&c);
    sieve_passive(&c);
    c.outer_pass = true;
    sieve_indirect(&c);
    c.outer_pass = false;
    sieve_indirect(&c);
    sieve_adjacent_any_verb(&c);
    sieve_colon_lead(&c);
    sieve_colon_noun(&c);
    sieve_colon_manner(&c);
    sieve_colon_quote(&c);
    sieve_dash_line(&c);
    sieve_mixed_verb(&c);
    sieve_leftover(&c);
    sieve_poll(&c);
    sieve_hearsay(&c);
    sieve_frame(&c);
    raising_frames(&c);
    relative_clause_ends(&c);
    relative_frames(&c);
    cue_particles(&c);
    tidy_content_edges(&c);
    /* no attribution without content (a guard: every sieve checks it), and
     * none in a link to another story ("Read more: X admits …") */
    size_t kept = 0;
    for (size_t i = 0; i < d->quotes.n; i++)
        if (d->quotes.v[i].content.n && !link_line(&c, d->quotes.v[i].cue0))
            d->quotes.v[kept++] = d->quotes.v[i];
    d->quotes.n = kept;
    /* reading order, and the quote type from its marks */
    if (d->quotes.n > 1)
        ws_sort(d->quotes.v, d->quotes.n, sizeof *d->quotes.v, cmp_quote_start);
    for (size_t i = 0; i < d->quotes.n; i++)
        set_type(&c, (int32_t)i);
    rank_sources(&c);
    passive_sources(&c);
    tidy_source_edges(&c);
    /* the learned filter: its probability becomes the confidence, and the
     * unlikely attributions go */
    if (!(d->flags & (WS_RULES_ONLY | WS_INTERNAL_NO_FILTER | WS_INTERNAL_LOG_BOUNDS |
                      WS_INTERNAL_LOG_SOURCES))) {
        kept = 0;
        for (size_t i = 0; i < d->quotes.n; i++) {
            quote *q = &d->quotes.v[i];
            double p = ws_quote_score(d, q);
            /* a whole quotation beside its cue is kept, however unusual its
             * cue: "a banner that read, "…"", and so is speech after a verb
             * of saying and its colon: "told the BBC: the plan is dead" */
            /* (and an interview's turn after its label: "Q: Will it close?") */
            if (p >= QUOTE_KEEP || (q->sieve == 1 && q->type == WS_DIRECT) || colon_speech(&c, q) ||
                (q->colon && q->source < 0 && interview_label(&c, q->src_t0, c.n) == q->cue0) ||
                /* ... or a transcript's turn after its speaker's name in
                 * capitals: "ARRABAL-KADE: Not this year." */
                (q->colon && q->src_t1 == q->cue0 && (c.T[q->src_t0].flags & F_ALLCAP) &&
                 (c.T[q->src_t0].flags & F_PARA_START))) {
                q->conf = floor(p * 100 + 0.5) / 100; /* as the output writes it */
                d->quotes.v[kept++] = *q;
            }
        }
        d->quotes.n = kept;
    }
}
