import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction } from 'vscode-languageserver-types';
import {
	DEFAULT_SETTINGS,
	encodeData,
	encodeIntune,
	encodePayload,
	encodeSyncml,
	getCodeActions,
	getDiagnostics,
	getHover,
	importSyncml,
	normalizeSettings,
	parsePolicyDocument,
	parseSyncmlDocument,
	resolveProfiles,
} from '../../server/src/service';
import { applyTextEdits, at, caret, configUri, coveredText, diagnoseSyncml, hoverMarkdown, parseSyncml, rawSyncmlDiagnostics, SYNCML_URI, syncmlCodes, syncmlCommand, syncmlMessage } from '../helpers/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const REAL = path.join(ROOT, 'test/fixtures/real/syncml-dialects');
const escape = (xml: string) => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (xml: string) => `<![CDATA[${xml}]]>`;
const message = (policy: string, data: string) => syncmlMessage(syncmlCommand(configUri(policy), data));
const warnings = (policyText: string, share: string, connect = 'Connecting') =>
	`<enabled/><data id="RA_Options_Share_Control_Message" value="${share}"/><data id="RA_Options_Connect_Message" value="${connect}"/>${policyText}`;

/** The preferred fix of the first diagnostic of `code`, applied. */
function applyFix(text: string, code: string): string {
	const diagnostic = rawSyncmlDiagnostics(text).find((d) => d.code === code);
	assert.ok(diagnostic, `no ${code} in ${JSON.stringify(syncmlCodes(text))}`);
	const action = getCodeActions(parseSyncml(text), [diagnostic], DEFAULT_SETTINGS).find((a: CodeAction) => a.isPreferred);
	assert.ok(action, `a preferred fix for ${code}`);
	return applyTextEdits(text, action.edit?.changes?.[SYNCML_URI] ?? []);
}

describe('SyncML dialects: real samples', () => {
	const files = fs.readdirSync(REAL).filter((f) => f.endsWith('.syncml') && !f.includes('utf16'));
	// Microsoft's ingestion samples write the area as `ContosoCompanyApp~ Policy~…`, a mistake devices reject.
	const INGESTION = /^admx-ingestion-/;

	for (const file of files.filter((f) => !INGESTION.test(f))) {
		it(`${file} has no error and no warning`, () => {
			const text = fs.readFileSync(path.join(REAL, file), 'utf8');
			const found = diagnoseSyncml(text).filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
			assert.deepEqual(found.map((d) => [d.code, d.message]), []);
		});
	}

	for (const file of files.filter((f) => INGESTION.test(f))) {
		it(`${file}: the space after ~ in Microsoft's sample is an error at the space, and nothing here ingests ContosoCompanyApp`, () => {
			const text = fs.readFileSync(path.join(REAL, file), 'utf8');
			const found = diagnoseSyncml(text).filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
			const lines = text.split('\n');
			assert.deepEqual(found.map((d) => [d.code, lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)]), [['ingested-app', 'ContosoCompanyApp'], ['ingested-uri', ' Policy']]);
		});
	}

	it('the SYNCML1.1 samples get the one note, which says why they are read', () => {
		const text = fs.readFileSync(path.join(REAL, 'admx-ingestion-enable-syncml11.syncml'), 'utf8');
		const found = diagnoseSyncml(text).filter((d) => !String(d.code).startsWith('ingested-'));
		assert.deepEqual(found.map((d) => d.code), ['syncml-1.1']);
		assert.equal(found[0].severity, DiagnosticSeverity.Information);
		assert.match(found[0].message, /1\.1\.2/);
		assert.match(found[0].message, /ADMX-ingestion samples/);
	});

	it('the UTF-16 fixture is the UTF-8 sample, as Windows PowerShell 5.1 writes it', () => {
		const bytes = fs.readFileSync(path.join(REAL, 'admx-ingestion-disable-syncml11.utf16le.syncml'));
		assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
		const utf8 = fs.readFileSync(path.join(REAL, 'admx-ingestion-disable-syncml11.syncml'), 'utf8');
		assert.equal(bytes.subarray(2).toString('utf16le'), utf8.replace(/\n/g, '\r\n'));
	});
});

describe('SyncML dialects: text the editor decoded', () => {
	const logging = message('SessionLogging', '&lt;enabled/&gt;');

	it('a BOM character before the declaration or the root is no problem', () => {
		assert.deepEqual(syncmlCodes(`\ufeff${logging}`), []);
		assert.deepEqual(syncmlCodes(`\ufeff<?xml version="1.0" encoding="utf-8"?>\n${logging}`), []);
	});

	it('a declaration saying utf-16 is fine on text the editor already decoded', () => {
		assert.deepEqual(syncmlCodes(`<?xml version="1.0" encoding="utf-16"?>\n${logging}`), []);
		assert.deepEqual(syncmlCodes(`\ufeff<?xml version="1.0" encoding="UTF-16"?>\r\n${logging.replace(/\n/g, '\r\n')}`), []);
	});

	it('a policy file with a BOM character is read as without', () => {
		const doc = parsePolicyDocument('file:///b.rapolicy.yaml', 1, '\ufeffprofile: B\npolicies:\n  SessionLogging:\n    state: enabled\n');
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.code), []);
	});
});

