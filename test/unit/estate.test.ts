import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { encodeLgpoText, FILE_CHANNELS, loadAdmx, parsePolicyDocument, readEstate, readSource, resolveProfiles, withIngestedAdmx, type EffectiveSetting, type EstateSource, type IngestionInstall, type ResolvedProfile, type SourcePlace } from '../../server/src/service';
import type { AdmxFile, AdmxPolicy } from '../../server/src/service/admx/admxModel';
import type { ReadAdmx } from '../../server/src/service/admx/admxSource';
import type { FileChannel } from '../../server/src/service/channels/channel';
import { admxRegistryOperations } from '../../server/src/service/gpo/admxRegistry';
import { lgpoSetting } from '../../server/src/service/gpo/lgpoText';
import { gpRegistryCalls } from '../../server/src/service/gpo/powershell';
import type { GpOperation } from '../../server/src/service/gpo/registryOperation';
import { registryPolFile } from '../../server/src/service/gpo/registryPol';
import { groupPolicySettings, type GroupPolicyFormat } from '../../server/src/service/import/importGroupPolicy';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');

/** Every policy set, none left not configured: the channels that cannot send a Delete write all of it. */
const PROFILE = `profile: Every channel
scope: device
policies:
  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: remote-control
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
  CustomizeWarningMessages:
    state: enabled
    options:
      RA_Options_Share_Control_Message: Control is about to be shared.
      RA_Options_Connect_Message: A helper is connecting.
  SessionLogging: { state: disabled }
  RA_EncryptedTicketOnly: { state: enabled }
  RA_Optimize_Bandwidth:
    state: enabled
    options:
      RA_Optimize_Bandwidth_List: no-background
`;

const YAML_URI = 'file:///estate/every.rapolicy.yaml';

function profileOf(yaml: string, uri = YAML_URI): ResolvedProfile {
	return resolveProfiles(parsePolicyDocument(uri, 1, yaml))[0];
}

function exported(channel: FileChannel, profile: ResolvedProfile): string | Uint8Array {
	const encoded = channel.encode(profile, { encoding: 'escape', fullMessage: false });
	if ('refusal' in encoded) {
		throw new Error(`${channel.id}: ${encoded.refusal}`);
	}
	return encoded.content;
}

function read(uri: string, content: string | Uint8Array): EstateSource {
	const source = readSource({ uri, content }, {});
	assert.ok(source, `${uri} is read`);
	return source;
}

/** What makes two settings the same setting: policy, scope, state and values. */
const essence = (s: EffectiveSetting) => `${s.scope} ${s.key} ${s.sameness}`;

/** The text of a place, of a text source. */
function placed(text: string, place: SourcePlace): string {
	const lines = TextDocument.create('file:///x', 'plaintext', 0, text);
	return text.slice(lines.offsetAt(place.range.start), lines.offsetAt(place.range.end));
}

