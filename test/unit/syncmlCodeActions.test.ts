import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCodeActions } from '../../server/src/service';
import { applyTextEdits, configUri, diagnoseSyncml, parseSyncml, rawSyncmlDiagnostics, SYNCML_URI, syncmlCodes, syncmlCommand, syncmlCommands, syncmlMessage, textLines } from '../helpers/service';

const escape = (xml: string) => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (xml: string) => `<![CDATA[${xml.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const message = (policy: string, data: string, options: Parameters<typeof syncmlCommand>[2] = {}) => syncmlMessage(syncmlCommand(configUri(policy), data, options));
const data = (id: string, value: string) => `<data id="${id}" value="${value}"/>`;

function isSuppression(action: CodeAction): boolean {
	return (action.edit?.changes?.[SYNCML_URI] ?? []).some((e) => e.newText.includes('rapolicy-disable-next-line'));
}

/** The quick fixes (not the suppression comment) offered for the first diagnostic of `code`. */
function fixesFor(text: string, code: string): { diagnostic: Diagnostic; actions: CodeAction[] } {
	const diagnostics = rawSyncmlDiagnostics(text);
	const diagnostic = diagnostics.find((d) => d.code === code);
	assert.ok(diagnostic, `no ${code} in ${JSON.stringify(syncmlCodes(text))}\n${text}`);
	const actions = getCodeActions(parseSyncml(text), [diagnostic], DEFAULT_SETTINGS).filter((a) => !isSuppression(a));
	return { diagnostic, actions };
}

function apply(text: string, action: CodeAction): string {
	const edits = action.edit?.changes?.[SYNCML_URI];
	assert.ok(edits && edits.length > 0, `${action.title} has edits for the document`);
	return applyTextEdits(text, edits);
}

function errorCounts(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const d of diagnoseSyncml(text)) {
		if (d.severity === DiagnosticSeverity.Error) {
			counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
		}
	}
	return counts;
}

/**
 * Applies the fix for the first `code` diagnostic (the one whose title matches, or the preferred
 * one) and checks the spec's promise: that problem is gone and no error is new.
 */
function fix(text: string, code: string, title?: RegExp, allowNew: readonly string[] = []): { after: string; action: CodeAction } {
	const { actions } = fixesFor(text, code);
	assert.ok(actions.length > 0, `a quick fix is offered for ${code}`);
	const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred) ?? actions[0];
	assert.ok(action, `a fix titled ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
	assert.equal(action.kind, 'quickfix');
	assert.deepEqual(action.diagnostics?.map((d) => d.code), [code]);
	const after = apply(text, action);
	const before = syncmlCodes(text).filter((c) => c === code).length;
	const afterCodes = syncmlCodes(after);
	assert.ok(afterCodes.filter((c) => c === code).length < before, `${code} is gone after "${action.title}":\n${after}\n${JSON.stringify(afterCodes)}`);
	const errorsBefore = errorCounts(text);
	for (const [c, n] of errorCounts(after)) {
		assert.ok(n <= (errorsBefore.get(c) ?? 0) || allowNew.includes(c), `no new ${c} error after "${action.title}":\n${after}\n${JSON.stringify(afterCodes)}`);
	}
	return { after, action };
}

/** The message of the first `code` diagnostic, as plain text. */
function messageOf(text: string, code: string): string {
	return diagnoseSyncml(text).find((d) => d.code === code)?.message ?? '';
}

/** The payload refactors offered with the cursor at `offset`. */
function conversions(text: string, offset: number): CodeAction[] {
	const position = textLines(text).positionAt(offset);
	return getCodeActions(parseSyncml(text), [], DEFAULT_SETTINGS, { start: position, end: position }).filter((a) => a.kind?.startsWith('refactor'));
}

function decodedPayload(text: string): string | undefined {
	return syncmlCommands(parseSyncml(text))[0]?.items[0]?.data?.decoded.value;
}

