import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { run } from '../helpers/cli';
import { FILE_CHANNELS, parsePolicyDocument, resolveProfiles } from '../../server/src/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const REAL = path.join(ROOT, 'test/fixtures/real');

interface JsonSide {
	readonly state: string;
	readonly description: string;
	readonly file: string;
	readonly range: { readonly start: { readonly line: number } };
	readonly bytes?: unknown;
}

interface JsonFile {
	readonly before: string;
	readonly after: string;
	readonly policies: readonly {
		readonly change: string;
		readonly key: string;
		readonly scope: string;
		readonly before?: JsonSide;
		readonly after?: JsonSide;
		readonly options: readonly { readonly id: string; readonly before?: string; readonly after?: string; readonly added?: readonly string[]; readonly removed?: readonly string[] }[];
	}[];
}

function diffJson(args: readonly string[], cwd: string): { code: number; files: JsonFile[] } {
	const { code, stdout, stderr } = run(['diff', ...args, '--format', 'json'], cwd);
	assert.ok(code === 0 || code === 1, stderr);
	return { code, files: JSON.parse(stdout) as JsonFile[] };
}

/** `change key` of each policy, with its options' changes: the test lists what it planted. */
function changes(file: JsonFile): string[] {
	const lines: string[] = [];
	for (const p of file.policies) {
		lines.push(`${p.change} ${p.key}${p.change === 'changed' && p.options.length === 0 ? `: ${p.before?.state} → ${p.after?.state}` : ''}`);
		for (const o of p.options) {
			lines.push(o.added ? `  ${o.id} +[${o.added.join('|')}] -[${o.removed?.join('|')}]` : `  ${o.id} ${o.before} → ${o.after}`);
		}
	}
	return lines;
}

const folders: string[] = [];
function folder(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-diff-'));
	folders.push(dir);
	return dir;
}
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const BEFORE = `profile: Helpdesk
scope: device
policies:
  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: view-only
      RA_Unsolicit_DACL_Edit:
        - CORP\\RA-Tier2
        - CORP\\RA-Helpdesk
  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: view-only
      RA_Solicit_ExpireValue_Edt: 30
      RA_Solicit_ExpireUnits_List: minutes
      RA_Solicit_Mailto_List: mailto
  SessionLogging: { state: enabled }
  RA_EncryptedTicketOnly: { state: enabled }
`;

/** BEFORE with a helper swapped, control given, the ticket lifetime doubled, logging off and encryption no longer set. */
const AFTER = `profile: Helpdesk
scope: device
policies:
  SessionLogging: { state: disabled }
  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: remote-control
      RA_Unsolicit_DACL_Edit:
        - CORP\\RA-Helpdesk
        - CORP\\RA-Tier3
  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: view-only
      RA_Solicit_ExpireValue_Edt: 60
      RA_Solicit_ExpireUnits_List: minutes
      RA_Solicit_Mailto_List: mailto
  CustomizeWarningMessages: { state: disabled }
`;

