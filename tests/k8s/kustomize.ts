// The subset of kustomize that deploy/k8s uses, so its test can render the overlays without kubectl (none here).
// Supported, with kustomize's meaning: `resources` (files, and folders with a kustomization.yaml), `namespace`,
// `labels` (pairs, includeSelectors, includeTemplates), `images` (newName, newTag), `patches` (a strategic-merge
// patch, or a JSON 6902 list of add/replace/remove, by `path` or inline `patch`, with an optional `target` of
// kind, name (a regular expression), labelSelector). Any other field fails the build, so a kustomization that
// starts using one is not rendered wrongly in silence.
//
// Strategic merge as kustomize applies it: maps merge key by key; in built-in kinds a list of objects that all
// have a `name` (containers, env, ports, volumes…) merges element by element by name; any other list, and every
// list in a custom resource (kustomize knows no schema for them), is replaced.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface Target {
  kind?: string;
  name?: string;
  labelSelector?: string;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path?: string; patch?: string; target?: Target }[];
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const BUILT_IN_GROUPS = new Set(['', 'apps', 'autoscaling', 'policy', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io']);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

type Json = unknown;
const isMap = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

function readDocuments(file: string): Json[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    return doc.toJS() as Json;
  }).filter((d) => d !== null);
}

/** Renders the kustomization in `dir` (a folder holding kustomization.yaml) to its objects. */
export function build(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir} has no kustomization.yaml`);
  const k = readDocuments(file)[0] as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: ${unsupported.join(', ')} not supported by tests/k8s/kustomize.ts`);

  let objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const at = path.resolve(dir, resource);
    objects.push(...(statSync(at).isDirectory() ? build(at) : (readDocuments(at) as K8sObject[])));
  }
  for (const o of objects) {
    if (!o?.apiVersion || !o.kind || !o.metadata?.name) throw new Error(`${dir}: an object without apiVersion, kind or metadata.name`);
  }
  objects = structuredClone(objects);

  for (const patch of k.patches ?? []) applyPatch(objects, patch.path ? readFileSync(path.resolve(dir, patch.path), 'utf8') : patch.patch ?? '', patch.target, `${file} patch ${patch.path ?? JSON.stringify(patch.target)}`);
  if (k.namespace) for (const o of objects) o.metadata.namespace = k.namespace;
  for (const { pairs, includeSelectors, includeTemplates } of k.labels ?? []) {
    if (includeSelectors) throw new Error(`${file}: labels.includeSelectors is not supported`);
    for (const o of objects) {
      o.metadata.labels = { ...o.metadata.labels, ...pairs };
      const template = (o.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template;
      if (includeTemplates && WORKLOADS.has(o.kind) && template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...pairs } };
    }
  }
  for (const image of k.images ?? []) {
    for (const container of containersOf(objects)) {
      const [name, tag] = splitImage(container.image);
      if (name !== image.name) continue;
      container.image = `${image.newName ?? name}${image.newTag ?? tag ? `:${image.newTag ?? tag}` : ''}`;
    }
  }
  return objects;
}

function splitImage(image: string): [string, string | undefined] {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/') ? [image.slice(0, at), image.slice(at + 1)] : [image, undefined];
}

export function containersOf(objects: K8sObject[]): { name: string; image: string; [k: string]: unknown }[] {
  return objects.flatMap((o) => {
    const spec = (o.spec as { template?: { spec?: { containers?: []; initContainers?: [] } } } | undefined)?.template?.spec;
    return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  });
}

function matches(o: K8sObject, target: Target): boolean {
  if (target.kind && o.kind !== target.kind) return false;
  if (target.name && !new RegExp(`^(?:${target.name})$`).test(o.metadata.name)) return false;
  if (target.labelSelector) {
    for (const term of target.labelSelector.split(',')) {
      const [key, value] = term.split('=').map((s) => s.trim());
      if (o.metadata.labels?.[key!] !== value) return false;
    }
  }
  return true;
}

function applyPatch(objects: K8sObject[], text: string, target: Target | undefined, where: string): void {
  const docs = parseAllDocuments(text).map((d) => d.toJS() as Json);
  if (Array.isArray(docs[0])) {
    if (!target) throw new Error(`${where}: a JSON 6902 patch needs a target`);
    const hits = objects.filter((o) => matches(o, target));
    if (hits.length === 0) throw new Error(`${where}: its target matches no object`);
    for (const o of hits) for (const op of docs[0] as Operation[]) applyOperation(o, op, where);
    return;
  }
  if (target && docs.length > 1) throw new Error(`${where}: a patch with a target must be one document`);
  for (const doc of docs as K8sObject[]) {
    const hits = objects.filter((o) => matches(o, target ?? { kind: doc.kind, name: escape(doc.metadata.name) }));
    if (hits.length === 0) throw new Error(`${where}: ${doc.kind} ${doc.metadata?.name} matches no object`);
    for (const o of hits) {
      const builtIn = BUILT_IN_GROUPS.has(groupOf(o.apiVersion));
      const { metadata: _m, apiVersion: _a, kind: _k, ...rest } = doc;
      Object.assign(o, merge(o, rest, builtIn));
    }
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function merge(base: Json, patch: Json, builtIn: boolean): Json {
  if (isMap(base) && isMap(patch)) {
    const out: Record<string, Json> = { ...base };
    for (const [key, value] of Object.entries(patch)) out[key] = value === null ? undefined : key in base ? merge(base[key], value, builtIn) : value;
    for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
    return out;
  }
  const named = (list: Json) => Array.isArray(list) && list.length > 0 && list.every((e) => isMap(e) && typeof e.name === 'string');
  if (builtIn && named(base) && named(patch)) {
    const out = [...(base as Record<string, Json>[])];
    for (const element of patch as Record<string, Json>[]) {
      const at = out.findIndex((e) => e.name === element.name);
      if (at >= 0) out[at] = merge(out[at], element, builtIn) as Record<string, Json>;
      else out.push(element);
    }
    return out;
  }
  return structuredClone(patch);
}

interface Operation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: Json;
}

function applyOperation(o: K8sObject, { op, path: pointer, value }: Operation, where: string): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  let parent: Json = o;
  for (const key of keys) {
    parent = Array.isArray(parent) ? parent[Number(key)] : isMap(parent) ? parent[key] : undefined;
    if (parent === undefined) throw new Error(`${where}: ${pointer} does not exist in ${o.kind} ${o.metadata.name}`);
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (op !== 'add' && !(index in parent)) throw new Error(`${where}: ${pointer} does not exist in ${o.kind} ${o.metadata.name}`);
    if (op === 'add') parent.splice(index, 0, value);
    else if (op === 'replace') parent[index] = value;
    else parent.splice(index, 1);
  } else if (isMap(parent)) {
    if (op !== 'add' && !(last in parent)) throw new Error(`${where}: ${pointer} does not exist in ${o.kind} ${o.metadata.name}`);
    if (op === 'remove') delete parent[last];
    else parent[last] = value;
  } else {
    throw new Error(`${where}: ${pointer} does not exist in ${o.kind} ${o.metadata.name}`);
  }
}
