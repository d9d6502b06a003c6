import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RapolicyApi } from '../../../client/src/extension';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

async function api(): Promise<RapolicyApi> {
	const extension = vscode.extensions.getExtension<RapolicyApi>('rapolicy.rapolicy');
	assert.ok(extension);
	return extension.activate();
}

/** Polls until `read` gives a value that satisfies `ok`, for state that has no change event. */
async function eventually<T>(read: () => T, ok: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const value = read();
		if (ok(value)) {
			return value;
		}
		if (Date.now() > deadline) {
			assert.fail(`timed out waiting for ${what}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}

async function open(name: string): Promise<vscode.TextEditor> {
	return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(name)), vscode.ViewColumn.One);
}

const RAW = '<enabled/><data id="RA_Unsolicit_Control_List" value="1"/><data id="RA_Unsolicit_DACL_Edit" value="CORP\\RA-Helpdesk&#xF000;CORP\\RA-Helpdesk&#xF000;CORP\\RA-Tier2&#xF000;CORP\\RA-Tier2"/>';

describe('payload preview, copy, export and import', () => {
	it('opens the preview with the encoded payloads and follows edits', async () => {
		const rapolicy = await api();
		const editor = await open('helpdesk.rapolicy.yaml');
		await vscode.commands.executeCommand('rapolicy.previewPayload');
		const html = await eventually(() => rapolicy.previewHtml(editor.document.uri), (h) => h !== undefined && h.includes('UnsolicitedRemoteAssistance'), 'the preview');
		assert.ok(html?.includes('./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance'));
		assert.ok(html?.includes('&#60;enabled/&#62;&#60;data id=&#34;RA_Unsolicit_Control_List&#34; value=&#34;1&#34;/&#62;'), 'the raw payload, shown as text');
		assert.ok(html?.includes('&#38;lt;enabled/&#38;gt;'), 'the escaped form');
		assert.ok(html?.includes('#microsoft.graph.windows10CustomConfiguration'));
		assert.ok(html?.includes('fAllowUnsolicitedFullControl'));

		const line = editor.document.getText().split('\n').findIndex((l) => l.includes('RA_Unsolicit_Control_List'));
		const column = editor.document.lineAt(line).text.indexOf('remote-control');
		await editor.edit((b) => b.replace(new vscode.Range(line, column, line, column + 'remote-control'.length), 'view-only'));
		await eventually(() => rapolicy.previewHtml(editor.document.uri), (h) => h !== undefined && h.includes('RA_Unsolicit_Control_List&#34; value=&#34;0&#34;'), 'the preview to follow the edit');
		await editor.edit((b) => b.replace(new vscode.Range(line, column, line, column + 'view-only'.length), 'remote-contrl'));
		await eventually(() => rapolicy.previewHtml(editor.document.uri), (h) => h !== undefined && h.includes('enum-value') && !h.includes('&#60;enabled/&#62;&#60;data id=&#34;RA_Unsolicit'), 'the preview to show the error instead of a payload');
		// The next tests encode this file through the server: restore it without depending on which
		// editor has focus, and wait until the server has the restored text.
		await editor.edit((b) => b.replace(new vscode.Range(line, column, line, column + 'remote-contrl'.length), 'remote-control'));
		await editor.document.save();
		await eventually(() => rapolicy.previewHtml(editor.document.uri), (h) => h !== undefined && h.includes('RA_Unsolicit_Control_List&#34; value=&#34;1&#34;'), 'the preview to follow the restored text');
	});

	it('copies the raw payload of the policy at the cursor, as Intune takes it', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		const line = editor.document.getText().split('\n').findIndex((l) => l.includes('RA_Unsolicit_DACL_Edit'));
		editor.selection = new vscode.Selection(line, 4, line, 4);
		await vscode.env.clipboard.writeText('');
		await vscode.commands.executeCommand('rapolicy.copyPayload');
		assert.equal(await vscode.env.clipboard.readText(), RAW);
	});

	it('copies the OMA-URI, the SyncML form and the Intune row of the policy a lens names', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const uri = editor.document.uri.toString();
		const line = editor.document.getText().split('\n').findIndex((l) => l.includes('UnsolicitedRemoteAssistance:'));
		await vscode.commands.executeCommand('rapolicy.copyOmaUri', uri, line);
		assert.equal(await vscode.env.clipboard.readText(), './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance');
		await vscode.commands.executeCommand('rapolicy.copyPayloadForSyncml', uri, line);
		assert.equal(await vscode.env.clipboard.readText(), RAW.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
		await vscode.commands.executeCommand('rapolicy.copyIntuneRow', uri, line);
		assert.equal(await vscode.env.clipboard.readText(), `Name: Configure Offer Remote Assistance\nDescription: UnsolicitedRemoteAssistance: enabled\nOMA-URI: ./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance\nData type: String\nValue: ${RAW}`);
	});

	it('reveals the policy a lens names in the preview', async () => {
		const rapolicy = await api();
		const editor = await open('helpdesk.rapolicy.yaml');
		const line = editor.document.getText().split('\n').findIndex((l) => l.includes('SessionLogging'));
		await vscode.commands.executeCommand('rapolicy.previewPayload', editor.document.uri.toString(), line);
		await eventually(() => rapolicy.previewHtml(editor.document.uri), (h) => h !== undefined && h.includes(`data-reveal-line="${line}"`) && h.includes(`<article class="policy" data-line="${line}">`), 'the preview to reveal the policy');
	});

	it('writes a new profile into the workspace under a name made from the profile, with the helper group selected', async () => {
		const editor = await vscode.commands.executeCommand<vscode.TextEditor>('rapolicy.newPolicy', 'helpdesk-offers-help.rapolicy.yaml');
		assert.equal(editor.document.uri.toString(), uriOf('helpdesk-offers-remote-assistance.rapolicy.yaml').toString());
		assert.equal(editor.document.isDirty, false, 'written to disk already');
		assert.equal(editor.document.languageId, 'rapolicy');
		assert.equal(editor.document.getText(editor.selection), 'CONTOSO\\RA-Helpdesk');
		const second = await vscode.commands.executeCommand<vscode.TextEditor>('rapolicy.newPolicy', 'helpdesk-offers-help.rapolicy.yaml');
		assert.equal(path.basename(second.document.uri.path), 'helpdesk-offers-remote-assistance-2.rapolicy.yaml', 'never over an existing file');
		for (const document of [editor.document, second.document]) {
			await vscode.window.showTextDocument(document);
			await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
			await vscode.workspace.fs.delete(document.uri);
		}
	});

	it('exports SyncML that validates clean, and Intune JSON', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		const target = uriOf('exported.syncml');
		// The target is passed in, as a task would; the save dialog is for people.
		const written = await vscode.commands.executeCommand<vscode.Uri>('rapolicy.exportSyncml', editor.document.uri, target);
		assert.equal(written?.fsPath, target.fsPath);
		const exported = await vscode.workspace.openTextDocument(target);
		assert.equal(exported.languageId, 'syncml');
		assert.match(exported.getText(), /<Replace>\n {6}<CmdID>1<\/CmdID>/);
		await eventually(() => vscode.languages.getDiagnostics(target), (d) => d.length === 0, 'no diagnostics on the export');

		const intune = uriOf('exported.intune.json');
		await vscode.commands.executeCommand('rapolicy.exportIntune', editor.document.uri, intune);
		const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(intune))) as { '@odata.type': string; omaSettings: unknown[] };
		assert.equal(json['@odata.type'], '#microsoft.graph.windows10CustomConfiguration');
		assert.equal(json.omaSettings.length, 5);
	});

	it('exports for a further channel: a Fleet profile that validates clean and a binary Registry.pol', async () => {
		const editor = await open('helpdesk.rapolicy.yaml');
		const fleet = uriOf('exported.fleet.xml');
		await vscode.commands.executeCommand('rapolicy.exportChannel', editor.document.uri, fleet, 'fleet');
		const exported = await vscode.workspace.openTextDocument(fleet);
		assert.match(exported.getText(), /^<Replace>/);
		// A .xml file is recognised as SyncML by its content, just after it opens.
		await eventually(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === fleet.toString())?.languageId, (id) => id === 'syncml', 'the Fleet export read as SyncML');
		await eventually(() => vscode.languages.getDiagnostics(fleet), (d) => d.length === 0, 'no diagnostics on the Fleet export');
		const pol = uriOf('exported.pol');
		await vscode.commands.executeCommand('rapolicy.exportChannel', editor.document.uri, pol, 'registry-pol');
		const bytes = await vscode.workspace.fs.readFile(pol);
		assert.equal(Buffer.from(bytes.subarray(0, 8)).toString('hex'), '5052656701000000', 'PReg, version 1');
	});

	it('converts SyncML to policy YAML and opens it', async () => {
		await open('helpdesk.syncml');
		const yaml = await vscode.commands.executeCommand<vscode.TextDocument>('rapolicy.convertSyncmlToYaml');
		assert.equal(yaml.languageId, 'rapolicy');
		assert.equal(yaml.uri.toString(), uriOf('helpdesk-2.rapolicy.yaml').toString(), 'beside the source, named after its profile, helpdesk, with a number as helpdesk.rapolicy.yaml is there');
		assert.match(yaml.getText(), /UnsolicitedRemoteAssistance:\n {4}state: enabled\n {4}options:\n {6}RA_Unsolicit_Control_List: remote-control/);
		assert.match(yaml.getText(), /SolicitedRemoteAssistance: \{ state: not-configured \}/);
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		await vscode.workspace.fs.delete(yaml.uri);
	});
});
