/* serve.c - "whosaid serve": a small web interface to a quote bank, with
 * libmicrohttpd. Pages are built on the server, every value from the
 * database HTML-escaped (and URL-encoded inside links); the JSON API is
 * written by jansson. Queries go through quotebank.c or are constant SQL
 * with bound parameters.
 *
 * One libmicrohttpd thread serves every request in turn, so the one SQLite
 * connection is only ever used by that thread.
 *
 * libmicrohttpd is opened with dlopen() when "serve" starts, not linked:
 * linked, it and its GnuTLS chain were loaded and relocated at every start
 * of whosaid (about 4.5 M instructions, 5 ms), for every other command. */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "quotebank.h"
#include "quotebank_cmd.h"
#include "serve_page.h"
#include "strbuf.h"

enum { RC_OK = 0, RC_FAILED = 1, RC_USAGE = 2, RC_FATAL = 3 };
enum { PAGE_SIZE = 50 };

/* ---- a growing string ---- */

typedef strbuf sb;

static void sb_f(sb *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) strbuf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* HTML-escape n bytes: text and attribute values alike. */
static void sb_escn(sb *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *r = NULL;
        switch (s[i]) {
        case '&': r = "&amp;"; break;
        case '<': r = "&lt;"; break;
        case '>': r = "&gt;"; break;
        case '"': r = "&quot;"; break;
        case '\'': r = "&#39;"; break;
        default: continue;
        }
        strbuf_add(b, s + run, i - run);
        strbuf_s(b, r);
        run = i + 1;
    }
    strbuf_add(b, s + run, n - run);
}

static void sb_esc(sb *b, const char *s)
{
    if (s) sb_escn(b, s, strlen(s));
}

/* Percent-encode for a query-string value (then safe in an attribute too). */
static void sb_url(sb *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            strchr("-_.~", c)) {
            strbuf_add(b, (const char *)&c, 1);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            strbuf_add(b, e, 3);
        }
    }
}

/* ---- the server ---- */

/* the libmicrohttpd functions serve uses; __typeof__ keeps each pointer's
 * type the header's declaration (it does not reference the symbol) */
#ifndef WS_MHD_SONAME
#define WS_MHD_SONAME "libmicrohttpd.so.12"
#endif
typedef struct mhd_api {
    void *lib;
    __typeof__(MHD_start_daemon) *start_daemon;
    __typeof__(MHD_stop_daemon) *stop_daemon;
    __typeof__(MHD_get_daemon_info) *get_daemon_info;
    __typeof__(MHD_lookup_connection_value) *lookup_connection_value;
    __typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
    __typeof__(MHD_add_response_header) *add_response_header;
    __typeof__(MHD_queue_response) *queue_response;
    __typeof__(MHD_destroy_response) *destroy_response;
} mhd_api;

/* 0, or -1 with a message on stderr */
static int mhd_load(mhd_api *m)
{
    m->lib = dlopen(WS_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!m->lib) {
        fprintf(stderr, "whosaid serve: cannot load libmicrohttpd: %s\n", dlerror());
        return -1;
    }
#define MHD_SYM(field, name) \
    if (!(m->field = (__typeof__(m->field))dlsym(m->lib, name))) goto missing
    MHD_SYM(start_daemon, "MHD_start_daemon");
    MHD_SYM(stop_daemon, "MHD_stop_daemon");
    MHD_SYM(get_daemon_info, "MHD_get_daemon_info");
    MHD_SYM(lookup_connection_value, "MHD_lookup_connection_value");
    MHD_SYM(create_response_from_buffer, "MHD_create_response_from_buffer");
    MHD_SYM(add_response_header, "MHD_add_response_header");
    MHD_SYM(queue_response, "MHD_queue_response");
    MHD_SYM(destroy_response, "MHD_destroy_response");
#undef MHD_SYM
    return 0;
missing:
    fprintf(stderr, "whosaid serve: libmicrohttpd lacks a function: %s\n", dlerror());
    dlclose(m->lib);
    m->lib = NULL;
    return -1;
}

typedef struct server {
    sqlite3 *db;
    const mhd_api *mhd;
} server;

typedef struct request {
    struct MHD_Connection *conn;
    server *srv;
    char nonce[33]; /* for the Content-Security-Policy of this page */
} request;

static const char *arg(request *r, const char *name)
{
    const char *v = r->srv->mhd->lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
    while (v && (*v == ' ' || *v == '\t')) v++;
    return v && *v ? v : NULL;
}

