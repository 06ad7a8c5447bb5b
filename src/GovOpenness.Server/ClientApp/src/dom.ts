// A tiny element builder: text is always set as text (never as HTML), so names from the API cannot inject markup.

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A table's header row: one column header (scope="col") per label; a null label adds no column. */
export function columnHeads(...labels: (string | null)[]): HTMLTableSectionElement {
  return el("thead", {}, el("tr", {}, ...labels.map((label) => (label === null ? null : el("th", { scope: "col" }, label)))));
}
