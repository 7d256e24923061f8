/* whosaid - command-line frontend of libwhosaid, which does all analysis and
 * formatting. Each article's output and diagnostics are built in a job's
 * buffers by process_line()/process_article(), which touch nothing but their
 * arguments, then written by flush_job(): a failed article never leaves half
 * a line, and a later -j N can run jobs on threads and flush them in order. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <jansson.h>
#include <utf8proc.h>

#include "whosaid.h"

#include "eval.h"
#include "input.h"
#include "jsonline.h"
#include "quotebank_cmd.h"

enum { FMT_AUTO, FMT_TEXT, FMT_JSONL };
enum { RC_OK = 0, RC_FAILED = 1, RC_USAGE = 2, RC_FATAL = 3 };

typedef struct config {
    int jsonl_in; /* --jsonl: one JSON object per input line */
    int fmt;      /* FMT_TEXT or FMT_JSONL */
    int quiet;    /* no per-article diagnostics on stderr */
    int headers;  /* text output: "== name ==" before each article */
    int threads;  /* -j N: articles analysed at once (--jsonl) */
    ws_options wopts;
} config;

typedef struct buf {
    char *p;
    size_t len, cap;
    int oom; /* an append failed for lack of memory */
} buf;

/* One article's work: where it came from and what it gives. Reused. */
typedef struct job {
    char where[4200];   /* "FILE" or "FILE:LINE", for messages */
    const char *label;  /* text-format header */
    json_t *id;         /* for error records; NULL = null */
    size_t line;        /* 1-based JSONL line, 0 for plain files */
    buf out, diag, tmp; /* for stdout, for stderr, input scratch */
    char *fast;         /* scratch of the fast JSON path (jsonline.c) */
    size_t fast_cap;
    int rc;             /* RC_OK, RC_FAILED or RC_FATAL */
    int lost;           /* not even an error record could be built */
} job;

typedef struct run {
    const config *cfg;
    job job;
    int status; /* worst exit status so far */
    int stop;   /* output failed: read no more */
    /* progress bar on stderr (a terminal, and not --quiet) */
    int progress;
    int batch;                 /* gather the one-thread path's output (flush_one_) */
    input *in;                 /* the file being read */
    atomic_ullong got;         /* its bytes consumed so far (set by the reading thread) */
    unsigned long long done;   /* articles written */
    double t0, last;           /* start, last redraw */
} run;

static int buf_add(buf *b, const char *s, size_t n)
{
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len < n && cap <= SIZE_MAX / 2) cap *= 2;
        char *p = cap - b->len < n ? NULL : realloc(b->p, cap);
        if (!p) return b->oom = 1, -1;
        b->p = p, b->cap = cap;
    }
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

/* Append the strings up to a NULL. */
static int buf_cat(buf *b, ...)
{
    va_list ap;
    int r = 0;
    va_start(ap, b);
    for (const char *s; (s = va_arg(ap, const char *)) != NULL;) r |= buf_add(b, s, strlen(s));
    va_end(ap);
    return r;
}

static int ws_writer(void *ctx, const char *d, size_t n) { return buf_add(ctx, d, n); }
static int json_writer(const char *d, size_t n, void *ctx) { return buf_add(ctx, d, n); }

/* Offset of the first byte of s that starts no valid UTF-8 sequence, or n.
 * NUL counts as invalid: the same rule as the library's. */
static size_t utf8_check(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_int32_t c = 0;
    for (size_t i = 0; i < n;) {
#ifdef __SSE2__
        if (n - i >= 16) { /* sixteen ASCII bytes, none NUL (SSE2 is part of x86-64) */
            __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
            if (!_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(x, _mm_setzero_si128())))) {
                i += 16;
                continue;
            }
        }
