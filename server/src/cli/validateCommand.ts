import { DEFAULT_ADML_LANGUAGE } from '../admxFiles';
import { DEFAULT_SETTINGS, getDiagnostics, withIngestedAdmx } from '../service';
import { expandGlob } from './glob';
import { cliReadAdmx, readIngestedAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { ENCODING_CODE, loadDocument } from './loadDocument';
import { printReport, reportLine, type ReportLine } from './report';

export const VALIDATE_USAGE = 'Usage: rapolicy validate [--format text|json] [--admx APP=FILE]... [--admx-language LANG] <files or globs>...';

/** `rapolicy validate`: the editor's diagnostics for files on disk. Exit 1 if any error. */
export function validateCommand(args: readonly string[], io: CliIo): number {
	let format = 'text';
	const patterns: string[] = [];
	const admx: string[] = [];
	let language = DEFAULT_ADML_LANGUAGE;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--admx') {
			admx.push(args[++i] ?? '');
		} else if (arg === '--admx-language') {
			language = args[++i] ?? '';
		} else if (arg === '--format') {
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
	if (language === '') {
		io.stderr(`rapolicy validate: --admx-language needs a folder name such as de-DE\n${VALIDATE_USAGE}\n`);
		return 2;
	}
	if (patterns.length === 0) {
		io.stderr(`${VALIDATE_USAGE}\n`);
		return 2;
	}
	const ingested = readIngestedAdmx(admx, io, 'validate', language);
	if (!ingested) {
		return 2;
	}
	const files = patterns.flatMap((p) => {
		const matches = expandGlob(p, io.cwd);
		if (matches.length === 0) {
			io.stderr(`rapolicy validate: no file matches ${p}\n`);
		}
		return matches;
	});
	const results: ReportLine[] = [];
	let unread = 0;
	for (const file of files) {
		let undecodable = false;
		const doc = loadDocument(file, io, 'validate', (problem) => {
			undecodable = true;
			results.push({ file, severity: 'error', code: ENCODING_CODE, ...problem });
		});
		if (!doc) {
			// A file in an encoding rapolicy cannot read was read, and has an error; one that could not be opened was not.
			unread += undecodable ? 0 : 1;
			continue;
		}
		for (const d of getDiagnostics(withIngestedAdmx(doc, ingested, cliReadAdmx(file, io.cwd, language)), DEFAULT_SETTINGS)) {
			results.push(reportLine(file, d));
		}
	}
	printReport(results, files.length, format, io, unread);
	if (files.length === 0 || unread > 0) {
		return 2;
	}
	return results.some((r) => r.severity === 'error') ? 1 : 0;
}
