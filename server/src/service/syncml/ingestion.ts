import type { AdmxFile } from '../admx/admxModel';
import { checkIngestedSetting, type IngestedSetting, type IngestionCheck } from '../ingestion/ingestedSettings';
import { indexIngestions, type IngestionInstall } from '../ingestion/ingestionIndex';
import { parseConfigureUri, parseInstallUri } from '../mdm/ingestedUri';
import { readCarriedAdmxInPlace, readCarriedAdmxText } from '../ingestion/carriedAdmx';
import type { Problem } from '../problems/problem';
import { shiftProblem } from '../problems/shiftProblem';
import { parsePayload } from '../mdm/payload';
import type { CommandChunk, IngestedAdmx, IngestionFacts, SyncmlCommand, SyncmlData } from './syncmlModel';
import { isWrite } from '../mdm/commands';
import { append } from '../text/append';


/**
 * The ADMX a Data carries, read where it stands when it is one CDATA section (so problems point at
 * its characters), else from its decoded text with problems mapped back through the escaping.
 */
function readCarriedAdmx(source: string, data: SyncmlData, problems: Problem[]): AdmxFile {
	const [only] = data.element.children;
	return data.form === 'cdata' && data.element.children.length === 1 && only.kind === 'cdata'
		? readCarriedAdmxInPlace(source, only.content.start, only.content.end, problems)
		: readCarriedAdmxText(data.decoded, problems);
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
				if (isWrite(command.name) && item.data && item.data.form !== 'empty') {
					installs.push({ app: install.app, settingType: install.settingType, fileUid: install.fileUid, admx: readCarriedAdmx(source, item.data, problems) });
				}
				continue;
			}
			const node = parseConfigureUri(locUri.value);
			if (!node) {
				continue;
			}
			if (format && format.value !== 'chr' && isWrite(command.name)) {
				problems.push({ code: 'invalid-format', span: format, message: `A policy of an ingested ADMX is a string payload: Format chr, not ${format.value || 'empty'} (the device refuses an int, whatever the element's type).`, fixes: [{ title: 'Change to chr', edits: [{ span: format, newText: 'chr' }], preferred: true }] });
			}
			const readable = isWrite(command.name) && item.data !== undefined && item.data.form !== 'empty';
			const payload = readable && item.data ? parsePayload(item.data) : undefined;
			if (payload) {
				append(problems, payload.problems);
			}
			settings.push({ command: command.name, locUri: { start: locUri.start, end: locUri.end, value: locUri.value }, node, payload });
		}
	}
	return installs.length === 0 && settings.length === 0 ? undefined : { installs, settings };
}

/**
 * The checks across commands: each configured policy against the ADMX the message installs under
 * its AppName (node, scope, payload), a policy configured before its ADMX is installed, and one of
 * an AppName nothing installs. ADMX files ingested elsewhere count as ingested before the message.
 * Problems are in file offsets.
 */
export function ingestionProblems(chunks: readonly CommandChunk[], external: readonly IngestionInstall[] = []): Problem[] {
	const installs: IngestionInstall[] = external.map((install) => ({ ...install, order: -1 }));
	const settings: { setting: IngestedSetting; order: number; start: number }[] = [];
	chunks.forEach((chunk, order) => {
		const facts = chunk.result.ingestion;
		facts?.installs.forEach((install) => installs.push({ ...install, order }));
		facts?.settings.forEach((setting) => settings.push({ setting, order, start: chunk.start }));
	});
	if (settings.length === 0) {
		return [];
	}
	const index = indexIngestions(installs);
	return settings.flatMap(({ setting, order, start }) => checkIngestedSetting(setting, order, index).map((p) => shiftProblem(p, start)));
}

/** The ingestion checks of a message, kept so they can be made again with ADMX files ingested elsewhere. */
export function ingestionCheck(chunks: readonly CommandChunk[]): IngestionCheck {
	return { problems: ingestionProblems(chunks), recheck: (external) => ingestionProblems(chunks, external) };
}
