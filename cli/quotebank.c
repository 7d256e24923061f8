/* quotebank.c - the quote bank's schema, indexing and queries (see
 * quotebank.h). The analysis is the library's: ws_analyze() and the
 * document accessors; this file only stores what they report. */
#include "quotebank.h"
#include "strbuf.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

static void seterr(char *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, QB_ERRLEN, fmt, ap);
    va_end(ap);
}

static int dberr(sqlite3 *db, char *err, const char *what)
{
    seterr(err, "database error (%s): %s", what, sqlite3_errmsg(db));
    return QB_DBERR;
}

/* ---- schema ---- */

/* Version 1. Quote counts, article counts and titles per speaker are kept
 * by triggers, so listing speakers needs no scan of a million quotes; the
 * article's date is copied into quotes so date filters and "most recent
 * first" walk an index. The FTS5 table indexes quotes.text without a second
 * copy of it (external content), kept in step by the same triggers. */
static const char schema_v1[] =
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  ext_id TEXT NOT NULL UNIQUE,"
    "  hash TEXT NOT NULL,"
    "  url TEXT, date TEXT, outlet TEXT, title TEXT,"
    "  text TEXT NOT NULL);"
    "CREATE INDEX articles_outlet ON articles(outlet);"
    "CREATE TABLE speakers("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  n_quotes INTEGER NOT NULL DEFAULT 0,"
    "  n_articles INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX speakers_n_quotes ON speakers(n_quotes);"
    "CREATE TABLE article_speakers("
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  speaker_id INTEGER NOT NULL REFERENCES speakers(id),"
    "  entity INTEGER NOT NULL,"
    "  titles TEXT NOT NULL," /* JSON array of distinct strings */
    "  n_mentions INTEGER NOT NULL,"
    "  PRIMARY KEY(article_id, speaker_id)) WITHOUT ROWID;"
    "CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);"
    "CREATE TABLE speaker_titles("
    "  speaker_id INTEGER NOT NULL REFERENCES speakers(id),"
    "  title TEXT NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  PRIMARY KEY(speaker_id, title)) WITHOUT ROWID;"
    "CREATE TABLE quotes("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  speaker_id INTEGER REFERENCES speakers(id),"
    "  speaker TEXT," /* the resolved entity's name, person or organisation */
    "  text TEXT NOT NULL,"
    "  spans TEXT NOT NULL," /* JSON [[start, end], ...], code points */
    "  type TEXT NOT NULL CHECK(type IN ('direct', 'mixed', 'indirect')),"
    "  cue TEXT, cue_start INTEGER, cue_end INTEGER,"
    "  source TEXT, source_start INTEGER, source_end INTEGER,"
    "  colon_cue INTEGER NOT NULL,"
    "  confidence REAL NOT NULL,"
    "  date TEXT);"
    "CREATE INDEX quotes_article ON quotes(article_id);"
    "CREATE INDEX quotes_speaker_date ON quotes(speaker_id, date);"
    "CREATE INDEX quotes_date ON quotes(date);"
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "CREATE TABLE meetings("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  when_text TEXT, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, date TEXT);"
    "CREATE INDEX meetings_article ON meetings(article_id);"
    "CREATE TABLE meeting_participants("
    "  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
    "  speaker_id INTEGER REFERENCES speakers(id),"
    "  name TEXT NOT NULL);"
    "CREATE INDEX meeting_participants_meeting ON meeting_participants(meeting_id);"
    "CREATE INDEX meeting_participants_speaker ON meeting_participants(speaker_id);"
    "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN"
    "  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);"
    "  UPDATE speakers SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;"
    " END;"
    "CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN"
    "  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "  UPDATE speakers SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id;"
    " END;"
    "CREATE TRIGGER article_speakers_ai AFTER INSERT ON article_speakers BEGIN"
    "  UPDATE speakers SET n_articles = n_articles + 1 WHERE id = new.speaker_id;"
    "  INSERT INTO speaker_titles(speaker_id, title, n)"
    "    SELECT new.speaker_id, value, 1 FROM json_each(new.titles) WHERE true"
    "    ON CONFLICT(speaker_id, title) DO UPDATE SET n = n + 1;"
    " END;"
    /* a person no longer in any article goes: their quotes and meetings
     * were deleted with the article before this row */
    "CREATE TRIGGER article_speakers_ad AFTER DELETE ON article_speakers BEGIN"
    "  UPDATE speaker_titles SET n = n - 1 WHERE speaker_id = old.speaker_id"
    "    AND title IN (SELECT value FROM json_each(old.titles));"
    "  DELETE FROM speaker_titles WHERE speaker_id = old.speaker_id AND n <= 0;"
    "  UPDATE speakers SET n_articles = n_articles - 1 WHERE id = old.speaker_id;"
    "  DELETE FROM speakers WHERE id = old.speaker_id AND n_articles <= 0;"
    " END;";

/* Version 2: the article's outlet copied into quotes too, with an index on
 * (outlet, date), so "--outlet X, most recent first" walks an index instead
 * of sorting every quotation of the outlet. */
static const char schema_v2[] =
    "ALTER TABLE quotes ADD COLUMN outlet TEXT;"
    "UPDATE quotes SET outlet = (SELECT outlet FROM articles a WHERE a.id = quotes.article_id);"
    "CREATE INDEX quotes_outlet_date ON quotes(outlet, date);";

