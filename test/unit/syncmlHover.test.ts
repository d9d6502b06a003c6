import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { getHover } from '../../server/src/service';
import { at, caret, coveredText, hoverMarkdown, includesAll, parseSyncml, syncmlCommand, syncmlMessage } from '../helpers/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8');

function hover(marked: string): { text: string; hover: Hover | null } {
	const { text, offset } = caret(marked);
	return { text, hover: getHover(parseSyncml(text), offset) };
}

function hoverCovered(text: string, h: Hover | null): string {
	assert.ok(h?.range, 'the hover has a range');
	return coveredText(text, { range: h.range });
}

const SOLICITED = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SolicitedRemoteAssistance';
const SOLICITED_PAYLOAD = '<enabled/><data id="RA_Solicit_Control_List" value="0"/><data id="RA_Solicit_ExpireValue_Edt" value="6"/><data id="RA_Solicit_ExpireUnits_List" value="2"/><data id="RA_Solicit_Mailto_List" value="1"/>';
const escape = (xml: string) => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const solicited = (data: string) => syncmlMessage(syncmlCommand(SOLICITED, data));

describe('SyncML hover: LocURI', () => {
	it('shows the policy docs on a Config LocURI, over the URI', () => {
		const { text, hover: h } = hover(at(EXAMPLE, './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/Unsolicited'));
		const value = hoverMarkdown(h);
		includesAll(value, ['UnsolicitedRemoteAssistance', 'Configure Offer Remote Assistance', './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance', 'fAllowUnsolicited', 'RA_Unsolicit']);
		assert.equal(hoverCovered(text, h), './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance');
	});

	it('shows the registry value and ADMX names of each policy', () => {
		for (const [uri, parts] of [
			['./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SolicitedRemoteAssistance', ['fAllowToGetHelp', 'RA_Solicit']],
			['./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/CustomizeWarningMessages', ['UseCustomMessages', 'RA_Options']],
			['./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging', ['LoggingEnabled', 'RA_Logging']],
			['./Device/Vendor/MSFT/Policy/Config/ADMX_RemoteAssistance/RA_EncryptedTicketOnly', ['CreateEncryptedOnlyTickets']],
			['./Vendor/MSFT/Policy/Config/ADMX_RemoteAssistance/RA_Optimize_Bandwidth', ['UseBandwidthOptimization']],
		] as const) {
			const { hover: h } = hover(syncmlMessage(syncmlCommand(`${uri.slice(0, 10)}|${uri.slice(10)}`, '&lt;disabled/&gt;')));
			includesAll(hoverMarkdown(h), [...parts, 'Software\\policies\\Microsoft\\Windows NT\\Terminal Services']);
		}
	});

	it('shows the policy docs on a Result LocURI', () => {
		const { hover: h } = hover(at(EXAMPLE, './Device/Vendor/MSFT/Policy/Result/RemoteAssistance/Unsol'));
		includesAll(hoverMarkdown(h), ['UnsolicitedRemoteAssistance', 'fAllowUnsolicited']);
	});

	it('does not document a URI of another CSP as a Remote Assistance policy', () => {
		const { hover: h } = hover(syncmlMessage(syncmlCommand('./Device/Vendor/MSFT/Policy/Config/Browser/Allow|Cookies', '1', { meta: null })));
		assert.ok(h === null || !hoverMarkdown(h).includes('Remote Assistance'), JSON.stringify(h));
	});
});

