import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReadAdmx } from '../admx/admxSource';
import type { IngestedWrite } from '../ingestion/ingestedWrite';
import { parsePolicyDocument, withIngestedAdmx } from '../document/document';
import { RULES } from '../problems/rules';
import { importIngested, type CarriedAdmxFile, type ImportOptions } from './importIngested';
import { lastSettings } from '../export/lastSettings';
import { policyKey, resolveProfiles, type ResolvedPolicy, type ResolvedProfile } from '../export/resolve';
import { profilesToYaml } from '../export/toYaml';

/** What an import reads from a SyncML message or an Intune export, whichever it is. */
export interface ImportSource {
	readonly name: string;
	readonly description: string | undefined;
	/** The Remote Assistance policies, resolved. */
	readonly builtin: readonly ResolvedPolicy[];
	/** The items that ingest ADMX files and set their policies. */
	readonly ingested: readonly IngestedWrite[];
	readonly lines: TextDocument;
	/** What the document is called in a line about a policy set twice. */
	readonly kind: string;
}

export interface ImportedProfile {
	/** Empty when no policy could be kept. */
	readonly yaml: string;
	/** The ADMX files the document carries, to be saved where the profile names them. */
	readonly admxFiles: readonly CarriedAdmxFile[];
}

function sameValues(a: ResolvedPolicy['values'], b: ResolvedPolicy['values']): boolean {
	return a.size === b.size && [...a].every(([id, value]) => JSON.stringify(value) === JSON.stringify(b.get(id)));
}

/**
 * The ingested policies whose YAML reads back, with the ADMX files the profile names, as the
 * state and values the document sets. The others are left out and named: an import never
 * changes a setting silently.
 */
function readingBack(profile: ResolvedProfile, lines: TextDocument, skipped: string[]): ResolvedPolicy[] {
	if (!profile.policies.some((p) => p.kind === 'ingested')) {
		return [...profile.policies];
	}
	const sources = new Map(profile.ingests.map((file) => [file.file, file.source]));
	const read: ReadAdmx = (file) => sources.get(file) ?? { error: `${file} is not a file this import names.` };
	const doc = withIngestedAdmx(parsePolicyDocument('untitled:imported.rapolicy.yaml', 1, profilesToYaml([profile])), [], read);
	const errors = doc.problems.filter((p) => (p.severity ?? RULES[p.code].severity) === 'error');
	const settings = doc.profiles[0]?.policies ?? [];
	const back = resolveProfiles(doc)[0]?.policies ?? [];
	return profile.policies.filter((policy, i) => {
		const setting = settings[i];
		if (policy.kind !== 'ingested' || !setting) {
			return policy.kind !== 'ingested';
		}
		const own = errors.find((p) => p.span.start >= setting.span.start && p.span.start < setting.span.end);
		const again = back.find((r) => r.span.start === setting.span.start);
		if (!own && again && again.state === policy.state && sameValues(again.values, policy.values)) {
			return true;
		}
		const why = own?.message ?? (again ? 'it would read back with other values' : errors[0]?.message ?? 'it would not read back');
		skipped.push(`line ${lines.positionAt(policy.span.start).line + 1}: ${policyKey(policy)}: a profile cannot hold it: ${why}`);
		return false;
	});
}

/**
 * The profile an import writes: the Remote Assistance and ingested policies in document order,
 * the last setting of each, with the ADMX files the document carries as `admx:` entries.
 */
export function importProfile(source: ImportSource, options: ImportOptions, skipped: string[], notes: string[]): ImportedProfile {
	const ingested = importIngested(source.ingested, options, skipped, notes);
	// Sorting is stable, and both kinds start where their item or row does.
	const all = [...source.builtin, ...ingested.policies].sort((a, b) => a.span.start - b.span.start);
	const draft: ResolvedProfile = { name: source.name, description: source.description, ingests: [...ingested.carried, ...ingested.elsewhere], policies: all, span: { start: 0, end: 0 } };
	const policies = readingBack({ ...draft, policies: lastSettings(draft, source.lines, source.kind, skipped) }, source.lines, skipped);
	if (policies.length === 0) {
		for (const file of ingested.carried) {
			skipped.push(`${file.where}: none of this ADMX's policies is kept, and a profile holds at least one policy`);
		}
		return { yaml: '', admxFiles: [] };
	}
	const used = ingested.elsewhere.filter((file) => policies.some((p) => p.kind === 'ingested' && p.target.file === file.source.admx));
	for (const file of used) {
		notes.push(`${file.file} is ingested elsewhere; the profile names it under admx:, so what it exports ingests it too`);
	}
	return {
		yaml: profilesToYaml([{ ...draft, ingests: [...ingested.carried, ...used], policies }]),
		admxFiles: ingested.carried.map(({ file, text }) => ({ file, text })),
	};
}
