/* Stage 1: text -> code points -> tokens -> sentences and paragraphs. */
#include "internal.h"
#include "lexicon_table.h"

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Eight bytes that are all ASCII and none NUL. */
static inline bool ascii8(const uint8_t *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t zero = (w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull;
    return ((w & 0x8080808080808080ull) | zero) == 0;
}

ws_status ws_text_decode(ws_doc *d, const char *s, size_t len, ws_error *err)
{
    const uint8_t *p = (const uint8_t *)s;
    bool replace = d->flags & WS_REPLACE_INVALID, replaced = false;
    /* cp and boff are written in full below; neither needs zeroing first */
    d->cp = ws_alloc_raw(&d->arena, (len + 1) * sizeof *d->cp);
    d->boff = ws_alloc_raw(&d->arena, (len + 1) * sizeof *d->boff);
    uint32_t *cp = d->cp, *boff = d->boff;
    size_t n = 0, i = 0, out_bytes = 0;
    while (i < len) {
#ifdef __SSE2__
        /* the ASCII fast path: sixteen bytes at a time, all widened and
         * stored, and as many kept as lead the block before a byte that is
         * not ASCII or NUL (the rest is written again from there) */
        if (i + 16 <= len) {
            __m128i x = _mm_loadu_si128((const __m128i *)(p + i)), z = _mm_setzero_si128();
            unsigned m = (unsigned)(_mm_movemask_epi8(x) | _mm_movemask_epi8(_mm_cmpeq_epi8(x, z)));
            __m128i lo = _mm_unpacklo_epi8(x, z), hi = _mm_unpackhi_epi8(x, z);
            _mm_storeu_si128((__m128i *)(cp + n), _mm_unpacklo_epi16(lo, z));
            _mm_storeu_si128((__m128i *)(cp + n + 4), _mm_unpackhi_epi16(lo, z));
            _mm_storeu_si128((__m128i *)(cp + n + 8), _mm_unpacklo_epi16(hi, z));
            _mm_storeu_si128((__m128i *)(cp + n + 12), _mm_unpackhi_epi16(hi, z));
            __m128i b0 = _mm_add_epi32(_mm_set1_epi32((int)(uint32_t)out_bytes), _mm_setr_epi32(0, 1, 2, 3));
            __m128i four = _mm_set1_epi32(4);
            __m128i b1 = _mm_add_epi32(b0, four), b2 = _mm_add_epi32(b1, four);
            _mm_storeu_si128((__m128i *)(boff + n), b0);
            _mm_storeu_si128((__m128i *)(boff + n + 4), b1);
            _mm_storeu_si128((__m128i *)(boff + n + 8), b2);
            _mm_storeu_si128((__m128i *)(boff + n + 12), _mm_add_epi32(b2, four));
            size_t k = m ? (size_t)__builtin_ctz(m) : 16;
            n += k, i += k, out_bytes += k;
            if (!m)
                continue;
        } else if (i + 8 <= len && ascii8(p + i)) {
            /* the last fifteen bytes or fewer: eight at a time */
            __m128i z = _mm_setzero_si128();
            __m128i b8 = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(p + i)), z);
            _mm_storeu_si128((__m128i *)(cp + n), _mm_unpacklo_epi16(b8, z));
            _mm_storeu_si128((__m128i *)(cp + n + 4), _mm_unpackhi_epi16(b8, z));
            __m128i base = _mm_set1_epi32((int)(uint32_t)out_bytes);
            _mm_storeu_si128((__m128i *)(boff + n), _mm_add_epi32(base, _mm_setr_epi32(0, 1, 2, 3)));
            _mm_storeu_si128((__m128i *)(boff + n + 4), _mm_add_epi32(base, _mm_setr_epi32(4, 5, 6, 7)));
            n += 8, i += 8, out_bytes += 8;
            continue;
        }
#else
        /* eight bytes at a time */
        if (i + 8 <= len && ascii8(p + i)) {
            for (int k = 0; k < 8; k++) {
                cp[n + (size_t)k] = p[i + (size_t)k];
                boff[n + (size_t)k] = (uint32_t)(out_bytes + (size_t)k);
            }
            n += 8, i += 8, out_bytes += 8;
            continue;
        }
#endif
        int32_t c;
        utf8proc_ssize_t k;
        if (p[i] < 0x80) {
            c = p[i];
            k = 1;
        } else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            /* two bytes (é, ñ) and three (curly quotes, dashes), which news
             * text is full of, decoded here when valid; anything else, and
             * every error, as utf8proc decides */
            c = (int32_t)((p[i] & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu));
            k = 2;
        } else if ((p[i] & 0xF0) == 0xE0 && i + 2 < len && (p[i + 1] & 0xC0) == 0x80 &&
                   (p[i + 2] & 0xC0) == 0x80 &&
                   (c = (int32_t)((p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu)),
                    c >= 0x800 && (c < 0xD800 || c > 0xDFFF))) {
            k = 3;
        } else {
            k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        }
        if (k < 0 || c == 0) {
            if (!replace) {
                ws_set_error(err, WS_ERR_UTF8,
                             c == 0 && k > 0 ? "NUL byte at byte offset %zu"
                                             : "invalid UTF-8 at byte offset %zu",
                             i);
                return WS_ERR_UTF8;
            }
            c = 0xFFFD;
            k = 1;
            replaced = true;
        }
        cp[n] = (uint32_t)c;
        boff[n++] = (uint32_t)out_bytes;
        i += (size_t)k;
        out_bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    d->n = n;
    boff[n] = (uint32_t)out_bytes;
    /* as zeroed memory had it: no code point past the end */
    memset(cp + n, 0, (len + 1 - n) * sizeof *cp);
    d->utf8 = ws_alloc_str(&d->arena, out_bytes + 1);
    if (!replaced) {
        /* valid UTF-8 re-encodes to itself */
        memcpy(d->utf8, s, len);
    } else {
        size_t b = 0;
        for (size_t j = 0; j < n; j++)
            b += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp[j], (uint8_t *)d->utf8 + b);
    }
    d->utf8[out_bytes] = 0;
    return WS_OK;
}

/* ---- character classes ---- */

bool ws_is_quote_char(uint32_t c)
{
    switch (c) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A:
        return true;
    }
    return false;
}

bool ws_is_dash(uint32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212;
}

/* ASCII character classes, read-only */
enum { C_SPACE = 1, C_ALNUM = 2, C_LETTER = 4, C_UPPER = 8, C_DIGIT = 16, C_LOWER = 32, C_JOIN = 64,
       C_HIGH = 128 /* ascii_lc[] only: a byte of a non-ASCII character */ };
