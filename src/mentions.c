/* Stage 3: mentions of people - names with their titles, title-only
 * mentions ("the Secretary General"), pronouns - and of organisations.
 *
 * A capitalised run of words is split into title words and a name. Whether a
 * sentence-initial or headline word is a name is decided from the article
 * itself: a word that also appears in lower case elsewhere in the article is
 * an ordinary word, not a name. */
#include "internal.h"

#include <stdlib.h>

/* ---- which capitalised words the article also writes in lower case ----
 * The words asked about (the capitalised ones capword() looks up) go into a
 * small open-addressing table first; then every lower-case word of the
 * article is looked for in it, and marks the entry it finds. Most lower-case
 * words are in no entry, and are told so by their hash alone. */
typedef struct {
    const char *key; /* NULL = empty */
    uint32_t h;      /* its hash (tok.hash) */
    uint32_t seen;   /* the article has the word in lower case */
    uint32_t mid;    /* ... or capitalised inside a sentence */
} vslot;

typedef struct {
    vslot *slot;
    size_t cap;
    int32_t *at; /* for each token capword() looks up: its entry */
    uint32_t *cand; /* the words a mention may start at: pronouns and capitalised ones */
    size_t ncand;
} vocab_t;

/* The hash the tokens carry (tok.hash), of a string made elsewhere */
static uint32_t hash_str(const char *s)
{
    uint32_t h = WS_LEX_HASH_BASIS;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * WS_LEX_HASH_PRIME;
    return h;
}

/* (these tests, of every token, without branches: which tokens pass
 * follows no pattern a branch predictor learns) */
static bool is_lowerword(const tok *t)
{
    return (t->kind == T_WORD) & ((t->flags & (F_CAP | F_HAS_DIGIT)) == 0);
}


/* "Criminologist Luis Montoya-Reyes" opening a sentence at k: a word with
 * an occupation's ending before a first name and a surname is the role,
 * not the name (the lexicon lists only the common roles). Out of line:
 * capword() asks it rarely and stays small enough to inline. */
static __attribute__((noinline)) bool occupation_before_name(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    if (!(t[1].flags & F_CAP) || t[1].kind != T_WORD || !(t[2].flags & F_CAP) || t[2].kind != T_WORD ||
        (t->lex & (LX_MALE | LX_FEMALE)))
        return false;
    const char *w = t->low + t->len;
    return strcmp(w - 3, "ist") == 0 || strcmp(w - 3, "ian") == 0 || strcmp(w - 2, "er") == 0 ||
           strcmp(w - 2, "or") == 0 || strcmp(w - 3, "ant") == 0;
}

/* Capitalised word k is in a title's "for"/"of" phrase: "Minister for Civil
 * Aviation Rajeev Malhotra", though the article writes "the aviation
 * regulator" (asked only of a word the article writes in lower case) */
static __attribute__((noinline)) bool in_title_phrase(const ws_doc *d, uint32_t k)
{
    uint32_t j = k - 1;
    while (j > 1 && j + 4 > k && d->toks.v[j].kind == T_WORD && (d->toks.v[j].flags & F_CAP) &&
           !(d->toks.v[j].flags & (F_SENT_START | F_PARA_START)))
        j--;
    return (tok_is(d, j, "for") || tok_is(d, j, "of")) && j >= 1 && (d->toks.v[j - 1].lex & LX_TITLE) &&
           (d->toks.v[j - 1].flags & F_CAP);
}

/* A capitalised word that capword() looks up (its tests before the look-up) */
static bool asked(const tok *t)
{
    uint32_t lex = t->lex;
    return (t->kind == T_WORD) & ((t->flags & F_CAP) != 0) &
           ((lex & (LX_HONORIFIC | LX_TITLE | LX_CAPSTOP | LX_WEEKDAY | LX_MONTH | LX_PRONOUN)) == 0) &
           !(((lex & (LX_CUE | LX_CUE_ING | LX_ROLE)) != 0) & ((lex & LX_ORGWORD) == 0));
}

enum { POSSESSIVE_MAX = 128 }; /* a possessive this long or longer is looked up no more */
enum { FILTER_BITS = 4096, FILTER_SHIFT = 20 }; /* make_vocab()'s filter: the top 12 bits of a hash */

static vocab_t make_vocab(ws_doc *d)
{
    vocab_t v = {0};
    const tok *T = d->toks.v;
    size_t n = d->toks.n, count = 0, nlow = 0;
    /* one pass over the tokens: the words asked about, from the front of
     * the list, and the lower-case words (with their hashes), from its back */
    uint32_t *ask = ws_alloc_raw(&d->arena, (2 * n + 1) * sizeof *ask);
    uint32_t *low = ask + 2 * n;
    v.cand = ws_alloc_raw(&d->arena, (n + 1) * sizeof *v.cand);
    for (size_t k = 0; k < n; k++) {
        const tok *t = &T[k];
        /* no branch on which list a token goes to (the kinds of words follow
         * no pattern a branch predictor could learn): both slots are written
         * every time and only the counts say which is kept. A slot written
         * and not kept is past the end of its list, and never within the
         * other one: count + 2 * nlow <= 2 * k here. */
        bool a = asked(t), l = is_lowerword(t); /* (never both: one needs a capital, the other none) */
        ask[count] = (uint32_t)k;
        count += a;
        low[-2] = (uint32_t)k;
        low[-1] = t->hash;
        low -= 2 * (size_t)l;
        nlow += l;
        /* and, for ws_mentions_find(), the words a mention may start at */
        v.cand[v.ncand] = (uint32_t)k;
        v.ncand += (t->kind == T_WORD) & (((t->lex & LX_PRONOUN) | (t->flags & F_CAP)) != 0);
    }
    if (!count)
        return v;
    v.cap = 16;
    while (v.cap < 2 * count)
        v.cap *= 2;
    v.slot = ws_alloc(&d->arena, v.cap * sizeof *v.slot);
    v.at = ws_alloc_raw(&d->arena, n * sizeof *v.at); /* read only where written */
    /* a bit per asked word's hash (its top bits): most lower-case words are
     * none of them, and the bit says so without a probe of the table */
    uint64_t filter[FILTER_BITS / 64] = {0};
    for (size_t a = 0; a < count; a++) {
        uint32_t k = ask[a];
        const tok *t = &T[k];
        const char *key = t->low;
        uint32_t h = t->hash;
        if (tok_possessive(t)) {
            size_t l = t->len - 2;
            if (l >= POSSESSIVE_MAX) {
                v.at[k] = -1;
                continue;
            }
            key = ws_strndup(&d->arena, t->low, l);
            h = hash_str(key);
        }
        size_t i = h & (v.cap - 1);
        while (v.slot[i].key && !(v.slot[i].h == h && ws_streq(v.slot[i].key, key)))
            i = (i + 1) & (v.cap - 1);
        if (!v.slot[i].key) {
            v.slot[i].key = key;
            v.slot[i].h = h;
        }
        v.at[k] = (int32_t)i;
        v.slot[i].mid |= !(t->flags & (F_SENT_START | F_PARA_START));
        filter[(h >> FILTER_SHIFT) / 64] |= 1ull << ((h >> FILTER_SHIFT) % 64);
    }
    for (size_t x = 0; x < nlow; x++, low += 2) {
        uint32_t h = low[1];
        if (!((filter[(h >> FILTER_SHIFT) / 64] >> ((h >> FILTER_SHIFT) % 64)) & 1))
            continue;
        for (size_t i = h & (v.cap - 1); v.slot[i].key; i = (i + 1) & (v.cap - 1))
            if (v.slot[i].h == h && ws_streq(v.slot[i].key, T[low[0]].low)) {
                v.slot[i].seen = 1;
                break;
            }
    }
    return v;
}

