#!/usr/bin/env python3
"""Writes the other-module cells of the holder-shape matrix (issue 9, items 4 and 5 across modules).

Each shape is written once as ES modules; the CommonJS and TypeScript variants are derived mechanically
(import -> require, export -> module.exports / exports.x; .js -> .ts), so the three stay the same program.
Run: python3 scripts/gen-module-matrix.py   (rewrites test/fixtures-matrix/<shape>/ for the shapes below)
"""
import json, os, re, shutil

ROOT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures-matrix')

DROPOUT_MODEL = "tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] })"
BN_MODEL = "tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] })"

SHAPES = {
  # an imported factory that returns a Sequential with Dropout
  'module-factory': {
    'positive': {
      'model.js': f"""import * as tf from '@tensorflow/tfjs';

export function createModel() {{
  return {DROPOUT_MODEL};
}}
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import { createModel } from './model.js';

const model = createModel();
const optimizer = tf.train.adam(1e-3);

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}

export function warmup() {
  model.eval(); // expect: no-torch-mode-switch
}
""",
    },
    'lookalike': {
      'model.js': """// brain.js-style network: its own train/run/predict, not a tfjs model
export function createModel() {
  return {
    predict(x) {
      return x.map((v) => v * 2);
    },
    eval() {
      return this;
    },
  };
}
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import { minimize } from 'numeric-optim';
import { createModel } from './model.js';

const model = createModel();
const tfModel = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });
const optimizer = tf.train.adam(1e-3);

export function fitNumbers(x0) {
  model.eval();
  return minimize((x) => model.predict(x)[0], x0);
}

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, tfModel.apply(xs, { training: true })));
}
""",
    },
  },
  # an exported model / optimizer value, used by a file that imports nothing from tfjs
  'module-value': {
    'positive': {
      'model.js': f"""import * as tf from '@tensorflow/tfjs';

export const model = {DROPOUT_MODEL};
export const optimizer = tf.train.adam(1e-3);
""",
      'train.js': """import { model, optimizer } from './model.js';

export function step(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs))); // expect: require-training-flag
}

export function stepWithList(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.apply(xs, { training: true })), model.trainableWeights); // expect: no-misplaced-var-list
}
""",
    },
    'lookalike': {
      'model.js': """// ml5-style wrapper and a numeric optimizer: same method names, not tfjs
export const model = {
  predict(x) {
    return x;
  },
  trainableWeights: [],
};
export const optimizer = {
  minimize(f, x0) {
    return f(x0);
  },
};
""",
      'train.js': """import { model, optimizer } from './model.js';

export function step(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)));
}

export function stepWithList(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)), model.trainableWeights);
}
""",
    },
  },
  # an imported class whose constructor builds a model
  'module-class': {
    'positive': {
      'agent.js': f"""import * as tf from '@tensorflow/tfjs';

export class Agent {{
  constructor() {{
    this.model = {BN_MODEL};
  }}
}}
""",
      'main.js': """import { Agent } from './agent.js';

const agent = new Agent();

export function act(state) {
  agent.model.eval(); // expect: no-torch-mode-switch
  const q = agent.model.predict(state);
  return q.item(); // expect: no-torch-tensor-api
}
""",
    },
    'lookalike': {
      'agent.js': """// A user's own network class with PyTorch-like method names, not tfjs
class TinyNet {
  eval() {
    return this;
  }
  predict(x) {
    return { item: () => x };
  }
}

export class Agent {
  constructor() {
    this.model = new TinyNet();
  }
}
""",
      'main.js': """import { Agent } from './agent.js';

const agent = new Agent();

export function act(state) {
  agent.model.eval();
  const q = agent.model.predict(state);
  return q.item();
}
""",
    },
  },
  # barrels: export * / export {x} from, and an index file
  'module-barrel': {
    'positive': {
      'lib/model.js': f"""import * as tf from '@tensorflow/tfjs';

export function createModel() {{
  return {DROPOUT_MODEL};
}}
""",
      'lib/tensors.js': """import * as tf from '@tensorflow/tfjs';

export const bias = tf.zeros([1]);
""",
      'lib/index.js': """export * from './model.js';
export { bias as offset } from './tensors.js';
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import { createModel, offset } from './lib/index.js';

const model = createModel();
const optimizer = tf.train.sgd(0.1);

export function step(xs, ys) {
  offset.add(1); // expect: no-discarded-tensor
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}
""",
    },
    'lookalike': {
      'lib/model.js': """export function createModel() {
  return { predict: (x) => x };
}
""",
      'lib/tensors.js': """// a numeric library's vector, with its own add()
export const bias = { add: (v) => v };
""",
      'lib/index.js': """export * from './model.js';
export { bias as offset } from './tensors.js';
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import { createModel, offset } from './lib/index.js';

const model = createModel();
const optimizer = tf.train.sgd(0.1);

export function step(xs, ys) {
  offset.add(1);
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs)), false, []);
}
""",
    },
  },
  # export default
  'module-default': {
    'positive': {
      'model.js': f"""import * as tf from '@tensorflow/tfjs';

export default function buildModel() {{
  const model = {BN_MODEL};
  model.compile({{ optimizer: 'adam', loss: 'meanSquaredError' }});
  return model;
}}
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import buildModel from './model.js';

const model = buildModel();
const optimizer = tf.train.adam(1e-3);

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
  model.train(); // expect: no-torch-mode-switch
}
""",
    },
    'lookalike': {
      'model.js': """export default function buildModel() {
  // a user's regression model with its own fit/predict/train
  return { predict: (x) => x, train() {} };
}
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import buildModel from './model.js';

const model = buildModel();
const optimizer = tf.train.adam(1e-3);

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs)));
  model.train();
}
""",
    },
  },
  # item 5 across modules: an exported training function's parameters get their importers' arguments
  'module-parameter': {
    'positive': {
      'train.js': """export function train(model, optimizer, xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs))); // expect: require-training-flag
}
""",
      'model.js': f"""import * as tf from '@tensorflow/tfjs';
import {{ train }} from './train.js';

export class Agent {{
  constructor() {{
    this.model = {DROPOUT_MODEL};
    this.optimizer = tf.train.adam(1e-3);
  }}

  fit(xs, ys) {{
    train(this.model, this.optimizer, xs, ys, tf.losses.meanSquaredError);
  }}
}}
""",
    },
    'lookalike': {
      'train.js': """export function train(model, optimizer, xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)));
}
""",
      'model.js': f"""import * as tf from '@tensorflow/tfjs';
import {{ minimize }} from 'numeric-optim';
import {{ train }} from './train.js';

class TinyNet {{
  predict(x) {{
    return x;
  }}
}}

export class Agent {{
  constructor() {{
    this.model = new TinyNet();
    this.tfModel = {DROPOUT_MODEL};
  }}

  fit(xs, ys) {{
    // a user's own model and a numeric optimizer go through the same helper
    train(this.model, {{ minimize }}, xs, ys, (a, b) => a - b);
  }}
}}
""",
    },
  },
  # an imported helper that runs the forward pass inside an importer's training step
  'module-helper': {
    'positive': {
      'forward.js': """export function forward(model, xs) {
  return model.predict(xs); // expect: require-training-flag
}
""",
      'train.js': f"""import * as tf from '@tensorflow/tfjs';
import {{ forward }} from './forward.js';

const model = {DROPOUT_MODEL};
const optimizer = tf.train.adam(1e-3);

export function step(xs, ys) {{
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, forward(model, xs)));
}}
""",
    },
    'lookalike': {
      'forward.js': """export function forward(model, xs) {
  return model.predict(xs);
}
""",
      'train.js': f"""import * as tf from '@tensorflow/tfjs';
import {{ forward }} from './forward.js';

const model = {DROPOUT_MODEL};
const optimizer = tf.train.adam(1e-3);

export function evaluate(xs) {{
  // inference outside any training step: predict() is right here
  return forward(model, xs);
}}

export function step(xs, ys) {{
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, {{ training: true }})));
}}
""",
    },
  },
  # freezing an imported model: after compile(), and in a step without a var list
  'module-freeze': {
    'positive': {
      'model.js': """import * as tf from '@tensorflow/tfjs';

export function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dense({ units: 1 })] });
}

export function createFrozenModel() {
  // a frozen feature layer, marked in its constructor
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4], trainable: false }), tf.layers.dense({ units: 1 })] });
}
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import { createModel, createFrozenModel } from './model.js';

export async function fineTune(xs, ys) {
  const model = createModel();
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  model.layers[1].trainable = false; // expect: no-trainable-after-compile
  await model.fit(xs, ys);
}

export function customStep(xs, ys) {
  const model = createFrozenModel();
  const optimizer = tf.train.adam(1e-3);
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true }))); // expect: require-var-list-when-frozen
}
""",
    },
    'lookalike': {
      'model.js': """// a user's layer stack with its own trainable flags and compile/fit
export function createModel() {
  const layers = [{ trainable: true }];
  return { layers, compile() {}, fit: async () => null, apply: (x) => x };
}
""",
      'train.js': """import * as tf from '@tensorflow/tfjs';
import { createModel } from './model.js';

export async function fineTune(xs, ys) {
  const model = createModel();
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  model.layers[0].trainable = false;
  await model.fit(xs, ys);
}

export function customStep(xs, ys) {
  const model = createModel();
  const optimizer = tf.train.adam(1e-3);
  model.layers[0].trainable = false;
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true })));
}
""",
    },
  },
}

