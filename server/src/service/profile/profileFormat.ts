/** The keys of the profile YAML format and what each means, for completion and hover. */
export const PROFILE_KEY_DOCS = {
	profile: 'The profile\'s display name (required). It names the profile in the outline and in exported MDM profiles.',
	description: 'A sentence about what the profile is for (optional).',
	scope: 'Where the policies apply (optional): `device` (the default) or `user`. Every Remote Assistance policy is device-wide; `user` only serves ingested ADMX policies whose class is Both.',
	admx: 'The third-party ADMX files this profile ingests (optional): a list of `app` (the AppName the device files the ADMX under) and `file` (the .admx, relative to this profile; its ADML is read from en-US beside it). Their policies are then keyed `App/PolicyName` under `policies`.',
	policies: 'The policies this profile sets (required): Remote Assistance policies by their Policy CSP names, such as `UnsolicitedRemoteAssistance`, and policies of ingested ADMX files as `App/PolicyName`.',
} as const;

export const POLICY_KEY_DOCS = {
	state: '`enabled`, `disabled` or `not-configured` (required). Enabled and disabled are sent with a Replace command; not-configured deletes the policy from the device.',
	options: 'The policy\'s ADMX elements by id (only read when the policy is enabled, and then every one is required).',
} as const;

/** Which profile keys are required, in words, for messages about a document or key of the wrong shape. */
export const PROFILE_KEYS_REQUIRED = '`profile` and `policies` are required, `description`, `scope` and `admx` are optional';

/** The keys of one `admx:` entry. */
export const ADMX_ENTRY_KEY_DOCS = {
	app: 'The AppName the ADMX is ingested under: the `{AppName}` of `ADMXInstall/{AppName}/Policy/{FileUid}`, and the first part of each `App/PolicyName` key.',
	file: 'The .admx file, relative to this profile. The ADML is read from the `en-US` folder beside it.',
} as const;
export const ADMX_ENTRY_KEYS = Object.keys(ADMX_ENTRY_KEY_DOCS) as (keyof typeof ADMX_ENTRY_KEY_DOCS)[];

export const PROFILE_KEYS = Object.keys(PROFILE_KEY_DOCS) as (keyof typeof PROFILE_KEY_DOCS)[];
export const POLICY_KEYS = Object.keys(POLICY_KEY_DOCS) as (keyof typeof POLICY_KEY_DOCS)[];
