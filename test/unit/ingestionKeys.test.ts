import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
	blockingErrors, DEFAULT_SETTINGS, encodeIntune, encodeSyncml, getDiagnostics, loadAdmx, parseAdmxDocument, parseIntuneDocument, parsePolicyDocument, parseSyncmlDocument,
	resolveProfiles, withIngestedAdmx, type AdmxSource, type ParsedDocument,
} from '../../server/src/service';

/** An ADMX whose two policies write under Software\Policies\Microsoft\Windows: one by its own key, one by an element's. */
const CONTOSO = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0">
  <policyNamespaces><target prefix="contoso" namespace="Contoso.Policies.Windows" /></policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <categories><category name="Contoso" displayName="$(string.Contoso)" /></categories>
  <policies>
    <policy name="HideWidget" class="Machine" displayName="$(string.HideWidget)" explainText="$(string.HideWidget_Help)" key="Software\\Policies\\Microsoft\\Windows\\Contoso" valueName="HideWidget">
      <parentCategory ref="Contoso" />
      <enabledValue><decimal value="1" /></enabledValue>
      <disabledValue><decimal value="0" /></disabledValue>
    </policy>
    <policy name="Tray" class="Machine" displayName="$(string.Tray)" explainText="$(string.Tray_Help)" presentation="$(presentation.Tray)" key="Software\\Policies\\Contoso">
      <parentCategory ref="Contoso" />
      <elements><text id="TrayText" key="Software\\Policies\\Microsoft\\Windows\\Contoso\\Tray" valueName="Text" /></elements>
    </policy>
  </policies>
</policyDefinitions>
`;
const POLICY_KEY = 'Software\\Policies\\Microsoft\\Windows\\Contoso';
const ELEMENT_KEY = 'Software\\Policies\\Microsoft\\Windows\\Contoso\\Tray';

/** Known Issue Rollback files write under System and ingest on devices with the July 2022 update. */
const KIR = CONTOSO.replace(/key="Software\\Policies\\Microsoft\\Windows\\Contoso(\\Tray)?"/g, (_, tray: string | undefined) => `key="SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides${tray ?? ''}"`);

const source = (text: string): AdmxSource => ({ text, admx: loadAdmx(text), adml: undefined });

/** The admx-ingestion diagnostics of a document as `severity: covered text`, in file order. */
function keyDiagnostics(doc: ParsedDocument, text: string): string[] {
	const offsets = [0];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '\n') {
			offsets.push(i + 1);
		}
	}
	const offset = (p: Diagnostic['range']['start']) => offsets[p.line] + p.character;
	return getDiagnostics(doc, DEFAULT_SETTINGS)
		.filter((d) => d.code === 'admx-ingestion')
		.map((d) => `${d.severity === DiagnosticSeverity.Error ? 'error' : 'warning'}: ${text.slice(offset(d.range.start), offset(d.range.end))}`);
}

const PROFILE = `profile: Contoso
admx:
  - app: Contoso
    file: contoso.admx
policies:
  Contoso/HideWidget: { state: enabled }
  Contoso/Tray:
    state: enabled
    options:
      TrayText: Hello
