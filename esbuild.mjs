import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Libraries the service loads on first use; kept out of the bundles so that starting does not compile them. */
const LATE = ['yaml', 'ajv'];

const shared = {
	bundle: true,
	outdir: 'dist',
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: !production,
	// Always minified: the server starts by compiling its bundle, and half the bytes start faster.
	minify: true,
	legalComments: 'external',
	logLevel: 'warning',
};

/** One bundle per entry point, so the extension and both bins run without node_modules. */
const main = {
	...shared,
	entryPoints: {
		'client/extension': 'client/src/extension.ts',
		'server/serverMain': 'server/src/node/serverMain.ts',
		'cli/cli': 'server/src/cli/cli.ts',
	},
	external: ['vscode'],
	plugins: [{
		name: 'late-libraries',
		setup(build) {
			// Every bundle sits one folder below dist/, beside dist/late/.
			build.onResolve({ filter: new RegExp(`^(${LATE.join('|')})$`) }, (args) => ({ path: `../late/${args.path}.js`, external: true }));
			// The server loads the language service after answering `initialize`, from a bundle of its own.
			build.onResolve({ filter: /^\.\/service$/ }, (args) => (args.importer.endsWith('server/src/server.ts') ? { path: '../late/service.js', external: true } : undefined));
		},
	}],
};

const late = {
	...main,
	entryPoints: { ...Object.fromEntries(LATE.map((name) => [`late/${name}`, name])), 'late/service': 'server/src/service/index.ts' },
	plugins: [{
		name: 'late-libraries',
		setup(build) {
			build.onResolve({ filter: new RegExp(`^(${LATE.join('|')})$`) }, (args) => (args.kind === 'entry-point' ? undefined : { path: `./${args.path}.js`, external: true }));
		},
	}],
};

if (watch) {
	for (const options of [main, late]) {
		await (await esbuild.context(options)).watch();
	}
} else {
	await Promise.all([esbuild.build(main), esbuild.build(late)]);
}
