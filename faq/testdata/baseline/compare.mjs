// Baseline: how well two off-the-shelf search libraries answer real messages from the same FAQ
// file the matcher uses. Each library indexes one document per phrasing (an entry's question,
// each variant, each keyword), searches with the whole message, and answers with the entry of
// the best document. It prints aggregate figures only, never a message.
//
//   cd faq/testdata/baseline && npm install && node compare.mjs [FAQ] [SET ...]
//
// FAQ defaults to faq/default.yaml; each SET is a real-message file (messages: text, label,
// also) and defaults to the sealed test half, faq/testdata/test/real.yaml. Compare with
// `go test ./faq -run TestSealedReal -v`, which prints the matcher's top-1 on the same half.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import lunr from 'lunr';
import MiniSearch from 'minisearch';

const here = path.dirname(fileURLToPath(import.meta.url));
const faqPath = process.argv[2] ?? path.join(here, '../../default.yaml');
const sets = process.argv.length > 3 ? process.argv.slice(3) : [path.join(here, '../test/real.yaml')];

function phrasings(faq) {
  const docs = [];
  for (const e of faq.entries) {
    for (const text of [e.question, ...(e.variants ?? []), ...(e.keywords ?? [])]) {
      docs.push({ id: String(docs.length), entry: e.id, text: String(text) });
    }
  }
  return docs;
}

// plain keeps letters, digits and spaces, so no message is read as Lunr query syntax.
const plain = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim();

function lunrSearch(docs) {
  const idx = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const d of docs) this.add(d);
  });
  return (q) => {
    const hits = plain(q) ? idx.search(plain(q)) : [];
    return hits.length ? docs[Number(hits[0].ref)].entry : null;
  };
}

function miniSearch(docs, options = {}) {
  const ms = new MiniSearch({ fields: ['text'], storeFields: ['entry'], searchOptions: options });
  ms.addAll(docs);
  return (q) => {
    const hits = ms.search(q);
    return hits.length ? hits[0].entry : null;
  };
}

function top1(search, messages) {
  let right = 0, topical = 0;
  for (const m of messages) {
    if (m.label === 'none' || m.label === 'uncovered') continue;
    topical++;
    const want = [m.label, ...(m.also ?? [])];
    if (want.includes(search(m.text))) right++;
  }
  return { right, topical };
}

const faq = yaml.load(fs.readFileSync(faqPath, 'utf8'));
const docs = phrasings(faq);
const engines = {
  'Lunr (defaults)': lunrSearch(docs),
  'MiniSearch (defaults)': miniSearch(docs),
  'MiniSearch (prefix, fuzzy 0.2)': miniSearch(docs, { prefix: true, fuzzy: 0.2 }),
};
for (const set of sets) {
  const messages = yaml.load(fs.readFileSync(set, 'utf8')).messages ?? [];
  console.log(`${path.relative(process.cwd(), set)}: ${docs.length} documents from ${faq.entries.length} entries`);
  for (const [name, search] of Object.entries(engines)) {
    const { right, topical } = top1(search, messages);
    console.log(`  ${name}: top-1 ${(100 * right / Math.max(1, topical)).toFixed(1)}% of ${topical} messages with a topic`);
  }
}
