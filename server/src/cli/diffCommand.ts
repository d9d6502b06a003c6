import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { takeCommonFlags } from './commonFlags';
import { diffJson, diffMarkdown, diffPolicies, diffSummary, diffText, fileLanguage, isEstateFileName, parseDocument, POLICY_LANGUAGE, readSource, withIngestedAdmx, type ContentSource, type EffectiveSetting, type FileDifference } from '../service';
import { fileContent } from '../common/decodeFile';
import { fileKindOf, READ_LIMITS } from '../common/readLimits';
import { cliReadAdmx, readIngestedAdmx, type NamedInstall } from './ingestedAdmx';
import type { CliIo } from './io';
import { fileUri, readBytes } from './loadDocument';

export const DIFF_USAGE = 'Usage: rapolicy diff [--format text|json|markdown] [--admx APP=FILE]... [--admx-language LANG] (BEFORE AFTER | --git REV [FILES...])';

type Format = 'text' | 'json' | 'markdown';

interface DiffArgs {
	readonly format: Format;
	readonly admx: readonly string[];
	readonly language: string;
	readonly rev?: string;
	readonly files: readonly string[];
}

function parseArgs(args: readonly string[]): DiffArgs | string {
	const flags = takeCommonFlags(args, ['text', 'json', 'markdown']);
	if (typeof flags === 'string') {
		return flags;
	}
	const { format, admx, language } = flags;
	let rev: string | undefined;
	const files: string[] = [];
	for (let i = 0; i < flags.rest.length; i++) {
		const arg = flags.rest[i];
		if (arg === '--git') {
			rev = flags.rest[++i] ?? '';
		} else if (arg.startsWith('-')) {
			return `unknown option ${arg}`;
		} else {
			files.push(arg);
		}
	}
	// A revision that starts with a dash would be read by git as an option.
	if (rev !== undefined && (rev === '' || rev.startsWith('-'))) {
		return '--git needs a revision such as HEAD or origin/main';
	}
	if (rev === undefined && files.length !== 2) {
		return 'name two files, or --git REV';
	}
	return { format: format as Format, admx, language, rev, files };
}

/** What a diff reads files with, and how it names them. */
interface Reader {
	readonly io: CliIo;
	readonly ingested: readonly NamedInstall[];
	readonly language: string;
	readonly names: Map<string, string>;
}

/**
 * The settings of one version of a file, read by its content as `check` reads it; a policy file's
 * ingested ADMX files are read from the working tree. Undefined after saying why on stderr.
 */
function settingsOf(bytes: Uint8Array, uri: string, name: string, file: string, reader: Reader): readonly EffectiveSetting[] | undefined {
	const { io } = reader;
	reader.names.set(uri, name);
	const decoded = fileContent(bytes);
	if ('problem' in decoded) {
		io.stderr(`rapolicy diff: ${name}: ${decoded.problem.message}\n`);
		return undefined;
	}
	const { content } = decoded;
	const language = typeof content === 'string' ? fileLanguage(uri, content) : undefined;
	const source: ContentSource = typeof content === 'string' && language === POLICY_LANGUAGE
		? { uri, content, parsed: withIngestedAdmx(parseDocument(uri, 0, content, language), reader.ingested, cliReadAdmx(file, io.cwd, reader.language)) }
		: { uri, content };
	const external = reader.ingested.map((install) => ({ app: install.app, file: install.path, source: install.source }));
	const read = readSource(source, { external }, (u) => reader.names.get(u) ?? u);
	if (!read) {
		io.stderr(`rapolicy diff: ${name} is of no form rapolicy reads (a policy file, SyncML, an Intune export, Registry.pol, LGPO text or a GroupPolicy script)\n`);
		return undefined;
	}
	return read.settings;
}

function workingSettings(file: string, reader: Reader): readonly EffectiveSetting[] | undefined {
	const bytes = readBytes(file, reader.io, 'diff');
	return bytes && settingsOf(bytes, fileUri(file, reader.io), file, file, reader);
}

