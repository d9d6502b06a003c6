import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
	DEFAULT_SETTINGS,
	getCodeActions,
	getCompletions,
	getDiagnostics,
	getDocumentSymbols,
	getFoldingRanges,
	getHover,
	languageOf,
	parseDocument,
} from '../../server/src/service';
import type { XmlElement } from '../../server/src/service/xml/xmlParser';
import { coveredText, diagnoseSyncml, parseSyncml, SYNCML_URI, syncmlCodes, syncmlCommands, syncmlElements, syncmlMessage, textLines, type ParsedSyncmlDocument } from '../helpers/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/helpdesk-offer-help.syncml'), 'utf8');

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const textLinesOffset = (text: string, d: { range: { start: { line: number; character: number } } }) => textLines(text).offsetAt(d.range.start);

function element(doc: ParsedSyncmlDocument, name: string, occurrence = 0): XmlElement {
	const found = syncmlElements(doc).filter((e) => e.name === name)[occurrence];
	assert.ok(found, `no <${name}> #${occurrence} in the tree`);
	return found;
}

/** A diagnostic with the offsets its range spans. */
type Placed = { readonly diagnostic: Diagnostic; readonly start: number; readonly end: number };

/**
 * Runs every feature at `offset`; none may throw. Code actions are asked with the diagnostics at
 * the cursor, as an editor sends them; the fixes of every diagnostic at once do not depend on the
 * cursor, and exerciseAll asks for them once.
 */
function exerciseAt(doc: ParsedSyncmlDocument, diagnostics: readonly Placed[], offset: number): void {
	getCompletions(doc, offset);
	getHover(doc, offset);
	const position = doc.lines.positionAt(offset);
	const atCursor = diagnostics.filter((d) => d.start <= offset && offset <= d.end).map((d) => d.diagnostic);
	getCodeActions(doc, atCursor, DEFAULT_SETTINGS, { start: position, end: position });
}

function exerciseAll(text: string, everyOffset = true): void {
	const doc = parseSyncml(text);
	const diagnostics = getDiagnostics(doc, DEFAULT_SETTINGS);
	getCodeActions(doc, diagnostics, DEFAULT_SETTINGS);
	getDocumentSymbols(doc);
	getFoldingRanges(doc);
	const placed = diagnostics.map((diagnostic) => ({ diagnostic, start: doc.lines.offsetAt(diagnostic.range.start), end: doc.lines.offsetAt(diagnostic.range.end) }));
	if (everyOffset) {
		for (let offset = 0; offset <= text.length; offset++) {
			exerciseAt(doc, placed, offset);
		}
	} else {
		for (const offset of [0, 1, text.length >> 1, text.length - 1, text.length]) {
			exerciseAt(doc, placed, Math.max(0, offset));
		}
	}
}

/** A small deterministic PRNG (xorshift32), so failures can be replayed. */
function random(seed: number): () => number {
	let x = seed >>> 0 || 1;
	return () => {
		x ^= x << 13;
		x >>>= 0;
		x ^= x >>> 17;
		x ^= x << 5;
		x >>>= 0;
		return x / 0x100000000;
	};
}

