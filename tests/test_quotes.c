/*
 * test_quotes.c - stage 2 (src/quotes.c): pairing quote marks into quotations.
 *
 * Inspects doc->mq (pairs of marks: token indices of the opening and closing
 * marks, closed, single, and next/prev links of multi-paragraph quotations)
 * through the internal types of src/internal.h.
 */
#include "testutil.h"

#include "internal.h"

/* ---- helpers ---------------------------------------------------------------- */

/* Text from the opening mark to the closing mark (or paragraph end), marks included. */
static const char *mq_str(const ws_doc *d, size_t i, char *buf, size_t size)
{
    assert_true(i < d->mq.n);
    const mquote *q = &d->mq.v[i];
    ws_span s = {d->toks.v[q->open].start, d->toks.v[q->close].end};
    return tu_text(d, s, buf, size);
}

static void dump_mq(const ws_doc *d)
{
    char b[512];
    print_message("  %zu quote pair(s):\n", d->mq.n);
    for (size_t i = 0; i < d->mq.n; i++) {
        const mquote *q = &d->mq.v[i];
        print_message("   [%zu] open=%u close=%u closed=%d single=%d prev=%d next=%d <%s>\n", i,
                      q->open, q->close, q->closed, q->single, q->prev, q->next,
                      mq_str(d, i, b, sizeof b));
    }
}

/* Properties every pairing must have. */
static void check_invariants(const ws_doc *d)
{
    for (size_t i = 0; i < d->mq.n; i++) {
        const mquote *q = &d->mq.v[i];
        assert_true(q->open < d->toks.n);
        assert_true(q->close < d->toks.n);
        assert_true(q->open < q->close || (!q->closed && q->open == q->close));
        assert_int_equal(d->toks.v[q->open].kind, T_QUOTE);
        /* a pair of double marks is never single; a pair of single marks
         * may be a quotation of its own (British style) */
        bool marks_single = d->toks.v[q->open].flags & F_SINGLE;
        if (q->single)
            assert_true(marks_single);
        if (q->closed) {
            assert_int_equal(d->toks.v[q->close].kind, T_QUOTE);
            assert_int_equal(!!(d->toks.v[q->close].flags & F_SINGLE), marks_single);
        }
        /* a pair never crosses a paragraph break: continuations are links */
        assert_int_equal(d->toks.v[q->open].para, d->toks.v[q->close].para);
        if (i > 0)
            assert_true(d->mq.v[i - 1].open < q->open);
        if (q->next >= 0) {
            assert_true((size_t)q->next < d->mq.n);
            assert_int_equal(d->mq.v[q->next].prev, (int32_t)i);
            assert_false(q->closed);
        }
        if (q->prev >= 0) {
            assert_true((size_t)q->prev < d->mq.n);
            assert_int_equal(d->mq.v[q->prev].next, (int32_t)i);
        }
    }
}

static ws_doc *pairs(const char *text)
{
    ws_doc *d = tu_analyze(text, 0);
    check_invariants(d);
    return d;
}

/* Expect exactly the given closed pairs, as text from mark to mark. */
static void expect_pairs(const char *text, const char *const *want, size_t n, bool single)
{
    ws_doc *d = pairs(text);
    char b[512];
    bool ok = d->mq.n == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = strcmp(mq_str(d, i, b, sizeof b), want[i]) == 0 && d->mq.v[i].closed &&
             d->mq.v[i].single == single && d->mq.v[i].next < 0 && d->mq.v[i].prev < 0;
    if (!ok) {
        print_message("text: %s\nexpected %zu closed pair(s):\n", text, n);
        for (size_t i = 0; i < n; i++)
            print_message("  <%s>\n", want[i]);
        dump_mq(d);
    }
    ws_doc_free(d);
    assert_true(ok);
}

