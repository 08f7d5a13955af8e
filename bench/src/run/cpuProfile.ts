// A CPU profile of this process (the server) while something runs, through node:inspector, and its
// summary: self time by package (node_modules package, workspace package, node internals, GC,
// idle), the hottest functions by self time, and inclusive time for a few frames worth watching.
// The raw .cpuprofile is large: write it only where asked (--dump), never into bench/results.
import { Session } from 'node:inspector/promises';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number }
export interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export async function profileWhile<T>(run: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await run();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** Where a frame's code lives: an npm package, a workspace package, node itself, or V8's own rows. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1]!;
  const generated = /\/prisma\/src\/generated\//.exec(url);
  if (generated) return '@wraparound/prisma (generated client)';
  const workspace = /\/(prisma|schema|server|bench)\/src\/([^/]+)/.exec(url);
  if (workspace) return `@wraparound/${workspace[1]}/${workspace[2]!.replace(/\.ts$/, '')}`;
  return url;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  byPackage: { name: string; selfMs: number; share: number }[];
  byFunction: { name: string; selfMs: number; share: number }[];
  /** Inclusive time of frames whose function or package matches a watched name (without double counting recursion). */
  inclusive: { name: string; ms: number; share: number }[];
}

const IDLE = new Set(['(idle)', '(program)']);

export function summariseProfile(profile: CpuProfile, watch: { name: string; match: (frame: CallFrame, pkg: string) => boolean }[] = []): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  let busyMs = 0;
  const pkgs = new Map<string, number>();
  const fns = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const pkg = packageOf(node.callFrame);
    if (IDLE.has(node.callFrame.functionName)) continue;
    busyMs += ms;
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${pkg}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
    // Walk up the stack once, crediting each watched name at most once per sample.
    const credited = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const framePkg = packageOf(frame);
      for (const w of watch) if (!credited.has(w.name) && w.match(frame, framePkg)) credited.add(w.name);
    }
    for (const name of credited) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, selfMs: ms, share: ms / busyMs }));
  return {
    totalMs, busyMs,
    byPackage: rows(pkgs),
    byFunction: rows(fns),
    inclusive: watch.map((w) => ({ name: w.name, ms: inclusive.get(w.name) ?? 0, share: (inclusive.get(w.name) ?? 0) / busyMs })),
  };
}

/** Frames worth watching inclusively in this server: what each layer costs with what it calls. */
export const WATCHED: { name: string; match: (frame: CallFrame, pkg: string) => boolean }[] = [
  { name: 'Prisma client (compile, execute, map), with what it calls', match: (_f, pkg) => pkg === '@prisma/client' || pkg.startsWith('@wraparound/prisma (generated') },
  { name: 'Prisma query compiler (WASM)', match: (f) => f.url.includes('query_compiler') || f.url.startsWith('wasm://') },
  { name: 'node-postgres + adapter (protocol, parse rows)', match: (_f, pkg) => pkg === 'pg' || pkg === 'pg-protocol' || pkg === '@prisma/adapter-pg' || pkg === 'postgres-array' || pkg === 'pg-types' },
  { name: 'graphql-js (parse, validate, execute)', match: (_f, pkg) => pkg === 'graphql' },
  { name: 'graphql-yoga / envelop / whatwg-node', match: (_f, pkg) => pkg.startsWith('@graphql-yoga') || pkg === 'graphql-yoga' || pkg.startsWith('@envelop') || pkg.startsWith('@whatwg-node') },
  { name: 'graphql-armor', match: (_f, pkg) => pkg.startsWith('@escape.tech') },
  { name: 'Pothos', match: (_f, pkg) => pkg.startsWith('@pothos') },
  { name: 'CASL', match: (_f, pkg) => pkg.startsWith('@casl') },
  { name: 'Wraparound access (ability, accessibleWhere)', match: (_f, pkg) => pkg === '@wraparound/schema/access' },
  { name: 'Wraparound audit', match: (_f, pkg) => pkg === '@wraparound/schema/audit' },
  { name: 'Session lookup', match: (f) => f.functionName === 'resumeSession' },
  { name: 'JSON.stringify / parse', match: (f) => f.functionName === 'stringify' || f.functionName === 'parse' && f.url === '' },
  { name: 'garbage collector', match: (f) => f.functionName === '(garbage collector)' },
];

export function profileMarkdown(summary: ProfileSummary, perRequest: number): string[] {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const ms = (x: number) => (x / perRequest).toFixed(2);
  const lines = [
    `Profiled ${(summary.totalMs / 1000).toFixed(1)} s; busy (not idle) ${(summary.busyMs / 1000).toFixed(1)} s; ${ms(summary.busyMs)} ms of this process's CPU per request.`,
    '',
    '| self time by package | ms/request | share |', '| --- | ---: | ---: |',
    ...summary.byPackage.slice(0, 15).map((r) => `| ${r.name} | ${ms(r.selfMs)} | ${pct(r.share)} |`),
    '',
    '| inclusive (with what it calls) | ms/request | share |', '| --- | ---: | ---: |',
    ...summary.inclusive.map((r) => `| ${r.name} | ${ms(r.ms)} | ${pct(r.share)} |`),
    '',
    '| hottest functions, self time | ms/request | share |', '| --- | ---: | ---: |',
    ...summary.byFunction.slice(0, 20).map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${ms(r.selfMs)} | ${pct(r.share)} |`),
  ];
  return lines;
}