/* Version 3: the filters as words in a second FTS5 column, so that words
 * and filters meet inside the full-text index instead of by reading every
 * matching quotation's row. tags is a virtual generated column: "s<speaker
 * id> m<yyyymm of an ISO date> o<outlet in hex>". Searches use the tags only
 * to narrow the candidates (a superset) and still test every filter in SQL.
 * The tags column weighs 0 in bm25. */
static const char schema_v3[] =
    "ALTER TABLE quotes ADD COLUMN tags TEXT GENERATED ALWAYS AS ("
    "  trim(coalesce('s' || speaker_id, '') || ' ' ||"
    "    CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
    "      THEN 'm' || substr(date, 1, 4) || substr(date, 6, 2) ELSE '' END || ' ' ||"
    "    coalesce('o' || lower(hex(outlet)), ''))) VIRTUAL;"
    "DROP TRIGGER quotes_ai;"
    "DROP TRIGGER quotes_ad;"
    "DROP TABLE quotes_fts;"
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, tags, content='quotes', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');"
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');"
    "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN"
    "  INSERT INTO quotes_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);"
    "  UPDATE speakers SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;"
    " END;"
    "CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN"
    "  INSERT INTO quotes_fts(quotes_fts, rowid, text, tags) VALUES ('delete', old.id, old.text, old.tags);"
    "  UPDATE speakers SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id;"
    " END;";

/* One step per version: steps[v] takes a database from version v to v + 1. */
static const char *const steps[QB_SCHEMA_VERSION] = {schema_v1, schema_v2, schema_v3};