static bool name_particle(const ws_doc *d, uint32_t k)
{
    /* lexicon/nameparticles.txt */
    return (d->toks.v[k].lex2 & LX2_NAME_PARTICLE) && !(d->toks.v[k].flags & F_CAP);
}

/* "Italian-born", "London-based", "Saudi-led": an adjective, no name word
 * (nor are the capitalised words before it: "Los Angeles-based") */
static bool hyphen_adjective_rest(const tok *t);

/* (asked of every capitalised word: inline, the hyphen looked for only
 * where one of the endings would put it) */
static inline bool hyphen_adjective(const tok *t)
{
    const char *w = t->low;
    size_t n = t->len;
    return t->kind == T_WORD && n > 5 &&
           (w[n - 4] == '-' || w[n - 5] == '-' || w[n - 6] == '-' || (n > 7 && w[n - 7] == '-') ||
            (n > 9 && w[n - 9] == '-')) &&
           hyphen_adjective_rest(t);
}

static bool hyphen_adjective_rest(const tok *t)
{
    /* ("Seventeen-year-old Priya …": an age) */
    static const char *const ends[] = {"-born", "-based", "-led", "-backed", "-owned", "-run", "-style", "-year-old"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t l = strlen(ends[i]);
        if (t->len > l && ws_streq(t->low + t->len - l, ends[i]))
            return true;
    }
    return false;
}

/* Can token k be part of a capitalised name run? */
/* The endings of manner and sentence adverbs ("naturally", "obviously",
 * "unfortunately"), which no name in news has ("Kelly", "Beverly" do not
 * end so). */
static bool adverb_suffix(const char *w, size_t l)
{
    /* endings of words: not a lexicon class */
    static const char *const sfx[] = {"ally", "ately", "ously", "ively", "ently", "antly",
                                      "ingly", "edly", "fully", "ably", "ibly"};
    for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
        size_t n = strlen(sfx[i]);
        if (l > n && memcmp(w + l - n, sfx[i], n) == 0)
            return true;
    }
    return false;
}

/* "Leila Said told", "Hamad bin Said received": the Arabic name, after a
 * first name or a particle inside a sentence (a title-case headline
 * capitalises the word after it too). Out of line: capword() asks it only
 * of capitalised cue words. */
static __attribute__((noinline)) bool said_name(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    return ws_streq(t->low, "said") && k > 0 && !(t->flags & F_SENT_START) && t[-1].kind == T_WORD &&
           (((t[-1].lex & (LX_MALE | LX_FEMALE)) && (t[-1].flags & F_CAP)) || (t[-1].lex2 & LX2_NAME_PARTICLE)) &&
           (k + 1 >= d->toks.n || t[1].kind != T_WORD || !(t[1].flags & F_CAP));
}

/* (inline: it runs for every capitalised word and the word after each) */
/* The capitalised word k that opens its sentence before a comma modifies
 * the clause: a sentence adverb ("Naturally, …", "Ironically, …") or a
 * participle before the subject ("Reacting, Chief Emeka Obiora said"; not
 * "Manning, a former analyst, said"). Kept out of capword(), which runs
 * for every capitalised word. */
static __attribute__((noinline)) bool opening_modifier(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    if (adverb_suffix(t->low, t->len))
        return true;
    return k + 2 < d->toks.n && ws_streq(t->low + t->len - 3, "ing") && d->toks.v[k + 2].kind == T_WORD &&
           (d->toks.v[k + 2].flags & F_CAP);
}

/* "Virologists said", "Rebels in the east said", "Colleagues described":
 * a plural noun opening a sentence, alone (no capitalised word after it),
 * that the article never capitalises inside a sentence (where "Bernie
 * Sanders" would make "Sanders said" a name) and that no lexicon makes a
 * body, a party or a people ("Democrats", "Americans") */
static __attribute__((noinline)) bool plural_common(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    size_t l = t->len;
    char c = l >= 5 ? t->low[l - 2] : 0;
    if (l < 5 || t->low[l - 1] != 's' || c == 's' || c == 'u' || c == 'i' || c == '\'' ||
        (t->lex & (LX_ORGWORD | LX_DEMONYM)) || ws_party_label(t) || tok_possessive(t))
        return false;
    /* (before "of" the mentions stage keeps it, and the speakers stage
     * makes it no one: "Shares of Norland Motors fell") */
    if (k + 1 < d->toks.n && d->toks.v[k + 1].kind == T_WORD &&
        ((d->toks.v[k + 1].flags & F_CAP) || tok_is(d, k + 1, "of")))
        return false;
    return true;
}

/* "Making the rounds on …, Carson said": a verb's -ing form opening a
 * sentence, a lower-case word after it, that the article never capitalises
 * inside a sentence */
static __attribute__((noinline)) bool gerund_opening(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    return t->len >= 5 && ws_streq(t->low + t->len - 3, "ing") && !(t->lex & (LX_MALE | LX_FEMALE)) &&
           k + 1 < d->toks.n && d->toks.v[k + 1].kind == T_WORD && !(d->toks.v[k + 1].flags & F_CAP) &&
           !(d->toks.v[k + 1].lex & (LX_CUE | LX_AUX)); /* ("Manning said", "Keating has") */
}

