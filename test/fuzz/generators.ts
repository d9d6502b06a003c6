/**
 * fast-check generators of random and mutated policy YAML and SyncML documents, and the text
 * mutations the generators of other inputs (test/fuzz/admxGenerators.ts, gpoGenerators.ts) share.
 * test/fuzz/properties.ts makes the properties of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { POLICIES } from '../../server/src/service';
import type { FuzzIngestion, Lang } from './fuzzCore';
import { anyCodePoint } from '../helpers/unicode';

// ---------------------------------------------------------------------------------------------
// Seeds: the example files

export interface Seed {
	readonly name: string;
	readonly lang: Lang;
	readonly text: string;
}

/** The repository root, found from this file whether it runs compiled (out/test/fuzz) or not. */
export function repoRoot(): string {
	let dir = __dirname;
	for (let i = 0; i < 6; i++) {
		try {
			readdirSync(path.join(dir, 'examples'));
			readFileSync(path.join(dir, 'package.json'));
			return dir;
		} catch {
			dir = path.dirname(dir);
		}
	}
	throw new Error(`no repository root above ${__dirname}`);
}

function langOfFile(name: string): Lang | undefined {
	if (/\.rapolicy\.ya?ml$/i.test(name)) {
		return 'rapolicy';
	}
	if (/\.(syncml|xml)$/i.test(name)) {
		return 'syncml';
	}
	if (/\.json$/i.test(name)) {
		return 'intune';
	}
	return undefined;
}

let seedCache: Seed[] | undefined;

