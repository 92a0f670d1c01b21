/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
    ['strict', '🔒'],
    ['strict-type-checked', '🔐'],
  ],
  ignoreConfig: ['all', 'disable-type-checked'],
  ruleDocSectionInclude: ['Examples', 'Fix safety', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/torch2tf/eslint-plugin-torch2tf#configs',
  pathRuleList: 'README.md',
};
export default config;
