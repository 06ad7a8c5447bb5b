#!/usr/bin/env python3
"""Prints the items of a lower document (002 or 000) as JSON: id, label, heading, text, units phrase.

Used once to copy the lower documents' wording into the mapping files without retyping it. Which
parent item each lower item carries out, and every deadline, unit and drop, is NOT derived here: it
was decided by reading both documents and is written by hand in build_mappings.py.
"""
import json, re, sys

CN = "一二三四五六七八九十"

def cn_number(s):
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN.index(s[1]) + 1
    if s.endswith("十"):
        return (CN.index(s[0]) + 1) * 10
    if "十" in s:
        a, b = s.split("十")
        return (CN.index(a) + 1) * 10 + CN.index(b) + 1
    return CN.index(s) + 1

SECTION = re.compile(r"^[#\s]*([一二三四五六七八九十]+)、(.+)$")
ITEM = re.compile(r"^\**（([一二三四五六七八九十]+)）(.*)$")
UNITS = re.compile(r"（(?:责任单位：)?([^（）]*?)(?:负责)?）\s*$")

def extract(path, stop):
    lines = open(path, encoding="utf-8").read().splitlines()
    items, section, current = [], 0, None
    started = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if any(line.startswith(s) for s in stop):
            break
        m = SECTION.match(line)
        if m and not line.startswith("（"):
            started = True
            section += 1
            position = 0
            current = None
            continue
        if not started:
            continue
        m = ITEM.match(line)
        if m:
            position += 1
            rest = m.group(2).replace("**", "")
            # Heading: the rest of the line, or its first sentence when text follows on the same line.
            heading, _, text = rest.partition("。") if "。" in rest[:-1] else (rest, "", "")
            current = {"id": f"{section}.{position}", "label": f"（{m.group(1)}）", "heading": heading.strip("。 "), "text": text}
            items.append(current)
            continue
        if current is not None:
            current["text"] += line.replace("**", "")
    for item in items:
        text = item["text"].strip()
        units = UNITS.search(text)
        if units and ("责任单位" in units.group(0) or "负责）" in units.group(0)):
            item["unitsPhrase"] = units.group(1)
            text = text[: units.start()].strip()
        item["text"] = text
    return items

if __name__ == "__main__":
    print(json.dumps(extract(sys.argv[1], ["本文件由", "附件："]), ensure_ascii=False, indent=1))
