/* quotebank_cmd.c - "whosaid index", "whosaid search" and "whosaid speakers":
 * the arguments, the input files and the output. The database work is in
 * quotebank.c. */
#include "quotebank_cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "input.h"
#include "quotebank.h"

enum { RC_OK = 0, RC_FAILED = 1, RC_USAGE = 2, RC_FATAL = 3 };

int qb_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "whosaid %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'whosaid %s --help' for more information.\n", cmd);
    return RC_USAGE;
}

int qb_opt(int argc, char **argv, int *i, const char *name, const char **val, int *bad,
           const char *cmd)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) || (a[n] != '\0' && a[n] != '=')) return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
    } else if (*i + 1 < argc) {
        *val = argv[++*i];
    } else {
        qb_usage_error(cmd, "option '%s' needs a value", name);
        *bad = 1;
    }
    return 1;
}

int qb_parse_count(const char *s, long long max, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v < 1 || v > max) return -1;
    *out = v;
    return 0;
}

static double ms_of(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* --time: wall-clock and CPU time, since on a busy machine the first
 * includes waiting for a core */
static double now_ms(void) { return ms_of(CLOCK_MONOTONIC); }
static double cpu_ms(void) { return ms_of(CLOCK_PROCESS_CPUTIME_ID); }

static int help(const char *text)
{
    return fputs(text, stdout) < 0 || fflush(stdout) ? RC_FATAL : RC_OK;
}

/* ---- whosaid index ---- */

static const char index_help[] =
    "Usage: whosaid index --db FILE.db [OPTIONS] [FILE...]\n"
    "Analyse articles and store their quotations, speakers and meetings in a\n"
    "quote bank (an SQLite database, created when missing).\n"
    "Each FILE is JSON Lines (one {\"id\", \"text\", \"url\", \"date\", \"outlet\",\n"
    "\"title\"} object per line; only \"text\" is required) or one plain-text\n"
    "article whose id is the file name. A file whose first character is '{' is\n"
    "read as JSON Lines. Any FILE may be gzip- or zstd-compressed; with no FILE,\n"
    "or for -, read stdin.\n"
    "\n"
    "Re-indexing an id replaces the stored article; an article whose text and\n"
    "metadata are unchanged is skipped. Articles are committed in batches, so an\n"
    "interrupted run keeps every finished batch and a rerun resumes.\n"
    "\n"
    "  --db FILE        the quote bank (required)\n"
    "  --jsonl          read every FILE as JSON Lines\n"
    "  --text           read every FILE as one plain-text article\n"
    "  --batch N        articles per transaction (default 200)\n"
    "  --force          re-analyse unchanged articles too\n"
    "  --rules-only     do not use the learned models\n"
    "  --quiet          no per-article messages and no summary on stderr\n"
    "  -h, --help       show this help and exit\n"
    "\n"
    "Dates should be ISO 8601 (2016-09-12, or with a time) for search's\n"
    "--since and --until to work. Exit status: 0 all articles indexed; 1 some\n"
    "articles or files failed (the rest were indexed); 2 usage error; 3 the\n"
    "database failed or out of memory.\n";

typedef struct indexing {
    sqlite3 *db;
    qb_indexer *ix;
    long long batch, pending;
    int quiet, status, stop;
} indexing;

/* Count one article towards the batch; commit a full batch. */
static void indexed(indexing *x, const char *where, int rc, const char *err)
{
    char cerr[QB_ERRLEN];
    if (rc == QB_BAD) {
        if (!x->quiet) fprintf(stderr, "whosaid index: %s: %s\n", where, err);
        if (x->status < RC_FAILED) x->status = RC_FAILED;
    } else if (rc < 0) {
        fprintf(stderr, "whosaid index: %s: %s\n", where, err);
        x->status = RC_FATAL, x->stop = 1;
        return;
    }
    if (++x->pending >= x->batch) {
        x->pending = 0;
        if (qb_commit(x->db, cerr)) {
            fprintf(stderr, "whosaid index: %s\n", cerr);
            x->status = RC_FATAL, x->stop = 1;
        }
    }
}

/* Open a transaction when none is open. */
static int ensure_tx(indexing *x)
{
    char err[QB_ERRLEN];
    if (!sqlite3_get_autocommit(x->db)) return 0;
    if (qb_begin(x->db, err)) {
        fprintf(stderr, "whosaid index: %s\n", err);
        x->status = RC_FATAL, x->stop = 1;
        return -1;
    }
    return 0;
}

static void index_file(indexing *x, const char *path, int mode /* 0 auto, 1 jsonl, 2 text */)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    input *in = input_open(path);
    if (!in) {
        fprintf(stderr, "whosaid index: %s: %s\n", name, strerror(errno));
        if (x->status < RC_FAILED) x->status = RC_FAILED;
        return;
    }
    char *line = NULL, err[QB_ERRLEN], where[4200];
    size_t cap = 0, lineno = 0;
    errno = 0;
    ssize_t n = input_getline(in, &line, &cap);
    size_t sp = 0;
    while (n > 0 && sp < (size_t)n && strchr(" \t\r\n", line[sp])) sp++;
    int jsonl = mode == 1 || (mode == 0 && n > 0 && sp < (size_t)n && line[sp] == '{');
    if (jsonl) {
        for (; n >= 0 && !x->stop; errno = 0, n = input_getline(in, &line, &cap)) {
            size_t len = (size_t)n;
            ++lineno;
            while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
            size_t k = 0;
            while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
            if (k == len) continue; /* blank lines separate nothing */
            snprintf(where, sizeof where, "%s:%zu", name, lineno);
            if (ensure_tx(x)) break;
            indexed(x, where, qb_index_json(x->ix, line, len, where, err), err);
        }
    } else if (n >= 0) { /* one plain-text article: the first line and the rest */
        size_t len = (size_t)n, max = (size_t)64 << 20;
        char chunk[65536];
        for (size_t got; len <= max && (got = input_read(in, chunk, sizeof chunk)) > 0;) {
            if (len + got + 1 > cap) {
                size_t ncap = (len + got + 1) * 2;
                char *p = realloc(line, ncap);
                if (!p) {
                    fprintf(stderr, "whosaid index: %s: out of memory\n", name);
                    x->status = RC_FATAL, x->stop = 1;
                    break;
                }
                line = p, cap = ncap;
            }
            memcpy(line + len, chunk, got);
            len += got;
        }
        qb_article a = {.id = path, .text = line, .len = len};
        if (x->stop) {
        } else if (input_error(in)) {
            fprintf(stderr, "whosaid index: %s: %s\n", name, input_error(in));
            if (x->status < RC_FAILED) x->status = RC_FAILED;
        } else if (len > max) {
            fprintf(stderr, "whosaid index: %s: article is longer than 64 MiB\n", name);
            if (x->status < RC_FAILED) x->status = RC_FAILED;
        } else if (!ensure_tx(x)) {
            indexed(x, name, qb_index_article(x->ix, &a, err), err);
        }
    }
    if (!x->stop && input_error(in) && (jsonl || n < 0)) {
        fprintf(stderr, "whosaid index: %s:%zu: %s\n", name, lineno + 1, input_error(in));
        if (x->status < RC_FAILED) x->status = RC_FAILED;
    } else if (!x->stop && n < 0 && errno == ENOMEM) {
        fprintf(stderr, "whosaid index: %s:%zu: out of memory\n", name, lineno + 1);
        x->status = RC_FATAL, x->stop = 1;
    } else if (!x->stop && !jsonl && n < 0 && !x->quiet) { /* not an error: nothing to store */
        fprintf(stderr, "whosaid index: %s: empty, nothing indexed\n", name);
    }
    free(line);
    input_close(in);
}

