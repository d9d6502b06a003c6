import type { PolicyState } from '../catalog/types';
import { describeSetting, policyName, valueText } from './describe';
import type { EffectiveSetting, PolicyScope, SourcePlace } from './effective';
import { isKeyList, keyListEntries } from './sameness';

/** One side of a policy's difference: what that source sets and where. */
export interface DiffSide {
	readonly state: PolicyState;
	/** The setting in a few words, as conflict messages give it. */
	readonly description: string;
	/** The source as its reader labels it, with the profile where the file holds several. */
	readonly source: string;
	readonly place: SourcePlace;
}

/**
 * How one option differs while both sides enable the policy. A key list (the helpers, an ingested
 * list) gives the entries each side alone holds, since a device ignores their order; any other
 * option gives its value on each side, absent where a side leaves it out.
 */
export interface OptionDifference {
	readonly id: string;
	readonly before?: string;
	readonly after?: string;
	readonly added?: readonly string[];
	readonly removed?: readonly string[];
}

/** A policy set by one side only, or set differently by the two. */
export interface PolicyDifference {
	readonly change: 'added' | 'removed' | 'changed';
	readonly key: string;
	/** The key with the name the Group Policy editor shows. */
	readonly name: string;
	readonly scope: PolicyScope;
	readonly before?: DiffSide;
	readonly after?: DiffSide;
	/** Empty unless both sides enable the policy. */
	readonly options: readonly OptionDifference[];
}

function sideOf(setting: EffectiveSetting, other?: EffectiveSetting): DiffSide {
	return { state: setting.state, description: describeSetting(setting, other), source: setting.source.label, place: setting.place };
}

/** The entries of `from` that `other` lacks, in the order of `from`, each once. */
function missingFrom(from: readonly string[], other: readonly string[]): string[] {
	const others = new Set(other);
	const seen = new Set<string>();
	const missing: string[] = [];
	for (const entry of from) {
		if (!others.has(entry) && !seen.has(entry)) {
			seen.add(entry);
			missing.push(entry);
		}
	}
	return missing;
}

function shown(setting: EffectiveSetting, id: string, value: string | readonly string[] | undefined): string | undefined {
	return value === undefined ? undefined : valueText(setting, id, value);
}

/** How the options of two enabled settings of one policy differ, in the order of the newer side's options. */
function optionDifferences(before: EffectiveSetting, after: EffectiveSetting): OptionDifference[] {
	const ids = new Set(after.values.keys());
	for (const id of before.values.keys()) {
		ids.add(id);
	}
	const differences: OptionDifference[] = [];
	for (const id of ids) {
		const old = before.values.get(id);
		const now = after.values.get(id);
		if (typeof old !== 'string' && typeof now !== 'string' && isKeyList(after.policy, id)) {
			const oldEntries = keyListEntries(before.policy, old ?? [], true);
			const newEntries = keyListEntries(after.policy, now ?? [], true);
			const added = missingFrom(newEntries, oldEntries);
			const removed = missingFrom(oldEntries, newEntries);
			if (added.length > 0 || removed.length > 0) {
				differences.push({ id, added, removed });
			}
		} else if (JSON.stringify(old) !== JSON.stringify(now)) {
			differences.push({ id, before: shown(before, id, old), after: shown(after, id, now) });
		}
	}
	return differences;
}

function changeOf(before: EffectiveSetting | undefined, after: EffectiveSetting | undefined): PolicyDifference | undefined {
	const setting = after ?? before;
	if (!setting || (before && after && before.sameness === after.sameness)) {
		return undefined;
	}
	return {
		change: !before ? 'added' : !after ? 'removed' : 'changed',
		key: setting.key,
		name: policyName(setting),
		scope: setting.scope,
		before: before && sideOf(before, after),
		after: after && sideOf(after, before),
		options: before?.state === 'enabled' && after?.state === 'enabled' ? optionDifferences(before, after) : [],
	};
}

/** The settings of each policy and scope, in the order given. */
function byPolicy(settings: readonly EffectiveSetting[]): Map<string, EffectiveSetting[]> {
	const groups = new Map<string, EffectiveSetting[]>();
	for (const setting of settings) {
		const id = `${setting.scope}:${setting.key}`;
		const group = groups.get(id);
		if (group) {
			group.push(setting);
		} else {
			groups.set(id, [setting]);
		}
	}
	return groups;
}

/**
 * What changed from one source's settings to another's, whatever their forms: each policy (by
 * key and scope) only one side sets, and each that both set with another state or other option
 * values. Settings a device is left the same by are no difference however they are written (a
 * profile against the Registry.pol it was exported to, helpers in another order). Where a file
 * holds several profiles that set one policy, the n-th setting on one side meets the n-th on the
 * other. Sorted by policy key, then scope; linear in the settings but for the sort.
 */
export function diffPolicies(before: readonly EffectiveSetting[], after: readonly EffectiveSetting[]): PolicyDifference[] {
	const old = byPolicy(before);
	const now = byPolicy(after);
	const differences: PolicyDifference[] = [];
	const compare = (id: string) => {
		const olds = old.get(id) ?? [];
		const nows = now.get(id) ?? [];
		for (let i = 0; i < Math.max(olds.length, nows.length); i++) {
			const difference = changeOf(olds[i], nows[i]);
			if (difference) {
				differences.push(difference);
			}
		}
	};
	for (const id of old.keys()) {
		compare(id);
	}
	for (const id of now.keys()) {
		if (!old.has(id)) {
			compare(id);
		}
	}
	return differences.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
}
