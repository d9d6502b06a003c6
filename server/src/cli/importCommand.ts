import * as fs from 'node:fs';
import * as path from 'node:path';
import { admlBeside } from '../admxFiles';
import { DEFAULT_SETTINGS, importContent, planAdmxSaves, type CarriedAdmxFile, type ImportResult } from '../service';
import { startsWithPReg } from '../common/registryPolSignature';
import { decodeFile } from '../common/decodeFile';
import { readIngestedAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { decodeText, fileUri, printBlockingErrors, printEncodingProblem, readBytes, unknownForm } from './loadDocument';

export const IMPORT_USAGE = 'Usage: rapolicy import [--admx APP=FILE]... [--admx-dir DIR] <file> [-o file.rapolicy.yaml]';

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
export function importCommand(args: readonly string[], io: CliIo, writeFile: (file: string, text: string) => void = (f, t) => fs.writeFileSync(f, t)): number {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`rapolicy import: ${parsed}\n${IMPORT_USAGE}\n`);
		return 2;
	}
	// The profile names every ADMX file relative to its own folder.
	const profileFolder = parsed.output === undefined ? io.cwd : path.dirname(path.resolve(io.cwd, parsed.output));
	const result = importFile(parsed, profileFolder, io);
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
	const saved = saveAdmx(result.admxFiles ?? [], profileFolder, io, writeFile);
	if (saved !== 0) {
		return saved;
	}
	if (parsed.output) {
		if (!tryWrite(path.resolve(io.cwd, parsed.output), parsed.output, result.yaml, io, writeFile)) {
			return 2;
		}
		io.stderr(`wrote ${parsed.output}\n`);
	} else {
		io.stdout(result.yaml);
	}
	return 0;
}

/** Writes a file, and the folders it goes in; false after saying on stderr why it could not. */
function tryWrite(target: string, shown: string, text: string, io: CliIo, writeFile: (file: string, text: string) => void): boolean {
	try {
		fs.mkdirSync(path.dirname(target), { recursive: true });
		writeFile(target, text);
		return true;
	} catch (error) {
		io.stderr(`rapolicy import: cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
		return false;
	}
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
 * Saves the ADMX files the profile names, relative to its folder, as the plan says: 0, or the
 * exit code after saying why not.
 */
function saveAdmx(files: readonly CarriedAdmxFile[], profileFolder: string, io: CliIo, writeFile: (file: string, text: string) => void): number {
	const target = (file: CarriedAdmxFile) => path.resolve(profileFolder, file.file);
	const shown = (file: CarriedAdmxFile) => path.relative(io.cwd, target(file)) || target(file);
	const plan = planAdmxSaves(files, (file) => existingText(target(file), io));
	if ('clashes' in plan) {
		for (const file of plan.clashes) {
			io.stderr(`rapolicy import: ${shown(file)} exists and holds another file; it is not overwritten, so nothing was written. Move it, or save the ADMX files elsewhere with --admx-dir DIR\n`);
		}
		return 1;
	}
	for (const { file, write } of plan.saves) {
		if (write && !tryWrite(target(file), shown(file), file.text, io, writeFile)) {
			return 2;
		}
		// SyncML and Intune carry the ADMX alone; display names come from the ADML beside it.
		const strings = admlBeside(target(file)) ? '' : `; put its ADML in en-US/ beside it for the display names`;
		io.stderr(`${write ? 'wrote' : 'kept'} ${shown(file)}${write ? '' : ' (the same ADMX)'}${strings}\n`);
	}
	return 0;
}

/** The import of the file, or the exit code after saying on stderr why there is none. */
function importFile(args: ImportArgs, profileFolder: string, io: CliIo): ImportResult | number {
	const file = args.file;
	const bytes = readBytes(file, io, 'import');
	if (!bytes) {
		return 2;
	}
	// A Registry.pol is read as bytes; every other form as text.
	const content = startsWithPReg(bytes) ? bytes : decodeText(bytes, (p) => printEncodingProblem(file, p, io));
	if (content === undefined) {
		return 2;
	}
	const ingested = readIngestedAdmx(args.admx, io, 'import');
	if (!ingested) {
		return 2;
	}
	const imported = importContent({ uri: fileUri(file, io), content }, {
		settings: DEFAULT_SETTINGS,
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
