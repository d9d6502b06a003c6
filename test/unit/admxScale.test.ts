/**
 * The checks of an ADMX file stay linear in its size: a file whose categories form one long chain,
 * policies sharing one presentation, a start tag of many attributes. Time is measured by the
 * benchmark (bench/admxLoad.mjs); here the work is counted, and the findings are those the checks
 * make of each policy on its own.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import type { AdmxCategory, AdmxFile } from '../../server/src/service/admx/admxModel';
import { readAdmx } from '../../server/src/service/admx/readAdmx';
import { categoryPath } from '../../server/src/service/ingestion/configUri';
import { appPolicies, indexIngestions, lookupPolicy } from '../../server/src/service/ingestion/ingestionIndex';
import { lintAdmx } from '../../server/src/service/ingestion/lintAdmx';
import { nameVerdict } from '../../server/src/service/policy/names';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import type { Problem } from '../../server/src/service/problems/problem';
import { parseAdmxDocument } from '../../server/src/service';
import { chainAdmx } from '../helpers/admxText';

/** The file with its categories behind a map that counts the lookups made in it. */
function counted(file: AdmxFile): { file: AdmxFile; lookups: () => number } {
	let lookups = 0;
	class Counting extends Map<string, AdmxCategory> {
		override get(name: string): AdmxCategory | undefined {
			lookups++;
			return super.get(name);
		}
	}
	return { file: { ...file, categories: new Counting(file.categories) }, lookups: () => lookups };
}

const tally = (problems: readonly Problem[]) => {
	const counts: Record<string, number> = {};
	for (const p of problems) {
		counts[p.code] = (counts[p.code] ?? 0) + 1;
	}
	return counts;
};