describe('rapolicy diff: two files of any forms, policy by policy', () => {
	it('two revisions of a profile: each changed policy and option, helpers by name, places on both sides', () => {
		const dir = folder();
		writeFileSync(path.join(dir, 'old.rapolicy.yaml'), BEFORE);
		writeFileSync(path.join(dir, 'new.rapolicy.yaml'), AFTER);
		const { code, files } = diffJson(['old.rapolicy.yaml', 'new.rapolicy.yaml'], dir);
		assert.equal(code, 1);
		assert.deepEqual(changes(files[0]), [
			'added CustomizeWarningMessages',
			'removed RA_EncryptedTicketOnly',
			'changed SessionLogging: enabled → disabled',
			'changed SolicitedRemoteAssistance',
			'  RA_Solicit_ExpireValue_Edt 30 → 60',
			'changed UnsolicitedRemoteAssistance',
			'  RA_Unsolicit_Control_List view-only → remote-control',
			'  RA_Unsolicit_DACL_Edit +[CORP\\RA-Tier3] -[CORP\\RA-Tier2]',
		]);
		const unsolicited = files[0].policies.find((p) => p.key === 'UnsolicitedRemoteAssistance');
		assert.equal(unsolicited?.before?.file, 'old.rapolicy.yaml');
		assert.equal(unsolicited?.before?.range.start.line, 3);
		assert.equal(unsolicited?.after?.file, 'new.rapolicy.yaml');
		assert.equal(unsolicited?.after?.range.start.line, 4);
		const text = run(['diff', 'old.rapolicy.yaml', 'new.rapolicy.yaml'], dir);
		assert.match(text.stdout, /^~ UnsolicitedRemoteAssistance \(Configure Offer Remote Assistance\) \[device\] {2}\(old\.rapolicy\.yaml:4:3 → new\.rapolicy\.yaml:5:3\)\n {4}RA_Unsolicit_Control_List: view-only → remote-control\n {4}RA_Unsolicit_DACL_Edit: added CORP\\RA-Tier3; removed CORP\\RA-Tier2$/m);
		assert.equal(text.stderr, '3 policies changed, 1 policy added, 1 policy removed\n');
		const markdown = run(['diff', 'old.rapolicy.yaml', 'new.rapolicy.yaml', '--format', 'markdown'], dir);
		assert.match(markdown.stdout, /^ {2}- `RA_Unsolicit_DACL_Edit`: added `CORP\\RA-Tier3`; removed `CORP\\RA-Tier2`$/m);
		assert.match(markdown.stdout, /^- \*\*Removed\*\* `RA_EncryptedTicketOnly` \(device\): `enabled`, `old\.rapolicy\.yaml` line 19$/m);
	});

	it('helpers in another order, and the same profile written again, are no difference', () => {
		const dir = folder();
		writeFileSync(path.join(dir, 'a.rapolicy.yaml'), BEFORE);
		writeFileSync(path.join(dir, 'b.rapolicy.yaml'), BEFORE.replace('- CORP\\RA-Tier2\n        - CORP\\RA-Helpdesk', '- CORP\\RA-Helpdesk\n        - CORP\\RA-Tier2').replace('  SessionLogging: { state: enabled }\n', '').concat('  SessionLogging:\n    state: enabled\n'));
		const result = run(['diff', 'a.rapolicy.yaml', 'b.rapolicy.yaml'], dir);
		assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', 'no policy differs\n']);
	});

	it('a profile against its own Registry.pol, LGPO text and PowerShell exports: no difference', () => {
		const dir = folder();
		writeFileSync(path.join(dir, 'helpdesk.rapolicy.yaml'), BEFORE);
		const profile = resolveProfiles(parsePolicyDocument('file:///helpdesk.rapolicy.yaml', 1, BEFORE))[0];
		for (const [id, name] of [['registry-pol', 'Registry.pol'], ['lgpo', 'helpdesk.lgpo.txt'], ['powershell', 'helpdesk.ps1']] as const) {
			const encoded = FILE_CHANNELS.find((c) => c.id === id)?.encode(profile, { encoding: 'escape', fullMessage: false });
			assert.ok(encoded && !('refusal' in encoded), id);
			writeFileSync(path.join(dir, name), encoded.content);
			const result = run(['diff', 'helpdesk.rapolicy.yaml', name], dir);
			assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', 'no policy differs\n'], name);
		}
		// The Registry.pol of the next revision differs from this profile as the two profiles do.
		const next = FILE_CHANNELS.find((c) => c.id === 'registry-pol')?.encode(resolveProfiles(parsePolicyDocument('file:///next.rapolicy.yaml', 1, AFTER))[0], { encoding: 'escape', fullMessage: false });
		assert.ok(next && !('refusal' in next));
		writeFileSync(path.join(dir, 'next.pol'), next.content);
		assert.deepEqual(changes(diffJson(['helpdesk.rapolicy.yaml', 'next.pol'], dir).files[0]).filter((line) => !line.startsWith(' ')), ['added CustomizeWarningMessages', 'removed RA_EncryptedTicketOnly', 'changed SessionLogging: enabled → disabled', 'changed SolicitedRemoteAssistance', 'changed UnsolicitedRemoteAssistance']);
	});

	it('a real GPO as LGPO text and as Registry.pol: the same; two revisions of a real LGPO backup: each change', () => {
		const gp = path.join(REAL, 'group-policy');
		assert.equal(run(['diff', 'ms-scm-win81-machine.lgpo.txt', 'ms-scm-win81-machine.registry.pol'], gp).code, 0);
		// Which is no difference of two empty reads: the GPO sets Remote Assistance policies.
		assert.ok(diffJson(['ms-scm-win81-machine.lgpo.txt', 'ash-stig-ws2012r2-ms.lgpo.txt'], gp).files[0].policies.length > 0);
		const dir = folder();
		const original = readFileSync(path.join(gp, 'ash-stig-ws2012r2-ms.lgpo.txt'), 'utf8');
		writeFileSync(path.join(dir, 'old.lgpo.txt'), original);
		// The new revision stops logging sessions and no longer sets Solicited Remote Assistance.
		const edited = original.replace(/LoggingEnabled(\r?\n)DWORD:1/, 'LoggingEnabled$1DWORD:0').replace(/(\r?\n)fAllowToGetHelp\r?\nDWORD:0\r?\n/, '$1');
		assert.notEqual(edited, original);
		writeFileSync(path.join(dir, 'new.lgpo.txt'), edited);
		const { code, files } = diffJson(['old.lgpo.txt', 'new.lgpo.txt'], dir);
		assert.equal(code, 1);
		assert.deepEqual(changes(files[0]), ['changed SessionLogging: enabled → disabled', 'removed SolicitedRemoteAssistance']);
	});

	it('two revisions of a real Intune export: control, helpers and a state', () => {
		const dir = folder();
		const original = readFileSync(path.join(REAL, 'intune/constructed-custom-profile-ra.json'), 'utf8');
		writeFileSync(path.join(dir, 'old.json'), original);
		const edited = original
			.replace('RA_Unsolicit_Control_List\\" value=\\"1\\"', 'RA_Unsolicit_Control_List\\" value=\\"0\\"')
			.replace('CONTOSO\\\\RA-Helpdesk&#xF000;CONTOSO\\\\RA-Helpdesk', 'CONTOSO\\\\RA-Helpdesk&#xF000;CONTOSO\\\\RA-Helpdesk&#xF000;CONTOSO\\\\RA-Tier2&#xF000;CONTOSO\\\\RA-Tier2')
			.replace('"value": "\\u003cenabled/\\u003e"', '"value": "\\u003cdisabled/\\u003e"');
		writeFileSync(path.join(dir, 'new.json'), edited);
		const { code, files } = diffJson(['old.json', 'new.json'], dir);
		assert.equal(code, 1);
		assert.deepEqual(changes(files[0]), [
			'changed SessionLogging: enabled → disabled',
			'changed UnsolicitedRemoteAssistance',
			'  RA_Unsolicit_Control_List remote-control → view-only',
			'  RA_Unsolicit_DACL_Edit +[CONTOSO\\RA-Tier2] -[]',
		]);
	});

	it('bad usage and files of no form exit 2', () => {
		const dir = folder();
		writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
		writeFileSync(path.join(dir, 'a.rapolicy.yaml'), BEFORE);
		assert.equal(run(['diff', 'a.rapolicy.yaml'], dir).code, 2);
		assert.equal(run(['diff', 'a.rapolicy.yaml', 'a.rapolicy.yaml', '--format', 'sarif'], dir).code, 2);
		assert.match(run(['diff', 'a.rapolicy.yaml', 'notes.txt'], dir).stderr, /notes\.txt is of no form rapolicy reads/);
		assert.equal(run(['diff', 'a.rapolicy.yaml', 'missing.rapolicy.yaml'], dir).code, 2);
	});
});

