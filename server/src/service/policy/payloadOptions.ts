import type { AdmxElement, AdmxList } from '../admx/admxModel';
import { elementWithId } from '../admx/elementIndex';
import type { PayloadDataItem } from '../mdm/payload';
import { LIST_SEPARATOR_REFERENCE, listParts } from '../mdm/payloadText';
import type { MappingEntry, OptionSetting, OptionValue } from '../model/policyModel';
import type { Problem } from '../problems/problem';
import type { Span } from '../text/span';
import { sourceSpan, type Decoded } from '../xml/entities';

/**
 * A payload's `<data id value/>` items read as a policy's options, so that one value check serves
 * payloads and profiles alike. Lists and multi-line text are decoded here from their U+F000-joined
 * strings; what cannot be decoded (repeated ids, lists that are not pairs) is reported by
 * `payloadItemProblems`.
 */

type Part = ReturnType<typeof listParts>[number];

const located = (value: Decoded, part: Part): OptionValue & { readonly kind: 'scalar' } => ({
	kind: 'scalar',
	value: part.text,
	quoted: false,
	...sourceSpan(value, part.start, part.end),
	locate: (start, end) => sourceSpan(value, part.start + start, part.start + end),
});

/** A data value as the model sees it: text, or a list's entries, or an explicit list's name/value pairs. */
function optionValue(value: Decoded, span: Span, element: AdmxElement | undefined): OptionValue {
	if (element?.type === 'multiText') {
		return { kind: 'list', items: value.value === '' ? [] : listParts(value).map((p) => located(value, p)), ...span };
	}
	if (element?.type !== 'list') {
		return { kind: 'scalar', value: value.value, quoted: false, ...span, locate: (start, end) => sourceSpan(value, start, end) };
	}
	const parts = listParts(value);
	// An odd count is not pairs at all; every string is then shown as an entry of its own.
	if (parts.length % 2 !== 0) {
		return { kind: 'list', items: parts.map((p) => located(value, p)), ...span };
	}
	const names = parts.filter((_, i) => i % 2 === 0);
	const data = parts.filter((_, i) => i % 2 === 1);
	if (element.explicitValue) {
		const entries: MappingEntry[] = names.map((name, i) => ({ key: { ...sourceSpan(value, name.start, name.end), value: name.text }, value: located(value, data[i]) }));
		return { kind: 'other', description: 'name/value pairs', entries, ...span };
	}
	// Without a prefix a name repeats its value; with one the names are counted, and the values are the entries.
	return { kind: 'list', items: (element.valuePrefix === undefined ? names : data).map((p) => located(value, p)), ...span };
}

/** One option per data id; a repeated id is reported by `payloadItemProblems`, and the first one counts. */
export function payloadOptions(items: readonly PayloadDataItem[], elements: readonly AdmxElement[]): OptionSetting[] {
	const options: OptionSetting[] = [];
	const seen = new Set<string>();
	for (const item of items) {
		if (!item.id || !item.value || !item.valueSpan || seen.has(item.id.value)) {
			continue;
		}
		seen.add(item.id.value);
		const element = elementWithId(elements, item.id.value);
		options.push({ id: { ...item.id.span, value: item.id.value }, value: optionValue(item.value, item.valueSpan, element), span: item.span });
	}
	return options;
}

/** How a list is written in a payload, for messages. */
function pairsExample(element: AdmxList): string {
	if (element.accounts) {
		return `give each helper twice, as in ${element.accounts.example}${LIST_SEPARATOR_REFERENCE}${element.accounts.example}`;
	}
	return element.valuePrefix === undefined
		? `each entry twice, as in ${['a', 'a', 'b', 'b'].join(LIST_SEPARATOR_REFERENCE)}`
		: `${element.valuePrefix}1${LIST_SEPARATOR_REFERENCE}first${LIST_SEPARATOR_REFERENCE}${element.valuePrefix}2${LIST_SEPARATOR_REFERENCE}second`;
}

function listProblems(element: AdmxList, value: Decoded, span: Span, problems: Problem[]): void {
	const parts = listParts(value);
	if (parts.length % 2 !== 0) {
		problems.push({ code: 'list-encoding', span, message: `${element.id} holds ${parts.length} strings separated by U+F000, but a list is written as name/value pairs${element.explicitValue ? '' : `: ${pairsExample(element)}`}.` });
		return;
	}
	for (let i = 0; i < parts.length && !element.explicitValue; i += 2) {
		const [name, data] = [parts[i], parts[i + 1]];
		const expected = element.valuePrefix === undefined ? data.text : `${element.valuePrefix}${i / 2 + 1}`;
		if (name.text !== expected) {
			const at = sourceSpan(value, name.start, name.end);
			problems.push({
				code: 'list-pair-mismatch',
				span: at,
				message: element.valuePrefix === undefined
					? `In ${element.id} each ${element.accounts ? 'helper' : 'entry'} is written twice, as name and value; '${name.text}' is paired with '${data.text}'.`
					: `In ${element.id} the names are ${element.valuePrefix}1, ${element.valuePrefix}2, … in order; this one is ${expected}.`,
				fixes: [{ title: `Change to ${expected}`, edits: [{ span: at, newText: expected }], preferred: true }],
			});
		}
	}
}

/** Data items a policy cannot take as written: repeated ids, lists that are not name/value pairs, line breaks between strings. */
export function payloadItemProblems(items: readonly PayloadDataItem[], elements: readonly AdmxElement[], policyName: string, problems: Problem[]): void {
	const seen = new Set<string>();
	for (const item of items) {
		if (!item.id || !item.value || !item.valueSpan) {
			continue;
		}
		if (seen.has(item.id.value)) {
			problems.push({
				code: 'duplicate-key',
				span: item.id.span,
				message: `data id ${item.id.value} appears twice in the ${policyName} payload; keep one item.`,
				fixes: [{ title: 'Remove this data item', edits: [{ span: item.span, newText: '' }] }],
			});
			continue;
		}
		seen.add(item.id.value);
		const element = elementWithId(elements, item.id.value);
		if (element?.type === 'list') {
			listProblems(element, item.value, item.valueSpan, problems);
		} else if (element?.type === 'multiText' && /[\r\n]/.test(item.value.value)) {
			problems.push({ code: 'list-encoding', span: item.valueSpan, message: `A line break does not separate the strings of ${element.id}: join them with ${LIST_SEPARATOR_REFERENCE}.` });
		}
	}
}
