import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { run } from '../helpers/cli';
import { RULE_CODES, RULES } from '../../server/src/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const ESTATE = path.join(ROOT, 'test/fixtures/estate');

interface JsonLine {
	readonly file: string;
	readonly severity: string;
	readonly code: string;
	readonly message: string;
	readonly range: { readonly start: { readonly line: number; readonly character: number } };
	readonly bytes?: { readonly offset: number; readonly length: number };
	readonly related?: readonly { readonly file: string; readonly message: string; readonly bytes?: unknown }[];
}

function json(args: readonly string[], cwd: string): JsonLine[] {
	const { stdout } = run([...args, '--format', 'json'], cwd);
	return JSON.parse(stdout) as JsonLine[];
}

/** `file code policy` of each finding, as the test lists the planted ones. */
const summary = (lines: readonly JsonLine[]) => lines.map((l) => `${l.file} ${l.code} ${/^\w+/.exec(l.message)?.[0]}`).sort();

/** Version 2.1.0 of the OASIS schema; its formats are checked loosely, as ajv has none of its own for draft-04. */
function sarifValidator() {
	// The schema names a required property that anyOf defines in another branch, which strict mode refuses.
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addFormat('uri', { validate: (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text) });
	ajv.addFormat('uri-reference', { validate: (text: string) => URL.canParse(text, 'file:///') && !/\s/.test(text) });
	ajv.addFormat('date-time', { validate: (text: string) => !Number.isNaN(Date.parse(text)) });
	return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object);
}

