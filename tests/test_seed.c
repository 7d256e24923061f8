/*
 * test_seed.c - the reference article of the project, checked as
 * ../shared/eval/seed_check.py checks it.
 *
 * usage: test_seed SHARED_DIR      (e.g. ../shared)
 *
 * Reads SHARED_DIR/data/seed/meeting-report.txt and its gold
 * meeting-report.gold.jsonl, runs ws_analyze() and checks:
 *   - every gold quote is found: a predicted quote whose trimmed code points
 *     overlap it by at least 50% of the larger of the two (each prediction
 *     matches at most one gold quote);
 *   - the speaker of each found quote is an entity whose name contains the
 *     gold entity's surname;
 *   - at most 2 predicted quotes match no gold quote;
 *   - a meeting event has both gold participants and a "when" containing
 *     the gold time ("Saturday").
 * When SHARED_DIR/data/seed does not exist every test is skipped.
 */
#include "testutil.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <sys/stat.h>

static const char *shared_dir = "../shared";

typedef struct seed {
    bool present;
    char seed_dir[4096];
    char *text;
    size_t len;
    json_t *gold;
    ws_doc *doc;
    uint32_t *cp; /* the gold text as code points */
    size_t ncp;
    long *match;  /* gold quote -> predicted quote, or -1 */
    size_t ngold;
    size_t extra;
} seed;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    tu_buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (tu_buf_write(&b, chunk, n) != 0) {
            free(b.p);
            fclose(f);
            return NULL;
        }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b.p);
        return NULL;
    }
    if (!b.p)
        tu_buf_write(&b, "", 0);
    *len = b.len;
    return b.p;
}

static bool ci_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

/* The last word of a name. */
static const char *surname(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

/* Gold fragments [[s, e], ...] to spans (at most max). */
static size_t gold_spans(json_t *frags, ws_span *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(frags) && n < max; i++) {
        json_t *f = json_array_get(frags, i);
        out[n].start = (size_t)json_integer_value(json_array_get(f, 0));
        out[n].end = (size_t)json_integer_value(json_array_get(f, 1));
        n++;
    }
    return n;
}