#define UP_ C_ALNUM | C_LETTER | C_UPPER
#define LO_ C_ALNUM | C_LETTER | C_LOWER
#define DG_ C_ALNUM | C_DIGIT
static const uint8_t ascii_class[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
    [' '] = C_SPACE,
    /* what may join two words into one (don't, al-Bashir, AT&T) */
    ['\''] = C_JOIN, ['-'] = C_JOIN, ['&'] = C_JOIN,
    ['0'] = DG_, ['1'] = DG_, ['2'] = DG_, ['3'] = DG_, ['4'] = DG_,
    ['5'] = DG_, ['6'] = DG_, ['7'] = DG_, ['8'] = DG_, ['9'] = DG_,
    ['A'] = UP_, ['B'] = UP_, ['C'] = UP_, ['D'] = UP_, ['E'] = UP_, ['F'] = UP_, ['G'] = UP_,
    ['H'] = UP_, ['I'] = UP_, ['J'] = UP_, ['K'] = UP_, ['L'] = UP_, ['M'] = UP_, ['N'] = UP_,
    ['O'] = UP_, ['P'] = UP_, ['Q'] = UP_, ['R'] = UP_, ['S'] = UP_, ['T'] = UP_, ['U'] = UP_,
    ['V'] = UP_, ['W'] = UP_, ['X'] = UP_, ['Y'] = UP_, ['Z'] = UP_,
    ['a'] = LO_, ['b'] = LO_, ['c'] = LO_, ['d'] = LO_, ['e'] = LO_, ['f'] = LO_, ['g'] = LO_,
    ['h'] = LO_, ['i'] = LO_, ['j'] = LO_, ['k'] = LO_, ['l'] = LO_, ['m'] = LO_, ['n'] = LO_,
    ['o'] = LO_, ['p'] = LO_, ['q'] = LO_, ['r'] = LO_, ['s'] = LO_, ['t'] = LO_, ['u'] = LO_,
    ['v'] = LO_, ['w'] = LO_, ['x'] = LO_, ['y'] = LO_, ['z'] = LO_,
};
#undef UP_
#undef LO_
#undef DG_

/* ascii_class[c] in the low byte and the lower case of c in the high one:
 * the fast path's character loop reads both with one load */
#define CLS_(c)                                                                                    \
    ((c) >= '0' && (c) <= '9'   ? C_ALNUM | C_DIGIT                                                \
     : (c) >= 'A' && (c) <= 'Z' ? C_ALNUM | C_LETTER | C_UPPER                                     \
     : (c) >= 'a' && (c) <= 'z' ? C_ALNUM | C_LETTER | C_LOWER                                     \
     : (c) == ' ' || ((c) >= '\t' && (c) <= '\r') ? C_SPACE                                        \
     : (c) == '\'' || (c) == '-' || (c) == '&' || (c) == ',' || (c) == '.' ? C_JOIN                \
     : (c) >= 0x80                                ? C_HIGH                                         \
                                                  : 0)
#define LC1_(c) (uint16_t)(((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c)) << 8 | CLS_(c))
#define LC8_(c) LC1_(c), LC1_(c + 1), LC1_(c + 2), LC1_(c + 3), LC1_(c + 4), LC1_(c + 5), LC1_(c + 6), LC1_(c + 7)
/* (C_JOIN here also for the comma and the period, which join digits: what
 * may go on in a word after a letter or digit has C_JOIN or C_HIGH)
 * (every byte: 0x80 and above, the bytes of non-ASCII characters, are no
 * letters or digits, so that a word's bytes need no test for ASCII; their
 * high byte is the byte itself, as for every byte but a capital) */
static const uint16_t ascii_lc[256] = {
    LC8_(0), LC8_(8), LC8_(16), LC8_(24), LC8_(32), LC8_(40), LC8_(48), LC8_(56),
    LC8_(64), LC8_(72), LC8_(80), LC8_(88), LC8_(96), LC8_(104), LC8_(112), LC8_(120),
    LC8_(128), LC8_(136), LC8_(144), LC8_(152), LC8_(160), LC8_(168), LC8_(176), LC8_(184),
    LC8_(192), LC8_(200), LC8_(208), LC8_(216), LC8_(224), LC8_(232), LC8_(240), LC8_(248),
};
#undef CLS_
#undef LC1_
#undef LC8_

/* General punctuation (dashes, curly quotes, the ellipsis, U+2010-2027 and
 * U+2030-205E): no space, letter or digit among them. News text is full of
 * them, and the test spares a look-up of the category. */
static inline bool gen_punct(uint32_t c) { return c - 0x2010u < 0x18u || c - 0x2030u < 0x2Fu; }

/* An opening single mark shortly before i on its line ("‘Queers’ Who Get
 * …"): then an apostrophe after a capitalised word closes it. A bounded
 * look back, so the tokenizer stays linear. */
static bool single_opened(const uint32_t *cp, size_t i)
{
    for (size_t j = i, k = 0; j > 0 && k < 80; j--, k++) {
        uint32_t c = cp[j - 1];
        if (c == '\n')
            return false;
        if (c == 0x2018 || ((c == '\'' || c == 0x2019) && (j == 1 || cp[j - 2] == ' ' || cp[j - 2] == '\n')))
            return true;
    }
    return false;
}

static bool is_space_u(uint32_t c)
{
    if (gen_punct(c))
        return false;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return c == 0x85 || k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL ||
           k == UTF8PROC_CATEGORY_ZP || ws_invisible_space(c);
}

static inline bool is_space(uint32_t c)
{
    return c < 0x80 ? (ascii_class[c] & C_SPACE) != 0 : is_space_u(c);
}

static bool is_alnum_u(uint32_t c)
{
    if (gen_punct(c))
        return false;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) ||
           k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_NO;
}

static inline bool is_alnum(uint32_t c)
{
    return c < 0x80 ? (ascii_class[c] & C_ALNUM) != 0 : is_alnum_u(c);
}

