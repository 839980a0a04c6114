// A reload into the full app that brings back the public bundle means the cookie did not take
// (blocked cookies, a proxy stripping them). Remembered for a moment, so the public bundle
// says so instead of reloading forever.

const KEY = 'greenroom:app-cookie-reload';
const WINDOW_MS = 10_000;

function store(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: no guard, but no crash either
  }
}

export const reloadGuard = {
  /** Called right before reloading into the full app. */
  mark(now = Date.now()) {
    store()?.setItem(KEY, String(now));
  },
  /** Whether this page load follows such a reload closely. */
  justReloaded(now = Date.now()): boolean {
    const at = Number(store()?.getItem(KEY));
    return Number.isFinite(at) && at > 0 && now - at < WINDOW_MS;
  },
  /** The full app loaded: the cookie worked. */
  clear() {
    store()?.removeItem(KEY);
  },
};
