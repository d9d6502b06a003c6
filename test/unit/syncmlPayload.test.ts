import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { configUri, coveredText, diagnoseSyncml, onlySyncml as only, parseSyncml, syncmlCodes, syncmlCommand, syncmlMessage, textLines, type TextDiagnostic } from '../helpers/service';

type Form = 'escaped' | 'cdata';
const FORMS: readonly Form[] = ['escaped', 'cdata'];


/** Plain payload XML written the way it goes into <Data>: XML-escaped text, or CDATA (split on ]]>). */
function encode(form: Form, xml: string): string {
	return form === 'escaped'
		? xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
		: `<![CDATA[${xml.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** How a piece of the plain payload reads in the source (inside the CDATA markers for CDATA). */
function source(form: Form, piece: string): string {
	return form === 'escaped' ? encode('escaped', piece) : piece;
}

/** A message that writes `data` (already encoded) to `policy` with Replace and Meta chr. */
function message(policy: string, data: string): string {
	return syncmlMessage(syncmlCommand(configUri(policy), data));
}

function payload(policy: string, form: Form, xml: string): string {
	return message(policy, encode(form, xml));
}


/** The diagnostic lies inside the <Data> element's content. */
function insideData(text: string, d: TextDiagnostic): void {
	const lines = textLines(text);
	const start = lines.offsetAt(d.range.start);
	const end = lines.offsetAt(d.range.end);
	const open = text.indexOf('<Data>') + '<Data>'.length;
	const close = text.indexOf('</Data>');
	assert.ok(start >= open && end <= close, `range ${start}-${end} inside Data ${open}-${close}`);
}

const data = (id: string, value: string) => `<data id="${id}" value="${value}"/>`;
const SOLICITED_REST = data('RA_Solicit_ExpireUnits_List', '1') + data('RA_Solicit_Mailto_List', '1');
const solicited = (control: string, expiry: string) => `<enabled/>${data('RA_Solicit_Control_List', control)}${data('RA_Solicit_ExpireValue_Edt', expiry)}${SOLICITED_REST}`;
const unsolicited = (helpers: string) => `<enabled/>${data('RA_Unsolicit_Control_List', '1')}${data('RA_Unsolicit_DACL_Edit', helpers)}`;
const messages = (share: string, connect = 'Connecting') => `<enabled/>${data('RA_Options_Share_Control_Message', share)}${data('RA_Options_Connect_Message', connect)}`;
const bandwidth = (value: string) => `<enabled/>${data('RA_Optimize_Bandwidth_List', value)}`;

const VALID: Record<string, string> = {
	UnsolicitedRemoteAssistance: unsolicited('CONTOSO\\Helpdesk&#xF000;CONTOSO\\Helpdesk&#xF000;CONTOSO\\Tier2&#xF000;CONTOSO\\Tier2'),
	SolicitedRemoteAssistance: solicited('0', '6'),
	CustomizeWarningMessages: messages('IT will now control your PC', 'IT support is connecting'),
	SessionLogging: '<enabled/>',
	RA_EncryptedTicketOnly: '<enabled/>',
	RA_Optimize_Bandwidth: bandwidth('8'),
};

for (const form of FORMS) {
	describe(`SyncML payload (${form}): valid payloads`, () => {
		for (const [policy, xml] of Object.entries(VALID)) {
			it(`accepts ${policy} enabled with every option, and disabled`, () => {
				assert.deepEqual(diagnoseSyncml(payload(policy, form, xml)), []);
				assert.deepEqual(diagnoseSyncml(payload(policy, form, '<disabled/>')), []);
			});
		}

		it('accepts every enum value written as its ADMX number', () => {
			for (const v of ['14', '12', '8', '0']) {
				assert.deepEqual(syncmlCodes(payload('RA_Optimize_Bandwidth', form, bandwidth(v))), [], v);
			}
			for (const [control, units, mail] of [['1', '0', '0'], ['0', '2', '1']]) {
				const xml = `<enabled/>${data('RA_Solicit_Control_List', control)}${data('RA_Solicit_ExpireValue_Edt', '99')}${data('RA_Solicit_ExpireUnits_List', units)}${data('RA_Solicit_Mailto_List', mail)}`;
				assert.deepEqual(syncmlCodes(payload('SolicitedRemoteAssistance', form, xml)), []);
			}
		});

		it('accepts the expiry at both ends of 1..99', () => {
			assert.deepEqual(syncmlCodes(payload('SolicitedRemoteAssistance', form, solicited('1', '1'))), []);
			assert.deepEqual(syncmlCodes(payload('SolicitedRemoteAssistance', form, solicited('1', '99'))), []);
		});

		it('accepts white space between payload elements and inside empty tags', () => {
			const xml = `\n  <enabled />\n  <data id="RA_Optimize_Bandwidth_List"  value="0" />\n`;
			assert.deepEqual(syncmlCodes(payload('RA_Optimize_Bandwidth', form, xml)), []);
		});

		it('accepts a text option holding markup characters, escaped once more inside the payload', () => {
			const xml = messages('Tom &amp; Jerry &lt;IT&gt; say &quot;hi&quot;');
			assert.deepEqual(syncmlCodes(payload('CustomizeWarningMessages', form, xml)), []);
			const value = parseSyncml(payload('CustomizeWarningMessages', form, xml)).profiles[0].policies[0].options[0].value;
			assert.ok(value.kind === 'scalar');
			assert.equal(value.value, 'Tom & Jerry <IT> say "hi"');
		});

		it('accepts empty warning messages', () => {
			assert.deepEqual(syncmlCodes(payload('CustomizeWarningMessages', form, messages('', ''))), []);
		});
	});

	describe(`SyncML payload (${form}): syntax`, () => {
		it('reports an unknown payload element on its name (payload-syntax)', () => {
			const text = payload('SessionLogging', form, '<enable/>');
			const found = diagnoseSyncml(text);
			assert.ok(found.length > 0 && found.every((d) => d.code === 'payload-syntax'), JSON.stringify(syncmlCodes(text)));
			const d = found.find((x) => coveredText(text, x) === 'enable');
			assert.ok(d, `one on the name: ${JSON.stringify(found.map((x) => coveredText(text, x)))}`);
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.match(d.message, /enabled/);
			found.forEach((x) => insideData(text, x));
		});

		it('reports text in the payload, on the text', () => {
			const text = payload('SessionLogging', form, 'hello');
			const found = diagnoseSyncml(text);
			assert.ok(found.length > 0 && found.every((d) => d.code === 'payload-syntax'), JSON.stringify(syncmlCodes(text)));
			assert.deepEqual([...new Set(found.map((d) => coveredText(text, d)))], ['hello']);
		});

		it('reports a data item before <enabled/>', () => {
			const text = payload('RA_Optimize_Bandwidth', form, `${data('RA_Optimize_Bandwidth_List', '8')}<enabled/>`);
			const found = diagnoseSyncml(text).filter((d) => d.code === 'payload-syntax');
			assert.ok(found.length > 0);
			found.forEach((d) => insideData(text, d));
		});

		it('reports a second state element', () => {
			const text = payload('SessionLogging', form, '<enabled/><disabled/>');
			assert.equal(coveredText(text, only(text, 'payload-syntax')), source(form, '<disabled/>'));
		});

		it('reports a data item without value, on the item', () => {
			const text = payload('RA_Optimize_Bandwidth', form, '<enabled/><data id="RA_Optimize_Bandwidth_List"/>');
			const d = diagnoseSyncml(text).find((x) => x.code === 'payload-syntax');
			assert.ok(d);
			assert.equal(coveredText(text, d), source(form, '<data id="RA_Optimize_Bandwidth_List"/>'));
			assert.match(d.message, /value/);
		});

		it('reports an attribute other than id and value, on the attribute', () => {
			const text = payload('RA_Optimize_Bandwidth', form, `<enabled/><data id="RA_Optimize_Bandwidth_List" value="8" name="x"/>`);
			assert.equal(coveredText(text, only(text, 'payload-syntax')), source(form, 'name="x"'));
		});

		it('reports a payload that is not well-formed', () => {
			const text = payload('SessionLogging', form, '<enabled');
			const found = diagnoseSyncml(text).filter((d) => d.code === 'payload-syntax');
			assert.ok(found.length > 0, JSON.stringify(syncmlCodes(text)));
			found.forEach((d) => insideData(text, d));
		});

		it('notes payload tags not in lower case (payload-case, information), on the tag name', () => {
			const text = payload('RA_Optimize_Bandwidth', form, '<Enabled/><Data id="RA_Optimize_Bandwidth_List" value="8"/>');
			const found = diagnoseSyncml(text);
			assert.deepEqual(found.map((d) => d.code), ['payload-case', 'payload-case']);
			assert.deepEqual(found.map((d) => coveredText(text, d)), ['Enabled', 'Data']);
			assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Information));
			found.forEach((d) => insideData(text, d));
			assert.match(found[0].message, /enabled/);
		});

		it('reads <DISABLED/> as disabled, with only the case note', () => {
			const text = payload('SolicitedRemoteAssistance', form, '<DISABLED/>');
			assert.deepEqual(syncmlCodes(text), ['payload-case']);
		});

		it('warns about data items after <disabled/> (data-after-disabled), over the items', () => {
			const items = data('RA_Optimize_Bandwidth_List', '8');
			const text = payload('RA_Optimize_Bandwidth', form, `<disabled/>${items}`);
			const d = only(text, 'data-after-disabled');
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.equal(coveredText(text, d), source(form, items));
			assert.deepEqual(syncmlCodes(text), ['data-after-disabled']);
		});
	});

	describe(`SyncML payload (${form}): options`, () => {
		it('reports an unknown data id on the id, with did-you-mean (unknown-option)', () => {
			const text = payload('RA_Optimize_Bandwidth', form, bandwidth('8').replace('RA_Optimize_Bandwidth_List', 'RA_Optimize_Bandwidth_Lst'));
			const d = only(text, 'unknown-option');
			assert.equal(coveredText(text, d), 'RA_Optimize_Bandwidth_Lst');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.match(d.message, /RA_Optimize_Bandwidth_List/);
			assert.deepEqual(syncmlCodes(text), ['unknown-option'], 'the near miss is not also reported as missing');
		});

		it('reports a data item on a policy without options', () => {
			const text = payload('SessionLogging', form, `<enabled/>${data('RA_Logging', '1')}`);
			const d = only(text, 'unknown-option');
			assert.equal(coveredText(text, d), 'RA_Logging');
			assert.match(d.message, /no options/);
		});

		it('reports a data id in the wrong case', () => {
			const text = payload('RA_Optimize_Bandwidth', form, bandwidth('8').replace('RA_Optimize_Bandwidth_List', 'ra_optimize_bandwidth_list'));
			const d = only(text, 'unknown-option');
			assert.match(d.message, /case/);
		});

		it('reports a duplicate data id on the second one (duplicate-key)', () => {
			const text = payload('RA_Optimize_Bandwidth', form, `${bandwidth('8')}${data('RA_Optimize_Bandwidth_List', '0')}`);
			const d = only(text, 'duplicate-key');
			assert.equal(coveredText(text, d), 'RA_Optimize_Bandwidth_List');
			const lines = textLines(text);
			assert.equal(lines.offsetAt(d.range.start), text.lastIndexOf('RA_Optimize_Bandwidth_List'));
			assert.deepEqual(syncmlCodes(text), ['duplicate-key']);
		});

		it('reports missing data ids (missing-option), naming them, on <enabled/>', () => {
			const text = payload('SolicitedRemoteAssistance', form, `<enabled/>${data('RA_Solicit_Control_List', '1')}`);
			const d = only(text, 'missing-option');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			for (const id of ['RA_Solicit_ExpireValue_Edt', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_Mailto_List']) {
				assert.match(d.message, new RegExp(id));
			}
			assert.doesNotMatch(d.message, /RA_Solicit_Control_List/);
			assert.equal(coveredText(text, d), source(form, '<enabled/>'));
		});

		it('reports every option missing from an enabled policy', () => {
			for (const policy of ['UnsolicitedRemoteAssistance', 'CustomizeWarningMessages', 'RA_Optimize_Bandwidth']) {
				assert.deepEqual(syncmlCodes(payload(policy, form, '<enabled/>')), ['missing-option'], policy);
			}
		});

		it('reports an enum value that is not an item (enum-value), listing the ADMX numbers', () => {
			const text = payload('RA_Optimize_Bandwidth', form, bandwidth('5'));
			const d = only(text, 'enum-value');
			assert.equal(coveredText(text, d), '5');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			for (const v of ['14', '12', '8', '0']) {
				assert.match(d.message, new RegExp(`\\b${v}\\b`));
			}
			assert.deepEqual(syncmlCodes(text), ['enum-value']);
		});

		it('refuses the YAML aliases in SyncML (enum-value)', () => {
			for (const [policy, xml, alias] of [
				['UnsolicitedRemoteAssistance', unsolicited('CONTOSO\\A&#xF000;CONTOSO\\A').replace('value="1"', 'value="remote-control"'), 'remote-control'],
				['SolicitedRemoteAssistance', solicited('view-only', '4'), 'view-only'],
				['RA_Optimize_Bandwidth', bandwidth('no-background'), 'no-background'],
			] as const) {
				const text = payload(policy, form, xml);
				const d = only(text, 'enum-value');
				assert.equal(coveredText(text, d), alias);
				assert.deepEqual(syncmlCodes(text), ['enum-value'], policy);
			}
		});

		it('does not suggest an alias for a wrong enum value', () => {
			const text = payload('RA_Optimize_Bandwidth', form, bandwidth('no-backgroud'));
			const d = only(text, 'enum-value');
			assert.doesNotMatch(d.message, /no-background/);
		});

		for (const value of ['120', '0', '100', '-1']) {
			it(`reports an expiry of ${value} on the value (decimal-range)`, () => {
				const text = payload('SolicitedRemoteAssistance', form, solicited('1', value));
				const d = only(text, 'decimal-range');
				assert.equal(coveredText(text, d), value);
				assert.equal(d.severity, DiagnosticSeverity.Error);
				assert.match(d.message, /1 to 99/);
				assert.deepEqual(syncmlCodes(text), ['decimal-range']);
			});
		}

		it('reports an expiry that is not a whole number (1.5) as decimal-range, as YAML does', () => {
			const text = payload('SolicitedRemoteAssistance', form, solicited('1', '1.5'));
			assert.deepEqual(syncmlCodes(text), ['decimal-range']);
			assert.equal(coveredText(text, only(text, 'decimal-range')), '1.5');
		});

		it('reports a warning message over 1023 characters (text-too-long) as an error, on the characters past the limit', () => {
			const long = `${'x'.repeat(1023)}yz`;
			const text = payload('CustomizeWarningMessages', form, messages(long));
			const d = only(text, 'text-too-long');
			assert.equal(coveredText(text, d), 'yz');
			assert.match(d.message, /1025 characters long; .* Cut it after character 1023\./);
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.deepEqual(syncmlCodes(payload('CustomizeWarningMessages', form, messages('x'.repeat(1023)))), []);
		});

		it('reports U+F000 inside a text option at the reference that writes it (invalid-character)', () => {
			const text = payload('CustomizeWarningMessages', form, messages('Hello&#xF000;World'));
			const d = only(text, 'invalid-character');
			assert.equal(coveredText(text, d), source(form, '&#xF000;'));
		});
	});

	describe(`SyncML payload (${form}): the helper list`, () => {
		it('warns about a helper not written as DOMAIN\\name (helper-format), on the name', () => {
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited('CONTOSO&#xF000;CONTOSO'));
			const d = only(text, 'helper-format');
			assert.equal(coveredText(text, d), 'CONTOSO');
			assert.equal(textLines(text).offsetAt(d.range.start), text.indexOf('CONTOSO', text.indexOf('<Data>')));
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.deepEqual(syncmlCodes(text), ['helper-format']);
		});

		it('suggests DOMAIN\\user for a UPN helper', () => {
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited('helpdesk@contoso.com&#xF000;helpdesk@contoso.com'));
			assert.match(only(text, 'helper-format').message, /CONTOSO\\helpdesk/);
		});

		it('warns about a duplicate helper on the exact name of the later pair (duplicate-helper)', () => {
			const helpers = 'CORP\\A&#xF000;CORP\\A&#xF000;CORP\\B&#xF000;CORP\\B&#xF000;corp\\a&#xF000;corp\\a';
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited(helpers));
			if (form === 'escaped') {
				assert.ok(text.includes('value="CORP\\A&amp;#xF000;CORP\\A&amp;#xF000;CORP\\B&amp;#xF000;CORP\\B&amp;#xF000;corp\\a&amp;#xF000;corp\\a"'), 'the spec example');
			}
			const d = only(text, 'duplicate-helper');
			assert.equal(coveredText(text, d), 'corp\\a');
			assert.equal(textLines(text).offsetAt(d.range.start), text.indexOf('corp\\a'), 'the name of the third pair');
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.deepEqual(syncmlCodes(text), ['duplicate-helper']);
		});

		it('reports an odd number of list strings (list-encoding) over the value', () => {
			const helpers = 'CORP\\A&#xF000;CORP\\A&#xF000;CORP\\B';
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited(helpers));
			const d = only(text, 'list-encoding');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.equal(coveredText(text, d), source(form, helpers));
			assert.match(d.message, /pair/);
		});

		it('reports a single helper without its pair (list-encoding)', () => {
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited('CORP\\A'));
			assert.equal(coveredText(text, only(text, 'list-encoding')), 'CORP\\A');
		});

		it('warns about a pair whose name and value differ (list-pair-mismatch), over the name, with a fix to the value', () => {
			const pair = 'CORP\\B&#xF000;CORP\\C';
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited(`CORP\\A&#xF000;CORP\\A&#xF000;${pair}`));
			const d = only(text, 'list-pair-mismatch');
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.equal(coveredText(text, d), 'CORP\\B');
			assert.deepEqual(syncmlCodes(text), ['list-pair-mismatch']);
		});

		it('reports an empty helper list (empty-helper-list)', () => {
			const text = payload('UnsolicitedRemoteAssistance', form, unsolicited(''));
			assert.deepEqual(syncmlCodes(text), ['empty-helper-list']);
		});

		it('reads the list into its helpers', () => {
			const text = payload('UnsolicitedRemoteAssistance', form, VALID.UnsolicitedRemoteAssistance);
			const value = parseSyncml(text).profiles[0].policies[0].options[1].value;
			assert.ok(value.kind === 'list');
			assert.deepEqual(value.items.map((i) => (i.kind === 'scalar' ? i.value : undefined)), ['CONTOSO\\Helpdesk', 'CONTOSO\\Tier2']);
		});
	});
}

