import { encodeFleet } from '../export/fleetProfile';
import { encodeLgpoText, encodePowerShell, encodeRegistryPol } from '../export/groupPolicy';
import { encodeIntune } from '../export/intuneProfile';
import { encodePayloadRows } from '../export/payloadRows';
import { registryListing } from '../export/registryView';
import type { ResolvedProfile } from '../export/resolve';
import { encodeSettingsCatalog } from '../export/settingsCatalog';
import { encodeSyncml } from '../export/syncmlMessage';
import { LgpoTextError } from '../gpo/lgpoText';
import { RegistryPolHiveError, RegistryPolNameError } from '../gpo/registryPol';
import { INTUNE_IMPORTER, LGPO_IMPORTER, POWERSHELL_IMPORTER, REGISTRY_POL_IMPORTER, SYNCML_IMPORTER } from '../import/importers';
import type { Channel, ChannelFamily, Encoded, FileChannel, LeftOut } from './channel';

const GROUP_POLICY: ChannelFamily = {
	name: 'Group Policy',
	notes: ['On a device where ControlPolicyConflict/MDMWinsOverGP is 1, an MDM value of the same policy wins over Group Policy.'],
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const leftOut = (policies: readonly string[], output: string, because: string): LeftOut[] => (policies.length === 0 ? [] : [{ policies, output, because }]);

function lgpoText(profile: ResolvedProfile): Encoded {
	try {
		return { content: encodeLgpoText(profile), leftOut: [] };
	} catch (error) {
		// LGPO text holds one field per line, so a value with a line break cannot be written.
		if (error instanceof LgpoTextError) {
			return { refusal: error.message };
		}
		throw error;
	}
}

function registryPol(profile: ResolvedProfile): Encoded {
	try {
		return { content: encodeRegistryPol(profile), leftOut: [] };
	} catch (error) {
		// A machine Registry.pol cannot hold the user policies of an ingested ADMX.
		if (error instanceof RegistryPolHiveError) {
			return { refusal: `${error.message}; LGPO text and the PowerShell script carry user policies` };
		}
		if (error instanceof RegistryPolNameError) {
			return { refusal: error.message };
		}
		throw error;
	}
}

/**
 * Every channel, in the order the command line lists them. A channel is a row here, with an
 * encoder in export/ and, when its output can be read back, an importer in import/: the CLI, the
 * preview, the export command and the manifest's menus are made from this list.
 */
export const CHANNELS: readonly Channel[] = [
	{
		kind: 'view',
		id: 'payload',
		name: 'Payloads',
		description: 'JSON [{ profile, policy, omaUri, command, payload }], payload raw or null for Delete',
		carriesIngested: true,
		encode: encodePayloadRows,
	},
	{
		kind: 'file',
		id: 'syncml',
		name: 'SyncML message',
		description: 'OMA-DM commands',
		extension: '.syncml',
		ownsExtension: true,
		binary: false,
		byteOrderMark: false,
		carriesIngested: true,
		encode: (profile, options) => ({ content: encodeSyncml(profile, options), leftOut: [] }),
		importer: SYNCML_IMPORTER,
	},
	{
		kind: 'file',
		id: 'intune',
		name: 'Intune custom profile',
		description: 'Microsoft Graph JSON',
		extension: '.intune.json',
		ownsExtension: true,
		binary: false,
		byteOrderMark: false,
		carriesIngested: true,
		encode: (profile) => {
			const intune = encodeIntune(profile);
			return { content: json(intune.profile), leftOut: leftOut(intune.omitted, 'Intune custom profile', 'cannot send a Delete') };
		},
		importer: INTUNE_IMPORTER,
	},
	{
		kind: 'file',
		id: 'settings-catalog',
		name: 'Intune settings catalog',
		description: 'Microsoft Graph JSON',
		extension: '.settings-catalog.json',
		ownsExtension: true,
		binary: false,
		byteOrderMark: false,
		carriesIngested: false,
		encode: (profile) => {
			const catalog = encodeSettingsCatalog(profile);
			return {
				content: json(catalog.policy),
				leftOut: [...leftOut(catalog.omitted, 'settings-catalog policy', 'cannot remove a setting'), ...leftOut(catalog.ingested, 'settings-catalog policy', 'does not carry ingested ADMX files; the Intune custom profile and SyncML do')],
			};
		},
		importer: INTUNE_IMPORTER,
	},
	{
		kind: 'file',
		id: 'fleet',
		name: 'Fleet profile',
		description: 'top-level Replace commands',
		extension: '.fleet.xml',
		ownsExtension: true,
		binary: false,
		byteOrderMark: false,
		carriesIngested: true,
		encode: (profile, options) => {
			const fleet = encodeFleet(profile, options.encoding);
			// An empty file is no profile Fleet would take.
			return fleet.profile === ''
				? { refusal: `${profile.name} has no enabled or disabled policy, so there is no Fleet profile to write` }
				: { content: fleet.profile, leftOut: leftOut(fleet.omitted, 'Fleet profile', 'cannot send a Delete') };
		},
		importer: SYNCML_IMPORTER,
	},
	{
		kind: 'view',
		id: 'registry',
		name: 'Registry values',
		description: 'what each policy writes on the device',
		carriesIngested: true,
		encode: registryListing,
	},
	{
		kind: 'file',
		id: 'lgpo',
		name: 'LGPO.exe text',
		family: GROUP_POLICY,
		description: 'for LGPO.exe /t',
		extension: '.lgpo.txt',
		ownsExtension: true,
		binary: false,
		byteOrderMark: false,
		carriesIngested: true,
		encode: lgpoText,
		importer: LGPO_IMPORTER,
	},
	{
		kind: 'file',
		id: 'powershell',
		name: 'PowerShell script',
		family: GROUP_POLICY,
		description: 'Set-GPRegistryValue, run with -GpoName NAME',
		extension: '.ps1',
		ownsExtension: false,
		binary: false,
		byteOrderMark: true,
		carriesIngested: true,
		encode: (profile) => ({ content: encodePowerShell(profile), leftOut: [] }),
		importer: POWERSHELL_IMPORTER,
	},
	{
		kind: 'file',
		id: 'registry-pol',
		name: 'Registry.pol',
		family: GROUP_POLICY,
		description: 'binary, machine policies',
		extension: '.pol',
		ownsExtension: true,
		binary: true,
		byteOrderMark: false,
		carriesIngested: true,
		encode: registryPol,
		importer: REGISTRY_POL_IMPORTER,
	},
];

/** The channels that write a file of one profile, in the same order. */
export const FILE_CHANNELS: readonly FileChannel[] = CHANNELS.filter((channel): channel is FileChannel => channel.kind === 'file');
