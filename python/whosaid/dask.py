"""whosaid.dask - run whosaid over JSONL shards with Dask.

    from dask.distributed import Client
    from whosaid.dask import analyze_jsonl

    client = Client("tcp://scheduler:8786")          # or a LocalCluster
    analyze_jsonl("corpus/*.jsonl", "out/", client=client)

Every input line is a JSON object {"id": ..., "text": "..."}, as for
`whosaid --jsonl`. Every input line gives exactly one output line, in input
order: the FORMAT.md object of the article, or an error record
{"id": ..., "path": ..., "line": N, "error": "..."} for a line that cannot be
analysed (not JSON, no "text", invalid UTF-8, refused by the library).

The workers must be able to `import whosaid` (install the package on them).

No Parquet output: Debian packages neither pyarrow nor fastparquet.
"""
import json
import re

import dask.bag as db

from . import analyze_json

__all__ = ["analyze_jsonl", "process_line"]

_BAD = re.compile("[\x00\ud800-\udfff]")  # NUL, and bytes that were not UTF-8 (surrogateescape)


def _error(id, path, lineno, message):
    rec = {"id": id}
    if path is not None:
        rec["path"] = path
    if lineno is not None:
        rec["line"] = lineno
    rec["error"] = message
    return json.dumps(rec)  # ASCII: safe whatever the id holds


def process_line(line, *, path=None, lineno=None, replace_invalid=False, rules_only=False,
                 no_events=False, max_bytes=64 << 20):
    """One JSONL input line (str; its newline optional) to one output line
    (str, no newline): the FORMAT.md object, or an error record.

    The rules are those of `whosaid --jsonl`: a record without "id" gets its
    0-based line index as id when lineno (1-based) is known, else null; the
    error messages are the CLI's. Invalid UTF-8 arrives here as lone
    surrogates (read with errors="surrogateescape").
    """
    if line.endswith("\n"):
        line = line[:-1]
    if not line.strip(" \t\r"):
        return _error(None, path, lineno, "empty line")
    bad = _BAD.search(line)
    if bad and not replace_invalid:
        offset = len(line[:bad.start()].encode("utf-8", "surrogateescape"))
        return _error(None, path, lineno, "invalid UTF-8 or NUL at byte offset %d" % offset)
    if bad:
        line = _BAD.sub("\ufffd", line)
    try:
        rec = json.loads(line)
    except ValueError as e:
        return _error(None, path, lineno, "invalid JSON at column %d: %s"
                      % (getattr(e, "colno", 0), getattr(e, "msg", str(e))))
    if not isinstance(rec, dict):
        return _error(None, path, lineno, "not a JSON object")
    id = rec.get("id", lineno - 1 if lineno is not None else None)
    if "text" not in rec:
        return _error(rec.get("id"), path, lineno, 'no "text" field')
    if not isinstance(rec["text"], str):
        return _error(rec.get("id"), path, lineno, '"text" is not a string')
    try:
        return analyze_json(rec["text"], id=id, replace_invalid=replace_invalid,
                            rules_only=rules_only, no_events=no_events, max_bytes=max_bytes)
    except (ValueError, TypeError) as e:
        return _error(rec.get("id"), path, lineno, str(e))


def _process_partition(lines, whole_files, options):
    """A partition of (line, path) pairs to one string: its output lines,
    each ending in a newline (one element, so that an empty partition
    writes an empty file rather than an empty line)."""
    out = []
    current, lineno = None, 0
    for line, path in lines:
        if path != current:
            current, lineno = path, 0
        lineno += 1
        out.append(process_line(line, path=path, lineno=lineno if whole_files else None, **options))
        out.append("\n")
    return ["".join(out)]


def analyze_jsonl(paths_or_glob, output_dir, client=None, blocksize=None, *, overwrite=False,
                  storage_options=None, compression="infer", replace_invalid=False,
                  rules_only=False, no_events=False, max_bytes=64 << 20):
    """Analyse JSONL shards with Dask and write JSONL; return the output paths.

    paths_or_glob: a path, a glob ("corpus/*.jsonl", "s3://b/x/*.jsonl.gz")
        or a list of paths, as for dask.bag.read_text.
    output_dir: where to write part-00000.jsonl, part-00001.jsonl, ... one per
        partition, in input order (their concatenation lines up with the
        concatenated input, line for line).
    client: a dask.distributed Client. None: the current client if there is
        one, else Dask's local threaded scheduler (the library releases the
        GIL, so threads run in parallel).
    blocksize: None (default) makes one partition per input file, and error
        records then carry the line number and records without "id" get
        their line index as id, as with `whosaid --jsonl`. A size such as
        "64MiB" cuts large files into several partitions; then "line" is
        left out and a missing id is null.
    overwrite: output_dir may already hold part-*.jsonl files only when
        True; they are removed first (stale parts would otherwise remain).
    The remaining options are those of whosaid.analyze(); max_bytes
    defaults to the CLI's 64 MiB.
    """
    import fsspec.core

    options = dict(replace_invalid=replace_invalid, rules_only=rules_only, no_events=no_events,
                   max_bytes=max_bytes)
    fs, root = fsspec.core.url_to_fs(output_dir, **(storage_options or {}))
    stale = fs.glob(root.rstrip("/") + "/part-*.jsonl")
    if stale and not overwrite:
        raise FileExistsError("%s already holds %d part-*.jsonl files (pass overwrite=True)"
                              % (output_dir, len(stale)))
    if stale:
        fs.rm(stale)

    lines = db.read_text(paths_or_glob, blocksize=blocksize, compression=compression,
                         encoding="utf-8", errors="surrogateescape", linedelimiter="\n",
                         include_path=True, storage_options=storage_options)
    parts = lines.map_partitions(_process_partition, blocksize is None, options)
    if client is None:
        try:
            from distributed import default_client
            client = default_client()
        except (ImportError, ValueError):
            client = None
    return parts.to_textfiles(output_dir.rstrip("/") + "/*.jsonl",
                              name_function="part-{:05d}".format, encoding="utf-8",
                              storage_options=storage_options,
                              scheduler=client if client is not None else "threads")
