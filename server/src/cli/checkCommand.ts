import * as fs from 'node:fs';
import * as path from 'node:path';
import { estatesOf, fileLanguage, getDiagnostics, groupPolicyFormat, isEstateFileName, parseDocument, readEstate, visibleEstateProblems, withIngestedAdmx, type ContentSource, type EstateProblem, type Settings, type Severity, type SourcePlace } from '../service';
import { fileContent } from '../common/decodeFile';
import { takeCommonFlags } from './commonFlags';
import { expandGlob } from './glob';
import { cliReadAdmx, readIngestedAdmx, type NamedInstall } from './ingestedAdmx';
import type { CliIo } from './io';
import { ENCODING_CODE, fileUri, readBytes } from './loadDocument';
import { CONFIG_USAGE, CliConfigs, takeConfigFlags, type CliConfig } from './projectConfig';
import { printReport, reportLine, type ReportLine, type ReportPlace } from './report';
import { sarifLog } from './sarif';

export const CHECK_USAGE = `Usage: rapolicy check [--format text|json|sarif] [--admx APP=FILE]... [--admx-language LANG] ${CONFIG_USAGE} [DIR|FILES...]`;

type Format = 'text' | 'json' | 'sarif';

interface CheckArgs {
	readonly format: Format;
	readonly admx: readonly string[];
	readonly language: string;
	readonly targets: readonly string[];
}

function parseArgs(args: readonly string[]): CheckArgs | string {
	const flags = takeCommonFlags(args, ['text', 'json', 'sarif']);
	if (typeof flags === 'string') {
		return flags;
	}
	const unknown = flags.rest.find((arg) => arg.startsWith('-'));
	if (unknown !== undefined) {
		return `unknown option ${unknown}`;
	}
	return { format: flags.format as Format, admx: flags.admx, language: flags.language, targets: flags.rest.length > 0 ? flags.rest : ['.'] };
}

function isDirectory(file: string): boolean {
	try {
		return fs.statSync(file).isDirectory();
	} catch {
		return false;
	}
}

/** Every file under a folder, as `expandGlob` walks it (no node_modules, no hidden folders or files), relative to `cwd`. */
function filesUnder(dir: string, cwd: string): string[] {
	return expandGlob(path.join(dir, '**', '*'), cwd).filter((file) => !isDirectory(path.resolve(cwd, file)));
}

/** The files the targets name: each folder walked, each file or glob as given. Undefined after saying which target names nothing. */
function targetFiles(targets: readonly string[], io: CliIo): string[] | undefined {
	const files = new Set<string>();
	for (const target of targets) {
		// A name without wildcards comes back from expandGlob as it is, there or not.
		const found = isDirectory(path.resolve(io.cwd, target)) ? filesUnder(target, io.cwd) : expandGlob(target, io.cwd).filter((file) => fs.existsSync(path.resolve(io.cwd, file)));
		if (found.length === 0) {
			io.stderr(`rapolicy check: no file matches ${target}\n`);
			return undefined;
		}
		for (const file of found) {
			files.add(file);
		}
	}
	return [...files].sort();
}

/** What reading the files gave: the sources for the estate, each file's own problems, and the files of no form. */
interface ReadFiles {
	readonly sources: ContentSource[];
	/** The estates each source belongs to, by the configuration that groups it; a file no estate names is in its configuration's own. */
	readonly estates: Map<string, { readonly config: CliConfig | undefined; readonly settings: Settings; readonly sources: ContentSource[] }>;
	readonly results: ReportLine[];
	readonly uris: Map<string, string>;
	checked: number;
	skipped: number;
	unreadable: boolean;
}

/**
 * Reads one file: a Registry.pol as bytes, anything else as text; a document the editor checks
 * gets its diagnostics as `validate` gives them. A file whose encoding cannot be read is an error
 * only where its name promises a document; otherwise, like a file of no form, it is left out.
 */
function readFile(file: string, io: CliIo, ingested: readonly NamedInstall[], language: string, read: ReadFiles, config: CliConfig | undefined, configs: CliConfigs): void {
	const bytes = readBytes(file, io, 'check');
	if (!bytes) {
		read.unreadable = true;
		return;
	}
	const uri = fileUri(file, io);
	const settings = configs.settingsFor(config);
	const add = (source: ContentSource) => {
		read.sources.push(source);
		const names = config ? estatesOf(config.config, path.relative(config.folder, path.resolve(io.cwd, file)).split(path.sep).join('/')) : [];
		// Estates of one configuration are its own; a file none names is in its configuration's folder estate.
		for (const name of names.length > 0 ? names : ['']) {
			const key = `${config?.folder ?? ''}\n${name}`;
			const estate = read.estates.get(key) ?? { config, settings, sources: [] };
			estate.sources.push(source);
			read.estates.set(key, estate);
		}
	};
	const decoded = fileContent(bytes);
	// The language the name alone gives: such a file is a document, whatever its bytes.
	const named = fileLanguage(uri, '');
	if ('problem' in decoded) {
		if (named) {
			read.results.push({ file, severity: 'error', code: ENCODING_CODE, message: decoded.problem.message, range: decoded.problem.range });
			read.checked++;
		} else {
			read.skipped++;
		}
		return;
	}
	const text = decoded.content;
	if (typeof text !== 'string') {
		add({ uri, content: text });
		read.uris.set(uri, file);
		read.checked++;
		return;
	}
	const documentLanguage = fileLanguage(uri, text);
	if (!documentLanguage && !groupPolicyFormat(text)) {
		read.skipped++;
		return;
	}
	read.checked++;
	read.uris.set(uri, file);
	if (!documentLanguage) {
		add({ uri, content: text });
		return;
	}
	const external = [...ingested, ...configs.ingestedFor(config, ingested, language)];
	const doc = withIngestedAdmx(parseDocument(uri, 0, text, documentLanguage), external, cliReadAdmx(file, io.cwd, language));
	for (const d of getDiagnostics(doc, settings)) {
		read.results.push(reportLine(file, d));
	}
	add({ uri, content: text, parsed: doc });
}

