/**
 * The JSON Schema of claimlint.config.yaml. Its validator is compiled ahead
 * of time into src/engine/load/generated/config.ts (npm run generate).
 */
const severitySetting = { enum: ['off', 'info', 'warning', 'error'] };
const ruleSetting = {
  oneOf: [
    severitySetting,
    {
      type: 'object',
      additionalProperties: false,
      properties: { severity: severitySetting, options: { type: 'object' } },
    },
  ],
  description: 'must be off, info, warning or error, or a mapping with severity and options',
};
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };
const aliasMap = { type: 'object', additionalProperties: stringList };

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  properties: {
    files: stringList,
    ignores: stringList,
    content: stringList,
    ruleFolders: stringList,
    rules: { type: 'object', additionalProperties: ruleSetting },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        required: ['files', 'rules'],
        additionalProperties: false,
        properties: { files: stringList, rules: { type: 'object', additionalProperties: ruleSetting } },
      },
    },
    vocabulary: {
      type: 'object',
      additionalProperties: false,
      properties: {
        subjects: aliasMap,
        properties: aliasMap,
        terms: aliasMap,
        categories: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { synonyms: stringList, broader: stringList },
          },
        },
      },
    },
  },
} as const;
