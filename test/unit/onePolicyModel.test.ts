import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { importIntune, importSyncml, loadAdmx, parseIntuneDocument, parsePolicyDocument, parseSyncmlDocument, withIngestedAdmx } from '../../server/src/service';
import type { Problem } from '../../server/src/service/problems/problem';

/**
 * One policy model under every source: a name in another letter case is wrong in every source,
 * reported with the same message and the same fix (and import refuses it in the same words), and
 * a value gets the same verdict from the one value check whether a profile or a payload writes it.
 */
const ADMX = readFileSync(path.join(__dirname, '../../../test/fixtures/admx/everything.admx'), 'utf8');
const INSTALL = './Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Contoso/Policy/everything';
const NODE = './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything';
const KINDS = `${NODE}~Cat_Kinds/AllKinds`;
const POLICY_MESSAGE = 'Policy names are case sensitive, as OMA-URIs are: write Switch, not switch.';
const ELEMENT_MESSAGE = 'Option ids are case sensitive: write Name, not name.';

/** A finding as the user meets it: code, severity, message, the text it covers and the text its preferred fix writes. */
function seen(text: string, problem: Problem | undefined): { code: string; message: string; covers: string; fix: string | undefined } | undefined {
	if (!problem) {
		return undefined;
	}
	const fix = problem.fixes?.find((f) => f.preferred) ?? problem.fixes?.[0];
	return { code: problem.code, message: problem.message, covers: text.slice(problem.span.start, problem.span.end), fix: fix?.title };
}

function syncml(uri: string, payload: string): string {
	const item = (command: string, id: number, target: string, data: string) => `<${command}><CmdID>${id}</CmdID><Item><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Target><LocURI>${target}</LocURI></Target><Data><![CDATA[${data}]]></Data></Item></${command}>`;
	return `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>${item('Add', 1, INSTALL, ADMX)}${item('Replace', 2, uri, payload)}<Final/></SyncBody></SyncML>`;
}

function intune(uri: string, payload: string): string {
	const row = (omaUri: string, value: string) => ({ '@odata.type': '#microsoft.graph.omaSettingString', displayName: omaUri.split('/').pop(), omaUri, value });
	return JSON.stringify({ '@odata.type': '#microsoft.graph.windows10CustomConfiguration', displayName: 'Contoso', omaSettings: [row(INSTALL, ADMX), row(uri, payload)] }, null, 2);
}

function profile(key: string, options = ''): string {
	return `profile: Contoso\nadmx:\n  - app: Contoso\n    file: everything.admx\npolicies:\n  ${key}:\n    state: enabled\n${options}`;
}

const profileProblems = (text: string) => withIngestedAdmx(parsePolicyDocument('file:///p/t.rapolicy.yaml', 1, text), [], () => ({ text: ADMX, admx: loadAdmx(ADMX), adml: undefined })).problems;
/** Problems after the carried ADMX, so the ADMX's own lint does not count. */
const after = (text: string, problems: readonly Problem[]) => problems.filter((p) => p.span.start > text.lastIndexOf('</policyDefinitions>'));

describe('one rule for the letter case of ingested names, in every source', () => {
	it('a policy name in another case: the same error, message and fix in a profile, SyncML and Intune JSON', () => {
		const yaml = profile('Contoso/switch');
		const xml = syncml(`${NODE}/switch`, '<enabled/>');
		const json = intune(`${NODE}/switch`, '<enabled/>');
		const found = [
			seen(yaml, profileProblems(yaml).find((p) => p.message.includes('case sensitive'))),
			seen(xml, after(xml, parseSyncmlDocument('file:///m.syncml', 1, xml).problems)[0]),
			seen(json, after(json, parseIntuneDocument('file:///m.json', 1, json).problems)[0]),
		];
		assert.deepEqual(found.map((f) => f && { message: f.message, covers: f.covers, fix: f.fix }), Array(3).fill({ message: POLICY_MESSAGE, covers: 'switch', fix: 'Change to Switch' }));
		// A profile has no URI, so its rule is the policy key's; SyncML and Intune report it on the LocURI.
		assert.deepEqual(found.map((f) => f?.code), ['unknown-policy', 'ingested-uri', 'ingested-uri']);
	});

	it('import refuses a policy name in another case with the same words, from SyncML and from Intune JSON', () => {
		const fromSyncml = importSyncml(parseSyncmlDocument('file:///m.syncml', 1, syncml(`${NODE}/switch`, '<enabled/>')));
		const fromIntune = importIntune(parseIntuneDocument('file:///m.json', 1, intune(`${NODE}/switch`, '<enabled/>')));
		for (const result of [fromSyncml, fromIntune]) {
			assert.ok(result.skipped.some((line) => line.endsWith(POLICY_MESSAGE)), result.skipped.join('\n'));
		}
	});

	it('the exact name passes everywhere', () => {
		const xml = syncml(`${NODE}/Switch`, '<enabled/>');
		const json = intune(`${NODE}/Switch`, '<enabled/>');
		assert.deepEqual(profileProblems(profile('Contoso/Switch')), []);
		assert.deepEqual(after(xml, parseSyncmlDocument('file:///m.syncml', 1, xml).problems), []);
		assert.deepEqual(after(json, parseIntuneDocument('file:///m.json', 1, json).problems), []);
	});

	it('an element id in another case: the same message and fix in a profile, SyncML and Intune JSON', () => {
		const yaml = profile('Contoso/AllKinds', '    options:\n      name: a\n      Mode: 0\n');
		const payload = '<enabled/><data id="name" value="a"/><data id="Mode" value="0"/>';
		const xml = syncml(KINDS, payload);
		const json = intune(KINDS, payload);
		const found = [
			seen(yaml, profileProblems(yaml).find((p) => p.code === 'unknown-option')),
			seen(xml, after(xml, parseSyncmlDocument('file:///m.syncml', 1, xml).problems).find((p) => p.code === 'unknown-option')),
			seen(json, after(json, parseIntuneDocument('file:///m.json', 1, json).problems).find((p) => p.code === 'unknown-option')),
		];
		assert.deepEqual(found, Array(3).fill({ code: 'unknown-option', message: ELEMENT_MESSAGE, covers: 'name', fix: 'Change to Name' }));
	});
});

