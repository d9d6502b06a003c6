import type { Span } from '../model/policyModel';
import { decodeEntities, sourceSpan, type Decoded } from '../xml/entities';
import type { XmlElement } from '../xml/xmlParser';
import type { ElementText } from './syncmlModel';

/**
 * The character content of an element as XML defines it: text with references decoded, CDATA as
 * written, comments dropped. The offsets map every character back to the source.
 */
export function decodeContent(text: string, element: XmlElement): Decoded {
	let value = '';
	const offsets: number[] = [];
	const invalid: { start: number; end: number; text: string }[] = [];
	// Where the content ends: after the last text, or before the `]]>` of the last CDATA section.
	let end = element.openEnd;
	for (const child of element.children) {
		if (child.kind === 'text') {
			const part = decodeEntities(text, child.start, child.end);
			value += part.value;
			for (let i = 0; i < part.value.length; i++) {
				offsets.push(part.offsets[i]);
			}
			invalid.push(...part.invalid);
			end = child.end;
		} else if (child.kind === 'cdata') {
			value += text.slice(child.content.start, child.content.end);
			for (let i = child.content.start; i < child.content.end; i++) {
				offsets.push(i);
			}
			end = child.content.end;
		}
	}
	offsets.push(end);
	return { value, offsets, invalid };
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
