import type { Span } from '../text/span';

export type XmlTokenKind = 'text' | 'comment' | 'cdata' | 'declaration' | 'instruction' | 'start-tag' | 'end-tag' | 'stray-lt';

export interface XmlScanProblem extends Span {
	readonly message: string;
	/** `doctype` for a refused DOCTYPE or entity declaration, `syntax` for anything else. */
	readonly kind: 'syntax' | 'doctype';
}

export interface ScannedAttribute extends Span {
	readonly name: string;
	readonly nameSpan: Span;
	/** The text between the quotes (raw, still escaped); undefined when the value is missing. */
	readonly valueSpan: Span | undefined;
}

/** A start tag with this many attributes finds repeated names in a set; fewer are looked through. */
const MANY_ATTRIBUTES = 16;

function isNameStart(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xb7;
}

function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The XML tokenizer: one token at a time over `text[start, end)`, with no tree and no stack. The
 * current token lives in the scanner's fields instead of a new object per token, so skimming a
 * large message allocates next to nothing. Problems go to `report`, which a caller may switch off.
 *
 * A start tag is three steps: `next()` returns `start-tag` with the name, then the caller reads or
 * skips the attributes, then `closeStartTag()` says how the tag ended.
 */
export class XmlScanner {
	pos: number;
	kind: XmlTokenKind = 'text';
	/** Span of the whole token (for a start tag, set when the tag is closed). */
	start = 0;
	end = 0;
	/** The element name of a start or end tag; empty (start = end) when an end tag has none. */
	nameStart = 0;
	nameEnd = 0;
	/** The content of a comment, CDATA section or instruction, between its delimiters. */
	contentStart = 0;
	contentEnd = 0;
	/** Whether a comment, CDATA section, instruction or end tag was properly closed. */
	closed = true;

	constructor(
		readonly text: string,
		start: number,
		readonly limit: number,
		public report: ((problem: XmlScanProblem) => void) | undefined,
	) {
		this.pos = start;
	}

	private problem(start: number, end: number, message: string, kind: XmlScanProblem['kind'] = 'syntax'): void {
		this.report?.({ start, end: Math.max(end, start), message, kind });
	}

	/** The name of the current tag. */
	name(): string {
		return this.text.slice(this.nameStart, this.nameEnd);
	}

	/** Moves to the next token; false at the end of the input. */
	next(): boolean {
		const text = this.text;
		const end = this.limit;
		const i = this.pos;
		if (i >= end) {
			return false;
		}
		this.start = i;
		this.closed = true;
		if (text.charCodeAt(i) !== 60) {
			const lt = text.indexOf('<', i);
			this.end = this.pos = lt < 0 || lt > end ? end : lt;
			this.kind = 'text';
			return true;
		}
		if (text.startsWith('<!--', i)) {
			return this.delimited('comment', '<!--', '-->', 'This comment is never closed: end it with -->.');
		}
		if (text.startsWith('<![CDATA[', i)) {
			return this.delimited('cdata', '<![CDATA[', ']]>', 'This CDATA section is never closed: end it with ]]>.');
		}
		if (text.startsWith('<!', i)) {
			// DOCTYPE (with any internal subset of entity declarations) is refused, never expanded.
			let depth = 0;
			let j = i + 2;
			for (; j < end; j++) {
				const c = text.charCodeAt(j);
				if (c === 91) {
					depth++;
				} else if (c === 93) {
					depth--;
				} else if (c === 62 && depth <= 0) {
					break;
				}
			}
			this.end = this.pos = Math.min(j + 1, end);
			this.problem(i, this.end, 'DOCTYPE and entity declarations are not allowed in SyncML: remove this declaration. Nothing in it is read or expanded.', 'doctype');
			this.kind = 'declaration';
			return true;
		}
		if (text.startsWith('<?', i)) {
			return this.delimited('instruction', '<?', '?>', 'This processing instruction is never closed: end it with ?>.');
		}
		if (text.charCodeAt(i + 1) === 47) {
			this.pos = i + 2;
			this.readName();
			this.skipSpace();
			this.closed = this.pos < end && text.charCodeAt(this.pos) === 62;
			if (this.closed) {
				this.pos++;
			} else {
				this.problem(i, this.pos, 'This end tag is not closed: add >.');
			}
			this.end = this.pos;
			this.kind = 'end-tag';
			return true;
		}
		this.pos = i + 1;
		if (!this.readName()) {
			this.problem(i, i + 1, 'A < must start an element name, a comment or CDATA; write &lt; for a literal <.');
			this.end = this.pos = i + 1;
			this.kind = 'stray-lt';
			return true;
		}
		this.end = this.pos;
		this.kind = 'start-tag';
		return true;
	}

	/** A token from `open` to `close` (a comment, CDATA or an instruction); unclosed, it runs to the end. */
	private delimited(kind: XmlTokenKind, open: string, close: string, unclosed: string): true {
		const i = this.start;
		const found = this.text.indexOf(close, i + open.length);
		this.closed = found >= 0 && found + close.length <= this.limit;
		if (!this.closed) {
			this.problem(i, i + open.length, unclosed);
		}
		this.contentStart = i + open.length;
		this.contentEnd = this.closed ? found : this.limit;
		this.end = this.pos = this.closed ? found + close.length : this.limit;
		this.kind = kind;
		return true;
	}

