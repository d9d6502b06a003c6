import type { Delivery } from '../import/importers';
import type { EffectiveSetting, EstateSource, LabelledPlace, PolicyScope } from './effective';

/**
 * How two or more sources of an estate meet on one policy:
 * - `same-delivery`: two sources of one delivery (two MDM profiles, two GPOs) set it differently;
 * - `mdm-wins`: Group Policy and MDM set it differently, and an MDM source sets
 *   ControlPolicyConflict/MDMWinsOverGP to 1, so the MDM value wins;
 * - `race`: Group Policy and MDM set it differently and nothing settles which wins;
 * - `equal`: sources set it alike.
 */
export type ConflictKind = 'same-delivery' | 'mdm-wins' | 'race' | 'equal';

export interface Conflict {
	readonly kind: ConflictKind;
	readonly key: string;
	readonly scope: PolicyScope;
	/**
	 * The settings that meet, in the order of the sources: of one delivery for `same-delivery`,
	 * of both for `mdm-wins` and `race` (each meets those of the other delivery that differ from
	 * it), of one value for `equal`.
	 */
	readonly settings: readonly EffectiveSetting[];
}

/** What one policy's settings fall into: by delivery, and by value within each. */
interface PolicyGroup {
	readonly key: string;
	readonly scope: PolicyScope;
	readonly all: EffectiveSetting[];
	readonly byDelivery: Map<Delivery, EffectiveSetting[]>;
	/** How many different values each delivery sets. */
	readonly values: Map<Delivery, Set<string>>;
	readonly bySameness: Map<string, EffectiveSetting[]>;
}

function groupByPolicy(sources: readonly EstateSource[]): Map<string, PolicyGroup> {
	const groups = new Map<string, PolicyGroup>();
	for (const source of sources) {
		for (const setting of source.settings) {
			const id = `${setting.scope}:${setting.key}`;
			let group = groups.get(id);
			if (!group) {
				group = { key: setting.key, scope: setting.scope, all: [], byDelivery: new Map(), values: new Map(), bySameness: new Map() };
				groups.set(id, group);
			}
			group.all.push(setting);
			const delivery = setting.source.delivery;
			let mine = group.byDelivery.get(delivery);
			if (!mine) {
				mine = [];
				group.byDelivery.set(delivery, mine);
				group.values.set(delivery, new Set());
			}
			mine.push(setting);
			group.values.get(delivery)?.add(setting.sameness);
			let alike = group.bySameness.get(setting.sameness);
			if (!alike) {
				alike = [];
				group.bySameness.set(setting.sameness, alike);
			}
			alike.push(setting);
		}
	}
	return groups;
}

/** Whether some Group Policy setting and some MDM setting of the policy differ. */
function deliveriesDiffer(group: PolicyGroup): boolean {
	const gp = group.values.get('group-policy');
	const mdm = group.values.get('mdm');
	if (!gp || !mdm) {
		return false;
	}
	// They agree only when both set one and the same value.
	return gp.size > 1 || mdm.size > 1 || [...gp][0] !== [...mdm][0];
}

/**
 * Where the sources of an estate meet: per policy and scope, each delivery whose sources set it
 * differently, Group Policy against MDM where they differ, and each value set by more than one
 * source. `mdmWinsOverGp` lists the places that set MDMWinsOverGP to 1. The work is linear in
 * the number of settings.
 */
export function findConflicts(sources: readonly EstateSource[], mdmWinsOverGp: readonly LabelledPlace[]): Conflict[] {
	const conflicts: Conflict[] = [];
	for (const group of groupByPolicy(sources).values()) {
		const { key, scope } = group;
		for (const [delivery, settings] of group.byDelivery) {
			if ((group.values.get(delivery)?.size ?? 0) > 1) {
				conflicts.push({ kind: 'same-delivery', key, scope, settings });
			}
		}
		if (deliveriesDiffer(group)) {
			conflicts.push({ kind: mdmWinsOverGp.length > 0 ? 'mdm-wins' : 'race', key, scope, settings: group.all });
		}
		for (const settings of group.bySameness.values()) {
			if (settings.length > 1) {
				conflicts.push({ kind: 'equal', key, scope, settings });
			}
		}
	}
	return conflicts;
}
