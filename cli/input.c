/* input.c - plain, gzip (zlib) and zstd (libzstd) input behind one reader,
 * so corpora can be analysed without unpacking them first. Memory stays
 * bounded: one compressed and one decompressed buffer per open file. */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

enum kind { PLAIN, GZIP, ZSTD };
enum { CHUNK = 1 << 17 };

struct input {
    enum kind kind;
    FILE *fp;
    int is_stdin;
    unsigned long long size, consumed;
    const char *err;
    /* decompressed bytes waiting to be handed out */
    unsigned char *out;
    size_t out_pos, out_len;
    int eof;
    /* compressed side */
    unsigned char *in;
    size_t in_len;
    z_stream z;
    int z_ready, z_ended; /* z_ended: the last gzip member ended cleanly */
    size_t zstd_left;     /* ZSTD_decompressStream's hint: 0 at a frame's end */
    ZSTD_DCtx *zd;
    ZSTD_inBuffer zin;
};

input *input_open(const char *path)
{
    input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->is_stdin = strcmp(path, "-") == 0;
    in->fp = in->is_stdin ? stdin : fopen(path, "rb");
    if (!in->fp) {
        int e = errno;
        free(in);
        errno = e;
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(in->fp), &st) == 0 && S_ISREG(st.st_mode))
        in->size = (unsigned long long)st.st_size;
    in->in = malloc(CHUNK);
    in->out = malloc(CHUNK);
    if (!in->in || !in->out) {
        input_close(in);
        errno = ENOMEM;
        return NULL;
    }
    /* sniff the first bytes; they stay in in->in for the decoder */
    in->in_len = fread(in->in, 1, CHUNK, in->fp);
    in->consumed = in->in_len;
    if (in->in_len >= 2 && in->in[0] == 0x1f && in->in[1] == 0x8b) {
        in->kind = GZIP;
        if (inflateInit2(&in->z, 15 + 32) != Z_OK) { /* +32: gzip and zlib headers */
            input_close(in);
            errno = ENOMEM;
            return NULL;
        }
        in->z_ready = 1;
        in->z.next_in = in->in;
        in->z.avail_in = (uInt)in->in_len;
    } else if (in->in_len >= 4 && in->in[0] == 0x28 && in->in[1] == 0xb5 && in->in[2] == 0x2f &&
               in->in[3] == 0xfd) {
        in->kind = ZSTD;
        in->zd = ZSTD_createDCtx();
        if (!in->zd) {
            input_close(in);
            errno = ENOMEM;
            return NULL;
        }
        in->zin = (ZSTD_inBuffer){in->in, in->in_len, 0};
        in->zstd_left = 1;
    } else {
        /* plain: what was sniffed is the first output */
        unsigned char *t = in->out;
        in->out = in->in;
        in->in = t;
        in->out_len = in->in_len;
        in->in_len = 0;
    }
    return in;
}

