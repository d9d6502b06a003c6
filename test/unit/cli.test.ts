import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { decodeFile } from '../../server/src/common/decodeFile';
import { expandGlob } from '../../server/src/cli/glob';
import { run } from '../helpers/cli';
import { anyCodePoint } from '../helpers/unicode';

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

describe('rapolicy: file encodings', () => {
	const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
	const REAL = path.join(ROOT, 'test/fixtures/real/syncml-dialects');
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-enc-'));
	const utf8 = readFileSync(path.join(REAL, 'admx-ingestion-disable-syncml11.syncml'), 'utf8');
	const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
	const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
	const write = (name: string, bytes: Buffer | string) => writeFileSync(path.join(dir, name), bytes);
	/** The problems of a validate run as `line:column severity code`. */
	const problems = (name: string) => run(['validate', name], dir).stdout.split('\n').filter((l) => l !== '').map((l) => l.slice(name.length + 1).split(' ').slice(0, 3).join(' '));

	const ra = '<?xml version="1.0" encoding="utf-16"?>\n<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n        <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target>\n        <Meta><Format xmlns="syncml:metinf">chr</Format></Meta>\n        <Data>&lt;enabled/&gt;</Data>\n      </Item>\n    </Replace>\n    <Final/>\n  </SyncBody>\n</SyncML>\n';

	it('reads the UTF-16 LE file Windows PowerShell 5.1 writes (BOM, CRLF): the SYNCML1.1 note and the sample\'s own mistakes, at their character columns', () => {
		const { code, stdout } = run(['validate', path.join(REAL, 'admx-ingestion-disable-syncml11.utf16le.syncml')], dir);
		assert.equal(code, 1, stdout);
		assert.deepEqual(stdout.trim().split('\n').map((l) => /utf16le\.syncml:(\d+:\d+: \w+ [\w.-]+) /.exec(l)?.[1]), ['1:16: information syncml-1.1', '11:54: warning ingested-app', '11:72: error ingested-uri']);
	});

	it('reads UTF-16 BE with a BOM and UTF-8 with a BOM like UTF-8', () => {
		write('be.syncml', utf16be(ra));
		write('bom8.syncml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ra)]));
		write('plain.syncml', ra);
		assert.deepEqual(problems('be.syncml'), []);
		assert.deepEqual(problems('bom8.syncml'), []);
		assert.deepEqual(problems('plain.syncml'), []);
	});

	it('keeps ranges in characters after decoding: a problem in a UTF-16 file is where the editor shows it', () => {
		const broken = ra.replace('<CmdID>1</CmdID>', '<CmdID>0</CmdID>');
		write('broken16.syncml', utf16le(broken.replace(/\n/g, '\r\n')));
		write('broken8.syncml', broken);
		assert.deepEqual(problems('broken16.syncml'), ['5:14: error invalid-cmdid']);
		assert.deepEqual(problems('broken8.syncml'), problems('broken16.syncml'));
	});

	it('gives one error at the declaration for an encoding it cannot read, instead of XML errors', () => {
		const latin = Buffer.from(utf8.replace('<SyncML', '<?xml version="1.0" encoding="windows-1252"?>\n<SyncML').replace('TextValue', 'Caf\u00e9'), 'latin1');
		write('latin.syncml', Buffer.concat([latin, Buffer.from('<!-- Caf\u00e9 -->', 'latin1')]));
		const { code, stdout } = run(['validate', '--format', 'json', 'latin.syncml'], dir);
		assert.equal(code, 1);
		const results = JSON.parse(stdout) as { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
		assert.equal(results.length, 1, stdout);
		assert.equal(results[0].code, 'xml-encoding');
		assert.equal(results[0].severity, 'error');
		assert.match(results[0].message, /windows-1252/);
		assert.deepEqual(results[0].range, { start: { line: 0, character: 30 }, end: { line: 0, character: 42 } });
	});

	it('reads a pure ASCII file whatever ASCII-compatible encoding it declares', () => {
		write('ascii.syncml', ra.replace('utf-16', 'ISO-8859-1'));
		assert.deepEqual(problems('ascii.syncml'), []);
	});

	it('gives one error for bytes that are not UTF-8 and declare nothing', () => {
		write('bad8.syncml', Buffer.concat([Buffer.from(ra.slice(0, 60)), Buffer.from([0xe9, 0x20]), Buffer.from(ra.slice(60))]));
		assert.deepEqual(problems('bad8.syncml'), ['1:1: error xml-encoding']);
	});

	it('encode and import read UTF-16 too', () => {
		write('logging16.syncml', utf16le(ra));
		const imported = run(['import', 'logging16.syncml'], dir);
		assert.equal(imported.code, 0, imported.stderr);
		assert.match(imported.stdout, /SessionLogging: { state: enabled }/);
		write('profile16.rapolicy.yaml', utf16le('profile: P\npolicies:\n  SessionLogging:\n    state: disabled\n'));
		const encoded = run(['encode', '--to', 'payload', 'profile16.rapolicy.yaml'], dir);
		assert.equal(encoded.code, 0, encoded.stderr);
		assert.match(encoded.stdout, /<disabled\/>/);
	});
});

describe('decodeFile: any bytes', () => {
	it('gives text or one problem, never throws; UTF-16 with a BOM and UTF-8 round-trip', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
			const result = decodeFile(bytes);
			assert.ok('text' in result || result.problem.message.length > 0);
		}));
		fc.assert(fc.property(fc.string({ unit: anyCodePoint, maxLength: 200 }), (text) => {
			const clean = text.replace(/^\ufeff/, '');
			assert.deepEqual(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')])), { text: clean });
			assert.deepEqual(decodeFile(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(clean, 'utf16le').swap16()])), { text: clean });
			const wellFormed = Buffer.from(clean).toString();
			assert.deepEqual(decodeFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wellFormed)])), { text: wellFormed });
		}));
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

