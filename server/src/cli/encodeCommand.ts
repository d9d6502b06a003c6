import * as path from 'node:path';
import { CHANNELS, channelTitle, resolveProfiles, unresolvedIngested, withIngestedAdmx, type Channel, type ResolvedProfile } from '../service';
import { cliReadAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { loadDocument, reportBlockingErrors } from './loadDocument';
import { CONFIG_USAGE, printConfigProblems, CliConfigs, takeConfigFlags } from './projectConfig';
import { writeNewFiles } from '../common/writeNewFiles';

export const ENCODE_USAGE = `Usage: rapolicy encode --to ${CHANNELS.map((c) => c.id).join('|')} [--encoding escape|cdata] [--full-message] [--profile NAME] [-o FILE] ${CONFIG_USAGE} <file>`;

/** The ids of the channels a fact holds for. */
const idsOf = (holds: (channel: Channel) => boolean) => CHANNELS.filter(holds).map((c) => c.id).join(', ');
/** Options and what they do, in two columns wide enough for every `--to` target. */
const WIDTH = CHANNELS.reduce((width, c) => Math.max(width, `--to ${c.id}`.length), 0) + 2;
const optionLine = (option: string, text: string) => `  ${option.padEnd(WIDTH)}${text}`;

/** The help under the usage line: a line per channel, the options, then what sets channels apart. */
export const ENCODE_HELP = [
	...CHANNELS.map((c) => optionLine(`--to ${c.id}`, `${channelTitle(c)} (${c.description})`)),
	optionLine('-o FILE', 'write the output to FILE, a new file, instead of stdout'),
	optionLine('--encoding', 'escape (default) or cdata: how the payload is written inside <Data>'),
	optionLine('--profile NAME', 'the profile to encode, when the file has several'),
	'  The SyncML message is its commands alone; --full-message adds a SyncHdr template: fill in device id and server URI.',
	`  Every profile of the file (the others write one): ${idsOf((c) => c.kind === 'view')}`,
	`  Binary, so -o FILE only: ${idsOf((c) => c.kind === 'file' && c.binary)}`,
	`  A UTF-8 byte order mark in the -o file, for Windows PowerShell 5.1: ${idsOf((c) => c.kind === 'file' && c.byteOrderMark)}`,
	`  Leave out the policies of ingested ADMX files: ${idsOf((c) => !c.carriesIngested)}`,
	`  Read back by rapolicy import: ${idsOf((c) => c.kind === 'file' && c.importer !== undefined)}`,
].join('\n');

interface EncodeArgs {
	channel: Channel;
	encoding: 'escape' | 'cdata';
	fullMessage: boolean;
	profile: string | undefined;
	output: string | undefined;
	file: string;
}

function parseArgs(args: readonly string[]): EncodeArgs | string {
	let to: string | undefined;
	let encoding = 'escape';
	let fullMessage = false;
	let profile: string | undefined;
	let output: string | undefined;
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i], undefined];
		const value = () => inline ?? args[++i];
		switch (flag) {
			case '--to':
				to = value();
				break;
			case '--encoding':
				encoding = value() ?? '';
				break;
			case '--profile':
				profile = value();
				break;
			case '--full-message':
				fullMessage = true;
				break;
			case '-o':
			case '--output':
				output = value() ?? '';
				break;
			default:
				if (flag.startsWith('-')) {
					return `unknown option ${flag}`;
				}
				files.push(flag);
		}
	}
	const channel = CHANNELS.find((c) => c.id === to);
	if (!channel) {
		return `--to must be one of ${CHANNELS.map((c) => c.id).join(', ')}`;
	}
	if (encoding !== 'escape' && encoding !== 'cdata') {
		return '--encoding must be escape or cdata';
	}
	if (output === '') {
		return '-o needs a file name';
	}
	// Binary on a terminal or through a text pipe would be mangled, so a binary channel goes to a file only.
	if (channel.kind === 'file' && channel.binary && output === undefined) {
		return `--to ${channel.id} writes binary: give -o FILE`;
	}
	if (files.length !== 1) {
		return 'give exactly one file';
	}
	return { channel, encoding, fullMessage, profile, output, file: files[0] };
}

