/**
 * Hostile inputs for test/unit/hostile.test.ts, built inside the child process that checks them
 * (test/fuzz/hostileWorker.ts), so a 50 MB text is never copied between processes.
 */
import type { Lang } from './fuzzCore';

export interface HostileInput {
	readonly lang: Lang;
	readonly text: string;
	/** Offsets to ask completion, hover and code actions at (besides 0, the middle and the end). */
	readonly offsets: readonly number[];
}

export interface HostileParams {
	/** A file the service must never read, for external entities. */
	readonly canaryPath: string;
}

/** A profile whose only problem is an invitation lifetime of 120 (the range is 1..99). */
export const YAML_EXPIRY_120 = [
	'# Helpdesk profile: users may ask for help.',
	'profile: Helpdesk',
	'description: Invitations expire after two hours.',
	'policies:',
	'  SolicitedRemoteAssistance:',
	'    state: enabled',
	'    options:',
	'      RA_Solicit_Control_List: view-only',
	'      RA_Solicit_ExpireValue_Edt: 120',
	'      RA_Solicit_ExpireUnits_List: minutes',
	'      RA_Solicit_Mailto_List: mailto',
	'  SessionLogging: { state: enabled }',
	'',
].join('\n');

export const YAML_CLEAN = YAML_EXPIRY_120.replace('ExpireValue_Edt: 120', 'ExpireValue_Edt: 90');

const SOLICITED_URI = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SolicitedRemoteAssistance';
const META = '<Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>';

function solicitedPayload(expiry: string): string {
	return `&lt;enabled/&gt;&lt;data id="RA_Solicit_Control_List" value="1"/&gt;&lt;data id="RA_Solicit_ExpireValue_Edt" value="${expiry}"/&gt;&lt;data id="RA_Solicit_ExpireUnits_List" value="1"/&gt;&lt;data id="RA_Solicit_Mailto_List" value="1"/&gt;`;
}

/** A SyncML message whose only problem is the same lifetime of 120 inside the escaped payload. */
export function syncmlExpiry(expiry = '120', dataPrefix = ''): string {
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<!-- Solicited Remote Assistance for the helpdesk. -->',
		'<SyncML xmlns="SYNCML:SYNCML1.2">',
		'  <SyncBody>',
		'    <Replace>',
		'      <CmdID>1</CmdID>',
		'      <Item>',
		`        <Target><LocURI>${SOLICITED_URI}</LocURI></Target>`,
		`        ${META}`,
		`        ${dataPrefix}<Data>${solicitedPayload(expiry)}</Data>`,
		'      </Item>',
		'    </Replace>',
		'    <Final/>',
		'  </SyncBody>',
		'</SyncML>',
		'',
	].join('\n');
}

export const SYNCML_EXPIRY_120 = syncmlExpiry();
export const SYNCML_CLEAN = syncmlExpiry('90');

/** One Replace with a command body, for messages built around hostile content. */
function syncmlWith(body: string, before = ''): string {
	return `<?xml version="1.0" encoding="utf-8"?>\n${before}<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n${body}    <Final/>\n  </SyncBody>\n</SyncML>\n`;
}

const BILLION_LAUGHS_DTD = [
	'<!DOCTYPE SyncML [',
	'  <!ENTITY lol "lol">',
	...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
	']>',
	'',
].join('\n');

function billionLaughs(): string {
	const body = [
		'    <Replace>',
		'      <CmdID>1</CmdID>',
		'      <Item>',
		'        <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging&lol9;</LocURI></Target>',
		`        ${META}`,
		'        <Data>&lt;enabled/&gt;&lol9;</Data>',
		'      </Item>',
		'    </Replace>',
		'',
	].join('\n');
	return syncmlWith(body, BILLION_LAUGHS_DTD);
}

