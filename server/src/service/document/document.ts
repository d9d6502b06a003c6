import { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikeSyncml, SYNCML_START_LENGTH } from '../syncml/syncmlDetection';
import type { Profile } from '../model/policyModel';
import { shiftProfile, shiftSetting } from '../model/shiftProfile';
import { shiftProblem } from '../problems/shiftProblem';
import { schemaProblems } from '../schema/schemaValidation';
import { assembleMessage, parseSyncml, type LazyText, type SyncmlParse, type TextChange } from '../syncml/parseSyncml';
import type { CommandChunkResult } from '../syncml/syncmlModel';
import { placement } from '../text/placement';
import { checkProfile } from '../policy/policyRules';
import type { Problem } from '../problems/problem';
import { RULES } from '../problems/rules';
import { lowerYaml } from '../profile/lowerYaml';
import { parseYaml, type YamlDocument, type YamlTree } from '../yaml/yamlAst';
import { splitChunks } from '../yaml/yamlChunks';
import { indentUnit, YamlEditWriter } from '../profile/yamlEdits';
import { syntaxReport } from '../yaml/indentation';
import type { IntuneAnchor } from '../intune/intuneModel';
import { parseIntune, type IntuneParse } from '../intune/parseIntune';
import { intuneShape, isRemoteAssistanceExport, type IntuneKind } from '../intune/sniff';
import { textStart, type TextStart } from '../text/textStart';
import type { AdmlFile, AdmxFile } from '../admx/admxModel';
import type { IngestionCheck } from '../ingestion/ingestedSettings';
import type { IngestionInstall } from '../ingestion/ingestionIndex';
import type { IngestedWrite } from '../ingestion/ingestedWrite';
import type { MdmWinsOverGpWrite } from '../mdm/mdmWinsOverGp';
import { lintAdmx } from '../ingestion/lintAdmx';
import { documentAdml, documentAdmx, loadAdml } from '../admx/admxCache';
import type { ReadAdmx } from '../admx/admxSource';
import { profileIngestion, type ProfileIngestion } from '../ingestion/profileIngestion';
import { ingestsAdmx } from '../model/ingestedKey';
import { checkIngestedPolicies } from '../validation/ingestedRules';
import { append } from '../text/append';
import { guardedResult, type CheckedPart } from '../problems/guard';

export const POLICY_LANGUAGE = 'rapolicy';
export const SYNCML_LANGUAGE = 'syncml';
/** Intune exports (custom profiles and settings-catalog policies) as JSON. */
export const INTUNE_LANGUAGE = 'intune';
/** ADMX files and their ADML string tables. */
export const ADMX_LANGUAGE = 'admx';
export type Language = typeof POLICY_LANGUAGE | typeof SYNCML_LANGUAGE | typeof INTUNE_LANGUAGE | typeof ADMX_LANGUAGE;

/** Where a check of a whole file reports that it failed. */
const FILE_START: CheckedPart = { span: { start: 0, end: 0 }, name: 'this file' };

/** Larger files are refused with one diagnostic instead of being parsed (16 Mi characters). */
export const MAX_DOCUMENT_LENGTH = 16 * 1024 * 1024;

interface ParsedBase {
	readonly uri: string;
	readonly version: number;
	readonly text: string;
	/** For turning offsets into positions at the edges. */
	readonly lines: TextDocument;
	/** Every problem, before settings and suppressions apply. */
	readonly problems: readonly Problem[];
	/** The policy model: what the file sets, whichever syntax it is written in. */
	readonly profiles: readonly Profile[];
}

/** One `---` document's results, in offsets relative to the chunk, reusable wherever its text reappears. */
export interface YamlChunkResult {
	readonly text: string;
	readonly yaml: readonly YamlTree[];
	readonly profiles: readonly Profile[];
	readonly problems: readonly Problem[];
}

export interface YamlChunk {
	readonly start: number;
	readonly result: YamlChunkResult;
}

export interface ParsedYaml extends ParsedBase {
	readonly language: typeof POLICY_LANGUAGE;
	/** The file's documents; their trees are relative to `start`. */
	readonly chunks: readonly YamlChunk[];
	/**
	 * What each profile ingests, by the index of `profiles`: present once the ADMX files were read
	 * (`withIngestedAdmx`), since the parse itself reads no file.
	 */
	readonly ingestions?: readonly ProfileIngestion[];
}

