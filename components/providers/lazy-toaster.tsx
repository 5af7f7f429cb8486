"use client";

import { lazy, Suspense, useSyncExternalStore } from "react";

const Toaster = lazy(() => import("@/components/ui/sonner").then((m) => ({ default: m.Toaster })));

// Events that come before anything raises a toast: a toast answers something the user
// did. (click too: a screen reader may activate a button with a click and nothing else.)
const FIRST_INTERACTION = ["pointerdown", "keydown", "click", "touchstart"] as const;
const OPTIONS = { capture: true, passive: true } as const;

let wanted = false;
const listeners = new Set<() => void>();

function want() {
  if (wanted) return;
  wanted = true;
  for (const type of FIRST_INTERACTION) window.removeEventListener(type, want, OPTIONS);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!wanted) for (const type of FIRST_INTERACTION) window.addEventListener(type, want, OPTIONS);
  return () => {
    listeners.delete(listener);
    for (const type of FIRST_INTERACTION) window.removeEventListener(type, want, OPTIONS);
  };
}

/**
 * Loads the toaster now. Only needed for a toast raised with no user interaction before
 * it (on page load); a toast that answers a click or a key shows without it.
 */
export function loadToaster() {
  want();
}

/**
 * The app's toast host, loaded at the user's first interaction instead of with every page
 * (sonner is about 11 kB gzip). Sonner replays the toasts raised before its Toaster
 * subscribed, so a toast raised while the host loads still shows.
 */
export function LazyToaster() {
  const show = useSyncExternalStore(
    subscribe,
    () => wanted,
    () => false,
  );
  if (!show) return null;
  return (
    <Suspense>
      <Toaster />
    </Suspense>
  );
}