/** Diagnostics without their ranges, for comparing two spellings of one payload. */
function rangeless(text: string): string[] {
	return diagnoseSyncml(text).map((d) => JSON.stringify([d.code, d.severity, d.message])).sort();
}

function convert(text: string, title: RegExp): string {
	const inside = text.indexOf('<Data>') + '<Data>'.length + 2;
	const found = conversions(text, inside);
	assert.equal(found.length, 1, JSON.stringify(found.map((a) => a.title)));
	assert.match(found[0].title, title);
	assert.equal(found[0].kind, 'refactor.rewrite');
	return apply(text, found[0]);
}

describe('SyncML quick fixes: raw payload', () => {
	const raw = `<enabled/>${data('RA_Optimize_Bandwidth_List', '8')}`;
	const text = message('RA_Optimize_Bandwidth', raw);

	it('escapes a raw payload (preferred)', () => {
		const { after, action } = fix(text, 'raw-payload', /escape/i);
		assert.equal(action.isPreferred, true);
		assert.ok(after.includes(`<Data>${escape(raw)}</Data>`), after);
		assert.deepEqual(syncmlCodes(after), []);
	});

	it('wraps a raw payload in CDATA', () => {
		const { after } = fix(text, 'raw-payload', /CDATA/);
		assert.ok(after.includes(`<Data><![CDATA[${raw}]]></Data>`), after);
		assert.deepEqual(syncmlCodes(after), []);
	});

	it('splits the CDATA where the raw payload holds ]]>', () => {
		const payload = `<enabled/>${data('RA_Options_Share_Control_Message', 'a]]>b')}${data('RA_Options_Connect_Message', 'c')}`;
		const before = message('CustomizeWarningMessages', payload);
		const { after } = fix(before, 'raw-payload', /CDATA/);
		assert.deepEqual(syncmlCodes(after), []);
		assert.equal(decodedPayload(after), payload);
		const escaped = fix(before, 'raw-payload', /escape/i).after;
		assert.deepEqual(syncmlCodes(escaped), []);
		assert.equal(decodedPayload(escaped), payload);
	});

	it('unescapes a payload escaped twice', () => {
		const before = message('RA_Optimize_Bandwidth', escape(escape(raw)));
		const diagnostics = diagnoseSyncml(before);
		assert.ok(diagnostics.length > 0);
		const { after } = fix(before, String(diagnostics[0].code));
		assert.deepEqual(syncmlCodes(after), [], after);
		assert.equal(decodedPayload(after), raw);
	});
});

