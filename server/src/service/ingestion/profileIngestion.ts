import { splitIngestedKey } from '../model/ingestedKey';
import type { Located, Profile } from '../model/policyModel';
import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { AdmlFile, AdmxFile, AdmxPolicy } from '../admx/admxModel';
import type { AdmxSource, ReadAdmx } from '../admx/admxSource';
import type { IngestionInstall } from './ingestedSettings';
import { entryKeyProblems } from './lintAdmx';

/** A policy of an ingested ADMX, with the AppName it is ingested under and the strings to show it. */
export interface IngestedPolicy {
	/** As ingested: the spelling of the `admx:` entry, the setting or the command line. */
	readonly app: string;
	readonly policy: AdmxPolicy;
	readonly file: AdmxFile;
	readonly adml: AdmlFile | undefined;
}

/** One `admx:` entry of the profile that was read: what an export ingests before the settings. */
export interface ProfileAdmxFile {
	readonly app: string;
	/** As written in the profile. */
	readonly file: string;
	/** The `{FileUid}` of `ADMXInstall/{AppName}/Policy/{FileUid}`: the file's name without `.admx`. */
	readonly fileUid: string;
	readonly source: AdmxSource;
}

interface AppFiles {
	readonly app: string;
	readonly files: { readonly admx: AdmxFile; readonly adml: AdmlFile | undefined }[];
}

/** What a profile ingests: its own `admx:` entries, then ADMX files ingested elsewhere. */
export interface ProfileIngestion {
	readonly files: readonly ProfileAdmxFile[];
	/** By AppName in lower case, since devices file AppNames without regard to case. */
	readonly apps: ReadonlyMap<string, AppFiles>;
	/** Problems of the `admx:` entries. */
	readonly problems: readonly Problem[];
}

/** Characters an AppName cannot hold: it is a segment of the ingestion URI and the start of each policy's area. */
const APP_NAME_BREAKERS = /[\s/~\\?#%]/;

/** Whether an AppName can stand in the ingestion URI and start each policy's area. */
export function isAppName(app: string): boolean {
	return app !== '' && !APP_NAME_BREAKERS.test(app);
}

/** The FileUid a file name gives: the last path segment without `.admx`. */
export function fileUidOf(file: string): string {
	const base = file.split(/[\\/]/).pop() ?? file;
	return base.replace(/\.admx$/i, '');
}

function checkAppName(app: Located<string>, problems: Problem[]): boolean {
	const bad = APP_NAME_BREAKERS.exec(app.value);
	if (!bad) {
		return true;
	}
	const span: Span = { start: app.start + bad.index, end: app.start + bad.index + bad[0].length };
	const fixed = app.value.replace(new RegExp(APP_NAME_BREAKERS.source, 'g'), '');
	problems.push({
		code: 'admx-entry',
		span: app.end - app.start === app.value.length ? span : app,
		message: `An AppName is a segment of the ingestion URI and the first part of each policy's area, so it cannot hold ${JSON.stringify(bad[0])}${fixed ? `; write ${fixed}` : ''}.`,
		fixes: fixed ? [{ title: `Change to ${fixed}`, edits: [{ span: app, newText: fixed }], preferred: true }] : undefined,
	});
	return false;
}

/**
 * Reads the profile's `admx:` entries through `read` and joins them with the ADMX files ingested
 * elsewhere (`external`, from a setting or the command line). Without `read` (a document that is
 * not a saved file) the entries are said to be unreadable.
 */
export function profileIngestion(profile: Profile, read: ReadAdmx | undefined, external: readonly IngestionInstall[]): ProfileIngestion {
	const problems: Problem[] = [];
	const files: ProfileAdmxFile[] = [];
	const apps = new Map<string, AppFiles>();
	const add = (app: string, admx: AdmxFile, adml: AdmlFile | undefined) => {
		const entry = apps.get(app.toLowerCase()) ?? { app, files: [] };
		entry.files.push({ admx, adml });
		apps.set(app.toLowerCase(), entry);
	};
	const seen = new Map<string, string>();
	for (const entry of profile.admx) {
		const { app, file } = entry;
		if (!app || !file || !checkAppName(app, problems)) {
			continue;
		}
		const fileUid = fileUidOf(file.value);
		const key = `${app.value.toLowerCase()}/${fileUid.toLowerCase()}`;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			problems.push({ code: 'admx-entry', span: file, message: `${app.value} already ingests a file named ${fileUid} (${earlier}); a device keeps one file per AppName and FileUid, so give this one another name or remove the entry.` });
			continue;
		}
		seen.set(key, file.value);
		if (!/\.admx$/i.test(file.value)) {
			problems.push({ code: 'admx-entry', span: file, message: `${file.value} is not an .admx file: name the ADMX file (its ADML is found in en-US beside it).` });
			continue;
		}
		const source = read ? read(file.value) : { error: `${file.value} cannot be read: this profile is not saved to a file, so there is no folder to find it in. Save it first.` };
		if ('error' in source) {
			problems.push({ code: 'admx-entry', span: file, message: source.error });
			continue;
		}
		// A file of categories alone (a vendor's namespace file) is ingested too, so only a broken one is refused.
		const broken = source.admx.problems.find((p) => p.code === 'admx-syntax' && p.severity !== 'warning');
		if (broken) {
			problems.push({ code: 'admx-entry', span: file, message: `${file.value} is not a readable ADMX: ${broken.message} Open it to see every problem.` });
			continue;
		}
		for (const problem of entryKeyProblems(file, source.text, source.admx)) {
			problems.push(problem);
		}
		files.push({ app: app.value, file: file.value, fileUid, source });
		add(app.value, source.admx, source.adml);
	}
	for (const install of external) {
		add(install.app, install.admx, install.adml);
	}
	return { files, apps, problems };
}

/** The policy named `policy` in the ADMX files ingested as `app`; `exact` false matches without regard to case. */
export function findIngested(ingestion: ProfileIngestion, app: string, policy: string, exact = true): IngestedPolicy | undefined {
	const entry = ingestion.apps.get(app.toLowerCase());
	for (const file of entry?.files ?? []) {
		const found = file.admx.policies.find((p) => (exact ? p.name === policy : p.name.toLowerCase() === policy.toLowerCase()));
		if (entry && found) {
			return { app: entry.app, policy: found, file: file.admx, adml: file.adml };
		}
	}
	return undefined;
}

/** Every policy ingested as `app`, in file order. */
export function ingestedPolicies(ingestion: ProfileIngestion, app: string): IngestedPolicy[] {
	const entry = ingestion.apps.get(app.toLowerCase());
	return entry ? entry.files.flatMap((f) => f.admx.policies.map((policy) => ({ app: entry.app, policy, file: f.admx, adml: f.adml }))) : [];
}

/** The policy an `App/PolicyName` key names, in what `ingestion` ingests. */
export function findIngestedKey(ingestion: ProfileIngestion | undefined, key: unknown): IngestedPolicy | undefined {
	const parts = typeof key === 'string' ? splitIngestedKey(key) : undefined;
	return ingestion && parts ? findIngested(ingestion, parts.app, parts.policy) : undefined;
}
