// deploy/k8s cannot be applied here (no cluster, no kubectl), so this renders each overlay with the kustomize
// subset in ./kustomize.ts and checks what a cluster would check: every built-in object against the Kubernetes
// schemas (kubernetes-models), the Strimzi and CloudNativePG resources against the schemas in deploy/k8s/schemas,
// and what ties them together (probes, ports, selectors, topics, references).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { PUBLISHERS, TOPICS, dlqTopicOf } from '@giftflow/contracts';
import { APPS, ROOT } from '../../scripts/apps';
import { K8sObject, build, containersOf, groupOf, merge } from './kustomize';

const K8S = path.join(ROOT, 'deploy', 'k8s');
const OVERLAYS = ['province', 'national'] as const;
const SERVICES = APPS.filter((a) => a.name !== 'gateway');

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const SCHEMAS = new Map(
  readdirSync(path.join(K8S, 'schemas')).map((file) => {
    const schema = JSON.parse(readFileSync(path.join(K8S, 'schemas', file), 'utf8')) as { properties: { apiVersion: { const: string }; kind: { const: string } } };
    return [`${schema.properties.apiVersion.const}/${schema.properties.kind.const}`, ajv.compile(schema)] as const;
  }),
);

/** The kubernetes-models class of a built-in object, e.g. apps/v1 Deployment. */
function builtInModel(o: K8sObject): (new (data: unknown) => { validate(): void }) | undefined {
  const group = groupOf(o.apiVersion);
  const version = o.apiVersion.split('/').pop()!;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`) as Record<string, any>;
  return module[o.kind];
}

/** '' when the object is valid, else why not. */
function problemsOf(o: K8sObject): string {
  const custom = SCHEMAS.get(`${o.apiVersion}/${o.kind}`);
  if (custom) return (custom as (data: unknown) => boolean)(o) ? '' : ajv.errorsText(custom.errors, { dataVar: `${o.kind} ${o.metadata.name}` });
  if (o.apiVersion.includes('.') && !o.apiVersion.includes('k8s.io')) return `${o.apiVersion} ${o.kind}: no schema in deploy/k8s/schemas`;
  const Model = builtInModel(o);
  if (!Model) return `${o.apiVersion} ${o.kind}: not a Kubernetes kind`;
  try {
    new Model(o).validate();
    return '';
  } catch (error) {
    return `${o.kind} ${o.metadata.name}: ${(error as Error).message}`;
  }
}

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  const objects = build(path.join(K8S, 'overlays', overlay));
  const all = (kind: string) => objects.filter((o) => o.kind === kind) as any[];
  const one = (kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name) as any;
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found;
  };

  it('renders objects with unique kinds and names, all in the overlay namespace, labelled as giftflow', () => {
    const ids = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(ids).size).toBe(ids.length);
    const namespaces = new Set(objects.map((o) => o.metadata.namespace));
    expect(namespaces.size).toBe(1);
    expect([...namespaces][0]).toMatch(/^giftflow/);
    for (const o of objects) expect(o.metadata.labels).toMatchObject({ 'app.kubernetes.io/part-of': 'giftflow', 'giftflow.org/deployment': overlay });
  });

  it('validates every object: built-in kinds against the Kubernetes schemas, Strimzi and CloudNativePG against deploy/k8s/schemas', () => {
    expect(objects.map(problemsOf).filter(Boolean)).toEqual([]);
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set(['Kafka', 'KafkaNodePool', 'KafkaTopic', 'Cluster', 'Database', 'ConfigMap', 'Secret', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress']),
    );
  });

  describe.each(APPS.map((a) => [a.name, a] as const))('%s', (name, app) => {
    it('has a Deployment whose pods run the one image as APP, on its port, ready on /health and live on /health/live', () => {
      const deployment = one('Deployment', name);
      expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
      expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.image).toBe('registry.example.org/giftflow:0.1.0');
      expect(container.env).toEqual(expect.arrayContaining([{ name: 'APP', value: name }, { name: 'PORT', value: String(app.port) }]));
      expect(container.ports).toEqual([{ name: 'http', containerPort: app.port }]);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      const sources = container.envFrom.map((e: any) => e.configMapRef?.name ?? e.secretRef?.name);
      expect(sources).toEqual(expect.arrayContaining(['giftflow-config', 'giftflow-database', 'giftflow-token-verification-keys']));
      expect(sources.includes('giftflow-gateway-keys')).toBe(name === 'gateway'); // only the gateway signs
      for (const ref of container.envFrom) {
        if (ref.configMapRef) one('ConfigMap', ref.configMapRef.name);
        if (ref.secretRef) one('Secret', ref.secretRef.name);
      }
    });

    it('has a Service on its port, a HorizontalPodAutoscaler of its Deployment and a PodDisruptionBudget of its pods', () => {
      const pods = one('Deployment', name).spec.template.metadata.labels;
      const service = one('Service', name);
      expect(service.spec.ports).toEqual([{ name: 'http', port: app.port, targetPort: 'http' }]);
      expect(pods).toMatchObject(service.spec.selector);
      const hpa = one('HorizontalPodAutoscaler', name);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(pods).toMatchObject(one('PodDisruptionBudget', name).spec.selector.matchLabels);
    });
  });

  it('scales no consumer group past its partitions: a service never gets more replicas than the smallest event topic has partitions', () => {
    const partitions = Math.min(...all('KafkaTopic').filter((t) => !t.spec.topicName.endsWith('.dlq')).map((t) => t.spec.partitions));
    for (const app of SERVICES) expect(one('HorizontalPodAutoscaler', app.name).spec.maxReplicas).toBeLessThanOrEqual(partitions);
    expect(Number(one('ConfigMap', 'giftflow-config').data.KAFKA_PARTITIONS)).toBe(partitions);
  });

  it("never opens more database connections than PostgreSQL allows, every service at its autoscaler's ceiling", () => {
    const pool = Number(one('ConfigMap', 'giftflow-config').data.DATABASE_POOL_SIZE);
    const ceiling = SERVICES.reduce((n, app) => n + one('HorizontalPodAutoscaler', app.name).spec.maxReplicas * pool, 0);
    const allowed = Number(all('Cluster')[0].spec.postgresql.parameters.max_connections);
    expect(ceiling).toBeLessThanOrEqual(allowed - 20); // room for the operator, backups and a psql
  });

  it('runs Kafka in KRaft mode with node pools of this cluster that hold controllers and brokers', () => {
    const [kafka] = all('Kafka');
    expect(all('Kafka')).toHaveLength(1);
    const pools = all('KafkaNodePool');
    for (const pool of pools) expect(pool.metadata.labels['strimzi.io/cluster']).toBe(kafka.metadata.name);
    const roles = pools.flatMap((p) => p.spec.roles);
    expect(roles).toEqual(expect.arrayContaining(['controller', 'broker']));
    const controllers = pools.filter((p) => p.spec.roles.includes('controller')).reduce((n, p) => n + p.spec.replicas, 0);
    expect(controllers % 2).toBe(1); // a quorum
    expect(kafka.spec.kafka.config['auto.create.topics.enable']).toBe(false);
    expect(one('ConfigMap', 'giftflow-config').data.KAFKA_BROKERS).toBe(`${kafka.metadata.name}-kafka-bootstrap:9092`);
  });

  it('has a KafkaTopic for every topic of libs/contracts and its DLQ, kept forever', () => {
    const kafka = all('Kafka')[0];
    const topics = all('KafkaTopic');
    expect(topics.map((t) => t.spec.topicName).sort()).toEqual(PUBLISHERS.flatMap((p) => [TOPICS[p], dlqTopicOf(TOPICS[p])]).sort());
    for (const topic of topics) {
      expect(topic.metadata.labels['strimzi.io/cluster']).toBe(kafka.metadata.name);
      expect(topic.spec.config['retention.ms']).toBe(-1);
      expect(topic.spec.replicas).toBe(3);
    }
  });

  it('runs PostgreSQL with CloudNativePG, one Database per app (the gateway\'s holds the users), and points the apps at its read-write service', () => {
    const [cluster] = all('Cluster');
    expect(all('Cluster')).toHaveLength(1);
    expect(all('Database').map((d) => d.spec.name).sort()).toEqual(APPS.map((a) => `giftflow_${a.name}`).sort());
    for (const database of all('Database')) expect(database.spec.cluster.name).toBe(cluster.metadata.name);
    one('Secret', cluster.spec.bootstrap.initdb.secret.name);
    const url = new URL(one('Secret', 'giftflow-database').stringData.DATABASE_URL);
    expect(url.hostname).toBe(`${cluster.metadata.name}-rw`);
    expect(url.username).toBe(cluster.spec.bootstrap.initdb.owner);
  });

  it("sends the Ingress to the gateway's Service port", () => {
    const backend = one('Ingress', 'gateway').spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe('gateway');
    expect(one('Service', 'gateway').spec.ports.map((p: any) => p.name)).toContain(backend.port.name);
  });

  it('points the gateway and inventory at the services by their Service names and ports', () => {
    const config = one('ConfigMap', 'giftflow-config').data;
    for (const app of SERVICES) expect(config[`${app.name.toUpperCase()}_URL`]).toBe(`http://${app.name}:${app.port}`);
  });
});