describe('SyncML quick fixes: URIs', () => {
	it('fixes the letter case of the URI prefix', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/', './device/vendor/MSFT/policy/config/remoteassistance/');
		const { after, action } = fix(text, 'uri-case');
		assert.equal(action.isPreferred, true);
		assert.equal(after, message('SessionLogging', '&lt;enabled/&gt;'));
	});

	it('fixes the letter case of the ./Device root alone', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('./Device/', './DEVICE/');
		const { after, action } = fix(text, 'uri-root-case');
		assert.equal(action.isPreferred, true);
		assert.equal(after, message('SessionLogging', '&lt;enabled/&gt;'));
	});

	it('fixes the letter case of the policy segment', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('/SessionLogging<', '/sessionLogging<');
		const { after } = fix(text, 'unknown-policy');
		assert.equal(after, message('SessionLogging', '&lt;enabled/&gt;'));
	});

	it('fixes a URI wrong in both prefix and policy case with one fix, and reports it once', () => {
		const text = message('RA_Optimize_Bandwidth', '&lt;disabled/&gt;').replace('./Device/Vendor/MSFT/Policy/Config/ADMX_RemoteAssistance/RA_Optimize_Bandwidth', './device/vendor/msft/policy/config/admx_remoteassistance/ra_optimize_bandwidth');
		assert.deepEqual(syncmlCodes(text), ['uri-case']);
		const { after } = fix(text, 'uri-case');
		assert.match(messageOf(text, 'uri-case'), /write \.\/Device\/Vendor\/MSFT\/Policy\/Config\/ADMX_RemoteAssistance\/RA_Optimize_Bandwidth\./);
		assert.equal(after, message('RA_Optimize_Bandwidth', '&lt;disabled/&gt;'));
	});

	it('renames a misspelt policy (did you mean)', () => {
		const text = message('RA_EncryptedTicketOnly', '&lt;enabled/&gt;').replace('/RA_EncryptedTicketOnly<', '/RA_EncryptedTicketsOnly<');
		assert.equal(fix(text, 'unknown-policy').after, message('RA_EncryptedTicketOnly', '&lt;enabled/&gt;'));
	});

	it('changes a ./User/ URI in any letter case to the catalog\'s spelling of the ./Device/ URI, with one fix', () => {
		const canonical = configUri('SessionLogging');
		for (const wrong of ['./user/vendor/msft/policy/config/remoteassistance/sessionlogging', './User/Vendor/MSFT/Policy/Config/RemoteAssistance/sessionLogging', './user/Vendor/MSFT/policy/config/remoteassistance/SessionLogging']) {
			const text = message('SessionLogging', '&lt;enabled/&gt;').replace(canonical, wrong);
			assert.deepEqual(syncmlCodes(text), ['uri-scope'], wrong);
			assert.ok(messageOf(text, 'uri-scope').includes(`Write ${canonical}.`), messageOf(text, 'uri-scope'));
			const { after, action } = fix(text, 'uri-scope');
			assert.equal(action.isPreferred, true);
			assert.equal(after, message('SessionLogging', '&lt;enabled/&gt;'), wrong);
		}
	});

	it('corrects every URI with its offered fixes applied together, none overlapping', () => {
		const canonical = configUri('SessionLogging');
		for (const wrong of [
			'./user/vendor/msft/policy/config/remoteassistance/sessionlogging',
			'./user/vendor/msft/policy/config/remoteassistance/SessionLoging',
			'./device/Vendor/MSFT/Policy/Config/RemoteAssistance/sessionlogging',
			'./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/session&#x4C;ogging',
			'./user/Vendor/MSFT/Policy/Config/RemoteAssistance/session&#x4C;ogging',
			'./user/Vendor/MSFT/Policy/Config/RemoteAssistance/Session&#x4C;oging',
		]) {
			const text = message('SessionLogging', '&lt;enabled/&gt;').replace(canonical, wrong);
			const diagnostics = rawSyncmlDiagnostics(text);
			const edits = getCodeActions(parseSyncml(text), diagnostics, DEFAULT_SETTINGS)
				.filter((a) => !isSuppression(a) && a.isPreferred)
				.flatMap((a) => a.edit?.changes?.[SYNCML_URI] ?? []);
			const lines = textLines(text);
			const spans = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0]);
			for (let i = 1; i < spans.length; i++) {
				assert.ok(spans[i][0] >= spans[i - 1][1], `fixes overlap for ${wrong}: ${JSON.stringify(edits)}`);
			}
			assert.equal(applyTextEdits(text, edits), message('SessionLogging', '&lt;enabled/&gt;'), wrong);
		}
	});

	it('changes ./User/ to ./Device/', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('./Device/', './User/');
		const { after, action } = fix(text, 'uri-scope');
		assert.match(action.title, /Device/);
		assert.equal(after, message('SessionLogging', '&lt;enabled/&gt;'));
	});
});

