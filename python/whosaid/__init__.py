"""whosaid - who said what, and who met whom, in news text.

A thin binding of libwhosaid (include/whosaid.h). ``analyze`` returns the
JSON object of ../shared/eval/FORMAT.md as a dict, the same object that
``whosaid --format jsonl`` writes for one article. Offsets are code points
into the text, so they index the Python string directly::

    >>> import whosaid
    >>> doc = whosaid.analyze('"We are ready," said Ana Duarte.', id="a1")
    >>> q = doc["quotes"][0]
    >>> q["text"], q["speaker"]
    ('"We are ready,"', 'Ana Duarte')

The library releases the GIL while it analyses, so ``analyze_many`` runs
articles on several threads at once.
"""
import json
import os
import re
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from . import _whosaid

__all__ = ["analyze", "analyze_json", "analyze_many", "version", "__version__"]

__version__ = _whosaid.VERSION

_SURROGATE = re.compile("[\ud800-\udfff]")


def version():
    """The version of libwhosaid, e.g. '0.1.0'."""
    return _whosaid.version()


def _id_json(id):
    if id is None:
        return None
    s = json.dumps(id, ensure_ascii=False, allow_nan=False)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates in the id: escape them
        s = json.dumps(id, allow_nan=False)
    return s


def analyze_json(text, *, id=None, replace_invalid=False, rules_only=False, no_events=False,
                 max_bytes=0):
    """Like analyze(), but return the JSON text itself: one line, no newline.

    This is exactly the line ``whosaid --format jsonl`` writes (without its
    trailing newline), produced by ws_doc_write_json().
    """
    flags = ((_whosaid.REPLACE_INVALID if replace_invalid else 0)
             | (_whosaid.RULES_ONLY if rules_only else 0)
             | (_whosaid.NO_EVENTS if no_events else 0))
    id_json = _id_json(id)
    try:
        return _whosaid.analyze_json(text, id_json, flags, max_bytes)
    except UnicodeEncodeError:
        # A str with lone surrogates has no UTF-8 form. Each becomes U+FFFD
        # when replacing (one code point, so offsets still index the str);
        # otherwise the library sees the bytes and reports its own error.
        if replace_invalid:
            text = _SURROGATE.sub("\ufffd", text)
        else:
            text = text.encode("utf-8", "surrogatepass")
        return _whosaid.analyze_json(text, id_json, flags, max_bytes)


def analyze(text, *, id=None, replace_invalid=False, rules_only=False, no_events=False,
            max_bytes=0):
    """Find the quotations, speakers, people and meetings of one article.

    text: the article, a str (or bytes holding UTF-8).
    id: any JSON-serialisable value, reported as "id" (default None: null).
    replace_invalid: invalid UTF-8, NUL characters and lone surrogates
        become U+FFFD instead of raising ValueError (WS_REPLACE_INVALID).
    rules_only: leave the learned cue detector out (WS_RULES_ONLY).
    no_events: skip the meeting detector (WS_NO_EVENTS).
    max_bytes: refuse a longer UTF-8 text with ValueError; 0 = no limit.

    Returns the FORMAT.md object: {"id", "quotes", "entities", "events"}.
    Raises ValueError with the library's message for input it refuses,
    TypeError for text that is neither str nor bytes, MemoryError when out
    of memory.
    """
    return json.loads(analyze_json(text, id=id, replace_invalid=replace_invalid,
                                   rules_only=rules_only, no_events=no_events,
                                   max_bytes=max_bytes))


def _analyze_item(item, opts):
    if isinstance(item, (str, bytes)):
        return analyze(item, **opts)
    return analyze(item["text"], id=item.get("id"), **opts)


def analyze_many(items, threads=None, **options):
    """Analyse many articles on `threads` threads; yield dicts in input order.

    items: an iterable of texts (str or bytes), or of mappings with "text"
        and optionally "id" (the records of a JSONL file).
    threads: number of worker threads (default: os.cpu_count()); 1 runs
        in the calling thread.
    options: the keyword options of analyze().

    The results equal [analyze(...) for each item]. At most 4 * threads
    articles are in flight, so the iterable may be long or endless. The first
    item that fails raises its exception from the iterator (ValueError for
    input the library refuses); the articles still queued are cancelled.
    """
    if threads is None:
        threads = os.cpu_count() or 1
    if not isinstance(threads, int) or threads < 1:
        raise ValueError("threads must be a positive integer, not %r" % (threads,))
    if threads == 1:
        for item in items:
            yield _analyze_item(item, options)
        return
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="whosaid")
    pending = deque()
    try:
        for item in items:
            pending.append(pool.submit(_analyze_item, item, options))
            if len(pending) >= 4 * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
