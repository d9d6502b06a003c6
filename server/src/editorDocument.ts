import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const NOT_LATIN1 = /[^\u0000-\u00ff]/;
/** Below this, joining strings is cheap enough either way. */
const LARGE = 64 * 1024;

function isEol(c: number): boolean {
	return c === 10 || c === 13;
}

/** Offsets of the line starts inside `text` (not its own start), moved by `base`. */
function lineStartsIn(text: string, base: number): number[] {
	const starts: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 13 && text.charCodeAt(i + 1) === 10) {
			i++;
		}
		if (isEol(c)) {
			starts.push(base + i + 1);
		}
	}
	return starts;
}

/** Three Latin-1 strings as one flat string, written once into one buffer. */
function joinLatin1(before: string, inserted: string, after: string): string {
	const buffer = Buffer.allocUnsafe(before.length + inserted.length + after.length);
	buffer.write(before, 0, 'latin1');
	buffer.write(inserted, before.length, 'latin1');
	buffer.write(after, before.length + inserted.length, 'latin1');
	return buffer.toString('latin1');
}

/**
 * The server's copy of an open document, kept up to date edit by edit like the library's, except in
 * how a large text is rebuilt: V8 joins `before + inserted + after` lazily and later copies the
 * joined text one character at a time, which for a 2 MB SyncML message costs several times more
 * than checking the edit. A text of Latin-1 characters is joined through one buffer copy instead.
 */
export class EditorDocument implements TextDocument {
	private lineStarts: number[] | undefined;
	private latin1: boolean;

	private constructor(
		readonly uri: string,
		readonly languageId: string,
		public version: number,
		private content: string,
	) {
		this.latin1 = !NOT_LATIN1.test(content);
	}

	static create(uri: string, languageId: string, version: number, content: string): EditorDocument {
		return new EditorDocument(uri, languageId, version, content);
	}

	static update(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
		if (!(document instanceof EditorDocument)) {
			throw new Error('EditorDocument.update takes documents it created');
		}
		for (const change of changes) {
			if ('range' in change) {
				document.replace(change.range, change.text);
			} else {
				document.content = change.text;
				document.latin1 = !NOT_LATIN1.test(change.text);
				document.lineStarts = undefined;
			}
		}
		document.version = version;
		return document;
	}

	get lineCount(): number {
		return this.starts().length;
	}

	getText(range?: Range): string {
		return range ? this.content.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
	}

	positionAt(offset: number): Position {
		const at = Math.max(0, Math.min(offset, this.content.length));
		const starts = this.starts();
		let low = 0;
		let high = starts.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (starts[mid] > at) {
				high = mid;
			} else {
				low = mid + 1;
			}
		}
		const line = low - 1;
		return { line, character: this.beforeEol(at, starts[line]) - starts[line] };
	}

	offsetAt(position: Position): number {
		const starts = this.starts();
		if (position.line >= starts.length) {
			return this.content.length;
		}
		if (position.line < 0) {
			return 0;
		}
		const start = starts[position.line];
		if (position.character <= 0) {
			return start;
		}
		const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.content.length;
		return this.beforeEol(Math.min(start + position.character, next), start);
	}

	/** A line without its line break. */
	getLineRange(line: number): Range {
		const starts = this.starts();
		if (line < 0) {
			return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		}
		const index = Math.min(line, starts.length - 1);
		const start = starts[index];
		const next = index + 1 < starts.length ? starts[index + 1] : this.content.length;
		return { start: { line: index, character: 0 }, end: { line: index, character: this.beforeEol(next, start) - start } };
	}

	getEOLCharacters(line: number): string {
		const starts = this.starts();
		if (line < 0 || line >= starts.length) {
			return '';
		}
		const next = line + 1 < starts.length ? starts[line + 1] : this.content.length;
		return this.content.slice(this.beforeEol(next, starts[line]), next);
	}

	private starts(): number[] {
		this.lineStarts ??= [0, ...lineStartsIn(this.content, 0)];
		return this.lineStarts;
	}

	/** A position past the line's end stops before its line break, as the protocol says. */
	private beforeEol(offset: number, lineStart: number): number {
		let at = offset;
		while (at > lineStart && isEol(this.content.charCodeAt(at - 1))) {
			at--;
		}
		return at;
	}

	private replace(range: Range, text: string): void {
		const [from, to] = range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character) ? [range.end, range.start] : [range.start, range.end];
		const start = this.offsetAt(from);
		const end = this.offsetAt(to);
		const old = this.content;
		this.latin1 = this.latin1 && !NOT_LATIN1.test(text);
		this.content = this.latin1 && old.length > LARGE ? joinLatin1(old.slice(0, start), text, old.slice(end)) : old.slice(0, start) + text + old.slice(end);
		const starts = this.lineStarts;
		if (!starts) {
			return;
		}
		const insertedEnd = start + text.length;
		// A CR and LF joined or split by the edit change more than the edited lines: count afresh.
		const content = this.content;
		if ((content.charCodeAt(start - 1) === 13 && content.charCodeAt(start) === 10) || (content.charCodeAt(insertedEnd - 1) === 13 && content.charCodeAt(insertedEnd) === 10)) {
			this.lineStarts = undefined;
			return;
		}
		const added = lineStartsIn(text, start);
		const firstLine = Math.max(from.line, 0);
		const lastLine = Math.max(to.line, 0);
		const removed = lastLine - firstLine;
		if (removed === added.length) {
			for (let i = 0; i < added.length; i++) {
				starts[firstLine + 1 + i] = added[i];
			}
		} else {
			this.lineStarts = [...starts.slice(0, firstLine + 1), ...added, ...starts.slice(lastLine + 1)];
		}
		const delta = text.length - (end - start);
		if (delta !== 0) {
			const lines = this.lineStarts as number[];
			for (let i = firstLine + 1 + added.length; i < lines.length; i++) {
				lines[i] += delta;
			}
		}
	}
}
