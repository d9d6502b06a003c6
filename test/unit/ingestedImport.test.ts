import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { runCli } from '../../server/src/cli/cli';
import { decodeFile } from '../../server/src/common/decodeFile';
import {
	blockingErrors,
	DEFAULT_SETTINGS,
	encodeIntune,
	encodePayload,
	encodeSyncml,
	importIntune,
	importSyncml,
	loadAdml,
	loadAdmx,
	parseIntuneDocument,
	parsePolicyDocument,
	parseSyncmlDocument,
	policyUri,
	resolveProfiles,
	withIngestedAdmx,
	type AdmxSource,
	type ImportResult,
	type ResolvedProfile,
} from '../../server/src/service';
import type { AdmxElement, AdmxPolicy } from '../../server/src/service/admx/admxModel';
import { itemValueText } from '../../server/src/service/policy/checkValue';
import { xmlText } from '../helpers/profiles';

const FIXTURES = path.join(__dirname, '../../../test/fixtures');

function fileText(file: string): string {
	const decoded = decodeFile(new Uint8Array(readFileSync(path.join(FIXTURES, file))));
	assert.ok('text' in decoded, file);
	return decoded.text;
}

/** An ADMX file with the en-US ADML beside it, as the editor and the command line read one. */
function fixture(admx: string): AdmxSource {
	const adml = path.join(path.dirname(admx), 'en-US', path.basename(admx).replace(/\.admx$/, '.adml'));
	const text = fileText(admx);
	return { text, admx: loadAdmx(text), adml: existsSync(path.join(FIXTURES, adml)) ? loadAdml(fileText(adml)) : undefined };
}

/** The fixtures by the names the profiles below give them, beside the profile. */
const FILES = new Map<string, AdmxSource>([
	['everything.admx', fixture('admx/everything.admx')],
	['firefox.admx', fixture('real/admx/firefox/firefox.admx')],
	['mozilla.admx', fixture('real/admx/firefox/mozilla.admx')],
]);

/** A profile that must be valid, its `admx:` entries read from `files`. */
function profileOf(yaml: string, files: ReadonlyMap<string, AdmxSource>): ResolvedProfile {
	const doc = withIngestedAdmx(parsePolicyDocument('file:///p/t.rapolicy.yaml', 1, yaml), [], (file) => files.get(file) ?? { error: `${file} is not there` });
	assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS).map((e) => `${e.code} ${e.message}`), [], yaml);
	return resolveProfiles(doc)[0];
}

/**
 * The files an import saves, read back as the profile finds them. SyncML and Intune carry no ADML;
 * the one from the fixtures stands beside each, as an admin would put it, for Intune's row names.
 */
function saved(result: ImportResult): Map<string, AdmxSource> {
	return new Map((result.admxFiles ?? []).map((file) => {
		const original = FILES.get(file.file);
		assert.equal(file.text, original?.text, `${file.file} is saved as carried`);
		return [file.file, { text: file.text, admx: loadAdmx(file.text), adml: original?.adml }];
	}));
}

/** Encodes the profile to SyncML (both encodings) and Intune JSON, imports each and encodes again: the same bytes. */
function assertRoundTrip(yaml: string): void {
	const source = profileOf(yaml, FILES);
	for (const encoding of ['escape', 'cdata'] as const) {
		const syncml = encodeSyncml(source, { encoding, fullMessage: false });
		const doc = parseSyncmlDocument('file:///p/back.syncml', 1, syncml);
		assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS), []);
		const result = importSyncml(doc);
		assert.deepEqual(result.skipped, [], encoding);
		assert.equal(encodeSyncml(profileOf(result.yaml, saved(result)), { encoding, fullMessage: false }), syncml, encoding);
	}
	const intune = JSON.stringify(encodeIntune(source).profile, null, 2);
	const result = importIntune(parseIntuneDocument('file:///p/back.json', 1, intune));
	// A custom profile cannot carry not-configured: with nothing else, the import has no policy to keep, and says so.
	if (source.policies.every((p) => p.state === 'not-configured')) {
		assert.equal(result.yaml, '');
		assert.equal(result.skipped.length, source.ingests.length);
		return;
	}
	assert.deepEqual(result.skipped, [], 'intune');
	assert.equal(JSON.stringify(encodeIntune(profileOf(result.yaml, saved(result))).profile, null, 2), intune);
}

