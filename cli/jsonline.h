/* jsonline.h - the fast path for a JSONL input line: its "id" and "text"
 * without building a jansson tree. See jsonline.c for why and for the rules. */
#ifndef WS_CLI_JSONLINE_H
#define WS_CLI_JSONLINE_H

#include <stddef.h>

typedef struct jl_result {
    const char *text; /* the decoded "text" (in the line itself, or in scratch) */
    size_t text_len;
    int has_id;       /* an "id" member was present */
    size_t id_off;    /* id: offset in scratch of the id as json_dumps(JSON_COMPACT | */
    size_t id_len;    /*     JSON_ENCODE_ANY) writes it, NUL-terminated */
    size_t label_off; /* and of its string value when a string (for text headers) */
    int id_is_string;
} jl_result;

/* Parse one line (any bytes, no newline). Returns 1 when the
 * line is an object that this fast path fully understood, with the results
 * in *res; the strings it refers to live in the line and in *scratch, which
 * is grown with realloc (*cap its size). Returns 0 when the caller must parse
 * the line with jansson instead: anything unusual, any error, invalid UTF-8
 * or a NUL byte, out of memory. An accepted line is valid UTF-8 without NUL. */
int jl_parse(const char *line, size_t len, char **scratch, size_t *cap, jl_result *res);

#endif