/** examples/* and test/fixtures/workspace/*, each with its language. */
export function loadSeeds(): Seed[] {
	if (seedCache) {
		return seedCache;
	}
	const root = repoRoot();
	const seeds: Seed[] = [];
	for (const dir of ['examples', 'test/fixtures/workspace', 'test/fixtures/real/syncml', 'test/fixtures/real/intune']) {
		let names: string[];
		try {
			names = readdirSync(path.join(root, dir)).sort();
		} catch {
			continue;
		}
		for (const name of names) {
			const lang = langOfFile(name);
			if (lang) {
				seeds.push({ name: `${dir}/${name}`, lang, text: readFileSync(path.join(root, dir, name), 'utf8') });
			}
		}
	}
	for (const lang of ['rapolicy', 'syncml'] as const) {
		if (!seeds.some((s) => s.lang === lang)) {
			throw new Error(`no ${lang} example to mutate`);
		}
	}
	seedCache = seeds;
	return seeds;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const POLICY_NAMES = [...new Set(POLICIES.map((p) => p.name))];
const ELEMENT_IDS = [...new Set(POLICIES.flatMap((p) => p.elements.map((e) => e.id)))];
const ENUM_ALIASES = [...new Set(POLICIES.flatMap((p) => p.elements.flatMap((e) => (e.type === 'enum' ? e.items.map((i) => i.alias) : []))))];
const URIS = [...new Set(POLICIES.flatMap((p) => [p.omaUri, p.resultUri]))];

/** Characters and short tokens that mean something in YAML, XML or the payload. */
export const SYNTAX_TOKENS: readonly string[] = [
	':', ': ', '-', '- ', '{', '}', '[', ']', ',', '<', '>', '/', '/>', '</', '=', '?', '!', '%', '@', '`', '|', '|-', '>-', '#', '# ', '\\', '"', '\'', '""',
	'&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#xF000;', '&amp;#xF000;', '&#0;', '&#x110000;', '&#xD800;', '&#65;', '&bogus;', '&', '&#', ';',
	']]>', '<![CDATA[', '<!--', '-->', '<?xml version="1.0" encoding="utf-8"?>', '<?', '?>', '<!DOCTYPE x>', '<!', '<![CDATA[<enabled/>]]>',
	'\n', '\r\n', '\r', '\t', ' ', '  ', '    ', '\n  ', '\n    ', '\n      ', '---', '---\n', '...', '&a ', '*a', '&x [1, 2]', '!!str ', '!!binary ', '? ',
	'# rapolicy-disable-next-line ', '# rapolicy-disable-next-line decimal-range', '<!-- rapolicy-disable-next-line -->', '<!-- rapolicy-disable-next-line xml-syntax -->',
	'\u0000', '\u0001', '\u0008', '\uFFFD', '\uFFFE', '\uF000', '\uFEFF', '\u2028', '\u0085', '\u00A0', '\uD800', '\uDC00', '😀', '👩‍💻', '𝔘', 'é', 'Ω',
];

/** Words the service knows, to swap for each other or for near misses. */
export const WORDS: readonly string[] = [
	'profile', 'description', 'scope', 'policies', 'state', 'options', 'device', 'user', 'Device', 'enabled', 'disabled', 'not-configured', 'Enabled', 'enabld',
	...POLICY_NAMES, ...ELEMENT_IDS, ...ENUM_ALIASES, 'SessionLoging', 'ra_optimize_bandwidth', 'RA_Unsolicit', 'RA_Unsolicit_Control_Lst',
	'0', '1', '2', '8', '12', '14', '99', '100', '120', '-1', '1.5', '0x10', '1e3', '007', 'true', 'false', 'null', '~', '.inf',
	'CORP\\RA-Helpdesk', 'CORP\\', '\\name', 'CORP\\RA-Helpdesk\uF000CORP\\RA-Helpdesk', 'corp\\ra-helpdesk',
	'SyncML', 'SyncHdr', 'SyncBody', 'Replace', 'Add', 'Delete', 'Get', 'Exec', 'Atomic', 'Sequence', 'CmdID', 'Item', 'Target', 'Source', 'LocURI',
	'Meta', 'Format', 'Type', 'Data', 'Final', 'VerDTD', 'VerProto', 'SessionID', 'MsgID', 'chr', 'b64', 'int', 'text/plain', 'text/xml', '1.2', 'DM/1.2',
	'xmlns="SYNCML:SYNCML1.2"', 'xmlns="syncml:metinf"', 'xmlns="SYNCML:SYNCML1.1"',
	...URIS, './User/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging', './device/vendor/msft/policy/config/remoteassistance/SessionLogging',
	'./Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging', './Device/Vendor/MSFT/Policy/Config/Browser/AllowAutofill',
	'<enabled/>', '<disabled/>', '<Enabled/>', '&lt;enabled/&gt;', '&lt;disabled/&gt;', '&amp;lt;enabled/&amp;gt;',
	'<data id="RA_Solicit_ExpireValue_Edt" value="120"/>', '&lt;data id="RA_Unsolicit_Control_List" value="1"/&gt;', '&lt;data id=&quot;RA_Optimize_Bandwidth_List&quot; value=&quot;8&quot;/&gt;',
	'<Replace><CmdID>9</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Data>&lt;enabled/&gt;</Data></Item></Replace>',
	'<Atomic><CmdID>7</CmdID><Atomic><CmdID>8</CmdID></Atomic></Atomic>', '<Final/>', '</SyncBody>', '</SyncML>', '<SyncML xmlns="SYNCML:SYNCML1.2">',
	'  SessionLogging: { state: enabled }', 'profile: Fuzz', '  RA_EncryptedTicketOnly:\n    state: disabled', 'RA_Solicit_ExpireValue_Edt: 120',
];

// ---------------------------------------------------------------------------------------------
// Mutations

export const MUTATION_KINDS = [
	'insert', 'insert', 'delete', 'replace', 'replace', 'duplicate-line', 'delete-line', 'swap-lines', 'indent-more', 'indent-less', 'indent-tab',
	'truncate', 'eol-crlf', 'eol-cr', 'eol-one-cr', 'word', 'word', 'number', 'newline', 'repeat',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
	readonly kind: MutationKind;
	/** Where, as millionths of the text length, so the same mutation shrinks towards the start. */
	readonly at: number;
	readonly span: number;
	readonly token: string;
	readonly n: number;
}

export const POSITION_SCALE = 1_000_000;

function lineBounds(text: string, offset: number): { start: number; end: number; next: number } {
	let start = offset;
	while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') {
		start--;
	}
	let end = offset;
	while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
		end++;
	}
	const next = text.startsWith('\r\n', end) ? end + 2 : end < text.length ? end + 1 : end;
	return { start, end, next };
}

