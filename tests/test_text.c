/*
 * test_text.c - stage 1 (src/text.c): UTF-8 decoding, code-point offsets,
 * tokens, sentences and paragraphs, and the argument checks of ws_analyze().
 *
 * The document is built with ws_analyze() and inspected through the internal
 * types of src/internal.h (doc->toks, doc->sents, doc->paras).
 */
#include "testutil.h"

#include "internal.h"

#include <ctype.h>

/* ---- helpers ---------------------------------------------------------------- */

static const char *tok_str(const ws_doc *d, size_t i, char *buf, size_t size)
{
    assert_true(i < d->toks.n);
    ws_span s = {d->toks.v[i].start, d->toks.v[i].end};
    return tu_text(d, s, buf, size);
}

static const char *sent_str(const ws_doc *d, size_t k, char *buf, size_t size)
{
    assert_true(k < d->sents.n);
    const sent *s = &d->sents.v[k];
    assert_true(s->t0 < s->t1);
    ws_span sp = {d->toks.v[s->t0].start, d->toks.v[s->t1 - 1].end};
    return tu_text(d, sp, buf, size);
}

static const char *para_str(const ws_doc *d, size_t k, char *buf, size_t size)
{
    assert_true(k < d->paras.n);
    const para *p = &d->paras.v[k];
    assert_true(p->t0 < p->t1);
    ws_span sp = {d->toks.v[p->t0].start, d->toks.v[p->t1 - 1].end};
    return tu_text(d, sp, buf, size);
}

/* Index of the first token whose text is s, or -1. */
static long find_tok(const ws_doc *d, const char *s)
{
    char b[256];
    for (size_t i = 0; i < d->toks.n; i++)
        if (strcmp(tok_str(d, i, b, sizeof b), s) == 0)
            return (long)i;
    return -1;
}

/* The token whose text is s must exist; returns its index. */
static size_t must_tok(const ws_doc *d, const char *s)
{
    long i = find_tok(d, s);
    if (i < 0) {
        char b[256];
        print_message("no token \"%s\"; tokens are:", s);
        for (size_t k = 0; k < d->toks.n; k++)
            print_message(" [%s]", tok_str(d, k, b, sizeof b));
        print_message("\n");
        fail();
    }
    return (size_t)i;
}

/* Check the sentences of text are exactly the given strings. */
static void expect_sentences(const char *text, const char *const *want, size_t n)
{
    ws_doc *d = tu_analyze(text, 0);
    char b[512];
    bool ok = d->sents.n == n;
    for (size_t k = 0; ok && k < n; k++)
        ok = strcmp(sent_str(d, k, b, sizeof b), want[k]) == 0;
    if (!ok) {
        print_message("text: %s\nexpected %zu sentence(s):\n", text, n);
        for (size_t k = 0; k < n; k++)
            print_message("  <%s>\n", want[k]);
        print_message("got %zu:\n", d->sents.n);
        for (size_t k = 0; k < d->sents.n; k++)
            print_message("  <%s>\n", sent_str(d, k, b, sizeof b));
    }
    ws_doc_free(d);
    assert_true(ok);
}

/* The error message names the decimal number n (not as part of a longer number). */
static bool names_number(const char *msg, size_t n)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", n);
    size_t l = strlen(num);
    for (const char *p = strstr(msg, num); p; p = strstr(p + 1, num)) {
        bool before = p > msg && isdigit((unsigned char)p[-1]);
        bool after = isdigit((unsigned char)p[l]);
        if (!before && !after)
            return true;
    }
    return false;
}

static void expect_utf8_error(const char *text, size_t len, size_t byte_offset)
{
    ws_doc *doc = (ws_doc *)&doc; /* must be reset to NULL */
    ws_error err;
    memset(&err, 'x', sizeof err);
    ws_status st = ws_analyze(text, len, NULL, &doc, &err);
    assert_int_equal(st, WS_ERR_UTF8);
    assert_int_equal(err.code, WS_ERR_UTF8);
    assert_null(doc);
    assert_non_null(memchr(err.message, 0, sizeof err.message));
    if (!names_number(err.message, byte_offset))
        fail_msg("message \"%s\" does not give the byte offset %zu", err.message, byte_offset);
}

