import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const CUSTOM = fs.readFileSync(path.join(ROOT, 'test/fixtures/real/intune/constructed-custom-profile-ra.json'), 'utf8');

describe('language server: Intune exports', () => {
	let client: LspClient;

	before(async () => {
		client = new LspClient();
		await client.initialize();
	});

	after(async () => {
		assert.equal(await client.stop(), 0);
	});

	it('checks a custom-profile export opened as json and leaves ordinary JSON without diagnostics or hover', async () => {
		const plain = 'file:///ws/package.json';
		const plainDiagnostics = client.nextDiagnostics(plain);
		let plainPublished = false;
		void plainDiagnostics.then(() => (plainPublished = true));
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: plain, languageId: 'json', version: 1, text: '{ "name": "remoteassistance-notes", "settings": [] }' } });

		const uri = 'file:///ws/custom.json';
		assert.deepEqual((await client.open(uri, CUSTOM, 'json')).diagnostics, []);
		const lines = CUSTOM.split('\n');
		const line = lines.findIndex((l) => l.includes('RA_Unsolicit_Control_List'));
		const column = lines[line].indexOf('RA_Unsolicit_Control_List\\" value=\\"1') + 'RA_Unsolicit_Control_List\\" value=\\"'.length;
		const broken = await client.change(uri, 2, [{ range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: '7' }]);
		assert.deepEqual(broken.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['enum-value', line, column, column + 1]]);

		const uriLine = lines.findIndex((l) => l.includes('"omaUri"') && l.includes('UnsolicitedRemoteAssistance'));
		const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: uriLine, character: lines[uriLine].indexOf('Unsolicited') } });
		assert.match((hover?.contents as MarkupContent).value, /fAllowUnsolicited/);
		const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: plain }, position: { line: 0, character: 5 } });
		assert.equal(none, null);
		assert.equal(plainPublished, false, 'ordinary JSON gets no diagnostics');
	});
});
