import type { ParsedSyncml } from '../document';
import { parseRemoteAssistanceUri } from '../syncml/omaUri';
import { lastSettings } from './lastSettings';
import { baseName, resolveProfiles } from './resolve';
import { profilesToYaml } from './toYaml';

export interface ImportResult {
	readonly yaml: string;
	/** What was left out, one line each, for the user to review. */
	readonly skipped: readonly string[];
	/** What was converted but read in a way the user should know of, one line each. */
	readonly notes?: readonly string[];
}

/**
 * Turns the Remote Assistance items of a SyncML message (without errors) into a policy profile.
 * Reads, other CSPs and later settings of an already converted policy are reported, not converted.
 */
export function importSyncml(doc: ParsedSyncml): ImportResult {
	const skipped: string[] = [];
	for (const chunk of doc.chunks) {
		for (const command of chunk.result.commands) {
			for (const item of command.items) {
				const uri = item.locUri?.value ?? '(no LocURI)';
				const line = doc.lines.positionAt(chunk.start + item.element.start).line + 1;
				if (!parseRemoteAssistanceUri(uri)) {
					skipped.push(`line ${line}: ${command.name} ${uri}: not a Remote Assistance policy`);
				} else if (command.name === 'Get') {
					skipped.push(`line ${line}: Get ${uri}: a read, not a setting`);
				}
			}
		}
	}
	const [profile] = resolveProfiles(doc);
	if (!profile) {
		return { yaml: '', skipped };
	}
	const policies = lastSettings(profile, doc.lines, 'message', skipped);
	return {
		yaml: profilesToYaml([{ ...profile, name: baseName(doc.uri), description: `Converted from ${baseName(doc.uri)} SyncML.`, policies }]),
		skipped,
	};
}