describe('SyncML dialects: versions', () => {
	it('an unknown namespace stays an error', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('SYNCML:SYNCML1.2', 'SYNCML:SYNCML1.3');
		const found = diagnoseSyncml(text);
		assert.deepEqual(found.map((d) => [d.code, d.severity]), [['syncml-version', DiagnosticSeverity.Error]]);
		assert.equal(coveredText(text, found[0]), 'SYNCML:SYNCML1.3');
	});

	it('the SYNCML1.1 note can be turned off', () => {
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace('SYNCML:SYNCML1.2', 'SYNCML:SYNCML1.1');
		assert.deepEqual(syncmlCodes(text, normalizeSettings({ validation: { rules: { 'syncml-1.1': 'off' } } })), []);
	});
});

describe('SyncML dialects: tag case as the field writes it', () => {
	const upper = '<Enabled/><Data id="RA_Optimize_Bandwidth_List" value="8"/>';

	for (const [form, encode] of [['escaped', escape], ['CDATA', cdata]] as const) {
		it(`<Enabled/>, <Disabled/> and <Data> (${form}) give no warning by default, only a note`, () => {
			for (const text of [message('RA_Optimize_Bandwidth', encode(upper)), message('SessionLogging', encode('<Disabled/>'))]) {
				const found = diagnoseSyncml(text);
				assert.ok(found.length > 0 && found.every((d) => d.code === 'payload-case' && d.severity === DiagnosticSeverity.Information), JSON.stringify(found));
			}
		});
	}

	it('the severity can be raised through rapolicy.validation.rules', () => {
		const text = message('SessionLogging', escape('<Disabled/>'));
		const settings = normalizeSettings({ validation: { rules: { 'payload-case': 'warning' } } });
		assert.deepEqual(getDiagnostics(parseSyncml(text), settings).map((d) => [d.code, d.severity]), [['payload-case', DiagnosticSeverity.Warning]]);
	});

	it('import reads upper-case tags like lower case', () => {
		const text = syncmlMessage(syncmlCommand(configUri('RA_Optimize_Bandwidth'), escape(upper)) + syncmlCommand(configUri('SessionLogging'), cdata('<Disabled/>'), { cmdId: '2' }));
		const result = importSyncml(parseSyncmlDocument('file:///u.syncml', 1, text));
		assert.match(result.yaml, /RA_Optimize_Bandwidth:\n\s+state: enabled\n\s+options:\n\s+RA_Optimize_Bandwidth_List: no-background/);
		assert.match(result.yaml, /SessionLogging: \{ state: disabled \}/);
	});

	it('hover documents a data id inside <Data id=...>', () => {
		const { text, offset } = caret(at(message('RA_Optimize_Bandwidth', cdata(upper)), 'RA_Optimize_Band'));
		const value = hoverMarkdown(getHover(parseSyncml(text), offset));
		assert.match(value, /RA_Optimize_Bandwidth_List/);
	});

	it('the encoder keeps writing lower case', () => {
		const [profile] = resolveProfiles(parsePolicyDocument('file:///l.rapolicy.yaml', 1, 'profile: L\npolicies:\n  SessionLogging: { state: disabled }\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options: { RA_Optimize_Bandwidth_List: no-background }\n'));
		assert.deepEqual(profile.policies.map(encodePayload), ['<disabled/>', '<enabled/><data id="RA_Optimize_Bandwidth_List" value="8"/>']);
	});
});

describe('faithful payload text: the encoder', () => {
	const yaml = 'profile: W\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Share_Control_Message: |-\n        Line one\n        Line two\n      RA_Options_Connect_Message: "Tab\\there\\r\\nCRLF"\n';
	const doc = parsePolicyDocument('file:///w.rapolicy.yaml', 1, yaml);
	const [profile] = resolveProfiles(doc);
	const raw = encodePayload(profile.policies[0]) ?? '';

	it('writes line breaks and tabs in a text option as character references in the raw payload', () => {
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
		assert.equal(raw, '<enabled/><data id="RA_Options_Share_Control_Message" value="Line one&#xA;Line two"/><data id="RA_Options_Connect_Message" value="Tab&#x9;here&#xD;&#xA;CRLF"/>');
	});

	it('escaped, CDATA, the SyncML message and the Intune JSON carry the same references', () => {
		assert.ok(encodeData(raw, 'escape').includes('Line one&amp;#xA;Line two'));
		assert.ok(encodeData(raw, 'cdata').includes('Line one&#xA;Line two'));
		assert.ok(encodeSyncml(profile, { encoding: 'escape', fullMessage: false }).includes('Line one&amp;#xA;Line two'));
		assert.ok(encodeSyncml(profile, { encoding: 'cdata', fullMessage: false }).includes('Tab&#x9;here&#xD;&#xA;CRLF'));
		assert.equal(encodeIntune(profile).profile.omaSettings[0].value, raw);
		for (const encoding of ['escape', 'cdata'] as const) {
			assert.ok(!/value="[^"]*[\t\n\r]/.test(encodeSyncml(profile, { encoding, fullMessage: true })), 'no literal whitespace inside an attribute value');
		}
	});

	for (const encoding of ['escape', 'cdata'] as const) {
		it(`YAML with a block scalar → SyncML (${encoding}) → YAML keeps the line breaks, with no warning`, () => {
			const syncml = encodeSyncml(profile, { encoding, fullMessage: false });
			assert.deepEqual(syncmlCodes(syncml), []);
			const back = importSyncml(parseSyncmlDocument('file:///w.syncml', 1, syncml)).yaml;
			const [again] = resolveProfiles(parsePolicyDocument('file:///back.rapolicy.yaml', 1, back));
			assert.deepEqual(again.policies[0].values, profile.policies[0].values);
		});
	}
});

