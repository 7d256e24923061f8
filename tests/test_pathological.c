/*
 * Pathological inputs, in the style of cmark's: each must finish and give a
 * sane result. The time bound is generous (it only catches super-linear
 * blow-up, also under the sanitizers); the scaling itself is measured by
 * bench/scaling.sh, never asserted here.
 */
#include "testutil.h"

#include <time.h>

#define BOUND_SECONDS 60.0

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A text made of `piece` repeated n times. */
static char *repeat(const char *piece, size_t n, size_t *len)
{
    size_t l = strlen(piece);
    char *s = malloc(l * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * l, piece, l);
    s[l * n] = 0;
    *len = l * n;
    return s;
}

/* Analyse, check the time bound and that output can be written. */
static ws_doc *run(const char *text, size_t len, unsigned flags)
{
    ws_options o = {.flags = flags};
    ws_error err;
    ws_doc *d = NULL;
    double t0 = now();
    ws_status st = ws_analyze(text, len, &o, &d, &err);
    double dt = now() - t0;
    if (st != WS_OK)
        fail_msg("ws_analyze: %s", err.message);
    if (dt > BOUND_SECONDS)
        fail_msg("took %.1f s for %zu bytes", dt, len);
    print_message("  %zu bytes in %.2f s: %zu quotes, %zu entities\n", len, dt,
                  ws_doc_quote_count(d), ws_doc_entity_count(d));
    return d;
}

static int discard(void *ctx, const char *data, size_t len)
{
    (void)data;
    *(size_t *)ctx += len;
    return 0;
}

static void check_output(const ws_doc *d)
{
    size_t n = 0;
    ws_error err;
    assert_int_equal(ws_doc_write_json(d, NULL, discard, &n, &err), WS_OK);
    assert_true(n > 0);
}

static void unmatched_quote_marks(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("\" ", 1000000, &len); /* 10^6 marks */
    ws_doc *d = run(s, len, 0);
    check_output(d);
    ws_doc_free(d);
    free(s);
}

static void nested_alternating_quotes(void **state)
{
    (void)state;
    size_t len;
    /* 10^5 opening marks of alternating styles, then closers */
    char *open = repeat("\xE2\x80\x9C" "a \xE2\x80\x98" "b ", 50000, &len);
    char *close = NULL;
    size_t clen;
    close = repeat("c\xE2\x80\x99 d\xE2\x80\x9D ", 50000, &clen);
    char *s = malloc(len + clen + 1);
    assert_non_null(s);
    memcpy(s, open, len);
    memcpy(s + len, close, clen + 1);
    ws_doc *d = run(s, len + clen, 0);
    check_output(d);
    ws_doc_free(d);
    free(s);
    free(open);
    free(close);
}

static void capitalised_words(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("Alpha ", 100000, &len);
    ws_doc *d = run(s, len, 0);
    check_output(d);
    ws_doc_free(d);
    free(s);
}

static void many_names_and_pronouns(void **state)
{
    (void)state;
    /* 10^5 pronouns between 2*10^4 distinct people, each quoted */
    size_t cap = 8000000, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (int i = 0; i < 20000 && len + 200 < cap; i++)
        len += (size_t)snprintf(s + len, cap - len,
                                "Ann Person%d met Bo Other%d. \"Yes,\" she said. he he he he he. ", i, i);
    ws_doc *d = run(s, len, 0);
    assert_true(ws_doc_quote_count(d) >= 20000);
    check_output(d);
    ws_doc_free(d);
    free(s);
}

/* One sentence of 10^5 meetings and no comma (the search for a fronted
 * phrase's comma ran to the sentence's end from each one: quadratic) */
/* `piece` repeated n times, analysed: at least min_events meetings and
 * min_quotes quotations, and output that can be written */
