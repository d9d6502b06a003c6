import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { minimalAdmx } from '../helpers/admxText';
import { run } from '../helpers/cli';

const FIREFOX = path.join(__dirname, '../../../test/fixtures/real/admx/firefox');

/** A profile whose only problem is a helper not written as DOMAIN\name (a warning by default). */
const PROFILE = 'profile: Helpdesk\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit: [ helpdesk-team ]\n';

/** A SyncML message that sets policy P of an ADMX ingested elsewhere as T. */
const SYNCML = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item>
<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>
<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/T~Policy~Cat/P</LocURI></Target><Data>&lt;enabled/&gt;</Data>
</Item></Replace><Final/></SyncBody></SyncML>
`;

/** A folder of its own holding the files given (a `.git` folder marks a repository's root). */
function tree(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-cli-config-'));
	for (const [name, text] of Object.entries(files)) {
		const full = path.join(dir, name);
		mkdirSync(name.endsWith('/') ? full : path.dirname(full), { recursive: true });
		if (!name.endsWith('/')) {
			writeFileSync(full, text);
		}
	}
	return dir;
}

/** The problems of a validate run as `file:line:col: severity code`. */
const problems = (stdout: string) => stdout.split('\n').filter((l) => l !== '').map((l) => l.split(' ').slice(0, 3).join(' '));

describe('rapolicy validate: the project configuration it finds', () => {
	const repo = tree({
		'.git/': '',
		'rapolicy.json': '{ "rules": { "helper-format": "error" } }\n',
		'sub/p.rapolicy.yaml': PROFILE,
		'team/.rapolicy.json': '{ "rules": { "helper-format": "off" } }\n',
		'team/p.rapolicy.yaml': PROFILE,
		'nested/.git/': '',
		'nested/p.rapolicy.yaml': PROFILE,
	});

	it('reads the nearest rapolicy.json in the file\'s folder or above it', () => {
		const found = run(['validate', 'p.rapolicy.yaml'], path.join(repo, 'sub'));
		assert.equal(found.code, 1);
		assert.deepEqual(problems(found.stdout), ['p.rapolicy.yaml:7:33: error helper-format']);
	});

	it('the nearest wins, per file, wherever the command runs', () => {
		const both = run(['validate', 'sub/p.rapolicy.yaml', 'team/p.rapolicy.yaml'], repo);
		assert.deepEqual(problems(both.stdout), ['sub/p.rapolicy.yaml:7:33: error helper-format']);
		assert.match(both.stderr, /^2 files checked: 1 error, 0 other problems$/m);
	});

	it('stops at the folder holding .git, the repository\'s root', () => {
		const nested = run(['validate', 'p.rapolicy.yaml'], path.join(repo, 'nested'));
		assert.equal(nested.code, 0);
		assert.deepEqual(problems(nested.stdout), ['p.rapolicy.yaml:7:33: warning helper-format']);
	});

	it('--config names one for every file, and --no-config reads none', () => {
		const named = run(['validate', '--config', 'team/.rapolicy.json', 'sub/p.rapolicy.yaml', 'nested/p.rapolicy.yaml'], repo);
		assert.equal(named.code, 0);
		assert.deepEqual(problems(named.stdout), []);
		const none = run(['validate', '--no-config', 'p.rapolicy.yaml'], path.join(repo, 'sub'));
		assert.deepEqual(problems(none.stdout), ['p.rapolicy.yaml:7:33: warning helper-format']);
	});

	it('--rule overrides the file for one rule', () => {
		const overridden = run(['validate', '--rule', 'helper-format=hint', 'p.rapolicy.yaml'], path.join(repo, 'sub'));
		assert.equal(overridden.code, 0);
		assert.deepEqual(problems(overridden.stdout), ['p.rapolicy.yaml:7:33: hint helper-format']);
		assert.deepEqual(problems(run(['validate', '--rule=helper-format=off', 'p.rapolicy.yaml'], path.join(repo, 'sub')).stdout), []);
	});

	it('refuses a --config it cannot read, a wrong --rule, and both --config and --no-config, as bad usage', () => {
		const missing = run(['validate', '--config', 'none.json', 'sub/p.rapolicy.yaml'], repo);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /^rapolicy validate: none\.json /);
		const rule = run(['validate', '--rule', 'helper-fromat=off', 'sub/p.rapolicy.yaml'], repo);
		assert.equal(rule.code, 2);
		assert.match(rule.stderr, /^rapolicy validate: --rule takes CODE=SEVERITY with a rule code, not helper-fromat=off; did you mean helper-format\?$/m);
		assert.equal(run(['validate', '--rule', 'helper-format=warn', 'sub/p.rapolicy.yaml'], repo).code, 2);
		assert.equal(run(['validate', '--config', 'rapolicy.json', '--no-config', 'sub/p.rapolicy.yaml'], repo).code, 2);
		assert.match(run(['--help'], repo).stdout, /--no-config/);
	});
});

describe('rapolicy validate: problems of the configuration itself', () => {
	it('reports them first, at file:line:col, with the severities it sets, and counts their errors', () => {
		const repo = tree({ '.git/': '', 'rapolicy.json': '{\n  "rules": { "helper-fromat": "off", "helper-format": "information" },\n  "ignore": ["../x"]\n}\n', 'sub/p.rapolicy.yaml': PROFILE });
		const result = run(['validate', 'p.rapolicy.yaml'], path.join(repo, 'sub'));
		assert.equal(result.code, 1);
		assert.deepEqual(result.stdout.trim().split('\n'), [
			'../rapolicy.json:2:14: error unknown-key rapolicy has no rule helper-fromat; did you mean helper-format?',
			'../rapolicy.json:3:14: error config-value ../x climbs out with .., but globs match only files inside this file\'s folder, so it matches nothing; put the configuration in a folder that holds the files.',
			'p.rapolicy.yaml:7:33: information helper-format Helper \'helpdesk-team\' is not written as DOMAIN\\user or DOMAIN\\group. For example CONTOSO\\Helpdesk.',
		]);
		const json = JSON.parse(run(['validate', '--format', 'json', 'p.rapolicy.yaml'], path.join(repo, 'sub')).stdout) as { file: string; code: string; range: { start: { line: number } } }[];
		assert.deepEqual(json.map((r) => [r.file, r.code, r.range.start.line]), [['../rapolicy.json', 'unknown-key', 1], ['../rapolicy.json', 'config-value', 2], ['p.rapolicy.yaml', 'helper-format', 6]]);
		assert.equal(run(['validate', '--rule', 'unknown-key=warning', '--rule', 'config-value=off', 'p.rapolicy.yaml'], path.join(repo, 'sub')).code, 0, 'its rules apply to it too');
	});
});

describe('rapolicy validate: files the configuration ignores', () => {
	const repo = tree({ '.git/': '', 'rapolicy.json': '{ "ignore": ["drafts/**"] }\n', 'drafts/d.rapolicy.yaml': 'profile: Draft\n', 'p.rapolicy.yaml': PROFILE });

	it('passes over those a glob finds and says so of one named', () => {
		const globbed = run(['validate', '**/*.rapolicy.yaml'], repo);
		assert.equal(globbed.code, 0);
		assert.match(globbed.stderr, /^1 file checked: 0 errors, 1 other problem$/m);
		const named = run(['validate', 'drafts/d.rapolicy.yaml'], repo);
		assert.equal(named.code, 0);
		assert.match(named.stderr, /^rapolicy validate: drafts\/d\.rapolicy\.yaml is not checked: rapolicy\.json ignores it$/m);
		assert.equal(run(['validate', '--no-config', 'drafts/d.rapolicy.yaml'], repo).code, 1);
	});
});

describe('rapolicy validate, encode and import: the ADMX files the configuration names', () => {
	const repo = tree({
		'.git/': '',
		'rapolicy.json': '{\n  "admx": { "ingested": {\n    "T": ["policies/t.admx"],\n    "Gone": ["policies/gone.admx"]\n  } }\n}\n',
		'policies/t.admx': minimalAdmx('P'),
		'other/t.admx': minimalAdmx('Other'),
		'messages/m.syncml': SYNCML,
	});

	it('reads them relative to the configuration\'s folder and reports one it cannot read at its entry', () => {
		const result = run(['validate', 'm.syncml'], path.join(repo, 'messages'));
		assert.equal(result.code, 1);
		assert.deepEqual(result.stdout.trim().split('\n'), ['../rapolicy.json:4:14: error admx-entry policies/gone.admx does not exist. The policies of Gone are checked without it.']);
		assert.deepEqual(problems(run(['validate', '--no-config', 'm.syncml'], path.join(repo, 'messages')).stdout), ['m.syncml:3:52: warning ingested-app']);
	});

	it('--admx overrides the file for its AppName, read relative to the working folder', () => {
		const result = run(['validate', '--admx', 'T=../other/t.admx', '--rule', 'admx-entry=off', 'm.syncml'], path.join(repo, 'messages'));
		assert.deepEqual(problems(result.stdout), ['m.syncml:3:65: error ingested-uri']);
	});

	it('import converts the policies of an ADMX the file names, as the editor does', () => {
		const imported = run(['import', '--rule', 'admx-entry=off', 'messages/m.syncml'], repo);
		assert.equal(imported.code, 0, imported.stderr);
		assert.match(imported.stdout, /^ {2}T\/P: \{ state: enabled \}$/m);
		const alone = run(['import', '--no-config', 'messages/m.syncml'], repo);
		assert.equal(alone.code, 1);
		assert.match(alone.stderr, /no ADMX ingested as T is at hand/);
	});
});

describe('rapolicy encode: the severities and ADMX files of the configuration', () => {
	const repo = tree({
		'.git/': '',
		'rapolicy.json': JSON.stringify({ rules: { 'helper-format': 'error' }, admx: { ingested: { Firefox: ['admx/firefox.admx'] } } }),
		'admx/firefox.admx': readFileSync(path.join(FIREFOX, 'firefox.admx'), 'utf8'),
		'p.rapolicy.yaml': PROFILE,
		'firefox.rapolicy.yaml': 'profile: Firefox\npolicies:\n  Firefox/DisableAppUpdate: { state: enabled }\n',
	});

	it('refuses a file with an error the configuration raises, and encodes it without the configuration', () => {
		const refused = run(['encode', '--to', 'payload', 'p.rapolicy.yaml'], repo);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /^p\.rapolicy\.yaml:7:33: error helper-format /m);
		assert.equal(run(['encode', '--to', 'payload', '--no-config', 'p.rapolicy.yaml'], repo).code, 0);
	});

	it('resolves policies of an AppName the configuration ingests', () => {
		const encoded = run(['encode', '--to', 'payload', 'firefox.rapolicy.yaml'], repo);
		assert.equal(encoded.code, 0, encoded.stderr);
		assert.deepEqual((JSON.parse(encoded.stdout) as { omaUri: string }[]).map((r) => r.omaUri), ['./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/DisableAppUpdate']);
		assert.equal(run(['encode', '--to', 'payload', '--no-config', 'firefox.rapolicy.yaml'], repo).code, 1);
	});
});

describe('rapolicy admx lint: the severities of the configuration', () => {
	it('applies them to the ADMX files it checks', () => {
		const repo = tree({ '.git/': '', 'rapolicy.json': '{ "rules": { "admx-strings": "off" } }', 't.admx': minimalAdmx('P') });
		const withConfig = run(['admx', 'lint', '--format', 'json', 't.admx'], repo);
		const without = run(['admx', 'lint', '--format', 'json', '--no-config', 't.admx'], repo);
		const codes = (stdout: string) => (JSON.parse(stdout) as { code: string }[]).map((r) => r.code);
		assert.ok(!codes(withConfig.stdout).includes('admx-strings'));
		assert.deepEqual(codes(without.stdout).filter((c) => c !== 'admx-strings'), codes(withConfig.stdout));
	});
});
