/** Characters that end a line or steer a terminal in some reader: C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const BREAKER = '[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]';
const EACH = new RegExp(BREAKER, 'g');
const FIRST = new RegExp(BREAKER);
const RUNS = new RegExp(`${BREAKER}+`, 'g');

/**
 * Text written where one line is expected (a comment of a script or of LGPO text): every character
 * that a reader could take as the end of the line, or as a control, is written as a visible escape,
 * so the text can never start a line of its own.
 */
export function oneLine(text: string): string {
	return text.replace(EACH, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The first character `oneLine` would escape, if any. */
export function firstBreaker(text: string): string | undefined {
	return FIRST.exec(text)?.[0];
}

/** The text with each run of such characters made one space. */
export function joinLines(text: string): string {
	return text.replace(RUNS, ' ').trim();
}
