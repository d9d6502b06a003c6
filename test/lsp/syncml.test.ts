import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, FoldingRangeRequest, HoverRequest, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol';
import { SUMMARY_REQUEST } from '../../server/src/common/protocol';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8');

describe('language server: SyncML', () => {
	let client: LspClient;

	before(async () => {
		client = new LspClient();
		await client.initialize();
	});

	after(async () => {
		assert.equal(await client.stop(), 0);
	});

	it('publishes no diagnostics for the example and points into the escaped payload when it breaks', async () => {
		const uri = 'file:///ws/helpdesk.syncml';
		assert.deepEqual((await client.open(uri, EXAMPLE, 'syncml')).diagnostics, []);
		const lines = EXAMPLE.split('\n');
		const line = lines.findIndex((l) => l.includes('RA_Unsolicit_Control_List'));
		const column = lines[line].indexOf('value="1"') + 'value="'.length;
		const broken = await client.change(uri, 2, [{ range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: '7' }]);
		assert.deepEqual(broken.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['enum-value', line, column, column + 1]]);
	});

	it('serves an .xml file with a SyncML root even when the editor calls it xml', async () => {
		const uri = 'file:///ws/capture.xml';
		const text = EXAMPLE.replace('<CmdID>2</CmdID>', '<CmdID>1</CmdID>');
		const published = await client.open(uri, text, 'xml');
		assert.deepEqual(published.diagnostics.map((d) => d.code), ['duplicate-cmdid']);
	});

	it('serves a Fleet profile saved as .xml and names each kind in the summary', async () => {
		const real = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/real/syncml', name), 'utf8');
		const fleet = 'file:///ws/fleet.xml';
		assert.deepEqual((await client.open(fleet, real('constructed-fleet-remote-assistance.xml'), 'xml')).diagnostics, []);
		assert.deepEqual(await client.connection.sendRequest(SUMMARY_REQUEST, { uri: fleet }), { profiles: 1, policies: 2, kind: 'profile' });
		const device = 'file:///ws/device.xml';
		await client.open(device, real('constructed-device-results-remote-assistance.xml'), 'xml');
		assert.deepEqual(await client.connection.sendRequest(SUMMARY_REQUEST, { uri: device }), { profiles: 1, policies: 1, kind: 'device' });
		const body = 'file:///ws/body.xml';
		await client.open(body, real('mslearn-syncbody-get.xml'), 'xml');
		assert.deepEqual(await client.connection.sendRequest(SUMMARY_REQUEST, { uri: body }), { profiles: 0, policies: 0, kind: 'body' });
	});

	it('hovers a LocURI with the policy, completes payload data ids and folds elements', async () => {
		const uri = 'file:///ws/features.syncml';
		await client.open(uri, EXAMPLE, 'syncml');
		const lines = EXAMPLE.split('\n');
		const uriLine = lines.findIndex((l) => l.includes('UnsolicitedRemoteAssistance</LocURI>'));
		const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: uriLine, character: lines[uriLine].indexOf('Unsolicited') } });
		assert.match((hover?.contents as MarkupContent).value, /fAllowUnsolicited/);

		const dataLine = lines.findIndex((l) => l.includes('RA_Unsolicit_Control_List'));
		const idColumn = lines[dataLine].indexOf('RA_Unsolicit_Control_List');
		const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: dataLine, character: idColumn } });
		const labels = ((completion as CompletionList).items ?? (completion as CompletionItem[])).map((i) => i.label);
		assert.ok(labels.includes('RA_Unsolicit_Control_List'), labels.join(','));

		const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
		assert.ok((folds ?? []).some((f) => f.startLine === lines.findIndex((l) => l.includes('<SyncBody>'))));
	});
});