describe('what the overlays change', () => {
  const province = build(path.join(K8S, 'overlays', 'province'));
  const national = build(path.join(K8S, 'overlays', 'national'));
  const find = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as any;

  it('national: 24 partitions per event topic, dedicated controller and broker pools, 3 PostgreSQL instances, bigger consumers', () => {
    expect(find(national, 'KafkaTopic', 'donors-events').spec.partitions).toBe(24);
    expect(find(national, 'KafkaTopic', 'donors-events-dlq').spec.partitions).toBe(6);
    expect(find(national, 'KafkaNodePool', 'combined').spec.roles).toEqual(['controller']);
    expect(find(national, 'KafkaNodePool', 'brokers').spec).toMatchObject({ roles: ['broker'], replicas: 6 });
    expect(find(national, 'Cluster', 'giftflow-pg').spec.instances).toBe(3);
    const container = find(national, 'Deployment', 'reporting').spec.template.spec.containers[0];
    expect(container.resources.requests.cpu).toBe('1');
    expect(container.readinessProbe.httpGet.path).toBe('/health'); // the strategic merge kept the rest of the container
    expect(find(national, 'HorizontalPodAutoscaler', 'reporting').spec.maxReplicas).toBe(24);
  });

  it('province: the base sizes, its own host', () => {
    expect(find(province, 'KafkaTopic', 'donors-events').spec.partitions).toBe(6);
    expect(find(province, 'KafkaNodePool', 'combined').spec.roles).toEqual(['controller', 'broker']);
    expect(find(province, 'Ingress', 'gateway').spec.rules[0].host).toBe('giftflow.province.example.org');
  });
});

