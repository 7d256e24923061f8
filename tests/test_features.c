/*
 * test_features.c - the learned models' feature numbers. The models make
 * them from the tokens' hashes (text.c) and constants, not from strings;
 * ws_feat_hash(name, value[, value2]) is their definition. These tests pin
 * the fast numbers to the named ones, so that the two cannot drift (the
 * trainer and the weights rely on them agreeing).
 */
#include <math.h>
#include "testutil.h"

#include "internal.h"

#include "bound_weights.h"
#include "cue_weights.h"
#include "quote_weights.h"
#include "source_weights.h"
#include "start_weights.h"

static const char TEXT[] =
    "The council passed the fare rise, which Mayor Ilse Brandt called \"a disgrace.\" "
    "Tom Wexler, the city engineer, said the bridge was unsafe, adding that 3 repairs "
    "were overdue. \"It should have been closed,\" he told reporters on Friday. "
    "Lund was endorsed by the Harbour Gazette; Zo\xC3\xAB N\xC3\xBA\xC3\xB1" "ez disagreed.";

static ws_doc *analyze(unsigned flags)
{
    ws_doc *d = NULL;
    ws_error err;
    assert_int_equal(ws_analyze_internal(TEXT, strlen(TEXT), NULL, flags, &d, &err), WS_OK);
    return d;
}

/* The token whose lower case is w */
static uint32_t find(const ws_doc *d, const char *w)
{
    for (uint32_t k = 0; k < d->toks.n; k++)
        if (strcmp(d->toks.v[k].low, w) == 0)
            return k;
    fail_msg("no token %s", w);
    return 0;
}

/* Every token's hash is the FNV-1a of its lower case, as the features assume */
static void test_token_hash(void **state)
{
    (void)state;
    ws_doc *d = analyze(0);
    for (uint32_t k = 0; k < d->toks.n; k++)
        assert_int_equal(d->toks.v[k].hash, ws_fnv(2166136261u, d->toks.v[k].low));
    ws_doc_free(d);
}

/* The cue model: the fast features against the named ones (the first 23
 * of them, which ws_cue_features() gives by name when there is room for
 * fewer than all), and a few against literal strings */
static void test_cue_features(void **state)
{
    (void)state;
    ws_doc *d = analyze(0);
    for (uint32_t k = 0; k < d->toks.n; k++) {
        uint32_t fast[WS_CUE_MAX_FEATS], named[WS_CUE_MAX_FEATS];
        size_t n = ws_cue_features(d, k, fast, WS_CUE_MAX_FEATS);
        size_t m = ws_cue_features(d, k, named, n - 1);
        assert_int_equal(m, n - 1);
        for (size_t i = 0; i < m; i++)
            assert_int_equal(fast[i], named[i]);
    }
    uint32_t f[WS_CUE_MAX_FEATS];
    uint32_t k = find(d, "passed");
    ws_cue_features(d, k, f, WS_CUE_MAX_FEATS);
    assert_int_equal(f[0], ws_feat_hash("w", "passed", NULL, WS_CUE_DIM));
    assert_int_equal(f[1], ws_feat_hash("suf3", "sed", NULL, WS_CUE_DIM));
    assert_int_equal(f[3], ws_feat_hash("w-1", "council", NULL, WS_CUE_DIM));
    assert_int_equal(f[11], ws_feat_hash("ww+1", "passed", "the", WS_CUE_DIM));
    assert_int_equal(f[18], ws_feat_hash("bias", "1", NULL, WS_CUE_DIM));
    assert_int_equal(f[19], ws_feat_hash("stem", "pass", NULL, WS_CUE_DIM));
    assert_int_equal(f[23], ws_feat_hash("stem|m-1", "pass", "word", WS_CUE_DIM));
    /* a number's word, and a word of two bytes (its suffixes are itself) */
    k = find(d, "3");
    ws_cue_features(d, k, f, WS_CUE_MAX_FEATS);
    assert_int_equal(f[3], ws_feat_hash("w-1", "that", NULL, WS_CUE_DIM));
    assert_int_equal(f[4], ws_feat_hash("w+1", "repairs", NULL, WS_CUE_DIM));
    k = find(d, "he");
    ws_cue_features(d, k, f, WS_CUE_MAX_FEATS);
    assert_int_equal(f[1], ws_feat_hash("suf3", "he", NULL, WS_CUE_DIM));
    assert_int_equal(f[5], ws_feat_hash("w+2", "reporters", NULL, WS_CUE_DIM));
    ws_doc_free(d);
}

/* The boundary model: ws_bound_scores() (fast) against ws_bound_score(),
 * which sums the named features, on every logged site */
static void test_bound_features(void **state)
{
    (void)state;
    ws_doc *d = analyze(WS_INTERNAL_LOG_BOUNDS);
    assert_true(d->bound_log.n > 0);
    for (size_t i = 0; i < d->bound_log.n; i++) {
        const bound_site *s = &d->bound_log.v[i];
        double z[WS_BOUND_MAX_CANDS];
        ws_bound_scores(d, s, z);
        for (uint32_t c = 0; c < s->n; c++)
            assert_true(z[c] == ws_bound_score(d, s, c));
        uint32_t f[WS_BOUND_MAX_FEATS];
        size_t n = ws_bound_features(d, s, 0, f, WS_BOUND_MAX_FEATS);
        assert_int_equal(f[n - 1], ws_feat_hash("bias", "1", NULL, WS_BOUND_DIM));
    }
    ws_doc_free(d);
}

