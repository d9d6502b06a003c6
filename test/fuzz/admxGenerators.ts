/**
 * fast-check generators of ADMX and ADML input: the real files of test/fixtures mutated, ADMX
 * files generated with the constructs that strain a reader (long and circular category chains,
 * references to nothing, deep nesting, huge attribute values, character references, byte order
 * marks), and ADMX carried where MDM carries it: in an ADMXInstall item of SyncML, in a row of an
 * Intune custom profile, and named by a profile that sets its policies.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { decodeFile } from '../../server/src/common/decodeFile';
import { loadAdmx, type AdmxFile } from '../../server/src/service';
import { configNode } from '../../server/src/service/ingestion/configUri';
import type { AdmxElement, AdmxPolicy } from '../../server/src/service/admx/admxModel';
import { applyMutation, escapeXml, mutationLabel, offsetsArb, repoRoot, textMutation, withOffsets, type FuzzCase, type Mutation } from './generators';

// ---------------------------------------------------------------------------------------------
// Seeds: the ADMX files of test/fixtures, with their ADML where there is one

export interface AdmxSeed {
	readonly name: string;
	readonly admx: string;
	readonly adml: string | undefined;
}

/** Folder, file name without extension; the ADML is in en-US beside it. */
const SMALL = [['admx', 'everything'], ['workspace', 'contoso'], ['real/admx/w32-example', 'AppAdmxFile01'], ['real/admx/makemeadmin', 'SinclairBase'], ['real/admx/makemeadmin', 'SinclairMakeMeAdmin'], ['real/admx/wau', 'WAU'], ['real/admx/chrome', 'google'], ['real/admx/firefox', 'mozilla']] as const;
/** Hundreds of kilobytes each: every feature on one takes the better part of a second. */
const LARGE = [['real/admx/chrome', 'chrome'], ['real/admx/citrix', 'receiver'], ['real/admx/firefox', 'firefox']] as const;

/** A fixture as the editor would hold it: decoded from its bytes (UTF-16 and byte order marks included). */
function fixture(file: string): string | undefined {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(path.join(repoRoot(), 'test/fixtures', file)));
	} catch {
		return undefined;
	}
	const decoded = decodeFile(bytes);
	if (!('text' in decoded)) {
		throw new Error(`test/fixtures/${file} cannot be decoded: ${decoded.problem.message}`);
	}
	return decoded.text;
}

const seedCache = new Map<string, readonly AdmxSeed[]>();

/** The ADMX files of test/fixtures with their ADML: the small ones, or the three large ones. */
export function seeds(which: 'small' | 'large'): readonly AdmxSeed[] {
	let found = seedCache.get(which);
	if (!found) {
		found = (which === 'small' ? SMALL : LARGE).map(([folder, name]) => {
			const admx = fixture(`${folder}/${name}.admx`);
			if (admx === undefined) {
				throw new Error(`no test/fixtures/${folder}/${name}.admx`);
			}
			return { name: `${folder}/${name}.admx`, admx, adml: fixture(`${folder}/en-US/${name}.adml`) };
		});
		seedCache.set(which, found);
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Mutations with ADMX syntax

const LONG_VALUE = 'Contoso-'.repeat(300);

/** Character references, good and bad, as attribute values and text hold them. */
const REFERENCES = ['&#xA;', 'a&#x9;b', '&#0;', '&#x110000;', '&#xD800;', '&amp;', '&lt;', '&quot;', '&bogus;', '&', '&#65;', '&#x1F600;'] as const;

const ADMX_TOKENS: readonly string[] = [
	'<', '>', '/>', '</', '"', '\'', '=', ':', ' ', '\n', '\r\n', '\t', '\uFEFF', '\u0000', '😀', '$(string.', '$(presentation.', ')',
	...REFERENCES, '<![CDATA[', ']]>', '<!DOCTYPE policyDefinitions>', '<!--', '-->', '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="utf-16"?>',
	'<parentCategory ref="vendor:Cat"/>', '<parentCategory ref="Missing"/>', '<parentCategory ref="t:C0"/>', '<supportedOn ref="Nowhere"/>',
	'<policy name="X" class="Both" displayName="d" key="Software\\Policies\\X">', '</policy>', '<elements>', '</elements>', '<policies>', '</policies>', '<categories>', '</categories>',
	'<enum id="E" valueName="E"><item displayName="d"><value><decimal value="1"/></value></item></enum>', '<text id="T" valueName="T" maxLength="99999999999999999999"/>',
	'<decimal id="D" valueName="D" minValue="5" maxValue="1"/>', '<list id="L" key="System\\X" explicitValue="true" valuePrefix="p"/>', '<boolean id="B" valueName="B"><trueValue><bogus/></trueValue></boolean>',
	'<category name="C" displayName="c"><parentCategory ref="C"/></category>', 'class="Bogus"', 'key="System\\CurrentControlSet\\Policies\\X"', 'key="Software\\Microsoft\\Windows"', 'valueName=""',
	'<using prefix="u" namespace="U"/>', '<target prefix="t" namespace="T"/>', '<string id="x">y</string>', '<presentation id="p"><textBox refId="T"><label>l</label></textBox><comboBox refId="E"/></presentation>',
	'name', 'id', 'ref', 'refId', 'valueName', 'displayName', 'explainText', 'presentation', LONG_VALUE,
];

const mutation = textMutation(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ADMX_TOKENS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) }));
const mutations = (max: number) => fc.array(mutation, { maxLength: max });

