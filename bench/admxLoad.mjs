// ADMX loading, in this one process: read a vendor ADMX with its ADML and lint it, first time and
// again (warm JIT), and the cached lookup of the same content. Run by bench/run.mjs as a child
// process so the first read is a cold one:
//   node bench/admxLoad.mjs <iterations>
// Prints one JSON object: per file set { admxKiB, admlKiB, policies, coldMs, warm: { p50, max }, cachedMs },
// under `profile` the check of a profile of ingested Firefox policies after an edit { policies, p50, max },
// under `chain` the check of an open ADMX whose categories form one long chain after an edit
// { admxKiB, categories, policies, problems, p50, max }, and under `manyFiles` the check of a profile
// ingesting 40 ADMX files after an edit { files, policies, p50, max }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { readAdmx } = require('../out/server/src/service/admx/readAdmx.js');
const { readAdml } = require('../out/server/src/service/admx/readAdml.js');
const { lintAdmx } = require('../out/server/src/service/ingestion/lintAdmx.js');
const { loadAdmx } = require('../out/server/src/service/admx/admxCache.js');
const { decodeFile } = require('../out/server/src/common/decodeFile.js');
const { parseDocument, withIngestedAdmx } = require('../out/server/src/service/document/document.js');
const { loadAdml } = require('../out/server/src/service/admx/admxCache.js');
const { parseAdmxDocument } = require('../out/server/src/service/document/document.js');
const { chainAdmx } = require('../out/test/helpers/admxText.js');

const iterations = Number(process.argv[2] ?? 10);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const text = (file) => decodeFile(readFileSync(path.join(root, 'test/fixtures/real/admx', file))).text;

