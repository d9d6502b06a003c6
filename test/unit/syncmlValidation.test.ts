import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { normalizeSettings } from '../../server/src/service';
import { coveredText, diagnoseSyncml, onlySyncml as only, replaceOnce as mutate, syncmlCodes, syncmlCommand, syncmlMessage } from '../helpers/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8');

const CONFIG = './Device/Vendor/MSFT/Policy/Config';
const RESULT = './Device/Vendor/MSFT/Policy/Result';
const uri = (policy: string, area = 'RemoteAssistance', prefix = CONFIG) => `${prefix}/${area}/${policy}`;
const LOGGING = uri('SessionLogging');
const ENABLED = '&lt;enabled/&gt;';



/** Asserts the diagnostics are exactly these codes (order-insensitive). */
function assertCodes(text: string, expected: readonly string[]): void {
	assert.deepEqual(syncmlCodes(text).sort(), [...expected].sort(), text);
}

/**
 * Microsoft's documented ADMX-backed SyncML shape (understanding-admx-backed-policies,
 * policy-csp-remoteassistance): SyncBody only, Replace with CmdID and one Item whose Meta (Format
 * chr, Type text/plain) precedes Target/LocURI, and the payload XML-escaped in Data.
 */
function microsoftShape(locUri: string, escapedPayload: string, cmdId = 2): string {
	return `<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncBody>
    <Replace>
      <CmdID>${cmdId}</CmdID>
      <Item>
        <Meta>
          <Format>chr</Format>
          <Type>text/plain</Type>
        </Meta>
        <Target>
          <LocURI>${locUri}</LocURI>
        </Target>
        <Data>${escapedPayload}</Data>
      </Item>
    </Replace>
  </SyncBody>
</SyncML>
`;
}

/** The six policies, each enabled with every option, as in the reference examples (escaped). */
export const MICROSOFT_FIXTURES: Readonly<Record<string, string>> = {
	UnsolicitedRemoteAssistance: microsoftShape(uri('UnsolicitedRemoteAssistance'),
		'&lt;enabled/&gt;&lt;data id="RA_Unsolicit_Control_List" value="1"/&gt;&lt;data id="RA_Unsolicit_DACL_Edit" value="CONTOSO\\Helpdesk&amp;#xF000;CONTOSO\\Helpdesk&amp;#xF000;CONTOSO\\Tier2&amp;#xF000;CONTOSO\\Tier2"/&gt;'),
	SolicitedRemoteAssistance: microsoftShape(uri('SolicitedRemoteAssistance'),
		'&lt;enabled/&gt;&lt;data id="RA_Solicit_Control_List" value="0"/&gt;&lt;data id="RA_Solicit_ExpireValue_Edt" value="6"/&gt;&lt;data id="RA_Solicit_ExpireUnits_List" value="1"/&gt;&lt;data id="RA_Solicit_Mailto_List" value="1"/&gt;'),
	CustomizeWarningMessages: microsoftShape(uri('CustomizeWarningMessages'),
		'&lt;enabled/&gt;&lt;data id=&quot;RA_Options_Share_Control_Message&quot; value=&quot;IT will now control your PC&quot;/&gt;&lt;data id=&quot;RA_Options_Connect_Message&quot; value=&quot;IT support is connecting&quot;/&gt;'),
	SessionLogging: microsoftShape(uri('SessionLogging'), '&lt;enabled/&gt;'),
	RA_EncryptedTicketOnly: microsoftShape(uri('RA_EncryptedTicketOnly', 'ADMX_RemoteAssistance'), '&lt;enabled/&gt;'),
	RA_Optimize_Bandwidth: microsoftShape(uri('RA_Optimize_Bandwidth', 'ADMX_RemoteAssistance'), '&lt;enabled/&gt;&lt;data id="RA_Optimize_Bandwidth_List" value="8"/&gt;'),
};

/** A full MS-MDM header, as a device management server sends it. */
const HEADER = `  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>DM/1.2</VerProto>
    <SessionID>1</SessionID>
    <MsgID>1</MsgID>
    <Target><LocURI>urn:uuid:00000000-0000-0000-0000-000000000000</LocURI></Target>
    <Source><LocURI>https://mdm.contoso.com/omadm</LocURI></Source>
  </SyncHdr>
`;

/** A command on SessionLogging (or `locUri`); `data` null leaves Data out. */
const logging = (options: Parameters<typeof syncmlCommand>[2] = {}, data: string | null = ENABLED, locUri = LOGGING) => syncmlCommand(locUri, data ?? undefined, options);