function mutate(text: string, list: readonly Mutation[]): string {
	return list.reduce(applyMutation, text);
}

const labels = (list: readonly Mutation[]) => list.map(mutationLabel).join(', ') || 'nothing';

// ---------------------------------------------------------------------------------------------
// Documents

export const ADMX_URI = 'file:///fuzz/policies.admx';
export const ADML_URI = 'file:///fuzz/en-US/policies.adml';

/** An ADMX alone, an ADMX with the ADML beside it (either mutated), or an ADML alone. */
function asDocuments(admx: string, adml: string | undefined, origin: string): fc.Arbitrary<FuzzCase> {
	return fc.tuple(fc.constantFrom('admx', 'admx with adml', 'adml'), mutations(6), mutations(2), offsetsArb).map(([mode, own, other, fractions]) => {
		if (mode === 'adml' && adml !== undefined) {
			return withOffsets('admx', mutate(adml, own), `${origin} (ADML) + ${labels(own)}`, fractions, { uri: ADML_URI });
		}
		const text = mutate(admx, own);
		const beside = mode === 'admx with adml' && adml !== undefined ? mutate(adml, other) : undefined;
		return withOffsets('admx', text, `${origin} + ${labels(own)}${beside === undefined ? '' : `, its ADML + ${labels(other)}`}`, fractions, { uri: ADMX_URI, adml: beside });
	});
}

/** The small real ADMX and ADML files, mutated. */
export function admxDocument(): fc.Arbitrary<FuzzCase> {
	return fc.constantFrom(...seeds('small')).chain((seed) => asDocuments(seed.admx, seed.adml, seed.name));
}

/** Chrome's, Citrix's and Firefox's ADMX files, mutated: what a large file costs each feature. */
export function largeAdmxDocument(): fc.Arbitrary<FuzzCase> {
	return fc.constantFrom(...seeds('large')).chain((seed) => asDocuments(seed.admx, seed.adml, seed.name));
}

// ---------------------------------------------------------------------------------------------
// Generated ADMX files

const attrValue = (plain: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...REFERENCES) }, { weight: 1, arbitrary: fc.constantFrom('', LONG_VALUE, 'a"b', 'x\ny') });
const CATEGORIES = ['C0', 'C1', 'C2', 'C3'];
const refArb = attrValue(fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...CATEGORIES, 'Chain0', 'Loop0') },
	{ weight: 2, arbitrary: fc.constantFrom(...CATEGORIES).map((c) => `t:${c}`) },
	{ weight: 2, arbitrary: fc.constantFrom('vendor:Cat', 'undeclared:Cat', 'Missing', ':', 't:', ':C0') },
));
const KEYS = ['Software\\Policies\\Contoso', 'Software\\Policies\\Contoso\\Sub', 'Software\\Policies\\Microsoft\\Windows\\Contoso', 'Software\\Microsoft\\Windows\\CurrentVersion', 'System\\CurrentControlSet\\Policies\\Microsoft\\FeatureManagement\\Overrides', 'SOFTWARE\\POLICIES\\CONTOSO', ''];
const valueArb = fc.constantFrom('<decimal value="1"/>', '<decimal value="0"/>', '<decimal value="-1"/>', '<decimal value="99999999999"/>', '<longDecimal value="18446744073709551615"/>', '<longDecimal value="x"/>', '<string>on&#xA;off</string>', '<delete/>', '', '<bogus/>');
const flag = fc.constantFrom(undefined, 'true', 'false', '1', 'yes');
const number = fc.constantFrom(undefined, '0', '1', '50', '4294967295', '99999999999999999999', '-1', 'x', ' 7 ');