#endif
        if (n - i >= 8) { /* eight ASCII bytes, none NUL, at a time */
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!((w | ((w - 0x0101010101010101ull) & ~w)) & 0x8080808080808080ull)) {
                i += 8;
                continue;
            }
        }
        if (p[i] && p[i] < 0x80) {
            i++;
            continue;
        }
        /* a valid two- or three-byte sequence (é, curly quotes, dashes),
         * told here; anything else, and every error, as utf8proc decides */
        if (p[i] >= 0xC2 && p[i] <= 0xDF && n - i >= 2 && (p[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if ((p[i] & 0xF0) == 0xE0 && n - i >= 3 && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            uint32_t u = (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
            if (u >= 0x800 && (u < 0xD800 || u > 0xDFFF)) {
                i += 3;
                continue;
            }
        }
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k < 0 || c == 0) return i;
        i += (size_t)k;
    }
    return n;
}

/* Append s to b with each invalid byte replaced by U+FFFD, as the library's
 * WS_REPLACE_INVALID does. */
static int utf8_fix(buf *b, const char *s, size_t n)
{
    for (size_t k; (k = utf8_check(s, n)) < n; s += k + 1, n -= k + 1)
        if (buf_add(b, s, k) || buf_add(b, "\xEF\xBF\xBD", 3)) return -1;
    return buf_add(b, s, n);
}

/* A JSON string of s, made valid UTF-8 first (file names, messages). */
static json_t *json_str(const char *s)
{
    buf b = {0};
    json_t *j = utf8_fix(&b, s, strlen(s)) ? NULL : json_stringn(b.len ? b.p : "", b.len);
    free(b.p);
    return j;
}

/* Record a failed article: a diagnostic for stderr and, in its place on
 * stdout, an error record (jsonl) or an error under its header (text).
 * Returns the job's exit status. */
static int fail(const config *cfg, job *j, int rc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (rc > j->rc) j->rc = rc;
    if (!cfg->quiet) buf_cat(&j->diag, "whosaid: ", j->where, ": ", msg, "\n", (char *)NULL);
    size_t mark = j->out.len;
    int bad = 0;
    if (cfg->fmt == FMT_TEXT && cfg->headers) {
        bad = buf_cat(&j->out, "== ", j->label, " ==\nerror: ", msg, "\n\n", (char *)NULL);
    } else if (cfg->fmt == FMT_JSONL) {
        json_t *rec = json_object();
        bad = !rec || json_object_set(rec, "id", j->id ? j->id : json_null()) ||
              (j->line && json_object_set_new(rec, "line", json_integer((json_int_t)j->line))) ||
              json_object_set_new(rec, "error", json_str(msg)) ||
              json_dump_callback(rec, json_writer, &j->out, JSON_COMPACT) ||
              buf_add(&j->out, "\n", 1);
        json_decref(rec);
    }
    if (bad) j->out.len = mark, j->rc = RC_FATAL, j->lost = 1;
    return j->rc;
}

/* Analyse one article and append its report to j->out, or fail() it. */
static void process_article(const config *cfg, job *j, const char *text, size_t len,
                            const char *id_json)
{
    buf *out = &j->out;
    size_t mark = out->len;
    ws_doc *doc = NULL;
    ws_error err;
    ws_status st = ws_analyze(text, len, &cfg->wopts, &doc, &err);
    if (st == WS_OK && cfg->fmt == FMT_JSONL) {
        st = ws_doc_write_json(doc, id_json, ws_writer, out, &err);
        if (st == WS_OK && buf_add(out, "\n", 1)) st = WS_ERR_IO;
    } else if (st == WS_OK) {
        if (cfg->headers && buf_cat(out, "== ", j->label, " ==\n", (char *)NULL)) st = WS_ERR_IO;
        if (st == WS_OK) st = ws_doc_write_text(doc, ws_writer, out, &err);
        int nl = out->len > mark && out->p[out->len - 1] != '\n'; /* end the last line */
        if (st == WS_OK && buf_add(out, "\n\n", (size_t)nl + (size_t)cfg->headers)) st = WS_ERR_IO;
    }
    ws_doc_free(doc);
    if (st == WS_OK) return;
    int oom = out->oom; /* our writer failed */
    out->len = mark, out->oom = 0;
    if (oom || st == WS_ERR_NOMEM)
        fail(cfg, j, RC_FATAL, "out of memory");
    else
        fail(cfg, j, RC_FAILED, "%s", err.message);
}

/* One JSONL input line (without its newline) to one output record. Returns
 * the job's exit status. */
static int process_line(const config *cfg, job *j, const char *name, size_t lineno,
                        const char *line, size_t len)
{
    char num[32], *id_json = NULL;
    json_error_t jerr;
    snprintf(j->where, sizeof j->where, "%s:%zu", name, lineno);
    j->label = j->where, j->id = NULL, j->line = lineno;
    jl_result fr;
    /* The fast path checks UTF-8 as it goes, so an ordinary line takes no
     * separate pass; any other line is checked, reported or repaired here
     * exactly as before, then tried again only if it was repaired. */
    int fast = jl_parse(line, len, &j->fast, &j->fast_cap, &fr);
    if (!fast) {
        size_t sp = 0, bad = utf8_check(line, len);
        while (sp < len && memchr(" \t\r", line[sp], 3)) sp++;
        if (sp == len) return fail(cfg, j, RC_FAILED, "empty line");
        if (bad < len && !(cfg->wopts.flags & WS_REPLACE_INVALID))
            return fail(cfg, j, RC_FAILED, "invalid UTF-8 or NUL at byte offset %zu", bad);
        if (bad < len && (j->tmp.len = j->tmp.oom = 0, utf8_fix(&j->tmp, line, len)))
            return fail(cfg, j, RC_FATAL, "out of memory");
        if (bad < len) line = j->tmp.p, len = j->tmp.len;
        fast = bad < len && jl_parse(line, len, &j->fast, &j->fast_cap, &fr);
    }
    if (fast) {
        size_t out_mark = j->out.len, diag_mark = j->diag.len;
        const char *idj = fr.has_id ? j->fast + fr.id_off : num;
        if (!fr.has_id) snprintf(num, sizeof num, "%zu", lineno - 1);
        else j->label = fr.id_is_string ? j->fast + fr.label_off : idj;
        process_article(cfg, j, fr.text, fr.text_len, idj);
        if (j->rc == RC_OK && !j->lost) return j->rc;
        /* a failed article is done again through jansson below, so that its
         * error record carries the "id" exactly as before */
        j->out.len = out_mark, j->diag.len = diag_mark, j->out.oom = j->diag.oom = 0;
        j->rc = RC_OK, j->lost = 0, j->label = j->where;
    }
    json_t *root = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    json_t *id = j->id = json_object_get(root, "id"), *text = json_object_get(root, "text");
    if (!root && json_error_code(&jerr) == json_error_out_of_memory)
        fail(cfg, j, RC_FATAL, "out of memory");
    else if (!root)
        fail(cfg, j, RC_FAILED, "invalid JSON at column %d: %s", jerr.column, jerr.text);
    else if (!json_is_object(root))
        fail(cfg, j, RC_FAILED, "not a JSON object");
    else if (!text)
        fail(cfg, j, RC_FAILED, "no \"text\" field");
    else if (!json_is_string(text))
        fail(cfg, j, RC_FAILED, "\"text\" is not a string");
    else if (id && !(id_json = json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT)))
        fail(cfg, j, RC_FATAL, "out of memory");
    else {
        snprintf(num, sizeof num, "%zu", lineno - 1);
        if (id) j->label = json_is_string(id) ? json_string_value(id) : id_json;
        process_article(cfg, j, json_string_value(text), json_string_length(text),
                        id ? id_json : num);
    }
    free(id_json);
    json_decref(root);
    return j->rc;
}

