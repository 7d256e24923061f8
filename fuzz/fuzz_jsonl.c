/* fuzz_jsonl: the --jsonl path of the CLI, rebuilt from the library.
 *
 * The CLI's JSONL reader lives in cli/main.c and is not a library function,
 * so this target does what process_line() there does for
 * `whosaid --jsonl --replace-invalid --format jsonl`: the input is split into
 * lines (as getline() would), each line's invalid UTF-8 bytes become U+FFFD,
 * the line is parsed with jansson's json_loadb(JSON_DECODE_ANY |
 * JSON_ALLOW_NUL), and when it is an object whose "text" is a string, the
 * text goes through ws_analyze(WS_REPLACE_INVALID) and ws_doc_write_json()
 * with the line's "id" (re-encoded with json_dumps) or its 0-based line
 * number as id.
 *
 * Checked: the analysis succeeds (unless the text is longer than
 * WS_FUZZ_MAX_BYTES), fuzz_check_doc() holds, and the output line is one
 * line of valid JSON that jansson parses back (rejecting duplicate keys)
 * into an object whose id equals the input id and whose quotes, entities
 * and events agree with the document: spans, texts, names, participants. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"

typedef struct gbuf {
    char *p;
    size_t len, cap;
} gbuf;

/* Make room for n more bytes. */
static int gbuf_reserve(gbuf *b, size_t n)
{
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len < n)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p, b->cap = cap;
    }
    return 0;
}

