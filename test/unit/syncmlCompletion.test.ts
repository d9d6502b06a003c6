import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { getCompletions } from '../../server/src/service';
import { applySyncmlCompletion, caret, configUri, coveredText, diagnoseSyncml, editOf, expandSnippetWithMirrors, item, labels, parseSyncml, POLICY_AREAS, resultUri, syncmlCodes, syncmlCommand, syncmlMessage } from '../helpers/service';

const ELEMENT_IDS: Record<string, readonly string[]> = {
	UnsolicitedRemoteAssistance: ['RA_Unsolicit_Control_List', 'RA_Unsolicit_DACL_Edit'],
	SolicitedRemoteAssistance: ['RA_Solicit_Control_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_Mailto_List'],
	CustomizeWarningMessages: ['RA_Options_Share_Control_Message', 'RA_Options_Connect_Message'],
	SessionLogging: [],
	RA_EncryptedTicketOnly: [],
	RA_Optimize_Bandwidth: ['RA_Optimize_Bandwidth_List'],
};

function complete(marked: string): { text: string; offset: number; items: CompletionItem[] } {
	const { text, offset } = caret(marked);
	return { text, offset, items: getCompletions(parseSyncml(text), offset).items };
}

/** The text an item inserts, as an editor expands it. */
function inserted(i: CompletionItem): string {
	const text = editOf(i).newText;
	return i.insertTextFormat === 2 ? expandSnippetWithMirrors(text) : text;
}

/** A message whose one command on `policy` has `data` (already encoded) in Data; `|` marks the caret. */
function inData(policy: string, data: string, command = 'Replace'): string {
	return syncmlMessage(syncmlCommand(configUri(policy), data, { command }));
}

describe('SyncML completion: elements', () => {
	it('proposes the children of Item inside an Item', () => {
		const { items } = complete(syncmlMessage('    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n        |\n      </Item>\n    </Replace>\n'));
		const names = labels(items);
		for (const name of ['Target', 'Meta', 'Data']) {
			assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
		}
		for (const name of ['CmdID', 'Item', 'Replace', 'SyncBody', 'LocURI', 'Final']) {
			assert.ok(!names.includes(name), `${name} not offered inside Item`);
		}
	});

	it('leaves out a child that is already there', () => {
		const { items } = complete(syncmlMessage('    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n        <Target><LocURI>./Vendor/MSFT/X</LocURI></Target>\n        |\n      </Item>\n    </Replace>\n'));
		assert.ok(!labels(items).includes('Target'));
		assert.ok(labels(items).includes('Data'));
	});

	it('completes a partly typed element name after <, replacing what is typed', () => {
		const { text, items } = complete(syncmlMessage('    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n        <Ta|\n      </Item>\n    </Replace>\n'));
		const target = item(items, 'Target');
		assert.equal(coveredText(text, editOf(target)), 'Ta');
		const after = applySyncmlCompletion(text, target);
		assert.match(after, /<Target>\s*<LocURI>\s*<\/LocURI>\s*<\/Target>/);
		assert.ok(!after.includes('<<'));
	});

	it('proposes the children of a command and of Meta and Target', () => {
		const inReplace = labels(complete(syncmlMessage('    <Replace>\n      |\n    </Replace>\n')).items);
		assert.ok(inReplace.includes('CmdID') && inReplace.includes('Item') && inReplace.includes('Meta'), JSON.stringify(inReplace));
		const inMeta = labels(complete(syncmlMessage(syncmlCommand(configUri('SessionLogging'), '&lt;enabled/&gt;', { meta: '<Meta>|</Meta>' }))).items);
		assert.deepEqual(inMeta.sort(), ['Format', 'Type']);
		const inTarget = labels(complete(syncmlMessage('    <Get>\n      <CmdID>1</CmdID>\n      <Item>\n        <Target>|</Target>\n      </Item>\n    </Get>\n')).items);
		assert.deepEqual(inTarget, ['LocURI']);
	});

	it('proposes the Meta element filled with Format chr and Type text/plain', () => {
		const { items } = complete(syncmlMessage('    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n        |\n      </Item>\n    </Replace>\n'));
		const meta = inserted(item(items, 'Meta'));
		assert.match(meta, /<Format( xmlns="syncml:metinf")?>chr<\/Format>/);
		assert.match(meta, /<Type( xmlns="syncml:metinf")?>text\/plain<\/Type>/);
	});

	it('proposes the SyncBody commands and Final inside SyncBody', () => {
		const { items } = complete(syncmlMessage('    |\n', { final: false }));
		const names = labels(items);
		for (const name of ['Replace', 'Delete', 'Get', 'Add', 'Atomic', 'Final']) {
			assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
		}
		assert.ok(!names.includes('Item') && !names.includes('Target'));
	});

	it('works in a half-typed document', () => {
		const { items } = complete('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><|');
		assert.ok(labels(items).includes('Target'), JSON.stringify(labels(items)));
	});
});