/* The start model: ws_start_scores() (fast) against ws_start_score(), which
 * sums the named features, on every logged site; the sites hold the rules'
 * start, and "said the bridge …" has one after "said" */
static void test_start_features(void **state)
{
    (void)state;
    ws_doc *d = analyze(WS_INTERNAL_LOG_STARTS);
    assert_true(d->start_log.n > 0);
    bool said = false;
    for (size_t i = 0; i < d->start_log.n; i++) {
        const start_site *s = &d->start_log.v[i];
        double z[WS_START_MAX_CANDS];
        ws_start_scores(d, s, z);
        bool rule = false;
        for (uint32_t c = 0; c < s->n; c++) {
            assert_true(z[c] == ws_start_score(d, s, c));
            rule |= s->cand[c] == s->rule_start;
        }
        assert_true(rule);
        said |= s->cue == find(d, "said");
        uint32_t f[WS_START_MAX_FEATS];
        size_t n = ws_start_features(d, s, 0, f, WS_START_MAX_FEATS);
        assert_int_equal(f[0], ws_feat_hash("w", ws_feat_word(d, s->cand[0]), NULL, WS_START_DIM));
        assert_int_equal(f[n - 1], ws_feat_hash("bias", "1", NULL, WS_START_DIM));
    }
    assert_true(said);
    ws_doc_free(d);
}

/* The filter: a few features of the attribution of "told" against strings */
static void test_quote_features(void **state)
{
    (void)state;
    ws_doc *d = analyze(0);
    uint32_t told = find(d, "told");
    const quote *q = NULL;
    for (size_t i = 0; i < d->quotes.n; i++)
        if (d->quotes.v[i].cue0 <= told && told < d->quotes.v[i].cue1)
            q = &d->quotes.v[i];
    assert_non_null(q);
    assert_int_equal(q->type, WS_DIRECT);
    uint32_t f[WS_QUOTE_MAX_FEATS];
    size_t n = ws_quote_features(d, q, f, WS_QUOTE_MAX_FEATS);
    assert_int_equal(f[2], ws_feat_hash("type", "direct", NULL, WS_QUOTE_DIM));
    assert_int_equal(f[3], ws_feat_hash("cue", "tell", NULL, WS_QUOTE_DIM));
    assert_int_equal(f[4], ws_feat_hash("cue|type", "tell", "direct", WS_QUOTE_DIM));
    assert_int_equal(f[14], ws_feat_hash("first", "it", NULL, WS_QUOTE_DIM));
    assert_int_equal(f[n - 2], ws_feat_hash("cue-1", "he", NULL, WS_QUOTE_DIM));
    assert_int_equal(f[n - 1], ws_feat_hash("bias", "1", NULL, WS_QUOTE_DIM));
    ws_doc_free(d);
}

/* The source ranker: a few features of the sieves' choice for "told" */
/* The entity stage's tables of powers are the values pow() gives */
static void test_pow_tables(void **state)
{
    (void)state;
    for (int k = 0; k < WS_POW_TABLE; k++) {
        assert_true(ws_pow06[k] == pow(0.6, (double)k));
        assert_true(ws_pow035[k] == pow(0.35, (double)k));
    }
}

static void test_source_features(void **state)
{
    (void)state;
    ws_doc *d = analyze(WS_INTERNAL_LOG_SOURCES);
    uint32_t told = find(d, "told");
    const source_site *s = NULL;
    for (size_t i = 0; i < d->source_log.n; i++) {
        const quote *q = &d->quotes.v[d->source_log.v[i].quote];
        if (q->cue0 <= told && told < q->cue1)
            s = &d->source_log.v[i];
    }
    assert_non_null(s);
    assert_true(s->cand[0].sieve && s->cand[0].kind == SK_PRONOUN);
    uint32_t f[WS_SOURCE_MAX_FEATS];
    size_t n = ws_source_features(d, s, 0, f, WS_SOURCE_MAX_FEATS);
    assert_true(n > 12);
    assert_int_equal(f[0], ws_feat_hash("ks", "pron*", NULL, WS_SOURCE_DIM));
    assert_int_equal(f[1], ws_feat_hash("pass|ks", "no", "pron*", WS_SOURCE_DIM));
    assert_int_equal(f[4], ws_feat_hash("ks|cue", "pron*", "tell", WS_SOURCE_DIM));
    assert_int_equal(f[5], ws_feat_hash("bias", "1", NULL, WS_SOURCE_DIM));
    assert_int_equal(f[6], ws_feat_hash("pos", "L", NULL, WS_SOURCE_DIM));
    assert_int_equal(f[7], ws_feat_hash("pos|ks", "L", "pron*", WS_SOURCE_DIM));
    ws_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_hash),     cmocka_unit_test(test_cue_features),
        cmocka_unit_test(test_bound_features), cmocka_unit_test(test_start_features),
        cmocka_unit_test(test_quote_features),
        cmocka_unit_test(test_source_features), cmocka_unit_test(test_pow_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