export interface ParsedSyncml extends ParsedBase, SyncmlParse {
	readonly language: typeof SYNCML_LANGUAGE;
	readonly problems: readonly Problem[];
	readonly parse: SyncmlParse;
	/** The text of this version, read when needed. */
	readonly source: LazyText;
}

export interface ParsedIntune extends ParsedBase {
	readonly language: typeof INTUNE_LANGUAGE;
	/** Undefined when the JSON is neither a custom profile nor a settings-catalog policy. */
	readonly kind: IntuneKind | undefined;
	/** The export's own name, for the profile an import makes. */
	readonly name: string | undefined;
	/** The policy and option ids hover explains. */
	readonly anchors: readonly IntuneAnchor[];
	/** What an import leaves out, one line each. */
	readonly skipped: readonly string[];
	/** The checks of ingested ADMX policies across rows, whose problems are among `problems`. */
	readonly ingestion: IngestionCheck | undefined;
	/** The rows that ingest an ADMX or set a policy of one, for import. */
	readonly ingested: readonly IngestedWrite[];
	/** The export's own description. */
	readonly description: string | undefined;
	/** The rows or settings that write ControlPolicyConflict/MDMWinsOverGP. */
	readonly mdmWinsOverGp: readonly MdmWinsOverGpWrite[];
}

export interface ParsedAdmx extends ParsedBase {
	readonly language: typeof ADMX_LANGUAGE;
	/** The ADMX model, or undefined for an ADML. */
	readonly admx: AdmxFile | undefined;
	/** The string table and presentations: of an ADML, or the ADML an ADMX was checked with. */
	readonly adml: AdmlFile | undefined;
}

/** Everything the features need about one version of a file, computed once. */
export type ParsedDocument = ParsedYaml | ParsedSyncml | ParsedIntune | ParsedAdmx;

/** Editor language ids of JSON, which is served only when it is an Intune export mentioning Remote Assistance. */
const JSON_LANGUAGES = new Set(['json', 'jsonc']);

/**
 * Which language a file is in, from its editor language id or else its name and first element; an
 * `.xml` file is read only at its start, and JSON whole only when its start has an export's shape.
 */
export function languageOf(uri: string, languageId: string | undefined, text: string | TextStart): Language | undefined {
	if (languageId === POLICY_LANGUAGE || languageId === SYNCML_LANGUAGE || languageId === ADMX_LANGUAGE) {
		return languageId;
	}
	const path = uri.toLowerCase();
	if (/\.rapolicy\.ya?ml$/.test(path)) {
		return POLICY_LANGUAGE;
	}
	if (/\.adm[xl]$/.test(path)) {
		return ADMX_LANGUAGE;
	}
	if (/\.syncml(\.xml)?$/.test(path) || (path.endsWith('.xml') && looksLikeSyncml(textStart(text)(SYNCML_START_LENGTH)))) {
		return SYNCML_LANGUAGE;
	}
	if ((JSON_LANGUAGES.has(languageId ?? '') || path.endsWith('.json')) && isRemoteAssistanceExport(text, MAX_DOCUMENT_LENGTH)) {
		return INTUNE_LANGUAGE;
	}
	return undefined;
}

/**
 * The language a file is read in when the user hands it over to be read (validated from the
 * command line, imported): as `languageOf` says, and a `.json` file with an export's shape as an
 * Intune export even when it holds no Remote Assistance setting, so it is reported as setting
 * nothing rather than as a file of the wrong kind.
 */
export function fileLanguage(uri: string, text: string): Language | undefined {
	return languageOf(uri, undefined, text) ?? (uri.toLowerCase().endsWith('.json') && intuneShape(text) ? INTUNE_LANGUAGE : undefined);
}

/**
 * Parses one version of a file. With the previous version's parse, the YAML documents and SyncML
 * commands whose text did not change are not parsed again, only moved to where they now are.
 * `lines` may be the editor's own copy of this version, whose line offsets it keeps up to date
 * across edits; `change`, when the editor knows it, spares comparing the two versions.
 */