static void repeated(const char *piece, size_t n, size_t min_events, size_t min_quotes)
{
    size_t len;
    char *s = repeat(piece, n, &len);
    ws_doc *d = run(s, len, 0);
    assert_true(ws_doc_event_count(d) >= min_events);
    assert_true(ws_doc_quote_count(d) >= min_quotes);
    check_output(d);
    ws_doc_free(d);
    free(s);
}

static void meetings_without_comma(void **state)
{
    (void)state;
    repeated("Ann Lee met Bo Kim on Monday and held talks with Cy Park and ", 100000, 1, 0);
}

/* Meetings with a title alone ("met with the mayor") among many titled
 * people, and one sentence of many fronted participles and commas: each
 * look back for the titled person and along the sentence stays bounded */
static void titles_alone_and_fronted_clauses(void **state)
{
    (void)state;
    repeated("Mayor Ana Lee spoke. Dr. Bo Kim met with the mayor on Monday, and Judge Cy Park "
             "spoke with the mayor by phone. ",
             50000, 1, 0);
    repeated("Speaking to Ana Lee, while commenting on Bo Kim, ", 100000, 0, 0);
}

/* An interview of many turns whose answers find no one named as a subject
 * before them (each answer's look for the interviewee goes on from the
 * last), and labels in capitals, initials and calls */
static void interview_turns(void **state)
{
    (void)state;
    repeated("Q: Why?\n\nA: Because of Kestrel Foods and Ana Ruiz.\n\nGM: And Tom Baker phoned "
             "Lea Moss by telephone on Monday?\n\n",
             40000, 0, 40000);
}

static void repeated_cue_verb(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("said ", 1000000, &len);
    ws_doc *d = run(s, len, 0);
    check_output(d);
    ws_doc_free(d);
    free(s);
}

static void invalid_utf8_and_nul(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("He said \xFF\xC0 \"no\0way\" \xE2\x80 ok. ", 50000, &len);
    ws_doc *d = run(s, len, WS_REPLACE_INVALID);
    check_output(d);
    ws_doc_free(d);
    /* without the flag it is an error, not a crash */
    ws_error err;
    d = NULL;
    assert_int_equal(ws_analyze(s, len, NULL, &d, &err), WS_ERR_UTF8);
    assert_null(d);
    free(s);
}

static void long_line_without_newline(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("\"The levy is fair,\" Mayor Ruth Abara said on Monday, adding that it would stay. ",
                     60000, &len); /* about 5 MB, one paragraph */
    ws_doc *d = run(s, len, 0);
    assert_true(ws_doc_quote_count(d) >= 60000);
    check_output(d);
    ws_doc_free(d);
    free(s);
}

static void hundred_megabyte_article(void **state)
{
    (void)state;
    /* opt-in (WS_TEST_HUGE=1): it needs about 5 GB of memory, more under
     * the sanitizers; CI runs it in the plain build */
    const char *on = getenv("WS_TEST_HUGE");
    if (!on || strcmp(on, "1") != 0) {
        print_message("skipped: set WS_TEST_HUGE=1 for the 100 MB article\n");
        skip();
    }
    size_t len;
    const char *piece = "\"The levy is fair,\" Mayor Ruth Abara said on Monday, adding that it would stay. ";
    char *s = repeat(piece, 100000000 / strlen(piece), &len); /* 100 MB, no newline */
    ws_doc *d = run(s, len, 0);
    assert_true(ws_doc_quote_count(d) > 1000000);
    ws_doc_free(d);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unmatched_quote_marks),   cmocka_unit_test(nested_alternating_quotes),
        cmocka_unit_test(capitalised_words),       cmocka_unit_test(many_names_and_pronouns),
        cmocka_unit_test(repeated_cue_verb),       cmocka_unit_test(invalid_utf8_and_nul),
        cmocka_unit_test(meetings_without_comma),  cmocka_unit_test(interview_turns),
        cmocka_unit_test(long_line_without_newline), cmocka_unit_test(hundred_megabyte_article),
        cmocka_unit_test(titles_alone_and_fronted_clauses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
