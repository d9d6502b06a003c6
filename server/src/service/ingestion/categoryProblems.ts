import type { AdmxCategory, AdmxFile, AdmxPolicy, AdmxRef } from '../admx/admxModel';
import type { Problem } from '../problems/problem';
import { crossesNamespace, cycleProblem, missingCategoryProblem, ownPrefixProblem } from './configUri';

/**
 * The problems of a file's category paths: for each policy in turn, those `categoryPath` finds on
 * its path that no policy before it had, so each is reported once, where it is written. Policies
 * share the paths of their categories, so each category is walked once for all of them: walking
 * each policy's path on its own costs the policies times the depth, which for a file whose
 * categories form one long chain is seconds per check.
 */
export function categoryProblems(file: AdmxFile): (policy: AdmxPolicy) => Problem[] {
	// The categories walked so far, each with the category where its path enters a cycle, if it does:
	// a later path that reaches one goes no further, since the rest of its path was reported.
	const walked = new Map<AdmxCategory, AdmxCategory | undefined>();
	// For each category on a cycle, the reference that leads back to it: a path entering the cycle there ends with it.
	const closing = new Map<AdmxCategory, AdmxRef>();
	const reported = new Set<string>();
	return (policy) => {
		const problems: Problem[] = [];
		const report = (problem: Problem | undefined) => {
			const id = problem ? `${problem.span.start}:${problem.message}` : '';
			if (problem && !reported.has(id)) {
				reported.add(id);
				problems.push(problem);
			}
		};
		// This policy's path beyond the categories walked before, each with the reference that reached it.
		const path: AdmxCategory[] = [];
		const refs: AdmxRef[] = [];
		const onPath = new Map<AdmxCategory, number>();
		let entry: AdmxCategory | undefined;
		for (let ref = policy.parentCategory; ref && !crossesNamespace(file, ref);) {
			report(ownPrefixProblem(ref));
			const category = file.categories.get(ref.name);
			if (!category) {
				report(missingCategoryProblem(file, ref));
				break;
			}
			const at = onPath.get(category);
			if (at !== undefined) {
				report(cycleProblem(ref, category));
				for (let i = at; i < path.length; i++) {
					closing.set(path[i], i === at ? ref : refs[i]);
				}
				entry = category;
				break;
			}
			if (walked.has(category)) {
				// The rest of this path was walked and reported before, but for the cycle it may enter: it
				// enters where the walked category's path does, at that category when it is on the cycle.
				entry = walked.get(category);
				const back = entry && closing.get(entry);
				if (entry && back) {
					report(cycleProblem(back, entry));
				}
				break;
			}
			onPath.set(category, path.length);
			path.push(category);
			refs.push(ref);
			ref = category.parentCategory;
		}
		const cycleStart = entry === undefined ? path.length : onPath.get(entry) ?? path.length;
		path.forEach((category, i) => walked.set(category, i < cycleStart ? entry : category));
		return problems;
	};
}