describe('SyncML validation: valid messages', () => {
	it('accepts the example file', () => {
		assert.deepEqual(diagnoseSyncml(EXAMPLE), []);
	});

	for (const [policy, text] of Object.entries(MICROSOFT_FIXTURES)) {
		it(`accepts Microsoft's documented shape for ${policy}`, () => {
			assert.deepEqual(diagnoseSyncml(text), []);
		});
	}

	it('accepts every policy disabled in one message, and every policy deleted in another', () => {
		const message = (command: (locUri: string, cmdId: string) => string) => syncmlMessage(Object.keys(MICROSOFT_FIXTURES).map((policy, i) => {
			const area = policy.startsWith('RA_') ? 'ADMX_RemoteAssistance' : 'RemoteAssistance';
			return command(uri(policy, area), String(i + 1));
		}).join(''));
		assert.deepEqual(diagnoseSyncml(message((locUri, cmdId) => syncmlCommand(locUri, '&lt;disabled/&gt;', { cmdId }))), []);
		assert.deepEqual(diagnoseSyncml(message((locUri, cmdId) => syncmlCommand(locUri, undefined, { command: 'Delete', cmdId, meta: null }))), []);
	});

	it('accepts a full message with SyncHdr', () => {
		assert.deepEqual(diagnoseSyncml(syncmlMessage(logging(), { header: HEADER })), []);
	});

	it('accepts a message without Final', () => {
		assert.deepEqual(diagnoseSyncml(syncmlMessage(logging(), { final: false })), []);
	});

	it('accepts every SyncBody command Windows allows', () => {
		const body = [
			'    <Atomic>\n      <CmdID>1</CmdID>\n',
			logging({ cmdId: '2' }).replace(/^/gm, '  '),
			'    </Atomic>\n',
			logging({ command: 'Add', cmdId: '3' }, ENABLED, uri('RA_EncryptedTicketOnly', 'ADMX_RemoteAssistance')),
			logging({ command: 'Delete', cmdId: '4', meta: null }, null, uri('SolicitedRemoteAssistance')),
			logging({ command: 'Get', cmdId: '5', meta: null }, null),
			'    <Exec><CmdID>6</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/RemoteWipe/doWipe</LocURI></Target></Item></Exec>\n',
			'    <Status><CmdID>7</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>\n',
			'    <Results><CmdID>8</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Item><Source><LocURI>./Vendor/MSFT/DevInfo/Lang</LocURI></Source><Data>en-US</Data></Item></Results>\n',
		].join('');
		assert.deepEqual(diagnoseSyncml(syncmlMessage(body)), []);
	});
});

