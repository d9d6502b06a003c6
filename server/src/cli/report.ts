import type { Diagnostic } from 'vscode-languageserver-types';
import type { CliIo } from './io';

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

/** One problem of one file, as `--format json` prints it. */
export interface ReportLine {
	readonly file: string;
	readonly severity: string;
	readonly code: string;
	readonly message: string;
	readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

export function reportLine(file: string, d: Diagnostic): ReportLine {
	return { file, severity: SEVERITY_NAMES[d.severity ?? 1], code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range };
}

/** One problem as the text format prints it: `file:line:col: severity code message`, 1-based. */
export function textLine(r: ReportLine): string {
	return `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} ${r.code} ${r.message}\n`;
}

/**
 * Prints problems as `file:line:col: severity code message` on stdout with a summary on stderr
 * (counting apart the `unread` files of `fileCount`, said already), or as one JSON array.
 */
export function printReport(results: readonly ReportLine[], fileCount: number, format: 'text' | 'json', io: CliIo, unread = 0): void {
	if (format === 'json') {
		io.stdout(`${JSON.stringify(results, null, 2)}\n`);
		return;
	}
	for (const r of results) {
		io.stdout(textLine(r));
	}
	const errors = results.filter((r) => r.severity === 'error').length;
	// The summary goes to another stream than the problems; a line break of its own keeps it off the
	// last problem's line where a terminal or CI log shows stdout without its last line break.
	const gap = results.length > 0 ? '\n' : '';
	const checked = fileCount - unread;
	const notRead = unread > 0 ? `, ${unread} not read` : '';
	io.stderr(`${gap}${checked} ${checked === 1 ? 'file' : 'files'} checked${notRead}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${results.length - errors} other ${results.length - errors === 1 ? 'problem' : 'problems'}\n`);
}
