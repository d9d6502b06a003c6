import { fileLanguage, parseDocument, POLICY_LANGUAGE, type Language, type ParsedDocument } from '../document/document';
import { resolveProfiles } from '../export/resolve';
import type { ImportOptions } from '../import/importIngested';
import type { ImportContext, ImportOutcome, ImportSource, ResolvedSource } from '../import/importers';
import { FILE_CHANNELS } from './channels';

/**
 * Each form a channel's output is read back from, once, in the order of the channels: the
 * documents first, whose language is certain, then the Group Policy forms told by looser signs.
 */
const IMPORTERS = [...new Set(FILE_CHANNELS.flatMap((channel) => (channel.importer ? [channel.importer] : [])))];

/** What an import of a file gives: no form read it (with the language its text reads as, if any), its errors, or the profile. */
export type ContentImport = ImportOutcome | { readonly kind: 'unread'; readonly language: Language | undefined };

export interface ContentSource {
	readonly uri: string;
	/** A binary form's bytes, else the text. */
	readonly content: Uint8Array | string;
	/** A parse of the same text the caller already holds, read instead of parsing again. */
	readonly parsed?: ParsedDocument;
}

/** The source as the importers read it: its language, and its parse made once, when first asked for. */
function importSource(source: ContentSource): ImportSource {
	const text = typeof source.content === 'string' ? source.content : undefined;
	const language = source.parsed?.language ?? (text === undefined ? undefined : fileLanguage(source.uri, text));
	let parsed = source.parsed;
	return {
		uri: source.uri,
		content: source.content,
		language,
		document: () => (parsed ??= text === undefined || language === undefined ? undefined : parseDocument(source.uri, 0, text, language)),
	};
}

/**
 * Imports a file with the first importer its content suits: SyncML and Intune exports are refused
 * with their errors, and the result names what was left out and the ADMX files to save beside the
 * profile, which the caller writes.
 */
export function importContent(source: ContentSource, context: ImportContext): ContentImport {
	const read = importSource(source);
	for (const importer of IMPORTERS) {
		const outcome = importer.read(read, context);
		if (outcome) {
			return outcome;
		}
	}
	return { kind: 'unread', language: read.language };
}

/**
 * What a file of any form the service reads sets, told apart as an import tells it: a policy
 * file's profiles as they are (its ingested policies resolve where the parse was given the ADMX
 * files, `withIngestedAdmx`), any other form through its importer. Undefined for a file that sets
 * nothing by its form, such as an ADMX file, or that no form reads.
 */
export function resolveContent(source: ContentSource, options: ImportOptions): ResolvedSource | undefined {
	const read = importSource(source);
	if (read.language === POLICY_LANGUAGE) {
		const doc = read.document();
		return doc && { form: 'policy profile', delivery: 'mdm', profiles: resolveProfiles(doc), lines: doc.lines, mdmWinsOverGp: [] };
	}
	for (const importer of IMPORTERS) {
		const resolved = importer.resolve(read, options);
		if (resolved) {
			return resolved;
		}
	}
	return undefined;
}
