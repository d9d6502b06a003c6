import type { AdmlFile, AdmxFile, AdmxPolicy } from '../admx/admxModel';
import { nameVerdict, type NameVerdict } from '../policy/names';

/**
 * Every way an ADMX is ingested (a profile's `admx:` entry, an `ADMXInstall` item of SyncML or an
 * Intune row, `--admx APP=FILE`, the `rapolicy.admx.ingested` setting, rapolicy.json) becomes one of these; the
 * index of them answers every lookup, so each source reaches the same verdict.
 */
export interface IngestionInstall {
	readonly app: string;
	readonly admx: AdmxFile;
	/** The ADML read with it, for display names; absent where none was found or looked for. */
	readonly adml?: AdmlFile;
	/** Where it is ingested in its document (a command or row); ingestions elsewhere come first, at -1. */
	readonly order: number;
}

/** A policy of an ingested ADMX, with the AppName it is ingested under and the strings to show it. */
export interface IngestedPolicy {
	/** As ingested: the spelling of the `admx:` entry, the item, the setting or the command line. */
	readonly app: string;
	readonly policy: AdmxPolicy;
	readonly file: AdmxFile;
	readonly adml: AdmlFile | undefined;
}

/** The files ingested under one AppName, whatever spelling of it each used. */
export interface IngestedApp {
	/** As first ingested. */
	readonly app: string;
	readonly files: readonly { readonly admx: AdmxFile; readonly adml: AdmlFile | undefined }[];
	/** Where it is first ingested. */
	readonly order: number;
}

/** By AppName in lower case: devices file AppNames without regard to case. */
export type IngestionIndex = ReadonlyMap<string, IngestedApp>;

export function indexIngestions(installs: readonly IngestionInstall[]): IngestionIndex {
	const index = new Map<string, { app: string; files: { admx: AdmxFile; adml: AdmlFile | undefined }[]; order: number }>();
	for (const install of installs) {
		const key = install.app.toLowerCase();
		const entry = index.get(key) ?? { app: install.app, files: [], order: install.order };
		entry.files.push({ admx: install.admx, adml: install.adml });
		index.set(key, entry);
	}
	return index;
}

/** What ingests `app`, in any letter case. */
export function ingestedApp(index: IngestionIndex, app: string): IngestedApp | undefined {
	return index.get(app.toLowerCase());
}

/** Every policy ingested as `app`, in file order. */
export function appPolicies(app: IngestedApp): IngestedPolicy[] {
	const policies: IngestedPolicy[] = [];
	for (const file of app.files) {
		for (const policy of file.admx.policies) {
			policies.push({ app: app.app, policy, file: file.admx, adml: file.adml });
		}
	}
	return policies;
}

/** The policy a name gives among those ingested as `app`, by the one rule for names (`nameVerdict`). */
export type PolicyLookup = NameVerdict<IngestedPolicy>;

/** A file's policies by name and by name in lower case, the first of each. */
interface PolicyNames {
	readonly exact: ReadonlyMap<string, AdmxPolicy>;
	readonly lower: ReadonlyMap<string, AdmxPolicy>;
}

/**
 * The names of each file's policies, made on its first lookup: a document looks up each of its
 * settings, and going through every policy for each costs the settings times the policies.
 * Files are read once per content, so this outlives the index of one check.
 */
const names = new WeakMap<AdmxFile, PolicyNames>();

function namesOf(file: AdmxFile): PolicyNames {
	let known = names.get(file);
	if (!known) {
		const exact = new Map<string, AdmxPolicy>();
		const lower = new Map<string, AdmxPolicy>();
		for (const policy of file.policies) {
			if (!exact.has(policy.name)) {
				exact.set(policy.name, policy);
			}
			const folded = policy.name.toLowerCase();
			if (!lower.has(folded)) {
				lower.set(folded, policy);
			}
		}
		known = { exact, lower };
		names.set(file, known);
	}
	return known;
}

/** The first policy of the app's files, in file order, that `pick` finds in a file's names. */
function firstIn(app: IngestedApp, pick: (names: PolicyNames) => AdmxPolicy | undefined): IngestedPolicy | undefined {
	for (const file of app.files) {
		const policy = pick(namesOf(file.admx));
		if (policy) {
			return { app: app.app, policy, file: file.admx, adml: file.adml };
		}
	}
	return undefined;
}

export function lookupPolicy(app: IngestedApp, name: string): PolicyLookup {
	const exact = firstIn(app, (n) => n.exact.get(name));
	if (exact) {
		return { kind: 'exact', found: exact };
	}
	const folded = name.toLowerCase();
	const caseOnly = firstIn(app, (n) => n.lower.get(folded));
	// Only a name that is not there needs every policy: the closest spelling is looked for among them.
	return caseOnly ? { kind: 'case', found: caseOnly } : nameVerdict(name, appPolicies(app), (found) => found.policy.name);
}

/** The policy `name` exactly as written in what ingests `app`: what encoders and hovers act on. */
export function findIngestedPolicy(index: IngestionIndex, app: string, name: string): IngestedPolicy | undefined {
	const installed = ingestedApp(index, app);
	const lookup = installed && lookupPolicy(installed, name);
	return lookup?.kind === 'exact' ? lookup.found : undefined;
}
