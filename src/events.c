/* Stage 6: events - who met whom, when.
 *
 *   "In a Saturday meeting with X, Y said …", "Y met (with) X on Monday",
 *   "talks between X and Y", "Y received X", "X and Y met".
 * Participants are entities; the time is the first day, date or relative
 * time word of the sentence, as written. */
#include "internal.h"

typedef struct ev_ctx {
    ws_doc *d;
    int32_t *ment_at;
    ws_map orgs; /* a body's name -> its entity */
    int32_t last_sent; /* the sentence of the latest event, or -1 */
} ev_ctx;

/* "the mayor", "the fire chief" at token k, with no mention of its own: the
 * person last named before k whose titles end in that word ("Mayor Janine
 * Okonkwo-Reyes"), or -1; *end is where the phrase ends. The entities
 * stage resolves only the titles that are sources; a meeting's other
 * titles are found here. */
static int32_t title_person(const ev_ctx *c, uint32_t k, uint32_t b, uint32_t *end)
{
    const ws_doc *d = c->d;
    const tok *T = d->toks.v;
    if (k + 1 >= b || !low_is(&T[k], "the") || c->ment_at[k] >= 0)
        return -1;
    uint32_t h = k + 1;
    while (h < b && h < k + 4 && T[h].kind == T_WORD && !(T[h].flags & F_CAP) && (T[h].lex & (LX_TITLE | LX_ROLE)) &&
           !(T[h].lex & (LX_DET | LX_PRONOUN)) && c->ment_at[h] < 0)
        h++;
    if (h == k + 1 || (h < b && T[h].kind == T_WORD && (T[h].lex & LX_WL_PREP) && low_is(&T[h], "of")))
        return -1; /* ("the minister of X": another's title) */
    const tok *head = &T[h - 1];
    /* the mentions of the last 400 tokens, nearest first (bounded, so that
     * an article of a million titles stays linear) */
    int32_t best = -1;
    for (uint32_t j = k; j > 0 && k - j < 400 && best < 0; j--) {
        int32_t m = c->ment_at[j - 1];
        if (m < 0 || d->ments.v[m].entity < 0 || d->ments.v[m].t1 != j)
            continue;
        const entity *E = &d->ents.v[d->ments.v[m].entity];
        if (E->type != WS_PERSON)
            continue;
        for (size_t i = 0; i < E->titles.n && best < 0; i++) {
            /* its last word, or the word before its "of" ("Director of
             * Education": "the director") */
            const char *t = E->titles.v[i], *of = strstr(t, " of "), *w = t;
            for (const char *p = t; *p && (!of || p < of); p++)
                if (*p == ' ')
                    w = p + 1;
            size_t n = of ? (size_t)(of - w) : strlen(w);
            bool titled = n == head->len;
            for (size_t x = 0; titled && x < n; x++) /* (titles are as written: "Mayor") */
                titled = (w[x] >= 'A' && w[x] <= 'Z' ? w[x] + 32 : w[x]) == head->low[x];
            if (titled)
                best = d->ments.v[m].entity;
        }
    }
    if (best >= 0 && end)
        *end = h;
    return best;
}

/* The person entity of the first mention in tokens [a, b), or -1. */
static int32_t person_in(const ev_ctx *c, uint32_t a, uint32_t b, uint32_t *at)
{
    for (uint32_t k = a; k < b; k++) {
        int32_t m = c->ment_at[k];
        if (m >= 0 && c->d->ments.v[m].entity >= 0 && c->d->ments.v[m].kind != M_ORG) {
            if (at)
                *at = c->d->ments.v[m].t1;
            return c->d->ments.v[m].entity;
        }
        int32_t t = title_person(c, k, b, at);
        if (t >= 0)
            return t;
    }
    return -1;
}

/* The person entity of the last mention in tokens [a, b), or -1. */
static int32_t person_before(const ev_ctx *c, uint32_t a, uint32_t b)
{
    for (uint32_t k = b; k > a; k--) {
        int32_t m = c->ment_at[k - 1];
        if (m >= 0 && c->d->ments.v[m].entity >= 0 && c->d->ments.v[m].kind != M_ORG)
            return c->d->ments.v[m].entity;
        /* ("The secretary spoke with …": a title alone) */
        if (k - 1 > a && low_is(&c->d->toks.v[k - 2], "the")) {
            int32_t t = title_person(c, k - 2, b, NULL);
            if (t >= 0)
                return t;
        }
        if (tok_punct(c->d, k - 1, ',') || tok_punct(c->d, k - 1, ';'))
            break;
    }
    return -1;
}

/* The organisation entity of ORG mention m, made on first use: bodies take
 * part in meetings ("met with the Bicycle Coalition"), though only people
 * are entities otherwise. The same name is the same body. */
static int32_t org_entity(ev_ctx *c, int32_t m)
{
    ws_doc *d = c->d;
    const mention *M = &d->ments.v[m];
    const tok *T = d->toks.v;
    uint32_t end = T[M->n1 - 1].end;
    if (tok_possessive(&T[M->n1 - 1]))
        end -= 2;
    char *name = ws_span_dup(d, T[M->n0].start, end);
    int32_t e = ws_map_get(&c->orgs, name);
    if (e < 0) {
        entity E = {0};
        E.name = name;
        E.type = WS_ORGANIZATION;
        VPUSH(&d->arena, d->ents, E);
        e = (int32_t)d->ents.n - 1;
        ws_map_put(&d->arena, &c->orgs, name, e, false);
    }
    /* (the mention keeps no entity: a quotation whose source it is still
     * resolves to no one, as quotations resolve to people only) */
    ws_span sp = {T[M->t0].start, T[M->t1 - 1].end};
    entity *E = &d->ents.v[e];
    if (!E->mentions.n || E->mentions.v[E->mentions.n - 1].start != sp.start)
        VPUSH(&d->arena, E->mentions, sp);
    return e;
}

/* The body named right at a (after "the", or after "representatives of",
 * "a delegation from", "leaders of the"), or -1; *at is where it ends. */
