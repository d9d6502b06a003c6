/** The keys of the profile YAML format and what each means, for completion and hover. */
export const PROFILE_KEY_DOCS = {
	profile: 'The profile\'s display name (required). It names the profile in the outline and in exported MDM profiles.',
	description: 'A sentence about what the profile is for (optional).',
	scope: 'Where the policies apply (optional). Every Remote Assistance policy is device-wide, so the only value is `device`.',
	policies: 'The Remote Assistance policies this profile sets (required), keyed by their Policy CSP names, such as `UnsolicitedRemoteAssistance`.',
} as const;

export const POLICY_KEY_DOCS = {
	state: '`enabled`, `disabled` or `not-configured` (required). Enabled and disabled are sent with a Replace command; not-configured deletes the policy from the device.',
	options: 'The policy\'s ADMX elements by id (only read when the policy is enabled, and then every one is required).',
} as const;

/** Which profile keys are required, in words, for messages about a document or key of the wrong shape. */
export const PROFILE_KEYS_REQUIRED = '`profile` and `policies` are required, `description` and `scope` are optional';

export const PROFILE_KEYS = Object.keys(PROFILE_KEY_DOCS) as (keyof typeof PROFILE_KEY_DOCS)[];
export const POLICY_KEYS = Object.keys(POLICY_KEY_DOCS) as (keyof typeof POLICY_KEY_DOCS)[];
