import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { admlBeside } from '../admxFiles';
import { groupPolicyFormat, importGroupPolicy, importIntune, importSyncml, withIngestedAdmx, type CarriedAdmxFile, type ImportOptions, type ImportResult } from '../service';
import { decodeFile } from '../common/decodeFile';
import { readIngestedAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { decodeText, documentOf, printEncodingProblem, readBytes, reportBlockingErrors } from './loadDocument';

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
 * how it is read: a Registry.pol by its bytes, LGPO text or a GroupPolicy script by its text, else
 * SyncML or an Intune export as `validate` would read it, with the ADMX files it ingests saved
 * where the profile names them.
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
 * Saves the ADMX files the profile names, relative to its folder: 0, or the exit code after saying
 * why not. A file already there with the same text is kept; one with other text is not
 * overwritten, and then nothing is written at all.
 */
function saveAdmx(files: readonly CarriedAdmxFile[], profileFolder: string, io: CliIo, writeFile: (file: string, text: string) => void): number {
	const planned = files.map((file) => {
		const target = path.resolve(profileFolder, file.file);
		const shown = path.relative(io.cwd, target) || target;
		const existing = existingText(target, io);
		return { file, target, shown, state: existing === undefined ? 'new' : existing === file.text ? 'same' : 'other' };
	});
	const taken = planned.filter((p) => p.state === 'other');
	for (const p of taken) {
		io.stderr(`rapolicy import: ${p.shown} exists and holds another file; it is not overwritten, so nothing was written. Move it, or save the ADMX files elsewhere with --admx-dir DIR\n`);
	}
	if (taken.length > 0) {
		return 1;
	}
	for (const p of planned) {
		if (p.state === 'new' && !tryWrite(p.target, p.shown, p.file.text, io, writeFile)) {
			return 2;
		}
		// SyncML and Intune carry the ADMX alone; display names come from the ADML beside it.
		const strings = admlBeside(p.target) ? '' : `; put its ADML in en-US/ beside it for the display names`;
		io.stderr(`${p.state === 'new' ? 'wrote' : 'kept'} ${p.shown}${p.state === 'same' ? ' (the same ADMX)' : ''}${strings}\n`);
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
	const uri = pathToFileURL(path.resolve(io.cwd, file)).toString();
	if (groupPolicyFormat(bytes) === 'registry-pol') {
		return importGroupPolicy(uri, 'registry-pol', bytes);
	}
	const text = decodeText(bytes, (p) => printEncodingProblem(file, p, io));
	if (text === undefined) {
		return 2;
	}
	const format = groupPolicyFormat(text);
	if (format) {
		return importGroupPolicy(uri, format, text);
	}
	const doc = documentOf(file, text, io, 'import');
	if (!doc) {
		return 2;
	}
	if (doc.language === 'rapolicy' || doc.language === 'admx') {
		io.stderr(`rapolicy import: ${file} is ${doc.language === 'admx' ? 'an ADMX or ADML file' : 'already a policy file'}; import reads SyncML, an Intune export or a Group Policy file\n${IMPORT_USAGE}\n`);
		return 2;
	}
	const ingested = readIngestedAdmx(args.admx, io, 'import');
	if (!ingested) {
		return 2;
	}
	// Policies of an ADMX ingested elsewhere are checked against it, as validate --admx does.
	if (reportBlockingErrors(withIngestedAdmx(doc, ingested), file, io)) {
		return 1;
	}
	const options: ImportOptions = {
		external: ingested.map((install) => ({ app: install.app, file: profilePath(profileFolder, install.path), source: install.source })),
		admxFolder: args.admxDir === undefined ? undefined : profilePath(profileFolder, path.resolve(io.cwd, args.admxDir)),
	};
	return doc.language === 'syncml' ? importSyncml(doc, options) : importIntune(doc, options);
}
