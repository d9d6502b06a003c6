/**
 * Shared by the fuzz tests (test/unit/fuzz.test.ts), the long fuzz run (test/fuzz/longFuzz.ts)
 * and the hostile-input worker (test/fuzz/hostileWorker.ts): one function that runs every feature
 * of the language service on a text and checks what comes back. The generators of random and
 * mutated documents are in test/fuzz/generators.ts.
 *
 * The checks are the same everywhere: nothing throws (and no check fails on a part of the
 * document, which the service reports as a check-failed diagnostic), every call returns a value
 * the LSP transport can serialize, every range and position lies inside the document (line and
 * character within the text, not between the halves of a surrogate pair, start <= end), every
 * diagnostic carries a known string code and a non-empty message, and an ADMX outline shows each
 * category and policy once.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type DocumentSymbol, type Hover, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import {
	buildPreview,
	DEFAULT_SETTINGS,
	encodeIntune,
	encodePayload,
	encodeSyncml,
	getCodeActions,
	getCodeLenses,
	getCompletions,
	getDiagnostics,
	getDocumentSymbols,
	getFoldingRanges,
	getHover,
	importSyncml,
	loadAdml,
	loadAdmx,
	parseAdmxDocument,
	parseDocument,
	profilesToYaml,
	registryText,
	resolveProfiles,
	RULE_CODES,
	type Language,
	type ParsedDocument,
	type Settings, policyKey, unresolvedIngested, withIngestedAdmx
} from '../../server/src/service';
import { POLICY_LENSES } from '../../server/src/common/protocol';

export type Lang = Language;


export function uriFor(lang: Lang): string {
	return lang === 'syncml' ? 'file:///fuzz/doc.syncml' : lang === 'intune' ? 'file:///fuzz/doc.json' : lang === 'admx' ? 'file:///fuzz/doc.admx' : 'file:///fuzz/doc.rapolicy.yaml';
}

/** An ADMX ingested elsewhere (a setting, the command line) and read for every `admx:` entry of a profile. */
export interface FuzzIngestion {
	readonly app: string;
	readonly admx: string;
	readonly adml?: string;
}

/** The document as the server checks it with `ingested` named in rapolicy.admx.ingested. */
function withIngested(doc: ParsedDocument, ingested: FuzzIngestion): ParsedDocument {
	const source = { admx: loadAdmx(ingested.admx), adml: ingested.adml === undefined ? undefined : loadAdml(ingested.adml), text: ingested.admx };
	return withIngestedAdmx(doc, [{ app: ingested.app, admx: source.admx, adml: source.adml, order: -1 }], () => source);
}

// ---------------------------------------------------------------------------------------------
// Settings the features are run with

function everyRule(setting: 'warning' | 'off'): Settings['validation']['rules'] {
	return Object.fromEntries(RULE_CODES.map((code) => [code, setting]));
}

/** Every rule downgraded to a warning: nothing blocks the preview any more. */
export const ALL_WARNING_SETTINGS: Settings = { validation: { enable: true, rules: everyRule('warning') }, payload: { encoding: 'escape', fullMessage: false }, admx: { ingested: {} } };
export const ALL_OFF_SETTINGS: Settings = { validation: { enable: true, rules: everyRule('off') }, payload: { encoding: 'cdata', fullMessage: true }, admx: { ingested: {} } };
export const DISABLED_SETTINGS: Settings = { validation: { enable: false, rules: {} }, payload: { encoding: 'cdata', fullMessage: true }, admx: { ingested: {} } };
const CDATA_FULL_SETTINGS: Settings = { validation: { enable: true, rules: {} }, payload: { encoding: 'cdata', fullMessage: true }, admx: { ingested: {} } };

const KNOWN_CODES = new Set<string>(RULE_CODES);

// ---------------------------------------------------------------------------------------------
// Failures

/** A property violation: what was called, on which input, and what went wrong. */
export class FuzzFailure extends Error {
	constructor(message: string, readonly feature: string, readonly original?: unknown) {
		super(message);
		this.name = 'FuzzFailure';
	}
}

export function describeError(error: unknown): string {
	if (error instanceof Error) {
		return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 12).join('\n');
	}
	return String(error);
}

