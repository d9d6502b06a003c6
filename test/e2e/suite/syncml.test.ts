import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

function diagnosticsWhen(uri: vscode.Uri, ready: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
	return new Promise((resolve) => {
		const check = () => {
			const diagnostics = vscode.languages.getDiagnostics(uri);
			if (ready(diagnostics)) {
				listener.dispose();
				resolve(diagnostics);
			}
		};
		const listener = vscode.languages.onDidChangeDiagnostics((event) => {
			if (event.uris.some((u) => u.toString() === uri.toString())) {
				check();
			}
		});
		check();
	});
}

async function open(name: string): Promise<vscode.TextEditor> {
	return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(name)));
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
	const offset = document.getText().indexOf(needle);
	assert.ok(offset >= 0, `${needle} not found`);
	return document.positionAt(offset + delta);
}

describe('SyncML', () => {
	it('reports problems inside the escaped payload and a raw payload, at the exact characters', async () => {
		const editor = await open('broken.syncml');
		assert.equal(editor.document.languageId, 'syncml');
		const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.length >= 2);
		assert.deepEqual(diagnostics.map((d) => [String(d.code), editor.document.getText(d.range)]), [
			['decimal-range', '120'],
			['raw-payload', 'Data'],
		]);
	});

	it('escapes a raw payload with its quick fix', async () => {
		const editor = await open('broken.syncml');
		const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => x.code === 'raw-payload'));
		const raw = diagnostics.find((d) => d.code === 'raw-payload') as vscode.Diagnostic;
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, raw.range, vscode.CodeActionKind.QuickFix.value);
		const escape = actions.find((a) => a.title === 'Escape the payload');
		assert.ok(escape?.edit, actions.map((a) => a.title).join(', '));
		assert.ok(await vscode.workspace.applyEdit(escape.edit));
		assert.ok(editor.document.getText().includes('<Data>&lt;enabled/&gt;</Data>'));
		await diagnosticsWhen(editor.document.uri, (d) => !d.some((x) => x.code === 'raw-payload'));
	});

	it('completes enum values inside the payload with their labels', async () => {
		const editor = await open('helpdesk.syncml');
		const position = positionOf(editor.document, 'id="RA_Unsolicit_Control_List" value="', 'id="RA_Unsolicit_Control_List" value="'.length);
		const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
		const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
		assert.ok(labels.includes('0') && labels.includes('1'), labels.join(', '));
	});

	it('explains the policy of a LocURI on hover', async () => {
		const editor = await open('helpdesk.syncml');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'SessionLogging</LocURI>', 3));
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
		assert.match(text, /LoggingEnabled/);
	});
});

describe('files admins already have', () => {
	it('reads a Fleet profile saved as .xml as SyncML and checks its Remote Assistance payload', async () => {
		const editor = await open('fleet-profile.xml');
		assert.equal(editor.document.languageId, 'syncml');
		const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.length > 0);
		assert.deepEqual(diagnostics.map((d) => [String(d.code), editor.document.getText(d.range)]), [['enum-value', '7']]);
	});

	it('checks an Intune custom-profile export opened as JSON, inside the JSON string, and leaves other JSON alone', async () => {
		const editor = await open('intune-custom-profile.json');
		assert.equal(editor.document.languageId, 'json');
		const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => x.source === 'rapolicy'));
		assert.deepEqual(diagnostics.filter((d) => d.source === 'rapolicy').map((d) => [String(d.code), editor.document.getText(d.range)]), [['enum-value', '7']]);
		const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Config/RemoteAssistance/UnsolicitedRemoteAssistance', 30));
		assert.ok(hover.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('Configure Offer Remote Assistance'))), 'the policy is explained on hover');

		const other = await open('app-settings.json');
		// The server answers other JSON with nothing: give it the time a check takes, then look.
		await new Promise((r) => setTimeout(r, 1500));
		assert.deepEqual(vscode.languages.getDiagnostics(other.document.uri).filter((d) => d.source === 'rapolicy'), []);
	});
});