static long tok_index(const ws_doc *d, const char *s)
{
    char b[128];
    for (size_t i = 0; i < d->toks.n; i++) {
        ws_span sp = {d->toks.v[i].start, d->toks.v[i].end};
        if (strcmp(tu_text(d, sp, b, sizeof b), s) == 0)
            return (long)i;
    }
    fail_msg("no token \"%s\"", s);
    return -1;
}

/* ---- pairs ------------------------------------------------------------------ */

static void test_straight_pairs(void **state)
{
    (void)state;
    const char *w[] = {"\"yes\"", "\"no, never.\""};
    expect_pairs("He said \"yes\" and then \"no, never.\" twice.", w, 2, false);
    ws_doc *d = pairs("He said \"yes\" today.");
    assert_int_equal(d->mq.n, 1);
    assert_true(d->toks.v[d->mq.v[0].open].flags & F_OPEN);
    assert_true(d->toks.v[d->mq.v[0].close].flags & F_CLOSE);
    assert_int_equal(d->toks.v[tok_index(d, "yes")].quote, 0);
    assert_int_equal(d->toks.v[tok_index(d, "said")].quote, -1);
    assert_int_equal(d->toks.v[tok_index(d, "today")].quote, -1);
    ws_doc_free(d);
}

static void test_curly_pairs(void **state)
{
    (void)state;
    const char *w[] = {"\xE2\x80\x9Cwe are ready,\xE2\x80\x9D", "\xE2\x80\x9CThe end.\xE2\x80\x9D"};
    expect_pairs("\xE2\x80\x9Cwe are ready,\xE2\x80\x9D she said. \xE2\x80\x9CThe end.\xE2\x80\x9D",
                 w, 2, false);
}

static void test_single_curly_pair(void **state)
{
    (void)state;
    /* the apostrophes inside the words are not marks; a single quote that
     * no double quote holds is a quotation of its own (British style), so
     * it is not flagged single */
    const char *w[] = {"\xE2\x80\x98It\xE2\x80\x99s my father\xE2\x80\x99s oven,\xE2\x80\x99"};
    expect_pairs("\xE2\x80\x98It\xE2\x80\x99s my father\xE2\x80\x99s oven,\xE2\x80\x99 said Hadi "
                 "Karim.",
                 w, 1, false);
}

static void test_guillemets(void **state)
{
    (void)state;
    const char *w[] = {"\xC2\xABNous refusons,\xC2\xBB", "\xC2\xAB pas question \xC2\xBB"};
    expect_pairs("\xC2\xABNous refusons,\xC2\xBB dit-il, \xC2\xAB pas question \xC2\xBB.", w, 2,
                 false);
}

static void test_german_marks(void **state)
{
    (void)state;
    const char *w[] = {"\xE2\x80\x9EWir haben keine Pl\xC3\xA4ne\xE2\x80\x9C"};
    expect_pairs("\xE2\x80\x9EWir haben keine Pl\xC3\xA4ne\xE2\x80\x9C, sagte Klaus Wendt.", w, 1,
                 false);
    const char *w2[] = {"\xE2\x80\x9E" "Die Koalition\xE2\x80\x9C",
                        "\xE2\x80\x9Ewird halten.\xE2\x80\x9C"};
    expect_pairs("\xE2\x80\x9E" "Die Koalition\xE2\x80\x9C, sagte Wendt, "
                 "\xE2\x80\x9Ewird halten.\xE2\x80\x9C",
                 w2, 2, false);
}

static void test_german_nested_single(void **state)
{
    (void)state;
    /* „Das ist ‚falsch‘“, sagte er.  ‚ opens and ‘ closes in German */
    ws_doc *d = pairs("\xE2\x80\x9E" "Das ist \xE2\x80\x9A" "falsch\xE2\x80\x98\xE2\x80\x9C, sagte er.");
    char b[256];
    bool ok = d->mq.n == 2 && d->mq.v[0].closed && !d->mq.v[0].single && d->mq.v[1].closed &&
              d->mq.v[1].single &&
              strcmp(mq_str(d, 1, b, sizeof b), "\xE2\x80\x9A" "falsch\xE2\x80\x98") == 0;
    if (!ok)
        dump_mq(d);
    ws_doc_free(d);
    assert_true(ok);
}

