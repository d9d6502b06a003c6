import { resolveContent, type ContentSource } from '../channels/importContent';
import { policyKey, type ResolvedPolicy, type ResolvedProfile } from '../export/resolve';
import type { ImportOptions } from '../import/importIngested';
import type { ResolvedSource } from '../import/importers';
import { turnsOn } from '../mdm/mdmWinsOverGp';
import { toRange } from '../text/ranges';
import type { Span } from '../text/span';
import type { EffectiveSetting, EstateSource, PolicyScope, SettingSource, SourcePlace } from './effective';
import { samenessOf } from './sameness';

/** How messages name a file; by default its last path segment. */
export type Label = (uri: string) => string;

export const fileName: Label = (uri) => decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);

function placeOf(uri: string, resolved: ResolvedSource, span: Span): SourcePlace {
	const at = { start: span.start, end: span.end };
	return resolved.lines
		? { uri, range: toRange(resolved.lines, at), span: at, binary: false }
		: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, span: at, binary: true };
}

function scopeOf(policy: ResolvedPolicy): PolicyScope {
	return policy.kind === 'ingested' && policy.scope === 'User' ? 'user' : 'device';
}

/** The last setting of each policy and scope in a profile, in the order they are first set. */
function lastOfEach(profile: ResolvedProfile): ResolvedPolicy[] {
	const last = new Map<string, ResolvedPolicy>();
	for (const policy of profile.policies) {
		const id = `${scopeOf(policy)}:${policyKey(policy)}`;
		// Deleting first keeps the map in the order of the last settings.
		last.delete(id);
		last.set(id, policy);
	}
	return [...last.values()];
}

/**
 * What one file sets, in the effective form: every profile's last setting of each policy, placed
 * where the file names the policy, and whether it leaves MDMWinsOverGP at 1. Undefined for a file
 * that sets nothing by its form (an ADMX file) or that no form reads.
 */
export function readSource(file: ContentSource, options: ImportOptions, label: Label = fileName): EstateSource | undefined {
	const resolved = resolveContent(file, options);
	if (!resolved) {
		return undefined;
	}
	const { uri } = file;
	const settings: EffectiveSetting[] = [];
	const several = resolved.profiles.length > 1;
	for (const profile of resolved.profiles) {
		const source: SettingSource = { uri, form: resolved.form, delivery: resolved.delivery, label: several ? `${label(uri)}, profile ${profile.name}` : label(uri) };
		for (const policy of lastOfEach(profile)) {
			settings.push({
				key: policyKey(policy),
				scope: scopeOf(policy),
				state: policy.state,
				values: policy.values,
				sameness: samenessOf(policy),
				source,
				place: placeOf(uri, resolved, policy.nameSpan),
				policy,
			});
		}
	}
	// Only an MDM service's write settles Group Policy against MDM, and the file's last write is what it leaves.
	const last = resolved.delivery === 'mdm' ? resolved.mdmWinsOverGp[resolved.mdmWinsOverGp.length - 1] : undefined;
	const mdmWinsOverGp = last && turnsOn(last) ? [{ place: placeOf(uri, resolved, last.span), label: label(uri) }] : [];
	return { uri, form: resolved.form, delivery: resolved.delivery, settings, mdmWinsOverGp };
}
