import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from './wait';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;

describe('ADMX files', () => {
	it('are checked as they open: the key ingestion refuses and the undeclared prefix, at their text; the outline has the category and policy', async () => {
		const uri = vscode.Uri.file(path.join(WORKSPACE, 'contoso.admx'));
		const editor = await vscode.window.showTextDocument(uri);
		assert.equal(editor.document.languageId, 'admx');
		const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.length >= 2, 'the ADMX diagnostics');
		const found = diagnostics.map((d) => `${String(d.code)} ${editor.document.getText(d.range)}`).sort();
		assert.deepEqual(found, ['admx-ingestion Software\\Policies\\Microsoft\\Windows\\ContosoApp', 'admx-reference win:SUPPORTED_Windows10']);
		const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
		assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => [c.name, c.children.map((e) => e.name)])]), [['Cat_Contoso', [['KeepLogs', ['Days']]]]]);
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	});
});
