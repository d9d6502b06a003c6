/**
 * XML character references and the five predefined entities, decoded with a map from each
 * decoded character back to its source offset, so a problem found in decoded text can be shown
 * on the characters the user wrote.
 */

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' };

export interface Decoded {
	readonly value: string;
	/** `offsets[i]` is the source offset of decoded code unit `i`; `offsets[value.length]` is the end. */
	readonly offsets: readonly number[];
	/** References that could not be decoded, as source spans. */
	readonly invalid: readonly { start: number; end: number; text: string }[];
}

const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/y;

/** Decodes `text.slice(start, end)`; offsets are absolute in `text`. */
export function decodeEntities(text: string, start: number, end: number): Decoded {
	let value = '';
	const offsets: number[] = [];
	const invalid: { start: number; end: number; text: string }[] = [];
	let i = start;
	while (i < end) {
		const c = text[i];
		if (c === '&') {
			REFERENCE.lastIndex = i;
			const match = REFERENCE.exec(text);
			if (match && match.index + match[0].length <= end) {
				const name = match[1];
				let decoded: string | undefined;
				if (name.startsWith('#x')) {
					decoded = fromCodePoint(parseInt(name.slice(2), 16));
				} else if (name.startsWith('#')) {
					decoded = fromCodePoint(parseInt(name.slice(1), 10));
				} else {
					decoded = PREDEFINED[name];
				}
				if (decoded !== undefined) {
					for (let k = 0; k < decoded.length; k++) {
						offsets.push(i);
					}
					value += decoded;
					i += match[0].length;
					continue;
				}
				invalid.push({ start: i, end: i + match[0].length, text: match[0] });
			} else {
				invalid.push({ start: i, end: i + 1, text: '&' });
			}
		}
		offsets.push(i);
		value += c;
		i++;
	}
	offsets.push(end);
	return { value, offsets, invalid };
}

function fromCodePoint(codePoint: number): string | undefined {
	return Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
}

/** Escapes text for an attribute value in double quotes. */
export function escapeAttribute(value: string): string {
	return value.replace(/[&<>"]/g, (c) => `&${c === '&' ? 'amp' : c === '<' ? 'lt' : c === '>' ? 'gt' : 'quot'};`);
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
		offsets: inner.offsets.map((o) => outer.offsets[Math.min(o, outer.offsets.length - 1)]),
		invalid: inner.invalid.map((r) => ({ ...sourceSpan(outer, r.start, r.end), text: r.text })),
	};
}

/** Maps a span of decoded text back to source offsets. */
export function sourceSpan(decoded: Decoded, start: number, end: number): { start: number; end: number } {
	const last = decoded.offsets.length - 1;
	const from = decoded.offsets[Math.min(Math.max(start, 0), last)];
	if (end <= start) {
		return { start: from, end: from };
	}
	// The end is just past the source of the last decoded character, which may be a whole reference.
	const lastChar = Math.min(end - 1, last - 1);
	let next = lastChar + 1;
	while (next < last && decoded.offsets[next] === decoded.offsets[lastChar]) {
		next++;
	}
	return { start: from, end: decoded.offsets[next] };
}
