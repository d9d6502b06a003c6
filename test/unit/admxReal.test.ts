import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeFile } from '../../server/src/common/decodeFile';
import type { AdmxFile } from '../../server/src/service/admx/admxModel';
import { configNode } from '../../server/src/service/ingestion/configUri';
import { lintAdmx } from '../../server/src/service/ingestion/lintAdmx';
import { readAdml } from '../../server/src/service/admx/readAdml';
import { readAdmx } from '../../server/src/service/admx/readAdmx';

const DIR = path.join(__dirname, '../../../test/fixtures/real/admx');

/** A fixture as text, decoded as the CLI decodes files (Chrome's are UTF-16 with a byte order mark). */
function textOf(file: string): string {
	const decoded = decodeFile(new Uint8Array(readFileSync(path.join(DIR, file))));
	assert.ok('text' in decoded, `${file} decodes`);
	return decoded.text;
}
const admlPath = (admx: string) => path.posix.join(path.posix.dirname(admx), 'en-US', path.posix.basename(admx).replace(/\.admx$/, '.adml'));

const FILES = ['firefox/firefox.admx', 'firefox/mozilla.admx', 'chrome/chrome.admx', 'chrome/google.admx', 'makemeadmin/SinclairBase.admx', 'makemeadmin/SinclairMakeMeAdmin.admx', 'wau/WAU.admx', 'w32-example/AppAdmxFile01.admx'];
const loaded = new Map(FILES.map((f) => {
	const text = textOf(f);
	return [f, { text, file: readAdmx(text) }];
}));
const get = (file: string): { text: string; file: AdmxFile } => loaded.get(file) as { text: string; file: AdmxFile };

interface Published {
	readonly app: string;
	readonly admx: string;
	readonly policy: string;
	readonly scope: 'Device' | 'User';
	readonly uri: string;
	readonly expect: 'exact' | 'app-case-differs' | 'root-case-differs';
}

describe('real vendor ADMX files (test/fixtures/real/admx)', () => {
	it('read without a syntax problem, in all three namespace variants and both encodings', () => {
		for (const [name, { text, file }] of loaded) {
			assert.deepEqual(file.problems.filter((p) => p.code === 'admx-syntax').map((p) => `${text.slice(p.span.start, p.span.end)}: ${p.message}`), [], name);
		}
		assert.deepEqual(FILES.map((f) => get(f).file.rootNamespace), ['schemas-2006', 'schemas-2006', 'none', 'none', 'schemas-2006', 'microsoft', 'microsoft', 'none']);
		assert.deepEqual(FILES.map((f) => get(f).file.policies.length), [412, 0, 564, 0, 0, 24, 20, 8]);
	});

	it('keep the elements of a policy in document order (Firefox SearchEngines_1 mixes text and enum)', () => {
		const policy = get('firefox/firefox.admx').file.policies.find((p) => p.name === 'SearchEngines_1');
		assert.deepEqual(policy?.elements.map((e) => `${e.type}:${e.id}`), [
			'text:SearchEngine_Name', 'text:SearchEngine_URLTemplate', 'enum:SearchEngine_Method', 'text:SearchEngine_IconURL', 'text:SearchEngine_Alias',
			'text:SearchEngine_Description', 'text:SearchEngine_SuggestURLTemplate', 'text:SearchEngine_PostData', 'text:SearchEngine_Encoding',
		]);
	});

	it('every string and presentation reference resolves in the en-US ADML', () => {
		// Microsoft's example ships no ADML.
		for (const name of FILES.filter((f) => !f.startsWith('w32-example'))) {
			const { text, file } = get(name);
			const adml = readAdml(textOf(admlPath(name)));
			assert.deepEqual(adml.problems, [], name);
			assert.deepEqual(lintAdmx(file, text, adml).filter((p) => p.code === 'admx-strings').map((p) => p.message), [], name);
		}
	});
});

describe('configuration URIs derived from real ADMX files match the published ones', () => {
	const published = JSON.parse(readFileSync(path.join(DIR, 'published-uris.json'), 'utf8')) as Published[];
	for (const entry of published) {
		it(`${entry.app} ${entry.policy} (${entry.expect})`, () => {
			const { file } = get(entry.admx);
			const policy = file.policies.find((p) => p.name === entry.policy);
			assert.ok(policy, `${entry.policy} is in ${entry.admx}`);
			const derived = configNode(file, policy, entry.app).uris.find((u) => u.scope === entry.scope)?.uri;
			switch (entry.expect) {
				case 'exact':
					assert.equal(derived, entry.uri);
					break;
				case 'app-case-differs':
					// Published with the AppName in another case than it was ingested under: equal but for that case.
					assert.notEqual(derived, entry.uri);
					assert.equal(derived?.toLowerCase(), entry.uri.toLowerCase());
					break;
				case 'root-case-differs':
					assert.equal(derived, entry.uri.replace(/^\.\/user\//, './User/').replace(/^\.\/device\//, './Device/'));
					break;
			}
		});
	}
});

describe('lint of real ADMX files: what the files are known to do', () => {
	const codes = (name: string) => {
		const { text, file } = get(name);
		return lintAdmx(file, text).map((p) => `${p.code}${p.severity ? `/${p.severity}` : ''}: ${text.slice(p.span.start, p.span.end).split('\n')[0]}`);
	};

	it('Firefox: its SecurityDevices lists combine explicitValue with valuePrefix; Mozilla is a namespace to upload first', () => {
		const found = codes('firefox/firefox.admx');
		assert.ok(found.some((c) => c.startsWith('admx-schema: ')), found.join('\n'));
		assert.ok(found.some((c) => c.startsWith('admx-intune-import: <using prefix="Mozilla"')), found.join('\n'));
		assert.deepEqual(found.filter((c) => /admx-reference|admx-ingestion/.test(c)), []);
	});

	it('Chrome declares windows without using it, which Intune still wants uploaded first', () => {
		assert.ok(codes('chrome/chrome.admx').some((c) => /^admx-intune-import: <using [^>]*prefix="windows"/.test(c)));
	});

	it('Make Me Admin names its own namespace on every category reference; WAU does so on supportedOn', () => {
		assert.ok(codes('makemeadmin/SinclairMakeMeAdmin.admx').some((c) => c.startsWith('admx-reference/warning: makemeadmin:')));
		const wau = get('wau/WAU.admx');
		assert.ok(wau.file.policies.every((p) => p.supportedOn?.prefix === wau.file.target?.prefix));
	});

	it('Microsoft\'s own example refers to an undeclared windows prefix and has no target namespace', () => {
		const found = codes('w32-example/AppAdmxFile01.admx');
		assert.equal(get('w32-example/AppAdmxFile01.admx').file.target, undefined);
		assert.ok(found.some((c) => c.startsWith('admx-reference/warning: windows:')), found.join('\n'));
	});
});