static void make_nonce(char out[33])
{
    unsigned char raw[16] = {0};
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    ssize_t got = fd >= 0 ? read(fd, raw, sizeof raw) : -1;
    if (fd >= 0) close(fd);
    if (got != (ssize_t)sizeof raw) { /* still unpredictable enough to differ per page */
        static unsigned long long counter;
        unsigned long long x = (unsigned long long)(uintptr_t)&got ^ ++counter * 0x9E3779B97F4A7C15ull;
        memcpy(raw, &x, sizeof x);
    }
    for (int i = 0; i < 16; i++) snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

static enum MHD_Result send_body(request *r, unsigned status, const char *type, sb *b)
{
    if (b->oom) {
        free(b->p);
        b->p = NULL, b->len = 0, b->oom = 0;
        status = MHD_HTTP_INTERNAL_SERVER_ERROR, type = "text/plain; charset=utf-8";
        strbuf_s(b, "out of memory\n");
        if (b->oom) return MHD_NO;
    }
    const mhd_api *mhd = r->srv->mhd;
    struct MHD_Response *resp =
        mhd->create_response_from_buffer(b->len, b->p ? b->p : (char *)"",
                                         b->p ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!resp) {
        free(b->p);
        return MHD_NO;
    }
    char csp[256];
    snprintf(csp, sizeof csp,
             "default-src 'none'; style-src 'nonce-%s'; script-src 'nonce-%s'; img-src data:;"
             " form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
             r->nonce, r->nonce);
    mhd->add_response_header(resp, "Content-Type", type);
    mhd->add_response_header(resp, "Content-Security-Policy", csp);
    mhd->add_response_header(resp, "X-Content-Type-Options", "nosniff");
    mhd->add_response_header(resp, "Referrer-Policy", "no-referrer");
    mhd->add_response_header(resp, "Cache-Control", "no-store");
    enum MHD_Result ret = mhd->queue_response(r->conn, status, resp);
    mhd->destroy_response(resp);
    return ret;
}

static void page_begin(request *r, sb *b, const char *title)
{
    strbuf_s(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    sb_esc(b, title);
    strbuf_s(b, " \xE2\x80\x94 whosaid quote bank</title><style nonce=\"");
    strbuf_s(b, r->nonce);
    strbuf_s(b, "\">");
    strbuf_s(b, serve_css);
    strbuf_s(b, "</style></head><body><header><a class=\"brand\" href=\"/\">whosaid quote bank</a>"
            "<a href=\"/\">Search</a><a href=\"/speakers\">Speakers</a></header><main>\n");
}

static enum MHD_Result page_end(request *r, sb *b, unsigned status, int script)
{
    strbuf_s(b, "</main>");
    if (script) {
        strbuf_s(b, "<script nonce=\"");
        strbuf_s(b, r->nonce);
        strbuf_s(b, "\">");
        strbuf_s(b, serve_js);
        strbuf_s(b, "</script>");
    }
    strbuf_s(b, "</body></html>\n");
    return send_body(r, status, "text/html; charset=utf-8", b);
}

static enum MHD_Result error_page(request *r, unsigned status, const char *title, const char *msg)
{
    sb b = {0};
    page_begin(r, &b, title);
    strbuf_s(&b, "<h1>");
    sb_esc(&b, title);
    strbuf_s(&b, "</h1><p class=\"error\">");
    sb_esc(&b, msg);
    strbuf_s(&b, "</p>");
    return page_end(r, &b, status, 0);
}

/* The filters of a search, from the query string; NULL on success, else
 * what is wrong with them. */
static const char *read_query(request *r, qb_query *q, long long *page)
{
    const char *v;
    memset(q, 0, sizeof *q);
    q->text = arg(r, "q");
    q->speaker = arg(r, "speaker");
    q->outlet = arg(r, "outlet");
    q->since = arg(r, "since");
    q->until = arg(r, "until");
    q->limit = PAGE_SIZE;
    *page = 1;
    if ((v = arg(r, "speaker_id")) && qb_parse_count(v, INT64_MAX, &q->speaker_id))
        return "speaker_id must be a positive number";
    if (q->since && !qb_valid_date(q->since)) return "'since' must be a date: YYYY, YYYY-MM or YYYY-MM-DD";
    if (q->until && !qb_valid_date(q->until)) return "'until' must be a date: YYYY, YYYY-MM or YYYY-MM-DD";
    if ((v = arg(r, "limit")) && qb_parse_count(v, 1000, &q->limit))
        return "'limit' must be a number from 1 to 1000";
    if ((v = arg(r, "page")) && qb_parse_count(v, 1000000, page))
        return "'page' must be a positive number";
    q->offset = (*page - 1) * q->limit;
    return NULL;
}

/* One hit as a list item. */
typedef struct hits {
    sb *b;
    long long n;
    int show_speaker;
} hits;

static void article_link(sb *b, const char *id, long long quote_id)
{
    strbuf_s(b, "/article?id=");
    sb_url(b, id);
    if (quote_id) sb_f(b, "&amp;quote=%lld#q%lld", quote_id, quote_id);
}

static int render_hit(void *ctx, const qb_hit *h)
{
    hits *hs = ctx;
    sb *b = hs->b;
    hs->n++;
    sb_f(b, "<li class=\"hit\" data-quote=\"%lld\"><blockquote>", h->quote_id);
    sb_esc(b, h->text);
    strbuf_s(b, "</blockquote><div class=\"meta\">");
    if (hs->show_speaker) {
        if (h->speaker_id) {
            sb_f(b, "<a class=\"speaker\" href=\"/speaker?id=%lld\">", h->speaker_id);
            sb_esc(b, h->speaker);
            strbuf_s(b, "</a>");
        } else {
            sb_esc(b, h->speaker ? h->speaker : "unknown speaker");
        }
        strbuf_s(b, " \xC2\xB7 ");
    }
    if (h->cue) {
        sb_esc(b, h->cue);
        strbuf_s(b, " \xC2\xB7 ");
    }
    sb_esc(b, h->type);
    strbuf_s(b, " \xC2\xB7 <a class=\"article\" href=\"");
    article_link(b, h->article_id, h->quote_id);
    strbuf_s(b, "\">");
    sb_esc(b, h->title ? h->title : h->article_id);
    strbuf_s(b, "</a>");
    if (h->date) {
        strbuf_s(b, " \xC2\xB7 ");
        sb_esc(b, h->date);
    }
    if (h->outlet) {
        strbuf_s(b, " \xC2\xB7 ");
        sb_esc(b, h->outlet);
    }
    strbuf_s(b, "</div></li>\n");
    return b->oom;
}

static void input_field(sb *b, const char *cls, const char *label, const char *name,
                        const char *type, const char *value, const char *extra)
{
    sb_f(b, "<label class=\"%s\">%s<input type=\"%s\" name=\"%s\"", cls, label, type, name);
    if (value) {
        strbuf_s(b, " value=\"");
        sb_esc(b, value);
        strbuf_s(b, "\"");
    }
    strbuf_s(b, extra);
    strbuf_s(b, "></label>");
}

/* Keep the filters in a link (to the next page). */
static void query_string(sb *b, const qb_query *q, long long page)
{
    const char *names[] = {"q", "speaker", "since", "until", "outlet"};
    const char *vals[] = {q->text, q->speaker, q->since, q->until, q->outlet};
    strbuf_s(b, "/?");
    for (int i = 0; i < 5; i++)
        if (vals[i]) {
            sb_f(b, "%s=", names[i]);
            sb_url(b, vals[i]);
            strbuf_s(b, "&amp;");
        }
    sb_f(b, "page=%lld", page);
}

static enum MHD_Result search_page(request *r)
{
    qb_query q;
    long long page;
    const char *bad = read_query(r, &q, &page);
    sb b = {0};
    char err[QB_ERRLEN];
    page_begin(r, &b, q.text ? q.text : "Search");
    strbuf_s(&b, "<h1>Search quotations</h1><form class=\"search\" method=\"get\" action=\"/\">");
    input_field(&b, "q", "Words in the quotation", "q", "search", q.text, " autofocus");
    input_field(&b, "", "Speaker", "speaker", "text", q.speaker, " list=\"speakers\"");
    input_field(&b, "", "Since", "since", "date", q.since, "");
    input_field(&b, "", "Until", "until", "date", q.until, "");
    input_field(&b, "", "Outlet", "outlet", "text", q.outlet, "");
    strbuf_s(&b, "<button type=\"submit\">Search</button></form>");
    /* the most quoted speakers as suggestions for the speaker field */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(r->srv->db,
                           "SELECT name FROM speakers WHERE n_quotes > 0"
                           " ORDER BY n_quotes DESC, id DESC LIMIT 200",
                           -1, &st, NULL) == SQLITE_OK) {
        strbuf_s(&b, "<datalist id=\"speakers\">");
        while (sqlite3_step(st) == SQLITE_ROW) {
            strbuf_s(&b, "<option value=\"");
            sb_esc(&b, (const char *)sqlite3_column_text(st, 0));
            strbuf_s(&b, "\">");
        }
        strbuf_s(&b, "</datalist>");
    }
    sqlite3_finalize(st);
    unsigned status = MHD_HTTP_OK;
    if (bad) {
        strbuf_s(&b, "<p class=\"error\">");
        sb_esc(&b, bad);
        strbuf_s(&b, "</p>");
        status = MHD_HTTP_BAD_REQUEST;
    } else {
        sb body = {0};
        hits hs = {.b = &body, .show_speaker = 1};
        if (qb_search(r->srv->db, &q, render_hit, &hs, err)) {
            strbuf_s(&b, "<p class=\"error\">");
            sb_esc(&b, err);
            strbuf_s(&b, "</p>");
            status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        } else {
            sb_f(&b, "<p class=\"summary\" id=\"summary\">%s%lld quotation%s%s",
                 page > 1 ? "page " : "", hs.n, hs.n == 1 ? "" : "s",
                 q.text ? ", most relevant first" : ", most recent first");
            if (page > 1) sb_f(&b, " (page %lld)", page);
            strbuf_s(&b, "</p><ol class=\"hits\">");
            if (body.p) strbuf_add(&b, body.p, body.len);
            strbuf_s(&b, "</ol><div class=\"pager\">");
            if (page > 1) {
                strbuf_s(&b, "<a rel=\"prev\" href=\"");
                query_string(&b, &q, page - 1);
                strbuf_s(&b, "\">\xE2\x86\x90 previous</a>");
            }
            if (hs.n == q.limit) {
                strbuf_s(&b, "<a rel=\"next\" href=\"");
                query_string(&b, &q, page + 1);
                strbuf_s(&b, "\">next \xE2\x86\x92</a>");
            }
            strbuf_s(&b, "</div>");
        }
        if (body.oom) b.oom = 1;
        free(body.p);
    }
    return page_end(r, &b, status, 0);
}

/* ---- article page: the text with its quotations highlighted ---- */

typedef struct aq {
    long long id, speaker_id;
    char *speaker, *type, *cue;
    size_t n_spans;
    ws_span *spans;
    int colour; /* 0..SERVE_COLOURS-1, or -1 for spx */
} aq;

typedef struct legend_entry {
    long long speaker_id;
    const char *name; /* points into an aq */
    int colour, count;
} legend_entry;

static char *dup_col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? strdup(s) : NULL;
}

