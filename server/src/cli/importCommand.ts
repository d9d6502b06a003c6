import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { groupPolicyFormat, importGroupPolicy, importIntune, importSyncml, type ImportResult } from '../service';
import type { CliIo } from './io';
import { decodeText, documentOf, printEncodingProblem, readBytes, reportBlockingErrors } from './loadDocument';

export const IMPORT_USAGE = 'Usage: rapolicy import <file> [-o file.rapolicy.yaml]';

/**
 * `rapolicy import`: the Remote Assistance settings of a file as policy YAML. The content decides
 * how it is read: a Registry.pol by its bytes, LGPO text or a GroupPolicy script by its text, else
 * SyncML or an Intune export as `validate` would read it.
 */
export function importCommand(args: readonly string[], io: CliIo, writeFile: (file: string, text: string) => void = (f, t) => fs.writeFileSync(f, t)): number {
	let output: string | undefined;
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '-o' || args[i] === '--output') {
			output = args[++i];
		} else if (args[i].startsWith('-')) {
			io.stderr(`rapolicy import: unknown option ${args[i]}\n${IMPORT_USAGE}\n`);
			return 2;
		} else {
			files.push(args[i]);
		}
	}
	if (files.length !== 1 || (output !== undefined && output === '')) {
		io.stderr(`${IMPORT_USAGE}\n`);
		return 2;
	}
	const result = importFile(files[0], io);
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
		io.stderr(`rapolicy import: ${files[0]} sets no Remote Assistance policy\n`);
		return 1;
	}
	// Group Policy files hold hundreds of other values: the count keeps the outcome readable.
	if (result.skipped.length > 10) {
		io.stderr(`rapolicy import: ${result.skipped.length} items not converted (listed above)\n`);
	}
	if (output) {
		writeFile(path.resolve(io.cwd, output), result.yaml);
		io.stderr(`wrote ${output}\n`);
	} else {
		io.stdout(result.yaml);
	}
	return 0;
}

/** The import of the file, or the exit code after saying on stderr why there is none. */
function importFile(file: string, io: CliIo): ImportResult | number {
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
	if (reportBlockingErrors(doc, file, io)) {
		return 1;
	}
	return doc.language === 'syncml' ? importSyncml(doc) : importIntune(doc);
}