static long long count_rows(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int ws_cli_index(int argc, char **argv)
{
    const char *db_path = NULL, *val = NULL, *cmd = "index";
    int mode = 0, force = 0, bad = 0, nfiles = 0, dashdash = 0;
    indexing x = {.batch = 200};
    ws_options opts = {.flags = 0, .max_bytes = (size_t)64 << 20};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (dashdash || a[0] != '-' || !a[1]) {
            argv[1 + nfiles++] = argv[i];
        } else if (!strcmp(a, "--")) {
            dashdash = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            return help(index_help);
        } else if (qb_opt(argc, argv, &i, "--db", &val, &bad, cmd)) {
            if (bad) return RC_USAGE;
            db_path = val;
        } else if (qb_opt(argc, argv, &i, "--batch", &val, &bad, cmd)) {
            if (bad) return RC_USAGE;
            if (qb_parse_count(val, 1000000, &x.batch))
                return qb_usage_error(cmd, "--batch needs a number from 1 to 1000000, not '%s'", val);
        } else if (!strcmp(a, "--jsonl")) {
            mode = 1;
        } else if (!strcmp(a, "--text")) {
            mode = 2;
        } else if (!strcmp(a, "--force")) {
            force = 1;
        } else if (!strcmp(a, "--rules-only")) {
            opts.flags |= WS_RULES_ONLY;
        } else if (!strcmp(a, "--quiet")) {
            x.quiet = 1;
        } else {
            return qb_usage_error(cmd, "unknown option '%s'", a);
        }
    }
    if (!db_path) return qb_usage_error(cmd, "%s", "--db FILE is required");
    char err[QB_ERRLEN];
    if (!(x.db = qb_open(db_path, 1, err))) {
        fprintf(stderr, "whosaid index: %s\n", err);
        return RC_FAILED;
    }
    /* a larger page cache for the indexes that inserts touch (readers keep
     * the default: a big cache only slows a short query down) */
    sqlite3_exec(x.db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
    if (!(x.ix = qb_indexer_new(x.db, &opts, force, err))) {
        fprintf(stderr, "whosaid index: %s\n", err);
        sqlite3_close(x.db);
        return RC_FATAL;
    }
    if (nfiles == 0) index_file(&x, "-", mode);
    for (int i = 0; i < nfiles && !x.stop; i++) index_file(&x, argv[1 + i], mode);
    if (x.stop) {
        qb_rollback(x.db);
    } else if (!sqlite3_get_autocommit(x.db) && qb_commit(x.db, err)) {
        fprintf(stderr, "whosaid index: %s\n", err);
        qb_rollback(x.db);
        x.status = RC_FATAL;
    }
    /* refresh the planner's statistics (cheap; only tables that changed a lot) */
    sqlite3_exec(x.db, "PRAGMA optimize", NULL, NULL, NULL);
    const qb_counts *c = qb_indexer_counts(x.ix);
    if (!x.quiet)
        fprintf(stderr,
                "whosaid index: %llu added, %llu replaced, %llu unchanged, %llu failed; "
                "%llu quotes stored%s\n"
                "whosaid index: %s holds %lld articles, %lld quotes, %lld speakers, %lld meetings\n",
                c->added, c->replaced, c->unchanged, c->failed, c->quotes,
                x.stop ? " (the last batch was rolled back)" : "", db_path,
                count_rows(x.db, "SELECT count(*) FROM articles"),
                count_rows(x.db, "SELECT count(*) FROM quotes"),
                count_rows(x.db, "SELECT count(*) FROM speakers WHERE n_quotes > 0"),
                count_rows(x.db, "SELECT count(*) FROM meetings"));
    qb_indexer_free(x.ix);
    if (sqlite3_close(x.db) != SQLITE_OK && x.status < RC_FAILED) x.status = RC_FAILED;
    return x.status;
}

/* ---- whosaid search ---- */

static const char search_help[] =
    "Usage: whosaid search --db FILE.db [OPTIONS] [QUERY...]\n"
    "Find quotations in a quote bank. The QUERY words must all occur in a\n"
    "quotation (a word ending in * matches as a prefix); hits are ranked by\n"
    "relevance (FTS5 bm25). With no QUERY, the most recent quotations come first.\n"
    "\n"
    "  --db FILE          the quote bank (required)\n"
    "  --speaker NAME     only this speaker: a full name (case, spacing and Mr,\n"
    "                     Dr... do not matter), or one word for everyone with\n"
    "                     that surname\n"
    "  --since DATE       only articles dated DATE or later (YYYY[-MM[-DD]])\n"
    "  --until DATE       only articles dated DATE or earlier (YYYY[-MM[-DD]])\n"
    "  --outlet NAME      only articles from this outlet (exact)\n"
    "  --limit N          at most N hits (default 20)\n"
    "  --offset N         skip the first N hits\n"
    "  --format text|jsonl  readable hits (default), or one JSON object per hit:\n"
    "                     text, type, cue, source, speaker, speaker_id,\n"
    "                     confidence, article_id, date, outlet, title,\n"
    "                     quote_id, rank (bm25: lower is more relevant)\n"
    "  --rank-all         rank every match of QUERY; by default a query that matches\n"
    "                     more than 10,000 quotations ranks the 10,000 most\n"
    "                     recently indexed of them (fast on a million quotations)\n"
    "  --time             print the number of hits and the time the search took\n"
    "                     (wall clock and CPU) on stderr\n"
    "  -h, --help         show this help and exit\n";

typedef struct printer {
    int jsonl;
    long long n;
} printer;

static int print_hit(void *ctx, const qb_hit *h)
{
    printer *p = ctx;
    p->n++;
    if (p->jsonl) {
        json_t *o = qb_hit_json(h);
        int bad = !o || json_dumpf(o, stdout, JSON_COMPACT | JSON_REAL_PRECISION(6)) || putchar('\n') == EOF;
        json_decref(o);
        return bad;
    }
    printf("%lld. %s\n   %s", p->n, h->text, h->speaker ? h->speaker : "(unknown speaker)");
    if (h->cue) printf(", %s", h->cue);
    printf(" [%s] \xC2\xB7 %s", h->type, h->article_id);
    if (h->date) printf(" \xC2\xB7 %s", h->date);
    if (h->outlet) printf(" \xC2\xB7 %s", h->outlet);
    return putchar('\n') == EOF;
}

/* Close stdout, reporting a write error. */
static int finish_output(int rc, const char *cmd)
{
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "whosaid %s: write error: %s\n", cmd, strerror(errno));
        return RC_FATAL;
    }
    return rc;
}

