import * as path from 'node:path';
import { admlBeside } from '../admxFiles';
import { importContent, planAdmxSaves, type CarriedAdmxFile, type ImportResult } from '../service';
import { decodeFile, fileContent } from '../common/decodeFile';
import { writeNewFiles, type NewFile } from '../common/writeNewFiles';
import { readIngestedAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { fileUri, printBlockingErrors, printEncodingProblem, readBytes, unknownForm } from './loadDocument';
import { CONFIG_USAGE, printConfigProblems, CliConfigs, takeConfigFlags } from './projectConfig';

export const IMPORT_USAGE = `Usage: rapolicy import [--admx APP=FILE]... [--admx-dir DIR] ${CONFIG_USAGE} <file> [-o file.rapolicy.yaml]`;

interface ImportArgs {
	readonly file: string;
	readonly output: string | undefined;
	readonly admx: readonly string[];
	readonly admxDir: string | undefined;
}

function parseArgs(args: readonly string[]): ImportArgs | string {
	let output: string | undefined;
	let admxDir: string | undefined;
	const admx: string[] = [];
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '-o' || args[i] === '--output') {
			output = args[++i] ?? '';
		} else if (args[i] === '--admx') {
			admx.push(args[++i] ?? '');
		} else if (args[i] === '--admx-dir') {
			admxDir = args[++i] ?? '';
		} else if (args[i].startsWith('-')) {
			return `unknown option ${args[i]}`;
		} else {
			files.push(args[i]);
		}
	}
	if (output === '' || admxDir === '') {
		return `${output === '' ? '-o' : '--admx-dir'} needs a name`;
	}
	return files.length === 1 ? { file: files[0], output, admx, admxDir } : 'one file to import';
}

/** A path as a profile writes it: relative, with / between folders on every system. */
function profilePath(from: string, to: string): string {
	return path.relative(from, to).split(path.sep).join('/');
}

/**
 * `rapolicy import`: the Remote Assistance settings of a file as policy YAML. The content decides
 * how it is read (a Registry.pol by its bytes, every other form by its text), with the ADMX files
 * SyncML or an Intune export ingests saved where the profile names them.
 */
export function importCommand(args: readonly string[], io: CliIo): number {
	const usage = (why: string) => {
		io.stderr(`rapolicy import: ${why}\n${IMPORT_USAGE}\n`);
		return 2;
	};
	const taken = takeConfigFlags(args);
	if (typeof taken === 'string') {
		return usage(taken);
	}
	const parsed = parseArgs(taken.rest);
	if (typeof parsed === 'string') {
		return usage(parsed);
	}
	const configs = CliConfigs.open(taken.flags, io, 'import');
	if (!configs) {
		return 2;
	}
	// The profile names every ADMX file relative to its own folder.
	const profileFolder = parsed.output === undefined ? io.cwd : path.dirname(path.resolve(io.cwd, parsed.output));
	const result = importFile(parsed, profileFolder, configs, io);
	if (typeof result === 'number') {
		return result;
	}
	for (const line of result.skipped) {
		io.stderr(`not converted: ${line}\n`);
	}
	for (const line of result.notes ?? []) {
		io.stderr(`note: ${line}\n`);
	}
	if (result.yaml === '') {
		io.stderr(`rapolicy import: ${parsed.file} sets no Remote Assistance policy\n`);
		return 1;
	}
	// Group Policy files hold hundreds of other values: the count keeps the outcome readable.
	if (result.skipped.length > 10) {
		io.stderr(`rapolicy import: ${result.skipped.length} items not converted (listed above)\n`);
	}
	const admx = admxWrites(result.admxFiles ?? [], profileFolder, parsed.admxDir, io);
	if (typeof admx === 'number') {
		return admx;
	}
	const files = admx.flatMap((a) => (a.file ? [a.file] : []));
	if (parsed.output) {
		const target = path.resolve(io.cwd, parsed.output);
		files.push({ target, shown: parsed.output, data: result.yaml, folder: path.dirname(target), makeFolders: true });
	}
	// The ADMX files and the profile are written together or not at all.
	const failed = writeNewFiles(files);
	if (failed !== undefined) {
		io.stderr(`rapolicy import: ${failed}; nothing was written\n`);
		return 2;
	}
	for (const line of admx.map((a) => a.said)) {
		io.stderr(line);
	}
	if (parsed.output) {
		io.stderr(`wrote ${parsed.output}\n`);
	} else {
		io.stdout(result.yaml);
	}
	return 0;
}