static int get_int(sqlite3 *db, const char *sql, long long *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int qb_migrate(sqlite3 *db, char *err)
{
    long long v = 0, tables = 0;
    /* the usual case, without taking the write lock that a reader (search,
     * serve) does not need */
    if (get_int(db, "PRAGMA user_version", &v) == SQLITE_OK && v == QB_SCHEMA_VERSION) return 0;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return dberr(db, err, "begin");
    if (get_int(db, "PRAGMA user_version", &v) != SQLITE_OK ||
        get_int(db, "SELECT count(*) FROM sqlite_schema", &tables) != SQLITE_OK) {
        dberr(db, err, "reading the schema version");
        qb_rollback(db);
        return -1;
    }
    if (v > QB_SCHEMA_VERSION) {
        qb_rollback(db);
        seterr(err, "the database has schema version %lld; this whosaid knows up to %d", v,
               QB_SCHEMA_VERSION);
        return -1;
    }
    if (v == 0 && tables > 0) {
        qb_rollback(db);
        seterr(err, "the database is not a whosaid quote bank (it has other tables)");
        return -1;
    }
    for (; v < QB_SCHEMA_VERSION; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %lld", v + 1);
        if (sqlite3_exec(db, steps[v], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            seterr(err, "cannot migrate the schema to version %lld: %s", v + 1, sqlite3_errmsg(db));
            qb_rollback(db);
            return -1;
        }
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        dberr(db, err, "commit");
        qb_rollback(db);
        return -1;
    }
    return 0;
}

sqlite3 *qb_open(const char *path, int create, char *err)
{
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        if (!db)
            seterr(err, "%s: out of memory", path);
        else if (!create && sqlite3_errcode(db) == SQLITE_CANTOPEN)
            seterr(err, "%s: cannot open the database (no such file? run 'whosaid index --db %s' first)",
                   path, path);
        else
            seterr(err, "%s: cannot open the database: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 10000); /* wait for a concurrent indexer's commit */
    /* WAL: readers (search, serve) never block the indexer; synchronous FULL:
     * a committed batch survives a power cut, not only kill -9. */
    char *msg = NULL;
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;",
                     NULL, NULL, &msg) != SQLITE_OK ||
        qb_migrate(db, err)) {
        if (msg) seterr(err, "%s: %s", path, msg);
        else {
            char tmp[QB_ERRLEN];
            snprintf(tmp, sizeof tmp, "%s", err);
            seterr(err, "%s: %s", path, tmp);
        }
        sqlite3_free(msg);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

int qb_begin(sqlite3 *db, char *err)
{
    return sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK ? 0
                                                                                : dberr(db, err, "begin");
}

int qb_commit(sqlite3 *db, char *err)
{
    return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : dberr(db, err, "commit");
}

void qb_rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- names and dates ---- */

static const char *const honorifics[] = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir",
                                         "dame", "rev", "hon", "mister", "madam"};

static int is_honorific(const char *w, size_t n)
{
    if (n && w[n - 1] == '.') n--;
    for (size_t i = 0; i < sizeof honorifics / sizeof *honorifics; i++)
        if (strlen(honorifics[i]) == n && !memcmp(honorifics[i], w, n)) return 1;
    return 0;
}

char *qb_name_key(const char *name)
{
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    const char *src = n >= 0 ? (const char *)folded : name; /* invalid UTF-8: as is */
    size_t len = strlen(src);
    char *out = malloc(len + 1);
    if (!out) {
        free(folded);
        return NULL;
    }
    /* collapse white space (ASCII, and U+00A0 which NFKC made a space) */
    size_t o = 0;
    int lead = 1; /* still among leading honorifics */
    for (size_t i = 0; i < len;) {
        while (i < len && isspace((unsigned char)src[i])) i++;
        size_t s = i;
        while (i < len && !isspace((unsigned char)src[i])) i++;
        if (i == s) break;
        if (lead && is_honorific(src + s, i - s)) {
            size_t j = i;
            while (j < len && isspace((unsigned char)src[j])) j++;
            if (j < len) continue; /* keep a name that is only an honorific */
        }
        lead = 0;
        if (o) out[o++] = ' ';
        memcpy(out + o, src + s, i - s);
        o += i - s;
    }
    out[o] = '\0';
    free(folded);
    return out;
}

int qb_valid_date(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* ---- indexing ---- */

enum {
    S_FIND, S_DEL_PART, S_DEL_MEET, S_DEL_QUOTES, S_DEL_ASPK, S_DEL_ART, S_INS_ART,
    S_INS_SPK, S_GET_SPK, S_INS_ASPK, S_INS_QUOTE, S_INS_MEET, S_INS_PART, S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
    [S_FIND] = "SELECT id, hash FROM articles WHERE ext_id = ?1",
    [S_DEL_PART] = "DELETE FROM meeting_participants WHERE meeting_id IN"
                   " (SELECT id FROM meetings WHERE article_id = ?1)",
    [S_DEL_MEET] = "DELETE FROM meetings WHERE article_id = ?1",
    [S_DEL_QUOTES] = "DELETE FROM quotes WHERE article_id = ?1",
    [S_DEL_ASPK] = "DELETE FROM article_speakers WHERE article_id = ?1",
    [S_DEL_ART] = "DELETE FROM articles WHERE id = ?1",
    [S_INS_ART] = "INSERT INTO articles(ext_id, hash, url, date, outlet, title, text)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_INS_SPK] = "INSERT OR IGNORE INTO speakers(key, name) VALUES (?1, ?2)",
    [S_GET_SPK] = "SELECT id FROM speakers WHERE key = ?1",
    [S_INS_ASPK] = "INSERT OR IGNORE INTO article_speakers(article_id, speaker_id, entity, titles,"
                   " n_mentions) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_INS_QUOTE] = "INSERT INTO quotes(article_id, speaker_id, speaker, text, spans, type, cue,"
                    " cue_start, cue_end, source, source_start, source_end, colon_cue, confidence,"
                    " date, outlet)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [S_INS_MEET] = "INSERT INTO meetings(article_id, when_text, span_start, span_end, date)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_INS_PART] = "INSERT INTO meeting_participants(meeting_id, speaker_id, name) VALUES (?1, ?2, ?3)",
};

struct qb_indexer {
    sqlite3 *db;
    ws_options opts;
    int force;
    sqlite3_stmt *st[S_COUNT];
    qb_counts counts;
    /* scratch, reused between articles */
    char *tmp;
    size_t tmp_cap;
    long long *spk;
    size_t spk_cap;
};

qb_indexer *qb_indexer_new(sqlite3 *db, const ws_options *opts, int force, char *err)
{
    qb_indexer *ix = calloc(1, sizeof *ix);
    if (!ix) {
        seterr(err, "out of memory");
        return NULL;
    }
    ix->db = db, ix->force = force;
    if (opts) ix->opts = *opts;
    for (int i = 0; i < S_COUNT; i++)
        if (sqlite3_prepare_v3(db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &ix->st[i], NULL) !=
            SQLITE_OK) {
            dberr(db, err, "prepare");
            qb_indexer_free(ix);
            return NULL;
        }
    return ix;
}

void qb_indexer_free(qb_indexer *ix)
{
    if (!ix) return;
    for (int i = 0; i < S_COUNT; i++) sqlite3_finalize(ix->st[i]);
    free(ix->tmp);
    free(ix->spk);
    free(ix);
}

const qb_counts *qb_indexer_counts(const qb_indexer *ix) { return &ix->counts; }

/* Run a prepared statement to its end (or its first row) and reset it. */
static int run(qb_indexer *ix, int which, char *err)
{
    sqlite3_stmt *st = ix->st[which];
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return 0;
    if ((rc & 0xff) == SQLITE_NOMEM) return seterr(err, "out of memory"), QB_NOMEM;
    seterr(err, "database error: %s", sqlite3_errstr(rc));
    return QB_DBERR;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

/* FNV-1a over the text and the metadata, each field ended by a byte that
 * cannot occur in UTF-8 text, so ("ab", "") and ("a", "b") differ. */
static void content_hash(const qb_article *a, char out[17])
{
    uint64_t h = 1469598103934665603ull;
    const char *fields[5] = {a->url, a->date, a->outlet, a->title, NULL};
    for (size_t i = 0; i < a->len; i++) h = (h ^ (unsigned char)a->text[i]) * 1099511628211ull;
    for (int f = 0; f < 4; f++) {
        h = (h ^ 0xff) * 1099511628211ull;
        if (!fields[f]) {
            h = (h ^ 0xfe) * 1099511628211ull;
            continue;
        }
        for (const char *p = fields[f]; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The text of a span in ix->tmp (NUL-terminated), or NULL for lack of memory. */
static const char *span_text(qb_indexer *ix, const ws_doc *doc, ws_span s)
{
    size_t need = ws_doc_span_text(doc, s, NULL, 0) + 1;
    if (need > ix->tmp_cap) {
        char *p = realloc(ix->tmp, need);
        if (!p) return NULL;
        ix->tmp = p, ix->tmp_cap = need;
    }
    ws_doc_span_text(doc, s, ix->tmp, need);
    return ix->tmp;
}

/* A quote's text: its content spans joined by " … ". Returns malloc'd. */
static char *quote_text(const ws_doc *doc, const ws_quote *q)
{
    size_t total = 1;
    for (size_t i = 0; i < q->n_content; i++)
        total += ws_doc_span_text(doc, q->content[i], NULL, 0) + 5;
    char *s = malloc(total), *p = s;
    if (!s) return NULL;
    for (size_t i = 0; i < q->n_content; i++) {
        if (i) memcpy(p, " \xE2\x80\xA6 ", 5), p += 5;
        p += ws_doc_span_text(doc, q->content[i], p, total - (size_t)(p - s));
    }
    *p = '\0';
    return s;
}

static char *spans_json(const ws_span *s, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_pack("[II]", (json_int_t)s[i].start, (json_int_t)s[i].end)))
            json_decref(a), a = NULL;
    char *out = a ? json_dumps(a, JSON_COMPACT) : NULL;
    json_decref(a);
    return out;
}

static char *titles_json(const ws_entity *e)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < e->n_titles; i++) {
        int dup = 0; /* titles are stored once per speaker and article */
        for (size_t j = 0; j < i && !dup; j++) dup = !strcmp(e->titles[i], e->titles[j]);
        if (!dup && json_array_append_new(a, json_string(e->titles[i]))) json_decref(a), a = NULL;
    }
    char *out = a ? json_dumps(a, JSON_COMPACT) : NULL;
    json_decref(a);
    return out;
}

static const char *type_name(ws_quote_type t)
{
    return t == WS_DIRECT ? "direct" : t == WS_MIXED ? "mixed" : "indirect";
}

/* Delete every row of a stored article. */
static int delete_article(qb_indexer *ix, long long id, char *err)
{
    static const int order[] = {S_DEL_PART, S_DEL_MEET, S_DEL_QUOTES, S_DEL_ASPK, S_DEL_ART};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        sqlite3_bind_int64(ix->st[order[i]], 1, id);
        int rc = run(ix, order[i], err);
        if (rc) return rc;
    }
    return 0;
}

/* Store the people of an article; ix->spk[i] is entity i's speaker id, or 0
 * for an organisation or a name with nothing left once normalised. */
static int store_people(qb_indexer *ix, const ws_doc *doc, long long art, char *err)
{
    size_t n = ws_doc_entity_count(doc);
    if (n > ix->spk_cap) {
        long long *p = realloc(ix->spk, n * sizeof *p);
        if (!p) return seterr(err, "out of memory"), QB_NOMEM;
        ix->spk = p, ix->spk_cap = n;
    }
    for (size_t i = 0; i < n; i++) {
        const ws_entity *e = ws_doc_entity(doc, i);
        ix->spk[i] = 0;
        if (e->type != WS_PERSON) continue;
        char *key = qb_name_key(e->name), *titles = NULL;
        int rc = !key ? QB_NOMEM : 0;
        if (!rc && !*key) {
            free(key);
            continue;
        }
        if (!rc) {
            sqlite3_bind_text(ix->st[S_INS_SPK], 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ix->st[S_INS_SPK], 2, e->name, -1, SQLITE_TRANSIENT);
            rc = run(ix, S_INS_SPK, err);
        }
        if (!rc) {
            sqlite3_stmt *st = ix->st[S_GET_SPK];
            sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) == SQLITE_ROW) ix->spk[i] = sqlite3_column_int64(st, 0);
            else rc = dberr(ix->db, err, "speaker");
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
        }
        if (!rc && !(titles = titles_json(e))) rc = QB_NOMEM;
        if (!rc) {
            sqlite3_stmt *st = ix->st[S_INS_ASPK];
            sqlite3_bind_int64(st, 1, art);
            sqlite3_bind_int64(st, 2, ix->spk[i]);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)i);
            sqlite3_bind_text(st, 4, titles, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 5, (sqlite3_int64)e->n_mentions);
            rc = run(ix, S_INS_ASPK, err);
        }
        free(key);
        free(titles);
        if (rc == QB_NOMEM) seterr(err, "out of memory");
        if (rc) return rc;
    }
    return 0;
}

