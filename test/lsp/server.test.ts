import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.rapolicy.yaml'), 'utf8');

describe('language server over stdio', () => {
	let client: LspClient;

	before(async () => {
		client = new LspClient();
	});

	after(async () => {
		assert.equal(await client.stop(), 0, 'server exits cleanly after shutdown and exit');
	});

	it('announces its name and the features it serves', async () => {
		const result = await client.initialize();
		assert.equal(result.serverInfo?.name, 'rapolicy-language-server');
		assert.ok(result.capabilities.completionProvider);
		assert.equal(result.capabilities.hoverProvider, true);
		assert.ok(result.capabilities.codeActionProvider);
		assert.ok(result.capabilities.documentSymbolProvider);
	});

	it('publishes no diagnostics for the helpdesk example', async () => {
		const published = await client.open('file:///ws/helpdesk.rapolicy.yaml', EXAMPLE);
		assert.deepEqual(published.diagnostics, []);
	});

	it('publishes a diagnostic after an edit breaks the file, and clears it when the edit is undone', async () => {
		const uri = 'file:///ws/edit.rapolicy.yaml';
		await client.open(uri, EXAMPLE);
		const line = EXAMPLE.split('\n').findIndex((l) => l.includes('RA_Unsolicit_Control_List'));
		const column = EXAMPLE.split('\n')[line].indexOf('remote-control');
		const broken = await client.change(uri, 2, [{ range: { start: { line, character: column }, end: { line, character: column + 'remote-control'.length } }, text: 'remote-contrl' }]);
		assert.equal(broken.version, 2);
		assert.deepEqual(broken.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['enum-value', line, column]]);
		assert.match(broken.diagnostics[0].message as string, /Did you mean remote-control/);
		const fixed = await client.change(uri, 3, [{ range: { start: { line, character: column }, end: { line, character: column + 'remote-contrl'.length } }, text: 'remote-control' }]);
		assert.deepEqual(fixed.diagnostics, []);
	});

	it('answers completion, hover, outline and quick fixes for the same document', async () => {
		const uri = 'file:///ws/features.rapolicy.yaml';
		const text = 'profile: P\npolicies:\n  SessionLoging: { state: enabled }\n  \n';
		const published = await client.open(uri, text);
		assert.deepEqual(published.diagnostics.map((d) => d.code), ['unknown-policy']);

		const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 2 } });
		const labels = ((completion as CompletionList).items ?? (completion as CompletionItem[])).map((i) => i.label);
		assert.ok(labels.includes('UnsolicitedRemoteAssistance'), labels.join(','));

		const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
		assert.match((hover?.contents as MarkupContent).value, /display name/);

		const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
		assert.equal((symbols as { name: string }[])[0].name, 'P');

		const actions = await client.connection.sendRequest(CodeActionRequest.type, {
			textDocument: { uri },
			range: published.diagnostics[0].range,
			context: { diagnostics: published.diagnostics },
		});
		const titles = (actions ?? []).map((a) => a.title);
		assert.ok(titles.includes('Change to SessionLogging'), titles.join(','));
	});

	it('reads a reopened SyncML message as a fresh server would, whatever changed while it was closed', async () => {
		const uri = 'file:///ws/reopen.syncml';
		const message = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8');
		assert.deepEqual((await client.open(uri, message, 'syncml')).diagnostics, []);
		assert.deepEqual((await client.close(uri)).diagnostics, []);
		const changed = message.replace('value="1"', 'value="7"').replace('<CmdID>2</CmdID>', '<CmdID>1</CmdID>');
		const reopened = await client.open(uri, changed, 'syncml');
		const fresh = new LspClient();
		await fresh.initialize();
		const expected = await fresh.open(uri, changed, 'syncml');
		await fresh.stop();
		assert.deepEqual(reopened.diagnostics, expected.diagnostics);
		assert.deepEqual(reopened.diagnostics.map((d) => d.code).sort(), ['duplicate-cmdid', 'enum-value']);
	});

	it('applies settings from initialization options when the client cannot be asked', async () => {
		const other = new LspClient();
		try {
			await other.initialize({ settings: { validation: { rules: { 'unknown-policy': 'off' } } } });
			const published = await other.open('file:///ws/rules.rapolicy.yaml', 'profile: P\npolicies:\n  Nope: { state: enabled }\n');
			assert.deepEqual(published.diagnostics, []);
		} finally {
			assert.equal(await other.stop(), 0);
		}
	});
});

describe('rapolicy-language-server bin', () => {
	it('prints its version and usage', () => {
		const version = execFileSync(process.execPath, [path.join(ROOT, 'bin/rapolicy-language-server.js'), '--version'], { encoding: 'utf8' });
		assert.match(version, /^rapolicy-language-server \d+\.\d+\.\d+/);
		const help = execFileSync(process.execPath, [path.join(ROOT, 'bin/rapolicy-language-server.js'), '--help'], { encoding: 'utf8' });
		assert.match(help, /--stdio/);
	});
});
