// Performance benchmark of the language server and the CLI (`npm run bench`).
//
// Drives `rapolicy-language-server --stdio` as an editor does over LSP on generated policy YAML
// (~100 / 1,000 / 10,000 lines) and SyncML (100 / 1,000 / 5,000 commands), and yaml-language-server
// on the same YAML with schemas/rapolicy.schema.json associated, alternating the two servers in the
// same run. Measures open -> first diagnostics, one-character edit -> next diagnostics, completion and
// hover latency, server CPU per edit, peak RSS, spawn -> initialize result; the in-process floor of a
// full re-check (yaml + ajv); `rapolicy validate` on 1,000 files; loading vendor ADMX files,
// checking an ADMX of one long category chain and a profile ingesting 40 ADMX files; and every
// feature on the hostile inputs the tests check. Prints one Markdown table with PASS/FAIL per target
// and writes bench/results/latest.json.
//
// Environment knobs (defaults in brackets): BENCH_EDITS [30] measured edits per file and server,
// BENCH_REQUESTS [40] completion/hover requests per position and server, BENCH_SPAWNS [7] spawn ->
// initialize rounds, BENCH_QUICK=1 only the small files (for trying the bench out).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, now } from './lib/lspClient.mjs';
import { hasMistake, policyFile, policyPositions, profileText, syncmlFile, syncmlPositions } from './lib/generate.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const QUICK = process.env.BENCH_QUICK === '1';
const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const EDIT_BLOCK = 10; // edits in a row on one server before switching to the other
const WARMUP_EDITS = 4; // on the measured file, not counted
const OPENS = 3; // open -> diagnostics of a file not seen before, median of
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const REQUEST_WARMUP = 5;
const REQUEST_BUDGET_MS = 15_000; // per server, request kind and position
const SPAWNS = Number(process.env.BENCH_SPAWNS ?? 7);
const YAML_SIZES = QUICK ? [100, 1000] : [100, 1000, 10000];
const SYNCML_SIZES = QUICK ? [100, 1000] : [100, 1000, 5000];
const CLI_FILES = 1000;
const CLI_RUNS = 3;
const FLOOR_ITERATIONS = 30;
const YLS_DEBOUNCE_MS = 200; // yaml-language-server's fixed validationDelayMs
const WATCHDOG_MS = 20 * 60_000;

const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

// ---- statistics -----------------------------------------------------------------------------

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
function percentile(samples, p) {
	if (samples.length === 0) {
		return NaN;
	}
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
const summary = (samples) => ({ n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), min: Math.min(...samples) });

// ---- servers --------------------------------------------------------------------------------

const SCHEMA_PATH = path.join(root, 'schemas/rapolicy.schema.json');
const SCHEMA_URI = pathToFileURL(SCHEMA_PATH).href;
const YLS_BIN = path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server');
const YLS_VERSION = existsSync(YLS_BIN) ? JSON.parse(readFileSync(path.join(root, 'node_modules/yaml-language-server/package.json'), 'utf8')).version : undefined;

/** What an editor would answer yaml-language-server: validate against our schema, no schema store, no network. */
const YAML_SETTINGS = {
	validate: true,
	hover: true,
	completion: true,
	format: { enable: false },
	schemas: { [SCHEMA_URI]: '*.rapolicy.yaml' },
	schemaStore: { enable: false },
	kubernetesCRDStore: { enable: false },
};

const SERVERS = {
	rapolicy: {
		label: 'rapolicy',
		command: [process.execPath, path.join(root, 'bin/rapolicy-language-server.js'), '--stdio'],
		configuration: (section) => (section === 'rapolicy' ? { validation: { enable: true, rules: {} } } : null),
		yamlLanguageId: 'rapolicy',
	},
	yls: {
		label: 'yaml-language-server',
		command: [process.execPath, YLS_BIN, '--stdio'],
		configuration: (section) => ({ yaml: YAML_SETTINGS, http: { proxy: '', proxyStrictSSL: false }, '[yaml]': {}, editor: {} })[section] ?? null,
		yamlLanguageId: 'yaml',
	},
};

const live = new Set();