export function parseDocument(uri: string, version: number, text: string | LazyText, language: Language, previous?: ParsedDocument, lines?: TextDocument, change?: TextChange): ParsedDocument {
	if (language === ADMX_LANGUAGE) {
		return parseAdmxDocument(uri, version, typeof text === 'string' ? text : text.read(), lines);
	}
	if (language === INTUNE_LANGUAGE) {
		return parseIntuneDocument(uri, version, typeof text === 'string' ? text : text.read(), lines);
	}
	return language === SYNCML_LANGUAGE
		? parseSyncmlDocument(uri, version, text, previous?.language === SYNCML_LANGUAGE ? previous : undefined, lines, change)
		: parsePolicyDocument(uri, version, typeof text === 'string' ? text : text.read(), previous?.language === POLICY_LANGUAGE ? previous : undefined, lines);
}

function tooLarge(text: { readonly length: number }): Problem[] {
	return text.length > MAX_DOCUMENT_LENGTH
		? [{ code: 'too-large', span: { start: 0, end: 0 }, message: `This file has ${text.length} characters; files over ${MAX_DOCUMENT_LENGTH} are not checked. Split it into smaller files.` }]
		: [];
}

export function parsePolicyDocument(uri: string, version: number, text: string, previous?: ParsedYaml, editorLines?: TextDocument): ParsedYaml {
	const lines = editorLines ?? TextDocument.create(uri, POLICY_LANGUAGE, version, text);
	const refused = tooLarge(text);
	if (refused.length > 0) {
		return { language: POLICY_LANGUAGE, uri, version, text, lines, chunks: [], profiles: [], problems: refused };
	}
	const known = new Map(previous?.chunks.map((c) => [c.result.text, c.result]));
	const chunks = splitChunks(text).map(({ start, text: chunkText }) => {
		let result = known.get(chunkText);
		if (!result) {
			result = guardedResult('YAML', { span: { start: 0, end: 0 }, name: 'this document' }, () => parseChunk(chunkText), (failure) => ({ text: chunkText, yaml: [], profiles: [], problems: [failure] }));
			known.set(chunkText, result);
		}
		return { start, result };
	});
	let profiles: Profile[] | undefined;
	return {
		language: POLICY_LANGUAGE,
		uri,
		version,
		text,
		lines,
		chunks,
		// Moving every profile costs more than an edit's parse, and only some features need them.
		get profiles() {
			profiles ??= chunks.flatMap((c) => profilesAt(c.result, c.start));
			return profiles;
		},
		problems: chunks.flatMap((c) => c.result.problems.map((p) => shiftProblem(p, c.start))),
	};
}

const profilesAt = placement((result: YamlChunkResult, start: number) => result.profiles.map((p) => shiftProfile(p, start)));

/** A YAML document of a chunk, in a sentence, at its start. */
function documentPart(doc: { readonly start: number }): CheckedPart {
	return { span: { start: doc.start, end: doc.start }, name: 'this document' };
}

/** Everything about one YAML document, checked alone. */
function parseChunk(text: string): YamlChunkResult {
	const yaml = parseYaml(text);
	const unit = indentUnit(text).length;
	const syntax = yaml.map((doc) => guardedResult('YAML syntax', documentPart(doc), () => syntaxReport(text, doc, unit), (failure) => ({ problems: [failure], damaged: [] })));
	const found: Problem[] = [];
	const lowered = lowerYaml(text, yaml, found);
	const writer = new YamlEditWriter(text);
	for (const entry of lowered) {
		checkProfile(entry.profile, writer, found);
	}
	// Where a YAML error damaged the tree, its shape is the parser's guess, not the author's:
	// what the rules find there only follows from the error, so the error is reported alone.
	const damaged = syntax.flatMap((s) => s.damaged);
	const problems = [...syntax.flatMap((s) => s.problems), ...found.filter((p) => !damaged.some((d) => p.span.start >= d.start && p.span.start <= d.end))];
	for (const entry of lowered) {
		const doc = entry.document;
		const hasError = problems.some((p) => p.span.start >= doc.start && p.span.start <= doc.end && (p.severity ?? RULES[p.code].severity) === 'error');
		const root = doc.root;
		if (root && !hasError) {
			const data = plainData(doc);
			append(problems, data.ok
				? guardedResult('schema', documentPart(doc), () => schemaProblems(data.value, root), (failure) => [failure])
				: [{ code: 'yaml-syntax' as const, span: root, message: data.message }]);
		}
	}
	return { text, yaml: yaml.map(({ start, end, root, errors }) => ({ start, end, root, errors })), profiles: lowered.map((l) => l.profile), problems };
}

