import { admxRegistryOperations } from '../../admx/admxRegistry';
import { catalogAsAdmx } from '../../catalog/catalogAdmx';
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
 * What Group Policy writes for a policy: the ADMX registry model of its ADMX, the catalog's for a
 * Remote Assistance policy (every one a machine policy). A list's values are named as its entries
 * (no value prefix). Not configured writes nothing.
 */
export function gpOperations(resolved: ResolvedPolicy): GpOperation[] {
	if (resolved.state === 'not-configured') {
		return [];
	}
	if (resolved.kind === 'ingested') {
		return admxRegistryOperations(resolved.target.policy, resolved.scope === 'User' ? 'HKCU' : 'HKLM', resolved.state, resolved.values);
	}
	// The catalog keeps a list's entries; the ADMX model takes them as name/value pairs.
	const values = new Map([...resolved.values].map(([id, value]) => [id, typeof value === 'string' ? value : value.flatMap((entry) => [entry, entry])]));
	return admxRegistryOperations(catalogAsAdmx(resolved.policy), 'HKLM', resolved.state, values);
}
