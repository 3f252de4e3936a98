import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';

/** A schema check as Ajv's `compile` returns it: call it, then read `errors` when it fails. */
export interface LazyValidator<T = unknown> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

/** The part of an Ajv instance the modules use, with compiling deferred. */
export interface LazyAjv {
  compile<T = unknown>(schema: object): LazyValidator<T>;
  errorsText(errors?: ErrorObject[] | null, options?: { dataVar?: string }): string;
}

const instances = new Map<string, Ajv>();

/** One Ajv per set of options, made on first use and shared by every schema that uses them. */
function ajvWith(options: Options): Ajv {
  const key = JSON.stringify(options);
  let ajv = instances.get(key);
  if (!ajv) {
    ajv = new Ajv(options);
    instances.set(key, ajv);
  }
  return ajv;
}

/**
 * Ajv with `compile` deferred to a schema's first check. Every new Ajv compiles Ajv's own
 * meta-schema and every `compile` generates code: done at import by the ten schema modules,
 * that was about half of a Lambda cold start's loading (README "Deployment package"). Now a
 * process compiles only the schemas it uses, when it first uses them, on one instance per set
 * of options. Behaves as `new Ajv(options)` otherwise.
 */
export function lazyAjv(options: Options = {}): LazyAjv {
  return {
    compile<T>(schema: object): LazyValidator<T> {
      let compiled: ValidateFunction<T> | undefined;
      const validate = ((data: unknown) => {
        compiled ??= ajvWith(options).compile<T>(schema);
        const valid = compiled(data);
        validate.errors = compiled.errors;
        return valid;
      }) as LazyValidator<T>;
      return validate;
    },
    errorsText: (errors, textOptions) => ajvWith(options).errorsText(errors, textOptions),
  };
}
