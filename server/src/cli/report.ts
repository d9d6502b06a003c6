import type { Diagnostic } from 'vscode-languageserver-types';
import type { CliIo } from './io';

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

type Range = Diagnostic['range'];

/** Where in a file: its range, and for a binary file (a Registry.pol), whose range is 0:0, the bytes. */
export interface ReportPlace {
	readonly file: string;
	readonly range: Range;
	readonly bytes?: { readonly offset: number; readonly length: number };
}

/** One problem of one file, as `--format json` prints it. */
export interface ReportLine extends ReportPlace {
	readonly severity: string;
	readonly code: string;
	readonly message: string;
	/** The other places a finding across files points at. */
	readonly related?: readonly (ReportPlace & { readonly message: string })[];
}

export function reportLine(file: string, d: Diagnostic): ReportLine {
	return { file, severity: SEVERITY_NAMES[d.severity ?? 1], code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range };
}

/** `file:line:col` (1-based), with the record's byte for a binary file, whose line and column say nothing. */
function placeText(place: ReportPlace, message: string): string {
	const at = `${place.file}:${place.range.start.line + 1}:${place.range.start.character + 1}`;
	return place.bytes ? `${at}: ${message} (the record at byte 0x${place.bytes.offset.toString(16).toUpperCase()})` : `${at}: ${message}`;
}

/** One problem as the text format prints it, `file:line:col: severity code message`, with each place it points at indented below. */
export function textLine(r: ReportLine): string {
	let text = `${placeText(r, `${r.severity} ${r.code} ${r.message}`)}\n`;
	for (const related of r.related ?? []) {
		text += `  ${placeText(related, related.message)}\n`;
	}
	return text;
}

/** Files the summary counts apart: those not read (said already), and those of no form rapolicy reads. */
export interface ReportCounts {
	readonly unread?: number;
	readonly skipped?: number;
}

/**
 * Prints problems as `file:line:col: severity code message` on stdout with a summary on stderr,
 * or as one JSON array.
 */
export function printReport(results: readonly ReportLine[], fileCount: number, format: 'text' | 'json', io: CliIo, counts: ReportCounts = {}): void {
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
	const unread = counts.unread ?? 0;
	const checked = fileCount - unread;
	const notRead = unread > 0 ? `, ${unread} not read` : '';
	const others = counts.skipped ? ` (${counts.skipped} of no form rapolicy reads left out)` : '';
	io.stderr(`${gap}${checked} ${checked === 1 ? 'file' : 'files'} checked${notRead}${others}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${results.length - errors} other ${results.length - errors === 1 ? 'problem' : 'problems'}\n`);
}
