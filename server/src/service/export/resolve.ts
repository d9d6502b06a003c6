import { ingestionNodeUri } from '../mdm/policyUri';
import { enumItemByAlias } from '../catalog/catalog';
import { POLICY_STATES, type PolicyDefinition, type PolicyElement, type PolicyState } from '../catalog/types';
import type { AdmxElement } from '../admx/admxModel';
import { configNode, placedScope } from '../ingestion/configUri';
import { displayText } from '../admx/readAdml';
import { findIngestedPolicy, type IngestedPolicy } from '../ingestion/ingestionIndex';
import type { ProfileAdmxFile, ProfileIngestion } from '../ingestion/profileIngestion';
import { POLICY_LANGUAGE, type ParsedDocument } from '../document/document';
import { isIngestedKey, splitIngestedKey } from '../model/ingestedKey';
import type { OptionValue, PolicySetting } from '../model/policyModel';
import type { Span } from '../text/span';

interface ResolvedBase {
	readonly state: PolicyState;
	/** By element id, in ADMX element order; empty unless enabled. */
	readonly values: ReadonlyMap<string, string | readonly string[]>;
	readonly span: Span;
	/**
	 * Where the source names the policy, in the same offsets as `span`: the profile's key, the
	 * policy segment of a LocURI or OMA-URI, a settings-catalog id, a Group Policy record.
	 */
	readonly nameSpan: Span;
}

/** A built-in policy with every value in the form the device receives: enum numbers, whole numbers, text, helper lists. */
export interface ResolvedBuiltIn extends ResolvedBase {
	readonly kind: 'builtin';
	readonly policy: PolicyDefinition;
}

/** A policy of an ingested ADMX, with its values as `AdmxValues` holds them and the node its scope gives. */
export interface ResolvedIngested extends ResolvedBase {
	readonly kind: 'ingested';
	/** `App/PolicyName`, as the profile keys it. */
	readonly key: string;
	readonly target: IngestedPolicy;
	readonly scope: 'Device' | 'User';
	readonly omaUri: string;
}

export type ResolvedPolicy = ResolvedBuiltIn | ResolvedIngested;

export interface ResolvedProfile {
	readonly name: string;
	readonly description: string | undefined;
	/** The ADMX files the profile ingests, which an MDM export sends before the settings. */
	readonly ingests: readonly ProfileAdmxFile[];
	readonly policies: readonly ResolvedPolicy[];
	readonly span: Span;
}

/** The name a policy goes by in a profile: the Policy CSP name, or `App/PolicyName`. */
export function policyKey(resolved: ResolvedPolicy): string {
	return resolved.kind === 'builtin' ? resolved.policy.name : resolved.key;
}

export function policyUri(resolved: ResolvedPolicy): string {
	return resolved.kind === 'builtin' ? resolved.policy.omaUri : resolved.omaUri;
}

/** The name people know a policy by: the Group Policy editor's, from the catalog or the vendor's ADML. */
export function policyTitle(resolved: ResolvedPolicy): string {
	return resolved.kind === 'builtin' ? resolved.policy.friendlyName : displayText(resolved.target.adml, resolved.target.policy.displayName);
}

/** The node an ADMX file of the profile is ingested at. */
export function ingestionUri(file: ProfileAdmxFile): string {
	return ingestionNodeUri(file.app, file.fileUid);
}

