import { getDiagnostics, withIngestedAdmx } from '../service';
import { cliReadAdmx, readIngestedAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { ENCODING_CODE, loadDocument } from './loadDocument';
import { takeCommonFlags } from './commonFlags';
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
	const flags = takeCommonFlags(taken.rest, ['text', 'json']);
	const unknown = typeof flags === 'string' ? undefined : flags.rest.find((arg) => arg.startsWith('-'));
	if (typeof flags === 'string' || unknown !== undefined) {
		io.stderr(`rapolicy validate: ${typeof flags === 'string' ? flags : `unknown option ${unknown}`}\n${VALIDATE_USAGE}\n`);
		return 2;
	}
	const { admx, language } = flags;
	const format = flags.format as 'text' | 'json';
	const patterns = flags.rest;
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
