import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdmxFiles, DEFAULT_ADML_LANGUAGE } from '../admxFiles';
import {
	CONFIG_FILE_NAMES,
	getConfigDiagnostics,
	isIgnored,
	loadAdml,
	loadAdmx,
	mergeSettings,
	normalizeSettings,
	readProjectConfig,
	RULE_CODES,
	RULE_SETTINGS,
	type Problem,
	type ProjectConfig,
	type Settings,
} from '../service';
import { closest } from '../service/text/suggest';
import { expandGlob } from './glob';
import type { NamedInstall } from './ingestedAdmx';
import type { CliIo } from './io';
import { decodeText, printEncodingProblem, readBytes } from './loadDocument';
import { reportLine, textLine, type ReportLine } from './report';

/** The options every command takes about the project configuration, for the usage lines. */
export const CONFIG_USAGE = '[--config FILE | --no-config] [--rule CODE=SEVERITY]...';

export const CONFIG_HELP = [
	'  --config FILE   the project configuration to use, instead of the nearest rapolicy.json or .rapolicy.json',
	'                  in the folder of each file or a folder above it, up to the one holding .git',
	'  --no-config     use no project configuration',
	'  --rule CODE=SEVERITY  error, warning, information, hint or off for one rule, over the configuration; repeatable',
].join('\n');

/** What the configuration options said. */
interface ConfigFlags {
	readonly config: string | undefined;
	readonly none: boolean;
	readonly rules: Readonly<Record<string, string>>;
}

/**
 * Takes the configuration options out of a command's arguments, leaving the rest to the command's
 * own reading; a message when they are wrong.
 */
export function takeConfigFlags(args: readonly string[]): { readonly flags: ConfigFlags; readonly rest: string[] } | string {
	let config: string | undefined;
	let none = false;
	const rules: Record<string, string> = {};
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i], undefined];
		const value = () => inline ?? args[++i] ?? '';
		if (flag === '--config') {
			config = value();
			if (config === '') {
				return '--config needs a file name';
			}
		} else if (flag === '--no-config') {
			none = true;
		} else if (flag === '--rule') {
			const spec = value();
			const [code, severity] = spec.split('=');
			if (!(RULE_CODES as readonly string[]).includes(code)) {
				const meant = closest(code, RULE_CODES);
				return `--rule takes CODE=SEVERITY with a rule code, not ${spec}${meant === undefined ? '' : `; did you mean ${meant}?`}`;
			}
			if (!(RULE_SETTINGS as readonly string[]).includes(severity)) {
				return `--rule ${code}= takes ${RULE_SETTINGS.join(', ')}, not ${severity ?? 'nothing'}`;
			}
			rules[code] = severity;
		} else {
			rest.push(args[i]);
		}
	}
	if (config !== undefined && none) {
		return '--config and --no-config cannot go together';
	}
	return { flags: { config, none, rules }, rest };
}

/** A configuration file as the command line uses it. */
export interface CliConfig {
	/** Its name as messages give it, relative to the working folder. */
	readonly shown: string;
	readonly folder: string;
	readonly text: string;
	readonly config: ProjectConfig;
	/** The settings of files it applies to: its own under the --rule flags. */
	readonly settings: Settings;
	/** Its problems, and those of the ADMX files it names once they are read. */
	readonly problems: Problem[];
}

const LOADERS = { loadAdmx, loadAdml };

/**
 * The project configuration of each file a command reads: the one `--config` names, none with
 * `--no-config`, or else the nearest `rapolicy.json` or `.rapolicy.json` in the file's folder or a
 * folder above it, stopping at the folder that holds `.git` (the repository's root), as Prettier
 * and ESLint look for theirs. Each file is read once per run.
 */
export class CliConfigs {
	private readonly found = new Map<string, string | undefined>();
	private readonly loaded = new Map<string, CliConfig>();
	private readonly installs = new Map<CliConfig, NamedInstall[]>();
	private readonly overrides: Settings;

	private constructor(
		private readonly flags: ConfigFlags,
		private readonly io: CliIo,
		private readonly command: string,
	) {
		this.overrides = normalizeSettings({ validation: { rules: flags.rules } });
	}

	/** The configurations of a run; undefined after saying on stderr why the one --config names cannot be read. */
	static open(flags: ConfigFlags, io: CliIo, command: string): CliConfigs | undefined {
		const configs = new CliConfigs(flags, io, command);
		return flags.config === undefined || configs.load(path.resolve(io.cwd, flags.config)) ? configs : undefined;
	}

	/**
	 * The configuration that applies to a file (named relative to the working folder): undefined
	 * when there is none, null after saying on stderr why the one found cannot be read.
	 */
	configFor(file: string): CliConfig | undefined | null {
		if (this.flags.none) {
			return undefined;
		}
		const at = this.flags.config === undefined ? this.nearest(path.dirname(path.resolve(this.io.cwd, file))) : path.resolve(this.io.cwd, this.flags.config);
		return at === undefined ? undefined : (this.load(at) ?? null);
	}