describe('ADMX checks at scale', () => {
	it('the category paths of all policies are walked once: one lookup per category and per policy, however long the chain', () => {
		const { admx } = chainAdmx(20_000, 2_000);
		const { file, lookups } = counted(readAdmx(admx));
		const problems = lintAdmx(file, admx);
		const references = problems.filter((p) => p.code === 'admx-reference');
		assert.equal(references.length, 101);
		assert.ok(lookups() <= file.categories.size + file.policies.length, `${lookups()} category lookups for ${file.categories.size} categories and ${file.policies.length} policies`);
	});

	it('a file of 20,000 categories in one chain, with its ADML: every finding, each once', () => {
		const { admx, adml } = chainAdmx(20_000, 2_000);
		const doc = parseAdmxDocument('file:///chain.admx', 1, admx, undefined, adml);
		assert.deepEqual(tally(doc.problems), { 'admx-reference': 101, 'admx-strings': 10_000 + 1_000, 'admx-intune-import': 1 });
		const at = (p: Problem) => `${admx.slice(p.span.start, p.span.end)}: ${p.message}`;
		const references = doc.problems.filter((p) => p.code === 'admx-reference').map(at);
		assert.deepEqual(references.slice(0, 3), ['L0: The category L0 is its own ancestor.', 'L1: The category L1 is its own ancestor.', 'L2: The category L2 is its own ancestor.']);
		assert.equal(references[99], 'L99: The category L99 is its own ancestor.');
		assert.equal(references[100], 'Gone: No category named Gone in this file; it has C0, C1, C2, C3, C4, C5, C6, C7, ….');
		// Each cycle problem stands on the reference that closes the cycle, the one of the category before.
		const closing = doc.problems.find((p) => p.message === 'The category L0 is its own ancestor.');
		assert.ok(closing && admx.lastIndexOf('<category name="L99"', closing.span.start) > admx.lastIndexOf('<category name="L98"', closing.span.start));
		const strings = doc.problems.filter((p) => p.code === 'admx-strings').map((p) => p.message);
		assert.equal(strings.filter((m) => m === 'The presentation\'s textBox names T, which is not an element of P1.').length, 1);
		assert.equal(strings.filter((m) => /^The ADML has no string C\d*[13579]\.$/.test(m)).length, 10_000);
	});

	it('a category path\'s problems are those categoryPath finds for each policy, each reported once where it is written, in order', () => {
		// Categories named by number, each with a parent among them, one that does not exist, one of
		// another namespace or none; references with the file's own prefix now and then.
		const parent = fc.oneof(fc.integer({ min: 0, max: 9 }).map((i) => `C${i}`), fc.constant('Missing'), fc.constant('other:Outside'), fc.constant('t:C1'), fc.constant(undefined));
		fc.assert(fc.property(fc.array(parent, { minLength: 10, maxLength: 10 }), fc.array(parent, { minLength: 1, maxLength: 12 }), (parents, policies) => {
			const category = (ref: string | undefined, i: number) => `<category name="C${i}" displayName="x">${ref === undefined ? '' : `<parentCategory ref="${ref}"/>`}</category>`;
			const policy = (ref: string | undefined, i: number) => `<policy name="P${i}" class="Machine" displayName="x" explainText="x" key="Software\\Policies\\T" valueName="V">${ref === undefined ? '' : `<parentCategory ref="${ref}"/>`}</policy>`;
			const text = `<policyDefinitions><policyNamespaces><target prefix="t" namespace="T"/><using prefix="other" namespace="O"/></policyNamespaces><categories>${parents.map(category).join('')}</categories><policies>${policies.map(policy).join('')}</policies></policyDefinitions>`;
			const file = readAdmx(text);
			const expected: Problem[] = [];
			const seen = new Set<string>();
			for (const p of file.policies) {
				for (const problem of categoryPath(file, p).problems) {
					const id = `${problem.span.start}:${problem.message}`;
					if (!seen.has(id)) {
						seen.add(id);
						expected.push(problem);
					}
				}
			}
			assert.deepEqual(lintAdmx(file, text).filter((p) => p.code === 'admx-reference'), expected);
		}), { seed: 11, numRuns: 2_000 });
	});

	it('policies sharing one presentation of many controls: a control naming no element of a policy, once for that policy', () => {
		const labels = Array.from({ length: 3_000 }, (_, i) => `<text>Label ${i}</text>`).join('');
		const policies = Array.from({ length: 3_000 }, (_, i) => `<policy name="P${i}" class="Machine" displayName="$(string.P)" explainText="$(string.P)" presentation="$(presentation.Many)" key="Software\\Policies\\T" valueName="V${i}"><elements><text id="${i % 2 === 0 ? 'T' : 'U'}" valueName="E"/></elements></policy>`).join('');
		const text = `<policyDefinitions><policyNamespaces><target prefix="t" namespace="T"/></policyNamespaces><policies>${policies}</policies></policyDefinitions>`;
		const adml = `<policyDefinitionResources><resources><stringTable><string id="P">P</string></stringTable><presentationTable><presentation id="Many">${labels}<comboBox refId="T"><label>T</label></comboBox></presentation></presentationTable></resources></policyDefinitionResources>`;
		const doc = parseAdmxDocument('file:///many.admx', 1, text, undefined, adml);
		const messages = doc.problems.map((p) => p.message);
		assert.equal(messages.length, 3_000 + 1_500);
		assert.equal(messages.filter((m) => /^P\d+ shows T in a comboBox, which Intune's Import ADMX does not take; MDM ingestion does\.$/.test(m)).length, 3_000);
		assert.equal(messages.filter((m) => /^The presentation's comboBox names T, which is not an element of P\d*[13579]\.$/.test(m)).length, 1_500);
	});

	it('policies looked up by name among two ingested files of 5,000 each: the one nameVerdict finds going through them all', () => {
		const file = (names: (i: number) => string) => readAdmx(`<policyDefinitions><policyNamespaces><target prefix="t" namespace="T"/></policyNamespaces><policies>${Array.from({ length: 5_000 }, (_, i) => `<policy name="${names(i)}" class="Machine" displayName="x" explainText="x" key="Software\\Policies\\T" valueName="V"/>`).join('')}</policies></policyDefinitions>`);
		// The second file repeats some names of the first in another case, and some exactly.
		const first = file((i) => `Policy${i}`);
		const second = file((i) => (i % 3 === 0 ? `POLICY${i}` : i % 3 === 1 ? `Policy${i}` : `Other${i}`));
		const [app] = indexIngestions([{ app: 'App', admx: first, order: 0 }, { app: 'App', admx: second, order: 0 }]).values();
		const everyPolicy = appPolicies(app);
		for (const name of ['Policy7', 'POLICY7', 'policy4999', 'Other2', 'OTHER2', 'Polcy12', 'Nothing']) {
			const found = lookupPolicy(app, name);
			const expected = nameVerdict(name, everyPolicy, (p) => p.policy.name);
			const policyOf = (v: typeof found) => (v.kind === 'unknown' ? v.suggestion?.policy : v.found.policy);
			assert.equal(found.kind, expected.kind, name);
			assert.equal(policyOf(found), policyOf(expected), name);
		}
	});

	it('an end tag of a long name closes nothing: names of 300,000 characters are not compared for a misspelling', () => {
		const [open, close] = ['a', 'b'].map((c) => c.repeat(300_000));
		const problems = parseXml(`<policyDefinitions><${open}></${close}></policyDefinitions>`).problems;
		assert.deepEqual(problems.map((p) => p.message.replace(/(\w)\1{99,}/g, '$1…')), [
			'</b…> closes nothing: there is no open <b…> element here. Remove it.',
			'<a…> is not closed: add </a…> before </policyDefinitions>.',
		]);
	});

	it('a start tag of 30,000 attributes: the one written twice is reported', () => {
		const attributes = Array.from({ length: 30_000 }, (_, i) => ` a${i}="${i}"`).join('');
		const xml = parseXml(`<x${attributes} a17="again"/>`);
		assert.deepEqual(xml.problems.map((p) => p.message), ['The attribute a17 appears twice in <x>; keep one.']);
	});
});
