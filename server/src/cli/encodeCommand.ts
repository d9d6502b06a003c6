import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeFleet, encodeIntune, encodeLgpoText, encodePayload, encodePowerShell, encodeRegistryPol, encodeSettingsCatalog, encodeSyncml, LgpoTextError, RegistryPolHiveError, unresolvedIngested, withIngestedAdmx, policyKey, policyUri, registryText, resolveProfiles, type ResolvedProfile } from '../service';
import { cliReadAdmx } from './ingestedAdmx';
import type { CliIo } from './io';
import { loadDocument, reportBlockingErrors } from './loadDocument';

export const ENCODE_USAGE = 'Usage: rapolicy encode --to payload|syncml|intune|settings-catalog|fleet|registry|lgpo|powershell|registry-pol [--encoding escape|cdata] [--full-message] [--profile NAME] [-o FILE] <file>';

const TARGETS = ['payload', 'syncml', 'intune', 'settings-catalog', 'fleet', 'registry', 'lgpo', 'powershell', 'registry-pol'] as const;

interface EncodeArgs {
	to: string | undefined;
	encoding: string;
	fullMessage: boolean;
	profile: string | undefined;
	output: string | undefined;
	files: string[];
}

function parseArgs(args: readonly string[]): EncodeArgs | string {
	const parsed: EncodeArgs = { to: undefined, encoding: 'escape', fullMessage: false, profile: undefined, output: undefined, files: [] };
	for (let i = 0; i < args.length; i++) {
		const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i], undefined];
		const value = () => inline ?? args[++i];
		switch (flag) {
			case '--to':
				parsed.to = value();
				break;
			case '--encoding':
				parsed.encoding = value() ?? '';
				break;
			case '--profile':
				parsed.profile = value();
				break;
			case '--full-message':
				parsed.fullMessage = true;
				break;
			case '-o':
			case '--output':
				parsed.output = value() ?? '';
				break;
			default:
				if (flag.startsWith('-')) {
					return `unknown option ${flag}`;
				}
				parsed.files.push(flag);
		}
	}
	if (!parsed.to || !(TARGETS as readonly string[]).includes(parsed.to)) {
		return `--to must be one of ${TARGETS.join(', ')}`;
	}
	if (parsed.encoding !== 'escape' && parsed.encoding !== 'cdata') {
		return '--encoding must be escape or cdata';
	}
	if (parsed.output === '') {
		return '-o needs a file name';
	}
	// Binary on a terminal or through a text pipe would be mangled, so Registry.pol goes to a file only.
	if (parsed.to === 'registry-pol' && parsed.output === undefined) {
		return '--to registry-pol writes binary: give -o FILE';
	}
	if (parsed.files.length !== 1) {
		return 'give exactly one file';
	}
	return parsed;
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

type WriteFile = (file: string, data: string | Uint8Array) => void;

/** A missing folder or a read-only file is reported like an unreadable input (exit 2), not thrown. */
function tryWrite(writeFile: WriteFile, io: CliIo, file: string, data: string | Uint8Array): boolean {
	try {
		writeFile(path.resolve(io.cwd, file), data);
		return true;
	} catch (error) {
		io.stderr(`rapolicy encode: cannot write ${file}: ${(error as Error).message}\n`);
		return false;
	}
}

/** `rapolicy encode`: what the device, the MDM server or the GPO receives, on stdout or in the -o file. Refuses files with errors. */
export function encodeCommand(args: readonly string[], io: CliIo, writeFile: WriteFile = (f, d) => fs.writeFileSync(f, d)): number {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`rapolicy encode: ${parsed}\n${ENCODE_USAGE}\n`);
		return 2;
	}
	if (parsed.output === undefined) {
		return encodeTo(parsed, io, writeFile);
	}
	// The channels print text; with -o it is collected and written once, only when encoding succeeded.
	let text = '';
	const code = encodeTo(parsed, { ...io, stdout: (chunk) => { text += chunk; } }, writeFile);
	if (code !== 0) {
		return code;
	}
	// Windows PowerShell 5.1 reads a script without a byte order mark as ANSI, which would garble
	// non-ASCII helper names and messages; the BOM makes it read UTF-8.
	const data = parsed.to === 'powershell' ? `\uFEFF${text}` : text;
	if (parsed.to !== 'registry-pol' && !tryWrite(writeFile, io, parsed.output, data)) {
		return 2;
	}
	io.stderr(`wrote ${parsed.output}\n`);
	return 0;
}