describe('rapolicy check: the estate of real files (test/fixtures/estate)', () => {
	it('race/: every planted conflict at both of its sources, and nothing else', () => {
		const lines = json(['check', 'race'], ESTATE);
		const G = 'dod-stig-win8-computer.registry.pol';
		const C = 'constructed-catalog-ra-enabled.nativeimport.json';
		const I = 'helpdesk-offer-help.intune.json';
		const L = 'branch-office-desktops.lgpo.txt';
		const at = (file: string, code: string, policy: string) => `race/${file} ${code} ${policy}`;
		assert.deepEqual(summary(lines), [
			// Offer: four different values, two by MDM and two by Group Policy.
			at(C, 'conflicting-sources', 'UnsolicitedRemoteAssistance'), at(I, 'conflicting-sources', 'UnsolicitedRemoteAssistance'),
			at(G, 'conflicting-sources', 'UnsolicitedRemoteAssistance'), at(L, 'conflicting-sources', 'UnsolicitedRemoteAssistance'),
			at(G, 'gp-mdm-race', 'UnsolicitedRemoteAssistance'), at(L, 'gp-mdm-race', 'UnsolicitedRemoteAssistance'),
			at(C, 'gp-mdm-race', 'UnsolicitedRemoteAssistance'), at(I, 'gp-mdm-race', 'UnsolicitedRemoteAssistance'),
			// Solicited: the settings catalog enables it, the custom profile and the GPO disable it.
			at(C, 'conflicting-sources', 'SolicitedRemoteAssistance'), at(I, 'conflicting-sources', 'SolicitedRemoteAssistance'),
			at(G, 'gp-mdm-race', 'SolicitedRemoteAssistance'), at(C, 'gp-mdm-race', 'SolicitedRemoteAssistance'),
			at(G, 'also-set', 'SolicitedRemoteAssistance'), at(I, 'also-set', 'SolicitedRemoteAssistance'),
			// Session logging is on everywhere.
			at(G, 'also-set', 'SessionLogging'), at(C, 'also-set', 'SessionLogging'), at(I, 'also-set', 'SessionLogging'), at(L, 'also-set', 'SessionLogging'),
			// The DoD banner texts against the helpdesk's.
			at(G, 'gp-mdm-race', 'CustomizeWarningMessages'), at(I, 'gp-mdm-race', 'CustomizeWarningMessages'),
			// Bandwidth: no background against full optimization.
			at(C, 'gp-mdm-race', 'RA_Optimize_Bandwidth'), at(L, 'gp-mdm-race', 'RA_Optimize_Bandwidth'),
		].sort());
		for (const line of lines) {
			assert.ok((line.related ?? []).length > 0, `${line.file} ${line.code} names the other sources`);
		}
	});

	it('mdm-wins/: MDMWinsOverGP makes the MDM value win, said at both sources with the switch among the related places', () => {
		const lines = json(['check', 'mdm-wins'], ESTATE);
		assert.deepEqual(summary(lines), ['mdm-wins/nsa-shb-win10-stig-computer.registry.pol mdm-wins-over-gp SolicitedRemoteAssistance', 'mdm-wins/office-laptops.syncml mdm-wins-over-gp SolicitedRemoteAssistance']);
		const [gp, mdm] = lines;
		assert.deepEqual(gp.related?.map((r) => r.file), ['mdm-wins/office-laptops.syncml', 'mdm-wins/mdm-wins-over-gp.syncml']);
		assert.deepEqual(mdm.related?.map((r) => r.file), ['mdm-wins/nsa-shb-win10-stig-computer.registry.pol', 'mdm-wins/mdm-wins-over-gp.syncml']);
		assert.deepEqual(gp.bytes, { offset: 0x317a, length: 170 });
		assert.deepEqual(mdm.range.start, { line: 6, character: 70 });
		assert.match(gp.message, /^SolicitedRemoteAssistance \(Configure Solicited Remote Assistance\) is disabled here by Group Policy and enabled with .* by MDM in office-laptops\.syncml\. mdm-wins-over-gp\.syncml sets ControlPolicyConflict\/MDMWinsOverGP to 1/);
	});

	it('the files written by rapolicy are what its exporters write today, and the real files are byte-for-byte copies', () => {
		const exported = [
			['race/helpdesk-offer-help.intune.json', ['encode', '--to', 'intune', 'examples/helpdesk-offer-help.rapolicy.yaml']],
			['race/branch-office-desktops.lgpo.txt', ['encode', '--to', 'lgpo', '--profile', 'Branch office desktops', 'examples/fleet.rapolicy.yaml']],
			['mdm-wins/office-laptops.syncml', ['encode', '--to', 'syncml', '--profile', 'Office laptops, short invitations', 'examples/fleet.rapolicy.yaml']],
		] as const;
		for (const [file, args] of exported) {
			assert.equal(run(args, ROOT).stdout, readFileSync(path.join(ESTATE, file), 'utf8'), file);
		}
		const copies = [
			['race/dod-stig-win8-computer.registry.pol', 'real/group-policy/dod-stig-win8-computer.registry.pol'],
			['race/constructed-catalog-ra-enabled.nativeimport.json', 'real/intune/constructed-catalog-ra-enabled.nativeimport.json'],
			['mdm-wins/nsa-shb-win10-stig-computer.registry.pol', 'real/group-policy/nsa-shb-win10-stig-computer.registry.pol'],
		] as const;
		for (const [copy, original] of copies) {
			assert.deepEqual(readFileSync(path.join(ESTATE, copy)), readFileSync(path.join(ROOT, 'test/fixtures', original)), copy);
		}
	});

	it('the whole folder is one estate: the two sets meet too', () => {
		const lines = json(['check'], ESTATE);
		assert.ok(lines.some((l) => l.file === 'mdm-wins/office-laptops.syncml' && l.code === 'conflicting-sources'), 'the SyncML profile and the settings catalog set Solicited differently');
		assert.ok(lines.every((l) => l.code !== 'gp-mdm-race'), 'MDMWinsOverGP in one file settles every Group Policy value of the folder');
	});
});