/* ---- apostrophes -------------------------------------------------------------- */

static void test_apostrophes_not_paired(void **state)
{
    (void)state;
    ws_doc *d = pairs("We don't think the Smiths' dog or the '90s band won't come, and it's "
                      "late.");
    if (d->mq.n)
        dump_mq(d);
    assert_int_equal(d->mq.n, 0);
    ws_doc_free(d);
    d = pairs("Karim\xE2\x80\x99s bakery hasn\xE2\x80\x99t changed since the \xE2\x80\x99" "90s, "
              "and the Bakers\xE2\x80\x99 shop won\xE2\x80\x99t close.");
    if (d->mq.n)
        dump_mq(d);
    assert_int_equal(d->mq.n, 0);
    ws_doc_free(d);
}

static void test_apostrophes_inside_quote(void **state)
{
    (void)state;
    const char *w[] = {"\"We don't sell to the Smiths' friends, and we won't,\""};
    expect_pairs("\"We don't sell to the Smiths' friends, and we won't,\" said Ruth Smith.", w, 1,
                 false);
    const char *w2[] = {"\"I have not seen this since the '80s,\""};
    expect_pairs("\"I have not seen this since the '80s,\" said Gil Adler.", w2, 1, false);
}

/* the two apostrophes of rock 'n' roll elide letters; they are not a pair of marks */
static void test_rock_n_roll(void **state)
{
    (void)state;
    ws_doc *d = pairs("Tickets for the rock 'n' roll revival sold out in an hour.");
    if (d->mq.n)
        dump_mq(d);
    assert_int_equal(d->mq.n, 0);
    ws_doc_free(d);
}

/* ---- nesting ------------------------------------------------------------------ */

static void check_nested(const char *text, const char *outer, const char *inner, const char *in_word)
{
    ws_doc *d = pairs(text);
    char b[512];
    bool ok = d->mq.n == 2 && d->mq.v[0].closed && d->mq.v[1].closed && !d->mq.v[0].single &&
              d->mq.v[1].single && strcmp(mq_str(d, 0, b, sizeof b), outer) == 0 &&
              strcmp(mq_str(d, 1, b, sizeof b), inner) == 0 &&
              d->mq.v[1].open > d->mq.v[0].open && d->mq.v[1].close < d->mq.v[0].close;
    if (!ok) {
        print_message("text: %s\n", text);
        dump_mq(d);
    } else {
        /* the innermost quote of a token */
        assert_int_equal(d->toks.v[tok_index(d, in_word)].quote, 1);
        assert_int_equal(d->toks.v[d->mq.v[0].open + 1].quote, 0);
    }
    ws_doc_free(d);
    assert_true(ok);
}

static void test_nested_straight(void **state)
{
    (void)state;
    check_nested("\"The word 'temporary' has lost all meaning,\" she said.",
                 "\"The word 'temporary' has lost all meaning,\"", "'temporary'", "temporary");
}

static void test_nested_curly(void **state)
{
    (void)state;
    check_nested("\xE2\x80\x9CWe stopped the \xE2\x80\x98Sunrise\xE2\x80\x99 trial,\xE2\x80\x9D said "
                 "Dr. Jane Okafor.",
                 "\xE2\x80\x9CWe stopped the \xE2\x80\x98Sunrise\xE2\x80\x99 trial,\xE2\x80\x9D",
                 "\xE2\x80\x98Sunrise\xE2\x80\x99", "Sunrise");
}

static void test_nested_closing_together(void **state)
{
    (void)state;
    check_nested("\"Every child should read 'The Salt Road,'\" Baxter said.",
                 "\"Every child should read 'The Salt Road,'\"", "'The Salt Road,'", "Salt");
}

