/* fuzz_analyze: ws_analyze() on raw bytes, then both writers.
 *
 * Each input is analysed twice:
 *   1. flags 0, no size limit: must succeed exactly when the input is valid
 *      UTF-8 without NUL bytes (checked against an independent strict
 *      scanner), and fail with WS_ERR_UTF8 otherwise;
 *   2. WS_REPLACE_INVALID with max_bytes = WS_FUZZ_MAX_BYTES: must succeed
 *      unless the input is longer than that (then WS_ERR_TOO_LARGE), and the
 *      document must hold one code point per valid sequence or invalid byte.
 * Every successful document goes through fuzz_check_doc() (spans in range,
 * fragments non-empty and in order, entity ids and participants in range,
 * confidence in [0, 1], ...), then is written as JSON (one line) and as
 * text to writers that discard. For a valid input the two analyses must
 * give byte-identical JSON. A third write of the JSON goes to a writer that
 * fails at some call and must give WS_ERR_IO.
 *
 * Build: see fuzz/Makefile (libFuzzer, AFL++ or standalone). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static void write_and_check(const ws_doc *doc, fuzz_sink *json, const uint8_t *data, size_t size)
{
    ws_error err;
    fuzz_sink text;

    fuzz_check_doc(doc);

    fuzz_sink_init(json, 1, 0);
    CHECK(ws_doc_write_json(doc, "\"fuzz\"", fuzz_sink_write, json, &err) == WS_OK);
    CHECK(json->bytes > 0);

    fuzz_sink_init(&text, 0, 0);
    CHECK(ws_doc_write_text(doc, fuzz_sink_write, &text, &err) == WS_OK);
    CHECK(text.bytes > 0);

    /* a writer that fails: WS_ERR_IO, and no write after the failure */
    fuzz_sink bad;
    fuzz_sink_init(&bad, 1, 1 + (size ? data[size - 1] % 3 : 0));
    ws_status st = ws_doc_write_json(doc, NULL, fuzz_sink_write, &bad, &err);
    CHECK(bad.failed ? st == WS_ERR_IO && err.code == WS_ERR_IO : st == WS_OK);
    fuzz_sink_init(&bad, 0, 1 + (size ? data[0] % 3 : 0));
    st = ws_doc_write_text(doc, fuzz_sink_write, &bad, &err);
    CHECK(bad.failed ? st == WS_ERR_IO && err.code == WS_ERR_IO : st == WS_OK);

    /* NULL arguments are errors, not crashes */
    CHECK(ws_doc_write_json(doc, NULL, NULL, NULL, &err) == WS_ERR_ARG);
    CHECK(ws_doc_write_text(NULL, fuzz_sink_write, &text, NULL) == WS_ERR_ARG);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the library must not depend on a terminating NUL: give it none */
    const char *text = size ? (const char *)data : NULL;
    fuzz_utf8_info info = fuzz_utf8_scan(data, size);
    ws_error err;
    ws_doc *doc = NULL;
    fuzz_sink json0, json1;

    /* 1. strict */
    ws_options strict = {0, 0};
    ws_status st0 = ws_analyze(text, size, &strict, &doc, &err);
    CHECK(st0 == err.code);
    if (st0 == WS_OK) {
        CHECK(doc != NULL);
        CHECK(info.valid);
        CHECK(ws_doc_length(doc) == info.cps);
        CHECK(ws_doc_span_text(doc, (ws_span){0, info.cps}, NULL, 0) == size);
        write_and_check(doc, &json0, data, size);
        ws_doc_free(doc);
    } else {
        CHECK(doc == NULL);
        CHECK(st0 == WS_ERR_UTF8);
        CHECK(!info.valid);
        CHECK(err.message[0] != 0);
    }

    /* 2. replacing invalid bytes, with a size limit */
    ws_options lenient = {WS_REPLACE_INVALID, WS_FUZZ_MAX_BYTES};
    doc = NULL;
    ws_status st1 = ws_analyze(text, size, &lenient, &doc, &err);
    CHECK(st1 == err.code);
    if (size > WS_FUZZ_MAX_BYTES) {
        CHECK(st1 == WS_ERR_TOO_LARGE);
        CHECK(doc == NULL);
        return 0;
    }
    CHECK(st1 == WS_OK);
    CHECK(doc != NULL);
    CHECK(ws_doc_length(doc) == info.cps);
    CHECK(ws_doc_span_text(doc, (ws_span){0, info.cps}, NULL, 0) == info.bytes);
    write_and_check(doc, &json1, data, size);
    ws_doc_free(doc);

    /* valid input: the flag changes nothing */
    if (st0 == WS_OK)
        CHECK(json0.bytes == json1.bytes && json0.hash == json1.hash);
    return 0;
}