describe('SyncML parser: exact ranges', () => {
	const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><!-- note --><Replace a=\'x y\'><CmdID> 1 </CmdID><Item><Data><![CDATA[<enabled/>]]></Data></Item></Replace><Final/></SyncBody></SyncML>';
	const doc = parseSyncml(text);

	it('gives the root element its whole span, its name, the end of its start tag and its end tag', () => {
		const root = element(doc, 'SyncML');
		assert.equal(root.start, 0);
		assert.equal(root.end, text.length);
		assert.equal(slice(text, root.nameSpan), 'SyncML');
		assert.equal(text.slice(0, root.openEnd), '<SyncML xmlns="SYNCML:SYNCML1.2">');
		assert.ok(root.close);
		assert.equal(slice(text, root.close), '</SyncML>');
		assert.equal(root.selfClosing, false);
	});

	it('gives every element a span from < to the end of its end tag', () => {
		for (const [name, source] of [
			['SyncBody', text.slice(text.indexOf('<SyncBody>'), text.indexOf('</SyncBody>') + '</SyncBody>'.length)],
			['Replace', text.slice(text.indexOf('<Replace'), text.indexOf('</Replace>') + '</Replace>'.length)],
			['CmdID', '<CmdID> 1 </CmdID>'],
			['Item', '<Item><Data><![CDATA[<enabled/>]]></Data></Item>'],
			['Data', '<Data><![CDATA[<enabled/>]]></Data>'],
		] as const) {
			const e = element(doc, name);
			assert.equal(slice(text, e), source, name);
			assert.equal(slice(text, e.nameSpan), name);
			assert.equal(text[e.openEnd - 1], '>', `${name}: openEnd is just past the >`);
			assert.equal(slice(text, e.close ?? { start: 0, end: 0 }), `</${name}>`);
		}
	});

	it('gives a self-closing element the span of <Final/>', () => {
		const final = element(doc, 'Final');
		assert.equal(slice(text, final), '<Final/>');
		assert.equal(final.selfClosing, true);
		assert.equal(final.openEnd, final.end);
		assert.equal(final.close, undefined);
	});

	it('gives attributes their name, value (between the quotes) and whole span, in either quotes', () => {
		const [xmlns] = element(doc, 'SyncML').attributes;
		assert.equal(xmlns.name, 'xmlns');
		assert.equal(slice(text, xmlns.nameSpan), 'xmlns');
		assert.equal(slice(text, xmlns.valueSpan ?? { start: 0, end: 0 }), 'SYNCML:SYNCML1.2');
		assert.equal(slice(text, xmlns), 'xmlns="SYNCML:SYNCML1.2"');
		const [a] = element(doc, 'Replace').attributes;
		assert.equal(slice(text, a.valueSpan ?? { start: 0, end: 0 }), 'x y');
		assert.equal(slice(text, a), 'a=\'x y\'');
	});

	it('gives text and CDATA sections their spans, and CDATA its content between the markers', () => {
		const [cmdText] = element(doc, 'CmdID').children;
		assert.equal(cmdText.kind, 'text');
		assert.equal(slice(text, cmdText), ' 1 ');
		const [cdata] = element(doc, 'Data').children;
		assert.equal(cdata.kind, 'cdata');
		assert.equal(slice(text, cdata), '<![CDATA[<enabled/>]]>');
		assert.ok(cdata.kind === 'cdata');
		assert.equal(slice(text, cdata.content), '<enabled/>');
	});

	it('gives a comment its span', () => {
		const comment = element(doc, 'SyncBody').children[0];
		assert.equal(comment.kind, 'comment');
		assert.equal(slice(text, comment), '<!-- note -->');
	});

	it('reads the CmdID value trimmed, with the span of the digits only', () => {
		const [command] = syncmlCommands(doc);
		assert.ok(command.cmdId);
		assert.equal(command.cmdId.value, '1');
		assert.equal(slice(text, command.cmdId), '1');
	});

	it('keeps each CDATA section of a Data split on ]]> and joins their contents', () => {
		const split = syncmlMessage('    <Replace><CmdID>1</CmdID><Item><Data><![CDATA[<enabled/><data value="a]]]]><![CDATA[>b"/>]]></Data></Item></Replace>\n');
		const parsed = parseSyncml(split);
		const data = element(parsed, 'Data');
		const sections = data.children.filter((c) => c.kind === 'cdata');
		assert.deepEqual(sections.map((s) => slice(split, s)), ['<![CDATA[<enabled/><data value="a]]]]>', '<![CDATA[>b"/>]]>']);
		assert.equal(syncmlCommands(parsed)[0].items[0].data?.decoded.value, '<enabled/><data value="a]]>b"/>');
	});

	it('gives exact ranges in a document with CRLF line ends', () => {
		const text = syncmlMessage('    <Replace><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/MSFT/X</LocURI></Target></Item></Replace>\n    <Delete><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/MSFT/Y</LocURI></Target></Item></Delete>\n').replace(/\n/g, '\r\n');
		const [d] = diagnoseSyncml(text);
		assert.equal(d.code, 'duplicate-cmdid');
		assert.equal(coveredText(text, d), '7');
		assert.equal(d.range.start.line, 3);
	});
});