/* Refill in->out; sets in->eof at the end of the data. */
static void refill(input *in)
{
    in->out_pos = in->out_len = 0;
    while (!in->eof && in->out_len == 0) {
        if (in->kind == PLAIN) {
            in->out_len = fread(in->out, 1, CHUNK, in->fp);
            in->consumed += in->out_len;
            if (in->out_len == 0) {
                if (ferror(in->fp))
                    in->err = strerror(errno ? errno : EIO);
                in->eof = 1;
            }
        } else if (in->kind == GZIP) {
            if (in->z.avail_in == 0) {
                in->in_len = fread(in->in, 1, CHUNK, in->fp);
                in->consumed += in->in_len;
                in->z.next_in = in->in;
                in->z.avail_in = (uInt)in->in_len;
                if (in->in_len == 0) {
                    if (ferror(in->fp))
                        in->err = strerror(errno ? errno : EIO);
                    else if (!in->z_ended)
                        in->err = "truncated gzip stream";
                    in->eof = 1;
                    break;
                }
            }
            if (in->z_ended) { /* another member follows: cat a.gz b.gz */
                if (inflateReset(&in->z) != Z_OK) {
                    in->err = "gzip: cannot start the next member";
                    in->eof = 1;
                    break;
                }
                in->z_ended = 0;
            }
            in->z.next_out = in->out;
            in->z.avail_out = CHUNK;
            int rc = inflate(&in->z, Z_NO_FLUSH);
            in->out_len = CHUNK - in->z.avail_out;
            if (rc == Z_STREAM_END) {
                in->z_ended = 1;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                in->err = in->z.msg ? in->z.msg : "corrupt gzip stream";
                in->eof = 1;
            }
        } else { /* ZSTD */
            if (in->zin.pos == in->zin.size) {
                in->in_len = fread(in->in, 1, CHUNK, in->fp);
                in->consumed += in->in_len;
                in->zin = (ZSTD_inBuffer){in->in, in->in_len, 0};
                if (in->in_len == 0) {
                    if (ferror(in->fp))
                        in->err = strerror(errno ? errno : EIO);
                    else if (in->zstd_left != 0)
                        in->err = "truncated zstd stream";
                    in->eof = 1;
                    break;
                }
            }
            ZSTD_outBuffer zout = {in->out, CHUNK, 0};
            size_t rc = ZSTD_decompressStream(in->zd, &zout, &in->zin);
            in->out_len = zout.pos;
            if (ZSTD_isError(rc)) {
                in->err = ZSTD_getErrorName(rc);
                in->eof = 1;
            } else {
                in->zstd_left = rc;
            }
        }
    }
}

size_t input_read(input *in, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        if (in->out_pos == in->out_len) {
            if (in->eof)
                break;
            refill(in);
            if (in->out_len == 0)
                break;
        }
        size_t k = in->out_len - in->out_pos;
        if (k > n - got)
            k = n - got;
        memcpy((char *)buf + got, in->out + in->out_pos, k);
        in->out_pos += k;
        got += k;
    }
    return got;
}

ssize_t input_getline(input *in, char **line, size_t *cap)
{
    size_t len = 0;
    for (;;) {
        if (in->out_pos == in->out_len) {
            if (!in->eof)
                refill(in);
            if (in->out_len == 0)
                break;
        }
        unsigned char *start = in->out + in->out_pos;
        size_t avail = in->out_len - in->out_pos;
        unsigned char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) + 1 : avail;
        if (len + take + 1 > *cap) {
            size_t nc = *cap ? *cap : 256;
            while (nc < len + take + 1)
                nc *= 2;
            char *p = realloc(*line, nc);
            if (!p) {
                errno = ENOMEM;
                return -1;
            }
            *line = p;
            *cap = nc;
        }
        memcpy(*line + len, start, take);
        len += take;
        in->out_pos += take;
        if (nl)
            break;
    }
    if (len == 0)
        return -1;
    (*line)[len] = 0;
    return (ssize_t)len;
}

ssize_t input_getline_view(input *in, const char **view, char **line, size_t *cap)
{
    if (in->out_pos < in->out_len) {
        unsigned char *start = in->out + in->out_pos;
        unsigned char *nl = memchr(start, '\n', in->out_len - in->out_pos);
        if (nl) {
            size_t take = (size_t)(nl - start) + 1;
            in->out_pos += take;
            *view = (const char *)start;
            return (ssize_t)take;
        }
    }
    ssize_t n = input_getline(in, line, cap);
    *view = *line;
    return n;
}

const char *input_error(const input *in) { return in->err; }
unsigned long long input_consumed(const input *in) { return in->consumed; }
unsigned long long input_size(const input *in) { return in->size; }

void input_close(input *in)
{
    if (!in)
        return;
    if (in->z_ready)
        inflateEnd(&in->z);
    if (in->zd)
        ZSTD_freeDCtx(in->zd);
    if (in->fp && !in->is_stdin)
        fclose(in->fp);
    free(in->in);
    free(in->out);
    free(in);
}