export function parseSyncmlDocument(uri: string, version: number, source: string | LazyText, previous?: ParsedSyncml, editorLines?: TextDocument, change?: TextChange): ParsedSyncml {
	const text = typeof source === 'string' ? { length: source.length, read: () => source } : source;
	const lines = editorLines ?? TextDocument.create(uri, SYNCML_LANGUAGE, version, text.read());
	let refused = tooLarge(text);
	const empty = () => assembleMessage('', { nodes: [], problems: [] }, []);
	const parse: SyncmlParse = refused.length > 0
		? empty()
		: guardedResult('SyncML', FILE_START, () => parseSyncml(text, previous && previous.chunks.length > 0 ? { text: previous.source, parse: previous.parse, change } : undefined, (offset) => lines.positionAt(offset).line + 1), (failure) => {
			refused = [failure];
			return empty();
		});
	let profiles: Profile[] | undefined;
	return {
		language: SYNCML_LANGUAGE,
		uri,
		version,
		// The whole text is joined only when a feature reads it; checking an edit does not.
		get text() {
			return text.read();
		},
		source: text,
		lines,
		parse,
		// The frame is built on first use: an edit that only needs diagnostics never copies it.
		get frame() {
			return parse.frame;
		},
		get root() {
			return parse.root;
		},
		get header() {
			return parse.header;
		},
		get body() {
			return parse.body;
		},
		chunks: parse.chunks,
		kind: parse.kind,
		directives: parse.directives,
		reuse: parse.reuse,
		ingestion: parse.ingestion,
		problems: refused.length > 0 ? refused : parse.problems,
		// One profile for the message; moving every setting costs more than an edit, and only some features need it.
		get profiles() {
			if (!profiles) {
				const policies = parse.chunks.flatMap((c) => settingsAt(c.result, c.start));
				// A profile's commands are its roots: the profile is the whole file.
				const root = parse.kind === 'profile' ? undefined : parse.root;
				profiles = policies.length > 0 ? [{ name: undefined, description: undefined, scope: undefined, admx: [], policies, span: root ? { start: root.start, end: root.end } : { start: 0, end: text.length } }] : [];
			}
			return profiles;
		},
	};
}

/** An Intune export, read whole on every version: exports are edited rarely and read in one pass. */
export function parseIntuneDocument(uri: string, version: number, text: string, editorLines?: TextDocument): ParsedIntune {
	const lines = editorLines ?? TextDocument.create(uri, INTUNE_LANGUAGE, version, text);
	const unread = (problems: Problem[]): IntuneParse => ({ kind: undefined, name: undefined, description: undefined, anchors: [], skipped: [], profiles: [], problems, ingestion: undefined, ingested: [], mdmWinsOverGp: [] });
	const refused = tooLarge(text);
	const parsed = refused.length > 0 ? unread(refused) : guardedResult('Intune export', FILE_START, () => parseIntune(text), (failure) => unread([failure]));
	return { language: INTUNE_LANGUAGE, uri, version, text, lines, ...parsed };
}

/**
 * An ADMX file with what stands between it and its use, or an ADML with its own syntax problems.
 * With the text of the ADMX file's ADML, the strings and presentations it refers to are checked too.
 */