static int store_quotes(qb_indexer *ix, const ws_doc *doc, long long art, const char *date,
                        const char *outlet, char *err)
{
    sqlite3_stmt *st = ix->st[S_INS_QUOTE];
    for (size_t i = 0; i < ws_doc_quote_count(doc); i++) {
        const ws_quote *q = ws_doc_quote(doc, i);
        char *text = quote_text(doc, q), *spans = spans_json(q->content, q->n_content);
        if (!text || !spans) {
            free(text), free(spans);
            return seterr(err, "out of memory"), QB_NOMEM;
        }
        const ws_entity *e = q->entity >= 0 ? ws_doc_entity(doc, (size_t)q->entity) : NULL;
        sqlite3_bind_int64(st, 1, art);
        if (e && ix->spk[q->entity]) sqlite3_bind_int64(st, 2, ix->spk[q->entity]);
        bind_text(st, 3, e ? e->name : NULL);
        sqlite3_bind_text(st, 4, text, -1, free);
        sqlite3_bind_text(st, 5, spans, -1, free);
        sqlite3_bind_text(st, 6, type_name(q->type), -1, SQLITE_STATIC);
        if (q->has_cue) {
            const char *t = span_text(ix, doc, q->cue);
            if (!t) return sqlite3_clear_bindings(st), seterr(err, "out of memory"), QB_NOMEM;
            sqlite3_bind_text(st, 7, t, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 8, (sqlite3_int64)q->cue.start);
            sqlite3_bind_int64(st, 9, (sqlite3_int64)q->cue.end);
        }
        if (q->has_source) {
            const char *t = span_text(ix, doc, q->source);
            if (!t) return sqlite3_clear_bindings(st), seterr(err, "out of memory"), QB_NOMEM;
            sqlite3_bind_text(st, 10, t, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 11, (sqlite3_int64)q->source.start);
            sqlite3_bind_int64(st, 12, (sqlite3_int64)q->source.end);
        }
        sqlite3_bind_int(st, 13, q->colon_cue != 0);
        sqlite3_bind_double(st, 14, q->confidence);
        bind_text(st, 15, date);
        bind_text(st, 16, outlet);
        int rc = run(ix, S_INS_QUOTE, err);
        if (rc) return rc;
        ix->counts.quotes++;
    }
    return 0;
}

