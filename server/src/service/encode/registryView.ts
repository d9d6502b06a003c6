import type { ResolvedPolicy } from './resolve';

export interface RegistryValue {
	readonly key: string;
	readonly name: string;
	readonly type: 'REG_DWORD' | 'REG_SZ';
	readonly data: string;
}

/**
 * The registry values a policy writes on the device, under HKLM. Enabled writes the policy's
 * value and one per option (a helper list writes one value per helper, named after it);
 * disabled writes the policy's value only; not-configured writes nothing, and the Delete removes
 * what the policy wrote.
 */
export function registryValues(resolved: ResolvedPolicy): RegistryValue[] {
	const policy = resolved.policy;
	const key = `HKLM\\${policy.registryKey}`;
	if (resolved.state === 'not-configured') {
		return [];
	}
	if (resolved.state === 'disabled') {
		return [{ key, name: policy.registryValueName, type: 'REG_DWORD', data: String(policy.disabledValue) }];
	}
	const values: RegistryValue[] = [{ key, name: policy.registryValueName, type: 'REG_DWORD', data: String(policy.enabledValue) }];
	for (const element of policy.elements) {
		const value = resolved.values.get(element.id);
		if (value === undefined) {
			continue;
		}
		const elementKey = `HKLM\\${element.registryKey}`;
		if (element.type === 'list') {
			for (const entry of value as readonly string[]) {
				values.push({ key: elementKey, name: entry, type: 'REG_SZ', data: entry });
			}
		} else {
			values.push({ key: elementKey, name: element.valueName, type: element.registryType, data: value as string });
		}
	}
	return values;
}

/** The values as text, grouped by key, as `reg query` would list them. */
export function registryText(resolved: readonly ResolvedPolicy[]): string {
	const lines: string[] = [];
	for (const policy of resolved) {
		lines.push(`${policy.policy.name} (${policy.state})`);
		const values = registryValues(policy);
		if (values.length === 0) {
			lines.push(`  writes nothing; the Delete removes ${policy.policy.registryValueName} and the values of the policy's options`);
		}
		let key = '';
		for (const value of values) {
			if (value.key !== key) {
				key = value.key;
				lines.push(`  ${key}`);
			}
			lines.push(`    ${value.name.padEnd(30)} ${value.type.padEnd(10)} ${value.data}`);
		}
	}
	return lines.join('\n') + '\n';
}
