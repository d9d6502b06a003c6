import type { IngestedWrite } from '../ingestion/ingestedWrite';
import { parseConfigureUri, parseInstallUri } from '../mdm/ingestedUri';
import type { ParsedSyncml } from '../document/document';
import { parseRemoteAssistanceUri } from '../catalog/omaUri';
import { parsePayload } from '../mdm/payload';
import { placeCommand } from '../syncml/syncmlLocate';
import { allCommands, type SyncmlCommand, type SyncmlItem } from '../syncml/syncmlModel';
import type { CarriedAdmxFile, ImportOptions } from './importIngested';
import { importProfile } from './importedProfile';
import { baseName, resolveProfiles } from '../export/resolve';

export interface ImportResult {
	readonly yaml: string;
	/** What was left out, one line each, for the user to review. */
	readonly skipped: readonly string[];
	/** What was converted but read in a way the user should know of, one line each. */
	readonly notes?: readonly string[];
	/** The ADMX files the source carries, which the profile names: to be saved before it is read. */
	readonly admxFiles?: readonly CarriedAdmxFile[];
}

/** An item that ingests an ADMX or sets a policy of one, as the import reads it; undefined for any other. `base` turns the item's offsets into the file's. */
function ingestedWrite(command: SyncmlCommand, item: SyncmlItem, uri: string, where: string, base: number): IngestedWrite | undefined {
	const data = item.data && item.data.form !== 'empty' ? item.data : undefined;
	const offset = base + item.element.start;
	const nameSpan = item.locUri ? { start: base + item.locUri.start, end: base + item.locUri.end } : { start: offset, end: offset };
	const install = parseInstallUri(uri);
	if (install) {
		return { kind: 'install', where, command: command.name, offset, nameSpan, node: install, text: data?.decoded.value };
	}
	const node = parseConfigureUri(uri);
	const writes = command.name === 'Add' || command.name === 'Replace';
	return node && { kind: 'configure', where, command: command.name, offset, nameSpan, node, uri, payload: writes && data ? parsePayload(data) : undefined };
}

/**
 * The items of a message that ingest ADMX files or set their policies, in file offsets; the
 * items that are neither, and reads of Remote Assistance policies, are named in `skipped`.
 */
export function ingestedWrites(doc: ParsedSyncml, skipped: string[]): IngestedWrite[] {
	const ingested: IngestedWrite[] = [];
	for (const chunk of doc.chunks) {
		// The parse lets go of each Data once checked; a command that ingests is read again whole, in file offsets.
		const whole = chunk.result.ingestion !== undefined;
		const commands = whole ? allCommands(placeCommand(doc, chunk).command) : chunk.result.commands;
		const base = whole ? 0 : chunk.start;
		for (const command of commands) {
			for (const item of command.items) {
				const uri = item.locUri?.value ?? '(no LocURI)';
				const line = doc.lines.positionAt(base + item.element.start).line + 1;
				const write = ingestedWrite(command, item, uri, `line ${line}: ${command.name} ${uri}`, base);
				if (write) {
					ingested.push(write);
				} else if (!parseRemoteAssistanceUri(uri)) {
					skipped.push(`line ${line}: ${command.name} ${uri}: not a Remote Assistance policy`);
				} else if (command.name === 'Get') {
					skipped.push(`line ${line}: Get ${uri}: a read, not a setting`);
				}
			}
		}
	}
	return ingested;
}

/**
 * Turns the Remote Assistance items of a SyncML message (without errors) into a policy profile, and
 * the ADMX files it ingests with their policies, read against them or against `options.external`.
 * Reads, other CSPs and later settings of an already converted policy are reported, not converted.
 */
export function importSyncml(doc: ParsedSyncml, options: ImportOptions = {}): ImportResult {
	const skipped: string[] = [];
	const notes: string[] = [];
	const ingested = ingestedWrites(doc, skipped);
	const [profile] = resolveProfiles(doc);
	const name = baseName(doc.uri);
	const imported = importProfile({ name, description: `Converted from ${name} SyncML.`, builtin: profile?.policies ?? [], ingested, lines: doc.lines, kind: 'message' }, options, skipped, notes);
	return { yaml: imported.yaml, skipped, notes, admxFiles: imported.admxFiles };
}
