import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { EVENT_DEFINITIONS } from '../registry';

/**
 * Renders docs/events.md from the schemas themselves, so the event documentation cannot drift from the
 * contracts (a unit test compares the file with this output; `npm run docs:events` rewrites it).
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxLength?: number;
  description?: string;
};

function describe(schema: JsonSchema): string {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(describe).join(' \\| ');
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.type === 'null') return 'null';
  if (schema.type === 'array') return `array of ${schema.items?.type === 'object' ? 'objects' : describe(schema.items ?? {})}${schema.minItems ? ` (≥${schema.minItems})` : ''}`;
  if (schema.format === 'uuid') return 'uuid';
  if (schema.format === 'date') return 'date (YYYY-MM-DD)';
  if (schema.format === 'date-time') return 'date-time (ISO, UTC)';
  if (schema.type === 'integer') {
    const min = schema.exclusiveMinimum !== undefined ? ` > ${schema.exclusiveMinimum}` : schema.minimum !== undefined ? ` ≥ ${schema.minimum}` : '';
    return `integer${min}`;
  }
  if (schema.type === 'string' && schema.pattern) return `string \`${schema.pattern.replaceAll('|', '\\|')}\``;
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
}

/** One row per field, nested objects and arrays of objects flattened as `lines[].quantity`. */
function rows(schema: JsonSchema, path = ''): string[] {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.every((v) => v.type === 'object')) {
    return variants.flatMap((v, i) => [`| *variant ${i + 1}* | | |`, ...rows(v, path)]);
  }
  const out: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const key = path ? `${path}.${name}` : name;
    const required = schema.required?.includes(name) ? 'yes' : 'no';
    out.push(`| \`${key}\` | ${describe(field)} | ${required} |`);
    const nested = field.type === 'array' ? field.items : field;
    if (nested?.type === 'object' || nested?.anyOf || nested?.oneOf) out.push(...rows(nested, field.type === 'array' ? `${key}[]` : key));
  }
  return out;
}

export function renderEventCatalogue(): string {
  const table = (schema: JsonSchema) => ['| field | type | required |', '|---|---|---|', ...rows(schema)].join('\n');
  const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const sections = EVENT_DEFINITIONS.map((d) =>
    [`### ${d.type} v${d.version}`, '', `Published by **${d.source}** on \`${d.topic}\`, keyed by its aggregate id.`, '', table(toSchema(d.payload))].join('\n'),
  );
  return [
    '# Events',
    '',
    '<!-- Generated from libs/contracts by `npm run docs:events`; a unit test fails when this file is out of date. -->',
    '',
    'Every message on a topic is one JSON envelope; its `payload` follows the contract of its `type` and `version`.',
    'Events are validated when they are published and when they are consumed (an invalid one goes to `<topic>.dlq`).',
    'A new optional field keeps the version; any other change is a new version, published side by side.',
    '',
    '## Envelope',
    '',
    table(toSchema(envelopeSchema)),
    '',
    '## Contracts',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
