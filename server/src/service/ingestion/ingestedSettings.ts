import type { Span } from '../text/span';
import { closest } from '../text/suggest';
import type { Problem } from '../problems/problem';
import type { AdmlFile, AdmxFile, AdmxPolicy } from '../admx/admxModel';
import { checkAdmxPayload } from '../policy/checkAdmxPayload';
import { configNode } from '../mdm/configUri';
import type { ConfigureNode } from '../mdm/ingestedUri';
import type { ParsedPayload } from '../mdm/payload';

/**
 * The checks of ingested policies against the ADMX files ingested beside them, for any carrier:
 * the commands of a SyncML message or the rows of an Intune custom profile. `order` is where an
 * item stands, so a policy set before its ADMX is ingested can be told.
 */

export interface IngestionInstall {
	readonly app: string;
	readonly admx: AdmxFile;
	/** The ADML read with it, for display names; absent where none was found or looked for. */
	readonly adml?: AdmlFile;
	readonly order: number;
}

/** A write or Delete of an ingested policy, in the offsets of whatever carries it. */
export interface IngestedSetting {
	readonly command: string;
	readonly locUri: Span & { readonly value: string };
	readonly node: ConfigureNode;
	/** The payload of a write, when readable. */
	readonly payload: ParsedPayload | undefined;
}

/**
 * The cross-item checks of a document's ingested settings, as parsed, and again with ADMX files
 * ingested elsewhere (another profile, a setting, the command line).
 */
export interface IngestionCheck {
	readonly problems: readonly Problem[];
	recheck(external: readonly IngestionInstall[]): Problem[];
}

interface Installed {
	readonly app: string;
	readonly files: AdmxFile[];
	/** Where it is first ingested. */
	readonly order: number;
}

/** The ingested ADMX files by AppName, without regard to case. */
export function ingestedIndex(installs: readonly IngestionInstall[]): ReadonlyMap<string, Installed> {
	const index = new Map<string, Installed>();
	for (const install of installs) {
		const key = install.app.toLowerCase();
		const entry = index.get(key) ?? { app: install.app, files: [], order: install.order };
		entry.files.push(install.admx);
		index.set(key, entry);
	}
	return index;
}

/** Where in the written LocURI a part of it is, when the source spells it one for one. */
function uriSpan(locUri: IngestedSetting['locUri'], start: number, end: number): Span {
	const plain = locUri.end - locUri.start === locUri.value.length;
	return plain ? { start: locUri.start + start, end: locUri.start + end } : { start: locUri.start, end: locUri.end };
}

function findPolicy(installed: Installed, name: string): { file: AdmxFile; policy: AdmxPolicy } | undefined {
	for (const exact of [true, false]) {
		for (const file of installed.files) {
			const policy = file.policies.find((p) => (exact ? p.name === name : p.name.toLowerCase() === name.toLowerCase()));
			if (policy) {
				return { file, policy };
			}
		}
	}
	return undefined;
}

/** The policy `name` of the ADMX files ingested as `app`, with the AppName as ingested. */
export function findIngestedPolicy(index: ReadonlyMap<string, Installed>, app: string, name: string): { file: AdmxFile; policy: AdmxPolicy; app: string } | undefined {
	const installed = index.get(app.toLowerCase());
	const found = installed && findPolicy(installed, name);
	return installed && found ? { ...found, app: installed.app } : undefined;
}

/**
 * The name that contains the written one or is contained in it, the closest in length: vendors
 * rename policies by adding or dropping a prefix (WebSuggestions → FirefoxSuggest_WebSuggestions).
 */
export function containing(written: string, names: readonly string[]): string | undefined {
	const lower = written.toLowerCase();
	const found = names.filter((n) => n.length >= 4 && lower.length >= 4 && (n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase())));
	return found.sort((a, b) => Math.abs(a.length - written.length) - Math.abs(b.length - written.length))[0];
}

