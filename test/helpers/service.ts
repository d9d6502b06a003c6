import { TextDocument } from 'vscode-languageserver-textdocument';
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCodeActions, getDiagnostics, parsePolicyDocument, parseSyncmlDocument, type ParsedDocument, type Settings } from '../../server/src/service';
import { placeCommand } from '../../server/src/service/syncml/syncmlLocate';
import type { SyncmlCommand } from '../../server/src/service/syncml/syncmlModel';
import type { XmlElement, XmlNode } from '../../server/src/service/xml/xmlParser';

export const TEST_URI = 'file:///work/test.rapolicy.yaml';

export function parse(text: string): ParsedDocument {
	return parsePolicyDocument(TEST_URI, 1, text);
}

/** A diagnostic whose message is plain text, as every diagnostic of this service is. */
export type TextDiagnostic = Omit<Diagnostic, 'message'> & { message: string };

export function diagnose(text: string, settings: Settings = DEFAULT_SETTINGS): TextDiagnostic[] {
	return getDiagnostics(parse(text), settings).map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

/** Codes of the diagnostics, in document order. */
export function codes(text: string, settings: Settings = DEFAULT_SETTINGS): string[] {
	return diagnose(text, settings).map((d) => String(d.code));
}

/** The source text a diagnostic's range covers. */
export function covered(text: string, diagnostic: Pick<Diagnostic, 'range'>): string {
	const doc = parse(text).lines;
	return text.slice(doc.offsetAt(diagnostic.range.start), doc.offsetAt(diagnostic.range.end));
}

/** Splits `text` at the `|` caret marker: the clean text and the caret offset. */
export function caret(text: string): { text: string; offset: number } {
	const offset = text.indexOf('|');
	if (offset < 0) {
		throw new Error('no | caret in test text');
	}
	return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

/** Applies LSP text edits (non-overlapping) to `text`. */
export function applyEdits(text: string, edits: readonly { range: Diagnostic['range']; newText: string }[]): string {
	const doc = parse(text).lines;
	const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
	let result = text;
	for (const edit of sorted) {
		result = result.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + result.slice(doc.offsetAt(edit.range.end));
	}
	return result;
}

/** A valid profile with every policy configured, to mutate in tests. */
export const FULL_PROFILE = `profile: Full
description: Every policy set.
scope: device
policies:
  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: remote-control
      RA_Unsolicit_DACL_Edit:
        - CORP\\RA-Helpdesk
  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: view-only
      RA_Solicit_ExpireValue_Edt: 4
      RA_Solicit_ExpireUnits_List: hours
      RA_Solicit_Mailto_List: mailto
  CustomizeWarningMessages:
    state: enabled
    options:
      RA_Options_Share_Control_Message: Control is about to be shared.
      RA_Options_Connect_Message: A helper is connecting.
  SessionLogging: { state: enabled }
  RA_EncryptedTicketOnly: { state: not-configured }
  RA_Optimize_Bandwidth:
    state: enabled
    options:
      RA_Optimize_Bandwidth_List: no-background
`;

// ---- Helpers added for the unit tests of completion, code actions and suppressions ----

/** The raw LSP diagnostics, as an editor would send them back with a code action request. */
export function rawDiagnostics(text: string, settings: Settings = DEFAULT_SETTINGS): Diagnostic[] {
	return getDiagnostics(parse(text), settings);
}

/** The same text with every line break written as CRLF. */
export function crlf(text: string): string {
	return text.replace(/\r?\n/g, '\r\n');
}

/**
 * Expands LSP snippet syntax the way an editor does when the user accepts every default:
 * a placeholder becomes its default text, a choice its first item, a bare tab stop nothing.
 */
export function expandSnippet(snippet: string): string {
	let i = 0;
	const escapable = '$}\\,|';
	const read = (stop: string | undefined): string => {
		let out = '';
		while (i < snippet.length) {
			const c = snippet[i];
			if (stop !== undefined && c === stop) {
				return out;
			}
			if (c === '\\' && i + 1 < snippet.length && escapable.includes(snippet[i + 1])) {
				out += snippet[i + 1];
				i += 2;
				continue;
			}
			if (c === '$') {
				const rest = snippet.slice(i);
				const bare = /^\$(\d+)/.exec(rest);
				if (bare) {
					i += bare[0].length;
					continue;
				}
				const open = /^\$\{(\d+)([:|}])/.exec(rest);
				if (open) {
					i += open[0].length;
					if (open[2] === '}') {
						continue;
					}
					if (open[2] === ':') {
						out += read('}');
						i++;
						continue;
					}
					const choices: string[] = [];
					let current = '';
					while (i < snippet.length && !(snippet[i] === '|' && snippet[i + 1] === '}')) {
						if (snippet[i] === '\\' && i + 1 < snippet.length && escapable.includes(snippet[i + 1])) {
							current += snippet[i + 1];
							i += 2;
						} else if (snippet[i] === ',') {
							choices.push(current);
							current = '';
							i++;
						} else {
							current += snippet[i++];
						}
					}
					choices.push(current);
					i += 2;
					out += choices[0];
					continue;
				}
			}
			out += c;
			i++;
		}
		return out;
	};
	return read(undefined);
}

/** A completion item as the editor applies it: snippet expanded with its defaults, later lines indented like the first. */
export function applyCompletion(
	text: string,
	item: { textEdit?: unknown; insertTextFormat?: number; insertTextMode?: number },
): string {
	const edit = item.textEdit as { range: Diagnostic['range']; newText: string };
	const doc = parse(text).lines;
	let newText = item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
	const start = doc.offsetAt(edit.range.start);
	const lineStartOffset = doc.offsetAt({ line: edit.range.start.line, character: 0 });
	// Editors indent later lines like the first unless the item asks for `asIs` (1).
	const indent = item.insertTextMode === 1 ? '' : (/^[ \t]*/.exec(text.slice(lineStartOffset, start))?.[0] ?? '');
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	newText = newText.replace(/\r?\n/g, `${eol}${indent}`);
	return applyEdits(text, [{ range: edit.range, newText }]);
}

// ---- Helpers for the tests of quick fixes that move text ----

/** The only diagnostic of `code`; fails when there is not exactly one. */
export function onlyDiagnostic(text: string, code: string): TextDiagnostic {
	const found = diagnose(text).filter((d) => d.code === code);
	assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(diagnose(text).map((d) => [d.code, d.message]))}`);
	return found[0];
}

/** The preferred quick fix of the `index`th diagnostic of `code`, applied. */
export function applyFix(text: string, code: string, index = 0): { after: string; action: CodeAction } {
	const diagnostic = rawDiagnostics(text).filter((d) => d.code === code)[index];
	assert.ok(diagnostic, `no ${code} #${index} in ${JSON.stringify(codes(text))}`);
	const actions = getCodeActions(parse(text), [diagnostic], DEFAULT_SETTINGS)
		.filter((a) => !(a.edit?.changes?.[TEST_URI] ?? []).some((e) => e.newText.includes('rapolicy-disable-next-line')));
	const action = actions.find((a) => a.isPreferred);
	assert.ok(action, `a preferred fix for ${code} among ${JSON.stringify(actions.map((a) => a.title))}`);
	return { after: applyEdits(text, action.edit?.changes?.[TEST_URI] ?? []), action };
}

/** Applies the preferred fix of the first `code` diagnostic until none is left, checking that no fix leaves a YAML error. */
export function fixAll(text: string, code: string): string {
	let current = text;
	for (let round = 0; round < 5 && codes(current).includes(code); round++) {
		current = applyFix(current, code).after;
		assert.ok(!codes(current).includes('yaml-syntax'), `no YAML error after a fix:\n${current}`);
	}
	assert.ok(!codes(current).includes(code), `no ${code} left:\n${current}`);
	return current;
}

// ---- Helpers for the SyncML unit tests ----

export const SYNCML_URI = 'file:///work/test.syncml';

export type ParsedSyncmlDocument = ReturnType<typeof parseSyncmlDocument>;

export function parseSyncml(text: string): ParsedSyncmlDocument {
	return parseSyncmlDocument(SYNCML_URI, 1, text);
}

export function diagnoseSyncml(text: string, settings: Settings = DEFAULT_SETTINGS): TextDiagnostic[] {
	return getDiagnostics(parseSyncml(text), settings).map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

/** Codes of the SyncML diagnostics, in document order. */
export function syncmlCodes(text: string, settings: Settings = DEFAULT_SETTINGS): string[] {
	return diagnoseSyncml(text, settings).map((d) => String(d.code));
}

/** The only SyncML diagnostic of `code`; fails when there is not exactly one. */
export function onlySyncml(text: string, code: string): TextDiagnostic {
	const found = diagnoseSyncml(text).filter((d) => d.code === code);
	assert.equal(found.length, 1, `expected one ${code} in ${JSON.stringify(syncmlCodes(text))}\n${text}`);
	return found[0];
}

/** The text with one exact piece replaced; fails loudly if the piece is not there. */
export function replaceOnce(text: string, from: string, to: string): string {
	assert.ok(text.includes(from), `test setup: ${JSON.stringify(from)} is not in the text`);
	return text.replace(from, to);
}

/** The raw LSP diagnostics of a SyncML text. */
export function rawSyncmlDiagnostics(text: string, settings: Settings = DEFAULT_SETTINGS): Diagnostic[] {
	return getDiagnostics(parseSyncml(text), settings);
}

/** Offsets of LSP positions in any text, without parsing it. */
export function textLines(text: string): TextDocument {
	return TextDocument.create(SYNCML_URI, 'syncml', 1, text);
}

/** The source text a range covers, for any language. */
export function coveredText(text: string, item: Pick<Diagnostic, 'range'>): string {
	const lines = textLines(text);
	return text.slice(lines.offsetAt(item.range.start), lines.offsetAt(item.range.end));
}

/** Applies LSP text edits (non-overlapping) to `text`, for any language. */
export function applyTextEdits(text: string, edits: readonly { range: Diagnostic['range']; newText: string }[]): string {
	const lines = textLines(text);
	const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
	let result = text;
	for (const edit of sorted) {
		result = result.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + result.slice(lines.offsetAt(edit.range.end));
	}
	return result;
}

/**
 * Like `expandSnippet`, but a tab stop repeated without a default (a mirror, `${3}` after
 * `${3:text}`) takes the text of its placeholder, as editors do.
 */
export function expandSnippetWithMirrors(snippet: string): string {
	const defaults = new Map<string, string>();
	for (const m of snippet.matchAll(/\$\{(\d+)(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^|\\])*)\|)\}/g)) {
		if (!defaults.has(m[1])) {
			const value = m[2] !== undefined ? m[2] : (m[3] ?? '').split(/(?<!\\),/)[0];
			defaults.set(m[1], value);
		}
	}
	const mirrored = snippet.replace(/\$\{(\d+)\}|\$(\d+)/g, (all, a: string | undefined, b: string | undefined) => {
		const n = a ?? b ?? '';
		const value = defaults.get(n);
		return value === undefined ? all : value;
	});
	return expandSnippet(mirrored);
}

