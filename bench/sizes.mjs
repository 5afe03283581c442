// Prints the gzip and brotli sizes of the built app, one `name: value` line
// each (bytes, and KB = 1024 bytes), each file compressed on its own as a
// host sends it (brotli 11, gzip 9: what scripts/build/precompress.mjs
// writes beside it), then the two budgets (issue 21):
//
// - first visit to any route: what a cold browser downloads before the
//   page shows, brotli: index.html and every file it names (the loader
//   script, the wasm, the stylesheet), plus the largest wasm it does not
//   name (a route's chunk, once the build is split); at most 220 KB;
// - the whole app: every html, js, css and wasm file, brotli; under 400 KB.
//
// Until routes are split, the first visit downloads the whole app.
//
// usage: node bench/sizes.mjs [--check | --ceiling KB] [dist] [first_visit_goal_kb] [whole_app_goal_kb]
//
// --check: exit 1 if the whole app is over its budget. The first-visit
// budget is printed, not enforced: routes are not split (README, "Sizes, as
// measured"), so the first visit is the whole app.
// --ceiling KB: exit 1 if the whole app is over KB (scripts/test.sh): while
// the app is over its budget, a ceiling at its measured size keeps it from
// growing unnoticed; lower it as the app shrinks.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const check = args[0] === '--check';
if (check) args.shift();
let ceilingKb = null;
if (args[0] === '--ceiling') {
  ceilingKb = Number(args[1]);
  if (!(ceilingKb > 0)) throw new Error('--ceiling needs a size in KB');
  args.splice(0, 2);
}
const dist = args[0] ?? 'dist';
const firstVisitGoalKb = Number(args[1] ?? 220);
const wholeAppGoalKb = Number(args[2] ?? 400);

const sizes = new Map();
for (const name of fs.readdirSync(dist)) {
  if (!/\.(html|js|css|wasm)$/.test(name) || name === '404.html') continue;
  const bytes = fs.readFileSync(path.join(dist, name));
  sizes.set(name, {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  });
}

const sum = (names, key) => names.reduce((n, name) => n + sizes.get(name)[key], 0);
for (const kind of ['wasm', 'js', 'css']) {
  const names = [...sizes.keys()].filter((n) => n.endsWith(`.${kind}`));
  if (names.length === 0) throw new Error(`no .${kind} file in ${dist}: build first`);
  console.log(`${kind}_files: ${names.length}`);
  for (const key of ['raw', 'gzip', 'brotli']) console.log(`${kind}_${key}_bytes: ${sum(names, key)}`);
}

const kb = (n) => (n / 1024).toFixed(1);
const all = [...sizes.keys()];
const assets = all.filter((n) => !n.endsWith('.html'));
console.log(`total_raw_kb: ${kb(sum(assets, 'raw'))}`);
console.log(`total_gzip_kb: ${kb(sum(assets, 'gzip'))}`);
console.log(`total_brotli_kb: ${kb(sum(assets, 'brotli'))}`);

// What index.html names, by file name (with or without the public URL).
if (!sizes.has('index.html')) throw new Error(`no index.html in ${dist}: build first`);
const page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const named = all.filter((n) => n === 'index.html' || page.includes(`/${n}`));
const chunks = all.filter((n) => n.endsWith('.wasm') && !named.includes(n));
const largestChunk = chunks.sort((a, b) => sizes.get(b).brotli - sizes.get(a).brotli)[0];
const firstVisit = largestChunk ? [...named, largestChunk] : named;
const firstVisitBrotli = sum(firstVisit, 'brotli');
const wholeAppBrotli = sum(all, 'brotli');

console.log(`route_chunks: ${chunks.length}`);
console.log(`first_visit_files: ${firstVisit.join(' ')}`);
console.log(`first_visit_brotli_kb: ${kb(firstVisitBrotli)}`);
console.log(`first_visit_goal_max_kb: ${firstVisitGoalKb}`);
console.log(`first_visit_within_goal: ${firstVisitBrotli <= firstVisitGoalKb * 1024 ? 'yes' : 'NO'}`);
console.log(`whole_app_brotli_kb: ${kb(wholeAppBrotli)}`);
console.log(`whole_app_goal_under_kb: ${wholeAppGoalKb}`);
console.log(`whole_app_within_goal: ${wholeAppBrotli < wholeAppGoalKb * 1024 ? 'yes' : 'NO'}`);
if (check && wholeAppBrotli >= wholeAppGoalKb * 1024) {
  console.error(`the whole app is ${kb(wholeAppBrotli)} KB brotli: over the ${wholeAppGoalKb} KB budget`);
  process.exit(1);
}
if (ceilingKb !== null) {
  console.log(`whole_app_ceiling_kb: ${ceilingKb}`);
  if (wholeAppBrotli > ceilingKb * 1024) {
    console.error(`the whole app is ${kb(wholeAppBrotli)} KB brotli: over its ${ceilingKb} KB ceiling`);
    process.exit(1);
  }
}
