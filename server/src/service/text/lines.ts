/** Offset of the first character of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
	let i = Math.min(offset, text.length);
	while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
		i--;
	}
	return i;
}

/** Offset just past the last character of the line that holds `offset` (before its line break). */
export function lineEnd(text: string, offset: number): number {
	let i = Math.max(0, offset);
	while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
		i++;
	}
	return i;
}

/** Offset of the start of the next line, or the text length on the last line. */
export function nextLineStart(text: string, offset: number): number {
	const end = lineEnd(text, offset);
	if (text[end] === '\r' && text[end + 1] === '\n') {
		return end + 2;
	}
	return end < text.length ? end + 1 : end;
}

export function column(text: string, offset: number): number {
	return offset - lineStart(text, offset);
}

/** The line break the file already uses, so edits do not mix styles. */
export function eol(text: string): string {
	const i = text.indexOf('\n');
	return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