/** Runs git in `cwd`, its output bounded; throws as execFileSync does. */
function git(args: readonly string[], cwd: string, maxBuffer: number): Buffer {
	return execFileSync('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** How much of git's own output (names of files, a commit id) is read. */
const GIT_LISTING_BYTES = 16 * 1024 * 1024;

/** The files to compare when none are named: policy files changed since `rev`, or new and not ignored. */
function changedFiles(rev: string, top: string): string[] {
	const names = new Set<string>();
	for (const args of [['diff', '--name-only', '-z', '--no-renames', rev, '--'], ['ls-files', '-z', '--others', '--exclude-standard']]) {
		for (const name of git(args, top, GIT_LISTING_BYTES).toString('utf8').split('\0')) {
			if (name && isEstateFileName(name)) {
				names.add(name);
			}
		}
	}
	return [...names].sort();
}

/** A path relative to the repository's top folder with forward slashes, or undefined for one outside it. */
function inRepository(file: string, cwd: string, top: string): string | undefined {
	const relative = path.relative(top, path.resolve(cwd, file));
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}

/** The file's bytes at `rev`; undefined when the revision has no such file. */
function atRevision(rev: string, relative: string, top: string): Uint8Array | undefined {
	try {
		return git(['show', `${rev}:${relative}`], top, READ_LIMITS[fileKindOf(relative)].bytes);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOBUFS') {
			throw new Error(`${relative} at ${rev} is larger than rapolicy reads`);
		}
		return undefined;
	}
}

/**
 * Each named file (or each changed policy file) of the working tree against its content at `rev`:
 * a file the revision lacks is all added, one the working tree lacks all removed.
 */
function gitDifferences(rev: string, named: readonly string[], reader: Reader): FileDifference[] | undefined {
	const { io } = reader;
	let top: string;
	try {
		top = git(['rev-parse', '--show-toplevel'], io.cwd, GIT_LISTING_BYTES).toString('utf8').trim();
		git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top, GIT_LISTING_BYTES);
	} catch {
		io.stderr(`rapolicy diff: ${rev} is not a commit of a git repository around ${io.cwd}\n`);
		return undefined;
	}
	const files: string[] = [];
	for (const file of named.length > 0 ? named : changedFiles(rev, top).map((f) => path.relative(io.cwd, path.join(top, f)))) {
		const relative = inRepository(file, io.cwd, top);
		if (relative === undefined) {
			io.stderr(`rapolicy diff: ${file} is outside the repository\n`);
			return undefined;
		}
		files.push(relative);
	}
	const differences: FileDifference[] = [];
	for (const relative of files) {
		const shown = path.relative(io.cwd, path.join(top, relative)).split(path.sep).join('/');
		const old = atRevision(rev, relative, top);
		const before = old ? settingsOf(old, `git-revision:/${encodeURIComponent(rev)}/${relative}`, `${rev}:${relative}`, shown, reader) : [];
		// Whether the working tree still holds the file is asked of the file system; its content goes through the file gate.
		const exists = fs.existsSync(path.resolve(io.cwd, shown));
		const after = exists ? workingSettings(shown, reader) : [];
		if (!before || !after) {
			return undefined;
		}
		differences.push({ before: old ? `${rev}:${relative}` : `${relative} (not at ${rev})`, after: exists ? shown : `${shown} (deleted)`, policies: diffPolicies(before, after) });
	}
	return differences;
}

/**
 * `rapolicy diff`: what two policy files of any forms set differently, policy by policy, or with
 * `--git REV` each file of the working tree against its content at a revision. Exit 0 when
 * nothing differs, 1 when something does (as diff(1)), 2 on bad usage or a file that cannot be read.
 */
export function diffCommand(args: readonly string[], io: CliIo): number {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`rapolicy diff: ${parsed}\n${DIFF_USAGE}\n`);
		return 2;
	}
	const ingested = readIngestedAdmx(parsed.admx, io, 'diff', parsed.language);
	if (!ingested) {
		return 2;
	}
	const reader: Reader = { io, ingested, language: parsed.language, names: new Map() };
	let files: FileDifference[] | undefined;
	try {
		if (parsed.rev !== undefined) {
			files = gitDifferences(parsed.rev, parsed.files, reader);
		} else {
			const [a, b] = parsed.files;
			const before = workingSettings(a, reader);
			const after = before && workingSettings(b, reader);
			files = after && [{ before: a, after: b, policies: diffPolicies(before, after) }];
		}
	} catch (error) {
		io.stderr(`rapolicy diff: ${error instanceof Error ? error.message : String(error)}\n`);
		return 2;
	}
	if (!files) {
		return 2;
	}
	const fileOf = (uri: string) => reader.names.get(uri) ?? uri;
	if (parsed.format === 'json') {
		io.stdout(`${JSON.stringify(diffJson(files, fileOf), null, 2)}\n`);
	} else if (parsed.format === 'markdown') {
		io.stdout(diffMarkdown(files, fileOf));
	} else {
		io.stdout(diffText(files, fileOf));
		io.stderr(`${diffSummary(files)}\n`);
	}
	return files.some((file) => file.policies.length > 0) ? 1 : 0;
}
