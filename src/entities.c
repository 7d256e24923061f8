/* Stage 5: entities - cluster the mentions of one person.
 *
 *   - name variants: "Dr. Ana Duarte" = "Dr. Duarte" = "Duarte";
 *   - title aliases learned from the article: "Harbour Board Chairman Tomas
 *     Berg" or "Berg, the board chairman" make a bare "Harbour Board
 *     Chairman" (before or after) mean that person;
 *   - pronouns: the most salient person of compatible gender, where speakers
 *     and sentence subjects weigh more than people named in passing, and
 *     salience fades with each sentence and paragraph. */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>


typedef struct ectx {
    ws_doc *d;
    tok *T;
    ws_map full, by_last, by_first; /* name keys -> entity */
    ws_map alias_exact;             /* title key -> first entity with it */
    ws_map alias_suffix;            /* its word-final parts -> entity, -2 if several */
    ws_map alias_shared;            /* a title key two people have in full ("minister") */
    /* interviewee(): the mentions looked at so far, the first person among
     * them, and the subject found (-1: none yet) */
    size_t iv_next;
    int32_t iv_first, iv_subject;
} ectx;

/* The lower-cased words of tokens [a, b), possessive dropped, joined by
 * spaces; with hp, also its ws_map_hash() and its last word, worked out
 * while it is made (a word's own hash, when it comes first and whole) */
static inline __attribute__((always_inline)) char *words_h(ectx *c, uint32_t a, uint32_t b, uint32_t *hp,
                                                           const char **lastp)
{
    size_t cap = 1;
    for (uint32_t k = a; k < b; k++)
        cap += c->T[k].len + 1;
    char *s = ws_alloc_str(&c->d->arena, cap); /* a string: read up to its NUL only */
    size_t o = 0, lw = 0; /* lw: where the last word starts */
    /* the surname before a generational suffix: "Robert Lane Jr." is
     * "Lane" later, as "Henry Ford II" is "Ford" */
    size_t sw = 0, sl = 0;
    bool suffixed = false;
    uint32_t h = WS_LEX_HASH_BASIS;
    for (uint32_t k = a; k < b; k++) {
        const char *w = c->T[k].low;
        size_t l = c->T[k].len;
        if (c->T[k].kind != T_WORD)
            continue;
        if (l > 2 && w[l - 2] == '\'' && w[l - 1] == 's')
            l -= 2;
        suffixed = o && ((c->T[k].lex2 & LX2_ROMAN) || ws_streq(w, "jr") || ws_streq(w, "jr.") ||
                         ws_streq(w, "sr") || ws_streq(w, "sr."));
        if (!suffixed) {
            sw = o ? o + 1 : 0;
            sl = l;
        }
        if (hp)
            h = !o && l == c->T[k].len ? c->T[k].hash
                                       : ws_fnv_n(o ? (h ^ ' ') * WS_LEX_HASH_PRIME : h, w, l);
        if (o)
            s[o++] = ' ';
        lw = o;
        memcpy(s + o, w, l);
        o += l;
    }
    s[o] = 0;
    if (hp) {
        /* the word after the last space, where the last word starts (no
         * word has a space: the tokenizer's words are letters, digits and
         * the joiners between them) */
        *lastp = suffixed && sl ? ws_strndup(&c->d->arena, s + sw, sl) : s + lw;
        *hp = h;
    }
    return s;
}

static inline char *words(ectx *c, uint32_t a, uint32_t b) { return words_h(c, a, b, NULL, NULL); }

/* The capitalised particles of Irish surnames: "Ó Fearghail", "Mac Giolla
 * Rua", "Ní Bhriain" (nameparticles.txt holds the lower-case ones) */
static bool irish_particle(const tok *t)
{
    return t->kind == T_WORD && (ws_streq(t->low, "ó") || ws_streq(t->low, "o") || ws_streq(t->low, "mac") ||
                                 ws_streq(t->low, "mag") || ws_streq(t->low, "ní") || ws_streq(t->low, "nic") ||
                                 ws_streq(t->low, "uí") || ws_streq(t->low, "ua"));
}

/* (w: words(c, m->n0, m->n1), which the caller has made, and last its
 * last word) */
static int32_t new_entity(ectx *c, const mention *m, char *w, const char *last)
{
    entity e = {0};
    uint32_t b = m->n1;
    const tok *lt = &c->T[b - 1];
    uint32_t end = lt->end;
    if (tok_possessive(lt))
        end -= 2;
    e.name = ws_span_dup(c->d, c->T[m->n0].start, end);
    e.type = WS_PERSON;
    e.gender = m->gender;
    e.last = last;
    e.first = w;
    VPUSH(&c->d->arena, c->d->ents, e);
    return (int32_t)c->d->ents.n - 1;
}

/* The person named by first-name token ft and surname token st, written
 * apart ("Wayne and Cheryl Dunstan", 'Raymond "Ray" Delgado'), for mention
 * m: first and sur are their keys (lower case). An entity with that full
 * name, else a new one. */
static int32_t joined_name(ectx *c, const mention *m, uint32_t ft, const char *first, uint32_t st0, uint32_t st,
                           const char *sur, ws_map *recent_first)
{
    ws_doc *d = c->d;
    size_t l1 = strlen(first), l2 = strlen(sur);
    char *full = ws_alloc_str(&d->arena, l1 + l2 + 2);
    memcpy(full, first, l1);
    full[l1] = ' ';
    memcpy(full + l1 + 1, sur, l2 + 1);
    int32_t best = ws_map_get(&c->full, full);
    if (best >= 0)
        return best;
    best = new_entity(c, m, full, full + l1 + 1);
    /* (the name as written: the first name and the surname) */
    const uint32_t *bo = d->boff;
    /* (the surname's words are st0 to st: "Macaraeg Salvador") */
    const tok *ftok = &c->T[ft], *stok = &c->T[st];
    size_t b1 = bo[ftok->end] - bo[ftok->start];
    uint32_t send = stok->end - (tok_possessive(stok) ? 2 : 0);
    size_t b2 = bo[send] - bo[c->T[st0].start];
    char *nm = ws_alloc_str(&d->arena, b1 + b2 + 2);
    memcpy(nm, d->utf8 + bo[ftok->start], b1);
    nm[b1] = ' ';
    memcpy(nm + b1 + 1, d->utf8 + bo[c->T[st0].start], b2);
    nm[b1 + 1 + b2] = 0;
    d->ents.v[best].name = nm;
    uint32_t lx = ftok->lex & (LX_MALE | LX_FEMALE);
    d->ents.v[best].gender = lx == LX_MALE ? G_MALE : lx == LX_FEMALE ? G_FEMALE : G_UNKNOWN;
    /* (first outlives the stage: the mention's words or the token's own
     * lower case, both in the arena) */
    ws_map_put(&d->arena, &c->full, full, best, false);
    ws_map_put(&d->arena, &c->by_first, first, best, false);
    ws_map_put(&d->arena, recent_first, first, best, true);
    return best;
}

/* Every word-final part of a title key as an alias, for "the Secretary
 * General" against "Hamas Secretary General"; -2 marks two people. */
static void add_suffix_aliases(ectx *c, int32_t ei, const char *key)
{
    for (const char *p = key; p; p = strchr(p, ' ')) {
        if (*p == ' ')
            p++;
        uint32_t h = ws_map_hash(p);
        int32_t had = ws_map_get_h(&c->alias_suffix, p, h);
        if (had == -1)
            ws_map_put_h(&c->d->arena, &c->alias_suffix, p, h, ei, false);
        else if (had != ei)
            ws_map_put_h(&c->d->arena, &c->alias_suffix, p, h, -2, true);
    }
}

/* A title's last words and another name for them, added as aliases: "the
 * CEO" is "the chief executive" and the other way round (as suffixes only,
 * so that two of them go to the nearer one); "U.S. Rep. X" is "the
 * congressman"; "Marathgarh captain X" is "the Marathgarh skipper" (with the
 * words before kept); wire copy's "the premier", "the top diplomat", "the
 * head of state". */
typedef struct title_synonym {
    const char *suffix, *alias;
    bool keep_qualifier;
    uint8_t suffix_len; /* strlen(suffix), known at compile time */
} title_synonym;
#define SYN(suffix, alias, keep) {suffix, alias, keep, sizeof suffix - 1}

static const title_synonym title_synonyms[] = {
    SYN("chief executive officer", "ceo", false), SYN("chief executive", "ceo", false),
    SYN("ceo", "chief executive", false),         SYN("representative", "congressman", false),
    SYN("representative", "congresswoman", false), SYN("captain", "skipper", true),
    SYN("prime minister", "premier", false),       SYN("premier", "prime minister", false),
    SYN("foreign minister", "top diplomat", false), SYN("minister of foreign affairs", "top diplomat", false),
    SYN("secretary of state", "top diplomat", false), SYN("foreign secretary", "top diplomat", false),
    SYN("president", "head of state", false),      SYN("justice", "judge", false),
    SYN("detective chief inspector", "detective", false), SYN("detective inspector", "detective", false),
    SYN("detective sergeant", "detective", false), SYN("detective constable", "detective", false),
    SYN("constable", "officer", false),            SYN("cabinet secretary", "cs", false)};
#define N_TITLE_SYNONYMS (sizeof title_synonyms / sizeof title_synonyms[0])

static void add_title(ectx *c, int32_t ei, const char *title, const char *key)
{
    /* other names of a title's last words, from title_synonyms[] */
    if (key && title) {
        size_t l = strlen(key);
        for (size_t i = 0; i < N_TITLE_SYNONYMS; i++) {
            const title_synonym *y = &title_synonyms[i];
            size_t sl = y->suffix_len;
            if (l < sl || !ws_streq(key + l - sl, y->suffix) || (l > sl && key[l - sl - 1] != ' '))
                continue;
            if (!y->keep_qualifier) {
                add_suffix_aliases(c, ei, y->alias);
                continue;
            }
            size_t al = strlen(y->alias);
            char *k2 = ws_alloc_str(&c->d->arena, l - sl + al + 1);
            memcpy(k2, key, l - sl);
            memcpy(k2 + l - sl, y->alias, al + 1);
            add_suffix_aliases(c, ei, k2);
        }
    }
    entity *e = &c->d->ents.v[ei];
    if (title) {
        bool have = false;
        for (size_t i = 0; i < e->titles.n; i++)
            if (ws_streq(e->titles.v[i], title))
                have = true;
        if (!have)
            VPUSH(&c->d->arena, e->titles, title);
    }
    if (key && *key) {
        int32_t had = ws_map_get(&c->alias_exact, key);
        if (had >= 0 && had != ei)
            ws_map_put(&c->d->arena, &c->alias_shared, key, 1, false);
        ws_map_put(&c->d->arena, &c->alias_exact, key, ei, false);
        add_suffix_aliases(c, ei, key);
        /* "Minister for Transport", "Secretary of State": the head before
         * the preposition as well ("the Minister was clear") */
        const char *of = strstr(key, " of "), *fr = strstr(key, " for ");
        const char *p = of && (!fr || of < fr) ? of : fr;
        if (p && p > key)
            add_suffix_aliases(c, ei, ws_strndup(&c->d->arena, key, (size_t)(p - key)));
    }
}

/* The title written in tokens [a, b) for entity ei, as text and key; a
 * possessive owner before it is no part of it ("the agency's
 * director-general", "the country's health minister"). */
static void add_title_words(ectx *c, int32_t ei, uint32_t a, uint32_t b)
{
    while (a + 1 < b && tok_possessive(&c->T[a]))
        a++;
    add_title(c, ei, ws_span_dup(c->d, c->T[a].start, c->T[b - 1].end), words(c, a, b));
}

/* Abbreviated titles written before a name and the words they stand for
 * (an abbreviation's first row is its reading; "rep." has a second, so
 * that "the congressman" finds "Rep. X" in qualified_title_entity()) */
static const char *const title_abbrevs[][2] = {
    {"gov.", "governor"},   {"sen.", "senator"},   {"rep.", "representative"}, {"gen.", "general"},
    {"lt.", "lieutenant"},  {"col.", "colonel"},   {"capt.", "captain"},       {"sgt.", "sergeant"},
    {"adm.", "admiral"},    {"maj.", "major"},     {"cmdr.", "commander"},     {"amb.", "ambassador"},
    {"pres.", "president"}, {"sec.", "secretary"}, {"supt.", "superintendent"}, {"insp.", "inspector"},
    {"cpl.", "corporal"},   {"prof.", "professor"}, {"atty.", "attorney"},     {"rep.", "congressman"},
    /* British usage, without the full stop (the rows above match without it
     * too: "Prof Stanway", "Sgt Ann Cole") */
    {"cllr", "councillor"}, {"pc", "constable"},   {"det", "detective"}};
#define N_TITLE_ABBREVS (sizeof title_abbrevs / sizeof title_abbrevs[0])

/* The title an abbreviation stands for ("Gov." is "governor"), so that
 * "the governor" finds "Gov. Elena Marsh"; NULL for any other word */
static const char *title_in_full(const tok *t)
{
    if (t->kind != T_WORD || t->len > 6 || !(t->lex & LX_HONORIFIC))
        return NULL;
    size_t l = t->len - (t->low[t->len - 1] == '.'); /* with its full stop or without */
    for (size_t i = 0; i < N_TITLE_ABBREVS; i++) {
        const char *a = title_abbrevs[i][0];
        size_t al = strlen(a);
        al -= a[al - 1] == '.';
        if (al == l && memcmp(t->low, a, l) == 0)
            return title_abbrevs[i][1];
    }
    return NULL;
}

/* Title words of a mention as an alias key: "Harbour Board Chairman",
 * without honorifics such as "Dr." that say nothing about who it is. */
static char *title_key(ectx *c, uint32_t a, uint32_t b)
{
    /* determiners.txt also lists "former", which the key keeps: "the former
     * president" is not "the president" */
    /* ... and drops a common noun's possessive: "the country's health
     * minister" is "health minister" */
    /* (determiners.txt also lists "chief", which the key keeps as its
     * last word: "the chief") */
    while (a < b && (((c->T[a].lex & LX_DET) && !low_is(&c->T[a], "former") && a + 1 < b) ||
                     ((c->T[a].lex & LX_HONORIFIC) && !(c->T[a].lex & LX_TITLE) && !title_in_full(&c->T[a])) ||
                     (a + 1 < b && !(c->T[a].flags & F_CAP) && tok_possessive(&c->T[a]))))
        a++;
    while (b > a && (c->T[b - 1].lex & LX_HONORIFIC) && !(c->T[b - 1].lex & LX_TITLE) &&
           !title_in_full(&c->T[b - 1]))
        b--;
    if (a >= b)
        return NULL;
    bool abbr = false;
    for (uint32_t k = a; k < b && !abbr; k++)
        abbr = title_in_full(&c->T[k]) != NULL;
    if (!abbr)
        return words(c, a, b);
    /* "Lt. Gov." as "lieutenant governor": words() with the abbreviations
     * written out */
    size_t cap = 1;
    for (uint32_t k = a; k < b; k++)
        cap += c->T[k].len + 16;
    char *s = ws_alloc_str(&c->d->arena, cap);
    size_t o = 0;
    for (uint32_t k = a; k < b; k++) {
        if (c->T[k].kind != T_WORD)
            continue;
        const char *w = title_in_full(&c->T[k]);
        size_t l = w ? strlen(w) : c->T[k].len;
        if (!w) {
            w = c->T[k].low;
            if (l > 2 && w[l - 2] == '\'' && w[l - 1] == 's')
                l -= 2;
        }
        if (o)
            s[o++] = ' ';
        memcpy(s + o, w, l);
        o += l;
    }
    s[o] = 0;
    return s;
}