export function applyMutation(text: string, m: Mutation): string {
	const p = Math.min(text.length, Math.floor((m.at / POSITION_SCALE) * (text.length + 1)));
	const q = Math.min(text.length, p + m.span);
	const line = lineBounds(text, p);
	switch (m.kind) {
		case 'insert':
			return text.slice(0, p) + m.token + text.slice(p);
		case 'delete':
			return text.slice(0, p) + text.slice(q);
		case 'replace':
			return text.slice(0, p) + m.token + text.slice(q);
		case 'duplicate-line': {
			const whole = text.slice(line.start, line.next);
			return text.slice(0, line.start) + whole + (whole.endsWith('\n') || whole.endsWith('\r') ? '' : '\n') + text.slice(line.start);
		}
		case 'delete-line':
			return text.slice(0, line.start) + text.slice(line.next);
		case 'swap-lines': {
			const after = lineBounds(text, line.next);
			if (line.next >= text.length) {
				return text;
			}
			const first = text.slice(line.start, line.end);
			const second = text.slice(after.start, after.end);
			return text.slice(0, line.start) + second + text.slice(line.end, after.start) + first + text.slice(after.end);
		}
		case 'indent-more':
			return text.slice(0, line.start) + ' '.repeat(m.n) + text.slice(line.start);
		case 'indent-less': {
			const indent = /^[ \t]*/.exec(text.slice(line.start, line.end))?.[0] ?? '';
			const remove = Math.min(indent.length, m.n);
			return text.slice(0, line.start) + text.slice(line.start + remove);
		}
		case 'indent-tab': {
			const indent = /^[ \t]*/.exec(text.slice(line.start, line.end))?.[0] ?? '';
			const tabs = m.n % 2 === 0 ? '\t'.repeat(Math.max(1, indent.length >> 2)) : ` \t${indent.slice(2)}`;
			return text.slice(0, line.start) + tabs + text.slice(line.start + indent.length);
		}
		case 'truncate':
			return text.slice(0, p);
		case 'eol-crlf':
			return text.replace(/\r\n|\r|\n/g, '\r\n');
		case 'eol-cr':
			return text.replace(/\r\n|\r|\n/g, '\r');
		case 'eol-one-cr':
			return line.end < text.length ? text.slice(0, line.end) + '\r' + text.slice(line.next) : text;
		case 'word': {
			let s = p;
			let e = p;
			while (s > 0 && /[\w.\\/-]/.test(text[s - 1])) {
				s--;
			}
			while (e < text.length && /[\w.\\/-]/.test(text[e])) {
				e++;
			}
			return text.slice(0, s) + m.token + text.slice(e);
		}
		case 'number': {
			const digits = /\d+/g;
			digits.lastIndex = p;
			const found = digits.exec(text) ?? /\d+/.exec(text);
			if (!found) {
				return text.slice(0, p) + String(m.n * 37 - 50) + text.slice(p);
			}
			const replacement = ['0', '-1', '100', '120', '99', '1', '4294967296', '1.5', ' ', ''][m.n % 10];
			return text.slice(0, found.index) + replacement + text.slice(found.index + found[0].length);
		}
		case 'newline':
			return text.slice(0, p) + '\n' + ' '.repeat(m.n - 1) + text.slice(p);
		case 'repeat':
			return text.slice(0, p) + text.slice(p, q).repeat(m.n) + text.slice(q);
	}
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** A document to check: its language, text, where it came from, and offsets to ask at. */
export interface FuzzCase {
	readonly lang: Lang;
	readonly text: string;
	readonly origin: string;
	readonly offsets: readonly number[];
	/** The document's name, where it decides how it is read (an ADML). */
	readonly uri?: string;
	/** For an ADMX: the ADML beside it. */
	readonly adml?: string;
	/** An ADMX ingested elsewhere that the document is checked against. */
	readonly ingested?: FuzzIngestion;
}

const tokenArb = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...SYNTAX_TOKENS) },
	{ weight: 4, arbitrary: fc.constantFrom(...WORDS) },
	{ weight: 1, arbitrary: fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 3 }) },
	{ weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'<>&;:-{}[]"\'#/!?=\\ \t\r\n%*|'), minLength: 1, maxLength: 4 }) },
);

/** Random mutations of text that insert, replace or swap in `tokens`. */
export function textMutation(tokens: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
	return fc.record({
		kind: fc.constantFrom(...MUTATION_KINDS),
		at: fc.integer({ min: 0, max: POSITION_SCALE }),
		span: fc.integer({ min: 0, max: 40 }),
		token: tokens,
		n: fc.integer({ min: 1, max: 8 }),
	});
}

const mutationArb = textMutation(tokenArb);

export const offsetsArb = fc.array(fc.integer({ min: 0, max: POSITION_SCALE }), { minLength: 3, maxLength: 3 });

export function withOffsets(lang: Lang, text: string, origin: string, fractions: readonly number[], more: Partial<FuzzCase> = {}): FuzzCase {
	return { ...more, lang, text, origin, offsets: fractions.map((f) => Math.floor((f / POSITION_SCALE) * (text.length + 1))) };
}