describe('the effective form: every kind of file reads into one', () => {
	const profile = profileOf(PROFILE);
	const yaml = read(YAML_URI, PROFILE);

	it('a policy profile: each policy at its key, with its channel', () => {
		assert.equal(yaml.delivery, 'mdm');
		assert.equal(yaml.form, 'policy profile');
		assert.deepEqual(yaml.settings.map((s) => s.key), ['UnsolicitedRemoteAssistance', 'SolicitedRemoteAssistance', 'CustomizeWarningMessages', 'SessionLogging', 'RA_EncryptedTicketOnly', 'RA_Optimize_Bandwidth']);
		for (const setting of yaml.settings) {
			assert.equal(placed(PROFILE, setting.place), setting.key);
			assert.equal(setting.scope, 'device');
		}
	});

	for (const channel of FILE_CHANNELS) {
		it(`${channel.name}: the same settings as the profile it was exported from`, () => {
			const uri = `file:///estate/every${channel.extension}`;
			const source = read(uri, exported(channel, profile));
			assert.equal(source.delivery, channel.family ? 'group-policy' : 'mdm');
			assert.deepEqual(source.settings.map(essence).sort(), yaml.settings.map(essence).sort());
		});
	}

	it('equal settings compare equal: helper order and repeats do not matter, text and numbers do', () => {
		const helpers = (list: string) => read(YAML_URI, `profile: P\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit: ${list}\n`).settings[0].sameness;
		assert.equal(helpers('[CORP\\A, CORP\\B]'), helpers('[CORP\\B, CORP\\A, CORP\\B]'));
		assert.notEqual(helpers('[CORP\\A, CORP\\B]'), helpers('[CORP\\A]'));
		const expiry = (value: string) => read(YAML_URI, PROFILE.replace('RA_Solicit_ExpireValue_Edt: 30', `RA_Solicit_ExpireValue_Edt: ${value}`)).settings[1].sameness;
		assert.equal(expiry('30'), expiry('"30"'));
		assert.notEqual(expiry('30'), expiry('31'));
		// The alias of a choice and its number are one value.
		assert.equal(read(YAML_URI, PROFILE.replace('no-background', '8')).settings[5].sameness, yaml.settings[5].sameness);
	});

	it('SyncML and the Intune custom profile point at the policy segment of the URI, the settings catalog at the setting id', () => {
		const offer = (s: EstateSource) => s.settings.find((x) => x.key === 'UnsolicitedRemoteAssistance') as EffectiveSetting;
		for (const id of ['syncml', 'fleet', 'intune']) {
			const channel = FILE_CHANNELS.find((c) => c.id === id) as FileChannel;
			const text = exported(channel, profile) as string;
			assert.equal(placed(text, offer(read(`file:///estate/x${channel.extension}`, text)).place), 'UnsolicitedRemoteAssistance', id);
		}
		const catalog = exported(FILE_CHANNELS.find((c) => c.id === 'settings-catalog') as FileChannel, profile) as string;
		assert.equal(placed(catalog, offer(read('file:///estate/x.settings-catalog.json', catalog)).place), 'device_vendor_msft_policy_config_remoteassistance_unsolicitedremoteassistance');
	});

	it('LGPO text and a GroupPolicy script point at the record of the policy\'s own value', () => {
		const lgpo = exported(FILE_CHANNELS.find((c) => c.id === 'lgpo') as FileChannel, profile) as string;
		const setting = read('file:///estate/x.lgpo.txt', lgpo).settings.find((s) => s.key === 'UnsolicitedRemoteAssistance') as EffectiveSetting;
		assert.equal(placed(lgpo, setting.place), 'Computer\nSoftware\\policies\\Microsoft\\Windows NT\\Terminal Services\nfAllowUnsolicited\nDWORD:1');
		const script = exported(FILE_CHANNELS.find((c) => c.id === 'powershell') as FileChannel, profile) as string;
		const call = read('file:///estate/x.ps1', script).settings.find((s) => s.key === 'UnsolicitedRemoteAssistance') as EffectiveSetting;
		assert.match(placed(script, call.place), /^Set-GPRegistryValue -Name \$GpoName -Key 'HKLM\\Software\\policies\\Microsoft\\Windows NT\\Terminal Services' -ValueName 'fAllowUnsolicited' -Type DWord -Value 1 \| Out-Null$/);
	});

	it('a Registry.pol, which has no lines, is placed at 0:0 with the bytes of its record', () => {
		const bytes = exported(FILE_CHANNELS.find((c) => c.id === 'registry-pol') as FileChannel, profile) as Uint8Array;
		const { place } = read('file:///estate/x.pol', bytes).settings.find((s) => s.key === 'UnsolicitedRemoteAssistance') as EffectiveSetting;
		assert.equal(place.binary, true);
		assert.deepEqual(place.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
		const record = new TextDecoder('utf-16le').decode(bytes.subarray(place.span.start, place.span.end - 2));
		assert.ok(record.startsWith('[Software\\policies\\Microsoft\\Windows NT\\Terminal Services\0;fAllowUnsolicited\0;'), record);
		assert.equal(String.fromCharCode(...bytes.subarray(place.span.end - 2, place.span.end)), ']\0');
	});

	it('a real Registry.pol: each policy at the record of its value', () => {
		const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'test/fixtures/real/group-policy/dod-stig-win8-computer.registry.pol')));
		const source = read('file:///estate/dod.registry.pol', bytes);
		const values = source.settings.map((s) => [s.key, s.state, new TextDecoder('utf-16le').decode(bytes.subarray(s.place.span.start, s.place.span.end)).split('\0;')[1]]);
		assert.deepEqual(values, [['SolicitedRemoteAssistance', 'disabled', 'fAllowToGetHelp'], ['UnsolicitedRemoteAssistance', 'disabled', 'fAllowUnsolicited'], ['SessionLogging', 'enabled', 'LoggingEnabled'], ['CustomizeWarningMessages', 'enabled', 'UseCustomMessages']]);
	});

	it('a message keeps the last setting of each policy, as a device is left with it', () => {
		const syncml = exported(FILE_CHANNELS.find((c) => c.id === 'syncml') as FileChannel, profileOf('profile: P\npolicies:\n  SessionLogging: { state: enabled }\n')) as string;
		const both = syncml.replace(/(<Replace>[\s\S]*<\/Replace>)/, '$1\n    <Delete><CmdID>9</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target></Item></Delete>');
		assert.deepEqual(read('file:///estate/x.syncml', both).settings.map((s) => s.state), ['not-configured']);
	});

	it('each profile of a policy file is a source of its own, named in messages', () => {
		const text = readFileSync(path.join(ROOT, 'examples/fleet.rapolicy.yaml'), 'utf8');
		const source = read('file:///estate/fleet.rapolicy.yaml', text);
		assert.deepEqual([...new Set(source.settings.map((s) => s.source.label))], ['fleet.rapolicy.yaml, profile Office laptops, short invitations', 'fleet.rapolicy.yaml, profile Branch office desktops']);
	});

	it('what a device reports sets nothing, and an ADMX file or other text is no source', () => {
		const device = readFileSync(path.join(ROOT, 'test/fixtures/real/syncml/constructed-device-results-remote-assistance.xml'), 'utf8');
		const report = read('file:///estate/results.xml', device);
		assert.equal(report.settings.length, 0);
		assert.equal(readSource({ uri: 'file:///estate/contoso.admx', content: readFileSync(path.join(WORKSPACE, 'contoso.admx'), 'utf8') }, {}), undefined);
		assert.equal(readSource({ uri: 'file:///estate/notes.txt', content: 'Remote Assistance is off.\n' }, {}), undefined);
	});
});