const itemsArb = fc.array(fc.record({ key: fc.option(fc.constantFrom(...KEYS), { nil: undefined }), valueName: fc.option(attrValue(fc.constantFrom('V', 'W', '')), { nil: undefined }), value: valueArb }), { maxLength: 3 });
const renderItems = (tag: string, items: readonly { key?: string; valueName?: string; value: string }[]) => (items.length === 0 ? '' : `<${tag}>${items.map((i) => `<item${attr('key', i.key)}${attr('valueName', i.valueName)}><value>${i.value}</value></item>`).join('')}</${tag}>`);

function attr(name: string, value: string | undefined): string {
	return value === undefined ? '' : ` ${name}="${value}"`;
}

const elementArb = fc.record({
	type: fc.constantFrom('text', 'multiText', 'decimal', 'longDecimal', 'boolean', 'enum', 'list', 'bogus'),
	id: attrValue(fc.constantFrom('E0', 'E1', 'E2')),
	valueName: fc.option(attrValue(fc.constantFrom('E0', 'E1', 'V', '')), { nil: undefined }),
	key: fc.option(fc.constantFrom(...KEYS), { nil: undefined, freq: 4 }),
	required: flag, soft: flag, expandable: flag, storeAsText: flag, explicitValue: flag, additive: flag,
	maxLength: number, minValue: number, maxValue: number, maxStrings: number,
	valuePrefix: fc.option(fc.constantFrom('p', ''), { nil: undefined, freq: 4 }),
	items: fc.array(fc.record({ displayName: fc.option(attrValue(fc.constantFrom('$(string.I0)', '$(string.Missing)', 'Plain')), { nil: undefined }), value: valueArb, list: itemsArb }), { maxLength: 3 }),
	trueValue: fc.option(valueArb, { nil: undefined }),
	falseList: itemsArb,
});

type ElementSpec = typeof elementArb extends fc.Arbitrary<infer T> ? T : never;

function renderElement(e: ElementSpec): string {
	const attrs = [attr('id', e.id), attr('valueName', e.valueName), attr('key', e.key), attr('required', e.required), attr('soft', e.soft), attr('expandable', e.expandable), attr('storeAsText', e.storeAsText),
		attr('explicitValue', e.explicitValue), attr('additive', e.additive), attr('maxLength', e.maxLength), attr('minValue', e.minValue), attr('maxValue', e.maxValue), attr('maxStrings', e.maxStrings), attr('valuePrefix', e.valuePrefix)].join('');
	const inner = e.type === 'enum'
		? e.items.map((i) => `<item${attr('displayName', i.displayName)}><value>${i.value}</value>${renderItems('valueList', i.list)}</item>`).join('')
		: e.type === 'boolean' ? `${e.trueValue === undefined ? '' : `<trueValue>${e.trueValue}</trueValue>`}${renderItems('falseList', e.falseList)}` : '';
	return `<${e.type}${attrs}${inner ? `>${inner}</${e.type}>` : '/>'}`;
}