// ---------------------------------------------------------------------------------------------
// Positions and ranges

/** Line starts and content lengths as an LSP client sees them: CRLF, CR and LF all end a line. */
class LineTable {
	readonly starts: number[] = [0];
	readonly contentEnds: number[] = [];

	constructor(readonly text: string) {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 13 || c === 10) {
				this.contentEnds.push(i);
				if (c === 13 && text.charCodeAt(i + 1) === 10) {
					i++;
				}
				this.starts.push(i + 1);
			}
		}
		this.contentEnds.push(text.length);
	}

	get lineCount(): number {
		return this.starts.length;
	}

	lineLength(line: number): number {
		return this.contentEnds[line] - this.starts[line];
	}
}

export class RangeChecker {
	readonly table: LineTable;
	readonly lines: TextDocument;
	readonly problems: string[] = [];

	constructor(readonly text: string, lang: Lang) {
		this.table = new LineTable(text);
		this.lines = TextDocument.create(uriFor(lang), lang, 1, text);
	}

	/** How many problems were found; `problems` keeps the first few. */
	count = 0;

	fail(where: string, message: string): void {
		this.count++;
		if (this.problems.length < 6) {
			this.problems.push(`${where}: ${message}`);
		}
	}

	/** Returns the offset of a valid position, or undefined (after recording why) for a bad one. */
	position(p: Position | undefined, where: string): number | undefined {
		if (!p || typeof p !== 'object') {
			this.fail(where, `not a position: ${JSON.stringify(p)}`);
			return undefined;
		}
		const { line, character } = p;
		if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) {
			this.fail(where, `position ${JSON.stringify(p)} is not two non-negative integers`);
			return undefined;
		}
		if (line >= this.table.lineCount) {
			this.fail(where, `line ${line} is past the last line ${this.table.lineCount - 1}`);
			return undefined;
		}
		const length = this.table.lineLength(line);
		if (character > length) {
			this.fail(where, `character ${character} is past the end of line ${line} (length ${length})`);
			return undefined;
		}
		const offset = this.table.starts[line] + character;
		if (isSurrogateSplit(this.text, offset)) {
			this.fail(where, `position ${line}:${character} falls between the two halves of a surrogate pair`);
		}
		return offset;
	}

	range(r: Range | undefined, where: string): { start: number; end: number } | undefined {
		if (!r || typeof r !== 'object') {
			this.fail(where, `not a range: ${JSON.stringify(r)}`);
			return undefined;
		}
		const start = this.position(r.start, `${where}.start`);
		const end = this.position(r.end, `${where}.end`);
		if (start === undefined || end === undefined) {
			return undefined;
		}
		if (start > end) {
			this.fail(where, `range starts after it ends: ${JSON.stringify(r)}`);
			return undefined;
		}
		return { start, end };
	}

	line(line: unknown, where: string): void {
		if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= this.table.lineCount) {
			this.fail(where, `line ${String(line)} is not a line of the document (0..${this.table.lineCount - 1})`);
		}
	}

	edits(edits: readonly TextEdit[] | undefined, where: string): void {
		if (edits === undefined) {
			return;
		}
		if (!Array.isArray(edits)) {
			this.fail(where, 'edits are not an array');
			return;
		}
		const spans: { start: number; end: number }[] = [];
		edits.forEach((edit, i) => {
			if (typeof edit?.newText !== 'string') {
				this.fail(`${where}[${i}]`, 'newText is not a string');
			}
			const span = this.range(edit?.range, `${where}[${i}].range`);
			if (span) {
				spans.push(span);
			}
		});
		// LSP: the edits of one change must not overlap (two inserts at the same place are allowed).
		spans.sort((a, b) => a.start - b.start || a.end - b.end);
		for (let i = 1; i < spans.length; i++) {
			if (spans[i].start < spans[i - 1].end) {
				this.fail(where, `edits overlap: ${JSON.stringify(spans[i - 1])} and ${JSON.stringify(spans[i])}`);
			}
		}
	}
}

