import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { AdmlControl, AdmlFile, AdmxFile, AdmxPolicy, AdmxRef } from '../admx/admxModel';
import { categoryProblems } from './categoryProblems';
import { keyFindings, keyProblem } from './keyFindings';
import { presentationOf } from '../admx/readAdml';
import { append } from '../text/append';

/** Intune's Import ADMX takes files up to 1 MB. */
const INTUNE_MAX_BYTES = 1024 * 1024;

/** Each prefix of a reference that the file neither targets nor declares with `<using>`, once, where it is first written. */
function undeclaredPrefixes(file: AdmxFile, refs: readonly (AdmxRef | undefined)[]): Problem[] {
	const declared = new Set(file.using.map((u) => u.prefix));
	const uses = new Map<string, { first: AdmxRef; more: number }>();
	for (const ref of refs) {
		if (ref?.prefix && ref.prefix !== file.target?.prefix && !declared.has(ref.prefix)) {
			const use = uses.get(ref.prefix);
			if (use) {
				use.more++;
			} else {
				uses.set(ref.prefix, { first: ref, more: 0 });
			}
		}
	}
	return [...uses].map(([prefix, { first, more }]) => ({
		code: 'admx-reference',
		severity: 'warning',
		span: first,
		message: `The prefix ${prefix} is not declared${more > 0 ? ` (here and in ${more} more ${more === 1 ? 'reference' : 'references'})` : ''}: add <using prefix="${prefix}" namespace="…"/> under <policyNamespaces>, or write the references without it.`,
	}));
}

/** What a policy's presentation shows that the checks report: its comboBoxes, and the controls naming no element of the policy. */
interface Shown {
	readonly comboBoxes: readonly AdmlControl[];
	readonly strays: readonly AdmlControl[];
}

const NOTHING_SHOWN: Shown = { comboBoxes: [], strays: [] };

/**
 * What each policy's presentation shows, worked out once per presentation and list of element
 * ids: many policies may share one presentation, whose controls would otherwise be read again
 * for each of them.
 */
function presentationsShown(adml: AdmlFile | undefined): (policy: AdmxPolicy) => Shown {
	const known = new Map<readonly AdmlControl[], Map<string, Shown>>();
	return (policy) => {
		const controls = presentationOf(adml, policy.presentation);
		if (controls.length === 0) {
			return NOTHING_SHOWN;
		}
		const ids = policy.elements.map((e) => e.id);
		const key = JSON.stringify(ids);
		const byIds = known.get(controls) ?? new Map<string, Shown>();
		known.set(controls, byIds);
		let shown = byIds.get(key);
		if (!shown) {
			const elements = new Set(ids);
			shown = { comboBoxes: controls.filter((c) => c.kind === 'comboBox'), strays: controls.filter((c) => c.refId !== undefined && !elements.has(c.refId)) };
			byIds.set(key, shown);
		}
		return shown;
	};
}

/** Each `$(string.id)` the file refers to that the ADML does not hold. */
function missingStrings(file: AdmxFile, adml: AdmlFile, shown: (policy: AdmxPolicy) => Shown): Problem[] {
	const problems: Problem[] = [];
	const check = (reference: string | undefined, span: Span) => {
		const match = reference === undefined ? null : /^\$\(string\.([^)]*)\)$/.exec(reference.trim());
		if (match && !adml.strings.has(match[1])) {
			problems.push({ code: 'admx-strings', span, message: `The ADML has no string ${match[1]}.` });
		}
	};
	for (const category of file.categories.values()) {
		check(category.displayName, category);
		check(category.explainText, category);
	}
	for (const policy of file.policies) {
		check(policy.displayName, policy.nameSpan);
		check(policy.explainText, policy.nameSpan);
		for (const element of policy.elements) {
			if (element.type === 'enum') {
				element.items.forEach((item) => check(item.displayName, item));
			}
		}
		const presentation = /^\$\(presentation\.([^)]*)\)$/.exec(policy.presentation?.trim() ?? '');
		if (presentation && !adml.presentations.has(presentation[1])) {
			problems.push({ code: 'admx-strings', span: policy.nameSpan, message: `The ADML has no presentation ${presentation[1]}.` });
		}
		for (const control of shown(policy).strays) {
			problems.push({ code: 'admx-strings', span: policy.nameSpan, message: `The presentation's ${control.kind} names ${control.refId}, which is not an element of ${policy.name}.` });
		}
	}
	return problems;
}

