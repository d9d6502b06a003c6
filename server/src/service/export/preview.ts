import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { AdmxRegistryError } from '../gpo/admxRegistry';
import type { ParsedDocument } from '../document/document';
import { getDiagnostics } from '../document/diagnostics';
import type { Settings } from '../problems/settings';
import { encodeFleet } from './fleetProfile';
import { LgpoTextError } from '../gpo/lgpoText';
import { RegistryPolHiveError } from '../gpo/registryPol';
import { base64 } from '../text/base64';
import { encodeLgpoText, encodePowerShell, encodeRegistryPol } from './groupPolicy';
import { encodeIntune } from './intuneProfile';
import { encodeSettingsCatalog } from './settingsCatalog';
import { EncodeError, encodeData, encodePayload, type PayloadEncoding } from './payload';
import { registryText, registryValues, type RegistryValue } from './registryView';
import { policyKey, policyTitle, policyUri, resolveProfiles, unresolvedIngested, type ResolvedProfile } from './resolve';
import { commandFor, encodeSyncml } from './syncmlMessage';

export interface PolicyPreview {
	readonly policy: string;
	readonly friendlyName: string;
	readonly state: string;
	readonly omaUri: string;
	readonly command: 'Replace' | 'Delete';
	/** The Intune custom-profile data type for these policies. */
	readonly dataType: 'String';
	/** The raw payload, or null for a Delete. */
	readonly payload: string | null;
	readonly escaped: string | null;
	readonly cdata: string | null;
	readonly registry: readonly RegistryValue[];
	/** 0-based lines of the policy's first and last character in the source. */
	readonly line: number;
	readonly endLine: number;
}

/** One more channel a profile can be exported to, ready to copy or save. */
export interface ChannelExport {
	readonly id: 'settings-catalog' | 'fleet' | 'lgpo' | 'powershell' | 'registry-pol';
	readonly title: string;
	/** What an exported file's name ends with. */
	readonly extension: string;
	/** The text, or base64 for a binary file; null when the channel cannot carry the profile. */
	readonly content: string | null;
	readonly binary: boolean;
	/** What the channel leaves out or why it cannot be written, in words. */
	readonly note: string | undefined;
}

export interface ProfilePreview {
	readonly name: string;
	readonly policies: readonly PolicyPreview[];
	readonly syncml: string;
	readonly intune: string;
	/** Policies an Intune custom profile cannot carry (not-configured ones). */
	readonly intuneOmitted: readonly string[];
	readonly registry: string;
	readonly channels: readonly ChannelExport[];
}

export interface PreviewError {
	readonly line: number;
	readonly character: number;
	readonly code: string;
	readonly message: string;
}

/** Everything the payload preview shows; with errors in the document, only the errors. */
export interface Preview {
	readonly uri: string;
	readonly version: number;
	readonly encoding: PayloadEncoding;
	readonly errors: readonly PreviewError[];
	readonly profiles: readonly ProfilePreview[];
}

export interface EncodeOptions {
	readonly encoding: PayloadEncoding;
	readonly fullMessage: boolean;
}

/** The errors that stop a document from being encoded: a payload is never built from a wrong model. */
export function blockingErrors(doc: ParsedDocument, settings: Settings): PreviewError[] {
	return getDiagnostics(doc, settings)
		.filter((d) => d.severity === DiagnosticSeverity.Error)
		.map((d) => ({ line: d.range.start.line, character: d.range.start.character, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }));
}

export function profilePreview(doc: ParsedDocument, profile: ResolvedProfile, options: EncodeOptions): ProfilePreview {
	const intune = encodeIntune(profile);
	return {
		name: profile.name,
		policies: profile.policies.map((resolved) => {
			const payload = encodePayload(resolved);
			return {
				policy: policyKey(resolved),
				friendlyName: policyTitle(resolved),
				state: resolved.state,
				omaUri: policyUri(resolved),
				command: commandFor(resolved),
				dataType: 'String',
				payload,
				escaped: payload === null ? null : encodeData(payload, 'escape'),
				cdata: payload === null ? null : encodeData(payload, 'cdata'),
				registry: registryValues(resolved),
				line: doc.lines.positionAt(resolved.span.start).line,
				endLine: doc.lines.positionAt(Math.max(resolved.span.start, resolved.span.end - 1)).line,
			};
		}),
		syncml: encodeSyncml(profile, options),
		intune: `${JSON.stringify(intune.profile, null, 2)}\n`,
		intuneOmitted: intune.omitted,
		registry: registryText(profile.policies),
		channels: channelExports(profile, options),
	};
}

