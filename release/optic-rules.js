// Compatibility rules optic's `breaking-changes` ruleset leaves out, written with optic's own
// rule API (@useoptic/rulesets-base) and loaded through release/optic.yml. Gaps measured with
// optic 1.0.9: an enum value removed from, or added to, the items of an array property
// (`codecs: [Codec]`) was reported only as "changed"; a request constraint tightened
// (`caller_id` maxLength 255 -> 100) passed every check. Array items and anyOf branches are
// "schema" facts to optic, which property rules never see: these rules read schemas.
//
// The severity is the class `make changes` prints: "error" = breaking, "info" = additive,
// "warn" = a fix worth a word.
const { OperationRule, RequestRule, ResponseBodyRule, RuleError, Ruleset } = require('@useoptic/rulesets-base');

// A readable name for a schema inside a body: `codecs[]` for the items of `codecs`.
function nameOf(location) {
  const pointer = location.jsonPath.split('/schema').slice(1).join('/schema');
  const parts = pointer.split('/').filter(Boolean);
  let name = '';
  for (let i = 0; i < parts.length; i += 1) {
    if (parts[i] === 'properties') {
      name += (name ? '.' : '') + parts[i + 1].replace(/~1/g, '/').replace(/~0/g, '~');
      i += 1;
    } else if (parts[i] === 'items') {
      name += '[]';
    } else if (['anyOf', 'oneOf', 'allOf'].includes(parts[i])) {
      i += 1; // a branch speaks for the value it belongs to
    }
  }
  return name || 'body';
}

const enumOf = (schema) =>
  Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : null;
const inBranch = (location) => /\/(anyOf|oneOf)\/\d+$/.test(location.jsonPath);
const quoted = (values) => values.map((v) => `'${v}'`).join(', ');
const plural = (values) => (values.length > 1 ? 's' : '');

// optic reports each change at its property: name the array items when the enum is theirs.
const of = (location) => (nameOf(location).endsWith('[]') ? ' (array items)' : '');

function enumChange(before, after, removedBreaks) {
  const was = enumOf(before.raw);
  const now = enumOf(after.raw);
  if (!was || !now) return null;
  const removed = was.filter((v) => !now.includes(v));
  const added = now.filter((v) => !was.includes(v));
  if (removed.length && removedBreaks(after.location)) {
    throw new RuleError({
      message: `enum value${plural(removed)} ${quoted(removed)} removed${of(after.location)}. This is a breaking change.`,
    });
  }
  return { added, removed };
}

const requestEnumValuesRemoved = new RequestRule({
  name: 'request enum values removed',
  severity: 'error',
  rule: (request) => {
    // A request that still sends a removed value is refused.
    request.schema.changed((before, after) => enumChange(before, after, () => true));
  },
});

const responseEnumValuesRemoved = new ResponseBodyRule({
  name: 'response enum values removed',
  severity: 'error',
  rule: (response) => {
    // A closed response enum that loses a value breaks a client generated from it; an open one
    // (a branch of `anyOf: [<enum>, {type: string}]`) still parses the value as a string.
    response.schema.changed((before, after) =>
      enumChange(before, after, (location) => !inBranch(location)),
    );
  },
});

const openResponseEnumValuesRemoved = new ResponseBodyRule({
  name: 'open response enum values removed',
  severity: 'warn',
  rule: (response) => {
    response.schema.changed((before, after) => {
      const change = enumChange(before, after, () => false);
      if (change && change.removed.length && inBranch(after.location)) {
        throw new RuleError({
          message: `enum value${plural(change.removed)} ${quoted(change.removed)} no longer listed${of(after.location)}; clients still parse ${change.removed.length > 1 ? 'them' : 'it'} (the enum is open). This is a fix.`,
        });
      }
    });
  },
});

function enumAdded(before, after) {
  const change = enumChange(before, after, () => false);
  if (change && change.added.length) {
    throw new RuleError({
      message: `enum value${plural(change.added)} ${quoted(change.added)} added${of(after.location)}. This is an additive change.`,
    });
  }
}

const requestEnumValuesAdded = new RequestRule({
  name: 'request enum values added',
  severity: 'info',
  rule: (request) => request.schema.changed(enumAdded),
});

