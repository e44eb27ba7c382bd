/**
 * Where a message's link goes inside this app, or null when it leaves it. Links are stored as paths
 * (`/m/requests/…`, `/console/requests/…`); a full URL of this same site is turned back into a path.
 */
export function inAppPath(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Follow a message's link: inside the app through the router, elsewhere by a plain page load. */
export function followLink(link: string | null, navigate: (path: string) => void): void {
  if (!link) return;
  const path = inAppPath(link);
  if (path) navigate(path);
  else if (/^https?:\/\//i.test(link)) window.location.assign(link);
}
