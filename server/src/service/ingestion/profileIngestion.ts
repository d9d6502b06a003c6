import { splitIngestedKey } from '../model/ingestedKey';
import type { Located, Profile } from '../model/policyModel';
import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { AdmxSource, ReadAdmx } from '../admx/admxSource';
import { findIngestedPolicy, indexIngestions, type IngestedPolicy, type IngestionIndex, type IngestionInstall } from './ingestionIndex';
import { entryKeyProblems } from './keyFindings';
import { entryErrorProblems } from './lintAdmx';
import { append } from '../text/append';

/** One `admx:` entry of the profile that was read: what an export ingests before the settings. */
export interface ProfileAdmxFile {
	readonly app: string;
	/** As written in the profile. */
	readonly file: string;
	/** The `{FileUid}` of `ADMXInstall/{AppName}/Policy/{FileUid}`: the file's name without `.admx`. */
	readonly fileUid: string;
	readonly source: AdmxSource;
}

/** What a profile ingests: its own `admx:` entries, then ADMX files ingested elsewhere. */
export interface ProfileIngestion {
	readonly files: readonly ProfileAdmxFile[];
	/** The entries' files and those ingested elsewhere. */
	readonly index: IngestionIndex;
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
	const installs: IngestionInstall[] = [];
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
		append(problems, entryKeyProblems(file, source.text, source.admx));
		append(problems, entryErrorProblems(file, source.text, source.admx));
		files.push({ app: app.value, file: file.value, fileUid, source });
		installs.push({ app: app.value, admx: source.admx, adml: source.adml, order: 0 });
	}
	for (const install of external) {
		installs.push({ app: install.app, admx: install.admx, adml: install.adml, order: 0 });
	}
	return { files, index: indexIngestions(installs), problems };
}

/** The policy an `App/PolicyName` key names, in what `ingestion` ingests. */
export function findIngestedKey(ingestion: ProfileIngestion | undefined, key: unknown): IngestedPolicy | undefined {
	const parts = typeof key === 'string' ? splitIngestedKey(key) : undefined;
	return ingestion && parts ? findIngestedPolicy(ingestion.index, parts.app, parts.policy) : undefined;
}