const leftOut = (omitted: readonly string[], why: string) => (omitted.length === 0 ? undefined : `Left out (${why}): ${omitted.join(', ')}.`);

function channelExports(profile: ResolvedProfile, options: EncodeOptions): ChannelExport[] {
	const catalog = encodeSettingsCatalog(profile);
	const fleet = encodeFleet(profile, options.encoding);
	let lgpo: { content: string | null; note: string | undefined };
	try {
		lgpo = { content: encodeLgpoText(profile), note: undefined };
	} catch (error) {
		// LGPO text holds one field per line, so a value with a line break cannot be written.
		if (!(error instanceof LgpoTextError)) {
			throw error;
		}
		lgpo = { content: null, note: error.message };
	}
	let pol: { content: string | null; note: string | undefined };
	try {
		pol = { content: base64(encodeRegistryPol(profile)), note: undefined };
	} catch (error) {
		// A machine Registry.pol cannot hold the user policies of an ingested ADMX.
		if (!(error instanceof RegistryPolHiveError)) {
			throw error;
		}
		pol = { content: null, note: `${error.message}; the LGPO text and PowerShell exports carry user policies.` };
	}
	const catalogNote = [leftOut(catalog.omitted, 'a settings-catalog policy cannot remove a setting'), leftOut(catalog.ingested, 'the settings catalog does not carry ingested ADMX files')].filter((n) => n !== undefined).join(' ');
	return [
		{ id: 'settings-catalog', title: 'Intune settings catalog (Microsoft Graph JSON)', extension: '.settings-catalog.json', content: `${JSON.stringify(catalog.policy, null, 2)}\n`, binary: false, note: catalogNote === '' ? undefined : catalogNote },
		{ id: 'fleet', title: 'Fleet profile', extension: '.fleet.xml', content: fleet.profile === '' ? null : fleet.profile, binary: false, note: fleet.profile === '' ? 'No enabled or disabled policy: there is no Fleet profile to write.' : leftOut(fleet.omitted, 'a Fleet profile cannot send a Delete') },
		{ id: 'lgpo', title: 'Group Policy: LGPO.exe text', extension: '.lgpo.txt', content: lgpo.content, binary: false, note: lgpo.note },
		{ id: 'powershell', title: 'Group Policy: PowerShell (Set-GPRegistryValue)', extension: '.ps1', content: encodePowerShell(profile), binary: false, note: undefined },
		{ id: 'registry-pol', title: 'Group Policy: Registry.pol', extension: '.pol', content: pol.content, binary: true, note: pol.note },
	];
}

export function buildPreview(doc: ParsedDocument, settings: Settings, options: EncodeOptions): Preview {
	const unresolved = unresolvedIngested(doc);
	// An ingested policy of an AppName nothing ingests is a warning while editing, but it cannot be encoded.
	const errors = [...blockingErrors(doc, settings), ...unresolved.map((name) => ({ line: 0, character: 0, code: 'ingested-app', message: `${name}: no ADMX this profile ingests defines it, so it cannot be encoded. Add an admx entry for its AppName.` }))];
	if (errors.length > 0) {
		return { uri: doc.uri, version: doc.version, encoding: options.encoding, errors, profiles: [] };
	}
	try {
		return { uri: doc.uri, version: doc.version, encoding: options.encoding, errors, profiles: resolveProfiles(doc).map((profile) => profilePreview(doc, profile, options)) };
	} catch (error) {
		// With rules turned down to warnings a document can pass and still not be encodable.
		if (!(error instanceof EncodeError) && !(error instanceof AdmxRegistryError)) {
			throw error;
		}
		return { uri: doc.uri, version: doc.version, encoding: options.encoding, errors: [{ line: 0, character: 0, code: 'encode', message: error.message }], profiles: [] };
	}
}