static bool is_upper_u(uint32_t c)
{
    if (gen_punct(c))
        return false;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static inline bool is_upper(uint32_t c)
{
    return c < 0x80 ? (ascii_class[c] & C_UPPER) != 0 : is_upper_u(c);
}

static bool is_letter_u(uint32_t c)
{
    if (gen_punct(c))
        return false;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static inline bool is_letter(uint32_t c)
{
    return c < 0x80 ? (ascii_class[c] & C_LETTER) != 0 : is_letter_u(c);
}

static inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

static inline bool is_apos(uint32_t c) { return c == '\'' || c == 0x2019; }

/* Every ASCII character as a string of its own: the lower-cased text of
 * one-character tokens, shared and read-only */
#define S1_(c) {(char)(c), 0}
#define S8_(c) S1_(c), S1_(c + 1), S1_(c + 2), S1_(c + 3), S1_(c + 4), S1_(c + 5), S1_(c + 6), S1_(c + 7)
static const char ascii_str[128][2] = {
    S8_(0), S8_(8), S8_(16), S8_(24), S8_(32), S8_(40), S8_(48), S8_(56),
    S8_(64), S8_(72), S8_(80), S8_(88), S8_(96), S8_(104), S8_(112), S8_(120),
};
#undef S1_
#undef S8_

/* The lower case of the non-ASCII marks that make one-character tokens
 * most often (curly quotes, dashes, the ellipsis), as encode_lower() writes
 * it, or NULL for any other code point */
static const char *punct_low(uint32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: return "'";
    case 0x2010: case 0x2011: return "-";
    case 0x201A: return "\u201A";
    case 0x201B: return "\u201B";
    case 0x201C: return "\u201C";
    case 0x201D: return "\u201D";
    case 0x201E: return "\u201E";
    case 0x201F: return "\u201F";
    case 0x00AB: return "\u00AB";
    case 0x00BB: return "\u00BB";
    case 0x2039: return "\u2039";
    case 0x203A: return "\u203A";
    case 0x2013: return "\u2013";
    case 0x2014: return "\u2014";
    case 0x2015: return "\u2015";
    case 0x2212: return "\u2212";
    case 0x2026: return "\u2026";
    }
    return NULL;
}

/* "al-Assad", "el-Sisi", "bin-Laden": a lower-case Arabic particle joined by
 * a hyphen to a capitalised name is a capitalised word (the name's own
 * capital is after the hyphen). Asked only of words that start in lower case
 * and hold a capital. */
static bool particle_capital(const uint32_t *cp, uint32_t s, uint32_t e)
{
    static const char *const particles[] = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an",
                                            "ud", "ul", "ur", "ibn", "bin", "bint", "abu", "ben"};
    char pre[5];
    uint32_t j = s;
    while (j < e && j - s < 4 && cp[j] >= 'a' && cp[j] <= 'z') {
        pre[j - s] = (char)cp[j];
        j++;
    }
    if (j == s || j + 1 >= e || cp[j] != '-' || !is_upper(cp[j + 1]))
        return false;
    pre[j - s] = 0;
    for (size_t x = 0; x < sizeof particles / sizeof *particles; x++)
        if (strcmp(pre, particles[x]) == 0)
            return true;
    return false;
}

/* Lower-case the code points [s, e) into dst (room for 4 bytes a code
 * point); curly apostrophes and hyphens become ASCII so that lexicon entries
 * match either spelling. Returns the length. */
