import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RapolicyApi } from '../../../client/src/extension';
import { eventually } from './wait';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

async function api(): Promise<RapolicyApi> {
	const extension = vscode.extensions.getExtension<RapolicyApi>('rapolicy.rapolicy');
	assert.ok(extension);
	return extension.activate();
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

/** Opens a document and waits for the first diagnostics published for it, so that none means checked and clean. */
async function checkedDiagnostics(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
	const published = new Promise<void>((resolve) => {
		const listener = vscode.languages.onDidChangeDiagnostics((event) => {
			if (event.uris.some((u) => u.toString() === uri.toString())) {
				listener.dispose();
				resolve();
			}
		});
	});
	await vscode.workspace.openTextDocument(uri);
	await published;
	return vscode.languages.getDiagnostics(uri);
}

/** The records of a Registry.pol body, `[key;value;type;size;data]` with UTF-16LE text, read to its last byte. */
function polRecords(bytes: Buffer): { key: string; value: string; type: number; data: Buffer }[] {
	let at = 8;
	const expect = (c: string) => {
		assert.equal(bytes.toString('utf16le', at, at + 2), c, `${c} at byte ${at}`);
		at += 2;
	};
	const text = () => {
		const start = at;
		while (bytes.readUInt16LE(at) !== 0) {
			at += 2;
		}
		at += 2;
		return bytes.toString('utf16le', start, at - 2);
	};
	const dword = () => {
		at += 4;
		return bytes.readUInt32LE(at - 4);
	};
	const records = [];
	while (at < bytes.length) {
		expect('[');
		const key = text();
		expect(';');
		const value = text();
		expect(';');
		const type = dword();
		expect(';');
		const size = dword();
		expect(';');
		const data = bytes.subarray(at, at + size);
		at += size;
		expect(']');
		records.push({ key, value, type, data });
	}
	return records;
}

const PROFILE = 'Helpdesk Remote Assistance';
const TERMINAL_SERVICES = /^Software\\policies\\Microsoft\\Windows NT\\Terminal Services$/i;
const OFFER_URI = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance';

/**
 * What an export of helpdesk.rapolicy.yaml must hold, for every channel the export command offers;
 * the preview's further channel sections must name the same ones.
 */
const CHANNELS: Record<string, { file: string; check: (bytes: Buffer, target: vscode.Uri) => void | Promise<void> }> = {
	syncml: {
		file: 'helpdesk.syncml',
		check: async (bytes, target) => {
			assert.match(bytes.toString('utf8'), /^<SyncML xmlns="SYNCML:SYNCML1\.2">\n {2}<SyncBody>\n/);
			assert.deepEqual(await checkedDiagnostics(target), []);
			assert.equal((await vscode.workspace.openTextDocument(target)).languageId, 'syncml');
		},
	},
	intune: {
		file: 'helpdesk.intune.json',
		check: (bytes) => {
			const json = JSON.parse(bytes.toString('utf8')) as { '@odata.type': string; displayName: string; omaSettings: { omaUri: string; value: string }[] };
			assert.equal(json['@odata.type'], '#microsoft.graph.windows10CustomConfiguration');
			assert.equal(json.displayName, PROFILE);
			assert.equal(json.omaSettings.length, 5);
			assert.equal(json.omaSettings[0].omaUri, OFFER_URI);
			assert.equal(json.omaSettings[0].value, RAW);
		},
	},
	'settings-catalog': {
		file: 'helpdesk.settings-catalog.json',
		check: (bytes) => {
			const json = JSON.parse(bytes.toString('utf8')) as { name: string; platforms: string; technologies: string; settings: { '@odata.type': string; settingInstance: { settingDefinitionId: string } }[] };
			assert.equal(json.name, PROFILE);
			assert.equal(json.platforms, 'windows10');
			assert.equal(json.technologies, 'mdm');
			assert.deepEqual(json.settings.map((s) => s['@odata.type']), Array(5).fill('#microsoft.graph.deviceManagementConfigurationSetting'));
			assert.equal(json.settings[0].settingInstance.settingDefinitionId, 'device_vendor_msft_policy_config_remoteassistance_unsolicitedremoteassistance');
		},
	},
	fleet: {
		file: 'helpdesk.fleet.xml',
		check: async (bytes, target) => {
			const text = bytes.toString('utf8');
			assert.match(text, /^<Replace>\n/);
			assert.equal(text.match(/<Replace>/g)?.length, 5, 'one Replace per policy, none wrapped in a message');
			assert.deepEqual(await checkedDiagnostics(target), [], 'read as SyncML once its content is seen, and clean');
			assert.equal((await vscode.workspace.openTextDocument(target)).languageId, 'syncml');
		},
	},
	lgpo: {
		file: 'helpdesk.lgpo.txt',
		check: (bytes) => {
			// Settings are four lines each (scope, key, value name, data), between blank lines and ; comments.
			const blocks = bytes.toString('utf8').split(/\n{2,}/).map((b) => b.split('\n').filter((l) => l !== '' && !l.startsWith(';'))).filter((b) => b.length > 0);
			assert.ok(blocks.length > 0);
			for (const block of blocks) {
				assert.equal(block.length, 4, block.join('|'));
				assert.equal(block[0], 'Computer');
				assert.match(block[1], /^Software\\policies\\Microsoft\\Windows NT\\Terminal Services(\\RAUnsolicit)?$/i);
				assert.match(block[3], /^(DWORD:\d+|SZ:.*|DELETE|DELETEALLVALUES)$/);
			}
			assert.ok(blocks.some((b) => b[2] === 'fAllowUnsolicited' && b[3] === 'DWORD:1'), 'Offer Remote Assistance on');
			assert.ok(blocks.some((b) => b[2] === 'CORP\\RA-Tier2' && b[3] === 'SZ:CORP\\RA-Tier2'), 'a helper group');
		},
	},
	powershell: {
		file: 'helpdesk.ps1',
		check: (bytes) => {
			assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'a byte order mark, for Windows PowerShell 5.1');
			const lines = bytes.subarray(3).toString('utf8').split('\n');
			assert.ok(lines.includes('param([Parameter(Mandatory)][string]$GpoName)'));
			const calls = lines.filter((l) => l.startsWith('Set-GPRegistryValue'));
			assert.ok(calls.length > 0);
			for (const call of calls) {
				assert.match(call, /^Set-GPRegistryValue -Name \$GpoName -Key 'HKLM\\Software\\policies\\Microsoft\\Windows NT\\Terminal Services(\\RAUnsolicit)?' -ValueName .+ \| Out-Null$/i);
			}
			assert.ok(calls.some((c) => c.includes("-ValueName 'fAllowUnsolicited' -Type DWord -Value 1 ")), 'Offer Remote Assistance on');
		},
	},
	'registry-pol': {
		file: 'helpdesk.pol',
		check: (bytes) => {
			assert.equal(bytes.subarray(0, 8).toString('hex'), '5052656701000000', 'PReg, version 1');
			const records = polRecords(bytes);
			const offer = records.find((r) => r.value === 'fAllowUnsolicited');
			assert.match(offer?.key ?? '', TERMINAL_SERVICES);
			assert.equal(offer?.type, 4, 'REG_DWORD');
			assert.equal(offer?.data.toString('hex'), '01000000');
			const helper = records.find((r) => r.value === 'CORP\\RA-Tier2');
			assert.equal(helper?.type, 1, 'REG_SZ');
			assert.equal(helper?.data.toString('utf16le'), 'CORP\\RA-Tier2\0');
		},
	},
};

