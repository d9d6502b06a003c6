import { findForbiddenCharacter } from '../policy/checkValue';
import { LIST_SEPARATOR_REFERENCE } from '../mdm/payloadText';
import { escapeAttribute, escapeText, wrapCdata } from '../xml/entities';
import type { ResolvedPolicy } from './resolve';

/** How the payload is written inside `<Data>`. */
export type PayloadEncoding = 'escape' | 'cdata';

export class EncodeError extends Error {}

/** The strings of a data item's value, each escaped, joined by the list separator. */
function attributeValue(id: string, parts: readonly string[]): string {
	for (const part of parts) {
		const bad = findForbiddenCharacter(part);
		if (bad) {
			throw new EncodeError(`${id} holds U+${bad.codePoint.toString(16).toUpperCase().padStart(4, '0')}, which a payload cannot carry.`);
		}
	}
	return parts.map(escapeAttribute).join(LIST_SEPARATOR_REFERENCE);
}

/** A built-in element's value as strings: list entries are name/value pairs, and with no value prefix the name is the entry itself. */
function builtInParts(value: string | readonly string[]): readonly string[] {
	return typeof value === 'string' ? [value] : value.flatMap((entry) => [entry, entry]);
}

/**
 * The ADMX payload for a policy: `<enabled/>` and a `<data id value/>` per element in ADMX order,
 * `<disabled/>`, or null for not-configured (a Delete carries no payload).
 */
export function encodePayload(resolved: ResolvedPolicy): string | null {
	switch (resolved.state) {
		case 'not-configured':
			return null;
		case 'disabled':
			return '<disabled/>';
		case 'enabled':
			if (resolved.kind === 'ingested') {
				// Ingested values are already the payload's strings (lists as pairs); an element left out is not sent.
				return '<enabled/>' + resolved.target.policy.elements.flatMap((element) => {
					const value = resolved.values.get(element.id);
					return value === undefined ? [] : [`<data id="${element.id}" value="${attributeValue(element.id, typeof value === 'string' ? [value] : value)}"/>`];
				}).join('');
			}
			return '<enabled/>' + resolved.policy.elements.map((element) => {
				const value = resolved.values.get(element.id);
				if (value === undefined) {
					throw new EncodeError(`${resolved.policy.name} is enabled but ${element.id} has no value.`);
				}
				return `<data id="${element.id}" value="${attributeValue(element.id, builtInParts(value))}"/>`;
			}).join('');
	}
}

/** The payload as written inside `<Data>`. */
export function encodeData(payload: string, encoding: PayloadEncoding): string {
	return encoding === 'cdata' ? wrapCdata(payload) : escapeText(payload);
}
