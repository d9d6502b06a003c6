// Hostile and oversized inputs, in this one process: the CPU time of every feature on each (parse,
// diagnostics, completion, hover and code actions at several places, outline, preview, encodings), as
// the hostile-input tests run them (test/fuzz/hostileCases.ts and test/fuzz/fuzzCore.ts, compiled to
// out/). The tests check what comes back and that nothing hangs; how long it takes is measured here,
// against the limits the tests once held these inputs to. Run by bench/run.mjs as a child process:
//   node bench/hostile.mjs <iterations>
// Prints one JSON object: per input { language, characters, cpuMs: { p50, max }, limitMs }.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { buildHostile } = require('../out/test/fuzz/hostileCases.js');
const { exerciseDocument } = require('../out/test/fuzz/fuzzCore.js');

const iterations = Number(process.argv[2] ?? 3);
const percentile = (samples, p) => [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * samples.length) - 1)];

/** An Intune settings-catalog export of `count` settings of other policies, with a Remote Assistance mention. */
function catalogOfOtherSettings(count) {
	const settings = Array.from({ length: count }, (_, i) => ({
		id: String(i),
		settingInstance: { settingDefinitionId: `device_vendor_msft_policy_config_other_${i}`, choiceSettingValue: { value: 'x', children: [] } },
	}));
	return JSON.stringify({ remoteassistance: 1, name: 'Other settings', platforms: 'windows10', technologies: 'mdm', settings }, null, 2);
}

/** An Intune custom profile of one row, its value written as JSON writes it. */
function customProfile(value) {
	const row = { '@odata.type': '#microsoft.graph.omaSettingString', displayName: 'x', omaUri: './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance', value };
	return JSON.stringify({ '@odata.type': '#microsoft.graph.windows10CustomConfiguration', displayName: 'Helpdesk', omaSettings: [row] }, null, 2);
}

const hostile = (name, language) => ({ label: `${name} (${language})`, build: () => buildHostile(name, language, { canaryPath: '/nonexistent/canary' }) });
const intune = (label, text) => ({ label: `${label} (intune)`, build: () => ({ lang: 'intune', text: text(), offsets: [] }) });

/**
 * Each input with the CPU time, in ms, it must stay under: the time the tests allowed it on the clock
 * (the hostile-input tests killed a case 2 s before its timeout; the SyncML parser tests gave a
 * billion laughs 1 s, a file over the size limit 2 s and 100,000 nested elements 5 s; the Intune
 * tests gave each of their hostile exports 5 s).
 */
const INPUTS = [
	[hostile('xml-billion-laughs', 'syncml'), 1_000],
	[hostile('xml-nested-100000', 'syncml'), 5_000],
	[hostile('profile-nested-100000', 'syncml'), 18_000],
	[hostile('profile-5000-roots', 'syncml'), 28_000],
	[hostile('yaml-nested-100000', 'rapolicy'), 18_000],
	[hostile('yaml-alias-bomb', 'rapolicy'), 13_000],
	[hostile('yaml-alias-bomb-in-options', 'rapolicy'), 13_000],
	[hostile('5mb-line', 'rapolicy'), 18_000],
	[hostile('5mb-line', 'syncml'), 18_000],
	[hostile('50mb', 'rapolicy'), 2_000],
	[hostile('50mb', 'syncml'), 2_000],
	[intune('an export of 20,000 other settings', () => catalogOfOtherSettings(20_000)), 5_000],
	[intune('a custom profile nested 50,000 deep', () => `{"omaSettings": [${'['.repeat(50_000)}], "x": "remoteassistance"}`), 5_000],
	[intune('a value of 50,000 escapes', () => customProfile('\\'.repeat(50_000))), 5_000],
];

const cpuMs = (start) => {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
};

const results = {};
for (const [input, limitMs] of INPUTS) {
	const { lang, text, offsets } = input.build();
	const samples = [];
	for (let i = 0; i < iterations; i++) {
		const start = process.cpuUsage();
		exerciseDocument(text, lang, { offsets });
		samples.push(cpuMs(start));
	}
	results[input.label] = { language: lang, characters: text.length, cpuMs: { p50: percentile(samples, 50), max: Math.max(...samples) }, limitMs };
}
process.stdout.write(`${JSON.stringify(results)}\n`);
