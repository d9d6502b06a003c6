import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, getCodeActions, getDiagnostics, getHover, importIntune, languageOf, parseDocument, parseIntuneDocument, parsePolicyDocument, POLICIES } from '../../server/src/service';
import { elementSettingId, optionId, policySettingId } from '../../server/src/service/intune/catalogIds';
import { intuneShape, isRemoteAssistanceExport } from '../../server/src/service/intune/sniff';
import { parseJson, property } from '../../server/src/service/json/jsonParser';
import type { ParsedDocument } from '../../server/src/service/document/document';

const ROOT = path.resolve(__dirname, '../../..');
const REAL = path.join(ROOT, 'test/fixtures/real/intune');
const real = (name: string) => readFileSync(path.join(REAL, name), 'utf8');
const URI = 'file:///ws/export.json';

function parse(text: string) {
	return parseIntuneDocument(URI, 1, text);
}

/** Each problem as [code, the source text it points at]. */
function problems(text: string): [string, string][] {
	const doc = parse(text);
	return getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => [String(d.code), text.slice(doc.lines.offsetAt(d.range.start), doc.lines.offsetAt(d.range.end))]);
}

function apply(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
	return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** A custom profile with one row per [omaUri, value], written as JSON writes the value. */
function customProfile(rows: readonly (readonly [string, unknown, string?])[]): string {
	return JSON.stringify({
		'@odata.type': '#microsoft.graph.windows10CustomConfiguration',
		displayName: 'Helpdesk',
		omaSettings: rows.map(([omaUri, value, type]) => ({ '@odata.type': type ?? '#microsoft.graph.omaSettingString', displayName: 'x', omaUri, value })),
	}, null, 2);
}

const OFFER = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance';
const SOLICITED = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SolicitedRemoteAssistance';
const SOLICITED_PAYLOAD = (expiry: string) => `<enabled/><data id="RA_Solicit_Control_List" value="1"/><data id="RA_Solicit_ExpireValue_Edt" value="${expiry}"/><data id="RA_Solicit_ExpireUnits_List" value="1"/><data id="RA_Solicit_Mailto_List" value="1"/>`;

describe('Intune: settings-catalog ids', () => {
	// B1.3 of the domain reference, from a raw Graph dump of the catalog (VERIFIED).
	const VERIFIED: Record<string, readonly string[]> = {
		device_vendor_msft_policy_config_remoteassistance_unsolicitedremoteassistance: ['ra_unsolicit_control_list', 'ra_unsolicit_dacl_edit'],
		device_vendor_msft_policy_config_remoteassistance_solicitedremoteassistance: ['ra_solicit_control_list', 'ra_solicit_expirevalue_edt', 'ra_solicit_expireunits_list', 'ra_solicit_mailto_list'],
		device_vendor_msft_policy_config_remoteassistance_customizewarningmessages: ['ra_options_share_control_message', 'ra_options_connect_message'],
		device_vendor_msft_policy_config_remoteassistance_sessionlogging: [],
		device_vendor_msft_policy_config_admx_remoteassistance_ra_encryptedticketonly: [],
		device_vendor_msft_policy_config_admx_remoteassistance_ra_optimize_bandwidth: ['ra_optimize_bandwidth_list'],
	};

	it('computes every policy and child id Microsoft publishes, from the catalog', () => {
		const computed = Object.fromEntries(POLICIES.map((p) => [policySettingId(p), p.elements.map((e) => elementSettingId(p, e).slice(policySettingId(p).length + 1))]));
		assert.deepEqual(computed, VERIFIED);
	});

	it('writes a choice option as the child id and the ADMX value', () => {
		const bandwidth = POLICIES.find((p) => p.name === 'RA_Optimize_Bandwidth');
		assert.ok(bandwidth);
		const id = elementSettingId(bandwidth, bandwidth.elements[0]);
		assert.equal(optionId(id, 14), 'device_vendor_msft_policy_config_admx_remoteassistance_ra_optimize_bandwidth_ra_optimize_bandwidth_list_14');
	});
});

describe('Intune: the JSON reader', () => {
	it('keeps spans and maps string characters back through escapes', () => {
		const text = '{"a": "x\\"y\\u003cz\\\\w", "b": [1, true, null]}';
		const { root, problems } = parseJson(text);
		assert.deepEqual(problems, []);
		const a = property(root, 'a');
		assert.ok(a?.kind === 'string');
		assert.equal(a.value, 'x"y<z\\w');
		const decoded = a.decoded();
		// The < is written as \u003c: six source characters.
		const lt = a.value.indexOf('<');
		assert.equal(text.slice(decoded.sourceOffset(lt), decoded.sourceEndOf(lt)), '\\u003c');
		assert.equal(text.slice(decoded.sourceOffset(a.value.indexOf('w')), decoded.sourceEndOf(a.value.indexOf('w'))), 'w');
		assert.equal(property(root, 'b')?.kind, 'array');
	});

	it('reads half-typed and broken JSON without throwing, and reports where it breaks', () => {
		for (const text of ['{', '{"a"', '{"a":', '{"a": "x', '[1,,2]', '{"a": 1,}', '}{', '{"a" 1 "b": 2}', '"\\q"', '[{]}', '{"a": tru}', '\u0000', '/* c */ {} // x']) {
			const { problems } = parseJson(text);
			for (const p of problems) {
				assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end, `${JSON.stringify(text)}: ${JSON.stringify(p)}`);
			}
		}
		assert.deepEqual(parseJson('/* c */ {} // x').problems, []);
		assert.equal(parseJson('{"a": 1,}').problems.length, 1);
	});

	it('skips nesting deeper than it reads, without exhausting the stack', () => {
		const text = '['.repeat(100_000) + ']'.repeat(100_000);
		const { problems } = parseJson(text);
		assert.equal(problems.length, 1);
		assert.match(problems[0].message, /Nested more than/);
	});
});

