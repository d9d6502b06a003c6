import type { OptionValue, PolicySetting } from '../model/policyModel';
import { shiftSpan } from '../text/span';
import type { Problem } from '../problems/problem';
import type { RaItem } from './raItem';
import type { CommandChunk, CommandChunkResult, PolicyWrite } from './syncmlModel';

/** What one item's lowered setting writes, for the checks across commands. */
export function policyWrite(entry: RaItem, setting: PolicySetting): PolicyWrite {
	// The catalog's own string: one string for all writes of a policy hashes once, where thousands of slices of the source would each hash again.
	return { policy: setting.definition?.name ?? entry.ra.policyName, command: entry.command, locUri: { start: entry.locUri.start, end: entry.locUri.end }, outcome: outcomeOf(setting) };
}

/** The setting as one text: its state, then each option with its value, in id order. */
function outcomeOf(setting: PolicySetting): string {
	const value = (v: OptionValue): unknown => (v.kind === 'scalar' ? v.value : v.kind === 'list' ? v.items.map(value) : v.description);
	const options = setting.options.map((o) => [o.id.value, value(o.value)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify([setting.state?.kind === 'scalar' ? setting.state.value : null, options]);
}

/** A write that undoes the one before it on the same policy: by chunk index and write index. */
export interface Conflict {
	readonly later: number;
	readonly laterWrite: number;
	readonly earlier: number;
	readonly earlierWrite: number;
}

/** Every conflict of a message, in command order: each write against the write before it on its policy. */
export function findConflicts(chunks: readonly CommandChunk[]): Conflict[] {
	const conflicts: Conflict[] = [];
	// The last write of each policy, as chunk and write index; a pair of maps rather than an object per write.
	const lastChunk = new Map<string, number>();
	const lastWrite = new Map<string, number>();
	for (let c = 0; c < chunks.length; c++) {
		const writes = chunks[c].result.writes;
		for (let w = 0; w < writes.length; w++) {
			const policy = writes[w].policy;
			const earlier = lastChunk.get(policy);
			if (earlier !== undefined) {
				const earlierWrite = lastWrite.get(policy) ?? 0;
				if (chunks[earlier].result.writes[earlierWrite].outcome !== writes[w].outcome) {
					conflicts.push({ later: c, laterWrite: w, earlier, earlierWrite });
				}
			}
			lastChunk.set(policy, c);
			lastWrite.set(policy, w);
		}
	}
	return conflicts;
}

/**
 * The conflicts after chunk `k` was read again, the other chunks keeping their places. A write
 * is only compared with the write before it on its policy, so only the policies chunk `k` wrote
 * before or writes now can change, and for each only the pairs that start or end in chunk `k`:
 * the search runs from `k` to the nearest write of the policy on either side.
 */
export function updateConflicts(previous: readonly Conflict[], chunks: readonly CommandChunk[], k: number, removed: CommandChunkResult): Conflict[] {
	const policies = new Set([...removed.writes, ...chunks[k].result.writes].map((w) => w.policy));
	if (policies.size === 0) {
		return previous as Conflict[];
	}
	const kept: Conflict[] = [];
	const redone: Conflict[] = [];
	const next = new Map<string, { chunk: number; write: number } | undefined>();
	for (const policy of policies) {
		next.set(policy, nearestWrite(chunks, policy, k + 1, 1));
	}
	const policyOf = (c: Conflict) => chunks[c.later].result.writes[c.laterWrite].policy;
	for (const c of previous) {
		// Pairs that end in chunk k, or end at the first write after it of a policy chunk k touches, are found again.
		const after = c.later === k ? undefined : next.get(policyOf(c));
		if (c.later !== k && (after === undefined || after.chunk !== c.later || after.write !== c.laterWrite)) {
			kept.push(c);
		}
	}
	for (const policy of policies) {
		let before = nearestWrite(chunks, policy, k - 1, -1);
		const writes = chunks[k].result.writes;
		const here = writes.map((w, i) => (w.policy === policy ? i : -1)).filter((i) => i >= 0).map((write) => ({ chunk: k, write }));
		for (const write of [...here, next.get(policy)]) {
			if (write === undefined) {
				continue;
			}
			if (before && chunks[before.chunk].result.writes[before.write].outcome !== chunks[write.chunk].result.writes[write.write].outcome) {
				redone.push({ later: write.chunk, laterWrite: write.write, earlier: before.chunk, earlierWrite: before.write });
			}
			before = write;
		}
	}
	return [...kept, ...redone].sort((a, b) => a.later - b.later || a.laterWrite - b.laterWrite);
}

/** The nearest write of `policy` from chunk `from` on in `step` direction (the last one of a chunk, going back). */
function nearestWrite(chunks: readonly CommandChunk[], policy: string, from: number, step: 1 | -1): { chunk: number; write: number } | undefined {
	for (let c = from; c >= 0 && c < chunks.length; c += step) {
		const writes = chunks[c].result.writes;
		for (let i = 0; i < writes.length; i++) {
			const w = step === 1 ? i : writes.length - 1 - i;
			if (writes[w].policy === policy) {
				return { chunk: c, write: w };
			}
		}
	}
	return undefined;
}

/**
 * A warning at the later LocURI of each conflict: the device applies commands in order and the
 * last one wins, so one of the two is in vain. `lineOf` gives the 1-based line of a file offset,
 * to name the earlier command.
 */
export function conflictProblems(conflicts: readonly Conflict[], chunks: readonly CommandChunk[], lineOf: (offset: number) => number, problems: Problem[]): void {
	for (const c of conflicts) {
		const later = chunks[c.later];
		const earlier = chunks[c.earlier];
		const write = later.result.writes[c.laterWrite];
		const before = earlier.result.writes[c.earlierWrite];
		problems.push({ code: 'conflicting-commands', span: shiftSpan(write.locUri, later.start), message: conflictMessage(write, before, lineOf(earlier.start + before.command.element.start)) });
	}
}

function conflictMessage(later: PolicyWrite, earlier: PolicyWrite, line: number): string {
	const other = `the <${earlier.command.name}> on line ${line}`;
	const self = `this <${later.command.name}>`;
	const what = later.command.name === 'Delete'
		? `${later.policy} is set by ${other} and removed again by ${self}.`
		: earlier.command.name === 'Delete'
			? `${later.policy} is removed by ${other} and set again by ${self}.`
			: `${later.policy} is set by ${other} and set again, with other data, by ${self}.`;
	return `${what} The device applies commands in order and the last one wins; keep one of the two.`;
}
