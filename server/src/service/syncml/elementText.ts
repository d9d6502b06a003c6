import type { Span } from '../text/span';
import { appendDecoded, DecodedBuilder, sourceSpan, type Decoded } from '../xml/entities';
import type { XmlElement } from '../xml/xmlParser';
import type { ElementText } from './syncmlModel';

/**
 * The character content of an element as XML defines it: text with references decoded, CDATA as
 * written, comments dropped. The offsets map every character back to the source.
 */
export function decodeContent(text: string, element: XmlElement): Decoded {
	const builder = new DecodedBuilder();
	// Where the content ends: after the last text, or before the `]]>` of the last CDATA section.
	let end = element.openEnd;
	for (const child of element.children) {
		if (child.kind === 'text') {
			appendDecoded(text, child.start, child.end, builder);
			end = child.end;
		} else if (child.kind === 'cdata') {
			builder.copy(text.slice(child.content.start, child.content.end), child.content.start);
			end = child.content.end;
		}
	}
	return builder.build(end);
}

/** The trimmed text of a simple element such as `<CmdID> 3 </CmdID>`, with the span of `3`. */
export function elementText(text: string, element: XmlElement): ElementText {
	const only = element.children.length === 1 ? element.children[0] : undefined;
	if (only?.kind === 'text') {
		const amp = text.indexOf('&', only.start);
		if (amp < 0 || amp >= only.end) {
			return plainText(text, element, only.start, only.end);
		}
	}
	const decoded = decodeContent(text, element);
	const leading = decoded.value.length - decoded.value.trimStart().length;
	const value = decoded.value.trim();
	const span: Span = value === ''
		? { start: element.openEnd, end: element.close?.start ?? element.openEnd }
		: sourceSpan(decoded, leading, leading + value.length);
	return { value, element, ...span };
}

/** One run of text without references: its value is the source itself, so no map is built. */
function plainText(text: string, element: XmlElement, start: number, end: number): ElementText {
	const raw = text.slice(start, end);
	const value = raw.trim();
	if (value === '') {
		return { value, element, start: element.openEnd, end: element.close?.start ?? element.openEnd };
	}
	const from = start + raw.length - raw.trimStart().length;
	return { value, element, start: from, end: from + value.length };
}