async function startServer(kind, rootUri) {
	const spec = SERVERS[kind];
	const client = new LspClient({ name: spec.label, command: spec.command, configuration: spec.configuration });
	live.add(client);
	await client.initialize(rootUri);
	client.kind = kind;
	client.spec = spec;
	client.initializeMs = client.initializedAt - client.spawnedAt;
	if (kind === 'yls') {
		// Settings reach it both ways an editor sends them: pulled on `initialized`, and pushed here.
		await client.didChangeConfiguration({ yaml: YAML_SETTINGS });
		// Wait (bounded) until it has pulled the settings twice: on `initialized` and after the push.
		for (const deadline = now() + 5000; client.configurationRequests < 2 && now() < deadline; ) {
			await sleep(10);
		}
		await sleep(50);
	}
	return client;
}

async function stopServer(client) {
	await client.stop();
	live.delete(client);
}

function killAll() {
	for (const client of live) {
		try {
			client.process.kill('SIGKILL');
		} catch {
			// already gone
		}
	}
}
const watchdog = setTimeout(() => {
	log(`bench: watchdog: still running after ${WATCHDOG_MS / 60000} minutes; killing the servers`);
	killAll();
	process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();
process.on('SIGINT', () => {
	killAll();
	process.exit(130);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The change that inserts the edit's character (introducing an error) or deletes it again. */
function editChange(edit, introduce) {
	const start = edit.insert;
	return introduce
		? { range: { start, end: start }, text: edit.text }
		: { range: { start, end: { line: start.line, character: start.character + edit.text.length } }, text: '' };
}

/** A document open in one server, with the version to send next. */
class OpenDocument {
	constructor(client, uri, languageId, text) {
		Object.assign(this, { client, uri, languageId, text, version: 0, introduced: false });
	}

	/**
	 * Opens the document with its original text. A reopen continues the version numbers: a server may
	 * cache a parse by URI and version across a close (yaml-language-server does), and a reopened
	 * version 1 would then be answered from that cache instead of being checked.
	 */
	async open() {
		this.version++;
		this.introduced = false;
		const published = await this.client.open(this.uri, this.languageId, this.text, this.version);
		return { ms: published.at - published.sentAt, diagnostics: published.params.diagnostics };
	}

	/** Toggles the edit: inserts the character if it is not there, else deletes it. */
	async toggle(edit) {
		this.version++;
		this.introduced = !this.introduced;
		let published = await this.client.change(this.uri, this.version, [editChange(edit, this.introduced)]);
		// A server that says which version it checked must be answering this one.
		while (published.params.version !== undefined && published.params.version !== null && published.params.version !== this.version) {
			published = await this.client.diagnosticsAfter(this.uri, this.client.publicationCount(this.uri));
		}
		return { ms: published.at - published.sentAt, diagnostics: published.params.diagnostics, introduced: this.introduced };
	}

	close() {
		return this.client.close(this.uri);
	}
}

const isSchemaDiagnostic = (d) => typeof d.source === 'string' && d.source.startsWith('yaml-schema');

/**
 * Proves that yaml-language-server validates against our schema: the schema it associates with the
 * document is schemas/rapolicy.schema.json, and its diagnostics carry schema errors for the mistakes.
 * Its settings arrive asynchronously after `initialized`, so wait (bounded) until they are in force.
 */
async function verifyYlsSchema(doc, expectedAtLeast) {
	const deadline = now() + 10_000;
	let last = doc.client.published.get(doc.uri)?.at(-1)?.params.diagnostics ?? [];
	while (last.filter(isSchemaDiagnostic).length < expectedAtLeast && now() < deadline) {
		const next = await Promise.race([doc.client.diagnosticsAfter(doc.uri, doc.client.publicationCount(doc.uri)), sleep(500).then(() => undefined)]);
		last = next?.params.diagnostics ?? last;
	}
	const schemas = await doc.client.connection.sendRequest('yaml/get/jsonSchema', doc.uri);
	const schemaDiagnostics = last.filter(isSchemaDiagnostic).length;
	const ok = schemaDiagnostics >= expectedAtLeast && schemas.length === 1 && schemas[0].uri === SCHEMA_URI;
	if (!ok) {
		throw new Error(`yaml-language-server is not validating ${doc.uri} against ${SCHEMA_URI}: schemas ${JSON.stringify(schemas)}, ${schemaDiagnostics} schema diagnostics (expected at least ${expectedAtLeast})`);
	}
	return { associatedSchemas: schemas.map((s) => s.uri), schemaDiagnostics };
}

async function warmUp(doc, positions) {
	await doc.open();
	for (let i = 0; i < 10; i++) {
		await doc.toggle(positions.edit);
	}
	for (const method of ['textDocument/completion', 'textDocument/hover']) {
		for (const position of Object.values(method.endsWith('completion') ? positions.completion : positions.hover)) {
			for (let i = 0; i < 5; i++) {
				await doc.client.timed(method, { textDocument: { uri: doc.uri }, position });
			}
		}
	}
}

function resultSize(method, result) {
	if (method.endsWith('completion')) {
		return (Array.isArray(result) ? result : result?.items ?? []).length;
	}
	return result ? 1 : 0;
}

/**
 * One file size: fresh servers, warmed up on a smaller file of the same kind, then on the measured
 * file: opens, edits, completions, hovers, and at last the peak RSS.
 */
async function measureFile({ label, language, text, positions, mistakes, kinds, dir, fileName, warmup }) {
	const rootUri = pathToFileURL(dir).href;
	const uri = pathToFileURL(path.join(dir, fileName)).href;
	writeFileSync(path.join(dir, fileName), text);
	const clients = [];
	for (const kind of kinds) {
		clients.push(await startServer(kind, rootUri));
	}
	const result = { label, lines: text.split('\n').length - 1, characters: text.length, mistakes, servers: {} };
	const languageIdOf = (client) => (language === 'syncml' ? 'syncml' : client.spec.yamlLanguageId);
	const docs = new Map();
	for (const client of clients) {
		const r = { initializeMs: client.initializeMs };
		result.servers[client.kind] = r;
		// Warm up on a smaller file of the same kind, then close it.
		const warm = new OpenDocument(client, pathToFileURL(path.join(dir, warmup.fileName)).href, languageIdOf(client), warmup.text);
		await warmUp(warm, warmup.positions);
		if (client.kind === 'yls') {
			r.warmupSchemaCheck = await verifyYlsSchema(warm, warmup.mistakes);
		}
		await warm.close();
		docs.set(client, new OpenDocument(client, uri, languageIdOf(client), text));
	}
	// Alternate which server goes first from one step to the next.
	const order = (step) => (step % 2 === 0 ? clients : [...clients].reverse());

	// Each open is of a file the server has not seen (a name of its own), so each reads everything;
	// the last name stays open for the edits, after one close and reopen of it.
	log(`  ${label}: open -> diagnostics x${OPENS}, then a reopen`);
	for (let k = 0; k < OPENS; k++) {
		for (const client of order(k)) {
			const last = k === OPENS - 1;
			const doc = last ? docs.get(client) : new OpenDocument(client, pathToFileURL(path.join(dir, `open-${k}-${fileName}`)).href, languageIdOf(client), text);
			const r = result.servers[client.kind];
			const opened = await doc.open();
			(r.openMs ??= []).push(opened.ms);
			r.diagnosticsAtOpen = opened.diagnostics.length;
			if (client.kind === 'yls' && k === 0) {
				r.schemaCheck = await verifyYlsSchema(doc, mistakes);
			}
			await doc.close();
			if (last) {
				r.reopenMs = (await doc.open()).ms;
			}
		}
	}

	log(`  ${label}: ${WARMUP_EDITS} warm-up + ${EDITS} measured edits per server`);
	for (const client of clients) {
		for (let i = 0; i < WARMUP_EDITS; i++) {
			await docs.get(client).toggle(positions.edit);
		}
	}
	await sleep(100);
	const cpuStart = new Map(clients.map((c) => [c, { stat: c.cpuMs(), sched: c.schedCpuMs() }]));
	for (let block = 0; block * EDIT_BLOCK < EDITS; block++) {
		for (const client of order(block)) {
			const doc = docs.get(client);
			const r = result.servers[client.kind];
			for (let i = 0; i < EDIT_BLOCK && (r.editMs?.length ?? 0) < EDITS; i++) {
				const edited = await doc.toggle(positions.edit);
				(r.editMs ??= []).push(edited.ms);
				// The diagnostics must really change: one more problem with the error in, the open count without it.
				const changed = edited.introduced ? edited.diagnostics.length > r.diagnosticsAtOpen : edited.diagnostics.length === r.diagnosticsAtOpen;
				r.editsWithExpectedDiagnostics = (r.editsWithExpectedDiagnostics ?? 0) + (changed ? 1 : 0);
				if (client.kind === 'yls' && edited.introduced && r.schemaCheck && r.schemaCheck.editErrorFromSchema === undefined) {
					r.schemaCheck.editErrorFromSchema = edited.diagnostics.some((d) => isSchemaDiagnostic(d) && d.range.start.line === positions.edit.insert.line);
				}
			}
		}
	}
	await sleep(200); // let trailing work (a GC after the last answer) land in the window
	for (const client of clients) {
		const r = result.servers[client.kind];
		const start = cpuStart.get(client);
		r.cpuPerEditMs = (client.cpuMs() - start.stat) / r.editMs.length;
		r.schedCpuPerEditMs = (client.schedCpuMs() - start.sched) / r.editMs.length;
		r.open = summary(r.openMs);
		r.firstOpenMs = r.openMs[0];
		r.edit = summary(r.editMs);
	}

	log(`  ${label}: completion and hover, ${REQUESTS} per position and server`);
	let step = 0;
	for (const [method, key] of [['textDocument/completion', 'completion'], ['textDocument/hover', 'hover']]) {
		for (const [where, position] of Object.entries(positions[key])) {
			for (const client of order(step++)) {
				const r = result.servers[client.kind];
				const params = { textDocument: { uri }, position };
				for (let i = 0; i < REQUEST_WARMUP; i++) {
					await client.timed(method, params);
				}
				const times = [];
				const deadline = now() + REQUEST_BUDGET_MS;
				let size = 0;
				for (let i = 0; i < REQUESTS && (i < 5 || now() < deadline); i++) {
					const answer = await client.timed(method, params);
					times.push(answer.ms);
					size = resultSize(method, answer.result);
				}
				((r[`${key}ByPosition`] ??= {})[where] = { ...summary(times), resultSize: size });
				(r[`${key}Ms`] ??= []).push(...times);
			}
		}
	}
	for (const client of clients) {
		const r = result.servers[client.kind];
		r.completion = summary(r.completionMs);
		r.hover = summary(r.hoverMs);
		Object.assign(r, client.memory());
		delete r.openMs;
		delete r.editMs;
		delete r.completionMs;
		delete r.hoverMs;
		await stopServer(client);
	}
	return result;
}

// ---- other measurements -----------------------------------------------------------------------

/** Spawn -> initialize result of both servers, and spawn -> exit of a bare `node -e 0` in the same rounds. */
async function spawnToInitialize() {
	const times = { rapolicy: [], yls: [], node: [] };
	const dir = pathToFileURL(os.tmpdir()).href;
	for (let round = 0; round < SPAWNS; round++) {
		times.node.push((await runProcess(['-e', '0'])).ms);
		for (const kind of round % 2 === 0 ? ['rapolicy', 'yls'] : ['yls', 'rapolicy']) {
			const client = await startServer(kind, dir);
			times[kind].push(client.initializeMs);
			await stopServer(client);
		}
	}
	return { rapolicy: summary(times.rapolicy), yls: summary(times.yls), node: summary(times.node) };
}

function runProcess(args, options = {}) {
	return new Promise((resolve, reject) => {
		const start = now();
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
		child.on('error', reject);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ ms: now() - start, code, stdout, stderr });
		});
	});
}

