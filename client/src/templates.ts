import * as vscode from 'vscode';
import { placeToEdit, profileFileName, profileNameOf } from './fileNames';

/**
 * Opens `content` as a new, unsaved policy file named after its profile (never after its first
 * line), in `folder` when there is one: saving writes it there under that name.
 */
export async function openNewProfile(content: string, folder: vscode.Uri | undefined): Promise<vscode.TextEditor> {
	const inFolder = folder ? await vscode.workspace.fs.readDirectory(folder).then((entries) => entries.map(([name]) => name), () => []) : [];
	const taken = new Set([...inFolder, ...vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.path.split('/').pop() ?? '')]);
	const name = profileFileName(profileNameOf(content), (candidate) => taken.has(candidate));
	const uri = folder ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
	const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
	await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
	editor.selection = new vscode.Selection(0, 0, 0, 0);
	return editor;
}

/**
 * "New Remote Assistance Policy": picks one of the profiles in the extension's templates/ folder
 * and opens it as a new policy file in the first workspace folder.
 */
export async function newPolicyFromTemplate(context: vscode.ExtensionContext, pick?: string): Promise<vscode.TextEditor | undefined> {
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
	const editor = await openNewProfile(chosen.text, vscode.workspace.workspaceFolders?.[0]?.uri);
	// A template is a start: the cursor waits on what the admin must change first.
	const place = placeToEdit(chosen.text);
	if (place) {
		editor.selection = new vscode.Selection(place.line, place.start, place.line, place.end);
		editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}
	return editor;
}
