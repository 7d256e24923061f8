/* input.h - read plain, gzip or zstd files alike, line by line or whole. */
#ifndef WS_CLI_INPUT_H
#define WS_CLI_INPUT_H

#include <stdio.h>
#include <sys/types.h>

typedef struct input input;

/* Open path ("-" = stdin). The compression is told by the first bytes, not
 * by the file name. Returns NULL with errno set on failure. */
input *input_open(const char *path);

/* Like getline(3): the next line with its newline, *line grown as needed.
 * Returns its length, or -1 at the end or on error (see input_error). */
ssize_t input_getline(input *in, char **line, size_t *cap);
/* input_getline() that copies only a line the buffer does not hold whole:
 * *view is the line, in the buffer (valid until the next read) or in
 * *line. No NUL after it. */
ssize_t input_getline_view(input *in, const char **view, char **line, size_t *cap);

/* Like fread(3). */
size_t input_read(input *in, void *buf, size_t n);

/* NULL, or what went wrong while reading (a corrupt stream, an I/O error). */
const char *input_error(const input *in);

/* Bytes consumed from the underlying file so far, and its size (0 if not
 * known, as for a pipe): for the progress bar. */
unsigned long long input_consumed(const input *in);
unsigned long long input_size(const input *in);

void input_close(input *in);

#endif