describe('rapolicy encode: settings-catalog and Fleet', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-cli-export-'));
	writeFileSync(path.join(dir, 'ra.rapolicy.yaml'), [
		'profile: Helpdesk',
		'description: Offer help; no logging rule.',
		'policies:',
		'  UnsolicitedRemoteAssistance:',
		'    state: enabled',
		'    options:',
		'      RA_Unsolicit_Control_List: remote-control',
		'      RA_Unsolicit_DACL_Edit: [ CORP\\RA-Helpdesk ]',
		'  SolicitedRemoteAssistance: { state: disabled }',
		'  SessionLogging: { state: not-configured }',
		'',
	].join('\n'));
	writeFileSync(path.join(dir, 'none.rapolicy.yaml'), 'profile: None\npolicies:\n  SessionLogging: { state: not-configured }\n');

	it('--to settings-catalog writes a Graph body that validates and imports back, naming what it left out', () => {
		const { code, stdout, stderr } = run(['encode', '--to', 'settings-catalog', 'ra.rapolicy.yaml'], dir);
		assert.equal(code, 0, stderr);
		assert.equal(stderr, 'rapolicy encode: left out of the settings-catalog policy (it cannot remove a setting): SessionLogging\n');
		const body = JSON.parse(stdout);
		assert.deepEqual([body.name, body.platforms, body.technologies, body.roleScopeTagIds], ['Helpdesk', 'windows10', 'mdm', ['0']]);
		writeFileSync(path.join(dir, 'catalog.json'), stdout);
		assert.equal(run(['validate', 'catalog.json'], dir).code, 0);
		const back = run(['import', 'catalog.json'], dir);
		assert.equal(back.code, 0, back.stderr);
		assert.match(back.stdout, /^ {2}UnsolicitedRemoteAssistance:\n {4}state: enabled\n {4}options:\n {6}RA_Unsolicit_Control_List: remote-control\n {6}RA_Unsolicit_DACL_Edit:\n {8}- CORP\\RA-Helpdesk\n {2}SolicitedRemoteAssistance: \{ state: disabled \}\n$/m);
	});

	it('--to fleet writes top-level Replace commands, in CDATA when asked, that validate and import back', () => {
		const { code, stdout, stderr } = run(['encode', '--to', 'fleet', '--encoding', 'cdata', 'ra.rapolicy.yaml'], dir);
		assert.equal(code, 0, stderr);
		assert.equal(stderr, 'rapolicy encode: left out of the Fleet profile (it cannot send a Delete): SessionLogging\n');
		assert.match(stdout, /^<Replace>\n {2}<Item>/);
		assert.equal(stdout.match(/^<Replace>$/gm)?.length, 2);
		assert.match(stdout, /<Data><!\[CDATA\[<disabled\/>\]\]><\/Data>/);
		writeFileSync(path.join(dir, 'fleet.xml'), stdout);
		assert.equal(run(['validate', 'fleet.xml'], dir).code, 0);
		const back = run(['import', 'fleet.xml'], dir);
		assert.equal(back.code, 0, back.stderr);
		assert.match(back.stdout, /SolicitedRemoteAssistance: \{ state: disabled \}/);
	});

	it('--to fleet refuses to write an empty profile; an unknown channel names the new ones', () => {
		const none = run(['encode', '--to', 'fleet', 'none.rapolicy.yaml'], dir);
		assert.equal(none.code, 1);
		assert.equal(none.stdout, '');
		assert.match(none.stderr, /None has no enabled or disabled policy/);
		const bad = run(['encode', '--to', 'catalog', 'ra.rapolicy.yaml'], dir);
		assert.equal(bad.code, 2);
		assert.match(bad.stderr, /--to must be one of payload, syncml, intune, settings-catalog, fleet, registry/);
		assert.match(bad.stderr, /--to payload\|syncml\|intune\|settings-catalog\|fleet\|registry/);
	});
});

