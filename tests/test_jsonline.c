/*
 * test_jsonline.c - the CLI's fast path for JSONL lines (cli/jsonline.c)
 * against jansson, which it must agree with whenever it accepts a line.
 *
 * For every line, hand-written and mutated: when jl_parse() accepts it,
 * json_loadb(JSON_DECODE_ANY | JSON_ALLOW_NUL) must give an object whose
 * "text" is a string with the same bytes, and whose "id" is absent exactly
 * when the fast path saw none, and otherwise dumps (JSON_COMPACT |
 * JSON_ENCODE_ANY) to the fast path's id text; for a string id the label
 * must be its value. Lines the fast path refuses go to jansson in the CLI,
 * so refusing is always allowed; the test also checks that ordinary lines
 * (PolNeAR-like) are accepted, or the fast path would be pointless.
 */
#include "testutil.h"

#include <jansson.h>

#include "../cli/jsonline.c"

static int accepted, refused;

/* The fast path and jansson agree on line (valid UTF-8, no NUL). */
static void agree(const char *line, size_t len)
{
    char *scratch = NULL;
    size_t cap = 0;
    jl_result r;
    int ok = jl_parse(line, len, &scratch, &cap, &r);
    if (!ok) {
        refused++;
        free(scratch);
        return;
    }
    accepted++;
    json_error_t err;
    json_t *root = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!root)
        fail_msg("fast path accepted what jansson refuses (%s): %.*s", err.text, (int)len, line);
    assert_true(json_is_object(root));
    json_t *text = json_object_get(root, "text"), *id = json_object_get(root, "id");
    assert_non_null(text);
    assert_true(json_is_string(text));
    assert_int_equal(json_string_length(text), r.text_len);
    if (r.text_len)
        assert_memory_equal(json_string_value(text), r.text, r.text_len);
    assert_int_equal(id != NULL, r.has_id);
    if (id) {
        char *dump = json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT);
        assert_non_null(dump);
        assert_string_equal(dump, scratch + r.id_off);
        free(dump);
        assert_int_equal(json_is_string(id), r.id_is_string);
        if (r.id_is_string)
            assert_string_equal(json_string_value(id), scratch + r.label_off);
    }
    json_decref(root);
    free(scratch);
}

static void agree_s(const char *line) { agree(line, strlen(line)); }

/* A line that is not valid UTF-8, or holds a NUL byte, is refused (the CLI
 * then reports or repairs it). */
static void refuse(const char *line, size_t len)
{
    char *scratch = NULL;
    size_t cap = 0;
    jl_result r;
    if (jl_parse(line, len, &scratch, &cap, &r))
        fail_msg("fast path accepted invalid UTF-8 or NUL: %.*s", (int)len, line);
    free(scratch);
}

static const char *const LINES[] = {
    "{\"id\": \"a\", \"text\": \"He said \\\"hi\\\".\\n\\nShe left.\"}",
    "{\"text\": \"no id\"}",
    "{\"id\": 12, \"text\": \"x\"}",
    "{\"id\": -12, \"text\": \"x\"}",
    "{\"id\": 0, \"text\": \"x\"}",
    "{\"id\": -0, \"text\": \"x\"}",
    "{\"id\": 1.5, \"text\": \"x\"}",
    "{\"id\": 1e2, \"text\": \"x\"}",
    "{\"id\": 123456789012345678, \"text\": \"x\"}",
    "{\"id\": 1234567890123456789, \"text\": \"x\"}",
    "{\"id\": 99999999999999999999, \"text\": \"x\"}",
    "{\"id\": null, \"text\": \"x\"}",
    "{\"id\": true, \"text\": \"x\"}",
    "{\"id\": [1, 2], \"text\": \"x\"}",
    "{\"id\": \"with \\\"escape\\\"\", \"text\": \"x\"}",
    "{\"id\": \"caf\xc3\xa9 \xf0\x9f\x98\x80 \x7f\", \"text\": \"x\"}",
    "{\"text\": \"\\u00e9\\u00E9 \\ud83d\\ude00 \\/ \\b\\f\\n\\r\\t\"}",
    "{\"text\": \"lone \\ud800\"}",
    "{\"text\": \"lone \\udc00\"}",
    "{\"text\": \"\\ud800\\u0041\"}",
    "{\"text\": \"nul \\u0000 inside\"}",
    "{\"text\": \"x\", \"text\": \"y\"}",
    "{\"id\": \"a\", \"id\": \"b\", \"text\": \"y\"}",
    "{\"te\\u0078t\": \"escaped key\"}",
    "{\"text\": \"x\", \"\\u0000\": 1}",
    "{\"text\": \"x\", \"q\": {\"\\u0000\": 1}}",
    "{\"text\": \"x\", \"q\": 01}",
    "{\"text\": \"x\", \"q\": 1.}",
    "{\"text\": \"x\", \"q\": .5}",
    "{\"text\": \"x\", \"q\": -}",
    "{\"text\": \"x\", \"q\": 1e400}",
    "{\"text\": \"x\", \"q\": 1e-400}",
    "{\"text\": \"x\", \"q\": 1e99}",
    "{\"text\": \"x\", \"q\": -0.0e+5}",
    "{\"text\": \"x\", \"q\": [1,]}",
    "{\"text\": \"x\", \"q\": {\"a\":1,}}",
    "{\"text\": \"x\", \"q\": tru}",
    "{\"text\": \"x\", \"q\": truex}",
    "{\"text\": \"x\", \"q\": true1}",
    "{\"text\": \"ctrl\ttab\"}",
    "{\"text\": \"x\"} trailing",
    "  {\"text\": \"x\"}  \r",
    "{}",
    "[]",
    "\"text\"",
    "{\"text\": 5}",
    "{\"text\": null}",
    "{\"text\": \"unterminated",
    "{\"text\": \"x\", \"q\": \"\\x\"}",
    "{\"text\": \"x\", \"q\": \"\\u12\"}",
    "{\"text\": \"x\", \"q\": [[[[[[[[[[]]]]]]]]]]}",
    "{\"text\": \"x\", \"q\": [[[[[[[[[[]]]]]]]]]}",
    "{\"text\" : \"spaces\" , \"id\" : \"s\" }",
    "{\"quotes\": [{\"content\": [[120, 211]], \"cue\": [[113, 119]], \"source_id\": \"T1\", "
    "\"type\": \"indirect\", \"colon_cue\": false, \"x\": null}], \"id\": \"train/1\", "
    "\"text\": \"Tokens \\u201cquoted\\u201d, said he.\"}",
};