const policyArb = fc.record({
	name: attrValue(fc.constantFrom('P0', 'P1', 'P2', 'P0')),
	class: fc.option(fc.constantFrom('Machine', 'User', 'Both', 'machine', 'Bogus'), { nil: undefined, freq: 8 }),
	displayName: fc.option(attrValue(fc.constantFrom('$(string.P)', '$(string.Missing)', 'Plain')), { nil: undefined, freq: 8 }),
	explainText: fc.option(fc.constantFrom('$(string.P_Explain)', '$(string.Missing)'), { nil: undefined, freq: 3 }),
	presentation: fc.option(fc.constantFrom('$(presentation.P)', '$(presentation.Missing)', 'plain'), { nil: undefined }),
	key: fc.option(fc.constantFrom(...KEYS), { nil: undefined, freq: 8 }),
	valueName: fc.option(attrValue(fc.constantFrom('On', 'E0', '')), { nil: undefined }),
	enabledValue: fc.option(valueArb, { nil: undefined }),
	disabledValue: fc.option(valueArb, { nil: undefined }),
	enabledList: itemsArb,
	parent: fc.option(refArb, { nil: undefined, freq: 6 }),
	supportedOn: fc.option(fc.constantFrom('S0', 'windows:SUPPORTED_Windows10', 'Missing'), { nil: undefined }),
	elements: fc.array(elementArb, { maxLength: 4 }),
	/** Elements inside this many levels of <elements>, which the reader must not recurse into without bound. */
	nesting: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }) }),
});

function renderPolicy(p: typeof policyArb extends fc.Arbitrary<infer T> ? T : never): string {
	const head = `<policy${attr('name', p.name)}${attr('class', p.class)}${attr('displayName', p.displayName)}${attr('explainText', p.explainText)}${attr('presentation', p.presentation)}${attr('key', p.key)}${attr('valueName', p.valueName)}>`;
	const elements = p.elements.length === 0 && p.nesting === 0 ? '' : `${'<elements>'.repeat(p.nesting + 1)}${p.elements.map(renderElement).join('')}${'</elements>'.repeat(p.nesting + 1)}`;
	return `${head}${p.parent === undefined ? '' : `<parentCategory ref="${p.parent}"/>`}${p.supportedOn === undefined ? '' : `<supportedOn ref="${p.supportedOn}"/>`}${p.enabledValue === undefined ? '' : `<enabledValue>${p.enabledValue}</enabledValue>`}${p.disabledValue === undefined ? '' : `<disabledValue>${p.disabledValue}</disabledValue>`}${renderItems('enabledList', p.enabledList)}${elements}</policy>`;
}

const generatedAdmxArb = fc.record({
	bom: fc.boolean(),
	declaration: fc.constantFrom('', '<?xml version="1.0" encoding="utf-8"?>\n', '\n<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="windows-1252"?>'),
	xmlns: fc.constantFrom(undefined, 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions', 'http://www.microsoft.com/GroupPolicy/PolicyDefinitions', 'urn:other'),
	target: fc.option(fc.constantFrom('t', ''), { nil: undefined, freq: 6 }),
	using: fc.subarray(['vendor', 'windows', 'unused']),
	categories: fc.array(fc.record({ name: attrValue(fc.constantFrom(...CATEGORIES)), displayName: fc.option(fc.constantFrom('$(string.C)', 'Plain'), { nil: undefined, freq: 6 }), parent: fc.option(refArb, { nil: undefined }) }), { maxLength: 6 }),
	/** Categories Chain0 … ChainN, each under the next: a long path. */
	chain: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }) }),
	/** Categories Loop0 … LoopN, each under the next and the last under the first. */
	loop: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }) }),
	supportedOn: fc.boolean(),
	policies: fc.array(policyArb, { maxLength: 6 }),
});

function renderAdmx(a: typeof generatedAdmxArb extends fc.Arbitrary<infer T> ? T : never): string {
	const chain = Array.from({ length: a.chain }, (_, i) => `<category name="Chain${i}" displayName="$(string.C)"><parentCategory ref="Chain${i + 1}"/></category>`);
	if (a.chain > 0) {
		chain.push(`<category name="Chain${a.chain}" displayName="$(string.C)"/>`);
	}
	const loop = Array.from({ length: a.loop }, (_, i) => `<category name="Loop${i}" displayName="$(string.C)"><parentCategory ref="Loop${(i + 1) % a.loop}"/></category>`);
	const categories = a.categories.map((c) => `<category${attr('name', c.name)}${attr('displayName', c.displayName)}>${c.parent === undefined ? '' : `<parentCategory ref="${c.parent}"/>`}</category>`);
	const namespaces = `<policyNamespaces>${a.target === undefined ? '' : `<target prefix="${a.target}" namespace="Contoso.Policies"/>`}${a.using.map((u) => `<using prefix="${u}" namespace="Contoso.${u}"/>`).join('')}</policyNamespaces>`;
	const supported = a.supportedOn ? '<supportedOn><definitions><definition name="S0" displayName="$(string.S0)"/></definitions></supportedOn>' : '';
	return `${a.bom ? '\uFEFF' : ''}${a.declaration}<policyDefinitions${attr('xmlns', a.xmlns)} revision="1.0" schemaVersion="1.0">\n${namespaces}\n<resources minRequiredRevision="1.0"/>\n${supported}\n<categories>\n${[...categories, ...chain, ...loop].join('\n')}\n</categories>\n<policies>\n${a.policies.map(renderPolicy).join('\n')}\n</policies>\n</policyDefinitions>\n`;
}

