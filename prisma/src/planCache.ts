// Compiled query plans, reused when only the values differ.
//
// Prisma 6.19's engine-free client compiles every query to a plan in WebAssembly on the event loop
// (1–2 ms each; the permission `where` makes ours large), even when the same resolver sends the
// same shape with another id: under load that compilation was ~38% of the server's CPU
// (bench/results/profile-scale-0.1.md). Prisma 7.4 caches plans itself ("query plan caching"); we
// cannot move to 7 yet (its migrate needs the native schema engine), so this does the same for
// 6.19, on the compiler's own placeholder mechanism:
//
// - the values of String and DateTime fields in filters (`where`, `cursor`, relation filters in
//   the selection) and of String, DateTime and Json fields in a create's or update's `data` are
//   replaced by `{ $type: 'Param' }` placeholders; the rest (model, action, field names, enums,
//   nulls, booleans, numbers, take and skip, order, selection, `contains`-like patterns) is the
//   shape, and the cache key. Raw SQL's shape is its text and its parameters' kinds;
// - the second time a shape is seen (the first, in verify mode) it is compiled with the
//   placeholders, and that plan, with the values put back where the compiler put the
//   placeholders, is compared with the ordinary compilation. The same: the shape's later uses get
//   the plan with their own values and no compilation (prisma's interpreter would take them as
//   placeholder values, but 6.19's client offers no way to pass them). Different (the compiler
//   looked at a value, as an upsert does): the shape is compiled every time, as without the cache;
// - with PRISMA_PLAN_CACHE=verify (the tests) every reuse is compared with the ordinary
//   compilation too, and a difference throws.
//
// PRISMA_PLAN_CACHE=off turns it off. Remove this file when the client is Prisma 7.4 or later.
import { isDeepStrictEqual } from 'node:util';
import { getDatamodel } from './generated/pothos-types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Plan = unknown;

interface Compiler {
  compile(query: string): Plan;
}

export type PlanCacheMode = 'off' | 'on' | 'verify';

const MAX_SHAPES = 2000;
const PREFIX = 'wrap$';
/** Types whose values go to PostgreSQL only as parameters (never enums, numbers, booleans or lists). */
const PARAMETER_TYPES = new Set(['String', 'DateTime']);
const COMPARISONS = new Set(['equals', 'not', 'lt', 'lte', 'gt', 'gte']);
const LISTS = new Set(['in', 'notIn']);
const RELATION_FILTERS = new Set(['is', 'isNot', 'some', 'every', 'none']);
const COMBINATORS = new Set(['AND', 'OR', 'NOT']);
const WRITES = new Set(['createOne', 'updateOne', 'updateMany']);

const installed = Symbol.for('wraparound.planCache');
let mode: PlanCacheMode = parseMode(process.env.PRISMA_PLAN_CACHE);
/** A shape's template; null: not cacheable; SEEN: compiled once, not yet made a template. */
type Entry = Template | null | typeof SEEN;
const SEEN = Symbol('seen once');
const caches = new WeakMap<Compiler, Map<string, Entry>>();
export const planCacheStats = { hits: 0, misses: 0, uncacheable: 0, verified: 0 };

function parseMode(value: string | undefined): PlanCacheMode {
  if (value === undefined || value === '' || value === 'on') return 'on';
  if (value === 'off' || value === 'verify') return value;
  throw new Error(`PRISMA_PLAN_CACHE must be on, off or verify, not "${value}"`);
}

export function setPlanCacheMode(next: PlanCacheMode) {
  mode = next;
}

interface Field { name: string; kind: string; type: string; isList: boolean }
type Models = Map<string, Map<string, Field>>;
let models: Models | null = null;

function modelsOf(): Models {
  models ??= new Map(Object.entries(getDatamodel().datamodel.models).map(([name, model]) =>
    [name, new Map((model.fields as readonly Field[]).map((f) => [f.name, f]))]));
  return models;
}

/**
 * The query with its values replaced by placeholders, and the values in placeholder order. Only a
 * scalar String or DateTime field's value compared in a filter (shorthand, equals, not, lt(e),
 * gt(e), in, notIn) or written by a create or update is replaced; everything else stays in the shape.
 */
