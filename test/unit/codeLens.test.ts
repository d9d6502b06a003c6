import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POLICY_LENSES } from '../../server/src/common/protocol';
import { getCodeLenses } from '../../server/src/service';
import { FULL_PROFILE, parse, parseSyncml } from '../helpers/service';

// The full profile with one policy name misspelt, which gets no lens.
const YAML = FULL_PROFILE.replace('  SessionLogging:', '  Sessionlogging:');
const lineOf = (start: string) => YAML.split('\n').findIndex((line) => line.startsWith(start));

describe('code lenses', () => {
	it('puts the preview and both copies above each policy, with the document and the policy line', () => {
		const lenses = getCodeLenses(parse(YAML), POLICY_LENSES);
		const first = lineOf('  UnsolicitedRemoteAssistance:');
		assert.deepEqual(lenses.slice(0, 3).map((l) => [l.range.start.line, l.command?.title]), [[first, 'Preview payload'], [first, 'Copy OMA-URI'], [first, 'Copy raw value']]);
		assert.equal(lenses.length, 3 * 5, 'three lenses for each of the five policies spelt right');
		assert.deepEqual(lenses[1].command?.arguments, ['file:///work/test.rapolicy.yaml', first]);
		assert.equal(lenses[1].command?.command, 'rapolicy.copyOmaUri');
	});

	it('gives a misspelt policy name no lens: there is nothing to preview or copy yet', () => {
		const misspelt = lineOf('  Sessionlogging:');
		assert.ok(misspelt > 0);
		assert.ok(!getCodeLenses(parse(YAML), POLICY_LENSES).some((l) => l.range.start.line === misspelt));
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
