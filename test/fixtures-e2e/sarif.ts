// SARIF 2.1.0 validation with ajv. The schema (sarif-2.1.0-rtm.5.json, the 2.1.0 schema as shipped
// by the npm package @microsoft/jest-sarif@1.0.0-beta.0, MIT) is vendored next to this file. It is
// written in JSON Schema draft-04, which ajv 8 does not load as such; the only draft-04-specific
// keywords it uses are `$schema` and `id` (no boolean exclusiveMinimum/Maximum), so we drop the
// former and rename the latter to `$id` and validate with ajv's default draft-07 dialect.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

export function sarifValidator(): (log: unknown) => ErrorObject[] {
  const schema = JSON.parse(readFileSync(new URL('./sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  schema['$id'] = schema['id'];
  delete schema['id'];
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]` that the `u` flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : [...(validate.errors ?? [])]);
}
