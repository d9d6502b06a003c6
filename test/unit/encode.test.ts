import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as fc from 'fast-check';
import {
	buildPreview,
	DEFAULT_SETTINGS,
	encodeData,
	encodeIntune,
	encodePayload,
	encodeSyncml,
	getDiagnostics,
	importSyncml,
	parsePolicyDocument,
	parseSyncmlDocument,
	registryText,
	resolveProfiles, policyKey
} from '../../server/src/service';
import { decodeEntities, escapeAttribute, escapeText, wrapCdata } from '../../server/src/service/xml/entities';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import { profile, profileYaml, xmlText } from '../helpers/profiles';

const resolved = (text: string) => {
	const doc = parsePolicyDocument('file:///t.rapolicy.yaml', 1, text);
	assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.message), [], 'the fixture is valid');
	return resolveProfiles(doc);
};
const payloads = (text: string) => resolved(text)[0].policies.map(encodePayload);

describe('payload encoding, against the documented shapes', () => {
	it('CustomizeWarningMessages: both texts in ADMX order, attribute-escaped', () => {
		assert.deepEqual(payloads(profile('  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Connect_Message: IT support is "connecting" <now> & then\n      RA_Options_Share_Control_Message: IT will now control your PC\n')), [
			'<enabled/><data id="RA_Options_Share_Control_Message" value="IT will now control your PC"/><data id="RA_Options_Connect_Message" value="IT support is &quot;connecting&quot; &lt;now&gt; &amp; then"/>',
		]);
	});

	it('SessionLogging and RA_EncryptedTicketOnly: just <enabled/>; any policy disabled: <disabled/>', () => {
		assert.deepEqual(payloads(profile('  SessionLogging: { state: enabled }\n  RA_EncryptedTicketOnly: { state: enabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n')), ['<enabled/>', '<enabled/>', '<disabled/>']);
	});

	it('SolicitedRemoteAssistance: enum aliases become their ADMX numbers', () => {
		assert.deepEqual(payloads(profile('  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Mailto_List: mailto\n      RA_Solicit_ExpireUnits_List: hours\n      RA_Solicit_ExpireValue_Edt: 6\n      RA_Solicit_Control_List: view-only\n')), [
			'<enabled/><data id="RA_Solicit_Control_List" value="0"/><data id="RA_Solicit_ExpireValue_Edt" value="6"/><data id="RA_Solicit_ExpireUnits_List" value="1"/><data id="RA_Solicit_Mailto_List" value="1"/>',
		]);
	});

	it('UnsolicitedRemoteAssistance: helpers as name/value pairs joined by &#xF000;', () => {
		assert.deepEqual(payloads(profile('  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: 1\n      RA_Unsolicit_DACL_Edit:\n        - CONTOSO\\Helpdesk\n        - CONTOSO\\Tier2\n')), [
			'<enabled/><data id="RA_Unsolicit_Control_List" value="1"/><data id="RA_Unsolicit_DACL_Edit" value="CONTOSO\\Helpdesk&#xF000;CONTOSO\\Helpdesk&#xF000;CONTOSO\\Tier2&#xF000;CONTOSO\\Tier2"/>',
		]);
	});

	it('RA_Optimize_Bandwidth: the item value, not its index', () => {
		assert.deepEqual(payloads(profile('  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: no-background\n')), ['<enabled/><data id="RA_Optimize_Bandwidth_List" value="8"/>']);
	});

	it('not-configured has no payload', () => {
		assert.deepEqual(payloads(profile('  SessionLogging: { state: not-configured }\n')), [null]);
	});

	it('escapes & so that &#xF000; travels as &amp;#xF000; inside <Data>, and splits ]]> in CDATA', () => {
		assert.equal(encodeData('<enabled/><data id="a" value="x&#xF000;x"/>', 'escape'), '&lt;enabled/&gt;&lt;data id="a" value="x&amp;#xF000;x"/&gt;');
		assert.equal(encodeData('<data value="a]]>b"/>', 'cdata'), '<![CDATA[<data value="a]]]]><![CDATA[>b"/>]]>');
	});
});

