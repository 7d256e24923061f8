/*
 * Every reproducer the fuzzers found (fuzz/crashes/) is replayed here and
 * must analyse cleanly, with the invariants that whosaid.h promises: spans
 * inside the text, non-empty content in reading order, entity mentions in
 * text order, ids in range, confidence in [0, 1].
 *
 * usage: test_regressions DIR   (default fuzz/crashes)
 */
#include "testutil.h"

#include <dirent.h>

static const char *g_dir = "fuzz/crashes";

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    *len = 0;
    for (size_t k; s && (k = fread(s + n, 1, cap - n, f)) > 0;) {
        n += k;
        if (n == cap) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
            }
            s = t;
        }
    }
    fclose(f);
    *len = n;
    return s;
}

static void check_invariants(const ws_doc *d, const char *name)
{
    size_t n = ws_doc_length(d);
    for (size_t i = 0; i < ws_doc_quote_count(d); i++) {
        const ws_quote *q = ws_doc_quote(d, i);
        if (q->n_content == 0)
            fail_msg("%s: quote %zu has no content", name, i);
        for (size_t f = 0; f < q->n_content; f++) {
            if (q->content[f].start > q->content[f].end || q->content[f].end > n)
                fail_msg("%s: quote %zu fragment %zu out of range", name, i, f);
            if (f && q->content[f].start < q->content[f - 1].end)
                fail_msg("%s: quote %zu fragments out of order", name, i);
        }
        if (q->entity >= (int)ws_doc_entity_count(d))
            fail_msg("%s: quote %zu entity out of range", name, i);
        if (!(q->confidence >= 0 && q->confidence <= 1))
            fail_msg("%s: quote %zu confidence %f", name, i, q->confidence);
    }
    for (size_t e = 0; e < ws_doc_entity_count(d); e++) {
        const ws_entity *E = ws_doc_entity(d, e);
        for (size_t m = 1; m < E->n_mentions; m++)
            if (E->mentions[m - 1].start > E->mentions[m].start)
                fail_msg("%s: entity %zu mentions out of text order", name, e);
    }
    for (size_t v = 0; v < ws_doc_event_count(d); v++) {
        const ws_event *ev = ws_doc_event(d, v);
        for (size_t p = 0; p < ev->n_participants; p++)
            if (ev->participants[p] < 0 || ev->participants[p] >= (int)ws_doc_entity_count(d))
                fail_msg("%s: event %zu participant out of range", name, v);
    }
}

static void replay(void **state)
{
    (void)state;
    DIR *dir = opendir(g_dir);
    if (!dir) {
        print_message("skipped: %s not found\n", g_dir);
        skip();
    }
    size_t files = 0;
    for (struct dirent *de; (de = readdir(dir)) != NULL;) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, "README.md") == 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", g_dir, de->d_name);
        size_t len = 0;
        char *text = slurp(path, &len);
        assert_non_null(text);
        for (int pass = 0; pass < 2; pass++) {
            ws_options o = {.flags = pass ? WS_REPLACE_INVALID : 0};
            ws_doc *d = NULL;
            ws_error err;
            if (ws_analyze(text, len, &o, &d, &err) == WS_OK) {
                check_invariants(d, de->d_name);
                ws_doc_free(d);
            }
        }
        free(text);
        files++;
    }
    closedir(dir);
    print_message("  %zu reproducers replayed\n", files);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        g_dir = argv[1];
    const struct CMUnitTest tests[] = {cmocka_unit_test(replay)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