/** A SyncML completion applied as an editor does: snippet expanded (mirrors too), later lines indented like the first. */
export function applySyncmlCompletion(
	text: string,
	item: { textEdit?: unknown; insertTextFormat?: number; insertTextMode?: number },
): string {
	const edit = item.textEdit as { range: Diagnostic['range']; newText: string };
	const lines = textLines(text);
	let newText = item.insertTextFormat === 2 ? expandSnippetWithMirrors(edit.newText) : edit.newText;
	const start = lines.offsetAt(edit.range.start);
	const lineStartOffset = lines.offsetAt({ line: edit.range.start.line, character: 0 });
	const indent = item.insertTextMode === 1 ? '' : (/^[ \t]*/.exec(text.slice(lineStartOffset, start))?.[0] ?? '');
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	newText = newText.replace(/\r?\n/g, `${eol}${indent}`);
	return applyTextEdits(text, [{ range: edit.range, newText }]);
}

/** A message with SyncBody around `body` (commands, indented by four spaces) and `<Final/>`. */
export function syncmlMessage(body: string, options: { header?: string; final?: boolean } = {}): string {
	return `<SyncML xmlns="SYNCML:SYNCML1.2">\n${options.header ?? ''}  <SyncBody>\n${body}${options.final === false ? '' : '    <Final/>\n'}  </SyncBody>\n</SyncML>\n`;
}

