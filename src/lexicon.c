/* Lexicon look-ups over the generated, sorted, read-only table. */
#include "lexicon_table.h"

#include <stdlib.h>

static int cmp_form(const void *key, const void *ent)
{
    return strcmp((const char *)key, ((const struct lex_entry *)ent)->form);
}

static const struct lex_entry *find(const char *low)
{
    return bsearch(low, ws_lex_table, ws_lex_table_n, sizeof *ws_lex_table, cmp_form);
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

/* Longest entry of class cls made of tokens i, i+1, ... (up to four words,
 * joined by single spaces as in the lexicon files). */
uint32_t ws_lex_phrase(const ws_doc *d, uint32_t i, uint32_t cls, int32_t *cue_lemma)
{
    char buf[256];
    size_t len = 0;
    uint32_t best = 0;
    for (uint32_t k = 0; k < 4 && i + k < d->toks.n; k++) {
        const tok *t = &d->toks.v[i + k];
        if (t->kind != T_WORD || (k > 0 && (t->flags & F_PARA_START)))
            break;
        size_t l = strlen(t->low);
        if (len + l + 2 > sizeof buf)
            break;
        if (k)
            buf[len++] = ' ';
        memcpy(buf + len, t->low, l + 1);
        len += l;
        const struct lex_entry *e = find(buf);
        if (e && (e->cls & cls)) {
            best = k + 1;
            if (cue_lemma)
                *cue_lemma = e->lemma;
        }
    }
    return best;
}
