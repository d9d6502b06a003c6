import { loadAdmx } from '../admx/admxCache';
import type { AdmxElement, AdmxPolicy } from '../admx/admxModel';
import type { AdmxSource } from '../admx/admxSource';
import { checkAdmxPayload } from '../policy/checkAdmxPayload';
import { configNode } from '../ingestion/configUri';
import type { ConfigureWrite, IngestedWrite, InstallWrite } from '../ingestion/ingestedWrite';
import { fileUidOf, isAppName, type ProfileAdmxFile } from '../ingestion/profileIngestion';
import { ingestedApp, indexIngestions, lookupPolicy, type IngestionIndex, type IngestionInstall } from '../ingestion/ingestionIndex';
import { policyCaseMessage } from '../policy/names';
import { safeFileName } from './fileNames';
import type { ParsedPayload } from '../mdm/payload';
import { LIST_SEPARATOR } from '../mdm/payloadText';
import type { Problem } from '../problems/problem';
import { RULES } from '../problems/rules';
import type { ResolvedIngested } from '../export/resolve';
import { commandMeaning, isWrite } from '../mdm/commands';

/** An ADMX ingested elsewhere, in which an import may find the policies a document sets. */
export interface ExternalAdmx {
	readonly app: string;
	/** The file as the profile names it: relative to the profile, with / between folders. */
	readonly file: string;
	readonly source: AdmxSource;
}

export interface ImportOptions {
	readonly external?: readonly ExternalAdmx[];
	/**
	 * ADMX files ingested through MDM, whose machine policies a Group Policy file is read for as
	 * well: a GPO that writes their registry values sets the same `App/PolicyName`.
	 */
	readonly ingested?: readonly IngestionInstall[];
	/** Where the ADMX files a document carries are saved, relative to the profile, with / between folders; by default beside it. */
	readonly admxFolder?: string;
}

/** An ADMX a document carries, to be saved where the profile names it. */
export interface CarriedAdmxFile {
	/** Relative to the profile, with / between folders. */
	readonly file: string;
	readonly text: string;
}

/** What a profile keeps of a document's ingestions and ingested policies. */
export interface IngestedImport {
	/** The files the document carries, in its order, with the item that carries each. */
	readonly carried: readonly (ProfileAdmxFile & CarriedAdmxFile & { readonly where: string })[];
	/** The files ingested elsewhere that policies were looked up in. */
	readonly elsewhere: readonly ProfileAdmxFile[];
	readonly policies: readonly ResolvedIngested[];
}


function notASetting(command: string): string | undefined {
	if (command === 'Get') {
		return 'a read, not a setting';
	}
	return isWrite(command) || commandMeaning(command) === 'remove' ? undefined : `${command} is not a setting`;
}

/** Why a profile cannot ingest what an ADMXInstall item carries, if it cannot. */
function installProblem(write: InstallWrite): string | undefined {
	const { app, settingType, fileUid } = write.node;
	if (write.command === 'Delete') {
		return 'removes an ingested ADMX, which a profile does not do';
	}
	const command = notASetting(write.command);
	if (command) {
		return command;
	}
	if (write.text === undefined || write.text.trim() === '') {
		return 'carries no ADMX';
	}
	if (settingType !== 'Policy') {
		return `ingests under the setting type ${settingType}; a profile ingests under Policy`;
	}
	if (!isAppName(app)) {
		return `the AppName ${app} cannot stand in a profile's admx entry`;
	}
	// The FileUid becomes the file's name and, exported again, the node: a name that must be changed to be safe is refused.
	if (safeFileName(fileUid) !== fileUid) {
		return `the FileUid ${fileUid} cannot name a file, and a profile takes the FileUid from its ADMX file's name`;
	}
	const admx = loadAdmx(write.text);
	const broken = admx.problems.find((p) => p.code === 'admx-syntax' && p.severity !== 'warning');
	if (admx.root.start === admx.root.end || broken) {
		return `carries no readable ADMX${broken ? `: ${broken.message}` : ''}`;
	}
	return undefined;
}

/** The ADMX files a document carries, the last of each AppName and FileUid, as a device keeps them. */
function carriedInstalls(writes: readonly InstallWrite[], skipped: string[]): (InstallWrite & { readonly text: string })[] {
	const kept = new Map<string, InstallWrite & { readonly text: string }>();
	for (const write of writes) {
		const problem = installProblem(write);
		if (problem || write.text === undefined) {
			skipped.push(`${write.where}: ${problem}`);
			continue;
		}
		const key = `${write.node.app.toLowerCase()}/${write.node.fileUid.toLowerCase()}`;
		const earlier = kept.get(key);
		if (earlier) {
			skipped.push(`${earlier.where}: ingested again later under the same AppName and FileUid; the later file is kept`);
			kept.delete(key);
		}
		kept.set(key, { ...write, text: write.text });
	}
	return [...kept.values()];
}