static int store_meetings(qb_indexer *ix, const ws_doc *doc, long long art, const char *date,
                          char *err)
{
    for (size_t i = 0; i < ws_doc_event_count(doc); i++) {
        const ws_event *ev = ws_doc_event(doc, i);
        if (ev->type != WS_MEETING) continue;
        sqlite3_stmt *st = ix->st[S_INS_MEET];
        sqlite3_bind_int64(st, 1, art);
        bind_text(st, 2, ev->when);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)ev->span.start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)ev->span.end);
        bind_text(st, 5, date);
        int rc = run(ix, S_INS_MEET, err);
        if (rc) return rc;
        long long meeting = sqlite3_last_insert_rowid(ix->db);
        for (size_t p = 0; p < ev->n_participants; p++) {
            int ent = ev->participants[p];
            if (ent < 0 || (size_t)ent >= ws_doc_entity_count(doc)) continue;
            st = ix->st[S_INS_PART];
            sqlite3_bind_int64(st, 1, meeting);
            if (ix->spk[ent]) sqlite3_bind_int64(st, 2, ix->spk[ent]);
            sqlite3_bind_text(st, 3, ws_doc_entity(doc, (size_t)ent)->name, -1, SQLITE_TRANSIENT);
            if ((rc = run(ix, S_INS_PART, err))) return rc;
        }
    }
    return 0;
}

int qb_index_article(qb_indexer *ix, const qb_article *a, char *err)
{
    char hash[17];
    long long old = 0;
    content_hash(a, hash);
    if (!a->id || !*a->id) return seterr(err, "the article has an empty id"), QB_BAD;
    sqlite3_stmt *st = ix->st[S_FIND];
    sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), same = 0;
    if (rc == SQLITE_ROW) {
        old = sqlite3_column_int64(st, 0);
        const unsigned char *h = sqlite3_column_text(st, 1);
        same = h && !strcmp((const char *)h, hash);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return dberr(ix->db, err, "lookup");
    if (same && !ix->force) {
        ix->counts.unchanged++;
        return QB_UNCHANGED;
    }

    /* analyse before touching the stored version: a bad article leaves it */
    ws_doc *doc = NULL;
    ws_error werr;
    ws_status ws = ws_analyze(a->text, a->len, &ix->opts, &doc, &werr);
    if (ws == WS_ERR_NOMEM) return seterr(err, "out of memory"), QB_NOMEM;
    if (ws != WS_OK) {
        ix->counts.failed++;
        return seterr(err, "%s", werr.message), QB_BAD;
    }
    rc = old ? delete_article(ix, old, err) : 0;
    if (!rc) {
        st = ix->st[S_INS_ART];
        sqlite3_bind_text(st, 1, a->id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
        bind_text(st, 3, a->url);
        bind_text(st, 4, a->date);
        bind_text(st, 5, a->outlet);
        bind_text(st, 6, a->title);
        sqlite3_bind_text(st, 7, a->len ? a->text : "", (int)a->len, SQLITE_TRANSIENT);
        rc = a->len > INT32_MAX ? (seterr(err, "article too large"), QB_BAD) : run(ix, S_INS_ART, err);
    }
    long long art = sqlite3_last_insert_rowid(ix->db);
    if (!rc) rc = store_people(ix, doc, art, err);
    if (!rc) rc = store_quotes(ix, doc, art, a->date, a->outlet, err);
    if (!rc) rc = store_meetings(ix, doc, art, a->date, err);
    ws_doc_free(doc);
    if (rc) return rc;
    if (old) ix->counts.replaced++;
    else ix->counts.added++;
    return old ? QB_REPLACED : QB_ADDED;
}

/* A metadata field: absent or null gives NULL; a string gives its value;
 * anything else is an error. */
static int meta(json_t *root, const char *key, const char **out, char *err)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) return seterr(err, "\"%s\" is not a string", key), -1;
    if (strlen(json_string_value(v)) != json_string_length(v))
        return seterr(err, "\"%s\" contains a NUL character", key), -1;
    *out = json_string_value(v);
    return 0;
}