function isSurrogateSplit(text: string, offset: number): boolean {
	if (offset <= 0 || offset >= text.length) {
		return false;
	}
	const before = text.charCodeAt(offset - 1);
	const after = text.charCodeAt(offset);
	return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
	return outer.start <= inner.start && inner.end <= outer.end;
}

// ---------------------------------------------------------------------------------------------
// Running every feature

export interface ExerciseOptions {
	/** The document's name, where it decides how it is read (an ADML is an `admx` document named .adml). */
	readonly uri?: string;
	/** For an ADMX: the text of the ADML beside it, which the server reads with it. */
	readonly adml?: string;
	/** An ADMX ingested elsewhere, which the document is checked against. */
	readonly ingested?: FuzzIngestion;
	/** Offsets (clamped into the text) for completion, hover and code actions, besides 0, the end and the middle. */
	readonly offsets?: readonly number[];
	/** Also build the preview with every rule downgraded to a warning (a broken model is then encoded). */
	readonly warningPreview?: boolean;
	/** For a document without errors: the SyncML, YAML and import it encodes to must parse without errors. */
	readonly roundTrip?: boolean;
	/** At most this many diagnostics get a code action request of their own (default 8). */
	readonly codeActionsPerDiagnostic?: number;
	/** Sees every result, serialized, with the name of the call that made it. */
	readonly onOutput?: (feature: string, json: string) => void;
	/** Time of each call, summed by feature name, in ms. */
	readonly timings?: Record<string, number>;
}

/** What checking one case adds to the statistics. */
export interface CaseOutcome {
	/** Number of service calls made. */
	readonly calls: number;
	/** Diagnostics, or the lines an import names as left out or read by inference. */
	readonly findings: number;
	/** Read without errors, and so also encoded (a document) or written back (a Group Policy file). */
	readonly clean: boolean;
	/** CPU time of the whole check, in ms. */
	readonly cpuMs: number;
}

export interface ExerciseResult extends CaseOutcome {
	readonly doc: ParsedDocument;
	readonly diagnostics: Diagnostic[];
}

/**
 * Parses `text` and runs every feature on it. Throws a FuzzFailure when a call throws or
 * returns something out of range; otherwise returns what it did.
 */
