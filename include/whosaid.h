/*
 * whosaid.h - who said what, and who met whom, in news text.
 *
 * NAME
 *   libwhosaid - quotation attribution for news articles
 *
 * SYNOPSIS
 *   #include <whosaid.h>
 *
 *   ws_error err;
 *   ws_doc *doc = NULL;
 *   if (ws_analyze(text, strlen(text), NULL, &doc, &err) != WS_OK) {
 *       fprintf(stderr, "whosaid: %s\n", err.message);
 *       return 1;
 *   }
 *   for (size_t i = 0; i < ws_doc_quote_count(doc); i++) {
 *       const ws_quote *q = ws_doc_quote(doc, i);
 *       ...
 *   }
 *   ws_doc_free(doc);
 *
 * DESCRIPTION
 *   ws_analyze() reads one article (UTF-8 text) and finds every quotation in
 *   it: direct ("..." said X), mixed (partly quoted), indirect (X said that
 *   ...), speech introduced by a colon without quote marks, and "according
 *   to X". For each it reports the content span(s), the cue ("said", "told
 *   reporters", ":"), the source mention as written ("he", "the spokesman",
 *   "Dr. Ana Duarte"), and the person that mention resolves to. It also
 *   reports the people of the article (name variants, titles and pronouns
 *   clustered into one entity) and meetings between them. A body that
 *   takes part in a meeting ("met with the Bicycle Coalition") is an entity
 *   too, of type WS_ORGANIZATION, listed after the people; quotations
 *   resolve to people only.
 *
 *   All offsets are Unicode code points into the text, half-open
 *   [start, end), as in ../shared/eval/FORMAT.md.
 *
 * THREADS AND MEMORY
 *   The library has no global mutable state. Any number of threads may call
 *   ws_analyze() at once; a ws_doc belongs to the thread that uses it.
 *   Every allocation failure and every input error is returned as a
 *   ws_status with a message in ws_error; the library never prints, never
 *   exits and never aborts.
 */
#ifndef WHOSAID_H
#define WHOSAID_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WS_VERSION "0.1.0"

/* Status codes. WS_OK is zero; every other value is an error. */
typedef enum ws_status {
    WS_OK = 0,
    WS_ERR_NOMEM,     /* an allocation failed */
    WS_ERR_UTF8,      /* the input is not valid UTF-8 (see WS_REPLACE_INVALID) */
    WS_ERR_TOO_LARGE, /* the input is longer than ws_options.max_bytes, or 1 GiB */
    WS_ERR_ARG,       /* a NULL pointer or an invalid option was passed */
    WS_ERR_IO         /* a writer callback reported failure */
} ws_status;

/* Filled in by every call that can fail. message is always NUL-terminated. */
typedef struct ws_error {
    ws_status code;
    char message[256];
} ws_error;

/* Option flags. */
enum {
    /* Replace invalid UTF-8 sequences (and NUL bytes) by U+FFFD instead of
     * failing with WS_ERR_UTF8. Each invalid byte becomes one code point, so
     * offsets still count what a reader sees. */
    WS_REPLACE_INVALID = 1u << 0,
    /* Skip the meeting detector. */
    WS_NO_EVENTS = 1u << 1,
    /* Rules only: leave out the learned models (cue detector, content start
     * and end, attribution filter, source ranker); confidences are then the
     * rules' own fixed values (for ablations). */
    WS_RULES_ONLY = 1u << 2
};

typedef struct ws_options {
    unsigned flags;     /* WS_* flags, or 0 */
    size_t max_bytes;   /* refuse longer input with WS_ERR_TOO_LARGE; 0 = no limit */
} ws_options;

/* A half-open range of code points. */
typedef struct ws_span {
    size_t start, end;
} ws_span;

typedef enum ws_quote_type {
    WS_DIRECT,   /* wholly inside one pair of quote marks */
    WS_MIXED,    /* contains quote marks but is not wholly quoted */
    WS_INDIRECT  /* no quote marks: reported speech, colon lead-in */
} ws_quote_type;

typedef struct ws_quote {
    const ws_span *content; /* the quotation, in reading order */
    size_t n_content;       /* >= 1; > 1 for interrupted quotes */
    ws_span cue;            /* valid when has_cue */
    ws_span source;         /* the speaker mention; valid when has_source */
    int has_cue, has_source;
    int colon_cue;          /* the cue is (or ends in) a colon */
    int entity;             /* index into the entities, or -1 */
    ws_quote_type type;
    double confidence;      /* in [0, 1], in hundredths: the learned filter's
                               probability that an annotator would mark this
                               attribution (whosaid drops those below 0.3) */
} ws_quote;

typedef enum ws_entity_type { WS_PERSON, WS_ORGANIZATION } ws_entity_type;

typedef struct ws_entity {
    int id;                  /* equals its index */
    const char *name;        /* canonical name, UTF-8 ("Ana Duarte") */
    ws_entity_type type;
    const char *const *titles; /* "Dr.", "Harbour Board Chairman", ... */
    size_t n_titles;
    const ws_span *mentions; /* every mention resolved to it, in text order
                                (an organisation's: those in its meetings) */
    size_t n_mentions;
} ws_entity;

typedef enum ws_event_type { WS_MEETING } ws_event_type;

typedef struct ws_event {
    ws_event_type type;
    const int *participants; /* entity ids */
    size_t n_participants;
    const char *when;        /* the time expression as written, or NULL */
    ws_span when_span;       /* valid when when != NULL */
    ws_span span;            /* the sentence that reports the event */
} ws_event;

typedef struct ws_doc ws_doc;

/* Analyse len bytes of UTF-8 text. opts may be NULL for the defaults. On
 * success *out holds a document to release with ws_doc_free(); on failure
 * *out is NULL and err (when not NULL) says why. */
ws_status ws_analyze(const char *text, size_t len, const ws_options *opts,
                     ws_doc **out, ws_error *err);

void ws_doc_free(ws_doc *doc);

size_t ws_doc_quote_count(const ws_doc *doc);
const ws_quote *ws_doc_quote(const ws_doc *doc, size_t i);
size_t ws_doc_entity_count(const ws_doc *doc);
const ws_entity *ws_doc_entity(const ws_doc *doc, size_t i);
size_t ws_doc_event_count(const ws_doc *doc);
const ws_event *ws_doc_event(const ws_doc *doc, size_t i);

/* The analysed text as code points (after U+FFFD replacement). */
size_t ws_doc_length(const ws_doc *doc);
/* Copy the UTF-8 text of a span into buf (at most size bytes including the
 * terminating NUL). Returns the number of bytes the whole span needs,
 * excluding the NUL, like snprintf. */
size_t ws_doc_span_text(const ws_doc *doc, ws_span span, char *buf, size_t size);

/* Output. The writer receives consecutive pieces of output and returns 0 on
 * success; any other value stops output with WS_ERR_IO. */
typedef int (*ws_write_fn)(void *ctx, const char *data, size_t len);

/* One JSON object on one line (no trailing newline), following the output
 * contract of FORMAT.md. id_json is the already-encoded JSON value of the
 * "id" field (for example "\"doc-1\"" or "17"), or NULL for null. */
ws_status ws_doc_write_json(const ws_doc *doc, const char *id_json,
                            ws_write_fn write, void *ctx, ws_error *err);

/* A readable who-said-what report grouped by person. */
ws_status ws_doc_write_text(const ws_doc *doc, ws_write_fn write, void *ctx,
                            ws_error *err);

const char *ws_status_string(ws_status s);
const char *ws_version(void);

#ifdef __cplusplus
}
#endif
#endif