export function parameterise(query: JsonObject): { shape: JsonObject; values: Json[] } {
  const all = modelsOf();
  const values: Json[] = [];
  const param = (value: Json): Json => ({ $type: 'Param', value: `${PREFIX}${values.push(value) - 1}` });
  const isValue = (v: Json | undefined): boolean => typeof v === 'string' || (isObject(v) && v.$type === 'DateTime');
  const parameterField = (fields: Map<string, Field>, key: string) => {
    const field = fields.get(key);
    return field && field.kind === 'scalar' && !field.isList && PARAMETER_TYPES.has(field.type) ? field : null;
  };

  const scalarFilter = (v: Json): Json => {
    if (isValue(v)) return param(v);
    if (!isObject(v) || typeof v.$type === 'string') return v;
    const out: JsonObject = {};
    for (const [op, value] of Object.entries(v)) {
      if (COMPARISONS.has(op)) out[op] = isValue(value) ? param(value) : op === 'not' ? scalarFilter(value) : value;
      // Each item, not the list: the compiler panics on a placeholder where it expects a list.
      else if (LISTS.has(op) && Array.isArray(value)) out[op] = value.map((item) => (isValue(item) ? param(item) : item));
      else out[op] = value;
    }
    return out;
  };
  const filter = (where: Json, fields: Map<string, Field>): Json => {
    if (Array.isArray(where)) return where.map((w) => filter(w, fields));
    if (!isObject(where) || typeof where.$type === 'string') return where;
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(where)) {
      const field = fields.get(key);
      if (COMBINATORS.has(key)) out[key] = filter(v, fields);
      else if (!field) out[key] = isObject(v) ? filter(v, fields) : v; // a compound unique key: fields of this model
      else if (field.kind === 'object') out[key] = relationFilter(v, all.get(field.type)!);
      else out[key] = parameterField(fields, key) ? scalarFilter(v) : v;
    }
    return out;
  };
  const relationFilter = (v: Json, related: Map<string, Field>): Json => {
    if (!isObject(v)) return v;
    if (!Object.keys(v).every((k) => RELATION_FILTERS.has(k))) return filter(v, related);
    const out: JsonObject = {};
    for (const [op, inner] of Object.entries(v)) out[op] = filter(inner, related);
    return out;
  };
  const data = (d: Json, fields: Map<string, Field>): Json => {
    if (!isObject(d)) return d;
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(d)) {
      // A Json field's value comes as the JSON itself; the compiler writes it into the plan as text.
      if (fields.get(key)?.type === 'Json' && v !== null && typeof v === 'object' && !('$type' in v)) out[key] = param({ $type: 'Json', value: JSON.stringify(v) });
      else out[key] = parameterField(fields, key) && isValue(v) ? param(v) : v;
    }
    return out;
  };
  const fieldQuery = (q: Json, fields: Map<string, Field>, action: string | null): Json => {
    if (!isObject(q)) return q;
    const out: JsonObject = { ...q };
    if (isObject(q.arguments)) {
      const args: JsonObject = { ...q.arguments };
      if ('where' in args) args.where = filter(args.where!, fields);
      if ('cursor' in args) args.cursor = filter(args.cursor!, fields);
      if (action && WRITES.has(action) && 'data' in args) args.data = data(args.data!, fields);
      out.arguments = args;
    }
    if (isObject(q.selection)) {
      const selection: JsonObject = {};
      for (const [key, v] of Object.entries(q.selection)) {
        const field = fields.get(key);
        // Relations, and _count, whose selection names relations of this model.
        selection[key] = isObject(v) && field?.kind === 'object' ? fieldQuery(v, all.get(field.type)!, null)
          : isObject(v) && key === '_count' ? fieldQuery(v, fields, null) : v;
      }
      out.selection = selection;
    }
    return out;
  };
  const fields = typeof query.modelName === 'string' ? all.get(query.modelName) : undefined;
  if (!fields) return { shape: query, values };
  return { shape: { ...query, query: fieldQuery(query.query ?? null, fields, typeof query.action === 'string' ? query.action : null) }, values };
}

/**
 * Raw SQL ($queryRaw): the plan is the SQL with its parameters and their types, which the compiler
 * reads from the values. The shape is the SQL and each parameter's kind (string, 32-bit integer,
 * other number, boolean, null, date); a query with any other kind of value is not cached.
 */
export function parameteriseRaw(query: JsonObject): { shape: JsonObject; values: Json[] } {
  const args = isObject(query.query) && isObject(query.query.arguments) ? query.query.arguments : null;
  const parameters = args && typeof args.parameters === 'string' ? (JSON.parse(args.parameters) as Json) : null;
  if (!args || !Array.isArray(parameters)) return { shape: query, values: [] };
  const kinds = parameters.map(rawKind);
  if (kinds.includes(null)) return { shape: query, values: [] };
  const shape = { ...query, query: { ...query.query as JsonObject, arguments: { ...args, parameters: kinds as Json } } };
  return { shape, values: parameters.map((p) => (isObject(p) ? p.prisma__value! : p)) };
}

function rawKind(value: Json): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value;
  if (typeof value === 'number') return Number.isInteger(value) ? (Math.abs(value) < 2 ** 31 ? 'int' : null) : Number.isFinite(value) ? 'fraction' : null;
  if (isObject(value) && value.prisma__type === 'date' && typeof value.prisma__value === 'string') return 'date';
  return null;
}

