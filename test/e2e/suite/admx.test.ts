import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
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

describe('ingested ADMX policies in SyncML', () => {
	it('reports the space in ~ Policy~ and the data id written as the policy name, and fixes the node', async () => {
		const uri = vscode.Uri.file(path.join(WORKSPACE, 'contoso-ingest.syncml'));
		const editor = await vscode.window.showTextDocument(uri);
		assert.equal(editor.document.languageId, 'syncml');
		const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.code === 'ingested-uri'), 'the ingestion diagnostics');
		const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => `${String(d.code)} ${editor.document.getText(d.range)}`);
		// The required element the wrong id stands for is not reported again as missing.
		assert.deepEqual(errors.sort(), ['ingested-uri  Policy', 'unknown-option L_PolicyConfigurationMode']);
		const uriProblem = diagnostics.find((d) => d.code === 'ingested-uri');
		assert.ok(uriProblem);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, uriProblem.range);
		const fix = actions.find((a) => a.isPreferred && a.title.startsWith('Change to ./Device/'));
		assert.ok(fix?.edit, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
		await vscode.workspace.applyEdit(fix.edit);
		assert.ok(editor.document.getText().includes('<LocURI>./Device/Vendor/MSFT/Policy/Config/ContosoCompanyApp~Policy~ParentCategoryArea~Category1/L_PolicyConfigurationMode</LocURI>'));
		await eventually(() => vscode.languages.getDiagnostics(uri), (d) => !d.some((x) => x.code === 'ingested-uri'), 'the node fixed');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});
});

describe('ADMX ingested by another profile (rapolicy.admx.ingested)', () => {
	it('checks a policy against the ADMX the setting names, once it names it', async () => {
		const uri = vscode.Uri.file(path.join(WORKSPACE, 'contoso-settings.syncml'));
		await vscode.window.showTextDocument(uri);
		await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.code === 'ingested-app'), 'the AppName named as not ingested');
		const config = vscode.workspace.getConfiguration('rapolicy');
		await config.update('admx.ingested', { ContosoCompanyApp: ['admx/AppAdmxFile01.admx'] }, vscode.ConfigurationTarget.Workspace);
		try {
			const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.code === 'unknown-option'), 'the payload checked against the ADMX');
			assert.deepEqual(diagnostics.map((d) => String(d.code)), ['unknown-option']);
		} finally {
			await config.update('admx.ingested', undefined, vscode.ConfigurationTarget.Workspace);
			await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		}
	});
});

describe('an ingested ADMX file edited on disk', () => {
	it('checks the open SyncML message that uses it again, without waiting for an edit of the message', async () => {
		const file = path.join(WORKSPACE, 'admx', 'edited.admx');
		const original = fs.readFileSync(path.join(WORKSPACE, 'admx', 'AppAdmxFile01.admx'), 'utf8');
		fs.writeFileSync(file, original);
		const uri = vscode.Uri.file(path.join(WORKSPACE, 'contoso-settings.syncml'));
		const config = vscode.workspace.getConfiguration('rapolicy');
		await config.update('admx.ingested', { ContosoCompanyApp: ['admx/edited.admx'] }, vscode.ConfigurationTarget.Workspace);
		try {
			await vscode.window.showTextDocument(uri);
			await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.length === 1 && d[0].code === 'unknown-option', 'the payload checked against the ADMX');
			fs.writeFileSync(file, original.replace('name="L_PolicyConfigurationMode"', 'name="L_PolicyConfigurationModeV2"'));
			const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri), (d) => !d.some((x) => x.code === 'unknown-option'), 'the policy renamed on disk');
			assert.deepEqual(diagnostics.map((d) => String(d.code)), ['ingested-uri']);
			assert.match(diagnostics[0].message, /has no policy L_PolicyConfigurationMode; did you mean L_PolicyConfigurationModeV2\?/);
		} finally {
			await config.update('admx.ingested', undefined, vscode.ConfigurationTarget.Workspace);
			await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
			fs.rmSync(file);
		}
	});
});

describe('a profile of ingested ADMX policies', () => {
	it('is checked against the ADMX its admx entry names, and exports SyncML that ingests the ADMX first and has no problem of its own', async () => {
		const uri = vscode.Uri.file(path.join(WORKSPACE, 'contoso-profile.rapolicy.yaml'));
		const editor = await vscode.window.showTextDocument(uri);
		// A wrong element id is reported against the ADMX, and the fix names the element.
		const at = editor.document.getText().indexOf('L_ServerAddressExternal_VALUE');
		await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'L_ServerAddressExternal_VALUE'.length)), 'L_ServerAddressExternal'));
		const diagnostics = await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.code === 'unknown-option'), 'the wrong element id');
		assert.deepEqual(diagnostics.map((d) => `${String(d.code)} ${editor.document.getText(d.range)}`), ['unknown-option L_ServerAddressExternal']);
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.length === 0, 'no diagnostics once reverted');
		const target = vscode.Uri.file(path.join(WORKSPACE, 'exported-contoso.syncml'));
		try {
			await vscode.commands.executeCommand('rapolicy.exportSyncml', uri, target);
			const exported = await vscode.workspace.openTextDocument(target);
			const text = exported.getText();
			assert.ok(text.indexOf('ADMXInstall/ContosoCompanyApp/Policy/AppAdmxFile01') < text.indexOf('ContosoCompanyApp~Policy~ParentCategoryArea~Category1/L_PolicyConfigurationMode'));
			// The sample ADMX itself draws warnings (categories without display names); the commands draw none.
			const found = await eventually(() => vscode.languages.getDiagnostics(target), (d) => d.length > 0, 'the export checked');
			assert.deepEqual(found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error || !String(d.code).startsWith('admx-')).map((d) => d.message), []);
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			fs.rmSync(target.fsPath, { force: true });
		}
	});
});