describe('the checks can fail', () => {
  const base = build(path.join(K8S, 'overlays', 'province'));
  const copy = (kind: string, name: string) => structuredClone(base.find((o) => o.kind === kind && o.metadata.name === name)!) as any;

  it('kubernetes-models refuses a malformed Deployment', () => {
    const deployment = copy('Deployment', 'donors');
    deployment.spec.replicas = 'two';
    expect(problemsOf(deployment)).toMatch(/replicas/);
    const noSelector = copy('Deployment', 'donors');
    delete noSelector.spec.selector;
    expect(problemsOf(noSelector)).toMatch(/selector/);
  });

  it('the project schemas refuse a ZooKeeper Kafka, a misspelt field and a topic without its cluster', () => {
    const kafka = copy('Kafka', 'giftflow');
    kafka.spec.zookeeper = { replicas: 3 };
    expect(problemsOf(kafka)).not.toBe('');
    const pool = copy('KafkaNodePool', 'combined');
    pool.spec.role = ['broker'];
    expect(problemsOf(pool)).toMatch(/additional properties/);
    const topic = copy('KafkaTopic', 'donors-events');
    delete topic.metadata.labels['strimzi.io/cluster'];
    expect(problemsOf(topic)).toMatch(/strimzi\.io\/cluster/);
    const cluster = copy('Cluster', 'giftflow-pg');
    cluster.spec.instances = 0;
    expect(problemsOf(cluster)).toMatch(/instances/);
  });
});

describe('tests/k8s/kustomize.ts', () => {
  it('strategic merge: built-in lists of named elements merge by name, custom resources replace lists', () => {
    const containers = { spec: { containers: [{ name: 'app', image: 'x', env: [{ name: 'A', value: '1' }] }] } };
    expect(merge(containers, { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: '2' }] }] } }, true)).toEqual({
      spec: { containers: [{ name: 'app', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] },
    });
    expect(merge({ roles: ['controller', 'broker'], n: 1 }, { roles: ['controller'] }, false)).toEqual({ roles: ['controller'], n: 1 });
    expect(merge({ a: 1, b: 2 }, { b: null }, true)).toEqual({ a: 1 });
  });

  it('every overlay and the base are rendered from deploy/k8s without unsupported fields', () => {
    expect(() => build(path.join(K8S, 'base'))).not.toThrow();
    expect(containersOf(build(path.join(K8S, 'base'))).map((c) => c.image)).toEqual(APPS.map(() => 'giftflow:latest'));
  });
});
