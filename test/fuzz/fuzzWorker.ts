/**
 * Child process for test/unit/fuzz.test.ts and test/fuzz/longFuzz.ts: runs one fuzz property (or
 * one document) per request and reports each case before running it, so the parent can kill a
 * hang and still say which document caused it (see childRunner.ts).
 */
import * as fc from 'fast-check';
import { serveRequests } from './childRunner';
import { cpuMsSince, exerciseDocument, newStats, record, type FuzzStats, type Lang } from './fuzzCore';
import { properties, toProperty, type FuzzCase } from './generators';

export type FuzzRequest =
	| {
		readonly kind: 'property';
		readonly name: string;
		readonly seed: number;
		readonly numRuns: number;
		/** Stop generating (and shrinking) after this much CPU time, in ms; 0 for no limit. */
		readonly cpuLimitMs: number;
		/** CPU time, in ms, every feature on one document may take before the property fails. */
		readonly maxCpuMsPerDocument: number;
	}
	| {
		readonly kind: 'document';
		readonly label: string;
		readonly lang: Lang;
		readonly text: string;
		readonly offsets: readonly number[];
		readonly warningPreview?: boolean;
		readonly roundTrip?: boolean;
	};

export interface PropertyReply {
	readonly failed: boolean;
	readonly interrupted: boolean;
	readonly numRuns: number;
	readonly numShrinks: number;
	/** fast-check's report: seed, replay path, shrunk counterexample, error. */
	readonly report: string;
	readonly counterexample: FuzzCase | undefined;
	readonly stats: FuzzStats;
}

export interface DocumentReply {
	readonly failure: string | undefined;
	readonly stats: FuzzStats;
}

export type FuzzReply = PropertyReply | DocumentReply;

/** Sent before each document is checked. */
export type FuzzProgress = FuzzCase;

/**
 * Interrupts the run (shrinking included) once it has used `limitMs` of this process's CPU time.
 * fast-check's own time limit reads the clock, which a machine busy with other work slows down.
 */
function interruptAfterCpuTime(limitMs: number): fc.Plugin<unknown> {
	return () => {
		const start = process.cpuUsage();
		return {
			decorateRun: (nestedRun) => (value) => (cpuMsSince(start) >= limitMs ? new fc.PreconditionFailure(true) : nestedRun(value)),
		};
	};
}

function runProperty(request: Extract<FuzzRequest, { kind: 'property' }>, progress: (c: FuzzProgress) => void): PropertyReply {
	const spec = properties().find((s) => s.name === request.name);
	if (!spec) {
		throw new Error(`no property named ${request.name}`);
	}
	const stats = newStats();
	const details = fc.check(toProperty(spec, stats, request.maxCpuMsPerDocument, progress), {
		seed: request.seed,
		numRuns: request.numRuns,
		includeErrorInReport: true,
		plugins: request.cpuLimitMs > 0 ? [interruptAfterCpuTime(request.cpuLimitMs)] : [],
	});
	return {
		failed: details.failed,
		interrupted: details.interrupted,
		numRuns: details.numRuns,
		numShrinks: details.numShrinks,
		report: details.failed ? fc.defaultReportMessage(details) ?? '' : '',
		counterexample: (details.counterexample as [FuzzCase] | null)?.[0],
		stats,
	};
}

function runDocument(request: Extract<FuzzRequest, { kind: 'document' }>, progress: (c: FuzzProgress) => void): DocumentReply {
	const stats = newStats();
	progress({ lang: request.lang, text: request.text, origin: request.label, offsets: request.offsets });
	try {
		record(stats, exerciseDocument(request.text, request.lang, { offsets: request.offsets, warningPreview: request.warningPreview, roundTrip: request.roundTrip }), request.label);
		return { failure: undefined, stats };
	} catch (error) {
		return { failure: error instanceof Error ? error.message : String(error), stats };
	}
}

if (require.main === module) {
	serveRequests<FuzzRequest, FuzzReply, FuzzProgress>((request, progress) => (request.kind === 'property' ? runProperty(request, progress) : runDocument(request, progress)));
}