static void free_quotes(aq *qs, size_t n)
{
    for (size_t i = 0; i < n; i++) free(qs[i].speaker), free(qs[i].type), free(qs[i].cue), free(qs[i].spans);
    free(qs);
}

/* The spans JSON written by quotebank.c: [[start, end], ...]. */
static int parse_spans(const char *js, aq *q)
{
    json_t *a = js ? json_loads(js, 0, NULL) : NULL;
    size_t n = json_array_size(a);
    q->spans = n ? calloc(n, sizeof *q->spans) : NULL;
    if (n && !q->spans) {
        json_decref(a);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(a, i);
        json_int_t s = json_integer_value(json_array_get(p, 0)), e = json_integer_value(json_array_get(p, 1));
        if (s >= 0 && e >= s) q->spans[q->n_spans++] = (ws_span){(size_t)s, (size_t)e};
    }
    json_decref(a);
    return 0;
}

/* Byte offset of each code point of valid UTF-8 text (and of its end). */
static size_t *code_points(const char *t, size_t len, size_t *n)
{
    size_t *off = malloc((len + 1) * sizeof *off), k = 0;
    if (!off) return NULL;
    for (size_t i = 0; i < len; k++) {
        off[k] = i;
        unsigned char c = (unsigned char)t[i];
        size_t step = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        i += step <= len - i ? step : len - i;
    }
    off[k] = len;
    *n = k;
    return off;
}

