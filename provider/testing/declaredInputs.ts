import { fieldSlug } from "../common/slug";

/**
 * `data.input` for a run that knows the declared input fields: reading a slug Langdock would not
 * pass fails the run, naming the slugs it does pass. Only string keys that are not Object.prototype
 * members are checked, so `JSON.stringify(inputs)`, spreading and `in` work as usual.
 */
export function declaredSlugs(fields: ReadonlyArray<{ label: unknown } | string>): string[] {
  const taken = new Set<string>();
  return fields.map((field, i) => {
    if (typeof field === "string") return (taken.add(field), field);
    if (typeof field.label !== "string")
      throw new TypeError(
        `inputFields[${i}].label must be a plain string in a local run (got ${typeof field.label}); pass the labels as text.`,
      );
    const base = fieldSlug(field.label);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}${n}`;
    taken.add(slug);
    return slug;
  });
}

/** `subject` names what used the slug, e.g. `action code reads data.input.orderid`. */
export function undeclaredMessage(subject: string, slug: string, declared: string[]): string {
  const hint = declared.find((d) => d.toLowerCase() === slug.toLowerCase().replace(/[^a-z0-9]/g, ""));
  return `${subject}, which is not a declared input field (declared: ${declared.length ? declared.join(", ") : "none"}); Langdock passes each field under the camelCase of its label ("User ID" → userId)${hint ? `: did you mean ${hint}?` : "."}`;
}

export function guardInputs<T extends object>(input: T, declared: string[], onUndeclared: (slug: string) => Error): T {
  const allowed = new Set(declared);
  return new Proxy(input, {
    get(target, key, receiver) {
      if (typeof key === "string" && !allowed.has(key) && !(key in Object.prototype) && key !== "toJSON" && key !== "then") {
        throw onUndeclared(key);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