/**
 * What stands between an ADMX file and its use: references that resolve to nothing, prefixes
 * devices have refused, schema conflicts, keys MDM ingestion refuses, and what Intune's Import
 * ADMX rejects. With the ADML, also the strings and presentations it lacks. The reader's own
 * problems come first. `start` and `end` bound the file inside a text that carries it.
 */
export function lintAdmx(file: AdmxFile, text: string, adml?: AdmlFile, start = 0, end = text.length): Problem[] {
	const problems: Problem[] = [...file.problems];
	const declaration = text.indexOf('<?xml', start);
	if (declaration > start && declaration < end && text.slice(start, declaration).replace(/^\uFEFF/, '') !== '') {
		problems.push({ code: 'admx-ingestion', severity: 'error', span: { start, end: declaration }, message: 'Nothing may come before <?xml: a device refuses the file (a line break here is the usual cause when the ADMX is pasted into CDATA). Remove it.' });
	}
	const refs = [...file.categories.values()].map((c) => c.parentCategory).concat(file.policies.flatMap((p) => [p.parentCategory, p.supportedOn]));
	append(problems, undeclaredPrefixes(file, refs));
	const pathProblems = categoryProblems(file);
	const shown = presentationsShown(adml);
	for (const policy of file.policies) {
		append(problems, pathProblems(policy));
		if (policy.supportedOn && policy.supportedOn.prefix === undefined && !file.supportedOn.has(policy.supportedOn.name)) {
			problems.push({ code: 'admx-reference', severity: 'warning', span: policy.supportedOn, message: `No supportedOn definition named ${policy.supportedOn.name} in this file.` });
		}
		for (const finding of keyFindings(policy)) {
			problems.push(keyProblem(finding));
		}
		const overlap = policy.valueName === undefined ? undefined : policy.elements.find((e) => e.type !== 'list' && e.key.toLowerCase() === policy.key.toLowerCase() && e.valueName.toLowerCase() === policy.valueName?.toLowerCase());
		if (overlap) {
			problems.push({ code: 'admx-schema', span: overlap, message: `The element ${overlap.id} writes the same registry value as the policy itself (${policy.valueName}), so one overwrites the other.` });
		}
		if (policy.explainText === undefined) {
			problems.push({ code: 'admx-intune-import', span: policy.nameSpan, message: `${policy.name || 'This policy'} has no explainText; Intune's Import ADMX fails on such a policy. Add explainText="$(string.…)".` });
		}
		for (const control of shown(policy).comboBoxes) {
			problems.push({ code: 'admx-intune-import', span: policy.nameSpan, message: `${policy.name} shows ${control.refId ?? 'an element'} in a comboBox, which Intune's Import ADMX does not take; MDM ingestion does.` });
		}
	}
	const referenced = new Set(refs.map((r) => r?.prefix));
	for (const using of file.using) {
		const used = referenced.has(using.prefix);
		problems.push({
			code: 'admx-intune-import',
			span: using.span,
			message: `Intune's Import ADMX needs the ADMX of ${using.namespace} (prefix ${using.prefix}) uploaded first${used ? '.' : `, though nothing in this file refers to ${using.prefix}: removing this <using> spares that upload.`}`,
		});
	}
	if (end - start > INTUNE_MAX_BYTES) {
		problems.push({ code: 'admx-intune-import', span: { start: file.root.start, end: Math.min(file.root.end, file.root.start + 20) }, message: `The file is larger than the 1 MB Intune's Import ADMX takes.` });
	}
	if (adml) {
		append(problems, missingStrings(file, adml, shown));
	}
	return problems;
}
