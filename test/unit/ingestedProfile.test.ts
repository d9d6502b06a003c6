import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { decodeFile } from '../../server/src/common/decodeFile';
import {
	encodeFleet, encodeIntune, encodeLgpoText, encodePayload, encodeRegistryPol, encodeSettingsCatalog, encodeSyncml, getDiagnostics, loadAdml, loadAdmx,
	parseDocument, parseIntuneDocument, parseSyncmlDocument, policyUri, profilesToYaml, resolveProfiles, unresolvedIngested, withIngestedAdmx, DEFAULT_SETTINGS,
	type AdmxSource, type ParsedDocument, type ReadAdmx,
} from '../../server/src/service';
import { readRegistryPol } from '../../server/src/service/gpo/registryPol';
import { minimalAdmx } from '../helpers/admxText';

const ROOT = path.join(__dirname, '../../../test/fixtures');
const text = (file: string) => {
	const decoded = decodeFile(new Uint8Array(readFileSync(path.join(ROOT, file))));
	assert.ok('text' in decoded);
	return decoded.text.replace(/^\uFEFF/, '');
};

/** Files as a profile beside the fixtures names them: `everything.admx`, `firefox/firefox.admx`, … */
const FILES: Record<string, string> = {
	'admx/everything.admx': 'admx',
	'ff/firefox.admx': 'real/admx/firefox',
	'ff/mozilla.admx': 'real/admx/firefox',
};
const read: ReadAdmx = (file) => {
	const folder = FILES[file];
	if (!folder) {
		return { error: `${file} does not exist.` };
	}
	const name = path.basename(file);
	const adml = name.replace(/\.admx$/, '.adml');
	const source: AdmxSource = { admx: loadAdmx(text(`${folder}/${name}`)), adml: loadAdml(text(`${folder}/en-US/${adml}`)), text: text(`${folder}/${name}`) };
	return source;
};

const HEAD = 'profile: P\nadmx:\n  - app: Contoso\n    file: admx/everything.admx\n';
const FIREFOX = 'profile: Firefox baseline\nadmx:\n  - app: Firefox\n    file: ff/firefox.admx\n  - app: Firefox\n    file: ff/mozilla.admx\n';

function profile(yaml: string): ParsedDocument {
	return withIngestedAdmx(parseDocument('file:///w/p.rapolicy.yaml', 1, yaml, 'rapolicy'), [], read);
}

/** The problems as `code: covered text`. */
function problems(yaml: string): string[] {
	return profile(yaml).problems.map((p) => `${p.code}: ${yaml.slice(p.span.start, p.span.end)}`);
}

/** The text with the preferred fix of the first problem of `code` applied. */
function fixed(yaml: string, code: string): string {
	const problem = profile(yaml).problems.find((p) => p.code === code);
	const fix = problem?.fixes?.find((f) => f.preferred) ?? problem?.fixes?.[0];
	assert.ok(fix, `a fix for ${code}`);
	let out = yaml;
	for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
		out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
	}
	return out;
}

const ALL_KINDS = `${HEAD}policies:
  Contoso/AllKinds:
    state: enabled
    options:
      Name: Helpdesk
      Path: '%ProgramFiles%\\Contoso'
      Count: 12
      Plain: 300
      Huge: 3000000000
      Flag: true
      Simple: false
      Mode: "01:00:00"
      Lines: [first, second]
      Plainlist: [a, b]
      Numbered: [x, y]
      Prefixed: [one.example, two.example]
      Explicit: { alpha: '1', beta: two }
      Both: { k: v }
  Contoso/Switch: { state: disabled }
  Contoso/Loose: { state: not-configured }
`;