/* Write a finished job and reset it. Stop the run when stdout failed, or
 * when an article's output was lost for lack of memory. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "whosaid: 12,345 articles, 45.6 MB, 23.4 MB/s, 62%, ETA 0:12", redrawn at
 * most five times a second; cleared at the end. */
static void progress(run *r, int final)
{
    if (!r->progress)
        return;
    double t = now_s();
    if (!final && t - r->last < 0.2)
        return;
    r->last = t;
    if (final) {
        fputs("\r\033[K", stderr);
        return;
    }
    unsigned long long got = atomic_load_explicit(&r->got, memory_order_relaxed), size = r->in ? input_size(r->in) : 0;
    double mb = (double)got / 1e6, rate = t > r->t0 ? mb / (t - r->t0) : 0;
    fprintf(stderr, "\rwhosaid: %llu articles, %.1f MB, %.1f MB/s", r->done, mb, rate);
    if (size && got <= size && rate > 0) {
        double left = ((double)size - (double)got) / 1e6 / rate;
        fprintf(stderr, ", %.0f%%, ETA %d:%02d", 100.0 * (double)got / (double)size, (int)left / 60,
                (int)left % 60);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
}

/* Write n bytes to stdout: through stdio, or, for a large block, straight to
 * the file after what stdio holds (no copy into its buffer). Returns 0 or an
 * errno value. */
enum { DIRECT_WRITE = 64 * 1024 };

static int write_out(const char *p, size_t n)
{
    if (n < DIRECT_WRITE) {
        if (n && fwrite(p, 1, n, stdout) != n) return errno ? errno : EIO;
        return ferror(stdout) ? EIO : 0;
    }
    if (fflush(stdout) != 0) return errno ? errno : EIO;
    while (n) {
        ssize_t k = write(STDOUT_FILENO, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return k < 0 ? errno : EIO;
        p += k, n -= (size_t)k;
    }
    return 0;
}

/* Finish a job: its output to stdout and its diagnostics to stderr. With
 * keep (the one-thread JSONL path, stdout not a terminal) the output of
 * successive articles is gathered in the job's buffer and written in blocks
 * of BATCH_OUT bytes, which go past stdio's buffer (flush_pending() writes
 * the rest). stdout is fully buffered then anyway. */
enum { BATCH_OUT = 256 * 1024 };

static void flush_one_(run *r, job *j, int keep)
{
    r->done++;
    progress(r, 0);
    int err = 0;
    if (!keep || j->lost || j->out.len >= BATCH_OUT) {
        err = write_out(j->out.p, j->out.len);
        j->out.len = 0;
    } else if (ferror(stdout)) {
        err = EIO;
    }
    if (j->diag.len && r->progress) fputs("\r\033[K", stderr);
    if (j->diag.len) fwrite(j->diag.p, 1, j->diag.len, stderr);
    if (j->rc > r->status) r->status = j->rc;
    if (err || j->lost) {
        fprintf(stderr, "whosaid: %s: %s\n", err ? "write error" : "output lost",
                strerror(err ? err : ENOMEM));
        r->status = RC_FATAL, r->stop = 1;
        j->out.len = 0;
    }
    j->diag.len = 0, j->id = NULL;
    j->out.oom = j->diag.oom = j->lost = j->rc = 0;
}

static void flush_one(run *r, job *j) { flush_one_(r, j, 0); }

/* What the one-thread path has gathered, written */
static void flush_pending(run *r)
{
    int err = r->job.out.len ? write_out(r->job.out.p, r->job.out.len) : 0;
    r->job.out.len = 0;
    if (err) {
        fprintf(stderr, "whosaid: write error: %s\n", strerror(err));
        r->status = RC_FATAL, r->stop = 1;
    }
}

static void flush_job(run *r) { flush_one(r, &r->job); }

/* After the last line: a read error, a corrupt compressed stream, or a line
 * too long to hold (ENOMEM) is reported with the line it stopped at. */
static void read_failed(run *r, input *fp, const char *name, size_t lineno)
{
    const char *why = input_error(fp);
    if (r->stop || (!why && errno != ENOMEM))
        return;
    int rc = !why ? RC_FATAL : RC_FAILED;
    if (r->progress) fputs("\r\033[K", stderr);
    fprintf(stderr, "whosaid: %s:%zu: %s\n", name, lineno + 1, why ? why : strerror(ENOMEM));
    if (rc > r->status) r->status = rc;
}

/* ---- -j N: N threads, each reading the next line, analysing it and, when
 * its turn comes, writing. No thread only reads or only writes: on a
 * machine with N cores that thread would take time from the analysing
 * ones, and a batch with a barrier (read all, analyse all, write all) left
 * a core idle while the other read, wrote, or finished the batch's last
 * article. Finished articles wait in a ring of RING_PER_THREAD * N slots
 * until those before them are written, so the output keeps the input order
 * and memory stays bounded by the ring, whatever the input's length. ---- */
enum { RING_PER_THREAD = 32 };

typedef struct slot {
    buf line; /* the input line, read straight into it */
    size_t lineno;
    int done; /* analysed, waiting to be written */
    job job;
} slot;

typedef struct pool {
    run *r;
    input *fp;
    const char *name;
    slot *ring;
    size_t nring;
    /* the reading: one thread at a time, in line order */
    pthread_mutex_t in_mu;
    size_t next;   /* lines read (the next line's index) */
    int eof;       /* no more lines: end of input, a read error, or stop */
    int read_errno;
    /* the ring and the writing */
    pthread_mutex_t mu;
    pthread_cond_t room; /* a slot was written, or the run stopped */
    size_t written;      /* lines written (the next to write) */
    int writing;         /* a thread is writing: the others leave it to it */
    int stop;            /* r->stop, seen under mu */
} pool;

/* A slot's buffers grow to the longest line and output they have held; over
 * a long input every slot would hold one of the longest. So a buffer larger
 * than SLOT_KEEP is given back once its article is written: memory stays
 * near one ring of ordinary articles whatever the input's length. */
enum { SLOT_KEEP = 32 * 1024 };

static void buf_trim(buf *b)
{
    if (b->cap > SLOT_KEEP) {
        free(b->p);
        b->p = NULL;
        b->len = b->cap = 0;
    }
}

static void slot_trim(slot *s)
{
    buf_trim(&s->line);
    buf_trim(&s->job.out);
    buf_trim(&s->job.diag);
    buf_trim(&s->job.tmp);
    if (s->job.fast_cap > SLOT_KEEP) {
        free(s->job.fast);
        s->job.fast = NULL;
        s->job.fast_cap = 0;
    }
}

/* The next line into its ring slot, once that slot is free. NULL at the end. */
static slot *read_next(pool *p)
{
    slot *s = NULL;
    pthread_mutex_lock(&p->in_mu);
    if (!p->eof) {
        /* the slot of line `next` is free once line next - nring is written */
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next - p->written >= p->nring)
            pthread_cond_wait(&p->room, &p->mu);
        if (p->stop) p->eof = 1;
        pthread_mutex_unlock(&p->mu);
    }
    if (!p->eof) {
        s = &p->ring[p->next % p->nring];
        errno = 0;
        ssize_t n = input_getline(p->fp, &s->line.p, &s->line.cap);
        if (n < 0) {
            p->eof = 1, p->read_errno = errno, s = NULL;
        } else {
            s->line.len = (size_t)n - (s->line.p[n - 1] == '\n');
            s->lineno = ++p->next;
            if (p->r->progress) atomic_store_explicit(&p->r->got, input_consumed(p->fp), memory_order_relaxed);
        }
    }
    pthread_mutex_unlock(&p->in_mu);
    return s;
}

/* Mark s analysed; then, unless another thread is writing, write every
 * analysed slot from the oldest unwritten line on, in order. */
static void finish(pool *p, slot *s)
{
    pthread_mutex_lock(&p->mu);
    s->done = 1;
    if (!p->writing) {
        p->writing = 1;
        for (slot *w; !p->stop && (w = &p->ring[p->written % p->nring])->done;) {
            /* the slot is this thread's alone until written is advanced */
            pthread_mutex_unlock(&p->mu);
            flush_one(p->r, &w->job);
            slot_trim(w);
            pthread_mutex_lock(&p->mu);
            w->done = 0;
            p->written++;
            p->stop = p->r->stop;
            pthread_cond_broadcast(&p->room);
        }
        p->writing = 0;
    }
    pthread_mutex_unlock(&p->mu);
}

static void *worker(void *arg)
{
    pool *p = arg;
    const run *r = p->r;
    for (slot *s; (s = read_next(p)) != NULL;) {
        process_line(r->cfg, &s->job, p->name, s->lineno, s->line.p, s->line.len);
        finish(p, s);
    }
    return NULL;
}

static void process_jsonl_threads(run *r, input *fp, const char *name)
{
    int nt = r->cfg->threads;
    pool p = {.r = r, .fp = fp, .name = name, .nring = (size_t)RING_PER_THREAD * (size_t)nt};
    p.ring = calloc(p.nring, sizeof *p.ring);
    pthread_t *tid = calloc((size_t)nt, sizeof *tid);
    if (!p.ring || !tid) {
        fprintf(stderr, "whosaid: out of memory\n");
        r->status = RC_FATAL, r->stop = 1;
        free(p.ring);
        free(tid);
        return;
    }
    pthread_mutex_init(&p.in_mu, NULL);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.room, NULL);
    int started = 0;
    for (int t = 1; t < nt; t++)
        if (pthread_create(&tid[t], NULL, worker, &p) == 0)
            started = t;
        else
            break;
    worker(&p); /* this thread is one of the N */
    for (int t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);
    errno = p.read_errno;
    read_failed(r, fp, name, p.next);
    for (size_t i = 0; i < p.nring; i++) {
        free(p.ring[i].line.p);
        free(p.ring[i].job.out.p), free(p.ring[i].job.diag.p), free(p.ring[i].job.tmp.p);
        free(p.ring[i].job.fast);
    }
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.mu);
    pthread_mutex_destroy(&p.in_mu);
    free(p.ring);
    free(tid);
}