static size_t encode_lower(const ws_doc *d, uint32_t s, uint32_t e, char *dst)
{
    size_t o = 0;
    for (uint32_t i = s; i < e; i++) {
        uint32_t c = d->cp[i];
        if (c < 0x80) {
            dst[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            continue;
        }
        if (c == 0x2019 || c == 0x2018)
            c = '\'';
        else if (c == 0x2010 || c == 0x2011)
            c = '-';
        else
            c = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
        o += (size_t)utf8proc_encode_char((utf8proc_int32_t)c, (uint8_t *)dst + o);
    }
    dst[o] = 0;
    return o;
}

/* The lower-cased token text, in the arena with just the bytes it needs. */
static const char *lower(ws_doc *d, uint32_t s, uint32_t e)
{
    /* ASCII: one byte a code point, written straight into the arena */
    const uint32_t *cp = d->cp;
    uint32_t i = s;
    while (i < e && cp[i] < 0x80)
        i++;
    if (i == e) {
        char *r = ws_alloc_str(&d->arena, (size_t)(e - s) + 1);
        for (uint32_t k = s; k < e; k++) {
            uint32_t c = cp[k];
            r[k - s] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        r[e - s] = 0;
        return r;
    }
    size_t cap = (size_t)(e - s) * 4 + 1;
    if (cap > 256) {
        char *big = ws_alloc(&d->arena, cap);
        encode_lower(d, s, e, big);
        return big;
    }
    char small[256];
    size_t n = encode_lower(d, s, e, small);
    return ws_strndup(&d->arena, small, n);
}

/* Word extent starting at i: letters and digits, with apostrophes, hyphens,
 * periods and ampersands inside (don't, al-Bashir, U.S., AT&T). A trailing
 * period is kept when the word is an abbreviation or an initial. */
static uint32_t word_end(ws_doc *d, uint32_t i, bool *abbrev)
{
    uint32_t n = (uint32_t)d->n, j = i;
    bool dotted = false;
    *abbrev = false;
    while (j < n) {
        uint32_t c = d->cp[j];
        if (is_alnum(c)) {
            j++;
            continue;
        }
        /* UTF-8 read as Latin-1 ("FranÃÂ§ois" for "François", common in
         * scraped news): a byte of U+0080..U+00BF after "Ã" or "Â", composed
         * or not (A and U+0303 or U+0302), stays in the word (not the
         * guillemets, nor a no-break space) */
        if (j > i && c >= 0x80 && c <= 0xBF && c != 0xAB && c != 0xBB && c != 0xA0 &&
            (d->cp[j - 1] == 0xC3 || d->cp[j - 1] == 0xC2 ||
             ((d->cp[j - 1] == 0x303 || d->cp[j - 1] == 0x302) && j > i + 1 && d->cp[j - 2] == 'A'))) {
            j++;
            continue;
        }
        if (j + 1 < n && is_alnum(d->cp[j + 1]) &&
            (is_apos(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '&' ||
             (c == '.' && is_letter(d->cp[j + 1]) && j - i <= 3 && is_letter(d->cp[j - 1])) ||
             ((c == '.' || c == ',' || c == ':') && is_digit(d->cp[j - 1]) && is_digit(d->cp[j + 1])))) {
            if (c == '.' && !is_digit(d->cp[j - 1]))
                dotted = true;
            j++;
            continue;
        }
        break;
    }
    /* trailing period: initials (J.), dotted abbreviations (U.S.) and lexicon abbreviations */
    if (j < n && d->cp[j] == '.') {
        bool initial = j - i == 1 && is_upper(d->cp[i]);
        bool keep = initial || dotted;
        if (!keep) {
            /* looked up without keeping the string */
            char small[256];
            const char *low = (size_t)(j + 1 - i) * 4 + 1 <= sizeof small
                                  ? (encode_lower(d, i, j + 1, small), small)
                                  : lower(d, i, j + 1);
            keep = (ws_lex_word(low, NULL) & LX_ABBREV) != 0;
        }
        if (keep) {
            *abbrev = true;
            j++;
        }
    }
    return j;
}

/* The token just filled in at *t, the next of d->toks.v, joins the array
 * (*tp, the place of the next one, moves on); a line break before it starts
 * a paragraph. */
static inline void push_tok_fl(ws_doc *d, para *p, tok *t, uint16_t flags, tok **tp,
                               int32_t *npara)
{
    if (__builtin_expect((flags & F_PARA_START) && t != d->toks.v, 0)) {
        uint32_t nt = (uint32_t)(t - d->toks.v);
        p->t1 = nt;
        VPUSH(&d->arena, d->paras, *p);
        p->t0 = nt;
        (*npara)++;
    }
    t->para = *npara;
    *tp = t + 1;
}

/* (t->flags as they are, for the callers that keep them in t) */
static inline void push_tok(ws_doc *d, para *p, tok *t, tok **tp, int32_t *npara)
{
    push_tok_fl(d, p, t, t->flags, tp, npara);
}

/* After a one-character token: whether a space follows it, and where the
 * next token starts (the one space after it taken here, as after a word). */
static inline uint32_t after_short_tok(const uint32_t *cp, uint32_t n, tok *t, uint16_t *pend)
{
    uint32_t i = t->end;
    if (i < n && is_space(cp[i]))
        t->flags |= F_SPACE_AFTER;
    if (i < n && cp[i] == ' ') {
        i++;
        *pend = F_SPACE_BEFORE;
    }
    return i;
}

/* What word_end() keeps inside a word at src[m], after the ASCII letter or
 * digit lp[m - 1] (in lower case), when an ASCII letter or digit follows: an
 * apostrophe, a hyphen, an ampersand, a comma or period between digits, a
 * right single quote (a curly apostrophe) or a Unicode hyphen. Returns its
 * lower case (one byte, as encode_lower() writes it) and, times 256, the
 * bytes it has past the first; 0 for none of these. (The text is valid
 * UTF-8, NUL-terminated.) Not inline: the word loop keeps its registers. */
static __attribute__((noinline)) uint32_t joiner_at(const uint8_t *src, const char *lp, size_t m)
{
    const uint8_t *q = src + m;
    uint32_t b = q[0], j, extra = 0;
    if (b == '\'' || b == '-' || b == '&')
        j = b;
    else if ((b == ',' || b == '.') && is_digit((uint8_t)lp[m - 1]) && is_digit(q[1]))
        j = b;
    else if (b == 0xE2 && q[1] == 0x80 && q[2] == 0x99) /* U+2019 (is_apos(), not U+2018) */
        j = '\'', extra = 2;
    else if (b == 0xE2 && q[1] == 0x80 && (q[2] == 0x90 || q[2] == 0x91))
        j = '-', extra = 2;
    else
        return 0;
    return (ascii_lc[q[1 + extra]] & C_ALNUM) ? j | extra << 8 : 0;
}

/* The lower case of short ASCII words is written straight into a chunk of
 * the arena (room for the longest such word and its NUL at any time) and
 * kept when the word is done. */
#define LOW_CHUNK 4096
#define LOW_MAX 64 /* longest word of the fast path, with its NUL (and 8 bytes of zeroes) */

void ws_text_tokenize(ws_doc *d)
{
    uint32_t n = (uint32_t)d->n, i = 0;
    /* the flags the next token takes from the spaces before it: the text
     * starts a paragraph */
    uint16_t pend = F_SPACE_BEFORE | F_NL_BEFORE | F_PARA_START;
    para p = {0};
    char *lp = NULL, *lend = NULL; /* the chunk for lower-case words, and its end */
    const uint32_t *cp = d->cp;
    /* room for the tokens of ordinary prose (a token every four or five
     * characters), so that the array seldom has to be copied as it grows */
    if (n) {
        d->toks.cap = n / 4 + 16;
        d->toks.v = ws_grow(&d->arena, NULL, 0, d->toks.cap * sizeof *d->toks.v);
    }
    /* the token array, its count and the paragraphs' count in locals (in
     * registers: the stores of the lower case, through a char pointer,
     * would otherwise make every use of d->toks a load); d->toks.n is
     * written at the end */
    /* (the place of the next token and the end of the room: few values
     * live through the loop, and fewer of them spilled) */
    tok *tp = d->toks.v, *tend = d->toks.v;
    if (tp) { /* (no arithmetic on a null pointer: an empty text has no array) */
        tp += d->toks.n;
        tend += d->toks.cap;
    }
    int32_t npara = (int32_t)d->paras.n;
    const uint32_t *boff = d->boff;
    const uint8_t *utf8 = (const uint8_t *)d->utf8;
    while (i < n) {
        uint32_t c = cp[i];
        uint32_t cls = c < 0x80 ? ascii_class[c] : 0; /* the classes of an ASCII character */
        if ((cls & C_SPACE) || (c >= 0x80 && is_space_u(c))) {
            if (c == '\n' || c == 0x2029 || c == 0x2028 || c == 0x85)
                pend |= F_NL_BEFORE | F_PARA_START;
            pend |= F_SPACE_BEFORE;
            i++;
            continue;
        }
        if (__builtin_expect(tp == tend, 0)) {
            size_t nt = (size_t)(tp - d->toks.v), tcap = d->toks.cap;
            size_t nc = tcap ? tcap * 2 : 4;
            tok *tv = ws_grow(&d->arena, d->toks.v, tcap * sizeof *tv, nc * sizeof *tv);
            d->toks.v = tv;
            d->toks.cap = nc;
            tp = tv + nt;
            tend = tv + nc;
        }
        tok *t = tp;
        *t = (tok){.start = i,
                   .quote = -1,
                   .cue_lemma = -1,
                   .flags = pend};
        pend = 0;
        if (cls & C_ALNUM) {
            /* an ASCII word that no joiner continues (the common case): its
             * extent, classes, lower case and lexicon hash in one pass */
            if (__builtin_expect((size_t)(lend - lp) < LOW_MAX + 8, 0)) {
                lp = ws_alloc_str(&d->arena, LOW_CHUNK);
                lend = lp + LOW_CHUNK;
            }
            uint32_t h = WS_LEX_HASH_BASIS, acc = 0;
            size_t m = 0;
            /* read from the UTF-8 text, where an ASCII word's bytes are its
             * code points: a byte, and no test for ASCII. The text's NUL
             * after its last byte ends the word there (no letter, no digit),
             * so that only the length of the chunk's room is counted. */
            const uint8_t *src = utf8 + boff[i];
            uint32_t lc = ascii_lc[c];
            /* four characters a round, the room counted once a round (a
             * word cut short, at 60 bytes, goes on in the full rules) */
#define STEP_()                                                                                    \
    do {                                                                                           \
        acc |= lc; /* the classes are its low byte */                                              \
        uint32_t low = lc >> 8;                                                                    \
        lp[m++] = (char)low;                                                                       \
        h = (h ^ low) * WS_LEX_HASH_PRIME;                                                         \
        lc = ascii_lc[src[m]];                                                                     \
    } while (0)
        word:
            for (;;) {
                STEP_();
                if (!(lc & C_ALNUM))
                    break;
                STEP_();
                if (!(lc & C_ALNUM))
                    break;
                STEP_();
                if (!(lc & C_ALNUM))
                    break;
                STEP_();
                if (!(lc & C_ALNUM) || m >= LOW_MAX - 4)
                    break;
            }
            /* a joiner between letters or digits ("don't", "al-Bashir",
             * "1,000") goes on in the word, as word_end() has it (most
             * words: a space or a mark after them) */
            if (__builtin_expect((lc & (C_JOIN | C_HIGH)) && m < LOW_MAX - 4, 0)) {
                uint32_t jx = joiner_at(src, lp, m);
                if (jx) {
                    uint32_t j = jx & 0xFF;
                    lp[m++] = (char)j;
                    h = (h ^ j) * WS_LEX_HASH_PRIME;
                    src += jx >> 8; /* src[m] stays the byte of code point i + m */
                    lc = ascii_lc[src[m]];
                    goto word;
                }
            }
#undef STEP_
            uint32_t e = i + (uint32_t)m;
            /* the character after the word, from the byte read last: the
             * code point when ASCII (a byte of 0x80 or above is a non-ASCII
             * character's, which does not end the word here either way);
             * ascii_lc[] keeps every byte but a capital, which (a letter,
             * after a word cut at LOW_MAX) does not end the word either */
            uint32_t x = lc >> 8;
            bool ends = !(lc & (C_ALNUM | C_JOIN | C_HIGH));
            /* "09:20": a time is one number (word_end() joins it) */
            if (__builtin_expect(x == ':', 0) && is_digit(cp[e - 1]) && e + 1 < n && is_digit(cp[e + 1]))
                ends = false;
            if (__builtin_expect(!ends, 0) && (x == ',' || x == '.')) {
                /* what word_end() would do with a comma or a period */
                uint32_t y = e + 1 < n ? cp[e + 1] : 0;
                bool digits = is_digit(cp[e - 1]) && is_digit(y); /* 1,000 and 3.5 go on */
                if (x == ',') {
                    ends = !digits;
                } else if (e + 1 < n && is_alnum(y) &&
                           (digits || (is_letter(y) && e - i <= 3 && is_letter(cp[e - 1])))) {
                    ends = false; /* U.S., a.m. */
                } else if (e - i == 1 && is_upper(cp[i])) {
                    ends = false; /* an initial keeps its period */
                } else {
                    /* an abbreviation in the lexicon keeps it too ("Gov.") */
                    lp[e - i] = '.';
                    lp[e - i + 1] = 0;
                    const struct lex_entry *le =
                        ws_lex_find_hashed(lp, (h ^ '.') * WS_LEX_HASH_PRIME);
                    ends = !(le && (le->cls & LX_ABBREV));
                }
            }
            if (__builtin_expect(ends, 1)) {
                /* the token's fields in locals, each stored once */
                uint32_t len = e - i;
                uint16_t fl = t->flags, kind = T_WORD;
                if (acc & C_DIGIT)
                    fl |= F_HAS_DIGIT;
                if (cls & C_LETTER) {
                    /* most words: the first letter is the first character */
                    if (cls & C_UPPER)
                        fl |= F_CAP;
                    else if (__builtin_expect(acc & C_UPPER, 0) && particle_capital(cp, i, e))
                        fl |= F_CAP;
                } else if (acc & C_LETTER) {
                    uint32_t f = i; /* (past digits and joiners, some not ASCII) */
                    while (cp[f] >= 0x80 || !(ascii_class[cp[f]] & C_LETTER))
                        f++;
                    if (ascii_class[cp[f]] & C_UPPER)
                        fl |= F_CAP;
                } else {
                    kind = T_NUM;
                }
                if ((acc & C_UPPER) && !(acc & C_LOWER)) {
                    /* all capitals: two letters or more */
                    uint32_t nlet = 0;
                    for (uint32_t f = i; f < e; f++)
                        nlet += cp[f] < 0x80 && (ascii_class[cp[f]] & C_LETTER);
                    if (nlet >= 2)
                        fl |= F_ALLCAP;
                }
                fl |= (lc & C_SPACE) ? F_SPACE_AFTER : 0; /* the byte after (x is 0 at the end of the text) */
                t->end = e;
                t->kind = kind;
                t->flags = fl;
                t->len = len;
                /* the NUL, and zeroes to eight bytes: the lexicon compares
                 * a word's first eight bytes at once (w8) */
                memset(lp + len, 0, 8);
                const char *low = lp, *w8 = lp;
                if (len == 1) {
                    low = ascii_str[(unsigned char)lp[0]];
                } else {
                    lp += len + 1;
                }
                t->low = low;
                t->hash = h;
                if (kind == T_WORD)
                    ws_lex_new_tok(t, ws_lex_find_head(w8, len, h));
                i = e;
                if (x == ' ') {
                    /* the one space after most words, taken here rather
                     * than by another round of the loop */
                    i++;
                    pend = F_SPACE_BEFORE;
                }
                push_tok_fl(d, &p, t, fl, &tp, &npara);
                continue;
            }
        }
        if (c < 0x80 && !(cls & C_ALNUM) && c != '"' && c != '\'' &&
            !((c == '.' || c == '-') && i + 1 < n && cp[i + 1] == c)) {
            /* ASCII punctuation of one character (no quote mark, no run of
             * periods or dashes): what the general rules below make of it */
            t->kind = T_PUNCT;
            t->end = i + 1;
            if (c == '.' || c == '!' || c == '?')
                t->flags |= F_END_MARK;
            t->low = ascii_str[c];
            t->len = 1;
            t->hash = (WS_LEX_HASH_BASIS ^ c) * WS_LEX_HASH_PRIME;
            i = after_short_tok(cp, n, t, &pend);
            push_tok(d, &p, t, &tp, &npara);
            continue;
        }
        if (is_apos(c) && i + 1 < n && is_digit(cp[i + 1]) && (i == 0 || !is_alnum(cp[i - 1]))) {
            /* '90s: an elided century, not a quote mark */
            bool ab;
            t->end = word_end(d, i + 1, &ab);
            t->kind = T_WORD;
        } else if (is_alnum(c)) {
            /* the full rules */
            bool ab = false;
            t->end = word_end(d, i, &ab);
            t->kind = T_WORD;
            if (ab)
                t->flags |= F_ABBREV;
            /* plural possessive: the Smiths' house (an apostrophe after s,
             * then a space and a lower-case word, is not a closing quote) */
            /* ... or, between capitalised words, in a body's name: "the
             * Danish Nurses' Organization", "Veterans' Affairs") */
            if (t->end < n && is_apos(cp[t->end]) && t->end > i && (cp[t->end - 1] == 's') &&
                t->end + 2 < n && cp[t->end + 1] == ' ' && is_letter(cp[t->end + 2]) &&
                (!is_upper(cp[t->end + 2]) || (is_upper(cp[i]) && !single_opened(cp, i))))
                t->end++;
        } else if (ws_is_quote_char(c)) {
            t->kind = T_QUOTE;
            VPUSH(&d->arena, d->qmarks, (uint32_t)(t - d->toks.v)); /* the index this token gets */
            t->end = i + 1;
            bool single = c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A ||
                          c == 0x201B || c == 0x2039 || c == 0x203A;
            /* two single marks in a row stand for a double one (''…'', the
             * style of some archives and of typewritten text) */
            /* three closing after a word ('…,''') are a single mark closing
             * inside a double one: the single first */
            bool inner_close = i + 2 < n && cp[i + 1] == c && cp[i + 2] == c && i > 0 &&
                               !is_space(cp[i - 1]);
            if (single && c != 0x2039 && c != 0x203A && i + 1 < n && cp[i + 1] == c &&
                !inner_close) {
                t->end = i + 2;
                single = false;
            }
            if (single)
                t->flags |= F_SINGLE;
        } else {
            t->kind = T_PUNCT;
            t->end = i + 1;
            /* ellipsis and dash runs are one token */
            while (t->end < n && (c == '.' || ws_is_dash(c)) && cp[t->end] == c)
                t->end++;
            if (c == '.' || c == '!' || c == '?' || c == 0x2026)
                t->flags |= F_END_MARK;
        }
        uint32_t len = t->end - t->start;
        const char *pl;
        if (len == 1 && t->kind != T_WORD && (pl = punct_low(c)) != NULL) {
            /* a curly quote mark or a dash: no letter, no digit, and a
             * lower case of its own, shared and read-only */
            t->low = pl;
            t->len = (uint32_t)strlen(pl);
            t->hash = ws_fnv_n(WS_LEX_HASH_BASIS, pl, t->len);
            i = after_short_tok(cp, n, t, &pend);
            push_tok(d, &p, t, &tp, &npara);
            continue;
        }
        if (len == 1 && cp[t->start] < 0x80) {
            /* one character: its lower case is a shared, read-only string */
            uint32_t ch = cp[t->start];
            uint8_t cls = ascii_class[ch];
            if (cls & C_DIGIT)
                t->flags |= F_HAS_DIGIT;
            if (cls & C_UPPER)
                t->flags |= F_CAP;
            if (t->kind == T_WORD && !(cls & C_LETTER))
                t->kind = T_NUM;
            uint32_t lc = ch + ((cls & C_UPPER) ? 32 : 0);
            t->low = ascii_str[lc];
            t->len = 1;
            t->hash = (WS_LEX_HASH_BASIS ^ lc) * WS_LEX_HASH_PRIME;
            if (t->kind == T_WORD)
                ws_lex_new_tok(t, ws_lex_find_hashed(t->low, t->hash));
            i = after_short_tok(cp, n, t, &pend);
            push_tok(d, &p, t, &tp, &npara);
            continue;
        }
        /* ASCII: classes, lower case and the lexicon hash in one pass (a
         * non-ASCII character stops it, and the general code below runs) */
        uint32_t x = t->start;
        while (x < t->end && cp[x] < 0x80)
            x++;
        if (len > 1 && x == t->end) {
            char *low;
            if (len + 1 <= (size_t)(lend - lp)) {
                low = lp;
                lp += len + 1;
            } else {
                low = ws_alloc_str(&d->arena, (size_t)len + 1);
            }
            uint32_t h = WS_LEX_HASH_BASIS, acc = 0, nlet = 0;
            for (x = t->start; x < t->end; x++) {
                uint32_t ch = cp[x];
                uint32_t cls = ascii_class[ch];
                acc |= cls;
                nlet += (cls >> 2) & 1; /* C_LETTER */
                ch += (cls & C_UPPER) << 2; /* C_UPPER is 8: upper case + 32 */
                low[x - t->start] = (char)ch;
                h = (h ^ ch) * WS_LEX_HASH_PRIME;
            }
            if (acc & C_DIGIT)
                t->flags |= F_HAS_DIGIT;
            if (acc & C_LETTER) {
                uint32_t f = t->start;
                while (!(ascii_class[cp[f]] & C_LETTER))
                    f++;
                if (ascii_class[cp[f]] & C_UPPER)
                    t->flags |= F_CAP;
                else if ((acc & C_UPPER) && particle_capital(cp, t->start, t->end))
                    t->flags |= F_CAP;
            }
            if (t->kind == T_WORD && nlet == 0)
                t->kind = T_NUM;
            if ((acc & C_UPPER) && !(acc & C_LOWER) && nlet >= 2)
                t->flags |= F_ALLCAP;
            if (t->end < n && is_space(cp[t->end]))
                t->flags |= F_SPACE_AFTER;
            low[len] = 0;
            t->low = low;
            t->len = len;
            t->hash = h;
            if (t->kind == T_WORD)
                ws_lex_new_tok(t, ws_lex_find_hashed(t->low, h));
            i = t->end;
            push_tok(d, &p, t, &tp, &npara);
            continue;
        }
        bool has_upper = false, has_lower = false;
        int letters = 0;
        for (uint32_t j = t->start; j < t->end; j++) {
            uint32_t y = cp[j];
            if (is_digit(y))
                t->flags |= F_HAS_DIGIT;
            if (is_letter(y)) {
                letters++;
                if (is_upper(y))
                    has_upper = true;
                else
                    has_lower = true;
                if (letters == 1 && is_upper(y))
                    t->flags |= F_CAP;
            }
        }
        if (t->kind == T_WORD && letters == 0)
            t->kind = T_NUM;
        if (has_upper && !(t->flags & F_CAP) && particle_capital(cp, t->start, t->end))
            t->flags |= F_CAP;
        if (has_upper && !has_lower && letters >= 2)
            t->flags |= F_ALLCAP;
        if (t->end < n && is_space(cp[t->end]))
            t->flags |= F_SPACE_AFTER;
        t->low = lower(d, t->start, t->end);
        uint32_t h = WS_LEX_HASH_BASIS;
        const char *q = t->low;
        for (; *q; q++)
            h = (h ^ (unsigned char)*q) * WS_LEX_HASH_PRIME;
        t->hash = h;
        t->len = (uint32_t)(q - t->low);
        if (t->kind == T_WORD)
            ws_lex_new_tok(t, ws_lex_find_hashed(t->low, h));
        i = t->end;
        push_tok(d, &p, t, &tp, &npara);
    }
    if (tp)
        d->toks.n = (size_t)(tp - d->toks.v);
    /* the last paragraph */
    if (d->toks.n) {
        p.t1 = (uint32_t)d->toks.n;
        VPUSH(&d->arena, d->paras, p);
    }
}

static bool opens_sentence(const ws_doc *d, uint32_t k)
{
    const tok *t = &d->toks.v[k];
    if (t->flags & (F_CAP | F_HAS_DIGIT))
        return true;
    if (t->kind == T_QUOTE || tok_punct(d, k, '(') || tok_punct(d, k, '['))
        return true;
    return false;
}

/* Sentence boundaries: . ! ? (with closing marks and brackets after them),
 * paragraph breaks; an abbreviation ends a sentence only before a word that
 * cannot continue a name (U.S. The ...). */
/* A dateline opening a paragraph, "BRUSSELS, March 3 (Reuters) -" or
 * "WASHINGTON (AP) —": the index of its dash, else 0. It is a sentence of
 * its own, so the first sentence's subject does not reach back into it. */
/* (also "LONDON/ZURICH, June 3 (Bloomberg) -", and without a dash after
 * the agency: "Sonapur, Aug 22 (PTI) The flood …", where the place may be
 * written in lower case, since the comma, the date and the agency make it
 * a dateline) */
static uint32_t dateline_dash(const ws_doc *d, uint32_t k)
{
    const tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n;
    if (T[k].kind != T_WORD || !(T[k].flags & F_CAP) || T[k].end - T[k].start < 3)
        return 0;
    bool allcap = (T[k].flags & F_ALLCAP) != 0, comma = false, num = false, paren = false;
    for (uint32_t j = k + 1; j < n && j < k + 16; j++) {
        const tok *t = &T[j];
        if (t->flags & F_PARA_START)
            return 0;
        if (t->kind == T_NUM) {
            num = true;
            continue;
        }
        if (t->kind == T_WORD) {
            /* (an agency may write itself in lower case: "(dpa)") */
            if (!(t->flags & (F_CAP | F_HAS_DIGIT)) && !paren)
                return 0;
            continue;
        }
        if (t->kind != T_PUNCT)
            return 0;
        uint32_t c = d->cp[t->start];
        if (ws_is_dash(c)) {
            /* "Budavar (AFP) -", "… Nov 21 (EFE).-": after an agency's
             * parenthesis the place need not be in capitals, and EFE puts
             * a full stop before its dash */
            bool agency = tok_punct(d, j - 1, ')') ||
                          (tok_punct(d, j - 1, '.') && j >= k + 2 && tok_punct(d, j - 2, ')'));
            bool spaced = (t->flags & F_SPACE_BEFORE) || (agency && tok_punct(d, j - 1, '.'));
            return (allcap || agency) && spaced && j + 1 < n && (T[j + 1].flags & F_SPACE_BEFORE) ? j : 0;
        }
        paren = c == '(' || (paren && c != ')');
        /* "(PTI) The …": the agency closes it, and a sentence starts */
        if (c == ')' && comma && num && j >= k + 3 && tok_punct(d, j - 2, '(') && T[j - 1].kind == T_WORD &&
            j + 1 < n && T[j + 1].kind == T_WORD && (T[j + 1].flags & F_CAP) &&
            (T[j + 1].flags & F_SPACE_BEFORE) && !(T[j + 1].flags & F_PARA_START))
            return j;
        comma = comma || c == ',';
        if (c != ',' && c != '(' && c != ')' && c != '.' && c != '/')
            return 0;
    }
    return 0;
}

/* A paragraph at k that opens with a label "WORD WORD:" (one to three
 * words, the first capitalised; with allcap, all in capitals) before a
 * capitalised word: the index of its colon, else 0. */
static uint32_t colon_label(const ws_doc *d, uint32_t k, bool allcap)
{
    const tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n;
    if (T[k].kind != T_WORD || !(T[k].flags & F_CAP))
        return 0;
    for (uint32_t j = k; j < n && j < k + 4; j++) {
        if (T[j].kind == T_WORD && (T[j].flags & (allcap ? F_ALLCAP : F_CAP)) &&
            (j == k || !(T[j].flags & F_PARA_START)))
            continue;
        if (j > k && tok_punct(d, j, ':') && j + 1 < n && (T[j + 1].flags & F_CAP) &&
            !(T[j + 1].flags & F_PARA_START))
            return j;
        return 0;
    }
    return 0;
}

/* A dateline written with a colon, "BHAVANPUR: The district collector …"
 * (South Asian and West African papers), or a kicker such as "BUSTED: …"
 * in one of an article's first three paragraphs: the index of its colon,
 * else 0. A transcript labels its speakers the same way ("TAPPER: And …"),
 * but labels more than one paragraph so; the dateline is the article's one
 * label. */
static uint32_t dateline_colon(const ws_doc *d, uint32_t k)
{
    const tok *T = d->toks.v;
    if (T[k].para > 2 || !(T[k].flags & F_ALLCAP) || (T[k].lex2 & LX2_COLON_SOURCE))
        return 0;
    uint32_t colon = colon_label(d, k, true);
    if (!colon || T[colon - 1].end - T[k].start < 3)
        return 0;
    for (size_t p = 0; p < d->paras.n; p++)
        if (d->paras.v[p].t0 != k && colon_label(d, d->paras.v[p].t0, false))
            return 0;
    /* "Gov. Mike Pence … PENCE: She will not …": the surname of a person
     * named before, after a first name or a title, labels an interview */
    const tok *l = &T[colon - 1];
    for (uint32_t j = 1; j < k; j++)
        if (T[j].hash == l->hash && T[j].len == l->len && memcmp(T[j].low, l->low, l->len) == 0 &&
            T[j - 1].kind == T_WORD && (T[j - 1].flags & F_CAP) &&
            !(T[j - 1].lex & (LX_DET | LX_WL_PREP | LX_PRONOUN)))
            return 0;
    return colon;
}

/* The words a headline capitalises that running text writes in lower case:
 * verbs of saying, function words, pronouns. */
#define HEADLINE_LOWER                                                                             \
    (LX_CUE | LX_CUE_ING | LX_WL_CLAUSE | LX_WL_PREP | LX_AUX | LX_WL_AUXVERB | LX_DET |          \
     LX_PRONOUN)

/* headline_case()'s count of token t, a word inside a sentence: a word the
 * lexicon knows in a lower-case class (*n), and capitalised (*up) */
static inline void headline_count(const tok *t, uint32_t *n, uint32_t *up)
{
    /* no branch: which words count follows no pattern a predictor learns
     * (a token with lexicon classes is a word: the tokenizer looks up no
     * other; F_CAP is bit 0) */
    uint32_t lex = t->lex, fl = t->flags;
    uint32_t ok = ((lex & HEADLINE_LOWER) != 0) &
                  (((lex & (LX_HONORIFIC | LX_TITLE | LX_MONTH | LX_WEEKDAY)) | (fl & F_ALLCAP)) == 0) &
                  (t->len != 1);
    *n += ok;
    *up += ok & fl;
}

/* A title-case headline ("Bellwether County Says Trump Should Win GOP
 * Nomination") capitalises its verbs and function words, which would run the
 * speaker, the cue and the content into one name. Where a sentence
 * capitalises at least two such words and as many as it leaves in lower case,
 * those words lose their capital, and the later stages read the headline as
 * running text. A name keeps its capital: the words lowered are only those the
 * lexicon knows in a lower-case class. */
/* (for sentence s, whose words after the first counted up and low as the
 * sentences are found: one pass over the tokens) */
static void headline_case(ws_doc *d, const sent *s, uint32_t up, uint32_t low)
{
    if (up < 2 || low > up)
        return;
    for (uint32_t k = s->t0 + 1; k < s->t1; k++) {
        tok *t = &d->toks.v[k];
        if (t->kind == T_WORD && (t->flags & F_CAP) && !(t->flags & F_ALLCAP) &&
            (t->lex & HEADLINE_LOWER) &&
            !(t->lex & (LX_HONORIFIC | LX_TITLE | LX_MONTH | LX_WEEKDAY)) && t->len > 1 &&
            d->toks.v[k - 1].kind != T_QUOTE && !tok_punct(d, k - 1, ':'))
            t->flags &= (uint16_t)~F_CAP;
    }
}

/* Sentence s joins the list, and loses its headline case; the counts start
 * again for the next. Finding the later sentences reads only tokens after s,
 * whose capitals are still as written. */
static inline void push_sent(ws_doc *d, sent s, uint32_t *n, uint32_t *up)
{
    VPUSH(&d->arena, d->sents, s);
    headline_case(d, &s, *up, *n - *up);
    *n = *up = 0;
}

void ws_text_sentences(ws_doc *d)
{
    tok *T = d->toks.v;
    uint32_t n = (uint32_t)d->toks.n;
    sent s = {0};
    uint32_t dash = 0; /* the dash of a dateline, where a sentence ends */
    int32_t cur = 0;   /* d->sents.n, kept here: the sentence of the tokens now */
    uint32_t nhl = 0, up = 0; /* headline_count() of the sentence's words so far */
    /* (t is &T[k], moved on with k: no address worked out from k) */
    tok *t = T;
    for (uint32_t k = 0; k < n; k++, t++) {
        uint16_t fl = t->flags;
        /* a paragraph's start, then the dash of its dateline (after the
         * start: the two never fall on one token); the first token starts
         * one (the tokenizer's first flags), so one test of the flags
         * finds them all */
        if (__builtin_expect(fl & F_PARA_START, 0)) {
            dash = dateline_dash(d, k);
            if (!dash && __builtin_expect(T[k].flags & F_ALLCAP, 0))
                dash = dateline_colon(d, k);
            for (uint32_t x = k; dash && x <= dash; x++)
                T[x].flags |= F_DATELINE;
            if (k > s.t0) {
                s.t1 = k;
                s.para = T[s.t0].para;
                push_sent(d, s, &nhl, &up);
                cur++;
                s.t0 = k;
            }
        } else if (k == dash && k + 1 < n && !(t[1].flags & F_PARA_START)) {
            t->sent = cur;
            s.t1 = k + 1;
            s.para = T[s.t0].para;
            push_sent(d, s, &nhl, &up); /* the dash counts for nothing */
            cur++;
            s.t0 = k + 1;
            continue;
        }
        t->sent = cur;
        if (k > s.t0)
            headline_count(t, &nhl, &up);
        /* (a phrase too: "sat down", "held talks", a verb and a particle or
         * a word of meeting; the look-up only then, as it costs 1.5% of all
         * instructions when asked of every phrase's first word) */
        if ((t->lex & LX_MEET) ||
            ((t->lex & LX_PREFIX) && k + 1 < n && T[k + 1].kind == T_WORD &&
             ((T[k + 1].lex & LX_MEET) || (T[k + 1].lex2 & LX2_PARTICLE_UP)) &&
             ws_lex_phrase_long(d, k, LX_MEET, NULL) > 1))
            VPUSH(&d->arena, d->meets, k);
        /* most tokens: no end of a sentence (one test of the flags; which
         * tokens pass follows no pattern a branch predictor learns) */
        if (!(fl & (F_END_MARK | F_ABBREV)))
            continue;
        bool end;
        uint32_t last = k;
        if (fl & F_END_MARK) {
            end = true;
        } else if (t->kind == T_WORD && (fl & F_ABBREV) && k + 1 < n && (t[1].lex & LX_CAPSTOP) &&
                   (t[1].flags & F_CAP) && !(t->lex & LX_HONORIFIC) && !(t->lex & LX_TITLE)) {
            /* not an initial; but "posted on X. It …", "in Unit B. The
             * …": a capital letter after a lower-case word ends it */
            end = t->end - t->start > 2 || (k > 0 && T[k - 1].kind == T_WORD && !(T[k - 1].flags & F_CAP));
        } else if (t->kind == T_WORD && (fl & F_ABBREV) && k + 1 < n && T[k + 1].kind == T_WORD &&
                   (T[k + 1].flags & F_CAP) && !(T[k + 1].flags & F_HAS_DIGIT) && low_is(t, "no.")) {
            /* "Mr. Jones said no. Davis said yes.": "No." stands for a
             * number only before one ("No. 10", "No. 2 official") */
            end = true;
        } else if (t->kind == T_WORD && (fl & F_ABBREV) && k + 2 < n && T[k + 1].kind == T_QUOTE &&
                   (T[k + 1].flags & F_SPACE_BEFORE) && T[k + 2].kind == T_WORD &&
                   (T[k + 2].flags & F_CAP) && !(T[k + 2].flags & F_SPACE_BEFORE) &&
                   !(t->lex & (LX_HONORIFIC | LX_TITLE))) {
            /* "…, of Jacksonville, Fla. ''She …": a quotation opens a
             * sentence (and after "posted on X." too) */
            end = t->end - t->start > 2 || (k > 0 && T[k - 1].kind == T_WORD && !(T[k - 1].flags & F_CAP));
        } else {
            continue;
        }
        if (!end)
            continue;
        /* take closing quote marks and brackets */
        while (last + 1 < n) {
            const tok *u = &T[last + 1];
            if (u->flags & F_PARA_START)
                break;
            if ((u->kind == T_QUOTE && !(u->flags & F_SPACE_BEFORE)) || tok_punct(d, last + 1, ')') ||
                tok_punct(d, last + 1, ']')) {
                last++;
                continue;
            }
            break;
        }
        if (last + 1 >= n)
            continue;
        const tok *nx = &T[last + 1];
        if (nx->flags & F_PARA_START)
            continue; /* the paragraph break will split */
        if (!(nx->flags & F_SPACE_BEFORE) || !opens_sentence(d, last + 1))
            continue;
        /* "..." followed by a lower-case word was already excluded; a quote
         * mark after the end that opens a new quote starts a sentence */
        for (uint32_t j = k + 1; j <= last; j++)
            T[j].sent = cur;
        k = last; /* closing marks and brackets: no words to count */
        t = &T[last];
        s.t1 = last + 1;
        s.para = T[s.t0].para;
        push_sent(d, s, &nhl, &up);
        cur++;
        s.t0 = last + 1;
    }
    if (n > s.t0) {
        s.t1 = n;
        s.para = T[s.t0].para;
        push_sent(d, s, &nhl, &up);
    }
    for (uint32_t k = 0; k < d->sents.n; k++)
        T[d->sents.v[k].t0].flags |= F_SENT_START;
}

char *ws_span_dup(ws_doc *d, uint32_t start, uint32_t end)
{
    if (end > d->n)
        end = (uint32_t)d->n;
    if (start > end)
        start = end;
    return ws_strndup(&d->arena, d->utf8 + d->boff[start], d->boff[end] - d->boff[start]);
}