export function mutationLabel(m: Mutation): string {
	return `${m.kind}@${(m.at / POSITION_SCALE).toFixed(3)}${m.kind === 'insert' || m.kind === 'replace' || m.kind === 'word' ? ` ${JSON.stringify(m.token)}` : ''}`;
}

/** An example file of `lang` (or, now and then, of the other language) with 1 to 8 random mutations. */
export function mutatedDocument(lang: Lang): fc.Arbitrary<FuzzCase> {
	const seeds = loadSeeds();
	const own = seeds.filter((s) => s.lang === lang);
	const other = seeds.filter((s) => s.lang !== lang);
	const seedArb = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...other) });
	return fc.tuple(seedArb, fc.array(mutationArb, { minLength: 1, maxLength: 8 }), offsetsArb).map(([seed, mutations, fractions]) => {
		const text = mutations.reduce(applyMutation, seed.text);
		return withOffsets(lang, text, `${seed.name} + ${mutations.map(mutationLabel).join(', ')}`, fractions);
	});
}

// Structured random documents: the right shape, random content, so the deeper rules run.

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const textValueArb = fc.oneof(
	fc.constantFrom('Helpdesk', 'A helper is connecting.', '', ' ', 'x'.repeat(1030), 'a: b', '#x', '"q"', 'CORP\\RA', '\uF000', '\u0000', '😀 hi', '&amp;', '<b>', 'null'),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: anyCodePoint, maxLength: 8 }),
);

function yamlScalar(value: string | number, style: number): string {
	if (typeof value === 'number') {
		return String(value);
	}
	switch (style % 3) {
		case 0:
			return value;
		case 1:
			return JSON.stringify(value);
		default:
			return `'${value.replace(/'/g, '\'\'')}'`;
	}
}

const yamlOptionValueArb = fc.oneof(
	fc.constantFrom(...ENUM_ALIASES),
	fc.integer({ min: -5, max: 150 }),
	textValueArb,
	fc.array(fc.oneof(fc.constantFrom('CORP\\RA-Helpdesk', 'CORP\\RA-Tier2', 'corp\\ra-helpdesk', 'nobody', 'CORP\\', ''), textValueArb), { maxLength: 4 }),
);

const yamlPolicyArb = fc.record({
	name: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...POLICY_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('SessionLoging', 'RA_Unsolicit', 'Foo') }),
	state: fc.option(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('enabled', 'disabled', 'not-configured') }, { weight: 1, arbitrary: fc.constantFrom('Enabled', 'on', '1', 'true', '') }), { freq: 8 }),
	flow: fc.boolean(),
	allOptions: fc.boolean(),
	options: fc.array(fc.tuple(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ELEMENT_IDS) }, { weight: 1, arbitrary: fc.constant('RA_Bogus') }), yamlOptionValueArb, fc.nat(5)), { maxLength: 5 }),
	style: fc.nat(5),
});

function renderYamlPolicy(p: ValueOf<typeof yamlPolicyArb>): string {
	const definition = POLICIES.find((d) => d.name === p.name);
	const options = new Map<string, string | number | (string)[]>();
	if (p.allOptions && definition) {
		for (const element of definition.elements) {
			options.set(element.id, element.type === 'enum' ? element.items[p.style % element.items.length].alias : element.type === 'decimal' ? 1 + (p.style * 17) % 99 : element.type === 'text' ? 'Text' : ['CORP\\RA-Helpdesk']);
		}
	}
	for (const [id, value] of p.options) {
		options.set(id, value);
	}
	const scalar = (v: string | number, s: number) => yamlScalar(v, s);
	if (p.flow) {
		const parts: string[] = [];
		if (p.state !== null) {
			parts.push(`state: ${scalar(p.state, p.style)}`);
		}
		if (options.size > 0) {
			const opts = [...options].map(([id, v]) => `${id}: ${Array.isArray(v) ? `[${v.map((i) => JSON.stringify(i)).join(', ')}]` : JSON.stringify(v)}`);
			parts.push(`options: { ${opts.join(', ')} }`);
		}
		return `  ${p.name}: { ${parts.join(', ')} }\n`;
	}
	let out = `  ${p.name}:\n`;
	if (p.state !== null) {
		out += `    state: ${scalar(p.state, p.style)}\n`;
	}
	if (options.size > 0) {
		out += '    options:\n';
		for (const [id, v] of options) {
			if (Array.isArray(v)) {
				out += v.length === 0 ? `      ${id}: []\n` : `      ${id}:\n${v.map((i) => `        - ${JSON.stringify(i)}\n`).join('')}`;
			} else {
				out += `      ${id}: ${typeof v === 'string' ? JSON.stringify(v) : v}\n`;
			}
		}
	}
	return out;
}