function joinPath(folder: string | undefined, name: string): string {
	return folder ? `${folder.replace(/\/+$/, '')}/${name}` : name;
}

/**
 * The ADMX files the document carries, each named `<FileUid>.admx`; one whose FileUid another file
 * already takes goes into a folder named after its AppName, keeping its FileUid.
 */
function carriedFiles(installs: readonly (InstallWrite & { readonly text: string })[], folder: string | undefined): (ProfileAdmxFile & CarriedAdmxFile & { readonly where: string })[] {
	// File names compared without regard to case, as Windows compares them.
	const taken = new Map<string, string>();
	return installs.map((write) => {
		const { app, fileUid } = write.node;
		const plain = `${fileUid}.admx`;
		const owner = taken.get(plain.toLowerCase());
		// A clash goes into a folder named after the AppName, made a safe name: an AppName such as .. would leave the folder.
		const name = owner === undefined || owner === write.text ? plain : `${safeFileName(app)}/${plain}`;
		taken.set(name.toLowerCase(), write.text);
		const file = joinPath(folder, name);
		return { app, file, fileUid, text: write.text, where: write.where, source: { admx: loadAdmx(write.text), adml: undefined, text: write.text } };
	});
}

/** A data item's value as the profile's resolved values hold it: lists and multi-line text as their strings. */
function elementValue(element: AdmxElement, text: string): string | readonly string[] {
	switch (element.type) {
		case 'multiText':
		case 'list':
			return text === '' ? [] : text.split(LIST_SEPARATOR);
		case 'decimal':
		case 'longDecimal':
			// Leading zeros are the same number to the device; the profile writes it without them.
			return text.replace(/^0+(?=\d)/, '');
		default:
			return text;
	}
}

function payloadValues(payload: ParsedPayload, policy: AdmxPolicy): Map<string, string | readonly string[]> {
	const values = new Map<string, string | readonly string[]>();
	for (const element of policy.elements) {
		const item = payload.items.find((i) => i.id?.value === element.id);
		if (item?.value) {
			values.set(element.id, elementValue(element, item.value.value));
		}
	}
	return values;
}

function isError(problem: Problem): boolean {
	return (problem.severity ?? RULES[problem.code].severity) === 'error';
}

/** The state and values a payload sets, or why a profile cannot hold them. */
function payloadSetting(write: ConfigureWrite, policy: AdmxPolicy, app: string): Pick<ResolvedIngested, 'state' | 'values'> | string {
	if (write.command === 'Delete') {
		return { state: 'not-configured', values: new Map() };
	}
	const payload = write.payload;
	if (!payload) {
		return 'carries no payload';
	}
	const unreadable = payload.problems.find(isError);
	if (unreadable || !payload.state) {
		return `its payload cannot be read${unreadable ? `: ${unreadable.message}` : ''}`;
	}
	if (payload.state.value === 'disabled') {
		return { state: 'disabled', values: new Map() };
	}
	// Even a warning here (list names other than the ADMX gives) is something a profile cannot write.
	const problems: Problem[] = [];
	checkAdmxPayload(payload, policy, app, problems);
	if (problems.length > 0) {
		return `its payload does not fit the ADMX: ${problems[0].message}`;
	}
	return { state: 'enabled', values: payloadValues(payload, policy) };
}

/** A configured policy as a profile holds it, or why it cannot; a note when it is written otherwise. */
function readSetting(write: ConfigureWrite, index: IngestionIndex, notes: string[]): { policy: ResolvedIngested } | string {
	const command = notASetting(write.command);
	if (command) {
		return command;
	}
	const { node } = write;
	const installed = ingestedApp(index, node.app);
	if (!installed) {
		return `no ADMX ingested as ${node.app} is at hand: this file does not ingest one, and none is named as ingested elsewhere (under admx.ingested in rapolicy.json, rapolicy import --admx ${node.app}=FILE, or the rapolicy.admx.ingested setting)`;
	}
	const lookup = lookupPolicy(installed, node.policyName);
	if (lookup.kind === 'case') {
		return policyCaseMessage(node.policyName, lookup.found.policy.name);
	}
	if (lookup.kind === 'unknown') {
		return `the ADMX ingested as ${installed.app} has no policy ${node.policyName}`;
	}
	const entry = lookup.found;
	const policy = entry.policy;
	if (node.settingType !== 'Policy') {
		return `the setting type ${node.settingType} is not one a profile writes; it writes Policy`;
	}
	const uri = configNode(entry.file, policy, entry.app).uris.find((u) => u.scope === node.scope);
	if (!uri) {
		return `${policy.name} is a ${policy.class} policy, not set under ./${node.scope}/`;
	}
	// The AppName as ingested leads the node a profile writes; any other difference changes the node.
	const written = write.uri.slice(0, node.areaOffset) + entry.app + write.uri.slice(node.areaOffset + node.app.length);
	if (written !== uri.uri) {
		return `the ADMX gives it the node ${uri.uri}`;
	}
	if (node.app !== entry.app) {
		notes.push(`${write.where}: written under the AppName ${node.app}; the profile writes ${entry.app}, as the ADMX is ingested`);
	}
	const setting = payloadSetting(write, policy, entry.app);
	if (typeof setting === 'string') {
		return setting;
	}
	const key = `${entry.app}/${policy.name}`;
	return {
		policy: { kind: 'ingested', key, target: entry, scope: uri.scope, omaUri: uri.uri, ...setting, span: { start: write.offset, end: write.offset }, nameSpan: write.nameSpan },
	};
}

