import { encodeFleet, encodeIntune, encodePayload, encodeSettingsCatalog, encodeSyncml, registryText, resolveProfiles, type ResolvedProfile } from '../service';
import type { CliIo } from './io';
import { loadDocument, reportBlockingErrors } from './loadDocument';

export const ENCODE_USAGE = 'Usage: rapolicy encode --to payload|syncml|intune|settings-catalog|fleet|registry [--encoding escape|cdata] [--full-message] [--profile NAME] <file>';

const TARGETS = ['payload', 'syncml', 'intune', 'settings-catalog', 'fleet', 'registry'] as const;

interface EncodeArgs {
	to: string | undefined;
	encoding: string;
	fullMessage: boolean;
	profile: string | undefined;
	files: string[];
}

function parseArgs(args: readonly string[]): EncodeArgs | string {
	const parsed: EncodeArgs = { to: undefined, encoding: 'escape', fullMessage: false, profile: undefined, files: [] };
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

/** `rapolicy encode`: what the device or the MDM server receives, on stdout. Refuses files with errors. */
export function encodeCommand(args: readonly string[], io: CliIo): number {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		io.stderr(`rapolicy encode: ${parsed}\n${ENCODE_USAGE}\n`);
		return 2;
	}
	const file = parsed.files[0];
	const doc = loadDocument(file, io, 'encode');
	if (!doc) {
		return 2;
	}
	if (reportBlockingErrors(doc, file, io)) {
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
				policy: resolved.policy.name,
				omaUri: resolved.policy.omaUri,
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