describe('rapolicy encode --full-message', () => {
	it('says in the message that the SyncHdr is a template, and the message validates clean', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-full-'));
		writeFileSync(path.join(dir, 'p.rapolicy.yaml'), 'profile: P\npolicies:\n  SessionLogging:\n    state: enabled\n');
		const encoded = run(['encode', '--to', 'syncml', '--full-message', 'p.rapolicy.yaml'], dir);
		assert.equal(encoded.code, 0, encoded.stderr);
		assert.match(encoded.stdout, /<SyncML xmlns="SYNCML:SYNCML1\.2">\n {2}<!-- [^]*template[^]*-->\n {2}<SyncHdr>/);
		writeFileSync(path.join(dir, 'full.syncml'), encoded.stdout);
		const validated = run(['validate', 'full.syncml'], dir);
		assert.equal(validated.code, 0, validated.both);
		assert.equal(validated.stdout, '');
	});

	it('the usage line says the SyncHdr is a template', () => {
		const help = run(['--help'], tmpdir());
		assert.match(help.both, /--full-message adds a SyncHdr template/);
	});
});

describe('rapolicy encode: Group Policy channels and -o', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-gpo-'));
	writeFileSync(path.join(dir, 'gp.rapolicy.yaml'), 'profile: GP\npolicies:\n  SessionLogging: { state: enabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n');
	writeFileSync(path.join(dir, 'two.rapolicy.yaml'), '---\nprofile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  SessionLogging: { state: disabled }\n');
	writeFileSync(path.join(dir, 'lines.rapolicy.yaml'), 'profile: L\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Share_Control_Message: IT\n      RA_Options_Connect_Message: "Line1\\nLine2"\n');

	it('--to lgpo prints LGPO text with the deletion of a disabled policy', () => {
		const { code, stdout } = run(['encode', '--to', 'lgpo', 'gp.rapolicy.yaml'], dir);
		assert.equal(code, 0);
		assert.match(stdout, /\nComputer\nSoftware\\policies\\Microsoft\\Windows NT\\Terminal Services\nLoggingEnabled\nDWORD:1\n/);
		assert.match(stdout, /\nComputer\n.*\\RAUnsolicit\n\*\nDELETEALLVALUES\n/);
	});

	it('--to powershell prints a script taking the GPO name', () => {
		const { code, stdout } = run(['encode', '--to', 'powershell', 'gp.rapolicy.yaml'], dir);
		assert.equal(code, 0);
		assert.match(stdout, /^param\(\[Parameter\(Mandatory\)\]\[string\]\$GpoName\)$/m);
		assert.match(stdout, /-ValueName 'LoggingEnabled' -Type DWord -Value 1/);
	});

	it('--to registry-pol refuses stdout and writes the file with -o', () => {
		const refused = run(['encode', '--to', 'registry-pol', 'gp.rapolicy.yaml'], dir);
		assert.equal(refused.code, 2);
		assert.equal(refused.stdout, '');
		assert.match(refused.stderr, /binary: give -o FILE/);
		const written = run(['encode', '--to', 'registry-pol', '-o', 'out/gp.pol', 'gp.rapolicy.yaml'], dir);
		assert.equal(written.code, 2, 'a missing folder is not created');
		const ok = run(['encode', '--to', 'registry-pol', '-o', 'gp.pol', 'gp.rapolicy.yaml'], dir);
		assert.equal(ok.code, 0, ok.stderr);
		assert.equal(ok.stdout, '');
		assert.equal(readFileSync(path.join(dir, 'gp.pol')).subarray(0, 8).toString('hex'), '5052656701000000');
	});

	it('-o writes a text channel to the file and nothing to stdout', () => {
		const { code, stdout, stderr } = run(['encode', '--to', 'lgpo', '-o', 'gp.txt', 'gp.rapolicy.yaml'], dir);
		assert.equal(code, 0);
		assert.equal(stdout, '');
		assert.match(stderr, /^wrote gp\.txt$/m);
		assert.match(readFileSync(path.join(dir, 'gp.txt'), 'utf8'), /^; GP: /);
	});

	it('-o writes a PowerShell script with a UTF-8 byte order mark, which Windows PowerShell 5.1 needs to read UTF-8', () => {
		assert.equal(run(['encode', '--to', 'powershell', '-o', 'gp.ps1', 'gp.rapolicy.yaml'], dir).code, 0);
		assert.equal(readFileSync(path.join(dir, 'gp.ps1')).subarray(0, 5).toString('hex'), 'efbbbf2320');
	});

	it('-o without a file name is bad usage', () => {
		const { code, stderr } = run(['encode', '--to', 'lgpo', 'gp.rapolicy.yaml', '-o'], dir);
		assert.equal(code, 2);
		assert.match(stderr, /-o needs a file name/);
	});

	it('one profile per output: --profile picks it', () => {
		assert.equal(run(['encode', '--to', 'lgpo', 'two.rapolicy.yaml'], dir).code, 2);
		assert.match(run(['encode', '--to', 'lgpo', '--profile', 'B', 'two.rapolicy.yaml'], dir).stdout, /LoggingEnabled\nDWORD:0/);
	});

	it('LGPO text refuses a line break in a message (exit 1); PowerShell carries it', () => {
		const { code, stdout, stderr } = run(['encode', '--to', 'lgpo', 'lines.rapolicy.yaml'], dir);
		assert.equal(code, 1);
		assert.equal(stdout, '');
		assert.match(stderr, /line break/);
		assert.equal(run(['encode', '--to', 'powershell', 'lines.rapolicy.yaml'], dir).code, 0);
	});
});