/* The entity a title phrase stands for: an exact alias first, then an alias
 * that ends with the same words ("the Board Chairman" for "Harbour
 * Board Chairman"); when several people match, the last one named
 * before, else the first. */
static int32_t alias_lookup(ectx *c, const char *key)
{
    uint32_t h = ws_map_hash(key);
    int32_t e = ws_map_get_h(&c->alias_exact, key, h);
    if (e >= 0)
        return e;
    e = ws_map_get_h(&c->alias_suffix, key, h);
    /* "the former president" when no title says "former": the president
     * the article names */
    if (e < 0 && strncmp(key, "former ", 7) == 0 && key[7])
        return alias_lookup(c, key + 7);
    return e >= 0 ? e : -1;
}

/* Whether one of the entity's titles ends with the words of key: "minister"
 * and "finance minister" in "Dutch Finance Minister". */
/* Whether title t (as written, tl bytes) ends with the lower-case key (kl
 * bytes), letter case aside */
static bool ends_ci(const char *t, size_t tl, const char *key, size_t kl)
{
    if (tl < kl)
        return false;
    for (size_t j = 0; j < kl; j++) {
        unsigned char x = (unsigned char)t[tl - kl + j];
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (unsigned char)key[j])
            return false;
    }
    return true;
}

static bool title_ends_with_ex(const entity *e, const char *key, bool whole)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i < e->titles.n; i++) {
        const char *t = e->titles.v[i];
        size_t tl = strlen(t);
        if (tl < kl || (tl > kl && (whole || t[tl - kl - 1] != ' ')))
            continue;
        if (ends_ci(t, tl, key, kl))
            return true;
    }
    return false;
}

/* Whether one of the entity's titles has the word w: "greek" in "Greek
 * Prime Minister". */
static bool title_has_word(const entity *e, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i < e->titles.n; i++) {
        const char *t = e->titles.v[i];
        for (const char *p = t; *p;) {
            size_t j = 0;
            while (j < wl && p[j] && (((unsigned char)p[j] >= 'A' && (unsigned char)p[j] <= 'Z')
                                          ? p[j] + 32
                                          : p[j]) == w[j])
                j++;
            if (j == wl && (p[j] == 0 || p[j] == ' '))
                return true;
            p = strchr(p, ' ');
            if (!p)
                break;
            p++;
        }
    }
    return false;
}

enum { NEAREST_REACH = 64 }; /* mentions looked back at: keeps each look-up bounded */

/* A title two people share ("the minister" after "Finance Minister A" and
 * "Prime Minister B"): the one of them named last before token a; with
 * any_word, the one with key anywhere in a title. The mentions [0, nm) are
 * in text order. */
/* The first of the mentions [0, nm) (in text order) that starts at or
 * after token a. */
