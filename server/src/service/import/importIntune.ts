import type { ParsedIntune } from '../document/document';
import type { ImportOptions } from './importIngested';
import { importProfile } from './importedProfile';
import type { ImportResult } from './importSyncml';
import { baseName, resolveProfiles } from '../export/resolve';

/**
 * Turns the Remote Assistance settings of an Intune export (without errors) into a policy profile
 * named after the export, with the ADMX files a custom profile ingests and the policies it sets of
 * them. Settings of other areas, and later rows for a policy already converted, are reported, not
 * converted.
 */
export function importIntune(doc: ParsedIntune, options: ImportOptions = {}): ImportResult {
	const skipped = [...doc.skipped];
	const notes: string[] = [];
	const [profile] = resolveProfiles(doc);
	const name = doc.name?.trim() || baseName(doc.uri);
	const source = doc.kind === 'catalog' ? 'Intune settings-catalog policy' : 'Intune custom profile';
	// The export's own description is the admin's, and what the profile exports again.
	const description = doc.description ?? `Converted from the ${source} ${baseName(doc.uri)}.`;
	const imported = importProfile({ name, description, builtin: profile?.policies ?? [], ingested: doc.ingested, lines: doc.lines, kind: 'export' }, options, skipped, notes);
	return { yaml: imported.yaml, skipped, notes, admxFiles: imported.admxFiles };
}
