import type { OptionValue, PolicySetting } from '../model/policyModel';
import { shiftSpan } from '../text/span';
import type { Problem } from '../validation/problem';
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

/**
 * How often each policy is written with each outcome, kept across edits like the CmdID counts:
 * while no policy is written two different ways, no command can undo another and the check is
 * skipped. The counts are updated in place for the newest parse; an older one counts afresh.
 */
export class PolicyWriteIndex {
	private constructor(
		private readonly counts: Map<string, Map<string, number>> & { owner?: PolicyWriteIndex },
		/** Policies written with more than one outcome. */
		private readonly mixed: number,
	) {}

	static of(chunks: readonly CommandChunk[]): PolicyWriteIndex {
		return chunks.reduce((index, c) => index.adding(c.result, 1), new PolicyWriteIndex(new Map(), 0));
	}

	get clean(): boolean {
		return this.mixed === 0;
	}

	/** Whether `policy` is written more than one way: only then can one of its commands undo another. */
	isMixed(policy: string): boolean {
		return (this.counts.get(policy)?.size ?? 0) >= 2;
	}

	/** The index after one command was read again; `chunks` are the new ones, for counting afresh. */
	replace(removed: CommandChunkResult, added: CommandChunkResult, chunks: readonly CommandChunk[]): PolicyWriteIndex {
		return this.counts.owner === this ? this.adding(removed, -1).adding(added, 1) : PolicyWriteIndex.of(chunks);
	}

	/** Counts a chunk in (+1) or out (-1); mutates, so only on an index of one's own. */
	private adding(result: CommandChunkResult, sign: 1 | -1): PolicyWriteIndex {
		let mixed = this.mixed;
		for (const write of result.writes) {
			let outcomes = this.counts.get(write.policy);
			if (!outcomes) {
				outcomes = new Map();
				this.counts.set(write.policy, outcomes);
			}
			const before = outcomes.size;
			const count = (outcomes.get(write.outcome) ?? 0) + sign;
			if (count === 0) {
				outcomes.delete(write.outcome);
			} else {
				outcomes.set(write.outcome, count);
			}
			if (before < 2 && outcomes.size >= 2) {
				mixed++;
			} else if (before >= 2 && outcomes.size < 2) {
				mixed--;
			}
		}
		const next = new PolicyWriteIndex(this.counts, mixed);
		this.counts.owner = next;
		return next;
	}
}

/**
 * Commands that write a policy differently from the command before them on that policy: the
 * device applies them in order and the last one wins, so one of the two is in vain. Reported at
 * the later LocURI; `lineOf` gives the 1-based line of a file offset, to name the earlier command.
 * `index` must be the one counted for `chunks`.
 */
export function checkConflictingCommands(chunks: readonly CommandChunk[], index: PolicyWriteIndex, lineOf: (offset: number) => number, problems: Problem[]): void {
	const last = new Map<string, { readonly write: PolicyWrite; readonly base: number }>();
	for (const { start: base, result } of chunks) {
		for (const write of result.writes) {
			if (!index.isMixed(write.policy)) {
				continue;
			}
			const before = last.get(write.policy);
			if (before && before.write.outcome !== write.outcome) {
				const line = lineOf(before.base + before.write.command.element.start);
				problems.push({ code: 'conflicting-commands', span: shiftSpan(write.locUri, base), message: conflictMessage(write, before.write, line) });
			}
			last.set(write.policy, { write, base });
		}
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
