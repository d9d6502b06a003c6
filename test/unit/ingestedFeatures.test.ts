import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCompletions, getDiagnostics, getHover, loadAdml, loadAdmx, withIngestedAdmx, type AdmxReadError, type AdmxSource, type IngestionInstall, type ParsedDocument } from '../../server/src/service';
import { applyCompletion, caret, covered, editOf, hoverMarkdown, includesAll, item, labels, parse } from '../helpers/service';

/** test/fixtures, from out/test/unit or test/unit. */
const FIXTURES = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..', 'test/fixtures');

/** An ADMX named relative to test/fixtures with the ADML in en-US beside it, as the editor reads them beside a profile. */
function source(file: string): AdmxSource {
	const full = path.join(FIXTURES, file);
	const text = fs.readFileSync(full, 'utf8');
	const adml = fs.readFileSync(path.join(path.dirname(full), 'en-US', path.basename(full).replace(/\.admx$/, '.adml')), 'utf8');
	return { admx: loadAdmx(text), adml: loadAdml(adml), text };
}

function read(file: string): AdmxSource | AdmxReadError {
	return fs.existsSync(path.join(FIXTURES, file)) ? source(file) : { error: `${file} does not exist.` };
}

const FIREFOX = `profile: Firefox baseline
admx:
  - app: Firefox
    file: real/admx/firefox/firefox.admx
  - app: Firefox
    file: real/admx/firefox/mozilla.admx
`;
const CONTOSO = `profile: Contoso
admx:
  - app: Contoso
    file: admx/everything.admx
`;
const FIREFOX_POLICIES = source('real/admx/firefox/firefox.admx').admx.policies.length;

/** The document as the editor serves it: with the ADMX files it names read, and those of `external`. */
function ingested(text: string, external: readonly IngestionInstall[] = []): ParsedDocument {
	return withIngestedAdmx(parse(text), external, read);
}

function complete(marked: string, external: readonly IngestionInstall[] = []): { text: string; items: CompletionItem[] } {
	const { text, offset } = caret(marked);
	return { text, items: getCompletions(ingested(text, external), offset).items };
}

function hover(marked: string, external: readonly IngestionInstall[] = []): { text: string; hover: Hover | null; markdown: string } {
	const { text, offset } = caret(marked);
	const h = getHover(ingested(text, external), offset);
	return { text, hover: h, markdown: h ? hoverMarkdown(h) : '' };
}

