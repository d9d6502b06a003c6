import type { AdmlFile, AdmxElement, PolicyClass } from '../admx/admxModel';
import { elementRegistryType } from '../gpo/admxRegistry';
import { valueForm, type ValueSyntax } from '../policy/valueForm';

/** What is known of an element besides the ADMX, and where it is shown. */
export interface ElementContext {
	/** The policy as the source names it: a profile key, the Policy CSP name, the ADMX name. */
	readonly policyName: string;
	readonly syntax: ValueSyntax;
	readonly adml?: AdmlFile;
	/** The control's label in the Group Policy editor. */
	readonly label?: string;
	/** What the element controls, in plain words (the built-in catalog's). */
	readonly summary?: string;
	/** What the Group Policy editor starts from, as the source writes it. */
	readonly defaultText?: string;
	/** The policy's class, for the registry line; none where the hive is not the point. */
	readonly policyClass?: PolicyClass;
}

function registryLine(element: AdmxElement, policyClass: PolicyClass): string {
	const key = policyClass === 'Both' ? `\`${element.key}\` (under HKLM or HKCU, by the scope it is set in)` : `\`${policyClass === 'User' ? 'HKCU' : 'HKLM'}\\${element.key}\``;
	const type = elementRegistryType(element);
	if (element.type === 'list') {
		const named = element.explicitValue ? 'named as the admin chooses' : element.valuePrefix === undefined ? 'named after the entry' : `named ${element.valuePrefix}1, ${element.valuePrefix}2, …`;
		return `each entry as a ${type} value under ${key}, ${named}`;
	}
	return `${key} value \`${element.valueName}\`${type ? ` (${type})` : ''}`;
}

/** For hover and completion: an element of any policy, built-in or ingested, as the source writes its value. */
export function elementMarkdown(element: AdmxElement, context: ElementContext): string {
	const required = 'required' in element && element.required;
	const lines = [`**${element.id}** (${element.type}) of ${context.policyName}`, ''];
	if (context.summary !== undefined) {
		lines.push(`${context.label ?? ''} ${context.summary}`.trim(), '');
	} else if (context.label) {
		lines.push(`Shown in the Group Policy editor as *${context.label}*`, '');
	}
	const form = valueForm(element, context.syntax, context.adml);
	lines.push(context.syntax === 'payload'
		? `In the payload: \`<data id="${element.id}" value="…"/>\`, the value ${form}${element.type === 'text' && required ? ', required' : ''}. The data id is this element id, not the policy's name or the registry value's.`
		: `Write ${form}.${required && context.summary === undefined ? ' Required: a device refuses the enabled policy without it.' : ''}`);
	if (context.defaultText !== undefined) {
		lines.push('', `Default: \`${context.defaultText}\``);
	}
	if (context.policyClass !== undefined) {
		lines.push('', `Registry: ${registryLine(element, context.policyClass)}`);
	}
	return lines.join('\n');
}
