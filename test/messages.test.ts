// Every rule message, as a user reads it (placeholders filled with typical values, see
// test/message-length.ts), says what is wrong and what to do in one or two sentences of at most
// MESSAGE_LIMIT characters. The measured detail belongs in docs/rules/<rule>.md. New rules obey
// this automatically: the test walks plugin.rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPTIMIZER_PARAMS } from '../src/facts/tfjs-options.js';
import { MISSING_EFFECT, NO_EQUIVALENT, OPTIMIZER_NO_EQUIVALENT, SILENT_POSITIONAL } from '../src/facts/torch-option-names.js';
import { IN_PLACE_ADVICE, TORCH_TENSOR_METHODS, TORCH_TENSOR_PROPERTIES } from '../src/facts/torch-tensor-api.js';
import plugin from '../src/index.js';
import { fill, MESSAGE_LIMIT, measuredMessages } from './message-length.js';

/** Sentences outside code spans and quotes: a full stop, `!` or `?` followed by a space or the end. */
function sentences(message: string): number {
  const prose = message.replace(/`[^`]*`/g, 'C').replace(/"[^"]*"/g, 'Q');
  return (prose.match(/[.!?](?=\s|$)/g) ?? []).length || 1;
}

describe('rule messages', () => {
  const all = measuredMessages();

  it('covers every message of every rule', () => {
    const expected = Object.values(plugin.rules).reduce((n, r) => n + Object.keys((r as { meta: { messages: object } }).meta.messages).length, 0);
    assert.equal(all.length, expected);
    assert.ok(all.length > 50, `only ${all.length} messages measured`);
  });

  for (const m of all) {
    it(`${m.rule}.${m.id}: at most ${MESSAGE_LIMIT} characters, one or two sentences`, () => {
      assert.deepEqual(m.missing, [], `add a typical value for {{${m.missing.join('}}, {{')}}} to TYPICAL in test/message-length.ts`);
      assert.ok(m.filled.length <= MESSAGE_LIMIT, `${m.filled.length} characters: ${m.filled}`);
      assert.ok(sentences(m.filled) <= 2, `${sentences(m.filled)} sentences: ${m.filled}`);
      assert.doesNotMatch(m.template, /FINDINGS/);
    });
  }

  // The data tables whose text is spliced into a message: every entry, not just a typical one.
  it('no-torch-tensor-api: every advice entry keeps its message within the limit', () => {
    const messages = (plugin.rules['no-torch-tensor-api'] as { meta: { messages: Record<string, string> } }).meta.messages;
    const long: string[] = [];
    for (const [method, entry] of TORCH_TENSOR_METHODS) {
      const { filled } = fill('no-torch-tensor-api', messages['missingMethod']!, { method, advice: entry.advice });
      if (filled.length > MESSAGE_LIMIT) long.push(`${filled.length}: ${filled}`);
    }
    for (const [property, entry] of TORCH_TENSOR_PROPERTIES) {
      const { filled } = fill('no-torch-tensor-api', messages['missingProperty']!, { property, advice: entry.advice });
      if (filled.length > MESSAGE_LIMIT) long.push(`${filled.length}: ${filled}`);
    }
    for (const [method, advice] of IN_PLACE_ADVICE) {
      const { filled } = fill('no-torch-tensor-api', messages['inPlace']!, { method, advice });
      if (filled.length > MESSAGE_LIMIT) long.push(`${filled.length}: ${filled}`);
    }
    assert.deepEqual(long, []);
  });

  const messagesOf = (rule: string): Record<string, string> => (plugin.rules[rule as keyof typeof plugin.rules] as { meta: { messages: Record<string, string> } }).meta.messages;
  const tooLong = (rule: string, id: string, values: Record<string, string>, long: string[]): void => {
    const { filled, missing } = fill(rule, messagesOf(rule)[id]!, values);
    if (filled.length > MESSAGE_LIMIT || missing.length > 0) long.push(`${filled.length}: ${filled}`);
  };

  it('no-optimizer-options-object: every optimizer with every no-equivalent key keeps its message within the limit', () => {
    const long: string[] = [];
    for (const [name, params] of Object.entries(OPTIMIZER_PARAMS)) {
      const paramText = params.map((p) => p.name).join(', ');
      for (const effect of ['every weight turns NaN after the first step', 'the first training step throws']) {
        const advices = [...Object.entries(OPTIMIZER_NO_EQUIVALENT).map(([key, advice]) => `\`${key}\`: ${advice}.`), `Pass the values positionally (${paramText}).`];
        for (const advice of advices) tooLong('no-optimizer-options-object', 'optionsObjectNoFix', { name, effect, advice }, long);
      }
    }
    assert.deepEqual(long, []);
  });

  it('no-unknown-options: every effect and advice entry keeps its message within the limit', () => {
    const long: string[] = [];
    for (const [to, effect] of Object.entries(MISSING_EFFECT)) tooLong('no-unknown-options', 'renamed', { effect, to: `\`${to}\`` }, long);
    for (const [key, { advice }] of Object.entries(NO_EQUIVALENT)) tooLong('no-unknown-options', 'noEquivalent', { key, advice }, long);
    for (const [factory, { effect }] of Object.entries(SILENT_POSITIONAL)) tooLong('no-unknown-options', 'positional', { callee: `${factory}()`, effect: effect ?? 'every option keeps its default' }, long);
    assert.deepEqual(long, []);
  });
});