static inline bool capword(const ws_doc *d, uint32_t k, const vocab_t *vocab)
{
    const tok *t = &d->toks.v[k];
    if (t->kind != T_WORD || !(t->flags & F_CAP))
        return false;
    if (t->lex & (LX_HONORIFIC | LX_TITLE))
        return true;
    if (t->lex & (LX_CAPSTOP | LX_WEEKDAY | LX_MONTH | LX_PRONOUN))
        return false;
    if (hyphen_adjective(t))
        return false;
    /* "In Saturday's call": a weekday's possessive */
    if (tok_possessive(t) && t->len < 16) {
        char stem[16];
        memcpy(stem, t->low, t->len - 2);
        stem[t->len - 2] = 0;
        if (ws_lex_word(stem, NULL) & LX_WEEKDAY)
            return false;
    }
    /* "Forty-six percent": a number in words ("forty-", "seventy-": the
     * hyphen fifth to seventh) */
    if (t->len > 8 && (t->low[5] == '-' || t->low[6] == '-' || t->low[7] == '-')) {
        static const char *const tens[] = {"twenty-", "thirty-", "forty-",  "fifty-",
                                           "sixty-",  "seventy-", "eighty-", "ninety-"};
        for (size_t i = 0; i < sizeof tens / sizeof *tens; i++)
            if (strncmp(t->low, tens[i], strlen(tens[i])) == 0)
                return false;
    }
    /* "Others, including …, said", "None of them": never a speaker alone,
     * so no name either */
    if (t->lex & LX_NOSRC)
        return false;
    if ((t->lex & (LX_CUE | LX_CUE_ING | LX_ROLE)) && !(t->lex & LX_ORGWORD))
        return said_name(d, k); /* "Officials said", "Asked about it"; but "Interior Ministry" */
    /* a word that qualifies a title is part of it, even if the article also
     * writes it in lower case: "Finance Minister", "Defense Secretary" */
    if (k + 1 < d->toks.n && (t[1].lex & LX_TITLE) && (t[1].flags & F_CAP) &&
        !(t[1].flags & F_PARA_START))
        return true;
    /* "Criminologist Luis Montoya-Reyes" opening a sentence */
    if ((t->flags & F_SENT_START) && t->len > 5 && k + 2 < d->toks.n && (t[1].lex & (LX_MALE | LX_FEMALE)) &&
        occupation_before_name(d, k))
        return false;
    /* a sentence adverb or participle before a comma */
    if ((t->flags & F_SENT_START) && t->len >= 7 && k + 1 < d->toks.n && tok_punct(d, k + 1, ',') &&
        opening_modifier(d, k))
        return false;
    /* an ordinary word capitalised at the start of a sentence or in a
     * headline: the article also uses it in lower case (a possessive
     * "Smith's" without its ending) */
    int32_t at = vocab->at[k];
    if (at < 0)
        return true; /* a possessive too long to look up */
    if (t->lex & (LX_MALE | LX_FEMALE))
        return true;
    if (!vocab->slot[at].seen)
        return !((t->flags & F_SENT_START) && !vocab->slot[at].mid &&
                 (plural_common(d, k) || gerund_opening(d, k)));
    /* ... but a title's "for"/"of" phrase ("Minister for Civil Aviation
     * Rajeev Malhotra") */
    return !(t->flags & F_SENT_START) && k >= 2 && in_title_phrase(d, k);
}

static uint8_t gender_of(uint32_t lex)
{
    if (lex & LX_MALE)
        return G_MALE;
    if (lex & LX_FEMALE)
        return G_FEMALE;
    return G_UNKNOWN;
}

static void add_mention(ws_doc *d, mention m)
{
    m.entity = -1;
    VPUSH(&d->arena, d->ments, m);
}

/* A generational suffix after a name: "Brent Bozell III", "Henry Ford II"
 * (capitals, yet no acronym of an organisation) */
static bool roman(const tok *t)
{
    return (t->lex2 & LX2_ROMAN) != 0; /* lexicon/roman.txt */
}

/* -an, -ian, -ese, -ish: how names of peoples end (Estrellan, Congolese) */
static bool demonym_ending(const tok *t)
{
    size_t n = t->len;
    const char *w = t->low;
    return n > 5 && ((w[n - 2] == 'a' && w[n - 1] == 'n') ||
                     (w[n - 3] == 'e' && w[n - 2] == 's' && w[n - 1] == 'e') ||
                     (w[n - 3] == 'i' && w[n - 2] == 's' && w[n - 1] == 'h'));
}

/* "General's", "Minister’s": a title word with a possessive ending */
static bool possessive_title(const tok *t)
{
    if (!tok_possessive(t) || t->len < 4 || t->len >= 34)
        return false;
    size_t n = t->len - 2;
    char stem[32];
    memcpy(stem, t->low, n);
    stem[n] = 0;
    return (ws_lex_word(stem, NULL) & LX_TITLE) != 0;
}

/* "Kelby Meats' chief executive": a body's head word in the plural
 * possessive, which the tokenizer keeps with its apostrophe */
static bool plural_possessive_orgword(const tok *t)
{
    char w[32];
    size_t l = t->len;
    if (t->kind != T_WORD || l < 3 || l >= sizeof w || t->low[l - 1] != '\'' || t->low[l - 2] != 's')
        return false;
    memcpy(w, t->low, l - 1);
    w[l - 1] = 0;
    return (ws_lex_word(w, NULL) & LX_ORGWORD) != 0;
}

/* "Unions say …", "the Teamsters said": a lone capitalised word in the
 * plural names a group, not a person, when its singular is a body's or a
 * role's word or "the" stands before it (no one person is "the Xs") */
static bool plural_group(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    size_t l = t->len;
    if (t->kind != T_WORD || l < 4 || l >= 32 || t->low[l - 1] != 's' || tok_possessive(t) ||
        t->low[l - 2] == 's' || t->low[l - 2] == 'u' || t->low[l - 2] == 'i' || (t->flags & F_ALLCAP))
        return false;
    if (k > 0 && tok_is(d, k - 1, "the"))
        return true;
    char w[32];
    memcpy(w, t->low, l - 1);
    w[l - 1] = 0;
    return (ws_lex_word(w, NULL) & (LX_ORGWORD | LX_ROLE)) != 0;
}

