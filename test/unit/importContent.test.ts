import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
	DEFAULT_SETTINGS,
	encodeIntune,
	encodeLgpoText,
	encodePowerShell,
	encodeRegistryPol,
	encodeSyncml,
	importContent,
	loadAdmx,
	normalizeSettings,
	parsePolicyDocument,
	parseSyncmlDocument,
	planAdmxSaves,
	resolveProfiles,
	withIngestedAdmx,
	type AdmxSource,
	type ContentImport,
} from '../../server/src/service';
import { validProfile } from '../helpers/profiles';

const PROFILE = 'profile: GP\npolicies:\n  SessionLogging: { state: enabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n';
const POLICIES = 'policies:\n  SessionLogging: { state: enabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n';
const CONTEXT = { settings: DEFAULT_SETTINGS };

const admxText = readFileSync(path.join(__dirname, '../../../test/fixtures/admx/everything.admx'), 'utf8');
const EVERYTHING: AdmxSource = { text: admxText, admx: loadAdmx(admxText), adml: undefined };

/** A message that ingests everything.admx under Contoso and enables its policy Loose. */
const INGESTING = encodeSyncml(resolveProfiles(withIngestedAdmx(parsePolicyDocument('file:///p/c.rapolicy.yaml', 1, 'profile: C\nadmx:\n  - app: Contoso\n    file: everything.admx\npolicies:\n  Contoso/Loose: { state: enabled }\n'), [], () => EVERYTHING))[0], { encoding: 'escape', fullMessage: false });
/** The same setting without the ingestion, as a message sends it when another ingested the ADMX. */
const SETTING_ONLY = INGESTING.replace(/ {4}<Add>[\s\S]*?<\/Add>\n/, '');

const BROKEN = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Data>on</Data></Item></Replace><Final/></SyncBody></SyncML>';

function imported(outcome: ContentImport) {
	assert.equal(outcome.kind, 'imported', JSON.stringify(outcome));
	return outcome.kind === 'imported' ? outcome.result : { yaml: '', skipped: [] };
}

