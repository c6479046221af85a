// Baseline: how well two off-the-shelf search libraries answer real messages from the same FAQ
// file the matcher uses. Each library indexes one document per phrasing (an entry's question,
// each variant, each keyword), searches with the whole message, and answers with the entry of
// the best document (top-3: the entries of the best documents, each once). It prints aggregate
// figures only, never a message.
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

// Each search returns the distinct entries of its hits, best first (at most three).
function entriesOf(hits, entryOf) {
  const out = [];
  for (const h of hits) {
    const e = entryOf(h);
    if (!out.includes(e)) out.push(e);
    if (out.length === 3) break;
  }
  return out;
}

function lunrSearch(docs) {
  const idx = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const d of docs) this.add(d);
  });
  return (q) => (plain(q) ? entriesOf(idx.search(plain(q)), (h) => docs[Number(h.ref)].entry) : []);
}

function miniSearch(docs, options = {}) {
  const ms = new MiniSearch({ fields: ['text'], storeFields: ['entry'], searchOptions: options });
  ms.addAll(docs);
  return (q) => entriesOf(ms.search(q), (h) => h.entry);
}

// labelFor and wanted count labels the way the Go test does (faq/evalset_test.go labelFor,
// faq/measure_test.go measureReal): a message labelled "uncovered" whose `future` topic is now
// an FAQ entry counts as that entry's, and the label, `also` and such a `future` are all fair
// answers.
function labelFor(m, ids) {
  if (!m.future || m.label === 'none' || !ids.has(m.future)) return m.label;
  return m.label === 'uncovered' ? m.future : m.label;
}

function wanted(m, ids) {
  const want = [labelFor(m, ids), ...(m.also ?? [])];
  if (m.future && ids.has(m.future)) want.push(m.future);
  return want;
}

function score(search, messages, ids) {
  let top1 = 0, top3 = 0, topical = 0;
  for (const m of messages) {
    const label = labelFor(m, ids);
    if (label === 'none' || label === 'uncovered') continue;
    topical++;
    const want = wanted(m, ids);
    const got = search(m.text);
    const hit = got.findIndex((e) => want.includes(e));
    if (hit === 0) top1++;
    if (hit >= 0 && hit < 3) top3++;
  }
  return { top1, top3, topical };
}

const faq = yaml.load(fs.readFileSync(faqPath, 'utf8'));
const docs = phrasings(faq);
const ids = new Set(faq.entries.map((e) => e.id));
const engines = {
  'Lunr (defaults)': lunrSearch(docs),
  'MiniSearch (defaults)': miniSearch(docs),
  'MiniSearch (prefix, fuzzy 0.2)': miniSearch(docs, { prefix: true, fuzzy: 0.2 }),
};
for (const set of sets) {
  const messages = yaml.load(fs.readFileSync(set, 'utf8')).messages ?? [];
  console.log(`${path.relative(process.cwd(), set)}: ${docs.length} documents from ${faq.entries.length} entries`);
  for (const [name, search] of Object.entries(engines)) {
    const { top1, top3, topical } = score(search, messages, ids);
    const pct = (n) => (100 * n / Math.max(1, topical)).toFixed(1);
    console.log(`  ${name}: top-1 ${pct(top1)}%, top-3 ${pct(top3)}% of ${topical} messages with a topic`);
  }
}
