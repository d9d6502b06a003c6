import type { Delivery } from '../import/importers';
import { MDM_WINS_OVER_GP_URI } from '../mdm/mdmWinsOverGp';
import type { Problem } from '../problems/problem';
import type { Conflict } from './conflicts';
import { describeSetting, policyName } from './describe';
import type { EffectiveSetting, LabelledPlace, SourcePlace } from './effective';

/** A place that takes part in a finding elsewhere, with what it does there. */
export interface RelatedPlace {
	readonly place: SourcePlace;
	readonly message: string;
}

/** A finding of the estate at one source, with the other sources it meets. */
export interface EstateProblem extends Problem {
	/** Where it is: `span` is the place's span, in bytes for a Registry.pol. */
	readonly place: SourcePlace;
	readonly related: readonly RelatedPlace[];
}

/** Each finding names this many other sources at most; a message counts the rest. */
const MAX_RELATED = 10;

const DELIVERY_NAMES: Readonly<Record<Delivery, string>> = { 'mdm': 'MDM', 'group-policy': 'Group Policy' };

/** The settings of a conflict by value, so each setting finds those of other values without comparing every pair. */
function byValue(settings: readonly EffectiveSetting[]): Map<string, EffectiveSetting[]> {
	const groups = new Map<string, EffectiveSetting[]>();
	for (const setting of settings) {
		const group = groups.get(setting.sameness);
		if (group) {
			group.push(setting);
		} else {
			groups.set(setting.sameness, [setting]);
		}
	}
	return groups;
}

/** Up to MAX_RELATED settings of other values than `setting`'s, and how many there are in all. */
function othersOfOtherValues(setting: EffectiveSetting, groups: ReadonlyMap<string, readonly EffectiveSetting[]>, total: number): { shown: EffectiveSetting[]; count: number } {
	const shown: EffectiveSetting[] = [];
	for (const [value, group] of groups) {
		if (value === setting.sameness) {
			continue;
		}
		for (const other of group) {
			if (shown.length === MAX_RELATED) {
				break;
			}
			shown.push(other);
		}
		if (shown.length === MAX_RELATED) {
			break;
		}
	}
	return { shown, count: total - (groups.get(setting.sameness)?.length ?? 0) };
}

/** `and differently in 2 more sources`, or nothing when one other source is all. */
function more(count: number, how: string): string {
	const rest = count - 1;
	return rest > 0 ? `, and ${how} in ${rest} more ${rest === 1 ? 'source' : 'sources'}` : '';
}

function relatedOf(setting: EffectiveSetting, shown: readonly EffectiveSetting[]): RelatedPlace[] {
	return shown.map((other) => ({ place: other.place, message: `${DELIVERY_NAMES[other.source.delivery]} sets it ${describeSetting(other, setting)} here` }));
}

function problem(setting: EffectiveSetting, code: EstateProblem['code'], message: string, related: RelatedPlace[]): EstateProblem {
	return { code, span: setting.place.span, place: setting.place, message, related };
}

const SAME_DELIVERY_OUTCOME: Readonly<Record<Delivery, string>> = {
	'mdm': 'Both are MDM settings: Intune reports such a setting as a conflict on a device that gets both, and which value the device keeps is not the admin\'s choice. Set it in one profile, or make the two agree.',
	'group-policy': 'Where both GPOs apply to one device, their link order decides which wins, and the files do not show it. Set it in one GPO, or make the two agree.',
};

function sameDelivery(conflict: Conflict, out: EstateProblem[]): void {
	const groups = byValue(conflict.settings);
	for (const setting of conflict.settings) {
		const { shown, count } = othersOfOtherValues(setting, groups, conflict.settings.length);
		const [first] = shown;
		const message = `${policyName(setting)} is ${describeSetting(setting, first)} here and ${describeSetting(first, setting)} in ${first.source.label}${more(count, 'differently')}. ${SAME_DELIVERY_OUTCOME[setting.source.delivery]}`;
		out.push(problem(setting, 'conflicting-sources', message, relatedOf(setting, shown)));
	}
}