function externalEntities(params: HostileParams): string {
	const dtd = [
		'<!DOCTYPE SyncML [',
		'  <!ENTITY xxe SYSTEM "file:///etc/passwd">',
		'  <!ENTITY plain SYSTEM "/etc/passwd">',
		`  <!ENTITY canary SYSTEM "file://${params.canaryPath}">`,
		'  <!ENTITY net SYSTEM "http://127.0.0.1:9/passwd">',
		'  <!ENTITY % remote SYSTEM "/etc/passwd">',
		'  %remote;',
		']>',
		'',
	].join('\n');
	const body = [
		'    <Replace>',
		'      <CmdID>&xxe;</CmdID>',
		'      <Item>',
		'        <Target><LocURI>&plain;</LocURI></Target>',
		`        ${META}`,
		'        <Data>&lt;enabled/&gt;&canary;&xxe;&net;</Data>',
		'      </Item>',
		'    </Replace>',
		'    <Replace>',
		'      <CmdID>2</CmdID>',
		'      <Item>',
		'        <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/CustomizeWarningMessages</LocURI></Target>',
		`        ${META}`,
		'        <Data>&lt;enabled/&gt;&lt;data id="RA_Options_Share_Control_Message" value="&xxe;"/&gt;&lt;data id="RA_Options_Connect_Message" value="&canary;"/&gt;</Data>',
		'      </Item>',
		'    </Replace>',
		'',
	].join('\n');
	return syncmlWith(body, dtd);
}

function deepXml(depth: number): string {
	return `<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n${'<Atomic>'.repeat(depth)}${'</Atomic>'.repeat(depth)}\n    <Final/>\n  </SyncBody>\n</SyncML>\n`;
}