for (const [form, encode] of [['escaped', escape], ['CDATA', cdata]] as const) {
	describe(`SyncML quick fixes: the payload (${form})`, () => {
		it('adds the missing data items in the payload\'s own encoding', () => {
			const text = message('SolicitedRemoteAssistance', encode(`<enabled/>${data('RA_Solicit_Control_List', '0')}`));
			const { after, action } = fix(text, 'missing-option');
			assert.equal(action.isPreferred, true);
			assert.deepEqual(syncmlCodes(after), [], after);
			const payload = decodedPayload(after) ?? '';
			for (const id of ['RA_Solicit_ExpireValue_Edt', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_Mailto_List']) {
				assert.ok(payload.includes(`<data id="${id}"`), payload);
			}
			const dataContent = /<Data>([\s\S]*)<\/Data>/.exec(after)?.[1] ?? '';
			if (form === 'escaped') {
				assert.ok(!dataContent.includes('<'), `still escaped: ${dataContent}`);
			} else {
				assert.ok(/^<!\[CDATA\[[^]*\]\]>$/.test(dataContent) && !dataContent.includes('&lt;'), `still CDATA: ${dataContent}`);
			}
		});

		for (const policy of ['RA_Optimize_Bandwidth', 'CustomizeWarningMessages', 'UnsolicitedRemoteAssistance']) {
			// A helper list has no safe default: the fix leaves it empty, and empty-helper-list asks for the helpers.
			const needsHelpers = policy === 'UnsolicitedRemoteAssistance';
			it(`adds every option of ${policy} to a bare <enabled/>${needsHelpers ? ', leaving the helper list for the user to fill' : ' without new errors'}`, () => {
				const { after } = fix(message(policy, encode('<enabled/>')), 'missing-option', undefined, needsHelpers ? ['empty-helper-list'] : []);
				assert.equal(syncmlCodes(after).includes('empty-helper-list'), needsHelpers);
				assert.ok(!syncmlCodes(after).includes('missing-option'));
				assert.ok(!syncmlCodes(after).includes('raw-payload'));
			});
		}

		it('adds the helper list to an Offer Remote Assistance payload, empty for the user to fill', () => {
			const text = message('UnsolicitedRemoteAssistance', encode(`<enabled/>${data('RA_Unsolicit_Control_List', '1')}`));
			const { after } = fix(text, 'missing-option', undefined, ['empty-helper-list']);
			assert.deepEqual(syncmlCodes(after), ['empty-helper-list']);
		});

		it('lower-cases payload tags', () => {
			const text = message('RA_Optimize_Bandwidth', encode('<Enabled/><data id="RA_Optimize_Bandwidth_List" value="8"/>'));
			const { after } = fix(text, 'payload-case');
			assert.deepEqual(syncmlCodes(after), []);
			assert.equal(decodedPayload(after), '<enabled/><data id="RA_Optimize_Bandwidth_List" value="8"/>');
		});

		it('lower-cases an element with an end tag in both tags', () => {
			const text = message('SessionLogging', encode('<ENABLED></ENABLED>'));
			const { after } = fix(text, 'payload-case');
			assert.equal(decodedPayload(after), '<enabled></enabled>');
		});

		it('removes data items after <disabled/>', () => {
			const text = message('RA_Optimize_Bandwidth', encode(`<disabled/>${data('RA_Optimize_Bandwidth_List', '8')}`));
			const { after } = fix(text, 'data-after-disabled');
			assert.deepEqual(syncmlCodes(after), [], after);
			assert.equal(decodedPayload(after), '<disabled/>');
		});

		it('removes a duplicate data item', () => {
			const text = message('RA_Optimize_Bandwidth', encode(`<enabled/>${data('RA_Optimize_Bandwidth_List', '8')}${data('RA_Optimize_Bandwidth_List', '0')}`));
			const { after } = fix(text, 'duplicate-key');
			assert.deepEqual(syncmlCodes(after), [], after);
			assert.equal(decodedPayload(after), `<enabled/>${data('RA_Optimize_Bandwidth_List', '8')}`);
		});

		it('renames a misspelt data id', () => {
			const text = message('RA_Optimize_Bandwidth', encode(`<enabled/>${data('RA_Optimize_Bandwith_List', '8')}`));
			const { after } = fix(text, 'unknown-option');
			assert.deepEqual(syncmlCodes(after), []);
		});

		it('keeps the duration of an expiry out of range in a larger unit, or clamps it when asked', () => {
			const text = message('SolicitedRemoteAssistance', encode(`<enabled/>${data('RA_Solicit_Control_List', '0')}${data('RA_Solicit_ExpireValue_Edt', '120')}${data('RA_Solicit_ExpireUnits_List', '1')}${data('RA_Solicit_Mailto_List', '1')}`));
			const { after, action } = fix(text, 'decimal-range');
			assert.match(action.title, /5 days/);
			assert.deepEqual(syncmlCodes(after), []);
			const payload = decodedPayload(after) ?? '';
			assert.ok(payload.includes('id="RA_Solicit_ExpireValue_Edt" value="5"') && payload.includes('id="RA_Solicit_ExpireUnits_List" value="2"'), payload);
			const { after: nearest } = fix(text, 'decimal-range', /nearest allowed value/);
			assert.ok((decodedPayload(nearest) ?? '').includes('value="99"'));
		});
	});
}

describe('SyncML quick fixes: message structure', () => {
	// The Delete is of another policy, so that it does not undo the Replace.
	const logging = (cmdId: string, command = 'Replace') => syncmlCommand(configUri(command === 'Delete' ? 'SolicitedRemoteAssistance' : 'SessionLogging'), command === 'Replace' ? '&lt;enabled/&gt;' : undefined, { cmdId, command, meta: command === 'Replace' ? undefined : null });

	function cmdIds(text: string): string[] {
		return [...text.matchAll(/<CmdID>([^<]*)<\/CmdID>/g)].map((m) => m[1]);
	}

	it('renumbers duplicate CmdIDs', () => {
		const text = syncmlMessage(logging('2') + logging('2', 'Delete') + logging('5', 'Get'));
		const { after, action } = fix(text, 'duplicate-cmdid');
		assert.match(action.title, /[Rr]enumber/);
		assert.deepEqual(cmdIds(after), ['1', '2', '3']);
		assert.deepEqual(syncmlCodes(after), []);
	});

	it('renumbers with a missing CmdID, inserting one', () => {
		const text = syncmlMessage(logging('1') + logging('1', 'Delete').replace(/\s*<CmdID>1<\/CmdID>/, ''));
		const { after } = fix(text, 'missing-cmdid');
		assert.deepEqual(syncmlCodes(after), [], after);
		assert.equal(cmdIds(after).length, 2);
		assert.equal(new Set(cmdIds(after)).size, 2);
	});

	it('renumbers a CmdID 0 and the commands inside an Atomic', () => {
		const text = syncmlMessage(`    <Atomic>\n      <CmdID>0</CmdID>\n${logging('1').replace(/^/gm, '  ')}${logging('1', 'Delete').replace(/^/gm, '  ')}    </Atomic>\n`);
		const { after } = fix(text, 'invalid-cmdid');
		assert.deepEqual(syncmlCodes(after), [], after);
		assert.deepEqual(cmdIds(after), ['1', '2', '3']);
	});

	it('adds Meta with Format chr to an Item without Meta', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;', { meta: null });
		const { after, action } = fix(text, 'missing-format');
		assert.match(action.title, /Meta|Format/);
		assert.match(after, /<Meta>[\s\S]*<Format( xmlns="syncml:metinf")?>chr<\/Format>[\s\S]*<\/Meta>/);
		assert.deepEqual(syncmlCodes(after), []);
	});

	it('adds Format chr to a Meta without it', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;', { meta: '<Meta><Type>text/plain</Type></Meta>' });
		const { after } = fix(text, 'missing-format');
		assert.deepEqual(syncmlCodes(after), []);
	});

	it('adds Format chr to the command\'s Meta', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;', { meta: null }).replace('      <Item>', '      <Meta><Type>text/plain</Type></Meta>\n      <Item>');
		const { after } = fix(text, 'missing-format');
		assert.deepEqual(syncmlCodes(after), [], after);
	});

	it('changes Format to chr and Type to text/plain', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;', { meta: '<Meta><Format>int</Format><Type>text/xml</Type></Meta>' });
		const once = fix(text, 'invalid-format').after;
		assert.ok(once.includes('<Format>chr</Format>'));
		const twice = fix(once, 'invalid-type').after;
		assert.ok(twice.includes('<Type>text/plain</Type>'));
		assert.deepEqual(syncmlCodes(twice), []);
	});

	for (const command of ['Delete', 'Get']) {
		it(`removes Data from a ${command}`, () => {
			const text = message('SessionLogging', '&lt;enabled/&gt;', { command, meta: null });
			const { after } = fix(text, 'command-data');
			assert.ok(!after.includes('<Data>'));
			assert.deepEqual(syncmlCodes(after), []);
			assert.ok(!/\n\s*\n/.test(after), `no blank line is left:\n${after}`);
		});
	}

	it('adds the SyncML namespace', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace(' xmlns="SYNCML:SYNCML1.2"', '');
		assert.deepEqual(syncmlCodes(fix(text, 'syncml-version').after), []);
	});

	it('fixes VerDTD and VerProto', () => {
		const header = '  <SyncHdr>\n    <VerDTD>1.1</VerDTD>\n    <VerProto>DM/1.1</VerProto>\n    <SessionID>1</SessionID>\n    <MsgID>1</MsgID>\n    <Target><LocURI>urn:uuid:1</LocURI></Target>\n    <Source><LocURI>https://mdm</LocURI></Source>\n  </SyncHdr>\n';
		const text = syncmlMessage(logging('1'), { header });
		const once = fix(text, 'syncml-version').after;
		const twice = fix(once, 'syncml-version').after;
		assert.deepEqual(syncmlCodes(twice), []);
	});

	it('fixes the case of the root element in both tags', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('<SyncML ', '<syncml ').replace('</SyncML>', '</syncml>');
		const { after } = fix(text, 'syncml-structure');
		assert.equal(after, message('SessionLogging', '&lt;enabled/&gt;'));
	});
});

