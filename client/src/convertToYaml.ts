import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_REQUEST, type CarriedAdmxFile, type ImportParams, type ImportRequestResult } from '../../server/src/common/protocol';
import { planAdmxSaves } from '../../server/src/common/admxSaves';
import { writeNewFiles } from '../../server/src/common/writeNewFiles';
import { decodeFile } from '../../server/src/common/decodeFile';
import { fileKindOf, overLimit } from '../../server/src/common/readLimits';
import { startsWithPReg } from '../../server/src/common/registryPolSignature';
import { baseName } from './previewPanel';
import { openNewProfile } from './templates';

/** The folder a converted profile goes to: the source's, or the workspace's for a source with no folder. */
function folderOf(source: vscode.Uri): vscode.Uri | undefined {
	return source.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(source, '..');
}

/**
 * The file to convert: the one a menu names, else the active editor's, else the active tab's (a
 * Registry.pol shows in a tab without a text editor).
 */
function sourceUri(uri: unknown): vscode.Uri | undefined {
	if (uri instanceof vscode.Uri || typeof uri === 'string') {
		return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
	}
	const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
	return vscode.window.activeTextEditor?.document.uri ?? (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined);
}

/**
 * What the server needs to read the file: its text as the editor has it (unsaved edits count), or
 * a Registry.pol's bytes. The server reads a SyncML or Intune file it already has from its own copy.
 */
async function importParams(uri: vscode.Uri): Promise<ImportParams | string> {
	let document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
	if (!document) {
		// Only a regular file within its kind's cap is read (a pipe or a device never ends).
		const stat = await vscode.workspace.fs.stat(uri);
		const refused = (stat.type & vscode.FileType.File) === 0 ? 'is not a regular file' : overLimit(stat.size, fileKindOf(uri.path));
		if (refused !== undefined) {
			return `${baseName(uri)} ${refused}.`;
		}
		const bytes = await vscode.workspace.fs.readFile(uri);
		// A Registry.pol is sent as bytes, every other file as the text VS Code decodes.
		if (startsWithPReg(bytes)) {
			return { uri: uri.toString(), base64: Buffer.from(bytes).toString('base64') };
		}
		document = await vscode.workspace.openTextDocument(uri);
	}
	if (document.languageId === 'rapolicy') {
		return `${baseName(uri)} is already a policy file.`;
	}
	return { uri: uri.toString(), text: document.getText() };
}

/** A file's text as the ADMX reader and `rapolicy import` take it; an undecodable file is never the same text. */
function textOf(bytes: Uint8Array): string {
	const decoded = decodeFile(bytes);
	return 'text' in decoded ? decoded.text : '';
}

/**
 * Saves the ADMX files the converted profile names, relative to its folder, as the plan says;
 * false, with the reason shown, when one would be written over. Without a folder the profile
 * opens unsaved, naming files it cannot read yet, which it says.
 */
async function saveAdmxFiles(files: readonly CarriedAdmxFile[], folder: vscode.Uri | undefined, name: string): Promise<boolean> {
	if (files.length === 0) {
		return true;
	}
	if (!folder) {
		void vscode.window.showWarningMessage(`${name} carries ${files.map((f) => f.file).join(', ')}, which the new profile ingests but which cannot be saved without a folder: open a folder and convert again, or run rapolicy import.`);
		return true;
	}
	const place = (file: CarriedAdmxFile) => vscode.Uri.joinPath(folder, ...file.file.split('/'));
	const existing = new Map(await Promise.all(files.map(async (file) => [file.file, await vscode.workspace.fs.readFile(place(file)).then(textOf, () => undefined)] as const)));
	const plan = planAdmxSaves(files, (file) => existing.get(file.file));
	if ('clashes' in plan) {
		const taken = plan.clashes.map((f) => f.file);
		void vscode.window.showErrorMessage(`${taken.join(', ')} already ${taken.length === 1 ? 'exists' : 'exist'} beside ${name} with other content, and would be overwritten by the ADMX it carries. Move ${taken.length === 1 ? 'it' : 'them'} and convert again (rapolicy import --admx-dir saves them elsewhere).`);
		return false;
	}
	const writes = plan.saves.filter((save) => save.write).map((save) => save.file);
	if (folder.scheme === 'file') {
		// On disk each file is created exclusively inside the folder, all or none, as rapolicy import does.
		const failed = writeNewFiles(writes.map((file) => ({ target: place(file).fsPath, shown: file.file, data: file.text, folder: folder.fsPath, makeFolders: true })));
		if (failed !== undefined) {
			void vscode.window.showErrorMessage(`${failed}; no ADMX file was written. Move it and convert again.`);
			return false;
		}
		return true;
	}
	for (const file of writes) {
		await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(place(file), '..'));
		await vscode.workspace.fs.writeFile(place(file), new TextEncoder().encode(file.text));
	}
	return true;
}

/**
 * *Convert to Policy YAML*: the Remote Assistance settings of SyncML, an Intune export, a
 * Registry.pol, LGPO text or a GroupPolicy script, as a new profile beside the source, with the
 * ADMX files SyncML or a custom profile ingests saved beside it. What was left out, and how
 * deletions were read, go to the log, with a notice that points there.
 */
export async function convertToYaml(client: LanguageClient, log: vscode.LogOutputChannel, uri: unknown): Promise<vscode.TextDocument | undefined> {
	const source = sourceUri(uri);
	if (!source) {
		void vscode.window.showWarningMessage('Open a SyncML file, an Intune export or a Group Policy file (Registry.pol, LGPO text, GroupPolicy script) to convert it to policy YAML.');
		return undefined;
	}
	const params = await importParams(source);
	if (typeof params === 'string') {
		void vscode.window.showInformationMessage(params);
		return undefined;
	}
	const result = await client.sendRequest<ImportRequestResult>(IMPORT_REQUEST, params);
	const name = baseName(source);
	if (!result) {
		void vscode.window.showWarningMessage(`${name} is not a form Remote Assistance policies are read from: SyncML, an Intune custom-profile or settings-catalog export, a Registry.pol, LGPO text or a script with Set-GPRegistryValue.`);
		return undefined;
	}
	if (result.errors.length > 0) {
		void vscode.window.showErrorMessage(`${name} has ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}; fix ${result.errors.length === 1 ? 'it' : 'them'} before converting. First: ${result.errors[0]}`);
		return undefined;
	}
	const details = [...result.skipped.map((s) => `not converted: ${s}`), ...(result.notes ?? []).map((n) => `note: ${n}`)];
	if (details.length > 0) {
		log.info(`Converting ${name}:\n${details.join('\n')}`);
	}
	if (result.yaml === '') {
		void vscode.window.showWarningMessage(`${name} sets no Remote Assistance policy.`, ...(details.length > 0 ? ['Show details'] : [])).then((show) => show && log.show(true));
		return undefined;
	}
	// The ADMX files go first, so the new profile finds them when it is checked.
	const folder = folderOf(source);
	if (!(await saveAdmxFiles(result.admxFiles ?? [], folder, name))) {
		return undefined;
	}
	const editor = await openNewProfile(result.yaml, folder);
	if (result.skipped.length > 0) {
		// Not awaited: the new document is the result, the notice only points at the details.
		void vscode.window.showWarningMessage(`${result.skipped.length} ${result.skipped.length === 1 ? 'item was' : 'items were'} not converted.`, 'Show details').then((show) => show && log.show(true));
	}
	return editor.document;
}