describe('SyncML, Intune and registry output', () => {
	const text = profile('  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit: [ CORP\\RA-Helpdesk ]\n  SessionLogging: { state: not-configured }\n');

	it('writes Replace with Meta and escaped Data, Delete without Data, CmdIDs 1..n and Final', () => {
		const syncml = encodeSyncml(resolved(text)[0], { encoding: 'escape', fullMessage: false });
		assert.equal(syncml, [
			'<SyncML xmlns="SYNCML:SYNCML1.2">',
			'  <SyncBody>',
			'    <Replace>',
			'      <CmdID>1</CmdID>',
			'      <Item>',
			'        <Target>',
			'          <LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance</LocURI>',
			'        </Target>',
			'        <Meta>',
			'          <Format xmlns="syncml:metinf">chr</Format>',
			'          <Type xmlns="syncml:metinf">text/plain</Type>',
			'        </Meta>',
			'        <Data>&lt;enabled/&gt;&lt;data id="RA_Unsolicit_Control_List" value="1"/&gt;&lt;data id="RA_Unsolicit_DACL_Edit" value="CORP\\RA-Helpdesk&amp;#xF000;CORP\\RA-Helpdesk"/&gt;</Data>',
			'      </Item>',
			'    </Replace>',
			'    <Delete>',
			'      <CmdID>2</CmdID>',
			'      <Item>',
			'        <Target>',
			'          <LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI>',
			'        </Target>',
			'      </Item>',
			'    </Delete>',
			'    <Final/>',
			'  </SyncBody>',
			'</SyncML>',
			'',
		].join('\n'));
	});

	it('a full message adds a SyncHdr that validates', () => {
		const syncml = encodeSyncml(resolved(text)[0], { encoding: 'cdata', fullMessage: true });
		assert.match(syncml, /<SyncHdr>\n {4}<VerDTD>1\.2<\/VerDTD>\n {4}<VerProto>DM\/1\.2<\/VerProto>/);
		assert.deepEqual(getDiagnostics(parseSyncmlDocument('file:///o.syncml', 1, syncml), DEFAULT_SETTINGS), []);
	});

	it('a full message says in an XML comment before SyncHdr that the header is a template to fill in', () => {
		for (const encoding of ['escape', 'cdata'] as const) {
			const syncml = encodeSyncml(resolved(text)[0], { encoding, fullMessage: true });
			const comment = /<!--([^]*?)-->/.exec(syncml);
			assert.ok(comment, 'has a comment');
			assert.ok(comment.index < syncml.indexOf('<SyncHdr>'), 'the comment comes before SyncHdr');
			assert.ok(comment.index > syncml.indexOf('<SyncML'), 'the comment is inside SyncML');
			assert.match(comment[1], /template/);
			assert.match(comment[1], /Target LocURI/);
			assert.match(comment[1], /device/);
			assert.match(comment[1], /Source LocURI/);
			assert.match(comment[1], /server URI/);
			assert.deepEqual(getDiagnostics(parseSyncmlDocument('file:///o.syncml', 1, syncml), DEFAULT_SETTINGS), []);
			assert.ok(!encodeSyncml(resolved(text)[0], { encoding, fullMessage: false }).includes('<!--'), 'no comment without a SyncHdr');
		}
	});

	it('the Intune profile has one String OMA setting per policy it can carry, with the raw payload', () => {
		const intune = encodeIntune(resolved(text)[0]);
		assert.equal(intune.profile['@odata.type'], '#microsoft.graph.windows10CustomConfiguration');
		assert.deepEqual(intune.profile.omaSettings.map((s) => [s['@odata.type'], s.omaUri, s.value.slice(0, 10)]), [
			['#microsoft.graph.omaSettingString', './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance', '<enabled/>'],
		]);
		assert.deepEqual(intune.omitted, ['SessionLogging']);
	});

	it('the registry view lists the policy value, each option, and under RAUnsolicit a clear then one value per helper', () => {
		const view = registryText(resolved(text)[0].policies);
		assert.match(view, /HKLM\\Software\\policies\\Microsoft\\Windows NT\\Terminal Services\n {4}fAllowUnsolicited +REG_DWORD +1\n {4}fAllowUnsolicitedFullControl +REG_DWORD +1/);
		assert.match(view, /Terminal Services\\RAUnsolicit\n {4}\(every value deleted\)\n {4}CORP\\RA-Helpdesk +REG_SZ +CORP\\RA-Helpdesk/);
		assert.match(view, /SessionLogging \(not-configured\)\n {2}writes nothing/);
	});

	it('the preview shows errors instead of a payload built from a wrong model', () => {
		const doc = parsePolicyDocument('file:///t.rapolicy.yaml', 1, profile('  SessionLogging: { state: enabld }\n'));
		const preview = buildPreview(doc, DEFAULT_SETTINGS, DEFAULT_SETTINGS.payload);
		assert.deepEqual(preview.profiles, []);
		assert.deepEqual(preview.errors.map((e) => e.code), ['invalid-state']);
	});

	it('is deterministic: the same input gives the same bytes', () => {
		const once = JSON.stringify(buildPreview(parsePolicyDocument('file:///a.rapolicy.yaml', 1, text), DEFAULT_SETTINGS, DEFAULT_SETTINGS.payload));
		const again = JSON.stringify(buildPreview(parsePolicyDocument('file:///a.rapolicy.yaml', 7, text), DEFAULT_SETTINGS, DEFAULT_SETTINGS.payload)).replace('"version":7', '"version":1');
		assert.equal(again, once);
	});
});

describe('properties', () => {
	it('escaping then decoding gives the text back, for element content and attributes', () => {
		fc.assert(fc.property(xmlText, (value) => {
			const text = escapeText(value);
			assert.equal(decodeEntities(text, 0, text.length).value, value);
			const attr = escapeAttribute(value);
			assert.equal(decodeEntities(attr, 0, attr.length).value, value);
		}), { seed: 42, numRuns: 500 });
	});

	it('CDATA wrapping keeps the text, ]]> included', () => {
		fc.assert(fc.property(xmlText, (value) => {
			const wrapped = `<a>${wrapCdata(value)}</a>`;
			const xml = parseXml(wrapped);
			assert.deepEqual(xml.problems, []);
			const element = xml.nodes[0];
			assert.ok(element.kind === 'element');
			assert.equal(element.children.map((c) => (c.kind === 'cdata' ? wrapped.slice(c.content.start, c.content.end) : '')).join(''), value);
		}), { seed: 42, numRuns: 300 });
	});

	it('every generated SyncML parses with fast-xml-parser and passes validation; YAML → SyncML → YAML keeps the model', () => {
		fc.assert(fc.property(profileYaml, fc.constantFrom('escape' as const, 'cdata' as const), fc.boolean(), (yaml, encoding, fullMessage) => {
			const [source] = resolved(yaml);
			const syncml = encodeSyncml(source, { encoding, fullMessage });
			assert.equal(XMLValidator.validate(syncml), true);
			assert.ok(new XMLParser().parse(syncml).SyncML);
			const doc = parseSyncmlDocument('file:///roundtrip.syncml', 1, syncml);
			assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
			const back = resolved(importSyncml(doc).yaml)[0];
			const model = (p: typeof source) => p.policies.map((x) => [policyKey(x), x.state, [...x.values]]);
			assert.deepEqual(model(back), model(source));
		}), { seed: 7, numRuns: 200 });
	});
});