export const SYNCML_META = '<Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>';

/** A Replace command (or another command) on one LocURI with Meta Format chr / Type text/plain and `data` as the Data content. */
export function syncmlCommand(
	locUri: string,
	data: string | undefined,
	options: { command?: string; cmdId?: string; meta?: string | null } = {},
): string {
	const command = options.command ?? 'Replace';
	const meta = options.meta === null ? [] : [`        ${options.meta ?? SYNCML_META}`];
	return [
		`    <${command}>`,
		`      <CmdID>${options.cmdId ?? '1'}</CmdID>`,
		'      <Item>',
		`        <Target><LocURI>${locUri}</LocURI></Target>`,
		...meta,
		...(data === undefined ? [] : [`        <Data>${data}</Data>`]),
		'      </Item>',
		`    </${command}>`,
		'',
	].join('\n');
}

/** Puts the `|` caret just after the first occurrence of `before` (followed by `after`) in `text`. */
export function at(text: string, before: string, after = ''): string {
	const i = text.indexOf(before + after);
	assert.ok(i >= 0, `test setup: ${JSON.stringify(before + after)} not found`);
	return text.slice(0, i + before.length) + '|' + text.slice(i + before.length);
}

/** The markdown of a hover, which must be shown. */
export function hoverMarkdown(h: Hover | null): string {
	assert.ok(h, 'a hover is shown');
	const contents = h.contents as MarkupContent;
	assert.equal(contents.kind, 'markdown');
	return contents.value;
}

