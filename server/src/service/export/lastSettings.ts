import type { TextDocument } from 'vscode-languageserver-textdocument';
import { policyKey, type ResolvedPolicy, type ResolvedProfile } from './resolve';

/**
 * The policies of a profile with only the last setting of each: a device applies them in order, so
 * the last one holds. Each earlier one is added to `skipped`, naming its line and `where` it is set.
 */
export function lastSettings(profile: ResolvedProfile, lines: TextDocument, where: string, skipped: string[]): ResolvedPolicy[] {
	const last = new Map(profile.policies.map((p) => [policyKey(p), p]));
	for (const policy of profile.policies) {
		if (last.get(policyKey(policy)) !== policy) {
			skipped.push(`line ${lines.positionAt(policy.span.start).line + 1}: ${policyKey(policy)}: set again later in the ${where}; the later setting is kept`);
		}
	}
	return profile.policies.filter((p) => last.get(policyKey(p)) === p);
}