for (const form of ['escaped', 'cdata'] as const) {
	const encode = (xml: string) => (form === 'escaped' ? escape(xml) : `<![CDATA[${xml}]]>`);
	const text = solicited(encode(SOLICITED_PAYLOAD));

	describe(`SyncML hover: inside the payload (${form})`, () => {
		it('documents a data id, over the id', () => {
			const { text: clean, hover: h } = hover(at(text, 'RA_Solicit_Expire', 'Value_Edt'));
			includesAll(hoverMarkdown(h), ['RA_Solicit_ExpireValue_Edt', 'Maximum ticket time (value):', 'MaxTicketExpiry', '1', '99']);
			assert.equal(hoverCovered(clean, h), 'RA_Solicit_ExpireValue_Edt');
		});

		it('documents the enum item of a value, over the value', () => {
			const { text: clean, hover: h } = hover(at(text, 'id="RA_Solicit_Control_List" value="', '0"'));
			includesAll(hoverMarkdown(h), ['Allow helpers to only view the computer', 'fAllowFullControl']);
			assert.equal(hoverCovered(clean, h), '0');
			const units = hover(at(text, 'id="RA_Solicit_ExpireUnits_List" value="', '2"'));
			includesAll(hoverMarkdown(units.hover), ['Days']);
		});

		it('documents a number value with its element', () => {
			const { text: clean, hover: h } = hover(at(text, 'id="RA_Solicit_ExpireValue_Edt" value="', '6"'));
			includesAll(hoverMarkdown(h), ['RA_Solicit_ExpireValue_Edt']);
			assert.equal(hoverCovered(clean, h), '6');
		});

		it('shows the decoded payload, pretty, elsewhere on the payload', () => {
			const { hover: h } = hover(at(text, form === 'escaped' ? '&lt;enab' : '<enab'));
			const value = hoverMarkdown(h);
			assert.ok(value.includes('<enabled/>\n<data id="RA_Solicit_Control_List" value="0"/>\n<data id="RA_Solicit_ExpireValue_Edt" value="6"/>'), value);
			assert.ok(!value.includes('&lt;'), 'decoded');
			assert.match(value, /```xml/);
		});
	});
}

describe('SyncML hover: the decoded payload', () => {
	it('spells out the list separator in a decoded helper list', () => {
		const text = syncmlMessage(syncmlCommand('./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance', '&lt;enabled/&gt;&lt;data id="RA_Unsolicit_Control_List" value="1"/&gt;&lt;data id="RA_Unsolicit_DACL_Edit" value="CORP\\A&amp;#xF000;CORP\\A"/&gt;'));
		const { hover: h } = hover(at(text, '&lt;ena'));
		const value = hoverMarkdown(h);
		assert.ok(value.includes('value="CORP\\A&#xF000;CORP\\A"'), value);
		assert.ok(!value.includes('\uF000'));
	});

	it('shows the decoded payload of the example\'s escaped Data', () => {
		const { hover: h } = hover(at(EXAMPLE, '&lt;enabled/&gt;&lt;da'));
		const value = hoverMarkdown(h);
		assert.ok(value.includes('<enabled/>\n<data id="RA_Unsolicit_Control_List" value="1"/>'), value);
	});
});

describe('SyncML hover: Status codes', () => {
	const status = (code: string) => syncmlMessage(`    <Status>\n      <CmdID>2</CmdID>\n      <MsgRef>1</MsgRef>\n      <CmdRef>1</CmdRef>\n      <Cmd>Replace</Cmd>\n      <Data>${code}</Data>\n    </Status>\n`);

	for (const [code, meaning] of [
		['200', /OK|succe/i],
		['400', /bad request|malformed/i],
		['404', /not found/i],
		['405', /not allowed/i],
		['415', /unsupported|format|type/i],
		['425', /permission/i],
		['500', /fail/i],
		['507', /atomic/i],
		['216', /rollback/i],
		['418', /exists/i],
	] as const) {
		it(`explains status ${code}`, () => {
			const text = status(code);
			const { hover: h } = hover(at(text, `<Data>${code.slice(0, 1)}`));
			const value = hoverMarkdown(h);
			assert.match(value, meaning);
			assert.ok(value.includes(code));
			assert.equal(hoverCovered(caret(at(text, `<Data>${code.slice(0, 1)}`)).text, h), code);
		});
	}
});

describe('SyncML hover: element names', () => {
	for (const [name, words] of [
		['Replace', /value|enable/i],
		['Delete', /not configured|remove/i],
		['CmdID', /unique/i],
		['LocURI', /OMA-URI|URI/],
		['Meta', /Format/],
		['Format', /chr/],
		['Final', /last/i],
		['Item', /Target|LocURI/],
		['Data', /enabled|value/],
		['SyncBody', /command/i],
		['Get', /read/i],
	] as const) {
		it(`explains <${name}> on its name`, () => {
			const { text, hover: h } = hover(at(EXAMPLE, `<${name.slice(0, 2)}`, `${name.slice(2)}`));
			const value = hoverMarkdown(h);
			assert.ok(value.includes(name));
			assert.match(value, words);
			assert.equal(hoverCovered(text, h), name);
		});
	}

	it('says what an element holds, as the checks and completion read the grammar', () => {
		const atomic = hoverMarkdown(hover(at(syncmlMessage('    <Atomic>\n      <CmdID>1</CmdID>\n    </Atomic>\n'), '<At', 'omic')).hover);
		assert.match(atomic, /Holds: `<CmdID>`, `<Meta>` \(optional\), `<Add>` \(optional\)/);
		assert.ok(!/`<Get>`|`<Sequence>`/.test(atomic), atomic);
		assert.match(hoverMarkdown(hover(at(EXAMPLE, '<Sy', 'ncBody')).hover), /`<Final>` \(optional\)/);
	});

	it('explains the name of a Status command and Atomic', () => {
		const text = syncmlMessage('    <Atomic>\n      <CmdID>1</CmdID>\n    </Atomic>\n');
		assert.match(hoverMarkdown(hover(at(text, '<At', 'omic')).hover), /all or none|Atomic/);
	});
});