describe('rapolicy diff --git: the working tree against a revision', () => {
	const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

	it('changed, new and deleted policy files, each against its content at REV', () => {
		const repo = folder();
		git(repo, 'init', '-q');
		writeFileSync(path.join(repo, 'helpdesk.rapolicy.yaml'), BEFORE);
		writeFileSync(path.join(repo, 'gone.lgpo.txt'), 'Computer\nSoftware\\Policies\\Microsoft\\Windows NT\\Terminal Services\nLoggingEnabled\nDWORD:1\n');
		writeFileSync(path.join(repo, 'notes.md'), 'not a policy\n');
		git(repo, 'add', '.');
		git(repo, 'commit', '-q', '-m', 'first');
		writeFileSync(path.join(repo, 'helpdesk.rapolicy.yaml'), AFTER);
		rmSync(path.join(repo, 'gone.lgpo.txt'));
		writeFileSync(path.join(repo, 'new.rapolicy.yaml'), 'profile: New\npolicies:\n  RA_EncryptedTicketOnly: { state: enabled }\n');
		writeFileSync(path.join(repo, 'notes.md'), 'still not a policy\n');

		const { code, files } = diffJson(['--git', 'HEAD'], repo);
		assert.equal(code, 1);
		assert.deepEqual(files.map((f) => [f.before, f.after, f.policies.map((p) => `${p.change} ${p.key}`).join(', ')]), [
			['HEAD:gone.lgpo.txt', 'gone.lgpo.txt (deleted)', 'removed SessionLogging'],
			['HEAD:helpdesk.rapolicy.yaml', 'helpdesk.rapolicy.yaml', 'added CustomizeWarningMessages, removed RA_EncryptedTicketOnly, changed SessionLogging, changed SolicitedRemoteAssistance, changed UnsolicitedRemoteAssistance'],
			['new.rapolicy.yaml (not at HEAD)', 'new.rapolicy.yaml', 'added RA_EncryptedTicketOnly'],
		]);
		const helpdesk = files[1].policies.find((p) => p.key === 'UnsolicitedRemoteAssistance');
		assert.equal(helpdesk?.before?.file, 'HEAD:helpdesk.rapolicy.yaml');
		assert.equal(helpdesk?.after?.file, 'helpdesk.rapolicy.yaml');

		// Named files only; an unchanged one is no difference.
		git(repo, 'add', '.');
		git(repo, 'commit', '-q', '-m', 'second');
		assert.equal(run(['diff', '--git', 'HEAD', 'helpdesk.rapolicy.yaml'], repo).code, 0);
		assert.deepEqual(changes(diffJson(['--git', 'HEAD~1', 'helpdesk.rapolicy.yaml'], repo).files[0]).slice(0, 2), ['added CustomizeWarningMessages', 'removed RA_EncryptedTicketOnly']);
	});

	it('refuses a path outside the repository and a revision that is not there', () => {
		const repo = folder();
		git(repo, 'init', '-q');
		writeFileSync(path.join(repo, 'a.rapolicy.yaml'), BEFORE);
		git(repo, 'add', '.');
		git(repo, 'commit', '-q', '-m', 'first');
		const outside = run(['diff', '--git', 'HEAD', path.join(REAL, 'group-policy/ms-scm-win81-machine.lgpo.txt')], repo);
		assert.equal(outside.code, 2);
		assert.match(outside.stderr, /is outside the repository/);
		const unknown = run(['diff', '--git', 'no-such-branch'], repo);
		assert.equal(unknown.code, 2);
		assert.match(unknown.stderr, /no-such-branch is not a commit/);
		assert.equal(run(['diff', '--git', '--format'], repo).code, 2);
	});
});
