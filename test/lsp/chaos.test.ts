import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import {
	CodeActionRequest,
	CodeLensRequest,
	CompletionRequest,
	DocumentSymbolRequest,
	FoldingRangeRequest,
	HoverRequest,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCES: [string, string, string][] = [
	['file:///chaos/a.rapolicy.yaml', 'rapolicy', fs.readFileSync(path.join(ROOT, 'examples/fleet.rapolicy.yaml'), 'utf8')],
	['file:///chaos/b.syncml', 'syncml', fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8')],
];
const OPERATIONS = Number(process.env.CHAOS_OPERATIONS ?? 2000);
const TOKENS = ['', 'x', ':', ' ', '\n', '-', '{', '}', '<', '>', '/', '&amp;', '&#xF000;', ']]>', '---\n', 'state: enabled', '"', '\t'];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 0x100000000;
	};
}

function codes(params: PublishDiagnosticsParams): string[] {
	return params.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${String(d.message)}`);
}

describe('chaos over LSP', () => {
	it(`survives ${OPERATIONS} random edits, requests and cancellations, and ends where a fresh server starts`, { timeout: 180_000 }, async () => {
		const rand = random(20261122);
		const client = new LspClient();
		await client.initialize();
		const docs = SOURCES.map(([uri, languageId, text]) => ({ uri, languageId, doc: TextDocument.create(uri, languageId, 1, text) }));
		for (const d of docs) {
			await client.open(d.uri, d.doc.getText(), d.languageId);
		}
		const pending: Promise<unknown>[] = [];
		let cancelled = 0;
		let answered = 0;
		for (let op = 0; op < OPERATIONS; op++) {
			const d = docs[Math.floor(rand() * docs.length)];
			const text = d.doc.getText();
			const at = Math.floor(rand() * (text.length + 1));
			if (rand() < 0.55) {
				const end = Math.min(text.length, at + Math.floor(rand() * 6));
				const insert = TOKENS[Math.floor(rand() * TOKENS.length)];
				const range = { start: d.doc.positionAt(at), end: d.doc.positionAt(end) };
				const version = d.doc.version + 1;
				d.doc = TextDocument.update(d.doc, [{ range, text: insert }], version);
				// Not awaited: edits and requests overlap as they do when someone types fast.
				void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version }, contentChanges: [{ range, text: insert }] });
				continue;
			}
			const position = d.doc.positionAt(at);
			const source = new CancellationTokenSource();
			const textDocument = { uri: d.uri };
			const kinds = [
				() => client.connection.sendRequest(CompletionRequest.type, { textDocument, position }, source.token),
				() => client.connection.sendRequest(HoverRequest.type, { textDocument, position }, source.token),
				() => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, source.token),
				() => client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }, source.token),
				() => client.connection.sendRequest(CodeLensRequest.type, { textDocument }, source.token),
				() => client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }, source.token),
				() => client.connection.sendRequest('rapolicy/preview', { uri: d.uri }, source.token),
			];
			const request = kinds[Math.floor(rand() * kinds.length)]();
			if (rand() < 0.3) {
				source.cancel();
			}
			pending.push(request.then(() => {
				answered++;
			}, (error: { code?: number }) => {
				assert.equal(error.code, -32800, `a request fails only by being cancelled, not with ${JSON.stringify(error)}`);
				cancelled++;
			}));
		}
		await Promise.all(pending);
		assert.equal(client.exited, false, 'the server is still running');
		// The diagnostics for the final version of each document, and those of a fresh server on the same text.
		const finals = await Promise.all(docs.map((d) => client.diagnosticsFor(d.uri, d.doc.version)));
		const fresh = new LspClient();
		await fresh.initialize();
		for (const [i, d] of docs.entries()) {
			const reference = await fresh.open(d.uri, d.doc.getText(), d.languageId);
			assert.deepEqual(codes(finals[i]), codes(reference), `${d.uri} ends with the diagnostics of a fresh server`);
		}
		assert.equal(await fresh.stop(), 0);
		assert.equal(await client.stop(), 0);
		console.log(`chaos: ${OPERATIONS} operations, ${answered} answered, ${cancelled} cancelled, final versions ${docs.map((d) => d.doc.version).join(', ')}`);
	});
});