const yamlProfileArb = fc.record({
	name: fc.option(fc.oneof(fc.constantFrom('Helpdesk', 'Fleet'), textValueArb), { freq: 6 }),
	description: fc.option(textValueArb, { freq: 3 }),
	scope: fc.option(fc.constantFrom('device', 'user', 'Device'), { freq: 3 }),
	policies: fc.array(yamlPolicyArb, { maxLength: 6 }),
	style: fc.nat(5),
}).map((p) => {
	let out = '';
	if (p.name !== null) {
		out += `profile: ${yamlScalar(p.name, p.style + 1)}\n`;
	}
	if (p.description !== null) {
		out += `description: ${JSON.stringify(p.description)}\n`;
	}
	if (p.scope !== null) {
		out += `scope: ${p.scope}\n`;
	}
	out += 'policies:\n';
	out += p.policies.map(renderYamlPolicy).join('');
	return out;
});

/** Random policy YAML: 1 to 3 generated profiles. */
export const structuredYaml: fc.Arbitrary<string> = fc.array(yamlProfileArb, { minLength: 1, maxLength: 3 }).map((docs) => docs.join('---\n'));

export function escapeXml(value: string): string {
	return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const payloadArb = fc.record({
	state: fc.constantFrom('<enabled/>', '<disabled/>', '<Enabled/>', '', '<enabled>'),
	policy: fc.constantFrom(...POLICY_NAMES),
	values: fc.array(fc.oneof(fc.constantFrom('0', '1', '2', '8', '14', '99', '120', '', 'CORP\\RA-Helpdesk&#xF000;CORP\\RA-Helpdesk', 'CORP\\A&#xF000;CORP\\B', 'x&#xF000;'), textValueArb.map(escapeXml)), { minLength: 0, maxLength: 5 }),
	complete: fc.boolean(),
}).map((p) => {
	const definition = POLICIES.find((d) => d.name === p.policy);
	const elements = definition?.elements ?? [];
	const items = elements.map((element, i) => {
		const fallback = element.type === 'enum' ? String(element.items[0].value) : element.type === 'decimal' ? '4' : element.type === 'list' ? 'CORP\\X&#xF000;CORP\\X' : 'Text';
		const value = p.values[i] ?? (p.complete ? fallback : undefined);
		return value === undefined ? '' : `<data id="${element.id}" value="${value.replace(/"/g, '&quot;')}"/>`;
	});
	return { policy: p.policy, payload: p.state + items.join('') };
});

const syncmlItemArb = fc.record({
	uri: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...URIS) }, { weight: 1, arbitrary: fc.constantFrom(...WORDS.filter((w) => w.startsWith('./'))) }, { weight: 1, arbitrary: fc.constant(undefined) }),
	meta: fc.constantFrom('chr', 'none', 'b64', 'typeonly'),
	encoding: fc.constantFrom('escape', 'cdata', 'raw', 'double', 'none'),
	payload: payloadArb,
});

const syncmlCommandArb = fc.record({
	name: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('Replace', 'Add', 'Delete', 'Get') }, { weight: 1, arbitrary: fc.constantFrom('Exec', 'Atomic', 'Sequence', 'Bogus', 'Results', 'Status', 'Alert') }),
	source: fc.boolean(),
	cmdId: fc.oneof(fc.nat(12).map(String), fc.constantFrom('', '0', 'x', undefined)),
	items: fc.array(syncmlItemArb, { minLength: 0, maxLength: 2 }),
});

