/* Lexicon look-ups over the generated, sorted, read-only table. */
#include "lexicon_table.h"


static const struct lex_entry *find_hashed(const char *low, uint32_t h)
{
    return ws_lex_find_hashed(low, h);
}

static const struct lex_entry *find(const char *low)
{
    uint32_t h = WS_LEX_HASH_BASIS; /* FNV-1a, as in tools/lexgen.c */
    for (const char *p = low; *p; p++)
        h = (h ^ (unsigned char)*p) * WS_LEX_HASH_PRIME;
    return find_hashed(low, h);
}

uint32_t ws_lex_word_hashed(const char *low, uint32_t h, int32_t *cue_lemma)
{
    const struct lex_entry *e = find_hashed(low, h);
    if (cue_lemma)
        *cue_lemma = e ? e->lemma : -1;
    return e ? e->cls : 0;
}

uint32_t ws_lex_word(const char *low, int32_t *cue_lemma)
{
    const struct lex_entry *e = find(low);
    if (cue_lemma)
        *cue_lemma = e ? e->lemma : -1;
    return e ? e->cls : 0;
}

const char *ws_lex_cue_lemma(int32_t lemma)
{
    return lemma >= 0 && (size_t)lemma < ws_lex_lemmas_n ? ws_lex_lemmas[lemma] : NULL;
}

bool ws_lex_cue_group(int32_t lemma, unsigned g)
{
    return lemma >= 0 && (size_t)lemma < ws_lex_lemmas_n && (ws_lex_lemma_groups[lemma] & g);
}

/* An entry's form is the words of tokens [i, i + n) joined by single spaces */
static bool phrase_is(const char *form, const ws_doc *d, uint32_t i, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        const tok *t = &d->toks.v[i + k];
        if (k && *form++ != ' ')
            return false;
        if (strncmp(form, t->low, t->len) != 0)
            return false;
        form += t->len;
    }
    return *form == 0;
}

/* The multi-word part of ws_lex_phrase() (internal.h), for a token that
 * starts some multi-word entry; for two classes at once (the longest entry
 * of cls2 and its lemma in *len2 and *cue_lemma2). The hash is carried from word to word (FNV-1a
 * runs left to right, and the first word's is the token's own), each prefix
 * is hashed once, and nothing is copied: a candidate entry is compared with
 * the words themselves. */
uint32_t ws_lex_phrase_long2(const ws_doc *d, uint32_t i, uint32_t cls, int32_t *cue_lemma,
                             uint32_t cls2, int32_t *cue_lemma2, uint32_t *len2)
{
    size_t len = 0;
    uint32_t best = 0, best2 = 0, h = WS_LEX_HASH_BASIS;
    for (uint32_t k = 0; k < 4 && i + k < d->toks.n; k++) {
        const tok *t = &d->toks.v[i + k];
        if (t->kind != T_WORD || (k > 0 && (t->flags & F_PARA_START)))
            break;
        size_t l = t->len;
        if (len + l + 2 > 256) /* as long as the phrases looked up ever were */
            break;
        if (k) {
            h = (h ^ ' ') * WS_LEX_HASH_PRIME;
            for (size_t x = 0; x < l; x++)
                h = (h ^ (unsigned char)t->low[x]) * WS_LEX_HASH_PRIME;
            len += 1 + l;
        } else {
            h = t->hash;
            len = l;
        }
        uint32_t b = h >> 17;
        if (!((ws_lex_filter[b / 64] >> (b % 64)) & 1))
            continue;
        for (size_t s = h & (ws_lex_hash_n - 1); ws_lex_hash[s].index; s = (s + 1) & (ws_lex_hash_n - 1)) {
            const struct lex_entry *e = &ws_lex_table[ws_lex_hash[s].index - 1];
            if (ws_lex_hash[s].hash == h && phrase_is(e->form, d, i, k + 1)) {
                if (e->cls & cls) {
                    best = k + 1;
                    if (cue_lemma)
                        *cue_lemma = e->lemma;
                }
                if (e->cls & cls2) {
                    best2 = k + 1;
                    if (cue_lemma2)
                        *cue_lemma2 = e->lemma;
                }
                break;
            }
        }
    }
    if (len2)
        *len2 = best2;
    return best;
}

uint32_t ws_lex_phrase_long(const ws_doc *d, uint32_t i, uint32_t cls, int32_t *cue_lemma)
{
    return ws_lex_phrase_long2(d, i, cls, cue_lemma, 0, NULL, NULL);
}

/* A lower-case word that reads as a plural of people: "groups", "backers";
 * not "always", "has", "this", "news", "himself", nor what someone said
 * ("Mr. Trump's words may have …"). The exceptions are a list here: no
 * lexicon class bit is free. */
bool ws_plural_noun(const tok *t)
{
    static const char *const not_people[] = {"always",   "perhaps", "sometimes", "nevertheless", "afterwards",
                                          "besides",  "towards", "nonetheless", "news",       "thus",
                                          "alas",     "words",   "comments",  "views",        "remarks",
                                          "accounts", "records", "documents", "results",      "numbers"};
    if (t->kind != T_WORD || (t->flags & F_CAP) || t->len < 4 || t->low[t->len - 1] != 's' ||
        strchr("su'", t->low[t->len - 2]) || t->low[t->len - 2] == 'i' || tok_possessive(t) ||
        (t->lex & (LX_PRONOUN | LX_AUX | LX_DET | LX_CUE | LX_CUE_ING | LX_CUE_NOUN | LX_WL_PREP |
                   LX_WL_CLAUSE | LX_WL_SUBJECT | LX_TITLE)) ||
        (t->lex2 & (LX2_SAY_NOUN | LX2_FINDING_NOUN)))
        return false;
    for (size_t i = 0; i < sizeof not_people / sizeof *not_people; i++)
        if (ws_streq(t->low, not_people[i]))
            return false;
    return true;
}

/* A party's label ("Democrat", "Republican", "GOP"): a list here, as no
 * lexicon class bit is free (and as a class of its own, read by every
 * stage, it made the sources worse: docs/history.md) */
bool ws_party_label(const tok *t)
{
    /* by first letter: most words are no label, and this runs on every
     * one-word name */
    switch (t->len ? t->low[0] : 0) {
    case 'd':
        return low_is(t, "democrat") || low_is(t, "democratic");
    case 'r':
        return low_is(t, "republican");
    case 'l':
        return low_is(t, "libertarian") || low_is(t, "labour") || low_is(t, "labor") || low_is(t, "liberal");
    case 'c':
        return low_is(t, "conservative");
    case 's':
        return low_is(t, "socialist");
    case 'g':
        return low_is(t, "gop");
    case 't':
        return low_is(t, "tory");
    default:
        return false;
    }
}
