import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { admlBeside, DEFAULT_ADML_LANGUAGE } from '../admxFiles';
import { DEFAULT_SETTINGS, getDiagnostics, parseAdmxDocument } from '../service';
import { expandGlob } from './glob';
import type { CliIo } from './io';
import { decodeText, printEncodingProblem, readBytes } from './loadDocument';
import { printReport, reportLine, type ReportLine } from './report';
import { append } from '../service/text/append';

export const ADMX_USAGE = 'Usage: rapolicy admx lint [--adml FILE] [--language NAME] [--format text|json] <file.admx or glob>...';

function readText(file: string, io: CliIo): string | undefined {
	const bytes = readBytes(file, io, 'admx lint');
	return bytes && decodeText(bytes, (p) => printEncodingProblem(file, p, io));
}

/**
 * `rapolicy admx lint`: what stands between ADMX files and their use over MDM ingestion, Intune's
 * Import ADMX or Group Policy, with the ADML strings checked when the ADML is found. Exit 1 on errors.
 */
export function admxCommand(args: readonly string[], io: CliIo): number {
	const [sub, ...rest] = args;
	if (sub !== 'lint') {
		io.stderr(`${sub === undefined ? '' : `rapolicy admx: unknown command ${sub}\n`}${ADMX_USAGE}\n`);
		return 2;
	}
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
	const files = patterns.flatMap((p) => {
		const matches = expandGlob(p, io.cwd);
		if (matches.length === 0) {
			io.stderr(`rapolicy admx lint: no file matches ${p}\n`);
		}
		return matches;
	});
	if (adml !== undefined && files.length !== 1) {
		io.stderr(`rapolicy admx lint: --adml goes with one ADMX file\n${ADMX_USAGE}\n`);
		return 2;
	}
	const results: ReportLine[] = [];
	let unreadable = false;
	let unread = 0;
	for (const file of files) {
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
		append(results, getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => reportLine(file, d)));
		if (admlFile !== undefined && admlText !== undefined) {
			const own = parseAdmxDocument(pathToFileURL(path.resolve(io.cwd, admlFile)).toString(), 0, admlText);
			append(results, getDiagnostics(own, DEFAULT_SETTINGS).map((d) => reportLine(path.relative(io.cwd, path.resolve(io.cwd, admlFile)), d)));
		} else if (format === 'text') {
			io.stderr(`${file}: no ${language} ADML found beside it; string and presentation references were not checked (give one with --adml)\n`);
		}
	}
	printReport(results, files.length, format, io, unread);
	if (files.length === 0 || unreadable) {
		return 2;
	}
	return results.some((r) => r.severity === 'error') ? 1 : 0;
}
