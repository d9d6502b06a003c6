import * as vscode from 'vscode';
import { placeToEdit, profileFileName, profileNameOf } from './fileNames';

/**
 * Writes `content` as a new policy file in `folder`, named after its profile (never after its
 * first line) and never over an existing file, and opens it. With no folder (no workspace, or an
 * untitled source) it opens unsaved under that name, which Save proposes.
 */
export async function openNewProfile(content: string, folder: vscode.Uri | undefined): Promise<vscode.TextEditor> {
	const inFolder = folder ? await vscode.workspace.fs.readDirectory(folder).then((entries) => entries.map(([name]) => name), () => undefined) : undefined;
	const open = vscode.workspace.textDocuments.map((d) => d.uri.path.split('/').pop() ?? '');
	const taken = new Set([...inFolder ?? [], ...open]);
	const name = profileFileName(profileNameOf(content), (candidate) => taken.has(candidate));
	if (folder && inFolder) {
		const uri = vscode.Uri.joinPath(folder, name);
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
		return vscode.window.showTextDocument(uri);
	}
	const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
	// Filled before it is shown, so nothing typed can race the text in.
	const edit = new vscode.WorkspaceEdit();
	edit.insert(document.uri, new vscode.Position(0, 0), content);
	await vscode.workspace.applyEdit(edit);
	return vscode.window.showTextDocument(document);
}

/**
 * "New Remote Assistance Policy": picks one of the profiles in the extension's templates/ folder
 * and writes it as a new policy file in the first workspace folder; an example opens unsaved.
 */
export async function newPolicyFromTemplate(context: vscode.ExtensionContext, pick?: string, example = false): Promise<vscode.TextEditor | undefined> {
	const folder = vscode.Uri.joinPath(context.extensionUri, 'templates');
	const files = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => name.endsWith('.rapolicy.yaml')).map(([name]) => name).sort();
	const templates = await Promise.all(files.map(async (file) => {
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, file)));
		return { file, text, label: profileNameOf(text) ?? file, detail: /^description: (.*)$/m.exec(text)?.[1] };
	}));
	const chosen = pick !== undefined
		? templates.find((t) => t.file === pick || t.label === pick)
		: await vscode.window.showQuickPick(templates, { placeHolder: 'Start from which profile?', matchOnDetail: true });
	if (!chosen) {
		return undefined;
	}
	const editor = await openNewProfile(chosen.text, example ? undefined : vscode.workspace.workspaceFolders?.[0]?.uri);
	// A template is a start: the cursor waits on what the admin must change first.
	const place = placeToEdit(chosen.text);
	if (place) {
		editor.selection = new vscode.Selection(place.line, place.start, place.line, place.end);
		editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}
	return editor;
}