/* ---- paragraphs ---------------------------------------------------------------- */

static void test_unclosed_ends_at_paragraph(void **state)
{
    (void)state;
    ws_doc *d = pairs("He said \"this never closes.\nThe next paragraph has \"a real one\" here.");
    char b[256];
    bool ok = d->mq.n == 2 && !d->mq.v[0].closed && d->mq.v[0].next == -1 &&
              d->toks.v[d->mq.v[0].close].para == 0 &&
              d->mq.v[0].close + 1 == d->paras.v[0].t1 && d->mq.v[1].closed &&
              strcmp(mq_str(d, 1, b, sizeof b), "\"a real one\"") == 0;
    if (!ok)
        dump_mq(d);
    else {
        assert_int_equal(d->toks.v[tok_index(d, "closes")].quote, 0);
        assert_int_equal(d->toks.v[tok_index(d, "next")].quote, -1);
        assert_int_equal(d->toks.v[tok_index(d, "real")].quote, 1);
    }
    ws_doc_free(d);
    assert_true(ok);
}

static void test_multi_paragraph_chain(void **state)
{
    (void)state;
    ws_doc *d = pairs("Marta Silva told the rally: \xE2\x80\x9CNurses have waited six years.\n\n"
                      "\xE2\x80\x9CThey have worked double shifts.\n\n"
                      "\xE2\x80\x9CWe will strike.\xE2\x80\x9D\n"
                      "She left the stage.");
    bool ok = d->mq.n == 3 && !d->mq.v[0].closed && d->mq.v[0].prev == -1 &&
              d->mq.v[0].next == 1 && !d->mq.v[1].closed && d->mq.v[1].prev == 0 &&
              d->mq.v[1].next == 2 && d->mq.v[2].closed && d->mq.v[2].prev == 1 &&
              d->mq.v[2].next == -1;
    for (size_t i = 0; ok && i < 3; i++)
        ok = d->toks.v[d->mq.v[i].open].para == (int32_t)i;
    if (!ok)
        dump_mq(d);
    else
        assert_int_equal(d->toks.v[tok_index(d, "stage")].quote, -1);
    ws_doc_free(d);
    assert_true(ok);
}

static void test_multi_paragraph_straight(void **state)
{
    (void)state;
    ws_doc *d = pairs("\"Three of our hospitals have no power.\n\n"
                      "\"We need fuel today,\" said Dr. Samuel Asante.");
    bool ok = d->mq.n == 2 && !d->mq.v[0].closed && d->mq.v[0].next == 1 &&
              d->mq.v[1].closed && d->mq.v[1].prev == 0 && d->mq.v[1].next == -1;
    if (!ok)
        dump_mq(d);
    ws_doc_free(d);
    assert_true(ok);
}

static void test_no_chain_after_closed_quote(void **state)
{
    (void)state;
    ws_doc *d = pairs("\xE2\x80\x9CThe strike will go ahead,\xE2\x80\x9D said Marta Silva.\n"
                      "\xE2\x80\x9C" "And it will not be the last,\xE2\x80\x9D she added.");
    bool ok = d->mq.n == 2 && d->mq.v[0].closed && d->mq.v[1].closed && d->mq.v[0].next == -1 &&
              d->mq.v[1].prev == -1;
    if (!ok)
        dump_mq(d);
    ws_doc_free(d);
    assert_true(ok);
}

/* ---- robustness ----------------------------------------------------------------- */

/* Ten stray closing-type marks in a paragraph do not swallow the quote after them. */
static void test_stray_marks_same_paragraph(void **state)
{
    (void)state;
    const char t[] = "Crews laid 1\" 2\" 3\" 4\" 5\" 6\" 7\" and 8\" pipes, then ran\xE2\x80\x9D "
                     "out\xC2\xBB of time. \"It held,\" said Tom Wexler.";
    ws_doc *d = pairs(t);
    char b[256];
    bool found = false;
    for (size_t i = 0; i < d->mq.n; i++)
        if (d->mq.v[i].closed && strcmp(mq_str(d, i, b, sizeof b), "\"It held,\"") == 0)
            found = true;
    if (!found)
        dump_mq(d);
    ws_doc_free(d);
    assert_true(found);
}

