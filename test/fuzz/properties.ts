/**
 * The fuzz properties that test/unit/fuzz.test.ts (fixed seed, small budget) and
 * test/fuzz/longFuzz.ts (random seed, large budget) check: documents of every language through
 * every feature (test/fuzz/fuzzCore.ts), and Group Policy files through their readers and import
 * (test/fuzz/gpoCore.ts). A failing case shrinks by deleting parts of its text or bytes.
 */
import * as fc from 'fast-check';
import { admxCarriedDocument, admxDocument, admxIngestedProfile, generatedAdmxDocument, largeAdmxDocument } from './admxGenerators';
import { exerciseDocument, FuzzFailure, record, type CaseOutcome, type ExerciseOptions, type FuzzStats } from './fuzzCore';
import { mutatedDocument, mutatedGeneratedDocument, randomDocument, type FuzzCase } from './generators';
import { exerciseGroupPolicy, type GroupPolicyCase } from './gpoCore';
import { groupPolicyFile } from './gpoGenerators';

/** A document or a Group Policy file to check. */
export type AnyCase = FuzzCase | GroupPolicyCase;

export function isGroupPolicyCase(c: AnyCase): c is GroupPolicyCase {
	return 'format' in c;
}

/** Checks one case however it is read; throws a FuzzFailure on a violation. */
export function exerciseCase(c: AnyCase, options: ExerciseOptions = {}): CaseOutcome {
	return isGroupPolicyCase(c)
		? exerciseGroupPolicy(c)
		: exerciseDocument(c.text, c.lang, { ...options, offsets: c.offsets, uri: c.uri, adml: c.adml, ingested: c.ingested });
}

/** What a case shows in a report. */
export function describeCase(c: AnyCase | undefined, limit = 3000): string {
	if (!c) {
		return '(no case started)';
	}
	if (isGroupPolicyCase(c)) {
		const content = typeof c.content === 'string' ? c.content : Array.from(c.content.subarray(0, limit), (b) => b.toString(16).padStart(2, '0')).join(' ');
		return `${c.format} file from ${c.origin} (${c.content.length} ${typeof c.content === 'string' ? 'characters' : 'bytes, in hex'}):\n${typeof c.content === 'string' ? JSON.stringify(content.slice(0, limit)) : content}`;
	}
	const text = c.text.length > limit ? `${JSON.stringify(c.text.slice(0, limit))}... (${c.text.length} characters)` : JSON.stringify(c.text);
	const beside = c.adml !== undefined ? `, with an ADML of ${c.adml.length} characters` : c.ingested ? `, with ${c.ingested.app} ingested from an ADMX of ${c.ingested.admx.length} characters` : '';
	return `${c.lang} document ${c.uri ?? ''} from ${c.origin}${beside}, asked at offsets ${JSON.stringify(c.offsets)}:\n${text}`;
}

// ---------------------------------------------------------------------------------------------
// Shrinking by text

const shrunk = (origin: string) => (origin.endsWith(' (shrunk)') ? origin : `${origin} (shrunk)`);

/** Removes `[start, end)` of the text or bytes; a document's offsets move with its text. */
function removeChunk(c: AnyCase, start: number, end: number): AnyCase {
	if (isGroupPolicyCase(c)) {
		let content: Uint8Array | string;
		if (typeof c.content === 'string') {
			content = c.content.slice(0, start) + c.content.slice(end);
		} else {
			content = new Uint8Array(c.content.length - (end - start));
			content.set(c.content.subarray(0, start));
			content.set(c.content.subarray(end), start);
		}
		return { ...c, content, origin: shrunk(c.origin) };
	}
	const removed = end - start;
	return {
		...c,
		text: c.text.slice(0, start) + c.text.slice(end),
		origin: shrunk(c.origin),
		offsets: c.offsets.map((o) => (o >= end ? o - removed : o > start ? start : o)),
	};
}

function* textShrinks(c: AnyCase): Generator<AnyCase> {
	const content = isGroupPolicyCase(c) ? c.content : c.text;
	const length = content.length;
	// Whole lines of text first, then halves, quarters ... single characters or bytes.
	if (typeof content === 'string') {
		const starts = [0];
		for (let i = 0; i < length; i++) {
			if (content[i] === '\n' || (content[i] === '\r' && content[i + 1] !== '\n')) {
				starts.push(i + 1);
			}
		}
		if (starts.length > 1) {
			starts.push(length);
			for (let k = 0; k + 1 < starts.length; k++) {
				if (starts[k + 1] > starts[k]) {
					yield removeChunk(c, starts[k], starts[k + 1]);
				}
			}
		}
	}
	for (let size = Math.ceil(length / 2); size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
		for (let start = 0; start < length; start += size) {
			yield removeChunk(c, start, Math.min(length, start + size));
		}
	}
	if (!isGroupPolicyCase(c)) {
		// Fewer offsets to ask at, and the document alone.
		for (let k = 0; k < c.offsets.length; k++) {
			yield { ...c, offsets: c.offsets.filter((_, i) => i !== k) };
		}
		if (c.adml !== undefined || c.ingested !== undefined) {
			yield { ...c, adml: undefined, ingested: undefined };
		}
	}
}

function isCase(value: unknown): value is AnyCase {
	const c = value as Partial<FuzzCase & GroupPolicyCase>;
	if (typeof c !== 'object' || c === null || typeof c.origin !== 'string') {
		return false;
	}
	return c.format !== undefined ? typeof c.content === 'string' || c.content instanceof Uint8Array : typeof c.text === 'string' && typeof c.lang === 'string' && Array.isArray(c.offsets);
}