describe('SyncML validation: message structure', () => {
	it('requires the root element to be SyncML', () => {
		const text = '<SyncMl xmlns="SYNCML:SYNCML1.2"><SyncBody><Final/></SyncBody></SyncMl>';
		const d = only(text, 'syncml-structure');
		assert.equal(coveredText(text, d), 'SyncMl');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.match(d.message, /SyncML/);
	});

	it('requires xmlns="SYNCML:SYNCML1.2" on the root (syncml-version)', () => {
		const text = syncmlMessage(logging()).replace(' xmlns="SYNCML:SYNCML1.2"', '');
		const d = only(text, 'syncml-version');
		assert.equal(coveredText(text, d), 'SyncML');
		assert.match(d.message, /SYNCML:SYNCML1\.2/);
		assert.deepEqual(syncmlCodes(text), ['syncml-version']);
	});

	it('reports another namespace on its value', () => {
		const text = syncmlMessage(logging()).replace('SYNCML:SYNCML1.2', 'SYNCML:SYNCML2.0');
		const d = only(text, 'syncml-version');
		assert.equal(coveredText(text, d), 'SYNCML:SYNCML2.0');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.match(d.message, /SYNCML:SYNCML1\.2/);
	});

	it('reads a SYNCML:SYNCML1.1 message with VerDTD 1.1 and VerProto DM/1.1, with a note at most', () => {
		const header = HEADER.replace('<VerDTD>1.2</VerDTD>', '<VerDTD>1.1</VerDTD>').replace('DM/1.2', 'DM/1.1');
		const text = syncmlMessage(logging(), { header }).replace('SYNCML:SYNCML1.2', 'SYNCML:SYNCML1.1');
		const found = diagnoseSyncml(text);
		assert.deepEqual(found.map((d) => d.code), ['syncml-1.1']);
		assert.equal(found[0].severity, DiagnosticSeverity.Information);
		assert.equal(coveredText(text, found[0]), 'SYNCML:SYNCML1.1');
		assert.match(found[0].message, /OMA DM 1\.1\.2/);
	});

	it('wants the header versions of the namespace: 1.2 in a SYNCML1.1 message is reported', () => {
		const text = syncmlMessage(logging(), { header: HEADER }).replace('SYNCML:SYNCML1.2', 'SYNCML:SYNCML1.1');
		const found = diagnoseSyncml(text).filter((d) => d.code === 'syncml-version');
		assert.deepEqual(found.map((d) => coveredText(text, d)), ['1.2', 'DM/1.2']);
	});

	it('reports VerDTD other than 1.2 on the value', () => {
		const text = syncmlMessage(logging(), { header: HEADER.replace('<VerDTD>1.2</VerDTD>', '<VerDTD>1.1</VerDTD>') });
		const d = only(text, 'syncml-version');
		assert.equal(coveredText(text, d), '1.1');
		assert.match(d.message, /1\.2/);
	});

	it('reports VerProto other than DM/1.2 on the value', () => {
		const text = syncmlMessage(logging(), { header: HEADER.replace('DM/1.2', 'DM/1.1') });
		const d = only(text, 'syncml-version');
		assert.equal(coveredText(text, d), 'DM/1.1');
		assert.match(d.message, /DM\/1\.2/);
	});

	for (const missing of ['VerDTD', 'VerProto', 'SessionID', 'MsgID', 'Target', 'Source']) {
		it(`reports a SyncHdr without ${missing}`, () => {
			const header = HEADER.split('\n').filter((l) => !l.includes(`<${missing}>`)).join('\n');
			const text = syncmlMessage(logging(), { header });
			const d = only(text, 'syncml-structure');
			assert.match(d.message, new RegExp(missing));
			assert.equal(coveredText(text, d), 'SyncHdr');
		});
	}

	it('reports SyncHdr children out of order', () => {
		const header = HEADER.replace('    <SessionID>1</SessionID>\n    <MsgID>1</MsgID>', '    <MsgID>1</MsgID>\n    <SessionID>1</SessionID>');
		const text = syncmlMessage(logging(), { header });
		const d = only(text, 'syncml-structure');
		assert.ok(['SessionID', 'MsgID'].includes(coveredText(text, d)), coveredText(text, d));
		assert.match(d.message, /order/);
	});

	it('reports an element that does not belong in SyncHdr', () => {
		const text = syncmlMessage(logging(), { header: HEADER.replace('  </SyncHdr>', '    <Item/>\n  </SyncHdr>') });
		assert.equal(coveredText(text, only(text, 'syncml-structure')), 'Item');
	});

	it('reports SyncHdr after SyncBody', () => {
		const text = `<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n${logging()}  </SyncBody>\n${HEADER}</SyncML>\n`;
		const d = only(text, 'syncml-structure');
		assert.equal(coveredText(text, d), 'SyncHdr');
	});

	it('reports a message without SyncBody', () => {
		const text = `<SyncML xmlns="SYNCML:SYNCML1.2">\n${HEADER}</SyncML>\n`;
		const d = only(text, 'syncml-structure');
		assert.match(d.message, /SyncBody/);
	});

	it('reports an element of SyncML other than SyncHdr and SyncBody', () => {
		const text = syncmlMessage(logging()).replace('  <SyncBody>', '  <Body/>\n  <SyncBody>');
		assert.equal(coveredText(text, only(text, 'syncml-structure')), 'Body');
	});

	it('reports an element that is not a SyncBody command', () => {
		const text = syncmlMessage(`${logging()}    <Map><CmdID>2</CmdID></Map>\n`);
		const d = only(text, 'syncml-structure');
		assert.equal(coveredText(text, d), 'Map');
		assert.match(d.message, /Replace/);
	});

	it('warns about Sequence (unsupported-command)', () => {
		const text = syncmlMessage(`    <Sequence>\n      <CmdID>9</CmdID>\n${logging().replace(/^/gm, '  ')}    </Sequence>\n`);
		const d = only(text, 'unsupported-command');
		assert.equal(coveredText(text, d), 'Sequence');
		assert.equal(d.severity, DiagnosticSeverity.Warning);
		assertCodes(text, ['unsupported-command']);
	});

	it('reports Final that is not last', () => {
		const text = syncmlMessage(`    <Final/>\n${logging()}`, { final: false });
		const d = only(text, 'syncml-structure');
		assert.equal(coveredText(text, d), 'Final');
		assert.match(d.message, /last/);
	});

	it('reports a command without CmdID on the command name', () => {
		const text = syncmlMessage(logging()).replace('      <CmdID>1</CmdID>\n', '');
		const d = only(text, 'missing-cmdid');
		assert.equal(coveredText(text, d), 'Replace');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assertCodes(text, ['missing-cmdid']);
	});

	it('reports an Atomic without CmdID', () => {
		const text = syncmlMessage(`    <Atomic>\n${logging().replace(/^/gm, '  ')}    </Atomic>\n`);
		assert.equal(coveredText(text, only(text, 'missing-cmdid')), 'Atomic');
	});

	it('reports a duplicate CmdID on the second one', () => {
		const text = syncmlMessage(logging({ cmdId: '4' }) + logging({ cmdId: '4', command: 'Delete', meta: null }, null, uri('SolicitedRemoteAssistance')));
		const d = only(text, 'duplicate-cmdid');
		assert.equal(coveredText(text, d), '4');
		assert.ok(d.range.start.line > text.slice(0, text.indexOf('<Delete>')).split('\n').length - 1, 'on the Delete, not the Replace');
		assert.match(d.message, /4/);
		assertCodes(text, ['duplicate-cmdid']);
	});

	it('reports a duplicate CmdID between an Atomic and a command inside it', () => {
		const text = syncmlMessage(`    <Atomic>\n      <CmdID>1</CmdID>\n${logging({ cmdId: '1' }).replace(/^/gm, '  ')}    </Atomic>\n`);
		assertCodes(text, ['duplicate-cmdid']);
	});

	it('reports CmdID 0 (invalid-cmdid)', () => {
		const text = syncmlMessage(logging({ cmdId: '0' }));
		const d = only(text, 'invalid-cmdid');
		assert.equal(coveredText(text, d), '0');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assertCodes(text, ['invalid-cmdid']);
	});

	it('reports an empty CmdID (invalid-cmdid)', () => {
		const text = syncmlMessage(logging({ cmdId: '' }));
		assertCodes(text, ['invalid-cmdid']);
	});

	it('reports an Item without Target/LocURI on the Item', () => {
		const text = syncmlMessage('    <Get>\n      <CmdID>1</CmdID>\n      <Item/>\n    </Get>\n');
		const d = only(text, 'missing-locuri');
		assert.equal(coveredText(text, d), 'Item');
		assert.equal(d.severity, DiagnosticSeverity.Error);
	});

	it('reports an Item with an empty LocURI and one with Target but no LocURI', () => {
		assertCodes(syncmlMessage(logging({}, ENABLED, '')), ['missing-locuri']);
		const text = syncmlMessage(logging()).replace(`<Target><LocURI>${LOGGING}</LocURI></Target>`, '<Target></Target>');
		assertCodes(text, ['missing-locuri']);
	});

	it('reports an Atomic inside an Atomic (nested-atomic)', () => {
		const text = syncmlMessage(`    <Atomic>\n      <CmdID>1</CmdID>\n      <Atomic>\n        <CmdID>2</CmdID>\n${logging({ cmdId: '3' }).replace(/^/gm, '    ')}      </Atomic>\n    </Atomic>\n`);
		const d = only(text, 'nested-atomic');
		assert.equal(coveredText(text, d), 'Atomic');
		assert.equal(d.range.start.line, 4);
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assertCodes(text, ['nested-atomic']);
	});

	it('warns about Get inside Atomic (unsupported-command)', () => {
		const text = syncmlMessage(`    <Atomic>\n      <CmdID>1</CmdID>\n${logging({ cmdId: '2', command: 'Get', meta: null }, null).replace(/^/gm, '  ')}    </Atomic>\n`);
		const d = only(text, 'unsupported-command');
		assert.equal(coveredText(text, d), 'Get');
		assert.equal(d.severity, DiagnosticSeverity.Warning);
		assertCodes(text, ['unsupported-command']);
	});
});

