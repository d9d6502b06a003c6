import { enumItemByAlias } from '../catalog/catalog';
import { POLICY_STATES, type PolicyDefinition, type PolicyElement, type PolicyState } from '../catalog/types';
import type { ParsedDocument } from '../document';
import type { OptionValue, PolicySetting } from '../model/policyModel';
import type { Span } from '../text/span';

/** A policy with every value in the form the device receives: enum numbers, whole numbers, text, helper lists. */
export interface ResolvedPolicy {
	readonly policy: PolicyDefinition;
	readonly state: PolicyState;
	/** By element id, in ADMX element order; empty unless enabled. */
	readonly values: ReadonlyMap<string, string | readonly string[]>;
	readonly span: Span;
}

export interface ResolvedProfile {
	readonly name: string;
	readonly description: string | undefined;
	readonly policies: readonly ResolvedPolicy[];
	readonly span: Span;
}

function scalarText(value: OptionValue): string | undefined {
	return value.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
}

function resolveValue(element: PolicyElement, value: OptionValue): string | readonly string[] | undefined {
	switch (element.type) {
		case 'enum': {
			const text = scalarText(value);
			return text === undefined ? undefined : String(enumItemByAlias(element, text)?.value ?? text);
		}
		case 'decimal': {
			const text = scalarText(value);
			return text === undefined ? undefined : String(Number(text));
		}
		case 'text':
			return scalarText(value);
		case 'list':
			return value.kind === 'list' ? value.items.map((i) => scalarText(i) ?? '') : undefined;
	}
}

function resolvePolicy(setting: PolicySetting): ResolvedPolicy | undefined {
	const policy = setting.definition;
	const state = setting.state?.kind === 'scalar' ? String(setting.state.value) : undefined;
	if (!policy || !state || !(POLICY_STATES as readonly string[]).includes(state)) {
		return undefined;
	}
	const values = new Map<string, string | readonly string[]>();
	if (state === 'enabled') {
		for (const element of policy.elements) {
			const option = setting.options.find((o) => o.id.value === element.id);
			const value = option && resolveValue(element, option.value);
			if (value !== undefined) {
				values.set(element.id, value);
			}
		}
	}
	return { policy, state: state as PolicyState, values, span: setting.span };
}

/** File name without folders and known extensions, used to name a SyncML file's single profile. */
export function baseName(uri: string): string {
	const last = decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);
	return last.replace(/\.(rapolicy\.ya?ml|syncml\.xml|syncml|fleet\.xml|xml|intune\.json|settings-catalog\.json|json|registry\.pol|pol|lgpo\.txt|txt|ps1)$/i, '') || last;
}

/** The document's profiles with resolved values. Only meaningful for a document without errors. */
export function resolveProfiles(doc: ParsedDocument): ResolvedProfile[] {
	return doc.profiles.map((profile) => ({
		name: profile.name?.value ?? baseName(doc.uri),
		description: profile.description?.value,
		policies: profile.policies.map(resolvePolicy).filter((p): p is ResolvedPolicy => p !== undefined),
		span: profile.span,
	}));
}

/**
 * The enabled and disabled policies of a profile, and the names of the not-configured ones, for
 * channels that can only set a policy (Intune custom profiles, the settings catalog, Fleet).
 */
export function settablePolicies(profile: ResolvedProfile): { settable: ResolvedPolicy[]; omitted: string[] } {
	return {
		settable: profile.policies.filter((p) => p.state !== 'not-configured'),
		omitted: profile.policies.filter((p) => p.state === 'not-configured').map((p) => p.policy.name),
	};
}