/** An ADML for a generated ADMX: the strings it refers to (one left out now and then) and a presentation. */
function admlFor(admx: string, leaveOut: number): string {
	const ids = [...new Set(Array.from(admx.matchAll(/\$\(string\.([^)"]*)\)/g), (m) => m[1]))].filter((_, i) => i !== leaveOut);
	return `<?xml version="1.0" encoding="utf-8"?>\n<policyDefinitionResources revision="1.0" schemaVersion="1.0"><displayName>Generated</displayName><description>d</description><resources>\n<stringTable>${ids.map((id) => `<string id="${id}">${id} text</string>`).join('')}</stringTable>\n<presentationTable><presentation id="P"><textBox refId="E0"><label>l</label><defaultValue>d</defaultValue></textBox><dropdownList refId="E1" defaultItem="0">x</dropdownList><comboBox refId="Nothing"><label>c</label><suggestion>s</suggestion></comboBox><decimalTextBox refId="E2" defaultValue="3">n</decimalTextBox></presentation></presentationTable>\n</resources></policyDefinitionResources>\n`;
}

const generatedPair = fc.tuple(generatedAdmxArb, fc.nat(6)).map(([spec, leaveOut]) => {
	const admx = renderAdmx(spec);
	return { admx, adml: admlFor(admx, leaveOut) };
});

/** Generated ADMX files (with their ADML, or the ADML alone) and a few mutations. */
export function generatedAdmxDocument(): fc.Arbitrary<FuzzCase> {
	return generatedPair.chain(({ admx, adml }) => asDocuments(admx, adml, 'generated'));
}

// ---------------------------------------------------------------------------------------------
// ADMX where MDM carries it

/** A value of the element's type for a payload, right or a little wrong. */
function dataValue(element: AdmxElement, pick: number): string {
	switch (element.type) {
		case 'decimal':
		case 'longDecimal':
			return ['1', String(element.minValue), String(element.maxValue), '-1', 'x'][pick % 5];
		case 'boolean':
			return ['true', 'false', '1'][pick % 3];
		case 'enum':
			return ['0', String(element.items.length), 'x'][pick % 3];
		case 'list':
		case 'multiText':
			return ['a&#xF000;a', 'a&#xF000;b&#xF000;c', ''][pick % 3];
		default:
			return ['text', '', '&amp;'][pick % 3];
	}
}

/** The payload of a policy, enabled with a value for each element or disabled. */
function payloadOf(policy: AdmxPolicy, enabled: boolean, pick: number): string {
	return enabled ? `<enabled/>${policy.elements.map((e) => `<data id="${escapeXml(e.id).replace(/"/g, '&quot;')}" value="${dataValue(e, pick)}"/>`).join('')}` : '<disabled/>';
}

/** Up to three policies of the ADMX with their node under `app`, each enabled or disabled. */
function configured(file: AdmxFile, app: string, pick: number): { uri: string; payload: string }[] {
	return file.policies.slice(0, 3).map((policy, i) => ({ uri: configNode(file, policy, app).uris[0].uri, payload: payloadOf(policy, (pick + i) % 3 !== 0, pick + i) }));
}

const META = '<Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>';

function syncmlCarrying(admx: string, app: string, form: string, writes: readonly { uri: string; payload: string }[]): string {
	const data = form === 'escaped' ? escapeXml(admx) : form === 'cdata after a line break' ? `<![CDATA[\n${admx}]]>` : `<![CDATA[${admx}]]>`;
	const install = `<Add><CmdID>1</CmdID><Item>${META}<Target><LocURI>./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${app}/Policy/File01</LocURI></Target><Data>${data}</Data></Item></Add>`;
	const sets = writes.map((w, i) => `<Replace><CmdID>${i + 2}</CmdID><Item>${META}<Target><LocURI>${w.uri}</LocURI></Target><Data>${escapeXml(w.payload)}</Data></Item></Replace>`);
	return `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>\n${[install, ...sets].join('\n')}\n<Final/></SyncBody></SyncML>\n`;
}

function intuneCarrying(admx: string, app: string, writes: readonly { uri: string; payload: string }[]): string {
	const row = (uri: string, value: string) => ({ '@odata.type': '#microsoft.graph.omaSettingString', 'displayName': uri.split('/').pop(), 'omaUri': uri, 'value': value });
	return JSON.stringify({
		'@odata.type': '#microsoft.graph.windows10CustomConfiguration',
		'displayName': 'Ingested',
		'omaSettings': [row(`./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${app}/Policy/File01`, admx), ...writes.map((w) => row(w.uri, w.payload))],
	}, null, 2);
}

/** A real or a generated ADMX text, maybe mutated. */
function anyAdmx(): fc.Arbitrary<{ admx: string; adml: string | undefined; origin: string }> {
	return fc.oneof(
		fc.constantFrom(...seeds('small')).map((s) => ({ admx: s.admx, adml: s.adml, origin: s.name })),
		generatedPair.map((p) => ({ ...p, origin: 'generated' })),
	).chain((source) => mutations(3).map((list) => ({ ...source, admx: mutate(source.admx, list), origin: `${source.origin} + ${labels(list)}` })));
}

/** ADMX ingested by SyncML (in CDATA or escaped) or by an Intune custom profile, with policies of it set; then a few mutations. */
export function admxCarriedDocument(): fc.Arbitrary<FuzzCase> {
	return fc.tuple(anyAdmx(), fc.constantFrom('cdata', 'escaped', 'cdata after a line break', 'intune'), fc.constantFrom('Contoso', 'contoso', 'App~X', ''), fc.nat(30), mutations(2), offsetsArb).map(([source, carrier, app, pick, after, fractions]) => {
		const writes = configured(loadAdmx(source.admx), app, pick);
		const lang = carrier === 'intune' ? 'intune' : 'syncml';
		const text = mutate(carrier === 'intune' ? intuneCarrying(source.admx, app, writes) : syncmlCarrying(source.admx, app, carrier, writes), after);
		return withOffsets(lang, text, `${source.origin} in ${carrier} as ${JSON.stringify(app)}, ${writes.length} policies set, + ${labels(after)}`, fractions);
	});
}

/** A profile that sets policies of an ADMX it names in `admx:` (read as `ingested`), then a few mutations. */
export function admxIngestedProfile(): fc.Arbitrary<FuzzCase> {
	return fc.tuple(anyAdmx(), fc.constantFrom('Contoso', 'contoso', 'Other'), fc.nat(30), mutations(2), offsetsArb).map(([source, app, pick, after, fractions]) => {
		const file = loadAdmx(source.admx);
		const policies = file.policies.slice(0, 4).map((policy, i) => {
			const state = ['enabled', 'disabled', 'not-configured'][(pick + i) % 3];
			const options = state === 'enabled' && policy.elements.length > 0 ? `\n    options:\n${policy.elements.map((e) => `      ${JSON.stringify(e.id)}: ${JSON.stringify(dataValue(e, pick + i).replace(/&#xF000;/g, ','))}\n`).join('')}` : '';
			return `  ${JSON.stringify(`Contoso/${policy.name}`)}:${options ? `\n    state: ${state}${options}` : ` { state: ${state} }\n`}`;
		});
		const yaml = mutate(`profile: Ingested\nadmx:\n  - app: ${app}\n    file: admx/policies.admx\npolicies:\n${policies.join('') || '  SessionLogging: { state: enabled }\n'}`, after);
		return withOffsets('rapolicy', yaml, `a profile of ${source.origin} as ${app} + ${labels(after)}`, fractions, { ingested: { app: 'Contoso', admx: source.admx, adml: source.adml } });
	});
}