static enum MHD_Result article_page(request *r)
{
    const char *id = arg(r, "id"), *want = arg(r, "quote");
    long long target = 0;
    if (!id) return error_page(r, MHD_HTTP_BAD_REQUEST, "No article", "Give an article id: /article?id=ID");
    if (want && qb_parse_count(want, INT64_MAX, &target)) target = 0;
    sqlite3 *db = r->srv->db;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, text, title, date, outlet, url FROM articles WHERE ext_id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return error_page(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Error", sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return error_page(r, MHD_HTTP_NOT_FOUND, "Not found", "There is no article with that id.");
    }
    long long art = sqlite3_column_int64(st, 0);
    const char *text = (const char *)sqlite3_column_text(st, 1);
    size_t len = (size_t)sqlite3_column_bytes(st, 1);
    const char *title = (const char *)sqlite3_column_text(st, 2), *date = (const char *)sqlite3_column_text(st, 3);
    const char *outlet = (const char *)sqlite3_column_text(st, 4), *url = (const char *)sqlite3_column_text(st, 5);

    /* its quotations */
    aq *qs = NULL;
    size_t nq = 0, cap = 0;
    int oom = 0;
    sqlite3_stmt *qst = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, speaker_id, speaker, type, cue, spans FROM quotes"
                           " WHERE article_id = ?1 ORDER BY id",
                           -1, &qst, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(qst, 1, art);
        while (!oom && sqlite3_step(qst) == SQLITE_ROW) {
            if (nq == cap) {
                aq *p = realloc(qs, (cap = cap ? 2 * cap : 16) * sizeof *p);
                if (!p) {
                    oom = 1;
                    break;
                }
                qs = p;
            }
            aq *q = &qs[nq++];
            memset(q, 0, sizeof *q);
            q->id = sqlite3_column_int64(qst, 0);
            q->speaker_id = sqlite3_column_int64(qst, 1);
            q->speaker = dup_col(qst, 2), q->type = dup_col(qst, 3), q->cue = dup_col(qst, 4);
            if (parse_spans((const char *)sqlite3_column_text(qst, 5), q) || !q->type) oom = 1;
        }
    }
    sqlite3_finalize(qst);

    /* a colour per speaker (person, or organisation by name), in order of
     * first quotation */
    legend_entry *leg = calloc(nq + 1, sizeof *leg);
    size_t nleg = 0;
    for (size_t i = 0; leg && i < nq; i++) {
        aq *q = &qs[i];
        q->colour = -1;
        if (!q->speaker) continue;
        size_t k = 0;
        while (k < nleg && !(q->speaker_id ? leg[k].speaker_id == q->speaker_id
                                            : !leg[k].speaker_id && !strcmp(leg[k].name, q->speaker)))
            k++;
        if (k == nleg) leg[nleg++] = (legend_entry){q->speaker_id, q->speaker, (int)(k % SERVE_COLOURS), 0};
        leg[k].count++;
        q->colour = leg[k].colour;
    }

    /* paint: each code point belongs to the shortest quotation over it, so
     * a quotation nested in another stays visible */
    size_t ncp = 0, *off = code_points(text ? text : "", text ? len : 0, &ncp);
    int *owner = malloc((ncp + 1) * sizeof *owner);
    size_t *order = malloc((nq + 1) * sizeof *order);
    if (!leg || !off || !owner || !order) oom = 1;
    sb b = {0};
    if (!oom) {
        for (size_t i = 0; i < ncp; i++) owner[i] = -1;
        for (size_t i = 0; i < nq; i++) order[i] = i;
        /* longest first (insertion sort: an article has few quotations) */
        for (size_t i = 1; i < nq; i++) {
            size_t x = order[i], j = i;
            size_t lx = 0;
            for (size_t s = 0; s < qs[x].n_spans; s++) lx += qs[x].spans[s].end - qs[x].spans[s].start;
            while (j > 0) {
                size_t y = order[j - 1], ly = 0;
                for (size_t s = 0; s < qs[y].n_spans; s++) ly += qs[y].spans[s].end - qs[y].spans[s].start;
                if (ly >= lx) break;
                order[j] = y, j--;
            }
            order[j] = x;
        }
        for (size_t k = 0; k < nq; k++) {
            aq *q = &qs[order[k]];
            for (size_t s = 0; s < q->n_spans; s++)
                for (size_t c = q->spans[s].start; c < q->spans[s].end && c < ncp; c++) owner[c] = (int)order[k];
        }

        page_begin(r, &b, title ? title : id);
        strbuf_s(&b, "<h1>");
        sb_esc(&b, title ? title : id);
        strbuf_s(&b, "</h1><p class=\"meta\">");
        sb_esc(&b, id);
        if (date) strbuf_s(&b, " \xC2\xB7 "), sb_esc(&b, date);
        if (outlet) strbuf_s(&b, " \xC2\xB7 "), sb_esc(&b, outlet);
        /* only web addresses become links: never javascript: or data: */
        if (url && (!strncmp(url, "https://", 8) || !strncmp(url, "http://", 7))) {
            strbuf_s(&b, " \xC2\xB7 <a rel=\"noopener noreferrer\" href=\"");
            sb_esc(&b, url);
            strbuf_s(&b, "\">original</a>");
        } else if (url) {
            strbuf_s(&b, " \xC2\xB7 "), sb_esc(&b, url);
        }
        sb_f(&b, "</p><p class=\"summary\" id=\"quote-count\" data-quotes=\"%zu\">%zu quotation%s</p>", nq,
             nq, nq == 1 ? "" : "s");
        strbuf_s(&b, "<ul class=\"legend\">");
        for (size_t k = 0; k < nleg; k++) {
            sb_f(&b, "<li class=\"sp%d\" data-sp=\"sp%d\"><span class=\"sw\"></span>", leg[k].colour,
                 leg[k].colour);
            if (leg[k].speaker_id) {
                sb_f(&b, "<a href=\"/speaker?id=%lld\">", leg[k].speaker_id);
                sb_esc(&b, leg[k].name);
                strbuf_s(&b, "</a>");
            } else {
                sb_esc(&b, leg[k].name);
            }
            sb_f(&b, " (%d)</li>", leg[k].count);
        }
        int unknown = 0;
        for (size_t i = 0; i < nq; i++) unknown |= qs[i].colour < 0;
        if (unknown) strbuf_s(&b, "<li class=\"spx\" data-sp=\"spx\"><span class=\"sw\"></span>no known speaker</li>");
        strbuf_s(&b, "</ul><div class=\"article-text\" id=\"article-text\">");
        /* the text in runs of one owner */
        int *first_mark = calloc(nq + 1, sizeof *first_mark);
        for (size_t c = 0; c < ncp;) {
            size_t e = c;
            while (e < ncp && owner[e] == owner[c]) e++;
            const char *s = text + off[c];
            size_t n = off[e] - off[c];
            if (owner[c] < 0) {
                sb_escn(&b, s, n);
            } else {
                aq *q = &qs[owner[c]];
                char cls[16];
                if (q->colour >= 0) snprintf(cls, sizeof cls, "sp%d", q->colour);
                else snprintf(cls, sizeof cls, "spx");
                int first = first_mark && !first_mark[owner[c]];
                if (first_mark) first_mark[owner[c]] = 1;
                sb_f(&b, "<mark class=\"q %s%s\" data-q=\"%lld\"", cls, q->id == target ? " target" : "", q->id);
                if (first) sb_f(&b, " id=\"q%lld\"", q->id);
                strbuf_s(&b, " title=\"");
                sb_esc(&b, q->speaker ? q->speaker : "unknown speaker");
                if (q->cue) strbuf_s(&b, ", "), sb_esc(&b, q->cue);
                strbuf_s(&b, " ("), sb_esc(&b, q->type), strbuf_s(&b, ")\">");
                sb_escn(&b, s, n);
                strbuf_s(&b, "</mark>");
            }
            c = e;
        }
        free(first_mark);
        strbuf_s(&b, "</div>");
    }
    sqlite3_finalize(st);
    free(off), free(owner), free(order), free(leg);
    free_quotes(qs, nq);
    if (oom) {
        free(b.p);
        return error_page(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Error", "out of memory");
    }
    return page_end(r, &b, MHD_HTTP_OK, 1);
}