int qb_index_json(qb_indexer *ix, const char *line, size_t len, const char *default_id, char *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(line, len, 0, &jerr);
    if (!root) {
        if (json_error_code(&jerr) == json_error_out_of_memory)
            return seterr(err, "out of memory"), QB_NOMEM;
        ix->counts.failed++;
        return seterr(err, "invalid JSON at column %d: %s", jerr.column, jerr.text), QB_BAD;
    }
    qb_article a = {0};
    char *id_buf = NULL;
    json_t *id = json_object_get(root, "id"), *text = json_object_get(root, "text");
    int rc = QB_BAD;
    if (!json_is_object(root))
        seterr(err, "not a JSON object");
    else if (!text)
        seterr(err, "no \"text\" field");
    else if (!json_is_string(text))
        seterr(err, "\"text\" is not a string");
    else if (id && !json_is_string(id) && !json_is_integer(id))
        seterr(err, "\"id\" is neither a string nor an integer");
    else if (meta(root, "url", &a.url, err) || meta(root, "date", &a.date, err) ||
             meta(root, "outlet", &a.outlet, err) || meta(root, "title", &a.title, err))
        ;
    else {
        if (json_is_integer(id)) { /* 17 and "17" name the same article */
            id_buf = malloc(32);
            if (id_buf) snprintf(id_buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
            a.id = id_buf;
        } else {
            a.id = id ? json_string_value(id) : default_id;
        }
        if (id && json_is_string(id) && strlen(a.id) != json_string_length(id))
            seterr(err, "\"id\" contains a NUL character");
        else if (!a.id)
            seterr(err, "out of memory"), rc = QB_NOMEM;
        else {
            a.text = json_string_value(text), a.len = json_string_length(text);
            rc = qb_index_article(ix, &a, err);
            json_decref(root);
            free(id_buf);
            return rc;
        }
    }
    if (rc == QB_BAD) ix->counts.failed++;
    json_decref(root);
    free(id_buf);
    return rc;
}

/* ---- search ---- */

/* The user's words as an FTS5 query: each word a quoted string (quotes
 * doubled), so no word is read as an operator or column filter; a final *
 * is kept as a prefix search. All words must occur. */
static char *fts_query(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(3 * n + 3), *o = out;
    if (!out) return NULL;
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)s[i])) i++;
        size_t b = i;
        while (i < n && !isspace((unsigned char)s[i])) i++;
        if (i == b) break;
        size_t e = i;
        int prefix = e - b > 1 && s[e - 1] == '*';
        if (prefix) e--;
        if (o > out) *o++ = ' ';
        *o++ = '"';
        for (size_t k = b; k < e; k++) {
            if (s[k] == '"') *o++ = '"';
            *o++ = s[k];
        }
        *o++ = '"';
        if (prefix) *o++ = '*';
    }
    *o = '\0';
    return out;
}

/* The FTS5 expression of a search: the user's words in the text column and,
 * for the filters that have them, the tags that narrow the candidates (see
 * schema_v3): the speakers' ids (up to 200), the months of a bounded date
 * range (up to 120) and the outlet. The SQL still tests every filter. */