describe('rapolicy import: Group Policy files, told apart by content', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-gp-import-'));
	writeFileSync(path.join(dir, 'gp.rapolicy.yaml'), 'profile: GP\npolicies:\n  SessionLogging: { state: enabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n');
	const expected = 'policies:\n  SessionLogging: { state: enabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n';

	// The profile is named after the file, less an extension the import knows.
	for (const [channel, file, profile, described] of [['registry-pol', 'gp-machine.dat', 'gp-machine.dat', 'Registry.pol'], ['lgpo', 'gp-lgpo.conf', 'gp-lgpo.conf', 'LGPO text'], ['powershell', 'gp-script.txt', 'gp-script', 'GroupPolicy PowerShell script']] as const) {
		it(`reads back what --to ${channel} wrote, whatever the file is called`, () => {
			assert.equal(run(['encode', '--to', channel, '-o', file, 'gp.rapolicy.yaml'], dir).code, 0);
			const back = run(['import', file], dir);
			assert.equal(back.code, 0, back.stderr);
			assert.equal(back.stderr, '');
			assert.equal(back.stdout, `profile: ${profile}\ndescription: Converted from the ${described} ${file}.\n${expected}`);
		});
	}

	it('reads LGPO text saved as UTF-16 with a byte order mark, names what it leaves out, and writes -o', () => {
		const text = '; exported\r\nComputer\r\nSoftware\\Policies\\Microsoft\\Windows NT\\Terminal Services\r\nfAllowToGetHelp\r\nDWORD:0\r\n\r\nComputer\r\nSoftware\\Policies\\Microsoft\\Windows\\Personalization\r\nNoLockScreen\r\nDWORD:1\r\n';
		writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
		const { code, stdout, stderr } = run(['import', 'utf16.txt', '-o', 'utf16.rapolicy.yaml'], dir);
		assert.equal(code, 0, stderr);
		assert.equal(stdout, '');
		assert.equal(stderr, 'not converted: line 7: HKLM\\Software\\Policies\\Microsoft\\Windows\\Personalization\\NoLockScreen: not a Remote Assistance policy value\nwrote utf16.rapolicy.yaml\n');
		assert.match(readFileSync(path.join(dir, 'utf16.rapolicy.yaml'), 'utf8'), /SolicitedRemoteAssistance: \{ state: disabled \}/);
		assert.equal(run(['validate', 'utf16.rapolicy.yaml'], dir).code, 0);
	});

	it('refuses a Group Policy file with no Remote Assistance setting, after naming each value; notes say how deletions were read', () => {
		writeFileSync(path.join(dir, 'other.txt'), 'Computer\nSoftware\\Policies\\Microsoft\\Windows\\Personalization\nNoLockScreen\nDWORD:1\n');
		const none = run(['import', 'other.txt'], dir);
		assert.equal(none.code, 1);
		assert.equal(none.stdout, '');
		assert.equal(none.stderr, 'not converted: line 1: HKLM\\Software\\Policies\\Microsoft\\Windows\\Personalization\\NoLockScreen: not a Remote Assistance policy value\nrapolicy import: other.txt sets no Remote Assistance policy\n');
		writeFileSync(path.join(dir, 'deletes.txt'), 'Computer\nSoftware\\Policies\\Microsoft\\Windows NT\\Terminal Services\nLoggingEnabled\nDELETE\n');
		const deletes = run(['import', 'deletes.txt'], dir);
		assert.equal(deletes.code, 0);
		assert.match(deletes.stderr, /^note: line 1: SessionLogging: LoggingEnabled is deleted, not set to 0; read as disabled/);
	});

	it('a DISA GPO backup\'s Registry.pol: the Remote Assistance policies on stdout, each other value on stderr, then their count', () => {
		const file = path.join(__dirname, '../../../test/fixtures/real/group-policy/dod-stig-win8-computer.registry.pol');
		const { code, stdout, stderr } = run(['import', file], dir);
		assert.equal(code, 0);
		assert.match(stdout, /^ {2}SolicitedRemoteAssistance: \{ state: disabled \}\n {2}UnsolicitedRemoteAssistance: \{ state: disabled \}\n {2}SessionLogging: \{ state: enabled \}\n/m);
		const lines = stderr.trimEnd().split('\n');
		assert.equal(lines.length, 210);
		assert.ok(lines.slice(0, -1).every((l) => l.startsWith('not converted: record ')));
		assert.equal(lines.at(-1), 'rapolicy import: 209 items not converted (listed above)');
	});

	it('a text file that is no known form is refused as before', () => {
		writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
		const { code, stderr } = run(['import', 'notes.txt'], dir);
		assert.equal(code, 2);
		assert.match(stderr, /is neither a policy file/);
	});
});