static void process_jsonl(run *r, input *fp, const char *name)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    const char *view;
    /* each line read where it lies in the input's buffer, when whole there */
    for (ssize_t n; !r->stop && (errno = 0, n = input_getline_view(fp, &view, &line, &cap)) >= 0;
         flush_one_(r, &r->job, r->batch)) {
        if (r->progress) atomic_store_explicit(&r->got, input_consumed(fp), memory_order_relaxed);
        process_line(r->cfg, &r->job, name, ++lineno, view, (size_t)n - (view[n - 1] == '\n'));
    }
    flush_pending(r);
    read_failed(r, fp, name, lineno);
    free(line);
}

/* Read a whole plain-text article into b, up to max bytes (0: no limit).
 * Returns NULL, or why it failed (b->oom tells out of memory). */
static const char *read_article(input *fp, size_t max, buf *b)
{
    char chunk[65536];
    size_t n;
    b->len = b->oom = 0;
    if (!fp) return strerror(errno);
    while ((n = input_read(fp, chunk, sizeof chunk)) > 0) {
        if (max && n > max - b->len) return "article is longer than --max-article-bytes";
        if (buf_add(b, chunk, n)) return "out of memory";
    }
    return input_error(fp);
}

static void process_file(run *r, const char *path)
{
    const config *cfg = r->cfg;
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    input *fp = input_open(path); /* plain, gzip or zstd */
    r->in = fp;
    if (cfg->jsonl_in && fp && cfg->threads > 1) {
        process_jsonl_threads(r, fp, name);
    } else if (cfg->jsonl_in && fp) {
        process_jsonl(r, fp, name);
    } else if (cfg->jsonl_in) {
        fprintf(stderr, "whosaid: %s: %s\n", name, strerror(errno));
        if (r->status < RC_FAILED) r->status = RC_FAILED;
    } else { /* one output per plain-text article, even one that cannot be read */
        job *j = &r->job;
        char *id_json = NULL;
        const char *why = read_article(fp, cfg->wopts.max_bytes, &j->tmp);
        snprintf(j->where, sizeof j->where, "%s", name);
        j->label = name, j->line = 0;
        if (!(j->id = json_str(path)) || !(id_json = json_dumps(j->id, JSON_ENCODE_ANY)))
            fail(cfg, j, RC_FATAL, "out of memory");
        else if (why)
            fail(cfg, j, j->tmp.oom ? RC_FATAL : RC_FAILED, "%s", why);
        else
            process_article(cfg, j, j->tmp.len ? j->tmp.p : "", j->tmp.len, id_json);
        free(id_json);
        json_decref(j->id);
        flush_job(r);
    }
    input_close(fp);
    r->in = NULL;
}