static size_t first_mention_at(const ectx *c, uint32_t a, size_t nm)
{
    size_t lo = 0, hi = nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->d->ments.v[mid].t0 < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* (with whole, the one whose title is key itself: "Minister" for "the
 * minister" when "Ana Ruiz, Minister of Health," and "X, Minister of
 * Finance," both hold it) */
/* Whether all of e's titles that end in key's last word open with
 * "former" or "ex-" */
static bool held_before(const entity *e, const char *key)
{
    const char *w = strrchr(key, ' ');
    w = w ? w + 1 : key;
    size_t wl = strlen(w);
    bool any = false;
    for (size_t i = 0; i < e->titles.n; i++) {
        const char *t = e->titles.v[i];
        if (!ends_ci(t, strlen(t), w, wl))
            continue;
        bool former = (strncmp(t, "former ", 7) == 0 || strncmp(t, "Former ", 7) == 0 || strncmp(t, "ex-", 3) == 0 ||
                       strncmp(t, "Ex-", 3) == 0);
        if (!former)
            return false;
        any = true;
    }
    return any;
}

static int32_t alias_nearest_ex(ectx *c, const char *key, uint32_t a, size_t nm, bool any_word, bool whole)
{
    size_t lo = first_mention_at(c, a, nm);
    /* the last one who spoke or acted first ("Baker said …. Asked whether he
     * would meet Carter, the minister said" is Baker's), then anyone; one
     * who holds the title now before one who held it ("Former senator
     * Joseph Kabuye" is not "the senator" when a senator was named) */
    bool former_key = strncmp(key, "former ", 7) == 0;
    for (int pass = 0; pass < 4; pass++)
        for (size_t i = lo, steps = 0; i > 0 && steps < NEAREST_REACH; i--, steps++) {
            const mention *m = &c->d->ments.v[i - 1];
            int32_t e = m->entity;
            if (e >= 0 && ((pass & 1) || m->subject) &&
                (any_word ? title_has_word(&c->d->ents.v[e], key)
                          : title_ends_with_ex(&c->d->ents.v[e], key, whole)) &&
                (pass >= 2 || former_key || !held_before(&c->d->ents.v[e], key)))
                return e;
        }
    return -1;
}

static int32_t alias_nearest(ectx *c, const char *key, uint32_t a, size_t nm, bool any_word)
{
    return alias_nearest_ex(c, key, a, nm, any_word, false);
}

/* Whether entity e has a mention among the NEAREST_REACH before token a */
static bool named_before(const ectx *c, int32_t e, uint32_t a, size_t nm)
{
    size_t lo = first_mention_at(c, a, nm);
    for (size_t i = lo, steps = 0; i > 0 && steps < NEAREST_REACH; i--, steps++)
        if (c->d->ments.v[i - 1].entity == e)
            return true;
    return false;
}

/* "Asked whether they would work together again, Ava Sandoval was blunt":
 * a participle opens the sentence and its clause ends at the comma right
 * before mention m, which is the main clause's subject */
static bool fronted_clause_before(const ectx *c, const mention *m)
{
    uint32_t s0 = c->d->sents.v[c->T[m->t0].sent].t0;
    const tok *f = &c->T[s0];
    if (m->t0 < s0 + 3 || m->t0 > s0 + 40 || !tok_punct(c->d, m->t0 - 1, ',') || f->kind != T_WORD || f->len < 5)
        return false; /* (a clause of 40 tokens at most: each look stays short) */
    if (!ws_streq(f->low + f->len - 2, "ed") && !ws_streq(f->low + f->len - 3, "ing"))
        return false;
    for (uint32_t k = s0 + 1; k + 1 < m->t0; k++) /* (one clause: no other comma) */
        if (tok_punct(c->d, k, ','))
            return false;
    return true;
}

/* The first word of a place's name, never of a person's: "New Hampshire",
 * "Middle East", "San Bernardino", "Lake Erie" */
static bool place_word(const tok *t)
{
    return (t->lex & LX_PLACE) != 0; /* lexicon/placewords.txt */
}

/* The last word of a street's or a site's name ("Thika Road", "Shannon
 * Airport"); words that are also common surnames (Park, Hill, Lane, Bay,
 * Wood, Field) are left out, and "Close" counts only after a word that is
 * no first name */
static bool place_head(const char *w)
{
    static const char *const heads[] = {"road", "street", "avenue", "boulevard", "highway", "motorway",
                                        "freeway", "expressway", "bridge", "airport", "station", "square",
                                        "flats", "estate", "terrace", "quay", "wharf", "harbour", "harbor",
                                        "valley", "river", "mountains", "heights", "county", "district",
                                        "province", "island", "islands", "beach", "creek", "canyon", "forest",
                                        "stadium", "arena", "plaza", "mall", "drive", "close"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        if (ws_streq(w, heads[i]))
            return true;
    return false;
}

/* "in Jackson", "of Lisvara": a lone capitalised word after a preposition is
 * more likely a place than a person. */
static bool place_like(ectx *c, const mention *m)
{
    if (m->title || m->t0 == 0 || m->n1 - m->n0 != 1)
        return false;
    const tok *p = &c->T[m->t0 - 1];
    /* "in", "at", "from", "of", "into", "near", "across" (each compared by
     * its hash, worked out at compile time), and "to" */
    if (low_is(p, "in") || low_is(p, "at") || low_is(p, "from") || low_is(p, "of") ||
        low_is(p, "into") || low_is(p, "near") || low_is(p, "across"))
        return true;
    if (low_is(p, "to"))
        return !(m->t0 >= 2 && tok_is(c->d, m->t0 - 2, "according"));
    return false;
}

static inline bool after_preposition(ectx *c, const mention *m)
{
    /* through up to two lower-case words: "the widow of foreman Eli Crane" */
    for (uint32_t back = 1; back <= 3 && m->t0 >= back; back++) {
        const tok *p = &c->T[m->t0 - back];
        /* each word compared by its hash, worked out at compile time */
        if (low_is(p, "in") || low_is(p, "at") || low_is(p, "from") || low_is(p, "of") ||
            low_is(p, "to") || low_is(p, "into") || low_is(p, "near") || low_is(p, "across") ||
            low_is(p, "on") || low_is(p, "for") || low_is(p, "about") || low_is(p, "the"))
            return true;
        if (p->kind != T_WORD || (p->flags & F_CAP) || (p->lex & (LX_CUE | LX_CUE_ING)))
            return false;
    }
    return false;
}

/* The one an interview is with: the first person the article names as a
 * subject before token a ("Actress Diane Guerrero has become …"), else the
 * first named; -1 for none (mentions [0, nm) are in text order) */
static int32_t interviewee(ectx *c, size_t nm, uint32_t a)
{
    /* (each answer goes on from where the one before stopped: a transcript
     * of many answers and no subject stays linear) */
    if (c->iv_subject >= 0)
        return c->iv_subject;
    for (; c->iv_next < nm && c->d->ments.v[c->iv_next].t0 < a; c->iv_next++) {
        const mention *m = &c->d->ments.v[c->iv_next];
        if (m->kind != M_NAME || m->entity < 0)
            continue;
        /* (not another turn's label: "GM: …") */
        if ((c->T[m->t0].flags & F_PARA_START) && tok_punct(c->d, m->t1, ':'))
            continue;
        /* the subject: a cue's, or the name that opens its sentence ("The
         * conductor Rafaela Okonkwo-Thorne talked to …") */
        uint32_t s0 = c->d->sents.v[c->T[m->t0].sent].t0, k = s0;
        while (k < m->t0 && k < s0 + 4 && c->T[k].kind == T_WORD &&
               ((c->T[k].lex & LX_DET) || !(c->T[k].flags & F_CAP) || k == s0))
            k++;
        if (m->subject || k == m->t0)
            return c->iv_subject = m->entity;
        if (c->iv_first < 0 && c->d->ents.v[m->entity].person)
            c->iv_first = m->entity;
    }
    return c->iv_first;
}

/* "spoke to Leopold Ferrante", "wrote to X": the one spoken to is a
 * person, though after a preposition */
static bool spoken_to(ectx *c, const mention *m)
{
    if (m->t0 < 2 || !low_is(&c->T[m->t0 - 1], "to"))
        return false;
    const tok *v = &c->T[m->t0 - 2];
    return low_is(v, "spoke") || low_is(v, "speak") || low_is(v, "speaks") || low_is(v, "spoken") ||
           low_is(v, "speaking") || low_is(v, "talked") || low_is(v, "talk") || low_is(v, "talking") ||
           low_is(v, "wrote") || low_is(v, "write") || low_is(v, "writes") || low_is(v, "writing") ||
           low_is(v, "replied") || low_is(v, "explained") || low_is(v, "complained");
}

/* "Mr", "Mrs.", "Ms", "Miss", "Mx.": an honorific that is no title */
static bool courtesy_honorific(const tok *t)
{
    size_t l = t->len - (t->len && t->low[t->len - 1] == '.');
    return (l == 2 && (memcmp(t->low, "mr", 2) == 0 || memcmp(t->low, "ms", 2) == 0 ||
                       memcmp(t->low, "mx", 2) == 0)) ||
           (l == 3 && memcmp(t->low, "mrs", 3) == 0) || (l == 4 && memcmp(t->low, "miss", 4) == 0);
}

/* ---- names ---- */
/* A full name introduced by the relation of its bearer to someone named
 * before: "his wife, Margaret Pennock,", "Her son Daniel Oszlany", "the late
 * Simeon Amberley". Newspapers keep the bare surname for the one the story
 * is about, and call the relative by a first name. */
static bool kin_named(const ectx *c, const mention *f)
{
    static const char *const kin[] = {"wife", "husband", "son", "daughter", "brother", "sister", "father",
                                      "mother", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
                                      "granddaughter", "grandfather", "grandmother", "widow", "widower",
                                      "stepson", "stepdaughter", "sister-in-law", "brother-in-law",
                                      "son-in-law", "daughter-in-law", "father-in-law", "mother-in-law",
                                      "twin", "grandchild"};
    uint32_t p = f->t0;
    if (p > 0 && tok_punct(c->d, p - 1, ','))
        p--;
    if (p < 2 || c->T[p - 1].kind != T_WORD)
        return false;
    const tok *w = &c->T[p - 1], *before = &c->T[p - 2];
    if (low_is(w, "late") && low_is(before, "the"))
        return true;
    /* (an adjective between: "her late husband", "his younger brother") */
    if (p >= 3 && (low_is(before, "late") || low_is(before, "elder") || low_is(before, "younger") ||
                   low_is(before, "older") || low_is(before, "eldest") || low_is(before, "youngest") ||
                   low_is(before, "estranged") || low_is(before, "former")))
        before = &c->T[p - 3];
    if (!(low_is(before, "his") || low_is(before, "her") || low_is(before, "their") || tok_possessive(before)))
        return false;
    for (size_t i = 0; i < sizeof kin / sizeof *kin; i++)
        if (ws_streq(w->low, kin[i]))
            return true;
    return false;
}

static void cluster_names(ectx *c)
{
    ws_doc *d = c->d;
    /* the names of each pass listed first, in their order, without a
     * branch (which mentions are names follows no pattern a branch
     * predictor learns); a pass sets the entity of its own mentions only */
    size_t nm = d->ments.n, nlist[2] = {0, 0};
    uint32_t *list = ws_alloc_raw(&d->arena, 2 * (nm + 1) * sizeof *list);
    for (size_t i = 0; i < nm; i++) {
        const mention *m = &d->ments.v[i];
        uint32_t name = (m->kind == M_NAME) & (m->entity < 0), full = m->n1 - m->n0 >= 2;
        list[nlist[0]] = (uint32_t)i;
        nlist[0] += name & full;
        list[nm + 1 + nlist[1]] = (uint32_t)i;
        nlist[1] += name & !full;
    }
    /* full names first, then single words attach to them: to the most
     * recent full name before them that ends or starts with them, else to
     * the first such name after them ("Bill Clinton" late in an article
     * about Hillary Clinton takes only the "Clinton"s that follow him) */
    ws_map recent_last = {0}, recent_first = {0};
    size_t fi = 0; /* the next full name, in mention order, during pass 1 */
    /* each full name's last and first word, kept by pass 0 for pass 1 */
    const char **flast = ws_alloc(&d->arena, (nlist[0] + 1) * sizeof *flast);
    const char **ffirst = ws_alloc(&d->arena, (nlist[0] + 1) * sizeof *ffirst);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t x = 0; x < nlist[pass]; x++) {
            size_t mi = list[(size_t)pass * (nm + 1) + x];
            mention *m = &d->ments.v[mi];
            uint32_t nw = m->n1 - m->n0;
            if (pass == 1) {
                /* the full names before this word, as the most recent ones */
                for (; fi < nlist[0] && list[fi] < mi; fi++) {
                    const mention *f = &d->ments.v[list[fi]];
                    if (f->entity < 0 || !flast[fi])
                        continue;
                    /* (a relative introduced as one, "His wife, Margaret
                     * Pennock,", "the late Simeon Amberley", does not take
                     * the surname from the one the article is about) */
                    ws_map_put(&d->arena, &recent_last, flast[fi], f->entity, !kin_named(c, f));
                    ws_map_put(&d->arena, &recent_first, ffirst[fi], f->entity, true);
                }
            }
            if (place_like(c, m))
                continue;
            const char *last;
            uint32_t wh; /* one hash for the three maps */
            char *w = words_h(c, m->n0, m->n1, &wh, &last);
            if (pass == 0) {
                flast[x] = last;
                ffirst[x] = ws_strndup(&d->arena, w, strcspn(w, " "));
            }
            int32_t best = ws_map_get_h(&c->full, w, wh);
            if (best < 0 && pass == 1) {
                int32_t a = ws_map_get_h(&recent_last, w, wh), b = ws_map_get_h(&recent_first, w, wh);
                best = a > b ? a : b;
                if (best < 0) {
                    a = ws_map_get_h(&c->by_last, w, wh);
                    b = ws_map_get_h(&c->by_first, w, wh);
                    best = a > b ? a : b;
                }
            }
            /* "Graham Pike and Susan Pike …; Mr Pike said": of the people
             * with the surname, one of the honorific's gender (among the
             * most recent entities, so that the stage stays linear) */
            if (pass == 1 && best >= 0 && nw == 1 && m->gender != G_UNKNOWN &&
                d->ents.v[best].gender != m->gender) {
                /* (one whose gender is not known will do, when none is;
                 * when the nearest one's is not known, it stays) */
                int32_t unknown = d->ents.v[best].gender == G_UNKNOWN ? best : -1;
                for (size_t e = d->ents.n, steps = 0; e > 0 && steps < 64; e--, steps++) {
                    const entity *E = &d->ents.v[e - 1];
                    if (!E->last || !ws_streq(E->last, w) || (E->gender != m->gender && E->gender != G_UNKNOWN))
                        continue;
                    if (E->gender == m->gender) {
                        unknown = -1;
                        best = (int32_t)(e - 1);
                        break;
                    }
                    if (unknown < 0)
                        unknown = (int32_t)(e - 1);
                }
                if (unknown >= 0)
                    best = unknown;
            }
            /* "Wayne and Cheryl Dunstan": a first name before "and" and a
             * full name shares its surname (so that "Mr Dunstan" is him) */
            if (best < 0 && pass == 1 && nw == 1 && m->n1 + 3 < d->toks.n && (c->T[m->n0].lex & (LX_MALE | LX_FEMALE)) &&
                !m->title && tok_is(d, m->n1, "and") && d->ment_at[m->n1 + 1] >= 0) {
                const mention *f = &d->ments.v[d->ment_at[m->n1 + 1]];
                if (f->kind == M_NAME && f->t0 == m->n1 + 1 && f->n0 == f->t0 && f->n1 == f->n0 + 2 &&
                    f->entity >= 0 && (c->T[f->n0].lex & (LX_MALE | LX_FEMALE)) && d->ents.v[f->entity].last)
                    best = joined_name(c, m, m->n0, w, f->n1 - 1, f->n1 - 1, d->ents.v[f->entity].last, &recent_first);
            }
            /* 'Raymond "Ray" Delgado': a first name, a nickname in quote
             * marks, then the surname, which is the mention (the marks part
             * it from the first name) */
            /* (or a first name the lexicon lacks after a title: 'Rep.
             * Rodolfo "Jun-Jun" Macaraeg Salvador', a surname of two words) */
            if (best < 0 && ((pass == 1 && nw == 1) || (pass == 0 && nw == 2)) && m->n0 >= 4 && !m->title) {
                const tok *cq = &c->T[m->n0 - 1], *nick = &c->T[m->n0 - 2], *oq = &c->T[m->n0 - 3],
                          *fn = &c->T[m->n0 - 4];
                const tok *pre = m->n0 >= 5 ? &c->T[m->n0 - 5] : NULL;
                bool first_name = (fn->lex & (LX_MALE | LX_FEMALE)) ||
                                  (pre && pre->kind == T_WORD && (pre->lex & (LX_HONORIFIC | LX_TITLE)) &&
                                   (pre->flags & F_CAP) && d->ment_at[m->n0 - 4] >= 0 &&
                                   d->ments.v[d->ment_at[m->n0 - 4]].n1 == m->n0 - 3);
                if (cq->kind == T_QUOTE && !(cq->flags & F_OPEN) && oq->kind == T_QUOTE && (oq->flags & F_OPEN) &&
                    nick->kind == T_WORD && (nick->flags & F_CAP) && fn->kind == T_WORD && (fn->flags & F_CAP) &&
                    first_name && !(nick->flags & F_SPACE_BEFORE) && !(cq->flags & F_SPACE_BEFORE)) {
                    best = joined_name(c, m, m->n0 - 4, fn->low, m->n0, m->n1 - 1, w, &recent_first);
                    ws_map_put(&d->arena, &c->by_first, nick->low, best, false);
                    ws_map_put(&d->arena, &c->by_last, w, best, false);
                }
            }
            if (best < 0) {
                /* a lone surname creates a person only when titled or speaking */
                if (pass == 1 && !(m->title || m->subject || m->kin))
                    continue;
                best = new_entity(c, m, w, last);
                ws_map_put_h(&d->arena, &c->full, w, wh, best, false);
                if (nw >= 2) {
                    char *first = ws_strndup(&d->arena, w, strcspn(w, " "));
                    /* the first full name with this surname, for a lone
                     * word before every one of them */
                    ws_map_put(&d->arena, &c->by_last, last, best, false);
                    ws_map_put(&d->arena, &c->by_first, first, best, false);
                    /* "Gloria Benitez Aranda" is "Benitez" later: the
                     * first of two surnames after a first name (not a
                     * middle name or initial: "John F. Kennedy", "Mary Ann
                     * Reed") */
                    const tok *mid = &c->T[m->n0 + 1];
                    /* (a first name the lexicon lacks will do when a title
                     * says the name is a person's: "President Mariela
                     * Ocampo Ríos") */
                    /* (a particle in the middle says so too: "Henrique
                     * Dalla Costa" is "Dalla Costa") */
                    bool particle = nw == 3 && ((mid->lex2 & LX2_NAME_PARTICLE) || irish_particle(mid));
                    if (nw == 3 && m->n1 == m->n0 + 3 &&
                        ((c->T[m->n0].lex & (LX_MALE | LX_FEMALE)) || m->title || particle ||
                         (m->t0 > 0 && tok_punct(d, m->t0 - 1, ',') && m->t1 < d->toks.n && tok_punct(d, m->t1, ',')))) {
                        bool surname = !particle && mid->kind == T_WORD && mid->len > 2 &&
                                       !(mid->lex & (LX_MALE | LX_FEMALE | LX_ABBREV)) &&
                                       !(c->T[m->n0 + 2].lex2 & LX2_ROMAN) &&
                                       !ws_streq(c->T[m->n0 + 2].low, "jr.") && !ws_streq(c->T[m->n0 + 2].low, "jr");
                        if (surname)
                            ws_map_put(&d->arena, &c->by_last, mid->low, best, false);
                        /* ... and "Benitez Aranda" is her too, as "Ciarán Ó
                         * Fearghail" is "Mr Ó Fearghail" and "John de Souza"
                         * is "Mr de Souza" */
                        if (surname || particle)
                            ws_map_put(&d->arena, &c->full, w + strlen(first) + 1, best, false);
                        /* "Siti Noraini Ismail" is "Siti Noraini" too, as
                         * Malay and Indonesian papers write her */
                        /* (titled: a title-case headline's "Claudia Tenney
                         * Beats" is no one's name) */
                        if (m->title && mid->kind == T_WORD && mid->len > 2 && !(mid->lex & LX_ABBREV))
                            ws_map_put(&d->arena, &c->full,
                                       ws_strndup(&d->arena, w,
                                                  strlen(first) + 1 + strcspn(w + strlen(first) + 1, " ")),
                                       best, false);
                    }
                }
            }
            m->entity = best;
            if (m->title || m->subject || (c->T[m->n0].lex & (LX_MALE | LX_FEMALE)) ||
                (nw >= 2 && (!after_preposition(c, m) || spoken_to(c, m) || kin_named(c, m)) &&
                 !place_word(&c->T[m->n0])))
                d->ents.v[best].person = true;
            if (d->ents.v[best].gender == G_UNKNOWN)
                d->ents.v[best].gender = m->gender;
            /* "Ms", "Mr." alone say nothing about who it is: no title */
            char *key = m->title ? title_key(c, m->t0, m->n0) : NULL;
            if (key)
                add_title(c, best, m->title, key);
            /* ... but "Dr.", "Prof.", "Rev." do, though no alias: shown as a title */
            else if (m->title && m->n0 == m->t0 + 1 && !courtesy_honorific(&c->T[m->t0]))
                add_title(c, best, m->title, NULL);
        }
    }
    /* a lower-case title between a qualifier and the name: "Labour leader
     * Jeremy Corbyn" makes "the Labour leader" a title of his */
    for (size_t i = 0; i < d->ments.n; i++) {
        mention *m = &d->ments.v[i];
        if (m->kind != M_NAME || m->entity < 0 || m->title || m->t0 < 1)
            continue;
        const tok *w = &c->T[m->t0 - 1];
        /* ("Goalkeeper Tyler Haskins was beaten": a role word capitalised
         * only as it opens the sentence) */
        if (w->kind != T_WORD || ((w->flags & F_CAP) && !((w->flags & F_SENT_START) && (w->lex & LX_ROLE) &&
                                                          !(w->flags & F_ALLCAP) && !(w->lex & LX_TITLE))) ||
            !(w->lex & (LX_TITLE | LX_ROLE)))
            continue;
        /* the qualifier: a short name ("Labour") or a nationality ("his
         * Tanzanian counterpart Samia Suluhu Hassan") */
        /* (up to two lower-case words between: "U.S. climate envoy X") */
        uint32_t qe = m->t0 - 1;
        while (qe >= 2 && qe + 3 > m->t0 && c->T[qe - 1].kind == T_WORD && !(c->T[qe - 1].flags & F_CAP) &&
               d->ment_at[qe - 1] < 0 && c->T[qe - 1].len > 2 &&
               !(c->T[qe - 1].lex & (LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_CUE_ING | LX_AUX | LX_PRONOUN | LX_MEET)) &&
               /* ("chief" is a determiner too: "Westpac chief economist X") */
               (!(c->T[qe - 1].lex & LX_DET) || (c->T[qe - 1].lex & (LX_TITLE | LX_ROLE))))
            qe--;
        uint32_t q0;
        const int32_t qi = qe > 0 ? d->ment_at[qe - 1] : -1;
        const mention *q = qi >= 0 ? &d->ments.v[qi] : NULL;
        if (q && (q->kind == M_NAME || q->kind == M_ORG) && q->t1 == qe && q->t1 - q->t0 <= 3) {
            q0 = q->t0;
            /* "Sinn Nua leader Aoife Brennock": the qualifier is a body or
             * a place, no one of its own (unless a first name opens it:
             * "Hillary Clinton aide X") */
            if (q->kind == M_NAME && !(c->T[q->n0].lex & (LX_MALE | LX_FEMALE)) && q->n1 > q->n0 + 1)
                d->ments.v[qi].entity = -1;
        }
        else if (qe >= 1 && (c->T[qe - 1].lex & LX_DEMONYM) && (c->T[qe - 1].flags & F_CAP))
            q0 = qe - 1;
        /* "US envoy X", "UK minister X": a short capitalised abbreviation */
        else if (qe >= 1 && (c->T[qe - 1].flags & F_ALLCAP) && c->T[qe - 1].kind == T_WORD &&
                 c->T[qe - 1].end - c->T[qe - 1].start <= 3)
            q0 = qe - 1;
        /* "Council member Rosa Tran" opening a sentence, where the article
         * also writes "the council chambers" (so no mention) */
        else if (qe >= 1 && c->T[qe - 1].kind == T_WORD && (c->T[qe - 1].flags & F_CAP) &&
                 (c->T[qe - 1].flags & F_SENT_START) && d->ment_at[qe - 1] < 0 && c->T[qe - 1].len > 2 &&
                 !(c->T[qe - 1].lex & (LX_DET | LX_PRONOUN | LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_CUE_ING |
                                       LX_AUX | LX_CAPSTOP | LX_TIMEWORD)))
            q0 = qe - 1;
        /* no qualifier: "party spokeswoman Aylin Kaya", "said spokesman X",
         * "former governor X" (after a boundary, not within a longer phrase:
         * "running mate presidential nominee X") */
        else if (qe == 0 ||
                 (c->T[qe - 1].kind != T_WORD ||
                  (!(c->T[qe - 1].flags & F_CAP) &&
                   ((c->T[qe - 1].lex & (LX_DET | LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_CUE_ING | LX_AUX |
                                          LX_PRONOUN)) ||
                    c->T[qe - 1].len <= 2)) ||
                  /* ("Later spokesman X said": a sentence adverb before it) */
                  ((c->T[qe - 1].flags & F_SENT_START) && (c->T[qe - 1].lex & LX_CAPSTOP) &&
                   d->ment_at[qe - 1] < 0))) {
            q0 = qe;
            if (qe > 0 && low_is(&c->T[qe - 1], "former"))
                q0 = qe - 1;
        }
        /* "Chief executive Mats Lindqvar", "Deputy mayor X" opening a
         * sentence: a title word capitalised as it opens the sentence */
        else if (qe >= 1 && c->T[qe - 1].kind == T_WORD && (c->T[qe - 1].flags & F_SENT_START) &&
                 (c->T[qe - 1].lex & LX_TITLE) && !(c->T[qe - 1].flags & F_ALLCAP) &&
                 (!q || (q->kind == M_TITLE && q->t0 == qe - 1 && q->t1 == qe)))
            q0 = qe - 1;
        else
            continue;
        d->ents.v[m->entity].person = true;
        add_title(c, m->entity, ws_span_dup(d, c->T[q0].start, w->end), words(c, q0, m->t0));
    }
    /* appositions: "Berg, the board chairman," */
    for (size_t i = 0; i < d->ments.n; i++) {
        mention *m = &d->ments.v[i];
        if (m->kind != M_NAME || m->entity < 0)
            continue;
        uint32_t k = m->t1;
        /* ... and what a sentence says its subject is: "Garrett Lindqvist
         * is a bush pilot.", "Ruiz was a nurse for 30 years" */
        if (k + 3 < d->toks.n && (c->T[m->t0].flags & F_SENT_START) && (tok_is(d, k, "is") || tok_is(d, k, "was")) &&
            (tok_is(d, k + 1, "a") || tok_is(d, k + 1, "an"))) {
            uint32_t a = k + 2, e = a;
            while (e < d->toks.n && e < a + 4 && c->T[e].kind == T_WORD && !(c->T[e].flags & F_CAP) &&
                   !(c->T[e].lex & (LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_CUE_ING | LX_AUX | LX_DET)))
                e++;
            if (e > a && e < d->toks.n && (c->T[e - 1].lex & (LX_TITLE | LX_ROLE)) && !(c->T[e - 1].lex & LX_ORGWORD) &&
                (tok_punct(d, e, '.') || tok_punct(d, e, ',') || (c->T[e].lex & LX_WL_PREP))) {
                d->ents.v[m->entity].person = true;
                add_title_words(c, m->entity, a, e);
            }
            continue;
        }
        if (k + 2 >= d->toks.n || !tok_punct(d, k, ',') || c->T[k + 1].kind != T_WORD)
            continue;
        /* "Ana Ruiz, Minister of Health,", "Tom Bell, Deputy Mayor of
         * Harwell,": a capitalised title in apposition, up to its "of" */
        if (c->T[k + 1].flags & F_CAP) {
            uint32_t e = k + 1;
            while (e < d->toks.n && e < k + 5 && c->T[e].kind == T_WORD && (c->T[e].flags & F_CAP) &&
                   !(c->T[e].flags & F_ALLCAP) && (c->T[e].lex & (LX_TITLE | LX_HONORIFIC)) &&
                   !tok_possessive(&c->T[e]))
                e++;
            if (e > k + 1 && e < d->toks.n && (c->T[e - 1].lex & LX_TITLE) &&
                (tok_is(d, e, "of") || tok_is(d, e, "for") || tok_punct(d, e, ',') || tok_punct(d, e, '.'))) {
                d->ents.v[m->entity].person = true;
                add_title_words(c, m->entity, k + 1, e);
                /* (the title's own mention is this person, no one else
                 * with the title) */
                int32_t tm = d->ment_at[k + 1];
                if (tm >= 0 && d->ments.v[tm].kind == M_TITLE && d->ments.v[tm].entity < 0)
                    d->ments.v[tm].entity = m->entity;
            }
            continue;
        }
        /* after an article or a possessive ("the board chairman", "her
         * deputy"), or with none: "Sarah Mitchell, general secretary of
         * the union", "Weber, chief economist at Hanse Bank" */
        const tok *f = &c->T[k + 1];
        bool article = (f->lex & LX_DET) && (low_is(f, "the") || low_is(f, "a") || low_is(f, "an") ||
                                             low_is(f, "his") || low_is(f, "her") || low_is(f, "their") ||
                                             low_is(f, "its") || low_is(f, "our"));
        uint32_t a = article ? k + 2 : k + 1;
        if (!article && !(f->lex & (LX_TITLE | LX_ROLE | LX_DET)) && k + 2 < d->toks.n &&
            !(c->T[k + 2].lex & (LX_TITLE | LX_ROLE)))
            continue;
        uint32_t e = a;
        bool titled = false;
        /* a verb ends the phrase ("Trump, this isn't a campaign", "Trump,
         * the race was close"): that is a clause, not an apposition */
        while (e < d->toks.n && e < k + 8 && c->T[e].kind == T_WORD &&
               !(c->T[e].lex & (LX_CUE | LX_CUE_ING | LX_AUX)) && !strstr(c->T[e].low, "n't") &&
               !strstr(c->T[e].low, "n\u2019t") && !low_is(&c->T[e], "of") &&
               !low_is(&c->T[e], "for") && !low_is(&c->T[e], "at") &&
               !low_is(&c->T[e], "who") && !low_is(&c->T[e], "and")) {
            if (c->T[e].lex & (LX_TITLE | LX_ROLE))
                titled = true;
            e++;
        }
        bool pp = e < d->toks.n && (tok_is(d, e, "of") || tok_is(d, e, "for") || tok_is(d, e, "at"));
        if (!titled || e >= d->toks.n || !(pp || tok_punct(d, e, ',') || tok_punct(d, e, '.') || tok_is(d, e, "and")))
            continue;
        d->ents.v[m->entity].person = true;
        /* the last word must be the title itself: "the board chairman" */
        if (!(c->T[e - 1].lex & (LX_TITLE | LX_ROLE)))
            continue;
        add_title_words(c, m->entity, a, e);
    }
}

/* "Trade Minister Sofia Berg met her Canadian counterpart, Daniel Ouellet":
 * he holds her office in his country, so "the minister" may be him too. The
 * office is the last title word of the nearest titled person named before
 * mention i in its sentence; the counterpart phrase is tokens [a, e), and a
 * nationality in it qualifies the office ("canadian minister"). */
static void counterpart_office(ectx *c, size_t i, uint32_t a, uint32_t e)
{
    ws_doc *d = c->d;
    const mention *m = &d->ments.v[i];
    for (size_t x = i; x > 0; x--) {
        const mention *o = &d->ments.v[x - 1];
        if (c->T[o->t0].sent != c->T[m->t0].sent)
            return;
        if (o->kind != M_NAME || o->entity < 0 || o->entity == m->entity)
            continue;
        const entity *oe = &d->ents.v[o->entity];
        if (!oe->titles.n)
            continue;
        /* the title's last word that the lexicon lists as a title */
        const char *t = oe->titles.v[oe->titles.n - 1], *best = NULL;
        size_t blen = 0;
        for (const char *w = t; *w;) {
            size_t l = strcspn(w, " ");
            char low[32];
            if (l < sizeof low) {
                for (size_t k = 0; k < l; k++)
                    low[k] = (char)tolower((unsigned char)w[k]);
                low[l] = 0;
                if (ws_lex_word(low, NULL) & LX_TITLE)
                    best = w, blen = l;
            }
            w += l;
            while (*w == ' ')
                w++;
        }
        if (!best)
            return;
        char *key = ws_alloc_str(&d->arena, blen + 1);
        for (size_t k = 0; k < blen; k++)
            key[k] = (char)tolower((unsigned char)best[k]);
        key[blen] = 0;
        add_title(c, m->entity, NULL, key);
        for (uint32_t k = a; k < e; k++)
            if (c->T[k].lex & LX_DEMONYM) {
                size_t n = c->T[k].len + 1 + blen + 1;
                char *q = ws_alloc_str(&d->arena, n);
                snprintf(q, n, "%s %s", c->T[k].low, key);
                add_title(c, m->entity, NULL, q);
            }
        return;
    }
}

/* The title of a name that follows it after a comma: "the company's chief
 * executive, Laura Brenner," and "her captain, Diego Alves." give "the chief
 * executive" and "the captain" as her and his aliases. */
static void titles_before(ectx *c)
{
    ws_doc *d = c->d;
    for (size_t i = 0; i < d->ments.n; i++) {
        mention *m = &d->ments.v[i];
        if (m->kind != M_NAME || m->entity < 0 || m->t0 < 3)
            continue;
        /* a title of its own ("Senator X"); an honorific is none ("Dr. X") */
        bool own = false;
        for (uint32_t x = m->t0; m->title && x < m->n0 && !own; x++)
            own = c->T[x].kind == T_WORD && !(c->T[x].lex & LX_HONORIFIC);
        /* (but "The city's mayor, Councillor Janet Quigg,": a lower-case
         * title before the comma is hers too) */
        if (own && !(m->t0 >= 2 && tok_punct(d, m->t0 - 1, ',') && c->T[m->t0 - 2].kind == T_WORD &&
                     !(c->T[m->t0 - 2].flags & F_CAP) && (c->T[m->t0 - 2].lex & (LX_TITLE | LX_ROLE))))
            continue;
        /* (an honorific is part of the mention: "…, Dr. Amara Osei,") */
        const uint32_t n0 = m->t0;
        if (!tok_punct(d, n0 - 1, ','))
            continue;
        /* the name closes its phrase ("the nominee, Donald Trump would" is
         * a clause): a comma, the sentence's end or a cue after it */
        uint32_t t1 = m->t1;
        /* "…, Anne Rasmussen of the Marshall Islands, told": a place or body after the name */
        if (t1 + 2 < d->toks.n && tok_is(d, t1, "of")) {
            uint32_t x = t1 + 1;
            if (tok_is(d, x, "the"))
                x++;
            uint32_t x0 = x;
            while (x < d->toks.n && x < x0 + 5 && c->T[x].kind == T_WORD && (c->T[x].flags & F_CAP))
                x++;
            if (x > x0 && x < d->toks.n && tok_punct(d, x, ','))
                t1 = x;
        }
        if (t1 < d->toks.n && !tok_punct(d, t1, ',') && !tok_punct(d, t1, '.') &&
            !tok_punct(d, t1, ';') && !(c->T[t1].lex & LX_CUE))
            continue;
        uint32_t e = n0 - 1, j = e;
        /* "The chief executive of Northport Holdings, Daniel Pryce": the
         * body's name after the title (capitalised words, "the") is not
         * part of it */
        {
            uint32_t b = e;
            while (b > 0 && e - b < 6 && c->T[b - 1].kind == T_WORD &&
                   ((c->T[b - 1].flags & F_CAP) || low_is(&c->T[b - 1], "the")))
                b--;
            /* ... or one or two lower-case words, "the" before them or
             * not: "The head of the agency, X", "The governor of the
             * central bank, X", "The minister of finance, X" */
            if (b == e) {
                uint32_t w = e;
                while (w > 0 && e - w < 2 && c->T[w - 1].kind == T_WORD &&
                       !(c->T[w - 1].flags & F_CAP) && d->ment_at[w - 1] < 0 &&
                       !(c->T[w - 1].lex & (LX_TITLE | LX_ROLE | LX_WL_PREP | LX_DET | LX_CUE | LX_AUX)))
                    w--;
                if (w < e && w > 0 && tok_is(d, w - 1, "the"))
                    w--;
                if (w < e && w >= 3)
                    b = w;
            }
            /* (or "to": "Ravensk's ambassador to the council, Teodor Blanc") */
            if (b < e && b >= 3 &&
                (tok_is(d, b - 1, "of") || tok_is(d, b - 1, "at") || tok_is(d, b - 1, "for") || tok_is(d, b - 1, "to")) &&
                (c->T[b - 2].lex & (LX_TITLE | LX_ROLE)))
                e = j = b - 1;
        }
        /* a capitalised title with no name of its own: "The
         * Secretary-General of the United Nations, Antonio Reyes," */
        int32_t tm = d->ment_at[e - 1];
        if (tm >= 0 && d->ments.v[tm].kind == M_TITLE && d->ments.v[tm].t1 == e && d->ments.v[tm].t0 < e) {
            /* (not the object of a fronted phrase whose name is the next
             * clause's subject: "In a meeting with Hamas Secretary General,
             * Dr. Kamal Kharazi stated": another person) */
            uint32_t t0 = d->ments.v[tm].t0;
            if (t0 > 0 && tok_is(d, t0 - 1, "the"))
                t0--;
            if (t0 > 0 && c->T[t0 - 1].kind == T_WORD && (c->T[t0 - 1].lex & LX_WL_PREP) &&
                m->t1 < d->toks.n && c->T[m->t1].kind == T_WORD)
                continue;
            d->ents.v[m->entity].person = true;
            add_title_words(c, m->entity, d->ments.v[tm].t0, e);
            continue;
        }
        /* one person's title, not a body's name ("the campaign", "the
         * poll") nor a group ("the voters", "the men") */
        const tok *h = &c->T[e - 1];
        if (!(h->lex & (LX_TITLE | LX_ROLE)) || (h->lex & LX_ORGWORD) || (h->flags & F_CAP) ||
            (!(h->lex & LX_TITLE) && h->len > 1 && h->low[h->len - 1] == 's') ||
            low_is(h, "men") || low_is(h, "women") || low_is(h, "people"))
            continue;
        /* back over lower-case words (and a possessive: "the company's") to "the" */
        /* (a nationality too: "The Italian minister, Giulia Rossi,") */
        while (j > 0 && e - j < 6 && c->T[j - 1].kind == T_WORD &&
               (!(c->T[j - 1].flags & F_CAP) || (c->T[j - 1].lex & LX_DEMONYM)) &&
               !(c->T[j - 1].lex & (LX_WL_PREP | LX_CUE | LX_AUX)) && d->ment_at[j - 1] < 0 &&
               /* "his", "a": another phrase (determiners.txt also holds
                * "chief", "former", which a title may have) */
               !((c->T[j - 1].lex & LX_DET) && (c->T[j - 1].len <= 3 || low_is(&c->T[j - 1], "their"))))
            j--;
        /* "the", or a possessive: "Her captain, Diego Alves,", "Japan's prime
         * minister, Kenji Mori," */
        const tok *p = j > 0 ? &c->T[j - 1] : NULL;
        bool named_owner = p && (p->flags & F_CAP) && p->len > 3 && tok_possessive(p);
        /* "A State Department spokesman, Kevin Marsh,": a body's name
         * before the title, and the article before that */
        uint32_t a = j;
        if (a > 1 && d->ment_at[a - 1] >= 0 && d->ments.v[d->ment_at[a - 1]].kind == M_ORG &&
            d->ments.v[d->ment_at[a - 1]].t1 == a)
            a = d->ments.v[d->ment_at[a - 1]].t0;
        /* (and "a", "an": "A spokesman, Kevin Marsh,") */
        if (j == 0 || j == e ||
            !(tok_is(d, j - 1, "the") || tok_is(d, j - 1, "his") || tok_is(d, j - 1, "her") ||
              tok_is(d, j - 1, "their") || tok_is(d, j - 1, "its") || named_owner ||
              tok_is(d, j - 1, "a") || tok_is(d, j - 1, "an") ||
              (a < j && a > 0 && (tok_is(d, a - 1, "a") || tok_is(d, a - 1, "an") || tok_is(d, a - 1, "the")))))
            continue;
        /* an adjunct whose name is the next clause's subject: "In his
         * 60-page ruling, Reeves wrote" (not "talks with the foreign
         * minister, Anders Berg.") */
        if (j >= 2 && c->T[j - 2].kind == T_WORD && (c->T[j - 2].lex & LX_WL_PREP) && m->t1 < d->toks.n &&
            c->T[m->t1].kind == T_WORD)
            continue;
        /* "A spokeswoman for the governor, Jenna Holloway,": the name is
         * the role's before the preposition, not the governor's */
        if (j >= 3 && c->T[j - 2].kind == T_WORD && (c->T[j - 2].lex & LX_WL_PREP) &&
            (c->T[j - 3].lex & (LX_ROLE | LX_TITLE)))
            continue;
        /* a list: "the president, the vice president, Susan Rice" */
        if (j >= 3 && tok_punct(d, j - 2, ',') && (c->T[j - 3].lex & (LX_TITLE | LX_ROLE)))
            continue;
        d->ents.v[m->entity].person = true;
        add_title_words(c, m->entity, j, e);
        if (low_is(&c->T[e - 1], "counterpart"))
            counterpart_office(c, i, j, e);
    }
}

/* ---- titles and pronouns, with salience ---- */
/* Salience fades by 0.6 with each new sentence and by 0.35 with each new
 * paragraph. It is kept lazily (value and the step it was last brought up
 * to date), and pronouns only look at the people mentioned most recently,
 * so the stage stays linear however many people an article names. */
#define RECENT 32

typedef struct sal_t {
    double v;
    uint32_t sent, para; /* counters at the last update */
} sal_t;

/* pow(0.6, k) and pow(0.35, k) for small k: the values pow() gives (glibc's,
 * written with %a; tests/test_features.c checks them against pow()),
 * read-only, so that a pronoun's candidates cost no call. */
const double ws_pow06[WS_POW_TABLE] = {
    0x1p+0, 0x1.3333333333333p-1, 0x1.70a3d70a3d70ap-2, 0x1.ba5e353f7ced8p-3,
    0x1.096bb98c7e282p-3, 0x1.3e81450efdc9bp-4, 0x1.7e34b945308bap-5, 0x1.caa5ab1fd3dacp-6,
    0x1.133033797f1cdp-6, 0x1.4a39d75e9889p-7, 0x1.8c4568d7ea3dfp-8, 0x1.db867dcfe5e3fp-9,
    0x1.1d50b1e32388cp-9, 0x1.5660d576f770ep-10, 0x1.9ada99c1f5baap-11, 0x1.ed06521bf3accp-12,
    0x1.27d097aa5f014p-12, 0x1.62fa4f993ece4p-13, 0x1.a9f92c517e912p-14, 0x1.ff2b01fb64ae2p-15,
    0x1.32b36796d6021p-15, 0x1.700a7c4e9a68ep-16, 0x1.b9a62ec4b94aap-17, 0x1.08fd4f42d5932p-17,
    0x1.3dfcc58366b09p-18, 0x1.7d95b9d0e1a0bp-19, 0x1.c9e6defaa85a6p-20, 0x1.12bdb8fccb697p-20,
    0x1.49b07795c0e4ep-21, 0x1.8ba08f808112ap-22, 0x1.dac0ac33ce166p-23, 0x1.1cda00ebe20d7p-23,
    0x1.55d2678175a9bp-24, 0x1.9a2faf6826cb9p-25, 0x1.ec3938e361c11p-26, 0x1.275588886dda4p-26,
    0x1.6266a3d6ea391p-27, 0x1.a947f7ceb2aaep-28, 0x1.fe565c91a3337p-29, 0x1.3233d1242eb87p-29,
    0x1.6f71615e9e76fp-30, 0x1.b8ee74d7f15b8p-31, 0x1.088f12e7f736ep-31, 0x1.3d787d165bdb7p-32,
    0x1.7cf6fc813b075p-33, 0x1.c9286234ad3bfp-34, 0x1.124b6e1f9b23fp-34, 0x1.492750f2ba2b2p-35,
    0x1.8afbfabcdf66fp-36, 0x1.d9fb2ce2a5aecp-37, 0x1.1c638154c9cf4p-37, 0x1.554434cc255f1p-38,
    0x1.99850c282cd87p-39, 0x1.eb6c74fd029d5p-40, 0x1.26daac97ce5e6p-40, 0x1.61d33582f7a47p-41,
    0x1.a8970d038f922p-42, 0x1.fd820f9ddf7c2p-43, 0x1.31b46fc51fb0ep-43, 0x1.6ed8861fbfa1p-44,
    0x1.b83707594c5adp-45, 0x1.08210468c769bp-45, 0x1.3cf46bb0ef4b9p-46, 0x1.7c58813ab8c11p-47
};
const double ws_pow035[WS_POW_TABLE] = {
    0x1p+0, 0x1.6666666666666p-2, 0x1.f5c28f5c28f5bp-4, 0x1.5f3b645a1cabfp-5,
    0x1.ebb98c7e2823fp-7, 0x1.5835158b827f8p-8, 0x1.e1e3eaf6837f5p-10, 0x1.5152be12f5a5ep-11,
    0x1.d840a3b424b5p-13, 0x1.4a93a5cae67ebp-14, 0x1.ceceb4e8dc4afp-16, 0x1.43f7183c9a347p-17,
    0x1.c58d21ee717c9p-19, 0x1.3d7c648d4f70cp-20, 0x1.bc7af32c3c044p-22, 0x1.3722dd6bc39c9p-23,
    0x1.b39735fd450e5p-25, 0x1.30e9d8fe16bd3p-26, 0x1.aae0fc96eca27p-28, 0x1.2ad0b0d00c0b5p-29,
    0x1.a2575df010dc9p-31, 0x1.24d6c1c1a5673p-32, 0x1.99f975a8b45d4p-34, 0x1.1efb6bf617daep-35,
    0x1.91c663f221659p-37, 0x1.193e12c31760bp-38, 0x1.89bd4d778720fp-40, 0x1.139e1ca07830ap-41,
    0x1.81dd5b470eaa7p-43, 0x1.0e1af31823ddbp-44, 0x1.7a25babb65699p-46, 0x1.08b402b66096bp-47,
    0x1.72959d65ba6c8p-49, 0x1.0368bafa68e59p-50, 0x1.6b2c38f82c748p-52, 0x1.fc711c8ea4a31p-54,
    0x1.63e8c730a6722p-55, 0x1.f245e3aa829fcp-57, 0x1.5cca85c4283cap-58, 0x1.e84ebb45d1ee7p-60,
    0x1.55d0b64a795a1p-61, 0x1.de8a98cea9e47p-63, 0x1.4efa9e2a43b98p-64, 0x1.d4f87707f86a1p-66,
    0x1.48478685944a4p-67, 0x1.cb9755ee36018p-69, 0x1.41b6bc26bf677p-70, 0x1.c2663a9ca590cp-72,
    0x1.3b478f6da7188p-73, 0x1.b9642f331d224p-75, 0x1.34f9543d61319p-76, 0x1.b09042bc54defp-78,
    0x1.2ecb61ea3b68ep-79, 0x1.a7e98914b992cp-81, 0x1.28bd13281b805p-82, 0x1.9f6f1ad1c01ap-84,
    0x1.22cdc5f939abdp-85, 0x1.97201529b723bp-87, 0x1.1cfcdb9d3365cp-88, 0x1.8efb99dc14c1ap-90,
    0x1.1749b88074edfp-91, 0x1.8700cf1a3d4d1p-93, 0x1.11b3c42bf7b5fp-94, 0x1.7f2edf70c131ep-96
};

static inline double salience(const sal_t *s, uint32_t sent, uint32_t para)
{
    uint32_t dp = para - s->para, ds = sent - s->sent - dp;
    double p6 = ds < WS_POW_TABLE ? ws_pow06[ds] : pow(0.6, (double)ds);
    double p35 = dp < WS_POW_TABLE ? ws_pow035[dp] : pow(0.35, (double)dp);
    return s->v * p6 * p35;
}

/* A source phrase that is a title alias and no mention ("the prime
 * minister said"): found before the pronouns are resolved, so that it
 * counts in the salience of the person it names like a named subject. */
/* the least salience of the person a description stands for: a
 * subject's weight (3) after two sentences (0.36) and a paragraph (0.35) */
#define NEAR_SALIENCE 0.35

typedef struct title_source {
    uint32_t a, b; /* its tokens */
    int32_t e;     /* the entity */
    uint32_t q;    /* the quote it is the source of, or UINT32_MAX */
    double w;      /* its weight in salience: a subject's, or an object's */
    uint8_t gender; /* a possessive pronoun's ("his", "her"), e being -1 until resolved */
    uint8_t anon;   /* the gender of an unnamed speaker ("a spokeswoman for the ministry"), e -1 */
    bool near;      /* a description (epithet_source()): only someone named close before */
} title_source;

/* A mention or title source of entity e raises its salience by w and puts
 * it first among the recent ones. */
static void touch(sal_t *sal, int32_t *recent, size_t *n_recent, int32_t e, double w, uint32_t nsent,
                  uint32_t npara)
{
    sal_t *S = &sal[e];
    S->v = salience(S, nsent, npara) + w;
    S->sent = nsent;
    S->para = npara;
    /* move to the front of the recent list */
    size_t r = 0;
    while (r < *n_recent && recent[r] != e)
        r++;
    if (r == *n_recent && *n_recent < RECENT)
        (*n_recent)++;
    if (r == RECENT)
        r = RECENT - 1;
    memmove(recent + 1, recent, r * sizeof *recent);
    recent[0] = e;
}

/* An unnamed speaker whose sex the phrase does not tell ("a parent") */
enum { ANON_ANY = 0x10 };

/* The gender of an unnamed person's phrase [a, b) by its head noun, the
 * last word before any preposition: "a spokeswoman for the ministry",
 * "the congressman", "one woman"; 0 when it has none. */
static uint8_t nominal_gender(const ectx *c, uint32_t a, uint32_t b)
{
    uint32_t h = a;
    for (uint32_t k = a; k < b && c->T[k].kind == T_WORD && !(c->T[k].lex & LX_WL_PREP); k++)
        h = k;
    const tok *t = &c->T[h];
    if (t->kind != T_WORD || (t->flags & F_CAP) || t->len < 3)
        return G_UNKNOWN;
    /* only an indefinite one, or "the woman": "the billionaire
     * businessman", "his brother" point back to someone named */
    const tok *d0 = &c->T[a];
    bool indefinite = low_is(d0, "a") || low_is(d0, "an") || low_is(d0, "one") || low_is(d0, "another");
    if (!indefinite && !(h == a + 1 && low_is(d0, "the") && (low_is(t, "woman") || low_is(t, "man"))))
        return G_UNKNOWN;
    const char *w = t->low;
    size_t l = t->len;
    if (l >= 5 && ws_streq(w + l - 5, "woman"))
        return G_FEMALE;
    if (ws_streq(w + l - 3, "man") && !ws_streq(w, "human"))
        return G_MALE;
    if (t->lex & (LX_FEMALE | LX_MALE))
        return t->lex & LX_FEMALE ? G_FEMALE : G_MALE;
    /* "Another parent, who asked not to be named, said": someone new of
     * either sex, whom the next "he" or "she" may stand for */
    /* (the sentence's own speaker: it opens the sentence or follows the
     * quotation, not "when a reporter asked if …, he said") */
    if (indefinite && (t->lex & LX_ROLE) && !(t->lex & LX_ORGWORD) && w[l - 1] != 's' &&
        ((d0->flags & F_SENT_START) || (a > 0 && (c->T[a - 1].kind == T_QUOTE || tok_punct(c->d, a - 1, ',')))))
        return ANON_ANY;
    return G_UNKNOWN;
}

/* The person a "he" or "she" (gender g) stands for: the most salient of the
 * recent people of that gender or of none known, or -1. */
static int32_t pronoun_referent(const ws_doc *d, const sal_t *sal, const int32_t *recent, size_t n_recent,
                                uint8_t g, uint32_t nsent, uint32_t npara, const int32_t *not, size_t n_not)
{
    int32_t best = -1;
    double bs = g == G_UNKNOWN ? 0.01 : 0.05; /* an epithet always points back */
    for (size_t r = 0; r < n_recent; r++) {
        int32_t e = recent[r];
        uint8_t eg = d->ents.v[e].gender;
        if (!d->ents.v[e].person)
            continue;
        bool excluded = false;
        for (size_t x = 0; x < n_not && !excluded; x++)
            excluded = not[x] == e;
        if (excluded)
            continue;
        if (eg != G_UNKNOWN && g != G_UNKNOWN && eg != g)
            continue; /* (G_UNKNOWN: "the 27-year-old", anyone) */
        /* (the agreement of a known gender counts; an epithet's unknown one
         * ("the Harwick Democrat") favours no one whose gender is unknown) */
        double sc = salience(&sal[e], nsent, npara) * (eg == g && g != G_UNKNOWN ? 1.25 : 1.0);
        if (sc > bs || (sc == bs && best >= 0 && e < best)) {
            bs = sc;
            best = e;
        }
    }
    return best;
}

/* The entities of the name mentions inside quote q's content (up to cap,
 * in *out). Mentions are in text order and the content is beside mi, its
 * source: the walk goes out from mi to the content's ends, 64 mentions at
 * most each way. */
static size_t content_people(const ws_doc *d, int32_t q, size_t mi, int32_t *out, size_t cap)
{
    if (q < 0 || !d->quotes.v[q].content.n)
        return 0;
    const quote *Q = &d->quotes.v[q];
    size_t lo = Q->content.v[0].start, hi = Q->content.v[Q->content.n - 1].end, n = 0;
    size_t j0 = mi, j1 = mi + 1;
    while (j0 > 0 && mi - j0 < 64 && d->toks.v[d->ments.v[j0 - 1].t0].start >= lo)
        j0--;
    while (j1 < d->ments.n && j1 - mi < 64 && d->toks.v[d->ments.v[j1].t0].start < hi)
        j1++;
    for (size_t j = j0; j < j1 && n < cap; j++) {
        const mention *m = &d->ments.v[j];
        size_t at = d->toks.v[m->t0].start;
        if (m->kind != M_NAME || m->entity < 0)
            continue;
        /* ("There will be a Keever at the wheel": a family's name with an
         * article is no one person) */
        if (m->t0 > 0 && low_is(&d->toks.v[m->t0 - 1], "a"))
            continue;
        for (size_t f = 0; f < Q->content.n; f++)
            if (at >= Q->content.v[f].start && at < Q->content.v[f].end) {
                out[n++] = m->entity;
                break;
            }
    }
    return n;
}

static void resolve_rest(ectx *c, title_source *ts, size_t nts)
{
    ws_doc *d = c->d;
    size_t ne = d->ents.n;
    /* the quote each mention is the source of, or -1 */
    size_t n_src = d->ments.n;
    int32_t *src_q = n_src ? ws_alloc_raw(&d->arena, n_src * sizeof *src_q) : NULL;
    for (size_t i = 0; src_q && i < d->ments.n; i++)
        src_q[i] = -1;
    for (size_t q = 0; src_q && q < d->quotes.n; q++)
        if (d->quotes.v[q].source >= 0 && (size_t)d->quotes.v[q].source < d->ments.n)
            src_q[d->quotes.v[q].source] = (int32_t)q;
    sal_t *sal = ne ? ws_alloc(&d->arena, ne * sizeof *sal) : NULL;
    int32_t recent[RECENT];
    size_t n_recent = 0;
    int32_t cur_sent = -1, cur_para = -1;
    uint32_t nsent = 0, npara = 0; /* sentence and paragraph changes so far */
    uint8_t anon_g = 0;            /* the gender of the last unnamed speaker, */
    uint32_t anon_sent = 0;        /* and its sentence; a person named of that gender clears it */
    size_t next = 0;               /* the next title source */
    for (size_t i = 0; i < d->ments.n || next < nts;) {
        /* mentions and title sources in text order */
        bool title = next < nts && (i == d->ments.n || ts[next].a < d->ments.v[i].t0);
        mention *m = title ? NULL : &d->ments.v[i];
        const tok *t = &c->T[title ? ts[next].a : m->t0];
        if (t->sent != cur_sent) {
            if (cur_sent >= 0) {
                nsent++;
                npara += t->para != cur_para;
            }
            cur_sent = t->sent;
            cur_para = t->para;
        }
        if (title) {
            if (ts[next].anon) {
                anon_g = ts[next].anon;
                anon_sent = nsent;
                next++;
                continue;
            }
            /* "Her message to investors: …": a possessive pronoun as the
             * source, resolved where it stands */
            if (ts[next].e < 0) {
                int32_t e = pronoun_referent(d, sal, recent, n_recent, ts[next].gender, nsent, npara, NULL, 0);
                /* (a description: someone who was the subject a sentence or
                 * two before, in the paragraph or the one before) */
                ts[next].e = ts[next].near && e >= 0 && salience(&sal[e], nsent, npara) < NEAR_SALIENCE ? -1 : e;
            }
            if (ts[next].e >= 0)
                touch(sal, recent, &n_recent, ts[next].e, ts[next].w, nsent, npara);
            next++;
            continue;
        }
        i++;
        if (m->kind == M_TITLE && m->entity < 0) {
            char *key = title_key(c, m->t0, m->t1);
            if (key)
                m->entity = alias_lookup(c, key);
            /* ("Minister X spoke. The Minister also revealed that Chief
             * Minister Y …": one named before) */
            if (key && m->entity >= 0 && !named_before(c, m->entity, m->t0, i - 1)) {
                int32_t n = alias_nearest(c, key, m->t0, i - 1, false);
                if (n >= 0)
                    m->entity = n;
            }
        } else if (m->kind == M_PRONOUN && m->entity < 0 && t->quote < 0 &&
                   (m->gender == G_MALE || m->gender == G_FEMALE)) {
            /* "A spokeswoman for the ministry said …. She said …": she is
             * the unnamed speaker of the sentence before, no one named */
            if ((anon_g == m->gender || anon_g == ANON_ANY) && nsent <= anon_sent + 1 && m->subject)
                continue;
            /* the speaker of a quotation is none of the people named in
             * what it says: "Quorra had "built its business on our
             * engineering," he said" (he is not Quorra) */
            int32_t not[8];
            size_t n_not = src_q && i - 1 < n_src ? content_people(d, src_q[i - 1], i - 1, not, 8) : 0;
            int32_t best = pronoun_referent(d, sal, recent, n_recent, m->gender, nsent, npara, not, n_not);
            m->entity = best;
            /* (and "Nuala Keane said she would …": named in the same sentence) */
            if (best >= 0 && d->ents.v[best].gender == G_UNKNOWN && (m->subject || sal[best].sent == nsent))
                d->ents.v[best].gender = m->gender;
        }
        if (m->entity >= 0 && (size_t)m->entity < ne) {
            double w = m->subject ? 3.0 : 1.0;
            /* (a photo credit, "Neilson Barnard via Getty Images", is no
             * one the story goes on about) */
            if (m->dead || (m->t1 < d->toks.n && low_is(&c->T[m->t1], "via")) ||
                (m->t0 > 0 && low_is(&c->T[m->t0 - 1], "via")))
                w = 0.02;
            else if (t->quote >= 0)
                w = 0.3;
            /* a name at the start of its sentence is its subject; one after a
             * preposition ("criticism from Gov. Mercer") is not */
            /* ... and so is a name right before a verb, after a lead-in or
             * an apposition: "Later, Gloria Mendez hugged …", "Her
             * neighbour, Gloria Mendez, disagreed" */
            else if (!m->subject && m->kind == M_NAME && m->t1 + 1 < d->toks.n &&
                     (m->t0 <= d->sents.v[t->sent].t0 + 4 || fronted_clause_before(c, m)) &&
                     (ws_verb_like(&c->T[m->t1]) || (c->T[m->t1].lex & LX_MEET) ||
                      (tok_punct(d, m->t1, ',') && m->t0 > 0 && tok_punct(d, m->t0 - 1, ',') &&
                       ws_verb_like(&c->T[m->t1 + 1])) ||
                      /* ("Ivanka Trump, 34, could be …": an age between) */
                      (tok_punct(d, m->t1, ',') && m->t1 + 3 < d->toks.n && c->T[m->t1 + 1].kind == T_NUM &&
                       tok_punct(d, m->t1 + 2, ',') && ws_verb_like(&c->T[m->t1 + 3]))) &&
                     !(c->T[m->t1].lex & LX_WL_SUBJECT) && !after_preposition(c, m))
                w = 3.0;
            else if (!m->subject && (t->flags & F_SENT_START))
                w = 2.0;
            else if (!m->subject && m->kind != M_PRONOUN && after_preposition(c, m))
                w = 0.3;
            if (tok_possessive(&c->T[m->t1 - 1]))
                w *= 0.5;
            if (anon_g && m->kind == M_NAME && (d->ents.v[m->entity].gender == anon_g || anon_g == ANON_ANY))
                anon_g = 0;
            touch(sal, recent, &n_recent, m->entity, w, nsent, npara);
        }
    }
}

/* A word that describes a person without being part of a title: "the
 * veteran pilot", "the retired machinist", "the 34-year-old widow" */
static bool epithet_word(const tok *t)
{
    static const char *const words_[] = {"veteran", "retired",   "longtime", "long-time", "young",
                                         "elderly", "grieving",  "injured",  "seasoned",  "experienced",
                                         "devoted", "heartbroken", "distraught", "proud",  "local"};
    if (t->kind != T_WORD || (t->flags & F_CAP))
        return false;
    for (size_t i = 0; i < sizeof words_ / sizeof *words_; i++)
        if (ws_streq(t->low, words_[i]))
            return true;
    /* "34-year-old" */
    return t->len > 9 && ws_streq(t->low + t->len - 9, "-year-old");
}

static int32_t alias_lookup(ectx *c, const char *key);

/* "the mother of three", "the veteran pilot", "the retired machinist said":
 * a role or title the article gave someone, with words that only describe
 * them, stands for that person: the role alone is looked up. */
static int32_t described_entity(ectx *c, uint32_t a, uint32_t b)
{
    uint32_t b2 = b;
    if (b2 >= a + 4 && low_is(&c->T[b2 - 2], "of") &&
        (c->T[b2 - 1].kind == T_NUM || low_is(&c->T[b2 - 1], "two") || low_is(&c->T[b2 - 1], "three") ||
         low_is(&c->T[b2 - 1], "four") || low_is(&c->T[b2 - 1], "five") || low_is(&c->T[b2 - 1], "six")))
        b2 -= 2;
    uint32_t a2 = a;
    if (a2 < b2 && low_is(&c->T[a2], "the"))
        a2++;
    while (a2 + 1 < b2 && epithet_word(&c->T[a2]))
        a2++;
    if ((a2 == a || (a2 == a + 1 && low_is(&c->T[a], "the"))) && b2 == b)
        return -1;
    if (a2 + 1 != b2 || !(c->T[a2].lex & (LX_TITLE | LX_ROLE)) || (c->T[a2].flags & F_CAP))
        return -1;
    char *key = title_key(c, a2, b2);
    return key ? alias_lookup(c, key) : -1;
}

/* The entity a title phrase [a, b) without a mention stands for ("the
 * secretary general", "the minister", "the Greek leader"), or -1. Mentions
 * [0, nm) are in text order. */
static int32_t title_entity(ectx *c, uint32_t a, uint32_t b, size_t nm)
{
    /* "An Israeli official", "a candidate": someone not named before */
    if (a < b && (low_is(&c->T[a], "a") || low_is(&c->T[a], "an") || low_is(&c->T[a], "another") ||
                  low_is(&c->T[a], "one")))
        return -1;
    char *key = title_key(c, a, b);
    if (!key)
        return -1;
    int32_t e = alias_lookup(c, key);
    if (e >= 0 && ws_map_get(&c->alias_shared, key) >= 0) {
        int32_t n = alias_nearest_ex(c, key, a, nm, false, true);
        if (n >= 0)
            e = n;
    }
    if (e < 0 && ws_map_get(&c->alias_suffix, key) == -2)
        e = alias_nearest(c, key, a, nm, false);
    /* "Health Commissioner Victor Amundsen said …. "…," the commissioner
     * said. Commissioner Luther Haines said …": not someone named only
     * after it, when another with the title was named before */
    if (e >= 0 && !named_before(c, e, a, nm)) {
        int32_t n = alias_nearest(c, key, a, nm, false);
        if (n >= 0)
            e = n;
    }
    /* "the Greek leader", "the German chancellor": the person last named
     * with that nationality in a title */
    if (e < 0 && b - a <= 4) {
        for (uint32_t k = a; k < b && e < 0; k++)
            if (c->T[k].lex & LX_DEMONYM)
                e = alias_nearest(c, c->T[k].low, a, nm, true);
    }
    if (e < 0)
        e = described_entity(c, a, b);
    return e;
}

/* A word of a title phrase: no mention, no punctuation, no preposition, no
 * day ("the minister on Monday") */
static bool title_word(const ectx *c, uint32_t k)
{
    const tok *t = &c->T[k];
    return t->kind == T_WORD && c->d->ment_at[k] < 0 &&
           !(t->lex & (LX_WL_PREP | LX_WEEKDAY | LX_AUX | LX_CUE | LX_CUE_ING));
}

/* "The minister (has) met", "the president held talks": "the" and up to
 * four words before the word of meeting k (or before its auxiliary or
 * "held"), from the sentence start s0. */
static bool meet_subject(const ectx *c, uint32_t s0, uint32_t k, uint32_t *a, uint32_t *b)
{
    uint32_t e = k;
    /* "the minister held (official) talks with …" */
    if (e > s0 + 1 && c->T[e - 1].kind == T_WORD && !(c->T[e - 1].flags & F_CAP) &&
        !(c->T[e - 1].lex & (LX_DET | LX_AUX | LX_WL_PREP)) &&
        (low_is(&c->T[e - 2], "held") || low_is(&c->T[e - 2], "holds")))
        e--;
    if (e > s0 && (low_is(&c->T[e - 1], "held") || low_is(&c->T[e - 1], "holds")))
        e--;
    if (e > s0 && (c->T[e - 1].lex & LX_AUX))
        e--;
    uint32_t j = e;
    while (j > s0 && e - j < 4 && title_word(c, j - 1) && (!(c->T[j - 1].lex & LX_DET) || j == e))
        j--;
    if (j == e || j == s0 || !low_is(&c->T[j - 1], "the"))
        return false;
    *a = j - 1;
    *b = e;
    return true;
}

/* "met (with) the prime minister": "the" and up to four words after it,
 * within the sentence ending at s1. */
static bool meet_object(const ectx *c, uint32_t k, uint32_t s1, uint32_t *a, uint32_t *b)
{
    uint32_t j = k + 1;
    if (j < s1 && (low_is(&c->T[j], "with") || low_is(&c->T[j], "between")))
        j++;
    if (j + 1 >= s1 || !low_is(&c->T[j], "the"))
        return false;
    uint32_t e = j + 1;
    while (e < s1 && e - j <= 4 && title_word(c, e) && !(c->T[e].lex & LX_DET))
        e++;
    /* "the president of Mexico" is not "the president" */
    if (e == j + 1 || (e < s1 && low_is(&c->T[e], "of")))
        return false;
    *a = j;
    *b = e;
    return true;
}

static int cmp_title_source(const void *x, const void *y)
{
    const title_source *a = x, *b = y;
    return a->a != b->a ? (a->a > b->a) - (a->a < b->a) : (a->q > b->q) - (a->q < b->q);
}

static int cmp_span(const void *a, const void *b)
{
    const ws_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

/* The tokens [a, b) of a quote's source span, looked for near its cue. */
static bool source_tokens(const ws_doc *d, const quote *q, uint32_t *a, uint32_t *b)
{
    /* (searched from the cue, beside which the source stands, however long
     * its apposition or relative clause) */
    uint32_t n = (uint32_t)d->toks.n;
    if (q->src_span.end <= q->src_span.start)
        return false;
    uint32_t x = ws_tok_search(d->toks.v, n, 0, q->cue0, q->src_span.start, false);
    uint32_t y = ws_tok_search(d->toks.v, n, 0, q->cue0, q->src_span.end - 1, true);
    if (x >= n || y >= n || d->toks.v[x].start != q->src_span.start || d->toks.v[y].end != q->src_span.end || y < x)
        return false;
    *a = x;
    *b = y + 1;
    return true;
}

/* "the Vermont senator", "the Florida senator": a title that a place's
 * name qualifies, after "the", stands for the person last named with both
 * in a title ("Vermont Sen. Bernie Marsh"); -1 when none. */
static int32_t qualified_title_entity(ectx *c, uint32_t a, uint32_t b, size_t nm)
{
    if (b < a + 3 || !low_is(&c->T[a], "the"))
        return -1;
    uint32_t t = b - 1; /* the title word ends the phrase */
    const tok *h = &c->T[t];
    if (h->kind != T_WORD || ((h->flags & F_CAP) && !(h->flags & F_ALLCAP)) || !(h->lex & (LX_TITLE | LX_ROLE)) ||
        (h->lex & LX_ORGWORD) ||
        (!(h->lex & LX_TITLE) && h->len > 1 && h->low[h->len - 1] == 's'))
        return -1;
    for (uint32_t k = a + 1; k < t; k++)
        if (c->T[k].kind != T_WORD || !(c->T[k].flags & F_CAP))
            return -1;
    if (t > a + 3)
        return -1;
    /* the title as written before a name: "Sen.", "Gov.", "Rep." */
    const char *h2 = h->low;
    for (size_t x = 0; x < N_TITLE_ABBREVS; x++)
        if (ws_streq(h->low, title_abbrevs[x][1]) && strchr(title_abbrevs[x][0], '.'))
            h2 = title_abbrevs[x][0];
    const char *q = c->T[t - 1].low; /* "york" in "the New York businessman" */
    size_t lo = first_mention_at(c, a, nm);
    for (size_t i = lo, steps = 0; i > 0 && steps < NEAREST_REACH; i--, steps++) {
        int32_t e = c->d->ments.v[i - 1].entity;
        if (e >= 0 && title_has_word(&c->d->ents.v[e], q) &&
            (title_has_word(&c->d->ents.v[e], h->low) || title_has_word(&c->d->ents.v[e], h2)))
            return e;
    }
    /* "Local MP Sandra Oyelaran … The Labour MP said": a party the article
     * gave no one qualifies the nearest one with the title (one party word) */
    if (t == a + 2 && ws_party_label(&c->T[t - 1]))
        for (size_t i = lo, steps = 0; i > 0 && steps < NEAREST_REACH; i--, steps++) {
            int32_t e = c->d->ments.v[i - 1].entity;
            if (e >= 0 && (title_has_word(&c->d->ents.v[e], h->low) || title_has_word(&c->d->ents.v[e], h2)))
                return e;
        }
    return -1;
}

/* The source phrase ending before token b has a place's name m after a
 * determiner and before a title: "the Vermont senator", "the New York
 * businessman". */
static bool place_qualified_title(const ectx *c, const mention *m, uint32_t b)
{
    if ((m->kind != M_NAME && m->kind != M_ORG) || m->title || m->t0 == 0 || m->n1 > m->n0 + 2 || m->t1 >= b ||
        !(c->T[m->t0 - 1].lex & LX_DET))
        return false;
    const tok *t = &c->T[m->t1];
    return t->kind == T_WORD && !(t->flags & F_CAP) && (t->lex & (LX_TITLE | LX_ROLE)) && !(t->lex & LX_ORGWORD);
}

/* The first role word of [a, b) is a plural: "supporters of X" */
static bool plural_role(const ectx *c, uint32_t a, uint32_t b)
{
    for (uint32_t r = a; r < b && r < a + 4; r++)
        if (c->T[r].kind == T_WORD && (c->T[r].lex & LX_ROLE))
            return c->T[r].len > 3 && c->T[r].low[c->T[r].len - 1] == 's';
    return false;
}

/* "A spokesman for Senator Ruth Ames", "a senior adviser to X": the source
 * phrase [a, b) opens with a role before a preposition, so the name at
 * token m0 after it is someone else than the speaker */
static bool role_before_prep(const ectx *c, uint32_t a, uint32_t b, uint32_t m0)
{
    uint32_t r = a < b && (c->T[a].lex & LX_DET) ? a + 1 : a;
    while (r < b && r < a + 3 && c->T[r].kind == T_WORD && !(c->T[r].flags & F_CAP) &&
           !(c->T[r].lex & (LX_ROLE | LX_TITLE | LX_WL_PREP)))
        r++;
    /* (not a title: "former secretary of state Hillary Clinton"; nor an
     * example of the role: "experts like Paul Bauman"; capitalised only
     * as it opens the sentence: "Analysts at Brenner Capital wrote") */
    return r + 1 < b && m0 > r + 1 && c->T[r].kind == T_WORD && (c->T[r].lex & LX_ROLE) &&
           !((c->T[r].lex & LX_TITLE) && low_is(&c->T[r + 1], "of")) &&
           (!(c->T[r].flags & F_CAP) || ((c->T[r].flags & F_SENT_START) && !(c->T[r].lex & LX_TITLE))) &&
           c->d->ment_at[r] < 0 &&
           (c->T[r + 1].lex & LX_WL_PREP) && !(c->T[r + 1].flags & F_CAP) && !low_is(&c->T[r + 1], "like") &&
           !low_is(&c->T[r + 1], "including");
}

/* "Sanders, who has said …", "Lina Park, a councillor who opposes …": the
 * person a relative "who" at token k stands for, the name just before it
 * or before the apposition it ends; -1 when none. */
static int32_t who_antecedent(const ectx *c, uint32_t k)
{
    const ws_doc *d = c->d;
    uint32_t j = k;
    if (j > 0 && tok_punct(d, j - 1, ','))
        j--;
    for (int pass = 0; pass < 2 && j > 0; pass++) {
        /* "Sen. Claire McCaskill (D-Mo.), who": a party tag after the name */
        if (tok_punct(d, j - 1, ')')) {
            uint32_t x = j - 1;
            while (x > 0 && j - x < 8 && !tok_punct(d, x - 1, '('))
                x--;
            if (x > 1 && tok_punct(d, x - 1, '('))
                j = x - 1;
        }
        int32_t m = d->ment_at[j - 1];
        if (m >= 0 && d->ments.v[m].t1 == j && d->ments.v[m].entity >= 0 && d->ments.v[m].kind != M_ORG &&
            d->ments.v[m].kind != M_PRONOUN)
            return d->ments.v[m].entity;
        /* back over the apposition's words to its comma */
        uint32_t x = j;
        while (x > 0 && j - x < 8 && c->T[x - 1].kind == T_WORD &&
               (d->ment_at[x - 1] < 0 || d->ments.v[d->ment_at[x - 1]].kind == M_ORG))
            x--; /* "a former Fed governor who" */
        if (x == j || x == 0 || !tok_punct(d, x - 1, ','))
            break;
        j = x - 1;
    }
    return -1;
}

/* "the 27-year-old" with no age given earlier: an epithet for someone
 * already named, the most salient person (resolved like a pronoun). */
static bool age_epithet(const ectx *c, uint32_t a, uint32_t b)
{
    if (b != a + 2 || !low_is(&c->T[a], "the") || !(c->T[a + 1].flags & F_HAS_DIGIT))
        return false;
    const char *w = c->T[a + 1].low;
    size_t l = c->T[a + 1].len;
    return l > 9 && ws_streq(w + l - 9, "-year-old");
}

/* "The witness said", "the former prosecutor insisted", "the first-term MP
 * added": a definite description the article gave no one, the source of a
 * quotation, for someone just named (resolved like a pronoun, but only to
 * a person named close before). Not a functionary who is seldom the one
 * just named ("the spokesman", "the official"). The gender its head word
 * says, else G_UNKNOWN, in *g. */
static bool epithet_source(const ectx *c, uint32_t a, uint32_t b, uint8_t *g)
{
    /* (and the performers, whom the lexicon also lists as titles: "Actor X
     * …. the actor said" is X even when no title was given) */
    static const char *const extra[] = {"incumbent", "challenger", "schoolteacher", "accused", "mp",
                                        "democrat",  "republican", "lawmaker",    "newcomer", "veteran",
                                        "actor",     "actress",    "singer",      "rapper",   "comedian",
                                        "musician",  "songwriter", "star"};
    static const char *const generic[] = {"spokesman", "spokeswoman", "spokesperson", "official", "source",
                                          "aide", "adviser", "advisor", "representative", "staffer",
                                          "employee", "victim", "police", "resident", "reporter",
                                          "journalist", "person", "people", "group", "statement", "letter",
                                          "man", "woman", "men", "women", "family", "study", "survey"};
    *g = G_UNKNOWN;
    if (b < a + 2 || b > a + 6 || !low_is(&c->T[a], "the"))
        return false;
    const tok *h = &c->T[b - 1];
    /* ("the Harwick Democrat": a place before a party's member) */
    bool party = ws_party_label(h);
    for (uint32_t k = a + 1; k + 1 < b; k++) {
        const tok *t = &c->T[k];
        if (t->kind != T_WORD || (t->lex & (LX_WL_PREP | LX_DET | LX_CUE | LX_AUX | LX_WL_CLAUSE)) ||
            ((t->flags & F_CAP) && !(t->lex & LX_DEMONYM) && !(t->flags & F_SENT_START) && !party) ||
            tok_possessive(t))
            if (!(k == a + 1 && low_is(t, "former")))
                return false;
    }
    if (h->kind != T_WORD || ((h->flags & F_CAP) && !party) || (h->lex & LX_ORGWORD) || h->len < 2)
        return false;
    for (size_t i = 0; i < sizeof generic / sizeof *generic; i++)
        if (ws_streq(h->low, generic[i]))
            return false;
    /* (one person: not a plural, though "witness" ends in s) */
    /* a role ("the witness", "the engineer"); a title only when "former"
     * ("the former health minister"): the title alone the article gave no
     * one ("the judge") is someone it has not named */
    /* (or a title to come, which the article seldom gave before: "the
     * president-elect") */
    bool former = (b > a + 2 && low_is(&c->T[a + 1], "former")) ||
                  (h->len > 6 && (ws_streq(h->low + h->len - 6, "-elect") ||
                                  (h->len > 11 && ws_streq(h->low + h->len - 11, "-designate"))));
    bool person = (h->lex & (former ? LX_ROLE | LX_TITLE : LX_ROLE)) && (former || !(h->lex & LX_TITLE)) &&
                  (h->low[h->len - 1] != 's' || h->low[h->len - 2] == 's');
    for (size_t i = 0; i < sizeof extra / sizeof *extra && !person; i++)
        person = ws_streq(h->low, extra[i]);
    if (!person)
        return false;
    /* "A judge in Ohio ruled … The judge said", "an American witness …
     * The witness said": someone the article introduced without a name
     * (within the 400 tokens before) */
    /* (not an apposition or a predicate: "Pryce, a four-term Democrat,",
     * "she is a nurse") */
    for (uint32_t j = a > 400 ? a - 400 : 1; j < a; j++)
        if ((low_is(&c->T[j], "a") || low_is(&c->T[j], "an") || low_is(&c->T[j], "one")) &&
            !tok_punct(c->d, j - 1, ',') && !(c->T[j - 1].lex2 & LX2_BE) && !low_is(&c->T[j - 1], "as") &&
            !low_is(&c->T[j - 1], "is"))
            for (uint32_t x = j + 1; x < a && x < j + 5 && c->T[x].kind == T_WORD; x++)
                if (c->T[x].hash == h->hash && ws_streq(c->T[x].low, h->low))
                    return false;
    size_t l = h->len;
    if ((l >= 5 && ws_streq(h->low + l - 5, "woman")) || ws_streq(h->low, "actress"))
        *g = G_FEMALE;
    else if (l >= 3 && ws_streq(h->low + l - 3, "man"))
        *g = G_MALE;
    else if (h->lex & (LX_FEMALE | LX_MALE))
        *g = h->lex & LX_FEMALE ? G_FEMALE : G_MALE;
    return true;
}

/* "Stefan Kolb, 52, …" then "the 52-year-old said": an age in commas after
 * a person's name makes "N-year-old" (and for 13 to 19, "teenager") an
 * alias of that person. */
static void ages(ectx *c)
{
    ws_doc *d = c->d;
    for (size_t i = 0; i < d->ments.n; i++) {
        const mention *m = &d->ments.v[i];
        uint32_t k = m->t1;
        if (m->kind != M_NAME || m->entity < 0 || k + 2 >= d->toks.n || !tok_punct(d, k, ',') ||
            c->T[k + 1].kind != T_NUM || c->T[k + 1].len > 3 || !tok_punct(d, k + 2, ','))
            continue;
        int age = atoi(c->T[k + 1].low);
        if (age < 2 || age > 119)
            continue;
        char key[24];
        snprintf(key, sizeof key, "%d-year-old", age);
        add_title(c, m->entity, NULL, ws_strndup(&d->arena, key, strlen(key)));
        if (age >= 13 && age <= 19)
            add_title(c, m->entity, NULL, "teenager");
    }
}

/* An interview's labels in initials ("GM: Why open with new music?" for
 * Gideon Marsh, "ROT:" for Rafaela Okonkwo-Thorne): a lone word in
 * capitals, of two to four letters, opening its paragraph before a colon,
 * is the person of those initials (one only) */
static void initials_labels(ectx *c)
{
    ws_doc *d = c->d;
    const tok *T = c->T;
    ws_map init = {0}; /* initials -> entity, -2 for two people */
    bool any = false;
    for (size_t i = 0; i < d->ments.n && !any; i++) {
        const mention *m = &d->ments.v[i];
        any = m->kind == M_NAME && m->n1 == m->n0 + 1 && (T[m->n0].flags & F_ALLCAP) && T[m->n0].len >= 2 &&
              T[m->n0].len <= 4 && (T[m->n0].flags & F_PARA_START) && tok_punct(d, m->n1, ':');
    }
    if (!any)
        return;
    for (size_t i = 0; i < d->ments.n; i++) {
        const mention *m = &d->ments.v[i];
        if (m->kind != M_NAME || m->entity < 0 || m->n1 < m->n0 + 2 || m->n1 - m->n0 > 4)
            continue;
        char key[12];
        size_t n = 0;
        for (uint32_t k = m->n0; k < m->n1 && n + 3 < sizeof key; k++) {
            const char *w = T[k].low;
            key[n++] = w[0];
            /* (each part of a double-barrelled name: "Okonkwo-Thorne") */
            for (const char *h = strchr(w, '-'); h && h[1] && n + 2 < sizeof key; h = strchr(h + 1, '-'))
                key[n++] = h[1];
        }
        key[n] = 0;
        int32_t had = ws_map_get(&init, key);
        if (had == -1)
            ws_map_put(&d->arena, &init, ws_strndup(&d->arena, key, n), m->entity, false);
        else if (had != m->entity)
            ws_map_put(&d->arena, &init, ws_strndup(&d->arena, key, n), -2, true);
    }
    for (size_t i = 0; i < d->ments.n; i++) {
        mention *m = &d->ments.v[i];
        if (m->kind != M_NAME || m->n1 != m->n0 + 1 || !(T[m->n0].flags & F_ALLCAP) || T[m->n0].len < 2 ||
            T[m->n0].len > 4 || !(T[m->n0].flags & F_PARA_START) || !tok_punct(d, m->n1, ':'))
            continue;
        int32_t e = ws_map_get(&init, T[m->n0].low);
        if (e >= 0)
            m->entity = e;
    }
}

void ws_entities_resolve(ws_doc *d)
{
    ectx c = {.d = d, .T = d->toks.v, .iv_first = -1, .iv_subject = -1};
    cluster_names(&c);
    initials_labels(&c);
    titles_before(&c);
    ages(&c);
    /* a source phrase without a person mention may still be a title alias:
     * "the secretary general said" */
    size_t nm = d->ments.n;
    VEC(title_source) ts = {0};
    /* each quote's source tokens, found once for the two passes over the
     * quotes below (sa[i] == sb[i]: none) */
    uint32_t *sa = ws_alloc(&d->arena, (d->quotes.n + 1) * sizeof *sa);
    uint32_t *sb = ws_alloc(&d->arena, (d->quotes.n + 1) * sizeof *sb);
    for (size_t i = 0; i < d->quotes.n; i++) {
        quote *q = &d->quotes.v[i];
        uint32_t a, b;
        sa[i] = sb[i] = 0;
        if (!q->has_src_span || !source_tokens(d, q, &a, &b))
            continue;
        sa[i] = a;
        sb[i] = b;
        /* (the phrase's head, before an apposition or a relative clause:
         * "An Israeli official, speaking … to discuss the prime minister's
         * schedule," is no alias of the prime minister) */
        for (uint32_t x = a + 1; x + 1 < b; x++)
            if (tok_punct(d, x, ',')) {
                b = x;
                break;
            }
        /* (a name after the head's comma is no one the role is "for": "a
         * spokesman for the army, who identified himself only as Abu Selim,") */
        /* (but "supporters of her opponent, Sen. Bernie Sanders": a plural
         * role is no one person) */
        if (q->source >= 0 && (d->ments.v[q->source].t0 < b || plural_role(&c, a, b)) &&
            role_before_prep(&c, a, b, d->ments.v[q->source].t0)) {
            q->source = -1;
            /* ("a spokeswoman for X said …. She pointed to …": she is the
             * spokeswoman, no one named) */
            uint8_t g = nominal_gender(&c, a, b);
            if (g) {
                title_source x = {.a = a, .b = b, .e = -1, .q = UINT32_MAX, .anon = g};
                VPUSH(&d->arena, ts, x);
            }
            continue;
        }
        if (q->source >= 0) {
            /* "the Vermont senator said": a place before a title qualifies
             * it; the phrase is an alias of the senator, not a person
             * called Vermont */
            mention *m = &d->ments.v[q->source];
            /* "the chief executive of Nordbank said": a title and the body
             * it is of; the title is the alias */
            uint32_t tb = b;
            if ((m->kind == M_ORG || m->kind == M_NAME) && m->t0 >= a + 3 && tok_is(d, m->t0 - 1, "of") &&
                (c.T[a].lex & LX_DET) && (c.T[m->t0 - 2].lex & LX_TITLE) && !(c.T[m->t0 - 2].flags & F_CAP))
                tb = m->t0 - 1;
            else if (!place_qualified_title(&c, m, b)) {
                /* "The Harwick Democrat said": a description the article
                 * gave no one (mentions.c makes it a title) */
                uint8_t eg;
                /* ("The Labour MP said": a party before the title) */
                int32_t qe = (m->kind == M_TITLE && m->entity < 0) ||
                                     (m->kind == M_NAME && m->n1 == m->n0 + 1 && ws_party_label(&c.T[m->n0]))
                                 ? qualified_title_entity(&c, a, b, nm)
                                 : -1;
                if (qe >= 0) {
                    q->source = -1;
                    title_source x = {.a = a, .b = b, .e = qe, .q = (uint32_t)i, .w = 3.0};
                    VPUSH(&d->arena, ts, x);
                } else if (m->kind == M_TITLE && m->entity < 0 && title_entity(&c, a, b, nm) < 0 &&
                    epithet_source(&c, a, b, &eg)) {
                    q->source = -1;
                    title_source x = {.a = a, .b = b, .e = -1, .q = (uint32_t)i, .w = 3.0, .gender = eg, .near = true};
                    VPUSH(&d->arena, ts, x);
                }
                continue;
            }
            int32_t e = title_entity(&c, a, tb, nm);
            if (e < 0)
                e = qualified_title_entity(&c, a, tb, nm);
            if (e >= 0 && e != m->entity) {
                m->entity = -1;
                q->source = -1;
                title_source x = {.a = a, .b = b, .e = e, .q = (uint32_t)i, .w = 3.0};
                VPUSH(&d->arena, ts, x);
            }
            continue;
        }
        int32_t e = title_entity(&c, a, b, nm);
        if (e < 0)
            e = qualified_title_entity(&c, a, b, nm);
        /* "A: …": an interview's answer is the interviewee's */
        if (e < 0 && b == a + 1 && (c.T[a].flags & F_PARA_START) && (c.T[a].flags & F_CAP) &&
            (low_is(&c.T[a], "a") || low_is(&c.T[a], "answer")) && tok_punct(d, b, ':'))
            e = interviewee(&c, nm, a);
        uint8_t g = b == a + 1 ? (low_is(&c.T[a], "his") || low_is(&c.T[a], "him") ? G_MALE : low_is(&c.T[a], "her") ? G_FEMALE : 0) : 0;
        uint8_t eg;
        if (e >= 0 || g || age_epithet(&c, a, b)) {
            title_source x = {.a = a, .b = b, .e = e, .q = (uint32_t)i, .w = 3.0, .gender = g};
            VPUSH(&d->arena, ts, x);
        } else if (epithet_source(&c, a, b, &eg)) {
            title_source x = {.a = a, .b = b, .e = -1, .q = (uint32_t)i, .w = 3.0, .gender = eg, .near = true};
            VPUSH(&d->arena, ts, x);
        } else if ((g = nominal_gender(&c, a, b)) != 0) {
            title_source x = {.a = a, .b = b, .e = -1, .q = UINT32_MAX, .anon = g};
            VPUSH(&d->arena, ts, x);
        }
    }
    /* "The minister met with Ferreira", "met with the prime minister": a
     * title alias beside a word of meeting is a participant (events.c) */
    for (size_t i = 0; i < d->meets.n; i++) {
        uint32_t k = d->meets.v[i], s0 = d->sents.v[c.T[k].sent].t0, s1 = d->sents.v[c.T[k].sent].t1;
        uint32_t a, b;
        if (c.T[k].quote >= 0)
            continue;
        for (int side = 0; side < 2; side++) {
            if (!(side ? meet_object(&c, k, s1, &a, &b) : meet_subject(&c, s0, k, &a, &b)))
                continue;
            int32_t e = title_entity(&c, a, b, nm);
            if (e >= 0) {
                title_source x = {.a = a, .b = b, .e = e, .q = UINT32_MAX, .w = side ? 1.0 : 3.0};
                VPUSH(&d->arena, ts, x);
            }
        }
    }
    if (ts.n > 1) {
        ws_sort(ts.v, ts.n, sizeof *ts.v, cmp_title_source);
        /* a meeting's participant that is a quote's source as well: once,
         * as the source (sorted first) */
        size_t n = 1;
        for (size_t i = 1; i < ts.n; i++)
            if (ts.v[i].a != ts.v[n - 1].a)
                ts.v[n++] = ts.v[i];
        ts.n = n;
    }
    /* "the Liberal leader": a party's label alone is no one a pronoun may
     * stand for (below, it resolves to no one either) */
    for (size_t i = 0; i < d->ments.n; i++) {
        mention *m = &d->ments.v[i];
        if (m->kind == M_NAME && m->n1 == m->n0 + 1 && ws_party_label(&c.T[m->n0]))
            m->entity = -1;
    }
    resolve_rest(&c, ts.v, ts.n);
    for (size_t i = 0; i < ts.n; i++) {
        if (ts.v[i].e < 0)
            continue; /* a possessive pronoun with no one to stand for */
        mention m = {.t0 = ts.v[i].a, .t1 = ts.v[i].b, .n0 = ts.v[i].b, .n1 = ts.v[i].b,
                     .kind = ts.v[i].gender ? M_PRONOUN : M_ROLE, .entity = ts.v[i].e, .subject = true};
        VPUSH(&d->arena, d->ments, m);
        if (ts.v[i].q != UINT32_MAX) {
            d->quotes.v[ts.v[i].q].source = (int32_t)d->ments.n - 1;
        } else {
            /* a meeting's participant: found by its tokens (events.c) */
            for (uint32_t k = ts.v[i].a; k < ts.v[i].b; k++)
                d->ment_at[k] = (int32_t)d->ments.n - 1;
        }
    }
    /* "the manager said … but warned …": a second quote with the same
     * source phrase (one title source each phrase, above) shares its
     * mention; ts is sorted by its first token */
    for (size_t i = 0; i < d->quotes.n && ts.n; i++) {
        quote *q = &d->quotes.v[i];
        if (q->source >= 0 || sa[i] >= sb[i])
            continue;
        size_t lo = 0, hi = ts.n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (ts.v[mid].a < sa[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < ts.n && ts.v[lo].a == sa[i] && ts.v[lo].b == sb[i] && ts.v[lo].e >= 0 &&
            ts.v[lo].q != UINT32_MAX && ts.v[lo].q != (uint32_t)i)
            q->source = d->quotes.v[ts.v[lo].q].source;
    }
    /* a relative "who" as the source stands for its antecedent */
    for (size_t i = 0; i < d->quotes.n; i++) {
        quote *q = &d->quotes.v[i];
        uint32_t a = sa[i], b = sb[i];
        if (q->source >= 0 || b != a + 1 || !low_is(&c.T[a], "who"))
            continue;
        int32_t e = who_antecedent(&c, a);
        if (e < 0)
            continue;
        mention m = {.t0 = a, .t1 = b, .n0 = b, .n1 = b, .kind = M_PRONOUN, .entity = e, .subject = true};
        VPUSH(&d->arena, d->ments, m);
        q->source = (int32_t)d->ments.n - 1;
    }
    /* "ARRABAL-KADE: … I told the committee in May that …": "I" inside
     * someone's words is that someone (the quotations are in the order of
     * their content; the one around starts before, among the few before) */
    for (size_t i = 0; i < d->quotes.n; i++) {
        quote *q = &d->quotes.v[i];
        uint32_t a = sa[i], b = sb[i];
        if (b != a + 1 || !low_is(&c.T[a], "i") ||
            (q->source >= 0 && d->ments.v[q->source].entity >= 0))
            continue;
        uint32_t at = c.T[a].start;
        int32_t e = -1;
        for (size_t j = i, steps = 0; j > 0 && steps < 8 && e < 0; j--, steps++) {
            const quote *o = &d->quotes.v[j - 1];
            bool in = false;
            for (size_t f = 0; f < o->content.n && !in; f++)
                in = o->content.v[f].start <= at && at < o->content.v[f].end;
            if (in && o->source >= 0)
                e = d->ments.v[o->source].entity;
        }
        if (e < 0)
            continue;
        mention m = {.t0 = a, .t1 = b, .n0 = b, .n1 = b, .kind = M_PRONOUN, .entity = e, .subject = true};
        VPUSH(&d->arena, d->ments, m);
        q->source = (int32_t)d->ments.n - 1;
    }
    /* "the Green party said", "the Clinton campaign said", "the Christian
     * Democrats said": a name before a body's common noun or a group's
     * plural names the body, not the person (the mention
     * stays a candidate source for the stages before; only who it resolves
     * to changes) */
    for (size_t i = 0; i < d->ments.n; i++) {
        mention *m = &d->ments.v[i];
        const tok *n = m->t1 < d->toks.n ? &c.T[m->t1] : NULL;
        if (m->kind != M_NAME || m->entity < 0)
            continue;
        /* "the Republican nominee", "Democratic leaders", "a Republican":
         * a party's label alone names no one */
        if (m->n1 == m->n0 + 1 && ws_party_label(&c.T[m->n0])) {
            m->entity = -1;
            continue;
        }
        /* "the Department for Transport", "the Office for Budget
         * Responsibility": the rest of a body's name after its
         * capitalised head word and "for" or "of" */
        /* (not a person named with a title: "The Assembly of Nations
         * Secretary-General Tomas Ekwueme") */
        if (m->t0 >= 2 && (low_is(&c.T[m->t0 - 1], "for") || low_is(&c.T[m->t0 - 1], "of")) &&
            c.T[m->t0 - 2].kind == T_WORD && (c.T[m->t0 - 2].flags & F_CAP) && (c.T[m->t0 - 2].lex & LX_ORGWORD) &&
            !(c.T[m->t0 - 2].lex & (LX_TITLE | LX_ROLE)) && !(m->title && m->n1 > m->n0 + 1)) {
            m->entity = -1;
            continue;
        }
        /* "Meridian Gateway said its offer was fair": what speaks of its
         * own as "its" is a body (not when a first name opens the name or a
         * title goes with it; "said it" is most often a person's "it was
         * time") */
        if (!m->title && !(c.T[m->n0].lex & (LX_MALE | LX_FEMALE)) && m->t1 + 1 < d->toks.n) {
            uint32_t j = m->t1;
            while (j + 2 < d->toks.n && j < m->t1 + 2 && (c.T[j].lex & LX_AUX) && !(c.T[j].lex & LX_CUE))
                j++;
            if (j + 1 < d->toks.n && (c.T[j].lex & LX_CUE) && !(c.T[j].flags & F_CAP) &&
                low_is(&c.T[j + 1], "its")) {
                m->entity = -1;
                continue;
            }
        }
        /* "Senator Aisha Bello (Kano Central)": a name in brackets after a
         * person's is the seat or the party, no one */
        if (m->t0 >= 2 && tok_punct(d, m->t0 - 1, '(') && m->t1 < d->toks.n && tok_punct(d, m->t1, ')') &&
            d->ment_at[m->t0 - 2] >= 0 && d->ments.v[d->ment_at[m->t0 - 2]].kind == M_NAME &&
            !(c.T[m->n0].lex & (LX_MALE | LX_FEMALE))) {
            m->entity = -1;
            continue;
        }
        /* "Shares of Norland Motors fell": a capitalised word opening the
         * sentence before "of" is a common noun, not a name */
        if (m->n1 == m->n0 + 1 && m->t0 == m->n0 && (c.T[m->t0].flags & F_SENT_START) && m->t1 < d->toks.n &&
            low_is(&c.T[m->t1], "of") && !(c.T[m->t0].lex & (LX_MALE | LX_FEMALE))) {
            m->entity = -1;
            continue;
        }
        /* "the Treasury said", "the Pentagon", "the Kremlin": one capitalised
         * word after "the" is an institution ("the Obamas", a family, stay) */
        if (m->n1 == m->n0 + 1 && m->t0 == m->n0 && m->t0 > 0 && low_is(&c.T[m->t0 - 1], "the") &&
            c.T[m->n0].low[c.T[m->n0].len - 1] != 's') {
            m->entity = -1;
            continue;
        }
        if (!n || n->kind != T_WORD)
            continue;
        /* ... or its people: "Clinton aides said", "Trump supporters" */
        bool body = !(n->flags & F_CAP) && (n->lex & (LX_ORGWORD | LX_ROLE)) &&
                    !(n->lex & (LX_TITLE | LX_CUE | LX_CUE_ING));
        /* "the Christian Democrats", "the Free Democrats": a party whose
         * name ends with a group of people */
        body |= (n->flags & F_CAP) && (n->lex & LX_ROLE) && !(n->lex & LX_TITLE) && n->len > 3 &&
                n->low[n->len - 1] == 's';
        /* ... or any lower-case plural that a verb follows: "Environmental
         * groups said", "Several Sanders backers have said", "Consumer
         * advocates welcomed" (the lexicon cannot list every group noun;
         * "Clinton always said" is an adverb) */
        const tok *v = m->t1 + 1 < d->toks.n ? &c.T[m->t1 + 1] : NULL;
        body |= v && ws_plural_noun(n) && v->kind == T_WORD && !(v->flags & F_CAP) &&
                ((v->lex & (LX_CUE | LX_AUX)) ||
                 /* (not after a possessive: "Mr. Obama's eyes welled") */
                 (v->len > 4 && ws_streq(v->low + v->len - 2, "ed") && !tok_possessive(&c.T[m->t1 - 1])));
        if (body)
            m->entity = -1;
    }
    /* keep the people: an entity with no sign of being a person (a place or
     * a thing written in capitals) is dropped, and ids are renumbered */
    int32_t *map = ws_alloc(&d->arena, (d->ents.n + 1) * sizeof *map);
    uint8_t *spoke = ws_alloc(&d->arena, d->ents.n + 1);
    for (size_t q = 0; q < d->quotes.n; q++)
        if (d->quotes.v[q].source >= 0 && d->ments.v[d->quotes.v[q].source].entity >= 0)
            spoke[d->ments.v[d->quotes.v[q].source].entity] = 1;
    /* ... and has a mention left (a body's name above took the only one) */
    uint8_t *named = ws_alloc(&d->arena, d->ents.n + 1);
    for (size_t i = 0; i < d->ments.n; i++)
        if (d->ments.v[i].entity >= 0)
            named[d->ments.v[i].entity] = 1;
    /* ... and whether a lone word of the name stands for it ("Trump" for
     * "Trump Plaza": a person's name, that a place was named after) */
    uint8_t *lone = ws_alloc(&d->arena, d->ents.n + 1);
    for (size_t i = 0; i < d->ments.n; i++)
        if (d->ments.v[i].entity >= 0 && d->ments.v[i].kind == M_NAME && d->ments.v[i].n1 == d->ments.v[i].n0 + 1)
            lone[d->ments.v[i].entity] = 1;
    size_t kept = 0;
    for (size_t i = 0; i < d->ents.n; i++) {
        /* "Germany would support …": a country or a state may speak, but
         * is no person (lexicon/placewords.txt) */
        const entity *en = &d->ents.v[i];
        bool place = en->first && !strchr(en->first, ' ') && !en->titles.n &&
                     (ws_lex_word(en->first, NULL) & LX_PLACE);
        /* "Thika Road", "Elm Close", "Shannon Airport": a name whose last
         * word is a street's or a site's is a place */
        /* (not after a known first name: "Glenn Close") */
        if (!place && !lone[i] && en->first && strchr(en->first, ' ') && !en->titles.n && en->last &&
            place_head(en->last)) {
            char f[32];
            size_t fl = strcspn(en->first, " ");
            place = fl >= sizeof f;
            if (!place) {
                memcpy(f, en->first, fl);
                f[fl] = 0;
                place = !(ws_lex_word(f, NULL) & (LX_MALE | LX_FEMALE));
            }
        }
        if ((en->person || spoke[i]) && named[i] && !place) {
            map[i] = (int32_t)kept;
            d->ents.v[kept++] = d->ents.v[i];
        } else {
            map[i] = -1;
        }
    }
    d->ents.n = kept;
    for (size_t i = 0; i < d->ments.n; i++)
        if (d->ments.v[i].entity >= 0)
            d->ments.v[i].entity = map[d->ments.v[i].entity];
    /* mentions of each entity, in text order (title-alias mentions found
     * above were appended after the others) */
    for (size_t i = 0; i < d->ments.n; i++) {
        const mention *m = &d->ments.v[i];
        if (m->entity < 0)
            continue;
        ws_span s = {d->toks.v[m->t0].start, d->toks.v[m->t1 - 1].end};
        VPUSH(&d->arena, d->ents.v[m->entity].mentions, s);
    }
    for (size_t e = 0; e < d->ents.n; e++)
        if (d->ents.v[e].mentions.n > 1)
            ws_sort(d->ents.v[e].mentions.v, d->ents.v[e].mentions.n, sizeof(ws_span), cmp_span);
}
