import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { admlBeside, DEFAULT_ADML_LANGUAGE } from '../admxFiles';
import { getDiagnostics, parseAdmxDocument } from '../service';
import type { CliIo } from './io';
import { decodeText, printEncodingProblem, readBytes } from './loadDocument';
import { CONFIG_USAGE, filesToCheck, CliConfigs, takeConfigFlags } from './projectConfig';
import { printReport, reportLine, type ReportLine } from './report';
import { append } from '../service/text/append';

export const ADMX_USAGE = `Usage: rapolicy admx lint [--adml FILE] [--language NAME] [--format text|json] ${CONFIG_USAGE} <file.admx or glob>...`;

function readText(file: string, io: CliIo): string | undefined {
	const bytes = readBytes(file, io, 'admx lint');
	return bytes && decodeText(bytes, (p) => printEncodingProblem(file, p, io));
}

/**
 * `rapolicy admx lint`: what stands between ADMX files and their use over MDM ingestion, Intune's
 * Import ADMX or Group Policy, with the ADML strings checked when the ADML is found. Exit 1 on errors.
 */
export function admxCommand(args: readonly string[], io: CliIo): number {
	const [sub, ...options] = args;
	if (sub !== 'lint') {
		io.stderr(`${sub === undefined ? '' : `rapolicy admx: unknown command ${sub}\n`}${ADMX_USAGE}\n`);
		return 2;
	}
	const taken = takeConfigFlags(options);
	if (typeof taken === 'string') {
		io.stderr(`rapolicy admx lint: ${taken}\n${ADMX_USAGE}\n`);
		return 2;
	}
	const rest = taken.rest;
	let format = 'text';
	let adml: string | undefined;
	let language = DEFAULT_ADML_LANGUAGE;
	const patterns: string[] = [];
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i];
		if (arg === '--format' || arg === '--adml' || arg === '--language') {
			const value = rest[++i];
			if (value === undefined) {
				io.stderr(`rapolicy admx lint: ${arg} needs a value\n${ADMX_USAGE}\n`);
				return 2;
			}
			if (arg === '--format') {
				format = value;
			} else if (arg === '--adml') {
				adml = value;
			} else {
				language = value;
			}
		} else if (arg.startsWith('-')) {
			io.stderr(`rapolicy admx lint: unknown option ${arg}\n${ADMX_USAGE}\n`);
			return 2;
		} else {
			patterns.push(arg);
		}
	}
	if ((format !== 'text' && format !== 'json') || patterns.length === 0) {
		io.stderr(`${format !== 'text' && format !== 'json' ? 'rapolicy admx lint: --format must be text or json\n' : ''}${ADMX_USAGE}\n`);
		return 2;
	}
	// The project configuration gives the severities and the files not checked; what it ingests concerns other files.
	const configs = CliConfigs.open(taken.flags, io, 'admx lint');
	const found = configs && filesToCheck(patterns, configs, io, 'admx lint');
	if (!configs || !found) {
		return 2;
	}
	const files = found.checked;
	if (adml !== undefined && files.length !== 1) {
		io.stderr(`rapolicy admx lint: --adml goes with one ADMX file\n${ADMX_USAGE}\n`);
		return 2;
	}
	const results: ReportLine[] = configs.problems();
	let unreadable = false;
	let unread = 0;
	for (const { file, config } of files) {
		const settings = configs.settingsFor(config);
		const text = readText(file, io);
		if (text === undefined) {
			unreadable = true;
			unread++;
			continue;
		}
		const admlFile = adml ?? admlBeside(path.resolve(io.cwd, file), language);
		const admlText = admlFile === undefined ? undefined : readText(admlFile, io);
		if (admlFile !== undefined && admlText === undefined) {
			unreadable = true;
		}
		const doc = parseAdmxDocument(pathToFileURL(path.resolve(io.cwd, file)).toString(), 0, text, undefined, admlText);
		append(results, getDiagnostics(doc, settings).map((d) => reportLine(file, d)));
		if (admlFile !== undefined && admlText !== undefined) {
			const own = parseAdmxDocument(pathToFileURL(path.resolve(io.cwd, admlFile)).toString(), 0, admlText);
			append(results, getDiagnostics(own, settings).map((d) => reportLine(path.relative(io.cwd, path.resolve(io.cwd, admlFile)), d)));
		} else if (format === 'text') {
			io.stderr(`${file}: no ${language} ADML found beside it; string and presentation references were not checked (give one with --adml)\n`);
		}
	}
	printReport(results, files.length, format, io, { unread });
	if (found.matched === 0 || unreadable) {
		return 2;
	}
	return results.some((r) => r.severity === 'error') ? 1 : 0;
}
