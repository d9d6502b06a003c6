import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/common/protocol';
import { LspClient } from './lspClient';
import { minimalAdml as ADML, minimalAdmx as ADMX } from '../helpers/admxText';

const ROOT = path.resolve(__dirname, '../../..');

const SYNCML = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item>
<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>
<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/T~Policy~Cat/P</LocURI></Target><Data>&lt;enabled/&gt;</Data>
</Item></Replace><Final/></SyncBody></SyncML>
`;

describe('language server: ADMX files on disk', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-lsp-admx-'));
	const admx = path.join(dir, 't.admx');
	const adml = path.join(dir, 'en-US', 't.adml');
	let client: LspClient;

	before(async () => {
		mkdirSync(path.dirname(adml));
		writeFileSync(admx, ADMX('P'));
		writeFileSync(adml, ADML('Cat', 'P'));
		client = new LspClient();
		await client.initialize({ settings: { admx: { ingested: { T: ['t.admx'] } } } });
	});

	after(async () => {
		assert.equal(await client.stop(), 0);
		rmSync(dir, { recursive: true });
	});

	/** Tells the server a file changed, as a client watching `**∕*.{admx,adml}` does, and waits for `uri` to be checked again. */
	async function changed(file: string, uri: string) {
		const next = client.nextDiagnostics(uri);
		await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }] });
		return (await next).diagnostics.map((d) => `${String(d.code)} ${d.message}`);
	}

	it('checks an open ADMX file against the strings of the en-US ADML beside it, and again when the ADML changes', async () => {
		const uri = pathToFileURL(admx).toString();
		const opened = await client.open(uri, ADMX('P'), 'admx');
		assert.deepEqual(opened.diagnostics.filter((d) => d.code === 'admx-strings').map((d) => d.message), ['The ADML has no string P_Explain.']);
		writeFileSync(adml, ADML('Cat', 'P', 'P_Explain'));
		assert.deepEqual((await changed(adml, uri)).filter((d) => d.startsWith('admx-strings')), []);
		await client.close(uri);
	});

	it('completes the policies of the ADMX files a saved profile ingests, read beside it', async () => {
		cpSync(path.join(ROOT, 'test/fixtures/real/admx/firefox'), path.join(dir, 'admx'), { recursive: true });
		const file = path.join(dir, 'firefox.rapolicy.yaml');
		const text = 'profile: Firefox\nadmx:\n  - app: Firefox\n    file: admx/firefox.admx\npolicies:\n  Firefox/Dis\n';
		writeFileSync(file, text);
		const uri = pathToFileURL(file).toString();
		await client.open(uri, text);
		const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 13 } });
		const items = (completion as CompletionList).items ?? (completion as CompletionItem[]);
		const update = items.find((i) => i.label === 'Firefox/DisableAppUpdate');
		assert.equal(update?.detail, 'Disable Update');
		assert.ok(items.every((i) => i.label.startsWith('Firefox/')));
		await client.close(uri);
	});

	it('checks an open SyncML message again when an ADMX the settings name as ingested changes on disk', async () => {
		const uri = pathToFileURL(path.join(dir, 'm.syncml')).toString();
		const opened = await client.open(uri, SYNCML, 'syncml');
		assert.deepEqual(opened.diagnostics.filter((d) => String(d.code).startsWith('ingested')), []);
		writeFileSync(admx, ADMX('Renamed'));
		assert.deepEqual((await changed(admx, uri)).filter((d) => d.startsWith('ingested')), ['ingested-uri The ADMX ingested as T has no policy P. A policy renamed or moved between ADMX revisions has another node: check the revision the device ingests.']);
	});
});

describe('language server: one ADMX file two documents need at once', () => {
	it('checks both against it, though the second asked while the first had it read', { timeout: 20_000 }, async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-lsp-both-'));
		writeFileSync(path.join(dir, 't.admx'), ADMX('Other'));
		const client = new LspClient();
		await client.initialize({ settings: { admx: { ingested: { T: ['t.admx'] } } } }, [dir]);
		const uris = ['a.syncml', 'b.syncml'].map((name) => pathToFileURL(path.join(dir, name)).toString());
		const published = await Promise.all(uris.map((uri) => client.open(uri, SYNCML, 'syncml')));
		assert.deepEqual(published.map((p) => p.diagnostics.map((d) => String(d.code))), [['ingested-uri'], ['ingested-uri']]);
		assert.equal(await client.stop(), 0);
		rmSync(dir, { recursive: true });
	});
});

describe('language server: files a profile names, before and after the workspace is trusted', { skip: process.platform === 'win32' ? 'named pipes and /dev/zero are POSIX files' : false }, () => {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'rapolicy-lsp-trust-')));
	const ws = path.join(dir, 'ws');
	const file = path.join(ws, 'p.rapolicy.yaml');
	const uri = pathToFileURL(file).toString();
	const text = ['profile: P', 'admx:', '  - app: Out', '    file: ../outside/t.admx', '  - app: Pipe', '    file: pipe.admx', '  - app: Zero', '    file: zero.admx', '  - app: In', '    file: t.admx', 'policies: {}', ''].join('\n');
	let client: LspClient;

	before(async () => {
		mkdirSync(path.join(dir, 'outside'), { recursive: true });
		mkdirSync(ws);
		writeFileSync(path.join(dir, 'outside', 't.admx'), ADMX('Out'));
		writeFileSync(path.join(ws, 't.admx'), ADMX('In'));
		execFileSync('mkfifo', [path.join(ws, 'pipe.admx')]);
		symlinkSync('/dev/zero', path.join(ws, 'zero.admx'));
		writeFileSync(file, text);
		client = new LspClient();
		await client.initialize({ workspaceTrusted: false }, [ws]);
	});

	after(async () => {
		assert.equal(await client.stop(), 0);
		rmSync(dir, { recursive: true });
	});

	const fileProblems = (diagnostics: readonly Diagnostic[]) =>
		diagnostics.map((d) => `${d.range.start.line}: ${String(d.message)}`).filter((d) => /\.admx (is|does)/.test(d));

	it('reads only inside the workspace folders until trusted, and never a pipe or a device', async () => {
		const opened = await client.open(uri, text);
		assert.deepEqual(fileProblems(opened.diagnostics), [
			'3: ../outside/t.admx is outside the workspace folders; files there are read only once the workspace is trusted.',
			'5: pipe.admx is a named pipe, not a file.',
			'7: zero.admx is a link to a file outside the workspace folders; such files are read only once the workspace is trusted.',
		]);
		const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
		assert.ok(hover, 'the server answers as before');
		const next = client.nextDiagnostics(uri);
		await client.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
		assert.deepEqual(fileProblems((await next).diagnostics), ['5: pipe.admx is a named pipe, not a file.', '7: zero.admx is a device, not a file.']);
	});
});