describe('the effective form of ingested ADMX policies', () => {
	const admxText = readFileSync(path.join(WORKSPACE, 'admx/AppAdmxFile01.admx'), 'utf8');
	const readAdmx: ReadAdmx = () => ({ admx: loadAdmx(admxText), adml: undefined, text: admxText });
	const profileText = readFileSync(path.join(WORKSPACE, 'contoso-profile.rapolicy.yaml'), 'utf8');
	const doc = withIngestedAdmx(parsePolicyDocument('file:///estate/contoso.rapolicy.yaml', 1, profileText), [], readAdmx);

	it('a profile, and the SyncML and custom profile exported from it, set the same App/Policy settings', () => {
		const yaml = readSource({ uri: doc.uri, content: profileText, parsed: doc }, {});
		assert.ok(yaml);
		assert.deepEqual(yaml.settings.map((s) => [s.key, s.scope, s.state]), [['ContosoCompanyApp/L_PolicyConfigurationMode', 'device', 'enabled'], ['ContosoCompanyApp/L_PolicyPreventRun', 'device', 'disabled']]);
		const [profile] = resolveProfiles(doc);
		for (const id of ['syncml', 'intune']) {
			const channel = FILE_CHANNELS.find((c) => c.id === id) as FileChannel;
			const text = exported(channel, profile) as string;
			const source = read(`file:///estate/contoso${channel.extension}`, text);
			assert.deepEqual(source.settings.map(essence), yaml.settings.map(essence), id);
			for (const setting of source.settings) {
				assert.match(placed(text, setting.place), /^\.\/Device\/Vendor\/MSFT\/Policy\/Config\/ContosoCompanyApp~Policy~ParentCategoryArea~Category\d\/L_Policy\w+$/, id);
			}
		}
	});

	it('without the ADMX at hand, a policy file\'s ingested policies do not count', () => {
		const bare = parsePolicyDocument('file:///estate/contoso.rapolicy.yaml', 1, profileText);
		assert.deepEqual(readSource({ uri: bare.uri, content: profileText, parsed: bare }, {})?.settings, []);
	});
});