function problems(text: string): string[] {
	return getDiagnostics(ingested(text), DEFAULT_SETTINGS).map((d) => `${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

const docs = (i: CompletionItem) => (i.documentation as MarkupContent).value;

/** Contoso's everything.admx ingested through the setting, not through the profile. */
const CONTOSO_SETTING: IngestionInstall[] = [{ app: 'Contoso', ...source('admx/everything.admx'), order: 0 }];

describe('completion of ingested policy names', () => {
	it('offers every policy of the ingested app beside the built-in ones, named by the ADML and explained in the vendor\'s words', () => {
		const { items } = complete(`${FIREFOX}policies:\n  |\n`);
		const keys = labels(items).filter((l) => l.startsWith('Firefox/'));
		assert.equal(keys.length, FIREFOX_POLICIES);
		assert.ok(labels(items).includes('SessionLogging'), 'the built-in policies stay');
		const update = item(items, 'Firefox/DisableAppUpdate');
		assert.equal(update.kind, CompletionItemKind.Module);
		assert.equal(update.detail, 'Disable Update');
		includesAll(docs(update), ['**Firefox/DisableAppUpdate**: Disable Update', '#### From the vendor\'s ADML', 'the browser does not receive updates']);
	});

	it('offers only that app\'s policies once `App/` is typed, replacing the whole key', () => {
		const { text, items } = complete(`${FIREFOX}policies:\n  Firefox/Dis|\n`);
		assert.equal(items.length, FIREFOX_POLICIES);
		assert.ok(labels(items).every((l) => l.startsWith('Firefox/')));
		assert.equal(covered(text, editOf(item(items, 'Firefox/DisableAppUpdate'))), 'Firefox/Dis');
		assert.deepEqual(complete(`${FIREFOX}policies:\n  Chrome/|\n`).items, [], 'an app nothing ingests has none');
	});

	it('leaves out the policies already set', () => {
		const { items } = complete(`${FIREFOX}policies:\n  Firefox/DisableAppUpdate: { state: enabled }\n  |\n`);
		assert.ok(!labels(items).includes('Firefox/DisableAppUpdate'));
		assert.equal(labels(items).filter((l) => l.startsWith('Firefox/')).length, FIREFOX_POLICIES - 1);
	});

	it('inserts the state and every option with its default, which the checks accept', () => {
		const { text, items } = complete(`${FIREFOX}policies:\n  Firefox/Cookies_Allo|\n`);
		const cookies = item(items, 'Firefox/Cookies_Allow');
		assert.equal(cookies.insertTextFormat, InsertTextFormat.Snippet);
		assert.equal(editOf(cookies).newText, 'Firefox/Cookies_Allow:\n  state: ${1|enabled,disabled,not-configured|}\n  options:\n    Permissions: ${2:[]}$0');
		const applied = applyCompletion(text, cookies);
		assert.match(applied, /\n {2}Firefox\/Cookies_Allow:\n {4}state: enabled\n {4}options:\n {6}Permissions: \[\]\n$/);
		assert.deepEqual(problems(applied), []);
	});

	it('gives each element of every kind the ADML\'s default, or the ADMX\'s where the ADML has none', () => {
		const { text, items } = complete(`${CONTOSO}policies:\n  Contoso/All|\n`);
		const applied = applyCompletion(text, item(items, 'Contoso/AllKinds'));
		assert.ok(applied.endsWith([
			'  Contoso/AllKinds:',
			'    state: enabled',
			'    options:',
			'      Name: "Contoso"',
			'      Path: "C:\\\\Contoso"',
			'      Count: 3',
			'      Plain: 0',
			'      Huge: 5',
			'      Flag: true',
			'      Simple: false',
			'      Mode: 5',
			'      Lines: []',
			'      Plainlist: []',
			'      Numbered: []',
			'      Prefixed: []',
			'      Explicit: {}',
			'      Both: {}',
			'',
		].join('\n')), applied);
		assert.deepEqual(problems(applied), []);
	});

	it('inserts only the name where the line already has its colon', () => {
		const { text, items } = complete(`${FIREFOX}policies:\n  Firefox/Disable|: { state: enabled }\n`);
		const update = item(items, 'Firefox/DisableAppUpdate');
		assert.equal(editOf(update).newText, 'Firefox/DisableAppUpdate');
		assert.equal(covered(text, editOf(update)), 'Firefox/Disable');
	});

	it('offers the policies of ADMX files ingested through the setting, and none before the files are read', () => {
		const text = 'profile: A\npolicies:\n  |\n';
		assert.deepEqual(labels(complete(text, CONTOSO_SETTING).items).filter((l) => l.includes('/')), ['Contoso/Switch', 'Contoso/AllKinds', 'Contoso/UserOnly', 'Contoso/Loose']);
		const { text: clean, offset } = caret(`${FIREFOX}policies:\n  |\n`);
		assert.ok(!labels(getCompletions(parse(clean), offset).items).some((l) => l.includes('/')));
	});

	it('offers the policies of the profile being edited, not of another document in the file', () => {
		const { items } = complete(`${CONTOSO}policies:\n  Contoso/Loose: { state: enabled }\n---\n${FIREFOX}policies:\n  |\n`);
		const apps = new Set(labels(items).filter((l) => l.includes('/')).map((l) => l.split('/')[0]));
		assert.deepEqual([...apps], ['Firefox']);
	});
});

describe('completion inside an ingested policy', () => {
	const allKinds = (rest: string) => `${CONTOSO}policies:\n  Contoso/AllKinds:\n    state: enabled\n    options:\n${rest}`;

	it('offers state and options, with every element under options', () => {
		const { text, items } = complete(`${CONTOSO}policies:\n  Contoso/AllKinds:\n    |\n`);
		assert.deepEqual(labels(items), ['state', 'options']);
		const applied = applyCompletion(text, item(items, 'options'));
		assert.match(applied, /\n {4}options:\n {6}Name: "Contoso"\n {6}Path: /);
		assert.deepEqual(labels(complete(`${CONTOSO}policies:\n  Contoso/Switch:\n    |\n`).items), ['state'], 'a policy without elements takes no options');
	});

	it('offers the states', () => {
		const { items } = complete(`${CONTOSO}policies:\n  Contoso/Switch:\n    state: |\n`);
		assert.deepEqual(labels(items), ['enabled', 'disabled', 'not-configured']);
		includesAll(docs(item(items, 'disabled')), ['`<disabled/>`']);
	});

	it('offers the element ids not yet written, with their type, ADML label and limits', () => {
		const { items } = complete(allKinds('      Name: Contoso\n      |\n'));
		assert.deepEqual(labels(items), ['Path', 'Count', 'Plain', 'Huge', 'Flag', 'Simple', 'Mode', 'Lines', 'Plainlist', 'Numbered', 'Prefixed', 'Explicit', 'Both']);
		const count = item(items, 'Count');
		assert.equal(count.detail, 'decimal: Count:');
		includesAll(docs(count), ['**Count** (decimal) of Contoso/AllKinds', '*Count:*', 'a whole number from 1 to 50', 'Default: `3`']);
		includesAll(docs(item(items, 'Mode')), ['0 (Off), 5 (Fast), 01:00:00 (One hour)', 'Required']);
		includesAll(docs(item(items, 'Lines')), ['at most 3 of them', 'up to 100 characters']);
		includesAll(docs(complete(allKinds('      |\n')).items.find((i) => i.label === 'Name') as CompletionItem), ['up to 40 characters', 'Required']);
	});

	it('offers an enum\'s item values, named by the ADML, with the Group Policy editor\'s first one preselected', () => {
		const { items } = complete(allKinds('      Mode: |\n'));
		assert.deepEqual(labels(items), ['0', '5', '01:00:00'], 'an item that deletes the value cannot be written');
		assert.deepEqual(items.map((i) => i.labelDetails?.description), ['Off', 'Fast', 'One hour']);
		assert.deepEqual(items.map((i) => editOf(i).newText), ['0', '5', '01:00:00']);
		assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['5']);
		includesAll(docs(item(items, '5')), ['**5**: Fast']);
	});

	it('quotes an item value that YAML would read as something else', () => {
		const everything = source('admx/everything.admx');
		const text = everything.text.replace('<string>01:00:00</string>', '<string>true</string>');
		const install: IngestionInstall[] = [{ app: 'Contoso', admx: loadAdmx(text), adml: everything.adml, order: 0 }];
		const { items } = complete('profile: A\npolicies:\n  Contoso/AllKinds:\n    state: enabled\n    options:\n      Mode: |\n', install);
		assert.equal(editOf(item(items, 'true')).newText, '\'true\'');
	});

	it('offers true and false for a checkbox, a decimal\'s default, and a text\'s ADML default and suggestions', () => {
		const flag = complete(allKinds('      Flag: |\n')).items;
		assert.deepEqual(labels(flag), ['true', 'false']);
		assert.deepEqual(flag.filter((i) => i.preselect).map((i) => i.label), ['true']);
		assert.deepEqual(complete(allKinds('      Simple: |\n')).items.filter((i) => i.preselect).map((i) => i.label), ['false']);
		assert.deepEqual(labels(complete(allKinds('      Count: |\n')).items), ['3']);
		assert.deepEqual(labels(complete(allKinds('      Path: |\n')).items), ['C:\\Contoso', 'D:\\Contoso']);
		assert.deepEqual(labels(complete(allKinds('      Name: |\n')).items), ['Contoso']);
		assert.deepEqual(complete(allKinds('      Lines: |\n')).items, []);
	});

	it('works in flow mappings too', () => {
		const { items } = complete(`${CONTOSO}policies:\n  Contoso/AllKinds: { state: enabled, options: { Mode: | } }\n`);
		assert.deepEqual(labels(items), ['0', '5', '01:00:00']);
	});
});

describe('completion in admx entries and of scope', () => {
	it('offers app and file as an entry\'s keys, leaving out the ones written', () => {
		assert.deepEqual(labels(complete('profile: A\nadmx:\n  - |\n').items), ['app', 'file']);
		const { text, items } = complete('profile: A\nadmx:\n  - app: Firefox\n    |\n');
		assert.deepEqual(labels(items), ['file']);
		assert.match(applyCompletion(text, item(items, 'file')), /\n {4}file: admx\/app\.admx\n/);
		assert.deepEqual(labels(complete('profile: A\nadmx:\n  - |\n    file: a.admx\n').items), ['app']);
		assert.deepEqual(labels(complete('profile: A\nadmx:\n  - app: A\n    file: a.admx\n  - |\n').items), ['app', 'file'], 'the keys of the entry above are not this one\'s');
	});

	it('proposes no file names, nor keys outside an entry', () => {
		assert.deepEqual(complete('profile: A\nadmx:\n  - app: Firefox\n    file: |\n').items, []);
		assert.deepEqual(complete('profile: A\nadmx:\n  - app: |\n').items, []);
		assert.deepEqual(complete('profile: A\nadmx:\n  |\n').items, []);
	});

	it('proposes user as a scope once the profile ingests ADMX', () => {
		assert.deepEqual(labels(complete(`${FIREFOX}scope: |\n`).items), ['device', 'user']);
		assert.deepEqual(labels(complete('profile: A\nscope: |\n').items), ['device']);
	});
});

describe('hover on ingested policies', () => {
	it('shows the policy on its key with the OMA-URI of the profile\'s scope, its ADMX file and the vendor\'s explanation', () => {
		const { text, hover: h, markdown } = hover(`${FIREFOX}policies:\n  Firefox/DisableApp|Update: { state: enabled }\n`);
		includesAll(markdown, [
			'**Firefox/DisableAppUpdate**: Disable Update',
			'From `real/admx/firefox/firefox.admx` (namespace `Mozilla.Policies.Firefox`), ingested by this profile as Firefox.',
			'**DisableAppUpdate** (Both)',
			'- `./Device/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/DisableAppUpdate`',
			'#### From the vendor\'s ADML',
			'the browser does not receive updates',
		]);
		assert.ok(!markdown.includes('./User/'), 'device is the default scope');
		assert.equal(covered(text, { range: h?.range ?? assert.fail('a range') }), 'Firefox/DisableAppUpdate');
		const user = hover(`${FIREFOX}scope: user\npolicies:\n  Firefox/DisableApp|Update: { state: enabled }\n`).markdown;
		includesAll(user, ['- `./User/Vendor/MSFT/Policy/Config/Firefox~Policy~firefox/DisableAppUpdate`']);
		assert.ok(!user.includes('./Device/'));
	});

	it('places a policy by its class where the class decides', () => {
		const machine = hover(`${CONTOSO}scope: user\npolicies:\n  Contoso/Sw|itch: { state: enabled }\n`).markdown;
		includesAll(machine, ['./Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything/Switch']);
		assert.ok(!machine.includes('./User/'));
		includesAll(hover(`${CONTOSO}policies:\n  Contoso/User|Only: { state: enabled }\n`).markdown, ['./User/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything~Cat_Own/UserOnly']);
	});

	it('says where an ADMX ingested through the setting comes from', () => {
		includesAll(hover('profile: A\npolicies:\n  Contoso/Lo|ose: { state: enabled }\n', CONTOSO_SETTING).markdown, ['ingested as Contoso by rapolicy.json, the `rapolicy.admx.ingested` setting']);
	});

	it('shows an option key\'s element, an enum value\'s item and a state', () => {
		const text = `${CONTOSO}policies:\n  Contoso/AllKinds:\n    state: enabled\n    options:\n      Name: Contoso\n      Count: 3\n      Mode: 5\n`;
		includesAll(hover(text.replace('Count:', 'Co|unt:')).markdown, ['**Count** (decimal) of Contoso/AllKinds', 'a whole number from 1 to 50', '*Count:*']);
		includesAll(hover(text.replace('Mode: 5', 'Mode: |5')).markdown, ['**5**: Fast']);
		includesAll(hover(text.replace('Mode: 5', 'Mo|de: 5')).markdown, ['**Mode** (enum)', '5 (Fast)']);
		includesAll(hover(text.replace('state: enabled', 'state: ena|bled')).markdown, ['**enabled** (AllKinds)', 'with a data item per option']);
		includesAll(hover(text.replace('    state:', '    sta|te:')).markdown, ['**state**']);
	});

	it('shows what the file an admx entry names defines', () => {
		const firefox = hover(FIREFOX.replace('- app: Firefox', '- app: Fire|fox'));
		includesAll(firefox.markdown, ['**real/admx/firefox/firefox.admx**, ingested as Firefox', `Defines ${FIREFOX_POLICIES} policies`, 'Target namespace `Mozilla.Policies.Firefox`']);
		assert.equal(covered(firefox.text, { range: firefox.hover?.range ?? assert.fail('a range') }), 'Firefox');
		includesAll(hover(FIREFOX.replace('mozilla.admx', 'mozi|lla.admx')).markdown, ['Defines no policies', 'Target namespace `Mozilla.Policies`']);
		includesAll(hover(FIREFOX.replace('    file:', '    fi|le:')).markdown, ['**file**', 'relative to this profile']);
	});

	it('says nothing of a policy or file that was not read', () => {
		assert.equal(hover(`${FIREFOX}policies:\n  Firefox/NoSuch|Policy: { state: enabled }\n`).hover, null);
		assert.equal(hover('profile: A\nadmx:\n  - app: Gone\n    file: gone|.admx\n').hover, null);
	});
});
