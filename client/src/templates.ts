import * as vscode from 'vscode';

/**
 * "New Remote Assistance Policy": picks one of the profiles in the extension's templates/ folder
 * and opens it as a new, unsaved policy file.
 */
export async function newPolicyFromTemplate(context: vscode.ExtensionContext, pick?: string): Promise<vscode.TextEditor | undefined> {
	const folder = vscode.Uri.joinPath(context.extensionUri, 'templates');
	const files = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => name.endsWith('.rapolicy.yaml')).map(([name]) => name).sort();
	const templates = await Promise.all(files.map(async (file) => {
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, file)));
		return { file, text, label: /^profile: (.*)$/m.exec(text)?.[1] ?? file, detail: /^description: (.*)$/m.exec(text)?.[1] };
	}));
	const chosen = pick !== undefined
		? templates.find((t) => t.file === pick || t.label === pick)
		: await vscode.window.showQuickPick(templates, { placeHolder: 'Start from which profile?', matchOnDetail: true });
	if (!chosen) {
		return undefined;
	}
	const document = await vscode.workspace.openTextDocument({ language: 'rapolicy', content: chosen.text });
	return vscode.window.showTextDocument(document);
}
