// The floor for an edit inside one command of a SyncML message: in this one process, re-check one
// command (its XML, model, rules and lowering), run the message-level checks over the frame and
// every command (CmdIDs, policies written twice, structure, collecting the problems), and turn the
// problems into the diagnostics a server must publish, as JSON; nothing else. Run by bench/run.mjs as a
// child process on the compiled service (out/):
//   node bench/syncmlFloor.mjs <iterations> <file>...
// Prints one JSON object: per file { wallMs: { p50, min, mean }, cpuMs (mean per check), commands }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { parseSyncmlDocument } = require(path.join(root, 'out/server/src/service/document/document.js'));
const { readCommandChunk, assembleMessage } = require(path.join(root, 'out/server/src/service/syncml/parseSyncml.js'));
const { lineNumbers } = require(path.join(root, 'out/server/src/service/text/lines.js'));
const { DEFAULT_SETTINGS, getDiagnostics } = require(path.join(root, 'out/server/src/service/index.js'));

const [iterationsArg, ...files] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const now = () => Number(process.hrtime.bigint()) / 1e6;

const results = {};
for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const doc = parseSyncmlDocument('file:///floor.syncml', 1, text);
	const middle = doc.chunks[Math.floor(doc.chunks.length / 2)];
	const command = text.slice(middle.start, middle.start + middle.result.length);
	// The server keeps the line index of the open file up to date as it is edited, so the floor
	// finds line numbers in an index built once.
	const lineOf = lineNumbers(() => text);
	const check = () => {
		readCommandChunk(command);
		const parse = assembleMessage(text, doc.frame, doc.chunks, lineOf);
		// The publish carries every diagnostic of the file, so its cost grows with their number.
		const checked = { language: doc.language, uri: doc.uri, lines: doc.lines, directives: parse.directives, problems: parse.problems };
		return JSON.stringify({ uri: doc.uri, version: 1, diagnostics: getDiagnostics(checked, DEFAULT_SETTINGS) }).length;
	};
	for (let i = 0; i < Math.max(20, iterations); i++) {
		check();
	}
	const times = [];
	const cpuStart = process.cpuUsage();
	for (let i = 0; i < iterations * 10; i++) {
		const start = now();
		check();
		times.push(now() - start);
	}
	const cpu = process.cpuUsage(cpuStart);
	times.sort((a, b) => a - b);
	results[path.basename(file)] = {
		iterations: times.length,
		commands: doc.chunks.length,
		wallMs: { p50: times[Math.floor((times.length - 1) / 2)], min: times[0], mean: times.reduce((a, b) => a + b, 0) / times.length },
		cpuMs: (cpu.user + cpu.system) / 1000 / times.length,
	};
}
process.stdout.write(`${JSON.stringify(results)}\n`);