function reportPlace(place: SourcePlace, uris: ReadonlyMap<string, string>): ReportPlace {
	const file = uris.get(place.uri) ?? place.uri;
	return place.binary ? { file, range: place.range, bytes: { offset: place.span.start, length: place.span.end - place.span.start } } : { file, range: place.range };
}

function estateLine({ problem, severity }: { problem: EstateProblem; severity: Severity }, uris: ReadonlyMap<string, string>): ReportLine {
	return {
		...reportPlace(problem.place, uris),
		severity,
		code: problem.code,
		message: problem.message,
		related: problem.related.map((r) => ({ ...reportPlace(r.place, uris), message: r.message })),
	};
}

/** The folder messages and SARIF name files relative to: the one folder checked, else the working folder. */
function checkedFolder(targets: readonly string[], cwd: string): string {
	const [only] = targets;
	return targets.length === 1 && isDirectory(path.resolve(cwd, only)) ? path.resolve(cwd, only) : cwd;
}

/**
 * `rapolicy check`: a folder (or files) as one estate. Every file of a form rapolicy reads gets
 * its own problems, as `validate` gives them, and the problems where the files meet: a policy set
 * differently by two sources, by Group Policy and MDM, or set alike in two places. Exit 1 on any
 * error, 2 on bad usage or a file that cannot be read.
 */
export function checkCommand(args: readonly string[], io: CliIo): number {
	const taken = takeConfigFlags(args);
	const parsed = typeof taken === 'string' ? taken : parseArgs(taken.rest);
	if (typeof parsed === 'string' || typeof taken === 'string') {
		io.stderr(`rapolicy check: ${typeof taken === 'string' ? taken : parsed}\n${CHECK_USAGE}\n`);
		return 2;
	}
	const ingested = readIngestedAdmx(parsed.admx, io, 'check', parsed.language);
	const configs = ingested && CliConfigs.open(taken.flags, io, 'check');
	const files = configs && targetFiles(parsed.targets, io);
	if (!ingested || !configs || !files) {
		return 2;
	}
	const read: ReadFiles = { sources: [], estates: new Map(), results: [], uris: new Map(), checked: 0, skipped: 0, unreadable: false };
	for (const file of files) {
		const config = isEstateFileName(file) ? configs.configFor(file) : undefined;
		if (config === null) {
			return 2;
		}
		if (!isEstateFileName(file) || (config && configs.ignores(config, file))) {
			read.skipped++;
			continue;
		}
		readFile(file, io, ingested, parsed.language, read, config, configs);
	}
	const root = checkedFolder(parsed.targets, io.cwd);
	// The configurations' own problems first, as validate gives them.
	const results = [...configs.problems(), ...read.results];
	const texts = new Map(read.sources.map((s) => [s.uri, typeof s.content === 'string' ? s.content : undefined]));
	// A pair of files in two estates together meets twice; it is said once.
	const said = new Set<string>();
	for (const { config, settings, sources } of read.estates.values()) {
		const estate = readEstate(sources, {
			external: [...ingested, ...configs.ingestedFor(config, ingested, parsed.language)].map((install) => ({ app: install.app, file: install.path, source: install.source })),
			// Messages name the other files as the folder checked holds them.
			label: (uri) => path.relative(root, path.resolve(io.cwd, read.uris.get(uri) ?? uri)).split(path.sep).join('/'),
		});
		for (const visible of visibleEstateProblems(estate.problems, settings, (uri) => texts.get(uri))) {
			const line = estateLine(visible, read.uris);
			const key = JSON.stringify([line.file, line.range, line.bytes, line.code, line.message]);
			if (!said.has(key)) {
				said.add(key);
				results.push(line);
			}
		}
	}
	// Each file's problems together, in the order of the files.
	const order = new Map(files.map((file, i) => [file, i]));
	results.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.bytes?.offset ?? 0) - (b.bytes?.offset ?? 0));
	if (parsed.format === 'sarif') {
		io.stdout(`${JSON.stringify(sarifLog(results, io.cwd, root), null, 2)}\n`);
	} else {
		printReport(results, read.checked, parsed.format, io, { skipped: read.skipped });
	}
	if (read.unreadable) {
		return 2;
	}
	return results.some((r) => r.severity === 'error') ? 1 : 0;
}
