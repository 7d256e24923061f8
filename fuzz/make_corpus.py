#!/usr/bin/env python3
"""Regenerate the seed corpora fuzz/corpus/analyze and fuzz/corpus/jsonl.

    python3 fuzz/make_corpus.py            (from the repository root)

Seeds: every passage of tests/spec.txt (the lines between a "## title" line
and its "---" line, as tests/test_spec.c reads them), examples/summit.txt,
and hand-made edge cases (empty input, NUL bytes, invalid UTF-8, 1000 quote
marks, ...). Also writes the dictionaries fuzz/analyze.dict (quote marks and
the lexicon's forms) and fuzz/jsonl.dict (JSON tokens and escapes too). The jsonl corpus holds the same passages as JSON Lines records
(four to a file) plus malformed lines. Both directories are rewritten from scratch; the
result stays well under 300 files and 1 MB.
"""
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")


def spec_passages(path):
    """(title, passage) for each example of tests/spec.txt."""
    out, title, lines = [], None, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("## "):
                title, lines = line[3:].strip(), []
            elif title is not None and line.strip() in ("---", "==="):
                text = "\n".join(lines).strip("\n")
                if text:
                    out.append((title, text))
                title, lines = None, None
            elif title is not None:
                lines.append(line)
    return out


EDGE = {
    "empty": b"",
    "nul-bytes": b"He said \x00\"yes\x00\" \x00\x00 she said.\x00",
    "only-nul": b"\x00" * 64,
    "invalid-utf8": b"\xff\xfe \"Caf\xe9,\" said Ana \xc3\x28 Duarte. \xe2\x80 \xf0\x9f\x98 end",
    "overlong-surrogate": b"\xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 said",
    "max-codepoints": "\U0010ffff \ufffd \ufeff\u200b\u2028\u2029 “\U0001F600,” he said.".encode(),
    "quotes-1000-straight": b'"' * 1000,
    "quotes-1000-curly": ("“" * 500 + "”" * 500).encode(),
    "quotes-1000-mixed": ("\"“”‘’«»„‹›'" * 91)[:1000].encode(),
    "quotes-1000-words": ("\"a\" said he, " * 100).encode(),
    "apostrophes": "It’s the people’s ’90s. 'Tis rock 'n' roll, O'Brien said. ‘Yes,’ he said.".encode(),
    "crlf": b"\"We will win,\" said Ana Duarte.\r\n\r\nShe added: \"Always.\"\r\n",
    "only-newlines": b"\n\n\n\r\n\r\n\n",
    "unclosed-multi-para": "“First paragraph opens\n\n“Second reopens\n\n“Third reopens and never closes, Minister Ana Duarte said".encode(),
    "colon-no-quote": b"The minister said: The roads will reopen on Monday.\n\nAccording to",
    "according-to-end": b"The plan will fail, according to",
    "nested-deep": ("“" + "‘" * 50 + "x" + "’" * 50 + "”").encode() + b" said she.",
    "cue-only": b"said said said told told according to according to : : :",
    "titles-only": b"The President said the Prime Minister told the Foreign Minister that Dr. Mr. Mrs. Sen. Gov. said.",
    "pronouns-only": b"He said she said they said it said we said I said you said.",
    "long-name": ("Mr. " + " ".join(["Xavier"] * 200) + " said \"ok.\"").encode(),
    "meeting": b"On Tuesday, President Ana Duarte met Prime Minister Teodor Halvik in Lisbon. Talks between Duarte and Halvik lasted hours.",
    "abbrev-chain": b"U.S. Sen. Dr. Jan. Feb. Inc. Corp. St. No. vs. e.g. i.e. said \"ok.\"",
    "dash-interrupt": "“We will not — and I repeat, not — back down,” she said — firmly.".encode(),
    "tab-vt-ff": b"\"One,\"\tsaid\vAna\fDuarte.\x1b\x7f",
}

