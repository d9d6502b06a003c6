import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument, ParsedSyncml } from '../document/document';
import { locateSyncml } from '../syncml/syncmlLocate';
import { escapeText, wrapCdata } from '../xml/entities';
import type { Settings } from '../problems/settings';
import { eol, lineStart } from '../text/lines';
import { toRange } from '../text/ranges';
import type { Fix } from '../problems/problem';
import { toDiagnostic, visibleProblems } from '../document/diagnostics';
import { append } from '../text/append';

/** A diagnostic's rule and range as one key, to find the editor's copy of a problem. */
function keyOf(code: unknown, range: Range): string {
	return `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * Quick fixes: the fixes each problem carries, and a comment that silences its rule on that line.
 * They are offered for the diagnostics the editor sends back and, when `range` is given, for every
 * problem it touches, so a client whose diagnostics lag behind (or that sends none) still gets them.
 * In SyncML, also the payload rewrites at `range`.
 */
export function getCodeActions(doc: ParsedDocument, diagnostics: readonly Diagnostic[], settings: Settings, range?: Range): CodeAction[] {
	const actions: CodeAction[] = [];
	const start = range ? doc.lines.offsetAt(range.start) : 0;
	const end = range ? doc.lines.offsetAt(range.end) : -1;
	// Looked up by key: an editor may send every diagnostic of a file, and a search per problem would cost their square.
	const sentByKey = new Map<string, Diagnostic>();
	for (const d of diagnostics) {
		const key = keyOf(d.code, d.range);
		if (!sentByKey.has(key)) {
			sentByKey.set(key, d);
		}
	}
	for (const visible of visibleProblems(doc, settings)) {
		const { problem } = visible;
		const sent = sentByKey.get(keyOf(problem.code, toRange(doc.lines, problem.span)));
		if (!sent && !(problem.span.start <= end && problem.span.end >= start)) {
			continue;
		}
		const diagnostic = sent ?? toDiagnostic(doc, visible);
		for (const fix of problem.fixes ?? []) {
			actions.push(toAction(doc, fix, diagnostic));
		}
		if (doc.language !== 'intune') {
			actions.push(toAction(doc, suppressionFix(doc, problem.span.start, problem.code), diagnostic, false));
		}
	}
	if (doc.language === 'syncml' && range) {
		append(actions, payloadConversions(doc, start));
	}
	return actions;
}

function toAction(doc: ParsedDocument, fix: Fix, diagnostic: Diagnostic, preferred = fix.preferred === true): CodeAction {
	const edits: TextEdit[] = fix.edits.map((e) => ({ range: toRange(doc.lines, e.span), newText: e.newText }));
	return {
		title: fix.title,
		kind: CodeActionKind.QuickFix,
		diagnostics: [diagnostic],
		isPreferred: preferred || undefined,
		edit: { changes: { [doc.uri]: edits } },
	};
}

/** Rewrites the payload under the cursor between its escaped and CDATA spellings. */
function payloadConversions(doc: ParsedSyncml, offset: number): CodeAction[] {
	const item = locateSyncml(doc, offset).item;
	const data = item?.data;
	if (!data || offset < data.content.start || offset > data.content.end || (data.form !== 'escaped' && data.form !== 'cdata')) {
		return [];
	}
	const cdata = data.form === 'escaped';
	const newText = cdata ? wrapCdata(data.decoded.value) : escapeText(data.decoded.value);
	return [{
		title: cdata ? 'Convert the payload to CDATA' : 'Convert the payload to escaped text',
		kind: CodeActionKind.RefactorRewrite,
		edit: { changes: { [doc.uri]: [{ range: toRange(doc.lines, data.content), newText }] } },
	}];
}

function suppressionFix(doc: ParsedDocument, offset: number, code: string): Fix {
	const start = lineStart(doc.text, offset);
	const indent = /^[ \t]*/.exec(doc.text.slice(start))?.[0] ?? '';
	const comment = doc.language === 'syncml' ? `<!-- rapolicy-disable-next-line ${code} -->` : `# rapolicy-disable-next-line ${code}`;
	return {
		title: `Disable ${code} for this line`,
		edits: [{ span: { start, end: start }, newText: `${indent}${comment}${eol(doc.text)}` }],
	};
}