/** Why MDMWinsOverGP settles the policy: documented for the Remote Assistance policies, inferred for ingested ones. */
function governance(setting: EffectiveSetting): string {
	return setting.policy.kind === 'builtin'
		? 'MDMWinsOverGP governs the Policy CSP policies that have a Group Policy equivalent, as the ADMX-backed Remote Assistance policies do'
		: 'INFERRED: a policy of an ingested ADMX is a Policy CSP node too, but Microsoft\'s page on MDMWinsOverGP does not say that it governs them';
}

function acrossDeliveries(conflict: Conflict, switches: readonly LabelledPlace[], out: EstateProblem[]): void {
	const mdm = conflict.settings.filter((s) => s.source.delivery === 'mdm');
	const gp = conflict.settings.filter((s) => s.source.delivery === 'group-policy');
	const groups: Readonly<Record<Delivery, { groups: Map<string, EffectiveSetting[]>; total: number }>> = {
		'mdm': { groups: byValue(mdm), total: mdm.length },
		'group-policy': { groups: byValue(gp), total: gp.length },
	};
	const settled = conflict.kind === 'mdm-wins' ? switches[0] : undefined;
	for (const setting of conflict.settings) {
		const mine = setting.source.delivery;
		const theirs = groups[mine === 'mdm' ? 'group-policy' : 'mdm'];
		// Its own value's group in the other delivery is not a difference.
		const { shown, count } = othersOfOtherValues(setting, theirs.groups, theirs.total);
		const [first] = shown;
		if (!first) {
			continue;
		}
		const what = `${policyName(setting)} is ${describeSetting(setting, first)} here by ${DELIVERY_NAMES[mine]} and ${describeSetting(first, setting)} by ${DELIVERY_NAMES[first.source.delivery]} in ${first.source.label}${more(count, 'differently')}.`;
		const related = relatedOf(setting, shown);
		if (settled) {
			const outcome = mine === 'mdm'
				? 'so on a device that gets both, this MDM value wins and the Group Policy one is blocked'
				: 'so on a device that gets both, the MDM value wins and this one is blocked; remove it if MDM is meant to decide';
			related.push({ place: settled.place, message: 'ControlPolicyConflict/MDMWinsOverGP is set to 1 here' });
			out.push(problem(setting, 'mdm-wins-over-gp', `${what} ${settled.label} sets ControlPolicyConflict/MDMWinsOverGP to 1, ${outcome} (${governance(setting)}).`, related));
		} else {
			out.push(problem(setting, 'gp-mdm-race', `${what} Nothing among these files sets ControlPolicyConflict/MDMWinsOverGP to 1, so the two race on a device that gets both, and there is no guarantee which wins. Remove one of them, or set ${MDM_WINS_OVER_GP_URI} to 1 in an MDM profile so that MDM wins.`, related));
		}
	}
}

function equal(conflict: Conflict, out: EstateProblem[]): void {
	const { settings } = conflict;
	for (const setting of settings) {
		const shown: EffectiveSetting[] = [];
		for (const other of settings) {
			if (shown.length === MAX_RELATED) {
				break;
			}
			if (other !== setting) {
				shown.push(other);
			}
		}
		const [first] = shown;
		const by = first.source.delivery === setting.source.delivery ? '' : ` by ${DELIVERY_NAMES[first.source.delivery]}`;
		const message = `${policyName(setting)} is also set the same way (${describeSetting(setting)})${by} in ${first.source.label}${more(settings.length - 1, 'so')}.`;
		out.push(problem(setting, 'also-set', message, shown.map((other) => ({ place: other.place, message: `${DELIVERY_NAMES[other.source.delivery]} sets it the same way here` }))));
	}
}

/**
 * Every conflict as findings at each setting that takes part, each naming the others it meets:
 * the sources of the other values, or of the same value for `equal`. `mdmWinsOverGp` are the
 * places that set MDMWinsOverGP to 1, named as related where they settle a conflict.
 */
export function conflictProblems(conflicts: readonly Conflict[], mdmWinsOverGp: readonly LabelledPlace[]): EstateProblem[] {
	const out: EstateProblem[] = [];
	for (const conflict of conflicts) {
		switch (conflict.kind) {
			case 'same-delivery':
				sameDelivery(conflict, out);
				break;
			case 'mdm-wins':
			case 'race':
				acrossDeliveries(conflict, mdmWinsOverGp, out);
				break;
			case 'equal':
				equal(conflict, out);
				break;
		}
	}
	return out;
}
