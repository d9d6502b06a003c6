import type { Problem } from '../problems/problem';
import { moveProblemSpans } from '../problems/shiftProblem';
import { sourceSpan, type Decoded } from '../xml/entities';
import type { AdmxFile } from '../admx/admxModel';
import { lintAdmx } from './lintAdmx';
import { readAdmx } from '../admx/readAdmx';
import { append } from '../text/append';

/**
 * An ADMX carried as escaped text (a SyncML Data escaped, a JSON string), read from its decoded
 * text with its problems mapped back through the escaping. Intune's Import ADMX is another
 * channel, so its rules are left out.
 */
export function readCarriedAdmxText(decoded: Decoded, problems: Problem[]): AdmxFile {
	const admx = readAdmx(decoded.value);
	for (const problem of lintAdmx(admx, decoded.value)) {
		if (problem.code !== 'admx-intune-import') {
			problems.push(moveProblemSpans(problem, (span) => sourceSpan(decoded, span.start, span.end)));
		}
	}
	return admx;
}

/** An ADMX carried where it stands in `text`, between `start` and `end`, problems at its characters. */
export function readCarriedAdmxInPlace(text: string, start: number, end: number, problems: Problem[]): AdmxFile {
	const admx = readAdmx(text, start, end);
	append(problems, lintAdmx(admx, text, undefined, start, end).filter((p) => p.code !== 'admx-intune-import'));
	return admx;
}