/* Split a capitalised run [a, b) into titles and a name. */
static void split_run(ws_doc *d, uint32_t a, uint32_t b)
{
    tok *T = d->toks.v;
    mention m = {0};
    m.t0 = a;
    m.t1 = b;
    /* the last title word of the run (multi-word titles count as one) */
    uint32_t name0 = a;
    bool dead = false, has_title = false, org = false;
    uint8_t g = G_UNKNOWN;
    for (uint32_t k = a; k < b; k++) {
        if (T[k].lex & LX_DEAD)
            dead = true;
        /* a surname that is also a title, after a first name: "Steve
         * King", "Amy Pope", "Judge Ann Bishop" */
        if (k + 1 == b && k > a && (T[k - 1].lex & (LX_MALE | LX_FEMALE)) &&
            !(T[k - 1].lex & (LX_HONORIFIC | LX_TITLE)))
            continue;
        /* "the Secretary General's proposals": a title word in the
         * possessive ends a run of titles with no name */
        if (k + 1 == b && has_title && possessive_title(&T[k])) {
            name0 = b;
            continue;
        }
        /* "Democrat Hillary Clinton", "Republican Rand Paul": a party
         * label before a full name is a title, so that the person is the
         * same one as "Hillary Clinton" */
        if (k == a && b >= a + 3 && k + 1 < b && ws_party_label(&T[k])) {
            name0 = k + 1;
            has_title = true;
            continue;
        }
        /* "the Harwick Democrat", "The Velmont Republican": a place and a
         * party, a description of someone, no name */
        if (k == a && b == a + 2 && a > 0 && low_is(&T[a - 1], "the") && ws_party_label(&T[a + 1]) &&
            !(T[a].lex & (LX_MALE | LX_FEMALE))) {
            name0 = b;
            has_title = true;
            break;
        }
        /* ... after a state or a country: "Nevada Democrat Lucy Flores" */
        if (k == a && b >= a + 4 && (T[k].lex & LX_PLACE) && ws_party_label(&T[k + 1])) {
            name0 = k + 2;
            has_title = true;
            k++;
            continue;
        }
        /* "Sir Alan Duff MP": post-nominal letters that end the run are
         * no title */
        if (k > name0 && roman(&T[k]) && !(T[k - 1].lex & (LX_HONORIFIC | LX_TITLE))) {
            uint32_t x = k;
            while (x < b && roman(&T[x]))
                x++;
            if (x == b)
                break;
        }
        if (T[k].lex & (LX_HONORIFIC | LX_TITLE)) {
            /* a title word followed by more title words or a name */
            name0 = k + 1;
            has_title = true;
            if (g == G_UNKNOWN)
                g = gender_of(T[k].lex);
        }
    }
    /* "Secretary of State Anna Ruiz", "Minister of Commerce and Industry
     * Arjun Rao": a title's "of" phrase runs into the name. A known first
     * name inside the run starts the name when a capitalised title word
     * stands before the "of" (or "for"); the title runs from that word, and
     * the mention with it, the title's own run before it given up. */
    uint32_t title0 = a;
    uint32_t pre = a >= 2 && tok_is(d, a - 1, "the") ? a - 1 : a; /* ("Speaker of the House X") */
    if (name0 == a && pre >= 2 && b >= a + 3 && T[pre - 1].kind == T_WORD && !(T[pre - 1].flags & F_CAP) &&
        (tok_is(d, pre - 1, "of") || tok_is(d, pre - 1, "for") || tok_is(d, pre - 1, "and"))) {
        uint32_t f = a + 1;
        while (f + 1 < b && !(T[f].lex & (LX_MALE | LX_FEMALE)))
            f++;
        /* (a first name the lexicon lacks: the last two words, "Minister
         * of Foreign Affairs Lena Varga") */
        if (f + 1 >= b)
            f = b - 2;
        /* (but a title the lexicon lists whole ends where it ends: "Leader
         * of the Opposition Winston Augustus Fairclough-Reid") */
        for (uint32_t tw = a - 1; tw > 0 && a - tw < 4; tw--)
            if ((T[tw - 1].lex & (LX_TITLE | LX_PREFIX)) && (T[tw - 1].flags & F_CAP)) {
                uint32_t pe = tw - 1 + ws_lex_phrase(d, tw - 1, LX_TITLE, NULL);
                if (pe > a && pe < b)
                    f = pe;
                break;
            }
        bool plain = true;
        for (uint32_t k = f; plain && k < b; k++)
            plain = !(T[k].lex & LX_ORGWORD);
        /* the title word: back over capitalised words and "of", "for",
         * "and", "the" */
        uint32_t t = a - 1;
        while (plain && t > 0 && a - t < 10 && T[t - 1].kind == T_WORD && !(T[t].flags & F_PARA_START) &&
               !(T[t - 1].lex & LX_TITLE) &&
               ((T[t - 1].flags & F_CAP) || tok_is(d, t - 1, "of") || tok_is(d, t - 1, "for") ||
                tok_is(d, t - 1, "and") || tok_is(d, t - 1, "the")))
            t--;
        if (plain && t > 0 && !(T[t].flags & F_PARA_START) && (T[t - 1].lex & LX_TITLE) &&
            (T[t - 1].flags & F_CAP) && T[t - 1].kind == T_WORD) {
            t--;
            /* (and the capitalised words before it: "Deputy Prime Minister") */
            while (t > 0 && T[t - 1].kind == T_WORD && (T[t - 1].flags & F_CAP) && !(T[t].flags & F_PARA_START) &&
                   (T[t - 1].lex & (LX_TITLE | LX_HONORIFIC)))
                t--;
            /* (a run of titles that began before it goes too: "UN
             * Under-Secretary-General for Humanitarian Affairs X") */
            while (d->ments.n && d->ments.v[d->ments.n - 1].t1 > t) {
                if (d->ments.v[d->ments.n - 1].t0 < t && d->ments.v[d->ments.n - 1].kind == M_TITLE)
                    t = d->ments.v[d->ments.n - 1].t0;
                d->ments.n--;
            }
            title0 = t;
            m.t0 = t;
            name0 = f;
            has_title = true;
        }
    }
    for (uint32_t k = name0; k < b; k++)
        if ((T[k].lex & LX_ORGWORD) || plural_possessive_orgword(&T[k]) || tok_punct(d, k, '&') ||
            (T[k].flags & F_ALLCAP && T[k].end - T[k].start <= 6 && !strchr(T[k].low, ':') &&
             !(k > name0 && roman(&T[k]))))
            org = true;
    /* "the Consumer Product Safety Commission" where the article also
     * writes "the commission": the capitalised body word the name run
     * left out still makes it a body */
    if (b < d->toks.n && T[b].kind == T_WORD && (T[b].flags & F_CAP) && (T[b].lex & LX_ORGWORD) &&
        !(T[b].flags & (F_SENT_START | F_PARA_START)))
        org = true;
    /* a transcript's speaker label: "PENCE: Well, look, …" opens its
     * paragraph (perhaps after the quotation mark of the whole) */
    /* (or a full name, or a title and a surname: "MIRELA VASHTI-GRAU:",
     * "MINISTER OKAFOR:", written in capitals, with no body's word) */
    if (org && b <= name0 + 3 && b > name0 && b < d->toks.n && tok_punct(d, b, ':') &&
        ((T[a].flags & F_PARA_START) || (a > 0 && T[a - 1].kind == T_QUOTE && (T[a - 1].flags & F_PARA_START)))) {
        bool caps = true;
        for (uint32_t k = a; k < b && caps; k++)
            caps = (T[k].flags & F_ALLCAP) && (k < name0 || !(T[k].lex & LX_ORGWORD));
        if (caps)
            org = false;
    }
    if (b == a + 1 && name0 == a && plural_group(d, a))
        org = true;
    /* "A Fox 5 poll shows", "a Franklin & Marshall College poll": the name
     * of a poll's maker before its head, a body */
    {
        uint32_t p = b;
        while (p < d->toks.n && p < b + 3 && (T[p].kind == T_NUM || tok_punct(d, p, '&') ||
                                               (T[p].kind == T_WORD && (T[p].flags & F_CAP))))
            p++;
        if (p < d->toks.n && T[p].kind == T_WORD && (T[p].lex2 & LX2_POLL) && !(T[p].flags & F_CAP))
            org = true;
    }
    /* "Sarnovia's President Dario Keshtavan": a lone name whose possessive
     * stands before a capitalised title is a country's or a body's */
    if (b == a + 1 && name0 == a && !has_title && tok_possessive(&T[a]) && b < d->toks.n &&
        (T[b].flags & F_CAP) && (T[b].lex & LX_TITLE) && !(T[a].lex & (LX_MALE | LX_FEMALE)))
        org = true;
    /* "Emails reviewed by …", "Records show": a finding's noun opening a
     * sentence is no one's name */
    if (b == a + 1 && name0 == a && (T[a].flags & F_SENT_START) && (T[a].lex2 & LX2_FINDING_NOUN))
        return;
    /* "posted a photo on X:": a lone capital letter is no one's name */
    if (b == a + 1 && name0 == a && T[a].len == 1 && !(T[a].flags & F_PARA_START))
        return;
    /* a known first name makes a person: "Lena Park", "Tom Price" */
    /* (but "Virginia Education Association": three words or more that end
     * in a body's head word of six letters or more: not "Anna Richardson
     * White") */
    if (name0 + 1 < b && (T[name0].lex & (LX_MALE | LX_FEMALE)) && !(T[b - 1].flags & F_ALLCAP) &&
        !(b >= name0 + 3 && (T[b - 1].lex & LX_ORGWORD) && T[b - 1].len >= 6))
        org = false;
    for (uint32_t k = a; k < name0 && title0 == a; k++)
        if ((T[k].lex & LX_ORGWORD) && !(T[k].lex & (LX_TITLE | LX_HONORIFIC)) && k + 1 == name0)
            org = true;
    /* "European ministers", "the Greek leader": a nationality names no one */
    bool demonyms = name0 < b;
    for (uint32_t k = name0; k < b && demonyms; k++)
        demonyms = (T[k].lex & LX_DEMONYM) != 0;
    if (demonyms)
        return;
    /* "the Estrellan capital", "a Norvalian port": a lone word with a
     * nationality's ending between a determiner and a common noun is an
     * adjective the lexicon does not list, no one's name */
    if (b == a + 1 && a > 0 && (T[a - 1].lex & LX_DET) &&
        b < d->toks.n && T[b].kind == T_WORD && !(T[b].flags & F_CAP) &&
        !(T[b].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_CLAUSE | LX_WL_PREP)) &&
        demonym_ending(&T[a]))
        return;
    m.n0 = name0;
    m.n1 = b;
    /* "Jonathan Reid KC": post-nominal letters are no part of the name
     * (a generational "III" is: "Henry Ford II") */
    while (m.n1 > m.n0 + 1 && roman(&T[m.n1 - 1]) && strspn(T[m.n1 - 1].low, "ivx") < T[m.n1 - 1].len)
        m.n1--;
    m.dead = dead;
    /* a first name says the gender when a surname follows it; a lone word
     * may be the surname itself ("Samia Suluhu Hassan" ... "Hassan said") */
    if (name0 + 1 < b && g == G_UNKNOWN)
        g = gender_of(T[name0].lex);
    /* ... and so does a lone first name after a role or a relation: "her
     * husband, Hamish,", "Her grandson Kieran", "Her sister, Clare," */
    if (name0 + 1 == b && name0 == a && g == G_UNKNOWN && (T[a].lex & (LX_MALE | LX_FEMALE)) && a >= 1) {
        uint32_t r = tok_punct(d, a - 1, ',') && a >= 2 ? a - 2 : a - 1;
        if (T[r].kind == T_WORD && !(T[r].flags & F_CAP) && (T[r].lex & LX_ROLE) && !ws_plural_noun(&T[r])) {
            g = gender_of(T[a].lex);
            m.kin = true;
        }
    }
    m.gender = g;
    if (name0 >= b) {
        m.kind = has_title ? M_TITLE : M_ORG;
        m.n0 = m.n1 = b;
    } else if (org) {
        m.kind = M_ORG;
    } else {
        m.kind = M_NAME;
    }
    if (has_title && name0 > a)
        m.title = ws_span_dup(d, T[title0].start, T[name0 - 1].end);
    add_mention(d, m);
}

