import type { AdmxFile, AdmxPolicy } from '../admx/admxModel';
import { checkAdmxPayload } from '../admx/checkPayload';
import { configNode } from '../admx/configUri';
import { parseConfigureUri, parseInstallUri } from '../admx/ingestedUri';
import { lintAdmx } from '../admx/lintAdmx';
import { readAdmx } from '../admx/readAdmx';
import type { Span } from '../text/span';
import { closest } from '../text/suggest';
import type { Problem } from '../validation/problem';
import { moveProblemSpans, shiftProblem } from '../validation/shiftProblem';
import { sourceSpan } from '../xml/entities';
import { parsePayload } from './payload';
import type { CommandChunk, IngestedAdmx, IngestedSetting, IngestionFacts, SyncmlCommand, SyncmlData } from './syncmlModel';

const WRITES = new Set(['Add', 'Replace']);

/**
 * The ADMX a Data carries, read where it stands when it is one CDATA section (so problems point at
 * its characters), else from its decoded text with problems mapped back through the escaping.
 * Intune's Import ADMX is another channel, so its rules are left out here.
 */
function readCarriedAdmx(source: string, data: SyncmlData, problems: Problem[]): AdmxFile {
	const [only] = data.element.children;
	const inPlace = data.form === 'cdata' && data.element.children.length === 1 && only.kind === 'cdata';
	const start = inPlace ? only.content.start : 0;
	const end = inPlace ? only.content.end : data.decoded.value.length;
	const text = inPlace ? source : data.decoded.value;
	const admx = readAdmx(text, start, end);
	const found = lintAdmx(admx, text, undefined, start, end).filter((p) => p.code !== 'admx-intune-import');
	problems.push(...(inPlace ? found : found.map((p) => moveProblemSpans(p, (span) => sourceSpan(data.decoded, span.start, span.end)))));
	return admx;
}

/**
 * What a command installs and configures of ingested ADMX files, with the problems that need no
 * other command: the ADMXInstall item's shape, its Format, and the ADMX it carries; the Format of a
 * configured policy. The checks against the installed ADMX wait for the whole message.
 */
export function readIngestion(source: string, commands: readonly SyncmlCommand[], problems: Problem[]): IngestionFacts | undefined {
	const installs: IngestedAdmx[] = [];
	const settings: IngestedSetting[] = [];
	for (const command of commands) {
		for (const item of command.items) {
			const locUri = item.locUri;
			if (!locUri) {
				continue;
			}
			const format = (item.meta ?? command.meta)?.format;
			const install = parseInstallUri(locUri.value);
			if (install) {
				if (!install.prefixCaseOk) {
					problems.push({ code: 'admx-ingestion', span: locUri, message: 'Write the ingestion node as ./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/{AppName}/Policy/{FileUid}, in this letter case.' });
				}
				if (install.settingType !== 'Policy') {
					problems.push({ code: 'admx-ingestion', span: locUri, message: `Every published ingestion uses the setting type Policy, not ${install.settingType}.` });
				}
				if (command.name === 'Replace') {
					problems.push({ code: 'admx-ingestion', severity: 'information', span: command.element.nameSpan, message: 'Replace of an ADMXInstall node works only on Windows builds with the 2019 servicing updates Microsoft lists; Add works everywhere.' });
				}
				if (format && format.value !== 'chr') {
					problems.push({ code: 'invalid-format', span: format, message: `An ADMX file is ingested as Format chr, not ${format.value || 'empty'}.`, fixes: [{ title: 'Change to chr', edits: [{ span: format, newText: 'chr' }], preferred: true }] });
				}
				if (WRITES.has(command.name) && item.data && item.data.form !== 'empty') {
					installs.push({ app: install.app, settingType: install.settingType, fileUid: install.fileUid, admx: readCarriedAdmx(source, item.data, problems) });
				}
				continue;
			}
			const node = parseConfigureUri(locUri.value);
			if (!node) {
				continue;
			}
			if (format && format.value !== 'chr' && WRITES.has(command.name)) {
				problems.push({ code: 'invalid-format', span: format, message: `A policy of an ingested ADMX is a string payload: Format chr, not ${format.value || 'empty'} (the device refuses an int, whatever the element's type).`, fixes: [{ title: 'Change to chr', edits: [{ span: format, newText: 'chr' }], preferred: true }] });
			}
			const readable = WRITES.has(command.name) && item.data !== undefined && item.data.form !== 'empty';
			const payload = readable && item.data ? parsePayload(item.data) : undefined;
			if (payload) {
				problems.push(...payload.problems);
			}
			settings.push({ command: command.name, locUri: { start: locUri.start, end: locUri.end, value: locUri.value }, node, payload });
		}
	}
	return installs.length === 0 && settings.length === 0 ? undefined : { installs, settings };
}

interface Installed {
	readonly app: string;
	readonly files: AdmxFile[];
	/** The chunk that installs it first, to tell a setting that comes before it. */
	readonly firstChunk: number;
}

/** Where in the written LocURI a part of it is, when the source spells it one for one. */
function uriSpan(locUri: IngestedSetting['locUri'], start: number, end: number): Span {
	const plain = locUri.end - locUri.start === locUri.value.length;
	return plain ? { start: locUri.start + start, end: locUri.start + end } : locUri;
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

/**
 * The name that contains the written one or is contained in it, the closest in length: vendors
 * rename policies by adding or dropping a prefix (WebSuggestions → FirefoxSuggest_WebSuggestions).
 */
function containing(written: string, names: readonly string[]): string | undefined {
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

/**
 * The checks across commands: each configured policy against the ADMX the message installs under
 * its AppName (node, scope, payload), a policy configured before its ADMX is installed, and one of
 * an AppName nothing here installs. Problems are in file offsets.
 */
export function ingestionProblems(chunks: readonly CommandChunk[]): Problem[] {
	const installed = new Map<string, Installed>();
	chunks.forEach((chunk, index) => {
		for (const install of chunk.result.ingestion?.installs ?? []) {
			const key = install.app.toLowerCase();
			const entry = installed.get(key) ?? { app: install.app, files: [], firstChunk: index };
			entry.files.push(install.admx);
			installed.set(key, entry);
		}
	});
	const problems: Problem[] = [];
	chunks.forEach((chunk, index) => {
		for (const setting of chunk.result.ingestion?.settings ?? []) {
			const own: Problem[] = [];
			const entry = installed.get(setting.node.app.toLowerCase());
			const appSpan = uriSpan(setting.locUri, setting.node.areaOffset, setting.node.areaOffset + setting.node.app.length);
			if (!entry) {
				for (const flaw of setting.node.flaws) {
					own.push({ code: 'ingested-uri', span: uriSpan(setting.locUri, flaw.start, flaw.end), message: flaw.message });
				}
				own.push({ code: 'ingested-app', span: appSpan, message: `Nothing in this document ingests an ADMX as ${setting.node.app}, so this policy is not checked against one. Ingest it first (Add ./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${setting.node.app}/Policy/{FileUid}), unless another profile does.` });
			} else {
				if (index < entry.firstChunk && setting.command !== 'Delete') {
					own.push({ code: 'ingested-app', span: appSpan, message: `This sets a policy of ${entry.app} before the ADMX is ingested further down; the device refuses a policy it does not know yet, so put the ADMXInstall first.` });
				}
				checkSetting(setting, entry, own);
			}
			problems.push(...own.map((p) => shiftProblem(p, chunk.start)));
		}
	});
	return problems;
}