/** A span alone, so a resolved policy keeps no part of the model it was read from. */
function spanOf(span: Span): Span {
	return { start: span.start, end: span.end };
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

function stateOf(setting: PolicySetting): PolicyState | undefined {
	const state = setting.state?.kind === 'scalar' ? String(setting.state.value) : undefined;
	return state !== undefined && (POLICY_STATES as readonly string[]).includes(state) ? state as PolicyState : undefined;
}

function resolvePolicy(setting: PolicySetting, ingestion: ProfileIngestion | undefined, scope: unknown): ResolvedPolicy | undefined {
	if (isIngestedKey(setting.name.value)) {
		return ingestion && resolveIngested(setting, ingestion, scope);
	}
	const policy = setting.definition;
	const state = stateOf(setting);
	if (!policy || !state) {
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
	return { kind: 'builtin', policy, state, values, span: setting.span, nameSpan: spanOf(setting.name) };
}

/** The value of an ingested policy's option as `AdmxValues` holds it: lists as name/value pairs. */
function ingestedValue(element: AdmxElement, value: OptionValue): string | readonly string[] | undefined {
	const strings = () => (value.kind === 'list' ? value.items.map((i) => scalarText(i) ?? '') : undefined);
	switch (element.type) {
		case 'multiText':
			return strings();
		case 'list': {
			if (element.explicitValue) {
				return value.kind === 'other' && value.entries ? value.entries.flatMap((e) => [e.key.value, scalarText(e.value) ?? '']) : undefined;
			}
			const prefix = element.valuePrefix;
			return strings()?.flatMap((entry, i) => [prefix === undefined ? entry : `${prefix}${i + 1}`, entry]);
		}
		default:
			return scalarText(value);
	}
}

/** `scope` is the profile's `scope` value, which places policies of class Both. */
function resolveIngested(setting: PolicySetting, ingestion: ProfileIngestion, scope: unknown): ResolvedIngested | undefined {
	const key = splitIngestedKey(setting.name.value);
	const target = key && findIngestedPolicy(ingestion.index, key.app, key.policy);
	const state = stateOf(setting);
	if (!target || !state) {
		return undefined;
	}
	const values = new Map<string, string | readonly string[]>();
	if (state === 'enabled') {
		for (const element of target.policy.elements) {
			const option = setting.options.find((o) => o.id.value === element.id);
			const value = option && ingestedValue(element, option.value);
			if (value !== undefined) {
				values.set(element.id, value);
			}
		}
	}
	const uris = configNode(target.file, target.policy, target.app).uris;
	const placed = placedScope(target.policy.class, scope);
	const node = uris.find((u) => u.scope === placed) ?? uris[0];
	return { kind: 'ingested', key: `${target.app}/${target.policy.name}`, target, scope: node.scope, omaUri: node.uri, state, values, span: setting.span, nameSpan: spanOf(setting.name) };
}

/** File name without folders and known extensions, used to name a SyncML file's single profile. */
export function baseName(uri: string): string {
	const last = decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);
	return last.replace(/\.(rapolicy\.ya?ml|syncml\.xml|syncml|fleet\.xml|xml|intune\.json|settings-catalog\.json|json|registry\.pol|pol|lgpo\.txt|txt|ps1)$/i, '') || last;
}

/** The document's profiles with resolved values. Only meaningful for a document without errors. */
export function resolveProfiles(doc: ParsedDocument): ResolvedProfile[] {
	const ingestions = doc.language === POLICY_LANGUAGE ? doc.ingestions : undefined;
	return doc.profiles.map((profile, i) => {
		const ingestion = ingestions?.[i];
		const scope = profile.scope?.kind === 'scalar' ? profile.scope.value : undefined;
		return {
			name: profile.name?.value ?? baseName(doc.uri),
			description: profile.description?.value,
			ingests: ingestion?.files ?? [],
			policies: profile.policies.map((p) => resolvePolicy(p, ingestion, scope)).filter((p): p is ResolvedPolicy => p !== undefined),
			span: profile.span,
		};
	});
}

/**
 * The `App/PolicyName` keys of a document that no ingested ADMX defines: a warning while editing,
 * since the ADMX may be ingested elsewhere, but nothing an export can encode.
 */
export function unresolvedIngested(doc: ParsedDocument): string[] {
	const ingestions = doc.language === POLICY_LANGUAGE ? doc.ingestions : undefined;
	return doc.profiles.flatMap((profile, i) => profile.policies.filter((setting) => {
		const key = isIngestedKey(setting.name.value) ? splitIngestedKey(setting.name.value) : undefined;
		const ingestion = ingestions?.[i];
		return isIngestedKey(setting.name.value) && (!key || !ingestion || !findIngestedPolicy(ingestion.index, key.app, key.policy));
	}).map((setting) => setting.name.value));
}

/**
 * The enabled and disabled policies of a profile, and the names of the not-configured ones, for
 * channels that can only set a policy (Intune custom profiles, the settings catalog, Fleet).
 */
export function settablePolicies(profile: ResolvedProfile): { settable: ResolvedPolicy[]; omitted: string[] } {
	return {
		settable: profile.policies.filter((p) => p.state !== 'not-configured'),
		omitted: profile.policies.filter((p) => p.state === 'not-configured').map(policyKey),
	};
}
