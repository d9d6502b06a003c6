import type { ContentSource } from '../channels/importContent';
import type { ImportOptions } from '../import/importIngested';
import type { AdmxFile } from '../admx/admxModel';
import type { IngestionInstall } from '../ingestion/ingestionIndex';
import { RULES, type Severity } from '../problems/rules';
import type { Settings } from '../problems/settings';
import { applySuppressions } from '../problems/suppressions';
import { append } from '../text/append';
import { findConflicts, type Conflict } from './conflicts';
import { conflictProblems, type EstateProblem } from './conflictProblems';
import type { EffectiveSetting, EstateSource, LabelledPlace } from './effective';
import { readSource, type Label } from './readSource';

/** What a set of files sets together, and where they meet. */
export interface Estate {
	/** The files of a form that sets policies, in the order given, those that set none included. */
	readonly sources: readonly EstateSource[];
	/** Every source's settings, in the order of the sources. */
	readonly settings: readonly EffectiveSetting[];
	/** The places that leave ControlPolicyConflict/MDMWinsOverGP at 1. */
	readonly mdmWinsOverGp: readonly LabelledPlace[];
	readonly conflicts: readonly Conflict[];
	/** Each conflict as findings at every setting that takes part. */
	readonly problems: readonly EstateProblem[];
}

export interface EstateOptions extends ImportOptions {
	/** How messages name a file; by default its last path segment. */
	readonly label?: Label;
}

/** The estate of sources already read (`readSource`), so a caller that keeps them per file judges again without reading. */
export function judgeEstate(sources: readonly EstateSource[]): Estate {
	const settings: EffectiveSetting[] = [];
	const mdmWinsOverGp: LabelledPlace[] = [];
	for (const source of sources) {
		append(settings, source.settings);
		append(mdmWinsOverGp, source.mdmWinsOverGp);
	}
	const conflicts = findConflicts(sources, mdmWinsOverGp);
	return { sources, settings, mdmWinsOverGp, conflicts, problems: conflictProblems(conflicts, mdmWinsOverGp) };
}

/**
 * The effective policy of a set of files of any form (policy profiles, SyncML, Intune exports,
 * Registry.pol, LGPO text, GroupPolicy scripts) and the conflicts between them. A policy file's
 * ingested policies count when its parse was given the ADMX files (`withIngestedAdmx`); SyncML
 * and Intune read theirs against the ADMX they carry and `options.external`.
 */
export function readEstate(files: readonly ContentSource[], options: EstateOptions = {}): Estate {
	const sources: (EstateSource | undefined)[] = files.map((file) => readSource(file, options, options.label));
	// A GPO can set what MDM ingests: once the ADMX files are known, Group Policy files are read for their policies too.
	const ingested = ingestedThroughMdm(sources, options);
	if (ingested.length > 0) {
		sources.forEach((source, i) => {
			if (source?.delivery === 'group-policy') {
				sources[i] = readSource(files[i], { ...options, ingested }, options.label);
			}
		});
	}
	return judgeEstate(sources.filter((s): s is EstateSource => s !== undefined));
}

/** The ADMX files named as ingested elsewhere, and those whose policies the MDM sources set, each once. */
function ingestedThroughMdm(sources: readonly (EstateSource | undefined)[], options: ImportOptions): IngestionInstall[] {
	const installs: IngestionInstall[] = [];
	// By AppName in lower case, the files already taken: one ADMX may be ingested under two names.
	const seen = new Map<string, Set<AdmxFile>>();
	const add = (install: IngestionInstall) => {
		const app = install.app.toLowerCase();
		const files = seen.get(app) ?? new Set<AdmxFile>();
		if (!files.has(install.admx)) {
			files.add(install.admx);
			seen.set(app, files);
			installs.push(install);
		}
	};
	for (const { app, source } of options.external ?? []) {
		add({ app, admx: source.admx, adml: source.adml, order: 0 });
	}
	for (const source of sources) {
		for (const { policy } of source?.delivery === 'mdm' ? source.settings : []) {
			if (policy.kind === 'ingested') {
				add({ app: policy.target.app, admx: policy.target.file, adml: policy.target.adml, order: 0 });
			}
		}
	}
	return installs;
}

/**
 * The findings a user sees with `settings`: those a `rapolicy-disable-next-line` comment of the
 * file silences and rules switched off left out, each with its severity. `textOf` gives the text
 * of a file by its URI, undefined for a binary one.
 */
export function visibleEstateProblems(problems: readonly EstateProblem[], settings: Settings, textOf: (uri: string) => string | undefined): { problem: EstateProblem; severity: Severity }[] {
	if (!settings.validation.enable) {
		return [];
	}
	const byFile = new Map<string, EstateProblem[]>();
	for (const problem of problems) {
		const mine = byFile.get(problem.place.uri);
		if (mine) {
			mine.push(problem);
		} else {
			byFile.set(problem.place.uri, [problem]);
		}
	}
	const visible: { problem: EstateProblem; severity: Severity }[] = [];
	for (const [uri, mine] of byFile) {
		const text = textOf(uri);
		for (const problem of text === undefined ? mine : applySuppressions(text, mine)) {
			const configured = settings.validation.rules[problem.code];
			if (configured !== 'off') {
				visible.push({ problem, severity: configured ?? problem.severity ?? RULES[problem.code].severity });
			}
		}
	}
	return visible;
}
