import { eol, lineStart, nextLineStart } from '../text/lines';
import type { Span } from '../text/span';
import type { TextEdit } from '../problems/problem';

/** The whole lines of a block entry: from the start of its key's line to the start of the line after its value. */
export function entryLines(text: string, entry: Span): Span {
	return { start: lineStart(text, entry.start), end: nextLineStart(text, Math.max(entry.start, entry.end - 1)) };
}

/**
 * The text of `lines` with the indentation of `from` columns replaced by `to`, every line ending
 * in a line break. Deeper lines keep their extra indentation, so the block keeps its shape.
 */
export function reindent(text: string, lines: Span, from: number, to: number): string {
	const nl = eol(text);
	const pad = ' '.repeat(to);
	return text.slice(lines.start, lines.end).split(/\r?\n/)
		// The split leaves an empty piece after the last line break.
		.filter((line, i, all) => i < all.length - 1 || line !== '')
		.map((line) => {
			if (line.trim() === '') {
				return nl;
			}
			const spaces = /^ */.exec(line)?.[0].length ?? 0;
			return pad + line.slice(Math.min(spaces, from)) + nl;
		})
		.join('');
}

/**
 * Edits that move `lines` to `at` (a line start), re-indented from column `from` to `to`. Moving
 * to where the lines already are is one replacement, so the edits never touch each other.
 */
export function moveLines(text: string, lines: Span, from: number, to: number, at: number): TextEdit[] {
	const moved = reindent(text, lines, from, to);
	if (at === lines.start || at === lines.end) {
		return [{ span: lines, newText: moved }];
	}
	return [
		{ span: { start: at, end: at }, newText: needsBreak(text, at) ? eol(text) + moved : moved },
		{ span: lines, newText: '' },
	];
}

/** Inserting lines at the end of a file whose last line has no line break needs one in front. */
function needsBreak(text: string, at: number): boolean {
	return at === text.length && at > 0 && !/[\r\n]$/.test(text);
}
