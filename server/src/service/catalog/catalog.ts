import { POLICIES, SUPPORTED_ON } from './policies';
import type { EnumElement, EnumItem, PolicyDefinition, PolicyElement } from './types';
import { closest } from '../text/suggest';

const byName = new Map(POLICIES.map((p) => [p.name, p]));
const byAdmxName = new Map(POLICIES.map((p) => [p.admxName, p]));

export const POLICY_NAMES: readonly string[] = POLICIES.map((p) => p.name);

export function findPolicy(name: string): PolicyDefinition | undefined {
	return byName.get(name);
}

/** The Group Policy editor's "Supported on" text for an ADMX supportedOn id, or the id itself. */
export function supportedOnText(id: string): string {
	const display = SUPPORTED_ON[id];
	return display === undefined ? `\`${id}\`` : `${display} (\`${id}\`)`;
}

export function findElement(policy: PolicyDefinition, id: string): PolicyElement | undefined {
	return policy.elements.find((e) => e.id === id);
}

/**
 * The policy a wrong name most likely meant. Also understands the ADMX and Group Policy names,
 * which admins often know better than the CSP node names.
 */
export function suggestPolicy(name: string): PolicyDefinition | undefined {
	const admx = byAdmxName.get(name) ?? POLICIES.find((p) => p.admxName.toLowerCase() === name.toLowerCase());
	if (admx) {
		return admx;
	}
	const friendly = POLICIES.find((p) => p.friendlyName.toLowerCase() === name.toLowerCase());
	if (friendly) {
		return friendly;
	}
	const suggestion = closest(name, POLICY_NAMES);
	return suggestion === undefined ? undefined : byName.get(suggestion);
}

export function suggestElement(policy: PolicyDefinition, id: string): PolicyElement | undefined {
	const suggestion = closest(id, policy.elements.map((e) => e.id));
	return suggestion === undefined ? undefined : findElement(policy, suggestion);
}

export function enumItemByAlias(element: EnumElement, alias: string): EnumItem | undefined {
	return element.items.find((i) => i.alias === alias);
}

export function enumItemByValue(element: EnumElement, value: number): EnumItem | undefined {
	return element.items.find((i) => i.value === value);
}

export { POLICIES };

/** The value the Group Policy editor starts from, as the payload writes it. */
export function payloadDefault(element: PolicyElement): string {
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
