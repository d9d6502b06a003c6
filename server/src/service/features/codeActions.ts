import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument, ParsedSyncml } from '../document';
import { locateSyncml } from '../syncml/syncmlLocate';
import { escapeText, wrapCdata } from '../xml/entities';
import type { Settings } from '../settings';
import { eol, lineStart } from '../text/lines';
import type { Fix } from '../validation/problem';
import { toRange, visibleProblems } from './diagnostics';

function sameRange(a: Range, b: Range): boolean {
	return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for the diagnostics the editor sends back: the fixes each problem carries, and a
 * comment that silences the rule on that line. In SyncML, also the payload rewrites at `range`.
 */
export function getCodeActions(doc: ParsedDocument, diagnostics: readonly Diagnostic[], settings: Settings, range?: Range): CodeAction[] {
	const actions: CodeAction[] = [];
	const problems = visibleProblems(doc, settings);
	for (const diagnostic of diagnostics) {
		const match = problems.find(({ problem }) => problem.code === diagnostic.code && sameRange(toRange(doc.lines, problem.span), diagnostic.range));
		if (!match) {
			continue;
		}
		for (const fix of match.problem.fixes ?? []) {
			actions.push(toAction(doc, fix, diagnostic));
		}
		actions.push(toAction(doc, suppressionFix(doc, match.problem.span.start, match.problem.code), diagnostic, false));
	}
	if (doc.language === 'syncml' && range) {
		actions.push(...payloadConversions(doc, doc.lines.offsetAt(range.start)));
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
