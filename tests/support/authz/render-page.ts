import { isValidElement, type ReactElement } from "react";
import { nextNavigation, type Got } from "./run";

// Runs a page as Next's server would, short of HTML: the page function with its params, then
// every async (server) component in what it returns, so that each one's data loading and access
// checks run. Client components are left as elements: their props are the data sent to the
// browser, which is what a leak check must read.

const MAX_DEPTH = 12;

const isAsyncComponent = (type: unknown): type is (props: unknown) => Promise<unknown> =>
  typeof type === "function" && type.constructor.name === "AsyncFunction";

async function resolve(node: unknown, depth: number): Promise<unknown> {
  if (depth > MAX_DEPTH || node === null || typeof node !== "object") return node;
  if (node instanceof Promise) return resolve(await node, depth + 1);
  if (Array.isArray(node)) return Promise.all(node.map((child) => resolve(child, depth + 1)));
  if (isValidElement(node)) {
    const element = node as ReactElement<Record<string, unknown>>;
    if (isAsyncComponent(element.type)) return resolve(await element.type(element.props), depth + 1);
    const props: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(element.props)) props[key] = await resolve(value, depth + 1);
    return { type: typeof element.type === "string" ? element.type : (element.type as { name?: string })?.name, props };
  }
  return node;
}

export interface PageRun {
  got: Got;
  tree?: unknown;
  redirectedTo?: string;
  thrown?: unknown;
}

type PageFn = (props: { params: Promise<Record<string, unknown>>; searchParams: Promise<Record<string, unknown>> }) => unknown;

export async function renderPage(page: PageFn, params: Record<string, unknown>): Promise<PageRun> {
  try {
    const tree = await resolve(await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }), 0);
    return { got: "allowed", tree };
  } catch (error) {
    const nav = nextNavigation(error);
    if (nav && "redirect" in nav) return { got: nav.redirect === "/login" ? "login" : "allowed", redirectedTo: nav.redirect };
    if (nav) return { got: "not-found" };
    return { got: "crash", thrown: error };
  }
}
