"""whosaid.dask on a real (local, multi-process) dask.distributed cluster."""
import glob
import json
import os

import pytest

import whosaid

dask = pytest.importorskip("dask", reason="python3-dask is not installed")
distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed")

from whosaid.dask import analyze_jsonl  # noqa: E402

ARTICLES = [
    "Harbour Board Chairman Daniel Okafor opened the terminal on Monday. "
    "\u201cThis terminal will carry two million passengers a year,\u201d Okafor said.",
    "Mayor Ilse Marrow met Daniel Okafor at the town hall. "
    "\"We waited %d years for this day,\" she told reporters.",
    "The minister said that the bridge would open in May.",
    "Nothing was said here at all.",
    "",
]


def make_shards(tmp_path):
    """3 shards, 30 lines, a few of them broken. Returns ([paths], lines)."""
    shards = [[], [], []]
    n = 0
    for i in range(27):
        text = ARTICLES[i % len(ARTICLES)]
        if "%d" in text:
            text = text % i
        shards[i % 3].append(json.dumps({"id": "doc-%d" % i, "text": text}, ensure_ascii=i % 2 == 0))
        n += 1
    shards[0].insert(2, '{"id": "broken", "text": "unterminated')          # not JSON
    shards[1].insert(0, json.dumps({"text": "\"Hi,\" said Ana Duarte."}))  # no id
    shards[2].insert(4, json.dumps({"id": "nul", "text": "bad\x00text"}))  # refused by the library
    paths = []
    for k, lines in enumerate(shards):
        path = tmp_path / ("shard-%d.jsonl" % k)
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        paths.append(str(path))
    return paths, shards


def expected(line, lineno):
    rec = json.loads(line)
    return whosaid.analyze(rec["text"], id=rec.get("id", lineno - 1))


def read_output(out_dir):
    files = sorted(glob.glob(os.path.join(out_dir, "part-*.jsonl")))
    lines = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            content = fh.read()
        assert content == "" or content.endswith("\n")
        lines.append(content.splitlines())
    return files, lines


def check(shards, out_lines):
    assert [len(x) for x in out_lines] == [len(x) for x in shards]
    errors = []
    for shard, outs in zip(shards, out_lines):
        for lineno, (line, out) in enumerate(zip(shard, outs), 1):
            got = json.loads(out)
            if "error" in got:
                errors.append(got)
                continue
            assert got == expected(line, lineno)
    return errors


def test_blocksize_without_a_cluster(tmp_path):
    # several partitions per file, on the local threaded scheduler
    paths, shards = make_shards(tmp_path)
    out_dir = str(tmp_path / "out")
    analyze_jsonl(paths, out_dir, blocksize=300)
    files, out_lines = read_output(out_dir)
    assert len(files) > 3
    flat_in = [line for shard in shards for line in shard]
    flat_out = [line for part in out_lines for line in part]
    assert len(flat_out) == len(flat_in) == 30
    errors = []
    for line, out in zip(flat_in, flat_out):
        got = json.loads(out)
        if "error" in got:
            assert "line" not in got  # unknown when a partition starts inside a file
            errors.append(got["id"])
            continue
        rec = json.loads(line)
        assert got == whosaid.analyze(rec["text"], id=rec.get("id"))  # no id: null
    assert errors == [None, "nul"]


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      scheduler_port=0, dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def test_analyze_jsonl_on_local_cluster(tmp_path, client):
    paths, shards = make_shards(tmp_path)
    out_dir = str(tmp_path / "out")
    written = analyze_jsonl(str(tmp_path / "shard-*.jsonl"), out_dir, client=client)
    files, out_lines = read_output(out_dir)
    assert [os.path.basename(f) for f in files] == ["part-00000.jsonl", "part-00001.jsonl",
                                                    "part-00002.jsonl"]
    assert sorted(os.path.abspath(p) for p in written) == [os.path.abspath(f) for f in files]
    assert sum(map(len, out_lines)) == 30
    errors = check(shards, out_lines)
    assert [(e["id"], e["line"], os.path.basename(e["path"])) for e in errors] == [
        (None, 3, "shard-0.jsonl"), ("nul", 5, "shard-2.jsonl")]
    assert errors[0]["error"].startswith("invalid JSON")
    assert errors[1] == {"id": "nul", "path": errors[1]["path"], "line": 5,
                         "error": "NUL byte at byte offset 3"}
    # the record without an id gets its 0-based line index, as with whosaid --jsonl
    assert json.loads(out_lines[1][0])["id"] == 0

    # stale outputs are refused, then replaced on request
    with pytest.raises(FileExistsError):
        analyze_jsonl(paths, out_dir, client=client)
    analyze_jsonl(paths, out_dir, client=client, overwrite=True)
    assert read_output(out_dir)[1] == out_lines


def test_broken_lines(tmp_path, client):
    # raw invalid UTF-8, an empty line, a non-object, a record without text
    path = tmp_path / "raw.jsonl"
    good = json.dumps({"id": 1, "text": "\"Go,\" said Ana Duarte."})
    path.write_bytes(b"\n".join([
        good.encode(), b'{"id": 2, "text": "caf\xe9"}', b"   ", b"[1, 2]", b'{"id": 5}',
        b'{"id": 6, "text": 7}', good.encode(), b""]))
    out = str(tmp_path / "out")
    analyze_jsonl(str(path), out, client=client)
    recs = [json.loads(x) for x in read_output(out)[1][0]]
    assert len(recs) == 7
    assert recs[0] == recs[6] == whosaid.analyze("\"Go,\" said Ana Duarte.", id=1)
    assert [(r["id"], r["line"], r["error"]) for r in recs[1:6]] == [
        (None, 2, "invalid UTF-8 or NUL at byte offset 22"),
        (None, 3, "empty line"),
        (None, 4, "not a JSON object"),
        (5, 5, 'no "text" field'),
        (6, 6, '"text" is not a string')]
    # with replace_invalid the bad byte becomes U+FFFD
    analyze_jsonl(str(path), out, client=client, overwrite=True, replace_invalid=True)
    recs = [json.loads(x) for x in read_output(out)[1][0]]
    assert recs[1] == whosaid.analyze("caf\ufffd", id=2)
