/* Stage 2: pair quote marks into quotations.
 *
 * One left-to-right pass, linear in the number of marks: each mark is
 * classed as opening or closing from its glyph and its neighbours, double
 * and single marks are paired separately (a single quote inside a double
 * one is nested; one of three words or more outside any is a quotation,
 * British style), and a paragraph
 * that ends inside a quote is continued by the next paragraph when that one
 * opens with a mark (the newspaper convention for long quotations). A quote
 * left open at the end of a paragraph ends there: no mark loses the rest of
 * the article. */
#include "internal.h"

enum { OPEN = 1, CLOSE = 2 };

static bool space_at(const ws_doc *d, size_t i)
{
    uint32_t c = d->cp[i];
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2009 ||
           c == 0x202F || ws_invisible_space(c);
}

/* Something that can precede a closing mark: a word or its punctuation. */
static inline bool text_before(const ws_doc *d, size_t i)
{
    /* marks that close together (‚falsch‘“): look through them */
    while (i > 0 && i < d->n && ws_is_quote_char(d->cp[i]))
        i--;
    if (i >= d->n || space_at(d, i))
        return false;
    uint32_t c = d->cp[i];
    return !(c == '(' || c == '[' || ws_is_dash(c) || c == '/' || ws_is_quote_char(c));
}

/* Something that can follow an opening mark: not space, not the
 * punctuation that ends a clause. */
static bool text_after(const ws_doc *d, size_t i)
{
    if (i >= d->n || space_at(d, i))
        return false;
    uint32_t c = d->cp[i];
    return !(c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
             c == ']' || ws_is_dash(c) || ws_is_quote_char(c));
}

/* Which way a mark can face, from its glyph and its neighbours. */
static int facing(const ws_doc *d, const tok *t)
{
    uint32_t c = d->cp[t->start];
    bool before = t->start > 0 && text_before(d, t->start - 1) && d->cp[t->start - 1] != ':';
    bool after = text_after(d, t->end);
    switch (c) {
    case 0x201C: /* “ opens in English; closes a German „ ... “ */
        return before && !after ? CLOSE | OPEN : OPEN;
    case 0x2018: /* ‘ opens in English; closes a German ‚ … ‘ */
        return before && !after ? CLOSE | OPEN : OPEN;
    case 0x201E: case 0x201A: case 0xAB: case 0x2039: case 0x201F: case 0x201B:
        return OPEN;
    case 0x201D: /* ” closes; at the start of a word it is a mistyped “ */
        return !before && after ? OPEN | CLOSE : CLOSE;
    case 0xBB: case 0x203A:
        return CLOSE;
    case 0x2019: /* ’ closes, unless it clearly opens */
        return !before && after ? OPEN : CLOSE;
    default: /* " and ' */
        if (!before && after)
            return OPEN;
        if (before && !after)
            return CLOSE;
        /* "x"y or " x ": guess from punctuation around it */
        if (t->start > 0 && (d->cp[t->start - 1] == ',' || d->cp[t->start - 1] == '.' ||
                             d->cp[t->start - 1] == '?' || d->cp[t->start - 1] == '!'))
            return CLOSE;
        return OPEN | CLOSE;
    }
}

static void emit(ws_doc *d, uint32_t open, uint32_t close, bool closed, bool single)
{
    mquote q = {.open = open, .close = close, .closed = closed, .single = single,
                .next = -1, .prev = -1};
    VPUSH(&d->arena, d->mq, q);
}