/* ---- speaker page: quotations over time, and the quotations ---- */

typedef struct bucket {
    char label[16];
    long long n;
} bucket;

/* Bars of quotations per month (per year when the months are many). */
static void chart(sb *b, sqlite3 *db, long long speaker, long long *undated)
{
    sqlite3_stmt *st = NULL;
    bucket *bk = NULL;
    size_t n = 0, cap = 0;
    *undated = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT substr(date, 1, 7), count(*) FROM quotes WHERE speaker_id = ?1"
                           " GROUP BY 1 ORDER BY 1",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, speaker);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *m = (const char *)sqlite3_column_text(st, 0);
        long long c = sqlite3_column_int64(st, 1);
        if (!m) {
            *undated += c;
            continue;
        }
        if (n == cap) {
            bucket *p = realloc(bk, (cap = cap ? 2 * cap : 32) * sizeof *p);
            if (!p) break;
            bk = p;
        }
        snprintf(bk[n].label, sizeof bk[n].label, "%s", m);
        bk[n++].n = c;
    }
    sqlite3_finalize(st);
    /* a linear time axis: empty months (or years) get a bar of height 0;
     * dates that are not ISO 8601 are shown as they are, in order */
    int iso = n > 0;
    for (size_t i = 0; i < n && iso; i++) iso = qb_valid_date(bk[i].label) && strlen(bk[i].label) == 7;
    if (iso) {
        int m0 = atoi(bk[0].label) * 12 + atoi(bk[0].label + 5) - 1;
        int m1 = atoi(bk[n - 1].label) * 12 + atoi(bk[n - 1].label + 5) - 1;
        int years = m1 - m0 + 1 > 48, y0 = m0 / 12;
        size_t span = years ? (size_t)(m1 / 12 - y0 + 1) : (size_t)(m1 - m0 + 1);
        bucket *all = calloc(span, sizeof *all);
        for (size_t i = 0; all && i < span; i++) {
            int m = years ? (y0 + (int)i) * 12 : m0 + (int)i;
            if (years) snprintf(all[i].label, sizeof all[i].label, "%04d", m / 12);
            else snprintf(all[i].label, sizeof all[i].label, "%04d-%02d", m / 12, m % 12 + 1);
        }
        for (size_t i = 0; all && i < n; i++) {
            int m = atoi(bk[i].label) * 12 + atoi(bk[i].label + 5) - 1;
            all[years ? (size_t)(m / 12 - y0) : (size_t)(m - m0)].n += bk[i].n;
        }
        if (all) free(bk), bk = all, n = span;
    }
    if (n) {
        long long max = 1;
        for (size_t i = 0; i < n; i++) max = bk[i].n > max ? bk[i].n : max;
        const int W = 720, H = 180, top = 16, bottom = 28, left = 8;
        double bw = (double)(W - 2 * left) / (double)n;
        sb_f(b, "<svg class=\"chart\" id=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                " aria-label=\"quotations over time\">",
             W, H);
        for (size_t i = 0; i < n; i++) {
            double h = (double)(H - top - bottom) * (double)bk[i].n / (double)max;
            sb_f(b, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
                 left + bw * (double)i + bw * 0.1, (double)(H - bottom) - h, bw * 0.8, h);
            sb_esc(b, bk[i].label);
            sb_f(b, ": %lld</title></rect>", bk[i].n);
        }
        sb_f(b, "<text x=\"%d\" y=\"%d\">", left, H - 8);
        sb_esc(b, bk[0].label);
        sb_f(b, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", W - left, H - 8);
        sb_esc(b, bk[n - 1].label);
        sb_f(b, "</text><text x=\"%d\" y=\"12\">%lld</text></svg>", left, max);
    }
    free(bk);
}