static int32_t org_at(ev_ctx *c, uint32_t a, uint32_t b, uint32_t *at)
{
    const ws_doc *d = c->d;
    const tok *T = d->toks.v;
    uint32_t k = a;
    /* "a delegation from", "representatives of", "leaders of", "members of" */
    if (k + 2 < b && (tok_is(d, k, "a") || tok_is(d, k, "an")) && T[k + 1].kind == T_WORD && !(T[k + 1].flags & F_CAP) &&
        (tok_is(d, k + 2, "from") || tok_is(d, k + 2, "of")))
        k += 3;
    else if (k + 1 < b && T[k].kind == T_WORD && !(T[k].flags & F_CAP) && ws_plural_noun(&T[k]) &&
             (tok_is(d, k + 1, "from") || tok_is(d, k + 1, "of")))
        k += 2; /* ("executives of Dunmore Energy", "representatives of") */
    /* "the board of the Banco Central", "the management of X" */
    else if (k + 2 < b && tok_is(d, k, "the") && T[k + 1].kind == T_WORD && !(T[k + 1].flags & F_CAP) &&
             (T[k + 1].lex & LX_ORGWORD) && tok_is(d, k + 2, "of"))
        k += 3;
    /* (after such words, a name is a body's: "the board of the Banco
     * Central de Pelavera") */
    bool group = k > a;
    /* "the developer, Quinnet Partners,": a body's name in apposition to a
     * common noun */
    if (!group && k + 3 < b && tok_is(d, k, "the")) {
        uint32_t j = k + 1;
        while (j < b && j < k + 4 && T[j].kind == T_WORD && !(T[j].flags & F_CAP) && c->ment_at[j] < 0 &&
               !(T[j].lex & (LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX | LX_DET)))
            j++;
        if (j > k + 1 && j + 1 < b && tok_punct(d, j, ',') && c->ment_at[j + 1] >= 0 &&
            d->ments.v[c->ment_at[j + 1]].kind == M_ORG)
            k = j + 1;
    }
    if (k < b && tok_is(d, k, "the"))
        k++;
    /* ("the neighbouring Republic of Quarn": an adjective before the name) */
    if (k + 1 < b && c->ment_at[k] < 0 && T[k].kind == T_WORD && !(T[k].flags & F_CAP) &&
        !(T[k].lex & (LX_ROLE | LX_TITLE | LX_DET | LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX)) &&
        c->ment_at[k + 1] >= 0 && d->ments.v[c->ment_at[k + 1]].kind == M_ORG && tok_is(d, k - 1, "the"))
        k++;
    if (k >= b)
        return -1;
    int32_t m = c->ment_at[k];
    if (m < 0 || (d->ments.v[m].kind != M_ORG && !(group && d->ments.v[m].kind == M_NAME && !d->ments.v[m].title && d->ments.v[m].entity < 0 &&
          /* (not an adjective: "a delegation of Kestrian parliamentarians") */
          !(d->ments.v[m].t1 < d->toks.n && T[d->ments.v[m].t1].kind == T_WORD &&
            !(T[d->ments.v[m].t1].flags & F_CAP) &&
            !(T[d->ments.v[m].t1].lex & (LX_WL_PREP | LX_WL_CLAUSE | LX_CUE | LX_AUX))))) ||
        d->ments.v[m].t0 != k || d->ments.v[m].n0 >= d->ments.v[m].n1 || d->ments.v[m].t1 > b)
        return -1;
    if (at)
        *at = d->ments.v[m].t1;
    return org_entity(c, m);
}

/* The body that is the subject right before the word of meeting k ("The
 * Teamsters met …", "the Bicycle Coalition will meet"), or -1. */
static int32_t org_before(ev_ctx *c, uint32_t s0, uint32_t k)
{
    const ws_doc *d = c->d;
    uint32_t j = k;
    while (j > s0 && (d->toks.v[j - 1].lex & LX_AUX) && !(d->toks.v[j - 1].flags & F_CAP) && k - j < 3)
        j--;
    if (j == s0)
        return -1;
    int32_t m = c->ment_at[j - 1];
    if (m < 0 || d->ments.v[m].kind != M_ORG || d->ments.v[m].t1 != j || d->ments.v[m].n0 >= d->ments.v[m].n1)
        return -1;
    uint32_t t0 = d->ments.v[m].t0;
    if (t0 > s0 && tok_is(d, t0 - 1, "the"))
        t0--;
    return t0 == s0 ? org_entity(c, m) : -1;
}

/* A year as a number: four digits, 1000 to 2999 */
static bool year(const tok *t)
{
    return t->kind == T_NUM && t->len == 4 && (t->low[0] == '1' || t->low[0] == '2') &&
           t->low[1] >= '0' && t->low[1] <= '9' && t->low[2] >= '0' && t->low[2] <= '9' &&
           t->low[3] >= '0' && t->low[3] <= '9';
}

