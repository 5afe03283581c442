// Writes `<file>.br` and `<file>.gz` beside every text or wasm file of a
// built folder, at the strongest settings (brotli 11, gzip 9), so a host
// sends them without compressing on each request: the backend's ServeDir
// picks them by Accept-Encoding, and static hosts that look for such
// siblings (nginx gzip_static/brotli_static, Caddy precompressed) do too.
// A compressed copy that is not smaller than its file is not written.
//
// Called by scripts/build/post_build.py on release builds. Node's zlib does
// both encodings; Python's standard library has no brotli.
//
// usage: node scripts/build/precompress.mjs <folder>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.map']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

const dir = process.argv[2];
if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('usage: node scripts/build/precompress.mjs <folder>');
  process.exit(2);
}

let written = 0;
for (const file of [...files(dir)]) {
  const bytes = fs.readFileSync(file);
  const encoded = {
    br: zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz: zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
  };
  for (const [ext, body] of Object.entries(encoded)) {
    const sibling = `${file}.${ext}`;
    if (body.length < bytes.length) {
      fs.writeFileSync(sibling, body);
      written += 1;
    } else {
      fs.rmSync(sibling, { force: true });
    }
  }
}
console.log(`precompress: ${written} .br/.gz files in ${dir}`);
