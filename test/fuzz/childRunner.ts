/**
 * Runs work in a child Node process so that a hang, a crash, a stack overflow or running out of
 * memory in the language service is reported instead of stopping the test run: the child is
 * killed when it uses too much CPU time (in all, or without reporting progress). The limits count
 * the child's own CPU time, not time on the clock, so a machine busy with other work does not
 * turn a slow run into a hang. The child is the same kind of process as the language server
 * (Node's main thread, default stack size).
 *
 * Protocol: the parent sends `{ id, request }`; the child answers with any number of
 * `{ id, type: 'progress', data }` and then one `{ id, type: 'reply', data }` or
 * `{ id, type: 'error', error }`. One child serves request after request until it is killed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type ChildMessage<Reply, Progress> =
	| { readonly id: number; readonly type: 'progress'; readonly data: Progress }
	| { readonly id: number; readonly type: 'reply'; readonly data: Reply }
	| { readonly id: number; readonly type: 'error'; readonly error: string };

/** `ms` is the run's time on the clock, `cpuMs` the CPU time the child used for it. */
export type Outcome<Reply, Progress> =
	| { readonly kind: 'reply'; readonly reply: Reply; readonly ms: number; readonly cpuMs: number }
	| { readonly kind: 'error'; readonly error: string; readonly ms: number; readonly cpuMs: number }
	/** Killed: over a limit. `last` is the last progress. */
	| { readonly kind: 'timeout'; readonly reason: string; readonly ms: number; readonly cpuMs: number; readonly stderr: string; readonly last: Progress | undefined }
	| { readonly kind: 'crash'; readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly ms: number; readonly cpuMs: number; readonly stderr: string; readonly last: Progress | undefined };

export interface RunLimits<Progress> {
	/** Kill the child when the run has used this much CPU time, in ms. */
	readonly cpuMs?: number;
	/** Kill the child when it uses this much CPU time, in ms, without reporting progress. */
	readonly stallCpuMs?: number;
	readonly onProgress?: (data: Progress) => void;
}

/** How often the CPU time of a running child is read, in ms. */
const POLL_MS = 100;

/**
 * A CPU limit also ends a run that has lasted this many times as long on the clock, for a child
 * blocked without using CPU; a child on a machine busy with other work still gets far more than
 * this share of a core.
 */
const CLOCK_FACTOR = 10;

/**
 * The CPU time (user and system, all threads) process `pid` has used, in ms, from
 * /proc/<pid>/stat; undefined where there is no /proc.
 */