/* ---- bodies the text itself calls bodies ----
 * "Railcor", "Open Hands" and "Fenwick Bryce" look like people's names; no
 * word list can tell. The sentence around one often does: "Fenwick Bryce,
 * the transport group, said", "the housing regulator Homecor said", "Open
 * Hands, which runs shelters", "a copy seen by Bridgemark". */

/* A lower-case head word of a body ("group", "regulator"; "carmaker") */
static bool body_noun(const tok *t)
{
    if (t->kind != T_WORD || (t->flags & F_CAP) || (t->lex & (LX_TITLE | LX_ROLE)))
        return false;
    if (t->len > 6 && strcmp(t->low + t->len - 5, "maker") == 0)
        return true;
    return (t->lex & LX_ORGWORD) && !(t->lex2 & (LX2_DURATION | LX2_POLL | LX2_FINDING_NOUN));
}

/* "Fenwick Bryce, the transport group, said", "Clean Rivers Now, a
 * campaign group based in …", "Vance Whitlock, the regional insurer,": an
 * apposition whose head is a body's (a first name in it or not) */
static bool body_apposition(const ws_doc *d, const mention *m)
{
    const tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n, b = m->t1;
    if (b + 2 < n && tok_punct(d, b, ',') && (tok_is(d, b + 1, "the") || tok_is(d, b + 1, "a") || tok_is(d, b + 1, "an"))) {
        uint32_t j = b + 2;
        while (j < n && j < b + 7 && T[j].kind == T_WORD && !(T[j].flags & F_CAP) &&
               !(T[j].lex & (LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX)) &&
               !(T[j].len > 3 && strcmp(T[j].low + T[j].len - 2, "ed") == 0))
            j++;
        if (j > b + 2 && j < n && T[j].kind != T_WORD && body_noun(&T[j - 1]))
            return true;
        if (j > b + 2 && j < n && T[j].kind == T_WORD && !(T[j].flags & F_CAP) && body_noun(&T[j - 1]) &&
            !tok_possessive(&T[j - 1]))
            return true;
    }
    return false;
}