describe('SyncML parser: half-typed documents', () => {
	it('builds the tree of a document cut off inside a LocURI', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Po';
		const doc = parseSyncml(text);
		for (const name of ['SyncML', 'SyncBody', 'Replace', 'Item', 'Target', 'LocURI']) {
			const e = element(doc, name);
			assert.equal(e.end, text.length, `<${name}> runs to the end`);
			assert.equal(e.close, undefined);
			assert.equal(slice(text, e.nameSpan), name);
		}
		const [uriText] = element(doc, 'LocURI').children;
		assert.equal(slice(text, uriText), './Device/Vendor/MSFT/Po');
		assert.equal(syncmlCommands(doc)[0].items[0].locUri?.value, './Device/Vendor/MSFT/Po');
		const syntax = diagnoseSyncml(text).filter((d) => d.code === 'xml-syntax');
		assert.ok(syntax.length > 0, 'the unclosed elements are reported');
		assert.ok(syntax.every((d) => d.severity === DiagnosticSeverity.Error));
		assert.ok(syntax.some((d) => coveredText(text, d) === '<LocURI' && /LocURI/.test(d.message) && /close|clos/.test(d.message)), JSON.stringify(syntax.map((d) => [coveredText(text, d), d.message])));
	});

	it('reads an unfinished start tag as an element with its name', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Tar';
		const doc = parseSyncml(text);
		const target = element(doc, 'Tar');
		assert.equal(target.start, text.lastIndexOf('<'));
		assert.equal(slice(text, target.nameSpan), 'Tar');
		assert.equal(target.parent?.name, 'Item');
		assert.ok(syncmlCodes(text).includes('xml-syntax'));
	});

	it('reads an unterminated attribute value up to the end', () => {
		const text = '<SyncML xmlns="SYNCML:SYN';
		const doc = parseSyncml(text);
		const [xmlns] = element(doc, 'SyncML').attributes;
		assert.equal(slice(text, xmlns.valueSpan ?? { start: 0, end: 0 }), 'SYNCML:SYN');
		assert.ok(syncmlCodes(text).includes('xml-syntax'));
	});

	it('reports an element left open by a later end tag and ends it there', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</Replace></SyncBody></SyncML>';
		const doc = parseSyncml(text);
		const cmdId = element(doc, 'CmdID');
		assert.equal(cmdId.end, text.indexOf('</Replace>'));
		assert.equal(slice(text, element(doc, 'Replace').close ?? { start: 0, end: 0 }), '</Replace>');
		const d = diagnoseSyncml(text).find((x) => x.code === 'xml-syntax');
		assert.ok(d);
		assert.equal(coveredText(text, d), '<CmdID');
		assert.match(d.message, /CmdID/);
	});

	it('reports an end tag that closes nothing, on the whole end tag', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody></Item><Final/></SyncBody></SyncML>';
		const syntax = diagnoseSyncml(text).filter((d) => d.code === 'xml-syntax');
		assert.equal(syntax.length, 1);
		assert.equal(coveredText(text, syntax[0]), '</Item>');
		assert.match(syntax[0].message, /Item/);
	});

	it('reports a stray < in text on that character', () => {
		const text = syncmlMessage('    <Status><CmdID>1</CmdID><Data>a < b</Data></Status>\n');
		const syntax = diagnoseSyncml(text).filter((d) => d.code === 'xml-syntax');
		assert.equal(syntax.length, 1);
		assert.equal(coveredText(text, syntax[0]), '<');
		assert.match(syntax[0].message, /&lt;/);
	});

	it('reports an unclosed CDATA section and reads its content to the end', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Data><![CDATA[<enabled/>';
		const doc = parseSyncml(text);
		const [cdata] = element(doc, 'Data').children;
		assert.ok(cdata.kind === 'cdata');
		assert.equal(slice(text, cdata.content), '<enabled/>');
		const d = diagnoseSyncml(text).find((x) => x.code === 'xml-syntax' && /CDATA/.test(x.message));
		assert.ok(d, 'the open CDATA section is reported');
		assert.equal(coveredText(text, d), '<![CDATA[');
	});

	it('reports an unclosed comment', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><!-- never closed';
		const d = diagnoseSyncml(text).find((x) => x.code === 'xml-syntax' && /comment/i.test(x.message));
		assert.ok(d);
		assert.equal(coveredText(text, d), '<!--');
	});

	it('reports an attribute given twice, on the second name', () => {
		const text = '<SyncML xmlns="SYNCML:SYNCML1.2" xmlns="x"><SyncBody><Final/></SyncBody></SyncML>';
		const d = diagnoseSyncml(text).find((x) => x.code === 'xml-syntax');
		assert.ok(d);
		assert.equal(coveredText(text, d), 'xmlns');
		assert.equal(textLinesOffset(text, d), text.lastIndexOf('xmlns'));
	});

	it('reports an attribute value without quotes', () => {
		const text = '<SyncML xmlns=SYNCML><SyncBody><Final/></SyncBody></SyncML>';
		const d = diagnoseSyncml(text).find((x) => x.code === 'xml-syntax');
		assert.ok(d);
		assert.ok(coveredText(text, d).startsWith('xmlns'), coveredText(text, d));
		assert.match(d.message, /quote/);
	});

	it('reports text outside the root element and a second root', () => {
		const text = 'junk<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Final/></SyncBody></SyncML><Other/>';
		const diagnostics = diagnoseSyncml(text).filter((d) => d.code === 'xml-syntax');
		assert.deepEqual(diagnostics.map((d) => coveredText(text, d)), ['junk', 'Other']);
	});

	it('stays usable for every prefix of the example, at every offset', () => {
		for (let cut = 0; cut <= EXAMPLE.length; cut += 7) {
			exerciseAll(EXAMPLE.slice(0, cut), false);
		}
	});
});

