import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

/** Resolves once the document has diagnostics that satisfy `ready`; never a fixed sleep. */
function diagnosticsWhen(uri: vscode.Uri, ready: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
	return new Promise((resolve) => {
		const current = vscode.languages.getDiagnostics(uri);
		if (ready(current)) {
			resolve(current);
			return;
		}
		const listener = vscode.languages.onDidChangeDiagnostics((event) => {
			if (event.uris.some((u) => u.toString() === uri.toString())) {
				const diagnostics = vscode.languages.getDiagnostics(uri);
				if (ready(diagnostics)) {
					listener.dispose();
					resolve(diagnostics);
				}
			}
		});
	});
}

async function open(name: string): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(uriOf(name));
	return vscode.window.showTextDocument(document);
}

describe('Remote Assistance Policy extension', () => {
	it('turns on suggestions while typing keys and values, and no words from the file, in both languages', () => {
		for (const languageId of ['rapolicy', 'syncml']) {
			const editor = vscode.workspace.getConfiguration('editor', { languageId });
			assert.deepEqual(editor.get('quickSuggestions'), { other: 'on', comments: 'off', strings: 'on' }, languageId);
			assert.equal(editor.get('wordBasedSuggestions'), 'off', languageId);
		}
		assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'rapolicy' }).get('tabSize'), 2);
	});

	it('activates for a policy file and gives it the rapolicy language', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		assert.equal(editor.document.languageId, 'rapolicy');
		const extension = vscode.extensions.getExtension('rapolicy.rapolicy');
		assert.ok(extension, 'extension is installed');
		await extension.activate();
		assert.equal(extension.isActive, true);
	});

	it('shows the expected problems for a broken profile, at the right places', async () => {
		const editor = await open('broken.rapolicy.yaml');
		const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.length >= 2);
		const seen = diagnostics.map((d) => [String(d.code), editor.document.getText(d.range), d.severity]);
		assert.deepEqual(seen, [
			['decimal-range', '120', vscode.DiagnosticSeverity.Error],
			['unknown-policy', 'Sessionlogging', vscode.DiagnosticSeverity.Error],
		]);
		assert.ok(diagnostics.every((d) => d.source === 'rapolicy'));
	});

	it('completes policy names under policies', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('  SessionLogging'));
		await editor.edit((b) => b.insert(new vscode.Position(line, 0), '  \n'));
		const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 2));
		const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
		assert.ok(labels.includes('RA_Optimize_Bandwidth'), labels.join(', '));
		assert.ok(!labels.includes('SessionLogging'), 'a policy already in the profile is not proposed again');
		await vscode.commands.executeCommand('undo');
	});

	it('explains a policy on hover, with its OMA-URI and registry value', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		const line = editor.document.getText().split('\n').findIndex((l) => l.includes('UnsolicitedRemoteAssistance:'));
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 5));
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
		assert.match(text, /\.\/Device\/Vendor\/MSFT\/Policy\/Config\/RemoteAssistance\/UnsolicitedRemoteAssistance/);
		assert.match(text, /fAllowUnsolicited/);
	});

	it('fixes a misspelt policy name with its quick fix', async () => {
		const editor = await open('broken.rapolicy.yaml');
		const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => x.code === 'unknown-policy'));
		const target = diagnostics.find((d) => d.code === 'unknown-policy') as vscode.Diagnostic;
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
		const fix = actions.find((a) => a.title === 'Change to SessionLogging');
		assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
		assert.ok(await vscode.workspace.applyEdit(fix.edit));
		const after = await diagnosticsWhen(editor.document.uri, (d) => !d.some((x) => x.code === 'unknown-policy'));
		assert.deepEqual(after.map((d) => d.code), ['decimal-range']);
	});

	it('lets a setting switch a rule off', async () => {
		const editor = await open('broken.rapolicy.yaml');
		const config = vscode.workspace.getConfiguration('rapolicy');
		await config.update('validation.rules', { 'decimal-range': 'off' }, vscode.ConfigurationTarget.Global);
		try {
			const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => !d.some((x) => x.code === 'decimal-range'));
			assert.ok(!diagnostics.some((d) => d.code === 'decimal-range'));
		} finally {
			await config.update('validation.rules', undefined, vscode.ConfigurationTarget.Global);
		}
		await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => x.code === 'decimal-range'));
	});

	it('outlines profiles and policies', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
		assert.equal(symbols[0].name, 'Helpdesk Remote Assistance');
		assert.ok(symbols[0].children.some((c) => c.name === 'UnsolicitedRemoteAssistance'));
	});

	it('recognises SyncML by extension and by its root element, and leaves other XML alone', async () => {
		assert.equal((await open('plain.syncml')).document.languageId, 'syncml');
		const detectedUri = uriOf('detect-me.xml');
		const isSyncml = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === detectedUri.toString() && d.languageId === 'syncml');
		const switched = new Promise<void>((resolve) => {
			const listener = vscode.workspace.onDidOpenTextDocument(() => {
				if (isSyncml()) {
					listener.dispose();
					resolve();
				}
			});
		});
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(detectedUri));
		if (!isSyncml()) {
			await switched;
		}
		const other = await vscode.workspace.openTextDocument(uriOf('other.xml'));
		assert.notEqual(other.languageId, 'syncml');
	});
});