describe('rapolicy check: text output, files left out, exit status', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-check-'));
	mkdirSync(path.join(dir, 'gpo'));
	mkdirSync(path.join(dir, 'node_modules'));
	mkdirSync(path.join(dir, '.git'));
	const view = 'profile: View\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit: [CORP\\RA-Helpdesk]\n';
	writeFileSync(path.join(dir, 'view.rapolicy.yaml'), view);
	writeFileSync(path.join(dir, 'control.rapolicy.yaml'), view.replace('view-only', 'remote-control'));
	writeFileSync(path.join(dir, 'gpo', 'offer.lgpo.txt'), 'Computer\nSoftware\\Policies\\Microsoft\\Windows NT\\Terminal Services\nfAllowUnsolicited\nDWORD:0\n');
	// Prose that quotes a cmdlet is no script, and folders of tools are not walked.
	writeFileSync(path.join(dir, 'README.md'), 'Run Set-GPRegistryValue -Key HKLM\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services -ValueName fAllowUnsolicited -Type DWord -Value 1\n');
	writeFileSync(path.join(dir, 'notes.txt'), 'Remote Assistance: see the profiles.\n');
	writeFileSync(path.join(dir, 'node_modules', 'x.rapolicy.yaml'), 'profile: broken\n');
	writeFileSync(path.join(dir, '.git', 'y.rapolicy.yaml'), 'profile: broken\n');

	it('prints each finding with the places it meets indented below it, and counts the files left out', () => {
		const { code, stdout, stderr } = run(['check'], dir);
		assert.equal(code, 0, stderr);
		const lines = stdout.split('\n').filter((l) => l !== '');
		assert.deepEqual(lines.filter((l) => !l.startsWith('  ')).map((l) => l.split(' ').slice(0, 3).join(' ')), [
			'control.rapolicy.yaml:3:3: warning conflicting-sources',
			'control.rapolicy.yaml:3:3: warning gp-mdm-race',
			'gpo/offer.lgpo.txt:1:1: warning gp-mdm-race',
			'view.rapolicy.yaml:3:3: warning conflicting-sources',
			'view.rapolicy.yaml:3:3: warning gp-mdm-race',
		]);
		assert.equal(lines[1], '  view.rapolicy.yaml:3:3: MDM sets it enabled with RA_Unsolicit_Control_List view-only here');
		assert.match(stderr, /^3 files checked \(2 of no form rapolicy reads left out\): 0 errors, 5 other problems$/m);
	});

	it('a file\'s own errors count as validate counts them: exit 1', () => {
		const broken = mkdtempSync(path.join(tmpdir(), 'rapolicy-check-broken-'));
		writeFileSync(path.join(broken, 'a.rapolicy.yaml'), 'profile: A\npolicies:\n  SessionLogging:\n    stat: enabled\n');
		const { code, stdout } = run(['check', broken], dir);
		assert.equal(code, 1);
		assert.match(stdout, /a\.rapolicy\.yaml:4:5: error unknown-key /);
	});

	it('takes files and globs as well as folders', () => {
		const { code, stdout } = run(['check', 'view.rapolicy.yaml', 'gpo/*.txt'], dir);
		assert.equal(code, 0);
		assert.deepEqual(stdout.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(' ')[2]), ['gp-mdm-race', 'gp-mdm-race']);
	});

	it('bad usage and a missing folder exit 2', () => {
		assert.equal(run(['check', '--format', 'xml'], dir).code, 2);
		assert.equal(run(['check', '--strict'], dir).code, 2);
		const missing = run(['check', 'nowhere'], dir);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /no file matches nowhere/);
		assert.match(run(['help'], dir).stdout, /Usage: rapolicy check \[--format text\|json\|sarif\]/);
	});
});

