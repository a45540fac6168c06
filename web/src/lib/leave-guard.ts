import { useEffect } from 'react';
import type { AroundNavHandler } from 'wouter';

/**
 * Keeps unsaved work from being lost by leaving the page: while a page holds a guard (the
 * builder with unsaved changes), reloading or closing the tab asks through the browser's own
 * "Leave site?" dialog (beforeunload), and every in-app navigation asks first: links and
 * navigate() calls (wouter's `aroundNav`, see App.tsx), and the browser's Back and Forward buttons.
 */
let guard: { message: string; href: string } | undefined;

/** Asks whether to leave when a guard is held; true (and the guard let go) when the user agrees or nothing is guarded. */
export function confirmLeave(): boolean {
  if (!guard) return true;
  if (!window.confirm(guard.message)) return false;
  guard = undefined;
  return true;
}

/** wouter's navigation wrapper: a navigation to another page goes ahead only once confirmLeave agrees. */
export const guardNavigation: AroundNavHandler = (navigate, to, options) => {
  const here = `${location.pathname}${location.search}`;
  if (to === here || confirmLeave()) navigate(to, options);
};

// Back and Forward have already changed the address when popstate fires. This listener is added
// when the app loads, before wouter's own (added on its first render), so a refusal stops the
// event before the router sees it, and the page's address is put back.
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => {
    if (!guard || location.href === guard.href) return;
    const href = guard.href;
    if (confirmLeave()) return;
    event.stopImmediatePropagation();
    history.pushState(history.state, '', href);
  });
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (!guard) return;
  event.preventDefault();
  // Older Chromium and Safari show their dialog only when returnValue is set.
  event.returnValue = '';
}

/**
 * While `active`, guards the page against being left: see the module comment. `message` is what
 * in-app navigation asks (browsers show their own words on reload).
 * @example useLeaveGuard(dirty, 'You have unsaved changes to this draft. Leave without saving?')
 */
export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return undefined;
    guard = { message, href: location.href };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guard = undefined;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active, message]);
}
