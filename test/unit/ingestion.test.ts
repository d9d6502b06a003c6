import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { decodeFile } from '../../server/src/common/decodeFile';
import { getHover, languageOf, parseIntuneDocument, parseSyncmlDocument } from '../../server/src/service';
import type { AdmxElement } from '../../server/src/service/admx/admxModel';
import { configNode } from '../../server/src/service/ingestion/configUri';
import { readAdmx } from '../../server/src/service/admx/readAdmx';
import type { Problem } from '../../server/src/service/problems/problem';

const DIR = path.join(__dirname, '../../../test/fixtures/real/admx');
const admxText = (file: string) => {
	const decoded = decodeFile(new Uint8Array(readFileSync(path.join(DIR, file))));
	assert.ok('text' in decoded);
	return decoded.text.replace(/^\uFEFF/, '');
};

const item = (uri: string, data: string | undefined, format = 'chr') =>
	`<Item><Meta><Format xmlns="syncml:metinf">${format}</Format></Meta><Target><LocURI>${uri}</LocURI></Target>${data === undefined ? '' : `<Data>${data}</Data>`}</Item>`;
const cdata = (text: string) => `<![CDATA[${text}]]>`;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let cmdId = 0;
const command = (name: string, body: string) => `<${name}><CmdID>${++cmdId}</CmdID>${body}</${name}>`;
const message = (...commands: string[]) => `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>${commands.join('')}<Final/></SyncBody></SyncML>`;
const ingest = (app: string, file: string, uid = 'Admx1') => command('Add', item(`./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${app}/Policy/${uid}`, cdata(admxText(file))));

/** The problems of a message outside the ingested ADMX text, as `code: covered text`. */
function problems(text: string): { list: string[]; all: Problem[] } {
	const doc = parseSyncmlDocument('file:///m.syncml', 1, text);
	const admxEnd = text.lastIndexOf('</policyDefinitions>');
	const outside = doc.problems.filter((p) => p.span.start > admxEnd);
	return { list: outside.map((p) => `${p.code}${p.severity ? `/${p.severity}` : ''}: ${text.slice(p.span.start, p.span.end)}`), all: outside };
}

/** The text with the preferred fix of the first problem of `code` applied. */
function fixed(text: string, all: readonly Problem[], code: string): string {
	const fix = all.find((p) => p.code === code)?.fixes?.find((f) => f.preferred) ?? all.find((p) => p.code === code)?.fixes?.[0];
	assert.ok(fix, `a fix for ${code}`);
	let result = text;
	for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
		result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
	}
	return result;
}

const FIREFOX = './Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox';