static char *match_expr(sqlite3 *db, const char *words, const qb_query *q, long long one_speaker,
                        const char *key, int surname)
{
    strbuf b = {0};
    char tok[64];
    strbuf_s(&b, "{text} : (");
    strbuf_s(&b, words);
    strbuf_s(&b, ")");
    if (one_speaker > 0) {
        snprintf(tok, sizeof tok, " AND {tags} : s%lld", one_speaker);
        strbuf_s(&b, tok);
    } else if (q->speaker && key) {
        sqlite3_stmt *st = NULL;
        strbuf ids = {0};
        int n = 0;
        if (sqlite3_prepare_v2(db,
                               "SELECT id FROM speakers WHERE (?2 AND key = ?1) OR"
                               " substr(key, -length(?1) - 1) = ' ' || ?1 LIMIT 201",
                               -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 2, surname);
            while (sqlite3_step(st) == SQLITE_ROW && ++n <= 200) {
                snprintf(tok, sizeof tok, "%ss%lld", n > 1 ? " OR " : "", sqlite3_column_int64(st, 0));
                strbuf_s(&ids, tok);
            }
        }
        sqlite3_finalize(st);
        if (n >= 1 && n <= 200 && ids.p) {
            strbuf_s(&b, " AND {tags} : (");
            strbuf_s(&b, ids.p);
            strbuf_s(&b, ")");
        }
        if (ids.oom) b.oom = 1;
        free(ids.p);
    }
    if (q->since && q->until) {
        int y1 = atoi(q->since), m1 = strlen(q->since) >= 7 ? atoi(q->since + 5) : 1;
        int y2 = atoi(q->until), m2 = strlen(q->until) >= 7 ? atoi(q->until + 5) : 12;
        int first = y1 * 12 + m1 - 1, last = y2 * 12 + m2 - 1;
        if (m1 >= 1 && m1 <= 12 && m2 >= 1 && m2 <= 12 && last >= first && last - first < 120) {
            strbuf_s(&b, " AND {tags} : (");
            for (int m = first; m <= last; m++) {
                snprintf(tok, sizeof tok, "%sm%04d%02d", m > first ? " OR " : "", m / 12, m % 12 + 1);
                strbuf_s(&b, tok);
            }
            strbuf_s(&b, ")");
        }
    }
    if (q->outlet && *q->outlet) {
        strbuf_s(&b, " AND {tags} : o");
        for (const unsigned char *c = (const unsigned char *)q->outlet; *c; c++) {
            snprintf(tok, sizeof tok, "%02x", *c);
            strbuf_s(&b, tok);
        }
    }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

int qb_search(sqlite3 *db, const qb_query *q, qb_hit_fn fn, void *ctx, char *err)
{
    /* The SQL is put together from constant pieces chosen by which filters
     * are set, so each query can use its own index; every value is bound. */
    char sql[3072];
    char *fts = NULL, *key = NULL;
    long long one_speaker = q->speaker_id;
    int rc = -1, surname = 0;
    sqlite3_stmt *st = NULL;
    const char *text = q->text;
    while (text && isspace((unsigned char)*text)) text++;
    if (text && !*text) text = NULL;
    if (text && !(fts = fts_query(text))) return seterr(err, "out of memory"), -1;
    if (text && !*fts) { /* only white space: matches nothing */
        free(fts);
        return 0;
    }

    if (q->speaker && one_speaker <= 0) {
        /* a full name, or a surname alone; resolve to ids first so that a
         * single speaker can walk the (speaker_id, date) index in order */
        if (!(key = qb_name_key(q->speaker))) goto oom;
        /* a full name is that person (or, when nobody has it, everyone whose
         * name ends with it); one word is also everyone of that surname */
        surname = !strchr(key, ' ');
        if (sqlite3_prepare_v2(db,
                               "SELECT id FROM speakers WHERE key = ?1 UNION ALL"
                               " SELECT id FROM (SELECT id FROM speakers"
                               "  WHERE substr(key, -length(?1) - 1) = ' ' || ?1 LIMIT 2)"
                               " WHERE ?2 OR NOT EXISTS (SELECT 1 FROM speakers WHERE key = ?1)",
                               -1, &st, NULL) != SQLITE_OK)
            goto db;
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, surname);
        int found = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) found++, one_speaker = sqlite3_column_int64(st, 0);
        if (rc != SQLITE_DONE) goto db;
        sqlite3_finalize(st), st = NULL;
        rc = -1;
        if (!found) {
            free(fts), free(key);
            return 0;
        }
        if (found > 1) one_speaker = 0;
    }

    if (text) { /* the words, and the tags of the filters */
        char *m = match_expr(db, fts, q, one_speaker, key, surname);
        if (!m) goto oom;
        free(fts);
        fts = m;
    }

    char filters[512];
    snprintf(filters, sizeof filters, "%s%s%s%s%s",
             one_speaker > 0 ? " AND q.speaker_id = ?2" : "",
             q->speaker && one_speaker <= 0
                 ? (surname ? " AND q.speaker_id IN (SELECT id FROM speakers WHERE key = ?2 OR"
                              " substr(key, -length(?2) - 1) = ' ' || ?2)"
                            : " AND q.speaker_id IN (SELECT id FROM speakers WHERE"
                              " substr(key, -length(?2) - 1) = ' ' || ?2)")
                 : "",
             q->since ? " AND q.date >= ?3" : "", q->until ? " AND q.date < ?4" : "",
             q->outlet ? " AND q.outlet = ?5" : "");
    static const char cols[] =
        "SELECT q.id, q.text, q.type, q.cue, q.source, q.speaker, q.speaker_id, q.confidence,"
        " a.ext_id, a.date, a.outlet, a.title, a.url";
    if (text) {
        /* bm25 over the window's most recent matches that pass the filters
         * (FTS5 gives them in rowid order without ranking the rest), then
         * only the page of best hits is joined with its rows */
        snprintf(sql, sizeof sql,
                 "%s, f.r FROM (SELECT qid, r FROM (SELECT quotes_fts.rowid AS qid, quotes_fts.rank AS r"
                 "   FROM quotes_fts%s WHERE quotes_fts MATCH ?1%s ORDER BY quotes_fts.rowid DESC LIMIT ?8)"
                 "  ORDER BY r, qid DESC LIMIT ?6 OFFSET ?7) f"
                 " JOIN quotes q ON q.id = f.qid JOIN articles a ON a.id = q.article_id ORDER BY f.r, q.id DESC",
                 cols, *filters ? " JOIN quotes q ON q.id = quotes_fts.rowid" : "", filters);
    } else {
        snprintf(sql, sizeof sql,
                 "%s, 0 FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1%s"
                 " ORDER BY q.date DESC, q.id DESC LIMIT ?6 OFFSET ?7",
                 cols, filters);
    }
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) goto db;
    if (text) sqlite3_bind_text(st, 1, fts, -1, SQLITE_TRANSIENT);
    if (one_speaker > 0) sqlite3_bind_int64(st, 2, one_speaker);
    else if (q->speaker) sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    if (q->since) sqlite3_bind_text(st, 3, q->since, -1, SQLITE_TRANSIENT);
    if (q->until) { /* "2016-09" covers "2016-09-30T23:00": compare with "2016-09~" */
        size_t n = strlen(q->until);
        char *u = malloc(n + 2);
        if (!u) goto oom;
        memcpy(u, q->until, n), u[n] = '~', u[n + 1] = '\0';
        sqlite3_bind_text(st, 4, u, -1, free);
    }
    if (q->outlet) sqlite3_bind_text(st, 5, q->outlet, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 6, q->limit > 0 ? q->limit : 20);
    sqlite3_bind_int64(st, 7, q->offset > 0 ? q->offset : 0);
    if (text) sqlite3_bind_int64(st, 8, q->window < 0 ? -1 : q->window > 0 ? q->window : QB_RANK_WINDOW);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        qb_hit h = {
            .quote_id = sqlite3_column_int64(st, 0),
            .text = col_text(st, 1),
            .type = col_text(st, 2),
            .cue = col_text(st, 3),
            .source = col_text(st, 4),
            .speaker = col_text(st, 5),
            .speaker_id = sqlite3_column_int64(st, 6),
            .confidence = sqlite3_column_double(st, 7),
            .article_id = col_text(st, 8),
            .date = col_text(st, 9),
            .outlet = col_text(st, 10),
            .title = col_text(st, 11),
            .url = col_text(st, 12),
            .rank = sqlite3_column_double(st, 13),
        };
        if (!h.text || !h.type || !h.article_id) goto oom;
        if (fn(ctx, &h)) break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) goto db;
    rc = 0;
    goto done;
