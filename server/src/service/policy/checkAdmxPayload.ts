import type { AdmxPolicy } from '../admx/admxModel';
import { elementWithId } from '../admx/elementIndex';
import type { ParsedPayload } from '../mdm/payload';
import { LIST_SEPARATOR } from '../mdm/payloadText';
import type { Problem } from '../problems/problem';
import { closest } from '../text/suggest';
import { escapeAttribute } from '../xml/entities';
import { checkValue, type ValueEditWriter } from './checkValue';
import { elementCaseMessage, nameVerdict } from './names';
import { payloadItemProblems, payloadOptions } from './payloadOptions';

/** Writes fixes inside a payload's attribute values. */
const PAYLOAD_WRITER: ValueEditWriter = {
	aliases: false,
	text: escapeAttribute,
	singleEntryList: (value) => escapeAttribute(`${value}${LIST_SEPARATOR}${value}`),
	// Payload values locate their characters themselves, so the source text is not needed.
	source: '',
};

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
		const element = elementWithId(policy.elements, id);
		if (!element) {
			unknown++;
			const verdict = nameVerdict(id, ids, (e) => e);
			const caseOnly = verdict.kind === 'case' ? verdict.found : undefined;
			const suggestion = caseOnly ?? (policy.elements.length === 1 ? ids[0] : closest(id, ids));
			const named = id === policy.name || (policy.valueName !== '' && id === policy.valueName) ? ` The data id is the element's id, not the policy's ${id === policy.name ? 'name' : 'registry value'}.` : '';
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
		seen.add(id);
	}
	payloadItemProblems(payload.items, policy.elements, policy.name, problems);
	for (const option of payloadOptions(payload.items, policy.elements)) {
		const element = elementWithId(policy.elements, option.id.value);
		if (element) {
			checkValue(element, option.value, { writer: PAYLOAD_WRITER }, problems);
		}
	}
	const missing = policy.elements.filter((e) => 'required' in e && e.required && !seen.has(e.id));
	// A data item under a wrong id is the missing one in most cases; its fix is the one to make.
	if (missing.length > unknown && payload.state) {
		problems.push({ code: 'missing-option', span: payload.state.span, message: `${policy.name} needs ${missing.map((e) => e.id).join(', ')}: add a <data id="…" value="…"/> item for ${missing.length === 1 ? 'it' : 'each'}.` });
	}
}
