import fs from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The JSON Schema of a court package's case.json (docs/court-package-case.schema.json), for tests: as published (open —
 * a 1.x reader ignores what it does not know) and closed (s60 fixC: every object the schema describes refuses a
 * property it does not declare, so that a property case.json gains without the schema fails the test that validates it).
 */
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
type Json = Record<string, unknown>;

export const publishedCaseSchema = (): Json =>
  JSON.parse(fs.readFileSync(new URL('../../docs/court-package-case.schema.json', import.meta.url), 'utf8')) as Json;

/**
 * The schema closed: `unevaluatedProperties: false` on every object schema that lists `properties`, on every `allOf`
 * holder and beside every `$ref` to the award definition outside an `allOf` (a `$defs` root is closed where it is used,
 * so that `partialAwards[]` may add `setAside` to the award it refers to).
 */
export function closedCaseSchema(schema: Json = publishedCaseSchema()): Json {
  const walk = (node: unknown, inAllOf: boolean, defRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, false, false));
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$defs') out[k] = Object.fromEntries(Object.entries(v as Json).map(([name, d]) => [name, walk(d, false, true)]));
      else if (k === 'allOf') out[k] = (v as unknown[]).map((n) => walk(n, true, false));
      else if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Json).map(([name, d]) => [name, walk(d, false, false)]));
      else out[k] = walk(v, false, false);
    }
    const o = node as Json;
    if (!inAllOf && !defRoot && (o.properties || o.allOf || o.$ref === '#/$defs/award')) out.unevaluatedProperties = false;
    return out;
  };
  return walk(schema, false, false) as Json;
}

export function caseSchemaValidator(schema: Json) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** The closed schema's validator, compiled once. */
let closedOnce: ReturnType<typeof caseSchemaValidator> | null = null;
export const closedCaseJsonValidator = () => {
  closedOnce ??= caseSchemaValidator(closedCaseSchema());
  return closedOnce;
};