static enum MHD_Result speaker_page(request *r)
{
    const char *v = arg(r, "id");
    long long id = 0;
    if (!v || qb_parse_count(v, INT64_MAX, &id))
        return error_page(r, MHD_HTTP_BAD_REQUEST, "No speaker", "Give a speaker id: /speaker?id=N");
    sqlite3 *db = r->srv->db;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT name, n_quotes, n_articles, (SELECT group_concat(title, '; ') FROM"
                           " (SELECT title FROM speaker_titles WHERE speaker_id = ?1 ORDER BY n DESC, title))"
                           " FROM speakers WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return error_page(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Error", sqlite3_errmsg(db));
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return error_page(r, MHD_HTTP_NOT_FOUND, "Not found", "There is no speaker with that id.");
    }
    sb b = {0};
    const char *name = (const char *)sqlite3_column_text(st, 0);
    const char *titles = (const char *)sqlite3_column_text(st, 3);
    page_begin(r, &b, name);
    strbuf_s(&b, "<h1 id=\"speaker-name\">");
    sb_esc(&b, name);
    strbuf_s(&b, "</h1><p class=\"meta\">");
    if (titles) sb_esc(&b, titles), strbuf_s(&b, " \xC2\xB7 ");
    sb_f(&b, "%lld quotations in %lld articles</p>", sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2));
    sqlite3_finalize(st);
    long long undated = 0;
    strbuf_s(&b, "<h2>Quotations over time</h2>");
    chart(&b, db, id, &undated);
    if (undated) sb_f(&b, "<p class=\"meta\">and %lld from undated articles</p>", undated);
    strbuf_s(&b, "<h2>Quotations, most recent first</h2><ol class=\"hits\">");
    qb_query q = {.speaker_id = id, .limit = 200};
    hits hs = {.b = &b, .show_speaker = 0};
    char err[QB_ERRLEN];
    if (qb_search(db, &q, render_hit, &hs, err)) {
        strbuf_s(&b, "</ol><p class=\"error\">");
        sb_esc(&b, err);
        strbuf_s(&b, "</p>");
    } else {
        strbuf_s(&b, "</ol>");
    }
    return page_end(r, &b, MHD_HTTP_OK, 0);
}