describe('rapolicy check --format sarif', () => {
	const validate = sarifValidator();
	const log = (args: readonly string[], cwd = ESTATE) => JSON.parse(run([...args, '--format', 'sarif'], cwd).stdout) as {
		runs: [{
			tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } };
			originalUriBaseIds: Record<string, { uri: string }>;
			results: {
				ruleId: string;
				ruleIndex: number;
				level: string;
				message: { text: string };
				locations: [{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }];
				relatedLocations?: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
			}[];
		}];
	};

	it('validates against the SARIF 2.1.0 schema, for both estates and for a file\'s own errors', () => {
		const broken = mkdtempSync(path.join(tmpdir(), 'rapolicy-sarif-'));
		writeFileSync(path.join(broken, 'a.rapolicy.yaml'), 'profile: A\npolicies:\n  SessionLogging:\n    stat: enabled\n');
		writeFileSync(path.join(broken, 'b.syncml'), new Uint8Array([0x3c, 0x53, 0xff, 0xfe, 0x00]));
		for (const sarif of [log(['check', 'race']), log(['check', 'mdm-wins']), log(['check', broken], ROOT)]) {
			assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
		}
		assert.deepEqual(log(['check', broken], ROOT).runs[0].results.map((r) => [r.ruleId, r.level]), [['missing-state', 'error'], ['unknown-key', 'error'], ['xml-encoding', 'error']]);
	});

	it('names every rule with its description as help, and each result\'s rule by id and index', () => {
		const [run0] = log(['check', 'race']).runs;
		const { rules } = run0.tool.driver;
		assert.equal(run0.tool.driver.name, 'rapolicy');
		for (const code of RULE_CODES) {
			const rule = rules.find((r) => r.id === code);
			assert.equal(rule?.help.text, RULES[code].description, code);
		}
		for (const result of run0.results) {
			assert.equal(rules[result.ruleIndex].id, result.ruleId);
			assert.equal(result.level, result.ruleId === 'also-set' ? 'note' : 'warning');
		}
	});

	it('places results relative to the folder checked, with 1-based regions, and a Registry.pol record by its bytes', () => {
		const [run0] = log(['check', 'mdm-wins']).runs;
		assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, `${new URL(`file://${path.join(ESTATE, 'mdm-wins')}`).href}/`);
		const [gp, mdm] = run0.results;
		assert.deepEqual(gp.locations[0].physicalLocation, { artifactLocation: { uri: 'nsa-shb-win10-stig-computer.registry.pol', uriBaseId: '%SRCROOT%' }, region: { byteOffset: 0x317a, byteLength: 170 } });
		assert.deepEqual(mdm.locations[0].physicalLocation, { artifactLocation: { uri: 'office-laptops.syncml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 71, endLine: 7, endColumn: 96 } });
		const text = readFileSync(path.join(ESTATE, 'mdm-wins/office-laptops.syncml'), 'utf8').split('\n')[6];
		assert.equal(text.slice(70, 95), 'SolicitedRemoteAssistance');
		assert.deepEqual(mdm.relatedLocations?.map((r) => [r.id, r.physicalLocation.artifactLocation.uri, r.message.text]), [
			[0, 'nsa-shb-win10-stig-computer.registry.pol', 'Group Policy sets it disabled here'],
			[1, 'mdm-wins-over-gp.syncml', 'ControlPolicyConflict/MDMWinsOverGP is set to 1 here'],
		]);
	});

	it('escapes names in artifact URIs', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-sarif-names-'));
		writeFileSync(path.join(dir, 'a b#1.rapolicy.yaml'), 'profile: A\npolicies:\n  SessionLogging:\n    stat: enabled\n');
		const sarif = log(['check', dir], ROOT);
		assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%20b%231.rapolicy.yaml');
		assert.ok(validate(sarif));
	});
});

