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
	const decoded = decodeContent(text, element);
	const leading = decoded.value.length - decoded.value.trimStart().length;
	const value = decoded.value.trim();
	const span: Span = value === ''
		? { start: element.openEnd, end: element.close?.start ?? element.openEnd }
		: sourceSpan(decoded, leading, leading + value.length);
	return { value, element, ...span };
}
