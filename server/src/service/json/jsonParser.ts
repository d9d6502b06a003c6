import type { Span } from '../text/span';
import { DecodedBuilder, type Decoded } from '../xml/entities';

/*
 * A small JSON reader that keeps where everything is: every value has its source span, and a
 * string can map each of its characters back through the escapes that wrote it. It reads
 * half-typed text without throwing: what it cannot read becomes a problem, and reading goes on at
 * the next comma or bracket. Comments are skipped, so JSON with comments reads too.
 */

export interface JsonString extends Span {
	readonly kind: 'string';
	readonly value: string;
	/** Where the characters between the quotes are; `end` is before the closing quote. */
	readonly content: Span;
	/** The value mapped to the source through its escapes, built when asked for. */
	decoded(): Decoded;
}

export interface JsonNumber extends Span {
	readonly kind: 'number';
	readonly value: number;
}

export interface JsonLiteral extends Span {
	readonly kind: 'literal';
	readonly value: boolean | null;
}

export interface JsonProperty extends Span {
	readonly key: JsonString;
	readonly value: JsonValue | undefined;
}

export interface JsonObject extends Span {
	readonly kind: 'object';
	readonly properties: readonly JsonProperty[];
}

export interface JsonArray extends Span {
	readonly kind: 'array';
	readonly items: readonly JsonValue[];
}

export type JsonValue = JsonString | JsonNumber | JsonLiteral | JsonObject | JsonArray;

export interface JsonProblem extends Span {
	readonly message: string;
	/** A key that appears again in one object; anything else is a syntax problem. */
	readonly duplicate?: true;
}

export interface JsonParse {
	readonly root: JsonValue | undefined;
	readonly problems: readonly JsonProblem[];
}

/** Deeper nesting is skipped rather than read, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 200;
/** One broken file should not flood the editor; the first problems say what to fix. */
const MAX_PROBLEMS = 100;

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z0-9_.+-]+/y;

/** The property of `object` called `name`, if `object` is an object: the last one, as `JSON.parse` and Intune read a repeated key. */
export function property(object: JsonValue | undefined, name: string): JsonValue | undefined {
	return propertyEntry(object, name)?.value;
}

/** The same, with the property's key, for edits and messages that point at it. */
export function propertyEntry(object: JsonValue | undefined, name: string): JsonProperty | undefined {
	if (object?.kind !== 'object') {
		return undefined;
	}
	for (let i = object.properties.length - 1; i >= 0; i--) {
		if (object.properties[i].key.value === name) {
			return object.properties[i];
		}
	}
	return undefined;
}

/** Decodes the characters of a JSON string between `start` and `end` (the quotes left out). */
export function decodeJsonString(text: string, start: number, end: number, problems?: JsonProblem[]): Decoded {
	const builder = new DecodedBuilder();
	let i = start;
	while (i < end) {
		const slash = text.indexOf('\\', i);
		const stop = slash < 0 || slash >= end ? end : slash;
		builder.copy(text.slice(i, stop), i);
		if (stop === end) {
			break;
		}
		const next = text[stop + 1];
		const hex = next === 'u' ? /^[0-9a-fA-F]{4}$/.exec(text.slice(stop + 2, Math.min(stop + 6, end))) : null;
		if (hex) {
			builder.reference(String.fromCharCode(parseInt(hex[0], 16)), stop, 6);
			i = stop + 6;
		} else if (next !== undefined && stop + 1 < end && ESCAPES[next] !== undefined) {
			builder.reference(ESCAPES[next], stop, 2);
			i = stop + 2;
		} else {
			problems?.push({ start: stop, end: Math.min(stop + 2, end), message: `${text.slice(stop, Math.min(stop + 2, end))} is not a JSON escape: write \\\\ for a backslash.` });
			builder.copy('\\', stop);
			i = stop + 1;
		}
	}
	return builder.build(end);
}

export function parseJson(text: string): JsonParse {
	return new Reader(text).read();
}