void ws_quotes_find(ws_doc *d)
{
    tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n;
    int64_t dopen = -1, sopen = -1; /* open double / single mark */
    /* paragraph by paragraph: an open quote ends with the last token of
     * its paragraph, and only quote marks need a look in between (the
     * paragraphs are consecutive, and the tokenizer listed the marks in
     * order: each paragraph's are the next ones of the list) */
    const uint32_t *qm = d->qmarks.v;
    size_t qi = 0, nq = d->qmarks.n;
    for (size_t pi = 0; pi < d->paras.n; pi++) {
        uint32_t k1 = d->paras.v[pi].t1;
        for (; qi < nq && qm[qi] < k1; qi++) {
            uint32_t k = qm[qi];
            tok *t = &T[k];
            int f = facing(d, t);
            if (!(t->flags & F_SINGLE)) {
                if (dopen < 0) {
                    if (f & OPEN) {
                        dopen = k;
                        t->flags |= F_OPEN;
                    }
                    /* a stray closing mark is ignored */
                } else if (f & CLOSE) {
                    t->flags |= F_CLOSE;
                    emit(d, (uint32_t)dopen, k, true, false);
                    /* a single quote opened inside it ends with it; one
                     * opened before it holds it (British style: 'She said
                     * to me, "Why?" and I had no answer,') */
                    /* (one that opens a sentence: a capital after it, not
                     * the apostrophe of "in ‘08") */
                    if (sopen > dopen || (sopen >= 0 && !((uint32_t)sopen + 1 < n && T[sopen + 1].kind == T_WORD &&
                                                          (T[sopen + 1].flags & F_CAP))))
                        sopen = -1;
                    dopen = -1;
                } else {
                    /* an opening mark while one is open: the first was never
                     * closed; end it before this one and start again */
                    if (k > (uint32_t)dopen + 1)
                        emit(d, (uint32_t)dopen, k - 1, false, false);
                    T[dopen].flags &= (uint16_t)~F_OPEN;
                    dopen = k;
                    t->flags |= F_OPEN;
                    sopen = -1;
                }
            } else {
                if (sopen < 0) {
                    if ((f & OPEN) && !(f & CLOSE && t->start > 0 && text_before(d, t->start - 1))) {
                        sopen = k;
                        t->flags |= F_OPEN;
                    }
                } else if (f & CLOSE) {
                    /* rock 'n' roll: a letter or two between marks is not a quote */
                    if (!(k == (uint32_t)sopen + 2 && T[k - 1].end - T[k - 1].start <= 2)) {
                        t->flags |= F_CLOSE;
                        emit(d, (uint32_t)sopen, k, true, true);
                    } else {
                        T[sopen].flags &= (uint16_t)~F_OPEN;
                    }
                    sopen = -1;
                }
            }
        }
        sopen = -1;
        if (dopen >= 0) {
            /* an unclosed quote ends with its paragraph; the next
             * paragraph may continue it (linked below) */
            emit(d, (uint32_t)dopen, k1 - 1, false, false);
            dopen = -1;
        }
    }
    /* quotes were emitted at their close; order them by opening mark */
    for (size_t i = 1; i < d->mq.n; i++) {
        if (d->mq.v[i].open < d->mq.v[i - 1].open) {
            /* rare (a single quote closed inside a later-closed double):
             * insertion sort keeps the pass linear in practice, and fix links */
            mquote x = d->mq.v[i];
            size_t j = i;
            while (j > 0 && d->mq.v[j - 1].open > x.open) {
                d->mq.v[j] = d->mq.v[j - 1];
                j--;
            }
            d->mq.v[j] = x;
        }
    }
    /* relink continuation chains after sorting (links are by open token) */
    for (size_t i = 0; i < d->mq.n; i++)
        d->mq.v[i].next = d->mq.v[i].prev = -1;
    for (size_t i = 0; i + 1 < d->mq.n; i++) {
        mquote *a = &d->mq.v[i];
        if (a->closed || a->single)
            continue;
        /* the continuation is the next double quote opening the next paragraph */
        uint32_t nk = a->close + 1;
        if (nk >= n || T[nk].para != T[a->close].para + 1)
            continue;
        /* a quotation that runs on opens where speech does: at the start of
         * its paragraph or sentence, after a colon or comma, or right after
         * a verb of saying ("said “We …"); a mark opened mid-clause ("is
         * “really amorphous.") is a typo whose close is missing, and the
         * next paragraph starts its own */
        uint32_t o = a->open;
        if (!(o == 0 || (T[o].flags & (F_SENT_START | F_PARA_START)) ||
              (T[o - 1].kind == T_PUNCT && (d->cp[T[o - 1].start] == ':' || d->cp[T[o - 1].start] == ',')) ||
              (T[o - 1].kind == T_WORD && (T[o - 1].lex & LX_CUE))))
            continue;
        for (size_t j = i + 1; j < d->mq.n; j++) {
            if (d->mq.v[j].single)
                continue;
            if (d->mq.v[j].open == nk) {
                a->next = (int32_t)j;
                d->mq.v[j].prev = (int32_t)i;
            }
            break;
        }
    }
    /* British style ('We will rebuild,' she said): a single quote of three
     * words or more that no double quote contains is a quotation in its
     * own right; the later stages take quotations from the non-single
     * ones. Quotes are in the order of their opening marks, so the latest
     * close of a double quote so far tells containment. */
    /* (a double quote inside such a single one is nested in it: 'Your
     * words to police were, "I didn't think they'd catch me." That is not
     * panic.') */
    int64_t double_close = -1, british_close = -1;
    for (size_t i = 0; i < d->mq.n; i++) {
        mquote *m = &d->mq.v[i];
        if (!m->single) {
            if ((int64_t)m->close < british_close && m->closed) {
                m->single = true;
                continue;
            }
            if ((int64_t)m->close > double_close)
                double_close = m->close;
        } else if ((int64_t)m->close > double_close && m->closed && m->close >= m->open + 4) {
            m->single = false;
            d->british = true;
            british_close = m->close;
        }
    }
    /* innermost quote of each token */
    for (size_t i = 0; i < d->mq.n; i++)
        for (uint32_t k = d->mq.v[i].open; k <= d->mq.v[i].close && k < n; k++)
            T[k].quote = (int32_t)i;
}