describe('importContent: one import for the editor and the command line', () => {
	it('reads a Group Policy file by its content, whatever it is called', () => {
		const profile = validProfile(PROFILE);
		for (const [file, content] of [['gp.dat', encodeRegistryPol(profile)], ['gp.conf', encodeLgpoText(profile)], ['gp.txt', encodePowerShell(profile)]] as const) {
			const result = imported(importContent({ uri: `file:///w/${file}`, content }, CONTEXT));
			assert.ok(result.yaml.startsWith(`profile: ${file.replace('.txt', '')}\n`), result.yaml);
			assert.ok(result.yaml.endsWith(POLICIES), file);
		}
	});

	it('reads SyncML and an Intune export as their language, named after the file or the export', () => {
		const profile = validProfile(PROFILE);
		assert.match(imported(importContent({ uri: 'file:///w/m.syncml', content: encodeSyncml(profile, { encoding: 'cdata', fullMessage: true }) }, CONTEXT)).yaml, /^profile: m\n[\s\S]*SessionLogging: \{ state: enabled \}/);
		assert.match(imported(importContent({ uri: 'file:///w/x.json', content: JSON.stringify(encodeIntune(profile).profile) }, CONTEXT)).yaml, /^profile: GP\n[\s\S]*UnsolicitedRemoteAssistance: \{ state: disabled \}/);
	});

	it('refuses a file with errors, naming each, as the settings weigh them', () => {
		const refused = importContent({ uri: 'file:///w/broken.syncml', content: BROKEN }, CONTEXT);
		assert.equal(refused.kind, 'refused');
		assert.deepEqual(refused.kind === 'refused' ? refused.errors.map((e) => [e.line, e.code]) : [], [[0, 'payload-syntax'], [0, 'payload-syntax']]);
		const lenient = normalizeSettings({ validation: { rules: { 'payload-syntax': 'warning' } } });
		assert.equal(importContent({ uri: 'file:///w/broken.syncml', content: BROKEN }, { settings: lenient }).kind, 'imported');
	});

	it('names no form for text no importer reads, with the language it reads as', () => {
		assert.deepEqual(importContent({ uri: 'file:///w/notes.txt', content: 'hello\n' }, CONTEXT), { kind: 'unread', language: undefined });
		assert.deepEqual(importContent({ uri: 'file:///w/p.rapolicy.yaml', content: PROFILE }, CONTEXT), { kind: 'unread', language: 'rapolicy' });
		assert.deepEqual(importContent({ uri: 'file:///w/everything.admx', content: admxText }, CONTEXT), { kind: 'unread', language: 'admx' });
		assert.deepEqual(importContent({ uri: 'file:///w/bytes.dat', content: new Uint8Array([1, 2, 3]) }, CONTEXT), { kind: 'unread', language: undefined });
	});

	it('reads the parse the caller holds, which the editor made by the document\'s language rather than its name', () => {
		const text = encodeSyncml(validProfile(PROFILE), { encoding: 'escape', fullMessage: false });
		assert.equal(importContent({ uri: 'file:///w/pasted.txt', content: text }, CONTEXT).kind, 'unread');
		const parsed = parseSyncmlDocument('file:///w/pasted.txt', 3, text);
		assert.ok(imported(importContent({ uri: 'file:///w/pasted.txt', content: text, parsed }, CONTEXT)).yaml.endsWith(POLICIES));
	});

	it('plans the ADMX files a message carries beside the profile, or in the folder the caller names', () => {
		assert.deepEqual(imported(importContent({ uri: 'file:///w/c.syncml', content: INGESTING }, CONTEXT)).admxFiles, [{ file: 'everything.admx', text: admxText }]);
		const elsewhere = imported(importContent({ uri: 'file:///w/c.syncml', content: INGESTING }, { ...CONTEXT, admxFolder: 'admx' }));
		assert.deepEqual(elsewhere.admxFiles?.map((f) => f.file), ['admx/everything.admx']);
		assert.match(elsewhere.yaml, /admx:\n {2}- app: Contoso\n {4}file: admx\/everything\.admx\n/);
	});

	it('reads and checks policies of an ADMX ingested elsewhere against it, naming it relative to the profile', () => {
		const without = imported(importContent({ uri: 'file:///w/s.syncml', content: SETTING_ONLY }, CONTEXT));
		assert.equal(without.yaml, '');
		assert.match(without.skipped[0], /no ADMX ingested as Contoso is at hand/);
		const external = [{ app: 'Contoso', file: '../everything.admx', source: EVERYTHING }];
		const withIt = imported(importContent({ uri: 'file:///w/s.syncml', content: SETTING_ONLY }, { ...CONTEXT, external }));
		assert.match(withIt.yaml, /admx:\n {2}- app: Contoso\n {4}file: \.\.\/everything\.admx\npolicies:\n {2}Contoso\/Loose: \{ state: enabled \}\n$/);
		assert.deepEqual(withIt.admxFiles, [], 'a file ingested elsewhere is not saved again');
		const wrong = SETTING_ONLY.replace('&lt;enabled/&gt;', '&lt;enabled/&gt;&lt;data id="Nope" value="1"/&gt;');
		const refused = importContent({ uri: 'file:///w/s.syncml', content: wrong }, { ...CONTEXT, external });
		assert.deepEqual(refused.kind === 'refused' ? refused.errors.map((e) => e.code) : refused.kind, ['unknown-option']);
	});
});

describe('planAdmxSaves: what an import writes of the ADMX files it carries', () => {
	const files = [{ file: 'a.admx', text: 'A' }, { file: 'admx/b.admx', text: 'B' }];

	it('writes a file whose place is empty and keeps one that already holds the same text', () => {
		const existing = new Map([['admx/b.admx', 'B']]);
		assert.deepEqual(planAdmxSaves(files, (f) => existing.get(f.file)), { saves: [{ file: files[0], write: true }, { file: files[1], write: false }] });
	});

	it('writes nothing when a place holds other text, and names each such place', () => {
		const existing = new Map([['a.admx', 'other'], ['admx/b.admx', 'B']]);
		assert.deepEqual(planAdmxSaves(files, (f) => existing.get(f.file)), { clashes: [files[0]] });
	});
});