/** Chrome's ADMX with every policy written twice more under new names: an 800 KB-class file, as Edge's is. */
function enlarged(admx) {
	const start = admx.indexOf('<policies>') + '<policies>'.length;
	const end = admx.indexOf('</policies>');
	const policies = admx.slice(start, end);
	const copy = (suffix) => policies.replace(/(<policy [^>]*\bname=")([^"]+)"/g, `$1$2${suffix}"`);
	return admx.slice(0, end) + copy('_Copy1') + copy('_Copy2') + admx.slice(end);
}

const chromeAdmx = text('chrome/chrome.admx');
const chromeAdml = text('chrome/en-US/chrome.adml');
const sets = {
	'firefox.admx + firefox.adml': [text('firefox/firefox.admx'), text('firefox/en-US/firefox.adml')],
	'chrome.admx + chrome.adml': [chromeAdmx, chromeAdml],
	'chrome.admx x3 (enlarged) + chrome.adml': [enlarged(chromeAdmx), chromeAdml],
};

const percentile = (samples, p) => [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * samples.length) - 1)];
const results = {};
for (const [name, [admx, adml]] of Object.entries(sets)) {
	const once = () => {
		const started = now();
		const file = readAdmx(admx);
		lintAdmx(file, admx, readAdml(adml));
		return { ms: now() - started, policies: file.policies.length };
	};
	const cold = once();
	const warm = Array.from({ length: iterations }, () => once().ms);
	loadAdmx(admx);
	const copy = `${admx}`.split('').join('');
	const started = now();
	loadAdmx(copy);
	results[name] = {
		admxKiB: Math.round(Buffer.byteLength(admx, 'utf8') / 1024),
		admlKiB: Math.round(Buffer.byteLength(adml, 'utf8') / 1024),
		policies: cold.policies,
		coldMs: cold.ms,
		warm: { p50: percentile(warm, 50), max: Math.max(...warm) },
		cachedMs: now() - started,
	};
}
/**
 * A profile ingesting Firefox that sets 100 of its policies: parsed and checked against the ADMX
 * as on each edit (the files themselves are read once, by content).
 */
function profileCheck() {
	const admx = text('firefox/firefox.admx');
	const source = { admx: loadAdmx(admx), adml: loadAdml(text('firefox/en-US/firefox.adml')), text: admx };
	const mozilla = { admx: loadAdmx(text('firefox/mozilla.admx')), adml: undefined, text: text('firefox/mozilla.admx') };
	const read = (file) => (file.endsWith('mozilla.admx') ? mozilla : source);
	const names = source.admx.policies.filter((p) => p.elements.length === 0).slice(0, 100).map((p) => p.name);
	const profile = (n) => `profile: Firefox ${n}\nadmx:\n  - app: Firefox\n    file: admx/firefox.admx\n  - app: Firefox\n    file: admx/mozilla.admx\npolicies:\n${names.map((name) => `  Firefox/${name}: { state: enabled }`).join('\n')}\n`;
	const samples = [];
	for (let i = 0; i < iterations * 5; i++) {
		const started = now();
		const doc = withIngestedAdmx(parseDocument('file:///w/p.rapolicy.yaml', i, profile(i), 'rapolicy'), [], read);
		if (doc.problems.length !== 0) {
			throw new Error(`the Firefox profile has problems: ${doc.problems[0].message}`);
		}
		samples.push(now() - started);
	}
	return { policies: names.length, p50: percentile(samples, 50), max: Math.max(...samples) };
}

/**
 * An open ADMX of about 950 KB whose 8,000 categories form one chain, checked with its ADML as on
 * each edit: each version's text is read and linted again, the ADML comes from the cache.
 */
function chainCheck() {
	const { admx, adml } = chainAdmx(8000, 700);
	const samples = [];
	let problems = 0;
	for (let i = 0; i < iterations * 2; i++) {
		const version = admx.replace('revision="1.0"', `revision="1.${i}"`);
		const started = now();
		problems = parseAdmxDocument('file:///w/chain.admx', i, version, undefined, adml).problems.length;
		samples.push(now() - started);
	}
	return { admxKiB: Math.round(Buffer.byteLength(admx, 'utf8') / 1024), categories: 8000 + 101, policies: 700 + 101, problems, p50: percentile(samples, 50), max: Math.max(...samples) };
}

/**
 * A profile ingesting 40 ADMX files (Firefox's, each under its own AppName, each with its ADML)
 * and setting 5 policies of each, checked as on each edit: the server hands the check a reader
 * that looks each file's text up in the parse cache, as here.
 */
function manyFilesCheck() {
	const FILES = 40;
	const admx = text('firefox/firefox.admx');
	const adml = text('firefox/en-US/firefox.adml');
	const copy = (source, i) => source.replace('<?xml version="1.0" encoding="utf-8"?>', `<?xml version="1.0" encoding="utf-8"?>\n<!-- copy ${i} -->`);
	const files = Array.from({ length: FILES }, (_, i) => ({ text: copy(admx, i), adml: copy(adml, i) }));
	const read = (file) => {
		const found = files[Number(/app(\d+)\.admx$/.exec(file)[1])];
		return { admx: loadAdmx(found.text), adml: loadAdml(found.adml), text: found.text };
	};
	const names = loadAdmx(admx).policies.filter((p) => p.elements.length === 0).slice(0, 5).map((p) => p.name);
	const entries = files.map((_, i) => `  - app: App${i}\n    file: admx/app${i}.admx`).join('\n');
	const policies = files.flatMap((_, i) => names.map((name) => `  App${i}/${name}: { state: enabled }`)).join('\n');
	const profile = (n) => `profile: Many ${n}\nadmx:\n${entries}\npolicies:\n${policies}\n`;
	const samples = [];
	for (let i = 0; i < iterations * 3; i++) {
		const started = now();
		const doc = withIngestedAdmx(parseDocument('file:///w/many.rapolicy.yaml', i, profile(i), 'rapolicy'), [], read);
		if (doc.problems.length !== 0) {
			throw new Error(`the profile of ${FILES} ADMX files has problems: ${doc.problems[0].message}`);
		}
		samples.push(now() - started);
	}
	// The first check reads every file; the figure is of the checks after an edit.
	samples.shift();
	return { files: FILES, policies: FILES * names.length, p50: percentile(samples, 50), max: Math.max(...samples) };
}

process.stdout.write(`${JSON.stringify({ sets: results, profile: profileCheck(), chain: chainCheck(), manyFiles: manyFilesCheck() })}\n`);
