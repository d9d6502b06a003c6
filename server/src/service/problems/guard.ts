import type { Span } from '../text/span';
import type { Problem } from './problem';

/**
 * The one place where a check of the language service is allowed to fail. A check that throws on
 * one part of a document (a policy, a profile, a command) loses only its own findings on that
 * part: one `check-failed` problem stands at the part instead, and every other check, and the same
 * check on every other part, still reports. Without it one bug would take every diagnostic of the
 * document with it.
 */

/** A part of a document a check runs on: where it is, and its name in a sentence ("the policy SessionLogging"). */
export interface CheckedPart {
	readonly span: Span;
	readonly name: string;
}

/** A check as data: the name its failure is reported under, and the work, which adds to `problems` only. */
export interface Check<T> {
	readonly name: string;
	readonly run: (part: T, problems: Problem[]) => void;
}

/** What a failure says: the check, the part, the error in one short line, and a request to report it. */
function failed(check: string, part: CheckedPart, error: unknown): Problem {
	const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	const reason = raw.replace(/\s+/g, ' ').slice(0, 200);
	return {
		code: 'check-failed',
		span: { start: part.span.start, end: part.span.end },
		message: `The ${check} check failed on ${part.name} (${reason}), so this part is not fully checked; the other checks still ran. This is a bug in rapolicy: please report it with the text that causes it.`,
	};
}

/**
 * Runs `work`, which adds to `problems`. If it throws, what it added is taken back, the failure
 * is reported at `part`, and `fallback` is returned in place of its result.
 */
export function guarded<T>(check: string, part: CheckedPart, problems: Problem[], work: () => T, fallback: T): T {
	return attempt(check, () => part, problems, work, fallback);
}

/**
 * Runs `work` for the problems or model it returns. If it throws, the result is `fallback` made
 * from the problem that reports the failure at `part`.
 */
export function guardedResult<T>(check: string, part: CheckedPart, work: () => T, fallback: (failure: Problem) => T): T {
	try {
		return work();
	} catch (error) {
		return fallback(failed(check, part, error));
	}
}

/** `guarded`, with the part named only when the check fails. */
function attempt<T>(check: string, part: () => CheckedPart, problems: Problem[], work: () => T, fallback: T): T {
	const before = problems.length;
	try {
		return work();
	} catch (error) {
		problems.length = before;
		problems.push(failed(check, part(), error));
		return fallback;
	}
}

/**
 * Runs every check on every part, guarded one by one, check by check: each check reports on all
 * the parts before the next check starts, so the problems come in the order of the checks.
 */
export function runChecks<T>(checks: readonly Check<T>[], parts: readonly T[], where: (part: T) => CheckedPart, problems: Problem[]): void {
	for (const check of checks) {
		for (const part of parts) {
			attempt(check.name, () => where(part), problems, () => check.run(part, problems), undefined);
		}
	}
}