static bool time_expr(const ev_ctx *c, uint32_t s0, uint32_t s1, uint32_t *a, uint32_t *b)
{
    const tok *T = c->d->toks.v;
    for (uint32_t k = s0; k < s1; k++) {
        if (T[k].quote >= 0)
            continue;
        if (T[k].lex & LX_WEEKDAY) {
            *a = k;
            *b = k + 1;
            /* "last Thursday", "next Tuesday": which week is part of it */
            if (k > s0 && (tok_is(c->d, k - 1, "last") || tok_is(c->d, k - 1, "next") || tok_is(c->d, k - 1, "this")))
                *a = k - 1;
            /* "Monday night", "Saturday morning" */
            if (k + 1 < s1 && (tok_is(c->d, k + 1, "morning") || tok_is(c->d, k + 1, "night") ||
                               tok_is(c->d, k + 1, "evening") || tok_is(c->d, k + 1, "afternoon")))
                *b = k + 2;
            /* "Thursday, November 14", "Thursday, 14 November" (and its year) */
            else if (k + 3 < s1 && tok_punct(c->d, k + 1, ',') &&
                     (((T[k + 2].lex & LX_MONTH) && T[k + 3].kind == T_NUM) ||
                      (T[k + 2].kind == T_NUM && (T[k + 3].lex & LX_MONTH)))) {
                *b = k + 4;
                if (*b + 1 < s1 && tok_punct(c->d, *b, ',') && T[*b + 1].kind == T_NUM &&
                    T[*b + 1].len == 4)
                    *b += 2;
            }
            return true;
        }
        if ((T[k].lex & LX_MONTH) && (T[k].flags & F_CAP)) {
            *a = k;
            *b = k + 1;
            if (k + 1 < s1 && T[k + 1].kind == T_NUM)
                *b = k + 2;
            if (k > s0 && T[k - 1].kind == T_NUM)
                *a = k - 1;
            /* (and its year: "Oct. 3, 1968", "3 October 1968", "May 2016") */
            if (*b + 1 < s1 && tok_punct(c->d, *b, ',') && year(&T[*b + 1]))
                *b += 2;
            else if (*b < s1 && year(&T[*b]))
                *b += 1;
            return true;
        }
        /* "in 1962", "in the summer of 1990" (as "Sunday" for "on Sunday") */
        if (k + 1 < s1 && tok_is(c->d, k, "in") && year(&T[k + 1])) {
            *a = k + 1;
            *b = k + 2;
            return true;
        }
        if (k + 4 < s1 && tok_is(c->d, k, "in") && tok_is(c->d, k + 1, "the") &&
            (tok_is(c->d, k + 2, "spring") || tok_is(c->d, k + 2, "summer") || tok_is(c->d, k + 2, "autumn") ||
             tok_is(c->d, k + 2, "fall") || tok_is(c->d, k + 2, "winter")) &&
            tok_is(c->d, k + 3, "of") && year(&T[k + 4])) {
            *a = k + 1;
            *b = k + 5;
            return true;
        }
        /* "a day later", "two days later", "the next day", "the following week" */
        if (k + 2 < s1 && (tok_is(c->d, k + 1, "day") || tok_is(c->d, k + 1, "days") ||
                           tok_is(c->d, k + 1, "week") || tok_is(c->d, k + 1, "weeks")) &&
            tok_is(c->d, k + 2, "later") &&
            (tok_is(c->d, k, "a") || T[k].kind == T_NUM || tok_is(c->d, k, "two") ||
             tok_is(c->d, k, "three") || tok_is(c->d, k, "several") || tok_is(c->d, k, "few"))) {
            *a = k;
            *b = k + 3;
            return true;
        }
        if (k + 2 < s1 && tok_is(c->d, k, "the") &&
            (tok_is(c->d, k + 1, "next") || tok_is(c->d, k + 1, "following")) &&
            (tok_is(c->d, k + 2, "day") || tok_is(c->d, k + 2, "morning") || tok_is(c->d, k + 2, "week") ||
             tok_is(c->d, k + 2, "month") || tok_is(c->d, k + 2, "year") || tok_is(c->d, k + 2, "evening") ||
             tok_is(c->d, k + 2, "afternoon"))) {
            *a = k;
            *b = k + 3;
            return true;
        }
        /* "last week", "this month", "next year", "last spring" */
        if ((tok_is(c->d, k, "last") || tok_is(c->d, k, "this") || tok_is(c->d, k, "next")) &&
            k + 1 < s1 &&
            (tok_is(c->d, k + 1, "week") || tok_is(c->d, k + 1, "month") ||
             tok_is(c->d, k + 1, "year") || tok_is(c->d, k + 1, "weekend") ||
             tok_is(c->d, k + 1, "night") || tok_is(c->d, k + 1, "morning") ||
             tok_is(c->d, k + 1, "spring") || tok_is(c->d, k + 1, "summer") ||
             tok_is(c->d, k + 1, "autumn") || tok_is(c->d, k + 1, "fall") || tok_is(c->d, k + 1, "winter"))) {
            *a = k;
            *b = k + 2;
            return true;
        }
        if ((T[k].lex & LX_TIMEWORD) && !(T[k].lex & (LX_AUX)) &&
            (tok_is(c->d, k, "yesterday") || tok_is(c->d, k, "today") ||
             tok_is(c->d, k, "tonight") || tok_is(c->d, k, "tomorrow"))) {
            *a = k;
            *b = k + 1;
            return true;
        }
    }
    return false;
}

/* (z: a third participant joined by "and" ("meet Mitchell and Pryce"), or
 * -1) */
static void add_event(ev_ctx *c, int32_t x, int32_t y, int32_t z, uint32_t s0, uint32_t s1, uint32_t k)
{
    ws_doc *d = c->d;
    if (x < 0 || y < 0 || x == y)
        return;
    /* one event per pair and sentence (events come in sentence order, so
     * only the last ones can share this sentence) */
    /* (and "held talks with A and B": "held talks" and "talks" found it
     * twice, with its three people) */
    /* (the last few only: a sentence of a million meetings stays linear) */
    for (size_t i = d->events.n, steps = 0;
         i > 0 && steps < 8 && d->events.v[i - 1].span.start == d->toks.v[s0].start; i--, steps++) {
        const event *e = &d->events.v[i - 1];
        bool hx = false, hy = false;
        for (size_t j = 0; j < e->participants.n; j++) {
            hx = hx || e->participants.v[j] == x;
            hy = hy || e->participants.v[j] == y;
        }
        if (hx && hy)
            return;
    }
    /* the event just reported, retold ("… held talks on Tuesday. The two
     * leaders met for 90 minutes"): the same two people in the sentence
     * after, no new event */
    int32_t sn = d->toks.v[s0].sent;
    const event *prev = d->events.n ? &d->events.v[d->events.n - 1] : NULL;
    bool near = prev && c->last_sent >= 0 && sn - c->last_sent <= 1 && sn != c->last_sent &&
                d->sents.v[c->last_sent].para == d->sents.v[sn].para;
    /* ("The two men met again the following month": another meeting) */
    bool again = false;
    for (uint32_t j = k + 1; j < s1 && j < k + 4 && !again; j++)
        again = tok_is(d, j, "again");
    if (near && !again) {
        bool hx = false, hy = false;
        for (size_t j = 0; j < prev->participants.n; j++) {
            hx = hx || prev->participants.v[j] == x;
            hy = hy || prev->participants.v[j] == y;
        }
        if (hx && hy && (z < 0 || z == x || z == y)) {
            c->last_sent = sn; /* (the story goes on from the retelling) */
            return;
        }
    }
    event e = {0};
    e.type = WS_MEETING;
    VPUSH(&d->arena, e.participants, x);
    VPUSH(&d->arena, e.participants, y);
    if (z >= 0 && z != x && z != y)
        VPUSH(&d->arena, e.participants, z);
    uint32_t ta, tb;
    /* the time after the word of meeting first: "met X on Sunday and held
     * talks with Y on Monday morning" */
    uint32_t ke = k; /* (a clause's length at most: the stage stays linear) */
    while (ke < s1 && ke < k + 24 && !tok_punct(d, ke, ',') && !tok_punct(d, ke, ';'))
        ke++;
    if ((time_expr(c, k, s1, &ta, &tb) && ta < ke) || time_expr(c, s0, s1, &ta, &tb)) {
        e.when_span.start = d->toks.v[ta].start;
        e.when_span.end = d->toks.v[tb - 1].end;
        e.when = ws_span_dup(d, (uint32_t)e.when_span.start, (uint32_t)e.when_span.end);
    } else if (near && prev->when) {
        /* "… on Tuesday. Later in the day, Lin met separately with X": a
         * meeting told right after another, in its paragraph, with no
         * time of its own, is of the same time */
        e.when_span = prev->when_span;
        e.when = prev->when;
    }
    c->last_sent = sn;
    e.span.start = d->toks.v[s0].start;
    e.span.end = d->toks.v[s1 - 1].end;
    VPUSH(&d->arena, d->events, e);
}

