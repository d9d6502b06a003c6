import type { ParsedSyncml } from '../document';
import { parseRemoteAssistanceUri } from '../syncml/omaUri';
import { baseName, resolveProfiles } from './resolve';
import { profilesToYaml } from './toYaml';

export interface ImportResult {
	readonly yaml: string;
	/** What was left out, one line each, for the user to review. */
	readonly skipped: readonly string[];
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
	// The device applies commands in order, so a policy's last setting is the one that holds.
	const last = new Map(profile.policies.map((p) => [p.policy.name, p]));
	for (const policy of profile.policies) {
		if (last.get(policy.policy.name) !== policy) {
			skipped.push(`line ${doc.lines.positionAt(policy.span.start).line + 1}: ${policy.policy.name}: set again later in the message; the later setting is kept`);
		}
	}
	const policies = profile.policies.filter((p) => last.get(p.policy.name) === p);
	return {
		yaml: profilesToYaml([{ ...profile, name: baseName(doc.uri), description: `Converted from ${baseName(doc.uri)} SyncML.`, policies }]),
		skipped,
	};
}
