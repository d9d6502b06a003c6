import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { AdmxElement, AdmxFile, AdmxPolicy, AdmxValue } from '../admx/admxModel';
import { configNode } from '../ingestion/configUri';
import { valueForm } from '../policy/valueForm';
import { elementMarkdown } from './elementDocs';
import type { ParsedAdmx } from '../document/document';
import { toRange } from '../text/ranges';
import { append } from '../text/append';

/** The AppName is chosen when the ADMX is ingested, so the hover shows where it goes. */
const APP = '{AppName}';

function valueText(value: AdmxValue | undefined): string {
	if (value === undefined) {
		return 'not set';
	}
	switch (value.kind) {
		case 'delete':
			return 'deletes the value';
		case 'string':
			return `"${value.value}"`;
		default:
			return String(value.value);
	}
}

/** What a data item's `value` holds for this element. */
function valueHint(element: AdmxElement): string {
	return `${valueForm(element, 'payload')}${element.type === 'text' && element.required ? ', required' : ''}`;
}

/**
 * A policy of an ADMX: its registry value, its MDM nodes under `app` (only the one of `scope` when
 * the place it is set decides), its payload's shape and elements.
 */
export function admxPolicyMarkdown(file: AdmxFile, policy: AdmxPolicy, app = APP, scope?: 'Device' | 'User'): string {
	const node = configNode(file, policy, app);
	const uris = node.uris.filter((u) => scope === undefined || u.scope === scope);
	const data = policy.elements.map((e) => `<data id="${e.id}" value="…"/>`).join('');
	const lines = [
		`**${policy.name}** (${policy.class})`,
		'',
		`Registry: \`${policy.key}\`${policy.valueName === undefined ? '' : ` \\ \`${policy.valueName || '(Default)'}\``}; enabled ${valueText(policy.enabledValue)}, disabled ${valueText(policy.disabledValue)}`,
		'',
		app === APP ? 'When this ADMX is ingested under an AppName, MDM configures the policy at:' : `Ingested as ${app}, MDM configures the policy at:`,
		'',
		...uris.map((u) => `- \`${u.uri}\``),
		'',
		`Payload (String, Format \`chr\`): \`<enabled/>${data}\` or \`<disabled/>\`${node.cutAt ? `. The category path stops at \`${node.cutAt.prefix}:${node.cutAt.name}\`, which belongs to another namespace.` : ''}`,
	];
	if (policy.elements.length > 0) {
		lines.push('');
		append(lines, policy.elements.map((e) => `- \`${e.id}\` (${e.type}): ${valueHint(e)}`));
	}
	return lines.join('\n');
}

/** Hover in an ADMX file: a policy's MDM node and payload shape on its name, an element's payload form on the element. */
export function admxHover(doc: ParsedAdmx, offset: number): Hover | null {
	const file = doc.admx;
	const policy = file?.policies.find((p) => offset >= p.start && offset <= p.end);
	if (!file || !policy) {
		return null;
	}
	if (offset >= policy.nameSpan.start && offset <= policy.nameSpan.end) {
		return { contents: { kind: MarkupKind.Markdown, value: admxPolicyMarkdown(file, policy) }, range: toRange(doc.lines, policy.nameSpan) };
	}
	const element = policy.elements.find((e) => offset >= e.start && offset <= e.end);
	return element ? { contents: { kind: MarkupKind.Markdown, value: elementMarkdown(element, { policyName: policy.name, syntax: 'payload' }) }, range: toRange(doc.lines, element) } : null;
}