describe('Intune: which JSON is served', () => {
	it('serves exports that mention Remote Assistance and leaves every other JSON alone', () => {
		assert.equal(languageOf(URI, 'json', real('oib-security-hardening-v3.7.json')), 'intune');
		assert.equal(languageOf(URI, 'jsonc', customProfile([[OFFER, '<disabled/>']])), 'intune');
		assert.equal(languageOf(URI, 'json', real('oib-w365-connectivity-nativeimport-v1.0.json')), undefined);
		assert.equal(languageOf('file:///ws/package.json', 'json', readFileSync(path.join(ROOT, 'package.json'), 'utf8')), undefined);
		assert.equal(languageOf(URI, 'json', '{"note": "remoteassistance"}'), undefined);
		assert.equal(intuneShape(real('oib-w365-connectivity-nativeimport-v1.0.json')), 'catalog');
		assert.equal(isRemoteAssistanceExport(`{"x": "${'a'.repeat(10_000)}", "omaSettings": [], "u": "remoteassistance"}`), false, 'the shape is read from the first few KB only');
	});
});

describe('Intune: real and constructed exports', () => {
	for (const name of readdirSync(REAL).filter((n) => n.endsWith('.json'))) {
		it(`${name} has no problem, and its import validates clean`, () => {
			const doc = parseIntuneDocument(`file:///ws/${name}`, 1, real(name));
			assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
			const imported = importIntune(doc);
			if (imported.yaml !== '') {
				assert.deepEqual(getDiagnostics(parsePolicyDocument('file:///ws/imported.rapolicy.yaml', 1, imported.yaml), DEFAULT_SETTINGS), [], imported.yaml);
			}
		});
	}

	it('imports the OIB hardening policy as its two disabled policies, named after it, listing the rest as not converted', () => {
		const imported = importIntune(parseIntuneDocument(URI, 1, real('oib-security-hardening-v3.7.json')));
		assert.match(imported.yaml, /^profile: Win - OIB - SC - Device Security - D - Security Hardening - v3.7$/m);
		assert.match(imported.yaml, /UnsolicitedRemoteAssistance: \{ state: disabled \}\n {2}SolicitedRemoteAssistance: \{ state: disabled \}/);
		assert.ok(imported.skipped.length > 10 && imported.skipped.every((s) => /not a Remote Assistance setting/.test(s)));
	});
});