static const char usage_text[] =
    "Usage: whosaid [OPTIONS] [FILE...]\n"
    "       whosaid --jsonl [OPTIONS] [FILE...]\n"
    "       whosaid eval GOLD.jsonl [--errors] [--json]   (see whosaid eval --help)\n"
    "       whosaid index --db FILE.db [FILE...]    store quotes in a quote bank\n"
    "       whosaid search --db FILE.db [QUERY...]  search it (whosaid search --help)\n"
    "       whosaid speakers --db FILE.db           its most quoted speakers\n"
    "       whosaid serve --db FILE.db [--port N]   browse it (http://127.0.0.1:8080/)\n"
    "Find the quotations in English news articles, who said them, and who met whom.\n"
    "Each FILE is one plain-text UTF-8 article; with no FILE, or for -, read stdin.\n"
    "Any FILE may be gzip- or zstd-compressed (told by its first bytes).\n"
    "With --jsonl each input line is a JSON object with a \"text\" string and an\n"
    "optional \"id\", and gives exactly one output line, in input order.\n"
    "\n"
    "  --jsonl                read JSON Lines instead of plain-text articles\n"
    "  --format text|jsonl    a readable report, or one JSON object per article\n"
    "                         (default: text on a terminal, jsonl otherwise)\n"
    "  --replace-invalid      invalid UTF-8 and NUL bytes become U+FFFD, not errors\n"
    "  --max-article-bytes N  fail longer articles (0: no limit; default 64 MiB)\n"
    "  --rules-only           do not use the learned models (for comparisons)\n"
    "  -j N                   analyse N articles at once with --jsonl (default: the\n"
    "                         number of cores); the output keeps the input order\n"
    "  --quiet                no per-article error messages on stderr, and no\n"
    "                         progress bar (shown on a terminal with --jsonl)\n"
    "  -h, --help             show this help and exit\n"
    "  --version              show the version and exit\n"
    "\n"
    "The output \"id\" is the input's \"id\", else the 0-based line number (--jsonl)\n"
    "or the file name (\"-\" for stdin). A failed article is reported on stderr as\n"
    "\"whosaid: FILE[:LINE]: message\" and in jsonl output replaced by a record\n"
    "{\"id\":ID or null,\"line\":N,\"error\":\"message\"} (\"line\" with --jsonl only).\n"
    "\n"
    "Exit status: 0 all articles analysed; 1 some articles or lines failed (not\n"
    "JSON, no \"text\", invalid UTF-8, too large, unreadable file), the rest were\n"
    "written; 2 usage error; 3 out of memory, or writing the output failed.\n"
    "\n"
    "whosaid eval scores the quotations found in a gold JSONL file's texts against\n"
    "its gold quotes, as ../shared/eval/score.py does.\n"
    "\n"
    "The quote bank commands keep articles, their quotations, speakers and\n"
    "meetings in an SQLite database with full-text search; each has its own\n"
    "--help. (An article file named eval, index, search, speakers or serve:\n"
    "write ./NAME.)\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("whosaid: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'whosaid --help' for more information.\n", stderr);
    return RC_USAGE;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v > SIZE_MAX) return -1;
    *out = (size_t)v;
    return 0;
}