describe('SyncML parser: DOCTYPE and entities are refused', () => {
	it('reports a DOCTYPE as xml-doctype over the whole declaration', () => {
		const doctype = '<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd">';
		const text = `${doctype}\n${syncmlMessage('')}`;
		const diagnostics = diagnoseSyncml(text);
		assert.deepEqual(diagnostics.map((d) => d.code), ['xml-doctype']);
		assert.equal(coveredText(text, diagnostics[0]), doctype);
		assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
		assert.match(diagnostics[0].message, /DOCTYPE/);
	});

	it('never expands a declared entity', () => {
		const text = `<!DOCTYPE SyncML [<!ENTITY evil "./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/EVIL">]>\n${syncmlMessage('    <Replace><CmdID>1</CmdID><Item><Target><LocURI>&evil;</LocURI></Target><Data>&evil;</Data></Item></Replace>\n')}`;
		const doc = parseSyncml(text);
		const codes = getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.code);
		assert.ok(codes.includes('xml-doctype'));
		const item = syncmlCommands(doc)[0].items[0];
		assert.ok(!item.locUri?.value.includes('EVIL'), `LocURI read as ${item.locUri?.value}`);
		assert.ok(!item.data?.decoded.value.includes('EVIL'), `Data read as ${item.data?.decoded.value}`);
		const hover = getHover(doc, text.indexOf('&evil;</LocURI>') + 2);
		assert.ok(!JSON.stringify(hover ?? '').includes('EVIL'));
	});

	it('reports an entity declaration on its own', () => {
		const text = `<!ENTITY x "y">\n${syncmlMessage('')}`;
		const diagnostics = diagnoseSyncml(text);
		assert.ok(diagnostics.some((d) => d.code === 'xml-doctype' && coveredText(text, d) === '<!ENTITY x "y">'), JSON.stringify(diagnostics));
	});

	it('refuses a billion-laughs DOCTYPE without expanding it', () => {
		const lols = ['<!ENTITY lol "lol">'];
		for (let i = 1; i <= 9; i++) {
			lols.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
		}
		const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n ${lols.join('\n ')}\n]>\n${syncmlMessage('    <Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Meta><Format>chr</Format></Meta><Data>&lol9;</Data></Item></Replace>\n')}`;
		const doc = parseSyncml(text);
		const diagnostics = getDiagnostics(doc, DEFAULT_SETTINGS);
		const hover = getHover(doc, text.indexOf('&lol9;') + 1);
		const completions = getCompletions(doc, text.indexOf('&lol9;') + 1);
		assert.ok(diagnostics.some((d) => d.code === 'xml-doctype'));
		assert.ok((syncmlCommands(doc)[0].items[0].data?.decoded.value.length ?? 0) < 100, 'the entity is not expanded');
		// Expanded, &lol9; is a billion characters; nothing the editor receives comes near.
		const received = JSON.stringify([diagnostics, hover, completions]).length;
		assert.ok(received < 100_000, `the results are ${received} characters`);
	});
});

describe('SyncML parser: oversized and hostile input', () => {
	const LIMIT = 16 * 1024 * 1024;
	const wrap = (fill: number) => {
		const head = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>';
		const tail = '<Final/></SyncBody></SyncML>';
		return head + ' '.repeat(fill - head.length - tail.length) + tail;
	};

	it('refuses a document over 16 Mi characters with too-large, without parsing it', () => {
		const text = wrap(LIMIT + 1);
		assert.equal(text.length, LIMIT + 1);
		const doc = parseSyncml(text);
		assert.deepEqual(syncmlElements(doc), [], 'not one element is read');
		const diagnostics = getDiagnostics(doc, DEFAULT_SETTINGS);
		assert.deepEqual(diagnostics.map((d) => d.code), ['too-large']);
		assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
		exerciseAll(text, false);
		getDocumentSymbols(doc);
	});

	it('still checks a document of exactly 16 Mi characters', () => {
		const text = wrap(LIMIT);
		assert.equal(text.length, LIMIT);
		const doc = parseSyncml(text);
		assert.deepEqual(syncmlElements(doc).map((e) => e.name), ['SyncML', 'SyncBody', 'Final']);
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
	});

	it('returns for elements nested 100,000 deep, reading no deeper than the depth limit', () => {
		const text = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
		const diagnostics = diagnoseSyncml(text);
		const deep = diagnostics.filter((d) => /nested more than \d+ deep/.test(d.message));
		assert.deepEqual(deep.map((d) => [d.code, coveredText(text, d)]), [['xml-syntax', 'a']], JSON.stringify(diagnostics.slice(0, 5)));
		exerciseAll(text, false);
	});

	it('returns for 100,000 nested Atomic commands inside a SyncML message', () => {
		const text = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>${'<Atomic><CmdID>1</CmdID>'.repeat(100_000)}${'</Atomic>'.repeat(100_000)}</SyncBody></SyncML>`;
		const diagnostics = diagnoseSyncml(text);
		assert.ok(diagnostics.length > 0);
		exerciseAll(text, false);
	});

	it('returns for a payload nested 100,000 deep inside escaped Data', () => {
		const text = syncmlMessage(`    <Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Meta><Format>chr</Format></Meta><Data>${'&lt;a&gt;'.repeat(100_000)}</Data></Item></Replace>\n`);
		const diagnostics = diagnoseSyncml(text);
		assert.ok(diagnostics.some((d) => d.code === 'payload-syntax'));
		exerciseAll(text, false);
	});

	it('reads a 300,000-character escaped payload without running out of stack (a long text option)', () => {
		const long = 'x'.repeat(300_000);
		const text = syncmlMessage(`    <Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/CustomizeWarningMessages</LocURI></Target><Meta><Format>chr</Format></Meta><Data>&lt;enabled/&gt;&lt;data id="RA_Options_Share_Control_Message" value="${long}"/&gt;&lt;data id="RA_Options_Connect_Message" value="ok"/&gt;</Data></Item></Replace>\n`);
		const diagnostics = diagnoseSyncml(text);
		assert.deepEqual(diagnostics.map((d) => d.code), ['text-too-long']);
		assert.equal(coveredText(text, diagnostics[0]), long.slice(1023));
	});

	it('never throws on random garbage, from any feature at any offset', () => {
		const tokens = [
			'<', '>', '/', '/>', '=', '"', '\'', ' ', '\n', '\r\n', '\t', 'x', '&', ';', '#', ']]>', '<!--', '-->', '<![CDATA[', '<!DOCTYPE a [', '<!ENTITY e "&e;">', ']>', '<?xml version="1.0"?>', '?>',
			'<SyncML xmlns="SYNCML:SYNCML1.2">', '</SyncML>', '<SyncHdr>', '</SyncHdr>', '<VerDTD>1.2</VerDTD>', '<SyncBody>', '</SyncBody>', '<Final/>',
			'<Replace>', '</Replace>', '<Atomic>', '</Atomic>', '<Get>', '</Get>', '<Delete>', '<Exec>', '<Status>', '<Sequence>', '<CmdID>', '</CmdID>', '0', '1', '404',
			'<Item>', '</Item>', '<Target>', '</Target>', '<LocURI>', '</LocURI>', '<Meta>', '</Meta>', '<Format>chr</Format>', '<Type>', '</Type>', '<Data>', '</Data>',
			'./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance', './User/Vendor/MSFT/Policy/Result/ADMX_RemoteAssistance/', 'RA_Optimize_Bandwidth',
			'&lt;', '&gt;', '&amp;', '&quot;', '&#xF000;', '&amp;#xF000;', '&#xD800;', '&#x110000;', '&#;', '&bogus;', '\uF000', '\uD800', '\u0000', '😀',
			'enabled/', 'disabled', 'data id="', 'RA_Unsolicit_DACL_Edit', 'RA_Solicit_ExpireValue_Edt', 'value="', 'CORP\\A', '<!-- rapolicy-disable-next-line -->',
		];
		const next = random(20240611);
		for (let round = 0; round < 250; round++) {
			const count = 1 + Math.floor(next() * 40);
			let text = '';
			for (let k = 0; k < count; k++) {
				text += tokens[Math.floor(next() * tokens.length)];
			}
			try {
				exerciseAll(text);
			} catch (error) {
				assert.fail(`round ${round} threw on ${JSON.stringify(text)}: ${error instanceof Error ? error.stack : String(error)}`);
			}
		}
	});

	it('never throws on mutations of the example, at any offset', () => {
		const next = random(7);
		for (let round = 0; round < 20; round++) {
			let text = EXAMPLE;
			for (let k = 0; k < 3; k++) {
				const at = Math.floor(next() * text.length);
				const length = Math.floor(next() * 30);
				const insert = next() < 0.5 ? '' : ['<', '>', '&', '"', ']]>', '<![CDATA[', '&lt;', '/'][Math.floor(next() * 8)];
				text = text.slice(0, at) + insert + text.slice(at + length);
			}
			try {
				exerciseAll(text);
			} catch (error) {
				assert.fail(`round ${round} threw on ${JSON.stringify(text)}: ${error instanceof Error ? error.stack : String(error)}`);
			}
		}
	});
});