export function includesAll(value: string, parts: readonly string[]): void {
	for (const part of parts) {
		assert.ok(value.includes(part), `hover contains ${JSON.stringify(part)}:\n${value}`);
	}
}

export function labels(items: readonly CompletionItem[]): string[] {
	return items.map((i) => i.label);
}

/** The completion item with `label`, which must be there. */
export function item(items: readonly CompletionItem[], label: string): CompletionItem {
	const found = items.find((i) => i.label === label);
	assert.ok(found, `no completion ${label} among ${JSON.stringify(labels(items))}`);
	return found;
}

/** The range edit of a completion item, which must have one. */
export function editOf(i: CompletionItem): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } {
	assert.ok(i.textEdit && 'range' in i.textEdit, `${i.label} has a textEdit with a range`);
	return i.textEdit as never;
}

function before(a: Range['start'], b: Range['start']): boolean {
	return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: Range, inner: Range): boolean {
	return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every symbol's selection range lies in its range, and every child's range in its parent's. */
export function checkNesting(list: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
	for (const s of list) {
		assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection range inside range`);
		if (parent) {
			assert.ok(contains(parent.range, s.range), `${s.name} inside ${parent.name}`);
		}
		checkNesting(s.children ?? [], s);
	}
}

/**
 * The Policy CSP area of each policy, written out from the reference rather than read from the
 * catalog, so tests check the catalog instead of repeating it.
 */
export const POLICY_AREAS: Readonly<Record<string, string>> = {
	UnsolicitedRemoteAssistance: 'RemoteAssistance',
	SolicitedRemoteAssistance: 'RemoteAssistance',
	CustomizeWarningMessages: 'RemoteAssistance',
	SessionLogging: 'RemoteAssistance',
	RA_EncryptedTicketOnly: 'ADMX_RemoteAssistance',
	RA_Optimize_Bandwidth: 'ADMX_RemoteAssistance',
};

export const configUri = (policy: string) => `./Device/Vendor/MSFT/Policy/Config/${POLICY_AREAS[policy]}/${policy}`;
export const resultUri = (policy: string) => `./Device/Vendor/MSFT/Policy/Result/${POLICY_AREAS[policy]}/${policy}`;

/** The top-level commands of a SyncML document in file offsets. */
export function syncmlCommands(doc: ParsedSyncmlDocument): SyncmlCommand[] {
	return doc.chunks.map((chunk) => placeCommand(doc, chunk).command);
}

/** Every element of a SyncML document in file offsets, depth first: the frame with each command read in place. */
export function syncmlElements(doc: ParsedSyncmlDocument): XmlElement[] {
	const commands = new Map(doc.chunks.map((chunk) => [chunk.start, placeCommand(doc, chunk).element]));
	const found: XmlElement[] = [];
	const walk = (nodes: readonly XmlNode[]) => {
		for (const n of nodes) {
			if (n.kind === 'element') {
				const element = n.skipped ? (commands.get(n.start) as XmlElement) : n;
				found.push(element);
				walk(element.children);
			}
		}
	};
	walk(doc.frame.nodes);
	return found;
}