class Reader {
	private pos = 0;
	private readonly problems: JsonProblem[] = [];

	constructor(private readonly text: string) {}

	read(): JsonParse {
		this.space();
		if (this.pos >= this.text.length) {
			return { root: undefined, problems: [] };
		}
		const root = this.value(0);
		this.space();
		if (this.pos < this.text.length) {
			this.problem(this.pos, this.text.length, 'Text after the end of the JSON value; remove it.');
		}
		return { root, problems: this.problems };
	}

	private problem(start: number, end: number, message: string, duplicate?: true): void {
		if (this.problems.length < MAX_PROBLEMS) {
			this.problems.push({ start, end: Math.max(end, start), message, ...(duplicate ? { duplicate } : {}) });
		}
	}

	/** Skips blanks and comments. */
	private space(): void {
		const text = this.text;
		for (;;) {
			const c = text.charCodeAt(this.pos);
			if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) {
				this.pos++;
			} else if (c === 47 && text[this.pos + 1] === '/') {
				const nl = text.indexOf('\n', this.pos);
				this.pos = nl < 0 ? text.length : nl;
			} else if (c === 47 && text[this.pos + 1] === '*') {
				const close = text.indexOf('*/', this.pos + 2);
				this.pos = close < 0 ? text.length : close + 2;
			} else {
				return;
			}
		}
	}

	private value(depth: number): JsonValue | undefined {
		const text = this.text;
		const start = this.pos;
		const c = text[start];
		if (depth >= MAX_DEPTH && (c === '{' || c === '[')) {
			this.problem(start, start + 1, `Nested more than ${MAX_DEPTH} levels deep; this part is not read.`);
			this.skipNested();
			return undefined;
		}
		switch (c) {
			case '{':
				return this.object(depth);
			case '[':
				return this.array(depth);
			case '"':
				return this.string();
		}
		NUMBER.lastIndex = start;
		const number = NUMBER.exec(text);
		if (number) {
			this.pos = start + number[0].length;
			return { kind: 'number', value: Number(number[0]), start, end: this.pos };
		}
		WORD.lastIndex = start;
		const word = WORD.exec(text);
		if (word && (word[0] === 'true' || word[0] === 'false' || word[0] === 'null')) {
			this.pos = start + word[0].length;
			return { kind: 'literal', value: word[0] === 'null' ? null : word[0] === 'true', start, end: this.pos };
		}
		const end = word ? start + word[0].length : Math.min(start + 1, text.length);
		this.problem(start, end, start >= text.length ? 'The JSON ends where a value belongs.' : `${word ? word[0] : text[start]} is not a JSON value: write a string in double quotes, a number, true, false, null, an object or an array.`);
		return undefined;
	}

	private object(depth: number): JsonObject {
		const text = this.text;
		const start = this.pos++;
		const properties: JsonProperty[] = [];
		const keys = new Set<string>();
		for (;;) {
			this.space();
			const c = text[this.pos];
			if (c === '}') {
				this.pos++;
				break;
			}
			if (c === undefined) {
				this.problem(start, start + 1, 'This object is not closed: add }.');
				break;
			}
			if (c !== '"') {
				this.problem(this.pos, this.pos + 1, 'A property name in double quotes belongs here.');
				if (this.recover()) {
					continue;
				}
				break;
			}
			const key = this.string();
			if (keys.has(key.value)) {
				this.problem(key.start, key.end, `"${key.value}" appears again in this object; JSON.parse, and so Intune, keeps this last one and drops the one before. Remove one of them.`, true);
			}
			keys.add(key.value);
			this.space();
			let value: JsonValue | undefined;
			if (text[this.pos] === ':') {
				this.pos++;
				this.space();
				value = this.value(depth + 1);
			} else {
				this.problem(key.start, key.end, `A colon and a value belong after "${key.value}".`);
			}
			properties.push({ key, value, start: key.start, end: value?.end ?? key.end });
			if (!this.separator('}')) {
				break;
			}
		}
		return { kind: 'object', properties, start, end: this.pos };
	}

	private array(depth: number): JsonArray {
		const text = this.text;
		const start = this.pos++;
		const items: JsonValue[] = [];
		for (;;) {
			this.space();
			const c = text[this.pos];
			if (c === ']') {
				this.pos++;
				break;
			}
			if (c === undefined) {
				this.problem(start, start + 1, 'This array is not closed: add ].');
				break;
			}
			const before = this.pos;
			const item = this.value(depth + 1);
			if (item) {
				items.push(item);
			} else if (this.pos === before && !this.recover()) {
				break;
			}
			if (!this.separator(']')) {
				break;
			}
		}
		return { kind: 'array', items, start, end: this.pos };
	}

	/**
	 * What follows an entry of an object or array: a comma (not one before `close`), or `close`
	 * itself. False when neither is there and reading cannot recover.
	 */
	private separator(close: '}' | ']'): boolean {
		const text = this.text;
		this.space();
		if (text[this.pos] === ',') {
			const comma = this.pos++;
			this.space();
			if (text[this.pos] === close) {
				this.problem(comma, comma + 1, `A comma before ${close} is not allowed in JSON; remove it.`);
			}
		} else if (text[this.pos] !== close && this.pos < text.length) {
			this.problem(this.pos, this.pos + 1, `A comma or ${close} belongs here.`);
			return this.recover();
		}
		return true;
	}

	private string(): JsonString {
		const text = this.text;
		const start = this.pos;
		let i = start + 1;
		let escaped = false;
		for (;;) {
			const c = text.charCodeAt(i);
			if (c === 34 || Number.isNaN(c) || c === 10 || c === 13) {
				break;
			}
			if (c === 92) {
				escaped = true;
				i += 2;
				continue;
			}
			if (c < 0x20) {
				this.problem(i, i + 1, 'A control character inside a string must be escaped (\\t, \\n or \\u00XX).');
			}
			i++;
		}
		const contentEnd = Math.min(i, text.length);
		const closed = text.charCodeAt(contentEnd) === 34;
		if (!closed) {
			this.problem(start, contentEnd, 'This string is not closed: add ".');
		}
		this.pos = closed ? contentEnd + 1 : contentEnd;
		const content = { start: start + 1, end: contentEnd };
		if (!escaped) {
			const value = text.slice(content.start, content.end);
			return { kind: 'string', value, content, start, end: this.pos, decoded: () => decodeJsonString(text, content.start, content.end) };
		}
		const problems: JsonProblem[] = [];
		const decoded = decodeJsonString(text, content.start, content.end, problems);
		problems.forEach((p) => this.problem(p.start, p.end, p.message));
		return { kind: 'string', value: decoded.value, content, start, end: this.pos, decoded: () => decoded };
	}

	/** After a problem: moves on to the next comma (past it) or closing bracket. False at the end of the text. */
	private recover(): boolean {
		const text = this.text;
		const from = this.pos;
		while (this.pos < text.length) {
			const c = text[this.pos];
			if (c === ',') {
				this.pos++;
				return true;
			}
			if (c === '}' || c === ']') {
				// A bracket this reader did not open ends nothing here; stepping over it keeps going.
				if (this.pos === from) {
					this.pos++;
				}
				return true;
			}
			if (c === '"') {
				this.string();
				continue;
			}
			if (c === '{' || c === '[') {
				this.skipNested();
				continue;
			}
			this.pos++;
		}
		return false;
	}

	/** Steps over a bracketed value without reading it, counting brackets outside strings. */
	private skipNested(): void {
		const text = this.text;
		let depth = 0;
		while (this.pos < text.length) {
			const c = text[this.pos];
			if (c === '"') {
				this.string();
				continue;
			}
			this.pos++;
			if (c === '{' || c === '[') {
				depth++;
			} else if ((c === '}' || c === ']') && --depth === 0) {
				return;
			}
		}
	}
}