export function parseAdmxDocument(uri: string, version: number, text: string, editorLines?: TextDocument, admlText?: string): ParsedAdmx {
	const lines = editorLines ?? TextDocument.create(uri, ADMX_LANGUAGE, version, text);
	const unread = (problems: Problem[]): ParsedAdmx => ({ language: ADMX_LANGUAGE, uri, version, text, lines, admx: undefined, adml: undefined, profiles: [], problems });
	const refused = tooLarge(text);
	if (refused.length > 0) {
		return unread(refused);
	}
	if (uri.toLowerCase().endsWith('.adml')) {
		return guardedResult('ADML', FILE_START, () => {
			const adml = documentAdml(text);
			return { language: ADMX_LANGUAGE, uri, version, text, lines, admx: undefined, adml, profiles: [], problems: adml.problems };
		}, (failure) => unread([failure]));
	}
	return guardedResult('ADMX', FILE_START, () => {
		const admx = documentAdmx(text);
		const adml = admlText === undefined ? undefined : loadAdml(admlText);
		return { language: ADMX_LANGUAGE, uri, version, text, lines, admx, adml, profiles: [], problems: lintAdmx(admx, text, adml) };
	}, (failure) => unread([failure]));
}

/**
 * The document as checked when the ADMX files in `external` are ingested too (by another profile,
 * a setting, the command line): its ingested policies checked against them as well. A profile's
 * own `admx:` entries are read through `read`, relative to the profile.
 */
export function withIngestedAdmx(doc: ParsedDocument, external: readonly IngestionInstall[], read?: ReadAdmx): ParsedDocument {
	if (doc.language === POLICY_LANGUAGE) {
		return withProfileAdmx(doc, external, read);
	}
	const ingestion = doc.language === SYNCML_LANGUAGE || doc.language === INTUNE_LANGUAGE ? doc.ingestion : undefined;
	if (!ingestion || external.length === 0) {
		return doc;
	}
	return withProblems(doc, () => {
		const before = new Set(ingestion.problems);
		const kept = doc.problems.filter((p) => !before.has(p));
		return append(kept, guardedResult('ingested policies', FILE_START, () => ingestion.recheck(external), (failure) => [failure]));
	});
}

/**
 * The document with other problems, worked out when first read: completion and hover use the
 * ingested ADMX files without needing the checks against them. Every other part, lazy ones
 * included, is the document's own.
 */
function withProblems<T extends ParsedDocument>(doc: T, problems: () => readonly Problem[], more: Partial<T> = {}): T {
	let found: readonly Problem[] | undefined;
	return Object.defineProperty(Object.assign(Object.create(doc) as T, more), 'problems', { get: () => (found ??= problems()) });
}

/** A profile document with the ADMX files its profiles ingest read, and their policies checked against them. */
function withProfileAdmx(doc: ParsedYaml, external: readonly IngestionInstall[], read: ReadAdmx | undefined): ParsedYaml {
	// ADMX ingested elsewhere serves completion before the profile names a policy of it. The
	// chunks' own profiles answer whether any ingests, without moving every profile on each edit.
	if (external.length === 0 && !doc.chunks.some((c) => c.result.profiles.some(ingestsAdmx))) {
		return doc;
	}
	const profiles = doc.profiles;
	const ingestions = profiles.map((profile): ProfileIngestion => guardedResult('admx entries', admxEntriesPart(profile), () => profileIngestion(profile, read, external), (failure) => ({ files: [], index: new Map(), problems: [failure] })));
	return withProblems(doc, () => {
		const writer = new YamlEditWriter(doc.text);
		const problems: Problem[] = [...doc.problems];
		profiles.forEach((profile, i) => {
			append(problems, ingestions[i].problems);
			checkIngestedPolicies(profile, ingestions[i], writer, problems);
		});
		return problems;
	}, { ingestions });
}

/** A profile's `admx:` entries, from the first to the last, or the profile where it has none. */
function admxEntriesPart(profile: Profile): CheckedPart {
	const entries = profile.admx;
	const span = entries.length > 0 ? { start: entries[0].span.start, end: entries[entries.length - 1].span.end } : profile.span;
	return { span, name: 'the admx entries of this profile' };
}

const settingsAt = placement((result: CommandChunkResult, start: number) => result.settings.map((s) => shiftSetting(s, start)));

/** The document as plain data for the schema; the library's alias limit refuses an alias bomb. */
function plainData(doc: YamlDocument): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: doc.source.toJS({ maxAliasCount: 100 }) };
	} catch (error) {
		return { ok: false, message: `This document cannot be read as data (${error instanceof Error ? error.message : String(error)}). Write the values out instead of using so many aliases.` };
	}
}
