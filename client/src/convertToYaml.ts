import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_REQUEST, type ImportParams, type ImportRequestResult } from '../../server/src/common/protocol';
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

/**
 * *Convert to Policy YAML*: the Remote Assistance settings of SyncML, an Intune export, a
 * Registry.pol, LGPO text or a GroupPolicy script, as a new profile beside the source. What was
 * left out, and how deletions were read, go to the log, with a notice that points there.
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
	const editor = await openNewProfile(result.yaml, folderOf(source));
	if (result.skipped.length > 0) {
		// Not awaited: the new document is the result, the notice only points at the details.
		void vscode.window.showWarningMessage(`${result.skipped.length} ${result.skipped.length === 1 ? 'item was' : 'items were'} not converted.`, 'Show details').then((show) => show && log.show(true));
	}
	return editor.document;
}
