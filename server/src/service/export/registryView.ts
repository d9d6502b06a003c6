import { oneLine } from '../text/oneLine';
import type { GpSet } from '../gpo/registryOperation';
import { gpOperations } from './groupPolicy';
import { policyKey, type ResolvedPolicy, type ResolvedProfile } from './resolve';

export interface RegistryValue {
	readonly key: string;
	/** The value name, `*` for every value of the key, or empty for the key's default value. */
	readonly name: string;
	/** `deleted` removes the value (or every value, for `*`). */
	readonly type: GpSet['type'] | 'deleted';
	readonly data: string;
}

/**
 * The registry operations a policy causes on the device, in the order Group Policy
 * records them (see gpOperations): deletions included, so the view matches `reg query` after a
 * disabled policy or a replaced helper list. Not-configured writes nothing, and the Delete
 * removes what the policy wrote.
 */
export function registryValues(resolved: ResolvedPolicy): RegistryValue[] {
	return gpOperations(resolved).map((operation) => {
		const key = `${operation.hive}\\${operation.key}`;
		switch (operation.kind) {
			case 'set':
				// `reg query` shows the strings of a REG_MULTI_SZ joined by \0.
				return { key, name: operation.name, type: operation.type, data: operation.type === 'REG_MULTI_SZ' ? operation.data.join('\\0') : operation.data };
			case 'delete':
				return { key, name: operation.name, type: 'deleted', data: '' };
			case 'deleteAllValues':
				return { key, name: '*', type: 'deleted', data: '' };
		}
	});
}

/** The values as text, grouped by key, as `reg query` would list them. */
export function registryText(resolved: readonly ResolvedPolicy[]): string {
	const lines: string[] = [];
	let deletes = false;
	for (const policy of resolved) {
		lines.push(`${policyKey(policy)} (${policy.state})`);
		const values = registryValues(policy);
		if (values.length === 0) {
			lines.push(`  writes nothing; the Delete removes ${policy.kind === 'builtin' ? policy.policy.registryValueName : 'the policy\'s value'} and the values of the policy's options`);
		}
		let key = '';
		for (const value of values) {
			if (value.key !== key) {
				key = value.key;
				lines.push(`  ${key}`);
			}
			// `reg query` shows the key's default value as (Default).
			const name = value.name === '' ? '(Default)' : value.name;
			if (value.type === 'deleted') {
				deletes = true;
				lines.push(value.name === '*' ? '    (every value deleted)' : `    ${name.padEnd(30)} deleted`);
			} else {
				lines.push(`    ${name.padEnd(30)} ${value.type.padEnd(10)} ${value.data}`);
			}
		}
	}
	if (deletes) {
		// The deletions are what Group Policy records; for MDM, Microsoft only says the ADMX decides.
		lines.push('# deletions: as Group Policy records them (INFERRED from GPO backups); MDM may differ (not documented)');
	}
	return lines.join('\n') + '\n';
}

/** The values of every profile, each under its name. */
export function registryListing(profiles: readonly ResolvedProfile[]): string {
	return profiles.map((profile) => `# ${oneLine(profile.name)}\n${registryText(profile.policies)}`).join('\n');
}