describe('rapolicy admx lint', () => {
	const real = path.join(__dirname, '../../../test/fixtures/real/admx');

	it('finds the en-US ADML beside each file, checks its strings, and prints problems as validate does', () => {
		const { code, stdout, stderr } = run(['admx', 'lint', 'chrome/chrome.admx', 'firefox/*.admx'], real);
		assert.equal(code, 0, stderr);
		assert.match(stdout, /^chrome\/chrome\.admx:7:5: information admx-intune-import Intune's Import ADMX needs the ADMX of Microsoft\.Policies\.Windows \(prefix windows\) uploaded first, though nothing/m);
		assert.match(stdout, /^firefox\/firefox\.admx:3051:105: warning admx-schema The list SecurityDevices has both explicitValue and valuePrefix/m);
		assert.doesNotMatch(stdout, /admx-strings|admx-syntax/);
		assert.equal(stderr, '\n3 files checked: 0 errors, 5 other problems\n');
	});

	it('says when no ADML was found, and exits 1 on an error', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-admx-'));
		writeFileSync(path.join(dir, 'bad.admx'), '<policyDefinitions><policies><policy name="P" class="Machine" displayName="d" explainText="e" key="SYSTEM\\CurrentControlSet\\X" valueName="V"/></policies></policyDefinitions>');
		const { code, stdout, stderr } = run(['admx', 'lint', 'bad.admx'], dir);
		assert.equal(code, 1, 'a device refuses to ingest a file that writes under System');
		assert.match(stdout, /^bad\.admx:1:100: error admx-ingestion P writes under SYSTEM\\CurrentControlSet\\X, which MDM ingestion refuses/m);
		assert.match(stderr, /^bad\.admx: no en-US ADML found beside it; string and presentation references were not checked \(give one with --adml\)$/m);
		writeFileSync(path.join(dir, 'kir.admx'), '<policyDefinitions><policies><policy name="K" class="Machine" displayName="d" explainText="e" key="SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides" valueName="1"/></policies></policyDefinitions>');
		const kir = run(['admx', 'lint', 'kir.admx'], dir);
		assert.equal(kir.code, 0, 'Known Issue Rollback files ingest on updated devices');
		assert.match(kir.stdout, /^kir\.admx:1:100: warning admx-ingestion K writes under SYSTEM/m);
		writeFileSync(path.join(dir, 'broken.admx'), '<policyDefinitions><policies><policy class="Machine"/></policies></policyDefinitions>');
		assert.equal(run(['admx', 'lint', 'broken.admx'], dir).code, 1);
		const json = JSON.parse(run(['admx', 'lint', '--format', 'json', 'broken.admx'], dir).stdout) as { code: string; message: string }[];
		assert.deepEqual(json.map((d) => `${d.code} ${d.message}`), [
			'admx-syntax <policy> needs a name attribute.',
			'admx-syntax <policy> needs a key attribute.',
			'admx-syntax <policy> needs a displayName attribute.',
			'admx-intune-import This policy has no explainText; Intune\'s Import ADMX fails on such a policy. Add explainText="$(string.…)".',
		]);
	});

	it('bad usage exits 2', () => {
		assert.equal(run(['admx'], tmpdir()).code, 2);
		assert.equal(run(['admx', 'check', 'x.admx'], tmpdir()).code, 2);
		assert.equal(run(['admx', 'lint', '--adml'], tmpdir()).code, 2);
		assert.match(run(['--help'], tmpdir()).stdout, /rapolicy admx lint \[--adml FILE\]/);
	});
});