/* The person named at a, whose apposition closes with the comma before b:
 * "Ana Berg, the chief executive of Nordbank," (the name right after its
 * comma), or -1. */
static int32_t appositive_person(const ev_ctx *c, uint32_t a, uint32_t b)
{
    int32_t m = a < b ? c->ment_at[a] : -1;
    if (m < 0 || b < a + 3 || !tok_punct(c->d, b - 1, ','))
        return -1;
    const mention *M = &c->d->ments.v[m];
    if (M->t0 != a || M->kind != M_NAME || M->entity < 0 || M->t1 + 1 >= b || !tok_punct(c->d, M->t1, ','))
        return -1;
    return M->entity;
}

/* The person named in apposition after a title phrase that starts at a,
 * the apposition closing with the comma before b: "his deputy, Sunil
 * Patwardhan," (a title or role word before the first comma), or -1. */
static int32_t title_then_name(const ev_ctx *c, uint32_t a, uint32_t b)
{
    const tok *T = c->d->toks.v;
    if (b < a + 4 || !tok_punct(c->d, b - 1, ','))
        return -1;
    bool titled = false;
    for (uint32_t j = a; j + 1 < b && j < a + 12; j++) {
        if (tok_punct(c->d, j, ',')) {
            int32_t m = c->ment_at[j + 1];
            if (!titled || m < 0 || c->d->ments.v[m].kind != M_NAME || c->d->ments.v[m].entity < 0 ||
                c->d->ments.v[m].t0 != j + 1 || c->d->ments.v[m].t1 != b - 1)
                return -1;
            return c->d->ments.v[m].entity;
        }
        if (T[j].kind != T_WORD || ((T[j].lex & (LX_WL_CLAUSE | LX_CUE | LX_AUX)) && !(T[j].flags & F_CAP)))
            return -1;
        titled = titled || (T[j].lex & (LX_TITLE | LX_ROLE));
    }
    return -1;
}

/* The word of meeting k is asked about or supposed, not reported: "whether
 * he would meet Carter", "if they meet" (within the five words before it,
 * in its sentence from s0). */
static bool hypothetical(const ws_doc *d, uint32_t s0, uint32_t k)
{
    for (uint32_t j = k; j > s0 && j + 5 > k; j--)
        if (tok_is(d, j - 1, "whether") || tok_is(d, j - 1, "if"))
            return true;
    /* ... or only offered, refused or wished for: "offered to meet the
     * petitioners", "declined to meet", "wants to meet" */
    if (k > s0 + 1 && tok_is(d, k - 1, "to")) {
        const tok *v = &d->toks.v[k - 2];
        static const char *const stems[] = {"offer", "refus", "declin", "want", "hope",  "wish",    "ask",
                                            "demand", "request", "honor", "honour", "willing", "happy", "glad",
                                            "eager", "ready", "prepared"};
        for (size_t i = 0; i < sizeof stems / sizeof *stems && v->kind == T_WORD; i++)
            if (strncmp(v->low, stems[i], strlen(stems[i])) == 0)
                return true;
    }
    /* ... or denied: "have never met", "did not meet", "hasn't spoken", "has
     * no plans to meet" */
    for (uint32_t j = k; j > s0 && j + 4 > k; j--) {
        const tok *t = &d->toks.v[j - 1];
        if (t->kind == T_WORD && (low_is(t, "never") || low_is(t, "not") || low_is(t, "no") ||
                                  (t->len >= 3 && ws_streq(t->low + t->len - 3, "n't")) ||
                                  (t->len >= 5 && ws_streq(t->low + t->len - 5, "n\xe2\x80\x99t"))))
            return true;
    }
    return false;
}

/* "The two men are scheduled to meet …", "the two leaders met": a subject
 * "two" and a plural of people before the word of meeting k stands for the
 * two people last named before the sentence at s0; they go to *x and *y. */
static bool two_people(const ev_ctx *c, uint32_t s0, uint32_t k, int32_t *x, int32_t *y)
{
    const ws_doc *d = c->d;
    const tok *T = d->toks.v;
    bool two = false;
    uint8_t g = G_UNKNOWN; /* "the two women": theirs */
    for (uint32_t j = s0; j + 1 < k && j < s0 + 3 && !two; j++) {
        const tok *n = &T[j + 1];
        two = tok_is(d, j, "two") &&
              (low_is(n, "men") || low_is(n, "women") ||
               (ws_plural_noun(n) && (n->lex & (LX_ROLE | LX_TITLE))));
        g = two && low_is(n, "men") ? G_MALE : two && low_is(n, "women") ? G_FEMALE : G_UNKNOWN;
    }
    /* "…, after the two met privately", "the pair had met": "the two"
     * right before the verb (an auxiliary between) */
    uint32_t before = s0; /* the two are named before this */
    for (uint32_t j = k; !two && j > s0 + 1 && k - j < 3; j--)
        if ((tok_is(d, j - 1, "two") || tok_is(d, j - 1, "pair")) && tok_is(d, j - 2, "the") &&
            (j == k || (T[j].lex & LX_AUX))) {
            two = true;
            before = j - 2;
        }
    if (!two)
        return false;
    *x = *y = -1;
    for (size_t i = d->ments.n; i > 0; i--) {
        const mention *m = &d->ments.v[i - 1];
        if (m->t0 >= before || m->entity < 0 || m->kind == M_ORG ||
            (g != G_UNKNOWN && d->ents.v[m->entity].gender != G_UNKNOWN && d->ents.v[m->entity].gender != g))
            continue;
        if (*x < 0)
            *x = m->entity;
        else if (m->entity != *x) {
            *y = m->entity;
            return true;
        }
    }
    return false;
}

/* A call's medium: "phone", "telephone", "video", "videoconference",
 * "virtual" (a summit) */
static bool medium(const tok *t)
{
    if (t->kind != T_WORD || (t->len != 5 && t->len != 7 && t->len != 9 && t->len != 15))
        return false;
    return low_is(t, "phone") || low_is(t, "telephone") || low_is(t, "video") || low_is(t, "virtual") ||
           low_is(t, "videoconference");
}

