import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getDiagnostics } from '../document/diagnostics';
import type { ParsedDocument } from '../document/document';
import type { Settings } from '../problems/settings';

/** An error of a document, at its 0-based place, in the words of its diagnostic. */
export interface PreviewError {
	readonly line: number;
	readonly character: number;
	readonly code: string;
	readonly message: string;
}

/** The errors that stop a document from being encoded or imported: nothing is built from a wrong model. */
export function blockingErrors(doc: ParsedDocument, settings: Settings): PreviewError[] {
	return getDiagnostics(doc, settings)
		.filter((d) => d.severity === DiagnosticSeverity.Error)
		.map((d) => ({ line: d.range.start.line, character: d.range.start.character, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }));
}