describe('glob expansion', () => {
	it('expands a relative pattern against the cwd it is given, not the process\'s', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-glob-'));
		mkdirSync(path.join(dir, 'sub'));
		writeFileSync(path.join(dir, 'sub', 'a.syncml'), '');
		writeFileSync(path.join(dir, 'sub', 'b.syncml'), '');
		assert.notEqual(process.cwd(), dir);
		assert.deepEqual(expandGlob('sub/*.syncml', dir), ['sub/a.syncml', 'sub/b.syncml']);
		assert.deepEqual(expandGlob('**/b.syncml', dir), ['sub/b.syncml']);
		assert.deepEqual(expandGlob(path.join(dir, 'sub', '*.syncml'), '/'), [path.join(dir, 'sub', 'a.syncml'), path.join(dir, 'sub', 'b.syncml')]);
	});
});

describe('rapolicy validate --admx', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-admx-ingested-'));
	const firefox = path.join(__dirname, '../../../test/fixtures/real/admx/firefox');
	const row = (omaUri: string, value: string) => ({ '@odata.type': '#microsoft.graph.omaSettingString', displayName: 'x', omaUri, value });
	writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
		'@odata.type': '#microsoft.graph.windows10CustomConfiguration',
		displayName: 'Firefox settings',
		omaSettings: [
			row('./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/AppUpdatePin', '<enabled/><data id="String" value="106."/>'),
			row('./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/Cookies_Behavior', '<enabled/><data id="Cookies_Behavior" value="reject"/>'),
		],
	}, null, 2));

	it('without it, policies of an ADMX ingested by another profile are only named; with it, they are checked', () => {
		const alone = run(['validate', 'settings.json'], dir);
		assert.equal(alone.code, 0);
		assert.equal(alone.stdout.match(/warning ingested-app/g)?.length, 2);
		assert.match(alone.stdout, /name its ADMX under admx\.ingested in rapolicy\.json or the rapolicy\.admx\.ingested setting, or with rapolicy validate --admx Firefox=FILE\./);
		const checked = run(['validate', '--admx', `Firefox=${firefox}`, 'settings.json'], dir);
		assert.equal(checked.code, 1);
		assert.deepEqual(checked.stdout.trim().split('\n').map((l) => / (error|warning) ([\w-]+) /.exec(l)?.slice(1, 3).join(' ')), ['error ingested-uri']);
		assert.match(checked.stdout, /is \.\/Device\/Vendor\/MSFT\/Policy\/Config\/Firefox~Policy~firefox~Cookies\/Cookies_Behavior\.$/m);
		assert.equal(run(['validate', '--admx', `Firefox=${path.join(firefox, 'firefox.admx')}`, 'settings.json'], dir).code, 1, 'a file works as a folder does');
	});

	it('refuses a spec without APP= and a file it cannot read', () => {
		assert.equal(run(['validate', '--admx', 'firefox.admx', 'settings.json'], dir).code, 2);
		const missing = run(['validate', '--admx', 'Firefox=nowhere.admx', 'settings.json'], dir);
		assert.equal(missing.code, 2);
		assert.equal(missing.stderr, 'rapolicy validate: --admx Firefox=nowhere.admx: nowhere.admx does not exist.\n');
	});

	it('reads the ADML from the folder --admx-language names, and refuses one it cannot read', () => {
		const app = path.join(dir, 'app');
		mkdirSync(path.join(app, 'de-DE'), { recursive: true });
		writeFileSync(path.join(app, 'firefox.admx'), readFileSync(path.join(firefox, 'firefox.admx')));
		writeFileSync(path.join(app, 'de-DE', 'firefox.adml'), Buffer.from('<?xml version="1.0" encoding="windows-1252"?><policyDefinitionResources>\u00e9</policyDefinitionResources>', 'latin1'));
		assert.equal(run(['validate', '--admx', 'Firefox=app', 'settings.json'], dir).code, 1, 'no en-US ADML: the ADMX alone');
		const refused = run(['validate', '--admx', 'Firefox=app', '--admx-language', 'de-de', 'settings.json'], dir);
		assert.equal(refused.code, 2);
		assert.match(refused.stderr, /^rapolicy validate: --admx Firefox=app: .*de-DE\/firefox\.adml cannot be read: The file declares encoding="windows-1252"/);
		assert.equal(run(['validate', '--admx', 'Firefox=app', '--admx-language'], dir).code, 2);
		assert.match(run(['--help'], dir).stdout, /--admx-language LANG/);
	});
});