/* Ten stray marks of every kind in earlier paragraphs do not lose later quotes. */
static void test_stray_marks_earlier_paragraphs(void **state)
{
    (void)state;
    const char t[] = "A 12\" pipe burst.\n"
                     "A lone \xE2\x80\x9C opening mark.\n"
                     "A lone closing\xE2\x80\x9D mark.\n"
                     "A lone \xC2\xAB guillemet.\n"
                     "Another\xC2\xBB guillemet.\n"
                     "A lone ' straight single.\n"
                     "A lone \xE2\x80\x98 curly single.\n"
                     "The Joneses\xE2\x80\x99 car.\n"
                     "A lone \xE2\x80\x9E low mark.\n"
                     "A lone \" straight double.\n"
                     "\xE2\x80\x9CIt held,\xE2\x80\x9D said Tom Wexler. "
                     "\xE2\x80\x9CThe rest did not.\xE2\x80\x9D\n"
                     "He said \"nothing else\" later.";
    ws_doc *d = pairs(t);
    char b[256];
    const char *want[] = {"\xE2\x80\x9CIt held,\xE2\x80\x9D",
                          "\xE2\x80\x9CThe rest did not.\xE2\x80\x9D", "\"nothing else\""};
    size_t found = 0;
    for (size_t w = 0; w < 3; w++)
        for (size_t i = 0; i < d->mq.n; i++)
            if (d->mq.v[i].closed && strcmp(mq_str(d, i, b, sizeof b), want[w]) == 0) {
                found++;
                break;
            }
    /* nothing in the first ten paragraphs is a closed quotation */
    size_t closed_early = 0;
    for (size_t i = 0; i < d->mq.n; i++)
        if (d->mq.v[i].closed && d->toks.v[d->mq.v[i].open].para < 10)
            closed_early++;
    if (found != 3 || closed_early)
        dump_mq(d);
    ws_doc_free(d);
    assert_int_equal(found, 3);
    assert_int_equal(closed_early, 0);
}

static void test_no_marks(void **state)
{
    (void)state;
    ws_doc *d = pairs("Plain narrative without a single quotation. Services resume on Tuesday.");
    assert_int_equal(d->mq.n, 0);
    for (size_t i = 0; i < d->toks.n; i++)
        assert_int_equal(d->toks.v[i].quote, -1);
    ws_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_straight_pairs),
        cmocka_unit_test(test_curly_pairs),
        cmocka_unit_test(test_single_curly_pair),
        cmocka_unit_test(test_guillemets),
        cmocka_unit_test(test_german_marks),
        cmocka_unit_test(test_german_nested_single),
        cmocka_unit_test(test_apostrophes_not_paired),
        cmocka_unit_test(test_apostrophes_inside_quote),
        cmocka_unit_test(test_rock_n_roll),
        cmocka_unit_test(test_nested_straight),
        cmocka_unit_test(test_nested_curly),
        cmocka_unit_test(test_nested_closing_together),
        cmocka_unit_test(test_unclosed_ends_at_paragraph),
        cmocka_unit_test(test_multi_paragraph_chain),
        cmocka_unit_test(test_multi_paragraph_straight),
        cmocka_unit_test(test_no_chain_after_closed_quote),
        cmocka_unit_test(test_stray_marks_same_paragraph),
        cmocka_unit_test(test_stray_marks_earlier_paragraphs),
        cmocka_unit_test(test_no_marks),
    };
    return cmocka_run_group_tests_name("quotes", tests, NULL, NULL);
}
