import { POLICIES } from '../catalog/catalog';
import type { PolicyDefinition, PolicyElement } from '../catalog/types';

/*
 * Settings-catalog ids follow from the catalog: the OMA-URI after ./ in lower case with / as _
 * (device_vendor_msft_policy_config_...), a child adds _ and its element id in lower case, and an
 * option adds _ and its value (0 Disabled and 1 Enabled for the policy itself, the ADMX value for
 * a choice). The unit tests hold these against the ids Microsoft publishes.
 */

export function policySettingId(policy: PolicyDefinition): string {
	return policy.omaUri.slice('./'.length).toLowerCase().replace(/\//g, '_');
}

export function elementSettingId(policy: PolicyDefinition, element: PolicyElement): string {
	return `${policySettingId(policy)}_${element.id.toLowerCase()}`;
}

/** The option id of a choice: a setting id and one of its values. */
export function optionId(settingId: string, value: number): string {
	return `${settingId}_${value}`;
}

/** The catalog's Enabled and Disabled options of a policy. */
export const ENABLED_OPTION = 1;
export const DISABLED_OPTION = 0;

/** Every setting id of a Remote Assistance policy starts with one of these, one per area. */
export const REMOTE_ASSISTANCE_PREFIXES: readonly string[] = [...new Set(POLICIES.map((p) => policySettingId(p).slice(0, -p.name.length)))];

const byId = new Map(POLICIES.map((p) => [policySettingId(p), p]));

export function policyBySettingId(id: string): PolicyDefinition | undefined {
	return byId.get(id);
}

export const POLICY_SETTING_IDS: readonly string[] = [...byId.keys()];

export function isRemoteAssistanceSettingId(id: string): boolean {
	const lower = id.toLowerCase();
	return REMOTE_ASSISTANCE_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