int ws_cli_search(int argc, char **argv)
{
    const char *db_path = NULL, *val = NULL, *cmd = "search";
    int bad = 0, jsonl = 0, dashdash = 0, timed = 0;
    qb_query q = {.limit = 20};
    size_t qlen = 0;
    char *text = NULL;
    int rc = RC_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (dashdash || a[0] != '-' || !a[1]) { /* query words, joined by spaces */
            size_t n = strlen(a);
            char *t = realloc(text, qlen + n + 2);
            if (!t) {
                free(text);
                fputs("whosaid search: out of memory\n", stderr);
                return RC_FATAL;
            }
            text = t;
            if (qlen) text[qlen++] = ' ';
            memcpy(text + qlen, a, n + 1);
            qlen += n;
            continue;
        }
        if (!strcmp(a, "--")) {
            dashdash = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            free(text);
            return help(search_help);
        } else if (!strcmp(a, "--time")) {
            timed = 1;
        } else if (!strcmp(a, "--rank-all")) {
            q.window = -1;
        } else if (qb_opt(argc, argv, &i, "--db", &val, &bad, cmd)) {
            db_path = val;
        } else if (qb_opt(argc, argv, &i, "--speaker", &val, &bad, cmd)) {
            q.speaker = val;
        } else if (qb_opt(argc, argv, &i, "--since", &val, &bad, cmd)) {
            if (!bad && !qb_valid_date(val))
                bad = 1, qb_usage_error(cmd, "--since needs a date YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", val);
            q.since = val;
        } else if (qb_opt(argc, argv, &i, "--until", &val, &bad, cmd)) {
            if (!bad && !qb_valid_date(val))
                bad = 1, qb_usage_error(cmd, "--until needs a date YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", val);
            q.until = val;
        } else if (qb_opt(argc, argv, &i, "--outlet", &val, &bad, cmd)) {
            q.outlet = val;
        } else if (qb_opt(argc, argv, &i, "--limit", &val, &bad, cmd)) {
            if (!bad && qb_parse_count(val, 1000000000, &q.limit))
                bad = 1, qb_usage_error(cmd, "--limit needs a positive number, not '%s'", val);
        } else if (qb_opt(argc, argv, &i, "--offset", &val, &bad, cmd)) {
            if (!bad && strcmp(val, "0") && qb_parse_count(val, 1000000000000, &q.offset))
                bad = 1, qb_usage_error(cmd, "--offset needs a number, not '%s'", val);
        } else if (qb_opt(argc, argv, &i, "--format", &val, &bad, cmd)) {
            if (!bad && strcmp(val, "text") && strcmp(val, "jsonl"))
                bad = 1, qb_usage_error(cmd, "--format must be text or jsonl, not '%s'", val);
            jsonl = !bad && !strcmp(val, "jsonl");
        } else {
            bad = 1, qb_usage_error(cmd, "unknown option '%s'", a);
        }
        if (bad) {
            free(text);
            return RC_USAGE;
        }
    }
    q.text = text;
    if (!db_path) {
        free(text);
        return qb_usage_error(cmd, "%s", "--db FILE is required");
    }
    char err[QB_ERRLEN];
    sqlite3 *db = qb_open(db_path, 0, err);
    if (!db) {
        fprintf(stderr, "whosaid search: %s\n", err);
        free(text);
        return RC_FAILED;
    }
    printer p = {.jsonl = jsonl};
    double t0 = now_ms(), c0 = cpu_ms();
    if (qb_search(db, &q, print_hit, &p, err)) {
        fprintf(stderr, "whosaid search: %s\n", err);
        rc = RC_FAILED;
    } else if (!jsonl && p.n == 0) {
        fputs("no quotations found\n", stderr);
    }
    if (timed && rc == RC_OK)
        fprintf(stderr, "whosaid search: %lld hits in %.1f ms (CPU %.1f ms)\n", p.n, now_ms() - t0,
                cpu_ms() - c0);
    sqlite3_close(db);
    free(text);
    return finish_output(rc, cmd);
}

