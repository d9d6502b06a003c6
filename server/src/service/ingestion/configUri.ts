import { policyNodeUri } from '../mdm/policyUri';
import type { Problem } from '../problems/problem';
import type { AdmxCategory, AdmxFile, AdmxPolicy, AdmxRef, PolicyClass } from '../admx/admxModel';

/** Where a policy of an ingested ADMX is configured over MDM: its area and its URIs per scope. */
export interface ConfigNode {
	/** `{AppName}~{SettingType}~{category}~…`, the categories from the outermost of this file down. */
	readonly area: string;
	readonly categories: readonly string[];
	/** The first parent reference into another namespace, where the category path stops. */
	readonly cutAt: AdmxRef | undefined;
	/** One per scope the policy's class allows: ./Device for Machine, ./User for User, both for Both. */
	readonly uris: readonly { readonly scope: 'Device' | 'User'; readonly uri: string }[];
	readonly problems: readonly Problem[];
}

const SCOPES = { Machine: ['Device'], User: ['User'], Both: ['Device', 'User'] } as const;

/** Where a profile places a policy: its class decides, and a policy of class Both goes to the user when the profile's scope says so. */
export function placedScope(policyClass: PolicyClass, profileScope: unknown): 'Device' | 'User' {
	return policyClass === 'User' || (policyClass === 'Both' && profileScope === 'user') ? 'User' : 'Device';
}

/** Whether a parent reference names a category of another namespace, where a category path stops. */
export function crossesNamespace(file: AdmxFile, ref: AdmxRef): boolean {
	return ref.prefix !== undefined && ref.prefix !== file.target?.prefix;
}

/** A reference to a category of this file written with the file's own prefix, which ingestion has refused. */
export function ownPrefixProblem(ref: AdmxRef): Problem | undefined {
	return ref.prefix === undefined
		? undefined
		: { code: 'admx-reference', span: { start: ref.start, end: ref.end }, severity: 'warning', message: `${ref.prefix}:${ref.name} names this file's own namespace by its prefix; devices have reported such a category as not defined, so write ${ref.name} alone.` };
}

/** A reference to a category the file does not define, naming the first few it does. */
export function missingCategoryProblem(file: AdmxFile, ref: AdmxRef): Problem {
	// The first eight names alone: listing all of them for each such reference would cost the whole list each time.
	const names: string[] = [];
	for (const name of file.categories.keys()) {
		if (names.length === 8) {
			break;
		}
		names.push(name);
	}
	const known = file.categories.size > 0 ? `; it has ${names.join(', ')}${file.categories.size > 8 ? ', …' : ''}` : '';
	return { code: 'admx-reference', span: { start: ref.start, end: ref.end }, message: `No category named ${ref.name} in this file${known}.` };
}

/** The reference that leads back to `category` on its own path. */
export function cycleProblem(ref: AdmxRef, category: AdmxCategory): Problem {
	return { code: 'admx-reference', span: { start: ref.start, end: ref.end }, message: `The category ${category.name} is its own ancestor.` };
}

/**
 * The names of a policy's categories, outermost first, up to the first category of another
 * namespace (Firefox's policies sit under Mozilla's category, Chrome's under Google's), as devices
 * derive an ingested policy's area. A reference with the file's own prefix is followed but
 * reported, since ingestion has refused it.
 */
export function categoryPath(file: AdmxFile, policy: AdmxPolicy): { categories: string[]; cutAt: AdmxRef | undefined; problems: Problem[] } {
	const problems: Problem[] = [];
	const innermostFirst: string[] = [];
	const seen = new Set<AdmxCategory>();
	let cutAt: AdmxRef | undefined;
	for (let ref = policy.parentCategory; ref;) {
		if (crossesNamespace(file, ref)) {
			cutAt = ref;
			break;
		}
		const prefixed = ownPrefixProblem(ref);
		if (prefixed) {
			problems.push(prefixed);
		}
		const category = file.categories.get(ref.name);
		if (!category) {
			problems.push(missingCategoryProblem(file, ref));
			break;
		}
		if (seen.has(category)) {
			problems.push(cycleProblem(ref, category));
			break;
		}
		seen.add(category);
		innermostFirst.push(category.name);
		ref = category.parentCategory;
	}
	return { categories: innermostFirst.reverse(), cutAt, problems };
}

/**
 * The Policy CSP node of an ingested policy: `./{Device|User}/Vendor/MSFT/Policy/Config/{area}/{policy}`,
 * where the area joins the AppName, the setting type and the policy's category path.
 */
export function configNode(file: AdmxFile, policy: AdmxPolicy, appName: string, settingType = 'Policy'): ConfigNode {
	const { categories, cutAt, problems } = categoryPath(file, policy);
	const area = [appName, settingType, ...categories].join('~');
	return {
		area,
		categories,
		cutAt,
		uris: SCOPES[policy.class].map((scope) => ({ scope, uri: policyNodeUri(scope, 'Config', area, policy.name) })),
		problems,
	};
}