static int render_speaker_row(void *ctx, const qb_speaker *s)
{
    sb *b = ctx;
    sb_f(b, "<tr><td class=\"n\">%lld</td><td class=\"n\">%lld</td><td><a href=\"/speaker?id=%lld\">",
         s->quotes, s->articles, s->id);
    sb_esc(b, s->name);
    strbuf_s(b, "</a></td><td>");
    sb_esc(b, s->titles);
    strbuf_s(b, "</td></tr>\n");
    return b->oom;
}

static enum MHD_Result speakers_page(request *r)
{
    sb b = {0};
    char err[QB_ERRLEN];
    page_begin(r, &b, "Speakers");
    strbuf_s(&b, "<h1>Speakers, most quoted first</h1><table class=\"speakers\"><thead><tr>"
             "<th>quotes</th><th>articles</th><th>speaker</th><th>titles</th></tr></thead><tbody>");
    if (qb_speakers(r->srv->db, 200, render_speaker_row, &b, err)) {
        strbuf_s(&b, "</tbody></table><p class=\"error\">");
        sb_esc(&b, err);
        strbuf_s(&b, "</p>");
    } else {
        strbuf_s(&b, "</tbody></table>");
    }
    return page_end(r, &b, MHD_HTTP_OK, 0);
}

/* ---- JSON API ---- */

static enum MHD_Result send_json(request *r, unsigned status, json_t *o)
{
    sb b = {0};
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_ESCAPE_SLASH | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (!s) b.oom = 1;
    else b.p = s, b.len = strlen(s), b.cap = b.len + 1;
    strbuf_s(&b, "\n");
    return send_body(r, status, "application/json; charset=utf-8", &b);
}

static enum MHD_Result json_error(request *r, unsigned status, const char *msg)
{
    return send_json(r, status, json_pack("{ss}", "error", msg));
}

static int collect_hit(void *ctx, const qb_hit *h)
{
    json_t *o = qb_hit_json(h);
    return !o || json_array_append_new(ctx, o);
}

static int collect_speaker(void *ctx, const qb_speaker *s)
{
    json_t *o = qb_speaker_json(s);
    return !o || json_array_append_new(ctx, o);
}

static enum MHD_Result api_search(request *r)
{
    qb_query q;
    long long page;
    const char *bad = read_query(r, &q, &page);
    if (bad) return json_error(r, MHD_HTTP_BAD_REQUEST, bad);
    json_t *arr = json_array();
    char err[QB_ERRLEN];
    if (!arr) return json_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    if (qb_search(r->srv->db, &q, collect_hit, arr, err)) {
        json_decref(arr);
        return json_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, err);
    }
    return send_json(r, MHD_HTTP_OK, json_pack("{sIso}", "count", (json_int_t)json_array_size(arr), "hits", arr));
}

