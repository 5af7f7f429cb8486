import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

// The header menus are Radix dropdowns: with floating-ui, focus scope and scroll lock
// they weigh about 37 kB gzip, on every page, for two menus a user opens now and then.
// Until the user reaches for one, the header shows its trigger alone (the same button,
// with the attributes Radix gives it); the menu loads on hover or focus and takes over on
// the press that Radix would have opened it with (see docs/decisions/005).

export type OpenedWith = "pointer" | "keyboard";

/** State and handlers of a menu trigger whose menu is not loaded yet. */
export function useLazyMenu(load: () => Promise<unknown>) {
  const [openedWith, setOpenedWith] = useState<OpenedWith | null>(null);
  const preload = () => void load();
  const triggerProps = {
    type: "button" as const,
    "aria-haspopup": "menu" as const,
    "aria-expanded": false,
    "data-state": "closed",
    onPointerEnter: preload,
    onFocus: preload,
    // As Radix's DropdownMenuTrigger: a primary press without Ctrl opens, and does not
    // move the focus; Enter, Space and ArrowDown open from the keyboard.
    onPointerDown: (event: PointerEvent) => {
      if (event.button !== 0 || event.ctrlKey) return;
      event.preventDefault();
      setOpenedWith("pointer");
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (!["Enter", " ", "ArrowDown"].includes(event.key)) return;
      event.preventDefault();
      setOpenedWith("keyboard");
    },
  };
  return { openedWith, triggerProps };
}

/**
 * A ref for the menu's content that, on the first opening only, focuses its first item
 * when the keyboard opened it. Radix does so for a keyboard opening, which it learns from
 * a keydown it listens for once mounted: the keydown that loaded the menu came before.
 * The ref is attached before Radix's autofocus runs, which then leaves the focus there.
 */
export function useFirstOpenFocus(openedWith: OpenedWith) {
  const pending = useRef(openedWith === "keyboard");
  return useCallback((content: HTMLElement | null) => {
    if (!content || !pending.current) return;
    pending.current = false;
    content
      .querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')
      ?.focus({ preventScroll: true });
  }, []);
}
