/** A JSON Schema from the document, shown as JSON, with the named components it refers to inlined once. */
export function SchemaBlock({ title, schema, schemas }: { title: string; schema: unknown; schemas: Record<string, unknown> }) {
  const referenced = new Set<string>();
  const walk = (value: unknown) => {
    if (!value || typeof value !== "object") return;
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") {
        const name = item.split("/").pop() ?? "";
        if (!referenced.has(name)) {
          referenced.add(name);
          walk(schemas[name]);
        }
      } else walk(item);
    }
  };
  walk(schema);
  return (
    <details className="rounded border border-slate-200">
      <summary className="cursor-pointer px-3 py-1.5 font-medium">{title}</summary>
      <pre className="overflow-x-auto border-t border-slate-200 p-3 text-xs">
        <code>{JSON.stringify(schema, null, 2)}</code>
      </pre>
      {[...referenced].map((name) => (
        <div key={name} className="border-t border-slate-200">
          <p className="px-3 pt-2 font-mono text-xs font-semibold">{name}</p>
          <pre className="overflow-x-auto p-3 text-xs">
            <code>{JSON.stringify(schemas[name], null, 2)}</code>
          </pre>
        </div>
      ))}
    </details>
  );
}
