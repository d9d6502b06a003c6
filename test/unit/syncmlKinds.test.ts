import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getCompletions, getHover, importSyncml, languageOf } from '../../server/src/service';
import { at, caret, coveredText, diagnoseSyncml, hoverMarkdown, labels, onlySyncml as only, parseSyncml, replaceOnce as mutate, syncmlCodes } from '../helpers/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const REAL = path.join(ROOT, 'test/fixtures/real/syncml');
const real = (name: string) => fs.readFileSync(path.join(REAL, name), 'utf8');

/** Every real sample and the kind it is. */
const SAMPLES: readonly [string, string][] = [
	['fleet-disable-remote-desktop.xml', 'profile'],
	['fleet-password-settings.xml', 'profile'],
	['constructed-fleet-remote-assistance.xml', 'profile'],
	['mslearn-syncbody-get.xml', 'body'],
	['constructed-syncbody-remote-assistance.xml', 'body'],
	['mslearn-message-get.xml', 'message'],
	['msmdm-client-session-start.xml', 'device'],
	['constructed-device-results-remote-assistance.xml', 'device'],
];



describe('SyncML kinds: real samples', () => {
	it('has a README naming the source of every sample', () => {
		const readme = real('README.md');
		for (const file of fs.readdirSync(REAL).filter((f) => f.endsWith('.xml'))) {
			assert.ok(readme.includes(`\`${file}\``), `${file} is listed in README.md`);
		}
	});

	for (const [file, kind] of SAMPLES) {
		it(`reads ${file} as a ${kind} with no error`, () => {
			const text = real(file);
			assert.equal(parseSyncml(text).kind, kind);
			const errors = diagnoseSyncml(text).filter((d) => d.severity === DiagnosticSeverity.Error);
			assert.deepEqual(errors.map((d) => `${d.code} ${d.message}`), []);
		});
	}

	it('recognises each sample as SyncML when saved as .xml', () => {
		for (const [file] of SAMPLES) {
			assert.equal(languageOf(`file:///w/${file}`, undefined, real(file)), 'syncml', file);
		}
		assert.equal(languageOf('file:///w/build.xml', undefined, '<?xml version="1.0"?>\n<project name="x"/>'), undefined);
		assert.equal(languageOf('file:///w/list.xml', undefined, '<!-- a Replace --><Replacement/>'), undefined);
	});
});

describe('SyncML kinds: Fleet profiles', () => {
	const fleet = real('constructed-fleet-remote-assistance.xml');

	it('needs no CmdID, no <SyncML> root and no SyncBody', () => {
		assert.deepEqual(syncmlCodes(fleet), []);
	});

	it('still reports a CmdID used twice', () => {
		const text = real('fleet-password-settings.xml').replace('<CmdID>2</CmdID>', '<CmdID>1</CmdID>');
		assert.equal(coveredText(text, only(text, 'duplicate-cmdid')), '1');
	});

	it('checks Remote Assistance payloads in each top-level command, at their characters', () => {
		const text = mutate(fleet, 'value="1"', 'value="7"');
		const d = only(text, 'enum-value');
		assert.equal(coveredText(text, d), '7');
		assert.equal(text.indexOf('value="7"') + 'value="'.length, textOffset(text, d.range.start));
	});

	it('reports a Remote Assistance item written wrongly in a real Fleet profile', () => {
		const text = mutate(real('fleet-disable-remote-desktop.xml'), './Device/Vendor/MSFT/Policy/Config/Connectivity/AllowRemoteDesktop', './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLoging');
		const d = only(text, 'unknown-policy');
		assert.equal(coveredText(text, d), 'SessionLoging');
	});

	it('reports an element that is no command among the top-level ones', () => {
		const text = `${fleet}<Final/>\n`;
		const d = only(text, 'syncml-structure');
		assert.equal(coveredText(text, d), 'Final');
		assert.match(d.message, /profile/);
	});

	it('offers commands and whole Remote Assistance commands between the top-level commands', () => {
		const { text, offset } = caret(fleet.replace('</Replace>\n<Replace>', '</Replace>\n|\n<Replace>'));
		const found = labels(getCompletions(parseSyncml(text), offset).items);
		for (const label of ['Replace', 'Add', 'Delete', 'Replace SessionLogging']) {
			assert.ok(found.includes(label), `${label} in ${found.join(', ')}`);
		}
		for (const label of ['SyncML message', 'SyncHdr', 'Final', 'Sequence', 'Status']) {
			assert.ok(!found.includes(label), `no ${label}`);
		}
	});

	it('sets what its items set, for the preview and import', () => {
		const policies = parseSyncml(fleet).profiles.flatMap((p) => p.policies.map((s) => s.name.value));
		assert.deepEqual(policies, ['UnsolicitedRemoteAssistance', 'SessionLogging']);
	});
});

