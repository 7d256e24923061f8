/* fuzz_index: the quote bank's indexer (cli/quotebank.c), as
 * `whosaid index --jsonl` uses it, into an in-memory SQLite database.
 *
 * The input is split into lines (as getline() would); each non-blank line
 * goes through qb_index_json() in a transaction, with "line-N" as the id for
 * a line without one. Then:
 *   - no line may fail with a database error (only QB_BAD, for bad input);
 *   - PRAGMA integrity_check and the FTS5 integrity check pass;
 *   - the counters the triggers keep agree with the rows: every speaker's
 *     n_quotes and n_articles, the FTS5 row count, no speaker without an
 *     article, no quote of a missing article;
 *   - indexing the same lines again changes no count (idempotence), and a
 *     line that was indexed is now reported unchanged unless a later line
 *     reused its id;
 *   - a search for the first line's words, and for it as a speaker name,
 *     succeeds (user text never becomes FTS5 or SQL syntax);
 *   - deleting the articles deletes every speaker, title and FTS5 entry
 *     (the triggers' bookkeeping balances). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "quotebank.h"

static long long one(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    CHECK(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static const char *const invariants[] = {
    "SELECT count(*) FROM speakers s WHERE n_quotes <> (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id)",
    "SELECT count(*) FROM speakers s WHERE n_articles <> (SELECT count(*) FROM article_speakers a WHERE a.speaker_id = s.id)",
    "SELECT count(*) FROM speakers WHERE n_articles <= 0",
    "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)",
    "SELECT count(*) FROM meetings WHERE article_id NOT IN (SELECT id FROM articles)",
    ("SELECT count(*) FROM speaker_titles t WHERE n <> (SELECT count(*) FROM article_speakers a,"
     " json_each(a.titles) j WHERE a.speaker_id = t.speaker_id AND j.value = t.title)"),
    "SELECT (SELECT count(*) FROM quotes) - (SELECT count(*) FROM quotes_fts)",
};

static void check_db(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    CHECK(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK);
    CHECK(sqlite3_step(st) == SQLITE_ROW);
    CHECK(strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0);
    sqlite3_finalize(st);
    CHECK(sqlite3_exec(db, "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)", NULL, NULL,
                       NULL) == SQLITE_OK);
    for (size_t i = 0; i < sizeof invariants / sizeof *invariants; i++) CHECK(one(db, invariants[i]) == 0);
}

static void counts(sqlite3 *db, long long out[5])
{
    out[0] = one(db, "SELECT count(*) FROM articles");
    out[1] = one(db, "SELECT count(*) FROM quotes");
    out[2] = one(db, "SELECT count(*) FROM speakers");
    out[3] = one(db, "SELECT count(*) FROM meetings");
    out[4] = one(db, "SELECT count(*) FROM meeting_participants");
}

static int count_hit(void *ctx, const qb_hit *h)
{
    CHECK(h->text && h->type && h->article_id);
    ++*(long long *)ctx;
    return 0;
}

/* Index every line once; results[i] is line i's result. */
static size_t index_all(qb_indexer *ix, sqlite3 *db, const uint8_t *data, size_t size, int *results,
                        size_t max_lines)
{
    char err[QB_ERRLEN], id[32];
    size_t n = 0;
    CHECK(qb_begin(db, err) == 0);
    for (size_t pos = 0, lineno = 1; pos < size && n < max_lines; lineno++) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - (data + pos)) : size - pos;
        snprintf(id, sizeof id, "line-%zu", lineno);
        int rc = qb_index_json(ix, (const char *)data + pos, len, id, err);
        CHECK(rc != QB_DBERR && rc != QB_NOMEM);
        results[n++] = rc;
        pos += len + (nl != NULL);
    }
    CHECK(qb_commit(db, err) == 0);
    return n;
}

/* One database and indexer for every input (creating the schema each time
 * would cost more than the indexing); each input starts from empty tables
 * and ends by deleting its articles, which must take every row with them. */
static sqlite3 *db;
static qb_indexer *ix;

static void reset(void)
{
    CHECK(sqlite3_exec(db,
                       "BEGIN; DELETE FROM meeting_participants; DELETE FROM meetings; DELETE FROM quotes;"
                       " DELETE FROM article_speakers; DELETE FROM articles; COMMIT",
                       NULL, NULL, NULL) == SQLITE_OK);
    /* the triggers removed every speaker, title and FTS5 entry */
    CHECK(one(db, "SELECT count(*) FROM speakers") == 0);
    CHECK(one(db, "SELECT count(*) FROM speaker_titles") == 0);
    CHECK(one(db, "SELECT count(*) FROM quotes_fts") == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum { MAX_LINES = 64 };
    int first[MAX_LINES], second[MAX_LINES];
    char err[QB_ERRLEN];
    if (!db) {
        db = qb_open(":memory:", 1, err);
        CHECK(db != NULL);
        ws_options opts = {.flags = 0, .max_bytes = WS_FUZZ_MAX_BYTES};
        ix = qb_indexer_new(db, &opts, 0, err);
        CHECK(ix != NULL);
    }
    CHECK(one(db, "SELECT count(*) FROM articles") == 0);

    unsigned long long replaced = qb_indexer_counts(ix)->replaced;
    size_t n = index_all(ix, db, data, size, first, MAX_LINES);
    int ids_unique = qb_indexer_counts(ix)->replaced == replaced;
    check_db(db);
    long long before[5], after[5];
    counts(db, before);

    /* again: the same final state */
    size_t n2 = index_all(ix, db, data, size, second, MAX_LINES);
    CHECK(n2 == n);
    check_db(db);
    counts(db, after);
    CHECK(memcmp(before, after, sizeof before) == 0);
    for (size_t i = 0; i < n; i++) {
        CHECK((first[i] == QB_BAD) == (second[i] == QB_BAD));
        /* with ids unique in the input, every good line is now unchanged */
        if (ids_unique && first[i] != QB_BAD)
            CHECK(second[i] == QB_UNCHANGED);
    }

    /* the first line as search words and as a speaker name */
    const uint8_t *nl = memchr(data, '\n', size);
    size_t len = nl ? (size_t)(nl - data) : size;
    if (len < 256 && fuzz_utf8_valid((const char *)data, len) && !memchr(data, 0, len)) {
        char q[256];
        memcpy(q, data, len);
        q[len] = '\0';
        long long hits = 0;
        qb_query query = {.text = q, .limit = 5};
        CHECK(qb_search(db, &query, count_hit, &hits, err) == 0);
        qb_query by_speaker = {.speaker = q, .since = "2000", .until = "2099-12-31", .limit = 5};
        CHECK(qb_search(db, &by_speaker, count_hit, &hits, err) == 0);
        char *key = qb_name_key(q);
        CHECK(key != NULL && strlen(key) <= 4 * len + 1);
        free(key);
    }
    reset();
    return 0;
}
