import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/cli';

/** Runs the CLI in `cwd`, keeping what it writes to each stream and to both in order. */
function run(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string; both: string } {
	let stdout = '';
	let stderr = '';
	let both = '';
	const code = runCli(args, {
		cwd,
		stdout: (text) => {
			stdout += text;
			both += text;
		},
		stderr: (text) => {
			stderr += text;
			both += text;
		},
		readFile: (file) => readFileSync(path.resolve(cwd, file), 'utf8'),
	});
	return { code, stdout, stderr, both };
}

describe('rapolicy validate: text output', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-cli-'));
	const broken = 'profile: A\npolicies:\n  SessionLogging:\n    stat: enabled\n';
	writeFileSync(path.join(dir, 'a.rapolicy.yaml'), broken);
	writeFileSync(path.join(dir, 'b.rapolicy.yaml'), broken);

	it('prints one line per problem and the summary on a line of its own', () => {
		const { code, stdout, stderr, both } = run(['validate', 'a.rapolicy.yaml', 'b.rapolicy.yaml'], dir);
		assert.equal(code, 1);
		const problems = stdout.split('\n').filter((line) => line !== '');
		assert.equal(problems.length, 4, stdout);
		for (const line of problems) {
			assert.match(line, /^[ab]\.rapolicy\.yaml:\d+:\d+: error [a-z-]+ /);
		}
		assert.match(stderr, /^2 files checked: 4 errors, 0 other problems$/m);
		assert.match(both, /^2 files checked: /m);
	});

	it('keeps the summary off the last problem\'s line where stdout is shown without its last line break', () => {
		const { stdout, stderr } = run(['validate', 'a.rapolicy.yaml', 'b.rapolicy.yaml'], dir);
		assert.match(stdout.trimEnd() + stderr, /options\.\n+2 files checked: /);
	});
});

describe('rapolicy and SyncML saved as .xml', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-cli-xml-'));
	const real = (name: string) => readFileSync(path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..', 'test/fixtures/real/syncml', name), 'utf8');
	writeFileSync(path.join(dir, 'fleet.xml'), real('constructed-fleet-remote-assistance.xml'));
	writeFileSync(path.join(dir, 'body.xml'), real('constructed-syncbody-remote-assistance.xml'));
	writeFileSync(path.join(dir, 'device.xml'), real('constructed-device-results-remote-assistance.xml'));
	writeFileSync(path.join(dir, 'build.xml'), '<?xml version="1.0"?>\n<project name="app"/>\n');

	it('validates a Fleet profile, a SyncBody and a device message saved as .xml', () => {
		const { code, stderr } = run(['validate', 'fleet.xml', 'body.xml', 'device.xml'], dir);
		assert.equal(code, 0, stderr);
		assert.match(stderr, /3 files checked/);
	});

	it('encodes what a Fleet profile sets', () => {
		const { code, stdout, stderr } = run(['encode', '--to', 'payload', 'fleet.xml'], dir);
		assert.equal(code, 0, stderr);
		assert.match(stdout, /<enabled\/>/);
	});

	it('imports the settings a device reports as a profile', () => {
		const { code, stdout, stderr } = run(['import', 'device.xml'], dir);
		assert.equal(code, 0, stderr);
		assert.match(stdout, /SolicitedRemoteAssistance:\n\s+state: enabled/);
	});

	it('refuses other XML and says what it reads', () => {
		const { code, stderr } = run(['validate', 'build.xml'], dir);
		assert.equal(code, 2);
		assert.match(stderr, /build\.xml is neither .*<SyncBody>.*<Replace>/);
	});
});