/* ---- whosaid speakers ---- */

static const char speakers_help[] =
    "Usage: whosaid speakers --db FILE.db [--limit N] [--format text|jsonl]\n"
    "List the speakers of a quote bank, most quoted first: quotations, articles,\n"
    "name and titles. Speakers are people, linked across articles by their full\n"
    "name (case, spacing and honorifics such as Mr or Dr. do not matter).\n"
    "\n"
    "  --db FILE            the quote bank (required)\n"
    "  --limit N            at most N speakers (default 20)\n"
    "  --format text|jsonl  a table (default), or one JSON object per speaker:\n"
    "                       speaker, speaker_id, quotes, articles, titles\n"
    "  --time               print the time the listing took on stderr\n"
    "  -h, --help           show this help and exit\n";

static int print_speaker(void *ctx, const qb_speaker *s)
{
    printer *p = ctx;
    p->n++;
    if (p->jsonl) {
        json_t *o = qb_speaker_json(s);
        int bad = !o || json_dumpf(o, stdout, JSON_COMPACT | JSON_REAL_PRECISION(6)) || putchar('\n') == EOF;
        json_decref(o);
        return bad;
    }
    printf("%8lld %8lld  %s", s->quotes, s->articles, s->name);
    if (s->titles) printf(" (%s)", s->titles);
    return putchar('\n') == EOF;
}

