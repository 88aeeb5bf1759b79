"""The page's static files, with cache headers (they are compressed by the app's gzip layer).

The libraries under ``vendor/`` change only with a newsgraph release, so browsers keep them
for a day; the page's own script and styles are revalidated on each load (a 304 when
unchanged, thanks to the ETag StaticFiles sends), so an upgrade shows at once.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.staticfiles import StaticFiles

VENDOR_MAX_AGE = 24 * 3600


class CachedStatic(StaticFiles):
    """StaticFiles adding ``Cache-Control``: a day for vendored libraries, revalidation for the rest."""

    def file_response(self, full_path, stat_result, scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        vendored = "/vendor/" in str(full_path).replace("\\", "/")
        response.headers["Cache-Control"] = f"public, max-age={VENDOR_MAX_AGE}" if vendored else "no-cache"
        return response