describe('SyncML payload: escapes and CDATA in detail', () => {
	it('accepts the separator as a literal U+F000 or a single reference in escaped Data', () => {
		const literal = message('UnsolicitedRemoteAssistance', encode('escaped', unsolicited('CORP\\A\uF000CORP\\A')));
		assert.deepEqual(syncmlCodes(literal), []);
		const single = message('UnsolicitedRemoteAssistance', encode('escaped', unsolicited('CORP\\A')).replace('CORP\\A', 'CORP\\A&#xF000;CORP\\A'));
		assert.deepEqual(syncmlCodes(single), []);
	});

	it('accepts attribute quotes escaped as &quot;', () => {
		const text = message('SolicitedRemoteAssistance', encode('escaped', solicited('0', '6')).replace(/"/g, '&quot;'));
		assert.deepEqual(syncmlCodes(text), []);
	});

	it('points at 120 through &quot; escapes', () => {
		const text = message('SolicitedRemoteAssistance', '&lt;enabled/&gt;&lt;data id=&quot;RA_Solicit_Control_List&quot; value=&quot;1&quot;/&gt;&lt;data id=&quot;RA_Solicit_ExpireValue_Edt&quot; value=&quot;120&quot;/&gt;&lt;data id=&quot;RA_Solicit_ExpireUnits_List&quot; value=&quot;1&quot;/&gt;&lt;data id=&quot;RA_Solicit_Mailto_List&quot; value=&quot;1&quot;/&gt;');
		assert.equal(coveredText(text, only(text, 'decimal-range')), '120');
	});

	it('points at the spec example &lt;data id="RA_Solicit_ExpireValue_Edt" value="120"/&gt; exactly', () => {
		const text = message('SolicitedRemoteAssistance', `&lt;enabled/&gt;&lt;data id="RA_Solicit_Control_List" value="1"/&gt;&lt;data id="RA_Solicit_ExpireValue_Edt" value="120"/&gt;${encode('escaped', SOLICITED_REST)}`);
		const d = only(text, 'decimal-range');
		assert.equal(coveredText(text, d), '120');
		assert.equal(textLines(text).offsetAt(d.range.start), text.indexOf('120"/&gt;'));
	});

	it('points at 120 exactly in a document with CRLF line ends and a pretty CDATA payload', () => {
		const xml = `\n  <enabled/>\n  ${data('RA_Solicit_Control_List', '1')}\n  ${data('RA_Solicit_ExpireValue_Edt', '120')}\n  ${SOLICITED_REST}\n`;
		const text = payload('SolicitedRemoteAssistance', 'cdata', xml).replace(/\n/g, '\r\n');
		const d = only(text, 'decimal-range');
		assert.equal(coveredText(text, d), '120');
		assert.equal(d.range.start.line, text.slice(0, text.indexOf('120"')).split('\r\n').length - 1);
	});

	it('points at a value written with a character reference inside the escaped payload', () => {
		const text = message('RA_Optimize_Bandwidth', '&lt;enabled/&gt;&lt;data id="RA_Optimize_Bandwidth_List" value="&amp;#x35;"/&gt;');
		const d = only(text, 'enum-value');
		assert.equal(coveredText(text, d), '&amp;#x35;');
		assert.match(d.message, /\b5\b/);
	});

	it('reads a value split over CDATA sections on ]]>', () => {
		const xml = messages('a]]>b');
		const text = payload('CustomizeWarningMessages', 'cdata', xml);
		assert.ok(text.includes(']]]]><![CDATA[>'));
		assert.deepEqual(syncmlCodes(text), []);
		const value = parseSyncml(text).profiles[0].policies[0].options[0].value;
		assert.ok(value.kind === 'scalar');
		assert.equal(value.value, 'a]]>b');
	});

	it('accepts a payload split into several CDATA sections between elements', () => {
		const text = message('RA_Optimize_Bandwidth', '<![CDATA[<enabled/>]]><![CDATA[<data id="RA_Optimize_Bandwidth_List" value="8"/>]]>');
		assert.deepEqual(syncmlCodes(text), []);
	});

	it('points at a value in the second CDATA section', () => {
		const text = message('RA_Optimize_Bandwidth', '<![CDATA[<enabled/><data id="RA_Optimize_Bandwidth_List" ]]><![CDATA[value="5"/>]]>');
		const d = only(text, 'enum-value');
		assert.equal(coveredText(text, d), '5');
		assert.equal(textLines(text).offsetAt(d.range.start), text.indexOf('5"/>'));
	});

	it('points at the value across a split inside it', () => {
		const text = message('SolicitedRemoteAssistance', `<![CDATA[<enabled/>${data('RA_Solicit_Control_List', '1')}<data id="RA_Solicit_ExpireValue_Edt" value="1]]><![CDATA[20"/>${SOLICITED_REST}]]>`);
		const d = only(text, 'decimal-range');
		assert.equal(coveredText(text, d), '1]]><![CDATA[20');
		assert.match(d.message, /120/);
	});

	it('accepts a CDATA payload around which the Data also has white space', () => {
		const text = message('SessionLogging', '\n          <![CDATA[<enabled/>]]>\n        ');
		assert.deepEqual(syncmlCodes(text), []);
	});

	it('reports raw elements inside Data (raw-payload) on the Data element', () => {
		const text = message('RA_Optimize_Bandwidth', bandwidth('8'));
		const d = only(text, 'raw-payload');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(coveredText(text, d), 'Data');
		assert.match(d.message, /CDATA/);
		assert.match(d.message, /escape/i);
		assert.deepEqual(syncmlCodes(text), ['raw-payload']);
	});

	it('still checks the options of a raw payload', () => {
		const text = message('RA_Optimize_Bandwidth', bandwidth('5'));
		assert.deepEqual(syncmlCodes(text).sort(), ['enum-value', 'raw-payload']);
		assert.equal(coveredText(text, only(text, 'enum-value')), '5');
	});

	it('reports a double-escaped payload', () => {
		const text = message('SessionLogging', '&amp;lt;enabled/&amp;gt;');
		assert.ok(syncmlCodes(text).includes('payload-syntax'), JSON.stringify(syncmlCodes(text)));
	});

	it('reports a bad reference in the Data', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;&bogus;');
		const found = diagnoseSyncml(text).filter((d) => d.severity === DiagnosticSeverity.Error);
		assert.ok(found.length > 0);
		assert.ok(found.some((d) => coveredText(text, d).includes('&bogus;') || coveredText(text, d) === '&'), JSON.stringify(found.map((d) => [d.code, coveredText(text, d)])));
	});
});