static int setup(void **state)
{
    seed *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    *state = s;
    snprintf(s->seed_dir, sizeof s->seed_dir, "%s/data/seed", shared_dir);
    struct stat st;
    if (stat(s->seed_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("skipped: %s not found\n", s->seed_dir);
        fflush(stdout);
        return 0;
    }
    s->present = true;
    char path[4200];
    snprintf(path, sizeof path, "%s/meeting-report.txt", s->seed_dir);
    s->text = read_file(path, &s->len);
    if (!s->text) {
        fprintf(stderr, "test_seed: %s: %s\n", path, strerror(errno));
        return -1;
    }
    snprintf(path, sizeof path, "%s/meeting-report.gold.jsonl", s->seed_dir);
    json_error_t jerr;
    s->gold = json_load_file(path, JSON_DISABLE_EOF_CHECK, &jerr);
    if (!s->gold) {
        fprintf(stderr, "test_seed: %s:%d: %s\n", path, jerr.line, jerr.text);
        return -1;
    }
    const char *gtext = json_string_value(json_object_get(s->gold, "text"));
    if (!gtext) {
        fprintf(stderr, "test_seed: %s: no \"text\"\n", path);
        return -1;
    }
    /* the gold offsets are into the gold text; the article file must be the
     * same text (a trailing newline aside) */
    size_t gl = strlen(gtext);
    size_t tl = s->len;
    while (tl > gl && (s->text[tl - 1] == '\n' || s->text[tl - 1] == '\r'))
        tl--;
    if (tl != gl || memcmp(s->text, gtext, gl) != 0) {
        fprintf(stderr, "test_seed: meeting-report.txt differs from the gold text\n");
        return -1;
    }
    s->cp = tu_decode(gtext, gl, &s->ncp);
    ws_error err;
    if (ws_analyze(s->text, s->len, NULL, &s->doc, &err) != WS_OK) {
        fprintf(stderr, "test_seed: ws_analyze: %s\n", err.message);
        return -1;
    }
    /* match as seed_check.py: in gold order, the best unused prediction */
    json_t *gq = json_object_get(s->gold, "quotes");
    s->ngold = json_array_size(gq);
    s->match = malloc((s->ngold + 1) * sizeof *s->match);
    size_t np = ws_doc_quote_count(s->doc);
    bool *used = calloc(np + 1, sizeof *used);
    if (!s->match || !used)
        return -1;
    size_t nused = 0;
    for (size_t g = 0; g < s->ngold; g++) {
        ws_span gs[8];
        size_t ng = gold_spans(json_object_get(json_array_get(gq, g), "content"), gs, 8);
        double best = 0.0;
        long bj = -1;
        for (size_t j = 0; j < np; j++) {
            const ws_quote *q = ws_doc_quote(s->doc, j);
            if (used[j])
                continue;
            double r = tu_overlap(s->cp, s->ncp, gs, ng, q->content, q->n_content);
            if (r > best)
                best = r, bj = (long)j;
        }
        s->match[g] = bj >= 0 && best >= 0.5 ? bj : -1;
        if (s->match[g] >= 0)
            used[bj] = true, nused++;
    }
    s->extra = np - nused;
    free(used);
    return 0;
}

static int teardown(void **state)
{
    seed *s = *state;
    if (!s)
        return 0;
    ws_doc_free(s->doc);
    json_decref(s->gold);
    free(s->text);
    free(s->cp);
    free(s->match);
    free(s);
    return 0;
}

static seed *get(void **state)
{
    seed *s = *state;
    if (!s->present)
        skip(); /* the reason was printed by setup() */
    return s;
}

/* The first 60 code points of a span of the article. */
static void snippet(const seed *s, ws_span sp, char *buf, size_t size)
{
    if (sp.end > sp.start + 60)
        sp.end = sp.start + 60;
    tu_text(s->doc, sp, buf, size);
}

static void test_all_quotes_found(void **state)
{
    seed *s = get(state);
    json_t *gq = json_object_get(s->gold, "quotes");
    assert_int_equal(s->ngold, 9);
    size_t found = 0;
    for (size_t g = 0; g < s->ngold; g++) {
        if (s->match[g] >= 0) {
            found++;
            continue;
        }
        ws_span gs[8];
        gold_spans(json_object_get(json_array_get(gq, g), "content"), gs, 8);
        char b[512];
        snippet(s, gs[0], b, sizeof b);
        print_message("missed gold quote %zu: \"%s\"\n", g + 1, b);
    }
    if (found != s->ngold)
        tu_dump(s->doc);
    assert_int_equal(found, s->ngold);
}

static void test_speakers(void **state)
{
    seed *s = get(state);
    json_t *gq = json_object_get(s->gold, "quotes");
    size_t right = 0, found = 0;
    for (size_t g = 0; g < s->ngold; g++) {
        if (s->match[g] < 0)
            continue;
        found++;
        const char *want = json_string_value(json_object_get(json_array_get(gq, g), "entity"));
        assert_non_null(want);
        const ws_quote *q = ws_doc_quote(s->doc, (size_t)s->match[g]);
        const ws_entity *e = q->entity >= 0 ? ws_doc_entity(s->doc, (size_t)q->entity) : NULL;
        const char *got = e ? e->name : "";
        if (ci_contains(got, surname(want)))
            right++;
        else
            print_message("gold quote %zu: speaker \"%s\", want %s\n", g + 1, got, want);
    }
    assert_int_equal(right, found);
}

static void test_few_extra_quotes(void **state)
{
    seed *s = get(state);
    if (s->extra > 2) {
        print_message("%zu predicted quotes match no gold quote\n", s->extra);
        tu_dump(s->doc);
    }
    assert_true(s->extra <= 2);
}

static void test_meeting(void **state)
{
    seed *s = get(state);
    json_t *m = json_object_get(s->gold, "meeting");
    json_t *parts = json_object_get(m, "participants");
    const char *when = json_string_value(json_object_get(m, "when"));
    assert_non_null(when);
    assert_true(json_array_size(parts) == 2);
    bool ok = false;
    for (size_t i = 0; i < ws_doc_event_count(s->doc) && !ok; i++) {
        const ws_event *ev = ws_doc_event(s->doc, i);
        if (ev->type != WS_MEETING)
            continue;
        bool all = true;
        for (size_t p = 0; p < json_array_size(parts); p++) {
            const char *want = surname(json_string_value(json_array_get(parts, p)));
            bool has = false;
            for (size_t k = 0; k < ev->n_participants; k++) {
                const ws_entity *e = ev->participants[k] >= 0
                                         ? ws_doc_entity(s->doc, (size_t)ev->participants[k])
                                         : NULL;
                if (e && ci_contains(e->name, want))
                    has = true;
            }
            all = all && has;
        }
        ok = all && ev->when && ci_contains(ev->when, when);
    }
    if (!ok) {
        print_message("no meeting of %s and %s on %s among %zu event(s):\n",
                      json_string_value(json_array_get(parts, 0)),
                      json_string_value(json_array_get(parts, 1)), when,
                      ws_doc_event_count(s->doc));
        for (size_t i = 0; i < ws_doc_event_count(s->doc); i++) {
            const ws_event *ev = ws_doc_event(s->doc, i);
            print_message("  when=%s participants:", ev->when ? ev->when : "(null)");
            for (size_t k = 0; k < ev->n_participants; k++) {
                const ws_entity *e = ev->participants[k] >= 0
                                         ? ws_doc_entity(s->doc, (size_t)ev->participants[k])
                                         : NULL;
                print_message(" %s;", e ? e->name : "?");
            }
            print_message("\n");
        }
    }
    assert_true(ok);
}

int main(int argc, char **argv)
{
    if (argc > 2) {
        fprintf(stderr, "usage: test_seed [SHARED_DIR]\n");
        return 2;
    }
    if (argc == 2)
        shared_dir = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_quotes_found),
        cmocka_unit_test(test_speakers),
        cmocka_unit_test(test_few_extra_quotes),
        cmocka_unit_test(test_meeting),
    };
    return cmocka_run_group_tests_name("seed", tests, setup, teardown);
}