/** Picks the profile a single-message output is for: the only one, or the one named. */
function oneProfile(profiles: readonly ResolvedProfile[], name: string | undefined, io: CliIo): ResolvedProfile | undefined {
	if (name !== undefined) {
		const found = profiles.find((p) => p.name === name);
		if (!found) {
			io.stderr(`rapolicy encode: no profile named ${name}; the file has ${profiles.map((p) => p.name).join(', ')}\n`);
		}
		return found;
	}
	if (profiles.length === 1) {
		return profiles[0];
	}
	io.stderr(`rapolicy encode: the file has ${profiles.length} profiles (${profiles.map((p) => p.name).join(', ')}); one message is for one profile, so choose it with --profile NAME\n`);
	return undefined;
}


/** `rapolicy encode`: what the device, the MDM server or the GPO receives, on stdout or in the -o file. Refuses files with errors. */
export function encodeCommand(args: readonly string[], io: CliIo): number {
	const usage = (why: string) => {
		io.stderr(`rapolicy encode: ${why}\n${ENCODE_USAGE}\n`);
		return 2;
	};
	const taken = takeConfigFlags(args);
	if (typeof taken === 'string') {
		return usage(taken);
	}
	const parsed = parseArgs(taken.rest);
	if (typeof parsed === 'string') {
		return usage(parsed);
	}
	const configs = CliConfigs.open(taken.flags, io, 'encode');
	if (!configs) {
		return 2;
	}
	const output = encodeFile(parsed, configs, io);
	if (typeof output === 'number') {
		return output;
	}
	if (parsed.output === undefined) {
		// parseArgs sends a binary channel to a file, so only text is printed.
		io.stdout(output as string);
		return 0;
	}
	const data = parsed.channel.kind === 'file' && parsed.channel.byteOrderMark && typeof output === 'string' ? `\uFEFF${output}` : output;
	// A missing folder, an existing file or a read-only place is reported like an unreadable input (exit 2).
	const target = path.resolve(io.cwd, parsed.output);
	const failed = writeNewFiles([{ target, shown: parsed.output, data, folder: path.dirname(target), makeFolders: false }]);
	if (failed !== undefined) {
		io.stderr(`rapolicy encode: ${failed}\n`);
		return 2;
	}
	io.stderr(`wrote ${parsed.output}\n`);
	return 0;
}

/**
 * The channel's output for the file, or the exit code after saying on stderr why there is none.
 * The project configuration's severities decide which errors block, and the ADMX files it names
 * as ingested elsewhere resolve the policies of their AppNames, as in the editor's preview.
 */
function encodeFile(parsed: EncodeArgs, configs: CliConfigs, io: CliIo): string | Uint8Array | number {
	const file = parsed.file;
	const config = configs.configFor(file);
	if (config === null) {
		return 2;
	}
	const external = configs.ingestedFor(config, []);
	printConfigProblems(configs, io);
	const loaded = loadDocument(file, io, 'encode');
	if (!loaded) {
		return 2;
	}
	const doc = withIngestedAdmx(loaded, external, cliReadAdmx(file, io.cwd));
	if (reportBlockingErrors(doc, file, io, configs.settingsFor(config))) {
		return 1;
	}
	const unresolved = unresolvedIngested(doc);
	if (unresolved.length > 0) {
		io.stderr(`rapolicy encode: ${unresolved.join(', ')}: no ADMX this profile ingests defines ${unresolved.length === 1 ? 'it' : 'them'}, so ${unresolved.length === 1 ? 'it' : 'they'} cannot be encoded; add an admx entry for the AppName (rapolicy validate ${file} says which)\n`);
		return 1;
	}
	const all = resolveProfiles(doc);
	const channel = parsed.channel;
	if (channel.kind === 'view') {
		const profiles = parsed.profile === undefined ? all : all.filter((p) => p.name === parsed.profile);
		if (profiles.length === 0) {
			// Said by the single-profile check: no profile of that name, or none at all.
			oneProfile(all, parsed.profile, io);
			return 2;
		}
		return channel.encode(profiles);
	}
	const profile = oneProfile(all, parsed.profile, io);
	if (!profile) {
		return 2;
	}
	const encoded = channel.encode(profile, { encoding: parsed.encoding, fullMessage: parsed.fullMessage });
	if ('refusal' in encoded) {
		io.stderr(`rapolicy encode: ${encoded.refusal}\n`);
		return 1;
	}
	for (const left of encoded.leftOut) {
		io.stderr(`rapolicy encode: left out of the ${left.output} (it ${left.because}): ${left.policies.join(', ')}\n`);
	}
	return encoded.content;
}
