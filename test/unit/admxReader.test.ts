import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import type { AdmxFile, AdmxListItem, AdmxPolicy } from '../../server/src/service/admx/admxModel';
import { configNode } from '../../server/src/service/ingestion/configUri';
import { lintAdmx } from '../../server/src/service/ingestion/lintAdmx';
import { displayText, presentationOf, readAdml } from '../../server/src/service/admx/readAdml';
import { readAdmx } from '../../server/src/service/admx/readAdmx';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCodeActions, getDiagnostics, getDocumentSymbols, getFoldingRanges, getHover, parseAdmxDocument } from '../../server/src/service';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/admx');
const everything = readFileSync(path.join(FIXTURES, 'everything.admx'), 'utf8');
const file = readAdmx(everything);
const adml = readAdml(readFileSync(path.join(FIXTURES, 'en-US/everything.adml'), 'utf8'));
const policy = (name: string): AdmxPolicy => {
	const found = file.policies.find((p) => p.name === name);
	assert.ok(found, name);
	return found;
};
/** The problems of a file as `severity: covered text: message` lines. */
const problemsOf = (read: AdmxFile, text: string) => read.problems.map((p) => `${p.code}${p.severity ? ` (${p.severity})` : ''}: ${text.slice(p.span.start, p.span.end)}: ${p.message}`);
const element = (id: string) => policy('AllKinds').elements.find((e) => e.id === id);
const withoutSpan = ({ keySpan: _, ...item }: AdmxListItem) => item;

