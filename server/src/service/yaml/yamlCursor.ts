import { lineEnd, lineStart } from '../text/lines';

/**
 * Where the cursor is in a possibly half-typed YAML document, worked out from the text and its
 * indentation rather than from the parse tree, which has nothing yet at the place being typed.
 */
export interface CursorContext {
	/** Keys from the document root to the mapping (for `key`) or entry (for `value`, `item`). */
	readonly path: readonly string[];
	/**
	 * `key`: typing a key; `value`: typing the value after `key:`, also on a `- key:` line;
	 * `item`: typing a `- ` list entry, which may be the first key of a mapping in the list.
	 */
	readonly kind: 'key' | 'value' | 'item';
	/** The partial word to replace. */
	readonly start: number;
	readonly end: number;
	/** Keys already present beside the one being typed. */
	readonly siblings: ReadonlySet<string>;
	/** Whether the line already continues after the word with a `:` (so only the name is inserted). */
	readonly keyHasColon: boolean;
}

const KEY_LINE = /^(\s*)([^\s#:\-{}[\],][^#:{}[\],]*?)\s*:(?:\s|$)/;

interface Line {
	readonly start: number;
	readonly text: string;
	readonly indent: number;
}

function lineAt(text: string, start: number): Line {
	const body = text.slice(start, lineEnd(text, start));
	return { start, text: body, indent: body.length - body.trimStart().length };
}

function isBlankOrComment(line: Line): boolean {
	const t = line.text.trim();
	return t === '' || t.startsWith('#');
}

/** Lines of the current `---` document before and after the cursor line, nearest first. */
function* linesAbove(text: string, from: number): Generator<Line> {
	let start = from;
	while (start > 0) {
		start = lineStart(text, start - 1);
		const line = lineAt(text, start);
		if (/^(---|\.\.\.)(\s|$)/.test(line.text)) {
			return;
		}
		yield line;
	}
}

function* linesBelow(text: string, from: number): Generator<Line> {
	let end = lineEnd(text, from);
	while (end < text.length) {
		const start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
		const line = lineAt(text, start);
		if (/^(---|\.\.\.)(\s|$)/.test(line.text)) {
			return;
		}
		yield line;
		end = lineEnd(text, start);
	}
}

/** The keys of the block mappings that enclose a line indented by `indent`. */
function parentPath(text: string, lineStartOffset: number, indent: number, item: boolean): string[] {
	const path: string[] = [];
	let limit = indent;
	let allowEqual = item;
	for (const line of linesAbove(text, lineStartOffset)) {
		if (isBlankOrComment(line)) {
			continue;
		}
		const deeper = allowEqual ? line.indent > limit : line.indent >= limit;
		if (deeper) {
			continue;
		}
		if (allowEqual && line.indent === limit && line.text.trimStart().startsWith('-')) {
			continue;
		}
		const key = KEY_LINE.exec(line.text);
		if (key) {
			path.unshift(key[2]);
		}
		limit = line.indent;
		allowEqual = false;
		if (limit === 0) {
			break;
		}
	}
	return path;
}

/** A `- key:` line: the dash and spaces before the key of a mapping that is a list entry, and the key. */
const ENTRY_LINE = /^(\s*-\s+)([^\s#:\-{}[\],][^#:{}[\],]*?)\s*:(?:\s|$)/;

/**
 * Adds the keys at `indent` among `lines` up to the first line indented less. With `opener`, that
 * line's key counts too when it is the `- key:` that starts the same mapping, a list entry's first key.
 */
function collectKeys(lines: Generator<Line>, indent: number, keys: Set<string>, opener: boolean): void {
	for (const line of lines) {
		if (isBlankOrComment(line)) {
			continue;
		}
		if (line.indent < indent) {
			const entry = opener ? ENTRY_LINE.exec(line.text) : null;
			if (entry && entry[1].length === indent) {
				keys.add(entry[2]);
			}
			return;
		}
		const key = line.indent === indent ? KEY_LINE.exec(line.text) : null;
		if (key) {
			keys.add(key[2]);
		}
	}
}

function siblingKeys(text: string, lineStartOffset: number, indent: number): Set<string> {
	const keys = new Set<string>();
	collectKeys(linesAbove(text, lineStartOffset), indent, keys, true);
	collectKeys(linesBelow(text, lineStartOffset), indent, keys, false);
	return keys;
}

/** The characters at the end of `text` back to the first `stop`; a scan, not a regular expression, so it stays linear. */
function trailingWord(text: string, stop: RegExp): string {
	let start = text.length;
	while (start > 0 && !stop.test(text[start - 1])) {
		start--;
	}
	return text.slice(start);
}

/** Extends the word under the cursor to the right, so accepting a proposal replaces all of it. */
function wordEnd(text: string, offset: number, stop: RegExp): number {
	let end = offset;
	while (end < text.length && !stop.test(text[end])) {
		end++;
	}
	return end;
}

/** Longer lines are not analysed for completion: nobody types there, and the scans would be slow. */
const MAX_LINE = 20_000;

export function cursorContext(text: string, offset: number): CursorContext | undefined {
	const start = lineStart(text, offset);
	const end = lineEnd(text, offset);
	if (end - start > MAX_LINE) {
		return undefined;
	}
	const before = text.slice(start, offset);
	const after = text.slice(offset, end);
	const indent = before.length - before.trimStart().length;

	const flow = flowContext(text, start, before, after, offset);
	if (flow) {
		return flow;
	}
	const item = /^(\s*)-\s+(.*)$/.exec(before) ?? /^(\s*)-()$/.exec(before);
	if (item) {
		const path = parentPath(text, start, item[1].length, true);
		// `- key: value` starts a mapping in a list, such as an `admx:` entry: the value belongs to that key.
		const pair = /^([^\s#:\-{}[\],][^#:{}[\],]*?)\s*:(?:\s+(.*))?$/.exec(item[2]);
		if (pair) {
			const typed = pair[2] ?? '';
			return { path: [...path, pair[1]], kind: 'value', start: offset - typed.length, end: wordEnd(text, offset, /[\s#,}\]]/), siblings: new Set(), keyHasColon: false };
		}
		// Keys below at the column of this entry's first key are its siblings.
		const siblings = new Set<string>();
		collectKeys(linesBelow(text, start), before.length - item[2].length, siblings, false);
		const keyHasColon = /^[^\s:#]*\s*:/.test(after);
		return { path, kind: 'item', start: offset - item[2].length, end: wordEnd(text, offset, keyHasColon ? /[\s:#]/ : /[\r\n#]/), siblings, keyHasColon };
	}
	const value = /^(\s*)([^\s#:\-{}[\],][^#:{}[\],]*?)\s*:\s+(.*)$/.exec(before) ?? /^(\s*)([^\s#:\-{}[\],][^#:{}[\],]*?)\s*:()$/.exec(before);
	if (value) {
		const path = [...parentPath(text, start, value[1].length, false), value[2]];
		return { path, kind: 'value', start: offset - value[3].length, end: wordEnd(text, offset, /[\s#,}\]]/), siblings: new Set(), keyHasColon: false };
	}
	const word = trailingWord(before, /\s/);
	return {
		path: parentPath(text, start, indent, false),
		kind: 'key',
		start: offset - word.length,
		end: wordEnd(text, offset, /[\s:#]/),
		siblings: siblingKeys(text, start, indent),
		keyHasColon: /^[^\s:#]*\s*:/.test(after),
	};
}

/** Inside one-line flow mappings such as `SessionLogging: { state: en` or `policies: { A: {...}, Se`. */
function flowContext(text: string, start: number, before: string, after: string, offset: number): CursorContext | undefined {
	// The `{` still open at the cursor, outermost first; quoted text is skipped.
	const open: number[] = [];
	let quote: string | undefined;
	for (let i = 0; i < before.length; i++) {
		const c = before[i];
		if (quote) {
			if (c === quote) {
				quote = undefined;
			}
		} else if (c === '"' || c === '\'') {
			quote = c;
		} else if (c === '{') {
			open.push(i);
		} else if (c === '}') {
			open.pop();
		} else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) {
			return undefined;
		}
	}
	if (open.length === 0) {
		return undefined;
	}
	const owner = KEY_LINE.exec(before.slice(0, open[0]));
	if (!owner) {
		return undefined;
	}
	const path = [...parentPath(text, start, owner[1].length, false), owner[2]];
	for (const brace of open.slice(1)) {
		const key = /([^\s{},:]+)\s*:\s*$/.exec(before.slice(0, brace));
		if (!key) {
			return undefined;
		}
		path.push(key[1]);
	}
	const inner = before.slice(open[open.length - 1] + 1);
	const segment = inner.slice(inner.lastIndexOf(',') + 1);
	const pair = /^\s*([^\s:,]+)\s*:\s*(.*)$/.exec(segment);
	if (pair) {
		return { path: [...path, pair[1]], kind: 'value', start: offset - pair[2].length, end: wordEnd(text, offset, /[\s,}]/), siblings: new Set(), keyHasColon: false };
	}
	// Keys already written at this level: nested braces are blanked out so their keys do not count.
	const flat = (inner + after).replace(/\{[^{}]*\}/g, '{}');
	const siblings = new Set([...flat.matchAll(/([^\s{},:]+)\s*:/g)].map((m) => m[1]));
	const word = trailingWord(segment, /[\s,{]/);
	return { path, kind: 'key', start: offset - word.length, end: wordEnd(text, offset, /[\s:,}]/), siblings, keyHasColon: /^[^\s:,}]*\s*:/.test(after) };
}
