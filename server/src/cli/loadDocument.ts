import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockingErrors, fileLanguage, parseDocument, type ParsedDocument, type PreviewError, type Settings } from '../service';
import { decodeFile, type EncodingProblem } from '../common/decodeFile';
import { UnreadFile, type CliIo } from './io';

/**
 * Reads and parses a policy file, SyncML or an Intune export; reports why not on stderr and returns undefined. A file
 * whose encoding cannot be read is one problem, passed to `onEncoding` (by default printed like an
 * error of the file), instead of the XML errors its undecoded bytes would give.
 */
export function loadDocument(file: string, io: CliIo, command: string, onEncoding: (problem: EncodingProblem) => void = (p) => printEncodingProblem(file, p, io)): ParsedDocument | undefined {
	const bytes = readBytes(file, io, command);
	const text = bytes && decodeText(bytes, onEncoding);
	return text === undefined ? undefined : documentOf(file, text, io, command);
}

/** The file's bytes, or undefined after saying on stderr why they cannot be read. */
export function readBytes(file: string, io: CliIo, command: string): Uint8Array | undefined {
	try {
		return io.readFile(path.resolve(io.cwd, file));
	} catch (error) {
		const why = error instanceof UnreadFile ? error.message : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
		io.stderr(`rapolicy ${command}: ${file} ${why}\n`);
		return undefined;
	}
}

/** The bytes as text, or undefined after passing the encoding problem on. */
export function decodeText(bytes: Uint8Array, onEncoding: (problem: EncodingProblem) => void): string | undefined {
	const decoded = decodeFile(bytes);
	if ('problem' in decoded) {
		onEncoding(decoded.problem);
		return undefined;
	}
	return decoded.text;
}

/** Parses the text of `file` as the language its name and content say; reports why not on stderr. */
function documentOf(file: string, text: string, io: CliIo, command: string): ParsedDocument | undefined {
	const uri = fileUri(file, io);
	const language = fileLanguage(uri, text);
	if (!language) {
		io.stderr(unknownForm(file, command));
		return undefined;
	}
	return parseDocument(uri, 0, text, language);
}

/** The `file:` URI of a file named relative to the working folder. */
export function fileUri(file: string, io: CliIo): string {
	return pathToFileURL(path.resolve(io.cwd, file)).toString();
}

/** Why a file is not read: the forms its name promises. */
export function unknownForm(file: string, command: string): string {
	return file.toLowerCase().endsWith('.json')
		? `rapolicy ${command}: ${file} is not an Intune export (a custom profile with omaSettings, or a settings-catalog policy with settings)\n`
		: `rapolicy ${command}: ${file} is neither a policy file (*.rapolicy.yaml, *.rapolicy.yml) nor SyncML (*.syncml, *.syncml.xml, or .xml whose first element is <SyncML>, <SyncBody> or a command such as <Replace>)\n`;
}

/** Prints the errors that stop `file` from being encoded, with the severities `settings` give; true when there were any. */
export function reportBlockingErrors(doc: ParsedDocument, file: string, io: CliIo, settings: Settings): boolean {
	return printBlockingErrors(blockingErrors(doc, settings), file, io);
}

/** Prints errors that stop `file` from being encoded or imported, with what to do; true when there were any. */
export function printBlockingErrors(errors: readonly PreviewError[], file: string, io: CliIo): boolean {
	for (const e of errors) {
		io.stderr(`${file}:${e.line + 1}:${e.character + 1}: error ${e.code} ${e.message}\n`);
	}
	if (errors.length > 0) {
		io.stderr(`${file} has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}; fix ${errors.length === 1 ? 'it' : 'them'} first (rapolicy validate ${file}).\n`);
	}
	return errors.length > 0;
}

/** The code every encoding problem is reported under. */
export const ENCODING_CODE = 'xml-encoding';

export function printEncodingProblem(file: string, problem: EncodingProblem, io: CliIo): void {
	io.stderr(`${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: error ${ENCODING_CODE} ${problem.message}\n`);
}