describe('ingested ADMX policies in SyncML', () => {
	it('a correct Firefox profile: the ADMX ingested first, then its policies with their element ids, checks clean', () => {
		const text = message(
			ingest('Firefox', 'firefox/firefox.admx'),
			command('Replace', item(`${FIREFOX}/DisableAppUpdate`, escape('<enabled/>'))),
			command('Replace', item(`${FIREFOX}~Cookies/Cookies_Behavior`, escape('<enabled/><data id="Cookies_Behavior" value="reject-tracker"/>'))),
			command('Replace', item(`${FIREFOX}/AppUpdatePin`, escape('<enabled/><data id="String" value="106."/>'))),
			command('Replace', item(`${FIREFOX}~Permissions~Camera/Camera_Allow`, escape('<enabled/><data id="Permissions" value="1&#xF000;https://example.org&#xF000;2&#xF000;https://example.com"/>'))),
			command('Delete', item(`${FIREFOX}/DisableTelemetry`, undefined)),
		);
		assert.deepEqual(problems(text).list, []);
	});

	it('the ADMX carried in CDATA is linted in place: a line break before <?xml is an error at its characters', () => {
		const text = message(command('Add', item('./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Contoso/Policy/One', cdata(`\n${admxText('w32-example/AppAdmxFile01.admx').replace(/^\s*/, '<?xml version="1.0" encoding="utf-8"?>\n')}`))));
		const doc = parseSyncmlDocument('file:///m.syncml', 1, text);
		const before = doc.problems.find((p) => p.code === 'admx-ingestion');
		assert.equal(before?.severity, 'error');
		assert.equal(text.slice(before.span.start, before.span.end), '\n');
	});

	it('names a policy of an AppName nothing ingests, and one configured before its ingestion', () => {
		assert.deepEqual(problems(message(command('Replace', item(`${FIREFOX}/DisableAppUpdate`, escape('<enabled/>'))))).list, ['ingested-app: Firefox']);
		const late = message(command('Replace', item(`${FIREFOX}/DisableAppUpdate`, escape('<enabled/>'))), ingest('Firefox', 'firefox/firefox.admx'));
		const doc = parseSyncmlDocument('file:///m.syncml', 1, late);
		assert.match(doc.problems.find((p) => p.code === 'ingested-app')?.message ?? '', /before the ADMX is ingested further down/);
	});

	it('an enum position, a checkbox written 0/1, a number out of range, a payload on a policy without elements', () => {
		const text = message(
			ingest('Firefox', 'firefox/firefox.admx'),
			command('Replace', item(`${FIREFOX}~Cookies/Cookies_Behavior`, escape('<enabled/><data id="Cookies_Behavior" value="4"/>'))),
			command('Replace', item(`${FIREFOX}/DisableAppUpdate`, escape('<enabled/><data id="DisableAppUpdate" value="1"/>'))),
		);
		const { list, all } = problems(text);
		assert.deepEqual(list, ['enum-value: 4', 'unknown-option: DisableAppUpdate']);
		assert.match(all[0].message, /takes an item's value, not its position: the item at position 4 has the value reject-tracker/);
		assert.match(fixed(text, all, 'enum-value'), /value="reject-tracker"/);
		assert.doesNotMatch(fixed(text, all, 'unknown-option'), /DisableAppUpdate" value/);
	});
});

interface WrongEntry {
	readonly app: string;
	readonly admx: string | null;
	readonly policy: string;
	readonly uri: string | null;
	readonly area?: string;
	readonly kind: string;
	readonly correct_uri: string | null;
	readonly payload: string | null;
	readonly correct_payload: string | null;
}

/** What each kind of published mistake is reported as; value-template and value-whitespace are well-formed and stay unreported. */
const EXPECTED: Readonly<Record<string, string | undefined>> = {
	'space-in-area': 'ingested-uri',
	'backslash-separator': 'ingested-uri',
	'slash-in-area': 'ingested-uri',
	'wrong-category': 'ingested-uri',
	'wrong-policy-name': 'ingested-uri',
	'version-drift': 'ingested-uri',
	'missing-dot-root': 'ingested-uri',
	'empty-area-segment': 'ingested-uri',
	'data-id-is-policy-name': 'unknown-option',
	'wrong-data-id': 'unknown-option',
	'format-int': 'invalid-format',
	'bad-state-element': 'payload-syntax',
};

describe('published mistakes (test/fixtures/real/admx/published-wrong-uris.json) are reported, with the published fix', () => {
	const entries = JSON.parse(readFileSync(path.join(DIR, 'published-wrong-uris.json'), 'utf8')) as WrongEntry[];
	for (const entry of entries) {
		const code = EXPECTED[entry.kind];
		const uri = entry.uri ?? (entry.area ? `./Device/Vendor/MSFT/Policy/Config/${entry.area.includes('\\') ? entry.area : `${entry.area}/${entry.policy}`}` : entry.correct_uri);
		if (!code || !uri) {
			continue;
		}
		it(`${entry.kind}: ${entry.app} ${entry.policy}`, () => {
			// Entries whose published value was not kept are given the data id the mistake names.
			const wrongId = /uses data id "([^"]+)"/.exec((entry as { wrong?: string }).wrong ?? '')?.[1];
			const payload = entry.payload ?? (wrongId ? `<enabled/><data id="${wrongId}" value="{}"/>` : '<enabled/>');
			const format = entry.kind === 'format-int' ? 'int' : 'chr';
			const setting = command('Replace', item(uri, escape(payload), format));
			const text = entry.admx ? message(ingest(entry.app === 'chrome' ? 'Chrome' : entry.app, entry.admx), setting) : message(setting);
			const { list, all } = problems(text);
			assert.ok(all.some((p) => p.code === code), `${code} among ${list.join(' | ')}`);
			if (code === 'ingested-uri' && entry.admx && entry.correct_uri) {
				assert.ok(fixed(text, all, code).includes(`<LocURI>${entry.correct_uri}</LocURI>`), 'the fix writes the published correction');
			}
			const rightId = entry.correct_payload ? /<data id="([^"]+)"/.exec(entry.correct_payload)?.[1] : /element id of this policy is "([^"]+)"/.exec((entry as { wrong?: string }).wrong ?? '')?.[1];
			if (code === 'unknown-option' && entry.admx && rightId) {
				const id = rightId;
				assert.ok(fixed(text, all, code).includes(escape(`<data id="${id}"`)), `the fix writes the id ${id}`);
			}
		});
	}
});

