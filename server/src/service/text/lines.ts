/** Offset of the first character of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
	const at = Math.min(offset, text.length) - 1;
	if (at < 0) {
		return 0;
	}
	const lf = text.lastIndexOf('\n', at);
	// A lone CR also ends a line; look for one only within the line found so far.
	const cr = text.slice(lf + 1, at + 1).lastIndexOf('\r');
	return cr < 0 ? lf + 1 : lf + 1 + cr + 1;
}

/** Offset just past the last character of the line that holds `offset` (before its line break). */
export function lineEnd(text: string, offset: number): number {
	const from = Math.max(0, offset);
	const lf = text.indexOf('\n', from);
	const stop = lf < 0 ? text.length : lf;
	const cr = text.slice(from, stop).indexOf('\r');
	return cr < 0 ? stop : from + cr;
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

/** Offsets just past each line break in `text` (CRLF counts once), moved by `base`. */
export function lineBreaksIn(text: string, base = 0): number[] {
	const breaks: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 13 && text.charCodeAt(i + 1) === 10) {
			i++;
		}
		if (c === 10 || c === 13) {
			breaks.push(base + i + 1);
		}
	}
	return breaks;
}

/** The 0-based line holding `offset`, given the offsets where lines start (the first is 0). */
export function lineOf(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (starts[mid] <= offset) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	return low;
}

/** The 1-based line of an offset; the text is read and its line starts found on first use. */
export function lineNumbers(read: () => string): (offset: number) => number {
	let starts: number[] | undefined;
	return (offset) => lineOf((starts ??= [0, ...lineBreaksIn(read())]), offset) + 1;
}
