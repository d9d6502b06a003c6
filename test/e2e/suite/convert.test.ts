import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));
const CONVERT = 'rapolicy.convertSyncmlToYaml';
const TS = 'Software\\Policies\\Microsoft\\Windows NT\\Terminal Services';

/** The policy lines of a converted profile, without its name and description, which follow the file's name. */
const policiesOf = (document: vscode.TextDocument) => document.getText().slice(document.getText().indexOf('policies:'));

/** Runs the conversion, checks the profile opened beside the source, and closes and deletes it. */
async function convert(...args: unknown[]): Promise<string> {
	const yaml = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(CONVERT, ...args);
	assert.ok(yaml, 'a profile was made');
	assert.equal(yaml.languageId, 'rapolicy');
	assert.equal(path.dirname(yaml.uri.fsPath), WORKSPACE, 'beside the source');
	const text = policiesOf(yaml);
	await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	await vscode.workspace.fs.delete(yaml.uri);
	return text;
}

describe('Convert to Policy YAML from every importable form', () => {
	const source = uriOf('helpdesk.rapolicy.yaml');
	let expected = '';

	before(async () => {
		// The reference: what the profile gives when converted back from SyncML, which keeps every state.
		await vscode.commands.executeCommand('rapolicy.exportChannel', source, uriOf('reference.syncml'), 'syncml');
		expected = await convert(uriOf('reference.syncml'));
		await vscode.workspace.fs.delete(uriOf('reference.syncml'));
	});

	for (const [channel, file] of [['registry-pol', 'gp.pol'], ['lgpo', 'gp.lgpo.txt'], ['powershell', 'gp.ps1'], ['intune', 'gp.intune.json'], ['settings-catalog', 'gp.settings-catalog.json'], ['fleet', 'gp.fleet.xml']] as const) {
		it(`the ${channel} export, named from the explorer, converts back to the same policies`, async () => {
			await vscode.commands.executeCommand('rapolicy.exportChannel', source, uriOf(file), channel);
			assert.equal(await convert(uriOf(file)), expected);
			await vscode.workspace.fs.delete(uriOf(file));
		});
	}

	it('LGPO text open in the editor converts with its unsaved edits', async () => {
		const file = uriOf('edited.lgpo.txt');
		await vscode.workspace.fs.writeFile(file, Buffer.from(`Computer\n${TS}\nLoggingEnabled\nDWORD:1\n`));
		const editor = await vscode.window.showTextDocument(file);
		await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `\nComputer\n${TS}\nfAllowToGetHelp\nDWORD:0\n`));
		const yaml = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(CONVERT);
		assert.equal(yaml && policiesOf(yaml), 'policies:\n  SessionLogging: { state: enabled }\n  SolicitedRemoteAssistance: { state: disabled }\n');
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
		await vscode.workspace.fs.delete(yaml!.uri);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		await vscode.workspace.fs.delete(file);
	});

	it('a file with no Remote Assistance setting, or of no known form, makes no profile', async () => {
		const nothing = uriOf('nothing-ra.lgpo.txt');
		await vscode.workspace.fs.writeFile(nothing, Buffer.from('Computer\nSoftware\\Policies\\Microsoft\\Windows\\Personalization\nNoLockScreen\nDWORD:1\n'));
		assert.equal(await vscode.commands.executeCommand(CONVERT, nothing), undefined);
		const notes = uriOf('hello-notes.txt');
		await vscode.workspace.fs.writeFile(notes, Buffer.from('hello\n'));
		assert.equal(await vscode.commands.executeCommand(CONVERT, notes), undefined);
		const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.file(WORKSPACE))).map(([name]) => name);
		assert.deepEqual(names.filter((n) => n.startsWith('nothing-ra') || n.startsWith('hello-notes')).sort(), ['hello-notes.txt', 'nothing-ra.lgpo.txt'], 'no profile was written');
		await vscode.workspace.fs.delete(nothing);
		await vscode.workspace.fs.delete(notes);
	});
});

describe('Convert to Policy YAML: ingested ADMX policies', () => {
	it('a SyncML export of a profile of ingested policies converts back with its ADMX saved beside the new profile', async () => {
		const folder = uriOf('ingested-round-trip');
		const exported = vscode.Uri.joinPath(folder, 'contoso.syncml');
		await vscode.workspace.fs.createDirectory(folder);
		try {
			await vscode.commands.executeCommand('rapolicy.exportChannel', uriOf('contoso-profile.rapolicy.yaml'), exported, 'syncml');
			const yaml = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(CONVERT, exported);
			assert.ok(yaml, 'a profile was made');
			const text = yaml.getText();
			assert.match(text, /admx:\n {2}- app: ContosoCompanyApp\n {4}file: AppAdmxFile01\.admx\n/);
			const original = (await vscode.workspace.openTextDocument(uriOf('contoso-profile.rapolicy.yaml'))).getText();
			assert.equal(text.slice(text.indexOf('policies:')), original.slice(original.indexOf('policies:')));
			const saved = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'AppAdmxFile01.admx'));
			assert.equal(Buffer.from(saved).toString('utf8'), fs.readFileSync(path.join(WORKSPACE, 'admx', 'AppAdmxFile01.admx'), 'utf8').replace(/^\uFEFF/, ''));
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		} finally {
			await vscode.workspace.fs.delete(folder, { recursive: true });
		}
	});
});
