import { fileLanguage, parseDocument, type Language, type ParsedDocument } from '../document/document';
import type { ImportContext, ImportOutcome, ImportSource } from '../import/importers';
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

/**
 * Imports a file with the first importer its content suits: SyncML and Intune exports are refused
 * with their errors, and the result names what was left out and the ADMX files to save beside the
 * profile, which the caller writes.
 */
export function importContent(source: ContentSource, context: ImportContext): ContentImport {
	const text = typeof source.content === 'string' ? source.content : undefined;
	const language = source.parsed?.language ?? (text === undefined ? undefined : fileLanguage(source.uri, text));
	let parsed = source.parsed;
	const read: ImportSource = {
		uri: source.uri,
		content: source.content,
		language,
		document: () => (parsed ??= text === undefined || language === undefined ? undefined : parseDocument(source.uri, 0, text, language)),
	};
	for (const importer of IMPORTERS) {
		const outcome = importer.read(read, context);
		if (outcome) {
			return outcome;
		}
	}
	return { kind: 'unread', language };
}
