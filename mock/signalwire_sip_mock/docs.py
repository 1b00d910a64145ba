"""The mock shows its API: the spec as YAML and JSON, and an API reference page.

The page is Swagger UI (5.x reads OpenAPI 3.1) from the ``swagger-ui-bundle-v2`` package: its
assets come from the installed package, never from a CDN, so the page works offline. The spec
is embedded in the page, so the same page also works as a file (``make docs``,
``python -m signalwire_sip_mock.docs OUT``).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .errors import simple_error
from .spec import hooks_path, load_hooks, load_spec, spec_path

# What /docs/ serves beside its page, and the files `make docs` writes: name -> media type.
ASSETS = {
    "swagger-ui.css": b"text/css; charset=utf-8",
    "swagger-ui-bundle.js": b"text/javascript; charset=utf-8",
}
PAGE = "index.html"

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="./swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<div id="hooks-ui"></div>
<script id="openapi" type="application/json">{spec}</script>
<script id="openapi-hooks" type="application/json">{hooks}</script>
<script src="./swagger-ui-bundle.js"></script>
<script>
function render(source, target) {{
  return SwaggerUIBundle({{
    spec: JSON.parse(document.getElementById(source).textContent),
    dom_id: target,
    deepLinking: false,
    docExpansion: "list",
    displayOperationId: true,
    defaultModelsExpandDepth: 0,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  }});
}}
window.ui = render("openapi", "#swagger-ui");
window.hooksUi = render("openapi-hooks", "#hooks-ui");
</script>
</body>
</html>
"""


def _assets_folder() -> Path:
    from swagger_ui_bundle import swagger_ui_path  # the renderer's own files, as packaged

    return Path(str(swagger_ui_path))


def spec_yaml() -> bytes:
    """The spec exactly as shipped (byte for byte)."""
    return spec_path().read_bytes()


@cache
def spec_json() -> bytes:
    """The same document as JSON."""
    return json.dumps(load_spec(), ensure_ascii=False, indent=2).encode()


@cache
def page() -> bytes:
    """The API reference page (it loads ``./swagger-ui.css`` and ``./swagger-ui-bundle.js``)."""
    spec: dict[str, Any] = load_spec()
    title = html.escape(str(spec["info"]["title"]))
    return _TEMPLATE.format(
        title=title, spec=_embedded(spec), hooks=_embedded(load_hooks())
    ).encode()


def _embedded(document: dict[str, Any]) -> str:
    # Inside <script>, "<" is written as \\u003c so no text of a document can close the element.
    return json.dumps(document, ensure_ascii=False).replace("<", "\\u003c")


def hooks_yaml() -> bytes:
    """The test hooks' OpenAPI document exactly as shipped."""
    return hooks_path().read_bytes()


@cache
def hooks_json() -> bytes:
    return json.dumps(load_hooks(), ensure_ascii=False, indent=2).encode()


@cache
def asset(name: str) -> bytes | None:
    """An asset of the page by its name, or None when there is no such asset."""
    if name not in ASSETS:
        return None
    return (_assets_folder() / name).read_bytes()


def write(folder: Path) -> Path:
    """Write the page and its assets into FOLDER; the page's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        (folder / name).write_bytes(asset(name) or b"")
    target = folder / PAGE
    target.write_bytes(page())
    return target


# Pages outside the API (no auth, not journalled): the spec and its reference page.
DOCS_PATH = "/docs/"
_REDIRECTS = frozenset({"/", "/docs"})
_SPEC_PAGES: dict[str, tuple[bytes, Callable[[], bytes]]] = {
    "/openapi.yaml": (b"application/yaml", spec_yaml),
    "/openapi.json": (b"application/json", spec_json),
    "/openapi-hooks.yaml": (b"application/yaml", hooks_yaml),
    "/openapi-hooks.json": (b"application/json", hooks_json),
}


def is_public_page(path: str) -> bool:
    return path in _REDIRECTS or path in _SPEC_PAGES or path.startswith(DOCS_PATH)


def public_page(method: str, path: str) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
    """The answer to a request for one of the pages outside the API."""
    if method != "GET":
        return 405, simple_error(405), [(b"allow", b"GET")]
    if path in _REDIRECTS:
        return 308, b"", [(b"location", DOCS_PATH.encode())]
    if path in _SPEC_PAGES:
        media_type, content = _SPEC_PAGES[path]
        return 200, content(), [(b"content-type", media_type)]
    name = path[len(DOCS_PATH) :] or PAGE
    body = page() if name == PAGE else asset(name)
    if body is None:
        return 404, simple_error(404), []
    return 200, body, [(b"content-type", ASSETS.get(name, b"text/html; charset=utf-8"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m signalwire_sip_mock.docs",
        description="Write the API reference page (Swagger UI, offline) into a folder.",
    )
    parser.add_argument("folder", type=Path, help="where to write index.html and its assets")
    args = parser.parse_args(argv)
    print(write(args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
