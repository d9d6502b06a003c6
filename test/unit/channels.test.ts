import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { exportChoices, exportData } from '../../client/src/channelExports';
import { renderPreview } from '../../client/src/previewHtml';
import { runCli } from '../../server/src/cli/cli';
import { ENCODE_USAGE } from '../../server/src/cli/encodeCommand';
import { buildConvertWhen } from '../../server/src/generate/manifest';
import {
	buildPreview,
	CHANNELS,
	channelTitle,
	DEFAULT_SETTINGS,
	encodePayload,
	FILE_CHANNELS,
	importContent,
	parsePolicyDocument,
	policyUri,
	resolveProfiles,
	type FileChannel,
	type ResolvedProfile,
} from '../../server/src/service';
import { baseName } from '../../server/src/service/export/resolve';
import { profileYaml, validProfile } from '../helpers/profiles';

const HELPDESK = 'profile: Helpdesk\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit: [ CORP\\RA-Helpdesk ]\n  SolicitedRemoteAssistance: { state: disabled }\n  SessionLogging: { state: not-configured }\n';
const OPTIONS = { encoding: 'escape', fullMessage: false } as const;

function run(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
	let stdout = '';
	let stderr = '';
	const code = runCli(args, { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (f) => readFileSync(f) });
	return { code, stdout, stderr };
}

const preview = buildPreview(parsePolicyDocument('file:///w/helpdesk.rapolicy.yaml', 1, HELPDESK), DEFAULT_SETTINGS, DEFAULT_SETTINGS.payload);
const entries = preview.profiles[0].channels;

/** The channel's output for the profile, which must have one. */
function encoded(channel: FileChannel, profile: ResolvedProfile, options = OPTIONS): string | Uint8Array {
	const result = channel.encode(profile, options);
	assert.ok('content' in result, `${channel.id}: ${'refusal' in result ? result.refusal : ''}`);
	return result.content;
}

/** Whether a `when` clause of the forms the generator writes holds for a file of this name shown in an editor of this language. */
function holds(when: string, file: string, language: string | undefined): boolean {
	return when.split(' || ').some((clause) => {
		const [, key, operator, value] = /^(\w+) (==|=~) (.*)$/.exec(clause) ?? [];
		const actual = key === 'editorLangId' ? language : key === 'resourceExtname' ? path.extname(file) : key === 'resourceFilename' ? file : undefined;
		if (operator === '==') {
			return actual === value;
		}
		const [, source, flags] = /^\/(.*)\/(\w*)$/.exec(value) ?? [];
		return actual !== undefined && new RegExp(source, flags).test(actual);
	});
}