def to_cjs(text):
    exports = []
    out = []
    for line in text.split('\n'):
        m = re.match(r"import \* as (\w+) from '([^']+)';", line)
        if m: out.append(f"const {m[1]} = require('{m[2]}');"); continue
        m = re.match(r"import \{ ([^}]+) \} from '([^']+)';", line)
        if m: out.append(f"const {{ {m[1].replace(' as ', ': ')} }} = require('{m[2]}');"); continue
        m = re.match(r"import (\w+) from '([^']+)';", line)
        if m: out.append(f"const {m[1]} = require('{m[2]}');"); continue
        m = re.match(r"export \* from '([^']+)';", line)
        if m: exports.append(('spread', m[1])); continue
        m = re.match(r"export \{ (\w+) as (\w+) \} from '([^']+)';", line)
        if m: exports.append(('from', m[2], m[3], m[1])); continue
        m = re.match(r"export default function (\w+)", line)
        if m: exports.append(('default', m[1])); out.append(line.replace('export default ', '')); continue
        m = re.match(r"export (?:async function|function|const|class) (\w+)", line)
        if m: exports.append(('named', m[1])); out.append(line.replace('export ', '', 1)); continue
        out.append(line)
    body = '\n'.join(out).rstrip('\n') + '\n'
    if any(e[0] == 'default' for e in exports):
        body += f"module.exports = {[e for e in exports if e[0]=='default'][0][1]};\n"
    elif any(e[0] == 'spread' for e in exports):
        parts = [f"...require('{e[1]}')" for e in exports if e[0] == 'spread'] + [f"{e[1]}: require('{e[2]}').{e[3]}" for e in exports if e[0] == 'from']
        body += 'module.exports = { ' + ', '.join(parts) + ' };\n'
    else:
        for e in exports:
            if e[0] == 'named': body += f"exports.{e[1]} = {e[1]};\n"
            if e[0] == 'from': body += f"exports.{e[1]} = require('{e[2]}').{e[3]};\n"
    return body

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f: f.write(text)

for shape, cases in SHAPES.items():
    base = os.path.join(ROOT, shape)
    shutil.rmtree(base, ignore_errors=True)
    for case, files in cases.items():
        for variant in ('esm', 'cjs', 'ts'):
            d = os.path.join(base, variant, case)
            if variant != 'ts':
                write(os.path.join(d, 'package.json'), json.dumps({'name': 'cell', 'version': '1.0.0', 'type': 'module' if variant == 'esm' else 'commonjs'}) + '\n')
            else:
                write(os.path.join(d, 'package.json'), json.dumps({'name': 'cell', 'version': '1.0.0'}) + '\n')
            for name, text in files.items():
                if variant == 'esm':
                    write(os.path.join(d, name), text)
                elif variant == 'cjs':
                    # CommonJS users write require('./model') without an extension; index files by directory
                    t = to_cjs(text).replace("/index.js'", "'").replace(".js'", "'")
                    write(os.path.join(d, name), t)
                else:
                    # TypeScript: './model' without extension (barrels keep the './x.js' form TS also resolves)
                    t = text if 'barrel' in shape else text.replace(".js'", "'")
                    write(os.path.join(d, name[:-3] + '.ts'), t)
print('ok')
