/* quotebank.h - the quote bank: articles, their quotations, speakers and
 * meetings in an SQLite database, searchable with FTS5.
 *
 * Everything here takes an open sqlite3 handle and parsed values, and never
 * prints or exits, so the CLI commands (quotebank_cmd.c), the web server
 * (serve.c) and the fuzz target (fuzz/fuzz_index.c) share one implementation.
 * Every SQL statement is a constant string with bound parameters. */
#ifndef WS_CLI_QUOTEBANK_H
#define WS_CLI_QUOTEBANK_H

#include <stddef.h>

#include <jansson.h>
#include <sqlite3.h>

#include "whosaid.h"

/* PRAGMA user_version of the schema this code writes; qb_migrate() brings
 * older databases up to it. */
#define QB_SCHEMA_VERSION 3

/* Messages are written into a caller's buffer of this size. */
enum { QB_ERRLEN = 512 };

/* Open (and, with create, make) a quote bank: WAL mode, foreign keys,
 * a busy timeout, and the schema migrated to QB_SCHEMA_VERSION. Returns NULL
 * with a message in err on failure. */
sqlite3 *qb_open(const char *path, int create, char *err);

/* Bring the schema from its PRAGMA user_version to QB_SCHEMA_VERSION, in one
 * transaction. Fails for a database written by a newer version, and for a
 * database that holds tables but is not a quote bank. 0 on success. */
int qb_migrate(sqlite3 *db, char *err);

/* One article to index. Strings are UTF-8 and NUL-terminated except text,
 * which has len bytes; the metadata pointers are NULL when absent. */
typedef struct qb_article {
    const char *id;
    const char *text;
    size_t len;
    const char *url, *date, *outlet, *title;
} qb_article;

/* What indexing an article did. */
enum { QB_ADDED, QB_REPLACED, QB_UNCHANGED };
/* Failures: the article is unusable (message in err, nothing written), or
 * the database failed (the transaction should be abandoned). */
enum { QB_BAD = -1, QB_DBERR = -2, QB_NOMEM = -3 };

typedef struct qb_indexer qb_indexer;

typedef struct qb_counts {
    unsigned long long added, replaced, unchanged, failed, quotes;
} qb_counts;

/* Prepared statements for indexing into db. force: re-analyse and replace
 * an article even when its content hash is unchanged. */
qb_indexer *qb_indexer_new(sqlite3 *db, const ws_options *opts, int force, char *err);
void qb_indexer_free(qb_indexer *ix);
const qb_counts *qb_indexer_counts(const qb_indexer *ix);

/* Index one article: skip it when its id is stored with the same content
 * hash, else delete the stored version (if any) and insert this one. Runs
 * inside the caller's transaction (see qb_begin/qb_commit). Returns QB_ADDED,
 * QB_REPLACED, QB_UNCHANGED or a failure. */
int qb_index_article(qb_indexer *ix, const qb_article *a, char *err);

/* Parse one JSONL line ({"id", "text", "url", "date", "outlet", "title"})
 * and index it. default_id is used when the line has no "id". */
int qb_index_json(qb_indexer *ix, const char *line, size_t len, const char *default_id,
                  char *err);

int qb_begin(sqlite3 *db, char *err);
int qb_commit(sqlite3 *db, char *err);
void qb_rollback(sqlite3 *db);

/* The key that links one person across articles: NFKC case-folded, runs of
 * white space collapsed to one space, leading honorifics (Mr, Dr., Sir...)
 * removed. Returns a malloc'd string, or NULL for lack of memory. */
char *qb_name_key(const char *name);

/* YYYY, YYYY-MM or YYYY-MM-DD: the forms --since and --until accept. */
int qb_valid_date(const char *s);

/* ---- search ---- */

typedef struct qb_query {
    const char *text;    /* words to find in quote text (FTS5, ranked by bm25), or NULL */
    const char *speaker; /* a speaker's name (full name, or surname alone), or NULL */
    long long speaker_id; /* > 0: only this speaker */
    const char *since, *until; /* inclusive date bounds (qb_valid_date), or NULL */
    const char *outlet;  /* exact outlet, or NULL */
    long long limit;     /* > 0 */
    long long offset;    /* >= 0 */
    long long window;    /* with text: rank the most recent this many matches that pass
                          * the filters; 0 = QB_RANK_WINDOW, < 0 = every match */
} qb_query;

/* Ranking every match of a very common word costs a bm25 score per match;
 * a search ranks at most this many (the most recently indexed), which keeps
 * it fast on a million quotations. */
#define QB_RANK_WINDOW 10000

typedef struct qb_hit {
    long long quote_id, speaker_id; /* speaker_id 0: no person */
    const char *text, *type, *cue, *source, *speaker; /* cue, source, speaker may be NULL */
    double confidence;
    const char *article_id, *date, *outlet, *title, *url; /* may be NULL but article_id */
    double rank; /* bm25 (lower is better) with a text query, else 0 */
} qb_hit;

/* Called once per hit, in order; a non-zero return stops the search. */
typedef int (*qb_hit_fn)(void *ctx, const qb_hit *hit);

/* Run a search. Returns 0, or -1 with a message in err. */
int qb_search(sqlite3 *db, const qb_query *q, qb_hit_fn fn, void *ctx, char *err);

/* The hit as a JSON object; NULL for lack of memory. */
json_t *qb_hit_json(const qb_hit *hit);

typedef struct qb_speaker {
    long long id, quotes, articles;
    const char *name;
    const char *titles; /* "; "-separated, or NULL */
} qb_speaker;

typedef int (*qb_speaker_fn)(void *ctx, const qb_speaker *s);

/* Speakers with at least one quote, most quoted first. */
int qb_speakers(sqlite3 *db, long long limit, qb_speaker_fn fn, void *ctx, char *err);

json_t *qb_speaker_json(const qb_speaker *s);

#endif
