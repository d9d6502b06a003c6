import { DEFAULT_ADML_LANGUAGE } from '../admxFiles';
import { getDiagnostics, withIngestedAdmx } from '../service';
import { cliReadAdmx, readIngestedAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { ENCODING_CODE, loadDocument } from './loadDocument';
import { CONFIG_USAGE, filesToCheck, CliConfigs, takeConfigFlags } from './projectConfig';
import { printReport, reportLine, type ReportLine } from './report';

export const VALIDATE_USAGE = `Usage: rapolicy validate [--format text|json] [--admx APP=FILE]... [--admx-language LANG] ${CONFIG_USAGE} <files or globs>...`;

/** `rapolicy validate`: the editor's diagnostics for files on disk. Exit 1 if any error. */
export function validateCommand(args: readonly string[], io: CliIo): number {
	const taken = takeConfigFlags(args);
	if (typeof taken === 'string') {
		io.stderr(`rapolicy validate: ${taken}\n${VALIDATE_USAGE}\n`);
		return 2;
	}
	let format = 'text';
	const patterns: string[] = [];
	const admx: string[] = [];
	let language = DEFAULT_ADML_LANGUAGE;
	const rest = taken.rest;
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i];
		if (arg === '--admx') {
			admx.push(rest[++i] ?? '');
		} else if (arg === '--admx-language') {
			language = rest[++i] ?? '';
		} else if (arg === '--format') {
			format = rest[++i] ?? '';
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
	const configs = ingested && CliConfigs.open(taken.flags, io, 'validate');
	if (!ingested || !configs) {
		return 2;
	}
	// Each file's configuration is found first, so that the configurations' own problems come first.
	const found = filesToCheck(patterns, configs, io, 'validate');
	if (!found) {
		return 2;
	}
	const { matched, checked } = found;
	const external = new Map(checked.map(({ config }) => [config, [...ingested, ...configs.ingestedFor(config, ingested, language)]]));
	const results: ReportLine[] = configs.problems();
	let unread = 0;
	for (const { file, config } of checked) {
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
		for (const d of getDiagnostics(withIngestedAdmx(doc, external.get(config) ?? ingested, cliReadAdmx(file, io.cwd, language)), configs.settingsFor(config))) {
			results.push(reportLine(file, d));
		}
	}
	printReport(results, checked.length, format, io, { unread });
	if (matched === 0 || unread > 0) {
		return 2;
	}
	return results.some((r) => r.severity === 'error') ? 1 : 0;
}
