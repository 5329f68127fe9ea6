
/// The pages' static files, compiled in and served from memory: the stylesheet, the refresh
/// script and the icon. All same-origin, so the CSP needs no `'unsafe-inline'` and no other host.
package enum PageAssets {
    /// Reloads the page every ten minutes while it is visible. Progressive: the pages are complete
    /// without it (served with `defer`, allowed by `script-src 'self'`).
    package static let refreshScript = #"""
        "use strict";
        (function () {
          var period = 10 * 60 * 1000;
          var loadedAt = Date.now();
          window.setInterval(function () {
            if (document.visibilityState === "visible" && Date.now() - loadedAt >= period) {
              window.location.reload();
            }
          }, 30 * 1000);
        })();

        """#

    /// A sun behind a cloud.
    package static let favicon = #"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="24" cy="24" r="14" fill="#f59e0b"/><path d="M18,52 H46 A10,10 0 0 0 46,32 A14,14 0 0 0 19,30 A11,11 0 0 0 18,52 Z" fill="#cbd5e1" stroke="#64748b" stroke-width="2"/></svg>

        """#

}
