import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Profile } from './model/policyModel';
import { checkProfile } from './validation/policyRules';
import type { Problem } from './validation/problem';
import { schemaProblems } from './schema/schemaValidation';
import { RULES } from './validation/rules';
import { lowerYaml } from './yaml/lowerYaml';
import { parseYaml, type YamlDocument } from './yaml/yamlAst';
import { YamlPolicySyntax } from './yaml/yamlEdits';

export const POLICY_LANGUAGE = 'rapolicy';
export const SYNCML_LANGUAGE = 'syncml';

export interface ProfileEntry {
	readonly profile: Profile;
	readonly document: YamlDocument;
}

/**
 * Everything the features need about one version of a policy file, computed once: the YAML
 * tree, the lowered profiles and every problem before settings and suppressions apply.
 */
export interface ParsedDocument {
	readonly uri: string;
	readonly version: number;
	readonly text: string;
	/** For turning offsets into positions at the edges. */
	readonly lines: TextDocument;
	readonly yaml: readonly YamlDocument[];
	readonly profiles: readonly ProfileEntry[];
	readonly problems: readonly Problem[];
	readonly syntax: YamlPolicySyntax;
}

export function parsePolicyDocument(uri: string, version: number, text: string): ParsedDocument {
	const yaml = parseYaml(text);
	const problems: Problem[] = [];
	const profiles = lowerYaml(yaml, problems);
	const syntax = new YamlPolicySyntax(text);
	for (const entry of profiles) {
		checkProfile(entry.profile, syntax, problems);
		const doc = entry.document;
		const hasError = problems.some((p) => p.span.start >= doc.start && p.span.start <= doc.end && (p.severity ?? RULES[p.code].severity) === 'error');
		if (doc.root && !hasError) {
			const data = plainData(doc);
			problems.push(...(data.ok ? schemaProblems(data.value, doc.root) : [{ code: 'yaml-syntax' as const, span: doc.root, message: data.message }]));
		}
	}
	return { uri, version, text, lines: TextDocument.create(uri, POLICY_LANGUAGE, version, text), yaml, profiles, problems, syntax };
}

/** The document as plain data for the schema; the library's alias limit refuses an alias bomb. */
function plainData(doc: YamlDocument): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: doc.source.toJS({ maxAliasCount: 100 }) };
	} catch (error) {
		return { ok: false, message: `This document cannot be read as data (${error instanceof Error ? error.message : String(error)}). Write the values out instead of using so many aliases.` };
	}
}
