// Writes src/GovOpenness.Domain/Hierarchy/Data/pinyin-initials.tsv.gz: for every vendored body
// (divisions.tsv.gz), the pinyin initials of its name as computed by the npm package `pinyin` 4.0.0
// (MIT), so that a search for "xys" or "xy" finds 孝义市. Run after vendor-divisions.py:
//
//   cd tools/scripts/pinyin && npm ci && node vendor-pinyin.mjs
//
// Columns: code<TAB>initials[|other readings]. The first reading is the library's default; names
// with heteronyms (多音字, e.g. 长治 changzhi / zhangzhi, 重庆) add the other combinations, at most
// MAX_READINGS in all, so a user typing either reading finds the body. Output is deterministic.
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pinyinModule from "pinyin";

const pinyin = pinyinModule.default ?? pinyinModule;
const MAX_READINGS = 4;
const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, "..", "..", "..", "src", "GovOpenness.Domain", "Hierarchy", "Data");

// Initials of each character, lowercase ASCII only (digits and Latin letters in a name kept as they are).
function letters(options) {
  return options.map((o) => [...new Set(o.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, "")).filter((s) => s.length > 0))]);
}

function readings(name) {
  const primary = letters(pinyin(name, { style: pinyin.STYLE_FIRST_LETTER })).map((o) => o[0] ?? "").join("");
  const all = [primary];
  let combos = [""];
  for (const options of letters(pinyin(name, { style: pinyin.STYLE_FIRST_LETTER, heteronym: true }))) {
    const next = [];
    for (const prefix of combos) for (const letter of options.length > 0 ? options : [""]) next.push(prefix + letter);
    combos = next.slice(0, 64);
  }
  for (const combo of combos) {
    if (all.length >= MAX_READINGS) break;
    if (!all.includes(combo)) all.push(combo);
  }
  return all;
}

const lines = gunzipSync(readFileSync(join(data, "divisions.tsv.gz"))).toString("utf8").split("\n").filter((l) => l.length > 0);
const out = [`cn\t${readings("国务院").join("|")}\n`];
for (const line of lines) {
  const [code, name] = line.split("\t");
  out.push(`${code}\t${readings(name).join("|")}\n`);
}
// mtime 0 and a fixed level: rebuilding gives the same bytes.
const gz = gzipSync(Buffer.from(out.join(""), "utf8"), { level: 9 });
gz.writeUInt32LE(0, 4);
writeFileSync(join(data, "pinyin-initials.tsv.gz"), gz);
console.log(`${out.length} bodies' pinyin initials written to ${join(data, "pinyin-initials.tsv.gz")}`);
