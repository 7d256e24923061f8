/* The pipeline and the public accessors. */
#include "internal.h"

#include <stdlib.h>

static void build_public(ws_doc *d)
{
    d->pub_quotes = ws_alloc(&d->arena, (d->quotes.n + 1) * sizeof *d->pub_quotes);
    for (size_t i = 0; i < d->quotes.n; i++) {
        const quote *q = &d->quotes.v[i];
        ws_quote *p = &d->pub_quotes[i];
        p->content = q->content.v;
        p->n_content = q->content.n;
        p->has_cue = q->cue1 > q->cue0;
        if (p->has_cue) {
            p->cue.start = d->toks.v[q->cue0].start;
            p->cue.end = d->toks.v[q->cue1 - 1].end;
        }
        p->has_source = q->has_src_span;
        p->source = q->src_span;
        p->entity = q->source >= 0 ? d->ments.v[q->source].entity : -1;
        p->colon_cue = q->colon;
        p->type = q->type;
        p->confidence = q->conf;
    }
    d->pub_ents = ws_alloc(&d->arena, (d->ents.n + 1) * sizeof *d->pub_ents);
    for (size_t i = 0; i < d->ents.n; i++) {
        const entity *e = &d->ents.v[i];
        ws_entity *p = &d->pub_ents[i];
        p->id = (int)i;
        p->name = e->name;
        p->type = e->type;
        p->titles = e->titles.v;
        p->n_titles = e->titles.n;
        p->mentions = e->mentions.v;
        p->n_mentions = e->mentions.n;
    }
    d->pub_events = ws_alloc(&d->arena, (d->events.n + 1) * sizeof *d->pub_events);
    for (size_t i = 0; i < d->events.n; i++) {
        const event *e = &d->events.v[i];
        ws_event *p = &d->pub_events[i];
        p->type = e->type;
        p->participants = e->participants.v;
        p->n_participants = e->participants.n;
        p->when = e->when;
        p->when_span = e->when_span;
        p->span = e->span;
    }
}

ws_status ws_analyze(const char *text, size_t len, const ws_options *opts, ws_doc **out,
                     ws_error *err)
{
    return ws_analyze_internal(text, len, opts, 0, out, err);
}

ws_status ws_analyze_internal(const char *text, size_t len, const ws_options *opts,
                              unsigned internal_flags, ws_doc **out, ws_error *err)
{
    if (err) {
        err->code = WS_OK;
        err->message[0] = 0;
    }
    if (out)
        *out = NULL;
    if (!out || (!text && len)) {
        ws_set_error(err, WS_ERR_ARG, "ws_analyze: NULL argument");
        return WS_ERR_ARG;
    }
    ws_options o = opts ? *opts : (ws_options){0};
    if (o.flags & ~(unsigned)(WS_REPLACE_INVALID | WS_NO_EVENTS | WS_RULES_ONLY)) {
        ws_set_error(err, WS_ERR_ARG, "ws_analyze: unknown option flags 0x%x", o.flags);
        return WS_ERR_ARG;
    }
    if (len >= (size_t)UINT32_MAX / 4) {
        ws_set_error(err, WS_ERR_TOO_LARGE, "article of %zu bytes: whosaid reads articles up to 1 GiB",
                     len);
        return WS_ERR_TOO_LARGE;
    }
    if (o.max_bytes && len > o.max_bytes) {
        ws_set_error(err, WS_ERR_TOO_LARGE, "article of %zu bytes is larger than the limit of %zu",
                     len, o.max_bytes);
        return WS_ERR_TOO_LARGE;
    }
    ws_doc *d = calloc(1, sizeof *d);
    jmp_buf *oom = malloc(sizeof *oom);
    if (!d || !oom) {
        free(d);
        free(oom);
        ws_set_error(err, WS_ERR_NOMEM, "out of memory");
        return WS_ERR_NOMEM;
    }
    d->arena.oom = oom;
    d->flags = o.flags | (internal_flags & (WS_INTERNAL_LOG_BOUNDS | WS_INTERNAL_NO_FILTER |
                                          WS_INTERNAL_LOG_SOURCES | WS_INTERNAL_LOG_STARTS));
    if (setjmp(*oom)) {
        ws_arena_free(&d->arena);
        free(d);
        free(oom);
        ws_set_error(err, WS_ERR_NOMEM, "out of memory");
        return WS_ERR_NOMEM;
    }
    ws_status st = ws_text_decode(d, text ? text : "", len, err);
    if (st != WS_OK) {
        ws_arena_free(&d->arena);
        free(d);
        free(oom);
        return st;
    }
    ws_text_tokenize(d);
    ws_text_sentences(d);
    ws_quotes_find(d);
    ws_mentions_find(d);
    ws_speakers_attribute(d);
    ws_entities_resolve(d);
    if (!(o.flags & WS_NO_EVENTS))
        ws_events_find(d);
    build_public(d);
    d->arena.oom = NULL; /* no allocation happens after this point */
    free(oom);
    *out = d;
    return WS_OK;
}

void ws_doc_free(ws_doc *d)
{
    if (!d)
        return;
    ws_arena_free(&d->arena);
    free(d);
}

size_t ws_doc_quote_count(const ws_doc *d) { return d ? d->quotes.n : 0; }
const ws_quote *ws_doc_quote(const ws_doc *d, size_t i)
{
    return d && i < d->quotes.n ? &d->pub_quotes[i] : NULL;
}
size_t ws_doc_entity_count(const ws_doc *d) { return d ? d->ents.n : 0; }
const ws_entity *ws_doc_entity(const ws_doc *d, size_t i)
{
    return d && i < d->ents.n ? &d->pub_ents[i] : NULL;
}
size_t ws_doc_event_count(const ws_doc *d) { return d ? d->events.n : 0; }
const ws_event *ws_doc_event(const ws_doc *d, size_t i)
{
    return d && i < d->events.n ? &d->pub_events[i] : NULL;
}
size_t ws_doc_length(const ws_doc *d) { return d ? d->n : 0; }

size_t ws_doc_span_text(const ws_doc *d, ws_span s, char *buf, size_t size)
{
    if (!d || s.start > s.end || s.end > d->n) {
        if (buf && size)
            buf[0] = 0;
        return 0;
    }
    size_t need = d->boff[s.end] - d->boff[s.start];
    if (buf && size) {
        size_t k = need < size - 1 ? need : size - 1;
        memcpy(buf, d->utf8 + d->boff[s.start], k);
        buf[k] = 0;
    }
    return need;
}

const char *ws_status_string(ws_status s)
{
    switch (s) {
    case WS_OK: return "ok";
    case WS_ERR_NOMEM: return "out of memory";
    case WS_ERR_UTF8: return "invalid UTF-8";
    case WS_ERR_TOO_LARGE: return "input too large";
    case WS_ERR_ARG: return "invalid argument";
    case WS_ERR_IO: return "output error";
    }
    return "unknown status";
}

const char *ws_version(void) { return WS_VERSION; }