describe('the channel list', () => {
	it('gives each channel its own id, and each file channel its own extension', () => {
		assert.equal(new Set(CHANNELS.map((c) => c.id)).size, CHANNELS.length);
		assert.equal(new Set(FILE_CHANNELS.map((c) => c.extension.toLowerCase())).size, FILE_CHANNELS.length);
		assert.deepEqual(FILE_CHANNELS, CHANNELS.filter((c) => c.kind === 'file'));
	});

	it('every channel is a --to target of the usage line and has its line in the help', () => {
		const help = run(['--help'], tmpdir()).stdout;
		assert.ok(ENCODE_USAGE.includes(`--to ${CHANNELS.map((c) => c.id).join('|')} `));
		for (const channel of CHANNELS) {
			assert.match(help, new RegExp(`^ {2}--to ${channel.id} +${channelTitle(channel).replace(/[.()]/g, '\\$&')} \\(`, 'm'), channel.id);
		}
	});

	it('the export command offers every file channel, named and described as its row says', () => {
		assert.deepEqual(exportChoices(preview), FILE_CHANNELS.map((c) => ({ id: c.id, label: channelTitle(c), description: c.description })));
	});

	it('the preview has every file channel, with its row\'s facts; the ones without a part of their own are folded sections', () => {
		assert.deepEqual(entries.map((e) => [e.id, e.title, e.name, e.description, e.extension, e.binary, e.byteOrderMark, e.notes]), FILE_CHANNELS.map((c) => [c.id, channelTitle(c), c.name, c.description, c.extension, c.binary, c.byteOrderMark, c.family?.notes ?? []]));
		const page = renderPreview(preview, 'Helpdesk', 'N', 'vscode-resource:');
		const sections = [...page.matchAll(/<details class="whole"[^>]* data-channel="([^"]+)"><summary>([^<]*)<\/summary>/g)].map((m) => [m[1], m[2]]);
		assert.deepEqual(sections, entries.filter((e) => e.further).map((e) => [e.id, `${e.title} (${e.description})`]));
		assert.deepEqual(entries.filter((e) => !e.further).map((e) => e.id), ['syncml', 'intune'], 'the message and the Intune profile have parts of their own');
		for (const channel of entries.filter((e) => e.further)) {
			const section = page.slice(page.indexOf(`data-channel="${channel.id}"`));
			for (const note of channel.notes) {
				assert.ok(section.slice(0, section.indexOf('</details>')).includes(`<p class="note">${note}</p>`), `${channel.id}: ${note}`);
			}
		}
	});

	it('the preview and an export hold what the channel\'s encoder writes: bytes for a binary file, a byte order mark only in a saved file', () => {
		const profile = validProfile(HELPDESK);
		for (const channel of FILE_CHANNELS) {
			const entry = entries.find((e) => e.id === channel.id);
			assert.ok(entry);
			const output = encoded(channel, profile);
			assert.equal(typeof output !== 'string', channel.binary, `${channel.id}: binary`);
			const data = exportData(entry);
			if (typeof output === 'string') {
				assert.equal(entry.content, output, `${channel.id}: the preview copies the text as written`);
				assert.equal(data, channel.byteOrderMark ? `\uFEFF${output}` : output, `${channel.id}: the saved text`);
			} else {
				assert.deepEqual(data, output, `${channel.id}: the saved bytes`);
			}
		}
	});

	it('rapolicy encode writes what each channel\'s encoder writes; a binary one to -o only, a byte order mark where the row asks', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-channels-'));
		writeFileSync(path.join(dir, 'p.rapolicy.yaml'), HELPDESK);
		const profiles = resolveProfiles(parsePolicyDocument(`file://${dir}/p.rapolicy.yaml`, 0, HELPDESK));
		for (const channel of CHANNELS) {
			const printed = run(['encode', '--to', channel.id, 'p.rapolicy.yaml'], dir);
			const saved = run(['encode', '--to', channel.id, '-o', `out-${channel.id}${channel.kind === 'file' ? channel.extension : '.txt'}`, 'p.rapolicy.yaml'], dir);
			assert.equal(saved.code, 0, `${channel.id}: ${saved.stderr}`);
			const file = readFileSync(path.join(dir, `out-${channel.id}${channel.kind === 'file' ? channel.extension : '.txt'}`));
			if (channel.kind === 'view') {
				assert.equal(printed.stdout, channel.encode(profiles), channel.id);
				assert.equal(file.toString('utf8'), printed.stdout, channel.id);
				continue;
			}
			const output = encoded(channel, profiles[0]);
			if (channel.binary) {
				assert.equal(printed.code, 2, `${channel.id} is not printed`);
				assert.deepEqual(new Uint8Array(file), output);
			} else {
				assert.equal(printed.stdout, output, channel.id);
				assert.equal(file.toString('utf8'), channel.byteOrderMark ? `\uFEFF${output as string}` : output, channel.id);
			}
		}
	});

	it('leaves out what a channel cannot carry in the same words for the preview and the command line', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-channels-'));
		writeFileSync(path.join(dir, 'p.rapolicy.yaml'), HELPDESK);
		for (const id of ['intune', 'settings-catalog', 'fleet']) {
			const note = entries.find((e) => e.id === id)?.note;
			const [, what, because] = /^Left out \(an? (.+?) ((?:cannot|does not) .+)\): SessionLogging\.$/.exec(note ?? '') ?? [];
			assert.ok(what, `${id}: ${note}`);
			assert.equal(run(['encode', '--to', id, 'p.rapolicy.yaml'], dir).stderr, `rapolicy encode: left out of the ${what} (it ${because}): SessionLogging\n`);
		}
	});

	it('a channel that does not carry ingested ADMX policies leaves them out and says so; the others keep them', () => {
		const admx = readFileSync(path.join(__dirname, '../../../test/fixtures/admx/everything.admx'), 'utf8');
		const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-channels-'));
		writeFileSync(path.join(dir, 'everything.admx'), admx);
		writeFileSync(path.join(dir, 'c.rapolicy.yaml'), 'profile: C\nadmx:\n  - app: Contoso\n    file: everything.admx\npolicies:\n  Contoso/Loose: { state: enabled }\n');
		for (const channel of CHANNELS) {
			const out = run(['encode', '--to', channel.id, '-o', `c.${channel.id}`, 'c.rapolicy.yaml'], dir);
			assert.equal(out.code, 0, `${channel.id}: ${out.stderr}`);
			assert.equal(/left out of .*: Contoso\/Loose/.test(out.stderr), !channel.carriesIngested, `${channel.id}: ${out.stderr}`);
		}
	});

	it('each importer reads back what its channel\'s encoder wrote', () => {
		/** What a device receives, policy by policy; not-configured ones leave no trace outside SyncML. */
		const payloads = (p: ResolvedProfile, all: boolean) => p.policies.filter((x) => all || x.state !== 'not-configured').map((x) => [policyUri(x), encodePayload(x)]);
		const readable = FILE_CHANNELS.filter((c) => c.importer !== undefined);
		fc.assert(fc.property(profileYaml, fc.constantFrom(...readable), fc.constantFrom('escape' as const, 'cdata' as const), (yaml, channel, encoding) => {
			const source = validProfile(yaml);
			const output = channel.encode(source, { encoding, fullMessage: false });
			if ('refusal' in output) {
				return;
			}
			const imported = importContent({ uri: `file:///w/exported${channel.extension}`, content: output.content }, { settings: DEFAULT_SETTINGS });
			const all = channel.id === 'syncml';
			if (payloads(source, all).length === 0) {
				return;
			}
			assert.equal(imported.kind, 'imported', `${channel.id}: ${JSON.stringify(imported)}`);
			if (imported.kind === 'imported') {
				assert.deepEqual(payloads(validProfile(imported.result.yaml), all), payloads(source, all), channel.id);
			}
		}), { seed: 7, numRuns: 150 });
	});

	it('Convert to Policy YAML is offered on the exports import reads, by name in the explorer and by language or name in the palette', () => {
		const { menus } = buildConvertWhen();
		for (const channel of FILE_CHANNELS) {
			const file = `helpdesk${channel.extension}`;
			assert.equal(holds(menus['explorer/context'], file, undefined), channel.importer !== undefined && channel.ownsExtension, `explorer: ${file}`);
			assert.equal(holds(menus.commandPalette, file, channel.importer?.editorLanguage), channel.importer !== undefined, `palette: ${file}`);
		}
		assert.equal(holds(menus['explorer/context'], 'notes.txt', undefined), false);
		assert.equal(holds(menus.commandPalette, 'p.rapolicy.yaml', 'rapolicy'), false);
	});

	it('a profile imported from a channel\'s file is named after the file without the channel\'s extension', () => {
		for (const channel of FILE_CHANNELS) {
			assert.equal(baseName(`file:///w/helpdesk${channel.extension}`), 'helpdesk', channel.extension);
		}
	});
});