describe('languageOf and parseDocument', () => {
	const syncml = syncmlMessage('');

	it('detects SyncML by .syncml and .syncml.xml', () => {
		assert.equal(languageOf('file:///w/a.syncml', undefined, ''), 'syncml');
		assert.equal(languageOf('file:///w/a.syncml.xml', undefined, ''), 'syncml');
		assert.equal(languageOf('file:///w/A.SyncML', undefined, 'anything'), 'syncml');
	});

	it('detects an .xml file whose first element is <SyncML, also after a declaration and comments', () => {
		assert.equal(languageOf('file:///w/a.xml', undefined, syncml), 'syncml');
		assert.equal(languageOf('file:///w/a.xml', undefined, `<?xml version="1.0" encoding="utf-8"?>\n${syncml}`), 'syncml');
		assert.equal(languageOf('file:///w/a.xml', undefined, `<?xml version="1.0"?>\n<!-- one -->\n<!-- two\n lines -->\n${syncml}`), 'syncml');
		assert.equal(languageOf('file:///w/a.xml', 'xml', `  \n<SyncML>`), 'syncml');
	});

	it('leaves other .xml files alone', () => {
		assert.equal(languageOf('file:///w/a.xml', undefined, '<?xml version="1.0"?>\n<policyDefinitions/>'), undefined);
		assert.equal(languageOf('file:///w/a.xml', undefined, '<root><SyncML xmlns="SYNCML:SYNCML1.2"/></root>'), undefined);
		assert.equal(languageOf('file:///w/a.xml', undefined, '<SyncMLish/>'), undefined);
		assert.equal(languageOf('file:///w/a.xml', undefined, ''), undefined);
		assert.equal(languageOf('file:///w/a.txt', undefined, syncml), undefined);
	});

	it('keeps the policy YAML detection and honours an explicit language id', () => {
		assert.equal(languageOf('file:///w/a.rapolicy.yaml', undefined, ''), 'rapolicy');
		assert.equal(languageOf('file:///w/a.txt', 'syncml', ''), 'syncml');
	});

	it('parses a SyncML document through parseDocument', () => {
		const doc = parseDocument(SYNCML_URI, 3, EXAMPLE, 'syncml');
		assert.equal(doc.language, 'syncml');
		assert.equal(doc.version, 3);
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS), []);
	});
});
