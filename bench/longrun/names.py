#!/usr/bin/env python3
"""Names for the long runs (docs/performance.md, "Long runs"): the distinct `filename` column of
testdata/corpus/dev/*.tsv, as CorpusNames reads them, one a line.

Usage: python3 bench/longrun/names.py [--json | --episodes EXE]
  --json          one POST /parse body per line, for parse.lua
  --episodes EXE  file names for watch: each name's last path part (.mkv added when it has no video extension), kept
                  when EXE's parser reads it as show + season + episode at confidence >= 0.8
"""
import csv, glob, json, os, subprocess, sys

repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
names, seen = [], set()
for f in sorted(glob.glob(os.path.join(repo, "testdata/corpus/dev/*.tsv"))):
    with open(f, newline="", encoding="utf-8") as h:
        for row in csv.DictReader(h, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["filename"] and row["filename"] not in seen:
                seen.add(row["filename"]); names.append(row["filename"])

if "--json" in sys.argv:
    for n in names:
        print(json.dumps({"name": n}, ensure_ascii=False))
elif "--episodes" in sys.argv:
    exe = sys.argv[sys.argv.index("--episodes") + 1]
    video = (".mkv", ".mp4", ".avi", ".m4v", ".ts", ".wmv", ".mov")
    files, kept = [], set()
    for n in names:
        b = n.replace("\\", "/").rsplit("/", 1)[-1].strip()
        if b and not b.startswith(".") and len(b.encode()) <= 200:
            b = b if b.lower().endswith(video) else b + ".mkv"
            if b not in kept:
                kept.add(b); files.append(b)
    out = subprocess.run([exe, "parse", "-", "-f", "jsonl"], input="\n".join(files) + "\n",
                         capture_output=True, text=True, check=True).stdout
    for b, line in zip(files, out.splitlines()):
        r = json.loads(line)
        if r["input"] == b and r["show_name"] and r["season"] is not None and r["episodes"] and r["confidence"] >= 0.8:
            print(b)
else:
    print("\n".join(names))
