import type { ParsedIntune } from '../document';
import type { ImportResult } from './importSyncml';
import { lastSettings } from './lastSettings';
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
	const policies = lastSettings(profile, doc.lines, 'export', skipped);
	const name = doc.name?.trim() || baseName(doc.uri);
	const source = doc.kind === 'catalog' ? 'Intune settings-catalog policy' : 'Intune custom profile';
	return {
		yaml: profilesToYaml([{ ...profile, name, description: `Converted from the ${source} ${baseName(doc.uri)}.`, policies }]),
		skipped,
	};
}
