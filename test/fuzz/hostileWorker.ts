/**
 * Child process for test/unit/hostile.test.ts: builds one hostile input, runs every feature of
 * the language service on it (test/fuzz/fuzzCore.ts) and sends back what came out and how long
 * each step took. A crash, a stack overflow, running out of memory or a hang stays in this
 * process; the test kills a child that has used too much CPU time.
 *
 * Before the service is loaded, every way of reading a file or opening a connection is watched,
 * so the test can prove an external entity was never followed.
 */
import { performance } from 'node:perf_hooks';
// Types only: the modules themselves are loaded after the watches are in place.
import type { ExerciseResult } from './fuzzCore';

// The modules themselves, not the read-only namespace objects an `import * as` gives.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const net = require('node:net') as typeof import('node:net');

// ---- Watch file and network access (installed before the service is loaded) ----

const touched: string[] = [];

function pathOf(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return value;
	}
	if (value instanceof URL) {
		return value.href;
	}
	if (Buffer.isBuffer(value)) {
		return value.toString();
	}
	return undefined;
}

function watch(target: Record<string, unknown>, names: readonly string[], prefix: string): void {
	for (const name of names) {
		const original = target[name];
		if (typeof original !== 'function') {
			continue;
		}
		target[name] = function watched(this: unknown, ...args: unknown[]) {
			const path = pathOf(args[0]);
			if (path !== undefined) {
				touched.push(`${prefix}${name} ${path}`);
			}
			return (original as (...a: unknown[]) => unknown).apply(this, args);
		};
	}
}

const FS_READS = ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'statSync', 'stat', 'lstatSync', 'lstat', 'existsSync', 'exists', 'accessSync', 'access', 'realpathSync', 'opendirSync', 'readdirSync', 'readdir', 'readlinkSync', 'watch', 'watchFile'];
watch(fs as unknown as Record<string, unknown>, FS_READS, 'fs.');
watch(fs.promises as unknown as Record<string, unknown>, ['readFile', 'open', 'stat', 'lstat', 'access', 'realpath', 'readdir', 'opendir'], 'fs.promises.');
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function watchedConnect(this: import('node:net').Socket, ...args: unknown[]) {
	touched.push(`net.connect ${JSON.stringify(args[0])}`);
	return (originalConnect as (...a: unknown[]) => import('node:net').Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

// ---- The run ----

export interface HostileRequest {
	readonly name: string;
	readonly lang: 'rapolicy' | 'syncml' | 'admx';
	readonly canaryPath: string;
	/** Strings that must appear in no result (the content of files that must not be read). */
	readonly needles: readonly string[];
	/** Paths whose access is reported back (the rest of `touched` is module loading). */
	readonly watchedPaths: readonly string[];
	/** Characters to count in the input text (to show what the editor's decoding produced). */
	readonly countChars: readonly string[];
}

export interface ReportedDiagnostic {
	readonly code: string;
	readonly message: string;
	readonly severity: number | undefined;
	readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
	/** The text the range covers, found with lines.offsetAt (at most its first 300 characters). */
	readonly covered: string;
	/** The last 80 characters of that text. */
	readonly coveredTail: string;
	readonly coveredLength: number;
}

export interface HostileReport {
	readonly textLength: number;
	readonly lineCount: number;
	readonly diagnostics: readonly ReportedDiagnostic[];
	readonly diagnosticCount: number;
	/** Every feature ran and every check of fuzzCore passed; otherwise `failure` says what broke. */
	readonly ok: boolean;
	readonly failure?: string;
	readonly calls: number;
	/** ms on the clock: building the input, every feature (parsing included), and each feature summed over its calls. */
	readonly buildMs: number;
	readonly featuresMs: number;
	readonly timings: Record<string, number>;
	/** Characters of all serialized results. */
	readonly outputChars: number;
	readonly largestOutput: { feature: string; chars: number };
	readonly foundNeedles: readonly string[];
	readonly touchedWatched: readonly string[];
	readonly charCounts: Record<string, number>;
	/** The first characters of the input, for the log. */
	readonly head: string;
}

function run(request: HostileRequest): HostileReport {
	touched.length = 0;
	// Loaded only now, after the watches are in place.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const core = require('./fuzzCore') as typeof import('./fuzzCore');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const cases = require('./hostileCases') as typeof import('./hostileCases');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const service = require('../../server/src/service') as typeof import('../../server/src/service');

	const t0 = performance.now();
	const input = cases.buildHostile(request.name as import('./hostileCases').HostileCaseName, request.lang, { canaryPath: request.canaryPath });
	const buildMs = performance.now() - t0;
	const text = input.text;

	let outputChars = 0;
	let largestOutput = { feature: '', chars: 0 };
	const found = new Set<string>();
	const timings: Record<string, number> = {};
	// JSON escapes some characters, so each needle is looked for in both spellings. One expression
	// for all of them reads each output once: outputs run to hundreds of MB in all.
	const spellings = new Map(request.needles.flatMap((needle) => [[needle, needle], [JSON.stringify(needle).slice(1, -1), needle]]));
	const anyNeedle = new RegExp([...spellings.keys()].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
	const onOutput = (feature: string, json: string) => {
		outputChars += json.length;
		if (json.length > largestOutput.chars) {
			largestOutput = { feature, chars: json.length };
		}
		for (const match of json.matchAll(anyNeedle)) {
			found.add(spellings.get(match[0]) ?? match[0]);
		}
	};
	let failure: string | undefined;
	let result: ExerciseResult | undefined;
	const t1 = performance.now();
	try {
		result = core.exerciseDocument(text, input.lang, { offsets: input.offsets, onOutput, timings, warningPreview: false, codeActionsPerDiagnostic: 4 });
	} catch (error) {
		failure = error instanceof Error ? (error.name === 'FuzzFailure' ? error.message : (error.stack ?? error.message)) : String(error);
	}
	const featuresMs = performance.now() - t1;
	// The document and diagnostics the features were given; parsed again only when a feature failed.
	const doc = result?.doc ?? service.parseDocument(core.uriFor(input.lang), 1, text, input.lang);
	const diagnostics = result?.diagnostics ?? service.getDiagnostics(doc, service.DEFAULT_SETTINGS);
	const reported = diagnostics.slice(0, 5000).map((d): ReportedDiagnostic => {
		const covered = text.slice(doc.lines.offsetAt(d.range.start), doc.lines.offsetAt(d.range.end));
		return { code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, severity: d.severity, range: d.range, covered: covered.slice(0, 300), coveredTail: covered.slice(-80), coveredLength: covered.length };
	});
	const watched = touched.filter((entry) => request.watchedPaths.some((p) => entry.includes(p)) || entry.startsWith('net.'));
	return {
		textLength: text.length,
		lineCount: doc.lines.lineCount,
		diagnostics: reported,
		diagnosticCount: diagnostics.length,
		ok: result !== undefined,
		failure,
		calls: result?.calls ?? 0,
		buildMs,
		featuresMs,
		timings,
		outputChars,
		largestOutput,
		foundNeedles: [...found],
		touchedWatched: watched,
		charCounts: Object.fromEntries(request.countChars.map((c) => [c, text.split(c).length - 1])),
		head: text.slice(0, 80),
	};
}

if (require.main === module) {
	// One case after another; a case that hangs or crashes costs this process, and the parent starts another.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { serveRequests } = require('./childRunner') as typeof import('./childRunner');
	// Load the service now, after the watches are in place, so that a case does not pay for it.
	require('./fuzzCore');
	serveRequests<HostileRequest, HostileReport, never>((request) => run(request));
}
