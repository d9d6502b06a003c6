import { INTUNE_LANGUAGE, SYNCML_LANGUAGE, withIngestedAdmx, type Language, type ParsedDocument } from '../document/document';
import { blockingErrors, type PreviewError } from '../export/blockingErrors';
import type { IngestionInstall } from '../ingestion/ingestionIndex';
import type { Settings } from '../problems/settings';
import { groupPolicyFormat, importGroupPolicy, type GroupPolicyFormat } from './importGroupPolicy';
import type { ImportOptions } from './importIngested';
import { importIntune } from './importIntune';
import { importSyncml, type ImportResult } from './importSyncml';

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

/** Reads one form back into a profile. */
export interface Importer {
	/** The language VS Code shows the form in; undefined for a binary form, which no text editor shows. */
	readonly editorLanguage: string | undefined;
	/** The import of the source, or undefined when it is not in this form. */
	read(source: ImportSource, context: ImportContext): ImportOutcome | undefined;
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

export const SYNCML_IMPORTER: Importer = {
	editorLanguage: SYNCML_LANGUAGE,
	read: (source, context) => {
		const doc = source.language === SYNCML_LANGUAGE ? source.document() : undefined;
		return doc?.language === SYNCML_LANGUAGE ? checked(doc, context, (syncml) => importSyncml(syncml, context)) : undefined;
	},
};

export const INTUNE_IMPORTER: Importer = {
	editorLanguage: INTUNE_LANGUAGE,
	read: (source, context) => {
		const doc = source.language === INTUNE_LANGUAGE ? source.document() : undefined;
		return doc?.language === INTUNE_LANGUAGE ? checked(doc, context, (intune) => importIntune(intune, context)) : undefined;
	},
};

/** Group Policy files are told apart by content alone, and have no errors to refuse. */
function groupPolicyImporter(format: GroupPolicyFormat, editorLanguage: string | undefined): Importer {
	return {
		editorLanguage,
		read: (source) => (groupPolicyFormat(source.content) === format ? { kind: 'imported', result: importGroupPolicy(source.uri, format, source.content) } : undefined),
	};
}

export const LGPO_IMPORTER = groupPolicyImporter('lgpo', 'plaintext');
export const POWERSHELL_IMPORTER = groupPolicyImporter('powershell', 'powershell');
export const REGISTRY_POL_IMPORTER = groupPolicyImporter('registry-pol', undefined);