describe('SyncML completion: whole commands for a policy', () => {
	const existing = syncmlCommand(configUri('SessionLogging'), '&lt;enabled/&gt;', { cmdId: '3' })
		+ syncmlCommand(configUri('RA_EncryptedTicketOnly'), undefined, { cmdId: '7', command: 'Delete', meta: null })
		+ syncmlCommand(resultUri('RA_EncryptedTicketOnly'), undefined, { cmdId: '5', command: 'Get', meta: null });
	const marked = syncmlMessage(`${existing}    |\n`);
	/** What is wrong after inserting a command on `policy`, but for its undoing a command of `existing` on that policy. */
	const problemsAfter = (after: string, policy: string) => diagnoseSyncml(after).filter((d) => !(d.code === 'conflicting-commands' && ['SessionLogging', 'RA_EncryptedTicketOnly'].includes(policy)));

	it('offers Replace, Delete and Get of each of the six policies inside SyncBody', () => {
		const names = labels(complete(marked).items);
		for (const policy of Object.keys(POLICY_AREAS)) {
			for (const command of ['Replace', 'Delete', 'Get']) {
				assert.ok(names.some((n) => n.includes(command) && n.includes(policy)), `${command} ${policy} in ${JSON.stringify(names)}`);
			}
		}
	});

	function snippet(command: string, policy: string): CompletionItem {
		const found = complete(marked).items.find((i) => i.label.includes(command) && i.label.includes(policy) && !i.label.includes(command === 'Replace' ? 'Delete' : 'Replace'));
		assert.ok(found, `${command} ${policy}`);
		return found;
	}

	for (const policy of Object.keys(POLICY_AREAS)) {
		it(`inserts a valid Replace of ${policy}: next CmdID, Meta chr and text/plain, every option escaped`, () => {
			const { text } = caret(marked);
			const proposal = snippet('Replace', policy);
			const body = inserted(proposal);
			assert.match(body, /<CmdID>8<\/CmdID>/, 'highest existing CmdID (7) + 1');
			assert.ok(body.includes(`<LocURI>${configUri(policy)}</LocURI>`), body);
			assert.match(body, /<Format( xmlns="syncml:metinf")?>chr<\/Format>/);
			assert.match(body, /<Type( xmlns="syncml:metinf")?>text\/plain<\/Type>/);
			assert.ok(body.includes('&lt;enabled/&gt;'), body);
			for (const id of ELEMENT_IDS[policy]) {
				assert.ok(body.includes(`&lt;data id="${id}"`), `${id} in\n${body}`);
			}
			const data = /<Data>([\s\S]*)<\/Data>/.exec(body)?.[1] ?? '';
			assert.ok(!data.includes('<'), `the payload is escaped: ${data}`);
			const after = applySyncmlCompletion(text, proposal);
			assert.deepEqual(problemsAfter(after, policy), [], after);
		});

		for (const command of ['Delete', 'Get']) {
			it(`inserts a valid ${command} of ${policy} without Data`, () => {
				const { text } = caret(marked);
				const proposal = snippet(command, policy);
				const body = inserted(proposal);
				assert.match(body, /<CmdID>8<\/CmdID>/);
				assert.ok(!body.includes('<Data>'));
				assert.ok(body.includes(`/${POLICY_AREAS[policy]}/${policy}</LocURI>`), body);
				const after = applySyncmlCompletion(text, proposal);
				assert.deepEqual(problemsAfter(after, policy), [], after);
			});
		}
	}

	it('numbers the first command 1 in an empty SyncBody', () => {
		const { items } = complete(syncmlMessage('    |\n'));
		const proposal = items.find((i) => i.label.includes('Replace') && i.label.includes('SessionLogging'));
		assert.ok(proposal);
		assert.match(inserted(proposal), /<CmdID>1<\/CmdID>/);
	});

	it('offers the commands inside an Atomic too', () => {
		const { items } = complete(syncmlMessage('    <Atomic>\n      <CmdID>1</CmdID>\n      |\n    </Atomic>\n'));
		const proposal = items.find((i) => i.label.includes('Replace') && i.label.includes('SolicitedRemoteAssistance'));
		assert.ok(proposal);
		assert.match(inserted(proposal), /<CmdID>2<\/CmdID>/);
	});
});

