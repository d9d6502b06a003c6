import { readCarriedAdmxText } from '../ingestion/carriedAdmx';
import { checkIngestedSetting, type IngestedSetting, type IngestionCheck } from '../ingestion/ingestedSettings';
import { indexIngestions, type IngestionInstall } from '../ingestion/ingestionIndex';
import { parseConfigureUri, parseInstallUri } from '../mdm/ingestedUri';
import type { IngestedWrite } from '../ingestion/ingestedWrite';
import { property, propertyEntry, type JsonValue } from '../json/jsonParser';
import { parsePayload } from '../mdm/payload';
import type { Problem } from '../problems/problem';
import { OMA_STRING } from './intuneModel';
import { append } from '../text/append';

/**
 * The rows of a custom profile that ingest an ADMX (`ADMXInstall`, the ADMX text as the value) or
 * set a policy of an ingested ADMX, checked as their SyncML items are: the ADMX where it stands in
 * the JSON string, and each policy against the ADMX its AppName ingests. True for a row it took.
 */
export class IngestedRows {
	private readonly installs: IngestionInstall[] = [];
	private readonly settings: { setting: IngestedSetting; order: number }[] = [];
	/** Every row taken, as an import reads it. */
	readonly writes: IngestedWrite[] = [];

	constructor(private readonly problems: Problem[]) {}

	take(row: JsonValue, index: number, uri: Extract<JsonValue, { kind: 'string' }>): boolean {
		const install = parseInstallUri(uri.value);
		const node = install ? undefined : parseConfigureUri(uri.value);
		if (!install && !node) {
			return false;
		}
		const value = property(row, 'value');
		const type = propertyEntry(row, '@odata.type')?.value;
		if (type?.kind === 'string' && type.value !== OMA_STRING) {
			this.problems.push({
				code: 'oma-data-type',
				span: type.content,
				message: `${install ? 'An ADMX file is ingested' : 'A policy of an ingested ADMX is set'} as a String setting (${OMA_STRING}), not ${type.value || 'an empty type'}.`,
				fixes: [{ title: 'Change to String', edits: [{ span: type.content, newText: OMA_STRING }], preferred: true }],
			});
			return true;
		}
		const at = { where: `omaSettings[${index}] ${uri.value}`, command: 'Replace', offset: row.start, nameSpan: { start: uri.content.start, end: uri.content.end } };
		const text = value?.kind === 'string' ? value.decoded() : undefined;
		if (install) {
			this.writes.push({ ...at, kind: 'install', node: install, text: text?.value });
			if (text) {
				this.installs.push({ app: install.app, admx: readCarriedAdmxText(text, this.problems), order: index });
			}
			return true;
		}
		const payload = value && text ? parsePayload({ decoded: text, element: { nameSpan: value }, form: 'raw' }) : undefined;
		if (node) {
			this.writes.push({ ...at, kind: 'configure', node, uri: uri.value, payload });
		}
		if (node && payload) {
			append(this.problems, payload.problems);
			this.settings.push({ setting: { command: 'Replace', locUri: { start: uri.content.start, end: uri.content.end, value: uri.value }, node, payload }, order: index });
		}
		return true;
	}

	/** The checks across rows, once every row is read; again with ADMX files ingested elsewhere. */
	check(): IngestionCheck | undefined {
		if (this.settings.length === 0) {
			return undefined;
		}
		const run = (external: readonly IngestionInstall[]) => {
			const index = indexIngestions([...external.map((install) => ({ ...install, order: -1 })), ...this.installs]);
			return this.settings.flatMap(({ setting, order }) => checkIngestedSetting(setting, order, index));
		};
		const problems = run([]);
		append(this.problems, problems);
		return { problems, recheck: run };
	}
}
