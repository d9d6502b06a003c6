import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeLensRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const PRELOAD = path.join(ROOT, 'test/lsp/noNetworkPreload.js');

describe('no network', () => {
	it('the guard itself catches an attempt (control)', () => {
		const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', 'try { require("node:http").get("http://127.0.0.1:9/") } catch {}'], { encoding: 'utf8' });
		assert.match(result.stderr, /NETWORK-ATTEMPT http.get/);
	});

	it('the server never tries to reach a network while serving both languages', async () => {
		const client = new LspClient(['--stdio'], ['--require', PRELOAD]);
		await client.initialize();
		for (const [name, languageId] of [['examples/fleet.rapolicy.yaml', 'rapolicy'], ['examples/helpdesk-offer-help.syncml', 'syncml'], ['test/fixtures/workspace/broken.syncml', 'syncml']]) {
			const uri = `file:///nonet/${path.basename(name)}`;
			const text = fs.readFileSync(path.join(ROOT, name), 'utf8');
			await client.open(uri, text, languageId);
			for (const offset of [0, Math.floor(text.length / 3), Math.floor(text.length / 2)]) {
				const position = { line: text.slice(0, offset).split('\n').length - 1, character: 0 };
				await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
				await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
			}
			await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
			await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
			await client.connection.sendRequest('rapolicy/preview', { uri });
		}
		assert.equal(await client.stop(), 0);
		assert.doesNotMatch(client.stderr, /NETWORK-ATTEMPT/);
	});
});
