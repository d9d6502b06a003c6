import { encodePayload } from './payload';
import type { ResolvedProfile } from './resolve';

export interface IntuneOmaSetting {
	readonly '@odata.type': '#microsoft.graph.omaSettingString';
	readonly displayName: string;
	readonly description: string;
	readonly omaUri: string;
	readonly value: string;
}

export interface IntuneCustomProfile {
	readonly '@odata.type': '#microsoft.graph.windows10CustomConfiguration';
	readonly displayName: string;
	readonly description: string;
	readonly omaSettings: readonly IntuneOmaSetting[];
}

/**
 * A Windows custom configuration profile as Microsoft Graph takes it: one String OMA setting per
 * enabled or disabled policy, with the raw payload as its value (Intune does the SyncML). A custom
 * profile cannot send a Delete, so not-configured policies are left out and listed in `omitted`.
 */
export function encodeIntune(profile: ResolvedProfile): { profile: IntuneCustomProfile; omitted: string[] } {
	const omitted: string[] = [];
	const omaSettings: IntuneOmaSetting[] = [];
	for (const resolved of profile.policies) {
		const value = encodePayload(resolved);
		if (value === null) {
			omitted.push(resolved.policy.name);
			continue;
		}
		omaSettings.push({
			'@odata.type': '#microsoft.graph.omaSettingString',
			displayName: resolved.policy.friendlyName,
			description: `${resolved.policy.name}: ${resolved.state}`,
			omaUri: resolved.policy.omaUri,
			value,
		});
	}
	return {
		profile: {
			'@odata.type': '#microsoft.graph.windows10CustomConfiguration',
			displayName: profile.name,
			description: profile.description ?? '',
			omaSettings,
		},
		omitted,
	};
}
