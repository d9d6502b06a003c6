import type { PayloadEncoding } from './payload';
import { settablePolicies, type ResolvedProfile } from './resolve';
import { commandXml, ingestionXml } from './syncmlMessage';

/**
 * A Fleet Windows profile: the commands alone, an Add per ingested ADMX file, then one top-level
 * Replace per enabled or disabled policy, for Fleet writes the SyncML message around them. Fleet's profiles hold only Replace and
 * Add (INFERRED from Fleet's guides and issue #13281), so not-configured policies, which need a
 * Delete, are left out and listed in `omitted`. CmdID is left out as in Fleet's own examples;
 * Fleet numbers the commands when it sends them (INFERRED).
 */
export function encodeFleet(profile: ResolvedProfile, encoding: PayloadEncoding): { profile: string; omitted: string[] } {
	const { settable, omitted } = settablePolicies(profile);
	const lines = [
		...profile.ingests.flatMap((file) => ingestionXml(file, undefined, encoding, '')),
		...settable.flatMap((resolved) => commandXml(resolved, undefined, encoding, '')),
	];
	return { profile: lines.length > 0 ? `${lines.join('\n')}\n` : '', omitted };
}
