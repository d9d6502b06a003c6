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

describe('rapolicy validate and import: Intune exports', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-cli-intune-'));
	const realDir = path.resolve(__dirname, '../../../test/fixtures/real/intune');
	const offer = 'device_vendor_msft_policy_config_remoteassistance_unsolicitedremoteassistance';
	const catalog = (value: string) => JSON.stringify({ name: 'Offer RA', settings: [{ settingInstance: { settingDefinitionId: offer, choiceSettingValue: { value, children: [] } } }] }, null, 2);
	writeFileSync(path.join(dir, 'bad.json'), catalog(`${offer}_3`));
	writeFileSync(path.join(dir, 'ok.json'), catalog(`${offer}_0`));
	writeFileSync(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');

	it('validates the real exports clean and reports an injected problem at its line and column', () => {
		assert.equal(run(['validate', path.join(realDir, '*.json')], dir).code, 0);
		const { code, stdout } = run(['validate', 'bad.json'], dir);
		assert.equal(code, 1);
		const line = catalog(`${offer}_3`).split('\n').findIndex((l) => l.includes(`${offer}_3`));
		const column = catalog(`${offer}_3`).split('\n')[line].indexOf(`${offer}_3`);
		assert.match(stdout, new RegExp(`^bad\\.json:${line + 1}:${column + 1}: error unknown-setting-id `, 'm'));
	});

	it('says plainly when a JSON file is not an Intune export', () => {
		const { code, stderr } = run(['validate', 'tsconfig.json'], dir);
		assert.equal(code, 2);
		assert.match(stderr, /tsconfig\.json is not an Intune export/);
		assert.match(run(['import', 'tsconfig.json'], dir).stderr, /not an Intune export/);
	});

	it('imports the Remote Assistance settings under the export\'s name and lists the rest on stderr', () => {
		const ok = run(['import', 'ok.json'], dir);
		assert.equal(ok.code, 0, ok.stderr);
		assert.equal(ok.stdout, 'profile: Offer RA\ndescription: Converted from the Intune settings-catalog policy ok.\npolicies:\n  UnsolicitedRemoteAssistance: { state: disabled }\n');
		const custom = run(['import', path.join(realDir, 'constructed-custom-profile-ra.json')], dir);
		assert.equal(custom.code, 0, custom.stderr);
		assert.match(custom.stdout, /^profile: Win - Custom CSP - Remote Assistance$/m);
		assert.match(custom.stderr, /not converted: omaSettings\[0\] \.\/Device\/Vendor\/MSFT\/Policy\/Config\/Start\/HideSleep: not a Remote Assistance policy/);
		assert.equal(run(['import', 'bad.json'], dir).code, 1);
		const none = run(['import', path.join(realDir, 'oib-w365-connectivity-nativeimport-v1.0.json')], dir);
		assert.equal(none.code, 1);
		assert.match(none.stderr, /sets no Remote Assistance policy/);
	});
});
