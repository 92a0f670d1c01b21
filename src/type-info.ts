/**
 * The one gate for type information. Returns null (never throws) under espree, oxlint, or
 * typescript-eslint without a project, so every rule runs everywhere and types only narrow.
 */
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

export type TypedServices = ParserServicesWithTypeInformation;

export function getTypedServices(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypedServices | null {
  const services = context.sourceCode.parserServices as Partial<TypedServices> | undefined;
  if (!services || !services.program || !services.esTreeNodeToTSNodeMap) return null;
  return services as TypedServices;
}