describe('one value check for profiles and payloads', () => {
	/** Each mistake as a profile writes it and as a payload writes it, with what both must report and the text it covers. */
	const CASES: readonly { id: string; yaml: string; payload: string; code: string; covers: string; fix?: string }[] = [
		{ id: 'Count', yaml: '51', payload: '51', code: 'decimal-range', covers: '51', fix: 'Change to 50 (the nearest allowed value: a different number)' },
		{ id: 'Name', yaml: `${'n'.repeat(40)}xy`, payload: `${'n'.repeat(40)}xy`, code: 'text-too-long', covers: 'xy' },
		{ id: 'Flag', yaml: 'on', payload: 'on', code: 'value-type', covers: 'on', fix: 'Write true' },
		{ id: 'Mode', yaml: '7', payload: '7', code: 'enum-value', covers: '7' },
		{ id: 'Lines', yaml: '[a, b, c, d]', payload: 'a&#xF000;b&#xF000;c&#xF000;d', code: 'list-encoding', covers: '' },
	];
	const OTHERS: Readonly<Record<string, [string, string]>> = { Name: ['Name', 'ok'], Mode: ['Mode', '0'] };

	for (const c of CASES) {
		it(`${c.id}: ${c.code} from a profile, SyncML and Intune JSON alike`, () => {
			const options = { ...Object.fromEntries(Object.values(OTHERS)), [c.id]: c.yaml };
			const yaml = profile('Contoso/AllKinds', `    options:\n${Object.entries(options).map(([k, v]) => `      ${k}: ${v}`).join('\n')}\n`);
			const data = { ...Object.fromEntries(Object.values(OTHERS)), [c.id]: c.payload };
			const payload = `<enabled/>${Object.entries(data).map(([k, v]) => `<data id="${k}" value="${v}"/>`).join('')}`;
			const xml = syncml(KINDS, payload);
			const json = intune(KINDS, payload);
			const found = [
				seen(yaml, profileProblems(yaml).find((p) => p.code === c.code)),
				seen(xml, after(xml, parseSyncmlDocument('file:///m.syncml', 1, xml).problems).find((p) => p.code === c.code)),
				seen(json, after(json, parseIntuneDocument('file:///m.json', 1, json).problems).find((p) => p.code === c.code)),
			];
			for (const f of found) {
				assert.ok(f, `${c.code} in every source: ${JSON.stringify(found)}`);
				assert.equal(f.fix, c.fix);
				if (c.covers) {
					assert.equal(f.covers, c.covers);
				}
			}
		});
	}
});


describe('built-in policies in the one value check', () => {
	const OFFER = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance';
	const message = (payload: string) => `<SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>${OFFER}</LocURI></Target><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data><![CDATA[${payload}]]></Data></Item></Replace><Final/></SyncBody>`;

	it('a profile\'s alias in a payload is answered with the item\'s value, and a display name in a profile with the alias', () => {
		const xml = message('<enabled/><data id="RA_Unsolicit_Control_List" value="remote-control"/><data id="RA_Unsolicit_DACL_Edit" value="CORP\\A&#xF000;CORP\\A"/>');
		const found = seen(xml, parseSyncmlDocument('file:///m.syncml', 1, xml).problems.find((p) => p.code === 'enum-value'));
		assert.deepEqual(found, { code: 'enum-value', message: 'RA_Unsolicit_Control_List takes the item\'s value here; \'remote-control\' is how a profile writes 1.', covers: 'remote-control', fix: 'Change to 1' });
		const yaml = 'profile: P\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: Allow helpers to only view the computer\n      RA_Unsolicit_DACL_Edit: [CORP\\A]\n';
		const named = seen(yaml, parsePolicyDocument('file:///p.rapolicy.yaml', 1, yaml).problems.find((p) => p.code === 'enum-value'));
		assert.equal(named?.fix, 'Change to view-only');
		assert.equal(named?.covers, 'Allow helpers to only view the computer');
	});
});