describe('export for each channel', () => {
	// Exports go where a user saves them, which need not be the workspace.
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-channels-'));
	const target = (file: string) => vscode.Uri.file(path.join(folder, file));
	after(() => fs.rmSync(folder, { recursive: true, force: true }));

	for (const [id, { file, check }] of Object.entries(CHANNELS)) {
		it(`exports ${id}`, async () => {
			const editor = await open('helpdesk.rapolicy.yaml');
			const exported = target(file);
			const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('rapolicy.exportChannel', editor.document.uri, exported, id);
			assert.equal(written?.fsPath, exported.fsPath);
			await check(fs.readFileSync(exported.fsPath), exported);
		});
	}

	it('shows a folded section per further channel in the preview, holding exactly what its export writes', async () => {
		const rapolicy = await api();
		const editor = await open('helpdesk.rapolicy.yaml');
		await vscode.commands.executeCommand('rapolicy.previewPayload');
		const html = await eventually(() => rapolicy.previewHtml(editor.document.uri), (h) => h !== undefined && h.includes('data-channel='), 'the preview') as string;
		const copies = JSON.parse(/<script type="application\/json" id="copies" nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '[]') as string[];
		const sections = [...html.matchAll(/<details class="whole"[^>]* data-channel="([^"]+)"><summary>([^<]+)<\/summary>([\s\S]*?)<\/details>/g)].map(([, id, title, body]) => ({ id, title, body }));
		assert.deepEqual(sections.map((s) => s.id), Object.keys(CHANNELS).filter((id) => id !== 'syncml' && id !== 'intune'));
		for (const { id, title, body } of sections) {
			assert.equal(body.includes('ControlPolicyConflict/MDMWinsOverGP'), title.startsWith('Group Policy: '), `${id}: the note on MDM winning over Group Policy`);
			const copy = /<button class="copy" data-copy="(\d+)"/.exec(body);
			if (id === 'registry-pol') {
				assert.equal(copy, null, 'a binary file is saved, not copied');
				assert.match(body, /<button class="export" data-channel="registry-pol" data-profile="0">Save Registry\.pol…<\/button>/);
				continue;
			}
			assert.ok(copy, `${id} has a Copy button`);
			const saved = target(`preview-${CHANNELS[id].file}`);
			await vscode.commands.executeCommand('rapolicy.exportChannel', editor.document.uri, saved, id);
			assert.equal(copies[Number(copy[1])], fs.readFileSync(saved.fsPath, 'utf8').replace(/^\uFEFF/, ''), `${id}: the copy is the export, without the byte order mark a script gets`);
		}
	});

	it('exports the profile a caller names by its place in the file, without asking which', async () => {
		const source = target('two.rapolicy.yaml');
		fs.writeFileSync(source.fsPath, 'profile: First\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: Second\npolicies:\n  SessionLogging: { state: disabled }\n');
		const lgpo = target('two-Second.lgpo.txt');
		assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('rapolicy.exportChannel', source, lgpo, 'lgpo', 1))?.fsPath, lgpo.fsPath);
		assert.match(fs.readFileSync(lgpo.fsPath, 'utf8'), /^; Second: [^\n]*\n[\s\S]*\nLoggingEnabled\nDWORD:0\n/);
	});

	it('writes no file for a channel that cannot carry the profile, and SyncML for the same profile', async () => {
		// Fleet cannot send a Delete, and LGPO text holds one value per line.
		const cases = [
			{ id: 'fleet', name: 'only-delete.rapolicy.yaml', text: 'profile: Only a Delete\npolicies:\n  SessionLogging: { state: not-configured }\n' },
			{ id: 'lgpo', name: 'two-lines.rapolicy.yaml', text: 'profile: Two-line message\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Connect_Message: "Line one\\nLine two"\n      RA_Options_Share_Control_Message: One line\n' },
		];
		for (const { id, name, text } of cases) {
			const source = target(name);
			fs.writeFileSync(source.fsPath, text);
			const refused = target(`${name}.${id}`);
			assert.equal(await vscode.commands.executeCommand('rapolicy.exportChannel', source, refused, id), undefined);
			assert.equal(fs.existsSync(refused.fsPath), false, `${name}: no ${id} file`);
			const syncml = target(`${name}.syncml`);
			assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('rapolicy.exportChannel', source, syncml, 'syncml'))?.fsPath, syncml.fsPath, `${name} is valid`);
		}
	});
});