describe('Intune: custom profiles', () => {
	it('reports a number out of range on its characters inside the escaped JSON string', () => {
		const text = customProfile([[SOLICITED, SOLICITED_PAYLOAD('120')]]);
		assert.deepEqual(problems(text), [['decimal-range', '120']]);
		// Written by PowerShell, with < and > escaped: the range still lands on 120.
		const escaped = text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
		assert.deepEqual(problems(escaped), [['decimal-range', '120']]);
	});

	it('checks ./Vendor/... URIs without ./Device, the URI case and unknown policies; other CSPs are left alone', () => {
		assert.deepEqual(problems(customProfile([['./Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging', '<enabled/>']])), []);
		assert.deepEqual(problems(customProfile([['./device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging', '<enabled/>']])), [['uri-root-case', './device']]);
		assert.deepEqual(problems(customProfile([['./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLoging', '<enabled/>']])), [['unknown-policy', 'SessionLoging']]);
		assert.deepEqual(problems(customProfile([['./Device/Vendor/MSFT/Policy/Config/Start/HideSleep', 7, '#microsoft.graph.omaSettingInteger']])), []);
	});

	it('requires the String data type, with a fix where the value is text', () => {
		const text = customProfile([[OFFER, '<disabled/>', '#microsoft.graph.omaSettingStringXml']]);
		assert.deepEqual(problems(text), [['oma-data-type', '#microsoft.graph.omaSettingStringXml']]);
		const doc = parse(text);
		const fix = doc.problems[0].fixes?.[0];
		assert.ok(fix);
		assert.deepEqual(getDiagnostics(parse(apply(text, fix.edits)), DEFAULT_SETTINGS), []);
		assert.deepEqual(problems(customProfile([[OFFER, 1, '#microsoft.graph.omaSettingInteger']])).map(([code]) => code), ['oma-data-type']);
	});

	it('reports payload problems inside the string and adds missing options through the JSON escaping', () => {
		assert.deepEqual(problems(customProfile([[OFFER, '<enabled/><data id="RA_Unsolicit_Control_List" value="1"/>']])), [['missing-option', '<enabled/>']]);
		const text = customProfile([[OFFER, '<enabled/><data id="RA_Unsolicit_Control_List" value="1"/>']]);
		const doc = parse(text);
		const fix = doc.problems.find((p) => p.code === 'missing-option')?.fixes?.[0];
		assert.ok(fix && fix.edits.length === 1);
		const fixed = apply(text, fix.edits);
		assert.doesNotThrow(() => JSON.parse(fixed));
		assert.deepEqual(problems(fixed).map(([code]) => code), ['empty-helper-list']);
		assert.deepEqual(problems(customProfile([[OFFER, '<enabled/><data id="RA_Unsolicit_Control_List" value="1"/><data id="RA_Unsolicit_DACL_Edit" value="CORP\\A&#xF000;CORP\\B"/>']])), [['list-pair-mismatch', 'CORP\\\\A']]);
		assert.deepEqual(problems(customProfile([[OFFER, '&lt;disabled/&gt;']])).map(([code]) => code), ['payload-syntax']);
		assert.deepEqual(problems(customProfile([[OFFER, '']])).map(([code]) => code), ['payload-syntax']);
	});

	it('offers the quick fixes the problems carry, and hover on the OMA-URI', () => {
		const text = customProfile([[SOLICITED, SOLICITED_PAYLOAD('120')]]);
		const doc = parse(text);
		const diagnostics = getDiagnostics(doc, DEFAULT_SETTINGS);
		assert.deepEqual(diagnostics.map((d) => d.code), ['decimal-range']);
		const actions = getCodeActions(doc, diagnostics, DEFAULT_SETTINGS);
		assert.ok(actions.length > 0 && actions.every((a) => !/Disable/.test(a.title)), 'no suppression comment in JSON');
		const offset = text.indexOf('SolicitedRemoteAssistance');
		const hover = getHover(doc, offset);
		assert.match(JSON.stringify(hover?.contents), /fAllowToGetHelp/);
	});
});

