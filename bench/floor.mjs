// The floor for a full re-check: in this one process, parse a policy file with the `yaml` package
// (parseAllDocuments, then toJS for each document) and validate every document with ajv, compiled once
// on schemas/rapolicy.schema.json; nothing else. Run by bench/run.mjs as a child process so its heap
// and JIT state are its own:
//   node bench/floor.mjs <iterations> <file>...
// Prints one JSON object: per file { wallMs: { p50, min, mean }, cpuMs (mean per check), documents, schemaErrors }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { parseAllDocuments } = require('yaml');
const Ajv = require('ajv').default;

const [iterationsArg, ...files] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const now = () => Number(process.hrtime.bigint()) / 1e6;

// The same ajv options the server uses; the schema's editor-only keyword is declared so strict mode accepts it.
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword('markdownEnumDescriptions');
const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas/rapolicy.schema.json'), 'utf8')));

function check(text) {
	let documents = 0;
	let schemaErrors = 0;
	let syntaxErrors = 0;
	for (const doc of parseAllDocuments(text)) {
		documents++;
		syntaxErrors += doc.errors.length;
		if (!validate(doc.toJS({ maxAliasCount: 100 }))) {
			schemaErrors++;
		}
	}
	return { documents, schemaErrors, syntaxErrors };
}

const results = {};
for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const warmup = Math.max(5, Math.ceil(iterations / 3));
	let outcome;
	for (let i = 0; i < warmup; i++) {
		outcome = check(text);
	}
	const times = [];
	const cpuStart = process.cpuUsage();
	const budgetEnd = now() + 20_000; // bounded: at most about 20 s per file
	for (let i = 0; i < iterations && (i < 5 || now() < budgetEnd); i++) {
		const start = now();
		check(text);
		times.push(now() - start);
	}
	const cpu = process.cpuUsage(cpuStart);
	times.sort((a, b) => a - b);
	results[path.basename(file)] = {
		iterations: times.length,
		wallMs: { p50: times[Math.floor((times.length - 1) / 2)], min: times[0], mean: times.reduce((a, b) => a + b, 0) / times.length },
		// user + system time of this whole process (GC threads included) per check, like the servers' figure
		cpuMs: (cpu.user + cpu.system) / 1000 / times.length,
		...outcome,
	};
}
process.stdout.write(`${JSON.stringify(results)}\n`);