/** Billion laughs with YAML anchors: nine levels of nine aliases, before the profile keys. */
function yamlAliasBombTopLevel(): string {
	const letters = 'abcdefghi';
	const lines = [`a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
	for (let k = 1; k < letters.length; k++) {
		lines.push(`${letters[k]}: &${letters[k]} [${Array(9).fill(`*${letters[k - 1]}`).join(', ')}]`);
	}
	return `${lines.join('\n')}\nprofile: Bomb\npolicies:\n  SessionLogging: { state: enabled }\n`;
}

/** The same bomb where a value is read: in the helper list of an enabled policy. */
function yamlAliasBombInOptions(): string {
	const letters = 'abcdefghi';
	const lines = [
		'profile: Bomb',
		'policies:',
		'  UnsolicitedRemoteAssistance:',
		'    state: enabled',
		'    options:',
		'      RA_Unsolicit_Control_List: remote-control',
		'      RA_Unsolicit_DACL_Edit:',
		`        - &a [CORP\\lol, CORP\\lol, CORP\\lol, CORP\\lol, CORP\\lol, CORP\\lol, CORP\\lol, CORP\\lol, CORP\\lol]`,
	];
	for (let k = 1; k < letters.length; k++) {
		lines.push(`        - &${letters[k]} [${Array(9).fill(`*${letters[k - 1]}`).join(', ')}]`);
	}
	return `${lines.join('\n')}\n`;
}

function repeatTo(unit: string, length: number): string {
	return unit.repeat(Math.ceil(length / unit.length));
}

const MB = 1024 * 1024;

function fiftyMegabytes(lang: Lang): string {
	if (lang === 'rapolicy') {
		return repeatTo(`${YAML_CLEAN}---\n`, 50 * MB);
	}
	const command = `    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n        <Target><LocURI>${SOLICITED_URI}</LocURI></Target>\n        ${META}\n        <Data>${solicitedPayload('90')}</Data>\n      </Item>\n    </Replace>\n`;
	return syncmlWith(repeatTo(command, 50 * MB));
}

/** The whole document on one line of 5 MB: a message text of 5 MB, over the 1023 the ADMX allows. */
function fiveMegabyteLine(lang: Lang): string {
	const long = repeatTo('Remote-assistance-is-about-to-start.', 5 * MB).slice(0, 5 * MB);
	if (lang === 'rapolicy') {
		return `{ profile: Long, policies: { CustomizeWarningMessages: { state: enabled, options: { RA_Options_Share_Control_Message: "${long}", RA_Options_Connect_Message: ok } } } }`;
	}
	return `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/CustomizeWarningMessages</LocURI></Target>${META}<Data>&lt;enabled/&gt;&lt;data id="RA_Options_Share_Control_Message" value="${long}"/&gt;&lt;data id="RA_Options_Connect_Message" value="ok"/&gt;</Data></Item></Replace><Final/></SyncBody></SyncML>`;
}

/** Bytes as a file holds them, decoded the way an editor does: invalid UTF-8 becomes U+FFFD. */
function decodeAsEditor(parts: readonly (string | readonly number[])[]): string {
	const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
	return new TextDecoder('utf-8').decode(bytes);
}

const INVALID_UTF8 = [0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xf0, 0x9f] as const;

function nulAndInvalidUtf8(lang: Lang): string {
	if (lang === 'rapolicy') {
		return decodeAsEditor([
			'# Caf', INVALID_UTF8, ' messages\nprofile: Messages ', INVALID_UTF8, '\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n',
			'      RA_Options_Share_Control_Message: "Sharing\u0000control"\n',
			'      RA_Options_Connect_Message: Connecting ', INVALID_UTF8, '\n',
		]);
	}
	return decodeAsEditor([
		'<?xml version="1.0" encoding="utf-8"?>\n<!-- Caf', INVALID_UTF8, ' -->\n<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n',
		'        <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/CustomizeWarningMessages</LocURI></Target>\n',
		`        ${META}\n`,
		'        <Data>&lt;enabled/&gt;&lt;data id="RA_Options_Share_Control_Message" value="Sharing\u0000control"/&gt;&lt;data id="RA_Options_Connect_Message" value="Connecting ', INVALID_UTF8, '"/&gt;</Data>\n',
		'      </Item>\n    </Replace>\n    <Final/>\n  </SyncBody>\n</SyncML>\n',
	]);
}

function withBom(text: string): string {
	// An editor that keeps the BOM in the text (TextDecoder with ignoreBOM) sends it as U+FEFF.
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
}

function mixedTabs(lang: Lang): string {
	if (lang === 'rapolicy') {
		// Tabs where YAML allows them: after a colon, inside flow collections, in comments.
		return YAML_EXPIRY_120
			.replace('state: enabled\n', 'state:\tenabled\t# \tenabled\n')
			.replace('RA_Solicit_ExpireValue_Edt: 120', 'RA_Solicit_ExpireValue_Edt:\t \t120\t')
			.replace('SessionLogging: { state: enabled }', 'SessionLogging: {\tstate:\tenabled\t}');
	}
	return SYNCML_EXPIRY_120.replace(/^( +)/gm, (indent) => '\t'.repeat(indent.length >> 2) + ' \t'.repeat(indent.length & 1)).replace('value="120"', 'value="120"\t');
}

/** Tabs as YAML indentation, which YAML forbids: a syntax error on the tab. */
const YAML_TAB_INDENT = YAML_CLEAN.replace('      RA_Solicit_ExpireUnits_List: minutes', '\tRA_Solicit_ExpireUnits_List: minutes');

function nonBmp(lang: Lang): string {
	if (lang === 'rapolicy') {
		return [
			'{ profile: "😀 Helpdesk 👩‍💻", description: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉", policies: { SolicitedRemoteAssistance: { state: enabled, options: { RA_Solicit_Control_List: view-only, RA_Solicit_ExpireUnits_List: minutes, RA_Solicit_Mailto_List: mailto, RA_Solicit_ExpireValue_Edt: 120 } } } }',
			'',
		].join('\n');
	}
	return syncmlExpiry('120', '<!-- 😀 👩‍💻 𝔘 -->');
}

/** An ADMX of `policies` policies under the innermost of `depth` categories, each under the next. */
function categoryChain(depth: number, policies: number): string {
	const categories = Array.from({ length: depth }, (_, i) => `    <category name="C${i}" displayName="$(string.C)">${i + 1 < depth ? `<parentCategory ref="C${i + 1}"/>` : ''}</category>\n`);
	const policy = (i: number) => `    <policy name="P${i}" class="Machine" displayName="$(string.P)" explainText="$(string.P)" key="Software\\Policies\\Contoso" valueName="V${i}"><parentCategory ref="C0"/></policy>\n`;
	return `<?xml version="1.0" encoding="utf-8"?>\n<policyDefinitions revision="1.0" schemaVersion="1.0">\n  <policyNamespaces><target prefix="c" namespace="Contoso.Policies"/></policyNamespaces>\n  <resources minRequiredRevision="1.0"/>\n  <categories>\n${categories.join('')}  </categories>\n  <policies>\n${Array.from({ length: policies }, (_, i) => policy(i)).join('')}  </policies>\n</policyDefinitions>\n`;
}

/** An ADMX of `policies` policies, each under a category and supported on a definition of prefixes the file does not declare. */
function undeclaredPrefixes(policies: number): string {
	const policy = (i: number) => `<policy name="P${i}" class="Machine" displayName="p" explainText="e" key="Software\\Policies\\Contoso" valueName="V${i}"><parentCategory ref="other:Cat"/><supportedOn ref="windows:SUPPORTED_Windows10"/></policy>\n`;
	return `<policyDefinitions revision="1.0" schemaVersion="1.0"><policyNamespaces><target prefix="c" namespace="Contoso.Policies"/></policyNamespaces><resources minRequiredRevision="1.0"/><categories/><policies>\n${Array.from({ length: policies }, (_, i) => policy(i)).join('')}</policies></policyDefinitions>\n`;
}

/** An ADMX of `policies` policies without explainText: as many diagnostics, which an editor may send back all at once. */
function manyDiagnostics(policies: number): string {
	const policy = (i: number) => `<policy name="P${i}" class="Machine" displayName="p" key="Software\\Policies\\Contoso" valueName="V${i}"/>\n`;
	return `<policyDefinitions revision="1.0" schemaVersion="1.0"><categories/><policies>\n${Array.from({ length: policies }, (_, i) => policy(i)).join('')}</policies></policyDefinitions>\n`;
}

/** An ADMX whose one policy nests its elements `depth` deep. */
function nestedElements(depth: number): string {
	return `<policyDefinitions revision="1.0" schemaVersion="1.0"><categories/><policies><policy name="P" class="Machine" displayName="p" explainText="e" key="Software\\Policies\\Contoso">${'<elements>'.repeat(depth)}${'</elements>'.repeat(depth)}</policy></policies></policyDefinitions>\n`;
}

/** A policy name with an emoji: the unknown-policy range must cover the whole name, both halves of the emoji. */
const YAML_EMOJI_NAME = YAML_CLEAN.replace('  SessionLogging: { state: enabled }', '  🎉SessionLogging😀: { state: enabled }');

export const HOSTILE_CASES = {
	'xml-billion-laughs': (): HostileInput => syncml(billionLaughs(), ['&lol9;']),
	'xml-external-entities': (params: HostileParams): HostileInput => syncml(externalEntities(params), ['&xxe;', '&plain;', '&canary;', '&net;', 'value="&xxe;']),
	'xml-doctype': (): HostileInput => syncml(SYNCML_CLEAN.replace('<SyncML', '<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd">\n<SyncML'), ['DOCTYPE']),
	'xml-nested-100000': (): HostileInput => syncml(deepXml(100_000), ['<Atomic><Atomic>']),
	// A profile's top-level commands are each read on their own: one nested this deep is read alone too.
	'profile-nested-100000': (): HostileInput => syncml(`${'<Atomic>'.repeat(100_000)}${'</Atomic>'.repeat(100_000)}\n`, ['<Atomic><Atomic>']),
	'profile-5000-roots': (): HostileInput => syncml('<Replace><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Data>&lt;enabled/&gt;</Data></Item></Replace>\n'.repeat(5_000), ['SessionLogging']),
	'yaml-nested-100000': (): HostileInput => ({ lang: 'rapolicy', text: `profile: Deep\npolicies:\n  SessionLogging: { state: ${'['.repeat(100_000)}${']'.repeat(100_000)} }\n`, offsets: [40, 100_000] }),
	'yaml-alias-bomb': (): HostileInput => rapolicy(yamlAliasBombTopLevel(), ['*i', '&i']),
	'yaml-alias-bomb-in-options': (): HostileInput => rapolicy(yamlAliasBombInOptions(), ['*h', '&i', 'CORP\\lol']),
	'50mb': (_params: HostileParams, lang: Lang): HostileInput => ({ lang, text: fiftyMegabytes(lang), offsets: [1000] }),
	'5mb-line': (_params: HostileParams, lang: Lang): HostileInput => {
		const text = fiveMegabyteLine(lang);
		return { lang, text, offsets: [text.indexOf('Remote-assistance') + 10, text.length - 20] };
	},
	'nul-invalid-utf8': (_params: HostileParams, lang: Lang): HostileInput => around(lang, nulAndInvalidUtf8(lang), ['\u0000', '\uFFFD']),
	'bom-clean': (_params: HostileParams, lang: Lang): HostileInput => around(lang, withBom(lang === 'rapolicy' ? YAML_CLEAN : SYNCML_CLEAN), ['\uFEFF']),
	'bom-expiry': (_params: HostileParams, lang: Lang): HostileInput => around(lang, withBom(lang === 'rapolicy' ? YAML_EXPIRY_120 : SYNCML_EXPIRY_120), ['120']),
	'cr-only': (_params: HostileParams, lang: Lang): HostileInput => around(lang, (lang === 'rapolicy' ? YAML_EXPIRY_120 : SYNCML_EXPIRY_120).replace(/\n/g, '\r'), ['120']),
	'crlf': (_params: HostileParams, lang: Lang): HostileInput => around(lang, (lang === 'rapolicy' ? YAML_EXPIRY_120 : SYNCML_EXPIRY_120).replace(/\n/g, '\r\n'), ['120']),
	'mixed-tabs': (_params: HostileParams, lang: Lang): HostileInput => around(lang, mixedTabs(lang), ['120', '\t']),
	'tab-indentation': (): HostileInput => rapolicy(YAML_TAB_INDENT, ['\tRA_Solicit']),
	'non-bmp': (_params: HostileParams, lang: Lang): HostileInput => around(lang, nonBmp(lang), ['120', '😀']),
	'non-bmp-name': (): HostileInput => rapolicy(YAML_EMOJI_NAME, ['🎉', 'SessionLogging😀']),
	'admx-category-chain': (): HostileInput => around('admx', categoryChain(16_000, 2_000), ['name="P1999"', '<parentCategory ref="C15998"/>']),
	'admx-nested-100000': (): HostileInput => around('admx', nestedElements(100_000), ['<elements><elements>']),
	'admx-100000-diagnostics': (): HostileInput => around('admx', manyDiagnostics(100_000), ['name="P99999"']),
	'admx-60000-undeclared-prefixes': (): HostileInput => around('admx', undeclaredPrefixes(60_000), ['name="P59999"', 'other:Cat']),
} as const satisfies Record<string, (params: HostileParams, lang: Lang) => HostileInput>;

export type HostileCaseName = keyof typeof HOSTILE_CASES;

function offsetsOf(text: string, needles: readonly string[]): number[] {
	const offsets: number[] = [];
	for (const needle of needles) {
		const i = text.indexOf(needle);
		if (i >= 0) {
			offsets.push(i, i + 1, i + needle.length);
		}
	}
	return offsets;
}

function around(lang: Lang, text: string, needles: readonly string[]): HostileInput {
	return { lang, text, offsets: offsetsOf(text, needles) };
}

function syncml(text: string, needles: readonly string[]): HostileInput {
	return around('syncml', text, needles);
}

function rapolicy(text: string, needles: readonly string[]): HostileInput {
	return around('rapolicy', text, needles);
}

export function buildHostile(name: HostileCaseName, lang: Lang, params: HostileParams): HostileInput {
	const build: (params: HostileParams, lang: Lang) => HostileInput = HOSTILE_CASES[name];
	const input = build(params, lang);
	if (input.lang !== lang) {
		throw new Error(`hostile case ${name} is for ${input.lang}, not ${lang}`);
	}
	return input;
}