	private skipSpace(): void {
		while (this.pos < this.limit && isSpace(this.text.charCodeAt(this.pos))) {
			this.pos++;
		}
	}

	/** Reads a name at the current position into nameStart/nameEnd; false (and an empty name) when none starts here. */
	private readName(): boolean {
		const text = this.text;
		const start = this.pos;
		this.nameStart = this.nameEnd = start;
		if (start >= this.limit || !isNameStart(text.charCodeAt(start))) {
			return false;
		}
		let i = start + 1;
		while (i < this.limit && isNameChar(text.charCodeAt(i))) {
			i++;
		}
		this.nameEnd = this.pos = i;
		return true;
	}

	/** Reads the attributes of the current start tag, reporting malformed or repeated ones. */
	readAttributes(elementName: string): ScannedAttribute[] {
		const text = this.text;
		const attributes: ScannedAttribute[] = [];
		// The names so far, once there are enough that looking through them for each new one would add up.
		let names: Set<string> | undefined;
		for (;;) {
			const before = this.pos;
			this.skipSpace();
			if (this.atTagEnd()) {
				return attributes;
			}
			if (this.pos === before) {
				this.problem(this.pos, this.pos + 1, 'Separate attributes with a space.');
			}
			if (!this.readName()) {
				this.problem(this.pos, this.pos + 1, `Unexpected ${JSON.stringify(text[this.pos])} in the start tag of <${elementName}>.`);
				this.pos++;
				continue;
			}
			const nameSpan = { start: this.nameStart, end: this.nameEnd };
			const name = text.slice(nameSpan.start, nameSpan.end);
			const valueSpan = this.readValue(name);
			if (names ? names.has(name) : attributes.some((a) => a.name === name)) {
				this.problem(nameSpan.start, nameSpan.end, `The attribute ${name} appears twice in <${elementName}>; keep one.`);
			}
			attributes.push({ name, nameSpan, valueSpan, start: nameSpan.start, end: valueSpan ? this.pos : nameSpan.end });
			if (names) {
				names.add(name);
			} else if (attributes.length === MANY_ATTRIBUTES) {
				names = new Set(attributes.map((a) => a.name));
			}
		}
	}

	/** Moves past the attributes of the current start tag without reading them. */
	skipAttributes(): void {
		const text = this.text;
		for (;;) {
			this.skipSpace();
			if (this.atTagEnd()) {
				return;
			}
			const c = text.charCodeAt(this.pos);
			if (c === 34 || c === 39) {
				const close = text.indexOf(c === 34 ? '"' : '\'', this.pos + 1);
				this.pos = close < 0 || close >= this.limit ? this.limit : close + 1;
			} else {
				this.pos++;
			}
		}
	}

	private atTagEnd(): boolean {
		if (this.pos >= this.limit) {
			return true;
		}
		const c = this.text.charCodeAt(this.pos);
		return c === 62 || c === 60 || (c === 47 && this.text.charCodeAt(this.pos + 1) === 62);
	}

	/** After `name`: `="value"`, returning the span inside the quotes. */
	private readValue(name: string): Span | undefined {
		const text = this.text;
		const nameStart = this.nameStart;
		this.skipSpace();
		if (text.charCodeAt(this.pos) !== 61) {
			this.problem(nameStart, this.nameEnd, `The attribute ${name} needs a value, as in ${name}="...".`);
			return undefined;
		}
		this.pos++;
		this.skipSpace();
		const quote = text[this.pos];
		if (quote !== '"' && quote !== '\'') {
			this.problem(nameStart, this.pos, `The value of ${name} must be in quotes, as in ${name}="...".`);
			return undefined;
		}
		const close = text.indexOf(quote, this.pos + 1);
		const closed = close >= 0 && close < this.limit;
		const stop = closed ? close : this.limit;
		const valueSpan = { start: this.pos + 1, end: stop };
		if (!closed) {
			this.problem(this.pos, stop, `The value of ${name} is not closed: add ${quote}.`);
		}
		this.pos = closed ? stop + 1 : stop;
		// Within the value: searching the text on would cost the rest of the file for each value when no < follows.
		const lt = text.slice(valueSpan.start, valueSpan.end).indexOf('<');
		if (lt >= 0) {
			this.problem(valueSpan.start + lt, valueSpan.start + lt + 1, 'An attribute value cannot contain <: write &lt; instead.');
		}
		return valueSpan;
	}

	/**
	 * Ends the current start tag: `empty` after `/>`, `open` after `>`, `unclosed` when neither
	 * follows. Sets `end` to the end of the tag.
	 */
	closeStartTag(elementName: string): 'empty' | 'open' | 'unclosed' {
		const text = this.text;
		if (text.startsWith('/>', this.pos) && this.pos + 2 <= this.limit) {
			this.end = this.pos += 2;
			return 'empty';
		}
		if (this.pos < this.limit && text.charCodeAt(this.pos) === 62) {
			this.end = ++this.pos;
			return 'open';
		}
		this.problem(this.start, Math.max(this.pos, this.nameEnd), `The start tag <${elementName}> is not closed: add > (or /> for an empty element).`);
		this.end = this.pos;
		return 'unclosed';
	}
}

/** Whether `text[start, end)` holds only XML white space. */
export function isBlank(text: string, start: number, end: number): boolean {
	for (let k = start; k < end; k++) {
		if (!isSpace(text.charCodeAt(k))) {
			return false;
		}
	}
	return true;
}