/** One setting against the ADMX installed under its AppName; problems in the chunk's offsets. */
function checkSetting(setting: IngestedSetting, installed: Installed, problems: Problem[]): void {
	const { node, locUri } = setting;
	const whole: Span = { start: locUri.start, end: locUri.end };
	const found = findPolicy(installed, node.policyName);
	const derive = (file: AdmxFile, policy: AdmxPolicy) => {
		const uris = configNode(file, policy, installed.app, node.settingType || 'Policy').uris;
		return uris.find((u) => u.scope === node.scope) ?? uris[0];
	};
	if (!found) {
		const names = installed.files.flatMap((f) => f.policies.map((p) => p.name));
		const suggestion = closest(node.policyName, names) ?? containing(node.policyName, names);
		const target = suggestion === undefined ? undefined : findPolicy(installed, suggestion);
		const fix = target && derive(target.file, target.policy).uri;
		problems.push({
			code: 'ingested-uri',
			span: uriSpan(locUri, node.policyOffset, locUri.value.length),
			message: `The ADMX ingested as ${installed.app} has no policy ${node.policyName}${suggestion ? `; did you mean ${suggestion}?` : '.'} A policy renamed or moved between ADMX revisions has another node: check the revision the device ingests.`,
			fixes: fix ? [{ title: `Change to ${fix}`, edits: [{ span: whole, newText: fix }], preferred: true }] : undefined,
		});
		return;
	}
	const expected = derive(found.file, found.policy);
	if (expected.scope !== node.scope) {
		problems.push({ code: 'ingested-uri', span: uriSpan(locUri, 0, node.areaOffset), message: `${found.policy.name} is a ${found.policy.class} policy, set under ./${expected.scope}/, not ./${node.scope}/.`, fixes: [{ title: `Change to ${expected.uri}`, edits: [{ span: whole, newText: expected.uri }], preferred: true }] });
	} else if (expected.uri !== locUri.value) {
		const caseOnly = expected.uri.toLowerCase() === locUri.value.toLowerCase() && node.flaws.length === 0;
		const appOnly = caseOnly && expected.uri.slice(node.areaOffset + node.app.length) === locUri.value.slice(node.areaOffset + node.app.length);
		const [flaw] = node.flaws;
		problems.push({
			code: 'ingested-uri',
			severity: appOnly ? 'warning' : undefined,
			span: flaw ? uriSpan(locUri, flaw.start, flaw.end) : whole,
			message: appOnly
				? `The ADMX is ingested as ${installed.app}; whether a device takes ${node.app} for it is not documented, so write ${installed.app}.`
				: `${flaw ? `${flaw.message} ` : ''}The node of ${found.policy.name} in the ADMX ingested as ${installed.app} is ${expected.uri}.`,
			fixes: [{ title: `Change to ${expected.uri}`, edits: [{ span: whole, newText: expected.uri }], preferred: true }],
		});
	}
	if (setting.payload) {
		checkAdmxPayload(setting.payload, found.policy, installed.app, problems);
	}
}


/** One ingested setting: its AppName ingested (and before it), its node, scope and payload. */
export function checkIngestedSetting(setting: IngestedSetting, order: number, index: ReadonlyMap<string, Installed>): Problem[] {
	const problems: Problem[] = [];
	const entry = index.get(setting.node.app.toLowerCase());
	const appSpan = uriSpan(setting.locUri, setting.node.areaOffset, setting.node.areaOffset + setting.node.app.length);
	if (!entry) {
		for (const flaw of setting.node.flaws) {
			problems.push({ code: 'ingested-uri', span: uriSpan(setting.locUri, flaw.start, flaw.end), message: flaw.message });
		}
		problems.push({ code: 'ingested-app', span: appSpan, message: `Nothing in this document ingests an ADMX as ${setting.node.app}, so this policy is not checked against one. Ingest it first (Add ./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${setting.node.app}/Policy/{FileUid}); when another profile does, name its ADMX in the rapolicy.admx.ingested setting, or with rapolicy validate --admx ${setting.node.app}=FILE.` });
		return problems;
	}
	if (order < entry.order && setting.command !== 'Delete') {
		problems.push({ code: 'ingested-app', span: appSpan, message: `This sets a policy of ${entry.app} before the ADMX is ingested further down; the device refuses a policy it does not know yet, so put the ADMXInstall first.` });
	}
	checkSetting(setting, entry, problems);
	return problems;
}