static enum MHD_Result api_speakers(request *r)
{
    const char *v = arg(r, "limit");
    long long limit = 50;
    if (v && qb_parse_count(v, 100000, &limit)) return json_error(r, MHD_HTTP_BAD_REQUEST, "bad limit");
    json_t *arr = json_array();
    char err[QB_ERRLEN];
    if (!arr) return json_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    if (qb_speakers(r->srv->db, limit, collect_speaker, arr, err)) {
        json_decref(arr);
        return json_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, err);
    }
    return send_json(r, MHD_HTTP_OK, json_pack("{so}", "speakers", arr));
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_size,
                              void **con_cls)
{
    (void)version, (void)upload_data, (void)con_cls;
    request r = {.conn = conn, .srv = cls};
    make_nonce(r.nonce);
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        if (upload_size) *upload_size = 0;
        sb b = {0};
        strbuf_s(&b, "only GET and HEAD\n");
        return send_body(&r, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", &b);
    }
    if (!strcmp(url, "/")) return search_page(&r);
    if (!strcmp(url, "/article")) return article_page(&r);
    if (!strcmp(url, "/speaker")) return speaker_page(&r);
    if (!strcmp(url, "/speakers")) return speakers_page(&r);
    if (!strcmp(url, "/api/search")) return api_search(&r);
    if (!strcmp(url, "/api/speakers")) return api_speakers(&r);
    return error_page(&r, MHD_HTTP_NOT_FOUND, "Not found", "There is no such page.");
}

/* ---- the command ---- */

static const char serve_help[] =
    "Usage: whosaid serve --db FILE.db [--port N] [--host ADDRESS]\n"
    "Serve a web interface to a quote bank: search quotations by words, speaker\n"
    "and date; read an article with its quotations highlighted, one colour per\n"
    "speaker; see a speaker's quotations and a chart of them over time. The pages\n"
    "need nothing from outside (no external scripts, styles or fonts).\n"
    "JSON: /api/search?q=&speaker=&since=&until=&outlet=&limit=&page= and\n"
    "/api/speakers?limit=.\n"
    "\n"
    "  --db FILE       the quote bank (required)\n"
    "  --port N        the TCP port (default 8080; 0 picks a free one)\n"
    "  --host ADDRESS  the address to listen on (default 127.0.0.1, this machine\n"
    "                  only; 0.0.0.0 exposes the bank to the network)\n"
    "  -h, --help      show this help and exit\n"
    "\n"
    "Prints \"whosaid serve: listening on http://HOST:PORT/\" once it listens, and\n"
    "runs until SIGINT or SIGTERM.\n";

int ws_cli_serve(int argc, char **argv)
{
    const char *db_path = NULL, *host = "127.0.0.1", *port_s = "8080", *val = NULL, *cmd = "serve";
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            return fputs(serve_help, stdout) < 0 || fflush(stdout) ? RC_FATAL : RC_OK;
        else if (qb_opt(argc, argv, &i, "--db", &val, &bad, cmd)) db_path = val;
        else if (qb_opt(argc, argv, &i, "--port", &val, &bad, cmd)) port_s = val;
        else if (qb_opt(argc, argv, &i, "--host", &val, &bad, cmd)) host = val;
        else if (a[0] == '-') bad = 1, qb_usage_error(cmd, "unknown option '%s'", a);
        else bad = 1, qb_usage_error(cmd, "unexpected argument '%s'", a);
        if (bad) return RC_USAGE;
    }
    long long port = 0;
    if (strcmp(port_s, "0") && qb_parse_count(port_s, 65535, &port))
        return qb_usage_error(cmd, "--port needs a number from 0 to 65535, not '%s'", port_s);
    if (!db_path) return qb_usage_error(cmd, "%s", "--db FILE is required");

    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_NUMERICHOST | AI_PASSIVE},
                    *ai = NULL;
    char port_str[8];
    snprintf(port_str, sizeof port_str, "%lld", port);
    if (getaddrinfo(host, port_str, &hints, &ai) != 0 || !ai)
        return qb_usage_error(cmd, "--host needs a numeric IPv4 or IPv6 address, not '%s'", host);

    mhd_api mhd = {0};
    if (mhd_load(&mhd)) {
        freeaddrinfo(ai);
        return RC_FAILED;
    }
    char err[QB_ERRLEN];
    server srv = {.mhd = &mhd};
    if (!(srv.db = qb_open(db_path, 0, err))) {
        dlclose(mhd.lib);
        fprintf(stderr, "whosaid serve: %s\n", err);
        freeaddrinfo(ai);
        return RC_FAILED;
    }
    /* block the stop signals in every thread; the main thread waits for them */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
    if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = mhd.start_daemon(flags, (uint16_t)port, NULL, NULL, handle, &srv,
                                           MHD_OPTION_SOCK_ADDR, ai->ai_addr,
                                           MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                                           MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
                                           MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!d) {
        fprintf(stderr, "whosaid serve: cannot listen on %s port %lld: %s\n", host, port,
                errno ? strerror(errno) : "libmicrohttpd failed to start");
        sqlite3_close(srv.db);
        dlclose(mhd.lib);
        return RC_FAILED;
    }
    const union MHD_DaemonInfo *info = mhd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned actual = info ? info->port : (unsigned)port;
    int v6 = strchr(host, ':') != NULL;
    printf("whosaid serve: listening on http://%s%s%s:%u/\n", v6 ? "[" : "", host, v6 ? "]" : "", actual);
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    mhd.stop_daemon(d);
    sqlite3_close(srv.db);
    dlclose(mhd.lib);
    fprintf(stderr, "whosaid serve: stopped\n");
    return RC_OK;
}
