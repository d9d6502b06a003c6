import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document';
import type { Settings } from '../settings';
import { eol, lineStart } from '../text/lines';
import type { Fix } from '../validation/problem';
import { toRange, visibleProblems } from './diagnostics';

function sameRange(a: Range, b: Range): boolean {
	return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for the diagnostics the editor sends back: the fixes each problem carries, and a
 * comment that silences the rule on that line.
 */
export function getCodeActions(doc: ParsedDocument, diagnostics: readonly Diagnostic[], settings: Settings): CodeAction[] {
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

function suppressionFix(doc: ParsedDocument, offset: number, code: string): Fix {
	const start = lineStart(doc.text, offset);
	const indent = /^[ \t]*/.exec(doc.text.slice(start))?.[0] ?? '';
	return {
		title: `Disable ${code} for this line`,
		edits: [{ span: { start, end: start }, newText: `${indent}# rapolicy-disable-next-line ${code}${eol(doc.text)}` }],
	};
}
