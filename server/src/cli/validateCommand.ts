import { DEFAULT_SETTINGS, getDiagnostics } from '../service';
import { expandGlob } from './glob';
import type { CliIo } from './io';
import { ENCODING_CODE, loadDocument } from './loadDocument';

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;

interface JsonDiagnostic {
	file: string;
	severity: string;
	code: string;
	message: string;
	range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export const VALIDATE_USAGE = 'Usage: rapolicy validate [--format text|json] <files or globs>...';

/** `rapolicy validate`: the editor's diagnostics for files on disk. Exit 1 if any error. */
export function validateCommand(args: readonly string[], io: CliIo): number {
	let format = 'text';
	const patterns: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--format') {
			format = args[++i] ?? '';
		} else if (arg.startsWith('--format=')) {
			format = arg.slice('--format='.length);
		} else if (arg.startsWith('-')) {
			io.stderr(`rapolicy validate: unknown option ${arg}\n${VALIDATE_USAGE}\n`);
			return 2;
		} else {
			patterns.push(arg);
		}
	}
	if (format !== 'text' && format !== 'json') {
		io.stderr(`rapolicy validate: --format must be text or json\n${VALIDATE_USAGE}\n`);
		return 2;
	}
	if (patterns.length === 0) {
		io.stderr(`${VALIDATE_USAGE}\n`);
		return 2;
	}
	const files = patterns.flatMap((p) => {
		const matches = expandGlob(p, io.cwd);
		if (matches.length === 0) {
			io.stderr(`rapolicy validate: no file matches ${p}\n`);
		}
		return matches;
	});
	const results: JsonDiagnostic[] = [];
	let unreadable = false;
	for (const file of files) {
		let undecodable = false;
		const doc = loadDocument(file, io, 'validate', (problem) => {
			undecodable = true;
			results.push({ file, severity: 'error', code: ENCODING_CODE, ...problem });
		});
		if (!doc) {
			// A file in an encoding rapolicy cannot read was read, and has an error; one that could not be opened was not.
			unreadable ||= !undecodable;
			continue;
		}
		for (const d of getDiagnostics(doc, DEFAULT_SETTINGS)) {
			results.push({ file, severity: SEVERITY_NAMES[d.severity ?? 1], code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range });
		}
	}
	if (format === 'json') {
		io.stdout(`${JSON.stringify(results, null, 2)}\n`);
	} else {
		for (const r of results) {
			io.stdout(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} ${r.code} ${r.message}\n`);
		}
		const errors = results.filter((r) => r.severity === 'error').length;
		// The summary goes to another stream than the problems; a line break of its own keeps it off the
		// last problem's line where a terminal or CI log shows stdout without its last line break.
		const gap = results.length > 0 ? '\n' : '';
		io.stderr(`${gap}${files.length} ${files.length === 1 ? 'file' : 'files'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${results.length - errors} other ${results.length - errors === 1 ? 'problem' : 'problems'}\n`);
	}
	if (files.length === 0 || unreadable) {
		return 2;
	}
	return results.some((r) => r.severity === 'error') ? 1 : 0;
}
