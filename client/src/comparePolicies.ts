import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_REQUEST, type CompareParams, type CompareResult, type CompareSide, type FileDifference } from '../../server/src/common/protocol';
import { fileKindOf, overLimit } from '../../server/src/common/readLimits';
import { renderComparison } from './compareHtml';
import { baseName } from './previewPanel';

/** The part of the Git extension's API (`vscode.git`, version 1) the comparison uses. */
interface GitApi {
	getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string>; buffer?(ref: string, path: string): Promise<Uint8Array> } | null;
}

async function gitApi(): Promise<GitApi | undefined> {
	const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
	if (!extension) {
		return undefined;
	}
	const exports = extension.isActive ? extension.exports : await extension.activate();
	return exports?.getAPI(1);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A file as one side: an open document's text with its unsaved edits, else its bytes, refused over the cap of its kind. */
async function fileSide(uri: vscode.Uri): Promise<CompareSide> {
	const name = vscode.workspace.asRelativePath(uri);
	const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
	if (open && !uri.path.toLowerCase().endsWith('.pol')) {
		return { uri: uri.toString(), name, text: open.getText() };
	}
	const refused = overLimit((await vscode.workspace.fs.stat(uri)).size, fileKindOf(uri.path));
	if (refused) {
		throw new Error(`${name} ${refused}`);
	}
	return { uri: uri.toString(), name, base64: base64(await vscode.workspace.fs.readFile(uri)) };
}

/** The file as the last commit holds it; undefined where Git or the repository is not there. */
async function committedSide(uri: vscode.Uri): Promise<CompareSide | undefined> {
	const repository = (await gitApi())?.getRepository(uri);
	if (!repository) {
		return undefined;
	}
	const name = `${vscode.workspace.asRelativePath(uri)} at HEAD`;
	// A Registry.pol is binary, which show() would decode as text.
	return repository.buffer ? { uri: uri.toString(), name, base64: base64(await repository.buffer('HEAD', uri.fsPath)) } : { uri: uri.toString(), name, text: await repository.show('HEAD', uri.fsPath) };
}

async function pickFile(title: string): Promise<vscode.Uri | undefined> {
	const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, openLabel: 'Compare', filters: { 'Policy files': ['yaml', 'yml', 'syncml', 'xml', 'json', 'pol', 'txt', 'ps1'], 'All files': ['*'] } });
	return picked?.[0];
}

/**
 * The two sides: the two files named (the explorer's selection, or a test's arguments), else the
 * active or a picked file against its last commit or another file. Undefined when the user stops.
 */
async function chooseSides(first: unknown, second: unknown): Promise<[CompareSide, CompareSide] | undefined> {
	const selection = Array.isArray(second) ? second.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
	if (selection.length === 2) {
		return [await fileSide(selection[0]), await fileSide(selection[1])];
	}
	if (first instanceof vscode.Uri && second instanceof vscode.Uri) {
		return [await fileSide(first), await fileSide(second)];
	}
	const file = first instanceof vscode.Uri ? first : (vscode.window.activeTextEditor?.document.uri ?? (await pickFile('The file to compare')));
	if (!file) {
		return undefined;
	}
	const choice = await vscode.window.showQuickPick(['Its last committed version', 'Another file…'], { placeHolder: `Compare ${baseName(file)} with` });
	if (choice === 'Its last committed version') {
		const committed = await committedSide(file).catch(() => undefined);
		if (committed) {
			return [committed, await fileSide(file)];
		}
		const other = await vscode.window.showInformationMessage(`${baseName(file)} has no committed version to compare with: Git is not available, or the file is not in a repository or not committed.`, 'Pick Another File…');
		if (other !== 'Pick Another File…') {
			return undefined;
		}
	} else if (choice === undefined) {
		return undefined;
	}
	const otherFile = await pickFile(`Compare ${baseName(file)} with`);
	return otherFile && [await fileSide(otherFile), await fileSide(file)];
}

/**
 * *Compare Policies…*: what two policy files of any forms set differently, worked out by the
 * server and shown as a page beside the editor. Gives the difference, for tests and other callers.
 */
export async function comparePolicies(server: () => Promise<LanguageClient>, first?: unknown, second?: unknown): Promise<FileDifference | undefined> {
	let sides: [CompareSide, CompareSide] | undefined;
	try {
		sides = await chooseSides(first, second);
	} catch (error) {
		void vscode.window.showErrorMessage(`Compare Policies: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
	if (!sides) {
		return undefined;
	}
	const params: CompareParams = { before: sides[0], after: sides[1] };
	const result = await (await server()).sendRequest<CompareResult>(COMPARE_REQUEST, params);
	if ('error' in result) {
		void vscode.window.showErrorMessage(`Compare Policies: ${result.error}`);
		return undefined;
	}
	const panel = vscode.window.createWebviewPanel('rapolicy.compare', `Policies: ${baseName(vscode.Uri.parse(params.after.uri))}`, vscode.ViewColumn.Active, { enableFindWidget: true, localResourceRoots: [] });
	panel.webview.html = renderComparison(result, randomBytes(16).toString('base64'), panel.webview.cspSource);
	return result;
}
