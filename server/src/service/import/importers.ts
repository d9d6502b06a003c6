import { TextDocument } from 'vscode-languageserver-textdocument';
import { INTUNE_LANGUAGE, SYNCML_LANGUAGE, withIngestedAdmx, type Language, type ParsedDocument, type ParsedIntune, type ParsedSyncml } from '../document/document';
import { blockingErrors, type PreviewError } from '../export/blockingErrors';
import { baseName, resolveProfiles, type ResolvedPolicy, type ResolvedProfile } from '../export/resolve';
import type { IngestionInstall } from '../ingestion/ingestionIndex';
import type { IngestedWrite } from '../ingestion/ingestedWrite';
import type { MdmWinsOverGpWrite } from '../mdm/mdmWinsOverGp';
import type { Settings } from '../problems/settings';
import { messageMdmWinsOverGp } from '../syncml/mdmWinsOverGp';
import { groupPolicyFormat, groupPolicySettings, importGroupPolicy, type GroupPolicyFormat } from './importGroupPolicy';
import { ingestedPolicies, type ImportOptions } from './importIngested';
import { importIntune } from './importIntune';
import { importSyncml, ingestedWrites, type ImportResult } from './importSyncml';

/** A file to import: its content, and its parse, made when an importer of its language first asks. */
export interface ImportSource {
	readonly uri: string;
	/** The bytes of a binary form, else the text. */
	readonly content: Uint8Array | string;
	/** The language the text reads as by its name and content; undefined for bytes, or text of no language the service reads. */
	readonly language: Language | undefined;
	/** The text parsed as `language`. */
	document(): ParsedDocument | undefined;
}

/** The settings an import checks its source with, and the options of the profile it makes. */
export interface ImportContext extends ImportOptions {
	readonly settings: Settings;
}

export type ImportOutcome =
	| { readonly kind: 'imported'; readonly result: ImportResult }
	/** The source has errors, and a profile is never guessed from a wrong model. */
	| { readonly kind: 'refused'; readonly errors: readonly PreviewError[] };

/** How what a form sets reaches a device: through an MDM service (the Policy CSP) or through Group Policy. */
export type Delivery = 'mdm' | 'group-policy';

/**
 * What a file sets, resolved as an export sends it (enum values as numbers, helper lists as
 * lists), each policy with where the file sets it. A file with errors is read too: every setting
 * that resolves counts, since its errors are reported where they are.
 */
export interface ResolvedSource {
	/** The form in words, as a message names it: `SyncML`, `Registry.pol`. */
	readonly form: string;
	readonly delivery: Delivery;
	/** A policy file may hold several profiles; every other form is one, named after the file or the export. */
	readonly profiles: readonly ResolvedProfile[];
	/** Positions of the policies' spans; undefined for a Registry.pol, whose spans count bytes. */
	readonly lines: TextDocument | undefined;
	/** Its writes of ControlPolicyConflict/MDMWinsOverGP, in the same offsets. */
	readonly mdmWinsOverGp: readonly MdmWinsOverGpWrite[];
}

/** Reads one form back into a profile. */
export interface Importer {
	/** The language VS Code shows the form in; undefined for a binary form, which no text editor shows. */
	readonly editorLanguage: string | undefined;
	/** The import of the source, or undefined when it is not in this form. */
	read(source: ImportSource, context: ImportContext): ImportOutcome | undefined;
	/** What the source sets, or undefined when it is not in this form; MDM forms read the policies of ADMX ingested elsewhere against `options.external`, Group Policy forms against `options.ingested`. */
	resolve(source: ImportSource, options: ImportOptions): ResolvedSource | undefined;
}

/** The ADMX files ingested elsewhere, as the checks of a document take them. */
function installs(context: ImportContext): IngestionInstall[] {
	return (context.external ?? []).map(({ app, source }) => ({ app, admx: source.admx, adml: source.adml, order: -1 }));
}

/** Imports a document unless it has errors, its policies of ADMX ingested elsewhere checked against them. */
function checked<T extends ParsedDocument>(doc: T, context: ImportContext, read: (doc: T) => ImportResult): ImportOutcome {
	const errors = blockingErrors(withIngestedAdmx(doc, installs(context)), context.settings);
	return errors.length > 0 ? { kind: 'refused', errors } : { kind: 'imported', result: read(doc) };
}