/** A settings-catalog policy in Intune's native import shape (no @odata annotations on settings). */
function catalog(instances: readonly object[]): string {
	return JSON.stringify({ name: 'Helpdesk RA', platforms: 'windows10', technologies: 'mdm', settings: instances.map((settingInstance, id) => ({ id: String(id), settingInstance })) }, null, 2);
}
const P = 'device_vendor_msft_policy_config_remoteassistance_solicitedremoteassistance';
const choice = (id: string, value: string, children: readonly object[] = []) => ({ settingDefinitionId: id, choiceSettingValue: { value, children } });
const integer = (id: string, value: unknown) => ({ settingDefinitionId: id, simpleSettingValue: { value } });
const solicited = (expiry: unknown, units = '1') => choice(P, `${P}_1`, [choice(`${P}_ra_solicit_control_list`, `${P}_ra_solicit_control_list_1`), integer(`${P}_ra_solicit_expirevalue_edt`, expiry), choice(`${P}_ra_solicit_expireunits_list`, `${P}_ra_solicit_expireunits_list_${units}`), choice(`${P}_ra_solicit_mailto_list`, `${P}_ra_solicit_mailto_list_1`)]);

describe('Intune: settings catalog', () => {
	it('checks the integer range, enum option values and option ids on their characters', () => {
		assert.deepEqual(problems(catalog([solicited(4)])), []);
		assert.deepEqual(problems(catalog([solicited(120)])), [['decimal-range', '120']]);
		assert.deepEqual(problems(catalog([solicited(4, '5')])), [['enum-value', '5']]);
		assert.deepEqual(problems(catalog([solicited('4')])), [['value-type', '"4"']]);
		assert.deepEqual(problems(catalog([choice(P, `${P}_2`)])), [['unknown-setting-id', `${P}_2`]]);
		assert.deepEqual(problems(catalog([choice(`${P}x`, `${P}x_0`)])), [['unknown-setting-id', `${P}x`]]);
	});

	it('requires every child of an enabled policy, with a fix that adds them', () => {
		const text = catalog([choice(P, `${P}_1`, [integer(`${P}_ra_solicit_expirevalue_edt`, 4)])]);
		assert.deepEqual(problems(text), [['missing-option', `${P}_1`]]);
		const fix = parse(text).problems[0].fixes?.[0];
		assert.ok(fix);
		assert.deepEqual(problems(apply(text, fix.edits)), []);
	});

	it('checks the helper collection: empty, over 1000 entries, helper format', () => {
		const offer = 'device_vendor_msft_policy_config_remoteassistance_unsolicitedremoteassistance';
		const policy = (helpers: readonly unknown[]) => catalog([choice(offer, `${offer}_1`, [choice(`${offer}_ra_unsolicit_control_list`, `${offer}_ra_unsolicit_control_list_1`), { settingDefinitionId: `${offer}_ra_unsolicit_dacl_edit`, simpleSettingCollectionValue: helpers.map((value) => ({ value })) }])]);
		assert.deepEqual(problems(policy(['CORP\\Helpdesk'])), []);
		assert.deepEqual(problems(policy([])), [['empty-helper-list', '[]']]);
		assert.deepEqual(problems(policy(Array.from({ length: 1001 }, (_, i) => `CORP\\H${i}`))), [['too-many-helpers', `${offer}_ra_unsolicit_dacl_edit`]]);
		assert.deepEqual(problems(policy(['Helpdesk'])).map(([code, at]) => [code, at]), [['helper-format', 'Helpdesk']]);
	});

	it('leaves other settings alone, and reports a disabled policy\'s children as ignored', () => {
		assert.deepEqual(problems(catalog([choice('device_vendor_msft_policy_config_x_y', 'nonsense')])), []);
		assert.deepEqual(problems(catalog([choice(P, `${P}_0`, [integer(`${P}_ra_solicit_expirevalue_edt`, 4)])])).map(([code]) => code), ['ignored-options']);
	});

	it('hovers a child id with its option docs', () => {
		const text = catalog([solicited(4)]);
		const hover = getHover(parse(text), text.indexOf('_ra_solicit_expirevalue_edt'));
		assert.match(JSON.stringify(hover?.contents), /RA_Solicit_ExpireValue_Edt/);
	});
});

