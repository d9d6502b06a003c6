import type { Profile } from '../model/policyModel';
import { parseJson, property, type JsonValue } from '../json/jsonParser';
import { checkProfile } from '../policy/policyRules';
import type { IngestionCheck } from '../ingestion/ingestedSettings';
import type { IngestedWrite } from '../ingestion/ingestedWrite';
import type { MdmWinsOverGpWrite } from '../mdm/mdmWinsOverGp';
import type { Problem } from '../problems/problem';
import { emptyLowering, type IntuneAnchor } from './intuneModel';
import { lowerCustomProfile, OmaValueEditWriter } from './lowerCustomProfile';
import { CatalogEditWriter, lowerSettingsCatalog } from './lowerSettingsCatalog';
import type { IntuneKind } from './sniff';
import { append } from '../text/append';

export interface IntuneParse {
	/** Undefined when the JSON holds neither `omaSettings` nor `settings`. */
	readonly kind: IntuneKind | undefined;
	/** The export's own name (`displayName` of a custom profile, `name` of a settings-catalog policy). */
	readonly name: string | undefined;
	/** The export's own description, which a profile imported from it keeps. */
	readonly description: string | undefined;
	readonly profiles: readonly Profile[];
	readonly problems: readonly Problem[];
	readonly anchors: readonly IntuneAnchor[];
	readonly skipped: readonly string[];
	readonly ingestion: IngestionCheck | undefined;
	readonly ingested: readonly IngestedWrite[];
	/** The rows or settings that write ControlPolicyConflict/MDMWinsOverGP. */
	readonly mdmWinsOverGp: readonly MdmWinsOverGpWrite[];
}

/** Reads an Intune export, checks its Remote Assistance settings and lowers them to the policy model. */
export function parseIntune(text: string): IntuneParse {
	const json = parseJson(text);
	const out = emptyLowering();
	append(out.problems, json.problems.map((p): Problem => ({ code: p.duplicate ? 'duplicate-key' : 'json-syntax', span: p, message: p.message })));
	const root = json.root;
	const kind = root && kindOf(root);
	const custom = new OmaValueEditWriter(text);
	const catalog = new CatalogEditWriter(text);
	if (root && kind === 'custom') {
		lowerCustomProfile(root, custom, out);
	} else if (root && kind === 'catalog') {
		lowerSettingsCatalog(root, catalog, out);
	}
	const nameValue = root && (property(root, 'displayName') ?? property(root, 'name'));
	const name = nameValue?.kind === 'string' ? nameValue.value : undefined;
	const descriptionValue = root && property(root, 'description');
	const description = descriptionValue?.kind === 'string' && descriptionValue.value.trim() !== '' ? descriptionValue.value : undefined;
	const profile: Profile = { name: undefined, description: undefined, scope: undefined, admx: [], policies: out.settings, span: { start: 0, end: text.length } };
	checkProfile(profile, kind === 'catalog' ? catalog : custom, out.problems);
	return { kind, name, description, profiles: out.settings.length > 0 ? [profile] : [], problems: out.problems, anchors: out.anchors, skipped: out.skipped, ingestion: out.ingestion, ingested: out.ingested, mdmWinsOverGp: out.mdmWinsOverGp };
}

function kindOf(root: JsonValue): IntuneKind | undefined {
	return property(root, 'omaSettings')?.kind === 'array' ? 'custom' : property(root, 'settings')?.kind === 'array' ? 'catalog' : undefined;
}