/**
 * One MDM document's profile: its Remote Assistance policies and those it sets of ingested ADMX
 * files (each at the scope its node names), in document order.
 */
function mdmProfile(doc: ParsedSyncml | ParsedIntune, name: string, writes: readonly IngestedWrite[], options: ImportOptions): ResolvedProfile {
	const builtin: readonly ResolvedPolicy[] = resolveProfiles(doc)[0]?.policies ?? [];
	const ingested = writes.length === 0 ? [] : ingestedPolicies(writes, options);
	// Sorting is stable, and both kinds start where their item or row does.
	const policies = ingested.length === 0 ? builtin : [...builtin, ...ingested].sort((a, b) => a.span.start - b.span.start);
	return { name, description: undefined, ingests: [], policies, span: { start: 0, end: doc.lines.getText().length } };
}

export const SYNCML_IMPORTER: Importer = {
	editorLanguage: SYNCML_LANGUAGE,
	read: (source, context) => {
		const doc = source.language === SYNCML_LANGUAGE ? source.document() : undefined;
		return doc?.language === SYNCML_LANGUAGE ? checked(doc, context, (syncml) => importSyncml(syncml, context)) : undefined;
	},
	resolve: (source, options) => {
		const doc = source.language === SYNCML_LANGUAGE ? source.document() : undefined;
		if (doc?.language !== SYNCML_LANGUAGE) {
			return undefined;
		}
		// What a device reports it has sets nothing.
		const profiles = doc.kind === 'device' ? [] : [mdmProfile(doc, baseName(doc.uri), ingestedWrites(doc, []), options)];
		return { form: doc.kind === 'device' ? 'SyncML a device sent' : 'SyncML', delivery: 'mdm', profiles, lines: doc.lines, mdmWinsOverGp: messageMdmWinsOverGp(doc.chunks) };
	},
};

export const INTUNE_IMPORTER: Importer = {
	editorLanguage: INTUNE_LANGUAGE,
	read: (source, context) => {
		const doc = source.language === INTUNE_LANGUAGE ? source.document() : undefined;
		return doc?.language === INTUNE_LANGUAGE ? checked(doc, context, (intune) => importIntune(intune, context)) : undefined;
	},
	resolve: (source, options) => {
		const doc = source.language === INTUNE_LANGUAGE ? source.document() : undefined;
		if (doc?.language !== INTUNE_LANGUAGE) {
			return undefined;
		}
		const profile = mdmProfile(doc, doc.name?.trim() || baseName(doc.uri), doc.ingested, options);
		return { form: doc.kind === 'catalog' ? 'Intune settings-catalog policy' : 'Intune custom profile', delivery: 'mdm', profiles: [profile], lines: doc.lines, mdmWinsOverGp: doc.mdmWinsOverGp };
	},
};

const GROUP_POLICY_FORMS: Readonly<Record<GroupPolicyFormat, string>> = { 'registry-pol': 'Registry.pol', 'lgpo': 'LGPO text', 'powershell': 'GroupPolicy script' };

/** Group Policy files are told apart by content alone, and have no errors to refuse. */
function groupPolicyImporter(format: GroupPolicyFormat, editorLanguage: string | undefined): Importer {
	return {
		editorLanguage,
		read: (source) => (groupPolicyFormat(source.content) === format ? { kind: 'imported', result: importGroupPolicy(source.uri, format, source.content) } : undefined),
		resolve: (source, options) => {
			if (groupPolicyFormat(source.content) !== format) {
				return undefined;
			}
			const policies = groupPolicySettings(format, source.content, [], [], options.ingested);
			const text = typeof source.content === 'string' ? source.content : undefined;
			return {
				form: GROUP_POLICY_FORMS[format],
				delivery: 'group-policy',
				profiles: [{ name: baseName(source.uri), description: undefined, ingests: [], policies, span: { start: 0, end: source.content.length } }],
				lines: text === undefined ? undefined : TextDocument.create(source.uri, 'plaintext', 0, text),
				mdmWinsOverGp: [],
			};
		},
	};
}

export const LGPO_IMPORTER = groupPolicyImporter('lgpo', 'plaintext');
export const POWERSHELL_IMPORTER = groupPolicyImporter('powershell', 'powershell');
export const REGISTRY_POL_IMPORTER = groupPolicyImporter('registry-pol', undefined);
