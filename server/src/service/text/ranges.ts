import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Span } from './span';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether `offset` falls between the two code units of one character; reads only those two. */
function splitsPair(lines: TextDocument, offset: number): boolean {
	const pair = lines.getText({ start: lines.positionAt(offset - 1), end: lines.positionAt(offset + 1) });
	return pair.length === 2 && isHigh(pair.charCodeAt(0)) && isLow(pair.charCodeAt(1));
}

/** A range that never splits a character made of two UTF-16 code units. */
export function toRange(lines: TextDocument, span: Span): Range {
	let start = span.start;
	let end = Math.max(span.start, span.end);
	if (start > 0 && splitsPair(lines, start)) {
		start--;
	}
	if (end > 0 && splitsPair(lines, end)) {
		end++;
	}
	return { start: lines.positionAt(start), end: lines.positionAt(end) };
}
