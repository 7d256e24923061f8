"""Tests of the whosaid Python binding.

Run from the repository root with  /usr/bin/python3 -m pytest python/tests
(after `cd python && python3 setup.py build_ext --inplace`, or after
installing the package).
"""
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import whosaid

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WHOSAID_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "data" / "seed" / "meeting-report.txt"
CLI = ROOT / "build" / "whosaid"

# An invented article: a direct quote with a surname, an indirect one with a
# pronoun, and a direct one in curly quotes after a non-ASCII character (so
# that code-point offsets differ from byte offsets), plus a meeting.
ARTICLE = (
    "Harbour Board Chairman Daniel Okafor opened the new ferry terminal in Pörtvale on Monday.\n"
    "\u201cThis terminal will carry two million passengers a year,\u201d Okafor said.\n"
    "He added that the old pier would close in March.\n"
    "Later, Mayor Ilse Marrow met Okafor at the town hall. "
    "\"We waited twenty years for this day,\" she told reporters.\n"
)

EXPECTED = [
    # text, type, cue_text, source_text, speaker
    ("\u201cThis terminal will carry two million passengers a year,\u201d", "direct", "said",
     "Okafor", "Daniel Okafor"),
    ("that the old pier would close in March", "indirect", "added", "He", "Daniel Okafor"),
    ("\"We waited twenty years for this day,\"", "direct", "told", "she", "Ilse Marrow"),
]

QUOTE_KEYS = {"content", "text", "type", "cue", "cue_text", "source", "source_text", "speaker",
              "entity", "confidence"}
ENTITY_KEYS = {"id", "name", "type", "titles", "mentions"}
EVENT_KEYS = {"type", "participants", "when", "span"}


def span_text(text, span):
    return "".join(text[s:e] for s, e in span)


# ---- analyze ----

def test_version():
    assert whosaid.version() == whosaid.__version__
    assert whosaid.version().count(".") == 2


def test_quotes_and_speakers():
    doc = whosaid.analyze(ARTICLE, id="ferry-1")
    assert doc["id"] == "ferry-1"
    got = [(q["text"], q["type"], q["cue_text"], q["source_text"], q["speaker"]) for q in doc["quotes"]]
    assert got == EXPECTED
    names = [e["name"] for e in doc["entities"]]
    assert names == ["Daniel Okafor", "Ilse Marrow"]
    assert doc["entities"][0]["titles"] == ["Harbour Board Chairman"]
    assert doc["entities"][1]["titles"] == ["Mayor"]
    assert [q["entity"] for q in doc["quotes"]] == [0, 0, 1]
    assert len(doc["events"]) == 1
    assert doc["events"][0]["type"] == "meeting"
    assert sorted(doc["events"][0]["participants"]) == [0, 1]


def test_offsets_are_code_points_into_the_str():
    doc = whosaid.analyze(ARTICLE)
    for q in doc["quotes"]:
        assert span_text(ARTICLE, q["content"]) == q["text"]
        assert span_text(ARTICLE, q["cue"]) == q["cue_text"]
        assert span_text(ARTICLE, q["source"]) == q["source_text"]
    for e in doc["entities"]:
        for s, e_ in e["mentions"]:
            assert 0 <= s < e_ <= len(ARTICLE)


def test_schema():
    doc = whosaid.analyze(ARTICLE)
    assert set(doc) == {"id", "quotes", "entities", "events"}
    assert doc["id"] is None
    for q in doc["quotes"]:
        assert QUOTE_KEYS <= set(q)
        assert q["type"] in ("direct", "mixed", "indirect")
        assert all(isinstance(s, list) and len(s) == 2 for s in q["content"])
        assert q["cue"] is None or len(q["cue"]) == 1
        assert 0.0 <= q["confidence"] <= 1.0
    for e in doc["entities"]:
        assert ENTITY_KEYS <= set(e)
        assert e["type"] in ("person", "organization")
    assert [e["id"] for e in doc["entities"]] == list(range(len(doc["entities"])))
    for ev in doc["events"]:
        assert EVENT_KEYS <= set(ev)


@pytest.mark.parametrize("id", ["doc-1", 17, None, {"a": [1, 2]}, "caf\u00e9 \u201cx\u201d", "lone \ud800"])
def test_ids(id):
    assert whosaid.analyze("Nothing was said.", id=id)["id"] == id


def test_analyze_json_is_one_line_of_json():
    line = whosaid.analyze_json(ARTICLE, id="x")
    assert "\n" not in line
    assert json.loads(line) == whosaid.analyze(ARTICLE, id="x")


def test_bytes_input_equals_str_input():
    assert whosaid.analyze(ARTICLE.encode("utf-8")) == whosaid.analyze(ARTICLE)


def test_empty_text():
    assert whosaid.analyze("") == {"id": None, "quotes": [], "entities": [], "events": []}


def test_options():
    assert whosaid.analyze(ARTICLE, no_events=True)["events"] == []
    assert whosaid.analyze(ARTICLE, rules_only=True)["quotes"]


@pytest.mark.skipif(not CLI.exists(), reason="build/whosaid not built (run make)")
def test_same_as_cli(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = subprocess.run([str(CLI), "--format", "jsonl", str(path)], check=True,
                         capture_output=True).stdout.decode("utf-8")
    assert out == whosaid.analyze_json(ARTICLE, id=str(path)) + "\n"


# ---- errors ----

def test_nul_character_is_a_value_error():
    with pytest.raises(ValueError, match="NUL"):
        whosaid.analyze("He said \"no\x00thing.\"")


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError, match="UTF-8"):
        whosaid.analyze("He said \"no\ud800thing.\"")