static void test_hand_written(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof LINES / sizeof *LINES; i++)
        agree_s(LINES[i]);
    /* the ordinary lines go the fast way */
    char *scratch = NULL;
    size_t cap = 0;
    jl_result r;
    assert_true(jl_parse(LINES[0], strlen(LINES[0]), &scratch, &cap, &r));
    const char *last = LINES[sizeof LINES / sizeof *LINES - 1];
    assert_true(jl_parse(last, strlen(last), &scratch, &cap, &r));
    assert_string_equal(scratch + r.id_off, "\"train/1\"");
    free(scratch);
}

/* Valid UTF-8 without NUL: what the CLI hands to the parsers. */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || c == 0 || i + k > n)
            return false;
        uint32_t cp = k == 1 ? c : c & (0x7F >> k);
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += k;
    }
    return true;
}

/* Every line above, mutated a byte at a time (deleted, duplicated, replaced
 * by a character that matters to JSON), deterministically. */
static void test_mutations(void **state)
{
    (void)state;
    static const char pieces[] = "\"\\{}[],:0-.eE+tfnu \t\r\x01/";
    char buf[1024];
    uint32_t seed = 12345;
    for (size_t i = 0; i < sizeof LINES / sizeof *LINES; i++) {
        const char *l = LINES[i];
        size_t n = strlen(l);
        for (size_t at = 0; at < n && n + 2 < sizeof buf; at++) {
            for (int kind = 0; kind < 3; kind++) {
                size_t m = 0;
                memcpy(buf, l, at);
                m = at;
                seed = seed * 1103515245u + 12345u;
                if (kind == 1)
                    buf[m++] = l[at], buf[m++] = l[at];
                else if (kind == 2)
                    buf[m++] = pieces[(seed >> 16) % (sizeof pieces - 1)];
                memcpy(buf + m, l + at + 1, n - at - 1);
                m += n - at - 1;
                if (valid_utf8((const unsigned char *)buf, m))
                    agree(buf, m);
                else
                    refuse(buf, m);
            }
        }
    }
    print_message("  fast path: %d lines accepted, %d refused (left to jansson)\n", accepted, refused);
    assert_true(accepted > 100);
}

/* Every sequence of a byte over 0x7F and up to three more (the later ones
 * from the bytes around the continuation range), in the text, in the id
 * and in another member's key: accepted exactly when valid UTF-8. */
static void test_utf8_rule(void **state)
{
    (void)state;
    static const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    static const char *const frames[][2] = {
        {"{\"text\": \"a", "b\"}"}, {"{\"id\": \"a", "b\", \"text\": \"x\"}"}, {"{\"text\": \"x\", \"a", "\": 1}"}};
    char line[64];
    int n_ok = 0;
    for (unsigned c = 0x80; c <= 0xFF; c++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t i2 = 0; i2 < sizeof tails; i2++)
                for (size_t i3 = 0; i3 < sizeof tails; i3++)
                    for (size_t f = 0; f < 3; f++) {
                        unsigned char seq[4] = {(unsigned char)c, (unsigned char)b1, tails[i2], tails[i3]};
                        size_t a = strlen(frames[f][0]), z = strlen(frames[f][1]);
                        memcpy(line, frames[f][0], a);
                        memcpy(line + a, seq, 4);
                        memcpy(line + a + 4, frames[f][1], z);
                        size_t m = a + 4 + z;
                        char *scratch = NULL;
                        size_t cap = 0;
                        jl_result r;
                        /* a quote or backslash among the bytes makes the line another one */
                        if (memchr(seq, '"', 4) || memchr(seq, '\\', 4) || b1 < 0x20)
                            continue;
                        int ok = jl_parse(line, m, &scratch, &cap, &r);
                        free(scratch);
                        bool valid = valid_utf8((const unsigned char *)line, m);
                        if (ok != valid)
                            fail_msg("%02X %02X %02X %02X in frame %zu: fast path %d, valid %d", seq[0], seq[1],
                                     seq[2], seq[3], f, ok, valid);
                        n_ok += ok;
                    }
    assert_true(n_ok > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_written),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_utf8_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