describe('ControlPolicyConflict/MDMWinsOverGP in the estate', () => {
	const SYNCML = readFileSync(path.join(ROOT, 'test/fixtures/estate/mdm-wins/mdm-wins-over-gp.syncml'), 'utf8');
	const on = (uri: string, text: string) => read(uri, text).mdmWinsOverGp;

	it('is read from a SyncML Replace of 1, at its LocURI', () => {
		const [found] = on('file:///estate/w.syncml', SYNCML);
		assert.equal(placed(SYNCML, found.place), './Device/Vendor/MSFT/Policy/Config/ControlPolicyConflict/MDMWinsOverGP');
		assert.equal(found.label, 'w.syncml');
	});

	it('counts the file\'s last write: 0 or a Delete after the 1 turn it off again', () => {
		assert.deepEqual(on('file:///estate/w.syncml', SYNCML.replace('<Data>1</Data>', '<Data>0</Data>')), []);
		const deleted = SYNCML.replace('    <Final/>', '    <Delete><CmdID>2</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/ControlPolicyConflict/MDMWinsOverGP</LocURI></Target></Item></Delete>\n    <Final/>');
		assert.deepEqual(on('file:///estate/w.syncml', deleted), []);
		assert.equal(on('file:///estate/w.syncml', SYNCML.replace('./Device/Vendor', './Vendor')).length, 1, 'the device node without its root');
		assert.deepEqual(on('file:///estate/w.syncml', SYNCML.replace('MDMWinsOverGP', 'MdmWinsOverGp')), [], 'OMA-URIs are case sensitive');
	});

	it('is read from an Intune custom profile row and a settings-catalog setting', () => {
		const custom = JSON.stringify({ '@odata.type': '#microsoft.graph.windows10CustomConfiguration', displayName: 'Co-management', omaSettings: [{ '@odata.type': '#microsoft.graph.omaSettingInteger', displayName: 'MDMWinsOverGP', omaUri: './Device/Vendor/MSFT/Policy/Config/ControlPolicyConflict/MDMWinsOverGP', value: 1 }] }, null, 2);
		const [row] = on('file:///estate/c.json', custom);
		assert.equal(placed(custom, row.place), './Device/Vendor/MSFT/Policy/Config/ControlPolicyConflict/MDMWinsOverGP');
		const id = 'device_vendor_msft_policy_config_controlpolicyconflict_mdmwinsovergp';
		const catalog = (option: string) => JSON.stringify({ name: 'MDM wins', platforms: 'windows10', technologies: 'mdm', settings: [{ settingInstance: { '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance', settingDefinitionId: id, choiceSettingValue: { value: `${id}_${option}`, children: [] } } }] }, null, 2);
		assert.equal(placed(catalog('1'), on('file:///estate/s.json', catalog('1'))[0].place), id);
		assert.deepEqual(on('file:///estate/s.json', catalog('0')), []);
	});

	it('is an MDM setting: a Group Policy file never turns it on', () => {
		const lgpo = 'Computer\nSoftware\\Policies\\Microsoft\\Windows NT\\Terminal Services\nfAllowToGetHelp\nDWORD:0\n';
		assert.deepEqual(read('file:///estate/g.lgpo.txt', lgpo).mdmWinsOverGp, []);
	});
});