/**
 * A profile has one scope, which places the policies whose class is Both: it takes the one most of
 * them are set under (the device on a tie), and names the settings of the other.
 */
function oneScope(read: readonly { write: ConfigureWrite; policy: ResolvedIngested }[], skipped: string[]): typeof read {
	const both = read.filter((r) => r.policy.target.policy.class === 'Both');
	const users = both.filter((r) => r.policy.scope === 'User').length;
	const scope = users > both.length - users ? 'User' : 'Device';
	const why = users * 2 === both.length ? 'as many are set under each, and the device comes first' : 'most of them are set there';
	return read.filter((r) => {
		if (r.policy.target.policy.class !== 'Both' || r.policy.scope === scope) {
			return true;
		}
		skipped.push(`${r.write.where}: a profile has one scope, and this one keeps the ./${scope}/ settings of policies whose class is Both (${why}); import the ./${r.policy.scope}/ ones into a profile of their own`);
		return false;
	});
}

/** The document's own ADMX files and those named as ingested elsewhere, with each configured policy read against them. */
function readIngested(writes: readonly IngestedWrite[], options: ImportOptions, skipped: string[], notes: string[]): { carried: IngestedImport['carried']; elsewhere: ProfileAdmxFile[]; read: { write: ConfigureWrite; policy: ResolvedIngested }[] } {
	const carried = carriedFiles(carriedInstalls(writes.filter((w): w is InstallWrite => w.kind === 'install'), skipped), options.admxFolder);
	const installs: IngestionInstall[] = carried.map((file) => ({ app: file.app, admx: file.source.admx, adml: file.source.adml, order: 0 }));
	// A document's own ingestion of an AppName is what its policies are set against.
	const elsewhere: ProfileAdmxFile[] = [];
	for (const file of options.external ?? []) {
		const key = file.app.toLowerCase();
		if (!carried.some((c) => c.app.toLowerCase() === key)) {
			elsewhere.push({ app: file.app, file: file.file, fileUid: fileUidOf(file.file), source: file.source });
			installs.push({ app: file.app, admx: file.source.admx, adml: file.source.adml, order: 0 });
		}
	}
	const index = indexIngestions(installs);
	const read: { write: ConfigureWrite; policy: ResolvedIngested }[] = [];
	for (const write of writes) {
		if (write.kind !== 'configure') {
			continue;
		}
		const result = readSetting(write, index, notes);
		if (typeof result === 'string') {
			skipped.push(`${write.where}: ${result}`);
		} else {
			read.push({ write, ...result });
		}
	}
	return { carried, elsewhere, read };
}

/**
 * What a profile keeps of the items that ingest ADMX files and set their policies: each ADMX the
 * document carries becomes an `admx:` entry (its file to be saved), each policy an `App/PolicyName`
 * with the state and values of its payload, read element by element against the ADMX. What a
 * profile cannot hold is added to `skipped`, one line each.
 */
export function importIngested(writes: readonly IngestedWrite[], options: ImportOptions, skipped: string[], notes: string[]): IngestedImport {
	const { carried, elsewhere, read } = readIngested(writes, options, skipped, notes);
	return { carried, elsewhere, policies: oneScope(read, skipped).map((r) => r.policy) };
}

/**
 * The policies the items set of ingested ADMX files, each at the scope its node names (a profile
 * keeps one scope; a document may set both), read as the import reads them.
 */
export function ingestedPolicies(writes: readonly IngestedWrite[], options: ImportOptions): ResolvedIngested[] {
	return readIngested(writes, options, [], []).read.map((r) => r.policy);
}
