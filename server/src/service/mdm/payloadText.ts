import { escapeAttribute, escapeText, type Decoded } from '../xml/entities';

/** How the payload inside `<Data>` is written. */
export type PayloadForm = 'escaped' | 'cdata' | 'raw' | 'empty';

export const LIST_SEPARATOR = '\uf000';

/** The list separator as a payload spells it: a character reference to U+F000. */
export const LIST_SEPARATOR_REFERENCE = '&#xF000;';

/** One `<data id value/>` item of a payload, unescaped. */
export function dataItemXml(id: string, value: string): string {
	return `<data id="${escapeAttribute(id)}" value="${escapeAttribute(value)}"/>`;
}

/** Writes payload XML for the place it goes: escaped inside text, as is inside CDATA. */
export function forForm(xml: string, form: PayloadForm): string {
	return form === 'cdata' || form === 'raw' ? xml : escapeText(xml);
}

/** The strings of a list value between U+F000 separators, with their offsets in the decoded value. */
export function listParts(value: Decoded): { text: string; start: number; end: number }[] {
	if (value.value === '') {
		return [];
	}
	const parts: { text: string; start: number; end: number }[] = [];
	let start = 0;
	for (;;) {
		const next = value.value.indexOf(LIST_SEPARATOR, start);
		const end = next < 0 ? value.value.length : next;
		parts.push({ text: value.value.slice(start, end), start, end });
		if (next < 0) {
			return parts;
		}
		start = next + 1;
	}
}
