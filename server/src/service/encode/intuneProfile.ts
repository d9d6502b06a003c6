import { encodePayload } from './payload';
import { settablePolicies, type ResolvedProfile } from './resolve';

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
	const { settable, omitted } = settablePolicies(profile);
	const omaSettings: IntuneOmaSetting[] = settable.map((resolved) => ({
		'@odata.type': '#microsoft.graph.omaSettingString',
		displayName: resolved.policy.friendlyName,
		description: `${resolved.policy.name}: ${resolved.state}`,
		omaUri: resolved.policy.omaUri,
		// Only a not-configured policy has no payload, and settable ones never are.
		value: encodePayload(resolved) as string,
	}));
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
