import { catalogAsAdmx } from '../catalog/catalogAdmx';
import { admxRegistryOperations } from '../gpo/admxRegistry';
import { lgpoText } from '../gpo/lgpoText';
import { powerShellScript } from '../gpo/powershell';
import { registryPolFile } from '../gpo/registryPol';
import type { GpOperation, GpWrite } from '../gpo/registryOperation';
import { policyKey, type ResolvedPolicy, type ResolvedProfile } from './resolve';

/** What a Group Policy file's header says it holds. */
function policiesOf(profile: ResolvedProfile): string {
	const ingested = profile.policies.some((p) => p.kind === 'ingested');
	const builtIn = profile.policies.some((p) => p.kind === 'builtin');
	return ingested ? (builtIn ? 'Remote Assistance and ingested ADMX policies' : 'ingested ADMX policies') : 'Remote Assistance policies';
}

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

/** A profile as the Group Policy writers take it. */
function gpWrite(profile: ResolvedProfile): GpWrite {
	return { title: profile.name, holds: policiesOf(profile), policies: profile.policies.map((policy) => ({ key: policyKey(policy), state: policy.state, operations: gpOperations(policy) })) };
}

/** The profile as LGPO.exe text. */
export function encodeLgpoText(profile: ResolvedProfile): string {
	return lgpoText(gpWrite(profile));
}

/** The profile as a Set-GPRegistryValue script. */
export function encodePowerShell(profile: ResolvedProfile): string {
	return powerShellScript(gpWrite(profile));
}

/** The profile as a machine Registry.pol. */
export function encodeRegistryPol(profile: ResolvedProfile): Uint8Array {
	return registryPolFile(profile.policies.flatMap(gpOperations), 'HKLM');
}