describe('ingested ADMX policies in an Intune custom profile', () => {
	const row = (omaUri: string, value: unknown, type = 'String') => ({ '@odata.type': `#microsoft.graph.omaSetting${type}`, displayName: omaUri.split('/').pop(), omaUri, value });
	const exportOf = (...rows: object[]) => JSON.stringify({ '@odata.type': '#microsoft.graph.windows10CustomConfiguration', displayName: 'Firefox', omaSettings: rows }, null, 2);

	it('checks each row against the ADMX another row ingests: the data id, the data type, the node', () => {
		const text = exportOf(
			row('./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/Firefox/Policy/FirefoxAdmx', admxText('firefox/firefox.admx')),
			row(`${FIREFOX}/AppUpdatePin`, '<enabled/><data id="AppUpdatePin" value="106."/>'),
			row(`${FIREFOX}/DisableAppUpdate`, 1, 'Integer'),
			row(`${FIREFOX}/Cookies_Behavior`, '<enabled/><data id="Cookies_Behavior" value="reject-tracker"/>'),
		);
		const doc = parseIntuneDocument('file:///firefox.json', 1, text);
		const found = doc.problems.filter((p) => !p.code.startsWith('admx-')).map((p) => `${p.code}: ${text.slice(p.span.start, p.span.end)}`);
		assert.deepEqual(found, ['oma-data-type: #microsoft.graph.omaSettingInteger', 'unknown-option: AppUpdatePin', `ingested-uri: ${FIREFOX}/Cookies_Behavior`]);
		assert.equal(doc.language, 'intune');
		// The rows are kept for import, which reads them into a profile with an admx entry; the
		// Integer row is an error, which keeps the export from being imported at all.
		assert.deepEqual(doc.skipped, []);
		assert.deepEqual(doc.ingested.map((w) => w.kind), ['install', 'configure', 'configure']);
	});

	it('is served as an Intune export even without a Remote Assistance setting', () => {
		const text = exportOf(row('./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/W/Policy/W', admxText('wau/WAU.admx')));
		assert.equal(languageOf('file:///wau.json', 'json', text), 'intune');
	});
});

describe('valid payloads of real ADMX policies check clean (property)', () => {
	const SETS = [['Firefox', 'firefox/firefox.admx'], ['Chrome', 'chrome/chrome.admx'], ['WAU', 'wau/WAU.admx'], ['MakeMeAdmin', 'makemeadmin/SinclairMakeMeAdmin.admx']] as const;
	const loaded = SETS.map(([app, file]) => ({ app, text: admxText(file), admx: readAdmx(admxText(file)) }));
	const word = fc.stringMatching(/^[A-Za-z0-9._:-]{1,12}$/);
	const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

	/** A value each element takes, as its data item writes it. */
	const valueOf = (element: AdmxElement): fc.Arbitrary<string> => {
		switch (element.type) {
			case 'decimal':
			case 'longDecimal':
				return fc.integer({ min: element.minValue, max: Math.min(element.maxValue, 2 ** 31) }).map(String);
			case 'boolean':
				return fc.constantFrom('true', 'false');
			case 'enum':
				return fc.constantFrom(...element.items.flatMap((i) => (i.value.kind === 'delete' ? [] : [String(i.value.value)])));
			case 'text':
				return word.map((w) => w.slice(0, element.maxLength));
			case 'multiText':
				return fc.array(word, { minLength: 1, maxLength: element.maxStrings || 3 }).map((s) => s.join('\uF000'));
			case 'list':
				return fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).map((entries) => entries.flatMap((e, i) => [element.explicitValue ? `name${i}` : element.valuePrefix === undefined ? e : `${element.valuePrefix}${i + 1}`, e]).join('\uF000'));
		}
	};
	const setting = fc.constantFrom(...loaded).chain((set) => fc.constantFrom(...set.admx.policies.filter((p) => p.elements.every((e) => e.type !== 'enum' || e.items.some((i) => i.value.kind !== 'delete')))).chain((policy) =>
		fc.tuple(...policy.elements.map((e) => valueOf(e).map((v) => `<data id="${e.id}" value="${attr(v).replace(/\uF000/g, '&#xF000;')}"/>`))).map((items) => ({ set, policy, payload: `<enabled/>${items.join('')}` }))));

	it('each policy at its derived node, with a value of the right kind for every element', () => {
		fc.assert(fc.property(setting, ({ set, policy, payload }) => {
			const uri = configNode(set.admx, policy, set.app).uris[0].uri;
			const text = message(command('Add', item(`./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${set.app}/Policy/A`, cdata(set.text))), command('Replace', item(uri, escape(payload))));
			assert.deepEqual(problems(text).list, [], `${policy.name}: ${payload}`);
		}), { seed: 11, numRuns: 150 });
	});
});

describe('hover on an ingested policy in SyncML', () => {
	it('shows the policy from the ADMX ingested under its AppName, with the nodes under that AppName', () => {
		const uri = `${FIREFOX}~Cookies/Cookies_Behavior`;
		const text = message(ingest('Firefox', 'firefox/firefox.admx'), command('Replace', item(uri, escape('<enabled/><data id="Cookies_Behavior" value="reject"/>'))));
		const doc = parseSyncmlDocument('file:///m.syncml', 1, text);
		const hover = getHover(doc, text.lastIndexOf('Cookies_Behavior</LocURI>') + 3);
		const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
		assert.match(value, /^\*\*Cookies_Behavior\*\* \(Both\)/);
		assert.match(value, /Ingested as Firefox, MDM configures the policy at:\n\n- `\.\/Device\/Vendor\/MSFT\/Policy\/Config\/Firefox~Policy~firefox~Cookies\/Cookies_Behavior`/);
		assert.match(value, /- `Cookies_Behavior` \(enum\): one of the item values: `accept`/);
	});
});