function renderSyncmlItem(item: ValueOf<typeof syncmlItemArb>, useUriOfPayload: boolean, node = 'Target'): string {
	const uri = item.uri === undefined ? undefined : useUriOfPayload && item.uri.includes('/Config/') ? item.uri.replace(/[^/]+$/, item.payload.policy) : item.uri;
	const meta = item.meta === 'chr'
		? '<Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>'
		: item.meta === 'b64' ? '<Meta><Format xmlns="syncml:metinf">b64</Format></Meta>' : item.meta === 'typeonly' ? '<Meta><Type xmlns="syncml:metinf">text/xml</Type></Meta>' : '';
	const payload = item.payload.payload;
	const data = item.encoding === 'escape' ? escapeXml(payload)
		: item.encoding === 'cdata' ? `<![CDATA[${payload}]]>`
		: item.encoding === 'raw' ? payload
		: item.encoding === 'double' ? escapeXml(escapeXml(payload)) : undefined;
	return `      <Item>\n${uri === undefined ? '' : `        <${node}><LocURI>${uri}</LocURI></${node}>\n`}${meta ? `        ${meta}\n` : ''}${data === undefined ? '' : `        <Data>${data}</Data>\n`}      </Item>\n`;
}

/**
 * Random SyncML documents of every kind: a message with a header or not, a SyncBody root, or a
 * Fleet-style profile of top-level commands; commands with items (named by Target or, as a device
 * does, by Source) and payloads, Final or not.
 */
export const structuredSyncml: fc.Arbitrary<string> = fc.record({
	kind: fc.constantFrom('message', 'message', 'body', 'profile'),
	header: fc.constantFrom('none', 'good', 'bad'),
	commands: fc.array(syncmlCommandArb, { maxLength: 5 }),
	final: fc.boolean(),
	matchUris: fc.boolean(),
	declaration: fc.boolean(),
}).map((m) => {
	const header = m.header === 'none' ? ''
		: m.header === 'good'
			? '  <SyncHdr>\n    <VerDTD>1.2</VerDTD>\n    <VerProto>DM/1.2</VerProto>\n    <SessionID>1</SessionID>\n    <MsgID>1</MsgID>\n    <Target><LocURI>device</LocURI></Target>\n    <Source><LocURI>mdm</LocURI></Source>\n  </SyncHdr>\n'
			: '  <SyncHdr><VerDTD>1.1</VerDTD><VerProto>DM/1.1</VerProto></SyncHdr>\n';
	const commands = m.commands.map((c, i) => {
		const id = c.cmdId === undefined ? '' : `      <CmdID>${m.matchUris ? String(i + 1) : c.cmdId}</CmdID>\n`;
		return `    <${c.name}>\n${id}${c.items.map((item) => renderSyncmlItem(item, m.matchUris, c.source ? 'Source' : 'Target')).join('')}    </${c.name}>\n`;
	}).join('');
	const declaration = m.declaration ? '<?xml version="1.0" encoding="utf-8"?>\n' : '';
	const body = `  <SyncBody>\n${commands}${m.final ? '    <Final/>\n' : ''}  </SyncBody>\n`;
	return m.kind === 'profile' ? `${declaration}${commands}`
		: m.kind === 'body' ? `${declaration}${body}`
		: `${declaration}<SyncML xmlns="SYNCML:SYNCML1.2">\n${header}${body}</SyncML>\n`;
});

/** A random text in `lang`: soup of meaningful tokens, arbitrary Unicode, or a generated document. */
export function randomDocument(lang: Lang): fc.Arbitrary<FuzzCase> {
	const soup = fc.array(tokenArb, { maxLength: 80 }).map((parts) => parts.join(''));
	const structured = lang === 'syncml' ? structuredSyncml : structuredYaml;
	const textArb = fc.oneof(
		{ weight: 4, arbitrary: structured.map((t) => ({ text: t, origin: 'generated' })) },
		{ weight: 3, arbitrary: soup.map((t) => ({ text: t, origin: 'token soup' })) },
		{ weight: 1, arbitrary: fc.string({ unit: anyCodePoint, maxLength: 300 }).map((t) => ({ text: t, origin: 'unicode' })) },
		{ weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'<>/&;:-{}[]"\' \t\r\n#!?=abc01'), maxLength: 300 }).map((t) => ({ text: t, origin: 'syntax characters' })) },
	);
	return fc.tuple(textArb, offsetsArb).map(([{ text, origin }, fractions]) => withOffsets(lang, text, origin, fractions));
}

/** A generated document with a few mutations: mostly right, a little wrong. */
export function mutatedGeneratedDocument(lang: Lang): fc.Arbitrary<FuzzCase> {
	const structured = lang === 'syncml' ? structuredSyncml : structuredYaml;
	return fc.tuple(structured, fc.array(mutationArb, { maxLength: 3 }), offsetsArb).map(([base, mutations, fractions]) =>
		withOffsets(lang, mutations.reduce(applyMutation, base), `generated + ${mutations.map(mutationLabel).join(', ') || 'nothing'}`, fractions));
}