export function exerciseDocument(text: string, lang: Lang, options: ExerciseOptions = {}): ExerciseResult {
	const began = process.cpuUsage();
	const check = new RangeChecker(text, lang);
	let calls = 0;
	/** Runs one service call; `serialize` for the results an LSP client or the preview receives. */
	const call = <T>(feature: string, work: () => T, serialize = true): T => {
		calls++;
		const t0 = performance.now();
		let result: T;
		try {
			result = work();
		} catch (error) {
			throw new FuzzFailure(`${feature} threw on a ${lang} document of ${text.length} characters:\n${describeError(error)}`, feature, error);
		}
		const elapsed = performance.now() - t0;
		if (options.timings) {
			const key = feature.replace(/\(.*$/, '');
			options.timings[key] = (options.timings[key] ?? 0) + elapsed;
		}
		if (!serialize) {
			return result;
		}
		let json: string | undefined;
		try {
			json = JSON.stringify(result);
		} catch (error) {
			throw new FuzzFailure(`${feature} returned a value that cannot be serialized for the LSP transport: ${describeError(error)}`, feature, error);
		}
		options.onOutput?.(feature, json ?? 'undefined');
		return result;
	};
	const flush = () => {
		if (check.problems.length > 0) {
			const more = check.count > check.problems.length ? `\n  ... and ${check.count - check.problems.length} more` : '';
			throw new FuzzFailure(`wrong output for a ${lang} document of ${text.length} characters:\n  ${check.problems.join('\n  ')}${more}`, 'ranges');
		}
	};

	const uri = options.uri ?? uriFor(lang);
	const { adml, ingested } = options;
	const parsed = call('parseDocument', () => (adml !== undefined && lang === 'admx' ? parseAdmxDocument(uri, 1, text, undefined, adml) : parseDocument(uri, 1, text, lang)), false);
	if (parsed.text !== text || parsed.language !== lang) {
		check.fail('parseDocument', 'the parsed document does not hold the text and language it was given');
	}
	const doc = ingested ? call('withIngestedAdmx', () => withIngested(parsed, ingested), false) : parsed;

	// Diagnostics, with several settings.
	const checkDiagnostics = (list: Diagnostic[], where: string) => {
		if (!Array.isArray(list)) {
			check.fail(where, 'did not return an array');
			return;
		}
		list.forEach((d, i) => {
			const at = `${where}[${i}]`;
			check.range(d.range, `${at}.range`);
			if (typeof d.code !== 'string' || !KNOWN_CODES.has(d.code)) {
				check.fail(at, `code ${JSON.stringify(d.code)} is not one of the rule codes`);
			}
			// The guard keeps a check that throws from taking the other diagnostics along; the throw is still a bug.
			if (d.code === 'check-failed') {
				check.fail(at, `a check threw: ${d.message}`);
			}
			if (typeof d.message !== 'string' || d.message.trim() === '') {
				check.fail(at, `message ${JSON.stringify(d.message)} is not a non-empty string`);
			}
			if (d.severity === undefined || ![1, 2, 3, 4].includes(d.severity)) {
				check.fail(at, `severity ${String(d.severity)} is not 1..4`);
			}
		});
	};
	const diagnostics = call('getDiagnostics(default)', () => getDiagnostics(doc, DEFAULT_SETTINGS));
	checkDiagnostics(diagnostics, 'getDiagnostics(default)');
	const warnings = call('getDiagnostics(all warning)', () => getDiagnostics(doc, ALL_WARNING_SETTINGS));
	checkDiagnostics(warnings, 'getDiagnostics(all warning)');
	if (warnings.length !== diagnostics.length || warnings.some((d) => d.severity !== 2)) {
		check.fail('getDiagnostics(all warning)', `expected the ${diagnostics.length} diagnostics as warnings, got ${warnings.length} with severities ${JSON.stringify([...new Set(warnings.map((d) => d.severity))])}`);
	}
	const off = call('getDiagnostics(all off)', () => getDiagnostics(doc, ALL_OFF_SETTINGS));
	const disabled = call('getDiagnostics(disabled)', () => getDiagnostics(doc, DISABLED_SETTINGS));
	if (off.length > 0 || disabled.length > 0) {
		check.fail('getDiagnostics(off)', `rules switched off still report ${off.length + disabled.length} diagnostics`);
	}
	flush();

	// Offsets: the edges, the middle, the given ones, and the edges of the first diagnostics.
	const offsetSet = new Set<number>([0, text.length, text.length >> 1]);
	for (const o of options.offsets ?? []) {
		offsetSet.add(Math.max(0, Math.min(text.length, Math.floor(o))));
	}
	for (const d of diagnostics.slice(0, 3)) {
		offsetSet.add(doc.lines.offsetAt(d.range.start));
		offsetSet.add(doc.lines.offsetAt(d.range.end));
	}
	// An editor's cursor never stands between the two halves of a surrogate pair or of a CRLF.
	const offsets = [...new Set([...offsetSet].map((o) => (isSurrogateSplit(text, o) || (text[o - 1] === '\r' && text[o] === '\n') ? o - 1 : o)))].sort((a, b) => a - b);

	const checkCompletion = (list: CompletionList | null, offset: number, where: string) => {
		if (list === null || typeof list !== 'object' || !Array.isArray(list.items)) {
			check.fail(where, 'did not return a completion list');
			return;
		}
		const position = doc.lines.positionAt(offset);
		if (list.itemDefaults?.editRange) {
			const editRange = list.itemDefaults.editRange;
			if ('insert' in editRange) {
				check.range(editRange.insert, `${where}.itemDefaults.editRange.insert`);
				check.range(editRange.replace, `${where}.itemDefaults.editRange.replace`);
			} else {
				check.range(editRange, `${where}.itemDefaults.editRange`);
			}
		}
		list.items.forEach((item: CompletionItem, i) => {
			const at = `${where}.items[${i}] ${JSON.stringify(item?.label)}`;
			if (typeof item?.label !== 'string' || item.label === '') {
				check.fail(at, 'label is not a non-empty string');
			}
			const edit = item.textEdit;
			if (edit) {
				const ranges: [Range, string][] = 'range' in edit ? [[edit.range, 'textEdit.range']] : [[edit.insert, 'textEdit.insert'], [edit.replace, 'textEdit.replace']];
				for (const [range, name] of ranges) {
					const span = check.range(range, `${at}.${name}`);
					// LSP: the range of a completion edit is on one line and holds the cursor.
					if (span && (range.start.line !== range.end.line || range.start.line !== position.line || range.start.character > position.character || range.end.character < position.character)) {
						check.fail(`${at}.${name}`, `${JSON.stringify(range)} is not a single-line range around the cursor ${JSON.stringify(position)}`);
					}
				}
				if (typeof edit.newText !== 'string') {
					check.fail(at, 'textEdit.newText is not a string');
				}
			}
			check.edits(item.additionalTextEdits, `${at}.additionalTextEdits`);
		});
	};
	const checkHover = (hover: Hover | null, where: string) => {
		if (hover === null) {
			return;
		}
		if (typeof hover !== 'object' || hover.contents === undefined) {
			check.fail(where, 'not a hover');
			return;
		}
		if (hover.range) {
			check.range(hover.range, `${where}.range`);
		}
	};
	const checkActions = (actions: CodeAction[], where: string) => {
		if (!Array.isArray(actions)) {
			check.fail(where, 'did not return an array');
			return;
		}
		actions.forEach((action, i) => {
			const at = `${where}[${i}] ${JSON.stringify(action?.title)}`;
			if (typeof action?.title !== 'string' || action.title === '') {
				check.fail(at, 'title is not a non-empty string');
			}
			action.diagnostics?.forEach((d, k) => check.range(d.range, `${at}.diagnostics[${k}].range`));
			const changes = action.edit?.changes;
			if (changes) {
				for (const [uri, edits] of Object.entries(changes)) {
					if (uri !== doc.uri) {
						check.fail(at, `edits a different document ${uri}`);
					}
					check.edits(edits, `${at}.edits`);
				}
			}
		});
	};

	const whole: Range = { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) };
	// At a cursor an editor sends the diagnostics there; every diagnostic at once, whose fixes do
	// not depend on the cursor, is sent below.
	const spans = diagnostics.map((d) => ({ d, start: doc.lines.offsetAt(d.range.start), end: doc.lines.offsetAt(d.range.end) }));
	for (const offset of offsets) {
		const position = doc.lines.positionAt(offset);
		checkCompletion(call(`getCompletions(${offset})`, () => getCompletions(doc, offset)), offset, `getCompletions(${offset})`);
		checkHover(call(`getHover(${offset})`, () => getHover(doc, offset)), `getHover(${offset})`);
		const range = { start: position, end: position };
		const atCursor = spans.filter((s) => s.start <= offset && offset <= s.end).map((s) => s.d);
		checkActions(call(`getCodeActions(${offset})`, () => getCodeActions(doc, atCursor, DEFAULT_SETTINGS, range)), `getCodeActions(${offset})`);
	}
	flush();
	checkActions(call('getCodeActions(no range)', () => getCodeActions(doc, diagnostics, DEFAULT_SETTINGS)), 'getCodeActions(no range)');
	checkActions(call('getCodeActions(whole document)', () => getCodeActions(doc, [], DEFAULT_SETTINGS, whole)), 'getCodeActions(whole document)');
	checkActions(call('getCodeActions(all warning)', () => getCodeActions(doc, warnings, ALL_WARNING_SETTINGS, whole)), 'getCodeActions(all warning)');
	// A client may send a range past the end (a stale view) or diagnostics of an older version.
	const beyond: Range = { start: { line: 1_000_000, character: 5 }, end: { line: 1_000_001, character: 0 } };
	const stale: Diagnostic[] = [{ range: beyond, message: 'stale', code: 'schema' }, ...diagnostics.slice(0, 2).map((d) => ({ ...d, range: { start: d.range.end, end: d.range.start } }))];
	checkActions(call('getCodeActions(stale)', () => getCodeActions(doc, stale, DEFAULT_SETTINGS, beyond)), 'getCodeActions(stale)');
	const perDiagnostic = options.codeActionsPerDiagnostic ?? 8;
	diagnostics.slice(0, perDiagnostic).forEach((d, i) => {
		checkActions(call(`getCodeActions(diagnostic ${i})`, () => getCodeActions(doc, [d], DEFAULT_SETTINGS, d.range)), `getCodeActions(diagnostic ${i})`);
	});
	flush();

	// Outline: VS Code refuses a symbol with an empty name or a selection range outside its range.
	const symbols = call('getDocumentSymbols', () => getDocumentSymbols(doc));
	const walkSymbols = (list: DocumentSymbol[], where: string) => {
		list.forEach((symbol, i) => {
			const at = `${where}[${i}] ${JSON.stringify(symbol?.name)}`;
			if (typeof symbol?.name !== 'string' || symbol.name === '') {
				check.fail(at, 'name is not a non-empty string (VS Code rejects the outline)');
			}
			const range = check.range(symbol.range, `${at}.range`);
			const selection = check.range(symbol.selectionRange, `${at}.selectionRange`);
			if (range && selection && !contains(range, selection)) {
				check.fail(at, `selectionRange ${JSON.stringify(symbol.selectionRange)} is not inside range ${JSON.stringify(symbol.range)} (VS Code rejects the outline)`);
			}
			walkSymbols(symbol.children ?? [], `${at}.children`);
		});
	};
	if (!Array.isArray(symbols)) {
		check.fail('getDocumentSymbols', 'did not return an array');
	} else {
		walkSymbols(symbols, 'getDocumentSymbols');
		if (doc.language === 'admx' && doc.admx) {
			checkAdmxOutline(check, symbols, doc.admx.categories.size, doc.admx.policies.length);
		}
	}

	const folding = call('getFoldingRanges', () => getFoldingRanges(doc));
	folding.forEach((f, i) => {
		check.line(f.startLine, `getFoldingRanges[${i}].startLine`);
		check.line(f.endLine, `getFoldingRanges[${i}].endLine`);
		if (!(f.startLine <= f.endLine)) {
			check.fail(`getFoldingRanges[${i}]`, `starts after it ends: ${JSON.stringify(f)}`);
		}
	});

	const lenses = call('getCodeLenses', () => getCodeLenses(doc, POLICY_LENSES));
	lenses.forEach((lens, i) => {
		check.range(lens.range, `getCodeLenses[${i}].range`);
		if (!lens.command || typeof lens.command.title !== 'string' || lens.command.title === '') {
			check.fail(`getCodeLenses[${i}]`, 'has no command with a title');
		}
	});
	flush();

	// The payload preview, as the server builds it: blocked by errors, otherwise every encoding.
	const checkPreview = (settings: Settings, where: string) => {
		const preview = call(where, () => buildPreview(doc, settings, settings.payload));
		preview.errors.forEach((e, i) => {
			check.position({ line: e.line, character: e.character }, `${where}.errors[${i}]`);
			if (typeof e.code !== 'string' || typeof e.message !== 'string' || e.message === '') {
				check.fail(`${where}.errors[${i}]`, 'has no code or message');
			}
		});
		preview.profiles.forEach((profile, p) => profile.policies.forEach((policy, i) => check.line(policy.line, `${where}.profiles[${p}].policies[${i}].line`)));
	};
	checkPreview(DEFAULT_SETTINGS, 'buildPreview(default)');
	checkPreview(CDATA_FULL_SETTINGS, 'buildPreview(cdata, full message)');
	if (options.warningPreview) {
		checkPreview(ALL_WARNING_SETTINGS, 'buildPreview(all warning)');
	}
	flush();

	// A clean document is encoded every way the service offers; ingested policies whose ADMX is not at hand cannot be, as encode says.
	const clean = !diagnostics.some((d) => d.severity === 1) && unresolvedIngested(doc).length === 0;
	if (clean) {
		const profiles = call('resolveProfiles', () => resolveProfiles(doc), false);
		for (const profile of profiles) {
			for (const resolved of profile.policies) {
				call(`encodePayload(${policyKey(resolved)})`, () => encodePayload(resolved));
			}
			for (const encoding of ['escape', 'cdata'] as const) {
				for (const fullMessage of [false, true]) {
					const syncml = call(`encodeSyncml(${encoding}${fullMessage ? ', full' : ''})`, () => encodeSyncml(profile, { encoding, fullMessage }));
					if (options.roundTrip) {
						expectClean(syncml, 'syncml', `the SyncML encoded (${encoding}${fullMessage ? ', full message' : ''}) from a clean ${lang} document`);
					}
				}
			}
			call('encodeIntune', () => encodeIntune(profile));
			call('registryText', () => registryText(profile.policies));
		}
		const yaml = call('profilesToYaml', () => profilesToYaml(profiles));
		if (options.roundTrip && profiles.length > 0) {
			expectClean(yaml, 'rapolicy', `the YAML written from a clean ${lang} document`);
		}
		if (doc.language === 'syncml') {
			const imported = call('importSyncml', () => importSyncml(doc));
			if (typeof imported.yaml !== 'string' || !Array.isArray(imported.skipped)) {
				check.fail('importSyncml', 'did not return { yaml, skipped }');
			}
			if (options.roundTrip && imported.yaml !== '') {
				expectClean(imported.yaml, 'rapolicy', 'the YAML imported from a clean SyncML document');
			}
		}
	}
	flush();
	return { doc, diagnostics, calls, findings: diagnostics.length, clean, cpuMs: cpuMsSince(began) };
}