describe('ingested ADMX policies that a GPO sets', () => {
	const FIXTURES = path.join(ROOT, 'test/fixtures');
	const load = (file: string) => loadAdmx(readFileSync(path.join(FIXTURES, file), 'utf8'));
	const everything = load('admx/everything.admx');
	const firefox = load('real/admx/firefox/firefox.admx');
	const makeMeAdmin = load('real/admx/makemeadmin/SinclairMakeMeAdmin.admx');
	const installs: IngestionInstall[] = [{ app: 'Everything', admx: everything, order: 0 }, { app: 'Firefox', admx: firefox, order: 0 }, { app: 'MakeMeAdmin', admx: makeMeAdmin, order: 0 }];
	const policyOf = (file: AdmxFile, name: string) => file.policies.find((p) => p.name === name) as AdmxPolicy;
	const values = (entries: Record<string, string | readonly string[]>) => new Map(Object.entries(entries));

	/** A policy of each shape, set as a profile resolves it. */
	const CASES: readonly [string, AdmxFile, string, 'enabled' | 'disabled', ReadonlyMap<string, string | readonly string[]>][] = [
		['Everything', everything, 'AllKinds', 'enabled', values({
			Name: 'Ada', Path: '%ProgramData%\\Contoso', Count: '7', Plain: '12', Huge: '4000000000', Flag: 'true', Simple: 'false', Mode: '5',
			Lines: ['first', 'second'], Plainlist: ['a.example', 'a.example', 'b.example', 'b.example'], Numbered: ['1', 'one', '2', 'two'],
			Prefixed: ['Site1', '%USERPROFILE%\\a', 'Site2', 'b'], Explicit: ['Alpha', 'first value', 'Beta', 'second value'], Both: ['Chosen', 'value'],
		})],
		['Everything', everything, 'AllKinds', 'disabled', values({})],
		['Everything', everything, 'Switch', 'enabled', values({})],
		['Everything', everything, 'Loose', 'disabled', values({})],
		['Firefox', firefox, 'DisableAppUpdate', 'enabled', values({})],
		['Firefox', firefox, 'Bookmark01', 'enabled', values({ BookmarkTitle: 'Intranet', BookmarkURL: 'https://intranet.example', BookmarkPlacement: 'menu' })],
		['Firefox', firefox, 'SecurityDevices', 'enabled', values({ SecurityDevices: ['Token', '%ProgramFiles%\\token.dll'] })],
		['Firefox', firefox, 'Authentication_AllowNonFQDN', 'enabled', values({ Authentication_AllowNonFQDN_NTLM: 'true', Authentication_AllowNonFQDN_SPNEGO: 'false' })],
		['Firefox', firefox, 'Preferences', 'enabled', values({ JSON: ['{', '}'] })],
		['MakeMeAdmin', makeMeAdmin, 'RenewalsAllowed', 'enabled', values({ RenewalsAllowedValue: '3' })],
		['MakeMeAdmin', makeMeAdmin, 'RemoveOnLogout', 'disabled', values({})],
	];

	const WRITERS: readonly [GroupPolicyFormat, (operations: GpOperation[]) => string | Uint8Array][] = [
		['registry-pol', (operations) => registryPolFile(operations, 'HKLM')],
		['lgpo', (operations) => operations.map(lgpoSetting).join('\n\n')],
		['powershell', (operations) => `param($GpoName)\n${gpRegistryCalls(operations).join('\n')}\n`],
	];

	for (const [app, file, name, state, set] of CASES) {
		it(`${app}/${name} ${state}: every Group Policy form reads back what the Group Policy editor writes`, () => {
			const operations = admxRegistryOperations(policyOf(file, name), 'HKLM', state, set);
			for (const [format, write] of WRITERS) {
				const read = groupPolicySettings(format, write(operations), [], [], installs).filter((p) => p.kind === 'ingested');
				assert.deepEqual(read.map((p) => [p.key, p.scope, p.state, Object.fromEntries(p.values)]), [[`${app}/${name}`, 'Device', state, Object.fromEntries(set)]], format);
			}
		});
	}

	it('a GPO and the profile it was exported from set the same App/Policy; a changed value races, and says the MDMWinsOverGP part is INFERRED', () => {
		const admxText = readFileSync(path.join(WORKSPACE, 'admx/AppAdmxFile01.admx'), 'utf8');
		const profileText = readFileSync(path.join(WORKSPACE, 'contoso-profile.rapolicy.yaml'), 'utf8');
		const doc = withIngestedAdmx(parsePolicyDocument('file:///estate/contoso.rapolicy.yaml', 1, profileText), [], () => ({ admx: loadAdmx(admxText), adml: undefined, text: admxText }));
		const lgpo = encodeLgpoText(resolveProfiles(doc)[0]);
		const profile = { uri: doc.uri, content: profileText, parsed: doc };
		const same = readEstate([profile, { uri: 'file:///estate/contoso.lgpo.txt', content: lgpo }]);
		assert.deepEqual(same.problems.map((p) => `${p.code} ${p.message.split(' ')[0]}`), [
			'also-set ContosoCompanyApp/L_PolicyConfigurationMode', 'also-set ContosoCompanyApp/L_PolicyConfigurationMode',
			'also-set ContosoCompanyApp/L_PolicyPreventRun', 'also-set ContosoCompanyApp/L_PolicyPreventRun',
		]);
		const changed = readEstate([profile, { uri: 'file:///estate/contoso.lgpo.txt', content: lgpo.replace('SZ:sip.contoso.com', 'SZ:sip.fabrikam.com') }]);
		const race = changed.problems.find((p) => p.code === 'gp-mdm-race' && p.place.uri.endsWith('.lgpo.txt'));
		assert.ok(race);
		assert.match(race.message, /^ContosoCompanyApp\/L_PolicyConfigurationMode \(.*\) is enabled with L_ServerAddressInternal_VALUE "sip\.fabrikam\.com" here by Group Policy and enabled with L_ServerAddressInternal_VALUE "sip\.contoso\.com" by MDM in contoso\.rapolicy\.yaml\./);
		const settled = readEstate([profile, { uri: 'file:///estate/contoso.lgpo.txt', content: lgpo.replace('SZ:sip.contoso.com', 'SZ:sip.fabrikam.com') }, { uri: 'file:///estate/w.syncml', content: readFileSync(path.join(ROOT, 'test/fixtures/estate/mdm-wins/mdm-wins-over-gp.syncml'), 'utf8') }]);
		const wins = settled.problems.find((p) => p.code === 'mdm-wins-over-gp');
		assert.match(wins?.message ?? '', /\(INFERRED: a policy of an ingested ADMX is a Policy CSP node too, but Microsoft's page on MDMWinsOverGP does not say that it governs them\)\.$/);
	});
});