const EVERY_KIND = `profile: Every kind
description: Each element kind of a synthetic ADMX, and a real one
admx:
  - app: Contoso
    file: everything.admx
  - app: Firefox
    file: firefox.admx
  - app: Firefox
    file: mozilla.admx
policies:
  SessionLogging: { state: enabled }
  Contoso/AllKinds:
    state: enabled
    options:
      Name: 'a "quoted" <name> & more'
      Path: "%ProgramFiles%\\\\Contoso\\ttab"
      Count: 50
      Plain: 0
      Huge: 4000000000
      Flag: true
      Simple: false
      Mode: "01:00:00"
      Lines: [one, "", "two: three"]
      Plainlist: [x, "x", "007"]
      Numbered: [first, second]
      Prefixed: ["https://a.example/?q=1&r=2"]
      Explicit: { "name one": value, "true": "false" }
      Both: {}
  Contoso/UserOnly: { state: disabled }
  Contoso/Switch: { state: not-configured }
  Contoso/Loose: { state: enabled }
  Firefox/Cookies_Allow:
    state: enabled
    options:
      Permissions: [https://example.org, https://example.com]
  Firefox/Cookies_Behavior:
    state: enabled
    options:
      Cookies_Behavior: reject-tracker
  Firefox/DisableAppUpdate: { state: disabled }
  Firefox/HomepageURL:
    state: enabled
    options:
      HomepageURL: https://intranet.example
      HomepageLocked: true
`;