bool ws_call_purpose(const ws_doc *d, uint32_t k, uint32_t s1)
{
    const tok *T = d->toks.v;
    uint32_t j = k + 1;
    if (j >= s1 || d->ment_at[j] < 0 || d->ments.v[d->ment_at[j]].kind == M_ORG ||
        d->ments.v[d->ment_at[j]].t0 != j)
        return false;
    j = d->ments.v[d->ment_at[j]].t1;
    /* "called Borvian President Ines Varga on Tuesday.": the person and a
     * time alone, then the sentence's end (not "called X a liar") */
    {
        uint32_t x = j;
        bool timed = false;
        while (x < s1 && x < j + 5 && T[x].kind == T_WORD &&
               ((T[x].lex & (LX_WEEKDAY | LX_TIMEWORD | LX_MONTH)) || tok_is(d, x, "on") || tok_is(d, x, "late") ||
                tok_is(d, x, "early") || tok_is(d, x, "last") || tok_is(d, x, "night") || tok_is(d, x, "evening") ||
                tok_is(d, x, "morning") || tok_is(d, x, "afternoon"))) {
            timed = timed || (T[x].lex & (LX_WEEKDAY | LX_TIMEWORD | LX_MONTH)) || tok_is(d, x, "night");
            x++;
        }
        if (timed && (x >= s1 || (T[x].kind == T_PUNCT && (d->cp[T[x].start] == '.' || d->cp[T[x].start] == ','))))
            return true;
    }
    /* (a time between: "on Saturday night", "at about 11:15 p.m.") */
    for (uint32_t e = j + 8 < s1 ? j + 8 : s1; j < e && !tok_is(d, j, "to"); j++)
        if (T[j].kind == T_WORD && (T[j].lex & (LX_CUE | LX_WL_CLAUSE)) && !(T[j].lex & LX_WL_PREP))
            return false;
    if (j + 1 >= s1 || !tok_is(d, j, "to"))
        return false;
    const tok *v = &T[j + 1];
    return low_is(v, "congratulate") || low_is(v, "concede") || low_is(v, "offer") || low_is(v, "discuss") ||
           low_is(v, "express") || low_is(v, "thank") || low_is(v, "apologise") || low_is(v, "apologize") ||
           low_is(v, "wish") || low_is(v, "inform") || low_is(v, "invite") || low_is(v, "urge") ||
           low_is(v, "ask") || low_is(v, "reassure") || low_is(v, "condole");
}

/* The subject of the verb at k when an apposition ends with the comma
 * before it: "Maria Costa, the union leader, met …", "X, 54, met", "X, who
 * leads the union, met" (the sentence's first person, named at its start),
 * "The chief executive, Karin Dahlquist, met …" (the name in apposition to
 * a title phrase that opens the sentence), or -1. "Denise Marchetti and the
 * union's lead negotiator, Paul Ferrante, met": the name in apposition, and
 * the one joined to its title phrase in *z. */
static int32_t apposed_subject(ev_ctx *c, uint32_t s0, uint32_t k, int32_t *z)
{
    const ws_doc *d = c->d;
    const tok *T = d->toks.v;
    int32_t y = -1;
    if (k > s0 + 2 && tok_punct(d, k - 1, ',')) {
        uint32_t e0 = 0;
        int32_t m = c->ment_at[s0];
        if (m >= 0 && d->ments.v[m].t0 == s0 && (e0 = d->ments.v[m].t1) < k && tok_punct(d, e0, ','))
            y = person_in(c, s0, e0, NULL);
        m = c->ment_at[k - 2];
        if (y < 0 && m >= 0 && d->ments.v[m].t1 == k - 1 && d->ments.v[m].t0 > s0 + 1 &&
            d->ments.v[m].t0 < s0 + 12 && tok_punct(d, d->ments.v[m].t0 - 1, ',')) {
            bool phrase = true;
            uint32_t and_at = 0;
            /* ("The head of the Southern Archipelago Community, Tan Wei
             * Liang, met": the title's "of" phrase) */
            for (uint32_t j = s0; j + 1 < d->ments.v[m].t0 && phrase; j++) {
                if (!and_at && j > s0 && tok_is(d, j, "and") && c->ment_at[j - 1] >= 0) {
                    and_at = j;
                    continue;
                }
                phrase = T[j].kind == T_WORD &&
                         (!(T[j].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_CLAUSE | LX_WL_PREP)) ||
                          (j > s0 && (tok_is(d, j, "of") || tok_is(d, j, "for")))) &&
                         !(T[j].lex & LX_MEET);
            }
            if (phrase) {
                y = person_in(c, d->ments.v[m].t0, k - 1, NULL);
                if (and_at && z)
                    *z = person_before(c, s0, and_at);
            }
        }
    }
    return y;
}

/* Calls and video links are meetings too, the medium at h: "X spoke by
 * telephone with Y", "X held a phone call with Y", "In a video call with
 * Y on Monday, X said", "X and Y agreed in a telephone conversation" */