describe('SyncML completion: values', () => {
	it('proposes the OMA-URIs of the six policies in a LocURI', () => {
		const { items } = complete(syncmlMessage(syncmlCommand('|', '&lt;enabled/&gt;')));
		const names = labels(items);
		for (const policy of Object.keys(POLICY_AREAS)) {
			assert.ok(names.includes(configUri(policy)), `${configUri(policy)} in ${JSON.stringify(names)}`);
		}
		assert.ok(!names.some((n) => n.includes('/Result/')), 'no Result node for a Replace');
		assert.ok(!names.some((n) => n.startsWith('./User/')), 'no ./User/ URI');
	});

	it('proposes the Result URIs in a Get', () => {
		const names = labels(complete(syncmlMessage(syncmlCommand('|', undefined, { command: 'Get', meta: null }))).items);
		assert.ok(names.includes(resultUri('UnsolicitedRemoteAssistance')), JSON.stringify(names));
		assert.ok(names.includes(configUri('UnsolicitedRemoteAssistance')));
	});

	it('replaces the whole URI typed so far', () => {
		const { text, items } = complete(syncmlMessage(syncmlCommand('./Dev|ice/Vendor', '&lt;enabled/&gt;')));
		const proposal = item(items, configUri('SessionLogging'));
		assert.equal(coveredText(text, editOf(proposal)), './Device/Vendor');
		const after = applySyncmlCompletion(text, proposal);
		assert.ok(after.includes(`<LocURI>${configUri('SessionLogging')}</LocURI>`));
		assert.deepEqual(syncmlCodes(after), []);
	});

	it('proposes chr in Format and text/plain in Type', () => {
		const format = complete(syncmlMessage(syncmlCommand(configUri('SessionLogging'), '&lt;enabled/&gt;', { meta: '<Meta><Format>|</Format></Meta>' })));
		assert.deepEqual(labels(format.items), ['chr']);
		assert.equal(inserted(format.items[0]), 'chr');
		const type = complete(syncmlMessage(syncmlCommand(configUri('SessionLogging'), '&lt;enabled/&gt;', { meta: '<Meta><Format>chr</Format><Type>te|</Type></Meta>' })));
		assert.deepEqual(labels(type.items), ['text/plain']);
		assert.equal(coveredText(type.text, editOf(type.items[0])), 'te');
	});
});