/** An ADMX outline shows each category and each policy once, wherever its parent reference points. */
function checkAdmxOutline(check: RangeChecker, symbols: readonly DocumentSymbol[], categories: number, policies: number): void {
	const count = { [SymbolKind.Namespace]: 0, [SymbolKind.Property]: 0 };
	// Symbols were serialized by now, so the tree has no cycle.
	const walk = (list: readonly DocumentSymbol[]) => {
		for (const symbol of list) {
			if (symbol.kind === SymbolKind.Namespace || symbol.kind === SymbolKind.Property) {
				count[symbol.kind]++;
			}
			walk(symbol.children ?? []);
		}
	};
	walk(symbols);
	if (count[SymbolKind.Namespace] !== categories || count[SymbolKind.Property] !== policies) {
		check.fail('getDocumentSymbols', `the outline shows ${count[SymbolKind.Namespace]} categories and ${count[SymbolKind.Property]} policies of the ${categories} and ${policies} the file defines`);
	}
}

function expectClean(text: string, lang: Lang, what: string): void {
	let errors: Diagnostic[];
	try {
		errors = getDiagnostics(parseDocument(uriFor(lang), 1, text, lang), DEFAULT_SETTINGS).filter((d) => d.severity === 1);
	} catch (error) {
		throw new FuzzFailure(`parsing ${what} threw:\n${describeError(error)}\n--- text ---\n${text}`, 'round trip', error);
	}
	if (errors.length > 0) {
		const lines = TextDocument.create(uriFor(lang), lang, 1, text);
		const shown = errors.slice(0, 5).map((d) => `${String(d.code)} ${JSON.stringify(text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end)))}: ${String(d.message)}`);
		throw new FuzzFailure(`${what} has errors:\n  ${shown.join('\n  ')}\n--- text ---\n${text}`, 'round trip');
	}
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** CPU time this process has used since `start` (a `process.cpuUsage()`), in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

export interface FuzzStats {
	documents: number;
	calls: number;
	clean: number;
	diagnostics: number;
	/** CPU time of the slowest document, in ms. */
	maxCpuMs: number;
	slowest: string;
}

export function newStats(): FuzzStats {
	return { documents: 0, calls: 0, clean: 0, diagnostics: 0, maxCpuMs: 0, slowest: '' };
}

export function record(stats: FuzzStats, result: CaseOutcome, label: string): void {
	stats.documents++;
	stats.calls += result.calls;
	stats.diagnostics += result.findings;
	if (result.clean) {
		stats.clean++;
	}
	if (result.cpuMs > stats.maxCpuMs) {
		stats.maxCpuMs = result.cpuMs;
		stats.slowest = label;
	}
}