/* Parse the options into cfg and move the file operands to argv[1..nfiles].
 * Returns -1 to go on, or the exit status to return at once. */
static int parse_args(int argc, char **argv, config *cfg, int *nfiles)
{
    int dashdash = 0;
    *nfiles = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i], *val = NULL, *eq;
        if (dashdash || a[0] != '-' || a[1] == '\0') {
            argv[1 + (*nfiles)++] = a;
            continue;
        }
        if (a[1] == '-' && (eq = strchr(a, '=')) != NULL) *eq = '\0', val = eq + 1;
        if (!strcmp(a, "-j") || !strncmp(a, "-j", 2)) { /* -j N, -jN */
            const char *v = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            char *end;
            long n = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || n < 1 || n > 256)
                return usage_error("-j needs a number of threads from 1 to 256, not '%s'", v ? v : "");
            cfg->threads = (int)n;
            continue;
        }
        int takes = !strcmp(a, "--format") || !strcmp(a, "--max-article-bytes");
        if (takes && !val && i + 1 >= argc) return usage_error("option '%s' needs a value", a);
        if (takes && !val) val = argv[++i];
        if (!takes && val) return usage_error("option '%s' takes no value", a);
        if (!strcmp(a, "--")) dashdash = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            return fputs(usage_text, stdout) < 0 || fflush(stdout) ? RC_FATAL : RC_OK;
        else if (!strcmp(a, "--version"))
            return printf("whosaid %s\n", ws_version()) < 0 || fflush(stdout) ? RC_FATAL : RC_OK;
        else if (!strcmp(a, "--jsonl")) cfg->jsonl_in = 1;
        else if (!strcmp(a, "--quiet")) cfg->quiet = 1;
        else if (!strcmp(a, "--replace-invalid")) cfg->wopts.flags |= WS_REPLACE_INVALID;
        else if (!strcmp(a, "--rules-only")) cfg->wopts.flags |= WS_RULES_ONLY;
        else if (!strcmp(a, "--format") && (!strcmp(val, "text") || !strcmp(val, "jsonl")))
            cfg->fmt = !strcmp(val, "text") ? FMT_TEXT : FMT_JSONL;
        else if (!strcmp(a, "--format"))
            return usage_error("--format must be text or jsonl, not '%s'", val);
        else if (!strcmp(a, "--max-article-bytes") && parse_size(val, &cfg->wopts.max_bytes))
            return usage_error("--max-article-bytes needs a byte count, not '%s'", val);
        else if (strcmp(a, "--max-article-bytes"))
            return usage_error("unknown option '%s'", a);
    }
    return -1;
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    /* Each article's arena is freed before the next one is made. By default
     * glibc gives the top of the heap back to the system when more than
     * 128 KiB are free, and makes the larger blocks (a long article's token
     * array) with mmap and unmaps them on free: every article then touches
     * fresh pages, a page fault each, about a twentieth of the run time on
     * a virtual machine. Kept instead, the next article reuses them. What
     * is kept is bounded: at most 64 MiB of free heap, and blocks of 32 MiB
     * or more (only a huge article's) are still mapped and unmapped. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    if (argc > 1 && !strcmp(argv[1], "eval")) return ws_cli_eval(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "index")) return ws_cli_index(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "search")) return ws_cli_search(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "speakers")) return ws_cli_speakers(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "serve")) return ws_cli_serve(argc - 1, argv + 1);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    config cfg = {.fmt = FMT_AUTO, .threads = cores > 0 && cores <= 256 ? (int)cores : 1,
                  .wopts = {.flags = 0, .max_bytes = (size_t)64 << 20}};
    json_object_seed(0); /* jansson's one global, set before any thread runs */
    run r = {.cfg = &cfg};
    int nfiles, rc = parse_args(argc, argv, &cfg, &nfiles);
    if (rc >= 0) return rc;
    int tty = isatty(STDOUT_FILENO);
    if (cfg.fmt == FMT_AUTO) cfg.fmt = tty ? FMT_TEXT : FMT_JSONL;
    cfg.headers = cfg.jsonl_in || nfiles > 1;
    char *obuf = malloc((size_t)1 << 20); /* freed only after fclose(stdout) */
    if (obuf) setvbuf(stdout, obuf, tty ? _IOLBF : _IOFBF, (size_t)1 << 20);
    r.progress = cfg.jsonl_in && !cfg.quiet && isatty(STDERR_FILENO);
    r.batch = !tty;
    r.t0 = r.last = now_s();
    if (nfiles == 0) process_file(&r, "-");
    for (int i = 0; i < nfiles && !r.stop; i++) process_file(&r, argv[1 + i]);
    progress(&r, 1);
    if (fclose(stdout) != 0 && !r.stop) {
        fprintf(stderr, "whosaid: write error: %s\n", strerror(errno));
        r.status = RC_FATAL;
    }
    free(obuf);
    free(r.job.out.p), free(r.job.diag.p), free(r.job.tmp.p), free(r.job.fast);
    return r.status;
}