describe('rapolicy check: ingested ADMX policies across channels', () => {
	const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-check-admx-'));
	mkdirSync(path.join(dir, 'profiles'));
	mkdirSync(path.join(dir, 'gpo'));
	mkdirSync(path.join(dir, 'profiles', 'admx'));
	writeFileSync(path.join(dir, 'profiles', 'contoso.rapolicy.yaml'), readFileSync(path.join(WORKSPACE, 'contoso-profile.rapolicy.yaml')));
	writeFileSync(path.join(dir, 'profiles', 'admx', 'AppAdmxFile01.admx'), readFileSync(path.join(WORKSPACE, 'admx/AppAdmxFile01.admx')));
	const lgpo = run(['encode', '--to', 'lgpo', 'profiles/contoso.rapolicy.yaml'], dir).stdout;
	writeFileSync(path.join(dir, 'gpo', 'contoso.lgpo.txt'), lgpo.replace('SZ:sip.contoso.com', 'SZ:sip.fabrikam.com'));

	it('a GPO exported from a profile, then changed, races the profile on the policy it changed and agrees on the other', () => {
		const lines = json(['check'], dir).filter((l) => !l.code.startsWith('admx-'));
		assert.deepEqual(summary(lines), [
			'gpo/contoso.lgpo.txt also-set ContosoCompanyApp',
			'gpo/contoso.lgpo.txt gp-mdm-race ContosoCompanyApp',
			'profiles/contoso.rapolicy.yaml also-set ContosoCompanyApp',
			'profiles/contoso.rapolicy.yaml gp-mdm-race ContosoCompanyApp',
		]);
		assert.match(lines.find((l) => l.code === 'gp-mdm-race' && l.file.startsWith('gpo/'))?.message ?? '', /^ContosoCompanyApp\/L_PolicyConfigurationMode .* is enabled with L_ServerAddressInternal_VALUE "sip\.fabrikam\.com" here by Group Policy/);
	});

	it('an ADMX named with --admx is what a GPO alone is read against', () => {
		const alone = json(['check', 'gpo'], dir);
		assert.deepEqual(alone, []);
		const gpoOnly = mkdtempSync(path.join(tmpdir(), 'rapolicy-check-gpo-'));
		writeFileSync(path.join(gpoOnly, 'a.lgpo.txt'), lgpo);
		writeFileSync(path.join(gpoOnly, 'b.lgpo.txt'), lgpo.replace('DWORD:0', 'DWORD:1'));
		const admx = path.join(dir, 'profiles', 'admx', 'AppAdmxFile01.admx');
		assert.deepEqual(summary(json(['check', gpoOnly], dir)), []);
		assert.deepEqual(summary(json(['check', '--admx', `ContosoCompanyApp=${admx}`, gpoOnly], dir)).map((l) => l.split(' ').slice(1).join(' ')).sort(), [
			'also-set ContosoCompanyApp', 'also-set ContosoCompanyApp', 'conflicting-sources ContosoCompanyApp', 'conflicting-sources ContosoCompanyApp',
		]);
	});
});

describe('rapolicy check with a project configuration', () => {
	/** A copy of race/ with a rapolicy.json beside its files. */
	function raceWith(config: object): string {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-check-config-'));
		cpSync(path.join(ESTATE, 'race'), dir, { recursive: true });
		writeFileSync(path.join(dir, 'rapolicy.json'), JSON.stringify(config));
		return dir;
	}
	const codes = (lines: readonly JsonLine[]) => [...new Set(lines.map((l) => `${l.file} ${l.severity} ${l.code}`))].sort();

	it('judges each estate apart: files the estates keep apart do not meet', () => {
		const dir = raceWith({ estates: { gpo: ['*.lgpo.txt', '*.registry.pol'], mdm: ['*.json'] } });
		assert.deepEqual(codes(json(['check', '.'], dir)), [
			'branch-office-desktops.lgpo.txt information also-set',
			'branch-office-desktops.lgpo.txt warning conflicting-sources',
			'constructed-catalog-ra-enabled.nativeimport.json information also-set',
			'constructed-catalog-ra-enabled.nativeimport.json warning conflicting-sources',
			'dod-stig-win8-computer.registry.pol information also-set',
			'dod-stig-win8-computer.registry.pol warning conflicting-sources',
			'helpdesk-offer-help.intune.json information also-set',
			'helpdesk-offer-help.intune.json warning conflicting-sources',
		], 'no race between Group Policy and MDM once they are apart');
	});

	it('weighs findings by the configuration\'s rules and leaves out the files it ignores', () => {
		const dir = raceWith({ rules: { 'gp-mdm-race': 'error', 'also-set': 'off' }, ignore: ['*.registry.pol'] });
		const result = run(['check', '.', '--format', 'json'], dir);
		assert.equal(result.code, 1);
		const lines = JSON.parse(result.stdout) as JsonLine[];
		assert.ok(lines.every((l) => !l.file.endsWith('.registry.pol') && l.code !== 'also-set'));
		assert.ok(lines.some((l) => l.code === 'gp-mdm-race' && l.severity === 'error'));
		assert.deepEqual(run(['check', '.', '--no-config', '--format', 'json'], dir).code, 0, 'warnings alone without it');
	});
});
