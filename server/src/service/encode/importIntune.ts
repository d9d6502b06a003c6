import type { ParsedIntune } from '../document';
import type { ImportResult } from './importSyncml';
import { baseName, resolveProfiles } from './resolve';
import { profilesToYaml } from './toYaml';

/**
 * Turns the Remote Assistance settings of an Intune export (without errors) into a policy profile
 * named after the export. Settings of other areas, and later rows for a policy already converted,
 * are reported, not converted.
 */
export function importIntune(doc: ParsedIntune): ImportResult {
	const skipped = [...doc.skipped];
	const [profile] = resolveProfiles(doc);
	if (!profile) {
		return { yaml: '', skipped };
	}
	const last = new Map(profile.policies.map((p) => [p.policy.name, p]));
	for (const policy of profile.policies) {
		if (last.get(policy.policy.name) !== policy) {
			skipped.push(`line ${doc.lines.positionAt(policy.span.start).line + 1}: ${policy.policy.name}: set again later in the export; the later setting is kept`);
		}
	}
	const name = doc.name?.trim() || baseName(doc.uri);
	const source = doc.kind === 'catalog' ? 'Intune settings-catalog policy' : 'Intune custom profile';
	return {
		yaml: profilesToYaml([{ ...profile, name, description: `Converted from the ${source} ${baseName(doc.uri)}.`, policies: profile.policies.filter((p) => last.get(p.policy.name) === p) }]),
		skipped,
	};
}
