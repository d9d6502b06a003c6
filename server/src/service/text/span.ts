/** Offsets into the source text in UTF-16 code units, end exclusive. */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/**
 * The span moved by `delta`. Results computed for a slice of the text are moved to where the slice
 * sits in the file, so a part of the file that did not change is parsed once and only moved.
 */
export function shiftSpan<T extends Span>(value: T, delta: number): T {
	return { ...value, start: value.start + delta, end: value.end + delta };
}
