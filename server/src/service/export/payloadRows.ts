import { encodePayload } from './payload';
import { policyKey, policyUri, type ResolvedProfile } from './resolve';
import { commandFor } from './syncmlMessage';

/** Every policy of the profiles as a JSON row: its profile, name, OMA-URI, command and raw payload (null for a Delete). */
export function encodePayloadRows(profiles: readonly ResolvedProfile[]): string {
	const rows = profiles.flatMap((profile) => profile.policies.map((resolved) => ({
		profile: profile.name,
		policy: policyKey(resolved),
		omaUri: policyUri(resolved),
		command: commandFor(resolved),
		payload: encodePayload(resolved),
	})));
	return `${JSON.stringify(rows, null, 2)}\n`;
}