async function floor(files, script = 'bench/floor.mjs') {
	const run = await runProcess([path.join(root, script), String(FLOOR_ITERATIONS), ...files]);
	if (run.code !== 0) {
		throw new Error(`${script} failed: ${run.stderr}`);
	}
	return JSON.parse(run.stdout);
}

/** ADMX and ADML loading, measured in a process of its own (bench/admxLoad.mjs). */
async function admxLoad() {
	const run = await runProcess([path.join(root, 'bench/admxLoad.mjs'), '10']);
	if (run.code !== 0) {
		throw new Error(`bench/admxLoad.mjs failed: ${run.stderr}`);
	}
	return JSON.parse(run.stdout);
}

/** Every feature on hostile and oversized inputs, measured in a process of its own (bench/hostile.mjs). */
async function hostileInputs() {
	const run = await runProcess([path.join(root, 'bench/hostile.mjs'), '3']);
	if (run.code !== 0) {
		throw new Error(`bench/hostile.mjs failed: ${run.stderr}`);
	}
	return JSON.parse(run.stdout);
}

async function cliValidate(dir) {
	const folder = path.join(dir, 'cli');
	mkdirSync(folder, { recursive: true });
	let mistakes = 0;
	for (let i = 0; i < CLI_FILES; i++) {
		writeFileSync(path.join(folder, `profile-${String(i).padStart(4, '0')}.rapolicy.yaml`), profileText(i));
		mistakes += hasMistake(i) ? 1 : 0;
	}
	const args = [path.join(root, 'bin/rapolicy.js'), 'validate', path.join(folder, '*.rapolicy.yaml')];
	await runProcess(args); // warm the file cache
	const runs = [];
	for (let i = 0; i < CLI_RUNS; i++) {
		runs.push(await runProcess(args));
	}
	const last = runs.at(-1);
	const summaryLine = last.stderr.trim().split('\n').at(-1);
	if (!summaryLine.startsWith(`${CLI_FILES} files checked`) || last.code !== 1) {
		throw new Error(`rapolicy validate did not check ${CLI_FILES} files as expected (exit ${last.code}): ${last.stderr.slice(-500)}`);
	}
	return { files: CLI_FILES, mistakes, exitCode: last.code, summary: summaryLine, wall: summary(runs.map((r) => r.ms)) };
}

