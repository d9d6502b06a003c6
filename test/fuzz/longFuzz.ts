/**
 * The fuzz properties of test/unit/fuzz.test.ts with a large budget and a random seed, for a long
 * run outside CI:
 *
 *   npx tsc -p . && node out/test/fuzz/longFuzz.js
 *
 * Environment:
 *   FUZZ_RUNS        cases per property (default 20000; a property of weight below 1, whose
 *                    cases cost far more, runs that share of them)
 *   FUZZ_SEED        seed to replay a run (default: random, printed at the start)
 *   FUZZ_ONLY        only the properties whose name holds this text, e.g. "syncml: mutated"
 *   FUZZ_TIME_LIMIT  stop each property after this many seconds of CPU, shrinking included (default: none)
 *   FUZZ_STALL       seconds of CPU one case may take before it counts as a hang (default 30)
 *
 * Each property runs in a child process (test/fuzz/fuzzWorker.ts) that is killed when one
 * case takes longer than FUZZ_STALL; the case is printed. Every property runs even when
 * an earlier one fails; the exit code is 1 if any failed. A failure prints fast-check's report
 * (seed, replay path, counterexample shrunk by deleting text, the error).
 */
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChildRunner } from './childRunner';
import { newStats } from './fuzzCore';
import type { FuzzProgress, FuzzReply, FuzzRequest, PropertyReply } from './fuzzWorker';
import { describeCase, PROPERTY_WEIGHTS, summary } from './properties';

function wholeNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') {
		return fallback;
	}
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) {
		console.error(`${name}=${raw} is not a whole number`);
		process.exit(2);
	}
	return value;
}

async function main(): Promise<number> {
	const runs = wholeNumber('FUZZ_RUNS', 20_000);
	const seed = wholeNumber('FUZZ_SEED', randomInt(0, 2 ** 31 - 1));
	const timeLimit = wholeNumber('FUZZ_TIME_LIMIT', 0);
	const stall = wholeNumber('FUZZ_STALL', 30);
	const only = process.env.FUZZ_ONLY;
	const specs = PROPERTY_WEIGHTS.filter((s) => !only || s.name.includes(only));
	console.log(`longFuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${runs} cases per property, ${specs.length} properties${timeLimit ? `, at most ${timeLimit} s of CPU each` : ''}, a case over ${stall} s of CPU is a hang`);
	if (specs.length === 0) {
		console.error(`no property matches FUZZ_ONLY=${only}`);
		return 2;
	}
	const runner = new ChildRunner<FuzzRequest, FuzzReply, FuzzProgress>(path.join(__dirname, 'fuzzWorker.js'), ['--no-warnings']);
	const total = newStats();
	const began = performance.now();
	const failed: string[] = [];
	try {
		for (const spec of specs) {
			let seen = 0;
			const t0 = performance.now();
			const progressTimer = setInterval(() => console.log(`     ... ${spec.name}: ${seen} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`), 60_000);
			const outcome = await runner.run(
				{ kind: 'property', name: spec.name, seed, numRuns: Math.max(1, Math.ceil(runs * Math.min(1, spec.weight))), cpuLimitMs: timeLimit * 1000, maxCpuMsPerCase: stall * 1000 },
				{ stallCpuMs: stall * 1000, onProgress: () => void seen++ },
			);
			clearInterval(progressTimer);
			const seconds = (performance.now() - t0) / 1000;
			if (outcome.kind !== 'reply') {
				failed.push(spec.name);
				const how = outcome.kind === 'timeout' ? `HANG (${outcome.reason}; killed)` : outcome.kind === 'crash' ? `CRASH (exit ${outcome.code}, signal ${outcome.signal})` : 'WORKER ERROR';
				console.log(`\nFAIL ${spec.name}: ${how} after ${seen} cases, ${seconds.toFixed(1)} s`);
				console.log(outcome.kind === 'error' ? outcome.error : `${describeCase(outcome.last, Infinity)}${outcome.stderr ? `\n${outcome.stderr.slice(0, 5000)}` : ''}`);
				continue;
			}
			const reply = outcome.reply as PropertyReply;
			console.log(`\n${reply.failed ? 'FAIL' : 'ok  '} ${spec.name}: ${summary(reply.stats, seconds)}`);
			if (reply.failed) {
				failed.push(spec.name);
				console.log(reply.report);
			} else if (reply.interrupted) {
				console.log(`     stopped after ${reply.numRuns} cases (FUZZ_TIME_LIMIT)`);
			}
			total.documents += reply.stats.documents;
			total.calls += reply.stats.calls;
			total.clean += reply.stats.clean;
			total.diagnostics += reply.stats.diagnostics;
			if (reply.stats.maxCpuMs > total.maxCpuMs) {
				total.maxCpuMs = reply.stats.maxCpuMs;
				total.slowest = reply.stats.slowest;
			}
		}
	} finally {
		runner.close();
	}
	console.log(`\n${summary(total, (performance.now() - began) / 1000)}`);
	console.log(failed.length === 0 ? `longFuzz: all ${specs.length} properties hold (seed ${seed})` : `longFuzz: ${failed.length} of ${specs.length} properties failed (seed ${seed}): ${failed.join('; ')}`);
	return failed.length === 0 ? 0 : 1;
}

main().then((code) => {
	process.exitCode = code;
}, (error: unknown) => {
	console.error(error);
	process.exitCode = 2;
});
