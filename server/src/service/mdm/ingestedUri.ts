/**
 * The LocURIs of MDM ingestion: where an ADMX file is installed, and where a policy of an ingested
 * ADMX is configured. Only URIs with the shape of these are read; inbox areas are left alone.
 */

export interface InstallNode {
	readonly kind: 'install';
	readonly app: string;
	readonly settingType: string;
	readonly fileUid: string;
	/** Whether the part before the AppName has the letter case Microsoft writes. */
	readonly prefixCaseOk: boolean;
}

/** A problem of the URI's own shape, with offsets into the URI. */
export interface UriFlaw {
	readonly start: number;
	readonly end: number;
	readonly message: string;
}

export interface ConfigureNode {
	readonly kind: 'configure';
	readonly scope: 'Device' | 'User';
	/** The AppName as written, the setting type, and the category names, spaces and empty segments left out. */
	readonly app: string;
	readonly settingType: string;
	readonly categories: readonly string[];
	readonly policyName: string;
	/** Where the area starts in the URI, and where the policy name starts. */
	readonly areaOffset: number;
	readonly policyOffset: number;
	readonly flaws: readonly UriFlaw[];
}

const INSTALL = /^\.\/(?:device\/)?vendor\/msft\/policy\/configoperations\/admxinstall\/([^/]+)\/([^/]+)\/([^/]+)$/i;
const INSTALL_CASE = /^\.\/(?:Device\/)?Vendor\/MSFT\/Policy\/ConfigOperations\/ADMXInstall\//;
const CONFIG = /^(\.?\/)?(device|user)\/vendor\/msft\/policy\/config\//i;

export function parseInstallUri(uri: string): InstallNode | undefined {
	const match = INSTALL.exec(uri);
	return match ? { kind: 'install', app: match[1], settingType: match[2], fileUid: match[3], prefixCaseOk: INSTALL_CASE.test(uri) } : undefined;
}

/**
 * A Config URI whose area has the `{AppName}~{SettingType}~…` shape of an ingested ADMX, with the
 * mistakes of its shape: a missing `./`, `\` or `/` between categories, spaces, empty segments.
 */
export function parseConfigureUri(uri: string): ConfigureNode | undefined {
	const prefix = CONFIG.exec(uri);
	if (!prefix) {
		return undefined;
	}
	const areaOffset = prefix[0].length;
	const rest = uri.slice(areaOffset);
	const separator = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\'));
	if (separator < 0 || !rest.slice(0, separator).includes('~')) {
		return undefined;
	}
	const flaws: UriFlaw[] = [];
	if (prefix[1] !== './') {
		flaws.push({ start: 0, end: prefix[0].indexOf(prefix[2]), message: 'The URI starts with ./ before the scope: ./Device/… or ./User/….' });
	}
	const area = rest.slice(0, separator);
	const joiners = /[/\\]/g;
	for (let m = joiners.exec(area); m; m = joiners.exec(area)) {
		flaws.push({ start: areaOffset + m.index, end: areaOffset + m.index + 1, message: `Categories are joined by ~ in the area, not by ${m[0]}.` });
	}
	if (rest[separator] === '\\') {
		flaws.push({ start: areaOffset + separator, end: areaOffset + separator + 1, message: 'The policy name follows the area after /, not \\.' });
	}
	const segments = area.split(/[~/\\]/);
	let at = areaOffset;
	for (const segment of segments) {
		if (segment.trim() === '') {
			flaws.push({ start: at, end: at + segment.length + 1, message: 'An empty segment in the area: remove the extra ~.' });
		} else if (segment !== segment.trim()) {
			flaws.push({ start: at, end: at + segment.length, message: `"${segment}" has spaces around it, which become part of the node's name: remove them.` });
		}
		at += segment.length + 1;
	}
	const names = segments.map((s) => s.trim()).filter((s) => s !== '');
	return {
		kind: 'configure',
		scope: prefix[2].toLowerCase() === 'user' ? 'User' : 'Device',
		app: names[0] ?? '',
		settingType: names[1] ?? '',
		categories: names.slice(2),
		policyName: rest.slice(separator + 1),
		areaOffset,
		policyOffset: areaOffset + separator + 1,
		flaws,
	};
}