/* ---- UTF-8 ------------------------------------------------------------------ */

static void test_invalid_byte(void **state)
{
    (void)state;
    const char t[] = "Hello, world\xff and more";
    expect_utf8_error(t, sizeof t - 1, 12);
}

static void test_invalid_sequences(void **state)
{
    (void)state;
    const char lone[] = "x\x80y";           /* continuation byte without a lead */
    const char trunc[] = "abc \xE2\x80";      /* truncated at the end */
    const char trunc2[] = "ab \xE2\x80 cd";   /* truncated in the middle */
    const char overlong[] = "ok \xC0\xAF";    /* overlong '/' */
    const char surrogate[] = "a \xED\xA0\x80"; /* U+D800 */
    const char big[] = "abcde \xF4\x90\x80\x80"; /* above U+10FFFF */
    const char late[] = "Caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D \xFE"; /* after multibyte text */
    expect_utf8_error(lone, sizeof lone - 1, 1);
    expect_utf8_error(trunc, sizeof trunc - 1, 4);
    expect_utf8_error(trunc2, sizeof trunc2 - 1, 3);
    expect_utf8_error(overlong, sizeof overlong - 1, 3);
    expect_utf8_error(surrogate, sizeof surrogate - 1, 2);
    expect_utf8_error(big, sizeof big - 1, 6);
    expect_utf8_error(late, sizeof late - 1, 15);
}

static void test_nul_byte(void **state)
{
    (void)state;
    const char t[] = "ab\0cd";
    expect_utf8_error(t, 5, 2);
    const char t2[] = "\0";
    expect_utf8_error(t2, 1, 0);
}