/* Mention m (a name of no title and no known first name) in another
 * phrase that makes it a body */
static bool body_by_context(const ws_doc *d, const mention *m)
{
    const tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n, a = m->t0, b = m->t1;
    /* "The mine's operator, Korvale Copper, said", "A second charity, St
     * Brannock's Trust, said": a body's head before, the name in apposition */
    if (a >= 3 && b < n && tok_punct(d, b, ',') && tok_punct(d, a - 1, ',') && body_noun(&T[a - 2])) {
        for (uint32_t j = a - 2; j > 0 && a - j < 7; j--) {
            const tok *p = &T[j - 1];
            if (p->kind != T_WORD)
                break;
            /* (the body's noun heads the phrase: not "a spokeswoman for
             * the office, Patrice Nunley,") */
            if ((p->lex & LX_DET) || tok_possessive(p))
                return !(j >= 2 && T[j - 2].kind == T_WORD && (T[j - 2].lex & LX_WL_PREP));
            if (p->flags & F_CAP)
                break;
        }
    }
    /* "the housing regulator Homecor said", "the polling firm Castlegate
     * found": the head right before the name, the name then the subject of
     * a verb of speech ("the company Smith founded" is not) */
    if (a >= 2 && b < n && body_noun(&T[a - 1]) && !tok_possessive(&T[a - 1]) &&
        ((T[a - 2].lex & LX_DET) ||
         (T[a - 2].kind == T_WORD && (!(T[a - 2].flags & F_CAP) || (T[a - 2].flags & F_SENT_START)))) &&
        (T[b].kind != T_WORD || (T[b].lex & (LX_CUE | LX_AUX)) || tok_is(d, b, "on")))
        return true;
    /* "Open Hands, which runs shelters": "which" is for things; the name
     * opens its clause ("a report by X, which …" is the report's) */
    if (b + 1 < n && tok_punct(d, b, ',') && tok_is(d, b + 1, "which") &&
        (a == 0 || (T[a].flags & F_SENT_START) || tok_is(d, a - 1, "and") ||
         ((T[a - 1].lex & LX_DET) && (T[a - 1].flags & F_SENT_START))))
        return true;
    /* "analysts at Corbin Stacey", "a professor at Halvard": where people
     * work (a place is no person either) */
    if (a >= 2 && tok_is(d, a - 1, "at") && T[a - 2].kind == T_WORD &&
        (!(T[a - 2].flags & F_CAP) || (T[a - 2].flags & F_SENT_START)) &&
        (T[a - 2].lex & (LX_ROLE | LX_TITLE)))
        return true;
    /* "a copy seen by Bridgemark", "emails obtained by the Ledger": who
     * has a document is a publication */
    uint32_t by = a >= 1 && tok_is(d, a - 1, "the") ? a - 1 : a; /* ("by the Ledger") */
    return by >= 2 && tok_is(d, by - 1, "by") && tok_held_participle(&T[by - 2]);
}

/* A name's last word after which a body is named for a person or a place
 * ("Trump Tower", "Clinton Foundation"): its first word alone stays a name */
