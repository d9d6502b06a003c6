import { shiftSpan, type Span } from '../text/span';
import type { Problem } from './problem';

/** The problem with every span it holds (its own and its fixes' edits) passed through `move`. */
export function moveProblemSpans(problem: Problem, move: (span: Span) => Span): Problem {
	return { ...problem, span: move(problem.span), fixes: problem.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ span: move(e.span), newText: e.newText })) })) };
}

/** A problem found in a slice of the text, moved to where the slice sits in the file. */
export function shiftProblem(problem: Problem, delta: number): Problem {
	return delta === 0 ? problem : moveProblemSpans(problem, (span) => shiftSpan(span, delta));
}