static void test_replace_invalid(void **state)
{
    (void)state;
    /* a, \xff, b, \xE2 \x80 (truncated: two bad bytes), c, NUL, d */
    const char t[] = "a\xff" "b\xE2\x80" "c\0d";
    ws_options o = {WS_REPLACE_INVALID, 0};
    ws_doc *d = NULL;
    ws_error err;
    assert_int_equal(ws_analyze(t, sizeof t - 1, &o, &d, &err), WS_OK);
    assert_non_null(d);
    const uint32_t want[] = {'a', 0xFFFD, 'b', 0xFFFD, 0xFFFD, 'c', 0xFFFD, 'd'};
    assert_int_equal(ws_doc_length(d), 8);
    assert_int_equal(d->n, 8);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(d->cp[i], want[i]);
    char b[64];
    ws_span s = {1, 2};
    assert_int_equal(ws_doc_span_text(d, s, b, sizeof b), 3);
    assert_string_equal(b, "\xEF\xBF\xBD");
    ws_span all = {0, 8};
    assert_int_equal(ws_doc_span_text(d, all, b, sizeof b), 4 + 4 * 3);
    assert_string_equal(b, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
    ws_doc_free(d);
}

static void test_replace_offsets(void **state)
{
    (void)state;
    /* two bad bytes, then a name: offsets after them count one code point each */
    const char t[] = "\xff\xfe Dr. Jane Okafor said \xC3\xA9t\xC3\xA9.";
    ws_doc *d = tu_analyze(t, WS_REPLACE_INVALID);
    char b[64];
    size_t k = must_tok(d, "Jane");
    assert_int_equal(d->toks.v[k].start, 7);
    assert_int_equal(d->toks.v[k].end, 11);
    k = must_tok(d, "été");
    assert_int_equal(d->toks.v[k].start, 24);
    assert_int_equal(d->toks.v[k].end, 27);
    ws_span s = {0, 2};
    assert_string_equal(tu_text(d, s, b, sizeof b), "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(ws_doc_length(d), 28);
    ws_doc_free(d);
}

static void test_valid_noncharacters(void **state)
{
    (void)state;
    /* U+FFFE and U+10FFFF are valid UTF-8 (noncharacters, not errors) */
    const char t[] = "a \xEF\xBF\xBE b \xF4\x8F\xBF\xBF c";
    ws_doc *d = tu_analyze(t, 0);
    assert_int_equal(ws_doc_length(d), 9);
    assert_int_equal(d->cp[2], 0xFFFE);
    assert_int_equal(d->cp[6], 0x10FFFF);
    ws_doc_free(d);
}

/* ---- code points and span text ----------------------------------------------- */

static void test_codepoint_offsets(void **state)
{
    (void)state;
    /* C a f é _ “ O l é ” _ 😀 _ Z o ë _ s a i d .
     * 0 1 2 3 4 5 6 7 8 9 10 11 ...                   */
    const char t[] = "Caf\xC3\xA9 \xE2\x80\x9COl\xC3\xA9\xE2\x80\x9D \xF0\x9F\x98\x80 Zo\xC3\xAB said.";
    ws_doc *d = tu_analyze(t, 0);
    assert_int_equal(ws_doc_length(d), 22);
    struct {
        const char *s;
        uint32_t start, end;
        int kind;
    } want[] = {
        {"Caf\xC3\xA9", 0, 4, T_WORD},
        {"\xE2\x80\x9C", 5, 6, T_QUOTE},
        {"Ol\xC3\xA9", 6, 9, T_WORD},
        {"\xE2\x80\x9D", 9, 10, T_QUOTE},
        {"\xF0\x9F\x98\x80", 11, 12, -1},
        {"Zo\xC3\xAB", 13, 16, T_WORD},
        {"said", 17, 21, T_WORD},
        {".", 21, 22, T_PUNCT},
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(d->toks.n, n);
    char b[64];
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(d->toks.v[i].start, want[i].start);
        assert_int_equal(d->toks.v[i].end, want[i].end);
        assert_string_equal(tok_str(d, i, b, sizeof b), want[i].s);
        if (want[i].kind >= 0)
            assert_int_equal(d->toks.v[i].kind, want[i].kind);
    }
    assert_string_equal(d->toks.v[0].low, "caf\xC3\xA9");
    assert_true(d->toks.v[0].flags & F_CAP);
    assert_true(d->toks.v[5].flags & F_CAP);
    assert_false(d->toks.v[6].flags & F_CAP);
    ws_doc_free(d);
}

static void test_span_text(void **state)
{
    (void)state;
    const char t[] = "Zo\xC3\xAB \xF0\x9F\x98\x80 ok";
    ws_doc *d = tu_analyze(t, 0);
    char b[64];
    ws_span zoe = {0, 3}, emoji = {4, 5}, all = {0, 8}, empty = {2, 2};
    assert_int_equal(ws_doc_span_text(d, zoe, b, sizeof b), 4);
    assert_string_equal(b, "Zo\xC3\xAB");
    assert_int_equal(ws_doc_span_text(d, emoji, b, sizeof b), 4);
    assert_string_equal(b, "\xF0\x9F\x98\x80");
    assert_int_equal(ws_doc_span_text(d, all, b, sizeof b), strlen(t));
    assert_string_equal(b, t);
    assert_int_equal(ws_doc_span_text(d, empty, b, sizeof b), 0);
    assert_string_equal(b, "");
    /* like snprintf: the size needed, a NUL-terminated prefix */
    assert_int_equal(ws_doc_span_text(d, zoe, NULL, 0), 4);
    memset(b, 'x', sizeof b);
    assert_int_equal(ws_doc_span_text(d, zoe, b, 3), 4);
    assert_string_equal(b, "Zo");
    memset(b, 'x', sizeof b);
    assert_int_equal(ws_doc_span_text(d, zoe, b, 1), 4);
    assert_string_equal(b, "");
    /* a span outside the text gives nothing */
    ws_span past = {7, 9}, backwards = {3, 1};
    memset(b, 'x', sizeof b);
    assert_int_equal(ws_doc_span_text(d, past, b, sizeof b), 0);
    assert_string_equal(b, "");
    assert_int_equal(ws_doc_span_text(d, backwards, b, sizeof b), 0);
    assert_string_equal(b, "");
    assert_int_equal(ws_doc_span_text(NULL, zoe, b, sizeof b), 0);
    ws_doc_free(d);
}

/* ---- sentences ------------------------------------------------------------------ */

static void test_abbrev_titles(void **state)
{
    (void)state;
    const char *w[] = {"Dr. Jane Okafor arrived in Accra on Monday.", "Mr. Hale met her there."};
    expect_sentences("Dr. Jane Okafor arrived in Accra on Monday. Mr. Hale met her there.", w, 2);
    ws_doc *d = tu_analyze("Dr. Jane Okafor arrived.", 0);
    size_t k = must_tok(d, "Dr.");
    assert_int_equal(d->toks.v[k].kind, T_WORD);
    assert_true(d->toks.v[k].flags & F_ABBREV);
    ws_doc_free(d);
}

static void test_abbrev_us_before_name(void **state)
{
    (void)state;
    const char *w[] = {"The minister met U.S. Ambassador Mark Dube and U.S. Secretary of State "
                       "Ana Lee in Rome."};
    expect_sentences(w[0], w, 1);
    ws_doc *d = tu_analyze(w[0], 0);
    size_t k = must_tok(d, "U.S.");
    assert_int_equal(d->toks.v[k].kind, T_WORD);
    ws_doc_free(d);
}

static void test_abbrev_month(void **state)
{
    (void)state;
    const char *w[] = {"The talks began on Jan. 5 in Geneva and ended on Feb. 9 in Rome.",
                       "Nobody signed."};
    expect_sentences("The talks began on Jan. 5 in Geneva and ended on Feb. 9 in Rome. Nobody signed.",
                     w, 2);
}

static void test_initials(void **state)
{
    (void)state;
    const char *w[] = {"The report by J. Smith and A. B. Jones was published on Friday."};
    expect_sentences(w[0], w, 1);
    ws_doc *d = tu_analyze(w[0], 0);
    size_t k = must_tok(d, "J.");
    assert_true(d->toks.v[k].flags & F_ABBREV);
    ws_doc_free(d);
}

static void test_us_ends_sentence(void **state)
{
    (void)state;
    const char *w[] = {"Prices rose in the U.S.", "The next day they fell again."};
    expect_sentences("Prices rose in the U.S. The next day they fell again.", w, 2);
}

static void test_end_after_closing_mark(void **state)
{
    (void)state;
    const char *w1[] = {"He said, \"We are done.\"", "Then he left the room."};
    expect_sentences("He said, \"We are done.\" Then he left the room.", w1, 2);
    const char *w2[] = {"She asked: \xE2\x80\x9CWhy now?\xE2\x80\x9D", "Nobody answered."};
    expect_sentences("She asked: \xE2\x80\x9CWhy now?\xE2\x80\x9D Nobody answered.", w2, 2);
    const char *w3[] = {"Stop!", "The guards ran."};
    expect_sentences("Stop! The guards ran.", w3, 2);
}

static void test_no_end_before_lowercase_cue(void **state)
{
    (void)state;
    const char *w[] = {"\xE2\x80\x9CWhy now?\xE2\x80\x9D she asked."};
    expect_sentences(w[0], w, 1);
    const char *w2[] = {"\"We are done,\" he said.", "\"Really done.\""};
    expect_sentences("\"We are done,\" he said. \"Really done.\"", w2, 2);
}

static void test_sentence_flags(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze("One sentence here. Another one there.", 0);
    assert_int_equal(d->sents.n, 2);
    for (size_t k = 0; k < d->sents.n; k++) {
        const sent *s = &d->sents.v[k];
        assert_true(d->toks.v[s->t0].flags & F_SENT_START);
        for (uint32_t i = s->t0; i < s->t1; i++)
            assert_int_equal(d->toks.v[i].sent, (int32_t)k);
        if (k + 1 < d->sents.n)
            assert_int_equal(s->t1, d->sents.v[k + 1].t0);
    }
    assert_int_equal(d->sents.v[d->sents.n - 1].t1, d->toks.n);
    ws_doc_free(d);
}

/* ---- paragraphs ------------------------------------------------------------------ */

static void test_paragraphs(void **state)
{
    (void)state;
    const char t[] = "First line here.\nSecond line\n\n  Third paragraph. It has two sentences.\n";
    ws_doc *d = tu_analyze(t, 0);
    char b[256];
    assert_int_equal(d->paras.n, 3);
    assert_string_equal(para_str(d, 0, b, sizeof b), "First line here.");
    assert_string_equal(para_str(d, 1, b, sizeof b), "Second line");
    assert_string_equal(para_str(d, 2, b, sizeof b), "Third paragraph. It has two sentences.");
    /* a sentence never crosses a paragraph break, even without a period */
    assert_int_equal(d->sents.n, 4);
    assert_string_equal(sent_str(d, 1, b, sizeof b), "Second line");
    for (size_t p = 0; p < d->paras.n; p++) {
        assert_true(d->toks.v[d->paras.v[p].t0].flags & F_PARA_START);
        for (uint32_t i = d->paras.v[p].t0; i < d->paras.v[p].t1; i++) {
            assert_int_equal(d->toks.v[i].para, (int32_t)p);
            if (i > d->paras.v[p].t0)
                assert_false(d->toks.v[i].flags & F_PARA_START);
        }
    }
    for (size_t k = 0; k < d->sents.n; k++) {
        const sent *s = &d->sents.v[k];
        assert_int_equal(d->toks.v[s->t0].para, s->para);
        assert_int_equal(d->toks.v[s->t1 - 1].para, s->para);
    }
    ws_doc_free(d);
}

static void test_paragraphs_crlf_and_edges(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze("\r\n\r\n  One.\r\nTwo.\r\n\r\n", 0);
    char b[64];
    assert_int_equal(d->paras.n, 2);
    assert_string_equal(para_str(d, 0, b, sizeof b), "One.");
    assert_string_equal(para_str(d, 1, b, sizeof b), "Two.");
    ws_doc_free(d);

    d = tu_analyze("", 0);
    assert_int_equal(d->toks.n, 0);
    assert_int_equal(d->sents.n, 0);
    assert_int_equal(d->paras.n, 0);
    assert_int_equal(ws_doc_length(d), 0);
    assert_int_equal(ws_doc_quote_count(d), 0);
    ws_doc_free(d);

    d = tu_analyze(" \n\t \n ", 0);
    assert_int_equal(d->toks.n, 0);
    assert_int_equal(d->paras.n, 0);
    ws_doc_free(d);
}

/* ---- words ---------------------------------------------------------------------- */

static void test_apostrophes(void **state)
{
    (void)state;
    const char t[] = "We don't know if Karim\xE2\x80\x99s shop, the '90s band or the "
                     "\xE2\x80\x99" "80s club won't return, and it\xE2\x80\x99s late.";
    ws_doc *d = tu_analyze(t, 0);
    const char *words[] = {"don't", "Karim\xE2\x80\x99s", "'90s", "\xE2\x80\x99" "80s", "won't",
                           "it\xE2\x80\x99s"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = must_tok(d, words[i]);
        assert_int_not_equal(d->toks.v[k].kind, T_QUOTE);
        assert_int_not_equal(d->toks.v[k].kind, T_PUNCT);
    }
    for (size_t k = 0; k < d->toks.n; k++)
        assert_int_not_equal(d->toks.v[k].kind, T_QUOTE);
    /* the lower-cased form uses a straight apostrophe, for the lexicon */
    assert_string_equal(d->toks.v[must_tok(d, "Karim\xE2\x80\x99s")].low, "karim's");
    ws_doc_free(d);
}

/* UTF-8 read as Latin-1 and encoded again ("FranÃ\x83Â§ois" for "François"),
 * composed or decomposed (A and U+0303): one word, so the name stays whole;
 * guillemets after such a letter stay quote marks */
static void test_mojibake_word(void **state)
{
    (void)state;
    const char t[] = "President Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois Hollande and FranA\xCC\x83\xC2\x83"
                     "A\xCC\x82\xC2\xA7ois Blanc spoke. \xC3\x83\xC2\xABOui\xC2\xBB.";
    ws_doc *d = tu_analyze(t, 0);
    must_tok(d, "Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois");
    must_tok(d, "FranA\xCC\x83\xC2\x83" "A\xCC\x82\xC2\xA7ois");
    size_t k = must_tok(d, "Oui");
    assert_int_equal(d->toks.v[k - 1].kind, T_QUOTE);
    assert_int_equal(d->toks.v[k + 1].kind, T_QUOTE);
    ws_doc_free(d);
}

static void test_plural_possessive(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze("The Smiths' farm and the Bakers\xE2\x80\x99 shop stayed open.", 0);
    for (size_t k = 0; k < d->toks.n; k++)
        assert_int_not_equal(d->toks.v[k].kind, T_QUOTE);
    ws_doc_free(d);
}

static void test_hyphens(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze("A well-known al-Bashir scholar, Jean-Pierre Ndiaye, met AT&T staff "
                           "in 2019 - and again in 2021.",
                           0);
    must_tok(d, "well-known");
    must_tok(d, "al-Bashir");
    must_tok(d, "Jean-Pierre");
    must_tok(d, "AT&T");
    size_t k = must_tok(d, "-");
    assert_int_equal(d->toks.v[k].kind, T_PUNCT);
    k = must_tok(d, "2019");
    assert_int_equal(d->toks.v[k].kind, T_NUM);
    ws_doc_free(d);
}

static void test_numbers(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze("It cost $4.2 million, or 40,000 euros each.", 0);
    must_tok(d, "4.2");
    must_tok(d, "40,000");
    ws_doc_free(d);
}

/* ---- arguments ------------------------------------------------------------------ */

static void test_max_bytes(void **state)
{
    (void)state;
    const char t[] = "Twenty bytes of text"; /* 20 bytes */
    ws_doc *d = (ws_doc *)&d;
    ws_error err;
    ws_options o = {0, 19};
    assert_int_equal(ws_analyze(t, 20, &o, &d, &err), WS_ERR_TOO_LARGE);
    assert_int_equal(err.code, WS_ERR_TOO_LARGE);
    assert_null(d);
    assert_true(names_number(err.message, 20) || names_number(err.message, 19));
    o.max_bytes = 20;
    assert_int_equal(ws_analyze(t, 20, &o, &d, &err), WS_OK);
    assert_int_equal(err.code, WS_OK);
    ws_doc_free(d);
    o.max_bytes = 0; /* no limit */
    assert_int_equal(ws_analyze(t, 20, &o, &d, &err), WS_OK);
    ws_doc_free(d);
}

static void test_bad_flags(void **state)
{
    (void)state;
    ws_doc *d = (ws_doc *)&d;
    ws_error err;
    ws_options o = {1u << 7, 0};
    assert_int_equal(ws_analyze("text", 4, &o, &d, &err), WS_ERR_ARG);
    assert_int_equal(err.code, WS_ERR_ARG);
    assert_null(d);
    assert_true(err.message[0] != 0);
    o.flags = WS_REPLACE_INVALID | WS_NO_EVENTS;
    assert_int_equal(ws_analyze("text", 4, &o, &d, &err), WS_OK);
    ws_doc_free(d);
}

static void test_null_args(void **state)
{
    (void)state;
    ws_doc *d = (ws_doc *)&d;
    ws_error err;
    assert_int_equal(ws_analyze("text", 4, NULL, NULL, &err), WS_ERR_ARG);
    assert_int_equal(err.code, WS_ERR_ARG);
    assert_true(err.message[0] != 0);
    assert_int_equal(ws_analyze(NULL, 4, NULL, &d, &err), WS_ERR_ARG);
    assert_int_equal(err.code, WS_ERR_ARG);
    /* err may be NULL */
    assert_int_equal(ws_analyze(NULL, 4, NULL, &d, NULL), WS_ERR_ARG);
    assert_int_equal(ws_analyze("text", 4, NULL, NULL, NULL), WS_ERR_ARG);
    assert_int_equal(ws_analyze("text", 4, NULL, &d, NULL), WS_OK);
    ws_doc_free(d);
    /* accessors and free accept NULL */
    ws_doc_free(NULL);
    assert_int_equal(ws_doc_quote_count(NULL), 0);
    assert_int_equal(ws_doc_entity_count(NULL), 0);
    assert_int_equal(ws_doc_event_count(NULL), 0);
    assert_int_equal(ws_doc_length(NULL), 0);
    assert_null(ws_doc_quote(NULL, 0));
    assert_null(ws_doc_entity(NULL, 0));
    assert_null(ws_doc_event(NULL, 0));
    d = tu_analyze("No quotes here.", 0);
    assert_null(ws_doc_quote(d, 0));
    assert_null(ws_doc_entity(d, 1000));
    assert_null(ws_doc_event(d, 0));
    ws_doc_free(d);
}

/* "on failure *out is NULL" (whosaid.h) holds for every failure, the NULL
 * text included */
static void test_null_text_clears_out(void **state)
{
    (void)state;
    ws_doc *d = (ws_doc *)&d;
    ws_error err;
    assert_int_equal(ws_analyze(NULL, 4, NULL, &d, &err), WS_ERR_ARG);
    assert_null(d);
}

static void test_status_strings(void **state)
{
    (void)state;
    ws_status all[] = {WS_OK, WS_ERR_NOMEM, WS_ERR_UTF8, WS_ERR_TOO_LARGE, WS_ERR_ARG, WS_ERR_IO};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        assert_non_null(ws_status_string(all[i]));
        assert_true(ws_status_string(all[i])[0] != 0);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(ws_status_string(all[i]), ws_status_string(all[j]));
    }
    assert_string_equal(ws_version(), WS_VERSION);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_byte),
        cmocka_unit_test(test_invalid_sequences),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_replace_invalid),
        cmocka_unit_test(test_replace_offsets),
        cmocka_unit_test(test_valid_noncharacters),
        cmocka_unit_test(test_codepoint_offsets),
        cmocka_unit_test(test_span_text),
        cmocka_unit_test(test_abbrev_titles),
        cmocka_unit_test(test_abbrev_us_before_name),
        cmocka_unit_test(test_abbrev_month),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_us_ends_sentence),
        cmocka_unit_test(test_end_after_closing_mark),
        cmocka_unit_test(test_no_end_before_lowercase_cue),
        cmocka_unit_test(test_sentence_flags),
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_paragraphs_crlf_and_edges),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_mojibake_word),
        cmocka_unit_test(test_plural_possessive),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_max_bytes),
        cmocka_unit_test(test_bad_flags),
        cmocka_unit_test(test_null_args),
        cmocka_unit_test(test_null_text_clears_out),
        cmocka_unit_test(test_status_strings),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
