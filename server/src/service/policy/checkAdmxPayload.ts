import type { PayloadDataItem, ParsedPayload } from '../mdm/payload';
import { LIST_SEPARATOR, LIST_SEPARATOR_REFERENCE, listParts } from '../mdm/payloadText';
import { closest } from '../text/suggest';
import { elementCaseMessage, nameVerdict } from './names';
import type { Problem } from '../problems/problem';
import { sourceSpan, type Decoded } from '../xml/entities';
import type { AdmxElement, AdmxPolicy, AdmxValue } from '../admx/admxModel';

/** The payload text of an enum item's value: what a data item carries to choose it. */
export function itemValueText(value: AdmxValue): string | undefined {
	return value.kind === 'delete' ? undefined : String(value.value);
}

/** One data item's value against its element. */
function checkValue(item: PayloadDataItem & { value: Decoded; valueSpan: NonNullable<PayloadDataItem['valueSpan']> }, element: AdmxElement, problems: Problem[]): void {
	const text = item.value.value;
	const span = item.valueSpan;
	const replace = (title: string, newText: string) => [{ title, edits: [{ span, newText }], preferred: true }];
	switch (element.type) {
		case 'decimal':
		case 'longDecimal': {
			const ok = /^\d+$/.test(text) && Number(text) >= element.minValue && Number(text) <= element.maxValue;
			if (!ok) {
				problems.push({ code: 'decimal-range', span, message: `${element.id} takes a whole number from ${element.minValue} to ${element.maxValue}, not "${text}".` });
			}
			return;
		}
		case 'boolean':
			if (text !== 'true' && text !== 'false') {
				const meant = text === '1' ? 'true' : text === '0' ? 'false' : undefined;
				problems.push({ code: 'value-type', span, message: `${element.id} is a checkbox: its value is true or false, not "${text}".`, fixes: meant ? replace(`Change to ${meant}`, meant) : undefined });
			}
			return;
		case 'enum': {
			const values = element.items.map((i) => itemValueText(i.value)).filter((v): v is string => v !== undefined);
			if (values.includes(text)) {
				return;
			}
			const position = /^\d+$/.test(text) ? element.items[Number(text)] : undefined;
			const byPosition = position && itemValueText(position.value);
			problems.push({
				code: 'enum-value',
				span,
				message: byPosition !== undefined
					? `${element.id} takes an item's value, not its position: the item at position ${text} has the value ${byPosition}. The values are ${values.join(', ')}.`
					: `${element.id} takes one of the item values ${values.join(', ')}, not "${text}".`,
				fixes: byPosition !== undefined ? replace(`Change to ${byPosition}`, byPosition) : undefined,
			});
			return;
		}
		case 'text':
			if (text.length > element.maxLength) {
				problems.push({ code: 'text-too-long', span, message: `${element.id} holds ${text.length} characters; the ADMX allows ${element.maxLength}.` });
			}
			if (element.required && text === '') {
				problems.push({ code: 'missing-option', span, message: `${element.id} is required: give it a value.` });
			}
			return;
		case 'multiText': {
			const strings = text === '' ? [] : text.split(LIST_SEPARATOR);
			if (/[\r\n]/.test(text)) {
				problems.push({ code: 'list-encoding', span, message: `A line break does not separate the strings of ${element.id}: join them with ${LIST_SEPARATOR_REFERENCE}.` });
			}
			if (element.maxStrings > 0 && strings.length > element.maxStrings) {
				problems.push({ code: 'list-encoding', span, message: `${element.id} takes at most ${element.maxStrings} strings, not ${strings.length}.` });
			}
			const long = strings.find((s) => s.length > element.maxLength);
			if (long !== undefined) {
				problems.push({ code: 'text-too-long', span, message: `A string of ${element.id} holds ${long.length} characters; the ADMX allows ${element.maxLength} per string.` });
			}
			return;
		}
		case 'list': {
			const parts = listParts(item.value);
			if (parts.length % 2 !== 0) {
				problems.push({ code: 'list-encoding', span, message: `${element.id} holds ${parts.length} strings separated by U+F000, but a list is written as name/value pairs${element.explicitValue ? '' : element.valuePrefix === undefined ? `: each entry twice, as in ${['a', 'a', 'b', 'b'].join(LIST_SEPARATOR_REFERENCE)}` : `: ${element.valuePrefix}1${LIST_SEPARATOR_REFERENCE}first${LIST_SEPARATOR_REFERENCE}${element.valuePrefix}2${LIST_SEPARATOR_REFERENCE}second`}.` });
				return;
			}
			for (let i = 0; i < parts.length; i += 2) {
				const [name, data] = [parts[i], parts[i + 1]];
				const expected = element.explicitValue ? undefined : element.valuePrefix === undefined ? data.text : `${element.valuePrefix}${i / 2 + 1}`;
				if (expected !== undefined && name.text !== expected) {
					problems.push({
						code: 'list-pair-mismatch',
						span: sourceSpan(item.value, name.start, name.end),
						message: element.valuePrefix === undefined
							? `In ${element.id} each entry is written twice, as name and value; '${name.text}' is paired with '${data.text}'.`
							: `In ${element.id} the names are ${element.valuePrefix}1, ${element.valuePrefix}2, … in order; this one is ${expected}.`,
						fixes: [{ title: `Change to ${expected}`, edits: [{ span: sourceSpan(item.value, name.start, name.end), newText: expected }], preferred: true }],
					});
				}
			}
		}
	}
}