def test_invalid_utf8_bytes_are_a_value_error():
    with pytest.raises(ValueError, match="invalid UTF-8 at byte offset 3"):
        whosaid.analyze(b"abc\xff def")


def test_replace_invalid_keeps_offsets():
    text = "\"Hi\ud800 there,\" he said. \"Fine\x00,\" said Ana Duarte."
    doc = whosaid.analyze(text, replace_invalid=True)
    assert [q["text"] for q in doc["quotes"]] == ["\"Hi\ufffd there,\"", "\"Fine\ufffd,\""]
    for q in doc["quotes"]:
        assert span_text(text, q["content"]).replace("\ud800", "\ufffd").replace("\x00", "\ufffd") == q["text"]


def test_max_bytes():
    with pytest.raises(ValueError, match="larger than the limit"):
        whosaid.analyze(ARTICLE, max_bytes=10)
    with pytest.raises(ValueError):
        whosaid.analyze(ARTICLE, max_bytes=-1)
    assert whosaid.analyze(ARTICLE, max_bytes=len(ARTICLE.encode()))["quotes"]


def test_type_errors():
    with pytest.raises(TypeError):
        whosaid.analyze(42)
    with pytest.raises(TypeError):
        whosaid.analyze(bytearray(b"mutable"))
    with pytest.raises(TypeError):
        whosaid.analyze("x", id=object())
    with pytest.raises(ValueError):
        whosaid.analyze("x", id=float("nan"))


# ---- analyze_many ----

def corpus():
    base = [ARTICLE, "Nothing was said.", "", "\"Go,\" said Ana Duarte. She left."]
    texts = []
    for i in range(40):
        t = base[i % len(base)]
        texts.append(t.replace("twenty", str(i)).replace("Duarte", "Duarte%d" % i if i % 3 else "Duarte"))
    return texts


def test_analyze_many_keeps_order_and_equals_sequential():
    texts = corpus()
    sequential = [whosaid.analyze(t) for t in texts]
    assert list(whosaid.analyze_many(texts, threads=2)) == sequential
    assert list(whosaid.analyze_many(iter(texts), threads=2)) == sequential  # a one-shot iterator
    assert list(whosaid.analyze_many(texts, threads=1)) == sequential
    assert list(whosaid.analyze_many(texts, threads=7)) == sequential


def test_analyze_many_records_and_options():
    texts = corpus()
    records = [{"id": i, "text": t} for i, t in enumerate(texts)]
    got = list(whosaid.analyze_many(records, threads=2, no_events=True))
    assert got == [whosaid.analyze(t, id=i, no_events=True) for i, t in enumerate(texts)]
    assert [d["id"] for d in got] == list(range(len(texts)))


def test_analyze_many_raises_value_error_in_place():
    texts = ["\"One,\" he said."] * 5 + ["bad\x00"] + ["\"Two,\" he said."] * 20
    it = whosaid.analyze_many(texts, threads=2)
    for _ in range(5):
        assert next(it)["quotes"]
    with pytest.raises(ValueError, match="NUL"):
        next(it)
    assert list(whosaid.analyze_many(["bad\x00"], threads=2, replace_invalid=True))[0]["quotes"] == []


def test_analyze_many_bad_threads():
    with pytest.raises(ValueError):
        list(whosaid.analyze_many(["x"], threads=0))


def test_gil_is_released_during_analysis():
    # While another thread analyses a large article, this thread keeps
    # running Python code: the longest pause it sees is far shorter than the
    # analysis. (With the GIL held it would wait for the whole analysis.)
    big = "\n\n".join([ARTICLE] * 20000)
    t0 = time.perf_counter()
    whosaid.analyze_json(big)
    alone = time.perf_counter() - t0
    done = threading.Event()
    worker = threading.Thread(target=lambda: (whosaid.analyze_json(big), done.set()))
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert longest < max(0.5 * alone, 0.05), (longest, alone)


# ---- the reference article ----

def trim(s):
    return s.strip(" \t\r\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb,.;:")


@pytest.mark.skipif(not SEED.exists(), reason="reference article %s not found (../shared is not "
                    "beside the repository; set WHOSAID_SHARED)" % SEED)
def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    doc = whosaid.analyze(text)
    attributed = [q for q in doc["quotes"] if q["speaker"] is not None]
    # the nine gold quotations, plus at most two extras (as tests/test_seed.c allows): PolNeAR
    # annotates "X pointed to <noun phrase>" as an attribution, the seed's gold does not
    assert 9 <= len(attributed) and len(doc["quotes"]) <= 9 + 2
    names = {e["name"] for e in doc["entities"]}
    assert {"Kamal Kharazi", "Ismail Haniyeh"} <= names
    ev = [e for e in doc["events"] if e["type"] == "meeting"]
    assert len(ev) == 1 and ev[0]["when"] == "Saturday"
    assert {doc["entities"][i]["name"] for i in ev[0]["participants"]} == {"Kamal Kharazi",
                                                                           "Ismail Haniyeh"}
    gold_path = SEED.with_name("meeting-report.gold.jsonl")
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8").splitlines()[0])
        want = [(trim(span_text(text, g["content"])), g["entity"]) for g in gold["quotes"]]
        # whosaid follows PolNeAR, whose contents keep the "that" of "said that …"
        # (2,371 : 30 on train); the seed's gold leaves it out
        got = [(trim(q["text"][5:] if q["text"].startswith("that ") else q["text"]), q["speaker"])
               for q in attributed]
        it = iter(got)
        assert all(w in it for w in want), (want, got)  # every gold quote, in order, right speaker
    else:
        it = iter([q["speaker"] for q in attributed])
        assert all(w in it for w in ["Kamal Kharazi"] * 4 + ["Ismail Haniyeh"] * 5)
