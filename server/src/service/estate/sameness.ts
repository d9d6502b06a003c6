import type { ResolvedPolicy } from '../export/resolve';

/**
 * Whether an element's values are registry values under one key, named by the values
 * themselves: the helper list and an ingested ADMX's list. Their order and repeats mean nothing
 * to a device (Group Policy writes one value per name), so they compare as sorted sets; a
 * multi-line text keeps its order, as REG_MULTI_SZ does.
 */
export function isKeyList(policy: ResolvedPolicy, id: string): boolean {
	const elements = policy.kind === 'builtin' ? policy.policy.elements : policy.target.policy.elements;
	return elements.find((e) => e.id === id)?.type === 'list';
}

/**
 * A key list's entries, each as one text: a helper by its name, an ingested list's name/value
 * pair kept together, as `name = value` when `shown`, else as JSON, which no name can forge.
 */
export function keyListEntries(policy: ResolvedPolicy, value: readonly string[], shown = false): string[] {
	if (policy.kind === 'builtin') {
		return value.slice();
	}
	const entries: string[] = [];
	for (let i = 0; i + 1 < value.length; i += 2) {
		entries.push(shown ? `${value[i]} = ${value[i + 1]}` : JSON.stringify([value[i], value[i + 1]]));
	}
	return entries;
}

/** A key list's entries as a sorted set. */
function keyListText(policy: ResolvedPolicy, value: readonly string[]): string[] {
	return [...new Set(keyListEntries(policy, value))].sort();
}

/**
 * The text two settings share exactly when a device is left the same by either: the state and
 * each option's value by element id, in id order, with key lists as sorted sets.
 */
export function samenessOf(policy: ResolvedPolicy): string {
	const options: [string, string | readonly string[]][] = [];
	for (const [id, value] of policy.values) {
		options.push([id, typeof value !== 'string' && isKeyList(policy, id) ? keyListText(policy, value) : value]);
	}
	options.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify([policy.state, options]);
}
