import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import { guarded } from '../problems/guard';
import { oneLine } from '../text/oneLine';
import type { AdmxFile, AdmxPolicy } from '../admx/admxModel';
import { checkAdmxPayload } from '../policy/checkAdmxPayload';
import { policyCaseMessage } from '../policy/names';
import { ingestedApp, lookupPolicy, type IngestedApp, type IngestionIndex, type IngestionInstall } from './ingestionIndex';
import { configNode } from './configUri';
import type { ConfigureNode } from '../mdm/ingestedUri';
import type { ParsedPayload } from '../mdm/payload';

/**
 * The checks of ingested policies against the ADMX files ingested beside them, for any carrier:
 * the commands of a SyncML message or the rows of an Intune custom profile. `order` is where an
 * item stands, so a policy set before its ADMX is ingested can be told.
 */

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

/** Where in the written LocURI a part of it is, when the source spells it one for one. */
function uriSpan(locUri: IngestedSetting['locUri'], start: number, end: number): Span {
	const plain = locUri.end - locUri.start === locUri.value.length;
	return plain ? { start: locUri.start + start, end: locUri.start + end } : { start: locUri.start, end: locUri.end };
}

/** One setting against the ADMX installed under its AppName; problems in the chunk's offsets. */
function checkSetting(setting: IngestedSetting, installed: IngestedApp, problems: Problem[]): void {
	const { node, locUri } = setting;
	const whole: Span = { start: locUri.start, end: locUri.end };
	const derive = (file: AdmxFile, policy: AdmxPolicy) => {
		const uris = configNode(file, policy, installed.app, node.settingType || 'Policy').uris;
		return uris.find((u) => u.scope === node.scope) ?? uris[0];
	};
	const lookup = lookupPolicy(installed, node.policyName);
	const nameSpan = uriSpan(locUri, node.policyOffset, locUri.value.length);
	if (lookup.kind === 'case') {
		const { policy, file } = lookup.found;
		// The name alone where the URI is written one for one; the whole URI where escapes hide where the name is.
		const edit = nameSpan.start === whole.start && nameSpan.end === whole.end ? { span: whole, newText: derive(file, policy).uri } : { span: nameSpan, newText: policy.name };
		problems.push({ code: 'ingested-uri', span: nameSpan, message: policyCaseMessage(node.policyName, policy.name), fixes: [{ title: `Change to ${policy.name}`, edits: [edit], preferred: true }] });
		return;
	}
	if (lookup.kind === 'unknown') {
		const target = lookup.suggestion;
		const fix = target && derive(target.file, target.policy).uri;
		problems.push({
			code: 'ingested-uri',
			span: nameSpan,
			message: `The ADMX ingested as ${installed.app} has no policy ${node.policyName}${target ? `; did you mean ${target.policy.name}?` : '.'} A policy renamed or moved between ADMX revisions has another node: check the revision the device ingests.`,
			fixes: fix ? [{ title: `Change to ${fix}`, edits: [{ span: whole, newText: fix }], preferred: true }] : undefined,
		});
		return;
	}
	const found = lookup.found;
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


/**
 * One ingested setting: its AppName ingested (and before it), its node, scope and payload. Each
 * setting is checked on its own, so one that a check fails on leaves the others' problems.
 */
export function checkIngestedSetting(setting: IngestedSetting, order: number, index: IngestionIndex): Problem[] {
	const problems: Problem[] = [];
	const part = { span: { start: setting.locUri.start, end: setting.locUri.end }, name: `the policy at ${oneLine(setting.locUri.value)}` };
	guarded('ingested policy', part, problems, () => checkAgainstIndex(setting, order, index, problems), undefined);
	return problems;
}

function checkAgainstIndex(setting: IngestedSetting, order: number, index: IngestionIndex, problems: Problem[]): void {
	const entry = ingestedApp(index, setting.node.app);
	const appSpan = uriSpan(setting.locUri, setting.node.areaOffset, setting.node.areaOffset + setting.node.app.length);
	if (!entry) {
		for (const flaw of setting.node.flaws) {
			problems.push({ code: 'ingested-uri', span: uriSpan(setting.locUri, flaw.start, flaw.end), message: flaw.message });
		}
		problems.push({ code: 'ingested-app', span: appSpan, message: `Nothing in this document ingests an ADMX as ${setting.node.app}, so this policy is not checked against one. Ingest it first (Add ./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${setting.node.app}/Policy/{FileUid}); when another profile does, name its ADMX under admx.ingested in rapolicy.json or the rapolicy.admx.ingested setting, or with rapolicy validate --admx ${setting.node.app}=FILE.` });
		return;
	}
	if (order < entry.order && setting.command !== 'Delete') {
		problems.push({ code: 'ingested-app', span: appSpan, message: `This sets a policy of ${entry.app} before the ADMX is ingested further down; the device refuses a policy it does not know yet, so put the ADMXInstall first.` });
	}
	checkSetting(setting, entry, problems);
}