describe('faithful payload text: literal whitespace in a payload attribute', () => {
	for (const [form, encode, reference] of [['escaped', escape, '&amp;#xA;'], ['CDATA', cdata, '&#xA;']] as const) {
		it(`a literal line feed in a value (${form}) is a warning on it, and the fix writes ${reference}`, () => {
			const text = message('CustomizeWarningMessages', encode(warnings('', 'Line one\nLine two')));
			const found = diagnoseSyncml(text);
			assert.deepEqual(found.map((d) => [d.code, d.severity]), [['payload-whitespace', DiagnosticSeverity.Warning]]);
			assert.equal(coveredText(text, found[0]), '\n');
			assert.match(found[0].message, /RA_Options_Share_Control_Message/);
			const after = applyFix(text, 'payload-whitespace');
			assert.ok(after.includes(`Line one${reference}Line two`), after);
			assert.deepEqual(syncmlCodes(after), []);
		});
	}

	it('CRLF is one problem whose fix writes both references; a tab its own', () => {
		const text = message('CustomizeWarningMessages', cdata(warnings('', 'a\r\nb', 'c\td')));
		const found = diagnoseSyncml(text);
		assert.deepEqual(found.map((d) => coveredText(text, d)), ['\r\n', '\t']);
		const once = applyFix(text, 'payload-whitespace');
		assert.ok(once.includes('a&#xD;&#xA;b'), once);
		assert.ok(applyFix(once, 'payload-whitespace').includes('c&#x9;d'));
	});

	it('a &#xA; reference in escaped Data is a literal line feed in the payload, and is pointed at as written', () => {
		const text = message('CustomizeWarningMessages', escape(warnings('', 'a')).replace('value="a"', 'value="a&#xA;b"'));
		const found = diagnoseSyncml(text);
		assert.deepEqual(found.map((d) => [d.code, coveredText(text, d)]), [['payload-whitespace', '&#xA;']]);
		assert.ok(applyFix(text, 'payload-whitespace').includes('value="a&amp;#xA;b"'));
	});

	it('references in the payload are what XML keeps, and give no warning', () => {
		assert.deepEqual(syncmlCodes(message('CustomizeWarningMessages', cdata(warnings('', 'a&#xA;b&#x9;c')))), []);
	});
});

describe('SyncML dialects: LocURI and Format as samples write them', () => {
	it('whitespace around a LocURI is a warning (not silently trimmed), and the fix trims it', () => {
		const uri = configUri('SessionLogging');
		const text = message('SessionLogging', '&lt;enabled/&gt;').replace(`<LocURI>${uri}</LocURI>`, `<LocURI> ${uri}\n          </LocURI>`);
		const found = diagnoseSyncml(text);
		assert.deepEqual(found.map((d) => [d.code, d.severity]), [['locuri-whitespace', DiagnosticSeverity.Warning]]);
		assert.equal(coveredText(text, found[0]), ' ');
		assert.equal(applyFix(text, 'locuri-whitespace'), message('SessionLogging', '&lt;enabled/&gt;'));
	});

	it('a LocURI of another CSP with whitespace is warned about too', () => {
		const text = syncmlMessage(syncmlCommand(' ./Device/Vendor/MSFT/Reboot/RebootNow', undefined, { command: 'Get', meta: null }));
		assert.deepEqual(syncmlCodes(text), ['locuri-whitespace']);
	});

	it('<Format>string</Format> stays an error that names the DeviceInstallation sample and chr', () => {
		const text = syncmlMessage(syncmlCommand(configUri('SessionLogging'), '&lt;enabled/&gt;', { meta: '<Meta><Format xmlns="syncml:metinf">string</Format></Meta>' }));
		const found = diagnoseSyncml(text);
		assert.deepEqual(found.map((d) => [d.code, d.severity]), [['invalid-format', DiagnosticSeverity.Error]]);
		assert.match(found[0].message, /DeviceInstallation/);
		assert.match(found[0].message, /chr/);
	});
});
