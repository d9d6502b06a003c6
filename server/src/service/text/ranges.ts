import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Span } from './span';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A range that never splits a character made of two UTF-16 code units. */
export function toRange(lines: TextDocument, span: Span): Range {
	const text = lines.getText();
	let start = span.start;
	let end = Math.max(span.start, span.end);
	if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) {
		start--;
	}
	if (end > 0 && end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) {
		end++;
	}
	return { start: lines.positionAt(start), end: lines.positionAt(end) };
}