function cpuTimeOf(pid: number): number | undefined {
	let stat: string;
	try {
		stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// The command name before the fields is in parentheses and may hold spaces. utime and stime
	// (fields 14 and 15) count ticks of USER_HZ, which is 100 per second on Linux.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

export class ChildRunner<Request, Reply, Progress = never> {
	private child: ChildProcess | undefined;
	private loaded: Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> = Promise.resolve(undefined);
	private stderr = '';
	private nextId = 1;

	constructor(private readonly script: string, private readonly execArgv: readonly string[] = []) {}

	/** A new child; `loaded` settles once it is ready for requests, or with how it exited before. */
	private spawn(): ChildProcess {
		const child = fork(this.script, [], { execArgv: [...this.execArgv], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
		this.loaded = new Promise((resolve) => {
			const onReady = (message: { type?: string }) => {
				if (message?.type === 'ready') {
					child.off('message', onReady);
					resolve(undefined);
				}
			};
			child.on('message', onReady);
			child.once('exit', (code, signal) => resolve({ code, signal }));
		});
		this.stderr = '';
		child.stderr?.on('data', (chunk: Buffer) => {
			if (this.stderr.length < 50_000) {
				this.stderr += chunk.toString();
			}
		});
		child.on('exit', () => {
			if (this.child === child) {
				this.child = undefined;
			}
		});
		return child;
	}

	async run(request: Request, limits: RunLimits<Progress>): Promise<Outcome<Reply, Progress>> {
		// A new child first loads the service and the generators; the limits count from then on.
		if (!this.child) {
			this.child = this.spawn();
		}
		const child = this.child;
		const exited = await this.loaded;
		if (exited || child.pid === undefined) {
			return { kind: 'crash', code: exited?.code ?? null, signal: exited?.signal ?? null, ms: 0, cpuMs: 0, stderr: this.stderr, last: undefined };
		}
		const pid = child.pid;
		const id = this.nextId++;
		return new Promise((resolve) => {
			const started = performance.now();
			const clock = () => performance.now() - started;
			const cpuAtStart = cpuTimeOf(pid);
			/** CPU time of the run as last read; the clock stands in for it where it cannot be read. */
			let cpu = 0;
			const readCpu = () => {
				const now = cpuTimeOf(pid);
				cpu = cpuAtStart === undefined ? clock() : now === undefined ? cpu : now - cpuAtStart;
				return cpu;
			};
			let last: Progress | undefined;
			let progressCpu = 0;
			let progressClock = 0;
			let settled = false;
			const finish = (outcome: Outcome<Reply, Progress>) => {
				if (!settled) {
					settled = true;
					clearInterval(poll);
					child.off('message', onMessage);
					child.off('exit', onExit);
					resolve(outcome);
				}
			};
			const kill = (reason: string) => {
				if (this.child === child) {
					this.child = undefined;
				}
				child.kill('SIGKILL');
				finish({ kind: 'timeout', reason, ms: clock(), cpuMs: cpu, stderr: this.stderr, last });
			};
			const poll = setInterval(() => {
				readCpu();
				const ms = clock();
				if (limits.cpuMs !== undefined && cpu > limits.cpuMs) {
					kill(`used ${cpu.toFixed(0)} ms of CPU, over the limit of ${limits.cpuMs} ms`);
				} else if (limits.cpuMs !== undefined && ms > limits.cpuMs * CLOCK_FACTOR) {
					kill(`not done after ${ms.toFixed(0)} ms on the clock (${cpu.toFixed(0)} ms of CPU)`);
				} else if (limits.stallCpuMs !== undefined && cpu - progressCpu > limits.stallCpuMs) {
					kill(`no progress in ${(cpu - progressCpu).toFixed(0)} ms of CPU, over the limit of ${limits.stallCpuMs} ms`);
				} else if (limits.stallCpuMs !== undefined && ms - progressClock > limits.stallCpuMs * CLOCK_FACTOR) {
					kill(`no progress for ${(ms - progressClock).toFixed(0)} ms on the clock`);
				}
			}, POLL_MS);
			const onMessage = (message: ChildMessage<Reply, Progress>) => {
				if (message?.id !== id) {
					return;
				}
				if (message.type === 'progress') {
					last = message.data;
					progressCpu = readCpu();
					progressClock = clock();
					limits.onProgress?.(message.data);
				} else if (message.type === 'reply') {
					finish({ kind: 'reply', reply: message.data, ms: clock(), cpuMs: readCpu() });
				} else {
					finish({ kind: 'error', error: message.error, ms: clock(), cpuMs: readCpu() });
				}
			};
			const onExit = (code: number | null, signal: NodeJS.Signals | null) => finish({ kind: 'crash', code, signal, ms: clock(), cpuMs: cpu, stderr: this.stderr, last });
			child.on('message', onMessage);
			child.on('exit', onExit);
			child.send({ id, request });
		});
	}

	close(): void {
		const child = this.child;
		this.child = undefined;
		if (child?.connected) {
			child.disconnect();
		}
	}
}

/**
 * The child's side: answers each request with `handle`, which may report progress. Exits when
 * the parent goes away.
 */
export function serveRequests<Request, Reply, Progress>(handle: (request: Request, progress: (data: Progress) => void) => Reply): void {
	process.on('message', (message: { id: number; request: Request }) => {
		const progress = (data: Progress) => {
			process.send?.({ id: message.id, type: 'progress', data });
		};
		let answer: ChildMessage<Reply, Progress>;
		try {
			answer = { id: message.id, type: 'reply', data: handle(message.request, progress) };
		} catch (error) {
			answer = { id: message.id, type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
		}
		process.send?.(answer);
	});
	process.on('disconnect', () => process.exit(0));
	process.send?.({ type: 'ready' });
}
