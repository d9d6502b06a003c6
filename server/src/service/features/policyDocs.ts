import { supportedOnText } from '../catalog/catalog';
import { catalogAsAdmx } from '../catalog/catalogAdmx';
import { valueForm, type ValueSyntax } from '../policy/valueForm';
import { elementMarkdown } from './elementDocs';
import type { EnumElement, EnumItem, PolicyDefinition, PolicyElement } from '../catalog/types';
import { enumItemMarkdown } from './itemDocs';
import { append } from '../text/append';

/** Markdown documentation derived from the catalog; shared by hover and completion. */

function registryPath(key: string): string {
	return `HKLM\\${key}`;
}

export function policyMarkdown(policy: PolicyDefinition): string {
	const options = policy.elements.length === 0
		? 'none'
		: policy.elements.map((e) => `\`${e.id}\` (${e.type})`).join(', ');
	const extra: string[] = [];
	if (policy.prerequisites && policy.prerequisites.length > 0) {
		extra.push('Also needed on the device (not set by this policy):', '');
		append(extra, policy.prerequisites.map((p) => `- ${p}`));
		extra.push('');
	}
	if (policy.observedBehaviour) {
		extra.push(`*Observed behaviour, not policy text:* ${policy.observedBehaviour}`, '');
	}
	return [
		`**${policy.name}**: ${policy.friendlyName}`,
		'',
		policy.summary,
		'',
		`- *enabled*: ${policy.whenEnabled}`,
		`- *disabled*: ${policy.whenDisabled}`,
		`- *not-configured*: ${policy.whenNotConfigured}`,
		'',
		...extra,
		'| | |',
		'|---|---|',
		`| OMA-URI | \`${policy.omaUri}\` |`,
		`| Group Policy | ${policy.location} > Administrative Templates > ${policy.gpPath} > ${policy.friendlyName} |`,
		`| ADMX | \`${policy.admxFile}\`, policy \`${policy.admxName}\` |`,
		`| Registry | \`${registryPath(policy.registryKey)}\` value \`${policy.registryValueName}\` (REG_DWORD: ${policy.enabledValue} enabled, ${policy.disabledValue} disabled) |`,
		`| Scope | ${policy.scope} only |`,
		`| Editions | ${policy.editions.join(', ')}; not ${policy.editionsExcluded.join(', ')} |`,
		`| Windows | ${policy.minOs.map((o) => `${o.label} (${o.build})`).join('; ')} and later |`,
		`| Supported on (ADMX) | ${supportedOnText(policy.supportedOn)} |`,
		`| Options | ${options} |`,
	].join('\n');
}

/** What a profile writes for the element, with where the Group Policy editor starts. */
export function elementValues(policy: PolicyDefinition, element: PolicyElement): string {
	const admx = catalogAsAdmx(policy).elements.find((e) => e.id === element.id);
	const form = admx ? valueForm(admx, 'profile') : element.id;
	switch (element.type) {
		case 'enum': {
			const start = element.items.find((i) => i.value === element.gpeditDefault);
			return start ? `${form}; the Group Policy editor starts at ${start.alias}` : form;
		}
		case 'decimal':
			return `${form} (Group Policy starts at ${element.gpeditDefault})`;
		default:
			return form;
	}
}

/** What the Group Policy editor starts from, as the syntax writes it. */
function catalogDefault(element: PolicyElement, syntax: ValueSyntax): string | undefined {
	switch (element.type) {
		case 'enum': {
			const start = element.items.find((i) => i.value === element.gpeditDefault);
			return start && (syntax === 'profile' ? start.alias : String(start.value));
		}
		case 'decimal':
			return String(element.gpeditDefault);
		case 'text':
			return syntax === 'profile' ? '""' : '';
		case 'list':
			return undefined;
	}
}

/** A built-in element, described as every element is (`elementDocs.ts`), from the catalog read as ADMX. */
export function catalogElementMarkdown(policy: PolicyDefinition, element: PolicyElement, syntax: ValueSyntax): string {
	const admx = catalogAsAdmx(policy).elements.find((e) => e.id === element.id);
	return admx
		? elementMarkdown(admx, { policyName: policy.name, syntax, label: element.label, summary: element.summary, defaultText: catalogDefault(element, syntax), policyClass: 'Machine' })
		: `**${element.id}** (${element.type}) of ${policy.name}`;
}

/** A built-in choice's item, described as every item is (`itemDocs.ts`), from the catalog read as ADMX. */
export function catalogItemMarkdown(policy: PolicyDefinition, element: EnumElement, item: EnumItem): string {
	const admx = catalogAsAdmx(policy).elements.find((e) => e.id === element.id);
	const admxItem = admx?.type === 'enum' ? admx.items[element.items.indexOf(item)] : undefined;
	return admx?.type === 'enum' && admxItem ? enumItemMarkdown(admx, admxItem, undefined, 'Machine') : `**${item.alias}** = ${item.value}: ${item.label}`;
}