/** The text of an existing file, or undefined when there is none. */
function existingText(file: string, io: CliIo): string | undefined {
	let bytes: Uint8Array;
	try {
		bytes = io.readFile(file);
	} catch {
		return undefined;
	}
	const decoded = decodeFile(bytes);
	return 'text' in decoded ? decoded.text : '';
}

/**
 * The ADMX files the profile names, relative to its folder, to write as the plan says, each with
 * what to say once written; or the exit code after saying why none can be.
 */
function admxWrites(files: readonly CarriedAdmxFile[], profileFolder: string, admxDir: string | undefined, io: CliIo): { file: NewFile | undefined; said: string }[] | number {
	const folder = admxDir === undefined ? profileFolder : path.resolve(io.cwd, admxDir);
	const target = (file: CarriedAdmxFile) => path.resolve(profileFolder, file.file);
	const shown = (file: CarriedAdmxFile) => path.relative(io.cwd, target(file)) || target(file);
	const plan = planAdmxSaves(files, (file) => existingText(target(file), io));
	if ('clashes' in plan) {
		for (const file of plan.clashes) {
			io.stderr(`rapolicy import: ${shown(file)} exists and holds another file; it is not overwritten, so nothing was written. Move it, or save the ADMX files elsewhere with --admx-dir DIR\n`);
		}
		return 1;
	}
	return plan.saves.flatMap(({ file, write }) => {
		// SyncML and Intune carry the ADMX alone; display names come from the ADML beside it.
		const strings = admlBeside(target(file)) ? '' : '; put its ADML in en-US/ beside it for the display names';
		const said = `${write ? 'wrote' : 'kept'} ${shown(file)}${write ? '' : ' (the same ADMX)'}${strings}\n`;
		return [{ file: write ? { target: target(file), shown: shown(file), data: file.text, folder, makeFolders: true } : undefined, said }];
	});
}

/**
 * The import of the file, or the exit code after saying on stderr why there is none. The project
 * configuration of the file's folder gives the severities that refuse it and ADMX files ingested
 * elsewhere, under those `--admx` names.
 */
function importFile(args: ImportArgs, profileFolder: string, configs: CliConfigs, io: CliIo): ImportResult | number {
	const file = args.file;
	const config = configs.configFor(file);
	if (config === null) {
		return 2;
	}
	const bytes = readBytes(file, io, 'import');
	if (!bytes) {
		return 2;
	}
	const decoded = fileContent(bytes);
	if ('problem' in decoded) {
		printEncodingProblem(file, decoded.problem, io);
		return 2;
	}
	const { content } = decoded;
	const flagged = readIngestedAdmx(args.admx, io, 'import');
	if (!flagged) {
		return 2;
	}
	const ingested = [...flagged, ...configs.ingestedFor(config, flagged)];
	printConfigProblems(configs, io);
	const imported = importContent({ uri: fileUri(file, io), content }, {
		settings: configs.settingsFor(config),
		// Policies of an ADMX ingested elsewhere are checked against it, as validate --admx does.
		external: ingested.map((install) => ({ app: install.app, file: profilePath(profileFolder, install.path), source: install.source })),
		admxFolder: args.admxDir === undefined ? undefined : profilePath(profileFolder, path.resolve(io.cwd, args.admxDir)),
	});
	switch (imported.kind) {
		case 'unread':
			io.stderr(imported.language === undefined
				? unknownForm(file, 'import')
				: `rapolicy import: ${file} is ${imported.language === 'admx' ? 'an ADMX or ADML file' : 'already a policy file'}; import reads SyncML, an Intune export or a Group Policy file\n${IMPORT_USAGE}\n`);
			return 2;
		case 'refused':
			printBlockingErrors(imported.errors, file, io);
			return 1;
		case 'imported':
			return imported.result;
	}
}