static void call_at(ev_ctx *c, uint32_t h)
{
    ws_doc *d = c->d;
    const tok *T = d->toks.v;
    if (T[h].quote >= 0)
        return;
    const sent *s = &d->sents.v[T[h].sent];
    uint32_t s0 = s->t0, s1 = s->t1;
    if (hypothetical(d, s0, h))
        return;
    uint32_t v, after = h + 1; /* the verb or noun of the contact; what follows it */
    bool noun = false;
    uint32_t p = h > s0 && tok_is(d, h - 1, "by") ? h - 1
                 : h > s0 + 1 && tok_is(d, h - 1, "the") && (tok_is(d, h - 2, "on") || tok_is(d, h - 2, "over"))
                     ? h - 2
                     : h;
    if (p < h) {
        /* "spoke by phone", "talked on the telephone", "conferred by video
         * link" */
        if (p == s0)
            return;
        /* ("spoke to Kavita Narang by telephone": the one spoken to
         * before the medium) */
        uint32_t q = p;
        int32_t pm = c->ment_at[p - 1];
        if (pm >= 0 && d->ments.v[pm].kind != M_ORG && d->ments.v[pm].t1 == p && d->ments.v[pm].t0 > s0 + 1 &&
            (tok_is(d, d->ments.v[pm].t0 - 1, "to") || tok_is(d, d->ments.v[pm].t0 - 1, "with")))
            q = d->ments.v[pm].t0 - 1;
        /* ("spoke to the Prime Minister, Edmund Carver, by phone": a title
         * phrase and the name in apposition) */
        pm = p > s0 + 3 && tok_punct(d, p - 1, ',') ? c->ment_at[p - 2] : -1;
        if (q == p && pm >= 0 && d->ments.v[pm].kind == M_NAME && d->ments.v[pm].t1 == p - 1 &&
            d->ments.v[pm].t0 > s0 + 2 && tok_punct(d, d->ments.v[pm].t0 - 1, ','))
            for (uint32_t j = d->ments.v[pm].t0 - 1; j > s0 + 1 && d->ments.v[pm].t0 - j < 10; j--) {
                if (tok_is(d, j - 1, "to") || tok_is(d, j - 1, "with")) {
                    q = j - 1;
                    break;
                }
                if (T[j - 1].kind != T_WORD || (T[j - 1].lex & (LX_CUE | LX_WL_CLAUSE | LX_AUX)))
                    break;
            }
        /* ("spoke with the mayor by phone": a title alone) */
        if (q == p) {
            uint32_t j = p;
            while (j > s0 + 2 && p - j < 3 && T[j - 1].kind == T_WORD && (T[j - 1].lex & (LX_TITLE | LX_ROLE)) &&
                   !(T[j - 1].flags & F_CAP))
                j--;
            if (j < p && tok_is(d, j - 1, "the") && (tok_is(d, j - 2, "to") || tok_is(d, j - 2, "with")) &&
                title_person(c, j - 1, p, NULL) >= 0)
                q = j - 2;
        }
        const tok *w = &T[q - 1];
        if (!(low_is(w, "spoke") || low_is(w, "speak") || low_is(w, "speaks") || low_is(w, "spoken") ||
              low_is(w, "talked") || low_is(w, "talk") || low_is(w, "conferred") || low_is(w, "met") ||
              low_is(w, "meet") || low_is(w, "chatted")))
            return;
        v = q - 1;
        if (q < p)
            after = q; /* (the "to"/"with" before the one spoken to) */
        if (after < s1 && (tok_is(d, after, "link") || tok_is(d, after, "call") || tok_is(d, after, "conference")))
            after++;
    } else if (after < s1 && (tok_is(d, after, "call") || tok_is(d, after, "calls") ||
                              tok_is(d, after, "conversation") || tok_is(d, after, "conference") ||
                              tok_is(d, after, "summit") || tok_is(d, after, "meeting"))) {
        /* "a phone call", "a telephone conversation", "a virtual summit" */
        noun = true;
        v = after++;
    } else {
        return;
    }
    /* the other party: after "with" (or "to", after a verb), past a time
     * or an adverb */
    int32_t x = -1, z = -1;
    uint32_t at = 0;
    for (uint32_t j = after; j < s1 && j < after + 6; j++) {
        if (tok_is(d, j, "with") || (!noun && tok_is(d, j, "to"))) {
            uint32_t e = j + 8 < s1 ? j + 8 : s1;
            x = person_in(c, j + 1, e, &at);
            if (x < 0)
                x = org_at(c, j + 1, e, &at);
            if (x >= 0 && at + 1 < s1 && tok_is(d, at, "and"))
                z = person_in(c, at + 1, at + 2, NULL);
            break;
        }
        if (T[j].kind != T_WORD || c->ment_at[j] >= 0 || (T[j].lex & (LX_CUE | LX_WL_CLAUSE)))
            break;
    }
    /* who called: the subject before ("X held a phone call with", "X spoke
     * by phone"), or the one after a fronted phrase's comma ("In a phone
     * call with Y, X said") */
    int32_t y = noun ? person_in(c, s0, h, NULL) : person_before(c, s0, v);
    /* ("Annelise Bruck, the chief executive, spoke by phone with") */
    if (y < 0 && !noun)
        y = apposed_subject(c, s0, v, NULL);
    if (noun && (y < 0 || y == x) && x >= 0) {
        uint32_t j = at;
        while (j < s1 && j < at + 12 && !tok_punct(d, j, ','))
            j++;
        y = j < s1 && tok_punct(d, j, ',') ? person_in(c, j + 1, j + 7 < s1 ? j + 7 : s1, NULL) : -1;
    }
    if (x < 0 && y >= 0) {
        /* "X and Y agreed in a telephone conversation": both subjects, in
         * their order */
        int32_t second = person_before(c, s0, v);
        for (uint32_t j = v; second >= 0 && j > s0 + 1 && v - j < 16; j--)
            if (tok_is(d, j - 1, "and") && c->ment_at[j] >= 0 && d->ments.v[c->ment_at[j]].entity == second) {
                y = person_before(c, s0, j - 1);
                x = second;
                break;
            }
    }
    add_event(c, y, x, z, s0, s1, v);
}