describe('SyncML completion: the payload', () => {
	it('proposes <enabled/> and <disabled/> escaped in an empty Data', () => {
		const { text, items } = complete(inData('SessionLogging', '|'));
		const enabled = item(items, '<enabled/>');
		assert.equal(inserted(enabled), '&lt;enabled/&gt;');
		assert.equal(inserted(item(items, '<disabled/>')), '&lt;disabled/&gt;');
		assert.deepEqual(syncmlCodes(applySyncmlCompletion(text, enabled)), []);
	});

	it('proposes <enabled/> and <disabled/> plain inside CDATA', () => {
		const { text, items } = complete(inData('SessionLogging', '<![CDATA[|]]>'));
		const enabled = item(items, '<enabled/>');
		assert.equal(inserted(enabled), '<enabled/>');
		assert.equal(inserted(item(items, '<disabled/>')), '<disabled/>');
		assert.deepEqual(syncmlCodes(applySyncmlCompletion(text, enabled)), []);
	});

	for (const [form, open, close] of [['escaped', '', ''], ['CDATA', '<![CDATA[', ']]>']] as const) {
		const esc = (xml: string) => (form === 'escaped' ? xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : xml);

		it(`proposes the whole enabled payload with every option (${form}), valid when applied`, () => {
			const { text, items } = complete(inData('SolicitedRemoteAssistance', `${open}|${close}`));
			const whole = items.find((i) => i.label.includes('enabled') && i.label !== '<enabled/>');
			assert.ok(whole, JSON.stringify(labels(items)));
			const body = inserted(whole);
			for (const id of ELEMENT_IDS.SolicitedRemoteAssistance) {
				assert.ok(body.includes(esc(`<data id="${id}"`)), `${id} in ${body}`);
			}
			assert.deepEqual(syncmlCodes(applySyncmlCompletion(text, whole)), []);
		});

		it(`proposes the data items not yet present after <enabled/> (${form})`, () => {
			const { text, items } = complete(inData('SolicitedRemoteAssistance', `${open}${esc('<enabled/><data id="RA_Solicit_Control_List" value="1"/>')}|${close}`));
			const ids = ELEMENT_IDS.SolicitedRemoteAssistance.slice(1);
			for (const id of ids) {
				const proposal = items.find((i) => i.label.includes(id));
				assert.ok(proposal, `${id} in ${JSON.stringify(labels(items))}`);
				assert.ok(inserted(proposal).startsWith(esc(`<data id="${id}"`)), inserted(proposal));
			}
			assert.ok(!items.some((i) => i.label.includes('RA_Solicit_Control_List')), 'an id already present is left out');
			assert.ok(!items.some((i) => i.label === '<enabled/>'), 'no second state');
			const proposal = items.find((i) => i.label.includes('RA_Solicit_ExpireValue_Edt'));
			assert.ok(proposal);
			const after = applySyncmlCompletion(text, proposal);
			const before = syncmlCodes(text);
			assert.deepEqual(before, ['missing-option']);
			const afterCodes = syncmlCodes(after);
			assert.ok(afterCodes.every((c) => c === 'missing-option'), JSON.stringify(afterCodes));
			assert.match(diagnoseSyncml(after)[0].message, /RA_Solicit_ExpireUnits_List/);
			assert.doesNotMatch(diagnoseSyncml(after)[0].message, /RA_Solicit_ExpireValue_Edt/);
		});

		it(`completes a data id typed inside id="" (${form})`, () => {
			const { text, items } = complete(inData('SolicitedRemoteAssistance', `${open}${esc('<enabled/><data id="RA_Solicit_Control_List" value="1"/><data id="RA_S')}|${esc('" value="1"/>')}${close}`));
			assert.deepEqual(labels(items).sort(), ['RA_Solicit_ExpireUnits_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_Mailto_List']);
			const proposal = item(items, 'RA_Solicit_Mailto_List');
			assert.equal(coveredText(text, editOf(proposal)), 'RA_S');
			const after = applySyncmlCompletion(text, proposal);
			assert.ok(after.includes(esc('<data id="RA_Solicit_Mailto_List" value="1"/>')), after);
		});

		it(`proposes the ADMX numbers of an enum in value="" (${form})`, () => {
			const { items } = complete(inData('SolicitedRemoteAssistance', `${open}${esc('<enabled/><data id="RA_Solicit_ExpireUnits_List" value="')}|${esc('"/>')}${close}`));
			assert.deepEqual(labels(items).sort(), ['0', '1', '2']);
			const bandwidth = complete(inData('RA_Optimize_Bandwidth', `${open}${esc('<enabled/><data id="RA_Optimize_Bandwidth_List" value="')}|${esc('"/>')}${close}`));
			assert.deepEqual(labels(bandwidth.items).sort(), ['0', '12', '14', '8']);
			assert.ok(!labels(bandwidth.items).includes('no-background'), 'no YAML alias');
		});

		it(`replaces a partly typed enum value (${form})`, () => {
			const { text, items } = complete(inData('RA_Optimize_Bandwidth', `${open}${esc('<enabled/><data id="RA_Optimize_Bandwidth_List" value="1')}|${esc('"/>')}${close}`));
			const proposal = item(items, '12');
			assert.equal(coveredText(text, editOf(proposal)), '1');
			assert.deepEqual(syncmlCodes(applySyncmlCompletion(text, proposal)), []);
		});

		it(`proposes a helper pair for the helper list, encoded for the context (${form})`, () => {
			const { text, items } = complete(inData('UnsolicitedRemoteAssistance', `${open}${esc('<enabled/><data id="RA_Unsolicit_Control_List" value="1"/><data id="RA_Unsolicit_DACL_Edit" value="')}|${esc('"/>')}${close}`));
			assert.equal(items.length, 1, JSON.stringify(labels(items)));
			const after = applySyncmlCompletion(text, items[0]);
			assert.deepEqual(syncmlCodes(after), [], after);
			assert.ok(after.includes(form === 'escaped' ? '&amp;#xF000;' : '&#xF000;'), after);
		});
	}

	it('completes a tag typed after &lt; in escaped Data without doubling the escape', () => {
		const { text, items } = complete(inData('RA_Optimize_Bandwidth', '&lt;enabled/&gt;&lt;|'));
		const proposal = items.find((i) => i.label.includes('RA_Optimize_Bandwidth_List'));
		assert.ok(proposal, JSON.stringify(labels(items)));
		const after = applySyncmlCompletion(text, proposal);
		assert.ok(after.includes('<Data>&lt;enabled/&gt;&lt;data id="RA_Optimize_Bandwidth_List"'), after);
		assert.deepEqual(syncmlCodes(after), [], after);
	});

	it('proposes no payload for a URI of another CSP', () => {
		const { items } = complete(syncmlMessage(syncmlCommand('./Device/Vendor/MSFT/Policy/Config/Browser/AllowCookies', '|')));
		assert.ok(!items.some((i) => i.label.includes('enabled')), JSON.stringify(labels(items)));
	});
});