// ---- report -------------------------------------------------------------------------------------

function machine() {
	const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
	const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown CPU';
	return { node: process.version, cpu: model, cores: os.cpus().length, loadavg: readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ') };
}

const fmt = (v, digits = 1) => (v === undefined || Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(digits));
const ms = (v) => `${fmt(v)} ms`;
const mib = (v) => `${fmt(v)} MiB`;
const ratio = (a, b) => (b > 0 ? a / b : NaN);

function table(results) {
	const rows = [];
	const targets = [];
	const row = (measure, file, ours, theirs = '', r = '', target = '', pass = undefined) => {
		rows.push([measure, file, ours, theirs, r, target, pass === undefined ? '' : pass ? 'PASS' : 'FAIL']);
		if (pass !== undefined) {
			targets.push({ measure: `${measure}, ${file}`, target, pass });
		}
	};
	const s = results.spawn;
	row('spawn → initialize result (p50 of ' + s.rapolicy.n + ')', '–', `${ms(s.rapolicy.p50)} (bare node -e 0: ${ms(s.node.p50)})`, ms(s.yls.p50), fmt(ratio(s.rapolicy.p50, s.yls.p50), 2), '≤ node -e 0 + 60 ms', s.rapolicy.p50 <= s.node.p50 + 60);
	for (const f of results.yaml) {
		const o = f.servers.rapolicy;
		const t = f.servers.yls;
		const file = `YAML ${f.lines} lines`;
		const big = f === results.yaml.at(-1) && f.lines >= 10000;
		const floorCpu = results.floor[f.fileName]?.cpuMs;
		row(
			'diagnostics at open for the injected mistakes; edits whose diagnostics changed as expected',
			file,
			`${o.diagnosticsAtOpen} for ${f.mistakes}; ${o.editsWithExpectedDiagnostics}/${o.edit.n}`,
			`${t.schemaCheck.schemaDiagnostics} schema errors for ${f.mistakes} (schema ${path.basename(t.schemaCheck.associatedSchemas.join(', '))}); ${t.editsWithExpectedDiagnostics}/${t.edit.n}${t.schemaCheck.editErrorFromSchema ? ', edit error from the schema' : ''}`,
		);
		row('open → first diagnostics p50 (first open; reopen after close)', file, `${ms(o.open.p50)} (${ms(o.firstOpenMs)}; ${ms(o.reopenMs)})`, `${ms(t.open.p50)} (${ms(t.firstOpenMs)}; ${ms(t.reopenMs)})`, `${fmt(ratio(o.open.p50, t.open.p50), 2)} (${fmt(ratio(o.open.p50, t.open.p50 - YLS_DEBOUNCE_MS), 2)} without its 200 ms delay)`);
		row('edit → diagnostics p50', file, ms(o.edit.p50), ms(t.edit.p50), `${fmt(ratio(o.edit.p50, t.edit.p50), 2)} (${fmt(ratio(o.edit.p50, t.edit.p50 - YLS_DEBOUNCE_MS), 2)} without its 200 ms delay)`);
		const p95Target = f.lines >= 10000 ? 150 : f.lines >= 1000 ? 50 : undefined;
		row('edit → diagnostics p95', file, ms(o.edit.p95), ms(t.edit.p95), `${fmt(ratio(o.edit.p95, t.edit.p95), 2)} (${fmt(ratio(o.edit.p95, t.edit.p95 - YLS_DEBOUNCE_MS), 2)} without its 200 ms delay)`, p95Target ? `< ${p95Target} ms` : '', p95Target ? o.edit.p95 < p95Target : undefined);
		row('edit → diagnostics max', file, ms(o.edit.max), ms(t.edit.max), fmt(ratio(o.edit.max, t.edit.max), 2));
		row('server CPU per edit', file, ms(o.cpuPerEditMs), ms(t.cpuPerEditMs), fmt(ratio(o.cpuPerEditMs, t.cpuPerEditMs), 2), big ? 'ratio ≤ 0.20' : '', big ? ratio(o.cpuPerEditMs, t.cpuPerEditMs) <= 0.2 : undefined);
		row('server CPU per edit / floor CPU per full check', file, `${fmt(ratio(o.cpuPerEditMs, floorCpu), 2)} (floor ${ms(floorCpu)})`, `${fmt(ratio(t.cpuPerEditMs, floorCpu), 2)}`, '', big ? '≤ 1.5' : '', big ? ratio(o.cpuPerEditMs, floorCpu) <= 1.5 : undefined);
		row('completion p50 / p95', file, `${ms(o.completion.p50)} / ${ms(o.completion.p95)}`, `${ms(t.completion.p50)} / ${ms(t.completion.p95)}`, fmt(ratio(o.completion.p95, t.completion.p95), 2), big ? 'p95 < 5 ms' : '', big ? o.completion.p95 < 5 : undefined);
		row('hover p50 / p95', file, `${ms(o.hover.p50)} / ${ms(o.hover.p95)}`, `${ms(t.hover.p50)} / ${ms(t.hover.p95)}`, fmt(ratio(o.hover.p95, t.hover.p95), 2), big ? 'p95 < 5 ms' : '', big ? o.hover.p95 < 5 : undefined);
		row('peak RSS (VmHWM)', file, mib(o.peakRssMiB), mib(t.peakRssMiB), fmt(ratio(o.peakRssMiB, t.peakRssMiB), 2), big ? 'ratio ≤ 0.30' : '', big ? ratio(o.peakRssMiB, t.peakRssMiB) <= 0.3 : undefined);
	}
	for (const f of results.yaml) {
		const fl = results.floor[f.fileName];
		row('floor: yaml parse + toJS + ajv, one process (p50 wall / CPU mean)', `YAML ${f.lines} lines`, `${ms(fl.wallMs.p50)} / ${ms(fl.cpuMs)}`);
	}
	for (const f of results.syncml) {
		const o = f.servers.rapolicy;
		const file = `SyncML ${f.commands} commands`;
		const big = f === results.syncml.at(-1) && f.commands >= 5000;
		row('diagnostics at open for the injected mistakes; edits whose diagnostics changed as expected', file, `${o.diagnosticsAtOpen} for ${f.mistakes}; ${o.editsWithExpectedDiagnostics}/${o.edit.n}`);
		const floorCpu = results.syncmlFloor[f.fileName]?.cpuMs;
		row('open → first diagnostics p50 (first open; reopen after close)', file, `${ms(o.open.p50)} (${ms(o.firstOpenMs)}; ${ms(o.reopenMs)})`, '', '', big ? 'p50 ≤ 250 ms' : '', big ? o.open.p50 <= 250 : undefined);
		row('edit → diagnostics p50 / p95 / max', file, `${ms(o.edit.p50)} / ${ms(o.edit.p95)} / ${ms(o.edit.max)}`, '', '', big ? 'p95 ≤ 50 ms' : '', big ? o.edit.p95 <= 50 : undefined);
		row('server CPU per edit / floor (one command re-checked + message-level checks)', file, `${ms(o.cpuPerEditMs)} / ${ms(floorCpu)} = ${fmt(ratio(o.cpuPerEditMs, floorCpu), 2)}`, '', '', big ? '≤ 1.5' : '', big ? ratio(o.cpuPerEditMs, floorCpu) <= 1.5 : undefined);
		row('completion p50 / p95', file, `${ms(o.completion.p50)} / ${ms(o.completion.p95)}`, '', '', big ? 'p95 < 5 ms' : '', big ? o.completion.p95 < 5 : undefined);
		row('hover p50 / p95', file, `${ms(o.hover.p50)} / ${ms(o.hover.p95)}`, '', '', big ? 'p95 < 5 ms' : '', big ? o.hover.p95 < 5 : undefined);
		row('peak RSS (VmHWM)', file, mib(o.peakRssMiB), '', '', big ? '≤ 150 MiB' : '', big ? o.peakRssMiB <= 150 : undefined);
	}
	const c = results.cli;
	row(`rapolicy validate, wall time (p50 of ${c.wall.n})`, `${c.files} profile files`, `${fmt(c.wall.p50 / 1000, 2)} s`, '', '', '< 5 s', c.wall.p50 < 5000);
	const ingested = results.admx.profile;
	row('Profile of ingested ADMX policies: parse and check per edit p50 / max', `${ingested.policies} Firefox policies, ADMX cached`, `${ms(ingested.p50)} / ${ms(ingested.max)}`, '', '', '', undefined);
	const chain = results.admx.chain;
	row('Open ADMX of one long category chain, with its ADML: read and check per edit p50 / max', `${chain.admxKiB} KiB, ${chain.categories} categories, ${chain.policies} policies, ${chain.problems} problems`, `${ms(chain.p50)} / ${ms(chain.max)}`, '', '', 'max < 500 ms', chain.max < 500);
	const many = results.admx.manyFiles;
	row('Profile ingesting many ADMX files: parse and check per edit p50 / max', `${many.files} Firefox ADMX files with their ADML, ${many.policies} policies set`, `${ms(many.p50)} / ${ms(many.max)}`, '', '', 'p50 < 50 ms', many.p50 < 50);
	for (const [name, a] of Object.entries(results.admx.sets)) {
		const big = a.admxKiB >= 800;
		row('ADMX + ADML read and linted: first / warm p50 / cached', `${name} (${a.admxKiB} + ${a.admlKiB} KiB, ${a.policies} policies)`, `${ms(a.coldMs)} / ${ms(a.warm.p50)} / ${ms(a.cachedMs)}`, '', '', big ? 'first ≤ 200 ms' : '', big ? a.coldMs <= 200 : undefined);
	}
	for (const [name, h] of Object.entries(results.hostile)) {
		row('hostile input: every feature, CPU p50 / max', `${name}, ${h.characters} characters`, `${ms(h.cpuMs.p50)} / ${ms(h.cpuMs.max)}`, '', '', `max < ${h.limitMs} ms`, h.cpuMs.max < h.limitMs);
	}

	const m = results.machine;
	const lines = [
		`Machine: node ${m.node}, ${m.cpu}, ${m.cores} cores (load average ${m.loadavg} at start, ${results.loadavgAtEnd} at end); yaml-language-server ${results.ylsVersion}` +
			(Number(m.loadavg.split(' ')[0]) > m.cores || Number(results.loadavgAtEnd.split(' ')[0]) > m.cores ? '. The machine was busy with other work: absolute times are inflated; compare the ratios.' : ''),
		'',
		'| measure | file | rapolicy | yaml-language-server | ratio ours/theirs | target | result |',
		'|---|---|---|---|---|---|---|',
		...rows.map((r) => `| ${r.join(' | ')} |`),
	];
	return { markdown: lines.join('\n'), targets };
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
	if (!YLS_VERSION) {
		throw new Error('yaml-language-server is not installed; run `npm install` (it is a devDependency)');
	}
	if (!existsSync(path.join(root, 'dist/server/serverMain.js')) || !existsSync(path.join(root, 'dist/cli/cli.js'))) {
		throw new Error('dist/ is missing; run `npx tsc -p . && node esbuild.mjs` first');
	}
	const started = now();
	const results = { date: new Date().toISOString(), machine: machine(), ylsVersion: YLS_VERSION, settings: { EDITS, EDIT_BLOCK, WARMUP_EDITS, OPENS, REQUESTS, SPAWNS, CLI_FILES, FLOOR_ITERATIONS, percentile: 'nearest rank' } };
	try {
		results.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
	} catch {
		// not a git checkout
	}
	const dir = mkdtempSync(path.join(os.tmpdir(), 'rapolicy-bench-'));
	try {
		log(`bench: spawn -> initialize, ${SPAWNS} rounds per server`);
		results.spawn = await spawnToInitialize();

		const yamlWarmupFile = policyFile(300);
		const yamlWarmup = { fileName: 'warmup.rapolicy.yaml', text: yamlWarmupFile.text, mistakes: yamlWarmupFile.mistakes };
		yamlWarmup.positions = policyPositions(yamlWarmup.text);
		results.yaml = [];
		for (const size of YAML_SIZES) {
			const file = policyFile(size);
			const fileName = `policy-${size}.rapolicy.yaml`;
			log(`bench: YAML ~${size} lines (${file.lines} lines, ${file.profiles} profiles, ${file.mistakes} with a mistake)`);
			const r = await measureFile({
				label: `YAML ${file.lines} lines`,
				language: 'rapolicy',
				text: file.text,
				positions: policyPositions(file.text),
				mistakes: file.mistakes,
				kinds: YAML_SIZES.indexOf(size) % 2 === 0 ? ['rapolicy', 'yls'] : ['yls', 'rapolicy'],
				dir,
				fileName,
				warmup: yamlWarmup,
			});
			results.yaml.push({ ...r, fileName, profiles: file.profiles });
		}

		const syncmlWarmup = { fileName: 'warmup.syncml', text: syncmlFile(300).text };
		syncmlWarmup.positions = syncmlPositions(syncmlWarmup.text);
		results.syncml = [];
		for (const commands of SYNCML_SIZES) {
			const file = syncmlFile(commands);
			log(`bench: SyncML ${commands} commands (${file.lines} lines, ${file.mistakes} with a mistake)`);
			const r = await measureFile({
				label: `SyncML ${commands} commands`,
				language: 'syncml',
				text: file.text,
				positions: syncmlPositions(file.text),
				mistakes: file.mistakes,
				kinds: ['rapolicy'],
				dir,
				fileName: `message-${commands}.syncml`,
				warmup: syncmlWarmup,
			});
			results.syncml.push({ ...r, commands, fileName: `message-${commands}.syncml` });
		}

		log('bench: floor (yaml + ajv in one process)');
		results.floor = await floor(results.yaml.map((f) => path.join(dir, f.fileName)));
		log('bench: floor (one SyncML command re-checked + message-level checks, in one process)');
		results.syncmlFloor = await floor(results.syncml.map((f) => path.join(dir, f.fileName)), 'bench/syncmlFloor.mjs');

		log(`bench: rapolicy validate on ${CLI_FILES} files`);
		results.cli = await cliValidate(dir);
		log('bench: ADMX and ADML loading');
		results.admx = await admxLoad();
		log('bench: hostile inputs');
		results.hostile = await hostileInputs();
	} finally {
		killAll();
		rmSync(dir, { recursive: true, force: true });
	}
	results.loadavgAtEnd = readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
	results.totalSeconds = (now() - started) / 1000;
	const { markdown, targets } = table(results);
	results.targets = targets;
	results.table = markdown;
	const out = path.join(root, 'bench/results');
	mkdirSync(out, { recursive: true });
	writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, '\t')}\n`);
	process.stdout.write(`${markdown}\n`);
	const failed = targets.filter((t) => !t.pass);
	log(`bench: ${targets.length - failed.length} of ${targets.length} targets pass; results in bench/results/latest.json (${results.totalSeconds.toFixed(0)} s)`);
}

main().then(
	() => process.exit(0),
	(error) => {
		log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		killAll();
		process.exit(1);
	},
);