describe('import of ingested ADMX policies: SyncML and Intune custom profiles', () => {
	it('a profile of every element kind round-trips through SyncML (escape and CDATA) and Intune, byte for byte', () => {
		assertRoundTrip(EVERY_KIND);
		assertRoundTrip(`${EVERY_KIND.replace('policies:', 'scope: user\npolicies:')}`);
	});

	it('reads each element as the profile writes it: lists as sequences, explicit lists as mappings, item values, true/false, numbers', () => {
		const syncml = encodeSyncml(profileOf(EVERY_KIND, FILES), { encoding: 'escape', fullMessage: false });
		const result = importSyncml(parseSyncmlDocument('file:///p/every.syncml', 1, syncml));
		assert.deepEqual(result.admxFiles?.map((f) => f.file), ['everything.admx', 'firefox.admx', 'mozilla.admx']);
		assert.equal(result.yaml, `profile: every
description: Converted from every SyncML.
admx:
  - app: Contoso
    file: everything.admx
  - app: Firefox
    file: firefox.admx
  - app: Firefox
    file: mozilla.admx
policies:
  SessionLogging: { state: enabled }
  Contoso/AllKinds:
    state: enabled
    options:
      Name: a "quoted" <name> & more
      Path: "%ProgramFiles%\\\\Contoso\\ttab"
      Count: 50
      Plain: 0
      Huge: 4000000000
      Flag: true
      Simple: false
      Mode: 01:00:00
      Lines:
        - one
        - ""
        - 'two: three'
      Plainlist:
        - x
        - x
        - '007'
      Numbered:
        - first
        - second
      Prefixed:
        - https://a.example/?q=1&r=2
      Explicit:
        name one: value
        'true': 'false'
      Both: {}
  Contoso/UserOnly: { state: disabled }
  Contoso/Switch: { state: not-configured }
  Contoso/Loose: { state: enabled }
  Firefox/Cookies_Allow:
    state: enabled
    options:
      Permissions:
        - https://example.org
        - https://example.com
  Firefox/Cookies_Behavior:
    state: enabled
    options:
      Cookies_Behavior: reject-tracker
  Firefox/DisableAppUpdate: { state: disabled }
  Firefox/HomepageURL:
    state: enabled
    options:
      HomepageURL: https://intranet.example
      HomepageLocked: true
`);
	});

	it('names what a profile cannot hold: an AppName nothing ingests, list names the ADMX does not give, a line break in a text, the other scope', () => {
		const all = './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything~Cat_Kinds/AllKinds';
		let cmdId = 0;
		const item = (command: string, uri: string, data?: string) => `<${command}><CmdID>${++cmdId}</CmdID><Item><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Target><LocURI>${uri}</LocURI></Target>${data === undefined ? '' : `<Data><![CDATA[${data}]]></Data>`}</Item></${command}>\n`;
		const message = (...items: string[]) => `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>\n${item('Add', './Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Contoso/Policy/everything', FILES.get('everything.admx')?.text)}${items.join('')}<Final/></SyncBody></SyncML>\n`;
		const imported = (text: string) => importSyncml(parseSyncmlDocument('file:///p/m.syncml', 1, text));
		const result = imported(message(
			item('Replace', './Device/Vendor/MSFT/Policy/Config/Other~Policy~Cat/Thing', '<enabled/>'),
			item('Replace', all, '<enabled/><data id="Name" value="a"/><data id="Mode" value="0"/><data id="Plainlist" value="x&#xF000;y"/>'),
			item('Replace', './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything/Switch', '<disabled/>'),
			item('Get', './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything/Switch'),
		));
		assert.deepEqual(result.skipped.map((s) => s.replace(/ \.\/\S+: /, ': ')), [
			'line 82: Replace: no ADMX ingested as Other is at hand: this file does not ingest one, and none is named as ingested elsewhere (under admx.ingested in rapolicy.json, rapolicy import --admx Other=FILE, or the rapolicy.admx.ingested setting)',
			'line 83: Replace: its payload does not fit the ADMX: In Plainlist each entry is written twice, as name and value; \'x\' is paired with \'y\'.',
			'line 85: Get: a read, not a setting',
		]);
		assert.match(result.yaml, /policies:\n {2}Contoso\/Switch: \{ state: disabled \}\n$/);

		const lines = imported(message(item('Replace', all, '<enabled/><data id="Name" value="two&#xA;lines"/><data id="Mode" value="0"/>'), item('Replace', './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything/Switch', '<disabled/>')));
		assert.deepEqual(lines.skipped.map((s) => s.replace(/ \.\/\S+: /, ': ')), ['line 82: Replace: its payload does not fit the ADMX: Name is one line of text; a line break cannot be carried in it. Write it on one line.']);

		const scopes = imported(message(
			item('Replace', all.replace('./Device/', './User/'), '<enabled/><data id="Name" value="u"/><data id="Mode" value="5"/>'),
			item('Replace', all, '<enabled/><data id="Name" value="d"/><data id="Mode" value="0"/>'),
			item('Replace', './User/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything~Cat_Own/UserOnly', '<enabled/>'),
		));
		assert.deepEqual(scopes.skipped.map((s) => s.replace(/ \.\/\S+: /, ': ')), [
			'line 82: Replace: a profile has one scope, and this one keeps the ./Device/ settings of policies whose class is Both (as many are set under each, and the device comes first); import the ./User/ ones into a profile of their own',
		]);
		assert.doesNotMatch(scopes.yaml, /scope: user/);
	});

	it('an ingestion alone makes no profile, and says why', () => {
		const text = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Add><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Contoso/Policy/everything</LocURI></Target><Data><![CDATA[${FILES.get('everything.admx')?.text}]]></Data></Item></Add><Final/></SyncBody></SyncML>`;
		const result = importSyncml(parseSyncmlDocument('file:///p/m.syncml', 1, text));
		assert.equal(result.yaml, '');
		assert.deepEqual(result.skipped, ['line 1: Add ./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Contoso/Policy/everything: none of this ADMX\'s policies is kept, and a profile holds at least one policy']);
	});
});

/** A YAML value for an element that the ADMX allows, or undefined to leave the element out. */
function optionArb(element: AdmxElement): fc.Arbitrary<string | undefined> {
	const line = (max: number, min = 0) => xmlText.filter((s) => !/[\r\n]/.test(s) && s.length >= min && s.length <= Math.min(max, 40));
	const quoted = (s: string) => JSON.stringify(s);
	const sequence = (items: readonly string[]) => `[${items.map(quoted).join(', ')}]`;
	let value: fc.Arbitrary<string>;
	switch (element.type) {
		case 'text':
			value = line(element.maxLength, element.required ? 1 : 0).map(quoted);
			break;
		case 'multiText':
			value = fc.array(line(element.maxLength), { minLength: element.required ? 1 : 0, maxLength: element.maxStrings || 4 }).map(sequence);
			break;
		case 'decimal':
		case 'longDecimal':
			value = fc.bigInt({ min: BigInt(element.minValue), max: BigInt(element.maxValue) }).map(String);
			break;
		case 'boolean':
			value = fc.boolean().map(String);
			break;
		case 'enum':
			value = fc.constantFrom(...element.items.flatMap((i) => {
				const text = itemValueText(i.value);
				return text === undefined ? [] : [i.value.kind === 'string' ? quoted(text) : text];
			}));
			break;
		case 'list': {
			// A value name may not start as a Registry.pol directive or an LGPO text comment does.
			const valueName = (min: number) => line(40, min).filter((s) => !s.startsWith('**') && !s.trimStart().startsWith(';'));
			value = element.explicitValue
				? fc.uniqueArray(fc.tuple(valueName(1), line(40)), { maxLength: 3, selector: ([name]) => name }).map((pairs) => `{ ${pairs.map(([n, v]) => `${quoted(n)}: ${quoted(v)}`).join(', ')} }`)
				: fc.array(element.valuePrefix === undefined ? valueName(0) : line(40), { maxLength: 3 }).map(sequence);
		}
	}
	const required = 'required' in element && element.required;
	return required ? value.map((v) => `      ${element.id}: ${v}\n`) : fc.option(value.map((v) => `      ${element.id}: ${v}\n`), { nil: undefined });
}

/** A policy of an ingested ADMX in one of its states, with random valid options when enabled. */
function policyArb(app: string, policy: AdmxPolicy): fc.Arbitrary<string> {
	return fc.constantFrom('enabled', 'disabled', 'not-configured').chain((state) => {
		const key = `  ${app}/${policy.name}:`;
		if (state !== 'enabled' || policy.elements.length === 0) {
			return fc.constant(`${key} { state: ${state} }\n`);
		}
		return fc.tuple(...policy.elements.map(optionArb)).map((options) => {
			const given = options.filter((o): o is string => o !== undefined);
			return given.length === 0 ? `${key} { state: enabled }\n` : `${key}\n    state: enabled\n    options:\n${given.join('')}`;
		});
	});
}

/** Random valid profiles of the synthetic ADMX's policies and a few of Firefox's, in either scope. */
function profileArb(firefoxPolicies: number): fc.Arbitrary<string> {
	const everything = FILES.get('everything.admx')?.admx.policies ?? [];
	const firefox = FILES.get('firefox.admx')?.admx.policies ?? [];
	const all = (arbs: fc.Arbitrary<string>[]): fc.Arbitrary<string[]> => (arbs.length === 0 ? fc.constant<string[]>([]) : fc.tuple(...arbs).map((t) => [...t]));
	const contoso = fc.subarray([...everything]).chain((policies) => all(policies.map((p) => policyArb('Contoso', p))));
	const mozilla = fc.uniqueArray(fc.integer({ min: 0, max: firefox.length - 1 }), { maxLength: firefoxPolicies }).chain((picked) => all(picked.map((i) => policyArb('Firefox', firefox[i]))));
	return fc.tuple(contoso, mozilla, fc.constantFrom('', 'scope: user\n'), fc.boolean())
		.filter(([a, b]) => a.length + b.length > 0)
		.map(([a, b, scope, namespace]) => `profile: Random\ndescription: Random options\nadmx:\n  - app: Contoso\n    file: everything.admx\n${b.length > 0 ? `  - app: Firefox\n    file: firefox.admx\n${namespace ? '  - app: Firefox\n    file: mozilla.admx\n' : ''}` : ''}${scope}policies:\n${[...a, ...b].join('')}`);
}

describe('import of ingested ADMX policies: properties', () => {
	it('random valid options over every element kind round-trip through SyncML and Intune, byte for byte', () => {
		fc.assert(fc.property(profileArb(0), assertRoundTrip), { seed: 11, numRuns: 200 });
	});

	it('random valid Firefox policies round-trip too', () => {
		fc.assert(fc.property(profileArb(4), assertRoundTrip), { seed: 12, numRuns: 30 });
	});
});

interface Published {
	readonly app: string;
	readonly admx: string;
	readonly policy: string;
	readonly uri: string;
	readonly ingest_uri?: string;
	readonly expect: string;
	readonly value_template: string | null;
}

describe('published working SyncML imports without loss', () => {
	const published = JSON.parse(readFileSync(path.join(FIXTURES, 'real/admx/published-uris.json'), 'utf8')) as Published[];
	// Vendors' files of categories alone are ingested beside the policies' file, as their guides say.
	const companions: Record<string, string[]> = { 'chrome/chrome.admx': ['chrome/google.admx'], 'makemeadmin/SinclairMakeMeAdmin.admx': ['makemeadmin/SinclairBase.admx'] };
	// Published with ./user, which is reported as an error.
	const working = published.filter((p) => p.expect !== 'root-case-differs');
	for (const file of new Set(working.map((p) => p.admx))) {
		const entries = working.filter((p) => p.admx === file);
		it(`${file}: the ${entries.length} published nodes with their published payloads`, () => {
			const app = entries[0].ingest_uri?.split('/')[7] ?? entries[0].app;
			let cmdId = 0;
			const install = (admx: string, uid: string) => `<Add><CmdID>${++cmdId}</CmdID><Item><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Target><LocURI>./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${app}/Policy/${uid}</LocURI></Target><Data><![CDATA[${fileText(`real/admx/${admx}`).replace(/^\uFEFF/, '')}]]></Data></Item></Add>\n`;
			// A payload with placeholders (`a | b`, STRING) stands for a choice; disabling the policy is what it says for sure.
			const payload = (entry: Published) => (entry.value_template === null || /STRING| \| | or |xxxx/.test(entry.value_template) ? '<disabled/>' : entry.value_template);
			const uid = entries[0].ingest_uri?.split('/').pop() ?? path.basename(file, '.admx');
			const text = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>\n${install(file, uid)}${(companions[file] ?? []).map((c) => install(c, path.basename(c, '.admx'))).join('')}${entries.map((e) => `<Replace><CmdID>${++cmdId}</CmdID><Item><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Target><LocURI>${e.uri}</LocURI></Target><Data><![CDATA[${payload(e)}]]></Data></Item></Replace>\n`).join('')}<Final/></SyncBody></SyncML>\n`;
			const doc = parseSyncmlDocument(`file:///p/${uid}.syncml`, 1, text);
			assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS).map((e) => e.message), []);
			const result = importSyncml(doc);
			assert.deepEqual(result.skipped, []);
			assert.equal(result.notes?.length, entries.filter((e) => e.expect === 'app-case-differs').length);
			const files = new Map((result.admxFiles ?? []).map((f) => [f.file, { text: f.text, admx: loadAdmx(f.text), adml: undefined }]));
			const back = profileOf(result.yaml, files);
			assert.deepEqual(back.policies.map((p) => [policyUri(p), encodePayload(p)]), entries.map((e) => [e.uri.replace(/Config\/[^~]+~/, `Config/${app}~`), payload(e).replace(/\n/g, '')]));
		});
	}
});

