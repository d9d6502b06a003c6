import type { PolicyElement } from '../catalog/types';
import { escapeAttribute, escapeText } from '../xml/entities';
import type { PayloadForm } from './syncmlModel';

export const LIST_SEPARATOR = '\uf000';

/** One `<data id value/>` item of a payload, unescaped. */
export function dataItemXml(id: string, value: string): string {
	return `<data id="${escapeAttribute(id)}" value="${escapeAttribute(value)}"/>`;
}

/** Writes payload XML for the place it goes: escaped inside text, as is inside CDATA. */
export function forForm(xml: string, form: PayloadForm): string {
	return form === 'cdata' || form === 'raw' ? xml : escapeText(xml);
}

/** The value the Group Policy editor starts from, as the payload writes it. */
export function syncmlDefault(element: PolicyElement): string {
	switch (element.type) {
		case 'enum':
			return String(element.gpeditDefault ?? element.items[0].value);
		case 'decimal':
			return String(element.gpeditDefault);
		case 'text':
		case 'list':
			return '';
	}
}
