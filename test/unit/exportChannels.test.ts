import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import {
	DEFAULT_SETTINGS,
	encodeFleet,
	encodePayload,
	encodeSettingsCatalog,
	getDiagnostics,
	importIntune,
	importSyncml,
	parseIntuneDocument,
	parseSyncmlDocument,
	type ResolvedProfile, policyUri
} from '../../server/src/service';
import { profile, profileYaml, validProfile } from '../helpers/profiles';

const resolved = validProfile;

/** The exported text read back as this tool reads any input, with its diagnostics. */
const catalogBack = (json: string) => parseIntuneDocument('file:///export.json', 1, json);
const fleetBack = (xml: string) => parseSyncmlDocument('file:///fleet.xml', 1, xml);

const GRAPH = '#microsoft.graph.deviceManagementConfiguration';
const OFFER = 'device_vendor_msft_policy_config_remoteassistance_unsolicitedremoteassistance';
const SOLICITED = 'device_vendor_msft_policy_config_remoteassistance_solicitedremoteassistance';
const WARNINGS = 'device_vendor_msft_policy_config_remoteassistance_customizewarningmessages';
const LOGGING = 'device_vendor_msft_policy_config_remoteassistance_sessionlogging';

const choice = (id: string, value: string, children: object[] = []) => ({
	'@odata.type': `${GRAPH}ChoiceSettingInstance`,
	settingDefinitionId: id,
	settingInstanceTemplateReference: null,
	choiceSettingValue: { '@odata.type': `${GRAPH}ChoiceSettingValue`, settingValueTemplateReference: null, value, children },
});
const simple = (id: string, type: 'Integer' | 'String', value: number | string) => ({
	'@odata.type': `${GRAPH}SimpleSettingInstance`,
	settingDefinitionId: id,
	settingInstanceTemplateReference: null,
	simpleSettingValue: { '@odata.type': `${GRAPH}${type}SettingValue`, settingValueTemplateReference: null, value },
});

/** The four policies of the brief, each enabled with every kind of child it has. */
const ENABLED: readonly { name: string; id: string; yaml: string; children: object[]; data: string }[] = [
	{
		name: 'UnsolicitedRemoteAssistance',
		id: OFFER,
		yaml: '    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit: [ CORP\\RA-Helpdesk, CORP\\RA-Tier2 ]\n',
		children: [
			choice(`${OFFER}_ra_unsolicit_control_list`, `${OFFER}_ra_unsolicit_control_list_0`),
			{
				'@odata.type': `${GRAPH}SimpleSettingCollectionInstance`,
				settingDefinitionId: `${OFFER}_ra_unsolicit_dacl_edit`,
				settingInstanceTemplateReference: null,
				simpleSettingCollectionValue: ['CORP\\RA-Helpdesk', 'CORP\\RA-Tier2'].map((value) => ({ '@odata.type': `${GRAPH}StringSettingValue`, settingValueTemplateReference: null, value })),
			},
		],
		data: '&lt;enabled/&gt;&lt;data id="RA_Unsolicit_Control_List" value="0"/&gt;&lt;data id="RA_Unsolicit_DACL_Edit" value="CORP\\RA-Helpdesk&amp;#xF000;CORP\\RA-Helpdesk&amp;#xF000;CORP\\RA-Tier2&amp;#xF000;CORP\\RA-Tier2"/&gt;',
	},
	{
		name: 'SolicitedRemoteAssistance',
		id: SOLICITED,
		yaml: '    options:\n      RA_Solicit_Control_List: remote-control\n      RA_Solicit_ExpireValue_Edt: 4\n      RA_Solicit_ExpireUnits_List: days\n      RA_Solicit_Mailto_List: simple-mapi\n',
		children: [
			choice(`${SOLICITED}_ra_solicit_control_list`, `${SOLICITED}_ra_solicit_control_list_1`),
			simple(`${SOLICITED}_ra_solicit_expirevalue_edt`, 'Integer', 4),
			choice(`${SOLICITED}_ra_solicit_expireunits_list`, `${SOLICITED}_ra_solicit_expireunits_list_2`),
			choice(`${SOLICITED}_ra_solicit_mailto_list`, `${SOLICITED}_ra_solicit_mailto_list_0`),
		],
		data: '&lt;enabled/&gt;&lt;data id="RA_Solicit_Control_List" value="1"/&gt;&lt;data id="RA_Solicit_ExpireValue_Edt" value="4"/&gt;&lt;data id="RA_Solicit_ExpireUnits_List" value="2"/&gt;&lt;data id="RA_Solicit_Mailto_List" value="0"/&gt;',
	},
	{
		name: 'CustomizeWarningMessages',
		id: WARNINGS,
		yaml: '    options:\n      RA_Options_Share_Control_Message: "Share <control> & \\"go\\""\n      RA_Options_Connect_Message: A helper is connecting.\n',
		children: [
			simple(`${WARNINGS}_ra_options_share_control_message`, 'String', 'Share <control> & "go"'),
			simple(`${WARNINGS}_ra_options_connect_message`, 'String', 'A helper is connecting.'),
		],
		data: '&lt;enabled/&gt;&lt;data id="RA_Options_Share_Control_Message" value="Share &amp;lt;control&amp;gt; &amp;amp; &amp;quot;go&amp;quot;"/&gt;&lt;data id="RA_Options_Connect_Message" value="A helper is connecting."/&gt;',
	},
	{ name: 'SessionLogging', id: LOGGING, yaml: '', children: [], data: '&lt;enabled/&gt;' },
];

