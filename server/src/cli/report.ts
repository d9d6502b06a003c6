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

/**
 * Prints problems as `file:line:col: severity code message` on stdout, each place a finding points
 * at indented below it, with a summary on stderr, or as one JSON array. `skipped` counts the files
 * of no form rapolicy reads, which the summary names.
 */
export function printReport(results: readonly ReportLine[], fileCount: number, format: 'text' | 'json', io: CliIo, skipped?: number): void {
	if (format === 'json') {
		io.stdout(`${JSON.stringify(results, null, 2)}\n`);
		return;
	}
	for (const r of results) {
		io.stdout(`${placeText(r, `${r.severity} ${r.code} ${r.message}`)}\n`);
		for (const related of r.related ?? []) {
			io.stdout(`  ${placeText(related, related.message)}\n`);
		}
	}
	const errors = results.filter((r) => r.severity === 'error').length;
	// The summary goes to another stream than the problems; a line break of its own keeps it off the
	// last problem's line where a terminal or CI log shows stdout without its last line break.
	const gap = results.length > 0 ? '\n' : '';
	const others = skipped ? ` (${skipped} of no form rapolicy reads left out)` : '';
	io.stderr(`${gap}${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked${others}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${results.length - errors} other ${results.length - errors === 1 ? 'problem' : 'problems'}\n`);
}