oom:
    seterr(err, "out of memory");
    goto done;
db:
    seterr(err, "search failed: %s", sqlite3_errmsg(db));
done:
    sqlite3_finalize(st);
    free(fts);
    free(key);
    return rc;
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

json_t *qb_hit_json(const qb_hit *h)
{
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = json_object_set_new(o, "text", str_or_null(h->text)) ||
              json_object_set_new(o, "type", str_or_null(h->type)) ||
              json_object_set_new(o, "cue", str_or_null(h->cue)) ||
              json_object_set_new(o, "source", str_or_null(h->source)) ||
              json_object_set_new(o, "speaker", str_or_null(h->speaker)) ||
              json_object_set_new(o, "speaker_id",
                                  h->speaker_id ? json_integer(h->speaker_id) : json_null()) ||
              json_object_set_new(o, "confidence", json_real(h->confidence)) ||
              json_object_set_new(o, "article_id", str_or_null(h->article_id)) ||
              json_object_set_new(o, "date", str_or_null(h->date)) ||
              json_object_set_new(o, "outlet", str_or_null(h->outlet)) ||
              json_object_set_new(o, "title", str_or_null(h->title)) ||
              json_object_set_new(o, "quote_id", json_integer(h->quote_id)) ||
              json_object_set_new(o, "rank", json_real(h->rank));
    if (bad) json_decref(o), o = NULL;
    return o;
}

int qb_speakers(sqlite3 *db, long long limit, qb_speaker_fn fn, void *ctx, char *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT s.id, s.name, s.n_quotes, s.n_articles,"
                           " (SELECT group_concat(title, '; ') FROM"
                           "   (SELECT title FROM speaker_titles t WHERE t.speaker_id = s.id"
                           "    ORDER BY n DESC, title))"
                           " FROM speakers s WHERE s.n_quotes > 0"
                           " ORDER BY s.n_quotes DESC, s.id DESC LIMIT ?1",
                           -1, &st, NULL) != SQLITE_OK) {
        seterr(err, "listing speakers failed: %s", sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_int64(st, 1, limit > 0 ? limit : 20);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        qb_speaker s = {.id = sqlite3_column_int64(st, 0),
                        .name = col_text(st, 1),
                        .quotes = sqlite3_column_int64(st, 2),
                        .articles = sqlite3_column_int64(st, 3),
                        .titles = col_text(st, 4)};
        if (!s.name) {
            step = SQLITE_NOMEM;
            break;
        }
        if (fn(ctx, &s)) break;
    }
    int rc = 0;
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        seterr(err, "listing speakers failed: %s", sqlite3_errmsg(db));
        rc = -1;
    }
    sqlite3_finalize(st);
    return rc;
}

json_t *qb_speaker_json(const qb_speaker *s)
{
    json_t *o = json_object();
    if (!o) return NULL;
    if (json_object_set_new(o, "speaker", json_string(s->name)) ||
        json_object_set_new(o, "speaker_id", json_integer(s->id)) ||
        json_object_set_new(o, "quotes", json_integer(s->quotes)) ||
        json_object_set_new(o, "articles", json_integer(s->articles)) ||
        json_object_set_new(o, "titles", str_or_null(s->titles)))
        json_decref(o), o = NULL;
    return o;
}
