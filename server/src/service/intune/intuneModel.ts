import type { IngestionCheck } from '../ingestion/ingestedSettings';
import type { IngestedWrite } from '../ingestion/ingestedWrite';
import type { MdmWinsOverGpWrite } from '../mdm/mdmWinsOverGp';
import type { PolicyDefinition, PolicyElement } from '../catalog/types';
import type { PolicySetting } from '../model/policyModel';
import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';

/** The data type of a String row of a custom profile. */
export const OMA_STRING = '#microsoft.graph.omaSettingString';

/** A place in an export that hover explains: a policy, or one of its options. */
export interface IntuneAnchor extends Span {
	readonly policy: PolicyDefinition;
	readonly element?: PolicyElement;
}

/** What lowering one export yields, before the policy rules run over the settings. */
export interface IntuneLowering {
	readonly settings: PolicySetting[];
	readonly problems: Problem[];
	readonly anchors: IntuneAnchor[];
	/** What was not converted, one line each, for `import` to list. */
	readonly skipped: string[];
	/** The checks of ingested ADMX policies across rows, once the rows are read. */
	ingestion: IngestionCheck | undefined;
	/** The rows that ingest an ADMX or set a policy of one, for import. */
	ingested: readonly IngestedWrite[];
	/** The rows or settings that write ControlPolicyConflict/MDMWinsOverGP. */
	readonly mdmWinsOverGp: MdmWinsOverGpWrite[];
}

export function emptyLowering(): IntuneLowering {
	return { settings: [], problems: [], anchors: [], skipped: [], ingestion: undefined, ingested: [], mdmWinsOverGp: [] };
}

/** Text as it goes between the quotes of a JSON string. */
export function jsonEscape(value: string): string {
	return JSON.stringify(value).slice(1, -1);
}