static bool named_after(const tok *t)
{
    static const char *const words[] = {"tower", "university", "foundation", "center", "centre", "school",
                                        "college", "hospital", "hall", "library", "street", "avenue",
                                        "square", "airport", "station", "bridge", "house", "building",
                                        "stadium", "institute", "memorial", "park", "museum", "church",
                                        "administration", "campaign", "organization", "day", "act", "bill",
                                        "law", "plan", "doctrine", "era", "presidency", "report", "county",
                                        "city", "state", "valley", "island", "river", "lake", "mountain"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (ws_streq(t->low, words[i]))
            return true;
    return false;
}

/* The name of mention m as a key: its words' lower case, spaced (arena) */
static const char *name_key(ws_doc *d, const mention *m)
{
    const tok *T = d->toks.v;
    uint32_t b = m->n1;
    if (b == m->n0 + 1 && !tok_possessive(&T[m->n0]))
        return T[m->n0].low;
    size_t len = 1;
    for (uint32_t k = m->n0; k < b; k++)
        len += T[k].len + 1;
    char *s = ws_alloc_str(&d->arena, len), *p = s;
    for (uint32_t k = m->n0; k < b; k++) {
        size_t l = T[k].len;
        if (k + 1 == b && tok_possessive(&T[k]))
            l -= 2; /* "Kelvar's" */
        if (k > m->n0)
            *p++ = ' ';
        memcpy(p, T[k].low, l);
        p += l;
    }
    *p = 0;
    return s;
}

/* A name of no title whose first word is no known first name: one that
 * may be a body's */
static bool bare_name(const ws_doc *d, const mention *m)
{
    const tok *T = d->toks.v;
    return m->kind == M_NAME && !m->title && m->n0 == m->t0 && m->n1 > m->n0 &&
           !(T[m->n0].lex & (LX_MALE | LX_FEMALE | LX_HONORIFIC | LX_TITLE));
}

static void bodies_by_context(ws_doc *d)
{
    const tok *T = d->toks.v;
    size_t nm = d->ments.n;
    /* the mentions the context makes bodies; and the first words of the
     * bodies' names (1: a body's whole name, 2: the first of a name of two
     * words or more that may stand alone, 4: the first of any longer name),
     * for the same body named again below */
    /* (a lone word the lexicon made a body may be a person's name
     * elsewhere, "the Sanders campaign": only the context's lone words) */
    ws_map firsts = {0};
    for (size_t i = 0; i < nm; i++) {
        mention *m = &d->ments.v[i];
        /* (an apposition tells even after a first name: "Vance Whitlock,
         * the regional insurer,") */
        bool plain = m->kind == M_NAME && !m->title && m->n0 == m->t0 && m->n1 > m->n0;
        bool bare = plain && bare_name(d, m);
        bool ctx = plain && (((bare || m->n1 > m->n0 + 1) && body_apposition(d, m)) ||
                             (bare && body_by_context(d, m)));
        if (ctx)
            m->kind = M_ORG;
        if (m->kind != M_ORG || m->n0 != m->t0 || m->n1 <= m->n0 || !(ctx || m->n1 > m->n0 + 1))
            continue;
        const tok *f = &T[m->n0];
        int32_t v = m->n1 == m->n0 + 1 ? 1
                    : !named_after(&T[m->n1 - 1]) && !(f->lex & (LX_MALE | LX_FEMALE)) ? 2 | 4
                                                                                          : 4;
        if (v == 1 && tok_possessive(f)) { /* ("executive at Carrier's parent company") */
            const char *key = name_key(d, m);
            int32_t had = ws_map_get(&firsts, key);
            ws_map_put(&d->arena, &firsts, key, had < 0 ? v : had | v, true);
            continue;
        }
        int32_t had = ws_map_get_h(&firsts, f->low, f->hash);
        ws_map_put_h(&d->arena, &firsts, f->low, f->hash, had < 0 ? v : had | v, true);
        /* ("Vance Whitlock, the regional insurer, …. Whitlock said": a body
         * named like a person, the context says, goes by its last word) */
        const tok *l = &T[m->n1 - 1];
        if (ctx && m->n1 > m->n0 + 1 && !tok_possessive(l)) {
            had = ws_map_get_h(&firsts, l->low, l->hash);
            ws_map_put_h(&d->arena, &firsts, l->low, l->hash, had < 0 ? 2 : had | 2, true);
        }
    }
    if (!firsts.n)
        return;
    uint8_t *cand = NULL;
    for (size_t i = 0; i < nm; i++) {
        const mention *m = &d->ments.v[i];
        if (!bare_name(d, m))
            continue;
        const tok *f = &T[m->n0];
        /* ("Kelvar's": the word without its "'s") */
        bool found = m->n1 == m->n0 + 1 && tok_possessive(f) ? ws_map_get(&firsts, name_key(d, m)) >= 0
                                                             : ws_map_get_h(&firsts, f->low, f->hash) >= 0;
        if (found) {
            if (!cand)
                cand = ws_alloc(&d->arena, nm);
            cand[i] = 1;
        }
    }
    if (!cand)
        return;
    ws_map names = {0}, people = {0};
    for (size_t i = 0; i < nm; i++) {
        const mention *m = &d->ments.v[i];
        if (m->kind == M_ORG && m->n0 == m->t0 && m->n1 > m->n0 + 1) {
            ws_map_put(&d->arena, &names, name_key(d, m), 1, false);
            /* ("Kessler Ridge Group" … "Kessler Ridge said": the name
             * without its last words) */
            if (!named_after(&T[m->n1 - 1]))
                for (uint32_t e = m->n1 - 1; e >= m->n0 + 2; e--) {
                    mention pre = *m;
                    pre.n1 = e;
                    ws_map_put(&d->arena, &names, name_key(d, &pre), 1, false);
                }
        }
        if (m->kind != M_NAME || m->n1 <= m->n0 || (m->n1 == m->n0 + 1 && !m->title))
            continue;
        for (uint32_t k = m->n0 + (m->n1 > m->n0 + 1 ? 1 : 0); k < m->n1; k++)
            ws_map_put_h(&d->arena, &people, T[k].low, T[k].hash, 1, false);
    }
    for (size_t i = 0; i < nm; i++) {
        if (!cand[i])
            continue;
        mention *m = &d->ments.v[i];
        const char *key = name_key(d, m);
        bool body;
        if (m->n1 == m->n0 + 1) /* a lone word: a body's name, or the first word of one */
            body = (ws_map_get(&firsts, key) & 3) != 0 && ws_map_get(&people, key) < 0;
        else /* a body's whole name */
            body = ws_map_get(&names, key) >= 0 && ws_map_get(&people, T[m->n0].low) < 0;
        if (body)
            m->kind = M_ORG;
    }
}

/* A paragraph of a few capitalised words and no full stop at its end is a
 * headline or a byline written in title case ("Crypto Lender Pellucid Halts
 * Withdrawals as Token Slumps 40%"): its capitals say nothing of names. */
static bool title_case_line(const ws_doc *d, const para *p)
{
    const tok *T = d->toks.v;
    if (p->t1 <= p->t0 || p->t1 - p->t0 > 24)
        return false;
    const tok *last = &T[p->t1 - 1];
    if (last->kind == T_QUOTE || (last->flags & F_END_MARK) || tok_punct(d, p->t1 - 1, ':') ||
        tok_punct(d, p->t1 - 1, '.'))
        return false;
    uint32_t words = 0, caps = 0;
    for (uint32_t k = p->t0; k < p->t1; k++)
        if (T[k].kind == T_WORD && T[k].len >= 4) {
            words++;
            caps += (T[k].flags & F_CAP) != 0;
        }
    return words >= 4 && caps * 4 >= words * 3 && words - caps <= 2;
}

void ws_mentions_find(ws_doc *d)
{
    vocab_t vocab = make_vocab(d);
    tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n;
    /* the end of the title-case line a token is in, if any (paragraphs in
     * order, so one pass) */
    size_t pi = 0;
    uint32_t headline_end = 0;
    bool para_seen = false;
    /* from word to word of make_vocab()'s list (no other token starts a
     * mention), past the ones a run of capitalised words took */
    uint32_t next = 0;
    for (size_t ci = 0; ci < vocab.ncand; ci++) {
        uint32_t k = vocab.cand[ci];
        if (k < next)
            continue;
        if (T[k].kind == T_WORD && (T[k].lex & LX_PRONOUN)) {
            mention m = {.t0 = k, .t1 = k + 1, .n0 = k, .n1 = k + 1, .kind = M_PRONOUN};
            const tok *w = &T[k];
            /* ("she'd", "they've": the pronoun before the apostrophe) */
            size_t pl = 0;
            while (w->low[pl] && w->low[pl] != '\'')
                pl++;
            m.gender = pl == 2 && strncmp(w->low, "he", 2) == 0   ? G_MALE
                       : pl == 3 && strncmp(w->low, "she", 3) == 0 ? G_FEMALE
                       : (pl == 4 && strncmp(w->low, "they", 4) == 0) ||
                               (pl == 2 && strncmp(w->low, "we", 2) == 0)
                           ? G_PLURAL
                           : G_UNKNOWN;
            add_mention(d, m);
            continue;
        }
        if (T[k].kind != T_WORD || !(T[k].flags & F_CAP))
            continue;
        /* (each paragraph looked at once, at its first capital) */
        if (pi < d->paras.n && d->paras.v[pi].t1 <= k) {
            while (pi < d->paras.n && d->paras.v[pi].t1 <= k)
                pi++;
            para_seen = false;
        }
        if (!para_seen && pi < d->paras.n && d->paras.v[pi].t0 <= k) {
            para_seen = true;
            if (title_case_line(d, &d->paras.v[pi]))
                headline_end = d->paras.v[pi].t1;
        }
        if (k < headline_end || !capword(d, k, &vocab))
            continue;
        uint32_t e = k + 1;
        while (e < n) {
            if (T[e].flags & F_PARA_START)
                break;
            if (capword(d, e, &vocab) && !tok_possessive(&T[e - 1])) {
                e++;
                continue;
            }
            /* a month that is a surname: "Theresa May", "Mrs May", not "in
             * May 2016" */
            if ((T[e].lex & LX_MONTH) && (T[e].flags & F_CAP) && T[e].kind == T_WORD &&
                (T[e - 1].lex & (LX_HONORIFIC | LX_TITLE | LX_MALE | LX_FEMALE)) &&
                !tok_possessive(&T[e - 1]) && !(e + 1 < n && T[e + 1].kind == T_NUM)) {
                e++;
                continue;
            }
            /* "Bashar al Assad", "Jan van der Berg": one or two particles */
            if (name_particle(d, e) && e + 1 < n && capword(d, e + 1, &vocab)) {
                e += 2;
                continue;
            }
            if (name_particle(d, e) && e + 2 < n && name_particle(d, e + 1) &&
                capword(d, e + 2, &vocab)) {
                e += 3;
                continue;
            }
            /* "Ministry of Health", "Council of Elders", "Bank of the
             * North": a body's head word, then its "of" phrase */
            if (tok_is(d, e, "of") && (T[e - 1].lex & LX_ORGWORD) && (T[e - 1].flags & F_CAP) &&
                !tok_possessive(&T[e - 1])) {
                uint32_t x = e + 1 < n && tok_is(d, e + 1, "the") ? e + 2 : e + 1;
                if (x < n && capword(d, x, &vocab) && !(T[x].flags & F_PARA_START) && !(T[x].lex & LX_TITLE)) {
                    e = x + 1;
                    /* ("Office of Management and Budget", "Ministry of
                     * Science and Technology") */
                    while (e < n && capword(d, e, &vocab))
                        e++;
                    if (e + 1 < n && tok_is(d, e, "and") && capword(d, e + 1, &vocab) &&
                        !(e + 2 < n && capword(d, e + 2, &vocab)))
                        e += 2;
                    continue;
                }
            }
            /* "Brenton & Mayhew", "Procter & Gamble": one body's name */
            if (tok_punct(d, e, '&') && e + 1 < n && capword(d, e + 1, &vocab) &&
                !(T[e + 1].flags & F_PARA_START)) {
                e += 2;
                continue;
            }
            break;
        }
        next = e;
        /* "the war drama "Ember Line,"": a title of two words or more that
         * is the whole of a quotation names a work, no one */
        if (e >= k + 2 && k > 0 && T[k - 1].kind == T_QUOTE && (T[k - 1].flags & F_OPEN) && e < n &&
            ((T[e].kind == T_QUOTE && !(T[e].flags & F_OPEN)) ||
             (e + 1 < n && T[e].kind == T_PUNCT && T[e + 1].kind == T_QUOTE && !(T[e + 1].flags & F_OPEN))))
            continue;
        /* "Los Angeles-based attorney X": the run is the adjective's */
        if (e < n && (T[e].flags & F_CAP) && hyphen_adjective(&T[e])) {
            next = e + 1;
            continue;
        }
        /* "PUERTO ANSELMO (Sierramar), Nov 21 (EFE).-": a dateline
         * (text.c) names a place, not a speaker */
        if (T[k].flags & F_DATELINE) {
            next = e;
            continue;
        }
        /* "Rep. Tom Baker, R-Ohio, who …": a party tag names no one */
        if (e == k + 1 && k > 0 && tok_party_tag(&T[k]) && tok_punct(d, k - 1, ',')) {
            next = e;
            continue;
        }
        /* "Fact Check:", "Reality Check:": a page's label names no one */
        if ((T[k].flags & F_PARA_START) && (T[k].lex2 & LX2_PAGE_LABEL) && e < n && tok_punct(d, e, ':')) {
            next = e;
            continue;
        }
        /* "Washington (AFP) –": a dateline names a place, not a speaker */
        if ((T[k].flags & F_PARA_START) && e + 2 < n && tok_punct(d, e, '(')) {
            uint32_t x = e + 1;
            while (x < n && x < e + 5 && !tok_punct(d, x, ')'))
                x++;
            if (x + 1 < n && tok_punct(d, x, ')') && T[x + 1].kind == T_PUNCT &&
                ws_is_dash(d->cp[T[x + 1].start])) {
                next = x + 2; /* nor is the agency in its parenthesis */
                continue;
            }
        }
        /* drop a leading honorific-less run made only of titles that are
         * ordinary words here ("General" in "General Assembly" stays org) */
        split_run(d, k, e);
    }
    bodies_by_context(d);
    /* written in full below (the entry past the end as zeroed memory had it) */
    d->ment_at = ws_alloc_raw(&d->arena, (n + 1) * sizeof *d->ment_at);
    d->ment_at[n] = 0;
    for (uint32_t k = 0; k < n; k++)
        d->ment_at[k] = -1;
    for (size_t i = 0; i < d->ments.n; i++)
        for (uint32_t k = d->ments.v[i].t0; k < d->ments.v[i].t1; k++)
            d->ment_at[k] = (int32_t)i;
}
