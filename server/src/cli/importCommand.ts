import * as fs from 'node:fs';
import * as path from 'node:path';
import { importIntune, importSyncml } from '../service';
import type { CliIo } from './io';
import { loadDocument, reportBlockingErrors } from './loadDocument';

export const IMPORT_USAGE = 'Usage: rapolicy import <file.syncml|export.json> [-o file.rapolicy.yaml]';

/** `rapolicy import`: the Remote Assistance settings of a SyncML file or an Intune export as policy YAML. */
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
	const doc = loadDocument(files[0], io, 'import');
	if (!doc) {
		return 2;
	}
	if (doc.language === 'rapolicy') {
		io.stderr(`rapolicy import: ${files[0]} is already a policy file; import reads SyncML or an Intune export\n${IMPORT_USAGE}\n`);
		return 2;
	}
	if (reportBlockingErrors(doc, files[0], io)) {
		return 1;
	}
	const result = doc.language === 'syncml' ? importSyncml(doc) : importIntune(doc);
	for (const line of result.skipped) {
		io.stderr(`not converted: ${line}\n`);
	}
	if (result.yaml === '') {
		io.stderr(`rapolicy import: ${files[0]} sets no Remote Assistance policy\n`);
		return 1;
	}
	if (output) {
		writeFile(path.resolve(io.cwd, output), result.yaml);
		io.stderr(`wrote ${output}\n`);
	} else {
		io.stdout(result.yaml);
	}
	return 0;
}