int ws_cli_speakers(int argc, char **argv)
{
    const char *db_path = NULL, *val = NULL, *cmd = "speakers";
    int bad = 0, jsonl = 0, timed = 0;
    long long limit = 20;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            return help(speakers_help);
        } else if (!strcmp(a, "--time")) {
            timed = 1;
        } else if (qb_opt(argc, argv, &i, "--db", &val, &bad, cmd)) {
            db_path = val;
        } else if (qb_opt(argc, argv, &i, "--limit", &val, &bad, cmd)) {
            if (!bad && qb_parse_count(val, 1000000000, &limit))
                bad = 1, qb_usage_error(cmd, "--limit needs a positive number, not '%s'", val);
        } else if (qb_opt(argc, argv, &i, "--format", &val, &bad, cmd)) {
            if (!bad && strcmp(val, "text") && strcmp(val, "jsonl"))
                bad = 1, qb_usage_error(cmd, "--format must be text or jsonl, not '%s'", val);
            jsonl = !bad && !strcmp(val, "jsonl");
        } else if (a[0] == '-') {
            bad = 1, qb_usage_error(cmd, "unknown option '%s'", a);
        } else {
            bad = 1, qb_usage_error(cmd, "unexpected argument '%s'", a);
        }
        if (bad) return RC_USAGE;
    }
    if (!db_path) return qb_usage_error(cmd, "%s", "--db FILE is required");
    char err[QB_ERRLEN];
    sqlite3 *db = qb_open(db_path, 0, err);
    if (!db) {
        fprintf(stderr, "whosaid speakers: %s\n", err);
        return RC_FAILED;
    }
    printer p = {.jsonl = jsonl};
    int rc = RC_OK;
    if (!jsonl) printf("%8s %8s  %s\n", "quotes", "articles", "speaker (titles)");
    double t0 = now_ms(), c0 = cpu_ms();
    if (qb_speakers(db, limit, print_speaker, &p, err)) {
        fprintf(stderr, "whosaid speakers: %s\n", err);
        rc = RC_FAILED;
    }
    if (timed && rc == RC_OK)
        fprintf(stderr, "whosaid speakers: %lld speakers in %.1f ms (CPU %.1f ms)\n", p.n, now_ms() - t0,
                cpu_ms() - c0);
    sqlite3_close(db);
    return finish_output(rc, cmd);
}