describe('profiles of ingested ADMX policies: validation', () => {
	it('a profile that sets every element kind validates clean', () => {
		assert.deepEqual(problems(ALL_KINDS), []);
		assert.deepEqual(problems(`${FIREFOX}policies:\n  Firefox/DisableAppUpdate: { state: enabled }\n  Firefox/Cookies_Allow:\n    state: enabled\n    options:\n      Permissions: [https://example.org, https://example.com]\n`), []);
	});

	it('reports each element value that the ADMX refuses, at the value', () => {
		const yaml = ALL_KINDS.replace('Count: 12', 'Count: 51').replace('Flag: true', 'Flag: 1').replace('Mode: "01:00:00"', 'Mode: Fast').replace('Lines: [first, second]', 'Lines: [a, b, c, d]')
			.replace('Name: Helpdesk', `Name: ${'n'.repeat(41)}`).replace('Plainlist: [a, b]', 'Plainlist: a').replace('Explicit: { alpha: \'1\', beta: two }', 'Explicit: [alpha]');
		assert.deepEqual(problems(yaml).sort(), [
			// Name takes 40 characters: the problem is on the 41st.
			'text-too-long: n',
			'decimal-range: 51',
			'value-type: 1',
			'enum-value: Fast',
			'list-encoding: [a, b, c, d]',
			'value-type: a',
			'value-type: [alpha]',
		].sort());
	});

	it('offers the fixes an admin expects: the item value for a display name, true for 1, a list for one entry', () => {
		assert.match(fixed(ALL_KINDS.replace('Mode: "01:00:00"', 'Mode: Fast'), 'enum-value'), /Mode: 5\n/);
		assert.match(fixed(ALL_KINDS.replace('Flag: true', 'Flag: 1'), 'value-type'), /Flag: true\n/);
		assert.match(fixed(ALL_KINDS.replace('Plainlist: [a, b]', 'Plainlist: a'), 'value-type'), /Plainlist: \[ ?a ?\]\n/);
		assert.match(fixed(ALL_KINDS.replace('Count: 12', 'Count: "12"'), 'value-type'), /Count: 12\n/);
	});

	it('names the policy, element and AppName that do not exist, with the one meant', () => {
		const yaml = `${HEAD}policies:\n  Contoso/AllKind: { state: enabled }\n  Contoso/switch: { state: enabled }\n  contoso/Loose: { state: enabled }\n  Fabrikam/X: { state: enabled }\n  Contoso/AllKinds:\n    state: enabled\n    options:\n      name: A\n      Mode: 0\n      AllKinds: 1\n`;
		const found = problems(yaml);
		assert.deepEqual(found.sort(), [
			'unknown-policy: AllKind',
			'unknown-policy: switch',
			'ingested-app: contoso',
			'ingested-app: Fabrikam',
			'unknown-option: name',
			'unknown-option: AllKinds',
		].sort());
		const doc = profile(yaml);
		const message = (covered: string) => doc.problems.find((p) => yaml.slice(p.span.start, p.span.end) === covered)?.message ?? '';
		assert.match(message('AllKind'), /Did you mean AllKinds\?/);
		assert.match(message('switch'), /case sensitive.*Switch/);
		assert.match(message('name'), /case sensitive: write Name/);
		assert.match(message('AllKinds'), /keyed by element id, not by the policy's name/);
		assert.match(fixed(yaml, 'unknown-policy'), /Contoso\/AllKinds: \{ state: enabled \}\n  Contoso\/switch/);
	});

	it('an enabled policy without a required element is reported with a fix that adds it with the ADML default', () => {
		const yaml = `${HEAD}policies:\n  Contoso/AllKinds:\n    state: enabled\n    options:\n      Count: 2\n`;
		assert.deepEqual(problems(yaml), ['missing-option: options']);
		const after = fixed(yaml, 'missing-option');
		assert.match(after, /Name: "Contoso"/);
		assert.match(after, /Mode: 5/);
	});

	it('reports the admx entries it cannot use, at the entry', () => {
		const yaml = 'profile: P\nadmx:\n  - app: Con toso\n    file: admx/everything.admx\n  - app: Contoso\n    file: admx/missing.admx\n  - app: Contoso\n    file: notes.txt\n  - app: Contoso\n    file: admx/everything.admx\n  - app: Contoso\n    file: admx/everything.admx\npolicies:\n  Contoso/Loose: { state: enabled }\n';
		assert.deepEqual(problems(yaml), ['admx-entry:  ', 'admx-entry: admx/missing.admx', 'admx-entry: notes.txt', 'admx-entry: admx/everything.admx']);
		assert.match(fixed(yaml, 'admx-entry'), /app: Contoso\n/);
	});

	it('scope user is allowed once the profile ingests ADMX files, and still refused for Remote Assistance alone', () => {
		assert.deepEqual(problems(`${HEAD}scope: user\npolicies:\n  Contoso/AllKinds: { state: disabled }\n`), []);
		assert.deepEqual(problems('profile: P\nscope: user\npolicies:\n  SessionLogging: { state: enabled }\n'), ['invalid-scope: user']);
	});

	it('an ingested policy of an AppName nothing ingests is a warning while editing and refused by the encoders', () => {
		const doc = profile('profile: P\npolicies:\n  Firefox/DisableAppUpdate: { state: enabled }\n');
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => [d.code, d.severity]), [['ingested-app', 2]]);
		assert.deepEqual(unresolvedIngested(doc), ['Firefox/DisableAppUpdate']);
	});
});

