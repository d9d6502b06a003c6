import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POLICY_LENSES } from '../../server/src/common/protocol';
import { getCodeLenses } from '../../server/src/service';
import { parse, parseSyncml } from '../helpers/service';

const YAML = `profile: Lenses
scope: device
policies:
  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: remote-control
      RA_Unsolicit_DACL_Edit: [CONTOSO\\RA-Helpdesk]
  Sessionlogging: { state: enabled }
  RA_EncryptedTicketOnly: { state: enabled }
`;

describe('code lenses', () => {
	it('puts the preview and both copies above each policy, with the document and the policy line', () => {
		const lenses = getCodeLenses(parse(YAML), POLICY_LENSES);
		assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
			[3, 'Preview payload'], [3, 'Copy OMA-URI'], [3, 'Copy raw value'],
			[9, 'Preview payload'], [9, 'Copy OMA-URI'], [9, 'Copy raw value'],
		]);
		assert.deepEqual(lenses[1].command?.arguments, ['file:///work/test.rapolicy.yaml', 3]);
		assert.equal(lenses[1].command?.command, 'rapolicy.copyOmaUri');
	});

	it('gives a misspelt policy name no lens: there is nothing to preview or copy yet', () => {
		const lines = getCodeLenses(parse(YAML), POLICY_LENSES).map((l) => l.range.start.line);
		assert.ok(!lines.includes(8));
	});

	it('puts lenses above SyncML items of known policies only', () => {
		const text = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>
<Replace><CmdID>1</CmdID>
<Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data>&lt;enabled/&gt;</Data></Item>
</Replace>
<Replace><CmdID>2</CmdID>
<Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/NoSuchPolicy</LocURI></Target><Data>&lt;enabled/&gt;</Data></Item>
</Replace>
<Final/></SyncBody></SyncML>`;
		const lenses = getCodeLenses(parseSyncml(text), POLICY_LENSES);
		assert.deepEqual([...new Set(lenses.map((l) => l.range.start.line))], [2]);
	});
});