describe('SyncML quick fixes: suppression comments', () => {
	for (const [code, text] of [
		['missing-format', message('SessionLogging', '&lt;enabled/&gt;', { meta: null })],
		['enum-value', message('RA_Optimize_Bandwidth', escape(`<enabled/>${data('RA_Optimize_Bandwidth_List', '5')}`))],
		['duplicate-cmdid', syncmlMessage(syncmlCommand(configUri('SessionLogging'), '&lt;enabled/&gt;') + syncmlCommand(configUri('SessionLogging'), undefined, { command: 'Delete', meta: null }))],
	] as const) {
		it(`offers an XML comment that silences ${code} on its line`, () => {
			const diagnostic = rawSyncmlDiagnostics(text).find((d) => d.code === code);
			assert.ok(diagnostic);
			const action = getCodeActions(parseSyncml(text), [diagnostic], DEFAULT_SETTINGS).find(isSuppression);
			assert.ok(action, 'a suppression action');
			assert.match(action.title, new RegExp(code));
			const edit = action.edit?.changes?.[SYNCML_URI]?.[0];
			assert.ok(edit);
			assert.match(edit.newText, new RegExp(`^\\s*<!-- rapolicy-disable-next-line ${code} -->\\r?\\n$`));
			const after = apply(text, action);
			assert.ok(!syncmlCodes(after).includes(code), after);
			assert.equal(syncmlCodes(after).length, syncmlCodes(text).length - 1);
		});
	}
});

