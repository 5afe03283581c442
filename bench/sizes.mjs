// Prints the gzip and brotli sizes of the built app's wasm, js and css, one
// `name: value` line each (bytes, and KB = 1024 bytes), then the goal:
// total brotli (wasm + js + css) at most the budget (scripts/bench.sh: 180),
// the margin (negative: over by that much) and whether it is met.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budgetKb = Number(process.argv[3] ?? 100);

const groups = { wasm: [], js: [], css: [] };
for (const name of fs.readdirSync(dist)) {
  const ext = path.extname(name).slice(1);
  if (ext in groups) groups[ext].push(path.join(dist, name));
}

const total = { raw: 0, gzip: 0, brotli: 0 };
for (const [kind, files] of Object.entries(groups)) {
  if (files.length === 0) throw new Error(`no .${kind} file in ${dist}: build first`);
  const bytes = Buffer.concat(files.map((f) => fs.readFileSync(f)));
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  total.raw += bytes.length;
  total.gzip += gzip;
  total.brotli += brotli;
  console.log(`${kind}_raw_bytes: ${bytes.length}`);
  console.log(`${kind}_gzip_bytes: ${gzip}`);
  console.log(`${kind}_brotli_bytes: ${brotli}`);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`total_raw_kb: ${kb(total.raw)}`);
console.log(`total_gzip_kb: ${kb(total.gzip)}`);
console.log(`total_brotli_kb: ${kb(total.brotli)}`);
// The goal: wasm + js + css together, brotli, at most the budget.
console.log(`total_brotli_goal_max_kb: ${budgetKb}`);
console.log(`total_brotli_margin_kb: ${kb(budgetKb * 1024 - total.brotli)}`);
console.log(`total_brotli_within_goal: ${total.brotli <= budgetKb * 1024 ? 'yes' : 'NO'}`);
