/**
 * Child process for test/unit/fuzz.test.ts and test/fuzz/longFuzz.ts: runs one fuzz property (or
 * one case) per request and reports each case before running it, so the parent can kill a hang
 * and still say which document or file caused it (see childRunner.ts).
 */
import * as fc from 'fast-check';
import { serveRequests } from './childRunner';
import { cpuMsSince, newStats, record, type ExerciseOptions, type FuzzStats } from './fuzzCore';
import { exerciseCase, property, toProperty, type AnyCase } from './properties';

export type FuzzRequest =
	| {
		readonly kind: 'property';
		readonly name: string;
		readonly seed: number;
		readonly numRuns: number;
		/** Stop generating (and shrinking) after this much CPU time, in ms; 0 for no limit. */
		readonly cpuLimitMs: number;
		/** CPU time, in ms, one case may take before the property fails. */
		readonly maxCpuMsPerCase: number;
	}
	| {
		readonly kind: 'case';
		readonly label: string;
		readonly case: AnyCase;
		readonly options?: Pick<ExerciseOptions, 'warningPreview' | 'roundTrip'>;
	};

export interface PropertyReply {
	readonly failed: boolean;
	readonly interrupted: boolean;
	readonly numRuns: number;
	readonly numShrinks: number;
	/** fast-check's report: seed, replay path, shrunk counterexample, error. */
	readonly report: string;
	readonly counterexample: AnyCase | undefined;
	readonly stats: FuzzStats;
}

export interface CaseReply {
	readonly failure: string | undefined;
	readonly stats: FuzzStats;
}

export type FuzzReply = PropertyReply | CaseReply;

/** Sent before each case is checked. */
export type FuzzProgress = AnyCase;

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
	const spec = property(request.name);
	const stats = newStats();
	const details = fc.check(toProperty(spec, stats, request.maxCpuMsPerCase, progress), {
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
		counterexample: (details.counterexample as [AnyCase] | null)?.[0],
		stats,
	};
}

function runCase(request: Extract<FuzzRequest, { kind: 'case' }>, progress: (c: FuzzProgress) => void): CaseReply {
	const stats = newStats();
	progress(request.case);
	try {
		record(stats, exerciseCase(request.case, request.options), request.label);
		return { failure: undefined, stats };
	} catch (error) {
		return { failure: error instanceof Error ? error.message : String(error), stats };
	}
}

if (require.main === module) {
	serveRequests<FuzzRequest, FuzzReply, FuzzProgress>((request, progress) => (request.kind === 'property' ? runProperty(request, progress) : runCase(request, progress)));
}
