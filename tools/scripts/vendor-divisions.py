#!/usr/bin/env python3
"""Rebuilds src/GovOpenness.Domain/Hierarchy/Data from the china-division CSVs.

Usage: tools/scripts/vendor-divisions.py ../shared/data/china-division

Writes divisions.tsv.gz (code, name, parent code; bodies down to townships, pseudo-prefectures such
as 市辖区 left out so their counties answer to the province) and village-counts.tsv.gz (township
code, number of villages), and copies the licence. Output is deterministic so rebuilding it gives
no diff. Then the pinyin initials of the names are written by the npm package `pinyin` 4.0.0
(tools/scripts/pinyin/vendor-pinyin.mjs), run from here when Node.js is installed.
"""
import csv, gzip, io, os, shutil, subprocess, sys
from collections import Counter

PSEUDO_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

def rows(src, name):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        yield from csv.DictReader(f)

def write_gz(path, lines):
    data = "".join(lines).encode("utf-8")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(data)

def main(src):
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "GovOpenness.Domain", "Hierarchy", "Data")
    os.makedirs(out, exist_ok=True)
    lines = []
    for r in rows(src, "provinces.csv"):
        lines.append(f"{r['code']}\t{r['name']}\tcn\n")
    pseudo = set()
    for r in rows(src, "cities.csv"):
        if r["name"] in PSEUDO_PREFECTURES:
            pseudo.add(r["code"])
            continue
        lines.append(f"{r['code']}\t{r['name']}\t{r['provinceCode']}\n")
    for r in rows(src, "areas.csv"):
        parent = r["provinceCode"] if r["cityCode"] in pseudo else r["cityCode"]
        lines.append(f"{r['code']}\t{r['name']}\t{parent}\n")
    for r in rows(src, "streets.csv"):
        lines.append(f"{r['code']}\t{r['name']}\t{r['areaCode']}\n")
    write_gz(os.path.join(out, "divisions.tsv.gz"), lines)
    counts = Counter(r["streetCode"] for r in rows(src, "villages.csv"))
    write_gz(os.path.join(out, "village-counts.tsv.gz"), [f"{k}\t{counts[k]}\n" for k in sorted(counts)])
    shutil.copyfile(os.path.join(src, "LICENSE"), os.path.join(out, "LICENSE"))
    print(f"{len(lines)} bodies, {sum(counts.values())} villages in {len(counts)} townships")
    pinyin = os.path.join(os.path.dirname(__file__), "pinyin")
    if shutil.which("npm") and shutil.which("node"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=pinyin, check=True)
        subprocess.run(["node", "vendor-pinyin.mjs"], cwd=pinyin, check=True)
    else:
        print("Node.js not found: pinyin-initials.tsv.gz not rebuilt (see tools/scripts/pinyin)")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/china-division")
