import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockingErrors, DEFAULT_SETTINGS, INTUNE_LANGUAGE, intuneShape, languageOf, parseDocument, type ParsedDocument } from '../service';
import type { CliIo } from './io';

/** Reads and parses a policy file, SyncML or an Intune export; reports why not on stderr and returns undefined. */
export function loadDocument(file: string, io: CliIo, command: string): ParsedDocument | undefined {
	let text: string;
	try {
		text = io.readFile(path.resolve(io.cwd, file));
	} catch (error) {
		io.stderr(`rapolicy ${command}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
		return undefined;
	}
	const uri = pathToFileURL(path.resolve(io.cwd, file)).toString();
	// An Intune export without Remote Assistance settings is still read, so it is reported clean
	// (validate) or as setting nothing (import) instead of as a file of the wrong kind.
	const language = languageOf(uri, undefined, text) ?? (file.toLowerCase().endsWith('.json') && intuneShape(text) ? INTUNE_LANGUAGE : undefined);
	if (!language && file.toLowerCase().endsWith('.json')) {
		io.stderr(`rapolicy ${command}: ${file} is not an Intune export (a custom profile with omaSettings, or a settings-catalog policy with settings)\n`);
		return undefined;
	}
	if (!language) {
		io.stderr(`rapolicy ${command}: ${file} is neither a policy file (*.rapolicy.yaml, *.rapolicy.yml) nor SyncML (*.syncml, *.syncml.xml, or .xml with a <SyncML> root)\n`);
		return undefined;
	}
	return parseDocument(uri, 0, text, language);
}

/** Prints the errors that stop `file` from being encoded; true when there were any. */
export function reportBlockingErrors(doc: ParsedDocument, file: string, io: CliIo): boolean {
	const errors = blockingErrors(doc, DEFAULT_SETTINGS);
	for (const e of errors) {
		io.stderr(`${file}:${e.line + 1}:${e.character + 1}: error ${e.code} ${e.message}\n`);
	}
	if (errors.length > 0) {
		io.stderr(`${file} has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}; fix ${errors.length === 1 ? 'it' : 'them'} first (rapolicy validate ${file}).\n`);
	}
	return errors.length > 0;
}