/**
 * The cases of `inner`, shrunk by deleting lines and chunks of their text or bytes (delta
 * debugging), so a failure is reported with a small input rather than a small list of mutations.
 */
class TextShrinkingArbitrary extends fc.Arbitrary<AnyCase> {
	constructor(private readonly inner: fc.Arbitrary<AnyCase>) {
		super();
	}

	generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<AnyCase> {
		return new fc.Value(this.inner.generate(mrng, biasFactor).value, undefined);
	}

	canShrinkWithoutContext(value: unknown): value is AnyCase {
		return isCase(value);
	}

	shrink(value: AnyCase): fc.Stream<fc.Value<AnyCase>> {
		return new fc.Stream(textShrinks(value)).map((c) => new fc.Value(c, undefined));
	}
}

export function shrinkByText(inner: fc.Arbitrary<AnyCase>): fc.Arbitrary<AnyCase> {
	return new TextShrinkingArbitrary(inner);
}

// ---------------------------------------------------------------------------------------------
// Properties

export interface PropertySpec {
	readonly name: string;
	readonly arbitrary: fc.Arbitrary<AnyCase>;
	readonly options?: ExerciseOptions;
	/** Relative share of the run budget. */
	readonly weight: number;
}

const DOCUMENT_PROPERTIES = (['rapolicy', 'syncml'] as const).flatMap((lang) => [
	{ name: `${lang}: random documents`, weight: 3, arbitrary: () => randomDocument(lang) },
	{ name: `${lang}: mutated example files`, weight: 4, arbitrary: () => mutatedDocument(lang) },
	{ name: `${lang}: mutated generated documents, preview with every rule a warning`, weight: 2, arbitrary: () => mutatedGeneratedDocument(lang), options: { warningPreview: true } },
	{ name: `${lang}: clean documents encode to clean SyncML and YAML`, weight: 2, arbitrary: () => fc.oneof(mutatedGeneratedDocument(lang), mutatedDocument(lang)), options: { roundTrip: true } },
]);

/**
 * Later properties come after the first ones, so that each keeps its place and with it the seed
 * the fixed-seed tests give it. Each builds its generators only when asked, since seeds are read
 * from files.
 */
const SPECS: readonly { readonly name: string; readonly weight: number; readonly arbitrary: () => fc.Arbitrary<AnyCase>; readonly options?: ExerciseOptions }[] = [
	...DOCUMENT_PROPERTIES,
	{ name: 'admx: mutated ADMX and ADML files', weight: 3, arbitrary: admxDocument },
	{ name: 'admx: generated ADMX files, mutated', weight: 3, arbitrary: generatedAdmxDocument },
	{ name: 'admx: ADMX carried in SyncML and Intune exports', weight: 2, arbitrary: admxCarriedDocument, options: { roundTrip: true } },
	{ name: 'admx: profiles of policies of an ingested ADMX', weight: 1, arbitrary: admxIngestedProfile, options: { roundTrip: true } },
	{ name: 'admx: large real ADMX files, mutated', weight: 0.1, arbitrary: largeAdmxDocument },
	{ name: 'group policy: Registry.pol files', weight: 2, arbitrary: () => groupPolicyFile('registry-pol') },
	{ name: 'group policy: LGPO text files', weight: 2, arbitrary: () => groupPolicyFile('lgpo') },
	{ name: 'group policy: GroupPolicy scripts', weight: 2, arbitrary: () => groupPolicyFile('powershell') },
];

/** The names and weights of `properties()`, without building their generators. */
export const PROPERTY_WEIGHTS: readonly { readonly name: string; readonly weight: number }[] = SPECS.map(({ name, weight }) => ({ name, weight }));

const built = new Map<string, PropertySpec>();

/** The property of that name, its generators built on first use. */
export function property(name: string): PropertySpec {
	let spec = built.get(name);
	if (!spec) {
		const found = SPECS.find((s) => s.name === name);
		if (!found) {
			throw new Error(`no property named ${name}`);
		}
		spec = { name, weight: found.weight, arbitrary: found.arbitrary(), options: found.options };
		built.set(name, spec);
	}
	return spec;
}

/** The fast-check property for a spec, counting into `stats`; a case that takes more than `maxCpuMsPerCase` of CPU time fails it. */
export function toProperty(spec: PropertySpec, stats: FuzzStats, maxCpuMsPerCase: number, onCase?: (c: AnyCase) => void): fc.IProperty<[AnyCase]> {
	return fc.property(shrinkByText(spec.arbitrary), (c) => {
		onCase?.(c);
		const result = exerciseCase(c, spec.options);
		record(stats, result, `${c.origin} (${isGroupPolicyCase(c) ? c.content.length : c.text.length} ${isGroupPolicyCase(c) && typeof c.content !== 'string' ? 'bytes' : 'characters'})`);
		if (result.cpuMs > maxCpuMsPerCase) {
			throw new FuzzFailure(`checking one case of ${spec.name} took ${result.cpuMs.toFixed(0)} ms of CPU (limit ${maxCpuMsPerCase} ms)`, 'time');
		}
	});
}

/** One line for the log. */
export function summary(stats: FuzzStats, seconds: number): string {
	return `fuzz: ${stats.documents} documents and files, ${stats.calls} service calls, ${stats.clean} clean (encoded or written back), ${stats.diagnostics} diagnostics and import notes, ${seconds.toFixed(1)} s; slowest ${stats.maxCpuMs.toFixed(0)} ms of CPU (${stats.slowest})`;
}
