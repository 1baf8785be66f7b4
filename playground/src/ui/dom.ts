/**
 * A tiny element builder. Text always goes in as text nodes: nothing from a policy, a share link or
 * storage is ever parsed as HTML.
 */

type Child = Node | string | number | null | undefined | false;

interface Props {
  readonly class?: string;
  readonly title?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

/** Create an element with properties and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [type, fn] of Object.entries(props.on ?? {}))
    el.addEventListener(type, fn as EventListener);
  append(el, ...children);
  return el;
}

/** Append children, strings as text nodes. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(
      typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c,
    );
  }
}

/** Replace all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** The element with this id; throws when the page markup lacks it (a build mistake). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`页面缺少元素 #${id}`);
  return el as T;
}

/** A short message at the bottom of the page. */
export function toast(message: string): void {
  const el = byId("toast");
  el.textContent = message;
  el.classList.add("show");
  window.clearTimeout(Number(el.dataset["timer"] ?? 0));
  el.dataset["timer"] = String(window.setTimeout(() => el.classList.remove("show"), 3500));
}