`;
const SILENCED = PROFILE.replace('    file: contoso.admx', '    # rapolicy-disable-next-line admx-ingestion\n    file: contoso.admx');

function profile(yaml: string, admx = CONTOSO): ParsedDocument {
	return withIngestedAdmx(parsePolicyDocument('file:///p/contoso.rapolicy.yaml', 1, yaml), [], (file) => file === 'contoso.admx' ? source(admx) : { error: `${file} is not there` });
}

describe('keys MDM ingestion refuses: an error at the key attribute', () => {
	it('in an open ADMX file, at each key attribute\'s characters', () => {
		assert.deepEqual(keyDiagnostics(parseAdmxDocument('file:///w/contoso.admx', 1, CONTOSO), CONTOSO), [`error: ${POLICY_KEY}`, `error: ${ELEMENT_KEY}`]);
		assert.deepEqual(keyDiagnostics(parseAdmxDocument('file:///w/kir.admx', 1, KIR), KIR), [
			'warning: SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides',
			'warning: SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides\\Tray',
		]);
	});

	it('in SyncML that carries the ADMX, CDATA or escaped, and in an Intune profile, at the key\'s characters inside the carried text', () => {
		const [resolved] = resolveProfiles(profile(SILENCED));
		for (const encoding of ['cdata', 'escape'] as const) {
			const syncml = encodeSyncml(resolved, { encoding, fullMessage: false });
			const doc = parseSyncmlDocument('file:///p/contoso.syncml', 1, syncml);
			assert.deepEqual(keyDiagnostics(doc, syncml), [`error: ${POLICY_KEY}`, `error: ${ELEMENT_KEY}`], encoding);
			assert.equal(blockingErrors(doc, DEFAULT_SETTINGS).length, 2, encoding);
		}
		const intune = JSON.stringify(encodeIntune(resolved).profile, null, 2);
		// Inside the JSON string each backslash is escaped, and the range covers the escaped characters.
		const escaped = (key: string) => key.replace(/\\/g, '\\\\');
		assert.deepEqual(keyDiagnostics(parseIntuneDocument('file:///p/contoso.json', 1, intune), intune), [`error: ${escaped(POLICY_KEY)}`, `error: ${escaped(ELEMENT_KEY)}`]);
	});

	it('in a profile, at the admx entry that names the file, with its line and key; silenced there to deliver by Group Policy alone', () => {
		const doc = profile(PROFILE);
		assert.deepEqual(keyDiagnostics(doc, PROFILE), ['error: contoso.admx']);
		const [problem] = doc.problems.filter((p) => p.code === 'admx-ingestion');
		assert.equal(problem.message, `contoso.admx:7: HideWidget writes under ${POLICY_KEY}, which MDM ingestion refuses: ingested policies may not write under System, Software\\Microsoft or Software\\Policies\\Microsoft outside the prefixes Microsoft lists, so a device refuses to ingest the file. Write it under a key of the vendor's own (such as Software\\Policies\\<Vendor>), or deliver it with Group Policy (Registry.pol, LGPO text, PowerShell), which has no such limit. 1 more key does the same: open the file to see each. To deliver this profile with Group Policy alone, put # rapolicy-disable-next-line admx-ingestion on the line above file:.`);
		assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS).map((e) => `${e.line}:${e.character} ${e.code}`), ['3:10 admx-ingestion']);
		assert.deepEqual(getDiagnostics(profile(SILENCED), DEFAULT_SETTINGS), []);
		// The policies are still checked against the file.
		assert.deepEqual(profile(PROFILE.replace('TrayText: Hello', 'TrayTxt: Hello')).problems.map((p) => p.code), ['admx-ingestion', 'unknown-option']);
	});

	it('in a profile, a Known Issue Rollback file is a warning at the entry', () => {
		const doc = profile(PROFILE, KIR);
		assert.deepEqual(keyDiagnostics(doc, PROFILE), ['warning: contoso.admx']);
		assert.match(doc.problems[0].message, /^contoso\.admx:7: HideWidget writes under SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides: .* 1 more key does the same: open the file to see each\.$/);
	});
});

describe('errors of an ingested ADMX itself: at the admx entry of a profile, as in the SyncML that carries it', () => {
	const OWN = CONTOSO.replace(/Software\\Policies\\Microsoft\\Windows\\Contoso/g, 'Software\\Policies\\Contoso');
	/** HideWidget and Tray under categories the file does not define. */
	const MISSING = OWN.replace('<parentCategory ref="Contoso" />', '<parentCategory ref="Contosso" />').replace('<parentCategory ref="Contoso" />\n      <elements>', '<parentCategory ref="Gone" />\n      <elements>');

	it('a profile names the first error with its line, at the entry, with the same code and severity as the carrying SyncML', () => {
		assert.deepEqual(getDiagnostics(profile(PROFILE, OWN), DEFAULT_SETTINGS), []);
		const doc = profile(PROFILE, MISSING);
		assert.deepEqual(doc.problems.map((p) => `${p.code}: ${PROFILE.slice(p.span.start, p.span.end)}: ${p.message}`), [
			'admx-reference: contoso.admx: contoso.admx:8: No category named Contosso in this file; it has Contoso. 1 more problem of the file is an error too: open the file to see each.',
		]);
		const syncml = encodeSyncml(resolveProfiles(doc)[0], { encoding: 'cdata', fullMessage: false });
		const carried = getDiagnostics(parseSyncmlDocument('file:///p/contoso.syncml', 1, syncml), DEFAULT_SETTINGS);
		assert.deepEqual(carried.map((d) => `${String(d.code)} ${d.severity}`), ['admx-reference 1', 'admx-reference 1']);
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.severity), [DiagnosticSeverity.Error]);
	});
});
