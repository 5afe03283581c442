// Where the wasm's code goes: groups the functions of a wasm that still has
// its names (wasm-bindgen's output before wasm-opt, which Trunk leaves in
// target/wasm-bindgen/release/) by what they belong to, and prints each
// group's function count, raw bytes and brotli bytes. Each group is
// compressed alone, so the groups add up to a little more than the whole.
// Generic code is counted where it is defined (a `tachys` function compiled
// for a page's view counts as `tachys`): bench/page_costs.sh says what each
// page adds in all.
//
// usage: node bench/wasm_parts.mjs [target/wasm-bindgen/release/partner-console_bg.wasm]
import fs from 'node:fs';
import zlib from 'node:zlib';

const file = process.argv[2] ?? 'target/wasm-bindgen/release/partner-console_bg.wasm';
const bytes = fs.readFileSync(file);

// The first group whose pattern matches a function's name takes it.
const groups = [
  ['json', /serde|Deserialize|Serialize|Visitor/],
  ['domain', /^<?domain::/],
  ['pages', /partner_console::pages/],
  ['components', /partner_console::components/],
  ['store', /partner_console::store/],
  ['app_other', /partner_console/],
  ['leptos_router', /leptos_router/],
  ['leptos_generic', /tachys|reactive_graph|leptos|FnOnce::call_once|FnMut::call_mut|Fn::call|drop_in_place/],
  ['core_alloc_std', /^<?(alloc|core|std)\b/],
  ['bindings', /wasm_bindgen|js_sys|web_sys|gloo/],
  ['rest', /^/],
];

let at = 8;
const leb = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const skipName = () => {
  const length = leb();
  at += length;
};

let imported = 0;
const bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: only functions take function indices.
    for (let n = leb(); n > 0; n--) {
      skipName();
      skipName();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        imported++;
      } else if (kind === 1) {
        at++;
        if (bytes[at++] & 1) leb();
        leb();
      } else if (kind === 2) {
        if (bytes[at++] & 1) leb();
        leb();
      } else {
        at += 2;
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push(bytes.subarray(at, at + length));
      at += length;
    }
  } else if (id === 0) {
    const nameLength = leb();
    const section = bytes.subarray(at, at + nameLength).toString();
    at += nameLength;
    while (section === 'name' && at < end) {
      const sub = bytes[at++];
      const subEnd = leb() + at;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          const length = leb();
          names.set(index, bytes.subarray(at, at + length).toString());
          at += length;
        }
      }
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) throw new Error(`${file} has no function names: use wasm-bindgen's output, before wasm-opt`);

const brotli = (buffer) =>
  zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const members = new Map(groups.map(([name]) => [name, []]));
bodies.forEach((body, n) => {
  const name = names.get(n + imported) ?? '';
  members.get(groups.find(([, pattern]) => pattern.test(name))[0]).push(body);
});
const all = Buffer.concat(bodies);
console.log(`code_functions: ${bodies.length}`);
console.log(`code_raw_bytes: ${all.length}`);
console.log(`code_brotli_bytes: ${brotli(all)}`);
for (const [name, list] of members) {
  const code = Buffer.concat(list);
  console.log(`${name}_functions: ${list.length}`);
  console.log(`${name}_raw_bytes: ${code.length}`);
  console.log(`${name}_brotli_bytes: ${brotli(code)}`);
}
