import type { Settings } from '../problems/settings';
import type { ProjectConfig } from './projectConfig';

/**
 * The settings a document is checked with: the defaults, then the project configuration, then
 * the editor's settings (or the command line's flags) over both. A rule's severity and an
 * AppName's files are each taken from the last that names them, so a setting overrides the file
 * rule by rule and AppName by AppName rather than replacing it whole.
 *
 * `overrides` holds only what the user set: `rapolicy.validation.rules` and
 * `rapolicy.admx.ingested` default to `{}` in the manifest, so every rule and AppName VS Code
 * reports for them was set in some scope (user, workspace or folder), and no default can hide
 * the file. Paths of both are relative to the workspace folder, where the editor finds the file.
 */
export function mergeSettings(config: ProjectConfig, overrides: Settings): Settings {
	const ingested: Record<string, string[]> = {};
	for (const entry of config.ingested) {
		(ingested[entry.app] ??= []).push(entry.file);
	}
	return {
		...overrides,
		validation: { ...overrides.validation, rules: { ...config.rules, ...overrides.validation.rules } },
		admx: { ingested: { ...ingested, ...overrides.admx.ingested } },
	};
}

/**
 * The configuration as an untrusted workspace may apply it: the files it names are not read, as
 * VS Code's Restricted Mode expects of settings that name files, while severities, estates and
 * ignored files, which read nothing, still apply.
 */
export function withoutFileNames(config: ProjectConfig): ProjectConfig {
	return { ...config, ingested: [] };
}