describe('SyncML refactors: converting the payload between escaped text and CDATA', () => {
	const PAYLOADS: [string, string][] = [
		['UnsolicitedRemoteAssistance', `<enabled/>${data('RA_Unsolicit_Control_List', '1')}${data('RA_Unsolicit_DACL_Edit', 'CONTOSO\\Helpdesk&#xF000;CONTOSO\\Helpdesk&#xF000;CONTOSO\\Tier2&#xF000;CONTOSO\\Tier2')}`],
		['SolicitedRemoteAssistance', `<enabled/>${data('RA_Solicit_Control_List', '0')}${data('RA_Solicit_ExpireValue_Edt', '6')}${data('RA_Solicit_ExpireUnits_List', '1')}${data('RA_Solicit_Mailto_List', '1')}`],
		['CustomizeWarningMessages', `<enabled/>${data('RA_Options_Share_Control_Message', 'Tom &amp; Jerry &lt;IT&gt; &quot;here&quot; a]]>b')}${data('RA_Options_Connect_Message', 'Connecting')}`],
		['SessionLogging', '<enabled/>'],
		['RA_EncryptedTicketOnly', '<disabled/>'],
		['RA_Optimize_Bandwidth', `<enabled/>${data('RA_Optimize_Bandwidth_List', '8')}`],
		// With problems: the same diagnostics must survive the conversion.
		['RA_Optimize_Bandwidth', `<Enabled/>${data('RA_Optimize_Bandwidth_List', '5')}${data('RA_Optimize_Bandwidth_List', 'x')}`],
		['SolicitedRemoteAssistance', `<enabled/>${data('RA_Solicit_Control_List', 'view-only')}${data('RA_Solicit_ExpireValue_Edt', '120')}`],
		['UnsolicitedRemoteAssistance', `<enabled/>${data('RA_Unsolicit_Control_List', '1')}${data('RA_Unsolicit_DACL_Edit', 'CORP\\A&#xF000;CORP\\A&#xF000;corp\\a&#xF000;corp\\a&#xF000;CORP\\B&#xF000;CORP\\C&#xF000;nodomain')}`],
		['SessionLogging', `<disabled/>${data('RA_Logging', '1')}<bogus/>`],
		['CustomizeWarningMessages', `<enabled/>${data('RA_Options_Share_Control_Message', 'x'.repeat(1030))}`],
	];

	PAYLOADS.forEach(([policy, payload], index) => {
		it(`converts payload #${index} (${policy}) to CDATA and back with the same diagnostics and decoded payload`, () => {
			const escaped = message(policy, escape(payload));
			assert.equal(decodedPayload(escaped), payload);
			const toCdata = convert(escaped, /Convert the payload to CDATA/);
			assert.ok(toCdata.includes('<Data><![CDATA['), toCdata);
			assert.equal(decodedPayload(toCdata), payload);
			assert.deepEqual(rangeless(toCdata), rangeless(escaped));
			const back = convert(toCdata, /Convert the payload to escaped text/);
			assert.ok(!back.includes('<![CDATA['));
			assert.equal(decodedPayload(back), payload);
			assert.deepEqual(rangeless(back), rangeless(escaped));
		});

		it(`converts payload #${index} (${policy}) from CDATA to escaped text with the same diagnostics`, () => {
			const inCdata = message(policy, cdata(payload));
			const escaped = convert(inCdata, /Convert the payload to escaped text/);
			assert.equal(decodedPayload(escaped), payload);
			assert.deepEqual(rangeless(escaped), rangeless(inCdata));
		});
	});

	it('offers the conversion at the edges of the Data content too', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;');
		const open = text.indexOf('<Data>') + '<Data>'.length;
		assert.equal(conversions(text, open).length, 1);
		assert.equal(conversions(text, text.indexOf('</Data>')).length, 1);
	});

	it('offers no conversion outside Data', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;');
		assert.deepEqual(conversions(text, text.indexOf('<LocURI>') + 3), []);
		assert.deepEqual(conversions(text, 0), []);
	});

	it('offers the conversion in the example, and the converted example stays clean', () => {
		const text = message('UnsolicitedRemoteAssistance', escape(PAYLOADS[0][1]));
		const after = convert(text, /CDATA/);
		assert.deepEqual(diagnoseSyncml(after), []);
		assert.ok(after.includes('value="CONTOSO\\Helpdesk&#xF000;CONTOSO\\Helpdesk'), after);
	});
});