describe('SyncML kinds: SyncBody root', () => {
	const body = real('constructed-syncbody-remote-assistance.xml');

	it('reports a payload problem at its characters', () => {
		const text = mutate(body, '&lt;disabled/&gt;', '&lt;disabled/&gt;&lt;data id="RA_Logging" value="1"/&gt;');
		assert.equal(coveredText(text, only(text, 'data-after-disabled')), '&lt;data id="RA_Logging" value="1"/&gt;');
	});

	it('still needs a CmdID and keeps Final last', () => {
		const text = mutate(body, '<CmdID>2</CmdID>', '');
		assert.ok(syncmlCodes(text).includes('missing-cmdid'));
		const final = mutate(body, '  <Final/>\n', '').replace('<SyncBody>\n', '<SyncBody>\n  <Final/>\n');
		assert.ok(syncmlCodes(final).includes('syncml-structure'));
	});

	it('offers the SyncBody commands inside it', () => {
		const { text, offset } = caret(body.replace('  <Final/>', '  |\n  <Final/>'));
		const found = labels(getCompletions(parseSyncml(text), offset).items);
		assert.ok(found.includes('Replace SessionLogging'));
		assert.ok(!found.includes('SyncML message'));
	});

	it('reports a second root at its name', () => {
		const text = `${body}<SyncBody/>\n`;
		const d = diagnoseSyncml(text).find((x) => x.code === 'xml-syntax');
		assert.ok(d);
		assert.equal(coveredText(text, d), 'SyncBody');
	});
});

describe('SyncML kinds: device messages', () => {
	const first = real('msmdm-client-session-start.xml');
	const results = real('constructed-device-results-remote-assistance.xml');

	it('takes items named by Source and Alert items without a node', () => {
		assert.deepEqual(syncmlCodes(first), []);
	});

	it('reads a Results item of a Result node as what the device has', () => {
		const doc = parseSyncml(results);
		const [setting] = doc.profiles.flatMap((p) => p.policies);
		assert.equal(setting.name.value, 'SolicitedRemoteAssistance');
		assert.equal(setting.state?.kind === 'scalar' ? setting.state.value : undefined, 'enabled');
		assert.deepEqual(setting.options.map((o) => o.id.value), ['RA_Solicit_Control_List', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_Mailto_List']);
	});

	it('reports a value the device could not hold at its characters', () => {
		const text = mutate(results, 'RA_Solicit_Control_List" value="0"', 'RA_Solicit_Control_List" value="5"');
		const d = only(text, 'enum-value');
		assert.equal(coveredText(text, d), '5');
	});

	it('shows on hover what the device reports, as state and options', () => {
		const marked = at(results, '<Data>&lt;enab');
		const { text, offset } = caret(marked);
		const markdown = hoverMarkdown(getHover(parseSyncml(text), offset));
		assert.match(markdown, /device reports.*SolicitedRemoteAssistance.*enabled/);
		assert.match(markdown, /RA_Solicit_Control_List`\): Allow helpers to only view the computer/);
	});

	it('imports the settings the device reports as a profile', () => {
		const imported = importSyncml(parseSyncml(results));
		assert.match(imported.yaml, /SolicitedRemoteAssistance:\n\s+state: enabled/);
	});

	it('reports a Status without its status code', () => {
		const text = mutate(results, '<Cmd>Get</Cmd>\n      <Data>200</Data>', '<Cmd>Get</Cmd>');
		assert.match(only(text, 'syncml-structure').message, /Data/);
	});
});

function textOffset(text: string, position: { line: number; character: number }): number {
	const lines = text.split('\n');
	return lines.slice(0, position.line).reduce((n, l) => n + l.length + 1, 0) + position.character;
}
