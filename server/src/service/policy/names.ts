import { closest } from '../text/suggest';

/**
 * How a written policy name or element id compares with the names that exist. Names are case
 * sensitive everywhere (OMA-URIs are), so a name in another letter case is wrong, and every source
 * reports it the same way: as `case`, with the name to write.
 */
export type NameVerdict<T> =
	| { readonly kind: 'exact'; readonly found: T }
	| { readonly kind: 'case'; readonly found: T }
	| { readonly kind: 'unknown'; readonly suggestion: T | undefined };

/**
 * The name that contains the written one or is contained in it, the closest in length: vendors
 * rename policies by adding or dropping a prefix (WebSuggestions → FirefoxSuggest_WebSuggestions).
 */
export function containing(written: string, names: readonly string[]): string | undefined {
	const lower = written.toLowerCase();
	let best: string | undefined;
	for (const name of names) {
		const candidate = name.toLowerCase();
		if (name.length >= 4 && lower.length >= 4 && (candidate.includes(lower) || lower.includes(candidate))
			&& (best === undefined || Math.abs(name.length - written.length) < Math.abs(best.length - written.length))) {
			best = name;
		}
	}
	return best;
}

/** Exact first, then the same letters in another case, then the closest spelling or a name containing it. */
export function nameVerdict<T>(written: string, candidates: readonly T[], nameOf: (candidate: T) => string): NameVerdict<T> {
	const exact = candidates.find((c) => nameOf(c) === written);
	if (exact !== undefined) {
		return { kind: 'exact', found: exact };
	}
	const lower = written.toLowerCase();
	const caseOnly = candidates.find((c) => nameOf(c).toLowerCase() === lower);
	if (caseOnly !== undefined) {
		return { kind: 'case', found: caseOnly };
	}
	const names = candidates.map(nameOf);
	const suggestion = closest(written, names) ?? containing(written, names);
	return { kind: 'unknown', suggestion: suggestion === undefined ? undefined : candidates[names.indexOf(suggestion)] };
}

/** The one message for a policy name in the wrong letter case, in every source. */
export function policyCaseMessage(written: string, name: string): string {
	return `Policy names are case sensitive, as OMA-URIs are: write ${name}, not ${written}.`;
}

/** The one message for an option (element) id in the wrong letter case, in every source. */
export function elementCaseMessage(written: string, id: string): string {
	return `Option ids are case sensitive: write ${id}, not ${written}.`;
}
