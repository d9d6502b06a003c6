import type { Profile } from './policyModel';

/** The parts of a profile's policy key `App/PolicyName`, which names a policy of an ingested ADMX. */
export interface IngestedKey {
	readonly app: string;
	readonly policy: string;
}

/** A key with a `/` names an ingested policy: built-in policy names never hold one. */
export function isIngestedKey(name: string): boolean {
	return name.includes('/');
}

/** The AppName and policy name of an `App/PolicyName` key, or undefined when either part is missing or more parts follow. */
export function splitIngestedKey(name: string): IngestedKey | undefined {
	const parts = name.split('/');
	return parts.length === 2 && parts[0] !== '' && parts[1] !== '' ? { app: parts[0], policy: parts[1] } : undefined;
}

/** Whether a profile ingests ADMX: it names files under `admx:` or keys a policy `App/PolicyName`. */
export function ingestsAdmx(profile: Profile): boolean {
	return profile.admx.length > 0 || profile.policies.some((p) => isIngestedKey(p.name.value));
}
