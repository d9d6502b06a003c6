import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from './document';
import type { Settings } from '../problems/settings';
import { toRange } from '../text/ranges';
import type { Problem } from '../problems/problem';
import { RULES, type Severity } from '../problems/rules';
import { applySuppressions } from '../problems/suppressions';

export const DIAGNOSTIC_SOURCE = 'rapolicy';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** The problems a user sees: suppressions applied and rules switched off removed. */
export function visibleProblems(doc: ParsedDocument, settings: Settings): { problem: Problem; severity: Severity }[] {
	if (!settings.validation.enable) {
		return [];
	}
	// A SyncML message knows from its comments whether any silences a line, without reading its whole text.
	// JSON has no comments to silence a line with.
	const silenced = (doc.language === 'syncml' && !doc.directives) || doc.language === 'intune' ? doc.problems : applySuppressions(doc.text, doc.problems);
	return withSeverities(silenced, settings);
}

/** Each problem with the severity the settings give its rule, those switched off left out, in the order of the text. */
function withSeverities(problems: readonly Problem[], settings: Settings): { problem: Problem; severity: Severity }[] {
	const result: { problem: Problem; severity: Severity }[] = [];
	for (const problem of problems) {
		const configured = settings.validation.rules[problem.code];
		if (configured === 'off') {
			continue;
		}
		result.push({ problem, severity: configured ?? problem.severity ?? RULES[problem.code].severity });
	}
	return result.sort((a, b) => a.problem.span.start - b.problem.span.start);
}

export function toDiagnostic(doc: Pick<ParsedDocument, 'lines'>, { problem, severity }: { problem: Problem; severity: Severity }): Diagnostic {
	return {
		range: toRange(doc.lines, problem.span),
		severity: SEVERITY[severity],
		code: problem.code,
		source: DIAGNOSTIC_SOURCE,
		message: problem.message,
	};
}

export function getDiagnostics(doc: ParsedDocument, settings: Settings): Diagnostic[] {
	return visibleProblems(doc, settings).map((visible) => toDiagnostic(doc, visible));
}

/**
 * The problems of rapolicy.json as diagnostics, with the severities the settings give their rules.
 * JSON has no comments to silence a line with, so none are looked for.
 */
export function getConfigDiagnostics(uri: string, text: string, problems: readonly Problem[], settings: Settings): Diagnostic[] {
	if (!settings.validation.enable) {
		return [];
	}
	const lines = TextDocument.create(uri, 'json', 0, text);
	return withSeverities(problems, settings).map((visible) => toDiagnostic({ lines }, visible));
}