describe('SyncML validation: Remote Assistance URIs', () => {
	const valid: [string, string][] = [];
	for (const policy of ['UnsolicitedRemoteAssistance', 'SolicitedRemoteAssistance', 'CustomizeWarningMessages', 'SessionLogging']) {
		valid.push([policy, 'RemoteAssistance']);
	}
	valid.push(['RA_EncryptedTicketOnly', 'ADMX_RemoteAssistance'], ['RA_Optimize_Bandwidth', 'ADMX_RemoteAssistance']);

	for (const [policy, area] of valid) {
		it(`accepts the ./Device, default and Result forms for ${area}/${policy}`, () => {
			for (const prefix of [CONFIG, './Vendor/MSFT/Policy/Config']) {
				assertCodes(syncmlMessage(syncmlCommand(uri(policy, area, prefix), '&lt;disabled/&gt;')), []);
				assertCodes(syncmlMessage(syncmlCommand(uri(policy, area, prefix), undefined, { command: 'Delete', meta: null })), []);
			}
			for (const prefix of [CONFIG, RESULT, './Vendor/MSFT/Policy/Result', './Vendor/MSFT/Policy/Config']) {
				assertCodes(syncmlMessage(syncmlCommand(uri(policy, area, prefix), undefined, { command: 'Get', meta: null })), []);
			}
		});
	}

	it('reports a ./User/ URI as uri-scope, device only', () => {
		const text = syncmlMessage(logging({}, ENABLED, './User/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging'));
		const d = only(text, 'uri-scope');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.ok(coveredText(text, d).startsWith('./User/'), coveredText(text, d));
		assert.ok(!coveredText(text, d).includes('<'), 'inside the LocURI');
		assert.match(d.message, /device/i);
		assert.match(d.message, /\.\/Device\//);
		assertCodes(text, ['uri-scope']);
	});

	it('reports a ./User/ Get of a Result node too', () => {
		const text = syncmlMessage(logging({ command: 'Get', meta: null }, null, './User/Vendor/MSFT/Policy/Result/ADMX_RemoteAssistance/RA_Optimize_Bandwidth'));
		assertCodes(text, ['uri-scope']);
	});

	it('reports ./device in lower case alone as a warning, uri-root-case: whether the device minds is not documented', () => {
		const text = syncmlMessage(logging({}, ENABLED, './device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging'));
		const d = only(text, 'uri-root-case');
		assert.equal(d.severity, DiagnosticSeverity.Warning);
		assert.equal(coveredText(text, d), './device');
		assert.match(d.message, /\.\/Device/);
		assertCodes(text, ['uri-root-case']);
	});

	it('reports a root in the wrong case with another wrong segment as one uri-case error', () => {
		const text = syncmlMessage(logging({}, ENABLED, './DEVICE/vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging'));
		assert.equal(only(text, 'uri-case').severity, DiagnosticSeverity.Error);
		assertCodes(text, ['uri-case']);
	});

	for (const [wrong, label] of [
		['./Device/vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging', 'vendor'],
		['./Device/Vendor/msft/Policy/Config/RemoteAssistance/SessionLogging', 'MSFT'],
		['./Device/Vendor/MSFT/policy/Config/RemoteAssistance/SessionLogging', 'Policy'],
		['./Device/Vendor/MSFT/Policy/config/RemoteAssistance/SessionLogging', 'Config'],
		['./Device/Vendor/MSFT/Policy/Config/remoteassistance/SessionLogging', 'area'],
		['./Device/Vendor/MSFT/Policy/Config/Admx_RemoteAssistance/RA_EncryptedTicketOnly', 'ADMX area'],
		['./VENDOR/MSFT/Policy/Config/RemoteAssistance/SessionLogging', 'default scope'],
	] as const) {
		it(`reports the wrong case of ${label} as uri-case`, () => {
			const text = syncmlMessage(logging({}, ENABLED, wrong));
			const d = only(text, 'uri-case');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			const fault = coveredText(text, d);
			assert.ok(wrong.startsWith(fault) && fault.length > 0, `range inside the LocURI: ${fault}`);
			assert.match(d.message, /case/i);
			assertCodes(text, ['uri-case']);
		});
	}

	it('reports the wrong case of the policy segment alone as unknown-policy, with the right name', () => {
		const text = syncmlMessage(logging({}, ENABLED, uri('sessionlogging')));
		const d = only(text, 'unknown-policy');
		assert.equal(coveredText(text, d), 'sessionlogging');
		assert.match(d.message, /SessionLogging/);
		assertCodes(text, ['unknown-policy']);
	});

	it('offers did-you-mean for an unknown policy in RemoteAssistance', () => {
		const text = syncmlMessage(logging({}, ENABLED, uri('SessionLoging')));
		const d = only(text, 'unknown-policy');
		assert.equal(coveredText(text, d), 'SessionLoging');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.match(d.message, /Did you mean SessionLogging/);
	});

	it('offers did-you-mean for an unknown policy in ADMX_RemoteAssistance', () => {
		const text = syncmlMessage(logging({}, ENABLED, uri('RA_EncryptedTicketsOnly', 'ADMX_RemoteAssistance')));
		const d = only(text, 'unknown-policy');
		assert.equal(coveredText(text, d), 'RA_EncryptedTicketsOnly');
		assert.match(d.message, /RA_EncryptedTicketOnly/);
	});

	it('reports a policy of one area written in the other', () => {
		const text = syncmlMessage(logging({}, ENABLED, uri('SessionLogging', 'ADMX_RemoteAssistance')));
		assert.equal(coveredText(text, only(text, 'unknown-policy')), 'SessionLogging');
	});

	it('reports an unknown policy in a Get and a Delete too', () => {
		assertCodes(syncmlMessage(logging({ command: 'Get', meta: null }, null, uri('Nope', 'RemoteAssistance', RESULT))), ['unknown-policy']);
		assertCodes(syncmlMessage(logging({ command: 'Delete', meta: null }, null, uri('Nope'))), ['unknown-policy']);
	});

	it('leaves URIs of other CSPs alone, whatever the payload and command', () => {
		const other = './Device/Vendor/MSFT/Policy/Config/Browser/AllowCookies';
		for (const body of [
			syncmlCommand(other, '2', { meta: '<Meta><Format xmlns="syncml:metinf">int</Format></Meta>' }),
			syncmlCommand(other, '<enabled/><data id="x"/>', { meta: null }),
			syncmlCommand(other, '&lt;Enabled/&gt;&lt;bogus', { meta: '<Meta><Format>b64</Format><Type>application/xml</Type></Meta>' }),
			syncmlCommand(other, undefined, { meta: null }),
			syncmlCommand(other, undefined, { command: 'Add', meta: null }),
			syncmlCommand(other, 'x', { command: 'Delete', meta: null }),
			syncmlCommand(other, 'x', { command: 'Get', meta: null }),
			syncmlCommand(other, undefined, { command: 'Exec', meta: null }),
			syncmlCommand('./User/Vendor/MSFT/Policy/Config/Browser/AllowCookies', '1', { meta: null }),
			syncmlCommand('./device/vendor/msft/policy/config/browser/allowcookies', '1', { meta: null }),
			syncmlCommand('./Device/Vendor/MSFT/Policy/Config/RemoteAssistanceX/SessionLogging', '1', { meta: null }),
			syncmlCommand('./Device/Vendor/MSFT/Policy/Result/Browser/AllowCookies', '1'),
		]) {
			assertCodes(syncmlMessage(body), []);
		}
	});
});

describe('SyncML validation: commands against the access types', () => {
	it('accepts Add with a payload', () => {
		assertCodes(syncmlMessage(logging({ command: 'Add' })), []);
	});

	for (const command of ['Add', 'Replace']) {
		it(`reports ${command} without Data (command-data)`, () => {
			const text = syncmlMessage(logging({ command }, null));
			const d = only(text, 'command-data');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.equal(coveredText(text, d), 'Item');
			assert.match(d.message, /Data/);
			assertCodes(text, ['command-data']);
		});

		it(`reports ${command} with an empty Data (command-data)`, () => {
			const text = syncmlMessage(logging({ command }, ''));
			const d = only(text, 'command-data');
			assert.equal(coveredText(text, d), 'Data');
		});
	}

	for (const command of ['Delete', 'Get']) {
		it(`reports ${command} with Data (command-data)`, () => {
			const text = syncmlMessage(logging({ command, meta: null }, ENABLED));
			const d = only(text, 'command-data');
			assert.equal(coveredText(text, d), 'Data');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.match(d.message, new RegExp(command));
			assertCodes(text, ['command-data']);
		});
	}

	it('reports Exec on a policy node (command-access)', () => {
		const text = syncmlMessage(logging({ command: 'Exec', meta: null }, null));
		const d = only(text, 'command-access');
		assert.equal(coveredText(text, d), 'Exec');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.match(d.message, /Exec/);
		assertCodes(text, ['command-access']);
	});

	for (const command of ['Replace', 'Add']) {
		it(`reports ${command} on a Result node (command-access)`, () => {
			const text = syncmlMessage(logging({ command }, ENABLED, uri('SessionLogging', 'RemoteAssistance', RESULT)));
			const d = only(text, 'command-access');
			assert.equal(coveredText(text, d), command);
			assert.match(d.message, /Config/);
			assertCodes(text, ['command-access']);
		});
	}

	it('reports Delete on a Result node (command-access)', () => {
		const text = syncmlMessage(logging({ command: 'Delete', meta: null }, null, uri('SessionLogging', 'RemoteAssistance', RESULT)));
		assertCodes(text, ['command-access']);
	});
});

describe('SyncML validation: Meta', () => {
	it('warns when Meta is missing (missing-format)', () => {
		const text = syncmlMessage(logging({ meta: null }));
		const d = only(text, 'missing-format');
		assert.equal(d.severity, DiagnosticSeverity.Warning);
		assert.equal(coveredText(text, d), 'Item');
		assert.match(d.message, /chr/);
		assertCodes(text, ['missing-format']);
	});

	it('warns when Meta has no Format', () => {
		const text = syncmlMessage(logging({ meta: '<Meta><Type>text/plain</Type></Meta>' }));
		assertCodes(text, ['missing-format']);
		assert.equal(only(text, 'missing-format').severity, DiagnosticSeverity.Warning);
	});

	for (const format of ['int', 'b64', 'xml', 'bool', '']) {
		it(`reports Format ${format || 'empty'} as invalid-format`, () => {
			const text = syncmlMessage(logging({ meta: `<Meta><Format xmlns="syncml:metinf">${format}</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>` }));
			const d = only(text, 'invalid-format');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			if (format) {
				assert.equal(coveredText(text, d), format);
			}
			assert.match(d.message, /chr/);
			assertCodes(text, ['invalid-format']);
		});
	}

	it('reports a Type other than text/plain as invalid-type', () => {
		const text = syncmlMessage(logging({ meta: '<Meta><Format>chr</Format><Type>text/xml</Type></Meta>' }));
		const d = only(text, 'invalid-type');
		assert.equal(coveredText(text, d), 'text/xml');
		assert.match(d.message, /text\/plain/);
		assertCodes(text, ['invalid-type']);
	});

	it('accepts Format and Type with or without the syncml:metinf namespace, and without Type', () => {
		assertCodes(syncmlMessage(logging({ meta: '<Meta><Format>chr</Format><Type>text/plain</Type></Meta>' })), []);
		assertCodes(syncmlMessage(logging({ meta: '<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>' })), []);
		assertCodes(syncmlMessage(logging({ meta: '<Meta>\n          <Format xmlns="syncml:metinf">chr</Format>\n          <Type xmlns="syncml:metinf">text/plain</Type>\n        </Meta>' })), []);
	});

	it('accepts Meta on the command instead of the Item', () => {
		const text = syncmlMessage(logging({ meta: null }).replace('      <Item>', '      <Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>\n      <Item>'));
		assertCodes(text, []);
	});

	it('checks Meta on the command: Format int is invalid-format', () => {
		const text = syncmlMessage(logging({ meta: null }).replace('      <Item>', '      <Meta><Format>int</Format></Meta>\n      <Item>'));
		const d = only(text, 'invalid-format');
		assert.equal(coveredText(text, d), 'int');
	});

	it('does not ask for Meta on Delete and Get', () => {
		assertCodes(syncmlMessage(logging({ command: 'Delete', meta: null }, null)), []);
		assertCodes(syncmlMessage(logging({ command: 'Get', meta: null }, null)), []);
	});
});

describe('SyncML validation: suppression comments and settings', () => {
	const withoutMeta = syncmlMessage(logging({ meta: null }));

	it('silences the next line with <!-- rapolicy-disable-next-line code -->', () => {
		const text = withoutMeta.replace('      <Item>', '      <!-- rapolicy-disable-next-line missing-format -->\n      <Item>');
		assertCodes(text, []);
	});

	it('silences every rule on the next line without a code', () => {
		const text = syncmlMessage(logging({ meta: null, cmdId: '0' })).replace('      <CmdID>0</CmdID>', '      <!-- rapolicy-disable-next-line -->\n      <CmdID>0</CmdID>');
		assertCodes(text, ['missing-format']);
	});

	it('silences several codes, and only those', () => {
		const payload = '&lt;enabled/&gt;&lt;data id="RA_Optimize_Bandwidth_List" value="5"/&gt;&lt;data id="Bogus" value="1"/&gt;';
		const base = syncmlMessage(syncmlCommand(uri('RA_Optimize_Bandwidth', 'ADMX_RemoteAssistance'), payload));
		assertCodes(base, ['enum-value', 'unknown-option']);
		const marker = '        <Data>';
		assertCodes(base.replace(marker, `        <!-- rapolicy-disable-next-line enum-value unknown-option -->\n${marker}`), []);
		assertCodes(base.replace(marker, `        <!-- rapolicy-disable-next-line enum-value -->\n${marker}`), ['unknown-option']);
		assertCodes(base.replace(marker, `        <!-- rapolicy-disable-next-line missing-format -->\n${marker}`), ['enum-value', 'unknown-option']);
	});

	it('does not silence the line after the next', () => {
		const text = withoutMeta.replace('      <CmdID>1</CmdID>', '      <!-- rapolicy-disable-next-line missing-format -->\n      <CmdID>1</CmdID>');
		assertCodes(text, ['missing-format']);
	});

	it('changes the severity of a rule through settings', () => {
		const settings = normalizeSettings({ validation: { rules: { 'missing-format': 'error' } } });
		const [d] = diagnoseSyncml(withoutMeta, settings);
		assert.equal(d.code, 'missing-format');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		const hint = diagnoseSyncml(syncmlMessage(logging({ cmdId: '0' })), normalizeSettings({ validation: { rules: { 'invalid-cmdid': 'hint' } } }));
		assert.deepEqual(hint.map((x) => [x.code, x.severity]), [['invalid-cmdid', DiagnosticSeverity.Hint]]);
	});

	it('turns a rule off through settings, and all of them with validation.enable false', () => {
		assert.deepEqual(diagnoseSyncml(withoutMeta, normalizeSettings({ validation: { rules: { 'missing-format': 'off' } } })), []);
		assert.deepEqual(diagnoseSyncml(mutate(withoutMeta, '<CmdID>1</CmdID>', '<CmdID>0</CmdID>'), normalizeSettings({ validation: { enable: false } })), []);
	});
});

describe('SyncML validation: messages', () => {
	it('gives every diagnostic a stable code, the rapolicy source and a message', () => {
		const text = syncmlMessage(logging({ meta: '<Meta><Format>int</Format></Meta>', cmdId: '0' }, '&lt;enabled/&gt;&lt;data id="x" value="1"/&gt;', uri('SessionLogging', 'RemoteAssistance', './device/Vendor/MSFT/Policy/Config')));
		const diagnostics = diagnoseSyncml(text);
		assert.ok(diagnostics.length >= 3, JSON.stringify(diagnostics));
		for (const d of diagnostics) {
			assert.equal(d.source, 'rapolicy');
			assert.equal(typeof d.code, 'string');
			assert.ok(d.message.length > 15, d.message);
		}
	});
});

describe('SyncML validation: commands that undo each other', () => {
	const replace = (cmdId: string, data = ENABLED, policy = 'SessionLogging') => syncmlCommand(uri(policy), data, { cmdId });
	const remove = (cmdId: string, policy = 'SessionLogging') => syncmlCommand(uri(policy), undefined, { command: 'Delete', cmdId, meta: null });
	/** The 1-based line of the `n`-th (0-based) occurrence of `tag` in `text`. */
	const lineOf = (text: string, tag: string, n = 0) => {
		let at = -1;
		for (let i = 0; i <= n; i++) {
			at = text.indexOf(tag, at + 1);
		}
		return text.slice(0, at).split('\n').length;
	};

	it('warns at the Delete of a policy an earlier Replace sets, naming the Replace and its line', () => {
		const text = syncmlMessage(replace('1') + remove('2'));
		const d = only(text, 'conflicting-commands');
		assert.equal(d.severity, DiagnosticSeverity.Warning);
		assert.equal(coveredText(text, d), LOGGING);
		assert.equal(d.range.start.line + 1, lineOf(text, '<LocURI>', 1));
		assert.ok(d.message.includes(`<Replace> on line ${lineOf(text, '<Replace>')}`), d.message);
		assert.match(d.message, /in order/);
		assert.match(d.message, /last one wins/);
		assert.match(d.message, /keep one/i);
		assertCodes(text, ['conflicting-commands']);
	});

	it('warns at a Replace of a policy an earlier Delete removes', () => {
		const text = syncmlMessage(remove('1') + replace('2'));
		const d = only(text, 'conflicting-commands');
		assert.equal(d.range.start.line + 1, lineOf(text, '<LocURI>', 1));
		assert.ok(d.message.includes(`<Delete> on line ${lineOf(text, '<Delete>')}`), d.message);
	});

	it('warns at the second of two Replaces with other data, and not when the data is the same', () => {
		const text = syncmlMessage(replace('1') + replace('2', '&lt;disabled/&gt;'));
		const d = only(text, 'conflicting-commands');
		assert.equal(d.range.start.line + 1, lineOf(text, '<LocURI>', 1));
		assert.ok(d.message.includes(`<Replace> on line ${lineOf(text, '<Replace>')}`), d.message);
		assertCodes(syncmlMessage(replace('1') + replace('2', '<![CDATA[<enabled/>]]>')), []);
		assertCodes(syncmlMessage(remove('1') + remove('2')), []);
	});

	it('leaves commands on different policies alone', () => {
		assertCodes(syncmlMessage(replace('1') + remove('2', 'SolicitedRemoteAssistance')), []);
	});

	it('names the command just before, for three settings of one policy', () => {
		const text = syncmlMessage(replace('1') + remove('2') + replace('3'));
		const found = diagnoseSyncml(text).filter((d) => d.code === 'conflicting-commands');
		assert.deepEqual(found.map((d) => d.range.start.line + 1), [lineOf(text, '<LocURI>', 1), lineOf(text, '<LocURI>', 2)]);
		assert.ok(found[1].message.includes(`<Delete> on line ${lineOf(text, '<Delete>')}`), found[1].message);
	});

	it('finds them inside an Atomic and between an Atomic and a later command', () => {
		const inner = (body: string) => body.replace(/^/gm, '  ').replace(/^ {2}$/m, '');
		const atomic = `    <Atomic>\n      <CmdID>9</CmdID>\n${inner(replace('1') + remove('2'))}    </Atomic>\n`;
		const text = syncmlMessage(atomic);
		assert.equal(only(text, 'conflicting-commands').range.start.line + 1, lineOf(text, '<LocURI>', 1));
		const after = syncmlMessage(atomic + replace('3'));
		const found = diagnoseSyncml(after).filter((d) => d.code === 'conflicting-commands');
		assert.equal(found.length, 2, JSON.stringify(syncmlCodes(after)));
	});
});