describe('profiles of ingested ADMX policies: encoding', () => {
	it('derives the vendor\'s published URIs and payloads', () => {
		const [resolved] = resolveProfiles(profile(`${FIREFOX}policies:\n  Firefox/DisableAppUpdate: { state: enabled }\n  Firefox/Cookies_Allow:\n    state: enabled\n    options:\n      Permissions: [https://example.org, https://example.com]\n`));
		assert.deepEqual(resolved.policies.map((p) => [policyUri(p), encodePayload(p)]), [
			['./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/DisableAppUpdate', '<enabled/>'],
			['./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox~Cookies/Cookies_Allow', '<enabled/><data id="Permissions" value="1&#xF000;https://example.org&#xF000;2&#xF000;https://example.com"/>'],
		]);
	});

	it('places class Both policies by the scope, and User policies under ./User', () => {
		const [device] = resolveProfiles(profile(`${HEAD}policies:\n  Contoso/AllKinds: { state: disabled }\n  Contoso/UserOnly: { state: enabled }\n`));
		const [user] = resolveProfiles(profile(`${HEAD}scope: user\npolicies:\n  Contoso/AllKinds: { state: disabled }\n`));
		assert.match(policyUri(device.policies[0]), /^\.\/Device\//);
		assert.match(policyUri(device.policies[1]), /^\.\/User\//);
		assert.match(policyUri(user.policies[0]), /^\.\/User\//);
	});

	it('SyncML and Fleet ingest each ADMX first; the Intune profile has the ingestion rows first; all read back clean', () => {
		const [resolved] = resolveProfiles(profile(ALL_KINDS));
		const syncml = encodeSyncml(resolved, { encoding: 'cdata', fullMessage: false });
		assert.ok(syncml.indexOf('ADMXInstall/Contoso/Policy/everything') < syncml.indexOf('<Replace>'));
		assert.match(syncml, /<Data><!\[CDATA\[<\?xml/);
		const intune = encodeIntune(resolved).profile;
		assert.match(intune.omaSettings[0].omaUri, /ADMXInstall\/Contoso\/Policy\/everything$/);
		const fleet = encodeFleet(resolved, 'escape').profile;
		assert.match(fleet, /^<Add>/);
		// Everything outside the ADMX text itself (whose own schema warnings are the fixture's) is clean.
		for (const [doc, end] of [
			[parseSyncmlDocument('file:///m.syncml', 1, syncml), syncml.lastIndexOf('</policyDefinitions>')],
			[parseSyncmlDocument('file:///m.syncml', 1, encodeSyncml(resolved, { encoding: 'escape', fullMessage: true })), Infinity],
			[parseIntuneDocument('file:///m.json', 1, JSON.stringify(intune, null, 2)), Infinity],
		] as const) {
			const outside = doc.problems.filter((p) => p.span.start > end || (end === Infinity && !p.code.startsWith('admx-')));
			assert.deepEqual(outside.map((p) => `${p.code}: ${p.message}`), []);
		}
	});

	it('an AppName or policy name holding & or < is escaped in each LocURI, so the SyncML stays well-formed and reads back the same nodes', () => {
		const admx = minimalAdmx('P&amp;Q');
		const source: AdmxSource = { admx: loadAdmx(admx), adml: undefined, text: admx };
		const doc = withIngestedAdmx(parseDocument('file:///w/p.rapolicy.yaml', 1, 'profile: P\nadmx:\n  - app: "A<B&C"\n    file: t.admx\npolicies:\n  "A<B&C/P&Q": { state: disabled }\n', 'rapolicy'), [], () => source);
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.message), []);
		const [resolved] = resolveProfiles(doc);
		for (const encoding of ['cdata', 'escape'] as const) {
			const syncml = parseSyncmlDocument('file:///m.syncml', 1, encodeSyncml(resolved, { encoding, fullMessage: false }));
			assert.deepEqual(syncml.problems.filter((p) => p.code.startsWith('xml-')).map((p) => p.message), [], encoding);
			assert.deepEqual(syncml.chunks.flatMap((c) => c.result.command.items.map((i) => i.locUri?.value)), [
				'./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/A<B&C/Policy/t',
				'./Device/Vendor/MSFT/Policy/Config/A<B&C~Policy~Cat/P&Q',
			], encoding);
		}
	});

	it('the Group Policy channels write the ADMX registry model; the settings catalog leaves ingested policies out and says so', () => {
		const [resolved] = resolveProfiles(profile(`${FIREFOX}policies:\n  Firefox/DisableAppUpdate: { state: enabled }\n`));
		assert.match(encodeLgpoText(resolved), /Computer\nSoftware\\Policies\\Mozilla\\Firefox\nDisableAppUpdate\nDWORD:1/);
		const pol = readRegistryPol(encodeRegistryPol(resolved));
		assert.ok(pol.records.some((r) => r.kind === 'set' && r.name === 'DisableAppUpdate' && r.data === '1'));
		assert.deepEqual(encodeSettingsCatalog(resolved).ingested, ['Firefox/DisableAppUpdate']);
	});
});

/** Random options AllKinds takes, written as YAML. */
const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._:\\-]{0,11}$/).filter((s) => s.trim() === s);
const quoted = (s: string) => JSON.stringify(s);
const allKindsOptions = fc.record({
	Name: word.map(quoted),
	Path: word.map(quoted),
	Count: fc.integer({ min: 1, max: 50 }).map(String),
	Plain: fc.integer({ min: 0, max: 9999 }).map(String),
	Huge: fc.integer({ min: 0, max: 4000000000 }).map(String),
	Flag: fc.boolean().map(String),
	Simple: fc.boolean().map(String),
	Mode: fc.constantFrom('0', '5', '"01:00:00"'),
	Lines: fc.array(word, { maxLength: 3 }).map((a) => `[${a.map(quoted).join(', ')}]`),
	Plainlist: fc.uniqueArray(word, { maxLength: 4 }).map((a) => `[${a.map(quoted).join(', ')}]`),
	Numbered: fc.array(word, { maxLength: 4 }).map((a) => `[${a.map(quoted).join(', ')}]`),
	Prefixed: fc.array(word, { maxLength: 4 }).map((a) => `[${a.map(quoted).join(', ')}]`),
	Explicit: fc.uniqueArray(fc.tuple(word, word), { maxLength: 3, selector: ([k]) => k }).map((a) => `{ ${a.map(([k, v]) => `${quoted(k)}: ${quoted(v)}`).join(', ')} }`),
}, { requiredKeys: ['Name', 'Mode'] });

describe('profiles of ingested ADMX policies: properties', () => {
	it('a text that YAML would read as a number is quoted when written back', () => {
		const yaml = `${HEAD}policies:\n  Contoso/AllKinds:\n    state: enabled\n    options:\n      Name: "0."\n      Mode: 0\n`;
		const again = profilesToYaml(resolveProfiles(profile(yaml)));
		assert.match(again, /Name: '0\.'/);
		assert.deepEqual(problems(again), []);
	});

	it('random valid options validate clean, encode to a clean SyncML message, and write back to a profile that encodes the same', () => {
		fc.assert(fc.property(allKindsOptions, fc.constantFrom('device', 'user'), (options, scope) => {
			const lines = Object.entries(options).map(([id, value]) => `      ${id}: ${value}`);
			const yaml = `${HEAD}scope: ${scope}\npolicies:\n  Contoso/AllKinds:\n    state: enabled\n    options:\n${lines.join('\n')}\n  Contoso/Switch: { state: disabled }\n`;
			assert.deepEqual(problems(yaml), []);
			const [resolved] = resolveProfiles(profile(yaml));
			const syncml = encodeSyncml(resolved, { encoding: 'escape', fullMessage: false });
			const end = syncml.lastIndexOf('&lt;/policyDefinitions&gt;');
			assert.deepEqual(parseSyncmlDocument('file:///m.syncml', 1, syncml).problems.filter((p) => p.span.start > end).map((p) => p.message), []);
			// The profile the encoder writes back reads as the same policies.
			const again = profilesToYaml([resolved]);
			assert.deepEqual(problems(again), []);
			const [back] = resolveProfiles(profile(again));
			assert.equal(encodeSyncml(back, { encoding: 'escape', fullMessage: false }), syncml);
		}), { numRuns: 60, seed: 14 });
	});
});