/**
 * The payload of an ingested policy against its ADMX: data ids are element ids (the most common
 * mistake is the policy's name), values are what each element takes (enum item values rather
 * than positions, true/false for a checkbox, ranges with the schema's defaults, lists as pairs),
 * required elements are present, and a policy without elements carries no data.
 */
export function checkAdmxPayload(payload: ParsedPayload, policy: AdmxPolicy, app: string, problems: Problem[]): void {
	if (payload.state?.value !== 'enabled') {
		return;
	}
	const ids = policy.elements.map((e) => e.id);
	const seen = new Set<string>();
	let unknown = 0;
	for (const item of payload.items) {
		if (!item.id) {
			continue;
		}
		const id = item.id.value;
		const element = policy.elements.find((e) => e.id === id);
		if (!element) {
			unknown++;
			const verdict = nameVerdict(id, ids, (e) => e);
			const caseOnly = verdict.kind === 'case' ? verdict.found : undefined;
			const suggestion = caseOnly ?? (policy.elements.length === 1 ? ids[0] : closest(id, ids));
			const named = id === policy.name || id === policy.valueName ? ` The data id is the element's id, not the policy's ${id === policy.name ? 'name' : 'registry value'}.` : '';
			problems.push({
				code: 'unknown-option',
				span: item.id.span,
				message: policy.elements.length === 0
					? `${policy.name} has no elements, so its payload is <enabled/> alone: remove this data item.`
					: caseOnly ? elementCaseMessage(id, caseOnly) : `${app}'s ${policy.name} has no element ${id}.${named} Its elements are ${ids.join(', ')}.`,
				fixes: policy.elements.length === 0
					? [{ title: 'Remove this data item', edits: [{ span: item.span, newText: '' }], preferred: true }]
					: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: item.id.span, newText: suggestion }], preferred: true }] : undefined,
			});
			continue;
		}
		if (seen.has(id)) {
			problems.push({ code: 'duplicate-key', span: item.id.span, message: `data id ${id} appears twice in the ${policy.name} payload; keep one item.`, fixes: [{ title: 'Remove this data item', edits: [{ span: item.span, newText: '' }] }] });
			continue;
		}
		seen.add(id);
		if (item.value && item.valueSpan) {
			checkValue({ ...item, value: item.value, valueSpan: item.valueSpan }, element, problems);
		}
	}
	const missing = policy.elements.filter((e) => 'required' in e && e.required && !seen.has(e.id));
	// A data item under a wrong id is the missing one in most cases; its fix is the one to make.
	if (missing.length > unknown && payload.state) {
		problems.push({ code: 'missing-option', span: payload.state.span, message: `${policy.name} needs ${missing.map((e) => e.id).join(', ')}: add a <data id="…" value="…"/> item for ${missing.length === 1 ? 'it' : 'each'}.` });
	}
}