/** A raw query's plan with other values: its rawSql node's arguments replaced. */
function rawTemplateOf(plan: Plan, count: number): Template | null {
  const node = plan as { type?: unknown; args?: { type?: unknown; args?: unknown[] } };
  if (node.type !== 'query' || node.args?.type !== 'rawSql' || node.args.args?.length !== count) return null;
  return (values) => ({ ...node, args: { ...node.args, args: values } });
}

/** Makes a plan compiled with placeholders into the plan for given values. */
type Template = (values: Json[]) => Plan;

/**
 * The plan as a template: a function giving a copy with the values where the compiler put the
 * placeholders. Parts without a placeholder are shared between copies (the interpreter only reads
 * a plan), so a use costs a few objects, not a copy of the plan.
 */
export function templateOf(plan: Plan): Template {
  const build = (node: unknown): Template | null => {
    if (Array.isArray(node)) {
      const items = node.map(build);
      return items.some(Boolean) ? (values) => node.map((item, i) => (items[i] ? items[i]!(values) : item)) : null;
    }
    if (node === null || typeof node !== 'object') return null;
    const record = node as Record<string, unknown>;
    if (record.prisma__type === 'param') {
      const name = (record.prisma__value as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string' && name.startsWith(PREFIX)) {
        const index = Number(name.slice(PREFIX.length));
        return (values) => literal(values[index]!);
      }
    }
    const fields = Object.keys(record).map((key) => [key, build(record[key])] as const).filter(([, b]) => b);
    if (fields.length === 0) return null;
    return (values) => {
      const out = { ...record };
      for (const [key, b] of fields) out[key] = b!(values);
      return out;
    };
  };
  const template = build(plan);
  return template ?? (() => plan);
}

/** How the compiler writes a value of the JSON protocol into a plan it compiled with the value itself. */
function literal(value: Json): Json {
  return isObject(value) && (value.$type === 'DateTime' || value.$type === 'Json') ? value.value! : value;
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** compile(), through the cache. */
export function cachedCompile(compiler: Compiler, original: (query: string) => Plan, text: string): Plan {
  if (mode === 'off') return original.call(compiler, text);
  const query = JSON.parse(text) as JsonObject;
  const { shape, values } = typeof query.modelName === 'string' ? parameterise(query) : parameteriseRaw(query);
  const key = JSON.stringify(shape);
  let cache = caches.get(compiler);
  if (!cache) caches.set(compiler, (cache = new Map()));
  const cached = cache.get(key);
  if (cached === null) {
    planCacheStats.uncacheable++;
    return original.call(compiler, text);
  }
  if (cached !== undefined && cached !== SEEN) {
    planCacheStats.hits++;
    // Least recently used goes first when the cache is full.
    cache.delete(key);
    cache.set(key, cached);
    const plan = cached(values);
    if (mode === 'verify') verify(compiler, original, text, plan, key);
    return plan;
  }
  planCacheStats.misses++;
  const direct = original.call(compiler, text);
  // A shape seen once may never come again (a list's length, a one-off write): it is compiled with
  // placeholders, and checked, only when it does, so a one-off costs what it did without the cache.
  if (cached === undefined && mode === 'on') {
    remember(cache, key, SEEN);
    return direct;
  }
  let template: Template | null = null;
  try {
    template = typeof query.modelName === 'string' ? templateOf(original.call(compiler, key)) : rawTemplateOf(direct, values.length);
  } catch {
    // The compiler refused a placeholder somewhere: this shape is compiled the ordinary way.
  }
  // A plan that differs is no error: the compiler looked at a value (an upsert does) and the shape
  // is compiled every time, as without the cache.
  const same = template !== null && isDeepStrictEqual(template(values), direct);
  remember(cache, key, same ? template : null);
  return direct;
}

function remember(cache: Map<string, Entry>, key: string, entry: Entry) {
  if (cache.size >= MAX_SHAPES && !cache.has(key)) cache.delete(cache.keys().next().value!);
  cache.set(key, entry);
}

function verify(compiler: Compiler, original: (query: string) => Plan, text: string, plan: Plan, key: string) {
  planCacheStats.verified++;
  if (!isDeepStrictEqual(plan, original.call(compiler, text))) throw new PlanCacheMismatch(key);
}

export class PlanCacheMismatch extends Error {
  constructor(shape: string) {
    super(`The cached query plan differs from the compiled one for this shape: ${shape.slice(0, 2000)}`);
  }
}

/** Routes the query compiler's compile() through the cache (once per process). */
export async function installPlanCache() {
  const runtime = (await import('@prisma/client/runtime/query_compiler_bg.postgresql.mjs' as string)) as {
    QueryCompiler: { prototype: Compiler & { [installed]?: true } };
  };
  const proto = runtime.QueryCompiler.prototype;
  if (proto[installed]) return;
  const original = proto.compile;
  proto.compile = function compile(this: Compiler, text: string) {
    return cachedCompile(this, original, text);
  };
  proto[installed] = true;
}
