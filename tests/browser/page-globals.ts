/**
 * The page's own globals as seen from a callback given to page.evaluate / waitForFunction / locator.evaluate:
 * the callback runs in the page, but the test programs compile without the DOM library, so it reaches
 * `document` and friends as `(globalThis as unknown as PageGlobals)` (a type only: nothing can be imported
 * into the page). Only the members the specs use are typed.
 */
export interface PageElement {
  tagName: string;
  textContent: string | null;
  className: unknown;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  contains(other: PageElement | null): boolean;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number };
  closest(selector: string): PageElement | null;
  namespaceURI: string | null;
  scrollWidth: number;
  clientWidth: number;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
}

export interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    querySelector(selector: string): PageElement | null;
    body: PageElement & { querySelectorAll(selector: string): Iterable<PageElement> };
    documentElement: { scrollWidth: number };
  };
  innerWidth: number;
  getComputedStyle(el: PageElement): { [property: string]: string };
}