describe('rapolicy validate and encode: a profile of ingested ADMX policies', () => {
	const source = path.join(__dirname, '../../../test/fixtures/real/admx/firefox');
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-ingested-'));
	mkdirSync(path.join(dir, 'admx', 'en-US'), { recursive: true });
	for (const file of ['firefox.admx', 'mozilla.admx', 'en-US/firefox.adml']) {
		writeFileSync(path.join(dir, 'admx', file), readFileSync(path.join(source, file)));
	}
	const head = 'profile: Firefox baseline\nadmx:\n  - app: Firefox\n    file: admx/firefox.admx\n  - app: Firefox\n    file: admx/mozilla.admx\npolicies:\n';
	writeFileSync(path.join(dir, 'firefox.rapolicy.yaml'), `${head}  Firefox/DisableAppUpdate: { state: enabled }\n  Firefox/Cookies_Allow:\n    state: enabled\n    options:\n      Permissions: [https://example.org]\n`);
	writeFileSync(path.join(dir, 'typo.rapolicy.yaml'), `${head}  Firefox/DisableAppUpdat: { state: enabled }\n`);
	writeFileSync(path.join(dir, 'elsewhere.rapolicy.yaml'), 'profile: P\npolicies:\n  Chrome/HomepageLocation: { state: disabled }\n');

	it('reads the ADMX files the profile names, relative to the profile, and reports what the ADMX lacks', () => {
		assert.equal(run(['validate', 'firefox.rapolicy.yaml'], dir).code, 0);
		const typo = run(['validate', 'typo.rapolicy.yaml'], dir);
		assert.equal(typo.code, 1);
		assert.match(typo.stdout, /typo\.rapolicy\.yaml:8:11: error unknown-policy .*Did you mean DisableAppUpdate\?/);
	});

	it('encodes SyncML that ingests the ADMX first, and lists the derived nodes with --to payload', () => {
		const syncml = run(['encode', 'firefox.rapolicy.yaml', '--to', 'syncml'], dir);
		assert.equal(syncml.code, 0, syncml.stderr);
		assert.ok(syncml.stdout.indexOf('ADMXInstall/Firefox/Policy/firefox</LocURI>') < syncml.stdout.indexOf('ADMXInstall/Firefox/Policy/mozilla</LocURI>'));
		assert.ok(syncml.stdout.indexOf('ADMXInstall/Firefox/Policy/mozilla</LocURI>') < syncml.stdout.indexOf('<Replace>'));
		const rows = JSON.parse(run(['encode', 'firefox.rapolicy.yaml', '--to', 'payload'], dir).stdout) as { omaUri: string; payload: string }[];
		assert.deepEqual(rows.map((r) => [r.omaUri, r.payload]), [
			['./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/DisableAppUpdate', '<enabled/>'],
			['./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox~Cookies/Cookies_Allow', '<enabled/><data id="Permissions" value="1&#xF000;https://example.org"/>'],
		]);
	});

	it('refuses to encode a policy whose AppName nothing ingests, and the settings catalog names what it leaves out', () => {
		const refused = run(['encode', 'elsewhere.rapolicy.yaml', '--to', 'syncml'], dir);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /Chrome\/HomepageLocation: no ADMX this profile ingests defines it/);
		const catalog = run(['encode', 'firefox.rapolicy.yaml', '--to', 'settings-catalog'], dir);
		assert.match(catalog.stderr, /does not carry ingested ADMX files.*Firefox\/DisableAppUpdate, Firefox\/Cookies_Allow/);
	});
});
