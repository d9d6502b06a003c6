import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FoldingRangeKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { getDocumentSymbols, getFoldingRanges } from '../../server/src/service';
import { checkNesting, coveredText, parseSyncml, syncmlCommand, syncmlMessage } from '../helpers/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8');

function symbols(text: string): DocumentSymbol[] {
	return getDocumentSymbols(parseSyncml(text));
}

/** The name and detail of a symbol, where an outline shows the CmdID. */
const label = (s: DocumentSymbol) => `${s.name} ${s.detail ?? ''}`;

describe('SyncML outline', () => {
	it('lists the commands with their CmdID and their items named by policy', () => {
		const list = symbols(EXAMPLE);
		assert.deepEqual(list.map((s) => s.name.includes('Replace') ? 'Replace' : s.name.includes('Delete') ? 'Delete' : s.name.includes('Get') ? 'Get' : s.name), ['Replace', 'Replace', 'Delete', 'Get']);
		list.forEach((s, i) => assert.match(label(s), new RegExp(`\\b${i + 1}\\b`), `CmdID ${i + 1} shown for ${label(s)}`));
		assert.deepEqual(list.map((s) => (s.children ?? []).map((c) => c.name)), [
			['UnsolicitedRemoteAssistance'],
			['SessionLogging'],
			['SolicitedRemoteAssistance'],
			['UnsolicitedRemoteAssistance'],
		]);
		checkNesting(list);
	});

	it('gives a command the range of its element and selects its name', () => {
		const [replace] = symbols(EXAMPLE);
		const start = EXAMPLE.indexOf('<Replace>');
		const end = EXAMPLE.indexOf('</Replace>') + '</Replace>'.length;
		assert.equal(coveredText(EXAMPLE, { range: replace.range }), EXAMPLE.slice(start, end));
		assert.equal(coveredText(EXAMPLE, { range: replace.selectionRange }), 'Replace');
	});

	it('gives an item the range of its element and selects its LocURI', () => {
		const item = symbols(EXAMPLE)[0].children?.[0];
		assert.ok(item);
		assert.ok(coveredText(EXAMPLE, { range: item.range }).startsWith('<Item>'));
		assert.ok(coveredText(EXAMPLE, { range: item.range }).endsWith('</Item>'));
		assert.equal(coveredText(EXAMPLE, { range: item.selectionRange }), './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance');
	});

	it('shows what a command does to the policy', () => {
		const list = symbols(EXAMPLE);
		assert.match(list[0].children?.[0].detail ?? '', /enabled/);
		assert.match(list[2].children?.[0].detail ?? '', /not-configured|Delete/i);
	});

	it('nests the commands of an Atomic under it', () => {
		const text = syncmlMessage(`    <Atomic>\n      <CmdID>1</CmdID>\n${syncmlCommand('./Device/Vendor/MSFT/Policy/Config/ADMX_RemoteAssistance/RA_Optimize_Bandwidth', '&lt;disabled/&gt;', { cmdId: '2' }).replace(/^/gm, '  ')}    </Atomic>\n`);
		const [atomic, ...rest] = symbols(text);
		assert.equal(rest.length, 0);
		assert.match(label(atomic), /Atomic/);
		assert.match(label(atomic), /\b1\b/);
		const [replace] = atomic.children ?? [];
		assert.match(label(replace), /Replace/);
		assert.match(label(replace), /\b2\b/);
		assert.deepEqual(replace.children?.map((c) => c.name), ['RA_Optimize_Bandwidth']);
		checkNesting([atomic]);
	});

	it('names an item of another CSP by its URI, and one without a LocURI sensibly', () => {
		const text = syncmlMessage(syncmlCommand('./Device/Vendor/MSFT/Policy/Config/Browser/AllowCookies', '2', { meta: null }) + '    <Get>\n      <CmdID>2</CmdID>\n      <Item/>\n    </Get>\n');
		const [replace, get] = symbols(text);
		assert.equal(replace.children?.[0].name, './Device/Vendor/MSFT/Policy/Config/Browser/AllowCookies');
		assert.ok((get.children?.[0].name ?? '').length > 0);
		checkNesting([replace, get]);
	});

	it('outlines a half-typed document without throwing', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>4</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging';
		const [replace] = symbols(text);
		assert.match(label(replace), /Replace/);
		assert.match(label(replace), /\b4\b/);
		assert.deepEqual(replace.children?.map((c) => c.name), ['SessionLogging']);
	});

	it('is empty for a message without commands', () => {
		assert.deepEqual(symbols(syncmlMessage('')), []);
		assert.deepEqual(symbols(''), []);
	});
});

describe('SyncML folding', () => {
	const lines = EXAMPLE.split('\n');
	const lineOf = (needle: string, from = 0) => {
		const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
		assert.ok(i >= 0, needle);
		return i;
	};

	it('folds every element of several lines, from its start tag to (just before) its end tag', () => {
		const ranges = getFoldingRanges(parseSyncml(EXAMPLE));
		for (const [open, close] of [['<SyncML', '</SyncML>'], ['<SyncBody>', '</SyncBody>'], ['<Replace>', '</Replace>'], ['<Item>', '</Item>'], ['<Target>', '</Target>'], ['<Meta>', '</Meta>'], ['<Delete>', '</Delete>'], ['<Get>', '</Get>']]) {
			const start = lineOf(open);
			const end = lineOf(close, start);
			const range = ranges.find((r) => r.startLine === start);
			assert.ok(range, `a folding range starts at ${open} (line ${start})`);
			assert.ok(range.endLine === end || range.endLine === end - 1, `${open}: ends at ${range.endLine}, close tag on ${end}`);
		}
	});

	it('does not fold single-line elements', () => {
		const ranges = getFoldingRanges(parseSyncml(EXAMPLE));
		for (const needle of ['<CmdID>1</CmdID>', '<LocURI>', '<Format', '<Data>', '<Final/>']) {
			const line = lineOf(needle);
			assert.ok(!ranges.some((r) => r.startLine === line), `no fold at ${needle}`);
		}
		assert.ok(ranges.every((r) => r.endLine > r.startLine));
	});

	it('folds a comment of several lines as a comment', () => {
		const text = `<!-- one\n two\n three -->\n${syncmlMessage('')}`;
		const ranges = getFoldingRanges(parseSyncml(text));
		const comment = ranges.find((r) => r.startLine === 0);
		assert.ok(comment);
		assert.equal(comment.kind, FoldingRangeKind.Comment);
		assert.equal(comment.endLine, 2);
	});

	it('folds a half-typed document without throwing', () => {
		const ranges = getFoldingRanges(parseSyncml('<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n    <Replace>\n      <CmdID>1'));
		assert.ok(ranges.some((r) => r.startLine === 0));
	});
});