/** Runs the CLI in `cwd`, keeping what it writes to each stream. */
function run(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
	let stdout = '';
	let stderr = '';
	const code = runCli(args, { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (file) => readFileSync(path.resolve(cwd, file)) });
	return { code, stdout, stderr };
}

describe('rapolicy import: ADMX files beside the profile', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-ingested-import-'));
	mkdirSync(path.join(dir, 'en-US'));
	for (const name of ['everything', 'firefox']) {
		const from = name === 'everything' ? path.join(FIXTURES, 'admx') : path.join(FIXTURES, 'real/admx/firefox');
		copyFileSync(path.join(from, `${name}.admx`), path.join(dir, `${name}.admx`));
		copyFileSync(path.join(from, 'en-US', `${name}.adml`), path.join(dir, 'en-US', `${name}.adml`));
	}
	writeFileSync(path.join(dir, 'source.rapolicy.yaml'), EVERY_KIND.replace(/ {2}- app: Firefox\n {4}file: mozilla.admx\n/, ''));
	const encoded = (args: string[]) => {
		const out = run(['encode', ...args, 'source.rapolicy.yaml'], dir);
		assert.equal(out.code, 0, out.stderr);
		return out.stdout;
	};

	for (const encoding of ['escape', 'cdata']) {
		it(`SyncML (${encoding}): writes each ADMX it carries as <FileUid>.admx beside -o, and the profile encodes to the same bytes`, () => {
			const syncml = encoded(['--to', 'syncml', '--encoding', encoding]);
			writeFileSync(path.join(dir, `${encoding}.syncml`), syncml);
			const out = run(['import', `${encoding}.syncml`, '-o', `${encoding}/back.rapolicy.yaml`], dir);
			assert.equal(out.code, 0, out.stderr);
			assert.equal(out.stderr, [
				`wrote ${encoding}/everything.admx; put its ADML in en-US/ beside it for the display names`,
				`wrote ${encoding}/firefox.admx; put its ADML in en-US/ beside it for the display names`,
				`wrote ${encoding}/back.rapolicy.yaml`,
				'',
			].join('\n'));
			assert.equal(readFileSync(path.join(dir, encoding, 'firefox.admx'), 'utf8'), readFileSync(path.join(dir, 'firefox.admx'), 'utf8'));
			const again = run(['encode', '--to', 'syncml', '--encoding', encoding, `${encoding}/back.rapolicy.yaml`], dir);
			assert.equal(again.stdout, syncml);
		});
	}

	it('Intune: the export\'s name and description come back, and beside the source its ADML too: the same bytes', () => {
		const json = encoded(['--to', 'intune']);
		writeFileSync(path.join(dir, 'intune.json'), json);
		const out = run(['import', 'intune.json', '-o', 'intune.rapolicy.yaml'], dir);
		assert.equal(out.code, 0, out.stderr);
		assert.equal(out.stderr, 'kept everything.admx (the same ADMX)\nkept firefox.admx (the same ADMX)\nwrote intune.rapolicy.yaml\n');
		assert.equal(run(['encode', '--to', 'intune', 'intune.rapolicy.yaml'], dir).stdout, json);
	});

	it('never writes through a link standing where an ADMX goes, and a failed import leaves no file it wrote', () => {
		mkdirSync(path.join(dir, 'linked'));
		const outside = path.join(dir, 'outside-target');
		symlinkSync(outside, path.join(dir, 'linked', 'firefox.admx'));
		const out = run(['import', 'escape.syncml', '-o', 'linked/back.rapolicy.yaml'], dir);
		assert.equal(out.code, 2);
		assert.match(out.stderr, /linked\/firefox\.admx exists \(a file or a link\); it is not written over; nothing was written/);
		assert.equal(existsSync(outside), false, 'the link was not followed');
		assert.equal(existsSync(path.join(dir, 'linked', 'everything.admx')), false, 'the file written before the failure was removed');
		assert.equal(existsSync(path.join(dir, 'linked', 'back.rapolicy.yaml')), false);
	});

	it('a profile file that exists is not written over, and nothing else is written', () => {
		mkdirSync(path.join(dir, 'again'));
		writeFileSync(path.join(dir, 'again', 'back.rapolicy.yaml'), 'mine');
		const out = run(['import', 'escape.syncml', '-o', 'again/back.rapolicy.yaml'], dir);
		assert.equal(out.code, 2);
		assert.match(out.stderr, /again\/back\.rapolicy\.yaml exists \(a file or a link\); it is not written over; nothing was written/);
		assert.equal(readFileSync(path.join(dir, 'again', 'back.rapolicy.yaml'), 'utf8'), 'mine');
		assert.equal(existsSync(path.join(dir, 'again', 'everything.admx')), false);
	});

	it('refuses to overwrite another file of the same name, and writes nothing; --admx-dir saves them elsewhere', () => {
		mkdirSync(path.join(dir, 'taken'));
		writeFileSync(path.join(dir, 'taken', 'firefox.admx'), '<policyDefinitions/>');
		const out = run(['import', 'escape.syncml', '-o', 'taken/back.rapolicy.yaml'], dir);
		assert.equal(out.code, 1);
		assert.match(out.stderr, /taken\/firefox\.admx exists and holds another file; it is not overwritten, so nothing was written/);
		assert.equal(existsSync(path.join(dir, 'taken', 'everything.admx')) || existsSync(path.join(dir, 'taken', 'back.rapolicy.yaml')), false);
		const elsewhere = run(['import', 'escape.syncml', '-o', 'taken/back.rapolicy.yaml', '--admx-dir', 'taken/admx'], dir);
		assert.equal(elsewhere.code, 0, elsewhere.stderr);
		assert.match(readFileSync(path.join(dir, 'taken', 'back.rapolicy.yaml'), 'utf8'), /admx:\n {2}- app: Contoso\n {4}file: admx\/everything\.admx\n/);
		assert.equal(run(['encode', '--to', 'syncml', 'taken/back.rapolicy.yaml'], dir).stdout, readFileSync(path.join(dir, 'escape.syncml'), 'utf8'));
	});

	it('--admx APP=FILE: the policies of an ADMX ingested elsewhere, with an admx entry naming the file relative to the profile', () => {
		const syncml = readFileSync(path.join(dir, 'escape.syncml'), 'utf8');
		// The same message without its ingestions, as another profile would send them.
		const settings = syncml.replace(/ {4}<Add>[\s\S]*?<\/Add>\n/g, '');
		writeFileSync(path.join(dir, 'settings.syncml'), settings);
		const without = run(['import', 'settings.syncml'], dir);
		assert.match(without.stderr, /not converted: line \d+: Replace \.\/Device\/Vendor\/MSFT\/Policy\/Config\/Firefox~Policy~firefox~Cookies\/Cookies_Allow: no ADMX ingested as Firefox is at hand/);
		const out = run(['import', 'settings.syncml', '--admx', 'Contoso=everything.admx', '--admx', 'Firefox=firefox.admx', '-o', 'elsewhere/settings.rapolicy.yaml'], dir);
		assert.equal(out.code, 0, out.stderr);
		assert.equal(out.stderr, 'note: ../everything.admx is ingested elsewhere; the profile names it under admx:, so what it exports ingests it too\nnote: ../firefox.admx is ingested elsewhere; the profile names it under admx:, so what it exports ingests it too\nwrote elsewhere/settings.rapolicy.yaml\n');
		assert.match(readFileSync(path.join(dir, 'elsewhere', 'settings.rapolicy.yaml'), 'utf8'), /admx:\n {2}- app: Contoso\n {4}file: \.\.\/everything\.admx\n {2}- app: Firefox\n {4}file: \.\.\/firefox\.admx\n/);
		// Its export now ingests them first, then sets the same policies.
		assert.equal(run(['encode', '--to', 'syncml', 'elsewhere/settings.rapolicy.yaml'], dir).stdout, syncml);
	});
});
