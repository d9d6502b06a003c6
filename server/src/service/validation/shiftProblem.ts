import { shiftSpan } from '../text/span';
import type { Fix, Problem } from './problem';

function fix(value: Fix, delta: number): Fix {
	return { ...value, edits: value.edits.map((e) => ({ span: shiftSpan(e.span, delta), newText: e.newText })) };
}

/** A problem found in a slice of the text, moved to where the slice sits in the file. */
export function shiftProblem(problem: Problem, delta: number): Problem {
	if (delta === 0) {
		return problem;
	}
	return { ...problem, span: shiftSpan(problem.span, delta), fixes: problem.fixes?.map((f) => fix(f, delta)) };
}