static int gbuf_add(gbuf *b, const char *s, size_t n)
{
    if (gbuf_reserve(b, n))
        return -1;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static int gbuf_write(void *ctx, const char *data, size_t len)
{
    return gbuf_add(ctx, data, len);
}

/* The line with every byte that starts no valid UTF-8 sequence replaced by
 * U+FFFD, as the CLI's utf8_fix() does before parsing. */
static int fix_utf8(gbuf *b, const uint8_t *s, size_t n)
{
    b->len = 0;
    for (size_t i = 0; i < n;) {
        size_t k = fuzz_utf8_seq(s + i, n - i);
        if (k ? gbuf_add(b, (const char *)s + i, k) : gbuf_add(b, "\xEF\xBF\xBD", 3))
            return -1;
        i += k ? k : 1;
    }
    return 0;
}

static void check_spans(const json_t *arr, const ws_span *s, size_t n)
{
    CHECK(json_is_array(arr) && json_array_size(arr) == n);
    for (size_t i = 0; i < n; i++) {
        const json_t *p = json_array_get(arr, i);
        CHECK(json_is_array(p) && json_array_size(p) == 2);
        CHECK(json_is_integer(json_array_get(p, 0)) && json_is_integer(json_array_get(p, 1)));
        CHECK((size_t)json_integer_value(json_array_get(p, 0)) == s[i].start);
        CHECK((size_t)json_integer_value(json_array_get(p, 1)) == s[i].end);
    }
}

/* The UTF-8 text of a span, in b (NUL-terminated). */
static const char *span_text(const ws_doc *doc, ws_span s, gbuf *b)
{
    size_t need = ws_doc_span_text(doc, s, NULL, 0);
    b->len = 0;
    if (gbuf_reserve(b, need + 1))
        return NULL;
    ws_doc_span_text(doc, s, b->p, need + 1);
    return b->p;
}

static void check_str(const json_t *j, const char *want)
{
    CHECK(json_is_string(j));
    if (want) /* NULL: out of memory, skip */
        CHECK(json_string_length(j) == strlen(want) && strcmp(json_string_value(j), want) == 0);
}

/* The output record against the document it was written from. */
static void check_record(const json_t *rec, const json_t *want_id, const ws_doc *doc)
{
    gbuf t = {0}, u = {0};
    CHECK(json_is_object(rec));
    CHECK(json_object_size(rec) == 4);
    CHECK(json_equal(json_object_get(rec, "id"), want_id));

    const json_t *quotes = json_object_get(rec, "quotes");
    size_t nq = ws_doc_quote_count(doc);
    CHECK(json_is_array(quotes) && json_array_size(quotes) == nq);
    for (size_t i = 0; i < nq; i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        const json_t *jq = json_array_get(quotes, i);
        CHECK(json_is_object(jq));
        check_spans(json_object_get(jq, "content"), q->content, q->n_content);
        /* "text": the fragments joined by one space */
        u.len = 0;
        for (size_t f = 0; f < q->n_content; f++) {
            const char *s = span_text(doc, q->content[f], &t);
            if (!s || (f && gbuf_add(&u, " ", 1)) || gbuf_add(&u, s, strlen(s)))
                goto out;
        }
        if (gbuf_add(&u, "", 1))
            goto out;
        check_str(json_object_get(jq, "text"), u.p);
        const char *type = json_string_value(json_object_get(jq, "type"));
        CHECK(type != NULL);
        CHECK(strcmp(type, q->type == WS_DIRECT ? "direct" : q->type == WS_MIXED ? "mixed" : "indirect") == 0);
        if (q->has_cue) {
            check_spans(json_object_get(jq, "cue"), &q->cue, 1);
            check_str(json_object_get(jq, "cue_text"), span_text(doc, q->cue, &t));
        } else {
            CHECK(json_is_null(json_object_get(jq, "cue")));
            CHECK(json_is_null(json_object_get(jq, "cue_text")));
        }
        if (q->has_source) {
            check_spans(json_object_get(jq, "source"), &q->source, 1);
            check_str(json_object_get(jq, "source_text"), span_text(doc, q->source, &t));
        } else {
            CHECK(json_is_null(json_object_get(jq, "source")));
            CHECK(json_is_null(json_object_get(jq, "source_text")));
        }
        if (q->entity >= 0) {
            const json_t *ent = json_object_get(jq, "entity");
            CHECK(json_is_integer(ent) && json_integer_value(ent) == q->entity);
            check_str(json_object_get(jq, "speaker"), ws_doc_entity(doc, (size_t)q->entity)->name);
        } else {
            CHECK(json_is_null(json_object_get(jq, "entity")));
            CHECK(json_is_null(json_object_get(jq, "speaker")));
        }
        CHECK(json_is_boolean(json_object_get(jq, "colon_cue")));
        CHECK(json_is_true(json_object_get(jq, "colon_cue")) == !!q->colon_cue);
        const json_t *conf = json_object_get(jq, "confidence");
        CHECK(json_is_number(conf));
        CHECK(json_number_value(conf) >= 0.0 && json_number_value(conf) <= 1.0);
    }

    const json_t *ents = json_object_get(rec, "entities");
    size_t ne = ws_doc_entity_count(doc);
    CHECK(json_is_array(ents) && json_array_size(ents) == ne);
    for (size_t i = 0; i < ne; i++) {
        const ws_entity *e = ws_doc_entity(doc, i);
        const json_t *je = json_array_get(ents, i);
        CHECK(json_is_object(je));
        CHECK(json_integer_value(json_object_get(je, "id")) == (json_int_t)i);
        check_str(json_object_get(je, "name"), e->name);
        check_str(json_object_get(je, "type"), e->type == WS_PERSON ? "person" : "organization");
        const json_t *titles = json_object_get(je, "titles");
        CHECK(json_is_array(titles) && json_array_size(titles) == e->n_titles);
        for (size_t k = 0; k < e->n_titles; k++)
            check_str(json_array_get(titles, k), e->titles[k]);
        check_spans(json_object_get(je, "mentions"), e->mentions, e->n_mentions);
    }

    const json_t *evs = json_object_get(rec, "events");
    size_t nv = ws_doc_event_count(doc);
    CHECK(json_is_array(evs) && json_array_size(evs) == nv);
    for (size_t i = 0; i < nv; i++) {
        const ws_event *v = ws_doc_event(doc, i);
        const json_t *jv = json_array_get(evs, i);
        CHECK(json_is_object(jv));
        check_str(json_object_get(jv, "type"), "meeting");
        const json_t *parts = json_object_get(jv, "participants");
        CHECK(json_is_array(parts) && json_array_size(parts) == v->n_participants);
        for (size_t k = 0; k < v->n_participants; k++)
            CHECK(json_integer_value(json_array_get(parts, k)) == v->participants[k]);
        if (v->when)
            check_str(json_object_get(jv, "when"), v->when);
        else
            CHECK(json_is_null(json_object_get(jv, "when")));
        check_spans(json_object_get(jv, "span"), &v->span, 1);
    }
out:
    free(t.p);
    free(u.p);
}

static void process_line(const uint8_t *line, size_t len, size_t lineno, gbuf *fixed, gbuf *out)
{
    json_error_t jerr;
    char num[32], *id_json = NULL;

    if (fix_utf8(fixed, line, len))
        return;
    json_t *root = json_loadb(fixed->len ? fixed->p : "", fixed->len,
                              JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    const json_t *id = json_object_get(root, "id"), *text = json_object_get(root, "text");
    if (!json_is_object(root) || !json_is_string(text))
        goto done; /* the CLI writes an error record */
    if (id && !(id_json = json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT)))
        goto done; /* out of memory */
    snprintf(num, sizeof num, "%zu", lineno - 1);

    const char *s = json_string_value(text);
    size_t n = json_string_length(text);
    ws_options opts = {WS_REPLACE_INVALID, WS_FUZZ_MAX_BYTES};
    ws_error err;
    ws_doc *doc = NULL;
    ws_status st = ws_analyze(s, n, &opts, &doc, &err);
    if (n > WS_FUZZ_MAX_BYTES) {
        CHECK(st == WS_ERR_TOO_LARGE && doc == NULL);
        goto done;
    }
    CHECK(st == WS_OK && doc != NULL);
    /* jansson strings are valid UTF-8 but may hold NUL (\u0000) */
    CHECK(ws_doc_length(doc) == fuzz_utf8_scan((const uint8_t *)s, n).cps);
    fuzz_check_doc(doc);

    out->len = 0;
    st = ws_doc_write_json(doc, id ? id_json : num, gbuf_write, out, &err);
    CHECK(st == WS_OK);
    CHECK(out->len > 0 && memchr(out->p, '\n', out->len) == NULL);
    CHECK(memchr(out->p, '\r', out->len) == NULL);
    CHECK(fuzz_utf8_valid(out->p, out->len)); /* which also means no raw NUL */

    /* the record parses back: an object, no duplicate keys, the same data */
    json_t *rec = json_loadb(out->p, out->len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!rec) {
        fprintf(stderr, "output is not JSON: %s at column %d, position %d\n", jerr.text,
                jerr.column, jerr.position);
        fprintf(stderr, "%.*s\n", (int)(out->len < 4000 ? out->len : 4000), out->p);
    }
    CHECK(rec != NULL);
    json_t *want_id = id ? json_incref((json_t *)id) : json_integer((json_int_t)(lineno - 1));
    if (want_id)
        check_record(rec, want_id, doc);
    json_decref(want_id);
    json_decref(rec);
    ws_doc_free(doc);
done:
    free(id_json);
    json_decref(root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gbuf fixed = {0}, out = {0};
    size_t lineno = 0;
    /* getline(): lines end at '\n' (removed); a last line without one counts */
    for (size_t i = 0; i < size;) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        size_t end = nl ? (size_t)(nl - data) : size;
        process_line(data + i, end - i, ++lineno, &fixed, &out);
        i = nl ? end + 1 : size;
    }
    free(fixed.p);
    free(out.p);
    return 0;
}
