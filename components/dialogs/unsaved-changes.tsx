"use client";

// Leaving a half-filled form asks first. The App Router has no navigation events, so a
// page guard (useLeaveGuard) catches what leaves it: a click on an in-app link (captured
// on the document, before Next's <Link> handles it), Back/Forward (the Navigation API's
// cancellable traversal) and closing or reloading the tab (beforeunload, the browser's
// own question). A dialog
// guard (useDiscardGuard) asks before a dirty dialog closes (Escape, outside click, 取消).
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { DiscardPromptProps } from "./discard-prompt";

// The prompt (Radix AlertDialog) is not part of the page's first load: it loads when the
// form first holds changes, and is mounted from its first question on (docs/decisions/005).
const loadPrompt = () => import("./discard-prompt");
const LazyPrompt = dynamic(() => loadPrompt().then((m) => m.DiscardPrompt), { ssr: false });

function DiscardPrompt(props: DiscardPromptProps) {
  const [asked, setAsked] = useState(false);
  if (props.open && !asked) setAsked(true);
  return asked ? <LazyPrompt {...props} /> : null;
}

/** Loads the prompt once the form holds changes, so that it shows at once when asked. */
function usePreloadPrompt(dirty: boolean) {
  useEffect(() => {
    if (dirty) void loadPrompt();
  }, [dirty]);
}

// The parts of the Navigation API used here (not yet in TypeScript's DOM types).
interface NavigateEventLike extends Event {
  navigationType: "push" | "replace" | "reload" | "traverse";
  destination: { key: string };
}
interface NavigationLike {
  addEventListener(type: "navigate", listener: (event: NavigateEventLike) => void): void;
  removeEventListener(type: "navigate", listener: (event: NavigateEventLike) => void): void;
  traverseTo(key: string): unknown;
}

/** Where a click on this link would take the app, or null when it stays or is not ours. */
function inAppTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement)) return null;
  if (link.target && link.target !== "_self") return null;
  if (link.hasAttribute("download")) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A jump within the page (the skip link) leaves nothing behind.
  if (url.pathname === window.location.pathname && url.search === window.location.search)
    return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Asks before the page is left while `dirty`. Render the answer where the form is.
 * `draftKept`: the form keeps a draft in this tab, so the question says it is kept.
 */
export function useLeaveGuard(dirty: boolean, { draftKept = false } = {}): ReactNode {
  const router = useRouter();
  // What leaving would do: open a link, or go back.
  const [pending, setPending] = useState<{ href: string } | { traverseTo: string } | null>(null);
  const dirtyRef = useRef(dirty);
  const released = useRef(false);
  usePreloadPrompt(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
    if (!dirty) released.current = false;
  }, [dirty]);

  useEffect(() => {
    const guarding = () => dirtyRef.current && !released.current;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!guarding()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (!guarding()) return;
      const href = inAppTarget(event);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ href });
    };
    // Back/Forward: the Navigation API lets a page cancel a traversal while it has the
    // person's activation (typing counts); the router never hears of a cancelled one.
    // Where it is missing or will not cancel, a same-page step goes ahead unasked.
    const nav = (window as { navigation?: NavigationLike }).navigation;
    const onNavigate = (event: NavigateEventLike) => {
      if (event.navigationType !== "traverse" || !event.cancelable || !guarding()) return;
      event.preventDefault();
      setPending({ traverseTo: event.destination.key });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    nav?.addEventListener("navigate", onNavigate);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      nav?.removeEventListener("navigate", onNavigate);
    };
  }, []);

  const leave = () => {
    const to = pending;
    setPending(null);
    released.current = true;
    if (!to) return;
    if ("href" in to) router.push(to.href);
    else (window as { navigation?: NavigationLike }).navigation?.traverseTo(to.traverseTo);
  };
  return (
    <DiscardPrompt
      open={pending !== null}
      draftKept={draftKept}
      onStay={() => setPending(null)}
      onLeave={leave}
    />
  );
}

/**
 * A dialog whose form asks before its changes are dropped: call `close()` wherever the
 * dialog would close (onOpenChange(false), 取消) and render `prompt` inside the dialog.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void) {
  const [asking, setAsking] = useState(false);
  usePreloadPrompt(dirty);
  const close = () => (dirty ? setAsking(true) : onClose());
  const prompt = (
    <DiscardPrompt
      open={asking}
      onStay={() => setAsking(false)}
      onLeave={() => {
        setAsking(false);
        onClose();
      }}
    />
  );
  return { close, prompt };
}