const fleetReplace = (name: string, data: string) => [
	'<Replace>',
	'  <Item>',
	'    <Target>',
	`      <LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/${name}</LocURI>`,
	'    </Target>',
	'    <Meta>',
	'      <Format xmlns="syncml:metinf">chr</Format>',
	'      <Type xmlns="syncml:metinf">text/plain</Type>',
	'    </Meta>',
	`    <Data>${data}</Data>`,
	'  </Item>',
	'</Replace>',
	'',
].join('\n');

describe('settings-catalog export, golden', () => {
	for (const policy of ENABLED) {
		const enabled = profile(`  ${policy.name}:\n    state: enabled\n${policy.yaml}`);
		const disabled = profile(`  ${policy.name}: { state: disabled }\n`);
		const notConfigured = profile(`  ${policy.name}: { state: not-configured }\n`);

		it(`${policy.name} enabled: option _1 with every child, and the export validates clean`, () => {
			const { policy: body, omitted } = encodeSettingsCatalog(resolved(enabled));
			assert.deepEqual(body, {
				name: 'Test',
				description: '',
				platforms: 'windows10',
				technologies: 'mdm',
				roleScopeTagIds: ['0'],
				settings: [{ '@odata.type': `${GRAPH}Setting`, settingInstance: choice(policy.id, `${policy.id}_1`, policy.children) }],
			});
			assert.deepEqual(omitted, []);
			assert.deepEqual(getDiagnostics(catalogBack(JSON.stringify(body, null, 2)), DEFAULT_SETTINGS), []);
		});

		it(`${policy.name} disabled: option _0 without children`, () => {
			const { policy: body } = encodeSettingsCatalog(resolved(disabled));
			assert.deepEqual(body.settings, [{ '@odata.type': `${GRAPH}Setting`, settingInstance: choice(policy.id, `${policy.id}_0`) }]);
			assert.deepEqual(getDiagnostics(catalogBack(JSON.stringify(body)), DEFAULT_SETTINGS), []);
		});

		it(`${policy.name} not-configured: left out and named`, () => {
			const { policy: body, omitted } = encodeSettingsCatalog(resolved(notConfigured));
			assert.deepEqual(body.settings, []);
			assert.deepEqual(omitted, [policy.name]);
		});
	}

	it('takes the profile name and description', () => {
		const { policy: body } = encodeSettingsCatalog(resolved('profile: Helpdesk\ndescription: Sessions are logged.\npolicies:\n  SessionLogging: { state: enabled }\n'));
		assert.equal(body.name, 'Helpdesk');
		assert.equal(body.description, 'Sessions are logged.');
	});
});

describe('Fleet export, golden', () => {
	for (const policy of ENABLED) {
		const enabled = profile(`  ${policy.name}:\n    state: enabled\n${policy.yaml}`);

		it(`${policy.name} enabled: one top-level Replace with Format chr and the escaped payload, valid as a Fleet profile`, () => {
			const fleet = encodeFleet(resolved(enabled), 'escape');
			assert.equal(fleet.profile, fleetReplace(policy.name, policy.data));
			assert.deepEqual(fleet.omitted, []);
			const doc = fleetBack(fleet.profile);
			assert.equal(doc.kind, 'profile');
			assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
		});

		it(`${policy.name} enabled in CDATA carries the raw payload`, () => {
			const source = resolved(enabled);
			const fleet = encodeFleet(source, 'cdata');
			assert.equal(fleet.profile, fleetReplace(policy.name, `<![CDATA[${encodePayload(source.policies[0])}]]>`));
			assert.deepEqual(getDiagnostics(fleetBack(fleet.profile), DEFAULT_SETTINGS), []);
		});

		it(`${policy.name} disabled: a Replace with <disabled/>; not-configured: left out and named`, () => {
			assert.equal(encodeFleet(resolved(profile(`  ${policy.name}: { state: disabled }\n`)), 'escape').profile, fleetReplace(policy.name, '&lt;disabled/&gt;'));
			assert.deepEqual(encodeFleet(resolved(profile(`  ${policy.name}: { state: not-configured }\n`)), 'escape'), { profile: '', omitted: [policy.name] });
		});
	}
});

describe('export then import: the same payloads', () => {
	/** What the device would receive, policy by policy; not-configured ones cannot travel in either channel. */
	const payloads = (p: ResolvedProfile) => p.policies.filter((x) => x.state !== 'not-configured').map((x) => [policyUri(x), encodePayload(x)]);

	it('settings catalog: encode → parse → import → resolve', () => {
		fc.assert(fc.property(profileYaml, (yaml) => {
			const source = resolved(yaml);
			const doc = catalogBack(JSON.stringify(encodeSettingsCatalog(source).policy, null, 2));
			assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
			const imported = importIntune(doc).yaml;
			assert.deepEqual(imported === '' ? [] : payloads(resolved(imported)), payloads(source));
		}), { seed: 13, numRuns: 200 });
	});

	it('Fleet: encode → parse → import → resolve, escaped and CDATA', () => {
		fc.assert(fc.property(profileYaml, fc.constantFrom('escape' as const, 'cdata' as const), (yaml, encoding) => {
			const source = resolved(yaml);
			const fleet = encodeFleet(source, encoding).profile;
			if (fleet === '') {
				assert.deepEqual(payloads(source), []);
				return;
			}
			const doc = fleetBack(fleet);
			assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
			assert.deepEqual(payloads(resolved(importSyncml(doc).yaml)), payloads(source));
		}), { seed: 13, numRuns: 200 });
	});
});