void ws_events_find(ws_doc *d)
{
    ev_ctx c = {.d = d, .last_sent = -1};
    c.ment_at = d->ment_at;
    const tok *T = d->toks.v;
    /* the words of meeting, as the sentence pass listed them (text.c) */
    for (size_t mi = 0; mi < d->meets.n; mi++) {
        uint32_t k = d->meets.v[mi];
        if (T[k].quote >= 0)
            continue;
        /* calls and video links (their media are in lexicon/meet.txt) */
        if (medium(&T[k])) {
            call_at(&c, k);
            continue;
        }
        /* "called X to concede", "rang X to congratulate him": a call
         * ("called X a liar", "called for X" are not) */
        if ((low_is(&T[k], "called") || low_is(&T[k], "rang")) &&
            !ws_call_purpose(d, k, d->sents.v[T[k].sent].t1))
            continue;
        const sent *s = &d->sents.v[T[k].sent];
        uint32_t s0 = s->t0, s1 = s->t1;
        if (hypothetical(d, s0, k))
            continue;
        /* "radio host Bev Santangelo", "the host": a noun, not "will host X" */
        if ((low_is(&T[k], "host") || low_is(&T[k], "hosts")) && k > s0 && T[k - 1].kind == T_WORD &&
            !(T[k - 1].lex & (LX_AUX | LX_PRONOUN | LX_WL_CLAUSE | LX_WL_SUBJECT)) && !tok_is(d, k - 1, "to") &&
            c.ment_at[k - 1] < 0)
            continue;
        bool noun = (T[k].lex2 & LX2_MEET_NOUN) != 0; /* lexicon/meetnouns.txt */
        /* "laid a wreath before meeting Vice President X": the gerund is
         * the verb, the sentence's subject meets */
        bool gerund = noun && k > s0 + 1 && low_is(&T[k], "meeting") &&
                      (tok_is(d, k - 1, "before") || tok_is(d, k - 1, "after") || tok_is(d, k - 1, "while") ||
                       tok_is(d, k - 1, "since")) &&
                      k + 1 < s1 && !tok_is(d, k + 1, "with") && !(T[k + 1].lex & LX_DET);
        if (gerund)
            noun = false;
        uint32_t after = k + 1;
        if (after < s1 && tok_is(d, after, "down")) /* "sat down with" */
            after++;
        /* "paid a courtesy call on X", "a courtesy visit to X" */
        if (low_is(&T[k], "courtesy")) {
            if (k + 2 >= s1 || !(tok_is(d, k + 1, "call") || tok_is(d, k + 1, "visit")) ||
                !(tok_is(d, k + 2, "on") || tok_is(d, k + 2, "to")))
                continue;
            after = k + 3;
        }
        /* "met separately (on Friday) with X": adverbs and a time before
         * "with" */
        if (!noun)
            for (uint32_t j = after; j < s1 && j < after + 5; j++) {
                if (tok_is(d, j, "with")) {
                    after = j;
                    break;
                }
                /* (a date's number: "met on Jan. 17 with") */
                if ((T[j].kind != T_WORD && !(T[j].kind == T_NUM && j > after && (T[j - 1].lex & LX_MONTH))) ||
                    c.ment_at[j] >= 0 || (T[j].lex & (LX_DET | LX_CUE | LX_WL_CLAUSE | LX_PRONOUN)))
                    break;
            }
        if (after < s1 && (tok_is(d, after, "with") || tok_is(d, after, "between")))
            after++;
        if (noun && tok_is(d, k + 1, "between")) {
            /* talks between X and Y */
            uint32_t at = 0;
            int32_t x = person_in(&c, after, s1 < after + 8 ? s1 : after + 8, &at);
            if (x >= 0 && at < s1 && tok_is(d, at, "and"))
                add_event(&c, x, person_in(&c, at + 1, at + 6 < s1 ? at + 6 : s1, NULL), -1, s0, s1, k);
            continue;
        }
        if (noun && !tok_is(d, k + 1, "with")) {
            /* "X and Y held talks on the sidelines of the summit" */
            uint32_t v = k;
            while (v > s0 && k - v < 4 && T[v - 1].kind == T_WORD && !(T[v - 1].flags & F_CAP) &&
                   !tok_is(d, v - 1, "held") && !tok_is(d, v - 1, "had") && !tok_is(d, v - 1, "hold") &&
                   !tok_is(d, v - 1, "holds"))
                v--;
            if (v > s0 + 2 && (tok_is(d, v - 1, "held") || tok_is(d, v - 1, "had") ||
                               tok_is(d, v - 1, "hold") || tok_is(d, v - 1, "holds"))) {
                int32_t y = person_before(&c, s0, v - 1);
                /* ("The two men had held a bilateral meeting") */
                int32_t p1, p2;
                if (y < 0 && two_people(&c, s0, v - 1, &p1, &p2))
                    add_event(&c, p1, p2, -1, s0, s1, k);
                for (uint32_t j = v - 1; y >= 0 && j > s0 + 1; j--)
                    if (tok_is(d, j - 1, "and")) {
                        int32_t z = person_before(&c, s0, j - 1);
                        if (z >= 0 && z != y)
                            add_event(&c, z, y, -1, s0, s1, k);
                        break;
                    }
            }
            continue;
        }
        /* "The two leaders met (… with Z)" */
        int32_t p1, p2;
        if (!noun && two_people(&c, s0, k, &p1, &p2)) {
            int32_t z = -1;
            for (uint32_t j = k + 1; j + 1 < s1 && z < 0; j++)
                if (tok_is(d, j, "with"))
                    z = person_in(&c, j + 1, j + 6 < s1 ? j + 6 : s1, NULL);
            add_event(&c, p1, p2, z, s0, s1, k);
            continue;
        }
        /* the other party: right after "with" / the verb */
        uint32_t at = 0;
        /* "received a congratulatory call from X": the caller */
        if (!noun && after + 3 < s1 && tok_is(d, after, "a"))
            for (uint32_t j = after + 1; j + 1 < s1 && j < after + 4; j++)
                if ((tok_is(d, j, "call") || tok_is(d, j, "calls")) && tok_is(d, j + 1, "from")) {
                    after = j + 2;
                    break;
                }
        /* the object ends at a clause: "met the press, and X said …" */
        uint32_t oe = after;
        while (oe < s1 && oe < after + 6 && !tok_punct(d, oe, ';') &&
               !(tok_punct(d, oe, ',') && oe + 1 < s1 && (T[oe + 1].lex & LX_WL_CLAUSE)) &&
               !((T[oe].lex & (LX_WL_CLAUSE | LX_CUE)) && !(T[oe].flags & F_CAP) && !tok_is(d, oe, "and")))
            oe++;
        int32_t x = person_in(&c, after, oe, &at);
        /* "received a delegation of Kestrian parliamentarians led by
         * Senator Meral Oztan": the one who leads the visitors */
        int32_t body = -1; /* (the body the visitors are from: "a delegation from the Union led by X") */
        for (uint32_t j = after; x < 0 && j + 2 < s1 && j < after + 8; j++) {
            if (T[j].kind != T_WORD || (T[j].lex & (LX_CUE | LX_AUX)))
                break;
            if ((tok_is(d, j, "led") || tok_is(d, j, "headed")) && tok_is(d, j + 1, "by") && j > after) {
                x = person_in(&c, j + 2, j + 8 < s1 ? j + 8 : s1, &at);
                /* ("led by its secretary-general, X": the title phrase,
                 * then the name) */
                if (x < 0)
                    for (uint32_t q = j + 2; q + 1 < s1 && q < j + 8; q++)
                        if (tok_punct(d, q, ',')) {
                            x = person_in(&c, q + 1, q + 2, &at);
                            break;
                        }
                if (x >= 0)
                    body = org_at(&c, after, j, NULL);
            }
        }
        if (x < 0)
            x = org_at(&c, after, oe + 6 < s1 ? oe + 6 : s1, &at);
        /* "met the Russian Orthodox Church's foreign relations chief,
         * Metropolitan Anton,": a long title phrase, then the name in
         * apposition */
        bool title_seen = false;
        for (uint32_t j = after; x < 0 && j < s1 && j < after + 12; j++) {
            if (T[j].kind != T_WORD && !tok_punct(d, j, ','))
                break;
            if ((T[j].lex & (LX_WL_CLAUSE | LX_CUE | LX_AUX)) && !(T[j].flags & F_CAP) && !tok_is(d, j, "and"))
                break;
            /* ("met separately with the prime minister of San Telmo,
             * Marcus Delacroix-Pryce": the title word anywhere in the
             * phrase, its "of" phrase after it) */
            title_seen = title_seen || (T[j].kind == T_WORD && (T[j].lex & (LX_TITLE | LX_ROLE)));
            if (tok_punct(d, j, ',')) {
                int32_t m = j + 1 < s1 ? c.ment_at[j + 1] : -1;
                if (j > after && m >= 0 && d->ments.v[m].kind == M_NAME && d->ments.v[m].entity >= 0 &&
                    ((T[j - 1].lex & (LX_TITLE | LX_ROLE)) || title_seen)) {
                    x = d->ments.v[m].entity;
                    at = d->ments.v[m].t1;
                }
                break;
            }
        }
        if (x < 0) {
            /* "X and Y met" (not "X and Y received …": only meeting is
             * mutual) */
            if (!noun && k > s0 &&
                (tok_is(d, k, "met") || tok_is(d, k, "meet") || tok_is(d, k, "meets") ||
                 (k + 1 < s1 && tok_is(d, k + 1, "down")))) { /* ("X and Y sat down") */
                int32_t y = person_before(&c, s0, k);
                for (uint32_t j = k; j > s0 + 1; j--)
                    if (tok_is(d, j - 1, "and")) {
                        int32_t z = person_before(&c, s0, j - 1);
                        /* "Ana Berg, the chief executive of Nordbank, and
                         * Ivo Lind, the head of Westbank, met": each name
                         * with its apposition */
                        if (y < 0)
                            y = appositive_person(&c, j, k);
                        if (y < 0)
                            y = title_then_name(&c, j, k);
                        if (z < 0)
                            z = appositive_person(&c, s0, j - 1);
                        /* "The union leader, Rosalind Okonjo-Platt, and
                         * Victor Lamont met": the name in apposition before
                         * the comma */
                        if (z < 0 && j > s0 + 3 && tok_punct(d, j - 2, ',') && c.ment_at[j - 3] >= 0 &&
                            d->ments.v[c.ment_at[j - 3]].t1 == j - 2 && d->ments.v[c.ment_at[j - 3]].kind == M_NAME)
                            z = d->ments.v[c.ment_at[j - 3]].entity;
                        add_event(&c, z, y, -1, s0, s1, k);
                        break;
                    }
            }
            continue;
        }
        int32_t y, zsub = -1; /* (zsub: another subject, joined to an apposition's title) */
        if (noun) {
            /* "In a Saturday meeting with X, Y …": the subject after the comma;
             * "Y, in a meeting with X, …" or "Y held a meeting with X": before */
            /* (the comma a few words on, or none: a sentence of a million
             * meetings and no comma stays linear) */
            uint32_t j = at;
            while (j < s1 && j < at + 12 && !tok_punct(d, j, ','))
                j++;
            if (j < s1 && !tok_punct(d, j, ','))
                j = s1;
            /* (a subject before the noun first: "X held talks with Y on
             * Friday, Z said" is X's; "talks with the minister, Anders
             * Berg.": the apposition is the same person, no subject) */
            y = person_in(&c, s0, k, NULL);
            if (y < 0 || y == x)
                y = j < s1 ? person_in(&c, j + 1, j + 7 < s1 ? j + 7 : s1, NULL) : -1;
        } else if (gerund) {
            y = person_in(&c, s0, k, NULL);
        } else {
            y = person_before(&c, s0, k);
            /* "Gareth Lowe, who met X and Y on Monday, said": the
             * relative pronoun's antecedent */
            if (y < 0 && k > s0 + 2 && tok_is(d, k - 1, "who") && tok_punct(d, k - 2, ','))
                y = person_before(&c, s0, k - 2);
            if (y < 0)
                y = org_before(&c, s0, k);
            /* "Members of the Valmorian Preventive Care Council met",
             * "Representatives of X met" */
            if (y < 0) {
                uint32_t j = k, oa = 0;
                while (j > s0 && (T[j - 1].lex & LX_AUX) && !(T[j - 1].flags & F_CAP) && k - j < 3)
                    j--;
                if (j > s0 + 2 && T[s0].kind == T_WORD && T[s0].len > 3 && T[s0].low[T[s0].len - 1] == 's' &&
                    c.ment_at[s0] < 0 && (tok_is(d, s0 + 1, "of") || tok_is(d, s0 + 1, "from"))) {
                    int32_t o = org_at(&c, s0 + 2, j, &oa);
                    if (o >= 0 && oa == j)
                        y = o;
                }
            }
            /* "X met Y in Halvik on Sunday and held talks with Z": the
             * subject of the first verb */
            if (k > s0 + 2 && tok_is(d, k - 1, "and")) {
                int32_t f = person_in(&c, s0, k, NULL);
                if (f >= 0)
                    y = f;
            }
            if (y < 0)
                y = apposed_subject(&c, s0, k, &zsub);
        }
        /* "meet X and Y": both are the other party (a name right after
         * "and", not "and discussed the plan with Y") */
        /* (over lower-case title words and a name's particles: "and union
         * leader Beatriz Olmos", "and de Guzman") */
        uint32_t zj = at + 1;
        while (at + 1 < s1 && tok_is(d, at, "and") && zj < s1 && zj < at + 5 && c.ment_at[zj] < 0 &&
               T[zj].kind == T_WORD && !(T[zj].flags & F_CAP) &&
               !(T[zj].lex & (LX_CUE | LX_CUE_ING | LX_AUX | LX_WL_PREP | LX_WL_CLAUSE | LX_PRONOUN)))
            zj++;
        bool titled = zj == at + 1 || (T[zj - 1].lex & (LX_TITLE | LX_ROLE)) || (T[zj - 1].lex2 & LX2_NAME_PARTICLE);
        int32_t z = at + 1 < s1 && tok_is(d, at, "and") && zj < s1 && titled ? person_in(&c, zj, zj + 1, NULL) : -1;
        /* ("and the parents' council chair, Nadia Faraji,": the name in
         * apposition to the title phrase) */
        if (z < 0 && titled && zj > at + 1 && zj + 1 < s1 && tok_punct(d, zj, ',') && c.ment_at[zj + 1] >= 0 &&
            d->ments.v[c.ment_at[zj + 1]].kind == M_NAME)
            z = person_in(&c, zj + 1, zj + 2, NULL);
        /* (or a body: "met Dr. Naomi Achterberg and the Red Lantern
         * Society", "representatives of the Youth Council and the
         * Residents' Group") */
        if (z < 0 && at + 1 < s1 && tok_is(d, at, "and"))
            z = org_at(&c, at + 1, at + 12 < s1 ? at + 12 : s1, NULL);
        /* "Leticia Dunmore and Harlan Fitch are expected to meet Friday with
         * mediator Carla Benson": both subjects */
        if (z < 0 && y >= 0 && !noun) {
            for (uint32_t j = k; j > s0 + 2 && k - j < 12; j--) {
                int32_t m = c.ment_at[j - 1];
                if (tok_punct(d, j - 1, ',') || tok_punct(d, j - 1, ';'))
                    break;
                if (m < 0)
                    continue;
                const mention *M = &d->ments.v[m];
                if (M->entity == y && M->t0 > s0 + 1 && tok_is(d, M->t0 - 1, "and"))
                    z = person_before(&c, s0, M->t0 - 1);
                break;
            }
        }
        if (z < 0)
            z = body;
        if (z < 0)
            z = zsub;
        add_event(&c, y, x, z, s0, s1, k);
    }
}