describe('ADMX reader: every element kind and attribute', () => {
	it('reads the header: namespace variant, revision, target and using prefixes, resources, supportedOn', () => {
		assert.equal(file.rootNamespace, 'schemas-2006');
		assert.equal(file.revision, '2.1');
		assert.deepEqual([file.target?.prefix, file.target?.namespace], ['contoso', 'Contoso.Policies.Everything']);
		assert.deepEqual(file.using.map((u) => u.prefix), ['vendor', 'windows']);
		assert.equal(file.minRequiredRevision, '2.0');
		assert.equal(file.fallbackCulture, 'en-us');
		assert.equal(file.supportedOn.get('SUPPORTED_Everything_1'), '$(string.SUPPORTED_Everything_1)');
		assert.deepEqual([...file.categories.keys()], ['Cat_Everything', 'Cat_Kinds', 'Cat_Own']);
	});

	it('reads policy values of every kind, delete included, and the lists with their keys', () => {
		const p = policy('Switch');
		assert.deepEqual([p.class, p.key, p.valueName], ['Machine', 'Software\\Policies\\Contoso\\Everything', 'Switch']);
		assert.deepEqual(p.enabledValue, { kind: 'decimal', value: 1 });
		assert.deepEqual(p.disabledValue, { kind: 'delete' });
		assert.deepEqual(p.enabledList.map(withoutSpan), [
			{ key: 'Software\\Policies\\Contoso\\Everything\\Extra', valueName: 'On', value: { kind: 'string', value: 'yes' } },
			{ key: 'Software\\Policies\\Contoso\\Other', valueName: 'Big', value: { kind: 'longDecimal', value: '18446744073709551615' } },
		]);
		assert.deepEqual(p.disabledList.map(withoutSpan), [{ key: 'Software\\Policies\\Contoso\\Everything', valueName: 'On', value: { kind: 'delete' } }]);
		// Each item's key comes from an attribute: the list's defaultKey, its own key, or the policy's key.
		const attribute = ({ keySpan }: AdmxListItem) => [/(\w+)="$/.exec(everything.slice(0, keySpan.start))?.[1], everything.slice(keySpan.start, keySpan.end)];
		assert.deepEqual([...p.enabledList, ...p.disabledList].map(attribute), [
			['defaultKey', 'Software\\Policies\\Contoso\\Everything\\Extra'],
			['key', 'Software\\Policies\\Contoso\\Other'],
			['key', 'Software\\Policies\\Contoso\\Everything'],
		]);
		assert.deepEqual(p.disabledList[0].keySpan, p.keySpan);
		assert.deepEqual(p.elements, []);
	});

	it('keeps the elements in document order, with the schema defaults where attributes are absent', () => {
		assert.deepEqual(policy('AllKinds').elements.map((e) => `${e.type}:${e.id}`), [
			'text:Name', 'text:Path', 'decimal:Count', 'decimal:Plain', 'longDecimal:Huge', 'boolean:Flag', 'boolean:Simple', 'enum:Mode', 'multiText:Lines',
			'list:Plainlist', 'list:Numbered', 'list:Prefixed', 'list:Explicit', 'list:Both',
		]);
		assert.deepEqual(element('Name'), { ...element('Name'), required: true, maxLength: 40, expandable: false, soft: false, key: 'Software\\Policies\\Contoso\\Everything\\Kinds' });
		assert.deepEqual(element('Path'), { ...element('Path'), required: false, maxLength: 1023, expandable: true, soft: true });
		assert.deepEqual(element('Count'), { ...element('Count'), minValue: 1, maxValue: 50, storeAsText: false });
		assert.deepEqual(element('Plain'), { ...element('Plain'), minValue: 0, maxValue: 9999, storeAsText: true });
		assert.deepEqual(element('Huge'), { ...element('Huge'), minValue: 0, maxValue: 4000000000 });
		assert.deepEqual(element('Lines'), { ...element('Lines'), maxLength: 100, maxStrings: 3, required: false });
	});

	it('reads booleans with their values and lists, and enum items with string, delete and value lists', () => {
		const flag = element('Flag');
		assert.ok(flag?.type === 'boolean');
		assert.deepEqual([flag.trueValue, flag.falseValue], [{ kind: 'string', value: 'on' }, { kind: 'delete' }]);
		assert.deepEqual(flag.trueList.map(withoutSpan), [{ key: 'Software\\Policies\\Contoso\\Everything\\Kinds', valueName: 'FlagExtra', value: { kind: 'decimal', value: 7 } }]);
		// Neither the item nor the element names a key, so the policy's key attribute gives it.
		assert.deepEqual([flag.trueList[0].keySpan, flag.keySpan], [policy('AllKinds').keySpan, policy('AllKinds').keySpan]);
		const simple = element('Simple');
		assert.ok(simple?.type === 'boolean');
		assert.deepEqual([simple.trueValue, simple.falseValue, simple.trueList, simple.falseList], [undefined, undefined, [], []]);
		const mode = element('Mode');
		assert.ok(mode?.type === 'enum');
		assert.deepEqual(mode.items.map((i) => [i.displayName, i.value, i.valueList.length]), [
			['$(string.Mode_Off)', { kind: 'decimal', value: 0 }, 0],
			['$(string.Mode_Fast)', { kind: 'decimal', value: 5 }, 1],
			['$(string.Mode_Gone)', { kind: 'delete' }, 0],
			['$(string.Mode_Named)', { kind: 'string', value: '01:00:00' }, 0],
		]);
	});

	it('reads the four list shapes and warns where explicitValue meets valuePrefix', () => {
		const shape = (id: string) => {
			const list = element(id);
			assert.ok(list?.type === 'list');
			return [list.key.split('\\').pop(), list.valuePrefix, list.explicitValue, list.additive, list.expandable];
		};
		assert.deepEqual(['Plainlist', 'Numbered', 'Prefixed', 'Explicit', 'Both'].map(shape), [
			['Plain', undefined, false, false, false],
			['Numbered', '', false, true, false],
			['Prefixed', 'Site', false, false, true],
			['Explicit', undefined, true, false, false],
			['Both', 'X', true, false, false],
		]);
		assert.deepEqual(problemsOf(file, everything), ['admx-schema: X: The list Both has both explicitValue and valuePrefix, which the ADMX schema does not allow together; entries are read as explicit name/value pairs.']);
	});
});

describe('ADML reader', () => {
	it('resolves display names and explain texts, entities and line breaks kept', () => {
		assert.equal(adml.displayName, 'Everything');
		assert.equal(displayText(adml, policy('Switch').displayName), 'Turn it on');
		assert.equal(displayText(adml, policy('Switch').explainText ?? ''), 'Turns it on & writes extra values.\nSecond line.');
		assert.equal(displayText(adml, '$(string.Missing)'), '$(string.Missing)');
		assert.equal(displayText(undefined, '$(string.Switch)'), '$(string.Switch)');
	});

	it('reads every control of a presentation with its label and default', () => {
		const controls = presentationOf(adml, policy('AllKinds').presentation);
		assert.deepEqual(controls.map((c) => [c.kind, c.refId ?? null, c.label ?? null]).slice(0, 9), [
			['text', null, 'Settings of every kind'],
			['textBox', 'Name', 'Name:'],
			['comboBox', 'Path', 'Path:'],
			['decimalTextBox', 'Count', 'Count:'],
			['decimalTextBox', 'Plain', 'Plain:'],
			['longDecimalTextBox', 'Huge', 'Huge:'],
			['checkBox', 'Flag', 'Flag'],
			['checkBox', 'Simple', 'Simple'],
			['dropdownList', 'Mode', 'Mode:'],
		]);
		const byId = new Map(controls.map((c) => [c.refId, c]));
		assert.equal(byId.get('Name')?.defaultValue, 'Contoso');
		assert.deepEqual([byId.get('Path')?.defaultValue, byId.get('Path')?.suggestions], ['C:\\Contoso', ['C:\\Contoso', 'D:\\Contoso']]);
		assert.equal(byId.get('Count')?.defaultValue, '3');
		assert.equal(byId.get('Flag')?.defaultChecked, true);
		assert.equal(byId.get('Simple')?.defaultChecked, undefined);
		assert.equal(byId.get('Mode')?.defaultItem, 1);
	});
});

describe('configuration URIs of ingested policies', () => {
	it('joins the category names outermost first and stops at the first category of another namespace', () => {
		const node = configNode(file, policy('AllKinds'), 'Contoso');
		assert.equal(node.area, 'Contoso~Policy~Cat_Everything~Cat_Kinds');
		assert.deepEqual(node.uris, [
			{ scope: 'Device', uri: './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything~Cat_Kinds/AllKinds' },
			{ scope: 'User', uri: './User/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything~Cat_Kinds/AllKinds' },
		]);
		assert.deepEqual([node.cutAt?.prefix, node.cutAt?.name], ['vendor', 'Cat_Vendor']);
		assert.deepEqual(node.problems, []);
	});

	it('a Machine policy has only ./Device, a User policy only ./User; a policy outside categories has the bare area', () => {
		assert.deepEqual(configNode(file, policy('Switch'), 'Contoso').uris.map((u) => u.uri), ['./Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything/Switch']);
		const user = configNode(file, policy('UserOnly'), 'Contoso');
		assert.deepEqual(user.uris.map((u) => u.uri), ['./User/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat_Everything~Cat_Own/UserOnly']);
		assert.deepEqual(user.problems.map((p) => `${p.code} ${p.severity}: ${everything.slice(p.span.start, p.span.end)}`), ['admx-reference warning: contoso:Cat_Everything']);
		assert.deepEqual(configNode(file, policy('Loose'), 'Contoso', 'Policy').uris.map((u) => u.uri), ['./Device/Vendor/MSFT/Policy/Config/Contoso~Policy/Loose']);
	});
});

describe('ADMX reader on broken input', () => {
	const read = (text: string) => problemsOf(readAdmx(text), text);

	it('refuses a DOCTYPE, names a wrong root, and reads on past missing attributes', () => {
		assert.match(read('<!DOCTYPE x [<!ENTITY e "x">]><policyDefinitions/>').join('\n'), /^admx-syntax: <!DOCTYPE/);
		assert.deepEqual(read('<policyDefinitionResources/>'), ['admx-syntax: policyDefinitionResources: An ADMX file\'s root element is <policyDefinitions>, not <policyDefinitionResources>.']);
		const text = '<policyDefinitions><categories><category name="C" displayName="c"/></categories><policies><policy class="Sometimes" displayName="d" key="K"><parentCategory ref="Nope"/><elements><decimal id="N" valueName="N" maxValue="lots"/><slider id="S"/></elements></policy></policies></policyDefinitions>';
		const parsed = readAdmx(text);
		assert.deepEqual(problemsOf(parsed, text), [
			'admx-syntax: policy: <policy> needs a name attribute.',
			'admx-syntax: Sometimes: class is Machine, User or Both, not "Sometimes".',
			'admx-syntax: lots: maxValue is a whole number from 0 to 4294967295, not "lots".',
			'admx-syntax: slider: <slider> is not an ADMX element: use text, multiText, decimal, longDecimal, boolean, enum or list.',
		]);
		assert.equal(parsed.policies[0].elements.length, 1);
		assert.deepEqual(configNode(parsed, parsed.policies[0], 'App').problems.map((p) => p.message), ['No category named Nope in this file; it has C.']);
	});

	it('valueName="" is the key\'s default value wherever a value is named; a missing valueName is still an error', () => {
		const text = '<policyDefinitions><policies><policy name="P" class="User" displayName="d" key="Software\\Classes\\x" valueName=""><enabledList><item key="Software\\Classes\\x\\shell" valueName=""><value><string>URL:x</string></value></item></enabledList><elements><text id="T" valueName=""/><boolean id="B" valueName=""><trueList><item valueName=""><value><decimal value="1"/></value></item></trueList></boolean><enum id="E" valueName=""><item displayName="e"><value><decimal value="1"/></value><valueList><item valueName=""><value><delete/></value></item></valueList></item></enum><decimal id="N"/></elements></policy></policies></policyDefinitions>';
		const parsed = readAdmx(text);
		const [p] = parsed.policies;
		assert.equal(p.valueName, '');
		assert.deepEqual(p.enabledList.map((i) => [i.key, i.valueName]), [['Software\\Classes\\x\\shell', '']]);
		assert.deepEqual(p.elements.map((e) => e.type === 'list' ? '' : `${e.id}=${JSON.stringify(e.valueName)}`), ['T=""', 'B=""', 'E=""', 'N=""']);
		const [, flag, choice] = p.elements;
		assert.ok(flag.type === 'boolean' && choice.type === 'enum');
		assert.deepEqual([flag.trueList[0].valueName, choice.items[0].valueList[0].valueName], ['', '']);
		assert.deepEqual(problemsOf(parsed, text), ['admx-syntax: decimal: <decimal> needs a valueName attribute (valueName="" for the key\'s default value).']);
	});

	it('reads an ADMX carried inside another text, with spans into that text', () => {
		const carrier = `<Data><![CDATA[${everything}]]></Data>`;
		const start = carrier.indexOf('<?xml');
		const inside = readAdmx(carrier, start, start + everything.length);
		assert.equal(inside.policies.length, 4);
		const switchPolicy = inside.policies[0];
		assert.equal(carrier.slice(switchPolicy.nameSpan.start, switchPolicy.nameSpan.end), 'Switch');
	});
});

describe('ADMX lint', () => {
	const admx = (policies: string, extra = '') => `<?xml version="1.0"?>\n<policyDefinitions revision="1.0" schemaVersion="1.0">\n<policyNamespaces><target prefix="t" namespace="T.Policies"/>${extra}</policyNamespaces>\n<categories><category name="C" displayName="$(string.C)"/></categories>\n<policies>${policies}</policies>\n</policyDefinitions>`;
	const policy = (key: string, body = '', attributes = 'explainText="$(string.E)"') => `<policy name="P" class="Machine" displayName="$(string.P)" ${attributes} key="${key}" valueName="V"><parentCategory ref="C"/>${body}</policy>`;
	const lint = (text: string, adml?: string) => lintAdmx(readAdmx(text), text, adml === undefined ? undefined : readAdml(adml)).map((p) => `${p.code}${p.severity ? `/${p.severity}` : ''}: ${text.slice(p.span.start, p.span.end).split('\n')[0]}: ${p.message}`);

	it('a key MDM ingestion refuses is an error at its key attribute: the allowed prefixes, Edge and OneDrive pass', () => {
		assert.deepEqual(lint(admx(policy('Software\\Policies\\Contoso'))), []);
		assert.deepEqual(lint(admx(policy('Software\\Policies\\Microsoft\\Windows\\AppInstaller'))), [
			'admx-ingestion/error: Software\\Policies\\Microsoft\\Windows\\AppInstaller: P writes under Software\\Policies\\Microsoft\\Windows\\AppInstaller, which MDM ingestion refuses: ingested policies may not write under System, Software\\Microsoft or Software\\Policies\\Microsoft outside the prefixes Microsoft lists, so a device refuses to ingest the file. Write it under a key of the vendor\'s own (such as Software\\Policies\\<Vendor>), or deliver it with Group Policy (Registry.pol, LGPO text, PowerShell), which has no such limit.',
		]);
		for (const allowed of ['Software\\Policies\\Microsoft\\Office\\16.0\\Word', 'Software\\Policies\\Microsoft\\Edge', 'Software\\Policies\\Microsoft\\EdgeUpdate', 'SOFTWARE\\MICROSOFT\\ONEDRIVE\\Settings', 'Software\\Policies\\Microsoft\\OneDrive', 'Software\\Microsoft\\Edge\\Main']) {
			assert.deepEqual(lint(admx(policy(allowed))), [], allowed);
		}
	});

	it('checks every key a policy writes, each at the attribute that gives it and once per attribute', () => {
		const body = [
			'<enabledList defaultKey="Software\\Microsoft\\A"><item valueName="a"><value><decimal value="1"/></value></item><item valueName="a2"><value><decimal value="2"/></value></item><item key="System\\B" valueName="b"><value><delete/></value></item></enabledList>',
			'<disabledList><item key="Software\\Policies\\Microsoft\\C" valueName=""><value><delete/></value></item></disabledList>',
			'<elements>',
			'<text id="T" valueName="" key="Software\\Policies\\Microsoft\\Windows\\D"/>',
			'<list id="L" key="SYSTEM\\CurrentControlSet\\E"/>',
			'<boolean id="B" valueName="B"><trueList><item key="Software\\Microsoft\\F" valueName=""><value><decimal value="1"/></value></item></trueList></boolean>',
			'<enum id="N" valueName="N"><item displayName="$(string.N)"><value><decimal value="1"/></value><valueList defaultKey="Software\\Policies\\Microsoft\\G"><item valueName="g"><value><string>1</string></value></item></valueList></item></enum>',
			'</elements>',
		].join('');
		const text = admx(policy('Software\\Contoso', body));
		const found = lintAdmx(readAdmx(text), text).filter((p) => p.code === 'admx-ingestion');
		assert.deepEqual(found.map((p) => `${p.severity} ${/(\w+)="$/.exec(text.slice(0, p.span.start))?.[1]}="${text.slice(p.span.start, p.span.end)}"`), [
			'error key="Software\\Policies\\Microsoft\\Windows\\D"',
			'error key="SYSTEM\\CurrentControlSet\\E"',
			'error defaultKey="Software\\Microsoft\\A"',
			'error key="System\\B"',
			'error key="Software\\Policies\\Microsoft\\C"',
			'error key="Software\\Microsoft\\F"',
			'error defaultKey="Software\\Policies\\Microsoft\\G"',
		]);
		// Elements and items without a key of their own write under the policy's: one problem, at the policy's key.
		const shared = admx(policy('Software\\Policies\\Microsoft\\Windows\\X', '<enabledList><item valueName="on"><value><decimal value="1"/></value></item></enabledList><elements><text id="T" valueName="T"/></elements>'));
		assert.deepEqual(lint(shared).map((l) => l.slice(0, l.indexOf(': P writes'))), ['admx-ingestion/error: Software\\Policies\\Microsoft\\Windows\\X']);
	});

	it('a Known Issue Rollback key stays a warning: devices take it only with the July 2022 update', () => {
		const [kir] = lint(admx(policy('SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides')));
		assert.match(kir, /^admx-ingestion: SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides: P writes under .*Known Issue Rollback.*KB5015878.* Ingest it only on devices that have it\.$/);
		assert.match(lint(admx(policy('SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\Other'))).join(''), /^admx-ingestion\/error: /);
	});

	it('text before the XML declaration is an error; a byte order mark is not', () => {
		const text = admx(policy('Software\\Contoso'));
		assert.deepEqual(lint(`\n${text}`).filter((l) => l.startsWith('admx-ingestion')), ['admx-ingestion/error: : Nothing may come before <?xml: a device refuses the file (a line break here is the usual cause when the ADMX is pasted into CDATA). Remove it.']);
		assert.deepEqual(lint(`\uFEFF${text}`).filter((l) => l.startsWith('admx-ingestion')), []);
	});

	it('an undeclared prefix, a missing supportedOn definition, and a missing explainText', () => {
		const text = admx(policy('Software\\Contoso', '<supportedOn ref="SUPPORTED_Nothing"/>', ''), '');
		assert.deepEqual(lint(text), [
			'admx-reference/warning: SUPPORTED_Nothing: No supportedOn definition named SUPPORTED_Nothing in this file.',
			'admx-intune-import: P: P has no explainText; Intune\'s Import ADMX fails on such a policy. Add explainText="$(string.…)".',
		]);
		const prefixed = admx(policy('Software\\Contoso', '<supportedOn ref="win:SUPPORTED_10"/>'));
		assert.deepEqual(lint(prefixed), ['admx-reference/warning: win:SUPPORTED_10: The prefix win is not declared: add <using prefix="win" namespace="…"/> under <policyNamespaces>, or write the references without it.']);
	});

	it('with the ADML: strings and presentations it lacks, controls naming no element, and comboBox for Intune', () => {
		const text = admx(policy('Software\\Contoso', '<elements><text id="T" valueName="T"/></elements>', 'explainText="$(string.E)" presentation="$(presentation.P)"'));
		const adml = '<policyDefinitionResources><resources><stringTable><string id="P">P</string><string id="C">C</string></stringTable><presentationTable><presentation id="P"><comboBox refId="T"><label>T</label></comboBox><textBox refId="Gone"><label>G</label></textBox></presentation></presentationTable></resources></policyDefinitionResources>';
		assert.deepEqual(lint(text, adml), [
			'admx-intune-import: P: P shows T in a comboBox, which Intune\'s Import ADMX does not take; MDM ingestion does.',
			'admx-strings: P: The ADML has no string E.',
			'admx-strings: P: The presentation\'s textBox names Gone, which is not an element of P.',
		]);
	});

	it('an unused <using> is worth removing for Intune; a used one is only a dependency', () => {
		const used = admx(policy('Software\\Contoso', '<supportedOn ref="w:S"/>'), '<using prefix="w" namespace="W.Policies"/>');
		assert.deepEqual(lint(used), ['admx-intune-import: <using prefix="w" namespace="W.Policies"/>: Intune\'s Import ADMX needs the ADMX of W.Policies (prefix w) uploaded first.']);
		const unused = admx(policy('Software\\Contoso'), '<using prefix="w" namespace="W.Policies"/>');
		assert.match(lint(unused)[0], /nothing in this file refers to w: removing this <using> spares that upload\.$/);
	});
});

describe('hover in an ADMX file', () => {
	const doc = parseAdmxDocument('file:///everything.admx', 1, everything);
	const at = (needle: string, delta = 1) => getHover(doc, everything.indexOf(needle) + delta);
	const text = (hover: ReturnType<typeof getHover>) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

	it('on a policy name: its MDM nodes with the AppName to fill in, the payload shape and each element', () => {
		const value = text(at('name="AllKinds"', 'name="'.length + 1));
		assert.match(value, /^\*\*AllKinds\*\* \(Both\)/);
		assert.match(value, /- `\.\/Device\/Vendor\/MSFT\/Policy\/Config\/\{AppName\}~Policy~Cat_Everything~Cat_Kinds\/AllKinds`\n- `\.\/User\/Vendor\/MSFT\/Policy\/Config\/\{AppName\}~Policy~Cat_Everything~Cat_Kinds\/AllKinds`/);
		assert.match(value, /The category path stops at `vendor:Cat_Vendor`/);
		assert.match(value, /- `Mode` \(enum\): one of the item values: `0`, `5`, `01:00:00`/);
		assert.match(value, /- `Flag` \(boolean\): `true` or `false`/);
		assert.match(value, /- `Count` \(decimal\): a whole number from 1 to 50/);
		assert.match(value, /- `Numbered` \(list\): entries named 1, 2, … with their values/);
		assert.match(text(at('name="Switch"', 'name="'.length + 1)), /enabled 1, disabled deletes the value/);
	});

	it('on an element: its data item, and that the data id is the element id', () => {
		assert.match(text(at('<multiText id="Lines"')), /^\*\*Lines\*\* \(multiText\) of AllKinds\n\nIn the payload: `<data id="Lines" value="…"\/>`, the value strings joined by `&#xF000;`, each of up to 100 characters, at most 3 of them\. The data id is this element id/);
		assert.equal(at('<policies>'), null);
	});
});

describe('outline of an ADMX file', () => {
	/** The outline as indented `name (detail)` lines. */
	const outline = (admx: string) => {
		const lines: string[] = [];
		const walk = (symbols: readonly DocumentSymbol[], depth: number) => symbols.forEach((s) => {
			lines.push(`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`);
			walk(s.children ?? [], depth + 1);
		});
		walk(getDocumentSymbols(parseAdmxDocument('file:///c.admx', 1, admx)), 0);
		return lines;
	};
	const file = (categories: string, policies: string) => `<policyDefinitions><policyNamespaces><target prefix="c" namespace="C"/></policyNamespaces><categories>${categories}</categories><policies>${policies}</policies></policyDefinitions>`;

	it('shows categories that are each other\'s ancestors once each, with the policies under them', () => {
		const categories = '<category name="A" displayName="a"><parentCategory ref="C"/></category><category name="B" displayName="b"><parentCategory ref="A"/></category><category name="C" displayName="c"><parentCategory ref="B"/></category><category name="D" displayName="d"/>';
		const policies = '<policy name="P" class="Machine" displayName="p" key="K"><parentCategory ref="A"/></policy><policy name="Q" class="User" displayName="q" key="K"><parentCategory ref="D"/></policy>';
		// C closes the circle, so it stands at the top with the others under their parents.
		assert.deepEqual(outline(file(categories, policies)), ['C', '  A', '    B', '    P (Machine)', 'D', '  Q (User)']);
	});

	it('shows categories at most 32 levels deep, the deeper ones side by side at the last level, so a chain of 20,000 still goes over the protocol', () => {
		const chain = (depth: number) => file(Array.from({ length: depth }, (_, i) => `<category name="C${i}" displayName="c">${i + 1 < depth ? `<parentCategory ref="C${i + 1}"/>` : ''}</category>`).join(''), '<policy name="P" class="Machine" displayName="p" key="K"><parentCategory ref="C0"/></policy>');
		const lines = outline(chain(40));
		assert.equal(lines.length, 41);
		assert.deepEqual(lines.slice(0, 2), ['C39', '  C38']);
		assert.deepEqual(lines.slice(31).map((l) => l.trim()), ['C8', 'C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'C1', 'C0', 'P (Machine)']);
		assert.ok(lines.slice(32).every((l) => l === `${'  '.repeat(32)}${l.trim()}`), lines.slice(30).join('\n'));
		assert.doesNotThrow(() => JSON.stringify(getDocumentSymbols(parseAdmxDocument('file:///c.admx', 1, chain(20_000)))));
	});

	it('shows a category, policy or element without a name under a placeholder, since an editor refuses an empty name', () => {
		const policies = '<policy name="" class="Machine" displayName="p" key="K"><parentCategory ref=""/><elements><text id=""/></elements></policy><policy class="Both" displayName="p" key="K"/>';
		assert.deepEqual(outline(file('<category name="" displayName="a"/>', policies)), ['(unnamed category)', '  (unnamed policy) (Machine)', '    (no id) (text)', '(unnamed policy) (Both)']);
	});
});

describe('ADMX files on hostile input', () => {
	const seeds = [everything, readFileSync(path.join(__dirname, '../../../test/fixtures/workspace/contoso.admx'), 'utf8')];
	const pieces = ['<', '>', '/>', '"', '&', '&#xF000;', ':', '<policy name="X" class="Both">', '<parentCategory ref="a:b"/>', '</elements>', '<enum id="E"><item displayName="d"/></enum>', '<!DOCTYPE x>', '<![CDATA[', ']]>', '\n', '\uFEFF'];
	/** A seed with slices cut out, copied elsewhere, or replaced by pieces of ADMX syntax. */
	const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }))), { minLength: 1, maxLength: 6 }))
		.map(([seed, edits]) => edits.reduce((text, [a, b, insert]) => {
			const start = Math.floor(Math.min(a, b) * text.length);
			const end = Math.floor(Math.max(a, b) * text.length);
			return text.slice(0, start) + insert + text.slice(start + Math.min(end - start, 40));
		}, seed));

	it('every feature answers, with ranges inside the document, however the file is broken', () => {
		fc.assert(fc.property(mutated, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
			for (const uri of ['file:///f.admx', 'file:///f.adml']) {
				const doc = parseAdmxDocument(uri, 1, text);
				const lines = text.split('\n').length;
				for (const d of getDiagnostics(doc, DEFAULT_SETTINGS)) {
					assert.ok(d.range.end.line < lines && d.range.start.line <= d.range.end.line, JSON.stringify(d.range));
				}
				getHover(doc, Math.floor(at * text.length));
				getDocumentSymbols(doc);
				getFoldingRanges(doc);
				getCodeActions(doc, [], DEFAULT_SETTINGS, { start: doc.lines.positionAt(0), end: doc.lines.positionAt(text.length) });
			}
			lintAdmx(readAdmx(text), text, readAdml(text));
		}), { seed: 17, numRuns: 300 });
	});
});
