import { admxRegistryOperations } from '../../admx/admxRegistry';
import type { ResolvedPolicy, ResolvedProfile } from '../resolve';

/** Machine policy (Computer Configuration) or user policy (User Configuration). */
export type GpHive = 'HKLM' | 'HKCU';

/** A value Group Policy writes; DWORD and QWORD data are decimal digits (a QWORD may exceed a JavaScript number). */
export type GpSet =
	| { readonly kind: 'set'; readonly hive: GpHive; readonly key: string; readonly name: string; readonly type: 'REG_DWORD' | 'REG_QWORD' | 'REG_SZ' | 'REG_EXPAND_SZ'; readonly data: string }
	| { readonly kind: 'set'; readonly hive: GpHive; readonly key: string; readonly name: string; readonly type: 'REG_MULTI_SZ'; readonly data: readonly string[] };

/**
 * One registry operation as Group Policy records it in a GPO. Keys are relative to the hive: a
 * GPO keeps machine and user settings apart, and the file or section they go to names the hive.
 */
export type GpOperation =
	| GpSet
	/** Registry.pol `**del.<name>`: removes one value. */
	| { readonly kind: 'delete'; readonly hive: GpHive; readonly key: string; readonly name: string }
	/** Registry.pol `**delvals.`: removes every value of the key (not its subkeys). */
	| { readonly kind: 'deleteAllValues'; readonly hive: GpHive; readonly key: string };

/** Hybrid devices: the Policy CSP setting wins over the GPO when the device is told so (VERIFIED, ControlPolicyConflict CSP). */
/** What a Group Policy file's header says it holds. */
export function policiesOf(profile: ResolvedProfile): string {
	const ingested = profile.policies.some((p) => p.kind === 'ingested');
	const builtIn = profile.policies.some((p) => p.kind === 'builtin');
	return ingested ? (builtIn ? 'Remote Assistance and ingested ADMX policies' : 'ingested ADMX policies') : 'Remote Assistance policies';
}

export const MDM_WINS = 'Where ControlPolicyConflict/MDMWinsOverGP is 1, a value MDM sets for the same policy wins over this one.';

/**
 * What Group Policy writes for one ADMX policy, derived from the catalog's registry facts only.
 * Enabled writes the policy value and each element; a list (additive false, no prefix) first
 * clears its key, then writes one value per entry named as the entry. Disabled writes the policy
 * value and deletes every element value and the list key's values, as GPO backups of the DISA
 * STIG show (INFERRED from third-party conversions). Not configured writes nothing. Every Remote
 * Assistance policy is a machine policy.
 */
export function gpOperations(resolved: ResolvedPolicy): GpOperation[] {
	if (resolved.state === 'not-configured') {
		return [];
	}
	if (resolved.kind === 'ingested') {
		return admxRegistryOperations(resolved.target.policy, resolved.scope === 'User' ? 'HKCU' : 'HKLM', resolved.state, resolved.values);
	}
	const policy = resolved.policy;
	const enabled = resolved.state === 'enabled';
	const operations: GpOperation[] = [{
		kind: 'set',
		hive: 'HKLM',
		key: policy.registryKey,
		name: policy.registryValueName,
		type: 'REG_DWORD',
		data: String(enabled ? policy.enabledValue : policy.disabledValue),
	}];
	for (const element of policy.elements) {
		if (!enabled) {
			operations.push(element.type === 'list'
				? { kind: 'deleteAllValues', hive: 'HKLM', key: element.registryKey }
				: { kind: 'delete', hive: 'HKLM', key: element.registryKey, name: element.valueName });
			continue;
		}
		const value = resolved.values.get(element.id);
		if (value === undefined) {
			continue;
		}
		if (element.type === 'list') {
			operations.push({ kind: 'deleteAllValues', hive: 'HKLM', key: element.registryKey });
			for (const entry of value as readonly string[]) {
				operations.push({ kind: 'set', hive: 'HKLM', key: element.registryKey, name: entry, type: 'REG_SZ', data: entry });
			}
		} else {
			operations.push({ kind: 'set', hive: 'HKLM', key: element.registryKey, name: element.valueName, type: element.registryType, data: value as string });
		}
	}
	return operations;
}
