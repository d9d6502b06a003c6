import { policyNodeUri } from '../mdm/policyUri';
import type { Problem } from '../problems/problem';
import type { AdmxFile, AdmxPolicy, AdmxRef, PolicyClass } from '../admx/admxModel';

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

/**
 * Follows parent references up from `first`: the categories met, innermost first, and where the
 * path leaves for another namespace, with the problems of each reference on the way. A category
 * `followed` says was followed before ends the walk, since what lies above it is known.
 */
function follow(file: AdmxFile, first: AdmxRef | undefined, problems: Problem[], followed?: ReadonlySet<string>): { names: string[]; cutAt: AdmxRef | undefined } {
	const names: string[] = [];
	const seen = new Set<string>();
	for (let ref = first; ref;) {
		if (ref.prefix !== undefined && ref.prefix !== file.target?.prefix) {
			return { names, cutAt: ref };
		}
		if (ref.prefix !== undefined) {
			problems.push({ code: 'admx-reference', span: { start: ref.start, end: ref.end }, severity: 'warning', message: `${ref.prefix}:${ref.name} names this file's own namespace by its prefix; devices have reported such a category as not defined, so write ${ref.name} alone.` });
		}
		const category = file.categories.get(ref.name);
		if (!category) {
			problems.push({ code: 'admx-reference', span: { start: ref.start, end: ref.end }, message: `No category named ${ref.name} in this file${file.categories.size > 0 ? `; it has ${[...file.categories.keys()].slice(0, 8).join(', ')}${file.categories.size > 8 ? ', …' : ''}` : ''}.` });
			break;
		}
		if (seen.has(category.name)) {
			problems.push({ code: 'admx-reference', span: { start: ref.start, end: ref.end }, message: `The category ${category.name} is its own ancestor.` });
			break;
		}
		if (followed?.has(category.name)) {
			break;
		}
		seen.add(category.name);
		names.push(category.name);
		ref = category.parentCategory;
	}
	return { names, cutAt: undefined };
}

/**
 * The names of a policy's categories, outermost first, up to the first category of another
 * namespace (Firefox's policies sit under Mozilla's category, Chrome's under Google's), as devices
 * derive an ingested policy's area. A reference with the file's own prefix is followed but
 * reported, since ingestion has refused it.
 */
export function categoryPath(file: AdmxFile, policy: AdmxPolicy): { categories: string[]; cutAt: AdmxRef | undefined; problems: Problem[] } {
	const problems: Problem[] = [];
	const { names, cutAt } = follow(file, policy.parentCategory, problems);
	return { categories: names.reverse(), cutAt, problems };
}

/**
 * The problems of the category references the policies' paths follow, each once, where it is
 * written. Policies share the categories above them, so each category is followed once: a chain
 * of thousands of categories under thousands of policies costs their sum, not their product.
 */
export function categoryPathProblems(file: AdmxFile): Problem[] {
	const problems: Problem[] = [];
	const followed = new Set<string>();
	for (const policy of file.policies) {
		for (const name of follow(file, policy.parentCategory, problems, followed).names) {
			followed.add(name);
		}
	}
	return problems;
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