function encodeTo(parsed: EncodeArgs, io: CliIo, writeFile: WriteFile): number {
	const file = parsed.files[0];
	const loaded = loadDocument(file, io, 'encode');
	if (!loaded) {
		return 2;
	}
	const doc = withIngestedAdmx(loaded, [], cliReadAdmx(file, io.cwd));
	if (reportBlockingErrors(doc, file, io)) {
		return 1;
	}
	const unresolved = unresolvedIngested(doc);
	if (unresolved.length > 0) {
		io.stderr(`rapolicy encode: ${unresolved.join(', ')}: no ADMX this profile ingests defines ${unresolved.length === 1 ? 'it' : 'them'}, so ${unresolved.length === 1 ? 'it' : 'they'} cannot be encoded; add an admx entry for the AppName (rapolicy validate ${file} says which)\n`);
		return 1;
	}
	const all = resolveProfiles(doc);
	const profiles = parsed.profile === undefined ? all : all.filter((p) => p.name === parsed.profile);
	switch (parsed.to) {
		case 'payload': {
			if (profiles.length === 0) {
				return oneProfile(all, parsed.profile, io) ? 0 : 2;
			}
			const rows = profiles.flatMap((profile) => profile.policies.map((resolved) => ({
				profile: profile.name,
				policy: policyKey(resolved),
				omaUri: policyUri(resolved),
				command: resolved.state === 'not-configured' ? 'Delete' : 'Replace',
				payload: encodePayload(resolved),
			})));
			io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
			return 0;
		}
		case 'registry':
			if (profiles.length === 0) {
				return oneProfile(all, parsed.profile, io) ? 0 : 2;
			}
			io.stdout(profiles.map((p) => `# ${p.name}\n${registryText(p.policies)}`).join('\n'));
			return 0;
		case 'lgpo':
		case 'powershell':
		case 'registry-pol': {
			const profile = oneProfile(all, parsed.profile, io);
			if (!profile) {
				return 2;
			}
			if (parsed.to === 'registry-pol') {
				let pol: Uint8Array;
				try {
					pol = encodeRegistryPol(profile);
				} catch (error) {
					if (!(error instanceof RegistryPolHiveError)) {
						throw error;
					}
					io.stderr(`rapolicy encode: ${error.message}; --to lgpo and --to powershell carry user policies\n`);
					return 1;
				}
				return tryWrite(writeFile, io, parsed.output ?? '', pol) ? 0 : 2;
			}
			try {
				io.stdout(parsed.to === 'lgpo' ? encodeLgpoText(profile) : encodePowerShell(profile));
			} catch (error) {
				if (!(error instanceof LgpoTextError)) {
					throw error;
				}
				io.stderr(`rapolicy encode: ${error.message}\n`);
				return 1;
			}
			return 0;
		}
		case 'syncml': {
			const profile = oneProfile(all, parsed.profile, io);
			if (!profile) {
				return 2;
			}
			io.stdout(encodeSyncml(profile, { encoding: parsed.encoding as 'escape' | 'cdata', fullMessage: parsed.fullMessage }));
			return 0;
		}
		case 'settings-catalog': {
			const profile = oneProfile(all, parsed.profile, io);
			if (!profile) {
				return 2;
			}
			const catalog = encodeSettingsCatalog(profile);
			if (catalog.ingested.length > 0) {
				io.stderr(`rapolicy encode: left out of the settings-catalog policy (the settings catalog does not carry ingested ADMX files; use --to intune or --to syncml): ${catalog.ingested.join(', ')}\n`);
			}
			if (catalog.omitted.length > 0) {
				io.stderr(`rapolicy encode: left out of the settings-catalog policy (it cannot remove a setting): ${catalog.omitted.join(', ')}\n`);
			}
			io.stdout(`${JSON.stringify(catalog.policy, null, 2)}\n`);
			return 0;
		}
		case 'fleet': {
			const profile = oneProfile(all, parsed.profile, io);
			if (!profile) {
				return 2;
			}
			const fleet = encodeFleet(profile, parsed.encoding as 'escape' | 'cdata');
			if (fleet.omitted.length > 0) {
				io.stderr(`rapolicy encode: left out of the Fleet profile (it cannot send a Delete): ${fleet.omitted.join(', ')}\n`);
			}
			if (fleet.profile === '') {
				// An empty file is no profile Fleet would take.
				io.stderr(`rapolicy encode: ${profile.name} has no enabled or disabled policy, so there is no Fleet profile to write\n`);
				return 1;
			}
			io.stdout(fleet.profile);
			return 0;
		}
		default: {
			const profile = oneProfile(all, parsed.profile, io);
			if (!profile) {
				return 2;
			}
			const intune = encodeIntune(profile);
			if (intune.omitted.length > 0) {
				io.stderr(`rapolicy encode: left out of the Intune profile (a custom profile cannot send a Delete): ${intune.omitted.join(', ')}\n`);
			}
			io.stdout(`${JSON.stringify(intune.profile, null, 2)}\n`);
			return 0;
		}
	}
}