const responseEnumValuesAdded = new ResponseBodyRule({
  name: 'response enum values added',
  severity: 'info',
  rule: (response) => response.schema.changed(enumAdded),
});

// Bounds that narrow what a request may carry when they move this way.
const TIGHTER = {
  maxLength: (a, b) => b < a,
  maxItems: (a, b) => b < a,
  maximum: (a, b) => b < a,
  exclusiveMaximum: (a, b) => b < a,
  minLength: (a, b) => b > a,
  minItems: (a, b) => b > a,
  minimum: (a, b) => b > a,
  exclusiveMinimum: (a, b) => b > a,
};

function boundChanges(before, after) {
  const tightened = [];
  const loosened = [];
  for (const [key, tighter] of Object.entries(TIGHTER)) {
    const was = before[key];
    const now = after[key];
    if (was === now) continue;
    if (was === undefined) tightened.push(`${key} ${now} added`);
    else if (now === undefined) loosened.push(`${key} ${was} removed`);
    else (tighter(was, now) ? tightened : loosened).push(`${key} ${was} -> ${now}`);
  }
  for (const key of ['pattern', 'format']) {
    if (before[key] === after[key]) continue;
    if (after[key] === undefined) loosened.push(`${key} removed`);
    else tightened.push(`${key} ${before[key] === undefined ? 'added' : 'changed'}: ${after[key]}`);
  }
  if (!before.uniqueItems && after.uniqueItems) tightened.push('uniqueItems added');
  if (before.uniqueItems && !after.uniqueItems) loosened.push('uniqueItems removed');
  return { tightened, loosened };
}

const requestConstraintTightened = new RequestRule({
  name: 'request constraint tightened',
  severity: 'error',
  rule: (request) => {
    request.schema.changed((before, after) => {
      const { tightened } = boundChanges(before.raw, after.raw);
      if (tightened.length) {
        throw new RuleError({
          message: `accepts less${of(after.location)}: ${tightened.join(', ')}. This is a breaking change.`,
        });
      }
    });
  },
});

const requestConstraintLoosened = new RequestRule({
  name: 'request constraint loosened',
  severity: 'info',
  rule: (request) => {
    request.schema.changed((before, after) => {
      const { tightened, loosened } = boundChanges(before.raw, after.raw);
      if (loosened.length && !tightened.length) {
        throw new RuleError({
          message: `accepts more${of(after.location)}: ${loosened.join(', ')}. This is an additive change.`,
        });
      }
    });
  },
});

// Parameters (path, query, header) narrow the same way; optic's ruleset sees only their type.
const PARAMETERS = ['pathParameter', 'queryParameter', 'headerParameter'];

const parameterConstraintTightened = new OperationRule({
  name: 'parameter constraint tightened',
  severity: 'error',
  rule: (operation) => {
    for (const kind of PARAMETERS) {
      operation[kind].changed((before, after) => {
        const { tightened } = boundChanges(before.raw.schema || {}, after.raw.schema || {});
        if (tightened.length) {
          throw new RuleError({
            message: `${after.raw.in} parameter '${after.raw.name}' accepts less: ${tightened.join(', ')}. This is a breaking change.`,
          });
        }
      });
    }
  },
});

const parameterConstraintLoosened = new OperationRule({
  name: 'parameter constraint loosened',
  severity: 'info',
  rule: (operation) => {
    for (const kind of PARAMETERS) {
      operation[kind].changed((before, after) => {
        const { tightened, loosened } = boundChanges(before.raw.schema || {}, after.raw.schema || {});
        if (loosened.length && !tightened.length) {
          throw new RuleError({
            message: `${after.raw.in} parameter '${after.raw.name}' accepts more: ${loosened.join(', ')}. This is an additive change.`,
          });
        }
      });
    }
  },
});

module.exports = {
  configSchema: {},
  rulesetConstructor: () =>
    new Ruleset({
      name: 'signalwire-sip compatibility',
      rules: [
        requestEnumValuesRemoved,
        responseEnumValuesRemoved,
        openResponseEnumValuesRemoved,
        requestEnumValuesAdded,
        responseEnumValuesAdded,
        requestConstraintTightened,
        requestConstraintLoosened,
        parameterConstraintTightened,
        parameterConstraintLoosened,
      ],
    }),
};
