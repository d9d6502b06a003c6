import * as vscode from 'vscode';
import { looksLikeSyncml } from '../../server/src/common/syncmlDetection';

/**
 * VS Code's `firstLine` matching sees only the first line, so an `.xml` file whose SyncML starts
 * below an XML declaration or a comment (a message, a SyncBody, or a profile of commands) is
 * recognised here instead.
 */
export function registerSyncmlDetection(context: vscode.ExtensionContext): void {
	const check = (document: vscode.TextDocument) => {
		if (document.languageId !== 'xml' || !document.uri.path.toLowerCase().endsWith('.xml')) {
			return;
		}
		const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 50), 0));
		if (looksLikeSyncml(head)) {
			void vscode.languages.setTextDocumentLanguage(document, 'syncml');
		}
	};
	vscode.workspace.textDocuments.forEach(check);
	context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
}
