/** Builds an element whose text is set as text, never parsed as markup: note data is data. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Pick<HTMLElement, "className" | "id" | "title">> & { text?: string; attrs?: Record<string, string> } = {},
  children: (Node | null)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.id) element.id = props.id;
  if (props.title) element.title = props.title;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export function button(text: string, onClick: () => void, props: { className?: string; label?: string } = {}): HTMLButtonElement {
  const b = el("button", { text, className: props.className ?? "", attrs: { type: "button", ...(props.label ? { "aria-label": props.label, title: props.label } : {}) } });
  b.addEventListener("click", onClick);
  return b;
}

export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
}
