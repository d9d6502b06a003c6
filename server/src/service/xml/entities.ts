/**
 * XML character references and the five predefined entities, decoded with a map from the decoded
 * characters back to the source, so a problem found in decoded text can be shown on the
 * characters the user wrote.
 */

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' };

/**
 * Decoded text with a map back to the source, kept as runs rather than one number per character:
 * a run either copies source characters one for one, or is one reference that decodes to one or
 * two code units.
 */
export interface Decoded {
	readonly value: string;
	/** Source offset of decoded code unit `index`; `sourceOffset(value.length)` is the end. */
	sourceOffset(index: number): number;
	/** Source offset just past the source of decoded code unit `index` (past a whole reference). */
	sourceEndOf(index: number): number;
	/** References that could not be decoded, as source spans. */
	readonly invalid: readonly { start: number; end: number; text: string }[];
}

/** Builds a Decoded from runs appended in order. */
export class DecodedBuilder {
	private value = '';
	/** Per run: decoded start, source start, source length (-1 for a copy run). */
	private readonly runs: number[] = [];
	readonly invalid: { start: number; end: number; text: string }[] = [];

	copy(text: string, sourceStart: number): void {
		if (text.length === 0) {
			return;
		}
		const n = this.runs.length;
		// Extend the previous copy run when it continues in the source.
		if (n > 0 && this.runs[n - 1] === -1 && this.runs[n - 2] + (this.value.length - this.runs[n - 3]) === sourceStart) {
			this.value += text;
			return;
		}
		this.runs.push(this.value.length, sourceStart, -1);
		this.value += text;
	}

	reference(decoded: string, sourceStart: number, sourceLength: number): void {
		this.runs.push(this.value.length, sourceStart, sourceLength);
		this.value += decoded;
	}

	build(end: number): Decoded {
		const value = this.value;
		// A copy of exactly its length: decoded payloads are kept, and a grown array keeps spare room.
		const runs = this.runs.slice();
		const count = runs.length / 3;
		const runOf = (index: number): number => {
			let low = 0;
			let high = count - 1;
			while (low < high) {
				const mid = (low + high + 1) >> 1;
				if (runs[mid * 3] <= index) {
					low = mid;
				} else {
					high = mid - 1;
				}
			}
			return low;
		};
		const sourceOffset = (index: number): number => {
			if (index >= value.length || count === 0) {
				return end;
			}
			const r = runOf(index);
			return runs[r * 3 + 2] === -1 ? runs[r * 3 + 1] + (index - runs[r * 3]) : runs[r * 3 + 1];
		};
		const sourceEndOf = (index: number): number => {
			if (index >= value.length || count === 0) {
				return end;
			}
			const r = runOf(index);
			return runs[r * 3 + 2] === -1 ? runs[r * 3 + 1] + (index - runs[r * 3]) + 1 : runs[r * 3 + 1] + runs[r * 3 + 2];
		};
		return { value, sourceOffset, sourceEndOf, invalid: this.invalid };
	}
}

const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/y;

/** Decodes `text.slice(start, end)`; offsets are absolute in `text`. */
export function decodeEntities(text: string, start: number, end: number, into = new DecodedBuilder()): Decoded {
	appendDecoded(text, start, end, into);
	return into.build(end);
}

/** Appends the decoded `text.slice(start, end)` to a builder. */
export function appendDecoded(text: string, start: number, end: number, into: DecodedBuilder): void {
	let i = start;
	while (i < end) {
		const stop = ampersandBefore(text, i, end);
		into.copy(text.slice(i, stop), i);
		if (stop === end) {
			return;
		}
		REFERENCE.lastIndex = stop;
		const match = REFERENCE.exec(text);
		let decoded: string | undefined;
		if (match && stop + match[0].length <= end) {
			const name = match[1];
			decoded = name.startsWith('#x') ? fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? fromCodePoint(parseInt(name.slice(1), 10)) : PREDEFINED[name];
		}
		if (match && decoded !== undefined && stop + match[0].length <= end) {
			into.reference(decoded, stop, match[0].length);
			i = stop + match[0].length;
		} else {
			into.invalid.push(match && stop + match[0].length <= end ? { start: stop, end: stop + match[0].length, text: match[0] } : { start: stop, end: stop + 1, text: '&' });
			into.copy('&', stop);
			i = stop + 1;
		}
	}
}

/**
 * The first `&` from `from`, or `end`. `indexOf` on the whole text would search on past `end` to
 * the next `&`, which for the many short values of a large file without one costs the file's
 * length each time; a slice is bounded, and V8 makes it without copying.
 */
function ampersandBefore(text: string, from: number, end: number): number {
	const at = text.slice(from, end).indexOf('&');
	return at < 0 ? end : from + at;
}

function fromCodePoint(codePoint: number): string | undefined {
	return Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

/**
 * Escapes text for an attribute value in double quotes. Tabs and line breaks become character
 * references: written literally, a parser would read each as a space (attribute-value normalisation).
 */
export function escapeAttribute(value: string): string {
	return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]);
}

/** Escapes text for element content: only what XML requires there. */
export function escapeText(value: string): string {
	return value.replace(/[&<>]/g, (c) => `&${c === '&' ? 'amp' : c === '<' ? 'lt' : 'gt'};`);
}

/** Wraps text in CDATA, splitting it wherever it holds `]]>`, which a CDATA section cannot. */
export function wrapCdata(value: string): string {
	return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Composes two decodings: `inner` decoded text taken from `outer.value`, mapped to `outer`'s source. */
export function composeDecoded(outer: Decoded, inner: Decoded): Decoded {
	return {
		value: inner.value,
		sourceOffset: (index) => outer.sourceOffset(inner.sourceOffset(index)),
		sourceEndOf: (index) => {
			const innerEnd = inner.sourceEndOf(index);
			return innerEnd <= 0 ? outer.sourceOffset(0) : outer.sourceEndOf(innerEnd - 1);
		},
		invalid: inner.invalid.map((r) => ({ ...sourceSpan(outer, r.start, r.end), text: r.text })),
	};
}

/** Maps a span of decoded text back to source offsets. */
export function sourceSpan(decoded: Decoded, start: number, end: number): { start: number; end: number } {
	const from = decoded.sourceOffset(Math.max(start, 0));
	if (end <= start) {
		return { start: from, end: from };
	}
	return { start: from, end: decoded.sourceEndOf(Math.min(end, decoded.value.length) - 1) };
}
