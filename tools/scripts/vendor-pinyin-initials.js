// Writes src/GovOpenness.Domain/Hierarchy/Data/pinyin-initials.txt: one ASCII letter per code point
// U+4E00..U+9FFF, the first letter of the character's first reading (npm `pinyin` 4.0.0,
// STYLE_FIRST_LETTER), "_" where it has none. Department codes ("14.sthj") are built from it.
// Run: npm i pinyin@4.0.0 --no-save && node tools/scripts/vendor-pinyin-initials.js
const pinyin = require("pinyin").default || require("pinyin");
let out = "";
for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
  const first = pinyin(String.fromCodePoint(cp), { style: pinyin.STYLE_FIRST_LETTER, heteronym: false });
  const letter = ((first && first[0] && first[0][0]) || "").slice(0, 1).toLowerCase();
  out += /^[a-z]$/.test(letter) ? letter : "_";
}
require("fs").writeFileSync(require("path").join(__dirname, "../../src/GovOpenness.Domain/Hierarchy/Data/pinyin-initials.txt"), out);