	/** The settings a file is checked with: its configuration's, or the defaults, under the --rule flags. */
	settingsFor(config: CliConfig | undefined): Settings {
		return config?.settings ?? this.overrides;
	}

	/** Whether the configuration says not to check a file (named relative to the working folder). */
	ignores(config: CliConfig, file: string): boolean {
		return isIgnored(config.config, path.relative(config.folder, path.resolve(this.io.cwd, file)).split(path.sep).join('/'));
	}

	/**
	 * The ADMX files the configuration names as ingested, read relative to its folder with the ADML
	 * of `language`, but for the AppNames `--admx` names, which override them: the flags are the
	 * same for every file of a run, so each configuration's files are read once. One that cannot be
	 * read is a problem of the configuration, at its path.
	 */
	ingestedFor(config: CliConfig | undefined, flagged: readonly NamedInstall[], language = DEFAULT_ADML_LANGUAGE): NamedInstall[] {
		if (config === undefined) {
			return [];
		}
		let read = this.installs.get(config);
		if (!read) {
			read = [];
			const overridden = new Set(flagged.map((install) => install.app));
			const files = new AdmxFiles(() => LOADERS);
			for (const entry of config.config.ingested.filter((e) => !overridden.has(e.app))) {
				const full = path.resolve(config.folder, entry.file);
				const source = files.read(full, language, entry.file);
				if ('error' in source) {
					config.problems.push({ code: 'admx-entry', span: entry.span, message: `${source.error} The policies of ${entry.app} are checked without it.` });
					continue;
				}
				read.push({ app: entry.app, admx: source.admx, adml: source.adml, order: -1, path: full, source });
			}
			this.installs.set(config, read);
		}
		return read;
	}

	/** The problems of every configuration used so far, as lines of the report, in the order they were first used. */
	problems(): ReportLine[] {
		return [...this.loaded.values()].flatMap((config) => getConfigDiagnostics(pathToFileURL(path.resolve(this.io.cwd, config.shown)).toString(), config.text, config.problems, config.settings).map((d) => reportLine(config.shown, d)));
	}

	/** The configuration file nearest to a folder, up to the repository's root or the file system's. */
	private nearest(folder: string): string | undefined {
		if (this.found.has(folder)) {
			return this.found.get(folder);
		}
		const here = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((file) => fs.existsSync(file));
		const parent = path.dirname(folder);
		const at = here ?? (fs.existsSync(path.join(folder, '.git')) || parent === folder ? undefined : this.nearest(parent));
		this.found.set(folder, at);
		return at;
	}

	private load(file: string): CliConfig | undefined {
		const known = this.loaded.get(file);
		if (known) {
			return known;
		}
		const shown = path.relative(this.io.cwd, file) || file;
		const bytes = readBytes(shown, this.io, this.command);
		const text = bytes && decodeText(bytes, (p) => printEncodingProblem(shown, p, this.io));
		if (text === undefined) {
			return undefined;
		}
		const read = readProjectConfig(text);
		const config: CliConfig = { shown, folder: path.dirname(file), text, config: read.config, settings: mergeSettings(read.config, this.overrides), problems: [...read.problems] };
		this.loaded.set(file, config);
		return config;
	}
}

/**
 * Prints the problems of the configurations used, one line each as validate prints a file's,
 * on stderr: for commands whose stdout is their output.
 */
export function printConfigProblems(configs: CliConfigs, io: CliIo): void {
	for (const line of configs.problems()) {
		io.stderr(textLine(line));
	}
}

/** A file a command checks, with the configuration that applies to it. */
export interface CheckedFile {
	readonly file: string;
	readonly config: CliConfig | undefined;
}

/**
 * The files the patterns match, each with its configuration, less those a configuration ignores
 * (said on stderr for a file named without a wildcard, passed over for one a glob found); a
 * pattern that matches nothing is said too. Null after saying why a configuration cannot be read.
 */
export function filesToCheck(patterns: readonly string[], configs: CliConfigs, io: CliIo, command: string): { readonly matched: number; readonly checked: CheckedFile[] } | null {
	let matched = 0;
	const checked: CheckedFile[] = [];
	for (const pattern of patterns) {
		const files = expandGlob(pattern, io.cwd);
		if (files.length === 0) {
			io.stderr(`rapolicy ${command}: no file matches ${pattern}\n`);
		}
		matched += files.length;
		for (const file of files) {
			const config = configs.configFor(file);
			if (config === null) {
				return null;
			}
			if (config && configs.ignores(config, file)) {
				// expandGlob gives a pattern without wildcards back as it is.
				if (file === pattern) {
					io.stderr(`rapolicy ${command}: ${file} is not checked: ${config.shown} ignores it\n`);
				}
				continue;
			}
			checked.push({ file, config });
		}
	}
	return { matched, checked };
}
