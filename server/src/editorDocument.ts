import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from './service';
import { lineBreaksIn } from './service/text/lines';

/** Past this many pieces the text is joined again, so reading a character stays quick. */
const MAX_PIECES = 64;

function isEol(c: number): boolean {
	return c === 10 || c === 13;
}

/**
 * The server's copy of an open document, kept up to date edit by edit like the library's, but held
 * as pieces of text rather than one string. Joining a 2 MB text on every keystroke (the library's
 * way) allocates and fills 2 MB each time, several times what checking the edit costs; the pieces
 * are joined only when someone reads the whole text, and a snapshot of a version can be read later.
 */
export class EditorDocument implements TextDocument {
	private lineStarts: number[] | undefined;
	/** The text, in order; never empty strings, never modified in place (snapshots share it). */
	private pieces: readonly string[];
	private length: number;
	/** The one change that made this version from the one before, when a single range was edited. */
	private lastChange: { readonly from: number; readonly change: TextChange } | undefined;

	private constructor(
		readonly uri: string,
		readonly languageId: string,
		public version: number,
		content: string,
	) {
		this.pieces = content === '' ? [] : [content];
		this.length = content.length;
	}

	static create(uri: string, languageId: string, version: number, content: string): EditorDocument {
		return new EditorDocument(uri, languageId, version, content);
	}

	static update(document: EditorDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): EditorDocument {
		let edited: TextChange | undefined;
		for (const change of changes) {
			if ('range' in change) {
				edited = document.replace(change.range, change.text);
			} else {
				document.pieces = change.text === '' ? [] : [change.text];
				document.length = change.text.length;
				document.lineStarts = undefined;
				edited = undefined;
			}
		}
		document.lastChange = changes.length === 1 && edited ? { from: document.version, change: edited } : undefined;
		document.version = version;
		return document;
	}

	/** What changed since `version`, when this version came from it by one edit of one range. */
	changeSince(version: number): TextChange | undefined {
		return this.lastChange?.from === version ? this.lastChange.change : undefined;
	}

	get lineCount(): number {
		return this.starts().length;
	}

	getText(range?: Range): string {
		return range ? this.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.join();
	}

	/** This version's text, read only when asked for: later edits do not change it. */
	snapshot(): { readonly length: number; read(): string } {
		const pieces = this.pieces;
		let text: string | undefined;
		return { length: this.length, read: () => (text ??= pieces === this.pieces ? this.join() : pieces.join('')) };
	}

	/** The whole text as one string, kept as the only piece from then on. */
	private join(): string {
		if (this.pieces.length !== 1) {
			const text = this.pieces.join('');
			this.pieces = text === '' ? [] : [text];
		}
		return this.pieces[0] ?? '';
	}

	private slice(start: number, end: number): string {
		let out = '';
		let at = 0;
		for (const piece of this.pieces) {
			const next = at + piece.length;
			if (next > start && at < end) {
				out += piece.slice(Math.max(start - at, 0), Math.min(end - at, piece.length));
			}
			if (next >= end) {
				break;
			}
			at = next;
		}
		return out;
	}

	/** The UTF-16 code unit at `offset` (NaN outside the text), without joining the pieces. */
	private charCodeAt(offset: number): number {
		if (offset < 0 || offset >= this.length) {
			return NaN;
		}
		let at = 0;
		for (const piece of this.pieces) {
			if (offset < at + piece.length) {
				return piece.charCodeAt(offset - at);
			}
			at += piece.length;
		}
		return NaN;
	}

	positionAt(offset: number): Position {
		const at = Math.max(0, Math.min(offset, this.length));
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
			return this.length;
		}
		if (position.line < 0) {
			return 0;
		}
		const start = starts[position.line];
		if (position.character <= 0) {
			return start;
		}
		const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.length;
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
		const next = index + 1 < starts.length ? starts[index + 1] : this.length;
		return { start: { line: index, character: 0 }, end: { line: index, character: this.beforeEol(next, start) - start } };
	}

	getEOLCharacters(line: number): string {
		const starts = this.starts();
		if (line < 0 || line >= starts.length) {
			return '';
		}
		const next = line + 1 < starts.length ? starts[line + 1] : this.length;
		return this.slice(this.beforeEol(next, starts[line]), next);
	}

	private starts(): number[] {
		this.lineStarts ??= [0, ...lineBreaksIn(this.join())];
		return this.lineStarts;
	}

	/** A position past the line's end stops before its line break, as the protocol says. */
	private beforeEol(offset: number, lineStart: number): number {
		let at = offset;
		while (at > lineStart && isEol(this.charCodeAt(at - 1))) {
			at--;
		}
		return at;
	}

	/** Replaces `[start, end)` with `text` in a new list of pieces, slicing only the two pieces at the ends. */
	private splice(start: number, end: number, text: string): void {
		const pieces: string[] = [];
		let at = 0;
		let inserted = false;
		for (const piece of this.pieces) {
			const next = at + piece.length;
			if (next <= start || at >= end) {
				if (at >= end && !inserted) {
					pieces.push(text);
					inserted = true;
				}
				pieces.push(piece);
			} else {
				if (at < start) {
					pieces.push(piece.slice(0, start - at));
				}
				if (!inserted) {
					pieces.push(text);
					inserted = true;
				}
				if (next > end) {
					pieces.push(piece.slice(end - at));
				}
			}
			at = next;
		}
		if (!inserted) {
			pieces.push(text);
		}
		this.pieces = pieces.filter((p) => p !== '');
		this.length += text.length - (end - start);
		if (this.pieces.length > MAX_PIECES) {
			this.join();
		}
	}

	private replace(range: Range, text: string): TextChange {
		const [from, to] = range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character) ? [range.end, range.start] : [range.start, range.end];
		const start = this.offsetAt(from);
		const end = this.offsetAt(to);
		this.splice(start, end, text);
		const change = { start, oldEnd: end, text };
		const starts = this.lineStarts;
		if (!starts) {
			return change;
		}
		const insertedEnd = start + text.length;
		// A CR and LF joined or split by the edit change more than the edited lines: count afresh.
		if ((this.charCodeAt(start - 1) === 13 && this.charCodeAt(start) === 10) || (this.charCodeAt(insertedEnd - 1) === 13 && this.charCodeAt(insertedEnd) === 10)) {
			this.lineStarts = undefined;
			return change;
		}
		const added = lineBreaksIn(text, start);
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
		return change;
	}
}