JSONL_EDGE = {
    "empty-line": b"\n",
    "blank-lines": b"   \n\t\r\n{\"text\": \"He said \\\"hi.\\\"\"}\n\n",
    "not-json": b"not json at all\n{\"text\": \"ok\"\n",
    "not-object": b"[1,2,3]\n\"a string\"\n42\nnull\ntrue\n",
    "no-text": b"{\"id\": 1}\n{}\n",
    "text-not-string": b"{\"text\": 5}\n{\"text\": null}\n{\"text\": [\"a\"]}\n{\"text\": {\"a\": 1}}\n",
    "id-kinds": (b'{"id": "a\\"b\\\\c\\u0001\\u2028", "text": "\\"Yes,\\" he said."}\n'
                 b'{"id": -17, "text": "x"}\n{"id": 0.1, "text": "x"}\n{"id": 1e300, "text": "x"}\n'
                 b'{"id": null, "text": "x"}\n{"id": [1, {"a": []}], "text": "x"}\n'
                 b'{"id": true, "text": "x"}\n{"id": {"k": "v"}, "text": "x"}\n'),
    "nul-escape": b'{"id": "a\\u0000b", "text": "He said \\u0000 \\"no\\u0000.\\""}\n',
    "invalid-utf8": b'{"id": "\xff", "text": "\xc3\x28 \\"Caf\xe9,\\" said Ana."}\n',
    "escapes": b'{"text": "\\ud83d\\ude00 \\u201cYes,\\u201d she said.\\n\\nHe added: \\u00abNo.\\u00bb"}\n',
    "lone-surrogate-escape": b'{"text": "\\ud800 said he"}\n{"text": "\\udc00"}\n',
    "duplicate-keys": b'{"text": "a", "text": "\\"b,\\" he said."}\n',
    "no-final-newline": b'{"id": 1, "text": "\\"x,\\" said Ana Duarte."}',
    "crlf-lines": b'{"text": "\\"a,\\" he said."}\r\n{"text": "b"}\r\n',
    "quotes-1000": ('{"text": "' + '\\"' * 1000 + '"}\n').encode(),
    "extra-fields": b'{"id": "x", "text": "\\"y,\\" she said.", "meta": {"a": [1, 2, {"b": null}]}}\n',
    "deep-nesting": b'{"id": ' + b'[' * 200 + b']' * 200 + b', "text": "x"}\n',
}


# Which lexicon forms go into the dictionaries, and how: "l" lower case as
# listed, "c" Capitalised, "s" a sample of 8 Capitalised (the long name lists).
DICT_LEXICON = {"cues": "l", "cues_weak": "l", "aux": "l", "meet": "l", "time": "l",
                "cuenouns": "l", "nosource": "l", "determiners": "l", "dead": "l",
                "pronouns": "lc", "titles": "lc", "roles": "l", "honorifics": "c",
                "weekdays": "c", "months": "c", "male": "s", "female": "s",
                "orgwords": "s", "capstop": "s", "abbrev": "s"}


def lexicon_forms():
    """Forms of the lexicon/*.txt entries, as DICT_LEXICON says."""
    forms = set()
    ldir = os.path.join(ROOT, "lexicon")
    for fn in sorted(os.listdir(ldir)):
        how = DICT_LEXICON.get(fn[:-4], "s") if fn.endswith(".txt") else ""
        if not how:
            continue
        seen = []
        with open(os.path.join(ldir, fn), encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0]
                for form in line.split(";"):
                    form = " ".join(form.split())
                    if form:
                        seen.append(form)
        if "s" in how:
            seen = seen[:8]
        for form in seen:
            cap = form[:1].upper() + form[1:]
            if "l" in how:
                forms.add(form)
            if "c" in how or "s" in how:
                forms.add(cap)
    return sorted(forms)


def dict_entry(value):
    """A libFuzzer/AFL++ dictionary line for bytes value."""
    out = []
    for b in value:
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C):
            out.append(chr(b))
        else:
            out.append("\\x%02X" % b)
    return '"%s"' % "".join(out)


MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u201a", "\u201f",
         "\u201b", "\u00ab", "\u00bb", "\u2039", "\u203a", "\u2013", "\u2014", "\u2026",
         "\ufffd", "\u00a0", "\u2028", "\u2029", "\n\n", "\r\n", ": ", ", ", ". ", "? ", "! ",
         ",\u201d", ".\u201d", ",\"", ".\"", " \u201c", " \"", "according to", "Ana Duarte",
         "Duarte", "Teodor Halvik", "the", "that", "and", "with", "In a", "meeting with",
         "said", "told", " he said", " said Ana Duarte", "Mr. ", "Dr. "]
JSON_TOKENS = ['{"id": ', '{"text": "', '"text":', '"id":', '", "', '"}', "\\n", "\\\"", "\\u201c",
               "\\u201d", "\\u0000", "\\ud83d\\ude00", "\\ud800", "null", "true", "[", "]",
               "{", "}", ",", ":", "\n", "1e400", "-0", "0.5"]


def write_dicts():
    words = lexicon_forms()
    lines = ["# generated by fuzz/make_corpus.py from lexicon/*.txt: do not edit"]
    lines += [dict_entry(m.encode()) for m in MARKS]
    lines += [dict_entry(w.encode()) for w in words]
    with open(os.path.join(ROOT, "fuzz", "analyze.dict"), "w") as f:
        f.write("\n".join(lines) + "\n")
    # inside a JSON string a quote mark is \" and a newline \n
    jl = ["# generated by fuzz/make_corpus.py: do not edit"]
    jl += [dict_entry(t.encode()) for t in JSON_TOKENS]
    jl += [dict_entry(json.dumps(m)[1:-1].encode()) for m in MARKS]
    jl += [dict_entry(w.encode()) for w in words if " " in w or w[:1].isupper()]
    with open(os.path.join(ROOT, "fuzz", "jsonl.dict"), "w") as f:
        f.write("\n".join(jl) + "\n")
    print("fuzz/analyze.dict: %d entries, fuzz/jsonl.dict: %d entries" % (len(lines) - 1, len(jl) - 1))


def name_of(i, title):
    keep = "".join(c if c.isalnum() else "-" for c in title.lower())
    while "--" in keep:
        keep = keep.replace("--", "-")
    return "spec-%03d-%s" % (i, keep.strip("-")[:40])


def main():
    passages = spec_passages(os.path.join(ROOT, "tests", "spec.txt"))
    if not passages:
        sys.exit("make_corpus: no passages found in tests/spec.txt")
    with open(os.path.join(ROOT, "examples", "summit.txt"), "rb") as f:
        summit = f.read()

    adir, jdir = os.path.join(OUT, "analyze"), os.path.join(OUT, "jsonl")
    for d in (adir, jdir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)

    def put(d, name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)

    for i, (title, text) in enumerate(passages):
        put(adir, name_of(i, title), text.encode())
    # jsonl: four records a file (the file count stays under 300 in all);
    # half the files escape non-ASCII text as \uXXXX, half keep it as UTF-8
    for g in range(0, len(passages), 4):
        recs = [json.dumps({"id": i, "text": passages[i][1]}, ensure_ascii=(g // 4) % 2 == 0)
                for i in range(g, min(g + 4, len(passages)))]
        put(jdir, "spec-%03d-%03d" % (g, g + len(recs) - 1), ("\n".join(recs) + "\n").encode())
    put(adir, "example-summit", summit)
    for name, data in EDGE.items():
        put(adir, "edge-" + name, data)
        if name in ("invalid-utf8", "nul-bytes", "overlong-surrogate"):
            continue  # not representable as a JSON string; see JSONL_EDGE
        put(jdir, "edge-" + name, (json.dumps({"id": name, "text": data.decode()}) + "\n").encode())
    for name, data in JSONL_EDGE.items():
        put(jdir, "edge-" + name, data)
    put(jdir, "example-summit", (json.dumps({"id": "summit", "text": summit.decode()}) + "\n").encode())

    for d in (adir, jdir):
        files = os.listdir(d)
        size = sum(os.path.getsize(os.path.join(d, f)) for f in files)
        print("%s: %d files, %d bytes" % (os.path.relpath(d, ROOT), len(files), size))
    write_dicts()


if __name__ == "__main__":
    main()
