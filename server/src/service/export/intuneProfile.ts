import { encodePayload } from './payload';
import { ingestionUri, policyKey, policyTitle, policyUri, settablePolicies, type ResolvedProfile } from './resolve';

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
 * ingested ADMX file, then one per enabled or disabled policy, with the raw payload as its value
 * (Intune does the SyncML). A custom
 * profile cannot send a Delete, so not-configured policies are left out and listed in `omitted`.
 */
export function encodeIntune(profile: ResolvedProfile): { profile: IntuneCustomProfile; omitted: string[] } {
	const { settable, omitted } = settablePolicies(profile);
	// A device refuses a policy of an ADMX it has not ingested, so the ingestion rows come first.
	const ingestions: IntuneOmaSetting[] = profile.ingests.map((file) => ({
		'@odata.type': '#microsoft.graph.omaSettingString',
		displayName: `${file.app} ADMX ${file.fileUid}`,
		description: `Ingests ${file.file} as ${file.app}`,
		omaUri: ingestionUri(file),
		value: file.source.text,
	}));
	const omaSettings: IntuneOmaSetting[] = [...ingestions, ...settable.map((resolved) => ({
		'@odata.type': '#microsoft.graph.omaSettingString' as const,
		displayName: policyTitle(resolved),
		description: `${policyKey(resolved)}: ${resolved.state}`,
		omaUri: policyUri(resolved),
		// Only a not-configured policy has no payload, and settable ones never are.
		value: encodePayload(resolved) as string,
	}))];
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
