import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/common/protocol';
import { minimalAdmx as ADMX } from '../helpers/admxText';
import { LspClient } from './lspClient';

/** A profile whose only problem is a helper not written as DOMAIN\name (a warning by default). */
const PROFILE = 'profile: Helpdesk\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit: [ helpdesk-team ]\n';

const SYNCML = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item>
<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>
<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/T~Policy~Cat/P</LocURI></Target><Data>&lt;enabled/&gt;</Data>
</Item></Replace><Final/></SyncBody></SyncML>
`;

/** Each diagnostic as `code severity`. */
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${String(d.code)} ${d.severity}`);

/** A workspace folder of its own, with the files given. */
function workspace(files: Record<string, string>): string {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'rapolicy-lsp-config-')));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

/**
 * Writes a file (or removes it, for undefined) and tells the server, as a client watching it does;
 * resolves once `uri` is published with the codes expected. The server also finds the change by
 * itself within two seconds and checks again, so a publication of the state before may come first.
 */
async function rewrite(client: LspClient, file: string, text: string | undefined, uri: string, expected: readonly string[]): Promise<void> {
	let next = client.nextDiagnostics(uri);
	if (text === undefined) {
		rmSync(file);
	} else {
		writeFileSync(file, text);
	}
	const type = text === undefined ? FileChangeType.Deleted : FileChangeType.Changed;
	await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type }] });
	for (;;) {
		const published = codes((await next).diagnostics);
		if (JSON.stringify(published) === JSON.stringify(expected)) {
			return;
		}
		next = client.nextDiagnostics(uri);
	}
}

describe('language server: the project configuration', () => {
	const dir = workspace({ 'rapolicy.json': '{ "rules": { "helper-format": "error" }, "ignore": ["drafts/**"] }\n', 'p.rapolicy.yaml': PROFILE });
	const config = path.join(dir, 'rapolicy.json');
	const uri = pathToFileURL(path.join(dir, 'p.rapolicy.yaml')).toString();
	let client: LspClient;

	before(async () => {
		client = new LspClient();
		await client.initialize({}, [dir]);
	});

	after(async () => {
		assert.equal(await client.stop(), 0);
		rmSync(dir, { recursive: true });
	});

	it('applies the severities of the workspace folder\'s rapolicy.json to an open document', async () => {
		assert.deepEqual(codes((await client.open(uri, PROFILE)).diagnostics), ['helper-format 1']);
	});

	it('checks the document again when the file changes on disk', { timeout: 10_000 }, async () => {
		await rewrite(client, config, '{ "rules": { "helper-format": "off" } }\n', uri, []);
		await rewrite(client, config, '{ "rules": { "helper-format": "hint" } }\n', uri, ['helper-format 4']);
	});

	it('does not check a document its ignore globs name', { timeout: 10_000 }, async () => {
		const draft = pathToFileURL(path.join(dir, 'drafts', 'd.rapolicy.yaml')).toString();
		await rewrite(client, config, '{ "ignore": ["drafts/**"] }\n', uri, ['helper-format 2']);
		assert.deepEqual((await client.open(draft, 'profile: Draft\n')).diagnostics, []);
	});

	it('finds a .rapolicy.json created later, and goes back to the defaults when it is removed', { timeout: 10_000 }, async () => {
		await rewrite(client, config, undefined, uri, ['helper-format 2']);
		const hidden = path.join(dir, '.rapolicy.json');
		await rewrite(client, hidden, '{ "rules": { "helper-format": "information" } }\n', uri, ['helper-format 3']);
		await rewrite(client, hidden, undefined, uri, ['helper-format 2']);
	});
});

describe('language server: the settings override the project configuration', () => {
	it('a rule the settings set wins over the file, and the file\'s other rules stay', async () => {
		const dir = workspace({ 'rapolicy.json': '{ "rules": { "helper-format": "error", "ignored-options": "off" } }\n' });
		const client = new LspClient();
		await client.initialize({ settings: { validation: { rules: { 'helper-format': 'information' } } } }, [dir]);
		const uri = pathToFileURL(path.join(dir, 'p.rapolicy.yaml')).toString();
		const text = `${PROFILE}  SessionLogging:\n    state: disabled\n    options: {}\n`;
		assert.deepEqual(codes((await client.open(uri, text)).diagnostics), ['helper-format 3']);
		assert.equal(await client.stop(), 0);
		rmSync(dir, { recursive: true });
	});
});

describe('language server: the project configuration in an untrusted workspace', () => {
	const dir = workspace({ 'rapolicy.json': '{ "rules": { "ingested-app": "information" }, "admx": { "ingested": { "T": ["t.admx"] } } }\n', 't.admx': ADMX('Other') });
	let client: LspClient;

	before(async () => {
		client = new LspClient();
		await client.initialize({ workspaceTrusted: false }, [dir]);
	});

	after(async () => {
		assert.equal(await client.stop(), 0);
		rmSync(dir, { recursive: true });
	});

	it('applies its severities but reads none of the files it names until the workspace is trusted', async () => {
		const uri = pathToFileURL(path.join(dir, 'm.syncml')).toString();
		assert.deepEqual(codes((await client.open(uri, SYNCML, 'syncml')).diagnostics), ['ingested-app 3']);
		const next = client.nextDiagnostics(uri);
		await client.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
		assert.deepEqual(codes((await next).diagnostics), ['ingested-uri 1']);
	});
});