describe('Intune: hostile input', () => {
	const cases: Record<string, string> = {
		'a huge export of other settings': catalog(Array.from({ length: 20_000 }, (_, i) => choice(`device_vendor_msft_policy_config_other_${i}`, 'x'))).replace('"name"', '"remoteassistance": 1, "name"'),
		'deep nesting in a custom profile': `{"omaSettings": [${'['.repeat(50_000)}], "x": "remoteassistance"}`,
		'a value of escapes only': customProfile([[OFFER, '\\'.repeat(50_000)]]),
		'every half of a real export': real('constructed-custom-profile-ra.json').slice(0, 1500),
	};
	for (const [name, text] of Object.entries(cases)) {
		it(`${name}: parsed without throwing, ranges within the text`, () => {
			const doc: ParsedDocument = parseDocument(URI, 1, text, 'intune');
			const lines = text.split('\n').length;
			for (const d of getDiagnostics(doc, DEFAULT_SETTINGS)) {
				assert.ok(d.range.start.line >= 0 && d.range.end.line < lines + 1);
			}
		});
	}

	it('every prefix of the constructed exports is served without throwing', () => {
		for (const name of ['constructed-custom-profile-ra.json', 'constructed-catalog-ra-enabled.nativeimport.json']) {
			const text = real(name);
			for (let end = 0; end <= text.length; end += 7) {
				const doc = parseIntuneDocument(URI, 1, text.slice(0, end));
				getDiagnostics(doc, DEFAULT_SETTINGS);
				getCodeActions(doc, [], DEFAULT_SETTINGS, { start: { line: 0, character: 0 }, end: doc.lines.positionAt(end) });
			}
		}
	});
});

describe('Intune: a key written twice in one object', () => {
	const OFFER_URI = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance';
	const valid = '<enabled/><data id=\\"RA_Unsolicit_Control_List\\" value=\\"1\\"/><data id=\\"RA_Unsolicit_DACL_Edit\\" value=\\"CORP\\\\\\\\A&#xF000;CORP\\\\\\\\A\\"/>';
	const text = `{"@odata.type": "#microsoft.graph.windows10CustomConfiguration", "displayName": "P", "omaSettings": [{"@odata.type": "#microsoft.graph.omaSettingString", "displayName": "Offer", "omaUri": "${OFFER_URI}", "value": "${valid}", "value": "<enabled/>"}]}`;

	it('is an error at the second key, and the checks read the last value, as JSON.parse and Intune do', () => {
		assert.equal(JSON.parse(text).omaSettings[0].value, '<enabled/>');
		const doc = parseIntuneDocument('file:///p.json', 1, text);
		const found = doc.problems.map((p) => `${p.code}: ${text.slice(p.span.start, p.span.end)}`);
		const second = text.lastIndexOf('"value"');
		assert.ok(found.includes('duplicate-key: "value"'), found.join('\n'));
		assert.equal(doc.problems.find((p) => p.code === 'duplicate-key')?.span.start, second);
		// The last value leaves out both options, which the first one had.
		assert.ok(doc.problems.some((p) => p.code === 'missing-option'), found.join('\n'));
	});
});
